#!/usr/bin/env node
// Copies into dist/vendor/ the files the built package reads at run time from development dependencies,
// so they need not be installed with it: the DejaVu Sans fonts that PNGs are drawn with
// (dejavu-fonts-ttf 2.37, Bitstream Vera / DejaVu licence, free to redistribute) and the browser builds of
// vega, vega-lite and vega-embed that pages inline (BSD-3-Clause). Run by `npm run build`.
// src/render/fonts.ts and src/render/htmlAssets.ts read dist/vendor/ when it exists, else node_modules.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vendor = join(root, 'dist', 'vendor');
mkdirSync(join(vendor, 'fonts'), { recursive: true });
for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']) {
  copyFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), join(vendor, 'fonts', file));
}
copyFileSync(require.resolve('dejavu-fonts-ttf/LICENSE'), join(vendor, 'fonts', 'LICENSE'));
for (const name of ['vega', 'vega-lite', 'vega-embed']) {
  copyFileSync(join(dirname(require.resolve(name)), `${name}.min.js`), join(vendor, `${name}.min.js`));
}
