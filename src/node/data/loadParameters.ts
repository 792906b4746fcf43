/**
 * Loads data/parameters.json (Node-only edge; parsing lives in src/data/parameters.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseParameters, type Parameters } from '../../data/parameters.js';

/** Parameters read, by data folder: data/parameters.json is read and checked once per process. */
const loaded = new Map<string, Parameters>();

/**
 * Loads the channel and model parameters with their citations from data/parameters.json, once per
 * process and data folder (later calls return the same object; callers pass it down and never change it).
 *
 * @param options `dataDirectory` reads another folder (for tests with broken fixtures).
 * @returns The validated, typed parameters.
 * @throws {InputError} when the file is missing, is malformed JSON (file, line, column) or has a
 *   missing or ill-typed key (file, key path).
 * @example
 * loadParameters().channels.mail.saturation?.value // => 5
 */
export function loadParameters(options: DataDirectoryOptions = {}): Parameters {
  const key = options.dataDirectory ?? '';
  const known = loaded.get(key);
  if (known) return known;
  const { path, text } = readDataFile('parameters.json', options);
  const parameters = parseParameters(text, path);
  loaded.set(key, parameters);
  return parameters;
}
