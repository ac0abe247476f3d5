#!/usr/bin/env python3
"""The Spark example must find what one machine finds.

Runs examples/spark/quotecheck_spark.py in Spark local mode (two worker
threads, several partitions) over the sample corpus (as article files) and
over a generated corpus (as a JSON Lines file, from bench/archive.py), and
checks that its findings, unverified quotations and skipped records equal
those of a single `quotecheck check` run on the same input. Run by .ci/run;
needs the release binary and `pip install -r examples/spark/requirements.txt`.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BINARY = os.path.join(REPO, "target", "release", "quotecheck")
sys.path.insert(0, os.path.join(REPO, "bench"))
import archive  # noqa: E402  (the benchmark's seeded corpus generator)

KEPT = ("finding", "unverified", "skipped")


def single_machine(quotes, target):
    """One quotecheck run's kept records, articles named by id / file name."""
    proc = subprocess.run(
        [BINARY, "check", target, "--isolated", "--quotes", quotes, "--format", "jsonl"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert proc.returncode in (0, 1), proc.stderr
    records = []
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        if record["type"] in KEPT:
            record["article"] = record["article"].split("#", 1)[-1].rsplit("/", 1)[-1]
            records.append(record)
    return records


def spark(quotes, source_flag, source, out):
    subprocess.run(
        [sys.executable, os.path.join(HERE, "quotecheck_spark.py"),
         "--master", "local[2]", "--partitions", "3",
         "--binary", BINARY, "--quotes", quotes, source_flag, source, "--out", out],
        check=True, cwd=REPO,
    )
    records = []
    for part in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(part, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    return records


def same(name, expected, got):
    key = lambda r: json.dumps(r, sort_keys=True)
    expected, got = sorted(expected, key=key), sorted(got, key=key)
    findings = sum(r["type"] == "finding" for r in expected)
    assert findings > 0, f"{name}: the single-machine run found nothing"
    assert expected == got, f"{name}: Spark found {len(got)} records, one machine {len(expected)}"
    print(f"spark: {name}: {findings} findings, {len(expected)} records, same as one machine")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        quotes = os.path.join(REPO, "quotes.yaml")
        articles = os.path.join(REPO, "articles")
        same(
            "sample corpus",
            single_machine(quotes, articles),
            spark(quotes, "--articles", articles, os.path.join(tmp, "sample-out")),
        )
        generated = os.path.join(tmp, "generated")
        os.makedirs(generated)
        archive.generate(generated, 300, 200, seed=7)
        corpus = os.path.join(generated, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as out:
            for name in sorted(os.listdir(os.path.join(generated, "articles"))):
                with open(os.path.join(generated, "articles", name), encoding="utf-8") as f:
                    out.write(json.dumps({"id": name, "text": f.read()}) + "\n")
        gen_quotes = os.path.join(generated, "quotes.yaml")
        same(
            "generated corpus",
            single_machine(gen_quotes, corpus),
            spark(gen_quotes, "--records", corpus, os.path.join(tmp, "generated-out")),
        )


if __name__ == "__main__":
    main()
