/**
 * Scenario files and resolved scenarios.
 *
 * {@link Scenario} is the shape of a scenario FILE (YAML or JSON; `campaign-lab schema` prints it). The JSON Schema of
 * scenario files is generated from this file (ts-json-schema-generator), so every field documents its
 * unit, default and valid range here, with `@minimum`/`@maximum`/`@default` tags the generator reads.
 *
 * {@link ResolvedScenario} is what the engine runs: every default filled in from data/parameters.json
 * with its citation, the list allocation made explicit as supporter counts per territory and the
 * baseline territories included. It is plain JSON, so it goes into every result and to worker threads.
 */
import type { ChannelName, Citation, Country, Prior, RuleName, Side } from '../model/types.js';
import type { CorrelationMode, SalienceLevel } from '../model/resolvedScenario.js';
import type { PollForecast } from '../polls/forecastFromPolls.js';

export type {
  CorrelationMode,
  SalienceLevel,
  ResolvedTerritory,
  ResolvedChannel,
  ResolvedCampaign,
  ResolvedUncertainty,
  ResolvedScenario,
} from '../model/resolvedScenario.js';

/** Layouts of a race file: `auto` (recognised from the header), `table`, `medsl`, `fr-ministere`. */
export type RaceFormat = 'auto' | 'table' | 'medsl' | 'fr-ministere';

/** Your own race: a results file read as the race's territories and baseline votes. */
/** `electoral-votes`, or the name of a column of the race file holding each unit's weight. */
export type ColumnName = string;

/**
 * Multi-candidate races bundled in data/races/ and data/ (src/node/data/loadMultiCandidateRace.ts; sources in
 * data/SOURCES.md): Canada 2011 by riding (308, 5 parties), the UK 2024 general election by constituency (650,
 * 15 parties), the French 2022 legislative first round by circonscription (577, every candidate), the French
 * 2022 presidential first round by département (107 units, 12 candidates).
 */
export type BundledRaceName =
  | 'ca-2011-federal-ridings'
  | 'uk-2024-general-election-constituencies'
  | 'fr-2022-legislatives-t1-circonscriptions'
  | 'fr-2022-president-t1';

export interface RaceSpec {
  /** Path of the results file, relative to the scenario file (.csv, .txt or .xlsx). Give `file` or `bundled`. */
  file?: string;
  /**
   * A bundled multi-candidate race instead of a file (every candidate kept; run by the K-candidate engine).
   * Give `file` or `bundled`, not both; no other `race` key goes with `bundled`.
   */
  bundled?: BundledRaceName;
  /**
   * Layout of the file. `table`: header `id,name,weight,<side>…[,other][,region][,eligible]`; `medsl`:
   * the MIT Election Lab long layout (one row per candidate per state); `fr-ministere`: the Interior
   * Ministry's "résultats par niveau" file; `auto`: recognised from the header.
   * @default "auto"
   */
  format?: RaceFormat;
  /**
   * Year to read from a file holding several (MEDSL); the year recorded for a table.
   * @asType integer
   * @minimum 1788
   * @maximum 2100
   */
  year?: number;
  /**
   * Round to read from a French Ministry file, or the round a table holds.
   * @asType integer
   * @minimum 1
   * @maximum 2
   */
  round?: number;
  /**
   * Unit weights: `electoral-votes` (that year's electoral votes from the bundled data, the default for
   * US state-level files without a weight column), `0` (unweighted) or the name of a column of the file.
   */
  weights?: ColumnName | 0;
  /**
   * Country whose channel priors apply to the campaigns. Default: the file's country (MEDSL `us`,
   * Ministry `fr`); `us` for a table.
   */
  country?: 'us' | 'fr';
  /**
   * MEDSL House and Senate returns read by the multi-candidate engine: the office to read, as the file's
   * `office` column writes it (`US HOUSE`, `US SENATE`; case ignored). Needed when the file holds several.
   */
  office?: string;
  /** MEDSL House and Senate returns: one unit only, a House district (`IA-02`) or a state's Senate race (`GA`). */
  district?: string;
  /**
   * MEDSL Senate returns: `true` reads the special elections only, `false` the regular ones. Needed where a
   * state holds both in one year (Georgia 2020); two races are never summed.
   */
  special?: boolean;
  /** MEDSL House returns: `true` reads the runoff rows only, `false` the rest. */
  runoff?: boolean;
  /** MEDSL returns: the stage to read as the `stage` column writes it (`GEN`, `PRI`). Needed when the rows hold several. */
  stage?: string;
}

/** Swing models of a forecast baseline: `uniform` or `proportional`. */
export type SwingModel = 'uniform' | 'proportional';

/** Expected margin of one territory, pp of two-party margin toward the first side, with its error SD. */
export interface MarginEntry {
  /**
   * Expected two-party margin, pp toward the first side.
   * @minimum -100
   * @maximum 100
   */
  margin: number;
  /**
   * Standard deviation of this territory's own error, pp of margin; replaces `uncertainty.territory` here.
   * @minimum 0
   * @maximum 100
   */
  sd?: number;
}

/** Expected margins from a CSV file `id,margin[,sd]` (pp), read when the scenario is loaded. */
export interface MarginsFile {
  /** Path of the CSV file, relative to the scenario file. */
  file: string;
  /**
   * The file's margins, filled in by the scenario loader from `file` (do not write them by hand: the
   * loader replaces them). Carried with the scenario so a briefing re-runs it without the file.
   */
  entries?: Record<string, MarginEntry>;
}

/** Expected margins per territory id: pp toward the first side, or `{margin, sd}`. */
export type MarginsSpec = Record<string, number | MarginEntry> | MarginsFile;

/** Layouts of a poll file: `auto` (recognised from the header), `fivethirtyeight`, `fivethirtyeight-raw`, `economist`, `table`. */
export type PollsFormat = 'auto' | 'fivethirtyeight' | 'fivethirtyeight-raw' | 'economist' | 'table';

/** The inputs of the time-for-change model for the election year (Abramowitz 2008, 2016). */
export interface FundamentalsSpec {
  /** Party of the sitting president. */
  incumbentParty: 'D' | 'R';
  /** True when the incumbent party has held the White House for one term only. */
  firstTerm: boolean;
  /**
   * The president's net approval (approve − disapprove) in Gallup's June polls, points.
   * @minimum -100
   * @maximum 100
   */
  juneNetApproval: number;
  /**
   * Real GDP growth in the second quarter of the election year, % at an annual rate.
   * @minimum -100
   * @maximum 100
   */
  q2GdpGrowth: number;
}

/**
 * Expected margins from a poll file, aggregated (national trend, state offsets, house and population
 * effects; src/polls/aggregatePolls.ts) and given the error of poll aggregates on the record
 * (data/poll-error-calibration.json). The race's result is the last election: each state's prior is its
 * last margin moved by the national swing the polls show.
 */
export interface PollsSpec {
  /** Path of the poll file, relative to the scenario file (CSV, any of the encodings and delimiters race files take). */
  file: string;
  /**
   * Layout. `fivethirtyeight`: FiveThirtyEight's poll exports (one row per answer: poll_id, question_id,
   * state, start_date, end_date, sample_size, population, party, answer, pct); `fivethirtyeight-raw`:
   * its pollster-ratings record (raw-polls.csv); `economist`: the Economist's / HuffPost Pollster's
   * files (state with `--` for national, one column per candidate, m/d/yy dates); `table`:
   * `unit,date,sampleSize,<side>…` or `unit,date,sampleSize,margin`; `auto`: from the header.
   * @default "auto"
   */
  format?: PollsFormat;
  /**
   * Last day of information, `YYYY-MM-DD`: polls that ended after it, or (when the file says) were
   * published after it, are ignored, so a forecast "as of" a past day sees only what was public then.
   * Default: the day before the election, or the last poll's end if earlier.
   */
  asOf?: string;
  /**
   * Election day, `YYYY-MM-DD`. Default for a US race: the presidential election four years after the
   * race's year (the Tuesday after the first Monday of November). Required for other races.
   */
  election?: string;
  /**
   * The candidate (or column) of each side as the file names it, `{D: clinton, R: trump}`. Default:
   * FiveThirtyEight's party codes (DEM, REP), the election year's nominees (data/us_candidates.json) for
   * a file with one column per candidate, or a column named like the side.
   */
  candidates?: Record<string, string>;
  /**
   * How the file writes candidates' numbers: `percent` (45) or `share` (0.45); for a table of margins,
   * `percent` is pp and `share` a share of the two-party vote. Default: told from the numbers; a file
   * mixing the two, or margins all within ±1 (pp or shares?), is refused.
   */
  scale?: 'percent' | 'share';
  /**
   * The fundamentals prior of a US presidential race (sides D and R): Abramowitz's time-for-change model
   * of the national vote, refitted on the elections before the election year, blended with the polls'
   * national margin by a weight fitted on past years that falls as the election nears; every state moves
   * with the nation. `true`: the election year's inputs from data/us_fundamentals.csv (1948–2016; a
   * year it lacks gets no prior); `false`: the polls alone; or the year's inputs, for a year the table
   * lacks or to try other figures.
   * @default true
   */
  fundamentals?: boolean | FundamentalsSpec;
  /**
   * The aggregated forecast, filled in by the scenario loader from `file` (do not write it by hand: the
   * loader replaces it). Carried with the scenario so a briefing re-runs it without the poll file.
   */
  forecast?: PollForecast;
}

/**
 * A forecast baseline: the result the simulation is centred on, moved from the race's result. Every
 * margin is a two-party margin, 100 × (A − B) / (A + B), in percentage points (pp) toward the first of
 * `sides`. Each territory's expected margin is its result margin moved by `swing` (by `swingModel`),
 * replaced by its entry in `margins` where it has one, plus its entry in `shifts`.
 */
export interface BaselineSpec {
  /**
   * National swing, pp of two-party margin toward the first side (negative: toward the second).
   * @minimum -100
   * @maximum 100
   * @default 0
   */
  swing?: number;
  /**
   * `uniform`: every territory's margin moves by `swing` pp (uniform swing, Butler & Stokes 1969),
   * capped at ±100. `proportional`: each side's two-party vote share in every territory is scaled by one
   * common factor per side, so strongholds move more than marginal places in vote counts and no share
   * leaves 0–1 (the proportional swing model, Curtice & Steed 1982 BJPolS 12(3); Electoral Calculus);
   * the factors are chosen so the national two-party margin moves by exactly `swing`.
   * @default "uniform"
   */
  swingModel?: SwingModel;
  /** Per-territory adjustment on top of the swing (or of the territory's `margins` entry), pp toward the first side. */
  shifts?: Record<string, number>;
  /**
   * Expected margins from polls or a forecast, per territory id: inline `{PA: 1.5, WI: {margin: 2, sd: 4}}`
   * or `{file: polls.csv}` (CSV `id,margin[,sd]`, or `id,margin_share[,sd]` for margins written as
   * shares). Territories not listed keep their swung result (or their poll forecast). Margins are pp:
   * a set whose every margin lies within ±1 reads like shares and is refused unless `marginUnit` says.
   */
  margins?: MarginsSpec;
  /**
   * Unit of `margins`: `pp` (−7.5) or `share` of the two-party vote (−0.075, read as −7.5 pp). Default:
   * pp, and margins all within ±1 are refused as ambiguous.
   */
  marginUnit?: 'pp' | 'share';
  /**
   * Expected margins from a poll file, aggregated and calibrated on the record: every territory's
   * margin and its own error SD come from the polls (a `margins` entry still replaces a territory's,
   * `swing` moves every poll margin uniformly, `shifts` add on top), and the error model's national,
   * regional and tail terms become the `uncertainty` defaults.
   */
  polls?: PollsSpec;
  /**
   * Relative change of total turnout in every territory (−0.05: 5 % fewer votes cast), scaling each
   * side's and other votes, so mobilisation acts on the expected pool of voters.
   * @minimum -0.9
   * @maximum 1
   * @default 0
   */
  turnout?: number;
  /**
   * Year of the election this forecast is about, when it is not the result's (`2027` for a race
   * forecast from the 2022 result): the briefing labels the race with it ("FR 2027 (d'après FR 2022)").
   * @asType integer
   * @minimum 1788
   * @maximum 2100
   */
  electionYear?: number;
}

/** Error model on each territory's two-party margin, in percentage points (pp) of margin. */
export interface UncertaintySpec {
  /**
   * Standard deviation of the national error common to every territory, pp of two-party margin. Drawn
   * from a Student-t with `tails` degrees of freedom rescaled to this SD. Default from data/parameters.json.
   * @minimum 0
   * @maximum 100
   */
  national?: number;
  /**
   * Standard deviation of the error shared by the territories of one region (US Census division,
   * French region), pp of margin, normal. Default from data/parameters.json.
   * @minimum 0
   * @maximum 100
   */
  regional?: number;
  /**
   * Standard deviation of each territory's own error, pp of margin, normal. Default from data/parameters.json.
   * @minimum 0
   * @maximum 100
   */
  territory?: number;
  /**
   * Scale the errors act on (issue 20's K-candidate model). `margin`: pp of the two-party margin, the
   * two-candidate model (K = 2 only; the default for two-candidate races, results unchanged). `log-ratio`:
   * additive log-ratio errors on every candidate's share (Aitchison 1986, ch. 6; Katz & King 1999), the
   * default for races of three or more candidates, for `race.bundled`, and for the rules `plurality` and
   * `two-round-legislative`; the SDs stay in pp of two-party margin (mapped by σ / (50 √2) per component).
   */
  scale?: UncertaintyScale;
  /**
   * Degrees of freedom of the national Student-t: small values give fat tails, large values approach a
   * normal. Must exceed 2 so the SD exists. Default from data/parameters.json.
   * @exclusiveMinimum 2
   * @maximum 1000000
   */
  tails?: number;
  /**
   * `independent`: territory errors are independent. `historical`: territory errors are correlated as
   * the past election-to-election swings of the territories' margins were (after removing each
   * election's national swing), estimated with Schäfer–Strimmer shrinkage towards independence.
   * @default "independent"
   */
  correlation?: CorrelationMode;
}

/**
 * Days to the election, a whole number.
 * @asType integer
 * @minimum 0
 * @maximum 36500
 */
export type HorizonDays = number;

/** A scenario's horizon: days to the election, or `replay` (the eve of the election). */
export type HorizonSpec = HorizonDays | 'replay';

/** Error scales: `margin` (two-party margin, K = 2) or `log-ratio` (every candidate's share). */
export type UncertaintyScale = 'margin' | 'log-ratio';

/** A turnout or persuasion effect: a fixed number (pp) or an uncertain prior (central, low, high in pp). */
export type EffectSpec = number | Prior;

/**
 * Kind of mailer. `plain`: a get-out-the-vote reminder. `social-pressure`: the "Neighbors" mailer of
 * Gerber, Green & Larimer 2008 (APSR 102(1)), which shows the household's and its neighbours' past
 * turnout: +8.1 pp on a 29.7 % control in a Michigan primary, the largest list-mobilisation effect
 * measured; smaller in high-salience elections.
 */
export type MailVariant = 'plain' | 'social-pressure';

/**
 * One mobilisation channel of a campaign. Every field is optional: missing values come from
 * data/parameters.json (channel priors with citations) or from the conventions stated per field.
 */
export interface ChannelSpec {
  /**
   * Share of the (post-churn) list the channel targets, 0–1. For `relay`: share of volunteers who
   * actually relay. Default 1 (the whole list is targeted).
   * @minimum 0
   * @maximum 1
   * @default 1
   */
  coverage?: number;
  /**
   * Share of targeted people actually reached (the door opened, the call answered, the e-mail opened),
   * 0–1. Default: the central contact rate of the channel in data/parameters.json.
   * @minimum 0
   * @maximum 1
   */
  contactRate?: number;
  /**
   * Turnout effect among people reached, pp of turnout (complier average causal effect), as a number or
   * a prior {central, low, high}. Drawn once per simulation from the prior, shared by all territories.
   * Default: the channel's prior in data/parameters.json for the scenario's country and salience.
   */
  effect?: EffectSpec;
  /**
   * Persuasion effect among people reached: pp of them switching their vote from the other side to this
   * side (each switch moves the margin by two votes). Default: data/parameters.json (about zero in US
   * general elections, Kalla & Broockman 2018; Pons 2018 for door-to-door canvassing in France).
   */
  persuasion?: EffectSpec;
  /**
   * Cost of one contact attempt on one targeted person, in the currency of data/parameters.json.
   * Carried to analyses (budget allocation); it does not change the simulated votes.
   * Default: data/parameters.json, or 0 where no cited figure exists.
   * @minimum 0
   */
  costPerContact?: number;
  /**
   * Contacts (pieces, calls, visits) per reached person. The effect applies per contact up to
   * `saturation` contacts.
   * @minimum 0
   * @maximum 1000
   * @default 1
   */
  contacts?: number;
  /**
   * Number of contacts per person after which further contacts add nothing (mail: 5 pieces, Green &
   * Zelizer 2017). Default: data/parameters.json; unlimited where it gives none.
   * @minimum 1
   * @maximum 1000
   */
  saturation?: number;
  /**
   * `relay` only: people outside the list each active volunteer contacts. Default: data/parameters.json.
   * @minimum 0
   * @maximum 100000
   */
  contactsPerVolunteer?: number;
  /**
   * `mail` only: the kind of mailer, which picks the default turnout-effect prior (`social-pressure`:
   * Gerber, Green & Larimer 2008, data/parameters.json `channels.mail.variants`). Contact rate,
   * persuasion, cost and saturation stay those of mail.
   * @default "plain"
   */
  variant?: MailVariant;
}

/** Channels of a campaign, by name. A channel listed (even as `{}`) is switched on; others are off. */
export type ChannelSpecs = Partial<Record<ChannelName, ChannelSpec>>;

/** Share of the list per territory id (values are normalised to sum to 1). */
export interface SharesAllocation {
  /** Share per territory id, each >= 0; at least one positive. Territories not named get no members. */
  shares: Record<string, number>;
}

/**
 * Supporter counts per territory id (before churn): the spread of the list. With `listSize` given, the
 * list has that size, spread in proportion to the counts; without it, the counts' sum is the list size.
 */
export interface CountsAllocation {
  /** Supporters per territory id, non-negative. Territories not named get no members. */
  counts: Record<string, number>;
}

/**
 * A counts file written by `campaign-lab list summarize`. The Node-side scenario loader replaces it by
 * `{counts}` before the scenario is resolved; {@link resolveScenario} rejects it.
 */
export interface FileAllocation {
  /** Path of the counts file, relative to the scenario file. */
  file: string;
}

/**
 * How the list is spread over territories. `proportional`: proportional to the side's baseline votes in
 * each territory (territories with a parent, such as Maine's districts, take their parent's campaign).
 */
export type AllocationSpec = 'proportional' | SharesAllocation | CountsAllocation | FileAllocation;

/** A side's supporter list and what the campaign does with it: size, spread, churn, volunteers and channels. */
export interface CampaignSpec {
  /**
   * Supporters on the list when collected (people), spread over territories by `allocation`. Required,
   * except with `{counts}` or `{file}` allocation: there the counts give the spread and `listSize`, when
   * given, the size (800,000 spread like the 49,252 rows of an export); without it the counts' sum is the size.
   * @minimum 0
   * @maximum 1000000000
   */
  listSize?: number;
  /**
   * Spread of the list over territories.
   * @default "proportional"
   */
  allocation?: AllocationSpec;
  /**
   * Share of the list's addresses going stale per year, 0–1. Default: data/parameters.json list churn.
   * @minimum 0
   * @maximum 1
   */
  churn?: number;
  /**
   * Years between collecting the list and the election; members kept = listSize × (1 − churn)^years.
   * @minimum 0
   * @maximum 100
   * @default 0
   */
  yearsSinceCollected?: number;
  /**
   * Share of list members who would vote anyway; only the rest can be mobilised, 0–1. Default: the
   * territory's baseline turnout (total votes / eligible voters) where eligible voters are known, else 0.
   * @minimum 0
   * @maximum 1
   */
  certainShare?: number;
  /**
   * Share of (post-churn) list members who become active volunteers, 0–1. Volunteers act only through
   * the `relay` channel. Default: data/parameters.json volunteer conversion.
   * @minimum 0
   * @maximum 1
   */
  volunteers?: number;
  /**
   * Shorthand for `channels.relay.contactsPerVolunteer`.
   * @minimum 0
   * @maximum 100000
   */
  relaysPerVolunteer?: number;
  /**
   * Channels switched on, with overrides. Default `{email: {}}`: a supporter list is an e-mail list.
   */
  channels?: ChannelSpecs;
  /**
   * Share of the people the channels reach who do not already vote for the side, and so can be
   * persuaded, 0–1. Default 0: the list is the side's supporters, whom persuasion cannot move. Set it
   * when the "list" is not made of supporters, e.g. every door of the canvassed precincts.
   * @minimum 0
   * @maximum 1
   * @default 0
   */
  persuadable?: number;
}

/** Optional first round for `two-round`: transfers of first-round votes to the two finalists. */
export interface FirstRoundSpec {
  /**
   * Per first-round candidate (a key of the round-1 results' votes, including `other`): share of that
   * candidate's voters who vote for each finalist in the runoff, 0–1; per candidate the shares sum to
   * at most 1 (the rest abstain). A finalist's own voters stay with it unless listed.
   */
  transfers: Record<string, Record<string, number>>;
}

/** Rules only the K-candidate engine runs: `plurality` (FPTP seats), `two-round-legislative`. */
export type MultiCandidateRuleName = 'plurality' | 'two-round-legislative';

/** Every rule a scenario names (one list, so the schema says them in one message): {@link RuleName} and {@link MultiCandidateRuleName}. */
export type ScenarioRule = 'electoral-college' | 'popular-vote' | 'seats' | 'two-round' | 'plurality' | 'two-round-legislative';

/**
 * A scenario file (YAML or JSON). The race is either a bundled election (`country` + `year`) or the
 * user's own file (`race`), never both.
 */
export interface Scenario {
  /** Short title shown on charts and reports. */
  name: string;
  /** Longer description. */
  description?: string;
  /** Country of the bundled baseline results in data/. Required unless `race` is given (then absent). */
  country?: 'us' | 'fr';
  /**
   * Election year of the bundled baseline results (US 2000–2024 every four years; France 2007, 2012,
   * 2022). Required unless `race` is given (then absent: the race's own `year` applies).
   * @asType integer
   * @minimum 1788
   * @maximum 2100
   */
  year?: number;
  /**
   * Your own race from a results file, instead of `country` + `year`: a table (`id,name,weight,<side>…`),
   * an MIT Election Lab (MEDSL) file or a French Interior Ministry file. See `campaign-lab results --file`.
   */
  race?: RaceSpec;
  /**
   * France: round of the baseline results. Default 2 (the runoff), or 1 when `firstRound` is given.
   * @asType integer
   * @minimum 1
   * @maximum 2
   */
  round?: number;
  /**
   * Decision rule. `electoral-college`: the units' weights (electoral votes) decide; more than half of
   * the total weight wins and exactly half is a tie. `seats`: a majority of units (a unit without a
   * weight counts as one seat). `popular-vote`: the sum of votes over units. `two-round`: the runoff
   * between the two sides on the sum of votes (with three or more candidates: round 1 on the national sums, the
   * top two qualify, round 2 from vote transfers). Multi-candidate rules (the K-candidate engine, every
   * candidate kept): `plurality` (first past the post in each unit, seats per party; `seats` stays the
   * two-candidate rule), `two-round-legislative` (Code électoral L126 / L162). A race of three or more
   * candidates runs `plurality`, `electoral-college`, `popular-vote` and `two-round` on the same engine.
   */
  rule: ScenarioRule;
  /**
   * `electoral-college` only: weight needed to win, more than half of the total weight. Default: the
   * smallest weight above half (270 of 538). Neither side reaching it is a tie (no winner).
   * @asType integer
   * @minimum 1
   */
  threshold?: number;
  /**
   * `seats`, `plurality` and `two-round-legislative` only: seats (units) needed to win, more than half of
   * all seats. Default: a majority.
   * @asType integer
   * @minimum 1
   */
  seatsToWin?: number;
  /**
   * The two sides (party codes: US `D`, `R`; France 2012 `PS`, `UMP`). The first side is "ours". In a race
   * of three or more candidates they pick ours (first) and the order only: every other candidate is kept,
   * after them, by national votes descending.
   * @minItems 2
   * @maxItems 2
   */
  sides: [Side, Side];
  /**
   * Number of simulated elections.
   * @asType integer
   * @minimum 1
   * @maximum 100000000
   */
  simulations: number;
  /**
   * Seed of the random streams, an integer (as `--seed`): the same seed gives identical results. A
   * number that is not an integer, or past 2^53 − 1, cannot be kept exactly and is refused.
   * @asType integer
   * @minimum -9007199254740991
   * @maximum 9007199254740991
   */
  seed: number;
  /**
   * Worker threads (the result does not depend on it). Not set: the machine's cores on the command line
   * and in the Node API (os.availableParallelism()); the briefing page's live engines do not use it (one
   * Web Worker per core, up to two). More than
   * the machine's cores add memory, not speed: the command line runs on at most as many threads as cores,
   * with a warning. summary.json and `--json` record the number run (scenario.threads).
   * @asType integer
   * @minimum 1
   * @maximum 256
   */
  threads?: number;
  /**
   * Salience of the election: picks the high- or low-salience channel priors (Mann & Haenschen 2024).
   * @default "high"
   */
  salience?: SalienceLevel;
  /**
   * Expected result the simulation is centred on. Absent: the race's result itself (a replay). Given: a
   * forecast, the result moved by a swing, shifts, poll margins and a turnout change.
   */
  baseline?: BaselineSpec;
  /**
   * How far ahead the scenario looks, which chooses its error model: a number of days to the election
   * (the poll record's error that many days out, interpolated between its rows at 1, 20, 50 and 100 days;
   * beyond 100 days the no-poll error) or `replay` (the eve-of-election error: how wrong the result could
   * have looked the day before). Absent: the no-poll error (one election ahead, no polls). A key set in
   * `uncertainty` wins over the horizon's value for that key. Not with a poll baseline (`baseline.polls`
   * brings the error of its own forecast day).
   */
  horizon?: HorizonSpec;
  /** Error model; missing fields come from the horizon, else data/parameters.json. */
  uncertainty?: UncertaintySpec;
  /** Campaigns per side; a side without an entry runs no campaign. */
  campaigns?: Record<Side, CampaignSpec>;
  /** `two-round` only: first-round transfers; the baseline is then the first-round table. */
  firstRound?: FirstRoundSpec;
}

