/* Network view: the actor graph from /api/graph drawn with Cytoscape.js.
   Node size = events the actor takes part in; edge colour = summed PLOVER score of the dyad
   (red conflict, grey neutral, green cooperation); edge width = number of events.
   Labels are drawn on a canvas and table cells are filled with textContent. */
(function () {
  "use strict";
  var box = document.getElementById("network");
  var status = document.getElementById("network-status");
  var table = document.querySelector("#edges-table tbody");
  if (!box) { return; }
  if (typeof cytoscape === "undefined") {
    document.getElementById("network-missing").hidden = false;
    status.textContent = "cannot draw the network: its library is missing";
    return;
  }

  var CONFLICT = [198, 40, 40], NEUTRAL = [158, 158, 158], COOPERATION = [46, 125, 50];

  function mix(a, b, t) {
    return "rgb(" + a.map(function (v, i) { return Math.round(v + (b[i] - v) * t); }).join(",") + ")";
  }

  /* score / scale in [-1, 1] → colour between conflict, neutral and cooperation */
  function edgeColour(score, scale) {
    var t = Math.max(-1, Math.min(1, score / scale));
    return t < 0 ? mix(NEUTRAL, CONFLICT, -t) : mix(NEUTRAL, COOPERATION, t);
  }

  function cell(row, value) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "—" : String(value);
    row.appendChild(td);
    return td;
  }

  function query(params) {
    return Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
  }

  function draw(body) {
    var graph = body.graph;
    var labels = {};
    graph.nodes.forEach(function (n) { labels[n.id] = n.label; });
    var maxEvents = Math.max.apply(null, [1].concat(graph.nodes.map(function (n) { return n.events; })));
    var scale = Math.max.apply(null, [10].concat(graph.edges.map(function (e) { return Math.abs(e.score); })));
    var maxCount = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.count; })));
    var elements = graph.nodes.map(function (n) {
      return { group: "nodes", data: { id: n.id, label: n.label, events: n.events, nodeType: n.node_type,
        size: 18 + 42 * Math.sqrt(n.events / maxEvents) } };
    }).concat(graph.edges.map(function (e) {
      return { group: "edges", data: { id: e.source + "\u2192" + e.target, source: e.source, target: e.target,
        score: e.score, sign: e.sign, count: e.count, colour: edgeColour(e.score, scale),
        width: 1.5 + 5 * (e.count / maxCount) } };
    }));
    var cy = cytoscape({
      container: box,
      elements: elements,
      style: [
        { selector: "node", style: { "width": "data(size)", "height": "data(size)", "label": "data(label)",
          "background-color": "#37474f", "color": "#212121", "font-size": 10, "text-wrap": "wrap",
          "text-max-width": 110, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "node[nodeType = 'country']", style: { "background-color": "#5c6bc0" } },
        { selector: "edge", style: { "width": "data(width)", "line-color": "data(colour)",
          "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier",
          "arrow-scale": 0.8 } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#ff8f00", "line-style": "dashed" } }
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, padding: 20 }
    });
    cy.on("tap", "node", function (ev) {
      var n = ev.target.data();
      window.location.href = n.nodeType === "country" ? "/actors?country=" + encodeURIComponent(n.id)
        : "/actors/" + encodeURIComponent(n.id);
    });
    cy.on("tap", "edge", function (ev) {
      var e = ev.target.data();
      if (graph.level === "actor") {
        window.location.href = "/events?" + query({ source: e.source, target: e.target });
      }
    });
    graph.edges.forEach(function (e) {
      var row = document.createElement("tr");
      row.setAttribute("data-sign", String(e.sign));
      cell(row, labels[e.source]);
      cell(row, labels[e.target]);
      cell(row, e.count).className = "num";
      var score = cell(row, (e.score > 0 ? "+" : "") + e.score);
      score.className = "num score " + (e.sign > 0 ? "coop" : e.sign < 0 ? "conflict" : "neutral");
      cell(row, Object.keys(e.types).map(function (t) { return t + " " + e.types[t]; }).join(", "));
      cell(row, e.first);
      cell(row, e.last);
      table.appendChild(row);
    });
    status.textContent = graph.nodes.length + " nodes, " + graph.edges.length + " dyads";
    window.newsgraphNetwork = cy;
    box.setAttribute("data-ready", "true");
  }

  fetch("/api/graph?" + (box.getAttribute("data-query") || ""), { headers: { "Accept": "application/json" } })
    .then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    })
    .then(function (result) {
      if (!result.ok) { status.textContent = result.body.message; return; }
      draw(result.body);
    })
    .catch(function (err) { status.textContent = "cannot load the graph: " + err; });
}());
