import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../../src/errors.js';
import { briefingPage, type BriefingInput } from '../../src/briefing/briefingPage.js';
import { briefingScripts } from '../../src/node/pageScripts.js';

const chart = (title: string) => ({ title, data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } }) as TopLevelSpec;

const input = (): BriefingInput => ({
  title: 'Florida 2000 <briefing>',
  subtitle: 'What a bigger list buys',
  headline: [{ label: 'P(D wins)', value: '48%', note: '100,000 simulations' }],
  charts: [{ title: 'EV', spec: chart('EV') }],
  assumptions: [{ key: 'channels.door.effect', value: '4.0 pp', source: 'Gerber & Green 2000 APSR 94(3)' }],
  scripts: briefingScripts(),
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
  assert.ok(html.includes('<li id="source-1">Gerber &amp; Green 2000 APSR 94(3)</li>'));
  assert.ok(html.includes('<a href="#source-1">[1]</a>'));
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

test('briefingPage cites each source once, numbered in order of first use', () => {
  const html = briefingPage({
    ...input(),
    assumptions: [
      { key: 'uncertainty.national', label: 'National error', value: '7 pp', source: 'Backtest 2004–2024' },
      { key: 'uncertainty.regional', value: '1.5 pp', source: 'Backtest 2004–2024' },
      { key: 'channels.door.effect', value: '4 pp', source: 'Gerber & Green 2000', confidence: 'M' },
    ],
  });
  assert.equal(html.match(/Backtest 2004–2024/g)?.length, 1);
  assert.deepEqual([...html.matchAll(/<a href="#source-(\d+)">/g)].map((m) => m[1]), ['1', '1', '2']);
  assert.ok(html.includes('<li id="source-2">Gerber &amp; Green 2000</li>'));
  assert.ok(html.includes('National error<br><code>uncertainty.national</code>'));
  assert.ok(html.includes('title="confidence: medium">M</span>'));
});

test('briefingPage puts live controls with their key paths, the figures and the engine in the page', () => {
  const html = briefingPage({
    ...input(),
    kicker: 'Florida 2000 · US 2000',
    scripts: { ...briefingScripts(), engine: 'self.onmessage = function () {}; // </script> inside the engine' },
    live: {
      inputs: { scenario: { name: 'x' } },
      controls: [{ key: 'campaigns.D.listSize', label: "D's list", min: 0, max: 6000000, step: 1000, value: 2000000, format: 'count' }],
      figures: [{ figure: 'pWin', label: 'P(D wins)', value: '48.0%', note: '± 0.3%' }],
      sides: ['D', 'R'],
      threshold: 270,
      note: 'Each change re-runs 10,000 simulated elections.',
    },
  });
  assert.match(html, /<input type="range" id="control-0" data-control="campaigns\.D\.listSize" data-format="count" data-initial="2000000" min="0" max="6000000" step="1000" value="2000000" aria-valuetext="2,000,000">/);
  assert.ok(html.includes('<output for="control-0" id="control-0-value">2,000,000</output>'));
  assert.ok(html.includes('<div class="figure-value" data-figure="pWin">48.0%</div>'));
  assert.ok(html.includes('<p class="kicker">Florida 2000 · US 2000</p>'));
  // The engine rides in a text/plain script whose content cannot close the element early.
  assert.ok(html.includes('<script type="text/plain" id="live-engine">self.onmessage = function () {}; // <\\/script> inside the engine</script>'));
  assert.ok(html.includes("worker-src blob:"));
});
