// Search-as-you-type over the lunr 2.3.9 index that SiteGen builds (search/index.json).
// lunr.js and the index load on first use, never on page load. Queries are built with idx.query,
// so typed characters such as : ~ ^ + - * are terms, never query syntax, and cannot throw.
(function () {
  "use strict";
  var base = document.documentElement.dataset.basePath || "/";
  var FIELDS = ["title", "aliases", "tags", "headings", "body"];
  var state = null; // Promise of { idx, docs }

  function load() {
    if (state) return state;
    state = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = base + "assets/lunr.min.js";
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      return Promise.all([
        fetch(base + "search/index.json").then(function (r) { return r.json(); }),
        fetch(base + "search/documents.json").then(function (r) { return r.json(); })
      ]);
    }).then(function (parts) {
      return { idx: window.lunr.Index.load(parts[0]), docs: parts[1] };
    });
    return state;
  }

  // The same steps lunr's indexing pipeline takes before stemming: split on space and '-', trim, drop stop words.
  function terms(text) {
    return text.toLowerCase().split(/[\s\-]+/).map(function (t) {
      return t.replace(/^\W+/, "").replace(/\W+$/, "");
    }).filter(function (t) {
      return t.length > 0 && window.lunr.stopWordFilter(new window.lunr.Token(t, {})) !== undefined;
    });
  }

  function run(idx, words, fuzzy) {
    return idx.query(function (q) {
      words.forEach(function (word, i) {
        var last = i === words.length - 1;
        q.term(word, { fields: FIELDS, presence: window.lunr.Query.presence.OPTIONAL, editDistance: fuzzy ? 1 : 0 });
        if (last) {
          q.term(word, { fields: ["titleRaw", "body", "headings", "tags"], usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, boost: 2 });
        }
      });
    });
  }

  function search(data, text) {
    var words = terms(text);
    if (words.length === 0) return { words: words, hits: [] };
    var hits = run(data.idx, words, false);
    if (hits.length === 0) hits = run(data.idx, words, true);
    return { words: words, hits: hits.slice(0, 20) };
  }

  function highlight(parent, text, words) {
    if (words.length === 0) { parent.textContent = text; return; }
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(" + escaped.join("|") + ")", "ig");
    text.split(pattern).forEach(function (part, i) {
      if (i % 2 === 1) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function render(list, data, result) {
    list.textContent = "";
    result.hits.forEach(function (hit, i) {
      var doc = data.docs[Number(hit.ref)];
      if (!doc) return;
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-result-" + i;
      var link = document.createElement("a");
      link.href = doc.url;
      var title = document.createElement("span");
      title.className = "search-result-title";
      highlight(title, doc.title, result.words);
      link.appendChild(title);
      if (doc.tags && doc.tags.length) {
        var tags = document.createElement("span");
        tags.className = "search-result-tags";
        tags.textContent = doc.tags.map(function (t) { return "#" + t; }).join(" ");
        link.appendChild(tags);
      }
      if (doc.excerpt) {
        var excerpt = document.createElement("span");
        excerpt.className = "search-result-excerpt";
        highlight(excerpt, doc.excerpt, result.words);
        link.appendChild(excerpt);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    if (result.words.length && result.hits.length === 0) {
      var none = document.createElement("li");
      none.className = "search-empty";
      none.textContent = "No notes match.";
      list.appendChild(none);
    }
  }

  function wire(input, list, onQuery) {
    var selected = -1;
    function select(i) {
      var items = list.querySelectorAll("li[role=option]");
      if (items.length === 0) return;
      selected = (i + items.length) % items.length;
      items.forEach(function (el, j) { el.setAttribute("aria-selected", j === selected ? "true" : "false"); });
      items[selected].scrollIntoView({ block: "nearest" });
    }
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", function () {
      selected = -1;
      var text = input.value;
      load().then(function (data) {
        if (input.value !== text) return;
        render(list, data, search(data, text));
      }).catch(function () { list.textContent = ""; });
      if (onQuery) onQuery(text);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(selected + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(selected - 1); }
      else if (e.key === "Enter") {
        var items = list.querySelectorAll("li[role=option] a");
        var target = items[selected >= 0 ? selected : 0];
        if (target) { e.preventDefault(); window.location.href = target.href; }
      }
    });
  }

  var modal = document.querySelector("[data-search-modal]");
  var page = document.querySelector("[data-search-page]");
  if (modal) {
    var modalInput = modal.querySelector("[data-search-input]");
    var modalList = modal.querySelector("[data-search-results]");
    var opener = null;
    var open = function () {
      opener = document.activeElement;
      modal.hidden = false;
      modalInput.focus();
      modalInput.select();
      load();
    };
    var close = function () {
      modal.hidden = true;
      if (opener && opener.focus) opener.focus();
    };
    wire(modalInput, modalList, null);
    document.querySelectorAll("[data-search-open]").forEach(function (b) { b.addEventListener("click", open); });
    document.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") { e.preventDefault(); open(); }
      else if (e.key === "/" && !typing && modal.hidden) { e.preventDefault(); open(); }
      else if (e.key === "Escape" && !modal.hidden) { e.preventDefault(); close(); }
    });
    modal.addEventListener("click", function (e) { if (e.target === modal) close(); });
  }
  if (page) {
    var pageInput = page.querySelector("[data-search-input]");
    var pageList = page.querySelector("[data-search-results]");
    wire(pageInput, pageList, function (text) {
      var url = new URL(window.location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      pageInput.value = initial;
      pageInput.dispatchEvent(new Event("input"));
    }
  }
})();
