// SiteGen default theme: dark mode toggle, explorer state, current-page marker, optional mermaid.
(function () {
  "use strict";
  var root = document.documentElement;
  var THEME_KEY = "sitegen-theme";
  var FOLDERS_KEY = "sitegen-explorer-open";

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: keep going */ }
  }
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  // Theme toggle. The inline script in <head> already set data-theme before paint.
  var toggle = document.querySelector("[data-theme-toggle]");
  function showTheme() {
    if (toggle) toggle.setAttribute("aria-pressed", root.getAttribute("data-theme") === "dark" ? "true" : "false");
  }
  if (toggle) {
    showTheme();
    toggle.addEventListener("click", function () {
      var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store(THEME_KEY, next);
      showTheme();
    });
  }

  // Explorer: mark the current page, reopen remembered folders and the current page's ancestors.
  var explorer = document.querySelector("[data-explorer]");
  function setUpExplorer() {
    var here = location.pathname;
    var decoded = here;
    try { decoded = decodeURI(here); } catch (e) { /* keep the raw path */ }
    explorer.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href === here || href === decoded) {
        a.setAttribute("aria-current", "page");
        for (var el = a.parentElement; el && el !== explorer; el = el.parentElement) {
          if (el.tagName === "DETAILS") el.open = true;
        }
      }
    });

    var open = [];
    try { open = JSON.parse(load(FOLDERS_KEY) || "[]"); } catch (e) { open = []; }
    if (!Array.isArray(open)) open = [];
    var folders = explorer.querySelectorAll("details[data-folder-path]");
    folders.forEach(function (d) {
      if (open.indexOf(d.getAttribute("data-folder-path")) !== -1) d.open = true;
    });
    function save() {
      var paths = [];
      folders.forEach(function (d) { if (d.open) paths.push(d.getAttribute("data-folder-path")); });
      store(FOLDERS_KEY, JSON.stringify(paths));
    }
    folders.forEach(function (d) { d.addEventListener("toggle", save); });
  }
  // Pages carry the folder tree only; the full tree with every note is one cached file for the whole site.
  if (explorer) {
    setUpExplorer();
    var basePath = root.getAttribute("data-base-path") || "/";
    fetch(basePath + "explorer.html").then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      if (!html) return;
      explorer.innerHTML = html;
      setUpExplorer();
    }).catch(function () { /* offline or file:// : the folder tree stays */ });
  }

  // Maturity filter on tag and folder listings: shown only when scripts run, so without them every note is listed.
  document.querySelectorAll("[data-status-filter]").forEach(function (group) {
    var list = group.nextElementSibling;
    if (!list) return;
    group.hidden = false;
    group.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-status-value]");
      if (!button) return;
      var wanted = button.getAttribute("data-status-value");
      group.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      list.querySelectorAll(":scope > li").forEach(function (li) {
        li.hidden = wanted !== "" && li.getAttribute("data-status") !== wanted;
      });
    });
  });

  // Mermaid diagrams are drawn only when a mermaid script has been added to the page (e.g. by an override).
  if (window.mermaid && typeof window.mermaid.run === "function") {
    var blocks = document.querySelectorAll("pre > code.language-mermaid");
    blocks.forEach(function (code) {
      var div = document.createElement("div");
      div.className = "mermaid";
      div.textContent = code.textContent;
      code.parentElement.replaceWith(div);
    });
    if (blocks.length) {
      window.mermaid.initialize({ startOnLoad: false, theme: root.getAttribute("data-theme") === "dark" ? "dark" : "default" });
      window.mermaid.run();
    }
  }
})();
