/**
 * The briefing's finding in words: one sentence computed from the run (and its list-size sweep), in
 * English or French, so the page and the list-size chart say what the figures mean instead of only
 * showing them.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { ListSizeSweep } from './reportCharts.js';

/** Language of the words. */
export type HeadlineLocale = 'en' | 'fr';

/** How much the list moves P(win) between no list and the largest swept list, in words. */
export type ListVerdict = 'barely' | 'little' | 'clearly';

/**
 * A share 0–1 as a percentage with one decimal: `35.7%` in English, `35,7 %` in French (narrow
 * no-break space, French typographic usage). The English form is the one of every figure card.
 *
 * @example
 * formatShareIn(0.3574, 'fr') // => '35,7\u202f%'
 */
export function formatShareIn(value: number, locale: HeadlineLocale, digits = 1): string {
  const text = (value * 100).toFixed(digits);
  return locale === 'fr' ? `${text.replace('.', ',')}\u202f%` : `${text}%`;
}

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
 * The baseline in words (`the 2024 result`). A hook for forecast baselines: when the scenario moves
 * the expected margins (a swing, shifts or poll margins), this is where they are described.
 *
 * @example
 * baselineWords(resolved, 'en') // => 'the 2024 result as baseline'
 */
export function baselineWords(scenario: Pick<ResolvedScenario, 'year' | 'round'>, locale: HeadlineLocale): string {
  if (locale === 'fr') return `base : résultats ${scenario.year}${scenario.round ? `, ${scenario.round === 1 ? '1er' : '2d'} tour` : ''}`;
  return `the ${scenario.year}${scenario.round ? ` round ${scenario.round}` : ''} result as baseline`;
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
 * The briefing's headline: who wins how often, and what the list changes, in one sentence.
 * Every percentage is the figure shown on the page's cards, formatted the same way.
 *
 * @param summary the run summary (P(win) of the first side)
 * @param sweep the list-size sweep, when one was run
 * @param locale `en` or `fr`
 * @returns the sentence
 * @example
 * briefingHeadline(summary, sweep, 'en')
 * // => 'D wins 35.7% of simulated elections, and its list barely matters: 35.3% with no list, 35.7% with today's 6 M, 36.2% at 18 M.'
 * briefingHeadline(summary, sweep, 'fr')
 * // => "D l'emporte dans 35,7 % des élections simulées, et son fichier compte à peine : 35,3 % sans fichier, 35,7 % avec les 6 M d'aujourd'hui, 36,2 % à 18 M."
 */
export function briefingHeadline(summary: RunSummary, sweep: ListSizeSweep | undefined, locale: HeadlineLocale = 'en'): string {
  const a = summary.sides[0];
  const p = summary.pWin[a];
  const tipping = Object.entries(summary.tippingPoint)[0];
  const tippingName = tipping ? (summary.territories.find((t) => t.id === tipping[0])?.name ?? tipping[0]) : undefined;
  if (!sweep || sweep.points.length < 2) {
    if (locale === 'fr') {
      return `${a} l'emporte dans ${formatShareIn(p, 'fr')} des élections simulées${tippingName && summary.threshold > 1 ? ` ; le territoire décisif le plus fréquent est ${tippingName} (${formatShareIn(tipping[1], 'fr')})` : ''}.`;
    }
    return `${a} wins ${formatShareIn(p, 'en')} of simulated elections${tippingName && summary.threshold > 1 ? `; the most frequent tipping point is ${tippingName} (${formatShareIn(tipping[1], 'en')})` : ''}.`;
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
