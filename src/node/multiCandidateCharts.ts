/**
 * The charts of a multi-candidate run's report: probabilities per candidate (P(qualify) and P(win)) and, for
 * seat rules, the seat histogram of the parties that win seats.
 */
import type { TopLevelSpec } from 'vega-lite';
import { candidateProbabilities } from '../charts/candidateProbabilities.js';
import { seatHistogram } from '../charts/seatHistogram.js';
import type { MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';

/** Most parties a seat histogram draws (by mean seats); the rest are in summary.json. */
const HISTOGRAM_PARTIES = 8;
/** Most candidates the probabilities chart draws (ours first, then by P(qualify) or P(win)). */
const PROBABILITY_ROWS = 16;

/**
 * The report's charts, named as their files.
 *
 * @param doc The run document.
 * @param dist Per party, the share of draws at each seat count (MultiCandidateResult.seatDistribution), or null.
 * @example
 * multiCandidateCharts(franceFirstRound.document, null).map((c) => c.name) // => ['candidate-probabilities']
 */
export function multiCandidateCharts(doc: MultiCandidateRunDocument, dist: number[][] | null): { name: string; spec: TopLevelSpec }[] {
  const sources = [doc.source, `campaign-lab ${doc.simulations.toLocaleString('en-US')} simulated elections, seed ${doc.seed}; log-ratio errors national ${doc.uncertainty.national}, regional ${doc.uncertainty.regional}, unit ${doc.uncertainty.unit} pp, t(${doc.uncertainty.tails})`];
  const [ours, ...rest] = doc.candidates;
  const key = (c: (typeof doc.candidates)[number]) => c.pQualify ?? c.pWin;
  const shown = [ours!, ...rest.sort((a, b) => key(b) - key(a) || b.votes - a.votes).slice(0, PROBABILITY_ROWS - 1)];
  const qualify = doc.candidates.some((c) => c.pQualify !== null);
  const charts = [
    {
      name: 'candidate-probabilities',
      spec: candidateProbabilities(shown, {
        title: qualify ? `${doc.name}: who reaches round 2` : `${doc.name}: who wins`,
        subtitle: `${qualify ? 'P(reaches round 2) and P(wins)' : 'P(wins)'} per candidate, ${doc.candidates.length} candidates${doc.candidates.length > shown.length ? ` (the ${shown.length} most likely shown)` : ''}`,
        sources,
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
      spec: seatHistogram(parties, { title: `${doc.name}: seats per party`, subtitle: `Share of simulated elections at each seat count; dashed line: majority (${doc.seatsToWin} of ${doc.totalSeats})`, sources }, doc.seatsToWin ?? undefined),
    });
  }
  return charts;
}
