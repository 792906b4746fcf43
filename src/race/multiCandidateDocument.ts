/**
 * What `campaign-lab run` reports for a multi-candidate race, one shape for every K (the lead's decision 5 for
 * issue 20): `candidates` (ours first) with P(win), P(qualify) (two-round rules), seats {mean, low, high} at
 * 90 %, P(majority), P(most seats); per-unit P(win) of every candidate in `units` (run --json) and in
 * territories.csv (one row per unit and candidate), not in summary.json.
 */
import type { Citation } from '../model/types.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import type { MultiCandidateOptions, MultiCandidateResult } from './simulateMultiCandidate.js';
import type { SeatSummary } from './multiCandidateTotals.js';
import { assumedRows, type TransferPrior } from './transferPrior.js';

/** One party (candidate or list) of the race and its chances. */
export interface CandidateOutcome {
  /** Party code (`CPC`, `RN`, a Ministry nuance `ENS`). */
  party: string;
  /** Display name (the candidate's name in a presidential race, else the code). */
  name: string;
  /** Baseline valid votes over the race (the file's), count, and share of all valid votes, 0–1. */
  votes: number;
  share: number;
  /** P(the party wins): the rule's winner (weighted rules: holds `seatsToWin`). */
  pWin: number;
  /** P(reaches round 2): `two-round` only; null otherwise. */
  pQualify: number | null;
  /** Seats or electoral votes: mean and 90 % interval (5th, 95th percentiles); weighted rules only. */
  seats: SeatSummary | null;
  /** P(holds at least `seatsToWin`), P(alone holds the most seats); weighted rules only. */
  pMajority: number | null;
  pMostSeats: number | null;
}

/** One unit and the P(win) of each of its candidates (slot order). */
export interface UnitOutcome {
  id: string;
  name: string;
  candidates: { party: string; label: string; votes: number; pWin: number; pQualify: number | null }[];
}

/** The run document (summary.json; `run --json` adds `units`). */
export interface MultiCandidateRunDocument {
  kind: 'multi-candidate';
  name: string;
  rule: MultiCandidateOptions['rule'];
  simulations: number;
  seed: number;
  /** Citation of the race's figures. */
  source: string;
  unitCount: number;
  /** The error model: SDs in pp of two-party margin on the log-ratio scale. */
  uncertainty: { scale: 'log-ratio'; national: number; regional: number; unit: number; tails: number };
  /** Seats or electoral votes in the race and for a majority (weighted rules), else null. */
  totalSeats: number | null;
  seatsToWin: number | null;
  /** P(nobody wins): exact ties, a hung parliament, nobody at the threshold. */
  pNoWinner: number;
  /** Every party, ours first. */
  candidates: CandidateOutcome[];
  /** Two-round rules: transfer rows the surveys do not measure (assumed), for the most likely finalists. */
  transfers: { assumedRows: string[]; notes: string[] } | null;
  /** Defaults used and their sources. */
  citations: Record<string, Citation>;
  notes: string[];
  /**
   * Our candidate's campaign against none, on the same simulated elections (simulateMultiCandidatePlans):
   * its mean net votes per election and the paired changes with 90 % intervals — P(win) (seat rules: a
   * majority), P(round 2) (two-round) and expected seats (weighted rules). Absent without a campaign.
   */
  campaign?: CampaignEffect;
  units?: UnitOutcome[];
}

/** What our campaign changes, paired on the same elections (see MultiCandidateRunDocument.campaign). */
export interface CampaignEffect {
  party: string;
  name: string;
  /** List members (count) and channels switched on. */
  listSize: number;
  channels: string[];
  /** Mean net votes per simulated election (mobilised + switched + our share of relay and indirect votes). */
  netVotes: number;
  /** Changes against no campaign: mean and 90 % interval; probabilities as shares 0–1, seats as seats. */
  pWin: { mean: number; low: number; high: number };
  pQualify: { mean: number; low: number; high: number } | null;
  seats: { mean: number; low: number; high: number } | null;
}

/**
 * The run document of a multi-candidate simulation.
 *
 * @param name The scenario's name.
 * @param race The race simulated.
 * @param options The options it ran with.
 * @param result simulateMultiCandidate's result.
 * @param extra Citations of the defaults, notes, the transfer prior, and `units` to add per-unit detail.
 * @returns The document, candidates ours first.
 * @example
 * multiCandidateDocument('Canada 2011', canada, options, result, { citations: {}, notes: [] }).candidates[0].seats // => { mean: 166, low: 166, high: 166 } with zero uncertainty
 */
export function multiCandidateDocument(
  name: string,
  race: MultiCandidateRace,
  options: MultiCandidateOptions,
  result: MultiCandidateResult,
  extra: { citations: Record<string, Citation>; notes: string[]; transfers?: TransferPrior; units?: boolean },
): MultiCandidateRunDocument {
  const national = new Float64Array(race.partyCount);
  race.slotParty.forEach((p, s) => (national[p]! += race.votes[s]!));
  const valid = race.units.valid.reduce((a, v, u) => a + (race.units.inNational[u] ? v : 0), 0);
  const u = options.uncertainty;
  const candidates: CandidateOutcome[] = race.parties.map((party, p) => ({
    party,
    name: race.partyNames[p]!,
    votes: national[p]!,
    share: valid > 0 ? national[p]! / valid : 0,
    pWin: result.pWin[p]!,
    pQualify: result.pQualify ? result.pQualify[p]! : null,
    seats: result.seats ? result.seats[p]! : null,
    pMajority: result.pMajority ? result.pMajority[p]! : null,
    pMostSeats: result.pMostSeats ? result.pMostSeats[p]! : null,
  }));
  const doc: MultiCandidateRunDocument = {
    kind: 'multi-candidate',
    name,
    rule: result.rule,
    simulations: result.simulations,
    seed: result.seed,
    source: race.source,
    unitCount: race.units.ids.length,
    uncertainty: { scale: 'log-ratio', national: u.national, regional: u.regional, unit: typeof u.unit === 'number' ? u.unit : Number.NaN, tails: u.tails },
    totalSeats: result.seatDistribution ? result.seatDistribution[0]!.length - 1 : null,
    seatsToWin: result.seatsToWin,
    pNoWinner: result.pNoWinner,
    candidates,
    transfers: extra.transfers && (result.rule === 'two-round' || result.rule === 'two-round-legislative') ? transferNote(extra.transfers, result) : null,
    citations: extra.citations,
    notes: extra.notes,
  };
  if (extra.units) doc.units = unitOutcomes(race, result);
  return doc;
}

/** Assumed rows for the two most likely finalists (presidential) or for every party (legislative: finalists vary by unit). */
function transferNote(prior: TransferPrior, result: MultiCandidateResult): { assumedRows: string[]; notes: string[] } {
  const finalists = result.pQualify
    ? result.pQualify.map((q, p) => [q, p] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 2).map(([, p]) => p)
    : [];
  return { assumedRows: assumedRows(prior, finalists), notes: [...prior.notes] };
}

/**
 * Per unit, each candidate's P(win) (national rules: P(leads the unit's round 1)) and P(round 2) under
 * two-round-legislative.
 *
 * @example
 * unitOutcomes(canada, result)[0].candidates[0] // => { party: 'CPC', label: 'CPC', votes: 7896, pWin: 0.02, pQualify: null } (Avalon)
 */
export function unitOutcomes(race: MultiCandidateRace, result: MultiCandidateResult): UnitOutcome[] {
  return race.units.ids.map((id, u) => {
    const candidates = [];
    for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
      candidates.push({
        party: race.parties[race.slotParty[s]!]!,
        label: race.slotLabels[s]!,
        votes: race.votes[s]!,
        pWin: result.slotWin[s]!,
        pQualify: result.slotQualify ? result.slotQualify[s]! : null,
      });
    }
    return { id, name: race.units.names[u]!, candidates };
  });
}
