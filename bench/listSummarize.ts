/**
 * Benchmark of `campaign-lab list summarize` on a generated ten-million-row supporter list.
 *
 *   node --import tsx bench/listSummarize.ts [rows]        (default 10,000,000; the file goes to /tmp)
 *
 * Generates /tmp/campaign-lab-bench/supporters-<rows>.csv once (fake names, e-mails, phones, streets;
 * bench/fakeSupporters.ts), then runs the command under /usr/bin/time -v and reports rows per second and
 * the peak resident memory. It also runs a list of a tenth the size: memory must stay flat (streaming).
 *
 * Measured on the project machine (2 vCPU shared with six other jobs, load average 3.0–3.2; Node 20.20;
 * 2026-11-29), compiled command (npm run build), papaparse 5.7 fed the decoded text in 64 KiB chunks:
 *    1,000,000 rows (118 MB):  1.1 s (start-up included),   917,431 rows/s, peak RSS 91 MiB
 *   10,000,000 rows (1.2 GB):  6.2 s,                     1,605,136 rows/s (193 MB/s), peak RSS 98 MiB
 * Memory is bounded: the 10 M-row run also completes with the heap capped at 40 MB
 * (`node --max-old-space-size=40`: 44.6 s, the collector running often; peak RSS 100 MiB).
 * csv-parse 7, read the same way before, gave 227,687 rows/s on the 10 M rows (43.9 s, load 13–15),
 * 63 % of the time in its character loop; on the 2 M-row file, parsing alone, papaparse read
 * 1,670,000 rows/s against csv-parse's 333,000. The first papaparse run gave 1,041,667 rows/s at
 * load 7, before the cached values were copied flat: copied character by character they made chains
 * of string pieces, about 700 bytes a key (35 MB at the cache's bound of 50,000), and the run with the
 * heap capped at 40 MB ran out of memory.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFakeSupporters } from './fakeSupporters.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
/** The compiled command when built (npm run build), as users run it; else the sources through tsx. */
const compiled = join(root, 'dist/cli/main.js');
const command = existsSync(compiled) ? [compiled] : ['--import', tsxLoader, join(root, 'src/cli/main.ts')];

async function ensureFile(rows: number): Promise<string> {
  const dir = '/tmp/campaign-lab-bench';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `supporters-${rows}.csv`);
  if (!existsSync(path)) {
    const started = performance.now();
    await writeFakeSupporters(path, { rows, country: 'us', seed: 2024 });
    console.error(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
}

function measure(path: string, rows: number): { seconds: number; peakBytes: number; rowsPerSecond: number } {
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, ...command, 'list', 'summarize', path, '--country', 'us', '--territory-column', 'state', '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (r.status !== 0) throw new Error(`list summarize failed: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  if (doc.rows !== rows) throw new Error(`expected ${rows} rows, got ${doc.rows}`);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { seconds, peakBytes: peakKb * 1024, rowsPerSecond: rows / seconds };
}

async function run(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000_000);
  const small = Math.max(1, Math.round(rows / 10));
  console.log(`running ${command.length === 1 ? 'dist/cli/main.js (compiled)' : 'src/cli/main.ts through tsx'}`);
  for (const n of [small, rows]) {
    const path = await ensureFile(n);
    const m = measure(path, n);
    console.log(
      `${n.toLocaleString('en-US')} rows (${(statSync(path).size / 1e6).toFixed(0)} MB): ${m.seconds.toFixed(1)} s, ` +
        `${Math.round(m.rowsPerSecond).toLocaleString('en-US')} rows/s, peak RSS ${(m.peakBytes / 1048576).toFixed(0)} MiB`,
    );
  }
}

void run();
