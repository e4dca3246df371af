// Graph views: a local graph on note pages (neighbours at depth 1-2) and the whole garden on /graph/.
// graph.json loads only when the graph scrolls into view. A small force layout on a canvas: drag the background
// to pan, scroll to zoom, drag a node to move it, click a node to open it.
(function () {
  "use strict";
  var base = document.documentElement.dataset.basePath || "/";
  var sections = document.querySelectorAll("[data-graph]");
  if (!sections.length) return;
  var data = null;
  function load() {
    if (!data) data = fetch(base + "graph.json").then(function (r) { return r.json(); });
    return data;
  }

  function neighbourhood(graph, focus, depth, tags) {
    var links = graph.links.filter(function (l) { return tags || l.type !== "tag"; });
    var keep = {};
    if (depth === 0) {
      graph.nodes.forEach(function (n) { if (tags || n.type !== "tag") keep[n.id] = true; });
    } else {
      keep[focus] = true;
      var frontier = [focus];
      for (var d = 0; d < depth; d++) {
        var next = [];
        links.forEach(function (l) {
          if (frontier.indexOf(l.source) >= 0 && !keep[l.target]) { keep[l.target] = true; next.push(l.target); }
          if (frontier.indexOf(l.target) >= 0 && !keep[l.source]) { keep[l.source] = true; next.push(l.source); }
        });
        frontier = next;
      }
    }
    var nodes = graph.nodes.filter(function (n) { return keep[n.id]; }).map(function (n, i) {
      var angle = i * 2.399963;
      return { id: n.id, title: n.title, type: n.type, x: Math.cos(angle) * 40 * Math.sqrt(i + 1), y: Math.sin(angle) * 40 * Math.sqrt(i + 1), vx: 0, vy: 0 };
    });
    var index = {};
    nodes.forEach(function (n) { index[n.id] = n; });
    var edges = links.filter(function (l) { return index[l.source] && index[l.target]; }).map(function (l) { return { a: index[l.source], b: index[l.target] }; });
    return { nodes: nodes, edges: edges };
  }

  function draw(section, graph) {
    var box = section.querySelector(".graph-canvas");
    var canvas = document.createElement("canvas");
    var ratio = window.devicePixelRatio || 1;
    var width = box.clientWidth || 300, height = box.clientHeight || 260;
    canvas.width = width * ratio; canvas.height = height * ratio;
    canvas.style.width = width + "px"; canvas.style.height = height + "px";
    box.textContent = "";
    box.appendChild(canvas);
    var ctx = canvas.getContext("2d");
    var focus = section.dataset.graphFocus;
    var view = { x: width / 2, y: height / 2, k: graph.nodes.length > 60 ? 0.5 : 1 };
    var dragging = null, panning = null, moved = false, hover = null, alpha = 1;
    var style = getComputedStyle(document.documentElement);
    function colour(name, fallback) { return style.getPropertyValue(name).trim() || fallback; }

    function tick() {
      var nodes = graph.nodes;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j], dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy + 0.01;
          if (d2 > 90000) continue;
          var f = 900 / d2 * alpha;
          a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
        }
      }
      graph.edges.forEach(function (e) {
        var dx = e.b.x - e.a.x, dy = e.b.y - e.a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, f = (d - 60) / d * 0.05 * alpha;
        e.a.vx += dx * f; e.a.vy += dy * f; e.b.vx -= dx * f; e.b.vy -= dy * f;
      });
      nodes.forEach(function (n) {
        n.vx -= n.x * 0.002 * alpha; n.vy -= n.y * 0.002 * alpha;
        if (n !== dragging) { n.x += n.vx; n.y += n.vy; }
        n.vx *= 0.6; n.vy *= 0.6;
      });
      alpha *= 0.985;
    }

    function render() {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.translate(view.x, view.y);
      ctx.scale(view.k, view.k);
      ctx.strokeStyle = colour("--border", "#ccc");
      ctx.lineWidth = 1 / view.k;
      graph.edges.forEach(function (e) { ctx.beginPath(); ctx.moveTo(e.a.x, e.a.y); ctx.lineTo(e.b.x, e.b.y); ctx.stroke(); });
      graph.nodes.forEach(function (n) {
        ctx.beginPath();
        ctx.arc(n.x, n.y, n.id === focus ? 6 : 4, 0, Math.PI * 2);
        ctx.fillStyle = n.id === focus ? colour("--accent", "#2f6f3e") : n.type === "tag" ? colour("--fg-muted", "#888") : colour("--link", "#0b5cad");
        ctx.fill();
        if (n === hover || n.id === focus || graph.nodes.length <= 25) {
          ctx.fillStyle = colour("--fg", "#222");
          ctx.font = (11 / view.k) + "px system-ui, sans-serif";
          ctx.fillText(n.title, n.x + 7, n.y + 4);
        }
      });
    }

    var touched = false;
    // Until the reader moves the view, keep every node in sight.
    function fit() {
      if (touched || !graph.nodes.length) return;
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      graph.nodes.forEach(function (n) { minX = Math.min(minX, n.x); minY = Math.min(minY, n.y); maxX = Math.max(maxX, n.x); maxY = Math.max(maxY, n.y); });
      var k = Math.min(1.5, Math.max(0.1, Math.min((width - 40) / (maxX - minX + 1), (height - 40) / (maxY - minY + 1))));
      view.k = k;
      view.x = width / 2 - (minX + maxX) / 2 * k;
      view.y = height / 2 - (minY + maxY) / 2 * k;
    }

    function loop() {
      if (alpha > 0.02 || dragging) { tick(); fit(); }
      render();
      requestAnimationFrame(loop);
    }

    function at(event) {
      var rect = canvas.getBoundingClientRect();
      var x = (event.clientX - rect.left - view.x) / view.k, y = (event.clientY - rect.top - view.y) / view.k;
      var best = null, bestD = 100 / (view.k * view.k);
      graph.nodes.forEach(function (n) { var d = (n.x - x) * (n.x - x) + (n.y - y) * (n.y - y); if (d < bestD) { bestD = d; best = n; } });
      return { node: best, x: x, y: y };
    }
    canvas.addEventListener("pointerdown", function (e) {
      var hit = at(e); moved = false;
      canvas.setPointerCapture(e.pointerId);
      touched = true;
      if (hit.node) { dragging = hit.node; alpha = Math.max(alpha, 0.3); } else panning = { x: e.clientX - view.x, y: e.clientY - view.y };
    });
    canvas.addEventListener("pointermove", function (e) {
      if (dragging) { var hit = at(e); dragging.x = hit.x; dragging.y = hit.y; moved = true; }
      else if (panning) { view.x = e.clientX - panning.x; view.y = e.clientY - panning.y; moved = true; }
      else { hover = at(e).node; canvas.style.cursor = hover ? "pointer" : "grab"; }
    });
    canvas.addEventListener("pointerup", function (e) {
      if (!moved) { var hit = at(e); if (hit.node) location.href = hit.node.id; }
      dragging = null; panning = null;
    });
    canvas.addEventListener("wheel", function (e) {
      e.preventDefault();
      touched = true;
      var rect = canvas.getBoundingClientRect(), mx = e.clientX - rect.left, my = e.clientY - rect.top;
      var k = Math.min(4, Math.max(0.1, view.k * (e.deltaY < 0 ? 1.1 : 0.9)));
      view.x = mx - (mx - view.x) * k / view.k; view.y = my - (my - view.y) * k / view.k; view.k = k;
    }, { passive: false });
    section.dataset.graphNodes = String(graph.nodes.length);
    loop();
  }

  function show(section) {
    var tags = section.querySelector("[data-graph-tags]");
    var depth = Number(section.dataset.graphDepth || 1);
    load().then(function (graph) {
      var render = function () { draw(section, neighbourhood(graph, section.dataset.graphFocus, depth, tags && tags.checked)); };
      if (tags) tags.addEventListener("change", render);
      render();
    }).catch(function () { section.dataset.graphError = "true"; });
  }

  sections.forEach(function (section) {
    if (!("IntersectionObserver" in window)) { show(section); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); show(section); }
    });
    observer.observe(section);
  });
})();
