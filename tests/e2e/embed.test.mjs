// Embed mode, the host-page API, copy link / reset, and the iframe-code dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';
import { serveDir } from './lib/static-server.mjs';

const Q = 'How much does the Pro plan cost?';
let session;
let host;

before(async () => {
  session = await startSession();
  host = await serveDir(join(import.meta.dirname));
});
after(async () => {
  await session?.stop();
  await new Promise((ok) => host?.server.close(ok));
});

/** A guard for a page that may talk to exactly two origins: the host's and the app's. */
function guardTwo(page, origins) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!origins.includes(new URL(url).origin)) problems.push(`request to another origin: ${url}`);
  });
  return problems;
}

test('a host page embeds the app: ready, resize, setState, stateChanged; junk is ignored', async () => {
  const page = await session.context.newPage();
  const appOrigin = new URL(session.url).origin;
  const problems = guardTwo(page, [appOrigin, new URL(host.url).origin]);
  const app = `${session.url}?view=ask&embed=1`;
  await page.goto(`${host.url}host-page.html?app=${encodeURIComponent(app)}`);
  const types = () => page.evaluate(() => window.received.map((m) => m.type));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 30000 });
  await page.waitForFunction(() => window.received.some((m) => m.type === 'resize' && m.height > 200));
  const frame = page.frameLocator('#explainer');
  assert.equal(await frame.locator('.app-header').isVisible(), false, 'embed mode hides the header');
  assert.equal(await frame.locator('.app-nav').isVisible(), false, 'and the navigation');
  assert.equal(await frame.locator('.app-footer').isVisible(), false, 'and the footer');

  // Junk first: nothing may break.
  await page.evaluate(() => {
    window.sendRaw('hello');
    window.sendRaw({ type: 'setState', state: 5 });
    window.sendRaw({ type: 'setState', state: { k: { deep: 1 } } });
    window.sendRaw(null);
  });
  await page.evaluate((q) => window.sendState({ view: 'inspector', q, k: 3, rag: true }), Q);
  await page.waitForFunction(
    (q) => window.received.some((m) => m.type === 'stateChanged' && m.state.view === 'inspector' && m.state.q === q),
    Q,
    { timeout: 15000 },
  );
  const last = await page.evaluate(() => window.received.filter((m) => m.type === 'stateChanged').at(-1).state);
  assert.equal(last.k, '3');
  const inner = page.frames().find((f) => f.url().startsWith(session.url));
  assert.match(inner.url(), /view=inspector/);
  await inner.waitForSelector('.inspector__passages', { timeout: 15000 });
  // A bad value is refused, the same way a link refuses it.
  await page.evaluate(() => window.sendState({ k: 999 }));
  await page.waitForTimeout(300);
  assert.match(inner.url(), /k=3/);
  // A burst (a host slider dragged, a host box typed in) is gathered: the last one wins.
  await page.evaluate(() => {
    for (let i = 1; i <= 300; i += 1) window.sendState({ q: `burst question ${i}`, k: (i % 9) + 1 });
  });
  await page.waitForFunction(
    () => window.received.some((m) => m.type === 'stateChanged' && m.state.q === 'burst question 300'),
    null,
    { timeout: 15000 },
  );
  await page.waitForTimeout(300);
  const settled = await page.evaluate(() => window.received.filter((m) => m.type === 'stateChanged').at(-1).state);
  assert.equal(settled.q, 'burst question 300');
  assert.equal(settled.k, String((300 % 9) + 1));
  const applied = await page.evaluate(
    () => window.received.filter((m) => m.type === 'stateChanged' && /^burst/.test(m.state.q ?? '')).length,
  );
  assert.ok(applied < 300, `${applied} of 300 commands were applied one by one`);
  assert.deepEqual([...new Set(await types())].sort(), ['progress', 'ready', 'resize', 'stateChanged']);
  // Progress: the views visited so far; restoreProgress joins what the host saved (junk ignored).
  const lastProgress = () => page.evaluate(() => window.received.filter((m) => m.type === 'progress').at(-1));
  assert.deepEqual((await lastProgress()).viewsVisited, ['ask', 'inspector']);
  await page.evaluate(() => {
    window.sendRaw({ type: 'restoreProgress', progress: { viewsVisited: 'map', tourStepReached: -2 } });
    window.sendRaw({ type: 'restoreProgress', progress: { viewsVisited: ['map', 'nowhere'], tourStepReached: 4 } });
  });
  await page.waitForFunction(() => window.received.some((m) => m.type === 'progress' && m.tourStepReached === 4));
  const restored = await lastProgress();
  assert.deepEqual(restored.viewsVisited, ['ask', 'inspector', 'map']);
  assert.equal(restored.tourCompleted, false);
  assert.equal(restored.check, null);
  assert.equal(
    (await inner.locator('.tour-launch').textContent()).trim(),
    'Resume the tour (step 4)',
    'a restored step is offered',
  );
  await shot(page, 'embed-host-page');
  assertClean(problems);
  await page.close();
});

test('hide flags remove chosen controls; embed mode fits a phone', async () => {
  const { page, problems } = await session.open('?view=ask&embed=1&hide=toggles,versions,suggestions', {
    viewport: PHONE,
  });
  await page.waitForSelector('.ask__answers', { timeout: 20000 });
  assert.equal(await page.getAttribute('html', 'data-hide'), 'header nav footer toggles versions suggestions');
  for (const hidden of ['.ask__toggles', '.version-picker', '.ask__suggestions', '.app-header']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll');
  await shot(page, 'embed-phone-hidden-controls');
  assertClean(problems);
  await page.close();
});

test('cyclic, deep and huge host messages are ignored with a warning and the app keeps working', async () => {
  const page = await session.context.newPage();
  const appOrigin = new URL(session.url).origin;
  const problems = guardTwo(page, [appOrigin, new URL(host.url).origin]);
  const warnings = [];
  page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
  await page.goto(`${host.url}host-page.html?app=${encodeURIComponent(`${session.url}?view=ask&embed=1`)}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 30000 });
  await page.evaluate(() => {
    const cyclic = { type: 'setState', state: { q: 'x' } };
    cyclic.state.self = cyclic;
    window.sendRaw(cyclic);
    const loop = [];
    loop.push(loop);
    window.sendRaw({ type: 'setState', state: { q: loop } });
    let deep = {};
    const top = deep;
    for (let i = 0; i < 400; i += 1) deep = deep.next = {};
    window.sendRaw({ type: 'setState', state: { q: top } });
    window.sendRaw({ type: 'setState', state: { q: 'y'.repeat(2_000_000) } });
  });
  // The app still answers a well-formed message afterwards.
  await page.evaluate((q) => window.sendState({ view: 'ask', q }), Q);
  await page.waitForFunction(
    (q) => window.received.some((m) => m.type === 'stateChanged' && m.state.q === q),
    Q,
    { timeout: 15000 },
  );
  const inner = page.frames().find((f) => f.url().startsWith(session.url));
  await inner.waitForSelector('.card--rag .card__text', { timeout: 15000 });
  assert.match(await inner.textContent('.card--rag .card__text'), /\$/);
  const ignored = warnings.filter((w) => w.includes('a host message was ignored'));
  assert.equal(ignored.length, 4, `each bad message is named once:\n${warnings.join('\n')}`);
  assert.match(ignored.join('\n'), /cyclic/);
  assert.match(ignored.join('\n'), /nested too deeply/);
  assert.match(ignored.join('\n'), /longer than 65536 characters/);
  assertClean(problems);
  await page.close();
});

test('copy link writes the URL; Start over returns to the workshop start', async () => {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
  const { page, problems } = await session.open(`?view=ask&q=${encodeURIComponent(Q)}&tuned=0&k=7`);
  await page.waitForSelector('.card__text', { timeout: 20000 });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForSelector('.share-bar__status:has-text("Link copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(copied, /k=7/);

  await page.getByRole('button', { name: 'Start over' }).click();
  await page.locator('dialog.start-over').getByRole('button', { name: 'Start over', exact: true }).click();
  // The workshop start is the tour's first step: its question, both toggles on, default k.
  await page.waitForSelector('.tour[data-step="four-systems"]');
  await page.waitForFunction(() => !location.search.includes('k=7') && location.search.includes('tour=1'));
  assert.equal(await page.inputValue('#ask-question'), 'How much does the Pro plan cost?');
  assert.equal(await page.getByLabel('Tuned weights (fine-tuned model)').isChecked(), true);
  assertClean(problems);
  await page.close();
});

test('copy iframe code: a keyboard-operable dialog with the embed snippet', async () => {
  const { page, problems } = await session.open(`?view=map&q=${encodeURIComponent(Q)}`);
  await page.waitForSelector('.load-status', { state: 'detached', timeout: 20000 });
  await page.focus('#share-embed-button');
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.iframe-dialog');
  await dialog.waitFor({ state: 'visible' });
  const code = await page.inputValue('#iframe-dialog-code');
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=map&amp;q=.+&amp;embed=1" /);
  assert.match(code, /height="820"/);
  await shot(page, 'embed-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'share-embed-button');
  assertClean(problems);
  await page.close();
});
