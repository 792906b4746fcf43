import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream } from '../../src/sim/normalStream.js';
import { roundTwoVotes, roundTwoWinner, createRoundTwoScratch } from '../../src/race/roundTwo.js';
import { createTransferDraw, drawTransfers } from '../../src/race/transferDraw.js';
import { transferPriorFromRows } from '../../src/race/transferPrior.js';

test('roundTwoVotes: finalists keep their voters, an eliminated row splits by its drawn shares, other and non-voters by theirs', () => {
  // A concentration of 1e12 makes the Dirichlet draw the survey's shares to about 1e-6.
  const prior = transferPriorFromRows(['LREM', 'RN', 'LFI'], [
    { origin: 'LFI', shares: { LREM: 0.42, RN: 0.17, blank_null: 0.17, abstention: 0.24 }, concentration: 1e12, source: 'Ipsos 2022' },
    { origin: 'other', shares: { LREM: 0.5, RN: 0.5 }, concentration: 1e12, source: 't' },
  ]);
  const draw = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(1, 0), draw);
  const round2 = new Float64Array(3);
  const scratch = createRoundTwoScratch(3);
  roundTwoVotes(prior, draw, Int32Array.of(0, 1, 2), 0, 3, Float64Array.of(100, 80, 60), Uint8Array.of(1, 1, 0), 10, 1000, round2, scratch);
  assert.ok(Math.abs(round2[0]! - (100 + 0.42 * 60 + 5)) < 1e-3);
  assert.ok(Math.abs(round2[1]! - (80 + 0.17 * 60 + 5)) < 1e-3);
  assert.equal(round2[2], 0);
  assert.equal(roundTwoWinner(round2, Uint8Array.of(1, 1, 0), 0, 3), 0);
  // The scratch arrays are left clean for the next contest.
  assert.deepEqual([...scratch.count], [0, 0, 0]);
  assert.deepEqual([...scratch.position], [-1, -1, -1]);
});
