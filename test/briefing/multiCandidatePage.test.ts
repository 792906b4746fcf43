/**
 * The briefing of a multi-candidate race (issue 26): `run --out` of Canada 2011 and France 2022 first round
 * writes briefing.html with every candidate's figure as summary.json has it, no absolute path, the static
 * note, the closest units (contested units only) and, for the French race, French words and none of the
 * English side of the catalogue that the French side does not also use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runMain } from '../cli/cliHarness.js';
import { CHROMIUM, openOffline, type OfflineSession } from '../browser/offlinePage.js';
import { catalogueWords, MESSAGES } from '../../src/briefing/messages.js';
import { formatDecimalIn, formatShareIn, formatCountIn } from '../../src/briefing/formatNumber.js';
import { closestUnitsTable, multiCandidateHeadline } from '../../src/briefing/multiCandidatePage.js';
import { htmlEscape } from '../../src/briefing/html.js';
import type { MultiCandidateRunDocument } from '../../src/race/multiCandidateDocument.js';

interface Candidate {
  party: string;
  name: string;
  pWin: number;
  pQualify: number | null;
  seats: { mean: number; low: number; high: number } | null;
  pMajority: number | null;
}

/** The page's visible text outside scripts, code and the numbered citations, tags stripped. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'), html.indexOf('<script'));
  return body
    .replace(/<ol class="sources">[\s\S]*?<\/ol>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

async function report(scenario: string, sims: number): Promise<{ dir: string; html: string; summary: { candidates: Candidate[]; seatsToWin: number | null } }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'multi-page-')), 'report');
  const r = await runMain(['run', `scenarios/${scenario}.yaml`, '--sims', String(sims), '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  return { dir, html: readFileSync(join(dir, 'briefing.html'), 'utf8'), summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) };
}

function assertNoAbsolutePath(html: string, dir: string): void {
  assert.ok(!html.includes(dir), 'the output folder');
  assert.ok(!html.includes(projectRoot), 'the project folder');
  assert.doesNotMatch(html, /(?:^|[\s"'(>])\/(?:work|tmp|home|usr|root|var)\//);
}

test('Canada 2011 run --out writes briefing.html: each party expected seats with the 90% interval and P(majority), the seat headline, closest ridings, no absolute path', async () => {
  const { dir, html, summary } = await report('canada-2011', 1000);
  assert.match(html, /<html lang="en">/);
  const text = visibleText(html);
  assert.equal(summary.candidates.length, 5);
  for (const c of summary.candidates) {
    const card = `${formatDecimalIn(c.seats!.mean, 'en')}</div><div class="figure-label">${c.name}: expected seats</div><div class="figure-note">90% interval ${c.seats!.low} to ${c.seats!.high}; P(majority, 155 seats) ${formatShareIn(c.pMajority!, 'en')}`;
    assert.ok(html.includes(card), `card of ${c.party}: ${card}`);
  }
  const leader = summary.candidates.reduce((a, c) => (c.seats!.mean > a.seats!.mean ? c : a));
  assert.ok(text.includes(`${leader.name} is expected to win the most seats: ${formatDecimalIn(leader.seats!.mean, 'en')}`), text.slice(0, 400));
  assert.ok(text.includes(MESSAGES.en.multi.static));
  assert.ok(text.includes('Closest units'));
  // The charts of the report are drawn in the page: their specs are embedded.
  assert.ok(html.includes('Canada 2011 by riding: seats per party') && html.includes('Canada 2011 by riding: who wins'));
  assert.ok(!html.includes('id="live-title"') && !html.includes('id="live-engine"'), 'no live controls');
  assertNoAbsolutePath(html, dir);
});

test('France 2022 first round run --out writes a French briefing.html: every candidate P(round 2) and P(win), French words, no English catalogue word, assumed transfer rows, no absolute path', async () => {
  const { dir, html, summary } = await report('france-2022-first-round', 1000);
  assert.match(html, /<html lang="fr">/);
  const text = visibleText(html);
  assert.equal(summary.candidates.length, 12);
  for (const c of summary.candidates) {
    const card = `${formatShareIn(c.pQualify!, 'fr')}</div><div class="figure-label">${htmlEscape(`P(${c.name} au second tour)`)}</div><div class="figure-note">P(victoire) ${formatShareIn(c.pWin, 'fr')} ; `;
    assert.ok(html.includes(card), `card of ${c.party}: ${card}`);
  }
  for (const words of ['sont les plus susceptibles d\'accéder au second tour', 'Territoires les plus serrés', 'Hypothèses', 'Cette page est statique', 'abstentionnistes', 'élections simulées']) assert.ok(text.includes(words), words);
  // Chart titles in French (the specs embedded in the page, and the SVG file).
  assert.ok(html.includes('qui accède au second tour'));
  assert.ok(readFileSync(join(dir, 'candidate-probabilities.svg'), 'utf8').includes('qui accède au second tour'));
  // The kicker carries the scenario's own name (user's words, French in the bundled scenario): checked without it too.
  const english = [...catalogueWords('en')].filter((w) => !catalogueWords('fr').has(w) && w.length > 2);
  const withoutKicker = text.replace(/France 2022, premier tour/g, ' ');
  // Words as the catalogue splits them (`campaign-lab` is one word, the same in both languages).
  const shown = new Set(withoutKicker.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []);
  const found = english.filter((w) => shown.has(w));
  assert.deepEqual(found, []);
  assertNoAbsolutePath(html, dir);
});

test('closest units leave out uncontested units and put the least certain first; the headline names the likeliest finalists', () => {
  const unit = (id: string, pWins: number[], votes: number[]) => ({ id, name: `Unit ${id}`, valid: votes.reduce((a, b) => a + b, 0), candidates: pWins.map((pWin, i) => ({ party: `P${i}`, label: `P${i}`, votes: votes[i]!, pWin, pQualify: null })) });
  const doc = { rule: 'plurality', candidates: [] } as unknown as MultiCandidateRunDocument;
  const table = closestUnitsTable(doc, [unit('a', [1], [500]), unit('b', [0.9, 0.1], [600, 400]), unit('c', [0.45, 0.55], [510, 490])], 'en');
  assert.deepEqual(table.rows, [
    ['Unit c', 'P1', '55.0%', 'P0', '45.0%', '-2.0'],
    ['Unit b', 'P0', '90.0%', 'P1', '10.0%', '+20.0'],
  ]);
  const c = (party: string, pWin: number, pQualify: number) => ({ party, name: party, votes: 1, share: 0.1, pWin, pQualify, seats: null, pMajority: null, pMostSeats: null });
  const two = { rule: 'two-round', candidates: [c('RN', 0.1, 0.6), c('LFI', 0.2, 0.3), c('LREM', 0.7, 0.9)] } as unknown as MultiCandidateRunDocument;
  assert.equal(multiCandidateHeadline(two, 'fr'), `LREM (${formatShareIn(0.9, 'fr')}) et RN (${formatShareIn(0.6, 'fr')}) sont les plus susceptibles d'accéder au second tour ; LREM l'emporte dans ${formatShareIn(0.7, 'fr')} des élections simulées`);
  assert.equal(formatCountIn(1000, 'fr'), '1\u202f000');
});

test('the French first-round briefing in Chromium: charts drawn offline, no page overflow and chart text at least 11 px at 390 and 1280 px', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, async () => {
  const { dir } = await report('france-2022-first-round', 500);
  let session: OfflineSession | undefined;
  try {
    session = await openOffline(join(dir, 'briefing.html'));
    const { page } = session;
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { briefingReady?: unknown }).briefingReady !== undefined);
      await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
      const r = await page.evaluate(() => {
        const sizes = [...document.querySelectorAll('.chart svg text')].map((t) => {
          const svg = t.closest('svg')!;
          const box = svg.getBoundingClientRect();
          const scale = box.width / (svg.viewBox.baseVal?.width || box.width);
          return parseFloat(getComputedStyle(t).fontSize) * scale;
        });
        return { overflow: document.documentElement.scrollWidth - innerWidth, texts: sizes.length, minFont: Math.min(...sizes) };
      });
      assert.ok(r.overflow <= 0, `${width} px: ${JSON.stringify(r)}`);
      assert.ok(r.texts > 20 && r.minFont >= 11 - 1e-6, `${width} px: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(session.blocked, []);
    assert.deepEqual(session.errors, []);
  } finally {
    await session?.close();
  }
});
