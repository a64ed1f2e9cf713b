//! `ties export`: the graph, or the part of it the options select, in a file format.

use crate::cli::{Cli, ExportArgs};
use crate::load::{found, load};
use crate::Fail;
use std::io::Write;
use std::path::Path;
use ties::export::filter::Selection;
use ties::export::Format;

/// The format to write to `out`: `asked` (an explicit `--format`), else
/// the one `out`'s extension names (an existing folder: CSV), else DOT.
/// An explicit format the extension contradicts is refused.
fn format_for(asked: Option<Format>, out: Option<&Path>) -> Result<Format, Fail> {
    let named = out.and_then(|p| match Format::from_extension(p) {
        None if p.is_dir() => Some(Format::Csv),
        f => f,
    });
    match (asked, named) {
        (Some(a), Some(n)) if a != n => Err(Fail::new(
            2,
            format!(
                "--format {} contradicts --out {}, {} {}: drop --format, or name the output for {}",
                a.name(),
                out.map(|p| p.display().to_string()).unwrap_or_default(),
                if out.is_some_and(|p| p.is_dir()) {
                    "a folder, which only"
                } else {
                    "whose name says"
                },
                n.name(),
                a.name()
            ),
        )),
        (Some(a), _) => Ok(a),
        (None, n) => Ok(n.unwrap_or(Format::Dot)),
    }
}

/// `ties export`: writes the selected subgraph to `--out` or standard output.
pub fn export(cli: &Cli, args: &ExportArgs) -> Result<u8, Fail> {
    let format = format_for(args.format, args.out.as_deref())?;
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
    if written && sel.is_everything() && format == Format::Dot {
        // the whole graph drawn from its cache, one edge at a time
        if let Some((sk, first)) = ties::store::read_first_sentences(&cli.graph) {
            let bytes = ties::export::dot::skeleton_to_dot(&sk, &first);
            return write_bytes(&bytes, args.out.as_deref());
        }
    }
    let g = load(&cli.graph)?;
    let g = match args.level {
        ties::query::Level::Written => g,
        ties::query::Level::Country => {
            let lift = ties::query::Lift::new(&g, &crate::level::state_bodies(cli)?);
            lift.graph(&g)
        }
    };
    let sub = ties::export::filter::subgraph(&g, &sel).map_err(found)?;
    if !sel.is_everything() && sub.edge_count() == 0 {
        return Err(Fail::new(
            1,
            "no edge matches these filters; nothing written".into(),
        ));
    }
    if format == Format::Csv && args.out.is_none() {
        return Err(Fail::new(
            2,
            "--format csv writes two files: name their folder with --out DIR".into(),
        ));
    }
    match &args.out {
        Some(out) => {
            ties::export::write(&sub, format, Some(out))?;
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            ties::export::write_to(&sub, format, &mut w)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// Writes `bytes` to `out` (atomically), or to standard output.
fn write_bytes(bytes: &[u8], out: Option<&std::path::Path>) -> Result<u8, Fail> {
    match out {
        Some(p) => ties::store::write_atomic(p, bytes)?,
        None => std::io::stdout().lock().write_all(bytes)?,
    }
    Ok(0)
}
