//! Stage 6 at any size: building a graph file without holding its evidence.
//! Nodes and edges stay in memory (a [`Graph`] whose edges hold no
//! occurrences); occurrences wait in a buffer, and when it passes its limit
//! they are sorted and written as one run to a temporary file beside the
//! graph file. [`Bulk::save`] then merges the runs edge by edge straight into
//! the RON file and its cache. An occurrence waits encoded as the cache
//! encodes it up to its text (a few dozen bytes in one shared buffer, no
//! allocation of its own); its article's id and its sentence's text wait
//! once per article, after the text's words hash, for all the article's
//! occurrences to point to. A run holds each occurrence whole, as the cache
//! does, with its text's words hash before it. The buffer is reused from run
//! to run. Memory is the nodes, the
//! edges and one buffer, whatever the number of articles; the file is
//! byte-for-byte the one that building the same extractions in memory and
//! saving gives. A run holds each edge's occurrences compressed with LZ4
//! ([`pack`]): on the benchmark corpus, whose sentences repeat, the spill
//! takes an eighth of the disk it took.

use crate::bytes::varint;
use crate::bytes::FileHash;
use crate::error::{Error, Result};
use crate::graph::skeleton::Skeleton;
use crate::graph::Merged;
use crate::graph::NodeId;
use crate::graph::{Graph, Occurrence};
use crate::model::{Extracted, Extraction};
use crate::store::cache::{occurrences_of, read_span, COcc, Span};
use crate::store::cache::{stage_article, stage_text, staged_block};
use crate::store::cache::{views_of, views_with_words, View};
use crate::text::article::Provenance;
use crate::text::date::Date;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Bytes of occurrences buffered before a run is written: 64 MB. A larger
/// buffer saves little merging and costs first touches of fresh memory,
/// which the kernel zeroes (a 20k build: 0.3 to 0.5 s of system time at
/// 32 or 64 MB, 0.7 to 1.2 s at 256 MB).
pub const DEFAULT_LIMIT: usize = 64 << 20;

/// The most a buffer holds before a run is written, whatever the limit
/// asked: places in it are four-byte numbers.
const MOST: usize = 1 << 31;

/// One occurrence not yet in a run: the index of its edge, and where its
/// record ([`COcc::stage_record`]) lies in the buffer, `buf[from..to]`.
#[derive(Clone, Copy, Debug)]
struct Staged {
    edge: u32,
    from: u32,
    to: u32,
}

/// Occurrences written earlier: per edge, where they lie in one file.
struct Run {
    file: usize,
    spans: HashMap<u32, Span>,
    /// Whether this run is the graph file's cache (what the build extends).
    old: bool,
}

/// The article ids given in a run, exactly: those that came in order (each
/// after every one before it, as a corpus's do) one after another in one
/// buffer, found again by binary search; the others as keys of 128 bits.
#[derive(Default)]
pub(crate) struct Given {
    /// The ids that came in order, one after another.
    bytes: Vec<u8>,
    /// Where each of them ends in `bytes`.
    ends: Vec<usize>,
    /// The others, as [`crate::bytes::id_key`]s.
    others: std::collections::HashSet<(u64, u64), crate::bytes::FxBuild>,
}

impl Given {
    /// The `k`th id that came in order.
    fn ordered(&self, k: usize) -> &[u8] {
        let from = k.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.bytes[from..self.ends[k]]
    }

    /// Notes `id` as given; returns whether it was new. An id after the last
    /// in order is new without a search or a hash.
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        let b = id.as_bytes();
        let n = self.ends.len();
        if n == 0 || crate::bytes::cmp_bytes(self.ordered(n - 1), b).is_lt() {
            self.bytes.extend_from_slice(b);
            self.ends.push(self.bytes.len());
            return true;
        }
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match crate::bytes::cmp_bytes(self.ordered(mid), b) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return false,
            }
        }
        self.others.insert(crate::bytes::id_key(id))
    }
}

/// A text staged for an article's statements: its sentence, where its bytes
/// lie (address and length) in the article's records, where it lies in the buffer.
type StagedText = (usize, (usize, usize), u32);

/// A graph being built for one file: see the module's documentation.
pub struct Bulk {
    g: Graph,
    /// Occurrences not yet in a run ([`COcc::stage_record`]), and the
    /// article ids and texts they share, one after another.
    buf: Vec<u8>,
    /// Per occurrence in `buf`: its edge, and where it lies.
    at: Vec<Staged>,
    /// The texts of the article being added, as [`Bulk::add_records`]
    /// stages them (emptied for each article, its memory kept).
    texts: Vec<StagedText>,
    limit: usize,
    /// Occurrences written earlier: the graph file's cache when adding to
    /// it, then the runs of the spill file.
    runs: Vec<Run>,
    /// The files the runs lie in.
    files: Vec<File>,
    /// The spill file, once made: its path and its place in `files`.
    spill: Option<(PathBuf, usize)>,
    /// Where the graph file will be: the spill file goes beside it.
    target: PathBuf,
    /// The first run that could not be written.
    failed: Option<Error>,
    /// Articles merged in this build (as [`crate::bytes::id_key`]s): one
    /// given again is not merged twice.
    added: HashSet<(u64, u64), crate::bytes::FxBuild>,
    /// Articles of the graph file built again: their statements in the
    /// cache (run 0) are dropped; per article, the nodes its new version names.
    replaced: HashMap<String, HashSet<NodeId>>,
    /// Articles new in this build whose ids came after every id before them,
    /// in order, with their dates: filed in the graph's map at once
    /// ([`Bulk::file_fresh`]), not by an ordered-map search each.
    fresh: Vec<(String, Option<Date>)>,
    /// The provenance of the `fresh` articles that have one, in order.
    fresh_provenance: Vec<(String, Provenance)>,
}

impl Bulk {
    /// A build for the graph file `path`, buffering [`DEFAULT_LIMIT`] bytes.
    pub fn new(path: &Path) -> Bulk {
        let limit = crate::store::testing::spill_limit().unwrap_or(DEFAULT_LIMIT);
        Bulk::with_limit(path, limit)
    }

    /// A build writing a run whenever about `limit` bytes are buffered.
    pub fn with_limit(path: &Path, limit: usize) -> Bulk {
        Bulk {
            g: Graph::new(),
            buf: Vec::new(),
            at: Vec::new(),
            texts: Vec::new(),
            limit: limit.clamp(1, MOST),
            runs: Vec::new(),
            files: Vec::new(),
            spill: None,
            target: path.to_path_buf(),
            failed: None,
            added: HashSet::default(),
            replaced: HashMap::new(),
            fresh: Vec::new(),
            fresh_provenance: Vec::new(),
        }
    }

    /// A build adding to the graph file `path`, if its cache is fresh: the
    /// nodes and edges are read, the occurrences stay in the cache until
    /// [`Bulk::save`] merges them with the new ones.
    pub fn extend(path: &Path) -> Option<Bulk> {
        let (g, file, spans) = crate::store::cache::read_frame(path)?;
        let mut b = Bulk::new(path);
        b.g = g;
        b.files.push(file);
        b.runs.push(Run {
            file: 0,
            spans: spans
                .into_iter()
                .enumerate()
                .map(|(i, s)| (i as u32, s))
                .collect(),
            old: true,
        });
        Some(b)
    }

    /// Merges one article's extraction (as [`Graph::merge_extraction`]): an
    /// article of the graph file is replaced; one already merged in this
    /// build is not merged again. A run that cannot be written is reported
    /// by [`Bulk::save`].
    pub fn add(&mut self, x: &Extraction) {
        self.add_records(x);
    }

    /// As [`Bulk::add`], of an article and its [`Records`](crate::model::Records):
    /// the same file as adding their [`Extraction`].
    pub fn add_extracted(&mut self, x: &Extracted) {
        self.add_records(x);
    }

    /// [`Bulk::add`] of an extraction in either form.
    fn add_records(&mut self, x: &impl Merged) {
        let article = x.article();
        // an id after every one before is new: not merged before, not held
        let fresh = self.after_all(article);
        if self.failed.is_some() || (!fresh && !self.first_time(article)) {
            return;
        }
        if self.buf.capacity() == 0 {
            // the whole buffer at once: growing it would copy it into fresh
            // memory again and again (untouched pages cost nothing)
            self.buf.reserve_exact(self.limit.min(DEFAULT_LIMIT));
            self.at.reserve_exact(self.limit.min(DEFAULT_LIMIT) / 64);
        }
        let (buf, at, texts) = (&mut self.buf, &mut self.at, &mut self.texts);
        // the article's id and texts, staged once for its records to share:
        // where its id lies, and per text its sentence, where its bytes lie
        // in the article's records and where it lies in the buffer
        let mut staged: Option<Option<u32>> = None;
        texts.clear();
        let mut fits = true;
        let replacing = match fresh {
            true => {
                self.fresh.push((article.to_string(), x.date()));
                if !x.provenance().is_empty() {
                    let p = x.provenance().clone();
                    self.fresh_provenance.push((article.to_string(), p));
                }
                false
            }
            false => self.g.file_article(x),
        };
        self.g.merge_entities(x, |g, s, t, r, speaker, place| {
            let Some(ei) = g.edge_slot(s, t, r.kind) else {
                return;
            };
            // the article's records borrow its id and its sentences from
            // one text: the same place is the same bytes, told without a compare
            let same = |a: &[u8], b: &[u8]| std::ptr::eq(a, b) || a == b;
            let a = match same(r.article.as_bytes(), article.as_bytes()) {
                true => *staged.get_or_insert_with(|| stage_article(buf, article)),
                false => stage_article(buf, r.article),
            };
            let (sentence, text) = (r.sentence, r.text.as_bytes());
            let shared = texts.iter().rev().find(|&&(n, place, at)| {
                n == sentence
                    && (place == (text.as_ptr().addr(), text.len())
                        || staged_block(buf, at) == Some(text))
            });
            let text_at = match shared {
                Some(&(_, _, at)) => Some(at),
                None => {
                    let at = stage_text(buf, text, crate::bytes::words_hash(r.text));
                    texts.extend(at.map(|at| (sentence, (text.as_ptr().addr(), text.len()), at)));
                    at
                }
            };
            let id = |n: Option<NodeId>| n.map(|n| g.g[n].id.as_str());
            let from = buf.len();
            if let (Some(a), Some(text_at)) = (a, text_at) {
                COcc::stage_record(r, (id(speaker), id(place)), (a, text_at), buf);
            }
            let ends = (u32::try_from(from).ok(), u32::try_from(buf.len()).ok());
            match (ei.index().try_into().ok(), ends, a, text_at) {
                (Some(edge), (Some(from), Some(to)), Some(_), Some(_)) => {
                    at.push(Staged { edge, from, to })
                }
                _ => fits = false,
            }
        });
        if !fits {
            self.failed = Some(Error::io(
                &self.target,
                std::io::Error::other("an article's statements take more than 2 GB"),
            ));
            return;
        }
        if replacing {
            let named = (0..x.entity_count())
                .filter_map(|i| self.g.node_by_id(x.entity(i).id))
                .collect();
            self.replaced.insert(article.to_string(), named);
        }
        if self.buf.len() + self.at.len() * std::mem::size_of::<Staged>() >= self.limit {
            if let Err(e) = self.write_run() {
                self.failed = Some(e);
            }
        }
    }

    /// Whether article `id` comes after every article of the graph and of
    /// this build: one not merged before nor held, as the ids of a corpus
    /// in order are.
    fn after_all(&self, id: &str) -> bool {
        let before = |k: Option<&String>| {
            k.is_none_or(|k| crate::bytes::cmp_bytes(k.as_bytes(), id.as_bytes()).is_lt())
        };
        before(self.fresh.last().map(|f| &f.0))
            && before(self.g.articles.last_key_value().map(|f| f.0))
            && before(self.g.provenance.last_key_value().map(|f| f.0))
    }

    /// Whether article `id` (not [`Bulk::after_all`]) is merged in this build
    /// for the first time; notes it as merged.
    fn first_time(&mut self, id: &str) -> bool {
        self.added.insert(crate::bytes::id_key(id)) && self.fresh_place(id).is_err()
    }

    /// Where article `id` is among the `fresh` ones, or would be.
    fn fresh_place(&self, id: &str) -> std::result::Result<usize, usize> {
        self.fresh.binary_search_by(|f| f.0.as_str().cmp(id))
    }

    /// Files the `fresh` articles, and their provenance, in the graph's maps:
    /// each list is sorted and comes after every key there, so a map is
    /// built from it in one pass and appended.
    fn file_fresh(&mut self) {
        let dates: BTreeMap<_, _> = std::mem::take(&mut self.fresh).into_iter().collect();
        self.g.articles.append(&mut { dates });
        let places: BTreeMap<_, _> = std::mem::take(&mut self.fresh_provenance)
            .into_iter()
            .collect();
        self.g.provenance.append(&mut { places });
    }

    /// Whether article `id` is in the graph: held before or merged in this build.
    pub fn has_article(&self, id: &str) -> bool {
        !self.after_all(id) && (self.g.articles.contains_key(id) || self.fresh_place(id).is_ok())
    }

    /// Whether a run could not be written: [`Bulk::save`] will fail, and
    /// adding more is in vain.
    pub fn is_failed(&self) -> bool {
        self.failed.is_some()
    }

    /// The graph so far: nodes, edges and articles, without occurrences.
    pub fn graph(&mut self) -> &Graph {
        self.file_fresh();
        &self.g
    }

    /// How many runs went to the spill file so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    fn spill_path(&self) -> PathBuf {
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "graph".into());
        self.target
            .with_file_name(format!(".{name}.spill{}", std::process::id()))
    }

    /// Sorts the buffer and appends it to the spill file as one run.
    fn write_run(&mut self) -> Result<()> {
        if self.spill.is_none() {
            let p = self.spill_path();
            let f = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(true)
                .open(&p)
                .map_err(|e| Error::io(&p, e))?;
            crate::store::temp::created(&p);
            self.files.push(f);
            self.spill = Some((p, self.files.len() - 1));
        }
        let Some((path, at_file)) = &self.spill else {
            return Ok(());
        };
        let file = &self.files[*at_file];
        let by = ByEdge::of(&self.at, |a| a.edge);
        let io = |e| Error::io(path.as_path(), e);
        let mut at = (&*file).seek(SeekFrom::End(0)).map_err(io)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        let mut spans = HashMap::new();
        let mut bytes = Vec::new();
        for key in by.edges() {
            let group = by.edge(key);
            // its length, then its items, each its text's words hash and
            // its bytes as the cache holds them
            bytes.clear();
            varint(&mut bytes, group.len() as u64);
            for s in group {
                let v =
                    View::staged(&self.buf, s.from as usize, s.to as usize).ok_or_else(|| {
                        io(std::io::Error::other("a staged occurrence does not decode"))
                    })?;
                bytes.extend_from_slice(&v.words.unwrap_or_default().to_le_bytes());
                v.encode(&mut bytes);
            }
            let packed = pack(&bytes);
            w.write_all(&packed).map_err(io)?;
            let len = packed.len() as u64;
            spans.insert(key, (at, len, FileHash::of(&packed)));
            at += len;
        }
        self.buf.clear();
        self.at.clear();
        w.flush().map_err(io)?;
        drop(w);
        crate::store::testing::disk_room(file.metadata().map_err(io)?.len()).map_err(io)?;
        self.runs.push(Run {
            file: *at_file,
            spans,
            old: false,
        });
        Ok(())
    }

    /// Writes the graph file (the path given to [`Bulk::new`]) and its cache,
    /// merging every run;
    /// returns the graph's skeleton. The spill file is removed.
    pub fn save(mut self) -> Result<Skeleton> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        self.file_fresh();
        self.g.settle();
        if !self.replaced.is_empty() {
            self.drop_replaced()
                .map_err(|e| Error::io(&self.target, e))?;
        }
        let Bulk {
            g,
            buf,
            at,
            runs,
            files,
            target,
            replaced,
            ..
        } = &mut self;
        let (g, runs, files) = (&*g, runs.as_slice(), files.as_slice());
        // the records' places sorted by edge, the list in arrival order freed
        let by = ByEdge::of(&std::mem::take(at), |a| a.edge);
        let buf = (buf.as_slice(), &by);
        let replaced = &*replaced;
        // each edge's occurrences are gathered one edge ahead of the writer, in
        // the writer's order (the file's: by ids and kind)
        let keys: Vec<Option<u32>> = g
            .edges()
            .into_iter()
            .map(|(s, t, e)| g.edge_index(s, t, e.kind).map(|i| i.index() as u32))
            .collect();
        let gathered = move |key: Option<u32>| match key {
            Some(k) => gather(k, buf, runs, files, replaced),
            None => Ok((vec![0], None)),
        };
        let ran_out = || std::io::Error::other("the occurrences ran out before the edges");
        if std::thread::available_parallelism().map_or(true, |n| n.get() < 2) {
            // one core: gathered in line, not on a thread switched to and from
            let mut keys = keys.into_iter();
            let mut occs = |_, _, _: &crate::graph::Edge, f: &mut crate::store::EdgeBytes| {
                let (bytes, views) = gathered(keys.next().ok_or_else(ran_out)?)?;
                f(&bytes, views.as_deref())
            };
            return g.save_with(target, &mut occs);
        }
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(4);
            scope.spawn(move || {
                for key in keys {
                    if tx.send(gathered(key)).is_err() {
                        return;
                    }
                }
            });
            let mut occs = |_, _, _: &crate::graph::Edge, f: &mut crate::store::EdgeBytes| {
                let (bytes, views) = rx.recv().map_err(|_| ran_out())??;
                f(&bytes, views.as_deref())
            };
            g.save_with(target, &mut occs)
        })
    }
}

/// The occurrences not yet in a run: the buffer, and where each edge's lie.
type Buffered<'a> = (&'a [u8], &'a ByEdge<Staged>);

/// Every statement of edge `key`: from each run, then the buffer; sorted,
/// each evidence once, copies of a story folded (as the graph folds them),
/// as the cache holds them (a postcard list). The occurrences are read in
/// place and their bytes copied, not decoded and encoded again; when they
/// all lie in the buffer, they come with the bytes, as read from them.
/// The graph file's own occurrences and copies (run 0, when extending it)
/// of a `replaced` article are left out.
fn gather<'a>(
    key: u32,
    (buf, by): Buffered<'a>,
    runs: &[Run],
    files: &[File],
    replaced: &HashMap<String, HashSet<NodeId>>,
) -> std::io::Result<Gathered<'a>> {
    let bad = || std::io::Error::other("a spilled run does not decode on this machine");
    let mut read: Vec<(bool, Vec<u8>)> = Vec::new();
    for run in runs {
        if let Some(&span) = run.spans.get(&key) {
            let mut bytes = read_span(&files[run.file], span)?;
            if !run.old {
                bytes = unpack(&bytes)?;
            }
            read.push((run.old, bytes));
        }
    }
    let staged = by.edge(key);
    let mut fresh: Vec<View<'a>> = Vec::with_capacity(staged.len());
    // an edge's records lie far apart in the buffer: a block's are touched
    // before any is read, so that their cache misses come together, not
    // one after another
    for block in staged.chunks(TOUCHED) {
        std::hint::black_box(block.iter().fold(0, |x, s| x ^ touch(buf, s)));
        for s in block {
            fresh.push(View::staged(buf, s.from as usize, s.to as usize).ok_or_else(bad)?);
        }
    }
    if read.is_empty() {
        let (bytes, views) = fold_bytes(fresh, true);
        return Ok((bytes, views));
    }
    let mut v: Vec<View> = Vec::with_capacity(staged.len() + read.len());
    for (old, bytes) in &read {
        if !*old {
            v.extend(views_with_words(bytes).ok_or_else(bad)?);
            continue;
        }
        let views = views_of(bytes).ok_or_else(bad)?;
        // an article's bytes read as text only when some article is replaced
        v.extend(views.into_iter().flat_map(View::flatten).filter(|o| {
            replaced.is_empty()
                || !std::str::from_utf8(o.article).is_ok_and(|a| replaced.contains_key(a))
        }));
    }
    v.extend(fresh);
    Ok((fold_bytes(v, false).0, None))
}

/// How many staged records [`gather`] touches before it reads them.
const TOUCHED: usize = 16;

/// A byte of the staged record `s`, of its article's block and of its
/// text's words hash (what [`View::staged`] reads first, far apart in
/// `buf`), loaded to be ready: the places of the blocks lie at the
/// record's ends ([`COcc::stage_record`]).
#[inline]
fn touch(buf: &[u8], s: &Staged) -> u8 {
    let place = |at: usize| {
        buf.get(at..)
            .and_then(|b| b.first_chunk::<4>())
            .map_or(0, |b| u32::from_le_bytes(*b) as usize)
    };
    let (article, text) = (
        place(s.from as usize),
        place((s.to as usize).saturating_sub(4)),
    );
    let byte = |at: usize| buf.get(at).copied().unwrap_or(0);
    byte(article) ^ byte(text.saturating_sub(8))
}

/// An edge's statements as the cache holds them, and, when they all lie in
/// the buffer, as read from those bytes (what [`views_of`] would give).
type Gathered<'a> = (Vec<u8>, Option<Vec<View<'a>>>);

/// The statements the occurrences `v` make, folded as
/// [`crate::graph::fold_stories`] folds them, as the cache holds them; with
/// `keep`, also as read from those bytes (each leader holding its copies).
fn fold_bytes(v: Vec<View<'_>>, keep: bool) -> Gathered<'_> {
    let mut flat: Vec<View> = if v.iter().all(|o| o.copies.is_empty()) {
        v
    } else {
        v.into_iter().flat_map(View::flatten).collect()
    };
    let mut out = Vec::with_capacity(flat.iter().map(|o| o.len).sum::<usize>() + 10);
    if flat.len() < 2 {
        varint(&mut out, flat.len() as u64);
        for o in &mut flat {
            let from = out.len();
            o.encode(&mut out);
            o.len = out.len() - from;
        }
        return (out, keep.then_some(flat));
    }
    let grouped = keep && flat.len() >= FEW;
    let order = match grouped.then(|| grouped_order(&flat)).flatten() {
        Some(order) => order,
        None => crate::graph::sorted_order(&flat),
    };
    let (leads, same_text) = crate::graph::fold_sorted(&flat, &order);
    let statements = crate::graph::statements(&leads);
    varint(&mut out, statements.len() as u64);
    let mut views = Vec::with_capacity(if keep { statements.len() } else { 0 });
    let mut shares = Vec::new();
    // a leader with copies written as the leader holding them (no clones)
    for (lead, copies) in statements {
        let from = out.len();
        let o = &flat[lead as usize];
        o.encode_head(&mut out, o.copies.len() + copies.len());
        for c in &o.copies {
            c.encode_copy(&mut out, o);
        }
        shares.clear();
        for &i in &copies {
            let c = &flat[i as usize];
            shares.push(c.encode_copy_as(&mut out, o, same_text[i as usize]));
        }
        if keep {
            let mut o = std::mem::take(&mut flat[lead as usize]);
            o.copies.reserve(copies.len());
            for (&i, &s) in copies.iter().zip(&shares) {
                let mut c = std::mem::take(&mut flat[i as usize]);
                c.shares = s;
                o.copies.push(c);
            }
            o.len = out.len() - from;
            views.push(o);
        }
    }
    (out, keep.then_some(views))
}

/// The most different `pre`s [`grouped_order`] sorts by: more, and it
/// leaves the edge to the sort.
const GROUPS: usize = 16;

/// Edges with fewer staged statements are sorted, not grouped: a short
/// sort costs less than finding the groups (the bench corpus: 8 an edge).
const FEW: usize = 64;

/// The places of `v` in sorted order (as a stable sort gives them), found
/// without sorting when `v` holds few different `pre`s (staged copies of
/// a few stories) and the occurrences of each come in order of their
/// evidence (articles merged in order of their ids): each group of equal
/// `pre`s in the order they came, the groups in order. `None` otherwise.
fn grouped_order(v: &[View<'_>]) -> Option<Vec<u32>> {
    use std::cmp::Ordering;
    // per group: its first occurrence and its last so far
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut of: Vec<u8> = Vec::with_capacity(v.len());
    let mut g = 0;
    for (i, o) in v.iter().enumerate() {
        let same = |&(first, _): &(usize, usize)| v[first].same_pre(o);
        if !groups.get(g).is_some_and(same) {
            g = match groups.iter().position(same) {
                Some(g) => g,
                None if groups.len() < GROUPS => {
                    groups.push((i, i));
                    groups.len() - 1
                }
                None => return None,
            };
        }
        let last = &mut groups[g].1;
        if v[*last].cmp_evidence(o) == Ordering::Greater {
            return None;
        }
        *last = i;
        of.push(g as u8);
    }
    // the groups in order: two whose fields compare equal are left to the sort
    let mut ranked: Vec<usize> = (0..groups.len()).collect();
    ranked.sort_by(|&a, &b| v[groups[a].0].cmp_pre(&v[groups[b].0]));
    if ranked
        .windows(2)
        .any(|w| v[groups[w[0]].0].cmp_pre(&v[groups[w[1]].0]).is_eq())
    {
        return None;
    }
    let mut at = [0usize; GROUPS + 1];
    for &g in &of {
        at[g as usize + 1] += 1;
    }
    let mut from = [0usize; GROUPS];
    let mut sum = 0;
    for &g in &ranked {
        from[g] = sum;
        sum += at[g + 1];
    }
    let mut order = vec![0u32; v.len()];
    for (i, &g) in of.iter().enumerate() {
        order[from[g as usize]] = i as u32;
        from[g as usize] += 1;
    }
    Some(order)
}

/// The staged occurrences by edge, each edge's in the order they came (as
/// sorting them would order them: their offsets grow as they come): edge
/// `k`'s are `order[first[k]..first[k + 1]]`, copies of the staged list's
/// items (read in order, not through a place each: one cache miss less).
/// A counting sort.
struct ByEdge<T> {
    first: Vec<usize>,
    order: Vec<T>,
}

impl<T: Copy> ByEdge<T> {
    /// The items of `at` by the edge `edge` gives each.
    fn of(at: &[T], edge: impl Fn(&T) -> u32) -> ByEdge<T> {
        let last = at.iter().map(|a| edge(a) as usize).max().unwrap_or(0);
        let mut first = vec![0usize; last + 2];
        for a in at {
            first[edge(a) as usize + 1] += 1;
        }
        let mut sum = 0;
        for n in first.iter_mut() {
            sum += *n;
            *n = sum;
        }
        let mut next = first.clone();
        let mut order = at.to_vec();
        for a in at {
            let k = &mut next[edge(a) as usize];
            order[*k] = *a;
            *k += 1;
        }
        ByEdge { first, order }
    }

    /// Edge `key`'s occurrences.
    fn edge(&self, key: u32) -> &[T] {
        let k = key as usize;
        match (self.first.get(k), self.first.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.order[a..b],
            _ => &[],
        }
    }

    /// The edges with occurrences, in order.
    fn edges(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.first.len().saturating_sub(1) as u32).filter(|&k| !self.edge(k).is_empty())
    }
}

/// An edge's occurrences as a run holds them: LZ4, the length first.
fn pack(bytes: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(bytes)
}

/// The occurrences [`pack`] packed; an error for bytes it did not give
/// (a length no LZ4 block of this size can hold, or a damaged block).
fn unpack(packed: &[u8]) -> std::io::Result<Vec<u8>> {
    let bad = || std::io::Error::other("a spilled run does not decompress (damaged)");
    let (len, block) = packed.split_first_chunk::<4>().ok_or_else(bad)?;
    let len = u32::from_le_bytes(*len) as usize;
    // LZ4 expands at most about 255 times: a larger length is damage
    if len > block.len().saturating_mul(255).saturating_add(16) {
        return Err(bad());
    }
    lz4_flex::decompress(block, len).map_err(|_| bad())
}

impl Bulk {
    /// Takes the statements of replaced articles out of the graph: each
    /// leaves the nodes its new version does not name, and nodes and edges
    /// left with nothing are removed (as [`Graph::remove_article`] does).
    fn drop_replaced(&mut self) -> std::io::Result<()> {
        let nodes: Vec<NodeId> = self.g.g.node_indices().map(NodeId).collect();
        let replaced: HashMap<u32, &HashSet<NodeId>> = self
            .replaced
            .iter()
            .filter_map(|(a, named)| Some((self.g.article_id(a)?, named)))
            .collect();
        for n in nodes {
            let node = self.g.node_mut(n);
            node.articles
                .retain(|a| replaced.get(a).is_none_or(|named| named.contains(&n)));
            if node.articles.is_empty() {
                self.g.g.remove_node(n.0);
            }
        }
        let empty = self.empty_edges()?;
        for ei in empty {
            self.g.g.remove_edge(ei);
        }
        self.g.reindex();
        Ok(())
    }

    /// The edges every occurrence of which belongs to a replaced article's
    /// old version: nothing of them is left.
    fn empty_edges(&self) -> std::io::Result<Vec<petgraph::stable_graph::EdgeIndex>> {
        let mut fresh: HashSet<u32> = self.at.iter().map(|a| a.edge).collect();
        for run in self.runs.iter().filter(|r| !r.old) {
            fresh.extend(run.spans.keys().copied());
        }
        let mut empty = Vec::new();
        for ei in self.g.g.edge_indices() {
            let key = ei.index() as u32;
            if fresh.contains(&key) {
                continue;
            }
            let mut left = false;
            for run in self.runs.iter().filter(|r| r.old) {
                if let Some(&span) = run.spans.get(&key) {
                    let occs = occurrences_of(&read_span(&self.files[run.file], span)?)
                        .ok_or_else(|| std::io::Error::other("the cache does not decode"))?;
                    left |= occs
                        .iter()
                        .flat_map(Occurrence::evidences)
                        .any(|e| !self.replaced.contains_key(&e.article));
                }
            }
            if !left {
                empty.push(ei);
            }
        }
        Ok(empty)
    }
}

impl Drop for Bulk {
    fn drop(&mut self) {
        if let Some((p, _)) = self.spill.take() {
            let _ = std::fs::remove_file(&p);
            crate::store::temp::gone(&p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Occurrences of one edge that fold in every way: the same evidence
    /// twice, copies of a story, copies holding copies, topics that order.
    fn occurrences() -> Vec<Occurrence> {
        use crate::text::date::Date;
        let texts = [
            "China and Peru met.",
            "China  and Peru met.",
            "Peru met China.",
        ];
        let mut v: Vec<Occurrence> = Vec::new();
        for i in 0..40usize {
            let mut o = Occurrence {
                date: Date::new(2024, 1 + (i % 3) as u8, 1 + (i % 5) as u8),
                speaker: (i % 4 == 0).then(|| "person:a".into()),
                topics: (0..i % 3)
                    .map(|k| ["trade", "energy"][k % 2].into())
                    .collect(),
                role: (i % 7 == 0).then(|| "Minister".into()),
                planned: i % 2 == 0,
                cameo: "040".into(),
                ..Occurrence::default()
            };
            o.evidence.article = format!("a{}", i % 9);
            o.evidence.sentence = i % 2;
            o.evidence.text = texts[i % 3].into();
            v.push(o);
        }
        let mut nested = v[3].clone();
        nested.copies = vec![v[5].clone(), v[8].clone()];
        nested.copies[1].copies = vec![v[11].clone()];
        v.push(nested);
        v
    }

    proptest::proptest! {
        /// Ids in any order, some in order, some repeated: new exactly when a
        /// set of the strings says so.
        #[test]
        fn given_ids_are_new_as_a_set_says(ids in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
            let (mut given, mut set) = (Given::default(), HashSet::new());
            for id in &ids {
                proptest::prop_assert_eq!(given.insert(id), set.insert(id.clone()), "{}", id);
            }
        }
    }

    #[test]
    fn occurrences_read_in_place_fold_as_the_graph_folds_them() {
        let all = occurrences();
        for n in [0, 1, 2, 5, 17, all.len()] {
            for skip in 0..3 {
                let v: Vec<Occurrence> = all.iter().skip(skip).take(n).rev().cloned().collect();
                let mut bytes = Vec::new();
                crate::store::cache::encode_all(&v, &mut bytes);
                let views = views_of(&bytes).unwrap();
                let mut sorted = views.clone();
                sorted.sort();
                let mut owned = v.clone();
                owned.sort();
                let mut want = Vec::new();
                crate::store::cache::encode_all(&owned, &mut want);
                let mut got = Vec::new();
                crate::bytes::varint(&mut got, sorted.len() as u64);
                sorted.iter().for_each(|o| o.encode(&mut got));
                assert_eq!(got, want, "ordered as occurrences are ({n}, {skip})");
                let mut want = Vec::new();
                crate::store::cache::encode_all(&crate::graph::fold_stories(v), &mut want);
                let (bytes, read) = fold_bytes(views, true);
                assert_eq!(bytes, want, "folded ({n}, {skip})");
                // the views kept are those the bytes give, lengths too
                let (read, again) = (read.unwrap(), views_of(&bytes).unwrap());
                assert_eq!(read, again);
                let lens = |v: &[View]| v.iter().map(|o| o.len).collect::<Vec<_>>();
                assert_eq!(lens(&read), lens(&again));
            }
        }
    }

    #[test]
    fn grouped_order_is_the_stable_sorts_or_none() {
        use crate::text::date::Date;
        for k in [1usize, 2, 3, 5, 16, 17] {
            let mut v: Vec<Occurrence> = occurrences();
            v.retain(|o| o.copies.is_empty());
            for (i, o) in v.iter_mut().enumerate() {
                // k different dates (with planned and topics, more groups)
                o.date = Date::new(2024, 1 + (i % k) as u8 % 12, 1 + (i % k / 12) as u8);
                o.speaker = None;
                o.role = None;
            }
            use crate::graph::Told;
            v.sort_by(|a, b| a.evidence().cmp(&b.evidence()));
            let mut bytes = Vec::new();
            crate::store::cache::encode_all(&v, &mut bytes);
            let views = views_of(&bytes).unwrap();
            let mut want: Vec<u32> = (0..views.len() as u32).collect();
            want.sort_by(|&a, &b| views[a as usize].cmp(&views[b as usize]));
            let got = grouped_order(&views);
            let pres = v.iter().map(|o| (o.date, o.topics.clone(), o.planned));
            let pres = pres.collect::<std::collections::BTreeSet<_>>().len();
            assert_eq!(got.is_some(), pres <= GROUPS, "{k}");
            assert!(got.is_none_or(|got| got == want), "{k}");
            let back: Vec<View> = views.iter().rev().cloned().collect();
            assert_eq!(grouped_order(&back), None, "out of order ({k})");
        }
    }

    #[test]
    fn staged_occurrences_are_ordered_as_sorting_orders_them() {
        let at: Vec<(u32, usize, usize)> = (0..500usize)
            .map(|i| ((i * 7919 % 37) as u32 * 3, i * 3, i * 3 + 2))
            .collect();
        let mut sorted = at.clone();
        sorted.sort_unstable();
        let by = ByEdge::of(&at, |a| a.0);
        let ours: Vec<_> = by.edges().flat_map(|k| by.edge(k)).copied().collect();
        assert_eq!(ours, sorted);
        assert!(by.edge(1).is_empty() && by.edge(1000).is_empty());
        assert_eq!(ByEdge::of(&[0u32; 0], |&k| k).edges().count(), 0);
    }

    #[test]
    fn packed_runs_come_back_and_damaged_ones_are_errors() {
        let bytes: Vec<u8> = (0..10_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let packed = pack(&bytes);
        assert!(packed.len() < bytes.len() / 2, "repeats shrink");
        assert_eq!(unpack(&packed).unwrap(), bytes);
        assert_eq!(unpack(&pack(b"")).unwrap(), b"");
        assert!(unpack(&packed[..packed.len() / 2]).is_err(), "cut short");
        assert!(unpack(&packed[..3]).is_err(), "no length");
        let mut long = packed.clone();
        long[3] = 0xff;
        assert!(unpack(&long).is_err(), "a length it cannot hold");
        for i in (4..packed.len()).step_by(7) {
            let mut d = packed.clone();
            d[i] ^= 0x5a;
            // damage gives an error or other bytes, never a panic
            let _ = unpack(&d);
        }
    }
}
