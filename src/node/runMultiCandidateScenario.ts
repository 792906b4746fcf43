/**
 * `campaign-lab run` for a multi-candidate race (issue 20): the loaded scenario's race simulated by
 * simulateMultiCandidate (the K-candidate engine, one code path for every K), its run document, and the report
 * `--out` writes: summary.json, territories.csv (one row per unit and candidate), the charts as SVG and PNG, and
 * briefing.html (src/briefing/multiCandidatePage.ts: a static page, no live controls, in the race's language).
 */
import { basename } from 'node:path';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { loadedMultiCandidateRace, multiCandidateOptions, type LoadedMultiCandidateRace } from '../scenario/multiCandidateScenario.js';
import { simulateMultiCandidate, type MultiCandidateOptions, type MultiCandidateResult } from '../race/simulateMultiCandidate.js';
import { multiCandidateDocument, unitOutcomes, type MultiCandidateRunDocument } from '../race/multiCandidateDocument.js';
import { loadParameters } from './data/loadParameters.js';
import { resolveMultiCandidateCampaign } from '../scenario/multiCandidateCampaignScenario.js';
import { createMultiCandidateCampaign } from '../race/multiCandidateCampaign.js';
import { simulateMultiCandidatePlans, type PlansResult } from '../race/multiCandidatePlans.js';
import { emptyCampaign } from '../model/emptyCampaign.js';
import type { CampaignEffect } from '../race/multiCandidateDocument.js';
import type { MultiCandidateRace } from '../race/multiCandidateRace.js';
import type { ResolvedCampaign } from '../model/resolvedScenario.js';
import { toJsonText } from '../io/jsonText.js';
import { writeFolderAtomic } from './writeFileAtomic.js';
import { VERSION } from '../sim/version.js';
import type { MessageLocale } from '../briefing/messages.js';
import { horizonUncertainty } from '../scenario/horizon.js';

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
 * @throws {InputError} a scenario without its race read, or keys the engine does not take (see multiCandidateOptions),
 *   a campaign for another candidate than `sides[0]` or a bad campaign (resolveMultiCandidateCampaign).
 * @example
 * runMultiCandidateScenario(await loadCommandScenario('scenarios/canada-2011.yaml', { cwd: '.' }), 'canada-2011.yaml').document.candidates[0].party // => 'CPC'
 */
export function runMultiCandidateScenario(scenario: Scenario, file: string): MultiCandidateRun {
  const loaded = loadedMultiCandidateRace(scenario);
  if (!loaded) throw new InputError({ file, at: 'race', expected: 'a multi-candidate race read by the scenario loader', found: 'none' });
  const parameters = loadParameters();
  const { options, citations } = multiCandidateOptions(scenario, loaded, horizonUncertainty(scenario.horizon, parameters), file);
  const ours = resolveMultiCandidateCampaign(scenario, loaded.race, parameters, file);
  const notes = [...loaded.notes];
  if (ours) {
    options.campaign = createMultiCandidateCampaign(loaded.race, ours.campaign);
    Object.assign(citations, ours.citations);
    notes.push(campaignNote(loaded.race, ours.campaign));
  }
  // With our campaign, the run is plan 1 of [no campaign, ours] on the same elections (its numbers are
  // simulateMultiCandidate's with the campaign), and plan 0 gives what the figures owe to the campaign.
  const plans = ours ? simulateMultiCandidatePlans(loaded.race, options, [createMultiCandidateCampaign(loaded.race, emptyCampaign()), options.campaign!]) : undefined;
  const result = plans ? plans.results[1]! : simulateMultiCandidate(loaded.race, options);
  const document = multiCandidateDocument(scenario.name, loaded.race, options, result, { citations, notes, ...(loaded.transfers ? { transfers: loaded.transfers } : {}), units: true });
  if (ours && plans) document.campaign = campaignEffect(loaded.race, ours.campaign, plans);
  return { loaded, options, result, document };
}

/**
 * Our campaign against none, from plans [no campaign, ours] run on the same simulated elections
 * (simulateMultiCandidatePlans, common random numbers): what the run's figures owe to the campaign, with
 * paired 90 % intervals.
 *
 * @example
 * campaignEffect(president2022, campaign, plans).pQualify // => { mean: 0.0018, low: 0.0004, high: 0.0031 } (France 2022, LFI, 5 × 500,000 members, 4,000 elections)
 */
export function campaignEffect(race: MultiCandidateRace, campaign: ResolvedCampaign, plans: PlansResult): CampaignEffect {
  const change = plans.differences[1]!;
  const pick = (c: { mean: number; low: number; high: number } | null) => (c ? { mean: c.mean, low: c.low, high: c.high } : null);
  return {
    party: race.parties[0]!,
    name: race.partyNames[0]!,
    listSize: campaign.listSize,
    channels: Object.keys(campaign.channels),
    netVotes: plans.plans[1]!.netVotes,
    pWin: pick(change.pWin)!,
    pQualify: pick(change.pQualify),
    seats: pick(change.seats),
  };
}

/**
 * The run's note on our campaign: whose, its list, its channels (no member is named: counts only).
 *
 * @example
 * campaignNote(president2022, campaign) // => 'campaign for LFI (Jean-Luc MÉLENCHON): a list of 1,000,000 supporters (e-mail), drawn effects per simulated election'
 */
export function campaignNote(race: MultiCandidateRace, campaign: ResolvedCampaign): string {
  const name = race.partyNames[0] === race.parties[0] ? race.parties[0] : `${race.parties[0]} (${race.partyNames[0]})`;
  const channels = Object.keys(campaign.channels);
  return `campaign for ${name}: a list of ${Math.round(campaign.listSize).toLocaleString('en-US')} supporters (${channels.length > 0 ? channels.join(', ') : 'no channel'}), channel effects drawn once per simulated election`;
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
 * The language of a multi-candidate race's report: French for a French race (`country: fr`, a bundled `fr-`
 * race, a Ministry file, the legislative rule, or figures cited to the Ministère de l'Intérieur), else English.
 *
 * @example
 * multiCandidateLocale(franceFirstRound) // => 'fr'
 */
export function multiCandidateLocale(run: Pick<MultiCandidateRun, 'document'>, scenario?: Scenario): MessageLocale {
  const race = scenario?.race;
  const french = scenario?.country === 'fr' || race?.bundled?.startsWith('fr-') || race?.format === 'fr-ministere' || run.document.rule === 'two-round-legislative' || /Minist[eè]re de l'Int[ée]rieur/i.test(run.document.source);
  return french ? 'fr' : 'en';
}

/**
 * Writes the report of a multi-candidate run to `dir`, atomically as a set (as writeReport): territories.csv,
 * candidate-probabilities.svg/.png, seat-histogram.svg/.png (seat rules), briefing.html (static, in the race's
 * language: multiCandidateLocale), summary.json (the document without `units`, plus the report's record).
 *
 * @returns The paths written.
 * @throws {InputError} a folder holding other files, or not writable.
 * @example
 * await writeMultiCandidateReport('out', run, 'scenarios/canada-2011.yaml') // => ['out/territories.csv', 'out/candidate-probabilities.svg', …, 'out/briefing.html', 'out/summary.json']
 */
export async function writeMultiCandidateReport(dir: string, run: MultiCandidateRun, scenarioFile: string, signal?: AbortSignal, shown = dir, scenario?: Scenario): Promise<string[]> {
  const [{ renderChartHere }, { multiCandidateCharts }, { multiCandidateBriefing }, { briefingScripts }] = await Promise.all([
    import('./chartRenderer.js'),
    import('./multiCandidateCharts.js'),
    import('../briefing/multiCandidatePage.js'),
    import('./pageScripts.js'),
  ]);
  const locale = multiCandidateLocale(run, scenario);
  const files: { name: string; data: string | Uint8Array }[] = [{ name: 'territories.csv', data: multiCandidateTerritoriesCsv(run) }];
  const charts = multiCandidateCharts(run.document, run.result.seatDistribution, locale);
  const narrow = multiCandidateCharts(run.document, run.result.seatDistribution, locale, NARROW_WIDTH);
  for (const chart of charts) {
    signal?.throwIfAborted();
    // Laid out once by Vega; the PNG is rasterised from that SVG, not from a second layout.
    const drawn = await renderChartHere(chart.spec, 2);
    files.push({ name: `${chart.name}.svg`, data: drawn.svg }, { name: `${chart.name}.png`, data: drawn.png });
  }
  const { units, ...summary } = run.document;
  const valid = run.loaded.race.units.valid;
  const pageUnits = (units ?? unitOutcomes(run.loaded.race, run.result)).map((u, i) => ({ ...u, valid: valid[i]! }));
  const pageCharts = charts.map((c, i) => ({ title: chartTitle(c.spec) ?? c.name, spec: c.spec, narrowSpec: narrow[i]!.spec }));
  files.push({ name: 'briefing.html', data: multiCandidateBriefing({ document: run.document, units: pageUnits, charts: pageCharts, locale, version: VERSION, scripts: briefingScripts() }) });
  const names = [...files.map((f) => f.name), 'summary.json'];
  files.push({ name: 'summary.json', data: toJsonText({ ...summary, report: { scenarioFile, files: names } }) });
  return writeFolderAtomic(dir, files.map((f) => ({ name: basename(f.name), data: f.data })), signal, shown);
}

/** A spec's title text (its `title` or `title.text`), for the page's figure label. */
function chartTitle(spec: object): string | undefined {
  const title = (spec as { title?: string | { text?: string | string[] } }).title;
  const text = typeof title === 'string' ? title : title?.text;
  return Array.isArray(text) ? text.join(' ') : text;
}

/** Plot width of the charts on a phone (the page draws them when the chart's box is narrower than the usual one). */
const NARROW_WIDTH = 140;
