//! JSON export: `{"nodes": [{id, name, kind, aliases, code}], "edges":
//! [{source, target, kind, cameo, date, speaker, place, topics, planned,
//! former, role, weight, evidence: [{article, sentence, start, end, text}]}]}`.
//! `date` is the latest occurrence's, `topics` all of them, `planned` and
//! `former` true only when every occurrence says so. `weight` counts
//! statements (one story printed by several outlets once); `evidence` lists
//! every sentence, each statement's copies after it.

use super::source::Source;
use crate::graph::{Edge, Graph, Occurrence};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

/// The graph as JSON `Value`.
pub fn to_value(g: &Graph) -> Value {
    let nodes: Vec<Value> = g
        .nodes()
        .into_iter()
        .map(|n| {
            let node = g.node(n);
            json!({
                "id": node.id,
                "name": node.name,
                "kind": node.kind,
                "aliases": node.aliases,
                "code": node.code,
            })
        })
        .collect();
    let edges: Vec<Value> = g
        .edges()
        .into_iter()
        .map(|(s, t, e)| {
            let latest = e.occurrences.iter().max_by_key(|o| o.date);
            let mut topics: Vec<&String> = e.occurrences.iter().flat_map(|o| &o.topics).collect();
            topics.sort();
            topics.dedup();
            json!({
                "source": g.node(s).id,
                "target": g.node(t).id,
                "kind": e.kind,
                "cameo": e.cameo(),
                "date": e.latest(),
                "speaker": latest.and_then(|o| o.speaker.clone()),
                "place": latest.and_then(|o| o.place.clone()),
                "topics": topics,
                "planned": e.occurrences.iter().all(|o| o.planned),
                "former": e.occurrences.iter().all(|o| o.former),
                "role": latest.and_then(|o| o.role.clone()),
                "weight": e.weight(),
                "evidence": e.occurrences.iter().flat_map(Occurrence::evidences).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

/// The graph as pretty JSON text: the text of [`to_value`], written by
/// [`write_json`].
pub fn to_json(g: &Graph) -> String {
    let mut out = Vec::new();
    // writing to memory cannot fail, and serde_json writes UTF-8
    let _ = write_json(g, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the graph as pretty JSON, the bytes [`to_value`] gives, edge by
/// edge: nothing is copied but one edge's fields at a time (the `Value` of
/// a large graph is several times the graph).
pub fn write_json(g: &Graph, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_source(g, w)
}

/// Writes the JSON text of any [`Source`] to `w`, edge by edge: only one
/// edge's evidence is held at a time (a cached graph file's is read then).
pub fn write_source(src: &dyn Source, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *w);
    JGraph(src).serialize(&mut ser)?;
    w.write_all(b"\n")
}

struct JGraph<'a>(&'a dyn Source);

impl Serialize for JGraph<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("graph", 2)?;
        m.serialize_field("edges", &Edges(self.0))?;
        let nodes: Vec<JNode> = self
            .0
            .rows()
            .into_iter()
            .map(|n| JNode {
                aliases: n.aliases,
                code: n.code,
                id: n.id,
                kind: n.kind,
                name: n.name,
            })
            .collect();
        m.serialize_field("nodes", &nodes)?;
        m.end()
    }
}

#[derive(Serialize)]
struct JNode<'a> {
    aliases: Vec<&'a str>,
    code: Option<&'a str>,
    id: &'a str,
    kind: crate::model::EntityKind,
    name: &'a str,
}

struct Edges<'a>(&'a dyn Source);

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        let mut failed: Option<S::Error> = None;
        let read = self.0.each_edge(&mut |a, b, e| {
            seq.serialize_element(&JEdge::of(a, b, e)).map_err(|err| {
                failed = Some(err);
                std::io::Error::other("serializing failed")
            })
        });
        match (failed, read) {
            (Some(err), _) => return Err(err),
            (None, Err(e)) => return Err(S::Error::custom(e)),
            _ => {}
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct JEdge<'a> {
    cameo: &'a str,
    date: Option<crate::text::date::Date>,
    evidence: Vec<JEvidence<'a>>,
    former: bool,
    kind: crate::model::EdgeKind,
    place: Option<&'a str>,
    planned: bool,
    role: Option<&'a str>,
    source: &'a str,
    speaker: Option<&'a str>,
    target: &'a str,
    topics: Vec<&'a String>,
    weight: usize,
}

/// An evidence, fields sorted by name.
#[derive(Serialize)]
struct JEvidence<'a> {
    article: &'a str,
    end: usize,
    sentence: usize,
    start: usize,
    text: &'a str,
}

impl<'a> JEdge<'a> {
    fn of(s: &'a str, t: &'a str, e: &'a Edge) -> JEdge<'a> {
        let latest = e.occurrences.iter().max_by_key(|o| o.date);
        let mut topics: Vec<&String> = e.occurrences.iter().flat_map(|o| &o.topics).collect();
        topics.sort();
        topics.dedup();
        JEdge {
            cameo: e.cameo(),
            date: e.latest(),
            evidence: e
                .occurrences
                .iter()
                .flat_map(Occurrence::evidences)
                .map(|v| JEvidence {
                    article: &v.article,
                    end: v.end,
                    sentence: v.sentence,
                    start: v.start,
                    text: &v.text,
                })
                .collect(),
            former: e.occurrences.iter().all(|o| o.former),
            kind: e.kind,
            place: latest.and_then(|o| o.place.as_deref()),
            planned: e.occurrences.iter().all(|o| o.planned),
            role: latest.and_then(|o| o.role.as_deref()),
            source: s,
            speaker: latest.and_then(|o| o.speaker.as_deref()),
            target: t,
            topics,
            weight: e.weight(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_json_is_the_text_of_the_value() {
        use crate::model::{EdgeKind, EntityKind, EntityRecord, Evidence};
        let mut g = Graph::new();
        assert_eq!(
            to_json(&g),
            format!("{}\n", serde_json::to_string_pretty(&to_value(&g)).unwrap())
        );
        let rec = |id: &str, code: Option<&str>| EntityRecord {
            id: id.into(),
            name: format!("N \"{id}\"\u{1b}"),
            kind: EntityKind::Country,
            aliases: vec!["x".into(), "y".into()],
            code: code.map(str::to_string),
        };
        let a = g.add_entity(&rec("country:a", Some("AAA")), "x1");
        let b = g.add_entity(&rec("country:b", None), "x1");
        for (i, planned) in [(0, true), (1, false)] {
            let occ = crate::graph::Occurrence {
                date: crate::text::date::Date::parse_iso("2024-02-03"),
                speaker: (i == 0).then(|| "country:a".to_string()),
                place: None,
                topics: vec!["t".into(), "a".into()],
                role: Some("r".into()),
                planned,
                former: false,
                cameo: "040".into(),
                evidence: Evidence {
                    article: "x1".into(),
                    sentence: i,
                    start: 3,
                    end: 9,
                    text: format!("some text {i}"),
                },
                copies: Vec::new(),
            };
            g.add_occurrence(a, b, EdgeKind::Praise, occ.clone());
            g.add_occurrence(b, a, EdgeKind::Meeting, occ);
        }
        let want = format!("{}\n", serde_json::to_string_pretty(&to_value(&g)).unwrap());
        assert_eq!(to_json(&g), want);
    }
}
