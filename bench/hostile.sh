#!/usr/bin/env bash
# Hostile shapes at two sizes, to show the cost grows linearly: each case is
# run at size N and 4N; the last column is time(4N) / time(N), near 4 when
# linear, near 16 when quadratic. Prints a Markdown table (for BENCHMARKS.md).
#   bench/hostile.sh            # builds the release binary first
# Needs python3 and GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/quotecheck"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # case size dir
    python3 - "$1" "$2" "$3" <<'PY'
import os, random, sys
case, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(f"{d}/articles", exist_ok=True)
random.seed(7)
vocab = [a + b for a in "bcdfghklmnprstvz" for b in ["ar", "el", "in", "os", "um", "ix"]]
def words(k): return " ".join(random.choice(vocab) for _ in range(k))
speakers = "speakers:\n  - id: s\n    name: Jen Psaki\n"
quote = lambda text: f"  - id: q\n    speaker: s\n    text: {text}\n"
article, statements = "", quote("We are ready to talk but we will not wait forever")
if case == "the":            # forty "the" against n "the" in one quotation
    statements = quote(" ".join(["the"] * 40))
    article = '"' + " ".join(["the"] * n) + '"\n'
elif case == "long-statement":  # one statement of n words, printed twice
    text = words(n)
    statements = quote(text)
    article = f'Psaki said: "{text}"\n\nPsaki said: "{text[: len(text) // 2]}"\n'
elif case == "many-statements":  # n statements, one short article
    statements = "".join(f"  - id: q{i}\n    speaker: s\n    text: {words(12)}\n" for i in range(n))
    article = f'Psaki said: "{words(30)}"\n'
elif case == "marks":        # n quotation marks of every style, unbalanced
    article = ('"a" “b ” \'c\' « d " “We are ready ' * (n // 10)) + "\n"
elif case == "repeated":     # the statement n times in one never-closed quotation
    article = 'Psaki said: "' + "We are ready to talk but we will not wait forever. " * n
elif case == "suppressions":  # n disable/enable pairs around drifted quotations
    article = ('<!-- quotecheck-disable QC001 -->\n"We are ready to talk but we will not wait long," '
               'Psaki said.\n<!-- quotecheck-enable QC001 -->\n\n') * n
elif case == "islands":      # n chance islands of a 500-word statement in one quotation
    statements = quote(" ".join(f"w{i}" for i in range(500)))
    article = 'Psaki said: "' + " ".join(["w10 w11 w12 w13 xx"] * n) + '"\n'
elif case == "one-line":     # an article of n bytes on one line
    para = 'Psaki said: "We are ready to talk but we will not wait forever," and the talks went on. '
    article = para * (n // len(para))
open(f"{d}/quotes.yaml", "w").write(speakers + "quotes:\n" + statements)
open(f"{d}/articles/a.md", "w").write(article)
PY
}

measure() { # dir -> "seconds KB"
    (cd "$1" && /usr/bin/time -f "%e %M" "$bin" check --isolated --format json \
        >/dev/null 2>"$work/time" || true)
    tail -1 "$work/time"
}

echo "| case | size N | time N (s) | time 4N (s) | peak memory 4N (MB) | ratio |"
echo "| --- | --- | --- | --- | --- | --- |"
for spec in "the 100000" "long-statement 2000" "many-statements 12500" "marks 50000" \
    "repeated 20000" "suppressions 10000" "islands 2000" "one-line 25000000"; do
    set -- $spec
    # `ONLY=long-statement bash bench/hostile.sh` runs one case.
    if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$1" ]; then continue; fi
    generate "$1" "$2" "$work/$1-1"
    generate "$1" $(( $2 * 4 )) "$work/$1-4"
    read -r t1 _ < <(measure "$work/$1-1")
    read -r t4 kb4 < <(measure "$work/$1-4")
    ratio=$(python3 -c "print(f'{$t4 / max($t1, 0.01):.1f}')")
    echo "| $1 | $2 | $t1 | $t4 | $(( kb4 / 1024 )) | $ratio |"
done
