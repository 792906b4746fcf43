/**
 * The source tree as the layout tests read it: every TypeScript file under src/, parsed with
 * TypeScript's own parser, with the modules each one imports (static, type-only, re-exports,
 * `import()` calls and `import('…')` types alike).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const srcDirectory = join(root, 'src');

/** One import of a source file: the specifier as written and, for a relative one, the file it names (relative to src/). */
export interface SourceImport {
  specifier: string;
  target?: string;
  line: number;
}

/** A parsed source file. */
export interface SourceFile {
  /** Path relative to src/, with `/` separators (`sim/simulate.ts`). */
  path: string;
  ast: ts.SourceFile;
  imports: SourceImport[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(ast: ts.SourceFile, absolute: string): SourceImport[] {
  const found: SourceImport[] = [];
  const add = (literal: ts.StringLiteralLike) => {
    const specifier = literal.text;
    const line = ast.getLineAndCharacterOfPosition(literal.getStart(ast)).line + 1;
    const target = specifier.startsWith('.')
      ? relative(srcDirectory, resolve(dirname(absolute), specifier)).split('\\').join('/').replace(/\.js$/, '.ts')
      : undefined;
    found.push({ specifier, line, ...(target === undefined ? {} : { target }) });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) add(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return found;
}

let cached: SourceFile[] | undefined;

/** Every .ts file under src/ (declaration files left out), sorted by path. */
export function sourceFiles(): SourceFile[] {
  if (cached) return cached;
  cached = walk(srcDirectory)
    .map((absolute) => {
      const ast = ts.createSourceFile(absolute, readFileSync(absolute, 'utf8'), ts.ScriptTarget.Latest, true);
      return { path: relative(srcDirectory, absolute).split('\\').join('/'), ast, imports: importsOf(ast, absolute) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return cached;
}
