#!/usr/bin/env python3
"""A benchmark corpus of real text: the articles of the given folders (NAME.txt,
` date YYYY-MM-DD Title` first line) replicated to COUNT JSON lines with
distinct ids ("r00042-NAME"), deterministic.

    real_corpus.py COUNT OUT.jsonl ../shared/corpus/dev ../shared/corpus/dev2
"""
import json
import sys
from pathlib import Path

from to_jsonl import record

count, out, dirs = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
articles = [record(p) for d in dirs for p in sorted(Path(d).glob("*.txt"))]
if not articles:
    sys.exit("no NAME.txt article in " + " ".join(dirs))
with out.open("w", encoding="utf-8") as w:
    for i in range(count):
        rec = dict(articles[i % len(articles)])
        rec["id"] = f"r{i:05d}-{rec['id']}"
        w.write(json.dumps(rec, ensure_ascii=False) + "\n")
