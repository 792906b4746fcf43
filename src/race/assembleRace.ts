/**
 * Assembles a {@link MultiCandidateRace} from unit records read by a builder (table, Ministry
 * legislative file, presidential tables): orders the parties, lays out the slots, indexes the regions.
 */
import { InputError, describeValue } from '../errors.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** One candidate of a unit as a builder read it. */
export interface CandidateRecord {
  /** Party code (a table's column, a Ministry nuance, a presidential party code). */
  party: string;
  /** Valid votes, count. */
  votes: number;
  /** Who stands (`Vincent GUILLERMIN`); the party code when the file names no candidate. */
  label: string;
}

/** One unit as a builder read it, before the slots are laid out. */
export interface UnitRecord {
  id: string;
  name: string;
  /** Seats or electoral votes (0 where the national sum decides). */
  weight: number;
  /** Region name, or undefined for none. */
  region: string | undefined;
  /** Registered voters, count (0 unknown). */
  registered: number;
  /** Ballots cast, count (0 unknown). */
  voters: number;
  /** Valid votes of candidates without a slot, count. */
  other: number;
  candidates: CandidateRecord[];
}

/** Options of {@link assembleRace}. */
export interface AssembleRaceOptions {
  /** Parties to put first, in this order (the first is ours); the rest follow by national votes, descending. */
  order?: readonly string[];
  /** Display names by party code (presidential: the candidates); default the code. */
  partyNames?: Readonly<Record<string, string>>;
  /** Citation of the figures. */
  source: string;
  /** File name for error messages. */
  file?: string;
  /** Every party the file declares (a table's party columns): kept as parties of the race even where none stands. */
  declared?: readonly string[];
}

/**
 * Party order of a race (the lead's decision 1 for issue 20): the parties `order` names come first in
 * that order, then every other party of the file by national votes, descending (ties by code), so nothing
 * is dropped and the order is stable.
 *
 * @param nationalVotes Valid votes per party code over the race, counts.
 * @param order Codes to put first (each must be a party of the race; checked by the caller).
 * @returns Every party code, ours first.
 * @example
 * orderParties(new Map([['NDP', 4512411], ['CPC', 5835270], ['GPC', 572095]])) // => ['CPC', 'NDP', 'GPC']
 * orderParties(new Map([['NDP', 4512411], ['CPC', 5835270], ['GPC', 572095]]), ['GPC']) // => ['GPC', 'CPC', 'NDP']
 */
export function orderParties(nationalVotes: ReadonlyMap<string, number>, order: readonly string[] = []): string[] {
  const rest = [...nationalVotes.keys()].filter((p) => !order.includes(p));
  rest.sort((a, b) => nationalVotes.get(b)! - nationalVotes.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return [...order, ...rest];
}

/**
 * Lays out unit records as a race: parties ordered by {@link orderParties}, each unit's candidates as
 * its run of slots (in the order the file lists them), regions indexed by first appearance, `valid` =
 * slot votes + `other`. Every unit counts nationally (`inNational` 1).
 *
 * @param units Unit records in file order.
 * @param options Party order, display names, citation.
 * @returns The race.
 * @throws {InputError} when `order` names a party with no candidate in the race, or names one twice.
 * @example
 * assembleRace([{ id: 'a', name: 'A', weight: 1, region: undefined, registered: 0, voters: 0, other: 2,
 *   candidates: [{ party: 'X', votes: 5, label: 'X' }, { party: 'Y', votes: 7, label: 'Y' }] }], { source: 's' }).parties // => ['Y', 'X']
 */
export function assembleRace(units: readonly UnitRecord[], options: AssembleRaceOptions): MultiCandidateRace {
  const national = new Map<string, number>((options.declared ?? []).map((p) => [p, 0]));
  let slots = 0;
  for (const u of units) {
    slots += u.candidates.length;
    for (const c of u.candidates) national.set(c.party, (national.get(c.party) ?? 0) + c.votes);
  }
  (options.order ?? []).forEach((p, i) => {
    if (!national.has(p) || options.order!.indexOf(p) !== i) {
      const expected = `a party of the race named once (${[...national.keys()].slice(0, 20).join(', ')}${national.size > 20 ? ', …' : ''})`;
      throw new InputError({ ...(options.file ? { file: options.file } : {}), at: `order[${i}]`, expected, found: describeValue(p) });
    }
  });
  const parties = orderParties(national, options.order);
  const partyIndex = new Map(parties.map((p, i) => [p, i]));
  const n = units.length;
  const race: MultiCandidateRace = {
    partyCount: parties.length,
    parties,
    partyNames: parties.map((p) => options.partyNames?.[p] ?? p),
    regionNames: [],
    units: {
      ids: units.map((u) => u.id),
      names: units.map((u) => u.name),
      weight: Float64Array.from(units, (u) => u.weight),
      region: new Int32Array(n),
      registered: Float64Array.from(units, (u) => u.registered),
      voters: Float64Array.from(units, (u) => u.voters),
      other: Float64Array.from(units, (u) => u.other),
      valid: new Float64Array(n),
      inNational: new Uint8Array(n).fill(1),
    },
    unitStart: new Int32Array(n + 1),
    slotParty: new Int32Array(slots),
    votes: new Float64Array(slots),
    slotLabels: new Array<string>(slots),
    source: options.source,
  };
  fillSlots(race, units, partyIndex);
  return race;
}

/** Writes the slots, `valid` and the region index of each unit. */
function fillSlots(race: MultiCandidateRace, units: readonly UnitRecord[], partyIndex: ReadonlyMap<string, number>): void {
  const regions = new Map<string, number>();
  let s = 0;
  units.forEach((u, i) => {
    race.unitStart[i] = s;
    let valid = u.other;
    for (const c of u.candidates) {
      race.slotParty[s] = partyIndex.get(c.party)!;
      race.votes[s] = c.votes;
      race.slotLabels[s] = c.label;
      valid += c.votes;
      s++;
    }
    race.units.valid[i] = valid;
    if (u.region === undefined) race.units.region[i] = -1;
    else {
      if (!regions.has(u.region)) regions.set(u.region, race.regionNames.push(u.region) - 1);
      race.units.region[i] = regions.get(u.region)!;
    }
  });
  race.unitStart[units.length] = s;
}
