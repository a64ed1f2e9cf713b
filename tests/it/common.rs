//! Shared helpers of the tests: where `../shared` is (with a note when it is
//! absent), and a graph built from the seed (and a few dev articles of
//! ../shared when present) in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Dev articles the richer graph adds to the seed.
pub const DEV: [&str; 4] = [
    "2013-03-21-china-uk-premiers-phone-talks.txt",
    "2014-05-29-li-keqiang-modi-phone-talks.txt",
    "2015-10-27-china-summons-us-ambassador.txt",
    "2016-11-02-india-summons-pakistan-deputy-envoy.txt",
];

/// A built graph in its own temporary folder.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub graph: PathBuf,
}

impl Built {
    /// Runs `ties --graph GRAPH args...`.
    pub fn run(&self, args: &[&str]) -> Output {
        ties(&[&["--graph", self.graph.to_str().unwrap()], args].concat())
    }

    /// Runs and returns (exit code, stdout, stderr).
    pub fn out(&self, args: &[&str]) -> (i32, String, String) {
        let o = self.run(args);
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    }

    /// Runs with `--json` and parses standard output, asserting success.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let (code, out, err) = self.out(&[args, &["--json"]].concat());
        assert_eq!(code, 0, "ties {args:?} --json failed: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("ties {args:?} --json: {e}\n{out}"))
    }
}

/// Runs the ties binary.
pub fn ties(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ties"))
        .args(args)
        .env_remove("TIES_GRAPH")
        .env_remove("COLUMNS")
        .output()
        .expect("ties runs")
}

/// The seed folder.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// `../shared` beside the project (the spec, the corpora, the tools), when
/// it is there; else `None`, with a note naming the test that skips for it.
pub fn shared() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!(
            "note: {} is absent: {} skips what needs real articles",
            d.display(),
            std::thread::current().name().unwrap_or("this test")
        );
        None
    }
}

/// The dev corpus, when ../shared is there (else `None`, with a note).
pub fn dev_dir() -> Option<PathBuf> {
    Some(shared()?.join("corpus/dev"))
}

fn build(inputs: &[PathBuf]) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.ron");
    let mut args: Vec<&str> = vec!["--graph", graph.to_str().unwrap(), "build"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let o = ties(&args);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "a build with stderr not a terminal prints no progress bar"
    );
    Built { dir, graph }
}

/// A graph from the seed alone.
pub fn seed_graph() -> Built {
    build(&[seeds()])
}

/// A graph from the seed and four dev articles; `None` (with a note) without ../shared.
pub fn dev_graph() -> Option<Built> {
    let d = dev_dir()?;
    let mut inputs = vec![seeds()];
    inputs.extend(DEV.iter().map(|f| d.join(f)));
    Some(build(&inputs))
}

/// A graph of the whole dev corpus; `None` (with a note) without ../shared.
pub fn dev_corpus_graph() -> Option<Built> {
    Some(build(&[dev_dir()?]))
}

/// A graph file's text without its `provenance` table (where each article
/// was read from): what two builds of the same articles from different
/// files share.
pub fn without_provenance(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let Some(start) = text.find("  provenance: {") else {
        return text;
    };
    let end = match text[start..].find("\n  },\n") {
        Some(e) if !text[start..].starts_with("  provenance: {},") => start + e + 6,
        _ => start + text[start..].find('\n').unwrap_or(0) + 1,
    };
    format!("{}{}", &text[..start], &text[end..])
}

/// Builds the graph file `graph` from `input`, asserting success.
pub fn build_into(graph: &Path, input: &Path) {
    let o = ties(&[
        "--graph",
        graph.to_str().unwrap(),
        "build",
        input.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The generator of seed variants, `tools/make_corpus.py` (a copy of
/// ../shared's benchmark generator).
pub fn make_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/make_corpus.py")
}

/// `n` seed variants written by `tools/make_corpus.py` into `dir` (one text
/// file each); `None`, with a note, without python3.
pub fn generated(dir: &Path, n: usize) -> Option<PathBuf> {
    let made = Command::new("python3")
        .arg(make_corpus())
        .arg(n.to_string())
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: python3 could not run make_corpus.py; skipped");
        return None;
    }
    Some(dir.to_path_buf())
}

/// The `*.txt` files of folder `dir`, sorted.
pub fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut txt: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txt.sort();
    txt
}
