/**
 * Where the command line's output goes, made safe: text printed on a terminal cannot carry a control
 * sequence (ids, names and scenario names come from the user's files), and standard output redirected to
 * a file is written completely or the run fails: a write the disk cut short is never exit 0.
 */
import { fstatSync, writeSync } from 'node:fs';
import { escapeControlCharacters } from '../errors.js';
import type { TextSink } from './CliContext.js';

/**
 * Escapes what a terminal would act on in text meant for it: C0 and C1 control characters (ESC, BEL,
 * CR, backspace…), DEL and the Unicode bidirectional overrides become `\u{…}`, as in error messages;
 * line feeds and tabs stay (they lay the text out). JSON output has no such character left to escape
 * (escapeJsonText, src/io/jsonText.ts).
 *
 * @example
 * escapeTerminalText('a\u001b[2Jb\n') // => 'a\\u{1b}[2Jb\n'
 */
export function escapeTerminalText(text: string): string {
  // One pass, and no copy of text without such a character (a sweep's JSON is hundreds of megabytes).
  return TERMINAL_CONTROL.test(text) ? text.replace(TERMINAL_CONTROL_ALL, (ch) => escapeControlCharacters(ch)) : text;
}

/** What {@link escapeTerminalText} escapes: controls other than tab and line feed, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL_ALL = new RegExp(TERMINAL_CONTROL.source, 'g');

/** A sink that escapes control characters in everything written to it (see {@link escapeTerminalText}). */
export function escapingSink(sink: TextSink): TextSink {
  return { write: (text: string) => sink.write(escapeTerminalText(text)) };
}

/** The error of an output that could not be written whole: the run ends with exit 1 and this message. */
export class OutputWriteError extends Error {
  constructor(reason: string) {
    super(`could not write the output to standard output (${reason}); it is incomplete`);
    this.name = 'OutputWriteError';
  }
}

/** A write error in words. */
export function describeWriteError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EPIPE':
      return 'the reader closed the pipe';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EFBIG':
      return 'the file grew past the largest size allowed';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    default:
      return error.code ?? error.message;
  }
}

/**
 * A sink writing to a file descriptor with write(2) until every byte is written: a short write (a
 * nearly full disk writes part of a buffer and says so) is followed by another, and the first error ends
 * the run with an {@link OutputWriteError}. Node's own stream for a file ignores short writes.
 *
 * @example
 * fileSink(1).write('{}\n') // => undefined; all 3 bytes written, or OutputWriteError thrown
 */
function fileSink(fd: number): TextSink {
  return {
    write(text: string) {
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        let written: number;
        try {
          written = writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          throw new OutputWriteError(describeWriteError(error as NodeJS.ErrnoException));
        }
        if (written <= 0) throw new OutputWriteError('nothing more could be written');
        offset += written;
      }
    },
  };
}

/**
 * Standard output as the command line writes it: a regular file (`> out.json`) through {@link fileSink},
 * anything else (a terminal, a pipe, /dev/full) through the process's stream, whose errors the process
 * handlers report.
 *
 * @example
 * standardOutput() // => fileSink(1) under `campaign-lab … > out.json`, process.stdout otherwise
 */
export function standardOutput(): TextSink {
  try {
    if (fstatSync(1).isFile()) return fileSink(1);
  } catch {
    // No descriptor 1 to look at: the stream reports its own errors.
  }
  return process.stdout;
}
