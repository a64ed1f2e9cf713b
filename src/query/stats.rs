//! Counts by kind, articles, date range, the most connected entities.

use super::*;
use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// One edge in `ties stats`'s strongest ties: a pair, a kind, how many times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub weight: usize,
}

/// What `ties stats` prints.
///
/// JSON: `{articles, entities, edges, statements, first_date, last_date,
/// entities_by_kind: {"Country": n, ..}, edges_by_kind: {"Meeting": n, ..},
/// most_connected: [EntityRow], strongest: [{source, target, kind, weight}]}`;
/// dates are the range of dated articles, `"YYYY-MM-DD"` or null.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub entities: usize,
    pub edges: usize,
    pub statements: usize,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    pub most_connected: Vec<EntityRow>,
    pub strongest: Vec<Tie>,
}

/// Counts by kind, the article date range, the `top` most connected entities and strongest ties.
pub fn stats(g: &Graph, top: usize) -> Stats {
    stats_in(&Skeleton::of(g), top)
}

/// [`stats`] on a graph's skeleton, which has all it needs.
pub fn stats_in(sk: &Skeleton, top: usize) -> Stats {
    let mut entities_by_kind: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in &sk.nodes {
        *entities_by_kind.entry(n.kind).or_default() += 1;
    }
    let mut edges_by_kind: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    let mut statements = 0;
    let mut strongest = Vec::new();
    for e in &sk.edges {
        *edges_by_kind.entry(e.kind).or_default() += 1;
        statements += e.weight();
        if e.kind.is_event() {
            strongest.push(Tie {
                source: sk.nodes[e.source as usize].name.clone(),
                target: sk.nodes[e.target as usize].name.clone(),
                kind: e.kind,
                weight: e.weight(),
            });
        }
    }
    strongest.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| (&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)))
    });
    strongest.truncate(top);
    let mut most_connected = entities_in(sk, &[], Sort::Degree);
    most_connected.truncate(top);
    Stats {
        articles: sk.articles,
        entities: sk.nodes.len(),
        edges: sk.edges.len(),
        statements,
        first_date: sk.dates.map(|d| d.0),
        last_date: sk.dates.map(|d| d.1),
        entities_by_kind,
        edges_by_kind,
        most_connected,
        strongest,
    }
}
