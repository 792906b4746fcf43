import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { summarizeRun } from '../../src/sim/summarizeRun.js';
import { liveBlocks, liveFigures, liveMapSpec, livePart, liveRun, settingsApplied } from '../../src/browser/liveRun.js';
import { InputError } from '../../src/errors.js';
import { projectRoot } from '../cli/cliHarness.js';

const FILE = join('scenarios', 'default.yaml');

async function inputs() {
  const prepared = await prepareScenario(FILE, { overrides: ['simulations=6000'], cwd: projectRoot });
  return { scenario: prepared.scenario, results: prepared.results, parameters: loadParameters() };
}

test('liveRun(inputs, settings) gives the figures of the same scenario loaded with --set overrides, to the bit', async () => {
  const live = await inputs();
  const progress: number[] = [];
  const figures = liveRun(live, { 'campaigns.D.listSize': 7_654_000, 'campaigns.R.channels.door.coverage': 0.33 }, (done) => progress.push(done));
  const prepared = await prepareScenario(FILE, { overrides: ['simulations=6000', 'campaigns.D.listSize=7654000', 'campaigns.R.channels.door.coverage=0.33'], cwd: projectRoot });
  const summary = summarizeRun(simulate(prepareModel(prepared.resolved), { simulations: 6000, seed: prepared.resolved.seed }), prepared.resolved);
  assert.deepEqual(figures.pWin, summary.pWin);
  assert.deepEqual(figures.expectedWeight, summary.expectedWeight);
  assert.equal(figures.pTie, summary.pTie);
  assert.deepEqual(figures.territories.map((t) => t.pWin), summary.territories.map((t) => t.pWin.D));
  // One progress report per block of 4,096 draws, ending at the total.
  assert.deepEqual(progress, [4096, 6000]);
});

test('liveRun with no settings is the scenario itself', async () => {
  const live = await inputs();
  const prepared = await prepareScenario(FILE, { overrides: ['simulations=6000'], cwd: projectRoot });
  const summary = summarizeRun(simulate(prepareModel(prepared.resolved), { simulations: 6000, seed: prepared.resolved.seed }), prepared.resolved);
  assert.deepEqual(liveRun(live, {}).pWin, summary.pWin);
});

test('two engines sharing a run by blocks give the figures of one engine, to the bit', async () => {
  const live = await inputs();
  const settings = { 'campaigns.D.listSize': 5_000_000, simulations: 4096 * 3 + 10 };
  const progress: [number, number][] = [];
  const blocks = [0, 1].flatMap((index) => liveBlocks(live, settings, index, 2, (done, total) => progress.push([done, total])));
  assert.deepEqual(liveFigures(live, settings, blocks), liveRun(live, settings));
  // 4 blocks, 2 each; progress counts each engine's own draws, of the run's.
  assert.deepEqual(progress, [[4096, 12298], [8192, 12298], [4096, 12298], [4106, 12298]]);
});

test('livePart splits the blocks in consecutive parts, engine 0 never the larger', () => {
  assert.deepEqual([0, 1].map((k) => livePart(50_000, k, 2)), [{ blockStart: 0, blockEnd: 6 }, { blockStart: 6, blockEnd: 13 }]);
  assert.deepEqual([0, 1].map((k) => livePart(4096, k, 2)), [{ blockStart: 0, blockEnd: 0 }, { blockStart: 0, blockEnd: 1 }]);
  assert.deepEqual([0, 1, 2].map((k) => livePart(20_000, k, 3)), [{ blockStart: 0, blockEnd: 1 }, { blockStart: 1, blockEnd: 3 }, { blockStart: 3, blockEnd: 5 }]);
});

test('settingsApplied rejects a value the scenario schema rejects, naming the key', async () => {
  const live = await inputs();
  assert.throws(() => settingsApplied(live.scenario, { 'campaigns.D.listSize': -5 }), (error: unknown) => error instanceof InputError && /campaigns\.D\.listSize/.test(error.message));
});

test('liveMapSpec draws the run on the US tile map', async () => {
  const figures = liveRun(await inputs(), { 'campaigns.D.listSize': 1_000_000 });
  const spec = liveMapSpec(figures, { kind: 'us', options: { title: 'Where D wins', sources: ['test'] } }) as { usermeta?: { chart?: string } };
  assert.equal(spec.usermeta?.chart, 'usTileMap');
});

test('liveRun moves the national swing and runs your own race file exactly as the command line does', async () => {
  for (const [file, settings] of [
    [join('scenarios', 'us-2016-pre-election.yaml'), { 'baseline.swing': -2.3 }],
    [join('scenarios', 'pennsylvania-2024-counties.yaml'), { 'baseline.swing': 1.7, 'campaigns.D.listSize': 500_000 }],
  ] as [string, Record<string, number>][]) {
    const base = await prepareScenario(file, { overrides: ['simulations=5000'], cwd: projectRoot });
    const { loadedRace } = await import('../../src/scenario/parseScenarioText.js');
    const raceFormat = loadedRace(base.scenario)?.format;
    // Through JSON, as the page carries it: the race file's results travel in `results`.
    const live = JSON.parse(JSON.stringify({ scenario: base.scenario, results: base.results, parameters: loadParameters(), ...(raceFormat ? { raceFormat } : {}) }));
    const figures = liveRun(live, settings);
    const overrides = ['simulations=5000', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)];
    const prepared = await prepareScenario(file, { overrides, cwd: projectRoot });
    const summary = summarizeRun(simulate(prepareModel(prepared.resolved), { simulations: 5000, seed: prepared.resolved.seed }), prepared.resolved);
    assert.deepEqual(figures.pWin, summary.pWin, file);
    assert.deepEqual(figures.territories.map((t) => t.meanMargin), summary.territories.map((t) => t.meanMargin), file);
  }
});
