//! Text tables fit the terminal: `COLUMNS=60` gives lines of at most 60
//! characters (names and sentences cut with "…"); in a pipe without
//! `COLUMNS`, lines are whole.

use crate::common::{seed_graph, Built};
use std::process::Command;

/// The commands printing tables or statements as text.
const TABLES: &[&[&str]] = &[
    &["entities"],
    &["neighbors", "China"],
    &["between", "Pakistan", "China"],
    &["timeline", "China"],
    &["timeline", "China", "--by", "month"],
    &["path", "Qin Gang", "Arif Alvi"],
    &["dyads"],
    &["stats"],
    &["show", "Qin Gang"],
    &["why", "Pakistan", "China"],
];

/// What `ties --graph GRAPH args` prints with `COLUMNS` set to `columns`
/// (unset when `None`); standard output is a pipe.
fn printed(g: &Built, args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ties"));
    cmd.arg("--graph")
        .arg(&g.graph)
        .args(args)
        .env_remove("TIES_GRAPH");
    match columns {
        Some(c) => cmd.env("COLUMNS", c),
        None => cmd.env_remove("COLUMNS"),
    };
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn every_line_fits_sixty_columns() {
    let g = seed_graph();
    for args in TABLES {
        let out = printed(&g, args, Some("60"));
        assert!(!out.is_empty(), "{args:?} printed nothing");
        for line in out.lines() {
            let n = line.chars().count();
            assert!(n <= 60, "{args:?}: a line of {n} characters:\n{line}");
        }
    }
}

#[test]
fn why_wraps_its_sentences_whole() {
    let g = seed_graph();
    let words = |s: &str| s.split_whitespace().filter(|w| !w.starts_with('[')).count();
    let wide = printed(&g, &["why", "Pakistan", "China"], None);
    let narrow = printed(&g, &["why", "Pakistan", "China"], Some("60"));
    assert!(narrow.lines().count() > wide.lines().count(), "{narrow}");
    assert_eq!(words(&narrow), words(&wide), "{narrow}");
    assert!(!narrow.contains('…'), "{narrow}");
}

#[test]
fn a_narrow_table_cuts_names_with_an_ellipsis_and_keeps_its_columns() {
    let g = seed_graph();
    let out = printed(&g, &["entities"], Some("60"));
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("NAME "), "{out}");
    // the name column shrinks: KIND starts before column 36
    assert!(header.find("KIND").unwrap() < 36, "{header}");
    assert!(out.contains('…'), "{out}");
}

#[test]
fn in_a_pipe_without_columns_lines_are_whole() {
    let g = seed_graph();
    let out = printed(&g, &["between", "Pakistan", "China"], None);
    let first = out.lines().next().unwrap();
    assert!(first.chars().count() > 60, "{first}");
    assert!(first.ends_with("China→Pakistan 0"), "{first}");
    let entities = printed(&g, &["entities"], None);
    assert!(
        entities.contains("initiative:china-pakistan-economic-corridor"),
        "{entities}"
    );
    assert!(!entities.contains('…'), "{entities}");
    // a COLUMNS that is no number is no limit either
    assert_eq!(printed(&g, &["entities"], Some("wide")), entities);
}

/// On a terminal (a pseudo-terminal of util-linux's `script`, 50 columns
/// wide) without `COLUMNS`, lines fit the terminal; skipped, with a note,
/// where `script` cannot make one.
#[test]
fn on_a_terminal_lines_fit_its_width() {
    let g = seed_graph();
    let cmd = format!(
        "stty cols 50 && '{}' --graph '{}' entities",
        env!("CARGO_BIN_EXE_ties"),
        g.graph.display()
    );
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env_remove("COLUMNS")
        .env_remove("TIES_GRAPH")
        .output();
    let Some(o) = o.ok().filter(|o| o.status.success()) else {
        eprintln!("note: no pseudo-terminal from `script`; skipped");
        return;
    };
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("NAME"), "{out}");
    for line in out.lines() {
        let line = line.trim_end_matches('\r');
        assert!(line.chars().count() <= 50, "a line wider than 50:\n{line}");
    }
}
