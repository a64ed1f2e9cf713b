//! The country view: people and state bodies counted for their state. One
//! lifting for every query that offers `--level country`.

use crate::graph::skeleton::{SkEdge, SkNode, Skeleton};
use crate::graph::{norm, Graph};
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Statements per date, and undated, of edges being merged.
type Counts = (BTreeMap<Date, u32>, u32);

/// How a query counts entities: as the articles wrote them, or for their state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Every entity as written: a minister's meeting is the minister's.
    #[default]
    Written,
    /// People who hold a role for a state, and state bodies, count for the state.
    Country,
}

/// The states organizations belong to (from the lexicon's `country` field):
/// name or alias, in any case, to ISO alpha-3 code.
#[derive(Clone, Debug, Default)]
pub struct StateBodies {
    by_name: HashMap<String, String>,
}

impl StateBodies {
    /// The table from `(name, alpha-3)` pairs; pairs with an empty code are skipped.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> StateBodies {
        let mut by_name = HashMap::new();
        for (name, code) in pairs {
            if !code.is_empty() {
                by_name
                    .entry(norm(name))
                    .or_insert_with(|| code.to_string());
            }
        }
        StateBodies { by_name }
    }

    /// The alpha-3 code of the state an organization so named belongs to.
    pub fn state_of(&self, name: &str) -> Option<&str> {
        self.by_name.get(&norm(name)).map(String::as_str)
    }
}

/// Who counts for which state at country level, by node id: a person for the
/// state of a current role (directly, or through a state body), a state body
/// for its state. Everything else counts for itself.
#[derive(Clone, Debug, Default)]
pub struct Lift {
    to: HashMap<String, String>,
}

impl Lift {
    /// The lifting of graph `g` (its Role edges and nodes are all it reads).
    pub fn new(g: &Graph, bodies: &StateBodies) -> Lift {
        let edges = g.edges();
        let current = |i: usize| edges[i].2.occurrences.iter().any(|o| !o.former);
        Lift::of_skeleton(&Skeleton::of(g), bodies, &current)
    }

    /// The lifting of the graph `sk` is the skeleton of: [`Lift::new`]
    /// without the evidence. `current(i)` tells whether Role edge `i` of the
    /// skeleton holds a statement of a role still held (not `former`).
    pub fn of_skeleton(
        sk: &Skeleton,
        bodies: &StateBodies,
        current: &dyn Fn(usize) -> bool,
    ) -> Lift {
        let mut to = state_bodies_of(sk, bodies);
        // a person: the state of the role stated most often, then the smallest id
        let mut best: BTreeMap<u32, (usize, &str)> = BTreeMap::new();
        for (i, e) in sk.edges.iter().enumerate() {
            if e.kind != EdgeKind::Role || !current(i) {
                continue;
            }
            let (_, t) = sk.ends(e);
            let state = match t.kind {
                EntityKind::Country => t.id.as_str(),
                _ => match to.get(&t.id) {
                    Some(s) => s.as_str(),
                    None => continue,
                },
            };
            let w = e.weight();
            let slot = best.entry(e.source).or_insert((w, state));
            if w > slot.0 || (w == slot.0 && state < slot.1) {
                *slot = (w, state);
            }
        }
        let people: Vec<(String, String)> = best
            .into_iter()
            .map(|(p, (_, s))| (sk.nodes[p as usize].id.clone(), s.to_string()))
            .collect();
        to.extend(people);
        Lift { to }
    }

    /// The id `id` counts as: its state, or itself.
    pub fn of<'a>(&'a self, id: &'a str) -> &'a str {
        self.to.get(id).map(String::as_str).unwrap_or(id)
    }

    /// Whether `id` counts for another entity.
    pub fn is_lifted(&self, id: &str) -> bool {
        self.to.contains_key(id)
    }

    /// The skeleton at country level: the entities that count for a state
    /// left out, their edges moved to the state and merged with its own,
    /// an entity's edges with itself dropped.
    pub fn skeleton(&self, sk: &Skeleton) -> Skeleton {
        let nodes: Vec<SkNode> = sk
            .nodes
            .iter()
            .filter(|n| !self.is_lifted(&n.id))
            .cloned()
            .collect();
        let at: HashMap<&str, u32> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i as u32))
            .collect();
        let mut merged: BTreeMap<(u32, u32, EdgeKind), Counts> = BTreeMap::new();
        for e in &sk.edges {
            let end = |n: u32| at.get(self.of(&sk.nodes[n as usize].id)).copied();
            let (Some(mut s), Some(mut t)) = (end(e.source), end(e.target)) else {
                continue;
            };
            if s == t {
                continue;
            }
            if !e.kind.is_directed() && t < s {
                std::mem::swap(&mut s, &mut t);
            }
            let m = merged.entry((s, t, e.kind)).or_default();
            for &(d, c) in &e.dates {
                *m.0.entry(d).or_default() += c;
            }
            m.1 += e.undated;
        }
        let edges = merged
            .into_iter()
            .map(|((source, target, kind), (dates, undated))| SkEdge {
                source,
                target,
                kind,
                dates: dates.into_iter().collect(),
                undated,
            })
            .collect();
        Skeleton::new(sk.articles, sk.dates, nodes, edges)
    }

    /// The graph at country level, evidence and all (for exports): the
    /// entities that count for a state left out, their edges' statements
    /// moved to the state's edges (one statement per sentence: a sentence
    /// stating both the minister's and the state's edge counts once), an
    /// entity's edges with itself dropped.
    pub fn graph(&self, g: &Graph) -> Graph {
        let mut out = Graph::new();
        out.articles = g.articles.clone();
        let mut at = HashMap::new();
        for n in g.nodes() {
            let node = g.node(n);
            if !self.is_lifted(&node.id) {
                at.insert(node.id.clone(), out.copy_node(g, n));
            }
        }
        for (s, t, e) in g.edges() {
            let end = |n| at.get(self.of(&g.node(n).id)).copied();
            let (Some(s), Some(t)) = (end(s), end(t)) else {
                continue;
            };
            for o in &e.occurrences {
                out.add_occurrence(s, t, e.kind, o.clone());
            }
        }
        out
    }
}

/// The state bodies among the skeleton's organizations: id to their state's id.
fn state_bodies_of(sk: &Skeleton, bodies: &StateBodies) -> HashMap<String, String> {
    let countries: HashMap<&str, &str> = sk
        .nodes
        .iter()
        .filter(|n| n.kind == EntityKind::Country)
        .filter_map(|n| Some((n.code.as_deref()?, n.id.as_str())))
        .collect();
    let mut to = HashMap::new();
    for n in sk
        .nodes
        .iter()
        .filter(|n| n.kind == EntityKind::Organization)
    {
        let state = std::iter::once(&n.name)
            .chain(&n.aliases)
            .find_map(|a| bodies.state_of(a))
            .and_then(|code| countries.get(code));
        if let Some(state) = state {
            to.insert(n.id.clone(), state.to_string());
        }
    }
    to
}
