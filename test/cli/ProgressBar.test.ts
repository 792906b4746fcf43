import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressBar, formatDuration } from '../../src/cli/ProgressBar.js';

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (t: string) => chunks.push(t) };
}

test('ProgressBar writes nothing when stderr is not a terminal', () => {
  const s = sink();
  const bar = new ProgressBar({ sink: s, enabled: false, label: 'x' });
  bar.update(1, 2);
  bar.finish();
  assert.deepEqual(s.chunks, []);
});

test('ProgressBar draws the share done and the time left from the elapsed rate, then clears its line', () => {
  let now = 0;
  const s = sink();
  const bar = new ProgressBar({ sink: s, enabled: true, label: 'simulating', width: 10, now: () => now });
  now = 10_000; // 10 s for a quarter: 30 s left
  bar.update(25, 100);
  assert.equal(s.chunks[0], '\rsimulating [###       ]  25%  about 30s left\u001b[K');
  now = 10_050; // redraws at most ten times a second
  bar.update(26, 100);
  assert.equal(s.chunks.length, 1);
  bar.finish();
  assert.equal(s.chunks[1], '\r\u001b[K');
});

test('formatDuration writes seconds, minutes and hours', () => {
  assert.deepEqual([formatDuration(42), formatDuration(185), formatDuration(3720)], ['42s', '3m 05s', '1h 02m']);
});
