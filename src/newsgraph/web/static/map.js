/* Map view: event places on Natural Earth country boundaries (world-atlas, drawn with d3-geo).
   Everything is built as SVG nodes; names go in with textContent. */
(function () {
  "use strict";
  var svg = document.getElementById("map");
  var status = document.getElementById("map-status");
  var table = document.querySelector("#places-table tbody");
  var SVG = "http://www.w3.org/2000/svg";
  if (!svg) { return; }
  if (typeof d3 === "undefined" || !d3.geoPath || typeof topojson === "undefined") {
    document.getElementById("map-missing").hidden = false;
    status.textContent = "cannot draw the map: its libraries are missing";
    return;
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    parent.appendChild(node);
    return node;
  }

  function titled(node, text) {
    var t = document.createElementNS(SVG, "title");
    t.textContent = text;
    node.appendChild(t);
  }

  function cell(row, value) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "—" : String(value);
    row.appendChild(td);
    return td;
  }

  function json(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || r.statusText); }
        return body;
      });
    });
  }

  function draw(world, places) {
    var projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
    var path = d3.geoPath(projection);
    el("path", { d: path({ type: "Sphere" }), class: "sphere" }, svg);
    var land = el("g", { class: "countries" }, svg);
    topojson.feature(world, world.objects.countries).features.forEach(function (f) {
      titled(el("path", { d: path(f) || "", class: "country" }, land), f.properties.name);
    });
    el("path", { d: path(topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; })),
      class: "borders" }, svg);
    var dots = el("g", { class: "places" }, svg);
    var shown = 0;
    places.items.forEach(function (p) {
      var row = document.createElement("tr");
      var link = document.createElement("a");
      link.href = "/events?place=" + encodeURIComponent(p.name);
      link.textContent = p.name;
      row.appendChild(document.createElement("td")).appendChild(link);
      cell(row, p.feature);
      cell(row, p.country);
      cell(row, p.events).className = "num";
      cell(row, p.articles).className = "num";
      cell(row, p.lat === null ? null : p.lat.toFixed(2) + ", " + p.lon.toFixed(2));
      table.appendChild(row);
      if (p.lat === null || p.lon === null) { return; }
      var xy = projection([p.lon, p.lat]);
      if (!xy) { return; }
      var a = el("a", { href: "/events?place=" + encodeURIComponent(p.name) }, dots);
      var dot = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 3 * Math.sqrt(p.events)).toFixed(1),
        class: p.events ? "place" : "place hollow" }, a);
      titled(dot, p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " event(s) in "
        + p.articles + " article(s)");
      shown += 1;
    });
    status.textContent = shown + " places on the map (" + places.total + " in all)";
    svg.setAttribute("data-ready", "true");
  }

  var query = svg.getAttribute("data-query") || "";
  Promise.all([json("/vendor/countries-110m.json"), json("/api/places?limit=1000&" + query)])
    .then(function (loaded) { draw(loaded[0], loaded[1]); })
    .catch(function (err) { status.textContent = "cannot draw the map: " + err.message; });
}());
