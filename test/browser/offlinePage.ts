/**
 * Test helper: a page in headless Chromium (Debian's /usr/bin/chromium through playwright-core) with
 * every request that is not file:, data: or blob: blocked and counted, and console errors collected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** An open offline page and what it tried: console and page errors, requests blocked. */
export interface OfflineSession {
  context: BrowserContext;
  page: Page;
  errors: string[];
  blocked: string[];
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

/**
 * Opens a local HTML file in a fresh headless Chromium profile (1280 × 900) with the network blocked.
 *
 * @param file path of the page
 * @example
 * const session = await openOffline('out/briefing.html'); session.blocked // => [] for a self-contained page
 */
export async function openOffline(file: string): Promise<OfflineSession> {
  const profile = mkdtempSync(join(tmpdir(), 'campaign-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  return {
    context,
    page,
    errors,
    blocked,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
