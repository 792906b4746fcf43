/**
 * Hostile files, second round, each made in the test and small on disk: race files that never end or are
 * not files, spreadsheets that inflate to gigabytes. Each run is a child process whose peak memory and
 * temporary folder are measured; nothing waits on a clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './measuredCli.js';
import { projectRoot as projectRootDir } from './cliHarness.js';
import { xlsxBombs } from '../fixtures/hostileWorkbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-files-'));
/** Bounded only against a hang, generously for a loaded machine. */
const PROCESS_TEST = { timeout: 15 * 60 * 1000 };
const MiB = 1 << 20;

/** The personal data in the bombs; never in a message. */
const SECRETS = ['Ada', 'Lovelace', 'ada@example.org'];

test('results --file, race.file and flip --file refuse /dev/zero, a FIFO, a folder and a 1 GB file before reading, under 200 MB', PROCESS_TEST, async () => {
  const fifo = join(dir, 'race.fifo');
  execFileSync('mkfifo', [fifo]);
  // A 1 GiB file that takes no disk: a sparse file of zeros.
  const big = join(dir, 'big-race.csv');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 1024 * MiB);
  closeSync(fd);
  const cases: [string, RegExp][] = [
    ['/dev/zero', /\/dev\/zero must be a regular file: a race file \(CSV, TXT or \.xlsx\), got a device such as \/dev\/zero/],
    [fifo, /race\.fifo must be a regular file: a race file \(CSV, TXT or \.xlsx\), got a named pipe \(FIFO\)/],
    [dir, /must be a regular file: a race file \(CSV, TXT or \.xlsx\), got a directory/],
    [big, /big-race\.csv must be a race file \(CSV, TXT or \.xlsx\) of at most 32 MB, got more than 32 MB, the limit/],
  ];
  for (const [path, message] of cases) {
    const scenario = join(dir, `race-${cases.findIndex((c) => c[0] === path)}.yaml`);
    writeFileSync(scenario, ['name: hostile race', `race: { file: ${JSON.stringify(path)} }`, 'rule: popular-vote', 'sides: [D, R]', 'simulations: 100', 'seed: 1', ''].join('\n'));
    for (const argv of [['results', '--file', path], ['flip', '--file', path], ['run', scenario]]) {
      const r = await runMeasured(argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, argv.join(' '));
      assert.ok(r.peakMiB < 200, `${argv.join(' ')} peaked at ${r.peakMiB.toFixed(0)} MiB`);
      // Refused before reading: the whole process read less than the 32 MB a read up to the cap would
      // take (its sources and modules included; Linux /proc/self/io). A FIFO read would never end.
      if (!Number.isNaN(r.readMiB)) assert.ok(r.readMiB < 24, `${argv.join(' ')} read ${r.readMiB.toFixed(1)} MiB`);
    }
  }
});

test('the .xlsx bombs (media, sheet, 1,048,576 rows, shared strings) are refused under 500 MB by the race and list readers, writing nothing to the temporary folder', PROCESS_TEST, async () => {
  // Each part inflates to 1 GiB (the rows bomb: 1,048,576 real rows); the files hold 1 to 8 MB.
  const bombs = xlsxBombs(1024);
  for (const [name, bytes] of Object.entries(bombs)) {
    assert.ok(bytes.length < 10 * MiB, `${name}: ${bytes.length} bytes on disk`);
    const path = join(dir, `bomb-${name}.xlsx`);
    writeFileSync(path, bytes);
    for (const argv of [['results', '--file', path], ['list', 'summarize', path, '--country', 'us', '--territory-column', 'state']]) {
      const r = await runMeasured(argv);
      const what = `${argv.slice(0, 2).join(' ')} on the ${name} bomb`;
      assert.equal(r.code, 2, `${what}: ${r.stderr}`);
      assert.ok(r.peakMiB < 500, `${what} peaked at ${r.peakMiB.toFixed(0)} MiB`);
      assert.deepEqual(r.temporaryFiles, [], `${what} wrote to the temporary folder`);
      assert.equal(r.stdout, '');
      for (const secret of SECRETS) assert.ok(!r.stderr.includes(secret), `${what} shows ${secret}: ${r.stderr}`);
      assert.match(r.stderr, name === 'rows' ? /(header|first line)/ : /ZIP bomb|at most \d+ MB decompressed/, `${what}: ${r.stderr}`);
    }
  }
});

/** A Compound File of one directory sector holding the streams of an encrypted Office file ([MS-CFB] 2.2, [MS-OFFCRYPTO] 2.3.4.4). */
function encryptedWorkbook(): Buffer {
  const file = Buffer.alloc(1024 + 512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18); // minor version
  file.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 0x1c); // little-endian
  file.writeUInt16LE(9, 0x1e); // sector shift
  file.writeUInt32LE(1, 0x30); // first directory sector: sector 1, at (1 + 1) × 512
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const at = 1024 + i * 128;
    file.write(name, at, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
  });
  return file;
}

test('misleading messages: an encrypted workbook, a CSV named .xlsx, UTF-16 without a byte-order mark, --weights COLUMN beside a weight column', async () => {
  const { runMain } = await import('./cliHarness.js');
  const encrypted = join(dir, 'protected.xlsx');
  writeFileSync(encrypted, encryptedWorkbook());
  for (const argv of [['results', '--file', encrypted], ['list', 'summarize', encrypted, '--country', 'us', '--territory-column', 'state']]) {
    const r = await runMain(argv);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /protected\.xlsx must be (an \.xlsx workbook or a text file|a CSV or \.xlsx file), got an encrypted \(password-protected\) workbook \(open it in Excel, remove the password/);
    assert.doesNotMatch(r.stderr, /\.xls workbook/);
  }
  // A CSV saved under a .xlsx name is read for what it holds.
  const csv = join(dir, 'results.xlsx');
  writeFileSync(csv, 'id,name,weight,D,R\nN,North,3,120,80\nS,South,2,90,110\n');
  const named = await runMain(['results', '--file', csv, '--json']);
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(JSON.parse(named.stdout).weightTotals, { D: 3, R: 2 });
  const text = await runMain(['results', '--file', csv]);
  assert.match(text.stdout, /the file is named \.xlsx but holds delimited text: read as text/);
  // UTF-16 without a byte-order mark (little- and big-endian) is read, list and race alike.
  const list = 'name\tstate\nAda\tFL\nGrace\tPA\nAlan\tFL\n';
  for (const [encoding, bytes] of [['utf-16le', Buffer.from(list, 'utf16le')], ['utf-16be', Buffer.from(list, 'utf16le').swap16()]] as const) {
    const path = join(dir, `list-${encoding}.txt`);
    writeFileSync(path, bytes);
    const r = await runMain(['list', 'summarize', path, '--country', 'us', '--territory-column', 'state', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).counts, { FL: 2, PA: 1 });
    const race = join(dir, `race-${encoding}.csv`);
    const le = Buffer.from('id,name,weight,D,R\nN,North,3,120,80\n', 'utf16le');
    writeFileSync(race, encoding === 'utf-16be' ? le.swap16() : le);
    const rr = await runMain(['results', '--file', race, '--json']);
    assert.equal(rr.code, 0, rr.stderr);
    assert.deepEqual(JSON.parse(rr.stdout).weightTotals, { D: 3, R: 0 });
  }
  // --weights registered beside a weight column reads registered and leaves weight aside.
  const registered = join(dir, 'registered.csv');
  writeFileSync(registered, 'id,name,weight,registered,D,R\nN,North,0,250,120,80\nS,South,0,300,90,110\n');
  const weighted = await runMain(['results', '--file', registered, '--weights', 'registered', '--json']);
  assert.equal(weighted.code, 0, weighted.stderr);
  assert.deepEqual(JSON.parse(weighted.stdout).weightTotals, { D: 250, R: 300 });
  const columns = await runMain(['results', '--file', registered, '--weights', 'registered']);
  assert.match(columns.stdout, /weight +ignored \(weights: registered\)/);
});

test('a race of 2e9 total weight and Pennsylvania weighted by registered voters run under 200 MB; flip refuses such weights in words', PROCESS_TEST, async () => {
  // 50 units of 40,000,000 each; Pennsylvania's 67 counties weighted by registered voters (about 8.9
  // million: each county's votes cast times 1.27, generated here).
  const big = ['id,name,weight,D,R', ...Array.from({ length: 50 }, (_, i) => `U${i},Unit ${i},40000000,${100000 + i * 1000},${102000 - i * 500}`)];
  writeFileSync(join(dir, 'two-billion.csv'), `${big.join('\n')}\n`);
  const { readFileSync } = await import('node:fs');
  const pa = readFileSync(join(projectRootDir, 'data/races/pennsylvania-2024-counties.csv'), 'utf8').trim().split('\n');
  const registered = ['id,name,weight,registered,D,R,other', ...pa.slice(1).map((line) => {
    const [id, name, weight, d, r, other] = line.split(',');
    return [id, name, weight, Math.round((Number(d) + Number(r) + Number(other)) * 1.27), d, r, other].join(',');
  })];
  writeFileSync(join(dir, 'pa-registered.csv'), `${registered.join('\n')}\n`);
  const scenarios: [string, string, number][] = [
    ['two-billion.yaml', 'race: { file: two-billion.csv, format: table }', 2e9],
    ['pa-registered.yaml', 'race: { file: pa-registered.csv, format: table, weights: registered }', 0],
  ];
  for (const [name, race, total] of scenarios) {
    // One thread: the bound is on what the weights cost (a scenario without threads runs on every core, each
    // worker thread under tsx adding some 35 MiB of its own; test/cli/hostileOutputs.test.ts bounds that).
    writeFileSync(join(dir, name), ['name: heavy weights', race, 'rule: electoral-college', 'sides: [D, R]', 'simulations: 20000', 'seed: 1', 'threads: 1', ''].join('\n'));
    const r = await runMeasured(['run', join(dir, name), '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.peakMiB < 200, `${name} peaked at ${r.peakMiB.toFixed(0)} MiB`);
    const summary = JSON.parse(r.stdout);
    const weights = summary.territories.reduce((s: number, t: { weight: number }) => s + t.weight, 0);
    if (total > 0) assert.equal(weights, total);
    else assert.ok(weights > 8e6 && weights < 10e6, `Pennsylvania registers ${weights}`);
    // No dense distribution: the weights reached, with probabilities summing to 1, and the expected weight their mean.
    assert.deepEqual(summary.weightDistribution, []);
    const { weight, probability } = summary.weightsReached;
    assert.ok(Math.abs(probability.reduce((s: number, p: number) => s + p, 0) - 1) < 1e-9);
    const mean = weight.reduce((s: number, w: number, i: number) => s + w * probability[i], 0);
    assert.ok(Math.abs(mean - summary.expectedWeight.D) < 1e-6 * weights, `${mean} against ${summary.expectedWeight.D}`);
    const flip = await runMeasured(['flip', join(dir, name)]);
    assert.equal(flip.code, 2, flip.stderr);
    assert.match(flip.stderr, /weights must be weights small enough for the exact search .*weights that are vote counts are too large for it/);
  }
});

test('territories.csv read by a CSV reader has no cell a spreadsheet would evaluate, and one header cell per column', async () => {
  const { runMain } = await import('./cliHarness.js');
  const Papa = (await import('papaparse')).default;
  const { readFileSync } = await import('node:fs');
  // Ids and names a spreadsheet would run as formulas; sides with a comma and an @.
  const race = [
    'id,name,weight,"Harris, Kamala",@SUM(A1)',
    '"=HYPERLINK(""http://evil/"")","=HYPERLINK(""http://evil"",""click"")",10,100,90',
    "+cmd,+cmd|' /C calc'!A0,5,80,100",
    '-2+3,-2+3,3,50,40',
    '@SUM(1+1),@SUM,4,10,20',
    '"\ttab","\rcarriage",2,5,6',
    '-5,-5,1,7,8',
  ];
  writeFileSync(join(dir, 'formulas.csv'), `${race.join('\n')}\n`);
  writeFileSync(join(dir, 'formulas.yaml'), ['name: formulas', 'race: { file: formulas.csv, format: table }', 'rule: electoral-college', 'sides: ["Harris, Kamala", "@SUM(A1)"]', 'simulations: 500', 'seed: 1', ''].join('\n'));
  const out = join(dir, 'formulas-report');
  const r = await runMain(['run', join(dir, 'formulas.yaml'), '--out', out, '--no-sweep']);
  assert.equal(r.code, 0, r.stderr);
  const parsed = Papa.parse<string[]>(readFileSync(join(out, 'territories.csv'), 'utf8'), { skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  const [header, ...rows] = parsed.data;
  assert.equal(header.length, 13, header.join(' | '));
  assert.equal(header[3], 'baseline_votes_Harris, Kamala');
  assert.equal(rows.length, 6);
  for (const row of [header, ...rows]) {
    assert.equal(row.length, 13, row.join(' | '));
    for (const cell of row) {
      assert.ok(!/^[=+@\t\r]/.test(cell), `a cell starts a formula: ${JSON.stringify(cell)}`);
      assert.ok(!cell.startsWith('-') || /^-\d+(\.\d+)?$/.test(cell), `a cell starts with "-" and is not a number: ${JSON.stringify(cell)}`);
    }
  }
  // The text is kept, behind the quote that makes it text.
  assert.equal(rows[0]![1], `'=HYPERLINK("http://evil","click")`);
  assert.equal(rows.find((row) => row[0] === '-5')![1], '-5');
});

test('constructor, toString, hasOwnProperty and __proto__ as territory ids or sides give the right numbers', async () => {
  const { runMain } = await import('./cliHarness.js');
  const KEYS = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
  const race = ['id,name,weight,D,R', 'constructor,Constructor County,5,900,1000', 'toString,ToString County,4,1200,800', 'hasOwnProperty,HasOwn County,3,500,500', '__proto__,Proto County,2,700,650', 'valueOf,ValueOf County,1,300,400'];
  writeFileSync(join(dir, 'proto-race.csv'), `${race.join('\n')}\n`);
  writeFileSync(join(dir, 'proto-margins.csv'), 'id,margin\nconstructor,2.5\n__proto__,-1\n');
  // Written as text: an object literal's `__proto__: 73` would set a prototype, not a key.
  writeFileSync(join(dir, 'proto-counts.json'), '{"counts": {"constructor": 100, "toString": 50, "__proto__": 73}}');
  const head = ['race: { file: proto-race.csv, format: table }', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 4000', 'seed: 1'];
  writeFileSync(join(dir, 'proto-counts.yaml'), [...head, 'name: prototype keys', 'campaigns:', '  D: { allocation: { file: proto-counts.json }, channels: { door: { coverage: 0.5 } } }', ''].join('\n'));
  writeFileSync(join(dir, 'proto-margins.yaml'), [...head, 'name: prototype margins', 'baseline: { margins: { file: proto-margins.csv }, shifts: { toString: 1, hasOwnProperty: -1 } }', ''].join('\n'));
  // results: every id and side, right totals.
  const results = await runMain(['results', '--file', join(dir, 'proto-race.csv'), '--json']);
  assert.equal(results.code, 0, results.stderr);
  const doc = JSON.parse(results.stdout);
  assert.deepEqual(doc.units.map((u: { id: string }) => u.id), [...KEYS.slice(0, 4), 'valueOf']);
  assert.deepEqual(doc.weightTotals, { D: 6, R: 6 });
  assert.deepEqual(doc.popularVote, { D: 3600, R: 3350, other: 0, total: 6950 });
  // Counts keyed by these ids: the list is 223 people, each id its own count; margins near each baseline.
  const counts = await runMain(['run', join(dir, 'proto-counts.yaml'), '--json']);
  assert.equal(counts.code, 0, counts.stderr);
  const run = JSON.parse(counts.stdout);
  assert.equal(run.scenario.campaigns.D.listSize, 223);
  assert.deepEqual(run.scenario.campaigns.D.allocation, JSON.parse('{"constructor":100,"toString":50,"__proto__":73}'));
  const baseline = JSON.parse('{"constructor":-5.2631578947368425,"toString":20,"hasOwnProperty":0,"__proto__":3.7037037037037037,"valueOf":-14.285714285714286}');
  assert.deepEqual(run.baseline.resultMargins, baseline);
  for (const t of run.territories as { id: string; meanMargin: number }[]) {
    assert.ok(Math.abs(t.meanMargin - baseline[t.id]) < 1, `${t.id}: simulated ${t.meanMargin} against a baseline of ${baseline[t.id]}`);
  }
  // A margins file giving constructor and __proto__ (not duplicates), shifts on toString and hasOwnProperty.
  const margins = await runMain(['run', join(dir, 'proto-margins.yaml'), '--json']);
  assert.equal(margins.code, 0, margins.stderr);
  assert.deepEqual(JSON.parse(margins.stdout).baseline.margins, JSON.parse('{"constructor":2.5,"toString":21,"hasOwnProperty":-1,"__proto__":-1,"valueOf":-14.285714285714286}'));
  // Sides named __proto__ and constructor.
  writeFileSync(join(dir, 'proto-sides.csv'), 'id,name,weight,__proto__,constructor\nA,Alpha,5,900,1000\nB,Beta,4,1200,800\n');
  const sides = await runMain(['results', '--file', join(dir, 'proto-sides.csv'), '--json']);
  assert.equal(sides.code, 0, sides.stderr);
  const s = JSON.parse(sides.stdout);
  assert.deepEqual(s.sides, ['__proto__', 'constructor']);
  assert.deepEqual(s.popularVote, JSON.parse('{"__proto__":2100,"constructor":1800,"other":0,"total":3900}'));
  assert.deepEqual(s.weightTotals, JSON.parse('{"__proto__":4,"constructor":5}'));
  const text = await runMain(['results', '--file', join(dir, 'proto-sides.csv')]);
  assert.doesNotMatch(text.stdout, /NaN|object Object/);
});

test('an .xlsx list whose sheet comes before its shared strings is read whole without writing anything to the temporary folder', PROCESS_TEST, async () => {
  const { part: zipPart, zipArchive, workbookParts, SHEET_HEAD, SHEET_TAIL, inlineRow } = await import('../fixtures/hostileWorkbooks.js');
  // 20,000 supporters: names and e-mails as shared strings, the state inline; the sheet first in the zip,
  // as exceljs's streaming reader parked such a sheet in a temporary file.
  const states = ['FL', 'PA', 'MI', 'WI'];
  const rows = [inlineRow(1, ['name', 'email', 'state'])];
  const strings: string[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    strings.push(`Person ${i}`, `person${i}@example.org`);
    rows.push(`<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${2 * i}</v></c><c r="B${i + 2}" t="s"><v>${2 * i + 1}</v></c><c r="C${i + 2}" t="inlineStr"><is><t>${states[i % 4]}</t></is></c></row>`);
  }
  const book = zipArchive([
    ...workbookParts(),
    zipPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows.join('')}${SHEET_TAIL}`),
    zipPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`),
  ]);
  const path = join(dir, 'sheet-first.xlsx');
  writeFileSync(path, book);
  const r = await runMeasured(['list', 'summarize', path, '--country', 'us', '--territory-column', 'state', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).counts, { FL: 5000, MI: 5000, PA: 5000, WI: 5000 });
  assert.deepEqual(r.temporaryFiles, []);
  assert.doesNotMatch(r.stdout + r.stderr, /Person|example\.org/);
});
