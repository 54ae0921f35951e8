// The SCORM 1.2 adapter of the LMS package (plain JavaScript, not in the app's wasm). It finds
// the LMS's API (`window.API` up the parent chain, then the opener's), starts the session, shows
// the app (index.html) in the frame of scorm-launch.html, and turns the app's `progress` and
// `stateChanged` messages into SCORM data:
//   cmi.suspend_data            what the learner did (compact JSON, at most 4096 characters)
//   cmi.core.lesson_location    the view last open (the app opens it on the next launch)
//   cmi.core.lesson_status      incomplete, then completed once the tour is finished and, when
//                               the app has a knowledge check, the check is submitted
//   cmi.core.score.raw/min/max  the check's score in percent (0-100), once submitted
// committed after each change, and ends the session (exit, session time, LMSFinish) when the page
// goes. On launch it reads suspend_data back and sends it to the app (`restoreProgress`), so the
// learner resumes. Without an LMS it only shows the app.
(() => {
  'use strict';

  const SOURCE = 'rag-or-tune';
  // SCORM 1.2 caps cmi.suspend_data at 4096 characters.
  const SUSPEND_LIMIT = 4096;
  // A view slug as the app spells it; anything else in lesson_location is not ours.
  const VIEW_SLUG = /^[a-z]{1,20}$/;
  const frame = document.getElementById('app');
  const started = Date.now();

  /** The SCORM 1.2 API in `win` or one of its parents (ADL's discovery walk), else null. */
  function findApi(win) {
    for (let hops = 0; win && hops < 500; hops += 1) {
      try {
        if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
      } catch {
        // A window of another origin cannot be read; its parents may still hold the API.
      }
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  let api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  const appOrigin = location.origin === 'null' ? '*' : location.origin;

  // What the learner has done, in the app's `progress` spelling; the app's reports are merged in
  // so nothing restored from the LMS is lost when the app reports before it has the restore.
  const progress = {
    viewsVisited: [],
    tourStepReached: 0,
    tourSteps: 0,
    tourCompleted: false,
    checkAvailable: false,
    check: null,
  };
  let location_ = '';
  let restored = null;
  let finished = false;
  const written = new Map();

  const get = (element) => (api ? String(api.LMSGetValue(element) ?? '') : '');

  /** Sets `element` when its value changed; true when it was sent. */
  function set(element, value) {
    const text = String(value);
    if (written.get(element) === text) return false;
    if (String(api.LMSSetValue(element, text)) !== 'true') {
      const code = api.LMSGetLastError();
      console.warn(`rag-or-tune SCORM: ${element} was refused (${code}: ${api.LMSGetErrorString(code)})`);
    }
    written.set(element, text);
    return true;
  }

  /** suspend_data as compact JSON: {"views":[...],"step":n,"tour":1,"check":[correct,total]}. */
  function encode(p) {
    const data = { views: p.viewsVisited, step: p.tourStepReached };
    if (p.tourCompleted) data.tour = 1;
    if (p.check && p.check.submitted) data.check = [p.check.correct, p.check.total];
    let text = JSON.stringify(data);
    // Never over the limit: views are the first thing to give up (the step and score matter more).
    while (text.length > SUSPEND_LIMIT && data.views.length) {
      data.views = data.views.slice(0, -1);
      text = JSON.stringify(data);
    }
    return text;
  }

  /** The suspend_data of an earlier session in the `restoreProgress` spelling, or null. */
  function decode(text) {
    try {
      const data = JSON.parse(text);
      if (!data || typeof data !== 'object') return null;
      const views = Array.isArray(data.views) ? data.views.filter((v) => typeof v === 'string' && VIEW_SLUG.test(v)) : [];
      const check = Array.isArray(data.check) && data.check.length === 2
        ? { submitted: true, correct: Number(data.check[0]) || 0, total: Number(data.check[1]) || 0 }
        : null;
      return {
        viewsVisited: views,
        tourStepReached: Math.max(0, Math.floor(Number(data.step) || 0)),
        tourCompleted: data.tour === 1,
        check,
      };
    } catch {
      return null;
    }
  }

  /** Folds a report (or a restore) into `progress`: views joined, furthest step, finished once. */
  function merge(report) {
    for (const view of report.viewsVisited || []) {
      if (!progress.viewsVisited.includes(view)) progress.viewsVisited.push(view);
    }
    progress.tourStepReached = Math.max(progress.tourStepReached, report.tourStepReached || 0);
    if (report.tourSteps) progress.tourSteps = report.tourSteps;
    progress.tourCompleted = progress.tourCompleted || report.tourCompleted === true;
    if ('checkAvailable' in report) progress.checkAvailable = report.checkAvailable === true;
    if (report.check && report.check.submitted) progress.check = report.check;
  }

  const percent = (check) => (check.total > 0 ? Math.floor((Math.min(check.correct, check.total) * 100) / check.total) : 0);

  /** The completion rule: the tour finished and, when the app has a knowledge check, submitted. */
  const completed = () =>
    progress.tourCompleted && (!progress.checkAvailable || Boolean(progress.check && progress.check.submitted));

  /** Writes what changed and commits it. */
  function record() {
    if (!api || finished) return;
    let changed = set('cmi.suspend_data', encode(progress));
    if (location_) changed = set('cmi.core.lesson_location', location_) || changed;
    if (progress.check && progress.check.submitted) {
      changed = set('cmi.core.score.min', 0) || changed;
      changed = set('cmi.core.score.max', 100) || changed;
      changed = set('cmi.core.score.raw', percent(progress.check)) || changed;
    }
    // A status the LMS set beyond ours (passed, by a mastery score) is not turned back.
    const status = written.get('cmi.core.lesson_status');
    if (completed() && status !== 'passed') changed = set('cmi.core.lesson_status', 'completed') || changed;
    if (changed) api.LMSCommit('');
  }

  /** CMITimespan (HHHH:MM:SS.SS) of `ms` milliseconds. */
  function timespan(ms) {
    const s = ms / 1000;
    const pad = (n, w) => String(Math.floor(n)).padStart(w, '0');
    return `${pad(s / 3600, 4)}:${pad((s % 3600) / 60, 2)}:${pad(s % 60, 2)}.${pad((ms % 1000) / 10, 2)}`;
  }

  /** Ends the LMS session once: exit `suspend` unless completed, so the LMS keeps the data. */
  function finish() {
    if (!api || finished) return;
    record();
    finished = true;
    api.LMSSetValue('cmi.core.exit', completed() ? '' : 'suspend');
    api.LMSSetValue('cmi.core.session_time', timespan(Date.now() - started));
    api.LMSCommit('');
    api.LMSFinish('');
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== frame.contentWindow || !data || data.source !== SOURCE) return;
    if (data.type === 'ready' && restored) {
      frame.contentWindow.postMessage({ type: 'restoreProgress', progress: restored }, appOrigin);
    } else if (data.type === 'progress') {
      merge(data);
      record();
    } else if (data.type === 'stateChanged' && data.state && VIEW_SLUG.test(data.state.view || '')) {
      location_ = data.state.view;
      record();
    }
  });
  // pagehide fires on every way out (closing, reloading, the LMS moving on) and, unlike unload,
  // keeps the page eligible for the back/forward cache.
  window.addEventListener('pagehide', finish);

  let start = 'index.html';
  if (api && String(api.LMSInitialize('')) === 'true') {
    restored = decode(get('cmi.suspend_data'));
    if (restored) merge(restored);
    const saved = get('cmi.core.lesson_location');
    if (VIEW_SLUG.test(saved)) {
      location_ = saved;
      start += `?view=${saved}`;
    }
    const status = get('cmi.core.lesson_status');
    if (status === '' || status === 'not attempted') {
      set('cmi.core.lesson_status', 'incomplete');
      api.LMSCommit('');
    } else {
      written.set('cmi.core.lesson_status', status);
    }
  } else if (api) {
    console.warn('rag-or-tune SCORM: LMSInitialize failed; progress is not recorded');
    api = null;
  }
  frame.src = start;
})();
