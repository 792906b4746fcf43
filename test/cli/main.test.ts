import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMain, spawnCliSync } from './cliHarness.js';

test('campaign-lab --help lists every command and exits 0', async () => {
  const r = await runMain(['--help']);
  assert.equal(r.code, 0);
  for (const name of ['run', 'sweep', 'sweep merge', 'results', 'flip', 'list summarize', 'schema', 'bench', 'backtest', 'value', 'allocate', 'compare']) assert.match(r.stdout, new RegExp(`\\n  ${name} `));
});

test('campaign-lab with no command prints the overview on stderr and exits 2', async () => {
  const r = await runMain([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Usage: campaign-lab <command>/);
});

test('an unknown command exits 2 with a did-you-mean and no stack trace', async () => {
  const r = await runMain(['shema']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^campaign-lab: command must be one of [a-z, ]*schema[a-z, ]*, got "shema" \(did you mean schema\?\)\n$/);
});

test('an unknown option exits 2 and suggests the closest option', async () => {
  const r = await runMain(['list', 'summarize', 'x.csv', '--country', 'us', '--territory-colum', 'state']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--territory-colum must be one of the options .*, got an unknown option \(did you mean --territory-column\?\)/);
});

test('every command answers --help on stdout with its usage line and exits 0', async () => {
  for (const words of [['run'], ['sweep'], ['sweep', 'merge'], ['results'], ['flip'], ['list', 'summarize'], ['schema'], ['bench'], ['backtest'], ['value'], ['allocate'], ['compare']]) {
    const r = await runMain([...words, '--help']);
    assert.equal(r.code, 0, words.join(' '));
    assert.ok(r.stdout.startsWith(`Usage: campaign-lab ${words.join(' ')}`), r.stdout);
  }
});

test('the process exits with the code main returns (spawned)', () => {
  const r = spawnCliSync(['list', 'summarize', 'no-such-file.csv', '--country', 'us', '--territory-column', 'state']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'campaign-lab: no-such-file.csv must be a readable CSV or .xlsx file, got no such file\n');
});
