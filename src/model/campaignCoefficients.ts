/**
 * Per-territory coefficients of one side's campaign, computed once per run so that the
 * simulation kernel only multiplies them by the channel effects drawn for each simulated election.
 *
 * Model, per side and territory t:
 * - members_t = allocation_t × (1 − churn)^years; certain_t = members_t × certainShare_t vote anyway;
 *   nonVoters_t = members_t − certain_t can be mobilised.
 * - channel c reaches members_t × coverage_c × contactRate_c people, each receiving
 *   min(contacts_c, saturation_c) contacts; with a turnout effect e_c pp per contact among people
 *   reached (a CACE), the chance that a non-voter is mobilised by c is
 *   q_c = coverage_c × contactRate_c × dose_c × e_c / 100 / (1 − certainShare_t), clamped to [−1, 1].
 *   Channels combine as independent chances: mobilised_t = nonVoters_t × (1 − Π_c (1 − q_c)), which never
 *   exceeds the list's non-voters. A negative draw (the e-mail prior reaches below zero) removes votes,
 *   at most the members certain to vote.
 * - persuasion: switched_t = Σ_c members_t × coverage_c × contactRate_c × p_c / 100 (one switch per person
 *   reached, whatever the number of contacts; relay contacts count too); each switch adds one vote to the
 *   side and removes one from the other, within the baseline votes.
 * - relays: volunteers_t = members_t × volunteers; they reach volunteers_t × coverage × contactsPerVolunteer
 *   × contactRate people outside the list; relay votes = reached × e_relay / 100, at most the territory's
 *   non-voters (eligible − votes cast). The contacts lean to the side as the territory does: a share
 *   s_t = side's two-party share of the mobilised vote goes to the side and 1 − s_t to the other, so the
 *   net gain is relay votes × (2 s_t − 1).
 */
import { CHANNEL_NAMES } from './types.js';
import type { ResolvedCampaign, ResolvedTerritory } from './resolvedScenario.js';

/** Index of the relay channel in {@link CHANNEL_NAMES}. */
export const RELAY_SLOT = CHANNEL_NAMES.indexOf('relay');

/**
 * Coefficients of one side's campaign. Channel terms are per list member (they do not vary by territory);
 * territory terms are per territory, so the kernel forms a few per-draw scalars per side and then makes
 * one pass over territories.
 */
export interface CampaignCoefficients {
  /** Channels switched on, per slot of {@link CHANNEL_NAMES} (1 on, 0 off). */
  active: Uint8Array;
  /** Per channel slot: share of members reached × useful contacts / 100, so that
   * reach × effect (pp) is the chance a member is mobilised before dividing by the mobilisable share. */
  mobiliseReach: Float64Array;
  /** Per channel slot: share of members reached / 100 (persuasion switches once per person reached). */
  persuadeReach: Float64Array;
  /** Relay contacts reached per member / 100: volunteers × coverage × contacts per volunteer × contact rate / 100. */
  relayReach: number;
  /** Kept list members per territory (after churn), people. */
  members: Float64Array;
  /** Members who can be mobilised per territory, people. */
  nonVoters: Float64Array;
  /** Members certain to vote per territory, people (the floor of a negative mobilisation). */
  certain: Float64Array;
  /** Per territory: 1 / (1 − certain share), 0 when every member votes anyway. */
  perNonVoter: Float64Array;
  /** Largest `perNonVoter` over territories with members. */
  largestPerNonVoter: number;
  /** Mobilisation channels switched on (slots of {@link CHANNEL_NAMES}, relay excluded), n of them. */
  mobiliseSlots: Int32Array;
  /** Per territory: most relay votes possible (territory non-voters), Infinity when eligible is unknown. */
  relayCap: Float64Array;
  /** Per territory: share of relay votes going to the side (its two-party share), 0–1. */
  relayShare: Float64Array;
}

/**
 * Builds a side's campaign coefficients for the territories of a race. Territories with a parent get
 * zeros: they take their parent's campaign shift in the kernel.
 *
 * @param campaign Resolved campaign of the side.
 * @param territories Territories of the race, in kernel order.
 * @param side Side code, to read the side's baseline votes.
 * @param otherSide The other side's code.
 * @returns Typed-array coefficients (see the module comment for the formulas).
 * @example
 * campaignCoefficients(campaign, territories, 'D', 'R').members[0] // => kept members in the first territory
 */
export function campaignCoefficients(
  campaign: ResolvedCampaign,
  territories: ResolvedTerritory[],
  side: string,
  otherSide: string,
): CampaignCoefficients {
  const units = territories.length;
  const slots = CHANNEL_NAMES.length;
  const out: CampaignCoefficients = {
    active: new Uint8Array(slots),
    mobiliseReach: new Float64Array(slots),
    persuadeReach: new Float64Array(slots),
    relayReach: 0,
    members: new Float64Array(units),
    nonVoters: new Float64Array(units),
    certain: new Float64Array(units),
    perNonVoter: new Float64Array(units),
    largestPerNonVoter: 0,
    mobiliseSlots: new Int32Array(0),
    relayCap: new Float64Array(units).fill(Infinity),
    relayShare: new Float64Array(units),
  };
  CHANNEL_NAMES.forEach((name, c) => {
    const channel = campaign.channels[name];
    if (!channel) return;
    out.active[c] = 1;
    if (c === RELAY_SLOT) {
      out.relayReach = (campaign.volunteers * channel.coverage * channel.contactsPerVolunteer * channel.contactRate) / 100;
      out.persuadeReach[c] = out.relayReach;
      return;
    }
    const dose = channel.saturation === null ? channel.contacts : Math.min(channel.contacts, channel.saturation);
    out.mobiliseReach[c] = (channel.coverage * channel.contactRate * dose) / 100;
    out.persuadeReach[c] = (channel.coverage * channel.contactRate) / 100;
  });
  territories.forEach((territory, t) => {
    if (territory.parent !== undefined) return;
    const members = (campaign.allocation[territory.id] ?? 0) * campaign.retention;
    const certainShare = campaign.certainShare[territory.id] ?? 0;
    out.members[t] = members;
    out.certain[t] = members * certainShare;
    out.nonVoters[t] = members - out.certain[t];
    out.perNonVoter[t] = certainShare < 1 ? 1 / (1 - certainShare) : 0;
    if (members > 0 && out.perNonVoter[t] > out.largestPerNonVoter) out.largestPerNonVoter = out.perNonVoter[t];
    const own = territory.votes[side];
    const other = territory.votes[otherSide];
    out.relayShare[t] = own + other > 0 ? own / (own + other) : 0.5;
    if (territory.eligible > 0) out.relayCap[t] = Math.max(0, territory.eligible - own - other - territory.other);
  });
  out.mobiliseSlots = Int32Array.from(CHANNEL_NAMES.map((_, c) => c).filter((c) => out.active[c] === 1 && c !== RELAY_SLOT));
  return out;
}
