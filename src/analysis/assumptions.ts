/**
 * The assumptions a list's value rests on, and how their uncertainty enters an answer.
 *
 * An assumption is one mechanism's parameter: a channel's turnout effect per contact, a channel's
 * persuasion effect, the share of list members who become active relays, the friends each relay
 * messages, the homophily of their contacts, the indirect (friends-of-friends) votes per direct social
 * vote, and list decay. Each is one number about the world, so it is shared by every territory and by
 * both sides: one standard-normal score z per assumption turns every side's value into its draw.
 *
 * How a score becomes a value (z = 0 is each assumption's median):
 * - turnout, persuasion and indirect votes: the prior's own draw (priorDraw.ts, two-piece normal whose
 *   mean is the prior's central value), set as a fixed number so the kernel draws no further effect;
 * - relay conversion and contacts per relay: the log-normal whose 5th/95th percentiles are the cited
 *   extremes of data/parameters.json (`volunteerConversion`, `relayContactsPerVolunteer`); the side's own
 *   value is taken as the mean and scaled by exp(σz − σ²/2) (mean 1);
 * - homophily: normal on the log-odds of the side's value, σ from the prior's 5th/95th percentiles on
 *   that scale (`networkHomophily`: 0.60/0.85 around 0.75 give σ = 0.404);
 * - list decay: the churn prior's draw (`listChurn`) over its central value, times the side's churn.
 *
 * The assumptions interval of an answer (listValue's ΔP(win)) is a nested Monte Carlo: K joint draws of
 * the scores (a Latin hypercube: each assumption's K scores are the normal quantiles at (k + ½)/K in a
 * seeded random order), the answer computed at each with the same seed and simulations (common random
 * numbers, so the election draws are the same in every one and the spread between answers comes from the
 * assumptions), and its 5th–95th percentiles. Within one of the K runs every simulated election uses the
 * same assumption values; the assumptions are drawn once per run, not once per election.
 */
import type { ResolvedCampaign, ResolvedChannel, ResolvedScenario } from '../model/resolvedScenario.js';
import { CHANNEL_NAMES, type ChannelName, type Prior } from '../model/types.js';
import { priorAtNormal, priorShape, NORMAL_Q95 } from '../model/priorDraw.js';

/** The priors of the assumptions that are not channel priors (from data/parameters.json). */
export interface AssumptionPriors {
  /** Share of list members who become active relays: 5th/95th percentiles of a log-normal. */
  volunteerConversion: Prior;
  /** Friends (or strangers) contacted per active relay: 5th/95th percentiles of a log-normal. */
  relayContactsPerVolunteer: Prior;
  /** Share of a relay's contacts sharing the side's preference: 5th/central/95th, normal on the log-odds. */
  networkHomophily: Prior;
  /** Share of the list going stale per year. */
  listChurn: Prior;
}

/** Which parameter an assumption sets. */
export type AssumptionKind = 'turnout' | 'persuasion' | 'conversion' | 'contacts' | 'homophily' | 'indirect' | 'decay';

/** One assumption of a scenario's answer. */
export interface Assumption {
  /** Stable key (`turnout.door`, `relay.conversion`, ...). */
  key: string;
  kind: AssumptionKind;
  /** The channel, for turnout and persuasion. */
  channel?: ChannelName;
  /** Words a strategist reads (`door canvassing turnout effect per contact`). */
  label: string;
}

const CHANNEL_WORDS: Record<ChannelName, string> = {
  email: 'e-mail',
  sms: 'text message',
  phone: 'volunteer phone call',
  door: 'door canvassing',
  mail: 'direct mail',
  social: 'social-network message',
  relay: 'relay (friend-to-friend) message',
};

/** Whether a prior's draw varies (a point prior, or a non-negative prior with mean 0, draws one value). */
function varies(prior: Prior): boolean {
  const s = priorShape(prior);
  return s.below > 0 || s.above > 0;
}

/**
 * The assumptions that can move a scenario's answer: the turnout and persuasion priors that vary of every
 * channel some side has on; relay conversion, contacts per relay and homophily when a side relays; the
 * indirect multiplier when a side runs the social channel; list decay when a list is older than 0 years.
 *
 * @param resolved resolved scenario
 * @returns the assumptions, in a fixed order (channels in CHANNEL_NAMES order first)
 * @example
 * assumptionsOf(resolvedDefault).map((a) => a.key).slice(-4) // => ['relay.conversion', 'relay.contacts', 'relay.homophily', 'list.decay'] for scenarios/default.yaml
 */
export function assumptionsOf(resolved: ResolvedScenario): Assumption[] {
  const campaigns = resolved.sides.map((s) => resolved.campaigns[s]).filter((c): c is ResolvedCampaign => c !== undefined && c.listSize > 0);
  const channelsOn = (name: ChannelName) => campaigns.map((c) => c.channels[name]).filter((ch): ch is ResolvedChannel => ch !== undefined);
  const out: Assumption[] = [];
  for (const name of CHANNEL_NAMES) {
    const on = channelsOn(name);
    if (on.some((ch) => varies(ch.effect))) out.push({ key: `turnout.${name}`, kind: 'turnout', channel: name, label: `${CHANNEL_WORDS[name]}: turnout effect per contact` });
  }
  for (const name of CHANNEL_NAMES) {
    const on = channelsOn(name);
    if (on.some((ch) => varies(ch.persuasion))) out.push({ key: `persuasion.${name}`, kind: 'persuasion', channel: name, label: `${CHANNEL_WORDS[name]}: persuasion per person reached` });
  }
  if (channelsOn('relay').length > 0) {
    out.push({ key: 'relay.conversion', kind: 'conversion', label: 'share of list members who become active relays' });
    out.push({ key: 'relay.contacts', kind: 'contacts', label: 'contacts per active relay' });
  }
  if (channelsOn('relay').length > 0 || channelsOn('social').length > 0) out.push({ key: 'relay.homophily', kind: 'homophily', label: 'homophily of relay and friends\' contacts' });
  if (channelsOn('social').some((ch) => ch.indirectMultiplier !== undefined && varies(ch.indirectMultiplier))) {
    out.push({ key: 'social.indirect', kind: 'indirect', label: 'indirect votes among friends per direct social vote' });
  }
  if (campaigns.some((c) => c.yearsSinceCollected > 0)) out.push({ key: 'list.decay', kind: 'decay', label: 'list decay (share of members lost per year)' });
  return out;
}

/** σ of the log-normal whose 5th and 95th percentiles are a prior's low and high. */
function logSigma(prior: Prior): number {
  return prior.low > 0 && prior.high > prior.low ? Math.log(prior.high / prior.low) / (2 * NORMAL_Q95) : 0;
}

/** A log-normal's value at z over its mean: exp(σz − σ²/2). */
function logNormalRatio(prior: Prior, z: number): number {
  const sigma = logSigma(prior);
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}

/** A fixed prior (low = central = high). */
function point(value: number): Prior {
  return { central: value, low: value, high: value };
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** One side's campaign with every assumption at its score. */
function campaignAt(campaign: ResolvedCampaign, assumptions: readonly Assumption[], z: ArrayLike<number>, priors: AssumptionPriors): ResolvedCampaign {
  const out: ResolvedCampaign = { ...campaign, channels: { ...campaign.channels } };
  assumptions.forEach((a, j) => {
    const zj = z[j]!;
    if (a.kind === 'turnout' || a.kind === 'persuasion') {
      const ch = out.channels[a.channel!];
      if (!ch) return;
      out.channels[a.channel!] = a.kind === 'turnout' ? { ...ch, effect: point(priorAtNormal(ch.effect, zj)) } : { ...ch, persuasion: point(priorAtNormal(ch.persuasion, zj)) };
    } else if (a.kind === 'conversion') {
      out.volunteers = Math.min(1, campaign.volunteers * logNormalRatio(priors.volunteerConversion, zj));
    } else if (a.kind === 'contacts') {
      const ch = out.channels.relay;
      if (ch) out.channels.relay = { ...ch, contactsPerVolunteer: ch.contactsPerVolunteer * logNormalRatio(priors.relayContactsPerVolunteer, zj) };
    } else if (a.kind === 'homophily') {
      if (campaign.homophily === undefined) return;
      const h = priors.networkHomophily;
      const sigma = (logit(h.high) - logit(h.low)) / (2 * NORMAL_Q95);
      const own = Math.min(1 - 1e-9, Math.max(1e-9, campaign.homophily));
      out.homophily = 1 / (1 + Math.exp(-(logit(own) + sigma * zj)));
    } else if (a.kind === 'indirect') {
      const ch = out.channels.social;
      if (ch?.indirectMultiplier) out.channels.social = { ...ch, indirectMultiplier: point(Math.max(0, priorAtNormal(ch.indirectMultiplier, zj))) };
    } else {
      const churn = Math.min(0.999, Math.max(0, (campaign.churn * priorAtNormal(priors.listChurn, zj)) / priors.listChurn.central));
      out.churn = churn;
      out.retention = Math.pow(1 - churn, campaign.yearsSinceCollected);
    }
  });
  return out;
}

/**
 * Copy of a resolved scenario with every assumption at its score (see the module comment), the same
 * score for both sides.
 *
 * @param resolved resolved scenario (not modified)
 * @param assumptions from {@link assumptionsOf}
 * @param z one standard-normal score per assumption (0: every assumption at its median)
 * @param priors the non-channel priors (data/parameters.json)
 * @returns the scenario at those values
 * @example
 * withAssumptions(resolved, [{ key: 'relay.conversion', kind: 'conversion', label: '' }], [0], priors).campaigns.D.volunteers // => 0.0051 when D's volunteers are the default 0.0354
 */
export function withAssumptions(resolved: ResolvedScenario, assumptions: readonly Assumption[], z: ArrayLike<number>, priors: AssumptionPriors): ResolvedScenario {
  const campaigns: ResolvedScenario['campaigns'] = { ...resolved.campaigns };
  for (const side of resolved.sides) {
    const c = resolved.campaigns[side];
    if (c) campaigns[side] = campaignAt(c, assumptions, z, priors);
  }
  return { ...resolved, campaigns };
}

/**
 * The standard normal quantile Φ⁻¹(p) by P. J. Acklam's rational approximation ("An algorithm for computing
 * the inverse normal cumulative distribution function", 2003): relative error below 1.2e-9 on (0, 1).
 *
 * @param p probability, strictly between 0 and 1
 * @example
 * normalQuantile(0.975).toFixed(6) // => '1.959964'
 */
export function normalQuantile(p: number): number {
  const tail = (q: number): number =>
    (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
    ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log1p(-p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1)
  );
}

/**
 * K joint draws of the assumption scores: a Latin hypercube on the normal scale (assumption j's K scores
 * are Φ⁻¹((k + ½)/K) (normalQuantile) for k = 0..K−1, in an order shuffled by a seeded Fisher–Yates on a 32-bit
 * xorshift stream), so each assumption's range is covered evenly with few draws.
 *
 * @param count K, draws (>= 1)
 * @param dimensions assumptions
 * @param seed any integer (the scenario's seed)
 * @returns K arrays of `dimensions` scores
 * @example
 * assumptionScores(2, 1, 7).map((z) => Math.abs(z[0]).toFixed(4)) // => ['0.6745', '0.6745']
 */
export function assumptionScores(count: number, dimensions: number, seed: number): Float64Array[] {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const draws = Array.from({ length: count }, () => new Float64Array(dimensions));
  for (let j = 0; j < dimensions; j++) {
    const order = Array.from({ length: count }, (_, k) => k);
    for (let k = count - 1; k > 0; k--) {
      const r = Math.floor(next() * (k + 1));
      [order[k], order[r]] = [order[r]!, order[k]!];
    }
    for (let k = 0; k < count; k++) draws[k]![j] = normalQuantile((order[k]! + 0.5) / count);
  }
  return draws;
}

/** Type 7 quantile of sorted values: linear between the order statistics at (n − 1) p. */
function type7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The 5th and 95th percentiles and the mean of an answer over the assumption draws.
 *
 * @param values the answer at each draw
 * @returns {low, high, mean} (Hyndman & Fan 1996 type 7 quantiles: R's default)
 * @example
 * assumptionsInterval([1, 2, 3, 4, 5]) // => { low: 1.2, high: 4.8, mean: 3 }
 */
export function assumptionsInterval(values: readonly number[]): { low: number; high: number; mean: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { low: type7(sorted, 0.05), high: type7(sorted, 0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** One assumption's share of the spread of an answer (tornado at its 5th and 95th percentiles). */
export interface AssumptionShare {
  key: string;
  label: string;
  /** The answer with this assumption at its 5th and 95th percentiles, every other at its median. */
  atLow: number;
  atHigh: number;
  /**
   * Share of the spread attributed to this assumption: its squared tornado swing (atHigh − atLow)² over
   * the sum of every assumption's squared swing (the tornado reading of first-order Sobol indices under
   * an additive response: a swing over 2 × 1.645 is the SD the assumption alone would give). The shares
   * add up to 1, or 0 when nothing moves the answer; interactions (relay conversion × contacts × effect
   * multiply) are not attributed.
   */
  share: number;
}

/**
 * Attributes the spread of an answer to each assumption from a tornado, largest share first.
 *
 * @param assumptions the assumptions, in the order of `swings`
 * @param swings per assumption, the answer at its 5th and at its 95th percentile (others at their medians)
 * @returns the shares, largest first; they add up to 1 (0 when no swing)
 * @example
 * assumptionShares([a, b], [[0, 2], [0, 1]]).map((s) => s.share) // => [0.8, 0.2]
 */
export function assumptionShares(assumptions: readonly Assumption[], swings: readonly (readonly [number, number])[]): AssumptionShare[] {
  const single = swings.map(([lo, hi]) => (hi - lo) ** 2);
  const total = single.reduce((a, b) => a + b, 0);
  return assumptions
    .map((a, j) => ({ key: a.key, label: a.label, atLow: swings[j]![0], atHigh: swings[j]![1], share: total > 0 ? single[j]! / total : 0 }))
    .sort((x, y) => y.share - x.share || (x.key < y.key ? -1 : 1));
}

/**
 * The points an assumptions run evaluates: `count` joint draws (assumptionScores), then, for a tornado
 * (`explain`), each assumption alone at its prior's 5th and 95th percentiles (z = ∓1.645, the others at
 * their medians), 2 × dimensions more points in assumption order.
 *
 * @param count Joint draws.
 * @param dimensions Assumptions.
 * @param seed The scenario's seed.
 * @param tornado Whether to add the tornado's points.
 * @returns The joint draws alone (`scores`) and every point in order (`all`).
 * @example
 * assumptionPoints(4, 2, 7, true).all.length // => 8
 */
export function assumptionPoints(count: number, dimensions: number, seed: number, tornado: boolean): { scores: Float64Array[]; all: Float64Array[] } {
  const scores = assumptionScores(count, dimensions, seed);
  const all = [...scores];
  if (tornado) {
    for (let j = 0; j < dimensions; j++) {
      for (const z of [-NORMAL_Q95, NORMAL_Q95]) {
        const at = new Float64Array(dimensions);
        at[j] = z;
        all.push(at);
      }
    }
  }
  return { scores, all };
}
