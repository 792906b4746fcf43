/**
 * The resolved multi-candidate race: every party of the file, every unit, and per unit a run of
 * candidate slots in compressed sparse row (CSR) form, the layout the K-candidate kernel reads.
 *
 * Words: a *candidate* stands on the ballot in one unit (a slot); a *party* is the label seats and
 * national sums are counted by. Two candidates of one party in one unit are two slots of that party. A
 * party that does not stand in a unit has no slot there (its share is 0 in every draw).
 *
 * Plain data and typed arrays only: no file access (browser-safe), nothing allocated per draw.
 */

/** The slot layout every rule reads: unit u's candidates are slots unitStart[u] .. unitStart[u + 1] − 1. */
export interface SlotLayout {
  /** Number of parties P; party indices run 0 .. P − 1 (0 is ours). */
  partyCount: number;
  /** Length N + 1: first slot of each unit, then the slot count S. Non-decreasing, unitStart[0] = 0. */
  unitStart: Int32Array;
  /** Length S: party index (0 .. P − 1) of each slot. */
  slotParty: Int32Array;
}

/** Per-unit facts of a race, each array of length N (unit order). */
export interface RaceUnits {
  /** Stable ids (`10001`, `W07000081`, `01-01`, `75`). */
  ids: string[];
  /** Display names (`Avalon`, `Ain 1re circonscription`). */
  names: string[];
  /** Seats or electoral votes the unit carries (1 per seat; 0 where the national sum decides). */
  weight: Float64Array;
  /** Index into `regionNames` for the regional error term, −1 where the file gives no region. */
  region: Int32Array;
  /** Registered voters (inscrits, electorate), count; 0 where the file gives none. */
  registered: Float64Array;
  /** Ballots cast (votants: valid, blank and null), count; 0 where the file gives none. */
  voters: Float64Array;
  /** Valid votes of candidates without a slot (`other`), count. Never a candidate: it cannot win. */
  other: Float64Array;
  /** Valid votes (exprimés) = the unit's slot votes + `other`, count. */
  valid: Float64Array;
  /** 1 when the unit's votes count in national sums, 0 for a sub-unit already inside its parent (US ME-1). */
  inNational: Uint8Array;
}

/** A race of K ≥ 2 parties over N units, resolved from a file: what the rules and the kernel read. */
export interface MultiCandidateRace extends SlotLayout {
  /** Party codes, ours first (`CPC`, `NDP`, …; `LREM`, `RN`, …; Ministry nuances `ENS`, `NUP`, …). */
  parties: string[];
  /** Display name of each party (the candidate's name for a presidential race, else the code). */
  partyNames: string[];
  /** Regions named by `units.region`. */
  regionNames: string[];
  units: RaceUnits;
  /** Length S: baseline valid votes of each slot, count. */
  votes: Float64Array;
  /** Length S: who stands in the slot (`Vincent GUILLERMIN` for a legislative file, else the party code). */
  slotLabels: string[];
  /** Citation of the figures (publisher, file), from data/SOURCES.md. */
  source: string;
}

/**
 * Number of units N of a layout.
 *
 * @example
 * unitCount({ partyCount: 2, unitStart: Int32Array.of(0, 2, 3), slotParty: Int32Array.of(0, 1, 0) }) // => 2
 */
export function unitCount(layout: SlotLayout): number {
  return layout.unitStart.length - 1;
}

/**
 * National valid votes of each party: the sum of its slots over the units counted nationally
 * (`inNational`), for one draw's slot votes or the baseline.
 *
 * @param race The race (layout and `units.inNational`).
 * @param votes Length S: votes per slot, counts.
 * @param totals Length ≥ P, overwritten with each party's national votes.
 * @example
 * partyTotals(race, race.votes, new Float64Array(race.partyCount)) // Canada 2011: [5835270, 4512411, 2783076, 891425, 572095]
 */
export function partyTotals(race: SlotLayout & { units: Pick<RaceUnits, 'inNational'> }, votes: Float64Array, totals: Float64Array): void {
  totals.fill(0, 0, race.partyCount);
  const { unitStart, slotParty } = race;
  const inNational = race.units.inNational;
  for (let u = 0; u < inNational.length; u++) {
    if (inNational[u] === 0) continue;
    for (let s = unitStart[u]!; s < unitStart[u + 1]!; s++) totals[slotParty[s]!] += votes[s]!;
  }
}
