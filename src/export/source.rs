//! What an export reads: its nodes in id order, then its edges in order
//! (source id, target id, kind), one at a time. A loaded [`Graph`] is one; a
//! graph file's cache read edge by edge ([`Cached`]) is another, so that an
//! export of any size holds one edge's evidence at a time.

use super::filter::{choose, Selection};
use crate::error::{Error, Result};
use crate::graph::{Edge, Graph};
use crate::model::EntityKind;
use crate::query::Filter;
use crate::store::cache::cache_path;
use crate::store::EdgeReader;
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

/// Something an export can write: nodes, then edges one at a time.
pub trait Source {
    /// Every node shown, in id order.
    fn rows(&self) -> Vec<NodeRow<'_>>;
    /// Hands every edge to `f` in order, with its ends' ids; stops at the first error.
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&str, &str, &Edge) -> std::io::Result<()>,
    ) -> std::io::Result<()>;
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
        let (edges, nodes) = if sel.is_everything() {
            let n = u32::try_from(sk.nodes.len()).ok()?;
            ((0..sk.edges.len()).collect(), (0..n).collect())
        } else {
            match choose(sk, sel, &mut sel.clone()) {
                Ok(c) => (c.edges, c.nodes),
                Err(e) => return Some(Err(e)),
            }
        };
        Some(Ok(Cached {
            reader,
            edges,
            nodes,
            filter: sel.filter.clone(),
            path: path.to_path_buf(),
        }))
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
            let at = &sk.edges[i];
            let (s, t) = (&sk.nodes[at.source as usize], &sk.nodes[at.target as usize]);
            f(&s.id, &t.id, &e)?;
        }
        Ok(())
    }
}
