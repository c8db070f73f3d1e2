"""The HTML pages: each one calls the same query or library function as its API twin."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from newsgraph.api.errors import ApiError
from newsgraph.api.params import Filter, Page, plover_order
from newsgraph.api.routes import Db, actor_profile, read_submission, run_extraction
from newsgraph.api.security import bearer, token_matches
from newsgraph.store import queries
from newsgraph.web import render
from newsgraph.web.codings import codings, event_lines
from newsgraph.web.highlight import Links, highlighted
from newsgraph.web.vendor import INSTALL_COMMAND, vendor_file

router = APIRouter(include_in_schema=False)
HOME_ITEMS = 10


def _pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    """Links to the previous and next page, keeping every other query parameter."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit")]

    def link(new_offset: int) -> str:
        return "?" + urlencode([*params, ("limit", str(limit)), ("offset", str(new_offset))])

    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: Db) -> HTMLResponse:
    counts = request.app.state.store.counts()
    latest = queries.articles_page(db, None, HOME_ITEMS, 0)
    actors = queries.actors_page(db, None, None, None, HOME_ITEMS, 0)
    return render(request, "home.html", {"counts": counts, "articles": latest.items, "actors": actors.items})


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, db: Db, page: Page, q: str | None = None) -> HTMLResponse:
    found = queries.articles_page(db, q, page.limit, page.offset)
    return render(request, "articles.html",
                  {"page": found, "q": q or "", "pager": _pager(request, found.total, page.limit, page.offset)})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def reader(request: Request, db: Db, article_id: str) -> HTMLResponse:
    record = queries.article_record(db, article_id)
    if record is None:
        raise ApiError(404, f"no article has id {article_id!r}; see the list at /articles")
    keys = queries.actor_keys(db, article_id)
    return render(request, "reader.html", reader_context(record, keys, stored=True))


def reader_context(record: dict[str, Any], keys: dict[str, str], stored: bool) -> dict[str, Any]:
    """Everything the reader template shows for one record (stored or a paste preview)."""
    article_id = record["article"]["id"]
    places = {p["id"]: p["name"] for p in record.get("places", ())}
    links = Links(article_id, keys, places) if stored else None
    actors = {a["id"]: a for a in record.get("actors", ())}
    return {
        "record": record,
        "article": record["article"],
        "text_html": highlighted(record, links),
        "codings": codings(record),
        "actors": actors,
        "keys": keys,
        "stored": stored,
        "events": [{"event": e, "lines": event_lines(e, actors, {p["id"]: p for p in record.get("places", ())})}
                   for e in record.get("events", ())],
    }


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, db: Db, f: Filter, page: Page) -> HTMLResponse:
    found = queries.events_page(db, f, page.limit, page.offset)
    download = "/api/events?" + urlencode(
        [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit", "format")]
        + [("format", "csv")]
    )
    return render(request, "events.html", {
        "page": found, "f": f, "types": plover_order(), "download": download,
        "actor_options": queries.actor_options(db), "pager": _pager(request, found.total, page.limit, page.offset),
    })


@router.get("/events/{article_id}/{local_id}", response_class=HTMLResponse)
def event(request: Request, db: Db, article_id: str, local_id: str) -> HTMLResponse:
    found = queries.event_detail(db, article_id, local_id)
    if found is None:
        raise ApiError(404, f"no event {local_id!r} in article {article_id!r}; see the list at /events")
    record = queries.article_record(db, article_id) or {}
    actors = {a["id"]: a for a in record.get("actors", ())}
    places = {p["id"]: p for p in record.get("places", ())}
    coded = next((e for e in record.get("events", ()) if e["id"] == local_id), None)
    lines = event_lines(coded, actors, places) if coded else []
    ev = found["evidence"]
    sentence = ev["text"] or ""
    t0, t1 = ev["trigger"]["start"] - ev["start"], ev["trigger"]["end"] - ev["start"]
    parts = (sentence[:t0], sentence[t0:t1], sentence[t1:]) if 0 <= t0 <= t1 <= len(sentence) else (sentence, "", "")
    return render(request, "event.html", {"event": found, "lines": lines, "parts": parts})


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, db: Db, page: Page, q: str | None = None, country: str | None = None) -> HTMLResponse:
    found = queries.actors_page(db, q, country or None, None, page.limit, page.offset)
    return render(request, "actors.html", {"page": found, "q": q or "", "country": country or "",
                                           "pager": _pager(request, found.total, page.limit, page.offset)})


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, db: Db, key: str) -> HTMLResponse:
    profile = actor_profile(db, key)
    return render(request, "actor.html", profile)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, f: Filter, by: str = "actor") -> HTMLResponse:
    return render(request, "network.html", {"f": f, "by": by, "types": plover_order(), "install": INSTALL_COMMAND})


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, f: Filter) -> HTMLResponse:
    return render(request, "map.html", {"f": f, "types": plover_order(), "install": INSTALL_COMMAND})


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", {"needs_token": bool(request.app.state.token),
                                          "max_mb": request.app.state.max_body / 1048576})


@router.post("/paste", response_class=HTMLResponse)
async def paste(request: Request) -> HTMLResponse:
    """The paste form: code the article and show it in the reader (stored if asked)."""
    given = bearer(request)
    if request.headers.get("content-type", "").startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form(max_part_size=request.app.state.max_body)
        given = given or (str(form["token"]) if form.get("token") else None)
    if not token_matches(request.app.state.token, given):
        raise ApiError(401, "this server needs its token to code articles; type it in the token field")
    submission = await read_submission(request)
    result = await run_extraction(request, submission)
    record = result["record"]
    keys = queries.actor_keys(request.app.state.store.engine, record["article"]["id"]) if result["stored"] else {}
    context = reader_context(record, keys, stored=result["stored"])
    context["preview"] = not result["stored"]
    return render(request, "reader.html", context)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", {"install": INSTALL_COMMAND})


@router.get("/vendor/{name}")
def vendor(name: str) -> Response:
    found = vendor_file(name)
    if found is None:
        raise ApiError(404, f"/vendor/{name} is not one of the served front-end files")
    path, media_type = found
    if not path.is_file():
        raise ApiError(404, f"the front-end library file {name} is not installed; run `{INSTALL_COMMAND}`")
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})

