/**
 * Polls as read from a poll file, before aggregation. Browser-safe plain data.
 *
 * Units are explicit: dates are whole days since 1970-01-01 (UTC; see pollDates.ts), candidate
 * numbers are percents of respondents (0–100) whatever the file wrote, margins are two-party margins
 * in percentage points (pp) toward the first side: 100 × (A − B) / (A + B).
 */
import type { Side } from '../model/types.js';

/** The id national polls carry in {@link Poll.unit}. */
export const NATIONAL_UNIT = 'US';

/**
 * Layouts of a poll file.
 * - `fivethirtyeight`: FiveThirtyEight's poll exports (`president_polls.csv` and its kin): one row per
 *   answer of a question, columns `poll_id`, `question_id`, `state` (a state name, a district as
 *   `Maine CD-2`, empty for national), `start_date`, `end_date`, `sample_size`, `population`
 *   (`lv`, `rv`, `a`, `v`), `pollster`, `methodology`, `party`, `answer`/`candidate_name`, `pct`.
 * - `fivethirtyeight-raw`: FiveThirtyEight's pollster-ratings record (`raw-polls.csv`): one row per
 *   question, `race`, `type_simple` (`Pres-G`…), `location` (USPS code, `US`, `M1`, `N2`), `polldate`,
 *   `samplesize`, `cand1_party`, `cand1_pct`, `cand2_party`, `cand2_pct`, `cand3_pct`.
 * - `economist`: the Economist's and HuffPost Pollster's files: one row per poll and population,
 *   `state` (USPS code, `--` national), `pollster`, `number.of.observations`, `start.date`, `end.date`
 *   (`m/d/yy` or `YYYY-MM-DD`), one column per candidate named after them (`obama`, `clinton`),
 *   `other`, `undecided`, `mode`, `population` (`Likely Voters`; sub-populations such as
 *   `Likely Voters - Democrat` are not toplines).
 * - `table`: a plain table, `unit,date,sampleSize,<side or candidate>…` (one column per side, numbers
 *   as percents or shares), or `unit,date,sampleSize,margin` (two-party margin, pp); optional columns
 *   `start`, `pollster`, `population`.
 */
export type PollFormat = 'fivethirtyeight' | 'fivethirtyeight-raw' | 'economist' | 'table';

/** How a file writes candidates' numbers: `percent` (45 for 45 %) or `share` (0.45). */
export type PollScale = 'percent' | 'share';

/** Who was asked: likely voters, registered voters, all adults, or "voters" unspecified. */
export type PollPopulation = 'lv' | 'rv' | 'a' | 'v';

/** One poll (one topline question of one poll), as used by the aggregation. */
export interface Poll {
  /** Line of the file the poll starts on (its first answer row for `fivethirtyeight`). */
  line: number;
  /** Territory id, or {@link NATIONAL_UNIT} for a national poll. */
  unit: string;
  /** First and last day in the field, days since 1970-01-01 (start ≤ end). */
  start: number;
  end: number;
  /** Day the poll was published or entered in the file, when the file says (days since 1970-01-01). */
  published?: number;
  pollster: string;
  /** Respondents; absent when the file does not give it (the aggregation then uses the file's median). */
  sampleSize?: number;
  population: PollPopulation;
  /** Interview mode as written (`Live Phone`, `Internet`), when given. */
  mode?: string;
  /** Two-party margin, pp toward the first side: 100 × (A − B) / (A + B). */
  margin: number;
  /**
   * Share of respondents choosing one of the two sides, 0–1 ((A + B) / 100 with A, B in percent);
   * absent when the file gives a margin only. 1 − decided is the undecided and third-party share.
   */
  decided?: number;
}

/** Why a record of a poll file was left out; every record is either a poll or counted under a reason. */
export type PollLeftOutReason =
  | 'sub-population'
  | 'another question of the same poll'
  | 'overlapping release of a tracking poll'
  | 'another race'
  | 'another election year'
  | 'a side not asked';

/** A poll file as read. */
export interface PollFile {
  /** The file as named in messages. */
  file: string;
  format: PollFormat;
  /** [ours, theirs]: margins are toward `sides[0]`. */
  sides: [Side, Side];
  /** The column or candidate read for each side (`clinton`, `Hillary Clinton`, `DEM`). */
  read: Record<Side, string>;
  /**
   * How the file wrote its numbers: candidates' numbers as `percent` (45) or `share` (0.45); for a table
   * of margins, `percent` is pp (−7.5) and `share` a share of the two-party vote (−0.075).
   */
  scale: PollScale;
  /** True when the scale was told from the numbers, false when the scenario stated it (`scale`). */
  scaleDetected: boolean;
  /** Records read: rows, or questions for `fivethirtyeight` (one question spans several rows). */
  records: number;
  /** Polls kept, sorted by end day then line. */
  polls: Poll[];
  /** Records left out, by reason (the counts add up: records = polls + left out). */
  leftOut: Partial<Record<PollLeftOutReason, number>>;
  /** Polls whose sample size the file leaves blank. */
  withoutSampleSize: number;
}
