/**
 * Geographic US map: states drawn from the us-atlas TopoJSON (US Census Bureau cartographic boundary
 * files, 1:10,000,000, packaged by Mike Bostock as us-atlas 3.0.1, states-10m.json, ISC licence; kept
 * in src/charts/usStatesTopology.json by scripts/data/build_lookup_tables.mjs),
 * inlined in the spec so it renders offline; Maine's and Nebraska's districts as a strip of tiles
 * under the map, coloured on the same scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import statesTopology from './usStatesTopology.json' with { type: 'json' };
import { frameChart, wordsFor, type BriefingChartOptions } from './theme.js';
import { checkMapInput, mapColourScale, mapLegend, mapLegendTitle, mapTextColourExpression, mapValueExpression, type MapInput } from './mapColourScale.js';
import { DISTRICT_COUNTS, US_STATE_TILES } from './usStates.js';

/** The parts of the us-atlas TopoJSON the map reads. */
interface AtlasTopology {
  type: string;
  bbox?: number[];
  transform?: unknown;
  arcs: unknown;
  objects: { states: { type: string; geometries: { id: string; type: string; properties?: unknown }[] } };
}

/** Input of {@link usGeoMap}: values for states (USPS codes) and districts (`ME-2`, `NE-2`). */
export type UsGeoMapInput = MapInput;

const WORDS = {
  en: { state: 'State', districts: 'Districts voting separately' },
  fr: { state: 'État', districts: 'Circonscriptions votant à part' },
};

/**
 * Choropleth of the states in the Albers USA projection (Alaska and Hawaii inset), filled by A's
 * margin (pp) or A's P(win) between the two sides' colours; states without a value are grey.
 *
 * @param input sides, measure, values per unit (USPS codes, `ME-1`…`NE-3`), clampMargin
 * @param options title, subtitle, sources and look; width default 760 px, height 470 px
 * @returns a Vega-Lite v5 spec with the states TopoJSON inlined (about 115 kB)
 * @throws InputError when the measure is unknown or a value is not finite (or not in 0–1 for pWin)
 * @example usGeoMap({ sides: ['D','R'], measure: 'margin', units: [{ id: 'WI', value: -0.8 }] }, { title: 'Map', sources: ['MEDSL'] }).usermeta.chart // => 'usGeoMap'
 */
export function usGeoMap(input: UsGeoMapInput, options: BriefingChartOptions): TopLevelSpec {
  checkMapInput('usGeoMap', input);
  const words = wordsFor(WORDS, options);
  const values = new Map(input.units.map((u) => [u.id, u.value]));
  const width = options.width ?? 760;
  const height = options.height ?? 470;
  // The states' values ride on the TopoJSON geometries' properties (a copy; the arcs are shared, the
  // nation outline is left out), so the spec needs no lookup between data sets.
  const topology = statesWithValues(values);
  const districts = Object.entries(DISTRICT_COUNTS).flatMap(([state, count]) =>
    Array.from({ length: count }, (_, d) => ({ id: `${state}-${d + 1}`, value: values.get(`${state}-${d + 1}`) ?? null })),
  );
  const scale = mapColourScale(input, options);
  const title = mapLegendTitle(input, options.locale);
  const colour = { field: 'value', type: 'quantitative', scale, title, legend: mapLegend(input) };
  const map = {
    width,
    height,
    projection: { type: 'albersUsa' },
    data: { values: topology, format: { type: 'topojson', feature: 'states' } },
    transform: [
      { calculate: 'datum.properties.value', as: 'value' },
      { calculate: 'datum.properties.name', as: 'stateName' },
      { calculate: mapValueExpression(input), as: 'label' },
    ],
    mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.8 },
    encoding: {
      color: { ...colour, condition: { test: '!isValid(datum.value)', value: '#d9d9d9' } },
      tooltip: [
        { field: 'stateName', type: 'nominal', title: words.state },
        { field: 'label', type: 'nominal', title },
      ],
    },
  };
  const tileWidth = 118;
  const strip = {
    width: tileWidth * districts.length,
    height: 34,
    title: { text: words.districts, fontSize: 13, fontWeight: 'normal', anchor: 'start', offset: 6 },
    data: { values: districts.map((d, i) => ({ ...d, x: i * tileWidth + 2, x2: (i + 1) * tileWidth - 2, cx: (i + 0.5) * tileWidth })) },
    transform: [
      { calculate: mapValueExpression(input), as: 'label' },
      { calculate: mapTextColourExpression(input), as: 'textColour' },
      { calculate: "datum.id + ' ' + datum.label", as: 'text' },
    ],
    layer: [
      {
        mark: { type: 'rect', cornerRadius: 3 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: { domain: [0, tileWidth * districts.length] }, axis: null },
          x2: { field: 'x2' },
          y: { value: 0 },
          y2: { value: 34 },
          color: { ...colour, legend: null },
          tooltip: [{ field: 'id', type: 'nominal' }, { field: 'label', type: 'nominal', title }],
        },
      },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold', baseline: 'middle' },
        encoding: {
          x: { field: 'cx', type: 'quantitative' },
          y: { value: 17 },
          text: { field: 'text' },
          color: { field: 'textColour', type: 'nominal', scale: null },
        },
      },
    ],
  };
  const plot = { vconcat: [map, strip], spacing: 10, resolve: { scale: { color: 'shared' } } };
  return frameChart(plot, options, { chart: 'usGeoMap', footerWidth: width });
}

/** The states of the atlas (the nation outline left out), each carrying its code, name and value. */
function statesWithValues(values: Map<string, number | null>) {
  const byFips = new Map(US_STATE_TILES.map((s) => [s.fips, s]));
  const atlas = statesTopology as unknown as AtlasTopology;
  return {
    type: atlas.type,
    bbox: atlas.bbox,
    transform: atlas.transform,
    arcs: atlas.arcs,
    objects: {
      states: {
        type: atlas.objects.states.type,
        geometries: atlas.objects.states.geometries
          .filter((g) => byFips.has(g.id))
          .map((g) => {
            const state = byFips.get(g.id) as (typeof US_STATE_TILES)[number];
            return { ...g, properties: { code: state.id, name: state.name, value: values.get(state.id) ?? null } };
          }),
      },
    },
  };
}
