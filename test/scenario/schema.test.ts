import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scenarioSchema } from '../../src/scenario/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the committed scenario schema is what scripts/gen-schema.mjs generates from the Scenario type', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-schema.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}\nThe Scenario type changed: run node scripts/gen-schema.mjs and commit both files.`);
});

test('scenarioSchema closes every object to unknown keys and carries the documented ranges', () => {
  const s = scenarioSchema.definitions!;
  assert.equal(s.Scenario.additionalProperties, false);
  assert.equal(s.CampaignSpec.additionalProperties, false);
  // ChannelSpec.coverage is documented as a share, 0–1.
  assert.deepEqual([s.ChannelSpec.properties!.coverage.minimum, s.ChannelSpec.properties!.coverage.maximum], [0, 1]);
});
