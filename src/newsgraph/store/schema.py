"""The database tables: one row per article and per part of its extraction record.

The full record is kept as JSON on the article row, so ``show`` returns exactly what
``extract`` printed; the part tables (actors, mentions, events, quotes, places, dates)
exist for queries across articles — the API's filters, the graph, the exports. Every part
row carries the ``coder`` that produced it. Rows of an article are deleted with it
(``ON DELETE CASCADE``), which is how a re-coded article replaces its old rows.

Changes to these tables need an Alembic migration in ``store/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


def _article_fk() -> Mapped[str]:
    return mapped_column(String(32), ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text)
    coder: Mapped[str] = mapped_column(String(200))
    record: Mapped[dict[str, Any]] = mapped_column(JsonType)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ActorRow(Base):
    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("article_id", "local_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(300), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    sector: Mapped[str | None] = mapped_column(String(8))
    role: Mapped[str | None] = mapped_column(Text)
    cameo: Mapped[str | None] = mapped_column(String(32))
    entry: Mapped[str | None] = mapped_column(String(200))
    coder: Mapped[str] = mapped_column(String(200))


class MentionRow(Base):
    """A stretch of text naming something: an NER entity, an actor mention or a place mention."""

    __tablename__ = "mentions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    kind: Mapped[str] = mapped_column(String(16))  # entity | actor | place
    owner: Mapped[str | None] = mapped_column(String(16))  # actor or place local id
    label: Mapped[str | None] = mapped_column(String(32))  # NER label for entities
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    coder: Mapped[str] = mapped_column(String(200))


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("article_id", "local_id"), Index("ix_events_type_date", "type", "date"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[list[str]] = mapped_column(JsonType)
    cameo: Mapped[str | None] = mapped_column(String(8))
    negated: Mapped[bool] = mapped_column(Boolean)
    hypothetical: Mapped[bool] = mapped_column(Boolean)
    future: Mapped[bool] = mapped_column(Boolean)
    historical: Mapped[bool] = mapped_column(Boolean)
    attributed_to: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_reason: Mapped[str | None] = mapped_column(Text)
    quad: Mapped[int | None] = mapped_column(Integer, index=True)
    score: Mapped[float | None] = mapped_column(Float)
    goldstein: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    reciprocal: Mapped[bool] = mapped_column(Boolean, default=False)
    # Casualties the sentence reports (a lower bound when the count is vague); null when it reports none.
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    coder: Mapped[str] = mapped_column(String(200))


class EventActorRow(Base):
    """Links an event to its source and target actors (many on either side)."""

    __tablename__ = "event_actors"
    __table_args__ = (
        Index("ix_event_actors_event", "article_id", "event_local_id"),
        Index("ix_event_actors_actor", "article_id", "actor_local_id"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    event_local_id: Mapped[str] = mapped_column(String(16))
    actor_local_id: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(8))  # source | target


class QuoteRow(Base):
    __tablename__ = "quotes"
    __table_args__ = (UniqueConstraint("article_id", "local_id"), Index("ix_quotes_speaker", "article_id", "speaker"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(64))
    direct: Mapped[bool] = mapped_column(Boolean)
    coder: Mapped[str] = mapped_column(String(200))


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("article_id", "local_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    feature: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    coder: Mapped[str] = mapped_column(String(200))


class DateRow(Base):
    __tablename__ = "dates"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value: Mapped[str | None] = mapped_column(String(32))
    precision: Mapped[str | None] = mapped_column(String(8))
    coder: Mapped[str] = mapped_column(String(200))


PART_TABLES = ("actors", "mentions", "events", "event_actors", "quotes", "places", "dates")
