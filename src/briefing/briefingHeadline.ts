/**
 * The briefing's finding in words: one sentence computed from the run (and its list-size sweep), in
 * English or French, so the page and the list-size chart say what the figures mean instead of only
 * showing them.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { describeBaseline } from '../scenario/describeBaseline.js';
import type { ListSizeSweep } from './listSizeSweep.js';
import { formatShareIn, type PageLocale } from './formatNumber.js';

/** Language of the words. */
export type HeadlineLocale = PageLocale;

/** How much the list moves P(win) between no list and the largest swept list, in words. */
export type ListVerdict = 'barely' | 'little' | 'clearly';

/**
 * A count of people in millions or thousands, short: `18 M`, `6 M`, `750,000` / `750 000`.
 *
 * @example
 * formatPeople(18000000, 'en') // => '18 M'
 */
export function formatPeople(value: number, locale: HeadlineLocale): string {
  if (value >= 1e6) {
    const millions = Math.round(value / 1e5) / 10;
    return `${locale === 'fr' ? String(millions).replace('.', ',') : String(millions)}\u00a0M`;
  }
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 0 }).format(value);
}

/**
 * Verdict on the list's effect: under 2 pp of P(win) between no list and the largest swept list is
 * `barely`, under 5 pp `little`, else `clearly`. The thresholds are this project's wording choice.
 *
 * @example
 * listVerdict(0.353, 0.362) // => 'barely'
 */
export function listVerdict(pWithout: number, pWithMost: number): ListVerdict {
  const change = Math.abs(pWithMost - pWithout);
  return change < 0.02 ? 'barely' : change < 0.05 ? 'little' : 'clearly';
}

/**
 * The baseline in words, as the page's subtitle says it: `Baseline: 2024 result, swung 2.0 pp toward D`
 * (describeBaseline, from the resolved scenario's baseline).
 *
 * @example
 * baselineWords(resolved, 'en') // => 'Baseline: 2024 result (a replay of the result)'
 */
export function baselineWords(scenario: Pick<ResolvedScenario, 'sides' | 'year' | 'baseline'>, locale: HeadlineLocale): string {
  return `${locale === 'fr' ? 'Base : ' : 'Baseline: '}${describeBaseline(scenario, locale)}`;
}

/**
 * The baseline as the opening of the headline: `Replaying the 2024 result, ` for a replay, `With the
 * 2024 result swung 2.0 pp toward D, ` for a forecast baseline (French: `En rejouant le résultat 2024, `,
 * `Base : résultat 2024, décalé de 2,0 pts vers D — `).
 *
 * @example
 * headlineOpening(resolvedWith({ swing: 2 }), 'en') // => 'With the 2024 result swung 2.0 pp toward D, '
 */
export function headlineOpening(scenario: Pick<ResolvedScenario, 'sides' | 'year' | 'baseline'>, locale: HeadlineLocale): string {
  const label = scenario.baseline?.resultLabel ?? `${scenario.year} result`;
  if (!scenario.baseline?.forecast) {
    if (locale === 'fr') return `En rejouant le ${describeBaseline(scenario, 'fr').replace(/ \(rejeu du résultat\)$/, '')}, `;
    return `Replaying the ${label}, `;
  }
  if (locale === 'fr') return `Base : ${describeBaseline(scenario, 'fr')} — `;
  return `With the ${describeBaseline(scenario, 'en').replace(/^(.*?), /, '$1 ')}, `;
}

/** Sweep ends: no list (or the smallest swept) and the largest swept list. */
function sweepEnds(sweep: ListSizeSweep) {
  const points = [...sweep.points].sort((x, y) => x.value - y.value);
  return { without: points[0], most: points[points.length - 1] };
}

/**
 * The finding of the list-size sweep as a chart title:
 * `D's chances barely move with its list: 35.3% with none, 36.2% at 18 M`.
 *
 * @example
 * listSizeTitle(sweep, 'en') // => "D's chances barely move with its list: 35.3% with none, 36.2% at 18 M"
 */
export function listSizeTitle(sweep: ListSizeSweep, locale: HeadlineLocale = 'en'): string {
  const { without, most } = sweepEnds(sweep);
  const verdict = listVerdict(without.pWin, most.pWin);
  const none = without.value === 0;
  if (locale === 'fr') {
    const verb = { barely: 'bougent à peine', little: 'bougent un peu', clearly: 'bougent nettement' }[verdict];
    return `Les chances de ${sweep.side} ${verb} avec son fichier : ${formatShareIn(without.pWin, 'fr')} ${none ? 'sans fichier' : `à ${formatPeople(without.value, 'fr')}`}, ${formatShareIn(most.pWin, 'fr')} à ${formatPeople(most.value, 'fr')}`;
  }
  const verb = { barely: 'barely move', little: 'move a little', clearly: 'move clearly' }[verdict];
  return `${sweep.side}'s chances ${verb} with its list: ${formatShareIn(without.pWin, 'en')} ${none ? 'with none' : `at ${formatPeople(without.value, 'en')}`}, ${formatShareIn(most.pWin, 'en')} at ${formatPeople(most.value, 'en')}`;
}

/**
 * The briefing's headline: on which baseline, who wins how often, and what the list changes, in one
 * sentence.
 * Every percentage is the figure shown on the page's cards, formatted the same way.
 *
 * @param summary the run summary (P(win) of the first side)
 * @param sweep the list-size sweep, when one was run
 * @param locale `en` or `fr`
 * @returns the sentence
 * @example
 * briefingHeadline(summary, sweep, 'en')
 * // => "Replaying the 2024 result, D wins 35.7% of simulated elections, and its list barely matters: 35.3% with no list, 35.7% with today's 6 M, 36.2% at 18 M."
 * briefingHeadline(summary, sweep, 'fr')
 * // => "En rejouant le résultat 2024, D l'emporte dans 35,7 % des élections simulées, et son fichier compte à peine : 35,3 % sans fichier, 35,7 % avec les 6 M d'aujourd'hui, 36,2 % à 18 M."
 */
export function briefingHeadline(summary: RunSummary, sweep: ListSizeSweep | undefined, locale: HeadlineLocale = 'en'): string {
  const opening = summary.scenario ? headlineOpening(summary.scenario, locale) : '';
  return opening ? `${opening}${lowerFirst(headlineBody(summary, sweep, locale), summary.sides[0])}` : headlineBody(summary, sweep, locale);
}

/** Keeps a leading party code as written (`D wins`), lower-cases any other first letter. */
function lowerFirst(text: string, side: string): string {
  return text.startsWith(side) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function headlineBody(summary: RunSummary, sweep: ListSizeSweep | undefined, locale: HeadlineLocale): string {
  const a = summary.sides[0];
  const p = summary.pWin[a];
  const tipping = summary.tippingPoint[0];
  const tippingName = tipping?.name;
  if (!sweep || sweep.points.length < 2) {
    if (locale === 'fr') {
      return `${a} l'emporte dans ${formatShareIn(p, 'fr')} des élections simulées${tippingName && summary.threshold > 1 ? ` ; le territoire décisif le plus fréquent est ${tippingName} (${formatShareIn(tipping.frequency, 'fr')})` : ''}.`;
    }
    return `${a} wins ${formatShareIn(p, 'en')} of simulated elections${tippingName && summary.threshold > 1 ? `; the most frequent tipping point is ${tippingName} (${formatShareIn(tipping.frequency, 'en')})` : ''}.`;
  }
  const { without, most } = sweepEnds(sweep);
  const verdict = listVerdict(without.pWin, most.pWin);
  const none = without.value === 0;
  if (locale === 'fr') {
    const verb = { barely: 'compte à peine', little: 'compte un peu', clearly: 'compte nettement' }[verdict];
    return `${a} l'emporte dans ${formatShareIn(p, 'fr')} des élections simulées, et son fichier ${verb} : ${formatShareIn(without.pWin, 'fr')} ${none ? 'sans fichier' : `à ${formatPeople(without.value, 'fr')}`}, ${formatShareIn(p, 'fr')} avec les ${formatPeople(sweep.current, 'fr')} d'aujourd'hui, ${formatShareIn(most.pWin, 'fr')} à ${formatPeople(most.value, 'fr')}.`;
  }
  const verb = { barely: 'barely matters', little: 'matters a little', clearly: 'clearly matters' }[verdict];
  return `${a} wins ${formatShareIn(p, 'en')} of simulated elections, and its list ${verb}: ${formatShareIn(without.pWin, 'en')} ${none ? 'with no list' : `at ${formatPeople(without.value, 'en')}`}, ${formatShareIn(p, 'en')} with today's ${formatPeople(sweep.current, 'en')}, ${formatShareIn(most.pWin, 'en')} at ${formatPeople(most.value, 'en')}.`;
}
