/**
 * The live engine's errors as the briefing page shows them, in the page's language (issue 26). The
 * engine's worker posts an InputError's details (`at`, `expected`, `found`, `hint`, src/errors.ts); the
 * page names the setting by its control's label and says what the engine expects in its own words,
 * from the message catalogue (`liveErrors`). The phrases the live controls can raise are known: a value
 * outside the scenario schema's range (`a number from 0 to 1`, src/scenario/validateScenario.ts
 * describeSchema) and a list larger than a territory's eligible voters (src/model/campaignCoefficients.ts).
 * Any other message is shown as the engine wrote it, marked as English, after a sentence in the page's
 * language that says so. Browser-safe: the page's script bundles it.
 */
import { formatCountIn, type PageLocale } from './formatNumber.js';
import { MESSAGES } from './messages.js';

/** What the engine's worker posts for an InputError (src/errors.ts InputErrorDetails, less the file). */
export interface LiveErrorDetails {
  at?: string;
  expected: string;
  found?: string;
  hint?: string;
}

/** An error in the page's words; `untranslated` is the engine's own message when a phrase is not known. */
export interface LiveErrorText {
  text: string;
  untranslated?: string;
}

/** A number as the engine writes it (`1000000000`, `-5`, `8,731,794`, `0.5`), or null. */
function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : null;
}

/** A number in the page's language: whole numbers with thousands separators, others with a decimal comma in French. */
function numberIn(value: number, locale: PageLocale): string {
  if (Number.isInteger(value)) return formatCountIn(value, locale).replace(/^-/, '\u2212');
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 6 }).format(value).replace(/^-/, '\u2212');
}

/** `expected` in the page's words, or null when the phrase is not one the live controls raise. */
function expectedIn(expected: string, locale: PageLocale): string | null {
  const m = MESSAGES[locale].liveErrors;
  const range = /^(a number|an integer) from (\S+) to (\S+)$/.exec(expected);
  if (range) {
    const low = parseNumber(range[2]!);
    const high = parseNumber(range[3]!);
    if (low !== null && high !== null) return m.numberRange(range[1] === 'an integer', numberIn(low, locale), numberIn(high, locale));
  }
  const cap = /^at most the ([\d,]+) eligible voters of (.+) \(a list cannot hold more of a territory's voters than it has\)$/.exec(expected);
  if (cap) return m.eligibleCap(numberIn(parseNumber(cap[1]!) ?? 0, locale), cap[2]!);
  return null;
}

/** `found` in the page's words, or null when it is not a number or a count of supporters. */
function foundIn(found: string, locale: PageLocale): string | null {
  const supporters = /^([\d,]+) supporters$/.exec(found);
  if (supporters) return MESSAGES[locale].liveErrors.supporters(numberIn(parseNumber(supporters[1]!) ?? 0, locale));
  const value = parseNumber(found);
  return value === null ? null : numberIn(value, locale);
}

/**
 * The page's sentence for an error of the live engine. `labelOf(at)` names a setting by its control's
 * label (undefined: the key path is shown). A list's count in one territory
 * (`campaigns.S.allocation.ID`) is named by the list-size control of side S.
 *
 * @example
 * liveErrorText({ at: 'campaigns.RN.channels.door.coverage', expected: 'a number from 0 to 1', found: '2' }, 'message', 'fr', () => 'RN : porte-à-porte, part de la liste visée')
 * // => { text: 'RN : porte-à-porte, part de la liste visée\u00a0: il faut un nombre de 0 à 1\u00a0; valeur donnée\u00a0: 2' }
 */
export function liveErrorText(details: LiveErrorDetails | undefined, message: string, locale: PageLocale, labelOf: (key: string) => string | undefined): LiveErrorText {
  const m = MESSAGES[locale].liveErrors;
  if (!details) return { text: m.untranslated, untranslated: message };
  const expected = expectedIn(details.expected, locale);
  const found = details.found === undefined ? null : foundIn(details.found, locale);
  const more = details.hint ? /^(?:at least )?(\d+) more problems? after this one$/.exec(details.hint) : null;
  if (expected === null || (details.found !== undefined && found === null) || (details.hint && !more)) return { text: m.untranslated, untranslated: message };
  const at = details.at ?? '';
  const allocation = /^campaigns\.([^.]+)\.allocation\./.exec(at);
  const where = labelOf(at) ?? (allocation ? labelOf(`campaigns.${allocation[1]}.listSize`) : undefined) ?? at;
  const text = m.problem(where, expected, found);
  return { text: more ? `${text} (${m.more(numberIn(Number(more[1]), locale))})` : text };
}
