"""Turn raw article text — typed, scraped, or pulled out of a PDF — into clean paragraphs.

Text extracted from PDFs keeps the page's line breaks: every line ends mid-sentence, words
are split with a hyphen at the line end, paragraphs start with an indented line, and a
page break drops a blank line into the middle of a sentence. Parsers treat each of those as
a sentence boundary, so they are undone here, before anything counts offsets.

The output has one paragraph per source paragraph, separated by a blank line, with single
spaces inside; every later offset points into this text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

PARAGRAPH_BREAK = "\n\n"

# Characters that carry no text: zero-width marks, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Other whitespace (no-break and thin spaces, tabs) reads as a plain space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\t\v"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# A line that ends a sentence (possibly inside closing quotes or brackets).
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$|[\"”’]$")
# A line indented by two or more spaces starts a paragraph in PDF-extracted text.
_INDENT = re.compile(r"^(?: {2,}|\t)\S")
# Dashes that join words without spaces ("region—ostensibly").
_DASHES = "—–"
# How common the unhyphenated join must be (wordfreq Zipf scale) to drop a line-end hyphen.
COMMON_WORD_ZIPF = 2.0
# Share of lines ending mid-sentence above which single newlines are soft wraps.
WRAPPED_LINE_SHARE = 0.5
# A first paragraph at most this long, without a full stop, is taken as the headline.
TITLE_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class CleanText:
    title: str | None
    text: str


def normalise_characters(raw: str) -> str:
    """NFC, unified newlines, no invisible or control characters, page breaks as blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_SPACES)
    return _CONTROL.sub("", text)


def clean_plain_text(raw: str, *, take_title: bool = True) -> CleanText:
    """Rejoin wrapped lines into paragraphs and split off a headline-like first line."""
    lines = normalise_characters(raw).split("\n")
    blocks = _paragraph_blocks(lines)
    blocks = _close_page_breaks(blocks)
    paragraphs = [p for p in (_join_lines(b) for b in blocks) if p]
    title = None
    if take_title and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return CleanText(title=title, text=PARAGRAPH_BREAK.join(paragraphs))


def clean_paragraphs(paragraphs: list[str]) -> str:
    """Join already-separated paragraphs (HTML, JSONL) with normalised spacing."""
    cleaned = (_collapse_spaces(normalise_characters(p).replace("\n", " ")) for p in paragraphs)
    return PARAGRAPH_BREAK.join(p for p in cleaned if p)


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text has most of its lines ending mid-sentence."""
    content = [ln.strip() for ln in lines if ln.strip()]
    if len(content) < 3:
        return False
    open_ended = sum(1 for ln in content if not _SENTENCE_END.search(ln))
    return open_ended / len(content) > WRAPPED_LINE_SHARE


def _paragraph_blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into paragraphs: blank lines always split, indents split wrapped text."""
    wrapped = _is_wrapped(lines)
    indents_mark_paragraphs = wrapped and _uses_indents(lines)
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        starts_paragraph = (indents_mark_paragraphs and _INDENT.match(line)) or not wrapped
        if starts_paragraph and current:
            blocks.append(current)
            current = []
        current.append(line.strip())
    if current:
        blocks.append(current)
    return blocks


def _uses_indents(lines: list[str]) -> bool:
    """Indentation marks paragraphs only when some, but not most, lines are indented."""
    content = [ln for ln in lines if ln.strip()]
    indented = sum(1 for ln in content if _INDENT.match(ln))
    return 0 < indented < len(content) / 2


def _close_page_breaks(blocks: list[list[str]]) -> list[list[str]]:
    """Merge a block into the previous one when the break falls mid-sentence.

    A page break in PDF text leaves a blank line inside a sentence ("discriminated
    against and" / "repressed the Sunni population"): the previous block ends without
    sentence punctuation and the next one starts in lower case.
    """
    merged: list[list[str]] = []
    for block in blocks:
        if merged and _continues(merged[-1][-1], block[0]):
            merged[-1] = merged[-1] + block
        else:
            merged.append(block)
    return merged


def _continues(previous_line: str, next_line: str) -> bool:
    if _SENTENCE_END.search(previous_line):
        return False
    first = next_line.lstrip()[:1]
    return first.islower() or previous_line.endswith(("-", *_DASHES, ","))


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = _join_two(text, line) if text else line
    return _collapse_spaces(text)


def _join_two(left: str, right: str) -> str:
    """Join a wrapped line to the next, repairing a word split over the line end."""
    if left.endswith(tuple(_DASHES)) or right.startswith(tuple(_DASHES)):
        return left + right
    split = re.search(r"(\w+)-$", left)
    if split and right[:1].isalpha():
        head = split.group(1)
        tail = re.match(r"\w+", right)
        tail_word = tail.group(0) if tail else ""
        if _is_split_word(head, tail_word):
            return left[:-1] + right  # "govern-" + "ment" → "government"
        return left + right  # a real hyphen: "Shia-" + "dominated" → "Shia-dominated"
    return left + " " + right


def _is_split_word(head: str, tail: str) -> bool:
    """True when a line-end hyphen only broke one word (the joined word is common)."""
    if not tail or tail[0].isupper() or head.isupper():
        return False
    return _zipf((head + tail).lower()) >= COMMON_WORD_ZIPF


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


def _collapse_spaces(text: str) -> str:
    return re.sub(r" {2,}", " ", text).strip()


def _looks_like_title(paragraph: str) -> bool:
    if len(paragraph) > TITLE_MAX_CHARS or paragraph.endswith("."):
        return False
    return paragraph.count(". ") == 0
