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
    total: 0, truncated: false, lastNeighbors: null, mode: "neighbourhood", limit: 500,
    all: { nodes: {}, edges: {} }, expandedSet: {}, revealed: {}, plan: null, labelFilter: null, budget: 60
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
  function outcomeName(props, fallback) {
    // an outcome is named by what it counts: metric + value + unit + qualifier ("五一技术标兵 170 名")
    props = props || {};
    if (props.value === null || props.value === undefined || props.value === "") return fallback || "";
    var q = props.qualifier || "", before = /^(近|约|超过|超|逾|达|不少于|至少)$/.test(q);
    var num = (before ? q : "") + fmtNum(props.value) + (before ? "" : q);
    return [props.metric || "", num, props.unit || ""].filter(Boolean).join(" ").trim();
  }
  function displayName(n) {
    var base = n.name || (n.props && (n.props.name || n.props.title)) || n.id;
    if ((n.labels || []).indexOf("Outcome") >= 0) return outcomeName(n.props, base) || base;
    return base;
  }
  function nodeView(n, depth) {
    var labels = n.labels || [], p = primaryLabel(labels);
    var st = state.styles.labels[p] || { color: "#999", shape: "dot" };
    var full = displayName(n);
    var v = {
      id: n.id, label: full.length > 12 ? full.slice(0, 11) + "…" : full,  // the full name is in the tooltip
      shape: st.shape || "dot", color: { background: st.color, border: st.color, highlight: { background: st.color, border: "#222" } },
      borderWidth: 1, raw: n, kind: p,  // not `group`: vis-network would repaint nodes in its own group palette
      title: p + ": " + full + (isPilot(labels) ? "\nPilotUnit (试点)" : "") +
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
    // below the drawing area, collapsed by default (a strip of items when opened)
    var box = $("#legend .items"), html = "";
    state.labels.forEach(function (k) {
      var st = state.styles.labels[k];
      html += '<div><span class="sw" style="background:' + esc(st.color) + '"></span>' + esc(k) + ' <small>' + esc(st.shape) + "</small></div>";
    });
    Object.keys(state.extraLabels).forEach(function (k) {
      html += '<div><span class="sw pilot" style="border-color:' + esc(state.extraLabels[k].color) + '"></span>' + esc(k) + " <small>(dashed border)</small></div>";
    });
    html += '<div><span class="sw grp"></span>+N <small>group (click to open)</small></div>';
    state.relTypes.forEach(function (k) {
      if (k === "MENTIONED_IN") return;
      html += '<div><span class="ln" style="background:' + esc(state.styles.rels[k].color) + '"></span>' + esc(k) + "</div>";
    });
    box.innerHTML = html;
    $("#legend").addEventListener("toggle", function () { if (state.network) state.network.redraw(); });
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
  var MATCH_WORDS = { exact: "", alias: "别名 alias", prefix: "", substring: "", title: "职务 post" };
  function attachSuggest(input, list, onPick, labelSelect) {
    // suggestions as you type, best first (name > alias > prefix > substring > post title), with
    // the total and a "more" row that loads the next page
    var items = [], active = -1, seq = 0, total = 0, PAGE = 10;
    function close() { list.hidden = true; active = -1; }
    function render() {
      list.innerHTML = "";
      items.forEach(function (it, i) {
        var alias = (it.aliases || []).filter(function (a) { return a !== it.name; }).slice(0, 3).join("、");
        var how = MATCH_WORDS[it.match] ? '<span class="how">' + esc(MATCH_WORDS[it.match]) + "</span>" : "";
        var li = el("li", { role: "option", "data-id": it.id, "data-match": it.match || "", "class": i === active ? "active" : "" },
          "<span>" + esc(it.name) + "</span>" + labelBadge(it.labels) + how +
          (it.via ? '<span class="alias">' + esc(it.via) + "</span>" : "") +
          (alias ? '<span class="alias">' + esc(alias) + "</span>" : "") +
          (it.region ? '<span class="alias">' + esc(it.region) + "</span>" : ""));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      if (items.length) {
        var foot = el("li", { "class": "total", role: "presentation" },
          "<span>" + items.length + " / " + total + "</span>" +
          (items.length < total ? ' <a class="more" href="#">更多 more ▾</a>' : ""));
        var more = foot.querySelector(".more");
        if (more) more.addEventListener("mousedown", function (ev) { ev.preventDefault(); ev.stopPropagation(); fetchPage(items.length); });
        list.appendChild(foot);
      } else if (input.value.trim() && total === 0 && seq > 0) {
        list.appendChild(el("li", { "class": "total", role: "presentation" },
          "<span>无结果 nothing found for “" + esc(input.value.trim()) + "” (names, aliases, post titles)</span>"));
      }
      list.hidden = !list.children.length;
    }
    function pick(i) {
      var it = items[i]; if (!it) return;
      input.value = it.name; input.dataset.id = it.id; close(); onPick(it);
    }
    function fetchPage(offset) {
      var q = input.value.trim(), my = ++seq;
      return api("/api/entities", { q: q, type: labelSelect ? labelSelect.value : null, limit: PAGE, offset: offset }).then(function (res) {
        if (my !== seq) return;
        total = res.total || 0;
        items = offset ? items.concat(res.items || []) : (res.items || []);
        if (!offset) active = items.length ? 0 : -1;
        render();
        rk.lastSearch = { q: q, shown: items.length, total: total };
      }).catch(function (e) { showStatus("search: " + e.message, true); });
    }
    var lookup = debounce(function () {
      input.dataset.id = "";
      if (!input.value.trim()) { items = []; total = 0; render(); return; }
      fetchPage(0);
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
      var isOutcome = (c.labels || []).indexOf("Outcome") >= 0;
      h += "<div>" + labelBadge(c.labels) + "</div><h2 id=\"card-name\">" + esc(isOutcome ? outcomeName(props, c.name) : c.name) + "</h2>";
      if (isOutcome) {
        // who the result is credited to (REPORTED → this outcome), and what it counts
        var credited = (c.related || []).filter(function (r) { return r.rel_type === "REPORTED" && r.direction === "in"; });
        h += '<div class="credited">成效归属 credited to: ' + (credited.length ? credited.map(function (r) { return entLink(r.id, r.name, r.labels); }).join("、") : "—") + "</div>";
        var facts = [];
        ["metric", "value", "unit", "qualifier", "year"].forEach(function (k) { if (props[k] !== undefined && props[k] !== null && props[k] !== "") facts.push(k + ": " + esc(k === "value" ? fmtNum(props[k]) : props[k])); });
        if (facts.length) h += '<div class="meta">' + facts.join(" · ") + "</div>";
        if (c.name && c.name !== outcomeName(props, c.name)) h += '<div class="meta">原文 text: ' + esc(c.name) + "</div>";
      }
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
        // named by what it counts: metric + value + unit + qualifier ("五一技术标兵 170 名")
        return '<li class="outcome"><a class="ent" data-id="' + esc(o.id) + '">' + esc(outcomeName(o, o.name)) + "</a>" +
          (o.year ? ' <small class="meta">' + esc(o.year) + "</small>" : "") + "</li>";
      });
      rel("其他关系 Other relations", c.related, relFmt);
      rel("来源文档 Source documents", c.documents, function (d) {
        return '<li><a class="doc-open" target="_blank" href="/ui/reader.html?doc=' + encodeURIComponent(d.doc_id) + '">' +
          esc(d.title || d.doc_id) + '</a> <small class="meta">' + esc(d.date || "") + " " + esc(d.source || "") +
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
  // state.all holds everything loaded (raw nodes and edges by id); the DataSets hold what is
  // drawn: the nodes that reformkgLayout.plan() keeps, and one group node per folded set.
  var L = window.reformkgLayout;
  function ensureNetwork() {
    if (state.network) return;
    state.nodesData = new vis.DataSet();
    state.edgesData = new vis.DataSet();
    var font = getComputedStyle(document.body).fontFamily;
    state.network = new vis.Network($("#network"), { nodes: state.nodesData, edges: state.edgesData }, {
      nodes: { font: { face: font, size: 14 } },
      edges: { font: { face: font, size: 10, align: "middle", color: "#555" }, smooth: false },
      physics: { enabled: false },
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
        var e = state.edgesData.get(p.edges[0]);
        if (e && e.grp) expand(e.to); else showEvidence(p.edges[0]);
      }
    });
    state.network.on("doubleClick", function (p) {
      clearTimeout(clickTimer);
      if (p.nodes.length && !isGroup(p.nodes[0])) openEntity(p.nodes[0], { keepGraph: true });
    });
  }
  function isGroup(id) { return String(id).indexOf("group:") === 0; }
  function markDrawn() {
    // fires once the current data has been laid out and drawn on the canvas
    state.network.once("afterDrawing", function () {
      rk.drawnAt = performance.now(); rk.draws++;
      window.dispatchEvent(new CustomEvent("reformkg:drawn", { detail: { at: rk.drawnAt, nodes: state.nodesData.length, edges: state.edgesData.length } }));
    });
    state.network.redraw();
  }
  function labelWidth(id) {
    var v = state.nodesData.get(id);
    return ((v && v.label) || "").length * 15 + 24;
  }
  function groupView(g) {
    var lab = g.label, st = (lab && state.styles.labels[lab]) || { color: "#888" };
    var text = "+" + g.members.length + " " + (lab || "更多 more");
    var detail = Object.keys(g.labels).map(function (k) { return k + " " + g.labels[k]; }).join(", ");
    return { id: g.id, label: text, shape: "box", grp: g, kind: "group",
             color: { background: "#fff", border: st.color, highlight: { background: "#f3f3f6", border: "#222" } },
             borderWidth: 2, shapeProperties: { borderDashes: [4, 3] }, font: { color: "#333", size: 13 },
             title: text + " — " + detail + "\n单击展开 click to show more" };
  }
  function viewOf() {
    // the plan of what to draw from everything loaded, with the filters' label choice
    var nodes = Object.keys(state.all.nodes).map(function (k) { return state.all.nodes[k]; });
    var edges = Object.keys(state.all.edges).map(function (k) { return state.all.edges[k]; });
    var labs = state.labelFilter;
    var p = L.plan(nodes, edges, state.center, {
      labelOf: function (n) { return primaryLabel(n.labels); },
      expanded: state.expandedSet, revealed: state.revealed, budget: state.budget, all: state.noGrouping
    });
    if (labs && labs.length) {
      // label filter: nodes of those labels, and the nodes between them and the focus (faded)
      var keep = {}, wanted = {};
      keep[state.center] = true;
      nodes.forEach(function (n) {
        if (!p.visible[n.id] || !(n.labels || []).some(function (l) { return labs.indexOf(l) >= 0; })) return;
        wanted[n.id] = true;
        for (var x = n.id; x !== undefined && !keep[x]; x = p.parent[x]) keep[x] = true;
      });
      p.visible = keep; p.wanted = wanted;
      p.groups = p.groups.filter(function (g) { return keep[g.parent] && (!g.label || labs.indexOf(g.label) >= 0); });
    }
    return p;
  }
  function render(mode) {
    // mode: "fresh" (new focus: radial layout of everything) or "grow" (new nodes near their parent)
    var p = viewOf(), want = {}, nodes = [], edges = [];
    state.plan = p;
    Object.keys(p.visible).forEach(function (id) {
      var n = state.all.nodes[id]; if (!n) return;
      var v = nodeView(n);
      if (p.wanted && !p.wanted[id] && id !== state.center) { v.opacity = 0.45; v.title += "\n(在所选类别之间 in between)"; }
      want[id] = v; nodes.push(v);
    });
    p.groups.forEach(function (g) { var v = groupView(g); want[g.id] = v; nodes.push(v); });
    var types = {};
    Object.keys(state.all.edges).forEach(function (k) {
      var e = state.all.edges[k];
      if (want[e.source] && want[e.target] && !isGroup(e.source)) { edges.push(edgeView(e)); }
    });
    p.groups.forEach(function (g) {
      edges.push({ id: "edge:" + g.id, from: g.parent, to: g.id, grp: true, raw: { type: groupType(g) },
                   dashes: true, color: { color: "#bbb" }, width: 1, title: "单击展开 click to show more" });
    });
    var showEdgeLabels = edges.length <= 40;
    edges.forEach(function (e) { if (!showEdgeLabels || e.grp) e.label = undefined; });
    var wantEdges = {};
    edges.forEach(function (e) { wantEdges[e.id] = true; });
    var oldPos = state.network.getPositions();
    state.nodesData.remove(state.nodesData.getIds().filter(function (id) { return !want[id]; }));
    state.edgesData.remove(state.edgesData.getIds().filter(function (id) { return !wantEdges[id]; }));
    var parentOf = {};
    Object.keys(p.visible).forEach(function (id) { if (p.parent[id] !== undefined) parentOf[id] = p.parent[id]; });
    p.groups.forEach(function (g) { parentOf[g.id] = g.parent; });
    var pos;
    if (mode === "fresh") {
      pos = L.radial(state.center, parentOf, Object.keys(want), function (id) { return ((want[id].label || "").length * 15 + 24); });
    } else {
      pos = {};
      nodes.forEach(function (v) {
        if (oldPos[v.id]) { pos[v.id] = oldPos[v.id]; return; }
        var par = parentOf[v.id], pp = oldPos[par] || pos[par] || { x: 0, y: 0 }, c = oldPos[state.center] || { x: 0, y: 0 };
        var dx = pp.x - c.x, dy = pp.y - c.y, d = Math.sqrt(dx * dx + dy * dy) || 1, j = nodes.indexOf(v);
        var a = Math.atan2(dy, dx) + ((j % 7) - 3) * 0.35;
        pos[v.id] = { x: pp.x + Math.cos(a) * (140 + d * 0.15), y: pp.y + Math.sin(a) * (140 + d * 0.15) };
      });
    }
    nodes.forEach(function (v) { if (pos[v.id]) { v.x = pos[v.id].x; v.y = pos[v.id].y; } });
    state.nodesData.update(nodes);
    state.edgesData.update(edges);
    updateCount();
    declutterThenDraw(mode === "fresh");
  }
  function groupType(g) {
    var counts = {};
    Object.keys(state.all.edges).forEach(function (k) {
      var e = state.all.edges[k];
      if ((e.source === g.parent && g.members.indexOf(e.target) >= 0) || (e.target === g.parent && g.members.indexOf(e.source) >= 0))
        counts[e.type] = (counts[e.type] || 0) + 1;
    });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })[0] || "";
  }
  function boxes() {
    var ids = state.nodesData.getIds(), pos = state.network.getPositions(ids);
    return ids.map(function (id) {
      var bb = state.network.getBoundingBox(id), p = pos[id];
      return { id: id, x: p.x, y: p.y, box: { l: bb.left - p.x, r: bb.right - p.x, t: bb.top - p.y, b: bb.bottom - p.y },
               fixed: state.mode !== "paths" && id === state.center };
    });
  }
  rk.boxes = boxes; rk.overlaps = function () { return L.overlapCount(boxes(), 0); };
  function declutterThenDraw(fit) {
    // label boxes are known once drawn: draw, move overlapping boxes apart, draw again
    state.network.once("afterDrawing", function () {
      var t0 = performance.now(), items = boxes();
      rk.overlapsBefore = L.overlapCount(items, 0);
      rk.overlapsLeft = L.declutter(items, { axis: state.mode === "paths" ? "y" : null });
      // one DataSet update (moveNode per node would redraw the whole canvas once per node)
      state.nodesData.update(items.map(function (it) { return { id: it.id, x: it.x, y: it.y }; }));
      rk.marks.declutter = performance.now() - t0;
      if (fit) state.network.fit({ animation: false });
      markDrawn();
    });
    state.network.redraw();
  }
  function resetView(center) {
    state.all = { nodes: {}, edges: {} };
    state.expandedSet = {}; state.revealed = {};
    state.center = center;
  }
  function addSubgraph(sg, depthOffset) {
    var n0 = 0, e0 = 0;
    (sg.nodes || []).forEach(function (n) {
      if (!state.all.nodes[n.id]) { state.all.nodes[n.id] = Object.assign({}, n, { depth: (n.depth || 0) + depthOffset }); n0++; }
    });
    (sg.edges || []).forEach(function (e) {
      if (!state.all.edges[e.id]) { state.all.edges[e.id] = e; e0++; }
    });
    return { nodes: n0, edges: e0 };
  }
  function updateCount() {
    var shown = state.edgesData ? state.edgesData.get({ filter: function (e) { return !e.grp; } }).length : 0;
    var loaded = state.all ? Object.keys(state.all.edges).length : 0, total = Math.max(state.total, loaded, shown);
    var groups = state.plan ? state.plan.groups.length : 0;
    var c = $("#count");
    c.textContent = "showing " + shown + " of " + total + " relationships · " +
      (state.nodesData ? state.nodesData.length - groups : 0) + " nodes" +
      (groups ? " · " + groups + " groups (click + to open)" : "") + (state.truncated ? " (capped)" : "");
    c.className = "count" + (state.truncated ? " capped" : "");
    $("#dl-graphml").disabled = $("#dl-png").disabled = !state.center;
  }
  function fetchNeighbourhood(id) {
    var f = filters();
    return api("/api/entities/" + encodeURIComponent(id) + "/neighbors",
      { depth: $("#depth").value, limit: state.limit, rel_types: f.rel_types, since: f.since, until: f.until });
  }
  function explainEmpty() {
    // nothing but the focus is drawn: say which filter emptied the view
    var f = filters(), parts = [];
    if (f.rel_types) parts.push("关系 relations: " + (f.rel_types.join(", ") || "none"));
    if (f.labels) parts.push("类别 labels: " + f.labels.join(", "));
    if (f.since || f.until) parts.push("年份 years: " + ($("#since").value || "…") + "–" + ($("#until").value || "…"));
    if (!parts.length) return "此实体没有关系 this entity has no relationships (of the shown types).";
    return "没有符合筛选条件的关系 no relationship matches the filters (" + parts.join("; ") +
      "). 放宽筛选 widen the filters to see more.";
  }
  function loadNeighbourhood(id, prefetched) {
    ensureNetwork();
    state.mode = "neighbourhood";
    showStatus("loading…");
    return (prefetched || fetchNeighbourhood(id)).then(function (sg) {
      rk.marks.neighbors = performance.now();
      state.lastNeighbors = sg; state.expanded = false;
      resetView(id);
      state.labelFilter = filters().labels;
      state.nodesData.clear(); state.edgesData.clear();
      state.total = sg.total || 0; state.truncated = !!sg.truncated;
      addSubgraph(sg, 0);
      render("fresh");
      var real = state.nodesData.get({ filter: function (v) { return !!v.raw; } }).length;
      showStatus(real <= 1 ? explainEmpty() : "");
      rk.emptyExplained = real <= 1;
      return sg;
    }).catch(function (e) { showStatus("neighbours: " + e.message, true); });
  }
  function visibleCount() { return state.nodesData.get({ filter: function (v) { return !!v.raw; } }).length; }
  function revealNeighbours(id) {
    // the clicked node's neighbours, best first, up to the focus's cap per type
    var ranked = [], score = (state.plan && state.plan.score) || {};
    Object.keys(state.all.edges).forEach(function (k) {
      var e = state.all.edges[k], o = e.source === id ? e.target : e.target === id ? e.source : null;
      if (o && state.all.nodes[o] && ranked.indexOf(o) < 0) ranked.push(o);
    });
    ranked.sort(function (a, b) { return (score[b] || 0) - (score[a] || 0); });
    var per = {};
    ranked.forEach(function (o) {
      var lab = primaryLabel(state.all.nodes[o].labels);
      per[lab] = (per[lab] || 0) + 1;
      if (per[lab] <= L.DEFAULTS.capFirst) state.revealed[o] = true;
    });
  }
  function expandGroup(id) {
    var g = (state.plan.groups || []).filter(function (x) { return x.id === id; })[0];
    if (!g) return Promise.resolve();
    var before = visibleCount();
    g.members.slice(0, L.DEFAULTS.revealStep).forEach(function (m) { state.revealed[m] = true; });
    render("grow");
    var added = visibleCount() - before;
    rk.lastExpand = { id: id, added: added };
    return Promise.resolve(added);
  }
  function expand(id) {
    if (isGroup(id)) return expandGroup(id);
    var f = filters();
    showStatus("expanding…");
    var before = visibleCount();
    return api("/api/entities/" + encodeURIComponent(id) + "/neighbors",
      { depth: 1, limit: 200, rel_types: f.rel_types, since: f.since, until: f.until }).then(function (sg) {
      var got = addSubgraph(sg, 1);
      if (got.edges) state.expanded = true;
      if (sg.truncated) state.truncated = true;
      state.total += got.edges + Math.max(0, (sg.total || 0) - (sg.edges || []).length);
      state.expandedSet[id] = true; state.revealed[id] = true;
      revealNeighbours(id);
      render("grow");
      var added = visibleCount() - before;
      showStatus(added ? "" : "没有新的邻居 no new neighbours");
      if (!added) setTimeout(function () { showStatus(""); }, 1200);
      rk.lastExpand = { id: id, added: added };
    }).catch(function (e) { showStatus("expand: " + e.message, true); });
  }
  function layoutPaths(paths) {
    // the path view: columns by hop from the source (left) to the target (right)
    var pos = L.leftToRight(paths.map(function (p) { return p.nodes.map(function (n) { return n.id; }); }), labelWidth);
    state.nodesData.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    updateCount();
    declutterThenDraw(true);
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
      var conf = (it.confidence !== undefined && it.confidence !== null) || it.producer ?
        '<div class="conf">置信度 confidence ' + esc(it.confidence !== undefined && it.confidence !== null ? Number(it.confidence).toFixed(2) : "1.00") +
        (it.producer ? " · 来源 producer " + esc(it.producer) : "") + "</div>" : "";
      return '<div class="item"><div class="sentence">' + sent + '</div><div class="doc">文档 doc: ' +
        '<a class="doc-open" target="_blank" href="/ui/reader.html?doc=' + encodeURIComponent(it.doc_id) +
        (it.start !== undefined && it.start >= 0 ? "&at=" + it.start : "") + '" data-doc="' + esc(it.doc_id) + '">' +
        esc(d.title || it.doc_id) + "</a>" +
        (d.date ? " · " + esc(d.date) : "") + (d.source ? " · " + esc(d.source) : "") + "</div>" + conf + "</div>";
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
        ' <small class="meta">(' + (ev.total || 0) + " evidence" + (ev.truncated ? ", capped" : "") + ")</small>" +
        ' <span class="review-slot"></span></div>' + evidenceHtml(ev.items || [], src, tgt) + '<div class="review-box"></div>';
      rk.lastEvidence = edgeId;
      reviewPanel(edgeId, e, src, tgt);
      if (narrow() && document.body.dataset.tab === "graph") showTab("side");
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ fact review
  function apiKey() { return sessionStorage.getItem("reformkg-key") || ""; }
  function apiPost(path, body) {
    rk.busy++;
    return fetch(path, { method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "Accept": "application/json", "Authorization": "Bearer " + apiKey() } })
      .then(function (r) {
        return r.text().then(function (t) {
          var b = null;
          try { b = t ? JSON.parse(t) : null; } catch (e) { b = { message: t }; }
          if (!r.ok) { var err = new Error((b && (b.message || b.detail)) || ("HTTP " + r.status)); err.status = r.status; throw err; }
          return b;
        });
      }).finally(function () { rk.busy--; });
  }
  var BADGES = { confirm: ["✓ 已确认 confirmed", "ok"], reject: ["✗ 已否决 rejected", "no"], correct: ["✎ 已更正 corrected", "fix"] };
  function reviewBadge(rv) {
    if (!rv) return "";
    var b = BADGES[rv.decision] || [rv.decision, ""];
    return '<span class="review-badge ' + b[1] + '" title="reviewed ' + esc(rv.created) + '">' + b[0] + "</span>";
  }
  function reviewPanel(edgeId, e, src, tgt) {
    // the decision's badge for everyone; with the API key, confirm / reject / correct
    var isOutcome = (tgt.labels || []).indexOf("Outcome") >= 0 && e.type === "REPORTED";
    var stateUrl = isOutcome ? "/api/review/outcomes/" + encodeURIComponent(tgt.id) : "/api/review/facts/" + encodeURIComponent(edgeId);
    var slot = $("#evidence .review-slot"), box = $("#evidence .review-box");
    api(stateUrl).then(function (st) {
      if (rk.lastEvidence !== edgeId) return;
      slot.innerHTML = reviewBadge(st.review);
      rk.lastReview = { edge: edgeId, decision: st.review ? st.review.decision : null };
    }).catch(function () {});
    if (!apiKey()) { box.innerHTML = '<p class="hint">审核需要 API key: enter it under “审核 Review” to confirm, reject or correct.</p>'; return; }
    var p = e.props || {}, tp = (tgt.props || {});
    var field = function (name, label, value) {
      return '<label>' + label + ' <input name="' + name + '" value="' + esc(value === undefined || value === null ? "" : value) + '"></label>';
    };
    var form = isOutcome
      ? field("value", "数值 value", tp.value) + field("unit", "单位 unit", tp.unit) + field("actor_id", "归属 actor id", src.id)
      : '<label>类型 type <select name="type">' + state.relTypes.filter(function (t) { return t !== "MENTIONED_IN"; }).map(function (t) {
          return "<option" + (t === e.type ? " selected" : "") + ">" + esc(t) + "</option>"; }).join("") + "</select></label>" +
        field("source_id", "起点 from id", src.id) + field("target_id", "终点 to id", tgt.id) +
        field("title", "职务 title", p.title) + field("role", "角色 role", p.role) + field("year", "年份 year", p.year);
    box.innerHTML = '<div class="review"><b>审核 review' + (isOutcome ? " (outcome)" : "") + ':</b> ' +
      '<button type="button" data-act="confirm">✓ 确认 confirm</button> <button type="button" data-act="reject">✗ 否决 reject</button>' +
      '<details class="correct"><summary>✎ 更正 correct…</summary><div class="fields">' + form +
      '</div><button type="button" data-act="correct">保存更正 save correction</button></details><div class="review-msg"></div></div>';
    Array.prototype.forEach.call(box.querySelectorAll("button[data-act]"), function (b) {
      b.addEventListener("click", function () { decide(b.dataset.act, edgeId, isOutcome, tgt, box); });
    });
  }
  function decide(act, edgeId, isOutcome, tgt, box) {
    var body = { decision: act }, val = function (n) { var i = box.querySelector("[name=" + n + "]"); return i ? i.value.trim() : ""; };
    if (act === "correct") {
      if (isOutcome) {
        if (val("value")) body.value = Number(val("value"));
        if (val("unit")) body.unit = val("unit");
        if (val("actor_id")) body.actor_id = val("actor_id");
      } else {
        body.type = val("type"); body.source_id = val("source_id"); body.target_id = val("target_id");
        body.props = {};
        ["title", "role"].forEach(function (k) { body.props[k] = val(k) || null; });
        if (val("year")) body.props.year = Number(val("year"));
      }
    }
    var url = isOutcome ? "/api/review/outcomes/" + encodeURIComponent(tgt.id) : "/api/review/facts/" + encodeURIComponent(edgeId);
    var msg = box.querySelector(".review-msg");
    msg.textContent = "…";
    return apiPost(url, body).then(function (rv) {
      msg.innerHTML = "已保存 saved: " + reviewBadge(rv);
      rk.lastDecision = rv;
      if (!isOutcome && rv.decision === "reject") {
        delete state.all.edges[edgeId]; state.edgesData.remove(edgeId); updateCount();
      }
      if (!isOutcome && rv.decision === "correct" && state.center) {
        loadNeighbourhood(state.center).then(function () { showEvidence(rv.new_id || edgeId); });
        if (state.card) loadCard(state.card.id);
      } else if (rv.decision !== "reject") {
        $("#evidence .review-slot").innerHTML = reviewBadge(rv);
      }
      loadQueue();
    }).catch(function (e) { msg.innerHTML = '<span class="error">' + esc(e.message) + "</span>"; });
  }
  function loadQueue() {
    // facts not yet reviewed, lowest confidence first
    var box = $("#review-queue");
    if (!box || !box.closest("details").open) return Promise.resolve();
    return api("/api/review/queue", { limit: 10 }).then(function (q) {
      box.innerHTML = '<p class="hint">' + q.total + " 待审 to review (lowest confidence first)</p><ol>" + q.items.map(function (it) {
        return '<li><a class="queue-item" data-edge="' + esc(it.id) + '">' + esc(it.source_name || it.source) + " —" + esc(it.type) + "→ " +
          esc(it.target_name || it.target) + '</a> <small class="meta">' + it.confidence.toFixed(2) + (it.producer ? " · " + esc(it.producer) : "") + "</small></li>";
      }).join("") + "</ol>";
      Array.prototype.forEach.call(box.querySelectorAll("a.queue-item"), function (a) {
        a.addEventListener("click", function () { showEvidence(a.dataset.edge); });
      });
      rk.queueLoaded = q.items.length;
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }
  function initReview() {
    var key = $("#api-key");
    key.value = apiKey();
    key.addEventListener("change", function () {
      if (key.value.trim() === apiKey()) return;  // (a blur after a dispatched change: nothing new)
      sessionStorage.setItem("reformkg-key", key.value.trim());
      if (rk.lastEvidence) showEvidence(rk.lastEvidence);
    });
    $("#review").addEventListener("toggle", loadQueue);
  }

  // ------------------------------------------------------------------ collaborators
  function partnerList(items, cls) {
    return '<ol class="' + cls + '">' + items.map(function (c) {
      var why = (c.reasons || []).slice(0, 4).map(function (r) { return "<li>" + esc(r.text) + "</li>"; }).join("");
      return "<li>" + entLink(c.id, c.name, c.label ? [c.label] : null) + ' <small class="meta">' + (Math.round(c.score * 100) / 100) +
        '</small><ul class="why">' + why + "</ul></li>";
    }).join("") + "</ol>";
  }
  function loadCollaborators(id) {
    // typed evidence of working together (saved query works_with); co-mention only on request
    var box = $("#collaborators .body"), withMentions = $("#co-mention").checked;
    box.innerHTML = '<p class="hint">…</p>';
    return api("/api/entities/" + encodeURIComponent(id) + "/works-with", { limit: 20, co_mention: withMentions ? "true" : null }).then(function (res) {
      var items = res.items || [], h = "";
      h += items.length ? partnerList(items, "partners")
        : '<p class="hint">无合作证据 no evidence of working together (co-sponsoring, partnering, memberships, programmes, posts).</p>';
      if (res.co_mentions) {
        h += '<h3 class="sub">同页提及 named on the same pages (weak signal)</h3>' +
          (res.co_mentions.length ? partnerList(res.co_mentions, "co-mentions") : '<p class="hint">无 none.</p>');
      }
      box.innerHTML = h;
      rk.lastCollaborators = id;
    }).catch(function (e) { box.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; });
  }

  // ------------------------------------------------------------------ paths
  function findPaths() {
    var a = $("#path-a").dataset.id, b = $("#path-b").dataset.id, box = $("#paths .body");
    if (!a || !b) { box.innerHTML = '<p class="error">请从建议中选择两个实体 pick both ends from the suggestions.</p>'; return Promise.resolve(); }
    box.innerHTML = '<p class="hint">…</p>';
    var skip = $("#skip-generic").checked;
    return api("/api/paths", { source: a, target: b, max_hops: $("#max-hops").value, limit: 10,
                               skip_generic: skip ? "true" : null }).then(function (res) {
      var paths = res.paths || [];
      rk.lastPaths = paths.length;
      var excluded = (res.excluded || []).map(function (h) {
        return entLink(h.id, h.name) + ' <small class="meta">(' + h.degree + ")</small>";
      });
      var skipped = excluded.length ? '<p class="skipped">绕开的泛化节点 skipped generic nodes: ' + excluded.join("、") + "</p>" : "";
      rk.lastExcluded = (res.excluded || []).map(function (h) { return h.id; });
      if (!paths.length) {
        box.innerHTML = '<p class="hint">未找到路径 no path within ' + esc(res.max_hops) + " hops" +
          (skip ? " that avoids generic nodes (untick “skip generic nodes” to allow them)" : "") + ".</p>" + skipped;
        return;
      }
      ensureNetwork();
      state.mode = "paths"; state.center = a;
      state.nodesData.clear(); state.edgesData.clear();
      resetView(a); state.plan = null;
      paths.forEach(function (p) { addSubgraph({ nodes: p.nodes, edges: p.hops.map(function (h) { return h.edge; }) }, 0); });
      state.nodesData.add(Object.keys(state.all.nodes).map(function (k) { return nodeView(state.all.nodes[k]); }));
      state.edgesData.add(Object.keys(state.all.edges).map(function (k) { return edgeView(state.all.edges[k]); }));
      state.total = state.edgesData.length; state.truncated = !!res.truncated;
      layoutPaths(paths);
      box.innerHTML = paths.map(function (p, i) {
        var parts = [];
        p.nodes.forEach(function (n, j) {
          parts.push(entLink(n.id, n.name));
          if (j < p.hops.length) parts.push('<span class="arrow"> —' + esc(p.hops[j].edge.type) + "— </span>");
        });
        return '<div class="path" data-i="' + i + '">' + (i + 1) + ". " + parts.join("") + "</div>";
      }).join("") + (res.truncated ? '<p class="hint">(capped)</p>' : "") + skipped;
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
      if (!n.raw) return;  // a group node
      out.push('<node id="' + x(n.id) + '"><data key="name">' + x(n.raw.name) + '</data><data key="labels">' + x((n.raw.labels || []).join(";")) + "</data></node>");
    });
    state.edgesData.forEach(function (e) {
      if (e.grp) return;
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
    if (id !== rk.openId) {  // panels about the previous entity go
      $("#evidence .body").innerHTML = '<p class="hint">单击一条连线查看来源句子。Click an edge.</p>';
      $("#paths .body").innerHTML = "";
      rk.lastEvidence = null;
    }
    rk.openId = id;
    if (opts.keepGraph) return Promise.all([loadCard(id), loadCollaborators(id)]);
    // the network first (the largest answer), then the card and the collaborators while it lays out
    var sg = opts.prefetched || fetchNeighbourhood(id);
    var side = sg.catch(function () {}).then(function () { return Promise.all([loadCard(id), loadCollaborators(id)]); });
    return Promise.all([loadNeighbourhood(id, sg), side]);
  }
  // ------------------------------------------------------------------ tabs (phones, tablets)
  function narrow() { return window.matchMedia("(max-width: 768px)").matches; }
  function showTab(tab) {
    document.body.dataset.tab = tab;
    if (tab === "graph" && state.network) {
      // the canvas was hidden (0×0): size it to the panel again and fit the view
      state.network.setSize("100%", "100%"); state.network.redraw(); state.network.fit({ animation: false });
    }
  }
  rk.showTab = showTab;
  Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
    b.addEventListener("click", function () { showTab(b.dataset.tab); });
  });

  rk.openEntity = openEntity; rk.expand = expand; rk.showEvidence = showEvidence; rk.findPaths = findPaths;

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.ent");
    if (a && a.dataset.id) { ev.preventDefault(); openEntity(a.dataset.id); }
  });

  function init() {
    var params = new URLSearchParams(location.search), prefetched = null;
    if (params.get("depth")) $("#depth").value = params.get("depth");
    if (Number(params.get("limit")) > 0) state.limit = Math.min(2000, Number(params.get("limit")));
    if (params.get("group") === "0") state.noGrouping = true;  // draw every loaded node (bench, exports)
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
      initReview();
      $("#co-mention").addEventListener("change", function () { if (state.center) loadCollaborators(state.card ? state.card.id : state.center); });
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
