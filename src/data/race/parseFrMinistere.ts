/**
 * The French Interior Ministry's "résultats par niveau" layout (data.gouv.fr downloads of
 * presidential results by département): `.txt`/`.csv` (`;`, Latin-1, `,` decimals) or the Ministry's
 * own `.xlsx`, where each row holds the turnout columns and then one block per candidate
 * (`Sexe, Nom, Prénom, Voix, % Voix/Ins, % Voix/Exp`), only the first block having a header. The
 * wide variant with one `Voix_candidat_<NOM>` column per candidate is read too.
 */
import { InputError, isShownCell } from '../../errors.js';
import type { Side } from '../../model/types.js';
import { assembleResults } from '../usResults.js';
import type { RaceColumnUse, RaceFileOptions, RaceFileResults, RaceUnit } from './raceTypes.js';
import { cellAddress, cellText, countCell, dataRecords, failCell, findColumn, missingColumn, weightCell, type RaceGrid } from './raceGrid.js';

/** The Ministry's codes for overseas units mapped to INSEE codes (the ids of the bundled French data). */
export const MINISTRY_TO_INSEE: Readonly<Record<string, string>> = {
  ZA: '971', ZB: '972', ZC: '973', ZD: '974', ZM: '976', ZN: '988', ZP: '987', ZS: '975', ZW: '986', ZX: 'ZX', ZZ: 'ZZ',
};

/** Département codes the Ministry uses: `01`…`95`, `2A`, `2B`, `ZA`…`ZX`, `ZZ`, and INSEE `971`…`988`. */
const CODE = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|Z[A-Z]|97[1-8]|98[6-8])$/;

/** Facts from data/ the reader may attach (regions for the regional error term). */
export interface FrBundledData {
  /** Name and region by INSEE code (`971`, `2A`, `ZZ`). */
  departements?: Map<string, { name: string; region: string }>;
}

interface Candidate {
  surname: string;
  firstName: string;
}

/** Round from a Ministry file name: `…-t2-…` -> 2. */
export function roundFromFileName(file: string): number | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = /(^|[^a-z0-9])t([12])([^0-9]|$)/i.exec(base);
  return m ? Number(m[2]) : undefined;
}

/**
 * Election year from a file name: a presidential year 1965–2099 standing alone (`…_2022_…`), else undefined.
 *
 * @example
 * yearFromFileName('fr_presidentielle_2022_departements_t2.csv') // => 2022
 * yearFromFileName('resultats-par-niveau-dpt-t2-france-entiere.xlsx') // => undefined
 */
export function yearFromFileName(file: string): number | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = /(^|[^0-9])(19[6-9][0-9]|20[0-9][0-9])([^0-9]|$)/.exec(base);
  return m ? Number(m[2]) : undefined;
}

/** True when the header looks like the Ministry layout (turnout columns plus candidate votes). */
export function isFrMinistereHeader(header: readonly string[]): boolean {
  return findColumn(header, 'Inscrits') >= 0 && (findColumn(header, 'Voix', 'Voix 1') >= 0 || header.some((h) => /^voix[_ ]candidat[_ ]/i.test(h.trim())));
}

/** Header names of a legislative file's circonscription code (2017/2022, 2024). */
const CIRCONSCRIPTION_COLUMNS = ['Code de la circonscription', 'Code circonscription législative', 'Code circonscription'];

/**
 * Refuses a legislative file by circonscription, which this two-sided reader by département would
 * mislabel: the message names the multi-candidate reader and its rule.
 */
function refuseCirconscriptions(grid: RaceGrid): void {
  const i = findColumn(grid.header, ...CIRCONSCRIPTION_COLUMNS);
  if (i < 0) return;
  throw new InputError({
    file: grid.file,
    at: grid.addressing === 'cell' ? `row ${grid.headerLine} (header), column "${grid.header[i]}"` : `line ${grid.headerLine} (header), column "${grid.header[i]}"`,
    expected:
      'a file by département, one row each: this is a legislative file by circonscription, read with every candidate as a multi-candidate race with `rule: two-round-legislative`',
    found: 'a column of circonscriptions',
  });
}

/**
 * Reads presidential results by département in the Ministry layout. Unit ids are the codes as
 * written (`01`, `2A`, `ZA`, `ZZ`; `1` is read as `01`); names are the `Libellé`. Sides are the
 * candidates' surnames as written (`MACRON`, `LE PEN`): `sides` picks two, otherwise the two with
 * the most votes nationally, most first. Every other candidate's votes are `other`. Checks each row:
 * Inscrits = Votants + Abstentions, Votants = Exprimés + Blancs + Nuls, candidates' Voix sum to
 * Exprimés. Units weigh 0 unless `weights` names a column. `eligible` is Inscrits.
 *
 * @param grid The file's cells (text file or worksheet).
 * @param options `sides`, `year` (recorded; 0 when not given), `round` (default: `t1`/`t2` in the file
 *   name, else 2 when two candidates stand, 1 otherwise), `weights` (0 or a column name).
 * @param bundled Regions by INSEE code from data/fr_departements.csv (the Node reader passes them).
 * @returns The race in the `results --json` shape, country `fr`.
 * @throws {InputError} a legislative file by circonscription (the message names the multi-candidate
 *   reader and `rule: two-round-legislative`), a missing column, a candidate block cut short, an unknown
 *   code, a bad count, a failed identity (naming the cell and the expected value), an unknown side.
 * @example
 * parseFrMinistere(grid2022t2, {}).popularVote // => { MACRON: 18768639, 'LE PEN': 13288686, other: 0, total: 32057325 }
 */
export function parseFrMinistere(grid: RaceGrid, options: RaceFileOptions = {}, bundled: FrBundledData = {}): RaceFileResults {
  refuseCirconscriptions(grid);
  const c = frColumns(grid);
  const candidates = new Map<string, Candidate>();
  const seen = new Set<string>();
  const { records, blank } = dataRecords(grid);
  const perUnit = records.map((record) => readUnitRow(grid, c, record, seen, candidates));
  if (perUnit.length === 0) throw new InputError({ file: grid.file, expected: 'at least one département row after the header', found: 'none' });
  const sides = chooseSides(grid, perUnit, candidates, options.sides);
  const weights = options.weights ?? 0;
  let weightCol = -1;
  if (weights === 'electoral-votes') throw new InputError({ at: 'weights', expected: '0 or a column name for a French file', found: '"electoral-votes"' });
  if (weights !== 0) {
    weightCol = findColumn(grid.header, String(weights));
    if (weightCol < 0) throw missingColumn(grid, `a header with the weights column "${weights}"`);
  }
  const units = perUnit.map((u) => frUnit(grid, u, sides, weightCol, bundled));

  const notes: string[] = [];
  let round = options.round;
  if (round === undefined) {
    const fromName = roundFromFileName(grid.file);
    round = fromName ?? (candidates.size === 2 ? 2 : 1);
    notes.push(fromName !== undefined ? `round ${round} read from the file name` : `round ${round} inferred from the ${candidates.size} candidates (give --round to set it)`);
  }
  let year = options.year;
  if (year === undefined) {
    year = yearFromFileName(grid.file);
    notes.push(year !== undefined ? `year ${year} read from the file name` : 'no year in the file name (give --year to set it)');
  }
  if (blank > 0) notes.push(`${blank} blank row${blank === 1 ? '' : 's'} skipped`);
  const columns = frColumnUse(grid, c, sides, candidates, weightCol);
  const names = (s: string) => {
    const candidate = candidates.get(s)!;
    return candidate.firstName ? `${candidate.firstName} ${candidate.surname}` : candidate.surname;
  };
  const results = assembleResults({
    country: 'fr',
    year: year ?? 0,
    round,
    sides,
    units,
    source: `${grid.file} (Ministère de l'Intérieur "résultats par niveau" layout)`,
    candidates: { [sides[0]]: names(sides[0]), [sides[1]]: names(sides[1]) },
  });
  return { ...results, units, format: 'fr-ministere', columns, notes };
}

/**
 * Column indexes of a Ministry file (-1 for an optional column it lacks), with the candidate columns:
 * `wide` (one `Voix_candidat_<NOM>` column each) or the repeated blocks (`block`, offsets within one).
 */
/** Column indexes of the turnout columns every Ministry layout has (Inscrits … Nuls). */
export interface FrTurnoutColumns {
  inscrits: number;
  abst: number;
  votants: number;
  exprimes: number;
  blancs: number;
  nuls: number;
}

interface FrColumns extends FrTurnoutColumns {
  code: number;
  name: number;
  blancsNuls: number;
  wide: { i: number; candidate: string }[];
  block: { start: number; width: number; nom: number; prenom: number; voix: number };
}

/** Finds the Ministry columns; throws an InputError naming a required column the header lacks. */
function frColumns(grid: RaceGrid): FrColumns {
  const h = grid.header;
  const need = (expected: string, ...names: string[]): number => {
    const i = findColumn(h, ...names);
    if (i < 0) throw missingColumn(grid, `a Ministry header with a "${expected}" column`);
    return i;
  };
  const c: FrColumns = {
    code: need('Code du département', 'Code du département', 'Code département', 'Code du departement', 'Code'),
    name: findColumn(h, 'Libellé du département', 'Libellé département', 'Libellé'),
    inscrits: need('Inscrits', 'Inscrits'),
    abst: findColumn(h, 'Abstentions'),
    votants: need('Votants', 'Votants'),
    exprimes: need('Exprimés', 'Exprimés'),
    blancs: findColumn(h, 'Blancs'),
    nuls: findColumn(h, 'Nuls'),
    blancsNuls: findColumn(h, 'Blancs et nuls', 'Blancs et Nuls'),
    wide: h.flatMap((name, i) => {
      const m = /^voix[_ ]candidat[_ ](.+)$/i.exec(name.trim());
      return m ? [{ i, candidate: m[1]!.trim() }] : [];
    }),
    block: { start: -1, width: 0, nom: -1, prenom: -1, voix: -1 },
  };
  if (c.wide.length === 0) {
    const nomCol = need('Nom', 'Nom');
    const voixCol = need('Voix', 'Voix');
    const starts = [findColumn(h, 'N°Panneau', 'N° Panneau', 'Panneau'), findColumn(h, 'Sexe'), nomCol].filter((i) => i >= 0);
    const start = Math.min(...starts);
    const prenomCol = findColumn(h, 'Prénom');
    c.block = { start, width: h.length - start, nom: nomCol - start, voix: voixCol - start, prenom: prenomCol > start ? prenomCol - start : -1 };
    if (c.block.voix < 0) throw missingColumn(grid, 'the "Voix" column inside the candidate block that starts at "Nom"');
  }
  return c;
}

/** One département row: its counts (checked against each other) and its votes by candidate surname. */
interface UnitRow {
  record: RaceGrid['records'][number];
  votes: Map<string, number>;
  registered: number;
  abstentions: number;
  voters: number;
  blankSpoiled: number;
  valid: number;
  id: string;
  name: string;
}

/**
 * Reads one département row: its code (listed once), Inscrits = Votants + Abstentions, Votants = Exprimés
 * + Blancs + Nuls, and the candidates' Voix (each listed once, summing to Exprimés). Adds new candidates
 * to `candidates`.
 */
function readUnitRow(grid: RaceGrid, c: FrColumns, record: RaceGrid['records'][number], seen: Set<string>, candidates: Map<string, Candidate>): UnitRow {
  let code = cellText(record, c.code).toUpperCase();
  if (/^\d$/.test(code)) code = `0${code}`;
  if (!CODE.test(code)) failCell(grid, record, c.code, 'a département code (01…95, 2A, 2B, ZA…ZX, ZZ)', true);
  if (seen.has(code)) failCell(grid, record, c.code, 'a département listed once', true);
  seen.add(code);
  const registered = countCell(grid, record, c.inscrits);
  const voters = countCell(grid, record, c.votants);
  const valid = countCell(grid, record, c.exprimes);
  let abstentions = registered - voters;
  if (c.abst >= 0) {
    abstentions = countCell(grid, record, c.abst);
    if (registered !== voters + abstentions) failCell(grid, record, c.inscrits, `Votants + Abstentions = ${voters + abstentions}`);
  } else if (abstentions < 0) failCell(grid, record, c.votants, `at most Inscrits, ${registered}`);
  let blankSpoiled = voters - valid;
  if (c.blancs >= 0 && c.nuls >= 0) blankSpoiled = countCell(grid, record, c.blancs) + countCell(grid, record, c.nuls);
  else if (c.blancsNuls >= 0) blankSpoiled = countCell(grid, record, c.blancsNuls);
  if (voters !== valid + blankSpoiled) failCell(grid, record, c.votants, `Exprimés + Blancs + Nuls = ${valid + blankSpoiled}`);
  const votes = candidateVotes(grid, c, record, candidates);
  if (votes.size === 0) failCell(grid, record, c.block.start >= 0 ? c.block.start : c.code, 'at least one candidate block');
  const sum = [...votes.values()].reduce((a, b) => a + b, 0);
  if (sum !== valid) failCell(grid, record, c.exprimes, `the sum of the candidates' Voix, ${sum}`);
  return { record, votes, registered, abstentions, voters, blankSpoiled, valid, id: code, name: c.name >= 0 ? cellText(record, c.name) || code : code };
}

/** A row's votes by candidate surname, from the wide columns or the blocks (a block cut short is an error). */
function candidateVotes(grid: RaceGrid, c: FrColumns, record: RaceGrid['records'][number], candidates: Map<string, Candidate>): Map<string, number> {
  const h = grid.header;
  const votes = new Map<string, number>();
  const add = (surname: string, firstName: string, column: number, name?: string) => {
    if (votes.has(surname)) failCell(grid, record, column, 'a candidate listed once per row', false, name);
    votes.set(surname, countCell(grid, record, column, name));
    if (!candidates.has(surname)) candidates.set(surname, { surname, firstName });
  };
  if (c.wide.length > 0) {
    for (const { i, candidate } of c.wide) add(candidate, '', i);
    return votes;
  }
  const { start: blockStart, width: blockWidth, nom, prenom, voix } = c.block;
  for (let start = blockStart, k = 1; start < record.cells.length; start += blockWidth, k++) {
    const block = record.cells.slice(start, start + blockWidth);
    const label = (offset: number) => `${h[blockStart + offset]} of candidate ${k}`;
    if (block.every((cell) => cell.trim() === '')) continue;
    if (block.length < blockWidth) {
      throw new InputError({ file: grid.file, at: cellAddress(grid, record.line, record.cells.length - 1), expected: `a candidate block of ${blockWidth} cells (${h.slice(blockStart).join(', ')})`, found: `${block.length} cells` });
    }
    const surname = cellText(record, start + nom);
    if (surname === '') failCell(grid, record, start + nom, "a candidate's surname", false, label(nom));
    add(surname, prenom >= 0 ? cellText(record, start + prenom) : '', start + voix, label(voix));
  }
  return votes;
}

/** The two sides: the surnames asked (matched as written, else ignoring case), or the two with the most votes nationally. */
function chooseSides(grid: RaceGrid, perUnit: UnitRow[], candidates: Map<string, Candidate>, asked: RaceFileOptions['sides']): [Side, Side] {
  if (asked) {
    const match = asked.map((s) => [...candidates.keys()].find((c) => c === s) ?? [...candidates.keys()].find((c) => c.toUpperCase() === s.toUpperCase()));
    if (match.some((m) => m === undefined) || match[0] === match[1]) {
      // Surnames shaped like a person's full name or free text are not listed (a list given as a results file).
      const listed = [...candidates.keys()].filter((c) => isShownCell(c));
      const hidden = candidates.size - listed.length;
      throw new InputError({ file: grid.file, at: 'sides', expected: `two different candidates' surnames as written in the file (${[...listed, ...(hidden > 0 ? [`${hidden} not shown`] : [])].join(', ')})`, found: JSON.stringify(asked) });
    }
    return [match[0]!, match[1]!];
  }
  const national = new Map<string, number>();
  for (const u of perUnit) for (const [c, v] of u.votes) national.set(c, (national.get(c) ?? 0) + v);
  const ranked = [...national].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  if (ranked.length < 2) throw new InputError({ file: grid.file, expected: 'at least two candidates', found: `${ranked.length}` });
  return [ranked[0]!, ranked[1]!];
}

/** A département as a race unit: the sides' votes, the rest as other, the turnout counts and the region. */
function frUnit(grid: RaceGrid, u: UnitRow, sides: [Side, Side], weightCol: number, bundled: FrBundledData): RaceUnit {
  const a = u.votes.get(sides[0]) ?? 0;
  const b = u.votes.get(sides[1]) ?? 0;
  const unit: RaceUnit & { registered: number; abstentions: number; voters: number; blankSpoiled: number } = {
    id: u.id,
    name: u.name,
    weight: weightCol >= 0 ? weightCell(grid, u.record, weightCol) : 0,
    votes: { [sides[0]]: a, [sides[1]]: b, other: u.valid - a - b },
    total: u.valid,
    winner: a > b ? sides[0] : b > a ? sides[1] : 'tie',
    eligible: u.registered,
    registered: u.registered,
    abstentions: u.abstentions,
    voters: u.voters,
    blankSpoiled: u.blankSpoiled,
    parties: Object.fromEntries(u.votes),
  };
  const region = bundled.departements?.get(MINISTRY_TO_INSEE[u.id] ?? u.id)?.region;
  if (region) unit.region = region;
  return unit;
}

/** Which column was read as what (the header's other columns before the blocks as "not read"). */
function frColumnUse(grid: RaceGrid, c: FrColumns, sides: [Side, Side], candidates: Map<string, Candidate>, weightCol: number): RaceColumnUse[] {
  const h = grid.header;
  const columns: RaceColumnUse[] = [
    { column: h[c.code]!, readAs: 'unit id (département code)' },
    ...(c.name >= 0 ? [{ column: h[c.name]!, readAs: 'unit name' }] : []),
    { column: h[c.inscrits]!, readAs: 'registered voters (eligible)' },
    ...(c.abst >= 0 ? [{ column: h[c.abst]!, readAs: 'abstentions (checked: Inscrits = Votants + Abstentions)' }] : []),
    { column: h[c.votants]!, readAs: 'ballots cast (checked: Votants = Exprimés + Blancs + Nuls)' },
    ...(c.blancs >= 0 && c.nuls >= 0 ? [{ column: `${h[c.blancs]}, ${h[c.nuls]}`, readAs: 'blank and spoiled ballots' }] : c.blancsNuls >= 0 ? [{ column: h[c.blancsNuls]!, readAs: 'blank and spoiled ballots' }] : []),
    { column: h[c.exprimes]!, readAs: "valid votes (total; checked: the candidates' Voix sum to it)" },
  ];
  if (c.wide.length > 0) {
    for (const { i, candidate } of c.wide) {
      columns.push({ column: h[i]!, readAs: sides.includes(candidate) ? `votes of side ${candidate}${candidate === sides[0] ? ' (ours)' : ''}` : `votes of ${candidate}, added to other` });
    }
  } else {
    const others = [...candidates.keys()].filter((name) => !sides.includes(name));
    columns.push({
      column: `${h.slice(c.block.start).join(', ')} × ${candidates.size}`,
      readAs: `one block of ${c.block.width} cells per candidate, only the first with a header: Nom is the candidate, Voix its votes; sides ${sides.join(' and ')}${others.length > 0 ? `, the other ${others.length} in other` : ''}`,
    });
  }
  if (weightCol >= 0) columns.push({ column: h[weightCol]!, readAs: 'unit weight' });
  const used = new Set([c.code, c.name, c.inscrits, c.abst, c.votants, c.exprimes, c.blancs, c.nuls, c.blancsNuls, weightCol, ...c.wide.map((w) => w.i)]);
  const ignored = h.filter((name, i) => !used.has(i) && (c.block.start < 0 || i < c.block.start) && name !== '');
  if (ignored.length > 0) columns.push({ column: ignored.join(', '), readAs: 'not read (percentages follow from the counts)' });
  return columns;
}
