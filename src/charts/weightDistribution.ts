/**
 * Distribution of the weight (electoral votes, seats) side A wins across simulated elections:
 * a histogram coloured by who wins at each value, with the winning line and the tie marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RuleName, Side } from '../model/types.js';
import { InputError } from '../errors.js';
import { unitWeight, type WeightUnit } from '../model/decisionRule.js';
import { frameChart, sideColours, partyColour, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/**
 * Input: plain numbers (a simulation's result fits, as do its summary's): the dense
 * `weightCounts`, or, for a race whose total weight is large (weighted by registered voters), the
 * `weightTally` of the weights reached with the total weight (or the units' `weights` and `rule`).
 */
export interface WeightDistributionInput {
  /** The two sides; the chart counts the weight the first one won. */
  sides: readonly [Side, Side] | [Side, Side];
  /** Weight needed to win outright (270 of 538). */
  threshold: number;
  /** weightCounts[w] = draws in which side A won weight w, w = 0 … total weight (empty: use weightTally). */
  weightCounts?: ArrayLike<number>;
  /** The weights A won, ascending, and the draws of each. */
  weightTally?: { weights: ArrayLike<number>; counts: ArrayLike<number> };
  /** Total weight of the race (with weightTally). */
  totalWeight?: number;
  /** Unit weights and rule, to compute the total weight when totalWeight is not given. */
  weights?: ArrayLike<number>;
  rule?: RuleName;
  /** What the weight counts, named on the x axis (default electoral votes; see weightUnit). */
  unit?: WeightUnit;
}

/** Bars drawn at most when the total weight is too large for one bar per weight. */
const MAX_BINS = 80;

const WORDS = {
  en: {
    x: (a: string, unit: WeightUnit) => `${{ 'electoral votes': 'Electoral votes', seats: 'Seats', weight: 'Weight' }[unit]} won by ${a}`,
    y: 'Share of simulations', toWin: (t: number) => `${t} to win`, tie: 'tie', winner: 'Winner', share: 'Share',
  },
  fr: {
    x: (a: string, unit: WeightUnit) => `${{ 'electoral votes': 'Grands électeurs obtenus', seats: 'Sièges obtenus', weight: 'Poids obtenu' }[unit]} par ${a}`,
    y: 'Part des simulations', toWin: (t: number) => `${t} pour gagner`, tie: 'égalité', winner: 'Vainqueur', share: 'Part',
  },
};

/**
 * Histogram of side A's weight over all draws: bars at or above the threshold in A's colour, bars
 * that leave B at or above it in B's colour, and the exact tie (269–269 for 538 electoral votes)
 * in grey with a label; a vertical rule marks the threshold. A race whose weights reach beyond one bar
 * per weight (weighted by registered voters: millions) is drawn in at most 80 bars of equal width, cut
 * at the threshold so that no bar mixes two outcomes.
 *
 * @param input sides, threshold (weight needed to win, 270), weightCounts (draw counts per weight) and
 *   `unit`, what the weight counts (the x axis reads "Seats won by A" for `seats`)
 * @param options title, subtitle, sources and look; width default 760 px, height 340 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when weightCounts is empty or holds no draws, or the threshold is outside it
 * @example
 * weightDistribution({ sides: ['D', 'R'], threshold: 270, weightCounts }, { title: 'EV', sources: ['MEDSL'] }).vconcat[0].layer.length
 * // => 5
 */
export function weightDistribution(input: WeightDistributionInput, options: BriefingChartOptions): TopLevelSpec {
  if ((input.weightCounts?.length ?? 0) === 0 && input.weightTally) return binnedWeightDistribution(input, options);
  const counts = Array.from(input.weightCounts ?? []);
  const total = counts.reduce((s, c) => s + c, 0);
  if (counts.length < 2 || !(total > 0)) {
    throw new InputError({ file: 'weightDistribution', at: 'weightCounts', expected: 'at least two weights and one draw', found: `${counts.length} weights, ${total} draws` });
  }
  const totalWeight = counts.length - 1;
  const threshold = checkedThreshold(input.threshold, totalWeight);
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const tieLabel = words.tie;
  const winnerOf = (w: number): string => (w >= threshold ? a : totalWeight - w >= threshold ? b : tieLabel);
  const rows = counts
    .map((count, weight) => ({ weight, share: count / total, winner: winnerOf(weight) }))
    .filter((r) => r.share > 0);
  const low = Math.min(rows[0].weight, threshold) - 5;
  const high = Math.max(rows[rows.length - 1].weight, threshold) + 5;
  const [colourA, colourB] = sideColours(input.sides, options);
  const tieWeights = counts.map((_, w) => w).filter((w) => winnerOf(w) === tieLabel);
  const maxShare = Math.max(...rows.map((r) => r.share));
  const width = options.width ?? 760;
  const height = options.height ?? 340;
  const domainLow = Math.max(0, low);
  const domainHigh = Math.min(totalWeight, high);
  // A tick every 10, 20 or 50 units so that at most about 12 labels share the axis.
  const step = [10, 20, 50, 100].find((s) => (domainHigh - domainLow) / s <= 12) ?? 100;
  const ticks: number[] = [];
  for (let t = Math.ceil(domainLow / step) * step; t <= domainHigh; t += step) ticks.push(t);
  const xTitle = words.x(a, input.unit ?? 'electoral votes');
  const x = { field: 'weight', type: 'quantitative', title: xTitle, scale: { domain: [domainLow, domainHigh], nice: false }, axis: { format: 'd', values: ticks } };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: rows },
      mark: { type: 'bar', width: { band: 1 }, binSpacing: 0, stroke: null },
      encoding: {
        x: { ...x, bin: { binned: true, step: 1 } },
        x2: { field: 'weightEnd' },
        y: { field: 'share', type: 'quantitative', title: words.y, axis: { format: '.1%' }, scale: { domain: [0, maxShare * 1.18] } },
        color: { field: 'winner', type: 'nominal', title: words.winner, scale: { domain: [a, b, tieLabel], range: [colourA, colourB, partyColour('tie', options)] } },
        tooltip: [
          { field: 'weight', type: 'quantitative', title: xTitle, format: 'd' },
          { field: 'share', type: 'quantitative', title: words.share, format: '.2%' },
          { field: 'winner', type: 'nominal', title: words.winner },
        ],
      },
      transform: [{ calculate: 'datum.weight + 1', as: 'weightEnd' }],
    },
    {
      data: { values: [{ weight: threshold, label: words.toWin(threshold) }] },
      mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x: { field: 'weight', type: 'quantitative' } },
    },
    {
      data: { values: [{ weight: threshold, label: words.toWin(threshold), share: maxShare * 1.15 }] },
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 14, fontWeight: 'bold', color: THEME_COLOURS.reference },
      encoding: { x: { field: 'weight', type: 'quantitative' }, y: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  // The tie: outline its bar and name it, with its share, at the top left of the threshold rule.
  const tieRows = tieWeights.map((w, i) => ({
    weight: w,
    weightEnd: w + 1,
    share: counts[w] / total,
    label: `${w}–${totalWeight - w} ${tieLabel}`,
    labelY: maxShare * (1.15 - 0.07 * i),
  }));
  layers.push(...tieLayers(tieRows));
  return frameChart({ width, height, layer: layers }, options, { chart: 'weightDistribution', footerWidth: width + 60 });
}

/** The threshold, an integer weight in 1…total weight. */
function checkedThreshold(threshold: number, totalWeight: number): number {
  if (!(Number.isInteger(threshold) && threshold > 0 && threshold <= totalWeight)) {
    throw new InputError({ file: 'weightDistribution', at: 'threshold', expected: `an integer in 1…${totalWeight}`, found: String(threshold) });
  }
  return threshold;
}

/** The tie's bars outlined and named with their share (rows: weight, weightEnd, share, label, labelY). */
function tieLayers(tieRows: Record<string, unknown>[]): Record<string, unknown>[] {
  return [
    {
      data: { values: tieRows },
      mark: { type: 'rect', fill: null, stroke: THEME_COLOURS.reference, strokeWidth: 1.5 },
      encoding: { x: { field: 'weight', type: 'quantitative' }, x2: { field: 'weightEnd' }, y: { field: 'share', type: 'quantitative' }, y2: { datum: 0 } },
    },
    {
      data: { values: tieRows },
      transform: [{ calculate: "datum.label + ' (' + format(datum.share, '.1%') + ')'", as: 'text' }],
      mark: { type: 'text', align: 'right', dx: -8, fontSize: 14, color: THEME_COLOURS.reference },
      encoding: { x: { field: 'weight', type: 'quantitative' }, y: { field: 'labelY', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
}

/** A round step of 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? 10 * power;
}

/**
 * The histogram of a large total weight from the weights reached: bars of one round width, cut where
 * the outcome changes (B wins up to total − threshold, a tie below the threshold, A wins from it).
 */
function binnedWeightDistribution(input: WeightDistributionInput, options: BriefingChartOptions): TopLevelSpec {
  const tally = input.weightTally!;
  let totalWeight = input.totalWeight;
  if (totalWeight === undefined && input.weights && input.rule) {
    totalWeight = 0;
    for (let i = 0; i < input.weights.length; i++) totalWeight += unitWeight(input.rule, input.weights[i]);
  }
  const draws = Array.from(tally.counts).reduce((a, c) => a + c, 0);
  if (tally.weights.length === 0 || !(draws > 0) || totalWeight === undefined || !(totalWeight >= 1)) {
    throw new InputError({ file: 'weightDistribution', at: 'weightTally', expected: 'weights reached with their draws, and the total weight', found: `${tally.weights.length} weights, ${draws} draws, total ${totalWeight}` });
  }
  const threshold = checkedThreshold(input.threshold, totalWeight);
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const tieLabel = words.tie;
  const lowest = tally.weights[0]!;
  const highest = tally.weights[tally.weights.length - 1]!;
  const pad = Math.max(1, Math.round((Math.max(highest, threshold) - Math.min(lowest, threshold)) * 0.03));
  const domainLow = Math.max(0, Math.min(lowest, threshold) - pad);
  const domainHigh = Math.min(totalWeight, Math.max(highest, threshold) + pad);
  const step = niceStep((domainHigh - domainLow) / MAX_BINS);
  // Outcome regions [start, end): B wins, tie, A wins.
  const bWinsTo = totalWeight - threshold + 1;
  const regions: [number, number, string][] = [
    [0, bWinsTo, b],
    [bWinsTo, threshold, tieLabel],
    [threshold, totalWeight + 1, a],
  ];
  const bins = new Map<number, { weight: number; weightEnd: number; draws: number; winner: string }>();
  for (let i = 0; i < tally.weights.length; i++) {
    const w = tally.weights[i]!;
    const [start, end, winner] = regions.find(([s0, e0]) => w >= s0 && w < e0)!;
    const binStart = Math.max(start, Math.floor(w / step) * step);
    const bin = bins.get(binStart) ?? { weight: binStart, weightEnd: Math.min(end, Math.floor(w / step) * step + step), draws: 0, winner };
    bin.draws += tally.counts[i]!;
    bins.set(binStart, bin);
  }
  const rows = [...bins.values()].sort((x, y) => x.weight - y.weight).map((r) => ({ weight: r.weight, weightEnd: r.weightEnd, share: r.draws / draws, winner: r.winner }));
  const maxShare = Math.max(...rows.map((r) => r.share));
  const [colourA, colourB] = sideColours(input.sides, options);
  const width = options.width ?? 760;
  const height = options.height ?? 340;
  const xTitle = words.x(a, input.unit ?? 'electoral votes');
  const x = { field: 'weight', type: 'quantitative', title: xTitle, scale: { domain: [domainLow, domainHigh], nice: false }, axis: { format: '~s', tickCount: 8 } };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: rows },
      mark: { type: 'bar', binSpacing: 0, stroke: null },
      encoding: {
        x: { ...x, bin: { binned: true } },
        x2: { field: 'weightEnd' },
        y: { field: 'share', type: 'quantitative', title: words.y, axis: { format: '.1%' }, scale: { domain: [0, maxShare * 1.18] } },
        color: { field: 'winner', type: 'nominal', title: words.winner, scale: { domain: [a, b, tieLabel], range: [colourA, colourB, partyColour('tie', options)] } },
        tooltip: [
          { field: 'weight', type: 'quantitative', title: xTitle, format: ',d' },
          { field: 'weightEnd', type: 'quantitative', title: '…', format: ',d' },
          { field: 'share', type: 'quantitative', title: words.share, format: '.2%' },
          { field: 'winner', type: 'nominal', title: words.winner },
        ],
      },
    },
    {
      data: { values: [{ weight: threshold }] },
      mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x: { field: 'weight', type: 'quantitative' } },
    },
    {
      data: { values: [{ weight: threshold, label: words.toWin(threshold).replace(String(threshold), threshold.toLocaleString(options.locale === 'fr' ? 'fr-FR' : 'en-US')), share: maxShare * 1.15 }] },
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 14, fontWeight: 'bold', color: THEME_COLOURS.reference },
      encoding: { x: { field: 'weight', type: 'quantitative' }, y: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  return frameChart({ width, height, layer: layers }, options, { chart: 'weightDistribution', footerWidth: width + 60 });
}
