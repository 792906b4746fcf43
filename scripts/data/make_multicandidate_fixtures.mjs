/**
 * Builds the multi-candidate race-file fixtures of issue 20 in test/fixtures/races/ from the real
 * files people download, keeping each file's own header, encoding, delimiter, line endings and
 * quirks, and checks every excerpt (votes add up, nothing lost). Dev tool, run by hand; tests read
 * the fixtures, never the sources. test/fixtures/races/README.md says where each source comes from.
 *
 *   node scripts/data/make_multicandidate_fixtures.mjs SOURCES_DIR
 *
 * SOURCES_DIR holds the source files under these names (the README gives repository, path and commit
 * of each; `git -C <mirror> show <commit>:<path> > SOURCES_DIR/<name>` recreates them):
 *   resultats-par-niveau-cirlg-t1-france-entiere.csv   Ministry 2022, round 1, by circonscription
 *   Leg_2017_Resultats_T1.xlsx                         Ministry 2017, round 1 workbook
 *   1976-2020-house.csv                                MEDSL U.S. House 1976–2020
 *   1976-2020-senate.csv                               MEDSL U.S. Senate 1976–2020
 * The 2024 round-2 excerpt (resultats-definitifs-par-circonscription-legislatives-2024-t2.csv) was
 * copied as the first 23 lines of its source text; this script only checks it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const SRC = process.argv[2];
if (!SRC) {
  console.error('usage: node scripts/data/make_multicandidate_fixtures.mjs SOURCES_DIR');
  process.exit(2);
}
const OUT = fileURLToPath(new URL('../../test/fixtures/races/', import.meta.url));
const fail = (msg) => {
  console.error(`check failed: ${msg}`);
  process.exit(1);
};
const num = (s) => Number(String(s).replace(/\s/g, ''));

// --- Ministry 2022 layout: `;`, Latin-1, CRLF, one header for the first candidate block only -------
const FR22_DEPTS = new Set(['01', '2A', '53', '75', 'ZA', 'ZZ']);
{
  const raw = readFileSync(join(SRC, 'resultats-par-niveau-cirlg-t1-france-entiere.csv'));
  const lines = raw.toString('latin1').split('\r\n');
  if (lines.at(-1) !== '') fail('2022 file does not end with CRLF');
  const kept = [lines[0], ...lines.slice(1, -1).filter((l) => FR22_DEPTS.has(l.split(';')[0]))];
  for (const l of kept.slice(1)) {
    const f = l.split(';');
    const blocks = f.slice(19);
    let sum = 0;
    for (let i = 0; i + 8 < blocks.length; i += 9) sum += num(blocks[i + 5]);
    if (sum !== num(f[16])) fail(`2022 ${f[0]}-${f[2]}: candidates sum to ${sum}, Exprimés ${f[16]}`);
  }
  writeFileSync(join(OUT, 'resultats-par-niveau-cirlg-t1-france-entiere-2022.csv'), Buffer.from(kept.join('\r\n') + '\r\n', 'latin1'));
  console.log(`2022 layout: ${kept.length - 1} circonscriptions of ${[...FR22_DEPTS].join(', ')}`);
}

// --- Ministry 2017 layout: the workbook's "Circo. leg. T1" sheet, every block with its own header ---
const FR17_DEPTS = new Set(['1', '56', '75', '80', 'ZW', 'ZZ']);
{
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(join(SRC, 'Leg_2017_Resultats_T1.xlsx'));
  const sheet = source.getWorksheet('Circo. leg. T1');
  if (!sheet) fail('2017 workbook has no sheet "Circo. leg. T1"');
  const out = new ExcelJS.Workbook();
  out.created = out.modified = new Date('2017-06-14T00:00:00Z'); // fixed, so a re-run writes the same bytes
  const copy = out.addWorksheet('Circo. leg. T1');
  let kept = 0;
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const values = row.values.slice(1);
    const code = String(values[0] ?? '');
    if (r > 3 && !FR17_DEPTS.has(code)) return;
    copy.addRow(values);
    if (r <= 3) return;
    kept++;
    let sum = 0;
    for (let i = 18; i + 8 < values.length + 9; i += 9) if (typeof values[i + 5] === 'number') sum += values[i + 5];
    if (sum !== values[15]) fail(`2017 ${code}/${values[2]}: candidates sum to ${sum}, Exprimés ${values[15]}`);
  });
  await out.xlsx.writeFile(join(OUT, 'Leg_2017_Resultats_T1-circonscriptions.xlsx'));
  console.log(`2017 layout: ${kept} circonscriptions (title rows and header kept)`);
}

// --- Ministry 2024 numbered layout (round 2): check only ---------------------------------------
{
  const text = readFileSync(join(OUT, 'resultats-definitifs-par-circonscription-legislatives-2024-t2.csv'), 'utf8');
  const { data } = Papa.parse(text.trimEnd(), { delimiter: ';' });
  const header = data[0];
  for (const row of data.slice(1)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    let sum = 0;
    let elected = 0;
    for (let k = 1; `Voix ${k}` in rec; k++) {
      if (rec[`Voix ${k}`] !== '') sum += num(rec[`Voix ${k}`]);
      if (rec[`Elu ${k}`] === 'élu') elected++;
    }
    const id = rec['Code circonscription législative'];
    if (sum !== num(rec['Exprimés'])) fail(`2024 ${id}: candidates sum to ${sum}, Exprimés ${rec['Exprimés']}`);
    if (num(rec.Inscrits) !== num(rec.Votants) + num(rec.Abstentions)) fail(`2024 ${id}: Inscrits ≠ Votants + Abstentions`);
    if (num(rec.Votants) !== num(rec['Exprimés']) + num(rec.Blancs) + num(rec.Nuls)) fail(`2024 ${id}: Votants ≠ Exprimés + Blancs + Nuls`);
    if (elected !== 1) fail(`2024 ${id}: ${elected} candidates marked élu`);
  }
  console.log(`2024 numbered layout: ${data.length - 1} circonscriptions checked`);
}

// --- MEDSL returns: lines kept byte for byte, header first ----------------------------------------
function medslExcerpt(file, out, keep) {
  const text = readFileSync(join(SRC, file), 'utf8');
  const lines = text.split('\n');
  const header = lines[0];
  const cols = Papa.parse(header).data[0];
  const kept = [header];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const rec = Object.fromEntries(cols.map((c, i) => [c, Papa.parse(line).data[0][i]]));
    if (keep(rec)) kept.push(line);
  }
  writeFileSync(join(OUT, out), kept.join('\n') + '\n');
  return kept.length - 1;
}
const HOUSE = { 2020: new Set(['AK', 'CT', 'IA', 'ME', 'NY']) };
const SENATE = { 2020: new Set(['AZ', 'GA', 'ME', 'NC']), 2018: new Set(['MN', 'MS']) };
console.log(`MEDSL House: ${medslExcerpt('1976-2020-house.csv', 'medsl_1976-2020_house-excerpt.csv', (r) => HOUSE[r.year]?.has(r.state_po))} rows`);
console.log(`MEDSL Senate: ${medslExcerpt('1976-2020-senate.csv', 'medsl_1976-2020_senate-excerpt.csv', (r) => SENATE[r.year]?.has(r.state_po))} rows`);
