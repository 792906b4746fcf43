/**
 * Atomic file writes: each file is written to a temporary name in the same directory and renamed
 * over the target, so a reader (or a report folder after a crash or Ctrl-C) sees either the old
 * file or the complete new one, never half of it. rename(2) within one file system is atomic (POSIX).
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files currently being written, removed on exit if still there. */
const pendingTemporaries = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', removePendingTemporaries);
}

/**
 * Removes every temporary file still being written (used on Ctrl-C and at exit).
 *
 * @example
 * removePendingTemporaries() // => undefined; no .<name>.<pid>.<random>.tmp of this process is left
 */
export function removePendingTemporaries(): void {
  for (const path of pendingTemporaries) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done at exit; the next run overwrites it.
    }
  }
  pendingTemporaries.clear();
}

/** Name of the temporary file for `path`: hidden, in the same directory, unique per process and call. */
function temporaryName(path: string): string {
  const random = Math.floor(Math.random() * 0x100000000).toString(36);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.tmp`);
}

/**
 * Writes `data` to `path` atomically: temporary file, flush to disk, rename. Creates the directory.
 *
 * @param path target file
 * @param data text (UTF-8) or bytes
 * @param signal stops before the rename when aborted; the temporary file is then removed
 * @throws the underlying file-system error (the temporary file is removed first)
 * @example
 * await writeFileAtomic('out/summary.json', '{}\n') // => undefined; out/summary.json holds "{}\n"
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, signal?: AbortSignal): Promise<void> {
  installExitHook();
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  pendingTemporaries.add(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    signal?.throwIfAborted();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pendingTemporaries.delete(temporary);
  }
}

/** One file of a report. */
export interface ReportFile {
  /** Target path. */
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes several files as one report: every file goes to its temporary name first, and only when all
 * are complete are they renamed over their targets, one after another. An interruption while writing
 * leaves the previous report untouched; only the renames (microseconds each) can be cut between two
 * complete versions.
 *
 * @param files paths and contents
 * @param signal stops before the renames when aborted; temporary files are then removed
 * @example
 * await writeFilesAtomic([{ path: 'out/a.json', data: '{}' }, { path: 'out/b.csv', data: 'id\n' }]) // => undefined
 */
export async function writeFilesAtomic(files: readonly ReportFile[], signal?: AbortSignal): Promise<void> {
  installExitHook();
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const file of files) {
      signal?.throwIfAborted();
      await mkdir(dirname(file.path), { recursive: true });
      const temporary = temporaryName(file.path);
      pendingTemporaries.add(temporary);
      staged.push({ temporary, path: file.path });
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    signal?.throwIfAborted();
    for (const { temporary, path } of staged) {
      await rename(temporary, path);
      pendingTemporaries.delete(temporary);
    }
  } catch (error) {
    for (const { temporary } of staged) {
      await rm(temporary, { force: true });
      pendingTemporaries.delete(temporary);
    }
    throw error;
  }
}

/** True when a process with this id is running (signal 0 only checks). */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed run (SIGKILL, power loss) left in `dir`: hidden files named
 * like ours whose writing process is gone. Files of running processes are left alone.
 *
 * @returns names removed
 * @example
 * await removeStaleTemporaries('out') // => ['.summary.json.4242.k3j2.tmp']
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
