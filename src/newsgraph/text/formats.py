"""One reader per input format, each turning bytes into (text, metadata) pairs."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError, JsonlError, PdfError
from newsgraph.text.article import Metadata
from newsgraph.text.clean import clean_paragraphs, clean_plain_text
from newsgraph.text.decode import declared_html_charset, decode_bytes

Found = tuple[str, Metadata]


# Optional header lines at the top of a text file ("Published: 2015-07-14"), as many
# text exports carry them; a blank line ends the header.
_HEADER_LINE = re.compile(r"^(title|published|date|url|source):[ \t]*(.+?)\s*$", re.I)
_HEADER_FIELDS = {"title": "title", "published": "published", "date": "published", "url": "url", "source": "source"}


def read_plain(data: bytes, path: str) -> Found:
    header, body = split_header(decode_bytes(data, path))
    clean = clean_plain_text(body)
    found = Metadata(title=clean.title)
    return clean.text, Metadata(**header).over(found) if header else found


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Read ``Key: value`` header lines before the first blank line, if every line is one."""
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            return (header, "\n".join(lines[number + 1 :])) if header else ({}, text)
        match = _HEADER_LINE.match(line)
        if not match:
            return {}, text
        header[_HEADER_FIELDS[match.group(1).lower()]] = match.group(2)
    return {}, text


def read_html(data: bytes, path: str) -> Found:
    """Main text, title, date and URL via trafilatura; boilerplate and comments dropped."""
    import trafilatura

    html = decode_bytes(data, path, declared=declared_html_charset(data))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises lxml/ValueError variants on broken markup
        raise InputError(
            path, f"the HTML cannot be parsed ({type(exc).__name__})", "save the page again or give its text"
        ) from exc
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise InputError(
            path, "no article text found in this HTML page", "check it is an article page, or give its text as .txt"
        )
    paragraphs = str(doc.text).split("\n")
    title = doc.title
    if title and paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    source = doc.sitename or doc.hostname
    return clean_paragraphs(paragraphs), Metadata(title=title, url=doc.url, source=source, published=doc.date)


def read_pdf(data: bytes, path: str) -> Found:
    """Text of every page, pages joined by a page break, then cleaned like wrapped text."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError(
                path, "the PDF is encrypted with a password", "decrypt it first (e.g. qpdf --decrypt) or give its text"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise PdfError(
            path, f"the PDF is corrupt or unreadable ({type(exc).__name__})", "re-export it, or give its text as .txt"
        ) from exc
    clean = clean_plain_text("\f".join(pages))
    return clean.text, Metadata(title=clean.title)


def read_jsonl(lines: Iterable[bytes], path: str) -> Iterator[tuple[str, Metadata, str] | InputError]:
    """One article per line with ``text`` and optional title, url, source, published.

    Lines are read one at a time so a corpus of any size streams in flat memory.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(decode_bytes(raw, where))
        except InputError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield JsonlError(where, f"malformed JSON ({exc.msg} at column {exc.colno})", "fix or remove that line")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield JsonlError(where, 'the line has no "text" string', 'give each line as {"text": "...", "title": ...}')
            continue
        body = clean_plain_text(row["text"], take_title=False).text
        meta = Metadata(
            title=_str_or_none(row.get("title")),
            url=_str_or_none(row.get("url")),
            source=_str_or_none(row.get("source")),
            published=_str_or_none(row.get("published") or row.get("date")),
        )
        yield body, meta, where


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
