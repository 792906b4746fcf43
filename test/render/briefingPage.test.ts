import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../../src/errors.js';
import { briefingPage, type BriefingInput } from '../../src/render/briefingPage.js';

const chart = (title: string) => ({ title, data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } }) as TopLevelSpec;

const input = (): BriefingInput => ({
  title: 'Florida 2000 <briefing>',
  subtitle: 'What a bigger list buys',
  headline: [{ label: 'P(D wins)', value: '48%', note: '100,000 simulations' }],
  charts: [{ title: 'EV', spec: chart('EV') }],
  assumptions: [{ key: 'channels.door.effect', value: '4.0 pp', source: 'Gerber & Green 2000 APSR 94(3)' }],
  sweep: {
    label: 'Democratic list size',
    initial: 1,
    steps: [
      { value: 1000000, headline: [{ label: 'P(D wins)', value: '45%' }], specs: [chart('one')] },
      { value: 2000000, headline: [{ label: 'P(D wins)', value: '48%' }], specs: [chart('two')] },
    ],
  },
});

function pageData(html: string) {
  const json = /<script type="application\/json" id="briefing-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(json);
  return JSON.parse(json) as { charts: TopLevelSpec[]; sweep: { initial: number; steps: { display: string; headline: { value: string }[] }[] } };
}

test('briefingPage places headline figures, charts, the assumptions table with citations, escaped', () => {
  const html = briefingPage(input());
  assert.ok(html.includes('<h1>Florida 2000 &lt;briefing&gt;</h1>'));
  assert.ok(html.includes('<div class="figure-value">48%</div>'));
  assert.ok(html.includes('<td>Gerber &amp; Green 2000 APSR 94(3)</td>'));
  assert.ok(html.includes('id="chart-0"'));
  assert.deepEqual(pageData(html).charts, [chart('EV')]);
});

test('briefingPage embeds every sweep step and starts the slider on the initial step', () => {
  const html = briefingPage(input());
  const data = pageData(html);
  assert.equal(data.sweep.steps.length, 2);
  assert.deepEqual(data.sweep.steps.map((s) => s.display), ['1,000,000', '2,000,000']);
  assert.match(html, /<input type="range" id="sweep-slider" min="0" max="1" step="1" value="1"/);
  assert.ok(html.includes('<output id="sweep-value" for="sweep-slider">2,000,000</output>'));
});

test('briefingPage formats numbers in French with narrow no-break spaces', () => {
  const page = briefingPage({ ...input(), locale: 'fr' });
  assert.deepEqual(pageData(page).sweep.steps.map((s) => s.display), ['1\u202f000\u202f000', '2\u202f000\u202f000']);
  assert.ok(page.includes('<html lang="fr">'));
});

test('briefingPage rejects an assumption without a source and steps with unequal chart counts', () => {
  assert.throws(() => briefingPage({ ...input(), assumptions: [{ key: 'x', value: 1, source: '' }] }), InputError);
  const bad = input();
  bad.sweep!.steps[1].specs = [];
  assert.throws(() => briefingPage(bad), /sweep\.steps\[1\]\.specs must be 1 specs like the first step/);
});
