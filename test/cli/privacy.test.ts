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

// Every race reader (table, MEDSL, Ministry), through results --file, flip --file and a scenario's race.file:
// a supporter list given by mistake, a title line, and people's names, e-mails and phones in every column a
// reader names in a message (ids, counts, weights, side columns, state codes, département codes, candidates).
const [ada, grace, alan] = PEOPLE;
const raceFiles: [string, string, string[]?][] = [
  ['list-as-race.csv', `name,email,phone,street,state\n${csvRows.join('\n')}\n`],
  ['list-as-race-no-header.csv', `${csvRows.join('\n')}\n`],
  ['title-as-race.csv', `Supporters of ${ada.name}\nid,name,weight,D,R\nFL,Florida,29,1,2\n`],
  ['names-as-header.csv', `${PEOPLE.map((p) => p.name).join(',')}\n1,2,3\n`],
  ['surnames-as-header.csv', `${PEOPLE.map((p) => p.name.split(' ')[1]).join(',')}\n1,2,3\n`],
  ['table-duplicate-id.csv', `id,name,weight,D,R\n${ada.name.split(' ')[1]},${ada.name},1,2,3\n${ada.name.split(' ')[1]},${grace.name},1,2,3\n`],
  ['table-duplicate-full-name-id.csv', `id,name,weight,D,R\n${ada.name},x,1,2,3\n${ada.name},y,1,2,3\n`],
  ['table-name-in-count.csv', `id,name,weight,D,R\nFL,Florida,29,${grace.name},2\n`],
  ['table-phone-in-weight.csv', `id,name,weight,D,R\nFL,Florida,${alan.phone},1,2\n`],
  ['table-email-in-count.csv', `id,name,weight,D,R\nFL,Florida,29,1,${ada.email}\n`],
  ['table-people-as-sides.csv', `id,name,weight,${ada.name},${grace.name}\nFL,Florida,29,1,2\n`, ['--sides', 'D,R']],
  ['table-surnames-as-sides-twice.csv', `id,name,weight,Lovelace,lovelace\nFL,Florida,29,1,2\n`],
  ['table-extra-cell.csv', `id,name,weight,D,R\nFL,Florida,29,1,2,${ada.email}\n`],
  ['medsl-name-as-state.csv', `year,state,state_po,candidate,party_simplified,candidatevotes\n2020,FLORIDA,${ada.name.split(' ')[1]},${ada.name},DEMOCRAT,5\n`],
  ['medsl-email-as-fips.csv', `year,state,state_po,county_name,county_fips,candidate,party,candidatevotes\n2020,FLORIDA,FL,${grace.name},${grace.email},${grace.name},DEMOCRAT,5\n`],
  ['medsl-phone-as-votes.csv', `year,state,state_po,candidate,party_simplified,candidatevotes\n2020,FLORIDA,FL,${ada.name},DEMOCRAT,${alan.phone}\n`],
  ['medsl-people-as-candidates.csv', `year,state,state_po,candidate,party_simplified,candidatevotes\n2020,FLORIDA,FL,${ada.name},LIBERTARIAN,5\n`],
  ['ministry-name-as-code.csv', `Code du département;Libellé du département;Inscrits;Votants;Exprimés;Nom;Prénom;Voix\n${ada.name.split(' ')[1]};x;3;2;2;${grace.name.split(' ')[1]};Grace;2\n`],
  ['ministry-people-as-candidates.csv', `Code du département;Libellé du département;Inscrits;Votants;Exprimés;Nom;Prénom;Voix;Nom;Prénom;Voix\n01;Ain;3;2;2;${ada.name.split(' ')[1]};Ada;1;${grace.name.split(' ')[1]};Grace;1\n`, ['--sides', 'X,Y']],
  ['ministry-email-as-votes.csv', `Code du département;Libellé du département;Inscrits;Votants;Exprimés;Nom;Prénom;Voix\n01;Ain;3;2;2;X;Y;${ada.email}\n`],
];
for (const [name, content, extra = []] of raceFiles) {
  const path = write(name, content);
  CASES.push([`results --file: ${name}`, ['results', '--file', path, ...extra]]);
  CASES.push([`flip --file: ${name}`, ['flip', '--file', path, ...extra]]);
  const scenario = write(`race-${name}.yaml`, ['name: privacy race', `race: { file: ${name} }`, 'rule: popular-vote', ...(extra[0] === '--sides' ? [`sides: [${extra[1]}]`] : ['sides: [D, R]']), 'simulations: 100', 'seed: 1', ''].join('\n'));
  CASES.push([`run with race.file: ${name}`, ['run', scenario]]);
}

// A margins file and a counts file keyed by people, whole names or surnames alone.
const margins = (name: string, content: string) => {
  write(name, content);
  CASES.push([`baseline.margins {file}: ${name}`, ['run', write(`margins-${name}.yaml`, `${scenarioHead}\nbaseline: { margins: { file: ${name} } }\n`)]]);
};
margins('margins-names.csv', `id,margin\n${ada.name},1\n`);
margins('margins-surnames.csv', `id,margin\n${ada.name.split(' ')[1]},1\n`);
margins('margins-duplicate.csv', `id,margin\n${grace.name},1\n${grace.name},2\n`);
margins('margins-phone.csv', `id,margin\nFL,${alan.phone}\n`);
margins('margins-list.csv', `${csvRows.join('\n')}\n`);
counts('counts-names.json', JSON.stringify({ counts: { [ada.name]: 1, FL: 2 } }));
counts('counts-surnames.json', JSON.stringify({ counts: { [ada.name.split(' ')[1]]: 1, FL: 2 } }));
counts('counts-name-value.json', JSON.stringify({ counts: { FL: grace.name } }));
// A shard keyed by people; a scenario whose sides and keys are people.
CASES.push(['sweep merge: a shard keyed by people', ['sweep', 'merge', write('people-shard.json', JSON.stringify({ kind: 'sweep', key: `campaigns.${ada.name}.listSize`, points: [{ value: 1, summary: { name: grace.name } }], shard: { index: 0, count: 1 } }))]]);
// A scenario is the user's own words (a side or a key typed once is shown), but a list export's names are not.
run('people-as-sides.yaml', `${scenarioHead.replace('sides: [D, R]', `sides: [${ada.name}, ${grace.name}]`)}\n`);
run('people-as-campaigns.yaml', `${scenarioHead}\ncampaigns:\n  ${ada.name}: { listSize: 1 }\n`);
run('people-as-shifts.yaml', `${scenarioHead}\nbaseline: { shifts: { ${ada.name}: 1 } }\n`);

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
