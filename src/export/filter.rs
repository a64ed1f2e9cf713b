//! Sub-graphs for exports: an ego graph around one entity, the bilateral
//! graph of two sides, edges of some kinds or dates. Every format renders the result.

use crate::error::{Error, Result};
use crate::graph::skeleton::{SkEdge, Skeleton};
use crate::graph::NodeId;
use crate::graph::{Edge, Graph};
use crate::query::{members, Filter};
use crate::store::Chosen;
use crate::text::date::Date;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What part of the graph to keep. The default keeps everything.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Keep only entities within `depth` edges of this one (an ego graph).
    pub focus: Option<String>,
    /// Steps from `focus` (1 when 0).
    pub depth: usize,
    /// Keep only edges between these two sides (their people included) and the roles making them so.
    pub between: Option<(String, String)>,
    /// Edge kinds and date bounds; occurrences outside the dates are dropped.
    pub filter: Filter,
}

impl Selection {
    /// Whether it keeps the whole graph.
    pub fn is_everything(&self) -> bool {
        self.focus.is_none()
            && self.between.is_none()
            && self.filter.kinds.is_empty()
            && self.filter.since.is_none()
            && self.filter.until.is_none()
    }
}

fn find(g: &Graph, name: &str) -> Result<NodeId> {
    g.lookup(name).ok_or_else(|| Error::UnknownEntity {
        name: name.to_string(),
        suggestions: crate::query::suggest(g, name, 3),
    })
}

/// The sub-graph `sel` selects: kept edges (with only their kept occurrences),
/// the entities they touch and the named ones, and the articles still cited.
/// Fails with [`Error::UnknownEntity`] when a name matches nothing.
pub fn subgraph(g: &Graph, sel: &Selection) -> Result<Graph> {
    if sel.is_everything() {
        return Ok(g.clone());
    }
    let mut edges = candidate_edges(g, &sel.filter);
    let mut named: BTreeSet<NodeId> = BTreeSet::new();
    if let Some((a, b)) = &sel.between {
        let (a, b) = (find(g, a)?, find(g, b)?);
        keep_between(g, a, b, &mut edges);
        named.extend([a, b]);
    }
    if let Some(focus) = &sel.focus {
        let n = find(g, focus)?;
        keep_around(n, sel.depth.max(1), &mut edges);
        named.insert(n);
    }
    if !named.is_empty() {
        keep_roles_of_actors(&named, &mut edges);
    }
    Ok(assemble(g, named, edges))
}

/// Drops the Role and LocatedIn edges of entities that take part in no kept
/// event (unless named): the picture of a relationship shows the roles of
/// its own people only. Nothing is dropped when no event is kept (`--kind role`).
fn keep_roles_of_actors(named: &BTreeSet<NodeId>, edges: &mut Vec<Kept>) {
    let actors: BTreeSet<NodeId> = edges
        .iter()
        .filter(|(_, _, e)| e.kind.is_event())
        .flat_map(|(s, t, _)| [*s, *t])
        .collect();
    if actors.is_empty() {
        return;
    }
    edges.retain(|(s, _, e)| e.kind.is_event() || actors.contains(s) || named.contains(s));
}

/// The title of a drawing of `sub`, the part of `g` that `sel` selects: the
/// two sides (`China ↔ Pakistan`) or the focus, and the first and last dates
/// of its events (of any statement when it holds none; one date when they
/// are one day); `None` when `sel` names no entity.
pub fn title(g: &Graph, sel: &Selection, sub: &Graph) -> Option<String> {
    let name = |n: &str| match g.lookup(n) {
        Some(id) => g.node(id).name.clone(),
        None => n.to_string(),
    };
    let out = match (&sel.between, &sel.focus) {
        (Some((a, b)), _) => format!("{} ↔ {}", name(a), name(b)),
        (None, Some(f)) => name(f),
        (None, None) => return None,
    };
    let dates_of = |events: bool| -> BTreeSet<Date> {
        sub.edges()
            .into_iter()
            .filter(|(_, _, e)| e.kind.is_event() || !events)
            .flat_map(|(_, _, e)| e.occurrences.iter().filter_map(|o| o.date))
            .collect()
    };
    // the events' dates (a role's are when it was mentioned), else any
    let mut dates = dates_of(true);
    if dates.is_empty() {
        dates = dates_of(false);
    }
    Some(dated(
        out,
        dates.first().copied().zip(dates.last().copied()),
    ))
}

/// A title followed by its first and last dates (one when they are one day).
pub(crate) fn dated(mut out: String, span: Option<(Date, Date)>) -> String {
    match span {
        Some((first, last)) if first == last => out.push_str(&format!(", {first}")),
        Some((first, last)) => out.push_str(&format!(", {first} – {last}")),
        None => {}
    }
    out
}

/// An edge of the source graph, with its kept occurrences.
type Kept = (NodeId, NodeId, Edge);

/// The edges that pass the kind and date filters, occurrences trimmed.
fn candidate_edges(g: &Graph, f: &Filter) -> Vec<Kept> {
    g.edges()
        .into_iter()
        .filter(|(_, _, e)| f.edge(e))
        .map(|(s, t, e)| {
            let occurrences = e
                .occurrences
                .iter()
                .filter(|o| f.occurrence(o))
                .cloned()
                .collect();
            (
                s,
                t,
                Edge {
                    kind: e.kind,
                    occurrences,
                },
            )
        })
        .collect()
}

/// Keeps the events across the two sides (their people included) and the
/// roles that put people on a side.
fn keep_between(g: &Graph, a: NodeId, b: NodeId, edges: &mut Vec<Kept>) {
    let mut side_a = members(g, a);
    side_a.insert(a);
    let mut side_b = members(g, b);
    side_b.insert(b);
    let role_of = |s: NodeId, t: NodeId, e: &Edge| {
        e.kind == crate::model::EdgeKind::Role
            && ((t == a && side_a.contains(&s)) || (t == b && side_b.contains(&s)))
    };
    let cross = |s: NodeId, t: NodeId| {
        (side_a.contains(&s) && side_b.contains(&t)) || (side_b.contains(&s) && side_a.contains(&t))
    };
    edges.retain(|(s, t, e)| role_of(*s, *t, e) || (e.kind.is_event() && cross(*s, *t)));
}

/// Keeps the edges within `depth` steps of `n` (over the kept edges).
fn keep_around(n: NodeId, depth: usize, edges: &mut Vec<Kept>) {
    let mut adj: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for (s, t, _) in edges.iter() {
        adj.entry(*s).or_default().push(*t);
        adj.entry(*t).or_default().push(*s);
    }
    let mut seen = BTreeSet::from([n]);
    let mut frontier = vec![n];
    for _ in 0..depth {
        let mut next = Vec::new();
        for at in frontier {
            for &o in adj.get(&at).into_iter().flatten() {
                if seen.insert(o) {
                    next.push(o);
                }
            }
        }
        frontier = next;
    }
    edges.retain(|(s, t, _)| seen.contains(s) && seen.contains(t));
}

/// The new graph: the named entities and the ends of the kept edges (in id
/// order), the kept edges, and the articles still cited.
fn assemble(g: &Graph, named: BTreeSet<NodeId>, edges: Vec<Kept>) -> Graph {
    let mut keep: BTreeSet<NodeId> = named;
    for (s, t, _) in &edges {
        keep.insert(*s);
        keep.insert(*t);
    }
    let mut out = Graph::new();
    let mut map: BTreeMap<NodeId, NodeId> = BTreeMap::new();
    let mut order: Vec<NodeId> = keep.into_iter().collect();
    order.sort_by(|a, b| g.node(*a).id.cmp(&g.node(*b).id));
    for n in order {
        map.insert(n, out.copy_node(g, n));
    }
    let mut cited: BTreeSet<String> = BTreeSet::new();
    for (s, t, e) in edges {
        cited.extend(
            e.occurrences
                .iter()
                .flat_map(crate::graph::Occurrence::evidences)
                .map(|e| e.article.clone()),
        );
        out.insert_edge(map[&s], map[&t], e);
    }
    for n in out.nodes() {
        cited.extend(out.articles_of(n).into_iter().map(str::to_string));
    }
    out.articles = g
        .articles
        .iter()
        .filter(|(a, _)| cited.contains(*a))
        .map(|(a, d)| (a.clone(), *d))
        .collect();
    out
}

/// The sub-graph `sel` selects from the graph file at `path`, read from its
/// cache: names are found and edges picked on the skeleton, and only the
/// picked edges' occurrences and their ends' article lists are read. The
/// same graph as [`subgraph`] of the whole graph. `None` when the cache
/// cannot serve (absent or stale), or for a selection of everything or of
/// both a focus and two sides: load the graph then.
pub fn read_subgraph(path: &Path, sel: &Selection) -> Option<Result<Graph>> {
    if sel.is_everything() || (sel.focus.is_some() && sel.between.is_some()) {
        return None;
    }
    let mut by_id = sel.clone();
    let g = crate::store::read_chosen(path, |sk| choose(sk, sel, &mut by_id));
    Some(g?.and_then(|g| subgraph(&g, &by_id)))
}

/// An entity of the skeleton found as [`Graph::lookup`] finds it, or the error naming close ones.
fn find_in(sk: &Skeleton, name: &str) -> Result<u32> {
    sk.lookup(name).ok_or_else(|| Error::UnknownEntity {
        name: name.to_string(),
        suggestions: sk.suggest(name, 3),
    })
}

/// The edges of the skeleton that `sel` can keep (a superset [`subgraph`]
/// then narrows), and the nodes they touch; the names of `sel` found and
/// written as ids into `by_id`.
pub(crate) fn choose(sk: &Skeleton, sel: &Selection, by_id: &mut Selection) -> Result<Chosen> {
    let f = &sel.filter;
    let pass = |e: &SkEdge| f.kind(e.kind) && e.within(f).0 > 0;
    let mut named = Vec::new();
    let edges: Vec<usize> = if let Some((a, b)) = &sel.between {
        let (a, b) = (find_in(sk, a)?, find_in(sk, b)?);
        by_id.between = Some((
            sk.nodes[a as usize].id.clone(),
            sk.nodes[b as usize].id.clone(),
        ));
        named.extend([a, b]);
        crate::query::between_edges_in(sk, a, b, &[a, b], f)
    } else if let Some(focus) = &sel.focus {
        let n = find_in(sk, focus)?;
        by_id.focus = Some(sk.nodes[n as usize].id.clone());
        named.push(n);
        let seen = reach(sk, n, sel.depth.max(1), &pass);
        (0..sk.edges.len())
            .filter(|&i| {
                let e = &sk.edges[i];
                pass(e) && seen.contains(&e.source) && seen.contains(&e.target)
            })
            .collect()
    } else {
        (0..sk.edges.len())
            .filter(|&i| pass(&sk.edges[i]))
            .collect()
    };
    let edges = if named.is_empty() {
        edges
    } else {
        roles_of_actors(sk, &named, edges)
    };
    let mut nodes: BTreeSet<u32> = named.into_iter().collect();
    for &i in &edges {
        nodes.extend([sk.edges[i].source, sk.edges[i].target]);
    }
    Ok(Chosen {
        edges,
        nodes: nodes.into_iter().collect(),
        thin: Vec::new(),
    })
}

/// [`keep_roles_of_actors`] on the skeleton's edges `edges`.
fn roles_of_actors(sk: &Skeleton, named: &[u32], mut edges: Vec<usize>) -> Vec<usize> {
    let e = |i: usize| &sk.edges[i];
    let actors: BTreeSet<u32> = edges
        .iter()
        .filter(|&&i| e(i).kind.is_event())
        .flat_map(|&i| [e(i).source, e(i).target])
        .collect();
    if !actors.is_empty() {
        edges.retain(|&i| {
            e(i).kind.is_event() || actors.contains(&e(i).source) || named.contains(&e(i).source)
        });
    }
    edges
}

/// The nodes within `depth` steps of `n` over the passing edges.
fn reach(sk: &Skeleton, n: u32, depth: usize, pass: &dyn Fn(&SkEdge) -> bool) -> BTreeSet<u32> {
    let mut seen = BTreeSet::from([n]);
    let mut frontier = vec![n];
    for _ in 0..depth {
        let mut next = Vec::new();
        for at in frontier {
            for e in sk.incident(at).filter(|e| pass(e)) {
                let o = if e.source == at { e.target } else { e.source };
                if seen.insert(o) {
                    next.push(o);
                }
            }
        }
        frontier = next;
    }
    seen
}
