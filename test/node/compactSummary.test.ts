import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactSummary, KEPT_TERRITORIES } from '../../src/node/compactSummary.js';

/** A summary-shaped document of n territories, margins n/2 − i pp (territory n/2 the closest), with per-territory tables where run writes them. */
function documentOf(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `T${i}`);
  return {
    pWin: { D: 0.4, R: 0.6 },
    territories: ids.map((id, i) => ({ id, name: id, meanMargin: n / 2 - i })),
    tippingPoint: ids.map((id) => ({ id, frequency: 1 / n })),
    scenario: {
      territories: ids.map((id) => ({ id, votes: { D: 1, R: 2 } })),
      baseline: { swing: 1, margins: Object.fromEntries(ids.map((id) => [id, 0.5])) },
      campaigns: { D: { listSize: 1000, allocation: Object.fromEntries(ids.map((id) => [id, 3])) } },
    },
    report: { scenarioFile: 'race.yaml', files: ['summary.json'] },
  };
}

test('summary.json of a race of at most 5,000 territories is the document itself', () => {
  const document = documentOf(5000);
  assert.equal(compactSummary(document), document);
});

test('summary.json of a larger race keeps the race-wide figures and the closest territories, and names the tables it leaves out', () => {
  const compact = compactSummary(documentOf(5002)) as ReturnType<typeof documentOf> & { report: { perTerritory: { territories: number; leftOut: string[] } } };
  assert.deepEqual(compact.pWin, { D: 0.4, R: 0.6 });
  assert.equal(compact.territories.length, KEPT_TERRITORIES);
  assert.deepEqual(compact.territories.slice(0, 3).map((t) => t.id), ['T2501', 'T2500', 'T2502']);
  assert.equal(compact.tippingPoint.length, KEPT_TERRITORIES);
  assert.equal(compact.scenario.baseline.swing, 1);
  assert.equal(compact.scenario.campaigns.D.listSize, 1000);
  assert.equal(compact.report.perTerritory.territories, 5002);
  assert.deepEqual(compact.report.perTerritory.leftOut, ['territories (the others)', 'scenario.territories', 'scenario.baseline.margins', 'scenario.campaigns.D.allocation']);
  const scenario = compact.scenario as Record<string, unknown> & { baseline: object; campaigns: { D: object } };
  assert.ok(!('territories' in scenario) && !('margins' in scenario.baseline) && !('allocation' in scenario.campaigns.D));
  assert.ok(JSON.stringify(compact).length < 20_000, `${JSON.stringify(compact).length} characters`);
});
