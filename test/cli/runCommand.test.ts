import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runMain, spawnCli, spawnCliSync, waitForSigintHandler } from './cliHarness.js';
import { MANIFEST_NAME } from '../../src/node/writeFileAtomic.js';

const FLORIDA = 'scenarios/florida-2000.yaml';

test('run --json prints one document with the DESIGN §5 keys; probabilities add up to 1', async () => {
  const r = await runMain(['run', FLORIDA, '--sims', '3000', '--seed', '7', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const doc = JSON.parse(r.stdout);
  for (const key of ['seed', 'simulations', 'sides', 'pWin', 'pTie', 'standardError', 'expectedWeight', 'tippingPoint', 'territories', 'scenario', 'version']) assert.ok(key in doc, key);
  assert.deepEqual([doc.seed, doc.simulations, doc.sides], [7, 3000, ['D', 'R']]);
  assert.ok(Math.abs(doc.pWin.D + doc.pWin.R + doc.pTie - 1) < 1e-12);
  assert.equal(doc.territories.length, 56); // 50 states, DC, ME-1, ME-2, NE-1..3
  assert.ok(doc.scenario.citations['campaigns.D.churn'].source.length > 0);
});

test('run with no uncertainty reproduces the 2000 result: Bush 271 electoral votes in every draw', async () => {
  const r = await runMain(['run', FLORIDA, '--sims', '500', '--json', '--set', 'uncertainty={national: 0, regional: 0, territory: 0, tails: 5}', '--set', 'campaigns={}']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  // Apportioned 2000 electoral votes: Bush 271, Gore 267 (FEC, Federal Elections 2000).
  assert.deepEqual([doc.pWin.R, doc.expectedWeight.R, doc.expectedWeight.D], [1, 271, 267]);
});

test('run text: a sure thing from 200 draws gets a Wilson interval, not "100.0% ± 0.00%"; electoral votes are labelled pledged', async () => {
  const r = await runMain(['run', FLORIDA, '--sims', '200', '--set', 'uncertainty={national: 0, regional: 0, territory: 0, tails: 5}', '--set', 'campaigns={}']);
  assert.equal(r.code, 0, r.stderr);
  // Wilson lower end for 200 of 200: 200 / (200 + 1.96²) = 0.9812; for 0 of 200 the upper end is 1 − 0.9812.
  assert.match(r.stdout, /P\(D wins\) 0\.0% \(95% interval 0\.0–1\.9%\) {3}P\(R wins\) 100\.0% \(95% interval 98\.1–100\.0%\)/);
  assert.doesNotMatch(r.stdout, /± 0\.00%/);
  assert.match(r.stdout, /the 95% interval is Monte Carlo error/);
  assert.match(r.stdout, /Expected electoral votes \(pledged by the winner of each unit\): D 267\.0, R 271\.0 \(270 to win\)/);
  assert.match(r.stdout, /Campaign effects, mean net margin votes over the other side \(turnout \+ persuasion \+ relay \+ indirect = total\):\n {2}D: 0 \+ 0 \+ 0 \+ 0 = 0\n {2}R: 0 \+ 0 \+ 0 \+ 0 = 0/);
});

test('run is deterministic: the same seed gives the same document, with 1 or 2 threads or the machine\'s cores (the default), only scenario.threads recording the number run', async () => {
  const args = ['run', FLORIDA, '--sims', '9000', '--seed', '11', '--json'];
  const one = await runMain([...args, '--threads', '1']);
  const two = await runMain([...args, '--threads', '2']);
  const cores = await runMain(args);
  for (const r of [one, two, cores]) assert.equal(r.code, 0, r.stderr);
  const threads = (text: string) => JSON.parse(text).scenario.threads;
  assert.deepEqual([threads(one.stdout), threads(two.stdout), threads(cores.stdout)], [1, Math.min(2, availableParallelism()), availableParallelism()]);
  const strip = (text: string) => {
    const d = JSON.parse(text);
    delete d.scenario.threads;
    return d;
  };
  assert.deepEqual(strip(two.stdout), strip(one.stdout));
  assert.deepEqual(strip(cores.stdout), strip(one.stdout));
});

test('run --out writes summary.json, territories.csv, SVG and PNG charts and briefing.html', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-report-'));
  const r = await runMain(['run', FLORIDA, '--sims', '3000', '--out', dir, '--no-sweep']);
  assert.equal(r.code, 0, r.stderr);
  const files = readdirSync(dir).filter((f) => f !== MANIFEST_NAME).sort();
  for (const name of ['briefing.html', 'summary.json', 'territories.csv', 'weight-distribution.svg', 'weight-distribution.png', 'win-probability-map.svg', 'territory-margins.png']) {
    assert.ok(files.includes(name), `${name} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('.')), 'a temporary file is left');
  assert.ok(!readdirSync(join(dir, '..')).some((f) => f.startsWith(`.${basename(dir)}.`)), 'a staging folder is left');
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  assert.deepEqual(summary.report.files.slice().sort(), files);
  assert.ok(Object.keys(summary.scenario.citations).length > 5);
  const csv = readFileSync(join(dir, 'territories.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 1 + 56);
  const fl = csv.find((l) => l.startsWith('FL,'))!.split(',');
  // Baseline votes: Gore 2,912,253, Bush 2,912,790 (certified).
  assert.deepEqual(fl.slice(0, 5), ['FL', 'Florida', '25', '2912253', '2912790']);
  const png = readFileSync(join(dir, 'weight-distribution.png'));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  assert.match(readFileSync(join(dir, 'briefing.html'), 'utf8'), /P\(D wins\)/);
});

test('rerunning with fewer charts removes the files the new report does not produce', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-report-'));
  assert.equal((await runMain(['run', FLORIDA, '--sims', '2000', '--out', dir])).code, 0);
  assert.ok(existsSync(join(dir, 'win-probability-by-list-size.svg')));
  assert.equal((await runMain(['run', FLORIDA, '--sims', '2000', '--out', dir, '--no-sweep'])).code, 0);
  assert.ok(!existsSync(join(dir, 'win-probability-by-list-size.svg')));
});

/** Seed written in each report file that records it; all must agree. */
function reportSeeds(dir: string): number[] {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).seed;
  const html = Number(/campaign-lab [\d.]+, seed (\d+)/.exec(readFileSync(join(dir, 'briefing.html'), 'utf8'))?.[1]);
  const svg = Number(/draws, seed (\d+)/.exec(readFileSync(join(dir, 'weight-distribution.svg'), 'utf8'))?.[1]);
  return [summary, html, svg];
}


function waitForExit(child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** Entries beside `dir` that a run left: hidden staging folders or folders moved aside. */
function leftovers(dir: string): string[] {
  return readdirSync(dirname(dir)).filter((f) => f.startsWith(`.${basename(dir)}.`));
}

/** Process tests wait for events, not for time; this bounds them only against a hang, on any load. */
const PROCESS_TEST = { timeout: 15 * 60 * 1000 };

test('a run killed (SIGKILL) leaves the previous report intact; the next run cleans up what a killed run left', PROCESS_TEST, async () => {
  const parent = mkdtempSync(join(tmpdir(), 'cl-kill-'));
  const dir = join(parent, 'report');
  assert.equal(spawnCliSync(['run', FLORIDA, '--sims', '2000', '--seed', '1', '--out', dir]).code, 0);
  const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
  const child = spawnCli(['run', FLORIDA, '--sims', '50000000', '--seed', '2', '--out', dir]);
  const exited = waitForExit(child);
  assert.ok(await waitForSigintHandler(child), 'the run ended before it could be killed');
  child.kill('SIGKILL');
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL');
  assert.deepEqual(reportSeeds(dir), [1, 1, 1]);
  for (const [name, content] of Object.entries(before)) assert.ok(readFileSync(join(dir, name)).equals(content), `${name} changed`);
  // What a run killed while swapping leaves: its staging folder and, the report moved aside.
  // Process id 99999999 is above the Linux maximum (2^22): that writer cannot be running.
  const staging = join(parent, '.report.99999999.abc.tmp');
  cpSync(dir, staging, { recursive: true });
  const foreign = join(parent, '.report.99999999.xyz.tmp');
  writeFileSync(foreign, 'not ours: a file, not a folder with our manifest');
  assert.equal(spawnCliSync(['run', FLORIDA, '--sims', '2000', '--seed', '3', '--out', dir]).code, 0);
  assert.deepEqual(reportSeeds(dir), [3, 3, 3]);
  assert.deepEqual(leftovers(dir), ['.report.99999999.xyz.tmp'], 'our stale staging folder is removed, the foreign file kept');
  // A swap cut between its two renames: the report is aside, its place empty; the next run puts it back.
  rmSync(foreign);
  renameSync(dir, join(parent, '.report.99999999.def.old'));
  assert.equal(spawnCliSync(['run', FLORIDA, '--sims', '2000', '--seed', '4', '--out', dir]).code, 0);
  assert.deepEqual(reportSeeds(dir), [4, 4, 4]);
  assert.deepEqual(leftovers(dir), []);
});

test('Ctrl-C (SIGINT) stops a run cleanly: exit 130, previous report intact, no temporary file', PROCESS_TEST, async () => {
  const parent = mkdtempSync(join(tmpdir(), 'cl-sigint-'));
  const dir = join(parent, 'report');
  assert.equal(spawnCliSync(['run', FLORIDA, '--sims', '2000', '--seed', '1', '--out', dir]).code, 0);
  const child = spawnCli(['run', FLORIDA, '--sims', '50000000', '--seed', '2', '--threads', '2', '--out', dir]);
  const exited = waitForExit(child);
  assert.ok(await waitForSigintHandler(child), 'the run ended before Ctrl-C');
  child.kill('SIGINT');
  const { code, stderr } = await exited;
  assert.equal(code, 130, stderr);
  assert.equal(stderr, 'campaign-lab: interrupted\n');
  assert.deepEqual(reportSeeds(dir), [1, 1, 1]);
  assert.deepEqual(leftovers(dir), []);
});

test('two runs sharing --out leave one whole report, of one seed, and nothing else', PROCESS_TEST, async () => {
  const parent = mkdtempSync(join(tmpdir(), 'cl-shared-'));
  const dir = join(parent, 'report');
  const runs = [5, 6].map((seed) => {
    const child = spawnCli(['run', FLORIDA, '--sims', '2000', '--seed', String(seed), '--out', dir, '--no-sweep']);
    return waitForExit(child);
  });
  const outcomes = await Promise.all(runs);
  for (const o of outcomes) assert.equal(o.code, 0, o.stderr);
  const seeds = reportSeeds(dir);
  assert.ok(seeds[0] === 5 || seeds[0] === 6, String(seeds));
  assert.deepEqual(seeds, [seeds[0], seeds[0], seeds[0]]);
  assert.deepEqual(leftovers(dir), []);
});

test('run on ridings numbered 10–30 ranks tipping points by frequency in JSON, text and the briefing, not by id', async () => {
  // test/fixtures/races/ridings-seats.csv: 21 made-up ridings with whole-number ids (as riding numbers,
  // FIPS codes or départements 10–95 are), safe for LIB in 10–16, close in 17–23, safe for PC in 24–30.
  const dir = mkdtempSync(join(tmpdir(), 'cl-ridings-'));
  const scenario = join(dir, 'ridings.yaml');
  writeFileSync(scenario, ['name: Ridings by number', `race: { file: ${JSON.stringify(join(process.cwd(), 'test/fixtures/races/ridings-seats.csv'))}, format: table }`, 'rule: seats', 'sides: [LIB, PC]', 'simulations: 20000', 'seed: 5', ''].join('\n'));
  const json = await runMain(['run', scenario, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout) as { tippingPoint: { id: string; name: string; frequency: number }[]; tippingBasis: string; electoralCollegeBias: { basis: string; meanPp: number } };
  assert.ok(Array.isArray(doc.tippingPoint));
  const frequencies = doc.tippingPoint.map((t) => t.frequency);
  assert.deepEqual(frequencies, frequencies.slice().sort((x, y) => y - x), 'most frequent first, after JSON');
  assert.ok(['19', '20', '21'].includes(doc.tippingPoint[0].id), `the median riding tips most, got ${doc.tippingPoint[0].id}`);
  assert.ok(doc.tippingPoint[0].frequency > 0.2);
  assert.equal(doc.tippingBasis, 'all-votes');
  assert.equal(doc.electoralCollegeBias.basis, 'all-votes');
  // Text: the five most frequent in the same order, said to be on margins over all votes cast.
  const text = await runMain(['run', scenario]);
  const line = /^Tipping point \(share of simulations; units ordered by simulated margin over all votes cast, as published tables do\): (.*)$/m.exec(text.stdout);
  assert.ok(line, text.stdout);
  assert.deepEqual(line[1].split(', ').map((entry) => entry.split(' ')[0]), doc.tippingPoint.slice(0, 5).map((t) => t.id));
  assert.match(text.stdout, /^Seat bias \(tipping-point margin − national margin, over all votes cast, mean\): /m);
  // The page: the headline names the most frequent tipping point with its share.
  const out = join(dir, 'report');
  assert.equal((await runMain(['run', scenario, '--out', out])).code, 0);
  const html = readFileSync(join(out, 'briefing.html'), 'utf8');
  const top = doc.tippingPoint[0];
  const headline = `the most frequent tipping point is ${top.name.replace(/'/g, '&#39;')} (${(top.frequency * 100).toFixed(1)}%)`;
  assert.ok(html.includes(headline), headline);
});

test('a run of 2012 without error tips in Colorado with a 1.5 pp bias toward D in text and page: the all-votes convention', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-2012-'));
  const scenario = join(dir, 'us2012.yaml');
  writeFileSync(scenario, ['name: 2012 replayed', 'country: us', 'year: 2012', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 200', 'seed: 1', 'uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 }', ''].join('\n'));
  const text = await runMain(['run', scenario]);
  assert.equal(text.code, 0, text.stderr);
  // On the two-party margin it would be Pennsylvania (5.46 − 3.93 = 1.54 pp).
  assert.match(text.stdout, /: CO 100\.0%\n/);
  assert.match(text.stdout, /^Electoral-college bias \(tipping-point margin − national margin, over all votes cast, mean\): 1\.5 pp toward D$/m);
  const out = join(dir, 'report');
  assert.equal((await runMain(['run', scenario, '--out', out])).code, 0);
  const html = readFileSync(join(out, 'briefing.html'), 'utf8');
  assert.ok(html.includes('100.0% of simulations; electoral-college bias 1.5 pp toward D (margins over all votes cast)'));
  assert.ok(html.includes('>Colorado<'));
});

test('the same 100,000 D relays give different net votes in Wyoming and in DC (relay contacts lean as their territory does)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relays-'));
  const relay = async (state: string) => {
    const file = join(dir, `${state}.yaml`);
    writeFileSync(file, `name: relays ${state}\ncountry: us\nyear: 2020\nsides: [D, R]\nrule: electoral-college\nsimulations: 500\nseed: 1\ncampaigns:\n  D:\n    listSize: 100000\n    volunteers: 1\n    allocation: { counts: { ${state}: 100000 } }\n    channels: { relay: { persuasion: 0 } }\n`);
    const r = await runMain(['run', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout).effects.D.relay as number;
  };
  const wy = await relay('WY');
  const dc = await relay('DC');
  // Same relays, same draws: DC (about 94 % D) nets far more per relay vote than Wyoming (about 28 % D).
  assert.ok(dc > 5 * wy && wy > 0, `WY ${wy}, DC ${dc}`);
});

test('territories.csv shows a side\'s campaign net negative where its relays\' contacts lean the other way (Pennsylvania counties)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-'));
  const r = await runMain(['run', 'scenarios/pennsylvania-2024-counties.yaml', '--sims', '500', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  const rows = readFileSync(join(dir, 'territories.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
  const column = rows[0].indexOf('"D_campaign_net_margin_votes"');
  assert.ok(column > 0, rows[0].join(','));
  const net = new Map(rows.slice(1).map((row) => [row[1], Number(row[column])]));
  // Fulton County (about 14 % D): D relays' contacts are mostly R voters there.
  assert.ok(net.get('Fulton County')! < 0, String(net.get('Fulton County')));
  assert.ok(net.get('Philadelphia County')! > 0);
});

test('run reports the assumptions interval of P(win) and of the campaigns\' votes apart from the Monte Carlo one; the briefing shows what the list is worth and its top three assumptions', async () => {
  const json = await runMain(['run', 'scenarios/default.yaml', '--sims', '2000', '--assumption-draws', '4', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const a = JSON.parse(json.stdout).assumptions;
  assert.deepEqual([a.draws, a.simulations], [4, 2000]);
  for (const side of ['D', 'R']) {
    assert.ok(a.pWin[side].low <= a.pWin[side].high);
    // The relay assumptions move the relay votes: a real spread, the total's mean inside its interval.
    assert.ok(a.votes[side].relay.high > a.votes[side].relay.low, JSON.stringify(a.votes[side]));
    assert.ok(a.votes[side].total.low <= a.votes[side].total.mean && a.votes[side].total.mean <= a.votes[side].total.high);
  }
  assert.equal(a.listEffect, undefined, 'no list effect without a briefing');
  const text = await runMain(['run', 'scenarios/default.yaml', '--sims', '2000', '--assumption-draws', '4']);
  assert.match(text.stdout, /Assumptions interval \(5th-95th percentiles over 4 joint draws of every mechanism's prior, 2,000 simulations each; not Monte Carlo error\):\n {2}P\(D wins\) \d+\.\d–\d+\.\d%/);
  const off = JSON.parse((await runMain(['run', 'scenarios/default.yaml', '--sims', '500', '--assumption-draws', '0', '--json'])).stdout);
  assert.equal(off.assumptions, undefined);

  const dir = mkdtempSync(join(tmpdir(), 'cl-worth-'));
  try {
    const r = await runMain(['run', 'scenarios/default.yaml', '--sims', '2000', '--assumption-draws', '4', '--out', dir]);
    assert.equal(r.code, 0, r.stderr);
    const effect = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).report.assumptions.listEffect;
    assert.equal(effect.side, 'D');
    assert.ok(effect.deltaPWin.low <= effect.deltaPWin.high);
    const shares = effect.shares.map((s: { share: number }) => s.share);
    assert.ok(shares.reduce((x: number, y: number) => x + y, 0) <= 1 + 1e-12);
    assert.deepEqual(shares, [...shares].sort((x: number, y: number) => y - x));
    const html = readFileSync(join(dir, 'briefing.html'), 'utf8');
    const box = html.slice(html.indexOf('What the list is worth'));
    assert.ok(html.includes('What the list is worth, and what that rests on'));
    assert.match(box, /the assumptions interval, the 5th to 95th percentiles over 4 joint draws/);
    assert.equal((box.slice(0, box.indexOf('</table>')).match(/<tr>/g) ?? []).length, 1 + 3, 'a header row and the top three assumptions');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('run --out: the list-size sweep\'s point at today\'s list is the run\'s own P(win), and another point is `run --set` at its size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-sweep-'));
  const r = await runMain(['run', FLORIDA, '--sims', '4000', '--seed', '3', '--assumption-draws', '0', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const points = summary.report.listSizeSweep.points as { value: number; pWin: number }[];
  assert.deepEqual(points.map((p) => p.value), [0, 675000, 1350000, 2025000, 2700000, 4050000, 5400000, 8100000]);
  assert.equal(points[4].pWin, summary.pWin.D);
  const doubled = JSON.parse((await runMain(['run', FLORIDA, '--sims', '4000', '--seed', '3', '--assumption-draws', '0', '--set', 'campaigns.D.listSize=5400000', '--json'])).stdout);
  assert.equal(points[6].pWin, doubled.pWin.D);
  assert.notEqual(points[6].pWin, points[4].pWin);
});
