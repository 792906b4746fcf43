import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { sourceFiles } from './sourceFiles.js';

/** Folders of src/ that may use Node: file reading, workers, rendering to pictures, the command line. */
const NODE_FOLDERS = ['node', 'cli', 'render'];
/** The package's Node entry, which re-exports node/ beside the browser-safe API. */
const NODE_ENTRY_FILES = ['index.ts'];
/** Packages that only run under Node (native code or file access). */
const NODE_PACKAGES = ['@resvg/resvg-js', 'exceljs', 'unzipper', 'esbuild', 'typescript'];

const topFolder = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');
const isNodeSide = (path: string) => NODE_FOLDERS.includes(topFolder(path)) || NODE_ENTRY_FILES.includes(path);
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** What a file breaks of the layout's rules, one line per import. */
export function layoutViolations(files = sourceFiles()): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const imported of file.imports) {
      const where = `src/${file.path}:${imported.line} imports ${imported.specifier}`;
      if (imported.target !== undefined) {
        const folder = topFolder(imported.target);
        if (folder === 'cli' && topFolder(file.path) !== 'cli') problems.push(`${where}: nothing outside cli/ imports the command line`);
        else if (!isNodeSide(file.path) && NODE_FOLDERS.includes(folder)) problems.push(`${where}: a browser-safe folder imports ${folder}/`);
      } else if (!isNodeSide(file.path) && (isBuiltin(imported.specifier) || NODE_PACKAGES.includes(packageName(imported.specifier)))) {
        problems.push(`${where}: a browser-safe folder imports a Node-only module`);
      }
    }
  }
  return problems;
}

/** Import cycles between files of src/ (type-only imports count), each as its files in order. */
export function importCycles(files = sourceFiles()): string[][] {
  const paths = new Set(files.map((f) => f.path));
  const edges = new Map(files.map((f) => [f.path, [...new Set(f.imports.flatMap((i) => (i.target !== undefined && paths.has(i.target) ? [i.target] : [])))]]));
  // Tarjan's strongly connected components (1972), iterative.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (start: string) => {
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || targets.includes(frame.node)) cycles.push(component.reverse());
      }
    }
  };
  for (const path of paths) if (!index.has(path)) connect(path);
  return cycles;
}

test('no browser-safe folder of src/ imports node/, cli/, render/ or a Node-only module, and nothing outside cli/ imports cli/', () => {
  assert.deepEqual(layoutViolations(), []);
});

test('src/ has no import cycle, type-only imports included', () => {
  assert.deepEqual(importCycles(), []);
});

test('the layout rules catch what they are about (a browser-safe file importing node/, a cycle)', () => {
  const ts = sourceFiles()[0]!.ast;
  const file = (path: string, targets: string[]) => ({ path, ast: ts, imports: targets.map((target, line) => (target.startsWith('node:') ? { specifier: target, line } : { specifier: `./${target}`, target, line })) });
  assert.deepEqual(layoutViolations([file('sim/a.ts', ['node/readInputFile.ts', 'node:fs']), file('node/b.ts', ['cli/main.ts', 'sim/a.ts']), file('cli/c.ts', ['node/b.ts'])]), [
    'src/sim/a.ts:0 imports ./node/readInputFile.ts: a browser-safe folder imports node/',
    'src/sim/a.ts:1 imports node:fs: a browser-safe folder imports a Node-only module',
    'src/node/b.ts:0 imports ./cli/main.ts: nothing outside cli/ imports the command line',
  ]);
  assert.deepEqual(importCycles([file('a.ts', ['b.ts']), file('b.ts', ['c.ts']), file('c.ts', ['a.ts']), file('d.ts', ['a.ts'])]), [['a.ts', 'b.ts', 'c.ts']]);
  assert.deepEqual(importCycles([file('a.ts', ['a.ts'])]), [['a.ts']]);
});
