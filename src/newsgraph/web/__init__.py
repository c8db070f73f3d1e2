"""HTML views over the same queries as the JSON API, rendered server-side with Jinja2.

Pages are plain HTML with autoescaping on for every template; the few scripts (tooltips,
network view, map) are our own files under ``static/`` plus pinned npm libraries served
from ``/vendor`` (see :mod:`newsgraph.web.vendor`). No page needs the internet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from newsgraph.web.codings import casualty_text
from newsgraph.web.vendor import INSTALL_COMMAND, missing_files

HERE = Path(__file__).parent


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    from urllib.parse import quote

    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["signed"] = lambda value: "" if value is None else f"{value:+g}"
    env.filters["casualties"] = casualty_text  # plain text: autoescaped like everything else
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    response: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status)
    return response


def render_error(request: Request, body: dict[str, Any]) -> Response:
    """The error shape as a page, for browsers (the API gets the same object as JSON)."""
    return render(request, "error.html", {"error": body}, status=body["status"])


def missing_vendor_files() -> list[str]:
    return missing_files()


def install(app: FastAPI) -> None:
    from newsgraph.web.pages import router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


__all__ = ["INSTALL_COMMAND", "install", "missing_vendor_files", "render", "render_error", "templates"]
