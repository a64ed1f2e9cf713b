#!/usr/bin/env bash
# Builds `ties` and the throughput example with profile-guided optimisation
# (PGO): an instrumented build runs `ties build` over training corpora, LLVM
# merges the counts, and the final release build lays out and inlines the
# code by them. Same output as `cargo build --release`, fewer instructions
# and better-predicted branches (figures in docs/PERFORMANCE.md).
#
#   tools/perf/pgo.sh [CORPUS...]     (files, folders or .jsonl, as `ties build` takes)
#
# Without CORPUS it trains on 1,000 articles generated from the seed by
# ../shared/bench/make_corpus.py when ../shared is beside the project, else on
# seeds/: never on the real articles of ../shared/corpus, so that a timing on
# real text (tools/perf/real_corpus.py) is not taken on the text the profile
# came from. Give your own corpus to train on text like yours.
# Needs llvm-profdata: `rustup component add llvm-tools`.
# Result: target/pgo/use/release/ties and .../examples/throughput.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
profdata=$(find "$(rustc --print sysroot)" -name llvm-profdata -type f 2>/dev/null | head -1)
if [ -z "$profdata" ]; then
  echo "pgo.sh: llvm-profdata not found; install it with: rustup component add llvm-tools" >&2
  exit 2
fi
corpora=("$@")
out="$here/target/pgo"
rm -rf "$out/data" "$out/train"
mkdir -p "$out/data" "$out/train"
if [ ${#corpora[@]} -eq 0 ]; then
  gen=../shared/bench/make_corpus.py
  if [ -f "$gen" ] && python3 "$gen" 1000 "$out/train/gen" >/dev/null; then
    corpora=("$out/train/gen")
  else
    corpora=(seeds)
  fi
fi

echo "== instrumented build"
RUSTFLAGS="-Cprofile-generate=$out/data" \
  cargo build -q --release --bin ties --example throughput --target-dir "$out/gen"

echo "== training on: ${corpora[*]}"
# each corpus a few times over (the counts, not the time, matter), then added
# to the graph, queried and exported, so that every stage has its counts
for round in 1 2 3; do
  rm -f "$out/train/g.ron" "$out/train/g.ron.cache"
  "$out/gen/release/ties" --graph "$out/train/g.ron" build "${corpora[@]}" >/dev/null
done
"$out/gen/release/ties" --graph "$out/train/g.ron" add "${corpora[0]}" >/dev/null
for c in "${corpora[@]}"; do
  [ -d "$c" ] || continue
  python3 "$here/tools/perf/to_jsonl.py" "$c" "$out/train/corpus.jsonl" 2>/dev/null || continue
  "$out/gen/release/examples/throughput" "$out/train/corpus.jsonl" "" 1 >/dev/null
done

echo "== merging the profile"
"$profdata" merge -o "$out/ties.profdata" "$out/data"

echo "== optimised build"
RUSTFLAGS="-Cprofile-use=$out/ties.profdata" \
  cargo build -q --release --bin ties --example throughput --target-dir "$out/use"
echo "built $out/use/release/ties and $out/use/release/examples/throughput"
