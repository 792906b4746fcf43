/**
 * The classic Notebook that `npm run notebooks` opens, in headless Chromium: a Jupyter server started
 * here on 127.0.0.1 with a token and the project-local kernel and extension (scripts/setup.mjs), a copy
 * of notebook 01 run top to bottom in the page, and then every chart output must be a live Vega view
 * (an SVG drawn by vega-embed, not the PNG fallback) and every table an HTML table. Requests to any
 * other host are blocked and counted (the charts' libraries come from the project, not a CDN). The
 * server is shut down at the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './offlinePage.js';
import { findJupyterPython, hasJupyterCommands, jupyterEnv, root } from '../../scripts/notebook/env.mjs';
import { installNbextension, registerKernel } from '../../scripts/setup.mjs';

const ready = existsSync(CHROMIUM) && hasJupyterCommands() && findJupyterPython() !== undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`jupyter exited with ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`jupyter did not answer at ${url}: ${log()}`);
}

test('notebook 01 run in the classic Notebook shows every chart as a live Vega view and tables as tables', { skip: !ready && 'Jupyter or Chromium is not installed: run node scripts/setup.mjs', timeout: 480_000 }, async () => {
  assert.ok(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js is missing: run npm run build first');
  registerKernel();
  installNbextension();
  // A copy beside the notebooks (so `../dist` resolves), removed at the end with its checkpoint.
  const name = `zz-live-test-${process.pid}.ipynb`;
  const copy = join(root, 'notebooks', name);
  copyFileSync(join(root, 'notebooks', '01-quickstart.ipynb'), copy);
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const runtime = mkdtempSync(join(tmpdir(), 'campaign-lab-jupyter-'));
  const args = ['notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${join(root, 'notebooks')}`];
  if (process.getuid?.() === 0) args.push('--allow-root');
  const server = spawn('jupyter', args, { cwd: root, env: jupyterEnv({ JUPYTER_RUNTIME_DIR: runtime }), stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout?.on('data', (c) => (serverLog += c));
  server.stderr?.on('data', (c) => (serverLog += c));
  const base = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'campaign-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  try {
    await waitForServer(`${base}/api/status?token=${token}`, server, () => serverLog.slice(-2000));
    const blocked: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || /^(data|blob):/.test(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${base}/notebooks/${name}?token=${token}`);
    type Nb = { notebook: { _fully_loaded: boolean; kernel?: { is_connected(): boolean }; kernel_busy: boolean; clear_all_output(): void; execute_all_cells(): void; get_cells(): { cell_type: string; input_prompt_number?: number | string | null }[] } };
    await page.waitForFunction(() => {
      const j = (window as unknown as { Jupyter?: Nb }).Jupyter;
      return Boolean(j?.notebook?._fully_loaded && j.notebook.kernel?.is_connected());
    }, undefined, { timeout: 60_000 });
    // Saved outputs are drawn live as soon as the notebook opens (the extension redraws them).
    await page.waitForFunction(() => document.querySelectorAll('.campaign-lab-vega-view[data-rendered="true"] svg.marks').length >= 1, undefined, { timeout: 90_000 });
    await page.evaluate(() => {
      const j = (window as unknown as { Jupyter: Nb }).Jupyter;
      j.notebook.clear_all_output();
      j.notebook.execute_all_cells();
    });
    // Done when every code cell has a number (not '*') and the kernel is idle.
    await page.waitForFunction(() => {
      const nb = (window as unknown as { Jupyter: Nb }).Jupyter.notebook;
      return !nb.kernel_busy && nb.get_cells().every((c) => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number');
    }, undefined, { timeout: 180_000, polling: 500 });
    assert.equal(await page.evaluate(() => document.querySelectorAll('.output_vegalite').length > 0), true, 'the run drew new chart outputs');
    const counts = await page.evaluate(() => ({
      charts: document.querySelectorAll('.output_vegalite').length,
      live: document.querySelectorAll('.campaign-lab-vega-view[data-rendered="true"] svg.marks').length,
      pngs: document.querySelectorAll('.output_png img').length,
      tables: document.querySelectorAll('.output_html table.campaign-lab-table').length,
      errors: document.querySelectorAll('.output_error').length,
    }));
    assert.equal(counts.errors, 0, 'no cell failed');
    assert.ok(counts.charts >= 1, `notebook 01 shows its chart, got ${counts.charts}`);
    // vega-embed draws asynchronously: wait until every chart output holds a live view.
    await page
      .waitForFunction((n) => document.querySelectorAll('.campaign-lab-vega-view[data-rendered="true"] svg.marks').length >= n, counts.charts, { timeout: 90_000 })
      .catch(async (error: Error) => {
        const shown = await page.evaluate(() => [...document.querySelectorAll('.output_vegalite')].map((e) => e.outerHTML.slice(0, 300)).join('\n'));
        throw new Error(`${error.message}\nchart outputs: ${shown}\nconsole: ${consoleLines.filter((l) => /error|campaign-lab|vega/i.test(l)).slice(-12).join('\n')}`);
      });
    assert.equal(await page.evaluate(() => document.querySelectorAll('.output_png img').length), 0, 'the PNG fallback is not shown where the live view is');
    assert.ok(counts.tables >= 1, `tables show as HTML tables, got ${counts.tables}`);
    // The view is live: a tooltip appears over a mark.
    const mark = page.locator('.campaign-lab-vega-view svg .mark-symbol path, .campaign-lab-vega-view svg .mark-rect path').first();
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 60_000 });
    }
    await page.screenshot({ path: join(root, 'test-output', 'screenshots', 'notebook-01-live.png'), fullPage: false }).catch(() => undefined);
    assert.deepEqual(blocked, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    // Stop the server (its kernels with it), then remove the copy and its checkpoint.
    await fetch(`${base}/api/shutdown?token=${token}`, { method: 'POST' }).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        resolve();
      }, 15_000);
      if (server.exitCode !== null) {
        clearTimeout(timer);
        resolve();
        return;
      }
      server.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    rmSync(copy, { force: true });
    const checkpoints = join(root, 'notebooks', '.ipynb_checkpoints');
    rmSync(join(checkpoints, name.replace('.ipynb', '-checkpoint.ipynb')), { force: true });
    if (existsSync(checkpoints) && readdirSync(checkpoints).length === 0) rmdirSync(checkpoints);
    rmSync(runtime, { recursive: true, force: true });
  }
});
