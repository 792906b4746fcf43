/**
 * The rules of a scenario's shape that a JSON Schema cannot say, checked right after the schema (the
 * one validator, src/scenario/validateScenario.ts): either `race` or `country` + `year`; two different
 * sides; keys that belong to one rule, country or channel only; a campaign for a side of the race; a
 * list size unless counts give it; counts and shares that make a list; priors with low <= central <=
 * high; first-round transfers that are shares. Nothing here needs the results or the parameters
 * (src/scenario/resolveScenario.ts checks what does), so the page's live engine and the command line
 * refuse the same scenarios with the same messages.
 */
import { InputError, describeValue, keyPath, scenarioKeyPath } from '../errors.js';

/** Largest list a scenario accepts, people (the schema's `listSize` maximum, src/scenario/types.ts). */
export const MAX_LIST_SIZE = 1e9;

type Fail = (at: string, expected: string, found: unknown) => never;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Throws the first problem of a schema-valid scenario's cross-key rules.
 *
 * @param scenario a scenario object that passed the schema
 * @param file the scenario file, for messages
 * @throws InputError naming the key path, what was expected and what was found
 * @example
 * checkScenarioRules({ name: 'x', country: 'us', year: 2016, rule: 'seats', threshold: 270, sides: ['D', 'R'], simulations: 1, seed: 1 }, 'a.yaml')
 * // throws InputError: a.yaml: threshold must be absent unless rule is "electoral-college" (use seatsToWin), got 270
 */
export function checkScenarioRules(scenario: Record<string, unknown>, file?: string): void {
  const fail: Fail = (at, expected, found) => {
    throw new InputError({ file, at, expected, found: describeValue(found) });
  };
  checkRace(scenario, file);
  // Texts the schema types as strings must say something.
  for (const key of ['name', 'description'] as const) if (scenario[key] === '') fail(key, 'a non-empty string', '');
  if (isObject(scenario.race) && scenario.race.file === '') fail('race.file', 'a non-empty string', '');
  if (isObject(scenario.race)) checkRaceKeys(scenario.race, fail);
  const sides = scenario.sides as [string, string];
  sides.forEach((side, i) => {
    if (side === '') fail(`sides.${i}`, 'a non-empty string', side);
  });
  if (sides[0] === sides[1]) fail('sides', 'two different side codes', sides);
  const rule = scenario.rule as string;
  if (scenario.firstRound !== undefined && rule !== 'two-round') fail('firstRound', 'absent unless rule is "two-round"', 'firstRound');
  if (scenario.round !== undefined && scenario.race === undefined && scenario.country === 'us') fail('round', 'absent for the US', scenario.round);
  if (scenario.round !== undefined && scenario.race !== undefined) fail('round', 'absent with race (give race.round)', scenario.round);
  if (scenario.threshold !== undefined && rule !== 'electoral-college') fail('threshold', `absent unless rule is "electoral-college"${rule === 'seats' ? ' (use seatsToWin)' : ''}`, scenario.threshold);
  const seatRules = ['seats', 'plurality', 'two-round-legislative'];
  if (scenario.seatsToWin !== undefined && !seatRules.includes(rule)) fail('seatsToWin', `absent unless rule is "seats", "plurality" or "two-round-legislative"${rule === 'electoral-college' ? ' (use threshold)' : ''}`, scenario.seatsToWin);
  if (isObject(scenario.firstRound)) checkTransfers(scenario.firstRound.transfers as Record<string, Record<string, number>>, sides, fail);
  const campaigns = (scenario.campaigns ?? {}) as Record<string, Record<string, unknown>>;
  for (const [side, campaign] of Object.entries(campaigns)) {
    if (!sides.includes(side)) fail(scenarioKeyPath('campaigns', side), `a campaign of one of the sides ${sides.join(', ')}`, side);
    checkCampaign(campaign, `campaigns.${side}`, fail);
  }
}

/** Either `race` (your own race file) or `country` + `year` (a bundled election), not both. */
function checkRace(scenario: Record<string, unknown>, file: string | undefined): void {
  const given = ['country', 'year'].filter((k) => scenario[k] !== undefined);
  if (scenario.race !== undefined) {
    if (given.length > 0) {
      throw new InputError({ file, at: `race and ${given.join(' and ')}`, expected: 'either race (your own race file) or country + year (a bundled election), not both', found: given.join(', ') });
    }
    return;
  }
  if (given.length < 2) {
    throw new InputError({ file, at: scenario.country === undefined ? 'country' : 'year', expected: 'country + year (a bundled election) or race (your own race file)', found: 'nothing' });
  }
}

/** `race.file` or `race.bundled`, one of them; `bundled` alone (its race carries its own layout, year and weights). */
function checkRaceKeys(race: Record<string, unknown>, fail: Fail): void {
  if (race.file === undefined && race.bundled === undefined) fail('race', 'an object with file (your results file) or bundled (a bundled race)', 'neither');
  if (race.bundled === undefined) return;
  const extra = Object.keys(race).filter((k) => k !== 'bundled');
  if (extra.length > 0) fail(`race.${extra[0]}`, 'absent with race.bundled (a bundled race has its own file, layout, year and weights)', extra[0]);
}

/** Per first-round candidate, shares 0–1 of its voters for the finalists, summing to at most 1. */
function checkTransfers(transfers: Record<string, Record<string, number>>, sides: [string, string], fail: Fail): void {
  for (const [candidate, shares] of Object.entries(transfers)) {
    const at = `firstRound.transfers.${candidate}`;
    let sum = 0;
    for (const [side, share] of Object.entries(shares)) {
      if (!sides.includes(side)) fail(`${at}.${side}`, `one of the sides ${sides.join(', ')}`, side);
      if (!(share >= 0 && share <= 1)) fail(`${at}.${side}`, 'a share between 0 and 1', share);
      sum += share;
    }
    if (sum > 1 + 1e-12) fail(at, 'shares summing to at most 1', sum);
  }
}

/** A campaign's list (size, counts, shares) and its channels' rules. */
function checkCampaign(campaign: Record<string, unknown>, at: string, fail: Fail): void {
  const allocation = campaign.allocation;
  const counts = isObject(allocation) && 'counts' in allocation ? (allocation.counts as Record<string, number>) : undefined;
  const fromFile = isObject(allocation) && 'file' in allocation;
  if (campaign.listSize === undefined && !counts && !fromFile) fail(`${at}.listSize`, 'a non-negative number of people (required unless allocation gives counts)', undefined);
  if (counts) {
    let sum = 0;
    for (const [id, n] of Object.entries(counts)) {
      if (!(n >= 0 && n <= MAX_LIST_SIZE)) fail(keyPath(`${at}.allocation.counts`, id), `a non-negative number of people between 0 and ${MAX_LIST_SIZE}`, n);
      sum += n;
    }
    if (sum > MAX_LIST_SIZE) fail(`${at}.allocation.counts`, `counts adding up to at most ${MAX_LIST_SIZE.toLocaleString('en-US')} people (the largest list size)`, sum);
    const listSize = campaign.listSize as number | undefined;
    if (listSize !== undefined && listSize > 0 && !(sum > 0)) fail(`${at}.allocation.counts`, `counts with at least one positive count, to spread listSize (${listSize})`, counts);
  }
  if (isObject(allocation) && 'shares' in allocation) {
    const shares = allocation.shares as Record<string, number>;
    for (const [id, s] of Object.entries(shares)) if (!(s >= 0)) fail(`${at}.allocation.shares.${id}`, 'a non-negative share', s);
    if (!(Object.values(shares).reduce((a, b) => a + b, 0) > 0)) fail(`${at}.allocation.shares`, 'at least one positive share', shares);
  }
  for (const [name, channel] of Object.entries((campaign.channels ?? {}) as Record<string, Record<string, unknown> | null>)) {
    const path = `${at}.channels.${name}`;
    if (!channel) continue;
    if (channel.variant !== undefined && name !== 'mail') fail(`${path}.variant`, 'absent except for the mail channel', channel.variant);
    if (channel.contactsPerVolunteer !== undefined && name !== 'relay') fail(`${path}.contactsPerVolunteer`, 'absent except for the relay channel', channel.contactsPerVolunteer);
    for (const key of ['effect', 'persuasion']) {
      const prior = channel[key];
      if (isObject(prior)) {
        const { low, central, high } = prior as { low: number; central: number; high: number };
        if (low > central || central > high) fail(`${path}.${key}`, 'a prior with low <= central <= high', { low, central, high });
      }
    }
  }
}
