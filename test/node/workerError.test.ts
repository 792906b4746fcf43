import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { errorFromWorker, workerErrorMessage } from '../../src/node/workerError.js';
import { InputError } from '../../src/errors.js';

/** Sends a value through a real message port (a structured clone, as between threads). */
function throughPort<T>(value: T): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (v: T) => {
      port1.close();
      port2.close();
      resolve(v);
    });
    port1.postMessage(value);
  });
}

test('an InputError crosses a message port as an InputError with its details; other errors keep name and message', async () => {
  // A structured clone alone loses the class: that is what made bad input in a worker exit 1.
  const bad = new InputError({ file: 'a.yaml', at: 'seed', expected: 'a finite number', found: 'NaN' });
  assert.equal((await throughPort(bad)) instanceof InputError, false);
  const rebuilt = errorFromWorker(await throughPort(workerErrorMessage(bad)));
  assert.ok(rebuilt instanceof InputError);
  assert.deepEqual(rebuilt.details, bad.details);
  assert.equal(rebuilt.message, 'a.yaml: seed must be a finite number, got NaN');
  const other = errorFromWorker(await throughPort(workerErrorMessage(new RangeError('out of range'))));
  assert.equal(other instanceof InputError, false);
  assert.equal(other.name, 'RangeError');
  assert.equal(other.message, 'out of range');
  assert.deepEqual(workerErrorMessage('text'), { name: 'Error', message: 'text' });
});
