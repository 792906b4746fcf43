/**
 * Golden-file comparison for chart builders: a spec (`<name>.vl.json`) and its server-side SVG
 * (`<name>.svg`, from toSvg) must equal the committed snapshots under test/charts/__snapshots__/.
 * On a mismatch (or a missing snapshot) the new output is written beside it as
 * `<name>-changed.vl.json` / `<name>-changed.svg` and the check fails; `UPDATE_SNAPSHOTS=1`
 * rewrites the snapshots instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import { toSvg } from '../../src/render/toSvg.js';

export const SNAPSHOT_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '__snapshots__');

/**
 * Vega numbers clip paths from a process-wide counter, so the same chart gets other ids after
 * other charts were drawn; renumber them by order of appearance so snapshots do not depend on it.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/clip\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, `clip${ids.size + 1}`);
    return ids.get(id) as string;
  });
}

function compare(name: string, extension: string, actual: string): string | undefined {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const path = join(SNAPSHOT_DIR, `${name}${extension}`);
  const changed = join(SNAPSHOT_DIR, `${name}-changed${extension}`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return undefined;
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return undefined;
  }
  writeFileSync(changed, actual);
  return expected === undefined
    ? `${path} is missing; wrote ${changed} (run with UPDATE_SNAPSHOTS=1 to accept)`
    : `${path} differs; wrote ${changed} (compare them, then run with UPDATE_SNAPSHOTS=1 to accept)`;
}

/** JSON with two-space indentation, but arrays of plain numbers on one line (map arcs stay compact). */
export function stringifySpec(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'number' || v === null)) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + stringifySpec(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifySpec(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Asserts that a builder's spec and its SVG match the committed snapshots `<name>.vl.json` and `<name>.svg`. */
export async function assertMatchesSnapshot(name: string, spec: TopLevelSpec): Promise<void> {
  const specText = `${stringifySpec(spec)}\n`;
  const svgText = `${normaliseSvg(await toSvg(spec))}\n`;
  const problems = [compare(name, '.vl.json', specText), compare(name, '.svg', svgText)].filter(Boolean);
  assert.deepEqual(problems, [], problems.join('\n'));
}
