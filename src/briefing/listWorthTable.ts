/**
 * The briefing's assumptions box: what our side's list is worth (today's list against none, ΔP(win)) in
 * the run and under the mechanisms' priors (the assumptions interval of `run`, src/cli/runAssumptions.ts),
 * and the three assumptions that drive that spread most (tornado shares), in the page's language.
 * Browser-safe.
 */
import type { RunAssumptions } from '../analysis/answerAssumptions.js';
import type { RunSummary } from '../sim/summarizeRun.js';
import type { BriefingTable } from './briefingPage.js';
import type { ListSizeSweep } from './listSizeSweep.js';
import { MESSAGES, type MessageLocale } from './messages.js';
import { formatCountIn } from './formatNumber.js';
import { formatPeople } from './briefingHeadline.js';

/** Assumptions shown in the box. */
const SHOWN = 3;

/**
 * A change in P(win) in points of the page's language: `+0.40 pp`, `+0,40 pts`.
 *
 * @example
 * formatDeltaPp(0.004, 'fr') // => '+0,40 pts'
 */
export function formatDeltaPp(delta: number, locale: MessageLocale): string {
  const text = `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(2)}`;
  return `${locale === 'fr' ? text.replace('.', ',') : text}\u00a0${MESSAGES[locale].ppUnit}`;
}

/**
 * An assumption's words in the page's language, from its key (`turnout.door`, `relay.conversion`, ...).
 *
 * @example
 * assumptionWords('turnout.door', 'fr') // => 'Porte-à-porte : effet sur la participation par contact'
 */
export function assumptionWords(key: string, locale: MessageLocale): string {
  const m = MESSAGES[locale];
  const [head, tail = ''] = key.split('.');
  if (head === 'turnout' || head === 'persuasion') return m.listWorth[head](m.channels[tail] ?? tail);
  const other: Record<string, string> = { 'relay.conversion': m.listWorth.conversion, 'relay.contacts': m.listWorth.contacts, 'relay.homophily': m.listWorth.homophily, 'social.indirect': m.listWorth.indirect, 'list.decay': m.listWorth.decay };
  return other[key] ?? key;
}

/**
 * The box as a page table, or undefined when the run has no list effect under the assumptions.
 *
 * @param summary the run (our side is its first side; P(win) today)
 * @param sweep the list-size sweep (P(win) with no list)
 * @param assumptions `run`'s assumptions interval with its list effect
 * @param locale the page's language
 * @example
 * listWorthTable(summary, sweep, assumptions, 'en')?.rows.length // => 3
 */
export function listWorthTable(summary: RunSummary, sweep: ListSizeSweep | undefined, assumptions: RunAssumptions | undefined, locale: MessageLocale): BriefingTable | undefined {
  const effect = assumptions?.listEffect;
  if (!effect) return undefined;
  const none = sweep?.points.find((p) => p.value === 0);
  const point = none ? summary.pWin[effect.side] - none.pWin : effect.deltaPWin.mean;
  const w = MESSAGES[locale].listWorth;
  const pp = (x: number) => formatDeltaPp(x, locale);
  const top = effect.shares.filter((s) => s.share > 0).slice(0, SHOWN);
  // Nothing drives it (a list that moves no vote, or too few simulations to see it): said, no empty table.
  const note = w.note(effect.side, formatPeople(effect.listSize, locale), pp(point), pp(effect.deltaPWin.low), pp(effect.deltaPWin.high), formatCountIn(assumptions.draws, locale), formatCountIn(assumptions.simulations, locale));
  return {
    title: w.title,
    note: top.length > 0 ? note : `${note} ${w.noDriver}`,
    columns: top.length > 0 ? [...w.columns] : [],
    rows: top.map((s) => [assumptionWords(s.key, locale), `${(s.share * 100).toFixed(0)}${locale === 'fr' ? '\u00a0%' : '%'}`, pp(s.atLow), pp(s.atHigh)]),
  };
}
