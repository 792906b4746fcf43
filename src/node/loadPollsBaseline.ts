/**
 * The scenario loader's step for `baseline.polls`: reads the poll file, aggregates it against the
 * race's last result with the error model of data/, and returns the `polls` block with its `forecast`
 * filled in (plain JSON, so the briefing page re-runs the scenario without the file). Node-only.
 */
import { InputError, describeValue } from '../errors.js';
import type { ElectionResults } from '../model/types.js';
import type { PollsSpec, Scenario } from '../scenario/types.js';
import { loadResults } from './data/loadResults.js';
import { loadPollErrorModel, loadUsNominees } from './data/loadPollErrorModel.js';
import { pollErrorFitFor } from '../polls/pollErrorModel.js';
import { timeForChangePrior } from '../polls/timeForChange.js';
import { loadUsFundamentals } from './data/loadUsFundamentals.js';
import { forecastFromPolls } from '../polls/forecastFromPolls.js';
import { formatPollDate, parsePollDate, usElectionDay } from '../polls/pollDates.js';
import { readPollFile } from './readPollFile.js';

/** Where the files are: the poll file to read and how messages name it and the scenario. */
export interface PollsBaselinePaths {
  /** Path to read. */
  path: string;
  /** The poll file as messages show it. */
  shown: string;
  /** The scenario file, for messages about its keys. */
  scenarioFile: string;
}

/**
 * Aggregates a scenario's poll file into its forecast.
 *
 * The race's result (the bundled `country` + `year`, or the `race` file already read) is the last
 * election: each territory's prior and its weight in the national margin. Election day is
 * `polls.election`, or for a US race the presidential election four years after its year. The error
 * model is data/poll-error-calibration.json's fit without the election's year when the record holds it.
 * For the bundled US presidential race between D and R, the polls' national margin is blended with the election year's
 * time-for-change forecast (data/us_fundamentals.csv, or `polls.fundamentals` inputs) unless
 * `polls.fundamentals` is false.
 *
 * @param scenario the parsed scenario (its `baseline.polls`, `sides`, race)
 * @param race the race file's results when the scenario has `race`
 * @param paths the poll file to read and the names messages use
 * @returns the `baseline.polls` block with `forecast`
 * @throws {InputError} naming the scenario key (`baseline.polls.asOf`) or the poll file's line and column
 * @example
 * (await pollsBaseline(scenario, undefined, paths)).forecast?.asOf // => '2016-11-07'
 */
export async function pollsBaseline(scenario: Scenario, race: ElectionResults | undefined, paths: PollsBaselinePaths): Promise<PollsSpec> {
  const spec = scenario.baseline!.polls!;
  const fail = (key: string, expected: string, found: unknown): never => {
    throw new InputError({ file: paths.scenarioFile, at: `baseline.polls.${key}`, expected, found: describeValue(found) });
  };
  const results = race ?? loadResults({ country: scenario.country!, year: scenario.year! });
  const country = race ? (scenario.race?.country ?? (race.country === 'fr' ? 'fr' : 'us')) : scenario.country;
  let electionDay: number;
  if (spec.election !== undefined) {
    electionDay = parsePollDate(spec.election) ?? fail('election', 'a date YYYY-MM-DD that exists', spec.election);
  } else if (country === 'us' && results.year > 0 && (race === undefined || results.country === 'us')) {
    electionDay = usElectionDay(results.year + 4);
  } else {
    fail('election', 'the election day (YYYY-MM-DD): it has no default outside the bundled US presidential races', 'nothing');
  }
  electionDay = electionDay!;
  let asOf: number | undefined;
  if (spec.asOf !== undefined) {
    asOf = parsePollDate(spec.asOf) ?? fail('asOf', 'a date YYYY-MM-DD that exists', spec.asOf);
    if (asOf > electionDay) fail('asOf', `a day on or before the election (${formatPollDate(electionDay)})`, spec.asOf);
  }
  const electionYear = Number(formatPollDate(electionDay).slice(0, 4));
  const nominees = country === 'us' ? loadUsNominees(electionYear) : undefined;
  const polls = await readPollFile(paths.path, {
    file: paths.shown,
    sides: scenario.sides,
    units: results.units,
    ...(spec.format !== undefined ? { format: spec.format } : {}),
    ...(spec.candidates !== undefined ? { candidates: spec.candidates } : {}),
    ...(nominees ? { nominees } : {}),
    ...(spec.scale !== undefined ? { scale: spec.scale } : {}),
    year: electionYear,
  });
  const known = polls.polls.filter((p) => p.end <= (asOf ?? electionDay));
  if (known.length === 0) fail(spec.asOf !== undefined ? 'asOf' : 'file', `a day on or after the first poll of ${paths.shown} (${formatPollDate(polls.polls[0].end)})`, spec.asOf ?? 'no poll before the election');
  // Fundamentals prior: the time-for-change forecast of the election year, for the bundled US
  // presidential race (the whole nation) between D and R; a race file (a state by county) gets none.
  let fundamentals: { margin: number; model: string } | undefined;
  if (spec.fundamentals !== false) {
    const inputs = typeof spec.fundamentals === 'object' && spec.fundamentals !== null ? { year: electionYear, ...spec.fundamentals } : undefined;
    const national = country === 'us' && race === undefined;
    if (inputs && !national) fail('fundamentals', 'true or false outside the bundled US presidential races (the time-for-change model forecasts the national popular vote)', 'inputs');
    if (national) fundamentals = timeForChangePrior(loadUsFundamentals(), electionYear, scenario.sides, inputs);
    if (inputs && !fundamentals) fail('fundamentals', 'sides D and R: the time-for-change model forecasts the two parties', scenario.sides);
  }
  const model = loadPollErrorModel();
  const { forecast } = forecastFromPolls({
    territories: results.units.map((u) => ({ id: u.id, region: u.region ?? '(none)', votes: u.votes, ...(u.parent !== undefined ? { parent: u.parent } : {}) })),
    sides: scenario.sides,
    polls,
    electionDay,
    ...(asOf !== undefined ? { asOf } : {}),
    errorModel: pollErrorFitFor(model, electionYear),
    ...(fundamentals ? { fundamentals } : {}),
  });
  return { ...spec, forecast };
}
