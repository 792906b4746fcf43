import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { toHtml } from '../../src/render/toHtml.js';
import { vendorScript } from '../../src/render/htmlAssets.js';

const spec = {
  title: 'Votes </script><b>bold</b>',
  data: { values: [{ a: 1 }] },
  mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative' } },
} as TopLevelSpec;

test('toHtml inlines vega, vega-lite and vega-embed and loads nothing from the network', () => {
  const html = toHtml(spec);
  assert.ok(html.startsWith('<!doctype html>'));
  assert.ok(html.includes(vendorScript('vega').slice(0, 200)));
  assert.ok(html.includes(vendorScript('vega-lite').slice(0, 200)));
  assert.ok(html.includes(vendorScript('vega-embed').slice(0, 200)));
  assert.ok(!/<script[^>]+src=/i.test(html), 'no external script');
  assert.ok(!/<link[^>]+href=/i.test(html), 'no external stylesheet');
  assert.match(html, /Content-Security-Policy" content="default-src 'none';[^"]*connect-src 'none'/);
});

test('toHtml embeds the spec so that a title holding </script> cannot end the element', () => {
  const html = toHtml(spec);
  const json = /<script type="application\/json" id="chart-spec">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(json);
  assert.deepEqual(JSON.parse(json), spec);
  assert.ok(html.includes('<title>Votes &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;</title>'));
});

test('toHtml turns tooltips on and hides the links to the online editor', () => {
  const html = toHtml(spec);
  assert.ok(html.includes('"tooltip":{"theme":"light"}'));
  assert.ok(html.includes('"editor":false'));
});
