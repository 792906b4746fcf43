/**
 * The part of unzipper 0.10 that readXlsxSheet uses: `Open.custom` reads a zip archive's central
 * directory through a random-access source and opens each entry as a stream. (The package ships no
 * types.)
 */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  /** One entry of the central directory, with its declared sizes. */
  export interface CentralDirectoryEntry {
    path: string;
    type: 'File' | 'Directory';
    compressionMethod: number;
    flags: number;
    compressedSize: number;
    uncompressedSize: number;
    /** The entry's content, inflated. */
    stream(password?: string): Readable;
  }

  /** The archive's central directory. */
  export interface CentralDirectory {
    numberOfRecords: number;
    files: CentralDirectoryEntry[];
  }

  /** A random-access source: its size, and a stream of its bytes from an offset. */
  export interface RandomAccessSource {
    size(): PromiseLike<number>;
    stream(offset: number, length?: number): Readable;
  }

  export const Open: {
    custom(source: RandomAccessSource, options?: { tailSize?: number }): Promise<CentralDirectory>;
  };

  const unzipper: { Open: typeof Open };
  export default unzipper;
}
