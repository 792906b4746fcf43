/**
 * Channel and model parameters with their citations: the typed shape of data/parameters.json and
 * the text parser that validates it. No file access here (see loadParameters.ts), so browser code
 * can parse a fetched copy of the same file.
 *
 * Every number carries a {@link Citation}. Effects are percentage points (pp) of turnout among the
 * people a channel actually reaches (the complier average causal effect, CACE); where a study
 * reported an effect per person targeted (ITT), data/parameters.json says how it was converted.
 */
import { CHANNEL_NAMES } from '../model/types.js';
import type { ChannelName, Citation, CitedPrior, CitedValue } from '../model/types.js';
import { parseJsonText } from './parseJsonText.js';
import { JsonReader } from './jsonReader.js';


/** Election salience: `low` (local, primary, midterm experiments), `high` (presidential general election). */
export type Salience = 'low' | 'high';

/** Turnout effect priors of one channel, pp of turnout among people reached. */
export interface TurnoutEffectPriors {
  /** Low-salience elections, where most field experiments were run. */
  lowSalience: CitedPrior;
  /** High-salience national elections (US presidential general election). */
  highSalience: CitedPrior;
  /** France (presidential): where French evidence exists it replaces the US figure (door: 0, Pons 2018). */
  france: CitedPrior;
}

/**
 * Persuasion priors of one channel: net share of reached people who switch their vote from the other
 * side to the contacting side, in pp. Each switch moves the two-party margin by two votes.
 */
export interface PersuasionPriors {
  /** US general elections and any country without its own evidence (Kalla & Broockman 2018: about zero). */
  general: CitedPrior;
  /** France (Pons 2018 for door-to-door canvassing). */
  france: CitedPrior;
}

/** Parameters of one mobilisation channel. */
export interface ChannelParameters {
  channel: ChannelName;
  /** What the channel is, in a few words (`volunteer phone calls`). */
  description: string;
  /** How the underlying studies measured the effect and how it was converted to "per person reached". */
  basis: string;
  /** Turnout effect among people reached, pp. */
  turnoutEffect: TurnoutEffectPriors;
  /** Persuasion effect among people reached, pp of them switching sides. */
  persuasion: PersuasionPriors;
  /** Share of targeted people actually reached, 0–1. */
  contactRate: CitedPrior;
  /** Cost of one contact attempt on one targeted person, US dollars; null where no cited figure exists. */
  costPerContact: CitedPrior | null;
  /** Number of contacts per person after which further contacts add nothing (mail: 5 pieces); null if none known. */
  saturation: CitedValue | null;
  /** Extra votes through friends per direct vote (Facebook 2010: about 4.7); only for channels that spread. */
  indirectMultiplier?: CitedPrior;
  /**
   * Variants of the channel with their own turnout-effect priors, by name (mail: `social-pressure`, the
   * Gerber, Green & Larimer 2008 "Neighbors" mailer). Contact rate, persuasion, cost and saturation stay
   * the channel's. Absent when the channel has none.
   */
  variants?: Record<string, ChannelVariantParameters>;
  /** Main references for the channel as a whole. */
  citation: Citation;
}

/** A variant of a channel (a kind of message) with its own turnout-effect priors, pp among people reached. */
export interface ChannelVariantParameters {
  /** What the variant is, in a few words. */
  description: string;
  /** How the studies measured the effect and how it was converted to "per person reached". */
  basis: string;
  turnoutEffect: TurnoutEffectPriors;
  citation: Citation;
}

/** Default standard deviations of the error model, pp of two-party margin, and t tails. */
export interface UncertaintyDefaults {
  /** National error SD, pp. */
  national: number;
  /** Regional (US Census division; French region) error SD, pp. */
  regional: number;
  /** Territory error SD, pp. */
  territory: number;
  /** Degrees of freedom of the Student-t national error (> 2). */
  tails: number;
  citation: Citation;
}

/** One row of the horizon table: the error SDs of a forecast made `days` before the election (pp; t tails). */
export interface HorizonPoint {
  /** Days before the election the forecast is made (the eve row has none). */
  days?: number;
  national: number;
  regional: number;
  territory: number;
  tails: number;
  /** Number of state polls of the 21 days before the forecast the territory SD assumes. */
  statePolls: number;
}

/** The error by horizon (data/parameters.json `uncertaintyHorizon`, derived by scripts/data/fit_horizon_error.ts). */
export interface HorizonErrorTable {
  /** Eve of the election: `horizon: replay`. */
  eve: HorizonPoint;
  /** Rows by days out, ascending; beyond the last the no-poll `uncertainty` defaults apply. */
  points: HorizonPoint[];
  citation: Citation;
}

/** Everything in data/parameters.json. */
export interface Parameters {
  /** Parameters per channel: email, sms, phone, door, mail, social, relay. */
  channels: Record<ChannelName, ChannelParameters>;
  /** Share of a supporter list's addresses going stale per year, 0–1. */
  listChurn: CitedPrior;
  /** Share of list members who become active volunteers, 0–1. */
  volunteerConversion: CitedPrior;
  /** People outside the list each volunteer contacts (the "army of relays"), count per volunteer. */
  relayContactsPerVolunteer: CitedPrior;
  /** Fractional reduction of low-salience effects in a high-salience election, 0–1. */
  salienceAttenuation: CitedPrior;
  /**
   * Homophily of discussion networks: share of a person's contacts who share their vote preference, 0–1.
   * Relay contacts and the friends reached by the social channel's indirect effect split h to the side
   * and 1 − h to the other.
   */
  networkHomophily: CitedPrior;
  /** Default error-model SDs; to be replaced by backtest-chosen values. */
  uncertainty: UncertaintyDefaults;
  /** Error SDs by how far ahead a scenario looks (its `horizon`); see {@link HorizonErrorTable}. */
  uncertaintyHorizon: HorizonErrorTable;
  /** Currency and price basis of the costs. */
  currency: string;
}

function readChannel(r: JsonReader, value: unknown, channel: ChannelName): ChannelParameters {
  const at = `channels.${channel}`;
  const o = r.object(value, at);
  const effect = r.object(o.turnoutEffect, `${at}.turnoutEffect`);
  const persuasion = r.object(o.persuasion, `${at}.persuasion`);
  const parsed: ChannelParameters = {
    channel,
    description: r.string(o.description, `${at}.description`),
    basis: r.string(o.basis, `${at}.basis`),
    turnoutEffect: {
      lowSalience: r.prior(effect.lowSalience, `${at}.turnoutEffect.lowSalience`),
      highSalience: r.prior(effect.highSalience, `${at}.turnoutEffect.highSalience`),
      france: r.prior(effect.france, `${at}.turnoutEffect.france`),
    },
    persuasion: {
      general: r.prior(persuasion.general, `${at}.persuasion.general`),
      france: r.prior(persuasion.france, `${at}.persuasion.france`),
    },
    contactRate: r.share(o.contactRate, `${at}.contactRate`),
    costPerContact: o.costPerContact === null ? null : r.nonNegative(o.costPerContact, `${at}.costPerContact`),
    saturation: null,
    citation: r.citation(o.citation, `${at}.citation`),
  };
  if (o.saturation !== null) {
    const s = r.object(o.saturation, `${at}.saturation`);
    const pieces = r.number(s.value, `${at}.saturation.value`);
    if (!Number.isInteger(pieces) || pieces < 1) r.fail(`${at}.saturation.value`, 'a positive integer', pieces);
    parsed.saturation = { value: pieces, citation: r.citation(s.citation, `${at}.saturation.citation`) };
  }
  if (o.indirectMultiplier !== undefined) {
    parsed.indirectMultiplier = r.nonNegative(o.indirectMultiplier, `${at}.indirectMultiplier`);
  }
  if (o.variants !== undefined) {
    const variants = r.object(o.variants, `${at}.variants`);
    parsed.variants = {};
    for (const [name, value] of Object.entries(variants)) {
      const v = r.object(value, `${at}.variants.${name}`);
      const e = r.object(v.turnoutEffect, `${at}.variants.${name}.turnoutEffect`);
      parsed.variants[name] = {
        description: r.string(v.description, `${at}.variants.${name}.description`),
        basis: r.string(v.basis, `${at}.variants.${name}.basis`),
        turnoutEffect: {
          lowSalience: r.prior(e.lowSalience, `${at}.variants.${name}.turnoutEffect.lowSalience`),
          highSalience: r.prior(e.highSalience, `${at}.variants.${name}.turnoutEffect.highSalience`),
          france: r.prior(e.france, `${at}.variants.${name}.turnoutEffect.france`),
        },
        citation: r.citation(v.citation, `${at}.variants.${name}.citation`),
      };
    }
  }
  return parsed;
}

/**
 * Parses and validates the text of data/parameters.json.
 *
 * Kept free of file access so a browser can parse a fetched copy. Checks every channel named in
 * {@link CHANNEL_NAMES} is present, every prior has low <= central <= high, shares lie in 0–1, and
 * every value carries a citation with confidence H, M or L.
 *
 * @param text JSON text of the parameters file.
 * @param file Name used in error messages (`data/parameters.json`).
 * @returns The typed parameters.
 * @throws {InputError} on malformed JSON (with line and column) or a missing or ill-typed key (with its key path).
 * @example
 * parseParameters(text, 'data/parameters.json').channels.door.turnoutEffect.france.central // => 0
 */
export function parseParameters(text: string, file: string): Parameters {
  const r = new JsonReader(file);
  const root = r.object(parseJsonText(text, file), '(root)');
  const channelsObject = r.object(root.channels, 'channels');
  const channels = {} as Record<ChannelName, ChannelParameters>;
  for (const name of CHANNEL_NAMES) channels[name] = readChannel(r, channelsObject[name], name);
  for (const key of Object.keys(channelsObject)) {
    if (!CHANNEL_NAMES.includes(key as ChannelName)) r.fail(`channels.${key}`, `one of ${CHANNEL_NAMES.join(', ')}`, key);
  }
  const u = r.object(root.uncertainty, 'uncertainty');
  const uncertainty: UncertaintyDefaults = {
    national: r.number(u.national, 'uncertainty.national'),
    regional: r.number(u.regional, 'uncertainty.regional'),
    territory: r.number(u.territory, 'uncertainty.territory'),
    tails: r.number(u.tails, 'uncertainty.tails'),
    citation: r.citation(u.citation, 'uncertainty.citation'),
  };
  for (const key of ['national', 'regional', 'territory'] as const) {
    if (uncertainty[key] < 0) r.fail(`uncertainty.${key}`, 'a non-negative number of pp', uncertainty[key]);
  }
  if (!(uncertainty.tails > 2)) r.fail('uncertainty.tails', 'a number greater than 2', uncertainty.tails);
  return {
    channels,
    listChurn: r.share(root.listChurn, 'listChurn'),
    volunteerConversion: r.share(root.volunteerConversion, 'volunteerConversion'),
    relayContactsPerVolunteer: r.nonNegative(root.relayContactsPerVolunteer, 'relayContactsPerVolunteer'),
    salienceAttenuation: r.share(root.salienceAttenuation, 'salienceAttenuation'),
    networkHomophily: r.share(root.networkHomophily, 'networkHomophily'),
    uncertainty,
    uncertaintyHorizon: readHorizon(r, root.uncertaintyHorizon),
    currency: r.string(root.currency, 'currency'),
  };
}

/** Reads `uncertaintyHorizon`: the eve row and the rows by days out (strictly ascending), SDs ≥ 0, tails > 2. */
function readHorizon(r: JsonReader, value: unknown): HorizonErrorTable {
  const o = r.object(value, 'uncertaintyHorizon');
  const row = (v: unknown, at: string, withDays: boolean): HorizonPoint => {
    const x = r.object(v, at);
    const point: HorizonPoint = {
      national: r.number(x.national, `${at}.national`),
      regional: r.number(x.regional, `${at}.regional`),
      territory: r.number(x.territory, `${at}.territory`),
      tails: r.number(x.tails, `${at}.tails`),
      statePolls: r.number(x.statePolls, `${at}.statePolls`),
    };
    for (const key of ['national', 'regional', 'territory', 'statePolls'] as const) {
      if (point[key] < 0) r.fail(`${at}.${key}`, 'a non-negative number', point[key]);
    }
    if (!(point.tails > 2)) r.fail(`${at}.tails`, 'a number greater than 2', point.tails);
    if (withDays) point.days = r.number(x.days, `${at}.days`);
    return point;
  };
  const points = r.array(o.points, 'uncertaintyHorizon.points').map((v, i) => row(v, `uncertaintyHorizon.points[${i}]`, true));
  if (points.length === 0) r.fail('uncertaintyHorizon.points', 'at least one row', '[]');
  points.forEach((p, i) => {
    if (i > 0 && !(p.days! > points[i - 1].days!)) r.fail(`uncertaintyHorizon.points[${i}].days`, `more days than the row before (${points[i - 1].days})`, p.days);
  });
  return { eve: row(o.eve, 'uncertaintyHorizon.eve', false), points, citation: r.citation(o.citation, 'uncertaintyHorizon.citation') };
}

/**
 * The ISO code the channels' costs per contact are cited in: the leading three capitals of the parameter
 * table's `currency` (`USD, 2000s dollars (…)` → `USD`), or undefined when it starts with none.
 *
 * @example
 * costCurrencyCode({ currency: 'USD, 2000s dollars (the cost-per-vote studies)' }) // => 'USD'
 */
export function costCurrencyCode(parameters: Pick<Parameters, 'currency'>): string | undefined {
  return /^[A-Z]{3}/.exec(parameters.currency)?.[0];
}
