#!/usr/bin/env node
// `npm run notebooks`: sets up what is missing (Jupyter, the project-local tslab kernel), builds the
// package the notebooks import (dist/), then opens Jupyter Notebook on notebooks/ with JUPYTER_PATH
// pointing at .jupyter-local so the project's own tslab kernel is found. Extra arguments go to Jupyter
// (e.g. npm run notebooks -- --no-browser --port 8899).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { jupyterEnv, root } from './notebook/env.mjs';
import { setup } from './setup.mjs';

try {
  setup();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`notebooks: the build failed (exit code ${build.status ?? build.signal}); notebooks import dist/, fix the errors above first`);
  process.exit(1);
}
const args = ['notebook', `--notebook-dir=${join(root, 'notebooks')}`];
if (process.getuid?.() === 0) args.push('--allow-root');
args.push(...process.argv.slice(2));
console.error(`notebooks: JUPYTER_PATH=${jupyterEnv().JUPYTER_PATH} jupyter ${args.join(' ')}`);
const jupyter = spawn('jupyter', args, { cwd: root, env: jupyterEnv(), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => jupyter.kill(signal));
jupyter.on('close', (code) => process.exit(code ?? 0));
