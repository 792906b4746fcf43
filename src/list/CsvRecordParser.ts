/**
 * A push-based CSV parser for text of any size: feed it decoded chunks as they arrive, it calls back
 * once per record. It keeps only the record being parsed in memory, so a ten-million-row file costs
 * the same memory as a ten-row one.
 *
 * The dialect is RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) widened to what spreadsheet
 * exports produce: a leading byte-order mark is dropped, records end with LF or CRLF (a lone CR too),
 * the separator is `,` or `;` (detected from the header line when not given), and a quoted field may
 * hold separators, doubled quotes (`""` → `"`) and line breaks. Blank lines are skipped.
 *
 * Field text is never put into an error message: a supporter list holds names and addresses.
 */
import { InputError } from '../errors.js';

/** Options of {@link CsvRecordParser}. */
export interface CsvRecordParserOptions {
  /** Field separator; detected from the first line when absent (`;` when it outnumbers `,` there). */
  separator?: ',' | ';';
  /** File name for error messages. */
  file?: string;
  /**
   * Called once per record with its fields and the 1-based line on which the record starts.
   * The array is reused between calls: copy it to keep it.
   */
  onRecord: (fields: string[], line: number) => void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Longest record kept in memory while waiting for its end (16 Mi characters). */
const MAX_RECORD_CHARS = 1 << 24;

/**
 * Streaming CSV record parser.
 *
 * @example
 * const rows: string[][] = [];
 * const p = new CsvRecordParser({ onRecord: (f) => rows.push([...f]) });
 * p.push('a;b\r\n"x;1"'); p.push(';2\n'); p.end();
 * rows; // => [['a', 'b'], ['x;1', '2']]
 */
export class CsvRecordParser {
  private readonly file: string | undefined;
  private readonly onRecord: (fields: string[], line: number) => void;
  private separatorCode: number;
  private started = false;
  /** Unconsumed text: the start of a record whose end has not arrived yet. */
  private pending = '';
  /** 1-based line number of the first character of `pending`. */
  private line = 1;
  private readonly fields: string[] = [];
  private recordCount = 0;
  /** When ≥ 0, only this field's text is kept; the others are passed as '' (saves copying them). */
  private onlyField = -1;

  constructor(options: CsvRecordParserOptions) {
    this.file = options.file;
    this.onRecord = options.onRecord;
    this.separatorCode = options.separator ? options.separator.charCodeAt(0) : 0;
  }

  /** Number of records parsed so far (the header counts as one). */
  get records(): number {
    return this.recordCount;
  }

  /** The separator in use (`,` or `;`), once known. */
  get separator(): string | undefined {
    return this.separatorCode ? String.fromCharCode(this.separatorCode) : undefined;
  }

  /**
   * Keeps only field `index` (0-based) of the following records; the others arrive as ''. Call it
   * from `onRecord` once the header has told which column matters. Pass -1 to keep all again.
   */
  keepOnlyField(index: number): void {
    this.onlyField = index;
  }

  /** Feeds the next chunk of decoded text. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (!this.separatorCode) {
        const firstBreak = firstLineEnd(text);
        if (firstBreak < 0 && text.length < 65536) {
          this.pending = text;
          return;
        }
        this.separatorCode = detectSeparator(firstBreak < 0 ? text : text.slice(0, firstBreak));
      }
      this.started = true;
    }
    this.pending = this.parse(text, false);
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new InputError({
        file: this.file,
        at: `line ${this.line}`,
        expected: `a record shorter than ${MAX_RECORD_CHARS} characters`,
        found: 'a longer one (is a double quote left open?)',
      });
    }
  }

  /** Signals the end of input: parses the last record even without a final line break. */
  end(): void {
    let text = this.pending;
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (!this.separatorCode) this.separatorCode = detectSeparator(text);
      this.started = true;
    }
    const rest = this.parse(text, true);
    this.pending = rest;
  }

  /**
   * Parses all complete records of `text` and returns the unconsumed tail. When `final` is true the
   * tail is parsed as the last record.
   */
  private parse(text: string, final: boolean): string {
    const sep = this.separatorCode;
    const fields = this.fields;
    const length = text.length;
    let recordStart = 0;
    let line = this.line;
    while (recordStart < length) {
      const recordLine = line;
      fields.length = 0;
      let i = recordStart;
      let complete = false;
      // One record: a sequence of fields.
      for (;;) {
        if (i < length && text.charCodeAt(i) === QUOTE) {
          // Quoted field: runs to the closing quote that is not doubled.
          const keep = this.onlyField < 0 || fields.length === this.onlyField;
          let value = '';
          let segmentStart = i + 1;
          let j = segmentStart;
          let closed = false;
          while (j < length) {
            const c = text.charCodeAt(j);
            if (c === QUOTE) {
              if (j + 1 < length && text.charCodeAt(j + 1) === QUOTE) {
                if (keep) value += text.slice(segmentStart, j + 1);
                j += 2;
                segmentStart = j;
                continue;
              }
              if (j + 1 >= length && !final) break; // the next chunk may start with the doubling quote
              if (keep) value += text.slice(segmentStart, j);
              closed = true;
              j += 1;
              break;
            }
            if (c === LF) line += 1;
            else if (c === CR && text.charCodeAt(j + 1) !== LF) line += 1;
            j += 1;
          }
          if (!closed) {
            if (!final) {
              this.line = recordLine;
              return text.slice(recordStart);
            }
            throw new InputError({
              file: this.file,
              at: `line ${recordLine}`,
              expected: 'a quoted field closed by a double quote (")',
              found: 'the end of the file inside the quotes',
            });
          }
          fields.push(value);
          i = j;
          // After the closing quote: separator, line end, or end of text. Anything else is kept as text.
          const after = i < length ? text.charCodeAt(i) : -1;
          if (after === sep) {
            i += 1;
            continue;
          }
          if (after === LF || after === CR || after === -1) {
            if (after === -1 && !final) {
              this.line = recordLine;
              return text.slice(recordStart);
            }
            if (after === CR) {
              if (i + 1 >= length && !final) {
                this.line = recordLine;
                return text.slice(recordStart);
              }
              i += text.charCodeAt(i + 1) === LF ? 2 : 1;
              line += 1;
            } else if (after === LF) {
              i += 1;
              line += 1;
            }
            complete = true;
            break;
          }
          // Stray text after a closing quote (`"a"b`): keep it, as spreadsheets do.
          let k = i;
          while (k < length) {
            const c = text.charCodeAt(k);
            if (c === sep || c === LF || c === CR) break;
            k += 1;
          }
          if (k >= length && !final) {
            this.line = recordLine;
            return text.slice(recordStart);
          }
          if (keep) fields[fields.length - 1] = value + text.slice(i, k);
          i = k;
          if (i < length && text.charCodeAt(i) === sep) {
            i += 1;
            continue;
          }
          if (i < length) {
            i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
            line += 1;
          }
          complete = true;
          break;
        }
        // Unquoted field: runs to the next separator or line end.
        let j = i;
        let c = -1;
        while (j < length) {
          c = text.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j += 1;
        }
        if (j >= length) {
          if (!final) {
            this.line = recordLine;
            return text.slice(recordStart);
          }
          fields.push(this.onlyField < 0 || fields.length === this.onlyField ? text.slice(i, j) : '');
          i = j;
          complete = true;
          break;
        }
        const blankLine = fields.length === 0 && j === i && c !== sep;
        fields.push(this.onlyField < 0 || fields.length === this.onlyField ? text.slice(i, j) : '');
        if (c === sep) {
          i = j + 1;
          continue;
        }
        if (c === CR) {
          if (j + 1 >= length && !final) {
            this.line = recordLine;
            return text.slice(recordStart);
          }
          i = text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
        } else {
          i = j + 1;
        }
        line += 1;
        complete = !blankLine; // a blank line is no record
        if (blankLine) recordStart = i;
        break;
      }
      if (complete) {
        this.recordCount += 1;
        this.onRecord(fields, recordLine);
        recordStart = i;
      }
    }
    this.line = line;
    return '';
  }
}

/** Index of the first line break outside quotes, or -1. */
function firstLineEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/**
 * Picks the separator of a header line: `;` when it appears outside quotes more often than `,`
 * (spreadsheets in French locales export with `;`), `,` otherwise.
 * @example
 * detectSeparator('nom;"code, postal";ville') // => 59 (';')
 */
export function detectSeparator(headerLine: string): number {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (let i = 0; i < headerLine.length; i += 1) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && c === 44) commas += 1;
    else if (!inQuotes && c === 59) semicolons += 1;
  }
  return semicolons > commas ? 59 : 44;
}
