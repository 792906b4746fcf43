import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvRecordParser } from '../../src/list/CsvRecordParser.js';
import { InputError } from '../../src/errors.js';

function parseChunks(chunks: string[], separator?: ',' | ';'): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const p = new CsvRecordParser({ separator, onRecord: (f, line) => { rows.push([...f]); lines.push(line); } });
  for (const c of chunks) p.push(c);
  p.end();
  return { rows, lines };
}

/** Writes fields as CSV the way a spreadsheet does: quote when needed, double inner quotes. */
function toCsv(rows: string[][], sep: string, eol: string): string {
  return rows
    .map((r) => r.map((f) => (/[",;\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(sep))
    .join(eol) + eol;
}

test('CsvRecordParser reads a BOM, CRLF, semicolons and quoted fields with separators, quotes and newlines', () => {
  const text = '\uFEFFname;state\r\n"Doe; Jane";FL\r\n"say ""hi""\r\nthere";"fl"\r\n';
  const { rows, lines } = parseChunks([text]);
  assert.deepEqual(rows, [['name', 'state'], ['Doe; Jane', 'FL'], ['say "hi"\r\nthere', 'fl']]);
  assert.deepEqual(lines, [1, 2, 3]);
});

test('CsvRecordParser detects a comma separator and keeps the last record without a final newline', () => {
  assert.deepEqual(parseChunks(['a,b\n1,2']).rows, [['a', 'b'], ['1', '2']]);
});

test('CsvRecordParser gives the same records however the text is cut into chunks', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r\n', ' ', 'x'), maxLength: 6 });
  fc.assert(
    fc.property(
      fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(',', ';'),
      fc.constantFrom('\n', '\r\n'),
      fc.array(fc.nat(), { maxLength: 5 }),
      (body, sep, eol, cuts) => {
        const rows = [['h1', 'h2'], ...body];
        const text = toCsv(rows, sep, eol);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const p of points) { chunks.push(text.slice(start, p)); start = p; }
        chunks.push(text.slice(start));
        assert.deepEqual(parseChunks(chunks).rows, rows);
      },
    ),
  );
});

test('CsvRecordParser reports an unclosed quote with its starting line and not its content', () => {
  assert.throws(
    () => parseChunks(['a,b\n1,2\n"secret@example.com,3\n4,5\n']),
    (e: unknown) => e instanceof InputError && /line 3/.test(e.message) && !e.message.includes('secret'),
  );
});
