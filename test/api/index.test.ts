import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Names notebooks use from the compiled package: `lab.name` and `import { name } from '../dist/…'`. */
function notebookNames(): Set<string> {
  const names = new Set<string>();
  const dir = join(root, 'scripts', 'notebook-src');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.nb.txt'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\blab\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
    for (const m of text.matchAll(/import \{([^}]*)\} from '\.\.\/dist[^']*'/g)) for (const n of m[1].split(',')) names.add(n.trim().split(/\s+as\s+/)[0]);
  }
  return names;
}

/** Type-only exports are not visible at run time: they are read from the export statements of the file. */
const indexText = ['index.ts', 'browser.ts'].map((f) => readFileSync(join(root, 'src', f), 'utf8')).join('\n');
const exportedTypes = new Set([...indexText.matchAll(/export type \{([^}]*)\}|type ([A-Za-z0-9_]+)/g)].flatMap((m) => (m[1] ?? m[2]).split(',').map((n) => n.trim()).filter(Boolean)));

test('src/index.ts exports every value and type the notebooks use', () => {
  const missing = [...notebookNames()].filter((n) => !(n in api) && !exportedTypes.has(n));
  assert.deepEqual(missing, []);
});

test('src/index.ts keeps kernel internals and command-line helpers out of the public API', () => {
  for (const internal of ['simulateBlocks', 'finishResult', 'mergeBlockTotals', 'blockCount', 'BLOCK_SIZE', 'createBlockStream', 'zigguratNormal', 'unitStudentT', 'campaignCoefficients', 'priorAtNormal', 'writeFileAtomic', 'writeFilesAtomic', 'CsvRecordParser', 'didYouMean', 'readTextFile', 'snakeSegments']) {
    assert.equal(internal in api, false, `${internal} should not be public`);
  }
  const values = Object.keys(api).length;
  assert.ok(values < 110, `a small curated API, got ${values} exported values`);
});
