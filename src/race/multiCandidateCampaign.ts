/**
 * A campaign for one candidate in a multi-candidate race (issue 20 section 5): the two-sided engine's
 * mechanisms, priors and per-territory inputs (model/campaignCoefficients.ts) turned into the signed added
 * votes the K-candidate draw takes (multiCandidateDraw.ts: length S + N, the slots then each unit's `other`).
 *
 * Whose campaign: ours, party 0 of the race (the scenario's `sides[0]`); the scenario gives it under
 * `campaigns.<sides[0]>`. A campaign for any other party is refused by the scenario layer.
 *
 * Per unit u (people and votes are counts), with the list's members, certain voters and non-voters as in
 * campaignCoefficients (allocation × retention, certain share, 1 / (1 − certain share)):
 * - mobilisation: mobilised_u = nonVoters_u × (1 − Π_c (1 − q_c)), q_c = push_c / (1 − certain share)
 *   clamped to [−1, 1] (the two-sided exact path's product), at least −certain_u. Every mobilised vote is
 *   ours: it is added to our slot and to the unit's valid votes.
 * - relay and indirect (social) votes: new voters, relay_u = members × relay votes per member within ±the
 *   unit's non-voters (registered − ballots cast; no cap where the file gives no registered voters),
 *   indirect_u = multiplier × direct social votes within the same cap. A share s_u of them vote for us and
 *   1 − s_u for the others, with s_u = p e^η / (p e^η + 1 − p) (localLikeMinded), η = logit(homophily) and
 *   **p our candidate's share of the unit's valid votes** in place of the two-party share.
 * - persuasion: switched_u = members × persuasion per member (relay contacts' persuadable share shifted by
 *   the unit's lean as in the two-sided engine) within [−our votes, the others' votes]: switched voters
 *   leave the others for us (negative: backlash, from us to the others).
 * - **The others' rule**: what the others lose to persuasion and what they gain from relay and indirect
 *   votes is spread over every other slot of the unit and its `other` in proportion to their baseline
 *   votes (so a candidate with 30 % of the others' votes gives 30 % of the switched voters).
 * - Our votes are spread over our party's slots in the unit in proportion to their baseline votes (one slot
 *   in every bundled race); a unit where our party has no slot gets no campaign votes (no one to vote for).
 *
 * The draw: per simulated election, 2 × 7 standard normals from the block's generator (ziggurat), channel
 * by channel in CHANNEL_NAMES order, the turnout effect's then the persuasion's, drawn whatever the
 * channels switched on, so two plans (or a plan and none, run with an empty campaign) take the same numbers
 * and the draw's errors after them are the same number for number (common random numbers). Each effect is
 * its prior at its normal (priorDraw.shapeAtNormal: the mean is the prior's central value).
 *
 * Nothing is allocated per draw.
 */
import { CHANNEL_NAMES } from '../model/types.js';
import type { ResolvedCampaign, ResolvedTerritory } from '../model/resolvedScenario.js';
import { campaignCoefficients, RELAY_SLOT, SOCIAL_SLOT, type CampaignCoefficients } from '../model/campaignCoefficients.js';
import { priorShape, shapeAtNormal, type PriorShape } from '../model/priorDraw.js';
import { zigguratNormal } from '../sim/normalStream.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** Channels, in CHANNEL_NAMES order. */
const CHANNELS = CHANNEL_NAMES.length;
/** The key of everyone but our candidate in the pseudo-territories campaignCoefficients reads. */
const OTHERS = '\u0000others';

/** Our candidate's campaign, prepared for a race (see the module comment). */
export interface MultiCandidateCampaign {
  /** The coefficients of the two-sided model for our candidate against everyone else, per unit. */
  coefficients: CampaignCoefficients;
  /** Per channel (CHANNEL_NAMES order): the shapes of the turnout-effect and persuasion priors (pp). */
  effectShape: PriorShape[];
  persuasionShape: PriorShape[];
  /** Units where the list has members and our party stands (the only ones the campaign touches). */
  activeUnits: Int32Array;
  /** Length N: our baseline votes and everyone else's (other slots and `other`), counts. */
  ours: Float64Array;
  rest: Float64Array;
  /** Per-draw scratch: effects and persuasions (pp), pushes of the mobilisation channels. */
  effect: Float64Array;
  persuasion: Float64Array;
  push: Float64Array;
}

/**
 * The units of a race as the two-sided model's territories, our candidate against everyone else: votes
 * {ours, others}, `other` 0, and as eligible voters the registered voters less the blank and null ballots
 * (so that the non-voters the relays can reach are registered − ballots cast, and the default certain share,
 * votes cast / eligible, is the unit's valid votes over the registered voters who did not spoil a ballot);
 * 0 where the file gives no registered voters (no cap, no default certain share).
 *
 * @param race The race (party 0 is ours).
 * @returns One territory per unit, in unit order.
 * @example
 * campaignTerritories(loadTableRace('ca-2011-federal-ridings'))[0].votes // => { CPC: 14749, '\u0000others': 21659 } (Avalon; eligible 0: the table gives no electors)
 */
export function campaignTerritories(race: MultiCandidateRace): ResolvedTerritory[] {
  const { ids, names, weight, registered, voters, valid } = race.units;
  const ours = ourVotes(race);
  return ids.map((id, u) => {
    const spoiled = Math.max(0, voters[u]! - valid[u]!);
    return {
      id,
      name: names[u]!,
      weight: weight[u]!,
      region: race.units.region[u]! >= 0 ? race.regionNames[race.units.region[u]!]! : '(none)',
      votes: { [race.parties[0]!]: ours[u]!, [OTHERS]: valid[u]! - ours[u]! },
      other: 0,
      eligible: registered[u]! > 0 ? registered[u]! - spoiled : 0,
    };
  });
}

/** Our party's baseline votes per unit. */
function ourVotes(race: MultiCandidateRace): Float64Array {
  const n = race.unitStart.length - 1;
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++) for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) if (race.slotParty[s] === 0) out[u]! += race.votes[s]!;
  return out;
}

/**
 * Prepares our candidate's campaign for a race: the two-sided coefficients against everyone else and the
 * channels' prior shapes.
 *
 * @param race The race (party 0 is ours).
 * @param campaign Our resolved campaign (resolveCampaign on {@link campaignTerritories}; allocation by unit id).
 * @returns The prepared campaign for {@link addCampaignVotes}.
 * @throws {InputError} as campaignCoefficients: a list larger than a unit's eligible voters
 *   (`campaigns.<party>.allocation.<id>`), relay or social channel without homophily, a share outside 0–1.
 * @example
 * createMultiCandidateCampaign(loadPresidentialRace({ year: 2022, order: ['LFI', 'RN'] }), emptyCampaign()).coefficients.members.length // => 107
 */
export function createMultiCandidateCampaign(race: MultiCandidateRace, campaign: ResolvedCampaign): MultiCandidateCampaign {
  const territories = campaignTerritories(race);
  const coefficients = campaignCoefficients(campaign, territories, race.parties[0]!, OTHERS);
  const ours = ourVotes(race);
  const rest = Float64Array.from(race.units.valid, (v, u) => v - ours[u]!);
  const active: number[] = [];
  coefficients.members.forEach((m, u) => {
    if (m > 0 && firstOurSlot(race, race.unitStart[u]!, race.unitStart[u + 1]!) >= 0) active.push(u);
  });
  const off = { mode: 0, below: 0, above: 0, floor: 0 };
  return {
    coefficients,
    effectShape: CHANNEL_NAMES.map((name) => (campaign.channels[name] ? priorShape(campaign.channels[name]!.effect) : off)),
    persuasionShape: CHANNEL_NAMES.map((name) => (campaign.channels[name] ? priorShape(campaign.channels[name]!.persuasion) : off)),
    activeUnits: Int32Array.from(active),
    ours,
    rest,
    effect: new Float64Array(CHANNELS),
    persuasion: new Float64Array(CHANNELS),
    push: new Float64Array(CHANNELS),
  };
}

/** `x` within [low, high] (high first, as the two-sided exact path). */
function within(x: number, low: number, high: number): number {
  return x > high ? high : x < low ? low : x;
}

/**
 * Draws one simulated election's channel effects from the block's generator (2 × 7 normals, always) and adds
 * our campaign's signed votes to `added` (length S + N: the slots, then each unit's `other`), after clearing
 * it (the first S entries too when `clearSlots`).
 *
 * @param race The race (party 0 is ours).
 * @param campaign From {@link createMultiCandidateCampaign}.
 * @param state The block's xoshiro128** state, advanced by the 14 normals.
 * @param added Length S + N, overwritten (its first S entries added to when `clearSlots` is false).
 * @param clearSlots Whether to clear the slots' entries first (false when a mobilisation already wrote them).
 * @returns Our net votes in this draw: mobilised + switched + our share of relay and indirect votes, minus
 *   nothing taken from us (backlash appears as negative switched votes).
 * @example
 * // a list of 0 members moves nothing but still takes its 14 normals
 * addCampaignVotes(race, createMultiCandidateCampaign(race, emptyCampaign()), state, added, true) // => 0
 */
export function addCampaignVotes(race: MultiCandidateRace, campaign: MultiCandidateCampaign, state: Int32Array, added: Float64Array, clearSlots: boolean): number {
  const { effect, persuasion, effectShape, persuasionShape } = campaign;
  const c = campaign.coefficients;
  for (let k = 0; k < CHANNELS; k++) {
    const zEffect = zigguratNormal(state);
    const zPersuasion = zigguratNormal(state);
    effect[k] = c.active[k] === 1 ? shapeAtNormal(effectShape[k]!, zEffect) : 0;
    persuasion[k] = c.active[k] === 1 ? shapeAtNormal(persuasionShape[k]!, zPersuasion) : 0;
  }
  const slots = race.slotParty.length;
  added.fill(0, clearSlots ? 0 : slots);
  if (campaign.activeUnits.length === 0) return 0;
  const push = campaign.push;
  const mobiliseSlots = c.mobiliseSlots;
  for (let k = 0; k < mobiliseSlots.length; k++) push[k] = c.mobiliseReach[mobiliseSlots[k]!]! * effect[mobiliseSlots[k]!]!;
  const relayPerMember = c.relayReach * effect[RELAY_SLOT]!;
  const socialPerMember = c.mobiliseReach[SOCIAL_SLOT]! * effect[SOCIAL_SLOT]!;
  let persuade = 0;
  for (let k = 0; k < CHANNELS; k++) persuade += c.persuadeReach[k]! * persuasion[k]!;
  const relayPersuade = c.persuadeReach[RELAY_SLOT]! * persuasion[RELAY_SLOT]!;
  let net = 0;
  for (let i = 0; i < campaign.activeUnits.length; i++) {
    const u = campaign.activeUnits[i]!;
    net += addUnitVotes(race, campaign, u, relayPerMember, socialPerMember, persuade + relayPersuade * c.relayPersuadableShift[u]!, added);
  }
  return net;
}

/** Unit u's campaign votes into `added`; returns our net votes there. */
function addUnitVotes(race: MultiCandidateRace, campaign: MultiCandidateCampaign, u: number, relayPerMember: number, socialPerMember: number, persuadePerMember: number, added: Float64Array): number {
  const c = campaign.coefficients;
  const members = c.members[u]!;
  const scale = c.perNonVoter[u]!;
  let keep = 1;
  for (let k = 0; k < c.mobiliseSlots.length; k++) {
    const q = campaign.push[k]! * scale;
    keep *= q > 1 ? 0 : q < -1 ? 2 : 1 - q;
  }
  let mobilised = c.nonVoters[u]! * (1 - keep);
  if (mobilised < -c.certain[u]!) mobilised = -c.certain[u]!;
  const cap = c.relayCap[u]!;
  const relay = within(members * relayPerMember, -cap, cap);
  const direct = within(members * socialPerMember, -c.certain[u]!, c.nonVoters[u]!);
  const indirect = within(c.indirectPerDirect * direct, -cap, cap);
  const ours = campaign.ours[u]!;
  const rest = campaign.rest[u]!;
  const switched = within(members * persuadePerMember, -ours, rest);
  // Share of relay and indirect voters who vote for us: (1 + (2 s − 1)) / 2.
  const like = (1 + c.likeMindedNetByTerritory[u]!) / 2;
  const network = relay + indirect;
  const ourGain = mobilised + like * network + switched;
  const theirGain = (1 - like) * network - switched;
  const from = race.unitStart[u]!;
  const to = race.unitStart[u + 1]!;
  for (let s = from; s < to; s++) {
    if (race.slotParty[s] === 0) added[s]! += ours > 0 ? (ourGain * race.votes[s]!) / ours : firstOurSlot(race, from, to) === s ? ourGain : 0;
    else if (rest > 0) added[s]! += (theirGain * race.votes[s]!) / rest;
  }
  if (rest > 0) added[race.slotParty.length + u]! += (theirGain * race.units.other[u]!) / rest;
  return ourGain;
}

/** Our party's first slot among from .. to − 1. */
function firstOurSlot(race: MultiCandidateRace, from: number, to: number): number {
  for (let s = from; s < to; s++) if (race.slotParty[s] === 0) return s;
  return -1;
}
