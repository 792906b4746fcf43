import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import type { ResolvedScenario } from '../../src/model/resolvedScenario.js';
import { withExtraSupporters } from '../../src/analysis/listMarginalValue.js';
import { pairedGroupDifference, pairedWinDifference } from '../../src/analysis/pairedWinDifference.js';
import {
  groupDifferencesOnSharedDraws,
  supporterGroups,
  withAllGroupsAdded,
} from '../../src/analysis/listValueOnSharedDraws.js';
import { InputError } from '../../src/errors.js';

const SIMS = 6000;
const run = (s: ResolvedScenario) => simulate(prepareModel(s), { simulations: SIMS, seed: 5, keep: { margins: true, outcome: true, weightA: true } });

test('groupDifferencesOnSharedDraws equals one full variant run per territory, draw for draw (PA, WI, ME with its districts, CA)', async () => {
  const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const groups = supporterGroups(resolved, 'D', 300000, 'territory');
  assert.equal(groups.length, 51); // 50 states and DC: district units take their state's list
  const base = run(resolved);
  const rows = groupDifferencesOnSharedDraws(resolved, base, run(withAllGroupsAdded(resolved, 'D', groups)), groups, 'D');
  let changed = 0;
  for (const id of ['PA', 'WI', 'ME', 'NE', 'CA']) {
    const variant = run(withExtraSupporters(resolved, 'D', id, 300000));
    const full = pairedWinDifference(base, variant, 1);
    const row = rows.find((r) => r.id === id)!;
    assert.deepEqual([row.gained, row.lost], [full.gained, full.lost], id);
    assert.ok(Math.abs(row.deltaWeight - (variant.expectedWeight.D - base.expectedWeight.D)) < 1e-9, id);
    changed += full.gained + full.lost;
  }
  assert.ok(changed > 0, 'the comparison must involve draws that change');
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].deltaPWin >= rows[i].deltaPWin);
  for (const r of rows) assert.ok(r.low <= r.deltaPWin && r.deltaPWin <= r.high);
});

test('groupDifferencesOnSharedDraws for side R by region equals the full runs of each region', async () => {
  const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const groups = supporterGroups(resolved, 'R', 500000, 'region');
  assert.ok(groups.length >= 4);
  for (const g of groups) assert.ok(Math.abs(Object.values(g.extra).reduce((a, b) => a + b, 0) - 500000) < 1e-6);
  const base = run(resolved);
  const rows = groupDifferencesOnSharedDraws(resolved, base, run(withAllGroupsAdded(resolved, 'R', groups)), groups, 'R');
  for (const g of groups.slice(0, 3)) {
    const variant = run(withAllGroupsAdded(resolved, 'R', [g]));
    const full = pairedGroupDifference(base, variant, 'R');
    const row = rows.find((r) => r.id === g.id)!;
    assert.deepEqual([row.gained, row.lost, row.deltaPWin], [full.gained, full.lost, full.deltaPWin], g.id);
  }
});

test('pairedGroupDifference: 90 % interval of 4 paired draws, and ±3/n when no draw changes', () => {
  const result = (outcome: number[]) => ({ seed: 1, sides: ['D', 'R'], draws: { outcome: Int8Array.from(outcome) }, expectedWeight: { D: 0, R: 0 } }) as never;
  const d = pairedGroupDifference(result([1, 1, -1, -1]), result([1, 1, 1, -1]), 'D');
  assert.equal(d.deltaPWin, 0.25);
  assert.equal(d.standardError, 0.25); // sd of (0,0,1,0) = 0.5, / sqrt(4)
  assert.ok(Math.abs(d.low - (0.25 - 1.6448536269514722 * 0.25)) < 1e-12);
  const same = pairedGroupDifference(result([1, -1, 1, -1]), result([1, -1, 1, -1]), 'R');
  assert.deepEqual([same.deltaPWin, same.low, same.high], [0, -0.75, 0.75]);
});

test('groupDifferencesOnSharedDraws refuses a national-vote rule and runs without kept margins', async () => {
  const { resolved } = await prepareScenario('scenarios/france-2012.yaml', { cwd: process.cwd(), overrides: ['simulations=100'] });
  const groups = supporterGroups(resolved, 'PS', 1000, 'territory');
  const r = simulate(prepareModel(resolved), { simulations: 100, seed: 1, keep: { margins: true } });
  assert.throws(() => groupDifferencesOnSharedDraws(resolved, r, r, groups, 'PS'), InputError);
  assert.throws(() => supporterGroups(resolved, 'PS', 0, 'territory'), InputError);
});
