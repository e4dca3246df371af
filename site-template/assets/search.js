/*
 * SiteGen search UI (plain ES2017, no build step). See SEARCH.md §2.
 * - Loads lunr.min.js, search/index.json and search/documents.json lazily, on the first focus or open.
 * - Never passes raw input to idx.search(): queries are built with idx.query() so typed syntax cannot throw.
 * - Builds all result DOM with textContent; data never goes through innerHTML.
 */
(function () {
  'use strict';

  var EXACT_FIELDS = ['title', 'aliases', 'tags', 'headings', 'body'];
  var PREFIX_FIELDS = ['titleRaw', 'body'];
  var MAX_TOKENS = 8;
  var MIN_PREFIX = 2;
  var MIN_FUZZY = 5;
  var DEBOUNCE_MS = 120;
  var MODAL_LIMIT = 20;
  var PAGE_LIMIT = 100;

  var root = document.documentElement;
  var basePath = (root.dataset && root.dataset.basePath) || '/';
  if (basePath.charAt(basePath.length - 1) !== '/') basePath += '/';

  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.lunr) { resolve(); return; }
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('Could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  /** Loads everything once; later calls share the same promise. */
  function load() {
    if (!loading) {
      loading = Promise.all([
        loadScript(basePath + 'assets/lunr.min.js'),
        fetchJson(basePath + 'search/index.json'),
        fetchJson(basePath + 'search/documents.json')
      ]).then(function (parts) {
        return { idx: window.lunr.Index.load(parts[1]), docs: parts[2] };
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // The same ASCII trimmer as the index (lunr.trimmer): strip non-[A-Za-z0-9_] at both ends.
  function trim(t) { return t.replace(/^\W+/, '').replace(/\W+$/, ''); }

  /** Lowercase, tokenize like the index, trim, drop empty and stop words, remove '*', cap the count. */
  function queryTokens(raw) {
    var lunr = window.lunr;
    var out = [];
    var tokens = lunr.tokenizer(String(raw).toLowerCase());
    for (var i = 0; i < tokens.length && out.length < MAX_TOKENS; i++) {
      var t = trim(tokens[i].toString()).replace(/\*/g, '');
      t = trim(t);
      if (!t) continue;
      if (!lunr.stopWordFilter(new lunr.Token(t))) continue;
      out.push(t);
    }
    // Is the last word still being typed? (No trailing separator in the raw input.)
    var partial = out.length > 0 && !/[\s\-]$/.test(raw);
    return { tokens: out, partial: partial };
  }

  function runQuery(idx, q, mode) {
    var lunr = window.lunr;
    return idx.query(function (query) {
      q.tokens.forEach(function (t, i) {
        var last = i === q.tokens.length - 1;
        var required = mode === 'and' && !(last && q.partial);
        query.term(t, {
          fields: EXACT_FIELDS,
          boost: 10,
          presence: required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL
        });
        if (last && q.partial && t.length >= MIN_PREFIX) {
          query.term(t, { fields: PREFIX_FIELDS, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }
        if (mode === 'fuzzy' && t.length >= MIN_FUZZY) {
          query.term(t, { fields: EXACT_FIELDS, editDistance: 1 });
        }
      });
    });
  }

  /** AND first; then OR; then fuzzy. Never throws. */
  function search(data, raw) {
    var q = queryTokens(raw);
    if (q.tokens.length === 0) return [];
    var modes = q.tokens.length > 1 ? ['and', 'or', 'fuzzy'] : ['or', 'fuzzy'];
    for (var i = 0; i < modes.length; i++) {
      try {
        var hits = runQuery(data.idx, q, modes[i]);
        if (hits.length > 0) return hits;
      } catch (e) {
        // Defensive: the query API should not throw, but a search box must never break the page.
        if (window.console) console.warn('search:', e);
      }
    }
    return [];
  }

  // ---- rendering -------------------------------------------------------------------------------

  function matchedTerms(hit) {
    var set = Object.create(null);
    var meta = (hit.matchData && hit.matchData.metadata) || {};
    Object.keys(meta).forEach(function (term) { set[term] = true; });
    return set;
  }

  /** Appends text to el, wrapping words whose stem (or raw form) matched in <mark>. */
  function appendHighlighted(el, text, terms) {
    var lunr = window.lunr;
    var parts = String(text).split(/([\s\-]+)/);
    var buffer = '';
    function flush() { if (buffer) { el.appendChild(document.createTextNode(buffer)); buffer = ''; } }
    parts.forEach(function (part) {
      var word = trim(part.toLowerCase());
      var hit = false;
      if (word && !/[\s\-]/.test(part)) {
        hit = terms[word] === true || terms[lunr.stemmer(new lunr.Token(word)).toString()] === true;
      }
      if (hit) {
        flush();
        var mark = document.createElement('mark');
        mark.textContent = part;
        el.appendChild(mark);
      } else {
        buffer += part;
      }
    });
    flush();
  }

  function message(list, text) {
    list.textContent = '';
    var li = document.createElement('li');
    li.className = 'search-message';
    li.textContent = text;
    list.appendChild(li);
  }

  function render(ui, data, hits, raw) {
    var list = ui.results;
    list.textContent = '';
    ui.active = -1;
    if (!raw.trim()) return;
    if (hits.length === 0) { message(list, 'No results for “' + raw.trim() + '”'); return; }
    hits.slice(0, ui.limit).forEach(function (hit, i) {
      var doc = data.docs[Number(hit.ref)];
      if (!doc) return;
      var terms = matchedTerms(hit);
      var li = document.createElement('li');
      li.className = 'search-result';
      li.id = ui.idPrefix + i;
      var a = document.createElement('a');
      a.href = doc.url;
      a.className = 'search-result-title';
      appendHighlighted(a, doc.title, terms);
      li.appendChild(a);
      if (doc.tags && doc.tags.length) {
        var tags = document.createElement('span');
        tags.className = 'search-result-tags';
        doc.tags.forEach(function (t) {
          var tag = document.createElement('span');
          tag.className = 'tag';
          tag.textContent = '#' + t;
          tags.appendChild(tag);
        });
        li.appendChild(tags);
      }
      if (doc.excerpt) {
        var p = document.createElement('p');
        p.className = 'search-result-excerpt';
        appendHighlighted(p, doc.excerpt, terms);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function setActive(ui, index) {
    var items = ui.results.querySelectorAll('.search-result');
    if (items.length === 0) return;
    if (index < 0) index = items.length - 1;
    if (index >= items.length) index = 0;
    for (var i = 0; i < items.length; i++) items[i].classList.toggle('active', i === index);
    ui.active = index;
    ui.input.setAttribute('aria-activedescendant', items[index].id);
    if (items[index].scrollIntoView) items[index].scrollIntoView({ block: 'nearest' });
  }

  // ---- wiring ----------------------------------------------------------------------------------

  function resultsFor(input) {
    for (var el = input.parentElement; el; el = el.parentElement) {
      var r = el.querySelector('[data-search-results]');
      if (r) return r;
    }
    return null;
  }

  var isSearchPage = !!document.querySelector('[data-search-page]') || /\/search\/?$/.test(location.pathname);
  var counter = 0;

  function attach(input) {
    var results = resultsFor(input);
    if (!results) return null;
    var inModal = !!input.closest('[data-search-modal]');
    var ui = {
      input: input,
      results: results,
      active: -1,
      limit: inModal ? MODAL_LIMIT : PAGE_LIMIT,
      idPrefix: 'search-result-' + (counter++) + '-',
      updatesUrl: !inModal && isSearchPage
    };
    // A plain list of links, not a listbox: options may not hold links (axe: nested-interactive). The arrow keys in
    // the input still mark a result (aria-activedescendant) for Enter, and Tab reaches every link.
    if (!results.hasAttribute('aria-label')) results.setAttribute('aria-label', 'Search results');
    var timer = 0;
    var seq = 0;

    function update() {
      var raw = input.value;
      var mine = ++seq;
      if (ui.updatesUrl && window.history && history.replaceState) {
        var url = new URL(location.href);
        if (raw) url.searchParams.set('q', raw); else url.searchParams.delete('q');
        history.replaceState(history.state, '', url.toString());
      }
      if (!raw.trim()) { results.textContent = ''; return; }
      load().then(function (data) {
        if (mine !== seq) return;
        render(ui, data, search(data, raw), raw);
      }, function (e) {
        message(results, 'Search is unavailable: ' + (e && e.message ? e.message : e));
      });
    }

    input.addEventListener('focus', function () { load().catch(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); setActive(ui, ui.active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(ui, ui.active - 1); }
      else if (e.key === 'Enter') {
        var items = results.querySelectorAll('.search-result a');
        var target = items[ui.active >= 0 ? ui.active : 0];
        if (target && (ui.active >= 0 || inModal)) { e.preventDefault(); location.href = target.href; }
        else if (!inModal) { e.preventDefault(); clearTimeout(timer); update(); }
      }
    });
    var form = input.form;
    if (form) form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); update(); });
    ui.update = update;
    return ui;
  }

  var modal = document.querySelector('[data-search-modal]');
  var lastFocus = null;

  function modalInput() { return modal ? modal.querySelector('[data-search-input]') : null; }

  function isOpen() {
    if (!modal) return false;
    return modal.tagName === 'DIALOG' ? modal.open : !modal.hidden;
  }

  function openModal() {
    if (!modal) {
      // No modal on this page: use an inline search box if there is one.
      var inline = document.querySelector('[data-search-input]');
      if (inline) inline.focus();
      return;
    }
    if (isOpen()) return;
    lastFocus = document.activeElement;
    if (modal.tagName === 'DIALOG' && modal.showModal) modal.showModal(); else modal.hidden = false;
    modal.classList.add('open');
    var input = modalInput();
    if (input) { input.focus(); input.select(); }
    load().catch(function () {});
  }

  function closeModal() {
    if (!isOpen()) return;
    if (modal.tagName === 'DIALOG' && modal.close) modal.close(); else modal.hidden = true;
    modal.classList.remove('open');
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }

  function isEditable(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function init() {
    var uis = [];
    var inputs = document.querySelectorAll('[data-search-input]');
    for (var i = 0; i < inputs.length; i++) {
      var ui = attach(inputs[i]);
      if (ui) uis.push(ui);
    }

    var openers = document.querySelectorAll('[data-search-open]');
    for (var j = 0; j < openers.length; j++) {
      openers[j].addEventListener('click', function (e) { e.preventDefault(); openModal(); });
    }

    document.addEventListener('keydown', function (e) {
      var key = e.key;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'k' || key === 'K')) {
        e.preventDefault();
        if (isOpen()) closeModal(); else openModal();
      } else if (key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(document.activeElement)) {
        e.preventDefault();
        openModal();
      } else if (key === 'Escape' && isOpen()) {
        e.preventDefault();
        closeModal();
      }
    });

    if (modal) {
      modal.addEventListener('click', function (e) { if (e.target === modal) closeModal(); });
      if (modal.tagName === 'DIALOG') modal.addEventListener('close', function () { modal.classList.remove('open'); });
    }

    // On /search/?q=…, show the results in place.
    var q = new URLSearchParams(location.search).get('q');
    if (q) {
      uis.forEach(function (ui) {
        if (ui.updatesUrl) { ui.input.value = q; ui.update(); }
      });
    }
  }

  // Exposed for tests and for themes that want their own UI.
  window.SiteGenSearch = { load: load, search: search, queryTokens: queryTokens, open: openModal, close: closeModal };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
