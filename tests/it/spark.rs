//! The map/reduce path on Apache Spark: `examples/spark/extract.py` pipes a
//! JSON Lines corpus through `ties extract` in Spark's local mode and merges
//! the parts with `ties build --extractions`; the graph it writes is the one
//! a direct `ties build` writes, byte for byte.

use crate::common::{build_into, generated};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether PySpark imports and Java runs (else the note saying the test skips).
fn spark_present() -> bool {
    let ok = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let present = ok("python3", &["-c", "import pyspark"]) && ok("java", &["-version"]);
    if !present {
        eprintln!("skipped: pyspark/java absent (pip install pyspark==3.5.3; a JDK 17)");
    }
    present
}

/// A JSON Lines corpus of `n` generated articles (../shared's generator),
/// or `None` with a note when it cannot be made.
fn generated_jsonl(dir: &Path, n: usize) -> Option<PathBuf> {
    let txt = generated(&dir.join("articles"), n)?;
    let jsonl = dir.join("corpus.jsonl");
    let made = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/perf/to_jsonl.py"))
        .arg(&txt)
        .arg(&jsonl)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("note: tools/perf/to_jsonl.py failed; skipped");
    }
    made.then_some(jsonl)
}

#[test]
fn spark_local_mode_builds_the_graph_a_direct_build_builds() {
    if !spark_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some(corpus) = generated_jsonl(dir.path(), 40) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_ties");
    let (direct, spark) = (dir.path().join("direct.ron"), dir.path().join("spark.ron"));
    build_into(&direct, &corpus);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/extract.py");
    let out = dir.path().join("out");
    let o = Command::new("python3")
        .arg(&script)
        .arg(&corpus)
        .arg(&out)
        .args(["--graph", spark.to_str().unwrap(), "--ties", bin])
        .args(["--master", "local[2]", "--partitions", "3"])
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "the Spark script failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let parts: Vec<_> = std::fs::read_dir(out.join("extractions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("part-"))
        .filter(|e| e.metadata().is_ok_and(|m| m.len() > 0))
        .collect();
    assert!(
        parts.len() >= 2,
        "the corpus was split in {} part(s)",
        parts.len()
    );
    let (a, b) = (
        std::fs::read(&direct).unwrap(),
        std::fs::read(&spark).unwrap(),
    );
    assert!(a.len() > 1000, "the direct graph is nearly empty");
    // the direct build also records which line of the corpus each article
    // was read from; extraction lines carry no such thing
    assert!(
        crate::common::without_provenance(&a) == crate::common::without_provenance(&b),
        "the Spark graph differs from the direct build"
    );
}
