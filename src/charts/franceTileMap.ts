/**
 * France tile-grid map: one equal square per département (the project's own grid, see
 * franceDepartements.ts), with the overseas départements, collectivities and voters abroad in a
 * strip underneath.
 */
import type { TopLevelSpec } from 'vega-lite';
import { frameChart, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';
import { checkMapInput, mapLegendTitle, tilePlot, tileTextEncoding, type MapInput } from './mapColourScale.js';
import { FRANCE_CODE_ALIASES, FRANCE_TILES } from './franceDepartements.js';

/** Input of {@link franceTileMap}: values per département, keyed by INSEE code or Ministry code (`ZA`…`ZZ`). */
export type FranceTileMapInput = MapInput;

const WORDS = {
  en: { unit: 'Département', overseas: 'Overseas and abroad' },
  fr: { unit: 'Département', overseas: 'Outre-mer et étranger' },
};

/** Columns and rows of the grid (the overseas strip sits at row 12.4). */
const COLUMNS = 11;
const ROWS = 13.5;

/**
 * Tile map of France: each département's tile filled by A's margin (pp) or A's P(win) on a
 * diverging scale between the two sides' colours, labelled with its code; overseas units and
 * voters abroad (`ZZ`) in a strip under the mainland. Units without a value are left grey.
 *
 * @param input sides (e.g. `['PS', 'UMP']`), measure, values per unit, clampMargin
 * @param options title, subtitle, sources and look; width default 594 px (54 px per column)
 * @returns a Vega-Lite v5 spec
 * @throws InputError when the measure is unknown or a value is not finite (or not in 0–1 for pWin)
 * @example franceTileMap({ sides: ['PS','UMP'], measure: 'margin', units: [{ id: '75', value: 11.4 }] }, { title: 'Carte', sources: ['Intérieur'] }).usermeta.chart // => 'franceTileMap'
 */
export function franceTileMap(input: FranceTileMapInput, options: BriefingChartOptions): TopLevelSpec {
  checkMapInput('franceTileMap', input);
  const words = wordsFor(WORDS, options);
  const values = new Map(input.units.map((u) => [FRANCE_CODE_ALIASES[u.id] ?? u.id, u.value]));
  const width = options.width ?? 594;
  const height = (width / COLUMNS) * ROWS;
  const gap = 0.05;
  const rows = FRANCE_TILES.map((t) => ({
    id: t.id,
    name: t.name,
    x: t.col + gap,
    x2: t.col + 1 - gap,
    y: t.row + gap,
    y2: t.row + 1 - gap,
    cx: t.col + 0.5,
    codeY: t.row + (values.has(t.id) ? 0.36 : 0.5),
    valueY: t.row + 0.72,
    value: values.get(t.id) ?? null,
  }));
  const x = { field: 'x', type: 'quantitative', scale: { domain: [0, COLUMNS] }, axis: null };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [0, ROWS], reverse: true }, axis: null };
  const legendTitle = mapLegendTitle(input, options.locale);
  const tooltip = [
    { field: 'name', type: 'nominal', title: words.unit },
    { field: 'id', type: 'nominal', title: 'Code' },
    { field: 'label', type: 'nominal', title: legendTitle },
  ];
  const plot = tilePlot({ width, height }, rows, input, { rect: { type: 'rect', cornerRadius: 2 }, x, y, tooltip }, options, [
    { mark: { type: 'text', fontWeight: 'bold', fontSize: 12, baseline: 'middle' }, encoding: tileTextEncoding('codeY', 'id', { tooltip }) },
    {
      mark: { type: 'text', fontSize: 11, baseline: 'middle' },
      transform: [{ calculate: input.measure === 'margin' ? "isValid(datum.value) ? (datum.value > 0 ? '+' : '') + format(datum.value, '.0f') : ''" : "isValid(datum.value) ? format(datum.value, '.0%') : ''", as: 'short' }],
      encoding: tileTextEncoding('valueY', 'short'),
    },
    {
      data: { values: [{ x: 0.05, y: 12.15, text: words.overseas }] },
      mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 13, color: THEME_COLOURS.subtitle },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'text' } },
    },
  ]);
  return frameChart(plot, options, { chart: 'franceTileMap', footerWidth: width });
}
