// Start-up: the build's corpus bundle carries exactly the shipped corpus files (so it cannot
// drift from public/corpus/), the app reads the corpus from that one file, the preloaded model
// and bundle are the requests the loader makes (no second download), the service worker
// precaches the bundle instead of the separate corpus files, a build without the bundle
// still works from the separate files, and a damaged model file is refused with a clear
// message whether the browser's WebCrypto or the wasm fallback checks it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSession, assertClean, guard, DIST } from './lib/browser.mjs';
import { serveDir } from './lib/static-server.mjs';
import { corpusBundle, bundledPaths } from '../../tools/build-hooks/corpus-bundle.mjs';

const SOURCES = resolve(import.meta.dirname, '../../public/corpus');
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

test('the corpus bundle in the build equals the corpus sources, file for file', async () => {
  const built = JSON.parse(await readFile(join(DIST, 'corpus/bundle.json'), 'utf8'));
  const fromSources = JSON.parse(await corpusBundle(SOURCES));
  assert.deepEqual(built.files.map(([path]) => path), fromSources.files.map(([path]) => path));
  for (const [index, [path, text]] of fromSources.files.entries()) {
    assert.equal(text, await readFile(join(SOURCES, path), 'utf8'));
    assert.equal(built.files[index][1], text, `${path} in the bundle matches public/corpus/${path}`);
  }
  assert.ok(built.files.length > 50, `the bundle holds the whole corpus (${built.files.length} files)`);
});

test('the app reads the corpus from the bundle, fetches each asset once, and answers', async () => {
  const page = await session.context.newPage();
  const problems = guard(page, new URL(session.url).origin);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${session.url}?view=ask&q=${encodeURIComponent('How much does the Pro plan cost?')}`);
  await page.locator('.card--both .card__text').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.textContent('.card--both .card__text'), /\$/);
  const corpus = requests.filter((p) => p.includes('/corpus/'));
  assert.deepEqual(corpus.filter((p) => !p.endsWith('/corpus/bundle.json')), [], 'no corpus file one by one');
  for (const asset of ['/corpus/bundle.json', '/model/model.bin', '/model/vocab.txt', '/model/manifest.json']) {
    const count = requests.filter((p) => p.endsWith(asset)).length;
    assert.equal(count, 1, `${asset} requested ${count} times (the loader reuses the preload)`);
  }
  assertClean(problems);
  await page.close();
});

test('the service worker precaches the bundle, not the separate corpus files', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const assets = JSON.parse(/const ASSETS = (\[.*\]);/.exec(sw)[1]);
  assert.ok(assets.includes('corpus/bundle.json'));
  for (const path of await bundledPaths(join(DIST, 'corpus'))) {
    assert.ok(!assets.includes(path), `${path} is carried by the bundle`);
  }
});

test('without the bundle the app falls back to the corpus files one by one', async () => {
  const copy = await mkdtemp(join(tmpdir(), 'ragtune-nobundle-'));
  await cp(DIST, copy, { recursive: true });
  await rm(join(copy, 'corpus/bundle.json'));
  const { server, url } = await serveDir(copy);
  try {
    const page = await session.context.newPage();
    const problems = guard(page, new URL(url).origin);
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${url}?view=ask&q=${encodeURIComponent('How much does the Pro plan cost?')}`);
    await page.locator('.card--both .card__text').waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await page.textContent('.card--both .card__text'), /\$/);
    assert.ok(requests.some((p) => p.endsWith('/corpus/facts.txt')), 'the files were fetched one by one');
    // The missing bundle's 404s (the preload and the loader's try) are the only problems.
    assertClean(problems.filter((p) => !/404/.test(p)));
    assert.ok(problems.length >= 1, 'the missing bundle was noticed');
    await page.close();
  } finally {
    await new Promise((ok) => server.close(ok));
    await rm(copy, { recursive: true, force: true });
  }
});

// Pretends the page is not a secure context (plain http on a network address), where
// WebCrypto is missing and the model's checksums are computed in wasm.
const insecure = () => Object.defineProperty(window, 'isSecureContext', { value: false });

test('a damaged model file is refused with a clear message, by WebCrypto and by the wasm fallback', async () => {
  const copy = await mkdtemp(join(tmpdir(), 'ragtune-damaged-'));
  await cp(DIST, copy, { recursive: true });
  const table = await readFile(join(copy, 'model/model.bin'));
  table[table.length >> 1] ^= 0x40;
  await writeFile(join(copy, 'model/model.bin'), table);
  const { server, url } = await serveDir(copy);
  try {
    for (const secure of [true, false]) {
      const page = await session.context.newPage();
      const problems = guard(page, new URL(url).origin);
      if (!secure) await page.addInitScript(insecure);
      await page.goto(`${url}?view=ask`);
      const alert = page.locator('.load-status--failed');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.textContent(), /model file model\.bin is damaged/, `secure context: ${secure}`);
      // The view below no longer promises a load that will never finish.
      const note = await page.textContent('.ask__answers');
      assert.match(note, /could not start/);
      assert.doesNotMatch(note, /loading/i);
      if (secure) await page.screenshot({ path: 'target/e2e/load-failed-ask.png', fullPage: true });
      assertClean(problems);
      await page.close();
    }
  } finally {
    await new Promise((ok) => server.close(ok));
    await rm(copy, { recursive: true, force: true });
  }
});

test('outside a secure context the wasm checksum loads the model and the app answers', async () => {
  const page = await session.context.newPage();
  const problems = guard(page, new URL(session.url).origin);
  await page.addInitScript(insecure);
  await page.goto(`${session.url}?view=ask&q=${encodeURIComponent('How much does the Pro plan cost?')}`);
  await page.locator('.card--both .card__text').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.evaluate(() => window.isSecureContext), false);
  assert.match(await page.textContent('.card--both .card__text'), /\$14/);
  assertClean(problems);
  await page.close();
});

// The loading screen (index.html's #boot with public/boot.js): readable from the first HTML
// bytes, progress while the wasm downloads, a clear message when the app cannot start.

test('the page is readable before any stylesheet or script arrives, and says how much it loads', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const boot = html.indexOf('<div id="boot"');
  assert.ok(boot > html.indexOf('<body>'), 'the loading screen is in <body>');
  assert.ok(!/<link rel="stylesheet"[^>]*>[\s\S]*<\/head>/.test(html), 'no render-blocking stylesheet in <head>');
  assert.ok(html.indexOf('<link rel="stylesheet"') > boot, 'the stylesheet comes after the loading screen');
  const bytes = Number(/data-bytes="(\d+)"/.exec(html)?.[1]);
  const wasm = /module_or_path: '\.\/([^']+)'/.exec(html)[1];
  const { size: wasmBytes } = await import('node:fs/promises').then((fs) => fs.stat(join(DIST, wasm)));
  const { size: modelBytes } = await import('node:fs/promises').then((fs) => fs.stat(join(DIST, 'model/model.bin')));
  assert.ok(bytes > wasmBytes + modelBytes, `the screen's total (${bytes}) counts the wasm and the model`);
  assert.match(html, /about \d+\.\d MB the first time/);
});

// Each on a fresh profile without the service worker, which would serve the wasm from its cache.
async function freshPage() {
  const fresh = await startSession({ serviceWorkers: 'block' });
  const page = await fresh.context.newPage();
  return { fresh, page };
}

test('while the wasm downloads the loading screen shows progress, and the app replaces it', async () => {
  const { fresh, page } = await freshPage();
  const problems = guard(page, new URL(fresh.url).origin);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${fresh.url}?view=ask`, { waitUntil: 'commit' });
  const screen = page.locator('#boot');
  await screen.waitFor({ state: 'visible' });
  assert.match(await screen.textContent(), /RAG or fine-tune\?[\s\S]*Loading the app/);
  await page.waitForFunction(() => /Downloaded \d+\.\d of \d+\.\d MB/.test(document.getElementById('boot-bytes').textContent));
  release();
  await page.locator('.app-header').waitFor({ state: 'visible', timeout: 20000 });
  assert.equal(await page.locator('#boot').count(), 0, 'the loading screen goes when the app starts');
  await page.locator('.card--both .card__text').first().waitFor({ state: 'visible', timeout: 20000 }).catch(() => {});
  assertClean(problems);
  await fresh.stop();
});

for (const [name, fulfil] of [
  ['is missing', { status: 404, body: 'not found' }],
  ['is damaged', { status: 200, contentType: 'application/wasm', body: Buffer.from('this is not wasm') }],
]) {
  test(`when the app's wasm ${name}, the loading screen says it could not start`, async () => {
    const { fresh, page } = await freshPage();
    guard(page, new URL(fresh.url).origin);
    await page.route('**/*.wasm', (route) => route.fulfill(fulfil));
    await page.goto(`${fresh.url}?view=ask`);
    const failure = page.locator('#boot-failure');
    await failure.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await failure.textContent(), /could not start[\s\S]*Reload the page/);
    assert.ok(!(await page.locator('#boot-progress').isVisible()), 'no progress bar once it failed');
    await fresh.stop();
  });
}
