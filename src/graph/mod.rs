//! Stage 6: the graph. Extractions merge into a petgraph `StableGraph`: one
//! node per real-world entity (found again by its id), one edge per
//! (source, target, kind) holding every occurrence and its evidence.

mod articles;
pub mod filter;
mod merged;
pub mod skeleton;
mod story;

pub use articles::ArticleIds;
pub(crate) use articles::{ArticleTable, Ranks};

pub(crate) use story::{fold_sorted, fold_stories, sorted_order, statements, Told};

use crate::bytes::FxBuild;
use crate::model::{slug, EdgeKind, EntityKind, EntityRecord, Evidence, Extraction};
use crate::model::{EdgeView, EntityView, Extracted};
use crate::text::article::Provenance;
use crate::text::date::Date;
pub(crate) use merged::Merged;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::Hash;

/// A node: one real-world entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable id, `kind:slug` (`country:china`): the id of every record of it.
    pub id: String,
    /// Its name (`Qin Gang`): of those its records give, a mixed-case one
    /// first, then the least, whatever order the articles came in.
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Every other surface form seen in any article (`Qin`).
    pub aliases: BTreeSet<String>,
    /// Alpha-3 code (ISO 3166-1) for a country (`CHN`), the least its records
    /// give; `None` for other kinds.
    pub code: Option<String>,
    /// Articles it appears in, as numbers of its graph's article table
    /// ([`Graph::articles_of`] gives their names).
    pub articles: ArticleIds,
}

/// One time an edge was stated: when, by whom, where, and the sentence.
/// The same sentence in other articles (one story printed by several
/// outlets) is the same statement: those occurrences are its `copies`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// When it happened: a date the sentence names, else the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Node id of who reported it when that is not the source (`person:qin-gang`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Node id of where a meeting happened (`place:islamabad`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Fields named: agriculture, connectivity...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The title, for Role edges (`Foreign Minister`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Announced for the future (`will visit`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// A title no longer held, for Role edges.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub former: bool,
    /// CAMEO event code of the cue (`040`); empty for Role and LocatedIn.
    pub cameo: String,
    /// The sentence it was stated in.
    pub evidence: Evidence,
    /// The same statement in other articles, sentences with the same words
    /// (whitespace aside) in the same month, sorted; each holds no copies of its own. The
    /// statement counts once; the least of them all leads, so the graph is
    /// the same whatever order the articles came in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Occurrence>,
}

/// An edge: every occurrence of one kind between one (ordered) pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// What the edge says.
    pub kind: EdgeKind,
    /// Each time it was stated; sorted once the graph is settled.
    pub occurrences: Vec<Occurrence>,
}

impl Edge {
    /// How many times it was stated: the edge's weight.
    pub fn weight(&self) -> usize {
        self.occurrences.len()
    }

    /// The latest date it was stated for.
    pub fn latest(&self) -> Option<Date> {
        self.occurrences.iter().filter_map(|o| o.date).max()
    }

    /// The earliest date.
    pub fn earliest(&self) -> Option<Date> {
        self.occurrences.iter().filter_map(|o| o.date).min()
    }

    /// Its occurrences in order (a sorted copy before [`Graph::settle`]).
    pub fn sorted(&self) -> std::borrow::Cow<'_, [Occurrence]> {
        if self.occurrences.is_sorted() {
            std::borrow::Cow::Borrowed(&self.occurrences)
        } else {
            let mut v = self.occurrences.clone();
            v.sort();
            std::borrow::Cow::Owned(v)
        }
    }

    /// The CAMEO code of its first occurrence.
    pub fn cameo(&self) -> &str {
        self.occurrences
            .first()
            .map(|o| o.cameo.as_str())
            .unwrap_or("")
    }
}

/// A node of a [`Graph`]: a handle valid until its node is removed, ordered
/// as the graph created the nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub(crate) NodeIndex);

impl std::ops::Index<NodeId> for StableDiGraph<Node, Edge> {
    type Output = Node;
    fn index(&self, n: NodeId) -> &Node {
        &self[n.0]
    }
}

impl std::ops::IndexMut<NodeId> for StableDiGraph<Node, Edge> {
    fn index_mut(&mut self, n: NodeId) -> &mut Node {
        &mut self[n.0]
    }
}

/// The knowledge graph.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub(crate) g: StableDiGraph<Node, Edge>,
    by_id: HashMap<String, NodeId, FxBuild>,
    by_alias: HashMap<(EntityKind, String), NodeId, FxBuild>,
    by_edge: HashMap<(NodeId, NodeId, EdgeKind), EdgeIndex, FxBuild>,
    /// Per edge, [`Occurrence::story_hash`]es of the statements it holds: finds a
    /// repeated occurrence or a copy of a story without scanning the edge.
    /// Filled lazily, for edges merged into.
    seen: HashMap<EdgeIndex, HashSet<u64, FxBuild>, FxBuild>,
    /// Edges whose occurrences were appended by [`Graph::merge_extraction`]
    /// and are not sorted yet; [`Graph::settle`] sorts them.
    unsorted: HashSet<EdgeIndex, FxBuild>,
    /// Articles built into it, with their dates.
    pub articles: BTreeMap<String, Option<Date>>,
    /// Where each article came from (file, url, outlet), for those known.
    pub provenance: BTreeMap<String, Provenance>,
    /// The article ids nodes name, numbered ([`Node::articles`]).
    table: ArticleTable,
}

/// The key a name is looked up by: its slug without a leading "the".
pub(crate) fn norm(s: &str) -> String {
    let s = slug(s);
    s.strip_prefix("the-").map(str::to_string).unwrap_or(s)
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph::default()
    }

    /// The underlying petgraph graph, for algorithms of your own.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.g
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// Number of edges (one per kind and pair).
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// The node with this id.
    pub fn node_by_id(&self, id: &str) -> Option<NodeId> {
        self.by_id.get(id).copied()
    }

    /// A node.
    pub fn node(&self, n: NodeId) -> &Node {
        &self.g[n]
    }

    /// A node, to change (crate only: ids and aliases are indexed).
    pub(crate) fn node_mut(&mut self, n: NodeId) -> &mut Node {
        &mut self.g[n]
    }

    /// Every node, sorted by id.
    pub fn nodes(&self) -> Vec<NodeId> {
        let mut v: Vec<NodeId> = self.g.node_indices().map(NodeId).collect();
        v.sort_by(|a, b| self.g[*a].id.cmp(&self.g[*b].id));
        v
    }

    /// Every edge as (source, target, edge), sorted by source id, target id, kind.
    pub fn edges(&self) -> Vec<(NodeId, NodeId, &Edge)> {
        let mut v: Vec<(NodeId, NodeId, &Edge)> = self
            .g
            .edge_references()
            .map(|e| (NodeId(e.source()), NodeId(e.target()), e.weight()))
            .collect();
        self.sort_edges(&mut v);
        v
    }

    /// Sorts edges by source id, target id, kind: the order files are written in.
    fn sort_edges(&self, v: &mut [(NodeId, NodeId, &Edge)]) {
        v.sort_by(|a, b| {
            (&self.g[a.0].id, &self.g[a.1].id, a.2.kind).cmp(&(
                &self.g[b.0].id,
                &self.g[b.1].id,
                b.2.kind,
            ))
        });
    }

    /// Edges touching `n`, both directions, each once.
    pub fn incident(&self, n: NodeId) -> Vec<(NodeId, NodeId, &Edge)> {
        let mut v: Vec<(NodeId, NodeId, &Edge)> = self
            .g
            .edges_directed(n.0, Direction::Outgoing)
            .chain(self.g.edges_directed(n.0, Direction::Incoming))
            .map(|e| (NodeId(e.source()), NodeId(e.target()), e.weight()))
            .collect();
        self.sort_edges(&mut v);
        v.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2.kind == b.2.kind);
        v
    }

    fn index_aliases(&mut self, n: NodeId) {
        let node = &self.g[n];
        let kind = node.kind;
        for k in alias_keys(kind, &node.name, node.aliases.iter()) {
            self.by_alias.entry((kind, k)).or_insert(n);
        }
    }

    /// Adds a node for `e`, or merges `e` into the node of its id. Records
    /// of different articles are one entity when their ids are the same
    /// (the extraction gives a known entity its lexicon id whatever name an
    /// article uses); a name or alias shared with another node merges
    /// nothing, so that the graph is the same in whatever order articles
    /// come (a surname or acronym two nodes share merged into whichever came
    /// first). Lookups still find a node by any of its names.
    pub fn add_entity(&mut self, e: &EntityRecord, article: &str) -> NodeId {
        let a = self.table.intern(article);
        self.add_entity_in(&EntityView::of(e), a)
    }

    /// [`Graph::add_entity`] for the article numbered `a`.
    fn add_entity_in(&mut self, e: &EntityView, a: u32) -> NodeId {
        let Some(&n) = self.by_id.get(e.id) else {
            return self.new_node(e, a);
        };
        let node = &mut self.g[n];
        // the same name (most records of a node) ranks the same
        let same = |a: &str, b: &str| crate::bytes::same_bytes(a.as_bytes(), b.as_bytes());
        let renamed = !same(e.name, &node.name) && name_rank(e.name) < name_rank(&node.name);
        if renamed {
            let old = std::mem::replace(&mut node.name, e.name.to_string());
            node.aliases.remove(e.name);
            node.aliases.insert(old);
        }
        // names new to the node; the others are indexed already
        let mut fresh: Vec<&str> = Vec::new();
        for a in std::iter::once(e.name).chain(e.aliases.iter()) {
            if !same(a, &node.name) && !node.aliases.contains(a) {
                node.aliases.insert(a.to_string());
                fresh.push(a);
            }
        }
        if let Some(c) = e.code {
            if node.code.as_deref().is_none_or(|old| c < old) {
                node.code = Some(c.to_string());
            }
        }
        node.articles.insert(a);
        let kind = node.kind;
        for a in fresh {
            let k = norm(a);
            if !k.is_empty() {
                self.by_alias.entry((kind, k)).or_insert(n);
            }
        }
        if renamed {
            self.index_aliases(n);
        }
        n
    }

    /// A node for `e`, whose id the graph does not hold.
    fn new_node(&mut self, e: &EntityView, a: u32) -> NodeId {
        let mut articles = ArticleIds::default();
        articles.insert(a);
        let n = NodeId(
            self.g.add_node(Node {
                id: e.id.to_string(),
                name: e.name.to_string(),
                kind: e.kind,
                aliases: e
                    .aliases
                    .iter()
                    .filter(|a| *a != e.name)
                    .map(str::to_string)
                    .collect(),
                code: e.code.map(str::to_string),
                articles,
            }),
        );
        self.by_id.insert(e.id.to_string(), n);
        self.index_aliases(n);
        n
    }

    /// Adds one occurrence of an edge between two nodes. Returns whether it
    /// was new (the same evidence twice adds nothing). The edge's occurrences
    /// stay sorted.
    pub fn add_occurrence(
        &mut self,
        s: NodeId,
        t: NodeId,
        kind: EdgeKind,
        occ: Occurrence,
    ) -> bool {
        let added = self.append_occurrence(s, t, kind, occ);
        self.settle();
        added
    }

    /// As [`Graph::add_occurrence`], but appends: the edge is sorted by the
    /// next [`Graph::settle`]. Finding a repeat costs a hash lookup, not a
    /// scan; the same story as one the edge holds (the same evidence, or a
    /// sentence with its words in the same month: [`Occurrence::same_story`])
    /// folds into its statement.
    fn append_occurrence(&mut self, s: NodeId, t: NodeId, kind: EdgeKind, occ: Occurrence) -> bool {
        if occ.copies.is_empty() {
            return self.append_folded(s, t, kind, occ);
        }
        // copies given: in the form the graph keeps (the least leads)
        let mut added = false;
        for o in story::fold_stories(vec![occ]) {
            added |= self.append_folded(s, t, kind, o);
        }
        added
    }

    /// [`Graph::append_occurrence`] of an occurrence whose copies, if any,
    /// are folded as [`fold_stories`] folds them.
    fn append_folded(&mut self, s: NodeId, t: NodeId, kind: EdgeKind, occ: Occurrence) -> bool {
        let Some(ei) = self.edge_slot(s, t, kind) else {
            return false;
        };
        let occs = &mut self.g[ei].occurrences;
        let seen = self
            .seen
            .entry(ei)
            .or_insert_with(|| occs.iter().map(Occurrence::story_hash).collect());
        let same = if seen.insert(occ.story_hash()) {
            None
        } else {
            occs.iter().position(|o| o.same_story(&occ))
        };
        let Some(i) = same else {
            if occs.last().is_some_and(|l| *l > occ) {
                self.unsorted.insert(ei);
            }
            occs.push(occ);
            return true;
        };
        let old = std::mem::take(&mut occs[i]);
        let had = story::evidence_count(std::slice::from_ref(&old));
        let mut folded = story::fold_stories(vec![old, occ]);
        let added = story::evidence_count(&folded) > had;
        occs[i] = folded.remove(0);
        let placed =
            (i == 0 || occs[i - 1] <= occs[i]) && occs.get(i + 1).is_none_or(|n| occs[i] <= *n);
        if !placed || !folded.is_empty() {
            occs.extend(folded);
            self.unsorted.insert(ei);
        }
        added
    }

    /// The edge of `kind` between `s` and `t`, made if new (an undirected
    /// kind runs from the smaller id); `None` for a loop.
    pub(crate) fn edge_slot(&mut self, s: NodeId, t: NodeId, kind: EdgeKind) -> Option<EdgeIndex> {
        let after = |a: &str, b: &str| crate::bytes::cmp_bytes(a.as_bytes(), b.as_bytes()).is_gt();
        let (s, t) = if !kind.is_directed() && after(&self.g[s].id, &self.g[t].id) {
            (t, s)
        } else {
            (s, t)
        };
        if s == t {
            return None;
        }
        Some(match self.by_edge.get(&(s, t, kind)) {
            Some(&ei) => ei,
            None => {
                let ei = self.g.add_edge(
                    s.0,
                    t.0,
                    Edge {
                        kind,
                        occurrences: Vec::new(),
                    },
                );
                self.by_edge.insert((s, t, kind), ei);
                ei
            }
        })
    }

    /// The edge of `kind` from `s` to `t` (ends as stored), if there is one.
    pub(crate) fn edge_index(&self, s: NodeId, t: NodeId, kind: EdgeKind) -> Option<EdgeIndex> {
        self.by_edge.get(&(s, t, kind)).copied()
    }

    /// Sorts the occurrences of every edge merged into since the last call.
    /// [`Graph::merge_extraction`] leaves them unsorted; every other way of
    /// changing the graph settles it. Saving needs no settling.
    pub fn settle(&mut self) {
        for ei in std::mem::take(&mut self.unsorted) {
            if let Some(e) = self.g.edge_weight_mut(ei) {
                e.occurrences.sort();
            }
        }
    }

    /// Whether every edge's occurrences are sorted (see [`Graph::settle`]).
    pub fn is_settled(&self) -> bool {
        self.unsorted.is_empty()
    }

    /// Merges one article's extraction; an article already in the graph is
    /// replaced (its statements removed first), so building the same article
    /// twice, or a corrected version of it, counts each statement once.
    pub fn add_extraction(&mut self, x: &Extraction) {
        self.merge_extraction(x);
        self.settle();
    }

    /// As [`Graph::add_extraction`], without sorting the occurrences of the
    /// edges it adds to: for merging many articles, call [`Graph::settle`]
    /// once at the end (sorting each edge once instead of inserting into it
    /// in order). Until then, occurrences may be out of order (the saved file
    /// never is); the result after `settle` is the same.
    pub fn merge_extraction(&mut self, x: &Extraction) {
        if self.articles.contains_key(&x.article) {
            self.remove_article(&x.article);
        }
        self.merge_records(x);
    }

    /// As [`Graph::merge_extraction`], of an article and its
    /// [`Records`](crate::model::Records)
    /// (see [`Extracted`]): the same graph as merging their [`Extraction`].
    pub fn merge_extracted(&mut self, x: &Extracted) {
        if self.articles.contains_key(&x.article.id) {
            self.remove_article(&x.article.id);
        }
        self.merge_records(x);
    }

    /// [`Graph::merge_extraction`] of an article not in the graph, in either form.
    fn merge_records(&mut self, x: &impl Merged) {
        self.merge_with(x, |g, s, t, r, speaker, place| {
            let id = |n: Option<NodeId>| n.map(|n| g.g[n].id.clone());
            let occ = occurrence(r, id(speaker), id(place));
            g.append_occurrence(s, t, r.kind, occ);
        });
    }

    /// Merges an extraction's article and entities; hands each edge record
    /// between two nodes to `edge`, with the nodes of its speaker and place.
    /// Returns whether the graph held the article already.
    pub(crate) fn merge_with(
        &mut self,
        x: &impl Merged,
        edge: impl FnMut(&mut Graph, NodeId, NodeId, &EdgeView, Option<NodeId>, Option<NodeId>),
    ) -> bool {
        let held = self.file_article(x);
        self.merge_entities(x, edge);
        held
    }

    /// Files an extraction's article with its date and provenance; returns
    /// whether the graph held it already.
    pub(crate) fn file_article(&mut self, x: &impl Merged) -> bool {
        let article = x.article();
        // one search of the ordered map, not two (the key cloned even when
        // it is there: an article is new in all but a rebuild)
        let held = match self.articles.entry(article.to_string()) {
            std::collections::btree_map::Entry::Occupied(mut o) => {
                *o.get_mut() = x.date();
                true
            }
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(x.date());
                false
            }
        };
        if x.provenance().is_empty() {
            self.provenance.remove(article);
        } else {
            self.provenance
                .insert(article.to_string(), x.provenance().clone());
        }
        held
    }

    /// [`Graph::merge_with`] of an article filed already
    /// ([`Graph::file_article`]): its entities and edges.
    pub(crate) fn merge_entities(
        &mut self,
        x: &impl Merged,
        mut edge: impl FnMut(&mut Graph, NodeId, NodeId, &EdgeView, Option<NodeId>, Option<NodeId>),
    ) {
        let a = self.table.intern(x.article());
        let nodes: Vec<NodeId> = (0..x.entity_count())
            .map(|i| self.add_entity_in(&x.entity(i), a))
            .collect();
        x.each_edge(|(s, t, speaker, place), r| {
            let at = |i: usize| nodes[i];
            edge(self, at(s), at(t), &r, speaker.map(at), place.map(at));
        });
    }

    /// The outlet (a JSON Lines `source`) and the url of an article, when known.
    pub fn outlet_and_url(&self, article: &str) -> (Option<String>, Option<String>) {
        self.provenance
            .get(article)
            .map(|p| (p.source.clone(), p.url.clone()))
            .unwrap_or_default()
    }

    /// Removes every trace of an article: its evidence, then edges and nodes
    /// left with none. Returns whether the article was in the graph.
    pub fn remove_article(&mut self, article: &str) -> bool {
        if self.articles.remove(article).is_none() {
            return false;
        }
        self.provenance.remove(article);
        self.settle();
        let eis: Vec<EdgeIndex> = self.g.edge_indices().collect();
        for ei in eis {
            story::drop_article(&mut self.g[ei].occurrences, article);
            if self.g[ei].occurrences.is_empty() {
                if let Some((s, t)) = self.g.edge_endpoints(ei) {
                    let k = self.g[ei].kind;
                    self.by_edge.remove(&(NodeId(s), NodeId(t), k));
                }
                self.g.remove_edge(ei);
            }
        }
        let nis: Vec<NodeId> = self.g.node_indices().map(NodeId).collect();
        let a = self.table.id(article);
        for n in nis {
            if let Some(a) = a {
                self.g[n].articles.remove(a);
            }
            if self.g[n].articles.is_empty() {
                self.g.remove_node(n.0);
            }
        }
        self.reindex();
        true
    }

    /// Rebuilds the lookup tables from the graph.
    pub(crate) fn reindex(&mut self) {
        self.settle();
        self.seen.clear();
        self.by_id.clear();
        self.by_alias.clear();
        self.by_edge.clear();
        let mut ns: Vec<NodeId> = self.g.node_indices().map(NodeId).collect();
        ns.sort_by(|a, b| self.g[*a].id.cmp(&self.g[*b].id));
        for n in ns {
            self.by_id.insert(self.g[n].id.clone(), n);
            self.index_aliases(n);
        }
        for e in self.g.edge_indices() {
            if let Some((s, t)) = self.g.edge_endpoints(e) {
                self.by_edge
                    .insert((NodeId(s), NodeId(t), self.g[e].kind), e);
            }
        }
    }

    /// Finds an entity by id, name or any alias, ignoring case and a leading
    /// "the". Among several, the most connected.
    pub fn lookup(&self, name: &str) -> Option<NodeId> {
        if let Some(&n) = self.by_id.get(name) {
            return Some(n);
        }
        let key = norm(name);
        if key.is_empty() {
            return None;
        }
        let mut hits: Vec<NodeId> = EntityKind::ALL
            .iter()
            .filter_map(|k| self.by_alias.get(&(*k, key.clone())).copied())
            .collect();
        hits.sort_by_key(|&n| (std::cmp::Reverse(self.degree(n)), self.g[n].id.clone()));
        hits.first().copied()
    }

    /// Names close to `name`, for "did you mean" messages.
    pub fn suggest(&self, name: &str, k: usize) -> Vec<String> {
        suggest_among(
            self.g.node_indices().flat_map(|n| {
                let node = &self.g[n];
                std::iter::once(&node.name)
                    .chain(&node.aliases)
                    .map(move |a| (a.as_str(), node.name.as_str()))
            }),
            name,
            k,
        )
    }

    /// Number of edges touching `n`.
    pub fn degree(&self, n: NodeId) -> usize {
        self.g.edges_directed(n.0, Direction::Outgoing).count()
            + self.g.edges_directed(n.0, Direction::Incoming).count()
    }

    /// The names of the articles node `n` appears in, sorted.
    pub fn articles_of(&self, n: NodeId) -> Vec<&str> {
        let mut v: Vec<&str> = self.g[n]
            .articles
            .ids()
            .iter()
            .map(|&a| self.table.name(a))
            .collect();
        v.sort_unstable();
        v
    }

    /// The id of the article numbered `a` in [`Node::articles`] ("" for a
    /// number this graph never gave).
    pub fn article_name(&self, a: u32) -> &str {
        self.table.name(a)
    }

    /// Lists article `name` under node `n`.
    pub(crate) fn add_node_article(&mut self, n: NodeId, name: &str) {
        let a = self.table.intern(name);
        self.g[n].articles.insert(a);
    }

    /// Each article number's place among [`Graph::articles`] (sorted by
    /// name): the lists as written.
    pub(crate) fn ranks(&self) -> Ranks<'_> {
        Ranks::new(&self.table, &self.articles)
    }

    /// The article numbered `a`, for the graph's own table.
    pub(crate) fn article_id(&self, name: &str) -> Option<u32> {
        self.table.id(name)
    }

    /// Adds a copy of node `n` of graph `from` (no merging), its articles
    /// numbered in this graph's table.
    pub(crate) fn copy_node(&mut self, from: &Graph, n: NodeId) -> NodeId {
        let mut node = from.node(n).clone();
        node.articles = ArticleIds::default();
        let m = self.insert_node(node);
        for &a in from.node(n).articles.ids() {
            self.add_node_article(m, from.article_name(a));
        }
        m
    }

    /// Adds a node as stored in a file (no merging).
    pub(crate) fn insert_node(&mut self, node: Node) -> NodeId {
        let id = node.id.clone();
        let n = NodeId(self.g.add_node(node));
        self.by_id.insert(id, n);
        self.index_aliases(n);
        n
    }

    /// Adds an edge as stored in a file.
    pub(crate) fn insert_edge(&mut self, s: NodeId, t: NodeId, e: Edge) {
        let k = e.kind;
        let ei = self.g.add_edge(s.0, t.0, e);
        self.by_edge.insert((s, t, k), ei);
    }
}

/// The order names compete in to name a node: a mixed-case name first
/// (`Qin Gang` before `QIN GANG`), then by text. Whatever order records come
/// in, the node gets the first.
fn name_rank(name: &str) -> (bool, &str) {
    let upper = name.chars().any(char::is_uppercase);
    let lower = name.chars().any(char::is_lowercase);
    (!(upper && lower), name)
}

/// The keys an entity is found again by: its name and aliases, and for a
/// person the first and last word of the name ("Qin Gang" as "Qin").
pub(crate) fn alias_keys<'a>(
    kind: EntityKind,
    name: &'a str,
    aliases: impl Iterator<Item = &'a String>,
) -> Vec<String> {
    let mut keys: Vec<String> = std::iter::once(name)
        .chain(aliases.map(String::as_str))
        .map(norm)
        .collect();
    if kind == EntityKind::Person {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() >= 2 {
            keys.push(norm(parts[0]));
            keys.push(norm(parts[parts.len() - 1]));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// Up to `k` names whose (alias, name) pairs come closest to `name`, for
/// "did you mean" messages.
pub(crate) fn suggest_among<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
    name: &str,
    k: usize,
) -> Vec<String> {
    let key = norm(name);
    let mut scored: Vec<(usize, &str)> = pairs
        .map(|(alias, name)| (edit_distance(&key, &norm(alias)), name))
        .filter(|(d, _)| *d <= key.len().max(3) / 2 + 1)
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, n) in scored {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
        if out.len() == k {
            break;
        }
    }
    out
}

/// The occurrence an edge record makes, with speaker and place ids mapped.
fn occurrence(r: &EdgeView, speaker: Option<String>, place: Option<String>) -> Occurrence {
    Occurrence {
        date: r.date,
        speaker,
        place,
        topics: r.topics.to_vec(),
        role: r.role.map(str::to_string),
        planned: r.planned,
        former: r.former,
        cameo: r.cameo.to_string(),
        evidence: Evidence {
            article: r.article.to_string(),
            sentence: r.sentence,
            start: r.start,
            end: r.end,
            text: r.text.to_string(),
        },
        copies: Vec::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let c = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + c);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, name: &str, aliases: &[&str], code: Option<&str>) -> EntityRecord {
        EntityRecord {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Initiative,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            code: code.map(str::to_string),
        }
    }

    #[test]
    fn entities_merge_by_id_alone_and_the_same_in_any_order() {
        let records = [
            rec("initiative:a", "Alpha Corridor", &["AC"], None),
            rec("initiative:b", "Amber Canal", &["AC"], Some("Y")),
            rec("initiative:ac", "AC", &[], None),
            rec("initiative:a", "ALPHA CORRIDOR", &["Alpha"], Some("X")),
            rec("initiative:b", "Amber Canal", &[], Some("W")),
        ];
        let build = |order: &[usize]| {
            let mut g = Graph::new();
            for &i in order {
                g.add_entity(&records[i], &format!("x{i}"));
            }
            // the articles by name: their numbers follow the order met
            let nodes: Vec<(Node, Vec<String>)> = g
                .nodes()
                .into_iter()
                .map(|n| {
                    let mut node = g.node(n).clone();
                    node.articles = ArticleIds::default();
                    let names = g.articles_of(n).into_iter().map(str::to_string);
                    (node, names.collect())
                })
                .collect();
            nodes
        };
        let one = build(&[0, 1, 2, 3, 4]);
        assert_eq!(build(&[4, 3, 2, 1, 0]), one);
        assert_eq!(build(&[2, 3, 0, 4, 1]), one);
        // the shared acronym merges nothing
        assert_eq!(one.len(), 3);
        assert_eq!(one[0].1, ["x0", "x3"]);
        let one: Vec<Node> = one.into_iter().map(|(n, _)| n).collect();
        let a = &one[0];
        assert_eq!(a.name, "Alpha Corridor", "mixed case first");
        assert_eq!(
            a.aliases.iter().map(String::as_str).collect::<Vec<_>>(),
            ["AC", "ALPHA CORRIDOR", "Alpha"]
        );
        assert_eq!(a.code.as_deref(), Some("X"));
        assert_eq!(one[2].code.as_deref(), Some("W"), "the least code");
    }
}
