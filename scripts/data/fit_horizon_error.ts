/**
 * Derives the error of a forecast made some days before a US presidential election and writes
 * data/horizon-error.json, which a scenario's `horizon` reads (src/scenario/horizon.ts).
 *
 * Source: the Economist's full-year poll files (data/polls/us-president-<year>-polls.csv, 2008–2016),
 * FiveThirtyEight's raw polls (data/polls/poll-record-1998-2016.csv, CC BY 4.0), the fitted error model
 * (data/poll-error-calibration.json, fit `all`) and the project's results (data/us_president_results.csv).
 *
 * 1. National: for 2008, 2012 and 2016 at 1, 20, 50 and 100 days out, the product's aggregation
 *    (aggregatePolls, with the prior the fit script uses: the last result, relative SD `priorRelative`)
 *    of the polls known that day, blended with the time-for-change fundamentals by the fit's K
 *    (fundamentalsWeight), against the certified national margin; per days out, the root-mean-square
 *    error over the three years (pp of two-party margin). The same points the fit's K was fitted on.
 * 2. State polls: per days out, the median over the 50 states and DC of the number of state polls that
 *    ended in the 21 days before the forecast (0 for a state without any), over the three years; and on
 *    the eve (1 day out) the same median over 2000–2016 in the raw-polls file. The fitted state term
 *    √(stateBase² + statePerPoll²/(1 + n)) takes that n.
 *
 * Dev tool, run by hand: node --import tsx scripts/data/fit_horizon_error.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResults } from '../../src/node/data/loadResults.js';
import { parsePollFile } from '../../src/polls/parsePollFile.js';
import { aggregatePolls } from '../../src/polls/aggregatePolls.js';
import { aggregationUnits, pollsKnownOn } from '../../src/polls/forecastFromPolls.js';
import { usElectionDay } from '../../src/polls/pollDates.js';
import { fundamentalsWeight, type PollErrorModel } from '../../src/polls/pollErrorModel.js';
import { parseUsFundamentals, timeForChangePrior } from '../../src/polls/timeForChange.js';
import { loadUsNominees } from '../../src/node/data/loadPollErrorModel.js';
import { median } from 'simple-statistics';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'data', 'horizon-error.json');
const RAW = 'data/polls/poll-record-1998-2016.csv';
const FULL_YEAR = [2008, 2012, 2016];
const RAW_YEARS = [2000, 2004, 2008, 2012, 2016];
const DAYS_OUT = [1, 20, 50, 100];
const RECENT_DAYS = 21;
const calibration = JSON.parse(readFileSync(join(root, 'data', 'poll-error-calibration.json'), 'utf8')) as PollErrorModel;
const fit = calibration.fits.find((f) => f.id === 'all')!;
const FUNDAMENTALS = parseUsFundamentals({ file: 'data/us_fundamentals.csv', text: readFileSync(join(root, 'data', 'us_fundamentals.csv'), 'utf8') });
const margin = (v: Record<string, number>) => (100 * ((v.D ?? 0) - (v.R ?? 0))) / ((v.D ?? 0) + (v.R ?? 0));
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

const squared = new Map<number, number[]>(DAYS_OUT.map((d) => [d, []]));
const counts = new Map<number, number[]>(DAYS_OUT.map((d) => [d, []]));
const points: { year: number; days: number; blend: number; actual: number; statePollsMedian: number }[] = [];
for (const year of FULL_YEAR) {
  const current = loadResults({ country: 'us', year });
  const previous = loadResults({ country: 'us', year: year - 4 });
  const file = `data/polls/us-president-${year}-polls.csv`;
  const polls = parsePollFile(readFileSync(join(root, file), 'utf8'), { file, sides: ['D', 'R'], units: current.units, nominees: loadUsNominees(year) });
  const territories = previous.units.map((u) => ({ id: u.id, region: u.region ?? '(none)', votes: u.votes, ...(u.parent !== undefined ? { parent: u.parent } : {}) }));
  const { units, lastNationalMargin } = aggregationUnits(territories, ['D', 'R']);
  const tops = current.units.filter((u) => u.parent === undefined);
  const actual = margin({ D: tops.reduce((s, u) => s + (u.votes.D ?? 0), 0), R: tops.reduce((s, u) => s + (u.votes.R ?? 0), 0) });
  const electionDay = usElectionDay(year);
  const f = timeForChangePrior(FUNDAMENTALS, year, ['D', 'R'])!.margin;
  for (const days of DAYS_OUT) {
    const asOf = electionDay - days;
    const known = pollsKnownOn(polls.polls, asOf);
    const aggregate = aggregatePolls({ units, lastNationalMargin, polls: known, electionDay, asOf, priorSD: { national: 10, relative: fit.priorRelative }, recentDays: RECENT_DAYS });
    const m = aggregate.national.mean;
    const w = fundamentalsWeight(fit, aggregate.national.sd ** 2);
    const blend = m + w * (f - m);
    squared.get(days)!.push((blend - actual) ** 2);
    const perState = tops.map((u) => known.filter((p) => p.unit === u.id && p.end > asOf - RECENT_DAYS).length);
    counts.get(days)!.push(...perState);
    points.push({ year, days, blend: round(blend, 2), actual: round(actual, 2), statePollsMedian: median(perState) });
  }
}
// Eve of the election in the raw-polls file, every fitted year.
const rawText = readFileSync(join(root, RAW), 'utf8');
const eveCounts: number[] = [];
for (const year of RAW_YEARS) {
  const current = loadResults({ country: 'us', year });
  const polls = parsePollFile(rawText, { file: RAW, sides: ['D', 'R'], units: current.units, year });
  const asOf = usElectionDay(year) - 1;
  const tops = current.units.filter((u) => u.parent === undefined);
  eveCounts.push(...tops.map((u) => pollsKnownOn(polls.polls, asOf).filter((p) => p.unit === u.id && p.end > asOf - RECENT_DAYS).length));
}
const stateSD = (n: number) => Math.sqrt(fit.stateBase ** 2 + fit.statePerPoll ** 2 / (1 + n));
const eveN = median(eveCounts);
const out = {
  description:
    'Error of a US presidential forecast made some days before the election, pp of two-party margin. `points`: per days out, `national` the root-mean-square national error of the product\'s poll aggregate blended with the fundamentals (fit `all` of data/poll-error-calibration.json) over 2008, 2012 and 2016; `statePolls` the median number of state polls (50 states and DC, 0 when none) that ended in the 21 days before the forecast; `territory` the fitted state term √(stateBase² + statePerPoll²/(1 + statePolls)). `eve`: the eve of the election from the fit `all` itself (national SD, normal tails; regional SD) with the state term at the median number of state polls of the final 21 days over 2000–2016 in the raw-polls file.',
  source: "The Economist's poll files 2008–2016 (data/polls/us-president-<year>-polls.csv); FiveThirtyEight raw polls 1998–2016 (data/polls/poll-record-1998-2016.csv, CC BY 4.0); data/poll-error-calibration.json (fit `all`); data/us_president_results.csv",
  script: 'scripts/data/fit_horizon_error.ts',
  years: FULL_YEAR,
  eve: { national: fit.national, tails: fit.tails, regional: fit.regional, statePolls: eveN, territory: round(stateSD(eveN)) },
  points: DAYS_OUT.map((days) => {
    const n = median(counts.get(days)!);
    return { days, national: round(Math.sqrt(squared.get(days)!.reduce((s, x) => s + x, 0) / squared.get(days)!.length)), statePolls: n, territory: round(stateSD(n)) };
  }),
  perYear: points,
};
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
