// Offline: served from a subfolder, the app installs its service worker; with the server gone
// and the browser offline, a reload still works. The single-file build answers from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DIST, guard, assertClean, shot } from './lib/browser.mjs';
import { serveDir } from './lib/static-server.mjs';

const SINGLE = resolve(process.env.SINGLE ?? join(import.meta.dirname, '../../dist-single/rag-or-tune.html'));

async function launch() {
  return chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'ragtune-offline-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Picks a suggested question and waits for the four answers. */
async function answers(page) {
  await page.waitForSelector('.ask__suggestions .chip', { timeout: 30000 });
  await page.locator('.ask__suggestions .chip').first().click();
  await page.waitForSelector('.card--both .card__text', { timeout: 20000 });
  return page.locator('.card__text').allTextContents();
}

test('from a subfolder, loaded once, the app reloads and answers with the network gone', async () => {
  const { server, url } = await serveDir(DIST, { prefix: '/sub/dir/' });
  const context = await launch();
  try {
    const page = await context.newPage();
    const problems = guard(page, new URL(url).origin);
    await page.goto(`${url}?view=ask`);
    const online = await answers(page);
    assert.ok(online.length >= 4);
    // Wait until the worker controls the page and holds the whole build.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('rag-or-tune-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((p) => p.endsWith('/sub/dir/model/model.bin')), 'the model is precached');
    assert.ok(cached.some((p) => /\/sub\/dir\/rag-or-tune-[0-9a-f]+_bg\.wasm$/.test(p)), 'the wasm too');

    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    await context.setOffline(true);
    await page.reload();
    const offline = await answers(page);
    assert.deepEqual(offline, online);
    await shot(page, 'offline-reload');
    assertClean(problems);
  } finally {
    await context.close();
    server.close();
  }
});

test('the single-file build answers a question opened from file://', async (t) => {
  const exists = await stat(SINGLE).catch(() => null);
  if (!exists) {
    t.skip(`no ${SINGLE}: run scripts/single-file.sh first`);
    return;
  }
  const context = await launch();
  try {
    const page = await context.newPage();
    const href = pathToFileURL(SINGLE).href;
    const problems = guard(page, new URL(href).origin);
    await page.goto(`${href}?view=ask`);
    const texts = await answers(page);
    assert.ok(texts.length >= 4);
    assert.ok(texts.every((t) => t.trim().length > 0));
    await shot(page, 'single-file');
    assertClean(problems);
  } finally {
    await context.close();
  }
});
