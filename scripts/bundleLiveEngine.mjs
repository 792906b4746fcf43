#!/usr/bin/env node
// Bundles the briefing page's two scripts with esbuild, each one self-contained minified classic script:
// - the live engine (src/browser/liveWorker.ts: scenario resolution, the simulation kernel and the run
//   summary) into dist/browser/liveWorker.bundle.js, which the page inlines and starts as a Web Worker
//   from a Blob URL;
// - the page's own script (src/browser/briefingPageScript.ts: charts, sweep slider, live controls) into
//   dist/browser/briefingPage.bundle.js, which the page inlines after the Vega libraries.
// Run by `npm run build`; fails when anything in a bundle imports a Node built-in.
// src/node/pageScripts.ts makes the same bundles in memory when the code runs from src/ (tests).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = [
  ['liveWorker.ts', 'liveWorker.bundle.js'],
  ['briefingPageScript.ts', 'briefingPage.bundle.js'],
];
for (const [entry, bundle] of bundles) {
  const outfile = join(root, 'dist', 'browser', bundle);
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'src', 'browser', entry)],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const node = inputs.filter((path) => /^node:|(^|\/)(fs|path|worker_threads|os|child_process)$/.test(path));
  if (node.length > 0) {
    console.error(`bundleLiveEngine: ${entry} must be browser-safe, got Node imports: ${node.join(', ')}`);
    process.exit(1);
  }
}
