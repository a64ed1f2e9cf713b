//! The dyad table: one row per ordered pair of countries and edge kind, at
//! country level, with its statement count and dates.

use super::*;
use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;

/// One row of the dyad table.
///
/// JSON (`ties dyads --json` prints a list): `{source, source_name, source_code,
/// target, target_name, target_code, kind, directed, statements, first, last}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dyad {
    /// Id of the source country (`country:china`).
    pub source: String,
    /// Name of the source country.
    pub source_name: String,
    /// ISO alpha-3 code of the source country (`CHN`).
    pub source_code: String,
    /// Id of the target country.
    pub target: String,
    /// Name of the target country.
    pub target_name: String,
    /// ISO alpha-3 code of the target country.
    pub target_code: String,
    /// What the statements say (an event kind).
    pub kind: EdgeKind,
    /// False for Meeting and Agreement, whose ends are listed once, by id.
    pub directed: bool,
    /// How many statements pass the filter.
    pub statements: usize,
    /// The earliest dated statement that passes, if any.
    pub first: Option<Date>,
    /// The latest dated statement that passes, if any.
    pub last: Option<Date>,
}

/// The dyads of a skeleton (at country level: see [`Lift::skeleton`]): every
/// event edge between two countries with statements passing `f`, sorted by
/// source name, target name and kind.
pub fn dyads_in(sk: &Skeleton, f: &Filter) -> Vec<Dyad> {
    let mut rows = Vec::new();
    for e in &sk.edges {
        let (s, t) = sk.ends(e);
        if !e.kind.is_event() || !f.kind(e.kind) {
            continue;
        }
        if s.kind != EntityKind::Country || t.kind != EntityKind::Country {
            continue;
        }
        let (statements, last) = e.within(f);
        if statements == 0 {
            continue;
        }
        let first = e.dates.iter().map(|d| d.0).find(|&d| f.date(Some(d)));
        rows.push(Dyad {
            source: s.id.clone(),
            source_name: s.name.clone(),
            source_code: s.code.clone().unwrap_or_default(),
            target: t.id.clone(),
            target_name: t.name.clone(),
            target_code: t.code.clone().unwrap_or_default(),
            kind: e.kind,
            directed: e.kind.is_directed(),
            statements,
            first,
            last,
        });
    }
    rows.sort_by(|a, b| {
        (&a.source_name, &a.target_name, a.kind, &a.source).cmp(&(
            &b.source_name,
            &b.target_name,
            b.kind,
            &b.source,
        ))
    });
    rows
}

/// The dyads of a graph in memory, its people and state bodies counted for
/// their state (`bodies`: the organizations that belong to one state).
pub fn dyads(g: &Graph, bodies: &StateBodies, f: &Filter) -> Vec<Dyad> {
    let lift = Lift::new(g, bodies);
    dyads_in(&lift.skeleton(&Skeleton::of(g)), f)
}
