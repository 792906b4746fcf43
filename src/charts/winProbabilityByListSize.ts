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
  /**
   * Name of a dataset of `{value, pWin}` rows drawn as a "setting" marker, for pages that replace it live
   * (view.change); it starts at today's point. Absent: no marker layer.
   */
  liveDataset?: string;
}

const WORDS = {
  en: { listSize: 'Supporter list size (people)', listRatio: 'List size ratio (ours / theirs)', y: (s: string) => `P(${s} wins)`, current: 'today', even: 'even odds', setting: 'setting', low: (i?: string) => `low end (${i ?? 'interval'})`, high: (i?: string) => `high end (${i ?? 'interval'})` },
  fr: { listSize: 'Taille du fichier (personnes)', listRatio: 'Rapport des fichiers (le nôtre / le leur)', y: (s: string) => `P(victoire ${s})`, current: "aujourd'hui", even: 'une chance sur deux', setting: 'réglage', low: (i?: string) => `bas (${i ?? 'intervalle'})`, high: (i?: string) => `haut (${i ?? 'intervalle'})` },
};

/**
 * Line of P(win) against list size with a shaded interval band, a y axis fitted to the data (a
 * small effect shows as a slope, not a flat line on 0–100%), a dashed line at even odds when 50% is in
 * range, an optional rule at today's list size and an optional live "setting" marker.
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
  const points = checkedPoints(input.points ?? []);
  const words = wordsFor(WORDS, options);
  const colour = partyColour(input.side, options);
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const xTitle = input.measure === 'listSize' ? words.listSize : words.listRatio;
  // List sizes read as 0, 500k, 1M, …: an SI suffix, never "0M" at zero.
  const xAxis = input.measure === 'listSize' ? { format: '~s', labelExpr: "datum.value === 0 ? '0' : format(datum.value, '~s')" } : { format: '.2~f' };
  const x = { field: 'value', type: 'quantitative', title: xTitle, axis: xAxis, scale: { zero: false, nice: false } };
  const yTitle = words.y(input.side);
  // The y axis spans the data (interval band) with a margin, so a small effect is visible instead of a
  // flat line on 0–100%; the even-odds line is drawn only when 50% falls inside that span.
  const lowest = Math.min(...points.map((p) => p.low));
  const highest = Math.max(...points.map((p) => p.high));
  const pad = Math.max(0.005, (highest - lowest) * 0.25);
  const domain = [Math.max(0, lowest - pad), Math.min(1, highest + pad)];
  const span = domain[1] - domain[0];
  const yFormat = span < 0.04 ? '.1%' : '.0%';
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'area', color: colour, opacity: 0.2 },
      encoding: { x, y: { field: 'low', type: 'quantitative', title: yTitle, scale: { domain, zero: false, nice: false }, axis: { format: yFormat, tickCount: 6 } }, y2: { field: 'high' } },
    },
    {
      mark: { type: 'line', color: colour, strokeWidth: 3, point: { filled: true, size: 70, color: colour } },
      encoding: {
        x,
        y: { field: 'pWin', type: 'quantitative' },
        tooltip: [
          { field: 'value', type: 'quantitative', title: xTitle, format: input.measure === 'listSize' ? ',d' : '.2f' },
          { field: 'pWin', type: 'quantitative', title: yTitle, format: '.1%' },
          { field: 'low', type: 'quantitative', title: words.low(input.intervalLabel), format: '.1%' },
          { field: 'high', type: 'quantitative', title: words.high(input.intervalLabel), format: '.1%' },
        ],
      },
    },
  ];
  if (domain[0] <= 0.5 && domain[1] >= 0.5) {
    layers.push({
      data: { values: [{ p: 0.5, label: words.even }] },
      mark: { type: 'rule', color: THEME_COLOURS.reference, strokeDash: [4, 4], opacity: 0.7 },
      encoding: { y: { field: 'p', type: 'quantitative' } },
    });
  }
  if (input.current !== undefined) {
    layers.push(
      {
        data: { values: [{ value: input.current }] },
        mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 1.5 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [{ value: input.current, label: words.current }] },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 5, y: 6, fontSize: 13, color: THEME_COLOURS.reference },
        encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  if (input.liveDataset) layers.push(...liveSettingLayers(input.liveDataset, points, input.current, xTitle, yTitle, words.setting));
  return frameChart({ width, height, data: { values: points }, layer: layers }, options, { chart: 'winProbabilityByListSize', footerWidth: width + 60 });
}

/** The sweep's points, each P(win) and interval end a probability and each value finite. */
function checkedPoints(points: WinProbabilityByListSizeInput['points']): WinProbabilityByListSizeInput['points'] {
  if (points.length < 2) throw new InputError({ file: 'winProbabilityByListSize', at: 'points', expected: 'at least two sweep points', found: String(points.length) });
  points.forEach((p, i) => {
    for (const key of ['pWin', 'low', 'high'] as const) {
      if (!(p[key] >= 0 && p[key] <= 1)) throw new InputError({ file: 'winProbabilityByListSize', at: `points[${i}].${key}`, expected: 'a probability in 0–1', found: String(p[key]) });
    }
    if (!Number.isFinite(p.value)) throw new InputError({ file: 'winProbabilityByListSize', at: `points[${i}].value`, expected: 'a finite number', found: String(p.value) });
  });
  return points;
}

/**
 * The live setting's marker and label, a named dataset the page's engine fills. It starts where the run
 * stands (the point at today's value, else the first point), so the dataset is never empty: an empty one
 * gives the scales an infinite extent.
 */
function liveSettingLayers(dataset: string, points: ListSizePoint[], current: number | undefined, xTitle: string, yTitle: string, label: string): Record<string, unknown>[] {
  const start = points.find((p) => p.value === current) ?? points[0];
  const initial = start ? [{ value: start.value, pWin: start.pWin }] : [];
  return [
    {
      data: { name: dataset, values: initial },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 260, color: THEME_COLOURS.reference, stroke: 'white', strokeWidth: 1.5 },
      encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'pWin', type: 'quantitative' }, tooltip: [{ field: 'value', type: 'quantitative', title: xTitle, format: ',d' }, { field: 'pWin', type: 'quantitative', title: yTitle, format: '.1%' }] },
    },
    {
      data: { name: dataset, values: initial },
      mark: { type: 'text', align: 'left', dx: 10, dy: -12, fontSize: 13, fontWeight: 'bold', color: THEME_COLOURS.reference },
      encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'pWin', type: 'quantitative' }, text: { value: label } },
    },
  ];
}
