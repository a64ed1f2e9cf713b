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
    /// Name of the source entity.
    pub source: String,
    /// Name of the target entity.
    pub target: String,
    /// What the edge says (an event kind, not Role or LocatedIn).
    pub kind: EdgeKind,
    /// How many times it was stated.
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
    /// How many articles the graph was built from.
    pub articles: usize,
    /// How many nodes it has.
    pub entities: usize,
    /// How many edges it has (one per kind and pair).
    pub edges: usize,
    /// How many times all edges were stated, together.
    pub statements: usize,
    /// The earliest article date, if any article is dated.
    pub first_date: Option<Date>,
    /// The latest article date, if any article is dated.
    pub last_date: Option<Date>,
    /// How many nodes of each kind.
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    /// How many edges of each kind.
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    /// The `top` entities with most edges, as `ties entities` sorts them.
    pub most_connected: Vec<EntityRow>,
    /// The `top` event edges stated most often, heaviest first.
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
            let (s, t) = sk.ends(e);
            strongest.push(Tie {
                source: s.name.clone(),
                target: t.name.clone(),
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
