import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { prepareScenario, runThreads } from '../../src/node/prepareScenario.js';

test('runThreads: the machine\'s cores when the scenario sets none; its own number otherwise, capped to the cores with a warning', () => {
  const cores = availableParallelism();
  const warnings: string[] = [];
  assert.equal(runThreads({}, (m) => warnings.push(m)), cores);
  assert.equal(runThreads({ threads: 1 }, (m) => warnings.push(m)), 1);
  assert.equal(warnings.length, 0);
  assert.equal(runThreads({ threads: cores + 1 }, (m) => warnings.push(m)), cores);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, new RegExp(`^threads ${cores + 1} is more than the ${cores} cores? of this machine`));
});

test('prepareScenario resolves a scenario without threads to the machine\'s cores, and threads=1 to 1', async () => {
  const cwd = process.cwd();
  const byDefault = await prepareScenario('scenarios/florida-2000.yaml', { cwd, overrides: ['simulations=1000'] });
  const one = await prepareScenario('scenarios/florida-2000.yaml', { cwd, overrides: ['simulations=1000', 'threads=1'] });
  assert.equal(byDefault.resolved.threads, availableParallelism());
  assert.equal(one.resolved.threads, 1);
});
