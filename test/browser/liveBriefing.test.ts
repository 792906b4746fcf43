/**
 * The briefing's live engine in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * `campaign-lab run --out` writes the page; the test moves live controls to values no run precomputed
 * and checks that the page's figures equal, to the last digit, those `campaign-lab run --set <key>=<value>`
 * prints with the same seed and simulations (same resolution, same kernel: exact, not within Monte Carlo
 * error). Also checks that no request leaves the page, the console stays clean, the progress indication
 * runs, and that at 800 px the page does not scroll sideways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, openOffline, type OfflineSession } from './offlinePage.js';
import { projectRoot, runMain } from '../cli/cliHarness.js';

const SCENARIO = join(projectRoot, 'scenarios', 'default.yaml');
const SIMS = '20000';

interface Figures {
  pWin: Record<string, number>;
  expectedWeight: Record<string, number>;
  territories: { id: string; pWin: Record<string, number> }[];
  expectedExtraVotes: Record<string, number>;
  tippingPoint: { id: string; name: string; frequency: number }[];
  electoralCollegeBias: { meanPp: number };
}

async function cliFigures(set: string[]): Promise<Figures> {
  const r = await runMain(['run', SCENARIO, '--sims', SIMS, ...set.flatMap((s) => ['--set', s]), '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Figures;
}

test('the briefing re-runs the scenario live: a value never precomputed gives exactly what run --set gives', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-live-'));
  let session: OfflineSession | undefined;
  try {
    const written = await runMain(['run', SCENARIO, '--sims', SIMS, '--out', dir]);
    assert.equal(written.code, 0, written.stderr);
    session = await openOffline(join(dir, 'briefing.html'));
    const { page, errors, blocked } = session;
    await page.waitForFunction(() => (window as unknown as { briefingLive?: unknown }).briefingLive !== undefined);
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));

    const controls = await page.$$eval('[data-control]', (e) => e.map((x) => x.getAttribute('data-control')));
    assert.ok(controls.includes('campaigns.D.listSize') && controls.includes('campaigns.R.listSize'), `list-size controls, got ${controls.join(', ')}`);
    assert.ok(controls.includes('campaigns.D.channels.door.coverage'));
    assert.ok(controls.includes('baseline.swing'), 'the national swing of the forecast baseline');

    // The figure before any change is the run's own.
    const base = await cliFigures([]);
    assert.equal(Number(await page.getAttribute('[data-figure="pWin"]', 'data-value')), base.pWin.D); // the report's own run
    assert.equal(await page.textContent('[data-figure="pWin"]'), `${(100 * base.pWin.D).toFixed(1)}%`);
    // The headline sentence and the card say the same figure.
    assert.ok((await page.textContent('h1'))?.includes(`D wins ${(100 * base.pWin.D).toFixed(1)}% of simulated elections`));

    // Progress: a run in flight marks the section and resets the bar.
    const states: string[] = [];
    await page.exposeFunction('recordState', (s: string) => states.push(s));
    await page.evaluate(() => {
      const section = document.querySelector('.live') as HTMLElement;
      new MutationObserver(() => (window as unknown as { recordState(s: string): void }).recordState(section.getAttribute('data-state') ?? '')).observe(section, { attributes: true, attributeFilter: ['data-state'] });
    });

    // 7,654,321 people: the sweep only ran 0, 1.5 M, 3 M, … 18 M; 7,654,321 and a swing of 1.73 are off the
    // sliders' steps (1,000 and 0.1): the page runs the values asked for, not the slider's rounding.
    const settings: [string, number][] = [
      ['campaigns.D.listSize', 7_654_321],
      ['campaigns.D.channels.door.coverage', 0.37],
      ['baseline.swing', 1.73],
    ];
    const set: string[] = [];
    for (const [key, value] of settings) {
      await page.evaluate(([k, v]) => (window as unknown as { briefingLive: { set(k: string, v: number): Promise<void> } }).briefingLive.set(k, v), [key, value] as [string, number]);
      set.push(`${key}=${value}`);
      const cli = await cliFigures(set);
      const shown = Number(await page.getAttribute('[data-figure="pWin"]', 'data-value'));
      assert.equal(shown, cli.pWin.D, `P(D wins) after ${set.join(', ')}`);
      assert.equal(Number(await page.getAttribute('[data-figure="pWinB"]', 'data-value')), cli.pWin.R);
      assert.equal(await page.textContent('[data-figure="weight"]'), `D ${cli.expectedWeight.D.toFixed(1)} · R ${cli.expectedWeight.R.toFixed(1)}`);
      assert.equal(await page.textContent('[data-figure="pWin"]'), `${(100 * cli.pWin.D).toFixed(1)}%`);
      const votes = (n: number) => Math.round(n).toLocaleString('en-US');
      assert.equal(await page.textContent('[data-figure="votes"]'), `D ${votes(cli.expectedExtraVotes.D)} · R ${votes(cli.expectedExtraVotes.R)}`);
      // The tipping-point card: the CLI's most frequent unit, its share and the bias, on the all-votes basis.
      const bias = cli.electoralCollegeBias.meanPp;
      assert.equal(await page.textContent('[data-figure="tippingPoint"]'), cli.tippingPoint[0]!.name);
      assert.equal(
        await page.textContent('[data-figure-note="tippingPoint"]'),
        `${(100 * cli.tippingPoint[0]!.frequency).toFixed(1)}% of simulations; electoral-college bias ${Math.abs(bias).toFixed(1)} pp toward ${bias > 0 ? 'D' : 'R'} (margins over all votes cast)`,
      );
    }
    assert.notEqual(Number(await page.getAttribute('[data-figure="pWin"]', 'data-value')), base.pWin.D);
    // The P(win) map follows the controls: Wisconsin's tile shows the CLI's figure for this setting.
    await page.evaluate(() => (window as unknown as { briefingRedraw: Promise<unknown> }).briefingRedraw.then(() => true));
    const wisconsin = (await cliFigures(set)).territories.find((t) => t.id === 'WI')!.pWin.D;
    const tile = await page.evaluate(() => [...document.querySelectorAll('.chart[aria-label^="Where D wins"] svg [aria-label]')].map((e) => e.getAttribute('aria-label') ?? '').find((t) => t.includes('code: WI')));
    assert.match(tile ?? '', new RegExp(`P\\(D wins\\): ${Math.round(100 * wisconsin)}%`));
    assert.ok(states.includes('running') && states.at(-1) === 'done', `states ${states.join(' → ')}`);
    assert.equal(await page.$eval('#live-progress', (e) => (e as HTMLProgressElement).value), 1);
    // The list-size chart marks the live setting.
    const marker = await page.evaluate(() => document.querySelectorAll('.chart svg path.mark-symbol, .chart svg .mark-symbol path').length);
    assert.ok(marker > 0, 'the setting marker is drawn');

    // A value that is not a number is refused, as `--set` refuses it, not run at the slider's position.
    const refused = await page.evaluate(() => (window as unknown as { briefingLive: { set(k: string, v: string): Promise<unknown> } }).briefingLive.set('campaigns.D.listSize', 'abc'));
    assert.equal(refused, null);
    assert.equal(await page.getAttribute('.live', 'data-state'), 'error');
    assert.match((await page.textContent('#live-state')) ?? '', /abc/);

    // Back to the scenario: the run's own figure again, recomputed in the page.
    await page.click('#live-reset');
    await page.evaluate(() => (window as unknown as { briefingLive: { idle(): Promise<void> } }).briefingLive.idle());
    assert.equal(Number(await page.getAttribute('[data-figure="pWin"]', 'data-value')), base.pWin.D);

    // At 800 px nothing scrolls sideways.
    await page.setViewportSize({ width: 800, height: 900 });
    await page.waitForTimeout(100);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 800, 'no horizontal scroll at 800 px');
    const shots = join(projectRoot, 'test-output', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'briefing-live-800.png'), fullPage: false });
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a list given as counts keeps its size slider: the counts give the spread, the slider the size, exactly as run --set', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-live-counts-'));
  let session: OfflineSession | undefined;
  try {
    // A French campaign's NationBuilder export (made-up people: 14 French supporters) spread over a list of 400,000
    // (3 of the 14 live in Alpes-de-Haute-Provence, 128,077 registered: a list is at most a territory's voters, so the sizes stay below 597,000).
    const fixture = join(projectRoot, 'test', 'fixtures', 'lists', 'nationbuilder-fr.csv');
    assert.equal((await runMain(['list', 'summarize', fixture, '--country', 'fr', '--territory-column', 'primary_zip', '--out', join(dir, 'counts.json')])).code, 0);
    const scenario = join(dir, 'fr.yaml');
    writeFileSync(scenario, ['name: France 2027 with a list spread like an export', 'country: fr', 'year: 2022', 'round: 2', 'rule: two-round', 'sides: [LREM, RN]', 'simulations: 20000', 'seed: 2027', 'baseline: { swing: -13.1, swingModel: proportional }', 'campaigns:', '  LREM: { listSize: 400000, allocation: { file: counts.json }, channels: { door: { coverage: 0.2 } } }', '  RN: { listSize: 500000 }', ''].join('\n'));
    const out = join(dir, 'report');
    const written = await runMain(['run', scenario, '--out', out]);
    assert.equal(written.code, 0, written.stderr);
    session = await openOffline(join(out, 'briefing.html'));
    const { page, errors, blocked } = session;
    await page.waitForFunction(() => (window as unknown as { briefingLive?: unknown }).briefingLive !== undefined);
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
    assert.equal(await page.$eval('[data-control="campaigns.LREM.listSize"]', (e) => (e as HTMLInputElement).value), '400000');
    const cli = async (size: number) => {
      const r = await runMain(['run', scenario, '--set', `campaigns.LREM.listSize=${size}`, '--json']);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as Figures;
    };
    for (const size of [523_456, 0]) {
      await page.evaluate((v) => (window as unknown as { briefingLive: { set(k: string, v: number): Promise<void> } }).briefingLive.set('campaigns.LREM.listSize', v), size);
      const expected = await cli(size);
      assert.equal(Number(await page.getAttribute('[data-figure="pWin"]', 'data-value')), expected.pWin.LREM, `P(LREM wins) at ${size}`);
    }
    await page.evaluate((v) => (window as unknown as { briefingLive: { set(k: string, v: number): Promise<void> } }).briefingLive.set('campaigns.LREM.listSize', v), 590_000);
    const shots = join(projectRoot, 'test-output', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'briefing-live-counts-fr.png'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
