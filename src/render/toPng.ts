/**
 * Server-side rendering of a Vega-Lite spec to PNG: SVG from {@link toSvg}, rasterised by resvg
 * (@resvg/resvg-js, a Rust SVG renderer with no native canvas or browser dependency).
 *
 * Node-only edge.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { toSvg, type ToSvgOptions } from './toSvg.js';

/** Options of {@link toPng}. */
export interface ToPngOptions extends ToSvgOptions {
  /** Pixels per CSS pixel of the chart, > 0 and at most 8. Default 1; 2 gives a sharp picture on high-density screens. */
  scale?: number;
}

/** Longest side of a PNG, pixels, and most pixels in all: a chart past these is drawn smaller. */
const MAX_PNG_SIDE = 8000;
const MAX_PNG_PIXELS = 40_000_000;

/**
 * The zoom that keeps a picture of the SVG's size within {@link MAX_PNG_SIDE} and
 * {@link MAX_PNG_PIXELS} (at most `scale`), so an oversized chart costs bounded memory.
 *
 * @example
 * boundedZoom('<svg width="20000" height="100">', 2) // => 0.4
 */
function boundedZoom(svg: string, scale: number): number {
  const head = /<svg\b[^>]*>/.exec(svg.slice(0, 4096))?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(head)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(head)?.[1]);
  if (!(width > 0 && height > 0)) return scale;
  return Math.min(scale, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
}

/**
 * The font files a picture needs: DejaVu Sans regular and bold always, the oblique faces only when the
 * SVG sets an italic or oblique font style. resvg-js 2.6 reads its font files anew for each picture (it
 * takes paths, not a shared font database), so loading two files instead of four halves that part of each
 * chart's cost; the picture is the same, since a face the text does not use is never chosen.
 *
 * @example
 * fontFilesFor('<svg><text>a</text></svg>').length // => 2
 */
function fontFilesFor(svg: string): string[] {
  return /font-style="(italic|oblique)"|font-style:\s*(italic|oblique)/.test(svg) ? [...FONT_FILES] : FONT_FILES.slice(0, 2);
}

/**
 * Rasterises an SVG document (as {@link toSvg} makes it) to PNG with resvg, in the project's DejaVu Sans
 * only (no system fonts), so the picture is byte-identical across machines. A caller that also keeps the
 * SVG (the report of `run --out`) renders the chart once and passes its SVG here.
 *
 * @param svg an SVG document, sizes in CSS pixels
 * @param scale pixels per CSS pixel, in (0, 8]; the picture is drawn smaller when it would exceed 8,000 px
 *   a side or 40 million pixels
 * @returns the PNG file bytes
 * @throws InputError when `scale` is not a number in (0, 8]
 * @example
 * svgToPng(await toSvg(spec), 2) // => Uint8Array [137, 80, 78, 71, 13, 10, 26, 10, …]
 */
export function svgToPng(svg: string, scale = 1): Uint8Array {
  const png = new Resvg(svg, resvgOptions(svg, scale)).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * {@link svgToPng} off the main thread (resvg's `renderAsync`, on libuv's thread pool): the same bytes,
 * while the caller goes on (the report lays out its next chart with Vega meanwhile).
 *
 * @param svg an SVG document, sizes in CSS pixels
 * @param scale pixels per CSS pixel, in (0, 8]
 * @returns the PNG file bytes
 * @throws InputError when `scale` is not a number in (0, 8]
 * @example
 * await svgToPngAsync(await toSvg(spec), 2) // => the bytes of svgToPng(…, 2)
 */
export async function svgToPngAsync(svg: string, scale = 1): Promise<Uint8Array> {
  const png = (await renderAsync(svg, resvgOptions(svg, scale))).asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** resvg's options for a picture of `svg` at `scale`; throws InputError for a scale outside (0, 8]. */
function resvgOptions(svg: string, scale: number): ResvgRenderOptions {
  if (!(typeof scale === 'number' && scale > 0 && scale <= 8)) {
    throw new InputError({ at: 'toPng options.scale', expected: 'a number above 0 and at most 8', found: String(scale) });
  }
  return {
    fitTo: { mode: 'zoom', value: boundedZoom(svg, scale) },
    font: { loadSystemFonts: false, fontFiles: fontFilesFor(svg), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  };
}

/**
 * Renders a Vega-Lite spec to a PNG image: {@link toSvg}, then {@link svgToPng}. Fonts are loaded from the
 * project's DejaVu Sans files only (no system fonts), so the picture has readable text on a machine with
 * no fonts configured and is byte-identical across machines.
 *
 * @param spec a Vega-Lite 5 top-level spec
 * @param options `scale` (pixels per CSS pixel) and theme `config`, see {@link ToPngOptions}
 * @returns the PNG file bytes; the image is the SVG's size times `scale`, in pixels, drawn smaller
 *   when that would exceed 8,000 px a side or 40 million pixels
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
  return svgToPng(await toSvg(spec, { config: options.config }), scale);
}
