/**
 * Probabilities per candidate of a multi-candidate race (issue 20): P(qualify for round 2) and P(win) as
 * horizontal bars, one row per candidate, ours first, so a twelve-candidate first round reads at a glance.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, partyColour, territoryRowAxis, wordsFor, type BriefingChartOptions } from './theme.js';

/** One candidate's probabilities, 0–1. */
export interface CandidateProbability {
  /** Party code (colour key). */
  party: string;
  /** Row label (the candidate's name, or the code). */
  name: string;
  /** P(wins), 0–1. */
  pWin: number;
  /** P(reaches round 2), 0–1; null when the rule has no round 2 at the national level. */
  pQualify: number | null;
}

const WORDS = {
  en: { qualify: 'P(reaches round 2)', win: 'P(wins)', candidate: 'Candidate', measure: 'Probability' },
  fr: { qualify: 'P(qualifié au 2d tour)', win: 'P(élu)', candidate: 'Candidat', measure: 'Probabilité' },
};

/**
 * Grouped horizontal bars of P(qualify) (when given) and P(win) per candidate, labelled with the percentage.
 *
 * @param candidates Every candidate, ours first (the row order).
 * @param options Title, subtitle, sources and look; width default 520 px, 26 px per row.
 * @returns A Vega-Lite v5 spec.
 * @throws {InputError} no candidate, or a probability outside 0–1.
 * @example
 * candidateProbabilities([{ party: 'RN', name: 'Marine Le Pen', pWin: 0.3, pQualify: 0.9 }], { title: 'T', sources: ['S'] }).usermeta.chart // => 'candidateProbabilities'
 */
export function candidateProbabilities(candidates: readonly CandidateProbability[], options: BriefingChartOptions): TopLevelSpec {
  if (candidates.length === 0) throw new InputError({ file: 'candidateProbabilities', at: 'candidates', expected: 'at least one candidate', found: 'none' });
  const words = wordsFor(WORDS, options);
  const qualifying = candidates.some((c) => c.pQualify !== null);
  const rows = candidates.flatMap((c) => {
    for (const p of [c.pWin, c.pQualify ?? 0]) {
      if (!(p >= 0 && p <= 1)) throw new InputError({ file: 'candidateProbabilities', at: c.party, expected: 'a probability in 0–1', found: String(p) });
    }
    const out = [{ name: c.name, measure: words.win, p: c.pWin }];
    if (qualifying) out.unshift({ name: c.name, measure: words.qualify, p: c.pQualify ?? 0 });
    return out;
  });
  const order = candidates.map((c) => c.name);
  const width = options.width ?? 520;
  const measures = qualifying ? [words.qualify, words.win] : [words.win];
  const colour = partyColour(candidates[0]!.party, options, 0);
  const y = { field: 'name', type: 'nominal', title: null, sort: order, axis: territoryRowAxis(order, 13) };
  const plot = {
    width,
    height: { step: 13 * measures.length + 8 },
    data: { values: rows },
    encoding: {
      y,
      yOffset: { field: 'measure', type: 'nominal', sort: measures },
      x: { field: 'p', type: 'quantitative', title: words.measure, scale: { domain: [0, 1] }, axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 } },
        encoding: {
          color: { field: 'measure', type: 'nominal', sort: measures, scale: { domain: measures, range: qualifying ? ['#9aa5b1', colour] : [colour] }, legend: { orient: 'top', title: null } },
          tooltip: [
            { field: 'name', type: 'nominal', title: words.candidate },
            { field: 'measure', type: 'nominal', title: words.measure },
            { field: 'p', type: 'quantitative', format: '.1%', title: words.measure },
          ],
        },
      },
      // Labels on the bars that show; a candidate at 0 in every draw reads from the empty row.
      { transform: [{ filter: 'datum.p > 0' }], mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'p', type: 'quantitative', format: '.1%' } } },
    ],
  };
  return frameChart(plot, options, { chart: 'candidateProbabilities', footerWidth: width + 160 });
}
