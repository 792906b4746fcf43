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
