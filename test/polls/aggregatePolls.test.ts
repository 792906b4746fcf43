import { test } from 'node:test';
import assert from 'node:assert/strict';
import seedrandom from 'seedrandom';
import { aggregatePolls } from '../../src/polls/aggregatePolls.js';
import type { Poll } from '../../src/polls/pollTypes.js';

/** True house effects of pollsters P0…P5, pp; their mean is 0. */
const HOUSE = [-3, -1.5, 0, 0, 1.5, 3];

/** A campaign of 100 days: the national margin climbs from 0 to +4; A sits 10 above the nation, B at it, C 10 below. */
function campaign(seed: string) {
  const rng = seedrandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const national = (day: number) => (4 * day) / 100;
  const offset: Record<string, number> = { A: 10, B: 0, C: -10 };
  const polls: Poll[] = [];
  let line = 2;
  for (let day = 1; day <= 100; day += 1) {
    for (const unit of ['A', 'B', 'US']) {
      if (rng() > 0.6) continue;
      // Six pollsters, each with its own lean (pp toward the first side).
      const k = Math.floor(6 * rng());
      const pollster = `P${k}`;
      const truth = national(day) + (unit === 'US' ? 0 : offset[unit]);
      const margin = truth + HOUSE[k] + 2.5 * gauss();
      polls.push({ line: line++, unit, start: day - 1, end: day, pollster, population: 'lv', margin, sampleSize: 1500, decided: 0.92 });
    }
  }
  return { polls, truth: { US: national(100), A: national(100) + 10, B: national(100), C: national(100) - 10 } };
}

const units = [
  { id: 'A', lastMargin: 8, weight: 1 / 3 },
  { id: 'B', lastMargin: 0, weight: 1 / 3 },
  { id: 'C', lastMargin: -8, weight: 1 / 3 },
];

test('aggregatePolls recovers the national trend and polled states, and an unpolled state follows the nation from its prior', () => {
  const { polls, truth } = campaign('aggregate');
  const result = aggregatePolls({ units, lastNationalMargin: 0, polls, electionDay: 110, asOf: 100, priorSD: { national: 10, relative: 4 } });
  const byId = Object.fromEntries(result.units.map((u) => [u.id, u]));
  assert.ok(Math.abs(result.national.mean - truth.US) < 1.5, `national ${result.national.mean}`);
  assert.ok(Math.abs(byId.A.mean - truth.A) < 1.5, `A ${byId.A.mean}`);
  assert.ok(Math.abs(byId.B.mean - truth.B) < 1.5, `B ${byId.B.mean}`);
  // C has no poll: its prior (8 below the nation last time) moved by the national swing, give or take
  // what A's and B's polls say about the offsets (the national polls tie C to A and B).
  assert.equal(byId.C.polls, 0);
  assert.ok(byId.C.mean < byId.B.mean - 4 && byId.C.mean > truth.C - 4, `C ${byId.C.mean}`);
  assert.ok(byId.C.sd > byId.A.sd, 'the unpolled state is less certain');
  // Ten days to election day add drift: the election-day SD exceeds today's.
  assert.ok(byId.A.sd > byId.A.sdNow);
  // House effects, centred on the average poll, come back within 1.2 pp of the truth (the pollsters' poll counts differ, so the centre moves a little).
  for (const h of result.houseEffects) {
    const truth = HOUSE[Number(h.pollster.slice(1))];
    assert.ok(Math.abs(h.effect - truth) < 1.2, `${h.pollster}: ${h.effect} vs ${truth}`);
  }
});

test('aggregatePolls uses no poll after asOf and is deterministic', () => {
  const { polls } = campaign('asof');
  const options = { units, lastNationalMargin: 0, electionDay: 110, asOf: 50, priorSD: { national: 10, relative: 4 }, processSD: { national: 0.2, relative: 0.03 } };
  const cut = aggregatePolls({ ...options, polls });
  const only = aggregatePolls({ ...options, polls: polls.filter((p) => p.end <= 50) });
  assert.equal(cut.pollsUsed, only.pollsUsed);
  assert.deepEqual(cut.units, only.units);
  assert.deepEqual(aggregatePolls({ ...options, polls }).units, cut.units);
});

test('aggregatePolls without polls returns the prior: last margins, national SD from the prior and the drift', () => {
  const result = aggregatePolls({ units, lastNationalMargin: 0, polls: [], electionDay: 10, asOf: 0, priorSD: { national: 10, relative: 4 }, processSD: { national: 0.2, relative: 0.05 } });
  assert.deepEqual(result.units.map((u) => u.mean), [8, 0, -8]);
  // μ + δ: 10² + 4² plus 10 days of drift (0.2², 0.05²).
  assert.ok(Math.abs(result.units[0].sd - Math.sqrt(100 + 16 + 10 * (0.04 + 0.0025))) < 1e-9);
});
