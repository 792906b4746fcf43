/**
 * Builds two 2022 runoff race-file fixtures in test/fixtures/races/ from the project's own tables
 * (data/fr_president_votes.csv, data/fr_president_turnout.csv, data/fr_departements.csv), in the two
 * layouts the Interior Ministry publishes:
 *
 * - fr_presidentielle_2022_departements_t2.csv: the wide layout, one `Voix_candidat_<NOM>` column (and its
 *   two percentages) per candidate, `,`-separated, UTF-8;
 * - resultats-par-niveau-dpt-t2-france-entiere.xlsx: the "résultats par niveau" workbook, whose second
 *   candidate block (`Sexe, Nom, Prénom, Voix, % Voix/Ins, % Voix/Exp`) has no header, with the Ministry's
 *   letter codes for the overseas départements (`ZA` … `ZZ`).
 *
 * data/ keeps blank and spoiled ballots in one column, so `Blancs` holds both and `Nuls` is 0; every
 * percentage is computed from the counts, rounded to two decimals as the Ministry does.
 * Dev tool, run by hand: node --import tsx scripts/data/make_ministry_fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parseDelimited } from '../../src/io/parseDelimited.js';
import { MINISTRY_TO_INSEE } from '../../src/data/race/parseFrMinistere.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'test', 'fixtures', 'races');
/** The 2022 finalists: the party codes of data/ and how the Ministry writes the candidates. */
const FINALISTS = [
  { party: 'LREM', sex: 'M', surname: 'MACRON', first: 'Emmanuel' },
  { party: 'RN', sex: 'F', surname: 'LE PEN', first: 'Marine' },
];
const TURNOUT = ['Code du département', 'Libellé du département', 'Etat saisie', 'Inscrits', 'Abstentions', '% Abs/Ins',
  'Votants', '% Vot/Ins', 'Blancs', '% Blancs/Ins', '% Blancs/Vot', 'Nuls', '% Nuls/Ins', '% Nuls/Vot',
  'Exprimés', '% Exp/Ins', '% Exp/Vot'];
const BLOCK = ['Sexe', 'Nom', 'Prénom', 'Voix', '% Voix/Ins', '% Voix/Exp'];

/** Rows of a data/ table as objects keyed by its header. */
function table(file: string): Record<string, string>[] {
  const t = parseDelimited(readFileSync(join(root, 'data', file), 'utf8'), { file });
  return t.records.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i] ?? ''])));
}

const pct = (part: number, whole: number): number => Math.round((10000 * part) / whole) / 100;
const names = new Map(table('fr_departements.csv').map((r) => [r.id, r.name]));
const votes = new Map<string, number>();
for (const r of table('fr_president_votes.csv')) if (r.year === '2022' && r.round === '2') votes.set(`${r.id}/${r.party}`, Number(r.votes));
const insee = Object.fromEntries(Object.entries(MINISTRY_TO_INSEE).map(([ministry, code]) => [code, ministry]));

/** One row per unit: the Ministry's code and name, turnout figures, then each finalist's block. */
const rows = table('fr_president_turnout.csv')
  .filter((r) => r.year === '2022' && r.round === '2')
  .map((r) => {
    const [registered, abstentions, voters, blank, valid] = [r.registered, r.abstentions, r.voters, r.blank_spoiled, r.valid].map(Number);
    const name = names.get(r.id);
    if (name === undefined) throw new Error(`data/fr_departements.csv has no name for ${r.id}`);
    const turnout = [insee[r.id] ?? r.id, name, 'Complet', registered, abstentions, pct(abstentions, registered), voters, pct(voters, registered),
      blank, pct(blank, registered), pct(blank, voters), 0, 0, 0, valid, pct(valid, registered), pct(valid, voters)];
    const blocks = FINALISTS.map((c) => {
      const v = votes.get(`${r.id}/${c.party}`);
      if (v === undefined) throw new Error(`data/fr_president_votes.csv has no 2022 runoff votes for ${c.party} in ${r.id}`);
      return { ...c, votes: v, ofRegistered: pct(v, registered), ofValid: pct(v, valid) };
    });
    return { turnout, blocks };
  });

// The wide CSV: each candidate's three columns named after the candidate.
const wideHeader = [...TURNOUT, ...FINALISTS.flatMap((c) => [`Voix_candidat_${c.surname}`, `% Voix/Ins_candidat_${c.surname}`, `% Voix/Exp_candidat_${c.surname}`])];
const quote = (cell: string | number): string => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell));
const wide = [wideHeader, ...rows.map((r) => [...r.turnout, ...r.blocks.flatMap((b) => [b.votes, b.ofRegistered, b.ofValid])])];
writeFileSync(join(OUT, 'fr_presidentielle_2022_departements_t2.csv'), wide.map((line) => line.map(quote).join(',')).join('\n') + '\n');

// The workbook: one header over the turnout columns and the first block only.
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Résultats par niveau Dpt T2 Fra');
sheet.addRow([...TURNOUT, ...BLOCK]);
for (const r of rows) sheet.addRow([...r.turnout, ...r.blocks.flatMap((b) => [b.sex, b.surname, b.first, b.votes, b.ofRegistered, b.ofValid])]);
await workbook.xlsx.writeFile(join(OUT, 'resultats-par-niveau-dpt-t2-france-entiere.xlsx'));
console.log(`wrote ${rows.length} units to ${OUT}: the wide CSV and the workbook`);
