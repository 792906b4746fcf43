import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadTableRace, loadPresidentialRace, loadLegislativeRace, loadTransferPrior } from '../../../src/node/data/loadMultiCandidateRace.js';
import { partyTotals } from '../../../src/race/multiCandidateRace.js';
import { InputError } from '../../../src/errors.js';

const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

test('loadTableRace reads Canada 2011 with its validated national totals (data/SOURCES.md)', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  assert.deepEqual(race.parties, ['CPC', 'NDP', 'LPC', 'BQ', 'GPC']);
  const totals = new Float64Array(5);
  partyTotals(race, race.votes, totals);
  assert.deepEqual([...totals], [5835270, 4512411, 2783076, 891425, 572095]);
  assert.equal(sum(race.units.other), 129703);
  assert.equal(sum(race.units.valid), 14723980);
  // A slot per candidate of the five parties: 1,302 of the 1,587 candidates (the other 285 are in `other`).
  assert.equal(race.slotParty.length, 1302);
  assert.equal(race.units.ids.length, 308);
});

test('loadTableRace reads the UK 2024 table: 15 parties, electorate and valid votes as the House of Commons Library gives them', () => {
  const race = loadTableRace('uk-2024-general-election-constituencies', { order: ['Con'] });
  assert.equal(race.partyCount, 15);
  assert.equal(race.parties[0], 'Con');
  assert.equal(sum(race.units.registered), 48208507);
  assert.equal(sum(race.units.valid), 28808662);
  assert.equal(race.regionNames.length, 12);
});

test('loadPresidentialRace reads any year and round the tables hold', () => {
  const runoff = loadPresidentialRace({ year: 2022, round: 2 });
  assert.deepEqual(runoff.parties, ['LREM', 'RN']);
  const totals = new Float64Array(2);
  partyTotals(runoff, runoff.votes, totals);
  assert.deepEqual([...totals], [18768639, 13288686]);
  assert.equal(loadPresidentialRace({ year: 2012 }).partyCount, 10);
  assert.throws(() => loadPresidentialRace({ year: 2017 }), InputError);
});

test('the loaders name the missing file', () => {
  const empty = mkdtempSync(join(tmpdir(), 'race-'));
  assert.throws(() => loadLegislativeRace({ dataDirectory: empty }), (e: unknown) => e instanceof InputError && /fr-2022-legislatives-t1-circonscriptions\.csv must be a readable data file, got ENOENT/.test(e.message));
  assert.throws(() => loadTransferPrior(['A', 'B'], 2022, { dataDirectory: empty }), /fr_transfers\.json must be a readable data file/);
});
