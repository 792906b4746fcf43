import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, FONT_FILES } from '../../src/render/fonts.js';
import { toSvg } from '../../src/render/toSvg.js';

const bars: TopLevelSpec = {
  title: 'Votes needed to flip each state',
  data: {
    values: [
      { state: 'Pennsylvania', votes: 40 },
      { state: 'Wisconsin', votes: 11 },
      { state: 'District of Columbia', votes: 3 },
    ],
  },
  mark: 'bar',
  encoding: {
    y: { field: 'state', type: 'nominal', title: 'State' },
    x: { field: 'votes', type: 'quantitative', title: 'Votes (thousands)' },
  },
};

test('toSvg renders a standalone SVG holding the title and labels in DejaVu Sans', async () => {
  const svg = await toSvg(bars);
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svg.includes('>Votes needed to flip each state</text>'));
  assert.ok(svg.includes('>District of Columbia</text>'));
  assert.ok(svg.includes(`font-family="${FONT_FAMILY}"`));
  assert.ok(!svg.includes('font-family="sans-serif"'));
});

test('toSvg lets the spec config win over the theme config', async () => {
  const svg = await toSvg({ ...bars, config: { title: { color: '#123456' } } }, { config: { title: { color: '#abcdef' } } });
  assert.ok(svg.includes('fill="#123456"'));
  assert.ok(!svg.includes('fill="#abcdef"'));
});

test('toSvg lays out long labels so no drawn text touches the edge of the picture', async () => {
  // resvg shapes the text itself with the same font, an independent measure of where the glyphs land.
  // Vega pads the chart by 5 pixels, so with a transparent background the outer 2-pixel frame of the
  // rendered picture stays empty unless some text ran past the width Vega allowed for it.
  const longLabels = {
    ...bars,
    title: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
    background: null,
    data: { values: [{ state: 'Wwwwwwwwwwwwwwwwwwwwwww wide label', votes: 5 }, { state: 'MMMMMMMM', votes: 7 }] },
    encoding: { ...bars.encoding, color: { field: 'state', type: 'nominal', title: 'A wide legend title WWWW' } },
  } as unknown as TopLevelSpec;
  const svg = await toSvg(longLabels);
  const image = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: FONT_FAMILY } }).render();
  const { width, height } = image;
  const pixels = image.pixels;
  const inked: string[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onFrame = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
      if (onFrame && pixels[4 * (y * width + x) + 3] !== 0) inked.push(`${x},${y}`);
    }
  }
  assert.ok(width > 300, `picture is ${width} wide`);
  assert.deepEqual(inked.slice(0, 5), [], `pixels drawn on the edge of a ${width}x${height} picture`);
});

test('toSvg rejects a spec Vega-Lite cannot compile', async () => {
  await assert.rejects(toSvg({} as unknown as TopLevelSpec), /Invalid specification/);
});
