"""CLI commands for scale and exchange: ``export``, ``load``, ``spark-extract`` (registered in cli.py)."""

from __future__ import annotations

import sys

import click

from newsgraph.cli_options import db_option, friendly_errors, workers_option
from newsgraph.settings import SETTINGS

# The same as newsgraph.export.FORMATS (a test keeps them equal); not imported from there
# because every command would then pay for importing the store at start-up.
EXPORT_FORMATS = ("plover-jsonl", "polecat-tsv", "gdelt-tsv", "acled-csv", "csv", "parquet")
BATCH_HELP = f"{SETTINGS['batch_size'].help} [env {SETTINGS['batch_size'].env}; default {SETTINGS['batch_size'].default}]"


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
    help="plover-jsonl: PLOVER event records; polecat-tsv / gdelt-tsv / acled-csv: those data sets' columns "
    "(acled-csv: only events of ACLED's types); csv / parquet: one file per store table, in the --out folder",
)
@db_option
@click.option("--out", default=None, help="file to write (default: stdout); for csv and parquet, a folder")
@friendly_errors
def export_command(fmt: str, db: str | None, out: str | None) -> None:
    """Write the stored records in an event-data exchange format."""
    from newsgraph.export import export
    from newsgraph.store.db import Store

    with Store(db) as store:
        report = export(store, fmt, out)
    written = ", ".join(f"{count} {name}" for name, count in report.rows.items())
    click.echo(f"exported {report.articles} articles as {fmt} ({written} rows) → {report.destination}", err=True)


@click.command("load")
@click.argument("folder")
@db_option
@click.option("--batch-size", type=int, default=None, help=BATCH_HELP)
@friendly_errors
def load_command(folder: str, db: str | None, batch_size: int | None) -> None:
    """Store the records of a `newsgraph spark-extract` output FOLDER (idempotent, resumable)."""
    from newsgraph.cli_progress import progress_bar
    from newsgraph.spark.load import count_rows, load
    from newsgraph.store.db import Store

    total = count_rows(folder)
    with Store(db) as store, progress_bar(total, "loading") as advance:
        report = load(folder, store, batch_size=batch_size, progress=advance)
        counts = store.counts()
        where = store.display_url
    click.echo(
        f"{report.stored} stored, {report.skipped} already stored, {len(report.errors)} failed "
        f"({report.rows} rows read) → {where}"
    )
    click.echo("store now holds " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    _exit_with_errors(report.errors, "row(s) were not coded by spark-extract")


@click.command("spark-extract")
@click.argument("source", metavar="IN")
@click.argument("output", metavar="OUT")
@click.option("--master", default=None, help="Spark master URL (default: local[N], N = --workers)")
@workers_option
@click.option("--partitions", type=int, default=None, help="tasks the corpus is split into (default: Spark's parallelism)")
@click.option("--batch-size", type=int, default=None, help=BATCH_HELP)
@click.option("--overwrite", is_flag=True, help="replace OUT if it exists")
@friendly_errors
def spark_extract_command(
    source: str, output: str, master: str | None, workers: int | None, partitions: int | None,
    batch_size: int | None, overwrite: bool,
) -> None:
    """Code a JSONL or Parquet corpus IN on Spark; write one Parquet row per article to folder OUT."""
    from newsgraph.spark.job import spark_extract

    chosen = master or (f"local[{workers}]" if workers else None)
    report = spark_extract(
        source, output, master=chosen, partitions=partitions, batch_size=batch_size, overwrite=overwrite
    )
    click.echo(
        f"{report.records} records, {report.failed} failed rows ({report.rows} rows, "
        f"{report.partitions} partitions) → {report.output}"
    )
    click.echo(f"store them with: newsgraph load {report.output}")
    _exit_with_errors(report.errors, "input row(s) could not be coded", report.failed)


def _exit_with_errors(errors: list[str], what: str, total: int | None = None) -> None:
    if not errors:
        return
    click.echo(f"{total if total is not None else len(errors)} {what}:", err=True)
    for error in errors:
        click.echo(f"  {error}", err=True)
    sys.exit(2)


COMMANDS: list[click.Command] = [export_command, load_command, spark_extract_command]
