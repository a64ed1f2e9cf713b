//! Graphviz DOT export through dot-writer: shape and colour by node kind,
//! colour and style by edge kind, labels with kind, count and date, a legend.
//! dot-writer escapes nothing: every label goes through [`escape`].

use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::{EdgeKind, EntityKind};
use dot_writer::{Attributes, DotWriter, Scope};
use std::collections::HashMap;

/// Escapes a label for a double-quoted DOT string: backslash, quote, line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_style(k: EntityKind) -> (&'static str, &'static str) {
    match k {
        EntityKind::Country => ("box", "#9ecae1"),
        EntityKind::Person => ("ellipse", "#fdd0a2"),
        EntityKind::Organization => ("hexagon", "#c7e9c0"),
        EntityKind::Place => ("house", "#d9d9d9"),
        EntityKind::Initiative => ("note", "#dadaeb"),
    }
}

fn edge_style(k: EdgeKind) -> (&'static str, &'static str) {
    match k {
        EdgeKind::Meeting => ("#3182bd", "solid"),
        EdgeKind::Visit => ("#6baed6", "dashed"),
        EdgeKind::Commitment => ("#31a354", "solid"),
        EdgeKind::Support => ("#006d2c", "bold"),
        EdgeKind::Praise => ("#74c476", "dashed"),
        EdgeKind::Agreement => ("#756bb1", "bold"),
        EdgeKind::Criticism => ("#de2d26", "bold"),
        EdgeKind::Role => ("#969696", "dotted"),
        EdgeKind::LocatedIn => ("#bdbdbd", "dotted"),
    }
}

/// The graph as DOT text.
pub fn to_dot(g: &Graph) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = DotWriter::from(&mut out);
        w.set_pretty_print(true);
        let mut d = w.digraph();
        d.set("rankdir", "LR", false);
        d.node_attributes()
            .set("style", "filled", false)
            .set("fontname", "Helvetica", true);
        d.edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "10", false);
        let ids = write_nodes(&mut d, g);
        write_edges(&mut d, g, &ids);
        write_legend(&mut d);
    }
    out
}

/// One DOT node per entity, `n0`, `n1`... in the graph's order; their DOT ids.
fn write_nodes(d: &mut Scope, g: &Graph) -> HashMap<NodeId, String> {
    let mut ids = HashMap::new();
    for (i, n) in g.nodes().iter().enumerate() {
        let node = g.node(*n);
        let id = format!("n{i}");
        ids.insert(*n, id.clone());
        let (shape, color) = node_style(node.kind);
        let label = match &node.code {
            Some(c) => format!("{}\n{}", node.name, c),
            None => node.name.clone(),
        };
        d.node_named(&id)
            .set("label", &escape(&label), false)
            .set("shape", shape, false)
            .set("fillcolor", &escape(color), false)
            .set(
                "tooltip",
                &escape(&format!("{} ({})", node.id, node.kind)),
                false,
            );
    }
    ids
}

/// One DOT edge per edge: kind, count and latest date as label, width by count.
fn write_edges(d: &mut Scope, g: &Graph, ids: &HashMap<NodeId, String>) {
    for (s, t, e) in g.edges() {
        let (color, style) = edge_style(e.kind);
        let mut label = e.kind.to_string();
        if e.weight() > 1 {
            label.push_str(&format!(" ×{}", e.weight()));
        }
        if let Some(date) = e.latest() {
            label.push_str(&format!("\n{date}"));
        }
        let a = d.edge(&ids[&s], &ids[&t]);
        let mut attrs = a.attributes();
        attrs
            .set("label", &escape(&label), false)
            .set("color", &escape(color), false)
            .set("fontcolor", &escape(color), false)
            .set("style", style, false)
            .set(
                "penwidth",
                &format!("{:.1}", 1.0 + (e.weight() as f64).ln()),
                false,
            );
        if !e.kind.is_directed() {
            attrs.set("dir", "none", false);
        }
        if let Some(o) = e.occurrences.first() {
            attrs.set("tooltip", &escape(&o.evidence.text), false);
        }
    }
}

/// A legend cluster: every entity kind's shape and every edge kind's line.
fn write_legend(d: &mut Scope) {
    let mut legend = d.subgraph();
    legend.set("label", "\"Legend\"", false);
    legend.set("rank", "sink", false);
    let mut cl = legend.cluster();
    cl.set("label", "\"Legend\"", false);
    cl.set("style", "dashed", false);
    for (i, k) in EntityKind::ALL.iter().enumerate() {
        let (shape, color) = node_style(*k);
        cl.node_named(format!("legend_n{i}"))
            .set("label", &escape(&k.to_string()), false)
            .set("shape", shape, false)
            .set("fillcolor", &escape(color), false);
    }
    for (i, k) in EdgeKind::ALL.iter().enumerate() {
        let (color, style) = edge_style(*k);
        cl.node_named(format!("legend_a{i}"))
            .set("shape", "point", false)
            .set("style", "invis", false);
        cl.node_named(format!("legend_b{i}"))
            .set("shape", "point", false)
            .set("style", "invis", false);
        cl.edge(format!("legend_a{i}"), format!("legend_b{i}"))
            .attributes()
            .set("label", &escape(&k.to_string()), false)
            .set("color", &escape(color), false)
            .set("style", style, false);
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_quotes_backslashes_newlines() {
        assert_eq!(escape("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(escape("x\u{7}y"), "\"x y\"");
    }
}
