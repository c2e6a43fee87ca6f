// The query UI: starts the SPARQL editor on our own endpoint (nothing is fetched from elsewhere), loads the
// example questions, and adds a small bar-chart view for results that pair labels with numbers.
(function () {
  'use strict';
  var root = document.getElementById('yasgui');
  var data = JSON.parse(document.getElementById('query-data').textContent);
  var lang = data.lang;
  var T = lang === 'sv'
    ? { chart: 'Diagram', bars: 'Stapeldiagram över ', rows: ' rader' }
    : { chart: 'Chart', bars: 'Bar chart of ', rows: ' rows' };
  if (!root || typeof Yasgui === 'undefined') return;

  var NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger|unsignedInt)$/;
  var SVG = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#0b4f6c', '#e07a1f', '#4c9f38'];

  function numericVars(vars, rows) {
    return vars.filter(function (v) {
      // Only typed numbers (COUNT gives xsd:integer): codes such as SDG notations "13" are labels, not quantities.
      return rows.every(function (r) { return r[v] && NUMERIC.test(r[v].datatype || ''); });
    });
  }
  function short(b) {
    if (!b) return '';
    if (b.type === 'uri') return b.value.replace(/^.*[/#]/, '');
    return b.value.length > 48 ? b.value.slice(0, 47) + '…' : b.value;
  }
  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A Yasr plugin: horizontal grouped bars, one group per row, one bar per numeric column (up to three). */
  function Chart(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = T.chart;
  }
  Chart.prototype.shape = function () {
    var r = this.yasr.results;
    if (!r || !r.getVariables || r.getBoolean() !== undefined) return null;
    var vars = r.getVariables();
    var rows = r.getBindings() || [];
    if (rows.length === 0 || rows.length > 120 || vars.length < 2) return null;
    var nums = numericVars(vars, rows).slice(0, 3);
    var labels = vars.filter(function (v) { return nums.indexOf(v) < 0; });
    return nums.length && labels.length ? { rows: rows, nums: nums, labels: labels } : null;
  };
  Chart.prototype.canHandleResults = function () { return this.shape() !== null; };
  Chart.prototype.getIcon = function () {
    var s = el('svg', { viewBox: '0 0 16 16', width: '16', height: '16', 'aria-hidden': 'true' });
    [[1, 9, 3, 6], [6, 4, 3, 11], [11, 7, 3, 8]].forEach(function (b) { s.appendChild(el('rect', { x: b[0], y: b[1], width: b[2], height: b[3], fill: 'currentColor' })); });
    return s;
  };
  Chart.prototype.draw = function () {
    var shape = this.shape();
    var box = document.createElement('div');
    box.className = 'chart';
    this.yasr.resultsEl.appendChild(box);
    if (!shape) return;
    var max = 0;
    shape.rows.forEach(function (r) { shape.nums.forEach(function (v) { max = Math.max(max, Number(r[v].value)); }); });
    var bar = 14, gap = 10, left = 300, width = 900, plot = width - left - 50;
    var group = bar * shape.nums.length + gap;
    var height = 30 + shape.rows.length * group;
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': T.bars + shape.nums.join(', ') + ' (' + shape.rows.length + T.rows + ')' });
    shape.nums.forEach(function (v, i) {
      svg.appendChild(el('rect', { x: left + i * 150, y: 4, width: 12, height: 12, fill: COLOURS[i] }));
      svg.appendChild(el('text', { x: left + i * 150 + 18, y: 14, class: 'bar-label' }, v));
    });
    shape.rows.forEach(function (r, i) {
      var y = 26 + i * group;
      var label = shape.labels.map(function (v) { return short(r[v]); }).filter(function (x, k, all) { return x && all.indexOf(x) === k; }).join(' · ');
      svg.appendChild(el('text', { x: left - 8, y: y + (group - gap) / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, label.length > 52 ? label.slice(0, 51) + '…' : label));
      shape.nums.forEach(function (v, j) {
        var value = Number(r[v].value);
        var w = max > 0 ? Math.max(1, (plot * value) / max) : 1;
        var rect = el('rect', { x: left, y: y + j * bar, width: w.toFixed(1), height: bar - 2, fill: COLOURS[j], rx: 2 });
        rect.appendChild(el('title', {}, label + ' – ' + v + ': ' + value));
        svg.appendChild(rect);
        svg.appendChild(el('text', { x: left + w + 5, y: y + j * bar + bar - 4, class: 'bar-value' }, String(value)));
      });
    });
    box.appendChild(svg);
  };
  Yasgui.Yasr.registerPlugin('chart', Chart);

  var endpoint = new URL('/sparql', location.href).href;
  var yasgui = new Yasgui(root, {
    autofocus: false,
    persistenceId: null,
    populateFromUrl: false,
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: 'POST' },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    // Only completers that work offline: no LOV look-ups for classes and properties, bundled prefixes.
    yasqe: { persistenceId: null, autocompleters: ['prefixes', 'variables'], prefixCcApi: null, resizeable: true, editorHeight: '340px' },
    yasr: { persistenceId: null, pluginOrder: ['table', 'chart', 'response'], defaultPlugin: 'table' },
  });
  // The table starts in "simple view": plain values, without <…> and ^^datatype decoration.
  var tab0 = yasgui.getTab();
  var yasr0 = tab0 && tab0.getYasr && tab0.getYasr();
  if (yasr0 && yasr0.config.plugins.table) yasr0.config.plugins.table.dynamicConfig = Object.assign({}, yasr0.config.plugins.table.dynamicConfig, { compact: true });
  var fallback = document.getElementById('query-fallback');
  if (fallback) fallback.remove();

  var heading = document.getElementById('current-question');
  var links = document.querySelectorAll('[data-example]');
  function choose(name, run) {
    var ex = data.examples.filter(function (e) { return e.name === name; })[0];
    if (!ex) return;
    var tab = yasgui.getTab();
    tab.setQuery(ex.query);
    heading.textContent = ex.question;
    heading.lang = ex.questionLang;
    links.forEach(function (a) {
      if (a.getAttribute('data-example') === name) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
    if (run) tab.query();
  }
  links.forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var name = a.getAttribute('data-example');
      choose(name, true);
      history.replaceState(null, '', '/sparql?example=' + encodeURIComponent(name) + (lang === 'en' ? '&lang=en' : ''));
      heading.scrollIntoView({ block: 'nearest' });
    });
  });
  choose(data.selected, false);
})();
