#!/usr/bin/env python3
"""A benchmark corpus of real text: the articles of the given folders (NAME.txt,
` date YYYY-MM-DD Title` first line) replicated to COUNT JSON lines with
distinct ids ("r00042-NAME"), deterministic.

    real_corpus.py COUNT OUT.jsonl ../shared/corpus/dev ../shared/corpus/dev2
"""
import json
import sys
from pathlib import Path

count, out, dirs = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
articles = []
for d in dirs:
    for p in sorted(Path(d).glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        rec = {"name": p.stem}
        first, _, rest = text.partition("\n")
        if first.startswith(" date "):
            parts = first.split(" ", 3)
            rec["date"] = parts[2]
            rec["title"] = parts[3] if len(parts) > 3 else ""
            text = rest
        rec["text"] = text
        articles.append(rec)
if not articles:
    sys.exit("no NAME.txt article in " + " ".join(dirs))
with out.open("w", encoding="utf-8") as w:
    for i in range(count):
        a = articles[i % len(articles)]
        rec = {"id": f"r{i:05d}-{a['name']}", "text": a["text"]}
        for k in ("date", "title"):
            if k in a:
                rec[k] = a[k]
        w.write(json.dumps(rec, ensure_ascii=False) + "\n")
