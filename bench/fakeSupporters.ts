/**
 * Writes a fake supporter-list CSV: invented names, e-mail addresses, phone numbers and streets, with
 * a territory column in the forms real exports use (codes, names, odd case, blanks, junk), for the
 * list-import benchmark and the privacy test. Deterministic for a given seed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Riley', 'Rowan', 'Sawyer'];
const LAST = ['Abernathy', 'Brightwater', 'Castellano', 'Drummond', 'Eastwick', 'Fairbanks', 'Galloway', 'Holloway', 'Ironside', 'Kingsley', 'Lockhart', 'Merriweather', 'Northcott', 'Pemberton', 'Quartermain', 'Ravensworth'];
const US = ['FL', 'PA', 'mi', 'Wisconsin', 'ARIZONA', 'ga', 'North Carolina', 'NV', 'tx', 'California', 'NY', 'oh', 'District of Columbia', 'ME', 'ne', 'New Hampshire'];
const FR = ['75011', '13001', '69003', '20000', '20200', '97400', '33000', 'Hérault', 'nord', '2A', "Côtes-d'Armor", '59', '1', '98800', 'Val-d’Oise', '67000'];

/** A small deterministic random source (32-bit LCG, Numerical Recipes constants); good enough for fake data. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** One fake person: the identifying fields and the territory cell. */
export interface FakeRow {
  name: string;
  email: string;
  phone: string;
  street: string;
  territory: string;
}

/** Fake row number `i`; every name, e-mail and phone is unique per row (they carry the row number). */
export function fakeRow(i: number, country: 'us' | 'fr', random: () => number): FakeRow {
  const first = FIRST[Math.floor(random() * FIRST.length)];
  const last = LAST[Math.floor(random() * LAST.length)];
  const pick = random();
  const places = country === 'us' ? US : FR;
  let territory = places[Math.floor(random() * places.length)];
  if (pick < 0.02) territory = '';
  else if (pick < 0.03) territory = `${first.toLowerCase()}.${i}@mail.example`; // an e-mail typed into the wrong column
  return {
    name: `${first} Q${i}x ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@mail.example`,
    phone: `+1-555-${String(i % 10000000).padStart(7, '0')}`,
    street: `${1 + (i % 9999)} ${last} Lane, "Apt ${i % 50}"`,
    territory,
  };
}

function quote(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Writes `rows` fake rows to `path` as CSV (`name,email,phone,street,state`), streaming.
 *
 * @returns the rows written (for the privacy test, when `keep` is set)
 */
export async function writeFakeSupporters(
  path: string,
  options: { rows: number; country: 'us' | 'fr'; seed?: number; keep?: boolean; separator?: ',' | ';'; crlf?: boolean },
): Promise<FakeRow[]> {
  const random = lcg(options.seed ?? 1);
  const sep = options.separator ?? ',';
  const eol = options.crlf ? '\r\n' : '\n';
  const out = createWriteStream(path);
  const kept: FakeRow[] = [];
  let buffer = `\uFEFFname${sep}email${sep}phone${sep}street${sep}${options.country === 'us' ? 'state' : 'code postal'}${eol}`;
  for (let i = 0; i < options.rows; i += 1) {
    const row = fakeRow(i, options.country, random);
    if (options.keep) kept.push(row);
    buffer += [row.name, row.email, row.phone, row.street, row.territory].map(quote).join(sep) + eol;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return kept;
}
