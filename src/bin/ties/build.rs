//! `ties build`, `ties add` and `ties extract`: articles read, extracted and
//! merged into a graph file, or written out as extraction lines.

use crate::cli::{Cli, ExtractArgs};
use crate::load::{extractor, load};
use crate::{render, Fail};
use anyhow::Context;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use ties::input::{self, ReadOptions};
use ties::pipeline;
use ties::Bulk;
use ties::Skeleton;
use ties::{Extractor, Graph};

/// Which command is building: `build` starts afresh, `add` adds to the graph file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Build,
    Add,
}

/// Where the articles are merged: graphs are built in bulk, evidence spilled
/// to disk, so that their size is not bounded by memory; a graph added to
/// stays on disk, read through its cache, when it can, else it is loaded whole.
// one value a run, moved once: the size of the larger variant costs nothing
#[allow(clippy::large_enum_variant)]
enum Target {
    /// The whole graph, loaded into memory.
    Memory(Graph),
    /// A bulk build on disk, new or extending the graph file.
    Bulk(Bulk),
}

impl Target {
    /// The target for `mode` on the graph file at `path`.
    fn open(mode: Mode, path: &Path) -> Result<Target, Fail> {
        if mode == Mode::Build || !path.exists() {
            return Ok(Target::Bulk(Bulk::new(path)));
        }
        if let Some(b) = Bulk::extend(path) {
            return Ok(Target::Bulk(b));
        }
        // loading writes the cache afresh
        let g = load(path)?;
        Ok(match Bulk::extend(path) {
            Some(b) => Target::Bulk(b),
            None => Target::Memory(g),
        })
    }

    /// The target as a sink for the pipeline.
    fn sink(&mut self) -> &mut dyn pipeline::Sink {
        match self {
            Target::Memory(g) => g,
            Target::Bulk(b) => b,
        }
    }

    /// Writes the graph to `path` (where a bulk build already writes); its skeleton.
    fn save(self, path: &Path) -> ties::Result<Skeleton> {
        match self {
            Target::Memory(g) => g.save(path),
            Target::Bulk(b) => b.save(),
        }
    }
}

/// `ties build` onto an existing graph file: refused unless `force`, with
/// a message naming the file and the two ways on (`add`, `--force`).
pub fn refuse_overwrite(graph: &Path, force: bool) -> Result<(), Fail> {
    if force || !graph.exists() {
        return Ok(());
    }
    Err(Fail::new(
        2,
        format!(
            "{g} already holds a graph; nothing written: `ties add ... --graph {g}` adds articles to it, `ties build --force` replaces it",
            g = graph.display()
        ),
    ))
}

/// `ties build` and `ties add`: merges the articles of `inputs` and the
/// extraction lines of `extractions` into the graph file, and prints a summary.
pub fn build(
    cli: &Cli,
    mode: Mode,
    inputs: &[PathBuf],
    read: ReadOptions,
    extractions: &[PathBuf],
) -> Result<u8, Fail> {
    let ex = extractor(cli)?;
    // load, change and save under one lock: concurrent runs lose nothing
    let _lock = ties::GraphLock::acquire(&cli.graph, || {
        eprintln!("ties: waiting for another ties on {}", cli.graph.display())
    })?;
    let mut target = Target::open(mode, &cli.graph)?;
    let (mut n, mut skipped) = (0, 0);
    let mut once = pipeline::Once::new(target.sink());
    if !inputs.is_empty() {
        (n, skipped) = ingest(ex, &mut once, inputs, read);
    }
    if !extractions.is_empty() {
        let st = pipeline::merge_extraction_files(extractions, &mut once, &mut notice);
        n += st.articles;
        skipped += st.skipped;
    }
    report_ids(&once.repeated, &once.replaced);
    if n == 0 {
        return Err(Fail::new(
            2,
            "no article could be read from the inputs given; nothing written".into(),
        ));
    }
    let g = target
        .save(&cli.graph)
        .with_context(|| "the graph was not written")?;
    crate::width::print(&render::summary(&g, n, skipped, &cli.graph));
    if skipped > 0 {
        eprintln!("ties: {skipped} input(s) skipped, each named above; exit status 2");
    }
    Ok(if skipped > 0 { 2 } else { 0 })
}

/// Tells which article ids were given more than once (the later copies
/// not built; ten ids at most, then how many more) and which replaced an
/// article of the graph.
fn report_ids(repeated: &[String], replaced: &[String]) {
    let mut times: Vec<(&str, usize)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = Default::default();
    for id in repeated {
        let i = *at.entry(id.as_str()).or_insert_with(|| {
            times.push((id.as_str(), 1));
            times.len() - 1
        });
        times[i].1 += 1;
    }
    for (id, n) in times.iter().take(10) {
        eprintln!(
            "ties: warning: article {} is given {n} times in these inputs; only the first is built (give each article its own id)",
            render::clean(id)
        );
    }
    if times.len() > 10 {
        eprintln!(
            "ties: warning: and {} more article ids given more than once",
            times.len() - 10
        );
    }
    if !replaced.is_empty() {
        let mut names: Vec<String> = replaced.iter().take(5).map(|s| render::clean(s)).collect();
        if replaced.len() > 5 {
            names.push(format!("and {} more", replaced.len() - 5));
        }
        eprintln!(
            "ties: replaced {} article(s) already in the graph with the version given: {}",
            replaced.len(),
            names.join(", ")
        );
    }
}

/// A progress spinner on standard error, only for a person watching, never in pipes or logs.
fn spinner() -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} articles [{elapsed}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    })
}

/// The sources of `inputs`, each one that cannot be read reported on
/// standard error; and how many were skipped so.
fn sources(inputs: &[PathBuf]) -> (Vec<input::Source>, usize) {
    let (sources, errs) = input::sources(inputs);
    let skipped = errs.len();
    for e in errs {
        eprintln!("ties: skipped {e}");
    }
    (sources, skipped)
}

/// The pipeline's options with these reading options.
fn options(read: ReadOptions) -> pipeline::Options {
    pipeline::Options {
        read,
        ..pipeline::Options::default()
    }
}

/// Reads and extracts every input into `g` (in parallel, merged in the order
/// `ties::pipeline` documents); returns how many articles and how many skipped.
fn ingest(
    ex: &Extractor,
    g: &mut dyn pipeline::Sink,
    inputs: &[PathBuf],
    read: ReadOptions,
) -> (usize, usize) {
    let opts = options(read);
    let bar = spinner();
    let (sources, mut skipped) = sources(inputs);
    let mut undated: Vec<String> = Vec::new();
    let st = pipeline::extract_records_while(ex, &sources, &opts, &mut notice, &mut |x| {
        if x.article.date.is_none() {
            undated.push(x.article.id.clone());
        }
        g.merge_extracted(&x);
        if let Some(pb) = &bar {
            pb.inc(1);
        }
        // a build that can no longer be written (a full disk) stops reading
        !g.failed()
    });
    g.finish();
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    skipped += st.skipped;
    warn_undated(&undated);
    (st.articles, skipped)
}

/// One warning for the articles without a date: how many, and a few ids.
fn warn_undated(ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    let mut some: Vec<String> = ids.iter().take(3).map(|s| render::clean(s)).collect();
    if ids.len() > 3 {
        some.push("...".into());
    }
    eprintln!(
        "ties: warning: {} article(s) have no date ({}): their statements are dated only where a sentence names a full date; give each a ` date YYYY-MM-DD` first line or a JSON \"date\"",
        ids.len(),
        some.join(", ")
    );
}

/// Prints a pipeline notice to standard error.
fn notice(n: pipeline::Notice) {
    match n {
        pipeline::Notice::Skipped(e) => eprintln!("ties: skipped {e}"),
        pipeline::Notice::Warning(w) => eprintln!("ties: warning: {w}"),
    }
}

/// `ties extract`: one JSON line per article on standard output.
pub fn extract(cli: &Cli, args: &ExtractArgs) -> Result<u8, Fail> {
    let ex = extractor(cli)?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let (sources, mut skipped) = sources(&inputs);
    let opts = options(ReadOptions {
        max_bytes: args.max_bytes,
        stdin_id: args.id.clone(),
    });
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
    let mut failed: Option<std::io::Error> = None;
    let st = pipeline::extract_each(ex, &sources, &opts, &mut notice, &mut |x| {
        if failed.is_some() {
            return;
        }
        let r = pipeline::to_json_line(&x)
            .map_err(std::io::Error::other)
            .and_then(|l| writeln!(out, "{l}"));
        failed = r.err();
    });
    if let Some(e) = failed.or_else(|| out.flush().err()) {
        return Err(Fail::new(2, format!("writing extractions: {e}")));
    }
    skipped += st.skipped;
    if st.articles == 0 {
        return Err(Fail::new(
            2,
            "no article could be read from the inputs given".into(),
        ));
    }
    Ok(if skipped > 0 { 2 } else { 0 })
}
