/**
 * The multi-chart briefing page: the finding in one sentence, headline figures, charts, the
 * assumptions table with numbered sources, and optionally
 * - live controls: the project's own engine, bundled (scripts/bundleLiveEngine.mjs), runs in a Web
 *   Worker started from a Blob URL and re-runs the scenario as the presenter moves a control
 *   (`data-control="<scenario key path>"`); the figure cards carrying `data-figure` update from it;
 * - a slider over precomputed steps (list size or budget) whose figures and charts are embedded.
 * One self-contained HTML file that works offline (a Content-Security-Policy forbids every request).
 *
 * Node-only edge.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { BASE_STYLE, EMBED_OPTIONS, OFFLINE_CSP, htmlEscape, jsonForScript, vendorScriptTags } from './htmlAssets.js';

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
  format: 'count' | 'share' | 'pp';
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

/** The live part of the page: engine, its inputs and the controls. */
export interface BriefingLive {
  /** The bundled engine (a classic script; see src/browser/liveWorker.ts for its message protocol). */
  engineScript: string;
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
  sweep?: BriefingSweep;
  /** Live controls re-running the scenario in the page. */
  live?: BriefingLive;
  /** Precomputed charts that mark the live setting. */
  liveMarkers?: LiveChartMarker[];
  /** A line for the page footer: what made it (`campaign-lab 0.1.0, seed 2000, 100,000 simulations`). */
  generatedBy?: string;
}

/** A control value as shown beside its slider. */
function formatControl(value: number, format: BriefingControl['format'], locale: 'en' | 'fr'): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  if (format === 'share') return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value * 100)}${locale === 'fr' ? '\u202f' : ''}%`;
  if (format === 'pp') return `${value > 0 ? '+' : ''}${new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} pp`;
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
}

const CONFIDENCE_WORDS: Record<'en' | 'fr', Record<string, string>> = {
  en: { H: 'confidence: high', M: 'confidence: medium', L: 'confidence: low' },
  fr: { H: 'confiance : élevée', M: 'confiance : moyenne', L: 'confiance : faible' },
};

const WORDS = {
  en: { headline: 'Headline figures', charts: 'Charts', assumptions: 'Assumptions', key: 'Parameter', value: 'Value', source: 'Source', sources: 'Sources', sweep: 'Explore', live: 'Try it: move a control, the page re-runs the simulation', running: 'Re-running', done: 'Up to date', failed: 'This setting could not be run', reset: 'Back to the scenario', more: 'More controls', offline: 'This page works offline: every chart and figure is embedded.', stale: 'The sentence above and the charts below the controls describe the scenario as it was run; the figures under "Try it" and the map follow your settings.' },
  fr: { headline: 'Chiffres clés', charts: 'Graphiques', assumptions: 'Hypothèses', key: 'Paramètre', value: 'Valeur', source: 'Source', sources: 'Sources', sweep: 'Explorer', live: 'À vous : déplacez un curseur, la page relance la simulation', running: 'Simulation en cours', done: 'À jour', failed: "Ce réglage n'a pas pu être simulé", reset: 'Revenir au scénario', more: 'Autres réglages', offline: 'Cette page fonctionne hors ligne : graphiques et chiffres sont intégrés.', stale: 'La phrase ci-dessus et les graphiques sous les réglages décrivent le scénario tel qu\'il a été simulé ; les chiffres de « À vous » et la carte suivent vos réglages.' },
};

/** Words of the note under the tipping-point figure (the static page and the live engine's script share them). */
const TIPPING_WORDS = {
  en: { of: ' of simulations', bias: { 'electoral-college': 'electoral-college bias', seats: 'seat bias' }, toward: ' pp toward ', none: '; no ', basis: ' (margins over all votes cast)' },
  fr: { of: ' des simulations', bias: { 'electoral-college': 'biais du collège électoral', seats: 'biais des sièges' }, toward: ' point en faveur de ', none: ' ; pas de ', basis: ' (écarts sur les suffrages exprimés)' },
};

/**
 * The note under the most frequent tipping point: its share of simulations and the electoral-college
 * bias (tipping-point margin − national margin, toward the side it favours), saying that both are on
 * margins over all votes cast, the published convention. The live engine's script writes the same words.
 *
 * @param share the tipping unit's share of simulations, already formatted (`27.9%`)
 * @param bias the bias, pp toward the first side (negative: toward the second), already rounded to 0.1; undefined when there is none (national-vote rules)
 * @param sides the two sides
 * @param rule `electoral-college` or `seats`: names the bias
 * @param locale `en` or `fr`
 * @example
 * tippingPointNote('27.9%', -1.2, ['D', 'R'], 'electoral-college', 'en') // => '27.9% of simulations; electoral-college bias 1.2 pp toward R (margins over all votes cast)'
 */
export function tippingPointNote(share: string, bias: number | undefined, sides: readonly [string, string], rule: string, locale: 'en' | 'fr'): string {
  const w = TIPPING_WORDS[locale];
  if (bias === undefined || !Number.isFinite(bias)) return share + w.of;
  const name = rule === 'seats' ? w.bias.seats : w.bias['electoral-college'];
  const size = Math.abs(bias).toFixed(1);
  if (size === '0.0') return share + w.of + w.none + name + w.basis;
  return share + w.of + (locale === 'fr' ? ' ; ' : '; ') + name + ' ' + (locale === 'fr' ? size.replace('.', ',') : size) + w.toward + (bias > 0 ? sides[0] : sides[1]) + w.basis;
}

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
  // Each distinct source once, numbered in order of first use; rows point at their number.
  const sourceNumbers = new Map<string, number>();
  for (const a of input.assumptions) if (!sourceNumbers.has(a.source)) sourceNumbers.set(a.source, sourceNumbers.size + 1);
  const assumptionsHtml = input.assumptions.length
    ? `<section class="assumptions"><h2>${htmlEscape(words.assumptions)}</h2>
<div class="table-wrap"><table><thead><tr><th>${htmlEscape(words.key)}</th><th>${htmlEscape(words.value)}</th><th>${htmlEscape(words.source)}</th></tr></thead><tbody>
${input.assumptions
  .map((a) => {
    const n = sourceNumbers.get(a.source) as number;
    const key = a.label ? `${htmlEscape(a.label)}<br><code>${htmlEscape(a.key)}</code>` : `<code>${htmlEscape(a.key)}</code>`;
    return `<tr><td>${key}</td><td>${htmlEscape(formatValue(a.value, locale))}</td><td><a href="#source-${n}">[${n}]</a>${a.confidence ? ` <span class="confidence" title="${htmlEscape(CONFIDENCE_WORDS[locale][a.confidence] ?? a.confidence)}">${htmlEscape(a.confidence)}</span>` : ''}</td></tr>`;
  })
  .join('\n')}
</tbody></table></div>
<h2>${htmlEscape(words.sources)}</h2>
<ol class="sources">${[...sourceNumbers].map(([text, n]) => `<li id="source-${n}">${htmlEscape(text)}</li>`).join('\n')}</ol></section>`
    : '';
  const live = input.live;
  const controlHtml = (c: BriefingControl, i: number) => `<label class="control"><span class="control-label">${htmlEscape(c.label)}</span>
<input type="range" id="control-${i}" data-control="${htmlEscape(c.key)}" data-format="${c.format}" data-initial="${c.value}" min="${c.min}" max="${c.max}" step="${c.step}" value="${c.value}" aria-valuetext="${htmlEscape(formatControl(c.value, c.format, locale))}">
<output for="control-${i}" id="control-${i}-value">${htmlEscape(formatControl(c.value, c.format, locale))}</output></label>`;
  const liveHtml = live
    ? `<section class="live" aria-labelledby="live-title">
<h2 id="live-title">${htmlEscape(words.live)}</h2>
<div class="figures" id="live-figures">${live.figures
        .map((f) => `<div class="figure-card"><div class="figure-value" data-figure="${f.figure}"${f.raw !== undefined ? ` data-value="${f.raw}"` : ''}>${htmlEscape(f.value)}</div><div class="figure-label">${htmlEscape(f.label)}</div>${f.note ? `<div class="figure-note" data-figure-note="${f.figure}">${htmlEscape(f.note)}</div>` : ''}</div>`)
        .join('\n')}</div>
<div class="live-status"><progress id="live-progress" max="1" value="1"></progress> <span id="live-state" role="status">${htmlEscape(words.done)}</span> <button type="button" id="live-reset">${htmlEscape(words.reset)}</button></div>
<div class="controls">${live.controls.map((c, i) => (c.secondary ? '' : controlHtml(c, i))).join('\n')}</div>
${live.controls.some((c) => c.secondary) ? `<details class="more-controls"><summary>${htmlEscape(live.secondaryLabel ?? words.more)}</summary><div class="controls">${live.controls.map((c, i) => (c.secondary ? controlHtml(c, i) : '')).join('\n')}</div></details>` : ''}
<p class="live-note">${htmlEscape(live.note)}</p>
</section>`
    : '';
  const liveData = live
    ? {
        inputs: live.inputs,
        sides: live.sides,
        threshold: live.threshold,
        rule: live.rule ?? '',
        markers: (input.liveMarkers ?? []).map((m) => ({ target: `chart-${m.chart}`, dataset: m.dataset, control: m.control })),
        redrawn: live.redrawnChart ? { target: `chart-${live.redrawnChart.chart}`, map: live.redrawnChart.map } : null,
        words: { running: words.running, done: words.done, failed: words.failed, tipping: TIPPING_WORDS[locale] },
      }
    : null;
  const data = { charts: input.charts.map((c) => c.spec), sweep: sweepData, live: liveData, locale };
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(input.kicker ? `${input.kicker}: ${input.title}` : input.title)}</title>
<style>${BASE_STYLE}
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
  .chart, .chart .vega-embed { width: 100%; max-width: 100%; }
  .chart svg.marks { width: 100%; max-width: 100%; height: auto; }
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
  @media (max-width: 640px) { body { padding: 0 12px; } header h1 { font-size: 25px; } .figure-value { font-size: 28px; } }
</style>
</head>
<body>
<header>${input.kicker ? `<p class="kicker">${htmlEscape(input.kicker)}</p>` : ''}<h1>${htmlEscape(input.title)}</h1>${input.subtitle ? `<p>${htmlEscape(input.subtitle)}</p>` : ''}${input.description ? `<p class="description">${htmlEscape(input.description)}</p>` : ''}<p class="description" id="live-stale" hidden>${htmlEscape(words.stale)}</p></header>
${input.headline.length ? `<section aria-label="${htmlEscape(words.headline)}"><div class="figures" id="headline">${figuresHtml(input.headline, locale)}</div></section>` : ''}
${liveHtml}
${sweepHtml}
${input.charts.length ? `<section class="charts" aria-label="${htmlEscape(words.charts)}">${input.charts.map((c, i) => `<figure><div class="chart" id="chart-${i}" role="figure" aria-label="${htmlEscape(c.title)}"></div></figure>`).join('\n')}</section>` : ''}
${assumptionsHtml}
<footer>${input.generatedBy ? `${htmlEscape(input.generatedBy)}. ` : ''}${htmlEscape(words.offline)}</footer>
<script type="application/json" id="briefing-data">${jsonForScript(data)}</script>
${live ? `<script type="text/plain" id="live-engine">${live.engineScript.replace(/<\/script/gi, '<\\/script')}</script>` : ''}
${vendorScriptTags()}
<script>
(function () {
  var data = JSON.parse(document.getElementById('briefing-data').textContent);
  var options = ${JSON.stringify(EMBED_OPTIONS)};
  var views = {};
  var tag = data.locale === 'fr' ? 'fr-FR' : 'en-US';
  function draw(id, spec) {
    var target = document.getElementById(id);
    if (views[id]) { views[id].finalize(); delete views[id]; }
    target.removeAttribute('data-rendered');
    return vegaEmbed(target, spec, options).then(function (result) {
      views[id] = result;
      // A viewBox lets CSS scale the drawing to the page width (no sideways scroll on narrow screens).
      var svg = target.querySelector('svg');
      if (svg && !svg.getAttribute('viewBox')) svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height'));
      target.setAttribute('data-rendered', 'true');
    }, function (error) {
      target.className += ' chart-error';
      target.textContent = 'The chart could not be drawn: ' + error.message;
      console.error(error);
    });
  }
  function figureCard(figure) {
    var card = document.createElement('div');
    card.className = 'figure-card';
    [['figure-value', figure.value], ['figure-label', figure.label], ['figure-note', figure.note]].forEach(function (part) {
      if (!part[1]) return;
      var element = document.createElement('div');
      element.className = part[0];
      element.textContent = part[1];
      card.appendChild(element);
    });
    return card;
  }
  function showStep(index) {
    var step = data.sweep.steps[index];
    var slider = document.getElementById('sweep-slider');
    document.getElementById('sweep-value').textContent = step.display;
    slider.setAttribute('aria-valuetext', step.display);
    var figures = document.getElementById('sweep-figures');
    figures.replaceChildren.apply(figures, step.headline.map(figureCard));
    return Promise.all(step.specs.map(function (spec, j) { return draw('sweep-chart-' + j, spec); }));
  }
  var pending = data.charts.map(function (spec, i) { return draw('chart-' + i, spec); });
  if (data.sweep) {
    var slider = document.getElementById('sweep-slider');
    var scheduled = false;
    slider.addEventListener('input', function () {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(function () {
        scheduled = false;
        window.briefingStep = showStep(Number(slider.value));
      });
    });
    pending.push(showStep(data.sweep.initial));
  }
  window.briefingReady = Promise.all(pending);
  if (!data.live) return;

  // Live engine: the bundled model, kernel and summary in a Web Worker started from a Blob URL.
  var live = data.live;
  var section = document.querySelector('.live');
  var controls = Array.prototype.slice.call(document.querySelectorAll('[data-control]'));
  var progress = document.getElementById('live-progress');
  var state = document.getElementById('live-state');
  var source = document.getElementById('live-engine').textContent;
  var worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  worker.postMessage({ type: 'inputs', inputs: live.inputs, map: live.redrawn ? live.redrawn.map : undefined });
  var asked = 0;
  var waiting = [];
  function share(p, digits) {
    var text = (p * 100).toFixed(digits);
    return data.locale === 'fr' ? text.replace('.', ',') + '\u202f%' : text + '%';
  }
  function decimal(x) { var text = x.toFixed(1); return data.locale === 'fr' ? text.replace('.', ',') : text; }
  function formatControl(value, format) {
    if (format === 'share') return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value * 100) + (data.locale === 'fr' ? '\u202f' : '') + '%';
    if (format === 'pp') return (value > 0 ? '+' : '') + new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value) + ' pp';
    return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  }
  function setFigure(name, text, value) {
    var element = document.querySelector('[data-figure="' + name + '"]');
    if (!element) return;
    element.textContent = text;
    if (value !== undefined) element.setAttribute('data-value', String(value));
  }
  // The same words as tippingPointNote in briefingPage.ts.
  function tippingNote(text, bias) {
    var w = live.words.tipping;
    if (typeof bias !== 'number' || !isFinite(bias)) return text + w.of;
    var name = live.rule === 'seats' ? w.bias.seats : w.bias['electoral-college'];
    var size = Math.abs(bias).toFixed(1);
    if (size === '0.0') return text + w.of + w.none + name + w.basis;
    return text + w.of + (data.locale === 'fr' ? ' ; ' : '; ') + name + ' ' + (data.locale === 'fr' ? size.replace('.', ',') : size) + w.toward + (bias > 0 ? live.sides[0] : live.sides[1]) + w.basis;
  }
  function setNote(name, text) {
    var element = document.querySelector('[data-figure-note="' + name + '"]');
    if (element) element.textContent = text;
  }
  function settings() {
    var chosen = {};
    controls.forEach(function (control) {
      var value = Number(control.value);
      if (value !== Number(control.getAttribute('data-initial'))) chosen[control.getAttribute('data-control')] = value;
    });
    return chosen;
  }
  var lastFigures = null;
  function settle() {
    var done = waiting;
    waiting = [];
    done.forEach(function (resolve) { resolve(lastFigures); });
  }
  function show(figures) {
    lastFigures = figures;
    // The headline sentence and the static charts describe the run as reported: say so once a control moved.
    var staleNote = document.getElementById('live-stale');
    if (staleNote) staleNote.hidden = Object.keys(settings()).length === 0;
    var a = live.sides[0], b = live.sides[1];
    setFigure('pWin', share(figures.pWin[a], 1), figures.pWin[a]);
    var interval = figures.pWinInterval;
    setNote('pWin', (data.locale === 'fr' ? 'intervalle \u00e0 95\u202f% ' : '95% interval ') + share(interval.low, 1) + '\u2013' + share(interval.high, 1) + (data.locale === 'fr' ? ' (erreur Monte Carlo), ' : ' (Monte Carlo error), ') + new Intl.NumberFormat(tag).format(figures.simulations) + ' simulations');
    setFigure('pWinB', share(figures.pWin[b], 1), figures.pWin[b]);
    setFigure('weight', decimal(figures.expectedWeight[a]) + ' \u2013 ' + decimal(figures.expectedWeight[b]));
    setFigure('votes', new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(figures.expectedExtraVotes[a]) + ' \u2013 ' + new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(figures.expectedExtraVotes[b]));
    var top = figures.tippingPoint[0];
    if (top) { setFigure('tippingPoint', top.name); setNote('tippingPoint', tippingNote(share(top.share, 1), figures.electoralCollegeBias)); }
    live.markers.forEach(function (marker) {
      var view = views[marker.target];
      var control = document.querySelector('[data-control="' + marker.control + '"]');
      if (!view || !control) return;
      var row = { value: Number(control.value), pWin: figures.pWin[a] };
      view.view.change(marker.dataset, vega.changeset().remove(function () { return true; }).insert([row])).run();
    });
  }
  worker.onmessage = function (event) {
    var message = event.data;
    if (message.id !== asked) return;
    if (message.type === 'progress') { progress.value = message.done / message.total; return; }
    if (message.type === 'result') {
      show(message.figures);
      if (message.mapSpec && live.redrawn) window.briefingRedraw = draw(live.redrawn.target, message.mapSpec);
      progress.value = 1;
      section.setAttribute('data-state', 'done');
      state.textContent = live.words.done + ' (' + Math.round(message.milliseconds) + ' ms)';
    } else if (message.type === 'error') {
      section.setAttribute('data-state', 'error');
      state.textContent = live.words.failed + ': ' + message.message;
    }
    settle();
  };
  worker.onerror = function (event) {
    section.setAttribute('data-state', 'error');
    state.textContent = live.words.failed + ': ' + event.message;
    console.error(event.message);
    settle();
  };
  var scheduledRun = false;
  function requestRun() {
    asked += 1;
    section.setAttribute('data-state', 'running');
    state.textContent = live.words.running + '\u2026';
    progress.value = 0;
    if (scheduledRun) return;
    scheduledRun = true;
    requestAnimationFrame(function () {
      scheduledRun = false;
      worker.postMessage({ type: 'run', id: asked, settings: settings() });
    });
  }
  controls.forEach(function (control) {
    var output = document.getElementById(control.id + '-value');
    control.addEventListener('input', function () {
      output.textContent = formatControl(Number(control.value), control.getAttribute('data-format'));
      control.setAttribute('aria-valuetext', output.textContent);
      requestRun();
    });
  });
  document.getElementById('live-reset').addEventListener('click', function () {
    controls.forEach(function (control) {
      control.value = control.getAttribute('data-initial');
      document.getElementById(control.id + '-value').textContent = formatControl(Number(control.value), control.getAttribute('data-format'));
    });
    requestRun();
  });
  section.setAttribute('data-state', 'done');
  /** For scripts and tests: set a control, then await idle() for the figures of the latest setting. */
  window.briefingLive = {
    idle: function () {
      if (section.getAttribute('data-state') !== 'running') return Promise.resolve(lastFigures);
      return new Promise(function (resolve) { waiting.push(resolve); });
    },
    set: function (key, value) {
      var control = document.querySelector('[data-control="' + key + '"]');
      if (!control) throw new Error('no live control for ' + key);
      // A value beyond the slider widens it, so the page runs exactly the value asked for.
      if (Number(value) > Number(control.max)) control.max = String(value);
      if (Number(value) < Number(control.min)) control.min = String(value);
      control.value = String(value);
      control.dispatchEvent(new Event('input', { bubbles: true }));
      return this.idle();
    },
  };
})();
</script>
</body>
</html>
`;
}
