/**
 * JSON output of the command line: one document per `--json` call (src/io/jsonText.ts writes it).
 */
import type { TextSink } from './CliContext.js';
import { toJsonText } from '../io/jsonText.js';

/**
 * Writes one JSON document to a sink (stdout under `--json`).
 *
 * @example
 * printJson(process.stdout, { a: 1 }) // writes '{\n  "a": 1\n}\n'
 */
export function printJson(sink: TextSink, document: unknown): void {
  sink.write(toJsonText(document));
}
