"""The browser libraries the pages load, served from the npm install beside this module.

``frontend/package.json`` pins them and ``npm ci --prefix src/newsgraph/web/frontend``
installs them (the Makefile's set-up does); nothing is fetched at run time, so the pages
work with no internet. Only the files named in :data:`FILES` are served — never an
arbitrary path under ``node_modules``.
"""

from __future__ import annotations

from pathlib import Path

FRONTEND = Path(__file__).parent / "frontend"
MODULES = FRONTEND / "node_modules"
INSTALL_COMMAND = "npm ci --prefix src/newsgraph/web/frontend"

# URL name under /vendor/ → (file inside node_modules, media type); why each is needed.
FILES: dict[str, tuple[str, str]] = {
    # network view: graph rendering, layout and interaction
    "cytoscape.min.js": ("cytoscape/dist/cytoscape.min.js", "text/javascript"),
    # map view: projections (d3-geo needs d3-array), TopoJSON decoding, Natural Earth boundaries
    "d3-array.min.js": ("d3-array/dist/d3-array.min.js", "text/javascript"),
    "d3-geo.min.js": ("d3-geo/dist/d3-geo.min.js", "text/javascript"),
    "topojson-client.min.js": ("topojson-client/dist/topojson-client.min.js", "text/javascript"),
    "countries-110m.json": ("world-atlas/countries-110m.json", "application/json"),
    # /docs: the OpenAPI explorer, served locally instead of from a CDN
    "swagger-ui-bundle.js": ("swagger-ui-dist/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("swagger-ui-dist/swagger-ui.css", "text/css"),
}


def vendor_file(name: str) -> tuple[Path, str] | None:
    """The installed file behind ``/vendor/NAME`` and its media type, or None if not served."""
    entry = FILES.get(name)
    if entry is None:
        return None
    return MODULES / entry[0], entry[1]


def missing_files() -> list[str]:
    """Vendor files that are not installed (an empty list when the set-up has run)."""
    return [name for name, (path, _) in FILES.items() if not (MODULES / path).is_file()]
