//! Statements about an entity, or between two, in date order.

use super::record::statement;
use super::*;
use crate::graph::Graph;
use crate::graph::NodeId;

/// Every statement touching `a` (and `b`, when given), in date order.
pub fn timeline(g: &Graph, a: NodeId, b: Option<NodeId>, f: &Filter) -> Vec<Statement> {
    timeline_at(g, a, b, f, &Lift::default())
}

/// [`timeline`], the statements between two sides taken as [`between_at`] takes them.
pub fn timeline_at(
    g: &Graph,
    a: NodeId,
    b: Option<NodeId>,
    f: &Filter,
    lift: &Lift,
) -> Vec<Statement> {
    let mut rows: Vec<Statement> = match b {
        Some(b) => between_at(g, a, b, f, lift),
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

/// How `ties timeline --by` groups statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// By calendar month (`2023-05`).
    Month,
    /// By year (`2023`).
    Year,
}

/// Statements of one period, counted by kind.
///
/// JSON (`ties timeline --by month --json` prints a list): `{period, counts:
/// {"Meeting": n, ..}, total}`; `period` is `"2023-05"`, `"2023"` or null (undated).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PeriodCount {
    /// The month or year; `None` for the undated statements.
    pub period: Option<String>,
    /// Statements per kind.
    pub counts: std::collections::BTreeMap<crate::model::EdgeKind, usize>,
    /// Statements in all.
    pub total: usize,
}

/// `rows` counted per period and kind, in date order, the undated last.
pub fn by_period(rows: &[Statement], by: Period) -> Vec<PeriodCount> {
    let mut groups: std::collections::BTreeMap<(bool, String), PeriodCount> = Default::default();
    for r in rows {
        let period = r.date.map(|d| match by {
            Period::Month => format!("{:04}-{:02}", d.year, d.month),
            Period::Year => format!("{:04}", d.year),
        });
        let key = (period.is_none(), period.clone().unwrap_or_default());
        let g = groups.entry(key).or_insert_with(|| PeriodCount {
            period,
            counts: Default::default(),
            total: 0,
        });
        *g.counts.entry(r.kind).or_default() += 1;
        g.total += 1;
    }
    groups.into_values().collect()
}
