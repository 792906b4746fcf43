/**
 * JSON output helpers: one document per `--json` call, two-space indented, with typed arrays turned
 * into plain arrays and non-finite numbers into null (JSON has no NaN).
 */
import type { TextSink } from './CliContext.js';
import { escapeJsonText } from './outputSink.js';

/**
 * JSON.stringify replacer: typed arrays → arrays, NaN/±Infinity → null.
 *
 * @example
 * JSON.stringify({ x: NaN, y: new Int32Array([1]) }, jsonReplacer) // => '{"x":null,"y":[1]}'
 */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * Serialises one document as the command line prints and stores it.
 *
 * @example
 * toJsonText({ a: new Float64Array([1, 2]) }) // => '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
 */
export function toJsonText(document: unknown): string {
  // C1 controls, bidirectional overrides and U+2028/9 (left raw by JSON.stringify) as \u escapes: the same JSON.
  return `${escapeJsonText(JSON.stringify(document, jsonReplacer, 2))}\n`;
}

/**
 * Writes one JSON document to a sink (stdout under `--json`).
 *
 * @example
 * printJson(process.stdout, { a: 1 }) // writes '{\n  "a": 1\n}\n'
 */
export function printJson(sink: TextSink, document: unknown): void {
  sink.write(toJsonText(document));
}
