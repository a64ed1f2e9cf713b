//! The shortest chain of edges between two entities.

use super::*;
use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::EdgeKind;
use crate::text::date::Date;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// One step of a path, in the edge's own direction.
///
/// JSON (`ties path --json` prints a list): `{source, target, kind, date, sentence,
/// source_id, target_id, article, sentence_index, start, end}` (`article` and the
/// span null when the step has no statement).
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Name of the edge's source entity.
    pub source: String,
    /// Name of the edge's target entity.
    pub target: String,
    /// What the edge says.
    pub kind: EdgeKind,
    /// Date of the edge's latest statement within the filter, if dated.
    pub date: Option<Date>,
    /// The sentence of that statement; empty when there is none.
    pub sentence: String,
    /// Id of the edge's source entity.
    pub source_id: String,
    /// Id of the edge's target entity.
    pub target_id: String,
    /// Id of the article of that statement.
    pub article: Option<String>,
    /// Index of its sentence in the article, from 0.
    pub sentence_index: Option<usize>,
    /// Byte offset of the sentence in the article's text.
    pub start: Option<usize>,
    /// Byte offset just past the sentence.
    pub end: Option<usize>,
}

/// The edges (indices into `sk.edges`) of the shortest chain from `a` to
/// `b`, last edge first, found on the skeleton alone: breadth first, each
/// node's edges in file order, an edge passing when its kind does and a
/// statement of it falls within the dates. [`path`] runs this search, and
/// [`path_steps`] gives its steps from a graph holding just these edges.
pub fn path_edges_in(sk: &Skeleton, a: u32, b: u32, f: &Filter) -> Option<Vec<usize>> {
    let mut prev: HashMap<u32, (u32, usize)> = HashMap::new();
    let mut q = VecDeque::from([a]);
    let mut seen = BTreeSet::from([a]);
    while let Some(at) = q.pop_front() {
        if at == b {
            break;
        }
        for i in sk.incident_at(at) {
            let e = &sk.edges[i];
            if !f.kind(e.kind) || e.within(f).0 == 0 {
                continue;
            }
            let other = if e.source == at { e.target } else { e.source };
            if seen.insert(other) {
                prev.insert(other, (at, i));
                q.push_back(other);
            }
        }
    }
    if a != b && !prev.contains_key(&b) {
        return None;
    }
    let mut edges = Vec::new();
    let mut at = b;
    while at != a {
        let (from, i) = *prev.get(&at)?;
        edges.push(i);
        at = from;
    }
    Some(edges)
}

/// The shortest chain of edges (either direction) from `a` to `b`, each
/// step with its latest statement within the dates.
pub fn path(g: &Graph, a: NodeId, b: NodeId, f: &Filter) -> Option<Vec<Step>> {
    let sk = Skeleton::of(g);
    let at = |n: NodeId| sk.node_by_id(&g.node(n).id);
    let edges = path_edges_in(&sk, at(a)?, at(b)?, f)?;
    path_steps(g, &sk, &edges, f)
}

/// The steps of a path whose edges [`path_edges_in`] found on `sk`, their
/// statements taken from `g`, which holds at least those edges (the whole
/// graph, or only them as read from the cache).
pub fn path_steps(g: &Graph, sk: &Skeleton, edges: &[usize], f: &Filter) -> Option<Vec<Step>> {
    let node = |i: u32| g.node_by_id(&sk.nodes.get(i as usize)?.id);
    let mut steps = Vec::new();
    // the edges come from the end of the path back to its start
    for &i in edges.iter().rev() {
        let e = sk.edges.get(i)?;
        let (s, t) = (node(e.source)?, node(e.target)?);
        let occ = g.edge_index(s, t, e.kind).and_then(|ei| {
            g.g[ei]
                .occurrences
                .iter()
                .filter(|o| f.occurrence(o))
                .max_by_key(|o| o.date)
        });
        steps.push(Step {
            source: g.node(s).name.clone(),
            target: g.node(t).name.clone(),
            kind: e.kind,
            date: occ.and_then(|o| o.date),
            sentence: occ.map(|o| o.evidence.text.clone()).unwrap_or_default(),
            source_id: g.node(s).id.clone(),
            target_id: g.node(t).id.clone(),
            article: occ.map(|o| o.evidence.article.clone()),
            sentence_index: occ.map(|o| o.evidence.sentence),
            start: occ.map(|o| o.evidence.start),
            end: occ.map(|o| o.evidence.end),
        });
    }
    Some(steps)
}
