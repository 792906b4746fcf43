import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_NAME, removeStaleTemporaries, writeFileAtomic, writeFilesAtomic, writeFolderAtomic } from '../../src/node/writeFileAtomic.js';
import { InputError } from '../../src/errors.js';

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

test('removeStaleTemporaries removes only staging folders of dead processes that hold our manifest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-atomic-'));
  // Process ids above the Linux maximum (2^22) cannot be running.
  await writeFolderAtomic(join(dir, 'report'), [{ name: 'summary.json', data: '{}\n' }]);
  cpSync(join(dir, 'report'), join(dir, '.report.99999999.abc.tmp'), { recursive: true });
  cpSync(join(dir, 'report'), join(dir, `.report.${process.pid}.abc.tmp`), { recursive: true });
  mkdirSync(join(dir, '.notes.99999999.abc.tmp'));
  writeFileSync(join(dir, '.notes.99999999.abc.tmp', 'thesis.docx'), 'mine');
  writeFileSync(join(dir, '.summary.json.99999999.abc.tmp'), 'a foreign file named like a temporary');
  assert.deepEqual(await removeStaleTemporaries(dir), ['.report.99999999.abc.tmp']);
  assert.deepEqual(readdirSync(dir).sort(), [`.notes.99999999.abc.tmp`, `.report.${process.pid}.abc.tmp`, '.summary.json.99999999.abc.tmp', 'report']);
});

test('writeFolderAtomic replaces an earlier output whole and refuses a folder with files it did not write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-folder-'));
  const out = join(dir, 'out');
  await writeFolderAtomic(out, [{ name: 'a.json', data: '1' }, { name: 'b.csv', data: 'x' }]);
  await writeFolderAtomic(out, [{ name: 'a.json', data: '2' }]);
  assert.deepEqual(readdirSync(out).sort(), [MANIFEST_NAME, 'a.json']);
  assert.equal(readFileSync(join(out, 'a.json'), 'utf8'), '2');
  // A manifest claiming a user's file does not make it ours: the name is not a report name.
  writeFileSync(join(out, 'thesis.docx'), 'chapter 1');
  const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8'));
  manifest.files.push({ name: 'thesis.docx', bytes: 9, sha256: 'x' });
  writeFileSync(join(out, MANIFEST_NAME), JSON.stringify(manifest));
  await assert.rejects(writeFolderAtomic(out, [{ name: 'a.json', data: '3' }]), (e: Error) => e instanceof InputError && /thesis\.docx/.test(e.message) && /left untouched/.test(e.message));
  assert.equal(readFileSync(join(out, 'thesis.docx'), 'utf8'), 'chapter 1');
  assert.equal(readFileSync(join(out, 'a.json'), 'utf8'), '2');
  // An edited report file is not ours either (size and SHA-256 no longer match).
  rmSync(join(out, 'thesis.docx'));
  writeFileSync(join(out, 'a.json'), '2 with my notes');
  await assert.rejects(writeFolderAtomic(out, [{ name: 'a.json', data: '3' }]), InputError);
  assert.equal(readFileSync(join(out, 'a.json'), 'utf8'), '2 with my notes');
  // An existing file as the folder; the staging folder is never left behind.
  writeFileSync(join(dir, 'file'), 'x');
  await assert.rejects(writeFolderAtomic(join(dir, 'file'), [{ name: 'a.json', data: '3' }]), /got an existing file/);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.')), []);
});

test('writeFolderAtomic swaps nothing when aborted: the earlier output stays, no staging folder is left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-folder-'));
  const out = join(dir, 'out');
  await writeFolderAtomic(out, [{ name: 'a.json', data: 'old' }]);
  const controller = new AbortController();
  const writing = writeFolderAtomic(out, [{ name: 'a.json', data: 'new' }, { name: 'big.png', data: new Uint8Array(1 << 20) }], controller.signal);
  controller.abort();
  await assert.rejects(writing);
  assert.equal(readFileSync(join(out, 'a.json'), 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir), ['out']);
});

test('writeFileAtomic refuses to write over an input file or a folder, with an InputError', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-atomic-'));
  const list = join(dir, 'list.csv');
  writeFileSync(list, 'name,state\n');
  await assert.rejects(writeFileAtomic(list, '{}', undefined, { inputs: [list], shownPath: '--out list.csv' }), /--out list\.csv must be an output path other than the input file/);
  assert.equal(readFileSync(list, 'utf8'), 'name,state\n');
  await assert.rejects(writeFileAtomic(dir, '{}', undefined, { shownPath: '--out d' }), (e: Error) => e instanceof InputError && /got an existing folder/.test(e.message));
  await assert.rejects(writeFileAtomic(join(list, 'x.json'), '{}'), InputError);
});
