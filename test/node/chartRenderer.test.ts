import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { chartDrawer, renderChartHere, startChartRenderer } from '../../src/node/chartRenderer.js';
import { toSvg } from '../../src/render/toSvg.js';
import { svgToPng } from '../../src/render/toPng.js';
import { InputError } from '../../src/errors.js';

const spec = (title: string): TopLevelSpec => ({
  title,
  data: { values: [{ state: 'PA', margin: -1.7 }, { state: 'WI', margin: -0.9 }, { state: 'MI', margin: -1.4 }] },
  mark: 'bar',
  encoding: { y: { field: 'state', type: 'nominal' }, x: { field: 'margin', type: 'quantitative', title: 'Margin (pp)' } },
});

test('the chart worker draws the bytes this thread draws: the SVG of toSvg and the PNG rasterised from it', async () => {
  const renderer = startChartRenderer();
  try {
    const [onWorker, here] = await Promise.all([renderer.render(spec('Closest states'), 2), renderChartHere(spec('Closest states'), 2)]);
    const svg = await toSvg(spec('Closest states'));
    assert.equal(onWorker.svg, svg);
    assert.equal(here.svg, svg);
    assert.deepEqual(Buffer.from(onWorker.png), Buffer.from(svgToPng(svg, 2)));
    assert.deepEqual(Buffer.from(here.png), Buffer.from(onWorker.png));
  } finally {
    await renderer.close();
  }
});

test('the chart worker draws a spec asked for twice once, and keeps each chart with its own spec when several are pending', async () => {
  const renderer = startChartRenderer();
  try {
    const titles = ['First', 'Second', 'Third'];
    const first = titles.map((t) => renderer.render(spec(t), 1));
    const again = renderer.render(spec('Second'), 1);
    assert.equal(again, first[1], 'the same promise: drawn once');
    assert.notEqual(renderer.render(spec('Second'), 2), first[1], 'another scale is another picture');
    const drawn = await Promise.all(first);
    for (const [i, t] of titles.entries()) assert.match(drawn[i].svg, new RegExp(`>${t}<`));
  } finally {
    await renderer.close();
  }
});

test('a chart the worker cannot draw rejects with the error this thread gives; the worker goes on drawing', async () => {
  const renderer = startChartRenderer();
  try {
    const bad = await renderer.render(spec('Scale'), 0).catch((e: unknown) => e);
    const here = await chartDrawer()(spec('Scale'), 0).catch((e: unknown) => e);
    assert.ok(bad instanceof InputError, `got ${String(bad)}`);
    assert.ok(here instanceof InputError);
    assert.equal(bad.message, here.message);
    assert.match((await renderer.render(spec('After'), 1)).svg, />After</);
  } finally {
    await renderer.close();
  }
  await assert.rejects(renderer.render(spec('Closed'), 1), /closed|exited/);
});
