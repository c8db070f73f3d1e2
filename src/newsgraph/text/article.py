"""Cleaned text + metadata → :class:`~newsgraph.records.Article` with a stable id."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from newsgraph import settings
from newsgraph.errors import EmptyInputError, TooLargeError
from newsgraph.records import Article

ID_HEX_DIGITS = 16


@dataclass(frozen=True, slots=True)
class Metadata:
    """Article metadata given by the user; set fields override what the file says."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None

    def over(self, found: Metadata) -> Metadata:
        return Metadata(
            title=self.title or found.title,
            url=self.url or found.url,
            source=self.source or found.source,
            published=self.published or found.published,
        )


def article_id(text: str) -> str:
    """Same cleaned text, same id — across runs, machines and stores."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def make_article(text: str, meta: Metadata, origin: str) -> Article:
    """Check the cleaned text is codable and wrap it with its metadata."""
    if not text.strip():
        raise EmptyInputError(origin, "no article text found (empty after cleaning)", "check the file has content")
    limit = int(settings.get("max_article_chars"))
    if len(text) > limit:
        raise TooLargeError(
            origin,
            f"article text is {len(text):,} characters, over the {limit:,} limit",
            f"split it, or raise {settings.SETTINGS['max_article_chars'].env}",
        )
    return Article(
        id=article_id(text),
        text=text,
        title=_clean_field(meta.title),
        url=_clean_field(meta.url),
        source=_clean_field(meta.source),
        published=normalise_published(meta.published),
    )


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def normalise_published(value: object) -> str | None:
    """A publication date as YYYY-MM-DD, or None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip()
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(raw, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def parse_iso_date(value: str) -> str:
    """Validate a user-given YYYY-MM-DD date (``--published``); raise ValueError otherwise."""
    return dt.date.fromisoformat(value).isoformat()
