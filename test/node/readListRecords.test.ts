import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { readListRecords, firstInvalidUtf8, detectEncoding } from '../../src/node/readListRecords.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-read-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function records(path: string) {
  const out: [number, ...string[]][] = [];
  let restarts = 0;
  const format = await readListRecords(path, { onRecord: (cells, line) => out.push([line, ...cells]), onRestart: () => ((restarts += 1), (out.length = 0)) });
  return { format, out, restarts };
}

test('readListRecords gives every record of a file larger than its read chunks, quoted line breaks and multi-byte characters across chunk ends', async () => {
  const rows: string[][] = [['name', 'département']];
  for (let i = 0; i < 20000; i++) rows.push([i % 97 === 0 ? `"Dupont\nLigne ${i}"` : `Zoé ${i} Ærø`, i % 2 ? 'Hérault' : 'Côtes-d’Armor']);
  const text = rows.map((r) => r.join(',')).join('\n') + '\n';
  assert.ok(Buffer.byteLength(text) > 4 * 65536);
  const { format, out } = await records(file('big.csv', text));
  assert.deepEqual(format, { format: 'csv', encoding: 'utf-8', separator: ',' });
  assert.equal(out.length, 20001);
  assert.deepEqual(out[1], [2, 'Dupont\nLigne 0', 'Côtes-d’Armor']);
  assert.deepEqual(out[20000].slice(1), ['Zoé 19999 Ærø', 'Hérault']);
  // The record after a quoted line break starts one line further down.
  assert.equal(out[2][0], 4);
});

test('readListRecords reads CRLF line ends split between chunks, CR-only line ends, blank lines and quoted line breaks on the right lines', async () => {
  // A 17-byte header and 8-byte rows put a CR at byte 65,535, the last of the first 64 KiB read chunk.
  const crlf = 'full_name,state\r\n' + 'Ann,PA\r\n'.repeat(9000);
  assert.equal(crlf[65535], '\r');
  const big = await records(file('crlf.csv', crlf));
  assert.equal(big.out.length, 9001);
  assert.ok(big.out.every((r, i) => r[0] === i + 1 && r.length === 3));
  const { out } = await records(file('mac.csv', 'name,state\rA,PA\r\rB,"x\r\ny"\rC,TX\r'));
  assert.deepEqual(out, [[1, 'name', 'state'], [2, 'A', 'PA'], [4, 'B', 'x\ny'], [6, 'C', 'TX']]);
});

test('readListRecords reads an .xlsx workbook by its signature: numbers, rich text and formulas as text, blank rows skipped', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Liste');
  ws.addRow(['nom', 'code postal']);
  ws.addRow(['Ada', 75011]);
  ws.addRow([]);
  ws.addRow(['Bo', { richText: [{ text: 'Hér' }, { text: 'ault' }] }]);
  ws.addRow(['Cy', { formula: '1000+0', result: 1000 }]);
  ws.addRow(['Di']);
  wb.addWorksheet('Other').addRow(['ignored']);
  const path = join(dir, 'list.data');
  await wb.xlsx.writeFile(path);
  const { format, out } = await records(path);
  assert.deepEqual(format, { format: 'xlsx' });
  assert.deepEqual(out, [[1, 'nom', 'code postal'], [2, 'Ada', '75011'], [4, 'Bo', 'Hérault'], [5, 'Cy', '1000'], [6, 'Di', '']]);
});

test('readListRecords reads again as Windows-1252 a file that is plain ASCII for 64 KiB and Latin-1 after', async () => {
  let text = 'nom;dep\n';
  for (let i = 0; i < 8000; i++) text += `Person${i};75\n`;
  text += 'Zoé;Hérault\n';
  const { format, out, restarts } = await records(file('late.csv', iconv.encode(text, 'latin1')));
  assert.equal(restarts, 1);
  assert.deepEqual(format, { format: 'csv', encoding: 'windows-1252', separator: ';' });
  assert.deepEqual(out[out.length - 1], [8002, 'Zoé', 'Hérault']);
});

test('readListRecords refuses a file that turns from UTF-8 to another encoding, an unclosed or malformed quote, a record over 16 MiB and an .xls, naming the line and no content', async () => {
  let head = 'nom,état\n';
  for (let i = 0; i < 9000; i++) head += `Zoé ${i},PA\n`;
  const cases: [string, Buffer | string, RegExp][] = [
    ['mixed.csv', Buffer.concat([Buffer.from(head), Buffer.from('secret-name,'), Buffer.from([0xe9, 0x0a])]), /mixed\.csv: line 9002 must be UTF-8 text throughout/],
    ['unclosed.csv', 'name,state\nA,FL\n"secret-name,PA\nB,TX\n', /unclosed\.csv: line 3 must be a quoted field closed by a double quote/],
    ['bad-closing.csv', 'name,state\n"A\nB",FL\n"secret" name,PA\nB,TX\n', /bad-closing\.csv: line 4 must be a delimiter \(","\) or the end of the line after a closing quote, got another character/],
    ['long-record.csv', `name,state\nA,FL\n"secret${'-name,PA\n'.repeat(1 << 21)}`, /long-record\.csv: line 3 must be a record under 16 MiB, got a longer one \(an unclosed quote\?\)/],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Excel 97–2003 \.xls workbook \(save it as \.xlsx or CSV UTF-8\)/],
  ];
  for (const [name, content, message] of cases) {
    await assert.rejects(records(file(name, content)), (e: unknown) => {
      assert.ok(e instanceof InputError, name);
      assert.match((e as Error).message, message, name);
      assert.ok(!(e as Error).message.includes('secret'), name);
      return true;
    });
  }
});

test('detectEncoding and firstInvalidUtf8 follow the byte-order mark, then strict UTF-8, then chardet', () => {
  assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), false), 'utf-16le');
  assert.equal(detectEncoding(Buffer.from('\ufeffid\n'), false), 'utf-8-bom');
  assert.equal(detectEncoding(Buffer.from('état\n'), false), 'utf-8');
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe9, 0x42])), 1);
});
