/* The OpenAPI explorer, from the locally installed swagger-ui-dist (no CDN). */
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  if (typeof SwaggerUIBundle === "undefined") {
    document.getElementById("docs-missing").hidden = false;
    return;
  }
  SwaggerUIBundle({ url: box.getAttribute("data-spec"), dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
}());
