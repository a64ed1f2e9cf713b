//! Graphviz DOT export through dot-writer: shape and colour by node kind,
//! colour and style by edge kind, labels with kind, count and date, a legend.
//! dot-writer escapes nothing: every label goes through [`escape`].

use super::source::Source;
use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::{EdgeKind, EntityKind};
use dot_writer::{Attributes, DotWriter, Scope};
use std::collections::{BTreeSet, HashMap};

/// How a drawing is dressed: a title above it, a legend of the kinds it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawing {
    /// The graph's label, drawn at the top (`China ↔ Pakistan, 2013-03-21 – 2023-05-06`).
    pub title: Option<String>,
    /// Whether a legend of the entity and edge kinds present is drawn.
    pub legend: bool,
}

impl Default for Drawing {
    fn default() -> Drawing {
        Drawing {
            title: None,
            legend: true,
        }
    }
}

/// The widest line an edge is drawn with, however often it was stated.
pub const MAX_PENWIDTH: f64 = 6.0;

/// The line width of an edge stated `count` times: 1 + log2(count), capped at
/// [`MAX_PENWIDTH`]; Role and LocatedIn are facts about one side, drawn thin
/// whatever their count.
pub fn penwidth(kind: EdgeKind, count: usize) -> f64 {
    if !kind.is_event() {
        return 0.5;
    }
    (1.0 + (count.max(1) as f64).log2()).min(MAX_PENWIDTH)
}

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

/// The colour and line style of an edge kind, in drawings and charts.
pub(crate) fn edge_style(k: EdgeKind) -> (&'static str, &'static str) {
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

/// What a drawing shows of a node.
struct DNode<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
    code: Option<&'a str>,
}

/// What a drawing shows of an edge: its ends as positions among the nodes,
/// how many times it was stated, its latest date and first sentence.
struct DEdge<'a> {
    source: usize,
    target: usize,
    kind: EdgeKind,
    weight: usize,
    latest: Option<crate::text::date::Date>,
    first: Option<&'a str>,
}

/// The graph as DOT text, with a legend and no title.
pub fn to_dot(g: &Graph) -> Vec<u8> {
    to_dot_drawn(g, &Drawing::default())
}

/// The graph as DOT text, dressed as `how` says.
pub fn to_dot_drawn(g: &Graph, how: &Drawing) -> Vec<u8> {
    let order = g.nodes();
    let at: HashMap<NodeId, usize> = order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let nodes: Vec<DNode> = order
        .iter()
        .map(|&n| {
            let node = g.node(n);
            DNode {
                id: &node.id,
                name: &node.name,
                kind: node.kind,
                code: node.code.as_deref(),
            }
        })
        .collect();
    let edges = g.edges().into_iter().map(|(s, t, e)| DEdge {
        source: at[&s],
        target: at[&t],
        kind: e.kind,
        weight: e.weight(),
        latest: e.latest(),
        first: e.occurrences.first().map(|o| o.evidence.text.as_str()),
    });
    draw(&nodes, edges, how)
}

/// The DOT text of a whole graph file from its skeleton and each edge's
/// first sentence (see [`crate::store::read_first_sentences`]): the bytes
/// [`to_dot`] gives for the loaded graph, without its evidence in memory.
pub fn skeleton_to_dot(sk: &Skeleton, first: &[Option<String>]) -> Vec<u8> {
    let nodes: Vec<DNode> = sk
        .nodes
        .iter()
        .map(|n| DNode {
            id: &n.id,
            name: &n.name,
            kind: n.kind,
            code: n.code.as_deref(),
        })
        .collect();
    let edges = sk.edges.iter().enumerate().map(|(i, e)| DEdge {
        source: e.source as usize,
        target: e.target as usize,
        kind: e.kind,
        weight: e.weight(),
        latest: e.dates.last().map(|d| d.0),
        first: first.get(i).and_then(|f| f.as_deref()),
    });
    draw(&nodes, edges, &Drawing::default())
}

/// The DOT text of any [`Source`] (a selection read from the cache, say),
/// dressed as `how` says, read edge by edge: of each edge only its
/// [`Summary`](super::source::Summary) is kept. The bytes [`to_dot_drawn`]
/// gives for the same graph.
pub fn source_to_dot(src: &dyn Source, how: &Drawing) -> std::io::Result<Vec<u8>> {
    let rows = src.rows();
    let at: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let nodes: Vec<DNode> = rows
        .iter()
        .map(|n| DNode {
            id: n.id,
            name: n.name,
            kind: n.kind,
            code: n.code,
        })
        .collect();
    let mut kept = Vec::new();
    src.each_summary(&mut |s, t, e| {
        let end = |id: &str| {
            at.get(id).copied().ok_or_else(|| {
                std::io::Error::other(format!("edge end {id} is not among the nodes"))
            })
        };
        let first = e.first.as_ref().map(|o| o.evidence.text.clone());
        kept.push((end(s)?, end(t)?, e.kind, e.weight, e.latest, first));
        Ok(())
    })?;
    let edges = kept.iter().map(|k| DEdge {
        source: k.0,
        target: k.1,
        kind: k.2,
        weight: k.3,
        latest: k.4,
        first: k.5.as_deref(),
    });
    Ok(draw(&nodes, edges, how))
}

/// The drawing of `nodes` and `edges`, with its title and legend.
fn draw<'a>(nodes: &[DNode], edges: impl Iterator<Item = DEdge<'a>>, how: &Drawing) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = DotWriter::from(&mut out);
        w.set_pretty_print(true);
        let mut d = w.digraph();
        d.set("rankdir", "LR", false);
        if let Some(title) = &how.title {
            d.set("label", &escape(title), false)
                .set("labelloc", "t", false)
                .set("fontname", "Helvetica", true)
                .set("fontsize", "16", false);
        }
        d.node_attributes()
            .set("style", "filled", false)
            .set("fontname", "Helvetica", true);
        d.edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "10", false);
        write_nodes(&mut d, nodes);
        let kinds = write_edges(&mut d, edges);
        if how.legend {
            let shown: BTreeSet<EntityKind> = nodes.iter().map(|n| n.kind).collect();
            write_legend(&mut d, &shown, &kinds);
        }
    }
    out
}

/// One DOT node per entity, `n0`, `n1`... in the given order.
fn write_nodes(d: &mut Scope, nodes: &[DNode]) {
    for (i, node) in nodes.iter().enumerate() {
        let (shape, color) = node_style(node.kind);
        let label = match node.code {
            Some(c) => format!("{}\n{}", node.name, c),
            None => node.name.to_string(),
        };
        d.node_named(format!("n{i}"))
            .set("label", &escape(&label), false)
            .set("shape", shape, false)
            .set("fillcolor", &escape(color), false)
            .set(
                "tooltip",
                &escape(&format!("{} ({})", node.id, node.kind)),
                false,
            );
    }
}

/// One DOT edge per edge: kind, count and latest date as label, width by
/// count ([`penwidth`]); the kinds drawn.
fn write_edges<'a>(d: &mut Scope, edges: impl Iterator<Item = DEdge<'a>>) -> BTreeSet<EdgeKind> {
    let mut kinds = BTreeSet::new();
    for e in edges {
        kinds.insert(e.kind);
        let (color, style) = edge_style(e.kind);
        let mut label = e.kind.to_string();
        if e.weight > 1 {
            label.push_str(&format!(" ×{}", e.weight));
        }
        if let Some(date) = e.latest {
            label.push_str(&format!("\n{date}"));
        }
        let a = d.edge(format!("n{}", e.source), format!("n{}", e.target));
        let mut attrs = a.attributes();
        attrs
            .set("label", &escape(&label), false)
            .set("color", &escape(color), false)
            .set("fontcolor", &escape(color), false)
            .set("style", style, false)
            .set(
                "penwidth",
                &format!("{:.1}", penwidth(e.kind, e.weight)),
                false,
            );
        if !e.kind.is_directed() {
            attrs.set("dir", "none", false);
        }
        if let Some(text) = e.first {
            attrs.set("tooltip", &escape(text), false);
        }
    }
    kinds
}

/// A legend cluster: the shape of each entity kind and the line of each edge
/// kind the drawing shows.
fn write_legend(d: &mut Scope, nodes: &BTreeSet<EntityKind>, edges: &BTreeSet<EdgeKind>) {
    // a cluster of its own: under a `rank=sink` subgraph Graphviz would
    // drop the cluster's frame and label
    let mut cl = d.cluster();
    cl.set("label", "\"Legend\"", false);
    cl.set("style", "dashed", false);
    for (i, k) in EntityKind::ALL.iter().enumerate() {
        if !nodes.contains(k) {
            continue;
        }
        let (shape, color) = node_style(*k);
        cl.node_named(format!("legend_n{i}"))
            .set("label", &escape(&k.to_string()), false)
            .set("shape", shape, false)
            .set("fillcolor", &escape(color), false);
    }
    for (i, k) in EdgeKind::ALL.iter().enumerate() {
        if !edges.contains(k) {
            continue;
        }
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
