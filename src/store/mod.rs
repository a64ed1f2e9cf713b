//! Stage 7: the graph file. Our own versioned RON format with stable string
//! ids (not petgraph's internals), written sorted and atomically.

mod ahead;
pub(crate) mod bulk;
pub(crate) mod cache;
mod copy;
pub(crate) mod lock;
pub(crate) mod temp;
#[doc(hidden)]
pub mod testing;

pub use ahead::Ahead;
pub use temp::remove_temp_files;

pub use cache::{
    read_around, read_chosen, read_edges, read_first_sentences, read_skeleton, Chosen, EdgeReader,
};

use crate::error::{Error, Result};
use crate::graph::skeleton::{SkEdge, SkNode, Skeleton, Tally};
use crate::graph::NodeId;
use crate::graph::{Edge, Graph, Node, Occurrence};
use crate::model::{EdgeKind, EntityKind};
use crate::text::article::Provenance;
use crate::text::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// The format version this build writes: 4 writes each copy of a story as
/// what differs from its leader (see `store/copy.rs`).
pub const VERSION: u32 = 4;

/// The last format version writing copies in full, as [`GraphFile`]'s own
/// serde form does (so [`Graph::to_file`] names it).
pub const FULL_COPIES: u32 = 3;

/// The oldest format version this build migrates on load.
pub const OLDEST: u32 = 0;

/// The file as stored; `E` is how an edge is stored (format 4 reads its
/// copies as what differs from their leaders first, then makes them whole).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile<E = StoredEdge> {
    /// Always "ties-graph".
    pub format: String,
    /// The format version it was written in ([`VERSION`] when this build
    /// writes the file; [`FULL_COPIES`] from [`Graph::to_file`]).
    pub version: u32,
    /// Articles built in, with their dates.
    pub articles: BTreeMap<String, Option<Date>>,
    /// Where each article came from, for those known (version 2; empty before).
    #[serde(default)]
    pub provenance: BTreeMap<String, Provenance>,
    /// Every node, sorted by id.
    pub nodes: Vec<StoredNode>,
    /// Every edge, sorted by source id, target id and kind.
    pub edges: Vec<E>,
}

/// A node as stored: a [`Node`] with its articles by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredNode {
    /// Stable id, `kind:slug` (`country:china`).
    pub id: String,
    /// Its name (`Qin Gang`).
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Every other surface form seen in any article (`Qin`).
    pub aliases: BTreeSet<String>,
    /// Alpha-3 code (ISO 3166-1) for a country (`CHN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Articles it appears in, sorted.
    pub articles: BTreeSet<String>,
}

impl StoredNode {
    /// Node `n` of `g`, as stored.
    fn of(g: &Graph, n: NodeId) -> StoredNode {
        let node = g.node(n);
        StoredNode {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: node.kind,
            aliases: node.aliases.clone(),
            code: node.code.clone(),
            articles: g.articles_of(n).into_iter().map(str::to_string).collect(),
        }
    }

    /// Adds it to `g` (no merging).
    fn insert_into(self, g: &mut Graph) -> NodeId {
        let n = g.insert_node(Node {
            id: self.id,
            name: self.name,
            kind: self.kind,
            aliases: self.aliases,
            code: self.code,
            articles: Default::default(),
        });
        for a in &self.articles {
            g.add_node_article(n, a);
        }
        n
    }
}

/// An edge as stored: its ends by node id.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredEdge {
    /// Node id of the source (`country:china`); the smaller id for undirected kinds.
    pub source: String,
    /// Node id of the target (`country:pakistan`).
    pub target: String,
    /// The edge's kind and occurrences, stored inline beside the ends.
    #[serde(flatten)]
    pub edge: Edge,
}

/// Just the header, read first to check the version (other fields ignored).
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Version 0: version 1 without the `articles` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphFileV0 {
    format: String,
    #[allow(dead_code)]
    version: u32,
    nodes: Vec<StoredNode>,
    edges: Vec<StoredEdge>,
}

impl GraphFileV0 {
    /// To version 1: the articles are those the nodes and evidence name;
    /// their dates were not kept, so they are unknown.
    fn migrate(self) -> GraphFile {
        let mut articles = BTreeMap::new();
        for n in &self.nodes {
            for a in &n.articles {
                articles.insert(a.clone(), None);
            }
        }
        for e in &self.edges {
            for ev in e.edge.occurrences.iter().flat_map(Occurrence::evidences) {
                articles.insert(ev.article.clone(), None);
            }
        }
        GraphFile {
            format: self.format,
            version: 1,
            articles,
            provenance: BTreeMap::new(),
            nodes: self.nodes,
            edges: self.edges,
        }
    }
}

impl<E> GraphFile<E> {
    /// The same file with each edge turned into another form by `f`.
    fn map_edges<F>(self, f: impl FnMut(E) -> F) -> GraphFile<F> {
        GraphFile {
            format: self.format,
            version: self.version,
            articles: self.articles,
            provenance: self.provenance,
            nodes: self.nodes,
            edges: self.edges.into_iter().map(f).collect(),
        }
    }
}

impl GraphFile {
    /// Folds the copies of each story into one statement: of every edge
    /// (`all`, for files older than version 3, which counted each copy), or
    /// of edges where a copy holds copies (a file edited by hand: the graph
    /// keeps one level).
    fn fold_copies(&mut self, all: bool) {
        for e in &mut self.edges {
            let occs = &mut e.edge.occurrences;
            let nested = || {
                occs.iter()
                    .flat_map(|o| &o.copies)
                    .any(|c| !c.copies.is_empty())
            };
            if all || nested() {
                *occs = crate::graph::fold_stories(std::mem::take(occs));
            }
        }
    }
}

/// Reads a file of format `version` and migrates it, step by step, to the
/// current one. Errors keep the file's line and column.
fn read_version(text: &str, origin: &Path, version: u32) -> Result<GraphFile> {
    let parse = |e: ron::error::SpannedError| {
        let mut err = Error::ron(origin, &e);
        if let Error::Parse {
            line,
            column,
            message,
            ..
        } = &mut err
        {
            (*line, *column) = inside_edge(text, (*line, *column), message);
        }
        err
    };
    match version {
        0 => Ok(ron::from_str::<GraphFileV0>(text).map_err(parse)?.migrate()),
        // version 2 added `provenance`, which version 1 files read as empty;
        // version 3 the `copies` of a statement, which older files never have
        1 | 2 | FULL_COPIES => ron::from_str::<GraphFile>(text).map_err(parse),
        // version 4 writes a copy as what differs from its leader
        VERSION => Ok(ron::from_str::<GraphFile<copy::StoredEdgeV4>>(text)
            .map_err(parse)?
            .map_edges(copy::StoredEdgeV4::whole)),
        v => Err(Error::Version {
            path: origin.to_path_buf(),
            found: v,
            supported: VERSION,
        }),
    }
}

/// Where an error the parser reports at the end of an edge lies: an edge's
/// fields are read as a whole (its kind and occurrences sit beside its ends),
/// so a bad value anywhere in it is reported at its closing brace. The
/// value the message quotes is found within the edge; else the edge's first
/// line is given. Positions not at a closing brace are kept.
fn inside_edge(text: &str, (line, column): (usize, usize), message: &str) -> (usize, usize) {
    let start: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    if !text
        .get(start..)
        .is_some_and(|l| l.trim_start().starts_with('}'))
    {
        return (line, column);
    }
    let Some(open) = text[..start].rfind("{\n") else {
        return (line, column);
    };
    let quoted = message.split('`').skip(1).step_by(2);
    let strings = message.split('"').skip(1).step_by(2);
    let block = &text[open..start];
    if message.contains("missing field") {
        return position(text, open);
    }
    let found = quoted
        .filter_map(|w| block.find(w))
        .chain(strings.filter_map(|w| block.find(&format!("\"{w}\""))))
        .next();
    position(text, open + found.unwrap_or(0))
}

/// 1-based line and column of byte `at` of `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    (
        line,
        before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1,
    )
}

/// 1-based line and column of the first `word` in `text` (1, 1 when absent).
fn locate(text: &str, word: &str) -> (usize, usize) {
    locate_nth(text, word, 1)
}

/// 1-based line and column of the `nth` `word` in `text` (1, 1 when absent).
fn locate_nth(text: &str, word: &str, nth: usize) -> (usize, usize) {
    let Some((at, _)) = text.match_indices(word).nth(nth.saturating_sub(1)) else {
        return (1, 1);
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// 1-based line and column of the key `field` of the `k`th edge (from 0)
/// of a graph file's text; (1, 1) when it cannot be found.
fn locate_edge(text: &str, k: usize, field: &str) -> (usize, usize) {
    let Some(edges) = text.find("edges:") else {
        return (1, 1);
    };
    let key = format!("\"{field}\"");
    let Some((at, _)) = text[edges..].match_indices(&key).nth(k) else {
        return (1, 1);
    };
    let before = &text[..edges + at];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// What is wrong with an edge of a file about to join `g`, if anything:
/// a loop, an undirected edge written from the larger id, an edge already
/// there, an occurrence of an article not listed.
fn edge_problem(g: &Graph, s: NodeId, t: NodeId, e: &StoredEdge) -> Option<String> {
    let kind = e.edge.kind;
    let ends = format!("{} -> {} ({kind:?})", e.source, e.target);
    if s == t {
        return Some(format!(
            "edge {ends} joins a node to itself; expected two different nodes"
        ));
    }
    if !kind.is_directed() && e.source > e.target {
        return Some(format!(
            "edge {ends} is undirected and must run from the smaller id; swap its source and target"
        ));
    }
    if g.edge_index(s, t, kind).is_some() {
        return Some(format!(
            "edge {ends} appears twice; expected each edge once (merge their occurrences into one)"
        ));
    }
    let missing = e
        .edge
        .occurrences
        .iter()
        .flat_map(Occurrence::evidences)
        .find(|e| !g.articles.contains_key(&e.article))?;
    Some(format!(
        "edge {ends} has a statement from article {:?}, which is not listed under `articles`; expected every article listed there (the file was edited or damaged)",
        missing.article
    ))
}

impl Graph {
    /// The graph as a file struct, sorted: the same graph gives the same
    /// bytes. Its serde form writes copies in full: it is a file of version
    /// [`FULL_COPIES`], which it names (every later ties reads it).
    pub fn to_file(&self) -> GraphFile {
        let nodes = self
            .nodes()
            .into_iter()
            .map(|n| StoredNode::of(self, n))
            .collect();
        let edges = self
            .edges()
            .into_iter()
            .map(|(s, t, e)| StoredEdge {
                source: self.node(s).id.clone(),
                target: self.node(t).id.clone(),
                edge: e.clone(),
            })
            .collect();
        GraphFile {
            format: "ties-graph".into(),
            version: FULL_COPIES,
            articles: self.articles.clone(),
            provenance: self.provenance.clone(),
            nodes,
            edges,
        }
    }

    /// Rebuilds a graph from a file struct; `origin` names it in errors.
    pub fn from_file(f: GraphFile, origin: &Path) -> Result<Graph> {
        Graph::from_file_in(f, origin, None)
    }

    /// As [`Graph::from_file`]; with the file's `text`, errors give a line.
    /// Every invariant a written file holds is checked: each node once, each
    /// edge once (an undirected one from the smaller id), every edge between
    /// listed nodes, every article a node or statement names listed.
    fn from_file_in(f: GraphFile, origin: &Path, text: Option<&str>) -> Result<Graph> {
        let bad = |(line, column): (usize, usize), message: String| match text {
            Some(_) => Error::Parse {
                path: origin.to_path_buf(),
                line,
                column,
                message,
            },
            None => Error::Invalid(format!("{}: {message}", origin.display())),
        };
        let t = text.unwrap_or("");
        let mut g = Graph::new();
        g.articles = f.articles;
        for n in f.nodes {
            if g.node_by_id(&n.id).is_some() {
                return Err(bad(
                    locate_nth(t, &format!("{:?}", n.id), 2),
                    format!("node {:?} appears twice; expected each node once", n.id),
                ));
            }
            if let Some(a) = n.articles.iter().find(|a| !g.articles.contains_key(*a)) {
                return Err(bad(
                    locate(t, &format!("{:?}", n.id)),
                    format!(
                        "node {:?} names article {a:?}, which is not listed under `articles`; expected every article of a node listed there (the file was edited or damaged)",
                        n.id
                    ),
                ));
            }
            n.insert_into(&mut g);
        }
        for (k, e) in f.edges.into_iter().enumerate() {
            let at = |field: &str| locate_edge(t, k, field);
            let (s, tg) = match (g.node_by_id(&e.source), g.node_by_id(&e.target)) {
                (Some(s), Some(tg)) => (s, tg),
                (s, _) => {
                    return Err(bad(
                        at(if s.is_none() { "source" } else { "target" }),
                        format!(
                            "an edge names a node that is not in the file ({} -> {}); expected a node id listed under `nodes` (the file was edited or damaged)",
                            e.source, e.target
                        ),
                    ))
                }
            };
            if let Some(problem) = edge_problem(&g, s, tg, &e) {
                return Err(bad(at("kind"), problem));
            }
            g.insert_edge(s, tg, e.edge);
        }
        if let Some(a) = f.provenance.keys().find(|a| !g.articles.contains_key(*a)) {
            return Err(bad(
                locate(t, &format!("{a:?}: (")),
                format!("provenance names article {a:?}, which is not listed under `articles`; expected every article there listed (the file was edited or damaged)"),
            ));
        }
        g.provenance = f.provenance;
        Ok(g)
    }

    /// The graph as RON text.
    pub fn to_ron(&self) -> String {
        let mut out = Vec::new();
        // writing to memory cannot fail, and only valid UTF-8 is written
        let _ = self.write_ron(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// The graph as RON text, as the `ron` crate writes it (pretty, no
    /// struct names, two-space indent): the reference [`Graph::write_ron`]
    /// must match byte for byte.
    pub fn to_ron_reference(&self) -> String {
        let mut s = String::new();
        let _ = ron::Options::default().to_writer_pretty(&mut s, &self.file_view(), ron_config());
        s.push('\n');
        s
    }

    /// Writes the graph file's RON: the bytes [`Graph::to_ron_reference`]
    /// gives, written directly (the `ron` serializer escapes strings one
    /// character at a time, which made saving slower than building).
    pub fn write_ron(&self, w: &mut (impl Write + Send)) -> std::io::Result<()> {
        let lists = NodeLists::of(self);
        self.write_file(w, &lists, &mut own_occurrences, &mut |_, _, _, _, _| Ok(()))
    }

    /// Writes the graph file's RON, taking each edge's occurrences from
    /// `occs` (which hands them, sorted, to its last argument) and showing
    /// them to `each` with the edge's ends as positions in id order.
    pub(crate) fn write_file(
        &self,
        w: &mut (impl Write + Send),
        lists: &NodeLists<'_>,
        occs: &mut Occurrences<'_>,
        each: &mut EachEdge<'_>,
    ) -> std::io::Result<()> {
        w.write_all(b"(\n  format: \"ties-graph\",\n")?;
        writeln!(w, "  version: {VERSION},")?;
        self.write_articles(w)?;
        self.write_provenance(w)?;
        let at: std::collections::HashMap<NodeId, u32> = lists
            .nodes
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, i as u32))
            .collect();
        self.write_nodes(w, lists)?;
        self.write_edges(w, &at, occs, each)?;
        w.write_all(b")\n")
    }

    /// The `articles` map of the file: id and date.
    fn write_articles(&self, w: &mut impl Write) -> std::io::Result<()> {
        if self.articles.is_empty() {
            return w.write_all(b"  articles: {},\n");
        }
        w.write_all(b"  articles: {\n")?;
        for (a, d) in &self.articles {
            w.write_all(b"    ")?;
            ron_str(w, a)?;
            match d {
                Some(d) => {
                    w.write_all(b": Some(\"")?;
                    write_date(w, *d)?;
                    w.write_all(b"\"),\n")?
                }
                None => w.write_all(b": None,\n")?,
            }
        }
        w.write_all(b"  },\n")
    }

    /// The `provenance` map of the file: where each article came from.
    fn write_provenance(&self, w: &mut impl Write) -> std::io::Result<()> {
        if self.provenance.is_empty() {
            return w.write_all(b"  provenance: {},\n");
        }
        w.write_all(b"  provenance: {\n")?;
        for (a, p) in &self.provenance {
            w.write_all(b"    ")?;
            ron_str(w, a)?;
            w.write_all(b": (\n      origin: ")?;
            ron_str(w, &p.origin)?;
            for (field, v) in [
                (&b",\n      url: "[..], &p.url),
                (b",\n      source: ", &p.source),
            ] {
                w.write_all(field)?;
                match v {
                    Some(v) => {
                        w.write_all(b"Some(")?;
                        ron_str(w, v)?;
                        w.write_all(b")")?;
                    }
                    None => w.write_all(b"None")?,
                }
            }
            w.write_all(b",\n    ),\n")?;
        }
        w.write_all(b"  },\n")
    }

    /// The `nodes` list of the file, in `listed`'s order.
    fn write_nodes(&self, w: &mut impl Write, listed: &NodeLists) -> std::io::Result<()> {
        if listed.nodes.is_empty() {
            return w.write_all(b"  nodes: [],\n");
        }
        w.write_all(b"  nodes: [\n")?;
        let lines = ListLines::of(&listed.ranks.names, b"      ")?;
        for (&id, places) in listed.nodes.iter().zip(&listed.places) {
            let n = self.node(id);
            w.write_all(b"    (\n      id: ")?;
            ron_str(w, &n.id)?;
            w.write_all(b",\n      name: ")?;
            ron_str(w, &n.name)?;
            writeln!(w, ",\n      kind: {:?},", n.kind)?;
            ron_strs(w, b"      ", "aliases", n.aliases.iter())?;
            if let Some(c) = &n.code {
                w.write_all(b"      code: Some(")?;
                ron_str(w, c)?;
                w.write_all(b"),\n")?;
            }
            match places {
                Some(places) => lines.write(w, "articles", places)?,
                None => ron_strs(w, b"      ", "articles", self.articles_of(id).into_iter())?,
            }
            w.write_all(b"    ),\n")?;
        }
        w.write_all(b"  ],\n")
    }

    /// The `edges` list of the file; each edge's sorted occurrences also go
    /// to `each` (the cache), written side by side with the RON.
    fn write_edges(
        &self,
        w: &mut (impl Write + Send),
        at: &std::collections::HashMap<NodeId, u32>,
        occs: &mut Occurrences<'_>,
        each: &mut EachEdge<'_>,
    ) -> std::io::Result<()> {
        let edges = self.edges();
        if edges.is_empty() {
            return w.write_all(b"  edges: [],\n");
        }
        w.write_all(b"  edges: [\n")?;
        // the edges' lines gather in memory and go to `w` a megabyte or more
        // at a time, past its buffer (no copy into it, no growing by copy)
        let mut out = Vec::with_capacity(SPOOL + SPOOL / 4);
        for (s, t, e) in edges {
            out.extend_from_slice(b"    {\n      \"source\": ");
            ron_str(&mut out, &self.node(s).id)?;
            out.extend_from_slice(b",\n      \"target\": ");
            ron_str(&mut out, &self.node(t).id)?;
            writeln!(out, ",\n      \"kind\": {:?},", e.kind)?;
            let (from, to) = (at[&s], at[&t]);
            occs(s, t, e, &mut |bytes, read| {
                let decoded;
                let sorted = match read {
                    Some(read) => read,
                    None => {
                        decoded = cache::views_of(bytes).ok_or_else(|| {
                            std::io::Error::other("an edge's occurrences do not decode")
                        })?;
                        &decoded
                    }
                };
                let mut ron = || write_occurrences(&mut *w, &mut out, sorted);
                let mut other = || each(from, to, e.kind, bytes, sorted);
                // with one thread to run on, a join only hands both halves
                // to it and back (two switches per edge)
                let (ron, other) = match rayon::current_num_threads() {
                    1 => (ron(), other()),
                    _ => rayon::join(ron, other),
                };
                ron.and(other)
            })?;
            out.extend_from_slice(b"    },\n");
        }
        w.write_all(&out)?;
        w.write_all(b"  ],\n")
    }

    /// The file struct borrowed from the graph: serializes to the same bytes
    /// as [`Graph::to_file`] without copying the graph.
    fn file_view(&self) -> FileView<'_> {
        let nodes = self
            .nodes()
            .into_iter()
            .map(|n| StoredNode::of(self, n))
            .collect();
        let edges = self
            .edges()
            .into_iter()
            .map(|(s, t, e)| StoredEdgeView {
                source: &self.node(s).id,
                target: &self.node(t).id,
                edge: EdgeView {
                    kind: e.kind,
                    occurrences: Sorted(&e.occurrences),
                },
            })
            .collect();
        FileView {
            format: "ties-graph",
            version: VERSION,
            articles: &self.articles,
            provenance: &self.provenance,
            nodes,
            edges,
        }
    }

    /// Parses RON text of a graph file, migrating older versions; `origin`
    /// names it in errors, with line and column.
    pub fn from_ron(text: &str, origin: &Path) -> Result<Graph> {
        let header: Header = ron::from_str(text).map_err(|e| {
            let mut err = Error::ron(origin, &e);
            if let Error::Parse {
                message, line: 1, ..
            } = &mut err
            {
                message.push_str(
                    "; expected a ties graph file `(format: \"ties-graph\", version: N, ...)`",
                );
            }
            err
        })?;
        let at = |field: &str, message: String| {
            let (line, column) = locate(text, field);
            Error::Parse {
                path: origin.to_path_buf(),
                line,
                column,
                message,
            }
        };
        if header.format != "ties-graph" {
            return Err(at(
                "format",
                format!("format is {:?}, expected \"ties-graph\"", header.format),
            ));
        }
        if header.version > VERSION {
            return Err(at(
                "version",
                format!(
                    "graph format version {} is newer than this ties understands (expected {OLDEST} to {VERSION}); upgrade ties",
                    header.version
                ),
            ));
        }
        let mut f = read_version(text, origin, header.version)?;
        f.fold_copies(header.version < 3);
        Graph::from_file_in(f, origin, Some(text))
    }

    /// Loads a graph file: from its binary cache (`PATH.cache`, see
    /// [`crate::store::cache`]) when that was made from the file as it is now,
    /// otherwise by parsing the RON, then writing the cache afresh (a cache
    /// that cannot be written is no error).
    pub fn load(path: &Path) -> Result<Graph> {
        let path = &resolve(path)?;
        if let Some(g) = crate::store::cache::read(path) {
            return Ok(g);
        }
        let g = Graph::load_ron(path)?;
        Ok(g)
    }

    /// Loads a graph file by parsing its RON, ignoring any cache; refreshes
    /// the cache.
    pub fn load_ron(path: &Path) -> Result<Graph> {
        // the file's identity before reading: a cache stamped with it can
        // only ever be served for the bytes read here
        let path = &resolve(path)?;
        let read_as = cache::stamp(path);
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let g = Graph::from_ron(&text, path)?;
        drop(text);
        if let Some(read_as) = read_as {
            let _ = crate::store::cache::refresh(path, &g, read_as);
        }
        Ok(g)
    }

    /// Writes the graph to `path` atomically: a temporary file in the same
    /// folder, synced, then renamed over the old one. Then puts its binary
    /// cache (`PATH.cache`) beside it; a cache that cannot be written is no
    /// error, as loading never trusts a cache that does not match the file.
    /// Returns the graph's skeleton, as saved.
    pub fn save(&self, path: &Path) -> Result<Skeleton> {
        self.save_with(path, &mut own_occurrences)
    }

    /// [`Graph::save`], with each edge's occurrences taken from `occs`;
    /// writes the file and its cache in one pass and returns the skeleton.
    pub(crate) fn save_with(&self, path: &Path, occs: &mut Occurrences<'_>) -> Result<Skeleton> {
        let path = &resolve(path)?;
        let lists = NodeLists::of(self);
        let mut cache = crate::store::cache::Writer::begin(path, self, &lists).ok();
        let mut edges: Vec<SkEdge> = Vec::with_capacity(self.edge_count());
        write_atomic_with(path, |f| {
            let mut w = std::io::BufWriter::with_capacity(SPOOL, f);
            self.write_file(&mut w, &lists, occs, &mut |s, t, kind, bytes, sorted| {
                let mut tally = Tally::default();
                for o in sorted {
                    tally.add(o.date);
                }
                edges.push(tally.edge(s, t, kind));
                if let Some(c) = &mut cache {
                    if c.edge(bytes, sorted).is_err() {
                        cache = None;
                    }
                }
                Ok(())
            })?;
            w.flush()
        })?;
        let nodes = lists
            .nodes
            .iter()
            .map(|&n| SkNode::of(self.node(n)))
            .collect();
        let sk = Skeleton::new(
            self.articles.len(),
            crate::graph::skeleton::article_dates(self),
            nodes,
            edges,
        );
        if let Some(c) = cache {
            let _ = c.finish(path, &sk);
        }
        Ok(sk)
    }
}

/// Hands an edge's occurrences, sorted, to a writer (see [`Graph::write_file`])
/// as the cache holds them: a list of [`cache::COcc`]s ([`cache::encode_all`]).
pub(crate) type Occurrences<'a> =
    dyn FnMut(NodeId, NodeId, &Edge, &mut EdgeBytes) -> std::io::Result<()> + 'a;

/// Takes an edge's occurrences as the cache holds them, and, when known
/// already, as read from those bytes (or it reads them).
pub(crate) type EdgeBytes<'a> =
    dyn FnMut(&[u8], Option<&[cache::View]>) -> std::io::Result<()> + 'a;

/// Sees each edge written: its ends as node positions in id order, its
/// kind and its sorted occurrences, as bytes and as read from them.
pub(crate) type EachEdge<'a> =
    dyn FnMut(u32, u32, EdgeKind, &[u8], &[cache::View]) -> std::io::Result<()> + Send + 'a;

/// How many bytes of the edges' lines gather in memory before they go to
/// the writer: as many as its buffer holds, so they pass it by.
const SPOOL: usize = 1 << 20;

/// A graph's nodes in id order, each with its articles as places among the
/// listed ones (`None` if one is not listed): what the file and its cache
/// both write, worked out once for the two.
pub(crate) struct NodeLists<'a> {
    /// Each article number's place among the listed articles.
    pub(crate) ranks: crate::graph::Ranks<'a>,
    /// The nodes, in id order.
    pub(crate) nodes: Vec<NodeId>,
    /// Per node in `nodes`, its articles' places, ascending.
    pub(crate) places: Vec<Option<Vec<u32>>>,
}

impl NodeLists<'_> {
    /// The lists of `g`.
    pub(crate) fn of(g: &Graph) -> NodeLists<'_> {
        let ranks = g.ranks();
        let nodes = g.nodes();
        let places = nodes
            .iter()
            .map(|&n| ranks.places(&g.node(n).articles))
            .collect();
        NodeLists {
            ranks,
            nodes,
            places,
        }
    }
}

/// An edge's `occurrences` list, onto `out` (the lines before it, written
/// into memory: a `Vec`'s writes inline, a `BufWriter`'s each cost a call);
/// `out` goes to `w` whenever it holds [`SPOOL`] bytes.
fn write_occurrences(
    w: &mut impl Write,
    out: &mut Vec<u8>,
    sorted: &[cache::View],
) -> std::io::Result<()> {
    if sorted.is_empty() {
        out.extend_from_slice(b"      \"occurrences\": [],\n");
        return Ok(());
    }
    out.extend_from_slice(b"      \"occurrences\": [\n");
    for o in sorted {
        ron_occurrence(out, o)?;
        if out.len() >= SPOOL {
            w.write_all(out)?;
            out.clear();
        }
    }
    out.extend_from_slice(b"      ],\n");
    Ok(())
}

/// The occurrences an edge holds, sorted, as the cache holds them.
fn own_occurrences(_: NodeId, _: NodeId, e: &Edge, f: &mut EdgeBytes) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    cache::encode_all(&e.sorted(), &mut bytes);
    f(&bytes, None)
}

/// A string as `ron` writes it: quoted, each character `char::escape_debug`ged.
/// Runs of plain ASCII are found eight bytes at a time
/// ([`crate::bytes::ron_plain_len`]) and written in one piece with the
/// characters beyond ASCII that need no escape (the common ones known
/// without asking `escape_debug`: [`crate::bytes::ron_plain_wide`]).
fn ron_str(w: &mut impl Write, s: &str) -> std::io::Result<()> {
    ron_bytes(w, s.as_bytes())
}

/// [`ron_str`] of bytes that ought to be UTF-8 (an occurrence read in
/// place): each character beyond what is known plain is decoded, so bytes
/// that are not UTF-8 are an error, never written.
fn ron_bytes(w: &mut impl Write, b: &[u8]) -> std::io::Result<()> {
    w.write_all(b"\"")?;
    let plain = match b.len() {
        0..=16 => crate::bytes::ron_plain_short(b),
        17..=64 => crate::bytes::ron_plain_upto64(b),
        _ => false,
    };
    if plain {
        w.write_all(b)?;
        return w.write_all(b"\"");
    }
    let mut buf = [0u8; 4];
    let (mut from, mut i) = (0, 0);
    loop {
        i += crate::bytes::ron_plain_len(b, i);
        let wide = crate::bytes::ron_plain_wide(b, i);
        if wide > 0 {
            i += wide;
            continue;
        }
        let Some(&lead) = b.get(i) else {
            break;
        };
        if matches!(lead, b'"' | b'\\' | b'\'') {
            // the quotes and backslash `escape_debug` escapes, without asking it
            w.write_all(&b[from..i])?;
            w.write_all(&[b'\\', lead])?;
            i += 1;
            from = i;
            continue;
        }
        let n = match lead {
            0..0x80 => 1,
            0xc2..0xe0 => 2,
            0xe0..0xf0 => 3,
            _ => 4,
        };
        let c = b
            .get(i..i + n)
            .and_then(|c| std::str::from_utf8(c).ok())
            .and_then(|c| c.chars().next())
            .ok_or_else(|| std::io::Error::other("a string that is not UTF-8"))?;
        if !c.is_ascii() && c.escape_debug().len() == 1 {
            i += n;
            continue;
        }
        w.write_all(&b[from..i])?;
        for e in c.escape_debug() {
            w.write_all(e.encode_utf8(&mut buf).as_bytes())?;
        }
        i += n;
        from = i;
    }
    w.write_all(&b[from..])?;
    w.write_all(b"\"")
}

/// A field holding a list of strings, at `indent`.
fn ron_strs<S: AsRef<[u8]>>(
    w: &mut impl Write,
    indent: &[u8],
    field: &str,
    items: impl ExactSizeIterator<Item = S>,
) -> std::io::Result<()> {
    let field = field.as_bytes();
    w.write_all(indent)?;
    w.write_all(field)?;
    if items.len() == 0 {
        return w.write_all(b": [],\n");
    }
    w.write_all(b": [\n")?;
    for a in items {
        w.write_all(indent)?;
        w.write_all(b"  ")?;
        ron_bytes(w, a.as_ref())?;
        w.write_all(b",\n")?;
    }
    w.write_all(indent)?;
    w.write_all(b"],\n")
}

/// The lines of a list of strings, each item's written once: a node's
/// `articles` list is one copy per article it names (the same articles
/// recur in list after list).
struct ListLines {
    /// The list field's indent (its items are two spaces further in).
    indent: &'static [u8],
    bytes: Vec<u8>,
    /// Where item `i`'s line is: `bytes[ends[i]..ends[i + 1]]`.
    ends: Vec<usize>,
    /// The longest line's length: a list's room, found without a pass.
    longest: usize,
}

impl ListLines {
    /// The lines of `items` in a list field at `indent`, as [`ron_strs`]
    /// writes them.
    fn of(items: &[&str], indent: &'static [u8]) -> std::io::Result<ListLines> {
        let mut bytes = Vec::with_capacity(items.iter().map(|a| a.len() + 12).sum());
        let mut ends = Vec::with_capacity(items.len() + 1);
        ends.push(0);
        let mut longest = 0;
        for a in items {
            let from = bytes.len();
            bytes.extend_from_slice(indent);
            bytes.extend_from_slice(b"  ");
            ron_str(&mut bytes, a)?;
            bytes.extend_from_slice(b",\n");
            ends.push(bytes.len());
            longest = longest.max(bytes.len() - from);
        }
        Ok(ListLines {
            indent,
            bytes,
            ends,
            longest,
        })
    }

    /// The list field `field` holding the items at `places`, as
    /// [`ron_strs`] writes it.
    fn write(&self, w: &mut impl Write, field: &str, places: &[u32]) -> std::io::Result<()> {
        w.write_all(self.indent)?;
        w.write_all(field.as_bytes())?;
        if places.is_empty() {
            return w.write_all(b": [],\n");
        }
        // room for all at once: no growing by copy (ids run to 60 bytes and more)
        let mut out = Vec::with_capacity(places.len() * self.longest + self.indent.len() + 8);
        out.extend_from_slice(b": [\n");
        for &p in places {
            let line = (self.ends.get(p as usize), self.ends.get(p as usize + 1));
            let (Some(&from), Some(&to)) = line else {
                return Err(std::io::Error::other("an article outside the list"));
            };
            out.extend_from_slice(&self.bytes[from..to]);
        }
        out.extend_from_slice(self.indent);
        out.extend_from_slice(b"],\n");
        w.write_all(&out)
    }
}

/// One occurrence, as an element of an edge's list. Written with plain
/// byte writes: this is most of a graph file, and `write!` costs twice as much.
fn ron_occurrence(w: &mut Vec<u8>, o: &cache::View) -> std::io::Result<()> {
    ron_occurrence_at(w, o, 8)
}

/// Spaces to indent with: `at` for an occurrence's `(`, two more for its fields.
const SPACES: &[u8] = &[b' '; 64];

/// The indents of an occurrence whose `(` is at `at` spaces: its own and its fields'.
fn indents(at: usize) -> (&'static [u8], &'static [u8]) {
    let at = at.min(SPACES.len() - 2);
    (&SPACES[..at], &SPACES[..at + 2])
}

/// The fixed pieces of the lines of an occurrence whose `(` is at one
/// indent, joined once: a copy is mostly these, each written in one piece.
struct Pieces {
    /// Its `(` line.
    open: Vec<u8>,
    /// Its evidence's first lines, up to the article's value.
    evidence: Vec<u8>,
    /// `open`, then `evidence` (a copy with no field of its own).
    open_evidence: Vec<u8>,
    /// Before its evidence's sentence, start and end.
    numbers: [Vec<u8>; 3],
    /// Before its evidence's text.
    text: Vec<u8>,
    /// After its evidence's last value, to the end of the evidence.
    evidence_end: Vec<u8>,
    /// `evidence_end`, then the occurrence's end (no copies between).
    evidence_end_close: Vec<u8>,
    /// Its `)` line.
    close: Vec<u8>,
}

impl Pieces {
    /// The pieces of an occurrence whose `(` is at `at` spaces (at most 62,
    /// as [`indents`] has it).
    fn at(at: usize) -> &'static Pieces {
        const N: usize = SPACES.len() - 1;
        static ALL: [std::sync::OnceLock<Pieces>; N] = [const { std::sync::OnceLock::new() }; N];
        let at = at.min(N - 1);
        ALL[at].get_or_init(|| Pieces::new(at))
    }

    /// The pieces at `at` spaces, joined.
    fn new(at: usize) -> Pieces {
        let (open, i) = indents(at);
        let join = |parts: &[&[u8]]| parts.concat();
        let number = |field: &[u8]| join(&[b",\n", i, b"  ", field, b": "]);
        let evidence_end = join(&[b",\n", i, b"),\n"]);
        let close = join(&[open, b"),\n"]);
        let evidence = join(&[i, b"evidence: (\n", i, b"  article: "]);
        Pieces {
            open: join(&[open, b"(\n"]),
            open_evidence: join(&[open, b"(\n", &evidence]),
            evidence,
            numbers: [number(b"sentence"), number(b"start"), number(b"end")],
            text: number(b"text"),
            evidence_end_close: join(&[&evidence_end, &close]),
            evidence_end,
            close,
        }
    }
}

/// An occurrence whose `(` is indented `at` spaces (an edge's at 8, its
/// copies at 12), its fields two more, as `ron` nests them; its copies as
/// what differs from it ([`ron_copy_at`]).
fn ron_occurrence_at(w: &mut Vec<u8>, o: &cache::View, at: usize) -> std::io::Result<()> {
    let (_, i) = indents(at);
    let p = Pieces::at(at);
    w.extend_from_slice(&p.open);
    if let Some(d) = o.date {
        ron_date(w, i, Some(d))?;
    }
    for (field, v) in [(&b"speaker"[..], o.speaker), (b"place", o.place)] {
        if v.is_some() {
            ron_opt_str(w, i, field, v)?;
        }
    }
    if o.topics().len() > 0 {
        ron_strs(w, i, "topics", o.topics())?;
    }
    if o.role.is_some() {
        ron_opt_str(w, i, b"role", o.role)?;
    }
    if o.planned {
        ron_flag(w, i, b"planned", true)?;
    }
    if o.former {
        ron_flag(w, i, b"former", true)?;
    }
    ron_cameo(w, i, o.cameo)?;
    ron_evidence(w, &p.evidence, o, p, true)?;
    ron_copies(w, o, at, p)
}

/// A copy of the story `lead` tells, its `(` indented `at` spaces (format
/// 4, see `store/copy.rs`): its evidence's place, and each other field
/// only when it differs from `lead`'s, with the copy's value (`None`,
/// `[]`, `false` or `""` included).
fn ron_copy_at(
    w: &mut Vec<u8>,
    c: &cache::View,
    lead: &cache::View,
    at: usize,
) -> std::io::Result<()> {
    let (_, i) = indents(at);
    let p = Pieces::at(at);
    // a copy sharing its leader's fields opens on its evidence: one piece
    let head = match c.shares_pre() {
        true => &p.open_evidence,
        false => {
            w.extend_from_slice(&p.open);
            ron_copy_pre(w, c, lead, i)?;
            &p.evidence
        }
    };
    let with_text = !c.shares_text() && c.text != lead.text;
    ron_evidence(w, head, c, p, with_text)?;
    ron_copies(w, c, at, p)
}

/// A copy's fields before its evidence that differ from its leader's, at
/// indent `i` (see [`ron_copy_at`]).
fn ron_copy_pre(
    w: &mut Vec<u8>,
    c: &cache::View,
    lead: &cache::View,
    i: &[u8],
) -> std::io::Result<()> {
    if c.date != lead.date {
        ron_date(w, i, c.date)?;
    }
    for (field, v, l) in [
        (&b"speaker"[..], c.speaker, lead.speaker),
        (b"place", c.place, lead.place),
    ] {
        if v != l {
            ron_opt_str(w, i, field, v)?;
        }
    }
    if !c.same_topics(lead) {
        ron_strs(w, i, "topics", c.topics())?;
    }
    if c.role != lead.role {
        ron_opt_str(w, i, b"role", c.role)?;
    }
    for (field, v, l) in [
        (&b"planned"[..], c.planned, lead.planned),
        (b"former", c.former, lead.former),
    ] {
        if v != l {
            ron_flag(w, i, field, v)?;
        }
    }
    if c.cameo != lead.cameo {
        ron_cameo(w, i, c.cameo)?;
    }
    Ok(())
}

/// The end of occurrence `o` (whose `(` is at `at`, its pieces `p`) from
/// the end of its evidence: its `copies` field, if it has copies (each as
/// what differs from `o`), and its `)` line.
fn ron_copies(w: &mut Vec<u8>, o: &cache::View, at: usize, p: &Pieces) -> std::io::Result<()> {
    if o.copies.is_empty() {
        w.extend_from_slice(&p.evidence_end_close);
        return Ok(());
    }
    w.extend_from_slice(&p.evidence_end);
    let (_, i) = indents(at);
    w.extend_from_slice(i);
    w.extend_from_slice(b"copies: [\n");
    for c in &o.copies {
        ron_copy_at(w, c, o, at + 4)?;
    }
    w.extend_from_slice(i);
    w.extend_from_slice(b"],\n");
    w.extend_from_slice(&p.close);
    Ok(())
}

/// A `date` field at indent `i`: `Some("YYYY-MM-DD")` or `None`.
fn ron_date(w: &mut impl Write, i: &[u8], d: Option<Date>) -> std::io::Result<()> {
    ron_option(w, i, b"date", d, |w, d| {
        w.write_all(b"\"")?;
        write_date(w, d)?;
        w.write_all(b"\"")
    })
}

/// An optional string field at indent `i`: `Some("...")` or `None`.
fn ron_opt_str(
    w: &mut impl Write,
    i: &[u8],
    field: &[u8],
    v: Option<&[u8]>,
) -> std::io::Result<()> {
    ron_option(w, i, field, v, |w, v| ron_bytes(w, v))
}

/// An optional field at indent `i`: `None`, or `Some(...)` holding what
/// `value` writes.
fn ron_option<W: Write, T>(
    w: &mut W,
    i: &[u8],
    field: &[u8],
    v: Option<T>,
    value: impl FnOnce(&mut W, T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    w.write_all(i)?;
    w.write_all(field)?;
    let Some(v) = v else {
        return w.write_all(b": None,\n");
    };
    w.write_all(b": Some(")?;
    value(w, v)?;
    w.write_all(b"),\n")
}

/// A `true` or `false` field at indent `i`.
fn ron_flag(w: &mut impl Write, i: &[u8], field: &[u8], v: bool) -> std::io::Result<()> {
    w.write_all(i)?;
    w.write_all(field)?;
    w.write_all(if v { b": true,\n" } else { b": false,\n" })
}

/// The `cameo` field at indent `i`.
fn ron_cameo(w: &mut impl Write, i: &[u8], cameo: &[u8]) -> std::io::Result<()> {
    w.write_all(i)?;
    w.write_all(b"cameo: ")?;
    ron_bytes(w, cameo)?;
    w.write_all(b",\n")
}

/// An occurrence's `evidence` field (the occurrence's pieces `p`), after
/// `head` (its first lines, `p.evidence`, or more before them), up to its
/// last value; its `text` only when `with_text` (a copy's is left out
/// when it is its leader's).
fn ron_evidence(
    w: &mut Vec<u8>,
    head: &[u8],
    e: &cache::View,
    p: &Pieces,
    with_text: bool,
) -> std::io::Result<()> {
    w.extend_from_slice(head);
    ron_bytes(w, e.article)?;
    for (piece, n) in p.numbers.iter().zip([e.sentence, e.start, e.end]) {
        w.extend_from_slice(piece);
        let mut buf = [0u8; 20];
        w.extend_from_slice(crate::bytes::decimal(n as u64, &mut buf));
    }
    if with_text {
        w.extend_from_slice(&p.text);
        ron_bytes(w, e.text)?;
    }
    Ok(())
}

/// A date as `YYYY-MM-DD`, as its `Display` writes it (digit by digit for
/// years 0 to 9999).
fn write_date(w: &mut impl Write, d: Date) -> std::io::Result<()> {
    if !(0..=9999).contains(&d.year) {
        return write!(w, "{d}");
    }
    let y = d.year as u32;
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        u32::from(d.month) / 10 % 10,
        u32::from(d.month) % 10,
        u32::from(d.day) / 10 % 10,
        u32::from(d.day) % 10,
    ];
    let c = |k: usize| b'0' + digits[k] as u8;
    w.write_all(&[c(0), c(1), c(2), c(3), b'-', c(4), c(5), b'-', c(6), c(7)])
}

fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("  ".to_string())
}

/// [`GraphFile`], borrowed.
#[derive(Serialize)]
struct FileView<'a> {
    format: &'a str,
    version: u32,
    articles: &'a BTreeMap<String, Option<Date>>,
    provenance: &'a BTreeMap<String, Provenance>,
    nodes: Vec<StoredNode>,
    edges: Vec<StoredEdgeView<'a>>,
}

/// [`StoredEdge`], borrowed.
#[derive(Serialize)]
struct StoredEdgeView<'a> {
    source: &'a str,
    target: &'a str,
    #[serde(flatten)]
    edge: EdgeView<'a>,
}

/// [`Edge`], borrowed.
#[derive(Serialize)]
struct EdgeView<'a> {
    kind: crate::model::EdgeKind,
    occurrences: Sorted<'a>,
}

/// Occurrences, written in order even before [`Graph::settle`], their
/// copies as what differs from their leaders.
struct Sorted<'a>(&'a [crate::graph::Occurrence]);

impl Serialize for Sorted<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut v: Vec<&crate::graph::Occurrence> = self.0.iter().collect();
        if !self.0.is_sorted() {
            v.sort();
        }
        s.collect_seq(v.into_iter().map(copy::StoredOccurrence::of))
    }
}

/// Writes `bytes` to `path` through a synced temporary file and a rename, so
/// that a failure leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Like [`write_atomic`], with `write` filling the temporary file: if it
/// fails, the temporary file is removed and `path` is untouched. A `path`
/// that is a symbolic link is followed (the file it points to is replaced,
/// the link stays); one that is not a regular file is refused. The new file
/// keeps the old one's permissions. Temporary files left beside `path` by
/// processes that died are removed first. A large file goes to disk as it
/// is written ([`Ahead`]).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut Ahead<'_>) -> std::io::Result<()>,
) -> Result<()> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let path = &resolve(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    temp::sweep(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp{}-{n}", std::process::id()));
    let mut created = false;
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        created = true;
        temp::created(&tmp);
        if let Ok(m) = std::fs::metadata(path) {
            f.set_permissions(m.permissions())?;
        }
        let mut ahead = Ahead::new(&mut f);
        let wrote = write(&mut ahead);
        // the early syncs end (and say how they went) whatever `write` did
        let synced = ahead.finish();
        wrote?;
        synced?;
        testing::disk_room(f.metadata()?.len())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        temp::gone(&tmp);
        // make the rename itself durable; not every system can sync a folder
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = result {
        if created {
            let _ = std::fs::remove_file(&tmp);
            temp::gone(&tmp);
        }
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// The file a graph path names, to be read and written: a symbolic link is
/// followed to the file it points to; a path that is there but is not a
/// regular file (a folder, a device, a FIFO, a socket) is refused, as is a
/// link to nothing. A path where nothing is stays as it is.
pub fn resolve(path: &Path) -> Result<std::path::PathBuf> {
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf());
    };
    let real = if m.file_type().is_symlink() {
        std::fs::canonicalize(path).map_err(|_| {
            Error::Invalid(format!(
                "{}: a symbolic link to a file that is not there; remove the link or make its target",
                path.display()
            ))
        })?
    } else {
        path.to_path_buf()
    };
    let m = std::fs::metadata(&real).map_err(|e| Error::io(&real, e))?;
    if m.is_file() {
        return Ok(real);
    }
    let what = if m.is_dir() {
        "a folder"
    } else {
        not_a_file(&m)
    };
    Err(Error::Invalid(format!(
        "{}: is {what}, not a regular file; a graph file must be a regular file (name another path with --graph)",
        path.display()
    )))
}

/// What a path that is neither a file nor a folder is.
fn not_a_file(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = m;
    "not a file"
}

/// Whether the graph file `path` holds article `id` (`None` if not), and
/// where that article came from (`Some(None)` when the graph does not know:
/// built from extraction lines, or by an older ties). Reads the cache's
/// articles without the evidence when it is fresh.
pub fn article_provenance(path: &Path, id: &str) -> Result<Option<Option<Provenance>>> {
    let path = &resolve(path)?;
    let g = match cache::read_frame(path) {
        Some((g, _, _)) => g,
        None => Graph::load(path)?,
    };
    Ok(g.articles
        .contains_key(id)
        .then(|| g.provenance.get(id).cloned()))
}

/// Where each article of the graph file `path` came from (outlet, address,
/// file): from the cache's articles when it is fresh, else by loading the file.
pub fn provenances(path: &Path) -> Result<BTreeMap<String, Provenance>> {
    let path = &resolve(path)?;
    let g = match cache::read_frame(path) {
        Some((g, _, _)) => g,
        None => Graph::load(path)?,
    };
    Ok(g.provenance)
}

/// The graph file `path`, open at its start, when its bytes are the RON
/// this ties writes (a fresh cache vouches for the file, and its header
/// names this version): copying it exports the whole graph as RON without
/// loading it. `None` when it must be loaded and written anew.
pub fn open_as_written(path: &Path) -> Result<Option<std::fs::File>> {
    use std::io::{Read, Seek};
    let path = &resolve(path)?;
    if cache::read_skeleton(path).is_none() {
        return Ok(None);
    }
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let head = format!("(\n  format: \"ties-graph\",\n  version: {VERSION},\n");
    let mut got = vec![0u8; head.len()];
    if f.read_exact(&mut got).is_err() || got != head.as_bytes() {
        return Ok(None);
    }
    f.rewind().map_err(|e| Error::io(path, e))?;
    Ok(Some(f))
}

impl Skeleton {
    /// The skeleton of the graph file `path`: from its cache when that is
    /// fresh (reading only the skeleton's section), else by loading the file.
    pub fn load(path: &Path) -> crate::Result<Skeleton> {
        let path = &resolve(path)?;
        if let Some(sk) = cache::read_skeleton(path) {
            return Ok(sk);
        }
        Ok(Skeleton::of(&Graph::load(path)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_failing_half_way_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        write_atomic(&p, b"old graph").unwrap();
        let e = write_atomic_with(&p, |f| {
            f.write_all(b"new gr")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(e.to_string().contains("disk full"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"old graph");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary file left behind");
    }

    proptest::proptest! {
        #[test]
        fn a_string_is_written_as_ron_writes_it(s in "[ -~\t\n\u{0}\u{7f}\u{85}\u{a0}\u{ad}é\u{301}\u{200b}\u{2019}\u{feff}\u{1f600}]{0,40}") {
            let mut out = Vec::new();
            ron_str(&mut out, &s).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), ron::to_string(&s).unwrap());
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_not_written() {
        for bad in [
            &b"\xff"[..],
            b"ab\xc3",
            b"\xe2\x80",
            b"x\xed\xa0\x80",
            b"\xc0\x80",
            b"\xf4\x90\x80\x80",
        ] {
            assert!(ron_bytes(&mut Vec::new(), bad).is_err(), "{bad:?}");
        }
        let mut out = Vec::new();
        ron_bytes(&mut out, "é’\u{1f600}\t".as_bytes()).unwrap();
        assert_eq!(out, ron::to_string("é’\u{1f600}\t").unwrap().as_bytes());
    }

    #[test]
    fn the_direct_writer_writes_what_ron_writes() {
        use crate::model::{EdgeKind, EntityKind, EntityRecord, Evidence};
        let mut g = Graph::new();
        assert_eq!(g.to_ron(), g.to_ron_reference());
        let rec = |id: &str, name: &str, aliases: &[&str]| EntityRecord {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            code: None,
        };
        let a = g.add_entity(&rec("person:a", "Ça \"q\" \\ it's\u{301}\t\n", &[]), "x1");
        let b = g.add_entity(&rec("person:b", "B", &["Bé", "B\u{200b}"]), "x1");
        g.articles.insert("x1".into(), None);
        g.articles
            .insert("x\u{0}2".into(), Date::parse_iso("2024-02-03"));
        g.provenance.insert(
            "x1".into(),
            Provenance {
                origin: "in/x1.jsonl:3".into(),
                url: Some("https://e.org/\"a\"".into()),
                source: None,
            },
        );
        g.provenance.insert(
            "x\u{0}2".into(),
            Provenance {
                origin: "x2.txt".into(),
                url: None,
                source: Some("Agence \u{e9}".into()),
            },
        );
        let ev = |text: &str| Evidence {
            article: "x1".into(),
            sentence: 2,
            start: 10,
            end: 99,
            text: text.into(),
        };
        let full = crate::graph::Occurrence {
            date: Date::parse_iso("2024-02-03"),
            speaker: Some("person:a".into()),
            place: Some("place:x".into()),
            topics: vec!["t\u{1F600}".into(), "u".into()],
            role: Some("minister".into()),
            planned: true,
            former: true,
            cameo: "040".into(),
            evidence: ev("Ünïcode — \u{7f} \u{feff} text\r"),
            copies: Vec::new(),
        };
        // the same story in another article, nested as `ron` nests it
        let mut copy = full.clone();
        copy.evidence.article = "x\u{0}2".into();
        // later in the month, without what its leader has
        copy.date = Date::parse_iso("2024-02-10");
        copy.speaker = None;
        copy.topics.clear();
        copy.planned = false;
        let full = crate::graph::Occurrence {
            copies: vec![copy],
            ..full
        };
        let bare = crate::graph::Occurrence {
            date: None,
            speaker: None,
            place: None,
            topics: vec![],
            role: None,
            planned: false,
            former: false,
            cameo: String::new(),
            evidence: ev(""),
            copies: Vec::new(),
        };
        g.add_occurrence(a, b, EdgeKind::Praise, full);
        g.add_occurrence(b, a, EdgeKind::Meeting, bare);
        assert_eq!(g.to_ron(), g.to_ron_reference());
        // the copy is written as what differs from its leader
        let copy = "            (\n              date: Some(\"2024-02-10\"),\n              speaker: None,\n              topics: [],\n              planned: false,\n              evidence: (\n                article: \"x\\02\",\n                sentence: 2,\n                start: 10,\n                end: 99,\n              ),\n            ),\n";
        assert!(g.to_ron().contains(copy), "{}", g.to_ron());
        let back = Graph::from_ron(&g.to_ron(), Path::new("t")).unwrap();
        assert_eq!(back.to_ron(), g.to_ron());
    }

    #[test]
    fn locate_counts_lines_and_columns() {
        assert_eq!(locate("(\n  version: 3,", "version"), (2, 3));
        assert_eq!(locate("abc", "zz"), (1, 1));
    }
}
