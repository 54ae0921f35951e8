// Waits until the app's URL shows a scene in its canonical form. The URL sync rewrites the
// query from the store (defaults left out: latest version, toggles on, curation on), so the
// canonical form appearing proves the store really holds the scene, not just the link.
export async function expectScene(page, { view, q, v, rag = true, tuned = true, curated = true }, latest = 'v3') {
  const want = {
    view,
    q: q ?? null,
    v: v === latest ? null : v,
    rag: rag ? null : '0',
    tuned: tuned ? null : '0',
    curated: curated ? null : '0',
  };
  try {
    await page.waitForFunction(
      (want) => {
        const p = new URLSearchParams(location.search);
        return Object.entries(want).every(([k, val]) => (val === null ? !p.has(k) : p.get(k) === val));
      },
      want,
      { timeout: 20000 },
    );
  } catch (error) {
    const search = await page.evaluate(() => location.search);
    throw new Error(`expected ${JSON.stringify(want)}, URL is ${decodeURIComponent(search)}`);
  }
}

export const PRICE = 'How much does the Pro plan cost?';
export const NEAR_MISS = 'How many API calls can a Pro workspace make per day?';
