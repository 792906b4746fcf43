/**
 * Sensitivity (tornado): every prior moved from its low to its high value with common random numbers,
 * the others held at their central values; which assumptions the conclusion hinges on.
 */
import { sideSign } from '../model/sideSign.js';
import { CHANNEL_NAMES } from '../model/types.js';
import type { ChannelName, Side } from '../model/types.js';
import type { Parameters } from '../data/parameters.js';
import type { ResolvedChannel, ResolvedScenario } from '../model/resolvedScenario.js';
import { InputError } from '../errors.js';
import { DEFAULT_BACKTEST_GRID } from './backtest.js';
import type { RunScenario } from './listMarginalValue.js';
import { pairedWinDifference } from './pairedWinDifference.js';

/** One assumption of the tornado: its central, low and high values and how to set it in a scenario. */
export interface SensitivityInput {
  /** Key path of the assumption (`campaigns.D.channels.door.effect`, `uncertainty.national`). */
  name: string;
  central: number;
  low: number;
  high: number;
  /** Returns a copy of the scenario with the assumption set to `value`. */
  apply: (scenario: ResolvedScenario, value: number) => ResolvedScenario;
}

/** One bar of the tornado. */
export interface SensitivityRow {
  name: string;
  central: number;
  low: number;
  high: number;
  /** P(side wins) with the assumption at its low and high values, the others central. */
  pWinLow: number;
  pWinHigh: number;
  /** pWinHigh − pWinLow, and the paired standard error of that difference. */
  swing: number;
  swingStandardError: number;
  /** True when the low or the high value changes which side is favoured (P(win) crossing 0.5). */
  flipsConclusion: boolean;
}

/** What {@link sensitivity} returns. */
export interface Sensitivity {
  side: Side;
  /** P(side wins) with every assumption central. */
  basePWin: number;
  /** Whether the side is favoured (P(win) > 0.5) with every assumption central. */
  favoured: boolean;
  /** Bars, largest |swing| first. */
  rows: SensitivityRow[];
  /** Names of the assumptions the conclusion hinges on (rows with flipsConclusion). */
  hingesOn: string[];
}

function withChannel(s: ResolvedScenario, side: Side, name: ChannelName, change: Partial<ResolvedChannel>): ResolvedScenario {
  const campaign = s.campaigns[side];
  const channel = campaign.channels[name]!;
  return { ...s, campaigns: { ...s.campaigns, [side]: { ...campaign, channels: { ...campaign.channels, [name]: { ...channel, ...change } } } } };
}

function withCampaign(s: ResolvedScenario, side: Side, change: Partial<ResolvedScenario['campaigns'][Side]>): ResolvedScenario {
  return { ...s, campaigns: { ...s.campaigns, [side]: { ...s.campaigns[side], ...change } } };
}

const fixed = (v: number) => ({ central: v, low: v, high: v });

/**
 * The assumptions of a resolved scenario with their low–high ranges.
 *
 * Per side with a list: each switched-on channel's turnout effect and persuasion (their priors in the
 * scenario), contact rate (data/parameters.json channel contact-rate prior), relay contacts per volunteer
 * (data/parameters.json) when relays are on; the list churn (data/parameters.json, only when the list is
 * older than 0 years, since churn acts through (1 − churn)^years) and volunteer conversion
 * (data/parameters.json) when relays are on. Error model: each SD and the tails over the range the
 * backtest searched ({@link DEFAULT_BACKTEST_GRID}), widened to include the scenario's own value.
 * Assumptions whose low equals high are left out.
 *
 * @param scenario resolved scenario
 * @param parameters data/parameters.json as loaded (for the ranges of fixed numbers); without it only the
 *   scenario's own priors and the error model are listed
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1:
 * scenarioAssumptions(resolved, parameters).map((a) => a.name)
 * // => ['campaigns.D.channels.email.effect', 'campaigns.D.channels.email.persuasion', 'campaigns.D.channels.email.contactRate',
 * //     'campaigns.D.channels.door.effect', 'campaigns.D.channels.door.persuasion', 'campaigns.D.channels.door.contactRate',
 * //     'uncertainty.national', 'uncertainty.regional', 'uncertainty.territory', 'uncertainty.tails']
 */
export function scenarioAssumptions(scenario: ResolvedScenario, parameters?: Parameters): SensitivityInput[] {
  const inputs: SensitivityInput[] = [];
  for (const side of scenario.sides) {
    const campaign = scenario.campaigns[side];
    if (!campaign || campaign.listSize <= 0) continue;
    for (const name of CHANNEL_NAMES) {
      const channel = campaign.channels[name];
      if (!channel) continue;
      const at = `campaigns.${side}.channels.${name}`;
      inputs.push({ name: `${at}.effect`, ...channel.effect, apply: (s, v) => withChannel(s, side, name, { effect: fixed(v) }) });
      inputs.push({ name: `${at}.persuasion`, ...channel.persuasion, apply: (s, v) => withChannel(s, side, name, { persuasion: fixed(v) }) });
      const rate = parameters?.channels[name]?.contactRate;
      if (rate) inputs.push({ name: `${at}.contactRate`, central: channel.contactRate, low: rate.low, high: rate.high, apply: (s, v) => withChannel(s, side, name, { contactRate: v }) });
      const relay = parameters?.relayContactsPerVolunteer;
      if (name === 'relay' && relay) {
        inputs.push({ name: `${at}.contactsPerVolunteer`, central: channel.contactsPerVolunteer, low: relay.low, high: relay.high, apply: (s, v) => withChannel(s, side, name, { contactsPerVolunteer: v }) });
      }
    }
    const churn = parameters?.listChurn;
    if (churn && campaign.yearsSinceCollected > 0) {
      inputs.push({
        name: `campaigns.${side}.churn`, central: campaign.churn, low: churn.low, high: churn.high,
        apply: (s, v) => withCampaign(s, side, { churn: v, retention: (1 - v) ** s.campaigns[side].yearsSinceCollected }),
      });
    }
    const volunteers = parameters?.volunteerConversion;
    if (volunteers && campaign.channels.relay) {
      inputs.push({ name: `campaigns.${side}.volunteers`, central: campaign.volunteers, low: volunteers.low, high: volunteers.high, apply: (s, v) => withCampaign(s, side, { volunteers: v }) });
    }
  }
  for (const key of ['national', 'regional', 'territory', 'tails'] as const) {
    const central = scenario.uncertainty[key];
    const values = [...DEFAULT_BACKTEST_GRID[key], central];
    inputs.push({
      name: `uncertainty.${key}`, central, low: Math.min(...values), high: Math.max(...values),
      apply: (s, v) => ({ ...s, uncertainty: { ...s.uncertainty, [key]: v } }),
    });
  }
  return inputs.filter((i) => i.low !== i.high);
}

/**
 * Tornado over assumptions: P(win) with each assumption at its low and at its high value, every other at
 * its central value, all runs sharing one seed (common random numbers), so the bars are paired differences.
 *
 * The base sets every input to its central value (a prior collapses to its central number, so parameter
 * uncertainty does not blur the bars). The conclusion is "side favoured" (P(win) > 0.5 at the base); an
 * assumption it hinges on is one whose low or high value moves P(win) to the other side of 0.5.
 * Source: tornado diagrams of one-way sensitivity analysis (Howard 1988, "Decision analysis: practice and
 * promise", Management Science 34(6)).
 *
 * @param scenario resolved scenario
 * @param options `run` (fixed seed, keeps outcomes), `inputs` (default {@link scenarioAssumptions}), `side`, `parameters`
 * @throws {InputError} when `side` is not a side of the scenario
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1: D is favoured (P(win) 0.698) whatever the priors; the national SD moves it most.
 * const out = sensitivity(resolved, { run, parameters })
 * out.hingesOn // => []
 * out.rows[0] // => {name: 'uncertainty.national', central: 2, low: 2, high: 9, pWinLow: 0.698, pWinHigh: 0.561, ...} (rounded)
 */
export function sensitivity(
  scenario: ResolvedScenario,
  options: { run: RunScenario; inputs?: SensitivityInput[]; side?: Side; parameters?: Parameters },
): Sensitivity {
  const side = options.side ?? scenario.sides[0];
  const sign = sideSign(scenario.sides, side);
  const inputs = options.inputs ?? scenarioAssumptions(scenario, options.parameters);
  let central = scenario;
  for (const input of inputs) central = input.apply(central, input.central);
  const baseRun = options.run(central);
  const pOf = (r: ReturnType<RunScenario>) => (sign === 1 ? r.winsA : r.winsB) / r.simulations;
  const basePWin = pOf(baseRun);
  const favoured = basePWin > 0.5;
  const rows = inputs.map((input) => {
    const lowRun = options.run(input.apply(central, input.low));
    const highRun = options.run(input.apply(central, input.high));
    const diff = pairedWinDifference(lowRun, highRun, sign);
    const pWinLow = pOf(lowRun);
    const pWinHigh = pOf(highRun);
    return {
      name: input.name, central: input.central, low: input.low, high: input.high,
      pWinLow, pWinHigh, swing: diff.difference, swingStandardError: diff.standardError,
      flipsConclusion: pWinLow > 0.5 !== favoured || pWinHigh > 0.5 !== favoured,
    };
  });
  rows.sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing) || (x.name < y.name ? -1 : 1));
  return { side, basePWin, favoured, rows, hingesOn: rows.filter((r) => r.flipsConclusion).map((r) => r.name) };
}
