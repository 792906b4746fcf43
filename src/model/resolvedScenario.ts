/**
 * The resolved scenario: what the engine runs, with every default filled in from data/parameters.json and
 * its citation, the list allocation made explicit as supporter counts per territory, and the baseline
 * territories included. Plain JSON, so it goes into every result, to worker threads and to the briefing
 * page's Web Worker. It lives in model/, the lowest floor, so sim/ and analysis/ never import scenario/.
 */
import type { ChannelName, Citation, Country, Prior, RuleName, Side } from './types.js';

/** Election salience: `high` (presidential general election) or `low` (local, primary, midterm). */
export type SalienceLevel = 'high' | 'low';

/** How historical correlation enters the territory error. */
export type CorrelationMode = 'independent' | 'historical';

/** A territory of the resolved race: baseline votes and what the error and rules need. */
export interface ResolvedTerritory {
  id: string;
  name: string;
  /** Electoral votes or seats (0 where units are not weighted). */
  weight: number;
  /** Region of the regional error term (`(none)` when the data give none). */
  region: string;
  /** Baseline two-party votes per side, counts. */
  votes: Record<Side, number>;
  /** Baseline votes for everyone else, counts. */
  other: number;
  /** Eligible (US) or registered (France) voters, count; 0 when unknown. */
  eligible: number;
  /** Parent unit (`ME` for `ME-2`): the unit takes its parent's campaign and is left out of national sums. */
  parent?: string;
  /**
   * Standard deviation of this territory's own error, pp of two-party margin, when a forecast baseline
   * gives one (`baseline.margins` with an `sd` column); it replaces `uncertainty.territory` for this
   * territory only. Absent: `uncertainty.territory` applies.
   */
  territorySD?: number;
}

/** A channel with every value filled in. */
export interface ResolvedChannel {
  /** Share of the list targeted (relay: share of volunteers relaying), 0–1. */
  coverage: number;
  /** Share of targeted people reached, 0–1. */
  contactRate: number;
  /** Turnout effect prior among people reached, pp (low = central = high for a fixed number). */
  effect: Prior;
  /** Persuasion prior among people reached, pp switching. */
  persuasion: Prior;
  /** Cost per contact attempt. */
  costPerContact: number;
  /** Contacts per reached person. */
  contacts: number;
  /** Contacts after which more add nothing; null when unlimited. */
  saturation: number | null;
  /** Relay only: contacts per active volunteer; 0 for other channels. */
  contactsPerVolunteer: number;
  /** Mail only, when not plain: the kind of mailer whose prior `effect` is (`social-pressure`). */
  variant?: 'social-pressure';
  /**
   * Social only: extra votes among the list members' friends per vote the message mobilises directly
   * (Bond et al. 2012: about 280,000 indirect for 60,000 direct). The kernel uses its central value.
   * Absent: no indirect effect.
   */
  indirectMultiplier?: Prior;
}

/** A campaign with every value filled in and the list spread explicitly. */
export interface ResolvedCampaign {
  /** Supporters when collected, people (sum of `allocation`). */
  listSize: number;
  /** Supporters per territory id when collected (before churn); territories with a parent are absent. */
  allocation: Record<string, number>;
  churn: number;
  yearsSinceCollected: number;
  /** Share of members kept after churn: (1 − churn)^yearsSinceCollected. */
  retention: number;
  /** Share certain to vote per territory id (same keys as `allocation`). */
  certainShare: Record<string, number>;
  /** Share of kept members who volunteer. */
  volunteers: number;
  /** Channels switched on. */
  channels: Partial<Record<ChannelName, ResolvedChannel>>;
  /**
   * Share of a member's contacts outside the list (relay contacts, social-network friends) who share the
   * side's vote preference, 0–1 (homophily of discussion networks; data/parameters.json
   * `networkHomophily`). Needed when the relay or social channel is on.
   */
  homophily?: number;
  /**
   * Share of reached list members who do not already vote for the side and so can be persuaded, 0–1.
   * Absent: 0, since a supporter list's members are the side's supporters.
   */
  persuadable?: number;
}

/** Error model with every value filled in. */
export interface ResolvedUncertainty {
  national: number;
  regional: number;
  territory: number;
  tails: number;
  correlation: CorrelationMode;
  /**
   * With `historical`: lower-triangular Cholesky factor of the territory correlation matrix, row-major,
   * territories in `territories` order (length n × n). Absent with `independent`.
   */
  cholesky?: number[];
  /** With `historical`: shrinkage intensity towards independence (Schäfer & Strimmer 2005), 0–1. */
  shrinkage?: number;
  /** With `historical`: election years whose swings were used. */
  historyYears?: number[];
  /** Which error the run uses and why (the scenario's `horizon`, a poll baseline, keys set in the scenario). */
  basis?: ResolvedErrorBasis;
}

/** Which error a run uses: `eve` (horizon replay), `days` (horizon in days), `no-poll` (no horizon, or past the record), `polls` (a poll baseline). */
export interface ResolvedErrorBasis {
  basis: 'eve' | 'days' | 'no-poll' | 'polls';
  /** The scenario's `horizon`, when stated. */
  horizon?: number | 'replay';
  /** Why, in one English sentence. */
  reason: string;
  /** `uncertainty` keys the scenario set itself (they win over the horizon's values). */
  setInScenario: ('national' | 'regional' | 'territory' | 'tails')[];
}

/**
 * The expected result the simulation is centred on, as resolved: each territory's two-party margin
 * (pp toward `sides[0]`) after the swing, shifts, poll margins and turnout change, beside the result's
 * own margin. With no `baseline` in the scenario it is the result (a replay) and `forecast` is false.
 */
export interface ResolvedBaseline {
  /** True when the baseline moves the result (any swing, shift, margin or turnout change). */
  forecast: boolean;
  /** National swing applied, pp of two-party margin toward `sides[0]`. */
  swing: number;
  /** Swing model: `uniform` (margins move by `swing`) or `proportional` (shares scaled). */
  swingModel: 'uniform' | 'proportional';
  /** Per-territory shifts applied on top, pp toward `sides[0]`. */
  shifts: Record<string, number>;
  /** Relative change of total turnout applied to every territory (−0.05: 5 % fewer votes). */
  turnout: number;
  /** Territory ids whose expected margin was given in `baseline.margins` (polls or a forecast). */
  given: string[];
  /** Where the given margins come from: `inline` or the margins file as written in the scenario. */
  marginsSource?: string;
  /** Year of the election the forecast is about (`baseline.electionYear`), when the scenario gives it. */
  electionYear?: number;
  /** National two-party margin of the result and of the baseline, pp toward `sides[0]` (units without a parent). */
  nationalResultMargin: number;
  nationalMargin: number;
  /** Expected two-party margin per territory id, pp toward `sides[0]`: what the simulation is centred on. */
  margins: Record<string, number>;
  /** The result's own two-party margin per territory id, pp toward `sides[0]`. */
  resultMargins: Record<string, number>;
  /** Label of the result the baseline starts from (`2024 result`, `2022 runoff`). */
  resultLabel: string;
  /** The baseline in words, English (`2024 result, swung 2.0 pp toward D`); describeBaseline gives French too. */
  description?: string;
  /** With a poll baseline: what the polls said and when (the forecast is in the scenario's `baseline.polls.forecast`). */
  polls?: ResolvedPolls;
}

/** A poll baseline as resolved: the file, the day of the information, and each territory's forecast interval. */
export interface ResolvedPolls {
  /** Poll file as named in the scenario, and its layout. */
  file: string;
  format: string;
  /** Last day of information and election day, `YYYY-MM-DD`, and the days between them. */
  asOf: string;
  electionDay: string;
  daysToElection: number;
  /** Polls aggregated; the latest one's end day (`YYYY-MM-DD`). */
  pollsUsed: number;
  latestPoll?: string;
  /** Error model fit used (`without-2016`: fitted on every year of the record but 2016). */
  errorModel: string;
  /** National two-party margin forecast with its 90 % interval, pp toward `sides[0]`. */
  national: { margin: number; low: number; high: number };
  /** The fundamentals prior blended in, when one was: its model, and the shift every territory got (pp toward `sides[0]`). */
  fundamentals?: { model: string; shift: number };
  /** Per territory id: the forecast margin's 90 % interval (pp, before any swing or shift) and the polls of the territory used. */
  intervals: Record<string, { margin: number; low: number; high: number; polls: number }>;
}

/** The scenario the engine runs: plain JSON, every default filled in with its citation. */
export interface ResolvedScenario {
  name: string;
  description?: string;
  country: Country;
  year: number;
  round?: number;
  rule: RuleName;
  /** [ours, theirs]. */
  sides: [Side, Side];
  simulations: number;
  seed: number;
  threads: number;
  salience: SalienceLevel;
  uncertainty: ResolvedUncertainty;
  territories: ResolvedTerritory[];
  /** Campaign per side (both sides present; a side without a campaign has listSize 0 and no channels). */
  campaigns: Record<Side, ResolvedCampaign>;
  /** Source of each default that was filled in, by key path (`campaigns.D.channels.door.effect`). */
  citations: Record<string, Citation>;
  /** Citation of the baseline results table. */
  resultsSource: string;
  /**
   * `electoral-college` / `seats`: weight needed to win when the scenario sets `threshold` or
   * `seatsToWin`; absent: more than half of the total weight.
   */
  threshold?: number;
  /** The expected result the run is centred on (the result itself for a replay). */
  baseline?: ResolvedBaseline;
  /** The race file when the scenario gives `race` (path as written, format read). */
  race?: { file: string; format: string };
}
