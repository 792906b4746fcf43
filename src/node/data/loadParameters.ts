/**
 * Loads data/parameters.json (Node-only edge; parsing lives in src/data/parameters.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseParameters, type Parameters } from '../../data/parameters.js';

/**
 * Loads the channel and model parameters with their citations from data/parameters.json.
 *
 * @param options `dataDirectory` reads another folder (for tests with broken fixtures).
 * @returns The validated, typed parameters.
 * @throws {InputError} when the file is missing, is malformed JSON (file, line, column) or has a
 *   missing or ill-typed key (file, key path).
 * @example
 * loadParameters().channels.mail.saturation?.value // => 5
 */
export function loadParameters(options: DataDirectoryOptions = {}): Parameters {
  const { path, text } = readDataFile('parameters.json', options);
  return parseParameters(text, path);
}
