/**
 * `campaign-lab flip`: the fewest votes that would have changed a US presidential winner, exactly
 * (knapsack over electoral votes), by mobilising new voters or converting the winner's; on a
 * multi-candidate scenario, the fewest new votes for one candidate to win units, reach round 2 and win the
 * race (src/analysis/multiCandidateFlip.ts).
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount } from '../../briefing/formatNumber.js';
import { loadResults } from '../../node/data/loadResults.js';
import { InputError } from '../../errors.js';
import { loadCommandScenario, prepareLoadedScenario } from '../../node/prepareScenario.js';
import { loadedMultiCandidateRace, multiCandidateRule } from '../../scenario/multiCandidateScenario.js';
import type { Scenario } from '../../scenario/types.js';
import type { CliContext } from '../CliContext.js';
import { baselineResults } from '../../scenario/baselineResults.js';
import type { RaceFormat } from '../../data/race/raceTypes.js';
import type { ElectionResults } from '../../model/types.js';
import { hasOutrightWinner, votesToBreakTie, votesToFlip } from '../../analysis/votesToFlip.js';
import type { FlipMode, FlipTarget, TieBreak, VotesToFlip } from '../../analysis/votesToFlip.js';

/**
 * How a flip answer is worded: what the weight counts, and for a scenario with a forecast baseline, that
 * baseline in words (the race is then expected, not won).
 */
interface FlipWords {
  /** What the unit weights count: electoral votes (the US 538) or seats. */
  unit: 'electoral votes' | 'seats';
  /** The forecast baseline in words (`2012 result, polls as of 2016-11-07 …`); absent for a result. */
  forecast?: string;
}

/**
 * One paragraph describing a votes-to-flip answer, in electoral votes as pledged by the unit winners
 * (or seats). A result says who won and what the loser needed; a forecast (a scenario's expected
 * result) says who is expected to win and what the other side would need.
 *
 * @example
 * formatFlip(votesToFlip(results2000), { unit: 'electoral votes' })
 * // => '2000: R won a majority of the pledged electoral votes. D needed 538 new voters to win a majority of the electoral votes, in FL (the winner\'s margins there summed to 537 votes).\nElectoral votes are pledged (each state or district to its winner), not as cast by the electors.\n'
 */
function formatFlip(flip: VotesToFlip, words: FlipWords): string {
  const how = flip.mode === 'mobilise' ? 'new voters' : 'voters switching sides';
  const expected = words.forecast !== undefined;
  const year = expected ? `${words.forecast}: ` : flip.year > 0 ? `${flip.year}: ` : '';
  const needed = expected ? 'would need' : 'needed';
  if (flip.basis === 'popular-vote') {
    const goal = flip.target === 'win' ? 'win the national vote' : 'tie the national vote';
    const leads = expected ? 'is expected to lead' : 'led';
    return `${year}${flip.winner} ${leads} the national vote by ${formatCount(flip.marginSum)} votes (a race without unit weights). ${flip.loser} ${needed} ${formatCount(flip.votes)} ${how}, anywhere, to ${goal}.\n`;
  }
  const ev = words.unit === 'electoral votes';
  const to =
    flip.target === 'win'
      ? `win a majority of the ${words.unit}`
      : flip.target === 'tie'
        ? `deny ${flip.winner} a majority of the ${words.unit} (${flip.loser} at least half)`
        : ev ? 'tie exactly in electoral votes (269–269)' : 'tie exactly in seats';
  const won = `${expected ? 'is expected to win' : 'won'} a majority of the ${ev ? 'pledged electoral votes' : 'seats'}`;
  const margins = expected ? "the winner's expected margins there sum to" : "the winner's margins there summed to";
  return (
    `${year}${flip.winner} ${won}. ${flip.loser} ${needed} ${formatCount(flip.votes)} ${how} to ${to}, ` +
    `in ${flip.units.join(', ')} (${margins} ${formatCount(flip.marginSum)} votes).\n` +
    (ev ? 'Electoral votes are pledged (each state or district to its winner), not as cast by the electors.\n' : '')
  );
}

/**
 * One paragraph for a tied race: what each side needs to break the tie, cheapest first.
 *
 * @example
 * formatTieBreak(votesToBreakTie(chamber), 'seats')
 * // => 'A tie: A 5, B 5 seats (6 to win). A needs 2 new voters to break it, in 5 (B\'s margins there summed to 1 vote); B needs 2, in 9 (A\'s margins there summed to 1 vote).\n'
 */
function formatTieBreak(tie: TieBreak, weightWord: string, forecast?: string): string {
  const how = tie.mode === 'mobilise' ? 'new voters' : 'voters switching sides';
  const year = forecast !== undefined ? `${forecast}: an expected tie` : tie.year > 0 ? `${tie.year}: a tie` : 'A tie';
  const [first, second] = tie.sides;
  const sides = Object.keys(tie.held);
  if (tie.basis === 'popular-vote') {
    return `${year} in the national vote, ${formatCount(tie.held[sides[0]!]!)} votes each (a race without unit weights). One ${tie.mode === 'mobilise' ? 'new voter' : 'voter switching sides'} for either side breaks it.\n`;
  }
  const other = (side: string) => sides.find((s) => s !== side) ?? '';
  const votes = (n: number) => `${formatCount(n)} vote${n === 1 ? '' : 's'}`;
  const where = (t: typeof first) => `${t!.units.join(', ')} (${other(t!.side)}'s margins there summed to ${votes(t!.marginSum)})`;
  const held = sides.map((s) => `${s} ${tie.held[s]}`).join(', ');
  return (
    `${year}: ${held} ${weightWord} (${tie.threshold} to win). ${first!.side} needs ${formatCount(first!.votes)} ${how} to break it, in ${where(first)}` +
    (second ? `; ${second.side} needs ${formatCount(second.votes)}, in ${where(second)}` : `; ${other(first!.side)} cannot reach ${tie.threshold}`) +
    '.\n'
  );
}

/** What a race's weights count when no rule says: the US 538 are electoral votes, any other weights seats. */
function defaultUnit(results: ElectionResults): FlipWords['unit'] {
  const weight = results.units.reduce((s, u) => s + u.weight, 0);
  return results.country === 'us' && weight === 538 ? 'electoral votes' : 'seats';
}

/**
 * `flip` on a multi-candidate scenario: the fewest new votes for `--candidate` (default ours, the first of
 * `sides`) to win units, qualify and win the race, on the race file's votes (src/analysis/multiCandidateFlip.ts).
 */
async function flipMultiCandidate(scenario: Scenario, args: { options: Record<string, unknown> }, context: CliContext): Promise<void> {
  for (const key of ['mode', 'target'] as const) {
    if (args.options[key] !== undefined && args.options[key] !== (key === 'mode' ? 'mobilise' : 'win')) {
      throw new InputError({ at: `--${key}`, expected: key === 'mode' ? '"mobilise" on a multi-candidate race (new voters for the candidate)' : '"win" on a multi-candidate race', found: String(args.options[key]) });
    }
  }
  const { race } = loadedMultiCandidateRace(scenario)!;
  const { multiCandidateFlip } = await import('../../analysis/multiCandidateFlip.js');
  const flip = multiCandidateFlip(race, {
    rule: multiCandidateRule(scenario.rule),
    ...(args.options.candidate !== undefined ? { party: args.options.candidate as string } : {}),
    ...(scenario.seatsToWin !== undefined ? { seatsToWin: scenario.seatsToWin } : {}),
  });
  if (args.options.json) printJson(context.stdout, { scenario: scenario.name, ...flip });
  else {
    const { formatMultiCandidateFlip } = await import('../formatMultiCandidateFlip.js');
    context.stdout.write(`${scenario.name}\n${formatMultiCandidateFlip(flip)}`);
  }
}

/** `--candidate` on a two-sided race: refused, the loser is the one flipped. */
function twoSidedCandidate(candidate: unknown): InputError {
  return new InputError({ at: '--candidate', expected: 'a multi-candidate scenario file (a two-sided race flips its loser)', found: String(candidate) });
}

/** The `flip` command. */
export const flipCommand: Command = {
  name: 'flip',
  summary: 'Fewest votes that would have changed a winner (a US year, your race file, or a scenario; with 3+ candidates, per candidate).',
  details:
    "Exact search (knapsack over unit weights: electoral votes, seats) over the units the winner carried.\n" +
    'mobilise: margin + 1 new voters per unit; convert: floor(margin / 2) + 1 switched voters per unit.\n' +
    'win: the loser reaches a majority (270 of 538); tie: the winner is denied a majority (the loser reaches at\n' +
    "least half, 269); exact-tie: exactly half each (269–269). US electoral votes are pledged (to each unit's\n" +
    'winner), not as cast.\n' +
    'The race: --year Y (US presidential, bundled), --file PATH (your results file, weighted units), or a\n' +
    "scenario file, whose expected result is used (its race with its baseline's swing, shifts and margins).\n" +
    'A multi-candidate scenario (three or more candidates, `campaign-lab run` runs it on the K-candidate\n' +
    'engine): the fewest new votes for --candidate CODE (default ours, the first of `sides`) on the race\n' +
    "file's votes, no uncertainty: per unit, to pass its best other candidate; two-round: to pass the second\n" +
    'nationally (qualify); two-round-legislative: to reach 12.5 % of inscrits or the top two and deny a round-1\n' +
    'election (qualify), and to be elected in round 1; plurality / electoral-college: the cheapest set of units\n' +
    "for seatsToWin (exact) and the tipping-point unit (units taken by the candidate's margin, best first).\n" +
    '(--json: {kind: "multi-candidate-flip", party, qualify, race, tippingPoint, units: [{id, toLead, toQualify, toElect, …}]}).\n' +
    'A tied race (5–5 seats, 269–269, equal national votes) gets what each side needs to break the tie,\n' +
    'cheapest first (--json: {year, tie: true, mode, basis, held, threshold, sides: [{side, units, marginSum, votes}]}).\n' +
    "A scenario with a forecast baseline is a race ahead: its winner is expected, not said to have won\n" +
    '(--json adds expected: true and forecast, the baseline in words).\n\n' +
    'Examples:\n  campaign-lab flip --year 2000 --json\n  campaign-lab flip --file my-race.csv --format table\n' +
    '  campaign-lab flip scenarios/us-2016-pre-election.yaml\n' +
    '  campaign-lab flip scenarios/france-2022-first-round.yaml --candidate LFI',
  spec: {
    positionals: [{ name: 'scenario', description: 'a scenario file (.yaml, .yml or .json)', optional: true }],
    options: {
      year: { type: 'integer', valueName: 'Y', description: 'Election year (US, 2000–2024), or the year to read from --file.' },
      file: { type: 'string', valueName: 'PATH', description: 'Your race file (table, MEDSL or Ministry), with unit weights.' },
      format: { type: 'string', choices: ['auto', 'table', 'medsl', 'fr-ministere'], valueName: 'auto|table|medsl|fr-ministere', description: 'Layout of --file (default auto).' },
      round: { type: 'integer', minimum: 1, valueName: 'R', description: 'Round to read from --file (French files).' },
      country: { type: 'string', choices: ['us'], valueName: 'us', description: 'Country (only the US has weighted units; default us).' },
      mode: { type: 'string', choices: ['mobilise', 'convert'], valueName: 'mobilise|convert', description: 'How the loser gains votes (default mobilise).' },
      target: { type: 'string', choices: ['win', 'tie', 'exact-tie'], valueName: 'win|tie|exact-tie', description: 'Win, deny the winner a majority (tie), or 269–269 (exact-tie); default win.' },
      candidate: { type: 'string', valueName: 'CODE', description: 'Multi-candidate scenario: the party asked about (default ours, the first of sides).' },
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const scenario = args.positionals.scenario as string | undefined;
    const file = args.options.file as string | undefined;
    const year = args.options.year as number | undefined;
    if ([scenario !== undefined, file !== undefined].filter(Boolean).length > 1 || (scenario !== undefined && year !== undefined)) {
      throw new InputError({ at: 'arguments', expected: 'one race: a scenario file, --file PATH or --year Y', found: [scenario && 'a scenario', file && '--file', year !== undefined && '--year'].filter(Boolean).join(' and ') });
    }
    let results: ElectionResults;
    let threshold: number | undefined;
    // A scenario with a forecast baseline (polls, a swing, margins) is a race ahead: its winner is expected.
    let forecast: string | undefined;
    let unit: FlipWords['unit'] | undefined;
    if (scenario !== undefined) {
      const loaded = await loadCommandScenario(scenario, { cwd: context.cwd });
      if (loadedMultiCandidateRace(loaded)) return flipMultiCandidate(loaded, args, context);
      if (args.options.candidate !== undefined) throw twoSidedCandidate(args.options.candidate);
      const { resolved } = prepareLoadedScenario(loaded, scenario, {});
      results = baselineResults(resolved);
      if (resolved.baseline?.forecast) forecast = resolved.baseline.description ?? resolved.baseline.resultLabel;
      // A scenario's own threshold (electoral-college) or seatsToWin (seats) is what a win needs.
      if (resolved.rule === 'electoral-college' || resolved.rule === 'seats') {
        threshold = resolved.threshold;
        unit = resolved.rule === 'seats' ? 'seats' : 'electoral votes';
      }
    }
    else if (args.options.candidate !== undefined) throw twoSidedCandidate(args.options.candidate);
    else if (file !== undefined) {
      const { readRaceFile } = await import('../../node/readRaceFile.js');
      // Named as typed, in messages and in the race's source.
      results = await readRaceFile(file, {
        cwd: context.cwd,
        ...(args.options.format !== undefined ? { format: args.options.format as RaceFormat | 'auto' } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(args.options.round !== undefined ? { round: args.options.round as number } : {}),
      });
    } else if (year !== undefined) results = loadResults({ country: 'us', year });
    else throw new InputError({ at: 'arguments', expected: 'a race: a scenario file, --file PATH or --year Y', found: 'none' });
    if (!hasOutrightWinner(results, threshold)) {
      // A tied race (5–5 seats, 269–269, equal national totals): what each side needs to break it.
      const tie = votesToBreakTie(results, { mode: (args.options.mode as FlipMode | undefined) ?? 'mobilise', ...(threshold !== undefined ? { threshold } : {}) });
      const target = (args.options.target as FlipTarget | undefined) ?? 'win';
      if (args.options.json) printJson(context.stdout, forecast !== undefined ? { ...tie, expected: true, forecast } : tie);
      else {
        context.stdout.write(formatTieBreak(tie, unit ?? defaultUnit(results), forecast));
        if (target !== 'win') context.stdout.write(`The race is already tied: --target ${target} needs no vote.\n`);
      }
      return;
    }
    const flip = votesToFlip(results, {
      mode: (args.options.mode as FlipMode | undefined) ?? 'mobilise',
      target: (args.options.target as FlipTarget | undefined) ?? 'win',
      ...(threshold !== undefined ? { threshold } : {}),
    });
    if (args.options.json) printJson(context.stdout, forecast !== undefined ? { ...flip, expected: true, forecast } : flip);
    else context.stdout.write(formatFlip(flip, { unit: unit ?? defaultUnit(results), ...(forecast !== undefined ? { forecast } : {}) }));
  },
};
