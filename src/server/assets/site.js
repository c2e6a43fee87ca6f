// Progressive enhancement for every page: search autocomplete (ARIA 1.2 combobox) and link highlighting in the overview.
(function () {
  'use strict';

  function autocomplete(form) {
    var input = form.querySelector('[role=combobox]');
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var lang = form.getAttribute('data-lang') || 'sv';
    var status = document.createElement('div');
    status.className = 'vh';
    status.setAttribute('role', 'status');
    form.appendChild(status);
    var items = [];
    var active = -1;
    var timer = 0;
    var seq = 0;

    var withLang = function (href) {
      return lang === 'en' ? href + (href.indexOf('?') < 0 ? '?' : '&') + 'lang=en' : href;
    };
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    }
    function render(results) {
      items = results;
      list.textContent = '';
      results.forEach(function (r, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        if (r.notation) {
          var no = document.createElement('span');
          no.className = 'no';
          no.textContent = r.notation;
          li.appendChild(no);
        }
        var label = document.createElement('span');
        label.className = 'opt-label';
        label.textContent = r.label;
        if (r.lang && r.lang !== lang) label.lang = r.lang;
        li.appendChild(label);
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = r.kind;
        li.appendChild(kind);
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          location.href = withLang(r.href);
        });
        list.appendChild(li);
      });
      active = -1;
      var open = results.length > 0;
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      status.textContent = lang === 'sv' ? results.length + ' förslag' : results.length + ' suggestions';
    }
    function lookup() {
      var q = input.value.trim();
      if (!q) return render([]);
      var mine = ++seq;
      fetch('/search?limit=8&lang=' + lang + '&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (mine === seq) render(data.results || []); })
        .catch(function () { /* the form still submits to the results page */ });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 120);
    });
    input.addEventListener('keydown', function (e) {
      var open = !list.hidden && items.length > 0;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (!open) { lookup(); return; }
        highlight((active + 1) % items.length);
      } else if (e.key === 'ArrowUp') {
        if (!open) return;
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter') {
        if (open && active >= 0) {
          e.preventDefault();
          location.href = withLang(items[active].href);
        }
      } else if (e.key === 'Escape') {
        if (open) { e.preventDefault(); close(); } else input.value = '';
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  function overview(svg) {
    var edges = svg.querySelectorAll('.edge');
    function on(id) {
      svg.classList.add('dim');
      var hot = {};
      hot[id] = true;
      edges.forEach(function (e) {
        var a = e.getAttribute('data-a'), b = e.getAttribute('data-b');
        var lit = a === id || b === id;
        e.classList.toggle('hot', lit);
        if (lit) { hot[a] = true; hot[b] = true; }
      });
      svg.querySelectorAll('.node').forEach(function (n) { n.classList.toggle('hot', !!hot[n.getAttribute('data-id')]); });
    }
    function off() { svg.classList.remove('dim'); }
    svg.querySelectorAll('.node').forEach(function (n) {
      var id = n.getAttribute('data-id');
      n.addEventListener('mouseenter', function () { on(id); });
      n.addEventListener('focus', function () { on(id); });
      n.addEventListener('mouseleave', off);
      n.addEventListener('blur', off);
    });
  }

  document.querySelectorAll('form.search').forEach(autocomplete);
  document.querySelectorAll('svg.overview').forEach(overview);
})();
