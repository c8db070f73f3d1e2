"""The JSON API: thin handlers over :mod:`newsgraph.store.queries` and :mod:`newsgraph.graph`."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine
from starlette.datastructures import UploadFile

from newsgraph import __version__
from newsgraph.api import extract as coding
from newsgraph.api.csv_export import csv_chunks
from newsgraph.api.errors import ApiError
from newsgraph.api.params import Filter, Graph, Page, plover_descriptions
from newsgraph.api.security import require_token
from newsgraph.graph import balance_report, build_graph, options_dict, partners, to_json
from newsgraph.graph.dyads import GraphOptions
from newsgraph.store import queries
from newsgraph.store.queries import EventFilter

router = APIRouter(prefix="/api")

ACTOR_EVENTS_LIMIT = 1000


def engine(request: Request) -> Engine:
    store_engine: Engine = request.app.state.store.engine
    return store_engine


Db = Annotated[Engine, Depends(engine)]


@router.get("/status", tags=["meta"], summary="Server version and what the store holds")
def status(request: Request) -> dict[str, Any]:
    store = request.app.state.store
    return {"ok": True, "version": __version__, "store": store.display_url, "counts": store.counts(),
            "writes_need_token": bool(request.app.state.token)}


@router.get("/types", tags=["meta"], summary="PLOVER event types, cooperation to conflict")
def types() -> list[dict[str, str]]:
    return [{"type": name, "description": text} for name, text in plover_descriptions().items()]


@router.get("/articles", tags=["articles"], summary="Articles, newest first; q searches title and text")
def articles(db: Db, page: Page, q: Annotated[str | None, Query(description="text to search for")] = None) -> Any:
    return queries.articles_page(db, q, page.limit, page.offset).to_dict()


@router.get("/articles/{article_id}", tags=["articles"], summary="One article with its full extraction record")
def article(db: Db, article_id: str) -> dict[str, Any]:
    record = queries.article_record(db, article_id)
    if record is None:
        raise ApiError(404, f"no article has id {article_id!r}; list them at /api/articles")
    return {"id": article_id, "actor_keys": queries.actor_keys(db, article_id), "record": record}


@router.get("/actors", tags=["actors"], summary="Actors across articles (by key), most active first")
def actors(
    db: Db,
    page: Page,
    q: Annotated[str | None, Query(description="part of the actor's name")] = None,
    country: Annotated[str | None, Query(description="ISO3 country code")] = None,
    kind: Annotated[str | None, Query(description="actor kind, e.g. government")] = None,
) -> Any:
    return queries.actors_page(db, q, country, kind, page.limit, page.offset).to_dict()


@router.get("/actors/{key:path}", tags=["actors"], summary="One actor: identity, events sent and received, partners, quotes")
def actor(db: Db, key: str) -> dict[str, Any]:
    return actor_profile(db, key)


def actor_profile(db: Engine, key: str) -> dict[str, Any]:
    identity = queries.actor_identity(db, key)
    if identity is None:
        raise ApiError(404, f"no actor has key {key!r}; list actors at /api/actors")
    events = queries.events_page(db, EventFilter(actor=key), ACTOR_EVENTS_LIMIT, 0, ascending=True)
    for event in events.items:
        sends = any(a["key"] == key for a in event["source"])
        receives = any(a["key"] == key for a in event["target"])
        event["direction"] = "both" if sends and receives else "sent" if sends else "received"
    graph = build_graph(db, GraphOptions(events=EventFilter(actor=key)))
    quotes = queries.quotes_page(db, key, None, None, ACTOR_EVENTS_LIMIT, 0)
    return {"actor": identity, "events": events.to_dict(), "partners": partners(graph, key),
            "quotes": quotes.to_dict()}


@router.get("/events", tags=["events"], summary="Events with filters and paging; format=csv downloads every match")
def events(
    db: Db,
    f: Filter,
    page: Page,
    format: Annotated[str, Query(pattern="^(json|csv)$", description="json (paged) or csv (every match)")] = "json",
) -> Any:
    if format == "csv":
        return StreamingResponse(
            csv_chunks(queries.iter_events(db, f)),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="newsgraph-events.csv"'},
        )
    return queries.events_page(db, f, page.limit, page.offset).to_dict()


@router.get("/events/{article_id}/{local_id}", tags=["events"], summary="One event with its actors, place and evidence")
def event(db: Db, article_id: str, local_id: str) -> dict[str, Any]:
    found = queries.event_detail(db, article_id, local_id)
    if found is None:
        raise ApiError(404, f"no event {local_id!r} in article {article_id!r}; list events at /api/events")
    return found


@router.get("/quotes", tags=["quotes"], summary="Quotes, by speaker (actor key), text or article")
def quotes(
    db: Db,
    page: Page,
    speaker: Annotated[str | None, Query(description="actor key of the speaker")] = None,
    q: Annotated[str | None, Query(description="text in the quote")] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
) -> Any:
    return queries.quotes_page(db, speaker, q, article, page.limit, page.offset).to_dict()


@router.get("/places", tags=["places"], summary="Places with coordinates and event counts (event filters apply)")
def places(db: Db, f: Filter, page: Page) -> Any:
    return queries.places_summary(db, f, page.limit, page.offset).to_dict()


@router.get("/graph", tags=["graph"], summary="The actor graph: signed, weighted dyads; balance=true adds unbalanced triads")
def graph(db: Db, options: Graph, balance: Annotated[bool, Query(description="add the balance report")] = False) -> Any:
    built = build_graph(db, options)
    body: dict[str, Any] = {"options": options_dict(options), "graph": to_json(built)}
    if balance:
        body["balance"] = balance_report(built)
    return body


EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                        "store": {"type": "boolean", "default": False},
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"}, "file": {"type": "string", "format": "binary"},
                        "title": {"type": "string"}, "url": {"type": "string"},
                        "published": {"type": "string", "format": "date"}, "store": {"type": "boolean"},
                    },
                }
            },
        },
    }
}


@router.post(
    "/extract",
    tags=["extract"],
    summary="Code a pasted (text) or uploaded (file) article; store=true also saves it",
    dependencies=[Depends(require_token)],
    openapi_extra=EXTRACT_BODY,
)
async def extract(request: Request) -> dict[str, Any]:
    submission = await read_submission(request)
    return await run_extraction(request, submission)


async def read_submission(request: Request) -> coding.Submission:
    """Fields from a JSON body or a (multipart or urlencoded) form."""
    content_type = request.headers.get("content-type", "")
    upload: tuple[str, bytes] | None = None
    if content_type.startswith("application/json"):
        try:
            fields = json.loads(await request.body() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(422, "the body is not valid JSON; send {\"text\": \"...\"}",
                           [{"field": "body", "in": "body", "message": "invalid JSON"}]) from None
        if not isinstance(fields, dict):
            raise ApiError(422, "the JSON body must be an object like {\"text\": \"...\"}",
                           [{"field": "body", "in": "body", "message": "expected an object"}])
    elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        limit = request.app.state.max_body
        form = await request.form(max_part_size=limit)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        file = form.get("file")
        if isinstance(file, UploadFile):
            upload = (file.filename or "upload.txt", await file.read())
    else:
        raise ApiError(415, f"cannot read a {content_type or 'missing'} body; send JSON or a multipart form")
    return coding.submission_from_fields(fields, upload)


async def run_extraction(request: Request, submission: coding.Submission) -> dict[str, Any]:
    from starlette.concurrency import run_in_threadpool

    extraction = await run_in_threadpool(coding.code, submission)
    stored = False
    if submission.store:
        await run_in_threadpool(request.app.state.store.save, [extraction])
        stored = True
    article_id = extraction.article.id
    return {
        "stored": stored,
        "reader": f"/articles/{article_id}" if stored else None,
        "record": extraction.to_dict(),
    }
