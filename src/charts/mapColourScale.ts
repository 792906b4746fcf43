/**
 * The diverging colour scale and value labels shared by the maps: side B's colour through a light
 * neutral to side A's colour, centred on a margin of 0 pp or on even odds.
 */
import { InputError } from '../errors.js';
import { sideColours, THEME_COLOURS, type BriefingChartOptions, type ChartLocale } from './theme.js';

/** What a map colours: A's two-party margin in pp, or A's probability of winning the unit (0–1). */
export type MapMeasure = 'margin' | 'pWin';

/** One unit's value on a map. */
export interface MapUnitValue {
  /** Unit id (USPS code and `ME-2`-style districts; INSEE département code for France). */
  id: string;
  /** Margin of A over B in pp, or P(A wins the unit) in 0–1, per the map's measure. */
  value: number;
}

/** Input every map takes. */
export interface MapInput {
  sides: [string, string];
  measure: MapMeasure;
  units: MapUnitValue[];
  /** Margins beyond ± this many pp get the full colour. Default 20. */
  clampMargin?: number;
}

/**
 * Checks a map input: a known measure and finite values (probabilities in 0–1 for `pWin`).
 *
 * @param chart builder name, used as the `where` of the error message
 * @param input the map input
 * @throws InputError naming the first bad entry
 * @example checkMapInput('usTileMap', { sides: ['D','R'], measure: 'pWin', units: [{ id: 'WI', value: 2 }] })
 * // throws "usTileMap: units[0].value must be a probability in 0–1, got 2"
 */
export function checkMapInput(chart: string, input: MapInput): void {
  if (input.measure !== 'margin' && input.measure !== 'pWin') {
    throw new InputError({ file: chart, at: 'measure', expected: '"margin" or "pWin"', found: JSON.stringify(input.measure) });
  }
  (input.units ?? []).forEach((u, i) => {
    const ok = Number.isFinite(u.value) && (input.measure === 'margin' || (u.value >= 0 && u.value <= 1));
    if (!ok) throw new InputError({ file: chart, at: `units[${i}].value`, expected: input.measure === 'margin' ? 'a finite margin in pp' : 'a probability in 0–1', found: String(u.value) });
  });
}

/**
 * The Vega-Lite colour scale of a map: piecewise linear from B's colour (at −clamp pp, or P = 0)
 * through a neutral grey (0 pp, P = 0.5) to A's colour, clamped.
 *
 * @example mapColourScale({ sides: ['D','R'], measure: 'pWin', units: [] }).domain // => [0, 0.5, 1]
 */
export function mapColourScale(input: MapInput, options: Pick<BriefingChartOptions, 'palette' | 'partyColours'> = {}): { domain: number[]; range: string[]; clamp: true; interpolate: 'lab' } {
  const [colourA, colourB] = sideColours(input.sides, options);
  const clamp = input.clampMargin ?? 20;
  const domain = input.measure === 'margin' ? [-clamp, 0, clamp] : [0, 0.5, 1];
  return { domain, range: [colourB, THEME_COLOURS.neutral, colourA], clamp: true, interpolate: 'lab' };
}

/**
 * A Vega expression for a unit's short label: the side ahead and its margin (`D+1.2`), or A's
 * probability (`64%`), formatted by the chart's number locale at render time.
 *
 * @example mapValueExpression({ sides: ['D','R'], measure: 'pWin', units: [] })
 * // => "isValid(datum.value) ? format(datum.value, '.0%') : ''"
 */
export function mapValueExpression(input: MapInput): string {
  const [a, b] = input.sides.map((s) => JSON.stringify(s));
  return input.measure === 'margin'
    ? `isValid(datum.value) ? (datum.value >= 0 ? ${a} : ${b}) + '+' + format(abs(datum.value), '.1f') : ''`
    : `isValid(datum.value) ? format(datum.value, '.0%') : ''`;
}

/**
 * A Vega expression choosing white or dark text for a tile, by how strong its fill is
 * (beyond 60% of the way to full colour, the fill is dark enough for white text).
 *
 * @example mapTextColourExpression({ sides: ['D','R'], measure: 'margin', units: [] })
 * // => "isValid(datum.value) && abs(datum.value) / 20 > 0.6 ? 'white' : '#222222'"
 */
export function mapTextColourExpression(input: MapInput): string {
  const clamp = input.clampMargin ?? 20;
  const strength = input.measure === 'margin' ? `abs(datum.value) / ${clamp}` : 'abs(datum.value - 0.5) * 2';
  return `isValid(datum.value) && ${strength} > 0.6 ? 'white' : '${THEME_COLOURS.text}'`;
}

/**
 * Legend title of a map per language and measure.
 * @example mapLegendTitle({ sides: ['D','R'], measure: 'margin', units: [] }) // => 'Margin D − R (pp)'
 */
export function mapLegendTitle(input: MapInput, locale: ChartLocale = 'en'): string {
  const [a, b] = input.sides;
  if (locale === 'fr') return input.measure === 'margin' ? `Écart ${a} − ${b} (points)` : `P(victoire ${a})`;
  return input.measure === 'margin' ? `Margin ${a} − ${b} (pp)` : `P(${a} wins)`;
}

/**
 * Legend of a map's colour scale: a horizontal gradient above the map, margins signed.
 * @example mapLegend({ sides: ['D','R'], measure: 'pWin', units: [] }).format // => '.0%'
 */
export function mapLegend(input: MapInput): Record<string, unknown> {
  return {
    orient: 'top',
    direction: 'horizontal',
    gradientLength: 320,
    titleOrient: 'left',
    format: input.measure === 'margin' ? 'd' : '.0%',
    ...(input.measure === 'margin' ? { labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label" } : {}),
  };
}

/**
 * The transforms every map's data takes: each unit's value as text (`label`) and the text colour that
 * reads on its fill (`textColour`).
 *
 * @example
 * mapLabelTransform({ sides: ['D', 'R'], measure: 'pWin', units: [] }).map((t) => t.as) // => ['label', 'textColour']
 */
export function mapLabelTransform(input: MapInput): { calculate: string; as: string }[] {
  return [
    { calculate: mapValueExpression(input), as: 'label' },
    { calculate: mapTextColourExpression(input), as: 'textColour' },
  ];
}

/**
 * A tile map's tiles: a rectangle per row (`x`…`x2`, `y`…`y2`) filled on the map's colour scale.
 *
 * @param mark the rectangle's mark (corner radius, stroke)
 * @param x the x channel of the grid; `y` its y channel
 * @example
 * tileRectLayer({ type: 'rect' }, x, y, input, options, tooltip).encoding.color.field // => 'value'
 */
export function tileRectLayer(mark: Record<string, unknown>, x: unknown, y: unknown, input: MapInput, options: BriefingChartOptions, tooltip: unknown[]) {
  const title = mapLegendTitle(input, options.locale);
  return {
    mark,
    encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' }, color: { field: 'value', type: 'quantitative', scale: mapColourScale(input, options), title, legend: mapLegend(input) }, tooltip },
  };
}

/**
 * A tile map's text: a field of each row at its tile's centre (`cx`) and the row's `yField`, in the colour
 * that reads on the tile.
 *
 * @example
 * tileTextEncoding('codeY', 'code').text // => { field: 'code' }
 */
export function tileTextEncoding(yField: string, textField: string, extra: { size?: unknown; tooltip?: unknown[] } = {}): Record<string, unknown> {
  return {
    x: { field: 'cx', type: 'quantitative' },
    y: { field: yField, type: 'quantitative' },
    text: { field: textField },
    ...(extra.size !== undefined ? { size: extra.size } : {}),
    color: { field: 'textColour', type: 'nominal', scale: null },
    ...(extra.tooltip !== undefined ? { tooltip: extra.tooltip } : {}),
  };
}

/**
 * The plot of a tile map: the rows with their labels, the tiles (`rect` their mark), then `layers` (the
 * codes, values and notes drawn over them).
 */
export function tilePlot(
  size: { width: number; height: number },
  rows: unknown[],
  input: MapInput,
  tiles: { rect: Record<string, unknown>; x: unknown; y: unknown; tooltip: unknown[] },
  options: BriefingChartOptions,
  layers: unknown[],
): Record<string, unknown> {
  return {
    width: size.width,
    height: size.height,
    data: { values: rows },
    transform: mapLabelTransform(input),
    layer: [tileRectLayer(tiles.rect, tiles.x, tiles.y, input, options, tiles.tooltip), ...layers],
  };
}
