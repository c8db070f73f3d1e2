"""The exceptions newsgraph raises on purpose, each carrying a message a user can act on.

::

    NewsgraphError                 anything we raise knowingly; the CLI prints it, exit 2
    ├── InputError                 an input cannot become an Article
    │   ├── MissingInputError      path does not exist / directory holds no articles
    │   ├── EmptyInputError        nothing but whitespace after cleaning
    │   ├── BinaryInputError       not text, HTML, PDF or JSONL
    │   ├── TooLargeError          over the ``max_file_mb`` setting
    │   ├── EncodingError          bytes that no detected encoding decodes
    │   ├── PdfError               corrupt or encrypted PDF
    │   └── JsonlError             a malformed JSONL line
    ├── ConfigError                a setting, dictionary or lexicon file is wrong
    ├── StoreError                 the database cannot be opened or migrated
    ├── ExportError                an export cannot be written where asked
    ├── RecordError                a stored or supplied record has another schema
    └── EvaluationError            gold data missing or unreadable

Messages follow one pattern: what went wrong, on which file, and what to do about it.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises knowingly; ``str(err)`` is the user message."""

    exit_code = 2


class InputError(NewsgraphError):
    """An input file or stream cannot be turned into an article."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}; {fix}")


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class EncodingError(InputError):
    pass


class PdfError(InputError):
    pass


class JsonlError(InputError):
    pass


class ConfigError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class ExportError(NewsgraphError):
    pass


class RecordError(NewsgraphError):
    pass


class EvaluationError(NewsgraphError):
    pass
