/**
 * Functions of src/ longer than 80 lines, found with TypeScript's parser (the layout test holds the list
 * empty; `node scripts/longFunctions.mjs` prints it).
 */
import ts from 'typescript';
import { sourceFiles } from './sourceFiles.js';

/** Most lines a function of src/ may span (its first to its last line). */
export const MAX_FUNCTION_LINES = 80;
/** Generated: the compiled kernel module (src/sim/wasm/kernelWasm.ts, written by npm run build:kernel). */
const GENERATED = ['sim/wasm/kernelWasm.ts'];

/** Every function of src/ longer than {@link MAX_FUNCTION_LINES} lines, as `path:line name (N lines)`, longest first. */
export function longFunctions(): string[] {
  const found: { where: string; lines: number }[] = [];
  for (const file of sourceFiles()) {
    if (GENERATED.includes(file.path)) continue;
    const { ast } = file;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = ast.getLineAndCharacterOfPosition(node.getStart(ast)).line;
        const last = ast.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > MAX_FUNCTION_LINES) {
          const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : '(anonymous)';
          found.push({ where: `src/${file.path}:${first + 1} ${name}`, lines });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(ast);
  }
  return found.sort((a, b) => b.lines - a.lines).map((f) => `${f.where} (${f.lines} lines)`);
}
