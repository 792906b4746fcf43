import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finishResult, simulate, simulateInto } from '../../src/sim/simulate.js';
import { emptyTotals } from '../../src/sim/blockTotals.js';
import { drawWorkspaceFor } from '../../src/sim/drawLoop.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { resultToJson } from '../../src/sim/resultToJson.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { baseScenario, normalCdf, parameters, resolveUs, syntheticResults, weightDistribution } from './raceFixtures.js';
import { allVotesShares, simulatedBias } from '../../src/analysis/tippingPoint.js';

test('simulate with territory-only errors matches the exact convolution over units (US 2020, SD 3 pp) within 4 SE', () => {
  const sd = 3;
  const resolved = resolveUs(2020, { uncertainty: { national: 0, regional: 0, territory: sd, tails: 5 } });
  const n = 40000;
  const result = simulate(prepareModel(resolved), { simulations: n, seed: 11 });
  const p = resolved.territories.map((t) => {
    const margin = (100 * (t.votes.D - t.votes.R)) / (t.votes.D + t.votes.R);
    return normalCdf(margin / sd);
  });
  const exact = weightDistribution(resolved.territories.map((t) => t.weight), p);
  const pWinExact = exact.slice(270).reduce((s, x) => s + x, 0);
  const pTieExact = exact[269];
  const se = (q: number) => Math.sqrt((q * (1 - q)) / n);
  assert.ok(Math.abs(result.pWin.D - pWinExact) < 4 * se(pWinExact) + 1e-9, `pWin ${result.pWin.D} vs exact ${pWinExact}`);
  assert.ok(Math.abs(result.pTie - pTieExact) < 4 * se(pTieExact) + 1 / n, `pTie ${result.pTie} vs exact ${pTieExact}`);
  // The weight distribution, compared through its cumulative distribution function at every weight.
  let checked = 0;
  let cdfExact = 0;
  let cdfMc = 0;
  exact.forEach((q, w) => {
    cdfExact += q;
    cdfMc += result.weightCounts[w] / n;
    // The 4-SE normal bound is meaningful where at least 10 draws are expected on each side of w.
    if (Math.min(n * cdfExact, n * (1 - cdfExact)) < 10) return;
    assert.ok(Math.abs(cdfMc - cdfExact) < 4 * se(cdfExact), `P(weight <= ${w}) MC ${cdfMc} vs exact ${cdfExact}`);
    if (q > 0.001) checked++;
  });
  assert.ok(checked > 10, 'the distribution has spread');
  // Unit P(win) agrees with Phi(margin / sd) too.
  resolved.territories.forEach((t, i) => {
    const mc = result.unitWinsA[i] / n;
    assert.ok(Math.abs(mc - p[i]) < 4 * se(p[i]) + 1 / n, `${t.id}: ${mc} vs ${p[i]}`);
  });
});

test('simulate with zero uncertainty and no campaigns reproduces the pledged electoral votes 2000-2024', () => {
  // Pledged totals from the certified results (National Archives): D-R.
  const pledged: Record<number, [number, number]> = {
    2000: [267, 271], 2004: [252, 286], 2008: [365, 173], 2012: [332, 206], 2016: [232, 306], 2020: [306, 232], 2024: [226, 312],
  };
  for (const [year, [d, r]] of Object.entries(pledged)) {
    const resolved = resolveUs(Number(year), { uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 }, simulations: 5 });
    const result = simulate(prepareModel(resolved), { simulations: 5, seed: 1 });
    assert.equal(result.expectedWeight.D, d, `${year} D`);
    assert.equal(result.expectedWeight.R, r, `${year} R`);
    assert.equal(result.pWin[d > r ? 'D' : 'R'], 1, `${year} winner`);
    assert.equal(result.pTie, 0);
  }
});

test('simulate with zero uncertainty flags the popular-vote splits of 2000 and 2016 only', () => {
  for (const year of [2000, 2004, 2008, 2012, 2016, 2020, 2024]) {
    const resolved = resolveUs(year, { uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 } });
    const result = simulate(prepareModel(resolved), { simulations: 3, seed: 1 });
    assert.equal(result.splits, year === 2000 || year === 2016 ? 3 : 0, String(year));
  }
});

test('simulate gives identical JSON for the same seed and different JSON for another seed', () => {
  const resolved = resolveUs(2016, {
    uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
    campaigns: { D: { listSize: 8e6, channels: { door: { coverage: 0.1 }, sms: {}, relay: {} } }, R: { listSize: 1.1e6 } },
  });
  const model = prepareModel(resolved);
  const a = JSON.stringify(resultToJson(simulate(model, { simulations: 9000, seed: 3 })));
  const b = JSON.stringify(resultToJson(simulate(prepareModel(resolved), { simulations: 9000, seed: 3 })));
  const c = JSON.stringify(resultToJson(simulate(model, { simulations: 9000, seed: 4 })));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('simulate over a block range equals the same blocks of a full run (kept draws line up)', () => {
  const resolved = resolveUs(2020, { uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 } });
  const model = prepareModel(resolved);
  const full = simulate(model, { simulations: 10000, seed: 5, keep: { outcome: true, nationalMargin: true } });
  const part = simulate(model, { simulations: 10000, seed: 5, blockStart: 1, blockEnd: 3, keep: { outcome: true, nationalMargin: true } });
  assert.equal(part.simulations, 10000 - 4096);
  assert.deepEqual(Array.from(part.draws!.outcome!), Array.from(full.draws!.outcome!.subarray(4096)));
  assert.deepEqual(Array.from(part.draws!.nationalMargin!), Array.from(full.draws!.nationalMargin!.subarray(4096)));
});

test('a model\'s reused workspace gives the same numbers whatever ran in it before, and a run split into simulateInto calls equals one run', () => {
  // Members almost all certain to vote: mobilisation can reach the floor, so many draws take the exact
  // path (checked below) and the rest the fast path; every per-draw state is exercised.
  const resolved = resolveUs(2016, {
    uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
    campaigns: { D: { listSize: 8e6, certainShare: 0.995, channels: { door: { coverage: 0.6 }, sms: {}, phone: {}, mail: {} } }, R: { listSize: 1.1e6, channels: { phone: {} } } },
  });
  const model = prepareModel(resolved);
  let exactDraws = 0;
  for (let b = 0; b < 3; b++) {
    simulate(model, { simulations: 9000, seed: 3, blockStart: b, blockEnd: b + 1 });
    exactDraws += drawWorkspaceFor(model).exactBatch.reduce((sum, x) => sum + x, 0);
  }
  assert.ok(exactDraws > 0 && exactDraws < 3 * 64, `exact-path draws in the blocks' last batches: ${exactDraws}`);
  const first = JSON.stringify(resultToJson(simulate(model, { simulations: 9000, seed: 3 })));
  simulate(model, { simulations: 20000, seed: 11, blockStart: 2, blockEnd: 5 });
  const again = JSON.stringify(resultToJson(simulate(model, { simulations: 9000, seed: 3 })));
  const fresh = JSON.stringify(resultToJson(simulate(prepareModel(resolved), { simulations: 9000, seed: 3 })));
  assert.equal(again, first);
  assert.equal(fresh, first);
  const running = emptyTotals(model);
  simulateInto(model, { simulations: 9000, seed: 3, blockStart: 0, blockEnd: 1 }, running);
  simulateInto(model, { simulations: 9000, seed: 3, blockStart: 1, blockEnd: 3 }, running);
  assert.equal(JSON.stringify(resultToJson(finishResult(model, 3, [running], []))), first);
});

test('swapping the sides mirrors every result exactly', () => {
  const campaigns = {
    D: { listSize: 6e6, channels: { email: {}, door: { coverage: 0.05 }, phone: {}, relay: {} }, volunteers: 0.01 },
    R: { listSize: 2e6, channels: { sms: {}, mail: { contacts: 3 } } },
  };
  const uncertainty = { national: 3, regional: 2, territory: 3, tails: 6 };
  const results = loadResults({ country: 'us', year: 2016 });
  const dr = resolveScenario(baseScenario({ year: 2016, uncertainty, campaigns, sides: ['D', 'R'] }), { results, parameters });
  const rd = resolveScenario(baseScenario({ year: 2016, uncertainty, campaigns, sides: ['R', 'D'] }), { results, parameters });
  const x = simulate(prepareModel(dr), { simulations: 6000, seed: 9, keep: { outcome: true, margins: true } });
  const y = simulate(prepareModel(rd), { simulations: 6000, seed: 9, keep: { outcome: true, margins: true } });
  assert.equal(x.pWin.D, y.pWin.D);
  assert.equal(x.pWin.R, y.pWin.R);
  assert.equal(x.pTie, y.pTie);
  assert.deepEqual(x.expectedWeight, y.expectedWeight);
  assert.deepEqual(Array.from(x.weightCounts), Array.from(y.weightCounts).reverse());
  assert.deepEqual(Array.from(x.tippingCounts), Array.from(y.tippingCounts));
  assert.deepEqual(Array.from(x.marginSum), Array.from(y.marginSum, (v) => -v));
  assert.deepEqual(Array.from(x.unitWinsA), Array.from(y.unitWinsA, (v) => 6000 - v));
  assert.deepEqual(Array.from(x.meanExtraVotes.D), Array.from(y.meanExtraVotes.D));
  assert.equal(x.popularWinsA, 6000 - y.popularWinsA);
  assert.deepEqual(Array.from(x.draws!.outcome!), Array.from(y.draws!.outcome!, (v) => (v === 0 ? 0 : -v)));
  assert.deepEqual(Array.from(x.draws!.margins!), Array.from(y.draws!.margins!, (v) => -v));
});

test('with common random numbers, growing one side\'s list never lowers its chance in any draw', () => {
  const results = loadResults({ country: 'us', year: 2016 });
  const uncertainty = { national: 3, regional: 2, territory: 3, tails: 6 };
  const run = (listSize: number) =>
    simulate(
      prepareModel(
        resolveScenario(
          baseScenario({
            year: 2016,
            uncertainty,
            campaigns: { D: { listSize, channels: { door: { coverage: 0.2 }, phone: {}, sms: {}, mail: {} } }, R: { listSize: 3e6, channels: { door: {} } } },
          }),
          { results, parameters },
        ),
      ),
      { simulations: 8000, seed: 21, keep: { outcome: true } },
    );
  let previous = run(0);
  for (const size of [1e5, 1e6, 5e6, 2e7]) {
    const next = run(size);
    assert.ok(next.pWin.D >= previous.pWin.D, `list ${size}: ${next.pWin.D} < ${previous.pWin.D}`);
    const a = previous.draws!.outcome!;
    const b = next.draws!.outcome!;
    for (let d = 0; d < a.length; d++) assert.ok(b[d] >= a[d], `draw ${d} got worse with list ${size}`);
    previous = next;
  }
  assert.ok(previous.pWin.D > run(0).pWin.D, 'a 20 M list with door, phone, SMS and mail moves P(win)');
});

test('simulate keeps per-draw arrays only when asked, and they agree with the accumulators', () => {
  const resolved = resolveUs(2012, { uncertainty: { national: 4, regional: 2, territory: 3, tails: 5 } });
  const model = prepareModel(resolved);
  const plain = simulate(model, { simulations: 5000, seed: 2 });
  assert.equal(plain.draws, undefined);
  const r = simulate(model, { simulations: 5000, seed: 2, keep: { weightA: true, outcome: true, margins: true } });
  let wins = 0;
  let weightSum = 0;
  for (let d = 0; d < 5000; d++) {
    if (r.draws!.outcome![d] === 1) wins++;
    weightSum += r.draws!.weightA![d];
    assert.equal(r.draws!.outcome![d], r.draws!.weightA![d] >= 270 ? 1 : r.draws!.weightA![d] === 269 && r.draws!.outcome![d] === 0 ? 0 : r.draws!.outcome![d]);
  }
  assert.equal(wins, r.winsA);
  assert.equal(weightSum / 5000, r.expectedWeight.D);
  assert.equal(r.winsA + r.winsB + r.ties, 5000);
  assert.equal(r.draws!.margins!.length, 5000 * model.units);
  assert.equal(plain.winsA, r.winsA);
});

test('tipping points: a one-unit decisive race always tips in that unit', () => {
  const results = syntheticResults([
    { id: 'A1', weight: 10, a: 900, b: 100 },
    { id: 'B1', weight: 10, a: 100, b: 900 },
    { id: 'S', weight: 1, a: 500, b: 500 },
  ]);
  const resolved = resolveScenario(baseScenario({ uncertainty: { national: 0, regional: 0, territory: 1, tails: 5 } }), { results, parameters });
  const r = simulate(prepareModel(resolved), { simulations: 3000, seed: 1 });
  assert.equal(r.threshold, 11);
  assert.equal(r.tippingCounts[2], 3000);
  assert.ok(Math.abs(r.pWin.D - 0.5) < 4 * Math.sqrt(0.25 / 3000));
});

test('simulate rejects a non-positive number of simulations', () => {
  const resolved = resolveUs(2020);
  assert.throws(() => simulate(prepareModel(resolved), { simulations: 0, seed: 1 }), /simulations must be a positive integer, got 0/);
});

test('popular-vote rule: zero uncertainty gives the popular-vote winner (Gore 2000, Clinton 2016)', () => {
  for (const year of [2000, 2016]) {
    const resolved = resolveUs(year, { rule: 'popular-vote', uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 } });
    const r = simulate(prepareModel(resolved), { simulations: 3, seed: 1 });
    assert.equal(r.pWin.D, 1, String(year));
    assert.equal(r.threshold, 1);
    assert.equal(r.weightCounts.length, 2);
  }
});

test('two-round rule on France 2012: zero uncertainty gives Hollande the runoff by the proclaimed margin', () => {
  const results = loadResults({ country: 'fr', year: 2012 });
  const resolved = resolveScenario(
    baseScenario({ country: 'fr', year: 2012, rule: 'two-round', sides: ['PS', 'UMP'], uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 } }),
    { results, parameters },
  );
  const r = simulate(prepareModel(resolved), { simulations: 2, seed: 1, keep: { nationalMargin: true } });
  assert.equal(r.pWin.PS, 1);
  // Conseil constitutionnel, 10 May 2012: Hollande 18,000,668, Sarkozy 16,860,685.
  const proclaimed = (100 * (18000668 - 16860685)) / (18000668 + 16860685);
  assert.ok(Math.abs(r.draws!.nationalMargin![0] - proclaimed) < 1e-4, String(r.draws!.nationalMargin![0]));
});

test('two-round rule with first-round transfers builds the runoff from round-1 votes', () => {
  const results = loadResults({ country: 'fr', year: 2012, round: 1 });
  const transfers = { FN: { UMP: 0.5, PS: 0.1 }, FG: { PS: 0.9 }, MODEM: { PS: 0.3, UMP: 0.4 } };
  const resolved = resolveScenario(
    baseScenario({ country: 'fr', year: 2012, round: 1, rule: 'two-round', sides: ['PS', 'UMP'], firstRound: { transfers } }),
    { results, parameters },
  );
  const ain = results.units.find((u) => u.id === '01') as unknown as { parties: Record<string, number> };
  const t = resolved.territories.find((u) => u.id === '01')!;
  const expectedPs = ain.parties.PS + 0.1 * ain.parties.FN + 0.9 * ain.parties.FG + 0.3 * ain.parties.MODEM;
  const expectedUmp = ain.parties.UMP + 0.5 * ain.parties.FN + 0.4 * ain.parties.MODEM;
  assert.ok(Math.abs(t.votes.PS - expectedPs) < 1e-6);
  assert.ok(Math.abs(t.votes.UMP - expectedUmp) < 1e-6);
  assert.throws(
    () => resolveScenario(baseScenario({ country: 'fr', year: 2012, rule: 'two-round', sides: ['PS', 'UMP'], firstRound: { transfers: { XYZ: { PS: 1 } } } }), { results, parameters }),
    /firstRound.transfers.XYZ must be a candidate of the first-round table/,
  );
  // Transfers from `other` use the votes table (finalists and other).
  const viaOther = resolveScenario(
    baseScenario({ country: 'fr', year: 2012, round: 1, rule: 'two-round', sides: ['PS', 'UMP'], firstRound: { transfers: { other: { PS: 0.4, UMP: 0.45 } } } }),
    { results, parameters },
  );
  const ainVotes = results.units.find((u) => u.id === '01')!.votes;
  assert.ok(Math.abs(viaOther.territories[0].votes.PS - (ainVotes.PS + 0.4 * ainVotes.other)) < 1e-6);
  assert.throws(
    () => resolveScenario(baseScenario({ country: 'fr', year: 2012, round: 1, rule: 'two-round', sides: ['PS', 'UMP'], firstRound: { transfers: { other: { PS: 0.4 }, FN: { UMP: 0.5 } } } }), { results, parameters }),
    /firstRound.transfers.FN must be a candidate of the first-round table \(PS, UMP, other\)/,
  );
});

test('seats rule: a majority of units wins, an even split is a tie', () => {
  const results = syntheticResults([
    { id: 'a', weight: 0, a: 60, b: 40 },
    { id: 'b', weight: 0, a: 40, b: 60 },
    { id: 'c', weight: 0, a: 70, b: 30 },
    { id: 'd', weight: 0, a: 30, b: 70 },
  ]);
  const resolved = resolveScenario(baseScenario({ rule: 'seats', uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 } }), { results, parameters });
  const r = simulate(prepareModel(resolved), { simulations: 4, seed: 1 });
  assert.equal(r.threshold, 3);
  assert.equal(r.pTie, 1);
  assert.equal(r.expectedWeight.D, 2);
});

test('tipping counts equal a brute-force sort of each draw\'s margins', () => {
  const resolved = resolveUs(2016, { uncertainty: { national: 4, regional: 2, territory: 3, tails: 5 } });
  const model = prepareModel(resolved);
  const n = 3000;
  const r = simulate(model, { simulations: n, seed: 8, keep: { margins: true, outcome: true } });
  const shares = allVotesShares(resolved, r.unitIds);
  const expected = new Array(model.units).fill(0);
  for (let d = 0; d < n; d++) {
    const outcome = r.draws!.outcome![d];
    if (outcome === 0) continue;
    const units = [...Array(model.units).keys()].filter((i) => resolved.territories[i].weight > 0);
    // Float32 kept margins may tie where the Float64 margins do not; sort by the winner's margin over all
    // votes cast (the two-party margin times the unit's two-party share of all votes), as published tables do.
    const m = (i: number) => outcome * r.draws!.margins![d * model.units + i] * shares.units[i];
    units.sort((x, y) => m(y) - m(x));
    let sum = 0;
    for (const u of units) {
      sum += resolved.territories[u].weight;
      if (sum >= 270) {
        expected[u]++;
        break;
      }
    }
  }
  assert.deepEqual(Array.from(r.tippingCounts), expected);
});

test('the run\'s electoral-college bias is simulatedBias of its kept draws on the all-votes basis', () => {
  const resolved = resolveUs(2016, { uncertainty: { national: 4, regional: 2, territory: 3, tails: 5 } });
  const r = simulate(prepareModel(resolved), { simulations: 3000, seed: 8, keep: { margins: true, nationalMargin: true } });
  const kept = simulatedBias(r, { allVotesShares: allVotesShares(resolved, r.unitIds) });
  assert.equal(r.electoralCollegeBias!.draws, kept.draws);
  // Kept margins are Float32: agreement to their precision.
  assert.ok(Math.abs(r.electoralCollegeBias!.meanPp - kept.meanPp) < 1e-4, `${r.electoralCollegeBias!.meanPp} vs ${kept.meanPp}`);
});

test('the national error has the requested SD: kept national margins spread by national SD alone', () => {
  const resolved = resolveUs(2020, { uncertainty: { national: 4, regional: 0, territory: 0, tails: 6 } });
  const n = 40000;
  const r = simulate(prepareModel(resolved), { simulations: n, seed: 12, keep: { nationalMargin: true } });
  const x = Array.from(r.draws!.nationalMargin!);
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  // The national two-party margin moves by exactly the national error when it is the only term.
  assert.ok(Math.abs(sd - 4) < 0.08, String(sd));
});

test('memory does not grow with simulations: accumulator sizes are the same for 5,000 and 50,000 draws', () => {
  const model = prepareModel(resolveUs(2020, { uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 } }));
  const small = simulate(model, { simulations: 5000, seed: 1 });
  const large = simulate(model, { simulations: 50000, seed: 1 });
  const sizes = (r: typeof small) => [r.weightCounts, r.unitWinsA, r.marginSum, r.marginSumSq, r.tippingCounts, r.meanExtraVotes.D].map((a) => a.length);
  assert.deepEqual(sizes(small), sizes(large));
  assert.equal(JSON.stringify(resultToJson(small)).length < 20000, true);
});

test('equal lists, identical allocation and channels on both sides give exactly the no-campaign result, draw for draw', () => {
  const results = loadResults({ country: 'us', year: 2016 });
  const uncertainty = { national: 3, regional: 2, territory: 3, tails: 6 };
  // The same supporter counts in every state for both sides, every channel on whose effect does not
  // depend on the side (e-mail's prior reaches below zero). Relay and friends' contacts lean as each
  // territory does, so there identical campaigns do not cancel: checked at the end.
  const counts = Object.fromEntries(results.units.filter((u) => u.parent === undefined).map((u) => [u.id, Math.round(u.total * 0.05)]));
  const channels = { email: {}, sms: {}, phone: {}, door: { coverage: 0.2 }, mail: {} };
  const campaign = { allocation: { counts }, volunteers: 0.02, channels };
  const run = (campaigns: object) =>
    simulate(prepareModel(resolveScenario(baseScenario({ year: 2016, uncertainty, campaigns: campaigns as never }), { results, parameters })), {
      simulations: 5000,
      seed: 17,
      keep: { margins: true, outcome: true, nationalMargin: true },
    });
  const none = run({});
  const both = run({ D: campaign, R: campaign });
  assert.deepEqual(Array.from(both.draws!.margins!), Array.from(none.draws!.margins!));
  assert.deepEqual(Array.from(both.draws!.outcome!), Array.from(none.draws!.outcome!));
  assert.deepEqual(Array.from(both.draws!.nationalMargin!), Array.from(none.draws!.nationalMargin!));
  assert.deepEqual(Array.from(both.weightCounts), Array.from(none.weightCounts));
  assert.deepEqual(Array.from(both.tippingCounts), Array.from(none.tippingCounts));
  // The campaigns did something: each side's own effects are large, and equal.
  assert.ok(both.effects.D.total > 10000, String(both.effects.D.total));
  assert.deepEqual(both.effects.D, both.effects.R);
  assert.ok(both.effects.D.turnout > 0);
  // One side alone moves the margins.
  const one = run({ D: campaign });
  assert.notDeepEqual(Array.from(one.draws!.margins!), Array.from(none.draws!.margins!));
  // With relays and the social message, identical lists help each side more where it is strong: in
  // 2016 D carried fewer states by wider margins, and the net votes differ.
  const networked = { ...campaign, channels: { ...channels, social: {}, relay: {} } };
  const relays = run({ D: networked, R: networked });
  assert.ok(relays.effects.D.relay > 0 && relays.effects.R.relay > 0);
  assert.notEqual(relays.effects.D.relay, relays.effects.R.relay);
});

test('per-source effects add up to the per-territory extra votes', () => {
  const results = loadResults({ country: 'us', year: 2016 });
  const resolved = resolveScenario(
    baseScenario({
      year: 2016,
      uncertainty: { national: 3, regional: 2, territory: 3, tails: 6 },
      campaigns: { D: { listSize: 5e6, volunteers: 0.02, channels: { email: {}, door: {}, social: {}, relay: {} } }, R: { listSize: 2e6, channels: { phone: {}, relay: {} } } },
    }),
    { results, parameters },
  );
  const result = simulate(prepareModel(resolved), { simulations: 3000, seed: 5 });
  for (const side of ['D', 'R']) {
    const e = result.effects[side];
    const perUnit = Array.from(result.meanExtraVotes[side]).reduce((s, x) => s + x, 0);
    assert.ok(Math.abs(e.total - perUnit) < 1e-6 * Math.abs(perUnit), `${side}: ${e.total} vs ${perUnit}`);
    assert.ok(Math.abs(e.turnout + e.persuasion + e.relay + e.indirect - e.total) < 1e-9 * Math.abs(e.total));
  }
  assert.ok(result.effects.D.indirect > 0 && result.effects.R.indirect === 0);
});

test('per-territory error SDs: territory-only errors with mixed SDs match the exact convolution within 4 SE', () => {
  const resolved = resolveUs(2020, { uncertainty: { national: 0, regional: 0, territory: 3, tails: 5 } });
  const sds = [1.5, 3, 5, 8];
  resolved.territories.forEach((t, i) => (t.territorySD = sds[i % sds.length]));
  const n = 40000;
  const result = simulate(prepareModel(resolved), { simulations: n, seed: 23 });
  const p = resolved.territories.map((t) => normalCdf((100 * (t.votes.D - t.votes.R)) / (t.votes.D + t.votes.R) / t.territorySD!));
  const exact = weightDistribution(resolved.territories.map((t) => t.weight), p);
  const se = (q: number) => Math.sqrt((q * (1 - q)) / n);
  const pWinExact = exact.slice(270).reduce((s, x) => s + x, 0);
  assert.ok(Math.abs(result.pWin.D - pWinExact) < 4 * se(pWinExact) + 1e-9, `pWin ${result.pWin.D} vs exact ${pWinExact}`);
  let cdfExact = 0;
  let cdfMc = 0;
  exact.forEach((q, w) => {
    cdfExact += q;
    cdfMc += result.weightCounts[w] / n;
    if (Math.min(n * cdfExact, n * (1 - cdfExact)) < 10) return;
    assert.ok(Math.abs(cdfMc - cdfExact) < 4 * se(cdfExact), `P(weight <= ${w}) MC ${cdfMc} vs exact ${cdfExact}`);
  });
  resolved.territories.forEach((t, i) => {
    const mc = result.unitWinsA[i] / n;
    assert.ok(Math.abs(mc - p[i]) < 4 * se(p[i]) + 1 / n, `${t.id}: ${mc} vs ${p[i]}`);
    const sd = Math.sqrt(result.marginSumSq[i] / n - (result.marginSum[i] / n) ** 2);
    assert.ok(Math.abs(sd - t.territorySD!) < 0.05 * t.territorySD!, `${t.id}: SD ${sd} vs ${t.territorySD}`);
  });
  // A negative SD is bad input.
  resolved.territories[0].territorySD = -1;
  assert.throws(() => prepareModel(resolved), /territorySD/);
});

test('tippingPoints: false leaves every other total unchanged, to the bit, and the tipping counts at 0', () => {
  const resolved = resolveUs(2016, { uncertainty: { national: 4, regional: 2, territory: 3, tails: 5 } });
  const n = 9000;
  const withTipping = simulate(prepareModel(resolved), { simulations: n, seed: 21 });
  const without = simulate(prepareModel(resolved, { tippingPoints: false }), { simulations: n, seed: 21 });
  assert.ok(withTipping.tippingCounts.some((x) => x > 0));
  assert.ok(without.tippingCounts.every((x) => x === 0));
  const rest = (r: typeof without) => JSON.stringify({ ...resultToJson(r), tippingCounts: undefined, electoralCollegeBias: undefined });
  assert.equal(rest(without), rest(withTipping));
});
