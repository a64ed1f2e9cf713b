//! Tidy checks over the library's sources: the layering of the stages (no
//! import against it, so no cycle between them), no cycle between files,
//! file IO only where ARCHITECTURE.md allows it, and no dependency of the
//! library on the command-line tool's crates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and the modules it may import from.
const LAYERS: &[(&str, &[&str])] = &[
    ("bytes", &[]),
    ("error", &[]),
    ("text", &["error", "bytes"]),
    ("model", &["text", "error"]),
    ("lexicon", &["text", "model", "error", "bytes"]),
    ("extract", &["lexicon", "text", "model", "error", "bytes"]),
    ("graph", &["model", "text", "error", "bytes"]),
    ("store", &["graph", "model", "text", "error", "bytes"]),
    ("query", &["store", "graph", "model", "text", "error"]),
    (
        "export",
        &["query", "store", "graph", "model", "text", "error"],
    ),
    (
        "eval",
        &["extract", "lexicon", "graph", "model", "text", "error"],
    ),
    (
        "pipeline",
        &[
            "extract", "lexicon", "store", "graph", "model", "text", "error",
        ],
    ),
];

/// Modules that may touch the file system (the edges of the pipeline).
const IO: &[&str] = &[
    "src/text/input.rs",
    "src/store/",
    "src/export/csv.rs",
    "src/pipeline.rs",
    "src/eval.rs",
];

/// Crates only the command-line tool may use.
const TOOL_CRATES: &[&str] = &[
    "clap",
    "clap_complete",
    "indicatif",
    "anyhow",
    "libmimalloc_sys",
    "libc",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every library source file (the tool's `src/bin/` excluded), relative to the crate.
fn library_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p.file_name().unwrap() != "bin" {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&src(), &mut paths);
    paths.sort();
    let root = src().parent().unwrap().to_path_buf();
    paths
        .into_iter()
        .filter(|p| p.file_name().unwrap() != "main.rs" || p.parent() != Some(&src()))
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code of a file without its comments (so doc links are no imports)
/// and without its unit tests (the `#[cfg(test)]` module at its end), which
/// may use any layer.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `crate::a::b::c` paths named in `text`, as their segments.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + 7..];
        let path: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        out.push(
            path.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        );
        rest = after;
    }
    out
}

/// The top-level module a file belongs to (`src/extract/mention.rs` → `extract`).
fn top_module(file: &str) -> &str {
    let rel = file.strip_prefix("src/").unwrap();
    let first = rel.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

#[test]
fn imports_follow_the_layers() {
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut wrong = Vec::new();
    for (file, text) in library_files() {
        let from = top_module(&file);
        if from == "lib" {
            continue;
        }
        let Some(allowed) = layers.get(from) else {
            wrong.push(format!("{file}: module `{from}` is missing from LAYERS"));
            continue;
        };
        for path in crate_paths(&code(&text)) {
            let Some(to) = path.first() else { continue };
            let to = to.as_str();
            // items re-exported at the crate root are named by their home module
            if to == from || !layers.contains_key(to) {
                continue;
            }
            if !allowed.contains(&to) {
                wrong.push(format!("{file}: `{from}` imports `crate::{to}`"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layers_have_no_cycle() {
    // a topological order exists iff every module's imports come before it
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut left: Vec<(&str, &[&str])> = LAYERS.to_vec();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|(m, deps)| {
            let ready = deps.iter().all(|d| placed.contains(d));
            if ready {
                placed.insert(m);
            }
            !ready
        });
        assert!(
            left.len() < before,
            "the layers have a cycle among {left:?}"
        );
    }
}

/// The file a `crate::` path leads to, if it names a module file.
fn target_file(path: &[String], files: &BTreeSet<String>) -> Option<String> {
    let mut best = None;
    for n in 1..=path.len() {
        let base = format!("src/{}", path[..n].join("/"));
        for cand in [format!("{base}.rs"), format!("{base}/mod.rs")] {
            if files.contains(&cand) {
                best = Some(cand);
            }
        }
    }
    best
}

#[test]
fn no_cycle_between_files() {
    let all = library_files();
    let files: BTreeSet<String> = all.iter().map(|(f, _)| f.clone()).collect();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in &all {
        for path in crate_paths(&code(text)) {
            if let Some(t) = target_file(&path, &files) {
                // a module's mod.rs declares its children: that is no import
                let parent_of = t.starts_with(file.trim_end_matches("mod.rs"));
                if t != *file && !(file.ends_with("mod.rs") && parent_of) {
                    deps.entry(file.clone()).or_default().insert(t);
                }
            }
        }
    }
    // depth-first search for a back edge
    fn visit(
        f: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(f) {
            Some(1) => {
                let i = stack.iter().position(|s| s == f).unwrap();
                return Some(stack[i..].to_vec());
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(f.to_string(), 1);
        stack.push(f.to_string());
        for d in deps.get(f).into_iter().flatten() {
            if let Some(c) = visit(d, deps, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(f.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for f in &files {
        if let Some(cycle) = visit(f, &deps, &mut state, &mut Vec::new()) {
            panic!("files import each other in a cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn file_io_only_at_the_edges() {
    let mut wrong = Vec::new();
    for (file, text) in library_files() {
        if IO.iter().any(|p| file.starts_with(p)) {
            continue;
        }
        let code = code(&text);
        for needle in ["std::fs", "fs::File", "File::open", "File::create"] {
            if code.contains(needle) {
                wrong.push(format!("{file}: {needle}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "file IO outside the edges:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_library_uses_none_of_the_tools_crates() {
    let mut wrong = Vec::new();
    for (file, text) in library_files() {
        // derives under the tool's feature are allowed: `cfg_attr(feature = "cli", ...)`
        let code: String = code(&text)
            .lines()
            .filter(|l| !l.contains("feature = \"cli\""))
            .collect::<Vec<_>>()
            .join("\n");
        for c in TOOL_CRATES {
            if code.contains(&format!("{c}::")) || code.contains(&format!("use {c}")) {
                wrong.push(format!("{file}: {c}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the library names the tool's crates:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checks_see_every_layer() {
    // the checks above would pass on an empty tree: make sure they read it
    let files = library_files();
    let seen: BTreeSet<&str> = files.iter().map(|(f, _)| top_module(f)).collect();
    for (m, _) in LAYERS {
        assert!(seen.contains(m), "no source file found for layer `{m}`");
    }
    let imports: usize = files.iter().map(|(_, t)| crate_paths(&code(t)).len()).sum();
    assert!(imports > 100, "only {imports} crate:: paths found");
}
