/**
 * A race narrowed to named parties, the votes of every other candidate moved into `other`, asked for by
 * name: the K = 4 race of the K-candidate benchmark (LREM, RN, LFI, REC; the other eight in `other`,
 * issue 20, bench/peers/multicandidate_peer.py). Never applied in silence: a race read from a file keeps every party (the lead's decision 1).
 */
import { InputError, describeValue } from '../errors.js';
import { assembleRace, type UnitRecord } from './assembleRace.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/**
 * The race with only the parties `keep` names, in that order (the first is ours); each unit's slots of the
 * other parties are added to its `other`. Units, weights, regions, registered voters, valid votes and
 * `inNational` are unchanged.
 *
 * @param race The race.
 * @param keep Party codes to keep, at least two, each a party of the race, named once.
 * @returns A new race (the input is not modified).
 * @throws {InputError} fewer than two codes, a code that is not a party of the race or named twice, a
 *   unit where none of the kept parties stands.
 * @example
 * keepParties(president2022, ['LREM', 'RN', 'LFI', 'REC']).units.other[0] // => 68701 (Ain: the other eight candidates' votes)
 */
export function keepParties(race: MultiCandidateRace, keep: readonly string[]): MultiCandidateRace {
  if (keep.length < 2) throw new InputError({ at: 'keep', expected: 'at least two party codes', found: describeValue(keep.length) });
  keep.forEach((code, i) => {
    if (!race.parties.includes(code) || keep.indexOf(code) !== i) {
      throw new InputError({ at: `keep[${i}]`, expected: `a party of the race named once (${race.parties.join(', ')})`, found: describeValue(code) });
    }
  });
  const kept = new Set(keep);
  const units: UnitRecord[] = race.units.ids.map((id, u) => {
    let other = race.units.other[u];
    const candidates: UnitRecord['candidates'] = [];
    for (let s = race.unitStart[u]; s < race.unitStart[u + 1]; s++) {
      const party = race.parties[race.slotParty[s]];
      if (kept.has(party)) candidates.push({ party, votes: race.votes[s], label: race.slotLabels[s] });
      else other += race.votes[s];
    }
    if (candidates.length === 0) throw new InputError({ at: `units[${u}] (${id})`, expected: `a candidate of ${keep.join(', ')}`, found: 'none' });
    const region = race.units.region[u];
    return {
      id,
      name: race.units.names[u],
      weight: race.units.weight[u],
      region: region >= 0 ? race.regionNames[region] : undefined,
      registered: race.units.registered[u],
      voters: race.units.voters[u],
      other,
      candidates,
    };
  });
  const names = Object.fromEntries(race.parties.map((p, i) => [p, race.partyNames[i]]));
  const narrowed = assembleRace(units, { order: keep, partyNames: names, source: race.source, declared: keep });
  narrowed.units.inNational.set(race.units.inNational);
  return narrowed;
}
