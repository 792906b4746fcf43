/**
 * Pieces shared by the standalone chart page and the briefing page: the Vega, Vega-Lite and
 * Vega-Embed browser builds read from node_modules (so pages need no network), escaping for HTML
 * text and for JSON inside a script element, and a Content-Security-Policy that forbids any request.
 *
 * Node-only: reads files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The browser libraries inlined into pages, in load order (vega-embed expects the other two as globals). */
export const VENDOR_LIBRARIES = ['vega', 'vega-lite', 'vega-embed'] as const;

const cache = new Map<string, string>();

/**
 * The minified browser build of one library (`node_modules/<name>/build/<name>.min.js`), made safe to
 * place inside a `<script>` element (any `</script` is written `<\/script`).
 *
 * @param name vega, vega-lite or vega-embed
 * @returns the script text
 * @throws Error when the package or its build is not installed
 * @example vendorScript('vega').length > 100000 // => true
 */
export function vendorScript(name: (typeof VENDOR_LIBRARIES)[number]): string {
  let text = cache.get(name);
  if (text === undefined) {
    const path = join(dirname(require.resolve(name)), `${name}.min.js`);
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

/**
 * Escapes text for HTML element content and attribute values.
 * @example htmlEscape('<a & "b">') // => '&lt;a &amp; &quot;b&quot;&gt;'
 */
export function htmlEscape(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and the JavaScript line
 * separators are written as \u escapes, so no string in the data can close the element.
 * @example jsonForScript({ a: '</script>' }) // => '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Content-Security-Policy of the pages: inline scripts and styles only, images from data/blob URLs
 * (the chart export menu), Web Workers only from Blob URLs (the briefing's live engine, built in the page), and no network requests of any kind. Vega compiles its expressions with
 * the Function constructor, hence `'unsafe-eval'`.
 */
export const OFFLINE_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; worker-src blob:; connect-src 'none'";

/** vega-embed options of every page: SVG renderer, tooltips, export menu without links to the online editor. */
export const EMBED_OPTIONS = Object.freeze({
  renderer: 'svg',
  tooltip: { theme: 'light' },
  actions: { export: true, source: false, compiled: false, editor: false },
});

/** Styles shared by the pages: the chart font first, readable sizes, wide layout. */
export const BASE_STYLE = `
  body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #222; margin: 24px; background: #fff; }
  .chart { min-height: 40px; }
  .chart-error { color: #b00020; font-weight: bold; }
`;
