/**
 * The fundamentals prior of a US presidential poll forecast: Abramowitz's time-for-change model of the
 * national popular vote, refitted by least squares on the elections before the forecast year only.
 * Text in, numbers out; browser-safe (the table is read by src/data/loadUsFundamentals.ts).
 *
 *   incumbent party's share of the two-party vote (%) = b0 + b1 · June net approval of the president
 *     + b2 · second-quarter real GDP growth (annual rate, %) + b3 · first term (1 when the incumbent
 *     party has held the White House for one term)
 *
 * Sources: A. I. Abramowitz (2008), "Forecasting the 2008 presidential election with the time-for-change
 * model", PS: Political Science & Politics 41(4), 691–695; (2012), "Forecasting in a polarized era: the
 * time for change model and the 2012 presidential election", PS 45(4), 618–619; (2016), "Will time for
 * change mean time for Trump?", PS 49(4), 659–660 (Clinton 48.6 % of the two-party vote). The table is the
 * one the Economist's forecast kept (github.com/TheEconomist/us-potus-model, data/abramowitz_data.csv).
 */
import { CsvCells, parseCsvText } from '../data/parseCsvText.js';
import type { DataText } from '../data/dataText.js';
import { InputError, describeValue } from '../errors.js';

/** One election of the table: the model's inputs, known by July of the election year, and its outcome. */
export interface FundamentalsRow {
  year: number;
  /** Party of the sitting president: `D` or `R`. */
  incumbentParty: 'D' | 'R';
  /** True when the incumbent party has held the White House for one term (Abramowitz's `term1`). */
  firstTerm: boolean;
  /** The president's net approval (approve − disapprove) in Gallup's June polls, points. */
  juneNetApproval: number;
  /** Real GDP growth in the second quarter of the election year, % at an annual rate. */
  q2GdpGrowth: number;
  /** The incumbent party's share of the two-party popular vote, %; absent for an election yet to be held. */
  incumbentShare?: number;
}

/** The inputs of one forecast (a row without its outcome). */
export type FundamentalsInputs = Omit<FundamentalsRow, 'incumbentShare'>;

/** A time-for-change forecast of one election. */
export interface TimeForChangeForecast {
  model: 'time-for-change';
  year: number;
  inputs: FundamentalsInputs;
  /** Least-squares coefficients: intercept (%), per point of net approval, per % of growth, first term (%). */
  coefficients: { intercept: number; netApproval: number; gdpGrowth: number; firstTerm: number };
  /** Elections the coefficients were fitted on (every one before `year` in the table). */
  fittedYears: number[];
  /** SD of the fit's residuals (n − 4 degrees of freedom), % of the two-party vote. */
  residualSD: number;
  /** Forecast share of the two-party vote of the incumbent party, %. */
  incumbentShare: number;
  /** Forecast two-party margin of the Democrat, pp: 2 × D share − 100. */
  marginD: number;
}

/**
 * Reads data/us_fundamentals.csv (`year,incumbent_party,first_term,june_net_approval,q2_gdp_growth,
 * incumbent_share`; the share may be empty for an election yet to be held).
 *
 * @param data the file's text and the name messages use
 * @returns the rows in year order
 * @throws {InputError} naming the file, line and column of a bad cell, or a year given twice
 * @example
 * parseUsFundamentals({ file: 'f.csv', text: 'year,incumbent_party,first_term,june_net_approval,q2_gdp_growth,incumbent_share\n2016,D,0,4,1.1,51.1\n' })[0].juneNetApproval // => 4
 */
export function parseUsFundamentals(data: DataText): FundamentalsRow[] {
  const table = parseCsvText(data.text, data.file, ['year', 'incumbent_party', 'first_term', 'june_net_approval', 'q2_gdp_growth', 'incumbent_share']);
  const cells = new CsvCells(table);
  const number = (record: (typeof table.records)[number], column: string, min: number, max: number): number => {
    const raw = cells.raw(record, column).trim();
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value) || value < min || value > max) cells.fail(record, column, `a number from ${min} to ${max}`);
    return value;
  };
  const rows: FundamentalsRow[] = [];
  const seen = new Set<number>();
  for (const r of table.records) {
    const year = cells.count(r, 'year');
    if (seen.has(year)) cells.fail(r, 'year', 'a year listed once');
    seen.add(year);
    const row: FundamentalsRow = {
      year,
      incumbentParty: cells.oneOf(r, 'incumbent_party', ['D', 'R'] as const),
      firstTerm: cells.oneOf(r, 'first_term', ['0', '1'] as const) === '1',
      juneNetApproval: number(r, 'june_net_approval', -100, 100),
      q2GdpGrowth: number(r, 'q2_gdp_growth', -100, 100),
    };
    if (cells.raw(r, 'incumbent_share').trim() !== '') row.incumbentShare = number(r, 'incumbent_share', 0, 100);
    rows.push(row);
  }
  return rows.sort((a, b) => a.year - b.year);
}

/**
 * Least squares by the normal equations, solved with Gaussian elimination and partial pivoting.
 * Returns undefined when the design is rank-deficient.
 */
function leastSquares(x: number[][], y: number[]): number[] | undefined {
  const k = x[0].length;
  const a = Array.from({ length: k }, () => new Float64Array(k + 1));
  x.forEach((row, i) => {
    for (let p = 0; p < k; p++) {
      a[p][k] += row[p] * y[i];
      for (let q = 0; q < k; q++) a[p][q] += row[p] * row[q];
    }
  });
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (!(Math.abs(a[pivot][c]) > 1e-9)) return undefined;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let q = c; q <= k; q++) a[r][q] -= f * a[c][q];
    }
  }
  return a.map((row, c) => row[k] / row[c]);
}

/**
 * The time-for-change forecast of `year`: the model refitted on every election of the table before
 * `year` that has an outcome, applied to `year`'s inputs (the table's row, or `inputs` for a year the
 * table lacks). The year's own outcome is never used.
 *
 * @param rows the table (parseUsFundamentals)
 * @param year the election forecast
 * @param inputs the year's inputs when the table has no row for it
 * @returns the forecast, or undefined when neither the table nor `inputs` gives the year's inputs
 * @throws {InputError} when fewer than 8 earlier elections have outcomes, or `inputs` name another year
 * @example
 * timeForChangeForecast(rows, 2016)!.incumbentShare // => 48.46 (about; Abramowitz published 48.6 for Clinton)
 */
export function timeForChangeForecast(rows: readonly FundamentalsRow[], year: number, inputs?: FundamentalsInputs): TimeForChangeForecast | undefined {
  if (inputs && inputs.year !== year) throw new InputError({ at: 'fundamentals.year', expected: `the election year ${year}`, found: describeValue(inputs.year) });
  const row = inputs ?? rows.find((r) => r.year === year);
  if (!row) return undefined;
  const train = rows.filter((r) => r.year < year && r.incumbentShare !== undefined);
  const features = (r: FundamentalsInputs) => [1, r.juneNetApproval, r.q2GdpGrowth, r.firstTerm ? 1 : 0];
  const beta = train.length >= 8 ? leastSquares(train.map(features), train.map((r) => r.incumbentShare!)) : undefined;
  if (!beta) throw new InputError({ at: 'fundamentals', expected: `at least 8 earlier elections with outcomes (and inputs that vary) to fit the time-for-change model for ${year}`, found: `${train.length} (${train.map((r) => r.year).join(', ') || 'none'})` });
  const predict = (r: FundamentalsInputs) => features(r).reduce((s, v, i) => s + v * beta[i], 0);
  const residuals = train.map((r) => r.incumbentShare! - predict(r));
  const residualSD = Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / (train.length - beta.length));
  const incumbentShare = predict(row);
  const shareD = row.incumbentParty === 'D' ? incumbentShare : 100 - incumbentShare;
  const { incumbentShare: _outcome, ...given } = row as FundamentalsRow;
  return {
    model: 'time-for-change',
    year,
    inputs: given,
    coefficients: { intercept: beta[0], netApproval: beta[1], gdpGrowth: beta[2], firstTerm: beta[3] },
    fittedYears: train.map((r) => r.year),
    residualSD,
    incumbentShare,
    marginD: 2 * shareD - 100,
  };
}

/**
 * The fundamentals prior a poll forecast takes (forecastFromPolls' `fundamentals`): the time-for-change
 * forecast of `year` as a margin toward the first side, when the sides are the two parties (`D`, `R`).
 *
 * @param rows the table (parseUsFundamentals)
 * @param year the election forecast
 * @param sides the race's sides; the margin is toward the first
 * @param inputs the year's inputs when the table has no row for it
 * @returns the margin (pp) and the model's description, or undefined when the sides are not D and R or
 *   the year has no inputs
 * @throws {InputError} as timeForChangeForecast
 * @example
 * timeForChangePrior(rows, 2016, ['D', 'R']) // => { margin: -3.09 (about), model: 'time-for-change (Abramowitz), fitted on 1948–2012' }
 */
export function timeForChangePrior(rows: readonly FundamentalsRow[], year: number, sides: readonly [string, string], inputs?: FundamentalsInputs): { margin: number; model: string } | undefined {
  const [a, b] = sides;
  if (!((a === 'D' && b === 'R') || (a === 'R' && b === 'D'))) return undefined;
  const forecast = timeForChangeForecast(rows, year, inputs);
  if (!forecast) return undefined;
  const years = forecast.fittedYears;
  return { margin: a === 'D' ? forecast.marginD : -forecast.marginD, model: `time-for-change (Abramowitz), fitted on ${years[0]}–${years[years.length - 1]}` };
}
