import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultTransferPrior, transferPriorFromRows, transferPriorFromSurvey, assumedRows } from '../../src/race/transferPrior.js';
import { InputError } from '../../src/errors.js';

const survey = { file: 'data/fr_transfers.json', text: readFileSync(new URL('../../data/fr_transfers.json', import.meta.url), 'utf8') };
const PARTIES_2022 = ['LREM', 'RN', 'LFI', 'REC', 'LR', 'EELV', 'RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO'];

test('transferPriorFromSurvey takes the 2022 Ipsos rows and the Ifop Zemmour row with parameters concentration x share, each with its own citation, and lists every other row as assumed', () => {
  const prior = transferPriorFromSurvey(PARTIES_2022, survey, 2022);
  const d = 14;
  const lfi = 2;
  // data/fr_transfers.json: Mélenchon's voters 0.42 / 0.17 / 0.17 / 0.24, concentration 632.
  assert.deepEqual([prior.measuredAlpha[lfi * d + 0], prior.measuredAlpha[lfi * d + 1], prior.measuredAlpha[lfi * d + 12], prior.measuredAlpha[lfi * d + 13]].map((a) => Math.round(a! * 1e6) / 1e6), [265.44, 107.44, 107.44, 151.68]);
  assert.deepEqual([...prior.measured], [0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  // Zemmour's voters (Ifop / Fiducial, day of the runoff, 4,827 registered voters): 0.09 / 0.78 / 0.024 / 0.106,
  // concentration 245 = round(4827 x 2,485,226 / 48,747,876) − 1.
  const rec = 3;
  assert.deepEqual([0, 1, 12, 13].map((j) => Math.round(prior.measuredAlpha[rec * d + j]! * 1e6) / 1e6), [22.05, 191.1, 5.88, 25.97]);
  assert.match(prior.rows[rec]!.source, /^Ifop \/ Fiducial, "Présidentielle 2022 – Jour du vote – Second tour", 2022-04-24, 4827 respondents$/);
  assert.deepEqual(prior.rows[5]!.measuredFor, ['LREM', 'RN']);
  assert.match(prior.rows[5]!.source, /^Ipsos \/ Sopra Steria, "Second tour : profil des abstentionnistes et sociologie des électorats", 2022-04-24, 4000 respondents$/);
  assert.deepEqual(assumedRows(prior, [0, 1]), ['RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO', 'other', 'non-voters']);
  // Macron against Mélenchon was not measured: every eliminated row is assumed.
  assert.deepEqual(assumedRows(prior, [0, 2]), ['RN', 'REC', 'LR', 'EELV', 'RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO', 'other', 'non-voters']);
  assert.deepEqual(prior.notes, []);
});

test('transferPriorFromSurvey says which survey rows it leaves aside: an origin in other, finalists not in the race', () => {
  const four = transferPriorFromSurvey(['LREM', 'RN', 'LFI', 'REC'], survey, 2022);
  assert.deepEqual(four.notes, ['EELV: not a party of the race (its votes are in other)', 'LR: not a party of the race (its votes are in other)']);
  const legislative = transferPriorFromSurvey(['ENS', 'NUP', 'RN', 'LR'], survey, 2022);
  assert.equal(legislative.notes.length, 4);
  assert.match(legislative.notes[0]!, /^LFI: measured for finalists LREM, RN; LREM not a party of the race$/);
  assert.equal(legislative.measured.reduce((a, b) => a + b, 0), 0);
  assert.throws(() => transferPriorFromSurvey(PARTIES_2022, survey, 2012), /data\/fr_transfers\.json: elections\.2012 must be an election with finalists and rows \(2017, 2022\), got none/);
});

test('defaultTransferPrior: flat rows, non-voters a point mass on abstention', () => {
  const prior = defaultTransferPrior(['A', 'B']);
  assert.deepEqual([...prior.defaultAlpha], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1]);
  assert.deepEqual(assumedRows(prior, [0, 1]), ['other', 'non-voters']);
});

test('transferPriorFromRows refuses bad rows, naming the key', () => {
  const bad = (rows: Parameters<typeof transferPriorFromRows>[1], pattern: RegExp) =>
    assert.throws(() => transferPriorFromRows(['A', 'B', 'C'], rows, 's.yaml'), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  const row = { origin: 'C', shares: { A: 0.5, B: 0.2, blank_null: 0.1, abstention: 0.2 }, concentration: 100, source: 't' };
  bad([{ ...row, origin: 'Q' }], /s\.yaml: transfers\.Q must be a party of the race, "other" or "non-voters", got "Q"/);
  bad([row, row], /transfers\.C must be an origin listed once/);
  bad([{ ...row, concentration: 0 }], /transfers\.C\.concentration must be a positive number, got 0/);
  bad([{ ...row, shares: { ...row.shares, D: 0 } }], /transfers\.C\.shares\.D must be a party of the race, "blank_null" or "abstention", got "D"/);
  bad([{ ...row, shares: { ...row.shares, A: 1.5 } }], /transfers\.C\.shares\.A must be a share between 0 and 1, got 1\.5/);
  bad([{ ...row, shares: { ...row.shares, A: 0.6 } }], /transfers\.C\.shares must be shares summing to 1, got 1\.1/);
  bad([{ ...row, shares: { blank_null: 0.5, abstention: 0.5 } }], /transfers\.C\.shares must be shares naming at least one finalist party/);
});
