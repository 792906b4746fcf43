/**
 * The briefing page of a multi-candidate race (issue 26): a static page (no live controls; it says so) in
 * the race's language, on the frame of the two-candidate briefing (briefingPage): the headline sentence
 * (who is most likely to win or reach round 2, or who is expected to win the most seats, with the
 * probability), one card per candidate (P(win); P(round 2) under two-round rules; expected seats with the
 * 90 % interval and P(majority) under seat rules), the report's charts, the closest units and the
 * assumptions with their sources (uncertainty, the race's results, the transfer rows no survey measures).
 * Browser-safe: the charts and scripts are given.
 */
import type { MultiCandidateRunDocument, CandidateOutcome, UnitOutcome } from '../race/multiCandidateDocument.js';
import { briefingPage, type BriefingAssumption, type BriefingChart, type BriefingScripts, type BriefingTable, type HeadlineFigure } from './briefingPage.js';
import { formatCountIn, formatDecimalIn, formatShareIn } from './formatNumber.js';
import { citationText, MESSAGES, readerSource, type MessageLocale } from './messages.js';

/** Most rows of the closest-units table. */
export const CLOSEST_UNITS = 10;

/** A unit of the race with its valid votes (the baseline's), for the closest-units table. */
export type PageUnit = UnitOutcome & { valid: number };

/** Input of {@link multiCandidateBriefing}. */
export interface MultiCandidateBriefingInput {
  /** The run document (summary.json's content). */
  document: MultiCandidateRunDocument;
  /** Every unit with its candidates' P(win) and its valid votes. */
  units: PageUnit[];
  /** The report's charts, drawn in the page (their specs as written to the SVG files). */
  charts: BriefingChart[];
  /** Language of the race: `fr` for France. */
  locale: MessageLocale;
  /** campaign-lab's version (footer). */
  version: string;
  /** The page's scripts (src/node/pageScripts.ts briefingScripts(); the live engine is not needed). */
  scripts: BriefingScripts;
}

/** Ours first, then by expected seats, P(round 2) or P(win), then by votes: the charts' order. */
function ordered(doc: MultiCandidateRunDocument): CandidateOutcome[] {
  const key = (c: CandidateOutcome) => c.seats?.mean ?? c.pQualify ?? c.pWin;
  const [ours, ...rest] = doc.candidates;
  return [ours!, ...[...rest].sort((a, b) => key(b) - key(a) || b.votes - a.votes)];
}

/** The candidate with the largest `key` (the first in the document's order on a tie). */
function top(doc: MultiCandidateRunDocument, key: (c: CandidateOutcome) => number, skip?: CandidateOutcome): CandidateOutcome {
  return doc.candidates.filter((c) => c !== skip).reduce((a, c) => (key(c) > key(a) ? c : a));
}

/**
 * The headline sentence: who is expected to win the most seats (seat rules), who most likely reaches round 2
 * and wins (two-round), or who most likely wins.
 *
 * @example
 * multiCandidateHeadline(canada, 'en') // => 'CPC is expected to win the most seats: 163.2 (90% interval 135 to 189); most seats in 98.6% of simulated elections'
 */
export function multiCandidateHeadline(doc: MultiCandidateRunDocument, locale: MessageLocale): string {
  const m = MESSAGES[locale].multi;
  const share = (p: number) => formatShareIn(p, locale);
  if (doc.candidates[0]!.seats) {
    const c = top(doc, (x) => x.seats!.mean);
    return m.headlineSeats(c.name, formatDecimalIn(c.seats!.mean, locale), formatCountIn(c.seats!.low, locale), formatCountIn(c.seats!.high, locale), share(c.pMostSeats ?? 0));
  }
  const w = top(doc, (x) => x.pWin);
  if (doc.candidates[0]!.pQualify !== null) {
    const a = top(doc, (x) => x.pQualify!);
    const b = top(doc, (x) => x.pQualify!, a);
    return m.headlineQualify(a.name, share(a.pQualify!), b.name, share(b.pQualify!), w.name, share(w.pWin));
  }
  return m.headlineWin(w.name, share(w.pWin));
}

/**
 * One card per candidate (charts' order): expected seats with the 90 % interval and P(majority) (seat rules),
 * P(round 2) with P(win) (two-round), or P(win); the note gives the baseline share of valid votes.
 *
 * @example
 * multiCandidateCards(canada, 'en')[0] // => { label: 'CPC: expected seats', value: '163.2', note: '90% interval 135 to 189; P(majority, 155 seats) 70.0%' }
 */
export function multiCandidateCards(doc: MultiCandidateRunDocument, locale: MessageLocale): HeadlineFigure[] {
  const m = MESSAGES[locale].multi;
  const share = (p: number) => formatShareIn(p, locale);
  const cards: HeadlineFigure[] = ordered(doc).map((c) => {
    if (c.seats) {
      const note = m.seatsNote(formatCountIn(c.seats.low, locale), formatCountIn(c.seats.high, locale), formatCountIn(doc.seatsToWin ?? 0, locale), share(c.pMajority ?? 0));
      return { label: m.seats(c.name), value: formatDecimalIn(c.seats.mean, locale), note };
    }
    if (c.pQualify !== null) return { label: m.pQualify(c.name), value: share(c.pQualify), note: `${m.qualifyNote(share(c.pWin))}${locale === 'fr' ? ' ; ' : '; '}${m.shareNote(share(c.share))}` };
    return { label: m.pWin(c.name), value: share(c.pWin), note: m.shareNote(share(c.share)) };
  });
  // Our campaign's card follows our candidate's (ours first when the page orders by party).
  if (doc.campaign) cards.splice(Math.max(0, cards.findIndex((c) => c.label.includes(doc.candidates[0]!.name))) + 1, 0, campaignCard(doc.campaign, locale));
  return cards;
}

/**
 * Our campaign's card: the change it makes to the rule's objective (expected seats, P(round 2), else P(win))
 * against no campaign on the same elections, with its 90 % interval and the votes it nets.
 *
 * @example
 * campaignCard({ name: 'Jean-Luc MÉLENCHON', listSize: 2.5e6, netVotes: 6746, pQualify: { mean: 0.0018, low: 0.0004, high: 0.0031 }, … }, 'en').value // => '+0.18 pp'
 */
export function campaignCard(c: NonNullable<MultiCandidateRunDocument['campaign']>, locale: MessageLocale): HeadlineFigure {
  const m = MESSAGES[locale].multiCampaign;
  const [objective, change] = c.seats ? (['seats', c.seats] as const) : c.pQualify ? (['qualify', c.pQualify] as const) : (['win', c.pWin] as const);
  const scale = objective === 'seats' ? 1 : 100;
  const unit = objective === 'seats' ? m.seatsUnit : m.ppUnit;
  const signed = (x: number) => {
    const text = (Math.abs(x * scale)).toFixed(2);
    return `${x < 0 ? '−' : '+'}${locale === 'fr' ? text.replace('.', ',') : text}${unit}`;
  };
  return { label: m.label(c.name, objective), value: signed(change.mean), note: m.note(formatCountIn(c.listSize, locale), formatCountIn(c.netVotes, locale), signed(change.low), signed(change.high)) };
}

/**
 * The closest units: contested units (two or more candidates with votes) where the most likely winner's
 * P(win) is lowest (ties: the smaller baseline gap), with the runner-up and the baseline gap in pp of valid
 * votes. Under national rules (two-round, popular vote) a unit's P(win) is P(leads the unit's round 1).
 * Candidates are named as the race names them (a presidential candidate's name; a legislative candidate and nuance).
 *
 * @example
 * closestUnitsTable(canada, units, 'en').rows[0] // => ['Avalon', 'LPC', '74.2%', 'CPC', '25.8%', '+4.2'] (for example)
 */
export function closestUnitsTable(doc: MultiCandidateRunDocument, units: readonly PageUnit[], locale: MessageLocale): BriefingTable {
  const m = MESSAGES[locale].multi;
  const lead = doc.rule === 'two-round' || doc.rule === 'popular-vote';
  const names = new Map(doc.candidates.map((c) => [c.party, c.name]));
  const who = (c: UnitOutcome['candidates'][number]) => (c.label === c.party ? (names.get(c.party) ?? c.party) : `${c.label} (${c.party})`);
  const rows = units
    .filter((u) => u.candidates.filter((c) => c.votes > 0).length >= 2)
    .map((u) => {
      const [a, b] = [...u.candidates].sort((x, y) => y.pWin - x.pWin || y.votes - x.votes);
      return { u, a: a!, b: b!, gap: u.valid > 0 ? ((a!.votes - b!.votes) / u.valid) * 100 : 0 };
    })
    .sort((x, y) => x.a.pWin - y.a.pWin || Math.abs(x.gap) - Math.abs(y.gap) || x.u.id.localeCompare(y.u.id))
    .slice(0, CLOSEST_UNITS);
  const pp = (x: number) => {
    const r = Math.round(x * 10) / 10;
    return `${r > 0 ? '+' : ''}${formatDecimalIn(r === 0 ? 0 : r, locale)}`;
  };
  return {
    title: m.closest,
    note: lead ? m.closestNoteLead : m.closestNote,
    columns: [m.unit, lead ? m.leaderLead : m.leader, lead ? m.pUnitLead : m.pUnitWin, m.second, lead ? m.pUnitLead : m.pUnitWin, m.baselineGap],
    rows: rows.map(({ u, a, b, gap }) => [u.name, who(a), formatShareIn(a.pWin, locale), who(b), formatShareIn(b.pWin, locale), pp(gap)]),
  };
}

/**
 * The assumptions table: the error model's parameters with their citations, the race's results and, under
 * two-round rules, the transfer rows no survey measures (the documented defaults).
 *
 * @example
 * multiCandidateAssumptions(canada, 'en').map((a) => a.key) // => ['uncertainty.national', 'uncertainty.regional', 'uncertainty.territory', 'uncertainty.tails', 'race']
 */
export function multiCandidateAssumptions(doc: MultiCandidateRunDocument, locale: MessageLocale): BriefingAssumption[] {
  const msg = MESSAGES[locale];
  const u = doc.uncertainty;
  const pts = (x: number) => `${formatDecimalIn(x, locale)} ${msg.ppUnit}`;
  const values: Record<string, string> = { national: pts(u.national), regional: pts(u.regional), territory: pts(u.unit), tails: formatCountIn(u.tails, locale) };
  const rows: BriefingAssumption[] = Object.entries(values).map(([name, value]) => {
    const key = `uncertainty.${name}`;
    const c = doc.citations[key];
    const row = { key, label: msg.parameters[name] ?? key, value, source: c ? citationText(c, locale) : msg.scenarioFile };
    return c ? { ...row, confidence: c.confidence } : row;
  });
  rows.push({ key: 'race', label: msg.baselineResults, value: `${(doc.candidates[0]!.seats ? msg.multi.parties : msg.multi.candidates)(formatCountIn(doc.candidates.length, locale))}, ${msg.multi.units(formatCountIn(doc.unitCount, locale))}`, source: readerSource(doc.source) });
  if (doc.transfers && doc.transfers.assumedRows.length > 0) {
    const notes = doc.transfers.notes.length ? `. ${doc.transfers.notes.join('; ')}` : '';
    rows.push({ key: 'transfers', label: msg.multi.transfers, value: doc.transfers.assumedRows.map(msg.multi.rowName).join(', '), source: `${msg.multi.transferSource}${notes}` });
  }
  return rows;
}

/**
 * The briefing page of a multi-candidate run, as one self-contained HTML document (see briefingPage).
 *
 * @returns the HTML document
 * @example
 * multiCandidateBriefing({ document, units, charts, locale: 'fr', version: '0.1.0', scripts }).includes('lang="fr"') // => true
 */
export function multiCandidateBriefing(input: MultiCandidateBriefingInput): string {
  const { document: doc, locale } = input;
  const msg = MESSAGES[locale];
  const count = (n: number) => formatCountIn(n, locale);
  const who = doc.candidates[0]!.seats ? msg.multi.parties : msg.multi.candidates;
  const parts = [who(count(doc.candidates.length)), msg.multi.units(count(doc.unitCount)), msg.cards.simulated(count(doc.simulations), doc.seed)];
  if (doc.pNoWinner > 0) parts.push(msg.multi.noWinner(formatShareIn(doc.pNoWinner, locale)));
  return briefingPage({
    title: multiCandidateHeadline(doc, locale),
    kicker: `${doc.name} · ${msg.multi.rule(doc.rule)}`,
    subtitle: `${parts.join(locale === 'fr' ? ' ; ' : '; ')}.`,
    description: msg.multi.static,
    locale,
    headline: multiCandidateCards(doc, locale),
    charts: input.charts,
    tables: [closestUnitsTable(doc, input.units, locale)],
    assumptions: multiCandidateAssumptions(doc, locale),
    generatedBy: msg.generatedBy(input.version, String(doc.seed), count(doc.simulations)),
    scripts: input.scripts,
  });
}
