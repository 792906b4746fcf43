/**
 * Allocation comparison: P(win) under competing ways of spending the same budget (the optimum,
 * spending in proportion to votes, swing states only), beside where each puts the money.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, partyColour, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One strategy. */
export interface AllocationStrategy {
  /** Name shown (`Optimum`, `Proportional`, `Swing states only`). */
  name: string;
  /** P(win) under the strategy, with an interval, 0–1. */
  pWin: number;
  low: number;
  high: number;
  /** Budget share per territory, 0–1 each, summing to 1 (or less if some is unspent). */
  shares: { territory: string; share: number }[];
}

/** Input of {@link allocationComparison}. */
export interface AllocationComparisonInput {
  side: string;
  strategies: AllocationStrategy[];
  /** Territories shown by name in the share bars (the largest overall); the rest are grouped. Default 7. */
  topTerritories?: number;
}

const WORDS = {
  en: { pWin: (s: string) => `P(${s} wins)`, share: 'Share of the budget', others: 'All others', territory: 'Territory', strategy: 'Strategy' },
  fr: { pWin: (s: string) => `P(victoire ${s})`, share: 'Part du budget', others: 'Tous les autres', territory: 'Territoire', strategy: 'Stratégie' },
};

/** Okabe–Ito colours (and two greys) for the territories in the share bars. */
const TERRITORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999', '#BBBBBB'];

/**
 * Two panels side by side: P(win) per strategy as a dot with its interval, and a stacked bar of
 * each strategy's budget shares over the territories that get the most money overall, the rest
 * grouped as "All others".
 *
 * @param input side, strategies (P(win) and interval 0–1; shares 0–1) and topTerritories
 * @param options title, subtitle, sources and look; width default 300 px per panel
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there is no strategy, a probability is outside 0–1, or a share is negative
 * @example allocationComparison({ side: 'D', strategies: [{ name: 'Optimum', pWin: 0.6, low: 0.59, high: 0.61, shares: [{ territory: 'WI', share: 1 }] }] }, { title: 'T', sources: ['S'] }).usermeta.chart // => 'allocationComparison'
 */
export function allocationComparison(input: AllocationComparisonInput, options: BriefingChartOptions): TopLevelSpec {
  const strategies = input.strategies ?? [];
  if (strategies.length === 0) throw new InputError({ file: 'allocationComparison', at: 'strategies', expected: 'at least one strategy', found: '0' });
  strategies.forEach((s, i) => {
    for (const key of ['pWin', 'low', 'high'] as const) {
      if (!(s[key] >= 0 && s[key] <= 1)) throw new InputError({ file: 'allocationComparison', at: `strategies[${i}].${key}`, expected: 'a probability in 0–1', found: String(s[key]) });
    }
    s.shares.forEach((x, j) => {
      if (!(x.share >= 0 && x.share <= 1)) throw new InputError({ file: 'allocationComparison', at: `strategies[${i}].shares[${j}].share`, expected: 'a share in 0–1', found: String(x.share) });
    });
  });
  const words = wordsFor(WORDS, options);
  const totals = new Map<string, number>();
  for (const s of strategies) for (const x of s.shares) totals.set(x.territory, (totals.get(x.territory) ?? 0) + x.share);
  const top = [...totals.entries()].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0])).slice(0, input.topTerritories ?? 7).map(([t]) => t);
  const shareRows = strategies.flatMap((s) => {
    const named = top.map((t) => ({ strategy: s.name, territory: t, share: s.shares.filter((x) => x.territory === t).reduce((sum, x) => sum + x.share, 0) }));
    const rest = s.shares.filter((x) => !top.includes(x.territory)).reduce((sum, x) => sum + x.share, 0);
    return [...named, { strategy: s.name, territory: words.others, share: rest }].filter((r) => r.share > 0);
  });
  const order = strategies.map((s) => s.name);
  const panel = options.width ?? 300;
  const height = options.height ?? Math.max(110, 56 * strategies.length);
  const y = { field: 'strategy', type: 'nominal', sort: order, title: null, axis: { labelFontSize: 14, ticks: false, domain: false } };
  const all = strategies.flatMap((s) => [s.low, s.high]);
  const pad = Math.max(0.02, (Math.max(...all) - Math.min(...all)) * 0.2);
  const pWinPanel = {
    width: panel,
    height,
    data: { values: strategies.map((s) => ({ strategy: s.name, pWin: s.pWin, low: s.low, high: s.high })) },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3, color: THEME_COLOURS.reference },
        encoding: { y, x: { field: 'low', type: 'quantitative', title: words.pWin(input.side), scale: { domain: [Math.max(0, Math.min(...all) - pad), Math.min(1, Math.max(...all) + pad)], zero: false }, axis: { format: '.0%' } }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'point', filled: true, size: 220, color: partyColour(input.side, options), opacity: 1 },
        encoding: {
          y,
          x: { field: 'pWin', type: 'quantitative' },
          tooltip: [
            { field: 'strategy', type: 'nominal', title: words.strategy },
            { field: 'pWin', type: 'quantitative', title: words.pWin(input.side), format: '.1%' },
            { field: 'low', type: 'quantitative', title: '−', format: '.1%' },
            { field: 'high', type: 'quantitative', title: '+', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', dy: -18, fontSize: 13, fontWeight: 'bold' },
        encoding: { y, x: { field: 'pWin', type: 'quantitative' }, text: { field: 'pWin', type: 'quantitative', format: '.1%' } },
      },
    ],
  };
  const sharePanel = {
    width: panel,
    height,
    data: { values: shareRows },
    mark: { type: 'bar', height: { band: 0.6 }, stroke: 'white', strokeWidth: 1 },
    encoding: {
      y: { ...y, axis: null },
      x: { field: 'share', type: 'quantitative', title: words.share, stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: {
        field: 'territory',
        type: 'nominal',
        title: null,
        scale: { domain: [...top, words.others], range: TERRITORY_COLOURS.slice(0, top.length).concat(['#BBBBBB']) },
        legend: { orient: 'top', direction: 'horizontal', columns: 4 },
      },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: [
        { field: 'strategy', type: 'nominal', title: words.strategy },
        { field: 'territory', type: 'nominal', title: words.territory },
        { field: 'share', type: 'quantitative', title: words.share, format: '.1%' },
      ],
    },
    transform: [{ calculate: `indexof(${JSON.stringify([...top, words.others])}, datum.territory)`, as: 'rank' }],
  };
  return frameChart({ hconcat: [pWinPanel, sharePanel], spacing: 30 }, options, { chart: 'allocationComparison', footerWidth: 2 * panel + 200 });
}
