//! **ties** turns diplomatic news into a typed knowledge graph: who met,
//! visited, committed to, supported, praised, signed with or criticised whom,
//! when, and in which sentence it was said.
//!
//! ```no_run
//! use ties::{Article, Extractor, Graph};
//! let ex = Extractor::new()?;
//! let article = Article::parse("seed", "China and Pakistan vowed to deepen ties.")?;
//! let mut graph = Graph::new();
//! graph.add_extraction(&ex.extract(&article));
//! graph.save(std::path::Path::new("ties.ron"))?;
//! # Ok::<(), ties::Error>(())
//! ```
//!
//! The stages (ARCHITECTURE.md has the map and the invariants):
//!
//! | stage | where | in → out |
//! | --- | --- | --- |
//! | text | [`input`], [`Article`] | files, folders, JSON Lines → articles → tokens → sentences |
//! | lexicon | [`Lexicon`] | RON lexicons (built in, plus a user's) → compiled tables |
//! | extract | [`Extractor`] | an [`Article`] → an [`Extraction`]: entities, edges, evidence; pure |
//! | graph | [`Graph`] | extractions merged: one node per entity, one edge per pair and kind |
//! | store | [`store`] | the graph as a versioned RON file and a binary cache; [`Bulk`] builds at any size |
//! | query / export | [`query`], [`export`] | neighbors, between, paths, timelines; DOT, SVG, JSON, GraphML, CSV |
//! | drivers | [`pipeline`], [`eval`] | parallel builds in a fixed order; scoring against gold |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod bytes;
mod error;
pub mod eval;
pub mod export;
mod extract;
mod graph;
mod lexicon;
mod model;
pub mod pipeline;
pub mod query;
pub mod store;
mod text;

pub use error::{Error, Result};
pub use extract::trace::Explanation;
pub use extract::{explain, explanation};
pub use graph::filter::Filter;
pub use graph::skeleton::{SkEdge, SkNode, Skeleton};
pub use graph::{ArticleIds, Edge, Graph, Node, NodeId, Occurrence};
pub use lexicon::gazetteer::Gazetteer;
pub use lexicon::Lexicon;
pub use model::{EdgeKind, EdgeRecord, EntityKind, EntityRecord, Evidence, Extraction};
pub use store::bulk::Bulk;
pub use store::lock::GraphLock;
pub use text::article::{Article, Provenance};
pub use text::date::Date;
pub use text::input;

/// The stages one at a time, for the benchmarks (`benches/stages.rs`); not
/// a stable API.
#[doc(hidden)]
pub mod stages {
    pub use crate::extract::mentions;
    pub use crate::text::sentence::split;
}

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

    /// An extractor compiled from a lexicon the caller keeps (a command
    /// that ends with the process need not free it, table by table).
    pub fn of_lexicon(lex: &Lexicon) -> Result<Extractor> {
        Ok(Extractor {
            gazetteer: Gazetteer::new(lex)?,
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
