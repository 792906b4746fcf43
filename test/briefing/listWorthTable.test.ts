import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assumptionWords, formatDeltaPp, listWorthTable } from '../../src/briefing/listWorthTable.js';
import type { RunAssumptions } from '../../src/analysis/answerAssumptions.js';
import type { RunSummary } from '../../src/sim/summarizeRun.js';
import type { ListSizeSweep } from '../../src/briefing/listSizeSweep.js';

const interval = (low: number, high: number) => ({ low, high, mean: (low + high) / 2 });
const share = (key: string, s: number, atLow: number, atHigh: number) => ({ key, label: key, share: s, atLow, atHigh });
function assumptions(shares: ReturnType<typeof share>[]): RunAssumptions {
  return { draws: 20, simulations: 10000, interval: '', keys: [], pWin: {}, votes: {}, listEffect: { side: 'D', listSize: 6e6, deltaPWin: interval(-0.0001, 0.001), shares } };
}
const summary = { pWin: { D: 0.357, R: 0.642 } } as unknown as RunSummary;
const sweep = { side: 'D', current: 6e6, simulations: 50000, points: [{ value: 0, pWin: 0.353, low: 0.35, high: 0.356 }, { value: 6e6, pWin: 0.357, low: 0.354, high: 0.36 }] } as ListSizeSweep;

test('the list-worth box: the run\'s change against no list, its assumptions interval and the top three assumptions, in English and French', () => {
  const shares = [share('relay.conversion', 0.74, 0.0002, 0.0018), share('turnout.sms', 0.1, 0.0002, 0.0008), share('relay.contacts', 0.05, 0.0002, 0.0006), share('list.decay', 0.01, 0.0004, 0.0002)];
  const en = listWorthTable(summary, sweep, assumptions(shares), 'en')!;
  assert.match(en.note!, /today's list of 6\u00a0M moves P\(D wins\) by \+0\.40\u00a0pp against no list\. Under the mechanisms' priors it moves it by −0\.01\u00a0pp to \+0\.10\u00a0pp/);
  assert.deepEqual(en.rows.map((r) => r[0]), ['Share of list members who become active relays', 'Text messages: turnout effect per contact', 'Contacts per active relay']);
  assert.deepEqual(en.rows[0], ['Share of list members who become active relays', '74%', '+0.02\u00a0pp', '+0.18\u00a0pp']);
  const fr = listWorthTable(summary, sweep, assumptions(shares), 'fr')!;
  assert.equal(fr.title, 'Ce que vaut le fichier, et sur quoi cela repose');
  assert.deepEqual(fr.rows[0], ['Part des inscrits qui deviennent relais actifs', '74\u00a0%', '+0,02\u00a0pts', '+0,18\u00a0pts']);
  assert.equal(assumptionWords('turnout.door', 'fr'), 'Porte-à-porte : effet sur la participation par contact');
  assert.equal(formatDeltaPp(-0.004, 'fr'), '−0,40\u00a0pts');
});

test('the list-worth box says when no assumption moves the list, with no empty table; none without a list effect', () => {
  const box = listWorthTable(summary, sweep, assumptions([share('relay.conversion', 0, 0, 0)]), 'fr')!;
  assert.deepEqual([box.columns, box.rows], [[], []]);
  assert.match(box.note!, /Aucune : à ce nombre de simulations, aucune hypothèse ne le change\.$/);
  assert.equal(listWorthTable(summary, sweep, undefined, 'en'), undefined);
});
