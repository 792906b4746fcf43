/**
 * A French presidential round by département as a multi-candidate race: every candidate of the round,
 * from the French results the project already reads (data/fr_president_votes.csv, fr_president_turnout.csv,
 * fr_departements.csv, fr_candidates.json, parsed and checked by parseFrenchResults). No file access.
 */
import { InputError, describeValue } from '../errors.js';
import { parseJsonText } from '../data/parseJsonText.js';
import type { DataText } from '../data/dataText.js';
import type { FrenchResults } from '../data/frenchResults.js';
import { assembleRace, type UnitRecord } from './assembleRace.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** Options of {@link buildPresidentialRace}. */
export interface PresidentialRaceOptions {
  /** Parties to put first (ours first); default the year's finalists (`results.sides`), then the rest by national votes. */
  order?: readonly string[];
  /** Display name per party code (the candidates: see {@link frenchCandidateNames}); default the finalists' names, else the code. */
  partyNames?: Readonly<Record<string, string>>;
}

/**
 * Builds a presidential round as a race of every candidate: a unit per département (and abroad) with
 * weight 0 (the national sum decides), registered = inscrits, voters = votants, `other` = valid votes not
 * given to a listed candidate (0 in the Ministry's tables), and a slot for every candidate of the round in
 * every unit, even where the candidate got no vote there (a presidential candidate stands everywhere).
 * Party display names are the candidates' names.
 *
 * @param results French results of one year and round (`parseFrenchResults(texts, {year: 2022, round: 1})`).
 * @param options `order`.
 * @returns The race (2022 round 1: 107 units, 12 parties, 1,284 slots).
 * @throws {InputError} when `order` names a party that did not stand.
 * @example
 * buildPresidentialRace(parseFrenchResults(texts, { year: 2022, round: 1 })).parties // => ['LREM', 'RN', 'LFI', 'REC', 'LR', 'EELV', 'RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO']
 */
export function buildPresidentialRace(results: FrenchResults, options: PresidentialRaceOptions = {}): MultiCandidateRace {
  const parties = [...new Set(results.units.flatMap((u) => Object.keys(u.parties)))];
  const units: UnitRecord[] = results.units.map((u) => {
    const sum = parties.reduce((a, p) => a + (u.parties[p] ?? 0), 0);
    if (sum > u.total) throw new InputError({ at: `unit ${u.id}`, expected: `candidate votes of at most the valid votes ${u.total}`, found: String(sum) });
    return {
      id: u.id,
      name: u.name,
      weight: 0,
      region: u.region,
      registered: u.registered,
      voters: u.voters,
      other: u.total - sum,
      candidates: parties.map((p) => ({ party: p, votes: u.parties[p] ?? 0, label: p })),
    };
  });
  const names = { ...results.candidates, ...options.partyNames };
  return assembleRace(units, {
    order: options.order ?? results.sides,
    partyNames: names,
    source: results.source,
    declared: parties,
  });
}

/**
 * The candidate of every party code of one year in data/fr_candidates.json (`parties.<code>.candidate`).
 *
 * @param candidates Text of fr_candidates.json.
 * @param year Election year (2007, 2012, 2022).
 * @returns Candidate name per party code.
 * @throws {InputError} when the year is missing or an entry has no candidate name.
 * @example
 * frenchCandidateNames(text, 2022).LFI // => 'Jean-Luc Mélenchon'
 */
export function frenchCandidateNames(candidates: DataText, year: number): Record<string, string> {
  const root = parseJsonText(candidates.text, candidates.file) as Record<string, { parties?: Record<string, { candidate?: unknown }> } | undefined>;
  const parties = root?.[String(year)]?.parties;
  if (parties === undefined || typeof parties !== 'object') {
    throw new InputError({ file: candidates.file, at: String(year), expected: 'an entry with `parties`', found: 'none' });
  }
  const names: Record<string, string> = {};
  for (const [code, entry] of Object.entries(parties)) {
    if (typeof entry?.candidate !== 'string') throw new InputError({ file: candidates.file, at: `${year}.parties.${code}.candidate`, expected: 'a candidate name', found: describeValue(entry?.candidate) });
    names[code] = entry.candidate;
  }
  return names;
}
