/**
 * Tornado chart of a sensitivity analysis: for each prior, P(win) with the prior at its low and at
 * its high value, as bars around the central P(win), widest swing on top.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One prior's row (the shape of the sensitivity analysis' rows, so they can be passed as they are). */
export interface TornadoRow {
  /** The prior's name as shown (`Door canvass effect (pp)`). */
  name: string;
  /** P(win) with the prior at its low and high end, 0–1. */
  pWinLow: number;
  pWinHigh: number;
  /** The prior's low and high values; shown at the bar ends (in the chart's number format) when no label is given. */
  low?: number;
  high?: number;
  /** The prior's low and high values as text with their unit (`1.0 pp`, `8.0 pp`); these win over low/high. */
  lowLabel?: string;
  highLabel?: string;
}

/** Input of {@link tornado}. */
export interface TornadoInput {
  /** The side whose P(win) is drawn. */
  side: string;
  /** P(win) with every prior at its central value, 0–1. */
  central: number;
  rows: TornadoRow[];
}

const WORDS = {
  en: { x: (s: string) => `P(${s} wins)`, low: 'Prior at its low value', high: 'Prior at its high value', central: 'central', prior: 'Prior' },
  fr: { x: (s: string) => `P(victoire ${s})`, low: 'Hypothèse basse', high: 'Hypothèse haute', central: 'central', prior: 'Hypothèse' },
};

/**
 * Horizontal bars from the central P(win) to P(win) at each prior's low end (one colour) and high
 * end (another), sorted by swing |high − low|, widest first; a rule marks the central value.
 * Colours come from the Okabe–Ito palette in both palettes, since they stand for low/high, not parties.
 *
 * @param input side, central P(win) and one row per prior (probabilities 0–1)
 * @param options title, subtitle, sources and look; width default 620 px, 34 px per prior
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no rows or a probability is outside 0–1
 * @example tornado({ side: 'D', central: 0.5, rows: [{ name: 'door', pWinLow: 0.45, pWinHigh: 0.58 }] }, { title: 'T', sources: ['S'] }).usermeta.chart // => 'tornado'
 */
export function tornado(input: TornadoInput, options: BriefingChartOptions): TopLevelSpec {
  const rows = input.rows ?? [];
  if (rows.length === 0) throw new InputError({ file: 'tornado', at: 'rows', expected: 'at least one prior', found: '0' });
  const probability = (v: number, at: string) => {
    if (!(v >= 0 && v <= 1)) throw new InputError({ file: 'tornado', at, expected: 'a probability in 0–1', found: String(v) });
  };
  probability(input.central, 'central');
  rows.forEach((r, i) => {
    probability(r.pWinLow, `rows[${i}].pWinLow`);
    probability(r.pWinHigh, `rows[${i}].pWinHigh`);
  });
  const words = wordsFor(WORDS, options);
  const order = [...rows].sort((p, q) => Math.abs(q.pWinHigh - q.pWinLow) - Math.abs(p.pWinHigh - p.pWinLow) || p.name.localeCompare(q.name)).map((r) => r.name);
  const bars = rows.flatMap((r) => [
    { prior: r.name, end: words.low, pWin: r.pWinLow, label: r.lowLabel ?? null, value: r.low ?? null, central: input.central },
    { prior: r.name, end: words.high, pWin: r.pWinHigh, label: r.highLabel ?? null, value: r.high ?? null, central: input.central },
  ]);
  const width = options.width ?? 620;
  const height = options.height ?? Math.max(120, 34 * rows.length);
  const y = { field: 'prior', type: 'nominal', sort: order, title: null, axis: { labelFontSize: 13, ticks: false, domain: false } };
  const all = [input.central, ...rows.flatMap((r) => [r.pWinLow, r.pWinHigh])];
  const pad = Math.max(0.02, (Math.max(...all) - Math.min(...all)) * 0.15);
  const domain = [Math.max(0, Math.min(...all) - pad), Math.min(1, Math.max(...all) + pad)];
  const plot = {
    width,
    height,
    data: { values: bars },
    transform: [{ calculate: "isValid(datum.label) ? datum.label : isValid(datum.value) ? format(datum.value, '~g') : ''", as: 'text' }],
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { field: 'central', type: 'quantitative', title: words.x(input.side), scale: { domain, zero: false, nice: false }, axis: { format: '.0%', tickCount: 6 } },
          x2: { field: 'pWin' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: [words.low, words.high], range: ['#E69F00', '#56B4E9'] } },
          tooltip: [
            { field: 'prior', type: 'nominal', title: words.prior },
            { field: 'end', type: 'nominal', title: ' ' },
            { field: 'text', type: 'nominal', title: '=' },
            { field: 'pWin', type: 'quantitative', title: words.x(input.side), format: '.1%' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.pWin >= datum.central' }],
        mark: { type: 'text', fontSize: 12, baseline: 'middle', align: 'left', dx: 5 },
        encoding: { y, x: { field: 'pWin', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'datum.pWin < datum.central' }],
        mark: { type: 'text', fontSize: 12, baseline: 'middle', align: 'right', dx: -5 },
        encoding: { y, x: { field: 'pWin', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        data: { values: [{ central: input.central, label: words.central }] },
        mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 2 },
        encoding: { x: { field: 'central', type: 'quantitative' } },
      },
    ],
  };
  return frameChart(plot, options, { chart: 'tornado', footerWidth: width + 160 });
}
