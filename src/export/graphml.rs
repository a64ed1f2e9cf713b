//! GraphML export for Gephi, yEd, NetworkX and Cytoscape: node attributes
//! `label, name, kind, code, aliases, articles`; edge attributes `label, kind, cameo,
//! weight, date, first_date, directed, article, evidence`, all declared as `<key>`s.
//! Node ids are entity ids (`country:china`); the graph is directed and
//! undirected kinds (Meeting, Agreement) carry `directed = false`.

use super::source::{Source, Summary};
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
    let mut out = Vec::new();
    // writing to memory cannot fail; the text is UTF-8
    let _ = write_graphml(g, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the GraphML document of any [`Source`] to `w`, edge by edge.
pub fn write_graphml(src: &dyn Source, w: &mut dyn std::io::Write) -> std::io::Result<()> {
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
    for node in src.rows() {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(node.id));
        data(&mut out, "label", node.name);
        data(&mut out, "name", node.name);
        data(&mut out, "kind", &node.kind.to_string());
        data(&mut out, "code", node.code.unwrap_or(""));
        data(&mut out, "aliases", &node.aliases.join("; "));
        data(&mut out, "articles", &node.articles.to_string());
        out.push_str("    </node>\n");
    }
    w.write_all(out.as_bytes())?;
    let mut i = 0;
    src.each_summary(&mut |s, t, e| {
        out.clear();
        write_edge(&mut out, i, s, t, e);
        i += 1;
        w.write_all(out.as_bytes())
    })?;
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// One `<edge>` element, the `i`th.
fn write_edge(out: &mut String, i: usize, s: &str, t: &str, e: &Summary) {
    let _ = writeln!(
        out,
        "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
        escape(s),
        escape(t)
    );
    let first = e.first.as_deref();
    let date = |d: Option<crate::text::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    data(out, "e_label", &e.kind.to_string());
    data(out, "e_kind", &e.kind.to_string());
    data(out, "cameo", e.cameo());
    data(out, "weight", &e.weight.to_string());
    data(out, "date", &date(e.latest));
    data(out, "first_date", &date(e.earliest));
    data(
        out,
        "directed",
        if e.kind.is_directed() {
            "true"
        } else {
            "false"
        },
    );
    data(
        out,
        "article",
        first.map(|o| o.evidence.article.as_str()).unwrap_or(""),
    );
    data(
        out,
        "evidence",
        first.map(|o| o.evidence.text.as_str()).unwrap_or(""),
    );
    out.push_str("    </edge>\n");
}
