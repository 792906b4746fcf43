/**
 * The US-campaign comparison 2000–2024: each side's supporter-list size beside how close the
 * election was where it mattered (tipping-point margin) and how few votes would have flipped it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { frameChart, sideColours, wordsFor, type BriefingChartOptions } from './theme.js';

/** One election. */
export interface ComparisonYear {
  year: number;
  /** Side that won the electoral college. */
  winner: string;
  /** List size per side (people), `null` where no figure was found. */
  listSizes: Record<string, number | null>;
  /** Tipping-point unit (USPS code or district) and the winner's margin there, pp (over all votes cast, as tippingPoint gives it by default). */
  tippingPoint: { unit: string; margin: number };
  /** Fewest new votes for the loser (margin + 1 per unit, cheapest set of units) that flip the result. */
  votesToFlip: number;
}

/** Input of {@link usComparison2000to2024}. */
export interface UsComparisonInput {
  sides: [string, string];
  years: ComparisonYear[];
}

const WORDS = {
  en: { lists: 'Supporter list (people)', margin: 'Tipping-point margin (pp)', flip: 'Votes to flip (log scale)', unknown: 'n/a', side: 'Side', year: 'Election', winner: 'Winner' },
  fr: { lists: 'Fichier de sympathisants (personnes)', margin: 'Écart au point de bascule (points)', flip: 'Voix pour inverser (échelle log)', unknown: 'n.d.', side: 'Camp', year: 'Élection', winner: 'Vainqueur' },
};

/**
 * Three panels stacked over the same years: list sizes of both sides as paired bars ("n/a" where
 * no figure exists), the tipping-point margin as a bar in the winner's colour labelled with the
 * unit, and the votes-to-flip on a log scale labelled with the count.
 *
 * @param input sides and one row per election year
 * @param options title, subtitle, sources and look; width default 720 px
 * @returns a Vega-Lite v5 spec
 * @throws InputError when there are no years, a list size is negative, or votesToFlip is below 1
 * @example usComparison2000to2024({ sides: ['D','R'], years }, { title: 'T', sources: ['S'] }).usermeta.chart // => 'usComparison2000to2024'
 */
export function usComparison2000to2024(input: UsComparisonInput, options: BriefingChartOptions): TopLevelSpec {
  const years = checkedYears(input);
  const words = wordsFor(WORDS, options);
  const [a, b] = input.sides;
  const colours = sideColours(input.sides, options);
  const colour = (title: string | null, legend: unknown = null) => ({ field: 'side', type: 'nominal', title, scale: { domain: [a, b], range: colours }, legend });
  const width = options.width ?? 720;
  const x = { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0, labelFontSize: 14 } };
  const xHidden = { ...x, axis: { labelAngle: 0, labelFontSize: 14, orient: 'bottom', labels: true, ticks: false, domain: false } };
  const lists = years.flatMap((y) => input.sides.map((side) => ({ year: y.year, side, size: y.listSizes[side] ?? null, known: (y.listSizes[side] ?? null) !== null })));
  const listPanel = {
    width,
    height: 170,
    data: { values: lists },
    // The bars carry the side legend; the labels' colour encoding has none (independent legends avoid a
    // legend-property conflict between the two layers).
    resolve: { legend: { color: 'independent' } },
    layer: [
      {
        transform: [{ filter: 'datum.known' }],
        mark: { type: 'bar', width: { band: 0.4 } },
        encoding: {
          x: xHidden,
          xOffset: { field: 'side', sort: [a, b] },
          y: { field: 'size', type: 'quantitative', title: words.lists, axis: { format: '~s', tickCount: 4 } },
          color: colour(words.side, { orient: 'top', direction: 'horizontal' }),
          tooltip: [
            { field: 'year', type: 'ordinal', title: words.year },
            { field: 'side', type: 'nominal', title: words.side },
            { field: 'size', type: 'quantitative', title: words.lists, format: ',d' },
          ],
        },
      },
      {
        transform: [{ calculate: `datum.known ? format(datum.size, '.2~s') : ${JSON.stringify(words.unknown)}`, as: 'text' }, { calculate: 'datum.known ? datum.size : 0', as: 'at' }],
        mark: { type: 'text', dy: -8, fontSize: 12, baseline: 'bottom' },
        encoding: {
          x: xHidden,
          xOffset: { field: 'side', sort: [a, b] },
          y: { field: 'at', type: 'quantitative' },
          text: { field: 'text' },
          color: colour(null),
        },
      },
    ],
  };
  const { marginPanel, flipPanel } = resultPanels(years, words, x, xHidden, colour, width);
  return frameChart({ vconcat: [listPanel, marginPanel, flipPanel], spacing: 16, resolve: { scale: { color: 'shared' }, legend: { color: 'independent' } } }, options, { chart: 'usComparison2000to2024', footerWidth: width + 60 });
}

/** The elections, each votes-to-flip a whole number ≥ 1 and each list size non-negative or null. */
function checkedYears(input: UsComparisonInput): UsComparisonInput['years'] {
  const years = input.years ?? [];
  if (years.length === 0) throw new InputError({ file: 'usComparison2000to2024', at: 'years', expected: 'at least one election', found: '0' });
  years.forEach((y, i) => {
    if (!(Number.isInteger(y.votesToFlip) && y.votesToFlip >= 1)) throw new InputError({ file: 'usComparison2000to2024', at: `years[${i}].votesToFlip`, expected: 'an integer ≥ 1', found: String(y.votesToFlip) });
    for (const side of input.sides) {
      const size = y.listSizes[side];
      if (size !== null && size !== undefined && !(size >= 0)) throw new InputError({ file: 'usComparison2000to2024', at: `years[${i}].listSizes.${side}`, expected: 'a non-negative number or null', found: String(size) });
    }
  });
  return years;
}

/** The tipping-point margin panel and the votes-to-flip panel (log scale) of the elections. */
function resultPanels(
  years: UsComparisonInput['years'],
  words: (typeof WORDS)['en'],
  x: Record<string, unknown>,
  xHidden: Record<string, unknown>,
  colour: (title: string | null) => Record<string, unknown>,
  width: number,
) {
  const rows = years.map((y) => ({ year: y.year, side: y.winner, margin: y.tippingPoint.margin, unit: y.tippingPoint.unit, votes: y.votesToFlip }));
  const tooltip = [
    { field: 'year', type: 'ordinal', title: words.year },
    { field: 'side', type: 'nominal', title: words.winner },
    { field: 'unit', type: 'nominal', title: 'Unit' },
    { field: 'margin', type: 'quantitative', title: words.margin, format: '.2f' },
    { field: 'votes', type: 'quantitative', title: words.flip, format: ',d' },
  ];
  const marginPanel = barPanel(width, rows, { x: xHidden, y: { field: 'margin', type: 'quantitative', title: words.margin, axis: { tickCount: 4 } }, color: colour(null), tooltip }, {
    transform: [{ calculate: "datum.unit + ' ' + format(datum.margin, '.2f')", as: 'text' }],
    mark: { type: 'text', dy: -6, fontSize: 12, baseline: 'bottom' },
    encoding: { x: xHidden, y: { field: 'margin', type: 'quantitative' }, text: { field: 'text' } },
  });
  const flipPanel = barPanel(
    width,
    rows,
    { x, y: { field: 'votes', type: 'quantitative', title: words.flip, scale: { type: 'log', domain: [100, 10000000] }, axis: { format: '~s', values: [100, 1000, 10000, 100000, 1000000, 10000000] } }, y2: { datum: 100 }, color: colour(null), tooltip },
    {
      mark: { type: 'text', dy: -6, fontSize: 12, baseline: 'bottom' },
      encoding: { x, y: { field: 'votes', type: 'quantitative' }, text: { field: 'votes', type: 'quantitative', format: ',d' } },
    },
  );
  return { marginPanel, flipPanel };
}

/** A panel of one bar per election (`bar` its encoding) with a text layer over the bars. */
function barPanel(width: number, rows: unknown[], bar: Record<string, unknown>, label: Record<string, unknown>) {
  return { width, height: 150, data: { values: rows }, layer: [{ mark: { type: 'bar', width: { band: 0.4 } }, encoding: bar }, label] };
}
