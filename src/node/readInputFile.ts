/**
 * Bounded reading of a file the user names (a scenario, a counts file, a sweep shard): refuses what
 * is not a regular file (a directory, `/dev/zero`, a FIFO, a socket) before reading it, counts bytes
 * while reading and stops at the limit, so `run /dev/zero` fails at once instead of filling memory.
 * `/dev/stdin` and `-` read standard input, also bounded, unless it is a terminal.
 *
 * Node-only. Every failure is an {@link InputError} naming the file and what was expected; nothing
 * of the file's content ever reaches a message.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { InputError } from '../errors.js';

/** Options of {@link readInputBytes} and {@link readInputText}. */
export interface ReadInputOptions {
  /** What the file should be, for messages (`a scenario file (YAML or JSON)`). */
  expected: string;
  /** Largest size accepted, bytes. */
  maxBytes: number;
  /** Name used in messages when it differs from `path` (the path as the user wrote it). */
  shownPath?: string;
  /** Standard input, for `/dev/stdin` and `-` (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Size of one read, bytes. */
const CHUNK_BYTES = 1 << 16;

/**
 * Human size of a byte limit: `4 GB`, `16 MB`, `512 KB`, `100 bytes` (MB = 2^20 bytes, GB = 2^30).
 *
 * @example
 * formatByteLimit(16 * 1024 * 1024) // => '16 MB'
 */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1 << 30 && bytes % (1 << 30) === 0) return `${bytes / (1 << 30)} GB`;
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KB`;
  return `${bytes} bytes`;
}

/**
 * Short reason for a file-system error (`no such file`, `permission denied`), never a stack.
 *
 * @example
 * describeFileSystemError({ code: 'ENOENT' }) // => 'no such file'
 */
export function describeFileSystemError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'a path through something that is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a directory';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'a name too long for the file system';
    default:
      return code ? `a read error (${code})` : 'a read error';
  }
}

/** What a non-regular file is, in words. */
function describeKind(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a device such as /dev/zero';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** True when `path` names standard input. */
function isStandardInput(path: string): boolean {
  return path === '-' || path === '/dev/stdin' || path === '/proc/self/fd/0' || path === '/dev/fd/0';
}

/**
 * Reads a whole regular file (or standard input) into memory, refusing anything larger than
 * `maxBytes` as soon as it is seen.
 *
 * @param path file path, or `-` / `/dev/stdin` for standard input
 * @throws InputError when the path does not exist, cannot be read, is not a regular file, or holds more
 *   than `maxBytes` bytes; the message names the file, the limit and what was found
 * @example
 * (await readInputBytes('scenarios/default.yaml', { expected: 'a scenario file', maxBytes: 1 << 20 })).length > 0 // => true
 * await readInputBytes('/dev/zero', { expected: 'a scenario file', maxBytes: 1 << 20 })
 * // throws InputError: /dev/zero must be a regular file: a scenario file, got a device such as /dev/zero
 */
export async function readInputBytes(path: string, options: ReadInputOptions): Promise<Buffer> {
  const shown = options.shownPath ?? path;
  if (isStandardInput(path)) return readStandardInput(shown, options);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError({ file: shown, expected: `a readable file: ${options.expected}`, found: describeFileSystemError(error) });
  }
  if (!info.isFile()) throw new InputError({ file: shown, expected: `a regular file: ${options.expected}`, found: describeKind(info) });
  tooLarge(info.size, shown, options);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not hang.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError({ file: shown, expected: `a readable file: ${options.expected}`, found: describeFileSystemError(error) });
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new InputError({ file: shown, expected: `a regular file: ${options.expected}`, found: describeKind(opened) });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (error) {
        throw new InputError({ file: shown, expected: `a readable file: ${options.expected}`, found: describeFileSystemError(error) });
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      tooLarge(total, shown, options);
      chunks.push(bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Throws when `bytes` exceeds the limit. */
function tooLarge(bytes: number, shown: string, options: ReadInputOptions): void {
  if (bytes > options.maxBytes) {
    throw new InputError({ file: shown, expected: `${options.expected} of at most ${formatByteLimit(options.maxBytes)}`, found: `more than ${formatByteLimit(options.maxBytes)}, the limit` });
  }
}

/** Reads standard input to its end, bounded; refuses a terminal (nothing would ever arrive). */
async function readStandardInput(shown: string, options: ReadInputOptions): Promise<Buffer> {
  const input = options.stdin ?? process.stdin;
  if (input.isTTY) throw new InputError({ file: shown, expected: `${options.expected} piped or redirected to standard input`, found: 'a terminal' });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      tooLarge(total, shown, options);
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof InputError) {
      (input as { destroy?: () => void }).destroy?.();
      throw error;
    }
    throw new InputError({ file: shown, expected: `a readable file: ${options.expected}`, found: describeFileSystemError(error) });
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a bounded file as strict UTF-8 text: a UTF-8 byte-order mark is dropped, UTF-16 and bytes that
 * are not UTF-8 are refused with the line where they start.
 *
 * @throws InputError as {@link readInputBytes} does, and when the bytes are not UTF-8
 * @example
 * (await readInputText('scenarios/default.yaml', { expected: 'a scenario file', maxBytes: 1 << 20 })).startsWith('#') // => true
 */
export async function readInputText(path: string, options: ReadInputOptions): Promise<string> {
  const bytes = await readInputBytes(path, options);
  const shown = options.shownPath ?? path;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError({ file: shown, expected: 'UTF-8 text', found: 'a UTF-16 byte-order mark (save the file as UTF-8)' });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    // A character cut at the end holds no line feed: its line is the line of its first byte.
    const line = 1 + countLineFeeds(bytes, firstInvalidUtf8(bytes));
    throw new InputError({ file: shown, at: `line ${line}`, expected: 'UTF-8 text', found: 'bytes that are not UTF-8' });
  }
}

/** Line feeds among the first `end` bytes. */
export function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  let i = bytes.indexOf(10);
  while (i >= 0 && i < end) {
    count += 1;
    i = bytes.indexOf(10, i + 1);
  }
  return count;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: lead byte, continuation bytes 10xxxxxx), or
 * the length when the bytes are valid up to a character cut at their end.
 *
 * @example
 * firstInvalidUtf8(new Uint8Array([0x41, 0xe9, 0x42])) // => 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k += 1) {
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}

/**
 * A file named in a scenario: absolute as written, else relative to the scenario file's folder.
 *
 * @example
 * besideScenario('scenarios/pa.yaml', '../data/pa.csv') // => 'data/pa.csv'
 */
export function besideScenario(scenarioPath: string, file: string): string {
  return isAbsolute(file) ? file : join(dirname(scenarioPath), file);
}
