import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDelimited, parseNumberCell } from '../../src/io/parseDelimited.js';
import { InputError } from '../../src/errors.js';

test('parseDelimited reads semicolons, quoted delimiters and line breaks, and the line each row starts on', () => {
  const t = parseDelimited('id;name;votes\r\n"A;1";"two\r\nlines";12\r\n\r\nB;"say ""hi""";3\r\n', { file: 'x.csv' });
  assert.equal(t.delimiter, ';');
  assert.deepEqual(t.header, ['id', 'name', 'votes']);
  assert.deepEqual(t.records, [
    { line: 2, cells: ['A;1', 'two\nlines', '12'] },
    { line: 5, cells: ['B', 'say "hi"', '3'] },
  ]);
});

test('parseDelimited reads old Mac line ends (CR only) with the right line numbers', () => {
  const t = parseDelimited('id,v\rA,1\r\rB,2\r', { file: 'x.csv' });
  assert.deepEqual(t.records, [{ line: 2, cells: ['A', '1'] }, { line: 4, cells: ['B', '2'] }]);
});

test('parseDelimited drops a byte-order mark and reads tabs', () => {
  const t = parseDelimited('\ufeffid\tD\nFL\t1\n', { file: 'x.tsv' });
  assert.deepEqual(t.header, ['id', 'D']);
  assert.equal(t.delimiter, '\t');
});

test('parseDelimited keeps rows longer than the header for the caller to read', () => {
  const t = parseDelimited('a;b\n1;2;3;4\n', { file: 'x.txt' });
  assert.deepEqual(t.records[0]!.cells, ['1', '2', '3', '4']);
});

test('parseDelimited reports quoting errors by line without the cell content', () => {
  assert.throws(() => parseDelimited('a,b\n1,2\n3,"Jane Doe\n', { file: 'x.csv' }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, 'x.csv: line 3 must be a closing double quote, got end of file');
    return true;
  });
  assert.throws(() => parseDelimited('a,b\n"Jane" Doe,2\n', { file: 'x.csv' }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /^x\.csv: line 2, field 1 must be a delimiter/);
    assert.doesNotMatch(e.message, /Doe/);
    return true;
  });
  assert.throws(() => parseDelimited('a,b\n1,Jane "Jo" Doe\n', { file: 'x.csv' }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, 'x.csv: line 2, field 2 must be a field either wholly in double quotes or without any, got a double quote inside an unquoted field');
    return true;
  });
  // After a quoted line break, the line and field of a bad closing quote (papaparse's error, and spaces papaparse would allow).
  assert.throws(() => parseDelimited('a,b\n"x\ny",1\n3,"Jane"Doe\n', { file: 'x.csv' }), /x\.csv: line 4, field 2 must be a delimiter \(","\) or the end of the line after a closing quote, got another character$/);
  assert.throws(() => parseDelimited('a,b\n"x\ny",1\n"Jane" ,2\n', { file: 'x.csv' }), /x\.csv: line 4, field 1 must be a delimiter/);
  assert.throws(() => parseDelimited('\n\n', { file: 'x.csv' }), /x\.csv: line 1 must be a header row, got an empty file/);
});

test('parseNumberCell reads decimal commas, grouped thousands and rejects text', () => {
  assert.equal(parseNumberCell('54,99', { decimalComma: true }), 54.99);
  assert.equal(parseNumberCell('1.234.567,5', { decimalComma: true }), 1234567.5);
  assert.equal(parseNumberCell('18\u00a0768\u00a0639', { decimalComma: true }), 18768639);
  assert.equal(parseNumberCell('1,234,567'), 1234567);
  assert.equal(parseNumberCell(' -2.5 '), -2.5);
  assert.equal(parseNumberCell('1,5'), undefined);
  assert.equal(parseNumberCell('12 abc'), undefined);
  assert.equal(parseNumberCell(''), undefined);
  assert.equal(parseNumberCell('3 5'), undefined);
  assert.equal(parseNumberCell('12 3456'), undefined);
  assert.equal(parseNumberCell('1.5', { decimalComma: true }), undefined);
  assert.equal(parseNumberCell('1 234,5', { decimalComma: true }), 1234.5);
  assert.equal(parseNumberCell('-1 234'), -1234);
  assert.equal(parseNumberCell('2,5e3', { decimalComma: true }), 2500);
});
