/**
 * A scenario's `horizon` chooses its error model (issue 21, Build 8): replay → the eve-of-election
 * error, days → the poll record's error that many days out, none → the no-poll error, unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { horizonUncertainty } from '../../src/scenario/horizon.js';
import { InputError } from '../../src/errors.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { baseScenario, parameters } from '../sim/raceFixtures.js';
import { projectRoot, runMain } from '../cli/cliHarness.js';
import type { Scenario } from '../../src/scenario/types.js';

const results = loadResults({ country: 'us', year: 2020 });
const resolve = (overrides: Partial<Scenario>) => resolveScenario(baseScenario({ uncertainty: {}, ...overrides }), { results, parameters, file: 'scenarios/a.yaml' });
const calibration = JSON.parse(readFileSync(join(projectRoot, 'data', 'poll-error-calibration.json'), 'utf8'));
const all = calibration.fits.find((f: { id: string }) => f.id === 'all');
const record = JSON.parse(readFileSync(join(projectRoot, 'data', 'horizon-error.json'), 'utf8'));

test('replay takes the eve-of-election error: the fit `all` national and regional SDs, its state term at 5 polls', () => {
  const u = resolve({ horizon: 'replay' }).uncertainty;
  assert.equal(u.national, all.national); // 1.1773
  assert.equal(u.regional, all.regional); // 1.4477
  assert.equal(u.tails, all.tails); // normal
  const state = Math.sqrt(all.stateBase ** 2 + all.statePerPoll ** 2 / (1 + 5));
  assert.ok(Math.abs(u.territory - state) < 0.001, `${u.territory} vs ${state}`); // 3.104
  assert.equal(u.basis?.basis, 'eve');
  assert.match(u.basis!.reason, /eve-of-election error .*5 polls in the final 21 days/);
});

test('100 days out takes the 100-day row; between rows the SDs are interpolated linearly in days', () => {
  const u = resolve({ horizon: 100 }).uncertainty;
  assert.equal(u.national, 1.779);
  assert.equal(u.territory, 7.108); // no state polls 100 days out (median): √(1.206² + 7.0054²)
  assert.equal(u.regional, all.regional);
  assert.equal(u.basis?.basis, 'days');
  const mid = horizonUncertainty(75, parameters);
  assert.ok(Math.abs(mid.national - (1.47 + 1.779) / 2) < 1e-4, String(mid.national));
  assert.ok(Math.abs(mid.territory - (5.098 + 7.108) / 2) < 1e-4, String(mid.territory));
  assert.match(mid.reason, /interpolated between the 50- and 100-day rows/);
  assert.equal(horizonUncertainty(0, parameters).national, 1.113);
});

test('no horizon, or one past the record, keeps the no-poll error exactly', () => {
  for (const horizon of [undefined, 101, 1460]) {
    const u = resolve(horizon === undefined ? {} : { horizon }).uncertainty;
    assert.deepEqual(
      { national: u.national, regional: u.regional, territory: u.territory, tails: u.tails },
      { national: 7, regional: 1.5, territory: 2, tails: 5 },
    );
    assert.equal(u.basis?.basis, 'no-poll');
  }
});

test('an uncertainty key set in the scenario wins over the horizon, and the reason says so', () => {
  const u = resolve({ horizon: 'replay', uncertainty: { national: 3 } }).uncertainty;
  assert.equal(u.national, 3);
  assert.equal(u.regional, all.regional);
  assert.deepEqual(u.basis?.setInScenario, ['national']);
  assert.match(u.basis!.reason, /set in the scenario, winning over it: uncertainty\.national 3/);
});

test('the horizon table in data/parameters.json is the derivation record data/horizon-error.json', () => {
  const table = parameters.uncertaintyHorizon;
  assert.deepEqual(
    { national: table.eve.national, regional: table.eve.regional, territory: table.eve.territory, statePolls: table.eve.statePolls },
    { national: record.eve.national, regional: record.eve.regional, territory: record.eve.territory, statePolls: record.eve.statePolls },
  );
  assert.deepEqual(
    table.points.map((p) => [p.days, p.national, p.territory, p.statePolls]),
    record.points.map((p: { days: number; national: number; territory: number; statePolls: number }) => [p.days, p.national, p.territory, p.statePolls]),
  );
});

test('a horizon beside a poll baseline is refused: exit 2, naming the key', async () => {
  const r = await runMain(['run', 'scenarios/us-2016-pre-election.yaml', '--sims', '100', '--set', 'horizon=replay'], { cwd: projectRoot });
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'campaign-lab: scenarios/us-2016-pre-election.yaml: horizon must be absent with a poll baseline (baseline.polls brings the error of its own forecast day), got "replay"\n');
});

for (const [value, found] of [['-3', '-3'], ['soon', '"soon"'], ['2.5', '2.5']] as const) {
  test(`run refuses horizon ${value}: exit 2, the key, what was expected`, async () => {
    const r = await runMain(['run', 'scenarios/default.yaml', '--sims', '100', '--set', `horizon=${value}`], { cwd: projectRoot });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `campaign-lab: scenarios/default.yaml: horizon (set by --set) must be an integer from 0 to 36500 or "replay", got ${found}\n`);
    assert.equal(r.stdout, '');
  });
}

test('run says which error it used and why, in the text and the JSON', async () => {
  const text = await runMain(['run', 'scenarios/default.yaml', '--sims', '200', '--set', 'horizon=replay'], { cwd: projectRoot });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /\nError model: eve-of-election error \(horizon: replay/);
  const json = await runMain(['run', 'scenarios/default.yaml', '--sims', '200', '--json'], { cwd: projectRoot });
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.scenario.uncertainty.basis.basis, 'no-poll');
  assert.equal(doc.scenario.uncertainty.basis.horizon, 1460);
  assert.equal(doc.scenario.uncertainty.national, 7);
});

test('a multi-candidate race takes the horizon too: Canada 2011 with horizon replay runs on the eve-of-election SDs', async () => {
  const r = await runMain(['run', 'scenarios/canada-2011.yaml', '--sims', '200', '--set', 'horizon=replay', '--json'], { cwd: projectRoot });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.uncertainty, { scale: 'log-ratio', national: all.national, regional: all.regional, unit: 3.104, tails: all.tails });
  assert.match(doc.citations['uncertainty.national'].source, /fit `all` of data\/poll-error-calibration\.json/);
});
