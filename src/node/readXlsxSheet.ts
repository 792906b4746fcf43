/**
 * Reads the first worksheet of an `.xlsx` workbook row by row, within bounds, without writing anything
 * to disk: the ZIP-bomb-safe way (as Apache POI's ZipSecureFile does), so a small hostile file cannot
 * fill memory, the temporary folder or the clock.
 *
 * - The zip archive is read by unzipper through its central directory (random access, so the shared
 *   strings are read before the sheet whatever the entries' order, and nothing is parked in a
 *   temporary file as exceljs's own streaming reader does). The central directory is read only up to
 *   1 MB (a workbook has a few dozen entries).
 * - Only the parts needed are opened: the workbook, its relationships, the shared strings and the first
 *   sheet. Pictures, media and other sheets are never inflated, but a workbook in which any part declares
 *   more than 100 times its compressed size (past the first megabyte) is refused whole.
 * - Each part's declared decompressed size is checked before it is read, and its real size while it is
 *   read (a declared size may lie): at most the part's limit, and at most 100 times its compressed size
 *   past the first megabyte (POI's minimum inflate ratio of 1 %; the compressed size bounds what is read
 *   of the entry). A run of text without markup (one cell) is at most 16 MB.
 * - The XML is read by exceljs's streaming workbook reader, part by part, so cell values (shared and
 *   inline strings, rich text, numbers, booleans, formulas with their results) are exceljs's.
 *
 * Node-only. Every failure is an {@link InputError} naming the file and the limit; no cell content is
 * ever shown.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { CentralDirectory, CentralDirectoryEntry } from 'unzipper';
import { InputError } from '../errors.js';
import { describeFileSystemError, formatByteLimit } from './readInputFile.js';

/**
 * What to run when the .xlsx readers are missing: exceljs and unzipper are optional peer dependencies of
 * the package (together about 195 packages and 60 MB, for one file format), installed beside it by
 * whoever reads spreadsheets; this repository has them as development dependencies.
 */
const XLSX_INSTALL = 'npm install exceljs@^4.4.0 unzipper@0.10.14';

/**
 * exceljs and unzipper, loaded on the first .xlsx read.
 *
 * @throws Error saying which packages to install when they are not installed
 */
async function xlsxLibraries(): Promise<{ unzipper: typeof import('unzipper').default; ExcelJS: typeof import('exceljs') }> {
  try {
    const [unzipper, exceljs] = await Promise.all([import('unzipper'), import('exceljs')]);
    return { unzipper: unzipper.default, ExcelJS: exceljs.default };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`reading .xlsx workbooks needs the optional packages exceljs and unzipper: run \`${XLSX_INSTALL}\` where campaign-lab is installed, or save the sheet as CSV`);
  }
}

/** Limits of one read; see {@link readXlsxSheet}. */
export interface XlsxLimits {
  /** Largest decompressed worksheet, bytes. */
  maxSheetBytes: number;
  /** Largest decompressed shared-strings part, bytes. */
  maxSharedStringsBytes: number;
  /** Most shared strings. */
  maxSharedStrings: number;
}

/** Options of {@link readXlsxSheet}. */
export interface ReadXlsxSheetOptions {
  /** The file's name in messages (as the user gave it). */
  shown?: string;
  limits: XlsxLimits;
  /**
   * Called per row that holds a value, in order, with exceljs's row values (index 1 is column A; a
   * sparse array: columns without a value are holes) and the row number. Return `false` to stop reading.
   */
  onRow: (values: readonly unknown[], row: number) => boolean | void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called now and then with the bytes of the file read so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Most bytes of central directory read: a workbook lists a few dozen entries (about 100 bytes each). */
export const MAX_DIRECTORY_BYTES = 1 << 20;
/** Largest workbook part other than the sheet and the shared strings (workbook.xml, relationships). */
const MAX_SMALL_PART_BYTES = 8 << 20;
/** Largest decompressed size as a multiple of the compressed size (POI's minimum inflate ratio, 1 %). */
const MAX_INFLATE_RATIO = 100;
/** Decompressed bytes read before the inflate ratio is checked: a tiny part may compress very well. */
const RATIO_GRACE_BYTES = 1 << 20;
/** Longest run of text between two `<` (one cell's text, one attribute), bytes. */
const MAX_TEXT_RUN_BYTES = 16 << 20;

/** What exceljs's WorkbookReader does part by part (its parse() reads the entries in zip order). */
interface WorkbookReaderParts {
  sharedStrings?: unknown[];
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: unknown }>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<{ values: unknown[]; number: number }> & { name?: string } }>;
}

/** Thrown by a part's stream when it passes a limit: turned into the InputError it carries. */
class LimitPassed extends Error {
  constructor(readonly inputError: InputError) {
    super(inputError.message);
  }
}

/**
 * Reads the first worksheet (in the workbook's tab order) of an `.xlsx` file, row by row, within bounds.
 *
 * @param input the file's path, or its bytes
 * @param options `limits` (worksheet and shared-strings sizes, shared-string count), `onRow`, `signal`,
 *   `onProgress`, `shown`
 * @returns the sheet's name
 * @throws InputError for a file that is not a readable zip, a workbook without a worksheet, a part whose
 *   declared or real decompressed size passes its limit or 100 times its compressed size (a ZIP bomb), an
 *   encrypted entry, too many shared strings, or a cell over 16 MB; the signal's reason when aborted
 * @example
 * const rows = [];
 * await readXlsxSheet('results.xlsx', { limits: { maxSheetBytes: 1 << 28, maxSharedStringsBytes: 1 << 27, maxSharedStrings: 5e6 }, onRow: (values, row) => rows.push([row, values[1]]) })
 * // => { sheetName: 'Feuil1' }; rows: [[1, 'Code du département'], [2, '01'], …]
 */
export async function readXlsxSheet(input: string | Uint8Array, options: ReadXlsxSheetOptions): Promise<{ sheetName: string }> {
  const shown = options.shown ?? (typeof input === 'string' ? input : 'the workbook');
  const { limits, signal } = options;
  const fail = (expected: string, found: string): InputError => new InputError({ file: shown, expected, found });
  const parsing = <T>(work: Promise<T>): Promise<T> => parsed(work, signal, fail);
  let size: number;
  try {
    size = typeof input === 'string' ? (await stat(input)).size : input.byteLength;
  } catch (error) {
    throw fail('a readable .xlsx workbook', describeFileSystemError(error));
  }
  const streams = new Set<Readable>();
  const zip = zipSource(input, size, streams, options.onProgress);
  const onAbort = () => {
    for (const stream of streams) stream.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { unzipper, ExcelJS } = await xlsxLibraries();
    let directory: CentralDirectory;
    try {
      directory = await unzipper.Open.custom(zip.source);
    } catch {
      signal?.throwIfAborted();
      if (zip.directoryCut()) throw fail('an .xlsx workbook', `a zip archive whose directory is over ${formatByteLimit(MAX_DIRECTORY_BYTES)} (a workbook lists a few dozen parts)`);
      throw fail('an .xlsx workbook', 'a damaged zip archive');
    }
    zip.directoryRead();
    const entries = checkedEntries(directory, shown);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as WorkbookReaderParts;
    const part = (name: string, what: string, maxBytes: number): Readable | undefined => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      checkDeclared(entry, name, what, maxBytes, shown);
      const inflated = entry.stream();
      return boundedPart(inflated, entry, name, what, maxBytes, shown, streams);
    };
    const workbookPart = part('xl/workbook.xml', 'the workbook part', MAX_SMALL_PART_BYTES);
    if (!workbookPart) throw fail('an .xlsx workbook', 'a zip archive without xl/workbook.xml (not a workbook)');
    const rels = part('xl/_rels/workbook.xml.rels', "the workbook's relationships", MAX_SMALL_PART_BYTES);
    if (rels) await parsing(reader._parseRels(rels));
    await parsing(reader._parseWorkbook(workbookPart));
    const first = reader.model?.sheets?.[0];
    const target = reader.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
    const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/') : 'xl/worksheets/sheet1.xml';
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const strings = part('xl/sharedStrings.xml', 'the shared strings', limits.maxSharedStringsBytes);
    if (strings) reader.sharedStrings = await parsing(sharedStrings(reader, strings, limits.maxSharedStrings, fail));
    const sheet = part(sheetPath, 'the worksheet', limits.maxSheetBytes);
    if (!sheet) throw fail('a workbook with a worksheet', 'none');
    const sheetName = first?.name ?? `Sheet${sheetNo}`;
    await parsing(
      (async () => {
        for (const { eventType, value } of reader._parseWorksheet(sheet, sheetNo)) {
          if (eventType !== 'worksheet') continue;
          for await (const row of value) {
            signal?.throwIfAborted();
            if (options.onRow(row.values, row.number) === false) return;
          }
        }
      })(),
    );
    return { sheetName };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const stream of streams) stream.destroy();
  }
}

/** Awaits a parse, turning a limit passed, a damaged part or an XML error into an InputError. */
async function parsed<T>(work: Promise<T>, signal: AbortSignal | undefined, fail: (expected: string, found: string) => InputError): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof LimitPassed) throw error.inputError;
    if (error instanceof InputError) throw error;
    if (signal?.aborted) throw signal.reason;
    throw fail('a readable .xlsx workbook', 'a damaged workbook (its XML or its compressed data is broken)');
  }
}

/**
 * The workbook's bytes as unzipper's custom source: streams of the file (or of its bytes) that count the
 * bytes read for `onProgress`; while the central directory is read (until `directoryRead`), only up to
 * its cap: a directory of millions of entries is refused (`directoryCut`).
 */
function zipSource(input: string | Uint8Array, size: number, streams: Set<Readable>, onProgress: ReadXlsxSheetOptions['onProgress']) {
  let directoryPhase = true;
  let directoryCut = false;
  let bytesRead = 0;
  const source = {
    size: () => Promise.resolve(size),
    stream(offset: number, length?: number): Readable {
      let last = length ? Math.min(size, offset + length) - 1 : size - 1;
      if (directoryPhase && last - offset + 1 > MAX_DIRECTORY_BYTES) {
        last = offset + MAX_DIRECTORY_BYTES - 1;
        directoryCut = true;
      }
      const stream =
        offset > last
          ? Readable.from([])
          : typeof input === 'string'
            ? createReadStream(input, { start: offset, end: last })
            : Readable.from(slices(input, offset, last + 1), { objectMode: false });
      stream.on('data', (chunk: Buffer) => {
        bytesRead += chunk.length;
        onProgress?.(Math.min(bytesRead, size), size);
      });
      streams.add(stream);
      return stream;
    },
  };
  return { source, directoryRead: () => (directoryPhase = false), directoryCut: () => directoryCut };
}

/**
 * The workbook's parts by path. A part that would inflate past 100 times its size is a ZIP bomb even
 * where it is never read (a picture): the workbook is refused whole.
 */
function checkedEntries(directory: CentralDirectory, shown: string): Map<string, CentralDirectoryEntry> {
  const entries = new Map<string, CentralDirectoryEntry>();
  for (const entry of directory.files) {
    if (entry.compressionMethod !== 0 && entry.uncompressedSize > Math.max(RATIO_GRACE_BYTES, MAX_INFLATE_RATIO * entry.compressedSize)) {
      throw new InputError({
        file: shown,
        at: entry.path,
        expected: `an .xlsx workbook whose parts inflate at most ${MAX_INFLATE_RATIO} times their compressed size`,
        found: `a part declaring ${formatSize(entry.uncompressedSize)} from ${formatSize(entry.compressedSize)} (a ZIP bomb?)`,
      });
    }
    entries.set(entry.path.replace(/^\/+/, ''), entry);
  }
  return entries;
}

/** The shared strings, at most `max` of them (more is a shared-strings bomb). */
async function sharedStrings(reader: WorkbookReaderParts, strings: Readable, max: number, fail: (expected: string, found: string) => InputError): Promise<unknown[]> {
  const cache: unknown[] = [];
  for await (const { text } of reader._parseSharedStrings(strings)) {
    if (cache.length >= max) {
      throw new LimitPassed(fail(`a workbook of at most ${max.toLocaleString('en-US')} distinct texts`, 'more (a shared-strings bomb?)'));
    }
    cache.push(text);
  }
  return cache;
}

/** Bytes [start, end) of a buffer in 64 KiB slices, as a file is read: the inflate ratio is checked on what was read. */
function* slices(bytes: Uint8Array, start: number, end: number): Generator<Buffer> {
  for (let at = start; at < end; at += 1 << 16) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(1 << 16, end - at));
}

/** The InputError of a part past its limits. */
function partError(name: string, what: string, maxBytes: number, shown: string, found: string): InputError {
  return new InputError({ file: shown, at: name, expected: `${what} of an .xlsx workbook, at most ${formatByteLimit(maxBytes)} decompressed and at most ${MAX_INFLATE_RATIO} times its compressed size`, found });
}

/** Checks a part's declared sizes and flags before it is opened. */
function checkDeclared(entry: CentralDirectoryEntry, name: string, what: string, maxBytes: number, shown: string): void {
  if (entry.flags & 0x01) throw new InputError({ file: shown, at: name, expected: 'an .xlsx workbook that is not encrypted', found: 'an encrypted part (remove the password, then save the workbook again)' });
  if (entry.uncompressedSize > maxBytes) throw partError(name, what, maxBytes, shown, `a part declaring ${formatSize(entry.uncompressedSize)}`);
}

/**
 * One part of the archive as a stream of text, bounded while it is read (a declared decompressed size
 * may lie): at most `maxBytes`, and at most 100 times its compressed size past the first megabyte (the
 * compressed size is what unzipper reads of the entry, so it bounds the input).
 *
 * @param inflated the part's inflated stream
 */
function boundedPart(inflated: Readable, entry: CentralDirectoryEntry, name: string, what: string, maxBytes: number, shown: string, streams: Set<Readable>): Readable {
  const refuse = (found: string) => partError(name, what, maxBytes, shown, found);
  const ratioCap = Math.max(RATIO_GRACE_BYTES, MAX_INFLATE_RATIO * entry.compressedSize);
  streams.add(inflated);
  let total = 0;
  let run = 0;
  const decoder = new StringDecoder('utf8');
  const bounded = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      if (total > maxBytes) {
        done(new LimitPassed(refuse(`more than ${formatByteLimit(maxBytes)}`)));
        return;
      }
      if (entry.compressionMethod !== 0 && total > ratioCap) {
        done(new LimitPassed(refuse(`more than ${MAX_INFLATE_RATIO} times its ${formatSize(entry.compressedSize)} compressed, though it declared ${formatSize(entry.uncompressedSize)} (a ZIP bomb?)`)));
        return;
      }
      // The longest run of bytes without a `<`: one cell's text or one attribute value.
      const firstTag = chunk.indexOf(0x3c);
      if (firstTag < 0) run += chunk.length;
      else {
        if (run + firstTag > MAX_TEXT_RUN_BYTES) run += firstTag;
        else run = chunk.length - chunk.lastIndexOf(0x3c) - 1;
      }
      if (run > MAX_TEXT_RUN_BYTES) {
        done(new LimitPassed(new InputError({ file: shown, at: name, expected: `cells of at most ${formatByteLimit(MAX_TEXT_RUN_BYTES)} of text`, found: 'a longer one' })));
        return;
      }
      const text = decoder.write(chunk);
      done(null, text.length > 0 ? text : undefined);
    },
    flush(done: TransformCallback) {
      const text = decoder.end();
      done(null, text.length > 0 ? text : undefined);
    },
  });
  inflated.on('error', (error) => bounded.destroy(error));
  streams.add(bounded);
  return inflated.pipe(bounded);
}

/** A byte count in words: `4.1 MB`, `512 bytes`. */
function formatSize(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** `D0 CF 11 E0`: the start of a Compound File (an Excel 97–2003 .xls workbook, or an encrypted .xlsx). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** UTF-16LE name of the stream an encrypted Office Open XML file keeps its workbook in ([MS-OFFCRYPTO] 2.3.4.4). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * What a Compound File (`D0 CF 11 E0`) is, in words, for a message: an encrypted workbook (Excel saves a
 * password-protected .xlsx as a Compound File holding an `EncryptedPackage` stream, [MS-OFFCRYPTO]
 * 2.3.4.4) or an Excel 97–2003 .xls workbook. Looks for the stream's name in the first directory sector
 * (its place is in the header, [MS-CFB] 2.2) and in the file's first and last 64 KiB.
 *
 * @param input the file's path, or its bytes
 * @example
 * await describeCompoundFile('protected.xlsx') // => 'an encrypted (password-protected) workbook (open it in Excel, remove the password under File > Info > Protect Workbook, and save it)'
 */
export async function describeCompoundFile(input: string | Uint8Array): Promise<string> {
  const window = 1 << 16;
  let parts: Uint8Array[];
  try {
    if (typeof input === 'string') {
      const { open } = await import('node:fs/promises');
      const handle = await open(input, 'r');
      try {
        const size = (await handle.stat()).size;
        const read = async (position: number, length: number) => {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
          if (buffer.length > 0) await handle.read(buffer, 0, buffer.length, position);
          return buffer;
        };
        const head = await read(0, window);
        const shift = head.length >= 0x20 ? head.readUInt16LE(0x1e) : 9;
        const directory = head.length >= 0x34 && shift >= 9 && shift <= 12 ? await read((head.readUInt32LE(0x30) + 1) * 2 ** shift, 2 ** shift) : Buffer.alloc(0);
        parts = [head, directory, await read(Math.max(0, size - window), window)];
      } finally {
        await handle.close();
      }
    } else {
      const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      const shift = bytes.length >= 0x20 ? bytes.readUInt16LE(0x1e) : 9;
      const start = bytes.length >= 0x34 && shift >= 9 && shift <= 12 ? (bytes.readUInt32LE(0x30) + 1) * 2 ** shift : bytes.length;
      parts = [bytes.subarray(0, window), bytes.subarray(start, start + 2 ** shift), bytes.subarray(Math.max(0, bytes.length - window))];
    }
  } catch {
    parts = [];
  }
  if (parts.some((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength).includes(ENCRYPTED_PACKAGE))) {
    return 'an encrypted (password-protected) workbook (open it in Excel, remove the password under File > Info > Protect Workbook, and save it)';
  }
  return 'an old Excel 97–2003 .xls workbook (save it as .xlsx or CSV UTF-8)';
}
