// The TrackSim classroom page: pick a lesson, predict, change its parameters and mechanisms, run it
// and compare the medians and 5-95% bands with the prediction and with a kept run; read the timeline
// and the teaching guide's questions; export charts, numbers and the scenario. Everything it loads
// comes from the server that served it.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHARTS = [
  { metric: 'tension', title: 'Tension' },
  { metric: 'official_trust', title: 'Official trust' },
  { metric: 'public_trust', title: 'Public trust' },
  { metric: 'track2_trust', title: 'Track II trust' },
  { metric: 'track2_agreement', title: 'Track II agreement' },
];
// Okabe and Ito's palette, as the command line's charts use it: told apart with any colour vision.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const FONT = 'DejaVu Sans, Verdana, sans-serif';
const MAX_UPLOAD_BYTES = 1024 * 1024;

const $ = (id) => document.getElementById(id);

// What the page holds: the lesson on screen, an uploaded scenario's text (sent with each request,
// kept nowhere else), values set by an exercise that have no slider, the run on screen, a run kept
// for comparison, the locked prediction, and how far Step has revealed the run (null: all of it).
const state = { lesson: null, upload: null, extra: {}, current: null, kept: null, prediction: null, revealed: null };

// Sends one API request: to the server that served the page, or, in the static build, to the model
// running in the browser (backend.js there sets window.trackSimBackend; it answers the same requests
// with the same numbers). GET when there is no body, POST with a JSON body otherwise.
async function api(path, body) {
  if (window.trackSimBackend) {
    const answer = await window.trackSimBackend.request(path, body);
    if (answer.status !== 200) throw new Error(answer.data.error || `the model answered ${answer.status}`);
    return answer.data;
  }
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
  return data;
}

// What other scripts of the page (the classroom mode) use: the settings on screen, a way to put
// settings on screen, the locked prediction, and events when a lesson is loaded ('lesson', the
// lesson) and a run has been drawn ('run', {settings, result, prediction, outcome}).
const listeners = {};
window.trackSim = {
  api,
  settings: () => currentSettings(),
  apply: (settings) => applySettings(settings),
  prediction: () => (state.prediction ? { ...state.prediction } : null),
  on: (event, handler) => { (listeners[event] ||= []).push(handler); },
};
function emit(event, detail) {
  for (const handler of listeners[event] || []) {
    try { handler(detail); } catch (e) { console.warn(e); }
  }
}

function status(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text, onClick, attributes) {
  const node = element('button', { type: 'button', class: 'secondary', ...(attributes || {}) }, text);
  node.addEventListener('click', onClick);
  return node;
}

function format(value) {
  return Math.abs(value) >= 100 || Number.isInteger(value) ? String(value) : String(Number(Number(value).toPrecision(3)));
}

// ---- Lessons -------------------------------------------------------------------------------

async function loadLessons() {
  const lessons = await api('/api/lessons');
  for (const l of lessons) $('lesson').append(element('option', { value: l.id, title: l.description }, l.title));
  await loadLesson();
}

async function loadLesson() {
  if ($('lesson').value !== 'upload') {
    state.upload = null;
    $('lesson').querySelector('option[value=upload]')?.remove();
  }
  showLesson(await api(`/api/lessons/${encodeURIComponent($('lesson').value)}`));
}

function showLesson(detail) {
  state.lesson = detail;
  state.extra = {};
  state.current = null;
  state.kept = null;
  state.prediction = null;
  state.revealed = null;
  $('description').textContent = detail.description;
  $('variant').replaceChildren(...detail.variants.map((v) => element('option', { value: v.name, title: v.description }, v.name)));
  $('replicates').value = detail.replicates;
  buildControls();
  buildExercise();
  buildPredict();
  drawResults();
  status('');
  emit('lesson', detail);
}

// ---- Settings ------------------------------------------------------------------------------

function buildControls() {
  const lesson = state.lesson;
  $('parameters').replaceChildren(...lesson.parameters.map((p) => {
    const box = element('div', { class: 'parameter' });
    const shown = element('span', {}, format(p.value));
    const label = element('label', { for: `p-${p.key}` }, `${p.key} `);
    label.append(shown);
    const step = (p.max - p.min) / 100;
    const slider = element('input', { id: `p-${p.key}`, type: 'range', min: p.min, max: p.max, step, value: p.value });
    slider.dataset.path = p.path;
    slider.dataset.initial = p.value;
    slider.addEventListener('input', () => {
      shown.textContent = format(Number(slider.value));
      box.classList.toggle('changed', Number(slider.value) !== p.value);
    });
    box.append(label, slider, element('p', {}, `${p.description} (${p.unit}; ${format(p.min)} to ${format(p.max)}; model default ${format(p.default)})`));
    return box;
  }));
  if (lesson.parameters.length === 0) $('parameters').append(element('p', { class: 'hint' }, 'This lesson sets no parameters.'));
  $('mechanisms').replaceChildren(...lesson.mechanisms.map((m) => {
    const label = element('label', { class: 'mechanism', title: `rule ${m.rule}` });
    const box = element('input', { type: 'checkbox' });
    box.checked = m.on;
    box.dataset.name = m.name;
    box.dataset.initial = m.on;
    box.addEventListener('change', () => label.classList.toggle('changed', box.checked !== m.on));
    label.append(box, ` ${m.name} `, element('small', {}, m.description));
    return label;
  }));
  state.extra = {};
  drawExtra();
}

// Values with no slider (an exercise's --set of a list item, say), shown so nothing is sent unseen.
function drawExtra() {
  const entries = Object.entries(state.extra);
  $('extra').hidden = entries.length === 0;
  $('extra').replaceChildren(element('p', { class: 'hint' }, 'Also set (no slider):'), ...entries.map(([path, value]) => {
    const chip = element('span', { class: 'chip' }, `${path} = ${value} `);
    chip.append(button('×', () => { delete state.extra[path]; drawExtra(); }, { title: `stop setting ${path}`, 'aria-label': `stop setting ${path}` }));
    return chip;
  }));
}

// The settings on screen as a run request: only the sliders and switches that were moved, and the
// values without a slider; an uploaded scenario's text instead of a lesson id.
function currentSettings() {
  const set = {};
  for (const slider of $('parameters').querySelectorAll('input[type=range]')) {
    if (Number(slider.value) !== Number(slider.dataset.initial)) set[slider.dataset.path] = Number(slider.value);
  }
  Object.assign(set, state.extra);
  const mechanisms = {};
  for (const box of $('mechanisms').querySelectorAll('input[type=checkbox]')) {
    if (String(box.checked) !== box.dataset.initial) mechanisms[box.dataset.name] = box.checked;
  }
  const settings = { lesson: state.lesson.id, variant: $('variant').value, replicates: Number($('replicates').value), set, mechanisms };
  if (state.upload !== null) settings.yaml = state.upload;
  return settings;
}

// Puts settings (as currentSettings gives them) on screen: loads their lesson if another is shown,
// then moves the sliders and switches they name; the others go back to the lesson's values.
async function applySettings(settings) {
  if (!state.lesson || settings.lesson !== state.lesson.id) {
    $('lesson').value = settings.lesson;
    await loadLesson();
  }
  buildControls();
  if (settings.variant) $('variant').value = settings.variant;
  if (settings.replicates) $('replicates').value = settings.replicates;
  for (const [path, value] of Object.entries(settings.set || {})) setValue(path, value);
  for (const [name, on] of Object.entries(settings.mechanisms || {})) setValue(`mechanisms.${name}`, on);
  drawExtra();
}

// Sets one scenario path on screen: a slider or switch when there is one, otherwise an extra value.
function setValue(path, value) {
  const slider = [...$('parameters').querySelectorAll('input[type=range]')].find((s) => s.dataset.path === path);
  const number = Number(value);
  if (slider && Number.isFinite(number) && number >= Number(slider.min) && number <= Number(slider.max)) {
    slider.value = number;
    slider.dispatchEvent(new Event('input'));
    return;
  }
  const name = path.startsWith('mechanisms.') ? path.slice('mechanisms.'.length) : null;
  const box = name && [...$('mechanisms').querySelectorAll('input[type=checkbox]')].find((b) => b.dataset.name === name);
  if (box && (value === true || value === false || value === 'true' || value === 'false')) {
    box.checked = value === true || value === 'true';
    box.dispatchEvent(new Event('change'));
    return;
  }
  state.extra[path] = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

// A short description of a run's settings, for legends and the CSV: "base; anchor_strength = 0.05".
function describeSettings(settings) {
  const changes = Object.entries(settings.set).map(([path, value]) => `${path.replace(/^parameters\./, '')} = ${format(value)}`)
    .concat(Object.entries(settings.mechanisms).map(([name, on]) => `${name} ${on ? 'on' : 'off'}`));
  return [settings.variant].concat(changes.length ? changes : ['as written']).join('; ');
}

// ---- The teaching guide: exercise, prediction, explanation ------------------------------------

function buildExercise() {
  const guide = state.lesson.guide;
  const box = $('exercise');
  box.hidden = !guide || guide.exercises.length === 0;
  if (box.hidden) return;
  box.replaceChildren(element('h2', {}, 'Exercise'), ...guide.exercises.map((exercise, k) => {
    const part = element('div', { class: 'exercise' });
    part.append(element('p', {}, exercise.text), element('code', {}, exercise.command));
    part.append(button('Use these settings', () => useExercise(exercise), { id: `exercise-${k}` }));
    return part;
  }));
}

function useExercise(exercise) {
  buildControls();
  if (exercise.settings.variant) $('variant').value = exercise.settings.variant;
  for (const [path, value] of Object.entries(exercise.settings.set)) setValue(path, value);
  drawExtra();
  const question = $('predict').querySelector('.question');
  if (question) question.textContent = `The guide asks: ${exercise.predict}`;
  status('the exercise\'s settings are on the left: predict, then run');
}

function seriesLabel(s) {
  const chart = CHARTS.find((c) => c.metric === s.metric);
  return `${chart ? chart.title : s.metric} (${s.subject})`;
}

function buildPredict() {
  const lesson = state.lesson;
  const box = $('predict');
  box.replaceChildren(element('h2', {}, 'Predict before you run'));
  const guide = lesson.guide;
  box.append(element('p', { class: 'question' }, guide && guide.exercises.length ? `The guide asks: ${guide.exercises[0].predict}` : 'What will the run show? Pick a series and a year, and say where its median will be.'));
  if (state.prediction) {
    box.append(element('p', { class: 'locked', id: 'prediction-text' }, `Your prediction: ${state.prediction.text}`));
    box.append(button('Change the prediction', () => { state.prediction = null; buildPredict(); drawResults(); }, { id: 'predict-change' }));
    return;
  }
  const series = element('select', { id: 'predict-series', 'aria-label': 'series to predict' });
  lesson.series.forEach((s, k) => series.append(element('option', { value: k }, seriesLabel(s))));
  const year = element('select', { id: 'predict-year', 'aria-label': 'year' });
  const first = Number(lesson.start.slice(0, 4)), last = Number(lesson.end.slice(0, 4));
  for (let y = first; y <= last; y++) year.append(element('option', { value: y }, String(y)));
  year.value = String(last);
  const value = element('input', { id: 'predict-value', type: 'range', min: 0, max: 1, step: 0.01, value: 0.5, 'aria-label': 'predicted value' });
  const shown = element('output', { for: 'predict-value' }, '0.50');
  value.addEventListener('input', () => { shown.textContent = Number(value.value).toFixed(2); });
  const row = element('div', { class: 'predict-row' });
  row.append(series, element('span', {}, ' in '), year, element('span', {}, ' will be about '), value, shown);
  box.append(row, button('Lock my prediction', () => {
    const s = lesson.series[Number(series.value)];
    const v = Number(value.value);
    state.prediction = { metric: s.metric, subject: s.subject, year: Number(year.value), value: v, text: `${seriesLabel(s)} in ${year.value}: ${v.toFixed(2)}` };
    buildPredict();
    drawResults();
  }, { id: 'predict-lock', class: '' }));
}

// The run's median and band for the predicted series at the last date of the predicted year.
function outcomeOf(result, prediction) {
  if (!result || !prediction) return null;
  const s = result.series.find((x) => x.metric === prediction.metric && x.subject === prediction.subject);
  if (!s) return null;
  let t = -1;
  result.dates.forEach((d, k) => { if (Number(d.slice(0, 4)) === prediction.year) t = k; });
  if (t < 0) return null;
  return { date: result.dates[t], value: s.median[t], p05: s.p05[t], p95: s.p95[t] };
}

function explain() {
  const box = $('explain');
  const current = state.current;
  box.hidden = !current || state.revealed !== null;
  if (box.hidden) return;
  box.replaceChildren(element('h2', {}, 'Explain'));
  const outcome = outcomeOf(current.result, state.prediction);
  if (state.prediction && outcome) {
    const where = outcome.value > state.prediction.value ? 'higher than' : outcome.value < state.prediction.value ? 'lower than' : 'exactly';
    const inside = state.prediction.value >= outcome.p05 && state.prediction.value <= outcome.p95;
    box.append(element('p', { id: 'verdict', class: inside ? 'hit' : 'miss' },
      `You predicted ${state.prediction.value.toFixed(2)} for ${state.prediction.text.replace(/:.*$/, '')}. The median of the runs at ${outcome.date.slice(0, 7)} is ${outcome.value.toFixed(2)}, ${where} your prediction; `
      + `90% of the runs lie between ${outcome.p05.toFixed(2)} and ${outcome.p95.toFixed(2)}, so your prediction is ${inside ? 'inside' : 'outside'} that range.`));
  } else {
    box.append(element('p', { class: 'hint' }, 'No prediction was locked before this run: make one, then run again.'));
  }
  const guide = state.lesson.guide;
  if (!guide) {
    box.append(element('p', { class: 'hint' }, 'Explain what you see: which mechanism made the difference? Switch it off and run again to check.'));
    return;
  }
  if (guide.exercises.length) {
    const found = element('details', { id: 'guide-answers' });
    found.append(element('summary', {}, 'What the teaching guide found in its exercises'));
    for (const exercise of guide.exercises) found.append(element('p', {}, `${exercise.predict} ${exercise.answer}`));
    box.append(found);
  }
  if (guide.notice.length) {
    const notice = element('details', {});
    notice.append(element('summary', {}, 'What to notice in the lesson as written'), element('ul', {}));
    for (const point of guide.notice) notice.lastChild.append(element('li', {}, point));
    box.append(notice);
  }
  if (guide.discussion.length) {
    box.append(element('h3', {}, 'Discuss'));
    const list = element('ol', { id: 'discussion' });
    for (const question of guide.discussion) list.append(element('li', {}, question));
    box.append(list);
  }
  if (guide.debrief) box.append(element('p', { class: 'debrief' }, guide.debrief));
}

// ---- Running -------------------------------------------------------------------------------

async function run() {
  const settings = currentSettings();
  $('run').disabled = true;
  $('step').disabled = true;
  status('running...');
  const started = performance.now();
  try {
    const result = await api('/api/run', settings);
    state.current = { settings, result, label: describeSettings(settings) };
    state.revealed = null;
    drawResults();
    status(`${result.variant}: ${result.replicates} replicates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    emit('run', { settings, result, prediction: window.trackSim.prediction(), outcome: outcomeOf(result, state.prediction) });
    return true;
  } catch (e) {
    status(e.message, true);
    return false;
  } finally {
    $('run').disabled = false;
    $('step').disabled = false;
  }
}

// Step shows the run a year at a time: the first press runs the lesson and shows its first year,
// each further press one more year, so a class can say what comes next before it sees it.
async function step() {
  if (!state.current || state.revealed === null) {
    if (!state.current || state.current.label !== describeSettings(currentSettings())) {
      if (!await run()) return;
    }
    state.revealed = lastIndexOfYear(Number(state.current.result.dates[0].slice(0, 4)));
  } else {
    const year = Number(state.current.result.dates[state.revealed].slice(0, 4)) + 1;
    state.revealed = lastIndexOfYear(year);
  }
  if (state.revealed >= state.current.result.dates.length - 1) state.revealed = null;
  drawResults();
  status(state.revealed === null ? 'the whole run is shown' : `shown up to ${state.current.result.dates[state.revealed].slice(0, 7)}: Step for the next year`);
}

function lastIndexOfYear(year) {
  const dates = state.current.result.dates;
  let index = 0;
  dates.forEach((d, k) => { if (Number(d.slice(0, 4)) <= year) index = k; });
  return index;
}

// ---- Drawing -------------------------------------------------------------------------------

function drawResults() {
  const current = state.current;
  $('keep').disabled = !current;
  $('export-csv').disabled = !current;
  $('export-scenario').disabled = !current;
  $('unkeep').hidden = !state.kept;
  const runs = [state.kept, current].filter(Boolean);
  drawLegend(runs);
  $('charts').replaceChildren(...(current ? CHARTS
    .filter((c) => current.result.series.some((s) => s.metric === c.metric))
    .map((c) => chart(c, runs)) : []));
  drawTimeline();
  explain();
}

function drawLegend(runs) {
  $('legend').replaceChildren(...runs.map((r) => {
    const kept = r === state.kept;
    const item = element('p', { class: kept ? 'legend kept' : 'legend' });
    item.append(element('span', { class: 'swatch' }, kept ? '- - -' : '———'), ` ${kept ? 'kept run' : 'this run'}: ${r.label} (${r.result.replicates} replicates; lines: medians, shading: 5-95% of the runs)`);
    return item;
  }));
}

// One chart as a self-contained SVG (styles written on the elements, so an export looks the same):
// per subject a median line and a 5-95% band, a kept run dashed, event markers, the prediction.
function chart(spec, runs) {
  const width = 900, height = 280, left = 52, right = 26, top = 30, bottom = 32;
  const box = element('div', { class: 'chart', 'data-metric': spec.metric });
  // The chart's title is in the drawing (so an export has it); the buttons sit above it.
  const head = element('div', { class: 'chart-head' });
  const plot = svg('svg', { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': spec.title, 'font-family': FONT, 'font-size': 13 });
  head.append(button('PNG', () => exportPng(plot, spec.metric), { title: `download the ${spec.title} chart as PNG` }),
    button('SVG', () => exportSvg(plot, spec.metric), { title: `download the ${spec.title} chart as SVG` }));
  box.append(head);
  const dates = runs[runs.length - 1].result.dates;
  const first = Date.parse(dates[0]), last = Date.parse(dates[dates.length - 1]);
  const x = (date) => left + (width - left - right) * (Date.parse(date) - first) / Math.max(1, last - first);
  const y = (value) => top + (height - top - bottom) * (1 - Math.max(0, Math.min(1, value)));
  plot.append(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  plot.append(svg('text', { x: left, y: 18, 'font-size': 15, 'font-weight': 'bold', fill: '#000000' }, `${spec.title} (0-1)`));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    plot.append(svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#000000', 'stroke-opacity': 0.09 }));
    plot.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', fill: '#000000' }, String(v)));
  }
  const firstYear = new Date(first).getUTCFullYear(), lastYear = new Date(last).getUTCFullYear();
  const every = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let year = firstYear; year <= lastYear; year += every) {
    const at = x(`${year}-01-01`);
    if (at < left) continue;
    plot.append(svg('line', { x1: at, x2: at, y1: height - bottom, y2: height - bottom + 5, stroke: '#000000' }));
    plot.append(svg('text', { x: at, y: height - 10, 'text-anchor': 'middle', fill: '#000000' }, String(year)));
  }
  plot.append(svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, stroke: '#000000' }));
  const end = state.revealed === null ? Infinity : state.revealed;
  const subjects = [...new Set(runs.flatMap((r) => r.result.series.filter((s) => s.metric === spec.metric).map((s) => s.subject)))];
  for (const r of runs) {
    const kept = r === state.kept;
    r.result.series.filter((s) => s.metric === spec.metric).forEach((s) => {
      const colour = COLOURS[subjects.indexOf(s.subject) % COLOURS.length];
      const shown = r.result.dates.map((d, t) => [d, t]).filter(([, t]) => kept || t <= end);
      if (!kept) {
        const upper = shown.map(([d, t]) => `${x(d).toFixed(1)},${y(s.p95[t]).toFixed(1)}`);
        const lower = shown.map(([d, t]) => `${x(d).toFixed(1)},${y(s.p05[t]).toFixed(1)}`).reverse();
        plot.append(svg('polygon', { points: upper.concat(lower).join(' '), fill: colour, 'fill-opacity': 0.15, stroke: 'none' }));
      }
      const line = svg('polyline', {
        points: shown.map(([d, t]) => `${x(d).toFixed(1)},${y(s.median[t]).toFixed(1)}`).join(' '),
        fill: 'none', stroke: colour, 'stroke-width': kept ? 2 : 2.5, 'data-run': kept ? 'kept' : 'current', 'data-subject': s.subject,
      });
      if (kept) line.setAttribute('stroke-dasharray', '7 5');
      line.append(svg('title', {}, `${kept ? 'kept run' : 'this run'}: ${s.subject}`));
      plot.append(line);
    });
  }
  subjects.forEach((subject, k) => plot.append(svg('text', { x: width - right - 4, y: top + 26 + 17 * k, 'text-anchor': 'end', fill: COLOURS[k % COLOURS.length] }, subject)));
  const markers = runs[runs.length - 1].result.events.filter((e) => e.kind === 'scenario' && Date.parse(e.date) <= (end === Infinity ? last : Date.parse(dates[end])));
  // A few events are named on the chart itself (an export has no hover); many would overprint.
  const named = markers.length <= 8;
  for (const m of markers) {
    const at = x(m.date);
    if (named) plot.append(svg('text', { x: at + 3, y: top + 10, 'font-size': 11, fill: '#4D4D4D' }, eventName(m.label)));
    // A wide transparent line takes the hover; its title is the tooltip.
    const hit = svg('line', { class: 'marker-hit', x1: at, x2: at, y1: top, y2: height - bottom, stroke: 'transparent', 'stroke-width': 10 });
    hit.append(svg('title', {}, `${m.date.slice(0, 7)}: ${m.label}`));
    plot.append(hit, svg('line', { class: 'marker', x1: at, x2: at, y1: top, y2: height - bottom, stroke: '#4D4D4D', 'stroke-dasharray': '3 3', 'pointer-events': 'none' }));
  }
  const p = state.prediction;
  if (p && p.metric === spec.metric) {
    let at = null;
    dates.forEach((d) => { if (Number(d.slice(0, 4)) === p.year) at = d; });
    if (at) {
      const colour = COLOURS[Math.max(0, subjects.indexOf(p.subject)) % COLOURS.length];
      const mark = svg('g', { class: 'prediction' });
      mark.append(svg('title', {}, `your prediction: ${p.text}`),
        svg('circle', { cx: x(at), cy: y(p.value), r: 7, fill: '#ffffff', stroke: colour, 'stroke-width': 3 }),
        svg('text', { x: x(at) - 10, y: y(p.value) - 10, 'text-anchor': 'end', fill: '#000000' }, 'your prediction'));
      plot.append(mark);
    }
  }
  box.append(plot);
  return box;
}

// "attack: Terror attack (TerrorAttack, severity 0.85)" -> "Terror attack".
function eventName(label) {
  return label.replace(/^[^:]*:\s*/, '').replace(/\s*\(.*$/, '');
}

// The timeline: the first replicate's events by month, "2008-11: Mumbai attacks; dialogue suspended".
// Routine entries (a Track II meeting held or not) are hidden unless asked for.
function drawTimeline() {
  const current = state.current;
  if (!current) { $('log').replaceChildren(); return; }
  const routine = $('show-routine').checked;
  const end = state.revealed === null ? null : current.result.dates[state.revealed];
  const months = new Map();
  for (const e of current.result.events) {
    if (end !== null && e.date > end) break;
    if (!routine && e.kind === 'rule' && / meeting (held|not held)/.test(e.label)) continue;
    const month = e.date.slice(0, 7);
    if (!months.has(month)) months.set(month, []);
    months.get(month).push(e);
  }
  $('log').replaceChildren(...[...months].map(([month, events]) => {
    const item = element('li', { class: events.some((e) => e.kind === 'scenario') ? 'event' : '' });
    item.append(element('time', { datetime: month }, month), ': ');
    events.forEach((e, k) => {
      if (k > 0) item.append('; ');
      item.append(element(e.kind === 'scenario' ? 'strong' : 'span', {}, e.label), element('small', {}, e.kind === 'scenario' ? ' (scenario event)' : ` (rule ${e.rule})`));
    });
    return item;
  }));
  if (months.size === 0) $('log').append(element('li', { class: 'hint' }, 'nothing happened yet'));
}

// ---- Export --------------------------------------------------------------------------------

function download(name, blob) {
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function fileStem() {
  return `${state.lesson.id}-${state.current ? state.current.result.variant : 'base'}`;
}

function svgText(plot) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(plot);
}

function exportSvg(plot, metric) {
  download(`${fileStem()}-${metric}.svg`, new Blob([svgText(plot)], { type: 'image/svg+xml' }));
}

// A PNG at twice the chart's size (sharp on a projector or in a slide), drawn from the same SVG.
function exportPng(plot, metric) {
  const scale = 2;
  const image = new Image();
  const source = URL.createObjectURL(new Blob([svgText(plot)], { type: 'image/svg+xml' }));
  image.onload = () => {
    const canvas = element('canvas', { width: plot.getAttribute('width') * scale, height: plot.getAttribute('height') * scale });
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(source);
    canvas.toBlob((blob) => download(`${fileStem()}-${metric}.png`, blob), 'image/png');
  };
  image.onerror = () => status('the chart could not be drawn as PNG; export it as SVG', true);
  image.src = source;
}

function csvField(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// The runs on the charts, one row per date, metric and subject, with the settings that made them.
function exportCsv() {
  const rows = [['run', 'lesson', 'variant', 'replicates', 'settings', 'metric', 'subject', 'date', 'median', 'p05', 'p95']];
  for (const r of [state.kept, state.current].filter(Boolean)) {
    const settings = Object.entries(r.settings.set).map(([path, value]) => `${path}=${value}`)
      .concat(Object.entries(r.settings.mechanisms).map(([name, on]) => `mechanisms.${name}=${on}`)).join(';');
    for (const s of r.result.series) {
      r.result.dates.forEach((d, t) => rows.push([r === state.kept ? 'kept' : 'current', r.settings.lesson, r.result.variant, r.result.replicates, settings, s.metric, s.subject, d, s.median[t], s.p05[t], s.p95[t]]));
    }
  }
  download(`${fileStem()}-runs.csv`, new Blob([rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }));
}

async function exportScenario() {
  try {
    const answer = await api('/api/scenario', state.current.settings);
    download(answer.file, new Blob([answer.yaml], { type: 'text/yaml' }));
    status(`saved ${answer.file}; redo the run with: ${answer.command}`);
  } catch (e) {
    status(e.message, true);
  }
}

// ---- Upload --------------------------------------------------------------------------------

async function upload(file) {
  $('upload-errors').hidden = true;
  if (!file) return;
  if (file.size > MAX_UPLOAD_BYTES) {
    status(`${file.name} is ${file.size.toLocaleString('en')} bytes; a scenario sent here may be at most ${MAX_UPLOAD_BYTES.toLocaleString('en')}`, true);
    return;
  }
  const text = await file.text();
  try {
    const check = await api('/api/validate', { yaml: text });
    if (!check.valid) {
      showUploadErrors(file.name, text, check.errors);
      status(`${file.name} has ${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}: see below the upload`, true);
      return;
    }
    const detail = await api('/api/lesson', { yaml: text });
    state.upload = text;
    let option = $('lesson').querySelector('option[value=upload]');
    if (!option) { option = element('option', { value: 'upload' }); $('lesson').append(option); }
    option.textContent = `Uploaded: ${detail.title}`;
    $('lesson').value = 'upload';
    showLesson(detail);
    status(`${file.name} is valid and ready to run`);
  } catch (e) {
    status(e.message, true);
  }
}

// The problems of an uploaded file next to its lines: each bad line with two lines around it.
function showUploadErrors(name, text, errors) {
  const lines = text.split(/\r?\n/);
  const byLine = new Map();
  for (const e of errors) {
    if (!byLine.has(e.line)) byLine.set(e.line, []);
    byLine.get(e.line).push(e);
  }
  const shown = new Set();
  for (const line of byLine.keys()) for (let k = line - 2; k <= line + 2; k++) if (k >= 1 && k <= lines.length) shown.add(k);
  const listing = element('div', { class: 'listing', role: 'list' });
  let previous = 0;
  for (const k of [...shown].sort((a, b) => a - b)) {
    if (k > previous + 1) listing.append(element('div', { class: 'gap' }, '…'));
    const row = element('div', { class: byLine.has(k) ? 'line bad' : 'line', role: 'listitem' });
    row.append(element('span', { class: 'number' }, String(k)), element('code', {}, lines[k - 1]));
    listing.append(row);
    for (const e of byLine.get(k) || []) {
      listing.append(element('div', { class: 'problem', 'data-line': k }, `${' '.repeat(Math.max(0, e.column - 1))}^ line ${e.line}, column ${e.column}${e.path ? ` (${e.path})` : ''}: ${e.message}`));
    }
    previous = k;
  }
  // Problems that name no line of the file (such as a missing key) go first.
  const general = errors.filter((e) => e.line < 1 || e.line > lines.length);
  $('upload-errors').replaceChildren(element('h3', {}, `${name} does not load`),
    ...general.map((e) => element('p', { class: 'problem' }, `${e.path ? `${e.path}: ` : ''}${e.message}`)), listing);
  $('upload-errors').hidden = false;
}

// ---- Start ---------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('lesson').addEventListener('change', () => loadLesson().catch((e) => status(e.message, true)));
  $('run').addEventListener('click', run);
  $('step').addEventListener('click', step);
  $('reset').addEventListener('click', () => { buildControls(); status('settings reset'); });
  $('keep').addEventListener('click', () => { state.kept = state.current; state.revealed = null; drawResults(); status('kept: change something and run again to compare'); });
  $('unkeep').addEventListener('click', () => { state.kept = null; drawResults(); });
  $('export-csv').addEventListener('click', exportCsv);
  $('export-scenario').addEventListener('click', exportScenario);
  $('show-routine').addEventListener('change', drawTimeline);
  $('upload').addEventListener('change', () => upload($('upload').files[0]));
  loadLessons().catch((e) => status(e.message, true));
});
