import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunSummary } from '../../src/sim/summarizeRun.js';
import type { ListSizeSweep } from '../../src/briefing/listSizeSweep.js';
import { baselineWords, briefingHeadline, formatPeople, headlineOpening, listSizeTitle, listVerdict } from '../../src/briefing/briefingHeadline.js';
import { formatShareIn } from '../../src/briefing/formatNumber.js';

// Figures of the default scenario's report (scenarios/default.yaml, seed 2024, 50,000 simulations).
const summary = {
  sides: ['D', 'R'],
  pWin: { D: 0.35742, R: 0.64178 },
  threshold: 270,
  tippingPoint: [{ id: 'PA', name: 'Pennsylvania', frequency: 0.277 }, { id: 'MI', name: 'Michigan', frequency: 0.173 }],
  territories: [{ id: 'PA', name: 'Pennsylvania' }],
} as unknown as RunSummary;

const sweep: ListSizeSweep = {
  side: 'D',
  current: 6_000_000,
  simulations: 50_000,
  points: [
    { value: 18_000_000, pWin: 0.36238, low: 0.3582, high: 0.3666 },
    { value: 0, pWin: 0.35346, low: 0.3493, high: 0.3577 },
    { value: 6_000_000, pWin: 0.35742, low: 0.3532, high: 0.3616 },
  ],
};

test('briefingHeadline(summary, sweep, en) says who wins how often and how little the list matters', () => {
  assert.equal(
    briefingHeadline(summary, sweep, 'en'),
    "D wins 35.7% of simulated elections, and its list barely matters: 35.3% with no list, 35.7% with today's 6\u00a0M, 36.2% at 18\u00a0M.",
  );
});

test('briefingHeadline(summary, sweep, fr) says the same in French with French number forms', () => {
  assert.equal(
    briefingHeadline(summary, sweep, 'fr'),
    "D l'emporte dans 35,7\u202f% des élections simulées, et son fichier compte à peine : 35,3\u202f% sans fichier, 35,7\u202f% avec les 6\u00a0M d'aujourd'hui, 36,2\u202f% à 18\u00a0M.",
  );
});

test('briefingHeadline without a sweep names the most frequent tipping point', () => {
  assert.equal(briefingHeadline(summary, undefined, 'en'), 'D wins 35.7% of simulated elections; the most frequent tipping point is Pennsylvania (27.7%).');
  assert.equal(briefingHeadline(summary, undefined, 'fr'), "D l'emporte dans 35,7\u202f% des élections simulées ; le territoire décisif le plus fréquent est Pennsylvania (27,7\u202f%).");
});

test('listVerdict grades the change in P(win) between no list and the largest list: under 2 pp, under 5 pp, more', () => {
  assert.equal(listVerdict(0.353, 0.362), 'barely');
  assert.equal(listVerdict(0.40, 0.44), 'little');
  assert.equal(listVerdict(0.40, 0.68), 'clearly');
  assert.equal(listVerdict(0.50, 0.44), 'clearly');
});

test('listSizeTitle puts the sweep finding in the chart title', () => {
  assert.equal(listSizeTitle(sweep, 'en'), "D's chances barely move with its list: 35.3% with none, 36.2% at 18\u00a0M");
});

test("formatShareIn and formatPeople use each language's forms", () => {
  assert.equal(formatShareIn(0.35742, 'en'), '35.7%');
  assert.equal(formatShareIn(0.35742, 'fr'), '35,7\u202f%');
  assert.equal(formatPeople(2_500_000, 'fr'), '2,5\u00a0M');
  assert.equal(formatPeople(750_000, 'en'), '750,000');
});

function scenarioWith(baseline: Record<string, unknown> | undefined) {
  const full = baseline && { forecast: true, swing: 0, swingModel: 'uniform', shifts: {}, turnout: 0, given: [], nationalResultMargin: 0, nationalMargin: 0, margins: {}, resultMargins: {}, resultLabel: '2024 result', ...baseline };
  return { sides: ['D', 'R'] as [string, string], year: 2024, ...(full ? { baseline: full as never } : {}) };
}

test('the headline opens with the baseline in words: a replay, or the forecast it is centred on', () => {
  assert.equal(headlineOpening(scenarioWith({ forecast: false }), 'en'), 'Replaying the 2024 result, ');
  assert.equal(headlineOpening(scenarioWith({ forecast: false }), 'fr'), 'En rejouant le résultat 2024, ');
  assert.equal(headlineOpening(scenarioWith({ swing: 2 }), 'en'), 'With the 2024 result swung 2.0 pp toward D, ');
  assert.equal(headlineOpening(scenarioWith({ swing: -1.5 }), 'fr'), 'Base : résultat 2024, décalé de 1,5 pt vers R — ');
  assert.equal(baselineWords(scenarioWith({ swing: 2 }), 'en'), 'Baseline: 2024 result, swung 2.0 pp toward D');
  const withScenario = { ...summary, scenario: scenarioWith({ swing: 2 }) } as unknown as RunSummary;
  assert.equal(
    briefingHeadline(withScenario, sweep, 'en'),
    "With the 2024 result swung 2.0 pp toward D, D wins 35.7% of simulated elections, and its list barely matters: 35.3% with no list, 35.7% with today's 6\u00a0M, 36.2% at 18\u00a0M.",
  );
});
