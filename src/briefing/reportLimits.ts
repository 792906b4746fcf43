/**
 * What a report keeps when a race is large: a race of 100,000 territories gives a report that opens and
 * reads like one of 56. Charts show the closest territories (src/charts/territoryMargins.ts shows 15,
 * the tipping-point snake groups neighbouring units into at most 300 bars); territories.csv and
 * summary.json hold every territory.
 */

/**
 * Most territories of a race whose report runs the list-size sweep (eleven runs of the race) and whose
 * briefing carries live controls (the page holds the whole race for its engine): above it both are left
 * out, so a race of 100,000 territories makes a page of a few hundred kilobytes.
 */
export const LIVE_TERRITORIES_MAX = 5_000;
