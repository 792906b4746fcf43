/**
 * The multi-chart briefing page: the finding in one sentence, headline figures, charts, the
 * assumptions table with numbered sources, and optionally
 * - live controls: the project's own engine, bundled (scripts/bundleLiveEngine.mjs), runs in a Web
 *   Worker started from a Blob URL and re-runs the scenario as the presenter moves a control
 *   (`data-control="<scenario key path>"`); the figure cards carrying `data-figure` update from it;
 * - a slider over precomputed steps (list size or budget) whose figures and charts are embedded.
 * One self-contained HTML file that works offline (a Content-Security-Policy forbids every request).
 * Browser-safe: the scripts it inlines (the Vega libraries, the page's script, the live engine) are
 * given as text ({@link BriefingScripts}; src/node/pageScripts.ts reads them).
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { BASE_STYLE, citeMarks, htmlEscape, jsonForScript, offlinePageHead } from './html.js';
import { formatControl, type ControlFormat } from './formatNumber.js';
import { MESSAGES } from './messages.js';

/** A headline figure: `{ label: 'P(D wins)', value: '41%', note: '± 0.3 pp, 100,000 simulations' }`. */
export interface HeadlineFigure {
  label: string;
  /** Shown as given when text; numbers are formatted in the page's language (up to 2 decimals). */
  value: string | number;
  note?: string;
}

/** One chart of the briefing. */
export interface BriefingChart {
  /** Short name of the chart (figure label for screen readers; the spec carries its own title). */
  title: string;
  spec: TopLevelSpec;
  /**
   * The same chart laid out for a phone (narrower plot, same text sizes): drawn instead of `spec` when
   * the chart's box is narrower than `spec`'s own width. Without it a narrow box scrolls sideways.
   */
  narrowSpec?: TopLevelSpec;
}

/** One row of the assumptions table. */
export interface BriefingAssumption {
  /** Parameter or setting (`channels.door.effect`, `uncertainty.national`). */
  key: string;
  /** The parameter in words (`Door knocking: turnout effect among people reached`). Default: the key. */
  label?: string;
  /** How sure the source is: H, M or L. */
  confidence?: string;
  /** Its value with unit (`4.0 pp`). */
  value: string | number;
  /**
   * Citation (`Gerber & Green 2000 APSR 94(3)`), or `scenario` for a user's choice. Rows citing the
   * same text share one numbered entry of the page's source list.
   */
  source: string;
}

/** One precomputed step of the sweep. */
export interface BriefingSweepStep {
  /** The swept value (list size in people, budget in currency units). */
  value: number;
  /** How the value is shown by the slider. Default: the number formatted in the page's language. */
  label?: string;
  /** Figures for this step, shown beside the slider. */
  headline: HeadlineFigure[];
  /** Charts for this step, one per sweep slot; every step has the same number. */
  specs: TopLevelSpec[];
}

/** The slider: what it sweeps and the steps it moves between. */
export interface BriefingSweep {
  /** What the slider moves (`Democratic list size`). */
  label: string;
  steps: BriefingSweepStep[];
  /** Index of the step shown first. Default 0. */
  initial?: number;
}

/** One live control: a slider over a scenario key, re-run by the page's engine. */
export interface BriefingControl {
  /** Scenario key path it sets, as `campaign-lab run --set <key>=<value>` would (`campaigns.D.listSize`). */
  key: string;
  /** What it moves, in words (`D's list size`). */
  label: string;
  min: number;
  max: number;
  step: number;
  /** The scenario's own value (where the control starts). */
  value: number;
  /** How values are shown: whole people, a share 0–1 as %, or pp toward the first side. */
  format: ControlFormat;
  /** Shown under a fold (`<details>`) with the other secondary controls. Default false. */
  secondary?: boolean;
}

/** A figure card the live engine keeps up to date. */
export interface LiveFigure {
  /**
   * Name of the figure, also its `data-figure` attribute: `pWin` and `pWinB` (each side's P(win)),
   * `weight` (expected weights), `tippingPoint`, `votes` (mean net votes each campaign adds).
   */
  figure: 'pWin' | 'pWinB' | 'weight' | 'tippingPoint' | 'votes';
  label: string;
  /** Text shown before the first live run (the report's own figure). */
  value: string;
  /** The figure as a number (a probability 0–1), written to `data-value` for scripts; live runs update it. */
  raw?: number;
  note?: string;
}

/**
 * The scripts a page inlines, as text (src/node/pageScripts.ts `briefingScripts()` reads them from the
 * package): the Vega libraries in load order, the page's own script (src/browser/briefingPageScript.ts,
 * bundled) and the live engine (src/browser/liveWorker.ts, bundled; needed only with live controls).
 */
export interface BriefingScripts {
  libraries: { name: string; script: string }[];
  page: string;
  engine?: string;
}

/** The live part of the page: the engine's inputs and the controls. */
export interface BriefingLive {
  /** What the engine needs to re-run the scenario (src/browser/liveRun.ts, LiveInputs), plain JSON. */
  inputs: unknown;
  controls: BriefingControl[];
  figures: LiveFigure[];
  /** The two sides, ours first (to read the engine's per-side figures). */
  sides: [string, string];
  /** Weight needed to win, for the expected-weight card. */
  threshold: number;
  /** The decision rule (`electoral-college`, `seats`…): names the bias under the tipping-point card. */
  rule?: string;
  /** A sentence under the controls: what a change re-runs and which command gives the same figures. */
  note: string;
  /** Summary line of the fold holding the secondary controls (`Channels: share of the list targeted`). */
  secondaryLabel?: string;
  /**
   * A chart the engine redraws after each run: its index in `charts`, and what the engine needs to
   * build it (passed to the worker as `map`; the worker answers with `mapSpec`).
   */
  redrawnChart?: { chart: number; map: unknown };
}

/** A chart slot that shows the live setting on top of a precomputed chart (a named dataset of the spec). */
export interface LiveChartMarker {
  /** Index in `charts`. */
  chart: number;
  /** Name of the spec's dataset that receives `{value, pWin}` of the latest live run. */
  dataset: string;
  /** The control whose value is the x of the marker. */
  control: string;
}

/** A table of the page, shown after the charts (a multi-candidate race's closest units). Cells are plain text, escaped. */
export interface BriefingTable {
  title: string;
  /** A sentence under the title: what the rows are. */
  note?: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Input of {@link briefingPage}. */
export interface BriefingInput {
  /** The page's headline: the finding in one sentence. */
  title: string;
  /** A line above the title: what was run (scenario name, country and year). */
  kicker?: string;
  subtitle?: string;
  /** A paragraph under the subtitle (the scenario's own description). */
  description?: string;
  /** Language of the page's own words and number formats. Default `en`. */
  locale?: 'en' | 'fr';
  headline: HeadlineFigure[];
  charts: BriefingChart[];
  assumptions: BriefingAssumption[];
  /** Tables shown after the charts. */
  tables?: BriefingTable[];
  sweep?: BriefingSweep;
  /** Live controls re-running the scenario in the page. */
  live?: BriefingLive;
  /** Precomputed charts that mark the live setting. */
  liveMarkers?: LiveChartMarker[];
  /** A line for the page footer: what made it (`campaign-lab 0.1.0, seed 2000, 100,000 simulations`). */
  generatedBy?: string;
  /** The scripts the page inlines. */
  scripts: BriefingScripts;
}

/** The page's words and the confidence levels' words, from the message catalogue. */
const CONFIDENCE_WORDS: Record<'en' | 'fr', Record<string, string>> = { en: MESSAGES.en.confidence, fr: MESSAGES.fr.confidence };
const WORDS = { en: MESSAGES.en.page, fr: MESSAGES.fr.page };

function formatValue(value: string | number, locale: 'en' | 'fr'): string {
  if (typeof value === 'string') return value;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 }).format(value);
}

function figuresHtml(figures: HeadlineFigure[], locale: 'en' | 'fr'): string {
  return figures
    .map(
      (f) =>
        `<div class="figure-card"><div class="figure-value">${htmlEscape(formatValue(f.value, locale))}</div><div class="figure-label">${htmlEscape(f.label)}</div>${f.note ? `<div class="figure-note">${htmlEscape(f.note)}</div>` : ''}</div>`,
    )
    .join('\n');
}

/** Script text safe inside a `<script>` element (any `</script` is written `<\/script`). */
function scriptText(text: string): string {
  return text.replace(/<\/script/gi, '<\\/script');
}

function checkInput(input: BriefingInput): void {
  const fail = (at: string, expected: string, found: unknown) => {
    throw new InputError({ file: 'briefingPage', at, expected, found: JSON.stringify(found)?.slice(0, 60) ?? String(found) });
  };
  if (typeof input?.title !== 'string' || input.title.trim() === '') fail('title', 'a non-empty string', input?.title);
  if (!Array.isArray(input.headline)) fail('headline', 'a list of figures', input.headline);
  if (!Array.isArray(input.charts)) fail('charts', 'a list of {title, spec}', input.charts);
  input.charts.forEach((c, i) => {
    if (typeof c?.spec !== 'object' || c.spec === null) fail(`charts[${i}].spec`, 'a Vega-Lite spec object', c?.spec);
  });
  if (typeof input.scripts?.page !== 'string') fail('scripts.page', "the page's script (src/node/pageScripts.ts briefingScripts())", input.scripts);
  if (input.live && typeof input.scripts.engine !== 'string') fail('scripts.engine', 'the live engine, for live controls', undefined);
  if (!Array.isArray(input.assumptions)) fail('assumptions', 'a list of {key, value, source}', input.assumptions);
  input.assumptions.forEach((a, i) => {
    if (typeof a?.source !== 'string' || a.source.trim() === '') fail(`assumptions[${i}].source`, 'a citation', a?.source);
  });
  const sweep = input.sweep;
  if (sweep) {
    if (!Array.isArray(sweep.steps) || sweep.steps.length === 0) fail('sweep.steps', 'at least one step', sweep.steps);
    const slots = sweep.steps[0].specs?.length;
    sweep.steps.forEach((s, i) => {
      if (!Number.isFinite(s.value)) fail(`sweep.steps[${i}].value`, 'a finite number', s.value);
      if (!Array.isArray(s.specs) || s.specs.length !== slots) fail(`sweep.steps[${i}].specs`, `${slots} specs like the first step`, s.specs?.length);
      if (!Array.isArray(s.headline)) fail(`sweep.steps[${i}].headline`, 'a list of figures', s.headline);
    });
    const initial = sweep.initial ?? 0;
    if (!(Number.isInteger(initial) && initial >= 0 && initial < sweep.steps.length)) fail('sweep.initial', `a step index in 0…${sweep.steps.length - 1}`, initial);
  }
}

/** The page's style sheet: the shared base, then the briefing's own rules. */
const PAGE_STYLE = `${BASE_STYLE}
  body { max-width: 1180px; margin: 24px auto; padding: 0 24px; }
  header .kicker { font-size: 16px; color: #555; text-transform: none; margin: 0 0 6px; }
  header h1 { font-size: 32px; line-height: 1.25; margin: 0 0 10px; }
  header p { font-size: 19px; color: #444; margin: 0 0 18px; }
  h2 { font-size: 24px; margin: 28px 0 12px; }
  .figures { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 8px; }
  .figure-card { border: 1px solid #ddd; border-radius: 8px; padding: 14px 18px; flex: 1 1 220px; background: #fafafa; }
  .figure-value { font-size: 34px; font-weight: bold; white-space: nowrap; }
  .figure-label { font-size: 16px; margin-top: 4px; }
  .figure-note { font-size: 13px; color: #555; margin-top: 4px; }
  .charts figure { margin: 0 0 28px; }
  .chart { overflow-x: auto; }
  .chart, .chart .vega-embed { width: 100%; max-width: 100%; }
  .chart svg.marks { width: 100%; height: auto; }
  .sweep-charts .chart { margin: 0 0 28px; }
  .slider-row { display: flex; align-items: center; gap: 18px; margin-bottom: 16px; flex-wrap: wrap; }
  #sweep-slider { width: min(640px, 100%); height: 28px; }
  #sweep-value { font-size: 24px; font-weight: bold; min-width: 8em; }
  .sweep, .live { border-top: 3px solid #ddd; border-bottom: 3px solid #ddd; padding-bottom: 12px; margin-bottom: 24px; }
  .controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px 28px; margin-bottom: 18px; }
  .control { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 2px 12px; font-size: 16px; }
  .control input { grid-column: 1 / span 2; width: 100%; height: 26px; margin: 0; }
  .control output { font-weight: bold; grid-row: 1; grid-column: 2; }
  .more-controls { margin: 8px 0 12px; font-size: 16px; }
  .more-controls summary { cursor: pointer; margin-bottom: 10px; }
  .description { font-size: 15px; color: #555; margin: -8px 0 18px; }
  .live-status { margin: 4px 0 16px; display: flex; align-items: center; gap: 12px; font-size: 15px; color: #444; flex-wrap: wrap; }
  #live-progress { width: 160px; }
  .live[data-state="running"] [data-figure] { color: #777; }
  .live[data-state="error"] #live-state { color: #b00020; font-weight: bold; }
  .live-note { font-size: 14px; color: #555; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; font-size: 15px; }
  th, td { border-bottom: 1px solid #ddd; padding: 6px 12px; text-align: left; vertical-align: top; }
  td code { font-size: 12px; color: #666; }
  .confidence { font-size: 12px; color: #666; }
  .sources { font-size: 14px; line-height: 1.45; padding-left: 28px; }
  .sources li { margin-bottom: 6px; overflow-wrap: anywhere; }
  footer { margin-top: 32px; font-size: 13px; color: #555; }
  @page { size: A4 landscape; margin: 10mm 12mm; }
  @media print {
    body { max-width: none; margin: 0; padding: 0; }
    .live-status, .controls, .more-controls, .live-note, #live-stale, .slider-row, .vega-embed .vega-actions, .vega-embed > details { display: none !important; }
    .live, .sweep { border: 0; padding: 0; margin: 0; }
    .figures { break-inside: avoid; }
    .figure-card { flex: 1 1 200px; }
    .charts figure, .sweep-charts .chart { break-before: page; break-inside: avoid; margin: 0; }
    .chart { overflow: visible; }
    .chart svg.marks { width: auto !important; min-width: 0 !important; max-width: 100% !important; height: auto; max-height: 180mm; }
    .assumptions { break-before: page; }
    .page-table { break-before: page; } .page-table tr { break-inside: avoid; }
    .assumptions tr, .sources li { break-inside: avoid; }
    .assumptions h2 + .table-wrap + h2 { break-before: page; }
    footer { break-inside: avoid; }
  }
  @media (max-width: 640px) {
    body { padding: 0 12px; margin: 12px auto; } header h1 { font-size: 25px; } header p { font-size: 17px; }
    .figure-value { font-size: 26px; white-space: normal; } .figure-card { flex-basis: 100%; }
    .controls { grid-template-columns: 1fr; } .control input { height: 36px; } #live-reset { min-height: 40px; padding: 0 14px; }
    .assumptions thead { display: none; }
    .assumptions tr { display: block; border-bottom: 1px solid #ddd; padding: 8px 0; }
    .assumptions td { display: block; border: 0; padding: 2px 0; }
    .assumptions td[data-label]::before { content: attr(data-label) " "; color: #555; }
  }
`;

/** The sweep's data for the page script (figures formatted) and its section: the slider, the figures and the chart slots. */
function sweepSection(input: BriefingInput, locale: keyof typeof WORDS) {
  const words = WORDS[locale];
  const sweep = input.sweep;
  const sweepData = sweep
    ? {
        label: sweep.label,
        initial: sweep.initial ?? 0,
        steps: sweep.steps.map((s) => ({
          display: s.label ?? formatValue(s.value, locale),
          headline: s.headline.map((f) => ({ label: f.label, value: formatValue(f.value, locale), note: f.note ?? '' })),
          specs: s.specs,
        })),
      }
    : null;
  const first = sweepData ? sweepData.steps[sweepData.initial] : null;
  const sweepHtml = sweep && sweepData && first
    ? `<section class="sweep" aria-labelledby="sweep-title">
<h2 id="sweep-title">${htmlEscape(words.sweep)}: ${htmlEscape(sweep.label)}</h2>
<div class="slider-row">
<input type="range" id="sweep-slider" min="0" max="${sweep.steps.length - 1}" step="1" value="${sweepData.initial}" aria-label="${htmlEscape(sweep.label)}" aria-valuetext="${htmlEscape(first.display)}">
<output id="sweep-value" for="sweep-slider">${htmlEscape(first.display)}</output>
</div>
<div class="figures" id="sweep-figures">${figuresHtml(sweep.steps[sweepData.initial].headline, locale)}</div>
<div class="sweep-charts">${first.specs.map((_, j) => `<div class="chart" id="sweep-chart-${j}"></div>`).join('')}</div>
</section>`
    : '';
  return { sweepData, sweepHtml };
}

/** The assumptions table, each distinct source once, numbered in order of first use (rows point at their number). */
function assumptionsSection(assumptions: BriefingInput['assumptions'], locale: keyof typeof WORDS): string {
  const words = WORDS[locale];
  const sourceNumbers = new Map<string, number>();
  for (const a of assumptions) if (!sourceNumbers.has(a.source)) sourceNumbers.set(a.source, sourceNumbers.size + 1);
  return assumptions.length
    ? `<section class="assumptions"><h2>${htmlEscape(words.assumptions)}</h2>
<div class="table-wrap"><table><thead><tr><th>${htmlEscape(words.key)}</th><th>${htmlEscape(words.value)}</th><th>${htmlEscape(words.source)}</th></tr></thead><tbody>
${assumptions
  .map((a) => {
    const n = sourceNumbers.get(a.source) as number;
    const key = a.label ? `${htmlEscape(a.label)}<br><code>${htmlEscape(a.key)}</code>` : `<code>${htmlEscape(a.key)}</code>`;
    return `<tr><td>${key}</td><td data-label="${htmlEscape(words.value + words.colon)}">${htmlEscape(formatValue(a.value, locale))}</td><td data-label="${htmlEscape(words.source + words.colon)}"><a href="#source-${n}">[${n}]</a>${a.confidence ? ` <span class="confidence" title="${htmlEscape(CONFIDENCE_WORDS[locale][a.confidence] ?? a.confidence)}">${htmlEscape(a.confidence)}</span>` : ''}</td></tr>`;
  })
  .join('\n')}
</tbody></table></div>
<h2>${htmlEscape(words.sources)}</h2>
<ol class="sources">${[...sourceNumbers].map(([text, n]) => `<li id="source-${n}">${citeMarks(text)}</li>`).join('\n')}</ol></section>`
    : '';
}

/** A table of the page after the charts: title, note, and its rows (numbers formatted in the page's language). */
function tableSection(table: BriefingTable, locale: keyof typeof WORDS): string {
  const cell = (v: string | number) => `<td>${htmlEscape(formatValue(v, locale))}</td>`;
  return `<section class="page-table"><h2>${htmlEscape(table.title)}</h2>${table.note ? `<p class="description">${htmlEscape(table.note)}</p>` : ''}
<div class="table-wrap"><table><thead><tr>${table.columns.map((c) => `<th>${htmlEscape(c)}</th>`).join('')}</tr></thead><tbody>
${table.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}
</tbody></table></div></section>`;
}

/** The live section: the figures, the run's state, the controls (secondary ones folded away) and the note. */
function liveSection(live: NonNullable<BriefingInput['live']>, locale: keyof typeof WORDS): string {
  const words = WORDS[locale];
  const controlHtml = (c: BriefingControl, i: number) => `<label class="control"><span class="control-label">${htmlEscape(c.label)}</span>
<input type="range" id="control-${i}" data-control="${htmlEscape(c.key)}" data-format="${c.format}" data-initial="${c.value}" min="${c.min}" max="${c.max}" step="${c.step}" value="${c.value}" aria-valuetext="${htmlEscape(formatControl(c.value, c.format, locale))}">
<output for="control-${i}" id="control-${i}-value">${htmlEscape(formatControl(c.value, c.format, locale))}</output></label>`;
  return `<section class="live" aria-labelledby="live-title">
<h2 id="live-title">${htmlEscape(words.live)}</h2>
<div class="figures" id="live-figures">${live.figures
        .map((f) => `<div class="figure-card"><div class="figure-value" data-figure="${f.figure}"${f.raw !== undefined ? ` data-value="${f.raw}"` : ''}>${htmlEscape(f.value)}</div><div class="figure-label">${htmlEscape(f.label)}</div>${f.note ? `<div class="figure-note" data-figure-note="${f.figure}">${htmlEscape(f.note)}</div>` : ''}</div>`)
        .join('\n')}</div>
<div class="live-status"><progress id="live-progress" max="1" value="1"></progress> <span id="live-state" role="status">${htmlEscape(words.done)}</span> <button type="button" id="live-reset">${htmlEscape(words.reset)}</button></div>
<div class="controls">${live.controls.map((c, i) => (c.secondary ? '' : controlHtml(c, i))).join('\n')}</div>
${live.controls.some((c) => c.secondary) ? `<details class="more-controls"><summary>${htmlEscape(live.secondaryLabel ?? words.more)}</summary><div class="controls">${live.controls.map((c, i) => (c.secondary ? controlHtml(c, i) : '')).join('\n')}</div></details>` : ''}
<p class="live-note">${htmlEscape(live.note).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>
</section>`;
}

/**
 * Writes the briefing as one self-contained HTML document. Static parts (title, headline figures,
 * assumptions with citations) are plain HTML; charts are drawn by the inlined Vega-Embed with
 * tooltips; the sweep slider (`<input type="range" id="sweep-slider">`) swaps the step's figures
 * (`#sweep-figures`) and charts (`#sweep-chart-0`, …) without any network request.
 * The page sets `window.briefingReady` (a promise for the first drawing) for automated checks.
 *
 * @param input title, subtitle, locale, headline figures, charts, assumptions, optional sweep
 * @returns the HTML document
 * @throws InputError when the title is empty, an assumption has no source, or sweep steps differ in chart count
 * @example briefingPage({ title: 'Briefing', headline: [], charts: [], assumptions: [] }).includes('<h1>Briefing</h1>') // => true
 */
export function briefingPage(input: BriefingInput): string {
  checkInput(input);
  const locale = input.locale ?? 'en';
  const words = WORDS[locale];
  const { sweepData, sweepHtml } = sweepSection(input, locale);
  const assumptionsHtml = assumptionsSection(input.assumptions, locale);
  const live = input.live;
  const liveHtml = live ? liveSection(live, locale) : '';
  const liveData = live
    ? {
        inputs: live.inputs,
        sides: live.sides,
        threshold: live.threshold,
        rule: live.rule ?? '',
        markers: (input.liveMarkers ?? []).map((m) => ({ target: `chart-${m.chart}`, dataset: m.dataset, control: m.control })),
        redrawn: live.redrawnChart ? { target: `chart-${live.redrawnChart.chart}`, map: live.redrawnChart.map } : null,
        words: { running: words.running, done: words.done, failed: words.failed, colon: words.colon },
      }
    : null;
  const data = { charts: input.charts.map((c) => c.spec), narrowCharts: input.charts.map((c) => c.narrowSpec ?? null), words: { chartFailed: words.chartFailed, embed: MESSAGES[locale].embed }, sweep: sweepData, live: liveData, locale };
  return `${offlinePageHead(locale, input.kicker ? `${input.kicker}: ${input.title}` : input.title, PAGE_STYLE)}
<body>
<header>${input.kicker ? `<p class="kicker">${htmlEscape(input.kicker)}</p>` : ''}<h1>${htmlEscape(input.title)}</h1>${input.subtitle ? `<p>${htmlEscape(input.subtitle)}</p>` : ''}${input.description ? `<p class="description">${htmlEscape(input.description)}</p>` : ''}<p class="description" id="live-stale" hidden>${htmlEscape(words.stale)}</p></header>
${input.headline.length ? `<section aria-label="${htmlEscape(words.headline)}"><div class="figures" id="headline">${figuresHtml(input.headline, locale)}</div></section>` : ''}
${liveHtml}
${sweepHtml}
${input.charts.length ? `<section class="charts" aria-label="${htmlEscape(words.charts)}">${input.charts.map((c, i) => `<figure><div class="chart" id="chart-${i}" role="figure" aria-label="${htmlEscape(c.title)}"></div></figure>`).join('\n')}</section>` : ''}
${(input.tables ?? []).map((t) => tableSection(t, locale)).join('\n')}
${assumptionsHtml}
<footer>${input.generatedBy ? `${htmlEscape(input.generatedBy)}. ` : ''}${htmlEscape(words.offline)}</footer>
<script type="application/json" id="briefing-data">${jsonForScript(data)}</script>
${live ? `<script type="text/plain" id="live-engine">${scriptText(input.scripts.engine ?? '')}</script>` : ''}
${input.scripts.libraries.map((l) => `<script data-library="${htmlEscape(l.name)}">${scriptText(l.script)}</script>`).join('\n')}
<script>${scriptText(input.scripts.page)}</script>
</body>
</html>
`;
}
