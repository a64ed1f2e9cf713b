//! End to end on the seed article (a copy lives in seeds/): the facts the
//! extraction contract implies must be in the graph, with their evidence.

use std::collections::BTreeSet;
use ties::{Article, EdgeKind, Extractor, Graph};

const SEED: &str = include_str!("../../seeds/000_186ee53d8d80909e.txt");

fn graph() -> Graph {
    let ex = Extractor::new().unwrap();
    let a = Article::parse("000_186ee53d8d80909e", SEED).unwrap();
    let mut g = Graph::new();
    g.add_extraction(&ex.extract(&a));
    g
}

fn edges(g: &Graph) -> BTreeSet<(String, EdgeKind, String)> {
    g.edges()
        .into_iter()
        .map(|(s, t, e)| (g.node(s).name.clone(), e.kind, g.node(t).name.clone()))
        .collect()
}

fn has(g: &Graph, s: &str, k: EdgeKind, t: &str) -> bool {
    let e = edges(g);
    e.contains(&(s.into(), k, t.into()))
        || (!k.is_directed() && e.contains(&(t.into(), k, s.into())))
}

#[test]
fn meeting_of_alvi_and_qin_on_may_5_in_islamabad() {
    let g = graph();
    let (s, t, e) = g
        .edges()
        .into_iter()
        .find(|(s, t, e)| {
            e.kind == EdgeKind::Meeting
                && [g.node(*s).name.as_str(), g.node(*t).name.as_str()] == ["Arif Alvi", "Qin Gang"]
        })
        .expect("meeting Arif Alvi - Qin Gang");
    assert_eq!(g.node(s).id, "person:arif-alvi");
    assert_eq!(g.node(t).id, "person:qin-gang");
    let dates: BTreeSet<String> = e
        .occurrences
        .iter()
        .filter_map(|o| o.date)
        .map(|d| d.to_string())
        .collect();
    assert!(dates.contains("2023-05-05"), "{dates:?}");
    assert!(e
        .occurrences
        .iter()
        .any(|o| o.place.as_deref() == Some("place:islamabad")));
    assert_eq!(e.cameo(), "040");
}

#[test]
fn roles_of_both_people() {
    let g = graph();
    let roles: BTreeSet<(String, String, String)> = g
        .edges()
        .into_iter()
        .filter(|(_, _, e)| e.kind == EdgeKind::Role)
        .flat_map(|(s, t, e)| {
            e.occurrences
                .iter()
                .map(|o| {
                    (
                        g.node(s).name.clone(),
                        o.role.clone().unwrap_or_default(),
                        g.node(t).name.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        roles.contains(&("Arif Alvi".into(), "President".into(), "Pakistan".into())),
        "{roles:?}"
    );
    assert!(
        roles.contains(&(
            "Qin Gang".into(),
            "State Councilor and Foreign Minister".into(),
            "China".into()
        )),
        "{roles:?}"
    );
}

#[test]
fn stances_the_contract_names() {
    let g = graph();
    for (s, k, t) in [
        ("Pakistan", EdgeKind::Support, "China"),
        ("Pakistan", EdgeKind::Support, "one-China policy"),
        ("China", EdgeKind::Support, "Pakistan"),
        ("Pakistan", EdgeKind::Commitment, "China"),
        ("China", EdgeKind::Commitment, "Pakistan"),
        ("Pakistan", EdgeKind::Praise, "China"),
        ("Qin Gang", EdgeKind::Visit, "Pakistan"),
    ] {
        assert!(
            has(&g, s, k, t),
            "missing {s} {k} {t}; have {:#?}",
            edges(&g)
        );
    }
}

#[test]
fn reported_stances_keep_their_speaker() {
    let g = graph();
    let china = g.lookup("China").unwrap();
    let pak = g.lookup("Pakistan").unwrap();
    let e = g
        .edges()
        .into_iter()
        .find(|(s, t, e)| *s == china && *t == pak && e.kind == EdgeKind::Commitment)
        .unwrap()
        .2;
    assert!(e
        .occurrences
        .iter()
        .any(|o| o.speaker.as_deref() == Some("person:qin-gang")));
    // the evidence is the sentence itself, at its byte span
    for o in &e.occurrences {
        assert_eq!(&SEED[o.evidence.start..o.evidence.end], o.evidence.text);
    }
}

#[test]
fn nothing_from_the_photo_credit() {
    let g = graph();
    for n in g.nodes() {
        let node = g.node(n);
        assert!(!node.name.contains("Kamal"), "credit became {node:?}");
    }
    // the caption's only people are the two who met
    let people: BTreeSet<&str> = g
        .nodes()
        .into_iter()
        .map(|n| g.node(n))
        .filter(|n| n.kind == ties::EntityKind::Person)
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(people, BTreeSet::from(["Arif Alvi", "Qin Gang"]));
}

#[test]
fn aliases_merge_into_one_node() {
    let g = graph();
    let pak = g.node(g.lookup("the Pakistani side").unwrap());
    assert_eq!(pak.name, "Pakistan");
    assert_eq!(pak.code.as_deref(), Some("PAK"));
    assert_eq!(
        g.node(g.lookup("cpec").unwrap()).name,
        "China-Pakistan Economic Corridor"
    );
    assert_eq!(g.node(g.lookup("Qin").unwrap()).name, "Qin Gang");
}

#[test]
fn building_the_same_article_twice_adds_nothing() {
    let mut g = graph();
    let before = g.to_ron();
    let ex = Extractor::new().unwrap();
    g.add_extraction(&ex.extract(&Article::parse("000_186ee53d8d80909e", SEED).unwrap()));
    assert_eq!(g.to_ron(), before);
}

#[test]
fn ron_round_trip_is_exact() {
    let g = graph();
    let text = g.to_ron();
    let back = Graph::from_ron(&text, std::path::Path::new("mem.ron")).unwrap();
    assert_eq!(back.to_ron(), text);
    assert_eq!(back.node_count(), g.node_count());
    assert_eq!(back.edge_count(), g.edge_count());
    // our own format: string ids, no petgraph internals
    assert!(text.contains("\"country:china\""));
    assert!(!text.contains("edge_property"));
}

#[test]
fn dot_output_is_accepted_by_graphviz() {
    let g = graph();
    let dot = ties::export::dot::to_dot(&g);
    let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!(
            "note: Graphviz `dot` is not installed; DOT not checked (apt-get install graphviz)"
        );
        return;
    };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot refused: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}
