// The script of the report tracksim report writes: draws the charts from the JSON embedded in the
// page (#report-data) as SVG, with hover values, legend toggles and zoom, and makes the tables
// sortable and filterable. It fetches nothing and writes text only through textContent.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;
  var MARGIN = { left: 58, right: 14, top: 22, bottom: 30 };
  var LINE_WIDTH = 1.6;
  var REFERENCE_WIDTH = 2.8;

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var calendars = data.calendars.map(function (dates) {
    return { iso: dates, days: dates.map(toDay) };
  });

  // ---- small helpers ----

  function toDay(iso) {
    return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  }

  function toIso(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function html(name, className, parent, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // Four significant digits, as the tables show numbers; no exponent for ordinary values.
  function format(value) {
    if (value === null || value === undefined) { return '–'; }
    var rounded = Number(value.toPrecision(4));
    return Object.is(rounded, -0) ? '0' : String(rounded);
  }

  // The index of the date nearest to day in a sorted list of days.
  function nearest(days, day) {
    var low = 0, high = days.length - 1;
    while (high - low > 1) {
      var middle = (low + high) >> 1;
      if (days[middle] <= day) { low = middle; } else { high = middle; }
    }
    return Math.abs(days[high] - day) < Math.abs(days[low] - day) ? high : low;
  }

  // Ticks at 1, 2 or 5 times a power of ten, about count of them between low and high.
  function niceTicks(low, high, count) {
    var span = high - low;
    if (!(span > 0)) { return [low]; }
    var raw = span / Math.max(1, count);
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (f) { return f * power; }).find(function (s) { return s >= raw; });
    var ticks = [];
    for (var t = Math.ceil(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step) {
      ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
    }
    return ticks;
  }

  // Year ticks (every 1, 2, 5, 10... years) or, over short periods, month ticks.
  function timeTicks(from, to, count) {
    var first = new Date(from * DAY), last = new Date(to * DAY);
    var years = (to - from) / 365.25;
    var ticks = [];
    if (years >= 3) {
      var step = [1, 2, 5, 10, 20, 25, 50, 100].find(function (s) { return years / s <= count; }) || 100;
      for (var y = Math.ceil(first.getUTCFullYear() / step) * step; y <= last.getUTCFullYear(); y += step) {
        var d = Date.UTC(y, 0, 1) / DAY;
        if (d >= from && d <= to) { ticks.push({ day: d, label: String(y) }); }
      }
    } else {
      var months = Math.max(1, (to - from) / 30.44);
      var monthStep = [1, 2, 3, 6, 12].find(function (s) { return months / s <= count; }) || 12;
      var m = first.getUTCFullYear() * 12 + first.getUTCMonth();
      for (; ; m++) {
        var day = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY;
        if (day > to) { break; }
        if (day >= from && (m % 12) % monthStep === 0) {
          ticks.push({ day: day, label: toIso(day).slice(0, 7) });
        }
      }
    }
    return ticks;
  }

  // ---- charts ----

  function Chart(definition, index, container) {
    var chart = this;
    this.definition = definition;
    this.index = index;
    this.hidden = {};
    this.lines = [];
    definition.panels.forEach(function (panel) {
      panel.lines.forEach(function (line) {
        var series = data.series[line.series];
        line.data = series;
        line.calendar = calendars[series.calendar];
        line.from = line.start ? toDay(line.start) : -Infinity;
        chart.lines.push(line);
      });
    });
    var days = this.lines.map(function (l) { return l.calendar.days; });
    this.full = [
      Math.min.apply(null, days.map(function (d) { return d[0]; })),
      Math.max.apply(null, days.map(function (d) { return d[d.length - 1]; }))
    ];
    this.range = this.full.slice();

    var figure = html('figure', 'chart', container);
    figure.id = 'chart-' + definition.id;
    figure.setAttribute('aria-labelledby', figure.id + '-title');
    var title = html('h3', null, figure, definition.title);
    title.id = figure.id + '-title';
    html('p', 'caption', figure, (definition.line_is === 'median' ? 'Lines: medians'
      : definition.line_is === 'rolling_year' ? 'Lines: means over the runs, summed over the past 12 months' : 'Lines: means') +
      (definition.band ? '; shading: 5th to 95th percentile' : '') + '. ' + definition.y_label + '.');

    // The legend: one toggle per line label, in the order the lines come.
    var legend = html('ul', 'legend', figure);
    legend.setAttribute('aria-label', 'Lines of ' + definition.title + ' (click to hide or show)');
    var seen = {};
    this.lines.forEach(function (line) {
      if (seen[line.label]) { return; }
      seen[line.label] = true;
      var item = html('li', null, legend);
      var button = html('button', null, item);
      button.type = 'button';
      button.setAttribute('aria-pressed', 'true');
      button.dataset.label = line.label;
      var swatch = element('svg', { width: 26, height: 10, 'aria-hidden': 'true' }, button);
      element('line', {
        x1: 1, y1: 5, x2: 25, y2: 5, stroke: line.color,
        'stroke-width': line.reference ? REFERENCE_WIDTH : LINE_WIDTH,
        'stroke-dasharray': dashOf(line, 1)
      }, swatch);
      html('span', null, button, line.label);
      button.addEventListener('click', function () {
        var hide = !chart.hidden[line.label];
        chart.hidden[line.label] = hide;
        button.setAttribute('aria-pressed', hide ? 'false' : 'true');
        chart.render();
      });
    });

    // The period shown: two dates and a reset; dragging across a panel sets them too.
    var zoom = html('div', 'zoom', figure);
    this.fromInput = dateInput(zoom, 'From', this.full, this.full[0]);
    this.toInput = dateInput(zoom, 'to', this.full, this.full[1]);
    var reset = html('button', null, zoom, 'Reset');
    reset.type = 'button';
    reset.setAttribute('aria-label', 'Show the whole period of ' + definition.title);
    reset.addEventListener('click', function () { chart.zoom(chart.full[0], chart.full[1]); });
    [this.fromInput, this.toInput].forEach(function (input) {
      input.addEventListener('change', function () {
        var from = input === chart.fromInput && input.value ? toDay(input.value) : chart.range[0];
        var to = input === chart.toInput && input.value ? toDay(input.value) : chart.range[1];
        if (from < to) { chart.zoom(from, to); }
      });
    });

    this.holder = html('div', 'panels', figure);
    this.tooltip = html('div', 'tooltip', this.holder);
    this.tooltip.hidden = true;
    this.tooltip.setAttribute('role', 'status');
    this.panels = definition.panels.map(function (panel, p) { return new Panel(chart, panel, p); });
    this.render();
  }

  function dateInput(parent, text, full, day) {
    var label = html('label', null, parent, text + ' ');
    var input = html('input', null, label);
    input.type = 'date';
    input.min = toIso(full[0]);
    input.max = toIso(full[1]);
    input.value = toIso(day);
    return input;
  }

  function dashOf(line, scale) {
    var width = (line.reference ? REFERENCE_WIDTH : LINE_WIDTH) * scale;
    return line.dash.length ? line.dash.map(function (d) { return (d * width).toFixed(2); }).join(' ') : 'none';
  }

  Chart.prototype.zoom = function (from, to) {
    this.range = [Math.max(this.full[0], from), Math.min(this.full[1], to)];
    if (!(this.range[0] < this.range[1])) { this.range = this.full.slice(); }
    this.fromInput.value = toIso(this.range[0]);
    this.toInput.value = toIso(this.range[1]);
    this.render();
  };

  Chart.prototype.visible = function (line) { return !this.hidden[line.label]; };

  Chart.prototype.render = function () {
    var width = Math.max(320, Math.round(this.holder.clientWidth || 800));
    var height = this.panels.length === 1 ? 300 : 200;
    this.panels.forEach(function (panel) { panel.render(width, height); });
  };

  // Shows the values at day in every panel's cursor, and the tooltip for the panel pointed at.
  Chart.prototype.hover = function (source, day) {
    this.panels.forEach(function (panel) { panel.cursorAt(day); });
    var tip = this.tooltip;
    tip.textContent = '';
    var rows = source.valuesAt(day);
    if (!rows) { tip.hidden = true; return; }
    html('div', 'date', tip, rows.date + (source.definition.header ? ' · ' + source.definition.header : ''));
    rows.lines.forEach(function (row) {
      var div = html('div', 'value', tip);
      var swatch = html('span', 'swatch', div);
      swatch.style.background = row.color;
      html('span', null, div, row.label + ': ' + format(row.value) +
        (row.low !== undefined ? ' (5–95%: ' + format(row.low) + ' to ' + format(row.high) + ')' : ''));
    });
    if (rows.events.length) {
      html('div', 'events', tip, rows.events.map(function (e) { return e.label + ' (' + e.date + ')'; }).join('; '));
    }
    tip.hidden = false;
    var box = this.holder.getBoundingClientRect();
    var svgBox = source.svg.getBoundingClientRect();
    var x = source.xPixel(day) * svgBox.width / source.width + svgBox.left - box.left;
    var left = x + 14;
    if (left + tip.offsetWidth > box.width) { left = Math.max(0, x - 14 - tip.offsetWidth); }
    tip.style.left = left + 'px';
    tip.style.top = (svgBox.top - box.top + 8) + 'px';
  };

  Chart.prototype.leave = function () {
    this.panels.forEach(function (panel) { panel.cursorAt(null); });
    this.tooltip.hidden = true;
  };

  function Panel(chart, definition, index) {
    var panel = this;
    this.chart = chart;
    this.definition = definition;
    this.id = 'c' + chart.index + 'p' + index;
    this.svg = element('svg', { class: 'panel', tabindex: '0', role: 'img' }, chart.holder);
    this.svg.setAttribute('aria-label', chart.definition.title + (definition.header ? ', ' + definition.header : '') +
      ': ' + definition.lines.map(function (l) { return l.label; }).join(', ') +
      '. Arrow keys move through the dates; their values are shown.');
    this.cursorDay = null;
    this.drag = null;

    this.svg.addEventListener('pointermove', function (event) {
      var day = panel.dayAt(event);
      if (panel.drag) {
        panel.drag.to = day;
        panel.drawSelection();
      }
      if (day !== null) { chart.hover(panel, day); } else if (!panel.drag) { chart.leave(); }
    });
    this.svg.addEventListener('pointerleave', function () { if (!panel.drag) { chart.leave(); } });
    this.svg.addEventListener('pointerdown', function (event) {
      var day = panel.dayAt(event);
      if (day === null || event.button !== 0) { return; }
      panel.drag = { from: day, to: day };
      panel.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener('pointerup', function (event) {
      if (!panel.drag) { return; }
      var drag = panel.drag;
      panel.drag = null;
      panel.svg.releasePointerCapture(event.pointerId);
      panel.drawSelection();
      // A drag of a few pixels is a click, not a period.
      if (Math.abs(panel.xPixel(drag.to) - panel.xPixel(drag.from)) > 5) {
        chart.zoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
      }
    });
    this.svg.addEventListener('dblclick', function () { chart.zoom(chart.full[0], chart.full[1]); });
    this.svg.addEventListener('keydown', function (event) {
      var days = panel.stepDays();
      if (!days.length) { return; }
      var i = panel.cursorDay === null ? -1 : nearest(days, panel.cursorDay);
      if (event.key === 'ArrowRight') { i = Math.min(days.length - 1, i + 1); }
      else if (event.key === 'ArrowLeft') { i = i < 0 ? days.length - 1 : Math.max(0, i - 1); }
      else if (event.key === 'Home') { i = 0; }
      else if (event.key === 'End') { i = days.length - 1; }
      else if (event.key === 'Escape') { chart.leave(); return; }
      else { return; }
      event.preventDefault();
      chart.hover(panel, days[i]);
    });
    this.svg.addEventListener('blur', function () { chart.leave(); });
  }

  // The dates of the first visible line within the period shown (those the arrow keys step through).
  Panel.prototype.stepDays = function () {
    var chart = this.chart;
    var line = this.definition.lines.find(function (l) { return chart.visible(l); }) || this.definition.lines[0];
    return line.calendar.days.filter(function (d) { return d >= chart.range[0] && d <= chart.range[1]; });
  };

  Panel.prototype.xPixel = function (day) {
    var r = this.chart.range;
    return MARGIN.left + (day - r[0]) / (r[1] - r[0]) * (this.width - MARGIN.left - MARGIN.right);
  };

  Panel.prototype.yPixel = function (value) {
    return this.height - MARGIN.bottom - (value - this.y[0]) / (this.y[1] - this.y[0]) * (this.height - MARGIN.top - MARGIN.bottom);
  };

  // The day under the pointer, or null outside the plot area.
  Panel.prototype.dayAt = function (event) {
    var box = this.svg.getBoundingClientRect();
    var x = (event.clientX - box.left) * this.width / box.width;
    if (x < MARGIN.left - 2 || x > this.width - MARGIN.right + 2) { return null; }
    var r = this.chart.range;
    var t = Math.min(1, Math.max(0, (x - MARGIN.left) / (this.width - MARGIN.left - MARGIN.right)));
    return r[0] + t * (r[1] - r[0]);
  };

  // The value range of the visible lines in the period shown, within the metric's bounds.
  Panel.prototype.valueRange = function () {
    var chart = this.chart, d = chart.definition;
    var low = Infinity, high = -Infinity;
    this.definition.lines.forEach(function (line) {
      if (!chart.visible(line)) { return; }
      var s = line.data, days = line.calendar.days;
      var lows = d.band ? s.p05 : s.line, highs = d.band ? s.p95 : s.line;
      for (var i = 0; i < days.length; i++) {
        if (days[i] < line.from || days[i] < chart.range[0] || days[i] > chart.range[1]) { continue; }
        if (lows[i] !== null) { low = Math.min(low, lows[i]); }
        if (highs[i] !== null) { high = Math.max(high, highs[i]); }
      }
    });
    var floor = d.floor, ceiling = d.ceiling === null ? Infinity : d.ceiling;
    if (!isFinite(low)) { return [floor, isFinite(ceiling) ? ceiling : 1]; }
    // Shares of runs, and unit-range metrics spanning most of their range, show all of it (as the PNG charts do).
    if (!d.band || (ceiling === 1 && high - low > 0.5)) { return [floor, isFinite(ceiling) ? ceiling : high]; }
    var pad = high > low ? (high - low) * 0.06 : Math.max(Math.abs(high) * 0.05, 0.01);
    return [Math.max(floor, low - pad), Math.min(ceiling, high + pad)];
  };

  Panel.prototype.render = function (width, height) {
    var chart = this.chart, d = chart.definition, panel = this;
    this.width = width;
    this.height = height;
    this.y = this.valueRange();
    var svg = this.svg;
    svg.textContent = '';
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var left = MARGIN.left, right = width - MARGIN.right, top = MARGIN.top, bottom = height - MARGIN.bottom;

    var clip = element('clipPath', { id: this.id + '-clip' }, element('defs', {}, svg));
    element('rect', { x: left, y: top - 1, width: right - left, height: bottom - top + 2 }, clip);

    if (this.definition.header) {
      element('text', { x: left, y: 14, class: 'header' }, svg).textContent = this.definition.header;
    }

    var grid = element('g', { class: 'grid' }, svg);
    var axis = element('g', { class: 'axis' }, svg);
    niceTicks(this.y[0], this.y[1], Math.max(3, Math.round((bottom - top) / 45))).forEach(function (t) {
      var y = panel.yPixel(t);
      element('line', { x1: left, x2: right, y1: y, y2: y }, grid);
      element('line', { x1: left - 4, x2: left, y1: y, y2: y }, axis);
      var label = element('text', { x: left - 7, y: y + 4, 'text-anchor': 'end' }, axis);
      label.textContent = format(t);
    });
    timeTicks(chart.range[0], chart.range[1], Math.max(2, Math.floor((right - left) / 70))).forEach(function (t) {
      var x = panel.xPixel(t.day);
      element('line', { x1: x, x2: x, y1: bottom, y2: bottom + 4 }, axis);
      element('text', { x: x, y: bottom + 17, 'text-anchor': 'middle' }, axis).textContent = t.label;
    });
    element('path', { d: 'M' + left + ' ' + top + 'V' + bottom + 'H' + right }, axis);

    var plot = element('g', { 'clip-path': 'url(#' + this.id + '-clip)' }, svg);

    // Events as on the PNG charts: spans shaded, single days as lines (solid hostile, dashed cooperative, dotted other).
    data.events.forEach(function (e) {
      var from = toDay(e.date), to = e.end ? toDay(e.end) : from;
      if (to < chart.range[0] || from > chart.range[1]) { return; }
      var tip = e.label + ' (' + e.date + (e.end && to > from ? ' to ' + e.end : '') + '; ' + e.kind.replace(/_/g, ' ') + ', ' + e.valence + ')';
      if (to > from) {
        var span = element('rect', { class: 'span', x: panel.xPixel(from), y: top, width: Math.max(1, panel.xPixel(to) - panel.xPixel(from)), height: bottom - top }, plot);
        element('title', {}, span).textContent = tip;
      } else {
        var x = panel.xPixel(from);
        var group = element('g', { class: 'event-mark', 'data-event': e.id }, plot);
        element('line', {
          class: 'event', x1: x, x2: x, y1: top, y2: bottom,
          'stroke-dasharray': e.valence === 'hostile' ? 'none' : e.valence === 'cooperative' ? '4 3' : '1 2.5'
        }, group);
        element('line', { class: 'event-hit', x1: x, x2: x, y1: top, y2: bottom }, group);
        element('title', {}, group).textContent = tip;
      }
    });

    var visible = this.definition.lines.filter(function (l) { return chart.visible(l); });
    var alpha = visible.length === 1 ? 0.22 : visible.length === 2 ? 0.17 : 0.12;
    if (d.band) {
      visible.forEach(function (line) {
        var path = bandPath(panel, line);
        if (path) { element('path', { d: path, fill: line.color, 'fill-opacity': alpha, stroke: 'none', class: 'band' }, plot); }
      });
    }
    // The reference (the base of a comparison) first and wider, so it shows around variants on top of it.
    visible.slice().sort(function (a, b) { return (b.reference ? 1 : 0) - (a.reference ? 1 : 0); }).forEach(function (line) {
      var path = linePath(panel, line, line.data.line);
      if (path) {
        element('path', {
          d: path, fill: 'none', stroke: line.color, 'stroke-width': line.reference ? REFERENCE_WIDTH : LINE_WIDTH,
          'stroke-dasharray': dashOf(line, 1), 'stroke-linejoin': 'round', class: 'line', 'data-label': line.label
        }, plot);
      }
    });

    this.cursor = element('line', { class: 'cursor', y1: top, y2: bottom, visibility: 'hidden' }, svg);
    this.selection = element('rect', { class: 'selection', y: top, height: bottom - top, visibility: 'hidden' }, svg);
    this.cursorAt(this.cursorDay);
  };

  function points(panel, line, values) {
    var chart = panel.chart, days = line.calendar.days, runs = [], run = [];
    for (var i = 0; i < days.length; i++) {
      var inView = days[i] >= line.from && days[i] >= chart.range[0] - 62 && days[i] <= chart.range[1] + 62;
      if (inView && values[i] !== null) {
        run.push(i);
      } else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) { runs.push(run); }
    return runs;
  }

  function linePath(panel, line, values) {
    return points(panel, line, values).map(function (run) {
      return run.map(function (i, k) {
        return (k ? 'L' : 'M') + panel.xPixel(line.calendar.days[i]).toFixed(1) + ' ' + panel.yPixel(values[i]).toFixed(1);
      }).join('');
    }).join('');
  }

  function bandPath(panel, line) {
    var s = line.data, both = s.p05.map(function (v, i) { return v === null || s.p95[i] === null ? null : v; });
    return points(panel, line, both).map(function (run) {
      var upper = run.map(function (i, k) {
        return (k ? 'L' : 'M') + panel.xPixel(line.calendar.days[i]).toFixed(1) + ' ' + panel.yPixel(s.p95[i]).toFixed(1);
      }).join('');
      var lower = run.slice().reverse().map(function (i) {
        return 'L' + panel.xPixel(line.calendar.days[i]).toFixed(1) + ' ' + panel.yPixel(s.p05[i]).toFixed(1);
      }).join('');
      return upper + lower + 'Z';
    }).join('');
  }

  // The date and values of the visible lines nearest to day, and the events since the previous date.
  Panel.prototype.valuesAt = function (day) {
    var chart = this.chart, d = chart.definition, rows = [], date = null, snapped = day, previous = -Infinity;
    this.definition.lines.forEach(function (line) {
      if (!chart.visible(line)) { return; }
      var i = nearest(line.calendar.days, day);
      if (date === null) {
        date = line.calendar.iso[i];
        snapped = line.calendar.days[i];
        previous = i > 0 ? line.calendar.days[i - 1] : -Infinity;
      }
      if (line.calendar.days[i] < line.from) { return; }
      var row = { label: line.label, color: line.color, value: line.data.line[i] };
      if (d.band) {
        row.low = line.data.p05[i];
        row.high = line.data.p95[i];
      }
      rows.push(row);
    });
    if (date === null) { return null; }
    var events = data.events.filter(function (e) {
      var from = toDay(e.date), to = e.end ? toDay(e.end) : from;
      return from <= snapped && to > previous;
    });
    return { date: date, day: snapped, lines: rows, events: events };
  };

  Panel.prototype.cursorAt = function (day) {
    this.cursorDay = day;
    if (!this.cursor) { return; }
    if (day === null) {
      this.cursor.setAttribute('visibility', 'hidden');
      return;
    }
    var values = this.valuesAt(day);
    var x = this.xPixel(values ? values.day : day);
    this.cursor.setAttribute('x1', x);
    this.cursor.setAttribute('x2', x);
    this.cursor.setAttribute('visibility', 'visible');
  };

  Panel.prototype.drawSelection = function () {
    if (!this.drag) {
      this.selection.setAttribute('visibility', 'hidden');
      return;
    }
    var a = this.xPixel(this.drag.from), b = this.xPixel(this.drag.to);
    this.selection.setAttribute('x', Math.min(a, b));
    this.selection.setAttribute('width', Math.abs(b - a));
    this.selection.setAttribute('visibility', 'visible');
  };

  // ---- tables ----

  function sortable(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = html('button', 'sort');
      button.type = 'button';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var numeric = th.dataset.type === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          if (!numeric) { return cell.textContent; }
          var value = parseFloat(cell.dataset.value);
          return isNaN(value) ? null : value;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          // Empty cells go last whichever way the column is sorted.
          if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }
          var order = numeric ? x - y : x.localeCompare(y, 'en', { numeric: true });
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterable(input) {
    var table = document.getElementById(input.dataset.filter);
    var count = document.querySelector('[data-count="' + input.dataset.filter + '"]');
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var update = function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) { shown++; }
      });
      count.textContent = shown + ' of ' + rows.length + ' rows';
    };
    input.addEventListener('input', update);
    update();
  }

  // ---- start ----

  var list = document.getElementById('chart-list');
  var charts = data.charts.map(function (definition, i) { return new Chart(definition, i, list); });
  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { charts.forEach(function (c) { c.render(); }); }, 150);
  });
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), sortable);
  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), filterable);
}());
