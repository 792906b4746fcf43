/**
 * The briefing page's own script (bundled by scripts/bundleLiveEngine.mjs into
 * dist/browser/briefingPage.bundle.js and inlined into briefing.html after the Vega libraries): draws
 * the charts with vega-embed, moves the precomputed sweep's slider, and runs the live controls through
 * the engine's Web Worker (src/browser/liveWorker.ts), started from the Blob of the page's
 * `#live-engine` script. Sets `window.briefingReady` (the first drawing), `window.briefingStep`,
 * `window.briefingRedraw` and `window.briefingLive` (`set(key, value)`, `idle()`) for scripts and tests.
 * Browser-only: it reads the page's DOM; the words and formats it shows are those of src/briefing/.
 */
import { EMBED_OPTIONS } from '../briefing/html.js';
import { formatControl, formatDecimalIn, numberFormatIn, formatShareIn, formatSidePair, type ControlFormat, type PageLocale } from '../briefing/formatNumber.js';
import { tippingPointNote } from '../briefing/tippingPointNote.js';
import { liveErrorText, type LiveErrorDetails } from '../briefing/liveErrors.js';
import type { LiveFigures, LiveMap } from './liveRun.js';

/** What vega-embed returns (the parts this script uses). */
interface EmbedResult {
  view: { change(name: string, changes: unknown): { run(): unknown } };
  finalize(): void;
}

/** The globals the inlined Vega libraries define. */
declare const vegaEmbed: (target: HTMLElement, spec: unknown, options: unknown) => Promise<EmbedResult>;
declare const vega: { changeset(): { remove(test: () => boolean): { insert(rows: unknown[]): unknown } } };

/** A figure card of a sweep step. */
interface StepFigure {
  label: string;
  value: string;
  note: string;
}

/** The page's data (`#briefing-data`), written by src/briefing/briefingPage.ts. */
export interface BriefingPageData {
  charts: unknown[];
  /** Each chart's phone version (null: none), drawn when its box is narrower than the usual drawing. */
  narrowCharts?: (unknown | null)[];
  /** Words of the page's script. */
  words: { chartFailed: string; embed: Record<string, string> };
  sweep: { label: string; initial: number; steps: { display: string; headline: StepFigure[]; specs: unknown[] }[] } | null;
  live: {
    inputs: unknown;
    sides: [string, string];
    threshold: number;
    rule: string;
    markers: { target: string; dataset: string; control: string }[];
    redrawn: { target: string; map: LiveMap } | null;
    words: { running: string; done: string; failed: string; colon: string };
  } | null;
  locale: PageLocale;
}

/** Messages of the engine's worker (src/browser/liveWorker.ts). */
type WorkerMessage =
  | { type: 'warmed'; id?: undefined }
  | { type: 'blocks'; id: number; index: number; blocks: unknown }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; figures: LiveFigures; milliseconds: number; mapSpec?: unknown; narrowMapSpec?: unknown }
  | { type: 'error'; id: number; message: string; details?: LiveErrorDetails };

/** What the page exposes for scripts and tests. */
interface BriefingWindow {
  briefingReady?: Promise<unknown>;
  briefingStep?: Promise<unknown>;
  briefingRedraw?: Promise<unknown>;
  briefingLive?: { idle(): Promise<LiveFigures | null>; set(key: string, value: number | string): Promise<LiveFigures | null> };
  /** Resolves when every live engine has compiled the kernel on its one-block run (part of briefingReady). */
  briefingLiveWarm?: Promise<unknown>;
}

const page = window as unknown as BriefingWindow;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const data = JSON.parse(byId('briefing-data').textContent ?? 'null') as BriefingPageData;
const views: Record<string, EmbedResult> = {};

/**
 * Each chart's spec, its phone version, and the narrowest box the usual drawing reads in (px, once
 * drawn: its width scaled so its smallest text stays {@link MIN_TEXT_PX}).
 */
const layouts: Record<string, { wide: unknown; narrow: unknown; wideWidth?: number }> = {};

/** How far a chart grows past its own width in a wide box. */
const MAX_GROWTH = 1.25;

/** Smallest text of a chart on screen, px: a drawing is never scaled below it. */
const MIN_TEXT_PX = 11;

/** The narrowest width an SVG drawing may be shown at, px: its own width scaled so its smallest text stays MIN_TEXT_PX. */
function narrowestWidth(svg: SVGSVGElement, width: number): number {
  let smallest = Infinity;
  for (const text of Array.from(svg.querySelectorAll('text'))) {
    const size = parseFloat(text.getAttribute('font-size') ?? '') || parseFloat(getComputedStyle(text).fontSize);
    if ((text.textContent ?? '').trim() !== '' && size < smallest) smallest = size;
  }
  return Math.ceil(width * Math.min(1, MIN_TEXT_PX / smallest));
}

/**
 * Draws a chart in its box: the usual spec, or its phone version when the box is narrower than the
 * usual drawing. A drawing keeps at least its own width (its text keeps its size): a box narrower
 * than that scrolls sideways within itself, never the page.
 */
function draw(id: string, spec: unknown, narrow: unknown = null): Promise<void> {
  layouts[id] = { wide: spec, narrow };
  return drawLayout(id);
}

/** The spec a chart's box calls for now. */
function specFor(id: string): { spec: unknown; narrow: boolean } {
  const layout = layouts[id]!;
  const tooWide = layout.wideWidth !== undefined && byId(id).clientWidth < layout.wideWidth;
  return layout.narrow && tooWide ? { spec: layout.narrow, narrow: true } : { spec: layout.wide, narrow: false };
}

function drawLayout(id: string): Promise<void> {
  const target = byId(id);
  if (views[id]) {
    views[id].finalize();
    delete views[id];
  }
  target.removeAttribute('data-rendered');
  const { spec, narrow } = specFor(id);
  return vegaEmbed(target, spec, { ...EMBED_OPTIONS, i18n: data.words.embed }).then(
    (result) => {
      views[id] = result;
      const svg = target.querySelector('svg');
      const width = Number(svg?.getAttribute('width'));
      const narrowest = svg ? narrowestWidth(svg, width) : width;
      // A viewBox lets CSS scale the drawing to its box, never so far that its text falls under 11 px.
      if (svg && !svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
      if (svg) svg.style.minWidth = `${narrowest}px`;
      // A drawing grows with a wide box, up to a quarter over its own size (a phone's version: not at all).
      if (svg) svg.style.maxWidth = `${narrow ? width : Math.round(width * MAX_GROWTH)}px`;
      target.setAttribute('data-layout', narrow ? 'narrow' : 'wide');
      const layout = layouts[id]!;
      if (!narrow) layout.wideWidth = narrowest;
      // Drawn too wide for its box, with a phone version at hand: draw that instead.
      if (!narrow && layout.narrow && target.clientWidth < narrowest) return drawLayout(id);
      restoreMarker(id);
      target.setAttribute('data-rendered', 'true');
      return undefined;
    },
    (error: Error) => {
      target.className += ' chart-error';
      target.textContent = `${data.words.chartFailed}: ${error.message}`;
      console.error(error);
    },
  );
}

/** On a resize, the charts whose box now calls for the other layout are drawn again. */
function watchLayouts(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const redrawn = Object.keys(layouts).filter((id) => layouts[id]!.narrow && views[id] && specFor(id).narrow !== (byId(id).getAttribute('data-layout') === 'narrow'));
      page.briefingRedraw = Promise.all(redrawn.map(drawLayout));
    }, 150);
  });
}

/** The latest live-setting marker row per chart, put back when the chart is drawn again. */
const markerRows: Record<string, { dataset: string; row: unknown }> = {};

function restoreMarker(id: string): void {
  const marker = markerRows[id];
  if (marker) views[id]!.view.change(marker.dataset, vega.changeset().remove(() => true).insert([marker.row])).run();
}

function figureCard(figure: StepFigure): HTMLElement {
  const card = document.createElement('div');
  card.className = 'figure-card';
  for (const [className, text] of [['figure-value', figure.value], ['figure-label', figure.label], ['figure-note', figure.note]] as const) {
    if (!text) continue;
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    card.appendChild(element);
  }
  return card;
}

function showStep(index: number): Promise<unknown> {
  const step = data.sweep!.steps[index]!;
  byId('sweep-value').textContent = step.display;
  byId('sweep-slider').setAttribute('aria-valuetext', step.display);
  byId('sweep-figures').replaceChildren(...step.headline.map(figureCard));
  return Promise.all(step.specs.map((spec, j) => draw(`sweep-chart-${j}`, spec)));
}

function startSweep(pending: Promise<unknown>[]): void {
  if (!data.sweep) return;
  const slider = byId('sweep-slider') as HTMLInputElement;
  let scheduled = false;
  slider.addEventListener('input', () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      page.briefingStep = showStep(Number(slider.value));
    });
  });
  pending.push(showStep(data.sweep.initial));
}


function setFigure(name: string, text: string, value?: number): void {
  const element = document.querySelector(`[data-figure="${name}"]`);
  if (!element) return;
  element.textContent = text;
  if (value !== undefined) element.setAttribute('data-value', String(value));
}

function setNote(name: string, text: string): void {
  const element = document.querySelector(`[data-figure-note="${name}"]`);
  if (element) element.textContent = text;
}

/** The controls moved from their initial value, by key. */
function controlSettings(controls: HTMLInputElement[]): Record<string, number | string> {
  const chosen: Record<string, number | string> = {};
  for (const control of controls) {
    const value = controlValue(control);
    if (value !== Number(control.getAttribute('data-initial'))) chosen[control.getAttribute('data-control')!] = value;
  }
  return chosen;
}

/**
 * A control's value: the one a script set with briefingLive.set, exactly (a slider rounds to its step,
 * and a value that is not a number goes to the engine as given, to be refused as `--set` refuses it),
 * else the slider's.
 */
function controlValue(control: HTMLInputElement): number | string {
  const exact = control.dataset.exact;
  if (exact === undefined) return Number(control.value);
  return exact.trim() !== '' && Number.isFinite(Number(exact)) ? Number(exact) : exact;
}

/** Shows a live run's figures, and its P(win) on the charts' markers. */
function showFigures(live: NonNullable<BriefingPageData['live']>, figures: LiveFigures, controls: HTMLInputElement[]): void {
  const share = (p: number) => formatShareIn(p, data.locale, 1);
  const whole = (x: number) => numberFormatIn(data.locale, 0, 0).format(x);
  // The headline sentence and the static charts describe the run as reported: say so once a control moved.
  const staleNote = document.getElementById('live-stale');
  if (staleNote) staleNote.hidden = Object.keys(controlSettings(controls)).length === 0;
  const [a, b] = live.sides;
  setFigure('pWin', share(figures.pWin[a]!), figures.pWin[a]);
  const interval = figures.pWinInterval;
  const intervalWords = data.locale === 'fr' ? ['intervalle \u00e0 95\u202f% ', ' (erreur Monte Carlo), '] : ['95% interval ', ' (Monte Carlo error), '];
  setNote('pWin', `${intervalWords[0]}${share(interval.low)}\u2013${share(interval.high)}${intervalWords[1]}${numberFormatIn(data.locale).format(figures.simulations)} simulations`);
  setFigure('pWinB', share(figures.pWin[b]!), figures.pWin[b]);
  setFigure('weight', formatSidePair(a, formatDecimalIn(figures.expectedWeight[a]!, data.locale), b, formatDecimalIn(figures.expectedWeight[b]!, data.locale)));
  setFigure('votes', formatSidePair(a, whole(figures.expectedExtraVotes[a]!), b, whole(figures.expectedExtraVotes[b]!)));
  const top = figures.tippingPoint[0];
  if (top) {
    setFigure('tippingPoint', top.name);
    setNote('tippingPoint', tippingPointNote(share(top.share), figures.electoralCollegeBias, live.sides, live.rule, data.locale));
  }
  for (const marker of live.markers) {
    const view = views[marker.target];
    const control = document.querySelector<HTMLInputElement>(`[data-control="${marker.control}"]`);
    if (!view || !control) continue;
    markerRows[marker.target] = { dataset: marker.dataset, row: { value: Number(control.value), pWin: figures.pWin[a] } };
    restoreMarker(marker.target);
  }
}

/** Each control re-runs on input (its value shown as it moves); the reset button puts every control back. */
function wireControls(controls: HTMLInputElement[], requestRun: () => void): void {
  for (const control of controls) {
    control.addEventListener('input', (event) => {
      // The reader moved the slider: its value, no longer one a script set.
      if (event.isTrusted) delete control.dataset.exact;
      control.setAttribute('aria-valuetext', showControl(control));
      requestRun();
    });
  }
  byId('live-reset').addEventListener('click', () => {
    for (const control of controls) {
      delete control.dataset.exact;
      control.value = control.getAttribute('data-initial')!;
      showControl(control);
    }
    requestRun();
  });
}

/** Writes a control's value in its output, formatted; returns the text. */
function showControl(control: HTMLInputElement): string {
  const output = byId(`${control.id}-value`);
  const value = controlValue(control);
  output.textContent = typeof value === 'number' ? formatControl(value, control.getAttribute('data-format') as ControlFormat, data.locale) : value;
  return output.textContent;
}

/**
 * Sets a control to a value and runs: exactly that value (kept beside the slider, which rounds to its
 * step); a number beyond the slider widens it, a value that is not a number leaves the slider as it is
 * and is refused by the engine, as `--set` refuses it.
 */
function setControl(key: string, value: number | string): void {
  const control = document.querySelector<HTMLInputElement>(`[data-control="${key}"]`);
  if (!control) throw new Error(`no live control for ${key}`);
  const number = Number(value);
  if (Number.isFinite(number) && number > Number(control.max)) control.max = String(value);
  if (Number.isFinite(number) && number < Number(control.min)) control.min = String(value);
  control.dataset.exact = String(value);
  if (Number.isFinite(number)) control.value = String(value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The live engines: one Web Worker per core, up to two, sharing each run by blocks (src/browser/liveWorker.ts),
 * each given the page's inputs and asked to run its part of the page's own run first (the kernel compiled,
 * the random numbers drawn and kept), so the first move is as quick as the next ones; `warmed` resolves
 * when they all have.
 */
function startEngines(live: NonNullable<BriefingPageData['live']>): { engines: Worker[]; warmed: Promise<unknown> } {
  const source = URL.createObjectURL(new Blob([byId('live-engine').textContent ?? ''], { type: 'text/javascript' }));
  const engines = Array.from({ length: Math.min(2, Math.max(1, navigator.hardwareConcurrency || 1)) }, () => new Worker(source));
  const warmed = engines.map(
    (engine) =>
      new Promise<void>((resolve) => {
        engine.addEventListener('message', (event: MessageEvent<WorkerMessage>) => event.data.type === 'warmed' && resolve());
        engine.addEventListener('error', () => resolve());
      }),
  );
  engines.forEach((engine, index) => {
    engine.postMessage({ type: 'inputs', inputs: live.inputs, map: live.redrawn ? live.redrawn.map : undefined });
    engine.postMessage({ type: 'warm', engine: { index, count: engines.length } });
  });
  return { engines, warmed: Promise.all(warmed) };
}

/**
 * The engines after the first: their progress to `onProgress`, their blocks handed to engine 0, their errors
 * to `fail`; one that dies (not an error of the scenario: those come as messages) is dropped, the others
 * share the runs, and `rerun` asks the latest setting again.
 */
function wireHelperEngines(
  engines: Worker[], asked: () => number, onProgress: (engine: number, message: { done: number; total: number }) => void,
  fail: (message: string, details?: LiveErrorDetails) => void, rerun: () => void,
): void {
  engines.slice(1).forEach((engine, k) => {
    engine.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.id !== asked()) return;
      if (message.type === 'progress') onProgress(k + 1, message);
      else if (message.type === 'blocks') engines[0]!.postMessage({ type: 'blocks', id: message.id, index: message.index, blocks: message.blocks });
      else if (message.type === 'error') fail(message.message, message.details);
    };
    engine.onerror = (event) => {
      console.error(event.message);
      engine.terminate();
      engines.splice(engines.indexOf(engine), 1);
      rerun();
    };
  });
}

/** A live run's error in the page's words (src/briefing/liveErrors.ts), the setting named by its control's label. */
function showLiveError(live: NonNullable<BriefingPageData['live']>, controls: HTMLInputElement[], message: string, details?: LiveErrorDetails): void {
  const state = byId('live-state');
  const labelOf = (key: string) => controls.find((c) => c.getAttribute('data-control') === key)?.closest('label')?.querySelector('.control-label')?.textContent ?? undefined;
  (document.querySelector('.live') as HTMLElement).setAttribute('data-state', 'error');
  const shown = liveErrorText(details, message, data.locale, labelOf);
  state.textContent = `${live.words.failed}${live.words.colon} ${shown.text}`;
  if (shown.untranslated !== undefined && data.locale !== 'en') {
    const original = document.createElement('span');
    original.lang = 'en';
    original.textContent = shown.untranslated;
    state.append(data.locale === 'fr' ? '\u00a0: ' : ': ', original);
  } else if (shown.untranslated !== undefined) state.append(`: ${shown.untranslated}`);
}

/**
 * The formatters of the controls' values and of the live figures, made as the page opens: a browser's
 * first number formatter loads its locale data (8–11 ms in headless Chromium), which the first move of a
 * control would otherwise wait for.
 */
function makeNumberFormats(): void {
  numberFormatIn(data.locale, 0, 0);
  numberFormatIn(data.locale, 1, 1);
  numberFormatIn(data.locale);
}

/** The live controls: each change re-runs the scenario in the engines' workers; the latest setting wins. */
function startLive(live: NonNullable<BriefingPageData['live']>): void {
  const section = document.querySelector('.live') as HTMLElement;
  const controls = Array.from(document.querySelectorAll<HTMLInputElement>('[data-control]'));
  const progress = byId('live-progress') as HTMLProgressElement;
  const state = byId('live-state');
  const { engines, warmed } = startEngines(live);
  const worker = engines[0]!;
  const done = engines.map(() => 0);
  let asked = 0;
  let waiting: ((figures: LiveFigures | null) => void)[] = [];
  let lastFigures: LiveFigures | null = null;
  // Waiting callers get the new figures, or null when the run was refused (the page says why).
  const settle = (figures: LiveFigures | null) => {
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve(figures);
  };
  const show = (figures: LiveFigures) => {
    lastFigures = figures;
    showFigures(live, figures, controls);
  };
  const onProgress = (engine: number, message: { done: number; total: number }) => {
    done[engine] = message.done;
    progress.value = done.reduce((sum, x) => sum + x, 0) / message.total;
  };
  const fail = (message: string, details?: LiveErrorDetails) => {
    showLiveError(live, controls, message, details);
    settle(null);
  };
  wireHelperEngines(engines, () => asked, onProgress, fail, () => requestRun());
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.id !== asked) return;
    if (message.type === 'progress') {
      onProgress(0, message);
      return;
    }
    if (message.type === 'blocks') return;
    if (message.type === 'result') {
      show(message.figures);
      if (message.mapSpec && live.redrawn) page.briefingRedraw = draw(live.redrawn.target, message.mapSpec, message.narrowMapSpec ?? null);
      progress.value = 1;
      section.setAttribute('data-state', 'done');
      state.textContent = `${live.words.done} (${Math.round(message.milliseconds)} ms)`;
      settle(lastFigures);
    } else fail(message.message, message.details);
  };
  worker.onerror = (event) => {
    console.error(event.message);
    fail(event.message);
  };
  let scheduledRun = false;
  const requestRun = () => {
    asked += 1;
    section.setAttribute('data-state', 'running');
    state.textContent = `${live.words.running}\u2026`;
    progress.value = 0;
    if (scheduledRun) return;
    scheduledRun = true;
    requestAnimationFrame(() => {
      scheduledRun = false;
      done.fill(0);
      const settings = controlSettings(controls);
      engines.forEach((engine, index) => engine.postMessage({ type: 'run', id: asked, settings, engine: { index, count: engines.length } }));
    });
  };
  wireControls(controls, requestRun);
  section.setAttribute('data-state', 'done');
  const idle = (): Promise<LiveFigures | null> =>
    section.getAttribute('data-state') === 'running' ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(section.getAttribute('data-state') === 'error' ? null : lastFigures);
  page.briefingLiveWarm = warmed;
  page.briefingLive = {
    idle,
    set(key, value) {
      setControl(key, value);
      return idle();
    },
  };
}

const pending: Promise<unknown>[] = data.charts.map((spec, i) => draw(`chart-${i}`, spec, data.narrowCharts?.[i] ?? null));
watchLayouts();
startSweep(pending);
if (data.live) {
  makeNumberFormats();
  startLive(data.live);
}
page.briefingReady = Promise.all([...pending, page.briefingLiveWarm]);
