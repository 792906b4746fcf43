/**
 * Marginal value of list growth by territory: the change in P(win) bought by 1,000 more
 * supporters in each territory, with its interval, most valuable first.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, partyColour, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One territory's marginal value. Probabilities are 0–1 (drawn in percentage points). */
export interface MarginalValueRow {
  id: string;
  name: string;
  /** Change in P(win) per 1,000 extra supporters, as a probability difference (0.004 = 0.4 pp). */
  delta: number;
  /** Interval around delta, same unit. */
  low: number;
  high: number;
}

/** Input of {@link marginalValue}. */
export interface MarginalValueInput {
  side: string;
  rows: MarginalValueRow[];
  /** How many territories to show, highest delta first. Default 15. */
  limit?: number;
}

const WORDS = {
  en: { x: (s: string) => `Change in P(${s} wins) per 1,000 more supporters (pp)`, territory: 'Territory', delta: 'ΔP(win), pp', low: 'low', high: 'high' },
  fr: { x: (s: string) => `Gain de P(victoire ${s}) pour 1 000 sympathisants de plus (points)`, territory: 'Territoire', delta: 'ΔP(victoire), points', low: 'bas', high: 'haut' },
};

/**
 * Bars of ΔP(win) per 1,000 supporters (in percentage points of probability) per territory, with
 * interval whiskers and the value printed at the bar end, sorted highest first and cut to `limit`.
 *
 * @param input side, rows (probability differences, 0.004 = 0.4 pp) and limit
 * @param options title, subtitle, sources and look; width default 620 px, 28 px per territory
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no rows, a value is not finite, or low > high
 * @example marginalValue({ side: 'D', rows: [{ id: 'WI', name: 'Wisconsin', delta: 0.004, low: 0.003, high: 0.005 }] }, { title: 'T', sources: ['S'] }).usermeta.chart // => 'marginalValue'
 */
export function marginalValue(input: MarginalValueInput, options: BriefingChartOptions): TopLevelSpec {
  const rows = input.rows ?? [];
  if (rows.length === 0) throw new InputError({ file: 'marginalValue', at: 'rows', expected: 'at least one territory', found: '0' });
  rows.forEach((r, i) => {
    if (![r.delta, r.low, r.high].every(Number.isFinite) || r.low > r.high) {
      throw new InputError({ file: 'marginalValue', at: `rows[${i}]`, expected: 'finite delta, low and high with low ≤ high', found: `${r.delta}, ${r.low}, ${r.high}` });
    }
  });
  const words = wordsFor(WORDS, options);
  const data = [...rows]
    .sort((p, q) => q.delta - p.delta || p.id.localeCompare(q.id))
    .slice(0, input.limit ?? 15)
    .map((r) => ({ id: r.id, name: r.name, delta: r.delta * 100, low: r.low * 100, high: r.high * 100 }));
  const width = options.width ?? 620;
  const height = options.height ?? Math.max(120, 28 * data.length);
  const y = { field: 'name', type: 'nominal', sort: data.map((d) => d.name), title: null, axis: { labelFontSize: 13, ticks: false, domain: false } };
  const tooltip = [
    { field: 'name', type: 'nominal', title: words.territory },
    { field: 'delta', type: 'quantitative', title: words.delta, format: '.3f' },
    { field: 'low', type: 'quantitative', title: words.low, format: '.3f' },
    { field: 'high', type: 'quantitative', title: words.high, format: '.3f' },
  ];
  const plot = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        mark: { type: 'bar', color: partyColour(input.side, options), opacity: 0.85, height: { band: 0.65 } },
        encoding: { y, x: { field: 'delta', type: 'quantitative', title: words.x(input.side) }, tooltip },
      },
      {
        mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 1.5 },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, baseline: 'middle' },
        encoding: { y, x: { field: 'high', type: 'quantitative' }, text: { field: 'delta', type: 'quantitative', format: '.2~r' } },
      },
    ],
  };
  return frameChart(plot, options, { chart: 'marginalValue', footerWidth: width + 140 });
}
