/**
 * The briefing theme: one look for every chart, readable on a projector, with a title, a subtitle
 * and a source line on every chart, party colours (configurable, with a colour-blind-safe set) and
 * number formats for English and French.
 *
 * Browser-safe: no Node-only imports. Builders in src/charts call {@link frameChart} last, so the
 * theme lives in each spec's own `config` and a spec renders the same in a notebook, a PNG and a page.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';

/** Language of the chart's words and number formats. */
export type ChartLocale = 'en' | 'fr';

/** Which colour set draws the parties: conventional party colours, or the colour-blind-safe set. */
export type PaletteName = 'party' | 'colourblind';

/** Options every chart builder takes: words, citations and look. */
export interface BriefingChartOptions {
  /** Chart title: the finding in one line. Required. */
  title: string;
  /** Second line under the title: what is drawn, the unit, the scenario. */
  subtitle?: string;
  /**
   * Citations of the data and of the parameters behind the chart, one entry each
   * (`MIT Election Data and Science Lab 2021, doi:10.7910/DVN/42MVDX`). At least one is required:
   * every briefing chart carries its source line.
   */
  sources: string[];
  /** Language of axis titles and number formats. Default `en`. */
  locale?: ChartLocale;
  /** Colour set. Default `party`; `colourblind` uses the Okabe–Ito palette. */
  palette?: PaletteName;
  /** Colour per party code (CSS colour), overriding the palette for those parties. */
  partyColours?: Record<string, string>;
  /** Plot width in CSS pixels (the drawing area, not counting axes). Each builder has a default. */
  width?: number;
  /** Plot height in CSS pixels. Each builder has a default. */
  height?: number;
}

/** Font every chart is set in; the server-side renderer loads this family explicitly. */
export const CHART_FONT = 'DejaVu Sans';

/**
 * Conventional party colours as used by US and French media (blue Democrats, red Republicans;
 * rose PS, blue UMP, navy FN, red Front de gauche, orange MoDem, green EELV). `tie` and `other`
 * are neutral greys. These are presentation choices, not data.
 */
export const PARTY_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  D: '#1f64b4',
  R: '#cf2e2e',
  PS: '#d6336c',
  UMP: '#1f5fbf',
  FN: '#0d2c6b',
  FG: '#b5261e',
  MODEM: '#e8891c',
  EELV: '#2e9e44',
  tie: '#8c8c8c',
  other: '#b3b3b3',
});

/**
 * Colour-blind-safe alternative: the eight-colour palette of Okabe & Ito (2008), "Color Universal
 * Design", https://jfly.uni-koeln.de/color/, distinguishable under the common colour-vision deficiencies.
 */
export const COLOURBLIND_PARTY_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  D: '#0072B2',
  R: '#D55E00',
  PS: '#CC79A7',
  UMP: '#0072B2',
  FN: '#000000',
  FG: '#E69F00',
  MODEM: '#F0E442',
  EELV: '#009E73',
  tie: '#999999',
  other: '#BBBBBB',
});

/** Colours for sides not listed in either palette, in order of first use (Okabe–Ito order). */
const FALLBACK_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/**
 * Colour of a party (or `tie` / `other`) under the chosen palette and overrides.
 *
 * @param side party code (`D`, `R`, `PS`, `UMP`, `FN`, …), `tie` or `other`; case-insensitive for the palette lookup
 * @param options palette and per-party overrides
 * @param fallbackIndex position of the side in its chart, used when the palette has no entry
 * @returns a CSS colour
 * @example partyColour('D', { palette: 'colourblind' }) // => '#0072B2'
 */
export function partyColour(
  side: string,
  options: Pick<BriefingChartOptions, 'palette' | 'partyColours'> = {},
  fallbackIndex = 0,
): string {
  const override = options.partyColours?.[side];
  if (override) return override;
  const palette = options.palette === 'colourblind' ? COLOURBLIND_PARTY_COLOURS : PARTY_COLOURS;
  return palette[side] ?? palette[side.toUpperCase()] ?? FALLBACK_COLOURS[fallbackIndex % FALLBACK_COLOURS.length];
}

/**
 * Colours of the two sides of a race, `[A, B]`; if the palette gives both the same colour
 * (say UMP against D), B takes the next fallback colour so the sides stay apart.
 *
 * @example sideColours(['D', 'R']) // => ['#1f64b4', '#cf2e2e']
 */
export function sideColours(sides: readonly [string, string], options: Pick<BriefingChartOptions, 'palette' | 'partyColours'> = {}): [string, string] {
  const a = partyColour(sides[0], options, 0);
  let b = partyColour(sides[1], options, 1);
  if (b.toLowerCase() === a.toLowerCase()) b = FALLBACK_COLOURS.find((c) => c.toLowerCase() !== a.toLowerCase()) ?? '#666666';
  return [a, b];
}

/** A d3-format locale definition (https://github.com/d3/d3-format#formatLocale), as Vega reads it. */
export interface NumberLocaleDefinition {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent?: string;
  minus?: string;
}

/**
 * Number formats per chart language. English: `12,345.6`, `52%`. French, following the
 * Imprimerie nationale typographic rules (Lexique des règles typographiques): decimal comma,
 * thousands separated by a narrow no-break space (U+202F) and a narrow no-break space before `%`:
 * `12 345,6`, `52 %`.
 */
export const NUMBER_LOCALES: Readonly<Record<ChartLocale, NumberLocaleDefinition>> = Object.freeze({
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%' },
});

/** Neutral colours of the theme. */
export const THEME_COLOURS = Object.freeze({
  text: '#222222',
  subtitle: '#444444',
  source: '#555555',
  grid: '#e3e3e3',
  axis: '#666666',
  reference: '#333333',
  neutral: '#f0f0f0',
  band: '#9e9e9e',
});

/**
 * The Vega-Lite config of the briefing theme: DejaVu Sans, large type (title 22 px, axis labels 13 px)
 * so a chart reads from the back of a room, light grids, left-aligned titles, and the number locale.
 *
 * @param options chart language
 * @returns a Vega-Lite config object
 * @example briefingConfig({ locale: 'fr' }).locale // => { number: { decimal: ',', thousands: ' ', … } }
 */
export function briefingConfig(options: Pick<BriefingChartOptions, 'locale'> = {}): Config {
  const locale = options.locale ?? 'en';
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 16,
    locale: { number: { ...NUMBER_LOCALES[locale] } },
    title: {
      fontSize: 22,
      fontWeight: 'bold',
      color: THEME_COLOURS.text,
      subtitleFontSize: 15,
      subtitleColor: THEME_COLOURS.subtitle,
      subtitlePadding: 6,
      anchor: 'start',
      offset: 14,
      limit: 0,
    },
    axis: {
      labelFontSize: 13,
      titleFontSize: 14,
      titleFontWeight: 'normal',
      titleColor: THEME_COLOURS.text,
      labelColor: THEME_COLOURS.text,
      gridColor: THEME_COLOURS.grid,
      domainColor: THEME_COLOURS.axis,
      tickColor: THEME_COLOURS.axis,
      titlePadding: 10,
      labelLimit: 260,
    },
    legend: {
      labelFontSize: 13,
      titleFontSize: 13,
      titleFontWeight: 'normal',
      symbolSize: 160,
      orient: 'top',
      direction: 'horizontal',
      labelLimit: 300,
    },
    header: { labelFontSize: 14, titleFontSize: 14 },
    text: { fontSize: 12, color: THEME_COLOURS.text },
    view: { stroke: null },
    concat: { spacing: 24 },
  };
}

/** Words of the source line per language. */
const SOURCE_PREFIX: Record<ChartLocale, string> = { en: 'Source: ', fr: 'Source\u00a0: ' };

/** Font size of the source line, px. */
const SOURCE_FONT_SIZE = 12;

/**
 * Splits a source line into lines that fit a width, by words (at ordinary spaces only, so no-break
 * spaces such as French `Source : ` hold). DejaVu Sans averages about 0.6 em per character in
 * mixed text, so a line holds width / (0.6 × font size) characters.
 *
 * @example wrapText('aaa bbb ccc', 7) // => ['aaa bbb', 'ccc']
 */
export function wrapText(text: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxCharacters) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Title and subtitle font sizes, px (see {@link briefingConfig}). */
const TITLE_FONT_SIZE = 22;
const SUBTITLE_FONT_SIZE = 15;
/** Most lines of a title or a subtitle; a longer text is cut with an ellipsis. */
const MAX_TITLE_LINES = 3;

/**
 * Fits a title to a width: unchanged when it fits on one line, else wrapped by words into at most
 * {@link MAX_TITLE_LINES} lines (a word longer than a line is cut), the last ending in `…` when text
 * was left out. A line may run `overhang` times `width` (by default half past it, over the axes and
 * legend) before it wraps; DejaVu Sans averages about 0.6 em per character (0.55 regular, 0.62 bold).
 *
 * @param text the title
 * @param width px available
 * @param fontSize px
 * @param overhang how far past `width` a line may run, as a multiple of it
 * @returns the title, or its lines (Vega-Lite draws an array as lines)
 * @example fitTitle('A short title', 600, 22) // => 'A short title'
 * @example fitTitle('x'.repeat(500), 130, 20).length // => 3 (lines of 16 characters, the last ending in …)
 */
function fitTitle(text: string, width: number, fontSize: number, overhang = 1.5): string | string[] {
  const perLine = Math.max(10, Math.floor((overhang * width) / (0.6 * fontSize)));
  if (text.length <= perLine) return text;
  // Long words are cut into pieces a line long, so one 5,000-character word wraps too.
  const cut = text.length > perLine * (MAX_TITLE_LINES + 1);
  const words = text
    .slice(0, perLine * (MAX_TITLE_LINES + 1))
    .split(/[ \t\r\n]+/)
    .filter(Boolean)
    .flatMap((w) => (w.length <= perLine ? [w] : (w.match(new RegExp(`.{1,${perLine}}`, 'gsu')) ?? [w])));
  const lines = wrapText(words.join(' '), perLine);
  if (lines.length === 1) return lines[0];
  if (lines.length <= MAX_TITLE_LINES && !cut) return lines;
  const kept = lines.slice(0, MAX_TITLE_LINES);
  const last = kept[MAX_TITLE_LINES - 1] ?? '';
  kept[kept.length - 1] = `${last.slice(0, Math.max(0, perLine - 1))}…`;
  return kept;
}

/**
 * Throws unless the common options are usable: a title and at least one non-empty source.
 *
 * @param chart builder name, used as the `where` of the error message
 * @param options the chart's common options
 * @throws InputError when the title is empty or there is no source
 * @example checkChartOptions('tornado', { title: 'T', sources: [] })
 * // throws "tornado: options.sources must be a list of at least one non-empty citation, got []"
 */
function checkChartOptions(chart: string, options: BriefingChartOptions): void {
  if (typeof options?.title !== 'string' || options.title.trim() === '') {
    throw new InputError({ file: chart, at: 'options.title', expected: 'a non-empty string', found: JSON.stringify(options?.title) });
  }
  if (!Array.isArray(options.sources) || options.sources.length === 0 || options.sources.some((s) => typeof s !== 'string' || s.trim() === '')) {
    throw new InputError({ file: chart, at: 'options.sources', expected: 'a list of at least one non-empty citation', found: JSON.stringify(options.sources) });
  }
}

/**
 * Plot width under which a chart is laid out for a phone (px): its title and subtitle wrap within the
 * chart's width and its legends list their entries one under the other.
 */
export const PHONE_WIDTH = 400;

/** A phone chart's title width (px: a 390 px screen less the page's and the chart's padding). */
const PHONE_TITLE_WIDTH = 320;

/** Narrowest source line of a phone chart, px. */
const PHONE_FOOTER_MIN = 200;

/** What {@link frameChart} needs besides the common options. */
export interface FrameOptions {
  /** Builder name, recorded in `usermeta.chart`. */
  chart: string;
  /** Width in px the source line may use (about the chart's full width, axes included). */
  footerWidth: number;
}

/**
 * Wraps a builder's plot in the briefing frame: title and subtitle on top, the source line
 * underneath (a text view of its own, so it shows in every renderer), the theme config and the
 * Vega-Lite v5 schema. A chart narrower than {@link PHONE_WIDTH} is laid out for a phone. Every builder returns through here; line separators in its text become spaces
 * ({@link withoutLineSeparators}).
 *
 * @param plot a Vega-Lite unit, layer or concat spec without top-level keys
 * @param options the chart's common options (title, subtitle, sources, locale)
 * @param frame builder name and the width of the source line in px
 * @returns a complete Vega-Lite v5 top-level spec
 * @throws InputError when the title is empty or there is no source
 * @example frameChart({ mark: 'point' }, { title: 'T', sources: ['S'] }, { chart: 'x', footerWidth: 600 }).vconcat.length // => 2
 */
export function frameChart(plot: Record<string, unknown>, options: BriefingChartOptions, frame: FrameOptions): TopLevelSpec {
  checkChartOptions(frame.chart, options);
  const locale = options.locale ?? 'en';
  // A phone's chart (narrower than PHONE_WIDTH) wraps its title within its width and stacks its legends.
  // The source line starts where the plot does (right of its axis labels): on a phone it keeps to the
  // plot's width, at least PHONE_FOOTER_MIN px; the title starts at the picture's left edge.
  const phone = options.width !== undefined && options.width < PHONE_WIDTH;
  const footerWidth = phone ? Math.max(PHONE_FOOTER_MIN, options.width ?? 0) : frame.footerWidth;
  const text = SOURCE_PREFIX[locale] + options.sources.map((s) => s.trim()).join('; ');
  const lines = wrapText(text, Math.max(30, Math.floor(footerWidth / (0.6 * SOURCE_FONT_SIZE))));
  const lineHeight = SOURCE_FONT_SIZE + 4;
  const footer = {
    width: footerWidth,
    height: lines.length * lineHeight,
    data: { values: lines.map((line, i) => ({ line, offset: i * lineHeight })) },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: SOURCE_FONT_SIZE, color: THEME_COLOURS.source, tooltip: null },
    encoding: {
      x: { value: 0 },
      y: { field: 'offset', type: 'quantitative', scale: null },
      text: { field: 'line', type: 'nominal' },
    },
  };
  // A title too long for the chart's width wraps, at most 3 lines of a bounded length: a long
  // scenario name cannot widen the picture without limit.
  const titleWidth = phone ? PHONE_TITLE_WIDTH : frame.footerWidth;
  const overhang = phone ? 1 : 1.5;
  const title: Record<string, unknown> = { text: fitTitle(options.title, titleWidth, TITLE_FONT_SIZE, overhang) };
  if (options.subtitle) title.subtitle = fitTitle(options.subtitle, titleWidth, SUBTITLE_FONT_SIZE, overhang);
  const config = briefingConfig(options);
  if (phone) {
    config.legend = { ...config.legend, direction: 'vertical', labelLimit: PHONE_TITLE_WIDTH - 40 };
    config.axis = { ...config.axis, titleLimit: PHONE_TITLE_WIDTH - 60 };
  }
  return withoutLineSeparators({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    vconcat: [plot, footer],
    spacing: 18,
    config,
    usermeta: { chart: frame.chart, locale },
  }) as unknown as TopLevelSpec;
}

/**
 * The spec with every line or paragraph separator (U+2028, U+2029) in its strings and keys made a space.
 * Vega-Lite writes titles, tooltip labels and field names into Vega expressions, whose parser ends a
 * string at such a character ("Expression parse error"): a candidate's name from a user's file may hold
 * one. Keys and values are changed alike, so a field keeps matching its data.
 *
 * @example
 * withoutLineSeparators({ title: 'MAC\u2028RON' }) // => { title: 'MAC RON' }
 */
function withoutLineSeparators<T>(value: T): T {
  const clean = (text: string) => (/[\u2028\u2029]/.test(text) ? text.replace(/[\u2028\u2029]/g, ' ') : text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Picks the words of a chart in its language (English by default).
 * @example wordsFor({ en: 'Source', fr: 'Source' }, { locale: 'fr' }) // => 'Source'
 */
export function wordsFor<T>(table: Record<ChartLocale, T>, options: Pick<BriefingChartOptions, 'locale'>): T {
  return table[options.locale ?? 'en'];
}

/**
 * The y encoding of a chart with one row per territory: its label, rows in `order`, no ticks or domain
 * line, a faint grid line per row.
 */
export function territoryRowAxis(order: string[], labelFontSize: number): Record<string, unknown> {
  return { field: 'label', type: 'nominal', title: null, sort: order, axis: { labelFontSize, ticks: false, domain: false, grid: true, gridColor: '#f2f2f2' } };
}
