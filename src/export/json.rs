//! JSON export: `{"nodes": [{id, name, kind, aliases, code}], "edges":
//! [{source, target, kind, cameo, date, speaker, place, topics, planned,
//! former, role, weight, evidence: [{article, sentence, start, end, text}]}]}`.
//! `date` is the latest occurrence's, `topics` all of them, `planned` and
//! `former` true only when every occurrence says so.

use crate::graph::Graph;
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
                "evidence": e.occurrences.iter().map(|o| &o.evidence).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

/// The graph as pretty JSON text.
pub fn to_json(g: &Graph) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(g)).unwrap_or_default();
    s.push('\n');
    s
}
