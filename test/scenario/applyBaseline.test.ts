import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline } from '../../src/scenario/applyBaseline.js';
import { twoPartyMargin } from '../../src/model/twoPartyMargin.js';
import { describeBaseline } from '../../src/scenario/describeBaseline.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { loadScenario } from '../../src/node/loadScenario.js';
import { resolveLoadedScenario } from '../../src/node/prepareScenario.js';
import { InputError } from '../../src/errors.js';
import type { ResolvedTerritory } from '../../src/model/resolvedScenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { baseScenario, parameters } from '../sim/raceFixtures.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';

function territory(id: string, d: number, r: number, other = 0, eligible = 0): ResolvedTerritory {
  return { id, name: id, weight: 1, region: 'x', votes: { D: d, R: r }, other, eligible };
}
const three = [territory('A', 700, 300, 50), territory('B', 480, 520, 20), territory('C', 200, 800, 0)];
const label = { resultLabel: '2024 result' };

function inputErrorAt(fn: () => unknown, at: string): void {
  assert.throws(fn, (e: unknown) => e instanceof InputError && e.details.at === at);
}

test('applyBaseline with no baseline keeps every vote exactly (a replay)', () => {
  const { territories, baseline } = applyBaseline(three, ['D', 'R'], undefined, label);
  assert.deepEqual(territories, three);
  assert.equal(baseline.forecast, false);
  assert.deepEqual(baseline.margins, baseline.resultMargins);
  assert.equal(baseline.margins.A, 40);
});

test('applyBaseline uniform swing moves every margin by the swing and keeps two-party totals', () => {
  const { territories, baseline } = applyBaseline(three, ['D', 'R'], { swing: 2 }, label);
  for (const [i, t] of territories.entries()) {
    const before = three[i];
    assert.ok(Math.abs(twoPartyMargin(t.votes.D, t.votes.R) - (twoPartyMargin(before.votes.D, before.votes.R) + 2)) < 1e-9);
    assert.ok(Math.abs(t.votes.D + t.votes.R - (before.votes.D + before.votes.R)) < 1e-9);
    assert.equal(t.other, before.other);
  }
  assert.ok(Math.abs(baseline.margins.B - -2) < 1e-9);
  // Uniform swing on two-party margins moves the national margin by the swing too.
  assert.ok(Math.abs(baseline.nationalMargin - baseline.nationalResultMargin - 2) < 1e-9);
});

test('applyBaseline uniform swing caps a margin at ±100', () => {
  const { baseline } = applyBaseline([territory('X', 990, 10)], ['D', 'R'], { swing: 5 }, label);
  assert.equal(baseline.margins.X, 100);
});

test('applyBaseline proportional swing moves the national margin exactly, the marginal seat most in margin, and keeps shares in 0–1', () => {
  const { territories, baseline } = applyBaseline(three, ['D', 'R'], { swing: -6, swingModel: 'proportional' }, label);
  assert.ok(Math.abs(baseline.nationalMargin - (baseline.nationalResultMargin - 6)) < 1e-6, `${baseline.nationalMargin}`);
  const moves = ['A', 'B', 'C'].map((id) => baseline.margins[id] - baseline.resultMargins[id]);
  for (const m of moves) assert.ok(m < 0);
  // A common odds factor moves a 48–52 territory's margin more than a 20–80 one's.
  assert.ok(Math.abs(moves[1]) > Math.abs(moves[2]));
  // Each side's share scaled by one factor: the odds ratio new/old is the same in every territory.
  const odds = (t: ResolvedTerritory) => t.votes.D / t.votes.R;
  const ratios = territories.map((t, i) => odds(t) / odds(three[i]));
  assert.ok(Math.abs(ratios[0] - ratios[1]) < 1e-9 && Math.abs(ratios[1] - ratios[2]) < 1e-9);
});

test('applyBaseline: poll margins replace the swung margin, shifts add on top, sd becomes territorySD, turnout scales every vote', () => {
  const { territories, baseline } = applyBaseline(
    three,
    ['D', 'R'],
    { swing: 1, shifts: { B: -0.5 }, margins: { B: { margin: 3, sd: 4 }, C: -55 }, turnout: -0.1 },
    label,
  );
  assert.ok(Math.abs(baseline.margins.A - 41) < 1e-9);
  assert.ok(Math.abs(baseline.margins.B - 2.5) < 1e-9);
  assert.ok(Math.abs(baseline.margins.C - -55) < 1e-9);
  assert.equal(territories[1].territorySD, 4);
  assert.equal(territories[0].territorySD, undefined);
  assert.ok(Math.abs(territories[0].votes.D + territories[0].votes.R - 900) < 1e-9);
  assert.ok(Math.abs(territories[0].other - 45) < 1e-9);
  assert.deepEqual(baseline.given, ['B', 'C']);
  assert.equal(baseline.marginsSource, 'inline');
});

test('applyBaseline rejects unknown territories, keys, out-of-range numbers and a turnout above the eligible voters', () => {
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { shifts: { Z: 1 } }, label), 'baseline.shifts.Z');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { margins: { A: 120 } }, label), 'baseline.margins.A');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { margins: { A: { margin: 1, sd: -1 } } }, label), 'baseline.margins.A.sd');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { swingModel: 'cube' }, label), 'baseline.swingModel');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { swings: 1 }, label), 'baseline.swings');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { margins: { file: 'polls.csv' } }, label), 'baseline.margins');
  inputErrorAt(() => applyBaseline([territory('A', 500, 400, 50, 1000)], ['D', 'R'], { turnout: 0.2 }, label), 'baseline.turnout');
});

test('describeBaseline says what the baseline is, in English and French', () => {
  const swung = (spec: unknown) => ({ sides: ['D', 'R'] as [string, string], year: 2024, baseline: applyBaseline(three, ['D', 'R'], spec, label).baseline });
  assert.equal(describeBaseline(swung({ swing: 2 })), '2024 result, swung 2.0 pp toward D');
  assert.equal(describeBaseline(swung({ swing: -1.5 }), 'fr'), 'résultat 2024, décalé de 1,5 pt vers R');
  assert.equal(describeBaseline(swung(undefined)), '2024 result (a replay of the result)');
  assert.equal(
    describeBaseline(swung({ swing: 2, swingModel: 'proportional', shifts: { A: 1 }, margins: { B: 1, C: 2 }, turnout: -0.05 })),
    '2024 result, swung 2.0 pp toward D (proportional swing), shifted in 1 territory, expected margins given for 2 territories, turnout −5 %',
  );
});

test('resolveScenario records the baseline and moves the votes the campaigns and the kernel read', () => {
  const results = loadResults({ country: 'us', year: 2024 });
  const resolved = resolveScenario(baseScenario({ year: 2024, baseline: { swing: 2, shifts: { PA: -1 } } }), { results, parameters });
  const pa = resolved.territories.find((t) => t.id === 'PA')!;
  const paResult = results.units.find((u) => u.id === 'PA')!;
  const m0 = twoPartyMargin(paResult.votes.D, paResult.votes.R);
  assert.ok(Math.abs(twoPartyMargin(pa.votes.D, pa.votes.R) - (m0 + 1)) < 1e-9);
  assert.ok(Math.abs(resolved.baseline!.margins.PA - (m0 + 1)) < 1e-9);
  assert.equal(describeBaseline(resolved), '2024 result, swung 2.0 pp toward D, shifted in 1 territory');
});

test('resolveScenario: race with country or year is refused naming both keys; threshold and seatsToWin are checked', () => {
  const results = loadResults({ country: 'us', year: 2024 });
  const withRace = { ...baseScenario({ year: 2024 }), race: { file: 'x.csv' } } as Scenario;
  assert.throws(() => resolveScenario(withRace, { results, parameters, file: 'a.yaml' }), (e: unknown) => e instanceof InputError && e.details.at === 'race and country and year');
  const noRace = { ...baseScenario({ year: 2024 }) } as Partial<Scenario>;
  delete noRace.country;
  assert.throws(() => resolveScenario(noRace as Scenario, { results, parameters }), (e: unknown) => e instanceof InputError && e.details.at === 'country');
  const highBar = resolveScenario(baseScenario({ year: 2024, threshold: 300 }), { results, parameters });
  assert.equal(highBar.threshold, 300);
  // The kernel reads the threshold: a draw where neither side reaches 300 is no win for either.
  assert.equal(prepareModel(highBar).threshold, 300);
  const drawn = simulate(prepareModel({ ...highBar, uncertainty: { ...highBar.uncertainty, national: 0, regional: 0, territory: 0 } }), { simulations: 200, seed: 1 });
  // 2024 with no error: R 312 electoral votes (pledged by unit winners) reach 300, so R wins every draw.
  assert.equal(drawn.pWin.R, 1);
  const higher = resolveScenario(baseScenario({ year: 2024, threshold: 320, uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 } }), { results, parameters });
  const none = simulate(prepareModel(higher), { simulations: 200, seed: 1 });
  assert.deepEqual([none.pWin.R, none.pWin.D, none.pTie], [0, 0, 1]);
  inputErrorAt(() => resolveScenario(baseScenario({ year: 2024, threshold: 269 }), { results, parameters }), 'threshold');
  inputErrorAt(() => resolveScenario(baseScenario({ year: 2024, seatsToWin: 30 }), { results, parameters }), 'seatsToWin');
  assert.equal(resolveScenario(baseScenario({ year: 2024, rule: 'seats', seatsToWin: 300 }), { results, parameters }).threshold, 300);
});

test('loadScenario reads baseline.margins {file} (id,margin,sd; ; and decimal commas) and the run records its source', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-margins-'));
  writeFileSync(join(dir, 'polls.csv'), 'id;margin;sd\nPA;1,5;3\nWI;-0,5;\n');
  writeFileSync(
    join(dir, 's.yaml'),
    'name: t\ncountry: us\nyear: 2016\nrule: electoral-college\nsides: [D, R]\nsimulations: 10\nseed: 1\nbaseline:\n  margins: { file: polls.csv }\n',
  );
  const scenario = await loadScenario(join(dir, 's.yaml'));
  const { resolved } = resolveLoadedScenario(scenario, 's.yaml');
  assert.equal(resolved.baseline!.margins.PA, 1.5);
  assert.equal(resolved.baseline!.margins.WI, -0.5);
  assert.equal(resolved.territories.find((t) => t.id === 'PA')!.territorySD, 3);
  assert.equal(resolved.territories.find((t) => t.id === 'WI')!.territorySD, undefined);
  assert.equal(resolved.baseline!.marginsSource, 'polls.csv');
  writeFileSync(join(dir, 'polls.csv'), 'id,margin\nPA,1.5\nPA,2\n');
  await assert.rejects(loadScenario(join(dir, 's.yaml')), (e: unknown) => e instanceof InputError && e.details.at === 'line 3, column id');
  writeFileSync(join(dir, 'polls.csv'), 'id,margin\nPA,abc\n');
  await assert.rejects(loadScenario(join(dir, 's.yaml')), (e: unknown) => e instanceof InputError && e.details.at === 'line 2, column margin');
});

test('resolveScenario records the baseline description for summary.json', () => {
  const results = loadResults({ country: 'us', year: 2016 });
  const resolved = resolveScenario(baseScenario({ year: 2016, baseline: { swing: -1.5, turnout: 0.05 } }), { results, parameters });
  assert.equal(resolved.baseline!.description, '2016 result, swung 1.5 pp toward R, turnout +5 %');
  const replay = resolveScenario(baseScenario({ year: 2016 }), { results, parameters });
  assert.equal(replay.baseline!.description, '2016 result (a replay of the result)');
});

test('applyBaseline refuses margins that read like shares (all within ±1) unless baseline.marginUnit says', () => {
  assert.throws(
    () => applyBaseline(three, ['D', 'R'], { margins: { A: -0.075, B: 0.02 } }, label),
    (e: unknown) => e instanceof InputError && e.details.at === 'baseline.margins' && /margins in pp .* all 2 lie within ±1, as shares of the two-party vote \(−0\.075\) would/.test(e.message),
  );
  const asShares = applyBaseline(three, ['D', 'R'], { margins: { A: -0.075, B: 0.02 }, marginUnit: 'share' }, label).baseline.margins;
  assert.ok(Math.abs(asShares.A - -7.5) < 1e-12 && Math.abs(asShares.B - 2) < 1e-12);
  assert.equal(applyBaseline(three, ['D', 'R'], { margins: { A: 0.5 }, marginUnit: 'pp' }, label).baseline.margins.A, 0.5);
  assert.equal(applyBaseline(three, ['D', 'R'], { margins: { A: -7.5, B: 0.5 } }, label).baseline.margins.B, 0.5);
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { margins: { A: -7.5 }, marginUnit: 'share' }, label), 'baseline.margins.A');
});

test('a margins file of shares is refused naming the file; a margin_share column is read as shares', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-margin-share-'));
  const scenario = (file: string) => `name: x\ncountry: us\nyear: 2016\nrule: electoral-college\nsides: [D, R]\nsimulations: 10\nseed: 1\nbaseline: { margins: { file: ${file} } }\n`;
  writeFileSync(join(dir, 'shares.csv'), 'id,margin\nPA,-0.075\nWI,0.02\nMI,0.01\n');
  writeFileSync(join(dir, 'a.yaml'), scenario('shares.csv'));
  await assert.rejects(
    async () => resolveLoadedScenario(await loadScenario(join(dir, 'a.yaml')), 'a.yaml'),
    (e: unknown) => e instanceof InputError && e.details.at === 'baseline.margins (shares.csv)',
  );
  writeFileSync(join(dir, 'named.csv'), 'id,margin_share\nPA,-0.075\nWI,0.02\n');
  writeFileSync(join(dir, 'b.yaml'), scenario('named.csv'));
  const { resolved } = resolveLoadedScenario(await loadScenario(join(dir, 'b.yaml')), 'b.yaml');
  assert.ok(Math.abs(resolved.baseline!.margins.PA - -7.5) < 1e-9);
  assert.ok(Math.abs(resolved.baseline!.margins.WI - 2) < 1e-9);
});

test('applyBaseline records the year of the election a forecast is about; a year that is not whole is bad input at its key', () => {
  assert.equal(applyBaseline(three, ['D', 'R'], { swing: 2, electionYear: 2028 }, label).baseline.electionYear, 2028);
  assert.equal(applyBaseline(three, ['D', 'R'], { swing: 2 }, label).baseline.electionYear, undefined);
  // The year names the race; it moves no vote.
  assert.deepEqual(applyBaseline(three, ['D', 'R'], { swing: 2, electionYear: 2028 }, label).territories, applyBaseline(three, ['D', 'R'], { swing: 2 }, label).territories);
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { electionYear: 2027.5 }, label), 'baseline.electionYear');
  inputErrorAt(() => applyBaseline(three, ['D', 'R'], { electionYear: 1700 }, label), 'baseline.electionYear');
});
