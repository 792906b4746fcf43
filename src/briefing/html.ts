/**
 * Pieces shared by the standalone chart page and the briefing page, browser-safe: escaping for HTML text
 * and for JSON inside a script element, the Content-Security-Policy that forbids any request, vega-embed's
 * options and the pages' base style. The Vega libraries' builds are read by src/render/htmlAssets.ts.
 */

/**
 * Escapes text for HTML element content and attribute values.
 * @example htmlEscape('<a & "b">') // => '&lt;a &amp; &quot;b&quot;&gt;'
 */
export function htmlEscape(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Escaped text with its `*…*` spans (names of published works kept in their language, English: see
 * `citationText` in src/briefing/messages.ts) as `<cite lang="en">`, so a reader, a screen reader and a
 * test can tell them from the page's own language.
 * @example citeMarks('Green & Gerber 2019, *Get Out the Vote* (4e éd.)') // => 'Green &amp; Gerber 2019, <cite lang="en">Get Out the Vote</cite> (4e éd.)'
 */
export function citeMarks(text: string): string {
  return htmlEscape(text).replace(/\*([^*\n]+)\*/g, '<cite lang="en">$1</cite>');
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
/**
 * The opening of an offline page, up to its `</head>`: doctype, language, UTF-8, the offline
 * Content-Security-Policy ({@link OFFLINE_CSP}), the viewport, the escaped title and the page's style.
 *
 * @param lang the page's language (`en`, `fr`), escaped
 * @param title plain text, escaped
 * @param style CSS text, inlined as it is
 * @example offlinePageHead('en', 'A & B', '').split('\n')[6] // => '<title>A &amp; B</title>'
 */
export function offlinePageHead(lang: string, title: string, style: string): string {
  return `<!doctype html>
<html lang="${htmlEscape(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>${style}</style>
</head>`;
}

export const BASE_STYLE = `
  body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #222; margin: 24px; background: #fff; }
  .chart { min-height: 40px; }
  .chart-error { color: #b00020; font-weight: bold; }
`;
