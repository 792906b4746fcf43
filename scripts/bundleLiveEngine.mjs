#!/usr/bin/env node
// Bundles the briefing page's live engine (src/browser/liveWorker.ts: scenario resolution, the
// simulation kernel and the run summary) with esbuild into dist/browser/liveWorker.bundle.js, one
// self-contained minified script that the briefing page inlines and starts as a Web Worker from a
// Blob URL. Run by `npm run build`; fails when anything in the bundle imports a Node built-in.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'browser', 'liveWorker.bundle.js');
mkdirSync(dirname(outfile), { recursive: true });
const result = await build({
  entryPoints: [join(root, 'src', 'browser', 'liveWorker.ts')],
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
  console.error(`bundleLiveEngine: the live engine must be browser-safe, got Node imports: ${node.join(', ')}`);
  process.exit(1);
}
