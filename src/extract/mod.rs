//! The whole extraction of one article, a pure function of its text:
//! sentences → noise masked → mentions → resolved entities → relations →
//! entity and edge records with their evidence.

pub mod mention;
pub mod relation;
pub mod resolve;
pub mod trace;
mod visit;

use crate::extract::mention::{Finder, FinderBuffers, Mention, MentionBuffers, Mentions};
use crate::extract::relation::Relation;
use crate::extract::resolve::{resolve, Ref, Resolution};
use crate::lexicon::extract_words::{ExtractWords, List};
use crate::lexicon::gazetteer::{Gazetteer, Known};
use crate::lexicon::relation_words::list;
use crate::lexicon::words::{class, TokenWords, WordId, NO_WORD};
use crate::model::{
    EdgeDraft, EdgeKind, EntityDraft, EntityKind, Extraction, Records, Span, NO_RECORD,
};
use crate::text::article::Article;
use crate::text::date::{month_number, weekday_number, Date};
use crate::text::sentence::{same_words, split_into, Sentence, Split};
use crate::text::token::{Lowered, TokKind, Token};
use std::borrow::Cow;
use std::ops::Range;

/// Where and when an article says it was written: "ISLAMABAD, May 6 (Xinhua) --".
#[derive(Clone, Copy, Debug, Default)]
pub struct Dateline {
    pub place: Option<Known>,
    pub date: Option<Date>,
}

/// Marks `r` of `masked`.
#[inline]
fn mask(masked: &mut [bool], r: Range<usize>) {
    masked[r].fill(true);
}

/// Marks tokens that are noise, not text: photo credits "(Xinhua/Ahmad
/// Kamal)", position markers "(R)", bylines with clock times, datelines;
/// in `masked` (another article's, emptied first). `ids` are the tokens'
/// word ids ([`Gazetteer::token_words`]).
#[inline(never)]
fn mask_noise(
    text: &str,
    toks: &[Token],
    ids: &[WordId],
    sentences: &[Sentence],
    g: &Gazetteer,
    art_date: Option<Date>,
    mut masked: Vec<bool>,
) -> (Vec<bool>, Dateline, Option<usize>) {
    masked.clear();
    masked.resize(toks.len(), false);
    let mut dateline = Dateline::default();
    let mut lede = None;
    let n = Noise {
        text,
        toks,
        ids,
        g,
        w: &g.extract_words,
    };
    let mut marks = MARKS.with(|m| m.take());
    n.marks_into(&mut marks);
    // after "Related readings" / "Related:" come other articles' headlines
    let mut in_related = false;
    for (si, sent) in sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        // (the length first: most sentences are longer)
        if r.len() <= 4 && n.w.related_headers.has(n.s(r.start)) {
            in_related = true;
            mask(&mut masked, r);
            continue;
        }
        if in_related {
            if n.ends_with_stop(&r) && r.len() > 12 {
                in_related = false;
            } else {
                mask(&mut masked, r);
                continue;
            }
        }
        if n.photo_credit(&r) {
            mask(&mut masked, r);
            continue;
        }
        let (byline, paren) = n.byline(r.clone(), &marks);
        if byline {
            mask(&mut masked, r);
            continue;
        }
        if let Some(p) = paren {
            n.mask_brackets(p..r.end, &marks.parens, &mut masked);
        }
        if dateline.place.is_none() {
            let found = n.dateline(r.clone(), art_date);
            // "New Delhi - ...", "Baku: ..." opening the body
            let found = found.or_else(|| {
                (si < 4)
                    .then(|| n.titled_dateline(r.clone(), art_date))
                    .flatten()
            });
            if let Some((end, found)) = found {
                mask(&mut masked, r.start..end);
                dateline = found;
                lede = Some(si);
            }
        }
    }
    MARKS.with(|m| *m.borrow_mut() = marks);
    (masked, dateline, lede)
}

/// Where the byline test's tokens are, as token indices in order: "(",
/// numbers with a ':' (clock times), credit marks.
#[derive(Default)]
struct Marks {
    parens: Vec<usize>,
    times: Vec<usize>,
    credits: Vec<usize>,
}

/// What [`mask_noise`] reads: the article's text and tokens, the lexicon.
struct Noise<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The tokens' word ids.
    ids: &'a [WordId],
    g: &'a Gazetteer,
    w: &'a ExtractWords,
}

impl Noise<'_> {
    /// The text of token `i`.
    #[inline]
    fn s(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    /// [`Gazetteer::lookup`] at token `st` of those before `end`, read off
    /// the word ids at hand.
    fn lookup(&self, st: usize, end: usize) -> Option<(usize, Known)> {
        if st >= end {
            return None;
        }
        (self.g).lookup_at(self.text, self.toks.get(..end)?, self.ids.get(..end)?, st)
    }

    /// Whether sentence `r` ends with a stop or a closing quote.
    fn ends_with_stop(&self, r: &Range<usize>) -> bool {
        matches!(self.s(r.end - 1), "." | "!" | "?" | "\"" | "\u{201d}")
    }

    /// Whether sentence `r` is a photo credit: "Photo: Name / Agency", "Photo by ...".
    #[inline]
    fn photo_credit(&self, r: &Range<usize>) -> bool {
        let b = |i: usize| self.toks[i].bytes(self.text);
        self.w.photo_headers.has_bytes(b(r.start))
            && r.len() > 1
            && self.w.photo_links.has_bytes(b(r.start + 1))
    }

    /// Whether sentence `r` is a byline, time stamp or credit line (a clock
    /// time and few lower-case words, or a credit mark); and its first "(".
    /// Read off the article's [`Marks`], not the tokens one by one
    /// ([`Noise::byline_plain`] is the plain form).
    #[inline]
    fn byline(&self, r: Range<usize>, marks: &Marks) -> (bool, Option<usize>) {
        let first_in = |v: &[usize]| {
            let k = v.partition_point(|&t| t < r.start);
            v.get(k).copied().filter(|&t| t < r.end)
        };
        let paren = first_in(&marks.parens);
        if first_in(&marks.credits).is_some() {
            return (true, paren);
        }
        // lower-case words are counted only where there is a clock time
        let has_time = first_in(&marks.times).is_some();
        (has_time && self.lower_words(r) < 4, paren)
    }

    /// The article's [`Marks`]: its bytes searched for '(', ':' and each
    /// credit mark, each hit kept where it is (part of) a token of its kind.
    #[cfg(test)]
    fn marks(&self) -> Marks {
        let mut marks = Marks::default();
        self.marks_into(&mut marks);
        marks
    }

    /// [`Noise::marks`] into `out` (another article's, emptied first).
    fn marks_into(&self, out: &mut Marks) {
        let bytes = self.text.as_bytes();
        // the token holding byte `p` (tokens cover no blanks)
        let holding = |p: usize| {
            let k = self.toks.partition_point(|t| (t.end as usize) <= p);
            self.toks
                .get(k)
                .filter(|t| t.start as usize <= p)
                .map(|t| (k, t))
        };
        // '(' and ':' in one pass
        let Marks {
            parens,
            times,
            credits,
        } = out;
        parens.clear();
        times.clear();
        credits.clear();
        for p in memchr::memchr2_iter(b'(', b':', bytes) {
            let Some((k, t)) = holding(p) else {
                continue;
            };
            if bytes[p] == b'(' {
                if t.end - t.start == 1 {
                    parens.push(k);
                }
            } else if t.kind == TokKind::Number {
                times.push(k);
            }
        }
        times.dedup();
        for m in self.w.credit_marks.iter() {
            let n = m.bytes().len();
            let exact = |(k, t): (usize, &Token)| {
                let kind_fits = t.kind != TokKind::Number && (t.kind == TokKind::Word) == m.word;
                (kind_fits && (t.end - t.start) as usize == n).then_some(k)
            };
            let at = m.finder.find_iter(bytes);
            credits.extend(
                at.filter_map(|p| holding(p).filter(|(_, t)| t.start as usize == p))
                    .filter_map(exact),
            );
        }
        credits.sort_unstable();
    }

    /// [`Noise::byline`] token by token: the plain version it is tested
    /// against.
    #[cfg(test)]
    fn byline_plain(&self, r: Range<usize>) -> (bool, Option<usize>) {
        let (mut has_time, mut credit_line, mut paren) = (false, false, None);
        for i in r.clone() {
            let t = &self.toks[i];
            match t.kind {
                TokKind::Number => has_time |= t.bytes(self.text).contains(&b':'),
                TokKind::Punct if paren.is_none() && t.bytes(self.text) == b"(" => paren = Some(i),
                _ => {}
            }
            let word = t.kind == TokKind::Word;
            credit_line |= t.kind != TokKind::Number
                && self
                    .w
                    .credit_marks
                    .iter()
                    .any(|m| m.word == word && m.bytes() == t.bytes(self.text));
        }
        (credit_line || (has_time && self.lower_words(r) < 4), paren)
    }

    /// The number of words in lower case among `r`.
    fn lower_words(&self, r: Range<usize>) -> usize {
        r.filter(|&i| {
            self.toks[i].kind == TokKind::Word
                && match self.toks[i].bytes(self.text).first() {
                    Some(c) if c.is_ascii() => c.is_ascii_lowercase(),
                    _ => self.s(i).chars().next().is_some_and(char::is_lowercase),
                }
        })
        .count()
    }

    /// Marks bracketed credits and markers among `r`, whose "(" tokens are
    /// among `parens` (the article's, in order).
    fn mask_brackets(&self, r: Range<usize>, parens: &[usize], masked: &mut [bool]) {
        let from = parens.partition_point(|&k| k < r.start);
        // past the last credit masked
        let mut i = r.start;
        for &k in &parens[from..] {
            if k >= r.end {
                break;
            }
            if k < i {
                continue;
            }
            if let Some(close) = (k + 1..r.end.min(k + 12)).find(|&x| self.s(x) == ")") {
                if self.is_credit(k + 1..close) {
                    mask(masked, k..close + 1);
                    i = close + 1;
                }
            }
        }
    }

    /// [`Noise::mask_brackets`] token by token: the plain version it is
    /// tested against.
    #[cfg(test)]
    fn mask_brackets_plain(&self, r: Range<usize>, masked: &mut [bool]) {
        let mut i = r.start;
        while i < r.end {
            if self.toks[i].bytes(self.text) == b"(" {
                if let Some(close) = (i + 1..r.end.min(i + 12)).find(|&k| self.s(k) == ")") {
                    if self.is_credit(i + 1..close) {
                        mask(masked, i..close + 1);
                        i = close + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// Whether the tokens `inner` of a pair of brackets are a credit or a
    /// marker: "Xinhua/Ahmad Kamal", "R", "AFP".
    fn is_credit(&self, inner: Range<usize>) -> bool {
        let n = inner.len();
        let mut words = inner.map(|k| self.s(k));
        words.clone().any(|w| w == "/")
            || (n <= 3
                && words
                    .clone()
                    .all(|w| w.len() <= 3 && !w.chars().any(char::is_lowercase))
                && !words
                    .clone()
                    .any(|w| w.len() >= 2 && w.chars().all(char::is_alphabetic)))
            || words.any(|w| self.w.agencies.has(w))
    }

    /// Whether token `i` is a word in capitals: "ISLAMABAD". Inline: most
    /// tokens have a lower-case ASCII letter first or second.
    #[inline]
    fn caps(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let b = t.bytes(self.text);
        let lower_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_lowercase);
        t.kind == TokKind::Word && !lower_at(0) && !lower_at(1) && self.caps_word(i)
    }

    /// [`Noise::caps`] of a word past its first two bytes' test.
    #[inline(never)]
    fn caps_word(&self, i: usize) -> bool {
        let b = self.toks[i].bytes(self.text);
        // an ASCII lower-case letter is lower case beyond ASCII too: most
        // words fail at their second letter
        if b.iter().any(u8::is_ascii_lowercase) {
            return false;
        }
        if b.is_ascii() {
            return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
        }
        let s = self.s(i);
        s.chars().all(|c| !c.is_lowercase()) && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }

    /// A dateline in title case at the start of sentence `r`: a known city
    /// (not a state), maybe a date and an agency, and a dash or colon
    /// ("New Delhi -", "Baku:", "Ulan Bator, May 17, 2015:").
    fn titled_dateline(
        &self,
        r: Range<usize>,
        art_date: Option<Date>,
    ) -> Option<(usize, Dateline)> {
        let st = r.start;
        // no '-', ':' or dash (U+2013 to U+2015: E2 80 ..) in its bytes: no
        // mark, and no lookup
        // (a word that begins no lexicon phrase: told without the search)
        if !self.g.begins(self.ids[st]) {
            return None;
        }
        let span = self.toks[st].start as usize..self.toks[r.end - 1].end as usize;
        memchr::memchr3(b'-', b':', 0xE2, self.text.as_bytes().get(span)?)?;
        let (len, place) = self.lookup(st, r.end)?;
        if !matches!(place, Known::Capital(_) | Known::Place(_)) {
            return None;
        }
        let (date, j) = self.dateline_date(st + len, r.end, art_date);
        let j = self.agency_after(j, r.end);
        let mark =
            j < r.end && matches!(self.s(j), "-" | ":" | "\u{2014}" | "\u{2013}" | "\u{2015}");
        mark.then_some((
            j + 1,
            Dateline {
                place: Some(place),
                date,
            },
        ))
    }

    /// Past an agency in brackets at token `j` ("(APP)", "(Reuters)").
    fn agency_after(&self, j: usize, end: usize) -> usize {
        if j < end && self.s(j) == "(" {
            if let Some(close) = (j + 1..end.min(j + 6)).find(|&x| self.s(x) == ")") {
                return close + 1;
            }
        }
        j
    }

    /// A dateline at the start of sentence `r`: CAPS [, CAPS] [, Month Day]
    /// [(Agency)] -- / -; where it ends and what it says.
    fn dateline(&self, r: Range<usize>, art_date: Option<Date>) -> Option<(usize, Dateline)> {
        let st = r.start;
        if st >= r.end || !self.caps(st) {
            return None;
        }
        let mut k = st;
        while k < r.end && self.caps(k) {
            k += 1;
        }
        let place = self.lookup(st, k).map(|x| x.1);
        let mut j = k;
        while j < r.end && self.s(j) == "," && j + 1 < r.end && self.caps(j + 1) {
            j += 2;
        }
        let (date, j) = self.dateline_date(j, r.end, art_date);
        let mut j = self.agency_after(j, r.end);
        let dashes = j;
        // "SYDNEY, March 17 ―", "AMMAN —"; a colon after a known place:
        // "VIENTIANE:", "ISLAMABAD, Feb 17 (APP):"
        while j < r.end && matches!(self.s(j), "-" | "\u{2014}" | "\u{2013}" | "\u{2015}") {
            j += 1;
        }
        if j == dashes && place.is_some() && j < r.end && self.s(j) == ":" {
            j += 1;
        }
        (j > dashes && (date.is_some() || place.is_some())).then_some((j, Dateline { place, date }))
    }

    /// ", Month Day[, Year]" at token `j` (before `end`): the date, in the
    /// year given or else of `art_date`, and the token after it.
    fn dateline_date(&self, j: usize, end: usize, art_date: Option<Date>) -> (Option<Date>, usize) {
        if j + 2 < end && self.s(j) == "," {
            if let Some(m) = month_number(self.s(j + 1)) {
                if let Ok(d) = self.s(j + 2).parse::<u8>() {
                    let mut y = art_date.map(|d| d.year).unwrap_or(2000);
                    let mut after = j + 3;
                    let year = (after + 1 < end && self.s(after) == ",")
                        .then(|| self.s(after + 1))
                        .filter(|t| t.len() == 4)
                        .and_then(|t| t.parse::<i32>().ok());
                    if let Some(given) = year {
                        y = given;
                        after += 2;
                    }
                    return (Date::new(y, m, d), after);
                }
            }
        }
        (None, j)
    }
}

/// How a mention is written: a person's name, else its words single-spaced
/// without a leading "the".
#[inline(never)]
fn surface<'a>(text: &'a str, toks: &[Token], m: &'a Mention) -> Cow<'a, str> {
    if let crate::extract::mention::What::Person { name, .. } = &m.what {
        return Cow::Borrowed(name);
    }
    // one token is written as it is (no blank inside, no "the "); more
    // are single-spaced, by the gaps between them (tokens hold no blanks)
    if m.end == m.start + 1 {
        return Cow::Borrowed(toks[m.start].text(text));
    }
    let s = crate::extract::mention::spaced_text(text, &toks[m.start..m.end]);
    if !(s.starts_with("the ") || s.starts_with("The ")) {
        return s;
    }
    match s {
        Cow::Borrowed(s) => Cow::Borrowed(&s[4..]),
        Cow::Owned(mut s) => {
            s.drain(..4);
            Cow::Owned(s)
        }
    }
}

/// The first stages of an article: tokens, sentences, masked noise, the
/// dateline, lower-case forms and the mentions of each sentence.
struct Front<'a> {
    toks: Vec<Token>,
    sentences: Vec<Sentence>,
    masked: Vec<bool>,
    dateline: Dateline,
    /// The sentence the dateline opens.
    lede: Option<usize>,
    lowers: Lowered,
    words: TokenWords,
    mentions: Mentions<'a>,
    /// Where "by" is in a title that makes the article a speech.
    speech_by: Option<usize>,
}

/// Buffers of one thread's extractions, used again article after article
/// (each emptied before it is filled: no extraction depends on another).
#[derive(Default)]
struct Scratch {
    masked: Vec<bool>,
    lowers: Lowered,
    finder: FinderBuffers,
    mentions: MentionBuffers,
    split: Split,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    /// The lists of [`Doc::relations`], used again article after article
    /// (each emptied before it is filled).
    static RELATIONS: std::cell::RefCell<relation::Scratch> = std::cell::RefCell::default();
    /// The lists of an article's [`TokenWords`], used again article after
    /// article (apart from [`Scratch`]: a bigger `Scratch` is moved by
    /// `memcpy`).
    static WORDS: std::cell::RefCell<TokenWords> = std::cell::RefCell::default();
    /// The [`Marks`] of [`mask_noise`], used again article after article.
    static MARKS: std::cell::RefCell<Marks> = std::cell::RefCell::default();
    /// The lists of [`Doc::records`], used again article after article.
    static RECORD_LISTS: std::cell::RefCell<RecordLists> = std::cell::RefCell::default();
}

/// The lists [`Doc::records`] works in (each emptied before it is filled).
#[derive(Default)]
struct RecordLists {
    /// Per entity, whether a record is made of it.
    used: Vec<bool>,
    /// The ids' sort keys, as [`id_ranks`] sorts them.
    keys: Vec<(u128, usize)>,
    /// Per entity, the place of its id among the ids sorted.
    rank: Vec<u32>,
    /// The entities of records, as [`entity_records`] orders them.
    order: Vec<usize>,
    /// Per rank, its record.
    of_rank: Vec<u32>,
    /// One entity's aliases, to sort.
    names: Vec<Span>,
}

/// This thread's [`Scratch`], taken (an empty one in its place).
fn scratch() -> Scratch {
    SCRATCH.with(|s| s.take())
}

/// Puts back this thread's [`Scratch`] for the next article.
fn put_back(s: Scratch) {
    SCRATCH.with(|x| *x.borrow_mut() = s);
}

fn front<'a>(g: &Gazetteer, article: &'a Article) -> Front<'a> {
    let text = article.text.as_str();
    let mut buffers = scratch();
    split_into(article, &mut buffers.split);
    let toks = std::mem::take(&mut buffers.split.tokens);
    let sentences = std::mem::take(&mut buffers.split.sentences);
    let lowers = std::mem::take(&mut buffers.lowers).refill(text, &toks);
    let words = g.token_words_in(text, &toks, &lowers, WORDS.with(|w| w.take()));
    let masked = std::mem::take(&mut buffers.masked);
    let (masked, dateline, lede) =
        mask_noise(text, &toks, &words.ids, &sentences, g, article.date, masked);
    let (mentions, speech_by) = {
        let within = std::mem::take(&mut buffers.finder);
        let finder = Finder::new(g, text, &toks, &lowers, &words, &sentences, within);
        let lists = std::mem::take(&mut buffers.mentions);
        let mentions = Mentions::find_in(&finder, &sentences, &masked, lists);
        let speech_by = finder.speech_by;
        buffers.finder = finder.into_buffers();
        (mentions, speech_by)
    };
    put_back(buffers);
    Front {
        toks,
        sentences,
        masked,
        dateline,
        lede,
        lowers,
        words,
        mentions,
        speech_by,
    }
}

/// The mentions of each sentence of an article: the stages before entity
/// resolution (tokens, sentences, noise, lexicon lookup), on their own for
/// benchmarks and tools.
pub fn mentions<'a>(g: &Gazetteer, article: &'a Article) -> Mentions<'a> {
    front(g, article).mentions
}

/// A relation found in a sentence, with the sentence's date and its topics
/// (their place in the list [`Doc::relations`] gives with them).
type Found = (usize, Relation, Option<Date>, usize);

/// An article past its first stages, with the lexicon: what the later
/// stages read.
struct Doc<'a> {
    g: &'a Gazetteer,
    article: &'a Article,
    text: &'a str,
    toks: &'a [Token],
    sentences: &'a [Sentence],
    masked: &'a [bool],
    lowers: &'a Lowered,
    words: &'a TokenWords,
    w: &'a ExtractWords,
    /// The sentence the dateline opens.
    lede: Option<usize>,
}

/// Sentences after the dateline's whose meetings took place where it says.
const LEDE_SENTENCES: usize = 2;

/// Whose speech the article is: in its first sentence (the title) a
/// speech word, "by" and a person ("Remarks by President Jacob Zuma at
/// ..."): that person's mention, as (sentence, index).
fn speech_by(front: &Front) -> Option<(usize, usize)> {
    let by = front.speech_by?;
    let ms = front.mentions.sentence(0);
    let mi = ms.iter().position(|m| m.start > by && m.start <= by + 4)?;
    matches!(ms[mi].what, crate::extract::mention::What::Person { .. }).then_some((0, mi))
}

/// Extracts the entities and edges of one article. Pure: the same article
/// and lexicon always give the same records.
pub fn extract(g: &Gazetteer, article: &Article) -> Extraction {
    records(g, article).extraction(article)
}

/// What [`extract`] finds, before its edges get their strings: the form a
/// build merges (with the article, [`crate::model::Extracted`]).
pub fn records(g: &Gazetteer, article: &Article) -> Records {
    let mut front = front(g, article);
    let speaker = speech_by(&front);
    // the mentions apart: recycled right after resolution, while in cache
    let mentions = std::mem::take(&mut front.mentions);
    let doc = Doc::new(g, article, &front);
    let ctx_country = match front.dateline.place {
        Some(Known::Capital(c)) | Some(Known::Country(c)) => Some(c),
        Some(Known::Place(p)) => g.places[p as usize].country,
        _ => None,
    };
    let mut res = resolve(
        g,
        &mentions,
        &|m| surface(doc.text, doc.toks, m),
        &|m| doc.reporting_next(m),
        ctx_country,
        article.date,
        speaker,
    );
    let mention_lists = mentions.into_buffers();
    if let Some(place) = front.dateline.place {
        res.dateline_place(g, place);
    }
    let host = ctx_country.map(|c| res.country(g, c));
    let base = front.dateline.date.or(article.date);
    let sides = doc.sides(&res);
    let compound = doc.compounds(&mut res);
    let (rels, topics) = doc.relations(&res, sides, host, base, &compound);
    let x = doc.records(res, rels, topics);
    // the article's buffers, for the next one
    let mut buffers = scratch();
    buffers.masked = front.masked;
    buffers.lowers = front.lowers;
    WORDS.with(|w| *w.borrow_mut() = front.words);
    buffers.mentions = mention_lists;
    buffers.split.tokens = front.toks;
    buffers.split.sentences = front.sentences;
    put_back(buffers);
    x
}

impl<'a> Doc<'a> {
    fn new(g: &'a Gazetteer, article: &'a Article, f: &'a Front<'a>) -> Doc<'a> {
        Doc {
            g,
            article,
            text: article.text.as_str(),
            toks: &f.toks,
            sentences: &f.sentences,
            masked: &f.masked,
            lowers: &f.lowers,
            words: &f.words,
            w: &g.extract_words,
            lede: f.lede,
        }
    }

    /// The text of token `i`.
    #[inline]
    fn s(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// "Alvi said", "said Alvi": whether mention `m`, an unknown word, is
    /// next to a reporting verb (not a word in capitals, not a headline
    /// word before "adds").
    fn reporting_next(&self, m: &Mention) -> bool {
        let word = self.s(m.start);
        if word.chars().all(|c| !c.is_lowercase()) {
            return false;
        }
        let strong = |k: usize| self.w.reporting_after.has(&self.lowers[k]);
        let after = (m.end..(m.end + 2).min(self.toks.len())).any(strong);
        let before = m.start > 0 && self.reporting_at(m.start - 1);
        after || before
    }

    /// The article's two sides: two people or states of two states named
    /// together ("Abe and Putin"), else its two most mentioned countries,
    /// until a meeting says who; and whether they met.
    fn sides(&self, res: &Resolution) -> (Option<(usize, usize)>, bool) {
        if let Some((a, b, persons)) = self.named_together(res) {
            return (Some((a, b)), persons);
        }
        // the two most mentioned, the first met among as many: no list sorted
        let (mut first, mut second) = (None::<(usize, usize)>, None::<(usize, usize)>);
        let countries = res.entities.iter().enumerate();
        for (i, e) in countries.filter(|(_, e)| e.kind == EntityKind::Country) {
            if first.is_none_or(|(m, _)| e.mentions > m) {
                (first, second) = (Some((e.mentions, i)), first);
            } else if second.is_none_or(|(m, _)| e.mentions > m) {
                second = Some((e.mentions, i));
            }
        }
        (first.zip(second).map(|(a, b)| (a.1, b.1)), false)
    }

    /// "Abe and Putin", "X and Y held talks": the first two people, or
    /// states, of two states named together; whether they are people.
    fn named_together(&self, res: &Resolution) -> Option<(usize, usize, bool)> {
        for ms in res.sentences() {
            for w in ms.windows(2) {
                let (Ref::Entity(a), Ref::Entity(b)) = (w[0].r, w[1].r) else {
                    continue;
                };
                // "and" right between them: syntax, not a word list
                let and_between =
                    w[1].start == w[0].end + 1 && self.toks[w[0].end].bytes(self.text) == b"and";
                if !and_between || a == b {
                    continue;
                }
                let (ka, kb) = (res.entities[a].kind, res.entities[b].kind);
                let persons = ka == EntityKind::Person && kb == EntityKind::Person;
                let states = ka == EntityKind::Country
                    && kb == EntityKind::Country
                    && !w[0].weak
                    && !w[1].weak;
                let apart = match (res.role_country(a), res.role_country(b)) {
                    (Some(x), Some(y)) => x != y,
                    _ => states,
                };
                if (persons || states) && apart {
                    return Some((a, b, persons));
                }
            }
        }
        None
    }

    /// The relations hyphenated words make, by sentence: "Iranian-backed
    /// militia" (support), "the China-ASEAN summit" (a meeting of the two).
    fn compounds(&self, res: &mut Resolution) -> Vec<(usize, Relation)> {
        let mut compound = Vec::new();
        let mut hyphen = NextHyphen::new();
        for (si, sent) in self.sentences.iter().enumerate() {
            // most sentences have no hyphen at all: one search over the
            // article, from hyphen to hyphen, tells
            if !hyphen.within(self.text, sent.start, sent.end) {
                continue;
            }
            let mut next = sent.tokens.start;
            while let Some(i) = hyphen.token_in(self.text, self.toks, next..sent.tokens.end) {
                next = i + 1;
                if self.masked[i] {
                    continue;
                }
                let word = self.s(i);
                if let Some((backer, how)) = word.rsplit_once('-') {
                    if self.w.backing_suffixes.has(how) {
                        compound.extend(self.backing(res, si, i, backer));
                        continue;
                    }
                }
                if self.meeting_after(i, sent.tokens.end) {
                    compound.extend(self.compound_meeting(res, si, word));
                }
            }
        }
        compound
    }

    /// "Iranian-backed Houthi militia" at token `i` of sentence `si`:
    /// support of the backer's state for the entity named right after.
    fn backing(
        &self,
        res: &mut Resolution,
        si: usize,
        i: usize,
        backer: &str,
    ) -> Option<(usize, Relation)> {
        let state = match self.g.lookup_word(backer) {
            Some(Known::Country(c) | Known::Demonym(c)) => Some(res.country(self.g, c)),
            _ => None,
        };
        let backed = res
            .sentence(si)
            .iter()
            .find(|m| m.start > i)
            .and_then(|m| match m.r {
                Ref::Entity(e) if m.start <= i + 3 => Some(e),
                _ => None,
            });
        let (a, b) = (state?, backed?);
        if a == b {
            return None;
        }
        res.entities[a].mentions += 1;
        Some((si, compound_relation(EdgeKind::Support, "050", a, b)))
    }

    /// Whether a meeting noun ("summit") is among the four unmasked tokens
    /// after token `i`, before `end`.
    fn meeting_after(&self, i: usize, end: usize) -> bool {
        (i + 1..end)
            .filter(|&k| !self.masked[k])
            .take(4)
            .any(|k| self.listed(k, list::MEETING_NOUNS, &self.w.meeting_nouns))
    }

    /// Whether token `k` is a word of `words`, the relation rules' list
    /// `bit`: an ASCII token by its word id, another by its lower case.
    #[inline]
    fn listed(&self, k: usize, bit: u32, words: &List) -> bool {
        match self.lowers.is_ascii(k) {
            true => {
                let id = self.words.ids.get(k).copied().unwrap_or(NO_WORD);
                self.g.relation_words.has(id, bit)
            }
            false => words.has(&self.lowers[k]),
        }
    }

    /// "the China-ASEAN summit": a meeting of the two a hyphenated `word`
    /// of sentence `si` joins, when both are countries or organizations.
    fn compound_meeting(
        &self,
        res: &mut Resolution,
        si: usize,
        word: &str,
    ) -> Option<(usize, Relation)> {
        // every part is looked up (and its entity made), the first two kept
        let (mut parts, mut first) = (0, [None, None]);
        for p in word.split('-') {
            let e = match self.g.lookup_word(p) {
                Some(Known::Country(c)) => Some(res.country(self.g, c)),
                Some(Known::Org(o)) => {
                    let n = &self.g.orgs[o as usize];
                    Some(res.named(EntityKind::Organization, &n.name, n.country))
                }
                _ => None,
            };
            if let Some(slot) = first.get_mut(parts) {
                *slot = e;
            }
            parts += 1;
        }
        let (2, [Some(a), Some(b)]) = (parts, first) else {
            return None;
        };
        if a == b {
            return None;
        }
        for e in [a, b] {
            res.entities[e].mentions += 1;
        }
        let relation = compound_relation(EdgeKind::Meeting, "040", a.min(b), a.max(b));
        Some((si, relation))
    }

    /// The relations of each sentence with its date and topics, and the
    /// topics of each sentence with relations, once; the two `sides` (and
    /// whether they met) become the first two who meet.
    fn relations(
        &self,
        res: &Resolution,
        (mut pair, mut met): (Option<(usize, usize)>, bool),
        host: Option<usize>,
        base: Option<Date>,
        compound: &[(usize, Relation)],
    ) -> (Vec<Found>, Vec<Vec<String>>) {
        // a sentence has a topic list when it has relations: room for all at once
        let n = self.sentences.len();
        let (mut rels, mut topics): (Vec<Found>, Vec<Vec<String>>) =
            (Vec::with_capacity(n), Vec::with_capacity(n));
        // one set of buffers for each sentence's relations in turn (this
        // thread's, from article to article)
        RELATIONS.with(|b| {
            let bufs = &mut *b.borrow_mut();
            bufs.found.clear();
            for (si, sent) in self.sentences.iter().enumerate() {
                // with neither a mention nor a compound, a sentence has no relation
                if res.sentence(si).is_empty() && compound.iter().all(|(c, _)| *c != si) {
                    continue;
                }
                self.sentence_relations(res, si, (pair, met), host, compound, bufs);
                let found = &mut bufs.found;
                if found.is_empty() {
                    continue;
                }
                let date = self
                    .sentence_date(sent.tokens.clone(), base)
                    .or(self.article.date);
                let tops = self.g.topics.named(
                    (self.text, self.toks, self.lowers, self.words),
                    sent.tokens.clone(),
                );
                for r in found.drain(..) {
                    if r.kind == EdgeKind::Meeting && !met {
                        let ks = (res.entities[r.source].kind, res.entities[r.target].kind);
                        if ks.0 == EntityKind::Person
                            || ks.1 == EntityKind::Person
                            || ks == (EntityKind::Country, EntityKind::Country)
                        {
                            pair = Some((r.source, r.target));
                            met = true;
                        }
                    }
                    rels.push((si, r, date, topics.len()));
                }
                topics.push(tops);
            }
        });
        (rels, topics)
    }

    /// The relations of sentence `si` into `bufs.found` (empty): those its cues
    /// make, the compounds in it, and a meeting of two people who sign together.
    fn sentence_relations(
        &self,
        res: &Resolution,
        si: usize,
        sides: (Option<(usize, usize)>, bool),
        host: Option<usize>,
        compound: &[(usize, Relation)],
        bufs: &mut relation::Scratch,
    ) {
        let ctx = relation::Sentence {
            g: self.g,
            text: self.text,
            toks: self.toks,
            range: self.sentences[si].tokens.clone(),
            masked: self.masked,
            mentions: res.sentence(si),
            lowers: self.lowers,
            words: self.words,
        };
        relation::relations(&ctx, res, sides, host, bufs);
        let found = &mut bufs.found;
        for (csi, r) in compound {
            if *csi == si
                && !found
                    .iter()
                    .any(|o| o.kind == r.kind && o.source == r.source && o.target == r.target)
            {
                found.push(r.clone());
            }
        }
        // no relation, no meeting nor visit implied
        if found.is_empty() {
            return;
        }
        // two people who sign together have met
        let signings: Vec<Relation> = found
            .iter()
            .filter(|r| {
                r.kind == EdgeKind::Agreement
                    && !r.apart
                    && res.entities[r.source].kind == EntityKind::Person
                    && res.entities[r.target].kind == EntityKind::Person
            })
            .cloned()
            .collect();
        for mut r in signings {
            if !found.iter().any(|o| {
                o.kind == EdgeKind::Meeting && o.source == r.source && o.target == r.target
            }) {
                r.kind = EdgeKind::Meeting;
                r.cameo = EdgeKind::Meeting.default_cameo().to_string();
                found.push(r);
            }
        }
        // the dateline says where the lede's meetings were, not later ones
        // "on the sidelines of the summit": somewhere else
        // (sought only when a meeting has no other clue to where it was)
        let lede = self.lede.is_some_and(|l| si <= l + LEDE_SENTENCES);
        let dateline = || host.filter(|_| lede && !self.third_venue(si));
        visit::implied(res, &self.g.extract_words, dateline, found);
    }

    /// Whether sentence `si` puts its meetings in a third place ("on the
    /// sidelines of").
    fn third_venue(&self, si: usize) -> bool {
        let r = self.sentences[si].tokens.clone();
        r.into_iter()
            .any(|k| !self.masked[k] && self.listed(k, list::THIRD_VENUES, &self.w.third_venues))
    }

    /// The date sentence `r` names ("on Friday", "on May 5, 2023", "June
    /// 10"), resolved against `base`.
    #[inline(never)]
    fn sentence_date(&self, r: Range<usize>, base: Option<Date>) -> Option<Date> {
        // only a date word (a month, a weekday, "today") starts a date:
        // the first and last not masked are kept for the second look
        let mut days: Option<(usize, usize)> = None;
        let month = self.date_words(r.clone(), |i| {
            days = Some((days.map_or(i, |(first, _)| first), i));
            let m = month_number(self.s(i))?;
            self.month_date(&r, i, m, base)
        });
        if month.is_some() {
            return month;
        }
        let base = base?;
        let (first, last) = days?;
        let (start, end) = (r.start, r.end);
        self.date_words(first..last + 1, |i| {
            let w = self.s(i);
            if let Some(wd) = weekday_number(w) {
                // "will travel on Wednesday", "On Wednesday, X will travel": the next one
                let ahead =
                    self.future_in(start..i) || i <= start + 1 && self.future_after(i + 1..end);
                return Some(match ahead {
                    true => base.next_weekday(wd),
                    false => base.last_weekday(wd),
                });
            }
            self.w.relative_day(w, base)
        })
    }

    /// The first `Some` that `f` gives of the tokens of `r` not masked that
    /// may be date words, in order: told by their class bits, 64 at a time.
    #[inline]
    fn date_words<T>(&self, r: Range<usize>, mut f: impl FnMut(usize) -> Option<T>) -> Option<T> {
        // a masked token is not given to `f` (which notes what it is given)
        let unmasked = |i: usize| match self.masked[i] {
            true => None,
            false => f(i),
        };
        self.words.find_in(r, class::DATE, unmasked)
    }

    /// Whether a future word comes in `r` (after a weekday opening its
    /// sentence) before any reporting verb ("X will travel", not "X said").
    fn future_after(&self, r: Range<usize>) -> bool {
        for k in r {
            if self.reporting_at(k) {
                return false;
            }
            if self.future_in(k..k + 1) {
                return true;
            }
        }
        false
    }

    /// Whether one of tokens `r` is a future word ("will", "scheduled").
    fn future_in(&self, r: Range<usize>) -> bool {
        r.into_iter()
            .any(|k| self.listed(k, list::FORWARD_DAYS, &self.w.forward_days))
    }

    /// Whether token `k` is a reporting verb ("said", "stressed").
    fn reporting_at(&self, k: usize) -> bool {
        self.words.may_be(k, class::REPORTING) && self.g.reporting.contains(&self.lowers[k])
    }

    /// The date month `m`, named at token `i` of sentence `r`, is part of:
    /// Month Day[, Year] or Day Month [Year].
    fn month_date(&self, r: &Range<usize>, i: usize, m: u8, base: Option<Date>) -> Option<Date> {
        let number_next = i + 1 < r.end && self.toks[i + 1].kind == TokKind::Number;
        let number_before = i > r.start && self.toks[i - 1].kind == TokKind::Number;
        if !number_next && !number_before && self.w.months_needing_day.has(self.s(i)) {
            return None;
        }
        // a day of the month: "5", "5th"
        let day_at = |k: usize| {
            let day = self.s(k).trim_end_matches(|c: char| c.is_alphabetic());
            day.parse::<u8>().ok()
        };
        if let Some(d) = (i + 1 < r.end).then(|| day_at(i + 1)).flatten() {
            if let Some(dt) = self.day_in_year(r, i, m, d, i + 2, base) {
                return Some(dt);
            }
        }
        // Day Month [Year]: "3 February", "24 September 2023", "3rd June"
        let d = number_before.then(|| day_at(i - 1)).flatten()?;
        self.day_in_year(r, i, m, d, i + 1, base)
    }

    /// Day `d` of month `m` (named at token `i` of sentence `r`) in the year
    /// at token `k` (after a comma) if one is there, else in `base`'s year
    /// (the year before when later, but after a future word).
    fn day_in_year(
        &self,
        r: &Range<usize>,
        i: usize,
        m: u8,
        d: u8,
        mut k: usize,
        base: Option<Date>,
    ) -> Option<Date> {
        let end = r.end;
        if k < end && self.s(k) == "," {
            k += 1;
        }
        let year = (k < end)
            .then(|| self.s(k).get(..4).unwrap_or("").parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..2200).contains(y));
        let y = year.or(base.map(|b| b.year))?;
        let dt = Date::new(y, m, d)?;
        // no year given and later than the article: last year, but for a
        // date to come ("will visit from June 21")
        if year.is_none() && base.is_some_and(|b| dt > b) && !self.future_in(r.start..i) {
            return Date::new(y - 1, m, d).or(Some(dt));
        }
        Some(dt)
    }

    /// The records of the article: the edges of the relations found, of the
    /// roles people hold and of the places of countries; the entities they
    /// or mentions name. Edges are drafted by index, sorted and thinned;
    /// none gets its strings here ([`Records::extraction`] makes them).
    fn records(&self, mut res: Resolution, rels: Vec<Found>, topics: Vec<Vec<String>>) -> Records {
        let mut l = RECORD_LISTS.with(|l| l.take());
        let (used, rank) = (&mut l.used, &mut l.rank);
        used.clear();
        used.extend(res.entities.iter().map(|e| e.mentions > 0));
        let mut drafts: Vec<EdgeDraft> = Vec::with_capacity(rels.len() + res.entities.len());
        let (text, ids) = (res.record_text(), res.ids());
        id_ranks(&text, &ids, &mut l.keys, rank);
        for (si, r, date, tops) in rels {
            let (mut s, mut t) = (r.source, r.target);
            if !r.kind.is_directed() && rank[s] > rank[t] {
                std::mem::swap(&mut s, &mut t);
            }
            drafts.push(EdgeDraft {
                kind: r.kind,
                cameo: r.cameo,
                date,
                speaker: r.speaker,
                place: r.place,
                topics: Some(tops),
                planned: r.planned,
                ..self.draft(s, t, si)
            });
            used[s] = true;
            used[t] = true;
        }
        // roles and locations
        for pi in 0..res.entities.len() {
            if res.entities[pi].mentions > 0 {
                self.role_edges(&mut res, pi, used, &mut drafts);
            }
        }
        self.sort_drafts(&mut drafts, rank);
        let lists = (&mut l.order, &mut l.of_rank, &mut l.names);
        let (entities, aliases, slot) = entity_records(res, &text, used, rank, lists);
        RECORD_LISTS.with(|x| *x.borrow_mut() = l);
        Records {
            text,
            ids,
            entities,
            aliases,
            slot,
            edges: drafts,
            topics,
        }
    }

    /// A draft of a plain edge from entity `source` to `target`, found in
    /// sentence `si`: no cameo, date, speaker, place, topics nor role.
    fn draft(&self, source: usize, target: usize, si: usize) -> EdgeDraft {
        let s = &self.sentences[si];
        EdgeDraft {
            source,
            target,
            kind: EdgeKind::Role,
            cameo: String::new(),
            date: None,
            speaker: None,
            place: None,
            topics: None,
            role: None,
            planned: false,
            former: false,
            sentence: s.index,
            start: s.start,
            end: s.end,
        }
    }

    /// The drafts of the roles entity `pi` holds (their titles moved out)
    /// and, for a place, of the country it lies in; each entity they lead
    /// to is `used`.
    fn role_edges(
        &self,
        res: &mut Resolution,
        pi: usize,
        used: &mut [bool],
        drafts: &mut Vec<EdgeDraft>,
    ) {
        let edge = |target: usize, kind: EdgeKind, si: usize| EdgeDraft {
            kind,
            ..self.draft(pi, target, si)
        };
        // the records need the titles no more
        for role in std::mem::take(&mut res.entities[pi].roles) {
            if let Some(of) = role.of {
                drafts.push(EdgeDraft {
                    date: self.article.date,
                    role: Some(role.title),
                    former: role.former,
                    ..edge(of, EdgeKind::Role, role.sentence)
                });
                used[of] = true;
            }
        }
        let e = &res.entities[pi];
        let Some(c) = e.country.filter(|_| e.kind == EntityKind::Place) else {
            return;
        };
        if let Some(ci) = res
            .entities
            .iter()
            .position(|x| x.kind == EntityKind::Country && x.country == Some(c) && x.mentions > 0)
        {
            // the sentence of its first mention; 0 for one only the
            // dateline names
            let first = e.first_sentence;
            let si = if first == usize::MAX { 0 } else { first };
            drafts.push(edge(ci, EdgeKind::LocatedIn, si));
        }
    }

    /// Sorts edge drafts by kind, ends (by the `rank` of their ids) and
    /// sentence, one of each (the first), and drops those a sentence stated
    /// earlier repeats ([`drop_repeated_sentences`]).
    fn sort_drafts(&self, drafts: &mut Vec<EdgeDraft>, rank: &[u32]) {
        let key = |d: &EdgeDraft| (d.kind, rank[d.source], rank[d.target]);
        drafts.sort_by_key(|d| (key(d), d.sentence));
        drafts.dedup_by(|a, b| (key(a), a.sentence) == (key(b), b.sentence));
        let text = |d: &EdgeDraft| self.text.get(d.start..d.end).unwrap_or_default();
        drop_repeated_sentences(drafts, |a, b| key(a) == key(b), text);
    }

    /// The trace of sentence `si` ([`explain`]): its masked tokens,
    /// `mentions`, cues and the edges of `x` it is the evidence of.
    fn explain_sentence(
        &self,
        si: usize,
        mentions: &[Mention],
        x: &Extraction,
    ) -> trace::SentenceTrace {
        let (text, toks) = (self.text, self.toks);
        let s = &self.sentences[si];
        let spaced = text[s.start..s.end].split_whitespace();
        let masked = s
            .tokens
            .clone()
            .filter(|&i| self.masked[i])
            .map(|i| self.s(i).to_string())
            .collect();
        let span = |a: usize, b: usize| &text[toks[a].start as usize..toks[b - 1].end as usize];
        let mentions = mentions
            .iter()
            .map(|mm| trace::MentionTrace {
                text: span(mm.start, mm.end).to_string(),
                names: trace::what(self.g, &mm.what),
            })
            .collect();
        let ctx = relation::Sentence {
            g: self.g,
            text,
            toks,
            range: s.tokens.clone(),
            masked: self.masked,
            mentions: &[],
            lowers: self.lowers,
            words: self.words,
        };
        let cues = ctx
            .cues()
            .into_iter()
            .map(|c| {
                // the frame says how the cue's agent and partner are found
                let entry = &self.g.cues[c.cue];
                let cameo = match entry.cameo.as_str() {
                    "" => entry.kind.default_cameo(),
                    c => c,
                };
                trace::CueTrace {
                    text: span(c.start, c.end).to_string(),
                    kind: entry.kind,
                    frame: match entry.received {
                        // the partner gives: "secured a loan from India"
                        true => format!("{:?}, received", entry.frame),
                        false => format!("{:?}", entry.frame),
                    },
                    cameo: cameo.to_string(),
                }
            })
            .collect();
        trace::SentenceTrace {
            index: si,
            text: spaced.collect::<Vec<_>>().join(" "),
            masked,
            mentions,
            cues,
            edges: trace::edges(x, s.index),
        }
    }
}

/// The first hyphen of a text at or after some place, sought again only
/// when asked about a place past it (or before where it was sought): most
/// tokens are told they hold none by two comparisons.
struct NextHyphen {
    /// Where the search began.
    from: usize,
    /// The first hyphen at or after `from` (`usize::MAX`: none).
    at: usize,
}

impl NextHyphen {
    /// None sought yet.
    fn new() -> NextHyphen {
        NextHyphen {
            from: usize::MAX,
            at: usize::MAX,
        }
    }

    /// Whether bytes `a..b` of `text` hold a hyphen.
    fn within(&mut self, text: &str, a: usize, b: usize) -> bool {
        if a < self.from || a > self.at {
            let rest = text.as_bytes().get(a..).unwrap_or_default();
            self.from = a;
            self.at = memchr::memchr(b'-', rest).map_or(usize::MAX, |p| a + p);
        }
        self.at < b
    }

    /// The first of tokens `r` of `text` (in text order) whose bytes hold a
    /// hyphen: those that end before the next hyphen are passed over.
    fn token_in(&mut self, text: &str, toks: &[Token], r: Range<usize>) -> Option<usize> {
        let mut i = r.start;
        while i < r.end {
            let t = toks.get(i)?;
            if self.within(text, t.start as usize, t.end as usize) {
                return Some(i);
            }
            // past the tokens that end before the next hyphen (their ends rise)
            i += 1;
            let rest = toks.get(i..r.end).unwrap_or_default();
            i += rest.partition_point(|t| t.end as usize <= self.at);
        }
        None
    }
}

/// A relation a hyphenated word makes, of no speaker nor place.
fn compound_relation(kind: EdgeKind, cameo: &str, source: usize, target: usize) -> Relation {
    Relation {
        kind,
        cameo: cameo.into(),
        source,
        target,
        speaker: None,
        place: None,
        planned: false,
        apart: false,
        no_visit: false,
    }
}

/// The place of each of `ids` (spans of `text`) among them sorted, the
/// same for the same id, into `rank`: what edges are sorted by, compared as
/// numbers (`order`: a scratch list).
fn id_ranks(text: &str, ids: &[Span], order: &mut Vec<(u128, usize)>, rank: &mut Vec<u32>) {
    // by their first sixteen bytes as numbers; whole where those tie
    let key = |i: usize| crate::bytes::prefix_key(ids[i].of(text).as_bytes());
    order.clear();
    order.extend((0..ids.len()).map(|i| (key(i), i)));
    let cmp = |a: &(u128, usize), b: &(u128, usize)| {
        (a.0.cmp(&b.0)).then_with(|| ids[a.1].of(text).cmp(ids[b.1].of(text)))
    };
    order.sort_unstable_by(cmp);
    rank.clear();
    rank.resize(ids.len(), 0);
    let mut r = 0u32;
    for (k, x) in order.iter().enumerate() {
        if k > 0 && cmp(&order[k - 1], x).is_ne() {
            r += 1;
        }
        rank[x.1] = r;
    }
}

/// Drops the edges a sentence stated earlier in the article repeats word
/// for word (a headline repeated as the body's first line): the same kind,
/// ends and sentence text count once, at their first sentence. `edges` are
/// sorted by kind, ends and sentence; `same_ends` tells two of the same
/// kind and ends, `text` an edge's sentence.
fn drop_repeated_sentences<'t, E>(
    edges: &mut Vec<E>,
    same_ends: impl Fn(&E, &E) -> bool,
    text: impl Fn(&E) -> &'t str,
) {
    // made at the first edge to drop: most articles have none
    let mut keep: Vec<bool> = Vec::new();
    // a sentence is compared with those kept before it; most differ
    // in their first words
    let mut kept: Vec<&str> = Vec::new();
    let mut start = 0;
    while start < edges.len() {
        let end = start
            + edges[start..]
                .iter()
                .take_while(|e| same_ends(e, &edges[start]))
                .count();
        // an edge alone with its ends repeats nothing: most are
        if end - start == 1 {
            start = end;
            continue;
        }
        kept.clear();
        for (i, e) in edges[start..end].iter().enumerate() {
            let t = text(e);
            if kept.iter().any(|k| same_words(k, t)) {
                keep.resize(edges.len(), true);
                keep[start + i] = false;
            } else {
                kept.push(t);
            }
        }
        start = end;
    }
    if keep.is_empty() {
        return;
    }
    let mut at = keep.into_iter();
    edges.retain(|_| at.next().unwrap_or(true));
}

/// The records of the `used` entities (by the places of their ids among
/// them sorted, `rank`): sorted by id, one per id (the last made, as a map
/// by id keeps); their aliases, each one's a run, spans of `text`
/// ([`Resolution::record_text`]); and per entity, the record of its id
/// ([`NO_RECORD`] if none).
fn entity_records(
    res: Resolution,
    text: &str,
    used: &[bool],
    rank: &[u32],
    (order, of_rank, names): (&mut Vec<usize>, &mut Vec<u32>, &mut Vec<Span>),
) -> (Vec<EntityDraft>, Vec<Span>, Vec<u32>) {
    // the entities in the records' order: by rank, the last used one made
    // of each (no sort: the ranks are the places)
    order.clear();
    order.resize(rank.len(), usize::MAX);
    for i in (0..res.entities.len()).filter(|&i| used[i]) {
        order[rank[i] as usize] = i;
    }
    order.retain(|&i| i != usize::MAX);
    // each rank's record, then each entity's
    of_rank.clear();
    of_rank.resize(rank.len(), NO_RECORD);
    for (k, &i) in order.iter().enumerate() {
        of_rank[rank[i] as usize] = k as u32;
    }
    let slot = rank.iter().map(|&r| of_rank[r as usize]).collect();
    // room for every alias of the article: one allocation
    let mut aliases: Vec<Span> = Vec::with_capacity(res.alias_count());
    let mut entities: Vec<EntityDraft> = Vec::with_capacity(order.len());
    for &i in order.iter() {
        let e = &res.entities[i];
        let from = aliases.len();
        names.clear();
        names.extend(res.alias_spans(e));
        names.sort_unstable_by(|a, b| a.of(text).cmp(b.of(text)));
        aliases.extend_from_slice(names);
        let (name, code) = res.strings(e);
        let run = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        entities.push(EntityDraft {
            id: i,
            name,
            kind: e.kind,
            aliases: (run(from), run(aliases.len())),
            code,
        });
    }
    (entities, aliases, slot)
}

/// A human-readable trace of the extraction of one article: each sentence
/// with the mentions found, what they resolved to, and the relations made.
/// It answers "why is this edge here?" (and why another is not).
pub fn explain(g: &Gazetteer, article: &Article) -> String {
    explanation(g, article).to_text()
}

/// How one article is read, as a structure ([`explain`] prints it as text;
/// `ties explain --json` as JSON).
pub fn explanation(g: &Gazetteer, article: &Article) -> trace::Explanation {
    let front = front(g, article);
    let doc = Doc::new(g, article, &front);
    let x = extract(g, article);
    let place = front.dateline.place.map(|k| trace::known(g, k));
    let when = front.dateline.date.map(|d| d.to_string());
    let dateline = match (place, when) {
        (None, None) => None,
        (p, d) => Some([p, d].into_iter().flatten().collect::<Vec<_>>().join(", ")),
    };
    trace::Explanation {
        article: article.id.clone(),
        date: article.date,
        dateline,
        sentences: (0..front.sentences.len())
            .map(|si| doc.explain_sentence(si, front.mentions.sentence(si), &x))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges_of(text: &str) -> Vec<String> {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let a = Article::parse("t", text).unwrap();
        extract(&g, &a)
            .edges
            .iter()
            .filter(|e| e.kind.is_event())
            .map(|e| format!("{} {} {}", e.source, e.kind, e.target))
            .collect()
    }

    #[test]
    fn an_extraction_owes_nothing_to_the_article_before() {
        // the thread's buffers are used again: a long article, then a short
        // one, must give what the short one gives on its own
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let short = Article::parse("s", " date 2023-05-06 Qin meets Alvi\n\nISLAMABAD, May 6 (Xinhua) -- Pakistani President Arif Alvi met Chinese Foreign Minister Qin Gang.").unwrap();
        let long = Article::parse("l", format!(" date 2020-01-02 Talks\n\n{}", "Indian Prime Minister Narendra Modi (R) met French President Emmanuel Macron in Paris, Modi said. ".repeat(30))).unwrap();
        let alone = std::thread::scope(|s| s.spawn(|| extract(&g, &short)).join().unwrap());
        extract(&g, &long);
        assert_eq!(extract(&g, &short), alone);
    }

    #[test]
    fn an_extraction_owes_nothing_to_another_lexicon_used_before() {
        // what a thread keeps of a lexicon's entries (their ids) is not
        // read for another lexicon, whose entries lie in another order
        let lex = crate::Lexicon::builtin().unwrap();
        let mut turned = lex.clone();
        let at = |code: &str| turned.countries.iter().position(|c| c.code == code);
        let (Some(p), Some(c)) = (at("PAK"), at("CHN")) else {
            panic!("the lexicon lacks Pakistan or China");
        };
        turned.countries.swap(p, c);
        let (g, h) = (
            Gazetteer::new(&lex).unwrap(),
            Gazetteer::new(&turned).unwrap(),
        );
        let a = Article::parse("s", " date 2023-05-06 Qin meets Alvi\n\nISLAMABAD, May 6 (Xinhua) -- Pakistani President Arif Alvi met Chinese Foreign Minister Qin Gang at the United Nations.").unwrap();
        let alone = std::thread::scope(|s| s.spawn(|| extract(&h, &a)).join().unwrap());
        assert!(!alone.edges.is_empty());
        extract(&g, &a);
        assert_eq!(extract(&h, &a), alone);
    }

    #[test]
    fn in_a_speech_i_and_we_are_its_speaker() {
        let speech = " date 2013-05-07 Remarks by President Jacob Zuma at the State Banquet\n\n\
            It is my honour to welcome President Goodluck Jonathan of Nigeria.";
        let e = edges_of(speech);
        let zuma_praises = "person:jacob-zuma Praise person:goodluck-jonathan";
        assert!(e.contains(&zuma_praises.into()), "{e:?}");
        // the talks the title names are the speaker's
        let title = " date 2013-05-07 Remarks by President Jacob Zuma at the end of the \
            Official Talks with His Excellency President Goodluck Jonathan\n\nThank you.";
        let e = edges_of(title);
        let met = "person:goodluck-jonathan Meeting person:jacob-zuma";
        assert!(e.contains(&met.into()), "{e:?}");
        // in a report, "we" is nobody the article names
        let report = " date 2013-05-07 Zuma hosts Jonathan\n\n\
            It is my honour to welcome President Goodluck Jonathan of Nigeria, Zuma said.";
        let e = edges_of(report);
        assert!(
            !e.iter()
                .any(|x| x.contains("Praise person:goodluck-jonathan") && !x.contains("zuma")),
            "{e:?}"
        );
    }

    #[test]
    fn related_readings_and_photo_credits_are_not_text() {
        let text = "China and Pakistan vowed to deepen ties.\n\nRelated readings\n\nIndia condemns Pakistan\n\nJapan thanks Germany\n\nPhoto: John Smith / Reuters\n";
        let e = edges_of(text);
        assert!(
            e.contains(&"country:china Commitment country:pakistan".to_string()),
            "{e:?}"
        );
        assert!(
            !e.iter().any(|x| x.contains("india") || x.contains("japan")),
            "{e:?}"
        );
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let x = extract(&g, &Article::parse("t", text).unwrap());
        assert!(
            !x.entities.iter().any(|e| e.name.contains("Smith")),
            "{:?}",
            x.entities
        );
    }

    #[test]
    fn relative_dates_count_back_from_the_dateline() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let a = Article::parse(
            "t",
            " date 2023-05-06 T\n\nISLAMABAD, May 6 (Xinhua) -- Pakistani President Arif Alvi met Chinese Foreign Minister Qin Gang on Friday.",
        )
        .unwrap();
        let x = extract(&g, &a);
        let m = x
            .edges
            .iter()
            .find(|e| e.kind == EdgeKind::Meeting)
            .unwrap();
        assert_eq!(m.date.unwrap().to_string(), "2023-05-05");
        // the dateline's city is a node
        assert!(x.entities.iter().any(|e| e.id == "place:islamabad"));
    }

    #[test]
    fn a_denied_stance_gives_no_edge() {
        assert!(
            edges_of("Japan does not support the sanctions against Russia.")
                .iter()
                .all(|e| !e.contains("Support"))
        );
        assert!(edges_of("Japan supports Russia.")
            .iter()
            .any(|e| e.contains("Support")));
    }

    /// The event edges of `text` with their dates, under the built-in
    /// lexicon plus `extra` (RON).
    fn dated_edges(extra: &str, text: &str) -> Vec<String> {
        let mut lex = crate::Lexicon::builtin().unwrap();
        lex.extend(crate::Lexicon::from_ron("extra.ron", extra).unwrap());
        let g = Gazetteer::new(&lex).unwrap();
        let a = Article::parse("t", text).unwrap();
        extract(&g, &a)
            .edges
            .iter()
            .filter(|e| e.kind.is_event())
            .map(|e| {
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                format!("{} {} {} {date}", e.source, e.kind, e.target)
            })
            .collect()
    }

    const COMPOUNDS: &str = " date 2023-05-06 T\n\nLeaders opened the China-Pakistan forum in Beijing. Officials attended the China-ASEAN summit in Jakarta tomorrow. Iranian-backed Hamas fighters attacked Israel. Pakistan condemned India yesterday.";

    #[test]
    fn hyphenated_pairs_meet_and_backers_support() {
        let e = dated_edges("()", COMPOUNDS);
        let has = |x: &str| e.iter().any(|y| y == x);
        assert!(
            has("country:china Meeting organization:asean 2023-05-06"),
            "{e:?}"
        );
        assert!(
            has("country:iran Support organization:hamas 2023-05-06"),
            "{e:?}"
        );
        assert!(
            has("country:pakistan Criticism country:india 2023-05-05"),
            "{e:?}"
        );
        // "forum" is no meeting noun
        assert!(
            !e.iter().any(|x| x.contains("Meeting country:pakistan")),
            "{e:?}"
        );
    }

    /// Asserts that the article `text` has each edge of `wants` ("source
    /// Kind target date").
    fn assert_dated(text: &str, wants: &[&str]) {
        let e = dated_edges("()", text);
        for want in wants {
            assert!(e.iter().any(|y| y == want), "{want} not in {e:?}");
        }
    }

    #[test]
    fn a_weekday_after_will_is_the_next_one() {
        // 2024-05-10 is a Friday
        assert_dated(
            " date 2024-05-10 T\n\nMeloni will travel to Tunisia on Wednesday. \
            Meloni visited Libya on Wednesday.",
            &[
                "person:giorgia-meloni Visit country:tunisia 2024-05-15",
                "person:giorgia-meloni Visit country:libya 2024-05-08",
            ],
        );
    }

    #[test]
    fn a_day_before_its_month_is_a_date() {
        assert_dated(
            " date 2024-05-20 T\n\nJapan and Australia signed a pact on 3 May. \
            Ghana condemned Togo on 24th April 2023. \
            India and Nepal held talks on 12 March, 2024. \
            Vietnam and Indonesia will hold talks on 2 June.",
            &[
                "country:australia Agreement country:japan 2024-05-03",
                "country:ghana Criticism country:togo 2023-04-24",
                "country:india Meeting country:nepal 2024-03-12",
                "country:indonesia Meeting country:vietnam 2024-06-02",
            ],
        );
    }

    #[test]
    fn a_month_day_after_will_is_to_come() {
        assert_dated(
            " date 2024-03-05 T\n\nMeloni will travel to Tunisia on June 21. \
            Meloni visited Libya on June 20.",
            &[
                "person:giorgia-meloni Visit country:tunisia 2024-06-21",
                "person:giorgia-meloni Visit country:libya 2023-06-20",
            ],
        );
    }

    #[test]
    fn a_weekday_opening_a_sentence_in_the_future_is_the_next_one() {
        // 2024-05-10 is a Friday; a reporting verb before "will" dates the report
        assert_dated(
            " date 2024-05-10 T\n\nOn Wednesday, Meloni will travel to Tunisia. \
            On Tuesday, Rome said Meloni will visit Libya. Monday, Meloni visited Egypt.",
            &[
                "person:giorgia-meloni Visit country:tunisia 2024-05-15",
                "person:giorgia-meloni Visit country:libya 2024-05-07",
                "person:giorgia-meloni Visit country:egypt 2024-05-06",
            ],
        );
    }

    #[test]
    fn a_lexicon_adds_to_the_rules_word_lists() {
        let extra = r#"(words: (meeting_nouns: ["forum"], relative_days: [("tomorrow", 1)]))"#;
        let e = dated_edges(extra, COMPOUNDS);
        let has = |x: &str| e.iter().any(|y| y == x);
        assert!(
            has("country:china Meeting country:pakistan 2023-05-06"),
            "{e:?}"
        );
        assert!(
            has("country:china Meeting organization:asean 2023-05-07"),
            "{e:?}"
        );
        // a bracketed agency is a credit, masked
        let mut lex = crate::Lexicon::builtin().unwrap();
        let g = Gazetteer::new(&lex).unwrap();
        let a = Article::parse("t", "Pakistan (Dawn) condemned India.").unwrap();
        assert!(!explain(&g, &a).contains("masked"));
        let extra = r#"(words: (agencies: ["Dawn"]))"#;
        lex.extend(crate::Lexicon::from_ron("extra.ron", extra).unwrap());
        let g = Gazetteer::new(&lex).unwrap();
        assert!(explain(&g, &a).contains("masked: ( Dawn )"));
    }

    #[test]
    fn a_relative_day_past_the_calendar_is_no_date() {
        let extra =
            r#"(words: (relative_days: [("someday", 2000000000), ("never", -2000000000)]))"#;
        for when in ["someday", "never"] {
            let text = format!(" date 2023-05-06 T\n\nPakistan condemned India {when}.");
            let e = dated_edges(extra, &text);
            assert_eq!(e, ["country:pakistan Criticism country:india 2023-05-06"]);
        }
    }

    #[test]
    fn an_unknown_name_before_said_is_a_speaker() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let people = |text: &str| -> Vec<String> {
            let x = extract(&g, &Article::parse("t", text).unwrap());
            let people = x
                .entities
                .into_iter()
                .filter(|e| e.kind == EntityKind::Person);
            people.map(|e| e.id).collect()
        };
        assert_eq!(
            people("Smithers said Pakistan condemned India."),
            ["person:smithers"]
        );
        assert!(people("Smithers thinks Pakistan condemned India.").is_empty());
        // not a word in capitals
        assert!(people("SMITHERS said Pakistan condemned India.").is_empty());
    }

    #[test]
    fn a_person_named_after_from_stays_a_person() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let text = "Hikmet Hajiyev praised Turkey. The statement came from Hikmet Hajiyev.";
        let x = extract(&g, &Article::parse("t", text).unwrap());
        let ids: Vec<String> = x.entities.into_iter().map(|e| e.id).collect();
        assert!(
            ids.contains(&"person:hikmet-hajiyev".to_string()),
            "{ids:?}"
        );
        assert!(!ids.iter().any(|i| i.starts_with("place:")), "{ids:?}");
        // a name the article gives no person stays a place
        let x = extract(
            &g,
            &Article::parse("t", "The delegation came from Qarnak Zorb.").unwrap(),
        );
        assert!(x.entities.iter().any(|e| e.id.starts_with("place:")));
    }

    #[test]
    fn datelines_end_in_a_colon_after_a_date_or_agency() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let cases = [
            (
                "ISLAMABAD, Feb 17 (APP): Imran Khan met Mohammed bin Salman.",
                "dateline Islamabad (Pakistan), 2019-02-17",
            ),
            (
                "Ulan Bator, May 17, 2015: India and Mongolia signed a deal.",
                "dateline Ulaanbaatar (Mongolia), 2015-05-17",
            ),
        ];
        for (body, want) in cases {
            let a = Article::parse("t", format!(" date 2019-02-17 T\n\n{body}")).unwrap();
            let out = explain(&g, &a);
            assert!(out.contains(want), "{out}");
            // the capital opening the dateline is where, not a state acting
            assert!(!out.contains("= country Pakistan\n"), "{out}");
        }
    }

    #[test]
    fn datelines_and_bylines_are_masked() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let a = Article::parse(
            "t",
            " date 2023-05-06 T\n\nNEW DELHI, May 4 (PTI) -- India thanked Japan (AFP) on Tuesday.\n\nUpdated 10:45 IST\n\nCopyright Xinhua News Agency.",
        )
        .unwrap();
        let out = explain(&g, &a);
        assert!(
            out.contains("dateline New Delhi (India), 2023-05-04"),
            "{out}"
        );
        assert!(
            out.contains("masked: NEW DELHI , May 4 ( PTI ) - - ( AFP )"),
            "{out}"
        );
        assert!(out.contains("masked: Updated 10:45 IST"), "{out}");
        assert!(
            out.contains("masked: Copyright Xinhua News Agency ."),
            "{out}"
        );
        // "on Tuesday" counts back from the dateline's May 4
        let e = dated_edges("()", &a.text);
        assert!(
            e.contains(&"country:india Praise country:japan 2023-05-02".into()),
            "{e:?}"
        );
    }

    #[test]
    fn a_capital_acting_is_its_state() {
        let e = edges_of("Beijing summoned the U.S. ambassador over the patrol.");
        assert!(
            e.iter()
                .any(|x| x.starts_with("country:china") && x.contains("united-states")),
            "{e:?}"
        );
    }
}

#[cfg(test)]
mod byline_tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn gaz() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap())
    }

    type Both = ((bool, Option<usize>), (bool, Option<usize>));

    /// `f` of the [`Noise`] reader of `text`, its marks and its number of
    /// tokens.
    fn noise_of<R>(text: &str, f: impl FnOnce(&Noise, &Marks, usize) -> R) -> R {
        let toks = crate::text::token::tokenize(text);
        let g = gaz();
        let lowers = Lowered::new(text, &toks);
        let ids = g.token_words(text, &toks, &lowers).ids;
        let n = Noise {
            text,
            toks: &toks,
            ids: &ids,
            g,
            w: &g.extract_words,
        };
        f(&n, &n.marks(), toks.len())
    }

    /// Byline and first bracket of each piece of `text`'s tokens (cut every
    /// `step` tokens), both ways.
    fn pieces(text: &str, step: usize) -> Vec<Both> {
        noise_of(text, |n, marks, len| {
            let cuts: Vec<usize> = (0..len).step_by(step.max(1)).collect();
            let piece = |k: usize| cuts[k]..cuts.get(k + 1).copied().unwrap_or(len);
            (0..cuts.len())
                .map(|k| (n.byline(piece(k), marks), n.byline_plain(piece(k))))
                .collect()
        })
    }

    /// Byline and first bracket of `text` read as one sentence, both ways.
    fn both(text: &str) -> Option<Both> {
        pieces(text, usize::MAX).into_iter().next()
    }

    #[test]
    fn noise_lookups_by_word_ids_equal_the_lexicon_lookup() {
        let text = "ISLAMABAD, May 6 -- New Delhi: the Republic of Korea and the \
                    People\u{2019}s Republic of China, Caf\u{e9} U.S. Secretary of State";
        noise_of(text, |n, _, len| {
            for end in [len, 5, 12] {
                for st in 0..end {
                    let plain = n.g.lookup(text, &n.toks[..end], st);
                    assert_eq!(n.lookup(st, end), plain, "{st} {end}");
                }
            }
        });
    }

    #[test]
    fn bylines_are_found_by_their_marks() {
        let (fast, _) = both("Copyright 2024 Xinhua (all rights reserved)").unwrap();
        assert_eq!(fast, (true, Some(3)));
        let (fast, _) = both("By John Smith 10:45 GMT").unwrap();
        assert!(fast.0);
        // a clock time among many lower-case words is text, and a mark
        // inside a longer word is no mark
        assert!(
            !both("At 10:45 the talks began in the city hall today")
                .unwrap()
                .0
                 .0
        );
        assert!(
            !both("Copyrighted works (and others) were discussed.")
                .unwrap()
                .0
                 .0
        );
    }

    /// The tokens `text`'s brackets mask, piece by piece (cut every `step`
    /// tokens, from each piece's first "("), both ways.
    fn brackets(text: &str, step: usize) -> (Vec<bool>, Vec<bool>) {
        noise_of(text, |n, marks, len| {
            let (mut fast, mut plain) = (vec![false; len], vec![false; len]);
            for a in (0..len).step_by(step.max(1)) {
                let r = a..(a + step).min(len);
                if let (_, Some(p)) = n.byline(r.clone(), marks) {
                    n.mask_brackets(p..r.end, &marks.parens, &mut fast);
                    n.mask_brackets_plain(p..r.end, &mut plain);
                }
            }
            (fast, plain)
        })
    }

    #[test]
    fn brackets_are_walked_by_their_marks() {
        let (fast, plain) = brackets("Talks (Xinhua/Li Ming) went on (R) as (AFP) said (it).", 50);
        assert_eq!(fast, plain);
        assert_eq!(fast.iter().filter(|&&m| m).count(), 12);
    }

    proptest! {
        #[test]
        fn brackets_equal_the_plain_version(
            t in "([ a-zA-Z/:.,]{0,12}(\\(|\\)|\\(R\\)|\\(AFP\\)|/| Xinhua)?){1,8}",
            step in 1usize..30,
        ) {
            let (fast, plain) = brackets(&t, step);
            prop_assert_eq!(fast, plain);
        }

        #[test]
        fn byline_equals_the_plain_version(
            t in "([ a-zA-Z0-9:().,©]{0,20}(Copyright|©|Copyrights|[0-9]+:[0-9]+|\\(| x)?){1,4}[ a-z0-9:().©-]{0,30}",
            step in 1usize..12,
        ) {
            for (fast, plain) in pieces(&t, step) {
                prop_assert_eq!(fast, plain);
            }
        }
    }
}
