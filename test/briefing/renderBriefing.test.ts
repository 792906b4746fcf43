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
import { assumptionRows, liveControls, parameterLabel, readerSource, renderBriefing } from '../../src/briefing/renderBriefing.js';
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

test('territoriesCsv names the campaign column for what it holds: net margin votes per side', async () => {
  const { summary } = await defaultRun();
  const [header, ...lines] = territoriesCsv(summary).trim().split('\n');
  assert.ok(header.endsWith(',"D_campaign_net_margin_votes","R_campaign_net_margin_votes"'), header);
  assert.equal(lines.length, summary.territories.length);
});
