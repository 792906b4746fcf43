import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { chartBundle, describeChart, displayChart, tableBundle, VEGALITE_MIME } from '../../src/render/display.js';
import { InputError } from '../../src/errors.js';
import { findJupyterPython } from '../../scripts/notebook/env.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const spec: TopLevelSpec = {
  title: 'Win probability',
  data: { values: [{ side: 'D', p: 0.4 }, { side: 'R', p: 0.6 }] },
  mark: 'bar',
  encoding: { x: { field: 'side', type: 'nominal' }, y: { field: 'p', type: 'quantitative' } },
};

test('describeChart names the title and the mark, or the composition', () => {
  assert.equal(describeChart(spec), 'Vega-Lite chart: Win probability (bar)');
  assert.equal(describeChart({ ...spec, title: { text: ['Two', 'lines'] }, mark: { type: 'line' } } as TopLevelSpec), 'Vega-Lite chart: Two lines (line)');
  assert.equal(describeChart({ layer: [] } as unknown as TopLevelSpec), 'Vega-Lite chart: (layer)');
});

test('chartBundle carries the spec as an object, a PNG in base64 and one text line', async () => {
  const bundle = await chartBundle(spec, { text: 'Two bars\nof win probability' });
  assert.deepEqual(Object.keys(bundle.data).sort(), [VEGALITE_MIME, 'image/png', 'text/plain'].sort());
  assert.equal(VEGALITE_MIME, 'application/vnd.vegalite.v5+json');
  assert.equal(bundle.data[VEGALITE_MIME], spec);
  assert.equal(bundle.data['text/plain'], 'Two bars of win probability');
  const png = Buffer.from(bundle.data['image/png'], 'base64');
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  // Default scale 2: the picture is twice the display size recorded in the metadata.
  assert.equal(png.readUInt32BE(16), 2 * bundle.metadata['image/png'].width);
  assert.equal(png.readUInt32BE(20), 2 * bundle.metadata['image/png'].height);
});

test('displayChart outside a tslab kernel says to use chartBundle instead', async () => {
  await assert.rejects(displayChart(spec), /needs a running tslab notebook kernel.*chartBundle/);
});

test('displayChart in a tslab notebook publishes ONE output holding all three MIME types', async (t) => {
  if (!findJupyterPython()) {
    t.skip('Jupyter (nbclient) is not installed: run node scripts/setup.mjs');
    return;
  }
  assert.ok(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js is missing: run npm run build first');
  const outDir = mkdtempSync(join(tmpdir(), 'display-bundle-'));
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'run-notebooks.mjs'), '--out-dir', outDir, join(root, 'test', 'fixtures', 'notebooks', 'display-bundle.ipynb')],
    { encoding: 'utf8', cwd: root },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const notebook = JSON.parse(readFileSync(join(outDir, 'display-bundle.ipynb'), 'utf8'));
  const outputs = notebook.cells[1].outputs as { output_type: string; data?: Record<string, unknown> }[];
  const displays = outputs.filter((o) => o.output_type === 'display_data');
  assert.equal(displays.length, 1, JSON.stringify(outputs).slice(0, 500));
  const data = displays[0].data ?? {};
  assert.deepEqual(Object.keys(data).sort(), [VEGALITE_MIME, 'image/png', 'text/plain'].sort());
  const vegaLite = data[VEGALITE_MIME] as { title?: string; mark?: string };
  assert.equal(typeof vegaLite, 'object', 'the spec is stored as a JSON object, not a string');
  assert.equal(vegaLite.title, 'Fixture chart');
  assert.equal(vegaLite.mark, 'bar');
  const png = Buffer.from(String(data['image/png']).replace(/\n/g, ''), 'base64');
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  const text = Array.isArray(data['text/plain']) ? data['text/plain'].join('') : data['text/plain'];
  assert.equal(text, 'fixture chart');
});

test('tableBundle gives an HTML table and an aligned text table, numbers right-aligned, text escaped', () => {
  const bundle = tableBundle([
    { state: 'Wisconsin', margin: -0.8, note: '<close>' },
    { state: 'PA', margin: 12.25 },
  ]);
  assert.deepEqual(Object.keys(bundle.data).sort(), ['text/html', 'text/plain']);
  assert.equal(bundle.data['text/plain'], ['state      margin  note', 'Wisconsin    -0.8  <close>', 'PA          12.25'].join('\n'));
  const html = bundle.data['text/html'];
  assert.ok(html.startsWith('<table class="campaign-lab-table"><thead><tr><th style="text-align:left">state</th><th style="text-align:right">margin</th>'));
  assert.ok(html.includes('<td style="text-align:left">&lt;close&gt;</td>'));
  assert.equal((html.match(/<tr>/g) ?? []).length, 3);
});

test('tableBundle keeps the columns asked for, in order, and rejects rows that are not objects', () => {
  const bundle = tableBundle([{ a: 1, b: 2 }], { columns: ['b', 'a'], caption: 'Two columns' });
  assert.equal(bundle.data['text/plain'], 'Two columns\nb  a\n2  1');
  assert.ok(bundle.data['text/html'].includes('<caption style="text-align:left">Two columns</caption>'));
  assert.throws(() => tableBundle([1 as unknown as Record<string, number>]), InputError);
});
