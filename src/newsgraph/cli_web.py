"""CLI commands of the analyst's workbench: ``serve`` and ``graph`` (registered in cli.py)."""

from __future__ import annotations

import datetime as dt
import sys

import click

from newsgraph.cli_options import db_option, friendly_errors


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; give it as YYYY-MM-DD") from None


def _minimum(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    """A casualty minimum: checked here so a bad one is a usage error, not a database error."""
    if value is None:
        return None
    from newsgraph.store.listing import MAX_COUNT  # here, not at import: the CLI starts without SQLAlchemy

    if value < 0:
        raise click.BadParameter(f"{value} is negative; give a number of people, 0 or more (0 means no filter)")
    if value > MAX_COUNT:
        raise click.BadParameter(f"{value} is larger than any count the store holds; give at most {MAX_COUNT}")
    return value


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; anything but loopback needs --token")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="NEWSGRAPH_TOKEN", default=None,
              help="bearer token required by write endpoints [env NEWSGRAPH_TOKEN; prefer the env var]")
@click.option("--max-upload-mb", type=float, default=5.0, show_default=True,
              help="largest request body (pasted or uploaded article) accepted")
@friendly_errors
def serve(db: str | None, host: str, port: int, token: str | None, max_upload_mb: float) -> None:
    """Serve the web workbench and the JSON API over the store (http://127.0.0.1:8000/)."""
    from newsgraph.api.server import serve as run

    run(db, host=host, port=port, token=token, max_upload_mb=max_upload_mb)


@click.command()
@db_option
@click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="only events dated on or after")
@click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="only events dated on or before")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="only these PLOVER types (repeat the option)")
@click.option("--min-killed", type=int, callback=_minimum, metavar="N",
              help="only events whose sentence reports at least N killed (0: no filter)")
@click.option("--min-injured", type=int, callback=_minimum, metavar="N",
              help="only events whose sentence reports at least N injured (0: no filter)")
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor", show_default=True,
              help="one node per actor key, or per country")
@click.option("--include-negated", is_flag=True, help="count negated events too (left out by default)")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "text"]), default=None,
              help="graph: json (default), graphml or gexf; --balance: text (default) or json")
@click.option("--balance", is_flag=True, help="list the unbalanced triads of the signed graph instead")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="write to this file, not stdout")
@friendly_errors
def graph(
    db: str | None, since: dt.date | None, until: dt.date | None, types: tuple[str, ...], min_killed: int | None,
    min_injured: int | None, by: str, include_negated: bool, fmt: str | None, balance: bool, output: str | None,
) -> None:
    """Print the actor graph (signed, weighted dyads with evidence), or its structural balance."""
    from newsgraph.errors import ConfigError
    from newsgraph.graph import GraphOptions, graph_report
    from newsgraph.store.db import Store
    from newsgraph.store.queries import EventFilter

    fmt = fmt or ("text" if balance else "json")
    if balance and fmt in ("graphml", "gexf"):
        raise ConfigError(f"--balance prints a report, not a {fmt} graph; use --format text or --format json")
    if not balance and fmt == "text":
        raise ConfigError("--format text is for --balance; the graph itself is graphml, gexf or json")
    from newsgraph.events.tables import plover_types

    unknown = [t for t in types if t.upper() not in plover_types()]
    if unknown:
        raise ConfigError(f"unknown event type(s) {', '.join(unknown)}; use PLOVER types: {', '.join(plover_types())}")
    if since and until and since > until:
        raise ConfigError(f"--since {since} is after --until {until}; swap them")
    options = GraphOptions(
        events=EventFilter(types=tuple(t.upper() for t in types), since=since, until=until, min_killed=min_killed,
                           min_injured=min_injured),
        by=by,
        include_negated=include_negated,
    )
    with Store(db) as store:
        text = graph_report(store.engine, options, fmt=fmt, balance=balance)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text + "\n")


COMMANDS: list[click.Command] = [serve, graph]
