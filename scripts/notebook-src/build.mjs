#!/usr/bin/env node
// Builds notebooks/*.ipynb from the compact sources in scripts/notebook-src/*.nb.txt.
//
// Source format: cells separated by marker lines `// %% md` (markdown) and `// %% code` (TypeScript).
// The generated notebooks carry no outputs; execute them with
//   node scripts/run-notebooks.mjs --write notebooks/<name>.ipynb
// which saves the outputs (charts as Vega-Lite + PNG) back in place.
//
// Usage: node scripts/notebook-src/build.mjs [name ...]   (default: every source)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const metadata = {
  kernelspec: { display_name: 'TypeScript (campaign-lab tslab)', language: 'typescript', name: 'tslab' },
  language_info: {
    codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    file_extension: '.ts',
    mimetype: 'text/typescript',
    name: 'typescript',
    version: '3.7.2',
  },
};

/** Splits text into Jupyter's list-of-lines form (each line keeps its newline except the last). */
function lines(text) {
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

function parse(text, file, stem) {
  const cells = [];
  let current = null;
  for (const line of text.split('\n')) {
    const marker = /^\/\/ %% (md|code)\s*$/.exec(line);
    if (marker) {
      if (current) cells.push(current);
      current = { kind: marker[1], body: [] };
    } else if (current) current.body.push(line);
    else if (line.trim() !== '') throw new Error(`${file}: text before the first cell marker: ${line}`);
  }
  if (current) cells.push(current);
  return cells.map((cell, index) => {
    const id = `${stem.slice(0, 2)}-cell-${String(index).padStart(2, '0')}`;
    const source = lines(cell.body.join('\n').replace(/^\n+|\n+$/g, ''));
    return cell.kind === 'md'
      ? { cell_type: 'markdown', id, metadata: {}, source }
      : { cell_type: 'code', id, execution_count: null, metadata: {}, outputs: [], source };
  });
}

const wanted = process.argv.slice(2);
const sources = readdirSync(here).filter((name) => name.endsWith('.nb.txt')).sort();
for (const name of sources) {
  const stem = basename(name, '.nb.txt');
  if (wanted.length > 0 && !wanted.some((w) => stem.startsWith(w))) continue;
  const cells = parse(readFileSync(join(here, name), 'utf8'), name, stem);
  const notebook = { cells, metadata, nbformat: 4, nbformat_minor: 5 };
  const target = join(root, 'notebooks', `${stem}.ipynb`);
  writeFileSync(target, `${JSON.stringify(notebook, null, 1)}\n`);
  console.log(`wrote ${target} (${cells.length} cells)`);
}
