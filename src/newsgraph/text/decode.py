"""Bytes → text: tell the kind of file from its content and decode it whatever it claims.

Files arrive mislabelled — Latin-1 saved as ``.txt``, HTML declaring UTF-8 but written in
Windows-1252, UTF-8 that was decoded twice on the way ("Ã©") — or are not text at all.
Sniffing the bytes rather than trusting the extension keeps one bad file from becoming
a page of mojibake in the database.
"""

from __future__ import annotations

import codecs
import re
from enum import Enum

from newsgraph.errors import BinaryInputError, EncodingError

# Share of control bytes above which a file is binary, not text in an odd encoding.
BINARY_CONTROL_SHARE = 0.10
# Share of undecodable or replacement characters above which a decoding is rejected.
MAX_REPLACEMENT_SHARE = 0.01
# Above this share of non-ASCII letters, a Windows-1252 reading is likely another script.
MAX_WESTERN_ACCENTED_SHARE = 0.25
_SNIFF_BYTES = 4096

_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"\x7fELF",
    b"MZ",
    b"SQLite format 3",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<article|<!--|<meta|<div|<p[\s>])", re.I)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


class Kind(Enum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    JSONL = "jsonl"
    PARQUET = "parquet"


_EXTENSIONS = {
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".pdf": Kind.PDF,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".parquet": Kind.PARQUET,
}


def sniff_kind(data: bytes, name: str) -> Kind:
    """The reader a file needs, from its leading bytes first and its extension second."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"PAR1"):
        return Kind.PARQUET
    if head.lstrip().startswith(b"%PDF-"):
        return Kind.PDF
    bom_free = head.lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(bom_free):
        return Kind.HTML
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = _EXTENSIONS.get(suffix)
    if kind is Kind.PDF:
        return Kind.PDF  # claims PDF but lacks the header: the PDF reader reports it corrupt
    if kind is not None:
        return kind
    if bom_free.lstrip().startswith(b"{") and suffix in ("", ".json", ".txt"):
        return Kind.JSONL
    return Kind.TEXT


def check_not_binary(data: bytes, path: str) -> None:
    """Refuse images, archives, executables and other non-text content."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_BINARY_MAGIC) or _looks_binary(head):
        raise BinaryInputError(
            path,
            "this is a binary file, not article text",
            "give a .txt, .html, .pdf or .jsonl file, or remove it from the input",
        )


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> str:
    """Decode text bytes: BOM, then strict UTF-8, then a declared charset, then detection."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _repair_mojibake(data.decode(encoding, errors="replace"))
    try:
        return _repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        text = _try_decode(data, declared)
        if text is not None:
            return text
    return _detect_and_decode(data, path)


def declared_html_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "ignore") if match else None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect_and_decode(data: bytes, path: str) -> str:
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else None
    if text is None or _replacement_share(text) > MAX_REPLACEMENT_SHARE:
        raise EncodingError(
            path,
            "cannot tell which text encoding this file uses",
            "convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
        )
    return text


def _as_western(data: bytes) -> str | None:
    """Windows-1252 when it fits: mostly-ASCII words with a few accented letters.

    Non-UTF-8 English news is nearly always Windows-1252 or Latin-1, and statistical
    detectors confuse those with Central European code pages on short texts. Text in
    another script decoded this way turns whole words into accented letters, which the
    share test rejects.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    accented = sum(1 for c in letters if not c.isascii())
    return text if accented / len(letters) <= MAX_WESTERN_ACCENTED_SHARE else None


def _replacement_share(text: str) -> float:
    if not text:
        return 0.0
    return text.count("\ufffd") / len(text)


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Latin-1/Windows-1252 somewhere upstream."""
    if "Ã" not in text and "â€" not in text:
        return text
    import ftfy

    return str(ftfy.fix_encoding(text))
