import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';
import { loadTableRace } from '../../src/node/data/loadMultiCandidateRace.js';
import { closestLoss as closestLossIn } from '../race/closestLoss.js';

const ZERO = ['--set', 'uncertainty.national=0', '--set', 'uncertainty.regional=0', '--set', 'uncertainty.territory=0'];

/** Canada 2011 with a CPC list whose door channel mobilises exactly a tenth of its members (fixed effect, nobody certain, no churn). */
function canadaWithList(dir: string): string {
  const file = join(dir, 'canada.yaml');
  writeFileSync(
    file,
    [
      'name: Canada 2011 with a CPC list',
      'race: { bundled: ca-2011-federal-ridings }',
      'rule: plurality',
      'sides: [CPC, NDP]',
      'simulations: 20',
      'seed: 2011',
      'campaigns:',
      '  CPC:',
      '    allocation: { counts: { "10001": 1 } }',
      '    churn: 0',
      '    certainShare: 0',
      '    channels: { door: { coverage: 1, contactRate: 1, contacts: 1, effect: 10, persuasion: 0 } }',
      '',
    ].join('\n'),
  );
  return file;
}

/** The riding CPC lost by the fewest votes, and the gap. */
function closestLoss(): { id: string; gap: number } {
  const race = loadTableRace('ca-2011-federal-ridings');
  const { u, gap } = closestLossIn(race);
  return { id: race.units.ids[u]!, gap };
}

test('value on Canada 2011 with zero uncertainty: supporters that mobilise more than the gap turn the closest riding CPC lost, ranked first at +1 seat', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-value-'));
  const { id, gap } = closestLoss();
  const add = 10 * (gap + 2);
  const r = await runMain(['value', canadaWithList(dir), '--side', 'CPC', '--add', String(add), '--json', ...ZERO]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.kind, 'multi-candidate');
  assert.equal(doc.objective, 'seats');
  assert.equal(doc.base.seats, 166);
  assert.equal(doc.units[0].id, id);
  assert.deepEqual(doc.units[0].change.seats, { mean: 1, low: 1, high: 1, standardError: 0 });
  // Nowhere else does 10 × (gap + 2) supporters turn a riding lost by more than gap + 2.
  const turned = doc.units.filter((u: { change: { seats: { mean: number } } }) => u.change.seats.mean !== 0);
  assert.ok(turned.length >= 1 && turned.every((u: { change: { seats: { mean: number } } }) => u.change.seats.mean === 1));
  const text = await runMain(['value', canadaWithList(dir), '--side', 'CPC', '--add', String(add), ...ZERO]);
  assert.match(text.stdout, /^Adding [\d,]+ CPC supporters in each unit: change in CPC's expected seats, 20 paired simulations, seed 2011/);
});

test('compare on the 2022 first round: a bigger list for Mélenchon raises his P(qualify), paired (no election lost), and each side equals its own run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-compare-'));
  const file = join(dir, 'fr.yaml');
  writeFileSync(
    file,
    'name: x\nrace: { bundled: fr-2022-president-t1 }\nrule: two-round\nsides: [LFI, RN]\nsimulations: 600\nseed: 2022\ncampaigns:\n  LFI:\n    listSize: 2000000\n    channels: { door: { contactRate: 1, effect: { central: 7, low: 4, high: 10 } } }\n',
  );
  const r = await runMain(['compare', file, '--set', 'campaigns.LFI.listSize=6e6', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.objective, 'pQualify');
  assert.ok(doc.difference.pQualify.low > 0, JSON.stringify(doc.difference.pQualify));
  assert.equal(doc.difference.pQualify.lost, 0);
  assert.equal(doc.difference.pQualify.gained, Math.round(doc.difference.pQualify.mean * 600));
  const alone = await runMain(['run', file, '--set', 'campaigns.LFI.listSize=6e6', '--json']);
  assert.equal(JSON.parse(alone.stdout).candidates[0].pQualify, doc.variant.pQualify);
  const other = await runMain(['compare', file, '--set', 'rule=popular-vote']);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /--set must be changes to campaigns\.\* only on a multi-candidate race/);
});

test('allocate on Canada 2011 with zero uncertainty: the greedy plan turns a seat, at least as many as the same supporters spread as CPC\'s votes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-allocate-'));
  const { id, gap } = closestLoss();
  // One chunk buys 10 × (gap + 2) supporters: enough for the closest riding.
  const budget = 10 * (gap + 2) * 5;
  const r = await runMain(['allocate', canadaWithList(dir), '--side', 'CPC', '--budget', String(budget), '--cost-per-supporter', '5', '--steps', '1', '--candidates', '3', '--json', ...ZERO]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  const [optimum, proportional] = doc.plans;
  assert.deepEqual(Object.keys(optimum.allocation), [id]);
  assert.equal(optimum.change.seats.mean, 1);
  assert.ok(optimum.change.seats.mean >= proportional.change.seats.mean);
  const missing = await runMain(['allocate', canadaWithList(dir), '--side', 'CPC', '--budget', '1000', ...ZERO]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--cost-per-supporter must be a positive amount/);
});

test('run on a multi-candidate race reads our list from a counts file (allocation: {file}), and names an unknown unit of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-counts-'));
  writeFileSync(join(dir, 'counts.json'), JSON.stringify({ '75': 1000, '13': 500 }));
  const body = (counts: string) => `name: x\nrace: { bundled: fr-2022-president-t1 }\nrule: two-round\nsides: [LFI, RN]\nsimulations: 20\nseed: 1\ncampaigns:\n  LFI:\n    allocation: { file: ${counts} }\n`;
  writeFileSync(join(dir, 'fr.yaml'), body('counts.json'));
  const r = await runMain(['run', join(dir, 'fr.yaml'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).notes.some((n: string) => /campaign for LFI \(.*\): a list of 1,500 supporters \(email\)/.test(n)));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ '75': 1000, '9Z': 5 }));
  writeFileSync(join(dir, 'bad.yaml'), body('bad.json'));
  const bad = await runMain(['run', join(dir, 'bad.yaml')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /9Z/);
  assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/);
});

test('allocate on a multi-candidate race leaves a chunk unspent, and says so, where no candidate unit has room for it under its eligible voters', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-room-'));
  const file = join(dir, 'fr.yaml');
  writeFileSync(file, 'name: x\nrace: { bundled: fr-2022-president-t1 }\nrule: two-round\nsides: [LFI, RN]\nsimulations: 20\nseed: 1\ncampaigns:\n  LFI:\n    listSize: 100000\n    channels: { email: {} }\n');
  // 10 M supporters in one chunk: more than any département's registered voters.
  const r = await runMain(['allocate', file, '--side', 'LFI', '--budget', '5e7', '--cost-per-supporter', '5', '--steps', '1', '--candidates', '2', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.plans[0].allocation, {});
  assert.ok(doc.notes.some((n: string) => n === '1 of 1 chunks left unspent: no candidate unit has room for another chunk under its eligible voters'));
  assert.equal(doc.plans[0].change.pQualify.mean, 0);
});

test('run on a multi-candidate race with our campaign reports what the campaign changes against none on the same elections, in text, JSON and the French briefing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'multi-run-campaign-'));
  const { id, gap } = closestLoss();
  const members = 10 * (gap + 2);
  const file = join(dir, 'canada.yaml');
  writeFileSync(file, readCanada(dir).replace('"10001": 1', `"${id}": ${members}`));
  const json = await runMain(['run', file, '--json', ...ZERO]);
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  // With zero uncertainty the list turns exactly the closest riding CPC lost: +1 seat in every election.
  assert.deepEqual(doc.campaign.seats, { mean: 1, low: 1, high: 1 });
  assert.equal(doc.campaign.party, 'CPC');
  assert.equal(doc.campaign.listSize, members);
  assert.ok(doc.campaign.netVotes > gap && doc.campaign.netVotes <= members / 10 + 1e-9, String(doc.campaign.netVotes));
  const text = await runMain(['run', file, ...ZERO]);
  assert.match(text.stdout, /Campaign for CPC, against none on the same elections: nets [\d,]+ votes per election; P\(win\) [+−][\d.]+ pp \(90% .*\), seats \+1\.00 seats \(90% \+1\.00 to \+1\.00\)/);
  // Without a campaign, no such line or key.
  const plain = await runMain(['run', 'scenarios/canada-2011.yaml', '--sims', '50', '--json']);
  assert.equal(JSON.parse(plain.stdout).campaign, undefined);
  // A French race's page carries the card in French.
  const fr = join(dir, 'fr.yaml');
  writeFileSync(fr, [
    'name: France 2022, a list for LFI',
    'race: { bundled: fr-2022-president-t1 }',
    'rule: two-round',
    'sides: [LFI, RN]',
    'simulations: 200',
    'seed: 2022',
    'campaigns:',
    '  LFI:',
    '    listSize: 2500000',
    '    channels: { email: {}, relay: {} }',
    '',
  ].join('\n'));
  const out = join(dir, 'out');
  const report = await runMain(['run', fr, '--out', out]);
  assert.equal(report.code, 0, report.stderr);
  const page = readFileSync(join(out, 'briefing.html'), 'utf8');
  assert.match(page, /Campagne de [^<]*: variation de P\(accède au second tour\)/);
  assert.match(page, /un fichier de 2\u202f500\u202f000 personnes rapporte/);
});

/** The Canada scenario text canadaWithList writes. */
function readCanada(dir: string): string {
  return readFileSync(canadaWithList(dir), 'utf8');
}
