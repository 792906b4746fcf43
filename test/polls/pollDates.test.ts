import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPollDate, parsePollDate, usElectionDay } from '../../src/polls/pollDates.js';

test('parsePollDate reads ISO, m/d/yy and m/d/yyyy dates to days since 1970-01-01, and refuses days that do not exist', () => {
  assert.equal(parsePollDate('2016-11-07'), 17112);
  assert.equal(parsePollDate('11/7/16'), 17112);
  assert.equal(parsePollDate('11/07/2016'), 17112);
  assert.equal(parsePollDate('2016-11-08T12:16:30Z'), 17113);
  assert.equal(parsePollDate('11/2/20 09:21'), parsePollDate('2020-11-02'));
  assert.equal(parsePollDate('10/13/98'), parsePollDate('1998-10-13'));
  assert.equal(parsePollDate('2/29/16'), parsePollDate('2016-02-29'));
  for (const bad of ['2/30/16', '2015-02-29', '13/1/16', '', 'NA', '7 Nov 2016']) assert.equal(parsePollDate(bad), undefined, bad);
  assert.equal(formatPollDate(17112), '2016-11-07');
});

test('usElectionDay is the Tuesday after the first Monday of November (3 U.S.C. § 1)', () => {
  const days = [2000, 2004, 2008, 2012, 2016, 2020, 2024, 2028].map((y) => formatPollDate(usElectionDay(y)));
  assert.deepEqual(days, ['2000-11-07', '2004-11-02', '2008-11-04', '2012-11-06', '2016-11-08', '2020-11-03', '2024-11-05', '2028-11-07']);
});
