// The TrackSim classroom page: pick a lesson, change its parameters and mechanisms, run it on the
// server and draw the medians with their 5-95% bands. Everything it loads comes from this server.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const CHARTS = [
  { metric: 'tension', title: 'Tension' },
  { metric: 'official_trust', title: 'Official trust' },
  { metric: 'public_trust', title: 'Public trust' },
];
const COLOURS = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0f766e'];

const $ = (id) => document.getElementById(id);
let lesson = null;

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
// settings on screen, and events when a lesson is loaded ('lesson', the lesson) and a run has been
// drawn ('run', {settings, result, prediction}).
const listeners = {};
window.trackSim = {
  api,
  settings: () => currentSettings(),
  apply: (settings) => applySettings(settings),
  prediction: () => null,
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
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function loadLessons() {
  const lessons = await api('/api/lessons');
  for (const l of lessons) $('lesson').append(element('option', { value: l.id }, l.title));
  await loadLesson();
}

async function loadLesson() {
  lesson = await api(`/api/lessons/${encodeURIComponent($('lesson').value)}`);
  emit('lesson', lesson);
  $('description').textContent = lesson.description;
  $('variant').replaceChildren(...lesson.variants.map((v) => element('option', { value: v.name, title: v.description }, v.name)));
  $('replicates').value = lesson.replicates;
  buildControls();
  $('charts').replaceChildren();
  $('log').replaceChildren();
  status('');
}

function buildControls() {
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
  if (lesson.parameters.length === 0) $('parameters').append(element('p', {}, 'This lesson sets no parameters.'));
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
}

function format(value) {
  return Math.abs(value) >= 100 || Number.isInteger(value) ? String(value) : Number(value).toPrecision(3);
}

// The settings on screen as a run request: only the sliders and switches that were moved.
function currentSettings() {
  const set = {};
  for (const slider of $('parameters').querySelectorAll('input[type=range]')) {
    if (Number(slider.value) !== Number(slider.dataset.initial)) set[slider.dataset.path] = Number(slider.value);
  }
  const mechanisms = {};
  for (const box of $('mechanisms').querySelectorAll('input[type=checkbox]')) {
    if (String(box.checked) !== box.dataset.initial) mechanisms[box.dataset.name] = box.checked;
  }
  return { lesson: lesson.id, variant: $('variant').value, replicates: Number($('replicates').value), set, mechanisms };
}

// Puts settings (as currentSettings gives them) on screen: loads their lesson if another is shown,
// then moves the sliders and switches they name; the others go back to the lesson's values.
async function applySettings(settings) {
  if (!lesson || settings.lesson !== lesson.id) {
    $('lesson').value = settings.lesson;
    await loadLesson();
  }
  buildControls();
  if (settings.variant) $('variant').value = settings.variant;
  if (settings.replicates) $('replicates').value = settings.replicates;
  for (const slider of $('parameters').querySelectorAll('input[type=range]')) {
    if (slider.dataset.path in (settings.set || {})) {
      slider.value = settings.set[slider.dataset.path];
      slider.dispatchEvent(new Event('input'));
    }
  }
  for (const box of $('mechanisms').querySelectorAll('input[type=checkbox]')) {
    if (box.dataset.name in (settings.mechanisms || {})) {
      box.checked = settings.mechanisms[box.dataset.name];
      box.dispatchEvent(new Event('change'));
    }
  }
}

async function run() {
  const settings = currentSettings();
  $('run').disabled = true;
  status('running...');
  const started = performance.now();
  try {
    const result = await api('/api/run', settings);
    draw(result);
    emit('run', { settings, result, prediction: window.trackSim.prediction() });
    status(`${result.variant}: ${result.replicates} replicates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    status(e.message, true);
  } finally {
    $('run').disabled = false;
  }
}

function draw(result) {
  const markers = result.events.filter((e) => e.kind === 'scenario');
  $('charts').replaceChildren(...CHARTS.map((c) => chart(c, result.dates, result.series.filter((s) => s.metric === c.metric), markers)));
  $('log').replaceChildren(...result.log.map((line) => element('li', {}, line)));
}

// One line chart: a band (5th to 95th percentile) and a median line per subject, on a 0-1 axis.
function chart(spec, dates, series, markers) {
  const width = 900, height = 260, left = 48, right = 12, top = 10, bottom = 30;
  const box = element('div', { class: 'chart' });
  box.append(element('h3', {}, spec.title));
  const plot = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': spec.title });
  const first = Date.parse(dates[0]), last = Date.parse(dates[dates.length - 1]);
  const x = (date) => left + (width - left - right) * (Date.parse(date) - first) / Math.max(1, last - first);
  const y = (value) => top + (height - top - bottom) * (1 - value);
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    plot.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }));
    plot.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  const firstYear = new Date(first).getUTCFullYear(), lastYear = new Date(last).getUTCFullYear();
  const every = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let year = firstYear; year <= lastYear; year += every) {
    const at = x(`${year}-01-01`);
    if (at < left) continue;
    plot.append(svg('line', { class: 'axis', x1: at, x2: at, y1: height - bottom, y2: height - bottom + 5 }));
    plot.append(svg('text', { x: at, y: height - 8, 'text-anchor': 'middle' }, String(year)));
  }
  plot.append(svg('line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));
  series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    const upper = dates.map((d, t) => `${x(d).toFixed(1)},${y(s.p95[t]).toFixed(1)}`);
    const lower = dates.map((d, t) => `${x(d).toFixed(1)},${y(s.p05[t]).toFixed(1)}`).reverse();
    plot.append(svg('polygon', { points: upper.concat(lower).join(' '), fill: colour, 'fill-opacity': 0.15, stroke: 'none' }));
    plot.append(svg('polyline', { points: dates.map((d, t) => `${x(d).toFixed(1)},${y(s.median[t]).toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2.5 }));
    plot.append(svg('text', { x: width - right - 4, y: top + 16 + 18 * k, 'text-anchor': 'end', fill: colour }, s.subject));
  });
  for (const m of markers) {
    const at = x(m.date);
    // A wide transparent line takes the hover; its title is the tooltip.
    const hit = svg('line', { class: 'marker-hit', x1: at, x2: at, y1: top, y2: height - bottom });
    hit.append(svg('title', {}, `${m.date.slice(0, 7)}: ${m.label}`));
    plot.append(hit, svg('line', { class: 'marker', x1: at, x2: at, y1: top, y2: height - bottom }));
  }
  box.append(plot);
  return box;
}

document.addEventListener('DOMContentLoaded', () => {
  $('lesson').addEventListener('change', () => loadLesson().catch((e) => status(e.message, true)));
  $('run').addEventListener('click', run);
  $('reset').addEventListener('click', () => { buildControls(); status('settings reset'); });
  loadLessons().catch((e) => status(e.message, true));
});
