//! Exports: Graphviz DOT (through dot-writer) and SVG (through `dot`), JSON
//! (the shape score.py and other tools read), RON (the graph file itself),
//! GraphML (Gephi, yEd, NetworkX, Cytoscape) and CSV (Neo4j's bulk importer).
//! [`filter::subgraph`] narrows the graph first, for every format.

pub mod csv;
pub mod dot;
pub mod filter;
pub mod graphml;
pub mod json;
pub mod report;
pub mod source;
pub mod svg;
mod xml;

use crate::error::{Error, Result};
use crate::graph::Graph;
use dot::Drawing;
use std::path::Path;

/// The formats `ties export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Graphviz DOT source.
    Dot,
    /// An SVG drawing, laid out by Graphviz's `dot` (which must be installed).
    Svg,
    /// A PNG picture, laid out by Graphviz's `dot` (which must be installed).
    Png,
    /// JSON with `nodes` and `edges`, the shape score.py reads.
    Json,
    /// The graph file itself (versioned RON).
    Ron,
    /// GraphML, for Gephi, yEd, NetworkX or Cytoscape.
    Graphml,
    /// Two CSV files (`nodes.csv`, `relationships.csv`) for Neo4j's bulk importer.
    Csv,
}

impl Format {
    /// The format a file name's extension names (`.dot`/`.gv`, `.svg`,
    /// `.png`, `.json`, `.ron`, `.graphml`, `.csv`, any case); `None` for
    /// another extension or none.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "dot" | "gv" => Format::Dot,
            "svg" => Format::Svg,
            "png" => Format::Png,
            "json" => Format::Json,
            "ron" => Format::Ron,
            "graphml" => Format::Graphml,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// The format's name on the command line (`dot`, `svg`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Graphml => "graphml",
            Format::Csv => "csv",
        }
    }
}

/// Renders the graph in a one-file `format`; CSV is two files: use [`write`](fn@write).
pub fn render(g: &Graph, format: Format) -> Result<Vec<u8>> {
    render_drawn(g, format, &Drawing::default())
}

/// Renders the graph in a one-file `format`, a drawing (DOT, SVG) dressed as `how` says.
pub fn render_drawn(g: &Graph, format: Format, how: &Drawing) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Dot => dot::to_dot_drawn(g, how),
        Format::Svg | Format::Png if g.node_count() > svg::MAX_NODES => {
            return Err(Error::Invalid(format!(
                "the graph has {} entities, more than an SVG drawing can show ({}); narrow it (--focus, --between, --since) or export --format dot",
                g.node_count(),
                svg::MAX_NODES
            )))
        }
        Format::Svg => svg::dot_to_svg(&dot::to_dot_drawn(g, how))?,
        Format::Png => svg::dot_to(&dot::to_dot_drawn(g, how), "png")?,
        Format::Json => json::to_json(g).into_bytes(),
        Format::Ron => g.to_ron().into_bytes(),
        Format::Graphml => graphml::to_graphml(g).into_bytes(),
        Format::Csv => {
            return Err(Error::Invalid(
                "csv writes two files (nodes.csv, relationships.csv): name their folder with --out"
                    .into(),
            ))
        }
    })
}

/// Writes the graph in `format` to `out` (a folder for CSV); returns the bytes
/// instead when `out` is `None` (for standard output). A drawing is dressed as `how` says.
pub fn write(
    g: &Graph,
    format: Format,
    out: Option<&Path>,
    how: &Drawing,
) -> Result<Option<Vec<u8>>> {
    match (format, out) {
        (Format::Csv, Some(dir)) => csv::write_dir(g, dir).map(|_| None),
        (Format::Json, Some(p)) => crate::store::write_atomic_with(p, |f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            json::write_json(g, &mut w)?;
            std::io::Write::flush(&mut w)
        })
        .map(|_| None),
        (_, Some(p)) => crate::store::write_atomic(p, &render_drawn(g, format, how)?).map(|_| None),
        (_, None) => render_drawn(g, format, how).map(Some),
    }
}

/// Writes the graph in a one-file `format` to `w` (standard output, say):
/// JSON is written edge by edge, without the whole text in memory; a drawing
/// is dressed as `how` says.
pub fn write_to(
    g: &Graph,
    format: Format,
    w: &mut dyn std::io::Write,
    how: &Drawing,
) -> Result<()> {
    let io = |e| Error::io("<stdout>", e);
    match format {
        Format::Json => json::write_json(g, w).map_err(io),
        _ => w.write_all(&render_drawn(g, format, how)?).map_err(io),
    }
}

/// Whether `format` can be written edge by edge from a [`source::Source`]
/// (JSON, GraphML, CSV, and the drawings: DOT, SVG, PNG); RON is made from a
/// loaded graph.
pub fn streams(format: Format) -> bool {
    format != Format::Ron
}

/// The drawing of `src` in `format` (DOT, SVG or PNG), dressed as `how` says:
/// the bytes [`render_drawn`] gives for the same graph.
fn drawing(src: &dyn source::Source, format: Format, how: &Drawing) -> Result<Vec<u8>> {
    let io = |e| Error::io("<drawing>", e);
    let nodes = src.rows().len();
    if format != Format::Dot && nodes > svg::MAX_NODES {
        return Err(Error::Invalid(format!(
            "the graph has {nodes} entities, more than an SVG drawing can show ({}); narrow it (--focus, --between, --since) or export --format dot",
            svg::MAX_NODES
        )));
    }
    let dot = dot::source_to_dot(src, how).map_err(io)?;
    match format {
        Format::Svg => svg::dot_to_svg(&dot),
        Format::Png => svg::dot_to(&dot, "png"),
        _ => Ok(dot),
    }
}

/// Writes `src` in a format that [`streams`] to the file `out` (a folder for
/// CSV), edge by edge as it is read (a drawing dressed as `how` says): the
/// bytes [`write`] gives for the same graph.
pub fn write_source(
    src: &dyn source::Source,
    format: Format,
    out: &Path,
    how: &Drawing,
) -> Result<()> {
    let one = |write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| {
        crate::store::write_atomic_with(out, |f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            write(&mut w)?;
            std::io::Write::flush(&mut w)
        })
    };
    match format {
        Format::Csv => csv::write_dir_from(src, out),
        Format::Json => one(&|w| json::write_source(src, w)),
        Format::Graphml => one(&|w| graphml::write_graphml(src, w)),
        Format::Dot | Format::Svg | Format::Png => {
            crate::store::write_atomic(out, &drawing(src, format, how)?)
        }
        f => Err(Error::Invalid(format!("{f:?} is not written edge by edge"))),
    }
}

/// Writes `src` in a one-file format that [`streams`] to `w` (standard
/// output, say); a drawing dressed as `how` says.
pub fn write_source_to(
    src: &dyn source::Source,
    format: Format,
    w: &mut dyn std::io::Write,
    how: &Drawing,
) -> Result<()> {
    let io = |e| Error::io("<stdout>", e);
    match format {
        Format::Json => json::write_source(src, w).map_err(io),
        Format::Graphml => graphml::write_graphml(src, w).map_err(io),
        Format::Dot | Format::Svg | Format::Png => {
            w.write_all(&drawing(src, format, how)?).map_err(io)
        }
        f => Err(Error::Invalid(format!(
            "{f:?} is not written edge by edge to one stream"
        ))),
    }
}
