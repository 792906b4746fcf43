/**
 * One error type and one message grammar for bad input, used by every loader, validator and command.
 *
 * Message grammar: `<where>: <key path or line> must be <expected>, got <found>`.
 * The command line maps an {@link InputError} to exit code 2; anything else is a runtime failure (exit 1).
 *
 * Privacy: a file given by the user (a supporter list, a counts file, a scenario that is really a
 * list export) may hold names, e-mail addresses and phone numbers. Readers of such files render what
 * they found with {@link describeCell} and {@link describeColumns}, which show a value only when it is
 * shaped like a column name, a number or a territory, and otherwise describe it ("a 34-character
 * value"). Every message also has its control characters escaped ({@link escapeControlCharacters}), so
 * a key or file name cannot move the cursor or recolour a terminal.
 */
import { FR_ABROAD_LABELS, FR_DEPARTEMENTS, US_STATES } from './list/territoryNames.js';

export interface InputErrorDetails {
  /** File the bad input came from, when there is one (path as the user gave it). */
  file?: string;
  /** Key path (`campaigns.D.listSize`) or `line L, column C` locating the problem. */
  at?: string;
  /** What was expected, in plain words (`a non-negative integer`). */
  expected: string;
  /** What was found, rendered short (`-5`, `"abc"`, `nothing`). */
  found?: string;
  /** Optional hint such as `did you mean "listSize"?`. */
  hint?: string;
}

/** Longest message an InputError prints, characters; longer ones are cut with a count of the rest. */
const MAX_MESSAGE_CHARS = 2000;

/** Bad input from a user or a data file. Carries structured details; `message` is ready to print. */
export class InputError extends Error {
  readonly details: InputErrorDetails;
  constructor(details: InputErrorDetails) {
    super(formatInputError(details));
    this.name = 'InputError';
    this.details = details;
  }
}

/**
 * Renders a value short for an error message: strings quoted, long values cut. For values the
 * program or its own data files produced; a value read from a user's file goes through
 * {@link describeCell} instead. Even here, a string holding an `@`, shaped like a phone number (or a
 * joined row holding one) or like a person's name is described, not shown.
 *
 * @example
 * describeValue(NaN) // => 'NaN'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // Defence in depth for a reader that should have used describeCell: an e-mail address, a phone
  // number, or a joined row holding one is described, never shown.
  if (typeof value === 'string' && (looksPersonal(value) || looksLikePersonName(value))) return describeHidden(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Seven or more digits, possibly with `+ ( ) . - /` and spaces between them: a phone number's shape. */
const PHONE_SHAPE = /^\+?[\d\s().\-/]{7,}$/;
/** Letters, digits, spaces and the punctuation of column names and place names. */
const NAME_SHAPE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} _.'’()\-/#&]*$/u;
/** Longest text shown as a column name or territory. */
const MAX_SHOWN_CHARS = 32;

/**
 * True when `text` is safe to show in a message about a file that may hold personal data: at most 32
 * characters of letters, digits, spaces and name punctuation, at most three words, fewer than seven
 * digits, no `@`, not shaped like a phone number or a street address (a number then words), not shaped
 * like a person's name (see {@link looksLikePersonName}), no line break. Column headers (`state`,
 * `Code postal`, `First name`), territory values (`FL`, `Nouvelle-Calédonie`, `New York`, `75001`) and
 * numbers pass; e-mail addresses, phone numbers, street addresses, people's names and free text do not.
 *
 * @example
 * isShownCell('FL') // => true
 * isShownCell('ada@example.org') // => false
 * isShownCell('+1 (555) 010-9999') // => false
 * isShownCell('Ada Lovelace') // => false
 */
export function isShownCell(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_SHOWN_CHARS) return false;
  if (t.includes('@')) return false;
  if (PHONE_SHAPE.test(t)) return false;
  if ((t.match(/\d/g) ?? []).length >= 7) return false;
  if (t.split(/\s+/).length > 3) return false;
  // A house number then words: a street address.
  if (/^\d+[a-z]?,?\s+\p{L}/iu.test(t)) return false;
  // A short number (fewer than 7 digits, checked above), signed or with decimals: a count, not a person.
  if (/^[+-]?\d[\d.,]*$/.test(t)) return true;
  if (looksLikePersonName(t)) return false;
  return NAME_SHAPE.test(t);
}

/** Words of column names, in English and French: a cell holding one is a header, not a person. */
const HEADER_WORDS = new Set(
  (
    'name names first last given family full middle surname nom prenom prénom email e-mail mail courriel phone mobile cell telephone téléphone ' +
    'portable tel address adresse street rue city ville town commune state province region région country pays zip postal postcode code ' +
    'id number numéro numero no date birth naissance county district département departement department libellé libelle voix inscrits ' +
    'votants exprimés exprimes total votes vote weight margin party parti candidate candidat year année round tour sexe sex gender age ' +
    'amount montant donation don list liste source status statut tag tags member membre type label title titre line column ' +
    'state_po county_name county_fips candidatevotes totalvotes party_simplified party_detailed mode version office writein special notes ' +
    'abstentions abs blancs nuls ins exp vot panneau etat saisie other eligible registered sd fips po ' +
    'territory territoire unit unité unite zone circonscription canton precinct ward division'
  ).split(' '),
);

/**
 * True for header text a message may list as a column name: a territory code, a known place, or text of
 * which one word (split at spaces, `_`, `-`, `/`, digits) is a word of column names in English or French
 * (`state`, `Code postal`, `Voix_candidat_MACRON`, `% Voix/Ins`). A single unknown word (`Lovelace`) may
 * be a person's name: it is counted, not shown.
 *
 * @example
 * isListedColumnName('Code du département') // => true
 * isListedColumnName('Lovelace') // => false
 */
export function isListedColumnName(text: string): boolean {
  const t = text.trim();
  if (!isShownCell(t)) return false;
  if (isCodeShaped(t)) return true;
  placeNames ??= new Set([...Object.values(US_STATES), ...Object.values(FR_DEPARTEMENTS), ...FR_ABROAD_LABELS].map(placeKey));
  if (placeNames.has(placeKey(t))) return true;
  // One or two characters (`a`, `no`, `cp`) name a column, not a person.
  if (/^\p{L}{1,2}$/u.test(t)) return true;
  return t.toLowerCase().split(/[^\p{L}]+/u).some((w) => HEADER_WORDS.has(w)) || HEADER_WORDS.has(t.toLowerCase());
}

/** Place names a message may show whole: US states, French départements and the French abroad, compared without case or accents. */
let placeNames: Set<string> | undefined;

/** Upper case, accents removed, `-` and `'` read as spaces: `Côte-d'Or` -> `COTE D OR`. */
function placeKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[-'’]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * True for text shaped like a person's name: two to four words of letters only, the first and the last
 * capitalised (`Ada Lovelace`, `GRACE B. HOPPER`, `Jean de La Fontaine`), none of them a word of column
 * names (`First Name`, `Code Postal`),
 * and not a known place (`New York`, `District of Columbia`, `Loir et Cher`). A message about a user's
 * file never shows such text.
 *
 * @example
 * looksLikePersonName('Ada Lovelace') // => true
 * looksLikePersonName('New York') // => false
 * looksLikePersonName('Zip code') // => false
 */
function looksLikePersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(w))) return false;
  // Names are written with capitals (particles such as `de` or `van` aside): `electoral college` is not one.
  if (!/^\p{Lu}/u.test(words[0]!) || !/^\p{Lu}/u.test(words[words.length - 1]!)) return false;
  if (words.some((w) => HEADER_WORDS.has(w.toLowerCase().replace(/[.:]$/, '')))) return false;
  placeNames ??= new Set([...Object.values(US_STATES), ...Object.values(FR_DEPARTEMENTS), ...FR_ABROAD_LABELS].map(placeKey));
  return !placeNames.has(placeKey(text));
}

/** Territory codes: `FL`, `2A`, `971`, `75001`, `ME-2`, `42101` (digits and at most three capitals, an optional `-` part). */
const CODE_SHAPE = /^(?=.{1,12}$)[0-9]*[A-Z]{0,3}[0-9]*(?:[-_][A-Z0-9]{1,4})?$/;

/**
 * True when `text` is shaped like a territory code: digits and at most three capital letters, with an
 * optional `-` or `_` part (`FL`, `2A`, `971`, `ME-2`, `42101`). Such text is shown in a message where a
 * key or an id from a user's file is named; anything else is described.
 *
 * @example
 * isCodeShaped('ME-2') // => true
 * isCodeShaped('Lovelace') // => false
 */
export function isCodeShaped(text: string): boolean {
  return CODE_SHAPE.test(text) && text !== '';
}

/**
 * A key or an id from a user's file, for a message: quoted when shaped like a territory code or a known
 * place, else described by its length only (`a 12-character key (not shown)`).
 *
 * @example
 * describeKey('FL') // => '"FL"'
 * describeKey('Ada Lovelace') // => 'a 12-character key (not shown)'
 */
export function describeKey(key: string): string {
  if (isCodeShaped(key)) return JSON.stringify(key);
  placeNames ??= new Set([...Object.values(US_STATES), ...Object.values(FR_DEPARTEMENTS), ...FR_ABROAD_LABELS].map(placeKey));
  if (key.length <= MAX_SHOWN_CHARS && placeNames.has(placeKey(key))) return JSON.stringify(key);
  return `a ${[...key].length}-character key (not shown)`;
}

/**
 * A key typed in a scenario, in a key path: shown, unless it is shaped like a person's name, an e-mail
 * or a phone number (a list export given as a scenario), then described: `campaigns[a 12-character key (not shown)]`.
 *
 * @example
 * scenarioKeyPath('campaigns', 'PS') // => 'campaigns.PS'
 * scenarioKeyPath('campaigns', 'Ada Lovelace') // => 'campaigns[a 12-character key (not shown)]'
 */
export function scenarioKeyPath(prefix: string, key: string): string {
  return looksPersonal(key) || looksLikePersonName(key) ? `${prefix}[a ${[...key].length}-character key (not shown)]` : `${prefix}.${key}`;
}

/**
 * A key path ending in a key from a user's file: `counts.FL` when the key may be shown
 * ({@link describeKey}), else the path with the key described: `counts[a 12-character key (not shown)]`.
 *
 * @example
 * keyPath('counts', 'FL') // => 'counts.FL'
 * keyPath('counts', 'Ada Lovelace') // => 'counts[a 12-character key (not shown)]'
 */
export function keyPath(prefix: string, key: string): string {
  const shown = describeKey(key);
  return shown.startsWith('"') ? `${prefix}.${key}` : `${prefix}[${shown}]`;
}

/** An e-mail address or phone number, alone or inside a joined row (`Ada,ada@example.org,FL`). */
function looksPersonal(text: string): boolean {
  return text.includes('@') || PHONE_SHAPE.test(text.trim()) || (/[,;\t]/.test(text) && /\+?\d[\d ().-]{7,}\d/.test(text));
}

/** `a 34-character value`, `an empty value`: a description that shows nothing of the text. */
function describeHidden(text: string): string {
  if (text.trim() === '') return 'an empty value';
  const length = [...text].length;
  if (text.includes('@')) return `a ${length}-character value containing "@" (not shown)`;
  return `a ${length}-character value (not shown)`;
}

/**
 * Renders a value read from a file that may hold personal data: shown (quoted) only when it is a
 * finite number, a boolean, null, or a string {@link isShownCell} accepts; otherwise described by its
 * kind and length. Lists and objects are described by size, never by content.
 *
 * @param value a cell, a JSON value or a YAML value from a user's file
 * @returns text for the `found` part of an {@link InputError}
 * @example
 * describeCell('FL') // => '"FL"'
 * describeCell('Ada Lovelace <ada@example.org>') // => 'a 30-character value containing "@" (not shown)'
 * describeCell([{ name: 'Ada' }]) // => 'a list of 1 value'
 * describeCell(NaN) // => 'NaN'
 */
export function describeCell(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) && String(value).length <= 24 ? String(value) : Number.isFinite(value) ? 'a long number' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return isShownCell(value) ? JSON.stringify(value) : describeHidden(value);
  if (Array.isArray(value)) return `a list of ${value.length} value${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).length;
    return `an object with ${keys} key${keys === 1 ? '' : 's'}`;
  }
  return `a value of type ${typeof value}`;
}

/** How many column names a message lists at most. */
const MAX_LISTED_COLUMNS = 12;

/**
 * Renders a header row for a "no such column" message about a file that may hold personal data.
 * When the row looks like data rather than a header (a cell not shaped like a column name, such as an
 * e-mail address or a phone number, or a cell `looksLikeData` flags, such as a territory code), no
 * cell is shown and the message says the first line looks like data. Otherwise the columns whose
 * names are made of known column words ({@link isListedColumnName}) are listed, at most 12, with a count
 * of the rest and of those not shown (a single unknown word may be a surname).
 *
 * @param header cells of the first line
 * @param looksLikeData optional test of a cell that a header would not hold (a territory, a number)
 * @example
 * describeColumns(['name', 'state']) // => 'columns "name", "state"'
 * describeColumns(['Ada Lovelace', 'ada@example.org', '555-010-9999', 'FL'])
 * // => 'a first line of 4 values that looks like data or a title, not a header naming the columns (values not shown)'
 */
export function describeColumns(header: readonly string[], looksLikeData?: (cell: string) => boolean): string {
  const dataLike = header.some((cell) => {
    const t = cell.trim();
    return (t !== '' && !isShownCell(t)) || /^[+-]?\d[\d\s.,]*$/.test(t) || (t !== '' && looksLikeData?.(t) === true);
  });
  if (dataLike) {
    return `a first line of ${header.length} value${header.length === 1 ? '' : 's'} that looks like data or a title, not a header naming the columns (values not shown)`;
  }
  // Column names made of known words are listed; a single unknown word (a surname?) is counted only.
  const listed = header.filter((h) => h.trim() === '' || isListedColumnName(h));
  const hidden = header.length - listed.length;
  const shown = listed.slice(0, MAX_LISTED_COLUMNS).map((h) => (h.trim() === '' ? '(empty)' : JSON.stringify(h.trim())));
  const more = listed.length - shown.length;
  if (shown.length === 0) return `a first line of ${header.length} column${header.length === 1 ? '' : 's'}, none named with a known column word (not shown)`;
  return `column${header.length === 1 ? '' : 's'} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}${hidden > 0 ? `, and ${hidden} not shown (not known column words)` : ''}`;
}

/**
 * Escapes characters that a terminal would act on: C0 and C1 control characters (ESC, BEL, CR,
 * backspace…), DEL, and the Unicode bidirectional overrides; each becomes `\u{…}`. Tabs and line
 * feeds become `\t` and `\n` so a message stays on one line.
 *
 * @example
 * escapeControlCharacters('a\u001b[31mb\n') // => 'a\\u{1b}[31mb\\n'
 */
export function escapeControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    return `\\u{${ch.charCodeAt(0).toString(16)}}`;
  });
}

/**
 * Formats details in the one grammar: `file: at must be expected, got found (hint)`, with control
 * characters escaped and the whole cut to {@link MAX_MESSAGE_CHARS}.
 *
 * @example
 * formatInputError({ file: 'a.yaml', at: 'seed', expected: 'a finite number', found: '"x"' })
 * // => 'a.yaml: seed must be a finite number, got "x"'
 */
export function formatInputError(d: InputErrorDetails): string {
  const where = [d.file, d.at].filter(Boolean).join(': ');
  const found = d.found === undefined ? '' : `, got ${d.found}`;
  const hint = d.hint ? ` (${d.hint})` : '';
  return limitMessage(escapeControlCharacters(`${where ? `${where} ` : ''}must be ${d.expected}${found}${hint}`));
}

/**
 * Cuts a message to {@link MAX_MESSAGE_CHARS}, saying how much was left out.
 *
 * @example
 * limitMessage('x'.repeat(2100)).endsWith('... (100 more characters)') // => true
 */
export function limitMessage(text: string): string {
  if (text.length <= MAX_MESSAGE_CHARS) return text;
  const keep = MAX_MESSAGE_CHARS - 40;
  return `${text.slice(0, keep)}... (${text.length - keep} more characters)`;
}

/** Throws an {@link InputError} unless `condition` holds. */
export function check(condition: unknown, details: InputErrorDetails): asserts condition {
  if (!condition) throw new InputError(details);
}
