// Browser benchmark: cold load to first answer, start-up stages (from the loader's
// performance marks), question -> four answers p50/p90, full evaluation, retrain and JS heap,
// in headless Chromium on localhost, and the import of about 1,000 and 10,000 passages of your own
// documents (scaling). Writes bench/results/browser.json. Run by scripts/bench.sh.
// BENCH_ONLY=scaling runs only the import and writes to bench/results/browser-scaling.json
// (BENCH_OUT overrides the file), so a partial run never replaces the full result.
import { writeFile, readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startSession } from '../lib/browser.mjs';
import { sectionedHandbook, record, seen } from '../lib/import-load.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const ONLY = process.env.BENCH_ONLY ?? null;
const OUT = process.env.BENCH_OUT
  ? resolve(process.env.BENCH_OUT)
  : join(ROOT, 'bench', 'results', ONLY ? `browser-${ONLY}.json` : 'browser.json');
const QUESTION = 'How much does the Pro plan cost?';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 30);
/** Passages per import of the scaling section (each a fresh start with no documents). */
const SCALE_PASSAGES = (process.env.BENCH_SCALE_PASSAGES ?? '1000,10000').split(',').map(Number);
/** Sections (one passage each) per generated file: about 330 KB, under the 1 MB file limit. */
const SECTIONS_PER_FILE = 1000;
/** How long after the import's report its long tasks are still watched (autosave waits 600 ms). */
const SETTLE_MS = 3000;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (x) => (x == null ? null : Math.round(x * 100) / 100);

async function machine() {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = Number(execFileSync('nproc').toString().trim());
  const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version']).toString().trim();
  // The build comes from the work tree: record the commit and any uncommitted source changes.
  const git = (args) => execFileSync('git', args, { cwd: ROOT }).toString().trimEnd();
  const dirty = git(['status', '--porcelain', '--', 'src', 'public', 'index.html', 'Cargo.toml'])
    .split('\n').filter(Boolean);
  // BENCH_NOTE says which tree the measured build came from when it is not the work tree.
  return { nproc, cpu: model, chromium, node: process.version, commit: git(['rev-parse', '--short', 'HEAD']), uncommitted_sources: dirty, dist: process.env.DIST ?? null, note: process.env.BENCH_NOTE ?? null, load_average: (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).map(Number) };
}

/** The loader's marks as durations between stages (ms). */
async function stages(page) {
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  const span = (a, b) => (marks[a] != null && marks[b] != null ? marks[b] - marks[a] : null);
  return {
    // From the loader's first line: wasm download, compile and app start come before it.
    // The model and the corpus are fetched at the same time, so both spans start there.
    fetch_model_ms: span('ragtune:load-start', 'ragtune:model-fetched'),
    corpus_fetch_ms: span('ragtune:load-start', 'ragtune:corpus-fetched'),
    model_parse_ms: span('ragtune:parse-start', 'ragtune:model-parsed'),
    corpus_parse_ms: span('ragtune:model-parsed', 'ragtune:index-start'),
    index_rebuild_ms: span('ragtune:index-start', 'ragtune:index-built'),
    startup_train_ms: span('ragtune:train-start', 'ragtune:train-done'),
    load_start_at_ms: marks['ragtune:load-start'] ?? null,
    ready_at_ms: marks['ragtune:ready'] ?? marks['ragtune:train-done'] ?? null,
  };
}

async function coldLoad() {
  // A fresh session is a fresh profile with an empty cache.
  const session = await startSession({ dir: process.env.DIST });
  try {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => {
        globalThis.__benchWasm = e.detail.wasm;
        globalThis.__benchWasmStarted = performance.now();
      }),
    );
    const query = `?view=ask&q=${encodeURIComponent(QUESTION)}`;
    const started = Date.now();
    await page.goto(session.url + query);
    await page.locator('.card--both .card__text').waitFor({ state: 'visible', timeout: 60000 });
    const firstAnswerMs = Date.now() - started;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        dom_content_loaded_ms: n?.domContentLoadedEventEnd ?? null,
        transferred_bytes: res.reduce((s, r) => s + (r.transferSize || 0), 0) + (n?.transferSize || 0),
        wasm_fetch_ms: res.filter((r) => r.name.endsWith('.wasm')).map((r) => r.duration)[0] ?? null,
        model_fetch_ms: res.filter((r) => r.name.endsWith('model.bin')).map((r) => r.duration)[0] ?? null,
      };
    });
    const fromNavigationStart = await page.evaluate(() => performance.now());
    const wasmStarted = await page.evaluate(() => globalThis.__benchWasmStarted ?? null);
    return { first_answer_wall_ms: firstAnswerMs, ...nav, wasm_started_at_ms: wasmStarted, ...(await stages(page)), page_age_ms: fromNavigationStart, session, page, cdp };
  } catch (e) {
    await session.stop();
    throw e;
  }
}

async function askTimings(page) {
  const fourCards = [];
  const bothCard = [];
  const wall = [];
  for (let i = 0; i < REPEATS; i += 1) {
    // Alternate two questions so each submit re-runs the pipeline and the answers change.
    const text = i % 2 ? QUESTION : 'Which plan includes single sign-on?';
    const previous = await page.locator('.card--both .card__text').textContent();
    await page.fill('#ask-question', text);
    const t0 = await page.evaluate(() => performance.now());
    await page.click('.ask__form button[type=submit]');
    await page.waitForFunction(
      (old) => document.querySelector('.card--both .card__text')?.textContent !== old,
      previous,
    );
    wall.push((await page.evaluate(() => performance.now())) - t0);
    const shown = await page.locator('.card__timing').allTextContents();
    const ms = shown.map((t) => Number(/Time ([\d.]+) ms/.exec(t)?.[1] ?? 0));
    fourCards.push(ms.reduce((a, b) => a + b, 0));
    const both = await page.locator('.card--both .card__timing').textContent();
    bothCard.push(Number(/Time ([\d.]+) ms/.exec(both)?.[1] ?? 0));
  }
  return {
    repeats: REPEATS,
    four_answers_pipeline_ms_p50: round(quantile(fourCards, 0.5)),
    four_answers_pipeline_ms_p90: round(quantile(fourCards, 0.9)),
    both_card_pipeline_ms_p50: round(quantile(bothCard, 0.5)),
    both_card_pipeline_ms_p90: round(quantile(bothCard, 0.9)),
    click_to_painted_cards_wall_ms_p50: round(quantile(wall, 0.5)),
    click_to_painted_cards_wall_ms_p90: round(quantile(wall, 0.9)),
  };
}

async function evaluation(session) {
  const page = await session.context.newPage();
  await page.goto(session.url + '?view=tradeoff');
  const handle = await page.waitForFunction(
    () => /Re-evaluated (\d+) questions in all four modes in (\d+) ms/.exec(document.body.innerText),
    null,
    { timeout: 120000 },
  );
  const [, questions, ms] = await handle.jsonValue();
  await page.close();
  return { questions: Number(questions), full_evaluation_ms: Number(ms) };
}

async function retrain(session) {
  const page = await session.context.newPage();
  await page.goto(session.url + '?view=training');
  const button = page.locator('.training-run__train');
  await button.waitFor({ timeout: 60000 });
  const before = await page.evaluate(() => (document.body.innerText.match(/Trained in \d+ ms/g) ?? []).length);
  await button.click();
  const handle = await page.waitForFunction(
    (n) => {
      const all = document.body.innerText.match(/Trained in (\d+) ms: (\d+) ms of computing/g) ?? [];
      return all.length > n || (n > 0 && all.length === n && document.querySelector('.training-run__train:not([disabled])')) ? all[all.length - 1] : null;
    },
    before,
    { timeout: 120000 },
  );
  const text = await handle.jsonValue();
  const [, wall, compute] = /Trained in (\d+) ms: (\d+) ms of computing/.exec(text);
  await page.close();
  return { retrain_wall_ms: Number(wall), retrain_compute_ms: Number(compute) };
}

/** Saves an edit to one sample document REPEATS times (alternating two texts) and reads the
 * rebuild time the corpus view reports (split + embed what changed + vector index). */
async function editRebuild(session) {
  const page = await session.context.newPage();
  await page.goto(session.url + '?view=corpus');
  await page.getByRole('button', { name: 'Plans and pricing', exact: true }).click();
  await page.waitForSelector('.doc-panel__title');
  const times = [];
  let original = null;
  for (let i = 0; i < REPEATS; i += 1) {
    await page.click('.doc-edit');
    original ??= await page.inputValue('#doc-editor');
    await page.fill('#doc-editor', i % 2 ? original : `${original}\n\nEdit number ${i} for the benchmark.`);
    // Saves alternate between an edit and the original text, so each message differs.
    const before = await page.evaluate(() => document.querySelector('.corpus-status__message')?.textContent ?? '');
    await page.click('.doc-save');
    const handle = await page.waitForFunction(
      (old) => {
        const text = document.querySelector('.corpus-status__message')?.textContent ?? '';
        return text !== old ? /index rebuilt in ([\d.]+) ms/.exec(text)?.[1] ?? null : null;
      },
      before,
    );
    times.push(Number(await handle.jsonValue()));
    await page.waitForFunction(() => !document.querySelector('#doc-editor'));
  }
  await page.close();
  return {
    repeats: REPEATS,
    edit_rebuild_ms_p50: round(quantile(times, 0.5)),
    edit_rebuild_ms_p90: round(quantile(times, 0.9)),
  };
}

async function heap(page, cdp) {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const memory = await page.evaluate(() => performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null);
  // The wasm linear memory is not in the JS heap figures; the init script kept the instance.
  const wasmPages = await page.evaluate(() => globalThis.__benchWasm?.memory?.buffer?.byteLength ?? null);
  return {
    js_heap_used_bytes: get('JSHeapUsedSize') ?? memory?.used ?? null,
    js_heap_total_bytes: get('JSHeapTotalSize') ?? memory?.total ?? null,
    wasm_linear_memory_bytes: wasmPages,
  };
}

/** The start of each stage of an import, from the first time its progress label showed. */
function stageStarts(firstShown) {
  const prefixes = { reading: 'Reading ', splitting: 'Splitting', embedding: 'Embedding', indexing: 'Building the vector index', finishing: 'Preparing' };
  return Object.fromEntries(Object.entries(prefixes).map(([stage, prefix]) => {
    const times = Object.entries(firstShown).filter(([label]) => label.startsWith(prefix)).map(([, t]) => t);
    return [stage, times.length ? Math.min(...times) : null];
  }));
}

/** Imports seeded documents of `passages` one-section passages through the "Your documents"
 * file input, as a learner would, in a page with no documents yet. Measures the wall time from
 * the input's change event (the files handed over) to the app reporting them added (built and
 * switched to), each stage's wall time from the progress labels, the app's own compute figures
 * (the inspector's rebuild line) and the page's long tasks meanwhile and in the few seconds after. */
async function importScaling(session, passages) {
  const files = [];
  for (let n = 1; files.length * SECTIONS_PER_FILE < passages; n += 1) {
    const sections = Math.min(SECTIONS_PER_FILE, passages - files.length * SECTIONS_PER_FILE);
    files.push({ name: `handbook-${n}.md`, mimeType: 'text/markdown', buffer: sectionedHandbook(n, sections) });
  }
  const loadAverage = (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).map(Number);
  const page = await session.context.newPage();
  try {
    await page.goto(session.url + '?view=mine');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('.mine__add', { timeout: 60000 });
    // The import needs the embedding model: wait for start-up to finish, then let it settle.
    await page.waitForFunction(() => performance.getEntriesByName('ragtune:train-done').length > 0, null, { timeout: 60000 });
    await page.waitForTimeout(500);
    await record(page);
    await page.evaluate(() => {
      window.__import = { handedAt: null, doneAt: null };
      document.addEventListener('change', (e) => {
        if (e.target?.id === 'mine-files' && window.__import.handedAt == null) window.__import.handedAt = performance.now();
      }, true);
      new MutationObserver(() => {
        const summary = document.querySelector('.mine__summary')?.textContent ?? '';
        if (window.__import.doneAt == null && summary) window.__import.doneAt = performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.setInputFiles('#mine-files', files);
    await page.waitForFunction(() => window.__import.doneAt != null, null, { timeout: 900000, polling: 250 });
    const summary = await page.textContent('.mine__summary');
    const expected = `Added ${files.length} document${files.length === 1 ? '' : 's'}.`;
    if (summary.trim() !== expected) throw new Error(`the import said "${summary}", not "${expected}"`);
    const { handedAt, doneAt } = await page.evaluate(() => window.__import);
    const inUse = await page.isChecked('.corpus-switch input[value=mine]');
    // What follows the report (effects of the switch, the debounced autosave) counts apart.
    await page.waitForTimeout(SETTLE_MS);
    const shown = await seen(page);
    const starts = stageStarts(shown.firstShown);
    const order = ['reading', 'splitting', 'embedding', 'indexing', 'finishing'];
    const stageWall = Object.fromEntries(order.map((stage, i) => {
      const next = order.slice(i + 1).map((s) => starts[s]).find((t) => t != null) ?? doneAt;
      return [`${stage}_ms`, starts[stage] == null ? null : round(next - starts[stage])];
    }));
    // A task that starts before the change event is the test driver handing the files over
    // (it decodes them in the page), which a learner's file picker does not do.
    const stageOf = (t) => {
      if (t >= doneAt) return 'after the report';
      if (t < handedAt) return 'driver handing over';
      return order.filter((s) => starts[s] != null && starts[s] <= t).pop() ?? 'starting';
    };
    const tasks = shown.tasks.map((task) => ({ stage: stageOf(task.start), at_ms: round(task.start - handedAt), ms: round(task.duration) }));
    const during = tasks.filter((t) => t.stage !== 'after the report' && t.stage !== 'driver handing over');
    const after = tasks.filter((t) => t.stage === 'after the report');
    const driver = tasks.filter((t) => t.stage === 'driver handing over');
    const embeddingLabel = shown.labels.find((l) => /^Embedding passages: [\d,]+ of [\d,]+/.test(l)) ?? '';
    const labelled = Number((/of ([\d,]+)/.exec(embeddingLabel)?.[1] ?? '').replace(/,/g, '')) || null;
    // The app's own figures: the inspector shows the passages indexed and the rebuild's parts
    // (computing only, without the page's turns between steps).
    await page.click('a.app-nav__link[data-view=inspector]');
    await page.waitForSelector('.index-size', { timeout: 60000 });
    const indexed = Number(await page.textContent('.index-size'));
    const note = await page.textContent('section[aria-labelledby=index-title] .inspector__note');
    const parts = /chunking ([\d.]+) ms \+ embedding ([\d.]+) ms \+ building the graph ([\d.]+) ms/.exec(note);
    return {
      passages_requested: passages,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.buffer.length, 0),
      passages_built: indexed,
      passages_in_progress_label: labelled,
      in_use: inUse,
      wall_ms: round(doneAt - handedAt),
      stage_wall_ms: stageWall,
      compute_ms: parts ? { chunk: Number(parts[1]), embed: Number(parts[2]), graph: Number(parts[3]) } : null,
      progress_steps: shown.labels.length,
      longest_task_ms: Math.max(0, ...during.map((t) => t.ms)),
      longest_task_after_report_ms: Math.max(0, ...after.map((t) => t.ms)),
      longest_task_driver_ms: Math.max(0, ...driver.map((t) => t.ms)),
      settle_ms: SETTLE_MS,
      long_tasks: tasks,
      load_average_before: loadAverage,
    };
  } finally {
    await page.close();
  }
}

/** The scaling section: one import per size in `SCALE_PASSAGES`, each in a fresh profile. */
async function scaling() {
  const session = await startSession({ dir: process.env.DIST });
  try {
    const runs = [];
    for (const passages of SCALE_PASSAGES) {
      try {
        runs.push(await importScaling(session, passages));
      } catch (e) {
        runs.push({ passages_requested: passages, error: String(e.message).slice(0, 300) });
      }
    }
    return { method: 'sectioned Markdown files (1,000 sections of 42-48 words each), handed to the "Your documents" file input', runs };
  } finally {
    await session.stop();
  }
}

/** First load over an emulated slow link (no cache, no service worker): how long the page stays
 *  blank after its first HTML bytes, when the app starts, and what crossed the wire. */
async function slowLink(megabitsPerSecond) {
  const session = await startSession({ dir: process.env.DIST, serviceWorkers: 'block' });
  try {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (megabitsPerSecond * 1e6) / 8,
      uploadThroughput: (megabitsPerSecond * 1e6) / 8,
    });
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', () => (globalThis.__benchAppStarted = performance.now())),
    );
    await page.goto(`${session.url}?view=ask`, { waitUntil: 'commit' });
    await page.locator('.app-header').waitFor({ state: 'visible', timeout: 180000 });
    return await page.evaluate((mbps) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return {
        link_mbps: mbps,
        html_first_byte_ms: Math.round(nav.responseStart),
        first_contentful_paint_ms: paint ? Math.round(paint.startTime) : null,
        // "Blank page": from the first HTML bytes to the first paint of anything readable.
        blank_after_first_byte_ms: paint ? Math.max(0, Math.round(paint.startTime - nav.responseEnd)) : null,
        app_started_ms: Math.round(globalThis.__benchAppStarted ?? 0) || null,
        app_wasm_bytes: wasm?.decodedBodySize ?? null,
      };
    }, megabitsPerSecond);
  } finally {
    await session.stop();
  }
}

const started = new Date().toISOString();
if (ONLY === 'slow-link') {
  const results = { started, only: ONLY, slow_link: [await slowLink(1.6), await slowLink(10)] };
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
if (ONLY && ONLY !== 'scaling') throw new Error(`BENCH_ONLY knows "scaling" and "slow-link", not "${ONLY}"`);
let results;
if (!ONLY) {
  const cold = await coldLoad();
  const { session, page, cdp, ...load } = cold;
  results = { started, machine: await machine(), load: Object.fromEntries(Object.entries(load).map(([k, v]) => [k, round(v)])) };
  try {
    results.ask = await askTimings(page);
    results.memory = await heap(page, cdp);
    try { results.evaluation = await evaluation(session); } catch (e) { results.evaluation = { error: String(e.message).slice(0, 200) }; }
    try { results.edit_rebuild = await editRebuild(session); } catch (e) { results.edit_rebuild = { error: String(e.message).slice(0, 200) }; }
    try { results.retrain = await retrain(session); } catch (e) { results.retrain = { error: String(e.message).slice(0, 200) }; }
  } finally {
    await session.stop();
  }
  results.slow_link = [await slowLink(1.6), await slowLink(10)];
} else {
  results = { started, only: ONLY, machine: await machine() };
}
// Last, in a profile of its own, so the large imports disturb none of the figures above.
results.scaling = await scaling();
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
