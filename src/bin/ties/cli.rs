//! The command line: clap's definitions of the global options and the commands.

use clap::{Args, CommandFactory, Parser, Subcommand};
use std::path::PathBuf;
use ties::export::Format;
use ties::query::{self, Direction, Filter};
use ties::{EdgeKind, EntityKind};

// The doc comments of the commands (the variants of `Cmd`) and of the
// options are the help text `ties --help` prints: changing one changes the
// help. Those of the structs are not printed (a variant's doc wins).

/// The command line.
#[derive(Parser)]
#[command(
    name = "ties",
    version,
    about = "Turn diplomatic news into a typed knowledge graph and query it"
)]
pub struct Cli {
    /// The graph file (RON).
    #[arg(long, global = true, env = "TIES_GRAPH", default_value = "ties.ron")]
    pub graph: PathBuf,
    /// Extra lexicon files (RON), added to the built-in ones.
    #[arg(long, global = true, value_name = "FILE.ron")]
    pub lexicon: Vec<PathBuf>,
    #[command(subcommand)]
    pub cmd: Cmd,
}

/// The options that filter edges by kind and date.
#[derive(Args, Clone)]
pub struct FilterArgs {
    /// Only these edge kinds (comma-separated, any case).
    #[arg(long, value_enum, value_delimiter = ',', ignore_case = true)]
    pub kind: Vec<EdgeKind>,
    /// Only statements on or after this date (YYYY, YYYY-MM or YYYY-MM-DD: its first day).
    #[arg(long, value_parser = since_date)]
    since: Option<ties::Date>,
    /// Only statements on or before this date (YYYY, YYYY-MM or YYYY-MM-DD: its last day).
    #[arg(long, value_parser = until_date)]
    until: Option<ties::Date>,
}

impl FilterArgs {
    /// The library's filter for these options.
    pub fn filter(&self) -> Filter {
        Filter {
            kinds: self.kind.clone(),
            since: self.since,
            until: self.until,
        }
    }

    /// The error of a date range that holds no day.
    fn check(&self) -> Result<(), String> {
        match (self.since, self.until) {
            (Some(s), Some(u)) if s > u => Err(format!(
                "--since {s} is after --until {u}: no statement can pass; swap them"
            )),
            _ => Ok(()),
        }
    }
}

/// A `--since` date: the first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn since_date(s: &str) -> Result<ties::Date, String> {
    period(s, false)
}

/// An `--until` date: the last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn until_date(s: &str) -> Result<ties::Date, String> {
    period(s, true)
}

/// The first (or with `end`, last) day of a year, a month or a day.
fn period(s: &str, end: bool) -> Result<ties::Date, String> {
    let bad = || {
        format!(
            "{s:?} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2016, 2016-03, 2016-03-05)"
        )
    };
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize, len: usize| {
        parts
            .get(i)
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i32>().ok())
    };
    let year = num(0, 4).ok_or_else(bad)?;
    let date = match parts.len() {
        1 if end => ties::Date::new(year, 12, 31),
        1 => ties::Date::new(year, 1, 1),
        2 => {
            let month = num(1, 2).ok_or_else(bad)? as u8;
            let first = ties::Date::new(year, month, 1).ok_or_else(bad)?;
            if end {
                let next = ties::Date::new(year + month as i32 / 12, month % 12 + 1, 1);
                next.map(|n| ties::Date::from_days(n.days() - 1))
            } else {
                Some(first)
            }
        }
        _ => s.trim().parse().ok(),
    };
    date.ok_or_else(bad)
}

/// The errors of options clap cannot see alone: a date range holding no day,
/// `--depth 0`.
pub fn check(cmd: &Cmd) -> Result<(), String> {
    let depth = |d: usize| match d {
        0 => Err("--depth 0 reaches no entity: give 1 or more".to_string()),
        _ => Ok(()),
    };
    match cmd {
        Cmd::Neighbors(a) => a.filter.check().and(depth(a.depth)),
        Cmd::Export(a) => a.filter.check().and(depth(a.depth)),
        Cmd::Between(a) | Cmd::Path(a) => a.filter.check(),
        Cmd::Timeline(a) => a.filter.check(),
        Cmd::Dyads(a) => a.filter.check(),
        Cmd::Events(a) => a.filter.check(),
        Cmd::Why(a) => a.filter.check(),
        Cmd::Report(a) => a.filter.check(),
        _ => Ok(()),
    }
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Build a new graph from articles (files, folders, *.jsonl, - for stdin).
    Build(BuildArgs),
    /// Add articles to an existing graph (creating it if there is none).
    Add(AddArgs),
    /// Extract articles (files, folders, *.jsonl; standard input when none) to
    /// one JSON line each on standard output, building no graph.
    Extract(ExtractArgs),
    /// Write the graph (or part of it) as DOT, SVG, PNG, JSON, RON, GraphML or Neo4j CSV.
    Export(ExportArgs),
    /// Everything about one entity: names, code, roles, degree by kind, articles.
    Show(ShowArgs),
    /// List the entities, most connected first (or by name).
    Entities(EntitiesArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff): `ties man > ties.1 && man ./ties.1`.
    Man,
    /// The entities around one.
    Neighbors(NeighborsArgs),
    /// Everything between two entities, both ways, with evidence.
    Between(PairArgs),
    /// The shortest chain of edges between two entities.
    Path(PairArgs),
    /// Statements about an entity (or between two) in date order.
    Timeline(TimelineArgs),
    /// Score extraction against a gold folder (NAME.txt + NAME.gold.json), as score.py does.
    Eval(EvalArgs),
    /// Show how one article is read: sentences, mentions, cues and edges.
    ///
    /// The article is a file, or the id of an article of the graph (read
    /// again from where the build read it).
    Explain(ExplainArgs),
    /// Counts by kind, articles, date range, the most connected entities.
    Stats(StatsArgs),
    /// One row per ordered pair of countries and edge kind, with statement counts
    /// and first and last dates; people and state bodies count for their state.
    Dyads(DyadsArgs),
    /// One row per statement, for pandas or R: date, actors with their states'
    /// ISO codes, kind, CAMEO code, Goldstein weight, speaker, place, article,
    /// sentence index, byte span, sentence, topics. Written as it is read.
    Events(EventsArgs),
    /// Why two entities are tied: each edge between them, both ways, with every
    /// sentence behind it in full (two countries: their people and state bodies too).
    Why(WhyArgs),
    /// One self-contained HTML page on the relationship of two entities: its
    /// diagram, a chart of statements per month (cooperation above the axis,
    /// conflict below) and the table of statements, filterable by kind and date.
    Report(ReportArgs),
}

/// `ties explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// A text file, or an article id of the graph (as evidence shows it).
    pub article: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ties why`.
#[derive(Args)]
pub struct WhyArgs {
    pub a: String,
    pub b: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many edges.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

/// How `ties events` writes its rows.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum EventFormat {
    /// Comma-separated, a header line first; formula-like cells guarded with '.
    Csv,
    /// One JSON object a line.
    Jsonl,
    /// Tab-separated, a header line first; tabs and line breaks in cells become spaces.
    Tsv,
}

/// `ties events`.
#[derive(Args)]
pub struct EventsArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: EventFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// `ties dyads`.
#[derive(Args)]
pub struct DyadsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header line, then one line per row).
    #[arg(long)]
    pub csv: bool,
}

/// `ties build`.
#[derive(Args)]
pub struct BuildArgs {
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16 hex digits of its hash).
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Merge extraction lines written by `ties extract` (files, - for stdin) instead of reading articles.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub extractions: Vec<PathBuf>,
    /// Replace the graph file when it exists (without it, build refuses: `ties add` adds to it).
    #[arg(long)]
    pub force: bool,
}

/// `ties add`: the options of build, told in other words.
#[derive(Args)]
pub struct AddArgs {
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16 hex digits of its hash).
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Merge extraction lines written by `ties extract` instead of reading articles.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub extractions: Vec<PathBuf>,
}

/// `ties extract`.
#[derive(Args)]
pub struct ExtractArgs {
    pub inputs: Vec<PathBuf>,
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16 hex digits of its hash).
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
}

/// `ties export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The format; without it, the one --out's extension names (.dot/.gv,
    /// .svg, .png, .json, .ron, .graphml, .csv; an existing folder: csv), else dot.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file (standard output when absent); for csv, the folder for nodes.csv and relationships.csv.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Keep only the entities within --depth edges of this one (an ego graph).
    #[arg(long)]
    pub focus: Option<String>,
    /// Steps from --focus.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Keep only the edges between two sides, their people included.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub between: Vec<String>,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, merged into their state. Default:
    /// country for --between two countries, else written.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    /// Draw no legend of the kinds shown (dot, svg).
    #[arg(long)]
    pub no_legend: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `ties report`.
#[derive(Args)]
pub struct ReportArgs {
    pub a: String,
    pub b: String,
    /// The HTML file to write (standard output when absent).
    #[arg(long, value_name = "FILE.html")]
    pub out: Option<PathBuf>,
    /// The diagram's level: written, or country (people and state bodies
    /// merged into their state). Default: country for two countries.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `ties show`.
#[derive(Args)]
pub struct ShowArgs {
    pub entity: String,
    #[arg(long)]
    pub json: bool,
}

/// `ties entities`.
#[derive(Args)]
pub struct EntitiesArgs {
    /// Only these entity kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<EntityKind>,
    #[arg(long, value_enum, default_value = "degree")]
    pub sort: query::Sort,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, counted for their state (and left out).
    #[arg(long, value_enum, default_value = "written")]
    pub level: query::Level,
    #[arg(long)]
    pub json: bool,
}

/// `ties neighbors`.
#[derive(Args)]
pub struct NeighborsArgs {
    pub entity: String,
    #[arg(long, value_enum, default_value = "both")]
    pub direction: Direction,
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// written: neighbors as the articles name them; country: people who hold a
    /// role for a state, and state bodies, counted for their state. Default:
    /// country for a country (written when --kind names only role or
    /// located-in), written for any other entity.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ties between` and `ties path`: two entities.
#[derive(Args)]
pub struct PairArgs {
    pub a: String,
    pub b: String,
    /// At most this many statements (between; the balance counts them all).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print whole sentences (text output cuts them at 160 characters).
    #[arg(long)]
    pub full: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long)]
    pub json: bool,
}

/// `ties timeline`.
#[derive(Args)]
pub struct TimelineArgs {
    pub entity: String,
    pub other: Option<String>,
    /// Count statements per kind and month or year instead of listing them.
    #[arg(long, value_enum)]
    pub by: Option<query::Period>,
    /// With --by, print CSV: period,kind,statements (undated: an empty period).
    #[arg(long, requires = "by", conflicts_with = "json")]
    pub csv: bool,
    /// Print whole sentences (text output cuts them at 160 characters).
    #[arg(long)]
    pub full: bool,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long)]
    pub json: bool,
}

/// `ties eval`.
#[derive(Args)]
pub struct EvalArgs {
    pub gold_dir: PathBuf,
    /// List each article's missing and wrong edges.
    #[arg(long)]
    pub misses: bool,
    /// Exit 1 when core F1 at country level falls below this.
    #[arg(long)]
    pub min_core: Option<f64>,
    #[arg(long)]
    pub json: bool,
}

/// `ties stats`.
#[derive(Args)]
pub struct StatsArgs {
    /// How many most connected entities and strongest ties to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, counted for their state (and left out).
    #[arg(long, value_enum, default_value = "written")]
    pub level: query::Level,
    #[arg(long)]
    pub json: bool,
}

/// `ties man`: prints the manual page, made from the same definitions as `--help`.
pub fn man() -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())
}

/// `ties completions`: prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) {
    clap_complete::generate(shell, &mut Cli::command(), "ties", &mut std::io::stdout());
}
