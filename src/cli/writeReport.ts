/**
 * Writes a run's report under `--out DIR`: summary.json, territories.csv, each chart as SVG and PNG,
 * and briefing.html. All files are staged under temporary names and renamed only once every one is
 * complete (see writeFilesAtomic), so an interrupted run leaves the previous report intact; files of a
 * previous report that the new one does not produce are removed, so a rerun overwrites cleanly.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../sim/summarizeRun.js';
import { toSvg } from '../render/toSvg.js';
import { toPng } from '../render/toPng.js';
import { buildReportCharts } from './reportCharts.js';
import type { ListSizeSweep, ReportChart } from './reportCharts.js';
import { territoriesCsv } from './territoriesCsv.js';
import { toJsonText } from './printJson.js';
import { removeStaleTemporaries, writeFilesAtomic } from './writeFileAtomic.js';
import type { ReportFile } from './writeFileAtomic.js';
import { renderBriefing } from './renderBriefing.js';
import type { LiveInputs } from '../browser/liveRun.js';

/** What a report is made from. */
export interface ReportInput {
  summary: RunSummary;
  /** Scenario file as the user gave it. */
  scenarioFile: string;
  /** Optional list-size sweep for the briefing's list-size chart and headline. */
  sweep?: ListSizeSweep;
  /** What the briefing's live engine re-runs (the loaded scenario, results, parameters); none: no live controls. */
  live?: LiveInputs;
}

/** The document stored as summary.json: the `run --json` document plus the report's own record. */
export interface ReportSummary extends RunSummary {
  report: {
    scenarioFile: string;
    /** Files of this report, relative to its folder. */
    files: string[];
    listSizeSweep?: ListSizeSweep;
  };
}

/**
 * Builds the report's files in memory (charts rendered to SVG and PNG).
 *
 * @param dir output folder
 * @returns the files, summary.json last
 * @example
 * (await buildReportFiles('out', { summary, scenarioFile: 'a.yaml' })).at(-1).path // => 'out/summary.json'
 */
export async function buildReportFiles(dir: string, input: ReportInput, signal?: AbortSignal): Promise<ReportFile[]> {
  const charts: ReportChart[] = buildReportCharts(input.summary, input.sweep);
  const files: ReportFile[] = [{ path: join(dir, 'territories.csv'), data: territoriesCsv(input.summary) }];
  for (const chart of charts) {
    signal?.throwIfAborted();
    const svg = await toSvg(chart.spec);
    files.push({ path: join(dir, `${chart.name}.svg`), data: svg });
    files.push({ path: join(dir, `${chart.name}.png`), data: await toPng(chart.spec, { scale: 2 }) });
  }
  files.push({ path: join(dir, 'briefing.html'), data: renderBriefing({ summary: input.summary, charts, sweep: input.sweep, live: input.live, scenarioFile: input.scenarioFile }) });
  const names = [...files.map((f) => f.path.slice(dir.length + 1)), 'summary.json'];
  const document: ReportSummary = {
    ...input.summary,
    report: { scenarioFile: input.scenarioFile, files: names, ...(input.sweep ? { listSizeSweep: input.sweep } : {}) },
  };
  files.push({ path: join(dir, 'summary.json'), data: toJsonText(document) });
  return files;
}

/**
 * Writes the report atomically and removes files a previous report in the same folder listed but
 * this one does not write.
 *
 * @returns the paths written
 * @example
 * await writeReport('out', { summary, scenarioFile: 'scenarios/default.yaml' })
 * // => ['out/territories.csv', 'out/weight-distribution.svg', …, 'out/briefing.html', 'out/summary.json']
 */
export async function writeReport(dir: string, input: ReportInput, signal?: AbortSignal): Promise<string[]> {
  let previous: string[] = [];
  try {
    const old = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as Partial<ReportSummary>;
    previous = Array.isArray(old.report?.files) ? old.report.files.filter((f): f is string => typeof f === 'string' && !f.includes('/') && !f.includes('\\') && !f.startsWith('.')) : [];
  } catch {
    previous = [];
  }
  const files = await buildReportFiles(dir, input, signal);
  await removeStaleTemporaries(dir);
  await writeFilesAtomic(files, signal);
  const written = new Set(files.map((f) => f.path));
  for (const name of previous) {
    const path = join(dir, name);
    if (!written.has(path)) await rm(path, { force: true });
  }
  return files.map((f) => f.path);
}
