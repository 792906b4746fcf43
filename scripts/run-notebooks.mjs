#!/usr/bin/env node
// Executes notebooks headless, top to bottom, on the project-local tslab kernel, and fails on any cell
// error, any tslab diagnostic (`line:col - message` on stderr) and any code cell left unexecuted.
//
// Usage: node scripts/run-notebooks.mjs [--write] [--timeout SECONDS] [--out-dir DIR] [--jobs N] [notebook.ipynb ...]
//   no paths     every notebooks/*.ipynb
//   --write      save each passing executed notebook in place (committed notebooks carry their outputs)
//   --out-dir    where executed copies go otherwise (default: a fresh temporary folder)
//   --timeout    seconds allowed per cell (default 120)
//   --jobs       notebooks run at the same time (default 2)
// Last line on stdout: `notebooks: N passed, M failed`. Exit code 1 when any failed.
// Notebooks import the compiled package (../dist), so build first (npm test does).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { checkNotebook } from './notebook/check.mjs';
import { findJupyterPython, jupyterEnv, kernelName, root } from './notebook/env.mjs';
import { registerKernel } from './setup.mjs';

function parseArguments(argv) {
  const options = { write: false, timeout: 120, outDir: undefined, jobs: 2, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`run-notebooks: ${arg} must be followed by a value, got nothing`);
      return argv[++i];
    };
    if (arg === '--write') options.write = true;
    else if (arg === '--timeout') options.timeout = Number(value());
    else if (arg === '--out-dir') options.outDir = resolve(value());
    else if (arg === '--jobs') options.jobs = Number(value());
    else if (arg.startsWith('--')) throw new Error(`run-notebooks: option must be one of --write, --timeout, --out-dir, --jobs, got ${arg}`);
    else options.paths.push(resolve(arg));
  }
  if (!(options.timeout > 0)) throw new Error(`run-notebooks: --timeout must be a positive number of seconds, got ${options.timeout}`);
  if (!(Number.isInteger(options.jobs) && options.jobs > 0)) throw new Error(`run-notebooks: --jobs must be a positive integer, got ${options.jobs}`);
  return options;
}

function defaultNotebooks() {
  const dir = join(root, 'notebooks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => join(dir, name));
}

/** Runs execute.py on one notebook; resolves with the executed notebook, the report and stderr. */
function execute(python, source, target, reportPath, timeout) {
  return new Promise((done) => {
    const child = spawn(
      python,
      [join(root, 'scripts', 'notebook', 'execute.py'), source, target, reportPath, '--kernel', kernelName, '--timeout', String(Math.ceil(timeout))],
      { env: jupyterEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stdout.on('data', (chunk) => (stderr += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      if (code !== 0 || !existsSync(reportPath) || !existsSync(target)) {
        done({ problems: [`the executor exited with code ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`] });
        return;
      }
      const notebook = JSON.parse(readFileSync(target, 'utf8'));
      const report = JSON.parse(readFileSync(reportPath, 'utf8'));
      done({ problems: checkNotebook(notebook, report) });
    });
  });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const python = findJupyterPython();
  if (!python) throw new Error('run-notebooks: Jupyter (nbclient) is missing; run "node scripts/setup.mjs" first');
  registerKernel(); // writes the kernel spec when absent or when the Node or project path changed
  const notebooks = options.paths.length > 0 ? options.paths : defaultNotebooks();
  const workDir = mkdtempSync(join(tmpdir(), 'campaign-lab-notebooks-'));
  const outDir = options.outDir ?? workDir;
  mkdirSync(outDir, { recursive: true });

  let passed = 0;
  let failed = 0;
  const queue = notebooks.map((path, index) => ({ path, index }));
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const { path, index } = item;
      const name = relative(root, path);
      const started = Date.now();
      if (!existsSync(path)) {
        failed++;
        console.log(`FAIL ${name}\n  the file does not exist`);
        continue;
      }
      const target = join(options.write ? workDir : outDir, basename(path));
      const reportPath = join(workDir, `${index}-${basename(path)}.report.json`);
      const { problems } = await execute(python, path, target, reportPath, options.timeout);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (problems.length === 0) {
        passed++;
        if (options.write) copyFileSync(target, path);
        console.log(`PASS ${name} (${seconds} s)`);
      } else {
        failed++;
        console.log(`FAIL ${name} (${seconds} s), executed copy: ${target}\n${problems.map((p) => `  ${p}`).join('\n')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, Math.max(1, notebooks.length)) }, worker));
  console.log(`notebooks: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log('notebooks: 0 passed, 1 failed');
  process.exitCode = 1;
});
