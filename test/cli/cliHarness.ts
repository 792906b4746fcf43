/**
 * Test helpers: run the command line in-process (injected output) or as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainPath = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** tsx's loader by absolute URL, so children started in another directory find it. */
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main` in this process with captured stdout and stderr (stderr not a terminal). */
export async function runMain(argv: string[], options: { cwd?: string; signal?: AbortSignal } = {}): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stderrIsTTY: false,
    signal: options.signal ?? new AbortController().signal,
    cwd: options.cwd ?? projectRoot,
  });
  return { code, stdout, stderr };
}

/** Runs the command line as a child process (`node --import tsx src/cli/main.ts …`) and waits. */
export function spawnCliSync(argv: string[], options: { cwd?: string } = {}): CliOutcome {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, mainPath, ...argv], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the command line as a child process without waiting. */
export function spawnCli(argv: string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, mainPath, ...argv], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Waits until the process catches both SIGINT and SIGHUP (Linux: bits 2 and 1 of SigCgt in
 * /proc/PID/status), i.e. until the command line has installed its signal handlers, so the test does
 * not race the start-up. (SIGINT alone is not enough: Node catches it for a moment while it starts.) Waits on
 * that event however long start-up takes on a loaded machine (no time limit of its own: the test
 * runner's timeout is the bound); resolves false when the process exited first.
 */
export async function waitForSigintHandler(child: ChildProcess): Promise<boolean> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const mask = /SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (mask && (BigInt(`0x${mask}`) & 3n) === 3n) return true;
    } catch {
      return true; // no /proc (not Linux): go ahead
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
