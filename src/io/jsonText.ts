/**
 * JSON text as the command line prints it and a report stores it: one document, two-space indented,
 * typed arrays as plain arrays, non-finite numbers as null (JSON has no NaN), and the characters
 * JSON.stringify leaves raw that a terminal or a JavaScript parser may act on written as `\uXXXX`.
 * Browser-safe.
 */

/** What {@link escapeJsonText} escapes. */
const JSON_RAW = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * Escapes, in JSON text, the characters JSON.stringify leaves raw that a terminal or a JavaScript
 * parser may act on: DEL, C1 controls, the bidirectional overrides, and the line and paragraph
 * separators U+2028 and U+2029. Each becomes a `\uXXXX` escape: the same JSON value.
 *
 * @example
 * escapeJsonText('{"a":"x\u009by"}') // => '{"a":"x\\u009by"}'
 */
export function escapeJsonText(json: string): string {
  if (!JSON_RAW.test(json)) return json;
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON.stringify replacer: typed arrays → arrays, NaN/±Infinity → null.
 *
 * @example
 * JSON.stringify({ x: NaN, y: new Int32Array([1]) }, jsonReplacer) // => '{"x":null,"y":[1]}'
 */
function jsonReplacer(_key: string, value: unknown): unknown {
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
