/**
 * campaign-lab public API: one curated list of re-exports, grouped by topic.
 * Notebooks and the command line use only what is exported here.
 */

// Errors
export { InputError, formatInputError, describeValue } from './errors.js';

// Domain types
export type { Country, Side, RuleName, ResultUnit, ElectionResults, Prior, ChannelName, Confidence, Citation } from './model/types.js';
export { CHANNEL_NAMES } from './model/types.js';

// Data
export type { Parameters, ChannelParameters, ChannelVariantParameters, CitedPrior, CitedValue, Salience, TurnoutEffectPriors, PersuasionPriors, UncertaintyDefaults } from './data/parameters.js';
export { parseParameters } from './data/parameters.js';
export { loadParameters } from './data/loadParameters.js';
export { parseJsonText } from './data/parseJsonText.js';
export { defaultDataDirectory } from './data/dataDirectory.js';
export type { DataDirectoryOptions } from './data/dataDirectory.js';
export { loadResults, availableYears } from './data/loadResults.js';
export type { LoadResultsOptions, ResultsCountry } from './data/loadResults.js';
export { parseUsResults, usResultYears } from './data/usResults.js';
export type { LoadedResults, UsResultsTexts } from './data/usResults.js';
export { parseFrenchResults, frenchResultYears } from './data/frenchResults.js';
export type { FrenchResults, FrenchResultUnit, FrenchResultsTexts } from './data/frenchResults.js';
export { loadTurnout } from './data/loadTurnout.js';
export { parseTurnout } from './data/turnout.js';
export { loadElectoralVotesCast } from './data/loadElectoralVotesCast.js';
export { parseElectoralVotesCast, ELECTORAL_VOTES_CAST_SOURCE, type ElectoralVotesCast } from './data/electoralVotesCast.js';
export type { Turnout, TurnoutRow } from './data/turnout.js';
export { loadCampaignLists, loadPrimaries, loadLegalLimits } from './data/loadFacts.js';
export { parseCampaignLists } from './data/campaignLists.js';
export type { CampaignLists, CampaignListFact, CampaignListKind } from './data/campaignLists.js';
export { parsePrimaries } from './data/primaries.js';
export type { Primary, PrimaryRound } from './data/primaries.js';
export { parseLegalLimits } from './data/legalLimits.js';
export type { LegalLimits, SpendingCap, Reimbursement, DeclaredSpending, DonationCap, AdvertisingBlackout, ConsentRule } from './data/legalLimits.js';
export { parseCsvText } from './data/parseCsvText.js';
export type { CsvTable, CsvRecord } from './data/parseCsvText.js';
export type { DataText } from './data/dataText.js';

// Reading files people have: encodings, delimited text, race files
export { decodeText, sniffDelimiter } from './io/decodeText.js';
export type { DecodedText, DecodeTextOptions, TextEncodingName, Delimiter } from './io/decodeText.js';
export { parseDelimited, parseNumberCell } from './io/parseDelimited.js';
export type { DelimitedTable, ParseDelimitedOptions, NumberCellOptions } from './io/parseDelimited.js';
export { readRaceFile, readXlsxGrid } from './node/readRaceFile.js';
export { parseRaceBytes, parseRaceGrid, raceGridFromBytes, detectRaceFormat, RACE_FORMATS } from './data/race/parseRaceFile.js';
export type { RaceBundledData } from './data/race/parseRaceFile.js';
export { parseRaceTable } from './data/race/parseRaceTable.js';
export { parseMedsl, type MedslBundledData } from './data/race/parseMedsl.js';
export { parseFrMinistere, MINISTRY_TO_INSEE, type FrBundledData } from './data/race/parseFrMinistere.js';
export type { RaceGrid } from './data/race/raceGrid.js';
export type { RaceFormat, RaceWeights, RaceFileOptions, RaceColumnUse, RaceUnit, RaceFileResults } from './data/race/raceTypes.js';

// Model and scenarios
export type {
  Scenario,
  CampaignSpec,
  ChannelSpec,
  ChannelSpecs,
  EffectSpec,
  MailVariant,
  AllocationSpec,
  SharesAllocation,
  CountsAllocation,
  FileAllocation,
  UncertaintySpec,
  FirstRoundSpec,
  SalienceLevel,
  CorrelationMode,
  ResolvedScenario,
  ResolvedTerritory,
  ResolvedCampaign,
  ResolvedChannel,
  ResolvedUncertainty,
} from './scenario/types.js';
export { resolveScenario, scenarioRound, type ResolveInputs } from './scenario/resolveScenario.js';
export { setPath } from './scenario/setPath.js';
export { CONVENTION_CITATIONS } from './scenario/defaults.js';
export { loadScenario, parseScenarioText, readTextFile, type ScenarioLoadOptions } from './scenario/loadScenario.js';
export { validateScenario, findSchemaProblems, describeSchema, type SchemaProblem } from './scenario/validateScenario.js';
export { scenarioSchema } from './scenario/schema.js';
export type { JsonSchema } from './scenario/schemaTypes.js';
export { didYouMean, editDistance } from './scenario/didYouMean.js';
// A race ahead: forecast baselines and your own race in a scenario
export type { BaselineSpec, MarginsSpec, MarginEntry, MarginsFile, SwingModel, RaceSpec } from './scenario/types.js';
export type { ResolvedBaseline } from './model/resolvedScenario.js';
export { applyBaseline, twoPartyMargin, BASELINE_KEYS, type ApplyBaselineOptions } from './scenario/applyBaseline.js';
export { describeBaseline, type BaselineLanguage } from './scenario/describeBaseline.js';
export { baselineResults } from './scenario/baselineResults.js';
export { readMarginsFile, loadedRace, withLoadedRace, type LoadedRace } from './scenario/loadScenario.js';
export { checkRaceKeys } from './scenario/validateScenario.js';
export { ruleThresholds, unitWeight, type RuleThresholds } from './model/decisionRule.js';
export { priorAtNormal, priorShape, shapeAtNormal, normalCdf, NORMAL_Q95, type PriorShape } from './model/priorDraw.js';
export { campaignCoefficients, type CampaignCoefficients } from './model/campaignCoefficients.js';
export { historicalCorrelation, type HistoricalCorrelation } from './model/historicalCorrelation.js';

// Simulation
export type { SimulationResult, KeptDraws, CampaignEffects } from './sim/types.js';
export { prepareModel, type SimulationModel, type PrepareOptions } from './sim/prepareModel.js';
export {
  simulate,
  simulateBlocks,
  finishResult,
  mergeBlockTotals,
  blockCount,
  BLOCK_SIZE,
  type SimulateOptions,
  type KeepOptions,
  type BlockTotals,
  type KeptSlice,
  EFFECT_SOURCES,
} from './sim/simulate.js';
export {
  createBlockStream,
  blockSeedText,
  blockGeneratorState,
  nextInt32,
  fillDrawNumbers,
  drawStride,
  gammaVariate,
  chiSquareVariate,
  unitStudentT,
  unitStudentTFromUniforms,
  unitStudentTFromState,
  zigguratNormal,
  type NormalStream,
  type DrawLayout,
} from './sim/normalStream.js';
export { summarizeRun, type RunSummary, type TerritorySummary } from './sim/summarizeRun.js';
export { resultToJson } from './sim/resultToJson.js';
export { VERSION } from './sim/version.js';
export { simulateParallel, closeWorkerPool, type ParallelOptions } from './node/simulateParallel.js';
export { sweep, sweepValues, mergeSweepShards, type SweepSpec, type SweepPoint, type SweepChange, type SweepResult, type SweepRunner, type SweepOptions } from './scenario/sweep.js';
export { runBenchmark, benchmarkScenario, peerModel, BENCH_MODELS, type BenchModel, type BenchmarkResult } from './node/runBenchmark.js';

// Analysis
export { winProbability, estimate, wilsonInterval } from './analysis/winProbability.js';
export type { WinProbabilitySummary, Estimate, WeightShare, Interval } from './analysis/winProbability.js';
export { tippingPoint, tippingPointFromSortedMargins, tippingFrequencies, simulatedBias, allVotesShares } from './analysis/tippingPoint.js';
export type { MarginBasis, TippingPoint, TippingPointOptions, SortedTippingPoint, TippingFrequency, SimulatedBias, SimulatedBiasOptions, AllVotesShares } from './analysis/tippingPoint.js';
export { twoPartyMarginPp } from './analysis/twoPartyMarginPp.js';
export { decisiveProbability } from './analysis/decisiveProbability.js';
export type { DecisiveProbabilityOptions, DecisiveUnit } from './analysis/decisiveProbability.js';
export { votesToFlip, flipCost, cheapestFlipSet } from './analysis/votesToFlip.js';
export type { VotesToFlip, VotesToFlipOptions, FlipMode, FlipTarget, FlipCandidate } from './analysis/votesToFlip.js';
export { pairedWinDifference } from './analysis/pairedWinDifference.js';
export type { PairedDifference } from './analysis/pairedWinDifference.js';
export { listMarginalValue, withExtraSupporters } from './analysis/listMarginalValue.js';
export type { ListMarginalValue, ListMarginalValueOptions, ListMarginalValueRow, RunScenario } from './analysis/listMarginalValue.js';
export { groupDifferencesOnSharedDraws, pairedGroupDifference, supporterGroups, withAllGroupsAdded, Z90 } from './analysis/listValueOnSharedDraws.js';
export type { GroupDifference, SupporterGroup } from './analysis/listValueOnSharedDraws.js';
export { allocation, recruitmentLevers, channelLevers, applyPlan } from './analysis/allocation.js';
export type { AllocationResult, AllocationOptions, AllocationLever, AllocationPlan, PlanEvaluation } from './analysis/allocation.js';
export { sensitivity, scenarioAssumptions } from './analysis/sensitivity.js';
export type { Sensitivity, SensitivityInput, SensitivityRow } from './analysis/sensitivity.js';
export { backtest, scoreForecasts, calibrationTable, forecastScenario, DEFAULT_BACKTEST_GRID } from './analysis/backtest.js';
export type { BacktestOptions, BacktestResult, BacktestPoint, Forecast, Scores, BacktestCalibrationBin, UncertaintyGrid, UncertaintyPoint, SimulateScenario } from './analysis/backtest.js';
export { conditionalWin } from './analysis/conditionalWin.js';
export type { ConditionalWin, ConditionalWinOptions } from './analysis/conditionalWin.js';
export { analysisMessages } from './analysis/analysisMessages.js';
export type { AnalysisWarning } from './analysis/analysisMessages.js';

// Charts
export { briefingConfig, frameChart, partyColour, sideColours, PARTY_COLOURS, COLOURBLIND_PARTY_COLOURS, NUMBER_LOCALES, CHART_FONT } from './charts/theme.js';
export type { BriefingChartOptions, ChartLocale, PaletteName, NumberLocaleDefinition } from './charts/theme.js';
export { winProbabilityByListSize } from './charts/winProbabilityByListSize.js';
export type { WinProbabilityByListSizeInput, ListSizePoint } from './charts/winProbabilityByListSize.js';
export { weightDistribution } from './charts/weightDistribution.js';
export type { WeightDistributionInput } from './charts/weightDistribution.js';
export { territoryMargins } from './charts/territoryMargins.js';
export type { TerritoryMarginsInput, TerritoryMarginRow } from './charts/territoryMargins.js';
export { tippingPointSnake, snakeSegments } from './charts/tippingPointSnake.js';
export type { TippingPointSnakeInput, SnakeUnit, SnakeSegment } from './charts/tippingPointSnake.js';
export type { MapInput, MapMeasure, MapUnitValue } from './charts/mapColourScale.js';
export { usTileMap } from './charts/usTileMap.js';
export { usGeoMap } from './charts/usGeoMap.js';
export { franceTileMap } from './charts/franceTileMap.js';
export { US_STATE_TILES } from './charts/usStates.js';
export { FRANCE_TILES, FRANCE_CODE_ALIASES } from './charts/franceDepartements.js';
export { tornado } from './charts/tornado.js';
export type { TornadoInput, TornadoRow } from './charts/tornado.js';
export { marginalValue } from './charts/marginalValue.js';
export type { MarginalValueInput, MarginalValueRow } from './charts/marginalValue.js';
export { allocationComparison } from './charts/allocationComparison.js';
export type { AllocationComparisonInput, AllocationStrategy } from './charts/allocationComparison.js';
export { calibrationPlot } from './charts/calibrationPlot.js';
export type { CalibrationPlotInput, CalibrationBin } from './charts/calibrationPlot.js';
export { usComparison2000to2024 } from './charts/usComparison2000to2024.js';
export type { UsComparisonInput, ComparisonYear } from './charts/usComparison2000to2024.js';

// Rendering
export { toSvg } from './render/toSvg.js';
export type { ToSvgOptions } from './render/toSvg.js';
export { toPng } from './render/toPng.js';
export type { ToPngOptions } from './render/toPng.js';
export { FONT_FAMILY, FONT_FILES, textWidth } from './render/fonts.js';
export { displayChart, chartBundle, describeChart, VEGALITE_MIME } from './render/display.js';
export type { ChartBundle, DisplayChartOptions } from './render/display.js';
export { toHtml } from './render/toHtml.js';
export type { ToHtmlOptions } from './render/toHtml.js';
export { briefingPage } from './render/briefingPage.js';
export type { BriefingInput, BriefingChart, BriefingAssumption, BriefingSweep, BriefingSweepStep, HeadlineFigure } from './render/briefingPage.js';

// Command line
export { summarizeSupporterList, countsToJsonText, type SupporterListCounts, type SummarizeSupporterListOptions } from './list/summarizeSupporterList.js';
export { readListRecords, type ListFileFormat, type ReadListRecordsOptions } from './list/readListRecords.js';
export { createTerritoryMatcher, departementOfPostcode, normaliseName, stateOfZip, type TerritoryMatch, type UnrecognisedReason, type ListCountry } from './list/territoryMatcher.js';
export { writeFileAtomic, writeFilesAtomic, type ReportFile } from './cli/writeFileAtomic.js';
