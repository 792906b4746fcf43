import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';

test('flip --year 2000 --json: Florida, 537-vote certified margin, 538 new voters', async () => {
  const r = await runMain(['flip', '--year', '2000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { year: 2000, winner: 'R', loser: 'D', mode: 'mobilise', target: 'win', units: ['FL'], marginSum: 537, votes: 538 });
});

test('flip --year 2016 --mode convert: MI, PA, WI; switched voters are floor(margin/2)+1 per state', async () => {
  const r = await runMain(['flip', '--year', '2016', '--mode', 'convert', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  // Certified 2016 margins (Trump − Clinton): MI 10,704, PA 44,292, WI 22,748.
  const margins = [10704, 44292, 22748];
  assert.deepEqual(doc.units.slice().sort(), ['MI', 'PA', 'WI']);
  assert.equal(doc.marginSum, margins.reduce((a, b) => a + b, 0));
  assert.equal(doc.votes, margins.reduce((s, m) => s + Math.floor(m / 2) + 1, 0));
});

test('flip with a bad mode exits 2 naming the option and the choices', async () => {
  const r = await runMain(['flip', '--year', '2000', '--mode', 'persuade']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'campaign-lab: --mode must be one of mobilise, convert, got "persuade"\n');
});

test('flip --target tie denies the winner a majority: 2000 is Florida (537), 269–269 is --target exact-tie', async () => {
  const tie = await runMain(['flip', '--year', '2000', '--target', 'tie', '--json']);
  assert.equal(tie.code, 0, tie.stderr);
  assert.deepEqual(JSON.parse(tie.stdout), { year: 2000, winner: 'R', loser: 'D', mode: 'mobilise', target: 'tie', units: ['FL'], marginSum: 537, votes: 538 });
  const exact = await runMain(['flip', '--year', '2000', '--target', 'exact-tie', '--json']);
  assert.equal(exact.code, 0, exact.stderr);
  // Certified NE-1 and NE-2 margins 2000 (Bush − Gore), from the district table: together 98,126.
  assert.deepEqual(JSON.parse(exact.stdout).units, ['NE-1', 'NE-2']);
  assert.equal(JSON.parse(exact.stdout).marginSum, 98126);
});

test('flip text says electoral votes and that they are pledged', async () => {
  const r = await runMain(['flip', '--year', '2016', '--target', 'tie']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^2016: R won a majority of the pledged electoral votes\. D needed 61,533 new voters to deny R a majority of the electoral votes \(D at least half\), in MI, NE-2, PA/);
  assert.match(r.stdout, /Electoral votes are pledged \(each state or district to its winner\), not as cast by the electors\./);
});

test('flip --file on a 5–5 chamber answers what each side needs to break the tie, cheapest first', async () => {
  // test/fixtures/races/chamber-tied.csv: ten made-up districts of one seat, five won by each party;
  // Reform trails by 3 votes in district 5, Union by 4 in district 9.
  const text = await runMain(['flip', '--file', 'test/fixtures/races/chamber-tied.csv']);
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout, "A tie: Reform 5, Union 5 seats (6 to win). Reform needs 4 new voters to break it, in 5 (Union's margins there summed to 3 votes); Union needs 5, in 9 (Reform's margins there summed to 4 votes).\n");
  const json = await runMain(['flip', '--file', 'test/fixtures/races/chamber-tied.csv', '--mode', 'convert', '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), {
    year: 0, tie: true, mode: 'convert', basis: 'weights', held: { Reform: 5, Union: 5 }, threshold: 6,
    sides: [{ side: 'Reform', units: ['5'], marginSum: 3, votes: 2 }, { side: 'Union', units: ['9'], marginSum: 4, votes: 3 }],
  });
  const already = await runMain(['flip', '--file', 'test/fixtures/races/chamber-tied.csv', '--target', 'tie']);
  assert.match(already.stdout, /The race is already tied: --target tie needs no vote\.\n$/);
});

test('flip on a forecast scenario says the winner is expected, not that it won; a result says won (text and JSON)', async () => {
  const text = await runMain(['flip', 'scenarios/us-2016-pre-election.yaml']);
  assert.equal(text.code, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /\bwon\b|\bneeded\b|summed/);
  assert.match(text.stdout, /^2012 result, polls as of 2016-11-07 \(1,747 polls, us-president-2016-polls\.csv\)[^:]*: D is expected to win a majority of the pledged electoral votes\. R would need [\d,]+ new voters to win a majority of the electoral votes, in [^(]+\(the winner's expected margins there sum to [\d,]+ votes\)\./);
  const json = JSON.parse((await runMain(['flip', 'scenarios/us-2016-pre-election.yaml', '--json'])).stdout);
  assert.equal(json.expected, true);
  assert.match(json.forecast, /^2012 result, polls as of 2016-11-07/);
  const result = await runMain(['flip', '--year', '2016', '--json']);
  assert.equal('expected' in JSON.parse(result.stdout) || 'forecast' in JSON.parse(result.stdout), false);
});

test('flip on a seats scenario counts seats, not electoral votes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-flip-seats-'));
  try {
    writeFileSync(join(dir, 'r.csv'), 'id,name,weight,A,B\n1,One,1,100,90\n2,Two,1,80,95\n3,Three,1,120,110\n4,Four,1,50,70\n5,Five,1,60,40\n');
    writeFileSync(join(dir, 's.yaml'), 'name: seats\nrace: { file: r.csv, format: table }\nrule: seats\nsides: [A, B]\nsimulations: 100\nseed: 1\n');
    const r = await runMain(['flip', join(dir, 's.yaml')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^A won a majority of the seats\. B needed \d+ new voters to win a majority of the seats, in /);
    assert.doesNotMatch(r.stdout, /electoral/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('flip on a multi-candidate scenario: 2022 first round, --candidate LFI needs 421,309 votes to pass RN; text and --json', async () => {
  const r = await runMain(['flip', 'scenarios/france-2022-first-round.yaml', '--candidate', 'LFI', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.kind, 'multi-candidate-flip');
  assert.equal(doc.party, 'LFI');
  assert.deepEqual(doc.qualify, { votes: 421309, second: { party: 'RN', votes: 8133828 } });
  assert.equal(doc.units.length, 107);
  const text = await runMain(['flip', 'scenarios/france-2022-first-round.yaml', '--candidate', 'LFI']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /To qualify for round 2: 421,309 votes \(to pass RN, 8,133,828 national votes\)/);
  // Default: ours, the first of `sides` (RN), a finalist.
  const ours = await runMain(['flip', 'scenarios/france-2022-first-round.yaml', '--json']);
  assert.equal(JSON.parse(ours.stdout).qualify.votes, 0);
});

test('flip on Canada 2011 --candidate NDP: 206,034 votes in 52 ridings for 155 seats, with the tipping point', async () => {
  const r = await runMain(['flip', 'scenarios/canada-2011.yaml', '--candidate', 'NDP']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /NDP holds 103 seats leading on the file's votes; 155 win the race\./);
  assert.match(r.stdout, /To win the race: 206,034 votes in 52 units/);
  assert.match(r.stdout, /Tipping point .*: 13009 Saint John, margin -19\.1 pp, 7,075 votes to lead\./);
});

test('flip refuses --candidate on a two-sided race, an unknown party, and --mode convert on a multi-candidate race (exit 2)', async () => {
  for (const args of [['--year', '2000', '--candidate', 'D'], ['scenarios/canada-2011.yaml', '--candidate', 'XYZ'], ['scenarios/canada-2011.yaml', '--mode', 'convert']]) {
    const r = await runMain(['flip', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--candidate|--mode/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  }
});
