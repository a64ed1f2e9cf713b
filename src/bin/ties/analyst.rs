//! The analyst's tables: `ties dyads` (one row per country pair and kind).

use crate::cli::{Cli, DyadsArgs};
use crate::level::at_level;
use crate::load::load_skeleton;
use crate::render::print_json;
use crate::Fail;
use std::io::Write;
use ties::export::csv::cell;
use ties::query::{self, Level};

/// `ties dyads`: counts per ordered country pair and kind, at country level.
pub fn dyads(cli: &Cli, args: &DyadsArgs) -> Result<u8, Fail> {
    let (sk, _) = at_level(cli, load_skeleton(&cli.graph)?, Level::Country)?;
    let mut rows = query::dyads_in(&sk, &args.filter.filter());
    if let Some(n) = args.limit {
        rows.truncate(n);
    }
    if args.json {
        print_json(&rows)?;
    } else if args.csv {
        dyads_csv(&rows)?;
    } else {
        dyads_text(&rows);
    }
    Ok(if rows.is_empty() { 1 } else { 0 })
}

/// The dyad table as CSV, a header line first.
fn dyads_csv(rows: &[query::Dyad]) -> Result<(), Fail> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "source,source_name,source_code,target,target_name,target_code,kind,directed,statements,first,last"
    )?;
    let date = |d: Option<ties::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in rows {
        let cells = [
            cell(&r.source),
            cell(&r.source_name),
            cell(&r.source_code),
            cell(&r.target),
            cell(&r.target_name),
            cell(&r.target_code),
            r.kind.to_string(),
            r.directed.to_string(),
            r.statements.to_string(),
            date(r.first),
            date(r.last),
        ];
        writeln!(out, "{}", cells.join(","))?;
    }
    out.flush()?;
    Ok(())
}

/// The dyad table for people: source, target, kind, count, dates.
fn dyads_text(rows: &[query::Dyad]) {
    println!(
        "{:<4} {:<4} {:<28} {:<28} {:<11} {:>10}  {:<10}  LAST",
        "SRC", "TGT", "SOURCE", "TARGET", "KIND", "STATEMENTS", "FIRST"
    );
    let date = |d: Option<ties::Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    for r in rows {
        let arrow = if r.directed { "→" } else { "—" };
        println!(
            "{:<4} {:<4} {:<28} {:<28} {:<11} {:>10}  {:<10}  {}",
            r.source_code,
            r.target_code,
            r.source_name,
            format!("{arrow} {}", r.target_name),
            r.kind.to_string(),
            r.statements,
            date(r.first),
            date(r.last)
        );
    }
}
