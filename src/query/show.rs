//! Everything about one entity: names, roles, degree by kind, articles.

use super::*;
use crate::graph::Graph;
use crate::graph::NodeId;
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// A role a person holds (or held) for a country or organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleHeld {
    /// The title, when the text gave one ("Foreign Minister").
    pub role: Option<String>,
    /// Who the role is for.
    pub of: EntityRef,
    /// Whether every mention says it is a former role.
    pub former: bool,
}

/// An article an entity appears in, with the article's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// The article's id (its file stem or JSON `id`).
    pub id: String,
    /// The article's date, if it has one.
    pub date: Option<Date>,
}

/// What `ties show` prints about one entity.
///
/// JSON: `{id, name, kind, code, aliases: [..], roles: [{role, of: {id, name, kind}, former}],
/// members: [{id, name, kind}], degree: {"Meeting": n, ..}, statements: n,
/// articles: [{id, date}]}`; `degree` counts edges (one per kind and neighbor),
/// `statements` their occurrences, `members` the people holding a role for it.
#[derive(Clone, Debug, Serialize)]
pub struct EntityInfo {
    /// Stable id, `kind:slug` (`person:qin-gang`).
    pub id: String,
    /// The entity's name (`Qin Gang`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Alpha-3 code (ISO 3166-1) for a country (`CHN`); `None` for other kinds.
    pub code: Option<String>,
    /// Its other surface forms, sorted (`Qin`).
    pub aliases: Vec<String>,
    /// The roles it holds or held, for a person.
    pub roles: Vec<RoleHeld>,
    /// The people holding a current role for it, by name.
    pub members: Vec<EntityRef>,
    /// Per edge kind, the edges touching it (one per kind and neighbor).
    pub degree: BTreeMap<EdgeKind, usize>,
    /// How many times the edges touching it were stated.
    pub statements: usize,
    /// The articles it appears in, by date then id.
    pub articles: Vec<ArticleRef>,
}

/// Everything known about entity `n`: names, roles, degree by kind, articles.
pub fn show(g: &Graph, n: NodeId) -> EntityInfo {
    let node = g.node(n);
    let mut degree: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    let mut statements = 0;
    let mut roles = Vec::new();
    for (s, t, e) in g.incident(n) {
        *degree.entry(e.kind).or_default() += 1;
        statements += e.weight();
        if e.kind == EdgeKind::Role && s == n {
            let latest = e.occurrences.iter().max_by_key(|o| o.date);
            roles.push(RoleHeld {
                role: latest.and_then(|o| o.role.clone()),
                of: EntityRef::of(g, t),
                former: e.occurrences.iter().all(|o| o.former),
            });
        }
    }
    let mut members: Vec<EntityRef> = members(g, n)
        .into_iter()
        .map(|m| EntityRef::of(g, m))
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name));
    let mut articles: Vec<ArticleRef> = g
        .articles_of(n)
        .into_iter()
        .map(|a| ArticleRef {
            id: a.to_string(),
            date: g.articles.get(a).copied().flatten(),
        })
        .collect();
    articles.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    EntityInfo {
        id: node.id.clone(),
        name: node.name.clone(),
        kind: node.kind,
        code: node.code.clone(),
        aliases: node.aliases.iter().cloned().collect(),
        roles,
        members,
        degree,
        statements,
        articles,
    }
}
