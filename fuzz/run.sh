#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each):
#   fuzz/run.sh [SECONDS]
# Needs nightly Rust and cargo-fuzz (`cargo install cargo-fuzz`). A crash is
# saved by libFuzzer under fuzz/artifacts/TARGET/; copy it to
# fuzz/regressions/TARGET/ and fix it: tests/fuzz_replay.rs runs every file
# there on stable Rust, in CI.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
for target in quotation_marks folding quote_list matcher; do
    mkdir -p "corpus/$target"
    echo "fuzz: $target for ${seconds}s"
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=10
done
