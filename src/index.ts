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
export type { Parameters, ChannelParameters, CitedPrior, CitedValue, Salience, TurnoutEffectPriors, PersuasionPriors, UncertaintyDefaults } from './data/parameters.js';
export { parseParameters } from './data/parameters.js';
export { loadParameters } from './data/loadParameters.js';
export { parseJsonText } from './data/parseJsonText.js';
export { defaultDataDirectory } from './data/dataDirectory.js';
export type { DataDirectoryOptions } from './data/dataDirectory.js';

// Model and scenarios

// Simulation
export type { SimulationResult, KeptDraws } from './sim/types.js';

// Analysis

// Charts

// Rendering
export { toSvg } from './render/toSvg.js';
export type { ToSvgOptions } from './render/toSvg.js';
export { toPng } from './render/toPng.js';
export type { ToPngOptions } from './render/toPng.js';
export { FONT_FAMILY, FONT_FILES, textWidth } from './render/fonts.js';
export { displayChart, chartBundle, describeChart, VEGALITE_MIME } from './render/display.js';
export type { ChartBundle, DisplayChartOptions } from './render/display.js';
