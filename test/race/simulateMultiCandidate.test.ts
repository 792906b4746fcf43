import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorFunction } from 'simple-statistics';
import { simulateMultiCandidate } from '../../src/race/simulateMultiCandidate.js';
import { type MultiCandidateUncertainty } from '../../src/race/multiCandidateDraw.js';
import { buildTableRace } from '../../src/race/tableRace.js';
import { keepParties } from '../../src/race/keepParties.js';
import { legislativeRoundOne } from '../../src/race/twoRoundLegislative.js';
import { loadTableRace, loadPresidentialRace, loadLegislativeRace, loadTransferPrior } from '../../src/node/data/loadMultiCandidateRace.js';
import { InputError } from '../../src/errors.js';

const zero: MultiCandidateUncertainty = { national: 0, regional: 0, unit: 0, tails: 6 };
/** The uncertainty of the numpy peer (bench/peers/multicandidate_peer.py): national 2.5, regional 1.5, unit 2.5 pp, tails df 6. */
const peerUncertainty: MultiCandidateUncertainty = { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 };

/** Standard normal CDF from the error function (simple-statistics: Numerical Recipes' erfc, error below 1.2e-7). */
function normalCdf(x: number): number {
  return 0.5 * (1 + errorFunction(x / Math.SQRT2));
}

/**
 * P(slot k has the most votes in a unit) under independent unit errors only, integrated numerically: slot k
 * wins when log w_k + s z_k > log w_j + s z_j for every j, so P = ∫ φ(z) Π_{j≠k} Φ(z + (log w_k − log w_j) / s) dz,
 * by Simpson's rule on [−10, 10] with 4,000 intervals (`other` never wins and its error does not matter).
 */
function integratedWinProbability(baseline: number[], k: number, s: number): number {
  const steps = 4000;
  const h = 20 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = -10 + i * h;
    let f = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    baseline.forEach((w, j) => {
      if (j !== k) f *= normalCdf(z + (Math.log(baseline[k]!) - Math.log(w)) / s);
    });
    sum += f * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return (sum * h) / 3;
}

test('a 3-candidate table race with independent unit errors only: each candidate\'s P(win) in a unit matches a numerical integration of the model within 4 standard errors', () => {
  const race = buildTableRace({
    file: 'three.csv',
    text: 'id,name,weight,A,B,C,other\nU1,Close,1,400,350,250,30\nU2,Three-way,1,340,330,330,0\nU3,Lead,1,450,330,220,10\nU4,Two-way,1,450,0,430,0\nU5,Third ahead,1,250,300,450,5\n',
  });
  const simulations = 40000;
  const result = simulateMultiCandidate(race, { simulations, seed: 20, rule: 'plurality', uncertainty: { national: 0, regional: 0, unit: 10, tails: 6 } });
  const s = 10 / (50 * Math.SQRT2); // the model's scale: s_U = sigma_U / (50 sqrt 2)
  let compared = 0;
  for (let u = 0; u < race.units.ids.length; u++) {
    const from = race.unitStart[u]!;
    const to = race.unitStart[u + 1]!;
    const baseline = Array.from(race.votes.subarray(from, to));
    for (let k = 0; k < baseline.length; k++) {
      const expected = integratedWinProbability(baseline, k, s);
      const se = Math.sqrt((expected * (1 - expected)) / simulations);
      const found = result.slotWin[from + k]!;
      assert.ok(Math.abs(found - expected) <= 4 * se, `${race.units.ids[u]} slot ${k}: simulated ${found}, integrated ${expected.toFixed(5)}, SE ${se.toFixed(5)}`);
      compared++;
    }
    // The integration sums to 1 over the unit's candidates (a check of the integration itself).
    assert.ok(Math.abs(baseline.reduce((a, _, k) => a + integratedWinProbability(baseline, k, s), 0) - 1) < 1e-6);
  }
  assert.equal(compared, 14);
});

test('zero uncertainty: Canada 2011 gives CPC 166, NDP 103, LPC 34, BQ 4, GPC 1 in every draw, a CPC majority and the most seats', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const result = simulateMultiCandidate(race, { simulations: 50, seed: 1, rule: 'plurality', uncertainty: zero });
  assert.deepEqual(result.parties, ['CPC', 'NDP', 'LPC', 'BQ', 'GPC']);
  assert.deepEqual(result.seats, [166, 103, 34, 4, 1].map((n) => ({ mean: n, low: n, high: n })));
  assert.equal(result.seatsToWin, 155);
  assert.deepEqual(result.pMajority, [1, 0, 0, 0, 0]);
  assert.deepEqual(result.pWin, [1, 0, 0, 0, 0]);
  assert.deepEqual(result.pMostSeats, [1, 0, 0, 0, 0]);
  assert.equal(result.pQualify, null);
  assert.equal(result.slotWin.reduce((a, b) => a + b, 0), 308);
});

test('zero uncertainty: the 2022 presidential first round qualifies Macron and Le Pen with probability 1; the electoral-college rule on the UK 2024 file gives Labour its 411', () => {
  const race = loadPresidentialRace({ year: 2022 });
  const result = simulateMultiCandidate(race, { simulations: 20, seed: 1, rule: 'two-round', uncertainty: zero, transfers: loadTransferPrior(race.parties, 2022) });
  assert.deepEqual(result.pQualify, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(result.pWin[0]! + result.pWin[1]! + result.pNoWinner, 1);
  assert.equal(result.seats, null);
  const uk = loadTableRace('uk-2024-general-election-constituencies');
  const college = simulateMultiCandidate(uk, { simulations: 5, seed: 1, rule: 'electoral-college', uncertainty: zero });
  assert.equal(college.seats![uk.parties.indexOf('Lab')]!.mean, 411);
  assert.equal(college.pWin[uk.parties.indexOf('Lab')], 1);
});

test('zero uncertainty: the 2022 legislative first round sends to round 2 exactly the candidates the rule computes from the file, and elects its round-1 winners in every draw', () => {
  const race = loadLegislativeRace();
  const result = simulateMultiCandidate(race, { simulations: 3, seed: 1, rule: 'two-round-legislative', uncertainty: zero });
  const elected = new Int32Array(577);
  const qualified = new Uint8Array(race.slotParty.length);
  assert.equal(legislativeRoundOne(race, race.votes, race.units.other, elected, qualified), 5);
  assert.deepEqual(result.slotQualify, Array.from(qualified));
  for (const s of elected) if (s >= 0) assert.equal(result.slotWin[s], 1);
  // Round 2 is drawn (transfers), but every circonscription elects someone: seats add up to 577.
  assert.ok(Math.abs(result.seats!.reduce((a, x) => a + x.mean, 0) - 577) < 1e-9);
});

/** The numpy peer's figures (test/race/multicandidatePeer2022.txt: command and version in its header). */
function peerFigures(k: number): { simulations: number; pQualify: Map<string, number>; pLead: Map<string, number> } {
  const lines = readFileSync(new URL('./multicandidatePeer2022.txt', import.meta.url), 'utf8').split('\n');
  const pairs = (text: string) => new Map(text.split(',').map((p) => [p.split(':')[0]!, Number(p.split(':')[1])]));
  const summary = lines.find((l) => l.startsWith(`K=${k} units=`))!;
  const lead = lines.find((l) => l.startsWith(`K=${k} pLeadLREM=`))!;
  return {
    simulations: Number(/sims=(\d+)/.exec(summary)![1]),
    pQualify: pairs(/pQualify=(\S+)/.exec(summary)![1]!),
    pLead: pairs(lead.slice(lead.indexOf('LREM=') + 5)),
  };
}

/**
 * |ours − peer| within `z` standard errors of the difference of two independent Monte Carlo estimates
 * (pooled p), plus 5e-5 for the peer's printed rounding.
 */
function assertClose(ours: number, peer: number, n: number, m: number, z: number, what: string): void {
  const p = (ours * n + peer * m) / (n + m);
  const se = Math.sqrt(p * (1 - p) * (1 / n + 1 / m));
  assert.ok(Math.abs(ours - peer) <= z * se + 5e-5, `${what}: ours ${ours}, peer ${peer}, SE ${se.toExponential(2)}`);
}

for (const k of [12, 4]) {
  test(`the 2022 first round by département, K = ${k}, national 2.5, regional 1.5, unit 2.5 pp, df 6: P(qualify) and P(Macron leads) per département match the numpy peer`, () => {
    const full = loadPresidentialRace({ year: 2022 });
    const race = k === 12 ? full : keepParties(full, ['LREM', 'RN', 'LFI', 'REC']);
    assert.equal(race.partyCount, k);
    // The peer's mobilisation: uniform(0, 1) × 2,000 votes to LREM in every unit, drawn once per election.
    const mobilisation = Float64Array.from(race.slotParty, (p) => (p === 0 ? 2000 : 0));
    const simulations = 16384;
    const result = simulateMultiCandidate(race, {
      simulations,
      seed: 2022,
      rule: 'two-round',
      uncertainty: peerUncertainty,
      transfers: loadTransferPrior(race.parties, 2022),
      mobilisation: { votes: mobilisation, uniform: true },
    });
    const peer = peerFigures(k);
    assert.deepEqual([...peer.pQualify.keys()], result.parties);
    result.parties.forEach((party, p) => assertClose(result.pQualify![p]!, peer.pQualify.get(party)!, simulations, peer.simulations, 4, `P(${party} qualifies)`));
    assert.ok(result.pQualify![1]! > 0.8 && result.pQualify![2]! > 0.1, 'Le Pen and Mélenchon both have a real chance of second place');
    // 107 départements: 4.5 SE keeps the family's chance of a false alarm near 0.1 % (Bonferroni).
    assert.equal(peer.pLead.size, 107);
    race.units.ids.forEach((id, u) => {
      let lrem = race.unitStart[u]!;
      while (race.slotParty[lrem] !== 0) lrem++;
      assertClose(result.slotWin[lrem]!, peer.pLead.get(id)!, simulations, peer.simulations, 4.5, `P(LREM leads ${id})`);
    });
  });
}

test('K = 2 on the log-ratio link: a race symmetric between its two parties gives each P(win) 0.5 within 4 SE, under plurality and the popular vote', () => {
  const race = buildTableRace({
    file: 'two.csv',
    text: 'id,name,weight,A,B,region\nU1,U1,1,600,400,N\nU2,U2,1,400,600,N\nU3,U3,1,510,490,S\nU4,U4,1,490,510,S\nU5,U5,1,500,500,S\n',
  });
  const simulations = 20000;
  const se = Math.sqrt(0.25 / simulations);
  for (const rule of ['plurality', 'popular-vote'] as const) {
    const result = simulateMultiCandidate(race, { simulations, seed: 5, rule, uncertainty: { national: 3, regional: 2, unit: 4, tails: 6 } });
    assert.ok(Math.abs(result.pWin[0]! - 0.5) <= 4 * se, `${rule}: P(A) ${result.pWin[0]}`);
    assert.equal(result.pWin[0]! + result.pWin[1]!, 1);
  }
});

test('simulateMultiCandidate is seeded: the same seed gives the same numbers, another seed others', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const run = (seed: number) => simulateMultiCandidate(race, { simulations: 5000, seed, rule: 'plurality', uncertainty: peerUncertainty });
  const a = run(11);
  assert.deepEqual(run(11), a);
  const b = run(12);
  assert.notDeepEqual(b.slotWin, a.slotWin);
  // Seats: the means add up to the 308 seats (an exact tie has probability 0).
  assert.ok(Math.abs(a.seats!.reduce((x, s) => x + s.mean, 0) - 308) < 1e-9);
  // GPC holds Saanich--Gulf Islands in most draws: its 90 % interval is 1 to 1, its mean just below 1.
  assert.deepEqual(a.seats![4], { mean: a.seats![4]!.mean, low: 1, high: 1 });
  assert.ok(a.seats![4]!.mean < 1 && a.seats![4]!.mean > 0.99, `GPC mean ${a.seats![4]!.mean}`);
  for (const s of a.seats!) assert.ok(s.low <= s.high, `interval ${s.low}-${s.high}`);
});

test('simulateMultiCandidate refuses bad options with the key that is wrong', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const base = { simulations: 10, seed: 1, rule: 'plurality' as const, uncertainty: zero };
  const fails = (options: object, pattern: RegExp) => assert.throws(() => simulateMultiCandidate(race, { ...base, ...options }), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  fails({ simulations: 0 }, /simulations must be a positive integer, got 0/);
  fails({ seed: Number.NaN }, /seed must be a finite number/);
  fails({ rule: 'seats' }, /rule must be one of plurality, electoral-college, popular-vote, two-round, two-round-legislative, got "seats"/);
  fails({ seatsToWin: 154 }, /seatsToWin must be an integer above half of the 308 seats/);
  fails({ mobilisation: { votes: new Float64Array(3) } }, /mobilisation.votes must be a Float64Array of 1302 added votes \(one per slot\)/);
  fails({ rule: 'two-round-legislative' }, /units.registered\[0\] \(10001\) must be registered voters \(inscrits\) above 0, got 0/);
  fails({ rule: 'two-round', transfers: loadTransferPrior(['LREM', 'RN'], 2022) }, /transfers must be a transfer prior over the race's parties/);
});
