"""Code one pasted or uploaded article on the fly, and optionally store it.

An upload goes through the same readers as ``newsgraph extract FILE`` (encoding
detection, HTML main text, PDF text layer, line-break repair), so the web gives the same
record as the command line. Coding runs one article at a time per server process: spaCy
pipelines are not documented as thread-safe, and the server's threads share one.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.api.errors import ApiError
from newsgraph.errors import InputError
from newsgraph.records import Extraction
from newsgraph.text.article import Metadata, parse_iso_date

UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf")
_CODING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Submission:
    """What a client sent: either pasted text or an uploaded file, plus metadata."""

    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    store: bool = False


def submission_from_fields(fields: dict[str, Any], upload: tuple[str, bytes] | None) -> Submission:
    """Validate form or JSON fields into a :class:`Submission` (422 with the field on error)."""
    text = _text(fields.get("text"))
    if upload is not None and upload[1] and text:
        raise _invalid("text", "send either text or a file, not both")
    if not text and (upload is None or not upload[1]):
        raise _invalid("text", "no article: paste its text in 'text' or upload it as 'file'")
    published = _text(fields.get("published"))
    if published:
        try:
            published = parse_iso_date(published)
        except ValueError:
            raise _invalid("published", f"{published!r} is not a date; give it as YYYY-MM-DD") from None
    return Submission(
        text=text,
        data=upload[1] if upload and upload[1] else None,
        filename=upload[0] if upload and upload[1] else None,
        title=_text(fields.get("title")),
        url=_text(fields.get("url")),
        published=published,
        store=_flag(fields.get("store")),
    )


def code(submission: Submission) -> Extraction:
    """The extraction record of the submitted article (422 when it cannot be read)."""
    from newsgraph.pipeline import extract
    from newsgraph.text.readers import read_path

    name = Path(submission.filename or "pasted.txt").name
    suffix = Path(name).suffix.lower()
    if submission.data is not None and suffix not in UPLOAD_SUFFIXES:
        raise _invalid("file", f"{name}: cannot code a {suffix or 'suffix-less'} file here; "
                               f"upload one of {', '.join(UPLOAD_SUFFIXES)}")
    data = submission.data if submission.data is not None else (submission.text or "").encode("utf-8")
    meta = Metadata(title=submission.title, url=submission.url, published=submission.published)
    with tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as folder:
        path = Path(folder) / ("article" + (suffix if submission.data is not None else ".txt"))
        path.write_bytes(data)
        items = list(read_path(str(path), meta))
        problems = [item for item in items if isinstance(item, InputError)]
        if problems:
            message = str(problems[0]).replace(str(path), name)
            raise _invalid("file" if submission.data is not None else "text", message)
        with _CODING:
            return extract(items[0])  # type: ignore[arg-type]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on") if value is not None else False


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, message, [{"field": field, "in": "body", "message": message}])
