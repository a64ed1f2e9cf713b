//! `ties export`: the graph, or the part of it the options select, in a file format.

use crate::cli::{Cli, ExportArgs};
use crate::load::{found, load};
use crate::Fail;
use std::io::Write;
use ties::export::filter::{read_subgraph, Selection};
use ties::export::source::Cached;
use ties::export::Format;

/// `ties export`: writes the selected subgraph to `--out` or standard output.
pub fn export(cli: &Cli, args: &ExportArgs) -> Result<u8, Fail> {
    let sel = Selection {
        focus: args.focus.clone(),
        depth: args.depth,
        between: args
            .between
            .first()
            .cloned()
            .zip(args.between.get(1).cloned()),
        filter: args.filter.filter(),
    };
    let written = args.level == ties::query::Level::Written;
    if written && sel.is_everything() && args.format == Format::Dot {
        // the whole graph drawn from its cache, one edge at a time
        if let Some((sk, first)) = ties::store::read_first_sentences(&cli.graph) {
            let bytes = ties::export::dot::skeleton_to_dot(&sk, &first);
            return write_bytes(&bytes, args.out.as_deref());
        }
    }
    if written && ties::export::streams(args.format) {
        if let Some(src) = Cached::open(&cli.graph, &sel) {
            return streamed(&src.map_err(found)?, &sel, args);
        }
    }
    let sub = match written.then(|| read_subgraph(&cli.graph, &sel)).flatten() {
        // a part of the graph: only the edges it can keep read from the cache
        Some(sub) => sub.map_err(found)?,
        None => ties::export::filter::subgraph(&whole(cli, args.level)?, &sel).map_err(found)?,
    };
    writable(&sel, sub.edge_count(), args)?;
    match &args.out {
        Some(out) => {
            ties::export::write(&sub, args.format, Some(out))?;
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            ties::export::write_to(&sub, args.format, &mut w)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// Fails when a selection keeps no edge (1), or CSV has no folder to go to (2).
fn writable(sel: &Selection, edges: usize, args: &ExportArgs) -> Result<(), Fail> {
    if !sel.is_everything() && edges == 0 {
        return Err(Fail::new(
            1,
            "no edge matches these filters; nothing written".into(),
        ));
    }
    if args.format == Format::Csv && args.out.is_none() {
        return Err(Fail::new(
            2,
            "--format csv writes two files: name their folder with --out DIR".into(),
        ));
    }
    Ok(())
}

/// Writes a selection read from the cache edge by edge (JSON, GraphML, CSV).
fn streamed(src: &Cached, sel: &Selection, args: &ExportArgs) -> Result<u8, Fail> {
    writable(sel, src.edge_count(), args)?;
    match &args.out {
        Some(out) => ties::export::write_source(src, args.format, out)?,
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            ties::export::write_source_to(src, args.format, &mut w)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// The whole graph at `level` (people and state bodies lifted to their state at country level).
fn whole(cli: &Cli, level: ties::query::Level) -> Result<ties::Graph, Fail> {
    let g = load(&cli.graph)?;
    Ok(match level {
        ties::query::Level::Written => g,
        ties::query::Level::Country => {
            let lift = ties::query::Lift::new(&g, &crate::level::state_bodies(cli)?);
            lift.graph(&g)
        }
    })
}

/// Writes `bytes` to `out` (atomically), or to standard output.
fn write_bytes(bytes: &[u8], out: Option<&std::path::Path>) -> Result<u8, Fail> {
    match out {
        Some(p) => ties::store::write_atomic(p, bytes)?,
        None => std::io::stdout().lock().write_all(bytes)?,
    }
    Ok(0)
}
