/**
 * The distribution of seats per party in a multi-candidate seat race (issue 20): one small histogram per
 * party (share of simulated elections at each seat count), with the majority line when it is in range.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, partyColour, THEME_COLOURS, wordsFor, type BriefingChartOptions } from './theme.js';

/** One party's seat distribution. */
export interface PartySeats {
  party: string;
  name: string;
  /** Share of simulated elections with k seats, k = 0 .. W; sums to 1. */
  distribution: readonly number[];
}

const WORDS = {
  en: { seats: 'Seats', share: 'Share of simulated elections', majority: 'majority' },
  fr: { seats: 'Sièges', share: 'Part des élections simulées', majority: 'majorité' },
};

/**
 * Histograms of seats per party (rows, ours first), each on its own x range (the seats it gets in any draw,
 * padded), so a party of 2 seats and one of 300 both read.
 *
 * @param parties The parties to draw (at most 8 rows are useful; the caller picks them).
 * @param options Title, subtitle, sources and look; width default 560 px, height 70 px per party.
 * @param seatsToWin Seats for a majority, drawn as a rule where a party's range reaches it.
 * @returns A Vega-Lite v5 spec.
 * @throws {InputError} no party, or a distribution that is not shares summing to 1.
 * @example
 * seatHistogram([{ party: 'CPC', name: 'CPC', distribution: [0, 1] }], { title: 'T', sources: ['S'] }).usermeta.chart // => 'seatHistogram'
 */
export function seatHistogram(parties: readonly PartySeats[], options: BriefingChartOptions, seatsToWin?: number): TopLevelSpec {
  if (parties.length === 0) throw new InputError({ file: 'seatHistogram', at: 'parties', expected: 'at least one party', found: 'none' });
  const words = wordsFor(WORDS, options);
  const width = options.width ?? 560;
  const height = options.height ?? 70;
  const rows = parties.map((p, i) => {
    const sum = p.distribution.reduce((a, b) => a + b, 0);
    if (!(Math.abs(sum - 1) < 1e-9) || p.distribution.some((s) => !(s >= 0))) throw new InputError({ file: 'seatHistogram', at: p.party, expected: 'shares ≥ 0 summing to 1', found: String(sum) });
    const seen = p.distribution.flatMap((s, k) => (s > 0 ? [k] : []));
    const pad = Math.max(2, Math.ceil((seen.at(-1)! - seen[0]!) * 0.15));
    const lo = Math.max(0, seen[0]! - pad);
    const hi = Math.min(p.distribution.length - 1, seen.at(-1)! + pad);
    const values = [];
    for (let k = lo; k <= hi; k++) values.push({ seats: k, share: p.distribution[k]! });
    const layer: Record<string, unknown>[] = [
      {
        mark: { type: 'bar', color: partyColour(p.party, options, i), binSpacing: 0 },
        encoding: {
          x: { field: 'seats', type: 'quantitative', title: i === parties.length - 1 ? words.seats : null, scale: { domain: [lo - 0.5, hi + 0.5], nice: false }, axis: { tickMinStep: 1, format: 'd' } },
          y: { field: 'share', type: 'quantitative', title: p.name, axis: { format: '.1~%', tickCount: 2, titleAngle: 0, titleAlign: 'right', titleBaseline: 'middle' } },
          tooltip: [
            { field: 'seats', type: 'quantitative', title: `${p.name}: ${words.seats}` },
            { field: 'share', type: 'quantitative', format: '.1%', title: words.share },
          ],
        },
      },
    ];
    if (seatsToWin !== undefined && seatsToWin >= lo && seatsToWin <= hi) {
      layer.push({ data: { values: [{ seats: seatsToWin - 0.5 }] }, mark: { type: 'rule', color: THEME_COLOURS.reference, strokeDash: [4, 4] }, encoding: { x: { field: 'seats', type: 'quantitative' } } });
    }
    return { width, height, data: { values }, layer };
  });
  return frameChart({ vconcat: rows, spacing: 6 }, options, { chart: 'seatHistogram', footerWidth: width + 160 });
}
