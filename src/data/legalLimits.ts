/**
 * Legal limits per country for budget allocation (spending caps, paid-advertising blackout windows,
 * donation caps, consent rules for lists), from data/legal.json. Text in, typed limits out.
 */
import type { Citation } from '../model/types.js';
import { InputError } from '../errors.js';
import { parseJsonText } from './parseJsonText.js';
import { JsonReader } from './jsonReader.js';
import type { DataText } from './dataText.js';

/** A campaign spending cap; `amount` null means there is no cap. */
export interface SpendingCap {
  year: number;
  /** Who the cap applies to (`finalists (both rounds)`). */
  scope: string;
  /** Cap in the country's currency; null = no cap. */
  amount: number | null;
  citation: Citation;
}

/** Public reimbursement of spending as a share of the cap. */
export interface Reimbursement {
  year: number;
  scope: string;
  /** Share of the cap reimbursed, 0–1. */
  shareOfCap: number;
  citation: Citation;
}

/** Spending declared by a candidate. */
export interface DeclaredSpending {
  year: number;
  candidate: string;
  side: string;
  amount: number;
  citation: Citation;
}

/** Cap on one person's donations per election; null = no cap. */
export interface DonationCap {
  year: number;
  perPersonPerElection: number | null;
  note: string;
  citation: Citation;
}

/** A window when paid advertising is banned; other channels listed as not covered stay allowed. */
export interface AdvertisingBlackout {
  year: number;
  /** First banned day, ISO date. */
  start: string;
  /** Last banned day (the decisive round), ISO date. */
  end: string;
  rule: string;
  scope: string;
  notCovered: string[];
  citation: Citation;
}

/** Consent needed to contact people from a list of a given origin through a channel. */
export interface ConsentRule {
  /** Channel name (`email`, `sms`, `mail`) or `any`. */
  channel: string;
  /** Where the list comes from (`rented-commercial`, `primary-participants`, `electoral-roll`, ...). */
  listOrigin: string;
  /** `opt-in` (prior consent), `opt-out` (informed, may object), `none`, or `forbidden`. */
  requirement: 'opt-in' | 'opt-out' | 'none' | 'forbidden';
  note: string;
  citation: Citation;
}

/** Legal limits of one country. */
export interface LegalLimits {
  country: 'us' | 'fr';
  /** ISO currency of the amounts (`EUR`, `USD`). */
  currency: string;
  /**
   * The cited rate that turns the channels' costs (cited in `currency` of this object, e.g. USD) into the
   * country's currency: 1 unit of the country's currency = `perUnit` units of `currency`; absent where
   * the costs are already in the country's currency.
   */
  costExchangeRate?: { currency: string; perUnit: number; year: number; citation: Citation };
  spendingCaps: SpendingCap[];
  reimbursement: Reimbursement[];
  declaredSpending: DeclaredSpending[];
  donationCaps: DonationCap[];
  advertisingBlackouts: AdvertisingBlackout[];
  consent: ConsentRule[];
  notes: { text: string; citation: Citation }[];
}

const REQUIREMENTS = ['opt-in', 'opt-out', 'none', 'forbidden'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses the limits of one country from data/legal.json.
 *
 * @param legal Text of the file.
 * @param country `us` or `fr`.
 * @returns The country's caps, blackout windows and consent rules with citations.
 * @throws {InputError} for an unknown country, malformed JSON (line, column) or an ill-typed key (key path).
 * @example
 * parseLegalLimits(text, 'fr').advertisingBlackouts.find((b) => b.year === 2012)?.start // => '2011-10-01'
 */
export function parseLegalLimits(legal: DataText, country: 'us' | 'fr'): LegalLimits {
  const r = new JsonReader(legal.file);
  const root = r.object(parseJsonText(legal.text, legal.file), '(root)');
  if (country !== 'us' && country !== 'fr') throw new InputError({ at: 'country', expected: 'one of "us", "fr"', found: JSON.stringify(country) });
  const c = r.object(root[country], country);
  const list = <T>(key: string, read: (o: Record<string, unknown>, at: string) => T): T[] =>
    r.array(c[key], `${country}.${key}`).map((v, i) => read(r.object(v, `${country}.${key}[${i}]`), `${country}.${key}[${i}]`));
  const date = (value: unknown, at: string) => {
    const s = r.string(value, at);
    if (!ISO_DATE.test(s)) r.fail(at, 'an ISO date YYYY-MM-DD', s);
    return s;
  };
  return {
    country,
    currency: r.string(c.currency, `${country}.currency`),
    ...(c.costExchangeRate === undefined ? {} : { costExchangeRate: readExchangeRate(r, r.object(c.costExchangeRate, `${country}.costExchangeRate`), `${country}.costExchangeRate`) }),
    spendingCaps: list('spendingCaps', (o, at) => ({
      year: r.number(o.year, `${at}.year`),
      scope: r.string(o.scope, `${at}.scope`),
      amount: r.nullableNumber(o.amount ?? null, `${at}.amount`),
      citation: r.citation(o.citation, `${at}.citation`),
    })),
    reimbursement: list('reimbursement', (o, at) => ({
      year: r.number(o.year, `${at}.year`),
      scope: r.string(o.scope, `${at}.scope`),
      shareOfCap: r.number(o.shareOfCap, `${at}.shareOfCap`),
      citation: r.citation(o.citation, `${at}.citation`),
    })),
    declaredSpending: list('declaredSpending', (o, at) => ({
      year: r.number(o.year, `${at}.year`),
      candidate: r.string(o.candidate, `${at}.candidate`),
      side: r.string(o.side, `${at}.side`),
      amount: r.number(o.amount, `${at}.amount`),
      citation: r.citation(o.citation, `${at}.citation`),
    })),
    donationCaps: list('donationCaps', (o, at) => ({
      year: r.number(o.year, `${at}.year`),
      perPersonPerElection: r.nullableNumber(o.perPersonPerElection ?? null, `${at}.perPersonPerElection`),
      note: r.string(o.note, `${at}.note`),
      citation: r.citation(o.citation, `${at}.citation`),
    })),
    advertisingBlackouts: list('advertisingBlackouts', (o, at) => ({
      year: r.number(o.year, `${at}.year`),
      start: date(o.start, `${at}.start`),
      end: date(o.end, `${at}.end`),
      rule: r.string(o.rule, `${at}.rule`),
      scope: r.string(o.scope, `${at}.scope`),
      notCovered: r.array(o.notCovered, `${at}.notCovered`).map((v, i) => r.string(v, `${at}.notCovered[${i}]`)),
      citation: r.citation(o.citation, `${at}.citation`),
    })),
    consent: list('consent', (o, at) => {
      const requirement = r.string(o.requirement, `${at}.requirement`) as ConsentRule['requirement'];
      if (!REQUIREMENTS.includes(requirement)) r.fail(`${at}.requirement`, `one of ${REQUIREMENTS.join(', ')}`, requirement);
      return {
        channel: r.string(o.channel, `${at}.channel`),
        listOrigin: r.string(o.listOrigin, `${at}.listOrigin`),
        requirement,
        note: r.string(o.note, `${at}.note`),
        citation: r.citation(o.citation, `${at}.citation`),
      };
    }),
    notes: list('notes', (o, at) => ({ text: r.string(o.text, `${at}.text`), citation: r.citation(o.citation, `${at}.citation`) })),
  };
}

/** A cited exchange rate of data/legal.json (see LegalLimits.costExchangeRate); a rate at or below 0 fails. */
function readExchangeRate(r: JsonReader, o: Record<string, unknown>, at: string): NonNullable<LegalLimits['costExchangeRate']> {
  const perUnit = r.number(o.perUnit, `${at}.perUnit`);
  if (!(perUnit > 0)) r.fail(`${at}.perUnit`, 'a positive exchange rate', String(perUnit));
  return { currency: r.string(o.currency, `${at}.currency`), perUnit, year: r.number(o.year, `${at}.year`), citation: r.citation(o.citation, `${at}.citation`) };
}
