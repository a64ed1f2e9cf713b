//! CLI tests of `ties export` in every format, and of its filters (focus,
//! kind, dates, between), on graphs built from the seed and dev articles.

use crate::common::{dev_graph, seed_graph};
use std::path::Path;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn json_ron_and_dot_to_stdout_and_file() {
    let b = seed_graph();
    let (code, out, _) = b.out(&["export", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "country:china"));
    let ron = b.dir.path().join("copy.ron");
    assert_eq!(
        b.out(&["export", "--format", "ron", "--out", ron.to_str().unwrap()])
            .0,
        0
    );
    assert_eq!(
        read(&ron),
        read(&b.graph),
        "the RON export is the graph file"
    );
    let (code, dot, _) = b.out(&["export"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph {"), "{dot}");
    // China→Pakistan commitments are stated several times and drawn once, with the count
    let lines: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains("label=\"Commitment ×"))
        .collect();
    assert!(!lines.is_empty(), "{dot}");
    let edges: Vec<&str> = lines
        .iter()
        .map(|l| l.split('[').next().unwrap_or("").trim())
        .collect();
    let mut uniq = edges.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), edges.len(), "an edge drawn twice: {edges:?}");
}

#[test]
fn graphml_parses_with_declared_keys() {
    let Some(b) = dev_graph() else { return };
    let (code, out, err) = b.out(&["export", "--format", "graphml"]);
    assert_eq!(code, 0, "{err}");
    let doc = roxmltree::Document::parse(&out).expect("well-formed GraphML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    let keys: Vec<(String, String)> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|k| {
            (
                k.attribute("for").unwrap().to_string(),
                k.attribute("attr.name").unwrap().to_string(),
            )
        })
        .collect();
    for (f, name) in [
        ("node", "name"),
        ("node", "kind"),
        ("node", "code"),
        ("node", "aliases"),
        ("edge", "kind"),
        ("edge", "cameo"),
        ("edge", "weight"),
        ("edge", "date"),
        ("edge", "evidence"),
    ] {
        assert!(
            keys.contains(&(f.to_string(), name.to_string())),
            "key {f}/{name} in {keys:?}"
        );
    }
    let declared: Vec<&str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .filter_map(|k| k.attribute("id"))
        .collect();
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    let nodes: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    let stats = b.json(&["stats"]);
    assert_eq!(Some(nodes.len() as u64), stats["entities"].as_u64());
    assert_eq!(Some(edges.len() as u64), stats["edges"].as_u64());
    let ids: Vec<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    for e in &edges {
        assert!(
            ids.contains(&e.attribute("source").unwrap())
                && ids.contains(&e.attribute("target").unwrap())
        );
        for d in e.children().filter(|n| n.has_tag_name("data")) {
            assert!(declared.contains(&d.attribute("key").unwrap()));
        }
    }
    let china = nodes
        .iter()
        .find(|n| n.attribute("id") == Some("country:china"))
        .unwrap();
    let code = china
        .children()
        .find(|d| d.attribute("key") == Some("code"))
        .unwrap();
    assert_eq!(code.text(), Some("CHN"));
    // quotes in evidence sentences survive escaping
    assert!(edges.iter().any(|e| e.children().any(
        |d| d.attribute("key") == Some("evidence") && d.text().is_some_and(|t| t.contains('"'))
    )));
}

/// Splits one CSV line into fields (RFC 4180 quoting, no line breaks).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let (mut quoted, mut chars) = (false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn neo4j_csv_headers_and_rows() {
    let Some(b) = dev_graph() else { return };
    let dir = b.dir.path().join("neo4j");
    let (code, _, err) = b.out(&["export", "--format", "csv", "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let nodes = read(&dir.join("nodes.csv"));
    let rels = read(&dir.join("relationships.csv"));
    let nh = fields(nodes.lines().next().unwrap());
    assert_eq!(
        &nh[..5],
        ["id:ID", "name", "kind:LABEL", "code", "aliases:string[]"]
    );
    let rh = fields(rels.lines().next().unwrap());
    assert_eq!(
        &rh[..7],
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "cameo",
            "weight:int",
            "date",
            "first_date"
        ]
    );
    assert!(rh.contains(&"evidence".to_string()));
    let ids: Vec<String> = nodes
        .lines()
        .skip(1)
        .map(|l| fields(l)[0].clone())
        .collect();
    for l in nodes.lines().skip(1) {
        assert_eq!(fields(l).len(), nh.len(), "{l}");
    }
    let ev = rh.iter().position(|h| h == "evidence").unwrap();
    let mut quoted = false;
    for l in rels.lines().skip(1) {
        let f = fields(l);
        assert_eq!(f.len(), rh.len(), "{l}");
        assert!(
            ids.contains(&f[0]) && ids.contains(&f[1]),
            "ends are node ids: {l}"
        );
        assert!(
            f[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'),
            "{}",
            f[2]
        );
        assert!(f[4].parse::<u32>().unwrap() >= 1);
        quoted |= f[ev].contains('"') || f[ev].contains(',');
    }
    assert!(quoted, "some evidence needed quoting and round-tripped");
    assert_eq!(
        rels.lines().count() - 1,
        b.json(&["stats"])["edges"].as_u64().unwrap() as usize
    );
    // without --out there is no folder to write to
    assert_eq!(b.out(&["export", "--format", "csv"]).0, 2);
}

#[test]
fn focus_kind_dates_and_between_filter_every_format() {
    let Some(b) = dev_graph() else { return };
    let json = |args: &[&str]| -> serde_json::Value {
        let (code, out, err) = b.out(&[&["export", "--format", "json"], args].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap()
    };
    let all = json(&[]);
    let ego = json(&["--focus", "Qin Gang"]);
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    let ego_ids = ids(&ego);
    assert!(ego_ids.contains(&"person:qin-gang".to_string()) && ego_ids.len() < ids(&all).len());
    assert!(
        !ego_ids.contains(&"country:india".to_string()),
        "India is more than one step from Qin Gang"
    );
    for e in ego["edges"].as_array().unwrap() {
        assert!(ego_ids.contains(&e["source"].as_str().unwrap().to_string()));
    }
    let ego2 = json(&["--focus", "Qin Gang", "--depth", "2"]);
    assert!(ids(&ego2).len() > ego_ids.len());
    let crit = json(&["--kind", "criticism"]);
    assert!(crit["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] == "Criticism"));
    assert!(!crit["edges"].as_array().unwrap().is_empty());
    let old = json(&["--until", "2015-12-31"]);
    for e in old["edges"].as_array().unwrap() {
        assert!(
            e["date"].is_null() || e["date"].as_str().unwrap() <= "2015-12-31",
            "{e}"
        );
    }
    let bi = json(&["--between", "India", "Pakistan"]);
    let bi_ids = ids(&bi);
    assert!(
        bi_ids.contains(&"country:india".to_string())
            && !bi_ids.contains(&"country:china".to_string()),
        "{bi_ids:?}"
    );
    // filters apply to other formats too
    let (_, dot, _) = b.out(&["export", "--format", "dot", "--focus", "Qin Gang"]);
    assert!(dot.contains("Qin Gang") && !dot.contains("Narendra Modi"));
    let (_, gml, _) = b.out(&["export", "--format", "graphml", "--kind", "meeting"]);
    let doc = roxmltree::Document::parse(&gml).unwrap();
    assert!(doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("e_kind"))
        .all(|d| d.text() == Some("Meeting")));
    // nothing selected: exit 1; unknown focus: exit 1 with suggestions
    assert_eq!(
        b.out(&["export", "--kind", "agreement", "--since", "2030-01-01"])
            .0,
        1
    );
    let (code, _, err) = b.out(&["export", "--focus", "Qin Gan"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("did you mean") && err.contains("Qin Gang"),
        "{err}"
    );
}

#[test]
fn svg_when_graphviz_is_installed() {
    let b = seed_graph();
    let has_dot = std::process::Command::new("dot").arg("-V").output().is_ok();
    let out = b.dir.path().join("g.svg");
    let (code, _, err) = b.out(&[
        "export",
        "--format",
        "svg",
        "--focus",
        "China",
        "--out",
        out.to_str().unwrap(),
    ]);
    if has_dot {
        assert_eq!(code, 0, "{err}");
        let svg = read(&out);
        assert!(svg.contains("<svg") && svg.contains("China"), "{svg}");
    } else {
        eprintln!(
            "note: Graphviz's dot is not installed: checking the install hint instead of the SVG"
        );
        assert_eq!(code, 2);
        assert!(err.contains("apt-get install graphviz"), "{err}");
        assert!(!out.exists());
    }
}

#[test]
fn svg_without_graphviz_says_how_to_install() {
    let b = seed_graph();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
        .args([
            "--graph",
            b.graph.to_str().unwrap(),
            "export",
            "--format",
            "svg",
        ])
        .env("TIES_DOT", "/nonexistent/dot")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("apt-get install graphviz"));
}
