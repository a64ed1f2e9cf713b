#!/usr/bin/env bash
# Wall clock of several builds of the `throughput` example, alternated round
# by round on one core so that a busy or drifting machine weighs on each alike.
#
#   tools/perf/rounds.sh ROUNDS CORPUS BIN...
#
# Prints, per round and binary, extract+merge M words/s, the save's seconds
# and the whole build's M words/s; then per binary the lowest, median and
# highest whole-build figure. Build each binary with
# `cargo build --release --example throughput` and copy it aside first.
set -euo pipefail
rounds=$1 corpus=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq "$rounds"); do
  for b in "$@"; do
    line=$(taskset -c 0 "$b" "$corpus" "" 1)
    em=$(grep -o '[0-9.]* M words/s; save' <<<"$line" | cut -d' ' -f1)
    save=$(grep -o 'save [0-9.]* s' <<<"$line" | cut -d' ' -f2)
    whole=$(grep -o '= [0-9.]* M words/s; graph' <<<"$line" | cut -d' ' -f2)
    printf 'round %s  %-40s extract+merge %s  save %s s  whole %s M words/s\n' "$r" "$b" "$em" "$save" "$whole"
    echo "$whole" >>"$out/$(basename "$b").$(cksum <<<"$b" | cut -d' ' -f1)"
  done
done
for b in "$@"; do
  f="$out/$(basename "$b").$(cksum <<<"$b" | cut -d' ' -f1)"
  sort -n "$f" | awk -v b="$b" '{v[NR]=$1} END {printf "%-40s whole: lowest %s, median %s, highest %s (%d rounds)\n", b, v[1], v[int((NR+1)/2)], v[NR], NR}'
done
