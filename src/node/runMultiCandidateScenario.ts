/**
 * `campaign-lab run` for a multi-candidate race (issue 20): the loaded scenario's race simulated by
 * simulateMultiCandidate (the K-candidate engine, one code path for every K), its run document, and the report
 * `--out` writes: summary.json, territories.csv (one row per unit and candidate), the charts as SVG and PNG.
 * The briefing page is two-candidate only: it is not written for these races (README, `run --help`).
 */
import { basename } from 'node:path';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { loadedMultiCandidateRace, multiCandidateOptions, type LoadedMultiCandidateRace } from '../scenario/multiCandidateScenario.js';
import { simulateMultiCandidate, type MultiCandidateOptions, type MultiCandidateResult } from '../race/simulateMultiCandidate.js';
import { multiCandidateDocument, unitOutcomes, type MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';
import { loadParameters } from './data/loadParameters.js';
import { toJsonText } from '../io/jsonText.js';
import { writeFolderAtomic } from './writeFileAtomic.js';

/** A multi-candidate run: what was simulated and its document. */
export interface MultiCandidateRun {
  loaded: LoadedMultiCandidateRace;
  options: MultiCandidateOptions;
  result: MultiCandidateResult;
  /** The `run --json` document (with `units`). */
  document: MultiCandidateRunDocument;
}

/**
 * Runs a loaded multi-candidate scenario.
 *
 * @param scenario The scenario as the loader returned it (its race attached).
 * @param file The scenario file as the user named it (messages).
 * @returns The run and its document.
 * @throws {InputError} a scenario without its race read, or keys the engine does not take (see multiCandidateOptions).
 * @example
 * runMultiCandidateScenario(await loadCommandScenario('scenarios/canada-2011.yaml', { cwd: '.' }), 'canada-2011.yaml').document.candidates[0].party // => 'CPC'
 */
export function runMultiCandidateScenario(scenario: Scenario, file: string): MultiCandidateRun {
  const loaded = loadedMultiCandidateRace(scenario);
  if (!loaded) throw new InputError({ file, at: 'race', expected: 'a multi-candidate race read by the scenario loader', found: 'none' });
  const { options, citations } = multiCandidateOptions(scenario, loaded, loadParameters().uncertainty, file);
  const result = simulateMultiCandidate(loaded.race, options);
  const document = multiCandidateDocument(scenario.name, loaded.race, options, result, { citations, notes: loaded.notes, ...(loaded.transfers ? { transfers: loaded.transfers } : {}), units: true });
  return { loaded, options, result, document };
}

/**
 * territories.csv of a multi-candidate run: one row per unit and candidate (units hold different candidates),
 * `id,name,party,candidate,votes,share,p_win[,p_qualify]`; `share` is of the unit's valid votes, `p_win` the
 * candidate's P(win the unit) (national rules: P(lead its round 1)), `p_qualify` P(round 2) under
 * two-round-legislative.
 *
 * @example
 * multiCandidateTerritoriesCsv(run).split('\n')[0] // => 'id,name,party,candidate,votes,share,p_win'
 */
export function multiCandidateTerritoriesCsv(run: MultiCandidateRun): string {
  const { race } = run.loaded;
  const qualify = run.result.slotQualify !== null;
  const rows: (string | number)[][] = [];
  unitOutcomes(race, run.result).forEach((unit, u) => {
    const valid = race.units.valid[u]!;
    for (const c of unit.candidates) {
      const row: (string | number)[] = [unit.id, unit.name, c.party, c.label, c.votes, valid > 0 ? +(c.votes / valid).toFixed(6) : 0, c.pWin];
      if (qualify) row.push(c.pQualify!);
      rows.push(row);
    }
  });
  const header = ['id', 'name', 'party', 'candidate', 'votes', 'share', 'p_win', ...(qualify ? ['p_qualify'] : [])];
  return Papa.unparse([header, ...rows], { newline: '\n' }) + '\n';
}

/**
 * Writes the report of a multi-candidate run to `dir`, atomically as a set (as writeReport): territories.csv,
 * candidate-probabilities.svg/.png, seat-histogram.svg/.png (seat rules), summary.json (the document without
 * `units`, plus the report's record).
 *
 * @returns The paths written.
 * @throws {InputError} a folder holding other files, or not writable.
 * @example
 * await writeMultiCandidateReport('out', run, 'scenarios/canada-2011.yaml') // => ['out/territories.csv', 'out/candidate-probabilities.svg', …, 'out/summary.json']
 */
export async function writeMultiCandidateReport(dir: string, run: MultiCandidateRun, scenarioFile: string, signal?: AbortSignal, shown = dir): Promise<string[]> {
  const [{ toSvg }, { toPng }, { multiCandidateCharts }] = await Promise.all([import('../render/toSvg.js'), import('../render/toPng.js'), import('./multiCandidateCharts.js')]);
  const files: { name: string; data: string | Uint8Array }[] = [{ name: 'territories.csv', data: multiCandidateTerritoriesCsv(run) }];
  for (const chart of multiCandidateCharts(run.document, run.result.seatDistribution)) {
    signal?.throwIfAborted();
    files.push({ name: `${chart.name}.svg`, data: await toSvg(chart.spec) });
    files.push({ name: `${chart.name}.png`, data: await toPng(chart.spec, { scale: 2 }) });
  }
  const { units: _units, ...summary } = run.document;
  const names = [...files.map((f) => f.name), 'summary.json'];
  files.push({ name: 'summary.json', data: toJsonText({ ...summary, report: { scenarioFile, files: names } }) });
  return writeFolderAtomic(dir, files.map((f) => ({ name: basename(f.name), data: f.data })), signal, shown);
}


