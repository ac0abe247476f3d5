#!/usr/bin/env python3
"""Runs quotecheck over an archive with Apache Spark.

Spark does the distribution; quotecheck does the checking. The archive's
articles become JSON Lines records (`{"id": ..., "text": ...}`), Spark splits
them into partitions, and each partition is piped through the quotecheck
binary on an executor (`quotecheck check - --input-format jsonl --format
jsonl`), with the binary and the quote list shipped to every executor by
`SparkContext.addFile`. Each executor's report lines come back as records;
findings, unverified quotations and skipped records are kept, with
`"article"` set to the record's id. A statement's absence can only be judged
over the whole archive, so "missing" statements are left to the caller (the
ids of the list minus those found).

    spark-submit examples/spark/quotecheck_spark.py \\
        --binary target/release/quotecheck --quotes quotes.yaml \\
        --records archive.jsonl --out findings/

or, for a folder of article files, `--articles DIR` in place of
`--records`. `--master local[N]` runs it on this machine; on a cluster,
`spark-submit --master yarn` (or `spark://...`, `k8s://...`) with the
records on shared storage (HDFS, S3) is all that changes. See README.md.
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession

STDIN_PREFIX = "<stdin>#"
KEPT = ("finding", "unverified", "skipped")


def check_partition(binary_name, quotes_name, threads):
    """A function that checks one partition of JSON Lines records."""

    def run(records):
        lines = "".join(r if r.endswith("\n") else r + "\n" for r in records)
        if not lines:
            return
        # Files shipped with addFile may lose their mode on the way.
        work = tempfile.mkdtemp(prefix="quotecheck-")
        try:
            binary = os.path.join(work, binary_name)
            shutil.copy(SparkFiles.get(binary_name), binary)
            os.chmod(binary, stat.S_IRWXU)
            quotes = SparkFiles.get(quotes_name)
            proc = subprocess.run(
                [binary, "check", "-", "--isolated", "--quotes", quotes,
                 "--input-format", "jsonl", "--format", "jsonl",
                 "--color", "never", "-j", str(threads)],
                input=lines.encode("utf-8"), capture_output=True, cwd=work,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        # 0: nothing to report, 1: problems found, 2: some input could not
        # be read (reported as "skipped" records). Anything else, or no
        # summary, is a failure of the run itself: let Spark retry the task.
        out = proc.stdout.decode("utf-8").splitlines()
        if proc.returncode not in (0, 1, 2) or not out or '"summary"' not in out[-1]:
            raise RuntimeError(
                f"quotecheck exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')}"
            )
        for line in out:
            record = json.loads(line)
            if record["type"] not in KEPT:
                continue
            for key in ("article", "path"):
                if isinstance(record.get(key), str) and record[key].startswith(STDIN_PREFIX):
                    record[key] = record[key][len(STDIN_PREFIX):]
            yield json.dumps(record, sort_keys=True)

    return run


def article_records(spark, folder):
    """A folder of article files as JSON Lines records, ids the file names."""
    files = spark.sparkContext.wholeTextFiles(folder)
    return files.map(
        lambda pair: json.dumps({"id": os.path.basename(pair[0]), "text": pair[1]})
    )


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--binary", required=True, help="the quotecheck binary (built for the executors' system)")
    args.add_argument("--quotes", required=True, help="the quote list, shipped to every executor")
    source = args.add_mutually_exclusive_group(required=True)
    source.add_argument("--records", help="a JSON Lines corpus (file, folder or glob; any Hadoop path)")
    source.add_argument("--articles", help="a folder of article files")
    args.add_argument("--out", required=True, help="folder for the result records (JSON Lines part files)")
    args.add_argument("--partitions", type=int, default=0, help="default: Spark's")
    args.add_argument("--threads", type=int, default=1, help="quotecheck threads per task")
    args.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    opts = args.parse_args()

    builder = SparkSession.builder.appName("quotecheck").config(
        "spark.ui.showConsoleProgress", "false"
    )
    if opts.master:
        builder = builder.master(opts.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.addFile(os.path.abspath(opts.binary))
    sc.addFile(os.path.abspath(opts.quotes))
    if opts.records:
        records = sc.textFile(opts.records, minPartitions=opts.partitions or None)
    else:
        records = article_records(spark, opts.articles)
    if opts.partitions:
        records = records.repartition(opts.partitions)
    results = records.mapPartitions(
        check_partition(os.path.basename(opts.binary), os.path.basename(opts.quotes), opts.threads)
    )
    results.saveAsTextFile(opts.out)
    spark.stop()


if __name__ == "__main__":
    main()
