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
