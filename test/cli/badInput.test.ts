/**
 * The bad-input corpus (test/fixtures/bad-input/): every file gets exit code 2 and one message naming
 * the file, the key path or line, what was expected and what was found; never a stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runMain, spawnCliSync } from './cliHarness.js';

const F = 'test/fixtures/bad-input';
const list = (file: string, column = 'state') => ['list', 'summarize', `${F}/${file}`, '--country', 'us', '--territory-column', column];
const run = (file: string) => ['run', `${F}/${file}`];

/** [fixture, argv, the whole stderr after "campaign-lab: "]. */
const CASES: [string, string[], string][] = [
  ['no-such-file.yaml', run('no-such-file.yaml'), `${F}/no-such-file.yaml must be a readable file: a scenario file (YAML or JSON), got no such file`],
  ['empty.yaml', run('empty.yaml'), `${F}/empty.yaml must be a scenario (a YAML or JSON object), got an empty file`],
  ['utf16.yaml', run('utf16.yaml'), `${F}/utf16.yaml must be UTF-8 text, got a UTF-16 byte-order mark (save the file as UTF-8)`],
  ['syntax-error.yaml', run('syntax-error.yaml'), `${F}/syntax-error.yaml: line 10, column 1 must be valid YAML, got Flow map in block collection must be sufficiently indented and end with a }`],
  ['syntax-error.json', run('syntax-error.json'), `${F}/syntax-error.json: line 5, column 23 must be a double-quoted property name, got ","`],
  ['duplicate-key.yaml', run('duplicate-key.yaml'), `${F}/duplicate-key.yaml: line 8, column 1 must be valid YAML, got Map keys must be unique`],
  ['top-level-list.yaml', run('top-level-list.yaml'), `${F}/top-level-list.yaml: the top level must be an object of scenario keys (name, country, year, ...), got a list of 2 values`],
  ['unknown-key.yaml', run('unknown-key.yaml'), `${F}/unknown-key.yaml: campains (line 9) must be one of the keys name, description, country, year, race, round, rule, threshold, seatsToWin, sides, simulations, seed, threads, salience, baseline, horizon, uncertainty, campaigns, firstRound, got an unknown key (did you mean "campaigns"?)`],
  ['wrong-type.yaml', run('wrong-type.yaml'), `${F}/wrong-type.yaml: simulations (line 6) must be an integer from 1 to 100000000, got "many"`],
  ['impossible-value.yaml', run('impossible-value.yaml'), `${F}/impossible-value.yaml: campaigns.D.channels.door.coverage (line 12) must be a number from 0 to 1, got 1.5`],
  ['negative-list.yaml', run('negative-list.yaml'), `${F}/negative-list.yaml: campaigns.D.listSize (line 9) must be a number from 0 to 1000000000, got -5`],
  ['missing-required.yaml', run('missing-required.yaml'), `${F}/missing-required.yaml: seed must be an integer from -9007199254740991 to 9007199254740991, got nothing (the key is required)`],
  ['bad-enum.yaml', run('bad-enum.yaml'), `${F}/bad-enum.yaml: rule (line 4) must be one of "electoral-college", "popular-vote", "seats", "two-round", "plurality", "two-round-legislative", got "electorial-college" (did you mean "electoral-college"?)`],
  ['unknown-side.yaml', run('unknown-side.yaml'), `${F}/unknown-side.yaml: campaigns.G must be a campaign of one of the sides D, R, got "G"`],
  ['unknown-territory.yaml', run('unknown-territory.yaml'), `${F}/unknown-territory.yaml: campaigns.D.allocation.shares.XX must be the id of a territory of the race, got "XX"`],
  ['year-without-data.yaml', run('year-without-data.yaml'), `${F}/year-without-data.yaml: year must be one of 2000, 2004, 2008, 2012, 2016, 2020, 2024, got 1999`],
  ['counts-file-missing.yaml', run('counts-file-missing.yaml'), `${F}/counts-file-missing.yaml: campaigns.D.allocation.file must be a readable counts file (no-such-counts.json), got no such file`],
  ['counts-wrong-country.yaml', run('counts-wrong-country.yaml'), `${F}/counts-france.json: country must be "us" (the scenario's country), got "fr"`],
  ['counts-negative.yaml', run('counts-negative.yaml'), `${F}/counts-negative.json: counts.PA must be a non-negative integer, got -3`],
  ['empty.csv', list('empty.csv'), `${F}/empty.csv must be a CSV or .xlsx file with a header line, got an empty file`],
  ['blank-lines-only.csv', list('blank-lines-only.csv'), `${F}/blank-lines-only.csv must be a CSV or .xlsx file with a header line, got only blank space`],
  ['no-column.csv', list('no-column.csv'), `${F}/no-column.csv: line 1 (header) must be a column named "state" (--territory-column), got columns "name", "zip"`],
  ['utf16.csv', list('utf16.csv'), `${F}/utf16.csv must be data rows after the header, got only a header`],
  ['latin1.csv', list('latin1.csv', 'département'), `${F}/latin1.csv: column "département" must be values that place rows in US states, got none of 1 rows placed (most values are French départements: is --country us the right country?)`],
  ['unclosed-quote.csv', list('unclosed-quote.csv'), `${F}/unclosed-quote.csv: line 2 must be a quoted field closed by a double quote ("), got the end of the file inside the quotes`],
  ['(a directory)', ['list', 'summarize', F, '--country', 'us', '--territory-column', 'state'], `${F} must be a CSV or .xlsx file, got a directory`],
  ['(--sims 0)', ['run', 'scenarios/default.yaml', '--sims', '0'], '--sims must be an integer ≥ 1, got "0"'],
  ['(--set without =)', ['run', 'scenarios/default.yaml', '--set', 'seed'], '--set must be key=value, such as campaigns.D.listSize=3000000, got "seed"'],
  ['(--set through a number)', ['run', 'scenarios/default.yaml', '--set', 'seed.x=1'], 'scenarios/default.yaml: --set seed.x: seed must be an object to hold "x" (setting seed.x), got 2024'],
  ['(--set unknown key)', ['run', 'scenarios/default.yaml', '--set', 'campaigns.D.lisSize=3'], 'scenarios/default.yaml: campaigns.D.lisSize (set by --set) must be one of the keys listSize, allocation, churn, yearsSinceCollected, certainShare, volunteers, relaysPerVolunteer, channels, persuadable, got an unknown key (did you mean "listSize"?)'],
];

for (const [fixture, argv, message] of CASES) {
  test(`bad input ${fixture}: exit 2, "${message.slice(0, 70)}..."`, async () => {
    const r = await runMain(argv);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `campaign-lab: ${message}\n`);
  });
}

test('every file of the corpus is exercised by a case', () => {
  const used = new Set(CASES.map(([f]) => f));
  for (const f of ['counts-france.json', 'counts-negative.json']) used.add(f); // read through their scenarios
  for (const file of readdirSync(join(projectRoot, F))) assert.ok(used.has(file), `${file} has no test case`);
});

test('bad input through the real process: exit code 2 and no stack trace', () => {
  const r = spawnCliSync(run('impossible-value.yaml'));
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.match(r.stderr, /campaigns\.D\.channels\.door\.coverage \(line 12\)/);
});
