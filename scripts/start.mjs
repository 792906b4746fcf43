#!/usr/bin/env node
// `npm start`: builds, then runs the main job, the default scenario, writing its briefing under out/:
//   node bin/campaign-lab.js run scenarios/default.yaml --out out
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { root } from './notebook/env.mjs';

const cli = join(root, 'bin', 'campaign-lab.js');
const scenario = join(root, 'scenarios', 'default.yaml');

const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`start: the build failed (exit code ${build.status ?? build.signal}); fix the errors above and run npm start again`);
  process.exit(1);
}
for (const path of [cli, scenario]) {
  if (!existsSync(path)) {
    console.error(`start: ${relative(root, path)} must exist to run the main job, got nothing (the command line and the default scenario are not in this checkout yet)`);
    process.exit(1);
  }
}
const args = [cli, 'run', relative(root, scenario), '--out', 'out', ...process.argv.slice(2)];
console.error(`start: node ${args.map((a) => (a === cli ? relative(root, cli) : a)).join(' ')}`);
const job = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(job.status ?? 1);
