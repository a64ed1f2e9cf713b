//! What an export reads: its nodes in id order, then its edges in order
//! (source id, target id, kind), one at a time. A loaded [`Graph`] is one; a
//! graph file's cache read edge by edge ([`Cached`]) is another, so that an
//! export of any size holds one edge's evidence at a time.

use super::filter::{choose, Selection};
use crate::error::{Error, Result};
use crate::graph::skeleton::SkEdge;
use crate::graph::{Edge, Graph, Occurrence};
use crate::model::EntityKind;
use crate::query::Filter;
use crate::store::cache::cache_path;
use crate::store::EdgeReader;
use crate::text::date::Date;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// A node as an export writes it.
pub struct NodeRow<'a> {
    /// Stable id (`country:china`).
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// What it is.
    pub kind: EntityKind,
    /// Its other names, sorted.
    pub aliases: Vec<&'a str>,
    /// Alpha-3 code for a country.
    pub code: Option<&'a str>,
    /// How many articles name it.
    pub articles: usize,
}

/// What a drawing or a table row shows of an edge (its statements kept):
/// how many, the first and last date, and the first statement.
pub struct Summary<'a> {
    /// What the edge says.
    pub kind: crate::model::EdgeKind,
    /// How many statements.
    pub weight: usize,
    /// The earliest date stated for.
    pub earliest: Option<Date>,
    /// The latest date stated for.
    pub latest: Option<Date>,
    /// The first statement, in the edge's order.
    pub first: Option<Cow<'a, Occurrence>>,
}

impl Summary<'_> {
    /// The summary of an edge in memory.
    pub fn of(e: &Edge) -> Summary<'_> {
        Summary {
            kind: e.kind,
            weight: e.weight(),
            earliest: e.earliest(),
            latest: e.latest(),
            first: e.occurrences.first().map(Cow::Borrowed),
        }
    }

    /// The CAMEO code of its first statement ("" without one).
    pub fn cameo(&self) -> &str {
        self.first.as_ref().map(|o| o.cameo.as_str()).unwrap_or("")
    }
}

/// Something an export can write: nodes, then edges one at a time.
pub trait Source {
    /// Every node shown, in id order.
    fn rows(&self) -> Vec<NodeRow<'_>>;
    /// Hands every edge to `f` in order, with its ends' ids; stops at the first error.
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&str, &str, &Edge) -> std::io::Result<()>,
    ) -> std::io::Result<()>;
    /// Hands every edge's [`Summary`] to `f` in order, as [`Source::each_edge`]
    /// hands the edges (a source may read less for it).
    fn each_summary(
        &self,
        f: &mut dyn FnMut(&str, &str, &Summary) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.each_edge(&mut |s, t, e| f(s, t, &Summary::of(e)))
    }
}

impl Source for Graph {
    fn rows(&self) -> Vec<NodeRow<'_>> {
        self.nodes()
            .into_iter()
            .map(|n| {
                let node = self.node(n);
                NodeRow {
                    id: &node.id,
                    name: &node.name,
                    kind: node.kind,
                    aliases: node.aliases.iter().map(String::as_str).collect(),
                    code: node.code.as_deref(),
                    articles: node.articles.len(),
                }
            })
            .collect()
    }

    fn each_edge(
        &self,
        f: &mut dyn FnMut(&str, &str, &Edge) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        for (s, t, e) in self.edges() {
            f(&self.node(s).id, &self.node(t).id, e)?;
        }
        Ok(())
    }
}

/// A selection of a graph file read from its cache, edge by edge: what
/// [`super::filter::subgraph`] of the loaded graph gives, for the whole
/// graph, a focus, or kinds and dates (not two sides: see
/// [`super::filter::read_subgraph`]).
pub struct Cached {
    reader: EdgeReader,
    edges: Vec<usize>,
    nodes: Vec<u32>,
    filter: Filter,
    path: PathBuf,
    /// The node `--focus` names, found on the skeleton.
    focus: Option<u32>,
}

impl Cached {
    /// The selection `sel` of the graph file at `path`, if its cache is fresh
    /// and `sel` names no two sides; an error when a name matches nothing.
    pub fn open(path: &Path, sel: &Selection) -> Option<Result<Cached>> {
        if sel.between.is_some() {
            return None;
        }
        let reader = EdgeReader::open(path)?;
        let sk = reader.skeleton();
        let mut by_id = sel.clone();
        let (edges, nodes) = if sel.is_everything() {
            let n = u32::try_from(sk.nodes.len()).ok()?;
            ((0..sk.edges.len()).collect(), (0..n).collect())
        } else {
            match choose(sk, sel, &mut by_id) {
                Ok(c) => (c.edges, c.nodes),
                Err(e) => return Some(Err(e)),
            }
        };
        let focus = by_id.focus.and_then(|id| sk.node_by_id(&id));
        Some(Ok(Cached {
            reader,
            edges,
            nodes,
            filter: sel.filter.clone(),
            path: path.to_path_buf(),
            focus,
        }))
    }

    /// The title of its drawing, as [`super::filter::title`] gives it for the
    /// same selection: the focus, and the first and last dates of its events
    /// (of any edge when it holds none); `None` without a focus.
    pub fn title(&self) -> Option<String> {
        let sk = self.reader.skeleton();
        let name = sk.nodes.get(self.focus? as usize)?.name.clone();
        let span = |events: bool| {
            let mut span: Option<(Date, Date)> = None;
            for e in self.edges.iter().map(|&i| &sk.edges[i]) {
                if events && !e.kind.is_event() {
                    continue;
                }
                let (first, last) = self.dates_of(e);
                if let Some((a, b)) = first.zip(last) {
                    span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
                }
            }
            span
        };
        Some(super::filter::dated(
            name,
            span(true).or_else(|| span(false)),
        ))
    }

    /// The dates of an edge's statements that pass the filter, with their counts.
    fn kept<'a>(&self, e: &'a SkEdge) -> &'a [(Date, u32)] {
        let f = &self.filter;
        let from = f.since.map_or(0, |d| e.dates.partition_point(|x| x.0 < d));
        let to = f
            .until
            .map_or(e.dates.len(), |d| e.dates.partition_point(|x| x.0 <= d));
        e.dates.get(from..to).unwrap_or_default()
    }

    /// The first and last date of an edge's statements that pass the filter.
    fn dates_of(&self, e: &SkEdge) -> (Option<Date>, Option<Date>) {
        let kept = self.kept(e);
        (kept.first().map(|d| d.0), kept.last().map(|d| d.0))
    }

    /// The summary of skeleton edge `i` under the filter, reading only its
    /// first kept statement: undated ones come first, then date by date.
    fn summary(&self, i: usize) -> std::io::Result<Summary<'static>> {
        let e = &self.reader.skeleton().edges[i];
        let (earliest, latest) = self.dates_of(e);
        // the undated group comes first and always passes; else the first kept date's
        let group = match e.undated {
            0 => earliest.map(|d| e.dates.partition_point(|x| x.0 < d)),
            _ => Some(0),
        };
        let first = match group {
            Some(g) => self.reader.first_of_group(i, g)?,
            None => None,
        };
        Ok(Summary {
            kind: e.kind,
            weight: e.undated as usize + self.kept(e).iter().map(|d| d.1 as usize).sum::<usize>(),
            earliest,
            latest,
            first: first.map(Cow::Owned),
        })
    }

    /// How many edges it writes.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// A read failure as the library's error, naming the cache file.
    pub fn error(&self, e: std::io::Error) -> Error {
        Error::io(cache_path(&self.path), e)
    }
}

impl Source for Cached {
    fn rows(&self) -> Vec<NodeRow<'_>> {
        let sk = self.reader.skeleton();
        self.nodes
            .iter()
            .filter_map(|&n| sk.nodes.get(n as usize))
            .map(|n| NodeRow {
                id: &n.id,
                name: &n.name,
                kind: n.kind,
                aliases: n.aliases.iter().map(String::as_str).collect(),
                code: n.code.as_deref(),
                articles: n.articles,
            })
            .collect()
    }

    fn each_edge(
        &self,
        f: &mut dyn FnMut(&str, &str, &Edge) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let sk = self.reader.skeleton();
        for &i in &self.edges {
            let mut e = self.reader.edge(i)?;
            e.occurrences.retain(|o| self.filter.occurrence(o));
            let (s, t) = sk.ends(&sk.edges[i]);
            f(&s.id, &t.id, &e)?;
        }
        Ok(())
    }

    fn each_summary(
        &self,
        f: &mut dyn FnMut(&str, &str, &Summary) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let sk = self.reader.skeleton();
        for &i in &self.edges {
            let (s, t) = sk.ends(&sk.edges[i]);
            f(&s.id, &t.id, &self.summary(i)?)?;
        }
        Ok(())
    }
}
