//! A compact binary copy of a graph file, kept next to it as `PATH.cache`,
//! so that a cold start does not parse RON. The RON file stays the format
//! users read and exchange; the cache is only ever a faster way to read it.
//!
//! **Layout.** A header, then the body (the articles, each node's articles,
//! and edge after edge its occurrences and where each date's first one
//! lies), then the skeleton section ([`Skeleton`]: nodes, and per edge its
//! counts per date). A drawing or a table of edges reads one occurrence per
//! edge, the first of the dates it keeps ([`EdgeReader::first_of_group`]). A cold
//! `neighbors` reads the header and the skeleton only: milliseconds, however
//! large the graph. Both are written in one pass while the RON is written,
//! so the graph never has to be whole in memory to be cached.
//!
//! **Never stale.** The header records the RON file's stamp: length,
//! modification time, and on Unix its change time, inode and device. [`read`]
//! and [`read_skeleton`] serve the cache only when the stamp matches the file
//! as it is now. Every way of changing the file changes the stamp: ties
//! writes a new file and renames it (a new inode), an editor or `cp` writes
//! in place (the change time moves, and no program can set it back, not even
//! one that restores the modification time). Each section has its own hash
//! and the header records the layout of this build (a schema fingerprint),
//! so a damaged cache or one written by another version is ignored. Every
//! failure means "no cache": loading falls back to the RON.

use crate::graph::skeleton::{SkEdge, SkNode, Skeleton};
use crate::graph::NodeId;
use crate::graph::{Edge, Graph, Node, Occurrence};
use crate::model::{EdgeKind, EntityKind, Evidence};
use crate::text::article::Provenance;
use crate::text::date::Date;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::bytes::{varint, FileHash};

/// Where the cache of the graph file `path` lives: `PATH.cache`.
pub fn cache_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "graph".into());
    name.push(".cache");
    path.with_file_name(name)
}

const MAGIC: &[u8; 8] = b"TIESBIN2";
/// Header words after the magic: schema, the RON file's stamp (7 words),
/// offset, length and hash of the skeleton section, offset and length of the
/// body (whose parts the skeleton locates and hashes one by one).
const WORDS: usize = 13;
const HEADER: usize = 8 + 8 * WORDS;

/// The layout this build writes: changes when the payload or the kinds do.
fn schema() -> u64 {
    FileHash::of(
        format!(
            "payload 7 {:?} {:?} {}",
            EntityKind::ALL,
            EdgeKind::ALL,
            env!("CARGO_PKG_VERSION")
        )
        .as_bytes(),
    )
}

/// What identifies the RON file as it is now: length, modification time,
/// and (on Unix) change time, inode and device. Any write to the file,
/// a rename over it, or `touch` changes one of them; the change time cannot
/// be set back by any program.
pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    #[cfg(unix)]
    let more = {
        use std::os::unix::fs::MetadataExt;
        [m.ctime() as u64, m.ctime_nsec() as u64, m.ino(), m.dev()]
    };
    #[cfg(not(unix))]
    let more = [0u64; 4];
    Some([
        m.len(),
        t.as_secs(),
        u64::from(t.subsec_nanos()),
        more[0],
        more[1],
        more[2],
        more[3],
    ])
}

/// The identity of a graph file as [`stamp`] takes it.
pub(crate) type Stamp = [u64; 7];

/// A date as year, month, day.
type Ymd = (i32, u8, u8);

type CDate = Option<Ymd>;

fn cdate(d: Option<Date>) -> CDate {
    d.map(|d| (d.year, d.month, d.day))
}

fn date(d: CDate) -> Option<Date> {
    d.map(|(year, month, day)| Date { year, month, day })
}

fn kind_code<K: PartialEq>(all: &[K], k: &K) -> u8 {
    all.iter().position(|x| x == k).unwrap_or(0) as u8
}

/// The skeleton section.
#[derive(Serialize, Deserialize)]
struct CSkeleton<'a> {
    articles: u64,
    dates: Option<(Ymd, Ymd)>,
    /// Where the articles and each node's article list lie.
    head: Span,
    /// Where the articles' provenance lies.
    provenance: Span,
    #[serde(borrow)]
    nodes: Vec<CNode<'a>>,
    edges: Vec<CEdge>,
}

#[derive(Serialize, Deserialize)]
struct CNode<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    kind: u8,
    #[serde(borrow)]
    aliases: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    code: Option<Cow<'a, str>>,
    articles: u64,
}

#[derive(Serialize, Deserialize)]
struct CEdge {
    source: u32,
    target: u32,
    kind: u8,
    dates: Vec<(i32, u8, u8, u32)>,
    undated: u32,
    /// Where the edge's occurrences lie in the file: offset, length, hash.
    span: Span,
    /// Where its [`Starts`] lie in the file: offset, length, hash.
    starts: Span,
}

/// Where each date's first occurrence lies within an edge's span (offset
/// from the span's start, length, hash), the undated first: one occurrence
/// is read, not the edge, to show an edge's first statement from a date on.
type Starts = Vec<Span>;

/// One occurrence in the body; the body lists, edge after edge in skeleton
/// order, each edge's occurrences.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct COcc<'a> {
    date: CDate,
    #[serde(borrow)]
    speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    place: Option<Cow<'a, str>>,
    #[serde(borrow)]
    topics: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    role: Option<Cow<'a, str>>,
    planned: bool,
    former: bool,
    #[serde(borrow)]
    cameo: Cow<'a, str>,
    #[serde(borrow)]
    article: Cow<'a, str>,
    sentence: u64,
    start: u64,
    end: u64,
    #[serde(borrow)]
    text: Cow<'a, str>,
    /// The same statement in other articles (see [`Occurrence::copies`]).
    #[serde(borrow)]
    copies: Vec<COcc<'a>>,
}

fn cow(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

impl<'a> COcc<'a> {
    pub(crate) fn of(o: &'a Occurrence) -> COcc<'a> {
        COcc {
            speaker: o.speaker.as_deref().map(cow),
            place: o.place.as_deref().map(cow),
            copies: o.copies.iter().map(COcc::of).collect(),
            ..COcc::of_parts(
                o.date,
                &o.topics,
                o.role.as_deref(),
                (o.planned, o.former),
                &o.cameo,
                &o.evidence,
            )
        }
    }

    /// An edge record's occurrence, its speaker and place given as node ids
    /// (what [`COcc::encode_record`] encodes directly).
    #[cfg(test)]
    pub(crate) fn of_record(
        r: &'a crate::model::EdgeRecord,
        speaker: Option<&'a str>,
        place: Option<&'a str>,
    ) -> COcc<'a> {
        COcc {
            speaker: speaker.map(cow),
            place: place.map(cow),
            ..COcc::of_parts(
                r.date,
                &r.topics,
                r.role.as_deref(),
                (r.planned, r.former),
                &r.cameo,
                &r.evidence,
            )
        }
    }

    /// What an occurrence and an edge record both hold (no speaker, no place).
    fn of_parts(
        date: Option<Date>,
        topics: &'a [String],
        role: Option<&'a str>,
        (planned, former): (bool, bool),
        cameo: &'a str,
        e: &'a Evidence,
    ) -> COcc<'a> {
        COcc {
            date: cdate(date),
            speaker: None,
            place: None,
            topics: topics.iter().map(|t| cow(t)).collect(),
            role: role.map(cow),
            planned,
            former,
            cameo: cow(cameo),
            article: cow(&e.article),
            sentence: e.sentence as u64,
            start: e.start as u64,
            end: e.end as u64,
            text: cow(&e.text),
            copies: Vec::new(),
        }
    }

    /// Appends this occurrence as postcard writes it (field by field, lengths
    /// and integers as varints, a signed year zigzagged), without serde: the
    /// bulk build encodes every occurrence it sees. Its copies are not
    /// postcard's: each is what differs from it ([`View::encode_copy`]).
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        self.encode_pre(out);
        self.encode_place(out);
        put_str(out, &self.text);
        self.encode_copies(out);
    }

    /// Appends its evidence's place: article, sentence, start and end.
    fn encode_place(&self, out: &mut Vec<u8>) {
        put_str(out, &self.article);
        varint(out, self.sentence);
        varint(out, self.start);
        varint(out, self.end);
    }

    /// Appends its copies, each as what differs from it (as
    /// [`View::encode_copy`] writes them).
    fn encode_copies(&self, out: &mut Vec<u8>) {
        varint(out, self.copies.len() as u64);
        for c in &self.copies {
            let same_pre = c.same_pre(self);
            let same_text = c.text == self.text;
            out.push(shares(same_pre, same_text));
            if !same_pre {
                c.encode_pre(out);
            }
            c.encode_place(out);
            if !same_text {
                put_str(out, &c.text);
            }
            c.encode_copies(out);
        }
    }

    /// Appends its fields before the article (a [`View`]'s `pre`).
    fn encode_pre(&self, out: &mut Vec<u8>) {
        put_date(out, self.date);
        put_opt(out, self.speaker.as_deref());
        put_opt(out, self.place.as_deref());
        varint(out, self.topics.len() as u64);
        for t in &self.topics {
            put_str(out, t);
        }
        put_opt(out, self.role.as_deref());
        out.extend_from_slice(&[u8::from(self.planned), u8::from(self.former)]);
        put_str(out, &self.cameo);
    }

    /// Whether its fields before the article are `o`'s.
    fn same_pre(&self, o: &COcc) -> bool {
        (
            self.date,
            &self.speaker,
            &self.place,
            &self.topics,
            &self.role,
        ) == (o.date, &o.speaker, &o.place, &o.topics, &o.role)
            && (self.planned, self.former, &self.cameo) == (o.planned, o.former, &o.cameo)
    }

    /// Appends what [`COcc::of_record`] gives, encoded, without building
    /// it (no list of topics).
    #[cfg(test)]
    pub(crate) fn encode_record(
        r: &crate::model::EdgeRecord,
        speaker: Option<&str>,
        place: Option<&str>,
        out: &mut Vec<u8>,
    ) {
        let r = &crate::model::EdgeView::of(r);
        COcc::encode_record_pre(r, speaker, place, out);
        put_str(out, r.article);
        COcc::encode_record_post(r, out);
        put_str(out, r.text);
        // no copies
        out.push(0);
    }

    /// Appends a record staged in the bulk build's buffer (see
    /// [`View::staged`]): the place of its article's staged block
    /// ([`stage_article`]), its bytes as [`COcc::encode_record`] writes them
    /// without article and text, then the place of its text's block
    /// ([`stage_text`]); its article's other records share both blocks.
    pub(crate) fn stage_record(
        r: &crate::model::EdgeView,
        (speaker, place): (Option<&str>, Option<&str>),
        (article, text): (u32, u32),
        out: &mut Vec<u8>,
    ) {
        // the places first and last: a reader finds them without decoding
        out.extend_from_slice(&article.to_le_bytes());
        COcc::encode_record_pre(r, speaker, place, out);
        COcc::encode_record_post(r, out);
        out.extend_from_slice(&text.to_le_bytes());
    }

    /// [`COcc::encode_record`]'s bytes before the article (a [`View`]'s `pre`).
    fn encode_record_pre(
        r: &crate::model::EdgeView,
        speaker: Option<&str>,
        place: Option<&str>,
        out: &mut Vec<u8>,
    ) {
        put_date(out, cdate(r.date));
        put_opt(out, speaker);
        put_opt(out, place);
        varint(out, r.topics.len() as u64);
        for t in r.topics {
            put_str(out, t);
        }
        put_opt(out, r.role);
        out.extend_from_slice(&[u8::from(r.planned), u8::from(r.former)]);
        put_str(out, r.cameo);
    }

    /// [`COcc::encode_record`]'s bytes between the article and the text
    /// (a [`View`]'s `post`): sentence, start and end.
    fn encode_record_post(r: &crate::model::EdgeView, out: &mut Vec<u8>) {
        varint(out, r.sentence as u64);
        varint(out, r.start as u64);
        varint(out, r.end as u64);
    }

    #[cfg(test)]
    pub(crate) fn occurrence(self) -> Option<Occurrence> {
        Some(Occurrence {
            date: date(self.date),
            speaker: self.speaker.map(Cow::into_owned),
            place: self.place.map(Cow::into_owned),
            topics: self.topics.into_iter().map(Cow::into_owned).collect(),
            role: self.role.map(Cow::into_owned),
            planned: self.planned,
            former: self.former,
            cameo: self.cameo.into_owned(),
            evidence: Evidence {
                article: self.article.into_owned(),
                sentence: usize::try_from(self.sentence).ok()?,
                start: usize::try_from(self.start).ok()?,
                end: usize::try_from(self.end).ok()?,
                text: self.text.into_owned(),
            },
            copies: self
                .copies
                .into_iter()
                .map(COcc::occurrence)
                .collect::<Option<_>>()?,
        })
    }
}

/// Stages an article's id in the bulk build's buffer `out` as a block
/// ([`stage_block`]), for its records to share.
pub(crate) fn stage_article(out: &mut Vec<u8>, article: &str) -> Option<u32> {
    stage_block(out, article.as_bytes())
}

/// Stages `bytes` in `out` as a block [`staged_block`] reads (its length,
/// four bytes little-endian, then its bytes); returns its place, `None`
/// past four-byte places.
fn stage_block(out: &mut Vec<u8>, bytes: &[u8]) -> Option<u32> {
    let at = u32::try_from(out.len()).ok()?;
    out.extend_from_slice(&u32::try_from(bytes.len()).ok()?.to_le_bytes());
    out.extend_from_slice(bytes);
    Some(at)
}

/// Stages a text in the bulk build's buffer `out` (its words hash, eight
/// bytes, then the text as a block, [`stage_block`]);
/// returns the place of its length, `None` past four-byte places.
pub(crate) fn stage_text(out: &mut Vec<u8>, text: &[u8], words: u64) -> Option<u32> {
    out.extend_from_slice(&words.to_le_bytes());
    stage_block(out, text)
}

/// The bytes of the block staged at `at` in `buf` ([`stage_article`],
/// [`stage_text`]); `None` unless it lies in `buf`.
#[inline]
pub(crate) fn staged_block(buf: &[u8], at: u32) -> Option<&[u8]> {
    let (len, rest) = buf.get(at as usize..)?.split_first_chunk::<4>()?;
    rest.get(..u32::from_le_bytes(*len) as usize)
}

/// A string as postcard writes it: its length, then its bytes.
#[inline]
fn put_str(out: &mut Vec<u8>, s: &str) {
    put_str_bytes(out, s.as_bytes());
}

/// [`put_str`] of a string's bytes.
#[inline]
pub(crate) fn put_str_bytes(out: &mut Vec<u8>, s: &[u8]) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s);
}

/// An optional string as postcard writes it.
#[inline]
fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

/// A date as postcard writes it (the signed year zigzagged).
fn put_date(out: &mut Vec<u8>, d: CDate) {
    match d {
        None => out.push(0),
        Some((y, m, d)) => {
            out.push(1);
            varint(out, u64::from(((y << 1) ^ (y >> 31)) as u32));
            out.extend_from_slice(&[m, d]);
        }
    }
}

/// A copy's first byte ([`View::encode_copy`]): it shares its leader's
/// bytes before the article (date, speaker, place, topics, role, flags,
/// cameo).
const SAME_PRE: u8 = 1;
/// A copy's first byte: it shares its leader's text.
const SAME_TEXT: u8 = 2;

/// A copy's first byte: which of its leader's parts it shares.
fn shares(pre: bool, text: bool) -> u8 {
    (u8::from(pre) * SAME_PRE) | (u8::from(text) * SAME_TEXT)
}

/// Bytes that [`COcc::encode`] wrote, read back field by field straight
/// into [`Occurrence`]s (no serde, no borrowed copy in between): the bulk
/// build decodes every occurrence it staged. Each read is `None` for bytes
/// `encode` could not have written.
pub(crate) struct Decoder<'a>(pub(crate) &'a [u8]);

impl<'a> Decoder<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// A varint of at most `max` bytes (postcard's: 10 for a u64, 5 for a u32).
    /// One byte (a length or a count below 128: most of them) is read inline.
    /// Two bytes (an offset, a sentence's length) likewise.
    #[inline(always)]
    fn varint(&mut self, max: usize) -> Option<u64> {
        match *self.0 {
            [b, ref rest @ ..] if b < 0x80 => {
                self.0 = rest;
                Some(u64::from(b))
            }
            [b, c, ref rest @ ..] if c < 0x80 && max >= 2 => {
                self.0 = rest;
                Some(u64::from(b & 0x7f) | u64::from(c) << 7)
            }
            _ => self.long_varint(max),
        }
    }

    /// [`Decoder::varint`] of more than two bytes (or none: `None`).
    #[inline(never)]
    fn long_varint(&mut self, max: usize) -> Option<u64> {
        let mut n = 0u64;
        for i in 0..max {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(7 * i as u32)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    #[inline(always)]
    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    #[inline(always)]
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint(10)?).ok()
    }

    #[inline(always)]
    fn date(&mut self) -> Option<Option<Date>> {
        Some(match self.flag()? {
            false => None,
            true => {
                let z = u32::try_from(self.varint(5)?).ok()?;
                let year = ((z >> 1) as i32) ^ -((z & 1) as i32);
                let (month, day) = (self.byte()?, self.byte()?);
                Some(Date { year, month, day })
            }
        })
    }

    /// A string's bytes, not checked (a [`View`]'s reader checks them).
    #[inline(always)]
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.varint(10)?).ok()?;
        let (s, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        Some(s)
    }

    #[inline(always)]
    fn opt_bytes(&mut self) -> Option<Option<&'a [u8]>> {
        Some(if self.flag()? {
            Some(self.bytes()?)
        } else {
            None
        })
    }

    /// One occurrence read in place, its copies with it (see [`View`]).
    pub(crate) fn view(&mut self) -> Option<View<'a>> {
        let all = self.0;
        let mut v = self.head(Decoder::bytes)?;
        v.text = self.bytes()?;
        v.copies = self.copies(&v)?;
        v.len = all.len() - self.0.len();
        Some(v)
    }

    /// The copies of `lead`'s story, each read as what differs from it
    /// ([`View::encode_copy`]).
    #[inline(always)]
    fn copies(&mut self, lead: &View<'a>) -> Option<Vec<View<'a>>> {
        match self.0 {
            // no copies (most occurrences): no call, no list
            [0, rest @ ..] => {
                self.0 = rest;
                Some(Vec::new())
            }
            _ => self.list(|d| d.copy_of(lead)),
        }
    }

    /// One copy of `lead`'s story: a byte saying which of `lead`'s parts it
    /// shares (its bytes before the article, its text), then the rest.
    fn copy_of(&mut self, lead: &View<'a>) -> Option<View<'a>> {
        let all = self.0;
        let shares = self.byte()?;
        if shares > SAME_PRE | SAME_TEXT {
            return None;
        }
        let mut v = match shares & SAME_PRE != 0 {
            true => self.evidence(lead.head_only(), Decoder::bytes)?,
            false => self.head(Decoder::bytes)?,
        };
        v.text = match shares & SAME_TEXT != 0 {
            true => lead.text,
            false => self.bytes()?,
        };
        v.copies = self.copies(&v)?;
        v.len = all.len() - self.0.len();
        v.shares = shares;
        Some(v)
    }

    /// An occurrence's fields up to its text (date to `end`), read in
    /// place, its article read by `article`: a [`View`] without text,
    /// copies or length yet.
    #[inline(always)]
    fn head(&mut self, article: impl FnOnce(&mut Self) -> Option<&'a [u8]>) -> Option<View<'a>> {
        let all = self.0;
        let date = self.date()?;
        let (speaker, place) = (self.opt_bytes()?, self.opt_bytes()?);
        let n = self.usize()?;
        let from = self.0;
        for _ in 0..n {
            self.bytes()?;
        }
        let topics = (n, &from[..from.len() - self.0.len()]);
        let role = self.opt_bytes()?;
        let (planned, former) = (self.flag()?, self.flag()?);
        let cameo = self.bytes()?;
        let pre = &all[..all.len() - self.0.len()];
        let head = View {
            date,
            speaker,
            place,
            topics,
            role,
            planned,
            former,
            cameo,
            pre,
            ..View::default()
        };
        self.evidence(head, article)
    }

    /// `head` (a [`View`] of the fields before the article) with its
    /// evidence read: its article by `article`, then sentence, start and end.
    #[inline(always)]
    fn evidence(
        &mut self,
        head: View<'a>,
        article: impl FnOnce(&mut Self) -> Option<&'a [u8]>,
    ) -> Option<View<'a>> {
        let article = article(self)?;
        let after = self.0;
        let (sentence, start, end) = (self.usize()?, self.usize()?, self.usize()?);
        let post = &after[..after.len() - self.0.len()];
        Some(View {
            article,
            sentence,
            start,
            end,
            post,
            ..head
        })
    }

    /// Four bytes, little-endian (a place in the bulk build's buffer).
    fn u32(&mut self) -> Option<u32> {
        let (n, rest) = self.0.split_first_chunk::<4>()?;
        self.0 = rest;
        Some(u32::from_le_bytes(*n))
    }

    /// One occurrence, its copies with it (its strings checked as UTF-8).
    pub(crate) fn occurrence(&mut self) -> Option<Occurrence> {
        self.view()?.occurrence()
    }

    /// A postcard list: its length, then its items.
    pub(crate) fn list<T>(&mut self, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = usize::try_from(self.varint(10)?).ok()?;
        // each item takes a byte at least: a longer list is damage
        let mut v = Vec::with_capacity(n.min(self.0.len()));
        for _ in 0..n {
            v.push(item(self)?);
        }
        Some(v)
    }
}

/// An occurrence read in place from the bytes [`COcc::encode`] wrote: its
/// strings borrowed as bytes (not checked: whoever writes them as text
/// checks them as it goes), its topics left encoded, and its bytes before
/// its article (`pre`) and between article and text (`post`), so that it
/// is written again by copying (its article and text may lie elsewhere: a
/// staged occurrence shares its article's).
#[derive(Clone, Debug, Default)]
pub(crate) struct View<'a> {
    pub(crate) date: Option<Date>,
    pub(crate) speaker: Option<&'a [u8]>,
    pub(crate) place: Option<&'a [u8]>,
    /// How many topics, and their bytes.
    topics: (usize, &'a [u8]),
    pub(crate) role: Option<&'a [u8]>,
    pub(crate) planned: bool,
    pub(crate) former: bool,
    pub(crate) cameo: &'a [u8],
    pub(crate) article: &'a [u8],
    pub(crate) sentence: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a [u8],
    /// The words hash of its text, when known already (see
    /// [`crate::graph::Told::words_hash`]).
    pub(crate) words: Option<u64>,
    /// Its bytes before its article's: date, speaker, place, topics, role,
    /// flags and cameo, as written.
    pre: &'a [u8],
    /// Its bytes between its article and its text: sentence, start and end.
    post: &'a [u8],
    /// The length of its bytes, copies included.
    pub(crate) len: usize,
    /// For a copy read or written as what differs from its leader: which of
    /// the leader's parts it shares ([`SAME_PRE`], [`SAME_TEXT`]); 0 when
    /// not known (compare them).
    pub(crate) shares: u8,
    pub(crate) copies: Vec<View<'a>>,
}

impl<'a> View<'a> {
    /// Its topics, in order.
    pub(crate) fn topics(&self) -> Topics<'a> {
        Topics(self.topics.0, Decoder(self.topics.1))
    }

    /// Whether `o` has the same topics (the same bytes: no decoding).
    pub(crate) fn same_topics(&self, o: &View) -> bool {
        self.topics == o.topics || self.topics().eq(o.topics())
    }

    /// The occurrence it is, its copies with it; `None` if a string is not UTF-8.
    pub(crate) fn occurrence(self) -> Option<Occurrence> {
        let text = |b: &[u8]| std::str::from_utf8(b).ok().map(str::to_owned);
        let opt = |b: Option<&[u8]>| match b {
            None => Some(None),
            Some(b) => text(b).map(Some),
        };
        Some(Occurrence {
            date: self.date,
            speaker: opt(self.speaker)?,
            place: opt(self.place)?,
            topics: self.topics().map(text).collect::<Option<_>>()?,
            role: opt(self.role)?,
            planned: self.planned,
            former: self.former,
            cameo: text(self.cameo)?,
            evidence: Evidence {
                article: text(self.article)?,
                sentence: self.sentence,
                start: self.start,
                end: self.end,
                text: text(self.text)?,
            },
            copies: self
                .copies
                .into_iter()
                .map(View::occurrence)
                .collect::<Option<_>>()?,
        })
    }

    /// Appends its bytes, as [`COcc::encode`] writes the occurrence it is.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        self.encode_head(out, self.copies.len());
        for c in &self.copies {
            c.encode_copy(out, self);
        }
    }

    /// Appends its bytes as a copy of `lead`'s story: which of `lead`'s
    /// parts it shares ([`SAME_PRE`], [`SAME_TEXT`]), then its own parts
    /// but those. A story printed by many papers is stored once, not once
    /// per paper.
    pub(crate) fn encode_copy(&self, out: &mut Vec<u8>, lead: &View) -> u8 {
        self.encode_copy_as(out, lead, self.text == lead.text)
    }

    /// [`View::encode_copy`], whether its text is `lead`'s bytes known
    /// already (`same_text`).
    pub(crate) fn encode_copy_as(&self, out: &mut Vec<u8>, lead: &View, same_text: bool) -> u8 {
        let same_pre = self.same_pre(lead);
        let flags = shares(same_pre, same_text);
        out.push(flags);
        if !same_pre {
            out.extend_from_slice(self.pre);
        }
        put_str_bytes(out, self.article);
        out.extend_from_slice(self.post);
        if !same_text {
            put_str_bytes(out, self.text);
        }
        varint(out, self.copies.len() as u64);
        for c in &self.copies {
            c.encode_copy(out, self);
        }
        flags
    }

    /// Whether, as a copy, it is known to share its leader's fields before
    /// the article (then none of them differs).
    pub(crate) fn shares_pre(&self) -> bool {
        self.shares & SAME_PRE != 0
    }

    /// Whether, as a copy, it is known to share its leader's text.
    pub(crate) fn shares_text(&self) -> bool {
        self.shares & SAME_TEXT != 0
    }

    /// Its fields before its article (what a copy sharing them takes), the
    /// rest empty.
    fn head_only(&self) -> View<'a> {
        View {
            date: self.date,
            speaker: self.speaker,
            place: self.place,
            topics: self.topics,
            role: self.role,
            planned: self.planned,
            former: self.former,
            cameo: self.cameo,
            pre: self.pre,
            ..View::default()
        }
    }

    /// Appends its bytes up to its copies, then a count of `copies` copies
    /// (which the caller appends, its own or others).
    pub(crate) fn encode_head(&self, out: &mut Vec<u8>, copies: usize) {
        out.extend_from_slice(self.pre);
        put_str_bytes(out, self.article);
        out.extend_from_slice(self.post);
        put_str_bytes(out, self.text);
        varint(out, copies as u64);
    }

    /// The occurrence staged at `buf[from..to]` by [`COcc::stage_record`],
    /// its article and text read from their blocks in `buf`; `None` unless
    /// those bytes are one whole staged record.
    pub(crate) fn staged(buf: &'a [u8], from: usize, to: usize) -> Option<View<'a>> {
        let mut d = Decoder(buf.get(from..to)?);
        let article = d.u32()?;
        let mut v = d.head(|_| staged_block(buf, article))?;
        let text = d.u32()?;
        if !d.0.is_empty() {
            return None;
        }
        let words = buf.get((text as usize).checked_sub(8)?..text as usize)?;
        v.words = Some(u64::from_le_bytes(words.try_into().ok()?));
        v.text = staged_block(buf, text)?;
        v.len = v.pre.len()
            + crate::bytes::varint_len(v.article.len() as u64)
            + v.article.len()
            + v.post.len()
            + crate::bytes::varint_len(v.text.len() as u64)
            + v.text.len()
            + 1;
        Some(v)
    }

    /// The occurrence and each of its copies, as occurrences of their own
    /// (as [`Occurrence::flatten`] gives them).
    pub(crate) fn flatten(mut self) -> impl Iterator<Item = View<'a>> {
        let copies = std::mem::take(&mut self.copies);
        std::iter::once(self).chain(copies.into_iter().flat_map(|mut c| {
            let mut v = std::mem::take(&mut c.copies);
            v.insert(0, c);
            v
        }))
    }
}

/// The topics of a [`View`], decoded one by one.
pub(crate) struct Topics<'a>(usize, Decoder<'a>);

impl<'a> Iterator for Topics<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        self.0 = self.0.checked_sub(1)?;
        self.1.bytes()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.0, Some(self.0))
    }
}

impl ExactSizeIterator for Topics<'_> {}

impl View<'_> {
    /// Ordered by evidence: article, sentence, offsets, text, then copies.
    pub(crate) fn cmp_evidence(&self, o: &Self) -> std::cmp::Ordering {
        crate::bytes::cmp_bytes(self.article, o.article)
            .then_with(|| self.sentence.cmp(&o.sentence))
            .then_with(|| self.start.cmp(&o.start))
            .then_with(|| self.end.cmp(&o.end))
            .then_with(|| self.text.cmp(o.text))
            .then_with(|| self.copies.cmp(&o.copies))
    }

    /// Whether the fields before the evidence are the same (one compare of
    /// the bytes `pre` holds).
    #[inline]
    pub(crate) fn same_pre(&self, o: &Self) -> bool {
        crate::bytes::same_bytes(self.pre, o.pre)
    }

    /// Ordered by the fields before the evidence (the bytes `pre` holds),
    /// as [`Occurrence`]s order them.
    pub(crate) fn cmp_pre(&self, o: &Self) -> std::cmp::Ordering {
        self.date
            .cmp(&o.date)
            .then_with(|| self.speaker.cmp(&o.speaker))
            .then_with(|| self.place.cmp(&o.place))
            .then_with(|| match self.topics == o.topics {
                true => std::cmp::Ordering::Equal,
                false => self.topics().cmp(o.topics()),
            })
            .then_with(|| self.role.cmp(&o.role))
            .then_with(|| self.planned.cmp(&o.planned))
            .then_with(|| self.former.cmp(&o.former))
            .then_with(|| self.cameo.cmp(o.cameo))
    }
}

/// Ordered as the [`Occurrence`]s they are. Two whose bytes before the
/// article are the same (copies of a story, statements of one article) are
/// told apart by their evidence alone, after one compare of those bytes.
impl Ord for View<'_> {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        if self.same_pre(o) {
            return self.cmp_evidence(o);
        }
        self.cmp_pre(o).then_with(|| self.cmp_evidence(o))
    }
}

impl PartialOrd for View<'_> {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl PartialEq for View<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o).is_eq()
    }
}

impl Eq for View<'_> {}

impl crate::graph::Told for View<'_> {
    fn month(&self) -> Option<(i32, u8)> {
        self.date.map(|d| (d.year, d.month))
    }

    fn words_hash(&self) -> u64 {
        match self.words {
            Some(w) => w,
            None => crate::bytes::words_hash_of(self.text),
        }
    }

    fn evidence(&self) -> (&[u8], usize, usize, usize, &[u8]) {
        (self.article, self.sentence, self.start, self.end, self.text)
    }
}

/// An edge's occurrences, sorted, as the cache holds them (a list of
/// [`COcc`]s, each as [`COcc::encode`] writes it).
pub(crate) fn encode_all(occs: &[Occurrence], out: &mut Vec<u8>) {
    varint(out, occs.len() as u64);
    for o in occs {
        COcc::of(o).encode(out);
    }
}

/// Writes a cache while its graph file is written, edge by edge: begun with
/// the graph's articles and nodes, fed each edge's occurrences in file
/// order, finished once the graph file is in place.
pub(crate) struct Writer {
    tmp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    body_len: u64,
    /// Each edge's occurrences: offset in the file, length and hash.
    spans: Vec<Span>,
    /// Each edge's [`Starts`]: offset in the file, length and hash.
    starts: Vec<Span>,
    /// The articles and node article lists: offset, length and hash.
    head: Span,
    /// The articles' provenance: offset, length and hash.
    provenance: Span,
}

impl Writer {
    /// Starts the cache of `path` for the graph `g` (nodes in id order, their
    /// article lists `listed`).
    pub(crate) fn begin(
        path: &Path,
        g: &Graph,
        listed: &crate::store::NodeLists,
    ) -> std::io::Result<Writer> {
        let target = cache_path(path);
        let tmp = target.with_file_name(format!(
            ".{}.tmp{}",
            target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let file = std::fs::File::create(&tmp)?;
        crate::store::temp::created(&tmp);
        let mut w = Writer {
            tmp,
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            body_len: 0,
            spans: Vec::new(),
            starts: Vec::new(),
            head: (0, 0, 0),
            provenance: (0, 0, 0),
        };
        w.out.write_all(&[0u8; HEADER])?;
        let articles: Vec<(&str, CDate)> = g
            .articles
            .iter()
            .map(|(a, d)| (a.as_str(), cdate(*d)))
            .collect();
        let mut lists: Vec<&[u32]> = Vec::with_capacity(listed.places.len());
        for places in &listed.places {
            lists.push(places.as_deref().ok_or_else(|| {
                std::io::Error::other("a node names an article the graph does not list")
            })?);
        }
        let hash = w.put(&(articles, lists))?;
        w.head = (HEADER as u64, w.body_len, hash);
        let prov: Vec<(&str, &Provenance)> =
            g.provenance.iter().map(|(a, p)| (a.as_str(), p)).collect();
        let at = HEADER as u64 + w.body_len;
        let hash = w.put(&prov)?;
        w.provenance = (at, HEADER as u64 + w.body_len - at, hash);
        Ok(w)
    }

    /// Appends a value to the body; returns its hash.
    fn put<T: Serialize + ?Sized>(&mut self, v: &T) -> std::io::Result<u64> {
        let bytes = postcard::to_allocvec(v).map_err(std::io::Error::other)?;
        self.body_len += bytes.len() as u64;
        self.out.write_all(&bytes)?;
        Ok(FileHash::of(&bytes))
    }

    /// The next edge's occurrences, sorted, as `bytes` (a list of them as
    /// the cache holds it) read into `views`; then where each date's first lies.
    pub(crate) fn edge(&mut self, bytes: &[u8], views: &[View]) -> std::io::Result<()> {
        let mut starts: Starts = Vec::new();
        let mut from = bytes.len() - views.iter().map(|v| v.len).sum::<usize>();
        for (i, o) in views.iter().enumerate() {
            if i == 0 || views[i - 1].date != o.date {
                let one = &bytes[from..from + o.len];
                starts.push((from as u64, one.len() as u64, FileHash::of(one)));
            }
            from += o.len;
        }
        let at = HEADER as u64 + self.body_len;
        self.body_len += bytes.len() as u64;
        self.out.write_all(bytes)?;
        self.spans
            .push((at, bytes.len() as u64, FileHash::of(bytes)));
        let at = HEADER as u64 + self.body_len;
        let hash = self.put(&starts)?;
        self.starts
            .push((at, HEADER as u64 + self.body_len - at, hash));
        Ok(())
    }

    /// Writes the skeleton and the header (stamped with the graph file as it
    /// is now), then puts the cache in place.
    pub(crate) fn finish(self, path: &Path, sk: &Skeleton) -> std::io::Result<()> {
        let stamp = stamp(path)
            .ok_or_else(|| std::io::Error::other("the graph file has no modification time"))?;
        self.finish_as(path, sk, stamp)
    }

    /// Writes the skeleton and the header stamped `stamp`, the identity the
    /// graph file had when the graph was read from it; puts the cache in
    /// place only if the file still has it (a file replaced meanwhile keeps
    /// the cache its writer made).
    pub(crate) fn finish_as(
        mut self,
        path: &Path,
        sk: &Skeleton,
        stamp: Stamp,
    ) -> std::io::Result<()> {
        let result = (|| {
            if self.spans.len() != sk.edges.len() {
                return Err(std::io::Error::other(
                    "the skeleton does not match the edges written",
                ));
            }
            let section = postcard::to_allocvec(&CSkeleton {
                articles: sk.articles as u64,
                dates: sk
                    .dates
                    .map(|(a, b)| ((a.year, a.month, a.day), (b.year, b.month, b.day))),
                head: self.head,
                provenance: self.provenance,
                nodes: sk
                    .nodes
                    .iter()
                    .map(|n| CNode {
                        id: cow(&n.id),
                        name: cow(&n.name),
                        kind: kind_code(&EntityKind::ALL, &n.kind),
                        aliases: n.aliases.iter().map(|a| cow(a)).collect(),
                        code: n.code.as_deref().map(cow),
                        articles: n.articles as u64,
                    })
                    .collect(),
                edges: sk
                    .edges
                    .iter()
                    .zip(self.spans.iter().zip(&self.starts))
                    .map(|(e, (&span, &starts))| CEdge {
                        source: e.source,
                        target: e.target,
                        kind: kind_code(&EdgeKind::ALL, &e.kind),
                        dates: e
                            .dates
                            .iter()
                            .map(|(d, c)| (d.year, d.month, d.day, *c))
                            .collect(),
                        undated: e.undated,
                        span,
                        starts,
                    })
                    .collect(),
            })
            .map_err(std::io::Error::other)?;
            self.out.write_all(&section)?;
            let mut header = Vec::with_capacity(HEADER);
            header.extend_from_slice(MAGIC);
            let words = [schema()].into_iter().chain(stamp).chain([
                HEADER as u64 + self.body_len,
                section.len() as u64,
                FileHash::of(&section),
                HEADER as u64,
                self.body_len,
            ]);
            for v in words {
                header.extend_from_slice(&v.to_le_bytes());
            }
            self.out.flush()?;
            let f = self.out.get_mut();
            f.seek(std::io::SeekFrom::Start(0))?;
            f.write_all(&header)?;
            crate::store::testing::disk_room(f.metadata()?.len())?;
            // the cache holds all the evidence: no more readable than its file
            f.set_permissions(std::fs::metadata(path)?.permissions())?;
            crate::store::testing::before_cache_install(path);
            if self::stamp(path) != Some(stamp) {
                return Err(std::io::Error::other(
                    "the graph file changed while its cache was written",
                ));
            }
            std::fs::rename(&self.tmp, cache_path(path))?;
            crate::store::temp::gone(&self.tmp);
            Ok(())
        })();
        if result.is_err() {
            self.discard();
        }
        result
    }

    /// Removes the temporary file (a cache not finished).
    fn discard(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
        crate::store::temp::gone(&self.tmp);
    }
}

impl Drop for Writer {
    /// A cache dropped unfinished (its graph file failed to write) leaves nothing.
    fn drop(&mut self) {
        if self.tmp.exists() {
            self.discard();
        }
    }
}

/// Writes the cache of the graph file `path`, which holds `g`, read from
/// the file when its identity was `read_as`: the cache is stamped with that
/// identity, and not installed if the file changed since.
pub(crate) fn refresh(path: &Path, g: &Graph, read_as: Stamp) -> std::io::Result<()> {
    let mut w = Writer::begin(path, g, &crate::store::NodeLists::of(g))?;
    let mut bytes = Vec::new();
    for (_, _, e) in g.edges() {
        bytes.clear();
        encode_all(&e.sorted(), &mut bytes);
        let views = views_of(&bytes).ok_or_else(damaged)?;
        w.edge(&bytes, &views)?;
    }
    w.finish_as(path, &Skeleton::of(g), read_as)
}

/// The cache's header words, if the cache is of this build's layout and was
/// made from the graph file `path` exactly as it is now.
fn fresh_header(path: &Path, head: &[u8]) -> Option<[u64; WORDS]> {
    if head.len() < HEADER || &head[..8] != MAGIC {
        return None;
    }
    let mut words = [0u64; WORDS];
    for (i, w) in words.iter_mut().enumerate() {
        let o = 8 + i * 8;
        *w = u64::from_le_bytes(head[o..o + 8].try_into().ok()?);
    }
    (words[0] == schema() && words[1..8] == stamp(path)?).then_some(words)
}

/// A section of the cache, checked against its length and hash.
fn section(bytes: &[u8], off: u64, len: u64, hash: u64) -> Option<&[u8]> {
    let off = usize::try_from(off).ok()?;
    let end = off.checked_add(usize::try_from(len).ok()?)?;
    let s = bytes.get(off..end)?;
    (FileHash::of(s) == hash).then_some(s)
}

/// The head of the body: every article with its date, and each node's
/// articles as positions in that list.
type Head<'a> = (Vec<(&'a str, CDate)>, Vec<Vec<u32>>);

/// Where an edge's occurrences lie in the cache file: offset, length, hash.
pub(crate) type Span = (u64, u64, u64);

/// The skeleton section decoded: the skeleton, each edge's span and its
/// starts' span in the file, and the spans of the article lists and provenance.
type Decoded = (Skeleton, Vec<Span>, Vec<Span>, [Span; 2]);

/// The skeleton section decoded, with each edge's spans in the file.
fn skeleton_of(bytes: &[u8]) -> Option<Decoded> {
    let c: CSkeleton = postcard::from_bytes(bytes).ok()?;
    let nodes = c
        .nodes
        .into_iter()
        .map(|n| {
            Some(SkNode {
                id: n.id.into_owned(),
                name: n.name.into_owned(),
                kind: *EntityKind::ALL.get(n.kind as usize)?,
                aliases: n.aliases.into_iter().map(Cow::into_owned).collect(),
                code: n.code.map(Cow::into_owned),
                articles: usize::try_from(n.articles).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let spans = c.edges.iter().map(|e| e.span).collect();
    let starts = c.edges.iter().map(|e| e.starts).collect();
    let edges = c
        .edges
        .into_iter()
        .map(|e| {
            ((e.source as usize) < nodes.len() && (e.target as usize) < nodes.len())
                .then_some(())?;
            Some(SkEdge {
                source: e.source,
                target: e.target,
                kind: *EdgeKind::ALL.get(e.kind as usize)?,
                dates: e
                    .dates
                    .into_iter()
                    .map(|(year, month, day, c)| (Date { year, month, day }, c))
                    .collect(),
                undated: e.undated,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let dates = c.dates.map(|(a, b)| (date(Some(a)), date(Some(b))));
    let dates = match dates {
        Some((Some(a), Some(b))) => Some((a, b)),
        _ => None,
    };
    let sk = Skeleton::new(usize::try_from(c.articles).ok()?, dates, nodes, edges);
    Some((sk, spans, starts, [c.head, c.provenance]))
}

/// The header words and the skeleton of the cache of `path`, reading only
/// those, if the cache is fresh; and the open cache file.
fn open_skeleton(path: &Path) -> Option<Opened> {
    let mut file = std::fs::File::open(cache_path(path)).ok()?;
    let mut head = vec![0u8; HEADER];
    file.read_exact(&mut head).ok()?;
    let w = fresh_header(path, &head)?;
    let len = usize::try_from(w[9]).ok()?;
    if len > 1 << 34 {
        return None;
    }
    file.seek(std::io::SeekFrom::Start(w[8])).ok()?;
    let mut bytes = vec![0u8; len];
    file.read_exact(&mut bytes).ok()?;
    let (sk, spans, starts, [head, provenance]) = skeleton_of(section(&bytes, 0, w[9], w[10])?)?;
    Some(Opened {
        file,
        sk,
        spans,
        starts,
        head,
        provenance,
    })
}

/// A fresh cache opened, its skeleton read.
struct Opened {
    file: std::fs::File,
    sk: Skeleton,
    /// Where each edge's occurrences lie.
    spans: Vec<Span>,
    /// Where each edge's [`Starts`] lie.
    starts: Vec<Span>,
    /// Where the article lists lie.
    head: Span,
    /// Where the articles' provenance lies.
    provenance: Span,
}

/// Reads the articles' provenance of an opened cache into `g`.
fn read_provenance(o: &Opened, g: &mut Graph) -> Option<()> {
    let bytes = read_span(&o.file, o.provenance).ok()?;
    let prov: Vec<(String, Provenance)> = postcard::from_bytes(&bytes).ok()?;
    g.provenance.extend(prov);
    Some(())
}

/// An edge's occurrences (or a run's), decoded from the bytes written for
/// them (a list of [`COcc`]s as [`COcc::encode`] writes them, read by [`Decoder`]).
pub(crate) fn occurrences_of(bytes: &[u8]) -> Option<Vec<Occurrence>> {
    Decoder(bytes).list(Decoder::occurrence)
}

/// An edge's occurrences read in place from the bytes written for them;
/// `None` unless the bytes are one whole list.
pub(crate) fn views_of(bytes: &[u8]) -> Option<Vec<View<'_>>> {
    let mut d = Decoder(bytes);
    let v = d.list(Decoder::view)?;
    d.0.is_empty().then_some(v)
}

/// A spilled run's occurrences read in place: a list of them, each after
/// its text's words hash (eight bytes, little-endian); `None` unless the
/// bytes are one whole list.
pub(crate) fn views_with_words(bytes: &[u8]) -> Option<Vec<View<'_>>> {
    let mut d = Decoder(bytes);
    d.list(|d| {
        let (words, rest) = d.0.split_first_chunk::<8>()?;
        d.0 = rest;
        let mut v = d.view()?;
        v.words = Some(u64::from_le_bytes(*words));
        Some(v)
    })
    .filter(|_| d.0.is_empty())
}

/// Reads a span of the cache file, checked against its hash.
pub(crate) fn read_span(mut f: &std::fs::File, (at, len, hash): Span) -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; usize::try_from(len).map_err(std::io::Error::other)?];
    f.seek(std::io::SeekFrom::Start(at))?;
    f.read_exact(&mut bytes)?;
    if FileHash::of(&bytes) != hash {
        return Err(std::io::Error::other(
            "a span of the cache does not match its hash",
        ));
    }
    Ok(bytes)
}

/// Every node of the skeleton, as a graph node without articles.
fn frame_nodes(g: &mut Graph, sk: &Skeleton) -> Vec<NodeId> {
    sk.nodes
        .iter()
        .map(|n| {
            g.insert_node(Node {
                id: n.id.clone(),
                name: n.name.clone(),
                kind: n.kind,
                aliases: n.aliases.iter().cloned().collect(),
                code: n.code.clone(),
                articles: Default::default(),
            })
        })
        .collect()
}

/// The graph the cache of `path` holds with every node, article and edge
/// but no occurrence, the open cache file and where each edge's occurrences
/// lie in it (edge `i` of the graph at `spans[i]`): what a bulk build adds to.
pub(crate) fn read_frame(path: &Path) -> Option<(Graph, std::fs::File, Vec<Span>)> {
    let o = open_skeleton(path)?;
    let head = read_span(&o.file, o.head).ok()?;
    let (articles, lists): Head = postcard::from_bytes(&head).ok()?;
    if lists.len() != o.sk.nodes.len() {
        return None;
    }
    let mut g = Graph::new();
    for &(a, d) in &articles {
        g.articles.insert(a.to_string(), date(d));
    }
    read_provenance(&o, &mut g)?;
    let idx = frame_nodes(&mut g, &o.sk);
    for (&n, list) in idx.iter().zip(&lists) {
        for &a in list {
            g.add_node_article(n, articles.get(a as usize)?.0);
        }
    }
    for e in &o.sk.edges {
        let edge = Edge {
            kind: e.kind,
            occurrences: Vec::new(),
        };
        g.insert_edge(idx[e.source as usize], idx[e.target as usize], edge);
    }
    Some((g, o.file, o.spans))
}

/// The skeleton the cache of `path` holds, reading only its header and
/// skeleton section, if the cache is fresh (see [`read`]).
pub fn read_skeleton(path: &Path) -> Option<Skeleton> {
    open_skeleton(path).map(|o| o.sk)
}

/// Part of the graph the cache of `path` holds, if the cache is fresh: every
/// node (without its article list), and only the edges touching the nodes
/// `ids` or the people holding a role for them, read from their own spans of
/// the file. Enough for `between` and `timeline` of those nodes, which give
/// on it what they give on the whole graph.
pub fn read_around(path: &Path, ids: &[&str], articles: bool) -> Option<Graph> {
    let o = open_skeleton(path)?;
    let sk = &o.sk;
    let mut around: std::collections::BTreeSet<u32> =
        ids.iter().filter_map(|id| sk.node_by_id(id)).collect();
    for &n in around.clone().iter() {
        for e in sk.incident(n) {
            if e.kind == EdgeKind::Role && e.target == n {
                around.insert(e.source);
            }
        }
    }
    let mut g = Graph::new();
    let idx = frame_nodes(&mut g, sk);
    read_provenance(&o, &mut g)?;
    if articles {
        let bytes = read_span(&o.file, o.head).ok()?;
        let (all, lists): Head = postcard::from_bytes(&bytes).ok()?;
        for id in ids {
            let n = sk.node_by_id(id)?;
            for &a in lists.get(n as usize)? {
                let (name, d) = *all.get(a as usize)?;
                g.articles.insert(name.to_string(), date(d));
                g.add_node_article(idx[n as usize], name);
            }
        }
    }
    for (i, e) in sk.edges.iter().enumerate() {
        if around.contains(&e.source) || around.contains(&e.target) {
            add_edge(&mut g, &idx, &o, i)?;
        }
    }
    Some(g)
}

/// The graph of `path`'s cache with only the edges `edges` (indices into
/// the skeleton's edges) and their occurrences: every node, no article lists
/// (the articles' provenance, though). For a query that knows from the
/// skeleton which edges it needs (`path`, `events`).
pub fn read_edges(path: &Path, edges: &[usize]) -> Option<Graph> {
    let o = open_skeleton(path)?;
    let mut g = Graph::new();
    read_provenance(&o, &mut g)?;
    let idx = frame_nodes(&mut g, &o.sk);
    for &i in edges {
        add_edge(&mut g, &idx, &o, i)?;
    }
    Some(g)
}

/// A fresh cache opened to be read edge by edge: its skeleton at once, each
/// edge's occurrences when asked, so that a reader holds one edge's evidence
/// at a time however large the graph.
pub struct EdgeReader {
    o: Opened,
}

impl EdgeReader {
    /// The cache of the graph file `path`, if it is fresh (see [`read`]).
    pub fn open(path: &Path) -> Option<EdgeReader> {
        open_skeleton(path).map(|o| EdgeReader { o })
    }

    /// The skeleton: every node, and every edge's counts.
    pub fn skeleton(&self) -> &Skeleton {
        &self.o.sk
    }

    /// Edge `i` of the skeleton with its occurrences, read from its own span;
    /// an error when that span is damaged or the file cannot be read.
    pub fn edge(&self, i: usize) -> std::io::Result<Edge> {
        let (e, span) = (self.o.sk.edges.get(i), self.o.spans.get(i));
        let (e, &span) = e.zip(span).ok_or_else(damaged)?;
        let occurrences = occurrences_of(&read_span(&self.o.file, span)?).ok_or_else(damaged)?;
        Ok(Edge {
            kind: e.kind,
            occurrences,
        })
    }

    /// The first occurrence of edge `i` in its date group `group` (the
    /// undated ones first, then one group per date of its skeleton edge),
    /// reading that occurrence only; `None` past the last group.
    pub fn first_of_group(&self, i: usize, group: usize) -> std::io::Result<Option<Occurrence>> {
        let Some(&start) = self.o.starts(i)?.get(group) else {
            return Ok(None);
        };
        let bytes = self.o.one(i, start)?;
        Decoder(&bytes).occurrence().map(Some).ok_or_else(damaged)
    }

    /// Whether edge `i` holds an occurrence that is not `former` (for a
    /// Role edge: a role still held). Reads each date's first occurrence
    /// until one is current, and the whole edge only when none of those is.
    pub fn any_current(&self, i: usize) -> std::io::Result<bool> {
        for start in self.o.starts(i)? {
            let bytes = self.o.one(i, start)?;
            let one = Decoder(&bytes).view().ok_or_else(damaged)?;
            if !one.former {
                return Ok(true);
            }
        }
        Ok(self.edge(i)?.occurrences.iter().any(|o| !o.former))
    }
}

/// Reading one occurrence at a time from an opened cache.
impl Opened {
    /// Where each date's first occurrence of edge `i` lies within its span.
    fn starts(&self, i: usize) -> std::io::Result<Starts> {
        let &starts = self.starts.get(i).ok_or_else(damaged)?;
        postcard::from_bytes(&read_span(&self.file, starts)?).map_err(|_| damaged())
    }

    /// The bytes of one occurrence of edge `i`, at `start` within its span.
    fn one(&self, i: usize, (from, n, hash): Span) -> std::io::Result<Vec<u8>> {
        let &(at, len, _) = self.spans.get(i).ok_or_else(damaged)?;
        let inside = from.checked_add(n).is_some_and(|end| end <= len);
        let start = at
            .checked_add(from)
            .filter(|_| inside)
            .ok_or_else(damaged)?;
        read_span(&self.file, (start, n, hash))
    }
}

/// The error of a cache whose parts do not hold together.
fn damaged() -> std::io::Error {
    std::io::Error::other("the cache is damaged; rebuild the graph file")
}

/// What a selection reads from a cache: the edges it picked (indices into
/// the skeleton's edges) and the nodes whose article lists it needs.
#[derive(Clone, Debug, Default)]
pub struct Chosen {
    /// Edges to read with their occurrences.
    pub edges: Vec<usize>,
    /// Nodes to read with their article lists.
    pub nodes: Vec<u32>,
    /// Edges read thin: one occurrence not `former` (a role still held,
    /// which is all a Role edge tells of who is on a side), or the whole
    /// edge when no date's first occurrence is one.
    pub thin: Vec<usize>,
}

/// The graph of `path`'s cache with what `choose` picks on its skeleton:
/// every node, the chosen edges with their occurrences, the chosen nodes'
/// article lists, and the articles (with dates) those lists and that evidence
/// cite (no article at all when no node is chosen). `None` when the cache cannot serve (absent, stale, damaged);
/// `Some(Err)` when `choose` fails.
pub fn read_chosen<E>(
    path: &Path,
    choose: impl FnOnce(&Skeleton) -> std::result::Result<Chosen, E>,
) -> Option<std::result::Result<Graph, E>> {
    let o = open_skeleton(path)?;
    let chosen = match choose(&o.sk) {
        Ok(c) => c,
        Err(e) => return Some(Err(e)),
    };
    let mut g = Graph::new();
    let idx = frame_nodes(&mut g, &o.sk);
    for &i in &chosen.edges {
        add_edge(&mut g, &idx, &o, i)?;
    }
    for &i in &chosen.thin {
        add_thin_edge(&mut g, &idx, &o, i)?;
    }
    // the articles the evidence cites
    let cited: std::collections::BTreeSet<String> = g
        .edges()
        .into_iter()
        .flat_map(|(_, _, e)| e.occurrences.iter().flat_map(Occurrence::evidences))
        .map(|e| e.article.clone())
        .collect();
    if !chosen.nodes.is_empty() {
        read_articles(&o, &idx, &chosen.nodes, &cited, &mut g)?;
    }
    // where the articles kept (or, with none, those cited) came from
    let keep: Vec<&str> = match chosen.nodes.is_empty() {
        true => cited.iter().map(String::as_str).collect(),
        false => g.articles.keys().map(String::as_str).collect(),
    };
    let prov = provenance_of(&o, &keep)?;
    g.provenance.extend(prov);
    Some(Ok(g))
}

/// The provenance of the articles `keep` names (sorted), from an opened
/// cache: decoded entry by entry, walking both sorted lists, the others
/// skipped without being copied. `None` when the section is not sorted.
fn provenance_of(o: &Opened, keep: &[&str]) -> Option<Vec<(String, Provenance)>> {
    /// An entry of the provenance section, borrowed: article, origin, url, outlet.
    type Entry<'a> = (&'a str, (&'a str, Option<&'a str>, Option<&'a str>));
    let bytes = read_span(&o.file, o.provenance).ok()?;
    let (n, mut rest) = postcard::take_from_bytes::<usize>(&bytes).ok()?;
    let (mut out, mut next, mut last) = (Vec::new(), 0, "");
    for _ in 0..n {
        let ((a, (origin, url, source)), r) = postcard::take_from_bytes::<Entry>(rest).ok()?;
        rest = r;
        (last <= a).then_some(())?;
        last = a;
        while keep.get(next).is_some_and(|k| *k < a) {
            next += 1;
        }
        if keep.get(next) == Some(&a) {
            let p = Provenance {
                origin: origin.to_string(),
                url: url.map(str::to_string),
                source: source.map(str::to_string),
            };
            out.push((a.to_string(), p));
        }
    }
    rest.is_empty().then_some(out)
}

/// Gives `g` the article lists of the chosen `nodes` and the articles (with
/// dates) those lists and the `cited` ones name.
fn read_articles(
    o: &Opened,
    idx: &[NodeId],
    nodes: &[u32],
    cited: &std::collections::BTreeSet<String>,
    g: &mut Graph,
) -> Option<()> {
    let bytes = read_span(&o.file, o.head).ok()?;
    let (all, lists): Head = postcard::from_bytes(&bytes).ok()?;
    for &n in nodes {
        let node = *idx.get(n as usize)?;
        for &a in lists.get(n as usize)? {
            let (name, d) = *all.get(a as usize)?;
            g.articles.insert(name.to_string(), date(d));
            g.add_node_article(node, name);
        }
    }
    for a in cited {
        // the article list is sorted by name
        if g.articles.contains_key(a) {
            continue;
        }
        if let Ok(i) = all.binary_search_by(|(x, _)| (*x).cmp(a.as_str())) {
            g.articles.insert(a.clone(), date(all[i].1));
        }
    }
    Some(())
}

/// Adds edge `i` of an opened cache's skeleton to `g` (whose nodes `idx`
/// framed), with its occurrences read from its own span of the file.
fn add_edge(g: &mut Graph, idx: &[NodeId], o: &Opened, i: usize) -> Option<()> {
    let (e, &span) = (o.sk.edges.get(i)?, o.spans.get(i)?);
    let edge = Edge {
        kind: e.kind,
        occurrences: occurrences_of(&read_span(&o.file, span).ok()?)?,
    };
    g.insert_edge(idx[e.source as usize], idx[e.target as usize], edge);
    Some(())
}

/// Adds edge `i` as [`Chosen::thin`] reads it: its first occurrence that
/// is not `former` among its dates' first ones, else every occurrence.
fn add_thin_edge(g: &mut Graph, idx: &[NodeId], o: &Opened, i: usize) -> Option<()> {
    let e = o.sk.edges.get(i)?;
    for start in o.starts(i).ok()? {
        let bytes = o.one(i, start).ok()?;
        let one = Decoder(&bytes).occurrence()?;
        if !one.former {
            let edge = Edge {
                kind: e.kind,
                occurrences: vec![one],
            };
            g.insert_edge(idx[e.source as usize], idx[e.target as usize], edge);
            return Some(());
        }
    }
    add_edge(g, idx, o, i)
}

/// The skeleton of `path`'s cache and each edge's first sentence (the
/// evidence of its first occurrence), if the cache is fresh: what a drawing
/// of the whole graph shows, read one edge at a time.
pub fn read_first_sentences(path: &Path) -> Option<(Skeleton, Vec<Option<String>>)> {
    let r = EdgeReader::open(path)?;
    let mut first = Vec::with_capacity(r.o.spans.len());
    for i in 0..r.o.spans.len() {
        first.push(r.first_of_group(i, 0).ok()?.map(|x| x.evidence.text));
    }
    Some((r.o.sk, first))
}

/// The graph the cache of `path` holds, if it is there, whole, of this
/// build's layout and made from the RON file exactly as it is now.
pub fn read(path: &Path) -> Option<Graph> {
    let (mut g, file, spans) = read_frame(path)?;
    // the frame holds edge `i` at index `i`
    for (i, span) in spans.into_iter().enumerate() {
        let e =
            g.g.edge_weight_mut(petgraph::stable_graph::EdgeIndex::new(i))?;
        e.occurrences = occurrences_of(&read_span(&file, span).ok()?)?;
    }
    Some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_by_hand_is_encoded_as_postcard_encodes_a_vec() {
        for n in [0usize, 1, 127, 128, 300, 16_384, 70_000] {
            let items = vec![7u8; n];
            let mut ours = Vec::new();
            varint(&mut ours, n as u64);
            for i in &items {
                ours.extend(postcard::to_allocvec(i).unwrap());
            }
            assert_eq!(ours, postcard::to_allocvec(&items).unwrap(), "{n} items");
        }
    }

    #[test]
    fn an_occurrence_is_encoded_by_hand_as_postcard_encodes_it() {
        let long = "x".repeat(300);
        let dates = [
            None,
            Some((2023, 5, 6)),
            Some((-44, 3, 15)),
            Some((i32::MAX, 12, 31)),
        ];
        let texts = [
            "",
            "Pakistan and China vowed \u{201c}iron\u{201d} ties.",
            long.as_str(),
        ];
        for (i, date) in dates.into_iter().enumerate() {
            for (j, text) in texts.iter().enumerate() {
                let c = COcc {
                    date,
                    speaker: (i % 2 == 0).then(|| cow("person:qin-gang")),
                    place: (j % 2 == 1).then(|| cow(text)),
                    topics: (0..i + j).map(|_| cow("trade")).collect(),
                    role: (j == 2).then(|| cow("Foreign Minister")),
                    planned: i == 1,
                    former: j == 1,
                    cameo: cow("040"),
                    article: cow("2023-05-06-x"),
                    sentence: [0, 127, 128, 1 << 40][i],
                    start: (j * 1000) as u64,
                    end: u64::MAX,
                    text: cow(text),
                    // the same story in other articles, nested
                    copies: (0..(i + j) % 3)
                        .map(|k| COcc {
                            date: None,
                            speaker: None,
                            place: None,
                            topics: Vec::new(),
                            role: None,
                            planned: false,
                            former: false,
                            cameo: cow(""),
                            article: cow("copy"),
                            sentence: k as u64,
                            start: 0,
                            end: 1,
                            text: cow(text),
                            copies: Vec::new(),
                        })
                        .collect(),
                };
                let mut c = c;
                if i + j >= 2 {
                    // a copy sharing all but its evidence, and one its text too
                    for (k, text) in [(7, "another sentence"), (8, text)] {
                        let mut copy = c.clone();
                        copy.copies.clear();
                        (copy.article, copy.sentence, copy.text) = (cow("copy"), k, cow(text));
                        c.copies.push(copy);
                    }
                }
                let mut ours = Vec::new();
                c.encode(&mut ours);
                if c.copies.is_empty() {
                    assert_eq!(ours, postcard::to_allocvec(&c).unwrap(), "case {i} {j}");
                    let serde = postcard::from_bytes::<COcc>(&ours).unwrap().occurrence();
                    assert_eq!(Decoder(&ours).occurrence(), serde, "case {i} {j}");
                }
                let whole = c.clone().occurrence();
                assert_eq!(Decoder(&ours).occurrence(), whole, "case {i} {j}");
                // read in place and written back: the same bytes
                let mut again = Vec::new();
                Decoder(&ours).view().unwrap().encode(&mut again);
                assert_eq!(again, ours, "case {i} {j}");
                let mut list = Vec::new();
                varint(&mut list, 2);
                list.extend_from_slice(&ours);
                list.extend_from_slice(&ours);
                let mut d = Decoder(&list);
                assert_eq!(
                    d.list(Decoder::occurrence),
                    Some(vec![whole.clone().unwrap(); 2])
                );
                assert!(d.0.is_empty());
                for cut in 0..ours.len() {
                    assert_eq!(Decoder(&ours[..cut]).occurrence(), None, "cut at {cut}");
                }
            }
        }
    }

    #[test]
    fn a_record_is_encoded_as_its_occurrence_is() {
        for x in extractions() {
            for (i, mut r) in x.edges.into_iter().enumerate() {
                r.role = (i % 2 == 0).then(|| "Foreign Minister".to_string());
                r.topics.push("é".repeat(i * 70));
                r.date = r.date.filter(|_| i == 0);
                r.evidence.start = i << 20;
                let (speaker, place) = (Some("person:a"), (i == 1).then_some("place:b"));
                let mut ours = Vec::new();
                COcc::encode_record(&r, speaker, place, &mut ours);
                let mut theirs = Vec::new();
                COcc::of_record(&r, speaker, place).encode(&mut theirs);
                assert_eq!(ours, theirs);
                let mut d = Decoder(&ours);
                let v = d.view().unwrap();
                assert!(d.0.is_empty());
                let mut again = Vec::new();
                v.encode(&mut again);
                assert_eq!(again, ours, "read in place and written back");
            }
        }
    }

    fn extractions() -> Vec<crate::model::Extraction> {
        use crate::model::{EdgeRecord, EntityRecord, Extraction};
        let rec = |id: &str, name: &str| EntityRecord {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Country,
            aliases: vec![],
            code: None,
        };
        (0..30)
            .map(|a| {
                let article = format!("a{a:02}");
                let date = Some(Date {
                    year: 2024,
                    month: 12 - (a % 12) as u8,
                    day: 3,
                });
                let edges = [EdgeKind::Meeting, EdgeKind::Praise]
                    .into_iter()
                    .enumerate()
                    .map(|(k, kind)| EdgeRecord {
                        source: "country:peru".into(),
                        target: "country:china".into(),
                        kind,
                        cameo: "040".into(),
                        date,
                        speaker: None,
                        place: None,
                        topics: vec!["trade".into()],
                        role: None,
                        planned: a % 2 == 0,
                        former: false,
                        evidence: Evidence {
                            article: article.clone(),
                            sentence: k,
                            start: 0,
                            end: 20,
                            text: format!("China and Peru met, said {a}."),
                        },
                    })
                    .collect();
                Extraction {
                    article,
                    date,
                    entities: vec![rec("country:china", "China"), rec("country:peru", "Peru")],
                    edges,
                    provenance: Default::default(),
                }
            })
            .collect()
    }

    fn graph() -> Graph {
        let mut g = Graph::new();
        for x in extractions() {
            g.add_extraction(&x);
        }
        g
    }

    #[test]
    fn loading_through_the_cache_gives_the_graph_the_ron_gives() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        let g = graph();
        g.save(&p).unwrap();
        assert!(cache_path(&p).exists());
        let cached = read(&p).expect("fresh cache served");
        let parsed = Graph::load_ron(&p).unwrap();
        assert_eq!(cached.to_ron(), parsed.to_ron());
        assert_eq!(cached.to_ron(), g.to_ron());
        assert_eq!(cached.node_count(), 2);
        assert!(cached.lookup("peru").is_some());
    }

    #[test]
    fn each_dates_first_occurrence_is_read_alone_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        graph().save(&p).unwrap();
        let g = Graph::load_ron(&p).unwrap();
        let r = EdgeReader::open(&p).expect("a fresh cache");
        let mut damage = None;
        for (i, (_, _, e)) in g.edges().into_iter().enumerate() {
            let o = &e.occurrences;
            let firsts: Vec<&Occurrence> = (0..o.len())
                .filter(|&k| k == 0 || o[k - 1].date != o[k].date)
                .map(|k| &o[k])
                .collect();
            assert!(firsts.len() > 5, "an edge stated on several dates");
            for (k, want) in firsts.iter().enumerate() {
                assert_eq!(r.first_of_group(i, k).unwrap().as_ref(), Some(*want));
            }
            assert!(r.first_of_group(i, firsts.len()).unwrap().is_none());
            damage.get_or_insert(firsts[1].evidence.text.clone());
        }
        // a byte of edge 0's second date's first statement changed: an error, not other text
        let c = cache_path(&p);
        let mut bytes = std::fs::read(&c).unwrap();
        let text = damage.unwrap();
        let at = bytes
            .windows(text.len())
            .position(|w| w == text.as_bytes())
            .unwrap();
        bytes[at] = b'X';
        std::fs::write(&c, &bytes).unwrap();
        let r = EdgeReader::open(&p).expect("the skeleton is intact");
        assert!(r.first_of_group(0, 1).is_err());
        assert!(r.first_of_group(0, 0).is_ok());
    }

    #[test]
    fn whether_an_edge_holds_a_current_statement_is_read_as_the_whole_edge_says() {
        let mut xs = extractions();
        for (a, x) in xs.iter_mut().enumerate() {
            // meetings all former; praise former when not planned, which
            // sorts first on a date: a date's first statement may be former
            // while a later one is not
            x.edges[0].former = true;
            x.edges[1].former = a % 2 == 1;
        }
        let mut g = Graph::new();
        for x in &xs {
            g.add_extraction(x);
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        g.save(&p).unwrap();
        let r = EdgeReader::open(&p).expect("a fresh cache");
        let whole: Vec<bool> = g
            .edges()
            .iter()
            .map(|e| e.2.occurrences.iter().any(|o| !o.former))
            .collect();
        assert_eq!(whole.len(), 2);
        assert!(whole.contains(&true) && whole.contains(&false));
        for (i, want) in whole.iter().enumerate() {
            assert_eq!(r.any_current(i).unwrap(), *want, "edge {i}");
        }
        assert!(r.any_current(2).is_err(), "no such edge");
        // read thin: one current occurrence of the edge, else the whole edge
        let chosen = |_: &Skeleton| {
            Ok::<_, ()>(Chosen {
                thin: vec![0, 1],
                ..Chosen::default()
            })
        };
        let thin = read_chosen(&p, chosen).unwrap().unwrap();
        for ((_, _, all), (_, _, read)) in g.edges().into_iter().zip(thin.edges()) {
            match all.occurrences.iter().any(|o| !o.former) {
                true => {
                    assert_eq!(read.occurrences.len(), 1);
                    assert!(!read.occurrences[0].former);
                    assert!(all.occurrences.contains(&read.occurrences[0]));
                }
                false => assert_eq!(read.occurrences, all.occurrences),
            }
        }
    }

    #[test]
    fn a_changed_file_of_the_same_length_and_time_is_not_served_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        graph().save(&p).unwrap();
        let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        let edited = text.replacen("said 7.", "said 8.", 1);
        assert_ne!(edited, text);
        assert_eq!(edited.len(), text.len());
        std::fs::write(&p, &edited).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        assert!(read(&p).is_none(), "stale cache served");
        let g = Graph::load(&p).unwrap();
        assert!(g.to_ron().contains("said 8."));
        assert_eq!(g.to_ron(), edited);
        // the load rewrote the cache for the file as it is now
        assert_eq!(read(&p).unwrap().to_ron(), edited);
    }

    #[test]
    fn a_damaged_or_missing_cache_falls_back_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        let g = graph();
        g.save(&p).unwrap();
        let c = cache_path(&p);
        let good = std::fs::read(&c).unwrap();
        let damaged: Vec<Vec<u8>> = vec![
            vec![],
            good[..good.len() / 2].to_vec(),
            {
                let mut b = good.clone();
                let at = b.len() - 10;
                b[at] ^= 0x55;
                b
            },
            {
                let mut b = good.clone();
                b[3] = b'X';
                b
            },
            b"not a cache at all".to_vec(),
        ];
        for bad in damaged {
            std::fs::write(&c, &bad).unwrap();
            assert!(read(&p).is_none());
            assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
        }
        std::fs::remove_file(&c).unwrap();
        assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
        // a cache that cannot be written does not stop a load
        std::fs::create_dir(&c).ok();
        std::fs::remove_file(&c).ok();
        assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
    }

    #[test]
    fn merging_unsorted_then_settling_gives_the_same_graph() {
        let g = graph();
        let mut h = Graph::new();
        for x in extractions().iter().chain(&extractions()) {
            h.merge_extraction(x);
        }
        assert!(
            !h.is_settled(),
            "dates run backwards: appended out of order"
        );
        // saving needs no settling
        assert_eq!(h.to_ron(), g.to_ron());
        h.settle();
        assert!(h.is_settled());
        let occs = |g: &Graph| -> Vec<Vec<Occurrence>> {
            g.edges().iter().map(|e| e.2.occurrences.clone()).collect()
        };
        assert_eq!(occs(&h), occs(&g));
        assert_eq!(h.edges()[0].2.weight(), 30);
    }

    #[test]
    fn the_cache_sits_next_to_the_file() {
        assert_eq!(
            cache_path(Path::new("/a/g.ron")),
            PathBuf::from("/a/g.ron.cache")
        );
    }
}
