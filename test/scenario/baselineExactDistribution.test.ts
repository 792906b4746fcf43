// The exact distribution check of the forecast baseline: a user's own race with only independent
// territory errors, a uniform swing and one shift. Each unit's margin is then Normal(m_t, σ) with m_t
// the result margin + swing + shift, computed here from the votes alone; the distribution of the weight
// won is the convolution of independent Bernoulli(Φ(m_t/σ)) weights. P(win) and P(tie) of the
// simulation must match it within 4 standard errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { normalCdf, weightDistribution } from '../sim/raceFixtures.js';

// A user's table race: eight districts, 30 seats in all, so 15–15 is a tie.
const rows = [
  { id: 'N1', weight: 3, a: 51_200, b: 48_800 },
  { id: 'N2', weight: 5, a: 47_000, b: 53_000 },
  { id: 'N3', weight: 2, a: 60_500, b: 39_500 },
  { id: 'N4', weight: 4, a: 49_400, b: 50_600 },
  { id: 'N5', weight: 6, a: 45_900, b: 54_100 },
  { id: 'N6', weight: 1, a: 52_000, b: 48_000 },
  { id: 'N7', weight: 7, a: 50_300, b: 49_700 },
  { id: 'N8', weight: 2, a: 38_000, b: 62_000 },
];

/** The race as a user's table file (`id,name,weight,<side>…,other`) and a scenario naming it. */
function writeRace(dir: string, baseline: string, simulations: number): string {
  writeFileSync(join(dir, 'districts.csv'), ['id,name,weight,Blue,Gold,other', ...rows.map((r) => `${r.id},District ${r.id},${r.weight},${r.a},${r.b},1000`)].join('\n') + '\n');
  const scenario = [
    'name: exact check',
    'race: { file: districts.csv, format: table }',
    'rule: electoral-college',
    'sides: [Blue, Gold]',
    `simulations: ${simulations}`,
    'seed: 11',
    'uncertainty: { national: 0, regional: 0, territory: 4, tails: 5 }',
    `baseline: ${baseline}`,
  ].join('\n');
  writeFileSync(join(dir, 'race.yaml'), `${scenario}\n`);
  return join(dir, 'race.yaml');
}

test('a table race with independent territory errors, a swing and one shift: P(win) and P(tie) match the exact convolution within 4 SE', async () => {
  const swing = -1.2;
  const shifts: Record<string, number> = { N5: 3.5 };
  const sigma = 4;
  const simulations = 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'cl-exact-'));
  const { resolved } = await prepareScenario(writeRace(dir, `{ swing: ${swing}, shifts: { N5: ${shifts.N5} } }`, simulations), { cwd: dir });
  assert.equal(resolved.territories.length, 8);
  assert.equal(resolved.uncertainty.territory, sigma);
  const p = rows.map((r) => normalCdf((((100 * (r.a - r.b)) / (r.a + r.b)) + swing + (shifts[r.id] ?? 0)) / sigma));
  const dist = weightDistribution(rows.map((r) => r.weight), p);
  const exactWin = dist.slice(16).reduce((s, x) => s + x, 0);
  const exactTie = dist[15];
  const result = simulate(prepareModel(resolved), { simulations, seed: resolved.seed });
  const seWin = Math.sqrt((exactWin * (1 - exactWin)) / simulations);
  const seTie = Math.sqrt((exactTie * (1 - exactTie)) / simulations);
  assert.ok(exactTie > 0.005, `the race is close enough for ties to matter (exact P(tie) ${exactTie})`);
  assert.ok(Math.abs(result.pWin.Blue - exactWin) < 4 * seWin, `P(win) ${result.pWin.Blue} vs exact ${exactWin} (SE ${seWin})`);
  assert.ok(Math.abs(result.pTie - exactTie) < 4 * seTie, `P(tie) ${result.pTie} vs exact ${exactTie} (SE ${seTie})`);
  // The shift matters: without it the exact P(win) is far from the simulated one.
  const pNoShift = rows.map((r) => normalCdf((((100 * (r.a - r.b)) / (r.a + r.b)) + swing) / sigma));
  const noShiftWin = weightDistribution(rows.map((r) => r.weight), pNoShift).slice(16).reduce((s, x) => s + x, 0);
  assert.ok(Math.abs(result.pWin.Blue - noShiftWin) > 10 * seWin, `the shift moves P(win) (${noShiftWin} without it)`);
});
