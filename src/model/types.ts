/**
 * Shared domain types: territories, election results, priors and channels.
 * Plain data only; every module (data loaders, engine, analyses, charts, command line) speaks these.
 * Units are explicit: votes are counts, shares are 0–1, margins are percentage points ("pp").
 */

/** Country of a baseline. `custom` is a table the user gives. */
export type Country = 'us' | 'fr' | 'custom';

/** A side is a party code: US `D`, `R`; France the finalists' parties (2012 `PS`, `UMP`). */
export type Side = string;

/** Decision rules: `electoral-college` (unit weights), `popular-vote` (national sum), `seats` (majority of units), `two-round` (runoff on the national sum). */
export type RuleName = 'electoral-college' | 'popular-vote' | 'seats' | 'two-round';

/**
 * One unit of a published result: a US state, DC, a Maine/Nebraska district, or a French département.
 * This is the row shape of `campaign-lab results --json`.
 */
export interface ResultUnit {
  /** Stable id: USPS code (`FL`), district (`ME-2`, `NE-1`), or INSEE département code (`75`, `2A`, `971`, `ZZ` for abroad). */
  id: string;
  /** Display name (`Florida`, `Maine 2nd district`, `Paris`). */
  name: string;
  /** Electoral votes (US) or seats; 0 where the rule does not weight units (French presidential). */
  weight: number;
  /** Votes per side and `other` (all other candidates plus write-ins), counts. */
  votes: Record<Side, number>;
  /** Total valid votes for the office (sum of `votes`), count. */
  total: number;
  /** Side with the most votes in this unit. */
  winner: Side;
  /** Region for the regional error term (US Census divisions; French regions). */
  region?: string;
  /** Voting-eligible population (US, McDonald) or registered voters (France), count. */
  eligible?: number;
  /**
   * Parent unit for sub-units that are counted separately for weight but are already inside the
   * parent's votes: `ME` for `ME-1`, `ME-2`; `NE` for `NE-1..3`. Units with a parent are excluded from
   * national popular-vote sums.
   */
  parent?: string;
}

/** A published election result: the shape of `campaign-lab results --json`. */
export interface ElectionResults {
  country: Country;
  year: number;
  /** France: round 1 or 2. Absent for the US. */
  round?: number;
  /** The two major sides, in a stable order (US `['D','R']`; France 2012 `['PS','UMP']`). */
  sides: [Side, Side];
  units: ResultUnit[];
  /** Sum of unit weights won per side (ties in a unit count for neither). */
  weightTotals: Record<Side, number>;
  /** National votes per side plus `other` and `total`, summed over units without a parent. */
  popularVote: Record<string, number>;
  /** Citation for the table (publisher, file), from data/SOURCES.md. */
  source: string;
}

/** An uncertain quantity: central value and a low–high plausible range (same unit as the quantity). */
export interface Prior {
  central: number;
  low: number;
  high: number;
}

/** An uncertain quantity with the source it comes from. Assignable to {@link Prior}. */
export interface CitedPrior extends Prior {
  citation: Citation;
}

/** A fixed number with the source it comes from. */
export interface CitedValue {
  value: number;
  citation: Citation;
}

/** Mobilisation channels: e-mail, SMS, phone, door-to-door, mail, social media and relays (volunteers' contacts). */
export type ChannelName = 'email' | 'sms' | 'phone' | 'door' | 'mail' | 'social' | 'relay';

/** All channel names, in display order. */
export const CHANNEL_NAMES: readonly ChannelName[] = ['email', 'sms', 'phone', 'door', 'mail', 'social', 'relay'];

/** Evidence strength of a cited figure: H primary/consistent, M one good secondary, L weak or derived. */
export type Confidence = 'H' | 'M' | 'L';

/** A cited fact: where a default or a data value comes from. */
export interface Citation {
  /** Short reference: authors, year, venue (`Nickerson 2006 APR 34(3)`). */
  source: string;
  confidence: Confidence;
  /** How the value was derived when it is not read straight from the source. */
  note?: string;
  /**
   * `source` as a French page shows it, where `source` says more than names (French words around the
   * references); a published title inside is marked `*…*` (a name, kept in the work's language, English).
   * Without it a French page shows `source` itself, marked as English (data/SOURCES.md).
   */
  sourceFr?: string;
  /** `note` in French, same figures; titles marked `*…*` as in `sourceFr`. Every `note` of data/parameters.json has one. */
  noteFr?: string;
}
