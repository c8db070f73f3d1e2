"""Raw input → :class:`~newsgraph.records.Article`: readers for text, HTML, PDF and JSONL."""

from newsgraph.text.article import Metadata, article_id, make_article
from newsgraph.text.readers import read_inputs

__all__ = ["Metadata", "article_id", "make_article", "read_inputs"]
