import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { aptPackages, isDebianLike, manualCommand, parseOsRelease, registerKernel } from '../../scripts/setup.mjs';
import { kernelSpecPath, root } from '../../scripts/notebook/env.mjs';

// Excerpts of the os-release files shipped by Debian 12 and Ubuntu 24.04 (base-files packages).
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\n';

test('parseOsRelease reads quoted and bare values', () => {
  assert.deepEqual(parseOsRelease(UBUNTU), { NAME: 'Ubuntu', VERSION_ID: '24.04', ID: 'ubuntu', ID_LIKE: 'debian' });
});

test('isDebianLike accepts Debian and Ubuntu, not Fedora', () => {
  assert.equal(isDebianLike(parseOsRelease(DEBIAN)), true);
  assert.equal(isDebianLike(parseOsRelease(UBUNTU)), true);
  assert.equal(isDebianLike(parseOsRelease(FEDORA)), false);
});

test('aptPackages names the Jupyter packages and the distribution\'s Chromium package', () => {
  assert.deepEqual(aptPackages(['jupyter', 'chromium'], parseOsRelease(DEBIAN)), ['jupyter-notebook', 'jupyter-nbconvert', 'python3-nbclient', 'chromium']);
  assert.deepEqual(aptPackages(['chromium'], parseOsRelease(UBUNTU)), ['chromium-browser']);
});

test('manualCommand gives one command per system', () => {
  assert.equal(manualCommand(['jupyter'], parseOsRelease(FEDORA), 'linux'), 'sudo dnf install -y python3-notebook python3-nbconvert python3-nbclient');
  assert.equal(manualCommand(['jupyter', 'chromium'], {}, 'darwin'), 'brew install jupyterlab && brew install --cask chromium');
});

test('registerKernel writes a project-local kernel spec with absolute paths to this Node and this tslab', () => {
  registerKernel();
  assert.ok(kernelSpecPath.startsWith(root), kernelSpecPath);
  const spec = JSON.parse(readFileSync(kernelSpecPath, 'utf8'));
  assert.equal(spec.argv[0], process.execPath);
  assert.ok(isAbsolute(spec.argv[1]) && existsSync(spec.argv[1]), spec.argv[1]);
  assert.match(spec.argv[1], /node_modules\/tslab\/bin\/tslab$/);
  assert.deepEqual(spec.argv.slice(2), ['kernel', '--config-path', '{connection_file}']);
  assert.equal(registerKernel(), false, 'a second call leaves the same file alone');
});
