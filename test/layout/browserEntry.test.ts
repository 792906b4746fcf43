import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './sourceFiles.js';
import * as browserApi from '../../src/browser.js';
import * as nodeApi from '../../src/index.js';

test('the browser entry (campaign-lab/browser) bundles with esbuild --bundle --platform=browser, with no Node built-in', async () => {
  const result = await build({
    entryPoints: [join(root, 'src', 'browser.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  const inputs = Object.keys(result.metafile.inputs);
  const builtins = inputs.filter((path) => path.startsWith('node:') || builtinModules.includes(path));
  assert.deepEqual(builtins, []);
  // The engine is in it: the kernel, scenario resolution and the briefing's assembly.
  for (const module of ['src/sim/simulate.ts', 'src/scenario/resolveScenario.ts', 'src/briefing/renderBriefing.ts']) assert.ok(inputs.includes(module), module);
  assert.ok(!inputs.some((path) => path.startsWith('src/node/') || path.startsWith('src/render/') || path.startsWith('src/cli/')));
});

test('the Node entry (campaign-lab) is the browser entry plus the Node-only API', () => {
  for (const name of Object.keys(browserApi)) assert.ok(name in nodeApi, name);
  for (const name of ['loadScenario', 'runScenarioFile', 'runScenario', 'simulateParallel', 'toPng']) {
    assert.ok(name in nodeApi, name);
    assert.ok(!(name in browserApi), name);
  }
});
