/**
 * The Vega, Vega-Lite and Vega-Embed browser builds read from node_modules, so pages need no network
 * (the escaping, the Content-Security-Policy and the base style are in src/briefing/html.ts).
 *
 * Node-only: reads files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The browser libraries inlined into pages, in load order (vega-embed expects the other two as globals). */
export const VENDOR_LIBRARIES = ['vega', 'vega-lite', 'vega-embed'] as const;

const cache = new Map<string, string>();

/**
 * The minified browser build of one library, made safe to place inside a `<script>` element (any
 * `</script` is written `<\/script`): the copy `npm run build` puts in dist/vendor/ (scripts/copyAssets.mjs),
 * else `node_modules/<name>/build/<name>.min.js` (running from src/).
 *
 * @param name vega, vega-lite or vega-embed
 * @returns the script text
 * @throws Error when the package or its build is not installed
 * @example vendorScript('vega').length > 100000 // => true
 */
export function vendorScript(name: (typeof VENDOR_LIBRARIES)[number]): string {
  let text = cache.get(name);
  if (text === undefined) {
    const built = fileURLToPath(new URL(`../vendor/${name}.min.js`, import.meta.url));
    const path = existsSync(built) ? built : join(dirname(require.resolve(name)), `${name}.min.js`);
    text = readFileSync(path, 'utf8').replace(/<\/script/gi, '<\\/script');
    cache.set(name, text);
  }
  return text;
}

/**
 * All vendor libraries as inline `<script>` elements, in load order.
 * @example vendorScriptTags().startsWith('<script data-library="vega">') // => true
 */
export function vendorScriptTags(): string {
  return VENDOR_LIBRARIES.map((name) => `<script data-library="${name}">${vendorScript(name)}</script>`).join('\n');
}
