/**
 * The multi-chart briefing page: headline figures, charts, the assumptions table with citations,
 * and, when a sweep is given, a slider over list size (or budget) that switches live between
 * precomputed results: each step's figures and charts are embedded in the page and swapped in as
 * the presenter moves the slider. One self-contained HTML file that works offline.
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
  /** Its value with unit (`4.0 pp`). */
  value: string | number;
  /** Citation (`Gerber & Green 2000 APSR 94(3)`), or `scenario` for a user's choice. */
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

/** Input of {@link briefingPage}. */
export interface BriefingInput {
  title: string;
  subtitle?: string;
  /** Language of the page's own words and number formats. Default `en`. */
  locale?: 'en' | 'fr';
  headline: HeadlineFigure[];
  charts: BriefingChart[];
  assumptions: BriefingAssumption[];
  sweep?: BriefingSweep;
  /** A line for the page footer: what made it (`campaign-lab 0.1.0, seed 2000, 100,000 simulations`). */
  generatedBy?: string;
}

const WORDS = {
  en: { headline: 'Headline figures', charts: 'Charts', assumptions: 'Assumptions', key: 'Parameter', value: 'Value', source: 'Source', sweep: 'Explore', offline: 'This page works offline: every chart and figure is embedded.' },
  fr: { headline: 'Chiffres clés', charts: 'Graphiques', assumptions: 'Hypothèses', key: 'Paramètre', value: 'Valeur', source: 'Source', sweep: 'Explorer', offline: 'Cette page fonctionne hors ligne : graphiques et chiffres sont intégrés.' },
};

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
  const data = { charts: input.charts.map((c) => c.spec), sweep: sweepData };
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
  const assumptionsHtml = input.assumptions.length
    ? `<section class="assumptions"><h2>${htmlEscape(words.assumptions)}</h2>
<table><thead><tr><th>${htmlEscape(words.key)}</th><th>${htmlEscape(words.value)}</th><th>${htmlEscape(words.source)}</th></tr></thead><tbody>
${input.assumptions.map((a) => `<tr><td><code>${htmlEscape(a.key)}</code></td><td>${htmlEscape(formatValue(a.value, locale))}</td><td>${htmlEscape(a.source)}</td></tr>`).join('\n')}
</tbody></table></section>`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(input.title)}</title>
<style>${BASE_STYLE}
  header h1 { font-size: 34px; margin: 0 0 6px; }
  header p { font-size: 19px; color: #444; margin: 0 0 18px; }
  h2 { font-size: 24px; margin: 28px 0 12px; }
  .figures { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 8px; }
  .figure-card { border: 1px solid #ddd; border-radius: 8px; padding: 14px 18px; min-width: 190px; background: #fafafa; }
  .figure-value { font-size: 34px; font-weight: bold; }
  .figure-label { font-size: 16px; margin-top: 4px; }
  .figure-note { font-size: 13px; color: #555; margin-top: 4px; }
  .charts figure, .sweep-charts .chart { margin: 0 0 28px; }
  .sweep-charts { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
  .slider-row { display: flex; align-items: center; gap: 18px; margin-bottom: 16px; }
  #sweep-slider { width: min(640px, 70vw); height: 28px; }
  #sweep-value { font-size: 24px; font-weight: bold; min-width: 8em; }
  .sweep { border-top: 3px solid #ddd; border-bottom: 3px solid #ddd; padding-bottom: 12px; }
  table { border-collapse: collapse; font-size: 15px; }
  th, td { border-bottom: 1px solid #ddd; padding: 6px 12px; text-align: left; vertical-align: top; }
  footer { margin-top: 32px; font-size: 13px; color: #555; }
</style>
</head>
<body>
<header><h1>${htmlEscape(input.title)}</h1>${input.subtitle ? `<p>${htmlEscape(input.subtitle)}</p>` : ''}</header>
${input.headline.length ? `<section aria-label="${htmlEscape(words.headline)}"><div class="figures" id="headline">${figuresHtml(input.headline, locale)}</div></section>` : ''}
${sweepHtml}
${input.charts.length ? `<section class="charts" aria-label="${htmlEscape(words.charts)}">${input.charts.map((c, i) => `<figure><div class="chart" id="chart-${i}" role="figure" aria-label="${htmlEscape(c.title)}"></div></figure>`).join('\n')}</section>` : ''}
${assumptionsHtml}
<footer>${input.generatedBy ? `${htmlEscape(input.generatedBy)}. ` : ''}${htmlEscape(words.offline)}</footer>
<script type="application/json" id="briefing-data">${jsonForScript(data)}</script>
${vendorScriptTags()}
<script>
(function () {
  var data = JSON.parse(document.getElementById('briefing-data').textContent);
  var options = ${JSON.stringify(EMBED_OPTIONS)};
  var views = {};
  function draw(id, spec) {
    var target = document.getElementById(id);
    if (views[id]) { views[id].finalize(); delete views[id]; }
    target.removeAttribute('data-rendered');
    return vegaEmbed(target, spec, options).then(function (result) {
      views[id] = result;
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
})();
</script>
</body>
</html>
`;
}
