from newsgraph.text.clean import clean_paragraphs, clean_plain_text


def test_wrapped_lines_rejoin_into_indented_paragraphs():
    raw = (
        " A headline without a full stop\n"
        "    First paragraph starts here and\n"
        "wraps onto a second line.\n"
        "   Second paragraph is also\n"
        "wrapped over lines.\n"
    )
    clean = clean_plain_text(raw)
    assert clean.title == "A headline without a full stop"
    assert clean.text.split("\n\n") == [
        "First paragraph starts here and wraps onto a second line.",
        "Second paragraph is also wrapped over lines.",
    ]


def test_line_end_hyphen_kept_for_compounds_and_dropped_for_split_words():
    raw = (
        "    The Shia-\ndominated cabinet praised a self-\nreliant economy and the govern-\nment said the\n"
        "Syrian-\nSyrian talks were under way in the\nregion—ostensibly for peace and\nnothing else at\nall.\n"
    )
    text = clean_plain_text(raw, take_title=False).text
    assert "Shia-dominated" in text
    assert "self-reliant" in text
    assert "government said" in text
    assert "Syrian-Syrian" in text
    assert "region—ostensibly" in text


def test_page_break_inside_a_sentence_is_closed():
    raw = (
        "    The regime has marginalized, discriminated against and\n\n"
        "repressed the population, creating anger that has\n"
        "grown for years.\n"
        "    A new paragraph begins\nhere and\nends.\n"
    )
    paragraphs = clean_plain_text(raw, take_title=False).text.split("\n\n")
    assert paragraphs[0].startswith("The regime has marginalized, discriminated against and repressed the population")
    assert len(paragraphs) == 2


def test_unwrapped_text_keeps_one_paragraph_per_line():
    raw = "First sentence here.\nSecond paragraph here.\nThird one too.\n"
    assert clean_plain_text(raw, take_title=False).text.split("\n\n") == [
        "First sentence here.",
        "Second paragraph here.",
        "Third one too.",
    ]


def test_blank_line_paragraphs_with_soft_wraps():
    raw = "Title line\n\nA wrapped paragraph that\ncontinues here.\n\nAnother paragraph that\nalso continues.\n"
    clean = clean_plain_text(raw)
    assert clean.title == "Title line"
    assert clean.text == "A wrapped paragraph that continues here.\n\nAnother paragraph that also continues."


def test_sentence_first_line_is_not_a_title():
    clean = clean_plain_text("The minister resigned on Monday.\n\nShe gave no reason.\n")
    assert clean.title is None
    assert clean.text.startswith("The minister resigned")


def test_invisible_and_odd_whitespace_characters_are_normalised():
    raw = "Soft\u00adhyphen and\u00a0no-break\u200b space\r\nand CRLF\x07 bell."
    text = clean_plain_text(raw, take_title=False).text
    assert text == "Softhyphen and no-break space and CRLF bell."


def test_clean_paragraphs_joins_with_blank_lines():
    assert clean_paragraphs(["  One\n two ", "", "Three"]) == "One two\n\nThree"
