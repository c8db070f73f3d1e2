"""newsgraph on Apache Spark: the same pipeline inside executors, records out as Parquet.

- :mod:`.job` — ``spark_extract(IN, OUT)`` / ``newsgraph spark-extract`` / ``spark-submit job.py``
- :mod:`.executor` — the ``mapInPandas`` function run by Spark's Python workers
- :mod:`.session` — a session configured for local runs (loopback, no UI) or a cluster
- :mod:`.load` — ``newsgraph load OUT``: the Parquet records into the store

Importing this package does not import PySpark; the job does when it runs.
"""
