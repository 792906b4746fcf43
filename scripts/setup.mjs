#!/usr/bin/env node
// Makes the machine ready for notebooks and tests, idempotently:
//  1. Jupyter (notebook, nbconvert, nbclient) and Chromium (driven by the chart tests). Missing on
//     Debian or Ubuntu: installed with apt-get (sudo when not root). Missing elsewhere: stops and
//     prints the one command to run.
//  2. The tslab kernel registered in the project-local folder .jupyter-local/ (absolute paths to this
//     Node and this project's tslab; nothing global). Scripts point JUPYTER_PATH there.
//  3. The classic Notebook extension that draws Vega-Lite outputs as live views (scripts/notebook/nbextension,
//     with vega, vega-lite and vega-embed copied from node_modules: offline), enabled in
//     .jupyter-local/config (JUPYTER_CONFIG_PATH).
// Usage: node scripts/setup.mjs        (also imported by notebooks.mjs and test.mjs)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  findChromium,
  findJupyterPython,
  hasJupyterCommands,
  jupyterConfigDir,
  jupyterDir,
  kernelSpec,
  nbextensionName,
  root,
  kernelSpecPath,
  tslabBin,
} from './notebook/env.mjs';

/** Parses os-release text (freedesktop.org os-release(5)) into { ID, ID_LIKE, ... }. */
export function parseOsRelease(text) {
  const fields = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return fields;
}

/** Reads /etc/os-release (empty when absent, e.g. macOS). */
function osRelease() {
  return existsSync('/etc/os-release') ? parseOsRelease(readFileSync('/etc/os-release', 'utf8')) : {};
}

/** True on Debian, Ubuntu and their derivatives (ID or ID_LIKE). */
export function isDebianLike(os) {
  return [os.ID, ...(os.ID_LIKE ?? '').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu');
}

/** What is missing, as names of the things to install. */
function missing() {
  const lack = [];
  if (!hasJupyterCommands() || !findJupyterPython()) lack.push('jupyter');
  if (!findChromium()) lack.push('chromium');
  return lack;
}

/** Apt packages for the missing things (Ubuntu names Chromium's package chromium-browser). */
export function aptPackages(lack, os) {
  const packages = [];
  if (lack.includes('jupyter')) packages.push('jupyter-notebook', 'jupyter-nbconvert', 'python3-nbclient');
  if (lack.includes('chromium')) packages.push(os.ID === 'ubuntu' ? 'chromium-browser' : 'chromium');
  return packages;
}

/** The one command a user on another system runs to get what is missing. */
export function manualCommand(lack, os = osRelease(), platform = process.platform) {
  const wantsJupyter = lack.includes('jupyter');
  const wantsChromium = lack.includes('chromium');
  if (platform === 'darwin') {
    return [wantsJupyter && 'brew install jupyterlab', wantsChromium && 'brew install --cask chromium'].filter(Boolean).join(' && ');
  }
  const family = [os.ID, ...(os.ID_LIKE ?? '').split(/\s+/)];
  if (family.some((id) => id === 'fedora' || id === 'rhel')) {
    return `sudo dnf install -y ${[wantsJupyter && 'python3-notebook python3-nbconvert python3-nbclient', wantsChromium && 'chromium'].filter(Boolean).join(' ')}`;
  }
  if (family.includes('arch')) {
    return `sudo pacman -S --needed ${[wantsJupyter && 'jupyter-notebook jupyter-nbconvert python-nbclient', wantsChromium && 'chromium'].filter(Boolean).join(' ')}`;
  }
  return [wantsJupyter && 'python3 -m pip install --user notebook nbconvert nbclient', wantsChromium && 'install Chromium from https://www.chromium.org/getting-involved/download-chromium/']
    .filter(Boolean)
    .join(' && ');
}

function run(command, args) {
  console.error(`setup: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`setup: "${[command, ...args].join(' ')}" failed with exit code ${result.status ?? result.signal}`);
}

/** Installs Jupyter and Chromium where missing (see the file comment). Throws when it cannot. */
export function installSystemPackages() {
  const lack = missing();
  if (lack.length === 0) return;
  const os = osRelease();
  if (process.platform !== 'linux' || !isDebianLike(os)) {
    throw new Error(`setup: ${lack.join(' and ')} missing; install with:\n  ${manualCommand(lack, os)}\nthen run the command again.`);
  }
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  if (!isRoot && spawnSync('sudo', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`setup: ${lack.join(' and ')} missing and sudo is not available; as root, run:\n  apt-get update && apt-get install -y --no-install-recommends ${aptPackages(lack, os).join(' ')}`);
  }
  const [first, ...rest] = [...sudo, 'apt-get'];
  run(first, [...rest, 'update']);
  run(first, [...rest, 'install', '-y', '--no-install-recommends', ...aptPackages(lack, os)]);
  const still = missing();
  if (still.length > 0) throw new Error(`setup: ${still.join(' and ')} still missing after apt-get install`);
}

/** Writes .jupyter-local/kernels/tslab/kernel.json when absent or different. Returns true when written. */
export function registerKernel() {
  if (!existsSync(tslabBin)) throw new Error(`setup: ${tslabBin} is missing; run "npm ci" first`);
  const text = `${JSON.stringify(kernelSpec(), null, 2)}\n`;
  if (existsSync(kernelSpecPath) && readFileSync(kernelSpecPath, 'utf8') === text) return false;
  mkdirSync(dirname(kernelSpecPath), { recursive: true });
  writeFileSync(kernelSpecPath, text);
  return true;
}

/** Writes a file when absent or different; true when written. */
function writeIfChanged(path, data) {
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(data))) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return true;
}

/**
 * Installs the classic Notebook extension into .jupyter-local/nbextensions/campaign-lab-vega/ (its
 * main.js and the browser builds of vega, vega-lite and vega-embed from node_modules) and enables it in
 * .jupyter-local/config/nbconfig/notebook.json. Returns true when anything was written.
 */
export function installNbextension() {
  const require = createRequire(join(root, 'package.json'));
  const target = join(jupyterDir, 'nbextensions', nbextensionName);
  let changed = writeIfChanged(join(target, 'main.js'), readFileSync(join(root, 'scripts', 'notebook', 'nbextension', 'main.js')));
  for (const name of ['vega', 'vega-lite', 'vega-embed']) {
    const build = join(dirname(require.resolve(name)), `${name}.min.js`);
    changed = writeIfChanged(join(target, `${name}.min.js`), readFileSync(build)) || changed;
  }
  const config = join(jupyterConfigDir, 'nbconfig', 'notebook.json');
  let current = {};
  try {
    current = JSON.parse(readFileSync(config, 'utf8'));
  } catch {
    current = {};
  }
  const next = { ...current, load_extensions: { ...(current.load_extensions ?? {}), [`${nbextensionName}/main`]: true } };
  changed = writeIfChanged(config, `${JSON.stringify(next, null, 2)}\n`) || changed;
  return changed;
}

/** Full setup: system packages, the project-local kernel and the notebook extension. */
export function setup() {
  installSystemPackages();
  if (registerKernel()) console.error(`setup: registered the tslab kernel in ${kernelSpecPath}`);
  if (installNbextension()) console.error(`setup: installed the ${nbextensionName} notebook extension (live Vega-Lite charts, offline) in ${jupyterDir}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    setup();
    console.error('setup: Jupyter, Chromium and the project-local tslab kernel are ready');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
