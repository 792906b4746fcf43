/**
 * Writes a run's report under `--out DIR`: summary.json, territories.csv, each chart as SVG and PNG,
 * and briefing.html, atomically as a set (see writeFolderAtomic): the report is written to a hidden
 * folder beside DIR and swapped in whole, so a reader, a kill or a second run sharing DIR never sees
 * a mix of two reports. DIR must be new, empty, or hold an earlier report of campaign-lab (checked
 * against its manifest of names, sizes and SHA-256); a folder with any other file is refused and left
 * untouched, so nothing this program did not write is ever deleted.
 */
import { basename, join } from 'node:path';
import type { RunSummary } from '../sim/summarizeRun.js';
import { renderChartHere, type ChartRender } from './chartRenderer.js';
import { buildReportCharts } from '../briefing/reportCharts.js';
import type { ReportChart } from '../briefing/reportCharts.js';
import type { ListSizeSweep } from '../briefing/listSizeSweep.js';
import { briefingScripts } from './pageScripts.js';
import { territoriesCsv } from '../briefing/territoriesCsv.js';
import { toJsonText } from '../io/jsonText.js';
import { writeFolderAtomic } from './writeFileAtomic.js';
import { compactSummary } from './compactSummary.js';
import type { ReportFile } from './writeFileAtomic.js';
import { renderBriefing } from '../briefing/renderBriefing.js';
import type { LiveInputs } from '../browser/liveRun.js';
import type { RunAssumptions } from '../analysis/answerAssumptions.js';

/** What a report is made from. */
export interface ReportInput {
  summary: RunSummary;
  /** Scenario file as the user gave it. */
  scenarioFile: string;
  /** Optional list-size sweep for the briefing's list-size chart and headline. */
  sweep?: ListSizeSweep;
  /** What the briefing's live engine re-runs (the loaded scenario, results, parameters); none: no live controls. */
  live?: LiveInputs;
  /** The assumptions interval of the run and of our list's effect (`run --assumption-draws`). */
  assumptions?: RunAssumptions;
  /**
   * How each chart is drawn (SVG, and the PNG rasterised from it): default in this thread; `run --out` passes
   * its chart worker's (src/node/chartRenderer.ts), which has drawn the run's charts while the sweep ran.
   */
  render?: ChartRender;
}

/**
 * The document stored as summary.json: the `run --json` document plus the report's own record; for a race
 * of more than 5,000 territories, compacted by compactSummary (the per-territory detail in territories.csv).
 */
export interface ReportSummary extends RunSummary {
  report: {
    scenarioFile: string;
    /** Files of this report, relative to its folder. */
    files: string[];
    listSizeSweep?: ListSizeSweep;
    assumptions?: RunAssumptions;
  };
}

/**
 * Builds the report's files in memory: each chart rendered once by Vega to SVG, its PNG rasterised from that SVG.
 *
 * @param dir output folder
 * @returns the files, summary.json last
 * @example
 * (await buildReportFiles('out', { summary, scenarioFile: 'a.yaml' })).at(-1).path // => 'out/summary.json'
 */
async function buildReportFiles(dir: string, input: ReportInput, signal?: AbortSignal): Promise<ReportFile[]> {
  const charts: ReportChart[] = buildReportCharts(input.summary, input.sweep);
  const pending: (ReportFile | Promise<ReportFile>)[] = [{ path: join(dir, 'territories.csv'), data: territoriesCsv(input.summary) }];
  const render = input.render ?? renderChartHere;
  signal?.throwIfAborted();
  // Vega lays each chart out once; its PNG is rasterised from that SVG, not from a second Vega render.
  for (const chart of charts) {
    const drawn = render(chart.spec, 2);
    pending.push(drawn.then((d) => ({ path: join(dir, `${chart.name}.svg`), data: d.svg })), drawn.then((d) => ({ path: join(dir, `${chart.name}.png`), data: d.png })));
  }
  const files: ReportFile[] = await Promise.all(pending);
  files.push({ path: join(dir, 'briefing.html'), data: renderBriefing({ summary: input.summary, charts, sweep: input.sweep, live: input.live, scenarioFile: input.scenarioFile, ...(input.assumptions ? { assumptions: input.assumptions } : {}), scripts: briefingScripts() }) });
  const names = [...files.map((f) => f.path.slice(dir.length + 1)), 'summary.json'];
  const document: ReportSummary = {
    ...input.summary,
    report: { scenarioFile: input.scenarioFile, files: names, ...(input.sweep ? { listSizeSweep: input.sweep } : {}), ...(input.assumptions ? { assumptions: input.assumptions } : {}) },
  };
  // Above 5,000 territories the per-territory detail is in territories.csv only (compactSummary).
  files.push({ path: join(dir, 'summary.json'), data: toJsonText(compactSummary(document)) });
  return files;
}

/**
 * Writes the report atomically as a set, replacing an earlier report in the same folder whole.
 *
 * @param dir output folder
 * @param shown the folder as the user gave it, for messages (defaults to `dir`)
 * @returns the paths written
 * @throws InputError when `dir` is an existing file, a folder holding other files, or not writable
 * @example
 * await writeReport('out', { summary, scenarioFile: 'scenarios/default.yaml' })
 * // => ['out/territories.csv', 'out/weight-distribution.svg', …, 'out/briefing.html', 'out/summary.json']
 */
export async function writeReport(dir: string, input: ReportInput, signal?: AbortSignal, shown = dir): Promise<string[]> {
  const files = await buildReportFiles(dir, input, signal);
  return writeFolderAtomic(dir, files.map((f) => ({ name: basename(f.path), data: f.data })), signal, shown);
}
