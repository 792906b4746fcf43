import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vega from 'vega';
import { InputError } from '../../src/errors.js';
import { briefingConfig, frameChart, NUMBER_LOCALES, partyColour, sideColours, wrapText, CHART_FONT } from '../../src/charts/theme.js';
import { toSvg } from '../../src/render/toSvg.js';

const NNBSP = '\u202f';

/** d3-format's formatLocale as vega re-exports it (its typings say void; it returns the locale). */
const formatLocale = vega.formatLocale as unknown as (definition: object) => { format(specifier: string): (n: number) => string };

test('NUMBER_LOCALES.fr formats with a decimal comma, narrow no-break space thousands and a spaced percent sign', () => {
  const fr = formatLocale(NUMBER_LOCALES.fr);
  assert.equal(fr.format(',.1f')(12345.6), `12${NNBSP}345,6`);
  assert.equal(fr.format('.0%')(0.52), `52${NNBSP}%`);
  assert.equal(fr.format(',d')(18000668), `18${NNBSP}000${NNBSP}668`);
  assert.equal(fr.format('.1%')(0.5164), `51,6${NNBSP}%`);
});

test('NUMBER_LOCALES.en formats with a decimal point, comma thousands and an unspaced percent sign', () => {
  const en = formatLocale(NUMBER_LOCALES.en);
  assert.equal(en.format(',.1f')(12345.6), '12,345.6');
  assert.equal(en.format('.0%')(0.52), '52%');
  assert.equal(en.format(',d')(18000668), '18,000,668');
});

test('a French chart renders its axis labels in French number format', async () => {
  const spec = frameChart(
    { data: { values: [{ v: 0.25 }, { v: 0.75 }] }, mark: 'point', encoding: { x: { field: 'v', type: 'quantitative', axis: { format: '.0%', values: [0.25, 0.75] } } } },
    { title: 'Essai', sources: ['source'], locale: 'fr' },
    { chart: 'test', footerWidth: 300 },
  );
  const svg = await toSvg(spec);
  assert.ok(svg.includes(`25${NNBSP}%`), 'French percent with a narrow no-break space');
  assert.ok(svg.includes('Source\u00a0: source'), 'French source prefix');
});

test('briefingConfig sets the DejaVu Sans font and projector-size type', () => {
  const config = briefingConfig();
  assert.equal(config.font, 'DejaVu Sans');
  assert.equal(CHART_FONT, 'DejaVu Sans');
  assert.ok((config.axis?.labelFontSize as number) >= 12);
  assert.ok((config.title?.fontSize as number) >= 20);
});

test('frameChart puts title, subtitle and a source line on the chart', () => {
  const spec = frameChart({ mark: 'point' }, { title: 'T', subtitle: 'S', sources: ['A 2020', 'B 2021'] }, { chart: 'x', footerWidth: 600 }) as unknown as {
    title: { text: string; subtitle: string };
    vconcat: [unknown, { data: { values: { line: string }[] } }];
  };
  assert.equal(spec.title.text, 'T');
  assert.equal(spec.title.subtitle, 'S');
  assert.deepEqual(spec.vconcat[1].data.values.map((v) => v.line), ['Source: A 2020; B 2021']);
});

test('frameChart refuses a chart without a source or a title', () => {
  assert.throws(() => frameChart({}, { title: 'T', sources: [] }, { chart: 'x', footerWidth: 600 }), InputError);
  assert.throws(() => frameChart({}, { title: ' ', sources: ['a'] }, { chart: 'x', footerWidth: 600 }), InputError);
});

test('wrapText breaks a long source line by words within the limit', () => {
  assert.deepEqual(wrapText('aaa bbb ccc ddd', 7), ['aaa bbb', 'ccc ddd']);
  assert.deepEqual(wrapText('one', 2), ['one']);
});

test('partyColour and sideColours give party colours, the Okabe–Ito set, overrides, and keep sides apart', () => {
  assert.equal(partyColour('D', { palette: 'colourblind' }), '#0072B2');
  assert.equal(partyColour('R', { palette: 'colourblind' }), '#D55E00');
  assert.equal(partyColour('PS', { partyColours: { PS: '#ff0000' } }), '#ff0000');
  const [a, b] = sideColours(['UMP', 'D'], { palette: 'colourblind' });
  assert.notEqual(a.toLowerCase(), b.toLowerCase());
});
