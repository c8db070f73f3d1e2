"""Options and error handling shared by every ``newsgraph`` command module.

Kept apart from :mod:`newsgraph.cli` so command modules (``cli_web``, ``cli_scale``) can use
them without importing the command group that registers them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsgraph import settings
from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.pipeline import Options

F = TypeVar("F", bound=Callable[..., Any])


def setting_help(name: str) -> str:
    s = settings.SETTINGS[name]
    return f"{s.help} [env {s.env}; default {s.default}]"


def friendly_errors(func: F) -> F:
    """Turn a NewsgraphError into a one-line message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsgraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted: whatever was committed is kept; run the same command again to finish", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def _validate_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from newsgraph.text.article import parse_iso_date

    try:
        return parse_iso_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; give it as YYYY-MM-DD") from None


def metadata_options(func: F) -> F:
    func = click.option("--url", help="article URL (overrides what the file says)")(func)
    func = click.option("--title", help="article title (overrides what the file says)")(func)
    func = click.option(
        "--published", callback=_validate_date, metavar="YYYY-MM-DD", help="publication date (overrides the file's)"
    )(func)
    return func


def dictionary_options(func: F) -> F:
    """--actors / --verbs / --discards: the user's own dictionaries, added to (and overriding) the built-in ones;
    --code-sport: code sports stories as well."""
    func = click.option(
        "--code-sport", "code_sport", is_flag=True, default=False,
        help="code events in sports stories too (by default a story mostly about sport gives no events)",
    )(func)
    func = click.option(
        "--discards", "discard_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="a PETRARCH discard list: sentences (or, for + phrases, whole stories) holding a phrase give no events (repeatable)",
    )(func)
    func = click.option(
        "--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="a PETRARCH-format CAMEO verb dictionary to add to the lexicon (repeatable)",
    )(func)
    func = click.option(
        "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="an actor dictionary (our YAML/TSV, or PETRARCH/Phoenix .actors/.agents) to add (repeatable)",
    )(func)
    return func


def coding_options(actor_files: tuple[str, ...], verb_files: tuple[str, ...], discard_files: tuple[str, ...] = (),
                   code_sport: bool = False) -> Options:
    from pathlib import Path

    from newsgraph.pipeline import Options

    return Options(
        actor_files=tuple(Path(p) for p in actor_files),
        verb_files=tuple(Path(p) for p in verb_files),
        discard_files=tuple(Path(p) for p in discard_files),
        code_sport=code_sport,
    )


def db_option(func: F) -> F:
    return click.option("--db", envvar="NEWSGRAPH_DB", default=None, help=setting_help("db"))(func)


def workers_option(func: F) -> F:
    return click.option("--workers", type=int, default=None, help=setting_help("workers"))(func)


