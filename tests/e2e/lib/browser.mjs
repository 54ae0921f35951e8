// The browser harness: Debian's headless Chromium driven by playwright-core, serving dist/ on
// 127.0.0.1. Every page opened here is guarded: a console error, an uncaught exception or a
// request to any origin other than the page's own is recorded, and `assertClean` fails on it.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { serveDir } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = process.env.DIST ? resolve(process.env.DIST) : join(ROOT, 'dist');
export const SHOTS = process.env.SHOTS ? resolve(process.env.SHOTS) : join(ROOT, 'target', 'e2e');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the server and the browser for one test file; call `stop()` after.
 *  `serviceWorkers: 'block'` keeps the site's worker out, so request routes see every request. */
export async function startSession({ dir = DIST, prefix = '/', serviceWorkers = 'allow' } = {}) {
  const { server, url } = await serveDir(dir, { prefix });
  const userDataDir = await mkdtemp(join(tmpdir(), 'ragtune-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: DESKTOP,
    serviceWorkers,
  });
  await mkdir(SHOTS, { recursive: true });
  return {
    url,
    context,
    /** Opens a guarded page at `query` (e.g. "?view=ask"). */
    open: (query = '', options = {}) => openGuarded(context, url, query, options),
    stop: async () => {
      await context.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A page with its problem log. `problems` lists every console error, exception, foreign request. */
export async function openGuarded(context, baseUrl, query, { viewport = DESKTOP, waitFor = '.app-main' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems = guard(page, new URL(baseUrl).origin);
  await page.goto(baseUrl + query);
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 15000 });
  return { page, problems };
}

/** Attaches the guard to a page: returns the live list of problems it sees. */
export function guard(page, origin) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  // Nothing may leave the machine even if the app tried: foreign requests are aborted here too.
  page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  return problems;
}

/** Forgets the work saved in this profile, from a plain file of the site (no app runs there,
 *  so no page flushes a save over the cleared storage). For test files whose tests change
 *  saved settings that the next test must not inherit. */
export async function clearSavedWork(session) {
  const page = await session.context.newPage();
  await page.goto(`${session.url}model/manifest.json`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

/** Fails the test if the page logged any problem. */
export function assertClean(problems) {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/** Saves a full-page screenshot to target/e2e/<name>.png (git-ignored). */
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
