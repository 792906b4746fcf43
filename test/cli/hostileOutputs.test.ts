/**
 * Outputs and faults, second round: control characters in text output, writes cut short by a full disk,
 * folders written by sweep, numbers that cannot be represented, thread counts past the machine's cores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, runMain } from './cliHarness.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-outputs-'));
const PROCESS_TEST = { timeout: 15 * 60 * 1000 };
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
/** C0 and C1 controls (tab and line feed aside), DEL, and the bidirectional overrides: what a terminal acts on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('control characters in a scenario name and in a race file\'s ids and names are escaped in all text output', async () => {
  const esc = '\u001b[2J\u001b]0;pwned\u0007';
  const race = ['id,name,weight,D,R', `"N${esc}",North\u009b31m,3,120,80`, `S,"South\r\u202eevil",2,90,110`];
  writeFileSync(join(dir, 'escapes.csv'), `${race.join('\n')}\n`);
  writeFileSync(join(dir, 'escapes.yaml'), ['name: "Hostile \\e[31m name\\a"', 'race: { file: escapes.csv, format: table }', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 300', 'seed: 1', ''].join('\n'));
  for (const argv of [['run', join(dir, 'escapes.yaml')], ['results', '--file', join(dir, 'escapes.csv')], ['flip', join(dir, 'escapes.yaml')], ['sweep', join(dir, 'escapes.yaml'), '--vary', 'campaigns.D.listSize=0:1000:2']]) {
    const r = await runMain(argv);
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    assert.ok(!RAW_CONTROL.test(r.stdout), `${argv[0]} prints a control character raw: ${JSON.stringify(r.stdout.slice(0, 400))}`);
    assert.ok(!RAW_CONTROL.test(r.stderr), r.stderr);
  }
  const text = await runMain(['run', join(dir, 'escapes.yaml')]);
  assert.match(text.stdout, /Hostile \\u\{1b\}\[31m name\\u\{7\}/);
  // JSON keeps every value, with the characters escaped as JSON does (\u001b), C1 and bidi included.
  const json = await runMain(['run', join(dir, 'escapes.yaml'), '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.ok(!RAW_CONTROL.test(json.stdout));
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.name, 'Hostile \u001b[31m name\u0007');
  assert.deepEqual(doc.territories.map((t: { id: string }) => t.id).sort(), [`N${esc}`, 'S']);
  assert.ok(doc.territories.some((t: { name: string }) => t.name === 'North\u009b31m'));
});

/** Runs the command line with a limit on the size of files it writes (RLIMIT_FSIZE), stdout to a file. */
function runWithFileSizeLimit(argv: string[], kib: number, out: string): Promise<{ code: number | null; stderr: string }> {
  const command = `ulimit -f ${kib}; exec "$0" --import "$1" "$2" "\${@:3}" > "${out}"`;
  const child = spawn('bash', ['-c', command, process.execPath, tsxLoader, join(projectRoot, 'src/cli/main.ts'), ...argv], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('stdout redirected to a file the disk cuts short (a short write, then EFBIG) is exit 1 with a message, never exit 0', PROCESS_TEST, async () => {
  // A file size limit of 16 KiB: the kernel writes the first 16 KiB of a larger buffer (the 25 KB
  // schema) and says so (a short write), and refuses the next write, as a nearly full disk does.
  const out = join(dir, 'cut.json');
  const r = await runWithFileSizeLimit(['schema'], 16, out);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /campaign-lab: failed: could not write the output to standard output \(the file grew past the largest size allowed\); it is incomplete/);
  assert.equal(statSync(out).size, 16 * 1024);
  // Under the limit, the whole document.
  const whole = join(dir, 'whole.json');
  const ok = await runWithFileSizeLimit(['schema'], 4096, whole);
  assert.equal(ok.code, 0, ok.stderr);
  assert.ok(JSON.parse(readFileSync(whole, 'utf8')).definitions);
});

test('a line separator (U+2028, U+2029) in a candidate\'s or a territory\'s name does not break the charts\' Vega expressions', PROCESS_TEST, async () => {
  writeFileSync(join(dir, 'separators.csv'), 'id,name,weight,MAC\u2028RON,LE\u2029PEN\nN,No\u2028rth,3,120,80\nS,South,2,90,110\n');
  writeFileSync(join(dir, 'separators.yaml'), ['name: "Line\\u2028separator"', 'race: { file: separators.csv, format: table }', 'rule: electoral-college', 'sides: ["MAC\\u2028RON", "LE\\u2029PEN"]', 'simulations: 500', 'seed: 1', ''].join('\n'));
  const out = join(dir, 'separators-report');
  const r = await runMain(['run', join(dir, 'separators.yaml'), '--out', out, '--no-sweep']);
  assert.equal(r.code, 0, r.stderr);
  const svg = readFileSync(join(out, 'weight-distribution.svg'), 'utf8');
  assert.match(svg, /MAC RON/);
  // The data keep their names (summary.json), with the separators escaped as JSON allows.
  const summary = readFileSync(join(out, 'summary.json'), 'utf8');
  assert.match(summary, /"MAC\\u2028RON"/);
  assert.equal(JSON.parse(summary).sides[0], 'MAC\u2028RON');
});
