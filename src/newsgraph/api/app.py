"""The one web application: JSON API under /api, HTML pages, static files, OpenAPI docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from newsgraph import __version__
from newsgraph.api import errors
from newsgraph.api.routes import router as api_router
from newsgraph.api.security import Guard, guard_options
from newsgraph.store.db import Store

DEFAULT_MAX_UPLOAD_MB = 5.0
log = logging.getLogger("newsgraph.api")


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
) -> FastAPI:
    """The app over the store at ``db`` (opened and migrated now, so a bad URL fails early).

    ``host`` is where the server listens: on loopback the app also refuses requests whose
    Host header names another machine (DNS rebinding). ``token``, when set, is required
    as a bearer token by every write endpoint.
    """
    from newsgraph import web

    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    guard = guard_options(host, max_upload_mb)
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Evidence-backed political event data: articles, actors, events, quotes, places and the actor graph",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        form_limits={"max_part_size": guard["max_body"]},
        responses={
            400: {"model": errors.ErrorModel}, 404: {"model": errors.ErrorModel},
            422: {"model": errors.ErrorModel}, 500: {"model": errors.ErrorModel},
        },
    )
    app.state.store = store
    app.state.token = token or None
    app.state.max_body = guard["max_body"]
    errors.install(app, html_renderer=web.render_error)
    app.include_router(api_router)
    web.install(app)
    app.add_middleware(Guard, **guard)
    missing = web.missing_vendor_files()
    if missing:
        log.warning("front-end libraries missing (%s); the network, map and docs pages need: %s",
                    ", ".join(missing), web.INSTALL_COMMAND)
    return app
