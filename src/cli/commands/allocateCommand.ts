/**
 * `campaign-lab allocate`: spends a budget where it raises P(win) most, under the country's legal limits
 * (spending cap, paid-advertising blackout, consent rules), against spending in proportion to votes and on
 * swing territories only, every plan on the same draws.
 */
import { SCENARIO_ARGUMENT, runOptions, scenarioSettings, scenarioAndOut } from '../scenarioOptions.js';
import { resolve } from 'node:path';
import { InputError, describeValue } from '../../errors.js';
import type { Command } from '../CliContext.js';
import { parseAmount } from '../parseAmount.js';
import { printJson } from '../printJson.js';
import { toJsonText } from '../../io/jsonText.js';
import { ProgressBar } from '../ProgressBar.js';
import { loadCommandScenario, prepareLoadedScenario, warnOnStderr } from '../../node/prepareScenario.js';
import { loadedMultiCandidateRace } from '../../scenario/multiCandidateScenario.js';
import { formatCount } from '../../briefing/formatNumber.js';
import { writeFolderAtomic, type FolderFile } from '../../node/writeFileAtomic.js';
import { channelLevers, recruitmentLevers, type AllocationLever, type AllocationPlan, type AllocationResult } from '../../analysis/allocation.js';
import type { AllocatePlansOutput } from '../../analysis/allocatePlans.js';
import { allocatePlansInWorker } from '../../node/allocatePlansInWorker.js';
import { twoPartyMargin } from '../../model/twoPartyMargin.js';
import { loadLegalLimits } from '../../node/data/loadFacts.js';
import { loadParameters } from '../../node/data/loadParameters.js';
import { costCurrencyCode } from '../../data/parameters.js';
import type { ResolvedScenario } from '../../model/resolvedScenario.js';
import type { Side } from '../../model/types.js';
import type { LegalLimits } from '../../data/legalLimits.js';
import { allocationComparison } from '../../charts/allocationComparison.js';
import { VERSION } from '../../sim/version.js';
import { applyPlan } from '../../analysis/allocation.js';
import { consentShares } from '../../analysis/allocatePlans.js';
import { pairedGroupDifference } from '../../analysis/pairedWinDifference.js';
import type { AnswerInterval } from '../../analysis/answerAssumptions.js';
import { ASSUMPTIONS_WORDS, MONTE_CARLO_WORDS, assumptionDrawsOption, commandAssumptions, parseAssumptionDraws } from '../assumptionOptions.js';

/** One compared plan in `allocate --json`. */
export interface AllocateStrategy {
  name: 'optimum' | 'proportional' | 'proportional-all' | 'swing-only';
  /** Money per lever id (`recruit:PA`, `channel:door`), currency units. */
  plan: AllocationPlan;
  pWin: number;
  /** Optimum − this plan, paired over the same draws, 90 % interval (absent for the optimum). */
  optimumGain?: { difference: number; low: number; high: number };
}

/** What `allocate --json` prints. */
export interface AllocateDocument {
  side: Side;
  /** Budget asked, and budget spent after the spending cap, currency units. */
  budgetAsked: number;
  budget: number;
  currency: string;
  simulations: number;
  seed: number;
  basePWin: number;
  /** Optimum − no spending, paired, 90 % Monte Carlo interval. */
  gain: { difference: number; low: number; high: number };
  /** What each interval is: `gain.low`/`high` are Monte Carlo, `gainAssumptions` the spread over the assumption draws. */
  intervals: { monteCarlo: string; assumptions: string };
  /** Joint draws of the assumptions (0: none) and the simulations of each draw's two runs. */
  assumptionDraws: number;
  assumptionSimulations: number;
  /**
   * The assumptions interval of the optimum's gain (share 0–1 of P(win)): the plan found kept fixed, its
   * gain over no spending at each joint draw of the assumptions (src/analysis/assumptions.ts), both runs
   * on the same simulated elections; 5th–95th percentiles and mean. Absent with `--assumption-draws 0`.
   */
  gainAssumptions?: AnswerInterval;
  strategies: AllocateStrategy[];
  /** Levers the legal limits blocked, and every warning (clipped budget, blocked channel). */
  blocked: string[];
  warnings: string[];
  /** How the channels' cited costs were turned into the budget's currency (absent when they are in it already). */
  costConversion?: string;
  /** Territories the greedy search tried (the closest ones by baseline margin). */
  candidates: string[];
  scenario: string;
  version: string;
}

/**
 * A readable comparison of the plans.
 *
 * @example
 * formatAllocate(doc).split('\n')[0] // => 'Budget 20,000,000 USD for D (20,000,000 allowed under the legal limits), 20,000 paired simulations, seed 2024'
 */
function formatAllocate(doc: AllocateDocument): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;
  const names: Record<AllocateStrategy['name'], string> = {
    optimum: 'Optimum (greedy)',
    'swing-only': 'Swing territories only',
    proportional: 'Proportional, candidates',
    'proportional-all': 'Proportional, all territories',
  };
  const lines = [
    `Budget ${formatCount(doc.budgetAsked)} ${doc.currency} for ${doc.side} (${formatCount(doc.budget)} allowed under the legal limits), ${formatCount(doc.simulations)} paired simulations, seed ${doc.seed}`,
    `P(${doc.side} wins) without spending ${pct(doc.basePWin)}; the optimum adds ${pp(doc.gain.difference)} pp (Monte Carlo 90% ${pp(doc.gain.low)} to ${pp(doc.gain.high)}).`,
    doc.gainAssumptions
      ? `Assumptions interval of that gain: ${pp(doc.gainAssumptions.low)} to ${pp(doc.gainAssumptions.high)} pp (5th-95th percentiles over ${doc.assumptionDraws} joint draws of every mechanism's prior, ${formatCount(doc.assumptionSimulations)} paired simulations each; the plan kept).`
      : `No assumptions interval (${doc.assumptionDraws === 0 ? '--assumption-draws 0' : 'no assumption varies'}).`,
    '',
    `${'plan'.padEnd(30)} ${`P(${doc.side} wins)`.padStart(11)} ${'optimum − plan, pp (90%)'.padStart(30)}  where the money goes`,
  ];
  for (const s of doc.strategies) {
    const total = Object.values(s.plan).reduce((a, b) => a + b, 0);
    const where = Object.entries(s.plan)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, v]) => `${id.replace(/^recruit:/, '')} ${total > 0 ? Math.round((100 * v) / total) : 0}%`)
      .join(', ');
    const gap = s.optimumGain ? `${pp(s.optimumGain.difference)} (${pp(s.optimumGain.low)} to ${pp(s.optimumGain.high)})` : '';
    lines.push(`${names[s.name].padEnd(30)} ${pct(s.pWin).padStart(11)} ${gap.padStart(30)}  ${where || 'nothing spent'}`);
  }
  if (doc.blocked.length > 0) lines.push('', `Blocked by legal limits: ${doc.blocked.join(', ')}`);
  if (doc.costConversion) lines.push(`Costs: ${doc.costConversion}`);
  for (const w of doc.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The channels' costs per contact in the budget's currency. They are cited in USD (data/parameters.json
 * `currency`); a country whose budget and legal cap are in another currency (France: EUR) converts them
 * with its cited rate (data/legal.json `costExchangeRate`: ECB annual average 2007, 1 EUR = 1.3705 USD),
 * so one run counts in one currency. Without a cited rate the costs stay at face value and the run warns.
 *
 * @returns The channel levers (unit costs in the budget's currency), the sentence saying how the costs were
 *   converted (null when no conversion was needed), and the warnings.
 * @example
 * // France 2012, PS door canvassing at the cited 1.75 USD per contact:
 * channelsInBudgetCurrency(resolved, 'PS', loadLegalLimits('fr')).levers[0].unitCost // => 1.2769062385990515 (EUR)
 */
function channelsInBudgetCurrency(resolved: ResolvedScenario, side: Side, limits: LegalLimits | undefined): { levers: AllocationLever[]; conversion: string | null; warnings: string[] } {
  const levers = channelLevers(resolved, side);
  const parameters = loadParameters();
  const described = parameters.currency;
  const cited = costCurrencyCode(parameters);
  const budgetCurrency = limits?.currency;
  if (!cited || !budgetCurrency || cited === budgetCurrency || levers.length === 0) return { levers, conversion: null, warnings: [] };
  const rate = limits?.costExchangeRate;
  const channels = levers.map((l) => l.channel).join(', ');
  if (rate?.currency !== cited) {
    return { levers, conversion: null, warnings: [`the cost per contact of ${channels} is cited in ${described} (data/parameters.json) and the budget is in ${budgetCurrency}: data/legal.json gives no exchange rate, so 1 ${cited} is counted as 1 ${budgetCurrency}`] };
  }
  return {
    levers: levers.map((l) => ({ ...l, unitCost: l.unitCost / rate.perUnit })),
    conversion: `the cost per contact of ${channels} is cited in ${described} (data/parameters.json), converted to ${budgetCurrency} at 1 ${budgetCurrency} = ${rate.perUnit} ${cited} (${rate.citation.source}; data/legal.json)`,
    warnings: [],
  };
}

/** The `allocate` command. */
export const allocateCommand: Command = {
  name: 'allocate',
  summary: 'Spend a budget where it raises P(win) most under legal limits; compare with proportional and swing-only plans.',
  details: [
    'Greedy search in equal chunks (each chunk goes to the lever that raises P(win) most on the same draws):',
    'recruiting supporters in the --candidates territories closest to a tie (at --cost-per-supporter each) and',
    'raising the coverage of the side\'s channels that have a cost per contact. The country\'s legal limits apply:',
    'the spending cap (minus --already-spent), the paid-advertising blackout on --date, and consent rules for the',
    '--list-origin of recruits (opt-in counts only --opt-in-share of them). The plans compared on the same draws:',
    'the optimum, proportional to the side\'s votes over the candidates and over all territories, and swing',
    'territories only (within 5 pp). Neither the budget nor the cost per supporter has a cited default.',
    'The optimum\'s gain carries two intervals: Monte Carlo (90%, paired) and assumptions (the plan kept, its gain',
    'at --assumption-draws joint draws of every mechanism\'s prior, 5th-95th percentiles, on the same elections).',
    'On a multi-candidate race the budget buys supporters for sides[0] (--cost-per-supporter required) in the',
    '--candidates units closest to the line (seat rules) or with most of its votes (national rules), against the',
    'same supporters spread as its votes; legal limits are not applied there.',
    '',
    'Examples:',
    '  campaign-lab allocate scenarios/default.yaml --side D --budget 20000000 --cost-per-supporter 5 --sims 20000',
    '  campaign-lab allocate scenarios/france-2012.yaml --side PS --budget 2e6 --cost-per-supporter 5 \\',
    '      --list-origin rented-commercial --opt-in-share 0.3 --date 2012-03-15 --json',
  ].join('\n'),
  spec: {
    positionals: [SCENARIO_ARGUMENT],
    options: {
      side: { type: 'string', required: true, valueName: 'S', description: 'Side spending the budget.' },
      budget: { type: 'string', required: true, valueName: 'B', description: 'Budget in the country\'s currency (e.g. 20000000 or 2e7).' },
      'cost-per-supporter': { type: 'string', valueName: 'X', description: 'Money per recruited supporter; without it only channel coverage is bought.' },
      candidates: { type: 'integer', minimum: 1, valueName: 'K', description: 'Territories the search tries, closest to a tie first (default 10).' },
      steps: { type: 'integer', minimum: 1, valueName: 'N', description: 'Chunks the budget is spent in (default 5).' },
      date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'Date of the spending, for paid-advertising blackouts.' },
      'already-spent': { type: 'string', valueName: 'X', description: 'Already spent against the spending cap (default 0).' },
      'list-origin': { type: 'string', valueName: 'ORIGIN', description: 'Where recruits come from, for consent rules: own (default), rented-commercial, primary-participants, ...' },
      'opt-in-share': { type: 'string', valueName: 'P', description: 'Share 0–1 of recruits with prior consent, where opt-in is required.' },
      ...runOptions(['sims', 'seed', 'set']),
      'assumption-draws': assumptionDrawsOption('the optimum\'s gain'),
      out: { type: 'string', valueName: 'DIR', description: 'Write allocation.json and the chart (allocation.svg, allocation.png) to DIR.' },
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const { file, out } = await scenarioAndOut(args, context.cwd);
    const { budgetAsked, costPerSupporter, alreadySpent, optInShare, date, listOrigin } = allocateAmounts(args.options);
    const settings = { ...scenarioSettings(args.options), cwd: context.cwd, onWarning: warnOnStderr(context.stderr) };
    const loaded = await loadCommandScenario(file, settings);
    // A multi-candidate race: supporters for our candidate on the K-candidate engine (issue 20 section 5).
    if (loadedMultiCandidateRace(loaded)) return (await import('./multiCandidateCampaignCommands.js')).multiCandidateAllocate(loaded, file, args, context, budgetAsked, costPerSupporter, out);
    const prepared = prepareLoadedScenario(loaded, file, settings);
    const { resolved } = prepared;
    const side = args.options.side as string;
    if (!resolved.sides.includes(side)) throw new InputError({ at: '--side', expected: `one of the scenario's sides ${resolved.sides.join(', ')}`, found: describeValue(side) });
    // A race from the user's own file has no legal limits in the project's data.
    const limits = resolved.country === 'us' || resolved.country === 'fr' ? loadLegalLimits(resolved.country) : undefined;
    const origins = new Set(['own', ...(limits?.consent ?? []).map((r) => r.listOrigin)]);
    if (!origins.has(listOrigin)) throw new InputError({ at: '--list-origin', expected: `one of ${[...origins].join(', ')}`, found: describeValue(listOrigin) });

    const allRecruit = costPerSupporter === undefined ? [] : recruitmentLevers(resolved, side, costPerSupporter, listOrigin);
    const candidates = closestTerritories(resolved, Object.keys(resolved.campaigns[side].allocation), (args.options.candidates as number | undefined) ?? 10);
    const channelsBought = channelsInBudgetCurrency(resolved, side, limits);
    const levers: AllocationLever[] = [...allRecruit.filter((l) => candidates.includes(l.territory!)), ...channelsBought.levers];
    if (levers.length === 0) {
      throw new InputError({ at: '--cost-per-supporter', expected: `given (${side}'s channels have no cost per contact, so only recruiting can be bought)`, found: 'nothing' });
    }
    const steps = (args.options.steps as number | undefined) ?? 5;
    const assumptionDraws = parseAssumptionDraws(args.options['assumption-draws'] as string | undefined);
    const { simulations, seed } = resolved;
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'allocate' });
    let plans: AllocatePlansOutput;
    try {
      // On a worker thread: allocation() is synchronous, and Ctrl-C must stop it at once.
      plans = await allocatePlansInWorker(
        { resolved, side, levers, allRecruit, budget: budgetAsked, steps, limits, date, alreadySpent, optInShare },
        { signal: context.signal, onRun: (done, expected) => bar.update(done, expected) },
      );
    } finally {
      bar.finish();
    }
    const { result, gain } = plans;
    const optimumScenario = applyPlan(resolved, side, levers, result.optimum.plan, consentShares(levers, result, optInShare, limits, resolved, side));
    const spread = await gainAssumptions(resolved, optimumScenario, side, assumptionDraws, context);
    const nationwide: AllocateStrategy | undefined = plans.nationwide ? { name: 'proportional-all', ...plans.nationwide } : undefined;
    const evaluation = (name: AllocateStrategy['name'], e: AllocationResult['optimum']): AllocateStrategy => ({
      name,
      plan: e.plan,
      pWin: e.pWin,
      ...(name === 'optimum' ? {} : { optimumGain: toInterval90(e.optimumGain.difference, e.optimumGain.standardError, e.optimumGain.gained + e.optimumGain.lost, simulations) }),
    });
    const doc: AllocateDocument = {
      side,
      budgetAsked,
      budget: result.budget,
      currency: limits?.currency ?? 'currency units',
      simulations,
      seed,
      basePWin: result.basePWin,
      gain,
      intervals: { monteCarlo: MONTE_CARLO_WORDS, assumptions: ASSUMPTIONS_WORDS },
      assumptionDraws,
      assumptionSimulations: spread?.simulations ?? 0,
      ...(spread?.answers.gain ? { gainAssumptions: spread.answers.gain } : {}),
      strategies: [
        evaluation('optimum', result.optimum),
        evaluation('swing-only', result.swingOnly),
        evaluation('proportional', result.proportional),
        ...(nationwide ? [nationwide] : []),
      ],
      blocked: result.blocked,
      warnings: [...result.warnings.map((w) => w.message), ...channelsBought.warnings],
      ...(channelsBought.conversion ? { costConversion: channelsBought.conversion } : {}),
      candidates,
      scenario: resolved.name,
      version: VERSION,
    };
    if (out) await writeFolderAtomic(resolve(context.cwd, out), await allocateFiles(doc, resolved, levers), context.signal, out);
    if (args.options.json) printJson(context.stdout, doc);
    else context.stdout.write(formatAllocate(doc) + (out ? `Written to ${out}/ (allocation.json, allocation.svg, allocation.png)\n` : ''));
  },
};

/**
 * The amounts and dates of allocate's options, checked: budget, cost per supporter, already spent, opt-in
 * share (0–1), date (YYYY-MM-DD) and list origin (default `own`).
 *
 * @throws {InputError} an amount that is not a number, an opt-in share above 1, a date not written YYYY-MM-DD.
 */
function allocateAmounts(options: Record<string, unknown>) {
  const budgetAsked = parseAmount('budget', options.budget, true);
  const costPerSupporter = options['cost-per-supporter'] === undefined ? undefined : parseAmount('cost-per-supporter', options['cost-per-supporter'], false);
  const alreadySpent = options['already-spent'] === undefined ? 0 : parseAmount('already-spent', options['already-spent'], true);
  const optInShare = options['opt-in-share'] === undefined ? undefined : parseAmount('opt-in-share', options['opt-in-share'], true);
  if (optInShare !== undefined && optInShare > 1) throw new InputError({ at: '--opt-in-share', expected: 'a share between 0 and 1', found: describeValue(options['opt-in-share']) });
  const date = options.date as string | undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InputError({ at: '--date', expected: 'a date written YYYY-MM-DD', found: describeValue(date) });
  const listOrigin = (options['list-origin'] as string | undefined) ?? 'own';
  return { budgetAsked, costPerSupporter, alreadySpent, optInShare, date, listOrigin };
}

/** The assumptions interval of the optimum's gain: the plan kept, scenario and optimum both at each draw, paired. */
function gainAssumptions(resolved: ResolvedScenario, optimum: ResolvedScenario, side: Side, draws: number, context: Parameters<typeof commandAssumptions>[3]) {
  const keep = { outcome: true, weightA: true };
  return commandAssumptions([resolved, optimum], draws, async (at, run) => ({ gain: pairedGroupDifference(await run(at(resolved), keep), await run(at(optimum), keep), side).deltaPWin }), context);
}

/** The `k` territories of `ids` closest to a tie by baseline two-party margin. */
function closestTerritories(resolved: ResolvedScenario, ids: string[], k: number): string[] {
  const byId = new Map(resolved.territories.map((t) => [t.id, t]));
  const [a, b] = resolved.sides;
  return ids
    .map((id) => ({ id, margin: Math.abs(twoPartyMargin(byId.get(id)?.votes[a] ?? 0, byId.get(id)?.votes[b] ?? 0)) }))
    .sort((x, y) => x.margin - y.margin || (x.id < y.id ? -1 : 1))
    .slice(0, k)
    .map((x) => x.id);
}

/** 90 % interval of a paired difference from its mean and standard error (±3/n when no draw changes). */
function toInterval90(difference: number, standardError: number, changed: number, n: number) {
  const half = changed === 0 ? 3 / n : 1.6448536269514722 * standardError;
  return { difference, low: difference - half, high: difference + half };
}

async function allocateFiles(doc: AllocateDocument, resolved: ResolvedScenario, levers: AllocationLever[]): Promise<FolderFile[]> {
  const files: FolderFile[] = [{ name: 'allocation.json', data: toJsonText(doc) }];
  const names: Record<AllocateStrategy['name'], string> = { optimum: 'Optimum (greedy)', 'swing-only': 'Swing only', proportional: 'Proportional, candidates', 'proportional-all': 'Proportional, all' };
  const n = doc.simulations;
  const band = (p: number) => ({ low: Math.max(0, p - 1.6449 * Math.sqrt((p * (1 - p)) / n)), high: Math.min(1, p + 1.6449 * Math.sqrt((p * (1 - p)) / n)) });
  const leverName = new Map(levers.map((l) => [l.id, l.territory ?? l.channel ?? l.id]));
  const spec = allocationComparison(
    {
      side: doc.side,
      strategies: doc.strategies.map((s) => {
        const total = Object.values(s.plan).reduce((a, b) => a + b, 0);
        return {
          name: names[s.name],
          pWin: s.pWin,
          ...band(s.pWin),
          shares: Object.entries(s.plan).filter(([, v]) => v > 0).map(([id, v]) => ({ territory: leverName.get(id) ?? id.replace(/^recruit:/, ''), share: total > 0 ? v / total : 0 })),
        };
      }),
      topTerritories: 7,
    },
    {
      title: `${formatCount(doc.budget)} ${doc.currency}: P(${doc.side} wins) ${(doc.strategies[0].pWin * 100).toFixed(1)}% at best, against ${(doc.basePWin * 100).toFixed(1)}% without`,
      subtitle: `${resolved.name}; ${formatCount(n)} paired simulations, seed ${doc.seed}; 90% Monte Carlo intervals`,
      sources: [resolved.resultsSource, `campaign-lab ${doc.version} allocate; legal limits of ${resolved.country.toUpperCase()} from the project's data`],
    },
  );
  // Laid out once by Vega; the PNG is rasterised from that SVG.
  const { renderChartHere } = await import('../../node/chartRenderer.js');
  const drawn = await renderChartHere(spec, 2);
  files.push({ name: 'allocation.svg', data: drawn.svg }, { name: 'allocation.png', data: drawn.png });
  return files;
}
