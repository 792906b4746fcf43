#!/usr/bin/env node
// `npm test`: every test, from a machine that has only Node and the OS:
//   setup (Jupyter and Chromium from the OS packages where missing, project-local tslab kernel)
//   -> build (npm run build: notebooks import the compiled dist/)
//   -> unit tests (scripts/run-unit-tests.mjs: test/**/*.test.ts with node:test)
//   -> every notebook, headless (scripts/run-notebooks.mjs)
// Exit code 1 when anything fails. The last line on stdout is `total: N passed, M failed`, where N and
// M add the unit tests and the notebooks (a stage that fails before counting counts as one failure).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './notebook/env.mjs';
import { setup } from './setup.mjs';

process.env.TZ = 'UTC';
process.env.LC_ALL = 'C';

/** Runs a command, echoing its stdout and stderr, and resolves with its exit code and stdout. */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => done({ code: 1, stdout: `${stdout}\n${error.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, stdout }));
  });
}

/** Reads the last `<label> N` count from the node test runner's summary (`ℹ pass 12`). */
function count(stdout, label) {
  const matches = [...stdout.matchAll(new RegExp(`^\\S* ?${label} (\\d+)\\s*$`, 'gm'))];
  return matches.length > 0 ? Number(matches.at(-1)[1]) : undefined;
}

let passed = 0;
let failed = 0;

console.log('== setup');
try {
  setup();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed++;
}

console.log('== build');
const build = await run('npm', ['run', 'build', '--silent']);
if (build.code !== 0) {
  console.error(`build failed (exit code ${build.code})`);
  failed++;
}

console.log('== unit tests');
const unit = await run(process.execPath, [join(root, 'scripts', 'run-unit-tests.mjs')]);
const unitPassed = count(unit.stdout, 'pass');
const unitFailed = count(unit.stdout, 'fail');
passed += unitPassed ?? 0;
failed += unitFailed ?? 0;
if (unit.code !== 0 && !unitFailed) {
  console.error(`unit tests exited with code ${unit.code} without a failure count`);
  failed++;
}

console.log('== notebooks');
const notebooks = await run(process.execPath, [join(root, 'scripts', 'run-notebooks.mjs')]);
const summary = /^notebooks: (\d+) passed, (\d+) failed$/m.exec(notebooks.stdout);
if (summary) {
  passed += Number(summary[1]);
  failed += Number(summary[2]);
}
if (!summary || (notebooks.code !== 0 && Number(summary[2]) === 0)) {
  console.error(`notebook run exited with code ${notebooks.code} without a failure count`);
  failed++;
}

console.log(`total: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
