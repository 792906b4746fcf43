/**
 * Live controls of scenarios that name files, in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core): a copy of the default scenario with `baseline.margins: {file: polls.csv}`, and the
 * Pennsylvania race read from its race file. Every control the page shows re-runs: `briefingLive.set`
 * resolves with figures, the section never shows an error, and the figures after all settings are
 * exactly those of `campaign-lab run --set` with the same keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, openOffline, type OfflineSession } from './offlinePage.js';
import { projectRoot, runMain } from '../cli/cliHarness.js';

const SIMS = '2000';

/** Moves every control of the page to a value of its own range and checks each run against the command line's. */
async function everyControlRuns(scenario: string, out: string): Promise<void> {
  const written = await runMain(['run', scenario, '--sims', SIMS, '--out', out]);
  assert.equal(written.code, 0, written.stderr);
  let session: OfflineSession | undefined;
  try {
    session = await openOffline(join(out, 'briefing.html'));
    const { page, errors, blocked } = session;
    await page.waitForFunction(() => (window as unknown as { briefingLive?: unknown }).briefingLive !== undefined);
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
    const controls = await page.$$eval('[data-control]', (e) => e.map((x) => ({ key: x.getAttribute('data-control')!, min: Number((x as HTMLInputElement).min), max: Number((x as HTMLInputElement).max), step: Number((x as HTMLInputElement).step) })));
    assert.ok(controls.length >= 3, `controls shown: ${controls.map((c) => c.key).join(', ')}`);
    const set: string[] = [];
    for (const c of controls) {
      // A value on the control's own steps, about a third of its range.
      const value = Number((c.min + Math.round((c.max - c.min) / 3 / c.step) * c.step).toFixed(6));
      const figures = await page.evaluate(([k, v]) => (window as unknown as { briefingLive: { set(k: string, v: number): Promise<{ pWin: Record<string, number> } | null> } }).briefingLive.set(k, v), [c.key, value] as [string, number]);
      assert.ok(figures && Number.isFinite(Object.values(figures.pWin)[0]), `${c.key}=${value}: the page re-ran (${JSON.stringify(figures)})`);
      assert.equal(await page.getAttribute('.live', 'data-state'), 'done', `${c.key}=${value}: ${await page.textContent('#live-state')}`);
      set.push(`${c.key}=${value}`);
    }
    const cli = await runMain(['run', scenario, '--sims', SIMS, ...set.flatMap((s) => ['--set', s]), '--json']);
    assert.equal(cli.code, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout) as { sides: string[]; pWin: Record<string, number> };
    assert.equal(Number(await page.getAttribute('[data-figure="pWin"]', 'data-value')), expected.pWin[expected.sides[0]!], `after ${set.join(', ')}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  } finally {
    await session?.close();
  }
}

test('a scenario with baseline.margins: {file} re-runs live on every control, exactly as run --set', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-live-margins-'));
  try {
    const text = readFileSync(join(projectRoot, 'scenarios', 'default.yaml'), 'utf8');
    assert.ok(!/^baseline:/m.test(text), 'the default scenario has no baseline of its own');
    writeFileSync(join(dir, 'polls.csv'), 'id,margin,sd\nPA,1.5,3\nWI,2,3\nMI,3\nGA,-1.2\nAZ,-2.5\nNV,0.4\n');
    writeFileSync(join(dir, 'scenario.yaml'), `${text}\nbaseline:\n  margins: { file: polls.csv }\n`);
    await everyControlRuns(join(dir, 'scenario.yaml'), join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a race read from its race file (Pennsylvania by county) re-runs live on every control, exactly as run --set', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-live-race-'));
  try {
    await everyControlRuns(join(projectRoot, 'scenarios', 'pennsylvania-2024-counties.yaml'), join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
