/**
 * Turns a scenario file into the fully resolved scenario the engine runs: defaults from
 * data/parameters.json with their citations, explicit list allocation and the baseline territories. The
 * scenario's shape is checked by the one validator (validateScenario: the JSON Schema generated from the
 * types, then the rules a schema cannot say); what is checked here needs the results or the parameters
 * (sides and territories of the results table, weights, thresholds, past elections).
 */
import type { ChannelName, Citation, ElectionResults, Prior, RuleName, Side } from '../model/types.js';
import type { ChannelVariantParameters, Parameters, TurnoutEffectPriors } from '../data/parameters.js';
import { InputError, describeKey, describeValue, keyPath } from '../errors.js';
import { historicalCorrelation } from '../model/historicalCorrelation.js';
import type {
  CampaignSpec,
  ChannelSpec,
  ChannelSpecs,
  EffectSpec,
  UncertaintySpec,
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
import { validateScenario } from './validateScenario.js';
import { multiCandidateReason } from './multiCandidateScenario.js';
import { describeBaseline } from './describeBaseline.js';
import { horizonUncertainty, type HorizonUncertainty } from './horizon.js';
import type { ResolvedErrorBasis } from '../model/resolvedScenario.js';
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

/** Throws the InputError of a problem found while resolving, in the one grammar. */
export type Fail = (at: string, expected: string, found: unknown, hint?: string) => never;

/**
 * The {@link Fail} of a scenario file: throws an InputError naming the file.
 *
 * @example
 * failIn('a.yaml')('seed', 'a number', 'x') // throws InputError: a.yaml: seed must be a number, got "x"
 */
export function failIn(file: string | undefined): Fail {
  return (at, expected, found, hint) => {
    throw new InputError({ file, at, expected, found: describeValue(found), ...(hint ? { hint } : {}) });
  };
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
  const raw = validateScenario(scenario, inputs.file);
  const fail = failIn(inputs.file);
  // A multi-candidate scenario runs on the K-candidate engine (src/node/runMultiCandidateScenario.ts), never here.
  const multi = multiCandidateReason(raw);
  if (multi) fail(multi.at, 'a two-candidate scenario (this command runs the two-candidate engine; `campaign-lab run` runs multi-candidate races)', multi.found);
  const { results, parameters } = inputs;
  const citations: Record<string, Citation> = {};
  const { country, year, race } = raceOrElection(raw, inputs, citations, fail);
  const { simulations, seed } = raw;
  const rule = raw.rule as RuleName;
  // Not set: one thread here (browser-safe); the Node layer runs the machine's cores (src/node/prepareScenario.ts runThreads).
  const threads = raw.threads ?? 1;
  const salience: SalienceLevel = raw.salience ?? 'high';
  const sides: [Side, Side] = [raw.sides[0], raw.sides[1]];
  const firstRound = raw.firstRound;
  const round = raw.round;
  if (firstRound && results.round !== undefined && results.round !== 1) fail('firstRound', 'given only with first-round (round 1) results', `round ${results.round} results`);
  const resultTerritories = resolveTerritories(fail, results, sides, firstRound?.transfers);
  if (rule === 'electoral-college' && !resultTerritories.some((t) => t.weight > 0)) {
    fail('rule', '"popular-vote", "two-round" or "seats" for a table without unit weights (electoral votes)', rule);
  }
  const threshold = resolveThreshold(fail, raw, rule, resultTerritories);
  const resultRound = round ?? results.round;
  const resultLabel = baselineResultLabel(race, results.year, year, country, resultRound);
  const { territories, baseline, uncertainty: pollDefaults } = applyBaseline(resultTerritories, sides, raw.baseline, {
    resultLabel,
    file: inputs.file,
  });
  // A poll baseline's error model replaces the no-poll defaults of data/parameters.json; else the horizon chooses them.
  if (pollDefaults && raw.horizon !== undefined) fail('horizon', 'absent with a poll baseline (baseline.polls brings the error of its own forecast day)', raw.horizon);
  const chosen = horizonUncertainty(raw.horizon, parameters);
  const uncertaintyParameters = pollDefaults
    ? { ...parameters, uncertainty: { ...pollDefaults, citation: { source: pollDefaults.source, confidence: 'M' as const } } }
    : { ...parameters, uncertainty: chosen };
  const uncertainty = resolveUncertainty(fail, raw.uncertainty ?? {}, uncertaintyParameters, citations, territories, sides, inputs.history);
  uncertainty.basis = errorBasis(raw.uncertainty ?? {}, pollDefaults ? undefined : chosen);
  const campaigns: Record<Side, ResolvedCampaign> = {};
  for (const side of sides) {
    campaigns[side] = resolveCampaign(fail, raw.campaigns?.[side], `campaigns.${side}`, {
      file: inputs.file,
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
    name: raw.name,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
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
 * The country (for the channel priors) and year of the scenario, and its race file: a `race:` scenario
 * takes them from its results (the country's default recorded in `citations`); a `country`/`year` one
 * must match its results table.
 */
function raceOrElection(
  raw: ReturnType<typeof validateScenario>,
  inputs: ResolveInputs,
  citations: Record<string, Citation>,
  fail: ReturnType<typeof failIn>,
): { country: 'us' | 'fr'; year: number; race?: { file: string; format: string } } {
  const { results } = inputs;
  if (raw.race === undefined) {
    const country = raw.country!;
    if (results.country !== 'custom' && results.country !== country) fail('country', `the country of the results table (${results.country})`, country);
    const year = raw.year!;
    if (results.year !== year) fail('year', `the year of the results table (${results.year})`, year);
    return { country, year };
  }
  const defaultCountry = results.country === 'fr' ? 'fr' : 'us';
  if (raw.race.country === undefined) {
    citations['race.country'] = {
      source:
        results.country === 'custom'
          ? 'US channel priors: the default for a table (set race.country: fr for the French priors)'
          : `channel priors of ${defaultCountry === 'fr' ? 'France' : 'the US'}, the country of the race file`,
      sourceFr:
        results.country === 'custom'
          ? 'lois a priori américaines des canaux\u00a0: le choix par défaut pour une table (race.country: fr pour les lois françaises)'
          : `lois a priori des canaux ${defaultCountry === 'fr' ? 'de la France' : 'des États-Unis'}, pays du fichier de l'élection`,
      confidence: 'M',
    };
  }
  return { country: raw.race.country ?? defaultCountry, year: results.year, race: { file: raw.race.file ?? '', format: inputs.raceFormat ?? raw.race.format ?? 'auto' } };
}

/** Label of the result a baseline starts from: `2024 result`, `2022 runoff`, or the race file's name for a race without a year. */
function baselineResultLabel(race: { file: string } | undefined, resultsYear: number, year: number, country: string, resultRound: number | undefined): string {
  if (race && !(resultsYear > 0)) return `${race.file.split(/[\\/]/).pop()} ${resultRound === 1 ? 'first round' : resultRound === 2 ? 'runoff' : 'result'}`;
  return country === 'fr' || resultRound !== undefined ? `${year} ${resultRound === 1 ? 'first round' : 'runoff'}` : `${year} result`;
}

/**
 * `threshold` (electoral-college) or `seatsToWin` (seats): an integer weight above half the total and at
 * most the total. Unit weights of weighted rules must be non-negative integers.
 */
function resolveThreshold(fail: Fail, raw: Scenario, rule: RuleName, territories: ResolvedTerritory[]): number | undefined {
  if (rule === 'electoral-college' || rule === 'seats') {
    for (const t of territories) {
      if (!Number.isInteger(t.weight) || t.weight < 0) fail(keyPath('territories', t.id) + '.weight', `a non-negative whole number of ${rule === 'seats' ? 'seats' : 'electoral votes'}`, t.weight);
    }
    // The weight won per draw is kept as a 32-bit integer; its distribution costs memory by the totals
    // reached, not by their size, so weights may be votes (a race weighted by registered voters).
    const { totalWeight } = ruleThresholds(rule, territories.map((t) => t.weight));
    if (totalWeight > MAX_TOTAL_WEIGHT) fail('race weights', `units whose weights add up to at most ${MAX_TOTAL_WEIGHT.toLocaleString('en-US')}`, totalWeight);
  }
  const key = rule === 'seats' ? 'seatsToWin' : 'threshold';
  const given = raw[key];
  if (given === undefined) return undefined;
  const { totalWeight } = ruleThresholds(rule, territories.map((t) => t.weight));
  const low = Math.floor(totalWeight / 2) + 1;
  if (totalWeight < 1) fail(key, 'absent for a race whose units carry no weight', given);
  if (given < low || given > totalWeight) fail(key, `an integer between ${low} and ${totalWeight}`, given);
  return given;
}

function resolveTerritories(fail: Fail, results: ElectionResults, sides: [Side, Side], transfers: Record<string, Record<string, number>> | undefined): ResolvedTerritory[] {
  if (!transfers) {
    for (const [i, side] of sides.entries()) {
      if (!results.sides.includes(side)) fail(`sides.${i}`, `one of the sides of the results table (${results.sides.join(', ')})`, side);
    }
  }
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
      if (!candidates.has(side)) fail(`sides.${i}`, `a candidate of the first-round table (${[...candidates].join(', ')})`, side);
    }
    for (const candidate of Object.keys(transfers)) {
      if (!candidates.has(candidate)) fail(`firstRound.transfers.${candidate}`, `a candidate of the first-round table (${[...candidates].join(', ')})`, candidate);
    }
  }
  const ids = new Set<string>();
  return results.units.map((unit) => {
    if (ids.has(unit.id)) fail(`results.units.${unit.id}`, 'a unit id listed once', unit.id);
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
      if (!(v >= 0) || !Number.isFinite(v)) fail(`results.units.${unit.id}.votes.${side}`, 'a non-negative vote count', v);
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
  fail: Fail,
  raw: UncertaintySpec,
  parameters: Parameters,
  citations: Record<string, Citation>,
  territories: ResolvedTerritory[],
  sides: [Side, Side],
  history: ElectionResults[] | undefined,
): ResolvedUncertainty {
  const defaults = parameters.uncertainty;
  const pick = (key: 'national' | 'regional' | 'territory' | 'tails'): number => {
    const given = raw[key];
    if (given !== undefined) return given;
    citations[`uncertainty.${key}`] = defaults.citation;
    return defaults[key];
  };
  const national = pick('national');
  const regional = pick('regional');
  const territory = pick('territory');
  const tails = pick('tails');
  const correlation = raw.correlation ?? 'independent';
  const out: ResolvedUncertainty = { national, regional, territory, tails, correlation };
  if (correlation === 'historical') {
    if (!history || history.length < 3) {
      fail('uncertainty.correlation', '"independent" unless at least three past elections are given as history', correlation);
    }
    const estimate = historicalCorrelation(history, territories.map((t) => t.id), sides);
    out.cholesky = estimate.cholesky;
    out.shrinkage = estimate.shrinkage;
    out.historyYears = estimate.years;
    citations['uncertainty.correlation'] = {
      source: `swings of two-party margins between the elections ${estimate.years.join(', ')} (results tables in data/)`,
      sourceFr: `variations des écarts entre les deux camps d'une élection à l'autre, ${estimate.years.join(', ')} (tables de résultats de data/)`,
      confidence: 'M',
      note: 'Correlation of territory swings net of each election mean swing, shrunk towards independence with the Schäfer & Strimmer (2005, Stat. Appl. Genet. Mol. Biol. 4(1):32) intensity.',
      noteFr: "Corrélation des variations par territoire, nettes de la variation moyenne de chaque élection, rapprochée de l'indépendance avec l'intensité de Schäfer & Strimmer (2005, *Stat. Appl. Genet. Mol. Biol.* 4(1):32).",
    };
  }
  return out;
}

/**
 * Which error the run uses and why, in words: the horizon's (or the no-poll default's) reason, the poll
 * baseline's error model, and the keys the scenario set itself, which win over either.
 *
 * @example
 * errorBasis({ national: 3 }, horizonUncertainty('replay', parameters)).setInScenario // => ['national']
 */
function errorBasis(raw: UncertaintySpec, chosen: HorizonUncertainty | undefined): ResolvedErrorBasis {
  const setInScenario = (['national', 'regional', 'territory', 'tails'] as const).filter((k) => raw[k] !== undefined);
  const given = setInScenario.length > 0 ? `; set in the scenario, winning over it: ${setInScenario.map((k) => `uncertainty.${k} ${raw[k]}`).join(', ')}` : '';
  if (!chosen) return { basis: 'polls', reason: `the poll forecast's error model (baseline.polls, data/poll-error-calibration.json)${given}`, setInScenario };
  return { basis: chosen.basis, ...(chosen.horizon !== undefined ? { horizon: chosen.horizon } : {}), reason: `${chosen.reason}${given}`, setInScenario };
}

/** What resolveCampaign reads besides the campaign: the race's territories, parameters, where citations go. */
export interface CampaignContext {
  /** The scenario file, for messages. */
  file: string | undefined;
  side: Side;
  country: 'us' | 'fr';
  salience: SalienceLevel;
  territories: ResolvedTerritory[];
  parameters: Parameters;
  citations: Record<string, Citation>;
  resultsSource: string;
}

/**
 * A campaign's list size and its spread over the top-level territories: proportional to the side's
 * baseline votes, given shares, or counts (the size when `listSize` is absent, else the spread).
 */
function resolveAllocation(fail: Fail, raw: CampaignSpec, at: string, ctx: CampaignContext, topLevel: ResolvedTerritory[]): { listSize: number; allocation: Map<string, number> } {
  const { territories, citations, side } = ctx;
  const spec = raw.allocation ?? 'proportional';
  // With counts, `listSize` is optional: given, it is the size and the counts the spread; absent, the counts' sum.
  let listSize = raw.listSize ?? 0;
  // Keyed by territory ids from files: a Map, so an id such as `__proto__` or `constructor` is a key like any other.
  const allocation = new Map<string, number>();
  const topIds = new Set(topLevel.map((t) => t.id));
  // Counts may come from a file (a list's counts): an unknown key is named only when shaped like a territory id.
  const checkId = (id: string, path: string): void => {
    if (!topIds.has(id)) {
      const sub = territories.find((t) => t.id === id);
      if (sub) fail(path, `a territory without a parent (${id} belongs to ${sub.parent})`, id);
      throw new InputError({ file: ctx.file, at: path, expected: 'the id of a territory of the race', found: describeKey(id) });
    }
  };
  if (spec === 'proportional') {
    let total = 0;
    for (const t of topLevel) total += t.votes[side];
    for (const t of topLevel) allocation.set(t.id, total > 0 ? (listSize * t.votes[side]) / total : 0);
    citations[`${at}.allocation`] = { source: `proportional to ${side}'s baseline votes (${ctx.resultsSource})`, sourceFr: `proportionnelle aux voix de référence de ${side} (${ctx.resultsSource})`, confidence: 'M' };
  } else if ('counts' in spec) {
    let sum = 0;
    for (const [id, count] of Object.entries(spec.counts)) {
      checkId(id, keyPath(`${at}.allocation.counts`, id));
      allocation.set(id, count);
      sum += count;
    }
    if (raw.listSize !== undefined) {
      // The rule when both are given: listSize is the size, the counts give the spread.
      for (const [id, n] of allocation) allocation.set(id, sum > 0 ? (listSize * n) / sum : 0);
      citations[`${at}.allocation`] = { source: `spread as the counts given (${Math.round(sum).toLocaleString('en-US')} people), scaled to listSize`, sourceFr: `répartie comme les effectifs donnés (${Math.round(sum).toLocaleString('fr-FR')} personnes), ramenés à listSize`, confidence: 'M' };
    } else {
      listSize = sum;
      citations[`${at}.allocation`] = { source: `the counts given; their sum (${Math.round(sum).toLocaleString('en-US')} people) is the list size`, sourceFr: `les effectifs donnés\u00a0; leur somme (${Math.round(sum).toLocaleString('fr-FR')} personnes) est la taille de la liste`, confidence: 'M' };
    }
  } else if ('shares' in spec) {
    let sum = 0;
    for (const [id, share] of Object.entries(spec.shares)) {
      checkId(id, `${at}.allocation.shares.${id}`);
      sum += share;
    }
    for (const [id, share] of Object.entries(spec.shares)) allocation.set(id, (listSize * share) / sum);
  } else {
    fail(`${at}.allocation`, '"proportional", {shares} or {counts} (the scenario loader replaces {file} by the counts of the file)', spec);
  }
  return { listSize, allocation };
}

/**
 * A side's campaign with every value filled in (defaults cited in `ctx.citations`); exported for the
 * multi-candidate engine, which resolves our candidate's campaign on its units (scenario/multiCandidateCampaignScenario.ts).
 *
 * @throws {InputError} through `fail`: an unknown territory in the allocation, a bad channel or prior.
 * @example
 * resolveCampaign(failIn('x.yaml'), undefined, 'campaigns.D', ctx).listSize // => 0
 */
export function resolveCampaign(fail: Fail, raw: CampaignSpec | undefined, at: string, ctx: CampaignContext): ResolvedCampaign {
  const { territories, parameters, citations, side } = ctx;
  const topLevel = territories.filter((t) => t.parent === undefined);
  if (raw === undefined) return emptyCampaign();
  const { listSize, allocation } = resolveAllocation(fail, raw, at, ctx, topLevel);
  const churn = defaultOr(raw.churn, `${at}.churn`, parameters.listChurn.central, parameters.listChurn.citation, citations);
  const yearsSinceCollected = defaultOr(raw.yearsSinceCollected, `${at}.yearsSinceCollected`, 0, CONVENTION_CITATIONS.yearsSinceCollected, citations);
  const volunteers = defaultOr(raw.volunteers, `${at}.volunteers`, parameters.volunteerConversion.central, parameters.volunteerConversion.citation, citations);
  const certainShare: Record<string, number> = {};
  if (raw.certainShare !== undefined) {
    const share = raw.certainShare;
    for (const t of topLevel) setOwn(certainShare, t.id, share);
  } else {
    for (const t of topLevel) {
      const cast = Object.values(t.votes).reduce((a, b) => a + b, 0) + t.other;
      setOwn(certainShare, t.id, t.eligible > 0 ? Math.min(1, cast / t.eligible) : 0);
    }
    citations[`${at}.certainShare`] = CONVENTION_CITATIONS.certainShare(ctx.resultsSource);
  }
  const channelsRaw: ChannelSpecs = raw.channels ?? { email: {} };
  if (raw.channels === undefined) citations[`${at}.channels`] = CONVENTION_CITATIONS.channels;
  const channels: Partial<Record<ChannelName, ResolvedChannel>> = {};
  for (const [name, spec] of Object.entries(channelsRaw) as [ChannelName, ChannelSpec | null | undefined][]) {
    channels[name] = resolveChannel(fail, spec ?? {}, `${at}.channels.${name}`, name, ctx, raw.relaysPerVolunteer);
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
  if (raw.persuadable !== undefined) resolved.persuadable = raw.persuadable;
  if (channels.relay || channels.social) {
    resolved.homophily = parameters.networkHomophily.central;
    citations[`${at}.homophily`] = parameters.networkHomophily.citation;
  }
  return resolved;
}

/** The value given, or the default with its citation recorded under the key path. */
function defaultOr(value: number | undefined, at: string, fallback: number, citation: Citation, citations: Record<string, Citation>): number {
  if (value !== undefined) return value;
  citations[at] = citation;
  return fallback;
}

function resolveChannel(fail: Fail, raw: ChannelSpec, at: string, name: ChannelName, ctx: CampaignContext, relaysPerVolunteer: number | undefined): ResolvedChannel {
  const p = ctx.parameters.channels[name];
  const { citations } = ctx;
  const coverage = defaultOr(raw.coverage, `${at}.coverage`, 1, CONVENTION_CITATIONS.coverage, citations);
  const contactRate = defaultOr(raw.contactRate, `${at}.contactRate`, p.contactRate.central, p.contactRate.citation, citations);
  const variant = raw.variant === 'social-pressure' ? 'social-pressure' : undefined;
  const priors = variant === undefined ? p.turnoutEffect : variantPriors(p.variants, variant, `${at}.variant`);
  const effectPrior = ctx.country === 'fr' ? priors.france : ctx.salience === 'high' ? priors.highSalience : priors.lowSalience;
  const persuasionPrior = ctx.country === 'fr' ? p.persuasion.france : p.persuasion.general;
  const effect = priorOr(raw.effect, `${at}.effect`, effectPrior, citations);
  const persuasion = priorOr(raw.persuasion, `${at}.persuasion`, persuasionPrior, citations);
  const costPerContact = defaultOr(raw.costPerContact, `${at}.costPerContact`, p.costPerContact?.central ?? 0, p.costPerContact?.citation ?? CONVENTION_CITATIONS.costPerContact, citations);
  const contacts = defaultOr(raw.contacts, `${at}.contacts`, 1, CONVENTION_CITATIONS.contacts, citations);
  let saturation: number | null;
  if (raw.saturation === undefined) {
    saturation = p.saturation?.value ?? null;
    if (p.saturation) citations[`${at}.saturation`] = p.saturation.citation;
  } else saturation = raw.saturation;
  let contactsPerVolunteer = 0;
  if (name === 'relay') {
    if (raw.contactsPerVolunteer !== undefined) contactsPerVolunteer = raw.contactsPerVolunteer;
    else if (relaysPerVolunteer !== undefined) contactsPerVolunteer = relaysPerVolunteer;
    else {
      contactsPerVolunteer = ctx.parameters.relayContactsPerVolunteer.central;
      citations[`${at}.contactsPerVolunteer`] = ctx.parameters.relayContactsPerVolunteer.citation;
    }
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

function priorOr(value: EffectSpec | undefined, at: string, fallback: Prior & { citation: Citation }, citations: Record<string, Citation>): Prior {
  if (value === undefined) {
    citations[at] = fallback.citation;
    return { central: fallback.central, low: fallback.low, high: fallback.high };
  }
  return typeof value === 'number' ? { central: value, low: value, high: value } : { central: value.central, low: value.low, high: value.high };
}
