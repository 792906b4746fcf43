// Paths and environment shared by the setup, notebook and test scripts: the project-local Jupyter
// folder, the tslab kernel spec written into it, and the Python that has Jupyter's nbclient.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the project root (the folder holding package.json). */
export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** Project-local Jupyter data folder; JUPYTER_PATH points here, nothing is registered globally. */
export const jupyterDir = join(root, '.jupyter-local');
/** Name of the project's kernel spec, as notebooks record it in metadata.kernelspec.name. */
export const kernelName = 'tslab';
export const kernelSpecPath = join(jupyterDir, 'kernels', kernelName, 'kernel.json');
export const tslabBin = join(root, 'node_modules', 'tslab', 'bin', 'tslab');
/** Project-local Jupyter config folder (JUPYTER_CONFIG_PATH): enables the project's nbextension. */
export const jupyterConfigDir = join(jupyterDir, 'config');
/** Name of the classic Notebook extension that draws Vega-Lite outputs live (scripts/notebook/nbextension). */
export const nbextensionName = 'campaign-lab-vega';

/** The kernel spec: this Node binary runs this project's tslab, both by absolute path. */
export function kernelSpec() {
  return {
    argv: [process.execPath, tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (campaign-lab tslab)',
    language: 'typescript',
  };
}

/** Environment for Jupyter processes: the project-local kernel folder first, fixed timezone and locale. */
export function jupyterEnv(extra = {}) {
  return {
    ...process.env,
    JUPYTER_PATH: jupyterDir,
    JUPYTER_CONFIG_PATH: jupyterConfigDir,
    JUPYTER_RUNTIME_DIR: join(jupyterDir, 'runtime'),
    TZ: 'UTC',
    LC_ALL: 'C',
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...extra,
  };
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** Pythons to try, in order: the one running `jupyter`, Debian's, then the first on PATH. */
function pythonCandidates() {
  const list = [];
  const jupyter = which('jupyter');
  if (jupyter) {
    const firstLine = readFileSync(jupyter, 'latin1').split('\n', 1)[0];
    const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(firstLine);
    if (match) list.push(match[1].endsWith('/env') && match[2] ? match[2] : match[1]);
  }
  list.push('/usr/bin/python3', 'python3');
  return [...new Set(list)];
}

/** The Python that can import nbclient and nbformat (Jupyter's headless executor), or undefined. */
export function findJupyterPython() {
  for (const python of pythonCandidates()) {
    const probe = spawnSync(python, ['-c', 'import nbclient, nbformat, jupyter_client'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

/** True when `jupyter notebook` and `jupyter nbconvert` can run: jupyter dispatches to `jupyter-<sub>` on PATH. */
export function hasJupyterCommands() {
  return ['jupyter', 'jupyter-notebook', 'jupyter-nbconvert'].every((command) => which(command) !== undefined);
}

/** Path of a Chromium the chart tests can drive, or undefined. */
export function findChromium() {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  return which('chromium') ?? which('chromium-browser');
}
