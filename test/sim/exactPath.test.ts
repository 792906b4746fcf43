import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../src/sim/simulate.js';
import { drawWorkspaceFor } from '../../src/sim/drawLoop.js';
import { prepareModel, CHANNEL_SLOTS } from '../../src/sim/prepareModel.js';
import { campaignShift, createShiftWorkspace, flushFastSums, SHIFT_TERMS } from '../../src/sim/campaignShift.js';
import { SOURCE_COUNT } from '../../src/sim/blockTotals.js';
import type { Scenario } from '../../src/scenario/types.js';
import { resolveUs } from './raceFixtures.js';

/** The JavaScript reference's buffers for one batch of a model: shift, extra votes, sources, coefficients, effects. */
function referenceBuffers(model: ReturnType<typeof prepareModel>, batch: number) {
  const U = model.units;
  return {
    shift: new Float64Array(U), extraA: new Float64Array(U), extraB: new Float64Array(U), sources: new Float64Array(2 * SOURCE_COUNT),
    coefficients: new Float64Array(SHIFT_TERMS * batch), effect: new Float64Array(2 * CHANNEL_SLOTS), persuasion: new Float64Array(2 * CHANNEL_SLOTS),
  };
}

/** Copies draw k's channel effects and persuasions, as the kernel drew them, into `into`. */
function kernelEffects(work: ReturnType<typeof drawWorkspaceFor>, k: number, batch: number, into: { effect: Float64Array; persuasion: Float64Array }): void {
  for (let j = 0; j < 2 * CHANNEL_SLOTS; j++) {
    into.effect[j] = work.effects[j * batch + k]!;
    into.persuasion[j] = work.persuasions[j * batch + k]!;
  }
}

/**
 * One batch of `draws` draws through the kernel, against campaignShift.ts's JavaScript reference draw by
 * draw, with the channel effects the kernel drew: every exact draw's shift in every unit bit for bit, and
 * the per-unit extra votes and the sums by source of the whole batch (fast draws included).
 */
function checkAgainstReference(campaigns: Scenario['campaigns'], draws: number, seed: number): { exact: number; product: number } {
  const resolved = resolveUs(2016, { uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 }, campaigns });
  const model = prepareModel(resolved);
  const result = simulate(model, { simulations: draws, seed });
  const work = drawWorkspaceFor(model);
  const reference = createShiftWorkspace(model);
  const U = model.units;
  const S = CHANNEL_SLOTS;
  const batch = 64;
  const buffers = referenceBuffers(model, batch);
  const { shift, extraA, extraB, sources, coefficients, effect, persuasion } = buffers;
  let exact = 0;
  let product = 0;
  for (let k = 0; k < draws; k++) {
    kernelEffects(work, k, batch, buffers);
    const fast = campaignShift(model, reference, effect, persuasion, shift, extraA, extraB, sources, coefficients, k, batch);
    assert.equal(work.exactBatch[k], fast ? 0 : 1, `draw ${k}: the same path`);
    if (fast) continue;
    exact++;
    // The clamped product is used when a push times the largest factor per non-voter passes 1.
    if (model.campaigns.some((c, side) => c.mobiliseSlots.some((slot) => Math.abs(c.mobiliseReach[slot]! * effect[side * S + slot]!) * c.largestPerNonVoter > 1))) product++;
    for (let i = 0; i < U; i++) assert.equal(work.shiftBatch[i * batch + k], shift[i], `draw ${k}, unit ${i}: shift`);
  }
  flushFastSums(model, reference, extraA, extraB);
  const [a, b] = resolved.sides;
  for (let i = 0; i < U; i++) {
    assert.equal(result.meanExtraVotes[a!]![i], extraA[i]! / draws, `unit ${i}: ${a}'s extra votes`);
    assert.equal(result.meanExtraVotes[b!]![i], extraB[i]! / draws, `unit ${i}: ${b}'s extra votes`);
  }
  const names = ['turnout', 'persuasion', 'relay', 'indirect'] as const;
  names.forEach((name, source) => {
    assert.equal(result.effects[a!]![name], sources[source]! / draws, `${a} ${name}`);
    assert.equal(result.effects[b!]![name], sources[SOURCE_COUNT + source]! / draws, `${b} ${name}`);
  });
  return { exact, product };
}

/** Relay and social channels whose contacts lean as each territory does (campaignCoefficients' networkVaries). */
const NETWORK: Scenario['campaigns'] = { D: { listSize: 6e6, channels: { email: {}, door: { coverage: 0.05 }, phone: {}, relay: {}, social: {} } }, R: { listSize: 2e6, channels: { sms: {}, relay: {} } } };

test('the WebAssembly exact path gives campaignShift.ts\'s shifts, extra votes and sums by source bit for bit', () => {
  // Relay and social channels whose contacts lean as each territory does: the fast path with K_net and K_shift.
  const network = checkAgainstReference(NETWORK, 64, 9);
  assert.equal(network.exact, 0);
  // Members almost all certain to vote: some draws exact, some fast; an odd count leaves a lone exact draw.
  const mixed = checkAgainstReference({ D: { listSize: 8e6, certainShare: 0.995, channels: { door: { coverage: 0.6 }, sms: {}, phone: {}, mail: {} } }, R: { listSize: 1.1e6, channels: { phone: {} } } }, 63, 3);
  assert.ok(mixed.exact > 0 && mixed.exact < 63, `exact draws ${mixed.exact}`);
  // Nearly every member certain and strong channels: pushes past 1 / factor, the clamped product.
  const clamped = checkAgainstReference({ D: { listSize: 9e6, certainShare: 0.9995, channels: { door: { coverage: 1 }, sms: {}, phone: { coverage: 1 }, mail: {}, email: {} } }, R: { listSize: 0, channels: {} } }, 61, 5);
  assert.ok(clamped.product > 0, `draws on the clamped product: ${clamped.product}`);
  // A list of most of the electorate, relays with many contacts, both sides with a list.
  checkAgainstReference({ D: { listSize: 9e7, certainShare: 0.2, channels: { relay: { contacts: 40 }, social: {}, door: { coverage: 1 } } }, R: { listSize: 4e7, channels: { relay: {}, phone: {} } } }, 64, 8);
});

/**
 * The kernel's fast draws of a scenario against campaignShift.ts's exact path on the same effects (a
 * reference workspace whose network room is below every relay vote, so every draw takes it): each shift
 * within 1e-12 (relative). Returns the fast draws, those with a mobilisation channel drawn below zero, and
 * the largest |shift|.
 */
function fastAgainstExact(campaigns: Scenario['campaigns'], seed: number): { fast: number; negative: number; largest: number } {
  const resolved = resolveUs(2016, { uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 }, campaigns });
  const model = prepareModel(resolved);
  const draws = 64;
  simulate(model, { simulations: draws, seed });
  const work = drawWorkspaceFor(model);
  // A reference workspace whose network room is below every relay vote: every draw takes the exact path.
  const reference = createShiftWorkspace(model);
  for (const rooms of reference.rooms) rooms.network = -1;
  const S = CHANNEL_SLOTS;
  const U = model.units;
  const buffers = referenceBuffers(model, draws);
  const { shift, extraA: unused, sources, coefficients, effect, persuasion } = buffers;
  let fast = 0;
  let negative = 0;
  let largest = 0;
  for (let k = 0; k < draws; k++) {
    if (work.exactBatch[k] !== 0) continue;
    fast++;
    kernelEffects(work, k, draws, buffers);
    if (model.campaigns.some((c, side) => c.mobiliseSlots.some((slot) => c.mobiliseReach[slot]! * effect[side * S + slot]! < 0))) negative++;
    assert.equal(campaignShift(model, reference, effect, persuasion, shift, unused, unused, sources, coefficients, k, draws), false);
    for (let i = 0; i < U; i++) {
      const difference = Math.abs(work.shiftBatch[i * draws + k]! - shift[i]!);
      largest = Math.max(largest, Math.abs(shift[i]!));
      assert.ok(difference <= 1e-12 * Math.max(1, Math.abs(shift[i]!)), `draw ${k}, unit ${i}: fast ${work.shiftBatch[i * draws + k]} against exact ${shift[i]}`);
    }
  }
  return { fast, negative, largest };
}

test('where contacts lean as each territory does, the fast path gives the exact path\'s shifts up to rounding', () => {
  const { fast, largest } = fastAgainstExact(NETWORK, 4);
  assert.ok(fast > 32, `fast draws ${fast}`);
  assert.ok(largest > 0.01, `the campaigns move margins (largest shift ${largest} pp)`);
});

test('with nobody certain to vote, draws with a channel below zero take the fast path, its floor the exact path\'s', () => {
  // As in race files: certain share 0 everywhere, e-mail effects that can be drawn below zero.
  // D's only mobilisation channel is e-mail: a draw below zero floors D's mobilisation in every territory.
  const campaigns: Scenario['campaigns'] = { D: { listSize: 4e6, certainShare: 0, channels: { email: {} } }, R: { listSize: 2e6, certainShare: 0, channels: { email: {}, mail: {} } } };
  const { fast, negative, largest } = fastAgainstExact(campaigns, 6);
  assert.equal(fast, 64);
  assert.ok(negative > 0, `fast draws with a channel below zero: ${negative}`);
  assert.ok(largest > 0.001, `the campaigns move margins (largest shift ${largest} pp)`);
  // The kernel against the JavaScript reference, bit for bit, on the same scenario.
  assert.equal(checkAgainstReference(campaigns, 64, 6).exact, 0);
});
