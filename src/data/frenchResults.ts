/**
 * French presidential results by département (and abroad), from the project's tables:
 * data/fr_departements.csv, data/fr_president_turnout.csv, data/fr_president_votes.csv and
 * data/fr_candidates.json. Text in, typed results out (no file access).
 */
import type { ResultUnit, Side } from '../model/types.js';
import { InputError, describeValue } from '../errors.js';
import { CsvCells, parseCsvText } from './parseCsvText.js';
import { parseJsonText } from './parseJsonText.js';
import { unavailableError } from './availableYearsError.js';
import { assembleResults, type LoadedResults } from './usResults.js';
import type { DataText } from './dataText.js';

/** A département row: the contract unit plus the ballot counts of the French returns. */
export interface FrenchResultUnit extends ResultUnit {
  /** Registered voters (inscrits), also given as `eligible`. */
  registered: number;
  /** Registered voters who did not vote (abstentions). */
  abstentions: number;
  /** Ballots cast (votants) = registered − abstentions. */
  voters: number;
  /** Blank and spoiled ballots (blancs et nuls) = voters − valid. */
  blankSpoiled: number;
  /** Votes per party code for every candidate of the round (`{PS: …, UMP: …, FN: …}`). */
  parties: Record<string, number>;
}

/** French results: the contract shape with French units. */
export interface FrenchResults extends LoadedResults {
  round: number;
  units: FrenchResultUnit[];
}

/** The four texts the French results are built from. */
export interface FrenchResultsTexts {
  departements: DataText;
  turnout: DataText;
  votes: DataText;
  candidates: DataText;
}

/** Citation of the French tables per year, from data/SOURCES.md. */
const FRENCH_SOURCES: Record<number, string> = {
  2022: "Ministère de l'Intérieur, Élection présidentielle des 10 et 24 avril 2022, résultats définitifs par département (data.gouv.fr, Licence Ouverte); see data/SOURCES.md",
  2012: "Ministère de l'Intérieur, Élection présidentielle 2012, résultats par département (data.gouv.fr, Licence Ouverte); see data/SOURCES.md",
  2007: "Ministère de l'Intérieur results website 2007 (captured by nicolsc/resultat-presidentielles); 101 units, Mayotte, the Pacific collectivities and abroad missing; see data/SOURCES.md",
};

interface YearCandidates {
  sides: [Side, Side];
  names: Record<string, string>;
}

function readFrenchCandidates(candidates: DataText, year: number): YearCandidates {
  const root = parseJsonText(candidates.text, candidates.file) as Record<string, unknown>;
  const entry = root?.[String(year)] as { sides?: unknown; parties?: Record<string, { candidate?: unknown }> } | undefined;
  const sides = entry?.sides;
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every((s) => typeof s === 'string')) {
    throw new InputError({ file: candidates.file, at: `${year}.sides`, expected: 'two party codes', found: describeValue(sides) });
  }
  const names: Record<string, string> = {};
  for (const [code, value] of Object.entries(entry?.parties ?? {})) {
    if (typeof value?.candidate !== 'string') {
      throw new InputError({ file: candidates.file, at: `${year}.parties.${code}.candidate`, expected: 'a candidate name', found: describeValue(value?.candidate) });
    }
    names[code] = value.candidate;
  }
  for (const side of sides as string[]) {
    if (!(side in names)) throw new InputError({ file: candidates.file, at: `${year}.parties`, expected: `an entry for finalist ${side}`, found: 'none' });
  }
  return { sides: sides as [Side, Side], names };
}

/**
 * Years held by the French turnout table.
 *
 * @param turnout Text of data/fr_president_turnout.csv.
 * @returns Sorted election years.
 * @example
 * frenchResultYears(text) // => [2007, 2012, 2022]
 */
export function frenchResultYears(turnout: DataText): number[] {
  const table = parseCsvText(turnout.text, turnout.file, ['year']);
  const cells = new CsvCells(table);
  return [...new Set(table.records.map((r) => cells.count(r, 'year')))].sort((a, b) => a - b);
}

/**
 * Builds the French presidential results of one year and round by département, with the two
 * finalists as sides (2022 `['LREM', 'RN']`, 2012 `['PS', 'UMP']`, 2007 `['UMP', 'PS']`) and every other candidate in
 * `other`. Units weigh 0 (the national sum decides); `winner` is the finalist ahead in the unit;
 * `region` is the French region (1982–2015 boundaries, overseas and abroad grouped as listed in
 * data/fr_departements.csv); `eligible` is registered voters.
 *
 * Checks each row: registered = voters + abstentions, voters = valid + blank and spoiled, and the
 * party votes sum to valid.
 *
 * @param texts Texts of fr_departements.csv, fr_president_turnout.csv, fr_president_votes.csv, fr_candidates.json.
 * @param options `year` (2007, 2012 or 2022) and `round` (1 or 2, default 2).
 * @returns Results in the `campaign-lab results --json` shape.
 * @throws {InputError} on a malformed table (file, line, column), a failed identity, or a year or
 *   round the tables do not hold (listing those they do).
 * @example
 * parseFrenchResults(texts, {year: 2012, round: 2}).popularVote // => { PS: 18000668, UMP: 16860685, other: 0, total: 34861353 }
 */
export function parseFrenchResults(texts: FrenchResultsTexts, options: { year: number; round?: number }): FrenchResults {
  const { year } = options;
  const round = options.round ?? 2;
  const departements = readDepartements(texts.departements);
  const turnout = parseCsvText(texts.turnout.text, texts.turnout.file, ['year', 'round', 'id', 'registered', 'abstentions', 'voters', 'blank_spoiled', 'valid']);
  const tc: CsvCells = new CsvCells(turnout);
  const years = new Set<number>();
  const rounds = new Set<number>();
  const rows = turnout.records.filter((r) => {
    const y = tc.count(r, 'year');
    years.add(y);
    if (y !== year) return false;
    const rd = tc.count(r, 'round');
    rounds.add(rd);
    return rd === round;
  });
  if (rounds.size === 0) throw unavailableError(texts.turnout.file, 'year', [...years].sort((a, b) => a - b), year);
  if (rows.length === 0) throw unavailableError(texts.turnout.file, 'round', [...rounds].sort((a, b) => a - b), round);
  const candidates = readFrenchCandidates(texts.candidates, year);
  const [sideA, sideB] = candidates.sides;

  const partyVotes = readPartyVotes(texts, year, round, candidates.names);

  const units: FrenchResultUnit[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const { id, info } = tc.unit(r, departements, seen, texts.departements.file, 'once per year and round');
    const registered = tc.count(r, 'registered');
    const abstentions = tc.count(r, 'abstentions');
    const voters = tc.count(r, 'voters');
    const blankSpoiled = tc.count(r, 'blank_spoiled');
    const valid = tc.count(r, 'valid');
    if (registered !== voters + abstentions) tc.fail(r, 'registered', `voters + abstentions = ${voters + abstentions}`);
    if (voters !== valid + blankSpoiled) tc.fail(r, 'voters', `valid + blank_spoiled = ${valid + blankSpoiled}`);
    const parties = partyVotes.get(id);
    if (!parties || !(sideA in parties) || !(sideB in parties)) {
      throw new InputError({ file: texts.votes.file, at: `${year} round ${round} unit ${id}`, expected: `votes for ${sideA} and ${sideB}`, found: describeValue(parties ?? 'none') });
    }
    const partySum = Object.values(parties).reduce((a, b) => a + b, 0);
    if (partySum !== valid) tc.fail(r, 'valid', `the sum of party votes in ${texts.votes.file}, ${partySum}`);
    const a = parties[sideA]!;
    const b = parties[sideB]!;
    units.push({
      id,
      name: info.name,
      weight: 0,
      votes: { [sideA]: a, [sideB]: b, other: valid - a - b },
      total: valid,
      winner: a > b ? sideA : b > a ? sideB : 'tie',
      region: info.region,
      eligible: registered,
      registered,
      abstentions,
      voters,
      blankSpoiled,
      parties,
    });
  }
  const sideNames: Record<Side, string> = { [sideA]: candidates.names[sideA]!, [sideB]: candidates.names[sideB]! };
  const source = FRENCH_SOURCES[year] ?? `Ministère de l'Intérieur; see data/SOURCES.md`;
  const results = assembleResults({ country: 'fr', year, round, sides: candidates.sides, units, source, candidates: sideNames });
  return { ...results, round, units };
}

/** Name and region of each département by id (an id listed twice is an error). */
function readDepartements(table: FrenchResultsTexts['departements']): Map<string, { name: string; region: string }> {
  const deps = parseCsvText(table.text, table.file, ['id', 'name', 'region']);
  const depCells: CsvCells = new CsvCells(deps);
  const departements = new Map<string, { name: string; region: string }>();
  for (const r of deps.records) {
    const id = depCells.text(r, 'id');
    if (departements.has(id)) depCells.fail(r, 'id', 'a unit id not listed before');
    departements.set(id, { name: depCells.text(r, 'name'), region: depCells.text(r, 'region') });
  }
  return departements;
}

/** Votes by party code of each unit in the year and round (a party not listed for the year, or listed twice in a unit, is an error). */
function readPartyVotes(texts: FrenchResultsTexts, year: number, round: number, names: Record<string, string>): Map<string, Record<string, number>> {
  const votesTable = parseCsvText(texts.votes.text, texts.votes.file, ['year', 'round', 'id', 'party', 'votes']);
  const vc: CsvCells = new CsvCells(votesTable);
  const partyVotes = new Map<string, Record<string, number>>();
  for (const r of votesTable.records) {
    if (vc.count(r, 'year') !== year || vc.count(r, 'round') !== round) continue;
    const id = vc.text(r, 'id');
    const party = vc.text(r, 'party');
    if (!(party in names)) vc.fail(r, 'party', `a party code listed for ${year} in ${texts.candidates.file}`);
    const byParty = partyVotes.get(id) ?? {};
    if (party in byParty) vc.fail(r, 'party', `a party listed once per unit`);
    byParty[party] = vc.count(r, 'votes');
    partyVotes.set(id, byParty);
  }
  return partyVotes;
}
