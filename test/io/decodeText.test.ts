import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText, sniffDelimiter } from '../../src/io/decodeText.js';

const FRENCH = 'Code du département;Libellé du département;Inscrits\n01;Ain;438250\n2A;Corse-du-Sud;12\nZZ;Français établis hors de France;3\n';

test('decodeText reads UTF-8 with and without a byte-order mark', () => {
  assert.deepEqual(decodeText(iconv.encode(FRENCH, 'utf-8')), { text: FRENCH, encoding: 'utf-8' });
  assert.deepEqual(decodeText(iconv.encode(FRENCH, 'utf-8', { addBOM: true })), { text: FRENCH, encoding: 'utf-8-bom' });
});

test('decodeText reads UTF-16 little and big endian from their byte-order marks', () => {
  assert.deepEqual(decodeText(iconv.encode(FRENCH, 'utf-16le', { addBOM: true })), { text: FRENCH, encoding: 'utf-16le' });
  assert.deepEqual(decodeText(iconv.encode(FRENCH, 'utf-16be', { addBOM: true })), { text: FRENCH, encoding: 'utf-16be' });
});

test('decodeText reads Latin-1 and Windows-1252 bytes that are not UTF-8', () => {
  const latin1 = decodeText(iconv.encode(FRENCH, 'latin1'));
  assert.equal(latin1.text, FRENCH);
  assert.ok(latin1.encoding === 'iso-8859-1' || latin1.encoding === 'windows-1252', latin1.encoding);
  // 0x80 is the euro sign in Windows-1252 and a control character in Latin-1.
  const euro = decodeText(iconv.encode('Dépenses;Montant\nAffiches;1200 €\n', 'win1252'));
  assert.equal(euro.text, 'Dépenses;Montant\nAffiches;1200 €\n');
  assert.equal(euro.encoding, 'windows-1252');
});

test('decodeText with a forced encoding decodes as told', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x44, 0xc3, 0xa9]), { encoding: 'iso-8859-1' }), { text: 'DÃ©', encoding: 'iso-8859-1' });
});

test('sniffDelimiter picks the delimiter of the header that the rows share', () => {
  assert.equal(sniffDelimiter(FRENCH), ';');
  assert.equal(sniffDelimiter('id,name,weight\nFL,"Florida, FL",30\n'), ',');
  assert.equal(sniffDelimiter('id\tname\tD\nFL\tFlorida\t1,5\n'), '\t');
  // Decimal commas in the rows do not outvote the semicolons of the header.
  assert.equal(sniffDelimiter('id;share\nA;54,99\nB;45,01\n'), ';');
  assert.equal(sniffDelimiter('id\nA\n'), ',');
});
