import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText, CsvCells } from '../../src/data/parseCsvText.js';
import { InputError } from '../../src/errors.js';

test('parseCsvText reads quoted cells, doubled quotes, CRLF and a byte-order mark', () => {
  const t = parseCsvText('\ufeffid,name\r\nME-2,"Maine, 2nd ""district"""\r\n', 'x.csv', ['id']);
  assert.deepEqual(t.header, ['id', 'name']);
  assert.deepEqual(t.records, [{ line: 2, cells: ['ME-2', 'Maine, 2nd "district"'] }]);
});

test('parseCsvText reads commas only: a semicolon stays inside its cell', () => {
  const t = parseCsvText('a,b\nx;y,1\n', 'x.csv');
  assert.deepEqual(t.records, [{ line: 2, cells: ['x;y', '1'] }]);
});

test('parseCsvText counts lines inside quoted newlines', () => {
  const t = parseCsvText('a,b\n"x\ny",1\nz,2\n', 'x.csv');
  assert.equal(t.records[1]!.line, 4);
});

test('parseCsvText rejects a row with too few cells, naming the line', () => {
  assert.throws(() => parseCsvText('a,b,c\n1,2,3\n4,5\n', 'data/x.csv'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, 'data/x.csv: line 3 must be a row of 3 cells like the header, got 2 cells');
    return true;
  });
});

test('parseCsvText rejects a missing column and an unclosed quote', () => {
  assert.throws(() => parseCsvText('a,b\n1,2\n', 'x.csv', ['year']), /x\.csv: line 1 must be a header with column "year", got "a,b"/);
  assert.throws(() => parseCsvText('a,b\n1,"2\n', 'x.csv'), /x\.csv: line 2 must be a closing double quote, got end of file/);
  assert.throws(() => parseCsvText('a,b\n1,"2"x\n', 'x.csv'), /x\.csv: line 2, field 2 must be a delimiter \(","\) or the end of the line after a closing quote, got another character/);
});

test('CsvCells.count names the line, column number and column name of a bad cell', () => {
  const table = parseCsvText('year,id,D\n2000,FL,2912253\n2000,GA,-5\n', 'votes.csv');
  const cells = new CsvCells(table);
  assert.equal(cells.count(table.records[0]!, 'D'), 2912253);
  assert.throws(() => cells.count(table.records[1]!, 'D'), /votes\.csv: line 3, column 3 \(D\) must be a non-negative integer, got "-5"/);
  assert.throws(() => cells.optionalShare(table.records[0]!, 'year'), /line 2, column 1 \(year\) must be a share between 0 and 1, got "2000"/);
});
