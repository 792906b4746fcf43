/**
 * Allocation of a budget across territories and channels to maximise P(win), under legal limits kept as
 * data per country (spending caps, paid-advertising blackout windows, consent rules for rented lists),
 * compared with proportional and "swing territories only" baselines, every plan run with the same seed.
 */
import { sideSign } from '../model/sideSign.js';
import type { ChannelName, Side } from '../model/types.js';
import type { LegalLimits } from '../data/legalLimits.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { InputError } from '../errors.js';
import { analysisMessages, type AnalysisWarning } from './analysisMessages.js';
import type { RunScenario } from './listMarginalValue.js';
import { withExtraSupporters } from './listMarginalValue.js';
import { pairedWinDifference, type PairedDifference } from './pairedWinDifference.js';
import { twoPartyMargin } from '../model/twoPartyMargin.js';
import { getOwn, setOwn } from '../model/ownKeys.js';

/**
 * One way to spend a budget. The budget's unit is whatever `unitCost` is in: money (dollars, euros), or
 * volunteer hours (door: about 8 contacts per volunteer hour, range 4–12, practitioner summaries of Green &
 * Gerber, confidence L, so about 1/8 hour per contact; the user gives the figure).
 * - `recruit`: recruit supporters in one territory at `unitCost` per supporter; they join the side's list
 *   and get its channels.
 * - `channel`: raise the coverage of one switched-on channel over the whole (base) list at `unitCost` per
 *   contact attempt (the channel's cost per contact); spend buys coverage = spend / (unitCost × contacts ×
 *   kept list members), up to full coverage.
 */
export interface AllocationLever {
  id: string;
  kind: 'recruit' | 'channel';
  /** `recruit`: territory id in the side's allocation. */
  territory?: string;
  /** `channel`: channel name, switched on in the side's campaign. */
  channel?: ChannelName;
  /** Money per supporter recruited (`recruit`) or per contact attempt (`channel`), currency units. */
  unitCost: number;
  /** `recruit`: where the recruited contacts come from (`rented-commercial`, `own`...), for consent rules. */
  listOrigin?: string;
}

/** Options of {@link allocation}. */
export interface AllocationOptions {
  /** Runs a scenario with a fixed seed, keeping outcomes. */
  run: RunScenario;
  /** Budget, currency units. */
  budget: number;
  /** Ways to spend it (see {@link recruitmentLevers}, {@link channelLevers}). */
  levers: AllocationLever[];
  /** Side spending; default the first side. */
  side?: Side;
  /** Number of equal chunks the budget is spent in by the greedy search. Default 10. */
  steps?: number;
  /** Legal limits of the scenario's country (loadLegalLimits); none: no legal filter. */
  limits?: LegalLimits;
  /** Date of the spending, ISO (`2012-03-15`), to test blackout windows. Without it, no blackout applies. */
  date?: string;
  /** Already spent against the spending cap, currency units. Default 0. */
  alreadySpent?: number;
  /** Channels treated as paid advertising under blackout windows. Default `['social']` (paid promotion). */
  paidChannels?: ChannelName[];
  /** Share of bought contacts who gave prior consent, 0–1, for opt-in rules; without it opt-in levers are blocked. */
  optInShare?: number;
  /** Baseline "swing territories only": territories whose baseline two-party margin is within this many pp. Default 5. */
  swingMarginPp?: number;
}

/** A plan: money per lever id. */
export type AllocationPlan = Record<string, number>;

/** P(win) of one plan, and its paired difference from the optimum (optimum − plan). */
export interface PlanEvaluation {
  plan: AllocationPlan;
  pWin: number;
  /** Optimum − this plan, paired over the same draws. */
  optimumGain: PairedDifference;
}

/** What {@link allocation} returns. */
export interface AllocationResult {
  side: Side;
  /** Budget after the spending cap, currency units. */
  budget: number;
  /** P(win) with no extra spending. */
  basePWin: number;
  optimum: PlanEvaluation;
  proportional: PlanEvaluation;
  swingOnly: PlanEvaluation;
  /** Levers left out by legal rules. */
  blocked: string[];
  warnings: AnalysisWarning[];
}

/**
 * Recruitment levers, one per territory of the side's list allocation.
 *
 * @param scenario resolved scenario
 * @param side side recruiting
 * @param costPerSupporter money per supporter recruited, currency units (no cited default: the user's figure)
 * @param listOrigin origin of the recruited contacts for consent rules; default `own` (people who signed up)
 * @example
 * recruitmentLevers(resolved, 'D', 5)[0] // => {id: 'recruit:AK', kind: 'recruit', territory: 'AK', unitCost: 5, listOrigin: 'own'}
 */
export function recruitmentLevers(scenario: ResolvedScenario, side: Side, costPerSupporter: number, listOrigin = 'own'): AllocationLever[] {
  return Object.keys(scenario.campaigns[side].allocation).map((territory) => ({ id: `recruit:${territory}`, kind: 'recruit', territory, unitCost: costPerSupporter, listOrigin }));
}

/**
 * Channel levers, one per switched-on channel of the side with a positive cost per contact.
 *
 * @example
 * // a US scenario with e-mail and door channels (e-mail has no cost per contact in data/parameters.json)
 * channelLevers(resolved, 'D') // => [{id: 'channel:door', kind: 'channel', channel: 'door', unitCost: 1.75}]
 */
export function channelLevers(scenario: ResolvedScenario, side: Side): AllocationLever[] {
  const channels = scenario.campaigns[side].channels;
  return (Object.keys(channels) as ChannelName[])
    .filter((c) => (channels[c]?.costPerContact ?? 0) > 0)
    .map((channel) => ({ id: `channel:${channel}`, kind: 'channel', channel, unitCost: channels[channel]!.costPerContact }));
}

/** Most money a lever can absorb: unlimited for recruitment, up to full coverage for a channel. */
function capacity(base: ResolvedScenario, side: Side, lever: AllocationLever): number {
  if (lever.kind === 'recruit') return Infinity;
  const campaign = base.campaigns[side];
  const channel = campaign.channels[lever.channel!]!;
  return (1 - channel.coverage) * lever.unitCost * channel.contacts * campaign.listSize * campaign.retention;
}

/**
 * Applies a plan to a scenario.
 *
 * @param base resolved scenario (not modified)
 * @param side side spending
 * @param levers levers by id
 * @param plan money per lever id
 * @param effectiveShare share of recruits who count per recruit lever (consent), default 1
 * @example
 * // a lever 'recruit:PA' at 5 per supporter, PA holding 100,000 members:
 * applyPlan(s, 'D', levers, {'recruit:PA': 5000}).campaigns.D.allocation.PA // => 101000
 */
export function applyPlan(
  base: ResolvedScenario,
  side: Side,
  levers: readonly AllocationLever[],
  plan: AllocationPlan,
  effectiveShare: Record<string, number> = {},
): ResolvedScenario {
  let s = base;
  const campaign = base.campaigns[side];
  const kept = campaign.listSize * campaign.retention;
  for (const lever of levers) {
    const spend = plan[lever.id] ?? 0;
    if (spend <= 0) continue;
    if (lever.kind === 'recruit') {
      s = withExtraSupporters(s, side, lever.territory!, (spend / lever.unitCost) * (effectiveShare[lever.id] ?? 1));
    } else {
      const current = s.campaigns[side];
      const channel = current.channels[lever.channel!]!;
      const extra = kept > 0 ? spend / (lever.unitCost * channel.contacts * kept) : 0;
      s = {
        ...s,
        campaigns: {
          ...s.campaigns,
          [side]: { ...current, channels: { ...current.channels, [lever.channel!]: { ...channel, coverage: Math.min(1, channel.coverage + extra) } } },
        },
      };
    }
  }
  return s;
}

/** Legal filter: which levers stay, which are blocked and why, and the share of recruits that counts. */
function legalFilter(base: ResolvedScenario, side: Side, options: AllocationOptions) {
  const allowed: AllocationLever[] = [];
  const blocked: string[] = [];
  const warnings: AnalysisWarning[] = [];
  const share: Record<string, number> = {};
  const limits = options.limits;
  const paid = options.paidChannels ?? ['social'];
  const blackouts = (limits?.advertisingBlackouts ?? []).filter((b) => b.year === base.year && options.date !== undefined && b.start <= options.date && options.date <= b.end);
  const activeChannels = Object.keys(base.campaigns[side].channels);
  for (const lever of options.levers) {
    if (lever.kind === 'channel' && paid.includes(lever.channel!) && blackouts.length > 0) {
      blocked.push(lever.id);
      warnings.push(analysisMessages.blockedChannel(lever.id, `paid advertising is banned from ${blackouts[0].start} to ${blackouts[0].end} (${blackouts[0].rule})`));
      continue;
    }
    if (lever.kind === 'recruit' && limits) {
      const rules = limits.consent.filter((r) => r.listOrigin === lever.listOrigin && (r.channel === 'any' || activeChannels.includes(r.channel)));
      const forbidden = rules.find((r) => r.requirement === 'forbidden');
      const optIn = rules.find((r) => r.requirement === 'opt-in');
      if (forbidden) {
        blocked.push(lever.id);
        warnings.push(analysisMessages.blockedChannel(lever.id, `${forbidden.channel} contact of ${forbidden.listOrigin} lists is forbidden (${forbidden.citation.source})`));
        continue;
      }
      if (optIn) {
        if (options.optInShare === undefined) {
          blocked.push(lever.id);
          warnings.push(analysisMessages.blockedChannel(lever.id, `${optIn.channel} contact of ${optIn.listOrigin} lists needs prior consent (${optIn.citation.source}); give optInShare`));
          continue;
        }
        share[lever.id] = options.optInShare;
      }
    }
    allowed.push(lever);
  }
  return { allowed, blocked, warnings, share };
}

/**
 * Spends a budget to maximise P(win): greedy coordinate ascent in equal chunks on paired (common random
 * number) gains. Each step tries one more chunk on every allowed lever with room left, keeps the one with
 * the largest gain in P(win) over the current plan, and stops early when no chunk raises P(win).
 *
 * Legal limits (from data, per country): the budget is cut to the year's spending cap (the cap of the
 * finalists' scope when there are several) minus `alreadySpent`; inside a paid-advertising blackout window
 * (France: Code électoral L52-1 al. 1) the paid channels are blocked; recruitment from lists whose origin
 * needs prior consent for a channel the campaign uses (CNIL délibération 2012-020 for rented e-mail/SMS
 * files) counts only the `optInShare` of recruits, and is blocked when that share is not given.
 *
 * Baselines, run with the same seed: `proportional` spreads the budget over recruitment levers in
 * proportion to the side's list allocation (its baseline votes), or equally over channels when there is
 * no recruitment lever; `swingOnly` spreads it equally over recruitment levers of territories within
 * `swingMarginPp` of a tie. Source of the greedy marginal-gain approach: Strömberg (2008) AER 98(3) on
 * allocating campaign resources by marginal effect on the probability of winning.
 *
 * @param base resolved scenario
 * @param options `run`, `budget`, `levers`, optional `side`, `steps`, `limits`, `date`, `alreadySpent`,
 *   `paidChannels`, `optInShare`, `swingMarginPp`
 * @throws {InputError} for a negative budget, an opt-in share outside 0–1, unknown levers or no allowed lever
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1; 1,000,000 dollars in 5 chunks, recruiting at 10 dollars a supporter in eight states:
 * allocation(resolved, { run, budget: 1000000, steps: 5, levers }).optimum
 * // => {plan: {'recruit:GA': 200000}, pWin: 0.69845, ...} and a 'clipped-budget' warning: no further chunk raised P(win)
 */
export function allocation(base: ResolvedScenario, options: AllocationOptions): AllocationResult {
  const side = options.side ?? base.sides[0];
  const sign = sideSign(base.sides, side);
  if (!(options.budget >= 0)) throw new InputError({ at: 'budget', expected: 'a non-negative amount', found: String(options.budget) });
  if (options.optInShare !== undefined && !(options.optInShare >= 0 && options.optInShare <= 1)) {
    throw new InputError({ at: 'optInShare', expected: 'a share between 0 and 1', found: String(options.optInShare) });
  }
  const steps = options.steps ?? 10;
  if (!(Number.isInteger(steps) && steps > 0)) throw new InputError({ at: 'steps', expected: 'a positive integer', found: String(steps) });
  const campaign = base.campaigns[side];
  for (const lever of options.levers) {
    const ok = lever.unitCost > 0 && (lever.kind === 'recruit' ? lever.territory !== undefined && lever.territory in campaign.allocation : lever.channel !== undefined && campaign.channels[lever.channel] !== undefined);
    if (!ok) throw new InputError({ at: `levers.${lever.id}`, expected: 'a positive unit cost and a territory of the allocation or a switched-on channel', found: JSON.stringify(lever) });
  }
  const { allowed, blocked, warnings, share } = legalFilter(base, side, options);
  if (allowed.length === 0) throw new InputError({ at: 'levers', expected: 'at least one lever the legal limits allow', found: `${blocked.length} blocked` });
  const currency = options.limits?.currency ?? 'currency units';
  let budget = options.budget;
  const caps = (options.limits?.spendingCaps ?? []).filter((c) => c.year === base.year && c.amount !== null);
  if (caps.length > 0) {
    const cap = caps.find((c) => c.scope.includes('finalists')) ?? caps[0];
    const room = Math.max(0, (cap.amount as number) - (options.alreadySpent ?? 0));
    if (budget > room) {
      warnings.push(analysisMessages.clippedBudget(budget - room, currency, `spending cap ${cap.amount} ${currency} (${cap.citation.source}), ${options.alreadySpent ?? 0} already spent`));
      budget = room;
    }
  }
  const pOf = (r: ReturnType<RunScenario>) => (sign === 1 ? r.winsA : r.winsB) / r.simulations;
  const runPlan = (plan: AllocationPlan) => options.run(applyPlan(base, side, allowed, plan, share));
  const baseRun = options.run(base);

  const { plan, optimumRun } = greedyPlan({ base, side, sign, allowed, budget, steps, currency, warnings, baseRun, runPlan });
  const { proportionalPlan, swingPlan } = comparisonPlans(base, side, allowed, budget, options.swingMarginPp ?? 5);
  const evaluate = (p: AllocationPlan): PlanEvaluation => {
    const r = p === plan ? optimumRun : runPlan(p);
    return { plan: p, pWin: pOf(r), optimumGain: pairedWinDifference(r, optimumRun, sign) };
  };
  return {
    side,
    budget,
    basePWin: pOf(baseRun),
    optimum: evaluate(plan),
    proportional: evaluate(proportionalPlan),
    swingOnly: evaluate(swingPlan),
    blocked,
    warnings,
  };
}

/**
 * The greedy search: the budget in `steps` chunks, each chunk to the lever whose trial run raises P(win)
 * most on the paired draws; stops (with a warning) when no chunk raises it.
 */
function greedyPlan(search: {
  base: ResolvedScenario;
  side: Side;
  sign: 1 | -1;
  allowed: AllocationLever[];
  budget: number;
  steps: number;
  currency: string;
  warnings: AllocationResult['warnings'];
  baseRun: ReturnType<RunScenario>;
  runPlan: (plan: AllocationPlan) => ReturnType<RunScenario>;
}): { plan: AllocationPlan; optimumRun: ReturnType<RunScenario> } {
  const { base, side, sign, allowed, budget, steps, currency, warnings, runPlan } = search;
  const chunk = budget / steps;
  const plan: AllocationPlan = {};
  let current = search.baseRun;
  let spent = 0;
  for (let step = 0; step < steps && chunk > 0; step++) {
    let bestId: string | null = null;
    let bestGain = 0;
    let bestRun = current;
    for (const lever of allowed) {
      const already = plan[lever.id] ?? 0;
      const add = Math.min(chunk, capacity(base, side, lever) - already);
      if (add <= 0) continue;
      const trialRun = runPlan({ ...plan, [lever.id]: already + add });
      const gain = pairedWinDifference(current, trialRun, sign).difference;
      if (gain > bestGain) {
        bestGain = gain;
        bestId = lever.id;
        bestRun = trialRun;
      }
    }
    if (bestId === null) {
      warnings.push(analysisMessages.clippedBudget(budget - spent, currency, 'no further chunk raises P(win) on these draws'));
      break;
    }
    const lever = allowed.find((l) => l.id === bestId)!;
    const add = Math.min(chunk, capacity(base, side, lever) - (plan[bestId] ?? 0));
    plan[bestId] = (plan[bestId] ?? 0) + add;
    spent += add;
    current = bestRun;
  }
  return { plan, optimumRun: current };
}

/**
 * The plans the optimum is compared with: proportional (recruits spread like the list, else the budget
 * split over the levers) and swing-only (the budget split over the territories within `within` pp).
 */
function comparisonPlans(base: ResolvedScenario, side: Side, allowed: AllocationLever[], budget: number, within: number): { proportionalPlan: AllocationPlan; swingPlan: AllocationPlan } {
  const campaign = base.campaigns[side];
  const recruits = allowed.filter((l) => l.kind === 'recruit');
  const proportionalPlan: AllocationPlan = {};
  if (recruits.length > 0) {
    const total = recruits.reduce((s, l) => s + (getOwn(campaign.allocation, l.territory!) ?? 0), 0);
    for (const l of recruits) setOwn(proportionalPlan, l.id, total > 0 ? (budget * (getOwn(campaign.allocation, l.territory!) ?? 0)) / total : budget / recruits.length);
  } else {
    for (const l of allowed) proportionalPlan[l.id] = Math.min(budget / allowed.length, capacity(base, side, l));
  }
  const byId = new Map(base.territories.map((t) => [t.id, t]));
  const swing = recruits.filter((l) => {
    const t = byId.get(l.territory!);
    return t !== undefined && Math.abs(twoPartyMargin(t.votes[base.sides[0]] ?? 0, t.votes[base.sides[1]] ?? 0)) < within;
  });
  const swingPlan: AllocationPlan = {};
  for (const l of swing) swingPlan[l.id] = budget / swing.length;
  return { proportionalPlan, swingPlan };
}
