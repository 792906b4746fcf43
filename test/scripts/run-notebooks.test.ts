import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNotebook } from '../../scripts/notebook/check.mjs';
import { findJupyterPython } from '../../scripts/notebook/env.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'notebooks');

/** The report mentions `cell` only to say tslab aborted it (it is absent when the cell ran). */
function assertAbortedOrRan(out: string, cell: string) {
  const lines = out.split('\n').filter((line) => line.includes(cell));
  for (const line of lines) assert.equal(line.trim(), `${cell} finished with status abort`);
}

function codeCell(source: string, executionCount: number | null, outputs: object[] = []) {
  return { cell_type: 'code', source, execution_count: executionCount, metadata: {}, outputs };
}

test('checkNotebook passes a notebook whose every code cell replied ok', () => {
  const notebook = { cells: [{ cell_type: 'markdown', source: '# title' }, codeCell('1 + 1', 1), codeCell('  \n', null)] };
  assert.deepEqual(checkNotebook(notebook, { replies: { 1: { status: 'ok', execution_count: 1 } }, error: null }), []);
});

test('checkNotebook reports a cell with a reply but no execution count, and an error output', () => {
  const notebook = {
    cells: [codeCell('a()', 1, [{ output_type: 'error', ename: 'TypeError', evalue: 'a is not a function', traceback: [] }]), codeCell('b()', null)],
  };
  const problems = checkNotebook(notebook, {
    replies: { 0: { status: 'ok', execution_count: 1 }, 1: { status: 'ok', execution_count: null } },
    error: null,
  });
  assert.deepEqual(problems, [
    'cell 1 ("a()") raised TypeError: a is not a function',
    'cell 2 ("b()") has no execution count: the kernel skipped it',
  ]);
});

test('checkNotebook reports a tslab diagnostic on stderr even when the reply said ok', () => {
  const notebook = { cells: [codeCell('let x: number = "a"', 1, [{ output_type: 'stream', name: 'stderr', text: '1:5 - Type \'string\' is not assignable\n' }])] };
  const problems = checkNotebook(notebook, { replies: { 0: { status: 'ok', execution_count: 1 } }, error: null });
  assert.deepEqual(problems, ['cell 1 ("let x: number = \\"a\\"") has a TypeScript diagnostic: 1:5 - Type \'string\' is not assignable']);
});

test('run-notebooks fails failing, diagnostic and skipped notebooks and passes a clean one', (t) => {
  if (!findJupyterPython()) {
    t.skip('Jupyter (nbclient) is not installed: run node scripts/setup.mjs');
    return;
  }
  const names = ['passing', 'failing-cell', 'diagnostic', 'skipped-cell'];
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'run-notebooks.mjs'), '--jobs', '4', '--out-dir', mkdtempSync(join(tmpdir(), 'runner-')), ...names.map((n) => join(fixtures, `${n}.ipynb`))],
    { encoding: 'utf8', cwd: root },
  );
  const out = run.stdout;
  assert.equal(run.status, 1, out + run.stderr);
  assert.equal(out.trim().split('\n').at(-1), 'notebooks: 1 passed, 3 failed');
  assert.match(out, /^PASS test\/fixtures\/notebooks\/passing\.ipynb/m);
  // A runtime error: the failing cell is reported with its error.
  assert.match(out, /cell 2 \("throw new Error\('fixture failure'\);"\) finished with status error/);
  assert.match(out, /stderr: Error: fixture failure/);
  // The cell after it: tslab aborts the requests that reach it within 200 ms of an error (tslab
  // dist/jupyter.js, execQueue.reset(200)), so on a busy machine the executor's next request may come
  // later and run. Whether it ran is timing; if the report names it, it must say it was aborted.
  assertAbortedOrRan(out, 'cell 3 ("console.log(\'after the failure\');")');
  // A compile diagnostic in tslab's `line:col - message` form, and the same for the cell after it.
  assert.match(out, /has a TypeScript diagnostic: 1:7 - Type 'string' is not assignable to type 'number'/);
  assertAbortedOrRan(out, 'cell 2 ("console.log(\'never reached\');")');
  // A cell the executor skipped (tagged skip-execution) has no reply at all.
  assert.match(out, /cell 2 \("console.log\('this cell is tagged to be skipped'\);"\) was not executed/);
});
