//! **ties** turns diplomatic news into a typed knowledge graph.
//!
//! The pipeline, one module a stage:
//!
//! | stage | module | in → out |
//! | --- | --- | --- |
//! | read | [`input`], [`article`] | files, folders, JSON Lines → [`Article`] (id, date, title, text) |
//! | sentences | [`token`], [`sentence`] | text → tokens with byte spans → sentences |
//! | mentions | [`gazetteer`], [`words`], [`mention`] | lexicon ([`lexicon`]) + tokens → spans naming things |
//! | entities | [`resolve`] | mentions → one entity per real-world thing in the article |
//! | relations | [`relation`], [`topic`] | cues + entities → typed relations with agent, partner, speaker; the topics each sentence names |
//! | extraction | [`extract`](mod@extract) | the above, pure: [`Article`] → [`Extraction`] |
//! | graph | [`graph`] | extractions merged into a petgraph `StableGraph` |
//! | build | [`pipeline`], [`bulk`] | sources → batches extracted in parallel, merged in a fixed order; at any size, evidence spilled to sorted runs on disk |
//! | file | [`store`], [`cache`] | the graph as a versioned RON file, written atomically; a binary cache beside it, written in the same pass |
//! | skeleton | [`skeleton`] | nodes and per-edge counts per date, no evidence: what a cold `neighbors` reads, and where `path` searches |
//! | use | [`query`], [`export`] | neighbors, between, paths, timelines; DOT, JSON, RON |
//!
//! Invariants between the stages:
//! - every evidence span indexes [`Article::text`] and covers whole sentences;
//! - every edge of an [`Extraction`] names entities of that extraction by id,
//!   and every id is `kind:slug` (`country:china`), stable across articles;
//! - extraction is pure and deterministic; the graph file is written from
//!   ordered maps, so the same inputs give the same bytes in any order;
//! - undirected kinds (Meeting, Agreement) store their ends sorted by id;
//! - a [`bulk::Bulk`] build writes the bytes that building the same
//!   extractions into a [`Graph`] and saving it writes; a cache is served
//!   only for the graph file it was written beside, as that file is now.

#![forbid(unsafe_code)]

pub mod bytes;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod store;
pub mod text;

// old flat paths, until the façade is settled
pub use extract::{mention, relation, resolve};
pub use graph::skeleton;
pub use lexicon::{gazetteer, topic};
pub use store::{bulk, cache, lock};
pub use text::{article, date, input, sentence, token};

pub use article::Article;
pub use error::{Error, Result};
pub use extract::extract;
pub use gazetteer::Gazetteer;
pub use graph::{Graph, NodeId};
pub use lexicon::Lexicon;
pub use model::{EdgeKind, EdgeRecord, EntityKind, EntityRecord, Evidence, Extraction};

/// The extractor: a compiled lexicon, ready to turn articles into records.
pub struct Extractor {
    gazetteer: Gazetteer,
}

impl Extractor {
    /// An extractor with the built-in lexicons only.
    pub fn new() -> Result<Extractor> {
        Extractor::with_lexicon(Lexicon::builtin()?)
    }

    /// An extractor with a given lexicon (built-ins plus a user's, say).
    pub fn with_lexicon(lex: Lexicon) -> Result<Extractor> {
        Ok(Extractor {
            gazetteer: Gazetteer::new(&lex)?,
        })
    }

    /// Extracts one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        extract::extract(&self.gazetteer, article)
    }

    /// The compiled lexicon.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}
