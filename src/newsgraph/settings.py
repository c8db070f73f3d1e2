"""Every tunable setting, declared once with its default, environment variable and help.

The CLI's ``--help`` texts and the README's settings table are generated from
:data:`SETTINGS`, so a setting documented anywhere is a setting that exists.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "NEWSGRAPH_" + self.name.upper()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("db", "sqlite:///newsgraph.db", "database URL: a SQLite file or postgresql+psycopg://..."),
        Setting("max_file_mb", 20.0, "largest input file read, in megabytes; bigger files are refused"),
        Setting("max_article_chars", 1_000_000, "longest article text coded; longer texts are refused"),
        Setting("batch_size", 32, "articles parsed per nlp.pipe batch and stored per transaction"),
        Setting("workers", 0, "worker processes for batch coding; 0 means one per CPU core"),
        Setting("token", "", "bearer token `serve` requires on write endpoints (needed to listen beyond 127.0.0.1)"),
        Setting("max_upload_mb", 5.0, "largest request body `serve` accepts, in megabytes"),
    )
}


def get(name: str) -> Any:
    """The setting's value: its environment variable if set, else the default."""
    setting = SETTINGS[name]
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    kind = type(setting.default)
    try:
        return kind(raw)
    except ValueError:
        from newsgraph.errors import ConfigError

        raise ConfigError(
            f"{setting.env}={raw!r} is not a valid {kind.__name__}; unset it or give e.g. {setting.default!r}"
        ) from None
