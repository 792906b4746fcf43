import { test } from 'node:test';
import assert from 'node:assert/strict';
import { votesToFlip, flipCost, cheapestFlipSet } from '../../src/analysis/votesToFlip.js';
import { InputError } from '../../src/errors.js';
import { race, seededUniform } from './fixtures.js';

test('flipCost: mobilise needs margin + 1, convert floor(margin / 2) + 1', () => {
  assert.equal(flipCost(537, 'mobilise'), 538);
  assert.equal(flipCost(537, 'convert'), 269); // 268 switched leave 537 - 536 = 1; 269 leave -1
  assert.equal(flipCost(10, 'convert'), 6); // 5 switched leave a tie, 6 a loss
});

test('cheapestFlipSet picks the cheaper pair over the single unit', () => {
  const c = [
    { id: 'a', weight: 3, cost: 10 },
    { id: 'b', weight: 2, cost: 4 },
    { id: 'c', weight: 2, cost: 5 },
  ];
  assert.deepEqual(cheapestFlipSet(c, (w) => w >= 4), { indexes: [1, 2], cost: 9 });
  assert.deepEqual(cheapestFlipSet(c, (w) => w === 3), { indexes: [0], cost: 10 });
  assert.equal(cheapestFlipSet(c, (w) => w >= 8), null);
});

test('votesToFlip on a hand-made race: the two small close units beat the big one', () => {
  // R wins 9 of 13 (threshold 7). D holds 4. Flipping needs 3+ more weight for D.
  // Options: Y (w 5, margin 300) costs 301; X (w 2, 50) + Z (w 2, 80) costs 51 + 81 = 132.
  const r = race(2001, [
    ['DD', 4, 1000, 500],
    ['X', 2, 500, 550],
    ['Y', 5, 500, 800],
    ['Z', 2, 500, 580],
  ]);
  assert.deepEqual(votesToFlip(r, { mode: 'mobilise', target: 'win' }), {
    year: 2001, winner: 'R', loser: 'D', mode: 'mobilise', target: 'win', units: ['X', 'Z'], marginSum: 130, votes: 132,
  });
  // Tie 6.5-6.5 impossible with total 13: no subset gives equal weights.
  assert.throws(() => votesToFlip(r, { target: 'tie' }), InputError);
  // convert: X 26, Z 41 -> 67
  assert.equal(votesToFlip(r, { mode: 'convert' }).votes, 67);
});

/** Brute force over every subset of the winner's units. */
function bruteForce(rows: Array<[string, number, number, number]>, mode: 'mobilise' | 'convert', target: 'win' | 'tie') {
  const total = rows.reduce((s, r) => s + r[1], 0);
  const threshold = Math.floor(total / 2) + 1;
  let d = 0, rr = 0;
  for (const [, w, dv, rv] of rows) { if (dv > rv) d += w; else if (rv > dv) rr += w; }
  const winner = d >= threshold ? 'D' : rr >= threshold ? 'R' : null;
  if (!winner) return null;
  const held = winner === 'D' ? d : rr;
  const lost = winner === 'D' ? rr : d;
  const mine = rows.filter(([, , dv, rv]) => (winner === 'D' ? dv > rv : rv > dv));
  let best: number | null = null;
  for (let mask = 0; mask < 1 << mine.length; mask++) {
    let f = 0, cost = 0;
    for (let i = 0; i < mine.length; i++) {
      if (!(mask & (1 << i))) continue;
      const m = Math.abs(mine[i][2] - mine[i][3]);
      f += mine[i][1];
      cost += mode === 'mobilise' ? m + 1 : Math.floor(m / 2) + 1;
    }
    const ok = target === 'win' ? lost + f >= threshold : lost + f === held - f;
    if (ok && (best === null || cost < best)) best = cost;
  }
  return best;
}

test('votesToFlip equals brute force on 300 seeded random races of up to 12 units', () => {
  const u = seededUniform(20240);
  let checkedTies = 0;
  for (let k = 0; k < 300; k++) {
    const n = 2 + Math.floor(u() * 11);
    const rows: Array<[string, number, number, number]> = [];
    for (let i = 0; i < n; i++) {
      const d = 1 + Math.floor(u() * 5000);
      const r = 1 + Math.floor(u() * 5000);
      rows.push([`U${i}`, 1 + Math.floor(u() * 9), d, r]);
    }
    for (const mode of ['mobilise', 'convert'] as const) {
      for (const target of ['win', 'tie'] as const) {
        const expected = bruteForce(rows, mode, target);
        let got: number | null;
        try {
          const res = votesToFlip(race(2000, rows), { mode, target });
          got = res.votes;
          // the reported units really do cost what is reported and reach the target
          const chosen = rows.filter((row) => res.units.includes(row[0]));
          const cost = chosen.reduce((s, row) => s + (mode === 'mobilise' ? Math.abs(row[2] - row[3]) + 1 : Math.floor(Math.abs(row[2] - row[3]) / 2) + 1), 0);
          assert.equal(cost, res.votes);
          assert.equal(res.marginSum, chosen.reduce((s, row) => s + Math.abs(row[2] - row[3]), 0));
          if (target === 'tie') checkedTies++;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          got = null;
        }
        assert.equal(got, expected, `race ${k} ${mode} ${target}`);
      }
    }
  }
  assert.ok(checkedTies > 50, `only ${checkedTies} reachable ties checked`);
});
