import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pollBacktest, pollForecastScenario } from '../../src/analysis/pollBacktest.js';
import { parsePollFile } from '../../src/polls/parsePollFile.js';
import { usElectionDay } from '../../src/polls/pollDates.js';
import { pollErrorFitFor } from '../../src/polls/pollErrorModel.js';
import { forecastFromPolls } from '../../src/polls/forecastFromPolls.js';
import { loadResults } from '../../src/data/loadResults.js';
import { loadPollErrorModel, loadUsNominees } from '../../src/data/loadPollErrorModel.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';

const model = loadPollErrorModel();

/** The Economist's poll file of a year as of the eve of the election, with the error model that leaves the year out. */
function economistEve(year: number) {
  const current = loadResults({ country: 'us', year });
  const previous = loadResults({ country: 'us', year: year - 4 });
  const file = `data/polls/economist_polls_${year}.csv`;
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides: ['D', 'R'], units: current.units, nominees: loadUsNominees(year) });
  const electionDay = usElectionDay(year);
  return pollBacktest({ year, polls, previous, current, electionDay, asOf: [electionDay - 1], errorModel: pollErrorFitFor(model, year) });
}

test('pollBacktest on the Economist\'s 2008 polls as of 3 Nov 2008: state Brier at most the Economist\'s 0.0290', () => {
  const { rows, errorModel } = economistEve(2008);
  assert.equal(errorModel.id, 'without-2008');
  assert.equal(rows[0].asOf, '2008-11-03');
  assert.equal(rows[0].units, 51);
  assert.ok(rows[0].brier <= 0.029, `Brier ${rows[0].brier}`);
});

test('pollBacktest on the Economist\'s 2012 polls as of 5 Nov 2012: state Brier at most the Economist\'s 0.0193', () => {
  const { rows } = economistEve(2012);
  assert.equal(rows[0].units, 51);
  assert.ok(rows[0].brier <= 0.0193, `Brier ${rows[0].brier}`);
});

test('pollBacktest on the Economist\'s 2016 polls as of 7 Nov 2016: state Brier beats the NYT Upshot\'s 0.0801 but not the Economist\'s 0.0508', () => {
  // The polls of that file put Clinton 4.5 pp too high in the average state; no error model makes up for
  // that without information from outside the polls (see README, "Forecast from polls").
  const { rows } = economistEve(2016);
  assert.equal(rows[0].units, 51);
  assert.ok(rows[0].brier <= 0.0801, `Brier ${rows[0].brier}`);
  assert.ok(rows[0].brier > 0.0508, `Brier ${rows[0].brier}`);
});

test('90 % intervals cover 85–95 % of state results across the presidential years 2000–2016 of the raw-polls file (leave-one-year-out)', () => {
  const file = 'data/polls/fivethirtyeight_raw_polls_1998-2016.csv';
  const text = readFileSync(file, 'utf8');
  let inside = 0;
  let states = 0;
  for (const year of [2000, 2004, 2008, 2012, 2016]) {
    const current = loadResults({ country: 'us', year });
    const previous = year > 2000 ? loadResults({ country: 'us', year: year - 4 }) : undefined;
    const polls = parsePollFile(text, { file, sides: ['D', 'R'], units: current.units, year });
    const electionDay = usElectionDay(year);
    const errorModel = pollErrorFitFor(model, year);
    assert.equal(errorModel.id, `without-${year}`);
    assert.ok(!errorModel.years.includes(year));
    const { rows } = pollBacktest({ year, polls, ...(previous ? { previous } : {}), current, electionDay, asOf: [electionDay - 1], errorModel, polledOnly: true });
    inside += rows[0].forecasts.filter((f) => f.actual >= f.low && f.actual <= f.high).length;
    states += rows[0].units;
  }
  assert.ok(states > 200, `${states} state results`);
  const coverage = inside / states;
  assert.ok(coverage >= 0.85 && coverage <= 0.95, `coverage ${coverage} (${inside} of ${states})`);
  // The calibration file records the same figure.
  assert.equal((model.coverage as { all: { inside: number; states: number } }).all.inside, inside);
});

test('pollForecastScenario: the simulation draws what the forecast says (P(carry) per state within Monte Carlo error)', () => {
  const year = 2012;
  const current = loadResults({ country: 'us', year });
  const previous = loadResults({ country: 'us', year: 2008 });
  const file = 'data/polls/economist_polls_2012.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides: ['D', 'R'], units: current.units, nominees: loadUsNominees(year) });
  const electionDay = usElectionDay(year);
  const simulations = 40_000;
  const { rows } = pollBacktest({ year, polls, previous, current, electionDay, asOf: [electionDay - 1], errorModel: pollErrorFitFor(model, year), simulate: (s, o) => simulate(prepareModel(s), o), simulations });
  const row = rows[0];
  assert.ok(row.nationalPWin! > 0.5 && row.nationalPWin! < 1);
  // Re-run the scenario and compare its per-state frequencies with the exact probabilities.
  const { forecast } = forecastFromPolls({
    territories: previous.units.map((u) => ({ id: u.id, region: u.region!, votes: u.votes, ...(u.parent ? { parent: u.parent } : {}) })),
    sides: ['D', 'R'],
    polls,
    electionDay,
    asOf: electionDay - 1,
    errorModel: pollErrorFitFor(model, year),
  });
  const result = simulate(prepareModel(pollForecastScenario(forecast, previous, current)), { simulations, seed: 7 });
  result.unitIds.forEach((id, i) => {
    const p = forecast.territories[id].pWin;
    const frequency = result.unitWinsA[i] / simulations;
    assert.ok(Math.abs(frequency - p) < 4.5 * Math.sqrt((p * (1 - p)) / simulations) + 0.002, `${id}: ${frequency} vs ${p}`);
  });
});
