/**
 * One unit's polls over the campaign and the aggregate through them: each poll a dot at its field
 * period's midpoint, the filtered aggregate a line with its 90 % band, and the result when known.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, sideColours, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** Input of {@link pollTrend}: margins are side A minus side B, two-party, pp; dates `YYYY-MM-DD`. */
export interface PollTrendInput {
  sides: [string, string];
  /** The polls: field period midpoint, margin, pollster. */
  polls: { date: string; margin: number; pollster: string }[];
  /** The aggregate on each day: expected margin and its 90 % band (the model's own uncertainty). */
  aggregate: { date: string; margin: number; low: number; high: number }[];
  /** The result, pp, and the election day, when known. */
  result?: { date: string; margin: number };
}

const WORDS = {
  en: { y: (a: string, b: string) => `Two-party margin, ${a} − ${b} (pp)`, x: 'Date', poll: 'Poll', aggregate: 'Aggregate', result: 'Result', pollster: 'Pollster' },
  fr: { y: (a: string, b: string) => `Écart à deux, ${a} − ${b} (points)`, x: 'Date', poll: 'Sondage', aggregate: 'Agrégat', result: 'Résultat', pollster: 'Institut' },
};

/**
 * Polls as grey dots, the aggregate as a line in the leading side's colour with its band, a dashed
 * zero line and the result as a black diamond on election day.
 *
 * @param input sides, polls, the daily aggregate and optionally the result
 * @param options title, subtitle, sources and look; width default 640 px, height 300 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there is no aggregate day or a value is not finite
 * @example
 * pollTrend({ sides: ['D', 'R'], polls: [{ date: '2016-10-01', margin: 3, pollster: 'X' }], aggregate: [{ date: '2016-10-01', margin: 2.5, low: 0, high: 5 }] }, { title: 'T', sources: ['S'] })
 * // => a spec with four layers
 */
export function pollTrend(input: PollTrendInput, options: BriefingChartOptions): TopLevelSpec {
  if (!input.aggregate || input.aggregate.length === 0) throw new InputError({ file: 'pollTrend', at: 'aggregate', expected: 'at least one day', found: '0' });
  input.aggregate.forEach((d, i) => {
    for (const key of ['margin', 'low', 'high'] as const) if (!Number.isFinite(d[key])) throw new InputError({ file: 'pollTrend', at: `aggregate[${i}].${key}`, expected: 'a finite number of pp', found: String(d[key]) });
  });
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const [colourA, colourB] = sideColours(input.sides, options);
  const last = input.aggregate[input.aggregate.length - 1];
  const lineColour = last.margin >= 0 ? colourA : colourB;
  const width = options.width ?? 640;
  const height = options.height ?? 300;
  const x = { field: 'date', type: 'temporal', title: words.x, axis: { format: options.locale === 'fr' ? '%d/%m' : '%b %d' } };
  const yTitle = words.y(a, b);
  const layers: Record<string, unknown>[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: THEME_COLOURS.reference, strokeDash: [4, 4] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    { data: { values: input.aggregate }, mark: { type: 'area', opacity: 0.2, color: lineColour }, encoding: { x, y: { field: 'low', type: 'quantitative', title: yTitle }, y2: { field: 'high' } } },
    {
      data: { values: input.polls },
      mark: { type: 'point', filled: true, size: 14, opacity: 0.45, color: THEME_COLOURS.band },
      encoding: { x, y: { field: 'margin', type: 'quantitative' }, tooltip: [{ field: 'date', type: 'temporal', title: words.x }, { field: 'margin', type: 'quantitative', title: words.poll, format: '+.1f' }, { field: 'pollster', type: 'nominal', title: words.pollster }] },
    },
    { data: { values: input.aggregate }, mark: { type: 'line', strokeWidth: 2.5, color: lineColour }, encoding: { x, y: { field: 'margin', type: 'quantitative' }, tooltip: [{ field: 'date', type: 'temporal', title: words.x }, { field: 'margin', type: 'quantitative', title: words.aggregate, format: '+.1f' }] } },
  ];
  if (input.result) {
    layers.push({ data: { values: [input.result] }, mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: THEME_COLOURS.text }, encoding: { x, y: { field: 'margin', type: 'quantitative' }, tooltip: [{ field: 'margin', type: 'quantitative', title: words.result, format: '+.1f' }] } });
  }
  return frameChart({ width, height, layer: layers }, options, { chart: 'pollTrend', footerWidth: width + 60 });
}
