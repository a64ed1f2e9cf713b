//! The `ties` command: parses arguments, calls the library, prints.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use ties::export::Format;
use ties::graph::Graph;
use ties::input::{self, Item, ReadOptions};
use ties::model::{EdgeKind, EntityKind};
use ties::query::{self, Direction, Filter};
use ties::{Error, Extractor, Lexicon};

#[derive(Parser)]
#[command(name = "ties", version, about = "Turn diplomatic news into a typed knowledge graph and query it")]
struct Cli {
    /// The graph file (RON).
    #[arg(long, global = true, env = "TIES_GRAPH", default_value = "ties.ron")]
    graph: PathBuf,
    /// Extra lexicon files (RON), added to the built-in ones.
    #[arg(long, global = true, value_name = "FILE.ron")]
    lexicon: Vec<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Args, Clone)]
struct FilterArgs {
    /// Only these edge kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    kind: Vec<EdgeKind>,
    /// Only statements on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<ties::date::Date>,
    /// Only statements on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<ties::date::Date>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            kinds: self.kind.clone(),
            since: self.since,
            until: self.until,
        }
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Build a new graph from articles (files, folders, *.jsonl, - for stdin).
    Build {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Skip articles larger than this many bytes.
        #[arg(long, default_value_t = 10 * 1024 * 1024)]
        max_bytes: u64,
    },
    /// Add articles to an existing graph (creating it if there is none).
    Add {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, default_value_t = 10 * 1024 * 1024)]
        max_bytes: u64,
    },
    /// Write the graph as DOT, JSON or RON.
    Export {
        #[arg(long, value_enum, default_value = "dot")]
        format: Format,
        /// Output file (standard output when absent).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The entities around one.
    Neighbors {
        entity: String,
        #[arg(long, value_enum, default_value = "both")]
        direction: Direction,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Everything between two entities, both ways, with evidence.
    Between {
        a: String,
        b: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// The shortest chain of edges between two entities.
    Path {
        a: String,
        b: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Statements about an entity (or between two) in date order.
    Timeline {
        entity: String,
        other: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Counts by kind, articles, date range, the most connected entities.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

/// A failure with its exit code: 1 nothing found, 2 usage or input error.
struct Fail(u8, anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(2, e.into())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, e)) => {
            eprintln!("ties: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn extractor(cli: &Cli) -> Result<Extractor, Fail> {
    let mut lex = Lexicon::builtin()?;
    for p in &cli.lexicon {
        let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
        lex.extend(Lexicon::from_ron(&p.display().to_string(), &text)?);
    }
    Ok(Extractor::with_lexicon(lex)?)
}

fn load(path: &Path) -> Result<Graph, Fail> {
    if !path.exists() {
        return Err(Fail(
            2,
            anyhow::anyhow!("{}: no graph file here; build one with `ties build ARTICLES...` or name it with --graph", path.display()),
        ));
    }
    Ok(Graph::load(path)?)
}

fn find(g: &Graph, name: &str) -> Result<petgraph::stable_graph::NodeIndex, Fail> {
    g.lookup(name).ok_or_else(|| {
        Fail(
            1,
            Error::UnknownEntity {
                name: name.to_string(),
                suggestions: g.suggest(name, 3),
            }
            .into(),
        )
    })
}

/// Reads and extracts every input into `g`; returns how many articles and how many skipped.
fn ingest(ex: &Extractor, g: &mut Graph, inputs: &[PathBuf], max_bytes: u64) -> (usize, usize) {
    let (sources, errs) = input::sources(inputs);
    let mut skipped = 0;
    for e in errs {
        eprintln!("ties: skipped {e}");
        skipped += 1;
    }
    let opts = ReadOptions { max_bytes };
    let mut extractions = Vec::new();
    for src in &sources {
        input::read_source(src, &opts, &mut |item| match item {
            Item::Article(a, warn) => {
                if let Some(w) = warn {
                    eprintln!("ties: warning: {w}");
                }
                extractions.push(ex.extract(&a));
            }
            Item::Skipped(e) => {
                eprintln!("ties: skipped {e}");
                skipped += 1;
            }
        });
    }
    // merge in a fixed order: the same inputs give the same graph in any order
    extractions.sort_by(|a, b| a.article.cmp(&b.article));
    let n = extractions.len();
    for x in &extractions {
        g.add_extraction(x);
    }
    (n, skipped)
}

fn summary(g: &Graph, articles: usize, skipped: usize, path: &Path) -> String {
    let mut s = String::new();
    let mut nk: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in g.nodes() {
        *nk.entry(g.node(n).kind).or_default() += 1;
    }
    let mut ek: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    for (_, _, e) in g.edges() {
        *ek.entry(e.kind).or_default() += 1;
    }
    s.push_str(&format!(
        "{} article(s) read{}; graph has {} entities and {} edges, written to {}\n",
        articles,
        if skipped > 0 { format!(", {skipped} skipped") } else { String::new() },
        g.node_count(),
        g.edge_count(),
        path.display()
    ));
    s.push_str("entities: ");
    s.push_str(&nk.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", "));
    s.push_str("\nedges:    ");
    s.push_str(&ek.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", "));
    s.push('\n');
    let mut ties: Vec<(usize, String)> = g
        .edges()
        .into_iter()
        .filter(|(_, _, e)| e.kind.is_event())
        .map(|(a, b, e)| {
            let arrow = if e.kind.is_directed() { "→" } else { "—" };
            (e.weight(), format!("{} {arrow} {}  {} ×{}", g.node(a).name, g.node(b).name, e.kind, e.weight()))
        })
        .collect();
    ties.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if !ties.is_empty() {
        s.push_str("strongest ties:\n");
        for (_, t) in ties.iter().take(8) {
            s.push_str(&format!("  {t}\n"));
        }
    }
    s
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

fn short(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn statements(rows: &[query::Statement]) {
    for r in rows {
        let date = r.date.map(|d| d.to_string()).unwrap_or_else(|| "----------".into());
        let sp = r.speaker.as_ref().map(|s| format!(" (said {s})")).unwrap_or_default();
        let pl = if r.planned { " [planned]" } else { "" };
        println!("{date}  {:<10} {} → {}{sp}{pl}", r.kind.to_string(), r.source, r.target);
        println!("            “{}” [{}]", short(&r.sentence, 160), r.article);
    }
}

fn run(cli: Cli) -> Result<u8, Fail> {
    match &cli.cmd {
        Cmd::Build { inputs, max_bytes } | Cmd::Add { inputs, max_bytes } => {
            let ex = extractor(&cli)?;
            let mut g = match &cli.cmd {
                Cmd::Add { .. } if cli.graph.exists() => load(&cli.graph)?,
                _ => Graph::new(),
            };
            let (n, skipped) = ingest(&ex, &mut g, inputs, *max_bytes);
            if n == 0 {
                return Err(Fail(2, anyhow::anyhow!("no article could be read from the inputs given; nothing written")));
            }
            g.save(&cli.graph).with_context(|| "the graph was not written")?;
            print!("{}", summary(&g, n, skipped, &cli.graph));
            Ok(if skipped > 0 { 2 } else { 0 })
        }
        Cmd::Export { format, out } => {
            let g = load(&cli.graph)?;
            let bytes = ties::export::render(&g, *format);
            match out {
                Some(p) => ties::store::write_atomic(p, &bytes)?,
                None => std::io::stdout().lock().write_all(&bytes)?,
            }
            Ok(0)
        }
        Cmd::Neighbors {
            entity,
            direction,
            depth,
            filter,
            json,
        } => {
            let g = load(&cli.graph)?;
            let n = find(&g, entity)?;
            let rows = query::neighbors(&g, n, &filter.filter(), *direction, *depth);
            if *json {
                print_json(&rows)?;
            } else {
                println!("{} ({}): {} neighbor(s)", g.node(n).name, g.node(n).kind, rows.len());
                for r in &rows {
                    let kinds = r.edges.iter().map(|(k, c)| format!("{k} {c}")).collect::<Vec<_>>().join(", ");
                    let latest = r.latest.map(|d| d.to_string()).unwrap_or_default();
                    println!("  {:<32} {:<12} {:<40} {}", r.name, r.kind.to_string(), kinds, latest);
                }
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Between { a, b, filter, json } => {
            let g = load(&cli.graph)?;
            let (na, nb) = (find(&g, a)?, find(&g, b)?);
            let rows = query::between(&g, na, nb, &filter.filter());
            if *json {
                print_json(&rows)?;
            } else {
                println!("{} ↔ {}: {}", g.node(na).name, g.node(nb).name, query::balance(&g, na, nb, &rows));
                statements(&rows);
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Path { a, b, filter, json } => {
            let g = load(&cli.graph)?;
            let (na, nb) = (find(&g, a)?, find(&g, b)?);
            match query::path(&g, na, nb, &filter.filter()) {
                Some(steps) => {
                    if *json {
                        print_json(&steps)?;
                    } else {
                        for s in &steps {
                            let date = s.date.map(|d| d.to_string()).unwrap_or_default();
                            println!("{} —{}→ {}  {date}\n    “{}”", s.source, s.kind, s.target, short(&s.sentence, 160));
                        }
                    }
                    Ok(0)
                }
                None => Err(Fail(1, anyhow::anyhow!("no path between {} and {}", g.node(na).name, g.node(nb).name))),
            }
        }
        Cmd::Timeline {
            entity,
            other,
            filter,
            json,
        } => {
            let g = load(&cli.graph)?;
            let na = find(&g, entity)?;
            let nb = match other {
                Some(o) => Some(find(&g, o)?),
                None => None,
            };
            let rows = query::timeline(&g, na, nb, &filter.filter());
            if *json {
                print_json(&rows)?;
            } else {
                statements(&rows);
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Stats { json } => {
            let g = load(&cli.graph)?;
            if *json {
                let mut nk: BTreeMap<EntityKind, usize> = BTreeMap::new();
                for n in g.nodes() {
                    *nk.entry(g.node(n).kind).or_default() += 1;
                }
                let mut ek: BTreeMap<EdgeKind, usize> = BTreeMap::new();
                for (_, _, e) in g.edges() {
                    *ek.entry(e.kind).or_default() += 1;
                }
                print_json(&serde_json::json!({"articles": g.articles.len(), "entities": nk, "edges": ek}))?;
            } else {
                print!("{}", summary(&g, g.articles.len(), 0, &cli.graph));
            }
            Ok(0)
        }
    }
}
