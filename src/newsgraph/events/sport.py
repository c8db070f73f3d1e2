"""Sports stories, which newsgraph reads for actors and quotes but does not code for events.

Match reports are written in the words of conflict and diplomacy — teams "beat", "attack",
"battle", "meet" and "concede" — so a political coder run over a general news feed turns
every tennis result into an assault (on the BBC 2004–05 corpus, 48 events in 30 sport
stories, all false). PETRARCH leaves this to a user's discard list; newsgraph recognises the
story itself, by how much of it is the vocabulary of sport, and codes no events in it unless
asked to (``--code-sport``).

The share is counted over a story's words, so a single sentence is never judged (a war
report may speak of a "victory" or a "defeat"). Calibration, on the BBC corpus's own
categories: at 3% of words, 424 of 511 sport stories are recognised, against 3 of 417
politics stories (a party leader's snooker, football bigotry, video-game ratings), 8 of 510
business stories (football club takeovers), 4 of 386 entertainment stories and 34 of 401
technology stories (mostly video games).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPORT_WORDS = frozenset(
    """match game season league cup championship tournament coach striker goal goalkeeper midfield
    midfielder defender penalty innings wicket semi-final quarter-final semi final medal race lap fixture
    referee squad seed rubber kick-off stadium champion player team club scorer sprint marathon athlete
    athletics olympic olympics rugby football soccer tennis cricket golf boxing bout knockout batsman
    bowler try score win victory defeat draw trophy title manager fan""".split()
)
MIN_WORDS = 150  # below this a story is too short to judge by its words
SPORT_SHARE = 0.03


def is_sport_story(doc: Doc) -> bool:
    """Whether at least SPORT_SHARE of a story's (at least MIN_WORDS) words are sport's."""
    words = [t.lemma_.lower() for t in doc if t.is_alpha]
    if len(words) < MIN_WORDS:
        return False
    return sum(1 for w in words if w in SPORT_WORDS) >= SPORT_SHARE * len(words)
