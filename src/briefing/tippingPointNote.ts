/**
 * The note under the briefing's most frequent tipping point, in English or French: the static page
 * (src/briefing/renderBriefing.ts) and the page's live script (src/browser/briefingPageScript.ts) write
 * the same words from this one function.
 */
import type { PageLocale } from './formatNumber.js';

/** Words of the note under the tipping-point figure (the static page and the live engine's script share them). */
const TIPPING_WORDS = {
  en: { of: ' of simulations', bias: { 'electoral-college': 'electoral-college bias', seats: 'seat bias' }, toward: ' pp toward ', none: '; no ', basis: ' (margins over all votes cast)' },
  fr: { of: ' des simulations', bias: { 'electoral-college': 'biais du collège électoral', seats: 'biais des sièges' }, toward: ' point en faveur de ', none: ' ; pas de ', basis: ' (écarts sur les suffrages exprimés)' },
};

/**
 * The note under the most frequent tipping point: its share of simulations and the electoral-college
 * bias (tipping-point margin − national margin, toward the side it favours), saying that both are on
 * margins over all votes cast, the published convention.
 *
 * @param share the tipping unit's share of simulations, already formatted (`27.9%`)
 * @param bias the bias, pp toward the first side (negative: toward the second), already rounded to 0.1; undefined when there is none (national-vote rules)
 * @param sides the two sides
 * @param rule `electoral-college` or `seats`: names the bias
 * @param locale `en` or `fr`
 * @example
 * tippingPointNote('27.9%', -1.2, ['D', 'R'], 'electoral-college', 'en') // => '27.9% of simulations; electoral-college bias 1.2 pp toward R (margins over all votes cast)'
 */
export function tippingPointNote(share: string, bias: number | undefined, sides: readonly [string, string], rule: string, locale: PageLocale): string {
  const w = TIPPING_WORDS[locale];
  if (bias === undefined || !Number.isFinite(bias)) return share + w.of;
  const name = rule === 'seats' ? w.bias.seats : w.bias['electoral-college'];
  const size = Math.abs(bias).toFixed(1);
  if (size === '0.0') return share + w.of + w.none + name + w.basis;
  return share + w.of + (locale === 'fr' ? ' ; ' : '; ') + name + ' ' + (locale === 'fr' ? size.replace('.', ',') : size) + w.toward + (bias > 0 ? sides[0] : sides[1]) + w.basis;
}
