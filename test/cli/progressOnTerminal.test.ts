/**
 * The progress bar appears on stderr when it is a terminal and nowhere else: the command runs under
 * script(1), which gives it a pseudo-terminal, with stdout redirected to a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './cliHarness.js';

const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

// The time left shows only once half a second has passed, so whether it appears here depends on the
// machine's speed; ProgressBar.test.ts checks it with a fake clock.
test('run draws a progress bar on a terminal stderr, and stdout stays one JSON document', { skip: script ? false : 'script(1) is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-tty-'));
  const out = join(dir, 'out.json');
  const tsx = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const command = `'${process.execPath}' --import '${tsx}' src/cli/main.ts run scenarios/florida-2000.yaml --sims 300000 --json > '${out}'`;
  const r = spawnSync(script!, ['-qec', command, '/dev/null'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, TERM: 'dumb' } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\rsimulating \[#+ *\] +\d+%/);
  const doc = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(doc.simulations, 300000);
});
