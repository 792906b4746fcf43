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
