import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadElectoralVotesCast } from '../../src/node/data/loadElectoralVotesCast.js';
import { parseElectoralVotesCast } from '../../src/data/electoralVotesCast.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { InputError } from '../../src/errors.js';

// Congress's counts (National Archives): 2000 Bush 271, Gore 266, 1 blank; 2004 Bush 286, Kerry 251,
// Edwards 1; 2016 Trump 304, Clinton 227, 7 faithless. Other years equal the pledged votes.
const cast: Array<[number, number, number, number, number]> = [
  [2000, 266, 271, 0, 1],
  [2004, 251, 286, 1, 0],
  [2008, 365, 173, 0, 0],
  [2012, 332, 206, 0, 0],
  [2016, 227, 304, 7, 0],
  [2020, 306, 232, 0, 0],
  [2024, 226, 312, 0, 0],
];

for (const [year, d, r, other, notCast] of cast) {
  test(`loadElectoralVotesCast(${year}) gives D ${d}, R ${r} and never exceeds the pledged votes`, () => {
    const c = loadElectoralVotesCast(year);
    assert.deepEqual([c.D, c.R, c.other, c.notCast, c.total], [d, r, other, notCast, 538]);
    const pledged = loadResults({ country: 'us', year }).weightTotals;
    // Departures only take votes away from a nominee: cast <= pledged, and the difference is the departures.
    assert.ok(c.D <= pledged.D && c.R <= pledged.R);
    assert.equal(pledged.D - c.D + pledged.R - c.R, c.other + c.notCast);
  });
}

test('parseElectoralVotesCast rejects a row whose counts do not sum to its total, naming the line', () => {
  const text = 'year,D,R,other,not_cast,total,note\n2016,227,304,6,0,538,\n';
  assert.throws(() => parseElectoralVotesCast({ file: 'x.csv', text }, 2016), (e: unknown) => e instanceof InputError && /x\.csv: line 2/.test(e.message));
  assert.throws(() => parseElectoralVotesCast({ file: 'x.csv', text: 'year,D,R,other,not_cast,total,note\n2016,227,304,7,0,538,\n' }, 2001), /year must be one of 2016, got 2001/);
});
