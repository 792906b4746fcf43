/**
 * briefing.html of a report: the run summary turned into the input of the briefing page builder
 * (src/briefing/briefingPage.ts): the finding in one sentence, live controls that re-run the scenario
 * in the page, the report's charts, and every cited assumption with its value and a numbered source.
 * Browser-safe: a notebook builds the same page from a run summary and the package's scripts.
 */
import type { RunAssumptions } from '../analysis/answerAssumptions.js';
import { listWorthTable } from './listWorthTable.js';
import type { RunSummary } from '../sim/summarizeRun.js';
import { briefingPage } from './briefingPage.js';
import type { BriefingAssumption, BriefingControl, BriefingScripts, LiveFigure } from './briefingPage.js';
import { tippingPointNote } from './tippingPointNote.js';
import { LIVE_TERRITORIES_MAX } from './reportLimits.js';
import type { LiveInputs, LiveMap } from '../browser/liveRun.js';
import { scenarioSchema } from '../scenario/schema.js';
import type { ReportChart } from './reportCharts.js';
import type { ListSizeSweep } from './listSizeSweep.js';
import { buildReportCharts, electionLabel, listSizeChart, mapChart, NARROW_WIDTHS, raceLabel } from './reportCharts.js';
import type { BriefingChart } from './briefingPage.js';
import type { BriefingChartOptions } from '../charts/theme.js';
import { usTileMap } from '../charts/usTileMap.js';
import { franceTileMap } from '../charts/franceTileMap.js';
import { wilsonInterval } from '../analysis/winProbability.js';
import { baselineWords, briefingHeadline } from './briefingHeadline.js';
import { formatCount, formatCountIn, formatDecimalIn, formatShareIn, formatSidePair } from './formatNumber.js';
import { weightUnit, type WeightUnit } from '../model/decisionRule.js';
import type { RuleName } from '../model/types.js';
import { citationText, MESSAGES, readerSource, type MessageLocale } from './messages.js';

export { readerSource };

/** The value at a dotted key path of a plain object, or undefined. */
function valueAt(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Short text of an assumption's value in the page's language: numbers, priors `central (low to high)`,
 * short maps.
 *
 * @example
 * describeAssumption({ central: 1, low: 0.5, high: 2 }, 'en') // => '1 (0.5 to 2)'
 */
function describeAssumption(value: unknown, locale: MessageLocale): string {
  const m = MESSAGES[locale];
  const number = (x: number) => (Number.isInteger(x) ? formatCountIn(x, locale) : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 4 }).format(x));
  if (typeof value === 'number') return number(value);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.central === 'number' && typeof v.low === 'number' && typeof v.high === 'number') return m.range(number(v.central), number(v.low), number(v.high));
    const entries = Object.entries(v);
    if (entries.length > 6) return m.manyValues(formatCountIn(entries.length, locale));
    return entries.map(([k, x]) => `${k}${locale === 'fr' ? '\u00a0:' : ':'} ${describeAssumption(x, locale)}`).join(locale === 'fr' ? ' ; ' : '; ');
  }
  return value === undefined ? m.notSet : JSON.stringify(value);
}

/**
 * A parameter's key path in words, in the page's language: `campaigns.D.channels.door.effect` → `Door
 * knocking: turnout effect among people reached (pp)`; the side is shown by the caller.
 *
 * @example
 * parameterLabel('uncertainty.national') // => 'National polling error, SD (pp of margin)'
 */
export function parameterLabel(key: string, locale: MessageLocale = 'en'): string {
  const m = MESSAGES[locale];
  const parts = key.split('.');
  const last = parts[parts.length - 1];
  const words = m.parameters[last] ?? last;
  const channel = parts[2] === 'channels' ? m.channels[parts[3]] ?? parts[3] : undefined;
  return channel ? `${channel}${locale === 'fr' ? '\u00a0:' : ':'} ${words.charAt(0).toLowerCase()}${words.slice(1)}` : words;
}

/**
 * Every cited default with its value, then the scenario's own choices. Rows that are equal for both
 * sides (same value, same source) are shown once; each source text is cited once by the page.
 *
 * @example
 * assumptionRows(summary).at(-1) // => { key: 'baseline results', label: 'Baseline results', value: 'US 2000', source: 'MIT Election Data and Science Lab, …' }
 */
export function assumptionRows(summary: RunSummary, locale: MessageLocale = 'en'): BriefingAssumption[] {
  const s = summary.scenario;
  const m = MESSAGES[locale];
  const [a, b] = s.sides;
  const rows: BriefingAssumption[] = [];
  const seen = new Set<string>();
  for (const [key, c] of Object.entries(s.citations)) {
    if (seen.has(key)) continue;
    seen.add(key);
    const value = describeAssumption(valueAt(s, key), locale);
    const source = citationText(c, locale);
    const match = /^campaigns\.([^.]+)\.(.*)$/.exec(key);
    if (match) {
      const side = match[1];
      const other = side === a ? b : a;
      const twin = `campaigns.${other}.${match[2]}`;
      const twinCitation = s.citations[twin];
      const label = parameterLabel(key, locale);
      if (twinCitation && !seen.has(twin) && describeAssumption(valueAt(s, twin), locale) === value && twinCitation.source === c.source && twinCitation.note === c.note) {
        seen.add(twin);
        rows.push({ key: `campaigns.{${a},${b}}.${match[2]}`, label: m.bothSides(label, a, b), value, confidence: c.confidence, source });
        continue;
      }
      rows.push({ key, label: m.oneSide(label, side), value, confidence: c.confidence, source });
      continue;
    }
    rows.push({ key, label: parameterLabel(key, locale), value, confidence: c.confidence, source });
  }
  for (const side of s.sides) {
    const campaign = s.campaigns[side];
    if (!campaign) continue;
    if (!(`campaigns.${side}.listSize` in s.citations)) rows.push({ key: `campaigns.${side}.listSize`, label: m.listSize(side), value: formatCountIn(campaign.listSize, locale), source: m.scenarioFile });
    const channels = Object.keys(campaign.channels);
    rows.push({ key: `campaigns.${side}.channels`, label: m.channelsUsed(side), value: channels.length > 0 ? channels.map((ch) => m.channels[ch] ?? ch).join(', ') : m.none, source: m.scenarioFile });
  }
  rows.push({ key: 'baseline results', label: m.baselineResults, value: electionLabel(s), source: readerSource(s.resultsSource) });
  return rows;
}

/** Inputs of {@link renderBriefing}. */
export interface BriefingReportInput {
  summary: RunSummary;
  charts: ReportChart[];
  sweep?: ListSizeSweep;
  /** What the page's live engine re-runs; without it the page has no live controls. */
  live?: LiveInputs;
  /** The scenario file as the user typed it, for the page's note on the equivalent command. */
  scenarioFile?: string;
  /** The scripts the page inlines (src/node/pageScripts.ts `briefingScripts()` reads them from the package). */
  scripts: BriefingScripts;
  /** `run`'s assumptions interval; its list effect makes the page's assumptions box (listWorthTable). */
  assumptions?: RunAssumptions;
}

/** The cards' and the live section's words, from the message catalogue. */
const PAGE_WORDS = { en: MESSAGES.en.cards, fr: MESSAGES.fr.cards };

/** Most simulations a live re-run does in the page (more would make the page slow to answer). */
const LIVE_SIMULATIONS_MAX = 200_000;

/** A round step for a slider from 0 to `max`: about 1/10,000 of the range, a power of ten. */
function sliderStep(max: number): number {
  return max <= 0 ? 1 : Math.max(1, 10 ** Math.floor(Math.log10(max / 10000)));
}

/**
 * The largest list size of a side whose spread over territories (today's allocation scaled with the size)
 * keeps every territory's supporters within its eligible voters, the cap campaignCoefficients enforces;
 * Infinity when no territory with known eligible voters holds any of the list.
 *
 * @example
 * listSizeCap({ territories: [{ id: 'A', eligible: 1000 }, { id: 'B', eligible: 0 }], campaigns: { D: { listSize: 100, allocation: { A: 50, B: 50 } } } }, 'D') // => 2000
 */
export function listSizeCap(
  s: { territories: readonly { id: string; eligible: number; parent?: string }[]; campaigns: Readonly<Record<string, { listSize: number; allocation: Record<string, number> } | undefined>> },
  side: string,
): number {
  const campaign = s.campaigns[side];
  if (!campaign || !(campaign.listSize > 0)) return Infinity;
  let cap = Infinity;
  for (const t of s.territories) {
    const held = t.parent === undefined ? campaign.allocation[t.id] ?? 0 : 0;
    if (held > 0 && t.eligible > 0) cap = Math.min(cap, (campaign.listSize * t.eligible) / held);
  }
  return cap;
}

/**
 * The live controls of a run: each side's list size (0 to three times today's, at least 1 M, and never past
 * the size at which a territory would hold more supporters than eligible voters: listSizeCap), the
 * national swing when the scenario file supports one (`baseline.swing`), and each active channel's
 * coverage (0–1).
 *
 * @example
 * liveControls(summary, inputs).map((c) => c.key)
 * // => ['campaigns.D.listSize', 'campaigns.R.listSize', 'campaigns.D.channels.email.coverage', …]
 */
export function liveControls(summary: RunSummary, inputs: LiveInputs): BriefingControl[] {
  const s = summary.scenario;
  const controls: BriefingControl[] = [];
  for (const side of s.sides) {
    // Every list has a size to set, a list given as counts per territory too: the counts give its spread.
    if (!inputs.scenario.campaigns?.[side]) continue;
    const current = s.campaigns[side]?.listSize ?? 0;
    const top = Math.max(1e6, 3 * current);
    const step = sliderStep(top);
    const max = Math.max(current, Math.min(Math.ceil(top / step) * step, Math.floor(listSizeCap(s, side) / step) * step));
    controls.push({ key: `campaigns.${side}.listSize`, label: `${side}'s list size (people)`, min: 0, max, step, value: current, format: 'count' });
  }
  const scenarioProperties = (scenarioSchema.definitions as Record<string, { properties?: Record<string, unknown> }> | undefined)?.Scenario?.properties ?? {};
  if ('baseline' in scenarioProperties) {
    // The national swing of the forecast baseline, pp toward the first side (0: a replay of the result).
    const swing = inputs.scenario.baseline?.swing ?? 0;
    const reach = Math.max(10, Math.ceil(Math.abs(swing) + 5));
    controls.push({ key: 'baseline.swing', label: `National swing toward ${s.sides[0]} (pp)`, min: -reach, max: reach, step: 0.1, value: swing, format: 'pp' });
  }
  for (const side of s.sides) {
    if (!inputs.scenario.campaigns?.[side]) continue;
    for (const [channel, resolved] of Object.entries(s.campaigns[side]?.channels ?? {})) {
      if (!resolved) continue;
      controls.push({
        key: `campaigns.${side}.channels.${channel}.coverage`,
        label: `${side}: ${(MESSAGES.en.channels[channel] ?? channel).toLowerCase()}, share ${channel === 'relay' ? 'of volunteers relaying' : 'of the list targeted'}`,
        min: 0,
        max: 1,
        step: 0.01,
        value: resolved.coverage,
        format: 'share',
        secondary: true,
      });
    }
  }
  return controls;
}

/**
 * The charts as the page draws them, each with its phone version (`narrowSpec`, the same chart built at
 * the widths of {@link NARROW_WIDTHS}); with live controls the list-size chart also marks the live
 * setting (an empty named dataset the engine fills).
 */
function pageChartsOf(summary: RunSummary, charts: ReportChart[], sweep: ListSizeSweep | undefined, live: boolean): BriefingChart[] {
  const narrow = new Map(buildReportCharts(summary, sweep, 'narrow').map((c) => [c.name, c.spec]));
  return charts.map((c) => {
    if (c.name === 'win-probability-by-list-size' && sweep && live) {
      return { title: c.title, spec: listSizeChart(summary, sweep, { liveDataset: 'setting' }), narrowSpec: listSizeChart(summary, sweep, { liveDataset: 'setting', width: NARROW_WIDTHS[c.name] }) };
    }
    const narrowSpec = narrow.get(c.name);
    return { title: c.title, spec: c.spec, ...(narrowSpec ? { narrowSpec } : {}) };
  });
}

/** The map the live engine redraws: the report's map with `subtitle`, and its phone version's options. */
function liveMapOf(summary: RunSummary, subtitle: string): LiveMap | undefined {
  const wide = mapChart(summary, subtitle);
  const narrow = mapChart(summary, subtitle, 'narrow');
  return wide ? { ...wide, ...(narrow ? { narrowOptions: narrow.options } : {}) } : undefined;
}

/**
 * Renders briefing.html (self-contained, works offline): the finding as the page's headline, the
 * figures, live controls re-running the scenario in the page (when `live` is given and the race has at
 * most 5,000 territories), the charts and the assumptions with numbered sources.
 *
 * @example
 * renderBriefing({ summary, charts, scripts: briefingScripts() }).startsWith('<!doctype html>') // => true
 */
export function renderBriefing(input: BriefingReportInput): string {
  const { summary, charts, sweep } = input;
  const s = summary.scenario;
  const [a, b] = summary.sides;
  const locale = s.country === 'fr' ? 'fr' : 'en';
  // A race of many territories is re-run from the command line, not in the page: the page stays small.
  const liveInputs = input.live && summary.territories.length <= LIVE_TERRITORIES_MAX
    ? { ...input.live, scenario: { ...input.live.scenario, simulations: Math.min(summary.simulations, LIVE_SIMULATIONS_MAX) } }
    : undefined;
  const controls = liveInputs ? liveControls(summary, liveInputs) : [];
  const pageCharts = pageChartsOf(summary, charts, sweep, controls.length > 0);
  const markerChart = charts.findIndex((c) => c.name === 'win-probability-by-list-size');
  // The P(win) map follows the controls: the engine sends a new map with each run.
  const mapIndex = charts.findIndex((c) => c.name === 'win-probability-map');
  const liveMap = controls.length > 0 && mapIndex >= 0 ? liveMapOf(summary, locale === 'fr' ? 'Suit les réglages ci-dessus : chaque changement relance la simulation' : 'Follows the controls above: each change re-runs the simulation') : undefined;
  if (liveMap) {
    const draw = (options: BriefingChartOptions) => (liveMap.kind === 'us' ? usTileMap : franceTileMap)({ sides: [summary.sides[0], summary.sides[1]], measure: 'pWin', units: summary.territories.map((t) => ({ id: t.id, value: t.pWin[summary.sides[0]] })) }, options);
    pageCharts[mapIndex] = { title: pageCharts[mapIndex].title, spec: draw(liveMap.options), ...(liveMap.narrowOptions ? { narrowSpec: draw(liveMap.narrowOptions) } : {}) };
  }
  const simulationsLive = liveInputs?.scenario.simulations ?? summary.simulations;
  const tipping = summary.tippingPoint[0];
  const w = PAGE_WORDS[locale];
  const count = (n: number) => formatCountIn(n, locale);
  const share = (p: number, digits = 1) => formatShareIn(p, locale, digits);
  const figures: LiveFigure[] = [
    { figure: 'pWin', label: w.pWin(a), value: share(summary.pWin[a]), raw: summary.pWin[a], note: (() => { const i = wilsonInterval(Math.round(summary.pWin[a] * summary.simulations), summary.simulations); return w.pWinNote(share(i.low), share(i.high), count(summary.simulations)); })() },
    { figure: 'pWinB', label: w.pWin(b), value: share(summary.pWin[b]), raw: summary.pWin[b] },
  ];
  if (summary.threshold > 1) {
    // Two labelled figures, not a dash between them: "247.4 – 290.6" reads like a range.
    figures.push({ figure: 'weight', label: w.weight(summary.threshold, weightUnit(summary.rule as RuleName)), value: formatSidePair(a, formatDecimalIn(summary.expectedWeight[a], locale), b, formatDecimalIn(summary.expectedWeight[b], locale)) });
    if (tipping) figures.push({ figure: 'tippingPoint', label: w.tipping, value: tipping.name, note: tippingPointNote(share(tipping.frequency), summary.electoralCollegeBias?.meanPp, [a, b], summary.rule, locale) });
  }
  figures.push({ figure: 'votes', label: w.votes, value: formatSidePair(a, count(summary.expectedExtraVotes[a]), b, count(summary.expectedExtraVotes[b])) });
  const command = `campaign-lab run ${input.scenarioFile ?? '<scenario>'} --set ${locale === 'fr' ? '<clé>=<valeur>' : '<key>=<value>'}${simulationsLive < summary.simulations ? ` --sims ${simulationsLive}` : ''}`;
  const localControls = controls.map((c) => ({ ...c, label: w.control(c.key, c.label) }));
  return briefingPage({
    title: briefingHeadline(summary, sweep, locale),
    kicker: `${summary.name} · ${raceLabel(s, locale)} · ${w.rule(summary.rule)}`,
    subtitle: `${baselineWords(s, locale)}; ${w.simulated(count(summary.simulations), summary.seed)}.`,
    ...(s.description ? { description: s.description } : {}),
    locale,
    headline: liveInputs && controls.length > 0 ? [] : figures.map((f) => ({ label: f.label, value: f.value, ...(f.note ? { note: f.note } : {}) })),
    charts: pageCharts,
    assumptions: assumptionRows(summary, locale),
    ...(() => {
      const box = listWorthTable(summary, sweep, input.assumptions, locale);
      return box ? { tables: [box] } : {};
    })(),
    ...(liveInputs && controls.length > 0
      ? {
          live: {
            inputs: liveInputs,
            controls: localControls,
            figures,
            sides: [a, b] as [string, string],
            threshold: summary.threshold,
            rule: summary.rule,
            secondaryLabel: w.secondary,
            ...(liveMap ? { redrawnChart: { chart: mapIndex, map: liveMap } } : {}),
            note: w.note(count(simulationsLive), summary.seed, command),
          },
          ...(markerChart >= 0 && sweep ? { liveMarkers: [{ chart: markerChart, dataset: 'setting', control: `campaigns.${sweep.side}.listSize` }] } : {}),
        }
      : {}),
    generatedBy: MESSAGES[locale].generatedBy(summary.version, String(summary.seed), count(summary.simulations)),
    scripts: input.scripts,
  });
}
