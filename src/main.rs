//! The `ties` command: parses arguments, calls the library, prints.

use anyhow::Context;

/// mimalloc: the build allocates and frees many small strings per article,
/// and spends a quarter of its time in the system allocator without it.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (version 3, the one
/// libmimalloc-sys builds).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the system
/// 10 ms later: a build frees each batch of articles and allocates the next,
/// and every page handed back is zeroed again by the kernel when touched
/// (6,700 page faults and about a tenth of a 20k build without this; 345 with).
fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's options, a plain integer it reads when
    // deciding to purge; any value is valid (-1: never purge).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use ties::bulk::Bulk;
use ties::export::filter::Selection;
use ties::export::Format;
use ties::graph::Graph;
use ties::input::{self, ReadOptions};
use ties::model::{EdgeKind, EntityKind};
use ties::pipeline;
use ties::query::{self, Direction, Filter};
use ties::skeleton::Skeleton;
use ties::{Error, Extractor, Lexicon};

#[derive(Parser)]
#[command(
    name = "ties",
    version,
    about = "Turn diplomatic news into a typed knowledge graph and query it"
)]
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
        #[arg(required_unless_present = "extractions")]
        inputs: Vec<PathBuf>,
        /// Skip articles larger than this many bytes.
        #[arg(long, default_value_t = 10 * 1024 * 1024)]
        max_bytes: u64,
        /// Merge extraction lines written by `ties extract` (files, - for stdin) instead of reading articles.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        extractions: Vec<PathBuf>,
    },
    /// Add articles to an existing graph (creating it if there is none).
    Add {
        #[arg(required_unless_present = "extractions")]
        inputs: Vec<PathBuf>,
        #[arg(long, default_value_t = 10 * 1024 * 1024)]
        max_bytes: u64,
        /// Merge extraction lines written by `ties extract` instead of reading articles.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        extractions: Vec<PathBuf>,
    },
    /// Extract articles (files, folders, *.jsonl; standard input when none) to
    /// one JSON line each on standard output, building no graph.
    Extract {
        inputs: Vec<PathBuf>,
        #[arg(long, default_value_t = 10 * 1024 * 1024)]
        max_bytes: u64,
    },
    /// Write the graph (or part of it) as DOT, SVG, JSON, RON, GraphML or Neo4j CSV.
    Export {
        #[arg(long, value_enum, default_value = "dot")]
        format: Format,
        /// Output file (standard output when absent); for csv, the folder for nodes.csv and relationships.csv.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Keep only the entities within --depth edges of this one (an ego graph).
        #[arg(long)]
        focus: Option<String>,
        /// Steps from --focus.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Keep only the edges between two sides, their people included.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        between: Vec<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Everything about one entity: names, code, roles, degree by kind, articles.
    Show {
        entity: String,
        #[arg(long)]
        json: bool,
    },
    /// List the entities, most connected first (or by name).
    Entities {
        /// Only these entity kinds (comma-separated).
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<EntityKind>,
        #[arg(long, value_enum, default_value = "degree")]
        sort: query::Sort,
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
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
    /// Score extraction against a gold folder (NAME.txt + NAME.gold.json), as score.py does.
    Eval {
        gold_dir: PathBuf,
        /// List each article's missing and wrong edges.
        #[arg(long)]
        misses: bool,
        /// Exit 1 when core F1 at country level falls below this.
        #[arg(long)]
        min_core: Option<f64>,
        #[arg(long)]
        json: bool,
    },
    /// Show how one article is read: sentences, mentions, cues and edges.
    Explain { article: PathBuf },
    /// Counts by kind, articles, date range, the most connected entities.
    Stats {
        /// How many most connected entities and strongest ties to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
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
    // `ties ... | head` ends quietly, as Unix tools do, instead of panicking on a closed pipe
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    keep_freed_memory();
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

/// The skeleton of the graph file at `path` (see [`Skeleton::load`]).
fn load_skeleton(path: &Path) -> Result<Skeleton, Fail> {
    if !path.exists() {
        load(path)?;
    }
    Ok(Skeleton::load(path)?)
}

/// An entity of the skeleton by name, or the error naming close ones.
fn find_in(sk: &Skeleton, name: &str) -> Result<u32, Fail> {
    sk.lookup(name)
        .ok_or_else(|| unknown(name, query::suggest_in(sk, name, 3)))
}

/// The graph around the entities `names`, and their nodes: names are found
/// on the skeleton (so each means what it means in the whole graph), then
/// only the edges around them (and with `articles`, their article lists) are
/// read from the cache; the whole graph when the cache cannot serve them.
fn load_around(
    path: &Path,
    names: &[&String],
    articles: bool,
) -> Result<(Graph, Vec<petgraph::stable_graph::NodeIndex>), Fail> {
    let sk = load_skeleton(path)?;
    let mut ids = Vec::new();
    for name in names {
        ids.push(sk.nodes[find_in(&sk, name)? as usize].id.as_str());
    }
    let g = match ties::cache::read_around(path, &ids, articles) {
        Some(g) => g,
        None => load(path)?,
    };
    let found = ids
        .iter()
        .map(|id| find(&g, id))
        .collect::<Result<_, _>>()?;
    Ok((g, found))
}

fn find(g: &Graph, name: &str) -> Result<petgraph::stable_graph::NodeIndex, Fail> {
    g.lookup(name)
        .ok_or_else(|| unknown(name, query::suggest(g, name, 3)))
}

/// The failure of a name that finds no entity, with the names it may mean.
fn unknown(name: &str, suggestions: Vec<String>) -> Fail {
    Fail(
        1,
        Error::UnknownEntity {
            name: name.to_string(),
            suggestions,
        }
        .into(),
    )
}

/// Reads and extracts every input into `g` (in parallel, merged in the order
/// `ties::pipeline` documents); returns how many articles and how many skipped.
fn ingest(
    ex: &Extractor,
    g: &mut dyn pipeline::Sink,
    inputs: &[PathBuf],
    max_bytes: u64,
) -> (usize, usize) {
    let opts = pipeline::Options {
        read: ReadOptions { max_bytes },
        ..pipeline::Options::default()
    };
    // a progress spinner only for a person watching, never in pipes or logs
    let bar = std::io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} articles [{elapsed}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    });
    let (sources, errs) = input::sources(inputs);
    let mut skipped = errs.len();
    for e in errs {
        eprintln!("ties: skipped {e}");
    }
    let st = pipeline::extract_each(ex, &sources, &opts, &mut notice, &mut |x| {
        g.merge(&x);
        if let Some(pb) = &bar {
            pb.inc(1);
        }
    });
    g.finish();
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    skipped += st.skipped;
    (st.articles, skipped)
}

/// Prints a pipeline notice to standard error.
fn notice(n: pipeline::Notice) {
    match n {
        pipeline::Notice::Skipped(e) => eprintln!("ties: skipped {e}"),
        pipeline::Notice::Warning(w) => eprintln!("ties: warning: {w}"),
    }
}

fn summary(g: &Skeleton, articles: usize, skipped: usize, path: &Path) -> String {
    let mut s = String::new();
    let mut nk: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in &g.nodes {
        *nk.entry(n.kind).or_default() += 1;
    }
    let mut ek: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    for e in &g.edges {
        *ek.entry(e.kind).or_default() += 1;
    }
    s.push_str(&format!(
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
    ));
    s.push_str("entities: ");
    s.push_str(
        &nk.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push_str("\nedges:    ");
    s.push_str(
        &ek.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push('\n');
    let mut ties: Vec<(usize, String)> = g
        .edges
        .iter()
        .filter(|e| e.kind.is_event())
        .map(|e| {
            let (a, b) = (&g.nodes[e.source as usize], &g.nodes[e.target as usize]);
            let arrow = if e.kind.is_directed() { "→" } else { "—" };
            (
                e.weight(),
                format!("{} {arrow} {}  {} ×{}", a.name, b.name, e.kind, e.weight()),
            )
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
        let date = r
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let sp = r
            .speaker
            .as_ref()
            .map(|s| format!(" (said {s})"))
            .unwrap_or_default();
        let pl = if r.planned { " [planned]" } else { "" };
        let arrow = if r.kind.is_directed() { "→" } else { "—" };
        println!(
            "{date}  {:<10} {} {arrow} {}{sp}{pl}",
            r.kind.to_string(),
            r.source,
            r.target
        );
        println!("            “{}” [{}]", short(&r.sentence, 160), r.article);
    }
}

fn run(cli: Cli) -> Result<u8, Fail> {
    match &cli.cmd {
        Cmd::Build {
            inputs,
            max_bytes,
            extractions,
        }
        | Cmd::Add {
            inputs,
            max_bytes,
            extractions,
        } => {
            let ex = extractor(&cli)?;
            // load, change and save under one lock: concurrent runs lose nothing
            let _lock = ties::lock::GraphLock::acquire(&cli.graph, || {
                eprintln!("ties: waiting for another ties on {}", cli.graph.display())
            })?;
            // graphs are built in bulk, evidence spilled to disk, so their size
            // is not bounded by memory
            // a graph added to stays on disk, read through its cache, when it
            // can; else it is loaded whole
            let (mut old, mut bulk) = (None, None);
            match &cli.cmd {
                Cmd::Add { .. } if cli.graph.exists() => match Bulk::extend(&cli.graph) {
                    Some(b) => bulk = Some(b),
                    None => {
                        // loading writes the cache afresh
                        let g = load(&cli.graph)?;
                        match Bulk::extend(&cli.graph) {
                            Some(b) => bulk = Some(b),
                            None => old = Some(g),
                        }
                    }
                },
                _ => bulk = Some(Bulk::new(&cli.graph)),
            }
            let sink: &mut dyn pipeline::Sink = match (&mut old, &mut bulk) {
                (Some(g), _) => g,
                (None, Some(b)) => b,
                (None, None) => unreachable!("one of the two is set"),
            };
            let (mut n, mut skipped) = (0, 0);
            if !inputs.is_empty() {
                (n, skipped) = ingest(&ex, sink, inputs, *max_bytes);
            }
            if !extractions.is_empty() {
                let st = pipeline::merge_extraction_files(extractions, sink, &mut notice);
                n += st.articles;
                skipped += st.skipped;
            }
            if n == 0 {
                return Err(Fail(
                    2,
                    anyhow::anyhow!(
                        "no article could be read from the inputs given; nothing written"
                    ),
                ));
            }
            let g = match (old, bulk) {
                (Some(g), _) => g.save(&cli.graph),
                (None, Some(b)) => b.save(),
                (None, None) => unreachable!("one of the two is set"),
            }
            .with_context(|| "the graph was not written")?;
            print!("{}", summary(&g, n, skipped, &cli.graph));
            if skipped > 0 {
                eprintln!("ties: {skipped} input(s) skipped, each named above; exit status 2");
            }
            Ok(if skipped > 0 { 2 } else { 0 })
        }
        Cmd::Extract { inputs, max_bytes } => {
            let ex = extractor(&cli)?;
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                inputs.clone()
            };
            let (sources, errs) = input::sources(&inputs);
            let mut skipped = errs.len();
            for e in errs {
                eprintln!("ties: skipped {e}");
            }
            let opts = pipeline::Options {
                read: ReadOptions {
                    max_bytes: *max_bytes,
                },
                ..pipeline::Options::default()
            };
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
            let mut failed: Option<std::io::Error> = None;
            let st = pipeline::extract_each(&ex, &sources, &opts, &mut notice, &mut |x| {
                if failed.is_some() {
                    return;
                }
                let r = pipeline::to_json_line(&x)
                    .map_err(std::io::Error::other)
                    .and_then(|l| writeln!(out, "{l}"));
                failed = r.err();
            });
            if let Some(e) = failed.or_else(|| out.flush().err()) {
                return Err(Fail(2, anyhow::anyhow!("writing extractions: {e}")));
            }
            skipped += st.skipped;
            if st.articles == 0 {
                return Err(Fail(
                    2,
                    anyhow::anyhow!("no article could be read from the inputs given"),
                ));
            }
            Ok(if skipped > 0 { 2 } else { 0 })
        }
        Cmd::Export {
            format,
            out,
            focus,
            depth,
            between,
            filter,
        } => {
            let g = load(&cli.graph)?;
            let sel = Selection {
                focus: focus.clone(),
                depth: *depth,
                between: between.first().cloned().zip(between.get(1).cloned()),
                filter: filter.filter(),
            };
            let sub = ties::export::filter::subgraph(&g, &sel).map_err(found)?;
            if !sel.is_everything() && sub.edge_count() == 0 {
                return Err(Fail(
                    1,
                    anyhow::anyhow!("no edge matches these filters; nothing written"),
                ));
            }
            if *format == Format::Csv && out.is_none() {
                return Err(Fail(
                    2,
                    anyhow::anyhow!(
                        "--format csv writes two files: name their folder with --out DIR"
                    ),
                ));
            }
            if let Some(bytes) = ties::export::write(&sub, *format, out.as_deref())? {
                std::io::stdout().lock().write_all(&bytes)?;
            }
            Ok(0)
        }
        Cmd::Show { entity, json } => {
            let (g, found) = load_around(&cli.graph, &[entity], true)?;
            let info = query::show(&g, found[0]);
            if *json {
                print_json(&info)?;
            } else {
                print!("{}", show_text(&info));
            }
            Ok(0)
        }
        Cmd::Entities { kind, sort, json } => {
            let g = load_skeleton(&cli.graph)?;
            let rows = query::entities_in(&g, kind, *sort);
            if *json {
                print_json(&rows)?;
            } else {
                println!(
                    "{:<36} {:<12} {:<5} {:>6} {:>10} {:>8}",
                    "NAME", "KIND", "CODE", "DEGREE", "STATEMENTS", "ARTICLES"
                );
                for r in &rows {
                    println!(
                        "{:<36} {:<12} {:<5} {:>6} {:>10} {:>8}",
                        r.name,
                        r.kind.to_string(),
                        r.code.as_deref().unwrap_or("-"),
                        r.degree,
                        r.statements,
                        r.articles
                    );
                }
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "ties", &mut std::io::stdout());
            Ok(0)
        }
        Cmd::Neighbors {
            entity,
            direction,
            depth,
            filter,
            json,
        } => {
            // the skeleton is enough, and the cache serves it without the evidence
            let g = load_skeleton(&cli.graph)?;
            let n = find_in(&g, entity)?;
            let rows = query::neighbors_in(&g, n, &filter.filter(), *direction, *depth);
            let node = &g.nodes[n as usize];
            if *json {
                print_json(&rows)?;
            } else {
                println!("{} ({}): {} neighbor(s)", node.name, node.kind, rows.len());
                for r in &rows {
                    let kinds = r
                        .edges
                        .iter()
                        .map(|(k, c)| format!("{k} {c}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let latest = r.latest.map(|d| d.to_string()).unwrap_or_default();
                    println!(
                        "  {:<32} {:<12} {:<40} {}",
                        r.name,
                        r.kind.to_string(),
                        kinds,
                        latest
                    );
                }
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Between { a, b, filter, json } => {
            let (g, found) = load_around(&cli.graph, &[a, b], false)?;
            let (na, nb) = (found[0], found[1]);
            let view = query::bilateral(&g, na, nb, &filter.filter());
            if *json {
                print_json(&view)?;
            } else {
                println!(
                    "{} ↔ {}: {}",
                    view.a.name,
                    view.b.name,
                    view.balance.line(&view.a.name, &view.b.name)
                );
                for kind in EdgeKind::ALL {
                    let rows: Vec<query::Statement> = view
                        .statements
                        .iter()
                        .filter(|r| r.kind == kind)
                        .cloned()
                        .collect();
                    if !rows.is_empty() {
                        println!("\n{kind} ({})", rows.len());
                        statements(&rows);
                    }
                }
            }
            Ok(if view.statements.is_empty() { 1 } else { 0 })
        }
        Cmd::Path { a, b, filter, json } => {
            // the search runs on the skeleton; then only the path's edges are read
            let f = filter.filter();
            let sk = load_skeleton(&cli.graph)?;
            let (sa, sb) = (find_in(&sk, a)?, find_in(&sk, b)?);
            let name = |n: u32| sk.nodes[n as usize].name.clone();
            if sa == sb {
                return Err(Fail(
                    2,
                    anyhow::anyhow!("{a:?} and {b:?} are the same entity, {}", name(sa)),
                ));
            }
            let no_path = || {
                Fail(
                    1,
                    anyhow::anyhow!("no path between {} and {}", name(sa), name(sb)),
                )
            };
            let Some(edges) = query::path_edges_in(&sk, sa, sb, &f) else {
                return Err(no_path());
            };
            let g = match ties::cache::read_edges(&cli.graph, &edges) {
                Some(g) => g,
                None => load(&cli.graph)?,
            };
            match query::path_steps(&g, &sk, &edges, &f) {
                Some(steps) => {
                    if *json {
                        print_json(&steps)?;
                    } else {
                        for s in &steps {
                            let date = s.date.map(|d| d.to_string()).unwrap_or_default();
                            println!(
                                "{} —{}→ {}  {date}\n    “{}”",
                                s.source,
                                s.kind,
                                s.target,
                                short(&s.sentence, 160)
                            );
                        }
                    }
                    Ok(0)
                }
                None => Err(no_path()),
            }
        }
        Cmd::Timeline {
            entity,
            other,
            filter,
            json,
        } => {
            let names: Vec<&String> = std::iter::once(entity).chain(other).collect();
            let (g, found) = load_around(&cli.graph, &names, false)?;
            let (na, nb) = (found[0], found.get(1).copied());
            let rows = query::timeline(&g, na, nb, &filter.filter());
            if *json {
                print_json(&rows)?;
            } else {
                statements(&rows);
            }
            Ok(if rows.is_empty() { 1 } else { 0 })
        }
        Cmd::Eval {
            gold_dir,
            misses,
            min_core,
            json,
        } => {
            let ex = extractor(&cli)?;
            let report = ties::eval::eval_dir(&ex, gold_dir)?;
            if *json {
                let rows: BTreeMap<String, serde_json::Value> = report
                    .rows()
                    .into_iter()
                    .map(|(k, p, r, f)| (k, serde_json::json!({"p": p, "r": r, "f1": f})))
                    .collect();
                print_json(&rows)?;
            } else {
                if *misses {
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
            let core = report.f1("country:core");
            match min_core {
                Some(floor) if core < *floor => Err(Fail(
                    1,
                    anyhow::anyhow!(
                        "core F1 at country level {core:.3} is below the floor {floor:.3}"
                    ),
                )),
                _ => Ok(0),
            }
        }
        Cmd::Explain { article } => {
            let ex = extractor(&cli)?;
            let text = std::fs::read_to_string(article).map_err(|e| Error::io(article, e))?;
            let id = article
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let a = ties::Article::parse(id, text)?;
            print!("{}", ties::extract::explain(ex.gazetteer(), &a));
            Ok(0)
        }
        Cmd::Stats { top, json } => {
            let g = load_skeleton(&cli.graph)?;
            let st = query::stats_in(&g, *top);
            if *json {
                print_json(&st)?;
            } else {
                print!("{}", stats_text(&st, &cli.graph));
            }
            Ok(0)
        }
    }
}

/// A library error as a failure: an unknown entity is "nothing found" (1), the rest input errors (2).
fn found(e: Error) -> Fail {
    let code = if matches!(e, Error::UnknownEntity { .. }) {
        1
    } else {
        2
    };
    Fail(code, e.into())
}

/// The table `ties show` prints.
fn show_text(i: &query::EntityInfo) -> String {
    let mut s = format!("{} ({}, {})\n", i.name, i.kind, i.id);
    if let Some(c) = &i.code {
        s.push_str(&format!("  code:       {c}\n"));
    }
    if !i.aliases.is_empty() {
        s.push_str(&format!("  aliases:    {}\n", i.aliases.join(", ")));
    }
    for r in &i.roles {
        let former = if r.former { "former " } else { "" };
        s.push_str(&format!(
            "  role:       {former}{} of {}\n",
            r.role.as_deref().unwrap_or("member"),
            r.of.name
        ));
    }
    if !i.members.is_empty() {
        let names: Vec<&str> = i.members.iter().map(|m| m.name.as_str()).collect();
        s.push_str(&format!("  people:     {}\n", names.join(", ")));
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
        s.push_str(&format!("    {d}  {}\n", a.id));
    }
    s
}

/// The table `ties stats` prints.
fn stats_text(st: &query::Stats, path: &Path) -> String {
    let join = |v: Vec<String>| v.join(", ");
    let date = |d: Option<ties::date::Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
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
    s.push_str(&format!(
        "entities: {}\n",
        join(
            st.entities_by_kind
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect()
        )
    ));
    s.push_str(&format!(
        "edges:    {}\n",
        join(
            st.edges_by_kind
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect()
        )
    ));
    if !st.most_connected.is_empty() {
        s.push_str("most connected:\n");
        for r in &st.most_connected {
            s.push_str(&format!(
                "  {:<36} {:<12} degree {:>3}, {} statement(s)\n",
                r.name,
                r.kind.to_string(),
                r.degree,
                r.statements
            ));
        }
    }
    if !st.strongest.is_empty() {
        s.push_str("strongest ties:\n");
        for t in &st.strongest {
            let arrow = if t.kind.is_directed() { "→" } else { "—" };
            s.push_str(&format!(
                "  {} {arrow} {}  {} ×{}\n",
                t.source, t.target, t.kind, t.weight
            ));
        }
    }
    s
}
