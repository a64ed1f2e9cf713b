//! Stage 8: queries. Neighbors of an entity, everything between two sides
//! (their people included), shortest paths and timelines, with filters by
//! edge kind and date.

use crate::date::Date;
use crate::graph::{Edge, Graph, Occurrence};
use crate::model::{EdgeKind, EntityKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// Which edges a query looks at.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<EdgeKind>,
    /// Only occurrences on or after this date.
    pub since: Option<Date>,
    /// Only occurrences on or before this date.
    pub until: Option<Date>,
}

impl Filter {
    /// Whether an occurrence passes the date bounds (undated ones always do).
    pub fn occurrence(&self, o: &Occurrence) -> bool {
        match o.date {
            None => true,
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }

    /// Whether an edge has any occurrence that passes.
    pub fn edge(&self, e: &Edge) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&e.kind)) && e.occurrences.iter().any(|o| self.occurrence(o))
    }
}

/// Which way edges go from the entity asked about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Out,
    In,
    #[default]
    Both,
}

/// One neighbor: the entity, the kinds of edges with their counts, the latest date.
#[derive(Clone, Debug, Serialize)]
pub struct Neighbor {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub depth: usize,
    pub edges: BTreeMap<EdgeKind, usize>,
    pub latest: Option<Date>,
}

/// The entities around `n`, up to `depth` steps, sorted by weight then name.
pub fn neighbors(g: &Graph, n: NodeIndex, f: &Filter, dir: Direction, depth: usize) -> Vec<Neighbor> {
    let mut seen: HashMap<NodeIndex, usize> = HashMap::from([(n, 0)]);
    let mut rows: BTreeMap<NodeIndex, Neighbor> = BTreeMap::new();
    let mut frontier = vec![n];
    for d in 1..=depth.max(1) {
        let mut next = Vec::new();
        for &at in &frontier {
            for (s, t, e) in g.incident(at) {
                if !f.edge(e) {
                    continue;
                }
                let out = s == at;
                let ok = match dir {
                    Direction::Out => out || !e.kind.is_directed(),
                    Direction::In => !out || !e.kind.is_directed(),
                    Direction::Both => true,
                };
                if !ok {
                    continue;
                }
                let other = if out { t } else { s };
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
                let node = g.node(other);
                let row = rows.entry(other).or_insert_with(|| Neighbor {
                    id: node.id.clone(),
                    name: node.name.clone(),
                    kind: node.kind,
                    depth: d,
                    edges: BTreeMap::new(),
                    latest: None,
                });
                let count = e.occurrences.iter().filter(|o| f.occurrence(o)).count();
                *row.edges.entry(e.kind).or_default() += count;
                let latest = e.occurrences.iter().filter(|o| f.occurrence(o)).filter_map(|o| o.date).max();
                row.latest = row.latest.max(latest);
            }
        }
        frontier = next;
    }
    let mut v: Vec<Neighbor> = rows.into_values().collect();
    v.sort_by(|a, b| {
        let wa: usize = a.edges.values().sum();
        let wb: usize = b.edges.values().sum();
        a.depth.cmp(&b.depth).then(wb.cmp(&wa)).then(a.name.cmp(&b.name))
    });
    v
}

/// One statement between two sides.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub cameo: String,
    pub date: Option<Date>,
    pub speaker: Option<String>,
    pub planned: bool,
    pub article: String,
    pub sentence: String,
}

/// The people who hold a (current) role for `n`.
pub fn members(g: &Graph, n: NodeIndex) -> BTreeSet<NodeIndex> {
    g.incident(n)
        .into_iter()
        .filter(|(_, t, e)| *t == n && e.kind == EdgeKind::Role && e.occurrences.iter().any(|o| !o.former))
        .map(|(s, _, _)| s)
        .collect()
}

/// Everything between `a` and `b`, both ways, their people included, in date order.
pub fn between(g: &Graph, a: NodeIndex, b: NodeIndex, f: &Filter) -> Vec<Statement> {
    let mut side_a = members(g, a);
    side_a.insert(a);
    let mut side_b = members(g, b);
    side_b.insert(b);
    let mut out = Vec::new();
    for (s, t, e) in g.edges() {
        if !e.kind.is_event() || !f.edge(e) {
            continue;
        }
        let ab = side_a.contains(&s) && side_b.contains(&t);
        let ba = side_b.contains(&s) && side_a.contains(&t);
        if !(ab || ba) {
            continue;
        }
        for o in e.occurrences.iter().filter(|o| f.occurrence(o)) {
            out.push(Statement {
                source: g.node(s).name.clone(),
                target: g.node(t).name.clone(),
                kind: e.kind,
                cameo: o.cameo.clone(),
                date: o.date,
                speaker: o.speaker.as_ref().and_then(|id| g.node_by_id(id)).map(|n| g.node(n).name.clone()),
                planned: o.planned,
                article: o.evidence.article.clone(),
                sentence: o.evidence.text.clone(),
            });
        }
    }
    out.sort_by(|x, y| (x.kind, x.date, &x.source, &x.target, &x.article).cmp(&(y.kind, y.date, &y.source, &y.target, &y.article)));
    out
}

/// A one-line balance of a bilateral view: counts by kind and direction.
pub fn balance(g: &Graph, a: NodeIndex, b: NodeIndex, rows: &[Statement]) -> String {
    let an = &g.node(a).name;
    let side_a: BTreeSet<String> = members(g, a).into_iter().map(|n| g.node(n).name.clone()).chain([an.clone()]).collect();
    let count = |k: EdgeKind, from_a: Option<bool>| {
        rows.iter()
            .filter(|r| r.kind == k)
            .filter(|r| from_a.is_none_or(|fa| side_a.contains(&r.source) == fa))
            .count()
    };
    format!(
        "meetings {} | agreements {} | visits {}→{} {}←{} | commitments {}→{} {}←{} | support {}→{} {}←{} | praise {}→{} {}←{} | criticism {}→{} {}←{}",
        count(EdgeKind::Meeting, None),
        count(EdgeKind::Agreement, None),
        count(EdgeKind::Visit, Some(true)), g.node(b).name, count(EdgeKind::Visit, Some(false)), g.node(b).name,
        count(EdgeKind::Commitment, Some(true)), g.node(b).name, count(EdgeKind::Commitment, Some(false)), g.node(b).name,
        count(EdgeKind::Support, Some(true)), g.node(b).name, count(EdgeKind::Support, Some(false)), g.node(b).name,
        count(EdgeKind::Praise, Some(true)), g.node(b).name, count(EdgeKind::Praise, Some(false)), g.node(b).name,
        count(EdgeKind::Criticism, Some(true)), g.node(b).name, count(EdgeKind::Criticism, Some(false)), g.node(b).name,
    )
}

/// One step of a path.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub date: Option<Date>,
    pub sentence: String,
}

/// The shortest chain of edges (either direction) from `a` to `b`.
pub fn path(g: &Graph, a: NodeIndex, b: NodeIndex, f: &Filter) -> Option<Vec<Step>> {
    let mut prev: HashMap<NodeIndex, (NodeIndex, NodeIndex, NodeIndex, EdgeKind)> = HashMap::new();
    let mut q = VecDeque::from([a]);
    let mut seen = BTreeSet::from([a]);
    while let Some(at) = q.pop_front() {
        if at == b {
            break;
        }
        for (s, t, e) in g.incident(at) {
            if !f.edge(e) {
                continue;
            }
            let other = if s == at { t } else { s };
            if seen.insert(other) {
                prev.insert(other, (at, s, t, e.kind));
                q.push_back(other);
            }
        }
    }
    if a != b && !prev.contains_key(&b) {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = b;
    while at != a {
        let (from, s, t, k) = prev[&at];
        let edge = g.incident(s).into_iter().find(|(x, y, e)| *x == s && *y == t && e.kind == k).map(|x| x.2);
        let occ = edge.and_then(|e| e.occurrences.iter().filter(|o| f.occurrence(o)).max_by_key(|o| o.date));
        steps.push(Step {
            source: g.node(s).name.clone(),
            target: g.node(t).name.clone(),
            kind: k,
            date: occ.and_then(|o| o.date),
            sentence: occ.map(|o| o.evidence.text.clone()).unwrap_or_default(),
        });
        at = from;
    }
    steps.reverse();
    Some(steps)
}

/// Every statement touching `a` (and `b`, when given), in date order.
pub fn timeline(g: &Graph, a: NodeIndex, b: Option<NodeIndex>, f: &Filter) -> Vec<Statement> {
    let mut rows: Vec<Statement> = match b {
        Some(b) => between(g, a, b, f),
        None => g
            .incident(a)
            .into_iter()
            .filter(|(_, _, e)| e.kind.is_event() && f.edge(e))
            .flat_map(|(s, t, e)| {
                e.occurrences.iter().filter(|o| f.occurrence(o)).map(move |o| Statement {
                    source: g.node(s).name.clone(),
                    target: g.node(t).name.clone(),
                    kind: e.kind,
                    cameo: o.cameo.clone(),
                    date: o.date,
                    speaker: o.speaker.as_ref().and_then(|id| g.node_by_id(id)).map(|n| g.node(n).name.clone()),
                    planned: o.planned,
                    article: o.evidence.article.clone(),
                    sentence: o.evidence.text.clone(),
                })
            })
            .collect(),
    };
    rows.sort_by(|x, y| (x.date, &x.article, x.kind, &x.source).cmp(&(y.date, &y.article, y.kind, &y.source)));
    rows
}
