//! `ties export`: the graph, or the part of it the options select, in a file
//! format; `ties report`: the page on one relationship.

use crate::cli::{Cli, ExportArgs, ReportArgs};
use crate::load::{found, load};
use crate::Fail;
use std::io::Write;
use std::path::Path;
use ties::export::dot::Drawing;
use ties::export::filter::{read_subgraph, Selection};
use ties::export::source::Cached;
use ties::export::Format;
use ties::query::Level;
use ties::{EntityKind, Graph};

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
        between: pair(&args.between),
        filter: args.filter.filter(),
    };
    let written_whole = sel.is_everything() && args.level != Some(Level::Country);
    if format == Format::Ron && written_whole {
        // the whole graph's RON is the graph file, copied as it is
        if let Some(f) = ties::store::open_as_written(&cli.graph)? {
            return copy_out(f, args.out.as_deref());
        }
    }
    // the written level, known without the graph: asked, or no pair to look up
    let written =
        args.level == Some(Level::Written) || args.level.is_none() && sel.between.is_none();
    if written && sel.between.is_none() && ties::export::streams(format) {
        // from the cache's skeleton, reading of each edge only what is written
        if let Some(src) = Cached::open(&cli.graph, &sel) {
            return streamed(&src.map_err(found)?, &sel, format, args);
        }
    }
    let (g, sub) = match written.then(|| read_subgraph(&cli.graph, &sel)).flatten() {
        // a part of the graph: only the edges it can keep read from the cache
        Some(sub) => (None, sub.map_err(found)?),
        None => {
            let g = match pair_of_states(cli, &sel, args.level, format)? {
                Some(g) => g,
                None => at_level(cli, load(&cli.graph)?, &sel, args.level)?,
            };
            let sub = ties::export::filter::subgraph(&g, &sel).map_err(found)?;
            (Some(g), sub)
        }
    };
    writable(&sel, sub.edge_count(), format, args)?;
    let how = Drawing {
        title: ties::export::filter::title(g.as_ref().unwrap_or(&sub), &sel, &sub),
        legend: !args.no_legend,
    };
    match &args.out {
        Some(out) => {
            ties::export::write(&sub, format, Some(out), &how)?;
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            ties::export::write_to(&sub, format, &mut w, &how)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// For `--between` two countries at country level: the graph of the edges
/// between their sides only (their people's included), lifted to their
/// states, with its nodes' article lists when `format` shows them; `None`
/// for any other selection.
fn pair_of_states(
    cli: &Cli,
    sel: &Selection,
    asked: Option<Level>,
    format: Format,
) -> Result<Option<Graph>, Fail> {
    let (Some((a, b)), None, None) = (&sel.between, &sel.focus, asked) else {
        return Ok(None);
    };
    let articles = matches!(format, Format::Graphml | Format::Csv | Format::Ron);
    let (g, _, _, lift) =
        crate::level::around_pair(cli, a, b, articles, crate::level::Roles::Kept)?;
    Ok((level(&g, sel, None) == Level::Country).then(|| lift.graph(&g)))
}

/// Fails when a selection keeps no edge (1), or CSV has no folder to go to (2).
fn writable(sel: &Selection, edges: usize, format: Format, args: &ExportArgs) -> Result<(), Fail> {
    if !sel.is_everything() && edges == 0 {
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
    Ok(())
}

/// Writes a selection read from the cache edge by edge (a drawing: each
/// edge's counts from the skeleton and its first kept statement).
fn streamed(src: &Cached, sel: &Selection, format: Format, args: &ExportArgs) -> Result<u8, Fail> {
    writable(sel, src.edge_count(), format, args)?;
    let how = Drawing {
        title: src.title(),
        legend: !args.no_legend,
    };
    match &args.out {
        Some(out) => ties::export::write_source(src, format, out, &how)?,
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            ties::export::write_source_to(src, format, &mut w, &how)?;
            w.flush()?;
        }
    }
    Ok(0)
}

/// `ties report`: the HTML page on the relationship of two entities.
pub fn report(cli: &Cli, args: &ReportArgs) -> Result<u8, Fail> {
    let sel = Selection {
        between: Some((args.a.clone(), args.b.clone())),
        filter: args.filter.filter(),
        ..Selection::default()
    };
    let g = load(&cli.graph)?;
    let drawn = match level(&g, &sel, args.level) {
        Level::Written => None,
        Level::Country => Some(at_level(cli, g.clone(), &sel, Some(Level::Country))?),
    };
    let report = ties::export::report::relationship(&g, drawn.as_ref(), &sel).map_err(found)?;
    if report.events.is_empty() {
        return Err(Fail::new(
            1,
            "no statement between them matches these filters; nothing written".into(),
        ));
    }
    if let Err(why) = &report.diagram {
        eprintln!("ties: the report has no diagram: {why}");
    }
    let page = ties::export::report::html(&report);
    write_bytes(page.as_bytes(), args.out.as_deref())
}

/// The two names of `--between`, if given.
fn pair(names: &[String]) -> Option<(String, String)> {
    names.first().cloned().zip(names.get(1).cloned())
}

/// The level asked for, else country for `--between` two countries, else written.
fn level(g: &Graph, sel: &Selection, asked: Option<Level>) -> Level {
    let country = |n: &str| {
        g.lookup(n)
            .is_some_and(|id| g.node(id).kind == EntityKind::Country)
    };
    match (asked, &sel.between) {
        (Some(l), _) => l,
        (None, Some((a, b))) if country(a) && country(b) => Level::Country,
        _ => Level::Written,
    }
}

/// The graph `g` at the level of [`level`].
fn at_level(cli: &Cli, g: Graph, sel: &Selection, asked: Option<Level>) -> Result<Graph, Fail> {
    Ok(match level(&g, sel, asked) {
        Level::Written => g,
        Level::Country => {
            let lift = ties::query::Lift::new(&g, &crate::level::state_bodies(cli)?);
            lift.graph(&g)
        }
    })
}

/// Copies `f` to `out` (atomically), or to standard output.
fn copy_out(mut f: std::fs::File, out: Option<&Path>) -> Result<u8, Fail> {
    match out {
        Some(p) => ties::store::write_atomic_with(p, |w| std::io::copy(&mut f, w).map(drop))?,
        None => drop(std::io::copy(&mut f, &mut std::io::stdout().lock())?),
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
