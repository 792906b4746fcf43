/**
 * Runs the command line as a child process and measures it: its exit code, output, peak resident memory
 * (process.resourceUsage().maxRSS, read at exit by a preloaded hook), and every file created in its
 * temporary folder (a fresh TMPDIR, watched with fs.watch, so a file created and removed is seen too).
 * Nothing here depends on how fast the machine is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './cliHarness.js';

const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
const hookDir = mkdtempSync(join(tmpdir(), 'cl-measure-'));
const hook = join(hookDir, 'peak.mjs');
// At exit: peak resident memory, and the bytes the process read through read(2) (Linux /proc/self/io
// rchar: sources and modules included), so a test can tell a file was not read.
writeFileSync(
  hook,
  "import { readFileSync, writeSync } from 'node:fs';\n" +
    "process.on('exit', () => { let read = -1; try { read = Number(/rchar: (\\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))[1]); } catch {} try { writeSync(2, `\\npeak-rss-kb ${process.resourceUsage().maxRSS} read-bytes ${read}\\n`); } catch {} });\n",
);

export interface MeasuredOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the process, MiB. */
  peakMiB: number;
  /** Names created in the process's temporary folder while it ran. */
  temporaryFiles: string[];
  /** Bytes the process read with read(2), MiB (its sources and modules included); NaN where /proc is missing. */
  readMiB: number;
}

/** Runs `campaign-lab argv` in a child, with stdout and stderr captured, and measures it. */
export async function runMeasured(argv: readonly string[], options: { cwd?: string; env?: Record<string, string>; stdin?: 'ignore' | 'pipe' } = {}): Promise<MeasuredOutcome> {
  const temporary = mkdtempSync(join(tmpdir(), 'cl-tmpdir-'));
  const created = new Set<string>();
  const watcher = watch(temporary, (_event, name) => {
    if (name) created.add(String(name));
  });
  try {
    const child = spawn(process.execPath, ['--import', tsxLoader, '--import', pathToFileURL(hook).href, join(projectRoot, 'src/cli/main.ts'), ...argv], {
      cwd: options.cwd ?? projectRoot,
      // tsx keeps its compile cache in the temporary folder unless told not to.
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C', TMPDIR: temporary, TSX_DISABLE_CACHE: '1', ...options.env },
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    for (const name of readdirSync(temporary)) created.add(name);
    const peak = /\npeak-rss-kb (\d+) read-bytes (-?\d+)\n$/.exec(stderr);
    const read = peak && Number(peak[2]) >= 0 ? Number(peak[2]) / (1 << 20) : NaN;
    return { code, stdout, stderr: peak ? stderr.slice(0, peak.index) : stderr, peakMiB: peak ? Number(peak[1]) / 1024 : NaN, temporaryFiles: [...created], readMiB: read };
  } finally {
    watcher.close();
    rmSync(temporary, { recursive: true, force: true });
  }
}
