import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocation, recruitmentLevers, channelLevers, applyPlan } from '../../src/analysis/allocation.js';
import type { LegalLimits } from '../../src/data/legalLimits.js';
import { toyScenario, toyCampaign, toyRun, toyChannel } from './toyEngine.js';
import { normalCdf } from './fixtures.js';

// K (weight 3 of 5, a tie at baseline) decides the race; S is safe for D (+20 pp); L is lost (−20 pp).
// D needs 3 of 5, so K alone decides. Each recruit gives 0.05 votes (door 5 pp, everyone reached).
const rows: Array<[string, number, number, number]> = [['K', 3, 50000, 50000], ['S', 1, 60000, 40000], ['L', 1, 40000, 60000]];
const scenario = toyScenario(rows, 2, { D: toyCampaign({ K: 10000, S: 10000, L: 10000 }, { door: toyChannel(5, 2) }), R: toyCampaign({}) });

test('allocation puts the whole budget in the knife-edge unit and beats the proportional baseline', () => {
  // The 10,000 members already in K give 500 votes. 20,000 money at 1 per recruit = 20,000 recruits =
  // 1,000 more votes in K: margin 100 × 1,500 / 101,500 pp, P(win) = Φ(margin / 2).
  const out = allocation(scenario, { run: toyRun(4, 10000), budget: 20000, steps: 2, levers: recruitmentLevers(scenario, 'D', 1) });
  assert.deepEqual(out.optimum.plan, { 'recruit:K': 20000 });
  const pWin = (votes: number) => normalCdf((100 * votes) / (100000 + votes) / 2);
  assert.ok(Math.abs(out.optimum.pWin - pWin(1500)) < 0.015, `${out.optimum.pWin} vs ${pWin(1500)}`);
  assert.ok(Math.abs(out.basePWin - pWin(500)) < 0.015);
  // proportional (equal lists): a third in K, 333 more votes; swing-only (|margin| < 5 pp): only K, as the optimum
  assert.ok(Math.abs(out.proportional.pWin - pWin(500 + 1000 / 3)) < 0.015);
  assert.ok(out.optimum.pWin > out.proportional.pWin);
  assert.ok(out.proportional.optimumGain.low > 0, 'optimum beats proportional beyond noise');
  assert.deepEqual(out.swingOnly.plan, { 'recruit:K': 20000 });
  assert.equal(out.swingOnly.optimumGain.difference, 0);
});

const frLimits: LegalLimits = {
  country: 'fr', currency: 'EUR',
  spendingCaps: [{ year: 2000, scope: 'finalists (both rounds)', amount: 15000, citation: { source: 'test cap', confidence: 'H' } }],
  reimbursement: [], declaredSpending: [], donationCaps: [],
  advertisingBlackouts: [{ year: 2000, start: '1999-10-01', end: '2000-05-06', rule: 'Code électoral L52-1 al. 1', scope: 'paid advertising', notCovered: [], citation: { source: 'test', confidence: 'H' } }],
  consent: [{ channel: 'email', listOrigin: 'rented-commercial', requirement: 'opt-in', note: '', citation: { source: 'CNIL 2012-020', confidence: 'H' } }],
  notes: [],
};

test('allocation applies the spending cap, the blackout window and the consent rule, with counted warnings', () => {
  const email = toyScenario(rows, 2, { D: toyCampaign({ K: 10000, S: 10000, L: 10000 }, { email: toyChannel(1, 1), social: toyChannel(1, 1) }), R: toyCampaign({}) });
  const levers = [...recruitmentLevers(email, 'D', 1, 'rented-commercial'), ...channelLevers(email, 'D')];
  // inside the window, rented e-mail recruits need consent: without optInShare every recruit lever is blocked
  const out = allocation(email, { run: toyRun(4, 2000), budget: 20000, steps: 2, levers, limits: frLimits, date: '2000-03-01' });
  assert.equal(out.budget, 15000);
  assert.deepEqual(out.blocked.sort(), ['channel:social', 'recruit:K', 'recruit:L', 'recruit:S']);
  const codes = out.warnings.map((w) => w.code);
  assert.equal(codes.filter((c) => c === 'blocked-channel').length, 4);
  assert.ok(codes.includes('clipped-budget'));
  for (const id of Object.keys(out.optimum.plan)) assert.equal(id, 'channel:email'); // the only lever left
  // after the window and with 10 % opt-in, recruitment is allowed and counts one recruit in ten
  const after = allocation(email, { run: toyRun(4, 2000), budget: 10000, steps: 1, levers: recruitmentLevers(email, 'D', 1, 'rented-commercial'), limits: frLimits, date: '2000-06-01', optInShare: 0.1 });
  assert.deepEqual(after.blocked, []);
  const s = applyPlan(email, 'D', recruitmentLevers(email, 'D', 1, 'rented-commercial'), { 'recruit:K': 10000 }, { 'recruit:K': 0.1 });
  assert.equal(s.campaigns.D.allocation.K, 11000);
});

test('channel levers buy coverage up to the whole list and no further', () => {
  const half = toyScenario(rows, 2, { D: toyCampaign({ K: 10000, S: 10000, L: 10000 }, { door: { ...toyChannel(5, 2), coverage: 0.5 } }), R: toyCampaign({}) });
  const levers = channelLevers(half, 'D');
  // 30,000 members × 1 contact × 2 per contact: 0.5 more coverage costs 30,000
  assert.equal(applyPlan(half, 'D', levers, { 'channel:door': 15000 }).campaigns.D.channels.door!.coverage, 0.75);
  assert.equal(applyPlan(half, 'D', levers, { 'channel:door': 1e9 }).campaigns.D.channels.door!.coverage, 1);
});

test('allocation rejects bad input with the one message grammar', () => {
  const levers = recruitmentLevers(scenario, 'D', 1);
  assert.throws(() => allocation(scenario, { run: toyRun(1, 10), budget: -1, levers }), /budget must be a non-negative amount, got -1/);
  assert.throws(() => allocation(scenario, { run: toyRun(1, 10), budget: 1, levers, optInShare: 2 }), /optInShare must be a share between 0 and 1, got 2/);
  assert.throws(() => allocation(scenario, { run: toyRun(1, 10), budget: 1, levers: [{ id: 'x', kind: 'recruit', territory: 'NOPE', unitCost: 1 }] }), /levers\.x must be/);
});
