/**
 * The briefing page's scripts as text, for src/briefing/renderBriefing.ts: the esbuild bundles of
 * src/browser/liveWorker.ts (the live engine) and src/browser/briefingPageScript.ts (the page's own
 * script) that `npm run build` writes to dist/browser/ (scripts/bundleLiveEngine.mjs), and the Vega
 * libraries' browser builds (src/render/htmlAssets.ts). When the code runs from src/ (tests under tsx)
 * and no bundle was built, the same bundle is made in memory with esbuild, so the page always carries
 * the scripts of the code that rendered it.
 *
 * Node-only: reads files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { VENDOR_LIBRARIES, vendorScript } from '../render/htmlAssets.js';
import type { BriefingScripts } from '../briefing/briefingPage.js';

/** The bundled scripts of src/browser/, by entry. */
const BUNDLES = { liveWorker: 'liveWorker.bundle.js', briefingPageScript: 'briefingPage.bundle.js' } as const;

const cached = new Map<keyof typeof BUNDLES, string>();

/**
 * One of the page's bundled scripts (a classic script, minified).
 *
 * @param entry `liveWorker` (the live engine, about 60 kB) or `briefingPageScript` (the page, about 6 kB)
 * @returns the script text
 * @throws Error when neither the built bundle nor esbuild (a development dependency) is available
 * @example pageScript('liveWorker').length > 10000 // => true
 */
function pageScript(entry: keyof typeof BUNDLES): string {
  const known = cached.get(entry);
  if (known !== undefined) return known;
  const here = import.meta.url;
  const fromSrc = here.endsWith('.ts');
  if (!fromSrc) {
    const built = fileURLToPath(new URL(`../browser/${BUNDLES[entry]}`, here));
    if (existsSync(built)) {
      const text = readFileSync(built, 'utf8');
      cached.set(entry, text);
      return text;
    }
  }
  let esbuild: { buildSync(options: object): { outputFiles?: { text: string }[] } };
  try {
    esbuild = createRequire(here)('esbuild') as typeof esbuild;
  } catch {
    throw new Error(`the briefing's scripts are not built: run \`npm run build\` (it writes dist/browser/${BUNDLES[entry]})`);
  }
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL(`${fromSrc ? '../browser/' : '../../src/browser/'}${entry}.ts`, here))],
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
  if (!text) throw new Error(`esbuild produced no bundle for ${entry}`);
  cached.set(entry, text);
  return text;
}

/**
 * Every script a briefing page inlines: the Vega libraries, the page's script and the live engine.
 *
 * @example
 * renderBriefing({ summary, charts, scripts: briefingScripts() }).includes('id="live-engine"') // => true with live inputs
 */
export function briefingScripts(): BriefingScripts {
  return {
    libraries: VENDOR_LIBRARIES.map((name) => ({ name, script: vendorScript(name) })),
    page: pageScript('briefingPageScript'),
    engine: pageScript('liveWorker'),
  };
}
