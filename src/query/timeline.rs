//! Statements about an entity, or between two, in date order.

use super::record::statement;
use super::*;
use crate::graph::Graph;
use crate::graph::NodeId;

/// Every statement touching `a` (and `b`, when given), in date order.
pub fn timeline(g: &Graph, a: NodeId, b: Option<NodeId>, f: &Filter) -> Vec<Statement> {
    let mut rows: Vec<Statement> = match b {
        Some(b) => between(g, a, b, f),
        None => g
            .incident(a)
            .into_iter()
            .filter(|(_, _, e)| e.kind.is_event() && f.edge(e))
            .flat_map(|(s, t, e)| {
                e.occurrences
                    .iter()
                    .filter(|o| f.occurrence(o))
                    .map(move |o| statement(g, s, t, e, o))
            })
            .collect(),
    };
    rows.sort_by(|x, y| {
        (x.date, &x.article, x.kind, &x.source).cmp(&(y.date, &y.article, y.kind, &y.source))
    });
    rows
}
