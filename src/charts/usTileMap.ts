/**
 * US tile-grid map: one equal square per state (and DC), so small states count as much on the page
 * as in the tally of states; Maine's and Nebraska's districts appear as small tiles inside their state.
 */
import type { TopLevelSpec } from 'vega-lite';
import { frameChart, wordsFor, THEME_COLOURS, type BriefingChartOptions } from './theme.js';
import { checkMapInput, mapLegendTitle, tilePlot, tileTextEncoding, type MapInput } from './mapColourScale.js';
import { DISTRICT_COUNTS, US_STATE_TILES } from './usStates.js';

/** Input of {@link usTileMap}: values for states (USPS codes) and districts (`ME-2`, `NE-2`). */
export type UsTileMapInput = MapInput;

/** Share of a tile's height that its district strip takes, and the gap around tiles. */
const DISTRICT_STRIP = 0.34;
const GAP = 0.05;

/** One rectangle on the tile map, in grid units. */
export interface TileRect {
  id: string;
  name: string;
  x: number;
  x2: number;
  y: number;
  y2: number;
  /** True for a Maine/Nebraska district tile. */
  district: boolean;
}

/**
 * The rectangles of the US tile map: a square per state; for ME and NE the square's top part is
 * the statewide (at-large) unit and the bottom strip is split into one small tile per district.
 *
 * @example usTileRects().filter((r) => r.district).map((r) => r.id) // => ['ME-1', 'ME-2', 'NE-1', 'NE-2', 'NE-3']
 */
export function usTileRects(): TileRect[] {
  const rects: TileRect[] = [];
  for (const s of US_STATE_TILES) {
    const districts = DISTRICT_COUNTS[s.id] ?? 0;
    const top = s.row + GAP;
    const bottom = s.row + 1 - GAP;
    const split = districts ? bottom - DISTRICT_STRIP : bottom;
    rects.push({ id: s.id, name: s.name, x: s.col + GAP, x2: s.col + 1 - GAP, y: top, y2: split, district: false });
    const width = (1 - 2 * GAP) / Math.max(1, districts);
    for (let d = 0; d < districts; d++) {
      const x = s.col + GAP + d * width;
      rects.push({ id: `${s.id}-${d + 1}`, name: `${s.name} district ${d + 1}`, x: x + 0.015, x2: x + width - 0.015, y: split + 0.03, y2: bottom, district: true });
    }
  }
  return rects.sort((p, q) => Number(p.district) - Number(q.district) || p.id.localeCompare(q.id));
}

const WORDS = { en: { state: 'State', value: 'Value', districts: 'Districts' }, fr: { state: 'État', value: 'Valeur', districts: 'Circonscriptions' } };

/**
 * Tile map of the US: each state's tile filled by A's margin (pp) or A's P(win) on a diverging scale
 * between the two sides' colours, labelled with its code and value; ME and NE districts as small
 * tiles in the bottom strip of their state, labelled 1, 2, 3. Units without a value are left grey.
 *
 * @param input sides, measure, values per unit (USPS codes, `ME-1`…`NE-3`), clampMargin
 * @param options title, subtitle, sources and look; tile size from width (default 696 px = 58 px per column)
 * @returns a Vega-Lite v5 spec
 * @throws InputError when the measure is unknown or a value is not finite (or not in 0–1 for pWin)
 * @example usTileMap({ sides: ['D','R'], measure: 'margin', units: [{ id: 'WI', value: -0.8 }] }, { title: 'Map', sources: ['MEDSL'] }).usermeta.chart // => 'usTileMap'
 */
export function usTileMap(input: UsTileMapInput, options: BriefingChartOptions): TopLevelSpec {
  checkMapInput('usTileMap', input);
  const words = wordsFor(WORDS, options);
  const values = new Map(input.units.map((u) => [u.id, u.value]));
  const width = options.width ?? 696;
  const height = (width / 12) * 8;
  const { rows, insets } = usTileRows(values);
  const x = { field: 'x', type: 'quantitative', scale: { domain: [0, 12] }, axis: null };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [0, 8], reverse: true }, axis: null };
  const tooltip = [
    { field: 'name', type: 'nominal', title: words.state },
    { field: 'label', type: 'nominal', title: mapLegendTitle(input, options.locale) },
  ];
  const plot = tilePlot({ width, height }, rows, input, { rect: { type: 'rect', cornerRadius: 3, stroke: 'white', strokeWidth: 1 }, x, y, tooltip }, options, [
    { transform: [{ filter: 'datum.inset' }], mark: { type: 'text', fontWeight: 'bold', baseline: 'middle', fontSize: 11 }, encoding: tileTextEncoding('codeY', 'code', { tooltip }) },
    ...(insets > 0
      ? [
          {
            data: { values: [{ x: 10.04, y: 5.82, text: words.districts }] },
            mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 12, color: THEME_COLOURS.source },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'text' } },
          },
        ]
      : []),
    {
      transform: [{ filter: '!datum.inset' }],
      mark: { type: 'text', fontWeight: 'bold', baseline: 'middle' },
      encoding: tileTextEncoding('codeY', 'code', { size: { condition: { test: 'datum.district', value: 11 }, value: 15 }, tooltip }),
    },
    { transform: [{ filter: '!datum.district || datum.inset' }], mark: { type: 'text', fontSize: 11, baseline: 'middle' }, encoding: tileTextEncoding('valueY', 'label', { tooltip }) },
  ]);
  return frameChart(plot, options, { chart: 'usTileMap', footerWidth: width });
}

/**
 * The tiles with their values and where their code and value are written. District tiles are too small
 * for a value: when districts have values, an inset in the empty bottom-right corner of the grid
 * (columns 10–11, rows 5–7) repeats them as labelled tiles.
 */
function usTileRows(values: Map<string, number | null>) {
  const tiles = usTileRects();
  const districts = tiles.filter((r) => r.district && values.has(r.id));
  const inset = districts.map((r, i) => {
    const col = 10 + (i % 2);
    const row = 6 + Math.floor(i / 2) * 0.66;
    return { ...r, x: col + 0.04, x2: col + 0.96, y: row, y2: row + 0.58, inset: true };
  });
  const rows = [...tiles.map((r) => ({ ...r, inset: false })), ...inset].map((r) => ({
    ...r,
    value: values.get(r.id) ?? null,
    cx: (r.x + r.x2) / 2,
    codeY: r.inset ? r.y + (r.y2 - r.y) * 0.32 : r.district ? (r.y + r.y2) / 2 : r.y + (r.y2 - r.y) * (values.has(r.id) ? 0.36 : 0.5),
    valueY: r.y + (r.y2 - r.y) * (r.inset ? 0.74 : 0.74),
    code: r.inset ? r.id : r.district ? r.id.slice(3) : r.id,
  }));
  return { rows, insets: inset.length };
}
