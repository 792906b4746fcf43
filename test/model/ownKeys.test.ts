import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addOwn, getOwn, setOwn } from '../../src/model/ownKeys.js';

test('setOwn, getOwn and addOwn treat constructor, toString, hasOwnProperty and __proto__ as ordinary keys', () => {
  const record: Record<string, number> = {};
  for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
    assert.equal(getOwn(record, key), undefined, key);
    addOwn(record, key, 2);
    addOwn(record, key, 3);
    assert.equal(getOwn(record, key), 5, key);
  }
  assert.deepEqual(Object.keys(record), ['constructor', 'toString', 'hasOwnProperty', '__proto__']);
  assert.equal(Object.getPrototypeOf(record), Object.prototype);
  // A JSON round trip keeps the keys, and the record equals it.
  assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  setOwn(record, '__proto__', 9);
  assert.equal(JSON.parse(JSON.stringify(record)).__proto__, 9);
});
