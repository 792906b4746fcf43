import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';

const ZERO = ['--set', 'uncertainty.national=0', '--set', 'uncertainty.regional=0', '--set', 'uncertainty.territory=0'];

test('Canada 2011 with zero uncertainty: run --json gives the published seats CPC 166, NDP 103, LPC 34, BQ 4, GPC 1 (Elections Canada)', async () => {
  const r = await runMain(['run', 'scenarios/canada-2011.yaml', '--sims', '200', '--json', ...ZERO]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.kind, 'multi-candidate');
  assert.deepEqual(doc.candidates.map((c: { party: string }) => c.party), ['CPC', 'NDP', 'LPC', 'BQ', 'GPC']);
  assert.deepEqual(doc.candidates.map((c: { seats: { mean: number; low: number; high: number } }) => [c.seats.mean, c.seats.low, c.seats.high]), [166, 103, 34, 4, 1].map((n) => [n, n, n]));
  assert.deepEqual(doc.candidates.map((c: { pMajority: number }) => c.pMajority), [1, 0, 0, 0, 0]);
  assert.equal(doc.seatsToWin, 155);
  assert.equal(doc.units.length, 308);
  // Avalon (10001) went to the Liberal Scott Andrews in 2011.
  const avalon = doc.units[0];
  assert.equal(avalon.id, '10001');
  assert.deepEqual(avalon.candidates.filter((c: { pWin: number }) => c.pWin === 1).map((c: { party: string }) => c.party), ['LPC']);
});

test('France 2022 first round: the default run reports P(round 2) of all 12 candidates; zero uncertainty qualifies Macron and Le Pen', async () => {
  const r = await runMain(['run', 'scenarios/france-2022-first-round.yaml', '--sims', '1000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.candidates.length, 12);
  const q = Object.fromEntries(doc.candidates.map((c: { party: string; pQualify: number }) => [c.party, c.pQualify]));
  for (const p of Object.values(q)) assert.ok(typeof p === 'number' && p >= 0 && p <= 1);
  // Two finalists per simulated election, none when a candidate wins round 1 outright (more than half of the valid votes).
  const finalists = (Object.values(q) as number[]).reduce((a, b) => a + b, 0);
  assert.ok(finalists <= 2 + 1e-9 && finalists > 1.9, String(finalists));
  // Le Pen led Mélenchon by about 421,000 votes: with the default error both have a real chance of round 2.
  assert.ok(q.RN > q.LFI && q.LFI > 0.05, JSON.stringify(q));
  assert.ok(doc.transfers.assumedRows.includes('non-voters'));
  const zero = await runMain(['run', 'scenarios/france-2022-first-round.yaml', '--sims', '100', '--json', ...ZERO]);
  assert.equal(zero.code, 0, zero.stderr);
  const z = JSON.parse(zero.stdout);
  assert.deepEqual(z.candidates.filter((c: { pQualify: number }) => c.pQualify === 1).map((c: { party: string }) => c.party).sort(), ['LREM', 'RN']);
  assert.equal(z.candidates.filter((c: { pQualify: number }) => c.pQualify === 0).length, 10);
});

test('a table of 12 party columns keeps all 12 (nothing moved to other) and runs on the K-candidate engine; the same seed gives the same numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-'));
  const parties = Array.from({ length: 12 }, (_, k) => `P${k + 1}`);
  const rows = Array.from({ length: 30 }, (_, u) => [`u${u}`, `Unit ${u}`, 1, ...parties.map((_, k) => 1000 + ((u * 37 + k * 101) % 900))].join(','));
  writeFileSync(join(dir, 'race.csv'), [['id', 'name', 'weight', ...parties].join(','), ...rows].join('\n') + '\n');
  writeFileSync(join(dir, 's.yaml'), 'name: twelve\nrace: { file: race.csv }\nrule: electoral-college\nsides: [P3, P1]\nsimulations: 300\nseed: 5\n');
  const a = await runMain(['run', join(dir, 's.yaml'), '--json']);
  assert.equal(a.code, 0, a.stderr);
  const doc = JSON.parse(a.stdout);
  assert.deepEqual(doc.candidates.map((c: { party: string }) => c.party).slice(0, 2), ['P3', 'P1']);
  assert.equal(doc.candidates.length, 12);
  assert.ok(doc.units.every((u: { candidates: unknown[] }) => u.candidates.length === 12));
  const b = await runMain(['run', join(dir, 's.yaml'), '--json']);
  assert.equal(b.stdout, a.stdout);
});

test('run --out on a seat race writes summary.json (no per-unit detail), territories.csv (one row per unit and candidate), the charts and briefing.html', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'multi-out-')), 'report');
  const r = await runMain(['run', 'scenarios/canada-2011.yaml', '--sims', '300', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /CPC +39\.6% +\d+\.\d% +\d+\.\d \[\d+–\d+\]/);
  const files = readdirSync(out).filter((f) => !f.startsWith('.')).sort();
  assert.deepEqual(files, ['briefing.html', 'candidate-probabilities.png', 'candidate-probabilities.svg', 'seat-histogram.png', 'seat-histogram.svg', 'summary.json', 'territories.csv']);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.equal(summary.units, undefined);
  assert.equal(summary.candidates.length, 5);
  assert.equal(summary.candidates[0].seats.low <= summary.candidates[0].seats.high, true);
  const csv = readFileSync(join(out, 'territories.csv'), 'utf8').trimEnd().split('\n');
  assert.equal(csv[0], 'id,name,party,candidate,votes,share,p_win');
  // 1,587 candidates less the 129,703 `other` votes' candidates: one row per party standing in each riding.
  const rowsPerUnit = new Map<string, number>();
  for (const line of csv.slice(1)) rowsPerUnit.set(line.split(',')[0]!, (rowsPerUnit.get(line.split(',')[0]!) ?? 0) + 1);
  assert.equal(rowsPerUnit.size, 308);
});

test('bad multi-candidate keys name the key, what was expected and what was found (exit 2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-bad-'));
  const cases: [string, RegExp][] = [
    ['race: { bundled: ca-2011-federal-riding }\nrule: plurality\nsides: [CPC, NDP]', /race\.bundled \(line 2\) must be one of "ca-2011-federal-ridings".*did you mean "ca-2011-federal-ridings"/],
    ['race: { bundled: ca-2011-federal-ridings, format: table }\nrule: plurality\nsides: [CPC, NDP]', /race\.format( \(line \d+\))? must be absent with race\.bundled/],
    ['race: { bundled: ca-2011-federal-ridings }\nrule: plurality\nsides: [CPC, XYZ]', /sides\.1 must be a party of the race named once \(CPC, NDP, LPC, BQ, GPC\), got "XYZ"/],
    ['race: { bundled: ca-2011-federal-ridings }\nrule: plurality\nsides: [CPC, NDP]\nuncertainty: { scale: margin }', /uncertainty\.scale must be "log-ratio" for a race of three or more candidates/],
    ['race: { bundled: ca-2011-federal-ridings }\nrule: plurality\nsides: [CPC, NDP]\ncampaigns: { NDP: { listSize: 1000 } }', /campaigns\.NDP must be a campaign for our candidate CPC only \(sides\[0\]\)/],
    ['race: { bundled: ca-2011-federal-ridings }\nrule: plurality\nsides: [CPC, NDP]\ncampaigns: { CPC: { allocation: { counts: { 99999: 10 } } } }', /campaigns\.CPC\.allocation\.counts\.99999 must be the id of a territory of the race/],
    ['race: { bundled: fr-2022-president-t1 }\nrule: two-round\nsides: [RN, LFI]\nseatsToWin: 3', /seatsToWin( \(line \d+\))? must be absent unless rule is/],
  ];
  for (const [body, message] of cases) {
    writeFileSync(join(dir, 's.yaml'), `name: x\n${body}\nsimulations: 10\nseed: 1\n`);
    const r = await runMain(['run', join(dir, 's.yaml')]);
    assert.equal(r.code, 2, body);
    assert.match(r.stderr, message, body);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  }
});

test('value on a multi-candidate race runs our candidate\'s campaign only: another --side is refused with the key (exit 2)', async () => {
  const r = await runMain(['value', 'scenarios/canada-2011.yaml', '--side', 'NDP', '--add', '1000', '--sims', '10']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--side must be CPC, the scenario's sides\[0\]/);
});

test('a table of three candidates under `seats` (the two-candidate name of plurality) gives each unit to its leader; a two-candidate table stays on the two-sided engine', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-seats-'));
  // C leads in two of three units: two-sided, C would have been `other` and could never win.
  writeFileSync(join(dir, 'three.csv'), 'id,name,weight,A,B,C\nn,North,1,100,90,300\ns,South,1,100,90,310\ne,East,1,200,90,10\n');
  writeFileSync(join(dir, 's.yaml'), `name: three\nrace: { file: three.csv }\nrule: seats\nsides: [A, B]\nsimulations: 50\nseed: 1\nuncertainty: { national: 0, regional: 0, territory: 0 }\n`);
  const r = await runMain(['run', join(dir, 's.yaml'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.rule, 'plurality');
  assert.deepEqual(doc.candidates.map((c: { party: string; seats: { mean: number } }) => [c.party, c.seats.mean]), [['A', 1], ['B', 0], ['C', 2]]);
  assert.deepEqual(doc.candidates.map((c: { pMajority: number }) => c.pMajority), [0, 0, 1]);
  writeFileSync(join(dir, 'two.csv'), 'id,name,weight,A,B\nn,North,1,100,90\ns,South,1,100,95\ne,East,1,80,90\n');
  writeFileSync(join(dir, 't.yaml'), `name: two\nrace: { file: two.csv }\nrule: seats\nsides: [A, B]\nsimulations: 50\nseed: 1\n`);
  const two = JSON.parse((await runMain(['run', join(dir, 't.yaml'), '--json'])).stdout);
  assert.equal(two.kind, undefined);
  assert.deepEqual(two.sides, ['A', 'B']);
});

test('France 2022 legislatives with zero uncertainty through run --json: 5 elected in round 1 (53-03, 75-06, 75-16, 75-17, 93-07), 564 two-way and 8 three-way second rounds (L126, L162; data/SOURCES.md)', async () => {
  const r = await runMain(['run', 'scenarios/france-2022-legislatives.yaml', '--sims', '10', '--json', ...ZERO]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.unitCount, 577);
  type Unit = { id: string; candidates: { pWin: number; pQualify: number }[] };
  const finalists = (u: Unit) => u.candidates.filter((c) => c.pQualify === 1).length;
  const elected = doc.units.filter((u: Unit) => finalists(u) === 0);
  assert.deepEqual(elected.map((u: Unit) => u.id), ['53-03', '75-06', '75-16', '75-17', '93-07']);
  assert.ok(elected.every((u: Unit) => u.candidates.some((c) => c.pWin === 1)));
  assert.equal(doc.units.filter((u: Unit) => finalists(u) === 2).length, 564);
  assert.equal(doc.units.filter((u: Unit) => finalists(u) === 3).length, 8);
  assert.equal(doc.candidates.reduce((a: number, c: { seats: { mean: number } }) => a + c.seats.mean, 0), 577);
});

const FIXTURES = join(process.cwd(), 'test/fixtures/races');

test('a Ministry legislative file by circonscription with rule two-round-legislative runs with every candidate; zero uncertainty elects in round 1 exactly the circonscriptions the file marks Elu', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-'));
  const file = join(FIXTURES, 'resultats-par-niveau-cirlg-t1-france-entiere-2022.csv');
  writeFileSync(join(dir, 's.yaml'), `name: legislatives excerpt\nrace: { file: ${JSON.stringify(file)} }\nrule: two-round-legislative\nsides: [ENS, NUP]\nsimulations: 100\nseed: 3\n`);
  const r = await runMain(['run', join(dir, 's.yaml'), '--json', ...ZERO]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.candidates.map((c: { party: string }) => c.party).slice(0, 2), ['ENS', 'NUP']);
  assert.equal(doc.units.length, 43);
  assert.ok(doc.units.some((u: { id: string; name: string }) => u.id === '01-01' && /circonscription/.test(u.name)));
  // 53-03, 75-06, 75-16 and 75-17 were won in round 1 (the file's Sièges column): a sure winner there, nowhere else.
  const decided = doc.units.filter((u: { candidates: { pWin: number; pQualify?: number }[] }) => u.candidates.some((c) => c.pWin === 1) && u.candidates.every((c) => c.pWin === 1 || !(c.pQualify! > 0)));
  assert.deepEqual(decided.map((u: { id: string }) => u.id).sort(), ['53-03', '75-06', '75-16', '75-17']);
});

test('MEDSL House returns with rule plurality: units are districts; a Senate file with two Georgia races is refused until race.special picks one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-'));
  const house = join(FIXTURES, 'medsl_1976-2020_house-excerpt.csv');
  writeFileSync(join(dir, 'h.yaml'), `name: house excerpt\nrace: { file: ${JSON.stringify(house)}, year: 2020 }\nrule: plurality\nsides: [DEMOCRAT, REPUBLICAN]\nsimulations: 100\nseed: 3\n`);
  const h = await runMain(['run', join(dir, 'h.yaml'), '--json', ...ZERO]);
  assert.equal(h.code, 0, h.stderr);
  const doc = JSON.parse(h.stdout);
  assert.ok(doc.units.some((u: { id: string }) => u.id === 'IA-02'));
  const seats = Object.fromEntries(doc.candidates.map((c: { party: string; seats: { mean: number } }) => [c.party, c.seats.mean]));
  assert.deepEqual([seats.DEMOCRAT, seats.REPUBLICAN], [27, 12]);
  const senate = join(FIXTURES, 'medsl_1976-2020_senate-excerpt.csv');
  writeFileSync(join(dir, 'g.yaml'), `name: senate excerpt\nrace: { file: ${JSON.stringify(senate)}, year: 2020 }\nrule: plurality\nsides: [DEMOCRAT, REPUBLICAN]\nsimulations: 100\nseed: 3\n`);
  const g = await runMain(['run', join(dir, 'g.yaml'), '--json']);
  assert.equal(g.code, 2);
  assert.match(g.stderr, /special/);
  assert.doesNotMatch(g.stderr, /\n\s+at /);
  writeFileSync(join(dir, 'g2.yaml'), `name: senate excerpt\nrace: { file: ${JSON.stringify(senate)}, year: 2020, special: false }\nrule: plurality\nsides: [DEMOCRAT, REPUBLICAN]\nsimulations: 100\nseed: 3\n`);
  const g2 = await runMain(['run', join(dir, 'g2.yaml'), '--json', ...ZERO]);
  assert.equal(g2.code, 0, g2.stderr);
});
