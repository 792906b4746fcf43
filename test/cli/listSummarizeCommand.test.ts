import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFakeSupporters } from '../../bench/fakeSupporters.js';
import type { FakeRow } from '../../bench/fakeSupporters.js';
import { runMain, spawnCliSync } from './cliHarness.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-privacy-'));

/** Every identifying string of the fake rows (and the first name + number token of each name). */
function secrets(rows: FakeRow[]): string[] {
  return rows.flatMap((r) => [r.name, r.email, r.phone, r.street, r.name.split(' ')[1], ...(r.territory.includes('@') ? [r.territory] : [])]);
}

function assertNoSecret(text: string, all: string[], where: string): void {
  for (const s of all) assert.ok(!text.includes(s), `${where} contains ${JSON.stringify(s)}`);
}

test('list summarize never prints or writes a name, e-mail, phone or street, whatever the outcome', async () => {
  const rows = await writeFakeSupporters(join(dir, 'us.csv'), { rows: 2000, country: 'us', seed: 7, keep: true, crlf: true });
  const frRows = await writeFakeSupporters(join(dir, 'fr.csv'), { rows: 2000, country: 'fr', seed: 8, keep: true, separator: ';' });
  const all = [...secrets(rows), ...secrets(frRows)];
  // A file whose quote never closes, and one with a non-UTF-8 byte halfway, built from the same rows.
  const usText = readFileSync(join(dir, 'us.csv'), 'utf8');
  const cut = usText.indexOf('\n', usText.length >> 1) + 1;
  writeFileSync(join(dir, 'unclosed.csv'), `${usText}"${rows[5].name},${rows[5].email},${rows[5].phone}\n`);
  writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from(usText.slice(0, cut)), Buffer.from([0xe9]), Buffer.from(usText.slice(cut))]));

  const runs: [string[], number][] = [
    [['us.csv', '--country', 'us', '--territory-column', 'state', '--json', '--out', 'us-counts.json'], 0],
    [['us.csv', '--country', 'us', '--territory-column', 'state'], 0],
    [['fr.csv', '--country', 'fr', '--territory-column', 'code postal', '--out', 'fr-counts.json'], 0],
    [['us.csv', '--country', 'fr', '--territory-column', 'state', '--json'], 0], // wrong country: all unrecognised
    [['us.csv', '--country', 'us', '--territory-column', 'email'], 0], // the wrong column: e-mails are unrecognised
    [['us.csv', '--country', 'us', '--territory-column', 'zip'], 2],
    [['unclosed.csv', '--country', 'us', '--territory-column', 'state', '--out', 'x.json'], 2],
    [['latin1.csv', '--country', 'us', '--territory-column', 'state', '--json'], 2],
  ];
  // Two runs as real processes (whatever Node itself might print is scanned too), the rest in-process.
  for (const [i, [args, code]] of runs.entries()) {
    const r = i === 0 || i === runs.length - 1 ? spawnCliSync(['list', 'summarize', ...args], { cwd: dir }) : await runMain(['list', 'summarize', ...args], { cwd: dir });
    assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    assertNoSecret(r.stdout, all, `stdout of ${args.join(' ')}`);
    assertNoSecret(r.stderr, all, `stderr of ${args.join(' ')}`);
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    assertNoSecret(readFileSync(join(dir, name), 'utf8'), all, name);
  }
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), ['fr-counts.json', 'us-counts.json']);
});

test('list summarize --json prints one document whose counts match an independent tally', async () => {
  const rows = await writeFakeSupporters(join(dir, 'tally.csv'), { rows: 3000, country: 'us', seed: 3, keep: true });
  // Independent tally: the generator's territory forms, mapped by hand.
  const byHand: Record<string, string> = {
    FL: 'FL', PA: 'PA', mi: 'MI', Wisconsin: 'WI', ARIZONA: 'AZ', ga: 'GA', 'North Carolina': 'NC', NV: 'NV', tx: 'TX',
    California: 'CA', NY: 'NY', oh: 'OH', 'District of Columbia': 'DC', ME: 'ME', ne: 'NE', 'New Hampshire': 'NH',
  };
  const expected: Record<string, number> = {};
  let empty = 0;
  let unrecognised = 0;
  for (const r of rows) {
    if (r.territory === '') empty += 1;
    else if (byHand[r.territory]) expected[byHand[r.territory]] = (expected[byHand[r.territory]] ?? 0) + 1;
    else unrecognised += 1;
  }
  const r = await runMain(['list', 'summarize', 'tally.csv', '--country', 'us', '--territory-column', 'state', '--json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.counts, Object.fromEntries(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : 1))));
  assert.deepEqual(doc.unplaced, { empty, unrecognised, 'missing-column': 0 });
  assert.equal(doc.rows, 3000);
});

test('the counts file feeds a scenario allocation directly: list summarize --out, then run', async () => {
  const work = mkdtempSync(join(tmpdir(), 'cl-counts-'));
  await writeFakeSupporters(join(work, 'list.csv'), { rows: 5000, country: 'us', seed: 5 });
  const summary = await runMain(['list', 'summarize', 'list.csv', '--country', 'us', '--territory-column', 'state', '--out', 'counts.json', '--json'], { cwd: work });
  assert.equal(summary.code, 0, summary.stderr);
  const counts = JSON.parse(summary.stdout);
  writeFileSync(
    join(work, 'scenario.yaml'),
    [
      '# yaml-language-server: $schema=./scenario.schema.json',
      'name: own list',
      'country: us',
      'year: 2020',
      'rule: electoral-college',
      'sides: [D, R]',
      'simulations: 500',
      'seed: 1',
      'campaigns:',
      '  D: { allocation: { file: counts.json }, channels: { phone: {} } }',
      '',
    ].join('\n'),
  );
  const r = await runMain(['run', 'scenario.yaml', '--json'], { cwd: work });
  assert.equal(r.code, 0, r.stderr);
  const resolved = JSON.parse(r.stdout).scenario;
  assert.equal(resolved.campaigns.D.listSize, counts.placed);
  for (const [id, n] of Object.entries(counts.counts)) assert.equal(resolved.campaigns.D.allocation[id], n, id);
});
