import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { FONT_FAMILY, FONT_FILES, textWidth } from '../../src/render/fonts.js';

// Advance widths (font units, 2048 per em) read independently with fontTools 4.38 (Debian python3-fonttools):
// TTFont('DejaVuSans.ttf')['hmtx'][cmap[ord(c)]][0].
const REGULAR = { H: 1540, e: 1260, l: 569, o: 1253, W: 2025, '€': 1303 };
const BOLD = { H: 1714, e: 1389, l: 702, o: 1407 };

test('FONT_FILES are absolute paths to existing DejaVu Sans files', () => {
  assert.equal(FONT_FAMILY, 'DejaVu Sans');
  assert.equal(FONT_FILES.length, 4);
  for (const file of FONT_FILES) {
    assert.ok(isAbsolute(file), file);
    assert.ok(existsSync(file), file);
    assert.match(file, /DejaVuSans(-Bold|-Oblique|-BoldOblique)?\.ttf$/);
  }
});

test('textWidth("Hello") sums the regular advances from hmtx, scaled to the font size', () => {
  const units = REGULAR.H + REGULAR.e + 2 * REGULAR.l + REGULAR.o;
  assert.equal(textWidth('Hello', { fontSize: 10 }), (units / 2048) * 10);
  assert.equal(textWidth('Hello'), (units / 2048) * 11);
});

test('textWidth reads the bold face when asked and non-ASCII characters from the cmap', () => {
  const units = BOLD.H + BOLD.e + 2 * BOLD.l + BOLD.o;
  assert.equal(textWidth('Hello', { fontSize: 2048, bold: true }), units);
  assert.equal(textWidth('W€', { fontSize: 2048 }), REGULAR.W + REGULAR['€']);
  assert.equal(textWidth('', { fontSize: 12 }), 0);
});
