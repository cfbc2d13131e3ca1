// Classroom mode. A student joins the teacher's room with its code and a name; each run they make
// (its settings, their prediction and what the run gave) goes to the room, and settings the teacher
// pushes are put on their screen. The teacher (the page opened with the teacher link) opens the room,
// sees the class's predictions and results on the metric's 0-1 axis, pushes settings and exports a
// CSV. It uses app.js only through window.trackSim, and needs the server: the static build hides it.
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  // Polling, not server-sent events: a request every two seconds per page is a few dozen small
  // requests a second for a full room, keeps no connection open, and a laptop that sleeps or
  // changes network simply picks up at its next poll.
  const POLL_MS = 2000;
  const PLOTS = 3;
  const store = window.sessionStorage;

  const $ = (id) => document.getElementById(id);
  const element = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svg = (tag, attributes, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const read = (name) => { try { return JSON.parse(store.getItem(name)); } catch { return null; } };
  const keep = (name, value) => (value === null ? store.removeItem(name) : store.setItem(name, JSON.stringify(value)));

  // Each tab names itself to the server's run queue, which lets one run per client be under way or
  // waiting. 128 random bits; crypto.getRandomValues works on a lab network's plain http, randomUUID does not.
  function newId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }
  const client = read('trackSim.client') || newId();
  keep('trackSim.client', client);
  const serverFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (typeof input !== 'string' || !input.startsWith('/api/')) return serverFetch(input, init);
    const headers = new Headers(init && init.headers);
    headers.set('X-TrackSim-Client', client);
    return serverFetch(input, { ...(init || {}), headers });
  };

  // Only the members the server takes, so a page that adds members to its settings or prediction
  // still submits; a prediction without a metric, subject, year and value is sent as none.
  const pickSettings = (s) => ({ lesson: s.lesson, variant: s.variant || null, replicates: s.replicates || null, set: s.set || {}, mechanisms: s.mechanisms || {} });
  const pickPrediction = (p) => (p && typeof p.metric === 'string' && typeof p.subject === 'string' && Number.isInteger(p.year) && Number.isFinite(p.value)
    ? { metric: p.metric, subject: p.subject, year: p.year, value: p.value, text: typeof p.text === 'string' ? p.text : null }
    : null);
  const pickOutcome = (o) => (o && [o.value, o.p05, o.p95].every(Number.isFinite) ? { value: o.value, p05: o.p05, p95: o.p95 } : null);

  function describe(settings) {
    const parts = [`lesson ${settings.lesson}`];
    if (settings.variant) parts.push(`variant ${settings.variant}`);
    if (settings.replicates) parts.push(`${settings.replicates} replicates`);
    for (const [path, value] of Object.entries(settings.set || {})) parts.push(`${path.replace(/^parameters\./, '')} = ${value}`);
    for (const [name, on] of Object.entries(settings.mechanisms || {})) parts.push(`${name} ${on ? 'on' : 'off'}`);
    return parts.join(', ');
  }

  function say(text, isError) {
    $('class-status').textContent = text;
    $('class-status').className = isError ? 'error' : '';
  }

  // ---- Student ----

  let polling = null;

  function studentView() {
    const joined = read('trackSim.student');
    if (!joined) {
      const form = element('form', { id: 'class-join' });
      const code = element('input', { id: 'class-code-input', maxlength: '8', size: '6', autocomplete: 'off', spellcheck: 'false', required: '' });
      const name = element('input', { id: 'class-name-input', maxlength: '24', size: '14', required: '' });
      const codeLabel = element('label', {}, 'Code ');
      codeLabel.append(code);
      const nameLabel = element('label', {}, 'Your name ');
      nameLabel.append(name);
      form.append(element('strong', {}, 'Join a class'), codeLabel, nameLabel, element('button', { type: 'submit' }, 'Join'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        join(code.value, name.value).catch((e) => say(e.message, true));
      });
      $('classroom').replaceChildren(form, element('span', { id: 'class-status', role: 'status' }));
      return;
    }
    const leave = element('button', { id: 'class-leave', type: 'button', class: 'secondary' }, 'Leave');
    leave.addEventListener('click', () => leaveRoom().catch((e) => say(e.message, true)));
    $('classroom').replaceChildren(
      element('span', { id: 'class-joined' }, `joined room ${joined.code} as ${joined.name}`),
      leave,
      element('span', { id: 'class-pushed' }, joined.pushText || ''),
      element('span', { id: 'class-status', role: 'status' }));
  }

  async function join(code, name) {
    const answer = await window.trackSim.api('/api/class/join', { code, name });
    keep('trackSim.student', { code: answer.code, name: answer.name, key: answer.key, version: 0 });
    studentView();
    say('your runs now go to the class');
    if (answer.push) await applyPush(answer.push);
    startPolling(pollStudent);
  }

  async function leaveRoom() {
    const joined = read('trackSim.student');
    keep('trackSim.student', null);
    stopPolling();
    studentView();
    if (joined) await window.trackSim.api('/api/class/leave', { key: joined.key }).catch(() => null);
    say('you left the class');
  }

  async function applyPush(push) {
    const joined = read('trackSim.student');
    if (!joined || push.version <= joined.version) return;
    joined.version = push.version;
    joined.pushText = `your teacher set ${describe(push.settings)}`;
    keep('trackSim.student', joined);
    await window.trackSim.apply(push.settings);
    $('class-pushed').textContent = joined.pushText;
  }

  async function pollStudent() {
    const joined = read('trackSim.student');
    if (!joined) return;
    try {
      const state = await window.trackSim.api('/api/class/poll', { key: joined.key });
      if (state.push) await applyPush(state.push);
    } catch (e) {
      // The room was closed or expired: back to the join form, with the server's sentence.
      keep('trackSim.student', null);
      stopPolling();
      studentView();
      say(e.message, true);
    }
  }

  async function submit(run) {
    const joined = read('trackSim.student');
    if (!joined) return;
    try {
      const answer = await window.trackSim.api('/api/class/submit', {
        key: joined.key,
        settings: pickSettings(run.settings),
        prediction: pickPrediction(run.prediction),
        outcome: pickOutcome(run.outcome),
      });
      say(`run sent to room ${joined.code} (${answer.submissions} kept)`);
    } catch (e) {
      say(`the run was not sent to the class: ${e.message}`, true);
    }
  }

  // ---- Teacher ----

  let teacherRun = null;
  let lastView = null;

  function teacherView() {
    const room = read('trackSim.room');
    if (!room) {
      const open = element('button', { id: 'class-open', type: 'button' }, 'Open a class room');
      open.addEventListener('click', () => openRoom().catch((e) => say(e.message, true)));
      $('classroom').replaceChildren(element('strong', {}, 'Teacher view'), open, element('span', { id: 'class-status', role: 'status' }));
      return;
    }
    const push = element('button', { id: 'class-push', type: 'button' }, 'Push my settings to the class');
    push.addEventListener('click', () => pushSettings().catch((e) => say(e.message, true)));
    const exportCsv = element('button', { id: 'class-export', type: 'button', class: 'secondary' }, 'Export CSV');
    exportCsv.addEventListener('click', () => exportRoom().catch((e) => say(e.message, true)));
    const close = element('button', { id: 'class-close', type: 'button', class: 'secondary' }, 'Close room');
    close.addEventListener('click', () => closeRoom().catch((e) => say(e.message, true)));
    const join = element('div', { class: 'class-join-at' });
    join.append(element('span', {}, `Students: open ${location.origin}/ and type the code`), element('div', { id: 'class-code', 'aria-label': 'join code' }, room.code));
    $('classroom').replaceChildren(
      join,
      element('div', { class: 'class-actions' }),
      element('span', { id: 'class-status', role: 'status' }),
      element('div', { id: 'class-plots' }),
      element('table', { id: 'class-students' }));
    document.querySelector('#classroom .class-actions').append(push, exportCsv, close);
  }

  async function openRoom() {
    const answer = await window.trackSim.api('/api/class/open', { token: teacher });
    keep('trackSim.room', { code: answer.code });
    teacherView();
    say(`room ${answer.code} is open; it closes ${answer.expiryHours} hours after its last use`);
    startPolling(pollTeacher);
  }

  async function pushSettings() {
    const room = read('trackSim.room');
    const onScreen = window.trackSim.settings();
    // The class has the server's lessons; a scenario uploaded into this page is not among them.
    if (onScreen.yaml !== undefined) throw new Error('a scenario of your own cannot be pushed: choose one of the lessons');
    const settings = pickSettings(onScreen);
    const answer = await window.trackSim.api('/api/class/push', { token: teacher, code: room.code, settings });
    say(`${answer.message}: ${describe(settings)}`);
  }

  async function exportRoom() {
    const room = read('trackSim.room');
    const response = await fetch('/api/class/export', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: teacher, code: room.code }),
    });
    if (!response.ok) {
      const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
      throw new Error(data.error);
    }
    const link = element('a', { href: URL.createObjectURL(await response.blob()), download: `tracksim-class-${room.code}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say('exported');
  }

  async function closeRoom() {
    const room = read('trackSim.room');
    if (!window.confirm(`Close room ${room.code}? Its students leave and its submissions are gone (export them first).`)) return;
    keep('trackSim.room', null);
    stopPolling();
    teacherView();
    await window.trackSim.api('/api/class/close', { token: teacher, code: room.code });
    say(`room ${room.code} is closed`);
  }

  async function pollTeacher() {
    const room = read('trackSim.room');
    if (!room) return;
    try {
      lastView = await window.trackSim.api('/api/class/view', { token: teacher, code: room.code });
      drawClass();
    } catch (e) {
      keep('trackSim.room', null);
      stopPolling();
      teacherView();
      say(e.message, true);
    }
  }

  function drawClass() {
    if (!lastView || !$('class-students')) return;
    const students = lastView.students;
    const head = element('tr');
    for (const title of ['Student', 'Runs', 'Latest prediction', 'Its result (median, 5-95%)', 'Settings']) head.append(element('th', {}, title));
    const rows = students.map((s) => {
      const row = element('tr', s.left ? { class: 'left' } : {});
      const latest = s.latest;
      const p = latest && latest.prediction, o = latest && latest.outcome;
      row.append(
        element('td', {}, s.left ? `${s.name} (left)` : s.name),
        element('td', {}, String(s.submissions)),
        element('td', {}, p ? (p.text || `${p.metric} (${p.subject}) in ${p.year}: ${p.value}`) : '-'),
        element('td', {}, o ? `${o.value.toFixed(2)} (${o.p05.toFixed(2)}-${o.p95.toFixed(2)})` : '-'),
        element('td', {}, latest ? describe(latest.settings) : '-'));
      return row;
    });
    const caption = element('caption', {}, `${students.filter((s) => !s.left).length} students in room ${lastView.code}`);
    $('class-students').replaceChildren(caption, head, ...rows);
    drawPlots(students.filter((s) => s.latest && s.latest.prediction).map((s) => s.latest));
  }

  // One plot per question the class predicted (metric, subject, year), the most asked first.
  function drawPlots(submissions) {
    const questions = new Map();
    for (const s of submissions) {
      const p = s.prediction;
      const id = `${p.metric}|${p.subject}|${p.year}`;
      if (!questions.has(id)) questions.set(id, { metric: p.metric, subject: p.subject, year: p.year, predictions: [], results: [] });
      questions.get(id).predictions.push(p.value);
      if (s.outcome) questions.get(id).results.push(s.outcome.value);
    }
    const shown = [...questions.values()].sort((a, b) => b.predictions.length - a.predictions.length).slice(0, PLOTS);
    if (shown.length === 0) {
      $('class-plots').replaceChildren(element('p', { class: 'class-empty' }, 'No predictions yet: each student\'s latest prediction and the result of its run appear here.'));
      return;
    }
    $('class-plots').replaceChildren(...shown.map(plot));
  }

  // The teacher's own latest run at a question: the run's outcome when the teacher predicted that
  // question, else the median of the metric for the subject at the last step of that year.
  function teacherValue(q) {
    if (!teacherRun) return null;
    const p = teacherRun.prediction;
    if (p && teacherRun.outcome && p.metric === q.metric && p.subject === q.subject && p.year === q.year) return teacherRun.outcome.value;
    const series = (teacherRun.result.series || []).find((s) => s.metric === q.metric && s.subject === q.subject);
    if (!series) return null;
    let at = -1;
    teacherRun.result.dates.forEach((d, t) => { if (Number(d.slice(0, 4)) === q.year) at = t; });
    return at < 0 ? null : series.median[at];
  }

  // A dot plot on the metric's 0-1 axis: the predictions on one row, the results of their runs on
  // the next, each dot at the centre of its bin (0.02 wide) and stacked on the dots already there
  // (its title gives the exact value); the teacher's run as a line across both.
  function plot(q) {
    const width = 900, left = 120, right = 20, radius = 6, bin = 0.02;
    const x = (v) => left + (width - left - right) * Math.min(1, Math.max(0, v));
    const stacks = (values) => {
      const counts = new Map();
      return values.map((v) => {
        const b = Math.round(Math.min(1, Math.max(0, v)) / bin);
        counts.set(b, (counts.get(b) || 0) + 1);
        return { v, at: b * bin, level: counts.get(b) - 1 };
      });
    };
    const rows = [
      { label: 'predictions', dots: stacks(q.predictions), className: 'prediction' },
      { label: 'results', dots: stacks(q.results), className: 'result' },
    ];
    let y = 10;
    const drawn = [];
    for (const row of rows) {
      const levels = Math.max(1, ...row.dots.map((d) => d.level + 1));
      const base = y + levels * (2 * radius + 1);
      drawn.push(svg('text', { x: left - 10, y: base - radius + 4, 'text-anchor': 'end' }, `${row.label} (${row.dots.length})`));
      drawn.push(svg('line', { class: 'class-row', x1: left, x2: width - right, y1: base, y2: base }));
      for (const d of row.dots) {
        const dot = svg('circle', { class: row.className, cx: x(d.at).toFixed(1), cy: (base - radius - d.level * (2 * radius + 1)).toFixed(1), r: radius });
        dot.append(svg('title', {}, d.v.toFixed(3)));
        drawn.push(dot);
      }
      y = base + 12;
    }
    const axis = y + 4;
    drawn.push(svg('line', { class: 'axis', x1: left, x2: width - right, y1: axis, y2: axis }));
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      drawn.push(svg('line', { class: 'axis', x1: x(v), x2: x(v), y1: axis, y2: axis + 5 }));
      drawn.push(svg('text', { x: x(v), y: axis + 20, 'text-anchor': 'middle' }, String(v)));
    }
    const mine = teacherValue(q);
    if (mine !== null && mine !== undefined) {
      drawn.push(svg('line', { class: 'teacher', x1: x(mine), x2: x(mine), y1: 4, y2: axis }));
      drawn.push(svg('text', { class: 'teacher', x: x(mine) + 4, y: 12 }, `your run ${mine.toFixed(2)}`));
    }
    const height = axis + 28;
    const box = element('div', { class: 'class-plot' });
    box.append(element('h3', {}, `${q.metric} (${q.subject}) in ${q.year}`));
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `class predictions of ${q.metric} (${q.subject}) in ${q.year}` });
    picture.append(...drawn);
    box.append(picture);
    return box;
  }

  // ---- Both ----

  function startPolling(poll) {
    stopPolling();
    const next = async () => {
      await poll();
      if (polling !== null) polling = setTimeout(next, POLL_MS);
    };
    polling = setTimeout(next, 0);
  }

  function stopPolling() {
    if (polling !== null) clearTimeout(polling);
    polling = null;
  }

  // The teacher link's token is kept for this tab and taken out of the address bar, so a projected
  // page does not show it to the class.
  const linked = new URLSearchParams(location.search).get('teacher');
  if (linked) {
    keep('trackSim.teacher', linked);
    history.replaceState(null, '', location.pathname);
  }
  const teacher = read('trackSim.teacher');

  document.addEventListener('DOMContentLoaded', () => {
    if (!$('classroom')) return;
    if (window.trackSimBackend || !window.trackSim) {
      // The static build runs the model in the browser; a class needs the server.
      $('classroom').hidden = true;
      return;
    }
    if (teacher) {
      document.body.classList.add('teacher');
      window.trackSim.on('run', (run) => { teacherRun = run; drawClass(); });
      teacherView();
      if (read('trackSim.room')) startPolling(pollTeacher);
    } else {
      window.trackSim.on('run', (run) => { submit(run); });
      studentView();
      if (read('trackSim.student')) startPolling(pollStudent);
    }
  });
})();
