import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFakeSupporters } from '../../bench/fakeSupporters.js';
import type { FakeRow } from '../../bench/fakeSupporters.js';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { runMain, spawnCliSync } from './cliHarness.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-privacy-'));

/** Every identifying string of the fake rows (and the first name + number token of each name). */
function secrets(rows: FakeRow[]): string[] {
  return rows.flatMap((r) => [r.name, r.email, r.phone, r.street, r.name.split(' ')[1], ...(r.territory.includes('@') ? [r.territory] : [])]);
}

function quote(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function assertNoSecret(text: string, all: string[], where: string): void {
  for (const s of all) assert.ok(!text.includes(s), `${where} contains ${JSON.stringify(s)}`);
}

test('list summarize never prints or writes a name, e-mail, phone or street, whatever the path and the outcome', async () => {
  const rows = await writeFakeSupporters(join(dir, 'us.csv'), { rows: 2000, country: 'us', seed: 7, keep: true, crlf: true });
  const frRows = await writeFakeSupporters(join(dir, 'fr.csv'), { rows: 2000, country: 'fr', seed: 8, keep: true, separator: ';' });
  const all = [...secrets(rows), ...secrets(frRows)];
  // A file whose quote never closes, and one with a non-UTF-8 byte halfway, built from the same rows.
  const usText = readFileSync(join(dir, 'us.csv'), 'utf8');
  const cut = usText.indexOf('\n', usText.length >> 1) + 1;
  writeFileSync(join(dir, 'unclosed.csv'), `${usText}"${rows[5].name},${rows[5].email},${rows[5].phone}\n`);
  writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from(usText.slice(0, cut)), Buffer.from([0xe9]), Buffer.from(usText.slice(cut))]));
  // The same people in the other formats and encodings a list arrives in.
  const frText = readFileSync(join(dir, 'fr.csv'), 'utf8').replace(/^\uFEFF/, '').replace(/’/g, "'");
  writeFileSync(join(dir, 'fr-latin1.csv'), iconv.encode(frText, 'latin1'));
  writeFileSync(join(dir, 'fr-unicode.txt'), iconv.encode(`\uFEFF${frText.replace(/;/g, '\t')}`, 'utf-16le'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Supporters');
  sheet.addRow(['name', 'email', 'phone', 'street', 'state']);
  for (const r of rows) sheet.addRow([r.name, r.email, r.phone, r.street, r.territory]);
  await workbook.xlsx.writeFile(join(dir, 'us.xlsx'));
  // A Mailchimp-like export with a country column, and one where people typed their name, e-mail or
  // phone into the state field of one row in two (placed under half: the warning path), and one in ten.
  const mc = ['Email Address,First Name,Phone Number,Region,Country', ...rows.map((r, i) => [r.email, r.name, r.phone, r.territory, i % 5 === 0 ? 'AU' : 'US'].map(quote).join(','))];
  writeFileSync(join(dir, 'mailchimp.csv'), `${mc.join('\n')}\n`);
  const typed = (every: number) => ['name,email,phone,state', ...rows.map((r, i) => [r.name, r.email, r.phone, i % every === 0 ? [r.name, r.email, r.phone][i % 3] : r.territory].map(quote).join(','))];
  writeFileSync(join(dir, 'typed-names.csv'), `${typed(2).join('\n')}\n`);
  writeFileSync(join(dir, 'typed-some.csv'), `${typed(10).join('\n')}\n`);
  writeFileSync(join(dir, 'header-only.csv'), 'name,email,phone,state\n');

  const runs: [string[], number][] = [
    [['us.csv', '--country', 'us', '--territory-column', 'state', '--json', '--out', 'us-counts.json'], 0],
    [['us.csv', '--country', 'US', '--territory-column', 'state'], 0],
    [['fr.csv', '--country', 'fr', '--territory-column', 'code postal', '--out', 'fr-counts.json'], 0],
    [['fr-latin1.csv', '--country', 'fr', '--territory-column', 'code postal', '--out', 'fr-latin1-counts.json'], 0],
    [['fr-unicode.txt', '--country', 'fr', '--territory-column', 'code postal', '--json'], 0],
    [['us.xlsx', '--country', 'us', '--territory-column', 'state', '--out', 'xlsx-counts.json'], 0],
    [['mailchimp.csv', '--country', 'us', '--territory-column', 'region', '--json'], 0], // warns: rows of AU
    [['mailchimp.csv', '--country', 'us', '--territory-column', 'region', '--country-column', 'country', '--country-value', 'us', '--out', 'mc-counts.json'], 0],
    [['typed-names.csv', '--country', 'us', '--territory-column', 'state', '--json'], 0], // warns: few placed
    [['typed-some.csv', '--country', 'us', '--territory-column', 'state', '--out', 'typed-counts.json'], 0], // lists unrecognised values
    [['us.csv', '--country', 'fr', '--territory-column', 'state', '--json'], 2], // wrong country: none placed
    [['us.csv', '--country', 'us', '--territory-column', 'email', '--out', 'never.json'], 2], // the wrong column: e-mails
    [['us.csv', '--country', 'us', '--territory-column', 'name'], 2], // the wrong column: names
    [['mailchimp.csv', '--country', 'us', '--territory-column', 'region', '--country-column', 'country', '--country-value', 'fr'], 2],
    [['header-only.csv', '--country', 'us', '--territory-column', 'state'], 2],
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
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), ['fr-counts.json', 'fr-latin1-counts.json', 'mc-counts.json', 'typed-counts.json', 'us-counts.json', 'xlsx-counts.json']);
  // The same list gives the same counts from CSV and from the workbook, and from UTF-8 and Latin-1.
  const counts = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')).counts;
  assert.deepEqual(counts('xlsx-counts.json'), counts('us-counts.json'));
  const buckets = (name: string) => {
    const d = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    return [d.rows, d.placed, d.empty, d.filtered, d.unrecognisedByReason];
  };
  assert.deepEqual(buckets('xlsx-counts.json'), buckets('us-counts.json'));
  assert.deepEqual(counts('fr-latin1-counts.json'), counts('fr-counts.json'));
  // A scenario fed the counts of a list mostly left out warns, and prints no personal data either.
  await runMain(['list', 'summarize', 'typed-names.csv', '--country', 'us', '--territory-column', 'state', '--out', 'few.json'], { cwd: dir });
  writeFileSync(join(dir, 'few.yaml'), 'name: few\ncountry: us\nyear: 2020\nrule: electoral-college\nsides: [D, R]\nsimulations: 200\nseed: 1\ncampaigns:\n  D: { allocation: { file: few.json }, channels: { phone: {} } }\n');
  const run = await runMain(['run', 'few.yaml', '--json'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^campaign-lab: warning: few\.json: only \d+ of the list's 2000 rows were placed in a territory; campaigns\.D\.allocation counts only those\n$/);
  assertNoSecret(run.stdout + run.stderr, all, 'run with few.json');
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
  assert.deepEqual([doc.empty, doc.unrecognised, doc.filtered, doc.rows], [empty, unrecognised, 0, 3000]);
  assert.equal(doc.rows, doc.placed + doc.empty + doc.filtered + doc.unrecognised);
  // The generator's unrecognised cells are e-mail addresses typed into the state column.
  assert.equal(doc.unrecognisedByReason.email, unrecognised);
  assert.deepEqual(doc.unrecognisedValues, []);
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

test('list summarize prints and writes no value that is not a code or close to a territory name: names, e-mails and phones in every column', async () => {
  const work = mkdtempSync(join(tmpdir(), 'cl-every-column-'));
  // Made-up people. Each identity is typed into every column of at least three rows (so the three-row
  // rule alone would let it through), in lists that place more than half their rows (so values are listed).
  const people = [
    ['Seán Flores', 'sean.flores@example.org', '+1 (215) 555-0142'],
    ['Amanda Torres', 'amanda.torres@example.org', '215-555-0199'],
    ['Chloé Martin', 'chloe.martin@example.fr', '06 12 34 56 78'],
    ['Jean-Baptiste Leroy', 'jb.leroy@example.fr', '+33 1 40 20 30 40'],
  ];
  const secrets = people.flat().concat(people.map((p) => p[0].split(' ')[1]!), ['sean.flores', 'amanda.torres']);
  const header = ['name', 'email', 'phone', 'state', 'zip', 'country', 'city'];
  const good = { us: ['PA', '19103', 'US', 'Philadelphia'], fr: ['34', '34000', 'FR', 'Montpellier'] };
  const build = (country: 'us' | 'fr') => {
    const lines = [header.join(',')];
    for (let i = 0; i < 60; i++) lines.push(quoteRow([...people[i % 4]!, ...good[country]]));
    // Every identity (name, e-mail, phone) in every column, four rows each.
    for (let column = 0; column < header.length; column++) {
      for (const person of people) {
        for (const value of person) {
          for (let k = 0; k < 4; k++) {
            const row = [...person, ...good[country]];
            row[column] = value;
            lines.push(quoteRow(row));
          }
        }
      }
    }
    return `${lines.join('\n')}\n`;
  };
  writeFileSync(join(work, 'us.csv'), build('us'));
  writeFileSync(join(work, 'fr.csv'), build('fr'));
  const runs: string[][] = [];
  for (const country of ['us', 'fr']) {
    for (const column of ['state', 'zip']) {
      runs.push([`${country}.csv`, '--country', country, '--territory-column', column, '--out', `${country}-${column}.json`]);
      runs.push([`${country}.csv`, '--country', country, '--territory-column', column, '--json']);
      runs.push([`${country}.csv`, '--country', country, '--territory-column', column, '--country-column', 'country', '--country-value', country]);
      runs.push([`${country}.csv`, '--country', country, '--territory-column', column, '--country-column', 'none']);
    }
    // The wrong columns: names, e-mails, phones; and a country column that holds them.
    for (const column of ['name', 'email', 'phone', 'city']) runs.push([`${country}.csv`, '--country', country, '--territory-column', column]);
    runs.push([`${country}.csv`, '--country', country, '--territory-column', 'state', '--country-column', 'name', '--country-value', 'Seán Flores']);
  }
  let listed = 0;
  for (const args of runs) {
    const r = await runMain(['list', 'summarize', ...args], { cwd: work });
    assert.ok(r.code === 0 || r.code === 2, `${args.join(' ')}: ${r.stderr}`);
    assertNoSecret(r.stdout, secrets, `stdout of ${args.join(' ')}`);
    assertNoSecret(r.stderr, secrets, `stderr of ${args.join(' ')}`);
    if (/Most frequent unrecognised values/.test(r.stdout)) listed++;
  }
  for (const name of readdirSync(work).filter((f) => f.endsWith('.json'))) assertNoSecret(readFileSync(join(work, name), 'utf8'), secrets, name);
  assert.equal(readdirSync(work).filter((f) => f.endsWith('.json')).length, 4);
  // The lists place most rows, so the listing path ran; what it listed is codes only.
  const doc = JSON.parse(readFileSync(join(work, 'us-state.json'), 'utf8'));
  assert.ok(doc.placed / doc.rows >= 0.5);
  assert.equal(listed, 0, 'no unrecognised value here is a code or a typo of a territory');
});

function quoteRow(cells: string[]): string {
  return cells.map(quote).join(',');
}

test('listSize with a counts file: the counts give the spread and listSize the size, in run, --set, value, allocate, compare and the briefing', async () => {
  const work = mkdtempSync(join(tmpdir(), 'cl-size-and-counts-'));
  const fixtures = join(process.cwd(), 'test', 'fixtures', 'lists');
  // A US export (made-up people): 30 supporters placed in 9 states.
  assert.equal((await runMain(['list', 'summarize', join(fixtures, 'actionnetwork-us.csv'), '--country', 'us', '--territory-column', 'can2_state_abbreviated', '--out', 'us-counts.json'], { cwd: work })).code, 0);
  const usCounts = JSON.parse(readFileSync(join(work, 'us-counts.json'), 'utf8')).counts as Record<string, number>;
  const us = ['name: list of 800,000 spread like an export', 'country: us', 'year: 2024', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 4000', 'seed: 7', 'campaigns:', '  D: { listSize: 800000, allocation: { file: us-counts.json }, channels: { phone: { coverage: 0.5 }, door: { coverage: 0.2 } } }', '  R: { listSize: 1500000 }', ''];
  writeFileSync(join(work, 'us.yaml'), us.join('\n'));
  const run = async (args: string[]) => {
    const r = await runMain(args, { cwd: work });
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const doc = await run(['run', 'us.yaml', '--json']);
  assert.equal(doc.scenario.campaigns.D.listSize, 800_000);
  const spread = doc.scenario.campaigns.D.allocation as Record<string, number>;
  const rows = Object.values(usCounts).reduce((s, n) => s + n, 0);
  for (const [id, n] of Object.entries(usCounts)) assert.ok(Math.abs(spread[id]! - (800_000 * n) / rows) < 1e-6, id);
  // --set takes effect: three times the list moves three times the turnout votes (the cap does not bind here).
  const tripled = await run(['run', 'us.yaml', '--json', '--set', 'campaigns.D.listSize=2400000']);
  assert.equal(tripled.scenario.campaigns.D.listSize, 2_400_000);
  assert.ok(Math.abs(tripled.effects.D.turnout / doc.effects.D.turnout - 3) < 0.01, `${tripled.effects.D.turnout} vs ${doc.effects.D.turnout}`);
  // value, allocate and compare resolve the same way: --set campaigns.D.listSize changes their answers.
  const value = (set: string[]) => run(['value', 'us.yaml', '--side', 'D', '--add', '100000', '--sims', '4000', '--json', ...set]);
  const [v1, v3] = [await value([]), await value(['--set', 'campaigns.D.listSize=2400000'])];
  assert.ok(v3.basePWin > v1.basePWin, `value's base P(win): ${v3.basePWin} vs ${v1.basePWin}`);
  const allocate = (set: string[]) => run(['allocate', 'us.yaml', '--side', 'D', '--budget', '200000', '--cost-per-supporter', '5', '--sims', '2000', '--json', ...set]);
  const [a1, a3] = [await allocate([]), await allocate(['--set', 'campaigns.D.listSize=2400000'])];
  assert.notEqual(JSON.stringify(a1), JSON.stringify(a3));
  const compare = await run(['compare', 'us.yaml', '--set', 'campaigns.D.listSize=2400000', '--sims', '4000', '--json']);
  assert.ok(compare.variant.pWin > compare.base.pWin, JSON.stringify(compare).slice(0, 300));

  // A French campaign's NationBuilder export (14 French supporters) spread over a list of 80,000: the
  // briefing says 80 000, not 14, and keeps the list-size slider. (The export puts 3 of its 14 in
  // Alpes-de-Haute-Provence: a list above about 600,000 would hold more than its 128,077 voters there, refused.)
  assert.equal((await runMain(['list', 'summarize', join(fixtures, 'nationbuilder-fr.csv'), '--country', 'fr', '--territory-column', 'primary_zip', '--out', 'fr-counts.json'], { cwd: work })).code, 0);
  const fr = ['name: France 2027 with a list spread like an export', 'country: fr', 'year: 2022', 'round: 2', 'rule: two-round', 'sides: [LREM, RN]', 'simulations: 2000', 'seed: 2027', 'baseline: { swing: -13.1, swingModel: proportional }', 'campaigns:', '  LREM: { listSize: 80000, allocation: { file: fr-counts.json }, channels: { door: { coverage: 0.2 } } }', '  RN: { listSize: 500000 }', ''];
  writeFileSync(join(work, 'fr.yaml'), fr.join('\n'));
  const out = join(work, 'fr-report');
  const report = await runMain(['run', 'fr.yaml', '--out', out], { cwd: work });
  assert.equal(report.code, 0, report.stderr);
  const html = readFileSync(join(out, 'briefing.html'), 'utf8');
  assert.match(html, /<h1>[^<]*avec les 80\u202f000 d&#39;aujourd&#39;hui[^<]*<\/h1>/, 'the headline says 80 000');
  assert.ok(!/avec les 14 d/.test(html));
  assert.ok(html.includes('data-control="campaigns.LREM.listSize"'), 'our side keeps its list slider');
});
