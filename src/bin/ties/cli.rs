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
    /// The graph file (RON; its binary cache sits beside it), e.g. --graph india.ron.
    #[arg(
        long,
        global = true,
        env = "TIES_GRAPH",
        default_value = "ties.ron",
        value_name = "FILE"
    )]
    pub graph: PathBuf,
    /// Extra lexicon files (RON), added to the built-in ones, e.g. --lexicon my-orgs.ron.
    #[arg(long, global = true, value_name = "FILE.ron")]
    pub lexicon: Vec<PathBuf>,
    #[command(subcommand)]
    pub cmd: Cmd,
}

/// The options that filter edges by kind and date.
#[derive(Args, Clone)]
pub struct FilterArgs {
    /// Only these edge kinds (comma-separated, any case), e.g. --kind meeting,visit.
    #[arg(long, value_enum, value_delimiter = ',', ignore_case = true)]
    pub kind: Vec<EdgeKind>,
    /// Only statements on or after this date (its first day), e.g. 2016, 2016-03 or 2016-03-01.
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    since: Option<ties::Date>,
    /// Only statements on or before this date (its last day), e.g. 2016, 2016-03 or 2016-03-31.
    #[arg(long, value_name = "DATE", value_parser = until_date)]
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
    Completions {
        /// The shell to complete for, e.g. bash.
        shell: clap_complete::Shell,
    },
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
    /// A text file, or an article id of the graph (as evidence shows it),
    /// e.g. seeds/000_186ee53d8d80909e.txt or var_0002.
    pub article: String,
    /// Print JSON (one object) instead of text, e.g. `ties explain var_0002 --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties why`.
#[derive(Args)]
pub struct WhyArgs {
    /// One side: a name, alias, id or ISO code, e.g. India, country:india or IND.
    pub a: String,
    /// The other side, e.g. Pakistan.
    pub b: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many edges, e.g. --limit 5.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print JSON instead of text, e.g. `ties why india pakistan --json`.
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
    /// How the rows are written, e.g. --format jsonl.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: EventFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows, e.g. --limit 100.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// `ties dyads`.
#[derive(Args)]
pub struct DyadsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many rows, e.g. --limit 20.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print JSON instead of a table, e.g. `ties dyads --json`.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header line, then one line per row), e.g. `ties dyads --csv > dyads.csv`.
    #[arg(long)]
    pub csv: bool,
}

/// `ties build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Articles: text files, folders (every *.txt and *.jsonl below), JSON
    /// Lines corpora, or - for standard input, e.g. seeds/ or news.jsonl.
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes, e.g. --max-bytes 1000000.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16
    /// hex digits of its hash), e.g. --id wire-1.
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Merge extraction lines written by `ties extract` (files, - for stdin)
    /// instead of reading articles, e.g. --extractions part-0.jsonl part-1.jsonl.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub extractions: Vec<PathBuf>,
    /// Replace the graph file when it exists (without it, build refuses: `ties
    /// add` adds to it), e.g. `ties build --force seeds/`.
    #[arg(long)]
    pub force: bool,
}

/// `ties add`: the options of build, told in other words.
#[derive(Args)]
pub struct AddArgs {
    /// Articles to add: text files, folders, JSON Lines corpora, or - for
    /// standard input, e.g. more/ or today.jsonl.
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes, e.g. --max-bytes 1000000.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16
    /// hex digits of its hash), e.g. --id wire-2.
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Merge extraction lines written by `ties extract` instead of reading
    /// articles, e.g. --extractions today.extractions.jsonl.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub extractions: Vec<PathBuf>,
}

/// `ties extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// Articles: text files, folders, JSON Lines corpora (standard input when
    /// none), e.g. seeds/ or news.jsonl.
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes, e.g. --max-bytes 1000000.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The id of an article read from standard input (default: stdin- and 16
    /// hex digits of its hash), e.g. --id wire-1.
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
}

/// `ties export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The format, e.g. --format graphml; without it, the one --out's
    /// extension names (.dot/.gv, .svg, .png, .json, .ron, .graphml, .csv; an
    /// existing folder: csv), else dot.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file (standard output when absent); for csv, the folder for
    /// nodes.csv and relationships.csv, e.g. --out graph.svg or --out neo4j.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Keep only the entities within --depth edges of this one (an ego
    /// graph), e.g. --focus Pakistan.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Steps from --focus, e.g. --depth 2.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Keep only the edges between two sides, their people included, e.g.
    /// --between China Pakistan.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub between: Vec<String>,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, merged into their state, e.g.
    /// --level country. Default: country for --between two countries, else written.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    /// Draw no legend of the kinds shown (dot, svg), e.g. `ties export
    /// --format svg --no-legend`.
    #[arg(long)]
    pub no_legend: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `ties report`.
#[derive(Args)]
pub struct ReportArgs {
    /// One side: a name, alias, id or ISO code, e.g. India.
    pub a: String,
    /// The other side, e.g. Pakistan.
    pub b: String,
    /// The HTML file to write (standard output when absent), e.g. --out
    /// india-pakistan.html.
    #[arg(long, value_name = "FILE.html")]
    pub out: Option<PathBuf>,
    /// The diagram's level: written, or country (people and state bodies
    /// merged into their state), e.g. --level written. Default: country for
    /// two countries.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `ties show`.
#[derive(Args)]
pub struct ShowArgs {
    /// The entity: a name, alias, id or ISO code, e.g. 'Qin Gang',
    /// person:qin-gang or CHN.
    pub entity: String,
    /// Print JSON instead of text, e.g. `ties show china --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties entities`.
#[derive(Args)]
pub struct EntitiesArgs {
    /// Only these entity kinds (comma-separated), e.g. --kind person,organization.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<EntityKind>,
    /// The order of the rows, e.g. --sort name (degree: most connected first).
    #[arg(long, value_enum, default_value = "degree")]
    pub sort: query::Sort,
    /// At most this many rows, e.g. --limit 20.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, counted for their state (and left
    /// out), e.g. --level country.
    #[arg(long, value_enum, default_value = "written")]
    pub level: query::Level,
    /// Print JSON instead of a table, e.g. `ties entities --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties neighbors`.
#[derive(Args)]
pub struct NeighborsArgs {
    /// The entity: a name, alias, id or ISO code, e.g. China or 'Qin Gang'.
    pub entity: String,
    /// Which edges: those out of the entity, into it, or both, e.g. --direction out.
    #[arg(long, value_enum, default_value = "both")]
    pub direction: Direction,
    /// How many edges away, e.g. --depth 2.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// written: neighbors as the articles name them; country: people who hold a
    /// role for a state, and state bodies, counted for their state, e.g.
    /// --level written. Default: country for a country (written when --kind
    /// names only role or located-in), written for any other entity.
    #[arg(long, value_enum)]
    pub level: Option<query::Level>,
    /// At most this many rows, e.g. --limit 10.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON instead of a table, e.g. `ties neighbors China --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties between` and `ties path`: two entities.
#[derive(Args)]
pub struct PairArgs {
    /// One side: a name, alias, id or ISO code, e.g. China.
    pub a: String,
    /// The other side, e.g. Pakistan.
    pub b: String,
    /// At most this many statements (between; the balance counts them all),
    /// e.g. --limit 10.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print whole sentences (text output cuts them at 160 characters), e.g.
    /// `ties between china pakistan --full`.
    #[arg(long)]
    pub full: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON instead of text, e.g. `ties between china pakistan --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties timeline`.
#[derive(Args)]
pub struct TimelineArgs {
    /// The entity: a name, alias, id or ISO code, e.g. China.
    pub entity: String,
    /// A second entity: only the statements between the two, e.g. Pakistan.
    pub other: Option<String>,
    /// Count statements per kind and month or year instead of listing them,
    /// e.g. --by year.
    #[arg(long, value_enum)]
    pub by: Option<query::Period>,
    /// With --by, print CSV: period,kind,statements (undated: an empty
    /// period), e.g. `ties timeline China --by month --csv`.
    #[arg(long, requires = "by", conflicts_with = "json")]
    pub csv: bool,
    /// Print whole sentences (text output cuts them at 160 characters), e.g.
    /// `ties timeline China --full`.
    #[arg(long)]
    pub full: bool,
    /// At most this many rows, e.g. --limit 10.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON instead of text, e.g. `ties timeline China --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties eval`.
#[derive(Args)]
pub struct EvalArgs {
    /// A folder of articles (NAME.txt) and their answers (NAME.gold.json),
    /// e.g. gold/.
    pub gold_dir: PathBuf,
    /// List each article's missing and wrong edges, e.g. `ties eval gold/ --misses`.
    #[arg(long)]
    pub misses: bool,
    /// Exit 1 when core F1 at country level falls below this, e.g. --min-core 0.9.
    #[arg(long)]
    pub min_core: Option<f64>,
    /// Print JSON instead of a table, e.g. `ties eval gold/ --json`.
    #[arg(long)]
    pub json: bool,
}

/// `ties stats`.
#[derive(Args)]
pub struct StatsArgs {
    /// How many most connected entities and strongest ties to list, e.g. --top 5.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// written: every entity as the articles name it; country: people who hold a
    /// role for a state, and state bodies, counted for their state (and left
    /// out), e.g. --level country.
    #[arg(long, value_enum, default_value = "written")]
    pub level: query::Level,
    /// Print JSON instead of text, e.g. `ties stats --json`.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The arguments of `cmd` and its subcommands, as `ties SUB --arg`,
    /// whose help is missing or gives no example ("e.g."); --help and
    /// --version aside.
    fn without_example(cmd: &clap::Command, path: &str) -> Vec<String> {
        let mut bad: Vec<String> = cmd
            .get_arguments()
            .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
            .filter(|a| {
                let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                !help.contains("e.g.")
            })
            .map(|a| format!("{path} {}", a.get_id()))
            .collect();
        for sub in cmd.get_subcommands() {
            bad.extend(without_example(sub, &format!("{path} {}", sub.get_name())));
        }
        bad
    }

    #[test]
    fn every_argument_has_help_with_an_example() {
        let bad = without_example(&Cli::command(), "ties");
        assert!(bad.is_empty(), "arguments without an example: {bad:?}");
    }

    #[test]
    fn the_walk_finds_an_argument_without_an_example() {
        let cmd = clap::Command::new("t")
            .arg(clap::Arg::new("plain").long("plain").help("no example"))
            .arg(clap::Arg::new("good").long("good").help("one, e.g. 3"));
        assert_eq!(without_example(&cmd, "t"), ["t plain"]);
    }

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}
