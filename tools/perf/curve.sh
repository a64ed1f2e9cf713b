#!/usr/bin/env bash
# The cost curve of `ties build` and of a cold `ties neighbors`: for each size,
# makes the benchmark corpus (../shared/bench/make_corpus.py) as JSON Lines,
# builds it with GNU time, and prints time, peak memory and file sizes.
#
#   tools/perf/curve.sh [SIZES...]      (default: 1000 10000 100000)
#
# Needs a release build (cargo build --release) and ../shared beside the project.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ties="${TIES_BIN:-$here/target/release/ties}"
work=${TIES_BENCH_DIR:-/tmp/ties-bench}
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
printf '| articles | build time | peak memory | graph file | cache file | cold neighbors |\n| --- | --- | --- | --- | --- | --- |\n'
for n in "${sizes[@]}"; do
  corpus="$work/c$n.jsonl"
  if [ ! -s "$corpus" ]; then
    rm -rf "$work/c$n"
    python3 "$here/../shared/bench/make_corpus.py" "$n" "$work/c$n" >/dev/null
    python3 "$here/tools/perf/to_jsonl.py" "$work/c$n" "$corpus"
    rm -rf "$work/c$n"
  fi
  g="$work/g$n.ron"
  rm -f "$g" "$g.cache"
  b=$( { /usr/bin/time -f '%e %M' "$ties" build "$corpus" --graph "$g" >/dev/null; } 2>&1 | tail -1)
  q=$( { /usr/bin/time -f '%e %M' "$ties" neighbors China --graph "$g" >/dev/null; } 2>&1 | tail -1)
  read -r bt bm <<<"$b"
  read -r qt qm <<<"$q"
  printf '| %s | %s s | %s MB | %s MB | %s MB | %s s, %s MB |\n' "$n" "$bt" "$((bm / 1024))" \
    "$(( $(stat -c %s "$g") / 1000000 ))" "$(( $(stat -c %s "$g.cache") / 1000000 ))" "$qt" "$((qm / 1024))"
done
