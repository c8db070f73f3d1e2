"""newsgraph: evidence-backed political event data from news text.

Importing the package is cheap: it loads no spaCy model and opens no database. The heavy
parts load when first used (``newsgraph.document.nlp.load_nlp``).
"""

from newsgraph.records import (
    SCHEMA,
    Actor,
    Article,
    DateRef,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "DateRef",
    "Event",
    "Evidence",
    "Extraction",
    "Place",
    "Quote",
    "Span",
    "__version__",
]
