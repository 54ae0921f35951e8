// Decision guide: six profiles give the expected recommendation with reasons; the answers are
// in the URL, so the link reopens the same result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

// Answers by question letter (k own documents, c change rate, s cite, f format, l latency,
// e examples, t stable), values as the options' order on the page.
const PLAIN = { k: 0, c: 0, s: 0, f: 0, l: 0, e: 0, t: 1 };
const PROFILES = [
  ['data changes weekly + must cite', { ...PLAIN, k: 1, c: 2, s: 1 }, 'retrieval', /changes often/],
  ['strict format + stable task + enough examples', { ...PLAIN, f: 1, e: 1 }, 'fine-tuning', /format or tone/],
  ['both needs', { ...PLAIN, k: 1, c: 2, s: 1, f: 1, e: 2 }, 'both', /cite/],
  ['little data + format issue', { ...PLAIN, f: 1, e: 0 }, 'prompt-first', /fewer than about 50/],
  ['format + many examples but the task still changes', { ...PLAIN, f: 1, e: 2, t: 0 }, 'prompt-first', /still changing/],
  ['own documents, nothing else', { ...PLAIN, k: 1 }, 'retrieval', /your own documents/],
  ['tight latency + enough examples', { ...PLAIN, l: 1, e: 1 }, 'fine-tuning', /Latency is tight/],
];

async function ready(page) {
  await page.waitForSelector('.guide__question');
}

const recommendation = (page) => page.locator('.guide__result').getAttribute('data-recommendation');

test('six profiles, answered by clicking, give the expected recommendation and reasons', async () => {
  const { page, problems } = await session.open('?view=guide');
  await ready(page);
  assert.match(await page.locator('.guide__open').textContent(), /7 left/);
  for (const [name, answers, expected, reason] of PROFILES) {
    await page.locator('.guide__share .link-button').click(); // start over
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('guide'));
    for (const [key, value] of Object.entries(answers)) {
      await page.locator(`input[name="guide-${key}"][value="${value}"]`).check();
    }
    await page.waitForFunction(
      (expected) => document.querySelector('.guide__result')?.getAttribute('data-recommendation') === expected,
      expected,
      { timeout: 5000 },
    ).catch(() => {});
    assert.equal(await recommendation(page), expected, name);
    assert.match(await page.locator('.guide__reasons').textContent(), reason, name);
    const code = await page.evaluate(() => new URLSearchParams(location.search).get('guide'));
    assert.equal(code.length, 14, `all seven answers in the link (${code})`);
  }
  await shot(page, 'guide-desktop');
  assertClean(problems);
  await page.close();
});

test('the link reopens the same answers and result; garbage is ignored', async () => {
  const { page, problems } = await session.open('?view=guide&guide=k1c2s1f1l0e2t1');
  await ready(page);
  assert.equal(await recommendation(page), 'both');
  assert.ok(await page.locator('input[name="guide-c"][value="2"]').isChecked());
  assert.match(await page.locator('#guide-link').inputValue(), /guide=k1c2s1f1l0e2t1/);
  await page.goto(`${session.url}?view=guide&guide=zz9%3Cb%3E`);
  await ready(page);
  assert.match(await page.locator('.guide__open').textContent(), /7 left/);
  assertClean(problems);
  await page.close();
});

test('the guide on a phone, keyboard operable', async () => {
  const { page, problems } = await session.open('?view=guide', { viewport: PHONE });
  await ready(page);
  await page.locator('input[name="guide-k"][value="1"]').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator('input[name="guide-k"][value="1"]').isChecked());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
  await page.goto(`${session.url}?view=guide&guide=k1c2s1f0l0e0t1`);
  await ready(page);
  await shot(page, 'guide-phone');
  assertClean(problems);
  await page.close();
});
