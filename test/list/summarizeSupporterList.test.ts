import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeSupporterList } from '../../src/list/summarizeSupporterList.js';
import { createTerritoryMatcher } from '../../src/list/territoryMatcher.js';
import { FR_DEPARTEMENTS, US_STATES } from '../../src/list/territoryNames.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-list-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('summarizeSupporterList counts per state and by reason on a small US list', async () => {
  const path = file('us.csv', 'name,state,phone\nA,FL,1\nB,florida,2\nC,,3\nD,Narnia,4\nE\nF,tx,6\n\n');
  const r = await summarizeSupporterList(path, { country: 'us', territoryColumn: 'STATE' });
  assert.deepEqual(r, {
    kind: 'supporter-list-counts',
    country: 'us',
    territoryColumn: 'state',
    separator: ',',
    rows: 6,
    placed: 3,
    counts: { FL: 2, TX: 1 },
    unplaced: { empty: 1, unrecognised: 1, 'missing-column': 1 },
  });
});

test('summarizeSupporterList reads a French semicolon CSV with BOM, CRLF and quoted fields', async () => {
  const text = '\uFEFFnom;code postal;ville\r\n"Dupont; Jean";75011;Paris\r\n"Martin ""Jo""";20200;"Bastia\r\nHaute-Corse"\r\nX;34000;Montpellier\r\n';
  const r = await summarizeSupporterList(file('fr.csv', text), { country: 'fr', territoryColumn: 'code postal' });
  assert.equal(r.separator, ';');
  assert.deepEqual(r.counts, { '2B': 1, '34': 1, '75': 1 });
  assert.equal(r.rows, 3);
});

test('summarizeSupporterList rejects an empty file, a missing column, UTF-16 and non-UTF-8 bytes with exit-2 errors', async () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /empty\.csv must be a CSV file with a header line, got an empty file/],
    ['nocol.csv', 'a,b\n1,2\n', /nocol\.csv: line 1 \(header\) must be a column named "state", got columns "a", "b"/],
    ['utf16.csv', Buffer.from('\uFEFFstate\nFL\n', 'utf16le'), /must be UTF-8 text, got a UTF-16 byte-order mark/],
    ['latin1.csv', Buffer.concat([Buffer.from('state\n'), Buffer.from([0x48, 0xe9, 0x72, 0x0a])]), /must be UTF-8 text, got bytes that are not UTF-8/],
  ];
  for (const [name, content, message] of cases) {
    await assert.rejects(summarizeSupporterList(file(name, content), { country: 'us', territoryColumn: 'state' }), (e: unknown) => {
      assert.ok(e instanceof InputError, name);
      assert.match((e as Error).message, message);
      return true;
    });
  }
});

test('every territory the matcher can return is a unit id of data/ (us_units.csv, fr_departements.csv)', () => {
  const root = new URL('../../data/', import.meta.url);
  const idsOf = (name: string) => new Set(readFileSync(new URL(name, root), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
  const us = idsOf('us_units.csv');
  const fr = idsOf('fr_departements.csv');
  const usMatch = createTerritoryMatcher('us');
  for (const code of Object.keys(US_STATES)) assert.ok(us.has((usMatch(code) as { id: string }).id), code);
  const frMatch = createTerritoryMatcher('fr');
  for (const code of Object.keys(FR_DEPARTEMENTS)) assert.ok(fr.has((frMatch(code) as { id: string }).id), code);
  for (let p = 1000; p < 99000; p += 37) {
    const m = frMatch(String(p).padStart(5, '0'));
    if ('id' in m) assert.ok(fr.has(m.id), String(p));
  }
});
