/**
 * What the package imports at run time is what a user's `npm install campaign-lab` installs: every package a
 * file of src/ imports (a value import, not `import type`, which compiles away) is a `dependency` or a peer
 * of package.json. A package kept in devDependencies and imported by src/ breaks the installed command with
 * "Cannot find package" while every test of the repository passes (the repository has its dev dependencies).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../cli/cliHarness.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assembly' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The package a bare specifier names (`@resvg/resvg-js/x` → `@resvg/resvg-js`), or undefined for a relative or built-in one. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

test('every package src/ imports at run time is a dependency or a peer of package.json, never only a devDependency', () => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const installed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const missing: string[] = [];
  let imports = 0;
  for (const file of sourceFiles(join(projectRoot, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // Static imports and re-exports that are not type-only, and dynamic import('…').
    const found = [
      ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ];
    for (const match of found) {
      const name = packageOf(match[1]!);
      if (name === undefined) continue;
      imports++;
      if (!installed.has(name)) missing.push(`${relative(projectRoot, file)} imports ${name}`);
    }
  }
  assert.ok(imports > 5, `only ${imports} package imports found: the scan is broken`);
  assert.deepEqual(missing, []);
});
