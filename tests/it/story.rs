//! Issue 15: work is not destroyed (build refuses to replace a graph,
//! `--out` formats from extensions, stdin ids, sources kept) and evidence
//! can be followed (explain by article id, one story counted once).

use crate::common::{seed_graph, seeds, ties};
use std::process::Output;

/// (exit code, stdout, stderr) of a run.
fn parts(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn build_onto_an_existing_graph_refuses_without_force() {
    let b = seed_graph();
    let before = std::fs::read(&b.graph).unwrap();
    let seed = seeds().join("000_186ee53d8d80909e.txt");
    let (code, _, err) = parts(&b.run(&["build", seed.to_str().unwrap()]));
    assert_eq!(code, 2, "{err}");
    let name = b.graph.display().to_string();
    assert!(err.contains(&name), "names the file: {err}");
    assert!(err.contains("ties add") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&b.graph).unwrap(), before, "nothing written");
    let (code, out, err) = parts(&b.run(&["build", "--force", seed.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 article(s) read"), "{out}");
    // a fresh path needs no --force
    let fresh = b.dir.path().join("fresh.ron");
    let o = ties(&[
        "--graph",
        fresh.to_str().unwrap(),
        "build",
        seed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", parts(&o).2);
}
