/* The overview page: a map of China coloured by a measure computed from the graph (provinces,
 * click to drill into a province's prefecture cities), the actors of the clicked region (links
 * to their cards), documents and programmes by year, the most connected actors by type.
 * Maps and ECharts are served by reformkg (/ui/vendor/echarts/); data from /api/overview/*.
 * Hooks for tests: window.reformkgOverview = {ready, map, chart, values, region}. */
(function () {
  "use strict";
  var O = window.reformkgOverview = { ready: false, map: "100000", values: null, region: null, busy: 0 };
  var $ = function (s) { return document.querySelector(s); };
  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function get(url) {
    O.busy++;
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) throw new Error((b && b.message) || ("HTTP " + r.status)); return b; });
    }).finally(function () { O.busy--; });
  }
  var chart = O.chart = echarts.init($("#map"));
  var names = {};  // adcode → name, from the map files
  function loadMap(code) {
    if (echarts.getMap(code)) return Promise.resolve();
    return get("/ui/vendor/echarts/map/" + code + ".json").then(function (geo) {
      geo.features.forEach(function (f) { names[String(f.id || f.properties.id)] = f.properties.name; });
      echarts.registerMap(code, geo);
    });
  }
  function draw() {
    var measure = $("#measure").value, code = O.map;
    var url = "/api/overview/regions?measure=" + measure + (code !== "100000" ? "&province=" + code : "");
    return Promise.all([loadMap(code), get(url)]).then(function (res) {
      var v = res[1], data = [], max = 1;
      var geo = echarts.getMap(code).geoJson || echarts.getMap(code).geoJSON;
      var byCode = {};
      v.values.forEach(function (x) { byCode[x.adcode] = x.value; max = Math.max(max, x.value); });
      geo.features.forEach(function (f) {
        var id = String(f.id || f.properties.id);
        data.push({ name: f.properties.name, value: byCode[id] || 0, adcode: id });
      });
      O.values = v; O.data = data;
      chart.setOption({
        tooltip: { trigger: "item", formatter: function (p) { return esc(p.name) + ": " + (p.value || 0); } },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, text: ["多 more", "少 fewer"], calculable: true,
                     inRange: { color: ["#f3f6fa", "#9ecae1", "#3182bd", "#08306b"] } },
        series: [{ type: "map", map: code, roam: true, data: data, nameProperty: "name",
                   label: { show: code !== "100000", fontSize: 10 }, emphasis: { label: { show: true } } }]
      }, true);
      $("#map-note").textContent = v.label + " · " + (code === "100000" ? "by province" : "by prefecture city of " + (names[code] || code)) +
        " · total " + v.total + (v.unplaced ? " (" + v.unplaced + " not placed on a region)" : "") + " · 单击省份进入 click a province to see its cities";
      $("#back").hidden = code === "100000";
      O.ready = true; O.drawn = (O.drawn || 0) + 1;
    }).catch(function (e) { $("#map-note").textContent = "error: " + e.message; O.ready = true; });
  }
  function showRegion(adcode, name) {
    O.region = adcode;
    $("#region-title").textContent = name + " (" + adcode + ")";
    return get("/api/overview/regions/" + adcode + "/actors?limit=100&measure=" + $("#measure").value).then(function (res) {
      $("#region-actors").innerHTML = res.items.map(function (a) {
        return '<li><a href="/?id=' + encodeURIComponent(a.id) + '" data-id="' + esc(a.id) + '">' + esc(a.name) + "</a> <small>" +
          esc((a.labels || [])[0] || "") + (a.value ? " · " + a.value : "") + "</small></li>";
      }).join("") || '<li class="hint">无 none placed here</li>';
      O.regionLoaded = res.items.length;
    });
  }
  chart.on("click", function (p) {
    var adcode = p.data && p.data.adcode;
    if (!adcode) return;
    showRegion(adcode, p.name);
    if (O.map === "100000" && /0000$/.test(adcode) && adcode !== "710000") { O.map = adcode; draw(); }
  });
  $("#measure").addEventListener("change", function () { draw(); if (O.region) showRegion(O.region, $("#region-title").textContent.split(" (")[0]); });
  $("#back").addEventListener("click", function () { O.map = "100000"; draw(); });
  window.addEventListener("resize", function () { chart.resize(); tl.resize(); });

  var tl = echarts.init($("#timeline"));
  get("/api/overview/timeline").then(function (t) {
    tl.setOption({ tooltip: { trigger: "axis" }, legend: { data: ["文档 documents", "项目 programmes"] },
      xAxis: { type: "category", data: t.years }, yAxis: { type: "value", minInterval: 1 },
      series: [{ name: "文档 documents", type: "bar", data: t.documents }, { name: "项目 programmes", type: "bar", data: t.programmes }] });
    O.timeline = t;
  });
  get("/api/overview/top?per_type=5").then(function (top) {
    $("#top-actors").innerHTML = Object.keys(top).map(function (label) {
      return "<div><h3>" + esc(label) + "</h3><ol>" + top[label].map(function (a) {
        return '<li><a href="/?id=' + encodeURIComponent(a.id) + '">' + esc(a.name) + "</a> <small>" + a.degree + "</small></li>";
      }).join("") + "</ol></div>";
    }).join("");
    O.top = top;
  });
  draw();
})();
