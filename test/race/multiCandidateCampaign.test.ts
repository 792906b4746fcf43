import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateMultiCandidate } from '../../src/race/simulateMultiCandidate.js';
import { simulateMultiCandidatePlans } from '../../src/race/multiCandidatePlans.js';
import { addCampaignVotes, campaignTerritories, createMultiCandidateCampaign } from '../../src/race/multiCandidateCampaign.js';
import { drawMultiCandidate, createMultiCandidateDraw, type MultiCandidateUncertainty } from '../../src/race/multiCandidateDraw.js';
import { resolveMultiCandidateCampaign } from '../../src/scenario/multiCandidateCampaignScenario.js';
import { loadPresidentialRace, loadTableRace, loadTransferPrior } from '../../src/node/data/loadMultiCandidateRace.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { blockGeneratorState } from '../../src/sim/normalStream.js';
import { emptyCampaign } from '../../src/model/emptyCampaign.js';
import type { MultiCandidateRace } from '../../src/race/multiCandidateRace.js';
import type { CampaignSpec, Scenario } from '../../src/scenario/types.js';
import { InputError } from '../../src/errors.js';
import { closestLoss } from './closestLoss.js';

const zero: MultiCandidateUncertainty = { national: 0, regional: 0, unit: 0, tails: 6 };
const parameters = loadParameters();

/** Our campaign resolved on a race as a scenario would give it. */
function resolved(race: MultiCandidateRace, spec: CampaignSpec, extra: Partial<Scenario> = {}) {
  const scenario = { campaigns: { [race.parties[0]!]: spec }, ...extra } as unknown as Scenario;
  return resolveMultiCandidateCampaign(scenario, race, parameters, 'test.yaml')!.campaign;
}

test('with zero uncertainty a list that mobilises more than the gap turns the closest riding CPC lost, and one that mobilises less does not', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const { u, gap } = closestLoss(race);
  const id = race.units.ids[u]!;
  // Every member reached once, a fixed 10 pp turnout effect, nobody certain to vote, no churn: mobilised = members × 0.1.
  const list = (members: number): CampaignSpec => ({
    allocation: { counts: { [id]: members } },
    churn: 0,
    certainShare: 0,
    channels: { door: { coverage: 1, contactRate: 1, contacts: 1, effect: 10, persuasion: 0 } },
  });
  const options = { simulations: 50, seed: 3, rule: 'plurality' as const, uncertainty: zero };
  const before = simulateMultiCandidate(race, options);
  const more = simulateMultiCandidate(race, { ...options, campaign: createMultiCandidateCampaign(race, resolved(race, list(10 * (gap + 2)))) });
  const less = simulateMultiCandidate(race, { ...options, campaign: createMultiCandidateCampaign(race, resolved(race, list(10 * (gap - 2)))) });
  assert.equal(before.seats![0]!.mean, 166);
  assert.equal(more.seats![0]!.mean, 167, `${id}: ${gap} votes short, a list mobilising ${gap + 2} turns it`);
  assert.equal(less.seats![0]!.mean, 166);
  const ourSlot = Array.from({ length: race.unitStart[u + 1]! - race.unitStart[u]! }, (_, k) => race.unitStart[u]! + k).find((s) => race.slotParty[s] === 0)!;
  assert.equal(more.slotWin[ourSlot], 1);
  assert.equal(less.slotWin[ourSlot], 0);
});

test('persuasion moves voters from the others in proportion to their votes, other included, and keeps the unit valid votes', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const u = 0;
  const id = race.units.ids[u]!;
  const campaign = createMultiCandidateCampaign(race, resolved(race, { allocation: { counts: { [id]: 10000 } }, churn: 0, persuadable: 0.5, channels: { door: { coverage: 1, contactRate: 1, contacts: 1, effect: 0, persuasion: 10 } } }));
  const S = race.slotParty.length;
  const added = new Float64Array(S + race.unitStart.length - 1);
  const net = addCampaignVotes(race, campaign, blockGeneratorState(1, 0), added, true);
  // 10,000 members × 0.5 persuadable × 10 % = 500 switched.
  assert.ok(Math.abs(net - 500) < 1e-9, String(net));
  let sum = 0;
  const rest = race.units.valid[u]! - race.votes[race.unitStart[u]!]!;
  for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
    sum += added[s]!;
    if (race.slotParty[s] !== 0) assert.ok(Math.abs(added[s]! + (500 * race.votes[s]!) / rest) < 1e-9);
  }
  sum += added[S + u]!;
  assert.ok(Math.abs(added[S + u]! + (500 * race.units.other[u]!) / rest) < 1e-9);
  assert.ok(Math.abs(sum) < 1e-9, 'switches leave the valid votes as they were');
  // Nothing outside the unit.
  assert.equal(added.reduce((n, x, i) => n + (x !== 0 && (i < race.unitStart[u]! || (i >= race.unitStart[u + 1]! && i !== S + u)) ? 1 : 0), 0), 0);
});

test('an empty campaign moves nothing and the draw then replays the file', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const campaign = createMultiCandidateCampaign(race, emptyCampaign());
  const added = new Float64Array(race.slotParty.length + race.unitStart.length - 1).fill(7);
  const state = blockGeneratorState(1, 0);
  assert.equal(addCampaignVotes(race, campaign, state, added, true), 0);
  assert.ok(added.every((x) => x === 0));
  const votes = new Float64Array(race.slotParty.length);
  const other = new Float64Array(race.unitStart.length - 1);
  drawMultiCandidate(race, createMultiCandidateDraw(race, zero), state, added, votes, other);
  assert.deepEqual(Array.from(votes), Array.from(race.votes));
});

test('campaign territories: our votes against everyone else, non-voters = registered − ballots cast', () => {
  const race = loadPresidentialRace({ year: 2022, order: ['LFI', 'RN'] });
  const t = campaignTerritories(race)[0]!;
  const u = 0;
  assert.equal(t.votes.LFI! + t.votes['\u0000others']!, race.units.valid[u]);
  assert.equal(t.eligible - t.votes.LFI! - t.votes['\u0000others']!, race.units.registered[u]! - race.units.voters[u]!);
});

test('a campaign for another candidate than sides[0] is refused, naming the key', () => {
  const race = loadPresidentialRace({ year: 2022, order: ['LFI', 'RN'] });
  const scenario = { campaigns: { RN: { listSize: 1e6 } } } as unknown as Scenario;
  assert.throws(() => resolveMultiCandidateCampaign(scenario, race, parameters, 'x.yaml'), (e: unknown) => e instanceof InputError && e.details.at === 'campaigns.RN');
});

test('a list for Mélenchon raises his P(qualify) in the 2022 first round; plans are paired and each equals its own run', () => {
  const race = loadPresidentialRace({ year: 2022, order: ['LFI', 'RN'] });
  const transfers = loadTransferPrior(race.parties, 2022);
  const options = { simulations: 1500, seed: 2022, rule: 'two-round' as const, uncertainty: { national: 7, regional: 1.5, unit: 2, tails: 5 }, transfers };
  const none = createMultiCandidateCampaign(race, emptyCampaign());
  // A stated plan, not the cited French priors (door: no turnout effect in France, Pons 2018): 6 M supporters
  // spread as his votes, each reached at the door, 4 to 10 pp more turnout among the reached.
  const list = createMultiCandidateCampaign(race, resolved(race, { listSize: 6e6, channels: { door: { contactRate: 1, effect: { central: 7, low: 4, high: 10 } } } }, { country: 'fr' }));
  const result = simulateMultiCandidatePlans(race, options, [none, list, none]);
  const d = result.differences[1]!;
  assert.ok(d.pQualify!.low > 0, `ΔP(qualify) ${d.pQualify!.mean} [${d.pQualify!.low}, ${d.pQualify!.high}]`);
  assert.ok(d.pQualify!.gained > 0 && d.pQualify!.lost === 0, 'a bigger list only gains qualifications (no channel below 0 here)');
  assert.ok(result.plans[1]!.netVotes > 0);
  // Plan 2 is plan 0 again: the same elections, no change at all.
  assert.deepEqual(result.differences[2]!.pQualify, { mean: 0, low: -3 / 1500, high: 3 / 1500, standardError: 0, gained: 0, lost: 0 });
  // Each plan's numbers are those of its own run with the same seed.
  const alone = simulateMultiCandidate(race, { ...options, campaign: list });
  assert.equal(result.plans[1]!.pQualify, alone.pQualify![0]);
  assert.equal(result.plans[1]!.pWin, alone.pWin[0]);
  // Paired: no election lost (checked above), and the interval is narrower than two independent runs' (sqrt(2 p (1 − p) / n) at p ≈ 0.35).
  const independent = Math.sqrt((2 * 0.35 * 0.65) / 1500);
  assert.ok(d.pQualify!.standardError < independent, `${d.pQualify!.standardError} vs ${independent}`);
});

test('plans under every rule: a list that turns the unit A lost moves seats, electoral votes and P(win), and nothing where A already wins', async () => {
  const { buildTableRace } = await import('../../src/race/tableRace.js');
  // A loses North to B by 10 votes; A leads the national vote (350 to C's 300 and B's 270).
  const text = 'id,name,weight,eligible,A,B,C\nN,North,3,1000,100,110,50\nS,South,2,1000,200,100,50\nE,East,1,1000,50,60,200\n';
  const race = buildTableRace({ file: 't.csv', text }, { order: ['A', 'B', 'C'] });
  const none = createMultiCandidateCampaign(race, emptyCampaign());
  // 200 members, each mobilised with chance 10 %: 20 votes for A in North.
  const list = createMultiCandidateCampaign(race, resolved(race, { allocation: { counts: { N: 200 } }, churn: 0, certainShare: 0, channels: { door: { coverage: 1, contactRate: 1, contacts: 1, effect: 10, persuasion: 0 } } }));
  const run = (rule: 'plurality' | 'electoral-college' | 'popular-vote' | 'two-round' | 'two-round-legislative') => simulateMultiCandidatePlans(race, { simulations: 40, seed: 1, rule, uncertainty: zero }, [none, list]);
  for (const rule of ['plurality', 'electoral-college'] as const) {
    const r = run(rule);
    assert.deepEqual([r.plans[0]!.seats, r.plans[1]!.seats], [2, 5], rule);
    assert.equal(r.differences[1]!.pWin.mean, 1, rule);
    assert.deepEqual(r.differences[1]!.seats, { mean: 3, low: 3, high: 3, standardError: 0 }, rule);
    assert.ok(Math.abs(r.plans[1]!.netVotes - 20) < 1e-9);
  }
  const popular = run('popular-vote');
  assert.deepEqual([popular.plans[0]!.pWin, popular.differences[1]!.pWin.mean, popular.plans[0]!.seats], [1, 0, null]);
  const twoRound = run('two-round');
  assert.deepEqual([twoRound.plans[0]!.pQualify, twoRound.differences[1]!.pQualify!.mean], [1, 0]);
  const legislative = run('two-round-legislative');
  assert.ok(legislative.plans[1]!.seats! >= legislative.plans[0]!.seats! && legislative.differences[1]!.seats !== null);
});
