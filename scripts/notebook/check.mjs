// Judges one executed notebook: every problem that must fail the run, as plain sentences.

/** tslab prints compile diagnostics on stderr as `[file ]line:col - message` (tslab dist/executor.js). */
const DIAGNOSTIC = /^(?:\S+ )?\d+:\d+ - .+$/m;

function sourceOf(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

function textOf(output) {
  return Array.isArray(output.text) ? output.text.join('') : String(output.text ?? '');
}

/**
 * Lists the failures of an executed notebook: a kernel error or timeout, a code cell the kernel did
 * not execute (no reply, reply status other than "ok", or execution_count null: tslab aborts the
 * cells queued after an error without any output), an `error` output, or a tslab diagnostic on stderr.
 *
 * @param {object} notebook the executed notebook (nbformat 4 JSON)
 * @param {{replies: Record<string, {status: string|null, execution_count: number|null}>, error: string|null}} report from execute.py
 * @returns {string[]} one sentence per problem, empty when the notebook passed
 */
export function checkNotebook(notebook, report) {
  const problems = [];
  if (report.error) problems.push(`execution stopped: ${report.error}`);
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const source = sourceOf(cell);
    if (source.trim() === '') return;
    const firstLine = source.trim().split('\n', 1)[0].slice(0, 60);
    const where = `cell ${index + 1} (${JSON.stringify(firstLine)})`;
    const reply = report.replies[String(index)];
    if (!reply) problems.push(`${where} was not executed`);
    else if (reply.status !== 'ok') problems.push(`${where} finished with status ${reply.status}`);
    if (reply && (cell.execution_count === null || cell.execution_count === undefined)) {
      problems.push(`${where} has no execution count: the kernel skipped it`);
    }
    for (const output of cell.outputs ?? []) {
      if (output.output_type === 'error') {
        problems.push(`${where} raised ${output.ename}: ${output.evalue}`);
      } else if (output.output_type === 'stream' && output.name === 'stderr') {
        const text = textOf(output);
        const diagnostic = DIAGNOSTIC.exec(text);
        if (diagnostic) problems.push(`${where} has a TypeScript diagnostic: ${diagnostic[0]}`);
        else if (reply && reply.status !== 'ok') {
          const lines = text.trim().split('\n');
          problems.push(`${where} stderr: ${(lines.find((line) => /^\s*\w*Error\b/.test(line)) ?? lines[0]).trim()}`);
        }
      }
    }
  });
  return problems;
}
