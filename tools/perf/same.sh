#!/usr/bin/env bash
# Byte-identity check for changes that must keep behaviour: runs one `ties`
# binary over the dev and dev2 corpora, benchmark corpora and a damaged set,
# and writes every output (extractions, graph and cache files, queries,
# exports, explain, eval) under OUT. Run it with the old and the new binary
# and compare: `diff -r OUT_OLD OUT_NEW` must print nothing.
#
#   tools/perf/same.sh TIES OUT      (needs ../shared beside the project)
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ties=$(realpath "$1") out=$2
shared="$here/../shared"
work=${TIES_SAME_DIR:-/tmp/ties-same}
mkdir -p "$work" "$out"
out=$(realpath "$out")
# inputs, made once
if [ ! -s "$work/c1k.jsonl" ]; then
  python3 "$shared/bench/make_corpus.py" 1000 "$work/c1k" >/dev/null
  python3 "$here/tools/perf/to_jsonl.py" "$work/c1k" "$work/c1k.jsonl"
fi
if [ ! -s "$work/c20k.jsonl" ]; then
  python3 "$shared/bench/make_corpus.py" 20000 "$work/c20k" >/dev/null
  python3 "$here/tools/perf/to_jsonl.py" "$work/c20k" "$work/c20k.jsonl"
  rm -rf "$work/c20k"
fi
if [ ! -d "$work/damaged" ]; then
  python3 - "$shared" "$work/damaged" <<'PY'
import os, random, sys, glob
shared, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
rnd = random.Random(12)
texts = [open(p, 'rb').read() for p in sorted(glob.glob(shared + '/corpus/dev*/*.txt'))]
for i in range(2000):
    t = bytearray(rnd.choice(texts))
    for _ in range(rnd.randint(1, 40)):
        op = rnd.randint(0, 3)
        j = rnd.randrange(len(t)) if t else 0
        if op == 0 and t: t[j] = rnd.randrange(256)
        elif op == 1: t[j:j] = bytes(rnd.choice(b'.,;:"()-\n \xe2\x80\x9c\xc3A'.split()) or b'.')
        elif op == 2 and t: del t[j:j + rnd.randint(1, 30)]
        else: t[j:j] = rnd.choice([b'U.S.', b'Mr. ', b'\n\n', b' date 2020-02-30 X\n', b'said ', b'China ', b'visit'])
    open(f'{dst}/d{i:04}.txt', 'wb').write(bytes(t))
PY
fi
run() { # name, command...
  local name=$1; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.err"
}
for set in dev dev2; do
  c="$shared/corpus/$set"
  run "extract-$set" "$ties" extract "$c"
  run "eval-$set" "$ties" eval "$c" --misses
  for f in $(ls "$c"/*.txt | head -8); do run "explain-$set-$(basename "$f" .txt)" "$ties" explain "$f"; done
  g="$out/g-$set.ron"
  run "build-$set" "$ties" build "$c" --graph "$g"
  for q in "stats" "stats --json" "entities" "neighbors China" "neighbors China --json" \
           "between China Pakistan" "between China United-States --json" "path China Kenya" \
           "timeline China" "timeline China Pakistan --json" "show China" "show China --json" \
           "export --format dot" "export --format json" "export --format graphml" "export --format ron" \
           "export --format dot --focus Pakistan --depth 1" "export --format json --between China Pakistan"; do
    run "q-$set-${q// /_}" "$ties" --graph "$g" $q
  done
  run "q-$set-csv" "$ties" --graph "$g" export --format csv --out "$out/csv-$set"
done
run extract-c1k "$ties" extract "$work/c1k.jsonl"
run build-c1k "$ties" build "$work/c1k.jsonl" --graph "$out/g-c1k.ron"
run neighbors-c1k "$ties" --graph "$out/g-c1k.ron" neighbors China
run extract-damaged "$ties" extract "$work/damaged"
run build-damaged "$ties" build "$work/damaged" --graph "$out/g-damaged.ron"
run extract-c20k sh -c "'$ties' extract '$work/c20k.jsonl' | md5sum"
run build-c20k sh -c "'$ties' build '$work/c20k.jsonl' --graph '$out/g-c20k.ron' && md5sum '$out/g-c20k.ron' && tail -c +73 '$out/g-c20k.ron.cache' | md5sum && rm '$out/g-c20k.ron' '$out/g-c20k.ron.cache'"
# a cache's header holds the graph file's stamp (inode, times): compare the rest
for c in "$out"/*.cache; do tail -c +73 "$c" >"$c.body" && rm "$c"; done
sed -i "s#$out#OUT#g; s#$work#WORK#g" "$out"/*.out "$out"/*.err 2>/dev/null
echo "outputs in $out"
