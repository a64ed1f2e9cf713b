//! GraphML export for Gephi, yEd, NetworkX and Cytoscape: node attributes
//! `label, name, kind, code, aliases, articles`; edge attributes `label, kind, cameo,
//! weight, date, first_date, directed, article, evidence`, all declared as `<key>`s.
//! Node ids are entity ids (`country:china`); the graph is directed and
//! undirected kinds (Meeting, Agreement) carry `directed = false`.

use super::xml::escape;
use crate::graph::Graph;
use std::fmt::Write;

/// (key id, for, type) of every attribute written.
const KEYS: [(&str, &str, &str); 15] = [
    ("label", "node", "string"),
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("code", "node", "string"),
    ("aliases", "node", "string"),
    ("articles", "node", "int"),
    ("e_label", "edge", "string"),
    ("e_kind", "edge", "string"),
    ("cameo", "edge", "string"),
    ("weight", "edge", "int"),
    ("date", "edge", "string"),
    ("first_date", "edge", "string"),
    ("directed", "edge", "boolean"),
    ("article", "edge", "string"),
    ("evidence", "edge", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
}

/// The graph as a GraphML document.
pub fn to_graphml(g: &Graph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, ty) in KEYS {
        let name = id.strip_prefix("e_").unwrap_or(id);
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph id=\"ties\" edgedefault=\"directed\">\n");
    for n in g.nodes() {
        let node = g.node(n);
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
        data(&mut out, "label", &node.name);
        data(&mut out, "name", &node.name);
        data(&mut out, "kind", &node.kind.to_string());
        data(&mut out, "code", node.code.as_deref().unwrap_or(""));
        data(
            &mut out,
            "aliases",
            &node.aliases.iter().cloned().collect::<Vec<_>>().join("; "),
        );
        data(&mut out, "articles", &node.articles.len().to_string());
        out.push_str("    </node>\n");
    }
    for (i, (s, t, e)) in g.edges().into_iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            escape(&g.node(s).id),
            escape(&g.node(t).id)
        );
        let first = e.occurrences.first();
        let date =
            |d: Option<crate::text::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        data(&mut out, "e_label", &e.kind.to_string());
        data(&mut out, "e_kind", &e.kind.to_string());
        data(&mut out, "cameo", e.cameo());
        data(&mut out, "weight", &e.weight().to_string());
        data(&mut out, "date", &date(e.latest()));
        data(&mut out, "first_date", &date(e.earliest()));
        data(
            &mut out,
            "directed",
            if e.kind.is_directed() {
                "true"
            } else {
                "false"
            },
        );
        data(
            &mut out,
            "article",
            first.map(|o| o.evidence.article.as_str()).unwrap_or(""),
        );
        data(
            &mut out,
            "evidence",
            first.map(|o| o.evidence.text.as_str()).unwrap_or(""),
        );
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
