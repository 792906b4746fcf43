/**
 * Open-primary participation benchmarks (2011 French Socialist primary, 2005 Italian centre-left
 * primary), from data/primaries.json. Text in, typed facts out (no file access).
 */
import type { Citation } from '../model/types.js';
import { parseJsonText } from './parseJsonText.js';
import { JsonReader } from './jsonReader.js';
import type { DataText } from './dataText.js';

/** One round of a primary. */
export interface PrimaryRound {
  round: number;
  /** ISO date. */
  date: string;
  /** People who voted, count. */
  voters: number;
  /** Valid votes, count; null where not published in the sources. */
  valid: number | null;
  /** Candidate shares of valid votes, 0–1. */
  shares: Record<string, number>;
  /** Candidate votes where published, count. */
  votes: Record<string, number> | null;
}

/** A primary with its national participation. */
export interface Primary {
  /** `fr-ps-2011`, `it-unione-2005`. */
  id: string;
  country: string;
  name: string;
  fee: string;
  /** Organisers' expected turnout, count. */
  expectedVoters: { value: number; citation: Citation };
  rounds: PrimaryRound[];
  citation: Citation;
}

function numberRecord(r: JsonReader, value: unknown, at: string): Record<string, number> {
  const o = r.object(value, at);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r.number(v, `${at}.${k}`)]));
}

/**
 * Parses data/primaries.json.
 *
 * @param primaries Text of the file.
 * @returns The primaries with their rounds and citations.
 * @throws {InputError} on malformed JSON (line, column) or a missing or ill-typed key (key path).
 * @example
 * parsePrimaries(text).find((p) => p.id === 'fr-ps-2011')?.rounds[1]?.voters // => 2860157
 */
export function parsePrimaries(primaries: DataText): Primary[] {
  const r = new JsonReader(primaries.file);
  const root = r.object(parseJsonText(primaries.text, primaries.file), '(root)');
  return r.array(root.primaries, 'primaries').map((value, i) => {
    const at = `primaries[${i}]`;
    const o = r.object(value, at);
    const expected = r.object(o.expectedVoters, `${at}.expectedVoters`);
    return {
      id: r.string(o.id, `${at}.id`),
      country: r.string(o.country, `${at}.country`),
      name: r.string(o.name, `${at}.name`),
      fee: r.string(o.fee, `${at}.fee`),
      expectedVoters: {
        value: r.number(expected.value, `${at}.expectedVoters.value`),
        citation: r.citation(expected.citation, `${at}.expectedVoters.citation`),
      },
      rounds: r.array(o.rounds, `${at}.rounds`).map((rv, j) => {
        const rat = `${at}.rounds[${j}]`;
        const ro = r.object(rv, rat);
        return {
          round: r.number(ro.round, `${rat}.round`),
          date: r.string(ro.date, `${rat}.date`),
          voters: r.number(ro.voters, `${rat}.voters`),
          valid: r.nullableNumber(ro.valid ?? null, `${rat}.valid`),
          shares: numberRecord(r, ro.shares, `${rat}.shares`),
          votes: ro.votes === null || ro.votes === undefined ? null : numberRecord(r, ro.votes, `${rat}.votes`),
        };
      }),
      citation: r.citation(o.citation, `${at}.citation`),
    };
  });
}
