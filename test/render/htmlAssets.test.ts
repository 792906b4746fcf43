import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OFFLINE_CSP, htmlEscape, jsonForScript } from '../../src/briefing/html.js';
import { vendorScript, vendorScriptTags } from '../../src/render/htmlAssets.js';

test('htmlEscape and jsonForScript escape what could break out of HTML', () => {
  assert.equal(htmlEscape(`<a & "b" 'c'>`), '&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;');
  assert.equal(jsonForScript({ a: '</script>&' }), '{"a":"\\u003c/script\\u003e\\u0026"}');
  assert.deepEqual(JSON.parse(jsonForScript({ a: '</script>&\u2028' })), { a: '</script>&\u2028' });
});

test('vendorScript reads the minified browser builds of vega 5, vega-lite 5 and vega-embed 6', () => {
  const vega = vendorScript('vega');
  assert.equal(vega, readFileSync(new URL('../../node_modules/vega/build/vega.min.js', import.meta.url), 'utf8'));
  assert.ok(vendorScript('vega-lite').length > 100000);
  assert.ok(vendorScript('vega-embed').includes('vegaEmbed'));
  const tags = vendorScriptTags();
  assert.ok(tags.indexOf('data-library="vega"') < tags.indexOf('data-library="vega-lite"'));
  assert.ok(tags.indexOf('data-library="vega-lite"') < tags.indexOf('data-library="vega-embed"'));
});

test('OFFLINE_CSP allows no source of network requests', () => {
  assert.match(OFFLINE_CSP, /default-src 'none'/);
  assert.match(OFFLINE_CSP, /connect-src 'none'/);
  assert.ok(!/https?:/.test(OFFLINE_CSP));
});
