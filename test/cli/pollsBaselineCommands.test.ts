import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runMain } from './cliHarness.js';

/** The 2016 polls as of 7 Nov 2016 with a list and a door-to-door campaign for D. */
function pollsScenario(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-polls-commands-'));
  const file = join(dir, 'polls.yaml');
  writeFileSync(
    file,
    [
      'name: 2016 from the polls, with a list',
      'country: us',
      'year: 2012',
      'rule: electoral-college',
      'sides: [D, R]',
      'simulations: 3000',
      'seed: 5',
      'baseline:',
      `  polls: { file: ${join(projectRoot, 'data', 'polls', 'us-president-2016-polls.csv')}, asOf: 2016-11-07 }`,
      'campaigns:',
      '  D: { listSize: 5000000, channels: { email: {}, door: { coverage: 0.2, costPerContact: 10 } } }',
      '  R: { listSize: 5000000 }',
      '',
    ].join('\n'),
  );
  return file;
}

test('run, value, compare and allocate work on a poll baseline', async () => {
  const file = pollsScenario();
  const run = await runMain(['run', file, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.match(doc.baseline.description, /polls as of 2016-11-07/);
  assert.ok(doc.pWin.D > 0.7);
  const value = await runMain(['value', file, '--side', 'D', '--add', '100000', '--json']);
  assert.equal(value.code, 0, value.stderr);
  const v = JSON.parse(value.stdout);
  assert.equal(v.territories.length, 51); // districts take their state's campaign
  // The closest states on the polls' forecast are where more supporters move P(win) most.
  const top = v.territories.slice(0, 8).map((t: { id: string }) => t.id);
  assert.ok(top.some((id: string) => ['FL', 'NC', 'NV', 'OH', 'PA', 'MI', 'NH', 'CO', 'WI', 'IA'].includes(id)), top.join(','));
  const compare = await runMain(['compare', file, '--set', 'baseline.swing=-3', '--json']);
  assert.equal(compare.code, 0, compare.stderr);
  const c = JSON.parse(compare.stdout);
  assert.ok(c.variant.pWin < c.base.pWin && c.difference.high < 0, JSON.stringify(c).slice(0, 200));
  const allocate = await runMain(['allocate', file, '--side', 'D', '--budget', '2000000', '--cost-per-supporter', '5', '--sims', '1000', '--json']);
  assert.equal(allocate.code, 0, allocate.stderr);
  const plan = JSON.parse(allocate.stdout);
  assert.deepEqual(plan.strategies.map((s: { name: string }) => s.name), ['optimum', 'swing-only', 'proportional', 'proportional-all']);
});
