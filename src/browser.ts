/**
 * campaign-lab's browser-safe API (`campaign-lab/browser`): everything that runs without Node — scenario
 * text and validation, resolution with cited defaults (from data you pass in), the simulation kernel
 * (WebAssembly), the analyses, the poll model, the Vega-Lite chart builders and the briefing's assembly.
 * It bundles for the browser with no Node built-in (`esbuild --bundle --platform=browser`; a test holds
 * it so). Reading files, worker threads and rendering to pictures are in the Node entry (`campaign-lab`,
 * src/index.ts), which re-exports all of this.
 */
// Errors
export { InputError, formatInputError } from './errors.js';
export type { InputErrorDetails } from './errors.js';

// Domain types
export type { Country, Side, RuleName, ResultUnit, ElectionResults, Prior, ChannelName, Confidence, Citation } from './model/types.js';
export { CHANNEL_NAMES } from './model/types.js';

// Data: results, parameters and documented facts, with their citations
export type { CitedPrior, CitedValue } from './model/types.js';
export type { Parameters, ChannelParameters, Salience, TurnoutEffectPriors, PersuasionPriors, UncertaintyDefaults } from './data/parameters.js';
export type { Turnout, TurnoutRow } from './data/turnout.js';
export type { CampaignLists, CampaignListFact, CampaignListKind } from './data/campaignLists.js';
export type { Primary, PrimaryRound } from './data/primaries.js';
export type { LegalLimits, SpendingCap, Reimbursement, DeclaredSpending, DonationCap, AdvertisingBlackout, ConsentRule } from './data/legalLimits.js';
export type { ElectoralVotesCast } from './data/electoralVotesCast.js';

// Scenarios: files, validation, resolution with cited defaults
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
export { baselineResults } from './scenario/baselineResults.js';
export { parseScenarioText, type LoadedRace, type ScenarioLoadOptions } from './scenario/parseScenarioText.js';
export { validateScenario } from './scenario/validateScenario.js';
export { resolveScenario, type ResolveInputs } from './scenario/resolveScenario.js';
export { setPath } from './scenario/setPath.js';
export { scenarioSchema } from './scenario/schema.js';

// Your own race, and a race that lies ahead (forecast baselines)
export type { RaceFormat, RaceWeights, RaceFileOptions, RaceFileResults } from './data/race/raceTypes.js';
export type { BaselineSpec, MarginsSpec, MarginEntry, MarginsFile, SwingModel, RaceSpec } from './scenario/types.js';
export type { ResolvedBaseline } from './model/resolvedScenario.js';
export { applyBaseline, type ApplyBaselineOptions } from './scenario/applyBaseline.js';
export { twoPartyMargin } from './model/twoPartyMargin.js';
export { describeBaseline, type BaselineLanguage } from './scenario/describeBaseline.js';

// A race ahead from polls: poll files, aggregation, the error model fitted on the record, backtests
export type { PollsSpec, PollsFormat, FundamentalsSpec } from './scenario/types.js';
export type { ResolvedPolls } from './model/resolvedScenario.js';
export { parsePollFile, type ParsePollOptions, type PollUnit } from './polls/parsePollFile.js';
export { NATIONAL_UNIT, type Poll, type PollFile, type PollFormat, type PollScale, type PollPopulation, type PollLeftOutReason } from './polls/pollTypes.js';
export { parsePollDate, formatPollDate, usElectionDay } from './polls/pollDates.js';
export { aggregatePolls, type AggregatePollsOptions, type AggregationUnit, type AggregatedUnit, type AggregationSeries, type PollAggregate } from './polls/aggregatePolls.js';
export { forecastFromPolls, type ForecastTerritory, type PollForecastOptions, type PollForecast, type PollForecastTerritory, type PollForecastResult } from './polls/forecastFromPolls.js';
export { pollErrorFitFor, fundamentalsWeight, type PollErrorFit, type PollErrorModel } from './polls/pollErrorModel.js';
export { parseUsFundamentals, timeForChangeForecast, timeForChangePrior, type FundamentalsRow, type FundamentalsInputs, type TimeForChangeForecast } from './polls/timeForChange.js';
export { marginInterval, type MarginDistribution } from './polls/marginDistribution.js';
export { pollBacktest, pollForecastScenario, type PollBacktestOptions, type PollBacktestResult, type PollBacktestRow } from './analysis/pollBacktest.js';

// Simulation
export { prepareModel, type SimulationModel } from './sim/prepareModel.js';
export { simulate, type SimulateOptions, type KeepOptions } from './sim/simulate.js';
export type { SimulationResult, KeptDraws, CampaignEffects } from './sim/types.js';
export { summarizeRun, type RunSummary, type TerritorySummary } from './sim/summarizeRun.js';
export { VERSION } from './sim/version.js';
export { type SweepSpec, type SweepPoint, type SweepRun, type SweepRunner, type SweepOptions } from './scenario/sweep.js';

// Analysis
export { winProbability, estimate, wilsonInterval } from './analysis/winProbability.js';
export type { WinProbabilitySummary, Estimate, WeightShare, Interval } from './analysis/winProbability.js';
export { tippingPoint, tippingFrequencies, simulatedBias } from './analysis/tippingPoint.js';
export type { MarginBasis, TippingPoint, TippingPointOptions, TippingFrequency, SimulatedBias } from './analysis/tippingPoint.js';
export { decisiveProbability } from './analysis/decisiveProbability.js';
export type { DecisiveProbabilityOptions, DecisiveUnit } from './analysis/decisiveProbability.js';
export { votesToFlip, votesToBreakTie } from './analysis/votesToFlip.js';
export type { VotesToFlip, VotesToFlipOptions, FlipMode, FlipTarget, TieBreak, TieBreaker } from './analysis/votesToFlip.js';
export { pairedWinDifference, pairedGroupDifference } from './analysis/pairedWinDifference.js';
export type { PairedDifference, PairedGroupDifference } from './analysis/pairedWinDifference.js';
export { listMarginalValue } from './analysis/listMarginalValue.js';
export type { ListMarginalValue, ListMarginalValueOptions, ListMarginalValueRow, RunScenario } from './analysis/listMarginalValue.js';
export { groupDifferencesOnSharedDraws, supporterGroups } from './analysis/listValueOnSharedDraws.js';
export type { GroupDifference, SupporterGroup } from './analysis/listValueOnSharedDraws.js';
export { allocation, recruitmentLevers, channelLevers, applyPlan } from './analysis/allocation.js';
export type { AllocationResult, AllocationOptions, AllocationLever, AllocationPlan, PlanEvaluation } from './analysis/allocation.js';
export { sensitivity } from './analysis/sensitivity.js';
export type { Sensitivity, SensitivityInput, SensitivityRow } from './analysis/sensitivity.js';
export { backtest, forecastScenario, calibrationTable, DEFAULT_BACKTEST_GRID } from './analysis/backtest.js';
export type { BacktestOptions, BacktestResult, BacktestPoint, Forecast, Scores, BacktestCalibrationBin, UncertaintyGrid, UncertaintyPoint, SimulateScenario } from './analysis/backtest.js';
export { conditionalWin } from './analysis/conditionalWin.js';
export type { ConditionalWin, ConditionalWinOptions } from './analysis/conditionalWin.js';

// Charts: Vega-Lite spec builders and the briefing theme
export { frameChart, partyColour, sideColours, PARTY_COLOURS, COLOURBLIND_PARTY_COLOURS } from './charts/theme.js';
export type { BriefingChartOptions, ChartLocale, PaletteName } from './charts/theme.js';
export { winProbabilityByListSize } from './charts/winProbabilityByListSize.js';
export type { WinProbabilityByListSizeInput, ListSizePoint } from './charts/winProbabilityByListSize.js';
export { weightDistribution } from './charts/weightDistribution.js';
export type { WeightDistributionInput } from './charts/weightDistribution.js';
export { territoryMargins } from './charts/territoryMargins.js';
export type { TerritoryMarginsInput, TerritoryMarginRow } from './charts/territoryMargins.js';
export { tippingPointSnake } from './charts/tippingPointSnake.js';
export type { TippingPointSnakeInput, SnakeUnit } from './charts/tippingPointSnake.js';
export type { MapInput, MapMeasure, MapUnitValue } from './charts/mapColourScale.js';
export { usTileMap } from './charts/usTileMap.js';
export { usGeoMap } from './charts/usGeoMap.js';
export { franceTileMap } from './charts/franceTileMap.js';
export { tornado } from './charts/tornado.js';
export type { TornadoInput, TornadoRow } from './charts/tornado.js';
export { marginalValue } from './charts/marginalValue.js';
export type { MarginalValueInput, MarginalValueRow } from './charts/marginalValue.js';
export { allocationComparison } from './charts/allocationComparison.js';
export type { AllocationComparisonInput, AllocationStrategy } from './charts/allocationComparison.js';
export { calibrationPlot } from './charts/calibrationPlot.js';
export type { CalibrationPlotInput, CalibrationBin } from './charts/calibrationPlot.js';
export { usComparison2000to2024 } from './charts/usComparison2000to2024.js';
export { pollForecastIntervals, type PollForecastIntervalsInput, type PollForecastRow } from './charts/pollForecastIntervals.js';
export { pollTrend, type PollTrendInput } from './charts/pollTrend.js';
export type { UsComparisonInput, ComparisonYear } from './charts/usComparison2000to2024.js';

// The briefing: the same page `campaign-lab run --out` writes, from a run summary
export { renderBriefing, type BriefingReportInput } from './briefing/renderBriefing.js';
export { buildReportCharts, type ReportChart } from './briefing/reportCharts.js';
export { listSizeSweep, type ListSizeSweep, type ListSizeSweepOptions } from './briefing/listSizeSweep.js';
export { briefingPage } from './briefing/briefingPage.js';
export type { BriefingInput, BriefingScripts, BriefingChart, BriefingAssumption, BriefingSweep, BriefingSweepStep, BriefingLive, BriefingControl, LiveFigure, HeadlineFigure } from './briefing/briefingPage.js';
