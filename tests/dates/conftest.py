"""A helper that parses short made-up sentences with a publication date through the real parser."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.document.document import Document, parse
from newsgraph.text.article import Metadata, make_article


@pytest.fixture(scope="session")
def parsed() -> Callable[[str, str | None], Document]:
    def make(text: str, published: str | None = "2014-01-07") -> Document:
        return parse(make_article(text, Metadata(published=published), "test"))

    return make
