#!/usr/bin/env python3
"""Turn a folder of ` date YYYY-MM-DD Title` articles (as ../shared/bench/make_corpus.py
writes them) into one JSON Lines corpus: {"id", "date", "title", "text"} per line.

    to_jsonl.py DIR OUT.jsonl
"""
import json
import sys
from pathlib import Path


def record(p):
    """The JSON record of article file `p`: its id (the file's stem), the date
    and title of its ` date YYYY-MM-DD Title` first line if it has one, and
    the text after it."""
    text = p.read_text(encoding="utf-8")
    rec = {"id": p.stem}
    first, _, rest = text.partition("\n")
    if first.startswith(" date "):
        parts = first.split(" ", 3)
        rec["date"] = parts[2]
        if len(parts) > 3:
            rec["title"] = parts[3]
        text = rest.lstrip("\n")
    rec["text"] = text
    return rec


if __name__ == "__main__":
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    with out.open("w", encoding="utf-8") as w:
        for p in sorted(src.glob("*.txt")):
            w.write(json.dumps(record(p), ensure_ascii=False) + "\n")
