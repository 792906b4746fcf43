/**
 * The briefing page's live engine as script text: the esbuild bundle of src/browser/liveWorker.ts that
 * `npm run build` writes to dist/browser/liveWorker.bundle.js (scripts/bundleLiveEngine.mjs). When the
 * code runs from src/ (tests under tsx) and no bundle was built, the same bundle is made in memory with
 * esbuild, so the page always carries the engine of the code that rendered it.
 *
 * Node-only: reads files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The live engine's script (a classic script for a Web Worker, about 60 kB minified).
 *
 * @returns the script text
 * @throws Error when neither the built bundle nor esbuild (a development dependency) is available
 * @example liveEngineScript().length > 10000 // => true
 */
export function liveEngineScript(): string {
  if (cached !== undefined) return cached;
  const here = import.meta.url;
  const fromSrc = here.endsWith('.ts');
  if (!fromSrc) {
    const built = fileURLToPath(new URL('../browser/liveWorker.bundle.js', here));
    if (existsSync(built)) return (cached = readFileSync(built, 'utf8'));
  }
  const require = createRequire(here);
  let esbuild: { buildSync(options: object): { outputFiles?: { text: string }[] } };
  try {
    esbuild = require('esbuild') as typeof esbuild;
  } catch {
    throw new Error('the briefing\'s live engine is not built: run `npm run build` (it writes dist/browser/liveWorker.bundle.js)');
  }
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL(fromSrc ? '../browser/liveWorker.ts' : '../../src/browser/liveWorker.ts', here))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = result.outputFiles?.[0]?.text;
  if (!text) throw new Error('esbuild produced no bundle for the briefing\'s live engine');
  return (cached = text);
}
