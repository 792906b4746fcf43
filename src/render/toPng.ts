/**
 * Server-side rendering of a Vega-Lite spec to PNG: SVG from {@link toSvg}, rasterised by resvg
 * (@resvg/resvg-js, a Rust SVG renderer with no native canvas or browser dependency).
 *
 * Node-only edge.
 */
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { toSvg, type ToSvgOptions } from './toSvg.js';

/** Options of {@link toPng}. */
export interface ToPngOptions extends ToSvgOptions {
  /** Pixels per CSS pixel of the chart, > 0 and at most 8. Default 1; 2 gives a sharp picture on high-density screens. */
  scale?: number;
}

/**
 * Renders a Vega-Lite spec to a PNG image. Fonts are loaded from the project's DejaVu Sans files only
 * (no system fonts), so the picture has readable text on a machine with no fonts configured and is
 * byte-identical across machines.
 *
 * @param spec a Vega-Lite 5 top-level spec
 * @param options `scale` (pixels per CSS pixel) and theme `config`, see {@link ToPngOptions}
 * @returns the PNG file bytes; the image is the SVG's size times `scale`, in pixels
 * @throws InputError when `scale` is not a number in (0, 8]
 * @throws Error when Vega-Lite cannot compile the spec
 * @example
 * const png = await toPng(spec, { scale: 2 }) // => Uint8Array [137, 80, 78, 71, 13, 10, 26, 10, …]
 */
export async function toPng(spec: TopLevelSpec, options: ToPngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 1;
  if (!(typeof scale === 'number' && scale > 0 && scale <= 8)) {
    throw new InputError({ at: 'toPng options.scale', expected: 'a number above 0 and at most 8', found: String(scale) });
  }
  const svg = await toSvg(spec, { config: options.config });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [...FONT_FILES],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
