/**
 * Notebook display of a chart as ONE Jupyter `display_data` output carrying three representations:
 * the Vega-Lite spec as a JSON object (JupyterLab and VS Code render it interactively), a PNG of the
 * same chart (GitHub and plain viewers show it) and a one-line text description.
 *
 * tslab's public `display` object sends one MIME type per call, so this module publishes the bundle
 * through the function tslab itself uses for that: the kernel keeps the current cell's
 * `display_data` writer in `lastWriteDisplayData`, exported by tslab's `dist/jupyter.js`
 * (tslab 1.0.22, https://github.com/yunabe/tslab, src/jupyter.ts; `display.raw` calls it with a
 * one-key `data` object). Node-only edge.
 *
 * The classic Notebook (6.x, what `npm run notebooks` opens) does not render the Vega-Lite MIME type
 * itself: the project's nbextension (scripts/notebook/nbextension/main.js, installed by
 * scripts/setup.mjs into .jupyter-local/) registers a renderer for it that draws the spec with the
 * vega-embed shipped beside it, offline, so the same output is interactive there too.
 *
 * Tables: {@link displayTable} publishes rows as an HTML table plus an aligned text table, where
 * `console.table` prints box-drawing text that wraps and quotes every string.
 */
import { htmlEscape } from '../briefing/html.js';
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { toPng } from './toPng.js';
import { InputError } from '../errors.js';

/** MIME type of Vega-Lite 5 specs, rendered interactively by JupyterLab and VS Code. */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/** The `display_data` content {@link displayChart} publishes (Jupyter messaging protocol 5). */
export interface ChartBundle {
  data: {
    /** The Vega-Lite spec itself, as a JSON object (never a string). */
    [VEGALITE_MIME]: TopLevelSpec;
    /** The PNG picture, base64. */
    'image/png': string;
    /** One line describing the chart. */
    'text/plain': string;
  };
  /** Display size of the PNG in CSS pixels (the picture itself is `scale` times larger). */
  metadata: { 'image/png': { width: number; height: number } };
}

/** Options of {@link chartBundle} and {@link displayChart}. */
export interface DisplayChartOptions {
  /** The text/plain line. Default: `Vega-Lite chart: <title> (<mark>)` from the spec. */
  text?: string;
  /** Pixels per CSS pixel of the PNG, > 0 and at most 8. Default 2 (sharp on high-density screens). */
  scale?: number;
}

/** Reads a title as plain text whether it is a string, lines or a title object. */
function titleText(title: unknown): string | undefined {
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? (title as { text?: unknown }).text : title;
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.join(' ');
  return undefined;
}

/**
 * One line describing a chart for `text/plain`: its title and mark, or its composition.
 *
 * @param spec a Vega-Lite top-level spec
 * @returns the description, one line
 * @example describeChart({ title: 'Win probability', mark: 'bar', encoding: {} }) // => 'Vega-Lite chart: Win probability (bar)'
 */
export function describeChart(spec: TopLevelSpec): string {
  const s = spec as unknown as Record<string, unknown>;
  const mark = s.mark;
  const markType = typeof mark === 'string' ? mark : typeof mark === 'object' && mark !== null ? String((mark as { type?: unknown }).type) : undefined;
  const kind =
    markType ?? ['layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat'].find((key) => key in s) ?? 'composite';
  const title = titleText(s.title);
  return `Vega-Lite chart: ${title ? `${title} ` : ''}(${kind})`.replace(/\s+/g, ' ');
}

/** Width and height in pixels from a PNG's IHDR chunk (bytes 16–23, PNG specification §11.2.2). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Builds the display bundle of a chart: spec (JSON object), PNG (base64) and text, plus the PNG's
 * display size. Works anywhere in Node; {@link displayChart} publishes it in a notebook.
 *
 * @param spec a Vega-Lite 5 top-level spec
 * @param options `text` line and PNG `scale`, see {@link DisplayChartOptions}
 * @returns the bundle, see {@link ChartBundle}
 * @throws InputError when `scale` is out of range; Error when the spec does not compile
 * @example
 * const bundle = await chartBundle(spec)
 * Object.keys(bundle.data) // => ['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']
 */
export async function chartBundle(spec: TopLevelSpec, options: DisplayChartOptions = {}): Promise<ChartBundle> {
  const scale = options.scale ?? 2;
  const png = await toPng(spec, { scale });
  const size = pngSize(png);
  return {
    data: {
      [VEGALITE_MIME]: spec,
      'image/png': Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64'),
      'text/plain': (options.text ?? describeChart(spec)).replace(/\s+/g, ' ').trim(),
    },
    metadata: { 'image/png': { width: Math.round(size.width / scale), height: Math.round(size.height / scale) } },
  };
}

/** tslab's writer of the current cell's display_data (see the module comment). */
type DisplayWriter = (content: { data: object; metadata: object; transient?: object }, update: boolean) => void;

const require = createRequire(import.meta.url);

/**
 * Finds the running tslab kernel's display writer among the modules already loaded in this process
 * (the kernel loads tslab's dist/jupyter.js at start). Outside a kernel nothing matches and tslab is
 * not loaded needlessly.
 */
function tslabWriter(): DisplayWriter | undefined {
  for (const [path, loaded] of Object.entries(require.cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path)) continue;
    const writer = (loaded?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === 'function') return writer as DisplayWriter;
  }
  return undefined;
}

/**
 * Displays a chart in a tslab notebook cell as one output with the Vega-Lite spec, a PNG and a text
 * line. Await it (tslab supports top-level await): `await displayChart(spec)`. The output goes to the
 * cell that called it even if the PNG finishes after the cell moved on.
 *
 * @param spec a Vega-Lite 5 top-level spec
 * @param options `text` line and PNG `scale`, see {@link DisplayChartOptions}
 * @throws Error when not running inside a tslab kernel (use {@link chartBundle} there)
 * @example await displayChart(spec, { text: 'Win probability by state' }) // => undefined; the cell shows the chart
 */
export async function displayChart(spec: TopLevelSpec, options: DisplayChartOptions = {}): Promise<void> {
  const write = tslabWriter();
  if (!write) {
    throw new Error('displayChart needs a running tslab notebook kernel; outside one, use chartBundle(spec) or toPng(spec)');
  }
  const bundle = await chartBundle(spec, options);
  write({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
}

/** A table's rows: plain objects whose values are shown as text (numbers and strings as given). */
export type TableRow = Record<string, string | number | boolean | null | undefined>;

/** Options of {@link tableBundle} and {@link displayTable}. */
export interface DisplayTableOptions {
  /** Columns to show, in order. Default: every key, in order of first appearance. */
  columns?: string[];
  /** A caption above the table. */
  caption?: string;
}

/** The `display_data` content {@link displayTable} publishes. */
export interface TableBundle {
  data: { 'text/html': string; 'text/plain': string };
  metadata: Record<string, never>;
}

function cellText(value: TableRow[string]): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Builds a table's display bundle: an HTML table (numbers right-aligned) and the same table as
 * aligned plain text, for terminals and viewers without HTML.
 *
 * @param rows the rows (plain objects)
 * @param options columns and caption
 * @returns the bundle
 * @throws InputError when rows is not an array of objects
 * @example
 * tableBundle([{ state: 'WI', margin: -0.8 }]).data['text/plain'] // => 'state  margin\nWI       -0.8'
 */
export function tableBundle(rows: readonly TableRow[], options: DisplayTableOptions = {}): TableBundle {
  if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    throw new InputError({ file: 'displayTable', at: 'rows', expected: 'an array of plain objects', found: Array.isArray(rows) ? 'an array with a non-object row' : typeof rows });
  }
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === undefined || r[c] === null || typeof r[c] === 'number'));
  const head = columns.map((c, j) => `<th style="text-align:${numeric[j] ? 'right' : 'left'}">${htmlEscape(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c, j) => `<td style="text-align:${numeric[j] ? 'right' : 'left'}">${htmlEscape(cellText(r[c]))}</td>`).join('')}</tr>`)
    .join('');
  const caption = options.caption ? `<caption style="text-align:left">${htmlEscape(options.caption)}</caption>` : '';
  const html = `<table class="campaign-lab-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  const cells = [columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))];
  const widths = columns.map((_, j) => Math.max(...cells.map((line) => [...line[j]].length)));
  const lines = cells.map((line) =>
    line
      .map((text, j) => (numeric[j] && line !== cells[0] ? text.padStart(widths[j]) : text.padEnd(widths[j])))
      .join('  ')
      .trimEnd(),
  );
  const text = [...(options.caption ? [options.caption] : []), ...lines].join('\n');
  return { data: { 'text/html': html, 'text/plain': text }, metadata: {} };
}

/**
 * Displays rows as a table in a tslab notebook cell: one output with an HTML table and an aligned
 * text table (instead of `console.table`'s wrapped box drawing). Outside a kernel, prints the text
 * table on the console.
 *
 * @param rows the rows (plain objects)
 * @param options columns and caption
 * @throws InputError when rows is not an array of objects
 * @example displayTable([{ state: 'WI', margin: -0.8 }]) // => undefined; the cell shows a two-column table
 */
export function displayTable(rows: readonly TableRow[], options: DisplayTableOptions = {}): void {
  const bundle = tableBundle(rows, options);
  const write = tslabWriter();
  if (!write) {
    console.log(bundle.data['text/plain']);
    return;
  }
  write({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
}
