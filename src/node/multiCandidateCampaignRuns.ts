/**
 * `value`, `compare` and `allocate` on a multi-candidate race (issue 20 section 5): our candidate's campaign
 * plans run on the same simulated elections (race/multiCandidatePlans.ts), their paired differences with
 * 90 % Monte Carlo intervals. The objective follows the rule: P(qualifies for round 2) under the presidential
 * two rounds, our expected seats under seat rules (plurality, two-round-legislative) and the electoral
 * college, P(our candidate wins) otherwise; every document carries all three where the rule gives them.
 */
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { loadedMultiCandidateRace, multiCandidateOptions, type LoadedMultiCandidateRace } from '../scenario/multiCandidateScenario.js';
import { resolveMultiCandidateCampaign } from '../scenario/multiCandidateCampaignScenario.js';
import { campaignTerritories, createMultiCandidateCampaign } from '../race/multiCandidateCampaign.js';
import { simulateMultiCandidatePlans, type PlanDifference, type PlanOutcome } from '../race/multiCandidatePlans.js';
import type { MultiCandidateOptions, MultiCandidateRule } from '../race/simulateMultiCandidate.js';
import type { ResolvedCampaign } from '../model/resolvedScenario.js';
import { emptyCampaign } from '../model/emptyCampaign.js';
import { loadParameters } from './data/loadParameters.js';
import { VERSION } from '../sim/version.js';
import { horizonUncertainty } from '../scenario/horizon.js';

/** What the plans are ranked by. */
export type PlanObjective = 'pQualify' | 'seats' | 'pWin';

/** A plan's outcome and its paired change against the reference plan. */
export interface PlanRow {
  outcome: PlanOutcome;
  change: PlanDifference;
}

/** What every multi-candidate campaign document shares. */
interface PlansHeader {
  kind: 'multi-candidate';
  /** Our candidate: party code and name (sides[0]). */
  party: string;
  name: string;
  rule: MultiCandidateRule;
  objective: PlanObjective;
  simulations: number;
  seed: number;
  interval: '90% paired (common random numbers)';
  scenario: string;
  version: string;
}

/** `value --json` on a multi-candidate race. */
export interface MultiCandidateValueDocument extends PlansHeader {
  add: number;
  /** Our outcome with the scenario's campaign (or none). */
  base: PlanOutcome;
  /** Per unit where our candidate stands, ranked by the objective's change (largest first). */
  units: ({ id: string; name: string; added: number } & PlanRow)[];
}

/** `compare --json` on a multi-candidate race. */
export interface MultiCandidateCompareDocument extends PlansHeader {
  changes: string[];
  base: PlanOutcome;
  variant: PlanOutcome;
  difference: PlanDifference;
}

/** A loaded multi-candidate scenario ready for plans: its race, options, our resolved campaign. */
export interface PlansSetup {
  scenario: Scenario;
  loaded: LoadedMultiCandidateRace;
  options: MultiCandidateOptions;
  campaign: ResolvedCampaign;
}

/**
 * The objective of a rule (see the module comment).
 *
 * @example
 * planObjective('two-round') // => 'pQualify'
 */
export function planObjective(rule: MultiCandidateRule): PlanObjective {
  return rule === 'two-round' ? 'pQualify' : rule === 'plurality' || rule === 'two-round-legislative' || rule === 'electoral-college' ? 'seats' : 'pWin';
}

/**
 * Resolves a loaded multi-candidate scenario for plans: options and our campaign (an empty one, no list and
 * no channel, when the scenario gives none).
 *
 * @throws {InputError} a scenario without its race, keys the engine refuses (multiCandidateOptions), a bad campaign.
 * @example
 * plansSetup(await loadCommandScenario('scenarios/canada-2011.yaml', { cwd: '.' }), 'canada-2011.yaml').campaign.listSize // => 0 (no campaign: an empty one)
 */
export function plansSetup(scenario: Scenario, file: string): PlansSetup {
  const loaded = loadedMultiCandidateRace(scenario);
  if (!loaded) throw new InputError({ file, at: 'race', expected: 'a multi-candidate race read by the scenario loader', found: 'none' });
  const parameters = loadParameters();
  const { options } = multiCandidateOptions(scenario, loaded, horizonUncertainty(scenario.horizon, parameters), file);
  const campaign = resolveMultiCandidateCampaign(scenario, loaded.race, parameters, file)?.campaign ?? emptyCampaign();
  return { scenario, loaded, options, campaign };
}

function header(setup: PlansSetup, name: string): PlansHeader {
  const { race } = setup.loaded;
  return {
    kind: 'multi-candidate',
    party: race.parties[0]!,
    name: race.partyNames[0]!,
    rule: setup.options.rule,
    objective: planObjective(setup.options.rule),
    simulations: setup.options.simulations,
    seed: setup.options.seed,
    interval: '90% paired (common random numbers)',
    scenario: name,
    version: VERSION,
  };
}

/**
 * The change of the objective in a difference: a probability (share 0–1) or seats.
 *
 * @example
 * objectiveChange(difference, 'pWin') // => difference.pWin.mean
 */
export function objectiveChange(change: PlanDifference, objective: PlanObjective): number {
  return objective === 'pQualify' ? change.pQualify!.mean : objective === 'seats' ? change.seats!.mean : change.pWin.mean;
}

/**
 * `value` on a multi-candidate race: `add` supporters added to our list in each unit where our candidate
 * stands (at most the unit's eligible voters less the list already there), every unit a plan against the
 * scenario's campaign, all on the same elections; ranked by the objective's change.
 *
 * @param setup From {@link plansSetup}.
 * @param add Supporters added per unit, people (> 0).
 * @returns The ranked document.
 * @throws {InputError} as simulateMultiCandidatePlans.
 * @example
 * // Canada 2011, zero uncertainty, a CPC list mobilising a tenth of its members (test/cli/multiCandidateCampaign.test.ts):
 * valueMultiCandidate(setup, 10 * (gap + 2)).units[0].change.seats // => { mean: 1, low: 1, high: 1, standardError: 0 } (the closest riding CPC lost)
 */
export function valueMultiCandidate(setup: PlansSetup, add: number): MultiCandidateValueDocument {
  const { race } = setup.loaded;
  const territories = campaignTerritories(race);
  const units: { id: string; name: string; added: number }[] = [];
  const plans = [createMultiCandidateCampaign(race, setup.campaign)];
  territories.forEach((t, u) => {
    const ours = race.unitStart[u]! < race.unitStart[u + 1]! && Array.from(race.slotParty.subarray(race.unitStart[u]!, race.unitStart[u + 1]!)).includes(0);
    if (!ours) return;
    const have = setup.campaign.allocation[t.id] ?? 0;
    const added = t.eligible > 0 ? Math.max(0, Math.min(add, t.eligible - have)) : add;
    if (!(added > 0)) return;
    units.push({ id: t.id, name: t.name, added });
    plans.push(createMultiCandidateCampaign(race, withAdded(setup.campaign, t.id, added)));
  });
  const result = simulateMultiCandidatePlans(race, setup.options, plans);
  const head = header(setup, setup.scenario.name);
  const rows = units.map((unit, k) => ({ ...unit, outcome: result.plans[k + 1]!, change: result.differences[k + 1]! }));
  rows.sort((a, b) => objectiveChange(b.change, head.objective) - objectiveChange(a.change, head.objective) || b.change.pWin.mean - a.change.pWin.mean);
  return { ...head, add, base: result.plans[0]!, units: rows };
}

/** The campaign with `added` more supporters collected in unit `id` (list size too). */
function withAdded(campaign: ResolvedCampaign, id: string, added: number): ResolvedCampaign {
  const allocation = { ...campaign.allocation, [id]: (campaign.allocation[id] ?? 0) + added };
  return { ...campaign, allocation, listSize: campaign.listSize + added };
}

/**
 * `compare` on a multi-candidate race: the scenario's campaign against the variant's, on the same elections.
 * Only `campaigns.*` may differ (and `--sims`, `--seed` apply to both): any other key changes the race, and
 * its draws could not be paired.
 *
 * @param base The scenario's setup.
 * @param variant The variant's setup.
 * @param changes The `--set` changes, for the document.
 * @throws {InputError} a variant that changes anything but `campaigns` (at `--set`).
 * @example
 * // France 2022, sides [LFI, RN], e-mail and relay lists of 1 M and 5 M, 2,000 elections, seed 2022:
 * compareMultiCandidate(base, variant, ['campaigns.LFI.listSize=5e6']).difference.pQualify // => { mean: 0.0035, …, gained: 8, lost: 1 }
 */
export function compareMultiCandidate(base: PlansSetup, variant: PlansSetup, changes: string[]): MultiCandidateCompareDocument {
  const strip = (s: Scenario) => JSON.stringify({ ...s, campaigns: undefined });
  if (strip(base.scenario) !== strip(variant.scenario)) {
    throw new InputError({ at: '--set', expected: 'changes to campaigns.* only on a multi-candidate race (the draws are paired on the same race, rule and errors)', found: changes.join(', ') });
  }
  const { race } = base.loaded;
  const result = simulateMultiCandidatePlans(race, base.options, [createMultiCandidateCampaign(race, base.campaign), createMultiCandidateCampaign(race, variant.campaign)]);
  return { ...header(base, base.scenario.name), changes, base: result.plans[0]!, variant: result.plans[1]!, difference: result.differences[1]! };
}

/** `allocate --json` on a multi-candidate race. */
export interface MultiCandidateAllocateDocument extends PlansHeader {
  budget: number;
  costPerSupporter: number;
  /** Supporters the budget buys: budget / cost per supporter. */
  supporters: number;
  /** Our outcome with the scenario's campaign (nothing bought). */
  base: PlanOutcome;
  /** The units the greedy search tried (see {@link allocationCandidates}). */
  candidates: string[];
  /** The plans, each against the scenario's campaign on the same elections. */
  plans: ({ name: 'optimum' | 'proportional'; allocation: Record<string, number> } & PlanRow)[];
  /** What the legal limits of the two-sided `allocate` would add and this one does not apply. */
  notes: string[];
}

/**
 * The units the allocation tries: under seat rules and the electoral college, the units where our candidate
 * stands closest to the line (our votes against the leader's, or the runner-up's where we lead, over the
 * unit's valid votes); under national rules (a unit elects nobody) the units with the most of our votes.
 *
 * @example
 * allocationCandidates(loadTableRace('ca-2011-federal-ridings'), 'plurality', 3).map((u) => race.units.ids[u]) // => ['24058', '35057', '35022']
 */
export function allocationCandidates(race: PlansSetup['loaded']['race'], rule: MultiCandidateRule, k: number): number[] {
  const byUnit: { u: number; key: number }[] = [];
  for (let u = 0; u < race.unitStart.length - 1; u++) {
    let ours = -1;
    let best = 0;
    for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
      if (race.slotParty[s] === 0) ours = Math.max(ours, race.votes[s]!);
      else best = Math.max(best, race.votes[s]!);
    }
    if (ours < 0) continue;
    const seatRule = planObjective(rule) === 'seats';
    byUnit.push({ u, key: seatRule ? Math.abs(ours - best) / Math.max(1, race.units.valid[u]!) : -ours });
  }
  byUnit.sort((a, b) => a.key - b.key || a.u - b.u);
  return byUnit.slice(0, k).map((x) => x.u);
}

/**
 * The greedy search: each of `steps` chunks goes to the candidate unit (with room for it under its eligible
 * voters) whose chunk raises the objective most on the same elections (ties: P(win)).
 *
 * @returns The campaign with the chunks, supporters bought per unit id, and the chunks left unspent.
 * @example
 * greedyAllocation(setup, [u], 1000, 1).bought // => { [ids[u]]: 1000 }
 */
function greedyAllocation(setup: PlansSetup, candidates: number[], chunk: number, steps: number): { campaign: ResolvedCampaign; bought: Record<string, number>; stopped: number } {
  const { race } = setup.loaded;
  const ids = race.units.ids;
  const eligible = campaignTerritories(race).map((t) => t.eligible);
  const objective = planObjective(setup.options.rule);
  const bought: Record<string, number> = {};
  let current = setup.campaign;
  for (let step = 0; step < steps; step++) {
    const open = candidates.filter((u) => !(eligible[u]! > 0) || eligible[u]! - (current.allocation[ids[u]!] ?? 0) >= chunk);
    if (open.length === 0) return { campaign: current, bought, stopped: steps - step };
    const tries = open.map((u) => withAdded(current, ids[u]!, chunk));
    const result = simulateMultiCandidatePlans(race, setup.options, [current, ...tries].map((c) => createMultiCandidateCampaign(race, c)));
    let pick = 0;
    for (let k = 1; k < tries.length; k++) {
      const a = result.differences[k + 1]!;
      const b = result.differences[pick + 1]!;
      if (objectiveChange(a, objective) > objectiveChange(b, objective) || (objectiveChange(a, objective) === objectiveChange(b, objective) && a.pWin.mean > b.pWin.mean)) pick = k;
    }
    current = tries[pick]!;
    bought[ids[open[pick]!]!] = (bought[ids[open[pick]!]!] ?? 0) + chunk;
  }
  return { campaign: current, bought, stopped: 0 };
}

/**
 * `allocate` on a multi-candidate race: the supporters a budget buys (budget / cost per supporter), spent
 * greedily in `steps` equal chunks, each going to the candidate unit whose chunk raises the objective most on
 * the same elections (ties: P(win)), against the same supporters spread as our votes over every unit
 * (proportional). The two-sided command's legal limits (spending caps, blackouts, consent) are not applied.
 *
 * @param setup From {@link plansSetup}.
 * @param spend Budget and cost per supporter (currency units), candidate units and steps.
 * @returns Both plans against the scenario's campaign.
 * @example
 * allocateMultiCandidate(setup, { budget: 1e6, costPerSupporter: 5, candidates: 10, steps: 5 }).plans.map((p) => p.name) // => ['optimum', 'proportional']
 */
export function allocateMultiCandidate(setup: PlansSetup, spend: { budget: number; costPerSupporter: number; candidates: number; steps: number }): MultiCandidateAllocateDocument {
  const { race } = setup.loaded;
  const supporters = spend.budget / spend.costPerSupporter;
  const chunk = supporters / spend.steps;
  const ids = race.units.ids;
  const candidates = allocationCandidates(race, setup.options.rule, spend.candidates);
  const { campaign: current, bought, stopped } = greedyAllocation(setup, candidates, chunk, spend.steps);
  const territories = campaignTerritories(race);
  const ours = territories.map((t) => t.votes[race.parties[0]!]!);
  const eligible = territories.map((t) => t.eligible);
  const total = ours.reduce((a, b) => a + b, 0);
  const proportional: Record<string, number> = {};
  let spread = setup.campaign;
  ours.forEach((v, u) => {
    if (v > 0) {
      const room = eligible[u]! > 0 ? Math.max(0, eligible[u]! - (setup.campaign.allocation[ids[u]!] ?? 0)) : Infinity;
      proportional[ids[u]!] = Math.min(room, (supporters * v) / total);
      spread = withAdded(spread, ids[u]!, proportional[ids[u]!]!);
    }
  });
  const final = simulateMultiCandidatePlans(race, setup.options, [setup.campaign, current, spread].map((c) => createMultiCandidateCampaign(race, c)));
  return {
    ...header(setup, setup.scenario.name),
    budget: spend.budget,
    costPerSupporter: spend.costPerSupporter,
    supporters,
    base: final.plans[0]!,
    candidates: candidates.map((u) => ids[u]!),
    plans: [
      { name: 'optimum', allocation: bought, outcome: final.plans[1]!, change: final.differences[1]! },
      { name: 'proportional', allocation: proportional, outcome: final.plans[2]!, change: final.differences[2]! },
    ],
    notes: [
      'legal limits (spending caps, advertising blackouts, consent for rented lists) are not applied on a multi-candidate race',
      ...(stopped > 0 ? [`${stopped} of ${spend.steps} chunks left unspent: no candidate unit has room for another chunk under its eligible voters`] : []),
    ],
  };
}
