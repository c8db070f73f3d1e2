"""Who a text speaks for: the author of "a statement by Hamas", "the ministry's report",
"a communique issued by the army", "a report released in the Rwandan capital".

News lets documents speak and act ("A statement from the ministry said …", "The Hamas
statement condemned …", "a report … alleged that France …"). The speaker or accuser is
the document's author, which quotes and events both need; it is read from the parse alone,
so it lives beside the parsed document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for texts that speak for whoever issued them.
DOCUMENT_NOUNS = frozenset(
    {"statement", "report", "communique", "communiqué", "declaration", "letter", "memo", "memorandum", "message",
     "bulletin", "dossier", "document", "study", "assessment", "editorial", "commentary", "broadcast", "resolution",
     "decree", "ruling", "verdict", "notice", "announcement", "petition", "circular", "advisory", "directive",
     "transcript", "cable", "leaflet", "tweet", "video", "recording", "audiotape", "videotape", "manifesto"}
)
# Nouns for what was said, which also speak for whoever said them ("accusations by Amnesty",
# "an appeal from President Gbagbo"): rejecting one rejects its author.
SPEECH_ACT_NOUNS = frozenset(
    {"accusation", "allegation", "charge", "claim", "criticism", "appeal", "request", "demand", "offer", "proposal",
     "plea", "call", "invitation", "ultimatum", "warning", "threat", "suggestion", "assertion", "complaint", "protest"}
)
# Participles that name who issued a document ("a statement issued by the army").
ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "put", "send", "sign", "write", "draft", "adopt", "present", "submit",
     "circulate", "distribute", "post", "compile", "prepare", "commission", "produce", "deliver", "read", "file",
     "broadcast", "air", "carry", "hand", "pass", "unveil", "approve"}
)
# Prepositions that name a document's author directly ("a report by", "a statement from").
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})


def is_document(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in DOCUMENT_NOUNS


def said_by(token: Token) -> Token | None:
    """Who made a statement ("charges by Ivory Coast", "an appeal from Gbagbo"), by its "by" /
    "from" phrase, or who issued a document (:func:`author_of`)."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_ACT_NOUNS:
        holders = [token]
        if token.dep_ == "dobj" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.head.children):
            holders.append(token.head)  # "denied charges by Ivory Coast": an active verb has no "by" of its own
        return next((o for h in holders for c in h.children if c.dep_ == "prep"
                     and c.lower_ in (AUTHOR_PREPOSITIONS if h is token else ("by",))
                     for o in c.children if o.dep_ == "pobj"), None)
    return author_of(token)


def author_of(document: Token) -> Token | None:
    """The head token of who issued ``document``, or None when the text does not say.

    An owner comes first ("Hamas's statement", "the Hamas statement", "an Iranian
    statement"), then a "by" / "from" phrase, then the agent of an issuing participle, and
    last the capital it was released in ("released in the Rwandan capital": Rwanda's), which
    news uses for a state's own reports. A common-noun modifier ("a press statement") names
    no author.
    """
    if not is_document(document):
        return None
    for child in document.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "amod" and child.text[:1].isupper():
            return child  # "an Iranian statement"
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            found = _object(child)
            if found is not None:
                return found
    for clause in document.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in ISSUING_VERBS:
            found = _issuer(clause)
            if found is not None:
                return found
    return None


def _issuer(clause: Token) -> Token | None:
    for child in clause.children:
        if child.dep_ == "agent":
            return _object(child)
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            place = _object(child)
            if place is not None and place.lemma_.lower() == "capital":
                # "the Rwandan capital": the nationality names whose capital it is
                return next((m for m in place.children if m.dep_ in ("amod", "compound", "poss")
                             and m.text[:1].isupper()), None)
    return None


def _object(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)
