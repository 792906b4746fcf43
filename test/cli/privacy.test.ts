/**
 * Privacy of every reader's error path: a file that may hold personal data (a supporter list, or any
 * file given where a scenario, a counts file or a sweep shard is expected) never has a name, an
 * e-mail address, a phone number or a street reach stdout or stderr, whatever goes wrong. Each case
 * is a real command run; each must fail with exit 2, name the file, and show no secret.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';
import { describeCell, describeColumns, describeValue, isShownCell } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-privacy-errors-'));

/** People in the files; every string of theirs is a secret. */
const PEOPLE = [
  { name: 'Ada Lovelace', email: 'ada.lovelace@example.org', phone: '+1 (555) 010-9999', street: '12 Rue de Rivoli', state: 'FL' },
  { name: 'Grace Hopper', email: 'grace@example.net', phone: '555-010-2222', street: '1 Navy Yard Road', state: 'PA' },
  { name: 'Alan Turing', email: 'alan@example.com', phone: '06 12 34 56 78', street: '7 Bletchley Park', state: 'MI' },
];
const SECRETS = PEOPLE.flatMap((p) => [p.name, p.email, p.phone, p.street, p.name.split(' ')[1], p.email.split('@')[0], p.phone.replace(/\D/g, '').slice(-7)]);

function assertNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} shows ${JSON.stringify(secret)}: ${text}`);
  // Nor any run of 7 digits (a phone number written another way).
  assert.ok(!/\d{7}/.test(text.replace(/\d{7,}(?= more characters)/g, '')), `${where} shows a long number: ${text}`);
}

const csvRows = PEOPLE.map((p) => `${p.name},${p.email},${p.phone},"${p.street}",${p.state}`);
const write = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const scenarioHead = ['name: privacy', 'country: us', 'year: 2016', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 100', 'seed: 1'].join('\n');
const countsScenario = (file: string) => write(`uses-${file}.yaml`, `${scenarioHead}\ncampaigns:\n  D: { allocation: { file: ${file} } }\n`);

/** [what, argv] of every error path of every reader that takes a user's file. */
const CASES: [string, string[], number[]?][] = [];
const list = (name: string, content: string | Buffer, column = 'state') => CASES.push([`list summarize: ${name}`, ['list', 'summarize', write(name, content), '--country', 'us', '--territory-column', column]]);
list('no-header.csv', `${csvRows.join('\n')}\n`);
list('title-line.csv', `Supporters of ${PEOPLE[0].name} exported 2024\nname,email,phone,street,state\n${csvRows.join('\n')}\n`);
list('stray-quote-header.csv', `name,"email,phone,street,state\n${csvRows.join('\n')}\n`);
list('unclosed-quote-header.csv', `"name,email,phone,street,state\n${csvRows.join('\n')}\n`);
// A quote inside an unquoted field: refused or read, by the reader's dialect; never shown either way.
CASES.push(['list summarize: quote-in-data.csv', ['list', 'summarize', write('quote-in-data.csv', `name,email,phone,street,state\n${csvRows[0]}\n"${PEOPLE[1].name}" x,${PEOPLE[1].email},1,2,PA\n`), '--country', 'us', '--territory-column', 'state'], [0, 2]]);
list('wide-header.csv', `${Array.from({ length: 10000 }, (_, i) => `column${i}`).join(',')}\n${csvRows[0]}\n`);
list('wrong-column.csv', `name,email,phone,street,state\n${csvRows.join('\n')}\n`, 'zip');
// A file that is plain ASCII and then not UTF-8 is read again as Windows-1252 (exit 0); shown nowhere either way.
CASES.push(['list summarize: latin1-in-data.csv', ['list', 'summarize', write('latin1-in-data.csv', Buffer.concat([Buffer.from(`name,email,phone,street,state\n${csvRows[0]}\n`), Buffer.from([0xe9]), Buffer.from(`${csvRows[1]}\n`)])), '--country', 'us', '--territory-column', 'state'], [0, 2]]);
list('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`name,state\n${csvRows[0]}\n`, 'utf16le')]));
CASES.push(['list summarize: a folder', ['list', 'summarize', dir, '--country', 'us', '--territory-column', 'state']]);

const exportJson = JSON.stringify(PEOPLE);
const run = (name: string, content: string) => CASES.push([`run: ${name}`, ['run', write(name, content)]]);
run('list-as-scenario.csv', `name,email,phone,street,state\n${csvRows.join('\n')}\n`);
run('list-as-scenario.yaml', `${csvRows.join('\n')}\n`);
run('export-as-scenario.json', exportJson);
run('export-object-as-scenario.json', JSON.stringify(Object.fromEntries(PEOPLE.map((p) => [p.email, p.name]))));
run('export-keys-as-scenario.yaml', `${scenarioHead}\n${PEOPLE.map((p) => `"${p.name} <${p.email}>": "${p.phone}"`).join('\n')}\n`);
run('export-values-as-scenario.yaml', `${scenarioHead.replace('name: privacy', `name: privacy\ndescription: [${PEOPLE[0].email}]`)}\nrule: "${PEOPLE[0].email}"\n`.replace('rule: electoral-college\n', ''));
run('broken-export.json', exportJson.slice(0, 60));
run('broken-export.yaml', `${PEOPLE[0].name}: [${PEOPLE[0].email}\n`);

const counts = (name: string, content: string) => {
  write(name, content);
  CASES.push([`allocation {file}: ${name}`, ['run', countsScenario(name)]]);
};
counts('export.json', exportJson);
counts('export-object.json', JSON.stringify(Object.fromEntries(PEOPLE.map((p) => [p.email, 1]))));
counts('export-values.json', JSON.stringify({ counts: { FL: PEOPLE[0].phone, PA: PEOPLE[1].email } }));
counts('export-country.json', JSON.stringify({ country: PEOPLE[0].email, counts: { FL: 1 } }));
counts('export-counts-list.json', JSON.stringify({ counts: PEOPLE }));
counts('export-broken.json', exportJson.slice(0, 80));
counts('export-twice.json', `{"${PEOPLE[0].email}": 1, "${PEOPLE[0].email}": 2}`);
counts('export.csv', `${csvRows.join('\n')}\n`);
mkdirSync(join(dir, 'a-folder.json'));
CASES.push(['allocation {file}: a folder', ['run', countsScenario('a-folder.json')]]);

const shard = write('export-as-shard.json', exportJson);
CASES.push(['sweep merge: a list export as a shard', ['sweep', 'merge', shard]]);
CASES.push(['sweep merge: an object export as a shard', ['sweep', 'merge', write('export-object-as-shard.json', JSON.stringify({ key: PEOPLE[0].email, points: PEOPLE }))]]);

for (const [what, argv, codes = [2]] of CASES) {
  test(`privacy: ${what} fails with exit 2 and shows no name, e-mail, phone or street`, async () => {
    const r = await runMain(argv, { cwd: dir });
    assert.ok(codes.includes(r.code), `${what}: exit ${r.code}\n${r.stderr}`);
    assertNoSecret(r.stdout, `stdout of ${what}`);
    if (r.code === 0) return;
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith('campaign-lab: '), r.stderr);
    assert.ok(!r.stderr.includes('\n    at '), `stack trace: ${r.stderr}`);
    assert.ok(r.stderr.length < 2100, `a ${r.stderr.length}-character message`);
    assertNoSecret(r.stderr, `stderr of ${what}`);
  });
}

test('describeCell shows column names, territories and numbers, and describes anything else', () => {
  for (const shown of ['state', 'Code postal', 'FL', 'Nouvelle-Calédonie', '75001', 'ME-2', 'District of Columbia']) assert.ok(isShownCell(shown), shown);
  for (const p of PEOPLE) for (const hidden of [p.email, p.phone, p.street, `${p.name}, ${p.state}`]) assert.ok(!isShownCell(hidden), hidden);
  assert.equal(describeCell('FL'), '"FL"');
  assert.equal(describeCell(7.5), '7.5');
  assert.equal(describeCell(Number.NaN), 'NaN');
  assert.equal(describeCell(PEOPLE[0].email), 'a 24-character value containing "@" (not shown)');
  assert.equal(describeCell(PEOPLE), 'a list of 3 values');
  assert.equal(describeColumns(['name', 'email', 'state']), 'columns "name", "email", "state"');
  assert.match(describeColumns(['Ada', 'FL'], (c) => c === 'FL'), /looks like data or a title/);
  assert.equal(describeColumns(Array.from({ length: 10000 }, (_, i) => `c${i}`)).length < 200, true);
});

test('describeValue, meant for the program\'s own values, still hides e-mails, phones and rows holding them', () => {
  assert.equal(describeValue('campaigns.D.listSize=0:10000000:11'), '"campaigns.D.listSize=0:10000000:11"');
  assert.equal(describeValue('2016,2020'), '"2016,2020"');
  for (const row of [PEOPLE[0].email, PEOPLE[0].phone, csvRows[0], `${PEOPLE[2].name},${PEOPLE[2].phone},MI`]) {
    assertNoSecret(describeValue(row), `describeValue(${row})`);
    assert.match(describeValue(row), /-character value/);
  }
});
