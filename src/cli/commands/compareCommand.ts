/**
 * `campaign-lab compare`: a scenario against its variant (`--set key=value…`) on the same simulated
 * elections: P(win) of each and the paired difference with its 90 % interval.
 */
import { SCENARIO_ARGUMENT, runOptions, scenarioSettings } from '../scenarioOptions.js';
import { InputError, describeValue } from '../../errors.js';
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { ProgressBar } from '../ProgressBar.js';
import { loadCommandScenario, prepareLoadedScenario, warnOnStderr } from '../../node/prepareScenario.js';
import { loadedMultiCandidateRace } from '../../scenario/multiCandidateScenario.js';
import { formatCount } from '../../briefing/formatNumber.js';
import { simulateParallel } from '../../node/simulateParallel.js';
import { pairedGroupDifference } from '../../analysis/pairedWinDifference.js';
import type { ResolvedScenario } from '../../model/resolvedScenario.js';
import type { Side } from '../../model/types.js';
import type { SimulationResult } from '../../sim/types.js';
import { VERSION } from '../../sim/version.js';
import { ASSUMPTIONS_WORDS, MONTE_CARLO_WORDS, assumptionDrawsOption, commandAssumptions, parseAssumptionDraws } from '../assumptionOptions.js';
import type { AnswerInterval } from '../../analysis/answerAssumptions.js';

/** What `compare --json` prints. */
export interface CompareDocument {
  side: Side;
  /** The `--set` overrides that make the variant. */
  changes: string[];
  simulations: number;
  seed: number;
  base: { pWin: number; standardError: number; expectedWeight: number };
  variant: { pWin: number; standardError: number; expectedWeight: number };
  /** Variant − base, paired draw by draw, with 90 % intervals. */
  difference: {
    pWin: number;
    low: number;
    high: number;
    standardError: number;
    expectedWeight: number;
    expectedWeightLow: number;
    expectedWeightHigh: number;
    /** Draws the variant wins and the base does not, and the reverse. */
    gained: number;
    lost: number;
  };
  interval: '90% paired (common random numbers)';
  /** What each interval is: `difference.low`/`high` are Monte Carlo, `assumptions` the spread over the assumption draws. */
  intervals: { monteCarlo: string; assumptions: string };
  /** Joint draws of the assumptions (0: none) and the simulations of each draw's two runs. */
  assumptionDraws: number;
  assumptionSimulations: number;
  /**
   * The assumptions interval of the difference in P(win) (share 0–1) and in expected weight: 5th–95th
   * percentiles and mean over the joint draws of the assumptions of both runs (src/analysis/assumptions.ts),
   * each draw's scenario and variant paired on the same simulated elections. Absent with
   * `--assumption-draws 0` or when no assumption varies (no campaign).
   */
  assumptions?: { pWin: AnswerInterval; expectedWeight: AnswerInterval; keys: { key: string; label: string }[] };
  /**
   * Why the result runs against intuition, when it does: a side given a bigger list whose P(win) fell (or
   * a smaller list whose P(win) rose), with the mechanism and this run's numbers. Absent otherwise.
   */
  note?: string;
  scenario: string;
  version: string;
}

/**
 * Explains a list change whose P(win) moved the other way, or undefined when none did: for each side
 * whose list grew (or shrank) in the variant while its own P(win) fell (rose), the mechanisms that make it
 * possible, taken from its resolved campaign. A channel's effect is drawn once per simulated election from
 * its prior: where the prior reaches below 0 (e-mail: −0.2 to +0.3 pp around 0, Nickerson 2007), each
 * extra member reached costs votes in the draws below 0. Relay contacts lean as their territory does, so
 * where the other side leads a bigger list's relays turn out more of its voters. Draws are paired, so
 * the change is the model's, not sampling noise.
 *
 * @example
 * // florida-2000.yaml with an e-mail-only R list of 2.5 M, variant 3 M, 40,000 draws: 1 draw lost.
 * listNote(base, variant, runs, 'R') // => 'A bigger list for R lowered P(R wins): …'
 */
function listNote(base: ResolvedScenario, variant: ResolvedScenario, a: SimulationResult, b: SimulationResult): string | undefined {
  const notes: string[] = [];
  for (const side of base.sides) {
    const before = base.campaigns[side]?.listSize ?? 0;
    const after = variant.campaigns[side]?.listSize ?? 0;
    if (before === after) continue;
    const d = pairedGroupDifference(a, b, side);
    const grew = after > before;
    if (grew ? !(d.deltaPWin < 0) : !(d.deltaPWin > 0)) continue;
    const campaign = variant.campaigns[side];
    const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x)}`;
    const belowZero = Object.entries(campaign?.channels ?? {})
      .filter(([, c]) => c && c.effect.low < 0)
      .map(([name, c]) => `${name}'s (${signed(c!.effect.low)} to ${signed(c!.effect.high)} pp around ${c!.effect.central})`);
    const relay = campaign?.channels.relay !== undefined;
    const why = [
      belowZero.length > 0
        ? `Each channel's turnout effect is drawn once per simulated election from its prior; ${belowZero.join(' and ')} ${belowZero.length === 1 ? 'reaches' : 'reach'} below 0, and in those draws every extra member reached costs ${side} votes`
        : '',
      relay ? `Relay contacts lean as their territory does, so where the other side leads, more relays turn out more of its voters` : '',
    ].filter(Boolean);
    const votes = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x) < 100 ? Math.abs(x).toFixed(1) : formatCount(Math.abs(x))}`;
    const changed = `${d.lost} of ${formatCount(a.simulations)} paired elections lost, ${d.gained} gained`;
    notes.push(
      `a ${grew ? 'bigger' : 'smaller'} list for ${side} ${grew ? 'lowered' : 'raised'} P(${side} wins) by ${Math.abs(d.deltaPWin * 100).toFixed(4)} pp (${grew ? changed : `${d.gained} of ${formatCount(a.simulations)} paired elections gained, ${d.lost} lost`}). ` +
        `${why.length > 0 ? why.join('. ') : "The campaign's caps and spread moved votes between territories"}: ${side}'s campaign nets ${votes(a.effects[side].total)} votes on average, ${votes(b.effects[side].total)} with the ${grew ? 'bigger' : 'smaller'} list. ` +
        'The draws are the same, so this is the model\'s answer, not sampling noise.',
    );
  }
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/**
 * A readable comparison.
 *
 * @example
 * formatCompare(doc).split('\n')[0] // => 'Scenario vs variant (campaigns.D.listSize=8e6), 20,000 paired simulations, seed 2024'
 */
function formatCompare(doc: CompareDocument): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} pp`;
  const d = doc.difference;
  const verdict = d.low > 0 ? 'the variant is better' : d.high < 0 ? 'the variant is worse' : 'not distinguishable at this number of simulations';
  return [
    `Scenario vs variant (${doc.changes.join(', ')}), ${formatCount(doc.simulations)} paired simulations, seed ${doc.seed}`,
    `  P(${doc.side} wins)   scenario ${pct(doc.base.pWin)}   variant ${pct(doc.variant.pWin)}`,
    `  difference     ${pp(d.pWin)} (90% interval ${pp(d.low)} to ${pp(d.high)}; ${d.gained} draws gained, ${d.lost} lost): ${verdict}`,
    `  expected weight ${doc.base.expectedWeight.toFixed(2)} → ${doc.variant.expectedWeight.toFixed(2)} (${d.expectedWeight >= 0 ? '+' : ''}${d.expectedWeight.toFixed(3)}, 90% ${d.expectedWeightLow.toFixed(3)} to ${d.expectedWeightHigh.toFixed(3)})`,
    doc.assumptions
      ? `  assumptions    ${pp(doc.assumptions.pWin.low)} to ${pp(doc.assumptions.pWin.high)} (5th-95th percentiles over ${doc.assumptionDraws} joint draws of every mechanism's prior, ${formatCount(doc.assumptionSimulations)} paired simulations each)`
      : `  assumptions    no interval (${doc.assumptionDraws === 0 ? '--assumption-draws 0' : 'no assumption varies'})`,
    '  (the 90% interval is Monte Carlo error of the simulated elections; the assumptions interval is what the mechanisms\' priors allow)',
    ...(doc.note ? [`Note: ${doc.note}`] : []),
    '',
  ].join('\n');
}

/** The `compare` command. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare a scenario with a variant (--set key=value) on the same draws: P(win) and the paired difference.',
  details: [
    'Runs the scenario and its variant with the same seed, so each simulated election is paired with its twin',
    '(common random numbers) and the difference is measured on the draws that change, with a 90% interval.',
    'Keys that change the race itself (country, year, rule, sides) cannot be compared this way.',
    '--base key=value changes both runs (the scenario you compare from), --set only the variant.',
    'When a bigger list lowers its side\'s P(win) (a channel effect drawn below 0, relays where the other side leads),',
    'a note says why, with the run\'s numbers (--json: note).',
    'Two intervals: Monte Carlo (sampling error of the paired elections, 90%) and assumptions (5th-95th percentiles',
    'of the difference over --assumption-draws joint draws of every mechanism\'s prior, both runs on the same elections).',
    'On a multi-candidate race only campaigns.<sides[0]>.* may change: our candidate\'s two campaigns on the same',
    'elections, with ΔP(win), ΔP(reaches round 2) (two-round) and Δseats (seat rules), 90% paired intervals.',
    '',
    'Examples:',
    '  campaign-lab compare scenarios/default.yaml --set campaigns.D.listSize=8e6',
    '  campaign-lab compare scenarios/florida-2000.yaml --set campaigns.D.channels.door.coverage=0.3 --json',
    '  campaign-lab compare scenarios/default.yaml --base baseline.swing=2 --set campaigns.D.listSize=8e6',
  ].join('\n'),
  spec: {
    positionals: [SCENARIO_ARGUMENT],
    options: {
      set: { type: 'string', multiple: true, required: true, valueName: 'key=value', description: 'A change that makes the variant (value read as YAML); repeat for several.' },
      base: { type: 'string', multiple: true, valueName: 'key=value', description: 'A change made to both the scenario and the variant (value read as YAML); repeat for several.' },
      side: { type: 'string', valueName: 'S', description: 'Side whose chance is compared (default the first side).' },
      ...runOptions(['sims', 'seed', 'threads']),
      'assumption-draws': assumptionDrawsOption('the difference'),
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const file = args.positionals.scenario as string;
    const changes = args.options.set as string[];
    // --base changes both runs, --set only the variant (after --base, so it wins on a shared key).
    const both = scenarioSettings(args.options, 'base');
    const baseScenario = await loadCommandScenario(file, { ...both, cwd: context.cwd, onWarning: warnOnStderr(context.stderr) });
    const variantScenario = await loadCommandScenario(file, { ...both, overrides: [...both.overrides, ...changes], cwd: context.cwd });
    // A multi-candidate race: our candidate's two campaigns on the K-candidate engine (issue 20 section 5).
    if (loadedMultiCandidateRace(baseScenario)) return (await import('./multiCandidateCampaignCommands.js')).multiCandidateCompare(baseScenario, variantScenario, file, changes, args, context);
    const base = prepareLoadedScenario(baseScenario, file, { onWarning: warnOnStderr(context.stderr) }).resolved;
    const variant = prepareLoadedScenario(variantScenario, file, {}).resolved;
    checkComparable(base, variant);
    const side = (args.options.side as string | undefined) ?? base.sides[0];
    if (!base.sides.includes(side)) throw new InputError({ at: '--side', expected: `one of the scenario's sides ${base.sides.join(', ')}`, found: describeValue(side) });
    const assumptionDraws = parseAssumptionDraws(args.options['assumption-draws'] as string | undefined);
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'compare' });
    const options = { simulations: base.simulations, seed: base.seed, threads: base.threads, keep: { outcome: true, weightA: true }, signal: context.signal };
    let doc: CompareDocument;
    try {
      const a = await simulateParallel(base, { ...options, onProgress: (done, total) => bar.update(done, 2 * total) });
      const b = await simulateParallel(variant, { ...options, onProgress: (done, total) => bar.update(total + done, 2 * total) });
      const d = pairedGroupDifference(a, b, side);
      doc = {
        side,
        changes,
        simulations: base.simulations,
        seed: base.seed,
        base: { pWin: a.pWin[side], standardError: a.standardError[side], expectedWeight: a.expectedWeight[side] },
        variant: { pWin: b.pWin[side], standardError: b.standardError[side], expectedWeight: b.expectedWeight[side] },
        difference: {
          pWin: d.deltaPWin,
          low: d.low,
          high: d.high,
          standardError: d.standardError,
          expectedWeight: d.deltaWeight,
          expectedWeightLow: d.deltaWeightLow,
          expectedWeightHigh: d.deltaWeightHigh,
          gained: d.gained,
          lost: d.lost,
        },
        interval: '90% paired (common random numbers)',
        intervals: { monteCarlo: MONTE_CARLO_WORDS, assumptions: ASSUMPTIONS_WORDS },
        assumptionDraws,
        assumptionSimulations: 0,
        ...(() => {
          const note = listNote(base, variant, a, b);
          return note ? { note } : {};
        })(),
        scenario: base.name,
        version: VERSION,
      };
    } finally {
      bar.finish();
    }
    const spread = await compareAssumptions(base, variant, side, assumptionDraws, context);
    if (spread) doc = { ...doc, assumptionSimulations: spread.simulations, assumptions: spread.assumptions };
    if (args.options.json) printJson(context.stdout, doc);
    else context.stdout.write(formatCompare(doc));
  },
};

/** The variant must be the same race, or draws cannot be paired. */
function checkComparable(base: ResolvedScenario, variant: ResolvedScenario): void {
  const same = (key: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new InputError({ at: `--set ${key}`, expected: `the same ${key} as the scenario, so the draws can be paired`, found: `${describeValue(b)} instead of ${describeValue(a)}` });
    }
  };
  same('country', base.country, variant.country);
  same('year', base.year, variant.year);
  same('rule', base.rule, variant.rule);
  same('sides', base.sides, variant.sides);
  same('territories', base.territories.map((t) => t.id), variant.territories.map((t) => t.id));
}

/**
 * The assumptions interval of the paired difference: at each joint draw of the assumptions, the scenario
 * and the variant both at that draw, run on the same elections, and their paired difference.
 */
async function compareAssumptions(base: ResolvedScenario, variant: ResolvedScenario, side: Side, draws: number, context: Parameters<typeof commandAssumptions>[3]) {
  const keep = { outcome: true, weightA: true };
  const spread = await commandAssumptions([base, variant], draws, async (at, run) => {
    const d = pairedGroupDifference(await run(at(base), keep), await run(at(variant), keep), side);
    return { pWin: d.deltaPWin, expectedWeight: d.deltaWeight };
  }, context);
  if (!spread) return undefined;
  return {
    simulations: spread.simulations,
    assumptions: { pWin: spread.answers.pWin!, expectedWeight: spread.answers.expectedWeight!, keys: spread.assumptions.map((a) => ({ key: a.key, label: a.label })) },
  };
}
