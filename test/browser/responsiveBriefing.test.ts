/**
 * The briefing at a phone's width (390 px), a laptop's (1280 px) and a wide screen's (1920 px), in
 * headless Chromium (Debian's /usr/bin/chromium through playwright-core): for the default, the France
 * 2027 and the Pennsylvania briefings (`campaign-lab run --out`), every text of every drawn chart is at
 * least 11 px on screen (its font size times the SVG's rendered scale), the page never scrolls sideways
 * (`document.documentElement.scrollWidth <= innerWidth`), and on a phone the charts are their phone
 * versions. Screenshots go to test-output/screenshots/ (briefing-<scenario>-<width>.png).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, openOffline, type OfflineSession } from './offlinePage.js';
import { projectRoot, runMain } from '../cli/cliHarness.js';

const SCENARIOS = ['default', 'france-2027', 'pennsylvania-2024-counties'];
const WIDTHS = [390, 1280, 1920];
/** Smallest text a reader should meet in a chart, px on screen. */
const MIN_TEXT_PX = 11;

/** What the page measures at one width. */
interface Measure {
  scrollWidth: number;
  innerWidth: number;
  /** Per chart: its id, layout, and its smallest text on screen (px) with that text. */
  charts: { id: string; layout: string; smallest: number; text: string }[];
}

test('the briefing reads at 390, 1280 and 1920 px: chart text at least 11 px, no sideways scroll', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-responsive-'));
  const shots = join(projectRoot, 'test-output', 'screenshots');
  mkdirSync(shots, { recursive: true });
  let session: OfflineSession | undefined;
  try {
    for (const name of SCENARIOS) {
      const out = join(dir, name);
      const written = await runMain(['run', join(projectRoot, 'scenarios', `${name}.yaml`), '--sims', '2000', '--out', out]);
      assert.equal(written.code, 0, written.stderr);
      session = await openOffline(join(out, 'briefing.html'));
      const { page } = session;
      await page.waitForFunction(() => (window as unknown as { briefingReady?: unknown }).briefingReady !== undefined);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        // A resize redraws the charts whose box calls for the other layout.
        await page.waitForTimeout(400);
        await page.evaluate(() => {
          const w = window as unknown as { briefingReady: Promise<unknown>; briefingRedraw?: Promise<unknown> };
          return Promise.all([w.briefingReady, w.briefingRedraw]).then(() => true);
        });
        const measure: Measure = await page.evaluate(() => {
          const charts = [...document.querySelectorAll('.chart')].map((chart) => {
            const svg = chart.querySelector('svg.marks') as SVGSVGElement | null;
            let smallest = Infinity;
            let text = '';
            if (svg) {
              const box = svg.viewBox.baseVal;
              const scale = box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
              for (const t of svg.querySelectorAll('text')) {
                const size = parseFloat(getComputedStyle(t).fontSize) * scale;
                if ((t.textContent ?? '').trim() !== '' && size < smallest) {
                  smallest = size;
                  text = t.textContent ?? '';
                }
              }
            }
            return { id: chart.id, layout: chart.getAttribute('data-layout') ?? '', smallest, text };
          });
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth, charts };
        });
        assert.ok(measure.charts.length >= 2, `${name} at ${width} px: charts drawn`);
        for (const c of measure.charts) {
          assert.ok(c.smallest >= MIN_TEXT_PX - 0.01, `${name} at ${width} px, ${c.id}: "${c.text}" is ${c.smallest.toFixed(1)} px on screen`);
          assert.equal(c.layout, width < 600 ? 'narrow' : 'wide', `${name} at ${width} px, ${c.id}: layout`);
        }
        assert.ok(measure.scrollWidth <= measure.innerWidth, `${name} at ${width} px: the page is ${measure.scrollWidth} px wide`);
        await page.screenshot({ path: join(shots, `briefing-${name}-${width}.png`), fullPage: true });
      }
      assert.deepEqual(session.errors, []);
      assert.deepEqual(session.blocked, []);
      await session.close();
      session = undefined;
    }
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('printed, the briefing gives A4 landscape pages with each chart whole on a page of its own', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-print-'));
  let session: OfflineSession | undefined;
  try {
    const written = await runMain(['run', join(projectRoot, 'scenarios', 'default.yaml'), '--sims', '2000', '--out', dir]);
    assert.equal(written.code, 0, written.stderr);
    session = await openOffline(join(dir, 'briefing.html'));
    const { page } = session;
    await page.waitForFunction(() => (window as unknown as { briefingReady?: unknown }).briefingReady !== undefined);
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
    // A4 landscape less the @page margins (10 mm top and bottom, 12 mm left and right), at 96 px per inch.
    const printable = { width: Math.floor((273 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };
    await page.emulateMedia({ media: 'print' });
    const figures = await page.$$eval('.charts figure', (elements) => elements.map((e) => ({ height: e.getBoundingClientRect().height, width: e.scrollWidth, breakBefore: getComputedStyle(e).breakBefore, breakInside: getComputedStyle(e).breakInside })));
    assert.ok(figures.length >= 4, `${figures.length} charts`);
    for (const [i, f] of figures.entries()) {
      assert.equal(f.breakBefore, 'page', `chart ${i} starts a page`);
      assert.equal(f.breakInside, 'avoid', `chart ${i} is not cut`);
      assert.ok(f.height <= printable.height, `chart ${i} is ${Math.round(f.height)} px high, a page ${printable.height} px`);
    }
    assert.equal(await page.$eval('.controls', (e) => getComputedStyle(e).display), 'none', 'no sliders on paper');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.ok(pages.length >= 1 + figures.length, `${pages.length} pages for a cover and ${figures.length} charts`);
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
    assert.match(text, /\/MediaBox\s*\[0 0 841\.9\d* 59[45]\.\d+\]/);
    await page.screenshot({ path: join(projectRoot, 'test-output', 'screenshots', 'briefing-print-emulated.png'), fullPage: false });
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
