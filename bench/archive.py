#!/usr/bin/env python3
"""Archive-scale benchmark (issue 6): a deterministic corpus generator with
ground truth, and one command that measures quotecheck on it.

    python3 bench/archive.py [--articles N] [--statements M,M,...] [--threads J,J]
                             [--rapidfuzz-articles K] [--seed S] [--keep DIR]

For each list size M it writes a seeded, news-like corpus: N articles of
about 4 KB (a Zipf vocabulary: the sample articles' words, then invented
ones), each quoting people not on the list and a few statements of the list,
planted as exact, partial (a fragment of 6+ words), drifted (one or two words
changed) or misattributed (credited to another listed speaker) quotations,
with the ground truth beside them. Then it runs the release binary with each
thread count and prints one row of a table per run: throughput (MB/s,
articles/s), peak memory, recall per kind and precision against the ground
truth, and the two baselines measured on the same corpus:

- `grep -F -f` with the statements as fixed strings (exact copies only, no
  attribution): the speed a fuzzy matcher is held to;
- a Python loop of rapidfuzz's `fuzz.partial_ratio_alignment(statement,
  article, score_cutoff=80)` over every statement and article, the script a
  user would otherwise write; on the first K articles only (it is slow), with
  its recall on them.

Also the wall time of one article against the list, start-up included.
Needs GNU time (/usr/bin/time); rapidfuzz (`pip install rapidfuzz`) for its
baseline, skipped with a note when it is not installed.
"""

import argparse
import itertools
import json
import os
import re
import random
import subprocess
import sys
import tempfile
import time

FIRST = "Anna Boris Carla Dmitri Elena Farid Greta Hiro Ines Jonas Kemal Lena".split()
LAST = "Novak Petrov Silva Tanaka Weber Okafor Lindqvist Moreau Haddad Kowalski".split()
PLACES = "Vienna Geneva Kyiv Brussels Oslo Ankara Warsaw Riga Tbilisi Minsk".split()
SYLLABLES = "ka ro mi te sa lu ne vo di pa ri go be sho tan mel vir dak".split()


def vocabulary(repo, rng, tail=20000):
    """News-like words with Zipf weights: the sample articles' words, most
    frequent first, then a tail of invented words. Real news vocabularies
    are Zipfian (a few words everywhere, most words rare); a small uniform
    vocabulary would make every statement share words with every quotation,
    a worst case no newsroom has."""
    counts = {}
    folder = os.path.join(repo, "articles")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for w in re.findall(r"[a-z]+", f.read().lower()):
                counts[w] = counts.get(w, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    seen = set(words)
    while len(words) < len(counts) + tail:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    weights = [1 / (rank + 2.7) for rank in range(len(words))]
    return words, weights


def generate(root, n_articles, n_statements, seed, repo=None):
    rng = random.Random(seed)
    repo = repo or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    words_, weights = vocabulary(repo, rng)
    cumulative = list(itertools.accumulate(weights))

    def draw(n):
        return rng.choices(words_, cum_weights=cumulative, k=n)

    def sentence():
        words = draw(rng.randint(8, 20))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(PLACES))
        return " ".join(words).capitalize() + "."

    speakers = []
    while len(speakers) < 40:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in speakers:
            speakers.append(name)
    statements = []
    texts = set()
    while len(statements) < n_statements:
        text = " ".join(draw(rng.randint(10, 30)))
        if text in texts:
            continue
        texts.add(text)
        statements.append((f"s{len(statements)}", rng.randrange(len(speakers)), text))
    with open(os.path.join(root, "quotes.yaml"), "w") as f:
        f.write("speakers:\n")
        for i, name in enumerate(speakers):
            f.write(f"  - id: p{i}\n    name: {name}\n")
        f.write("quotes:\n")
        for qid, speaker, text in statements:
            f.write(f"  - id: {qid}\n    speaker: p{speaker}\n    text: {text}.\n")
    with open(os.path.join(root, "statements.txt"), "w") as f:
        for _, _, text in statements:
            f.write(text + "\n")
    os.makedirs(os.path.join(root, "articles"), exist_ok=True)
    truth = []
    for a in range(n_articles):
        paragraphs = []
        for _ in range(rng.randint(4, 7)):
            paragraphs.append(" ".join(sentence() for _ in range(rng.randint(3, 6))))
        # Quotations of people not on the list: every article has some.
        for _ in range(rng.randint(0, 2)):
            quote = " ".join(draw(rng.randint(6, 25)))
            who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            paragraphs.insert(
                rng.randrange(len(paragraphs) + 1),
                f'"{quote[0].upper()}{quote[1:]}," {who} told reporters.',
            )
        for _ in range(rng.randint(1, 3)):
            qid, speaker, text = rng.choice(statements)
            words = text.split()
            kind = rng.choice(["exact", "partial", "drift", "misattributed"])
            credited = speaker
            if kind == "partial":
                start = rng.randrange(0, max(1, len(words) - 6))
                words = words[start:start + rng.randint(6, max(6, len(words) - start))]
            elif kind == "drift":
                for _ in range(rng.randint(1, 2)):
                    words[rng.randrange(len(words))] = draw(1)[0]
            elif kind == "misattributed":
                credited = (speaker + 1 + rng.randrange(len(speakers) - 1)) % len(speakers)
            quote = " ".join(words)
            paragraphs.insert(
                rng.randrange(len(paragraphs) + 1),
                f'"{quote[0].upper()}{quote[1:]}," {speakers[credited]} said on Monday.',
            )
            truth.append({"article": f"a{a:06}.txt", "quote_id": qid, "kind": kind})
        with open(os.path.join(root, "articles", f"a{a:06}.txt"), "w") as f:
            f.write("\n\n".join(paragraphs) + "\n")
    with open(os.path.join(root, "truth.jsonl"), "w") as f:
        for t in truth:
            f.write(json.dumps(t) + "\n")
    return truth


def timed(cmd, cwd, stdin=None):
    """Wall seconds and peak memory (MB) of a command; its stdout."""
    start = time.monotonic()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True, text=True,
        input=stdin,
    )
    wall = time.monotonic() - start
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, proc.stdout


KINDS = ("exact", "partial", "drift", "misattributed")


def score(report, truth):
    """Recall per kind (found / planted) and precision of a JSON report."""
    found = {}
    for f in report["findings"]:
        key = (os.path.basename(f["article"]), f["quote_id"])
        found.setdefault(key, []).append(f)
    hits = dict.fromkeys(KINDS, 0)
    totals = dict.fromkeys(KINDS, 0)
    for t in truth:
        totals[t["kind"]] += 1
        fs = found.get((t["article"], t["quote_id"]), [])
        hits[t["kind"]] += {
            "exact": any(f["kind"] == "exact" for f in fs),
            "partial": any(f["kind"] in ("exact", "partial") for f in fs),
            "drift": any(f["kind"] == "drift" for f in fs),
            "misattributed": any(f["attribution"]["status"] == "mismatch" for f in fs),
        }[t["kind"]]
    planted = {(t["article"], t["quote_id"]) for t in truth}
    true_findings = sum(len(v) for k, v in found.items() if k in planted)
    precision = true_findings / max(1, len(report["findings"]))
    recall = {k: hits[k] / max(1, totals[k]) for k in KINDS}
    return recall, precision


def rapidfuzz_baseline(root, truth, n_articles):
    """The loop a user would write, on the first `n_articles` articles:
    seconds, MB checked, and recall of the planted quotations (any kind)."""
    try:
        from rapidfuzz import fuzz
    except ImportError:
        return None
    statements = []
    with open(os.path.join(root, "statements.txt")) as f:
        statements = [line.rstrip("\n") for line in f]
    names = sorted(os.listdir(os.path.join(root, "articles")))[:n_articles]
    texts = {}
    for name in names:
        with open(os.path.join(root, "articles", name)) as f:
            texts[name] = f.read()
    start = time.monotonic()
    found = set()
    for name, text in texts.items():
        for i, statement in enumerate(statements):
            hit = fuzz.partial_ratio_alignment(statement, text, score_cutoff=80)
            if hit is not None:
                found.add((name, f"s{i}"))
    wall = time.monotonic() - start
    mb = sum(len(t.encode()) for t in texts.values()) / 1e6
    planted = [t for t in truth if t["article"] in texts]
    recall = sum((t["article"], t["quote_id"]) in found for t in planted) / max(1, len(planted))
    partial = [t for t in planted if t["kind"] == "partial"]
    partial_recall = sum((t["article"], t["quote_id"]) in found for t in partial) / max(1, len(partial))
    return wall, mb, recall, partial_recall


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--articles", type=int, default=2000)
    args.add_argument("--statements", default="200", help="list sizes, comma-separated")
    args.add_argument("--threads", default="0", help="thread counts, comma-separated; 0: quotecheck's default")
    args.add_argument("--rapidfuzz-articles", type=int, default=0, help="articles for the rapidfuzz baseline (0: skip it)")
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--keep", help="write the corpora here (one folder per list size) and keep them")
    opts = args.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=repo, check=True)
    binary = os.path.join(repo, "target", "release", "quotecheck")
    print("| articles | statements | threads | time (s) | MB/s | articles/s | peak MB "
          "| recall exact / partial / drift / misattributed | precision "
          "| grep -F -f MB/s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    notes = []
    speeds = []
    for n_statements in [int(m) for m in opts.statements.split(",")]:
        with tempfile.TemporaryDirectory() as scratch:
            root = os.path.join(opts.keep, f"s{n_statements}") if opts.keep else scratch
            os.makedirs(root, exist_ok=True)
            truth = generate(root, opts.articles, n_statements, opts.seed)
            names = sorted(os.listdir(os.path.join(root, "articles")))
            size = sum(os.path.getsize(os.path.join(root, "articles", f)) for f in names)
            mb = size / 1e6
            grep_wall, _, _ = timed(
                ["grep", "-r", "-c", "-F", "-f", "statements.txt", "articles"], root
            )
            for threads in [int(j) for j in opts.threads.split(",")]:
                cmd = [binary, "check", "--isolated", "--format", "json"]
                if threads:
                    cmd += ["-j", str(threads)]
                wall, peak, out = timed(cmd, root)
                recall, precision = score(json.loads(out), truth)
                shown = " / ".join(f"{recall[k]:.1%}" for k in KINDS)
                speeds.append((n_statements, threads, mb / wall))
                print(f"| {opts.articles:,} ({mb:.1f} MB) | {n_statements:,} | {threads or 'default'} "
                      f"| {wall:.2f} | {mb / wall:.1f} | {opts.articles / wall:,.0f} | {peak:.0f} "
                      f"| {shown} | {precision:.1%} | {mb / grep_wall:.1f} |",
                      flush=True)
            if opts.rapidfuzz_articles:
                k = opts.rapidfuzz_articles
                base = rapidfuzz_baseline(root, truth, k)
                if base is None:
                    notes.append("rapidfuzz is not installed (`pip install rapidfuzz`): baseline skipped")
                else:
                    rf_wall, rf_mb, rf_recall, rf_partial = base
                    single = min(speed for (m, j, speed) in speeds if m == n_statements)
                    sub = {f"a{a:06}.txt" for a in range(k)}
                    cmd = [binary, "check", "--isolated", "--format", "json", "-j", "1"]
                    qc_wall, _, out = timed(cmd + [os.path.join("articles", n) for n in sorted(sub)], root)
                    report = json.loads(out)
                    found = {(os.path.basename(f["article"]), f["quote_id"]) for f in report["findings"]}
                    planted = [t for t in truth if t["article"] in sub]
                    qc_recall = sum((t["article"], t["quote_id"]) in found for t in planted) / max(1, len(planted))
                    notes.append(
                        f"{n_statements:,} statements, first {k} articles ({rf_mb:.2f} MB): "
                        f"rapidfuzz loop {rf_wall:.1f} s ({rf_mb / rf_wall:.3f} MB/s), recall {rf_recall:.1%} "
                        f"(partial quotations {rf_partial:.1%}); quotecheck -j 1 on the same articles "
                        f"{qc_wall:.2f} s with start-up, recall {qc_recall:.1%}; "
                        f"quotecheck's slowest run above is {single / (rf_mb / rf_wall):,.0f} times the loop's speed"
                    )
    # An editor's check of one draft: one sample article against the sample
    # list, start-up included (best of five).
    one = os.path.join("articles", sorted(os.listdir(os.path.join(repo, "articles")))[0])
    one_wall = min(
        timed([binary, "check", "--isolated", "--format", "json", one], repo)[0] for _ in range(5)
    )
    notes.append(f"one sample article against the sample list, start-up included: {one_wall * 1000:.0f} ms")
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    sys.exit(main())
