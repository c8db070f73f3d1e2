/* Reader tooltips: show the coding of the highlighted words under the pointer or focus.
   The codings come from a JSON block written by the server; every string goes into the
   page with textContent, never as HTML. */
(function () {
  "use strict";
  var dataNode = document.getElementById("codings");
  var text = document.getElementById("article-text");
  var tip = document.getElementById("tooltip");
  if (!dataNode || !text || !tip) { return; }
  var codings = JSON.parse(dataNode.textContent);
  var lit = [];

  function refsOf(el) {
    return (el.getAttribute("data-refs") || "").split(" ").filter(Boolean);
  }

  function unlight() {
    lit.forEach(function (el) { el.classList.remove("hl-active"); });
    lit = [];
  }

  function light(ref) {
    text.querySelectorAll(".hl").forEach(function (el) {
      if (refsOf(el).indexOf(ref) >= 0) { el.classList.add("hl-active"); lit.push(el); }
    });
  }

  function show(el, x, y) {
    var refs = refsOf(el).reverse(); /* innermost (most specific) first */
    tip.replaceChildren();
    refs.forEach(function (ref) {
      var c = codings[ref];
      if (!c) { return; }
      var box = document.createElement("div");
      box.className = "tip tip-" + c.kind;
      var head = document.createElement("strong");
      head.textContent = c.kind + " " + ref + ": " + c.title;
      box.appendChild(head);
      c.lines.forEach(function (line) {
        var row = document.createElement("div");
        row.textContent = line;
        box.appendChild(row);
      });
      tip.appendChild(box);
    });
    unlight();
    if (refs.length) { light(refs[0]); }
    tip.hidden = false;
    var left = Math.min(x + 12, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = (y + 16) + "px";
  }

  function hide() { tip.hidden = true; unlight(); }

  text.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest(".hl");
    if (el) { show(el, ev.pageX, ev.pageY); }
  });
  text.addEventListener("mousemove", function (ev) {
    if (!tip.hidden) {
      tip.style.top = (ev.pageY + 16) + "px";
    }
  });
  text.addEventListener("mouseout", function (ev) {
    if (!ev.relatedTarget || !ev.relatedTarget.closest || !ev.relatedTarget.closest(".hl")) { hide(); }
  });
  text.addEventListener("focusin", function (ev) {
    var el = ev.target.closest(".hl");
    if (el) {
      var box = el.getBoundingClientRect();
      show(el, box.left + window.scrollX, box.bottom + window.scrollY - 8);
    }
  });
  text.addEventListener("focusout", hide);
}());
