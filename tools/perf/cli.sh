#!/usr/bin/env bash
# The command line kept as it was: help, usage errors, completions, add and
# --extractions paths, exit codes. Run with the old and new binary and diff:
#   tools/perf/cli.sh TIES OUT   (needs ../shared beside the project)
here=$(cd "$(dirname "$0")" && pwd)
t=$(realpath "$1"); out=$2; rm -rf "$out"; mkdir -p "$out"; out=$(realpath "$out")
w=$(mktemp -d); cd "$w"
n=0
r() { n=$((n+1)); { echo "\$ $*"; "$t" "$@" 2>&1; echo "exit $?"; } >"$out/$(printf %03d $n)" ; }
r; r --help; r -h; r help; r --version; r -V; r bogus
for s in build add extract export show entities completions neighbors between path timeline eval explain stats help; do
  r $s --help; r $s -h; r help $s; r $s
done
for sh in bash zsh fish elvish powershell; do r completions $sh; done
r completions nosh
r export --format xx; r neighbors X --kind bad; r entities --sort bad; r neighbors X --direction up
r neighbors China; r --graph none.ron stats
D=$(cd "$here/../../../shared/corpus/dev" && pwd)
f=$(ls $D/*.txt | head -3)
r --graph g.ron add $f; r --graph g.ron add $(ls $D/*.txt | sed -n 4,6p); r --graph g.ron stats
rm -f g.ron.cache; r --graph g.ron add $(ls $D/*.txt | sed -n 7,8p); r --graph g.ron stats
r --graph g.ron add nothing-here.txt; r --graph g.ron build nothing-here.txt; r --graph g.ron build --force nothing-here.txt
r extract nothing-here.txt
"$t" extract $(ls $D/*.txt | sed -n 9,12p) > x.jsonl 2>/dev/null
r --graph g2.ron build --extractions x.jsonl; r --graph g2.ron add --extractions x.jsonl $f; r --graph g2.ron stats --json
r --graph g2.ron neighbors Nowhere; r --graph g2.ron path China China; r --graph g2.ron path China Nowhere
r --graph g2.ron export --format csv; r --graph g2.ron export --focus Nowhere; r --graph g2.ron export --kind criticism --focus China
r --graph g2.ron entities --kind place --sort name; r --graph g2.ron entities --kind initiative --json
r eval $D --json; r eval $D --min-core 0.99; r eval /tmp; r explain nothing.txt
r --lexicon nothing.ron extract $f
r --graph g2.ron timeline China Nowhere; r --graph g2.ron between Nowhere China
for fl in g.ron g2.ron; do md5sum $fl >>"$out/files"; tail -c +73 $fl.cache | md5sum >>"$out/files"; done
cd /; rm -rf "$w"
