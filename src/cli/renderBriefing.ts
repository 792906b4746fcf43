/**
 * briefing.html of a report: one self-contained page (no network, no scripts from elsewhere) with the
 * headline figures, the charts inline as SVG, a list-size slider over a precomputed sweep, and the
 * assumptions with their sources.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import type { ListSizeSweep, ReportChart } from './reportCharts.js';
import { reportSources } from './reportCharts.js';
import { formatCount, formatShare } from './formatNumber.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The value at a dotted key path of a plain object, or undefined. */
function valueAt(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Short text of an assumption's value: numbers, priors `central (low–high)`, short maps. */
export function describeAssumption(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? formatCount(value) : String(Math.round(value * 10000) / 10000);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.central === 'number' && typeof v.low === 'number' && typeof v.high === 'number') return `${v.central} (${v.low} to ${v.high})`;
    const entries = Object.entries(v);
    if (entries.length > 6) return `${entries.length} values (see summary.json)`;
    return entries.map(([k, x]) => `${k}: ${describeAssumption(x)}`).join('; ');
  }
  return value === undefined ? '' : JSON.stringify(value);
}

/** Inputs of {@link renderBriefing}. */
export interface BriefingInput {
  summary: RunSummary;
  charts: ReportChart[];
  /** SVG text per chart name. */
  svgs: Record<string, string>;
  sweep?: ListSizeSweep;
}

/**
 * Renders the briefing page.
 *
 * @example
 * renderBriefing({ summary, charts, svgs }).startsWith('<!DOCTYPE html>') // => true
 */
export function renderBriefing(input: BriefingInput): string {
  const { summary, charts, svgs, sweep } = input;
  const [a, b] = summary.sides;
  const s = summary.scenario;
  const tipping = Object.entries(summary.tippingPoint).slice(0, 3);
  const headline: [string, string][] = [
    [`P(${a} wins)`, `${formatShare(summary.pWin[a])} ± ${formatShare(1.96 * summary.standardError[a], 2)}`],
    [`P(${b} wins)`, formatShare(summary.pWin[b])],
    ['P(tie)', formatShare(summary.pTie, 2)],
  ];
  if (summary.threshold > 1) {
    headline.push([`Expected weight ${a}–${b}`, `${summary.expectedWeight[a].toFixed(1)} – ${summary.expectedWeight[b].toFixed(1)} (${summary.threshold} to win)`]);
  }
  headline.push([`Votes added by ${a}'s campaign`, formatCount(summary.expectedExtraVotes[a])], [`Votes added by ${b}'s campaign`, formatCount(summary.expectedExtraVotes[b])]);
  if (tipping.length > 0) headline.push(['Tipping point', tipping.map(([id, p]) => `${escapeHtml(id)} ${formatShare(p)}`).join(', ')]);
  const assumptions = Object.entries(s.citations).map(
    ([path, c]) =>
      `<tr><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(describeAssumption(valueAt(s, path)))}</td><td>${escapeHtml(c.source)}${c.note ? `<br><small>${escapeHtml(c.note)}</small>` : ''}</td><td>${escapeHtml(c.confidence)}</td></tr>`,
  );
  const slider = sweep
    ? `<section class="slider"><h2>If ${escapeHtml(sweep.side)}'s list were larger or smaller</h2>
<input id="list" type="range" min="0" max="${sweep.points.length - 1}" step="1" value="${Math.max(0, sweep.points.findIndex((p) => p.value === sweep.current))}" aria-label="list size">
<p id="list-out"></p>
<p><small>Precomputed: ${formatCount(sweep.simulations)} draws per point with the same seed (common random numbers); interval is 95% Monte Carlo.</small></p>
<script>
(function () {
  var points = ${JSON.stringify(sweep.points).replace(/</g, '\\u003c')};
  var input = document.getElementById('list'), out = document.getElementById('list-out');
  function show() {
    var p = points[Number(input.value)];
    out.textContent = 'List of ' + Math.round(p.value).toLocaleString('en-US') + ' people: P(${escapeHtml(sweep.side)} wins) ' +
      (100 * p.pWin).toFixed(1) + '% (' + (100 * p.low).toFixed(1) + '–' + (100 * p.high).toFixed(1) + '%)';
  }
  input.addEventListener('input', show); show();
})();
</script></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(summary.name)} – campaign-lab briefing</title>
<style>
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 980px; color: #222; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .subtitle { color: #555; margin-top: 0; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0.8rem; margin: 1.5rem 0; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: 0.7rem; } .figure b { display: block; font-size: 1.3rem; }
.chart { margin: 2rem 0; overflow-x: auto; } .chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; } td, th { border-bottom: 1px solid #eee; padding: 0.35rem; text-align: left; vertical-align: top; }
small { color: #666; }
</style>
</head>
<body>
<h1>${escapeHtml(summary.name)}</h1>
<p class="subtitle">${escapeHtml(`${s.country.toUpperCase()} ${s.year}${s.round ? ` round ${s.round}` : ''}, ${summary.rule}, ${formatCount(summary.simulations)} simulated elections, seed ${summary.seed}`)}${s.description ? `<br>${escapeHtml(s.description)}` : ''}</p>
<section class="headline">
${headline.map(([k, v]) => `<div class="figure">${escapeHtml(k)}<b>${v.includes('<') ? v : escapeHtml(v)}</b></div>`).join('\n')}
</section>
${slider}
${charts.map((c) => `<section class="chart"><h2>${escapeHtml(c.title)}</h2>\n${svgs[c.name] ?? ''}\n</section>`).join('\n')}
<section><h2>Assumptions and sources</h2>
<table><thead><tr><th>Key</th><th>Value</th><th>Source</th><th>Confidence</th></tr></thead><tbody>
${assumptions.join('\n')}
</tbody></table>
<p><small>Sources: ${reportSources(summary).map(escapeHtml).join('; ')}. Confidence: H primary and consistent, M one good secondary source, L weak or derived.</small></p>
</section>
</body>
</html>
`;
}
