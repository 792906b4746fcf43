/**
 * Vote transfers between the rounds ("reports de voix") as a matrix: one row per round-1 origin, one column
 * per round-2 destination (the finalists, blank or null, abstention), each cell the share of the origin's
 * voters, labelled; rows the surveys do not measure are marked as assumed.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, wordsFor, type BriefingChartOptions } from './theme.js';

/** One origin row: shares 0–1 by destination, summing to 1. */
export interface TransferMatrixRow {
  /** Row label (`Jean-Luc Mélenchon (LFI)`). */
  origin: string;
  shares: Readonly<Record<string, number>>;
  /** True when no survey measures the row (a documented default). */
  assumed?: boolean;
}

const WORDS = {
  en: { origin: 'Round-1 vote', destination: 'Round 2', share: 'Share of the round-1 voters', assumed: ' (assumed)' },
  fr: { origin: 'Vote au 1er tour', destination: '2d tour', share: 'Part des électeurs du 1er tour', assumed: ' (supposé)' },
};

/**
 * A heat map of transfer shares with the percentage in each cell.
 *
 * @param rows Origin rows in display order.
 * @param destinations Column order (`['LREM', 'RN', 'blank_null', 'abstention']`), with display labels.
 * @param options Title, subtitle, sources; width default 90 px per column.
 * @returns A Vega-Lite v5 spec.
 * @throws {InputError} no row, or a share outside 0–1.
 * @example
 * transferMatrix([{ origin: 'LFI', shares: { LREM: 0.42, RN: 0.17, blank_null: 0.17, abstention: 0.24 } }], [{ code: 'LREM', label: 'Macron' }], { title: 'T', sources: ['S'] }).usermeta.chart // => 'transferMatrix'
 */
export function transferMatrix(rows: readonly TransferMatrixRow[], destinations: readonly { code: string; label: string }[], options: BriefingChartOptions): TopLevelSpec {
  if (rows.length === 0) throw new InputError({ file: 'transferMatrix', at: 'rows', expected: 'at least one origin row', found: 'none' });
  const words = wordsFor(WORDS, options);
  const values = rows.flatMap((r) =>
    destinations.map((d) => {
      const share = r.shares[d.code] ?? 0;
      if (!(share >= 0 && share <= 1)) throw new InputError({ file: 'transferMatrix', at: `${r.origin}.${d.code}`, expected: 'a share in 0–1', found: String(share) });
      return { origin: r.origin + (r.assumed ? words.assumed : ''), destination: d.label, share };
    }),
  );
  const originOrder = rows.map((r) => r.origin + (r.assumed ? words.assumed : ''));
  const width = options.width ?? 90 * destinations.length;
  const plot = {
    width,
    height: { step: 34 },
    data: { values },
    encoding: {
      y: { field: 'origin', type: 'nominal', sort: originOrder, title: words.origin },
      x: { field: 'destination', type: 'nominal', sort: destinations.map((d) => d.label), title: words.destination, axis: { orient: 'top', labelAngle: 0 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff' },
        encoding: {
          color: { field: 'share', type: 'quantitative', title: words.share, scale: { domain: [0, 1], scheme: 'blues' }, legend: { format: '.0%', orient: 'bottom', titleLimit: 400 } },
          tooltip: [
            { field: 'origin', type: 'nominal', title: words.origin },
            { field: 'destination', type: 'nominal', title: words.destination },
            { field: 'share', type: 'quantitative', format: '.0%', title: words.share },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'share', type: 'quantitative', format: '.0%' },
          color: { condition: { test: 'datum.share > 0.5', value: '#ffffff' }, value: '#222222' },
        },
      },
    ],
  };
  return frameChart(plot, options, { chart: 'transferMatrix', footerWidth: width + 200 });
}
