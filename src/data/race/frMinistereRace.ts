/**
 * The Interior Ministry's results files by circonscription (législatives) or by département
 * (présidentielle, législatives by département where every candidate is listed) as a multi-candidate
 * race: every candidate of the file, each a slot of its unit. Three layouts, told apart by the header:
 *
 * - `blocks` (2022 downloads): the header names the turnout columns and the first candidate block only
 *   (`N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp;Sièges`); every further block of the
 *   same width has no header.
 * - `repeated-blocks` (2017 workbooks): every candidate block repeats its header.
 * - `numbered` (2024 downloads): one numbered block per candidate (`Nom candidat 1`, `Voix 1`, `Elu 1`, …).
 *
 * Text or worksheet cells in (a {@link RaceGrid}), race out: no file access, browser-safe.
 */
import { InputError } from '../../errors.js';
import type { CsvRecord } from '../../io/parseDelimited.js';
import { assembleRace, type CandidateRecord, type UnitRecord } from '../../race/assembleRace.js';
import type { MultiCandidateRace } from '../../race/multiCandidateRace.js';
import { MINISTRY_TO_INSEE, type FrBundledData, type FrTurnoutColumns } from './parseFrMinistere.js';
import { cellText, countCell, dataRecords, failCell, findColumn, missingColumn, normaliseName, type RaceGrid } from './raceGrid.js';

/** The three layouts of the Ministry's candidate blocks (see the file comment). */
export type FrMinistereLayout = 'blocks' | 'repeated-blocks' | 'numbered';

/** Options of {@link parseFrMinistereRace}. */
export interface FrMinistereRaceOptions {
  /** Parties (nuances; for a file without Nuance, surnames) to put first, ours first; the rest by national votes, descending. */
  order?: readonly string[];
  /** Citation of the figures; default `<file> (Ministère de l'Intérieur, <layout> layout)`. */
  source?: string;
}

/** Header names of a circonscription's code, in the 2017/2022 and the 2024 files. */
const CIRC_CODE = ['Code de la circonscription', 'Code circonscription législative', 'Code circonscription legislative', 'Code circonscription'];
const CIRC_NAME = ['Libellé de la circonscription', 'Libellé circonscription législative', 'Libellé circonscription'];
const DEPT_CODE = ['Code du département', 'Code département', 'Code du departement'];
const DEPT_NAME = ['Libellé du département', 'Libellé département'];

/** Département codes the Ministry writes: `01`…`95`, `2A`, `2B`, `ZA`…`ZZ`, INSEE `971`…`988`. */
const DEPT = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|Z[A-Z]|97[1-8]|98[6-8])$/;

/** Column indexes of one candidate block (−1: the layout has no such column). */
interface BlockColumns {
  nom: number;
  prenom: number;
  nuance: number;
  voix: number;
}

/** Where a file's columns are. */
interface FrRaceColumns extends FrTurnoutColumns {
  layout: FrMinistereLayout;
  dept: number;
  deptName: number;
  circ: number;
  circName: number;
  /** `blocks` and `repeated-blocks`: the first block's columns and the block width; blocks follow every `width` cells. */
  stride: { first: BlockColumns; start: number; width: number };
  /** `numbered`: every block the header names, in number order. */
  numbered: BlockColumns[];
}

/**
 * True when a header is one of the Ministry's results layouts (Inscrits with Voix, Voix 1 or repeated Voix).
 *
 * @example
 * isFrMinistereRaceHeader(['Code département', 'Inscrits', 'Exprimés', 'Nom candidat 1', 'Voix 1']) // => true
 */
export function isFrMinistereRaceHeader(header: readonly string[]): boolean {
  return findColumn(header, 'Inscrits') >= 0 && header.some((h) => /^voix( \d+)?$/.test(normaliseName(h)));
}

/**
 * The layout of a Ministry header: `numbered` when it has `Voix 1`, `repeated-blocks` when `Voix` comes
 * more than once, else `blocks`.
 *
 * @example
 * frMinistereLayout(['Inscrits', 'Exprimés', 'Nom', 'Voix', 'Nom', 'Voix']) // => 'repeated-blocks'
 */
export function frMinistereLayout(header: readonly string[]): FrMinistereLayout {
  const voix = header.filter((h) => /^voix( \d+)?$/.test(normaliseName(h)));
  if (voix.some((h) => /\d$/.test(h.trim()))) return 'numbered';
  return voix.length > 1 ? 'repeated-blocks' : 'blocks';
}

/** Finds the columns of a Ministry file; throws an InputError naming a required column it lacks. */
function frRaceColumns(grid: RaceGrid): FrRaceColumns {
  const h = grid.header;
  const need = (label: string, names: readonly string[]): number => {
    const i = findColumn(h, ...names);
    if (i < 0) throw missingColumn(grid, `a Ministry header with a "${label}" column`);
    return i;
  };
  const layout = frMinistereLayout(h);
  const c: FrRaceColumns = {
    layout,
    dept: need('Code du département', DEPT_CODE),
    deptName: findColumn(h, ...DEPT_NAME),
    circ: findColumn(h, ...CIRC_CODE),
    circName: findColumn(h, ...CIRC_NAME),
    inscrits: need('Inscrits', ['Inscrits']),
    abst: findColumn(h, 'Abstentions'),
    votants: need('Votants', ['Votants']),
    exprimes: need('Exprimés', ['Exprimés']),
    blancs: findColumn(h, 'Blancs'),
    nuls: findColumn(h, 'Nuls'),
    stride: { first: { nom: -1, prenom: -1, nuance: -1, voix: -1 }, start: -1, width: 0 },
    numbered: [],
  };
  if (layout === 'numbered') c.numbered = numberedBlocks(grid);
  else c.stride = strideBlocks(grid, layout);
  if (c.circ >= 0 && (layout === 'numbered' ? c.numbered.some((b) => b.nuance < 0) : c.stride.first.nuance < 0)) {
    throw missingColumn(grid, 'a Nuance column in every candidate block of a file by circonscription (the party seats are counted by)');
  }
  return c;
}

/** The numbered blocks of a 2024 header (`Nom candidat 1`, `Voix 1`, …), each with a Nom and a Voix column. */
function numberedBlocks(grid: RaceGrid): BlockColumns[] {
  const byNumber = new Map<number, BlockColumns>();
  grid.header.forEach((name, i) => {
    const m = /^(.*\S)\s+(\d+)$/.exec(normaliseName(name));
    if (!m) return;
    const k = Number(m[2]);
    const block = byNumber.get(k) ?? { nom: -1, prenom: -1, nuance: -1, voix: -1 };
    const field = { 'nom candidat': 'nom', nom: 'nom', 'prenom candidat': 'prenom', prenom: 'prenom', 'nuance candidat': 'nuance', nuance: 'nuance', voix: 'voix' }[m[1]!] as keyof BlockColumns | undefined;
    if (field) block[field] = i;
    byNumber.set(k, block);
  });
  const blocks = [...byNumber].sort((a, b) => a[0] - b[0]);
  for (const [k, b] of blocks) {
    if (b.nom < 0 || b.voix < 0) throw missingColumn(grid, `the columns "Nom candidat ${k}" and "Voix ${k}" of candidate block ${k}`);
  }
  return blocks.map(([, b]) => b);
}

/** The first block's columns and the block width of a `blocks` or `repeated-blocks` header. */
function strideBlocks(grid: RaceGrid, layout: FrMinistereLayout): FrRaceColumns['stride'] {
  const h = grid.header;
  const nom = findColumn(h, 'Nom');
  const voix = findColumn(h, 'Voix');
  if (nom < 0 || voix < 0) throw missingColumn(grid, 'a Ministry header with the candidate columns "Nom" and "Voix"');
  const starts = [findColumn(h, 'N°Panneau', 'N° Panneau', 'Panneau'), findColumn(h, 'Sexe'), nom].filter((i) => i >= 0);
  const start = Math.min(...starts);
  let width = h.length - start;
  if (layout === 'repeated-blocks') {
    const again = h.findIndex((name, i) => i > start && normaliseName(name) === normaliseName(h[start]!));
    if (again < 0) throw missingColumn(grid, `a second "${h[start]}" column where the repeated candidate blocks begin again`);
    width = again - start;
  }
  const within = (i: number) => (i >= start && i < start + width ? i : -1);
  const first = { nom, prenom: within(findColumn(h, 'Prénom')), nuance: within(findColumn(h, 'Nuance')), voix };
  if (within(voix) < 0) throw missingColumn(grid, 'the "Voix" column inside the first candidate block');
  return { first, start, width };
}

/** The candidate blocks of one row: the header's numbered blocks, or every `width` cells from the first block to the row's end. */
function rowBlocks(c: FrRaceColumns, record: CsvRecord): BlockColumns[] {
  if (c.layout === 'numbered') return c.numbered;
  const { first, start, width } = c.stride;
  const blocks: BlockColumns[] = [];
  const shift = (i: number, k: number) => (i < 0 ? -1 : i + k * width);
  for (let k = 0; start + k * width < record.cells.length; k++) {
    blocks.push({ nom: shift(first.nom, k), prenom: shift(first.prenom, k), nuance: shift(first.nuance, k), voix: shift(first.voix, k) });
  }
  return blocks;
}

/**
 * Reads a Ministry results file as a race of every candidate. A file with a circonscription column
 * (`Code de la circonscription`, `Code circonscription législative`) has a unit per circonscription: id
 * `<département>-<nn>` (`01-01`; the Ministry's letter codes as INSEE codes, `ZA` -> `971`, as
 * data/fr_departements.csv has them; the 2024 four-character codes `0101` cut to their last two),
 * name `<département> 1re circonscription` (`<département> (<label>)` when the Ministry's label is not an
 * ordinal, the département alone when the label repeats it: `Saint-Pierre-et-Miquelon`), weight 1
 * seat, region the département's. A file without one has a unit per département: id the code, name
 * the `Libellé`, weight 0 (the national sum decides). Each candidate is a slot: party the `Nuance`
 * (a file without Nuance: the surname, as in the presidential files), label `Prénom Nom`; two
 * candidates of one nuance in a unit are two slots of that party. `registered` is Inscrits, `voters`
 * Votants, `other` 0. The Ministry's outcome columns (`Sièges`, `Elu N`) are not read: the rules compute them.
 *
 * Checks per row: the unit is listed once, Inscrits = Votants + Abstentions, Votants = Exprimés + Blancs
 * + Nuls, and the candidates' Voix add up to Exprimés (the error names the line and the unit).
 *
 * @param grid The file's cells (a decoded text file, or a worksheet read by readXlsxGrid).
 * @param options `order` (ours first), `source`.
 * @param bundled Regions by INSEE code from data/fr_departements.csv (the Node reader passes them).
 * @returns The race.
 * @throws {InputError} a missing column, an unknown code, a unit listed twice, a bad count, a candidate
 *   block without Nom or Voix, a failed identity (file, line or cell, expected, found).
 * @example
 * parseFrMinistereRace(grid2022).units.names[0] // => 'Ain 1re circonscription' (id '01-01', 8 slots: LAHY DXG 391, GUÉRAUD NUP 9982, …)
 */
export function parseFrMinistereRace(grid: RaceGrid, options: FrMinistereRaceOptions = {}, bundled: FrBundledData = {}): MultiCandidateRace {
  const c = frRaceColumns(grid);
  const { records } = dataRecords(grid);
  if (records.length === 0) throw new InputError({ file: grid.file, expected: 'at least one row after the header', found: 'none' });
  const seen = new Map<string, number>();
  const units = records.map((record) => {
    const unit = frRaceUnit(grid, c, record, bundled);
    const earlier = seen.get(unit.id);
    if (earlier !== undefined) failCell(grid, record, c.circ >= 0 ? c.circ : c.dept, `a unit listed once (${unit.id} is on line ${earlier} too)`, true);
    seen.set(unit.id, record.line);
    return unit;
  });
  const kind = c.circ >= 0 ? 'by circonscription' : 'by département';
  const source = options.source ?? `${grid.file} (Ministère de l'Intérieur, results ${kind}, ${c.layout} layout)`;
  return assembleRace(units, { ...(options.order ? { order: options.order } : {}), source, file: grid.file });
}

/** One row as a unit: its id and name, its counts (checked against each other) and its candidates. */
function frRaceUnit(grid: RaceGrid, c: FrRaceColumns, record: CsvRecord, bundled: FrBundledData): UnitRecord {
  const { id, name, dept } = unitIdentity(grid, c, record);
  const registered = countCell(grid, record, c.inscrits);
  const voters = countCell(grid, record, c.votants);
  const valid = countCell(grid, record, c.exprimes);
  if (c.abst >= 0) {
    const abstentions = countCell(grid, record, c.abst);
    if (registered !== voters + abstentions) failCell(grid, record, c.inscrits, `Votants + Abstentions = ${voters + abstentions} (${id})`);
  } else if (voters > registered) failCell(grid, record, c.votants, `at most Inscrits, ${registered} (${id})`);
  if (c.blancs >= 0 && c.nuls >= 0) {
    const spoilt = countCell(grid, record, c.blancs) + countCell(grid, record, c.nuls);
    if (voters !== valid + spoilt) failCell(grid, record, c.votants, `Exprimés + Blancs + Nuls = ${valid + spoilt} (${id})`);
  } else if (valid > voters) failCell(grid, record, c.exprimes, `at most Votants, ${voters} (${id})`);
  const candidates = rowCandidates(grid, c, record, c.circ >= 0);
  if (candidates.length === 0) failCell(grid, record, c.exprimes, `at least one candidate block in ${id}`);
  const sum = candidates.reduce((a, x) => a + x.votes, 0);
  if (sum !== valid) failCell(grid, record, c.exprimes, `the sum of the candidates' Voix in ${id} (${name}), ${sum}`);
  return {
    id,
    name,
    weight: c.circ >= 0 ? 1 : 0,
    region: bundled.departements?.get(dept)?.region,
    registered,
    voters,
    other: 0,
    candidates,
  };
}

/** French ordinal of a circonscription label: `1ère circonscription` -> `1re circonscription`, `2ème` -> `2e`; other labels unchanged. */
function circonscriptionLabel(label: string): string | undefined {
  const m = /^(\d+)\s*(?:ère|ere|re|ème|eme|e)\s+circonscription$/i.exec(label.trim());
  return m ? `${Number(m[1])}${Number(m[1]) === 1 ? 're' : 'e'} circonscription` : undefined;
}

/** A row's unit id, display name and INSEE département code. */
function unitIdentity(grid: RaceGrid, c: FrRaceColumns, record: CsvRecord): { id: string; name: string; dept: string } {
  let code = cellText(record, c.dept).toUpperCase();
  if (/^\d$/.test(code)) code = `0${code}`;
  if (!DEPT.test(code)) failCell(grid, record, c.dept, 'a département code (01…95, 2A, 2B, ZA…ZZ, 971…988)', true);
  const dept = MINISTRY_TO_INSEE[code] ?? code;
  const deptName = (c.deptName >= 0 ? cellText(record, c.deptName) : '') || dept;
  if (c.circ < 0) return { id: dept, name: deptName, dept };
  let circ = cellText(record, c.circ).toUpperCase();
  // 2024 writes the département before the number (`0101`, `ZZ11`, `97101`).
  for (const prefix of [code, dept]) if (circ.length > prefix.length && circ.startsWith(prefix)) circ = circ.slice(prefix.length);
  if (!/^\d{1,2}$/.test(circ) || Number(circ) === 0) failCell(grid, record, c.circ, `a circonscription number (1…99, or the département code then the number) in département ${code}`, true);
  const label = c.circName >= 0 ? cellText(record, c.circName) : '';
  const ordinal = circonscriptionLabel(label || `${Number(circ)}e circonscription`);
  // A single circonscription labelled as its collectivité (`Saint-Pierre-et-Miquelon`) keeps that name alone.
  const name = ordinal ? `${deptName} ${ordinal}` : label === deptName ? deptName : `${deptName} (${label})`;
  return { id: `${dept}-${circ.padStart(2, '0')}`, name, dept };
}

/** The candidates of one row, block by block; an empty block is skipped, a block without Nom or Voix is an error. */
function rowCandidates(grid: RaceGrid, c: FrRaceColumns, record: CsvRecord, needNuance: boolean): CandidateRecord[] {
  const candidates: CandidateRecord[] = [];
  rowBlocks(c, record).forEach((b, k) => {
    const cells = [b.nom, b.prenom, b.nuance, b.voix].filter((i) => i >= 0);
    if (cells.every((i) => cellText(record, i) === '')) return;
    const label = (column: number, what: string) => (c.layout === 'numbered' ? grid.header[column] : `${what} of candidate ${k + 1}`);
    const surname = cellText(record, b.nom);
    if (surname === '') failCell(grid, record, b.nom, "a candidate's surname", false, label(b.nom, 'Nom'));
    const votes = countCell(grid, record, b.voix, label(b.voix, 'Voix'));
    const nuance = b.nuance >= 0 ? cellText(record, b.nuance) : '';
    if (needNuance && nuance === '') failCell(grid, record, b.nuance, "the candidate's Nuance (the party seats are counted by)", false, label(b.nuance, 'Nuance'));
    const first = b.prenom >= 0 ? cellText(record, b.prenom) : '';
    candidates.push({ party: nuance || surname, votes, label: first ? `${first} ${surname}` : surname });
  });
  return candidates;
}
