//! Exports: Graphviz DOT (through dot-writer), JSON (the shape score.py and
//! other tools read) and RON (the graph file itself).

pub mod dot;
pub mod json;

use crate::graph::Graph;

/// The formats `ties export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
pub enum Format {
    Dot,
    Json,
    Ron,
}

/// Renders the graph in `format`.
pub fn render(g: &Graph, format: Format) -> Vec<u8> {
    match format {
        Format::Dot => dot::to_dot(g),
        Format::Json => json::to_json(g).into_bytes(),
        Format::Ron => g.to_ron().into_bytes(),
    }
}
