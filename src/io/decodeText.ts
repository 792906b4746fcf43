/**
 * Bytes to text for the files people actually have: UTF-8 with or without a byte-order mark,
 * UTF-16 (little or big endian, with or without a byte-order mark) and Latin-1 / Windows-1252, the encoding of
 * the French Interior Ministry's `.txt` downloads and of spreadsheets saved as "CSV" on Windows.
 *
 * No file access and no Node built-ins, so browser code can reuse it. Detection uses the byte-order
 * mark, then a strict UTF-8 decode, then `chardet`'s ranking; decoding uses `iconv-lite`.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Encodings this module reports. `utf-8-bom` is UTF-8 that began with a byte-order mark. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'windows-1252';

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  text: string;
  /** The encoding the bytes were decoded from. */
  encoding: TextEncodingName;
}

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /** Skip detection and decode as this encoding (a byte-order mark is still removed). */
  encoding?: TextEncodingName;
}

/** Decodes with iconv-lite, which strips a byte-order mark of the same encoding. */
function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  const codec = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const text = iconv.decode(bytes, codec);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the bytes are well-formed UTF-8 (a strict decoder accepts them). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte-order mark, from the zero bytes of its first 4 KiB: text in a Latin script has
 * a zero as the high byte of almost every character (at odd offsets little-endian, even ones big-endian),
 * and UTF-8 or Latin-1 text has none. Undefined when the bytes do not look so.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros >= 0.3 * pairs && evenZeros <= 0.05 * pairs) return 'utf-16le';
  if (evenZeros >= 0.3 * pairs && oddZeros <= 0.05 * pairs) return 'utf-16be';
  return undefined;
}

/**
 * The encodings this module reports: per encoding, its name in words (for messages and `results`) and
 * chardet's name for it when chardet can guess it from bytes that are not UTF-8.
 */
const ENCODINGS: Record<TextEncodingName, { words: string; chardet?: string }> = {
  'utf-8': { words: 'UTF-8' },
  'utf-8-bom': { words: 'UTF-8 with byte-order mark' },
  'utf-16le': { words: 'UTF-16 little-endian', chardet: 'UTF-16LE' },
  'utf-16be': { words: 'UTF-16 big-endian', chardet: 'UTF-16BE' },
  'iso-8859-1': { words: 'Latin-1 (ISO-8859-1)', chardet: 'ISO-8859-1' },
  'windows-1252': { words: 'Windows-1252', chardet: 'windows-1252' },
};

/** chardet's names of the encodings accepted when the bytes are not UTF-8, mapped to ours. */
const CHARDET_NAMES: Record<string, TextEncodingName> = Object.fromEntries(
  Object.entries(ENCODINGS).flatMap(([name, e]) => (e.chardet ? [[e.chardet, name as TextEncodingName]] : [])),
);

/**
 * An encoding's name in words, or the name itself when it is not one this module reports.
 *
 * @example
 * encodingInWords('utf-16le') // => 'UTF-16 little-endian'
 */
export function encodingInWords(encoding: string): string {
  return Object.hasOwn(ENCODINGS, encoding) ? ENCODINGS[encoding as TextEncodingName].words : encoding;
}

/**
 * Detects the encoding of a file's bytes and decodes them.
 *
 * Order: a byte-order mark decides (EF BB BF UTF-8, FF FE UTF-16 LE, FE FF UTF-16 BE); then UTF-16
 * without a mark, told by its zero bytes (a zero high byte in most characters, on odd offsets for little
 * endian, even ones for big endian); otherwise
 * bytes that decode as strict UTF-8 are UTF-8 (plain ASCII included); otherwise the first of
 * chardet's ranked guesses among ISO-8859-1, Windows-1252 and UTF-16 wins, and Windows-1252 when
 * chardet names none of them. Windows-1252 is a superset of the printable part of Latin-1, so
 * Latin-1 text read as Windows-1252 is unchanged.
 *
 * @param bytes The raw file content.
 * @param options `encoding` forces one encoding.
 * @returns `{text, encoding}`; `text` never starts with a byte-order mark.
 * @example
 * decodeText(new Uint8Array([0x44, 0xe9, 0x70])) // => { text: 'Dép', encoding: 'windows-1252' }
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64])) // => { text: 'id', encoding: 'utf-8-bom' }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  if (options.encoding) return { text: decodeAs(bytes, options.encoding), encoding: options.encoding };
  let encoding: TextEncodingName;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8-bom';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (utf16WithoutBom(bytes)) encoding = utf16WithoutBom(bytes)!;
  else if (isUtf8(bytes)) encoding = 'utf-8';
  else {
    const guess = chardet.analyse(bytes).find((m) => m.name in CHARDET_NAMES);
    encoding = guess ? CHARDET_NAMES[guess.name]! : 'windows-1252';
  }
  return { text: decodeAs(bytes, encoding), encoding };
}

/** Field delimiters {@link sniffDelimiter} chooses between. */
export type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Counts each delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

/**
 * Guesses the field delimiter of delimited text from its first line (the header) and the lines
 * after it: the delimiter that occurs in the header and at least as often in most of the next 20
 * lines wins; ties go to the one with more fields in the header. Text with none of them in its first
 * line is read as comma-separated (a one-column file).
 *
 * @param text Decoded text (header first).
 * @returns `,`, `;` or a tab.
 * @example
 * sniffDelimiter('Code du département;Inscrits\n01;438250\n') // => ';'
 * sniffDelimiter('id,name,weight\nFL,Florida,30\n') // => ','
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 21);
  if (lines.length === 0) return ',';
  const header = countOutsideQuotes(lines[0]!);
  const rest = lines.slice(1).map(countOutsideQuotes);
  let best: Delimiter = ',';
  let bestScore = [-1, -1];
  for (const d of DELIMITERS) {
    if (header[d] === 0) continue;
    const consistent = rest.filter((c) => c[d] >= header[d]).length;
    const score = [consistent, header[d]];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
