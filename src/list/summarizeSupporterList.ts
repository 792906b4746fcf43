/**
 * Counts a campaign's own supporter list per territory without keeping anything else from it.
 *
 * Why: a campaign's list holds names, e-mail addresses and phone numbers that must not leave its
 * hands, but the model only needs how many supporters live in each territory. This reads the CSV as
 * a stream (memory stays flat whatever the size), maps the chosen column to a result unit, and
 * returns counts only. No field value, other than the header's column names, ever reaches a message
 * or an output.
 *
 * Node-only (file reading).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError, describeColumns } from '../errors.js';
import { CsvRecordParser } from './CsvRecordParser.js';
import { createTerritoryMatcher } from './territoryMatcher.js';
import type { ListCountry, UnplacedReason } from './territoryMatcher.js';

/** What {@link summarizeSupporterList} returns and `campaign-lab list summarize --json` prints. */
export interface SupporterListCounts {
  /** Marks the document so a scenario's `allocation: {file: …}` can recognise it. */
  kind: 'supporter-list-counts';
  country: ListCountry;
  /** Header of the column that was read. */
  territoryColumn: string;
  /** Separator found in the file. */
  separator: ',' | ';';
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  /** Rows placed in a territory. */
  placed: number;
  /** Supporters per unit id (USPS code, département code), keys sorted. */
  counts: Record<string, number>;
  /** Rows that could not be placed, by reason (`empty` cell, `unrecognised` value, `missing-column`). */
  unplaced: Record<UnplacedReason, number>;
}

/** Options of {@link summarizeSupporterList}. */
export interface SummarizeSupporterListOptions {
  country: ListCountry;
  /** Header of the column holding the territory (state, département, or French postcode); case-insensitive. */
  territoryColumn: string;
  /** Called now and then with bytes read so far and the file size, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Streams a supporter-list CSV and counts rows per territory.
 *
 * @param file path of a UTF-8 CSV (BOM, CRLF, `,` or `;`, quoted fields all accepted)
 * @throws InputError when the file cannot be read, is empty, is not UTF-8, has no such column, or has
 *   an unclosed quote; the message names the file and line but never a cell's content
 * @example
 * // supporters.csv:  name,state\nAda,FL\nBo,fl\nCy,Nowhere\n
 * await summarizeSupporterList('supporters.csv', { country: 'us', territoryColumn: 'state' })
 * // => { kind: 'supporter-list-counts', country: 'us', territoryColumn: 'state', separator: ',', rows: 3,
 * //      placed: 2, counts: { FL: 2 }, unplaced: { empty: 0, unrecognised: 1, 'missing-column': 0 } }
 */
export async function summarizeSupporterList(
  file: string,
  options: SummarizeSupporterListOptions,
): Promise<SupporterListCounts> {
  const { country, territoryColumn, onProgress, signal } = options;
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError({ file, expected: 'a CSV file', found: 'a directory' });
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file, expected: 'a readable CSV file', found: describeFsError(error) });
  }
  if (totalBytes === 0) {
    throw new InputError({ file, expected: 'a CSV file with a header line', found: 'an empty file' });
  }

  const match = createTerritoryMatcher(country);
  const counts = new Map<string, number>();
  const unplaced: Record<UnplacedReason, number> = { empty: 0, unrecognised: 0, 'missing-column': 0 };
  let rows = 0;
  let placed = 0;
  let column = -1;
  let header: string[] | undefined;

  const parser = new CsvRecordParser({
    file,
    onRecord: (fields, line) => {
      if (header === undefined) {
        header = fields.map((f) => f.trim());
        const wanted = territoryColumn.trim().toLowerCase();
        column = header.findIndex((h) => h.toLowerCase() === wanted);
        if (column < 0) {
          throw new InputError({
            file,
            at: `line ${line} (header)`,
            expected: `a column named ${JSON.stringify(territoryColumn)}`,
            // A first line that is really data (no header, a title line) must not be echoed.
            found: describeColumns(header, (cell) => 'id' in match(cell)),
          });
        }
        parser.keepOnlyField(column);
        return;
      }
      rows += 1;
      if (column >= fields.length) {
        unplaced['missing-column'] += 1;
        return;
      }
      const result = match(fields[column]);
      if ('id' in result) {
        placed += 1;
        counts.set(result.id, (counts.get(result.id) ?? 0) + 1);
      } else {
        unplaced[result.reason] += 1;
      }
    },
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  let linesBefore = 0;
  let firstChunk = true;
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  const onAbort = () => stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (firstChunk) {
        firstChunk = false;
        if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
          throw new InputError({ file, at: 'line 1', expected: 'UTF-8 text', found: 'a UTF-16 byte-order mark (save the file as CSV UTF-8)' });
        }
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bad = firstInvalidUtf8(chunk);
        throw new InputError({
          file,
          at: `line ${linesBefore + countLineFeeds(chunk, bad) + 1}`,
          expected: 'UTF-8 text',
          found: 'bytes that are not UTF-8 (save the file as CSV UTF-8)',
        });
      }
      linesBefore += countLineFeeds(chunk, chunk.length);
      parser.push(text);
      bytesRead += chunk.length;
      onProgress?.(bytesRead, totalBytes);
    }
    signal?.throwIfAborted();
    try {
      parser.push(decoder.decode());
    } catch {
      throw new InputError({ file, at: 'end of file', expected: 'UTF-8 text', found: 'a truncated UTF-8 character' });
    }
    parser.end();
  } catch (error) {
    if (error instanceof InputError || signal?.aborted) throw signal?.aborted ? signal.reason : error;
    throw new InputError({ file, expected: 'a readable CSV file', found: describeFsError(error) });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
  if (header === undefined) {
    throw new InputError({ file, expected: 'a CSV file with a header line', found: 'only blank space' });
  }

  const sortedCounts: Record<string, number> = {};
  for (const id of [...counts.keys()].sort()) sortedCounts[id] = counts.get(id) as number;
  return {
    kind: 'supporter-list-counts',
    country,
    territoryColumn: header[column],
    separator: parser.separator === ';' ? ';' : ',',
    rows,
    placed,
    counts: sortedCounts,
    unplaced,
  };
}

/**
 * Short reason for a file-system error (`no such file`, `permission denied`), never a stack.
 *
 * @example
 * describeFsError({ code: 'ENOENT' }) // => 'no such file'
 */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a directory';
    default:
      return code ? `a read error (${code})` : 'a read error';
  }
}

/** Line feeds among the first `end` bytes. */
function countLineFeeds(bytes: Uint8Array, end: number): number {
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
 * the chunk length when the chunk is valid up to a character cut at its end.
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
