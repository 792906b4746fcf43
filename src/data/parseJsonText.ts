/**
 * JSON parsing that reports where a malformed file goes wrong, by line and column.
 * `JSON.parse` in Node 20 sometimes names a character position and sometimes only quotes the text
 * (a file's content, which may be personal data, in an error); this small recursive-descent reader
 * always knows its line and column, shows at most the one character it stopped at, refuses a key
 * given twice in one object (RFC 8259 §4 leaves duplicates to the reader; silently keeping the last
 * one hides a mistake), and refuses nesting deeper than {@link MAX_JSON_DEPTH}. Time is linear in
 * the text's length.
 */
import { InputError } from '../errors.js';

/** Deepest nesting of lists and objects accepted: a data file is a few levels deep. */
const MAX_JSON_DEPTH = 256;

class JsonScanner {
  private index = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** Line and column (both 1-based) of a character offset. */
  private locate(offset: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return `line ${line}, column ${offset - lineStart + 1}`;
  }

  private fail(expected: string, found?: string): never {
    const ch = this.text[this.index];
    throw new InputError({
      file: this.file,
      at: this.locate(this.index),
      expected,
      found: found ?? (ch === undefined ? 'end of file' : JSON.stringify(ch)),
    });
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_JSON_DEPTH) this.fail(`nested at most ${MAX_JSON_DEPTH} lists or objects deep`, 'deeper nesting');
  }

  private skipSpace(): void {
    while (this.index < this.text.length && ' \t\n\r'.includes(this.text[this.index]!)) this.index++;
  }

  parseDocument(): unknown {
    if (this.text.charCodeAt(0) === 0xfeff) this.index = 1;
    const value = this.value();
    this.skipSpace();
    if (this.index < this.text.length) this.fail('the end of the JSON document');
    return value;
  }

  private value(): unknown {
    this.skipSpace();
    const ch = this.text[this.index];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return literal;
      }
    }
    return this.fail('a JSON value');
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    if (this.opensEmpty('}')) return result;
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] !== '"') this.fail('a double-quoted property name');
      const keyStart = this.index;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        this.index = keyStart;
        this.fail('a property name not already used in this object', 'a key given twice');
      }
      this.skipSpace();
      if (this.text[this.index] !== ':') this.fail('":" after a property name');
      this.index++;
      // defineProperty: a key named "__proto__" is an ordinary key, not the object's prototype.
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      if (this.closes('}', 'a property value')) return result;
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    if (this.opensEmpty(']')) return result;
    for (;;) {
      result.push(this.value());
      if (this.closes(']', 'an array element')) return result;
    }
  }

  /** Enters an object or array at its opening character; true when it closes at once (`{}`, `[]`), the level then left. */
  private opensEmpty(close: '}' | ']'): boolean {
    this.enter();
    this.index++;
    this.skipSpace();
    if (this.text[this.index] !== close) return false;
    this.index++;
    this.depth -= 1;
    return true;
  }

  /** After a member: true at `close` (the level left), false past a ","; anything else fails, naming what came `after`. */
  private closes(close: '}' | ']', after: string): boolean {
    this.skipSpace();
    const next = this.text[this.index];
    this.index++;
    if (next === close) {
      this.depth -= 1;
      return true;
    }
    if (next !== ',') {
      this.index--;
      this.fail(`"," or "${close}" after ${after}`);
    }
    return false;
  }

  private string(): string {
    const start = this.index;
    this.index++;
    while (this.index < this.text.length) {
      const ch = this.text[this.index]!;
      if (ch === '"') {
        this.index++;
        try {
          return JSON.parse(this.text.slice(start, this.index)) as string;
        } catch {
          this.index = start;
          return this.fail('a string with valid escapes');
        }
      }
      if (ch === '\\') this.index++;
      else if (ch < ' ') this.fail('a string without raw control characters');
      this.index++;
    }
    return this.fail('a closing double quote');
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index, this.index + 40));
    if (!match) this.fail('a number');
    this.index += match[0].length;
    return Number(match[0]);
  }
}

/**
 * Parses JSON text, failing with the file, line and column of the first error.
 *
 * @param text JSON text.
 * @param file Name used in error messages.
 * @returns The parsed value.
 * @throws {InputError} `data/x.json: line 3, column 5 must be a JSON value, got "}"`; a key given twice
 *   in one object, or nesting deeper than {@link MAX_JSON_DEPTH}, is refused the same way.
 * @example
 * parseJsonText('{"a": [1, 2]}', 'x.json') // => { a: [1, 2] }
 */
export function parseJsonText(text: string, file: string): unknown {
  return new JsonScanner(text, file).parseDocument();
}
