import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerAssumptions, unionOfAssumptions } from '../../src/analysis/answerAssumptions.js';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';

const p = loadParameters();
const priors = { volunteerConversion: p.volunteerConversion, relayContactsPerVolunteer: p.relayContactsPerVolunteer, networkHomophily: p.networkHomophily, listChurn: p.listChurn };

test('answerAssumptions: the interval of an answer over the draws, the same scenarios put at the same draw, and a tornado whose shares add up to 1', async () => {
  const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const seen: number[] = [];
  // An answer read off the scenario at the draw: D's active relays (list share) and the same for R.
  const evaluate = async (at: (s: typeof resolved) => typeof resolved) => {
    const d = at(resolved).campaigns.D.volunteers;
    const again = at(resolved).campaigns.D.volunteers;
    assert.equal(again, d, 'the same draw twice in one evaluation');
    seen.push(d);
    return { relays: d, ratio: at(resolved).campaigns.R.volunteers / resolved.campaigns.R.volunteers };
  };
  const out = (await answerAssumptions([resolved], { draws: 20, priors, seed: 2024, evaluate, explain: 'relays' }))!;
  assert.equal(out.draws, 20);
  const keys = out.assumptions.map((a) => a.key);
  assert.ok(keys.includes('relay.conversion'));
  // 20 draws + 2 tornado evaluations per assumption.
  assert.equal(seen.length, 20 + 2 * keys.length);
  const { low, high, mean } = out.answers.relays!;
  assert.ok(low < mean && mean < high, JSON.stringify(out.answers.relays));
  // The conversion prior's 5th/95th percentiles are the cited extremes: the draws spread D's relays over a wide range.
  assert.ok(high / low > 3, JSON.stringify(out.answers.relays));
  // Both sides move alike: R's relays over their own value equal D's.
  assert.ok(Math.abs(out.answers.ratio!.mean - mean / resolved.campaigns.D.volunteers) < 1e-12);
  // Only the conversion moves the answer: it takes the whole spread.
  const shares = out.explain!.shares;
  assert.equal(shares[0]!.key, 'relay.conversion');
  assert.ok(Math.abs(shares[0]!.share - 1) < 1e-12);
  assert.ok(Math.abs(shares.reduce((a, s) => a + s.share, 0) - 1) < 1e-12);
  assert.ok(shares[0]!.atLow < shares[0]!.atHigh);
});

test('answerAssumptions is reproducible and gives nothing when no assumption varies; the union keeps each assumption once', async () => {
  const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const evaluate = async (at: (s: typeof resolved) => typeof resolved) => ({ x: at(resolved).campaigns.D.volunteers });
  const a = await answerAssumptions([resolved], { draws: 8, priors, seed: 7, evaluate });
  const b = await answerAssumptions([resolved], { draws: 8, priors, seed: 7, evaluate });
  assert.deepEqual(a, b);
  const none = { ...resolved, campaigns: Object.fromEntries(Object.entries(resolved.campaigns).map(([k, c]) => [k, { ...c, listSize: 0 }])) };
  assert.equal(await answerAssumptions([none], { draws: 8, priors, seed: 7, evaluate }), undefined);
  const union = unionOfAssumptions([resolved, resolved]).map((x) => x.key);
  assert.equal(new Set(union).size, union.length);
  assert.deepEqual(union, unionOfAssumptions([resolved]).map((x) => x.key));
});
