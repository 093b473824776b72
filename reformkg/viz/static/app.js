/* reformkg browser UI: search, entity card, vis-network neighbourhood, evidence, path finder,
 * collaborators, downloads. Talks only to the same server (/api/..., /viz/...); styles come from
 * the ontology (/api/ontology), never from a palette here.
 *
 * Hooks for tests and bench/ui_load.py: window.reformkg.state, and the event "reformkg:drawn"
 * (window.reformkg.drawnAt = performance.now() when a loaded neighbourhood has been laid out and
 * drawn); window.reformkg.busy counts requests in flight.
 */
(function () {
  "use strict";

  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var state = {
    styles: null, relTypes: [], labels: [], umbrella: "Entity", extraLabels: {},
    center: null, card: null, nodesData: null, edgesData: null, network: null,
    total: 0, truncated: false, lastNeighbors: null, mode: "neighbourhood", limit: 500
  };
  var rk = window.reformkg = { state: state, busy: 0, drawnAt: null, draws: 0, marks: { script: performance.now() } };

  // ------------------------------------------------------------------ http
  function qs(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v === null || v === undefined || v === "") return;
      if (Array.isArray(v)) { v.forEach(function (x) { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(x)); }); }
      else parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }
  function api(path, params) {
    rk.busy++;
    return fetch(path + qs(params || {}), { headers: { "Accept": "application/json" } })
      .then(function (r) {
        return r.text().then(function (t) {
          var body = null;
          try { body = t ? JSON.parse(t) : null; } catch (e) { body = { message: t }; }
          if (!r.ok) { var err = new Error((body && (body.message || body.detail)) || ("HTTP " + r.status)); err.status = r.status; throw err; }
          return body;
        });
      })
      .finally(function () { rk.busy--; });
  }
  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function debounce(fn, ms) {
    var t = null;
    return function () { var a = arguments, self = this; clearTimeout(t); t = setTimeout(function () { fn.apply(self, a); }, ms); };
  }
  function showStatus(msg, isError) {
    var s = $("#status");
    if (!msg) { s.hidden = true; return; }
    s.hidden = false; s.textContent = msg; s.className = "status" + (isError ? " error" : "");
  }

  // ------------------------------------------------------------------ styles (ontology)
  function primaryLabel(labels) {
    labels = labels || [];
    for (var i = 0; i < labels.length; i++) if (state.styles.labels[labels[i]]) return labels[i];
    return labels[0] || "";
  }
  function isPilot(labels) {
    return (labels || []).some(function (l) { return !!state.extraLabels[l]; });
  }
  function labelBadge(labels) {
    var p = primaryLabel(labels), st = state.styles.labels[p] || { color: "#888" };
    var out = '<span class="badge" style="background:' + esc(st.color) + '">' + esc(p) + "</span>";
    if (isPilot(labels)) out += ' <span class="badge pilot" title="PilotUnit 试点">试点 PilotUnit</span>';
    return out;
  }
  function readOntology(o) {
    // GET /api/ontology: the ontology as data (labels, extra_labels, relationships with styles)
    var styles = { labels: {}, rels: {} };
    var labels = o.labels || {}, rels = o.relationships || o.rel_types || {}, extra = o.extra_labels || {};
    function each(obj, fn) {
      if (Array.isArray(obj)) obj.forEach(function (x) { fn(x.name, x); });
      else Object.keys(obj).forEach(function (k) { fn(k, obj[k]); });
    }
    each(labels, function (k, v) { styles.labels[k] = v.style || { color: v.color, shape: v.shape }; });
    each(rels, function (k, v) { styles.rels[k] = Object.assign({ symmetric: !!v.symmetric }, v.style || { color: v.color }); });
    each(extra, function (k, v) { state.extraLabels[k] = v.style || { color: v.color, shape: v.shape }; });
    state.styles = styles;
    state.umbrella = o.umbrella_label || "Entity";
    state.labels = Object.keys(styles.labels);
    state.relTypes = Object.keys(styles.rels);
  }
  function nodeView(n, depth) {
    var labels = n.labels || [], p = primaryLabel(labels);
    var st = state.styles.labels[p] || { color: "#999", shape: "dot" };
    var full = n.name || (n.props && (n.props.name || n.props.title)) || n.id;
    var v = {
      id: n.id, label: full.length > 16 ? full.slice(0, 14) + "…" : full,  // the full name is in the tooltip
      shape: st.shape || "dot", color: { background: st.color, border: st.color, highlight: { background: st.color, border: "#222" } },
      borderWidth: 1, raw: n, kind: p,  // not `group`: vis-network would repaint nodes in its own group palette
      title: p + ": " + (n.name || n.id) + (isPilot(labels) ? "\nPilotUnit (试点)" : "") +
        (n.props && n.props.region ? "\n" + n.props.region : "")
    };
    if (["ellipse", "circle", "database", "box", "text"].indexOf(v.shape) < 0) v.size = 14;
    if (isPilot(labels)) {
      var pc = Object.values(state.extraLabels)[0].color;
      v.color.border = pc; v.borderWidth = 5; v.shapeProperties = { borderDashes: [6, 3] };
    }
    if (state.center && n.id === state.center) { v.font = { size: 18, bold: true }; v.borderWidth = Math.max(v.borderWidth, 3); }
    return v;
  }
  function edgeView(e) {
    var st = state.styles.rels[e.type] || { color: "#999" };
    return {
      id: e.id, from: e.source, to: e.target, label: e.type, raw: e,
      arrows: st.symmetric ? "" : "to", color: { color: st.color, highlight: "#222" },
      width: 1 + Math.min(e.evidence_count || 0, 5) * 0.6,
      title: e.type + " · evidence " + (e.evidence_count || 0)
    };
  }

  // ------------------------------------------------------------------ legend & filters
  function renderLegend() {
    var L = $("#legend"), html = "<details open><summary>图例 legend</summary>";
    state.labels.forEach(function (k) {
      var st = state.styles.labels[k];
      html += '<div><span class="sw" style="background:' + esc(st.color) + '"></span>' + esc(k) + ' <small>' + esc(st.shape) + "</small></div>";
    });
    Object.keys(state.extraLabels).forEach(function (k) {
      html += '<div><span class="sw pilot" style="border-color:' + esc(state.extraLabels[k].color) + '"></span>' + esc(k) + "</div>";
    });
    html += "<hr>";
    state.relTypes.forEach(function (k) {
      if (k === "MENTIONED_IN") return;
      html += '<div><span class="ln" style="background:' + esc(state.styles.rels[k].color) + '"></span>' + esc(k) + "</div>";
    });
    L.innerHTML = html + "</details>";
  }
  function renderFilters() {
    var r = $("#rel-filter .options"), l = $("#label-filter .options"), hr = "", hl = "";
    state.relTypes.forEach(function (k) {
      hr += '<label><input type="checkbox" value="' + esc(k) + '"' + (k === "MENTIONED_IN" ? "" : " checked") + "> " + esc(k) + "</label>";
    });
    state.labels.concat(Object.keys(state.extraLabels)).forEach(function (k) {
      if (k === "Document") return;
      hl += '<label><input type="checkbox" value="' + esc(k) + '"> ' + esc(k) + "</label>";
    });
    r.innerHTML = hr; l.innerHTML = '<p class="hint">none ticked: all</p>' + hl;
    var sel = $("#search-label");
    state.labels.forEach(function (k) { if (k !== "Document") sel.appendChild(el("option", { value: k }, esc(k))); });
  }
  function filters() {
    var rel = Array.prototype.map.call(document.querySelectorAll("#rel-filter input:checked"), function (i) { return i.value; });
    var lab = Array.prototype.map.call(document.querySelectorAll("#label-filter input:checked"), function (i) { return i.value; });
    var since = $("#since").value, until = $("#until").value;
    var all = rel.length === state.relTypes.filter(function (t) { return t !== "MENTIONED_IN"; }).length && rel.indexOf("MENTIONED_IN") < 0;
    return {
      rel_types: all ? null : rel, labels: lab.length ? lab : null,
      since: since ? since + "-01-01" : null, until: until ? until + "-12-31" : null
    };
  }

  // ------------------------------------------------------------------ suggestions
  function attachSuggest(input, list, onPick, labelSelect) {
    var items = [], active = -1, seq = 0;
    function close() { list.hidden = true; active = -1; }
    function render() {
      list.innerHTML = "";
      items.forEach(function (it, i) {
        var alias = (it.aliases || []).filter(function (a) { return a !== it.name; }).slice(0, 3).join("、");
        var li = el("li", { role: "option", "data-id": it.id, "class": i === active ? "active" : "" },
          "<span>" + esc(it.name) + "</span>" + labelBadge(it.labels) +
          (alias ? '<span class="alias">' + esc(alias) + "</span>" : "") +
          (it.region ? '<span class="alias">' + esc(it.region) + "</span>" : ""));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }
    function pick(i) {
      var it = items[i]; if (!it) return;
      input.value = it.name; input.dataset.id = it.id; close(); onPick(it);
    }
    var lookup = debounce(function () {
      var q = input.value.trim(), my = ++seq;
      input.dataset.id = "";
      if (!q) { items = []; render(); return; }
      api("/api/entities", { q: q, type: labelSelect ? labelSelect.value : null, limit: 10 }).then(function (res) {
        if (my !== seq) return;
        items = res.items || []; active = items.length ? 0 : -1; render();
      }).catch(function (e) { showStatus("search: " + e.message, true); });
    }, 180);
    input.addEventListener("input", lookup);
    if (labelSelect) labelSelect.addEventListener("change", lookup);
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); render(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); ev.preventDefault(); }
      else if (ev.key === "Enter") { pick(active < 0 ? 0 : active); ev.preventDefault(); }
      else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // ------------------------------------------------------------------ entity card
  function entLink(id, name, labels) {
    return '<a class="ent" data-id="' + esc(id) + '">' + esc(name || id) + "</a>" + (labels ? " " + labelBadge(labels) : "");
  }
  function fmtNum(v) {
    if (v === null || v === undefined) return "";
    var n = Number(v);
    return Number.isInteger(n) ? n.toLocaleString("zh-CN") : String(n);
  }
  function loadCard(id) {
    var card = $("#card");
    card.innerHTML = '<p class="hint">…</p>';
    return api("/api/entities/" + encodeURIComponent(id)).then(function (c) {
      state.card = c;
      var props = c.properties || {}, h = "";
      h += "<div>" + labelBadge(c.labels) + "</div><h2 id=\"card-name\">" + esc(c.name) + "</h2>";
      if ((c.aliases || []).length) h += '<div class="aliases">别名 aliases: ' + c.aliases.map(esc).join("、") + "</div>";
      var meta = [];
      if (props.region) meta.push("地区 region: " + esc(props.region));
      ["level", "kind", "adcode"].forEach(function (k) { if (props[k]) meta.push(k + ": " + esc(props[k])); });
      if (meta.length) h += '<div class="meta">' + meta.join(" · ") + "</div>";
      function rel(title, list, fmt) {
        if (!list || !list.length) return;
        h += "<h3>" + title + " (" + list.length + ")</h3><ul>" + list.map(fmt).join("") + "</ul>";
      }
      var relFmt = function (r) {
        var extra = [];
        if (r.props) ["title", "role", "level", "year"].forEach(function (k) { if (r.props[k]) extra.push(esc(r.props[k])); });
        return "<li>" + (r.direction === "in" ? "← " : "") + entLink(r.id, r.name, r.labels) +
          ' <small class="meta">' + esc(r.rel_type) + (extra.length ? " · " + extra.join(" · ") : "") + "</small></li>";
      };
      rel("职务 Positions", c.positions, relFmt);
      rel("荣誉 Awards", c.awards, relFmt);
      rel("项目 Programmes run / piloted", c.programmes, relFmt);
      rel("成效 Outcomes", c.outcomes, function (o) {
        return '<li><span class="num">' + fmtNum(o.value) + "</span>" +
          (o.qualifier ? esc(o.qualifier) : "") + " " + esc(o.unit || "") + " <small>" + esc(o.metric || o.name || "") +
          (o.year ? " · " + esc(o.year) : "") + "</small></li>";
      });
      rel("其他关系 Other relations", c.related, relFmt);
      rel("来源文档 Source documents", c.documents, function (d) {
        return "<li>" + esc(d.title || d.doc_id) + ' <small class="meta">' + esc(d.date || "") + " " + esc(d.source || "") +
          (d.mentions ? " · ×" + d.mentions : "") + "</small></li>";
      });
      var counts = c.counts || {};
      var ck = Object.keys(counts);
      if (ck.length) h += '<h3>关系数 Relationships</h3><div class="counts">' + ck.map(function (k) { return "<span>" + esc(k) + " " + counts[k] + "</span>"; }).join("") + "</div>";
      h += '<p><a class="ent-pyvis" href="/viz/entity/' + encodeURIComponent(c.id) + '?depth=' + esc($("#depth").value) + '" target="_blank">独立网页视图 standalone view (pyvis)</a></p>';
      card.innerHTML = h;
      return c;
    }).catch(function (e) { card.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ network
  function ensureNetwork() {
    if (state.network) return;
    state.nodesData = new vis.DataSet();
    state.edgesData = new vis.DataSet();
    var font = getComputedStyle(document.body).fontFamily;
    state.network = new vis.Network($("#network"), { nodes: state.nodesData, edges: state.edgesData }, {
      nodes: { font: { face: font, size: 14 } },
      edges: { font: { face: font, size: 10, align: "middle", color: "#555" }, smooth: { type: "continuous" } },
      physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 },
        stabilization: { iterations: 200, updateInterval: 50 } },
      interaction: { hover: true, tooltipDelay: 200 },
      layout: { improvedLayout: false }
    });
    var clickTimer = null;
    state.network.on("click", function (p) {
      if (p.nodes.length) {
        var id = p.nodes[0];
        clearTimeout(clickTimer);
        clickTimer = setTimeout(function () { expand(id); }, 260);
      } else if (p.edges.length) {
        showEvidence(p.edges[0]);
      }
    });
    state.network.on("doubleClick", function (p) {
      clearTimeout(clickTimer);
      if (p.nodes.length) openEntity(p.nodes[0], { keepGraph: true });
    });
    state.network.on("stabilizationIterationsDone", function () { state.network.setOptions({ physics: { enabled: false } }); });
  }
  function markDrawn() {
    // fires once the current data has been laid out and drawn on the canvas
    state.network.once("afterDrawing", function () {
      rk.drawnAt = performance.now(); rk.draws++;
      window.dispatchEvent(new CustomEvent("reformkg:drawn", { detail: { at: rk.drawnAt, nodes: state.nodesData.length, edges: state.edgesData.length } }));
    });
    state.network.redraw();
  }
  function relayout(fresh) {
    // a fresh neighbourhood starts from rings by depth around the centre, so that physics only
    // has to refine it (a few dozen iterations instead of hundreds for large neighbourhoods)
    var n = state.nodesData.length;
    if (fresh) {
      var rings = {};
      state.nodesData.forEach(function (v) { var d = (v.raw && v.raw.depth) || 0; (rings[d] = rings[d] || []).push(v.id); });
      var updates = [];
      Object.keys(rings).forEach(function (d) {
        var ids = rings[d], r = Number(d) === 0 ? 0 : Math.max(160 * Number(d), ids.length * 90 / (2 * Math.PI));
        ids.forEach(function (id, i) {
          var a = 2 * Math.PI * i / ids.length + Number(d) * 0.5;
          updates.push({ id: id, x: r * Math.cos(a), y: r * Math.sin(a) });
        });
      });
      state.nodesData.update(updates);
    }
    state.network.setOptions({ physics: { enabled: true } });
    state.network.once("stabilized", function () { rk.marks.stabilized = performance.now(); state.network.fit({ animation: false }); markDrawn(); });
    state.network.stabilize(n > 100 ? 40 : n > 30 ? 100 : 150);
  }
  function addSubgraph(sg, depthOffset) {
    var newNodes = [], newEdges = [];
    (sg.nodes || []).forEach(function (n) {
      if (!state.nodesData.get(n.id)) newNodes.push(nodeView(n, depthOffset));
    });
    (sg.edges || []).forEach(function (e) {
      if (!state.edgesData.get(e.id)) newEdges.push(edgeView(e));
    });
    state.nodesData.add(newNodes);
    state.edgesData.add(newEdges);
    return { nodes: newNodes.length, edges: newEdges.length };
  }
  function updateCount() {
    var shown = state.edgesData ? state.edgesData.length : 0, total = Math.max(state.total, shown);
    var c = $("#count");
    c.textContent = "showing " + shown + " of " + total + " relationships · " + (state.nodesData ? state.nodesData.length : 0) + " nodes" +
      (state.truncated ? " (capped)" : "");
    c.className = "count" + (state.truncated ? " capped" : "");
    $("#dl-graphml").disabled = $("#dl-png").disabled = !state.center;
  }
  function fetchNeighbourhood(id) {
    return api("/api/entities/" + encodeURIComponent(id) + "/neighbors",
      Object.assign({ depth: $("#depth").value, limit: state.limit }, filters()));
  }
  function loadNeighbourhood(id, prefetched) {
    ensureNetwork();
    state.center = id; state.mode = "neighbourhood";
    showStatus("loading…");
    return (prefetched || fetchNeighbourhood(id)).then(function (sg) {
      rk.marks.neighbors = performance.now();
      state.lastNeighbors = sg; state.expanded = false;
      state.nodesData.clear(); state.edgesData.clear();
      state.total = sg.total || 0; state.truncated = !!sg.truncated;
      addSubgraph(sg, 0);
      updateCount(); showStatus("");
      relayout(true);
      return sg;
    }).catch(function (e) { showStatus("neighbours: " + e.message, true); });
  }
  function expand(id) {
    var f = filters();
    showStatus("expanding…");
    return api("/api/entities/" + encodeURIComponent(id) + "/neighbors", Object.assign({ depth: 1, limit: 200 }, f)).then(function (sg) {
      var got = addSubgraph(sg, 1), added = got.nodes + got.edges;
      if (got.edges) state.expanded = true;
      if (sg.truncated) state.truncated = true;
      // the expanded node's edges beyond the cap were not seen: count them as "not shown"
      state.total += got.edges + Math.max(0, (sg.total || 0) - (sg.edges || []).length);
      updateCount(); showStatus(added ? "" : "no new neighbours");
      if (added) { relayout(); } else { setTimeout(function () { showStatus(""); }, 1200); }
      rk.lastExpand = { id: id, added: added };
    }).catch(function (e) { showStatus("expand: " + e.message, true); });
  }

  // ------------------------------------------------------------------ evidence
  function highlight(text, names1, names2) {
    // mark every occurrence of either end's names (longest first), in UTF-16 units like the browser
    var cls = new Array(text.length).fill(0);
    [[names1, 1], [names2, 2]].forEach(function (pair) {
      pair[0].filter(Boolean).sort(function (a, b) { return b.length - a.length; }).forEach(function (name) {
        var i = text.indexOf(name);
        while (i >= 0) {
          var free = true;
          for (var k = i; k < i + name.length; k++) if (cls[k]) { free = false; break; }
          if (free) for (var j = i; j < i + name.length; j++) cls[j] = pair[1];
          i = text.indexOf(name, i + name.length);
        }
      });
    });
    var out = "", cur = 0, buf = "";
    function flush() { if (buf) out += cur ? '<mark class="n' + cur + '">' + esc(buf) + "</mark>" : esc(buf); buf = ""; }
    for (var i = 0; i < text.length; i++) { if (cls[i] !== cur) { flush(); cur = cls[i]; } buf += text[i]; }
    flush();
    return out;
  }
  function namesOf(n) {
    if (!n) return [];
    var out = [n.name];
    if (Array.isArray(n.aliases)) out = out.concat(n.aliases);
    if (n.props && Array.isArray(n.props.aliases)) out = out.concat(n.props.aliases);
    var vn = state.nodesData && state.nodesData.get(n.id);
    if (vn && vn.raw && vn.raw.aliases) out = out.concat(vn.raw.aliases);
    return out.filter(Boolean);
  }
  function evidenceHtml(items, src, tgt) {
    if (!items.length) return '<p class="hint">无来源句子 no source sentence (structural edge).</p>';
    return items.map(function (it) {
      var n1 = namesOf(src), n2 = namesOf(tgt);
      var sent = highlight(it.before || "", n1, n2) + '<span class="match">' + highlight(it.match || "", n1, n2) + "</span>" + highlight(it.after || "", n1, n2);
      var d = it.document || {};
      return '<div class="item"><div class="sentence">' + sent + '</div><div class="doc">文档 doc: ' + esc(d.title || it.doc_id) +
        (d.date ? " · " + esc(d.date) : "") + (d.source ? " · " + esc(d.source) : "") + "</div></div>";
    }).join("");
  }
  function showEvidence(edgeId) {
    var box = $("#evidence .body");
    box.innerHTML = '<p class="hint">…</p>';
    return api("/api/edges/" + encodeURIComponent(edgeId) + "/evidence").then(function (ev) {
      var e = ev.edge || {}, src = ev.source || {}, tgt = ev.target || {};
      var props = e.props || {}, extra = Object.keys(props).map(function (k) { return esc(k) + "=" + esc(props[k]); }).join(", ");
      box.innerHTML = '<div class="rel">' + entLink(src.id, src.name, src.labels) + " <b>—" + esc(e.type) + "→</b> " +
        entLink(tgt.id, tgt.name, tgt.labels) + (extra ? ' <small class="meta">' + extra + "</small>" : "") +
        ' <small class="meta">(' + (ev.total || 0) + " evidence" + (ev.truncated ? ", capped" : "") + ")</small></div>" +
        evidenceHtml(ev.items || [], src, tgt);
      rk.lastEvidence = edgeId;
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ collaborators
  function loadCollaborators(id) {
    var box = $("#collaborators .body");
    box.innerHTML = '<p class="hint">…</p>';
    return api("/api/entities/" + encodeURIComponent(id) + "/collaborators", { limit: 20 }).then(function (res) {
      var items = res.items || [];
      if (!items.length) { box.innerHTML = '<p class="hint">无 none found.</p>'; return; }
      box.innerHTML = "<ol>" + items.map(function (c) {
        var why = (c.reasons || []).slice(0, 3).map(function (r) {
          return esc(r.kind === "tie" ? r.rel_type : (r.kind + (r.via_name ? ": " + r.via_name : "")));
        }).join("; ");
        return "<li>" + entLink(c.id, c.name, c.labels) + ' <small class="meta">' + (Math.round(c.score * 100) / 100) +
          '</small><div class="why">' + why + "</div></li>";
      }).join("") + "</ol>" + (res.truncated ? '<p class="hint">(capped)</p>' : "");
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ paths
  function findPaths() {
    var a = $("#path-a").dataset.id, b = $("#path-b").dataset.id, box = $("#paths .body");
    if (!a || !b) { box.innerHTML = '<p class="error">请从建议中选择两个实体 pick both ends from the suggestions.</p>'; return Promise.resolve(); }
    box.innerHTML = '<p class="hint">…</p>';
    return api("/api/paths", { source: a, target: b, max_hops: $("#max-hops").value, limit: 10 }).then(function (res) {
      var paths = res.paths || [];
      rk.lastPaths = paths.length;
      if (!paths.length) { box.innerHTML = '<p class="hint">未找到路径 no path within ' + esc(res.max_hops) + " hops.</p>"; return; }
      ensureNetwork();
      state.mode = "paths"; state.center = a;
      state.nodesData.clear(); state.edgesData.clear();
      paths.forEach(function (p) { addSubgraph({ nodes: p.nodes, edges: p.hops.map(function (h) { return h.edge; }) }, 0); });
      state.total = state.edgesData.length; state.truncated = !!res.truncated;
      updateCount(); relayout();
      box.innerHTML = paths.map(function (p, i) {
        var parts = [];
        p.nodes.forEach(function (n, j) {
          parts.push(entLink(n.id, n.name));
          if (j < p.hops.length) parts.push('<span class="arrow"> —' + esc(p.hops[j].edge.type) + "— </span>");
        });
        return '<div class="path" data-i="' + i + '">' + (i + 1) + ". " + parts.join("") + "</div>";
      }).join("") + (res.truncated ? '<p class="hint">(capped)</p>' : "");
      Array.prototype.forEach.call(box.querySelectorAll(".path"), function (div) {
        div.addEventListener("click", function (ev) {
          if (ev.target.classList.contains("ent")) return;
          var p = paths[Number(div.dataset.i)];
          state.network.setSelection({ nodes: p.nodes.map(function (n) { return n.id; }), edges: p.hops.map(function (h) { return h.edge.id; }) });
        });
      });
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ downloads
  function download(url, name) {
    var a = el("a", { href: url, download: name }); document.body.appendChild(a); a.click(); a.remove();
  }
  function graphmlOfView() {
    // the current view exactly as drawn (after expansions or a path search), as GraphML
    function x(s) { return esc(s === null || s === undefined ? "" : typeof s === "object" ? JSON.stringify(s) : s); }
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="name" for="node" attr.name="name" attr.type="string"/>',
      '<key id="labels" for="node" attr.name="labels" attr.type="string"/>',
      '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
      '<key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>',
      '<graph id="reformkg" edgedefault="directed">'];
    state.nodesData.forEach(function (n) {
      out.push('<node id="' + x(n.id) + '"><data key="name">' + x(n.raw.name) + '</data><data key="labels">' + x((n.raw.labels || []).join(";")) + "</data></node>");
    });
    state.edgesData.forEach(function (e) {
      out.push('<edge id="' + x(e.id) + '" source="' + x(e.from) + '" target="' + x(e.to) + '"><data key="type">' + x(e.raw.type) +
        '</data><data key="evidence_count">' + (e.raw.evidence_count || 0) + "</data></edge>");
    });
    out.push("</graph>", "</graphml>");
    return URL.createObjectURL(new Blob([out.join("\n")], { type: "application/graphml+xml" }));
  }
  function downloadGraphml() {
    if (!state.center) return;
    var f = filters(), name = "reformkg-" + state.center + ".graphml";
    if (state.mode === "neighbourhood" && !state.expanded && !f.since && !f.until) {
      // the server's export of the same neighbourhood (same filters, same cap)
      download("/api/export" + qs({ format: "graphml", center: state.center, depth: $("#depth").value,
        rel_types: f.rel_types, labels: f.labels, limit: state.limit }), name);
    } else {
      var url = graphmlOfView(); download(url, name); setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
    }
  }
  function downloadPng() {
    var canvas = $("#network canvas");
    if (!canvas) return;
    // copy onto a white background (the network canvas is transparent)
    var c = document.createElement("canvas"); c.width = canvas.width; c.height = canvas.height;
    var ctx = c.getContext("2d"); ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, c.width, c.height); ctx.drawImage(canvas, 0, 0);
    download(c.toDataURL("image/png"), "reformkg-" + (state.center || "view") + ".png");
  }

  // ------------------------------------------------------------------ wiring
  function openEntity(id, opts) {
    opts = opts || {};
    var u = new URL(location.href); u.searchParams.set("id", id); history.replaceState(null, "", u);
    if (opts.keepGraph) return Promise.all([loadCard(id), loadCollaborators(id)]);
    // the network first (the largest answer), then the card and the collaborators while it lays out
    var sg = opts.prefetched || fetchNeighbourhood(id);
    var side = sg.catch(function () {}).then(function () { return Promise.all([loadCard(id), loadCollaborators(id)]); });
    return Promise.all([loadNeighbourhood(id, sg), side]);
  }
  rk.openEntity = openEntity; rk.expand = expand; rk.showEvidence = showEvidence; rk.findPaths = findPaths;

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.ent");
    if (a && a.dataset.id) { ev.preventDefault(); openEntity(a.dataset.id); }
  });

  function init() {
    var params = new URLSearchParams(location.search), prefetched = null;
    if (params.get("depth")) $("#depth").value = params.get("depth");
    if (Number(params.get("limit")) > 0) state.limit = Math.min(2000, Number(params.get("limit")));
    if (params.get("id")) {  // deep link: fetch the neighbourhood while the ontology loads (default filters)
      prefetched = api("/api/entities/" + encodeURIComponent(params.get("id")) + "/neighbors",
        { depth: $("#depth").value, limit: state.limit });
      prefetched.catch(function () {});
    }
    return api("/api/ontology").then(function (o) {
      rk.marks.ontology = performance.now();
      readOntology(o);
      renderLegend(); renderFilters();
      attachSuggest($("#search"), $("#suggestions"), function (it) { openEntity(it.id); }, $("#search-label"));
      attachSuggest($("#path-a"), $("#path-a").nextElementSibling, function () {});
      attachSuggest($("#path-b"), $("#path-b").nextElementSibling, function () {});
      $("#find-paths").addEventListener("click", findPaths);
      $("#apply").addEventListener("click", function () { if (state.center) loadNeighbourhood(state.center); });
      $("#depth").addEventListener("change", function () { if (state.center) loadNeighbourhood(state.center); });
      $("#dl-graphml").addEventListener("click", downloadGraphml);
      $("#dl-png").addEventListener("click", downloadPng);
      rk.ready = true;
      if (params.get("id")) return openEntity(params.get("id"), { prefetched: prefetched });
    }).catch(function (e) { showStatus("ontology: " + e.message, true); });
  }
  if (typeof vis === "undefined") { document.body.insertAdjacentHTML("afterbegin", '<p class="error">vis-network did not load.</p>'); return; }
  init();
})();
