/**
 * Server-side rendering of a Vega-Lite spec to an SVG document, without a browser or a canvas.
 *
 * Node-only edge: charts stay plain Vega-Lite specs; this file turns them into pictures.
 */
import * as vega from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, textWidth } from './fonts.js';

/** Options of {@link toSvg}. */
export interface ToSvgOptions {
  /**
   * Extra Vega-Lite config (a theme) applied under the spec's own `config`: the spec wins where both
   * set a key. The font defaults to {@link FONT_FAMILY} either way.
   */
  config?: Config;
}

/** The part of a Vega scenegraph text item that width measurement reads. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: string | number;
}

/** Vega's text measurement hook (exported by vega-scenegraph, not typed by vega-typings). */
interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let metricsInstalled = false;

/**
 * Makes Vega measure text with DejaVu Sans advance widths instead of its canvas-less estimate
 * (0.8 × font size per character), so label limits, axis offsets and legends fit the text the PNG shows.
 * The width is the raw width of the line; Vega applies its own `limit` truncation on top of it.
 */
function installFontMetrics(): void {
  if (metricsInstalled) return;
  const metrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const fontSize = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const line = text == null ? '' : String(text).trim();
    if (fontSize <= 0 || line === '') return 0;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    return textWidth(line, { fontSize, bold });
  };
  metricsInstalled = true;
}

/**
 * Renders a Vega-Lite spec to a standalone SVG document: Vega-Lite compiles it to Vega, a headless
 * Vega View (renderer `none`) runs the dataflow, and the View serialises its scenegraph.
 * Text is laid out with DejaVu Sans metrics and set in that family, the one font {@link toPng} loads.
 *
 * @param spec a Vega-Lite 5 top-level spec with inline data (or data Vega can load from Node)
 * @param options theme config, see {@link ToSvgOptions}
 * @returns the SVG document as a string, sizes in CSS pixels
 * @throws Error when Vega-Lite cannot compile the spec or the Vega dataflow fails
 * @example
 * await toSvg({ title: 'Votes', data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } })
 * // => '<svg xmlns="http://www.w3.org/2000/svg" ... >…<text …>Votes</text>…</svg>'
 */
export async function toSvg(spec: TopLevelSpec, options: ToSvgOptions = {}): Promise<string> {
  installFontMetrics();
  const config: Config = { font: FONT_FAMILY, ...options.config, ...spec.config };
  const vegaSpec = compile({ ...spec, config } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
