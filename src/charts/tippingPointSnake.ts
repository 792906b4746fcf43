/**
 * The tipping-point "snake": units ordered by margin from A's safest to B's safest, each as wide
 * as its weight, so the cumulative weight runs along the x axis and the unit that crosses the
 * threshold stands out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, sideColours, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One weighted unit with its margin. */
export interface SnakeUnit {
  id: string;
  name: string;
  /** Electoral votes or seats, > 0 (units with weight 0 are left out). */
  weight: number;
  /** Margin of side A over side B, pp (positive: A ahead), on the input's `basis`. */
  margin: number;
}

/** Input of {@link tippingPointSnake}. */
export interface TippingPointSnakeInput {
  sides: [string, string];
  units: SnakeUnit[];
  /** Weight needed to win (270). */
  threshold: number;
  /** Margins beyond ± this many pp are drawn at the edge (and labelled with their value). Default 30. */
  clampMargin?: number;
  /**
   * What the margins are over, named on the y axis: `all-votes` (100 × (A − B) / all votes cast, the
   * convention of published tipping-point tables) or `two-party` (/ (A + B)). Absent: the axis says "Margin".
   */
  basis?: 'all-votes' | 'two-party';
  /**
   * Most bars drawn. Past it, runs of neighbouring units (in margin order) are drawn as one bar as wide
   * as their weight, at their weight-averaged margin and named by their count; the tipping unit keeps its
   * own bar. Default 300: a race of 100,000 units draws a snake of bounded size.
   */
  maxBars?: number;
}

/** A unit placed on the snake. */
export interface SnakeSegment extends SnakeUnit {
  /** Cumulative weight before and after the unit, counted from side A's safest unit. */
  start: number;
  end: number;
  /** Margin drawn (clamped to ± clampMargin), pp. */
  shown: number;
  tipping: boolean;
  /** True for a bar of several neighbouring units (see TippingPointSnakeInput.maxBars). */
  group?: boolean;
}

/**
 * Orders units by margin (A's safest first) and finds the tipping-point unit: walking from the
 * winner's safest unit, the one whose weight carries the winner to the threshold. Ties in margin
 * are broken by id so the order is stable.
 *
 * Source: the tipping-point definition popularised by FiveThirtyEight (Silver).
 *
 * @param input sides, units and threshold
 * @returns segments in order, with cumulative weights and the tipping flag
 * @example snakeSegments({ sides: ['D','R'], threshold: 2, units: [{id:'a',name:'a',weight:2,margin:5},{id:'b',name:'b',weight:1,margin:-1}] })[0].tipping // => true
 */
export function snakeSegments(input: TippingPointSnakeInput): SnakeSegment[] {
  const clamp = input.clampMargin ?? 30;
  const units = input.units.filter((u) => u.weight > 0).sort((p, q) => q.margin - p.margin || p.id.localeCompare(q.id));
  let start = 0;
  const segments = units.map((u) => {
    const s: SnakeSegment = { ...u, start, end: start + u.weight, shown: Math.max(-clamp, Math.min(clamp, u.margin)), tipping: false };
    start += u.weight;
    return s;
  });
  const total = start;
  const weightA = segments.filter((s) => s.margin > 0).reduce((sum, s) => sum + s.weight, 0);
  const weightB = segments.filter((s) => s.margin < 0).reduce((sum, s) => sum + s.weight, 0);
  if (weightA >= input.threshold) {
    const tip = segments.find((s) => s.end >= input.threshold);
    if (tip) tip.tipping = true;
  } else if (weightB >= input.threshold) {
    const tip = [...segments].reverse().find((s) => total - s.start >= input.threshold);
    if (tip) tip.tipping = true;
  }
  return segments;
}

/**
 * At most `maxBars` segments: runs of neighbouring segments merged into one (weight summed, margin
 * weight-averaged, named `N units`), the tipping segment kept alone.
 *
 * @example
 * groupSegments(segments100000, 300, 30).length <= 301 // => true
 */
export function groupSegments(segments: SnakeSegment[], maxBars: number, clamp: number): SnakeSegment[] {
  if (segments.length <= maxBars) return segments;
  const size = Math.ceil(segments.length / maxBars);
  const out: SnakeSegment[] = [];
  let run: SnakeSegment[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (run.length === 1) out.push(run[0]!);
    else {
      const weight = run.reduce((sum, s) => sum + s.weight, 0);
      const margin = run.reduce((sum, s) => sum + s.weight * s.margin, 0) / weight;
      const label = `${run.length.toLocaleString('en-US')} units`;
      out.push({ id: label, name: `${label} (${run[0]!.name} … ${run[run.length - 1]!.name})`, weight, margin, start: run[0]!.start, end: run[run.length - 1]!.end, shown: Math.max(-clamp, Math.min(clamp, margin)), tipping: false, group: true });
    }
    run = [];
  };
  for (const s of segments) {
    if (s.tipping) {
      flush();
      out.push(s);
      continue;
    }
    // A run never mixes the two sides' units: the bar's colour says who is ahead.
    if (run.length > 0 && (run.length >= size || Math.sign(run[0]!.margin) !== Math.sign(s.margin))) flush();
    run.push(s);
  }
  flush();
  return out;
}

const WORDS = {
  en: { x: (a: string, b: string) => `Cumulative weight, from the safest ${a} unit (left) to the safest ${b} unit (right)`, y: (a: string, b: string, basis?: string) => `Margin${basis === 'all-votes' ? ' over all votes cast' : basis === 'two-party' ? ' over the two-party vote' : ''}, ${a} − ${b} (pp)`, toWin: (t: number) => `${t} to win`, tip: 'Tipping point: ', unit: 'Unit', weight: 'Weight', margin: 'Margin (pp)', cut: (c: number) => `▲▼ margin beyond ±${c} pp: bar cut at the edge` },
  fr: { x: (a: string, b: string) => `Poids cumulé, du plus sûr pour ${a} (à gauche) au plus sûr pour ${b} (à droite)`, y: (a: string, b: string, basis?: string) => `Écart${basis === 'all-votes' ? ' sur les suffrages exprimés' : basis === 'two-party' ? ' entre les deux' : ''}, ${a} − ${b} (points)`, toWin: (t: number) => `${t} pour gagner`, tip: 'Point de bascule\u00a0: ', unit: 'Unité', weight: 'Poids', margin: 'Écart (points)', cut: (c: number) => `▲▼ écart au-delà de ±${c} points : barre coupée au bord` },
};

/**
 * Draws each unit as a bar as wide as its weight and as tall as its margin (clamped), in the
 * colour of the side ahead, shaded by how safe it is; a dashed rule marks the threshold counted
 * from each side, and the tipping-point unit is outlined and labelled.
 *
 * @param input sides, units (weights and margins in pp), threshold
 * @param options title, subtitle, sources and look; width default 820 px, height 320 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when no unit has a positive weight or the threshold exceeds the total
 * @example
 * tippingPointSnake({ sides: ['D','R'], threshold: 270, units }, { title: 'Snake', sources: ['MEDSL'] }).usermeta.chart
 * // => 'tippingPointSnake'
 */
export function tippingPointSnake(input: TippingPointSnakeInput, options: BriefingChartOptions): TopLevelSpec {
  const segments = groupSegments(snakeSegments(input), input.maxBars ?? 300, input.clampMargin ?? 30);
  const total = segments.length ? segments[segments.length - 1].end : 0;
  if (segments.length === 0) throw new InputError({ file: 'tippingPointSnake', at: 'units', expected: 'at least one unit with positive weight', found: '0' });
  if (!(input.threshold > 0 && input.threshold <= total)) {
    throw new InputError({ file: 'tippingPointSnake', at: 'threshold', expected: `a weight in 1…${total}`, found: String(input.threshold) });
  }
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const [colourA, colourB] = sideColours(input.sides, options);
  const clamp = input.clampMargin ?? 30;
  const width = options.width ?? 820;
  const height = options.height ?? 320;
  const tip = segments.find((s) => s.tipping);
  const data = labelledSegments(segments, width / total, clamp);
  const tooltip = [
    { field: 'name', type: 'nominal', title: words.unit },
    { field: 'weight', type: 'quantitative', title: words.weight },
    { field: 'margin', type: 'quantitative', title: words.margin, format: '+.2f' },
    { field: 'end', type: 'quantitative', title: 'Σ' },
  ];
  const x = { field: 'start', type: 'quantitative', title: words.x(a, b), scale: { domain: [0, total], nice: false }, axis: { values: (total > 1000 ? [0, input.threshold, total] : [0, 100, 200, input.threshold, 400, 500, total]).filter((v, i, all) => v <= total && all.indexOf(v) === i).sort((p, q) => p - q), format: total > 1000 ? ',d' : 'd' } };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x,
        x2: { field: 'end' },
        y: { field: 'shown', type: 'quantitative', title: words.y(a, b, input.basis), scale: { domain: [-clamp, clamp] }, axis: { labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label" } },
        y2: { datum: 0 },
        color: { field: 'shown', type: 'quantitative', scale: { domain: [-clamp, -1, 0, 1, clamp], range: [colourB, colourB, THEME_COLOURS.neutral, colourA, colourA], interpolate: 'rgb' }, legend: null },
        opacity: { field: 'safe', type: 'quantitative', scale: { domain: [0, clamp], range: [1, 0.45] }, legend: null },
        tooltip,
      },
      transform: [{ calculate: 'abs(datum.shown)', as: 'safe' }],
    },
    {
      transform: [{ filter: 'datum.tipping' }],
      mark: { type: 'rect', fill: null, stroke: THEME_COLOURS.reference, strokeWidth: 2.5 },
      encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'end' }, y: { datum: -clamp }, y2: { datum: clamp } },
    },
    {
      transform: [{ filter: 'datum.showLabel' }],
      mark: { type: 'text', fontSize: 12, baseline: 'middle', angle: 0 },
      encoding: {
        x: { field: 'mid', type: 'quantitative' },
        y: { field: 'labelAt', type: 'quantitative' },
        text: { field: 'id' },
      },
    },
    {
      // Bars cut at the ±clamp edge end in a notch pointing outward.
      transform: [{ filter: 'datum.cut' }, { calculate: `datum.shown > 0 ? ${clamp} : ${-clamp}`, as: 'edge' }, { calculate: "datum.shown > 0 ? 'triangle-up' : 'triangle-down'", as: 'notch' }],
      mark: { type: 'point', filled: true, size: 36, color: THEME_COLOURS.reference, opacity: 0.85 },
      encoding: { x: { field: 'mid', type: 'quantitative' }, y: { field: 'edge', type: 'quantitative' }, shape: { field: 'notch', type: 'nominal', scale: null, legend: null } },
    },
    {
      data: { values: [{ at: input.threshold }] },
      mark: { type: 'rule', strokeDash: [6, 4], color: THEME_COLOURS.reference, strokeWidth: 1.5 },
      encoding: { x: { field: 'at', type: 'quantitative' } },
    },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: THEME_COLOURS.axis }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
  ];
  if (tip) layers.push(tippingLabelLayer(tip, `${words.tip}${tip.name} (${tip.margin >= 0 ? a : b} +`, clamp));
  if (data.some((d) => d.cut)) {
    layers.push({
      // Bottom left is always free: units are ordered from A's largest margin, so those bars rise above zero.
      data: { values: [{ at: 0, y: -clamp, text: words.cut(clamp) }] },
      mark: { type: 'text', fontSize: 12, align: 'left', baseline: 'bottom', dx: 6, dy: -6, color: THEME_COLOURS.source },
      encoding: { x: { field: 'at', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'text' } },
    });
  }
  return frameChart({ width, height, data: { values: data }, layer: layers }, options, { chart: 'tippingPointSnake', footerWidth: width + 60 });
}

/**
 * The segments with their label's place: units wide enough to hold one (and the tipping point) are
 * labelled, in two staggered rows; a label goes only where its row has room (no overlap), and a label
 * that would leave the plot (bars at the ±clamp edge) is drawn inside its bar instead, in white.
 */
function labelledSegments(segments: SnakeSegment[], pxPerWeight: number, clamp: number) {
  const minGap = 30;
  const lastInRow = [-Infinity, -Infinity];
  return segments.map((s) => {
    const mid = (s.start + s.end) / 2;
    // A unit is labelled when it is wide on the page; a bar of grouped units is named in its tooltip only.
    const wide = (s.weight >= 10 && s.weight * pxPerWeight >= 12 && !s.group) || s.tipping;
    const row = lastInRow.findIndex((last) => (mid - last) * pxPerWeight >= minGap);
    const showLabel = wide && row >= 0;
    if (showLabel) lastInRow[row] = mid;
    const lift = 1.8 + 3.4 * Math.max(row, 0);
    const outside = s.shown >= 0 ? s.shown + lift : s.shown - lift;
    const inside = Math.abs(outside) > clamp - 1.5;
    const labelAt = inside ? Math.sign(s.shown || 1) * (clamp - 2.2 - 3.4 * Math.max(row, 0)) : outside;
    return { ...s, mid, showLabel, labelAt, inside, cut: Math.abs(s.margin) > clamp };
  });
}

/**
 * The tipping point's label. The margin is formatted by Vega so that it follows the chart's number
 * locale. The label sits beside the tipping box, on the side with more room, never across its border; it
 * stays on the side of the zero line that is empty there (the winner's bars are on the other side). Units
 * run from A's largest margin to B's: the top right and the bottom left of the plot are free. A tip that
 * B carries is labelled top right of its box, one that A carries bottom left (above the note on cut bars,
 * which takes the bottom-left corner).
 */
function tippingLabelLayer(tip: SnakeSegment, prefix: string, clamp: number): Record<string, unknown> {
  const right = tip.margin < 0;
  const y = right ? clamp * 0.88 : -clamp * 0.72;
  return {
    data: { values: [{ at: right ? tip.end : tip.start, y, prefix, size: Math.abs(tip.margin) }] },
    transform: [{ calculate: "datum.prefix + format(datum.size, '.1f') + ')'", as: 'text' }],
    mark: { type: 'text', fontSize: 14, fontWeight: 'bold', dx: right ? 8 : -8, align: right ? 'left' : 'right' },
    encoding: { x: { field: 'at', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'text' } },
  };
}
