import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sensitivity, scenarioAssumptions } from '../../src/analysis/sensitivity.js';
import { toyScenario, toyCampaign, toyRun, toyChannel } from './toyEngine.js';
import { normalCdf } from './fixtures.js';

// One unit of weight 1: D 49,850 vs R 50,150 (−0.3 pp). D's 10,000 members, door effect prior 5 pp
// (low 0, high 10), everyone reached: +500 votes at the centre, so margin 100 × 200 / 100,500 = +0.199 pp.
// Territory SD 2 pp. P(D wins) = Φ(margin / 2). At effect 0 the margin is −0.3 pp: D no longer favoured.
const door = { ...toyChannel(5), effect: { central: 5, low: 0, high: 10 } };
const scenario = toyScenario([['X', 1, 49850, 50150]], 2, { D: toyCampaign({ X: 10000 }, { door }), R: toyCampaign({}) });

test('sensitivity: the conclusion hinges on the door effect, not on the territory SD', () => {
  const out = sensitivity(scenario, {
    run: toyRun(9, 40000),
    inputs: scenarioAssumptions(scenario).filter((i) => i.name.endsWith('.effect') || i.name === 'uncertainty.territory'),
  });
  const margin = (e: number) => (100 * (49850 + 10000 * e / 100 - 50150)) / (100000 + 10000 * e / 100);
  assert.ok(Math.abs(out.basePWin - normalCdf(margin(5) / 2)) < 0.01);
  assert.equal(out.favoured, true);
  const effect = out.rows.find((r) => r.name === 'campaigns.D.channels.door.effect')!;
  assert.ok(Math.abs(effect.pWinLow - normalCdf(margin(0) / 2)) < 0.01, `${effect.pWinLow}`);
  assert.ok(Math.abs(effect.pWinHigh - normalCdf(margin(10) / 2)) < 0.01, `${effect.pWinHigh}`);
  assert.equal(effect.flipsConclusion, true);
  assert.deepEqual(out.hingesOn, ['campaigns.D.channels.door.effect']);
  assert.equal(out.rows[0].name, 'campaigns.D.channels.door.effect'); // the largest bar
  // the SD range of the backtest grid moves P(win) but keeps it above 0.5 (median margin stays > 0)
  const sd = out.rows.find((r) => r.name === 'uncertainty.territory')!;
  assert.equal(sd.flipsConclusion, false);
  assert.ok(Math.abs(sd.pWinLow - normalCdf(margin(5) / sd.low)) < 0.01);
});

test('scenarioAssumptions leaves out fixed numbers and lists the error model', () => {
  const names = scenarioAssumptions(scenario).map((i) => i.name);
  assert.ok(names.includes('campaigns.D.channels.door.effect'));
  assert.ok(!names.includes('campaigns.D.channels.door.persuasion')); // 0, 0, 0 in the toy channel
  assert.deepEqual(names.filter((n) => n.startsWith('uncertainty')), ['uncertainty.national', 'uncertainty.regional', 'uncertainty.territory', 'uncertainty.tails']);
});
