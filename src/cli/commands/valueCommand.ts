/**
 * `campaign-lab value`: where do N more supporters move a side's chance most? Adds N supporters in each
 * territory (or region) in turn and ranks the paired changes in P(win) and expected weight, with 90 %
 * intervals, on common random numbers.
 */
import { MAX_LIST_SIZE } from '../../scenario/checkScenarioRules.js';
import { SCENARIO_ARGUMENT, runOptions, scenarioSettings, scenarioAndOut } from '../scenarioOptions.js';
import { resolve } from 'node:path';
import { InputError, describeValue, escapeControlCharacters } from '../../errors.js';
import type { Command } from '../CliContext.js';
import { parseAmount } from '../parseAmount.js';
import { printJson } from '../printJson.js';
import { toJsonText } from '../../io/jsonText.js';
import { ProgressBar } from '../ProgressBar.js';
import { loadCommandScenario, prepareLoadedScenario, warnOnStderr } from '../../node/prepareScenario.js';
import { loadedMultiCandidateRace } from '../../scenario/multiCandidateScenario.js';
import { formatCount } from '../../briefing/formatNumber.js';
import { writeFolderAtomic, type FolderFile } from '../../node/writeFileAtomic.js';
import { simulateParallel } from '../../node/simulateParallel.js';
import { supporterGroups, type SupporterGroup } from '../../analysis/listValueOnSharedDraws.js';
import { MAX_KEPT_DRAWS, listValueAsync, listValueMethod, listValueRunCount, listValueSliced, type ListValue } from '../../analysis/listValue.js';
import { BLOCK_SIZE } from '../../sim/simulate.js';
import { marginalValue } from '../../charts/marginalValue.js';
import type { ResolvedScenario } from '../../model/resolvedScenario.js';
import type { Side } from '../../model/types.js';
import { VERSION } from '../../sim/version.js';
import { loadParameters } from '../../node/data/loadParameters.js';
import { costCurrencyCode } from '../../data/parameters.js';
import { readDataFile } from '../../node/data/dataDirectory.js';
import { currentFrenchRegions } from '../../data/frenchRegions.js';
import { ASSUMPTION_SIMULATIONS, listValueAssumptions, type ListValueAssumptions } from '../../analysis/listValueAssumptions.js';
import type { AssumptionShare } from '../../analysis/assumptions.js';
import { zeroMechanisms, type ZeroMechanism } from '../../analysis/zeroMechanisms.js';
import { ASSUMPTIONS_WORDS, MONTE_CARLO_WORDS, assumptionDrawsOption, assumptionPriors, parseAssumptionDraws } from '../assumptionOptions.js';

/** One ranked row of `value --json`. */
export interface ValueRow {
  id: string;
  name: string;
  /** Supporters added in the territory or region, people: --add, or less where the list reaches the territory's eligible voters. */
  added: number;
  /** Change in P(side wins), share 0–1, with its 90 % Monte Carlo interval (paired, common random numbers; the same as `monteCarlo`). */
  deltaPWin: number;
  low: number;
  high: number;
  standardError: number;
  /** The Monte Carlo interval of deltaPWin: sampling error of the simulated elections only, 90 %. */
  monteCarlo: { low: number; high: number };
  /**
   * The assumptions interval of deltaPWin: 5th–95th percentiles (and mean) of the change over the joint
   * draws of the assumptions (src/analysis/assumptions.ts), each on the same simulated elections. Absent
   * for rows not valued under the assumptions (national-vote rules: only the top rows) or with
   * `--assumption-draws 0`.
   */
  assumptions?: { low: number; high: number; mean: number };
  /** Change in the side's expected weight (electoral votes, seats; P(win) under a national-vote rule). */
  deltaWeight: number;
  deltaWeightLow: number;
  deltaWeightHigh: number;
  /** deltaPWin scaled to 1,000 supporters (× 1000 / added; 0 when nothing could be added). */
  deltaPWinPer1000: number;
  /** Cost of the added supporters, currency units: contacts through the side's channels (+ recruitment when given). */
  cost?: number;
  /** deltaPWin per unit of currency, when the cost is positive. */
  deltaPWinPerCurrency?: number;
  gained: number;
  lost: number;
}

/** What `value --json` prints. */
export interface ValueDocument {
  side: Side;
  add: number;
  /** `region`: a French race's regions since 2016; `region-1982`: its 1982–2015 regions (the model's regional error term). */
  by: 'territory' | 'region' | 'region-1982';
  simulations: number;
  seed: number;
  /** P(side wins) of the scenario as given. */
  basePWin: number;
  interval: '90% paired (common random numbers)';
  /** What each interval is. */
  intervals: { monteCarlo: string; assumptions: string };
  /** Joint draws of the assumptions (0: none) and the simulations of each draw's runs. */
  assumptionDraws: number;
  assumptionSimulations: number;
  /** The assumptions varied, by key, with their labels. */
  assumptionKeys: { key: string; label: string }[];
  /**
   * With --explain: the top row's ΔP(win) with each assumption at its 5th and 95th percentiles (others at
   * their medians), and its share of the spread, largest first (shares add up to at most 1).
   */
  explain?: { id: string; shares: AssumptionShare[] };
  /** Mechanisms switched on that move no vote by the evidence, each with the source that says so. */
  zeroMechanisms: ZeroMechanism[];
  /** Currency of `cost` and `deltaPWinPerCurrency`, when channels have costs. */
  currency?: string;
  /** How the rows were computed: two runs on shared draws, or one run per territory. */
  method: 'shared-draws' | 'one-run-per-group';
  territories: ValueRow[];
  scenario: string;
  version: string;
}

/**
 * Cost of contacting `n` more supporters through a side's channels: kept members × Σ coverage × contacts ×
 * cost per contact (channels without a cost add nothing), plus recruitment at `costPerSupporter`.
 *
 * @param scenario resolved scenario
 * @param side side whose list grows
 * @param n supporters added, people
 * @param costPerSupporter recruitment cost per supporter, currency units (default 0)
 * @example
 * // scenarios/default.yaml: D's phone and door channels have a cost per contact; its list is 4 years old
 * contactCost(resolved, 'D', 100000) // => 40102.28 (dollars)
 */
function contactCost(scenario: ResolvedScenario, side: Side, n: number, costPerSupporter = 0): number {
  const campaign = scenario.campaigns[side];
  let perMember = 0;
  for (const channel of Object.values(campaign.channels)) {
    if (!channel) continue;
    perMember += channel.coverage * channel.contacts * (channel.costPerContact ?? 0);
  }
  return n * campaign.retention * perMember + n * costPerSupporter;
}

/**
 * A readable table of a value document, ranked.
 *
 * @example
 * formatValue(doc).split('\n')[0] // => 'Adding 100,000 D supporters in each territory: change in P(D wins), 20,000 paired simulations, seed 2024'
 */
export function formatValue(doc: ValueDocument, limit = 15): string {
  const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(3)}`;
  // Two significant digits for the scaled columns (per 1,000 supporters, per million of currency).
  const sig = (x: number) => (x === 0 ? '0' : `${x > 0 ? '+' : ''}${Number((x * 100).toPrecision(2))}`);
  const lines = [
    `Adding ${formatCount(doc.add)} ${doc.side} supporters in each ${byWord(doc.by)}: change in P(${doc.side} wins), ${formatCount(doc.simulations)} paired simulations, seed ${doc.seed}`,
    `Base P(${doc.side} wins) ${(doc.basePWin * 100).toFixed(2)}%. Changes in pp of P(win). Monte Carlo: 90% interval of the simulated`,
    `elections, paired on the same draws (rows whose Monte Carlo intervals overlap are not distinguishable); where no election changed, ±3/N by the rule of three (±${(300 / doc.simulations).toFixed(3)} pp here). Changes come in steps of one election (${(100 / doc.simulations).toFixed(3)} pp): at few simulations an assumptions interval of whole steps can miss the central figure.`,
    doc.assumptionDraws > 0
      ? `Assumptions: 5th-95th percentiles over ${doc.assumptionDraws} joint draws of every mechanism's prior (${formatCount(doc.assumptionSimulations)} simulations each). Δweight: expected electoral votes or seats.`
      : 'No assumptions interval (--assumption-draws 0). Δweight: expected electoral votes or seats.',
    '',
    `${'rank'.padStart(4)}  ${doc.by.padEnd(22)} ${'ΔP(win) pp'.padStart(11)} ${'Monte Carlo'.padStart(19)} ${'assumptions'.padStart(19)} ${'Δweight'.padStart(8)} ${'per 1,000'.padStart(10)}${doc.currency ? ` ${`per 1M ${doc.currency}`.padStart(13)}` : ''}`,
  ];
  doc.territories.slice(0, limit).forEach((r, i) => {
    const perMoney = r.deltaPWinPerCurrency === undefined ? '' : ` ${sig(r.deltaPWinPerCurrency * 1e6).padStart(13)}`;
    const assumed = r.assumptions ? `${pp(r.assumptions.low)} to ${pp(r.assumptions.high)}` : '-';
    lines.push(
      `${String(i + 1).padStart(4)}  ${r.name.slice(0, 22).padEnd(22)} ${pp(r.deltaPWin).padStart(11)} ${`${pp(r.low)} to ${pp(r.high)}`.padStart(19)} ${assumed.padStart(19)} ${r.deltaWeight.toFixed(3).padStart(8)} ${sig(r.deltaPWinPer1000).padStart(10)}${doc.currency ? perMoney || ' '.repeat(14) : ''}`,
    );
  });
  if (doc.territories.length > limit) lines.push(`  … ${doc.territories.length - limit} more (--json for all)`);
  if (doc.explain) {
    lines.push('', `What the ${doc.territories.find((r) => r.id === doc.explain!.id)?.name ?? doc.explain.id} answer rests on (share of the spread of ΔP(win); tornado at each assumption's 5th/95th percentile):`);
    for (const s of doc.explain.shares.filter((x) => x.share > 0)) lines.push(`  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.label} (${pp(s.atLow)} to ${pp(s.atHigh)} pp)`);
    lines.push('  (shares of the squared swings; interactions between assumptions are not attributed)');
  }
  if (doc.zeroMechanisms.length > 0) {
    lines.push('', 'Mechanisms switched on that move no vote, and why:');
    for (const z of doc.zeroMechanisms) lines.push(`  - ${z.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseAdd(text: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_LIST_SIZE) {
    throw new InputError({ at: '--add', expected: 'a positive number of supporters up to 1e9 (e.g. 100000 or 1e5)', found: describeValue(text) });
  }
  return n;
}

/** The ISO code of the currency the channels' costs are cited in (data/parameters.json `currency`, `USD, 2000s dollars …`). */
function costCurrency(): string {
  return costCurrencyCode(loadParameters()) ?? 'currency units';
}

/** `--by` in words: `region (1982-2015)` for the former French regions. */
function byWord(by: ValueDocument['by']): string {
  return by === 'region-1982' ? 'region (1982-2015)' : by;
}

/**
 * The regions `--by` groups by: a French race's regions since 2016 for `region` (data/fr_departements.csv
 * `region_2016`), the territories' own `region` otherwise (US Census divisions; for `region-1982`, the
 * French 1982-2015 regions).
 *
 * @throws {InputError} `--by region-1982` on a race that is not French
 */
function regionsFor(resolved: ResolvedScenario, by: ValueDocument['by']): ReadonlyMap<string, string> | undefined {
  if (by === 'region-1982' && resolved.country !== 'fr') throw new InputError({ at: '--by', expected: 'territory or region (region-1982 names the former French regions, for a French race)', found: describeValue(by) });
  if (by !== 'region' || resolved.country !== 'fr') return undefined;
  const { path, text } = readDataFile('fr_departements.csv');
  return currentFrenchRegions({ file: path, text });
}

/** The `value` command. */
export const valueCommand: Command = {
  name: 'value',
  summary: 'Rank territories by the change in P(win) from adding N supporters in each (paired, 90% intervals).',
  details: [
    'Adds --add supporters to the side\'s list in one territory (or region) at a time and compares each variant',
    'with the scenario on the same simulated elections (common random numbers), so differences are signal,',
    'not noise. Prints the change in P(win) and in expected electoral votes or seats with 90% intervals,',
    'per 1,000 supporters and, when the side\'s channels have a cost per contact, per unit of currency.',
    'Two intervals per row: Monte Carlo (sampling error of the simulated elections) and assumptions (5th-95th',
    'percentiles over --assumption-draws joint draws of every mechanism\'s prior, on the same elections).',
    '--explain attributes the top row\'s spread to each assumption (tornado at its 5th/95th percentiles).',
    'A territory gets at most the supporters its eligible voters leave room for.',
    'With --by region, a region\'s N supporters are spread over its territories like the side\'s list. A French',
    'race\'s regions are those since 2016 (13 metropolitan regions, loi n° 2015-29; data/fr_departements.csv);',
    '--by region-1982 groups by the 22 former regions of 1982-2015, which the regional error term uses.',
    'District units (ME-1, NE-2, ...) take their state\'s list, so a US run ranks the 50 states and DC.',
    'Under the electoral college and seats rules all territories come from two runs on shared draws; under',
    'national-vote rules each territory takes one run.',
    'On a multi-candidate race (run by the K-candidate engine) --side must be sides[0]: every unit where it stands is',
    'a plan on the same elections, ranked by P(reaches round 2) (two-round), expected seats (seat rules) or P(win);',
    'Monte Carlo intervals only, no --by region. Each unit is one more pass over the elections: lower --sims there.',
    '',
    'Examples:',
    '  campaign-lab value scenarios/default.yaml --side D --add 100000 --sims 20000',
    '  campaign-lab value scenarios/default.yaml --side D --add 1e6 --by region --json',
    '  campaign-lab value scenarios/default.yaml --side D --add 1e6 --explain',
  ].join('\n'),
  spec: {
    positionals: [SCENARIO_ARGUMENT],
    options: {
      side: { type: 'string', required: true, valueName: 'S', description: 'Side whose list grows (a party code of the scenario\'s sides).' },
      add: { type: 'string', required: true, valueName: 'N', description: 'Supporters added in each territory or region (e.g. 100000 or 1e5).' },
      by: { type: 'string', choices: ['territory', 'region', 'region-1982'], valueName: 'territory|region|region-1982', description: 'Add in each territory (default), in each region (France: since 2016) or, for France, in each 1982-2015 region.' },
      'cost-per-supporter': { type: 'string', valueName: 'X', description: 'Recruitment cost per supporter, added to the channels\' contact cost (USD, the currency of the cited costs).' },
      ...runOptions(['sims', 'seed', 'threads', 'set']),
      'assumption-draws': assumptionDrawsOption("each row's ΔP(win)"),
      explain: { type: 'flag', description: 'Attribute the spread of the top row\'s ΔP(win) to each assumption (tornado at 5th/95th percentiles).' },
      out: { type: 'string', valueName: 'DIR', description: 'Write value.json and the chart (value.svg, value.png) to DIR.' },
      json: { type: 'flag', description: 'Print one JSON document on stdout: {side, add, simulations, territories: [...]}.' },
    },
  },
  async run(args, context) {
    const { file, out } = await scenarioAndOut(args, context.cwd);
    const add = parseAdd(args.options.add as string);
    const by = (args.options.by as ValueDocument['by'] | undefined) ?? 'territory';
    const costPerSupporter = args.options['cost-per-supporter'] === undefined ? 0 : parseAmount('cost-per-supporter', args.options['cost-per-supporter'], true);
    const settings = { ...scenarioSettings(args.options), cwd: context.cwd, onWarning: warnOnStderr(context.stderr) };
    const loaded = await loadCommandScenario(file, settings);
    // A multi-candidate race: our candidate's campaign on the K-candidate engine (issue 20 section 5).
    if (loadedMultiCandidateRace(loaded)) return (await import('./multiCandidateCampaignCommands.js')).multiCandidateValue(loaded, file, args, context, add, out);
    const prepared = prepareLoadedScenario(loaded, file, settings);
    const { resolved } = prepared;
    const side = args.options.side as string;
    if (!resolved.sides.includes(side)) {
      throw new InputError({ at: '--side', expected: `one of the scenario's sides ${resolved.sides.join(', ')}`, found: describeValue(side) });
    }
    const groups = supporterGroups(resolved, side, add, by === 'territory' ? 'territory' : 'region', regionsFor(resolved, by));
    if (Object.keys(resolved.campaigns[side].channels).length === 0) {
      context.stderr.write(`campaign-lab: warning: ${escapeControlCharacters(`${side} has no channel switched on, so more supporters move nothing; add channels under campaigns.${side}.channels`)}\n`);
    }
    const { simulations, seed } = resolved;
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'value' });
    let value: ListValue;
    try {
      value = await valueRows(resolved, groups, side, context.signal, (done, total) => bar.update(done, total));
    } finally {
      bar.finish();
    }
    const { rows, basePWin } = value;
    const assumptionDraws = parseAssumptionDraws(args.options['assumption-draws'] as string | undefined);
    const spread = assumptionDraws > 0 ? await valueAssumptions(resolved, groups, side, value, assumptionDraws, args.options.explain === true, context) : undefined;
    const unitCost = contactCost(resolved, side, 1, costPerSupporter);
    // Money is in the currency the contact costs are cited in (data/parameters.json: USD), whatever the
    // country: the cost of a French door is a US figure, and no exchange rate is applied to it.
    const currency = unitCost > 0 ? costCurrency() : undefined;
    const doc: ValueDocument = {
      side,
      add,
      by,
      simulations,
      seed,
      basePWin,
      interval: '90% paired (common random numbers)',
      intervals: { monteCarlo: MONTE_CARLO_WORDS, assumptions: ASSUMPTIONS_WORDS },
      assumptionDraws,
      assumptionSimulations: spread?.simulations ?? 0,
      assumptionKeys: (spread?.assumptions ?? []).map((a) => ({ key: a.key, label: a.label })),
      ...(spread?.explain ? { explain: spread.explain } : {}),
      zeroMechanisms: zeroMechanisms(resolved, side),
      ...(currency ? { currency } : {}),
      method: value.method,
      territories: rows.map((r) => {
        const cost = unitCost > 0 ? contactCost(resolved, side, r.added, costPerSupporter) : undefined;
        return {
          id: r.id,
          name: r.name,
          added: r.added,
          deltaPWin: r.deltaPWin,
          low: r.low,
          high: r.high,
          standardError: r.standardError,
          monteCarlo: { low: r.low, high: r.high },
          ...(spread?.groups.has(r.id) ? { assumptions: spread.groups.get(r.id)! } : {}),
          deltaWeight: r.deltaWeight,
          deltaWeightLow: r.deltaWeightLow,
          deltaWeightHigh: r.deltaWeightHigh,
          deltaPWinPer1000: r.added > 0 ? (r.deltaPWin * 1000) / r.added : 0,
          ...(cost !== undefined && cost > 0 ? { cost, deltaPWinPerCurrency: r.deltaPWin / cost } : {}),
          gained: r.gained,
          lost: r.lost,
        };
      }),
      scenario: resolved.name,
      version: VERSION,
    };
    if (out) await writeFolderAtomic(resolve(context.cwd, out), await valueFiles(doc, resolved), context.signal, out);
    if (args.options.json) printJson(context.stdout, doc);
    else context.stdout.write(formatValue(doc) + (out ? `Written to ${out}/ (value.json, value.svg, value.png)\n` : ''));
  },
};

/** Rows valued under the assumptions when each row takes its own run (national-vote rules). */
const ASSUMPTION_ROWS_ONE_RUN_EACH = 3;

/**
 * The assumptions interval of the rows (all under shared draws; the top few when each row takes its own
 * run) and, with `explain`, the top row's tornado, on min(simulations, ASSUMPTION_SIMULATIONS) draws.
 */
async function valueAssumptions(resolved: ResolvedScenario, groups: SupporterGroup[], side: Side, value: ListValue, draws: number, explain: boolean, context: { stderr: { write(text: string): unknown }; stderrIsTTY: boolean; signal: AbortSignal }): Promise<ListValueAssumptions> {
  const { seed, threads } = resolved;
  const simulations = Math.min(resolved.simulations, ASSUMPTION_SIMULATIONS);
  const top = value.rows.slice(0, value.method === 'shared-draws' ? value.rows.length : ASSUMPTION_ROWS_ONE_RUN_EACH).map((r) => r.id);
  const chosen = groups.filter((g) => top.includes(g.id));
  const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'assumptions' });
  try {
    return await listValueAssumptions(resolved, chosen, side, {
      run: (scenario, keep) => simulateParallel({ ...scenario, simulations }, { simulations, seed, threads, keep, signal: context.signal }),
      draws,
      simulations,
      method: value.method,
      priors: assumptionPriors(),
      ...(explain && value.rows.length > 0 ? { explain: value.rows[0]!.id } : {}),
      onRun: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
  }
}

/**
 * Every group's paired change (src/analysis/listValue.ts) with the command's runner: the worker pool, or,
 * for a shared-draw value past {@link MAX_KEPT_DRAWS} simulations, slice by slice in this thread.
 */
async function valueRows(resolved: ResolvedScenario, groups: SupporterGroup[], side: Side, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<ListValue> {
  const { simulations, seed, threads } = resolved;
  const method = listValueMethod(resolved);
  if (method === 'shared-draws' && simulations > MAX_KEPT_DRAWS) return listValueSliced(resolved, groups, side, { blocksPerSlice: MAX_KEPT_DRAWS / BLOCK_SIZE, signal, onProgress });
  const total = listValueRunCount(groups, method) * simulations;
  let finished = 0;
  return listValueAsync(resolved, groups, side, {
    method,
    run: (scenario, keep) => simulateParallel(scenario, { simulations, seed, threads, keep, signal, onProgress: (done) => onProgress(finished * simulations + done, total) }),
    onRun: (done) => {
      finished = done;
    },
  });
}

/** value.json and the marginal-value chart (per 1,000 supporters, 90 % intervals scaled alike). */
async function valueFiles(doc: ValueDocument, resolved: ResolvedScenario): Promise<FolderFile[]> {
  const files: FolderFile[] = [{ name: 'value.json', data: toJsonText(doc) }];
  const scale = (r: ValueRow) => (r.added > 0 ? 1000 / r.added : 0);
  const spec = marginalValue(
    { side: doc.side, rows: doc.territories.map((r) => ({ id: r.id, name: r.name, delta: r.deltaPWin * scale(r), low: r.low * scale(r), high: r.high * scale(r) })) },
    {
      title: `Where ${formatCount(doc.add)} more ${doc.side} supporters move P(win) most`,
      subtitle: `${resolved.name}; blocks of ${formatCount(doc.add)} per ${byWord(doc.by)} scaled to 1,000; 90% paired intervals; ${formatCount(doc.simulations)} simulations, seed ${doc.seed}`,
      sources: [resolved.resultsSource, `campaign-lab ${doc.version} value`],
    },
  );
  // Laid out once by Vega; the PNG is rasterised from that SVG.
  const { renderChartHere } = await import('../../node/chartRenderer.js');
  const drawn = await renderChartHere(spec, 2);
  files.push({ name: 'value.svg', data: drawn.svg }, { name: 'value.png', data: drawn.png });
  return files;
}
