/**
 * briefing.html of a report: the run summary turned into the input of the briefing page builder
 * (src/render/briefingPage.ts): headline figures, the report's charts, every cited assumption with
 * its value and source, and a slider over the precomputed list-size sweep.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import { briefingPage } from '../render/briefingPage.js';
import type { BriefingAssumption, BriefingSweep, HeadlineFigure } from '../render/briefingPage.js';
import { winProbabilityByListSize } from '../charts/winProbabilityByListSize.js';
import type { ListSizeSweep, ReportChart } from './reportCharts.js';
import { reportSources } from './reportCharts.js';
import { formatCount, formatShare } from './formatNumber.js';

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
 * Short text of an assumption's value: numbers, priors `central (low to high)`, short maps.
 *
 * @example
 * describeAssumption({ central: 1, low: 0.5, high: 2 }) // => '1 (0.5 to 2)'
 */
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
  return value === undefined ? '(not set)' : JSON.stringify(value);
}

/**
 * Headline figures of a run.
 *
 * @example
 * headlineFigures(summary)[0] // => { label: 'P(D wins)', value: '50.2%', note: '± 1.39% (95% Monte Carlo)' }
 */
export function headlineFigures(summary: RunSummary): HeadlineFigure[] {
  const [a, b] = summary.sides;
  const figures: HeadlineFigure[] = [
    { label: `P(${a} wins)`, value: formatShare(summary.pWin[a]), note: `± ${formatShare(1.96 * summary.standardError[a], 2)} (95% Monte Carlo)` },
    { label: `P(${b} wins)`, value: formatShare(summary.pWin[b]) },
    { label: 'P(tie)', value: formatShare(summary.pTie, 2) },
  ];
  if (summary.threshold > 1) {
    figures.push({ label: `Expected weight ${a} – ${b}`, value: `${summary.expectedWeight[a].toFixed(1)} – ${summary.expectedWeight[b].toFixed(1)}`, note: `${summary.threshold} to win` });
    const tipping = Object.entries(summary.tippingPoint)[0];
    if (tipping) figures.push({ label: 'Most frequent tipping point', value: tipping[0], note: `${formatShare(tipping[1])} of simulations` });
  }
  figures.push({ label: `Votes added by ${a}'s campaign`, value: formatCount(summary.expectedExtraVotes[a]) }, { label: `Votes added by ${b}'s campaign`, value: formatCount(summary.expectedExtraVotes[b]) });
  return figures;
}

/**
 * Every cited default with its value, then the scenario's own choices.
 *
 * @example
 * assumptionRows(summary).at(-1) // => { key: 'baseline results', value: 'US 2000', source: 'MIT Election Data and Science Lab, …' }
 */
export function assumptionRows(summary: RunSummary): BriefingAssumption[] {
  const s = summary.scenario;
  const rows: BriefingAssumption[] = Object.entries(s.citations).map(([key, c]) => ({
    key,
    value: describeAssumption(valueAt(s, key)),
    source: `${c.source} (confidence ${c.confidence})${c.note ? `: ${c.note}` : ''}`,
  }));
  for (const side of s.sides) {
    const campaign = s.campaigns[side];
    if (!campaign) continue;
    if (!(`campaigns.${side}.listSize` in s.citations)) rows.push({ key: `campaigns.${side}.listSize`, value: formatCount(campaign.listSize), source: 'scenario' });
    const channels = Object.keys(campaign.channels);
    rows.push({ key: `campaigns.${side}.channels`, value: channels.length > 0 ? channels.join(', ') : 'none', source: 'scenario' });
  }
  rows.push({ key: 'baseline results', value: `${s.country.toUpperCase()} ${s.year}`, source: s.resultsSource });
  return rows;
}

/** Inputs of {@link renderBriefing}. */
export interface BriefingReportInput {
  summary: RunSummary;
  charts: ReportChart[];
  sweep?: ListSizeSweep;
}

/**
 * Renders briefing.html (self-contained, works offline).
 *
 * @example
 * renderBriefing({ summary, charts }).startsWith('<!DOCTYPE html>') // => true
 */
export function renderBriefing(input: BriefingReportInput): string {
  const { summary, charts, sweep } = input;
  const s = summary.scenario;
  let briefingSweep: BriefingSweep | undefined;
  if (sweep && sweep.points.length >= 2) {
    const side = sweep.side;
    const sources = reportSources(summary);
    const initial = Math.max(0, sweep.points.findIndex((p) => p.value === sweep.current));
    briefingSweep = {
      label: `${side} list size (people)`,
      initial,
      steps: sweep.points.map((p) => ({
        value: p.value,
        label: formatCount(p.value),
        headline: [{ label: `P(${side} wins)`, value: formatShare(p.pWin), note: `${formatShare(p.low)} to ${formatShare(p.high)}, ${formatCount(sweep.simulations)} draws, same seed` }],
        specs: [
          winProbabilityByListSize(
            { side, measure: 'listSize', points: sweep.points, current: p.value, intervalLabel: '95% Monte Carlo interval' },
            { title: `P(${side} wins) with a list of ${formatCount(p.value)}`, subtitle: `${summary.name}; today's list: ${formatCount(sweep.current)}`, sources },
          ),
        ],
      })),
    };
  }
  return briefingPage({
    title: summary.name,
    subtitle: `${s.country.toUpperCase()} ${s.year}${s.round ? ` round ${s.round}` : ''}, ${summary.rule}, ${formatCount(summary.simulations)} simulated elections${s.description ? `. ${s.description}` : ''}`,
    headline: headlineFigures(summary),
    // The sweep's own chart is drawn by the slider; the static list keeps the others.
    charts: charts.filter((c) => !(briefingSweep && c.name === 'win-probability-by-list-size')).map((c) => ({ title: c.title, spec: c.spec })),
    assumptions: assumptionRows(summary),
    ...(briefingSweep ? { sweep: briefingSweep } : {}),
    generatedBy: `campaign-lab ${summary.version}, seed ${summary.seed}, ${formatCount(summary.simulations)} simulations`,
  });
}
