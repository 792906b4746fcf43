/**
 * The forecast from polls, territory by territory: the expected margin on election day with its 90 %
 * interval, and (in a backtest) the result beside it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, sideColours, territoryRowAxis, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One territory's forecast. Margins are side A minus side B, two-party, pp. */
export interface PollForecastRow {
  id: string;
  name: string;
  /** Electoral votes or seats, shown beside the name when above 0. */
  weight?: number;
  /** Expected margin and its 90 % interval, pp. */
  margin: number;
  low: number;
  high: number;
  /** Polls of the territory used (0: the territory follows the national trend from its prior). */
  polls: number;
  /** The result, pp, when known (a backtest). */
  actual?: number;
}

/** Input of {@link pollForecastIntervals}. */
export interface PollForecastIntervalsInput {
  sides: [string, string];
  rows: PollForecastRow[];
  /** How many territories to show, closest forecasts first; default all, ordered by margin. */
  limit?: number;
}

const WORDS = {
  en: { x: (a: string, b: string) => `Two-party margin on election day, ${a} − ${b} (pp)`, interval: '90 % interval', forecast: 'Forecast', unpolled: 'Forecast, no poll (follows the national trend)', actual: 'Result', territory: 'Territory', polls: 'Polls' },
  fr: { x: (a: string, b: string) => `Écart à deux le jour du vote, ${a} − ${b} (points)`, interval: 'Intervalle à 90 %', forecast: 'Prévision', unpolled: 'Prévision sans sondage (suit la tendance nationale)', actual: 'Résultat', territory: 'Territoire', polls: 'Sondages' },
};

/**
 * A dot per territory at its forecast margin with a bar over its 90 % interval, coloured by the side
 * it leans to (hollow when no poll of the territory was used), and a black diamond at the result when
 * given. With `limit`, the territories whose forecast is closest to a tie; otherwise every territory,
 * ordered from the first side's safest to the second's.
 *
 * @param input sides, rows (pp) and optional limit
 * @param options title, subtitle, sources and look; width default 560 px, row height 16 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no rows, or a margin or bound is not finite, or low > high
 * @example
 * pollForecastIntervals({ sides: ['D', 'R'], rows: [{ id: 'PA', name: 'Pennsylvania', margin: 4.6, low: -0.3, high: 9.5, polls: 70, actual: -0.7 }] }, { title: 'T', sources: ['S'] })
 * // => a spec whose data row for PA has lean "D"
 */
export function pollForecastIntervals(input: PollForecastIntervalsInput, options: BriefingChartOptions): TopLevelSpec {
  const rows = input.rows ?? [];
  if (rows.length === 0) throw new InputError({ file: 'pollForecastIntervals', at: 'rows', expected: 'at least one territory', found: '0' });
  rows.forEach((r, i) => {
    for (const key of ['margin', 'low', 'high'] as const) {
      if (!Number.isFinite(r[key])) throw new InputError({ file: 'pollForecastIntervals', at: `rows[${i}].${key}`, expected: 'a finite number of pp', found: String(r[key]) });
    }
    if (r.low > r.high) throw new InputError({ file: 'pollForecastIntervals', at: `rows[${i}]`, expected: 'low at most high', found: `${r.low} > ${r.high}` });
  });
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const [colourA, colourB] = sideColours(input.sides, options);
  let data = rows.map((r) => ({
    id: r.id,
    label: r.weight ? `${r.name} (${r.weight})` : r.name,
    margin: r.margin,
    low: r.low,
    high: r.high,
    polls: r.polls,
    lean: r.margin >= 0 ? a : b,
    ...(r.actual !== undefined ? { actual: r.actual } : {}),
  }));
  if (input.limit !== undefined) data = [...data].sort((p, q) => Math.abs(p.margin) - Math.abs(q.margin) || p.id.localeCompare(q.id)).slice(0, input.limit);
  data.sort((p, q) => q.margin - p.margin || p.id.localeCompare(q.id));
  const order = data.map((d) => d.label);
  const width = options.width ?? 560;
  const height = options.height ?? Math.max(120, 16 * data.length);
  const y = territoryRowAxis(order, 11);
  const tooltip = [
    { field: 'label', type: 'nominal', title: words.territory },
    { field: 'margin', type: 'quantitative', title: words.forecast, format: '+.1f' },
    { field: 'low', type: 'quantitative', title: `${words.interval}, low`, format: '+.1f' },
    { field: 'high', type: 'quantitative', title: `${words.interval}, high`, format: '+.1f' },
    { field: 'polls', type: 'quantitative', title: words.polls },
    ...(data.some((d) => 'actual' in d) ? [{ field: 'actual', type: 'quantitative', title: words.actual, format: '+.1f' }] : []),
  ];
  const colour = { field: 'lean', type: 'nominal', title: null, scale: { domain: [a, b], range: [colourA, colourB] }, legend: null };
  const layers: Record<string, unknown>[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 1.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    {
      mark: { type: 'rule', strokeWidth: 4, opacity: 0.35 },
      encoding: { y, x: { field: 'low', type: 'quantitative', title: words.x(a, b), axis: { labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label" } }, x2: { field: 'high' }, color: colour, tooltip },
    },
    {
      mark: { type: 'point', size: 60, strokeWidth: 2, opacity: 1 },
      encoding: {
        y,
        x: { field: 'margin', type: 'quantitative' },
        color: colour,
        fill: { condition: { test: 'datum.polls > 0', field: 'lean', type: 'nominal', scale: { domain: [a, b], range: [colourA, colourB] } }, value: 'white' },
        tooltip,
      },
    },
  ];
  // What a hollow dot means, in words above the plot, when the chart has one.
  if (data.some((d) => d.polls === 0)) {
    layers.push({ data: { values: [{ note: `○ ${words.unpolled}` }] }, mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 12, color: THEME_COLOURS.source, x: 0, y: -8 }, encoding: { text: { field: 'note' } } });
  }
  if (data.some((d) => 'actual' in d)) {
    layers.push({
      transform: [{ filter: 'isValid(datum.actual)' }],
      mark: { type: 'point', shape: 'diamond', filled: true, size: 45, color: THEME_COLOURS.text },
      encoding: { y, x: { field: 'actual', type: 'quantitative' }, opacity: { datum: words.actual, scale: { domain: [words.actual], range: [1] }, legend: { orient: 'top', title: null, symbolType: 'diamond' } }, tooltip },
    });
  }
  return frameChart({ width, height, data: { values: data }, layer: layers }, options, { chart: 'pollForecastIntervals', footerWidth: width + 120 });
}
