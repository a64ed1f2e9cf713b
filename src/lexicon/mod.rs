//! Stage 2, knowledge as data: the RON lexicon schema ([`schema`]), the
//! compiled tables the extraction reads ([`gazetteer`]), word ids and
//! classes, and topics. Knows text, not extraction or graphs.

pub mod descriptors;
pub mod extract_words;
pub mod gazetteer;
pub mod relation_words;
pub mod schema;
mod snapshot;
pub mod topic;
pub mod words;

pub use schema::*;
