/**
 * Campaign supporter-list and database facts by election and side, from data/campaign_lists.json.
 * Text in, typed facts out (no file access).
 */
import type { Citation } from '../model/types.js';
import { parseJsonText } from './parseJsonText.js';
import { JsonReader } from './jsonReader.js';
import type { DataText } from './dataText.js';

/** What a fact measures. */
export type CampaignListKind = 'email-list' | 'volunteers' | 'donors' | 'contacts' | 'database' | 'operation';

const KINDS: readonly CampaignListKind[] = ['email-list', 'volunteers', 'donors', 'contacts', 'database', 'operation'];

/** One sourced fact about a campaign's list, volunteers or database. */
export interface CampaignListFact {
  year: number;
  /** `D` or `R`: the side the organisation worked for. */
  side: 'D' | 'R';
  /** Campaign or organisation (`Obama for America 2008`, `Catalist`). */
  organisation: string;
  /** What was counted, in words (`e-mail list`). */
  metric: string;
  kind: CampaignListKind;
  /** The figure, count; null where no figure was found (nothing is filled in). */
  value: number | null;
  /** Published range [low, high] when sources disagree. */
  range: [number, number] | null;
  /** Date the figure refers to (`2008-11`), when known. */
  asOf: string | null;
  citation: Citation;
  /** Whether this side won the presidency that year; null for organisations that were not candidates. */
  won: boolean | null;
}

/** All list facts plus, per year, whether the side with the larger supporter e-mail list won. */
export interface CampaignLists {
  facts: CampaignListFact[];
  /** Year → true (larger list won), false (it lost), null (no evidence). */
  largerListWon: Record<string, boolean | null>;
  largerListWonCitation: Citation;
}

/**
 * Parses data/campaign_lists.json.
 *
 * @param lists Text of the file.
 * @returns Facts with citations; unknown figures stay null.
 * @throws {InputError} on malformed JSON (line, column) or a missing or ill-typed key (key path).
 * @example
 * parseCampaignLists(text).facts.find((f) => f.year === 2008 && f.kind === 'email-list' && f.side === 'D')?.value // => 13000000
 */
export function parseCampaignLists(lists: DataText): CampaignLists {
  const r = new JsonReader(lists.file);
  const root = r.object(parseJsonText(lists.text, lists.file), '(root)');
  const facts = r.array(root.facts, 'facts').map((value, i): CampaignListFact => {
    const at = `facts[${i}]`;
    const o = r.object(value, at);
    const side = r.string(o.side, `${at}.side`) as 'D' | 'R';
    if (side !== 'D' && side !== 'R') r.fail(`${at}.side`, 'one of "D", "R"', side);
    const kind = r.string(o.kind, `${at}.kind`) as CampaignListKind;
    if (!KINDS.includes(kind)) r.fail(`${at}.kind`, `one of ${KINDS.join(', ')}`, kind);
    let range: [number, number] | null = null;
    if (o.range !== null && o.range !== undefined) {
      const pair = r.array(o.range, `${at}.range`);
      if (pair.length !== 2) r.fail(`${at}.range`, 'a pair [low, high]', pair);
      range = [r.number(pair[0], `${at}.range[0]`), r.number(pair[1], `${at}.range[1]`)];
    }
    const note = r.optionalString(o.note, `${at}.note`);
    const confidence = r.citation({ source: o.source, confidence: o.confidence, ...(note ? { note } : {}) }, at);
    return {
      year: r.number(o.year, `${at}.year`),
      side,
      organisation: r.string(o.organisation, `${at}.organisation`),
      metric: r.string(o.metric, `${at}.metric`),
      kind,
      value: r.nullableNumber(o.value ?? null, `${at}.value`),
      range,
      asOf: r.optionalString(o.asOf, `${at}.asOf`) ?? null,
      citation: confidence,
      won: o.won === undefined || o.won === null ? null : r.boolean(o.won, `${at}.won`),
    };
  });
  const larger = r.object(root.largerListWon, 'largerListWon');
  const largerListWon: Record<string, boolean | null> = {};
  for (const [key, value] of Object.entries(larger)) {
    if (key === 'citation') continue;
    largerListWon[key] = value === null ? null : r.boolean(value, `largerListWon.${key}`);
  }
  return { facts, largerListWon, largerListWonCitation: r.citation(larger.citation, 'largerListWon.citation') };
}
