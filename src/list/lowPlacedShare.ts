/**
 * Share of a supporter list's rows placed in a territory below which `list summarize` warns, and a
 * scenario reading its counts file warns too: with fewer than half the rows placed, the counts likely
 * come from the wrong column or country, and the scenario's list is mostly left out.
 *
 * @example
 * 310 / 1000 < LOW_PLACED_SHARE // => true: warn
 */
export const LOW_PLACED_SHARE = 0.5;
