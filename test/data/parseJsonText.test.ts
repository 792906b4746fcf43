import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonText } from '../../src/data/parseJsonText.js';

test('parseJsonText parses what JSON.parse parses', () => {
  const text = '{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"], "b": {}}';
  assert.deepEqual(parseJsonText(text, 'x.json'), JSON.parse(text));
});

test('parseJsonText names line and column of a trailing comma', () => {
  assert.throws(() => parseJsonText('{\n  "a": 1,\n}\n', 'data/p.json'), /data\/p\.json: line 3, column 1 must be a double-quoted property name, got "}"/);
});

test('parseJsonText names line and column of a missing comma and of a truncated file', () => {
  assert.throws(() => parseJsonText('[1,\n 2\n 3]', 'x.json'), /x\.json: line 3, column 2 must be "," or "\]" after an array element, got "3"/);
  assert.throws(() => parseJsonText('{"a": ', 'x.json'), /x\.json: line 1, column 7 must be a JSON value, got end of file/);
  assert.throws(() => parseJsonText('{"a": 1} x', 'x.json'), /line 1, column 10 must be the end of the JSON document, got "x"/);
});
