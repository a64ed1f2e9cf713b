//! CSV export for Neo4j's bulk importer (`neo4j-admin database import full
//! --nodes=nodes.csv --relationships=relationships.csv`): one node file, one
//! relationship file, RFC 4180 quoting, `;` between array items, no line breaks in fields.

use super::source::Source;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::EdgeKind;
use std::io::Write;
use std::path::Path;

/// Header of `nodes.csv`: the entity id, its name, its kind as the node label, ISO code, aliases.
pub const NODES_HEADER: &str = "id:ID,name,kind:LABEL,code,aliases:string[],articles:int";

/// Header of `relationships.csv`: ends by entity id, kind as the type, latest date, first evidence.
pub const RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,cameo,weight:int,date,first_date,directed:boolean,article,evidence";

/// One CSV field: quoted when it holds a comma, quote or leading/trailing space;
/// line breaks become spaces (the importer rejects multi-line fields by default),
/// other control characters U+FFFD; a field a spreadsheet would take for a
/// formula (starting with `=`, `+`, `-`, `@`) gets a `'` before it.
pub fn field(s: &str) -> String {
    let mut s: String = s
        .chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect();
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One cell of a CSV table for spreadsheets, pandas or R (RFC 4180): a cell
/// starting with `=`, `+`, `-` or `@` gets a leading `'` (a spreadsheet would
/// run it as a formula); quoted when it holds a comma, quote or line break.
pub fn cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The relationship type Neo4j gets for an edge kind: `MEETING`, `LOCATED_IN`.
pub fn rel_type(k: EdgeKind) -> String {
    let mut out = String::new();
    for (i, c) in k.to_string().chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn line(fields: &[String]) -> String {
    let mut s = fields.join(",");
    s.push('\n');
    s
}

/// The text of `nodes.csv`.
pub fn nodes_csv(g: &Graph) -> String {
    let mut out = Vec::new();
    // writing to memory cannot fail; every field is UTF-8
    let _ = write_nodes(g, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The text of `relationships.csv`.
pub fn relationships_csv(g: &Graph) -> String {
    let mut out = Vec::new();
    let _ = write_relationships(g, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `nodes.csv` of any [`Source`] to `w`.
pub fn write_nodes(src: &dyn Source, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "{NODES_HEADER}")?;
    for node in src.rows() {
        // `;` separates array items: an alias holding one would split
        let aliases: Vec<String> = node.aliases.iter().map(|a| a.replace(';', ",")).collect();
        w.write_all(
            line(&[
                field(node.id),
                field(node.name),
                field(&node.kind.to_string()),
                field(node.code.unwrap_or("")),
                field(&aliases.join(";")),
                node.articles.to_string(),
            ])
            .as_bytes(),
        )?;
    }
    Ok(())
}

/// Writes `relationships.csv` of any [`Source`] to `w`, edge by edge.
pub fn write_relationships(src: &dyn Source, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "{RELATIONSHIPS_HEADER}")?;
    let date = |d: Option<crate::text::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    src.each_summary(&mut |s, t, e| {
        let first = e.first.as_deref();
        let row = line(&[
            field(s),
            field(t),
            rel_type(e.kind),
            field(e.cameo()),
            e.weight.to_string(),
            date(e.latest),
            date(e.earliest),
            e.kind.is_directed().to_string(),
            field(first.map(|o| o.evidence.article.as_str()).unwrap_or("")),
            field(first.map(|o| o.evidence.text.as_str()).unwrap_or("")),
        ]);
        w.write_all(row.as_bytes())
    })
}

/// Writes `nodes.csv` and `relationships.csv` into folder `dir`, creating it
/// (a folder that exists is reused: only those two files are replaced).
pub fn write_dir(g: &Graph, dir: &Path) -> Result<()> {
    write_dir_from(g, dir)
}

/// [`write_dir`] for any [`Source`], each file written as it is read.
pub fn write_dir_from(src: &dyn Source, dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Invalid(format!(
            "{} is a file, not a folder: csv writes nodes.csv and relationships.csv into the folder --out names; name a folder (it is created if missing)",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let buffered = |f: &mut crate::store::Ahead<'_>,
                    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>| {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        write(&mut w)?;
        w.flush()
    };
    crate::store::write_atomic_with(&dir.join("nodes.csv"), |f| {
        buffered(f, &|w| write_nodes(src, w))
    })?;
    crate::store::write_atomic_with(&dir.join("relationships.csv"), |f| {
        buffered(f, &|w| write_relationships(src, w))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("China"), "China");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "two lines");
        assert_eq!(rel_type(EdgeKind::LocatedIn), "LOCATED_IN");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("@a"), "'@a");
        assert_eq!(field("a\u{1b}[31m"), "a\u{fffd}[31m");
    }

    #[test]
    fn cells_never_start_a_formula() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("China, Pakistan"), "\"China, Pakistan\"");
        assert_eq!(cell("plain"), "plain");
    }
}
