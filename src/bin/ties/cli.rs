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
    /// Only these edge kinds (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    kind: Vec<EdgeKind>,
    /// Only statements on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<ties::Date>,
    /// Only statements on or before this date (YYYY-MM-DD).
    #[arg(long)]
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
    /// Write the graph (or part of it) as DOT, SVG, JSON, RON, GraphML or Neo4j CSV.
    Export(ExportArgs),
    /// Everything about one entity: names, code, roles, degree by kind, articles.
    Show(ShowArgs),
    /// List the entities, most connected first (or by name).
    Entities(EntitiesArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
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
    Explain { article: PathBuf },
    /// Counts by kind, articles, date range, the most connected entities.
    Stats(StatsArgs),
}

/// `ties build`.
#[derive(Args)]
pub struct BuildArgs {
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    /// Skip articles larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Merge extraction lines written by `ties extract` (files, - for stdin) instead of reading articles.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub extractions: Vec<PathBuf>,
}

/// `ties add`: the options of build, told in other words.
#[derive(Args)]
pub struct AddArgs {
    #[arg(required_unless_present = "extractions")]
    pub inputs: Vec<PathBuf>,
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
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
}

/// `ties export`.
#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "dot")]
    pub format: Format,
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
    #[arg(long)]
    pub json: bool,
}

/// `ties completions`: prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) {
    clap_complete::generate(shell, &mut Cli::command(), "ties", &mut std::io::stdout());
}
