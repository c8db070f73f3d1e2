"""Readers on real files of every supported kind, and the errors on bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    JsonlError,
    MissingInputError,
    PdfError,
    TooLargeError,
)
from newsgraph.records import Article
from newsgraph.text import Metadata, read_inputs
from newsgraph.text.article import article_id
from tests.helpers import encrypted_pdf, minimal_pdf

HTML = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Talks resume | Wire</title>
<meta property="og:title" content="Talks resume in Geneva">
<meta property="article:published_time" content="2014-01-22T09:00:00Z">
<link rel="canonical" href="https://example.org/talks"></head><body>
<nav>Home | World | Sport</nav><article><h1>Talks resume in Geneva</h1>
<p>Delegations from the government and the opposition met in Geneva on Wednesday for the first direct talks in three years, the mediator said.</p>
<p>{second}</p></article><footer>Copyright notice</footer></body></html>"""


def read_one(path: Path | str, **meta: str) -> Article | InputError:
    items = list(read_inputs([str(path)], Metadata(**meta)))
    assert len(items) == 1
    return items[0]


def test_plain_text_with_header(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Published: 2015-07-14\nSource: Wire\n\nHeadline here\n\nBody sentence one. Body two.\n")
    article = read_one(path)
    assert isinstance(article, Article)
    assert (article.published, article.source, article.title) == ("2015-07-14", "Wire", "Headline here")
    assert article.text == "Body sentence one. Body two."
    assert article.id == article_id(article.text)


def test_overrides_win_over_file_metadata(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Published: 2015-07-14\n\nHeadline here\n\nBody sentence.\n")
    article = read_one(path, published="2016-01-01", title="Mine", url="http://x.test/a")
    assert isinstance(article, Article)
    assert (article.published, article.title, article.url) == ("2016-01-01", "Mine", "http://x.test/a")


def test_html_main_text_title_date_and_url(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(HTML.format(charset="utf-8", second="Both sides said the talks were “constructive”."))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == "Talks resume in Geneva"
    assert article.published == "2014-01-22"
    assert article.url == "https://example.org/talks"
    assert article.text.startswith("Delegations from the government")
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert len(article.text.split("\n\n")) == 2


def test_html_with_misdeclared_charset_is_decoded(tmp_path: Path):
    path = tmp_path / "page.html"
    body = HTML.format(charset="utf-8", second="The café owner in Zürich said the délégation arrived late.")
    path.write_bytes(body.encode("cp1252"))  # declares UTF-8, is Windows-1252
    article = read_one(path)
    assert isinstance(article, Article)
    assert "café owner in Zürich" in article.text


def test_latin1_text_file_is_detected(tmp_path: Path):
    path = tmp_path / "a.txt"
    text = "Le président français a rencontré le Premier ministre à Genève. Les négociations ont été très difficiles et longues."
    path.write_bytes(text.encode("latin-1"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert "président français" in article.text and "Genève" in article.text


def test_double_encoded_utf8_is_repaired(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("The envoy met Erdoğan’s adviser in Ankara.".encode().decode("cp1252", "replace"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert "Erdoğan’s" in article.text


def test_pdf_text_is_cleaned_like_wrapped_text(tmp_path: Path):
    path = tmp_path / "a.pdf"
    path.write_bytes(
        minimal_pdf(
            [
                "Ministers met in Brussels on Monday to",
                "discuss sanctions against the regime and",
                "agreed to extend them.",
            ]
        )
    )
    article = read_one(path)
    assert isinstance(article, Article)
    assert (
        article.text
        == "Ministers met in Brussels on Monday to discuss sanctions against the regime and agreed to extend them."
    )


def test_jsonl_lines_become_articles_and_bad_lines_errors(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    rows = [
        json.dumps(
            {
                "text": "First article text.",
                "title": "One",
                "published": "2020-02-03T10:00:00Z",
                "url": "u1",
                "source": "S",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second article text."}),
    ]
    path.write_text("\n".join(rows) + "\n")
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, JsonlError, JsonlError, Article]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.title, first.published, first.url, first.source) == ("One", "2020-02-03", "u1", "S")
    assert f"{path}:2" in str(items[1])


def test_directory_is_read_recursively_in_order_skipping_hidden(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Alpha article body.")
    (tmp_path / "b" / "c.txt").write_text("Gamma article body.")
    (tmp_path / ".hidden" / "d.txt").write_text("Hidden article body.")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Article)] == ["Alpha article body.", "Gamma article body."]


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.txt", b"", EmptyInputError, "empty"),
        ("blank.txt", b"  \n\n \t\n", EmptyInputError, "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, BinaryInputError, "binary"),
        ("zeros.txt", b"abc\x00\x00\x01\x02" * 100, BinaryInputError, "binary"),
        ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage", PdfError, "corrupt"),
        ("fake.pdf", b"this is not a pdf at all", PdfError, "corrupt"),
        (
            "broken.html",
            b"<html><head><title>x</title></head><body><div><p></div></body",
            InputError,
            "no article text",
        ),
    ],
)
def test_bad_files_give_errors_naming_the_file(tmp_path: Path, name: str, content: bytes, error: type, words: str):
    path = tmp_path / name
    path.write_bytes(content)
    item = read_one(path)
    assert isinstance(item, error), item
    assert str(path) in str(item) and words in str(item)
    assert ";" in str(item)  # what went wrong; what to do


def test_encrypted_pdf_is_refused(tmp_path: Path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf(["Secret text of the report."]))
    item = read_one(path)
    assert isinstance(item, PdfError) and "encrypted" in str(item)


def test_undecodable_text_is_refused(tmp_path: Path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFE, 0xFF, 0x98]) * 300)
    item = read_one(path)
    assert isinstance(item, (EncodingError, BinaryInputError)), item


def test_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_FILE_MB", "0.01")
    path = tmp_path / "big.txt"
    path.write_text("Word and more words. " * 1000)
    item = read_one(path)
    assert isinstance(item, TooLargeError) and "limit" in str(item) and "NEWSGRAPH_MAX_FILE_MB" in str(item)


def test_missing_path_and_empty_directory_raise(tmp_path: Path):
    with pytest.raises(MissingInputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(MissingInputError, match="no article files"):
        list(read_inputs([str(tmp_path / "empty")]))
