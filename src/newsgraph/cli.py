"""The ``newsgraph`` command: parse arguments, call one library function, print.

Errors newsgraph raises on purpose (:class:`~newsgraph.errors.NewsgraphError`) print as
one line on stderr with exit code 2 — never a traceback.
"""

from __future__ import annotations

import json
import sys

import click

from newsgraph import __version__
from newsgraph.cli_options import (
    coding_options,
    db_option,
    dictionary_options,
    friendly_errors,
    metadata_options,
    setting_help,
    workers_option,
)
from newsgraph.errors import InputError, NewsgraphError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph: evidence-backed political event data from news text."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@metadata_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "summary"]),
    default="json",
    show_default=True,
    help="json: one indented object (an array for several articles); jsonl: one record per line; summary: a readable digest",
)
@workers_option
@dictionary_options
@friendly_errors
def extract(
    paths: tuple[str, ...], published: str | None, title: str | None, url: str | None, fmt: str, workers: int | None,
    actor_files: tuple[str, ...], verb_files: tuple[str, ...], discard_files: tuple[str, ...], code_sport: bool,
) -> None:
    """Print the extraction record of each article in PATHS (files, directories, or - for stdin)."""
    from newsgraph.pipeline import extract_many
    from newsgraph.text.article import Metadata
    from newsgraph.text.readers import read_inputs

    errors: list[InputError] = []

    def articles():  # type: ignore[no-untyped-def]
        for item in read_inputs(paths, Metadata(title=title, url=url, published=published)):
            if isinstance(item, InputError):
                errors.append(item)
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    options = coding_options(actor_files, verb_files, discard_files, code_sport)
    extractions = extract_many(articles(), workers=workers if workers is not None else 1, options=options)
    if fmt == "summary":
        from newsgraph.summary import render

        click.echo("\n\n".join(render(x) for x in extractions))
        sys.exit(2 if errors else 0)
    records = (x.to_dict() for x in extractions)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        collected = list(records)
        if len(collected) == 1:
            click.echo(json.dumps(collected[0], ensure_ascii=False, indent=2))
        elif collected:
            click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    if errors:
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@metadata_options
@db_option
@workers_option
@click.option("--batch-size", type=int, default=None, help=setting_help("batch_size"))
@dictionary_options
@friendly_errors
def ingest(
    paths: tuple[str, ...],
    published: str | None,
    title: str | None,
    url: str | None,
    db: str | None,
    workers: int | None,
    batch_size: int | None,
    actor_files: tuple[str, ...],
    verb_files: tuple[str, ...],
    discard_files: tuple[str, ...],
    code_sport: bool,
) -> None:
    """Code every article in PATHS and store the records (idempotent, resumable)."""
    from newsgraph.cli_progress import progress_bar
    from newsgraph.ingest import ingest as run_ingest
    from newsgraph.store.db import Store
    from newsgraph.text.article import Metadata
    from newsgraph.text.readers import count_inputs

    with Store(db) as store, progress_bar(count_inputs(paths), "coding") as advance:
        report = run_ingest(
            paths,
            store,
            overrides=Metadata(title=title, url=url, published=published),
            workers=workers,
            batch_size=batch_size,
            progress=advance,
            options=coding_options(actor_files, verb_files, discard_files, code_sport),
        )
        counts = store.counts()
        where = store.display_url
    click.echo(
        f"{report.stored} stored, {report.skipped} already coded, {len(report.errors)} failed "
        f"({report.read} articles read) → {where}"
    )
    click.echo("store now holds " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if report.errors:
        click.echo(f"{len(report.errors)} input(s) could not be read:", err=True)
        for error in report.errors:
            click.echo(f"  {error}", err=True)
        sys.exit(2)


@main.command()
@db_option
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--search", help="only articles whose title or text contains this")
@click.option("--json", "as_json", is_flag=True, help="print JSON instead of a table")
@friendly_errors
def articles(db: str | None, limit: int, offset: int, search: str | None, as_json: bool) -> None:
    """List the stored articles."""
    from newsgraph.store.db import Store

    with Store(db) as store:
        rows = store.articles(limit=limit, offset=offset, search=search)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    for row in rows:
        title = (row["title"] or "(untitled)")[:70]
        click.echo(f"{row['id']}  {row['published'] or '----------'}  {row['chars']:>7} chars  {title}")
    if not rows:
        click.echo("no articles stored yet; add some with `newsgraph ingest PATH`", err=True)


@main.command()
@click.argument("article_id")
@db_option
@friendly_errors
def show(article_id: str, db: str | None) -> None:
    """Print the stored extraction record of ARTICLE_ID (or an unambiguous prefix)."""
    from newsgraph.store.db import Store

    with Store(db) as store:
        record = store.record(article_id)
    if record is None:
        raise NewsgraphError(f"no stored article has id {article_id!r}; list them with `newsgraph articles`")
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@main.command()
@click.argument("component", type=click.Choice(["actors", "events", "quotes", "places", "dates", "all"]))
@click.option("--datasets", envvar="NEWSGRAPH_DATASETS", help="folder holding the public gold sets [env NEWSGRAPH_DATASETS]")
@click.option("--sample", type=int, default=None, help="score only the first N items of each large set")
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@friendly_errors
def evaluate(component: str, datasets: str | None, sample: int | None, as_json: bool) -> None:
    """Score a component against public gold data and print precision / recall / F1."""
    import importlib

    from newsgraph.evaluate import COMPONENTS
    from newsgraph.evaluate.datasets import datasets_dir

    folder = datasets_dir(datasets)
    names = COMPONENTS if component == "all" else (component,)
    reports = []
    for name in names:
        module = importlib.import_module(f"newsgraph.evaluate.{name}")
        reports.append(module.evaluate(folder, sample=sample))
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))
    else:
        click.echo("\n\n".join(r.render() for r in reports))


def _register_commands() -> None:
    """Commands that live in their own modules, so each stays small."""
    from newsgraph import cli_scale, cli_web

    for command in (*cli_web.COMMANDS, *cli_scale.COMMANDS):
        main.add_command(command)


_register_commands()

if __name__ == "__main__":
    main()
