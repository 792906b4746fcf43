/**
 * Opens the standalone chart page and the briefing page in headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core), with every request that is not file:, data: or blob:
 * blocked and counted. Checks that each chart container holds a drawn SVG, that the console shows
 * no error, that moving the sweep slider changes the figures and charts, and saves screenshots to
 * test-output/screenshots/.
 */
import { test } from 'node:test';
import { briefingScripts } from '../../src/node/pageScripts.js';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, openOffline as open } from './offlinePage.js';
import { toHtml } from '../../src/render/toHtml.js';
import { briefingPage } from '../../src/briefing/briefingPage.js';
import { weightDistribution } from '../../src/charts/weightDistribution.js';
import { winProbabilityByListSize } from '../../src/charts/winProbabilityByListSize.js';
import { usTileMap } from '../../src/charts/usTileMap.js';
import { tippingPointSnake } from '../../src/charts/tippingPointSnake.js';
import { franceTileMap } from '../../src/charts/franceTileMap.js';
import { listSweep2016, snakeUnits2016, weightCounts2016 } from '../fixtures/chartInputs.js';
import { FR_2012_T2, margin2012 } from '../fixtures/fr2012Results.js';
import { ILLUSTRATION, INTERIEUR_2012, MEDSL_2016 } from '../fixtures/chartSources.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Every `.chart` container that holds no drawn SVG. */
async function emptyCharts(page: Page): Promise<string[]> {
  return page.$$eval('.chart', (elements) => elements.filter((e) => !e.querySelector('svg .marks, svg.marks, svg')).map((e) => e.id));
}

const available = existsSync(CHROMIUM);

test('the standalone chart page draws its chart offline with no console error', { skip: !available && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-html-'));
  const file = join(dir, 'weightDistribution.html');
  const spec = weightDistribution({ sides: ['D', 'R'], threshold: 270, weightCounts: weightCounts2016() }, { title: 'At 2016 margins the Democrat wins about 1 time in 4', subtitle: 'Electoral votes won by the Democrat', sources: [MEDSL_2016, ILLUSTRATION] });
  writeFileSync(file, toHtml(spec));
  const session = await open(file);
  try {
    await session.page.waitForFunction(() => (window as unknown as { chartReady?: Promise<unknown> }).chartReady !== undefined);
    await session.page.evaluate(() => (window as unknown as { chartReady: Promise<unknown> }).chartReady.then(() => true));
    assert.equal(await session.page.getAttribute('#chart', 'data-rendered'), 'true');
    assert.deepEqual(await emptyCharts(session.page), []);
    const bars = await session.page.$$eval('#chart svg path, #chart svg rect', (e) => e.length);
    assert.ok(bars > 50, `expected the histogram's bars, got ${bars} shapes`);
    // A tooltip appears when the pointer rests on a bar.
    const box = await session.page.locator('#chart svg .mark-rect path').first().boundingBox();
    if (box) {
      await session.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await session.page.waitForSelector('#vg-tooltip-element.visible', { timeout: 60_000 });
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = join(SCREENSHOTS, 'standalone-weightDistribution.png');
    await session.page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.blocked, []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the briefing page draws every chart, and its slider swaps figures and charts live', { skip: !available && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-briefing-'));
  const file = join(dir, 'briefing.html');
  const sweep = listSweep2016();
  const sources = [MEDSL_2016, ILLUSTRATION];
  const points = sweep.map(({ value, pWin, low, high }) => ({ value, pWin, low, high }));
  const html = briefingPage({
    scripts: briefingScripts(),
    title: '2016 replay: what a bigger Democratic list buys',
    subtitle: 'Baseline: 2016 state results; error 5 pp per state',
    headline: [
      { label: 'Tipping-point state', value: 'Wisconsin', note: 'Trump +0.8 pp (two-party)' },
      { label: 'Votes that would have flipped 2016', value: 77747, note: 'WI, PA, MI at margin + 1' },
    ],
    charts: [
      { title: 'US tile map', spec: usTileMap({ sides: ['D', 'R'], measure: 'margin', units: snakeUnits2016().map((u) => ({ id: u.id, value: u.margin })) }, { title: 'The 2016 map', sources: [MEDSL_2016] }) },
      { title: 'Tipping-point snake', spec: tippingPointSnake({ sides: ['D', 'R'], units: snakeUnits2016(), threshold: 270 }, { title: 'Wisconsin tipped 2016', sources: [MEDSL_2016] }) },
      { title: 'France', spec: franceTileMap({ sides: ['PS', 'UMP'], measure: 'margin', units: FR_2012_T2.map(([id, h, s]) => ({ id, value: margin2012(h, s) })) }, { title: '2012, second tour', sources: [INTERIEUR_2012], locale: 'fr' }) },
    ],
    assumptions: [
      { key: 'uncertainty.territory', value: '5 pp', source: 'illustration for this test' },
      { key: 'results', value: '2016', source: MEDSL_2016 },
    ],
    sweep: {
      label: 'Democratic list size',
      initial: 2,
      steps: sweep.map((step) => ({
        value: step.value,
        headline: [{ label: 'P(Democrat wins)', value: `${(100 * step.pWin).toFixed(1)}%`, note: 'exact, from independent state probabilities' }],
        specs: [
          winProbabilityByListSize({ side: 'D', measure: 'listSize', points, current: step.value }, { title: 'P(win) against list size', sources }),
          weightDistribution({ sides: ['D', 'R'], threshold: 270, weightCounts: step.distribution.map((p) => Math.round(p * 100000)) }, { title: 'Electoral votes at this list size', sources }),
        ],
      })),
    },
    generatedBy: 'campaign-lab test fixture',
  });
  writeFileSync(file, html);
  const session = await open(file);
  const ready = () => session.page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
  try {
    await session.page.waitForFunction(() => (window as unknown as { briefingReady?: Promise<unknown> }).briefingReady !== undefined);
    await ready();
    const containers = await session.page.$$eval('.chart', (e) => e.map((x) => x.id));
    assert.deepEqual(containers, ['sweep-chart-0', 'sweep-chart-1', 'chart-0', 'chart-1', 'chart-2']);
    assert.deepEqual(await emptyCharts(session.page), []);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const before = join(SCREENSHOTS, 'briefing-before.png');
    await session.page.screenshot({ path: before, fullPage: true });

    const figure = () => session.page.textContent('#sweep-figures .figure-value');
    const shown = () => session.page.textContent('#sweep-value');
    const firstFigure = await figure();
    const firstValue = await shown();
    assert.equal(firstFigure, `${(100 * sweep[2].pWin).toFixed(1)}%`);
    await session.page.locator('#sweep-slider').fill('6');
    await session.page.waitForFunction((old) => document.querySelector('#sweep-figures .figure-value')?.textContent !== old, firstFigure);
    await session.page.evaluate(() => (window as unknown as { briefingStep: Promise<unknown> }).briefingStep.then(() => true));
    assert.equal(await figure(), `${(100 * sweep[6].pWin).toFixed(1)}%`);
    assert.notEqual(await shown(), firstValue);
    assert.equal(await shown(), '16,000,000');
    assert.deepEqual(await emptyCharts(session.page), []);
    // Swapping a step replaces the drawing instead of piling a second one under it.
    const drawings = await session.page.$$eval('.chart', (e) => e.map((x) => x.querySelectorAll('svg.marks').length));
    assert.deepEqual(drawings, [1, 1, 1, 1, 1]);
    const after = join(SCREENSHOTS, 'briefing-after-slider.png');
    await session.page.screenshot({ path: after, fullPage: true });
    console.log(`screenshots: ${before}, ${after}`);
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.blocked, []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
