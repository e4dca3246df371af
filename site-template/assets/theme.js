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

  // Explorer: each folder has a toggle button (aria-expanded); open folders are remembered. The current page is
  // marked and its folders opened. Without scripts every folder stays open (the .js class hides closed ones).
  var explorer = document.querySelector("[data-explorer]");
  function setOpen(folder, open) {
    folder.classList.toggle("open", open);
    var button = folder.querySelector(":scope > .explorer-row > .explorer-toggle");
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  function setUpExplorer() {
    var here = location.pathname;
    var decoded = here;
    try { decoded = decodeURI(here); } catch (e) { /* keep the raw path */ }
    var open = [];
    try { open = JSON.parse(load(FOLDERS_KEY) || "[]"); } catch (e) { open = []; }
    if (!Array.isArray(open)) open = [];
    var folders = explorer.querySelectorAll("[data-folder-path]");
    folders.forEach(function (f) { setOpen(f, open.indexOf(f.getAttribute("data-folder-path")) !== -1); });
    explorer.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href === here || href === decoded) {
        a.setAttribute("aria-current", "page");
        for (var el = a.parentElement.parentElement; el && el !== explorer; el = el.parentElement) {
          if (el.hasAttribute("data-folder-path")) setOpen(el, true);
        }
      }
    });
  }
  if (explorer) {
    explorer.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest(".explorer-toggle");
      if (!button) return;
      var folder = button.closest("[data-folder-path]");
      setOpen(folder, !folder.classList.contains("open"));
      var paths = [];
      explorer.querySelectorAll("[data-folder-path].open").forEach(function (f) { paths.push(f.getAttribute("data-folder-path")); });
      store(FOLDERS_KEY, JSON.stringify(paths));
    });
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

  // Mobile: the side panels are drawers, opened from the header and closed with Esc or a click outside.
  function setDrawer(side) {
    if (side) document.body.setAttribute("data-drawer", side); else document.body.removeAttribute("data-drawer");
    document.querySelectorAll("[data-drawer-toggle]").forEach(function (b) { b.setAttribute("aria-expanded", b.getAttribute("data-drawer-toggle") === side ? "true" : "false"); });
  }
  document.querySelectorAll("[data-drawer-toggle]").forEach(function (button) {
    if (button.getAttribute("data-drawer-toggle") === "right" && !document.getElementById("sg-right")) button.hidden = true;
    button.addEventListener("click", function (e) {
      e.stopPropagation();
      var side = button.getAttribute("data-drawer-toggle");
      setDrawer(document.body.getAttribute("data-drawer") === side ? null : side);
    });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") setDrawer(null); });
  document.addEventListener("click", function (e) {
    if (document.body.hasAttribute("data-drawer") && !e.target.closest(".sidebar")) setDrawer(null);
  });

  // Table of contents: mark the section in view.
  var tocLinks = document.querySelectorAll("[data-toc] a[href^='#']");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var visible = {};
    var spy = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      var current = null;
      Object.keys(byId).forEach(function (id) { if (!current && visible[id]) current = id; });
      if (!current) return;
      tocLinks.forEach(function (a) { a.removeAttribute("aria-current"); });
      byId[current].setAttribute("aria-current", "location");
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var el = document.getElementById(id); if (el) spy.observe(el); });
  }

  // Popover previews of internal links, on hover or keyboard focus; never for unresolved links (they are spans).
  var previews = {};
  var popover = null, popoverTimer = null;
  function hidePopover() { clearTimeout(popoverTimer); if (popover) { popover.remove(); popover = null; } }
  function preview(link) {
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    var page = url.pathname;
    if (!previews[page]) {
      previews[page] = fetch(page).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var content = doc.querySelector(".note-content, main");
        if (content) content.querySelectorAll("script, [data-graph]").forEach(function (n) { n.remove(); });
        return content;
      });
    }
    previews[page].then(function (content) {
      if (!content || document.activeElement !== link && !link.matches(":hover")) return;
      hidePopover();
      popover = document.createElement("div");
      popover.className = "popover";
      popover.setAttribute("role", "tooltip");
      popover.appendChild(document.importNode(content, true));
      document.body.appendChild(popover);
      var rect = link.getBoundingClientRect();
      popover.style.top = (window.scrollY + rect.bottom + 6) + "px";
      popover.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8)) + "px";
      if (url.hash) {
        var target = popover.querySelector("[id='" + CSS.escape(decodeURIComponent(url.hash.slice(1))) + "']");
        if (target) popover.scrollTop = target.offsetTop - popover.offsetTop;
      }
    });
  }
  document.addEventListener("mouseover", function (e) {
    var link = e.target.closest && e.target.closest("main a.internal[href], aside a.internal[href]");
    if (!link || popover && popover.contains(e.target)) return;
    clearTimeout(popoverTimer);
    popoverTimer = setTimeout(function () { preview(link); }, 250);
  });
  document.addEventListener("mouseout", function (e) {
    if (e.target.closest && e.target.closest("a.internal")) { clearTimeout(popoverTimer); popoverTimer = setTimeout(hidePopover, 300); }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("main a.internal[href], aside a.internal[href]")) preview(e.target); else hidePopover();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hidePopover(); });

  // A code block that scrolls sideways must be reachable by keyboard to be scrolled.
  document.querySelectorAll("main pre").forEach(function (pre) {
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
  });

  // Math: KaTeX is loaded only on pages with math; Markdig marks it as .math with \( \) or \[ \] delimiters.
  if (window.katex) {
    document.querySelectorAll(".math").forEach(function (el) {
      var tex = el.textContent.trim().replace(/^\\[\(\[]|\\[\)\]]$/g, "");
      window.katex.render(tex, el, { displayMode: el.tagName === "DIV", throwOnError: false });
    });
  }

  // Mermaid is loaded only on pages with a mermaid block.
  if (window.mermaid && document.querySelector(".mermaid")) {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: root.getAttribute("data-theme") === "dark" ? "dark" : "default" });
    window.mermaid.run({ querySelector: ".mermaid" });
  }
})();
