/**
 * `campaign-lab backtest --polls FILE --year Y [--as-of DATE]`: reads the file and the bundled results,
 * forecasts the year from its polls on the as-of day and 100, 50 and 20 days before the election, and
 * scores the forecasts (src/analysis/pollBacktest.ts). Node-only.
 */
import { resolve } from 'node:path';
import { InputError, describeValue } from '../errors.js';
import { availableYears, loadResults } from './data/loadResults.js';
import { loadPollErrorModel, loadUsNominees } from './data/loadPollErrorModel.js';
import { readDataFile } from './data/dataDirectory.js';
import { parseJsonText } from '../data/parseJsonText.js';
import { pollBacktest, type PollBacktestResult } from '../analysis/pollBacktest.js';
import type { PublishedScores } from '../analysis/pollBacktestText.js';
import { pollErrorFitFor } from '../polls/pollErrorModel.js';
import { timeForChangePrior } from '../polls/timeForChange.js';
import { loadUsFundamentals } from './data/loadUsFundamentals.js';
import { formatPollDate, parsePollDate, usElectionDay } from '../polls/pollDates.js';
import type { PollFile } from '../polls/pollTypes.js';
import type { SimulateScenario } from '../analysis/backtest.js';
import { readPollFile } from './readPollFile.js';

/** Days before the election every poll backtest also scores. */
const BACKTEST_DAYS_OUT = [100, 50, 20];

/** Options of {@link runPollBacktest}. */
export interface RunPollBacktestOptions {
  /** Poll file as the user typed it, and the folder it is relative to. */
  file: string;
  cwd: string;
  /** Election year (US presidential, with results in data/). */
  year: number;
  /** Forecast day `YYYY-MM-DD`; default the eve of the election. */
  asOf?: string;
  simulate?: SimulateScenario;
  simulations?: number;
  seed?: number;
  /** Blend the time-for-change fundamentals prior of the year (data/us_fundamentals.csv) with the polls. Default true. */
  fundamentals?: boolean;
}

/**
 * Runs the poll backtest of one year: the polls blended with the year's time-for-change fundamentals
 * prior (fitted on the elections before it) unless `fundamentals` is false.
 *
 * @returns the backtest (rows: the as-of day, then 100, 50 and 20 days out), the poll file as read and the published scores
 * @throws {InputError} a year without results, a bad date, or any problem of the poll file (file, line, column)
 * @example
 * (await runPollBacktest({ file: 'data/polls/us-president-2012-polls.csv', cwd: '.', year: 2012 })).result.rows[0].asOf // => '2012-11-05'
 */
export async function runPollBacktest(options: RunPollBacktestOptions): Promise<{ result: PollBacktestResult; polls: PollFile; published: PublishedScores }> {
  const years = availableYears('us');
  if (!years.includes(options.year)) throw new InputError({ at: '--year', expected: `a US presidential election year with results in data/ (${years.join(', ')})`, found: describeValue(options.year) });
  const current = loadResults({ country: 'us', year: options.year });
  const previous = years.includes(options.year - 4) ? loadResults({ country: 'us', year: options.year - 4 }) : undefined;
  const electionDay = usElectionDay(options.year);
  let asOf = electionDay - 1;
  if (options.asOf !== undefined) {
    const day = parsePollDate(options.asOf);
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new InputError({ at: '--as-of', expected: 'a date YYYY-MM-DD that exists', found: describeValue(options.asOf) });
    if (day > electionDay) throw new InputError({ at: '--as-of', expected: `a day on or before the election (${formatPollDate(electionDay)})`, found: describeValue(options.asOf) });
    asOf = day;
  }
  const nominees = loadUsNominees(options.year);
  const polls = await readPollFile(resolve(options.cwd, options.file), { file: options.file, sides: current.sides, units: current.units, year: options.year, ...(nominees ? { nominees } : {}) });
  const fundamentals = options.fundamentals === false ? undefined : timeForChangePrior(loadUsFundamentals(), options.year, current.sides);
  const first = polls.polls[0].end;
  const days = [asOf, ...BACKTEST_DAYS_OUT.map((d) => electionDay - d).filter((d) => d !== asOf && d >= first)];
  const result = pollBacktest({
    year: options.year,
    polls,
    ...(previous ? { previous } : {}),
    current,
    electionDay,
    asOf: days,
    errorModel: pollErrorFitFor(loadPollErrorModel(), options.year),
    ...(fundamentals ? { fundamentals } : {}),
    ...(options.simulate ? { simulate: options.simulate } : {}),
    ...(options.simulations !== undefined ? { simulations: options.simulations } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const { path, text } = readDataFile('poll-backtest-published.json');
  const published = (parseJsonText(text, path) as { scores: PublishedScores }).scores;
  return { result, polls, published };
}
