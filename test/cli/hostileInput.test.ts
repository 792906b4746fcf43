/**
 * Hostile and unlucky input: files that never end or are not files, sizes checked while reading,
 * validation in linear time, escaped control characters, failed writes to stdout, signals. Process
 * tests wait for events (a handler installed, a line printed, an exit), never for a length of time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { projectRoot, runMain, spawnCli, waitForSigintHandler } from './cliHarness.js';
import { readInputBytes, readInputText } from '../../src/node/readInputFile.js';
import { InputError, escapeControlCharacters, formatInputError } from '../../src/errors.js';
import { parseJsonText } from '../../src/data/parseJsonText.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-'));
const FLORIDA = 'scenarios/florida-2000.yaml';
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
/** Process tests are bounded only against a hang, generously for a loaded machine. */
const PROCESS_TEST = { timeout: 15 * 60 * 1000 };
const head = ['name: hostile', 'country: us', 'year: 2016', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 100', 'seed: 1'].join('\n');

test('readInputBytes refuses devices, FIFOs and folders before reading, and stops at the limit while reading', async () => {
  const options = { expected: 'a scenario file', maxBytes: 1 << 20 };
  await assert.rejects(readInputBytes('/dev/zero', options), /\/dev\/zero must be a regular file: a scenario file, got a device such as \/dev\/zero/);
  await assert.rejects(readInputBytes(dir, options), /must be a regular file: a scenario file, got a directory/);
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  await assert.rejects(readInputBytes(fifo, options), /got a named pipe \(FIFO\)/);
  await assert.rejects(readInputBytes(join(dir, 'missing'), options), /must be a readable file: a scenario file, got no such file/);
  const big = join(dir, 'big.yaml');
  writeFileSync(big, Buffer.alloc((1 << 20) + 1, 0x20));
  await assert.rejects(readInputBytes(big, options), /big\.yaml must be a scenario file of at most 1 MB, got more than 1 MB, the limit/);
  // Standard input is read to its end, bounded, and refused when it is a terminal.
  assert.equal(await readInputText('/dev/stdin', { ...options, stdin: Readable.from([Buffer.from('a: 1\n'), Buffer.from('b: 2\n')]) }), 'a: 1\nb: 2\n');
  await assert.rejects(readInputBytes('-', { ...options, maxBytes: 4, stdin: Readable.from([Buffer.from('abc'), Buffer.from('def')]) }), /- must be a scenario file of at most 4 bytes, got more than 4 bytes/);
  await assert.rejects(readInputBytes('/dev/stdin', { ...options, stdin: Object.assign(Readable.from([]), { isTTY: true }) }), /got a terminal/);
  // Bytes that are not UTF-8 are found by line.
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xe9]), Buffer.from('\n')]));
  await assert.rejects(readInputText(join(dir, 'latin1.yaml'), options), /latin1\.yaml: line 2 must be UTF-8 text, got bytes that are not UTF-8/);
});

test('run refuses /dev/zero, a FIFO and a folder as a scenario or a counts file, at once, with exit 2', PROCESS_TEST, async () => {
  for (const path of ['/dev/zero', join(dir, 'fifo'), dir]) {
    const r = await runMain(['run', path]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /must be a regular file: a scenario file/);
    writeFileSync(join(dir, 'counts-from.yaml'), `${head}\ncampaigns:\n  D: { allocation: { file: ${path} } }\n`);
    const c = await runMain(['run', join(dir, 'counts-from.yaml')]);
    assert.equal(c.code, 2, c.stderr);
    // An absolute allocation.file is named as written.
    assert.ok(c.stderr.includes(`campaigns.D.allocation.file must be a readable counts file (${path}), got a`), c.stderr);
  }
});

test('run reads a scenario piped to /dev/stdin', PROCESS_TEST, async () => {
  const child = spawn(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/cli/main.ts'), 'run', '/dev/stdin', '--sims', '200', '--json'], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(readFileSync(join(projectRoot, FLORIDA)));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).seed, 2000);
});

test('validation is linear: 100,000 unknown JSON keys and 50,000 YAML keys are refused with the first problem and a count', async () => {
  const json: Record<string, unknown> = { name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'], simulations: 10, seed: 1 };
  for (let i = 0; i < 100_000; i++) json[`k${i}`] = i;
  writeFileSync(join(dir, 'many.json'), JSON.stringify(json));
  const j = await runMain(['run', join(dir, 'many.json')]);
  assert.equal(j.code, 2);
  assert.match(j.stderr, /many\.json: k0 \(line 1\) must be one of the keys name, .*got an unknown key \(at least 99 more problems after this one\)/);
  writeFileSync(join(dir, 'many.yaml'), `${head}\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk7: again\n`);
  const y = await runMain(['run', join(dir, 'many.yaml')]);
  assert.equal(y.code, 2);
  // The duplicate key is found by the one-pass check (the parser's own check is quadratic).
  assert.match(y.stderr, /many\.yaml: line 50008, column 1 must be valid YAML, got Map keys must be unique/);
});

test('JSON readers refuse duplicate keys and keep "__proto__" an ordinary key', () => {
  assert.throws(() => parseJsonText('{"a": 1, "a": 2}', 'x.json'), /x\.json: line 1, column 10 must be a property name not already used in this object, got a key given twice/);
  const parsed = parseJsonText('{"__proto__": {"polluted": true}}', 'x.json') as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.throws(() => parseJsonText(`${'['.repeat(300)}${']'.repeat(300)}`, 'deep.json'), /nested at most 256 lists or objects deep/);
});

test('control characters in a key or a file name reach no terminal raw', async () => {
  const name = 'escape\u001b[2J\u001b[31mred\u0007.yaml';
  writeFileSync(join(dir, name), `${head}\n"\u001b[2J\u001b[31mred\u0007": 1\n`);
  const r = await runMain(['run', name], { cwd: dir });
  assert.equal(r.code, 2);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stderr), JSON.stringify(r.stderr));
  assert.ok(r.stderr.startsWith('campaign-lab: escape\\u{1b}[2J\\u{1b}[31mred\\u{7}.yaml: '), r.stderr);
  assert.equal(escapeControlCharacters('a\u202eb\r\n'), 'a\\u{202e}b\\u{d}\\n');
  assert.equal(formatInputError({ file: 'x\u001b.yaml', expected: 'y' }), 'x\\u{1b}.yaml must be y');
  assert.ok(new InputError({ expected: 'x', found: 'y'.repeat(100_000) }).message.length <= 2000);
});

test('small ones: NaN is NaN, counts above the largest list, key case kept, schema takes no options, backtest names forecastable years', async () => {
  const nan = await runMain(['run', FLORIDA, '--set', 'seed=.nan']);
  assert.match(nan.stderr, /seed \(set by --set\) must be an integer from -9007199254740991 to 9007199254740991, got NaN/);
  writeFileSync(join(dir, 'too-many.json'), JSON.stringify({ counts: { FL: 900_000_000, PA: 200_000_000 } }));
  writeFileSync(join(dir, 'too-many.yaml'), `${head}\ncampaigns:\n  D: { allocation: { file: too-many.json } }\n`);
  const many = await runMain(['run', join(dir, 'too-many.yaml')]);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /too-many\.json: counts must be counts adding up to at most 1,000,000,000 people \(the largest list size\), got counts adding up to 1100000000/);
  const vary = await runMain(['sweep', FLORIDA]);
  assert.equal(vary.code, 2);
  assert.ok(!/campaigns\.d\.listsize/.test(vary.stderr), vary.stderr);
  const schema = await runMain(['schema', '--json']);
  assert.equal(schema.stderr, 'campaign-lab: --json must be absent: this command takes no options, got an unknown option\n');
  const backtest = await runMain(['backtest', '--years', '2000']);
  assert.equal(backtest.code, 2);
  assert.match(backtest.stderr, /--years must be years among 2004, .*got 2000 \(1996 is not in the data\)/);
  const steps = await runMain(['sweep', FLORIDA, '--vary', 'campaigns.D.listSize=0:1e7:100000']);
  assert.equal(steps.code, 2);
  assert.match(steps.stderr, /--vary must be a number of steps from 1 to 5000 after the last colon/);
});

test('a long scenario name wraps in the charts: the pictures keep a bounded size', PROCESS_TEST, async () => {
  const out = join(dir, 'long-name');
  const r = await runMain(['run', FLORIDA, '--sims', '300', '--no-sweep', '--set', `name=${'Zorro '.repeat(1000)}${'Z'.repeat(5000)}`, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  for (const name of ['weight-distribution.png', 'territory-margins.png', 'win-probability-map.png']) {
    const png = readFileSync(join(out, name));
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width <= 2 * 1600 && height <= 2 * 1000, `${name} is ${width} × ${height} px`);
  }
});

/** Runs the command line with stdout on a given file descriptor; resolves with exit code and stderr. */
function runWithStdout(argv: string[], stdout: number | 'pipe', onSpawn?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/cli/main.ts'), ...argv], { cwd: projectRoot, stdio: ['ignore', stdout, 'pipe'] });
  onSpawn?.(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('a failed write to stdout (/dev/full, a closed pipe) is exit 1 with a message, never 0 with truncated JSON', PROCESS_TEST, async () => {
  const full = openSync('/dev/full', 'w');
  try {
    const r = await runWithStdout(['results', '--country', 'us', '--year', '2016', '--json'], full);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /campaign-lab: failed: could not write the output to standard output \(no space left on the device\); it is incomplete/);
  } finally {
    closeSync(full);
  }
  // The reader closes the pipe before anything is written.
  const closed = await runWithStdout(['results', '--country', 'us', '--year', '2016', '--json'], 'pipe', (child) => child.stdout!.destroy());
  assert.equal(closed.code, 1, closed.stderr);
  assert.match(closed.stderr, /could not write the output to standard output \(the reader closed the pipe\)/);
});


test('bench stops on Ctrl-C: exit 130', PROCESS_TEST, async () => {
  const child = spawnCli(['bench', '--sims', '30000000']);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  assert.ok(await waitForSigintHandler(child), 'bench ended before Ctrl-C');
  child.kill('SIGINT');
  assert.equal(await exited, 130, stderr);
  assert.equal(stderr, 'campaign-lab: interrupted\n');
});

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  test(`${signal} removes this process's temporary files and exits ${code}`, PROCESS_TEST, async () => {
    // A child with the command line's handlers and one registered temporary file, as list summarize
    // --out has while it writes; it prints "ready" once both are in place.
    const temporary = join(dir, `.counts.json.${signal}.tmp`);
    writeFileSync(temporary, '{"half": ');
    const script = [
      `import { installProcessHandlers } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/cli/main.ts')).href)};`,
      `import { trackTemporary } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/node/writeFileAtomic.ts')).href)};`,
      `trackTemporary(${JSON.stringify(temporary)});`,
      'installProcessHandlers(new AbortController());',
      "process.stdout.write('ready\\n');",
      'setInterval(() => {}, 1 << 30);',
    ].join('\n');
    const child = spawn(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('ready') && resolve()));
    child.kill(signal);
    assert.equal(await exited, code);
    assert.ok(!existsSync(temporary), 'the temporary file is left');
  });
}

test('list summarize --out refuses the list itself and a folder, and leaves the list untouched', async () => {
  const list = join(dir, 'list.csv');
  writeFileSync(list, 'name,state\nAda,FL\n');
  const same = await runMain(['list', 'summarize', list, '--country', 'us', '--territory-column', 'state', '--out', list]);
  assert.equal(same.code, 2);
  assert.match(same.stderr, /--out .*list\.csv must be an output path other than the input file \(it would be overwritten\), got the input file itself/);
  assert.equal(readFileSync(list, 'utf8'), 'name,state\nAda,FL\n');
  const folder = await runMain(['list', 'summarize', list, '--country', 'us', '--territory-column', 'state', '--out', dir]);
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /got an existing folder/);
});

test('run --out an existing file or a folder of the user\'s files: exit 2 before simulating, nothing touched', async () => {
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'mine');
  const r = await runMain(['run', FLORIDA, '--sims', '100', '--out', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out .*notes\.txt must be a new folder, an empty one, or one holding only an earlier output of campaign-lab, got an existing file/);
  assert.equal(readFileSync(file, 'utf8'), 'mine');
  const mine = mkdtempSync(join(dir, 'thesis-'));
  writeFileSync(join(mine, 'thesis.docx'), 'chapter 1');
  writeFileSync(join(mine, 'summary.json'), JSON.stringify({ report: { files: ['thesis.docx'] } }));
  const t = await runMain(['run', FLORIDA, '--sims', '100', '--out', mine]);
  assert.equal(t.code, 2);
  assert.match(t.stderr, /got a folder holding 2 files campaign-lab did not write/);
  assert.equal(readFileSync(join(mine, 'thesis.docx'), 'utf8'), 'chapter 1');
  // A link to a folder would be replaced by the new folder, not followed: refused.
  symlinkSync(mine, join(dir, 'link-to-mine'));
  const link = await runMain(['run', FLORIDA, '--sims', '100', '--out', join(dir, 'link-to-mine')]);
  assert.equal(link.code, 2);
  assert.match(link.stderr, /got a symbolic link \(give the folder it points to\)/);
});
