/* The document reader (/ui/reader.html?doc=<doc_id>&at=<offset>): the stored text with every
 * mention highlighted in its label's colour and linked to its card, the facts read from the
 * document beside it; a fact jumps to its sentence. Data: GET /api/reader/{doc_id}; colours:
 * GET /api/ontology. Hooks for tests: window.reformkgReader = {ready, data, jumped}. */
(function () {
  "use strict";
  var R = window.reformkgReader = { ready: false, data: null, jumped: null };
  var $ = function (s) { return document.querySelector(s); };
  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function get(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) throw new Error(b.message || ("HTTP " + r.status)); return b; });
    });
  }
  function colours(o) {
    var out = {}, labels = o.labels || {};
    (Array.isArray(labels) ? labels : Object.keys(labels).map(function (k) { return Object.assign({ name: k }, labels[k]); }))
      .forEach(function (l) { out[l.name] = (l.style && l.style.color) || l.color || "#888"; });
    return out;
  }
  function render(d, colour) {
    var text = d.text || "", n = text.length;
    // which sentence (index into sentences) and which mention covers each character
    var sentences = [], sentAt = new Int32Array(n).fill(-1), mentAt = new Int32Array(n).fill(-1);
    d.facts.forEach(function (f) {
      if (f.sentence_start < 0) return;
      var k = sentences.findIndex(function (s) { return s[0] === f.sentence_start && s[1] === f.sentence_end; });
      if (k < 0) { k = sentences.length; sentences.push([f.sentence_start, f.sentence_end]); }
      f._s = k;
      for (var i = f.sentence_start; i < Math.min(f.sentence_end, n); i++) if (sentAt[i] < 0) sentAt[i] = k;
    });
    d.mentions.forEach(function (m, j) { for (var i = m.start; i < Math.min(m.end, n); i++) mentAt[i] = j; });
    var html = "", i = 0, opened = {};
    while (i < n) {
      var s = sentAt[i], m = mentAt[i], j = i;
      while (j < n && sentAt[j] === s && mentAt[j] === m) j++;
      var chunk = esc(text.slice(i, j));
      if (m >= 0) {
        var me = d.mentions[m], c = colour[me.label] || "#888";
        chunk = '<a class="mention" href="/?id=' + encodeURIComponent(me.id) + '" data-id="' + esc(me.id) + '" data-label="' +
          esc(me.label) + '" title="' + esc(me.label + ": " + me.name) + '" style="border-color:' + esc(c) + ";background:" + esc(c) + '26">' + chunk + "</a>";
      }
      if (s >= 0) {
        chunk = '<span class="sent" data-s="' + s + '"' + (opened[s] ? "" : ' id="s-' + sentences[s][0] + '"') + ">" + chunk + "</span>";
        opened[s] = true;
      }
      html += chunk; i = j;
    }
    $("#doc-text").innerHTML = html;
    var used = {};
    d.mentions.forEach(function (m) { used[m.label] = true; });
    $("#doc-legend").innerHTML = Object.keys(used).sort().map(function (l) {
      return '<span style="background:' + esc(colour[l] || "#888") + '26;border-bottom:2px solid ' + esc(colour[l] || "#888") + '">' + esc(l) + "</span>";
    }).join("");
    $("#fact-list").innerHTML = d.facts.map(function (f, k) {
      return '<li><button type="button" data-k="' + k + '"' + (f._s === undefined ? " disabled" : "") + ">" + esc(f.source_name) +
        ' <span class="type">—' + esc(f.type) + "→</span> " + esc(f.target_name) + "</button></li>";
    }).join("") || '<li class="hint">无 none</li>';
    Array.prototype.forEach.call(document.querySelectorAll("#fact-list button"), function (b) {
      b.addEventListener("click", function () { jump(d.facts[Number(b.dataset.k)]._s); });
    });
  }
  function jump(s) {
    if (s === undefined || s < 0) return;
    Array.prototype.forEach.call(document.querySelectorAll("#doc-text .sent.flash"), function (e) { e.classList.remove("flash"); });
    var runs = document.querySelectorAll('#doc-text .sent[data-s="' + s + '"]');
    Array.prototype.forEach.call(runs, function (e) { e.classList.add("flash"); });
    if (runs.length) runs[0].scrollIntoView({ block: "center" });
    R.jumped = s;
  }
  var params = new URLSearchParams(location.search), doc = params.get("doc");
  if (!doc) { $("#doc-title").textContent = "no document given (?doc=…)"; return; }
  Promise.all([get("/api/reader/" + encodeURIComponent(doc)), get("/api/ontology")]).then(function (res) {
    var d = res[0], colour = colours(res[1]), meta = d.document || {};
    R.data = d;
    document.title = (meta.title || meta.doc_id) + " · reformkg";
    $("#doc-title").textContent = meta.title || meta.doc_id;
    $("#doc-meta").textContent = [meta.date, meta.source, (meta.authors || []).join("、"), meta.path].filter(Boolean).join(" · ");
    if (!d.text) {
      $("#doc-text").innerHTML = '<p class="error">原文不可用 the stored text is no longer available at ' + esc(meta.path) + ".</p>";
    } else {
      if (d.stale) $("#doc-meta").textContent += " · 文件已更改 the file changed since it was read: highlights may be off";
      render(d, colour);
    }
    var at = params.get("at");
    if (at !== null && at !== "") {
      var a = Number(at), f = d.facts.filter(function (x) { return x._s !== undefined && x.sentence_start <= a && a < x.sentence_end; })[0] ||
        d.facts.filter(function (x) { return x.start === a; })[0];
      if (f) jump(f._s);
    }
    R.ready = true;
  }).catch(function (e) { $("#doc-title").textContent = "error: " + e.message; R.ready = true; R.error = e.message; });
})();
