/**
 * Territory by territory: the baseline margin, the shift each side's mobilisation buys, and the
 * resulting margin, swing territories first.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, sideColours, territoryRowAxis, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One territory's row. Margins are side A minus side B, two-party, in percentage points (pp). */
export interface TerritoryMarginRow {
  id: string;
  name: string;
  /** Weight of the territory (electoral votes, seats), shown beside its name when above 0. */
  weight?: number;
  /** Baseline two-party margin of A, pp. */
  baselineMargin: number;
  /** Margin gained by A from A's mobilisation, pp, ≥ 0. */
  shiftA: number;
  /** Margin gained by B from B's mobilisation, pp, ≥ 0 (it moves the margin down). */
  shiftB: number;
}

/** Input of {@link territoryMargins}. */
export interface TerritoryMarginsInput {
  sides: [string, string];
  rows: TerritoryMarginRow[];
  /** How many territories to show, closest results first. Default 15. */
  limit?: number;
}

const WORDS = {
  en: { x: (a: string, b: string) => `Two-party margin, ${a} − ${b} (pp)`, baseline: 'Baseline margin', shift: (s: string) => `What ${s}'s campaign adds`, result: 'Result', carried: 'Result, dot coloured by who carries it', netLabel: (a: string, b: string) => `net ${a} − ${b} (pp)`, territory: 'Territory' },
  fr: { x: (a: string, b: string) => `Écart à deux, ${a} − ${b} (points)`, baseline: 'Écart de départ', shift: (s: string) => `Apport de la campagne ${s}`, result: 'Résultat', carried: 'Résultat, point à la couleur du gagnant', netLabel: (a: string, b: string) => `net ${a} − ${b} (points)`, territory: 'Territoire' },
};

/**
 * A dot plot per territory: a grey tick at the baseline margin, an arrow segment in A's colour
 * for what A's mobilisation adds, one in B's colour for what B's takes away, and a dot at the
 * result coloured by who carries the territory. Territories are ordered by the size of the
 * resulting margin (closest first) and cut to `limit`.
 *
 * @param input sides, rows (margins and shifts in pp) and limit
 * @param options title, subtitle, sources and look; width default 640 px, row height 26 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no rows or a shift is negative or not finite
 * @example
 * territoryMargins({ sides: ['D', 'R'], rows: [{ id: 'WI', name: 'Wisconsin', baselineMargin: -0.8, shiftA: 1, shiftB: 0.3 }] }, { title: 'T', sources: ['S'] })
 * // => a spec whose data row for WI has result -0.1
 */
export function territoryMargins(input: TerritoryMarginsInput, options: BriefingChartOptions): TopLevelSpec {
  const [a, b] = input.sides;
  const words = wordsFor(WORDS, options);
  const [colourA, colourB] = sideColours(input.sides, options);
  const data = closestRows(input);
  const order = data.map((d) => d.label);
  const winners = [a, b, 'tie'].filter((w) => data.some((d) => d.winner === w));
  const width = options.width ?? 640;
  const height = options.height ?? Math.max(120, 26 * data.length);
  const y = territoryRowAxis(order, 13);
  const tooltip = [
    { field: 'label', type: 'nominal', title: words.territory },
    { field: 'baseline', type: 'quantitative', title: words.baseline, format: '+.2f' },
    { field: 'shiftA', type: 'quantitative', title: words.shift(a), format: '+.2f' },
    { field: 'shiftB', type: 'quantitative', title: words.shift(b), format: '.2f' },
    { field: 'result', type: 'quantitative', title: words.result, format: '+.2f' },
  ];
  const x = { field: 'baseline', type: 'quantitative', title: words.x(a, b), axis: { labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label" } };
  const legendDomain = [words.baseline, words.shift(a), words.shift(b)];
  const legendRange = [THEME_COLOURS.reference, colourA, colourB];
  const layers: Record<string, unknown>[] = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: THEME_COLOURS.reference, strokeWidth: 1.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    {
      mark: { type: 'rule', strokeWidth: 5, yOffset: -4 },
      encoding: {
        y,
        x,
        x2: { field: 'afterA' },
        // The legend draws strokes, like the marks: a grey tick for the baseline, a segment per campaign.
        color: { datum: words.shift(a), scale: { domain: legendDomain, range: legendRange }, title: null, legend: { symbolType: 'stroke', symbolStrokeWidth: 5, orient: 'top' } },
        tooltip,
      },
    },
    {
      mark: { type: 'rule', strokeWidth: 5, yOffset: 4 },
      encoding: { y, x: { field: 'afterA', type: 'quantitative' }, x2: { field: 'result' }, color: { datum: words.shift(b) }, tooltip },
    },
    {
      mark: { type: 'tick', thickness: 3, size: 20 },
      encoding: { y, x, color: { datum: words.baseline }, tooltip },
    },
    {
      mark: { type: 'point', filled: true, size: 120, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
      encoding: {
        y,
        x: { field: 'result', type: 'quantitative' },
        fill: { field: 'winner', type: 'nominal', title: words.carried, scale: { domain: winners, range: winners.map((w) => (w === a ? colourA : w === b ? colourB : THEME_COLOURS.band)) }, legend: { symbolType: 'circle', orient: 'top', titleFontWeight: 'normal', titleFontSize: 13, titleLimit: 420 } },
        tooltip,
      },
    },
    {
      // The net effect of both campaigns in words at the end of each row: segments of a few hundredths of
      // a point are too short to see at the scale of the margins.
      transform: [{ calculate: 'abs(datum.shiftA - datum.shiftB) < 0.005 ? 0 : datum.shiftA - datum.shiftB', as: 'net' }],
      mark: { type: 'text', align: 'left', fontSize: 12, color: THEME_COLOURS.source, x: width + 10 },
      encoding: { y, text: { field: 'net', type: 'quantitative', format: '+.2f' }, tooltip },
    },
    {
      data: { values: [{ label: words.netLabel(a, b) }] },
      mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 12, color: THEME_COLOURS.source, x: width + 10, y: -6 },
      encoding: { text: { field: 'label' } },
    },
  ];
  return frameChart({ width, height, data: { values: data }, layer: layers }, options, { chart: 'territoryMargins', footerWidth: width + 160 });
}

/** The rows checked, with each campaign's end point and the winner, closest to a tie first (at most `limit`). */
function closestRows(input: TerritoryMarginsInput) {
  const rows = input.rows ?? [];
  if (rows.length === 0) throw new InputError({ file: 'territoryMargins', at: 'rows', expected: 'at least one territory', found: '0' });
  rows.forEach((r, i) => {
    for (const key of ['baselineMargin', 'shiftA', 'shiftB'] as const) {
      if (!Number.isFinite(r[key]) || (key !== 'baselineMargin' && r[key] < 0)) {
        throw new InputError({ file: 'territoryMargins', at: `rows[${i}].${key}`, expected: key === 'baselineMargin' ? 'a finite number of pp' : 'a non-negative number of pp', found: String(r[key]) });
      }
    }
  });
  const [a, b] = input.sides;
  return rows
    .map((r) => {
      const afterA = r.baselineMargin + r.shiftA;
      const result = afterA - r.shiftB;
      return {
        id: r.id,
        label: r.weight ? `${r.name} (${r.weight})` : r.name,
        baseline: r.baselineMargin,
        afterA,
        result,
        shiftA: r.shiftA,
        shiftB: r.shiftB,
        winner: result > 0 ? a : result < 0 ? b : 'tie',
      };
    })
    .sort((p, q) => Math.abs(p.result) - Math.abs(q.result) || p.id.localeCompare(q.id))
    .slice(0, input.limit ?? 15);
}
