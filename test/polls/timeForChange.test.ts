import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUsFundamentals, timeForChangeForecast, timeForChangePrior } from '../../src/polls/timeForChange.js';
import { loadUsFundamentals } from '../../src/node/data/loadUsFundamentals.js';
import { InputError } from '../../src/errors.js';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const rows = loadUsFundamentals();
const HEADER = 'year,incumbent_party,first_term,june_net_approval,q2_gdp_growth,incumbent_share';

test('loadUsFundamentals: the time-for-change table 1948–2016, one row per election, inputs and outcome', () => {
  assert.deepEqual(rows.map((r) => r.year), Array.from({ length: 18 }, (_, i) => 1948 + 4 * i));
  assert.deepEqual(rows.find((r) => r.year === 2016), { year: 2016, incumbentParty: 'D', firstTerm: false, juneNetApproval: 4, q2GdpGrowth: 1.1, incumbentShare: 51.1 });
  assert.deepEqual(rows.find((r) => r.year === 2012), { year: 2012, incumbentParty: 'D', firstTerm: true, juneNetApproval: 1, q2GdpGrowth: 1.3, incumbentShare: 52 });
});

test('timeForChangeForecast(2016) is fitted on 1948–2012 only and matches numpy\'s least squares and Abramowitz\'s published 48.6 %', () => {
  const f = timeForChangeForecast(rows, 2016)!;
  assert.deepEqual(f.fittedYears, [1948, 1952, 1956, 1960, 1964, 1968, 1972, 1976, 1980, 1984, 1988, 1992, 1996, 2000, 2004, 2008, 2012]);
  // numpy.linalg.lstsq on the same rows: [47.448704, 0.100244, 0.551767, 4.219608], prediction 48.456624, residual SD 1.93107.
  close(f.coefficients.intercept, 47.448704, 1e-5, 'intercept');
  close(f.coefficients.netApproval, 0.100244, 1e-6, 'approval');
  close(f.coefficients.gdpGrowth, 0.551767, 1e-6, 'growth');
  close(f.coefficients.firstTerm, 4.219608, 1e-5, 'first term');
  close(f.incumbentShare, 48.456624, 1e-5, 'share');
  close(f.residualSD, 1.93107, 1e-5, 'residual SD');
  close(f.marginD, 2 * 48.456624 - 100, 1e-4, 'D margin');
  // Abramowitz (2016, PS 49(4)) forecast Clinton 48.6 % of the two-party vote with the same model.
  close(f.incumbentShare, 48.6, 0.3, 'published');
  // 2000 (fitted on 1948–1996): numpy gives 53.827729 for Gore.
  close(timeForChangeForecast(rows, 2000)!.incumbentShare, 53.827729, 1e-5, '2000');
});

test('timeForChangeForecast never reads the year\'s own outcome: changing it leaves the forecast as it was', () => {
  const changed = rows.map((r) => (r.year === 2016 ? { ...r, incumbentShare: 30 } : r));
  assert.equal(timeForChangeForecast(changed, 2016)!.incumbentShare, timeForChangeForecast(rows, 2016)!.incumbentShare);
});

test('timeForChangePrior: the margin toward the first side; a year without inputs or sides other than D and R give none', () => {
  const prior = timeForChangePrior(rows, 2016, ['D', 'R'])!;
  close(prior.margin, -3.086752, 1e-4, 'D margin');
  assert.equal(prior.model, 'time-for-change (Abramowitz), fitted on 1948–2012');
  close(timeForChangePrior(rows, 2016, ['R', 'D'])!.margin, 3.086752, 1e-4, 'R margin');
  assert.equal(timeForChangePrior(rows, 2024, ['D', 'R']), undefined);
  assert.equal(timeForChangePrior(rows, 2016, ['PS', 'UMP']), undefined);
  // Inputs for a year the table lacks: fitted on every election with an outcome (1948–2016).
  const given = timeForChangePrior(rows, 2024, ['D', 'R'], { year: 2024, incumbentParty: 'D', firstTerm: true, juneNetApproval: -18, q2GdpGrowth: 3 })!;
  assert.equal(given.model, 'time-for-change (Abramowitz), fitted on 1948–2016');
  assert.throws(() => timeForChangeForecast(rows, 2024, { year: 2020, incumbentParty: 'D', firstTerm: true, juneNetApproval: 0, q2GdpGrowth: 0 }), InputError);
});

test('parseUsFundamentals: bad cells and a year given twice are refused naming the file, line and column', () => {
  const bad: [string, RegExp][] = [
    [`${HEADER}\n2016,X,0,4,1.1,51.1\n`, /f\.csv: line 2, column 2 \(incumbent_party\) must be one of "D", "R"/],
    [`${HEADER}\n2016,D,0,four,1.1,51.1\n`, /line 2, column 4 \(june_net_approval\) must be a number from -100 to 100/],
    [`${HEADER}\n2016,D,2,4,1.1,51.1\n`, /line 2, column 3 \(first_term\) must be one of "0", "1"/],
    [`${HEADER}\n2016,D,0,4,1.1,51.1\n2016,D,0,4,1.1,51.1\n`, /line 3, column 1 \(year\) must be a year listed once/],
    ['year,incumbent_party\n2016,D\n', /f\.csv: line 1 must be a header with column "first_term"/],
  ];
  for (const [text, pattern] of bad) assert.throws(() => parseUsFundamentals({ file: 'f.csv', text }), (e: unknown) => e instanceof InputError && pattern.test(e.message), pattern.source);
  // An election yet to be held: no outcome.
  assert.equal(parseUsFundamentals({ file: 'f.csv', text: `${HEADER}\n2028,R,1,-5,2,\n` })[0].incumbentShare, undefined);
  // Too few earlier elections to fit four coefficients.
  assert.throws(() => timeForChangeForecast(rows.slice(0, 5), 1972, { year: 1972, incumbentParty: 'R', firstTerm: true, juneNetApproval: 23, q2GdpGrowth: 9.8 }), (e: unknown) => e instanceof InputError && /at least 8 earlier elections/.test(e.message));
});
