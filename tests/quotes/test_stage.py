"""find_quotes on short texts of our own, parsed by the real spaCy model.

Each test states one behaviour from issue 5 (direct, multi-sentence, multi-paragraph,
interrupted, partial, nested, inverted, "according to", colon frame, indirect, scare
quotes, apostrophes, unbalanced marks) and checks offsets and the speaker's head word.
"""

from __future__ import annotations

import pytest

from newsgraph.document.document import parse
from newsgraph.pipeline import extract
from newsgraph.quotes import QuoteFinding, find_quotes
from newsgraph.text.article import Metadata, make_article


def quotes_of(text: str) -> tuple[str, tuple[QuoteFinding, ...]]:
    document = parse(make_article(text, Metadata(published="2014-01-07"), "test"))
    found = find_quotes(document)
    for quote in found:  # every finding, in every test: offsets are slices, in text order
        assert text[quote.start:quote.end] == quote.text
        if quote.cue_span:
            assert quote.cue_span[0] < quote.cue_span[1]
    assert [q.start for q in found] == sorted(q.start for q in found)
    return text, found


def speaker(text: str, quote: QuoteFinding) -> str | None:
    return text[slice(*quote.speaker_span)] if quote.speaker_span else None


def direct(found: tuple[QuoteFinding, ...]) -> list[QuoteFinding]:
    return [q for q in found if q.direct]


def test_quote_over_several_sentences_is_one_finding_with_its_speaker() -> None:
    text, found = quotes_of("“We will not send troops. We will help them,” the minister said on Monday.")
    (quote,) = direct(found)
    assert quote.text == "We will not send troops. We will help them"
    assert speaker(text, quote) == "minister" and quote.cue == "say"
    assert quote.speaker_span is not None and quote.speaker_span[0] > quote.end


def test_quote_continued_in_next_paragraph_carries_the_speaker_back() -> None:
    text, found = quotes_of(
        "The senator said: “We have waited long enough. The vote must happen now.\n\n"
        "“Nobody should be surprised by this.”\n\nThe chamber adjourned at noon."
    )
    first, second = direct(found)
    assert speaker(text, first) == "senator" and not first.carried
    assert second.continues and second.carried
    assert second.text == "Nobody should be surprised by this."
    assert second.speaker_span == first.speaker_span  # points back at the earlier "senator"


def test_quote_interrupted_by_its_attribution_gives_two_findings_one_speaker() -> None:
    text, found = quotes_of("“The talks are over,” she said, “and nobody will return to them.”")
    first, second = direct(found)
    assert (first.text, second.text) == ("The talks are over", "and nobody will return to them.")
    assert speaker(text, first) == "she"
    assert first.speaker_span == second.speaker_span


def test_whole_sentence_quote_after_the_frame_keeps_the_speaker() -> None:
    text, found = quotes_of(
        "“It is back to the same as it was before,” he said, referring to the siege. "
        "“There was only one cemetery. Now there are four.”"
    )
    first, second = direct(found)
    assert speaker(text, first) == "he"
    assert second.carried and second.speaker_span == first.speaker_span


def test_other_words_between_quotes_break_the_chain() -> None:
    text, found = quotes_of("“We will win,” Smith said. Jones disagreed with him loudly. “They will lose.”")
    first, second = direct(found)
    assert speaker(text, first) == "Smith"
    assert second.speaker_span is None and not second.carried


def test_partial_quote_inside_a_sentence() -> None:
    text, found = quotes_of("The governor described the plan as “a reckless gamble” on Monday.")
    (quote,) = direct(found)
    assert quote.text == "a reckless gamble" and quote.cue == "describe"
    assert speaker(text, quote) == "governor"


def test_single_quoted_partial_quote_in_reported_speech() -> None:
    text, found = quotes_of("The minister said the deal was 'a win-win solution' for both sides.")
    (quote,) = direct(found)
    assert quote.text == "a win-win solution" and speaker(text, quote) == "minister"
    reported = [q for q in found if not q.direct]
    assert reported and reported[0].text.startswith("the deal was")


def test_nested_single_marks_stay_inside_the_outer_quote() -> None:
    text, found = quotes_of("“He told me ‘you are finished’ and walked out,” the coach said.")
    (quote,) = direct(found)
    assert quote.text == "He told me ‘you are finished’ and walked out"
    assert speaker(text, quote) == "coach"


def test_inverted_frame_names_the_speaker_after_the_verb() -> None:
    text, found = quotes_of("“Prices will fall next year,” said Kerry.")
    (quote,) = direct(found)
    assert speaker(text, quote) == "Kerry" and quote.cue == "say"


def test_according_to_attributes_the_clause() -> None:
    text, found = quotes_of("The army lost forty soldiers in the attack, according to the ministry.")
    (quote,) = found
    assert not quote.direct and quote.cue == "according to"
    assert quote.text == "The army lost forty soldiers in the attack"
    assert speaker(text, quote) == "ministry"


def test_colon_frame_takes_the_name_before_the_colon() -> None:
    text, found = quotes_of("Opposition leader Mary Jones: “This election was stolen from the people.”")
    (quote,) = direct(found)
    assert quote.cue == ":" and speaker(text, quote) == "Jones"


def test_colon_ending_the_previous_paragraph_introduces_the_quote() -> None:
    text, found = quotes_of("The president told the crowd:\n\n“We will rebuild every town.”")
    (quote,) = direct(found)
    assert quote.cue == "tell" and speaker(text, quote) == "president"


@pytest.mark.parametrize(
    ("sentence", "clause", "cue", "who"),
    [
        ("Kerry declared that Washington would do everything possible to help.",
         "Washington would do everything possible to help", "declare", "Kerry"),
        ("He added that Iran would not conduct joint operations.",
         "Iran would not conduct joint operations", "add", "He"),
        ("The official said the talks would resume next week.", "the talks would resume next week", "say", "official"),
    ],
)
def test_indirect_speech_is_the_reported_clause(sentence: str, clause: str, cue: str, who: str) -> None:
    text, found = quotes_of(sentence)
    (quote,) = found
    assert not quote.direct
    assert quote.text == clause and quote.cue == cue and speaker(text, quote) == who


def test_cue_with_a_quoted_complement_is_direct_only() -> None:
    text, found = quotes_of("He added: “We are not contemplating returning.”")
    (quote,) = found
    assert quote.direct and speaker(text, quote) == "He"


def test_scare_quotes_and_titles_are_not_speech() -> None:
    _, found = quotes_of(
        "Talks between the government and the so-called “rebels” stalled. "
        "She later appeared on “Good Morning America” to promote her book."
    )
    assert direct(found) == []


def test_apostrophes_never_make_a_quote() -> None:
    _, found = quotes_of("We’re sure that Iran’s ’90s policy and the players’ union matter.")
    assert direct(found) == []


def test_unbalanced_mark_is_bounded_by_its_paragraph() -> None:
    text, found = quotes_of(
        "The mayor said “we will rebuild the bridge by spring.\n\n"
        "The council met on Tuesday. It approved the budget without debate."
    )
    (quote,) = direct(found)
    assert quote.text == "we will rebuild the bridge by spring."
    assert quote.end <= text.index("\n\n") and speaker(text, quote) == "mayor"


def test_quote_without_any_attribution_has_no_speaker() -> None:
    _, found = quotes_of("“This war will end soon, and everyone knows it.”\n\nMarkets rose on Tuesday.")
    (quote,) = direct(found)
    assert quote.speaker_span is None and quote.cue is None


def test_two_apostrophe_marks_as_in_some_wire_copy() -> None:
    text, found = quotes_of("''It is over for us,'' Mr. Smith said after the vote.")
    (quote,) = direct(found)
    assert quote.text == "It is over for us" and speaker(text, quote) == "Smith"


def test_no_quotes_no_findings() -> None:
    _, found = quotes_of("The river rose overnight and flooded two villages.")
    assert found == ()


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("A statement by the ministry said the talks would resume.", "ministry"),
        ("The rebels' statement said the talks would resume.", "rebels"),
        ("A communique issued by the army said the town had fallen.", "army"),
    ],
)
def test_a_document_that_speaks_speaks_for_its_author(sentence: str, who: str) -> None:
    text, found = quotes_of(sentence)
    (quote,) = found
    assert speaker(text, quote) == who


def test_a_document_with_no_author_named_is_its_own_speaker_and_no_actor() -> None:
    text, found = quotes_of("The report said the talks would resume.")
    (quote,) = found
    assert speaker(text, quote) == "report"
    record = extract(make_article(text, Metadata(published="2014-01-07"), "test"))
    assert [q.speaker for q in record.quotes] == [None]
