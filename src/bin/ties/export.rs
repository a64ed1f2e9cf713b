//! `ties export`: the graph, or the part of it the options select, in a file format.

use crate::cli::{Cli, ExportArgs};
use crate::load::{found, load};
use crate::Fail;
use std::io::Write;
use ties::export::filter::Selection;
use ties::export::Format;

/// `ties export`: writes the selected subgraph to `--out` or standard output.
pub fn export(cli: &Cli, args: &ExportArgs) -> Result<u8, Fail> {
    let g = load(&cli.graph)?;
    let g = match args.level {
        ties::query::Level::Written => g,
        ties::query::Level::Country => {
            let lift = ties::query::Lift::new(&g, &crate::level::state_bodies(cli)?);
            lift.graph(&g)
        }
    };
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
    let sub = ties::export::filter::subgraph(&g, &sel).map_err(found)?;
    if !sel.is_everything() && sub.edge_count() == 0 {
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
    if let Some(bytes) = ties::export::write(&sub, args.format, args.out.as_deref())? {
        std::io::stdout().lock().write_all(&bytes)?;
    }
    Ok(0)
}
