#!/usr/bin/env python3
"""Extract a JSON Lines corpus with Apache Spark, then merge the extractions
into one graph file with `ties build --extractions`.

    extract.py CORPUS.jsonl OUT_DIR [--graph G.ron] [--ties PATH | --shipped NAME]
               [--master local[2]] [--partitions N]

Map: each partition of CORPUS (one article a line, {"id", "text", "date"?,
"title"?}) is piped through `ties extract` on an executor; the extraction
lines are written to OUT_DIR/extractions/part-NNNNN. Reduce: on the driver,
`ties build --extractions` merges the parts in partition order, which is the
corpus's line order, so the graph is byte-identical to `ties build
CORPUS.jsonl` whatever the number of partitions or executors.

The binary reaches the executors through Spark's file shipping: `--ties PATH`
ships PATH with SparkContext.addFile; `--shipped NAME` uses a file given to
spark-submit with `--files` (see examples/spark/README.md). Either way each
executor runs SparkFiles.get(NAME), its own local copy.
"""
from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="JSON Lines corpus (any path or URL Spark reads)")
    p.add_argument("out", help="folder for the extraction parts (must not exist)")
    p.add_argument("--graph", help="graph file the merge writes; without it only the map "
                   "runs (for output on HDFS or S3, merged as examples/spark/README.md says)")
    p.add_argument("--ties", default="target/release/ties",
                   help="the ties binary on the driver, shipped to the executors")
    p.add_argument("--shipped", metavar="NAME",
                   help="the binary was shipped with spark-submit --files under this name")
    p.add_argument("--master", default=None,
                   help="Spark master (local[2]...); spark-submit's when absent")
    p.add_argument("--partitions", type=int, default=None,
                   help="at least this many partitions of the corpus")
    p.add_argument("--merge-with", default=None, metavar="TIES",
                   help="ties binary for the merge on the driver (default: --ties)")
    return p.parse_args(argv)


def pipe_through(name):
    """A partition function running `ties extract` (the executor's copy of the
    binary shipped as NAME) over a partition's lines, as rdd.pipe does, but
    resolving the binary on the executor."""

    def run(lines):
        from pyspark import SparkFiles

        lines = list(lines)
        if not lines:
            return iter(())
        data = ("\n".join(lines) + "\n").encode("utf-8")
        proc = subprocess.run([SparkFiles.get(name), "extract", "-"],
                              input=data, capture_output=True, check=False)
        # 2: some article was skipped (named on stderr), as a direct build skips it
        if proc.returncode not in (0, 2) or (proc.returncode == 2 and not proc.stdout):
            raise RuntimeError("ties extract failed (exit %d): %s"
                               % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        return iter(proc.stdout.decode("utf-8").splitlines())

    return run


def extract(sc, args):
    """Map: the corpus piped through `ties extract`, written as part files; their paths in order."""
    if args.shipped:
        name = args.shipped
    else:
        sc.addFile(os.path.abspath(args.ties))
        name = os.path.basename(args.ties)
    lines = sc.textFile(args.corpus, minPartitions=args.partitions)
    lines = lines.filter(lambda l: l.strip() != "")
    parts = os.path.join(args.out, "extractions")
    lines.mapPartitions(pipe_through(name)).saveAsTextFile(parts)
    # part-00000, part-00001...: partition order is the corpus's line order
    return sorted(glob.glob(os.path.join(parts, "part-*"))) if args.graph else []


def merge(ties, graph, parts):
    """Reduce: the parts merged in order into one graph file by `ties build --extractions`."""
    cmd = [ties, "--graph", graph, "build", "--extractions", *parts]
    return subprocess.run(cmd, check=False).returncode


def main(argv):
    args = parse_args(argv)
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("ties extract")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        parts = extract(sc, args)
    finally:
        sc.stop()
    if not args.graph:
        return 0
    if not parts:
        sys.exit("no extraction part was written under %s (a local folder?)" % args.out)
    return merge(args.merge_with or args.ties, args.graph, parts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
