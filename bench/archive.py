#!/usr/bin/env python3
"""Archive-scale benchmark (issue 6), first part: a deterministic corpus
generator with ground truth, and one command that measures quotecheck on it.

    python3 bench/archive.py [--articles N] [--statements N] [--seed S] [--threads J]

It writes a seeded, news-like corpus to a temporary folder: N articles of
about 4 KB, each quoting a few statements of a list of M, planted as exact,
partial (a fragment of 6+ words), drifted (one or two words changed) or
misattributed (credited to another listed speaker) quotations, with the
ground truth beside them. Then it runs the release binary and prints
throughput (MB/s, articles/s), peak memory, and recall and precision against
the ground truth, with `grep -F -f` over the same statements as a baseline
for speed. Standard library only; needs GNU time (/usr/bin/time).

Not yet: the rapidfuzz baseline, JSON Lines corpora, a scaling table.
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


def timed(cmd, cwd):
    """Wall seconds and peak memory (MB) of a command; its stdout."""
    start = time.monotonic()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True, text=True
    )
    wall = time.monotonic() - start
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, proc.stdout


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--articles", type=int, default=2000)
    args.add_argument("--statements", type=int, default=200)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--threads", type=int, default=0, help="0: quotecheck's default")
    opts = args.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=repo, check=True)
    binary = os.path.join(repo, "target", "release", "quotecheck")
    with tempfile.TemporaryDirectory() as root:
        truth = generate(root, opts.articles, opts.statements, opts.seed)
        size = sum(
            os.path.getsize(os.path.join(root, "articles", f))
            for f in os.listdir(os.path.join(root, "articles"))
        )
        cmd = [binary, "check", "--isolated", "--format", "json"]
        if opts.threads:
            cmd += ["-j", str(opts.threads)]
        wall, peak, out = timed(cmd, root)
        report = json.loads(out)
        found = {}
        for f in report["findings"]:
            key = (os.path.basename(f["article"]), f["quote_id"])
            found.setdefault(key, []).append(f)
        hits = {k: 0 for k in ("exact", "partial", "drift", "misattributed")}
        totals = dict.fromkeys(hits, 0)
        for t in truth:
            totals[t["kind"]] += 1
            fs = found.get((t["article"], t["quote_id"]), [])
            ok = {
                "exact": any(f["kind"] == "exact" for f in fs),
                "partial": any(f["kind"] in ("exact", "partial") for f in fs),
                "drift": any(f["kind"] == "drift" for f in fs),
                "misattributed": any(f["attribution"]["status"] == "mismatch" for f in fs),
            }[t["kind"]]
            hits[t["kind"]] += ok
        planted = {(t["article"], t["quote_id"]) for t in truth}
        true_findings = sum(len(v) for k, v in found.items() if k in planted)
        precision = true_findings / max(1, len(report["findings"]))
        grep_wall, _, _ = timed(
            ["grep", "-r", "-c", "-F", "-f", "statements.txt", "articles"], root
        )
        mb = size / 1e6
        print(f"corpus: {opts.articles} articles, {mb:.1f} MB, {opts.statements} statements, seed {opts.seed}")
        print(f"quotecheck: {wall:.2f} s, {mb / wall:.1f} MB/s, {opts.articles / wall:.0f} articles/s, peak {peak:.0f} MB")
        print(f"grep -F -f: {grep_wall:.2f} s, {mb / grep_wall:.1f} MB/s (exact strings only)")
        for kind in hits:
            print(f"recall {kind:>13}: {hits[kind] / max(1, totals[kind]):.1%} ({hits[kind]}/{totals[kind]})")
        print(f"precision: {precision:.1%} of {len(report['findings'])} findings are planted quotations")


if __name__ == "__main__":
    sys.exit(main())
