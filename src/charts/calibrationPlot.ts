/**
 * Calibration plot of a backtest: predicted probability against observed frequency per bin, dots
 * sized by how many forecasts fall in the bin, against the diagonal of perfect calibration.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';

/** One bin of forecasts. */
export interface CalibrationBin {
  /** Mean predicted probability in the bin, 0–1. */
  predicted: number;
  /** Share of the bin's events that happened, 0–1. */
  observed: number;
  /** Forecasts in the bin, ≥ 1. */
  count: number;
}

/** Input of {@link calibrationPlot}. */
export interface CalibrationPlotInput {
  bins: CalibrationBin[];
}

const WORDS = {
  en: { x: 'Predicted probability', y: 'Observed frequency', count: 'Forecasts', perfect: 'perfect calibration' },
  fr: { x: 'Probabilité prévue', y: 'Fréquence observée', count: 'Prévisions', perfect: 'calibration parfaite' },
};

/**
 * Dots at (predicted, observed) per bin, area proportional to the number of forecasts and labelled
 * with it, over a dashed diagonal; both axes 0–100%.
 *
 * @param input bins (probabilities 0–1, counts ≥ 1)
 * @param options title, subtitle, sources and look; width and height default 420 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no bins, a probability is outside 0–1, or a count is below 1
 * @example calibrationPlot({ bins: [{ predicted: 0.9, observed: 0.85, count: 40 }] }, { title: 'T', sources: ['S'] }).usermeta.chart // => 'calibrationPlot'
 */
export function calibrationPlot(input: CalibrationPlotInput, options: BriefingChartOptions): TopLevelSpec {
  const bins = input.bins ?? [];
  if (bins.length === 0) throw new InputError({ file: 'calibrationPlot', at: 'bins', expected: 'at least one bin', found: '0' });
  bins.forEach((b, i) => {
    if (!(b.predicted >= 0 && b.predicted <= 1 && b.observed >= 0 && b.observed <= 1)) {
      throw new InputError({ file: 'calibrationPlot', at: `bins[${i}]`, expected: 'predicted and observed in 0–1', found: `${b.predicted}, ${b.observed}` });
    }
    if (!(Number.isInteger(b.count) && b.count >= 1)) throw new InputError({ file: 'calibrationPlot', at: `bins[${i}].count`, expected: 'an integer ≥ 1', found: String(b.count) });
  });
  const words = wordsFor(WORDS, options);
  const size = options.width ?? 420;
  const axis = { format: '.0%', values: [0, 0.2, 0.4, 0.6, 0.8, 1] };
  const plot = {
    width: size,
    height: options.height ?? size,
    layer: [
      {
        data: { values: [{ p: 0 }, { p: 1 }] },
        mark: { type: 'line', strokeDash: [6, 4], color: THEME_COLOURS.band, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'p', type: 'quantitative', title: words.x, scale: { domain: [0, 1] }, axis },
          y: { field: 'p', type: 'quantitative', title: words.y, scale: { domain: [0, 1] }, axis },
        },
      },
      {
        data: { values: [{ p: 0.62, q: 0.58, text: words.perfect }] },
        mark: { type: 'text', angle: -45, fontSize: 12, color: THEME_COLOURS.band, baseline: 'top' },
        encoding: { x: { field: 'p', type: 'quantitative' }, y: { field: 'q', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        data: { values: bins },
        mark: { type: 'point', filled: true, color: '#0072B2', opacity: 0.8, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'predicted', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          size: { field: 'count', type: 'quantitative', scale: { range: [60, 900], zero: true }, legend: null },
          tooltip: [
            { field: 'predicted', type: 'quantitative', title: words.x, format: '.1%' },
            { field: 'observed', type: 'quantitative', title: words.y, format: '.1%' },
            { field: 'count', type: 'quantitative', title: words.count, format: ',d' },
          ],
        },
      },
      {
        data: { values: bins },
        mark: { type: 'text', align: 'left', dx: 21, fontSize: 12, baseline: 'middle' },
        encoding: {
          x: { field: 'predicted', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative', format: ',d' },
        },
      },
    ],
  };
  return frameChart(plot, options, { chart: 'calibrationPlot', footerWidth: size + 80 });
}
