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
}
