import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { raceGridFromBytes } from '../../../src/data/race/parseRaceFile.js';
import { parseMedslRace, rowKind } from '../../../src/data/race/medslRace.js';
import { pluralityWinners, seatsPerParty } from '../../../src/race/plurality.js';
import type { MultiCandidateRace } from '../../../src/race/multiCandidateRace.js';
import { InputError } from '../../../src/errors.js';

const HOUSE = 'medsl_1976-2020_house-excerpt.csv';
const SENATE = 'medsl_1976-2020_senate-excerpt.csv';
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/races/${name}`, import.meta.url));
const grid = (name: string, text = readFileSync(fixture(name), 'utf8')) => raceGridFromBytes(new TextEncoder().encode(text), name).grid;

/** One unit's candidates as `label party votes`. */
function unitCandidates(race: MultiCandidateRace, id: string): string[] {
  const u = race.units.ids.indexOf(id);
  assert.ok(u >= 0, id);
  const out: string[] = [];
  for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) out.push(`${race.slotLabels[s]} ${race.parties[race.slotParty[s]!]} ${race.votes[s]}`);
  return out;
}

test('House 2020: a unit per district (AK-00 at large), 39 districts, every named candidate a slot', () => {
  const race = parseMedslRace(grid(HOUSE));
  // AK 1, CT 5, IA 4, ME 2, NY 27.
  assert.equal(race.units.ids.length, 39);
  assert.equal(race.slotParty.length, 108);
  assert.deepEqual(race.units.ids.slice(0, 3), ['AK-00', 'CT-01', 'CT-02']);
  assert.deepEqual(race.units.names.slice(0, 2), ['Alaska at-large', 'Connecticut district 1']);
  assert.ok(race.units.weight.every((w) => w === 1));
  assert.equal(race.regionNames[race.units.region[race.units.ids.indexOf('NY-22')]!], 'NY');
  assert.match(race.source, /medsl_1976-2020_house-excerpt\.csv \(MEDSL House layout, 2020\)/);
});

test('IA-2 2020: 196,964 to 196,958; write-ins in other; over- and under-votes are not candidates nor valid votes', () => {
  const race = parseMedslRace(grid(HOUSE));
  assert.deepEqual(unitCandidates(race, 'IA-02'), ['MARIANNETTE MILLER-MEEKS REPUBLICAN 196964', 'RITA R HART DEMOCRAT 196958']);
  const u = race.units.ids.indexOf('IA-02');
  // WRITEIN 703 is other; OVERVOTES 175 and UNDERVOTES 19,189 count only in the ballots cast (totalvotes 413,989).
  assert.deepEqual([race.units.other[u], race.units.valid[u], race.units.voters[u]], [703, 196964 + 196958 + 703, 413989]);
  assert.ok(!race.slotLabels.some((l) => /OVERVOTES|UNDERVOTES|VOID|WRITEIN/.test(l)));
  const winners = new Int32Array(race.units.ids.length);
  pluralityWinners(race, race.votes, winners);
  assert.equal(race.slotLabels[winners[u]!], 'MARIANNETTE MILLER-MEEKS');
});

test('fusion tickets are summed by candidate, for the party of the candidate\'s largest line', () => {
  const race = parseMedslRace(grid(HOUSE));
  // NY-1: Zeldin on REPUBLICAN 180,855 + CONSERVATIVE 21,611 + INDEPENDENCE 3,249; Goroff on DEMOCRAT 160,978 + WORKING FAMILIES 8,316.
  assert.deepEqual(unitCandidates(race, 'NY-01'), ['LEE M ZELDIN REPUBLICAN 205715', 'NANCY S GOROFF DEMOCRAT 169294']);
  // CT-2: Courtney on DEMOCRAT 207,303 + WORKING FAMILIES 10,816; a named write-in candidate stays a candidate.
  assert.deepEqual(unitCandidates(race, 'CT-02').sort(), ['CASSANDRA MARTINEAU GREEN 4960', 'DANIEL REALE LIBERTARIAN 3903', 'JOE COURTNEY DEMOCRAT 218119', 'JOHN M TRACESKI WRITE-IN 9', 'JUSTIN ANDERSON REPUBLICAN 140356']);
  // Every fusion line of the file is counted once, in its candidate's slot: the file's candidate votes, less the
  // rows that are not votes and the unnamed write-ins, equal the slots' sum (read here with papaparse).
  const rows = Papa.parse<Record<string, string>>(readFileSync(fixture(HOUSE), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const named = rows.filter((r) => !/^(OVERVOTES|UNDERVOTES|VOID|WRITEIN)$/.test(r.candidate!)).reduce((a, r) => a + Number(r.candidatevotes), 0);
  assert.equal(race.votes.reduce((a, b) => a + b, 0), named);
});

// Clerk of the House, "Statistics of the Presidential and Congressional Election of November 3, 2020": New York
// elected 19 Democrats and 8 Republicans, Connecticut 5 Democrats, Iowa 1 Democrat and 3 Republicans, Maine 2
// Democrats, Alaska 1 Republican.
test('with zero uncertainty the 2020 House excerpt elects its published delegations: D 27, R 12 (NY 19–8, CT 5–0, IA 1–3, ME 2–0, AK 0–1)', () => {
  const race = parseMedslRace(grid(HOUSE), { order: ['DEMOCRAT', 'REPUBLICAN'] });
  const winners = new Int32Array(race.units.ids.length);
  pluralityWinners(race, race.votes, winners);
  const seats = new Float64Array(race.partyCount);
  seatsPerParty(race, winners, race.units.weight, seats);
  assert.deepEqual([seats[0], seats[1], seats.reduce((a, b) => a + b, 0)], [27, 12, 39]);
});

test('Senate: a file of two years or of two races in one state is refused with the option that picks one; never summed', () => {
  const senate = grid(SENATE);
  const refused = (options: object, message: string) => assert.throws(() => parseMedslRace(senate, options), (e: unknown) => e instanceof InputError && e.message === message);
  refused({}, 'medsl_1976-2020_senate-excerpt.csv: year must be one year to read: the file holds 2018, 2020, never summed together (give option `year`), got none');
  refused(
    { year: 2020 },
    'medsl_1976-2020_senate-excerpt.csv: line 40 (GA) must be one race per state, never summed: GA holds two (US SENATE, stage GEN, regular on line 37; US SENATE, stage GEN, special); pick one with option `special` (true or false), `runoff` or `district`, got two races',
  );
  refused({ year: 2018 }, 'medsl_1976-2020_senate-excerpt.csv: line 7 (MN) must be one race per state, never summed: MN holds two (US SENATE, stage GEN, regular on line 2; US SENATE, stage GEN, special); pick one with option `special` (true or false), `runoff` or `district`, got two races');
  refused({ year: 2020, district: 'TX' }, 'medsl_1976-2020_senate-excerpt.csv: district must be a state of the file (AZ, GA, ME, NC), got "TX"');
  refused({ year: 2020, office: 'US PRESIDENT' }, 'medsl_1976-2020_senate-excerpt.csv: office must be one of the office values the file holds: US SENATE, got "US PRESIDENT"');

  const regular = parseMedslRace(senate, { year: 2020, special: false });
  assert.deepEqual(regular.units.ids, ['GA', 'ME', 'NC']);
  assert.deepEqual(unitCandidates(regular, 'GA'), ['DAVID A. PERDUE REPUBLICAN 2462617', 'JON OSSOFF DEMOCRAT 2374519', 'SHANE HAZEL LIBERTARIAN 115039']);
  const special = parseMedslRace(senate, { year: 2020, special: true });
  assert.deepEqual(special.units.ids, ['AZ', 'GA']);
  assert.deepEqual(special.units.names, ['Arizona Senate (special)', 'Georgia Senate (special)']);
  assert.equal(unitCandidates(special, 'GA').length, 20);
  const ga = parseMedslRace(senate, { year: 2020, district: 'ga', special: true });
  assert.deepEqual(ga.units.ids, ['GA']);
  // Maine 2020: BLANK VOTES 9,122 are ballots, not votes; the unnamed write-ins (228) are other.
  const me = regular.units.ids.indexOf('ME');
  assert.deepEqual([regular.units.other[me], regular.units.voters[me], regular.units.valid[me]], [228, 828305, 828305 - 9122]);
});

test('a file mixing offices is refused until `office` picks one; ballots cast are the rows\' sum, not totalvotes; a negative count is refused', () => {
  const text = readFileSync(fixture(HOUSE), 'utf8');
  // Maine's first district relabelled as another office.
  const mixed = text.split('\n').map((line) => (line.includes(',ME,') && line.includes(',US HOUSE,1,') ? line.replace(',US HOUSE,', ',US SENATE,') : line)).join('\n');
  assert.notEqual(mixed, text);
  assert.throws(() => parseMedslRace(grid(HOUSE, mixed)), (e: unknown) => e instanceof InputError && e.message === 'medsl_1976-2020_house-excerpt.csv: office must be one office to read: the file holds US HOUSE, US SENATE, never summed together (give option `office`), got none');
  assert.equal(parseMedslRace(grid(HOUSE, mixed), { office: 'us house' }).units.ids.length, 38);
  // totalvotes is not read (MEDSL's differs from its own rows by a vote in a few races): ballots cast are the rows' sum.
  const offByOne = text.replace('RITA R HART,DEMOCRAT,FALSE,TOTAL,196958,413989', 'RITA R HART,DEMOCRAT,FALSE,TOTAL,196958,413990');
  assert.equal(parseMedslRace(grid(HOUSE, offByOne)).units.voters[parseMedslRace(grid(HOUSE)).units.ids.indexOf('IA-02')], 413989);
  const negative = text.replace('RITA R HART,DEMOCRAT,FALSE,TOTAL,196958', 'RITA R HART,DEMOCRAT,FALSE,TOTAL,-5');
  assert.throws(() => parseMedslRace(grid(HOUSE, negative)), /line 35, column 16 \(candidatevotes\) must be a non-negative whole number, got "-5"/);
});

test('an unopposed candidate written -1 (FL-25 2020) stands alone with 0 votes; a delegate without a floor vote weighs 0 seats', () => {
  const header = readFileSync(fixture(HOUSE), 'utf8').split('\n')[0];
  const text = `${header}
2020,FLORIDA,FL,12,59,43,US HOUSE,25,GEN,FALSE,FALSE,MARIO DIAZ-BALART,REPUBLICAN,FALSE,TOTAL,-1,-1,FALSE,20220331,FALSE
2020,DISTRICT OF COLUMBIA,DC,11,53,55,US HOUSE,0,GEN,FALSE,FALSE,ELEANOR HOLMES NORTON,DEMOCRAT,FALSE,TOTAL,281831,344177,FALSE,20220331,FALSE
2020,DISTRICT OF COLUMBIA,DC,11,53,55,US HOUSE,0,GEN,FALSE,FALSE,PATRICK HYNES,REPUBLICAN,FALSE,TOTAL,15,344177,FALSE,20220331,FALSE
2020,FLORIDA,FL,12,59,43,US HOUSE,24,GEN,FALSE,FALSE,LAVERN SPICER,REPUBLICAN,FALSE,TOTAL,-1,289638,FALSE,20220331,FALSE
2020,FLORIDA,FL,12,59,43,US HOUSE,24,GEN,FALSE,FALSE,FREDERICA S WILSON,DEMOCRAT,FALSE,TOTAL,218825,289638,FALSE,20220331,FALSE
`;
  // -1 beside another candidate is a bad count.
  assert.throws(() => parseMedslRace(grid('h.csv', text)), /h\.csv: line 5, column 16 \(candidatevotes\) must be a non-negative whole number, got "-1"/);
  const race = parseMedslRace(grid('h.csv', text.split('\n').slice(0, 4).join('\n')));
  assert.deepEqual(race.units.ids, ['DC-00', 'FL-25']);
  assert.deepEqual(race.units.names, ['District of Columbia at-large (non-voting delegate)', 'Florida district 25']);
  assert.deepEqual([...race.units.weight], [0, 1]);
  assert.deepEqual(unitCandidates(race, 'FL-25'), ['MARIO DIAZ-BALART REPUBLICAN 0']);
});

test('rowKind: ballots that are not votes (also the combined blank/scattering rows), unnamed write-ins, candidates', () => {
  assert.deepEqual(
    ['OVERVOTES', 'UNDERVOTES', 'BLANK VOTE', 'VOID', 'BLANK VOTE/SCATTERING', 'BLANK VOTE/VOID VOTE/SCATTERING', 'OVER VOTE'].map(rowKind),
    Array(7).fill('ballots'),
  );
  assert.deepEqual(['WRITEIN', '', 'SCATTERING', 'OTHER'].map(rowKind), Array(4).fill('unnamed'));
  assert.deepEqual(['RITA R HART', 'JOHN M TRACESKI', 'BLANKENSHIP'].map(rowKind), Array(3).fill('candidate'));
});
