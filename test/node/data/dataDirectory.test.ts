import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDirectory, readDataFile } from '../../../src/node/data/dataDirectory.js';

test('defaultDataDirectory is the package data/ folder, two levels above src/data', () => {
  assert.ok(existsSync(join(defaultDataDirectory(), 'SOURCES.md')));
  assert.ok(defaultDataDirectory().endsWith('data'));
});

test('readDataFile reads a data file and fails on a missing one with its path', () => {
  assert.ok(readDataFile('parameters.json').text.startsWith('{'));
  assert.throws(() => readDataFile('nope.csv'), /nope\.csv must be a readable data file, got ENOENT/);
});
