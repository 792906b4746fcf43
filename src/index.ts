/**
 * campaign-lab public API (`campaign-lab`, Node): one curated list of re-exports, grouped by topic — what
 * notebooks, scripts and the README examples use. It is the browser-safe API (src/browser.ts,
 * `campaign-lab/browser`) plus what needs Node: the one-call runs of a scenario file or object, loaders
 * of the bundled data and of your files, worker threads, sealed sweeps, and rendering to SVG, PNG and
 * HTML. Kernel internals and the command line's own helpers stay unexported: import them from their
 * module when working on the project itself.
 */
export * from './browser.js';

// One call: a scenario file or object to what `campaign-lab run --json` prints, for any race
export { runScenarioFile, runScenario, type ScenarioRun, type RunScenarioOptions } from './node/runScenarioFile.js';

// Data: results, parameters and documented facts, with their citations
export { loadResults, availableYears } from './node/data/loadResults.js';
export type { LoadResultsOptions, ResultsCountry } from './node/data/loadResults.js';
export { loadParameters } from './node/data/loadParameters.js';
export { loadTurnout } from './node/data/loadTurnout.js';
export { loadCampaignLists, loadPrimaries, loadLegalLimits } from './node/data/loadFacts.js';
export { loadElectoralVotesCast } from './node/data/loadElectoralVotesCast.js';

// Scenarios: files, validation, resolution with cited defaults
export { loadScenario } from './node/loadScenario.js';

// Your own race, and a race that lies ahead (forecast baselines)
export { readRaceFile } from './node/readRaceFile.js';

// Multi-candidate races: the resolved race (per unit a run of candidate slots, the layout the K-candidate
// kernel reads), transfers between rounds and the rules' output arrays; the loaders, the simulation, its
// document and charts as one namespace, `multiCandidate` (src/node/multiCandidateApi.ts).
export * as multiCandidate from './node/multiCandidateApi.js';
export type { MultiCandidateResult, MultiCandidateOptions } from './race/simulateMultiCandidate.js';
export type { MultiCandidateRunDocument, CandidateOutcome } from './race/multiCandidateDocument.js';
export type { MultiCandidateRace, SlotLayout, RaceUnits } from './race/multiCandidateRace.js';
export type { TransferPrior, TransferRowSpec, TransferRowInfo } from './race/transferPrior.js';
export type { TransferDraw } from './race/transferDraw.js';
export type { WithdrawRule, LegislativeOutput } from './race/twoRoundLegislative.js';
export type { PresidentialOutput } from './race/twoRoundPresidential.js';

// A race ahead from polls: poll files, aggregation, the error model fitted on the record, backtests
export { readPollFile } from './node/readPollFile.js';
export { loadPollErrorModel, loadUsNominees } from './node/data/loadPollErrorModel.js';
export { loadUsFundamentals } from './node/data/loadUsFundamentals.js';

// Simulation
export { simulateParallel, closeWorkerPool, type ParallelOptions } from './node/simulateParallel.js';
export { sweep, type SweepResult } from './node/sweep.js';

// Rendering: SVG, PNG, HTML pages and notebook display
export { toSvg } from './render/toSvg.js';
export type { ToSvgOptions } from './render/toSvg.js';
export { toPng } from './render/toPng.js';
export type { ToPngOptions } from './render/toPng.js';
export { FONT_FAMILY } from './render/fonts.js';
export { displayChart, chartBundle, displayTable, tableBundle, VEGALITE_MIME } from './render/display.js';
export type { ChartBundle, DisplayChartOptions, TableRow, DisplayTableOptions, TableBundle } from './render/display.js';
export { toHtml } from './render/toHtml.js';
export type { ToHtmlOptions } from './render/toHtml.js';

// The briefing: the same page `campaign-lab run --out` writes, from a run summary
export { briefingScripts } from './node/pageScripts.js';

// Supporter lists (personal data: counts per territory only, never a name)
export { summarizeSupporterList, type SupporterListCounts, type SummarizeSupporterListOptions } from './node/summarizeSupporterList.js';
