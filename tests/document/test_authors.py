"""Who a document speaks for, read from the real parse."""

from __future__ import annotations

import pytest

from newsgraph.document.authors import author_of
from newsgraph.document.nlp import load_nlp


def author(sentence: str, noun: str) -> str | None:
    doc = load_nlp()(sentence)
    found = author_of(next(t for t in doc if t.text == noun))
    return found.text if found is not None else None


@pytest.mark.parametrize(
    ("sentence", "noun", "expected"),
    [
        ("A statement by Hamas condemned the raid.", "statement", "Hamas"),
        ("A statement from the ministry said talks would resume.", "statement", "ministry"),
        ("Hamas's statement condemned the raid.", "statement", "Hamas"),
        ("An Iranian statement condemned the raid.", "statement", "Iranian"),
        ("A report issued by the army accused the rebels of looting.", "report", "army"),
        ("A report released on Tuesday in the Chadian capital accused the rebels.", "report", "Chadian"),
        ("A press statement condemned the raid.", "statement", None),
        ("The report accused the rebels of looting.", "report", None),
        ("The attack by rebels killed five.", "attack", None),
    ],
)
def test_the_author_is_the_owner_the_by_phrase_the_issuer_or_the_capital(sentence: str, noun: str, expected: str | None):
    assert author(sentence, noun) == expected
