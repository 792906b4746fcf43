/**
 * The multi-candidate branch of `value`, `compare` and `allocate` (issue 20 section 5): the scenario's race
 * runs on the K-candidate engine and our candidate's (sides[0]'s) campaign plans are compared on the same
 * simulated elections (node/multiCandidateCampaignRuns.ts). Text and `--json`.
 */
import { resolve } from 'node:path';
import { InputError, describeValue } from '../../errors.js';
import type { CliContext } from '../CliContext.js';
import type { ParsedArguments } from '../parseArguments.js';
import { printJson } from '../printJson.js';
import { toJsonText } from '../../io/jsonText.js';
import { writeFolderAtomic } from '../../node/writeFileAtomic.js';
import type { Scenario } from '../../scenario/types.js';
import { allocateMultiCandidate, compareMultiCandidate, plansSetup, valueMultiCandidate, type PlansSetup } from '../../node/multiCandidateCampaignRuns.js';
import { formatMultiCandidateAllocate, formatMultiCandidateCompare, formatMultiCandidateValue } from '../formatMultiCandidateRun.js';

/** `--side` must be our candidate: the one whose campaign the engine runs. */
function checkSide(setup: PlansSetup, side: unknown): void {
  const ours = setup.loaded.race.parties[0]!;
  if (side !== undefined && side !== ours) {
    throw new InputError({ at: '--side', expected: `${ours}, the scenario's sides[0] (a multi-candidate race runs our candidate's campaign only)`, found: describeValue(side) });
  }
}

/** A warning when our campaign has no channel: more supporters then move nothing. */
function warnNoChannel(setup: PlansSetup, context: CliContext): void {
  if (Object.keys(setup.campaign.channels).length === 0) {
    const ours = setup.loaded.race.parties[0]!;
    context.stderr.write(`campaign-lab: warning: ${ours} has no channel switched on, so more supporters move nothing; add channels under campaigns.${ours}.channels\n`);
  }
}

/**
 * `value` on a multi-candidate race: `--add` supporters in each unit where our candidate stands.
 *
 * @throws {InputError} a `--side` other than sides[0], `--by region`, and the engine's errors.
 * @example
 * await multiCandidateValue(scenario, 'fr.yaml', args, context, 100000, undefined) // prints the ranked units
 */
export async function multiCandidateValue(scenario: Scenario, file: string, args: ParsedArguments, context: CliContext, add: number, out: string | undefined): Promise<void> {
  const setup = plansSetup(scenario, file);
  checkSide(setup, args.options.side);
  if (args.options.by === 'region') throw new InputError({ at: '--by', expected: '"territory" on a multi-candidate race (each unit in turn)', found: '"region"' });
  warnNoChannel(setup, context);
  const doc = valueMultiCandidate(setup, add);
  if (out) await writeFolderAtomic(resolve(context.cwd, out), [{ name: 'value.json', data: toJsonText(doc) }], context.signal, out);
  if (args.options.json) printJson(context.stdout, doc);
  else context.stdout.write(formatMultiCandidateValue(doc) + (out ? `Written to ${out}/ (value.json)\n` : ''));
}

/**
 * `compare` on a multi-candidate race: the scenario's campaign against the variant's.
 *
 * @throws {InputError} a `--side` other than sides[0], a variant that changes anything but campaigns.
 * @example
 * await multiCandidateCompare(base, variant, 'fr.yaml', ['campaigns.LFI.listSize=5e6'], args, context)
 */
export async function multiCandidateCompare(base: Scenario, variant: Scenario, file: string, changes: string[], args: ParsedArguments, context: CliContext): Promise<void> {
  const a = plansSetup(base, file);
  checkSide(a, args.options.side);
  const doc = compareMultiCandidate(a, plansSetup(variant, file), changes);
  if (args.options.json) printJson(context.stdout, doc);
  else context.stdout.write(formatMultiCandidateCompare(doc));
}

/**
 * `allocate` on a multi-candidate race: `--budget` spent on recruiting supporters at `--cost-per-supporter`
 * (required here), greedily in `--steps` chunks over the `--candidates` closest units.
 *
 * @throws {InputError} no `--cost-per-supporter`, a `--side` other than sides[0].
 * @example
 * await multiCandidateAllocate(scenario, 'fr.yaml', args, context, 2e6, 5, undefined)
 */
export async function multiCandidateAllocate(scenario: Scenario, file: string, args: ParsedArguments, context: CliContext, budget: number, costPerSupporter: number | undefined, out: string | undefined): Promise<void> {
  const setup = plansSetup(scenario, file);
  checkSide(setup, args.options.side);
  if (costPerSupporter === undefined || !(costPerSupporter > 0)) throw new InputError({ at: '--cost-per-supporter', expected: 'a positive amount per recruited supporter (on a multi-candidate race the budget buys supporters)', found: describeValue(args.options['cost-per-supporter']) });
  warnNoChannel(setup, context);
  const doc = allocateMultiCandidate(setup, { budget, costPerSupporter, candidates: (args.options.candidates as number | undefined) ?? 10, steps: (args.options.steps as number | undefined) ?? 5 });
  if (out) await writeFolderAtomic(resolve(context.cwd, out), [{ name: 'allocation.json', data: toJsonText(doc) }], context.signal, out);
  if (args.options.json) printJson(context.stdout, doc);
  else context.stdout.write(formatMultiCandidateAllocate(doc) + (out ? `Written to ${out}/ (allocation.json)\n` : ''));
}
