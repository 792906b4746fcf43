import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { briefingScripts } from '../../src/node/pageScripts.js';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { summarizeRun } from '../../src/sim/summarizeRun.js';
import { assumptionRows, listSizeCap, liveControls, parameterLabel, readerSource, renderBriefing } from '../../src/briefing/renderBriefing.js';
import { territoriesCsv } from '../../src/briefing/territoriesCsv.js';
import { buildReportCharts } from '../../src/briefing/reportCharts.js';
import { projectRoot } from '../cli/cliHarness.js';

async function defaultRun() {
  const prepared = await prepareScenario(join('scenarios', 'default.yaml'), { overrides: ['simulations=2000'], cwd: projectRoot });
  const summary = summarizeRun(simulate(prepareModel(prepared.resolved), { simulations: 2000, seed: prepared.resolved.seed }), prepared.resolved);
  return { prepared, summary, live: { scenario: prepared.scenario, results: prepared.results, parameters: loadParameters() } };
}

test('readerSource puts pointers to the package files in words', () => {
  assert.equal(readerSource("Ministère de l'Intérieur; see data/SOURCES.md"), "Ministère de l'Intérieur");
  assert.equal(readerSource('assumed delivery in data/parameters.json'), "Assumed delivery in the project's parameter table");
});

test('the data cite sources a reader can follow: no working notes, no source files, "no published source" said plainly', () => {
  const dir = new URL('../../data/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    assert.doesNotMatch(text, /facts\.md|DESIGN\.md|\.\.\/shared|\(src\/|no retrieved source/, file);
  }
  assert.match(readFileSync(new URL('parameters.json', dir), 'utf8'), /no published source found/);
});

test('parameterLabel puts key paths in words', () => {
  assert.equal(parameterLabel('campaigns.D.channels.door.effect'), 'Door knocking: turnout effect among people reached (pp)');
  assert.equal(parameterLabel('uncertainty.national'), 'National polling error, SD (pp of margin)');
});

test('the default report cites each source once, in words, with rows equal for both sides merged', async () => {
  const { summary } = await defaultRun();
  const rows = assumptionRows(summary);
  assert.ok(rows.some((r) => r.key === 'campaigns.{D,R}.churn'), 'churn is the same for both sides: one row');
  for (const r of rows) assert.doesNotMatch(r.source, /facts\.md|no retrieved source|src\//, `${r.key}: ${r.source}`);
  const html = renderBriefing({ summary, charts: buildReportCharts(summary), scripts: briefingScripts() });
  // The 120-word backtest note behind the four uncertainty defaults appears once.
  assert.equal(html.match(/Each US presidential election 2004-2024 forecast/g)?.length, 1);
  assert.doesNotMatch(html, /facts\.md/);
});

test('liveControls offers each side\'s list size and every active channel\'s coverage, by scenario key path', async () => {
  const { summary, live } = await defaultRun();
  const controls = liveControls(summary, live);
  const keys = controls.map((c) => c.key);
  assert.deepEqual(keys.slice(0, 2), ['campaigns.D.listSize', 'campaigns.R.listSize']);
  assert.ok(keys.includes('campaigns.D.channels.door.coverage') && keys.includes('campaigns.R.channels.relay.coverage'));
  const d = controls[0];
  assert.deepEqual([d.min, d.max, d.step, d.value], [0, 18_000_000, 1000, 6_000_000]);
  assert.equal(controls.find((c) => c.key === 'campaigns.D.channels.door.coverage')?.value, 0.2);
});

test('the list-size slider stops where a territory would hold more supporters than eligible voters (the cap a run refuses above)', async () => {
  const { summary, live } = await defaultRun();
  const scenario = summary.scenario;
  // The default list is spread like D's votes: its cap is the list size at which the first state fills up.
  const cap = listSizeCap(scenario, 'D');
  const held = scenario.territories.filter((t) => t.parent === undefined && t.eligible > 0 && (scenario.campaigns.D.allocation[t.id] ?? 0) > 0);
  assert.ok(held.length > 40);
  for (const t of held) assert.ok((cap * scenario.campaigns.D.allocation[t.id]) / scenario.campaigns.D.listSize <= t.eligible * (1 + 1e-12), t.id);
  assert.ok(held.some((t) => Math.abs((cap * scenario.campaigns.D.allocation[t.id]) / scenario.campaigns.D.listSize - t.eligible) < 1e-6 * t.eligible));
  // A list concentrated in one state: its slider ends at that state's eligible voters, not at three times today's list.
  const concentrated = structuredClone(summary);
  const wyoming = concentrated.scenario.territories.find((t) => t.id === 'WY')!;
  concentrated.scenario.campaigns.D.allocation = { WY: 100_000 };
  concentrated.scenario.campaigns.D.listSize = 100_000;
  const d = liveControls(concentrated, live).find((c) => c.key === 'campaigns.D.listSize')!;
  assert.ok(d.max <= wyoming.eligible && d.max > wyoming.eligible - d.step, `${d.max} against ${wyoming.eligible}`);
  assert.equal(listSizeCap({ territories: [{ id: 'A', eligible: 1000 }, { id: 'B', eligible: 0 }], campaigns: { D: { listSize: 100, allocation: { A: 50, B: 50 } } } }, 'D'), 2000);
});

test('territoriesCsv names the campaign column for what it holds: net margin votes per side', async () => {
  const { summary } = await defaultRun();
  const [header, ...lines] = territoriesCsv(summary).trim().split('\n');
  assert.ok(header.endsWith(',"D_campaign_net_margin_votes","R_campaign_net_margin_votes"'), header);
  assert.equal(lines.length, summary.territories.length);
});

test('a seats race says seats (histogram axis, card), shows two labelled figures on a card, and leaves uncontested units out of the closest territories', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { formatRunSummary } = await import('../../src/cli/formatRunSummary.js');
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-seats-words-'));
  try {
    // Nine contested seats (margins 2 to 30 votes in 1,000) and three uncontested: 0–0, and one side absent.
    const contested = Array.from({ length: 9 }, (_, i) => `C${i},Seat ${i},1,${500 + (i % 2 ? 1 : -1) * (1 + i)},${500 - (i % 2 ? 1 : -1) * (1 + i)}`);
    writeFileSync(join(dir, 'r.csv'), ['id,name,weight,A,B', ...contested, 'U0,Nobody voted,1,0,0', 'U1,Only A,1,700,0', 'U2,Only B,1,0,650', ''].join('\n'));
    writeFileSync(join(dir, 's.yaml'), 'name: seats words\nrace: { file: r.csv, format: table }\nrule: seats\nsides: [A, B]\nsimulations: 2000\nseed: 3\n');
    const prepared = await prepareScenario('s.yaml', { cwd: dir });
    const summary = summarizeRun(simulate(prepareModel(prepared.resolved), { simulations: 2000, seed: 3 }), prepared.resolved);
    const charts = buildReportCharts(summary);
    const histogram = JSON.stringify(charts.find((c) => c.name === 'weight-distribution')!.spec);
    assert.match(histogram, /"title":"Seats won by A"/);
    assert.doesNotMatch(histogram, /Electoral votes/);
    const margins = JSON.stringify(charts.find((c) => c.name === 'territory-margins')!.spec);
    for (const id of ['C0', 'C8']) assert.match(margins, new RegExp(`"id":"${id}"`));
    for (const id of ['U0', 'U1', 'U2']) assert.doesNotMatch(margins, new RegExp(`"id":"${id}"`), `${id} is uncontested`);
    const live = { scenario: prepared.scenario, results: prepared.results, parameters: loadParameters() };
    const html = renderBriefing({ summary, charts, scripts: briefingScripts(), live });
    const card = (figure: string) => html.match(new RegExp(`data-figure="${figure}"[^>]*>([^<]*)</div><div class="figure-label">([^<]*)<`))!.slice(1);
    // The cards without live controls say the same.
    const still = renderBriefing({ summary, charts, scripts: briefingScripts() });
    assert.match(still, /<div class="figure-value">A \d+\.\d · B \d+\.\d<\/div><div class="figure-label">Expected seats \(\d+ to win\)</);
    const [weight, weightLabel] = card('weight');
    assert.match(weight, /^A \d+\.\d · B \d+\.\d$/);
    assert.equal(weightLabel, `Expected seats (${summary.threshold} to win)`);
    assert.match(card('votes')[0], /^A [\d,]+ · B [\d,]+$/);
    const closest = formatRunSummary(summary).split('Closest territories')[1]!;
    assert.match(closest, /C0/);
    assert.doesNotMatch(closest, /U[012]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
