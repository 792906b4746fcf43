import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { weightDistribution } from '../../src/charts/weightDistribution.js';
import { weightCounts2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016, ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

type Layer = { data: { values: { weight: number; share: number; winner?: string; label?: string }[] } };
const bars = (spec: unknown) => (spec as { vconcat: [{ layer: Layer[] }] }).vconcat[0].layer[0].data.values;

test('weightDistribution colours 270+ for A, 268− for B and marks 269–269 as the tie', () => {
  const counts = new Float64Array(539);
  counts[268] = 1;
  counts[269] = 2;
  counts[270] = 1;
  const spec = weightDistribution({ sides: ['D', 'R'], threshold: 270, weightCounts: counts }, { title: 'T', sources: ['S'] });
  assert.deepEqual(
    bars(spec).map((r) => [r.weight, r.share, r.winner]),
    [
      [268, 0.25, 'R'],
      [269, 0.5, 'tie'],
      [270, 0.25, 'D'],
    ],
  );
  const tie = (spec as unknown as { vconcat: [{ layer: Layer[] }] }).vconcat[0].layer[3].data.values;
  assert.equal(tie[0].label, '269–269 tie');
});

test('weightDistribution rejects empty counts and an impossible threshold', () => {
  assert.throws(() => weightDistribution({ sides: ['D', 'R'], threshold: 270, weightCounts: new Float64Array(539) }, { title: 'T', sources: ['S'] }), InputError);
  assert.throws(() => weightDistribution({ sides: ['D', 'R'], threshold: 600, weightCounts: Float64Array.of(1, 1) }, { title: 'T', sources: ['S'] }), InputError);
});

test('weightDistribution(2016 fixture) matches its golden spec and SVG', async () => {
  const spec = weightDistribution(
    { sides: ['D', 'R'], threshold: 270, weightCounts: weightCounts2016() },
    { title: 'At 2016 margins the Democrat wins about 1 time in 4', subtitle: 'Electoral votes won by the Democrat, 100,000 simulated elections', sources: [MEDSL_2016, ILLUSTRATION] },
  );
  await assertMatchesSnapshot('weightDistribution', spec);
});

test('weightDistribution in French with the colour-blind palette matches its golden spec and SVG', async () => {
  const spec = weightDistribution(
    { sides: ['D', 'R'], threshold: 270, weightCounts: weightCounts2016() },
    { title: 'Aux écarts de 2016, la démocrate gagne une fois sur quatre', subtitle: 'Grands électeurs démocrates, 100 000 élections simulées', sources: [MEDSL_2016, ILLUSTRATION], locale: 'fr', palette: 'colourblind' },
  );
  await assertMatchesSnapshot('weightDistribution-fr', spec);
});

test('weightDistribution names the unit on its x axis: seats for a seats race, electoral votes by default, in French too', () => {
  const counts = Float64Array.of(0, 1, 3, 4, 2, 1);
  const title = (spec: ReturnType<typeof weightDistribution>) => JSON.stringify(spec).match(/"title":"([^"]+ (?:won by|par) D)"/)?.[1];
  assert.equal(title(weightDistribution({ sides: ['D', 'R'], threshold: 3, weightCounts: counts, unit: 'seats' }, { title: 'T', sources: ['S'] })), 'Seats won by D');
  assert.equal(title(weightDistribution({ sides: ['D', 'R'], threshold: 3, weightCounts: counts }, { title: 'T', sources: ['S'] })), 'Electoral votes won by D');
  assert.equal(title(weightDistribution({ sides: ['D', 'R'], threshold: 3, weightCounts: counts, unit: 'seats' }, { title: 'T', sources: ['S'], locale: 'fr' })), 'Sièges obtenus par D');
  // The binned histogram of a race weighted by millions says the same.
  const binned = weightDistribution({ sides: ['D', 'R'], threshold: 500_001, weightTally: { weights: [400_000, 600_000], counts: [1, 1] }, totalWeight: 1_000_000, unit: 'seats' }, { title: 'T', sources: ['S'] });
  assert.equal(title(binned), 'Seats won by D');
  assert.doesNotMatch(JSON.stringify(binned), /Electoral votes/);
});
