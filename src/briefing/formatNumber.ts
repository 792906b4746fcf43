/**
 * Number formats of the briefing and of the command line's human-readable output: English (thousands
 * with commas) whatever the machine's locale, and the briefing page's English or French forms, shared by
 * the page as rendered (src/briefing/) and its live script (src/browser/briefingPageScript.ts).
 */
import { MESSAGES } from './messages.js';

/** Formatters made so far, by language and decimals (see numberFormatIn). */
const FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * The page's number formatter for a language and a count of decimals, made once and kept: a browser's
 * first Intl.NumberFormat loads its locale data (8–11 ms in headless Chromium, measured on the briefing
 * page), so the page makes its formatters at load (`numberFormatIn`), not on the first move of a control.
 *
 * @param locale page language
 * @param minimumDigits, maximumDigits decimals shown (maximumDigits undefined: Intl's default, 3)
 * @example
 * numberFormatIn('fr', 0, 0).format(2860157) // => '2 860 157' (narrow no-break spaces)
 */
export function numberFormatIn(locale: PageLocale, minimumDigits = 0, maximumDigits?: number): Intl.NumberFormat {
  const key = `${locale}/${minimumDigits}/${maximumDigits ?? ''}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', maximumDigits === undefined ? {} : { minimumFractionDigits: minimumDigits, maximumFractionDigits: maximumDigits });
    FORMATS.set(key, format);
  }
  return format;
}

/** Language of a briefing page's words and number formats. */
export type PageLocale = 'en' | 'fr';

/** How a live control's value is shown: whole people, a share 0–1 as %, or pp toward the first side. */
export type ControlFormat = 'count' | 'share' | 'pp';

/**
 * 1234567 → `1,234,567`.
 *
 * @example
 * formatCount(2912790) // => '2,912,790'
 */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  return (rounded === 0 ? 0 : rounded).toLocaleString('en-US');
}

/**
 * 0.4567 → `45.7%`.
 *
 * @example
 * formatShare(0.4567) // => '45.7%'
 */
export function formatShare(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * 2.345 → `+2.3 pp`.
 *
 * @example
 * formatPp(2.345) // => '+2.3 pp'
 */
export function formatPp(value: number, digits = 1): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)} pp`;
}

/**
 * A share 0–1 as a percentage with one decimal: `35.7%` in English, `35,7 %` in French (narrow
 * no-break space, French typographic usage). The English form is the one of every figure card.
 *
 * @example
 * formatShareIn(0.3574, 'fr') // => '35,7\u202f%'
 */
export function formatShareIn(value: number, locale: PageLocale, digits = 1): string {
  const text = (value * 100).toFixed(digits);
  return locale === 'fr' ? `${text.replace('.', ',')}\u202f%` : `${text}%`;
}

/**
 * A whole number in the page's language (`2,860,157` / `2 860 157`).
 *
 * @example
 * formatCountIn(2860157, 'en') // => '2,860,157'
 */
export function formatCountIn(value: number, locale: PageLocale): string {
  return numberFormatIn(locale, 0, 0).format(Math.round(value));
}

/**
 * One decimal in the page's language (`248.4` / `248,4`).
 *
 * @example
 * formatDecimalIn(248.44, 'fr') // => '248,4'
 */
export function formatDecimalIn(value: number, locale: PageLocale): string {
  const text = value.toFixed(1);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/**
 * Two sides' figures on one card, each labelled by its side (`D 247.4 · R 290.6`): not a dash between two
 * numbers, which reads like a range.
 *
 * @example
 * formatSidePair('D', '247.4', 'R', '290.6') // => 'D 247.4 · R 290.6'
 */
export function formatSidePair(a: string, valueA: string, b: string, valueB: string): string {
  return `${a} ${valueA} \u00b7 ${b} ${valueB}`;
}

/**
 * A live control's value as shown beside its slider.
 *
 * @example
 * formatControl(0.25, 'share', 'en') // => '25%'
 * formatControl(-13.1, 'pp', 'fr') // => '-13,1 pts'
 */
export function formatControl(value: number, format: ControlFormat, locale: PageLocale): string {
  if (format === 'share') return `${numberFormatIn(locale, 0, 0).format(value * 100)}${locale === 'fr' ? '\u202f' : ''}%`;
  if (format === 'pp') return `${value > 0 ? '+' : ''}${numberFormatIn(locale, 1, 1).format(value)} ${MESSAGES[locale].ppUnit}`;
  return numberFormatIn(locale, 0, 0).format(value);
}
