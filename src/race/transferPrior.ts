/**
 * Vote transfers between the rounds ("reports de voix") as a prior: for each round-1 origin (every party,
 * `other`, and the registered voters who cast no valid vote), a Dirichlet distribution over where its voters
 * go in round 2: each party (when it is a finalist), blank or null, abstention.
 *
 * One row per origin covers every finalist set at once: a round-2 contest between the finalist parties F
 * uses the row restricted to F ∪ {blank/null, abstention} and renormalised. For a Dirichlet this
 * restriction is again a Dirichlet with the same parameters on the kept coordinates (the aggregation
 * property: Ng, Tian & Tang 2011, *Dirichlet and Related Distributions*, Wiley, §2.2), so a survey that
 * measured the finalists {LREM, RN} is reproduced exactly when the finalists are LREM and RN. A set the
 * survey did not measure falls back to the row's documented default (below), never to a mix.
 *
 * Defaults for rows no survey sources (reported as assumed):
 * - an eliminated party or `other`: the flat Dirichlet (every parameter 1: each split of the voters
 *   between the finalists, blank/null and abstention equally likely, the Bayes–Laplace uniform prior);
 * - round-1 non-voters (abstained, blank or null): they abstain again (a point mass). In 2022, 35,923,707
 *   voted in round 1 and 35,096,478 in round 2 (data/fr_president_turnout.csv): turnout fell, so round-1
 *   non-voters did not add voters on net;
 * - a finalist's own round-1 voters vote for that finalist (applied by the round-2 rules, not a row).
 */
import { InputError, describeValue } from '../errors.js';
import { parseJsonText } from '../data/parseJsonText.js';

/** Origin row of round-1 `other` votes: index P. Round-1 non-voters: P + 1. */
export const OTHER_ORIGIN = 'other';
export const NON_VOTERS_ORIGIN = 'non-voters';
/** Destination codes beside the parties: blank or null ballot (not a valid vote), abstention. */
export const BLANK_NULL = 'blank_null';
export const ABSTENTION = 'abstention';

/** One measured row, e.g. Mélenchon's voters in 2022: `{LREM: 0.42, RN: 0.17, blank_null: 0.17, abstention: 0.24}`. */
export interface TransferRowSpec {
  /** A party code of the race, `other`, or `non-voters`. */
  origin: string;
  /** Shares 0–1 over finalist party codes, `blank_null` and `abstention`, summing to 1. */
  shares: Readonly<Record<string, number>>;
  /** Dirichlet concentration (sum of the parameters), > 0: parameter = concentration × share. */
  concentration: number;
  /** Citation (pollster, date, sample). */
  source: string;
}

/** How each origin row is sourced, for the output's list of assumed rows. */
export interface TransferRowInfo {
  /** `LFI`, `other`, `non-voters`. */
  origin: string;
  /** Finalist parties the survey measured this row for (`['LREM', 'RN']`), or none. */
  measuredFor: string[];
  /** The survey's citation, or how the default is set. */
  source: string;
}

/**
 * The transfer prior of a race with P parties. Rows and columns are indexed 0 .. P − 1 by party, then
 * origin P = `other`, P + 1 = non-voters; destination P = blank/null, P + 1 = abstention. Matrices are
 * row-major, (P + 2) × (P + 2).
 */
export interface TransferPrior {
  partyCount: number;
  parties: string[];
  /** Dirichlet parameters of the default rows (≥ 0; 0 = the destination never gets a share). */
  defaultAlpha: Float64Array;
  /** Dirichlet parameters of the measured rows (0 where not measured). */
  measuredAlpha: Float64Array;
  /** (P + 2) × P: 1 where origin row r was measured with party p among the finalists. */
  measuredFinalist: Uint8Array;
  /** Length P + 2: 1 when the origin row has a measure. */
  measured: Uint8Array;
  rows: TransferRowInfo[];
  /** Survey rows left aside and why (origin not a party of the race, finalists absent). */
  notes: string[];
}

const FLAT_SOURCE = 'assumed: flat Dirichlet (every split of the row equally likely)';
const NON_VOTERS_SOURCE = 'assumed: round-1 non-voters abstain in round 2 (2022 presidential turnout fell from round 1 to round 2)';

/**
 * The default transfer prior: every party's and `other`'s row flat, non-voters abstaining (see the module).
 *
 * @param parties Party codes of the race, ours first.
 * @returns A prior with no measured row.
 * @example
 * defaultTransferPrior(['A', 'B', 'C']).rows.map((r) => r.origin) // => ['A', 'B', 'C', 'other', 'non-voters']
 */
export function defaultTransferPrior(parties: readonly string[]): TransferPrior {
  const p = parties.length;
  const d = p + 2;
  const prior: TransferPrior = {
    partyCount: p,
    parties: [...parties],
    defaultAlpha: new Float64Array(d * d).fill(1),
    measuredAlpha: new Float64Array(d * d),
    measuredFinalist: new Uint8Array(d * p),
    measured: new Uint8Array(d),
    rows: [...parties, OTHER_ORIGIN, NON_VOTERS_ORIGIN].map((origin) => ({ origin, measuredFor: [], source: FLAT_SOURCE })),
    notes: [],
  };
  const nonVoters = (p + 1) * d;
  prior.defaultAlpha.fill(0, nonVoters, nonVoters + d);
  prior.defaultAlpha[nonVoters + p + 1] = 1;
  prior.rows[p + 1]!.source = NON_VOTERS_SOURCE;
  return prior;
}

/**
 * A transfer prior with measured rows over the default: each row's Dirichlet parameters are
 * concentration × share on the destinations it names (finalists, `blank_null`, `abstention`).
 *
 * @param parties Party codes of the race, ours first.
 * @param rows Measured rows (a survey, or a scenario's own figures).
 * @param file Where the rows come from, for error messages.
 * @returns The prior.
 * @throws {InputError} an origin or destination that is not a party of the race (or `other`, `non-voters`;
 *   `blank_null`, `abstention`), a share outside 0–1, shares not summing to 1 (± 0.001), a concentration
 *   that is not positive, a row with no party destination, an origin given twice.
 * @example
 * transferPriorFromRows(['LREM', 'RN', 'LFI'], [{ origin: 'LFI', shares: { LREM: 0.42, RN: 0.17, blank_null: 0.17, abstention: 0.24 }, concentration: 632, source: 'Ipsos 2022' }]).measuredAlpha[2 * 5] // => 265.44
 */
export function transferPriorFromRows(parties: readonly string[], rows: readonly TransferRowSpec[], file?: string): TransferPrior {
  const prior = defaultTransferPrior(parties);
  const p = parties.length;
  const d = p + 2;
  const originIndex = (code: string) => (code === OTHER_ORIGIN ? p : code === NON_VOTERS_ORIGIN ? p + 1 : parties.indexOf(code));
  const destIndex = (code: string) => (code === BLANK_NULL ? p : code === ABSTENTION ? p + 1 : parties.indexOf(code));
  const fail = (at: string, expected: string, found: unknown): never => {
    throw new InputError({ ...(file ? { file } : {}), at, expected, found: describeValue(found) });
  };
  for (const row of rows) {
    const o = originIndex(row.origin);
    const at = `transfers.${row.origin}`;
    if (o < 0) fail(at, `a party of the race, "${OTHER_ORIGIN}" or "${NON_VOTERS_ORIGIN}"`, row.origin);
    if (prior.measured[o] === 1) fail(at, 'an origin listed once', row.origin);
    if (!(row.concentration > 0) || !Number.isFinite(row.concentration)) fail(`${at}.concentration`, 'a positive number', row.concentration);
    let sum = 0;
    const finalists: string[] = [];
    for (const [code, share] of Object.entries(row.shares)) {
      const j = destIndex(code);
      if (j < 0) fail(`${at}.shares.${code}`, `a party of the race, "${BLANK_NULL}" or "${ABSTENTION}"`, code);
      if (!(share >= 0 && share <= 1)) fail(`${at}.shares.${code}`, 'a share between 0 and 1', share);
      prior.measuredAlpha[o * d + j] = row.concentration * share;
      if (j < p) {
        prior.measuredFinalist[o * p + j] = 1;
        finalists.push(code);
      }
      sum += share;
    }
    if (Math.abs(sum - 1) > 1e-3) fail(`${at}.shares`, 'shares summing to 1', Math.round(sum * 1e6) / 1e6);
    if (finalists.length === 0) fail(`${at}.shares`, 'shares naming at least one finalist party', Object.keys(row.shares).join(', '));
    prior.measured[o] = 1;
    prior.rows[o] = { origin: row.origin, measuredFor: finalists, source: row.source };
  }
  return prior;
}

/**
 * The origin rows a round-2 contest between `finalists` takes from defaults rather than a measure: every
 * row whose survey did not measure all these finalists (the finalists' own rows aside: their voters stay).
 *
 * @param prior The transfer prior.
 * @param finalists Finalist party indices.
 * @returns Origin codes whose row is assumed for this contest.
 * @example
 * assumedRows(prior2022, [0, 1]) // => ['RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO', 'other', 'non-voters']
 */
export function assumedRows(prior: TransferPrior, finalists: readonly number[]): string[] {
  const p = prior.partyCount;
  const out: string[] = [];
  for (let o = 0; o < p + 2; o++) {
    if (o < p && finalists.includes(o)) continue;
    if (!(prior.measured[o] === 1 && finalists.every((f) => prior.measuredFinalist[o * p + f] === 1))) out.push(prior.rows[o]!.origin);
  }
  return out;
}

/** A survey's citation in data/fr_transfers.json (the fields read). */
interface SurveySource {
  pollster?: unknown;
  title?: unknown;
  published?: unknown;
  sample?: unknown;
}

/** The shape of one election in data/fr_transfers.json (the fields read). */
interface SurveyElection {
  finalists?: unknown;
  source?: SurveySource;
  /** A row's own `source` is its citation when it comes from another survey than the election's. */
  rows?: Record<string, { shares?: unknown; concentration?: unknown; source?: SurveySource } | undefined>;
}

/** `Pollster, "title", date, N respondents`. */
function citation(s: SurveySource): string {
  return `${String(s.pollster)}, "${String(s.title)}", ${String(s.published)}, ${String(s.sample)} respondents`;
}

/**
 * The transfer prior of a race from the published second-round surveys in data/fr_transfers.json: the
 * year's measured rows (2022: Mélenchon, Jadot, Pécresse's voters, Ipsos / Sopra Steria; Zemmour's, Ifop /
 * Fiducial, cited on its row) whose origin is a party of the race, each a Dirichlet with the file's
 * concentration; the defaults elsewhere. A row whose
 * origin is not a party of the race (its votes are in `other`), or all rows when the survey's finalists are
 * not parties of the race, are left aside and said in `notes`.
 *
 * @param parties Party codes of the race, ours first (2022 presidential: LREM, RN, LFI, …).
 * @param survey Text of data/fr_transfers.json.
 * @param year 2017 or 2022.
 * @returns The prior.
 * @throws {InputError} text that is not JSON (line, column), a year the file does not hold, a row without shares or a positive concentration.
 * @example
 * transferPriorFromSurvey(presidential2022.parties, text, 2022).rows[2].source // => 'Ipsos / Sopra Steria, "Second tour : profil des abstentionnistes et sociologie des électorats", 2022-04-24, 4000 respondents'
 */
export function transferPriorFromSurvey(parties: readonly string[], survey: { file: string; text: string }, year: number): TransferPrior {
  const root = parseJsonText(survey.text, survey.file) as { elections?: Record<string, SurveyElection | undefined> };
  const election = root.elections?.[String(year)];
  if (!election || !Array.isArray(election.finalists) || typeof election.rows !== 'object') {
    throw new InputError({ file: survey.file, at: `elections.${year}`, expected: `an election with finalists and rows (${Object.keys(root.elections ?? {}).join(', ')})`, found: 'none' });
  }
  const source = citation(election.source ?? {});
  const finalists = election.finalists as string[];
  const missing = finalists.filter((f) => !parties.includes(f));
  const notes: string[] = [];
  const rows: TransferRowSpec[] = [];
  for (const [origin, row] of Object.entries(election.rows ?? {})) {
    if (missing.length > 0) notes.push(`${origin}: measured for finalists ${finalists.join(', ')}; ${missing.join(', ')} not a party of the race`);
    else if (!parties.includes(origin)) notes.push(`${origin}: not a party of the race (its votes are in other)`);
    else {
      if (typeof row?.shares !== 'object' || row.shares === null) throw new InputError({ file: survey.file, at: `elections.${year}.rows.${origin}.shares`, expected: 'shares by destination', found: describeValue(row?.shares) });
      rows.push({ origin, shares: row.shares as Record<string, number>, concentration: Number(row.concentration), source: row.source ? citation(row.source) : source });
    }
  }
  const prior = transferPriorFromRows(parties, rows, survey.file);
  prior.notes.push(...notes);
  return prior;
}
