/**
 * Types of the race-file readers: what a user's results file is read as, and how.
 */
import type { ResultUnit, Side } from '../../model/types.js';
import type { LoadedResults } from '../usResults.js';

/** File layouts the readers know. `auto` detects one from the header (and `.xlsx` extension). */
export type RaceFormat = 'table' | 'medsl' | 'fr-ministere';

/**
 * How units are weighted: `electoral-votes` (that year's apportioned electoral votes from the bundled
 * data, US state files only), `0` (every unit weighs 0: the national vote decides), or the name of
 * a column holding each unit's weight.
 */
export type RaceWeights = 'electoral-votes' | 0 | string;

/** Options of the race readers (the `race` key of a scenario and `results --file`). */
export interface RaceFileOptions {
  /** Layout of the file; `auto` (default) detects it from the header. */
  format?: RaceFormat | 'auto';
  /** Election year. MEDSL: picks the year's rows (required when the file holds several). Others: recorded. */
  year?: number;
  /** Round (French files): recorded; defaults to the `t1`/`t2` in the file name, else 2 when two candidates stand. */
  round?: number;
  /** Unit weights; default: `weight` column (table), `electoral-votes` (MEDSL), 0 (fr-ministere). */
  weights?: RaceWeights;
  /** The two sides, first is "ours": table side columns, MEDSL `D`/`R`, French surnames as written. */
  sides?: [Side, Side];
}

/** One column of the file and what it was read as (shown by `results --file` in text mode). */
export interface RaceColumnUse {
  /** Column name in the file (or a description of a repeated block). */
  column: string;
  /** What it was read as, in words (`votes of side D`, `unit id`, `ignored`). */
  readAs: string;
}

/** A unit of a race file: the contract unit plus every candidate's or party's votes. */
export interface RaceUnit extends ResultUnit {
  /** Votes of every side column, candidate or party in the unit (`{MACRON: …, 'LE PEN': …}`). */
  parties: Record<string, number>;
}

/** A race read from a user's file: the `results --json` contract plus how the file was read. */
export interface RaceFileResults extends LoadedResults {
  units: RaceUnit[];
  /** Layout the file was read as. */
  format: RaceFormat;
  /** Text encoding detected (absent for spreadsheets). */
  encoding?: string;
  /** Field delimiter detected (absent for spreadsheets). */
  delimiter?: string;
  /** Which column was read as what. */
  columns: RaceColumnUse[];
  /** Decisions worth telling the user (rows skipped as blank, round inferred, ballots not counted as votes). */
  notes: string[];
}
