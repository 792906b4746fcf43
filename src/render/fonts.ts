/**
 * The one font every chart is drawn with, shipped as an npm dependency so that SVG layout and PNG
 * rasterisation agree and PNGs come out identical on every machine, whatever fonts the OS has.
 *
 * The files come from the `dejavu-fonts-ttf` package (DejaVu fonts 2.37, https://dejavu-fonts.github.io/,
 * Bitstream Vera derived licence). Text widths are read from the font's own tables (TrueType `head`,
 * `hhea`, `hmtx` and `cmap` format 4, as specified in the OpenType specification,
 * https://learn.microsoft.com/en-us/typography/opentype/spec/), so Vega can lay out labels without a
 * canvas and without guessing.
 *
 * Node-only: reads files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** Font family name that chart specs must use (`config.font`) so SVG and PNG agree. */
export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);

/**
 * Absolute paths of the DejaVu Sans files (regular, bold, oblique, bold oblique) loaded into the rasteriser:
 * the copies `npm run build` puts in dist/vendor/fonts/ (scripts/copyAssets.mjs), else the
 * `dejavu-fonts-ttf` package (running from src/).
 */
export const FONT_FILES: readonly string[] = Object.freeze(
  ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((file) => {
    const built = fileURLToPath(new URL(`../vendor/fonts/${file}`, import.meta.url));
    return existsSync(built) ? built : require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  }),
);

/** Horizontal metrics of one font file: advance width per character, in font units. */
interface FontMetrics {
  unitsPerEm: number;
  advanceOf(codePoint: number): number;
}

/** Reads `head`, `hhea`, `hmtx` and the Windows Unicode BMP `cmap` (format 4) subtable of a TrueType file. */
function readMetrics(path: string): FontMetrics {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const tableCount = view.getUint16(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    tables.set(bytes.toString('latin1', record, record + 4), view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path}: font table ${tag} must be present, got nothing`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(metricCount);
  for (let g = 0; g < metricCount; g++) advances[g] = view.getUint16(hmtx + 4 * g);

  const cmap = table('cmap');
  let subtable = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && view.getUint16(offset) === 4) {
      subtable = offset;
      break;
    }
  }
  if (subtable < 0) throw new Error(`${path}: cmap must hold a format 4 Unicode subtable, got none`);
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;

  const glyphOf = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (view.getUint16(ends + 2 * s) < code) continue;
      const start = view.getUint16(starts + 2 * s);
      if (start > code) return 0;
      const delta = view.getInt16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advanceOf(code) {
      let advance = cache.get(code);
      if (advance === undefined) {
        const glyph = code > 0xffff ? 0 : glyphOf(code);
        advance = advances[Math.min(glyph, metricCount - 1)];
        cache.set(code, advance);
      }
      return advance;
    },
  };
}

let regular: FontMetrics | undefined;
let bold: FontMetrics | undefined;

/**
 * Width of a line of text set in DejaVu Sans, from the font's advance widths (no kerning, which in
 * DejaVu only narrows text, so the result never undershoots what the rasteriser draws).
 *
 * @param text the line of text; characters the font lacks count as its missing-glyph box
 * @param options.fontSize font size in pixels (default 11, Vega's default)
 * @param options.bold true for the bold face (Vega font weights `bold` or 600 and above)
 * @returns width in pixels
 * @example textWidth('Hello', { fontSize: 10 }) // => 25.3466796875 (advances 1540+1260+569+569+1253 of 2048 units)
 */
export function textWidth(text: string, options: { fontSize?: number; bold?: boolean } = {}): number {
  const metrics = options.bold ? (bold ??= readMetrics(FONT_FILES[1])) : (regular ??= readMetrics(FONT_FILES[0]));
  let units = 0;
  for (const char of text) units += metrics.advanceOf(char.codePointAt(0) ?? 0);
  return (units / metrics.unitsPerEm) * (options.fontSize ?? 11);
}
