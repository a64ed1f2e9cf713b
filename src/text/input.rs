//! Reading articles at the edge: files, folders (recursively, `*.txt`), JSON
//! Lines corpora (`*.jsonl`) and standard input. One bad article gives one
//! error naming it; the others are still read.

use crate::error::{Error, Result};
use crate::text::article::{Article, Provenance};
use crate::text::date::Date;
use serde::Deserialize;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// Limits on what is read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Articles larger than this many bytes are skipped.
    pub max_bytes: u64,
    /// The id of an article read from standard input (not JSON Lines);
    /// `None`: `stdin-` and the first 16 hex digits of its text's hash.
    pub stdin_id: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 10 * 1024 * 1024,
            stdin_id: None,
        }
    }
}

/// The id of an article read from standard input: `stdin-` and 16 hex
/// digits of the hash of its bytes (distinct texts, distinct ids).
pub fn stdin_id(bytes: &[u8]) -> String {
    format!("stdin-{:016x}", crate::bytes::FileHash::of(bytes))
}

/// Something read: an article (with a warning when it needed repair) or an
/// error for one input that was skipped.
#[derive(Debug)]
pub enum Item {
    /// An article read, with a warning when its bytes were not clean UTF-8
    /// (read as UTF-16, or a few bad bytes replaced).
    Article(Article, Option<String>),
    /// An input not read, and why (missing, binary, too large...).
    Skipped(Error),
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A text file holding one article; its id is the file stem.
    Text(PathBuf),
    /// A JSON Lines file (`*.jsonl`), one article a line.
    Jsonl(PathBuf),
    /// Standard input (`-`): JSON Lines if it starts with `{`, else one article.
    Stdin,
}

/// Expands paths into sources: folders recursively (`*.txt` and `*.jsonl`,
/// sorted; symlinked folders followed once), `-` for standard input. A path
/// that does not exist is an error item, not a failure of the whole run.
pub fn sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            let mut others = Vec::new();
            walk(p, &mut found, &mut errs, &mut seen, &mut others);
            if found.is_empty() {
                errs.push(nothing_in(p, others));
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(classify(p));
        } else {
            let reason = if p.symlink_metadata().is_ok() {
                "a symbolic link to nothing (dangling); check the path"
            } else {
                "no such file or folder; check the path"
            };
            errs.push(Error::Article {
                origin: p.display().to_string(),
                reason: reason.into(),
            });
        }
    }
    (out, errs)
}

fn classify(p: &Path) -> Source {
    if p.extension().is_some_and(|e| e == "jsonl") {
        Source::Jsonl(p.to_path_buf())
    } else {
        Source::Text(p.to_path_buf())
    }
}

/// The error of a folder holding no article: what it holds instead.
fn nothing_in(dir: &Path, mut others: Vec<PathBuf>) -> Error {
    others.sort();
    let mut names: Vec<String> = others
        .iter()
        .take(5)
        .map(|o| o.strip_prefix(dir).unwrap_or(o).display().to_string())
        .collect();
    if others.len() > 5 {
        names.push(format!("and {} more", others.len() - 5));
    }
    let skipped = match names.is_empty() {
        true => "it holds no file".to_string(),
        false => format!("skipped: {}", names.join(", ")),
    };
    Error::Article {
        origin: dir.display().to_string(),
        reason: format!("no *.txt or *.jsonl article in this folder; {skipped}"),
    }
}

/// Collects the articles below `dir` into `out`, and the other files into `others`.
fn walk(
    dir: &Path,
    out: &mut Vec<Source>,
    errs: &mut Vec<Error>,
    seen: &mut std::collections::BTreeSet<PathBuf>,
    others: &mut Vec<PathBuf>,
) {
    // a symlink loop would otherwise recurse forever
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errs.push(Error::io(dir, e));
            return;
        }
    };
    for entry in rd {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errs.push(Error::io(dir, e));
                continue;
            }
        };
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out, errs, seen, others);
        } else if p.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
            out.push(classify(&p));
        } else {
            others.push(p);
        }
    }
}

/// Why a path cannot be read as a file, if it cannot.
fn not_a_file(p: &Path) -> Option<Error> {
    let bad = |reason: &str| {
        Some(Error::Article {
            origin: p.display().to_string(),
            reason: reason.into(),
        })
    };
    match std::fs::metadata(p) {
        Ok(m) if m.is_file() => None,
        Ok(m) if m.is_dir() => bad("a folder, not a file"),
        Ok(_) => bad("not a regular file (a pipe, socket or device); not read"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && p.symlink_metadata().is_ok() => {
            bad("a symbolic link to nothing (dangling); check the path")
        }
        Err(e) => Some(Error::io(p, e)),
    }
}

/// Decodes bytes as text: refuses binary and mostly-invalid data, repairs a
/// few bad bytes (saying so).
pub fn decode(origin: &str, bytes: Vec<u8>) -> Result<(String, Option<String>)> {
    if let Some(s) = utf16(&bytes) {
        return Ok((
            s,
            Some(format!(
                "{origin}: read as UTF-16 (byte-order mark); UTF-8 is preferred"
            )),
        ));
    }
    if bytes.contains(&0) {
        return Err(Error::Article {
            origin: origin.into(),
            reason: "binary data (NUL bytes), not a text article".into(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let bytes = e.into_bytes();
            let s = String::from_utf8_lossy(&bytes).into_owned();
            let bad = s.chars().filter(|&c| c == '\u{fffd}').count();
            if bad * 20 > s.chars().count().max(1) {
                Err(Error::Article {
                    origin: origin.into(),
                    reason: format!(
                        "not UTF-8 text ({bad} invalid sequences); convert it to UTF-8 first"
                    ),
                })
            } else {
                Ok((
                    s,
                    Some(format!(
                        "{origin}: {bad} invalid UTF-8 sequence(s) replaced by U+FFFD"
                    )),
                ))
            }
        }
    }
}

/// Plausible text with a UTF-16 byte-order mark, decoded; `None` otherwise.
fn utf16(bytes: &[u8]) -> Option<String> {
    let le = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    // only plausible text: whole units, no broken pairs or control
    // characters, and a good share of ASCII (news in English)
    let s: String = char::decode_utf16(units)
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    let ascii = s.chars().filter(char::is_ascii).count();
    let plausible = bytes.len().is_multiple_of(2)
        && !s.chars().any(|c| c.is_control() && !c.is_whitespace())
        && ascii * 10 >= s.chars().count() * 3;
    plausible.then_some(s)
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn text_article(origin: &str, id: String, bytes: Vec<u8>) -> Item {
    match decode(origin, bytes) {
        Err(e) => Item::Skipped(e),
        Ok((text, warn)) => {
            if text.trim().is_empty() {
                return Item::Skipped(Error::Article {
                    origin: origin.into(),
                    reason: "empty article (no text)".into(),
                });
            }
            match Article::parse(id, text) {
                Ok(mut a) => {
                    a.provenance.origin = origin.to_string();
                    Item::Article(a, warn)
                }
                Err(Error::Article { reason, .. }) => Item::Skipped(Error::Article {
                    origin: origin.into(),
                    reason,
                }),
                Err(e) => Item::Skipped(e),
            }
        }
    }
}

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    id: &'a serde_json::value::RawValue,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// A record's fields, as serde_json or the fast reader gives them; the id
/// as [`record_id`] makes it (`None`: no usable id).
#[derive(Default)]
struct Fields {
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    text: String,
    /// Where the body begins in `text`: after the trimmed title and a blank
    /// line when the fast reader met the title first (0 otherwise).
    body_from: usize,
    url: Option<String>,
    source: Option<String>,
}

/// Parses one JSON Lines record; `origin` is `path:line`. A plain record is
/// read by hand, any other by serde_json (the same result, and its errors).
pub fn jsonl_record(origin: &str, line: &str) -> Result<Article> {
    match plain_record(line) {
        Some(f) => record_article(origin.to_string(), f),
        None => record_article(origin.to_string(), serde_record(origin, line)?),
    }
}

/// The error of record `origin`.
fn bad_record(origin: &str, reason: String) -> Error {
    Error::Article {
        origin: origin.into(),
        reason,
    }
}

/// A record's fields read by serde_json, which says what is wrong.
fn serde_record(origin: &str, line: &str) -> Result<Fields> {
    let r: Record = serde_json::from_str(line).map_err(|e| {
        // serde_json ends its message with " at line 1 column N"; say it once
        let msg = e.to_string();
        let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m).to_string();
        bad_record(origin, format!(
            "column {}: {msg}; each line must be an object {{\"id\", \"text\", \"date\"?, \"title\"?, \"url\"?, \"source\"?}}",
            e.column()
        ))
    })?;
    Ok(Fields {
        id: record_id(r.id.get()),
        date: r.date,
        title: r.title,
        text: r.text,
        body_from: 0,
        url: r.url,
        source: r.source,
    })
}

/// The article of a record's fields.
fn record_article(origin: String, r: Fields) -> Result<Article> {
    let bad = |reason: String| bad_record(&origin, reason);
    let id =
        r.id.ok_or_else(|| bad("\"id\" must be a non-empty string or an integer".into()))?;
    let date = match r.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(
            Date::parse_iso(d)
                .ok_or_else(|| bad(format!("date {d:?} is not a real date YYYY-MM-DD")))?,
        ),
    };
    let body = r.text.get(r.body_from..).unwrap_or_default();
    let untitled = r.title.as_deref().is_none_or(|t| t.trim().is_empty());
    if body.trim().is_empty() && untitled {
        return Err(bad("empty article (no text)".into()));
    }
    // the text as it is when it holds the title already, or needs none
    let mut a = match r.body_from > 0 || untitled {
        true => Article::from_joined(id, date, r.title, r.text, r.body_from),
        false => Article::from_parts(id, date, r.title, body),
    };
    a.provenance = Provenance {
        origin,
        url: given(r.url),
        source: given(r.source),
    };
    Ok(a)
}

/// A url or source as kept: trimmed, `None` when blank (a trimmed one is
/// kept as it is, not copied).
fn given(s: Option<String>) -> Option<String> {
    let s = s?;
    let t = s.trim();
    match (t.is_empty(), t.len() == s.len()) {
        (true, _) => None,
        (false, true) => Some(s),
        (false, false) => Some(t.to_string()),
    }
}

/// A record's id from the raw JSON of its value, kept exactly: a string, or
/// an integer as its digits (however long: `12345678901234567890123` stays
/// itself); `None` for anything else.
fn record_id(raw: &str) -> Option<String> {
    let text = raw.trim();
    if text.starts_with('"') {
        return string_id(serde_json::from_str(text).ok()?);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| text.to_string())
}

/// A string id, unless it is blank.
fn string_id(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

/// A record read without serde_json when it is plainly one object of
/// strings, numbers, `true`, `false` and `null` holding `id` and `text`
/// once each; `None` when not sure (serde_json then reads it).
fn plain_record(line: &str) -> Option<Fields> {
    // one look for control characters in the whole line (white space
    // between tokens is one), not one in each string
    let inner = line.trim_end_matches([' ', '\n', '\t', '\r']);
    let mut p = Plain {
        line,
        at: 0,
        scratch: String::new(),
        controls: crate::bytes::has_control(inner.as_bytes()),
    };
    let (mut f, mut seen, mut escaped) = (Fields::default(), 0u8, String::new());
    if p.next()? != b'{' {
        return None;
    }
    loop {
        if p.next()? != b'"' {
            return None;
        }
        let key = p.key(&mut escaped)?;
        if p.next()? != b':' {
            return None;
        }
        p.member(key, &mut f, &mut seen)?;
        match p.next()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    // nothing but white space after it, and `id` (1) and `text` (8) given
    (p.next().is_none() && seen & 9 == 9).then_some(f)
}

/// Where the fast reader of a record stands; each step `None` when not sure.
struct Plain<'a> {
    line: &'a str,
    at: usize,
    /// The values of keys not kept, decoded and dropped.
    scratch: String,
    /// Whether the line holds control characters before its trailing white
    /// space (then each string is checked for them).
    controls: bool,
}

impl<'a> Plain<'a> {
    /// A key whose opening quote was just read: borrowed from the line when
    /// it holds no escape (no copy), else decoded into `escaped`.
    fn key<'k>(&mut self, escaped: &'k mut String) -> Option<&'k str>
    where
        'a: 'k,
    {
        let line: &'a str = self.line;
        let b = line.as_bytes();
        let end = self.at + memchr::memchr2(b'"', b'\\', b.get(self.at..)?)?;
        if b[end] == b'"' {
            let key = line.get(self.at..end)?;
            if self.controls && crate::bytes::has_control(key.as_bytes()) {
                return None;
            }
            self.at = end + 1;
            return Some(key);
        }
        escaped.clear();
        self.string(escaped)?;
        Some(escaped)
    }

    /// The next byte after JSON white space, consumed.
    fn next(&mut self) -> Option<u8> {
        let b = self.line.as_bytes();
        while let Some(&c) = b.get(self.at) {
            self.at += 1;
            if !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(c);
            }
        }
        None
    }

    /// A string whose opening quote was just read, onto `out`.
    fn string(&mut self, out: &mut String) -> Option<()> {
        self.at = crate::bytes::json_string(self.line, self.at, out, self.controls)?;
        Some(())
    }

    /// The value of `key`, kept in `f` (each known key once: `seen` holds
    /// their bits) or checked and dropped.
    fn member(&mut self, key: &str, f: &mut Fields, seen: &mut u8) -> Option<()> {
        let bit = match key {
            "id" => 1,
            "date" => 2,
            "title" => 4,
            "text" => 8,
            "url" => 16,
            "source" => 32,
            _ => return self.skip(),
        };
        if *seen & bit != 0 {
            return None;
        }
        *seen |= bit;
        match bit {
            1 => f.id = Some(self.id()?),
            2 => f.date = self.string_or_null()?,
            4 => f.title = self.string_or_null()?,
            8 => {
                if self.next()? != b'"' {
                    return None;
                }
                // the text is most of the line: room for it at once, after
                // the title and a blank line when the title came first (as
                // `Article::from_parts` would join them)
                let title = f.title.as_deref().unwrap_or_default();
                let room = crate::text::article::title_room(title);
                f.text.reserve(room + self.line.len() - self.at);
                f.body_from = crate::text::article::put_title(&mut f.text, title);
                self.string(&mut f.text)?;
            }
            16 => f.url = self.string_or_null()?,
            32 => f.source = self.string_or_null()?,
            _ => return None,
        }
        Some(())
    }

    /// A string, or `null` (`None`).
    fn string_or_null(&mut self) -> Option<Option<String>> {
        match self.next()? {
            b'"' => {
                let mut s = String::new();
                self.string(&mut s)?;
                Some(Some(s))
            }
            b'n' => self.word(b"ull").map(|()| None),
            _ => None,
        }
    }

    /// An id as [`record_id`] reads it: a non-blank string, or an integer
    /// (no leading zero, fraction, exponent or `-0`).
    fn id(&mut self) -> Option<String> {
        match self.next()? {
            b'"' => {
                let mut s = String::new();
                self.string(&mut s)?;
                string_id(s)
            }
            c @ (b'-' | b'0'..=b'9') => {
                let from = self.at - 1;
                if !self.number(c)? {
                    return None;
                }
                record_id(&self.line[from..self.at])
            }
            _ => None,
        }
    }

    /// The value of a key not kept, checked and dropped.
    fn skip(&mut self) -> Option<()> {
        match self.next()? {
            b'"' => {
                let mut s = std::mem::take(&mut self.scratch);
                s.clear();
                let done = self.string(&mut s);
                self.scratch = s;
                done
            }
            b'n' => self.word(b"ull"),
            b't' => self.word(b"rue"),
            b'f' => self.word(b"alse"),
            c @ (b'-' | b'0'..=b'9') => self.number(c).map(drop),
            _ => None,
        }
    }

    /// The rest of a literal whose first letter was just read.
    fn word(&mut self, rest: &[u8]) -> Option<()> {
        let b = self.line.as_bytes();
        (b.get(self.at..self.at + rest.len())? == rest).then(|| self.at += rest.len())
    }

    /// The rest of a JSON number whose first byte `first` was just read:
    /// whether it is a plain integer (no fraction or exponent, not `-0`).
    fn number(&mut self, first: u8) -> Option<bool> {
        let b = self.line.as_bytes();
        let lead = match first {
            b'-' => {
                self.at += 1;
                *b.get(self.at - 1)?
            }
            c => c,
        };
        match lead {
            b'0' if b.get(self.at).is_some_and(u8::is_ascii_digit) => return None,
            b'0' => {}
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        let mut plain = !(first == b'-' && lead == b'0');
        if b.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return None;
            }
            plain = false;
        }
        if matches!(b.get(self.at), Some(b'e' | b'E')) {
            self.at += 1 + usize::from(matches!(b.get(self.at + 1), Some(b'+' | b'-')));
            if self.digits() == 0 {
                return None;
            }
            plain = false;
        }
        Some(plain)
    }

    /// Skips ASCII digits, saying how many.
    fn digits(&mut self) -> usize {
        let b = self.line.as_bytes();
        let n = b[self.at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.at += n;
        n
    }
}

/// Reads up to and including the next `\n`, keeping at most `max + 1` bytes
/// of it (the rest is read and dropped). Returns the full length read.
fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<u64> {
    let mut total = 0u64;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (max + 1).saturating_sub(buf.len() as u64);
        buf.extend_from_slice(&chunk[..take.min(usize::try_from(room).unwrap_or(usize::MAX))]);
        reader.consume(take);
        total += take as u64;
        if done {
            return Ok(total);
        }
    }
}

fn read_jsonl(origin: &str, reader: impl BufRead, opts: &ReadOptions, f: &mut dyn FnMut(Item)) {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let len = match read_line_bounded(&mut reader, &mut buf, opts.max_bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                f(Item::Skipped(Error::Article {
                    origin: format!("{origin}:{}", line_no + 1),
                    reason: format!("read failed: {e}"),
                }));
                break;
            }
        };
        line_no += 1;
        let here = line_origin(origin, line_no);
        if len > opts.max_bytes {
            f(Item::Skipped(Error::Article {
                origin: here,
                reason: format!(
                    "record of {len} bytes is over the limit of {} bytes (raise --max-bytes)",
                    opts.max_bytes
                ),
            }));
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        f(jsonl_item(here, &mut buf, line_no == 1));
    }
}

/// `origin:line_no`, as `format!` writes it at a fraction of its cost (it is
/// made for every record).
fn line_origin(origin: &str, line_no: usize) -> String {
    let mut buf = [0u8; 20];
    let digits = crate::bytes::decimal(line_no as u64, &mut buf);
    let mut s = String::with_capacity(origin.len() + 1 + digits.len());
    s.push_str(origin);
    s.push(':');
    s.extend(digits.iter().map(|&d| char::from(d)));
    s
}

/// The item of one JSON Lines line (`first`: the file's first, where a byte
/// order mark may stand). A plain record in UTF-8 is read at once (no NUL
/// can be in it: the fast reader refuses control characters); any other
/// line is decoded first as [`decode`] does, repaired or refused.
fn jsonl_item(here: String, buf: &mut Vec<u8>, first: bool) -> Item {
    if let Ok(line) = std::str::from_utf8(buf) {
        let body = match line.strip_prefix('\u{feff}') {
            Some(rest) if first => rest,
            _ => line,
        };
        if let Some(fields) = plain_record(body) {
            // the line's buffer stays the reader's, for the next line
            return match record_article(here, fields) {
                Ok(a) => Item::Article(a, None),
                Err(e) => Item::Skipped(e),
            };
        }
    }
    let here = here.as_str();
    let (line, warn) = match decode(here, std::mem::take(buf)) {
        Ok(x) => x,
        Err(e) => return Item::Skipped(e),
    };
    // a byte order mark before the first record is no part of it
    let line = match line.strip_prefix('\u{feff}') {
        Some(rest) if first => rest.to_string(),
        _ => line,
    };
    match jsonl_record(here, &line) {
        Ok(a) => Item::Article(a, warn),
        Err(e) => Item::Skipped(e),
    }
}

/// Reads at most `max + 1` bytes of a file.
fn read_capped(p: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(p)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_big(origin: String, len: u64, max: u64) -> Item {
    Item::Skipped(Error::Article {
        origin,
        reason: format!("{len} bytes is over the limit of {max} bytes (raise --max-bytes)"),
    })
}

/// Reads one source, calling `f` for every article or skipped input, in order.
pub fn read_source(src: &Source, opts: &ReadOptions, f: &mut dyn FnMut(Item)) {
    match src {
        Source::Text(p) => {
            if let Some(e) = not_a_file(p) {
                return f(Item::Skipped(e));
            }
            let origin = p.display().to_string();
            match std::fs::metadata(p) {
                Ok(m) if m.len() > opts.max_bytes => {
                    return f(too_big(origin, m.len(), opts.max_bytes))
                }
                Err(e) => return f(Item::Skipped(Error::io(p, e))),
                _ => {}
            }
            match read_capped(p, opts.max_bytes) {
                Ok(b) if b.len() as u64 > opts.max_bytes => {
                    f(too_big(origin, b.len() as u64, opts.max_bytes))
                }
                Ok(bytes) => f(text_article(&origin, stem(p), bytes)),
                Err(e) => f(Item::Skipped(Error::io(p, e))),
            }
        }
        Source::Jsonl(p) => {
            if let Some(e) = not_a_file(p) {
                return f(Item::Skipped(e));
            }
            match std::fs::File::open(p) {
                Ok(file) => read_jsonl(
                    &p.display().to_string(),
                    // large: fewer records straddle two fills of the buffer
                    std::io::BufReader::with_capacity(1 << 16, file),
                    opts,
                    f,
                ),
                Err(e) => f(Item::Skipped(Error::io(p, e))),
            }
        }
        Source::Stdin => {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            let first = match lock.fill_buf() {
                Ok(b) => b.iter().find(|c| !c.is_ascii_whitespace()).copied(),
                Err(e) => return f(Item::Skipped(Error::io("<stdin>", e))),
            };
            if first == Some(b'{') {
                read_jsonl("<stdin>", lock, opts, f);
            } else {
                let mut bytes = Vec::new();
                if let Err(e) = lock
                    .take(opts.max_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
                {
                    return f(Item::Skipped(Error::io("<stdin>", e)));
                }
                if bytes.len() as u64 > opts.max_bytes {
                    return f(Item::Skipped(Error::Article {
                        origin: "<stdin>".into(),
                        reason: format!(
                            "over the limit of {} bytes (raise --max-bytes)",
                            opts.max_bytes
                        ),
                    }));
                }
                let id = opts.stdin_id.clone().unwrap_or_else(|| stdin_id(&bytes));
                f(text_article("<stdin>", id, bytes));
            }
        }
    }
}

/// Reads again the article `id` from where a build read it (`provenance`,
/// its `origin` a file or `FILE.jsonl:LINE`); a relative path is looked for
/// as it is, then in `base` (the graph file's folder).
pub fn reread(id: &str, provenance: &Provenance, base: &Path) -> Result<Article> {
    let origin = provenance.origin.as_str();
    let gone = |reason: String| Error::Article {
        origin: id.to_string(),
        reason,
    };
    if origin.is_empty() || origin.starts_with("<stdin>") {
        return Err(gone(
            "was read from standard input, which cannot be read again; save it to a file and explain the file".into(),
        ));
    }
    let find = |p: &str| {
        let p = Path::new(p);
        [p.to_path_buf(), base.join(p)]
            .into_iter()
            .find(|c| c.is_file())
    };
    let line = origin
        .rsplit_once(':')
        .and_then(|(f, n)| Some((find(f)?, n.parse::<usize>().ok()?)));
    let item = match (line, find(origin)) {
        (_, Some(p)) => read_text(&p),
        (Some((p, n)), None) => read_line(&p, n, origin),
        (None, None) => {
            return Err(gone(format!(
            "was read from {origin}, which is no longer there; build it again from where it is now"
        )))
        }
    };
    match item {
        Item::Article(a, _) if a.id == id || !origin.contains(".jsonl:") => Ok(a),
        Item::Article(a, _) => Err(gone(format!(
            "{origin} now holds article {:?}: the file changed since the build",
            a.id
        ))),
        Item::Skipped(e) => Err(e),
    }
}

/// The article of the text file `p`, read as a build reads it.
fn read_text(p: &Path) -> Item {
    let mut got = None;
    read_source(
        &Source::Text(p.to_path_buf()),
        &ReadOptions::default(),
        &mut |i| got = Some(i),
    );
    got.unwrap_or_else(|| Item::Skipped(Error::Invalid(format!("{}: nothing read", p.display()))))
}

/// The record on line `n` (from 1) of the JSON Lines file `p`.
fn read_line(p: &Path, n: usize, origin: &str) -> Item {
    let file = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => return Item::Skipped(Error::io(p, e)),
    };
    let line = std::io::BufReader::new(file)
        .lines()
        .nth(n.saturating_sub(1));
    match line {
        Some(Ok(l)) => match jsonl_record(origin, &l) {
            Ok(a) => Item::Article(a, None),
            Err(e) => Item::Skipped(e),
        },
        Some(Err(e)) => Item::Skipped(Error::io(p, e)),
        None => Item::Skipped(Error::Article {
            origin: origin.into(),
            reason: "the file has fewer lines now: it changed since the build".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn jsonl_errors_name_line_and_reason() {
        let e = jsonl_record("c.jsonl:3", "{\"id\": 1, \"text\": 5}").unwrap_err();
        assert!(e.to_string().starts_with("c.jsonl:3: column"), "{e}");
        let e = jsonl_record(
            "c.jsonl:4",
            "{\"id\": \"a\", \"date\": \"2023-02-30\", \"text\": \"x\"}",
        )
        .unwrap_err();
        assert!(e.to_string().contains("2023-02-30"), "{e}");
        let a = jsonl_record(
            "c.jsonl:5",
            "{\"id\": \"a\", \"date\": \"2023-02-03\", \"title\": \"T\", \"text\": \"x\"}",
        )
        .unwrap();
        assert_eq!(a.text, "T\n\nx");
    }

    /// A record read by serde_json alone, as before the fast reader.
    fn by_serde(line: &str) -> String {
        let r = serde_record("c.jsonl:1", line).and_then(|f| record_article("c.jsonl:1".into(), f));
        format!("{r:?}")
    }

    fn read(line: &str) -> String {
        format!("{:?}", jsonl_record("c.jsonl:1", line))
    }

    #[test]
    fn odd_records_are_read_by_serde_json() {
        let odd = [
            r#"{"id": 1, "text": "x", "extra": {"a": [1, 2]}}"#,
            r#"{"id": 1, "text": "x", "text": "y"}"#,
            r#"{"id": 1, "text": "x", "date": null, "date": null}"#,
            r#"{"id": 1, "text": "lone \ud800 half"}"#,
            r#"{"id": -0, "text": "x"}"#,
            r#"{"id": 007, "text": "x"}"#,
            r#"{"id": 1.5, "text": "x"}"#,
            r#"{"id": " ", "text": "x"}"#,
            r#"{"id": 1, "text": null}"#,
            r#"{"id": 1, "title": "t"}"#,
            r#"{"id": 1, "text": "x"} x"#,
            r#"{"id": 1, "text": "x",}"#,
            "{\"id\": 1, \"text\": \"raw\ttab\"}",
            r#"["a", "x"]"#,
            r#"{"id": 1, "text": "x", "extra": "\ud800"}"#,
        ];
        for line in odd {
            assert!(plain_record(line).is_none(), "{line}");
            assert_eq!(read(line), by_serde(line), "{line}");
        }
        // serde_json lets a lone surrogate by in a value it skips
        assert!(read(odd[0]).starts_with("Ok") && read(odd[14]).starts_with("Ok"));
        assert!(read(odd[4]).contains("\"-0\""));
    }

    #[test]
    fn plain_records_are_read_without_serde_json() {
        let plain = [
            r#"{"id": "a\"b", "text": "x\ny \u00e9\ud83d\ude00 \/ \\", "n": -1.5e+3, "t": true}"#,
            r#" { "t\u0065xt" : "x" , "id" : 12345678901234567890123 , "url" : null } "#,
            "{\"id\":0,\"text\":\"x\",\"\":false,\"date\":\"2023-02-03\"}\r\n",
            r#"{"id": 1, "text": "x", "extra": "a", "extra": 1}"#,
        ];
        for line in plain {
            assert!(plain_record(line).is_some(), "{line}");
            assert_eq!(read(line), by_serde(line), "{line}");
        }
    }

    fn json_str(clean: bool) -> impl Strategy<Value = String> {
        proptest::collection::vec(crate::bytes::json_test::piece(clean), 0..5)
            .prop_map(|p| format!("\"{}\"", p.concat()))
    }

    /// A value of any kind a record may hold, right or wrong.
    fn value() -> impl Strategy<Value = String> {
        let other = [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "12",
            "-5",
            "007",
            "1.5",
            "-1.25E+2",
            "1e3",
            "1.",
            "-",
            "12345678901234567890123",
            "nul",
            "{}",
            "[1, \"a\"]",
            "{\"a\": 1}",
            "\"2023-02-03\"",
            "\"2023-02-30\"",
            "\"  \"",
            "\"\"",
        ];
        prop_oneof![
            4 => json_str(false),
            1 => proptest::sample::select(other.to_vec()).prop_map(String::from),
        ]
    }

    /// White space between tokens, and unless `clean` now and then a form
    /// feed (none to JSON).
    fn ws(clean: bool) -> impl Strategy<Value = &'static str> {
        let ws = vec!["", "", " ", "\t", "\n", "\r\n", "  "];
        prop_oneof![
            40 => proptest::sample::select(ws),
            u32::from(!clean) => Just("\u{c}"),
        ]
    }

    /// `{` members `}` with white space between the tokens, and a tail
    /// (garbage too unless `clean`).
    fn object(members: Vec<(String, String)>, clean: bool) -> impl Strategy<Value = String> {
        let n = members.len() * 4 + 2;
        let garbage = vec!["x", ",", "}", "\u{feff}"];
        let tail = prop_oneof![
            8 => proptest::sample::select(vec!["", "\n", " \r\n"]),
            u32::from(!clean) => proptest::sample::select(garbage),
        ];
        (proptest::collection::vec(ws(clean), n), tail).prop_map(move |(w, tail)| {
            let body: Vec<String> = members
                .iter()
                .enumerate()
                .map(|(i, (k, v))| {
                    format!(
                        "{}\"{k}\"{}:{}{v}{}",
                        w[4 * i],
                        w[4 * i + 1],
                        w[4 * i + 2],
                        w[4 * i + 3]
                    )
                })
                .collect();
            format!("{}{{{}}}{}{tail}", w[n - 2], body.join(","), w[n - 1])
        })
    }

    /// A record of known and other keys, most of them holding `id` and `text`.
    fn record() -> impl Strategy<Value = String> {
        let keys = vec![
            "id",
            "id",
            "text",
            "text",
            "date",
            "title",
            "url",
            "source",
            "extra",
            "",
            "ID",
            r"t\u0065xt",
            r"\u0069d",
            r"x\u12",
        ];
        let member =
            (proptest::sample::select(keys), value()).prop_map(|(k, v)| (k.to_string(), v));
        (
            proptest::collection::vec(member, 0..4),
            json_str(false),
            json_str(false),
        )
            .prop_flat_map(|(mut m, id, text)| {
                m.extend([("id".into(), id), ("text".into(), text)]);
                Just(m).prop_shuffle().prop_flat_map(|m| object(m, false))
            })
    }

    /// A record fit for the fast reader: `id` and `text` once, the others
    /// at most once, every string clean.
    fn clean_record() -> impl Strategy<Value = String> {
        // a blank string id is refused: serde_json's path says so
        let named = json_str(true).prop_map(|s| format!("\"k{}", &s[1..]));
        let id = prop_oneof![named, (0u64..1 << 40).prop_map(|n| n.to_string())];
        let others = ["date", "title", "url", "source", "extra", "more"];
        let nullable = prop_oneof![json_str(true), Just("null".to_string())];
        (
            id,
            json_str(true),
            proptest::sample::subsequence(others.to_vec(), 0..=6),
            proptest::collection::vec(nullable, 6),
        )
            .prop_flat_map(|(id, text, keys, values)| {
                let mut m = vec![("id".to_string(), id), ("text".to_string(), text)];
                m.extend(
                    keys.into_iter()
                        .zip(values)
                        .map(|(k, v)| (k.to_string(), v)),
                );
                Just(m).prop_shuffle().prop_flat_map(|m| object(m, true))
            })
    }

    proptest! {
        #[test]
        fn records_read_as_serde_json_reads_them(line in record()) {
            prop_assert_eq!(read(&line), by_serde(&line));
        }

        #[test]
        fn clean_records_take_the_fast_path(line in clean_record()) {
            prop_assert!(plain_record(&line).is_some(), "{}", line);
            prop_assert_eq!(read(&line), by_serde(&line));
        }

        #[test]
        fn cut_or_spoilt_records_read_as_serde_json_reads_them(
            line in prop_oneof![record(), clean_record()],
            at in 0usize..400,
            c in proptest::sample::select(vec!['"', '\\', '{', '}', '[', ',', ':', ' ', '\u{1}', 'u', '0', '-', 'é']),
        ) {
            let at = (0..=at.min(line.len())).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
            let cut = &line[..at];
            prop_assert_eq!(read(cut), by_serde(cut));
            let spoilt = format!("{cut}{c}{}", &line[at..]);
            prop_assert_eq!(read(&spoilt), by_serde(&spoilt));
        }

        #[test]
        fn garbage_reads_as_serde_json_reads_it(line in "[{}\\[\\]\":,\\\\ a-z0-9\u{1}\u{e9}.+-]{0,40}", any_line: String) {
            prop_assert_eq!(read(&line), by_serde(&line));
            prop_assert_eq!(read(&any_line), by_serde(&any_line));
        }
    }

    /// A line read as before the fast path over raw bytes: decoded, its
    /// byte order mark dropped, then parsed.
    fn by_decode(bytes: Vec<u8>, first: bool) -> String {
        let item = match decode("c.jsonl:1", bytes) {
            Err(e) => Item::Skipped(e),
            Ok((line, warn)) => {
                let line = match line.strip_prefix('\u{feff}') {
                    Some(rest) if first => rest.to_string(),
                    _ => line,
                };
                match jsonl_record("c.jsonl:1", &line) {
                    Ok(a) => Item::Article(a, warn),
                    Err(e) => Item::Skipped(e),
                }
            }
        };
        format!("{item:?}")
    }

    proptest! {
        #[test]
        fn raw_lines_read_as_decoded_lines_read(
            line in prop_oneof![record(), clean_record()],
            at in 0usize..400,
            spoil in proptest::sample::select(vec![
                &b""[..], b"\0", b"\xff", b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\t", b"\x01",
            ]),
            lead in proptest::sample::select(vec![&b""[..], b"\xef\xbb\xbf", b"\xff\xfe", b" "]),
            first: bool,
        ) {
            let mut bytes = lead.to_vec();
            let at = at.min(line.len());
            bytes.extend_from_slice(&line.as_bytes()[..at]);
            bytes.extend_from_slice(spoil);
            bytes.extend_from_slice(&line.as_bytes()[at..]);
            let item = jsonl_item("c.jsonl:1".into(), &mut bytes.clone(), first);
            let fast = format!("{item:?}");
            prop_assert_eq!(fast, by_decode(bytes, first));
        }
    }

    proptest! {
        #[test]
        fn line_origins_are_written_as_format_writes_them(origin in "[a-z/.é]{0,12}", n: usize) {
            prop_assert_eq!(line_origin(&origin, n), format!("{origin}:{n}"));
            prop_assert_eq!(line_origin(&origin, n % 1000), format!("{origin}:{}", n % 1000));
        }
    }

    #[test]
    fn decode_repairs_a_little_refuses_much() {
        let mut b = b"Pakistan and China vowed to deepen ties".to_vec();
        b[3] = 0xff;
        let (s, warn) = decode("a", b).unwrap();
        assert!(s.contains('\u{fffd}') && warn.is_some());
        assert!(decode("b", vec![0xff; 50]).is_err());
        assert!(decode("c", b"a\0b".to_vec())
            .unwrap_err()
            .to_string()
            .contains("binary"));
        let (s, warn) = decode("d", vec![0xff, 0xfe, b'h', 0, b'i', 0]).unwrap();
        assert_eq!(s, "hi");
        assert!(warn.unwrap().contains("UTF-16"));
    }

    #[test]
    fn long_lines_are_cut_not_kept() {
        let text = format!("{}\nshort\n", "x".repeat(100));
        let mut r = std::io::Cursor::new(text.into_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), 101);
        assert_eq!(buf.len(), 11);
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), 6);
        assert_eq!(buf, b"short\n");
    }
}
