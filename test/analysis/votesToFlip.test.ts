import { test } from 'node:test';
import assert from 'node:assert/strict';
import { votesToFlip, flipCost, cheapestFlipSet, votesToBreakTie, hasOutrightWinner } from '../../src/analysis/votesToFlip.js';
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
  // An exact tie 6.5-6.5 is impossible with total 13: no subset gives equal weights.
  assert.throws(() => votesToFlip(r, { target: 'exact-tie' }), InputError);
  // Denying R a majority (R below 7) is flipping to a win here, as the total is odd.
  assert.deepEqual(votesToFlip(r, { target: 'tie' }).units, ['X', 'Z']);
  // convert: X 26, Z 41 -> 67
  assert.equal(votesToFlip(r, { mode: 'convert' }).votes, 67);
});

test('votesToFlip honours the race threshold: a supermajority needs more units', () => {
  // Same race: D holds 4 of 13. With 9 to win, D needs 5 more: Y alone (w 5, costs 301) beats X + Z (4, not enough)
  // and X + Z + anything else (Y is then needed anyway).
  const r = race(2001, [
    ['DD', 4, 1000, 500],
    ['X', 2, 500, 550],
    ['Y', 5, 500, 800],
    ['Z', 2, 500, 580],
  ]);
  assert.deepEqual(votesToFlip(r, { threshold: 9 }).units, ['Y']);
  assert.equal(votesToFlip(r, { threshold: 9 }).votes, 301);
  // Denying R its 9 (R holds 9: flipping any unit does it): the cheapest single unit, X (51 votes).
  assert.deepEqual(votesToFlip(r, { threshold: 9, target: 'tie' }).units, ['X']);
  assert.throws(() => votesToFlip(r, { threshold: 6 }), /threshold must be an integer above half of the total weight 13 and at most 13, got 6/);
});

test('votesToFlip on a race without unit weights needs the national margin, anywhere', () => {
  // Two weight-0 units: D 700 + 300 = 1,000, R 400 + 500 = 900; D leads by 100.
  const r = race(2030, [
    ['A', 0, 700, 400],
    ['B', 0, 300, 500],
  ]);
  assert.deepEqual(votesToFlip(r), { year: 2030, winner: 'D', loser: 'R', mode: 'mobilise', target: 'win', basis: 'popular-vote', units: [], marginSum: 100, votes: 101 });
  assert.equal(votesToFlip(r, { mode: 'convert' }).votes, 51);
  assert.equal(votesToFlip(r, { target: 'tie' }).votes, 100);
  assert.equal(votesToFlip(r, { target: 'tie', mode: 'convert' }).votes, 50);
});

/** Brute force over every subset of the winner's units. */
function bruteForce(rows: Array<[string, number, number, number]>, mode: 'mobilise' | 'convert', target: 'win' | 'tie' | 'exact-tie') {
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
    const ok = target === 'win' ? lost + f >= threshold : target === 'tie' ? held - f < threshold : lost + f === held - f;
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
      for (const target of ['win', 'tie', 'exact-tie'] as const) {
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
          if (target === 'exact-tie') checkedTies++;
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

import { loadResults } from '../../src/node/data/loadResults.js';

const usResults = (year: number) => loadResults({ country: 'us', year });

// Every year, mode and target on data/us_president_results.csv, from a separate Python dynamic programme
// (dictionary over reachable electoral votes, written independently of this code). `tie` denies the winner
// a majority (below 270), `exact-tie` is 269–269. Spot checks against published figures: 2000 Florida 537
// (denying Bush 270 needs Florida; the exact 269–269 needs NE-1 and NE-2); 2016 MI + PA + WI 77,744;
// 2020 AZ + GA + WI 42,918 for a tie; in 2012 and 2024 denying the winner a majority takes the same
// states as flipping the result.
const flips: Array<[number, 'mobilise' | 'convert', 'win' | 'tie' | 'exact-tie', string[], number, number]> = [
  [2000, 'mobilise', 'win', ['FL'], 537, 538],
  [2000, 'mobilise', 'tie', ['FL'], 537, 538],
  [2000, 'mobilise', 'exact-tie', ['NE-1', 'NE-2'], 98126, 98128],
  [2000, 'convert', 'win', ['FL'], 537, 269],
  [2000, 'convert', 'tie', ['FL'], 537, 269],
  [2000, 'convert', 'exact-tie', ['NE-1', 'NE-2'], 98126, 49065],
  [2004, 'mobilise', 'win', ['IA', 'NE-2', 'NM', 'NV'], 92730, 92734],
  [2004, 'mobilise', 'tie', ['IA', 'NM', 'NV'], 37547, 37550],
  [2004, 'mobilise', 'exact-tie', ['IA', 'NM', 'NV'], 37547, 37550],
  [2004, 'convert', 'win', ['IA', 'NE-2', 'NM', 'NV'], 92730, 46368],
  [2004, 'convert', 'tie', ['IA', 'NM', 'NV'], 37547, 18776],
  [2004, 'convert', 'exact-tie', ['IA', 'NM', 'NV'], 37547, 18776],
  [2008, 'mobilise', 'win', ['FL', 'IA', 'IN', 'NC', 'NH', 'OH', 'VA'], 990622, 990629],
  [2008, 'mobilise', 'tie', ['FL', 'IN', 'NC', 'NE-2', 'NH', 'NV', 'OH', 'VA'], 968340, 968348],
  [2008, 'mobilise', 'exact-tie', ['FL', 'IN', 'NC', 'NE-2', 'NH', 'NV', 'OH', 'VA'], 968340, 968348],
  [2008, 'convert', 'win', ['FL', 'IA', 'IN', 'NC', 'NH', 'OH', 'VA'], 990622, 495316],
  [2008, 'convert', 'tie', ['FL', 'IN', 'NC', 'NE-2', 'NH', 'NV', 'OH', 'VA'], 968340, 484176],
  [2008, 'convert', 'exact-tie', ['FL', 'IN', 'NC', 'NE-2', 'NH', 'NV', 'OH', 'VA'], 968340, 484176],
  [2012, 'mobilise', 'win', ['FL', 'NH', 'OH', 'VA'], 429522, 429526],
  [2012, 'mobilise', 'tie', ['FL', 'NH', 'OH', 'VA'], 429522, 429526],
  [2012, 'mobilise', 'exact-tie', ['FL', 'IA', 'NH', 'NV', 'OH'], 439957, 439962],
  [2012, 'convert', 'win', ['FL', 'NH', 'OH', 'VA'], 429522, 214764],
  [2012, 'convert', 'tie', ['FL', 'NH', 'OH', 'VA'], 429522, 214764],
  [2012, 'convert', 'exact-tie', ['FL', 'IA', 'NH', 'NV', 'OH'], 439957, 219982],
  [2016, 'mobilise', 'win', ['MI', 'PA', 'WI'], 77744, 77747],
  [2016, 'mobilise', 'tie', ['MI', 'NE-2', 'PA'], 61530, 61533],
  [2016, 'mobilise', 'exact-tie', ['MI', 'NE-2', 'PA'], 61530, 61533],
  [2016, 'convert', 'win', ['MI', 'PA', 'WI'], 77744, 38875],
  [2016, 'convert', 'tie', ['MI', 'NE-2', 'PA'], 61530, 30768],
  [2016, 'convert', 'exact-tie', ['MI', 'NE-2', 'PA'], 61530, 30768],
  [2020, 'mobilise', 'win', ['AZ', 'GA', 'NE-2', 'WI'], 65009, 65013],
  [2020, 'mobilise', 'tie', ['AZ', 'GA', 'WI'], 42918, 42921],
  [2020, 'mobilise', 'exact-tie', ['AZ', 'GA', 'WI'], 42918, 42921],
  [2020, 'convert', 'win', ['AZ', 'GA', 'NE-2', 'WI'], 65009, 32507],
  [2020, 'convert', 'tie', ['AZ', 'GA', 'WI'], 42918, 21461],
  [2020, 'convert', 'exact-tie', ['AZ', 'GA', 'WI'], 42918, 21461],
  [2024, 'mobilise', 'win', ['MI', 'PA', 'WI'], 229766, 229769],
  [2024, 'mobilise', 'tie', ['MI', 'PA', 'WI'], 229766, 229769],
  [2024, 'mobilise', 'exact-tie', ['AK', 'MI', 'NV', 'PA'], 290809, 290813],
  [2024, 'convert', 'win', ['MI', 'PA', 'WI'], 229766, 114885],
  [2024, 'convert', 'tie', ['MI', 'PA', 'WI'], 229766, 114885],
  [2024, 'convert', 'exact-tie', ['AK', 'MI', 'NV', 'PA'], 290809, 145408],
];

test('votesToFlip on actual results 2000–2024, both modes and targets, matches an independent search', () => {
  for (const [year, mode, target, units, marginSum, votes] of flips) {
    const res = votesToFlip(usResults(year), { mode, target });
    assert.deepEqual(
      { units: [...res.units].sort(), marginSum: res.marginSum, votes: res.votes },
      { units, marginSum, votes },
      `${year} ${mode} ${target}`,
    );
    assert.equal(res.winner, ['R', 'R', 'D', 'D', 'R', 'D', 'R'][(year - 2000) / 4]);
  }
});

test('votesToBreakTie: a 5–5 chamber, a tied unit, and an exact national tie', () => {
  const unit = (id: string, a: number, b: number, weight = 1) => ({ id, name: id, weight, votes: { A: a, B: b, other: 0 }, total: a + b, winner: a > b ? 'A' : b > a ? 'B' : 'tie' });
  const chamber = (units: ReturnType<typeof unit>[]) => ({ country: 'custom', year: 0, sides: ['A', 'B'] as [string, string], units, weightTotals: {}, popularVote: { A: 0, B: 0, total: 0 }, source: 'hand' }) as never;
  // Seats: A holds s1 s2 (2), B holds s3 s4 (2), s5 is tied 50–50 (a coin toss): 3 to win of 5.
  const race = chamber([unit('s1', 60, 40), unit('s2', 55, 45), unit('s3', 40, 70), unit('s4', 49, 51), unit('s5', 50, 50)]);
  assert.equal(hasOutrightWinner(race), false);
  // Each side's cheapest is the tied seat, one vote; A first on equal votes.
  assert.deepEqual(votesToBreakTie(race).sides, [{ side: 'A', units: ['s5'], marginSum: 0, votes: 1 }, { side: 'B', units: ['s5'], marginSum: 0, votes: 1 }]);
  assert.throws(() => votesToFlip(race), /must be a side with an outright majority of the weight, got A 2, B 2 \(votesToBreakTie answers what each side needs\)/);
  assert.throws(() => votesToBreakTie(chamber([unit('s1', 60, 40), unit('s2', 40, 60), unit('s3', 60, 40)])), /must be a race neither side won \(a tie\), got A 2, B 1 of 2 needed/);
  // No weights, equal national totals: one vote breaks it.
  const national = chamber([unit('n1', 100, 90, 0), unit('n2', 80, 90, 0)]);
  assert.equal(hasOutrightWinner(national), false);
  assert.deepEqual(votesToBreakTie(national), { year: 0, tie: true, mode: 'mobilise', basis: 'popular-vote', held: { A: 180, B: 180 }, threshold: 181, sides: [{ side: 'A', units: [], marginSum: 0, votes: 1 }, { side: 'B', units: [], marginSum: 0, votes: 1 }] });
});
