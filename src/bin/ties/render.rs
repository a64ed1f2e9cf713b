//! The text the commands print: summaries, tables, statements, JSON.

use crate::width;
use crate::Fail;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use ties::query;
use ties::Skeleton;
use ties::{EdgeKind, EntityKind};

/// `s` safe to print on a terminal and in a table: each control character
/// (escape, bell, carriage return, line break, NUL...) written as its
/// escape (`\u{1b}`, `\n`), so that no name or id can move the cursor,
/// change colours or break a line.
pub fn clean(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The arrow between the two ends of an edge of `kind`.
fn arrow(kind: EdgeKind) -> &'static str {
    if kind.is_directed() {
        "→"
    } else {
        "—"
    }
}

/// `k v, k v, ...` for counts by kind.
fn counts<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `ties build` and `ties add` print: counts by kind and the strongest ties.
pub fn summary(g: &Skeleton, articles: usize, skipped: usize, path: &Path) -> String {
    let mut nk: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in &g.nodes {
        *nk.entry(n.kind).or_default() += 1;
    }
    let mut ek: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    for e in &g.edges {
        *ek.entry(e.kind).or_default() += 1;
    }
    let mut s = format!(
        "{} article(s) read{}; graph has {} entities and {} edges, written to {}\n",
        articles,
        if skipped > 0 {
            format!(", {skipped} skipped")
        } else {
            String::new()
        },
        g.nodes.len(),
        g.edges.len(),
        path.display()
    );
    s.push_str(&format!(
        "entities: {}\nedges:    {}\n",
        counts(&nk),
        counts(&ek)
    ));
    let ties = strongest_ties(g);
    if !ties.is_empty() {
        s.push_str("strongest ties:\n");
        for (_, t) in ties.iter().take(8) {
            s.push_str(&format!("  {t}\n"));
        }
    }
    s
}

/// The event edges of `g` as lines, heaviest first, then by line.
fn strongest_ties(g: &Skeleton) -> Vec<(usize, String)> {
    let mut ties: Vec<(usize, String)> = g
        .edges
        .iter()
        .filter(|e| e.kind.is_event())
        .map(|e| {
            let (a, b) = g.ends(e);
            let arrow = arrow(e.kind);
            (
                e.weight(),
                format!(
                    "{} {arrow} {}  {} ×{}",
                    clean(&a.name),
                    clean(&b.name),
                    e.kind,
                    e.weight()
                ),
            )
        })
        .collect();
    ties.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ties
}

/// Prints `v` as pretty JSON and a newline.
pub fn print_json<T: serde::Serialize>(v: &T) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// `s` on one line, cut to `n` characters with an ellipsis.
fn short(s: &str, n: usize) -> String {
    let s = clean(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// The characters a sentence is cut to in text output: 160, or fewer so
/// that a line with `rest` other characters fits `cols` (`full`: none).
fn room(full: bool, cols: usize, rest: usize) -> usize {
    if full {
        usize::MAX
    } else {
        width::share(cols, rest, 160, 10)
    }
}

/// Where an article came from, to print after its id: `, Reuters,
/// https://...` (empty when neither is known).
pub fn from_where(outlet: &Option<String>, url: &Option<String>) -> String {
    [outlet, url]
        .into_iter()
        .flatten()
        .map(|s| format!(", {}", clean(s)))
        .collect()
}

/// Prints statements, each with its sentence and article, cut to the
/// terminal's width (the sentence whole when `full`).
pub fn statements(rows: &[query::Statement], full: bool) {
    let cols = width::columns();
    for r in rows {
        let date = r
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let sp = r
            .speaker
            .as_ref()
            .map(|s| format!(" (said {})", clean(s)))
            .unwrap_or_default();
        let pl = if r.planned { " [planned]" } else { "" };
        let arrow = arrow(r.kind);
        let head = format!(
            "{date}  {:<10} {} {arrow} {}{sp}{pl}",
            r.kind.to_string(),
            clean(&r.source),
            clean(&r.target)
        );
        println!("{}", width::cut(&head, cols));
        let also = match r.copies.is_empty() {
            true => String::new(),
            false => format!(" (also {})", clean(&r.copies.join(", "))),
        };
        let tail = format!(
            " [{}{}]{also}",
            clean(&r.article),
            from_where(&r.outlet, &r.url)
        );
        // 12 spaces, two quotes and the ellipsis of a cut sentence
        let room = room(full, cols, 15 + tail.chars().count());
        let line = format!("            “{}”{tail}", short(&r.sentence, room));
        println!("{}", if full { line } else { width::cut(&line, cols) });
    }
}

/// Prints the table of `ties entities`, the names cut to fit the terminal.
pub fn entities(rows: &[query::EntityRow]) {
    let cols = width::columns();
    let ids = rows.iter().map(|r| r.id.chars().count()).max().unwrap_or(2);
    let w = width::share(cols, 48 + ids, 36, 8);
    let mut out = format!(
        "{} {:<12} {:<5} {:>6} {:>10} {:>8}  ID\n",
        width::pad("NAME", w, cols),
        "KIND",
        "CODE",
        "DEGREE",
        "STATEMENTS",
        "ARTICLES"
    );
    for r in rows {
        out += &format!(
            "{} {:<12} {:<5} {:>6} {:>10} {:>8}  {}\n",
            width::pad(&clean(&r.name), w, cols),
            r.kind.to_string(),
            clean(r.code.as_deref().unwrap_or("-")),
            r.degree,
            r.statements,
            r.articles,
            clean(&r.id)
        );
    }
    print!("{}", width::lines(&out, cols));
}

/// Prints the neighbors of `node`, one a line, the names cut to fit the
/// terminal.
pub fn neighbors(node: &ties::SkNode, rows: &[query::Neighbor]) {
    let cols = width::columns();
    let w = width::share(cols, 67, 32, 8);
    let mut out = format!(
        "{} ({}): {} neighbor(s)\n",
        clean(&node.name),
        node.kind,
        rows.len()
    );
    for r in rows {
        let kinds = r
            .edges
            .iter()
            .map(|(k, c)| format!("{k} {c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let latest = r.latest.map(|d| d.to_string()).unwrap_or_default();
        out += &format!(
            "  {} {:<12} {:<40} {}\n",
            width::pad(&clean(&r.name), w, cols),
            r.kind.to_string(),
            kinds,
            latest
        );
    }
    print!("{}", width::lines(&out, cols));
}

/// Prints the balance between two entities, then their statements by kind.
pub fn bilateral(view: &query::Bilateral, full: bool) {
    let balance = format!(
        "{} ↔ {}: {}",
        clean(&view.a.name),
        clean(&view.b.name),
        clean(&view.balance.line(&view.a.name, &view.b.name))
    );
    println!("{}", width::cut(&balance, width::columns()));
    for kind in EdgeKind::ALL {
        let rows: Vec<query::Statement> = view
            .statements
            .iter()
            .filter(|r| r.kind == kind)
            .cloned()
            .collect();
        if !rows.is_empty() {
            println!("\n{kind} ({})", rows.len());
            statements(&rows, full);
        }
    }
}

/// Prints the steps of a path, each with its sentence (whole when `full`).
pub fn path(steps: &[query::Step], full: bool) {
    let cols = width::columns();
    for s in steps {
        let date = s.date.map(|d| d.to_string()).unwrap_or_default();
        let head = format!(
            "{} —{}→ {}  {date}",
            clean(&s.source),
            s.kind,
            clean(&s.target)
        );
        // four spaces, two quotes and the ellipsis of a cut sentence
        let sentence = short(&s.sentence, room(full, cols, 7));
        println!("{}\n    “{sentence}”", width::cut(&head, cols));
    }
}

/// The table `ties show` prints.
pub fn show_text(i: &query::EntityInfo) -> String {
    let mut s = format!("{} ({}, {})\n", clean(&i.name), i.kind, clean(&i.id));
    if let Some(c) = &i.code {
        s.push_str(&format!("  code:       {}\n", clean(c)));
    }
    if !i.aliases.is_empty() {
        s.push_str(&format!("  aliases:    {}\n", clean(&i.aliases.join(", "))));
    }
    for r in &i.roles {
        let former = if r.former { "former " } else { "" };
        s.push_str(&format!(
            "  role:       {former}{} of {}\n",
            clean(r.role.as_deref().unwrap_or("member")),
            clean(&r.of.name)
        ));
    }
    if !i.members.is_empty() {
        let names: Vec<&str> = i.members.iter().map(|m| m.name.as_str()).collect();
        s.push_str(&format!("  people:     {}\n", clean(&names.join(", "))));
    }
    let deg: Vec<String> = i.degree.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let total: usize = i.degree.values().sum();
    s.push_str(&format!(
        "  degree:     {total} ({}), {} statement(s)\n",
        deg.join(", "),
        i.statements
    ));
    s.push_str(&format!("  articles:   {}\n", i.articles.len()));
    for a in &i.articles {
        let d = a
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        s.push_str(&format!("    {d}  {}\n", clean(&a.id)));
    }
    s
}

/// The table `ties stats` prints.
pub fn stats_text(st: &query::Stats, path: &Path) -> String {
    let date = |d: Option<ties::Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
    let mut s = format!(
        "{}: {} article(s) from {} to {}; {} entities, {} edges, {} statements\n",
        path.display(),
        st.articles,
        date(st.first_date),
        date(st.last_date),
        st.entities,
        st.edges,
        st.statements
    );
    s.push_str(&format!("entities: {}\n", counts(&st.entities_by_kind)));
    s.push_str(&format!("edges:    {}\n", counts(&st.edges_by_kind)));
    if !st.most_connected.is_empty() {
        s.push_str("most connected:\n");
        let cols = width::columns();
        let w = width::share(cols, 44, 36, 8);
        for r in &st.most_connected {
            s.push_str(&format!(
                "  {} {:<12} degree {:>3}, {} statement(s)\n",
                width::pad(&clean(&r.name), w, cols),
                r.kind.to_string(),
                r.degree,
                r.statements
            ));
        }
    }
    if !st.strongest.is_empty() {
        s.push_str("strongest ties:\n");
        for t in &st.strongest {
            let arrow = arrow(t.kind);
            s.push_str(&format!(
                "  {} {arrow} {}  {} ×{}\n",
                clean(&t.source),
                clean(&t.target),
                t.kind,
                t.weight
            ));
        }
    }
    s
}

/// Prints an eval report as score.py does, after each miss with `misses`.
pub fn eval(report: &ties::eval::Report, misses: bool) {
    if misses {
        for (name, m) in &report.misses {
            for (level, s, k, t) in &m.missing {
                println!("{name} [{level}] missing ({s}, {k}, {t})");
            }
            for (level, s, k, t) in &m.wrong {
                println!("{name} [{level}] wrong   ({s}, {k}, {t})");
            }
        }
    }
    println!("{} articles", report.articles);
    println!("{:<22} {:>6} {:>6} {:>6}", "what", "P", "R", "F1");
    for (k, p, r, f) in report.rows() {
        println!("{k:<22} {p:6.3} {r:6.3} {f:6.3}");
    }
    println!("core F1 (country level): {:.3}", report.f1("country:core"));
}
