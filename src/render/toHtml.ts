/**
 * A standalone HTML page for one chart that works offline: Vega, Vega-Lite and Vega-Embed are
 * inlined from node_modules, the spec is embedded as JSON, tooltips are on, and a
 * Content-Security-Policy forbids every network request when the page is viewed.
 *
 * Node-only edge.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BASE_STYLE, EMBED_OPTIONS, htmlEscape, jsonForScript, offlinePageHead } from '../briefing/html.js';
import { vendorScriptTags } from './htmlAssets.js';

/** Options of {@link toHtml}. */
export interface ToHtmlOptions {
  /** Page title (the browser tab). Default: the chart's title, or "Chart". */
  title?: string;
  /** Language of the page (`lang` attribute). Default `en`. */
  lang?: string;
}

/**
 * Reads a chart title as plain text (a string, lines, or a title object).
 * @example specTitle({ title: { text: 'EV', subtitle: 's' }, mark: 'point' }) // => 'EV'
 */
function specTitle(spec: TopLevelSpec): string | undefined {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? (title as { text?: unknown }).text : title;
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.join(' ');
  return undefined;
}

/**
 * Writes one chart as a self-contained HTML document (about 0.9 MB, most of it the three libraries).
 * The chart renders as SVG in `<div id="chart">`; failures are shown in the page and on the console.
 *
 * @param spec a Vega-Lite 5 spec with inline data
 * @param options page title and language
 * @returns the HTML document
 * @throws Error when the Vega libraries are not installed
 * @example toHtml(spec).startsWith('<!doctype html>') // => true
 */
export function toHtml(spec: TopLevelSpec, options: ToHtmlOptions = {}): string {
  const title = options.title ?? specTitle(spec) ?? 'Chart';
  return `${offlinePageHead(options.lang ?? 'en', title, BASE_STYLE)}
<body>
<div id="chart" class="chart" role="figure" aria-label="${htmlEscape(title)}"></div>
<script type="application/json" id="chart-spec">${jsonForScript(spec)}</script>
${vendorScriptTags()}
<script>
(function () {
  var spec = JSON.parse(document.getElementById('chart-spec').textContent);
  var target = document.getElementById('chart');
  window.chartReady = vegaEmbed(target, spec, ${JSON.stringify(EMBED_OPTIONS)}).then(function (result) {
    target.setAttribute('data-rendered', 'true');
    return result;
  }, function (error) {
    target.className += ' chart-error';
    target.textContent = 'The chart could not be drawn: ' + error.message;
    console.error(error);
  });
})();
</script>
</body>
</html>
`;
}
