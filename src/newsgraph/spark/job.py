"""The Spark job: a JSONL or Parquet corpus → a Parquet folder of extraction records.

Run it from the command line (``newsgraph spark-extract IN OUT``), from Python
(:func:`spark_extract`), or on a cluster with ``spark-submit`` of this file::

    spark-submit --master yarn "$(python -c 'import newsgraph.spark.job as j; print(j.__file__)')" IN OUT

Executors need newsgraph and its pinned dependencies (spaCy model included) installed in
the Python that ``PYSPARK_PYTHON`` names; nothing is fetched at run time.

Steps: the input is read as lines (JSONL) or rows turned into JSON lines (Parquet), each
numbered so errors can name their line; rows are spread over ``partitions`` tasks; each
task codes its rows with :func:`newsgraph.spark.executor.code_frames` (``mapInPandas``),
and the result is written as Parquet, one row per article (see ``OUTPUT_COLUMNS``).
``newsgraph load OUT`` puts the records into a store.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.errors import MissingInputError, NewsgraphError
from newsgraph.pipeline import DEFAULT_OPTIONS, Options
from newsgraph.spark.executor import OUTPUT_SCHEMA, code_frames
from newsgraph.spark.session import spark_session
from newsgraph.text.decode import Kind, sniff_kind

# Input rows per Arrow batch handed to a Python worker: a few batches of coding each, so
# a worker's memory stays bounded and progress is not held back by one huge batch.
ROWS_PER_ARROW_BATCH = 256
TEXT_COLUMNS = ("text", "title", "url", "source", "published", "date")
_NEWSGRAPH_ERROR = re.compile(r"^newsgraph\.errors\.\w+: (.+)$", re.MULTILINE)
MAX_ERRORS_LISTED = 1000  # failed rows named in the report; all are in the output's error column


@dataclass
class SparkReport:
    output: str
    rows: int
    records: int
    failed: int
    errors: list[str]  # "FILE:LINE: problem; fix" for the first MAX_ERRORS_LISTED failed rows
    partitions: int


def spark_extract(
    source: str,
    output: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    batch_size: int | None = None,
    overwrite: bool = False,
    options: Options = DEFAULT_OPTIONS,
) -> SparkReport:
    """Code every article of ``source`` on Spark and write the records under ``output``."""
    kind = input_kind(source)
    _check_output(output, overwrite)
    size = batch_size or int(settings.get("batch_size"))
    spark = spark_session(master, partitions=partitions)
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(ROWS_PER_ARROW_BATCH))
    count = partitions or spark.sparkContext.defaultParallelism
    lines = _numbered_lines(spark, source, kind).repartition(count)
    coder = functools.partial(code_frames, origin=Path(source).name, batch_size=size, options=options)
    coded = lines.mapInPandas(coder, schema=OUTPUT_SCHEMA)
    try:
        coded.write.mode("overwrite" if overwrite else "errorifexists").parquet(output)
    except Exception as exc:  # PySpark wraps what the Python workers raised
        known = _worker_error(exc)
        if known is None:
            raise
        raise known from None
    return _summary(spark, output, count)


def input_kind(source: str) -> Kind:
    """JSONL or Parquet, from the file (or a folder's first file) content and name.

    A URL Spark reads itself (``hdfs://``, ``s3a://``...) is judged by its extension:
    ``.parquet`` is Parquet, anything else JSONL.
    """
    if "://" in source:
        return Kind.PARQUET if source.rstrip("/").endswith(".parquet") else Kind.JSONL
    path = Path(source)
    if not path.exists():
        raise MissingInputError(source, "no such file or directory", "check the path")
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    if not files:
        raise MissingInputError(source, "the folder holds no files", "give a JSONL or Parquet corpus")
    with files[0].open("rb") as handle:
        kind = sniff_kind(handle.read(8192), files[0].name)
    if kind not in (Kind.JSONL, Kind.PARQUET):
        raise NewsgraphError(
            f"{source}: spark-extract reads JSONL or Parquet corpora, this looks like {kind.value}; "
            "convert it, or code it with `newsgraph ingest`"
        )
    return kind


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "_")) for part in path.relative_to(root).parts)


def _check_output(output: str, overwrite: bool) -> None:
    target = Path(output)
    if "://" in output or not target.exists():
        return
    if not overwrite:
        raise NewsgraphError(f"{output} already exists; remove it or give --overwrite to replace it")
    if target.is_file():
        target.unlink()
    else:
        shutil.rmtree(target)


def _numbered_lines(spark: Any, source: str, kind: Kind) -> Any:
    """A frame of (``value``: the article as a JSON line, ``line``: its 1-based number)."""
    from pyspark.sql import functions as F

    if kind is Kind.JSONL:
        frame = spark.read.text(source)
    else:
        frame = spark.read.parquet(source)
        columns = [c for c in TEXT_COLUMNS if c in frame.columns]
        if "text" not in columns:
            raise NewsgraphError(
                f'{source}: the Parquet corpus has no "text" column (it has: {", ".join(frame.columns)}); '
                "give a table with a text column and optional title, url, source, published"
            )
        frame = frame.select(F.to_json(F.struct(*columns)).alias("value"))
    numbered = frame.rdd.zipWithIndex().map(lambda pair: (pair[0][0], pair[1] + 1))
    return numbered.toDF("value string, line long")


def _worker_error(exc: Exception) -> NewsgraphError | None:
    """The one-line message of a newsgraph error raised inside an executor, if that is what failed."""
    found = _NEWSGRAPH_ERROR.findall(str(exc))
    if not found:
        return None
    return NewsgraphError(f"a Spark executor stopped: {found[-1]}")


def _summary(spark: Any, output: str, partitions: int) -> SparkReport:
    from pyspark.sql import functions as F

    written = spark.read.parquet(output)
    rows = written.count()
    failed = written.where(F.col("error").isNotNull()).select("origin", "error").orderBy("origin")
    errors = [f"{row.origin}: {row.error}" for row in failed.limit(MAX_ERRORS_LISTED).collect()]
    failures = failed.count() if len(errors) == MAX_ERRORS_LISTED else len(errors)
    return SparkReport(output, rows, rows - failures, failures, errors, partitions)


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``spark-submit job.py IN OUT`` and ``python -m newsgraph.spark.job``."""
    parser = argparse.ArgumentParser(description="Code a JSONL/Parquet corpus on Spark into Parquet records.")
    parser.add_argument("source")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args(argv)
    report = spark_extract(
        args.source, args.output, partitions=args.partitions, batch_size=args.batch_size, overwrite=args.overwrite
    )
    print(f"{report.records} records, {report.failed} failed rows → {report.output}")
    return 2 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
