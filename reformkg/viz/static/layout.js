/* reformkg view layout, pure functions over plain data (no DOM, no vis-network), exposed as
 * window.reformkgLayout:
 *
 * - plan(): which nodes of a loaded neighbourhood are drawn. Children of a node are ranked by
 *   relevance to the focus (evidence of the linking edges, connections in the view, recency);
 *   beyond a per-type cap they are folded into one expandable group node per type ("+143
 *   Programme"). The caps shrink until the view fits a node budget.
 * - radial(): a radial tree layout (sectors proportional to subtree size, rings by hop).
 * - leftToRight(): levels along a path, from the source on the left to the target on the right.
 * - declutter(): moves boxes apart until no two overlap (the focus stays put).
 */
(function () {
  "use strict";

  var DEFAULTS = { capFirst: 8, budget: 60, revealStep: 12 };  // opts.all: draw everything
  // (cap per type for the focus and expanded nodes, cap per parent further out), loosest first
  var STEPS = [[8, 3], [8, 2], [8, 1], [8, 0], [6, 0], [4, 0], [3, 0], [2, 0], [1, 0]];

  function yearOf(n) {
    var p = (n && n.props) || {}, y = p.year || (p.date ? String(p.date).slice(0, 4) : null);
    y = Number(y);
    return isFinite(y) && y > 1900 ? y : null;
  }

  function index(nodes, edges) {
    var byId = {}, adj = {};
    nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
    edges.forEach(function (e) {
      if (!adj[e.source] || !adj[e.target] || e.source === e.target) return;
      adj[e.source].push({ other: e.target, edge: e });
      adj[e.target].push({ other: e.source, edge: e });
    });
    return { byId: byId, adj: adj };
  }

  function relevance(idx) {
    // evidence behind a node's edges, its connections in the view, and how recent it is
    var score = {};
    Object.keys(idx.adj).forEach(function (id) {
      var ev = 0, links = idx.adj[id];
      links.forEach(function (l) { ev += Math.min(l.edge.evidence_count || 0, 20); });
      var y = yearOf(idx.byId[id]);
      score[id] = ev + 0.5 * links.length + (y ? Math.max(0, Math.min(1, (y - 2000) / 30)) : 0);
    });
    return score;
  }

  function bfsTree(center, idx, score) {
    // levels by hop distance; each node's parent is its best-linked neighbour one level closer
    var level = {}, parent = {}, children = {}, order = [center], frontier = [center];
    level[center] = 0; children[center] = [];
    while (frontier.length) {
      var next = [], cand = {};
      frontier.forEach(function (p) {
        idx.adj[p].forEach(function (l) {
          if (level[l.other] !== undefined) return;
          var w = (l.edge.evidence_count || 0) + score[p] * 1e-3;
          if (!cand[l.other] || w > cand[l.other].w) {
            if (!cand[l.other]) next.push(l.other);
            cand[l.other] = { p: p, w: w };
          }
        });
      });
      next.forEach(function (id) {
        level[id] = level[cand[id].p] + 1; parent[id] = cand[id].p; children[id] = [];
        children[cand[id].p].push(id); order.push(id);
      });
      frontier = next;
    }
    return { level: level, parent: parent, children: children, order: order };
  }

  function primary(n, labelOf) { return labelOf ? labelOf(n) : ((n.labels || [])[0] || ""); }

  /* plan(nodes, edges, center, opts) → {visible: {id: true}, groups: [...], level, parent, score}
   * opts: labelOf(node) → primary label; expanded: {id: true} nodes whose children get the
   * focus's cap; revealed: {id: true} nodes always drawn; capFirst, budget. A group is
   * {id, parent, label, members (hidden ids, best first), level}. */
  function plan(nodes, edges, center, opts) {
    opts = Object.assign({}, DEFAULTS, opts || {});
    var idx = index(nodes, edges), score = relevance(idx), t = bfsTree(center, idx, score);
    var expanded = opts.expanded || {}, revealed = opts.revealed || {};
    var rank = function (a, b) { return score[b] - score[a] || (a < b ? -1 : a > b ? 1 : 0); };
    var result = null;
    var steps = opts.all ? [[Infinity, Infinity]] : STEPS;  // opts.all: no folding at all
    for (var s = 0; s < steps.length; s++) {
      var capFirst = opts.all ? Infinity : Math.min(steps[s][0], opts.capFirst), capNext = steps[s][1];
      var visible = {}, groups = [];
      visible[center] = true;
      var stack = [center];
      while (stack.length) {
        var p = stack.pop(), kids = (t.children[p] || []).slice().sort(rank);
        var byType = {};
        var wide = p === center || expanded[p];
        kids.forEach(function (k) {
          var key = wide ? primary(idx.byId[k], opts.labelOf) : "*";
          (byType[key] = byType[key] || []).push(k);
        });
        Object.keys(byType).sort().forEach(function (key) {
          var list = byType[key], cap = wide ? capFirst : capNext, kept = 0, hidden = [];
          list.forEach(function (k) {
            if (revealed[k] || kept < cap) { visible[k] = true; stack.push(k); if (!revealed[k]) kept++; }
            else hidden.push(k);
          });
          if (hidden.length === 1) { visible[hidden[0]] = true; stack.push(hidden[0]); hidden = []; }
          if (hidden.length) {
            var labs = {};
            hidden.forEach(function (k) { var l = primary(idx.byId[k], opts.labelOf); labs[l] = (labs[l] || 0) + 1; });
            var only = Object.keys(labs).length === 1 ? Object.keys(labs)[0] : null;
            groups.push({ id: "group:" + p + ":" + key, parent: p, label: only, labels: labs, members: hidden,
                          level: (t.level[p] || 0) + 1 });
          }
        });
      }
      result = { visible: visible, groups: groups, level: t.level, parent: t.parent, score: score, step: s };
      if (Object.keys(visible).length + groups.length <= opts.budget) break;
    }
    return result;
  }

  /* radial(center, tree, ids, size) → {id: {x, y}}: ids (visible nodes and groups) placed on
   * rings by level, each subtree in a sector proportional to its number of leaves. tree maps
   * id → parent id; size(id) → the width of its label box (for the ring radii). */
  function radial(center, parentOf, ids, width) {
    var kids = {}, level = {}, pos = {};
    ids.forEach(function (id) { kids[id] = []; });
    ids.forEach(function (id) {
      var p = parentOf[id];
      if (id !== center && p !== undefined && kids[p]) kids[p].push(id);
    });
    var leaves = {};
    function count(id, l) {
      level[id] = l;
      var c = kids[id];
      leaves[id] = c.length ? c.reduce(function (s, k) { return s + count(k, l + 1); }, 0) : 1;
      return leaves[id];
    }
    count(center, 0);
    // ring radii: room for the summed label widths on each ring
    var ringWidth = {};
    ids.forEach(function (id) { if (level[id] !== undefined) ringWidth[level[id]] = (ringWidth[level[id]] || 0) + width(id) + 24; });
    var radius = [0], maxL = Math.max.apply(null, Object.keys(ringWidth).map(Number));
    for (var l = 1; l <= maxL; l++) radius[l] = Math.max(radius[l - 1] + 190, (ringWidth[l] || 0) / (2 * Math.PI));
    function place(id, a0, a1) {
      var l = level[id], mid = (a0 + a1) / 2;
      pos[id] = l === 0 ? { x: 0, y: 0 } : { x: radius[l] * Math.cos(mid), y: radius[l] * Math.sin(mid) };
      var a = a0;
      kids[id].sort().forEach(function (k) {
        var span = (a1 - a0) * leaves[k] / leaves[id];
        place(k, a, a + span); a += span;
      });
    }
    place(center, -Math.PI / 2, 1.5 * Math.PI);
    ids.forEach(function (id, i) {  // anything not reachable from the centre: an outer ring
      if (!pos[id]) { var a = 2 * Math.PI * i / ids.length; pos[id] = { x: (radius[maxL] + 240) * Math.cos(a), y: (radius[maxL] + 240) * Math.sin(a) }; }
    });
    return pos;
  }

  /* leftToRight(paths, width) → {id: {x, y}}: each node's column is its hop index from the
   * source (the smallest over all paths), nodes of one column stacked and centred. */
  function leftToRight(paths, width) {
    var col = {}, order = [];
    paths.forEach(function (ids) {
      ids.forEach(function (id, i) {
        if (col[id] === undefined) { col[id] = i; order.push(id); } else col[id] = Math.min(col[id], i);
      });
    });
    var cols = {}, colW = {};
    order.forEach(function (id) { (cols[col[id]] = cols[col[id]] || []).push(id); colW[col[id]] = Math.max(colW[col[id]] || 0, width(id)); });
    var x = 0, pos = {}, keys = Object.keys(cols).map(Number).sort(function (a, b) { return a - b; });
    keys.forEach(function (c) {
      var list = cols[c], gap = 64;
      list.forEach(function (id, i) { pos[id] = { x: x, y: (i - (list.length - 1) / 2) * gap }; });
      x += colW[c] + 90;
    });
    return pos;
  }

  function overlaps(a, b, m) {
    return a.l < b.r + m && b.l < a.r + m && a.t < b.b + m && b.t < a.b + m;
  }

  /* declutter(items, opts) moves items apart until no two boxes overlap. items: [{id, x, y,
   * box: {l, r, t, b} relative to (x, y), fixed}] (modified in place). opts.axis "y" moves only
   * vertically (path view). Returns the number of overlapping pairs left. */
  function declutter(items, opts) {
    opts = opts || {};
    var margin = opts.margin === undefined ? 6 : opts.margin, rounds = opts.rounds || 400, onlyY = opts.axis === "y";
    function abs(it) { return { l: it.x + it.box.l, r: it.x + it.box.r, t: it.y + it.box.t, b: it.y + it.box.b }; }
    var left = 0;
    for (var round = 0; round < rounds; round++) {
      left = 0;
      // sweep by left edge: only pairs whose x ranges meet are compared
      var boxes = items.map(function (it) { return { it: it, a: abs(it) }; });
      boxes.sort(function (p, q) { return p.a.l - q.a.l; });
      for (var i = 0; i < boxes.length; i++) {
        var A = boxes[i];
        for (var j = i + 1; j < boxes.length; j++) {
          var B = boxes[j];
          if (B.a.l > A.a.r + margin) break;
          if (!overlaps(A.a, B.a, margin)) continue;
          left++;
          var a = A.it, b = B.it;
          var ox = Math.min(A.a.r, B.a.r) - Math.max(A.a.l, B.a.l) + margin;
          var oy = Math.min(A.a.b, B.a.b) - Math.max(A.a.t, B.a.t) + margin;
          var dx = 0, dy = 0;
          if (!onlyY && ox < oy) {
            var sx = (b.x + (b.box.l + b.box.r) / 2) >= (a.x + (a.box.l + a.box.r) / 2) ? 1 : -1;
            dx = sx * (ox + 0.5);
          } else {
            var sy = (b.y + (b.box.t + b.box.b) / 2) > (a.y + (a.box.t + a.box.b) / 2) ? 1
              : (b.y + (b.box.t + b.box.b) / 2) < (a.y + (a.box.t + a.box.b) / 2) ? -1 : (b.id > a.id ? 1 : -1);
            dy = sy * (oy + 0.5);
          }
          var wa = a.fixed ? 0 : b.fixed ? 1 : 0.5, wb = 1 - wa;
          if (a.fixed && b.fixed) continue;
          a.x -= dx * wa; a.y -= dy * wa; b.x += dx * wb; b.y += dy * wb;
          A.a = abs(a); B.a = abs(b);
        }
      }
      if (!left) break;
    }
    return left;
  }

  /* count of overlapping pairs (for tests and the status line) */
  function overlapCount(items, margin) {
    var n = 0;
    for (var i = 0; i < items.length; i++) for (var j = i + 1; j < items.length; j++) {
      var a = items[i], b = items[j];
      if (overlaps({ l: a.x + a.box.l, r: a.x + a.box.r, t: a.y + a.box.t, b: a.y + a.box.b },
                   { l: b.x + b.box.l, r: b.x + b.box.r, t: b.y + b.box.t, b: b.y + b.box.b }, margin || 0)) n++;
    }
    return n;
  }

  window.reformkgLayout = { plan: plan, radial: radial, leftToRight: leftToRight, declutter: declutter,
                            overlapCount: overlapCount, DEFAULTS: DEFAULTS };
})();
