/**
 * Probability of winning against the size of our supporter list (or the ratio of the two sides'
 * lists), with its interval band: the headline chart of a list-growth sweep.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, partyColour, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One step of a sweep. */
export interface ListSizePoint {
  /** List size (people) or list ratio (ours / theirs), per {@link WinProbabilityByListSizeInput.measure}. */
  value: number;
  /** P(win) of the side, 0–1. */
  pWin: number;
  /** Lower and upper end of the interval around pWin, 0–1 (e.g. ± 1.96 Monte Carlo standard errors). */
  low: number;
  high: number;
}

/** Input of {@link winProbabilityByListSize}. */
export interface WinProbabilityByListSizeInput {
  /** The side whose P(win) is drawn (party code). */
  side: string;
  /** What the x axis measures: list size in people, or ratio of our list to theirs. */
  measure: 'listSize' | 'listRatio';
  points: ListSizePoint[];
  /** The side's current value, marked with a vertical rule when given. */
  current?: number;
  /** Words for the interval in the legend-free note, e.g. `95% interval`. Default: `interval`. */
  intervalLabel?: string;
}

const WORDS = {
  en: { listSize: 'Supporter list size (people)', listRatio: 'List size ratio (ours / theirs)', y: (s: string) => `P(${s} wins)`, current: 'today', even: 'even odds' },
  fr: { listSize: 'Taille du fichier (personnes)', listRatio: 'Rapport des fichiers (le nôtre / le leur)', y: (s: string) => `P(victoire ${s})`, current: "aujourd'hui", even: 'une chance sur deux' },
};

/**
 * Line of P(win) against list size with a shaded interval band, a dashed line at even odds and
 * an optional rule at today's list size.
 *
 * @param input side, measure, sweep points (P(win) and interval, 0–1) and today's value
 * @param options title, subtitle, sources and look; width default 720 px, height 380 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are fewer than two points, or a probability is outside 0–1
 * @example
 * winProbabilityByListSize({ side: 'D', measure: 'listSize', points }, { title: 'P(win)', sources: ['sweep'] }).vconcat[0].layer[0].mark.type
 * // => 'area'
 */
export function winProbabilityByListSize(input: WinProbabilityByListSizeInput, options: BriefingChartOptions): TopLevelSpec {
  const points = input.points ?? [];
  if (points.length < 2) throw new InputError({ file: 'winProbabilityByListSize', at: 'points', expected: 'at least two sweep points', found: String(points.length) });
  points.forEach((p, i) => {
    for (const key of ['pWin', 'low', 'high'] as const) {
      if (!(p[key] >= 0 && p[key] <= 1)) throw new InputError({ file: 'winProbabilityByListSize', at: `points[${i}].${key}`, expected: 'a probability in 0–1', found: String(p[key]) });
    }
    if (!Number.isFinite(p.value)) throw new InputError({ file: 'winProbabilityByListSize', at: `points[${i}].value`, expected: 'a finite number', found: String(p.value) });
  });
  const words = wordsFor(WORDS, options);
  const colour = partyColour(input.side, options);
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const xTitle = input.measure === 'listSize' ? words.listSize : words.listRatio;
  const xFormat = input.measure === 'listSize' ? '~s' : '.2~f';
  const x = { field: 'value', type: 'quantitative', title: xTitle, axis: { format: xFormat }, scale: { zero: false } };
  const yTitle = words.y(input.side);
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'area', color: colour, opacity: 0.2 },
      encoding: { x, y: { field: 'low', type: 'quantitative', title: yTitle, scale: { domain: [0, 1] }, axis: { format: '.0%' } }, y2: { field: 'high' } },
    },
    {
      mark: { type: 'line', color: colour, strokeWidth: 3, point: { filled: true, size: 70, color: colour } },
      encoding: {
        x,
        y: { field: 'pWin', type: 'quantitative' },
        tooltip: [
          { field: 'value', type: 'quantitative', title: xTitle, format: input.measure === 'listSize' ? ',d' : '.2f' },
          { field: 'pWin', type: 'quantitative', title: yTitle, format: '.1%' },
          { field: 'low', type: 'quantitative', title: '−', format: '.1%' },
          { field: 'high', type: 'quantitative', title: '+', format: '.1%' },
        ],
      },
    },
    {
      data: { values: [{ p: 0.5, label: words.even }] },
      mark: { type: 'rule', color: THEME_COLOURS.reference, strokeDash: [4, 4], opacity: 0.7 },
      encoding: { y: { field: 'p', type: 'quantitative' } },
    },
  ];
  if (input.current !== undefined) {
    layers.push(
      {
        data: { values: [{ value: input.current }] },
        mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 1.5 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [{ value: input.current, y: 0.97, label: words.current }] },
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 13, color: THEME_COLOURS.reference },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  return frameChart({ width, height, data: { values: points }, layer: layers }, options, { chart: 'winProbabilityByListSize', footerWidth: width + 60 });
}
