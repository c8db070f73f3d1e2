"""How predicted event arguments are matched to gold actor spans."""

from __future__ import annotations

from newsgraph.evaluate.actors import actors_to_spans, one_to_one


def test_an_actor_named_twice_is_one_prediction_matching_whichever_span_was_marked():
    both_names = [[(4, 30), (33, 36)]]  # "the Revolutionary United Front ( RUF )"
    found = actors_to_spans(both_names, [(33, 36)])
    assert (found.tp, found.fp, found.fn) == (1, 0, 0)
    assert (one_to_one(both_names[0], [(33, 36)]).fp) == 1  # span by span, the other name was an error


def test_an_actor_missing_every_gold_span_is_one_false_positive_and_gold_left_over_is_missed():
    found = actors_to_spans([[(0, 5), (40, 45)], [(10, 15)]], [(10, 14), (20, 25)])
    assert (found.tp, found.fp, found.fn) == (1, 1, 1)


def test_one_actor_can_match_two_gold_spans():
    found = actors_to_spans([[(0, 6), (50, 52)]], [(0, 6), (50, 52)])
    assert (found.tp, found.fp, found.fn) == (2, 0, 0)
