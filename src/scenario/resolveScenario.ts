/**
 * Turns a scenario file into the fully resolved scenario the engine runs: validation with one error
 * grammar, defaults from data/parameters.json with their citations, explicit list allocation and the
 * baseline territories.
 */
import { CHANNEL_NAMES } from '../model/types.js';
import type { ChannelName, Citation, ElectionResults, Prior, RuleName, Side } from '../model/types.js';
import type { ChannelVariantParameters, Parameters, TurnoutEffectPriors } from '../data/parameters.js';
import { InputError, describeKey, describeValue, keyPath, scenarioKeyPath } from '../errors.js';
import { historicalCorrelation } from '../model/historicalCorrelation.js';
import type {
  CampaignSpec,
  ChannelSpec,
  EffectSpec,
  ResolvedCampaign,
  ResolvedChannel,
  ResolvedScenario,
  ResolvedTerritory,
  ResolvedUncertainty,
  SalienceLevel,
  Scenario,
} from './types.js';
import { CONVENTION_CITATIONS } from './defaults.js';
import { emptyCampaign } from '../model/emptyCampaign.js';
import { ruleThresholds } from '../model/decisionRule.js';
import { MAX_TOTAL_WEIGHT } from '../sim/blockTotals.js';
import { applyBaseline } from './applyBaseline.js';
import { describeBaseline } from './describeBaseline.js';
import { getOwn, setOwn } from '../model/ownKeys.js';

/** Inputs of {@link resolveScenario} besides the scenario. */
export interface ResolveInputs {
  /** Baseline results (loadResults({country, year, round})). */
  results: ElectionResults;
  /** Channel priors and model defaults (loadParameters()). */
  parameters: Parameters;
  /** Past results of the same country, needed for `uncertainty.correlation: historical`. */
  history?: ElectionResults[];
  /** File name for error messages. */
  file?: string;
  /** With `race`: the format the race file was read as (`table`, `medsl`, `fr-ministere`). */
  raceFormat?: string;
}

const RULES: readonly RuleName[] = ['electoral-college', 'popular-vote', 'seats', 'two-round'];
const SCENARIO_KEYS = ['name', 'description', 'country', 'year', 'race', 'round', 'rule', 'threshold', 'seatsToWin', 'sides', 'simulations', 'seed', 'threads', 'salience', 'baseline', 'uncertainty', 'campaigns', 'firstRound'];
const RACE_KEYS = ['file', 'format', 'year', 'round', 'weights', 'country'];
const UNCERTAINTY_KEYS = ['national', 'regional', 'territory', 'tails', 'correlation'];
const CAMPAIGN_KEYS = ['listSize', 'allocation', 'churn', 'yearsSinceCollected', 'certainShare', 'volunteers', 'relaysPerVolunteer', 'channels', 'persuadable'];
const CHANNEL_KEYS = ['coverage', 'contactRate', 'effect', 'persuasion', 'costPerContact', 'contacts', 'saturation', 'contactsPerVolunteer', 'variant'];

/** Validation helpers bound to a file name. */
class Checker {
  constructor(readonly file: string | undefined) {}

  fail(at: string, expected: string, found: unknown, hint?: string): never {
    throw new InputError({ file: this.file, at, expected, found: describeValue(found), ...(hint ? { hint } : {}) });
  }

  object(value: unknown, at: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'an object', value);
    return value as Record<string, unknown>;
  }

  keys(value: Record<string, unknown>, at: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
        this.fail(at ? `${at}.${key}` : key, `one of the keys ${allowed.join(', ')}`, key, near ? `did you mean "${near}"?` : undefined);
      }
    }
  }

  number(value: unknown, at: string, min: number, max: number, what = 'a number'): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(at, `${what} between ${min} and ${max}`, value);
    }
    return value as number;
  }

  integer(value: unknown, at: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(at, `an integer between ${min} and ${max}`, value);
    }
    return value as number;
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(at, 'a non-empty string', value);
    return value as string;
  }

  oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(at, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
    return value as T;
  }

  prior(value: unknown, at: string, min: number, max: number): Prior {
    if (typeof value === 'number') {
      const x = this.number(value, at, min, max, 'a number of pp');
      return { central: x, low: x, high: x };
    }
    const o = this.object(value, at);
    this.keys(o, at, ['central', 'low', 'high']);
    const central = this.number(o.central, `${at}.central`, min, max, 'a number of pp');
    const low = this.number(o.low, `${at}.low`, min, max, 'a number of pp');
    const high = this.number(o.high, `${at}.high`, min, max, 'a number of pp');
    if (low > central || central > high) this.fail(at, 'a prior with low <= central <= high', { low, central, high });
    return { central, low, high };
  }
}

/**
 * Round of the baseline results a scenario needs: its `round`, else for France 1 when `firstRound`
 * transfers are given and 2 (the runoff) otherwise; undefined for the US. Loaders call
 * loadResults({country, year, round: scenarioRound(scenario)}).
 *
 * @example
 * scenarioRound({ country: 'fr', firstRound: { transfers: {} } } as Scenario) // => 1
 */
export function scenarioRound(scenario: Pick<Scenario, 'country' | 'round' | 'firstRound'>): number | undefined {
  if (scenario.round !== undefined) return scenario.round;
  if (scenario.country !== 'fr') return undefined;
  return scenario.firstRound ? 1 : 2;
}

/**
 * Resolves a scenario against baseline results and parameters.
 *
 * Pure: no file access (the Node-side loader reads files and replaces `{file}` allocations by counts).
 * Channel defaults follow the scenario's country and salience: France uses the French priors of
 * data/parameters.json (door-to-door: no turnout effect, persuasion per Pons 2018), the US the high- or
 * low-salience priors. Every default filled in is recorded in `citations` under its key path.
 *
 * @param scenario Scenario as parsed from its file (unknown shape is checked).
 * @param inputs Baseline results, parameters, optional history and file name for messages.
 * @returns The resolved scenario (plain JSON).
 * @throws {InputError} with key path, expected and found for any bad value: negative sizes, shares or
 *   rates outside 0–1, unknown territories, channels, keys or sides, low > high, tails <= 2, sides not in
 *   the results, or `historical` correlation without history.
 * @example
 * resolveScenario({ name: 'x', country: 'us', year: 2020, rule: 'electoral-college', sides: ['D', 'R'], simulations: 1000, seed: 1 }, { results, parameters }).territories.length // => 56
 */
export function resolveScenario(scenario: Scenario, inputs: ResolveInputs): ResolvedScenario {
  const ck = new Checker(inputs.file);
  const raw = ck.object(scenario as unknown, '(root)');
  ck.keys(raw, '', SCENARIO_KEYS);
  const { results, parameters } = inputs;
  const citations: Record<string, Citation> = {};
  const name = ck.string(raw.name, 'name');
  let country: 'us' | 'fr';
  let year: number;
  let race: { file: string; format: string } | undefined;
  if (raw.race !== undefined) {
    const given = ['country', 'year'].filter((k) => raw[k] !== undefined);
    if (given.length > 0) {
      ck.fail(`race and ${given.join(' and ')}`, 'either race (your own race file) or country + year (a bundled election), not both', given.join(', '));
    }
    const raceRaw = ck.object(raw.race, 'race');
    ck.keys(raceRaw, 'race', RACE_KEYS);
    const file = ck.string(raceRaw.file, 'race.file');
    const defaultCountry = results.country === 'fr' ? 'fr' : 'us';
    country = raceRaw.country === undefined ? defaultCountry : ck.oneOf(raceRaw.country, 'race.country', ['us', 'fr'] as const);
    if (raceRaw.country === undefined) {
      citations['race.country'] = {
        source:
          results.country === 'custom'
            ? 'US channel priors: the default for a table (set race.country: fr for the French priors)'
            : `channel priors of ${defaultCountry === 'fr' ? 'France' : 'the US'}, the country of the race file`,
        confidence: 'M',
      };
    }
    year = results.year;
    race = { file, format: inputs.raceFormat ?? (typeof raceRaw.format === 'string' ? raceRaw.format : 'auto') };
  } else {
    if (raw.country === undefined || raw.year === undefined) {
      ck.fail(raw.country === undefined ? 'country' : 'year', 'country + year (a bundled election) or race (your own race file)', 'nothing');
    }
    country = ck.oneOf(raw.country, 'country', ['us', 'fr'] as const);
    if (results.country !== 'custom' && results.country !== country) ck.fail('country', `the country of the results table (${results.country})`, country);
    year = ck.integer(raw.year, 'year', 1788, 2100);
    if (results.year !== year) ck.fail('year', `the year of the results table (${results.year})`, year);
  }
  const rule = ck.oneOf(raw.rule, 'rule', RULES);
  const simulations = ck.integer(raw.simulations, 'simulations', 1, 100_000_000);
  // Refused as --seed refuses it: a seed that is not an integer, or past 2^53 − 1, would be rounded in silence.
  if (typeof raw.seed !== 'number' || !Number.isSafeInteger(raw.seed)) {
    ck.fail('seed', `an integer from ${(-Number.MAX_SAFE_INTEGER).toLocaleString('en-US')} to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (as --seed)`, raw.seed);
  }
  const seed = raw.seed as number;
  const threads = raw.threads === undefined ? 1 : ck.integer(raw.threads, 'threads', 1, 256);
  const salience: SalienceLevel = raw.salience === undefined ? 'high' : ck.oneOf(raw.salience, 'salience', ['high', 'low'] as const);
  if (!Array.isArray(raw.sides) || raw.sides.length !== 2) ck.fail('sides', 'a list of two side codes', raw.sides);
  const sides = [ck.string((raw.sides as unknown[])[0], 'sides.0'), ck.string((raw.sides as unknown[])[1], 'sides.1')] as [Side, Side];
  if (sides[0] === sides[1]) ck.fail('sides', 'two different side codes', raw.sides);
  const firstRound = raw.firstRound === undefined ? undefined : ck.object(raw.firstRound, 'firstRound');
  if (firstRound && rule !== 'two-round') ck.fail('firstRound', 'absent unless rule is "two-round"', 'firstRound');
  const round = raw.round === undefined ? undefined : ck.integer(raw.round, 'round', 1, 2);
  if (country === 'us' && round !== undefined && !race) ck.fail('round', 'absent for the US', round);
  if (race && round !== undefined) ck.fail('round', 'absent with race (give race.round)', round);
  if (firstRound && results.round !== undefined && results.round !== 1) ck.fail('firstRound', 'given only with first-round (round 1) results', `round ${results.round} results`);
  const resultTerritories = resolveTerritories(ck, results, sides, firstRound);
  if (rule === 'electoral-college' && !resultTerritories.some((t) => t.weight > 0)) {
    ck.fail('rule', '"popular-vote", "two-round" or "seats" for a table without unit weights (electoral votes)', rule);
  }
  const threshold = resolveThreshold(ck, raw, rule, resultTerritories);
  const resultRound = round ?? results.round;
  const resultLabel =
    race && !(results.year > 0)
      ? `${race.file.split(/[\\/]/).pop()} ${resultRound === 1 ? 'first round' : resultRound === 2 ? 'runoff' : 'result'}`
      : country === 'fr' || resultRound !== undefined
        ? `${year} ${resultRound === 1 ? 'first round' : 'runoff'}`
        : `${year} result`;
  const { territories, baseline, uncertainty: pollDefaults } = applyBaseline(resultTerritories, sides, raw.baseline, {
    resultLabel,
    file: inputs.file,
  });
  // A poll baseline's error model replaces the no-poll defaults of data/parameters.json.
  const uncertaintyParameters = pollDefaults
    ? { ...parameters, uncertainty: { ...pollDefaults, citation: { source: pollDefaults.source, confidence: 'M' as const } } }
    : parameters;
  const uncertainty = resolveUncertainty(ck, raw.uncertainty, uncertaintyParameters, citations, territories, sides, inputs.history);
  const campaignsRaw = raw.campaigns === undefined ? {} : ck.object(raw.campaigns, 'campaigns');
  for (const side of Object.keys(campaignsRaw)) {
    if (!sides.includes(side)) ck.fail(scenarioKeyPath('campaigns', side), `a campaign of one of the sides ${sides.join(', ')}`, side);
  }
  const campaigns: Record<Side, ResolvedCampaign> = {};
  for (const side of sides) {
    campaigns[side] = resolveCampaign(ck, campaignsRaw[side], `campaigns.${side}`, {
      side,
      country,
      salience,
      territories,
      parameters,
      citations,
      resultsSource: results.source,
    });
  }
  const resolved: ResolvedScenario = {
    name,
    ...(raw.description !== undefined ? { description: ck.string(raw.description, 'description') } : {}),
    country: race ? results.country : results.country === 'custom' ? 'custom' : country,
    year,
    ...(round !== undefined ? { round } : results.round !== undefined ? { round: results.round } : {}),
    rule,
    sides,
    simulations,
    seed,
    threads,
    salience,
    uncertainty,
    territories,
    campaigns,
    citations,
    resultsSource: results.source,
    ...(threshold !== undefined ? { threshold } : {}),
    baseline: { ...baseline, description: describeBaseline({ sides, year, baseline }) },
    ...(race ? { race } : {}),
  };
  return resolved;
}

/**
 * `threshold` (electoral-college) or `seatsToWin` (seats): an integer weight above half the total and at
 * most the total. Unit weights of weighted rules must be non-negative integers.
 */
function resolveThreshold(ck: Checker, raw: Record<string, unknown>, rule: RuleName, territories: ResolvedTerritory[]): number | undefined {
  if (rule === 'electoral-college' || rule === 'seats') {
    for (const t of territories) {
      if (!Number.isInteger(t.weight) || t.weight < 0) ck.fail(keyPath('territories', t.id) + '.weight', `a non-negative whole number of ${rule === 'seats' ? 'seats' : 'electoral votes'}`, t.weight);
    }
    // The weight won per draw is kept as a 32-bit integer; its distribution costs memory by the totals
    // reached, not by their size, so weights may be votes (a race weighted by registered voters).
    const { totalWeight } = ruleThresholds(rule, territories.map((t) => t.weight));
    if (totalWeight > MAX_TOTAL_WEIGHT) ck.fail('race weights', `units whose weights add up to at most ${MAX_TOTAL_WEIGHT.toLocaleString('en-US')}`, totalWeight);
  }
  if (raw.threshold !== undefined && rule !== 'electoral-college') ck.fail('threshold', `absent unless rule is "electoral-college"${rule === 'seats' ? ' (use seatsToWin)' : ''}`, raw.threshold);
  if (raw.seatsToWin !== undefined && rule !== 'seats') ck.fail('seatsToWin', `absent unless rule is "seats"${rule === 'electoral-college' ? ' (use threshold)' : ''}`, raw.seatsToWin);
  const key = rule === 'seats' ? 'seatsToWin' : 'threshold';
  if (raw[key] === undefined) return undefined;
  const { totalWeight } = ruleThresholds(rule, territories.map((t) => t.weight));
  const low = Math.floor(totalWeight / 2) + 1;
  if (totalWeight < 1) ck.fail(key, 'absent for a race whose units carry no weight', raw[key]);
  return ck.integer(raw[key], key, low, totalWeight);
}

function resolveTerritories(ck: Checker, results: ElectionResults, sides: [Side, Side], firstRound: Record<string, unknown> | undefined): ResolvedTerritory[] {
  if (!firstRound) {
    for (const [i, side] of sides.entries()) {
      if (!results.sides.includes(side)) ck.fail(`sides.${i}`, `one of the sides of the results table (${results.sides.join(', ')})`, side);
    }
  }
  const transfers = firstRound ? ck.object(firstRound.transfers, 'firstRound.transfers') : undefined;
  if (firstRound) ck.keys(firstRound, 'firstRound', ['transfers']);
  // Round-1 tables from data/ carry every candidate's votes under `parties` besides the finalists and
  // `other` under `votes`. Transfers name either `other` (the votes table) or individual candidates (the
  // parties table), not both.
  const usesOther = transfers !== undefined && 'other' in transfers;
  const candidateVotes = (unit: ElectionResults['units'][number]): Record<string, number> =>
    usesOther ? unit.votes : (unit as { parties?: Record<string, number> }).parties ?? unit.votes;
  const candidates = new Set<string>();
  for (const unit of results.units) for (const key of Object.keys(candidateVotes(unit))) candidates.add(key);
  if (transfers) {
    for (const [i, side] of sides.entries()) {
      if (!candidates.has(side)) ck.fail(`sides.${i}`, `a candidate of the first-round table (${[...candidates].join(', ')})`, side);
    }
    for (const [candidate, row] of Object.entries(transfers)) {
      const at = `firstRound.transfers.${candidate}`;
      if (!candidates.has(candidate)) ck.fail(at, `a candidate of the first-round table (${[...candidates].join(', ')})`, candidate);
      const shares = ck.object(row, at);
      let sum = 0;
      for (const [side, share] of Object.entries(shares)) {
        if (!sides.includes(side)) ck.fail(`${at}.${side}`, `one of the sides ${sides.join(', ')}`, side);
        sum += ck.number(share, `${at}.${side}`, 0, 1, 'a share');
      }
      if (sum > 1 + 1e-12) ck.fail(at, 'shares summing to at most 1', sum);
    }
  }
  const ids = new Set<string>();
  return results.units.map((unit) => {
    if (ids.has(unit.id)) ck.fail(`results.units.${unit.id}`, 'a unit id listed once', unit.id);
    ids.add(unit.id);
    const votes: Record<Side, number> = {};
    for (const side of sides) {
      let v = getOwn(unit.votes, side) ?? 0;
      if (transfers) {
        v = 0;
        for (const [candidate, count] of Object.entries(candidateVotes(unit))) {
          const row = getOwn(transfers, candidate) as Record<string, number> | undefined;
          const share = row && getOwn(row, side) !== undefined ? getOwn(row, side)! : candidate === side ? 1 : 0;
          v += share * count;
        }
      }
      if (!(v >= 0) || !Number.isFinite(v)) ck.fail(`results.units.${unit.id}.votes.${side}`, 'a non-negative vote count', v);
      setOwn(votes, side, v);
    }
    const other = Math.max(0, unit.total - votes[sides[0]] - votes[sides[1]]);
    const territory: ResolvedTerritory = {
      id: unit.id,
      name: unit.name,
      weight: unit.weight,
      region: unit.region ?? '(none)',
      votes,
      other,
      eligible: unit.eligible ?? 0,
    };
    if (unit.parent !== undefined) territory.parent = unit.parent;
    return territory;
  });
}

function resolveUncertainty(
  ck: Checker,
  value: unknown,
  parameters: Parameters,
  citations: Record<string, Citation>,
  territories: ResolvedTerritory[],
  sides: [Side, Side],
  history: ElectionResults[] | undefined,
): ResolvedUncertainty {
  const raw = value === undefined ? {} : ck.object(value, 'uncertainty');
  ck.keys(raw, 'uncertainty', UNCERTAINTY_KEYS);
  const defaults = parameters.uncertainty;
  const pick = (key: 'national' | 'regional' | 'territory'): number => {
    if (raw[key] === undefined) {
      citations[`uncertainty.${key}`] = defaults.citation;
      return defaults[key];
    }
    return ck.number(raw[key], `uncertainty.${key}`, 0, 100, 'a standard deviation in pp');
  };
  const national = pick('national');
  const regional = pick('regional');
  const territory = pick('territory');
  let tails = defaults.tails;
  if (raw.tails === undefined) citations['uncertainty.tails'] = defaults.citation;
  else {
    if (typeof raw.tails !== 'number' || !Number.isFinite(raw.tails) || raw.tails <= 2 || raw.tails > 1_000_000) {
      ck.fail('uncertainty.tails', 'degrees of freedom greater than 2 (and at most 1000000)', raw.tails);
    }
    tails = raw.tails as number;
  }
  const correlation = raw.correlation === undefined ? 'independent' : ck.oneOf(raw.correlation, 'uncertainty.correlation', ['independent', 'historical'] as const);
  const out: ResolvedUncertainty = { national, regional, territory, tails, correlation };
  if (correlation === 'historical') {
    if (!history || history.length < 3) {
      ck.fail('uncertainty.correlation', '"independent" unless at least three past elections are given as history', correlation);
    }
    const estimate = historicalCorrelation(history, territories.map((t) => t.id), sides);
    out.cholesky = estimate.cholesky;
    out.shrinkage = estimate.shrinkage;
    out.historyYears = estimate.years;
    citations['uncertainty.correlation'] = {
      source: `swings of two-party margins between the elections ${estimate.years.join(', ')} (results tables in data/)`,
      confidence: 'M',
      note: 'Correlation of territory swings net of each election mean swing, shrunk towards independence with the Schäfer & Strimmer (2005, Stat. Appl. Genet. Mol. Biol. 4(1):32) intensity.',
    };
  }
  return out;
}

interface CampaignContext {
  side: Side;
  country: 'us' | 'fr';
  salience: SalienceLevel;
  territories: ResolvedTerritory[];
  parameters: Parameters;
  citations: Record<string, Citation>;
  resultsSource: string;
}

function resolveCampaign(ck: Checker, value: unknown, at: string, ctx: CampaignContext): ResolvedCampaign {
  const { territories, parameters, citations, side } = ctx;
  const topLevel = territories.filter((t) => t.parent === undefined);
  if (value === undefined) return emptyCampaign();
  const raw = ck.object(value, at) as Record<string, unknown> & Partial<CampaignSpec>;
  ck.keys(raw, at, CAMPAIGN_KEYS);
  const countsGiven = typeof raw.allocation === 'object' && raw.allocation !== null && 'counts' in raw.allocation;
  // With counts, `listSize` is optional: given, it is the size and the counts the spread; absent, the counts' sum.
  const sizeGiven = raw.listSize !== undefined;
  let listSize =
    !sizeGiven && countsGiven
      ? 0
      : ck.number(raw.listSize, `${at}.listSize`, 0, 1e9, 'a non-negative number of people (required unless allocation gives counts)');
  // Keyed by territory ids from files: a Map, so an id such as `__proto__` or `constructor` is a key like any other.
  const allocation = new Map<string, number>();
  const spec = raw.allocation ?? 'proportional';
  const topIds = new Set(topLevel.map((t) => t.id));
  // Counts may come from a file (a list's counts): an unknown key is named only when shaped like a territory id.
  const checkId = (id: string, path: string): void => {
    if (!topIds.has(id)) {
      const sub = territories.find((t) => t.id === id);
      if (sub) ck.fail(path, `a territory without a parent (${id} belongs to ${sub.parent})`, id);
      throw new InputError({ file: ck.file, at: path, expected: 'the id of a territory of the race', found: describeKey(id) });
    }
  };
  if (spec === 'proportional') {
    let total = 0;
    for (const t of topLevel) total += t.votes[side];
    for (const t of topLevel) allocation.set(t.id, total > 0 ? (listSize * t.votes[side]) / total : 0);
    citations[`${at}.allocation`] = { source: `proportional to ${side}'s baseline votes (${ctx.resultsSource})`, confidence: 'M' };
  } else if (typeof spec === 'object' && spec !== null && 'counts' in spec) {
    ck.keys(spec as unknown as Record<string, unknown>, `${at}.allocation`, ['counts']);
    const counts = ck.object(spec.counts, `${at}.allocation.counts`);
    let sum = 0;
    for (const [id, n] of Object.entries(counts)) {
      checkId(id, keyPath(`${at}.allocation.counts`, id));
      const count = ck.number(n, keyPath(`${at}.allocation.counts`, id), 0, 1e9, 'a non-negative number of people');
      allocation.set(id, count);
      sum += count;
    }
    if (sum > 1e9) ck.fail(`${at}.allocation.counts`, 'counts adding up to at most 1,000,000,000 people (the largest list size)', sum);
    if (sizeGiven) {
      // The rule when both are given: listSize is the size, the counts give the spread.
      if (!(sum > 0) && listSize > 0) ck.fail(`${at}.allocation.counts`, `counts with at least one positive count, to spread listSize (${listSize})`, spec.counts);
      for (const [id, n] of allocation) allocation.set(id, sum > 0 ? (listSize * n) / sum : 0);
      citations[`${at}.allocation`] = { source: `spread as the counts given (${Math.round(sum).toLocaleString('en-US')} people), scaled to listSize`, confidence: 'M' };
    } else {
      listSize = sum;
      citations[`${at}.allocation`] = { source: `the counts given; their sum (${Math.round(sum).toLocaleString('en-US')} people) is the list size`, confidence: 'M' };
    }
  } else if (typeof spec === 'object' && spec !== null && 'shares' in spec) {
    ck.keys(spec as unknown as Record<string, unknown>, `${at}.allocation`, ['shares']);
    const shares = ck.object(spec.shares, `${at}.allocation.shares`);
    let sum = 0;
    for (const [id, s] of Object.entries(shares)) {
      checkId(id, `${at}.allocation.shares.${id}`);
      sum += ck.number(s, `${at}.allocation.shares.${id}`, 0, 1e12, 'a non-negative share');
    }
    if (!(sum > 0)) ck.fail(`${at}.allocation.shares`, 'at least one positive share', spec.shares);
    for (const [id, s] of Object.entries(shares)) allocation.set(id, (listSize * (s as number)) / sum);
  } else if (typeof spec === 'object' && spec !== null && 'file' in spec) {
    ck.fail(`${at}.allocation`, '"proportional", {shares} or {counts} (the scenario loader replaces {file} by the counts of the file)', spec);
  } else {
    ck.fail(`${at}.allocation`, '"proportional", {shares}, {counts} or {file}', spec);
  }
  const churn = defaultOr(ck, raw.churn, `${at}.churn`, 0, 1, 'a share per year', parameters.listChurn.central, parameters.listChurn.citation, citations);
  const yearsSinceCollected = defaultOr(ck, raw.yearsSinceCollected, `${at}.yearsSinceCollected`, 0, 100, 'a number of years', 0, CONVENTION_CITATIONS.yearsSinceCollected, citations);
  const volunteers = defaultOr(ck, raw.volunteers, `${at}.volunteers`, 0, 1, 'a share of the list', parameters.volunteerConversion.central, parameters.volunteerConversion.citation, citations);
  const certainShare: Record<string, number> = {};
  if (raw.certainShare !== undefined) {
    const share = ck.number(raw.certainShare, `${at}.certainShare`, 0, 1, 'a share');
    for (const t of topLevel) setOwn(certainShare, t.id, share);
  } else {
    for (const t of topLevel) {
      const cast = Object.values(t.votes).reduce((a, b) => a + b, 0) + t.other;
      setOwn(certainShare, t.id, t.eligible > 0 ? Math.min(1, cast / t.eligible) : 0);
    }
    citations[`${at}.certainShare`] = CONVENTION_CITATIONS.certainShare(ctx.resultsSource);
  }
  let relaysPerVolunteer: number | undefined;
  if (raw.relaysPerVolunteer !== undefined) relaysPerVolunteer = ck.number(raw.relaysPerVolunteer, `${at}.relaysPerVolunteer`, 0, 100_000, 'a number of people');
  const channelsRaw = raw.channels === undefined ? { email: {} } : ck.object(raw.channels, `${at}.channels`);
  if (raw.channels === undefined) citations[`${at}.channels`] = CONVENTION_CITATIONS.channels;
  const channels: Partial<Record<ChannelName, ResolvedChannel>> = {};
  for (const [name, spec] of Object.entries(channelsRaw)) {
    const path = `${at}.channels.${name}`;
    if (!CHANNEL_NAMES.includes(name as ChannelName)) ck.fail(path, `one of the channels ${CHANNEL_NAMES.join(', ')}`, name);
    channels[name as ChannelName] = resolveChannel(ck, spec ?? {}, path, name as ChannelName, ctx, relaysPerVolunteer);
  }
  const resolved: ResolvedCampaign = {
    listSize,
    allocation: Object.fromEntries(allocation),
    churn,
    yearsSinceCollected,
    retention: Math.pow(1 - churn, yearsSinceCollected),
    certainShare,
    volunteers,
    channels,
  };
  if (raw.persuadable !== undefined) resolved.persuadable = ck.number(raw.persuadable, `${at}.persuadable`, 0, 1, 'a share');
  if (channels.relay || channels.social) {
    resolved.homophily = parameters.networkHomophily.central;
    citations[`${at}.homophily`] = parameters.networkHomophily.citation;
  }
  return resolved;
}

function defaultOr(
  ck: Checker,
  value: unknown,
  at: string,
  min: number,
  max: number,
  what: string,
  fallback: number,
  citation: Citation,
  citations: Record<string, Citation>,
): number {
  if (value === undefined) {
    citations[at] = citation;
    return fallback;
  }
  return ck.number(value, at, min, max, what);
}

function resolveChannel(ck: Checker, value: unknown, at: string, name: ChannelName, ctx: CampaignContext, relaysPerVolunteer: number | undefined): ResolvedChannel {
  const raw = ck.object(value, at) as Record<string, unknown> & ChannelSpec;
  ck.keys(raw, at, CHANNEL_KEYS);
  const p = ctx.parameters.channels[name];
  const { citations } = ctx;
  const coverage = defaultOr(ck, raw.coverage, `${at}.coverage`, 0, 1, 'a share', 1, CONVENTION_CITATIONS.coverage, citations);
  const contactRate = defaultOr(ck, raw.contactRate, `${at}.contactRate`, 0, 1, 'a share', p.contactRate.central, p.contactRate.citation, citations);
  let variant: 'social-pressure' | undefined;
  if (raw.variant !== undefined) {
    if (name !== 'mail') ck.fail(`${at}.variant`, 'absent except for the mail channel', raw.variant);
    if (ck.oneOf(raw.variant, `${at}.variant`, ['plain', 'social-pressure'] as const) === 'social-pressure') variant = 'social-pressure';
  }
  const priors = variant === undefined ? p.turnoutEffect : variantPriors(p.variants, variant, `${at}.variant`);
  const effectPrior = ctx.country === 'fr' ? priors.france : ctx.salience === 'high' ? priors.highSalience : priors.lowSalience;
  const persuasionPrior = ctx.country === 'fr' ? p.persuasion.france : p.persuasion.general;
  const effect = priorOr(ck, raw.effect, `${at}.effect`, effectPrior, citations);
  const persuasion = priorOr(ck, raw.persuasion, `${at}.persuasion`, persuasionPrior, citations);
  const costPerContact = defaultOr(
    ck,
    raw.costPerContact,
    `${at}.costPerContact`,
    0,
    1e6,
    'a non-negative cost',
    p.costPerContact?.central ?? 0,
    p.costPerContact?.citation ?? CONVENTION_CITATIONS.costPerContact,
    citations,
  );
  const contacts = defaultOr(ck, raw.contacts, `${at}.contacts`, 0, 1000, 'a number of contacts', 1, CONVENTION_CITATIONS.contacts, citations);
  let saturation: number | null;
  if (raw.saturation === undefined) {
    saturation = p.saturation?.value ?? null;
    if (p.saturation) citations[`${at}.saturation`] = p.saturation.citation;
  } else saturation = ck.number(raw.saturation, `${at}.saturation`, 1, 1000, 'a number of contacts');
  let contactsPerVolunteer = 0;
  if (name === 'relay') {
    if (raw.contactsPerVolunteer !== undefined) contactsPerVolunteer = ck.number(raw.contactsPerVolunteer, `${at}.contactsPerVolunteer`, 0, 100_000, 'a number of people');
    else if (relaysPerVolunteer !== undefined) contactsPerVolunteer = relaysPerVolunteer;
    else {
      contactsPerVolunteer = ctx.parameters.relayContactsPerVolunteer.central;
      citations[`${at}.contactsPerVolunteer`] = ctx.parameters.relayContactsPerVolunteer.citation;
    }
  } else if (raw.contactsPerVolunteer !== undefined) {
    ck.fail(`${at}.contactsPerVolunteer`, 'absent except for the relay channel', raw.contactsPerVolunteer);
  }
  const resolved: ResolvedChannel = { coverage, contactRate, effect, persuasion, costPerContact, contacts, saturation, contactsPerVolunteer };
  if (variant) resolved.variant = variant;
  if (name === 'social' && p.indirectMultiplier) {
    resolved.indirectMultiplier = { central: p.indirectMultiplier.central, low: p.indirectMultiplier.low, high: p.indirectMultiplier.high };
    citations[`${at}.indirectMultiplier`] = p.indirectMultiplier.citation;
  }
  return resolved;
}

/** Turnout-effect priors of a channel variant, from data/parameters.json. */
function variantPriors(variants: Record<string, ChannelVariantParameters> | undefined, variant: string, at: string): TurnoutEffectPriors {
  const found = variants?.[variant];
  if (!found) throw new InputError({ file: 'data/parameters.json', at, expected: `turnout-effect priors of the "${variant}" variant`, found: 'none' });
  return found.turnoutEffect;
}

function priorOr(ck: Checker, value: unknown, at: string, fallback: Prior & { citation: Citation }, citations: Record<string, Citation>): Prior {
  if (value === undefined) {
    citations[at] = fallback.citation;
    return { central: fallback.central, low: fallback.low, high: fallback.high };
  }
  return ck.prior(value as EffectSpec, at, -100, 100);
}
