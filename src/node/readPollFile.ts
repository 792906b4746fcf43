/**
 * Reads a poll file from disk: bounded reading (readInputBytes), encoding detection (decodeText), then
 * the browser-safe reader parsePollFile. Node-only.
 */
import { readInputBytes } from './readInputFile.js';
import { decodeText } from '../io/decodeText.js';
import { parsePollFile, type ParsePollOptions } from '../polls/parsePollFile.js';
import type { PollFile } from '../polls/pollTypes.js';

/** Largest poll file read, bytes: FiveThirtyEight's complete presidential export is about 40 MB. */
const MAX_POLL_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads and parses a poll file.
 *
 * @param path file to read
 * @param options parsePollFile's options; `file` is the name messages show (default `path`)
 * @returns the polls, with the records left out by reason
 * @throws {InputError} an unreadable or oversized file, or any problem parsePollFile reports (file, line, column)
 * @example
 * (await readPollFile('data/polls/us-president-2012-polls.csv', { sides: ['D', 'R'], units, nominees: { D: 'Barack Obama', R: 'Mitt Romney' } })).polls.length // => 1139
 */
export async function readPollFile(path: string, options: Omit<ParsePollOptions, 'file'> & { file?: string }): Promise<PollFile> {
  const file = options.file ?? path;
  const bytes = await readInputBytes(path, { expected: 'a readable poll file (CSV)', maxBytes: MAX_POLL_FILE_BYTES, shownPath: file });
  return parsePollFile(decodeText(bytes).text, { ...options, file });
}
