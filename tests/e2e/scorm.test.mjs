// The SCORM 1.2 package (dist-scorm/rag-or-tune-scorm.zip, from scripts/scorm.sh) in the test LMS
// (scorm-lms.html): the manifest rules, then a learner's sessions: initialise, progress recorded,
// resume from suspend data after leaving, completion after the tour, the score, LMSFinish when
// the page goes, and the package alone with no LMS. The unzipped package and the test LMS are
// served from one folder; the harness's guard fails on any request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startSession, assertClean, guard, SHOTS } from './lib/browser.mjs';
import { readZip } from '../../tools/scorm/zip.mjs';
import { MANIFEST, checkPackage } from '../../tools/scorm/manifest.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const ZIP = process.env.SCORM_ZIP ? resolve(process.env.SCORM_ZIP) : join(ROOT, 'dist-scorm', 'rag-or-tune-scorm.zip');

let files;
let session;

before(async () => {
  files = readZip(readFileSync(ZIP));
  const dir = mkdtempSync(join(tmpdir(), 'ragtune-scorm-'));
  for (const { name, data } of files) {
    const path = join(dir, 'package', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  copyFileSync(join(import.meta.dirname, 'scorm-lms.html'), join(dir, 'scorm-lms.html'));
  session = await startSession({ dir });
});
after(async () => {
  await session?.stop();
});

/** The cmi data the test LMS has committed. */
const committed = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('test-lms.cmi') || '{}'));
/** Every LMS call so far, across page loads. */
const calls = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('test-lms.calls') || '[]'));
const suspend = async (page) => JSON.parse((await committed(page))['cmi.suspend_data'] || '{}');

/** Waits until the committed cmi data passes `check`. */
async function untilCommitted(page, check, what) {
  for (let i = 0; i < 150; i += 1) {
    const cmi = await committed(page);
    if (check(cmi)) return cmi;
    await page.waitForTimeout(100);
  }
  assert.fail(`the LMS never recorded ${what}: ${JSON.stringify(await committed(page))}`);
}

/** Opens the test LMS and waits for the app inside the package's launch page. */
async function openLms() {
  const { page, problems } = await session.open('scorm-lms.html', { waitFor: '#sco' });
  let app;
  for (let i = 0; i < 150 && !app; i += 1) {
    app = page.frames().find((f) => f.url().includes('/package/index.html'));
    if (!app) await page.waitForTimeout(100);
  }
  assert.ok(app, 'the launch page shows the app in a frame');
  await app.waitForSelector('.app-main', { timeout: 15000 });
  return { page, problems, app };
}

/** Leaves the LMS for a plain file of the site (the page goes: pagehide). */
async function leave(page) {
  await page.goto(`${session.url}package/model/manifest.json`);
}

/** Presses the tour's Next until the step named by `until` (a number) shows or the tour ends. */
async function stepTour(app, until) {
  for (let i = 0; i < 40; i += 1) {
    const panel = app.locator('.tour');
    if (!(await panel.count())) return;
    const step = await app.evaluate(() => new URLSearchParams(location.search).get('tour'));
    if (until !== undefined && Number(step) === until) return;
    await app.locator('.tour__next').click();
    await app.waitForTimeout(150);
  }
}

test('the package passes the SCORM 1.2 manifest rules', () => {
  const names = files.map((f) => f.name);
  const manifest = () => files.find((f) => f.name === MANIFEST).data.toString('utf8');
  assert.deepEqual(checkPackage(names, manifest), []);
  for (const name of ['scorm-launch.html', 'scorm-adapter.js', 'index.html', 'sw.js']) {
    assert.ok(names.includes(name), `${name} is at the root`);
  }
  const worker = files.find((f) => f.name === 'sw.js').data.toString('utf8');
  assert.match(worker, /unregister/, 'the package carries the worker that keeps no offline copy');
  assert.doesNotMatch(worker, /ASSETS/);
  // The checker catches what it claims to.
  const broken = manifest()
    .replace('<file href="boot.js"/>', '<file href="missing.js"/>')
    .replace('identifier="item-explainer"', 'identifier="res-explainer"');
  const problems = checkPackage(names, () => broken);
  assert.ok(problems.some((p) => p.includes('"missing.js" is not in the package')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('"boot.js" is in the package but not listed')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('"res-explainer" is used more than once')), problems.join('\n'));
  const noLaunch = manifest().replace('href="scorm-launch.html"', 'href="nowhere.html"');
  assert.ok(checkPackage(names, () => noLaunch).some((p) => p.includes('launch file "nowhere.html"')));
});

test('the LMS session: initialise, progress recorded, finish when the page goes', async () => {
  const { page, problems, app } = await openLms();
  await page.screenshot({ path: join(SHOTS, 'scorm-lms-launch-desktop.png') });
  const first = (await calls(page))[0];
  assert.deepEqual(first, { fn: 'LMSInitialize', args: [''], result: 'true' });
  await untilCommitted(page, (c) => c['cmi.core.lesson_status'] === 'incomplete', 'status incomplete');
  await untilCommitted(page, (c) => (c['cmi.suspend_data'] || '').includes('"ask"'), 'the first view');

  // The progress message has the documented shape (recorded from here on in the launch page).
  const launch = page.frames().find((f) => f.url().includes('/package/scorm-launch.html'));
  await launch.evaluate(() => {
    window.seen = [];
    window.addEventListener('message', (e) => window.seen.push(e.data));
  });
  await app.locator('.app-nav__link[href*="view=map"]').click();
  await untilCommitted(page, (c) => c['cmi.core.lesson_location'] === 'map', 'the view as lesson_location');
  const progress = await launch.evaluate(() => window.seen.filter((m) => m.type === 'progress').at(-1));
  assert.deepEqual(Object.keys(progress).sort(), [
    'check', 'checkAvailable', 'source', 'tourCompleted', 'tourStepReached', 'tourSteps', 'type', 'viewsVisited',
  ]);
  assert.equal(progress.source, 'rag-or-tune');
  assert.deepEqual(progress.viewsVisited, ['ask', 'map']);
  assert.equal(progress.check, null);
  const steps = progress.tourSteps;
  assert.ok(steps >= 8, 'the tour length is reported');

  await app.locator('.tour-launch').click();
  await app.locator('.tour').waitFor();
  await stepTour(app, 3);
  const data = await untilCommitted(page, (c) => JSON.parse(c['cmi.suspend_data']).step === 3, 'tour step 3');
  assert.ok(data['cmi.suspend_data'].length <= 4096);
  assert.deepEqual(JSON.parse(data['cmi.suspend_data']).views.slice(0, 2), ['ask', 'map']);
  await page.screenshot({ path: join(SHOTS, 'scorm-lms-tour-desktop.png') });
  assertClean(problems);

  await leave(page);
  const log = await calls(page);
  assert.equal(log.at(-1).fn, 'LMSFinish', 'the session ends when the page goes');
  assert.equal(log.at(-1).result, 'true');
  const exit = log.findLast((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.exit');
  assert.deepEqual(exit.args, ['cmi.core.exit', 'suspend'], 'left part-way: suspend, so the LMS keeps the data');
  const time = log.findLast((c) => c.args[0] === 'cmi.core.session_time');
  assert.match(time.args[1], /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  const refused = log.filter((c) => c.result === 'false');
  assert.deepEqual(refused, [], 'the LMS refused no call');
  assertClean(problems);
  await page.close();
});

test('resume from suspend data on another device, then completion after the tour (and the check, when the app has one)', async () => {
  // Another device: the app's own storage is empty, only the LMS remembers.
  const blank = await session.context.newPage();
  await blank.goto(`${session.url}package/model/manifest.json`);
  await blank.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (!key.startsWith('test-lms.')) localStorage.removeItem(key);
  });
  await blank.close();

  const { page, problems, app } = await openLms();
  const location = (await committed(page))['cmi.core.lesson_location'];
  assert.ok(location, 'a lesson location was kept');
  assert.equal(new URL(app.url()).searchParams.get('view'), location, 'opens at the lesson location');
  await app.locator('.tour-launch', { hasText: 'Resume the tour (step 3)' }).waitFor({ timeout: 10000 });
  await app.locator('.tour-launch').click();
  await app.locator('.tour').waitFor();
  assert.equal(await app.evaluate(() => new URLSearchParams(location.search).get('tour')), '3');
  const before = await suspend(page);
  assert.deepEqual(before.views.slice(0, 2), ['ask', 'map'], 'restored views are kept');
  assert.equal((await committed(page))['cmi.core.lesson_status'], 'incomplete');

  await stepTour(app);
  await app.locator('.tour').waitFor({ state: 'detached' });
  const hasCheck = await app.locator('.app-nav__link[href*="view=check"]').count();
  if (hasCheck) {
    // With a knowledge check, a finished tour alone does not complete the lesson.
    await untilCommitted(page, (c) => JSON.parse(c['cmi.suspend_data']).tour === 1, 'the finished tour');
    assert.equal((await committed(page))['cmi.core.lesson_status'], 'incomplete');
    await app.locator('.app-nav__link[href*="view=check"]').click();
    const questions = app.locator('.check__question');
    await questions.first().waitFor();
    for (let i = 0; i < (await questions.count()); i += 1) await questions.nth(i).locator('input').first().check();
    await app.locator('.check button[type="submit"]').click();
    await app.locator('.check__explain').first().waitFor();
  }
  const done = await untilCommitted(page, (c) => c['cmi.core.lesson_status'] === 'completed', 'completion');
  assert.equal(JSON.parse(done['cmi.suspend_data']).tour, 1);
  if (hasCheck) {
    const [right, total] = JSON.parse(done['cmi.suspend_data']).check;
    assert.equal(done['cmi.core.score.raw'], String(Math.floor((right * 100) / total)), 'the check is the score');
    assert.equal(done['cmi.core.score.max'], '100');
  } else {
    assert.equal(done['cmi.core.score.raw'], '', 'no score without a knowledge check');
  }
  assertClean(problems);

  await leave(page);
  const log = await calls(page);
  assert.equal(log.at(-1).fn, 'LMSFinish');
  const exit = log.findLast((c) => c.args[0] === 'cmi.core.exit');
  assert.deepEqual(exit.args, ['cmi.core.exit', ''], 'completed: a normal exit');
  assertClean(problems);
  await page.close();
});

test('a check result in the suspend data becomes the score, with completion', async () => {
  const seed = await session.context.newPage();
  await seed.goto(`${session.url}package/model/manifest.json`);
  await seed.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('test-lms.cmi', JSON.stringify({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
      'cmi.suspend_data': JSON.stringify({ views: ['ask', 'cost'], step: 11, tour: 1, check: [7, 8] }),
    }));
  });
  await seed.close();
  const { page, problems } = await openLms();
  const cmi = await untilCommitted(page, (c) => c['cmi.core.score.raw'] === '87', 'the score');
  assert.equal(cmi['cmi.core.score.min'], '0');
  assert.equal(cmi['cmi.core.score.max'], '100');
  assert.equal(cmi['cmi.core.lesson_status'], 'completed');
  assert.deepEqual(JSON.parse(cmi['cmi.suspend_data']).check, [7, 8]);
  assertClean(problems);
  await page.close();
});

test('an LMS that opens the content in a window of its own: the API is found through the opener', async () => {
  const seed = await session.context.newPage();
  await seed.goto(`${session.url}package/model/manifest.json`);
  await seed.evaluate(() => localStorage.clear());
  await seed.close();
  const { page, problems } = await session.open('scorm-lms.html?popup=1', { waitFor: 'header' });
  // Guarded from its first request on.
  let popupProblems;
  session.context.once('page', (opened) => {
    popupProblems = guard(opened, new URL(session.url).origin);
  });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => window.openContent())]);
  await popup.frameLocator('#app').locator('.app-main').waitFor({ timeout: 15000 });
  await untilCommitted(page, (c) => c['cmi.core.lesson_status'] === 'incomplete', 'status incomplete');
  await untilCommitted(page, (c) => (c['cmi.suspend_data'] || '').includes('"ask"'), 'the first view');
  await popup.close({ runBeforeUnload: true });
  await page.waitForFunction(() => window.calls.some((c) => c.fn === 'LMSFinish' && c.result === 'true'));
  assertClean(problems);
  assertClean(popupProblems);
  await page.close();
});

test('without an LMS the launch page just shows the app; the page itself passes axe', async () => {
  const { page, problems } = await session.open('package/scorm-launch.html', { waitFor: '#app' });
  const app = page.frameLocator('#app');
  await app.locator('.app-main').waitFor({ timeout: 15000 });
  await app.locator('.tour-launch').waitFor();
  // The launch page's own markup (the app inside is covered by a11y.test.mjs).
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { iframes: false, runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }),
  );
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => v.id), []);
  assertClean(problems);
  await page.close();
});
