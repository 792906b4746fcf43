/**
 * Per-territory coefficients of one side's campaign, computed once per run so that the
 * simulation kernel only multiplies them by the channel effects drawn for each simulated election.
 *
 * Model, per side and territory t (all counts are people or votes):
 * - members_t = allocation_t × (1 − churn)^years; certain_t = members_t × certainShare_t vote anyway;
 *   nonVoters_t = members_t − certain_t can be mobilised.
 * - turnout: channel c reaches members_t × coverage_c × contactRate_c people, each receiving
 *   min(contacts_c, saturation_c) contacts; with a turnout effect e_c pp per contact among people
 *   reached (a CACE), the chance that a non-voter is mobilised by c is
 *   q_c = coverage_c × contactRate_c × dose_c × e_c / 100 / (1 − certainShare_t), clamped to [−1, 1].
 *   Channels combine as independent chances: mobilised_t = nonVoters_t × (1 − Π_c (1 − q_c)), which never
 *   exceeds the list's non-voters. A negative draw (the e-mail prior reaches below zero) removes votes,
 *   at most the members certain to vote. Mobilised members are the side's supporters: all to the side.
 * - persuasion acts only on reached people who do not already vote for the side. List members are the
 *   side's supporters, so the persuadable share of reached members is `persuadable` (default 0: a
 *   supporter list; a scenario whose list is not made of supporters, such as canvassing every door of a
 *   precinct, sets it). Relay contacts outside the list share the side's preference with probability h
 *   (homophily, below), so a share 1 − h of them can be persuaded. switched_t = Σ_c reached_c ×
 *   persuadable_c × p_c / 100 (one switch per person reached, whatever the number of contacts); each
 *   switch adds one vote to the side and removes one from the other (2 margin votes), within the
 *   baseline votes; a negative draw switches votes away (backlash).
 * - relays: volunteers_t = members_t × volunteers; they reach volunteers_t × coverage × contactsPerVolunteer
 *   × contactRate people outside the list; relay votes = reached × e_relay / 100, at most the territory's
 *   non-voters (eligible − votes cast). Discussion networks are homophilous and their make-up follows the
 *   place (Huckfeldt & Sprague 1987 APSR, "Networks in Context"; baseline vs inbreeding homophily,
 *   McPherson, Smith-Lovin & Cook 2001): a relay's contacts are drawn from the territory with a same-side
 *   odds bonus e^η, so the share sharing the side's preference is s_t = p_t e^η / (p_t e^η + 1 − p_t),
 *   p_t the side's baseline two-party share in t and η = logit(h), h the campaign's `homophily` (the
 *   share in an evenly split place: data/parameters.json `networkHomophily`, Butters & Hare 2022). s_t of
 *   the relay votes go to the side and 1 − s_t to the other: net margin votes = relay votes × (2 s_t − 1),
 *   negative where the other side dominates enough (p_t < 1 / (1 + e^η)). At h = 0.75 a D relay nets
 *   +0.95 per vote in DC, +0.49 in Pennsylvania and +0.04 in Wyoming (2020 results).
 * - social indirect effect (Bond et al. 2012, Nature 489): friends of the people the social message
 *   mobilises turn out too, `indirectMultiplier` (central) votes per direct vote. Direct social votes
 *   are the social channel's own mobilisation, nonVoters_t × q_social (within −certain_t and
 *   nonVoters_t); indirect votes = multiplier × direct, at most the territory's non-voters, and they
 *   split like relay votes: net = indirect × (2 s_t − 1). Relay contacts who can be persuaded are the
 *   1 − s_t of them who do not share the side's preference.
 * Net margin votes of the side in t = mobilised + (2 s_t − 1) × (relay + indirect) + 2 × switched.
 */
import { CHANNEL_NAMES } from './types.js';
import type { ResolvedCampaign, ResolvedTerritory } from './resolvedScenario.js';
import { InputError } from '../errors.js';
import { getOwn } from './ownKeys.js';

/** Index of the relay channel in {@link CHANNEL_NAMES}. */
export const RELAY_SLOT = CHANNEL_NAMES.indexOf('relay');
/** Index of the social channel in {@link CHANNEL_NAMES}. */
export const SOCIAL_SLOT = CHANNEL_NAMES.indexOf('social');

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
  /**
   * Per channel slot: persuadable people reached per member / 100 (persuasion switches once per person
   * reached): list channels share reached × `persuadable`, relay contacts reached × (1 − homophily).
   */
  persuadeReach: Float64Array;
  /** Relay contacts reached per member / 100: volunteers × coverage × contacts per volunteer × contact rate / 100. */
  relayReach: number;
  /** Net margin votes per relay or indirect vote in an evenly split territory: 2 × homophily − 1 (0 when no relay or social channel is on). */
  likeMindedNet: number;
  /** Per territory: net margin votes per relay or indirect vote, 2 s_t − 1 (see the module comment); likeMindedNet where the territory has no votes. */
  likeMindedNetByTerritory: Float64Array;
  /** Per territory: (1 − s_t) / (1 − homophily) − 1, the relative change of the relay contacts' persuadable share against an evenly split place (0 when homophily is 1). */
  relayPersuadableShift: Float64Array;
  /** Whether likeMindedNetByTerritory differs between territories with members (then the fast path adds the net share and the relay's persuadable shift territory by territory: campaignShift.ts). */
  networkVaries: boolean;
  /** Indirect votes per direct social vote (central of the social channel's `indirectMultiplier`), 0 when off. */
  indirectPerDirect: number;
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
  /** Per territory: most relay (and most indirect) votes possible (territory non-voters), Infinity when eligible is unknown. */
  relayCap: Float64Array;
}

/**
 * Share of a relay's contacts in a territory who share the relay's side: s = p e^η / (p e^η + 1 − p),
 * η = logit(h), p the side's two-party share (h where the territory has no two-party votes).
 *
 * @param homophily h, the share in an evenly split place, 0–1
 * @param own the side's baseline votes
 * @param other the other side's baseline votes
 * @returns s, 0–1
 * @example
 * localLikeMinded(0.75, 50, 50) // => 0.75
 */
export function localLikeMinded(homophily: number, own: number, other: number): number {
  const two = own + other;
  if (!(two > 0) || homophily >= 1 || homophily <= 0) return homophily;
  const p = own / two;
  const odds = homophily / (1 - homophily);
  return (p * odds) / (p * odds + 1 - p);
}

/** Fills territory t's net share per relay or indirect vote and the relay contacts' persuadable shift. */
function territoryLean(out: CampaignCoefficients, t: number, homophily: number, own: number, other: number, members: number): void {
  const share = localLikeMinded(homophily, own, other);
  out.likeMindedNetByTerritory[t] = 2 * share - 1;
  out.relayPersuadableShift[t] = homophily < 1 ? (1 - share) / (1 - homophily) - 1 : 0;
  if (members > 0 && out.likeMindedNetByTerritory[t] !== out.likeMindedNet) out.networkVaries = true;
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
 * @throws {InputError} when the relay or social channel is on and the campaign has no `homophily`, or
 *   `homophily`/`persuadable` is not a share 0–1, or a territory's list is larger than its eligible voters
 *   (named in `at`: `campaigns.D.allocation.AK`).
 * @example
 * campaignCoefficients(emptyCampaign(), territories, 'D', 'R').members[0] // => 0
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
    likeMindedNet: 0,
    likeMindedNetByTerritory: new Float64Array(units),
    relayPersuadableShift: new Float64Array(units),
    networkVaries: false,
    indirectPerDirect: 0,
    members: new Float64Array(units),
    nonVoters: new Float64Array(units),
    certain: new Float64Array(units),
    perNonVoter: new Float64Array(units),
    largestPerNonVoter: 0,
    mobiliseSlots: new Int32Array(0),
    relayCap: new Float64Array(units).fill(Infinity),
  };
  const persuadable = campaign.persuadable ?? 0;
  if (!(persuadable >= 0 && persuadable <= 1)) {
    throw new InputError({ at: `campaigns.${side}.persuadable`, expected: 'a share 0-1 of reached list members', found: String(persuadable) });
  }
  const networked = campaign.channels.relay !== undefined || campaign.channels.social !== undefined;
  let homophily = 0.5;
  if (networked) {
    if (campaign.homophily === undefined || !(campaign.homophily >= 0 && campaign.homophily <= 1)) {
      throw new InputError({ at: `campaigns.${side}.homophily`, expected: 'a share 0-1 of contacts sharing the side\'s preference (needed by the relay and social channels)', found: String(campaign.homophily) });
    }
    homophily = campaign.homophily;
    out.likeMindedNet = 2 * homophily - 1;
  }
  CHANNEL_NAMES.forEach((name, c) => {
    const channel = campaign.channels[name];
    if (!channel) return;
    out.active[c] = 1;
    if (c === RELAY_SLOT) {
      out.relayReach = (campaign.volunteers * channel.coverage * channel.contactsPerVolunteer * channel.contactRate) / 100;
      out.persuadeReach[c] = out.relayReach * (1 - homophily);
      return;
    }
    const dose = channel.saturation === null ? channel.contacts : Math.min(channel.contacts, channel.saturation);
    out.mobiliseReach[c] = (channel.coverage * channel.contactRate * dose) / 100;
    out.persuadeReach[c] = ((channel.coverage * channel.contactRate) / 100) * persuadable;
    if (c === SOCIAL_SLOT && channel.indirectMultiplier) out.indirectPerDirect = channel.indirectMultiplier.central;
  });
  territories.forEach((territory, t) => {
    if (territory.parent !== undefined) return;
    const collected = getOwn(campaign.allocation, territory.id) ?? 0;
    if (territory.eligible > 0 && collected > territory.eligible) {
      throw new InputError({
        at: `campaigns.${side}.allocation.${territory.id}`,
        expected: `at most the ${Math.round(territory.eligible).toLocaleString('en-US')} eligible voters of ${territory.name} (a list cannot hold more of a territory's voters than it has)`,
        found: `${Math.round(collected).toLocaleString('en-US')} supporters`,
      });
    }
    const members = collected * campaign.retention;
    const certainShare = getOwn(campaign.certainShare, territory.id) ?? 0;
    out.members[t] = members;
    out.certain[t] = members * certainShare;
    out.nonVoters[t] = members - out.certain[t];
    out.perNonVoter[t] = certainShare < 1 ? 1 / (1 - certainShare) : 0;
    if (members > 0 && out.perNonVoter[t] > out.largestPerNonVoter) out.largestPerNonVoter = out.perNonVoter[t];
    const own = territory.votes[side];
    const other = territory.votes[otherSide];
    if (territory.eligible > 0) out.relayCap[t] = Math.max(0, territory.eligible - own - other - territory.other);
    if (networked) territoryLean(out, t, homophily, own, other, members);
  });
  out.mobiliseSlots = Int32Array.from(CHANNEL_NAMES.map((_, c) => c).filter((c) => out.active[c] === 1 && c !== RELAY_SLOT));
  return out;
}
