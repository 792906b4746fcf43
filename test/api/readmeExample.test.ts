import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The README's one-call example, with `campaign-lab` (and its exported scenarios) pointing at this checkout. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- one-call example -->\n```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README.md has the one-call example');
  return block[1]!
    .replace("from 'campaign-lab'", `from ${JSON.stringify(pathToFileURL(join(root, 'src', 'index.ts')).href)}`)
    .replace(/import\.meta\.resolve\('campaign-lab\/([^']+)'\)/g, (_, path: string) => JSON.stringify(pathToFileURL(join(root, path)).href));
}

test('the README one-call example runs a race file and a scenario object, with the numbers of `campaign-lab run --json`', () => {
  const code = readmeExample();
  assert.ok(code.split('\n').filter((l) => l.trim() !== '').length <= 10, 'ten lines at most');
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-readme-'));
  const file = join(dir, 'example.mts');
  writeFileSync(file, code);
  const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;
  const out = spawnSync(process.execPath, ['--import', tsx, file], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });
  assert.equal(out.status, 0, out.stderr);
  const [paLine, flLine] = out.stdout.trim().split('\n');
  const cli = (args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', tsx, join(root, 'src', 'cli', 'main.ts'), ...args, '--json'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as { pWin: Record<string, number>; tippingPoint: { id: string }[] };
  };
  const pa = cli(['run', 'scenarios/pennsylvania-2024-counties.yaml', '--sims', '20000']);
  assert.deepEqual(eval(`(${paLine})`), pa.pWin);
  const scenario = join(dir, 'fl.yaml');
  writeFileSync(scenario, 'name: Florida 2000\ncountry: us\nyear: 2000\nrule: electoral-college\nsides: [D, R]\nsimulations: 20000\nseed: 2000\ncampaigns: { D: { listSize: 2700000 } }\n');
  const fl = cli(['run', scenario]);
  assert.equal(flLine, `${fl.pWin.D} ${fl.tippingPoint[0]!.id}`);
  assert.equal(fl.tippingPoint[0]!.id, 'FL');
});
