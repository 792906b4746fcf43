/**
 * A multi-candidate race from a table with one column of votes per party (data/races/ca-2011-federal-ridings.csv,
 * data/races/uk-2024-general-election-constituencies.csv, a user's table). Text in, race out: no file access.
 */
import { InputError, describeColumns } from '../errors.js';
import { CsvCells, parseCsvText } from '../data/parseCsvText.js';
import type { DataText } from '../data/dataText.js';
import { TABLE_RESERVED_COLUMNS } from '../data/race/parseRaceTable.js';
import { assembleRace, type UnitRecord } from './assembleRace.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** Options of {@link buildTableRace}. */
export interface TableRaceOptions {
  /** Parties to put first (ours first); the rest follow by national votes, descending. */
  order?: readonly string[];
  /** Citation of the figures; default `the table <file>`. */
  source?: string;
}

/**
 * Builds a race from a table: `id`, `name`, `weight` (seats or electoral votes), one column of valid votes
 * per party (every column that is not `id`, `name`, `weight`, `other`, `total`, `eligible` or `region`),
 * optionally `other` (every candidate without a column), `total` (valid votes, checked to equal the party
 * columns + `other`), `eligible` (registered voters or electorate) and `region`. A party column holding 0
 * means the party does not stand in that unit: it gets no slot there (a 0 is never a candidate with no
 * votes). Every party column is kept as a party, however many, even one that stands nowhere: nothing is
 * moved to `other`.
 *
 * @param table The table's text and file name.
 * @param options `order` (ours first), `source`.
 * @returns The race: one slot per party standing in each unit, `registered` from `eligible` (0 without
 *   the column), `voters` 0 (a table gives no ballots cast).
 * @throws {InputError} a missing `id`, `name` or `weight` column, fewer than two party columns, an id listed
 *   twice, a cell that is not a non-negative integer (weights may be decimals), a `total` that differs from
 *   the sum, a unit where no party stands (file, line, column, expected, found).
 * @example
 * buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,C,other\nN,North,1,120,80,0,5\n' }).parties // => ['A', 'B', 'C'] (slotParty [0, 1]: C has no slot)
 */
export function buildTableRace(table: DataText, options: TableRaceOptions = {}): MultiCandidateRace {
  const parsed = parseCsvText(table.text, table.file, ['id', 'name', 'weight']);
  const cells = new CsvCells(parsed);
  const reserved = new Set<string>(TABLE_RESERVED_COLUMNS);
  const partyColumns = parsed.header.filter((h) => !reserved.has(h.toLowerCase()));
  if (partyColumns.length < 2) {
    throw new InputError({ file: table.file, at: 'line 1', expected: 'a header with at least two party columns after id, name and weight', found: describeColumns(parsed.header) });
  }
  // Reserved columns are matched without regard to case (`Total`, `Region`), as the table reader does.
  const column = (name: string) => parsed.header.find((h) => h.toLowerCase() === name);
  const [other, total, eligible, region] = ['other', 'total', 'eligible', 'region'].map(column);
  const seen = new Set<string>();
  const units: UnitRecord[] = parsed.records.map((r) => {
    const id = cells.text(r, 'id');
    if (seen.has(id)) cells.fail(r, 'id', 'a unit id not listed before');
    seen.add(id);
    const candidates = partyColumns.flatMap((party) => {
      const votes = cells.count(r, party);
      return votes > 0 ? [{ party, votes, label: party }] : [];
    });
    if (candidates.length === 0) cells.fail(r, partyColumns[0]!, 'votes for at least one party in the unit');
    const otherVotes = other ? cells.count(r, other) : 0;
    const sum = candidates.reduce((a, c) => a + c.votes, otherVotes);
    if (total && cells.count(r, total) !== sum) cells.fail(r, total, `the party columns + other = ${sum}`);
    return {
      id,
      name: cells.text(r, 'name'),
      weight: weightCell(cells, r),
      region: region ? cells.text(r, region) : undefined,
      registered: eligible ? (cells.optionalCount(r, eligible) ?? 0) : 0,
      voters: 0,
      other: otherVotes,
      candidates,
    };
  });
  return assembleRace(units, { ...(options.order ? { order: options.order } : {}), source: options.source ?? `the table ${table.file}`, file: table.file, declared: partyColumns });
}

/** A unit's weight: a non-negative number (seats, electoral votes; decimals allowed). */
function weightCell(cells: CsvCells, r: Parameters<CsvCells['raw']>[0]): number {
  const text = cells.raw(r, 'weight').trim();
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !Number.isFinite(value)) cells.fail(r, 'weight', 'a non-negative number (seats or electoral votes)');
  return value;
}
