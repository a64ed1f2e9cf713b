//! Everything between two sides, their people included, and its balance.

use super::record::statement;
use super::*;
use crate::graph::skeleton::{SkEdge, Skeleton};
use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::{EdgeKind, EntityKind};
use serde::Serialize;
use std::collections::BTreeSet;

/// The people who hold a (current) role for `n`.
pub fn members(g: &Graph, n: NodeId) -> BTreeSet<NodeId> {
    g.incident(n)
        .into_iter()
        .filter(|(_, t, e)| {
            *t == n && e.kind == EdgeKind::Role && e.occurrences.iter().any(|o| !o.former)
        })
        .map(|(s, _, _)| s)
        .collect()
}

/// The edges of the skeleton a bilateral view of `a` and `b` can need:
/// every role edge into `a` or `b` (which makes people members of a side),
/// and the edges `f` passes between any two of `sides` (`a`, `b`, whoever
/// counts for them) and those people. A superset of what [`between_at`]
/// keeps: read only these and it gives what it gives on the whole graph.
pub fn between_edges_in(sk: &Skeleton, a: u32, b: u32, sides: &[u32], f: &Filter) -> Vec<usize> {
    let role_into = |e: &SkEdge| e.kind == EdgeKind::Role && (e.target == a || e.target == b);
    let pass = |e: &SkEdge| f.kind(e.kind) && e.within(f).0 > 0;
    let mut all: BTreeSet<u32> = sides.iter().copied().collect();
    for n in [a, b] {
        all.extend(sk.incident(n).filter(|e| role_into(e)).map(|e| e.source));
    }
    let mut edges: BTreeSet<usize> = BTreeSet::new();
    for &n in &all {
        edges.extend(sk.incident_at(n).filter(|&i| {
            let e = &sk.edges[i];
            role_into(e) || (pass(e) && all.contains(&e.source) && all.contains(&e.target))
        }));
    }
    edges.into_iter().collect()
}

/// One side of a bilateral view: `n`, the people holding a role for it, and
/// whoever counts for it at country level (`lift`: its state bodies too).
pub fn side(g: &Graph, n: NodeId, lift: &Lift) -> BTreeSet<NodeId> {
    let mut s = members(g, n);
    s.insert(n);
    let id = &g.node(n).id;
    s.extend(
        g.nodes()
            .into_iter()
            .filter(|&m| lift.is_lifted(&g.node(m).id) && lift.of(&g.node(m).id) == id),
    );
    s
}

/// Everything between `a` and `b`, both ways, their people included, in date order.
pub fn between(g: &Graph, a: NodeId, b: NodeId, f: &Filter) -> Vec<Statement> {
    between_at(g, a, b, f, &Lift::default())
}

/// [`between`] with the sides of [`side`]: people, and whoever `lift` counts for each.
pub fn between_at(g: &Graph, a: NodeId, b: NodeId, f: &Filter, lift: &Lift) -> Vec<Statement> {
    let side_a = side(g, a, lift);
    let side_b = side(g, b, lift);
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
            out.push(statement(g, s, t, e, o));
        }
    }
    out.sort_by(|x, y| {
        (x.kind, x.date, &x.source, &x.target, &x.article)
            .cmp(&(y.kind, y.date, &y.source, &y.target, &y.article))
    });
    out
}

/// A one-line balance of a bilateral view: counts by kind and direction.
pub fn balance(g: &Graph, a: NodeId, b: NodeId, rows: &[Statement]) -> String {
    Balance::of(g, a, rows).line(&g.node(a).name, &g.node(b).name)
}

/// Counts of a bilateral view, by kind and direction (`a_to_b`: from A's side to B's).
///
/// JSON: `{"meetings": n, "agreements": n, "visits": {"a_to_b": n, "b_to_a": n},
/// "commitments": {..}, "support": {..}, "praise": {..}, "criticism": {..}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// Meeting statements (undirected, so one count).
    pub meetings: usize,
    /// Agreement statements (undirected, so one count).
    pub agreements: usize,
    /// Visit statements each way.
    pub visits: Flow,
    /// Commitment statements each way.
    pub commitments: Flow,
    /// Support statements each way.
    pub support: Flow,
    /// Praise statements each way.
    pub praise: Flow,
    /// Criticism statements each way.
    pub criticism: Flow,
}

/// Statements of one kind each way between two sides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Flow {
    /// Statements whose source is A or one of its people.
    pub a_to_b: usize,
    /// Statements whose source is B or one of its people.
    pub b_to_a: usize,
}

impl Balance {
    /// Counts `rows` (from [`between`]) with A's side being `a` and its people.
    pub fn of(g: &Graph, a: NodeId, rows: &[Statement]) -> Balance {
        Balance::of_at(g, a, rows, &Lift::default())
    }

    /// Counts `rows` (from [`between_at`]) with A's side as [`side`] gives it.
    pub fn of_at(g: &Graph, a: NodeId, rows: &[Statement], lift: &Lift) -> Balance {
        let side_a: BTreeSet<&str> = side(g, a, lift)
            .into_iter()
            .map(|n| g.node(n).id.as_str())
            .collect();
        let flow = |k: EdgeKind| {
            let mut f = Flow::default();
            for r in rows.iter().filter(|r| r.kind == k) {
                if side_a.contains(r.source_id.as_str()) {
                    f.a_to_b += 1;
                } else {
                    f.b_to_a += 1;
                }
            }
            f
        };
        Balance {
            meetings: rows.iter().filter(|r| r.kind == EdgeKind::Meeting).count(),
            agreements: rows
                .iter()
                .filter(|r| r.kind == EdgeKind::Agreement)
                .count(),
            visits: flow(EdgeKind::Visit),
            commitments: flow(EdgeKind::Commitment),
            support: flow(EdgeKind::Support),
            praise: flow(EdgeKind::Praise),
            criticism: flow(EdgeKind::Criticism),
        }
    }

    /// One line: `meetings 1 | agreements 0 | visits A→B 0, B→A 1 | ...`.
    pub fn line(&self, a: &str, b: &str) -> String {
        let f = |name: &str, x: Flow| format!("{name} {a}→{b} {}, {b}→{a} {}", x.a_to_b, x.b_to_a);
        [
            format!("meetings {}", self.meetings),
            format!("agreements {}", self.agreements),
            f("visits", self.visits),
            f("commitments", self.commitments),
            f("support", self.support),
            f("praise", self.praise),
            f("criticism", self.criticism),
        ]
        .join(" | ")
    }
}

/// The bilateral view `ties between A B --json` prints.
///
/// JSON: `{"a": {id, name, kind}, "b": {..}, "balance": Balance, "statements": [Statement]}`
/// where a Statement is `{source, target, kind, cameo, date, speaker, planned, article, sentence}`
/// (names, not ids; `date` `"YYYY-MM-DD"` or null), sorted by kind, date, source, target.
#[derive(Clone, Debug, Serialize)]
pub struct Bilateral {
    /// The first side asked about.
    pub a: EntityRef,
    /// The second side asked about.
    pub b: EntityRef,
    /// The statements counted by kind and direction.
    pub balance: Balance,
    /// Every statement between the two sides, their people included.
    pub statements: Vec<Statement>,
}

/// An entity named in a result: id, name and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    /// Stable id, `kind:slug` (`country:china`).
    pub id: String,
    /// The entity's name (`China`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
}

impl EntityRef {
    /// The reference to node `n`.
    pub fn of(g: &Graph, n: NodeId) -> EntityRef {
        let node = g.node(n);
        EntityRef {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: node.kind,
        }
    }
}

/// Everything between `a` and `b` with its balance: [`between`] and [`Balance::of`] together.
pub fn bilateral(g: &Graph, a: NodeId, b: NodeId, f: &Filter) -> Bilateral {
    bilateral_at(g, a, b, f, &Lift::default())
}

/// [`bilateral`] with the sides of [`side`] (`lift`: state bodies count for their state).
pub fn bilateral_at(g: &Graph, a: NodeId, b: NodeId, f: &Filter, lift: &Lift) -> Bilateral {
    let statements = between_at(g, a, b, f, lift);
    Bilateral {
        a: EntityRef::of(g, a),
        b: EntityRef::of(g, b),
        balance: Balance::of_at(g, a, &statements, lift),
        statements,
    }
}
