import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/node/loadScenario.js';
import { resolveLoadedScenario } from '../../src/node/prepareScenario.js';
import { InputError } from '../../src/errors.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { summarizeRun } from '../../src/sim/summarizeRun.js';

const root = new URL('../../', import.meta.url).pathname;

test('us-2016-pre-election.yaml stands on the 2016 polls as of 7 Nov 2016 and the 2012 result, with no hindsight', async () => {
  const scenario = await loadScenario(join(root, 'scenarios', 'us-2016-pre-election.yaml'));
  const forecast = scenario.baseline!.polls!.forecast!;
  assert.equal(forecast.asOf, '2016-11-07');
  assert.equal(forecast.electionDay, '2016-11-08');
  assert.ok(forecast.latestPoll! <= '2016-11-07');
  // The error model saw no 2016 result, nor did the fundamentals prior.
  assert.deepEqual(forecast.errorModel, { id: 'without-2016', years: [2000, 2004, 2008, 2012] });
  assert.equal(forecast.fundamentals!.model, 'time-for-change (Abramowitz), fitted on 1948–2012');
  assert.ok(forecast.fundamentals!.margin < 0 && forecast.fundamentals!.shift < 0 && forecast.fundamentals!.weight < 0.5);
  assert.ok(Math.abs(forecast.national.margin - (forecast.fundamentals!.pollsMargin + forecast.fundamentals!.shift)) < 1e-9);
  const { resolved } = resolveLoadedScenario(scenario, 'us-2016-pre-election.yaml');
  assert.equal(resolved.year, 2012);
  assert.equal(resolved.territories.length, 56);
  assert.match(resolved.baseline!.description!, /^2012 result, polls as of 2016-11-07 \(1,747 polls, us-president-2016-polls\.csv\) with the time-for-change fundamentals \(1\.2 pp toward R\) for the election of 2016-11-08$/);
  // Every territory is centred on the polls and carries its own SD; the error terms come from the record.
  for (const t of resolved.territories) assert.ok(t.territorySD !== undefined && t.territorySD > 0, t.id);
  assert.equal(resolved.uncertainty.national, forecast.uncertainty.national);
  assert.match(resolved.citations['uncertainty.national'].source, /FiveThirtyEight's raw polls 2000, 2004, 2008, 2012/);
  // The forecast rides in the scenario as plain JSON that passes the schema (the briefing page re-runs it).
  assert.doesNotThrow(() => validateScenario(JSON.parse(JSON.stringify(scenario)), 'page'));
});

test('us-2016-pre-election.yaml: P(the popular-vote winner loses the electoral college) about 16 %, beside FiveThirtyEight\'s 10 %', async () => {
  const { resolved } = resolveLoadedScenario(await loadScenario(join(root, 'scenarios', 'us-2016-pre-election.yaml')), 'x');
  const summary = summarizeRun(simulate(prepareModel(resolved), { simulations: 40_000, seed: 1106 }), resolved);
  assert.ok(summary.pSplit > 0.12 && summary.pSplit < 0.2, `P(split) ${summary.pSplit}`);
  assert.ok(summary.pWin.D > 0.75 && summary.pWin.D < 0.88, `P(D) ${summary.pWin.D}`);
});

test('baseline.polls.fundamentals: false gives the polls alone; inputs replace the table\'s; inputs for a race file are bad input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-fund-'));
  const polls = join(root, 'data', 'polls', 'us-president-2016-polls.csv');
  const write = (name: string, block: string, race = 'country: us\nyear: 2012') => {
    writeFileSync(join(dir, name), `name: x\n${race}\nrule: electoral-college\nsides: [D, R]\nsimulations: 10\nseed: 1\nbaseline:\n  polls: ${block}\n`);
    return join(dir, name);
  };
  const blended = (await loadScenario(write('on.yaml', `{ file: ${polls}, asOf: 2016-11-07 }`))).baseline!.polls!.forecast!;
  const alone = (await loadScenario(write('off.yaml', `{ file: ${polls}, asOf: 2016-11-07, fundamentals: false }`))).baseline!.polls!.forecast!;
  assert.equal(alone.fundamentals, undefined);
  assert.ok(Math.abs(alone.national.margin - blended.fundamentals!.pollsMargin) < 1e-9);
  assert.ok(Math.abs(blended.territories.PA.margin - alone.territories.PA.margin - blended.fundamentals!.shift) < 1e-9);
  // A strong economy and a popular president in June: the prior moves toward the Democrat instead.
  const given = (await loadScenario(write('in.yaml', `{ file: ${polls}, asOf: 2016-11-07, fundamentals: { incumbentParty: D, firstTerm: false, juneNetApproval: 30, q2GdpGrowth: 5 } }`))).baseline!.polls!.forecast!;
  assert.ok(given.fundamentals!.margin > 5 && given.fundamentals!.shift > 0, JSON.stringify(given.fundamentals));
  writeFileSync(join(dir, 'race.csv'), 'id,name,weight,D,R\nA,A,1,60,40\nB,B,1,40,60\n');
  writeFileSync(join(dir, 'p.csv'), 'unit,date,sampleSize,D,R\nA,2026-10-01,800,50,44\n');
  await assert.rejects(
    loadScenario(write('race.yaml', '{ file: p.csv, election: 2026-11-03, fundamentals: { incumbentParty: R, firstTerm: true, juneNetApproval: 0, q2GdpGrowth: 2 } }', 'race: { file: race.csv }')),
    (e: unknown) => e instanceof InputError && /baseline\.polls\.fundamentals must be true or false outside the bundled US presidential races/.test(e.message),
  );
  // A race file gets no prior by default.
  assert.equal((await loadScenario(write('race2.yaml', '{ file: p.csv, election: 2026-11-03 }', 'race: { file: race.csv }'))).baseline!.polls!.forecast!.fundamentals, undefined);
});

test('baseline.polls: asOf moves the information day; a later asOf, an unknown date or no election day is bad input naming the key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-polls-'));
  const polls = join(root, 'data', 'polls', 'us-president-2016-polls.csv');
  const write = (name: string, block: string, race = 'country: us\nyear: 2012') => {
    writeFileSync(join(dir, name), `name: x\n${race}\nrule: electoral-college\nsides: [D, R]\nsimulations: 10\nseed: 1\nbaseline:\n  polls: ${block}\n`);
    return join(dir, name);
  };
  const october = await loadScenario(write('oct.yaml', `{ file: ${polls}, asOf: 2016-10-01 }`));
  assert.equal(october.baseline!.polls!.forecast!.asOf, '2016-10-01');
  assert.ok(october.baseline!.polls!.forecast!.latestPoll! <= '2016-10-01');
  assert.equal(october.baseline!.polls!.forecast!.daysToElection, 38);
  const cases: [string, string, RegExp][] = [
    ['late.yaml', `{ file: ${polls}, asOf: 2016-12-01 }`, /baseline\.polls\.asOf must be a day on or before the election \(2016-11-08\)/],
    ['bad.yaml', `{ file: ${polls}, asOf: 2016-02-30 }`, /baseline\.polls\.asOf must be a date YYYY-MM-DD that exists/],
    ['early.yaml', `{ file: ${polls}, asOf: 2015-01-01 }`, /baseline\.polls\.asOf must be a day on or after the first poll/],
  ];
  for (const [name, block, pattern] of cases) {
    await assert.rejects(loadScenario(write(name, block)), (e: unknown) => e instanceof InputError && pattern.test(e.message), name);
  }
  writeFileSync(join(dir, 'race.csv'), 'id,name,weight,D,R\nA,A,1,60,40\nB,B,1,40,60\n');
  writeFileSync(join(dir, 'p.csv'), 'unit,date,sampleSize,D,R\nA,2026-10-01,800,50,44\n');
  await assert.rejects(loadScenario(write('race.yaml', '{ file: p.csv }', 'race: { file: race.csv }')), (e: unknown) => e instanceof InputError && /baseline\.polls\.election must be the election day/.test(e.message));
  const own = await loadScenario(write('race2.yaml', '{ file: p.csv, election: 2026-11-03 }', 'race: { file: race.csv }'));
  assert.equal(own.baseline!.polls!.forecast!.territories.A.polls, 1);
});
