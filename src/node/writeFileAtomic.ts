/**
 * Atomic file writes: each file is written to a temporary name in the same directory and renamed
 * over the target, so a reader (or a report folder after a crash or Ctrl-C) sees either the old
 * file or the complete new one, never half of it. rename(2) within one file system is atomic (POSIX).
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, describeCell } from '../errors.js';
import { VERSION } from '../sim/version.js';

/** Temporary files and folders currently being written, removed on exit if still there. */
const pendingTemporaries = new Set<string>();
/** Report folders moved aside during a swap (aside path → folder): moved back if the swap is cut. */
const pendingRestores = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', removePendingTemporaries);
}

/**
 * Removes every temporary file or staging folder still being written, and moves back a previous
 * report folder that a cut swap had moved aside (used on Ctrl-C, SIGTERM, SIGHUP and at exit).
 *
 * @example
 * removePendingTemporaries() // => undefined; no .<name>.<pid>.<random>.tmp of this process is left
 */
export function removePendingTemporaries(): void {
  for (const path of pendingTemporaries) {
    try {
      rmSync(path, { force: true, recursive: true });
    } catch {
      // Nothing more can be done at exit; the next run overwrites it.
    }
  }
  pendingTemporaries.clear();
  for (const [aside, dir] of pendingRestores) {
    try {
      if (existsSync(dir)) rmSync(aside, { force: true, recursive: true });
      else renameSync(aside, dir);
    } catch {
      // Left as a hidden folder next to the report; the next run removes it.
    }
  }
  pendingRestores.clear();
}

/**
 * Registers a temporary file or folder of this process, removed on Ctrl-C, SIGTERM, SIGHUP and at
 * exit unless released first (for writers other than the ones here).
 *
 * @returns a function that releases it (after it was renamed or removed)
 * @example
 * const release = trackTemporary('out/.x.tmp'); release() // => undefined
 */
export function trackTemporary(path: string): () => void {
  installExitHook();
  pendingTemporaries.add(path);
  return () => {
    pendingTemporaries.delete(path);
  };
}

/** Name of the temporary file for `path`: hidden, in the same directory, unique per process and call. */
function temporaryName(path: string, suffix = 'tmp'): string {
  const random = Math.floor(Math.random() * 0x100000000).toString(36);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.${suffix}`);
}

/**
 * Turns a file-system error on an output path into an InputError (exit 2) when it is the user's
 * choice of path that is wrong (a file where a folder is needed, a read-only or missing place);
 * other errors (a full disk) are returned unchanged.
 */
function outputPathError(error: unknown, shown: string, expected: string): unknown {
  const code = (error as { code?: string } | null)?.code;
  const found: Record<string, string> = {
    EACCES: 'a place this user may not write (permission denied)',
    EPERM: 'a place this user may not write (operation not permitted)',
    EROFS: 'a place on a read-only file system',
    EISDIR: 'an existing folder',
    ENOTDIR: 'a path through an existing file',
    EEXIST: 'an existing file',
    ENAMETOOLONG: 'a name too long for the file system',
    ENOENT: 'a place where files cannot be created',
  };
  return code && found[code] ? new InputError({ at: shown, expected, found: found[code] }) : error;
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileOptions {
  /** Path as the user gave it, for messages. */
  shownPath?: string;
  /** Input files of the command: writing over one of them is refused. */
  inputs?: readonly string[];
}

/** True when two paths name the same file (after symbolic links), or the same path when one is missing. */
function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Writes `data` to `path` atomically: temporary file, flush to disk, rename. Creates the directory.
 *
 * @param path target file
 * @param data text (UTF-8) or bytes
 * @param signal stops before the rename when aborted; the temporary file is then removed
 * @param options the path as shown in messages; input files that must not be overwritten
 * @throws InputError when `path` is an existing folder, one of `options.inputs`, or in a place this
 *   user cannot write; otherwise the underlying file-system error (a full disk), after removing the
 *   temporary file
 * @example
 * await writeFileAtomic('out/summary.json', '{}\n') // => undefined; out/summary.json holds "{}\n"
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, signal?: AbortSignal, options: WriteFileOptions = {}): Promise<void> {
  installExitHook();
  const shown = options.shownPath ?? path;
  const expected = 'a file path in a folder this user can write';
  for (const input of options.inputs ?? []) {
    if (samePath(path, input)) throw new InputError({ at: shown, expected: 'an output path other than the input file (it would be overwritten)', found: 'the input file itself' });
  }
  try {
    const info = await lstat(path);
    if (info.isDirectory()) throw new InputError({ at: shown, expected, found: 'an existing folder' });
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as { code?: string }).code !== 'ENOENT') throw outputPathError(error, shown, expected);
  }
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw outputPathError(error, shown, expected);
  }
  const temporary = temporaryName(path);
  pendingTemporaries.add(temporary);
  try {
    let handle;
    try {
      handle = await open(temporary, 'wx');
    } catch (error) {
      throw outputPathError(error, shown, expected);
    }
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    signal?.throwIfAborted();
    try {
      await rename(temporary, path);
    } catch (error) {
      throw outputPathError(error, shown, expected);
    }
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
  const expected = 'a folder this user can write';
  try {
    for (const file of files) {
      signal?.throwIfAborted();
      try {
        await mkdir(dirname(file.path), { recursive: true });
      } catch (error) {
        throw outputPathError(error, dirname(file.path), expected);
      }
      const temporary = temporaryName(file.path);
      pendingTemporaries.add(temporary);
      staged.push({ temporary, path: file.path });
      let handle;
      try {
        handle = await open(temporary, 'wx');
      } catch (error) {
        throw outputPathError(error, dirname(file.path), expected);
      }
      await writeSynced(handle, file.data);
    }
    signal?.throwIfAborted();
    for (const { temporary, path } of staged) {
      try {
        await rename(temporary, path);
      } catch (error) {
        throw outputPathError(error, path, 'a file path, not an existing folder');
      }
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

/** Name of the manifest this program writes in every output folder it owns. */
export const MANIFEST_NAME = '.campaign-lab-manifest.json';
/** Marker of the manifest: a folder is this program's only when its manifest says so. */
const MANIFEST_KIND = 'campaign-lab-output-folder';
/** A plain output file name: lower-case letters, digits, `-`, `_`, `.`; one of our extensions. */
const PLAIN_NAME = /^[a-z0-9][a-z0-9_.-]{0,99}\.(json|csv|svg|png|html|txt)$/;

/** The manifest written as `.campaign-lab-manifest.json`. */
interface FolderManifest {
  kind: typeof MANIFEST_KIND;
  version: string;
  files: { name: string; bytes: number; sha256: string }[];
}

/** One file of an output folder: a plain name and its content. */
export interface FolderFile {
  name: string;
  data: string | Uint8Array;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * What an existing output folder holds: `missing`, `empty`, `ours` (every entry is a file our manifest
 * lists with the same size and SHA-256, so nothing in it is the user's), or `foreign` with the names
 * of the entries we did not write.
 *
 * @example
 * await inspectOutputFolder('out') // => { state: 'ours' } after `campaign-lab run … --out out`
 */
async function inspectOutputFolder(dir: string): Promise<{ state: 'missing' | 'empty' | 'ours' } | { state: 'foreign'; others: string[] } | { state: 'file' | 'link' }> {
  let info;
  try {
    info = await lstat(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (info.isSymbolicLink()) return { state: 'link' };
  if (!info.isDirectory()) return { state: 'file' };
  const names = await readdir(dir);
  if (names.length === 0) return { state: 'empty' };
  const listed = new Map<string, { bytes: number; sha256: string }>();
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_NAME), 'utf8')) as Partial<FolderManifest>;
    if (manifest.kind === MANIFEST_KIND && Array.isArray(manifest.files)) {
      for (const f of manifest.files) {
        if (f && typeof f.name === 'string' && PLAIN_NAME.test(f.name) && typeof f.sha256 === 'string' && typeof f.bytes === 'number') listed.set(f.name, f);
      }
    }
  } catch {
    // No manifest, or not ours: every entry is foreign.
  }
  const others: string[] = [];
  for (const name of names) {
    if (name === MANIFEST_NAME && listed.size > 0) continue;
    const entry = listed.get(name);
    if (!entry) {
      others.push(name);
      continue;
    }
    const path = join(dir, name);
    const stat = await lstat(path);
    // Same size and same hash as written: the file is ours, unedited.
    if (!stat.isFile() || stat.size !== entry.bytes || sha256(await readFile(path)) !== entry.sha256) others.push(name);
  }
  return others.length === 0 ? { state: 'ours' } : { state: 'foreign', others };
}

/** What a folder for `--out` must be, in messages. */
const FOLDER_EXPECTED = 'a new folder, an empty one, or one holding only an earlier output of campaign-lab';

/**
 * Checks, before any work, that `dir` can take an output folder: not an existing file, not a folder of
 * the user's own files, in a place this user can write, and (with `keep`) not an earlier output holding
 * files the new one would replace, such as another shard of a sweep. Temporary files a killed earlier
 * campaign-lab left in `dir` are removed first (see {@link removeStaleTemporaryFiles}).
 *
 * @param shown the path as the user gave it (`--out out`)
 * @param options `keep`: names of earlier output files that must not be replaced; `writing`: the names
 *   the new output writes (a file of both is replaced)
 * @throws InputError naming `--out` and what is wrong
 * @example
 * await checkOutputFolder('/etc/passwd', 'report') // throws InputError: --out report must be a new folder, …, got an existing file
 */
export async function checkOutputFolder(dir: string, shown: string, options: { keep?: RegExp; writing?: readonly string[] } = {}): Promise<void> {
  const at = `--out ${shown}`;
  await removeStaleTemporaryFiles(dir);
  let found;
  try {
    found = await inspectOutputFolder(dir);
  } catch (error) {
    throw outputPathError(error, at, FOLDER_EXPECTED);
  }
  if (found.state === 'file') throw new InputError({ at, expected: FOLDER_EXPECTED, found: 'an existing file' });
  // The folder is replaced whole: a link would be replaced by a folder, not followed.
  if (found.state === 'link') throw new InputError({ at, expected: FOLDER_EXPECTED, found: 'a symbolic link', hint: 'give the folder it points to' });
  if (found.state === 'foreign') {
    const first = found.others.slice(0, 3).map((n) => describeCell(n));
    let legacy = false;
    try {
      legacy = !existsSync(join(dir, MANIFEST_NAME)) && Array.isArray((JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as { report?: { files?: unknown } }).report?.files);
    } catch {
      legacy = false;
    }
    throw new InputError({
      hint: legacy ? 'it looks like a report of an earlier campaign-lab, written before reports carried a manifest: delete the folder or choose another' : undefined,
      at,
      expected: FOLDER_EXPECTED,
      found: `a folder holding ${found.others.length} file${found.others.length === 1 ? '' : 's'} campaign-lab did not write or that was changed since (${first.join(', ')}${found.others.length > 3 ? ', …' : ''}; left untouched)`,
    });
  }
  // An earlier output holding files the new one must not replace (another shard of a sweep): refused.
  if (found.state === 'ours' && options.keep) {
    const kept = (await readdir(dir)).filter((name) => options.keep!.test(name) && !(options.writing ?? []).includes(name));
    if (kept.length > 0) {
      throw new InputError({
        at,
        expected: `${FOLDER_EXPECTED}, not holding files this output would replace (each shard of a sweep goes to its own folder)`,
        found: `a folder holding ${kept.slice(0, 3).join(', ')}${kept.length > 3 ? ', …' : ''} (left untouched)`,
      });
    }
  }
  // The folder is created beside its final place: the parent must exist or be creatable, and writable.
  let parent = dirname(dir);
  for (;;) {
    try {
      const info = await lstat(parent);
      if (!info.isDirectory()) throw new InputError({ at, expected: FOLDER_EXPECTED, found: 'a path through an existing file' });
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as { code?: string }).code !== 'ENOENT' || dirname(parent) === parent) throw outputPathError(error, at, FOLDER_EXPECTED);
      parent = dirname(parent);
    }
  }
  const probe = temporaryName(join(parent, 'probe'));
  try {
    await mkdir(probe);
    await rm(probe, { recursive: true, force: true });
  } catch (error) {
    throw outputPathError(error, at, `${FOLDER_EXPECTED}, in a place this user can write`);
  }
}

/**
 * Writes a set of files as one folder, atomically as a set: the files go into a hidden staging
 * folder beside `dir` (same file system), each flushed to disk, with a manifest of their names,
 * sizes and SHA-256; then the staging folder is renamed to `dir`. When `dir` already holds an earlier
 * output of this program (checked file by file against its manifest), that folder is first renamed
 * aside and removed after the swap; a folder holding anything else is refused and left untouched.
 *
 * A reader of `dir` sees the old set or the new set, never a mix. Cut between the two renames (a kill),
 * `dir` is briefly missing; the exit hooks (Ctrl-C, SIGTERM, SIGHUP) move the old folder back, and
 * after SIGKILL the next run removes the hidden leftovers. Two runs sharing `dir` each stage their own
 * folder; the one that swaps last wins, and `dir` holds one complete output.
 *
 * @param dir output folder (absolute or relative to the working directory)
 * @param files plain file names (no folders) and contents
 * @param signal stops before the swap when aborted; the staging folder is then removed
 * @param shown `dir` as the user gave it, for messages
 * @param options `keep`: names of an earlier output's files this one must not replace (refused instead)
 * @returns the paths written, in `files` order
 * @throws InputError when `dir` is a file, a folder of other files, or not writable; file-system
 *   errors such as a full disk otherwise
 * @example
 * await writeFolderAtomic('out', [{ name: 'summary.json', data: '{}\n' }]) // => ['out/summary.json']
 */
export async function writeFolderAtomic(dir: string, files: readonly FolderFile[], signal?: AbortSignal, shown = dir, options: { keep?: RegExp } = {}): Promise<string[]> {
  installExitHook();
  for (const file of files) {
    if (!PLAIN_NAME.test(file.name)) throw new Error(`internal: ${JSON.stringify(file.name)} is not a plain output file name`);
  }
  await checkOutputFolder(dir, shown, { ...options, writing: files.map((f) => f.name) });
  await removeStaleTemporaries(dirname(dir));
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const staging = temporaryName(dir);
  pendingTemporaries.add(staging);
  try {
    await mkdir(staging);
    // The manifest goes first, so that even a staging folder cut by SIGKILL is recognisably ours.
    const manifest: FolderManifest = {
      kind: MANIFEST_KIND,
      version: VERSION,
      files: files.map((f) => ({ name: f.name, bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength, sha256: sha256(f.data) })),
    };
    for (const file of [{ name: MANIFEST_NAME, data: `${JSON.stringify(manifest, null, 2)}\n` }, ...files]) {
      signal?.throwIfAborted();
      const handle = await open(join(staging, file.name), 'wx');
      await writeSynced(handle, file.data);
    }
    signal?.throwIfAborted();
    await swapIn(staging, dir, shown);
    pendingTemporaries.delete(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    pendingTemporaries.delete(staging);
    throw error;
  }
  return files.map((f) => join(dir, f.name));
}

/** Renames `staging` to `dir`, moving an earlier output of ours aside first; retries while another run swaps. */
async function swapIn(staging: string, dir: string, shown: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      await rename(staging, dir);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw outputPathError(error, `--out ${shown}`, FOLDER_EXPECTED);
    }
    // `dir` holds files: another output (ours, or the user's since the check).
    const found = await inspectOutputFolder(dir);
    if (found.state === 'file' || found.state === 'link' || found.state === 'foreign') {
      await checkOutputFolder(dir, shown);
      throw new InputError({ at: `--out ${shown}`, expected: FOLDER_EXPECTED, found: 'something else' });
    }
    if (found.state === 'missing' || found.state === 'empty') continue;
    const aside = temporaryName(dir, 'old');
    pendingRestores.set(aside, dir);
    try {
      await rename(dir, aside);
    } catch (error) {
      pendingRestores.delete(aside);
      if ((error as { code?: string }).code === 'ENOENT') continue; // another run moved it first
      throw error;
    }
    try {
      await rename(staging, dir);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // Another run swapped its folder in between: ours goes round again; the aside is dropped.
      await rm(aside, { recursive: true, force: true });
      pendingRestores.delete(aside);
      continue;
    }
    await rm(aside, { recursive: true, force: true });
    pendingRestores.delete(aside);
    return;
  }
  throw new Error(`could not swap the new output into ${shown}: other runs kept replacing it`);
}

/**
 * Removes what a killed run (SIGKILL, power loss) left in `parent`: hidden staging folders
 * (`.<name>.<pid>.<random>.tmp`) and folders moved aside (`….old`) whose writing process is gone and
 * which hold this program's manifest. Nothing else is touched: not a file, not a folder without our
 * manifest, not the leftovers of a running process.
 *
 * @returns names removed
 * @example
 * await removeStaleTemporaries('.') // => ['.out.4242.k3j2.tmp']
 */
export async function removeStaleTemporaries(parent: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await namesIn(parent)) {
    const match = /^\..+\.(\d+)\.[0-9a-z]+\.(tmp|old)$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    const path = join(parent, name);
    try {
      const info = await lstat(path);
      if (!info.isDirectory()) continue;
      const manifest = JSON.parse(await readFile(join(path, MANIFEST_NAME), 'utf8')) as Partial<FolderManifest>;
      if (manifest.kind !== MANIFEST_KIND) continue;
      // Every entry must be a plain output name: a folder of anything else is not ours to remove.
      const entries = await readdir(path);
      if (!entries.every((e) => e === MANIFEST_NAME || PLAIN_NAME.test(e))) continue;
    } catch {
      continue;
    }
    // A folder moved aside whose swap was cut goes back when its place is empty.
    const original = join(parent, name.replace(/^\./, '').replace(/\.\d+\.[0-9a-z]+\.old$/, ''));
    if (match[2] === 'old' && !existsSync(original)) await rename(path, original);
    else await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Removes, inside an output folder, the temporary files a killed campaign-lab left there
 * (`.<name>.<pid>.<random>.tmp`, where `<name>` is one of its plain output names and process `<pid>` is
 * gone): writers before output folders carried a manifest wrote each file so. Nothing else is touched.
 *
 * @returns names removed
 * @example
 * await removeStaleTemporaryFiles('sweep') // => ['.sweep.json.4242.k3j2.tmp']
 */
async function removeStaleTemporaryFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await namesIn(dir)) {
    const match = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
    if (!match || !PLAIN_NAME.test(match[1]!)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    try {
      if (!(await lstat(join(dir, name))).isFile()) continue;
      await rm(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Left for the next run.
    }
  }
  return removed;
}

/** Writes the data, flushes it to disk and closes the file, whatever happens. */
async function writeSynced(handle: FileHandle, data: string | Uint8Array): Promise<void> {
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The names in a folder, none when it cannot be read (gone, not a folder, no permission). */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
