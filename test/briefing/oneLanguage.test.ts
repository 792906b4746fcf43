/**
 * One language per briefing: the France 2027 briefing (`campaign-lab run --out`), drawn in headless
 * Chromium (Debian's /usr/bin/chromium through playwright-core), shows no word of the message
 * catalogue's English side (src/briefing/messages.ts) that its French side does not also use (names,
 * units, `summary.json`), in its text and in its charts' text, the numbered sources at its foot included.
 * Only elements marked as another language (`lang` other than `fr`: the titles of published works,
 * `<cite lang="en">`) are left out. The kicker names the race by its own year and round
 * (`baseline.electionYear`). The errors the live engine shows when a control is driven past what the
 * engine accepts are French too (src/briefing/liveErrors.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, openOffline, type OfflineSession } from '../browser/offlinePage.js';
import { projectRoot, runMain } from '../cli/cliHarness.js';
import { catalogueWords, MESSAGES } from '../../src/briefing/messages.js';

test('the catalogue has the same keys in English and in French', () => {
  const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();
  assert.deepEqual(keys(MESSAGES.fr), keys(MESSAGES.en));
  assert.ok(catalogueWords('en').has('stale') && !catalogueWords('fr').has('stale'));
});

test('the France 2027 briefing shows no English word of the catalogue', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-french-'));
  let session: OfflineSession | undefined;
  try {
    const written = await runMain(['run', join(projectRoot, 'scenarios', 'france-2027.yaml'), '--sims', '2000', '--out', dir]);
    assert.equal(written.code, 0, written.stderr);
    session = await openOffline(join(dir, 'briefing.html'));
    const { page } = session;
    await page.waitForFunction(() => (window as unknown as { briefingReady?: unknown }).briefingReady !== undefined);
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
    const text: string = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const e of clone.querySelectorAll('script, code, [lang]:not([lang="fr"]):not(html)')) e.remove();
      const svgText = [...document.querySelectorAll('.chart svg text')].map((t) => t.textContent ?? '').join('\n');
      return `${clone.innerText}\n${svgText}`;
    });
    // The race's own year and round: a 2027 race is not "FR 2022".
    assert.match((await page.textContent('header .kicker')) ?? '', /· FR 2027 2d tour \(d'après FR 2022\) ·/);
    const french = catalogueWords('fr');
    // Words the same in French: "Glissement national", "net LREM − RN", "point à la couleur du gagnant", "bureau de vote".
    const sameInFrench = new Set(['national', 'net', 'point', 'vote']);
    const english = [...catalogueWords('en')].filter((w) => !french.has(w) && !sameInFrench.has(w));
    const found = new Set((text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => english.includes(w)));
    assert.deepEqual([...found].sort(), [], 'English words on the French page');
    // Errors the live engine shows: a list larger than a territory's eligible voters, a share above 1.
    const wordsOf = (t: string) => new Set((t.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => english.includes(w)));
    for (const [key, value, expected] of [
      ['campaigns.LREM.listSize', 1e9, /^Ce réglage n'a pas pu être simulé : Taille du fichier de LREM \(personnes\) : il faut au plus les 438 250 inscrits du territoire Ain .* valeur donnée : 8 731 794 soutiens$/],
      ['campaigns.RN.channels.door.coverage', 2, /^Ce réglage n'a pas pu être simulé : RN : porte-à-porte, part du fichier ciblée : il faut un nombre de 0 à 1 ; valeur donnée : 2$/],
    ] as const) {
      await page.evaluate(([k, v]) => (window as unknown as { briefingLive: { set(k: string, v: number): Promise<unknown> } }).briefingLive.set(k, v), [key, value] as const);
      assert.equal(await page.getAttribute('.live', 'data-state'), 'error', `${key} = ${value}`);
      const shown: string = await page.evaluate(() => {
        const clone = document.getElementById('live-state')!.cloneNode(true) as HTMLElement;
        for (const e of clone.querySelectorAll('[lang]:not([lang="fr"])')) e.remove();
        return (clone.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
      });
      assert.match(shown, expected);
      assert.deepEqual([...wordsOf(shown)], [], `English words in the error: ${shown}`);
      await page.click('#live-reset');
      await page.evaluate(() => (window as unknown as { briefingLive: { idle(): Promise<unknown> } }).briefingLive.idle());
    }
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
