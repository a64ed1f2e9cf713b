//! The analyst's tables: `ties dyads` (one row per country pair and kind)
//! and `ties events` (one row per statement); `ties why` (the sentences
//! behind the edges between two entities).

use crate::cli::{Cli, DyadsArgs, EventFormat, EventsArgs, WhyArgs};
use crate::level::{at_level, lift};
use crate::load::{load, load_skeleton};
use crate::render::clean;
use crate::render::print_json;
use crate::width;
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

/// The dyad table for people: source, target, kind, count, dates; the
/// names cut to fit the terminal.
fn dyads_text(rows: &[query::Dyad]) {
    let cols = width::columns();
    // the two name columns share what the other 58 characters leave
    let w = width::share(cols, 58, 56, 12) / 2;
    let mut out = format!(
        "{:<4} {:<4} {} {} {:<11} {:>10}  {:<10}  LAST\n",
        "SRC",
        "TGT",
        width::pad("SOURCE", w, cols),
        width::pad("TARGET", w, cols),
        "KIND",
        "STATEMENTS",
        "FIRST"
    );
    let date = |d: Option<ties::Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    for r in rows {
        let arrow = if r.directed { "→" } else { "—" };
        out += &format!(
            "{:<4} {:<4} {} {} {:<11} {:>10}  {:<10}  {}\n",
            r.source_code,
            r.target_code,
            width::pad(&clean(&r.source_name), w, cols),
            width::pad(&format!("{arrow} {}", clean(&r.target_name)), w, cols),
            r.kind.to_string(),
            r.statements,
            date(r.first),
            date(r.last)
        );
    }
    print!("{}", width::lines(&out, cols));
}

/// The columns of `ties events` in CSV and TSV.
const EVENT_COLUMNS: [&str; 22] = [
    "date",
    "source",
    "source_name",
    "source_iso3",
    "target",
    "target_name",
    "target_iso3",
    "kind",
    "cameo",
    "goldstein",
    "speaker",
    "place",
    "planned",
    "article",
    "sentence_index",
    "start",
    "end",
    "sentence",
    "topics",
    "outlet",
    "url",
    "copies",
];

/// `ties events`: one row per statement, written as it is read: from a
/// fresh cache edge by edge (only the edges the filter lets through), else
/// from the loaded graph.
pub fn events(cli: &Cli, args: &EventsArgs) -> Result<u8, Fail> {
    let sk = load_skeleton(&cli.graph)?;
    let f = args.filter.filter();
    let lift = lift(cli, &sk)?;
    let gs = ties::query::Goldstein::builtin()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let sep = match args.format {
        EventFormat::Csv => ",",
        EventFormat::Tsv => "\t",
        EventFormat::Jsonl => "",
    };
    if !sep.is_empty() {
        writeln!(out, "{}", EVENT_COLUMNS.join(sep))?;
    }
    let (mut n, limit) = (0, args.limit.unwrap_or(usize::MAX));
    let mut row = |e: query::Event| -> std::io::Result<bool> {
        if n == limit {
            return Ok(false);
        }
        match args.format {
            EventFormat::Jsonl => serde_json::to_writer(&mut out, &e)?,
            EventFormat::Csv => write!(out, "{}", event_cells(&e, cell).join(","))?,
            EventFormat::Tsv => write!(out, "{}", event_cells(&e, tsv_cell).join("\t"))?,
        }
        writeln!(out)?;
        n += 1;
        Ok(true)
    };
    match ties::store::EdgeReader::open(&cli.graph) {
        Some(reader) => {
            let provenance = ties::store::provenances(&cli.graph)?;
            let prov = |a: &str| {
                provenance
                    .get(a)
                    .map(|p| (p.source.clone(), p.url.clone()))
                    .unwrap_or_default()
            };
            query::events_streamed(&reader, &f, &lift, &gs, &prov, &mut row)?
        }
        None => {
            let g = load(&cli.graph)?;
            for e in query::events(&g, &f, &lift, &gs) {
                if !row(e)? {
                    break;
                }
            }
        }
    }
    out.flush()?;
    Ok(if n == 0 { 1 } else { 0 })
}

/// A TSV cell: tabs and line breaks become spaces; guarded as a CSV cell is.
fn tsv_cell(s: &str) -> String {
    let s = s.replace(['\t', '\n', '\r'], " ");
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}

/// The cells of an event row in [`EVENT_COLUMNS`] order, text cells through `text`.
fn event_cells(e: &query::Event, text: impl Fn(&str) -> String) -> Vec<String> {
    let opt = |s: &Option<String>| text(s.as_deref().unwrap_or(""));
    vec![
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        text(&e.source),
        text(&e.source_name),
        opt(&e.source_iso3),
        text(&e.target),
        text(&e.target_name),
        opt(&e.target_iso3),
        e.kind.to_string(),
        text(&e.cameo),
        e.goldstein.map(|w| format!("{w:.1}")).unwrap_or_default(),
        opt(&e.speaker),
        opt(&e.place),
        e.planned.to_string(),
        text(&e.article),
        e.sentence_index.to_string(),
        e.start.to_string(),
        e.end.to_string(),
        text(&e.sentence),
        text(&e.topics.join(";")),
        opt(&e.outlet),
        opt(&e.url),
        text(&e.copies.join(";")),
    ]
}

/// `ties why`: each edge between two entities with every sentence behind it;
/// only the edges around the two sides are read.
pub fn why(cli: &Cli, args: &WhyArgs) -> Result<u8, Fail> {
    let (g, a, b, lift) =
        crate::level::around_pair(cli, &args.a, &args.b, false, crate::level::Roles::Whole)?;
    let mut rows = query::why(&g, a, b, &args.filter.filter(), &lift);
    rows.truncate(args.limit.unwrap_or(usize::MAX));
    if args.json {
        print_json(&rows)?;
    } else {
        // the sentences stay whole, wrapped: they are what `why` is asked for
        let cols = width::columns();
        for r in &rows {
            let arrow = if r.kind.is_directed() { "→" } else { "—" };
            let head = format!(
                "{} {arrow} {}  {} ×{}",
                clean(&r.source.name),
                clean(&r.target.name),
                r.kind,
                r.sentences.len()
            );
            println!("{}", width::cut(&head, cols));
            for s in &r.sentences {
                let date = s
                    .date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "----------".into());
                let head = format!(
                    "  {date}  [{}{} #{}] ",
                    clean(&s.article),
                    crate::render::from_where(&s.outlet, &s.url),
                    s.sentence_index,
                );
                let sentence = format!("“{}”", clean(&s.sentence));
                let lines = width::wrap(&sentence, cols, head.chars().count(), 14);
                println!("{head}{}", lines.join("\n"));
                for c in &s.copies {
                    let also = format!(
                        "              also [{}{} #{}]",
                        clean(&c.article),
                        crate::render::from_where(&c.outlet, &c.url),
                        c.sentence_index
                    );
                    println!("{}", width::cut(&also, cols));
                }
            }
        }
    }
    Ok(if rows.is_empty() { 1 } else { 0 })
}

/// Prints `ties timeline --by`: per period, statements by kind (text, JSON or CSV).
pub fn periods(rows: &[query::PeriodCount], json: bool, csv: bool) -> Result<(), Fail> {
    if json {
        return print_json(&rows);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if csv {
        writeln!(out, "period,kind,statements")?;
    }
    for r in rows {
        let period = r.period.as_deref().unwrap_or("");
        if csv {
            for (k, n) in &r.counts {
                writeln!(out, "{period},{k},{n}")?;
            }
        } else {
            let kinds: Vec<String> = r.counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let period = if period.is_empty() { "undated" } else { period };
            let line = format!("{period:<10} {:>5}  {}", r.total, kinds.join(", "));
            writeln!(out, "{}", width::cut(&line, width::columns()))?;
        }
    }
    out.flush()?;
    Ok(())
}
