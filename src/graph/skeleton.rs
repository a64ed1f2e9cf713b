//! The graph's skeleton: every node, and for every edge how many times it was
//! stated on each date, without the evidence. It answers `neighbors` and
//! name lookups, and the cache (the store's cache) holds it in a section of its
//! own, so a cold query reads kilobytes of it, not the whole graph.

use crate::graph::filter::Filter;
use crate::graph::{alias_keys, norm, suggest_among, Edge, Graph};
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A node of the skeleton: the entity, and how many articles name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkNode {
    /// Stable id, `kind:slug` (`country:china`).
    pub id: String,
    /// The node's name (`Qin Gang`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Its other surface forms, sorted.
    pub aliases: Vec<String>,
    /// Alpha-3 code (ISO 3166-1) for a country (`CHN`); `None` for other kinds.
    pub code: Option<String>,
    /// How many articles name it.
    pub articles: usize,
}

/// An edge of the skeleton: its ends (positions in [`Skeleton::nodes`]),
/// kind, and statement counts per date (sorted), plus the undated ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkEdge {
    /// Position of the source node in `Skeleton::nodes`.
    pub source: u32,
    /// Position of the target node in `Skeleton::nodes`.
    pub target: u32,
    /// What the edge says.
    pub kind: EdgeKind,
    /// Each date it was stated for and how many times, sorted by date.
    pub dates: Vec<(Date, u32)>,
    /// How many times it was stated with no date.
    pub undated: u32,
}

impl SkEdge {
    /// The tally of an edge's occurrences, from their dates.
    pub fn of(source: u32, target: u32, e: &Edge) -> SkEdge {
        let mut tally = Tally::default();
        for o in &e.occurrences {
            tally.add(o.date);
        }
        tally.edge(source, target, e.kind)
    }

    /// How many times it was stated.
    pub fn weight(&self) -> usize {
        self.undated as usize + self.dates.iter().map(|d| d.1 as usize).sum::<usize>()
    }

    /// How many statements pass the filter's dates, and the latest of them.
    pub fn within(&self, f: &Filter) -> (usize, Option<Date>) {
        let mut n = self.undated as usize;
        let mut latest = None;
        for &(d, c) in &self.dates {
            if f.date(Some(d)) {
                n += c as usize;
                latest = Some(d);
            }
        }
        (n, latest)
    }
}

/// Counts statements per date while an edge's occurrences go by.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    dates: BTreeMap<Date, u32>,
    undated: u32,
}

impl Tally {
    /// Counts one statement.
    pub fn add(&mut self, d: Option<Date>) {
        match d {
            Some(d) => *self.dates.entry(d).or_default() += 1,
            None => self.undated += 1,
        }
    }

    /// The skeleton edge counted.
    pub fn edge(self, source: u32, target: u32, kind: EdgeKind) -> SkEdge {
        SkEdge {
            source,
            target,
            kind,
            dates: self.dates.into_iter().collect(),
            undated: self.undated,
        }
    }
}

/// Nodes sorted by id and edges sorted by (source id, target id, kind), as
/// the graph file lists them; with lookup tables.
#[derive(Clone, Debug, Default)]
pub struct Skeleton {
    /// How many articles the graph was built from.
    pub articles: usize,
    /// The first and last article date.
    pub dates: Option<(Date, Date)>,
    /// Every node, sorted by id.
    pub nodes: Vec<SkNode>,
    /// Every edge, sorted by (source id, target id, kind).
    pub edges: Vec<SkEdge>,
    /// Per node, the edges touching it, in edge order.
    incident: Vec<Vec<u32>>,
    by_id: HashMap<String, u32>,
    by_alias: HashMap<(EntityKind, String), u32>,
}

impl Skeleton {
    /// The nodes at the two ends of edge `e`: its source and its target.
    pub fn ends(&self, e: &SkEdge) -> (&SkNode, &SkNode) {
        (
            &self.nodes[e.source as usize],
            &self.nodes[e.target as usize],
        )
    }

    /// The skeleton from its parts (nodes sorted by id, edges in file order).
    pub fn new(
        articles: usize,
        dates: Option<(Date, Date)>,
        nodes: Vec<SkNode>,
        edges: Vec<SkEdge>,
    ) -> Skeleton {
        let mut incident = vec![Vec::new(); nodes.len()];
        for (i, e) in edges.iter().enumerate() {
            for end in [e.source, e.target] {
                if let Some(v) = incident.get_mut(end as usize) {
                    v.push(i as u32);
                }
            }
        }
        let mut sk = Skeleton {
            articles,
            dates,
            nodes,
            edges,
            incident,
            by_id: HashMap::new(),
            by_alias: HashMap::new(),
        };
        for (i, n) in sk.nodes.iter().enumerate() {
            sk.by_id.insert(n.id.clone(), i as u32);
            for k in alias_keys(n.kind, &n.name, n.aliases.iter()) {
                sk.by_alias.entry((n.kind, k)).or_insert(i as u32);
            }
        }
        sk
    }

    /// The skeleton of a graph in memory.
    pub fn of(g: &Graph) -> Skeleton {
        let order = g.nodes();
        let at: HashMap<_, u32> = order
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, i as u32))
            .collect();
        let nodes = order.iter().map(|&n| SkNode::of(g.node(n))).collect();
        let edges = g
            .edges()
            .into_iter()
            .map(|(s, t, e)| SkEdge::of(at[&s], at[&t], e))
            .collect();
        Skeleton::new(g.articles.len(), article_dates(g), nodes, edges)
    }

    /// The node with this id.
    pub fn node_by_id(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The indices of the edges touching node `n`, in file order.
    pub fn incident_at(&self, n: u32) -> impl Iterator<Item = usize> + '_ {
        self.incident
            .get(n as usize)
            .into_iter()
            .flatten()
            .map(|&i| i as usize)
    }

    /// The edges touching node `n`, each once, in file order.
    pub fn incident(&self, n: u32) -> impl Iterator<Item = &SkEdge> + '_ {
        self.incident
            .get(n as usize)
            .into_iter()
            .flatten()
            .map(|&i| &self.edges[i as usize])
    }

    /// Finds an entity as [`Graph::lookup`] does: id, then name or alias
    /// ignoring case and a leading "the"; among several, the most connected.
    pub fn lookup(&self, name: &str) -> Option<u32> {
        if let Some(&n) = self.by_id.get(name) {
            return Some(n);
        }
        let key = norm(name);
        let mut hits: Vec<u32> = EntityKind::ALL
            .iter()
            .filter_map(|k| self.by_alias.get(&(*k, key.clone())).copied())
            .collect();
        hits.sort_by_key(|&n| {
            (
                std::cmp::Reverse(self.incident[n as usize].len()),
                self.nodes[n as usize].id.clone(),
            )
        });
        hits.first().copied()
    }

    /// Names close to `name`, for "did you mean" messages.
    pub fn suggest(&self, name: &str, k: usize) -> Vec<String> {
        suggest_among(
            self.nodes.iter().flat_map(|n| {
                std::iter::once(&n.name)
                    .chain(&n.aliases)
                    .map(move |a| (a.as_str(), n.name.as_str()))
            }),
            name,
            k,
        )
    }
}

/// The first and last date of the graph's articles.
pub fn article_dates(g: &Graph) -> Option<(Date, Date)> {
    let dates = g.articles.values().flatten();
    Some((*dates.clone().min()?, *dates.max()?))
}

impl SkNode {
    /// The skeleton node of a graph node.
    pub fn of(n: &crate::graph::Node) -> SkNode {
        SkNode {
            id: n.id.clone(),
            name: n.name.clone(),
            kind: n.kind,
            aliases: n.aliases.iter().cloned().collect(),
            code: n.code.clone(),
            articles: n.articles.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_date_answer_date_filters() {
        let d = |day| Date {
            year: 2024,
            month: 5,
            day,
        };
        let mut t = Tally::default();
        for x in [Some(d(3)), None, Some(d(1)), Some(d(3))] {
            t.add(x);
        }
        let e = t.edge(0, 1, EdgeKind::Meeting);
        assert_eq!(e.dates, vec![(d(1), 1), (d(3), 2)]);
        assert_eq!(e.weight(), 4);
        let f = Filter {
            until: Some(d(2)),
            ..Filter::default()
        };
        assert_eq!(e.within(&f), (2, Some(d(1))));
        assert_eq!(e.within(&Filter::default()), (4, Some(d(3))));
    }
}
