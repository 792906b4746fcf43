import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastFromPolls, type ForecastTerritory } from '../../src/polls/forecastFromPolls.js';
import { fundamentalsWeight, type PollErrorFit } from '../../src/polls/pollErrorModel.js';
import type { Poll, PollFile } from '../../src/polls/pollTypes.js';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

const territories: ForecastTerritory[] = [
  { id: 'A', region: 'east', votes: { D: 600, R: 400 } },
  { id: 'B', region: 'east', votes: { D: 500, R: 500 } },
  { id: 'C', region: 'west', votes: { D: 400, R: 600 } },
];
/** Polls put the nation about 4 points toward D: A at +24, B at +4, national at +4. */
const polls: Poll[] = [];
for (let day = 100; day < 160; day += 3) {
  polls.push({ line: polls.length + 2, unit: 'A', start: day, end: day, pollster: 'p', population: 'lv', margin: 24, sampleSize: 800 });
  polls.push({ line: polls.length + 2, unit: 'B', start: day + 1, end: day + 1, pollster: 'q', population: 'lv', margin: 4, sampleSize: 800 });
  polls.push({ line: polls.length + 2, unit: 'US', start: day + 2, end: day + 2, pollster: 'r', population: 'lv', margin: 4, sampleSize: 1500 });
}
const file: PollFile = { file: 'p.csv', format: 'table', scale: 'percent', scaleDetected: false, records: polls.length, polls, leftOut: {}, read: {} } as unknown as PollFile;
const fit: PollErrorFit = { id: 'all', years: [2000], national: 1, tails: 1e6, regional: 1, stateBase: 1, statePerPoll: 5, undecidedPower: 0, priorRelative: 5, pollNational: 1.5, fundamentalsVariance: 20, logLikelihood: 0, errors: 0 };
const base = { territories, sides: ['D', 'R'] as const, polls: file, electionDay: 170, errorModel: fit };

test('forecastFromPolls with fundamentals moves the nation and every territory by the same V / (V + K) share of the gap', () => {
  const alone = forecastFromPolls({ ...base, asOf: 160 }).forecast;
  const blended = forecastFromPolls({ ...base, asOf: 160, fundamentals: { margin: -6, model: 'test' } }).forecast;
  // The aggregate's own national variance, recovered from the polls-only forecast: U² = national² + own.
  const own = alone.uncertainty.national ** 2 - fit.national ** 2;
  const v = fit.pollNational! ** 2 + own;
  const weight = v / (v + fit.fundamentalsVariance!);
  const f = blended.fundamentals!;
  close(f.weight, weight, 1e-9, 'weight');
  close(f.pollsMargin, alone.national.margin, 1e-9, 'polls margin');
  close(f.shift, weight * (-6 - alone.national.margin), 1e-9, 'shift');
  assert.ok(f.shift < 0 && f.weight > 0 && f.weight < 0.5);
  close(blended.national.margin - alone.national.margin, f.shift, 1e-9, 'national');
  for (const id of ['A', 'B', 'C']) {
    close(blended.territories[id].margin - alone.territories[id].margin, f.shift, 1e-9, id);
    close(blended.territories[id].sd, alone.territories[id].sd, 1e-12, `${id} own SD unchanged`);
  }
  assert.equal(alone.fundamentals, undefined);
});

test('forecastFromPolls: the fundamentals weigh more far from the election (the drift ahead adds to V)', () => {
  const near = forecastFromPolls({ ...base, asOf: 160, fundamentals: { margin: -6, model: 'test' } }).forecast.fundamentals!;
  const far = forecastFromPolls({ ...base, electionDay: 260, asOf: 160, fundamentals: { margin: -6, model: 'test' } }).forecast.fundamentals!;
  assert.ok(far.weight > near.weight, `${far.weight} vs ${near.weight}`);
});

test('fundamentalsWeight: V / (V + K); 0 when the fit has no K or K is null (the fundamentals did not help)', () => {
  close(fundamentalsWeight({ pollNational: 1.5, fundamentalsVariance: 16 }, 1.75), 0.2, 1e-12, 'V = 4');
  assert.equal(fundamentalsWeight({ pollNational: 1.5, fundamentalsVariance: null }, 1.75), 0);
  assert.equal(fundamentalsWeight({}, 1.75), 0);
  const noK = forecastFromPolls({ ...base, errorModel: { ...fit, fundamentalsVariance: null }, asOf: 160, fundamentals: { margin: -6, model: 'test' } }).forecast;
  assert.equal(noK.fundamentals!.shift, 0);
});
