//! The entities around one, up to a depth, with edge counts by kind.

use super::*;
use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Which way edges go from the entity asked about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Edges from the entity, and undirected ones (Meeting, Agreement).
    Out,
    /// Edges to the entity, and undirected ones.
    In,
    /// Edges either way.
    #[default]
    Both,
}

/// One neighbor: the entity, the kinds of edges with their counts, the latest date.
///
/// JSON (`ties neighbors --json` prints a list of these): `{id, name, kind, depth,
/// edges: {"Meeting": n, ..}, latest}`; counts are statements, `latest` `"YYYY-MM-DD"` or null.
#[derive(Clone, Debug, Serialize)]
pub struct Neighbor {
    /// Stable id, `kind:slug` (`country:pakistan`).
    pub id: String,
    /// The entity's name (`Pakistan`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// How many steps away it is, from 1.
    pub depth: usize,
    /// Per edge kind, the statements (within the filter's dates) on the edges
    /// that reach it at its depth.
    pub edges: BTreeMap<EdgeKind, usize>,
    /// The latest date of those statements, if any is dated.
    pub latest: Option<Date>,
}

/// The entities around `n`, up to `depth` steps, sorted by weight then name.
pub fn neighbors(g: &Graph, n: NodeId, f: &Filter, dir: Direction, depth: usize) -> Vec<Neighbor> {
    let sk = Skeleton::of(g);
    match sk.node_by_id(&g.node(n).id) {
        Some(i) => neighbors_in(&sk, i, f, dir, depth),
        None => Vec::new(),
    }
}

/// [`neighbors`] on a graph's skeleton (node `n` a position in it): what a
/// cold `ties neighbors` runs on, without loading any evidence.
pub fn neighbors_in(
    sk: &Skeleton,
    n: u32,
    f: &Filter,
    dir: Direction,
    depth: usize,
) -> Vec<Neighbor> {
    let mut seen: HashMap<u32, usize> = HashMap::from([(n, 0)]);
    let mut rows: BTreeMap<u32, Neighbor> = BTreeMap::new();
    let mut frontier = vec![n];
    for d in 1..=depth.max(1) {
        let mut next = Vec::new();
        for &at in &frontier {
            for e in sk.incident(at) {
                if !f.kind(e.kind) {
                    continue;
                }
                let (count, latest) = e.within(f);
                if count == 0 {
                    continue;
                }
                let out = e.source == at;
                let ok = match dir {
                    Direction::Out => out || !e.kind.is_directed(),
                    Direction::In => !out || !e.kind.is_directed(),
                    Direction::Both => true,
                };
                if !ok {
                    continue;
                }
                let other = if out { e.target } else { e.source };
                if other == n {
                    continue;
                }
                let fresh = !seen.contains_key(&other);
                let od = *seen.entry(other).or_insert(d);
                if fresh {
                    next.push(other);
                }
                if od != d {
                    continue;
                }
                let node = &sk.nodes[other as usize];
                let row = rows.entry(other).or_insert_with(|| Neighbor {
                    id: node.id.clone(),
                    name: node.name.clone(),
                    kind: node.kind,
                    depth: d,
                    edges: BTreeMap::new(),
                    latest: None,
                });
                *row.edges.entry(e.kind).or_default() += count;
                row.latest = row.latest.max(latest);
            }
        }
        frontier = next;
    }
    let mut v: Vec<Neighbor> = rows.into_values().collect();
    v.sort_by(|a, b| {
        let wa: usize = a.edges.values().sum();
        let wb: usize = b.edges.values().sum();
        a.depth
            .cmp(&b.depth)
            .then(wb.cmp(&wa))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    v
}
