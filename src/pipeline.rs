//! The parallel build: articles are read in bounded batches on one thread,
//! extracted in parallel (rayon) and merged into the graph in a fixed order,
//! so the graph is byte-identical whatever the number of threads.
//!
//! **Merge order.** Plain-text files (named or found in folders) are merged in
//! order of article id, which is their file stem (ties by path), exactly as a
//! one-shot sorted build would. JSON Lines files and standard input follow, in
//! the order given, each record in line order: a stream cannot be sorted
//! without holding it whole. So the same text files in any order give the same
//! bytes, and a JSON Lines corpus gives the same bytes however many cores build it.
//!
//! **Memory.** At most two batches of articles are alive at a time (one being
//! read, one being extracted); an article's text is dropped as soon as its
//! extraction is merged (a build merges [`Records`] read with their article,
//! [`Extracted`], whose strings are made only for [`extract_each`]'s sinks).

use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::Extraction;
pub use crate::model::{Extracted, Records};
use crate::store::bulk::Bulk;
use crate::text::input::{self, Item, ReadOptions, Source};
use crate::Article;
use crate::Extractor;
use rayon::prelude::*;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::mpsc::{self, SyncSender};

/// Where merged extractions go: a [`Graph`] in memory, or a [`Bulk`] build
/// of a graph file.
pub trait Sink: Send {
    /// Merges one extraction; an article already there is replaced.
    fn merge(&mut self, x: &Extraction);
    /// Merges one article with its records, as [`Sink::merge`] of their
    /// extraction does.
    fn merge_extracted(&mut self, x: &Extracted) {
        self.merge(&x.extraction());
    }
    /// Called once the last extraction is merged.
    fn finish(&mut self) {}
    /// Whether the article `id` is in the graph already.
    fn has_article(&self, _id: &str) -> bool {
        false
    }
    /// Whether the sink can no longer be written (a full disk): merging more is in vain.
    fn failed(&self) -> bool {
        false
    }
}

impl Sink for Graph {
    fn merge(&mut self, x: &Extraction) {
        self.merge_extraction(x);
    }
    fn merge_extracted(&mut self, x: &Extracted) {
        Graph::merge_extracted(self, x);
    }
    fn finish(&mut self) {
        self.settle();
    }
    fn has_article(&self, id: &str) -> bool {
        self.articles.contains_key(id)
    }
}

impl Sink for Bulk {
    fn merge(&mut self, x: &Extraction) {
        self.add(x);
    }
    fn merge_extracted(&mut self, x: &Extracted) {
        self.add_extracted(x);
    }
    fn has_article(&self, id: &str) -> bool {
        Bulk::has_article(self, id)
    }
    fn failed(&self) -> bool {
        self.is_failed()
    }
}

/// A sink taking each article id once: an id given again in the same run
/// is not merged (the first stays) and is listed in `repeated`; an id the
/// graph held before the run is replaced and listed in `replaced`.
pub struct Once<'a> {
    inner: &'a mut dyn Sink,
    /// The ids merged so far.
    seen: crate::store::bulk::Given,
    /// Ids given more than once in this run, in order, each time again.
    pub repeated: Vec<String>,
    /// Ids that were in the graph before and were built again.
    pub replaced: Vec<String>,
}

impl<'a> Once<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a mut dyn Sink) -> Once<'a> {
        Once {
            inner,
            seen: Default::default(),
            repeated: Vec::new(),
            replaced: Vec::new(),
        }
    }
}

impl Once<'_> {
    /// Whether article `id` is merged: not if given before in this run
    /// (listed as repeated); listed as replaced if the graph held it.
    fn first(&mut self, id: &str) -> bool {
        if !self.seen.insert(id) {
            self.repeated.push(id.to_string());
            return false;
        }
        if self.inner.has_article(id) {
            self.replaced.push(id.to_string());
        }
        true
    }
}

impl Sink for Once<'_> {
    fn merge(&mut self, x: &Extraction) {
        if self.first(&x.article) {
            self.inner.merge(x);
        }
    }
    fn merge_extracted(&mut self, x: &Extracted) {
        if self.first(&x.article.id) {
            self.inner.merge_extracted(x);
        }
    }
    fn finish(&mut self) {
        self.inner.finish();
    }
    fn has_article(&self, id: &str) -> bool {
        self.inner.has_article(id)
    }
    fn failed(&self) -> bool {
        self.inner.failed()
    }
}

/// How a build runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Limits on what is read.
    pub read: ReadOptions,
    /// Articles read, extracted and merged together (at least 1).
    pub batch: usize,
    /// Worker threads for extraction; `None` uses rayon's global pool (one per core).
    pub threads: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            read: ReadOptions::default(),
            batch: 512,
            threads: None,
        }
    }
}

/// Something the caller may want to tell the user about, in input order.
#[derive(Debug)]
pub enum Notice {
    /// An input or article that was skipped, and why.
    Skipped(Error),
    /// An article that was read but needed repair.
    Warning(String),
}

/// What a build did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Articles extracted.
    pub articles: usize,
    /// Inputs or articles skipped.
    pub skipped: usize,
    /// Bytes of article text extracted.
    pub bytes: u64,
}

/// Puts sources in merge order: text files by stem (then path), then streams
/// (JSON Lines, stdin) in the order given.
pub fn merge_order(mut sources: Vec<Source>) -> Vec<Source> {
    fn key(s: &Source) -> (u8, String, PathBuf) {
        match s {
            Source::Text(p) => {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (0, stem, p.clone())
            }
            _ => (1, String::new(), PathBuf::new()),
        }
    }
    // stable: streams keep their given order
    sources.sort_by_cached_key(key);
    sources
}

enum Read {
    Article(Article, Option<String>),
    Skipped(Error),
}

/// Extracts every article of `sources` (in [`merge_order`]) and hands each
/// extraction to `sink` in that order; notices go to `on_notice`, also in order.
pub fn extract_each(
    ex: &Extractor,
    sources: &[Source],
    opts: &Options,
    on_notice: &mut dyn FnMut(Notice),
    sink: &mut (dyn FnMut(Extraction) + Send),
) -> Stats {
    extract_while(ex, sources, opts, on_notice, &mut |x| {
        sink(x);
        true
    })
}

/// As [`extract_each`], stopping as soon as `sink` returns `false` (a build
/// that can no longer be written stops reading): the batch being extracted
/// is dropped, the reader stops.
pub fn extract_while(
    ex: &Extractor,
    sources: &[Source],
    opts: &Options,
    on_notice: &mut dyn FnMut(Notice),
    sink: &mut (dyn FnMut(Extraction) -> bool + Send),
) -> Stats {
    extract_batches(sources, opts, on_notice, &|a| ex.extract(&a), sink)
}

/// As [`extract_while`], handing `sink` each article with its [`Records`]
/// ([`Extracted`]): what a build merges, no extraction's strings made.
pub fn extract_records_while(
    ex: &Extractor,
    sources: &[Source],
    opts: &Options,
    on_notice: &mut dyn FnMut(Notice),
    sink: &mut (dyn FnMut(Extracted) -> bool + Send),
) -> Stats {
    let g = ex.gazetteer();
    let make = |a: Article| {
        let records = crate::extract::records(g, &a);
        (a, records)
    };
    extract_batches(sources, opts, on_notice, &make, &mut |(
        article,
        records,
    )| {
        sink(Extracted {
            article: &article,
            records: &records,
        })
    })
}

/// Reads `sources` in batches, `make`s each article's extraction in
/// parallel and hands them to `sink` in [`merge_order`] while it returns `true`.
fn extract_batches<T: Send>(
    sources: &[Source],
    opts: &Options,
    on_notice: &mut dyn FnMut(Notice),
    make: &(dyn Fn(Article) -> T + Sync),
    sink: &mut (dyn FnMut(T) -> bool + Send),
) -> Stats {
    let sources = merge_order(sources.to_vec());
    let batch = opts.batch.max(1);
    let read = opts.read.clone();
    let pool = opts.threads.and_then(|n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .ok()
    });
    let (tx, rx) = mpsc::sync_channel::<Vec<Read>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(&sources, &read, batch, tx));
        let mut stats = Stats::default();
        let mut pending: Vec<T> = Vec::new();
        for items in rx {
            let arts = take_articles(items, &mut stats, on_notice);
            // merge the previous batch while this one is extracted
            let prev = std::mem::take(&mut pending);
            let sink = &mut *sink;
            let step = move || {
                rayon::join(
                    move || prev.into_iter().all(sink),
                    move || {
                        arts.into_par_iter()
                            .with_max_len(1)
                            .map(make)
                            .collect::<Vec<_>>()
                    },
                )
            };
            let (go, xs) = match &pool {
                Some(p) => p.install(step),
                None => step(),
            };
            if !go {
                return stats;
            }
            pending = xs;
        }
        pending.into_iter().all(&mut *sink);
        stats
    })
}

/// The reader thread: sends `sources`' items in batches of `batch` (one in
/// the channel, one being filled); stops when the receiver is gone.
fn read_batches(sources: &[Source], read: &ReadOptions, batch: usize, tx: SyncSender<Vec<Read>>) {
    let mut buf: Vec<Read> = Vec::with_capacity(batch);
    let mut open = true;
    for src in sources {
        input::read_source(src, read, &mut |item| {
            if !open {
                return;
            }
            buf.push(match item {
                Item::Article(a, w) => Read::Article(a, w),
                Item::Skipped(e) => Read::Skipped(e),
            });
            if buf.len() >= batch {
                open = tx
                    .send(std::mem::replace(&mut buf, Vec::with_capacity(batch)))
                    .is_ok();
            }
        });
    }
    if open && !buf.is_empty() {
        let _ = tx.send(buf);
    }
}

/// A batch's articles, its warnings and skipped inputs told to `on_notice`
/// and counted in `stats`.
fn take_articles(
    items: Vec<Read>,
    stats: &mut Stats,
    on_notice: &mut dyn FnMut(Notice),
) -> Vec<Article> {
    let mut arts = Vec::with_capacity(items.len());
    for it in items {
        match it {
            Read::Article(a, w) => {
                if let Some(w) = w {
                    on_notice(Notice::Warning(w));
                }
                stats.bytes += a.text.len() as u64;
                arts.push(a);
            }
            Read::Skipped(e) => {
                stats.skipped += 1;
                on_notice(Notice::Skipped(e));
            }
        }
    }
    stats.articles += arts.len();
    arts
}

/// Builds `sources` into `graph`: read in batches, extracted in parallel,
/// merged in [`merge_order`]. The graph's bytes do not depend on `opts.threads`
/// or `opts.batch`.
pub fn build(
    ex: &Extractor,
    sources: &[Source],
    opts: &Options,
    graph: &mut dyn Sink,
    on_notice: &mut dyn FnMut(Notice),
) -> Stats {
    let st = extract_records_while(ex, sources, opts, on_notice, &mut |x| {
        graph.merge_extracted(&x);
        true
    });
    graph.finish();
    st
}

/// Expands paths (files, folders, `-`) and builds them into `graph`; paths
/// that do not exist are reported as skipped.
pub fn build_paths(
    ex: &Extractor,
    paths: &[PathBuf],
    opts: &Options,
    graph: &mut dyn Sink,
    on_notice: &mut dyn FnMut(Notice),
) -> Stats {
    let (sources, errs) = input::sources(paths);
    let n = errs.len();
    for e in errs {
        on_notice(Notice::Skipped(e));
    }
    let mut s = build(ex, &sources, opts, graph, on_notice);
    s.skipped += n;
    s
}

/// Reads extraction lines (one JSON [`Extraction`] per line, as `ties
/// extract` writes them) and merges them into `graph` in line order. A line
/// that does not parse is skipped with a notice naming it.
pub fn merge_extractions(
    origin: &str,
    reader: impl BufRead,
    graph: &mut dyn Sink,
    on_notice: &mut dyn FnMut(Notice),
) -> Stats {
    let mut stats = Stats::default();
    let mut reader = reader;
    let mut line = String::new();
    let mut no = 0usize;
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                stats.skipped += 1;
                on_notice(Notice::Skipped(Error::Article {
                    origin: format!("{origin}:{}", no + 1),
                    reason: format!("read failed: {e}"),
                }));
                break;
            }
        }
        no += 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Extraction>(&line) {
            Ok(x) => {
                stats.articles += 1;
                graph.merge(&x);
            }
            Err(e) => {
                stats.skipped += 1;
                on_notice(Notice::Skipped(Error::Article {
                    origin: format!("{origin}:{no}"),
                    reason: format!("not an extraction line ({e}); expected the JSON that `ties extract` writes"),
                }));
            }
        }
    }
    graph.finish();
    stats
}

/// [`merge_extractions`] over files (`-` for standard input), in the order given.
pub fn merge_extraction_files(
    paths: &[PathBuf],
    graph: &mut dyn Sink,
    on_notice: &mut dyn FnMut(Notice),
) -> Stats {
    let mut total = Stats::default();
    for p in paths {
        let s = if p.as_os_str() == "-" {
            merge_extractions("<stdin>", std::io::stdin().lock(), graph, on_notice)
        } else {
            match std::fs::File::open(p) {
                Ok(f) => merge_extractions(
                    &p.display().to_string(),
                    std::io::BufReader::with_capacity(1 << 20, f),
                    graph,
                    on_notice,
                ),
                Err(e) => {
                    on_notice(Notice::Skipped(Error::io(p, e)));
                    Stats {
                        skipped: 1,
                        ..Stats::default()
                    }
                }
            }
        };
        total.articles += s.articles;
        total.skipped += s.skipped;
    }
    total
}

/// One extraction as a JSON line (no trailing newline).
pub fn to_json_line(x: &Extraction) -> Result<String> {
    serde_json::to_string(x)
        .map_err(|e| Error::Invalid(format!("extraction of {}: {e}", x.article)))
}
