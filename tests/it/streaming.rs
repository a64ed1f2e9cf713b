//! Exports that read only what they need: with a fresh cache, `ties export`
//! writes JSON, GraphML and CSV edge by edge from it, and a focus, two sides,
//! kinds or dates read only the edges they can keep; every format gives the
//! bytes the whole-graph path gives (the graph loaded, the sub-graph cut, rendered).

use crate::common::{build_into, generated, ties};
use std::path::Path;
use ties::export::filter::{subgraph, Selection};
use ties::export::{csv, render, Format};
use ties::{EdgeKind, Filter, Graph};

/// The selections compared: everything, a focus, two sides, a kind, dates.
fn selections() -> Vec<(Vec<&'static str>, Selection)> {
    let date = |s| ties::Date::parse_iso(s);
    let sel = |focus: Option<&str>, between: Option<(&str, &str)>, filter: Filter| Selection {
        focus: focus.map(str::to_string),
        depth: 1,
        between: between.map(|(a, b)| (a.to_string(), b.to_string())),
        filter,
    };
    let kinds = Filter {
        kinds: vec![EdgeKind::Meeting, EdgeKind::Visit],
        ..Filter::default()
    };
    let dates = Filter {
        since: date("2022-01-01"),
        until: date("2024-12-31"),
        ..Filter::default()
    };
    vec![
        (vec![], Selection::default()),
        (
            vec!["--focus", "Pakistan"],
            sel(Some("Pakistan"), None, Filter::default()),
        ),
        (
            vec!["--between", "China", "Pakistan"],
            sel(None, Some(("China", "Pakistan")), Filter::default()),
        ),
        (
            vec!["--kind", "meeting,visit"],
            sel(None, None, kinds.clone()),
        ),
        (
            vec![
                "--focus",
                "China",
                "--kind",
                "meeting,visit",
                "--since",
                "2022-01-01",
                "--until",
                "2024-12-31",
            ],
            sel(
                Some("China"),
                None,
                Filter {
                    kinds: kinds.kinds,
                    ..dates.clone()
                },
            ),
        ),
        (
            vec!["--since", "2022-01-01", "--until", "2024-12-31"],
            sel(None, None, dates),
        ),
    ]
}

/// What the CLI writes for `args` in `format` (CSV: both files, joined).
fn cli_export(graph: &Path, format: &str, args: &[&str], out: &Path) -> Vec<u8> {
    let mut all = vec![
        "--graph",
        graph.to_str().unwrap(),
        "export",
        "--format",
        format,
    ];
    all.extend(args);
    if format == "csv" {
        all.extend(["--out", out.to_str().unwrap()]);
    }
    let o = ties(&all);
    assert!(
        o.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    if format != "csv" {
        return o.stdout;
    }
    let mut bytes = std::fs::read(out.join("nodes.csv")).unwrap();
    bytes.extend(std::fs::read(out.join("relationships.csv")).unwrap());
    bytes
}

/// What the whole-graph path renders for `sel` in `format`.
fn whole_export(g: &Graph, format: Format, sel: &Selection) -> Vec<u8> {
    let sub = subgraph(g, sel).unwrap();
    match format {
        Format::Csv => [csv::nodes_csv(&sub), csv::relationships_csv(&sub)]
            .concat()
            .into_bytes(),
        f => render(&sub, f).unwrap(),
    }
}

#[test]
fn exports_from_the_cache_are_the_whole_graph_exports_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let Some(articles) = generated(&dir.path().join("articles"), 300) else {
        return;
    };
    let graph = dir.path().join("g.ron");
    build_into(&graph, &articles);
    assert!(
        ties::store::read_skeleton(&graph).is_some(),
        "the build wrote a fresh cache"
    );
    let g = Graph::load(&graph).unwrap();
    let formats = [
        ("json", Format::Json),
        ("graphml", Format::Graphml),
        ("csv", Format::Csv),
        ("dot", Format::Dot),
        ("ron", Format::Ron),
    ];
    for (args, sel) in selections() {
        for (name, format) in formats {
            let out = dir.path().join(format!("csv{}", args.len()));
            let streamed = cli_export(&graph, name, &args, &out);
            let whole = whole_export(&g, format, &sel);
            assert!(whole.len() > 200, "{name} {args:?}: a nearly empty export");
            assert!(
                streamed == whole,
                "{name} {args:?}: the export differs from the whole graph's"
            );
        }
    }
}
