"""Paths, directories and stdin → a stream of Articles, with bad inputs as errors in the stream.

A directory of ten thousand files should not stop at the first corrupt PDF, so per-file
problems are *yielded* as :class:`~newsgraph.errors.InputError` values beside the articles;
the caller decides whether to stop (``extract``) or list them at the end (``ingest``).
Only a path that does not exist, or a directory with nothing to read, is raised at once.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph import settings
from newsgraph.errors import EmptyInputError, InputError, MissingInputError, TooLargeError
from newsgraph.records import Article
from newsgraph.text.article import Metadata, make_article
from newsgraph.text.decode import Kind, check_not_binary, sniff_kind
from newsgraph.text.formats import read_html, read_jsonl, read_pdf, read_plain
from newsgraph.text.parquet import parquet_rows, read_parquet

Item = Article | InputError
STDIN = "-"


def read_inputs(paths: Iterable[str], overrides: Metadata | None = None) -> Iterator[Item]:
    """Every article under the given paths, in a stable order; ``-`` reads stdin."""
    meta = overrides or Metadata()
    for path in paths:
        yield from read_path(path, meta)


def read_path(path: str, overrides: Metadata) -> Iterator[Item]:
    if path == STDIN:
        yield from _read_stream(sys.stdin.buffer, "<stdin>", overrides)
        return
    target = Path(path)
    if not target.exists():
        raise MissingInputError(path, "no such file or directory", "check the path")
    if target.is_dir():
        files = article_files(target)
        if not files:
            raise MissingInputError(
                path, "the directory holds no article files", "point at .txt, .html, .pdf or .jsonl files"
            )
        for file in files:
            yield from read_file(file, overrides)
    else:
        yield from read_file(target, overrides)


def article_files(directory: Path) -> list[Path]:
    """Files under ``directory`` (recursively, sorted), skipping hidden files and folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
    return found


def read_file(path: Path, overrides: Metadata) -> Iterator[Item]:
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
            kind = sniff_kind(head, path.name)
            if kind is Kind.PARQUET:  # streamed by row group, like JSONL by line
                yield from _articles(read_parquet(path, name), overrides)
                return
            if kind is Kind.JSONL:
                # A JSONL corpus may be any size: it is streamed line by line, and each
                # article is checked against the article-size limit instead.
                handle.seek(0)
                yield from _articles(read_jsonl(handle, name), overrides)
                return
            _check_size(size, name)
            data = head + handle.read()
    except OSError as exc:
        yield InputError(name, f"cannot be read ({exc.strerror})", "check its permissions")
        return
    except InputError as exc:
        yield exc
        return
    yield from _read_bytes(data, name, kind, overrides)


def _read_stream(stream: BinaryIO, name: str, overrides: Metadata) -> Iterator[Item]:
    limit = _max_bytes()
    data = stream.read(limit + 1)
    try:
        _check_size(len(data), name)
    except InputError as exc:
        yield exc
        return
    kind = sniff_kind(data, name)
    if kind is Kind.PARQUET:
        yield from _articles(read_parquet(io.BytesIO(data), name), overrides)
    elif kind is Kind.JSONL:
        yield from _articles(read_jsonl(data.splitlines(), name), overrides)
    else:
        yield from _read_bytes(data, name, kind, overrides)


def _read_bytes(data: bytes, name: str, kind: Kind, overrides: Metadata) -> Iterator[Item]:
    try:
        if not data.strip():
            raise EmptyInputError(name, "the file is empty", "give a file with article text")
        if kind is not Kind.PDF:
            check_not_binary(data, name)
        found = _READERS[kind](data, name)
        yield make_article(found[0], overrides.over(found[1]), name)
    except InputError as exc:
        yield exc


def _articles(found: Iterable[tuple[str, Metadata, str] | InputError], overrides: Metadata) -> Iterator[Item]:
    for item in found:
        if isinstance(item, InputError):
            yield item
            continue
        text, meta, where = item
        try:
            yield make_article(text, overrides.over(meta), where)
        except InputError as exc:
            yield exc


_READERS = {Kind.TEXT: read_plain, Kind.HTML: read_html, Kind.PDF: read_pdf}


def _max_bytes() -> int:
    return int(float(settings.get("max_file_mb")) * 1024 * 1024)


def _check_size(size: int, name: str) -> None:
    limit = _max_bytes()
    if size > limit:
        raise TooLargeError(
            name,
            f"the file is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit",
            f"split it, or raise the limit with {settings.SETTINGS['max_file_mb'].env}",
        )


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles the inputs hold, cheaply (for a progress bar); None for stdin."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        target = Path(path)
        files = article_files(target) if target.is_dir() else [target] if target.exists() else []
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            kind = sniff_kind(handle.read(8192), path.name)
            if kind is Kind.PARQUET:
                return parquet_rows(path)
            if kind is not Kind.JSONL:
                return 1
            handle.seek(0)
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
