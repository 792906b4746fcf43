/**
 * Where the project's data/ folder is, and reading one file from it. Node-only (file access).
 */
import { readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';

/**
 * The data/ folder shipped with the package, found relative to this module: both src/node/data and
 * dist/node/data sit three levels below the package root, so `../../../data` works from either.
 *
 * @returns Absolute path of the package's data/ folder.
 * @example
 * defaultDataDirectory() // => '/work/main/data'
 */
export function defaultDataDirectory(): string {
  return fileURLToPath(new URL('../../../data', import.meta.url));
}

/** Options shared by every loader. */
export interface DataDirectoryOptions {
  /** Folder to read instead of the package's data/ (tests point this at fixture files). */
  dataDirectory?: string;
}

/**
 * Reads a UTF-8 text file from the data folder.
 *
 * @param name File name inside the data folder (`us_president_results.csv`).
 * @param options `dataDirectory` overrides the package's data/ folder.
 * @returns The file's path (relative to the working directory when inside it, for error messages) and its text.
 * @throws {InputError} when the file is missing or unreadable: `<path> must be a readable data file, got ENOENT`.
 * @example
 * readDataFile('parameters.json').text.startsWith('{') // => true
 */
export function readDataFile(name: string, options: DataDirectoryOptions = {}): { path: string; text: string } {
  const absolute = join(options.dataDirectory ?? defaultDataDirectory(), name);
  const fromHere = relative(process.cwd(), absolute);
  const path = fromHere.startsWith('..') || isAbsolute(fromHere) ? absolute : fromHere;
  try {
    return { path, text: readFileSync(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError({ file: path, expected: 'a readable data file', found: code });
  }
}
