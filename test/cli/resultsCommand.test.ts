import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMain } from './cliHarness.js';

test('results --country us --year 2000 --json prints the DESIGN §5 shape with the certified Florida count', async () => {
  const r = await runMain(['results', '--country', 'us', '--year', '2000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const key of ['country', 'year', 'units', 'weightTotals', 'popularVote']) assert.ok(key in doc, key);
  const fl = doc.units.find((u: { id: string }) => u.id === 'FL');
  // Florida Division of Elections, certified 2000 result: Bush 2,912,790, Gore 2,912,253; 25 electoral votes.
  assert.deepEqual([fl.votes.R, fl.votes.D, fl.weight, fl.winner], [2912790, 2912253, 25, 'R']);
  assert.equal(doc.units.reduce((s: number, u: { weight: number }) => s + u.weight, 0), 538);
});

test('results --country fr --year 2012 --json holds the runoff by département (Hollande 18,000,668)', async () => {
  const r = await runMain(['results', '--country', 'fr', '--year', '2012', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.popularVote.PS, 18000668); // Conseil constitutionnel, proclamation of 10 May 2012
  assert.ok(doc.units.some((u: { id: string }) => u.id === '2A'));
});

test('results with a year the data does not hold exits 2 and names the years it does', async () => {
  const r = await runMain(['results', '--country', 'us', '--year', '1999']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /year must be one of 2000, 2004.*got 1999/);
  assert.equal(r.stdout, '');
});

test('results text for the US names the popular-vote denominator and gives pledged and cast electoral votes (2016: 306–232 pledged, 304–227 cast)', async () => {
  const r = await runMain(['results', '--country', 'us', '--year', '2016']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Popular vote, share of all votes cast \(136,787,187\): D 65,853,581 \(48\.1%\), R 62,985,062 \(46\.0%\), others 7,948,544 \(5\.8%\)/);
  assert.match(r.stdout, /Two-party share \(D \+ R = 128,838,643\): D 51\.11%, R 48\.89%/);
  assert.match(r.stdout, /^unit +name +EV +D +R +other +winner$/m);
  assert.match(r.stdout, /Electoral votes \(EV\) pledged \(to the winner of each state and district\): D 232, R 306 of 538/);
  assert.match(r.stdout, /Electoral votes cast by the electors: D 227, R 304, others 7 \(faithless\) of 538/);
});

test('results text for France names valid votes as the denominator and prints no electoral votes', async () => {
  const r = await runMain(['results', '--country', 'fr', '--year', '2012']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Popular vote, share of valid votes cast \(34,861,353\): PS 18,000,668 \(51\.6%\), UMP 16,860,685 \(48\.4%\)/);
  assert.doesNotMatch(r.stdout, /lectoral/);
});

test('results --year 2012 names the tipping point and bias on margins over all votes cast: Colorado, 1.51 pp (not Pennsylvania)', async () => {
  const r = await runMain(['results', '--country', 'us', '--year', '2012']);
  assert.equal(r.code, 0, r.stderr);
  // Published tables (David Baron's; FiveThirtyEight's Tipping Point Index) use all votes: CO +5.37 against +3.86 nationally.
  assert.match(r.stdout, /^Tipping point \(units ordered by the winner's margin over all votes cast, as published tables do\): CO Colorado, D \+5\.37 pp there against \+3\.86 pp nationally: electoral-college bias 1\.51 pp toward D$/m);
});
