// Large imports of "your documents" for the browser tests and the benchmark: seeded made-up
// handbook text (the same bytes on every run) and a recorder of what the page shows and how
// long its tasks run while an import builds.

const WORDS = ('plan costs month customers support team billing invoice refund policy days account data export '
  + 'storage region backup window hours office city laptop password leave travel meals expense claim approval '
  + 'manager deadline quarter release feature limit seats price discount contract notice security audit report').split(' ');

/** A seeded linear congruential generator: the same seed gives the same numbers on every run. */
function numbers(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
}

/** About `bytes` of seeded made-up handbook text (sentences of 8-19 words, a heading now and
 * then). */
export function handbook(seed, bytes) {
  const next = numbers(seed);
  const parts = [];
  let length = 0;
  while (length < bytes) {
    const words = Array.from({ length: 8 + (next() % 12) }, () => WORDS[next() % WORDS.length]);
    const sentence = `${words.join(' ')} ${next() % 100}. ${next() % 9 === 0 ? '\n\n## Part\n\n' : ''}`;
    parts.push(sentence);
    length += sentence.length;
  }
  return Buffer.from(parts.join(''));
}

/** A seeded made-up Markdown handbook of `sections` short sections: a `## ` heading, then three
 * sentences of 13-15 words (42-48 words in all). The app's chunker closes a passage at a
 * heading once it holds 40 words, so each section becomes one passage of about 330 bytes;
 * that short is what lets 10,000 passages fit the import's 4 MB limit. */
export function sectionedHandbook(seed, sections) {
  const next = numbers(seed);
  const parts = [`# Handbook ${seed}\n\n`];
  for (let s = 1; s <= sections; s += 1) {
    parts.push(`## ${WORDS[next() % WORDS.length]} ${WORDS[next() % WORDS.length]} ${s}\n\n`);
    const sentences = Array.from({ length: 3 }, () => {
      const words = Array.from({ length: 13 + (next() % 3) }, () => WORDS[next() % WORDS.length]);
      return `${words.join(' ')} ${next() % 100}.`;
    });
    parts.push(`${sentences.join(' ')}\n\n`);
  }
  return Buffer.from(parts.join(''));
}

/** Starts recording, in the page, the import's progress labels (each with the time it first
 * showed, `performance.now()`), the bar's values, and the page's long tasks (the longest, and
 * each one's start and duration). */
export async function record(page) {
  await page.evaluate(() => {
    window.__seen = { labels: new Set(), firstShown: {}, values: new Set(), longest: 0, tasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__seen.longest = Math.max(window.__seen.longest, entry.duration);
        window.__seen.tasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask' });
    const look = () => {
      const label = document.querySelector('.mine__progress label')?.textContent;
      const value = document.querySelector('#mine-import-progress')?.getAttribute('value');
      if (label && !window.__seen.labels.has(label)) {
        window.__seen.labels.add(label);
        window.__seen.firstShown[label] = performance.now();
      }
      if (value) window.__seen.values.add(value);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** What `record` has seen so far. */
export async function seen(page) {
  return page.evaluate(() => ({
    labels: [...window.__seen.labels],
    firstShown: window.__seen.firstShown,
    values: [...window.__seen.values],
    longest: window.__seen.longest,
    tasks: window.__seen.tasks,
  }));
}
