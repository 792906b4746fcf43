import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemporaries, writeFileAtomic, writeFilesAtomic } from '../../src/cli/writeFileAtomic.js';

test('writeFileAtomic replaces a file whole and leaves no temporary behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-atomic-'));
  const path = join(dir, 'sub', 'a.json');
  await writeFileAtomic(path, 'first\n');
  await writeFileAtomic(path, 'second\n');
  assert.equal(readFileSync(path, 'utf8'), 'second\n');
  assert.deepEqual(readdirSync(join(dir, 'sub')), ['a.json']);
});

test('writeFilesAtomic renames nothing when aborted: the previous files stay and temporaries are removed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-atomic-'));
  writeFileSync(join(dir, 'a.txt'), 'old a');
  writeFileSync(join(dir, 'b.txt'), 'old b');
  const controller = new AbortController();
  const big = new Uint8Array(1 << 20);
  const writing = writeFilesAtomic(
    [{ path: join(dir, 'a.txt'), data: 'new a' }, { path: join(dir, 'big.bin'), data: big }, { path: join(dir, 'b.txt'), data: 'new b' }],
    controller.signal,
  );
  controller.abort();
  await assert.rejects(writing);
  assert.deepEqual([readFileSync(join(dir, 'a.txt'), 'utf8'), readFileSync(join(dir, 'b.txt'), 'utf8')], ['old a', 'old b']);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'b.txt']);
});

test('removeStaleTemporaries removes temporaries of dead processes only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-atomic-'));
  // Process ids above the Linux maximum (2^22) cannot be running.
  writeFileSync(join(dir, '.summary.json.99999999.abc.tmp'), 'half');
  writeFileSync(join(dir, `.summary.json.${process.pid}.abc.tmp`), 'mine');
  writeFileSync(join(dir, 'summary.json'), '{}');
  assert.deepEqual(await removeStaleTemporaries(dir), ['.summary.json.99999999.abc.tmp']);
  assert.deepEqual(readdirSync(dir).sort(), [`.summary.json.${process.pid}.abc.tmp`, 'summary.json']);
});
