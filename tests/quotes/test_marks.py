"""Quote-mark pairing on plain strings: no parse involved, every case built by hand."""

from __future__ import annotations

from newsgraph.quotes.marks import find_marked


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_marked(text)]


def test_curly_and_straight_marks_pair_inside_a_paragraph() -> None:
    text = "“It is back to the same,” he said, \"before 2004 there was one.\""
    assert spans(text) == ["It is back to the same", "before 2004 there was one."]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "We’re told Iran’s ’90s policy, rock ’n’ roll and the players’ union don't count, nor does '80s."
    assert find_marked(text) == []


def test_single_marks_pair_when_they_open_and_close() -> None:
    text = "The minister said the deal was 'a win-win solution' for both sides."
    assert spans(text) == ["a win-win solution"]


def test_single_marks_inside_double_quote_stay_part_of_it() -> None:
    text = "“He told me ‘you are finished’ and walked out,” the coach said."
    assert spans(text) == ["He told me ‘you are finished’ and walked out"]


def test_two_apostrophes_and_tex_marks_are_double_quotes() -> None:
    text = "''It is over,'' Mr. Smith said, and ``that is final'' he added."
    assert spans(text) == ["It is over", "that is final"]


def test_unclosed_mark_stops_at_its_paragraph() -> None:
    text = "The mayor said “we will rebuild the bridge.\n\nThe council met on Tuesday. It approved “the budget” too."
    found = find_marked(text)
    assert [text[q.start:q.end] for q in found] == ["we will rebuild the bridge.", "the budget"]
    assert found[0].close_mark is None and not found[0].runs_on
    assert not found[1].continues


def test_open_quote_runs_on_into_a_paragraph_that_opens_with_a_mark() -> None:
    text = "She said: “We have waited long enough.\n\n“Nobody should be surprised,” she added."
    first, second = find_marked(text)
    assert first.runs_on and first.close_mark is None
    assert second.continues and text[second.start:second.end] == "Nobody should be surprised"


def test_quote_missing_its_opening_mark_after_a_run_on_paragraph() -> None:
    text = "He said: “First part\n\nsecond part” was all."
    first, second = find_marked(text)
    assert first.runs_on and second.continues
    assert text[second.start:second.end] == "second part"


def test_offsets_point_at_the_words_between_the_marks() -> None:
    text = "A “b c,” d. ‘E f’ g \"h\""
    for quote in find_marked(text):
        assert text[quote.open_mark] in "“‘\""
        assert quote.close_mark is not None and text[quote.close_mark] in "”’\""
        assert quote.open_mark < quote.start <= quote.end <= quote.close_mark
