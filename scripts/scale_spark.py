"""Analyze JSON Lines files with PySpark (the recipe of docs/batch.md).

    python scripts/scale_spark.py [FILE ...] [--out DIR] [--workers N] [--check K]

Reads the files (default: ../shared/data/news/*.jsonl) as an RDD of lines on
a local Spark (``local[N]``), analyzes each partition with
``persnews.pipe(..., as_dict=True)`` in ``mapPartitions`` (one analyzer per
partition), saves the analyses to DIR (default build/scale/spark), then checks
them as scripts/scale_dask.py does.  Needs Java (Spark runs on the JVM).
Exit status 0 if the check passes, 1 if not, 2 if there is no input or no Java.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import scale_dask


def analyze_partition(lines: Iterable[str]) -> Iterator[str]:
    """One partition of JSON lines in, JSON lines out."""
    import persnews

    records = (json.loads(line) for line in lines if line.strip())
    for data in persnews.pipe(records, as_dict=True):
        yield json.dumps(data, ensure_ascii=False)


def run(files: Sequence[Path], out: Path, workers: int) -> float:
    """Analyze ``files`` into ``out``; return the seconds it took (Spark's start included)."""
    from pyspark.sql import SparkSession

    # Spark's Python workers run "python3" from PATH unless told: use this interpreter,
    # the one persnews is installed in (on a cluster, set PYSPARK_PYTHON on every node)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("persnews")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        spark.sparkContext.setLogLevel("ERROR")
        lines = spark.sparkContext.textFile(",".join(str(f) for f in files))
        lines.mapPartitions(analyze_partition).saveAsTextFile(str(out))
    finally:
        spark.stop()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    if shutil.which("java") is None:
        print("scale_spark: Spark needs Java (e.g. apt-get install default-jre)", file=sys.stderr)
        return 2
    return scale_dask.main(argv, name="spark", analyze=run, pattern="part-*")


if __name__ == "__main__":
    raise SystemExit(main())
