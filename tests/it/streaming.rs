//! Exports that read only what they need: with a fresh cache, `ties export`
//! writes JSON, GraphML and CSV edge by edge from it, and a focus, two sides,
//! kinds or dates read only the edges they can keep; every format gives the
//! bytes the whole-graph path gives (the graph loaded, the sub-graph cut, rendered).

use crate::common::{build_into, generated, ties};
use std::path::Path;
use ties::export::filter::{subgraph, Selection};
use ties::export::{csv, Format};
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
            sel(None, None, dates.clone()),
        ),
        (
            vec!["--focus", "Kenya", "--since", "2024-01-01"],
            sel(
                Some("Kenya"),
                None,
                Filter {
                    since: date("2024-01-01"),
                    ..Filter::default()
                },
            ),
        ),
        (
            vec!["--focus", "Pakistan", "--until", "2023-06-30"],
            sel(
                Some("Pakistan"),
                None,
                Filter {
                    until: date("2023-06-30"),
                    ..Filter::default()
                },
            ),
        ),
        (
            vec!["--focus", "Kenya", "--depth", "2", "--kind", "visit"],
            Selection {
                depth: 2,
                ..sel(
                    Some("Kenya"),
                    None,
                    Filter {
                        kinds: vec![EdgeKind::Visit],
                        ..Filter::default()
                    },
                )
            },
        ),
        (vec!["--focus", "Kenya", "--depth", "2"], {
            let mut s = sel(Some("Kenya"), None, Filter::default());
            s.depth = 2;
            s
        }),
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
        // as written (two countries are otherwise drawn at country level)
        "--level",
        "written",
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
        // a drawing is titled with the selection, as the tool titles it
        f => {
            let how = ties::export::dot::Drawing {
                title: ties::export::filter::title(g, sel, &sub),
                legend: true,
            };
            ties::export::render_drawn(&sub, f, &how).unwrap()
        }
    }
}

/// A graph of 300 generated articles in `dir`, its cache fresh; `None` (with a note) without ../shared.
fn generated_graph(dir: &Path) -> Option<std::path::PathBuf> {
    let articles = generated(&dir.join("articles"), 300)?;
    let graph = dir.join("g.ron");
    build_into(&graph, &articles);
    Some(graph)
}

/// `ties events` reads the cache edge by edge; its rows are those of the
/// loaded graph, in the same order, with filters and a limit.
#[test]
fn the_event_table_from_the_cache_is_the_whole_graphs() {
    use ties::query::{events, Goldstein, Lift, StateBodies};
    let dir = tempfile::tempdir().unwrap();
    let Some(graph) = generated_graph(dir.path()) else {
        return;
    };
    let g = Graph::load(&graph).unwrap();
    let lex = ties::Lexicon::builtin().unwrap();
    let lift = Lift::new(&g, &StateBodies::new(lex.state_body_names()));
    let gs = Goldstein::builtin().unwrap();
    let cases: [(&[&str], Filter, usize); 3] = [
        (&[], Filter::default(), usize::MAX),
        (
            &["--kind", "praise,criticism", "--since", "2022-01-01"],
            Filter {
                kinds: vec![EdgeKind::Praise, EdgeKind::Criticism],
                since: ties::Date::parse_iso("2022-01-01"),
                until: None,
            },
            usize::MAX,
        ),
        (&["--limit", "7"], Filter::default(), 7),
    ];
    for (args, f, limit) in cases {
        let mut all = vec![
            "--graph",
            graph.to_str().unwrap(),
            "events",
            "--format",
            "jsonl",
        ];
        all.extend(args);
        let o = ties(&all);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let want: String = events(&g, &f, &lift, &gs)
            .take(limit)
            .map(|e| serde_json::to_string(&e).unwrap() + "\n")
            .collect();
        assert!(want.lines().count() > 5, "{args:?}: few rows");
        assert_eq!(String::from_utf8(o.stdout).unwrap(), want, "{args:?}");
    }
}

#[test]
fn exports_from_the_cache_are_the_whole_graph_exports_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let Some(graph) = generated_graph(dir.path()) else {
        return;
    };
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

/// `export --between` two countries (country level by default) reads only
/// the edges between their sides from the cache: the bytes of the export
/// made from the whole graph (the cache removed first).
#[test]
fn a_country_pair_export_from_the_cache_is_the_whole_graphs() {
    let Some(built) = crate::common::dev_corpus_graph() else {
        return;
    };
    let g = built.graph.to_str().unwrap();
    let cache = built.graph.with_extension("ron.cache");
    let pairs = [
        ("China", "Pakistan"),
        ("China", "United States"),
        ("China", "India"),
    ];
    for ((a, b), format) in pairs.into_iter().flat_map(|p| [(p, "json"), (p, "dot")]) {
        let args = [
            "--graph",
            g,
            "export",
            "--between",
            a,
            b,
            "--format",
            format,
        ];
        let partial = ties(&args);
        assert!(partial.status.success(), "{a} {b} {format}");
        assert!(cache.exists(), "the graph has its cache");
        std::fs::remove_file(&cache).unwrap();
        let whole = ties(&args);
        assert!(
            partial.stdout.len() > 200,
            "{a} {b} {format}: a nearly empty export"
        );
        assert_eq!(
            String::from_utf8_lossy(&partial.stdout),
            String::from_utf8_lossy(&whole.stdout),
            "{a} {b} {format}"
        );
    }
}

/// A drawing or table read from the cache shows of each edge its first
/// statement from the dates kept on: undated statements come first and are
/// always kept, then date by date. Every format, on edges stated undated and
/// on several dates, is the whole graph's export byte for byte.
#[test]
fn an_edges_first_statement_from_a_date_on_is_read_alone() {
    let dir = tempfile::tempdir().unwrap();
    let said = [
        "China and Pakistan vowed to deepen ties.",
        "Chinese Foreign Minister Qin Gang met Pakistani President Arif Alvi in Islamabad.",
        "Pakistan praised China for its support.",
    ];
    let dates = [
        Some("2021-03-01"),
        None,
        Some("2023-05-06"),
        Some("2024-02-02"),
    ];
    let mut lines = String::new();
    for (i, date) in dates.iter().enumerate() {
        for (j, text) in said.iter().enumerate() {
            let mut rec = serde_json::json!({"id": format!("a{i}{j}"), "text": text});
            if let Some(d) = date {
                rec["date"] = serde_json::json!(d);
            }
            lines.push_str(&format!("{rec}\n"));
        }
    }
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(&corpus, lines).unwrap();
    let graph = dir.path().join("g.ron");
    build_into(&graph, &corpus);
    let g = Graph::load(&graph).unwrap();
    let date = |s| ties::Date::parse_iso(s);
    let cases: [(&[&str], Filter); 4] = [
        (&[], Filter::default()),
        (
            &["--since", "2022-01-01"],
            Filter {
                since: date("2022-01-01"),
                ..Filter::default()
            },
        ),
        (
            &["--since", "2023-05-07", "--until", "2024-12-31"],
            Filter {
                since: date("2023-05-07"),
                until: date("2024-12-31"),
                ..Filter::default()
            },
        ),
        (
            &["--until", "2021-12-31"],
            Filter {
                until: date("2021-12-31"),
                ..Filter::default()
            },
        ),
    ];
    for (args, filter) in cases {
        let sel = Selection {
            focus: Some("China".into()),
            depth: 1,
            between: None,
            filter,
        };
        let args = [&["--focus", "China"][..], args].concat();
        for (name, format) in [
            ("dot", Format::Dot),
            ("svg", Format::Svg),
            ("graphml", Format::Graphml),
            ("json", Format::Json),
            ("csv", Format::Csv),
        ] {
            if format == Format::Svg && which_dot().is_none() {
                continue;
            }
            let out = dir.path().join("csv");
            let streamed = cli_export(&graph, name, &args, &out);
            let whole = whole_export(&g, format, &sel);
            assert!(
                streamed == whole,
                "{name} {args:?}: the export differs from the whole graph's"
            );
        }
    }
    let undated = g
        .edges()
        .into_iter()
        .filter(|(_, _, e)| {
            e.occurrences.first().is_some_and(|o| o.date.is_none()) && e.weight() > 1
        })
        .count();
    assert!(undated > 0, "an edge begins with an undated statement");
}

/// Graphviz's `dot`, if installed (SVG is laid out by it).
fn which_dot() -> Option<()> {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| ())
}

/// `export --between` two countries (country level) counts each country's
/// articles as the loaded graph's country-level export does (read from the
/// cache, it showed 0).
#[test]
fn a_country_pair_export_counts_the_countries_articles() {
    use ties::query::{Lift, StateBodies};
    let dir = tempfile::tempdir().unwrap();
    let Some(graph) = generated_graph(dir.path()) else {
        return;
    };
    let g = Graph::load(&graph).unwrap();
    let lex = ties::Lexicon::builtin().unwrap();
    let lifted = Lift::new(&g, &StateBodies::new(lex.state_body_names())).graph(&g);
    let sel = Selection {
        between: Some(("China".into(), "Pakistan".into())),
        ..Selection::default()
    };
    let sub = subgraph(&lifted, &sel).unwrap();
    let path = graph.to_str().unwrap();
    let pair = ["--graph", path, "export", "--between", "China", "Pakistan"];
    let o = ties(&[&pair[..], &["--format", "graphml"]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let want = ties::export::graphml::to_graphml(&sub);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), want);
    let china = sub.lookup("China").unwrap();
    assert!(sub.node(china).articles.len() > 10, "China is named often");
    let counted = format!(
        "<data key=\"articles\">{}</data>",
        sub.node(china).articles.len()
    );
    assert!(want.contains(&counted), "China's article count is shown");
    let out = dir.path().join("pair");
    let o = ties(
        &[
            &pair[..],
            &["--format", "csv", "--out", out.to_str().unwrap()],
        ]
        .concat(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    assert_eq!(nodes, csv::nodes_csv(&sub));
}
