/**
 * The computation behind `campaign-lab allocate`: the greedy allocation under legal limits (analysis/
 * allocation.ts), the runs the command reports beside it (no spending, the optimum, proportional over
 * all territories), all with the same seed. Synchronous, with the runner injected (default: `simulate` in
 * this thread); the command runs it on a worker thread (src/node/allocatePlansInWorker.ts) so that Ctrl-C
 * stops it at once.
 */
import { allocation, applyPlan, type AllocationLever, type AllocationPlan, type AllocationResult } from './allocation.js';
import { pairedGroupDifference } from './pairedWinDifference.js';
import type { LegalLimits } from '../data/legalLimits.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { Side } from '../model/types.js';
import { prepareModel } from '../sim/prepareModel.js';
import { simulate } from '../sim/simulate.js';
import type { SimulationResult } from '../sim/types.js';
import type { RunScenario } from './listMarginalValue.js';

/** Everything {@link allocatePlans} needs: plain data, so it can be sent to a worker. */
export interface AllocatePlansInput {
  resolved: ResolvedScenario;
  side: Side;
  /** Levers the greedy search tries (recruitment in the candidate territories, channels). */
  levers: AllocationLever[];
  /** Recruitment levers of every territory, for the proportional plan over all territories (may be empty). */
  allRecruit: AllocationLever[];
  budget: number;
  steps: number;
  limits?: LegalLimits;
  date?: string;
  alreadySpent: number;
  optInShare?: number;
}

/** A paired difference of P(win) with its 90 % interval. */
export interface Interval90 {
  difference: number;
  low: number;
  high: number;
}

/** What {@link allocatePlans} returns. */
export interface AllocatePlansOutput {
  result: AllocationResult;
  /** Optimum − no spending, paired. */
  gain: Interval90;
  /** Proportional over all territories (absent without recruitment, or when legal limits block it). */
  nationwide?: { plan: AllocationPlan; pWin: number; optimumGain: Interval90 };
}

/**
 * Runs the allocation and the comparison runs.
 *
 * @param input scenario, side, levers, budget, steps and legal context
 * @param onRun called after each simulation run with the runs done and the runs expected
 * @param runScenario runs a scenario with its seed and simulations keeping outcomes and weights (default: simulate in this thread)
 * @example
 * // scenarios/default.yaml at 5,000 simulations; recruiting at 5 dollars in the 5 states closest to a tie:
 * allocatePlans({ resolved, side: 'D', levers, allRecruit, budget: 2e7, steps: 2, alreadySpent: 0 }).result.optimum
 * // => {plan: {'recruit:PA': 20000000}, pWin: 0.3688, ...} (the CLI: allocate … --sims 5000 --candidates 5 --steps 2)
 */
export function allocatePlans(input: AllocatePlansInput, onRun?: (done: number, expected: number) => void, runScenario?: RunScenario): AllocatePlansOutput {
  const { resolved, side, levers, allRecruit, steps, limits, date, alreadySpent, optInShare } = input;
  const { simulations, seed } = resolved;
  const expected = 1 + steps * levers.length + 3 + (allRecruit.length > 0 ? 1 : 0);
  let runs = 0;
  const simulateHere: RunScenario = (s) => simulate(prepareModel(s), { simulations, seed, keep: { outcome: true, weightA: true } });
  const run = (s: ResolvedScenario): SimulationResult => {
    const r = (runScenario ?? simulateHere)(s);
    onRun?.(++runs, expected);
    return r;
  };
  const result = allocation(resolved, { run, budget: input.budget, levers, side, steps, limits, date, alreadySpent, optInShare });
  const baseRun = run(resolved);
  const optimumRun = run(applyPlan(resolved, side, levers, result.optimum.plan, consentShares(levers, result, optInShare, limits, resolved, side)));
  let nationwide: AllocatePlansOutput['nationwide'];
  if (allRecruit.length > 0 && !allRecruit.some((l) => result.blocked.includes(l.id))) {
    const allocationOf = resolved.campaigns[side].allocation;
    const total = allRecruit.reduce((s, l) => s + allocationOf[l.territory!], 0);
    const plan: AllocationPlan = {};
    for (const l of allRecruit) plan[l.id] = total > 0 ? (result.budget * allocationOf[l.territory!]) / total : result.budget / allRecruit.length;
    const r = run(applyPlan(resolved, side, allRecruit, plan, consentShares(allRecruit, result, optInShare, limits, resolved, side)));
    nationwide = { plan, pWin: r.pWin[side], optimumGain: interval90(r, optimumRun, side) };
  }
  return { result, gain: interval90(baseRun, optimumRun, side), nationwide };
}

/**
 * Share of recruits that count per recruit lever under an opt-in rule (as allocation() applies it).
 *
 * @returns lever id → share 0–1, for the recruit levers an opt-in rule covers when `optInShare` is given
 * @example
 * consentShares(levers, result, 0.3, limitsFr, resolved, 'PS') // => { 'recruit:75': 0.3, ... } for rented-commercial recruits
 */
export function consentShares(levers: AllocationLever[], result: AllocationResult, optInShare: number | undefined, limits: LegalLimits | undefined, resolved: ResolvedScenario, side: Side): Record<string, number> {
  const active = Object.keys(resolved.campaigns[side].channels);
  const share: Record<string, number> = {};
  for (const l of levers) {
    if (l.kind !== 'recruit' || result.blocked.includes(l.id)) continue;
    const optIn = (limits?.consent ?? []).some((r) => r.listOrigin === l.listOrigin && r.requirement === 'opt-in' && (r.channel === 'any' || active.includes(r.channel)));
    if (optIn && optInShare !== undefined) share[l.id] = optInShare;
  }
  return share;
}

function interval90(base: SimulationResult, variant: SimulationResult, side: Side): Interval90 {
  const d = pairedGroupDifference(base, variant, side);
  return { difference: d.deltaPWin, low: d.low, high: d.high };
}
