import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DIRECTORY_BYTES, readXlsxSheet } from '../../src/node/readXlsxSheet.js';
import { InputError } from '../../src/errors.js';
import { inlineRow, part, repeatedPart, sheetPart, SHEET_HEAD, SHEET_TAIL, workbookParts, zipArchive } from '../fixtures/hostileWorkbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-xlsx-'));
const LIMITS = { maxSheetBytes: 64 << 20, maxSharedStringsBytes: 8 << 20, maxSharedStrings: 1000 };
const SST = (strings: string[]) => part('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);

async function rows(bytes: Buffer, limits = LIMITS): Promise<unknown[][]> {
  const out: unknown[][] = [];
  await readXlsxSheet(bytes, { shown: 'book.xlsx', limits, onRow: (values, row) => void out.push([row, ...values.slice(1)]) });
  return out;
}

test('readXlsxSheet reads the first sheet with its shared strings, whatever the parts\' order in the zip', async () => {
  const sheet = sheetPart([inlineRow(1, ['name', 'state']), '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>', '<row r="3"><c r="B3"><v>42</v></c></row>']);
  const strings = SST(['Ada', 'FL']);
  for (const parts of [[...workbookParts(), strings, sheet], [...workbookParts(), sheet, strings]]) {
    assert.deepEqual(await rows(zipArchive(parts)), [[1, 'name', 'state'], [2, 'Ada', 'FL'], [3, undefined, 42]]);
  }
});

test('readXlsxSheet refuses parts past their limits, declared or real (a size that lies), before memory grows', async () => {
  const refuses = async (bytes: Buffer, message: RegExp, limits = LIMITS) =>
    assert.rejects(rows(bytes, limits), (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      assert.match((e as Error).message, message);
      return true;
    });
  const header = inlineRow(1, ['name', 'state']);
  const bomb = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${header}`, inlineRow(2, ['Ada', 'FL']), 256, SHEET_TAIL);
  // Declared: refused from the directory.
  await refuses(zipArchive([...workbookParts(), bomb]), /xl\/worksheets\/sheet1\.xml must be an \.xlsx workbook whose parts inflate at most 100 times their compressed size, got a part declaring 256\.0 MB from/);
  // Declaring 1 KB, inflating to 256 MB: stopped while reading, at 100 times its compressed size.
  await refuses(zipArchive([...workbookParts(), { ...bomb, declaredSize: 1024 }]), /xl\/worksheets\/sheet1\.xml must be the worksheet of an \.xlsx workbook, at most 1 GB decompressed and at most 100 times its compressed size, got more than 100 times its [\d.]+ KB compressed, though it declared 1\.0 KB \(a ZIP bomb\?\)/, { ...LIMITS, maxSheetBytes: 1 << 30 });
  // Within the ratio but past the part's limit.
  await refuses(zipArchive([...workbookParts(), { ...bomb, declaredSize: 1024 }]), /at most 64 MB decompressed and at most 100 times its compressed size, got more than 64 MB/);
  // Too many shared strings, each part within its size.
  await refuses(zipArchive([...workbookParts(), SST(Array.from({ length: 1001 }, (_, i) => `s${i}`)), sheetPart([header])]), /must be a workbook of at most 1,000 distinct texts, got more/);
  // A part over its size without any compression trick.
  const fifty = sheetPart(Array.from({ length: 50 }, (_, i) => inlineRow(i + 1, ['name', 'state'])));
  await refuses(zipArchive([...workbookParts(), fifty]), /at most 1 KB decompressed and at most 100 times its compressed size, got a part declaring/, { ...LIMITS, maxSheetBytes: 1024 });
  await refuses(zipArchive([...workbookParts(), { ...fifty, declaredSize: 10 }]), /at most 1 KB decompressed and at most 100 times its compressed size, got more than 1 KB/, { ...LIMITS, maxSheetBytes: 1024 });
  // One cell's text over 16 MB, of letters that do not compress (a unit longer than deflate's 32 KiB window).
  let seed = 7;
  const letters = Array.from({ length: 40_000 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26))).join('');
  const long = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, letters, 17, `</t></is></c></row>${SHEET_TAIL}`);
  await refuses(zipArchive([...workbookParts(), { ...long, declaredSize: 100 }]), /cells of at most 16 MB of text, got a longer one/, { ...LIMITS, maxSheetBytes: 1 << 30 });
  // An encrypted entry, and a directory of millions of entries.
  await refuses(zipArchive([...workbookParts().map((p) => ({ ...p, flags: 1 })), sheetPart([header])]), /an \.xlsx workbook that is not encrypted, got an encrypted part/);
  const many = zipArchive(Array.from({ length: 20000 }, (_, i) => part(`xl/media/p${String(i).padStart(40, '0')}.bin`, '')));
  await refuses(many, new RegExp(`a zip archive whose directory is over ${MAX_DIRECTORY_BYTES >> 20} MB`));
  await refuses(Buffer.from('PK\u0003\u0004 not really a zip'), /must be an \.xlsx workbook, got a damaged zip archive/);
  writeFileSync(join(dir, 'unused'), '');
});
