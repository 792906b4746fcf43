import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../../src/errors.js';
import { svgToPng, svgToPngAsync, toPng } from '../../src/render/toPng.js';
import { toSvg } from '../../src/render/toSvg.js';

const spec: TopLevelSpec = {
  title: 'Turnout by year',
  data: { values: [{ year: 2016, turnout: 0.6 }, { year: 2020, turnout: 0.66 }] },
  mark: 'line',
  encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'turnout', type: 'quantitative' } },
};

/** PNG signature (PNG specification §5.2) and IHDR size (§11.2.2). */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
function size(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

test('toPng returns PNG bytes the size of the SVG times the scale', async () => {
  const svg = await toSvg(spec);
  const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
  const svgHeight = Number(/height="(\d+)"/.exec(svg)?.[1]);
  const png = await toPng(spec);
  assert.deepEqual([...png.subarray(0, 8)], SIGNATURE);
  assert.equal(String.fromCharCode(...png.subarray(12, 16)), 'IHDR');
  assert.deepEqual(size(png), { width: svgWidth, height: svgHeight });
  assert.ok(svgWidth > 100 && svgHeight > 100, `${svgWidth}x${svgHeight}`);
  const double = await toPng(spec, { scale: 2 });
  assert.deepEqual(size(double), { width: 2 * svgWidth, height: 2 * svgHeight });
  assert.ok(png.length > 2000, `${png.length} bytes`);
});

test('toPng is byte-identical from one run to the next (fonts come from the package, not the system)', async () => {
  const a = await toPng(spec, { scale: 2 });
  const b = await toPng(spec, { scale: 2 });
  assert.deepEqual(a, b);
});

test('toPng rejects a scale outside (0, 8] with an InputError', async () => {
  await assert.rejects(toPng(spec, { scale: 0 }), InputError);
  await assert.rejects(toPng(spec, { scale: Number.NaN }), /scale must be a number above 0 and at most 8, got NaN/);
});

test('svgToPng of the SVG toSvg made is the PNG toPng makes, byte for byte (a report renders each chart once)', async () => {
  const svg = await toSvg(spec);
  assert.deepEqual(svgToPng(svg, 2), await toPng(spec, { scale: 2 }));
  assert.deepEqual(svgToPng(svg), await toPng(spec));
  assert.deepEqual(await svgToPngAsync(svg, 2), svgToPng(svg, 2));
  await assert.rejects(svgToPngAsync(svg, 0), /scale must be a number above 0 and at most 8, got 0/);
  assert.throws(() => svgToPng(svg, 9), /scale must be a number above 0 and at most 8, got 9/);
});

test('svgToPng draws italic text in the oblique face (loaded only when the SVG asks for it)', () => {
  const text = (style: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-family="DejaVu Sans" font-size="16"${style}>Turnout</text></svg>`;
  const upright = svgToPng(text(''), 1);
  const italic = svgToPng(text(' font-style="italic"'), 1);
  assert.notDeepEqual(italic, upright);
});
