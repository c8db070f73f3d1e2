"""A Spark session that works on a laptop, a CI machine and a cluster alike.

Local masters (``local[N]``) get what PLATFORM notes say they need: the executors' Python
is this interpreter (so they import the same newsgraph and spaCy model), the driver binds
to loopback only, and the web UI is off. On a cluster (``--master yarn``, ``spark://...``
or under ``spark-submit``) those choices are left to the cluster's configuration.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError

LOOPBACK = "127.0.0.1"
# Spark's default log4j profile prints INFO lines and a progress bar on every stage, and
# each failed task's stack trace several times; a command-line tool prints its own summary,
# and a failure reaches the caller as an exception anyway.
LOG4J2_PROPERTIES = """\
rootLogger.level = fatal
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = spark: %p %c{1}: %m%n
"""


def spark_session(master: str | None = None, app: str = "newsgraph", partitions: int | None = None) -> Any:
    """The active session, or a new one on ``master`` (default: ``local[N]``, N = cores)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    _check_java()
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    chosen = master or os.environ.get("MASTER") or f"local[{_local_cores()}]"
    builder = SparkSession.builder.appName(app).master(chosen)
    for key, value in session_config(chosen, partitions).items():
        builder = builder.config(key, value)
    if chosen.startswith("local"):
        _local_environment()
    return builder.getOrCreate()


def session_config(master: str, partitions: int | None) -> dict[str, str]:
    config = {
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
        # Python workers are reused across tasks, so each loads the spaCy model once.
        "spark.python.worker.reuse": "true",
    }
    if partitions:
        config["spark.sql.shuffle.partitions"] = str(partitions)
    if master.startswith("local"):
        config.update(
            {
                "spark.ui.enabled": "false",
                "spark.driver.host": LOOPBACK,
                "spark.driver.bindAddress": LOOPBACK,
                "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={_log_config()}",
            }
        )
    return config


def _local_environment() -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", LOOPBACK)


def _local_cores() -> int:
    from newsgraph.pipeline import default_workers

    return default_workers()


def _log_config() -> Path:
    path = Path(tempfile.gettempdir()) / "newsgraph-spark-log4j2.properties"
    if not path.exists() or path.read_text() != LOG4J2_PROPERTIES:
        path.write_text(LOG4J2_PROPERTIES)
    return path


def _check_java() -> None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return
    if shutil.which("java"):
        return
    raise ConfigError(
        "Spark needs a Java runtime and none was found; install Java 17 "
        "(Debian: apt-get install openjdk-17-jre-headless, which scripts/system-deps.sh does) or set JAVA_HOME"
    )
