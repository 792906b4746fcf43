// The poll aggregation's speed: a year of state and national polls through the state-space model
// (house, population and noise terms and the random-walk search included), one core, median of rounds.
// Two inputs: the Economist's 2016 file as of the eve of the election (1,747 polls, 51 units), and a
// seeded year of 3,000 polls over the 50 states, DC and the nation (2,400 state polls spread as the
// states' two-party votes, 600 national, 20 pollsters with house effects). Run alone with
//   node --import tsx bench/pollAggregation.ts
// or as one line of npm run bench. Target: under 2 s for the 3,000 polls.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { loadResults } from '../src/node/data/loadResults.js';
import { parsePollFile } from '../src/polls/parsePollFile.js';
import { aggregatePolls } from '../src/polls/aggregatePolls.js';
import { aggregationUnits, pollsKnownOn } from '../src/polls/forecastFromPolls.js';
import { usElectionDay } from '../src/polls/pollDates.js';
import type { Poll } from '../src/polls/pollTypes.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Median seconds of `rounds` runs of `run`. */
function time(run: () => void, rounds: number): number {
  const seconds: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    run();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

/** A seeded year of `count` polls: a national random walk, fixed state offsets, 20 pollsters. */
function syntheticYear(units: { id: string; lastMargin: number; weight: number }[], count: number, electionDay: number): Poll[] {
  const rng = seedrandom('poll aggregation bench');
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const start = electionDay - 300;
  const trend: number[] = [2];
  for (let d = 1; d < 300; d++) trend.push(trend[d - 1] + 0.25 * gauss());
  const house = Array.from({ length: 20 }, () => 2 * gauss());
  const cumulative: number[] = [];
  units.reduce((s, u) => (cumulative.push(s + u.weight), s + u.weight), 0);
  const polls: Poll[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(300 * rng());
    const national = i < count / 5;
    const unit = national ? undefined : units[Math.min(units.length - 1, cumulative.findIndex((c) => c >= rng()))];
    const k = Math.floor(20 * rng());
    const truth = trend[day] + (unit ? unit.lastMargin - 3.9 : 0);
    polls.push({ line: i + 2, unit: unit ? unit.id : 'US', start: start + day - 3, end: start + day, pollster: `P${k}`, population: rng() < 0.7 ? 'lv' : 'rv', margin: truth + house[k] + 3.5 * gauss(), sampleSize: 400 + Math.floor(1200 * rng()), decided: 0.9 });
  }
  return polls;
}

/** One line per input: polls, units, median seconds. */
export function pollAggregationBench(rounds = 3): string[] {
  const last = loadResults({ country: 'us', year: 2012 });
  const { units, lastNationalMargin } = aggregationUnits(last.units.map((u) => ({ id: u.id, region: u.region ?? '', votes: u.votes, ...(u.parent ? { parent: u.parent } : {}) })), ['D', 'R']);
  const electionDay = usElectionDay(2016);
  const file = path.join(repo, 'data', 'polls', 'us-president-2016-polls.csv');
  const economist = pollsKnownOn(parsePollFile(readFileSync(file, 'utf8'), { file, sides: ['D', 'R'], units: last.units, nominees: { D: 'Hillary Clinton', R: 'Donald Trump' } }).polls, electionDay - 1);
  const synthetic = syntheticYear(units, 3000, electionDay);
  const lines: string[] = [];
  for (const [label, polls] of [['Economist 2016 file, as of 7 Nov 2016', economist], ['seeded year of 3,000 polls', synthetic]] as const) {
    const seconds = time(() => aggregatePolls({ units, lastNationalMargin, polls, electionDay, asOf: electionDay - 1, priorSD: { national: 10, relative: 5.8 } }), rounds);
    lines.push(`Poll aggregation, ${label}: ${polls.length.toLocaleString('en-US')} polls, ${units.length} units, ${seconds.toFixed(2)} s on one core${polls.length >= 3000 ? ' (target < 2 s)' : ''}`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) for (const line of pollAggregationBench()) console.log(line);
