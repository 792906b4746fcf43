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
import { cellAddress, cellText, countCell, failCell, findColumn, isBlankRecord, missingColumn, weightCell, type RaceGrid } from './raceGrid.js';

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
  return findColumn(header, 'Inscrits') >= 0 && (findColumn(header, 'Voix') >= 0 || header.some((h) => /^voix[_ ]candidat[_ ]/i.test(h.trim())));
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
 * @throws {InputError} a missing column, a candidate block cut short, an unknown code, a bad count, a
 *   failed identity (naming the cell and the expected value), an unknown side.
 * @example
 * parseFrMinistere(grid2022t2, {}).popularVote // => { MACRON: 18768639, 'LE PEN': 13288686, other: 0, total: 32057325 }
 */
export function parseFrMinistere(grid: RaceGrid, options: RaceFileOptions = {}, bundled: FrBundledData = {}): RaceFileResults {
  const h = grid.header;
  const need = (expected: string, ...names: string[]): number => {
    const i = findColumn(h, ...names);
    if (i < 0) throw missingColumn(grid, `a Ministry header with a "${expected}" column`);
    return i;
  };
  const codeCol = need('Code du département', 'Code du département', 'Code département', 'Code du departement', 'Code');
  const nameCol = findColumn(h, 'Libellé du département', 'Libellé département', 'Libellé');
  const inscritsCol = need('Inscrits', 'Inscrits');
  const abstCol = findColumn(h, 'Abstentions');
  const votantsCol = need('Votants', 'Votants');
  const exprimesCol = need('Exprimés', 'Exprimés');
  const blancsCol = findColumn(h, 'Blancs');
  const nulsCol = findColumn(h, 'Nuls');
  const blancsNulsCol = findColumn(h, 'Blancs et nuls', 'Blancs et Nuls');

  // Candidate columns: the wide variant, or repeated blocks.
  const wide = h.map((name, i) => ({ i, m: /^voix[_ ]candidat[_ ](.+)$/i.exec(name.trim()) })).filter((x) => x.m);
  let blockStart = -1;
  let blockWidth = 0;
  let nomOffset = -1;
  let prenomOffset = -1;
  let voixOffset = -1;
  if (wide.length === 0) {
    const nomCol = need('Nom', 'Nom');
    const voixCol = need('Voix', 'Voix');
    const starts = [findColumn(h, 'N°Panneau', 'N° Panneau', 'Panneau'), findColumn(h, 'Sexe'), nomCol].filter((i) => i >= 0);
    blockStart = Math.min(...starts);
    blockWidth = h.length - blockStart;
    nomOffset = nomCol - blockStart;
    voixOffset = voixCol - blockStart;
    const prenomCol = findColumn(h, 'Prénom');
    prenomOffset = prenomCol > blockStart ? prenomCol - blockStart : -1;
    if (voixOffset < 0) throw missingColumn(grid, 'the "Voix" column inside the candidate block that starts at "Nom"');
  }

  const candidates = new Map<string, Candidate>();
  const units: RaceUnit[] = [];
  const seen = new Set<string>();
  let blank = 0;
  const perUnit: { record: (typeof grid.records)[number]; votes: Map<string, number>; registered: number; abstentions: number; voters: number; blankSpoiled: number; valid: number; id: string; name: string }[] = [];
  for (const record of grid.records) {
    if (isBlankRecord(record)) {
      blank++;
      continue;
    }
    let code = cellText(record, codeCol).toUpperCase();
    if (/^\d$/.test(code)) code = `0${code}`;
    if (!CODE.test(code)) failCell(grid, record, codeCol, 'a département code (01…95, 2A, 2B, ZA…ZX, ZZ)', true);
    if (seen.has(code)) failCell(grid, record, codeCol, 'a département listed once', true);
    seen.add(code);
    const registered = countCell(grid, record, inscritsCol);
    const voters = countCell(grid, record, votantsCol);
    const valid = countCell(grid, record, exprimesCol);
    let abstentions = registered - voters;
    if (abstCol >= 0) {
      abstentions = countCell(grid, record, abstCol);
      if (registered !== voters + abstentions) failCell(grid, record, inscritsCol, `Votants + Abstentions = ${voters + abstentions}`);
    } else if (abstentions < 0) failCell(grid, record, votantsCol, `at most Inscrits, ${registered}`);
    let blankSpoiled = voters - valid;
    if (blancsCol >= 0 && nulsCol >= 0) blankSpoiled = countCell(grid, record, blancsCol) + countCell(grid, record, nulsCol);
    else if (blancsNulsCol >= 0) blankSpoiled = countCell(grid, record, blancsNulsCol);
    if (voters !== valid + blankSpoiled) failCell(grid, record, votantsCol, `Exprimés + Blancs + Nuls = ${valid + blankSpoiled}`);

    const votes = new Map<string, number>();
    const add = (surname: string, firstName: string, column: number, name?: string) => {
      if (votes.has(surname)) failCell(grid, record, column, 'a candidate listed once per row', false, name);
      votes.set(surname, countCell(grid, record, column, name));
      if (!candidates.has(surname)) candidates.set(surname, { surname, firstName });
    };
    if (wide.length > 0) {
      for (const { i, m } of wide) add(m![1]!.trim(), '', i);
    } else {
      for (let start = blockStart, k = 1; start < record.cells.length; start += blockWidth, k++) {
        const block = record.cells.slice(start, start + blockWidth);
        const label = (offset: number) => `${h[blockStart + offset]} of candidate ${k}`;
        if (block.every((c) => c.trim() === '')) continue;
        if (block.length < blockWidth) {
          throw new InputError({ file: grid.file, at: cellAddress(grid, record.line, record.cells.length - 1), expected: `a candidate block of ${blockWidth} cells (${h.slice(blockStart).join(', ')})`, found: `${block.length} cells` });
        }
        const surname = cellText(record, start + nomOffset);
        if (surname === '') failCell(grid, record, start + nomOffset, "a candidate's surname", false, label(nomOffset));
        add(surname, prenomOffset >= 0 ? cellText(record, start + prenomOffset) : '', start + voixOffset, label(voixOffset));
      }
    }
    if (votes.size === 0) failCell(grid, record, blockStart >= 0 ? blockStart : codeCol, 'at least one candidate block');
    const sum = [...votes.values()].reduce((a, b) => a + b, 0);
    if (sum !== valid) failCell(grid, record, exprimesCol, `the sum of the candidates' Voix, ${sum}`);
    perUnit.push({ record, votes, registered, abstentions, voters, blankSpoiled, valid, id: code, name: nameCol >= 0 ? cellText(record, nameCol) || code : code });
  }
  if (perUnit.length === 0) throw new InputError({ file: grid.file, expected: 'at least one département row after the header', found: 'none' });

  const national = new Map<string, number>();
  for (const u of perUnit) for (const [c, v] of u.votes) national.set(c, (national.get(c) ?? 0) + v);
  let sides: [Side, Side];
  if (options.sides) {
    const match = options.sides.map((s) => [...candidates.keys()].find((c) => c === s) ?? [...candidates.keys()].find((c) => c.toUpperCase() === s.toUpperCase()));
    if (match.some((m) => m === undefined) || match[0] === match[1]) {
      // Surnames shaped like a person's full name or free text are not listed (a list given as a results file).
      const listed = [...candidates.keys()].filter((c) => isShownCell(c));
      const hidden = candidates.size - listed.length;
      throw new InputError({ file: grid.file, at: 'sides', expected: `two different candidates' surnames as written in the file (${[...listed, ...(hidden > 0 ? [`${hidden} not shown`] : [])].join(', ')})`, found: JSON.stringify(options.sides) });
    }
    sides = [match[0]!, match[1]!];
  } else {
    const ranked = [...national].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    if (ranked.length < 2) throw new InputError({ file: grid.file, expected: 'at least two candidates', found: `${ranked.length}` });
    sides = [ranked[0]!, ranked[1]!];
  }
  const weights = options.weights ?? 0;
  let weightCol = -1;
  if (weights === 'electoral-votes') throw new InputError({ at: 'weights', expected: '0 or a column name for a French file', found: '"electoral-votes"' });
  if (weights !== 0) {
    weightCol = findColumn(h, String(weights));
    if (weightCol < 0) throw missingColumn(grid, `a header with the weights column "${weights}"`);
  }

  for (const u of perUnit) {
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
    units.push(unit);
  }

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
  const columns: RaceColumnUse[] = [
    { column: h[codeCol]!, readAs: 'unit id (département code)' },
    ...(nameCol >= 0 ? [{ column: h[nameCol]!, readAs: 'unit name' }] : []),
    { column: h[inscritsCol]!, readAs: 'registered voters (eligible)' },
    ...(abstCol >= 0 ? [{ column: h[abstCol]!, readAs: 'abstentions (checked: Inscrits = Votants + Abstentions)' }] : []),
    { column: h[votantsCol]!, readAs: 'ballots cast (checked: Votants = Exprimés + Blancs + Nuls)' },
    ...(blancsCol >= 0 && nulsCol >= 0 ? [{ column: `${h[blancsCol]}, ${h[nulsCol]}`, readAs: 'blank and spoiled ballots' }] : blancsNulsCol >= 0 ? [{ column: h[blancsNulsCol]!, readAs: 'blank and spoiled ballots' }] : []),
    { column: h[exprimesCol]!, readAs: "valid votes (total; checked: the candidates' Voix sum to it)" },
  ];
  if (wide.length > 0) {
    for (const { i, m } of wide) {
      const c = m![1]!.trim();
      columns.push({ column: h[i]!, readAs: sides.includes(c) ? `votes of side ${c}${c === sides[0] ? ' (ours)' : ''}` : `votes of ${c}, added to other` });
    }
  } else {
    const others = [...candidates.keys()].filter((c) => !sides.includes(c));
    columns.push({
      column: `${h.slice(blockStart).join(', ')} × ${candidates.size}`,
      readAs: `one block of ${blockWidth} cells per candidate, only the first with a header: Nom is the candidate, Voix its votes; sides ${sides.join(' and ')}${others.length > 0 ? `, the other ${others.length} in other` : ''}`,
    });
  }
  if (weightCol >= 0) columns.push({ column: h[weightCol]!, readAs: 'unit weight' });
  const used = new Set([codeCol, nameCol, inscritsCol, abstCol, votantsCol, exprimesCol, blancsCol, nulsCol, blancsNulsCol, weightCol, ...wide.map((w) => w.i)]);
  const ignored = h.filter((name, i) => !used.has(i) && (blockStart < 0 || i < blockStart) && name !== '');
  if (ignored.length > 0) columns.push({ column: ignored.join(', '), readAs: 'not read (percentages follow from the counts)' });
  const names = (s: string) => {
    const c = candidates.get(s)!;
    return c.firstName ? `${c.firstName} ${c.surname}` : c.surname;
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
