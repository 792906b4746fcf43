/**
 * The charts of a multi-candidate run's report: probabilities per candidate (P(qualify) and P(win)) and, for
 * seat rules, the seat histogram of the parties that win seats.
 */
import type { TopLevelSpec } from 'vega-lite';
import { candidateProbabilities } from '../charts/candidateProbabilities.js';
import { seatHistogram } from '../charts/seatHistogram.js';
import type { MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';
import { MESSAGES, withoutFilePointers, type MessageLocale } from '../briefing/messages.js';
import { formatCountIn } from '../briefing/formatNumber.js';

/** Most parties a seat histogram draws (by mean seats); the rest are in summary.json. */
const HISTOGRAM_PARTIES = 8;
/** Most candidates the probabilities chart draws (ours first, then by P(qualify) or P(win)). */
const PROBABILITY_ROWS = 16;

/**
 * The report's charts, named as their files.
 *
 * @param doc The run document.
 * @param dist Per party, the share of draws at each seat count (MultiCandidateResult.seatDistribution), or null.
 * @param locale Language of the titles, axes and source lines (the race's: `fr` for France). Default `en`.
 * @param width Plot width in px (a phone's layout); default each chart's own.
 * @example
 * multiCandidateCharts(franceFirstRound.document, null).map((c) => c.name) // => ['candidate-probabilities']
 */
export function multiCandidateCharts(doc: MultiCandidateRunDocument, dist: number[][] | null, locale: MessageLocale = 'en', width?: number): { name: string; spec: TopLevelSpec }[] {
  const m = MESSAGES[locale].multi;
  const u = doc.uncertainty;
  const sources = [withoutFilePointers(doc.source), m.chartSource(formatCountIn(doc.simulations, locale), String(doc.seed), u.national, u.regional, u.unit, u.tails)];
  const [ours, ...rest] = doc.candidates;
  const key = (c: (typeof doc.candidates)[number]) => c.pQualify ?? c.pWin;
  const shown = [ours!, ...rest.sort((a, b) => key(b) - key(a) || b.votes - a.votes).slice(0, PROBABILITY_ROWS - 1)];
  const qualify = doc.candidates.some((c) => c.pQualify !== null);
  const charts = [
    {
      name: 'candidate-probabilities',
      spec: candidateProbabilities(shown, {
        title: m.chartWho(doc.name, qualify),
        subtitle: m.chartWhoSubtitle(qualify, String(doc.candidates.length), doc.candidates.length > shown.length ? String(shown.length) : null),
        sources,
        locale,
        ...(width ? { width } : {}),
      }),
    },
  ];
  if (dist) {
    const parties = doc.candidates
      .map((c, p) => ({ party: c.party, name: c.name, distribution: dist[p]!, mean: c.seats!.mean }))
      .filter((p, i) => i === 0 || p.mean > 0)
      .sort((a, b) => b.mean - a.mean)
      .slice(0, HISTOGRAM_PARTIES);
    charts.push({
      name: 'seat-histogram',
      spec: seatHistogram(parties, { title: m.chartSeats(doc.name), subtitle: m.chartSeatsSubtitle(String(doc.seatsToWin), String(doc.totalSeats)), sources, locale, ...(width ? { width } : {}) }, doc.seatsToWin ?? undefined),
    });
  }
  return charts;
}
