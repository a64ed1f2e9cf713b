//! The README's tour, run as written: each `$ ties ...` command of its first
//! `text` block runs in a fresh folder, and every line shown after it
//! appears in what the command prints, in order ("..." stands for text left
//! out, inside a line or as a line of its own).

use std::path::Path;
use std::process::Command;

/// The commands of the tour and the lines shown after each.
fn tour() -> Vec<(String, Vec<String>)> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let after = readme
        .split("## A short tour")
        .nth(1)
        .expect("a tour section");
    let block = after.split("```text\n").nth(1).expect("a text block");
    let block = block.split("\n```").next().unwrap_or_default();
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        match (line.strip_prefix("$ "), steps.last_mut()) {
            (Some(cmd), _) => steps.push((cmd.to_string(), Vec::new())),
            (None, Some((_, shown))) if !line.trim().is_empty() && line.trim() != "..." => {
                shown.push(line.to_string());
            }
            _ => {}
        }
    }
    steps
}

/// Whether `line` holds the pieces of `shown` between its "...", in order.
fn shows(line: &str, shown: &str) -> bool {
    let mut rest = line;
    for piece in shown.split("...").map(str::trim).filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn the_readme_tour_prints_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let steps = tour();
    assert!(steps.len() >= 2, "the tour has commands: {steps:?}");
    for (cmd, shown) in steps {
        let mut words = cmd.split_whitespace();
        assert_eq!(words.next(), Some("ties"), "{cmd}");
        let args: Vec<String> = words
            .map(|w| match w {
                "seeds/" => seeds.display().to_string(),
                w => w.to_string(),
            })
            .collect();
        let o = Command::new(env!("CARGO_BIN_EXE_ties"))
            .args(&args)
            .current_dir(dir.path())
            .env_remove("TIES_GRAPH")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = String::from_utf8_lossy(&o.stdout);
        let mut lines = out.lines();
        for s in &shown {
            assert!(
                lines.any(|l| shows(l, s)),
                "`{cmd}` does not print, in this order, the README's line\n{s}\nIt prints:\n{out}"
            );
        }
    }
}

/// `ties man` prints a manual page made from the same definitions as
/// `--help`: every command is in it.
#[test]
fn the_manual_page_names_every_command() {
    let o = crate::common::ties(&["man"]);
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(page.contains(".TH ties 1"), "{page}");
    for cmd in [
        "build", "add", "between", "export", "report", "events", "why", "explain",
    ] {
        assert!(page.contains(&format!("ties\\-{cmd}(1)")), "{cmd} missing");
    }
}
