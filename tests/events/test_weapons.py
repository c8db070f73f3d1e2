"""The weapon an attack was made with, as its CAMEO code and PLOVER mode, from the real parse."""

from __future__ import annotations

import pytest

from tests.events.coding import code


def attack(text: str) -> tuple[str | None, tuple[str, ...]]:
    found = [e for e in code(text).events if e.type == "ASSAULT"]
    assert found, text
    return found[0].cameo, found[0].mode


@pytest.mark.parametrize(("text", "cameo", "mode"), [
    ("Rebels attacked the town with rockets.", "194", ("heavy-weapons",)),
    ("Israel killed three militants in a drone strike.", "195", ("drone",)),
    ("Hamas militants were killed in an Israeli air strike.", "195", ("aerial",)),
    ("Five soldiers were killed by a roadside bomb planted by the Taliban.", "1833", ("explosives",)),
    ("The airliner was blown up by a missile believed to be fired by rebels.", "194", ("heavy-weapons",)),
])
def test_a_named_weapon_gives_the_attack_its_code_and_mode(text, cameo, mode):
    assert attack(text) == (cameo, mode)


def test_no_weapon_or_a_figurative_one_leaves_plain_force():
    assert attack("Rebels attacked the town on Monday.") == ("190", ())
    assert attack("Police attacked protesters with water cannon.")[0] == "190"


def test_the_weapon_that_struck_and_its_firing_are_one_attack():
    record = code("Five soldiers were killed by a roadside bomb planted by the Taliban.")
    assert [(e.cameo, e.evidence.trigger.text) for e in record.events if e.type == "ASSAULT"] == [("1833", "killed")]
    record = code("A rocket fired by Hamas hit a bus in Sderot.")
    assert [e.cameo for e in record.events if e.type == "ASSAULT"] == ["194"]
