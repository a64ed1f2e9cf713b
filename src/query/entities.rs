//! The entity list, most connected first or by name.

use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;
use crate::model::EntityKind;
use serde::Serialize;

/// How `ties entities` orders its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Most connected first, then by name.
    #[default]
    Degree,
    /// By name, then id.
    Name,
}

/// One row of `ties entities` and of the most connected entities in `ties stats`.
///
/// JSON: `{id, name, kind, code, degree, statements, articles}`: `degree` counts edges,
/// `statements` their occurrences, `articles` the articles the entity appears in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    /// Stable id, `kind:slug` (`country:china`).
    pub id: String,
    /// The entity's name (`China`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Alpha-3 code (ISO 3166-1) for a country (`CHN`); `None` for other kinds.
    pub code: Option<String>,
    /// How many edges touch it (one per kind and neighbor).
    pub degree: usize,
    /// How many times those edges were stated.
    pub statements: usize,
    /// How many articles name it.
    pub articles: usize,
}

/// Every entity of the given kinds (all when empty), sorted as asked.
pub fn entities(g: &Graph, kinds: &[EntityKind], sort: Sort) -> Vec<EntityRow> {
    entities_in(&Skeleton::of(g), kinds, sort)
}

/// [`entities`] on a graph's skeleton, which has all it needs.
pub fn entities_in(sk: &Skeleton, kinds: &[EntityKind], sort: Sort) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = sk
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| kinds.is_empty() || kinds.contains(&node.kind))
        .map(|(i, node)| EntityRow {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: node.kind,
            code: node.code.clone(),
            degree: sk.incident(i as u32).count(),
            statements: sk.incident(i as u32).map(|e| e.weight()).sum(),
            articles: node.articles,
        })
        .collect();
    match sort {
        Sort::Degree => rows.sort_by(|a, b| {
            (b.degree, b.statements)
                .cmp(&(a.degree, a.statements))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        }),
        Sort::Name => rows.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.id.cmp(&b.id))
        }),
    }
    rows
}
