import type { ResolvedCampaign } from './resolvedScenario.js';

/**
 * The resolved campaign of a side that runs none: no list, no channels, nothing bought. Used for a
 * side a scenario leaves out and for forecasts with no campaigns (the backtest).
 *
 * @returns A fresh object each call, so callers may fill it in.
 * @example
 * emptyCampaign().listSize // => 0
 */
export function emptyCampaign(): ResolvedCampaign {
  return {
    listSize: 0,
    allocation: {},
    churn: 0,
    yearsSinceCollected: 0,
    retention: 1,
    certainShare: {},
    volunteers: 0,
    channels: {},
  };
}
