// The loading screen's script (index.html's #boot, painted from the first HTML bytes, before
// any stylesheet or the wasm arrives). It does three things until the app starts:
// 1. progress by bytes: the wasm's download is counted as it streams (fetch is wrapped for the
//    start-up only), the other start-up files (stylesheet, model, documents) as each finishes;
//    the total is the build's own size, written into data-bytes by the post-build hook;
// 2. a clear message when the app cannot start (no WebAssembly, a missing or damaged file,
//    a network failure), instead of a loading screen that never ends;
// 3. when trunk's loader reports "TrunkApplicationStarted" (the app has mounted), the screen
//    goes and fetch is the browser's own again.
// It is plain JavaScript so it runs before the wasm and passes the page's CSP ('self').
(() => {
  'use strict';
  const boot = document.getElementById('boot');
  if (!boot) return;
  const bar = document.getElementById('boot-progress');
  const bytesLine = document.getElementById('boot-bytes');
  const failure = document.getElementById('boot-failure');
  const detail = document.getElementById('boot-failure-detail');
  const total = Number(boot.dataset.bytes) || 0;
  let streamed = 0;
  const finished = new Map();
  let started = false;

  const megabytes = (n) => (n / 1e6).toFixed(1);
  const paint = () => {
    if (started || !total) return;
    let loaded = streamed;
    for (const size of finished.values()) loaded += size;
    loaded = Math.min(loaded, total);
    bar.value = Math.round((loaded / total) * 100);
    bar.setAttribute('aria-valuetext', `${megabytes(loaded)} of ${megabytes(total)} MB`);
    bytesLine.textContent = `Downloaded ${megabytes(loaded)} of ${megabytes(total)} MB`;
  };

  const fail = (reason) => {
    if (started || !failure) return;
    // The app's own panic panel already explains a crash inside the app.
    if (document.getElementById('panic-panel')) {
      boot.remove();
      return;
    }
    boot.classList.add('boot--failed');
    bar.hidden = true;
    bytesLine.hidden = true;
    const what = document.getElementById('boot-what');
    if (what) what.hidden = true;
    failure.hidden = false;
    detail.textContent = reason;
  };

  if (typeof WebAssembly !== 'object') {
    fail('This browser has no WebAssembly, which the explainer needs. Use a current Chrome, Edge, Firefox or Safari.');
    return;
  }

  // Files that finish downloading (the wasm is counted while it streams, below).
  if ('PerformanceObserver' in window) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name.endsWith('.wasm')) continue;
          finished.set(entry.name, entry.decodedBodySize || 0);
        }
        paint();
      }).observe({ type: 'resource', buffered: true });
    } catch (_) {
      // Older browsers: the wasm's bytes still show.
    }
  }

  const ownFetch = window.fetch;
  if (typeof ownFetch === 'function' && typeof ReadableStream === 'function') {
    window.fetch = async (...args) => {
      const response = await ownFetch.apply(window, args);
      const url = typeof args[0] === 'string' ? args[0] : args[0] && args[0].url;
      if (started || !response.ok || !response.body || !String(url).endsWith('.wasm')) return response;
      const reader = response.body.getReader();
      const counted = new ReadableStream({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          streamed += value.byteLength;
          paint();
          controller.enqueue(value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return new Response(counted, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  }

  const explain = (error) => {
    const text = String((error && (error.message || error.reason)) || error || 'unknown error');
    if (/fetch|network|load/i.test(text)) {
      return `A file could not be downloaded (${text}). Check the connection or the folder the site is served from.`;
    }
    if (/WebAssembly|wasm|magic|compile/i.test(text)) {
      return `The app's file is damaged or incomplete (${text}). Copy the whole site folder again.`;
    }
    return text;
  };
  addEventListener('error', (event) => fail(explain(event.error || event.message)));
  addEventListener('unhandledrejection', (event) => fail(explain(event.reason)));

  addEventListener('TrunkApplicationStarted', () => {
    started = true;
    window.fetch = ownFetch;
    boot.remove();
  });
  paint();
})();
