/**
 * Streams the rows of a supporter-list file of any size, record by record, with memory that does not
 * grow with the file: CSV and other delimited text through papaparse, spreadsheets through readXlsxSheet
 * (exceljs's XML reading on a bounded zip reader: nothing of the list is ever written to disk).
 *
 * Formats and encodings, detected from the file's first 64 KiB with the same libraries and rules as the
 * race-file reader (src/io/decodeText.ts: byte-order mark, strict UTF-8, then chardet's ranking; decoding
 * with iconv-lite; the delimiter sniffed among `,` `;` and tab from the header and the lines after it):
 * - UTF-8 with or without a byte-order mark; Latin-1 / Windows-1252 (spreadsheets saved as "CSV" on
 *   Windows); UTF-16 with a byte-order mark (Excel's "Unicode Text", tab-separated);
 * - `.xlsx` workbooks (the first worksheet), recognised by their zip signature, not by their name; the
 *   shared strings at most 128 MB and 5,000,000 texts, every part at most 100 times its compressed size.
 * A file that starts as plain ASCII and turns out not to be UTF-8 further on is read again as Windows-1252
 * (its ASCII start reads the same); a file that is UTF-8 at the start and not later is refused.
 *
 * No cell content ever reaches an error message: the file may hold names, e-mail addresses and phone
 * numbers. Node-only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { decodeText, sniffDelimiter, type Delimiter, type TextEncodingName } from '../io/decodeText.js';
import type { PapaParseResult } from '../io/parseDelimited.js';
import { countLineFeeds, describeFileSystemError, firstInvalidUtf8 } from './readInputFile.js';

export { firstInvalidUtf8 } from './readInputFile.js';
import { describeCompoundFile, isCompoundFile, readXlsxSheet, type XlsxLimits } from './readXlsxSheet.js';

/** How the file was read. */
export interface ListFileFormat {
  format: 'csv' | 'xlsx';
  /** Text encoding (delimited text only). */
  encoding?: TextEncodingName;
  /** Field delimiter (delimited text only). */
  separator?: Delimiter;
}

/** Options of {@link readListRecords}. */
export interface ReadListRecordsOptions {
  /**
   * Called once per record (the header first) with its cells and the 1-based line (CSV) or row
   * (xlsx) on which it starts. Blank lines are skipped. The array may be reused: copy it to keep it.
   */
  onRecord: (cells: string[], line: number) => void;
  /** Called now and then with bytes read so far and the file size, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called when reading starts over (a file read as UTF-8 turned out to be Windows-1252); counts kept so far must be reset. */
  onRestart?: () => void;
}

/** Bytes looked at to detect the format, the encoding and the delimiter. */
const SAMPLE_BYTES = 1 << 16;
/** Longest record kept in memory while waiting for its end, characters (16 MiB of ASCII text). */
const MAX_RECORD_CHARS = 1 << 24;

/** Thrown inside the UTF-8 pass when the file must be read again as Windows-1252. */
class ReadAgain extends Error {}

/**
 * Reads a supporter-list file record by record.
 *
 * @param file path of a CSV / delimited text file or an .xlsx workbook
 * @param options `onRecord` (header first), `onProgress`, `signal`, `onRestart`
 * @returns the format, encoding and delimiter the file was read with
 * @throws InputError for an unreadable or empty file, a legacy .xls workbook, bytes that are not in the
 *   file's encoding, an unclosed quote, a closing quote followed by another character than the delimiter
 *   or a line end, or a record over 16 MiB (naming the line, never the content)
 * @example
 * // supporters.csv (Latin-1, `;`): nom;département\nAda;Hérault\n
 * await readListRecords('supporters.csv', { onRecord: (cells, line) => seen.push([line, ...cells]) })
 * // => { format: 'csv', encoding: 'windows-1252', separator: ';' }; seen: [[1, 'nom', 'département'], [2, 'Ada', 'Hérault']]
 */
export async function readListRecords(file: string, options: ReadListRecordsOptions): Promise<ListFileFormat> {
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError({ file, expected: 'a CSV or .xlsx file', found: 'a directory' });
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file, expected: 'a readable CSV or .xlsx file', found: describeFileSystemError(error) });
  }
  if (totalBytes === 0) throw new InputError({ file, expected: 'a CSV or .xlsx file with a header line', found: 'an empty file' });
  const sample = await readSample(file, options.signal);
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    await readWorkbook(file, options);
    return { format: 'xlsx' };
  }
  if (isCompoundFile(sample)) throw new InputError({ file, expected: 'a CSV or .xlsx file', found: await describeCompoundFile(file) });
  const encoding = detectEncoding(sample, sample.length < totalBytes);
  const separator = sniffDelimiter(decodeText(wholeLines(sample, sample.length < totalBytes, encoding), { encoding }).text);
  try {
    await readDelimited(file, totalBytes, encoding, separator, options);
    return { format: 'csv', encoding, separator };
  } catch (error) {
    if (!(error instanceof ReadAgain)) throw error;
    options.onRestart?.();
    await readDelimited(file, totalBytes, 'windows-1252', separator, options);
    return { format: 'csv', encoding: 'windows-1252', separator };
  }
}

async function readSample(file: string, signal?: AbortSignal): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  const stream = createReadStream(file, { start: 0, end: SAMPLE_BYTES - 1 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      parts.push(chunk);
      length += chunk.length;
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new InputError({ file, expected: 'a readable CSV or .xlsx file', found: describeFileSystemError(error) });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts, length);
}

/** The sample cut after its last complete line, so a character cut at the sample's end cannot mislead detection. */
function wholeLines(sample: Buffer, truncated: boolean, encoding?: TextEncodingName): Buffer {
  if (!truncated) return sample;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return sample.subarray(0, sample.length - (sample.length % 2));
  const end = sample.lastIndexOf(10);
  return end > 0 ? sample.subarray(0, end + 1) : sample;
}

/**
 * The encoding of a file from its first bytes, by the race reader's rules (decodeText).
 *
 * @example
 * detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), false) // => 'utf-16le'
 */
export function detectEncoding(sample: Buffer, truncated: boolean): TextEncodingName {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  return decodeText(wholeLines(sample, truncated)).encoding;
}

/** Bytes at the end of a chunk that may be the start of a UTF-8 character cut by the chunk boundary. */
function utf8TailLength(bytes: Buffer): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k += 1) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
    return 0;
  }
  return 0;
}

async function readDelimited(file: string, totalBytes: number, encoding: TextEncodingName, separator: Delimiter, options: ReadListRecordsOptions): Promise<void> {
  const { onRecord, onProgress, signal } = options;
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  const decoder = utf8 ? undefined : iconv.getDecoder(encoding);
  const { feed, nextLine } = recordFeeder(file, separator, onRecord);
  let bytesRead = 0;
  let tail: Buffer | undefined;
  let sawNonAscii = false;
  const stream = createReadStream(file, { highWaterMark: SAMPLE_BYTES });
  const onAbort = () => stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (utf8) {
        // Validate UTF-8 (decoding would silently put U+FFFD), holding back a character cut at the end.
        const bytes = tail ? Buffer.concat([tail, chunk]) : chunk;
        const keep = utf8TailLength(bytes);
        const whole = keep > 0 ? bytes.subarray(0, bytes.length - keep) : bytes;
        tail = keep > 0 ? Buffer.from(bytes.subarray(bytes.length - keep)) : undefined;
        if (!isUtf8(whole)) {
          if (!sawNonAscii && encoding === 'utf-8') throw new ReadAgain();
          throw new InputError({
            file,
            at: `line ${nextLine() + countLineFeeds(whole, firstInvalidUtf8(whole))}`,
            expected: 'UTF-8 text throughout (the file starts as UTF-8)',
            found: 'bytes that are not UTF-8 (save the whole file as CSV UTF-8)',
          });
        }
        if (!sawNonAscii && hasNonAscii(whole)) sawNonAscii = true;
        feed(whole.toString('utf8'), false);
      } else {
        const text = decoder!.write(chunk);
        if (text.length > 0) feed(text, false);
      }
      bytesRead += chunk.length;
      onProgress?.(bytesRead, totalBytes);
    }
    signal?.throwIfAborted();
    if (tail) throw new InputError({ file, at: 'end of file', expected: 'UTF-8 text', found: 'a truncated UTF-8 character' });
    feed(decoder?.end() ?? '', true);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof InputError || error instanceof ReadAgain) throw error;
    throw new InputError({ file, expected: 'a readable CSV or .xlsx file', found: describeFileSystemError(error) });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

/**
 * papaparse's parser, fed the decoded text chunk by chunk: each call parses the record left unfinished by
 * the last chunk (`carry`) and the new text, and gives back the complete records and where the unfinished
 * one starts. Line ends are made LF first (a CR ending a chunk waits for the next). `nextLine` is the line
 * the text not yet parsed starts on plus its line feeds (where a chunk that follows begins).
 */
function recordFeeder(file: string, separator: Delimiter, onRecord: ReadListRecordsOptions['onRecord']): { feed: (text: string, end: boolean) => void; nextLine: () => number } {
  const parser = new Papa.Parser({ delimiter: separator, newline: '\n' });
  let carry = '';
  const waiting: string[] = [];
  let waitingLength = 0;
  let pendingCr = false;
  let first = true;
  /** Line on which the next record (the carry) starts. */
  let line = 1;
  const feed = (text: string, end: boolean) => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (pendingCr) text = `\r${text}`;
    pendingCr = !end && text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    // A record longer than a chunk is parsed again from its start with each call: wait until the new text
    // is as long as it, so a long record costs time in proportion to its length, not to its square.
    waiting.push(text);
    waitingLength += text.length;
    if (!end && waitingLength < carry.length && carry.length + waitingLength <= MAX_RECORD_CHARS) return;
    const input = carry + (waiting.length === 1 ? waiting[0] : waiting.join(''));
    waiting.length = 0;
    waitingLength = 0;
    const { data, errors, meta } = parser.parse(input, 0, !end) as PapaParseResult;
    // The first record papaparse found wrong; an error in the unfinished last record is found again, or
    // not, once that record is complete.
    let bad = data.length;
    let badError: Papa.ParseError | undefined;
    for (const error of errors) {
      const row = error.row ?? 0;
      if (row < bad) [bad, badError] = [row, error];
    }
    const consumed = end ? input.length : meta.cursor;
    // Records start on consecutive lines unless a quoted cell holds a line break: count them only then.
    const simple = !end && badError === undefined && countTextLineFeeds(input, consumed) === data.length;
    for (let r = 0; r < bad; r += 1) {
      const cells = data[r]!;
      if (cells.length > 1 || cells[0] !== '') onRecord(cells, line);
      line += 1;
      if (!simple) for (const cell of cells) if (cell.includes('\n')) line += countTextLineFeeds(cell, cell.length);
    }
    if (badError) throw quoteError(file, badError, separator, line);
    carry = end ? '' : input.slice(consumed);
    if (carry.length > MAX_RECORD_CHARS) {
      throw new InputError({ file, at: `line ${line}`, expected: `a record under ${MAX_RECORD_CHARS / 1048576} MiB`, found: 'a longer one (an unclosed quote?)' });
    }
  };
  const nextLine = () => line + countTextLineFeeds(carry, carry.length) + waiting.reduce((n, t) => n + countTextLineFeeds(t, t.length), 0);
  return { feed, nextLine };
}

/** Our message for a papaparse quoting error on the record starting at `line` (papaparse's own messages are not shown). */
function quoteError(file: string, error: Papa.ParseError, separator: Delimiter, line: number): InputError {
  switch (error.code) {
    case 'MissingQuotes':
      return new InputError({ file, at: `line ${line}`, expected: 'a quoted field closed by a double quote (")', found: 'the end of the file inside the quotes' });
    case 'InvalidQuotes':
      return new InputError({ file, at: `line ${line}`, expected: `a delimiter (${JSON.stringify(separator)}) or the end of the line after a closing quote`, found: 'another character' });
    default:
      return new InputError({ file, at: `line ${line}`, expected: 'well-formed delimited text', found: error.code });
  }
}

function hasNonAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Line feeds among the first `end` characters. */
function countTextLineFeeds(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** Text of one spreadsheet cell value as exceljs gives it (rich text, hyperlinks, formulas, dates). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

/**
 * Bounds of a supporter list's workbook: the sheet is streamed (memory stays flat whatever its size),
 * but the shared strings are held in memory while it is read.
 */
const LIST_XLSX_LIMITS: XlsxLimits = { maxSheetBytes: 4 * 1024 * 1024 * 1024, maxSharedStringsBytes: 128 * 1024 * 1024, maxSharedStrings: 5_000_000 };

/**
 * Streams the first worksheet of an .xlsx workbook within bounds (readXlsxSheet: no temporary file,
 * decompressed sizes capped). Cells past the header's width are left out: a list is read by its columns.
 */
async function readWorkbook(file: string, options: ReadListRecordsOptions): Promise<void> {
  const { onRecord, onProgress, signal } = options;
  const cells: string[] = [];
  let width = -1;
  await readXlsxSheet(file, {
    limits: LIST_XLSX_LIMITS,
    signal,
    onProgress,
    onRow: (values, row) => {
      cells.length = 0;
      let last = 0;
      // A sparse array: visit only the cells that hold a value (a row may end at column XFD).
      values.forEach((value, column) => {
        if (width >= 0 && column > width) return;
        const text = cellText(value);
        if (text.trim() === '') return;
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = text;
        last = column;
      });
      if (last === 0) return;
      // A sheet stores no trailing blank cells: a row ends where its last value is, so pad it to the
      // header's width (a blank last cell is empty, not a missing column).
      if (width < 0) width = cells.length;
      while (cells.length < width) cells.push('');
      onRecord(cells, row);
    },
  });
}
