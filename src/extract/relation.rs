//! Stage 5: relations. Finds cue words in a sentence and gives each its
//! agent (the one who takes the stance, not who reports it), its partner,
//! and the speaker, date, place, topics and tense of the edge.

use crate::bytes::FxBuild;
use crate::extract::resolve::{Ref, Resolution, Resolved};
use crate::lexicon::gazetteer::Gazetteer;
use crate::lexicon::relation_words::{list, ByWord, Filed, FlatKind, FlatWord, Wilds};
use crate::lexicon::words::{class, TokenWords};
use crate::lexicon::words::{WordId, NO_WORD};
use crate::lexicon::Frame;
use crate::model::{EdgeKind, EntityKind};
use crate::text::token::{lower_case, TokKind, Token};
use std::collections::HashSet;

/// The cameo of a host's meeting cue ("received", "hosted", "welcomed"):
/// its partner is a guest person, who visits the host's state (CAMEO 043).
pub(crate) const HOST_CAMEO: &str = "043";

/// The cameo of a call (CAMEO 041 telephone): a meeting of no visit.
pub(crate) const CALL_CAMEO: &str = "041";

/// A relation found in one sentence, between article entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub kind: EdgeKind,
    pub cameo: String,
    pub source: usize,
    pub target: usize,
    pub speaker: Option<usize>,
    pub place: Option<usize>,
    pub planned: bool,
    /// Named in a list of signatories ("signed by A, B and C"): signing
    /// apart, so no meeting is implied between them.
    pub apart: bool,
    /// A meeting where no one travels (a summons): it implies no visit.
    pub no_visit: bool,
}

/// A cue found in a sentence: which lexicon entry, and its token span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueHit {
    pub cue: usize,
    pub start: usize,
    pub end: usize,
}

/// The sentence-level context relations are built in.
pub struct Sentence<'a> {
    pub g: &'a Gazetteer,
    pub text: &'a str,
    pub toks: &'a [Token],
    pub range: std::ops::Range<usize>,
    pub masked: &'a [bool],
    pub mentions: &'a [Resolved],
    /// Each token of the article in lower case.
    pub lowers: &'a crate::text::token::Lowered,
    /// The lexicon words of the article's tokens.
    pub words: &'a TokenWords,
}

impl<'a> Sentence<'a> {
    fn s(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn lower(&self, i: usize) -> &'a str {
        &self.lowers[i]
    }

    /// Whether token `i` is the one ASCII character `b` (as `s(i) == ";"` says).
    #[inline]
    fn is_char(&self, i: usize, b: u8) -> bool {
        self.is_either(i, b, b)
    }

    /// Whether token `i` is one ASCII character, `a` or `b` (one length test for both).
    #[inline]
    fn is_either(&self, i: usize, a: u8, b: u8) -> bool {
        let t = &self.toks[i];
        t.end.wrapping_sub(t.start) == 1
            && self
                .text
                .as_bytes()
                .get(t.start as usize)
                .is_some_and(|&c| c == a || c == b)
    }

    /// Whether token `i` is `w` as written ("and"), compared as bytes.
    #[inline]
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.toks[i].bytes(self.text) == w.as_bytes()
    }

    /// Whether token `i` is one of the lexicon's `victim_nouns` ("attack"):
    /// an ASCII token by its id, another by its lower case.
    fn victim_noun(&self, i: usize) -> bool {
        match self.lowers.is_ascii(i) {
            true => self.in_list(i, list::VICTIM_NOUNS),
            false => self.g.extract_words.victim_nouns.has(self.lower(i)),
        }
    }

    /// Token `i`, to be compared in lower case.
    #[inline]
    fn word_at(&self, i: usize) -> Word<'a> {
        if self.lowers.is_ascii(i) {
            Word::Id(self.words.ids.get(i).copied().unwrap_or(NO_WORD))
        } else {
            Word::Lower(self.lower(i))
        }
    }

    /// Whether token `i` is "'s" (or with a typographic apostrophe).
    fn is_possessive(&self, i: usize) -> bool {
        self.toks[i].is_possessive(self.text)
    }

    /// Whether token `i` is a word of the relation rules' `list` (a bit of
    /// [`list`]).
    #[inline]
    fn in_list(&self, i: usize, list: u32) -> bool {
        let id = self.words.ids.get(i).copied().unwrap_or(NO_WORD);
        self.g.relation_words.has(id, list)
    }

    /// The token before the mention starting at `start`, past partner
    /// determiners: the word that may introduce it ("with" in "with the UN").
    #[inline]
    fn introducer(&self, start: usize) -> Option<usize> {
        let mut b = start;
        while b > self.range.start && self.in_list(b - 1, list::PARTNER_DETERMINERS) {
            b -= 1;
        }
        (b > self.range.start).then(|| b - 1)
    }

    /// How tokens `from..to` join two items of a list, past an article
    /// before the second: "," ; "and" or "&" ; ", and".
    fn joint(&self, from: usize, mut to: usize) -> Option<Joint> {
        while to > from && self.in_list(to - 1, list::ARTICLES) {
            to -= 1;
        }
        let and = |k: usize| matches!(self.toks[k].bytes(self.text), b"and" | b"&");
        match to.checked_sub(from)? {
            1 if self.is_char(from, b',') => Some(Joint::Comma),
            1 if and(from) => Some(Joint::And),
            2 if self.is_char(from, b',') && and(from + 1) => Some(Joint::CommaAnd),
            _ => None,
        }
    }

    /// Every cue in the sentence, longest first at each position.
    pub fn cues(&self) -> Vec<CueHit> {
        let mut hits = Vec::new();
        self.scan(None, |h| hits.push(h));
        hits
    }

    /// Calls `hit` with every cue of the sentence, in the order of
    /// [`Sentence::cues`]; notes the tokens that may be reporting verbs in
    /// `reporting` on the way.
    fn scan(&self, mut reporting: Option<&mut Vec<usize>>, mut hit: impl FnMut(CueHit)) {
        let want = if reporting.is_some() {
            class::CUE | class::REPORTING
        } else {
            class::CUE
        };
        // the word class first: it rules out most tokens at once; the
        // tokens that may be are marked in a bit mask per 64 tokens, a tight
        // loop apart from the matching below
        self.words.each_in(self.range.clone(), want, |i| {
            self.scan_at(i, reporting.as_deref_mut(), &mut hit);
        });
    }

    /// [`Sentence::scan`] at token `i`, one that may be a cue or a reporting verb.
    #[inline]
    fn scan_at(&self, i: usize, reporting: Option<&mut Vec<usize>>, hit: &mut impl FnMut(CueHit)) {
        {
            if let Some(r) = reporting {
                if self.words.may_be(i, class::REPORTING) {
                    r.push(i);
                }
            }
            if !self.words.may_be(i, class::CUE) {
                return;
            }
            // a token beyond ASCII is looked up by its lower case: not a
            // word's; an ASCII one by its id, its other tests after the cheap ones
            let word = |i: usize| !self.masked[i] && self.toks[i].kind == TokKind::Word;
            if !self.lowers.is_ascii(i) && !word(i) {
                return;
            }
            let (start, cold) = self.g.cue_patterns(self.words, self.lowers, i);
            if start.is_empty() {
                return;
            }
            // the next word, which most patterns test first
            let next = (i + 1 < self.range.end).then(|| self.word_at(i + 1));
            // the patterns whose second word the next token may be
            let may = match next {
                None => start.may_match(None, &[]),
                Some(Word::Id(id)) => start.may_match(Some(id), self.g.cue_seconds()),
                Some(Word::Lower(_)) => u64::MAX,
            };
            // the filters' bits first: their tables are apart, seldom read
            let may = match may & start.wild_bits != 0 {
                true => self.without_wild_misses(&cold.wilds, start.wild_filed(), i, may),
                false => may,
            };
            let may = match may & start.third_bits != 0 {
                true => self.without_third_misses(&cold.thirds, cold.thirds.filed(2, 3), i, may),
                false => may,
            };
            // those of the first 64 by their bits, in order, then all the rest
            let first = start.live(may);
            if first == 0 && !start.more() || !word(i) {
                return;
            }
            // an ASCII next token's id was looked for among second words
            let exact = matches!(next, Some(Word::Id(_)));
            // one hit per (cue entry, start)
            let mut seen: Option<Short<usize, 8>> = None;
            let mut after_determiner = None;
            let pats = start.pats(self.g.cue_pat_nums(), cold);
            let flat = self.g.cue_flat();
            for k in crate::bytes::ones(first).chain(64..pats.len()) {
                let Some(p) = pats.get(k).and_then(|&p| flat.pat(p)) else {
                    continue;
                };
                // a pattern is filed under its first words: the first matches
                let (words, at) = flat.words(p);
                let (mut rest, mut at) = (words.get(1..).unwrap_or_default(), at + 1);
                let mut from = i + 1;
                if let Some((w, more)) = rest
                    .split_first()
                    .filter(|(w, _)| w.kind() == FlatKind::Any)
                {
                    let known = exact && start.second_checked(k);
                    if !known && !next.is_some_and(|x| self.fits(x, w, at)) {
                        continue;
                    }
                    (rest, at) = (more, at + 1);
                    from += 1;
                }
                if self.wild_misses(rest, at, from) {
                    continue;
                }
                let Some(end) = match_words(self, (rest, at), from, self.range.end) else {
                    continue;
                };
                if p.verb_only && *after_determiner.get_or_insert_with(|| self.noun_at(i)) {
                    continue;
                }
                let cue = p.cue as usize;
                if p.not_followed && end < self.range.end && self.followed_wrongly(cue, end) {
                    continue;
                }
                let seen = seen.get_or_insert_with(Short::default);
                if !seen.contains(&cue) {
                    seen.push(cue);
                    hit(CueHit { cue, start: i, end });
                }
            }
        }
    }

    /// Whether the token at `end` is one the cue entry `cue` may not be
    /// followed by ("thanks to").
    fn followed_wrongly(&self, cue: usize, end: usize) -> bool {
        let not = &self.g.cues[cue].not_followed_by;
        not.iter().any(|w| *w == self.lower(end))
    }

    /// Whether token word `x` is the pattern word `w` (of place `at`, see
    /// [`crate::lexicon::relation_words::FlatPats::words`]); inline: most are ruled out by the mask alone.
    #[inline(always)]
    fn fits(&self, x: Word, w: &FlatWord, at: usize) -> bool {
        let flat = self.g.cue_flat();
        match x {
            Word::Id(id) => flat.has_id(w, id),
            Word::Lower(l) => one_of(self.g.cue_strings(at), l),
        }
    }

    /// Whether pattern words `words` (the first of place `at`) surely fail
    /// from token `k`: they open with one wildcard, and the word after it
    /// is none of the tokens [`match_wild`] would test it at (the 2nd to
    /// 5th from `k`).
    #[inline]
    fn wild_misses(&self, words: &[FlatWord], at: usize, k: usize) -> bool {
        let [w, x, ..] = words else {
            return false;
        };
        if w.kind() != FlatKind::Wild || x.kind() != FlatKind::Any {
            return false;
        }
        let flat = self.g.cue_flat();
        let top = self.range.end.min(k + 5);
        let ids = self.words.ids.get(k + 1..top).unwrap_or_default();
        !(k + 1..top)
            .zip(ids)
            .any(|(j, &id)| match self.lowers.is_ascii(j) {
                true => flat.has_id(x, id),
                false => one_of(self.g.cue_strings(at + 1), self.lower(j)),
            })
    }

    /// `may` less the patterns of `w` (filed under the word at `i`, `f`
    /// what it files) that [`Sentence::wild_misses`] would rule out: no
    /// token it would test may be their word after the wildcard (as the
    /// bits of `f`, then the buckets of its id tell). A wildcard second
    /// tests the 3rd to 6th tokens from `i`, one third the 4th to 7th.
    #[inline]
    fn without_wild_misses(&self, w: &Wilds, f: Filed, i: usize, may: u64) -> u64 {
        // the tokens whose ids may be filed, by their offset from `i`: `w`
        // (a cache line apart) is read only when there are some
        let mut near = 0u64;
        let top = self.range.end.min(i + usize::from(f.to));
        for j in i + usize::from(f.from)..top {
            let id = self.words.ids.get(j).copied().unwrap_or(NO_WORD);
            // most tokens: of no id filed, looked up in no table
            if f.ids_mod64 >> (id % 64) & 1 == 0 && self.lowers.is_ascii(j) {
                continue;
            }
            near |= 1 << (j - i);
        }
        match near {
            0 => may & !f.bits,
            _ => self.wild_fits(w, f, i, near, may),
        }
    }

    /// [`Sentence::without_wild_misses`] once the tokens `near` (bits of
    /// their offsets from `i`) may be filed: their buckets in `w` tell
    /// (kept out of line, so that `w` is not loaded before it is needed).
    #[inline(never)]
    fn wild_fits(&self, w: &Wilds, f: Filed, i: usize, near: u64, may: u64) -> u64 {
        let (mut fit1, mut fit2) = (0, 0);
        for j in crate::bytes::ones(near).map(|d| i + d) {
            let id = self.words.ids.get(j).copied().unwrap_or(NO_WORD);
            let ascii = self.lowers.is_ascii(j);
            let fits = |by: &ByWord| if ascii { by.fits(id) } else { u64::MAX };
            if j < i + 6 {
                fit1 |= fits(&w.at1);
            }
            if j > i + 2 {
                fit2 |= fits(&w.at2);
            }
        }
        if fit1 | fit2 == 0 {
            return may & !f.bits;
        }
        may & (!w.at1.bits | fit1) & (!w.at2.bits | fit2)
    }

    /// `may` less the patterns of `t` (filed under the word at `i`, `f`
    /// what it files) that the token after next surely fails: none, or
    /// ASCII and none of their third words.
    #[inline]
    fn without_third_misses(&self, t: &ByWord, f: Filed, i: usize, may: u64) -> u64 {
        let k = i + 2;
        if k >= self.range.end {
            return may & !f.bits;
        }
        if !self.lowers.is_ascii(k) {
            return may;
        }
        let id = self.words.ids.get(k).copied().unwrap_or(NO_WORD);
        match f.ids_mod64 >> (id % 64) & 1 {
            0 => may & !f.bits,
            _ => t.without_misses(may, id),
        }
    }

    /// Whether the cue word at `i` is a noun: after a determiner ("its
    /// support") or a preposition ("called for support from"), but for
    /// "to" and a gerund ("for supporting").
    fn noun_at(&self, i: usize) -> bool {
        if i <= self.range.start {
            return false;
        }
        let p = i - 1;
        self.in_list(p, list::NOUN_MARKERS)
            || (self.in_list(p, list::OBJECT_PREPOSITIONS)
                && self.lower(p) != "to"
                && !self.lower(i).ends_with("ing"))
    }

    /// Whether `word` stands `gap` tokens before token `at`, the tokens
    /// between being lower-case words ("and supported", "and also praised").
    fn after_word(&self, word: &str, at: usize, gap: std::ops::RangeInclusive<usize>) -> bool {
        gap.into_iter().any(|d| {
            at >= self.range.start + d
                && self.lower(at - d) == word
                && (at - d + 1..at).all(|k| lower_case(self.s(k)))
        })
    }

    /// Whether token `i` is a word of `set`, the word set of class bit
    /// `class`: told by its class bits alone where they are sure (an
    /// ASCII token of an exact class), else by its lower case.
    #[inline(always)]
    fn is_in(&self, i: usize, class: u16, set: &HashSet<String, FxBuild>) -> bool {
        match self.words.surely(i, class) {
            Some(is) => is,
            None => has_lower(set, self.lower(i)),
        }
    }

    /// Whether token `i` is a reporting verb ("said", "stressed").
    #[inline]
    fn reporting_at(&self, i: usize) -> bool {
        self.is_in(i, class::REPORTING, &self.g.reporting)
    }

    /// Whether token `k` is an "and" that begins a new report by the same
    /// subject ("voiced concern over the pact and said it would ...").
    #[inline]
    fn and_reports(&self, k: usize) -> bool {
        k + 1 < self.range.end && self.is_word(k, "and") && self.reporting_at(k + 1)
    }

    /// Whether token `k` is a ";" or an "and" that begins a new report
    /// ([`Sentence::and_reports`]): told by its length first, one look at the token.
    #[inline]
    fn ends_report(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        match t.end.wrapping_sub(t.start) {
            1 => self.text.as_bytes().get(t.start as usize) == Some(&b';'),
            3 => self.and_reports(k),
            _ => false,
        }
    }

    /// The reporting frames (speaker mention index, frame start, frame end)
    /// of the reporting verbs among tokens `at`.
    fn speakers_at(
        &self,
        at: impl IntoIterator<Item = usize>,
        mut out: impl FnMut((usize, usize, usize)),
    ) {
        for i in at {
            if !self.reporting_at(i) {
                continue;
            }
            // "X said", "X also said", "X has said"
            let mut b = i;
            while b > self.range.start && self.in_list(b - 1, list::REPORTING_ADVERBS) {
                b -= 1;
            }
            // "the Korean Central News Agency (KCNA) said": past the acronym
            if b >= self.range.start + 4 && self.is_char(b - 1, b')') && self.is_char(b - 3, b'(') {
                b -= 3;
            }
            if let Some(mi) = self
                .mentions
                .iter()
                .position(|m| m.end == b && self.is_actor(m))
            {
                let mut e = i + 1;
                // "said that": the complementizer is part of the frame
                if e < self.range.end && self.lower(e) == "that" {
                    e += 1;
                }
                let mut first = mi;
                // "President Rouhani and visiting President Xi said";
                // "Norway, Ireland and Spain announced": a list ends in "and"
                let mut and = true;
                while first > 0 {
                    let prev = &self.mentions[first - 1];
                    let (from, to) = (prev.end, self.mentions[first].start);
                    let joint = self.joint(from, to);
                    // "and visiting President Xi": a word may stand after "and"
                    let and_word =
                        (1..=2).contains(&to.saturating_sub(from)) && self.lower(from) == "and";
                    let joined = if and {
                        and_word || joint == Some(Joint::CommaAnd)
                    } else {
                        joint == Some(Joint::Comma)
                    };
                    if !joined || !self.is_actor(prev) {
                        break;
                    }
                    and = false;
                    first -= 1;
                    out((first, prev.start, e));
                }
                out((mi, self.mentions[first].start, e));
                continue;
            }
            // "said X", "according to X" (the one reporting word of two)
            let mut a = i + 1;
            let according = self.lower(i) == "according";
            if according && a < self.range.end && self.lower(a) == "to" {
                a += 1;
            }
            // "the Presidency said South Africa ...": after a name (a subject
            // named, known or not), "said" is not inverted; after "," or a quote it is
            let named = |k: usize| self.s(k).starts_with(|c: char| c.is_uppercase());
            if !according && b > self.range.start && named(b - 1) {
                continue;
            }
            // "reiterated his promise": a possessive is no speaker
            let possessive = a < self.range.end && possessive_pronoun(self.lower(a)).is_some();
            if let Some(mi) = self
                .mentions
                .iter()
                .position(|m| m.start == a && self.is_actor(m) && !possessive)
            {
                out((mi, i, self.mentions[mi].end));
            }
        }
    }

    fn is_actor(&self, m: &Resolved) -> bool {
        !m.weak && matches!(m.r, Ref::Pair { .. } | Ref::Entity(_))
    }
}

/// How two items of a list are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joint {
    /// ","
    Comma,
    /// "and", "&"
    And,
    /// ", and"
    CommaAnd,
}

/// A token as [`Sentence::word_at`] gives it: an ASCII one by its word id
/// (that of its lower case), another in lower case.
#[derive(Clone, Copy)]
enum Word<'a> {
    Id(WordId),
    Lower(&'a str),
}

/// Whether lower-case word `w` is in `set` (kept out of line: most tokens
/// are told by their class bits).
#[inline(never)]
fn has_lower(set: &HashSet<String, FxBuild>, w: &str) -> bool {
    set.contains(w)
}

/// Whether `w` is one of `alts` (kept out of line: a rare case).
#[inline(never)]
fn one_of(alts: &[String], w: &str) -> bool {
    let w = w.as_bytes();
    alts.iter()
        .any(|a| a.len() == w.len() && a.as_bytes().first() == w.first() && a.as_bytes() == w)
}

/// Matches pattern words `words` (the first of place `at`, see
/// [`crate::lexicon::relation_words::FlatPats::words`]) from token `k` on (before `end`): where the match ends.
fn match_words(
    s: &Sentence,
    (mut words, mut at): (&[FlatWord], usize),
    mut k: usize,
    end: usize,
) -> Option<usize> {
    loop {
        let Some((w, rest)) = words.split_first() else {
            return Some(k);
        };
        match w.kind() {
            FlatKind::Wild => return match_wild(s, (words, at), k, end),
            FlatKind::Any => {
                if !(k < end && s.fits(s.word_at(k), w, at)) {
                    return None;
                }
                k += 1;
            }
            FlatKind::Optional => {
                if k < end && s.fits(s.word_at(k), w, at) {
                    if let Some(e) = match_words(s, (rest, at + 1), k + 1, end) {
                        return Some(e);
                    }
                }
            }
        }
        (words, at) = (rest, at + 1);
    }
}

/// [`match_words`] at `words` opening with `n` wildcards, each one to four
/// words (or currency signs: "$1 billion", the apostrophe of "leaders'
/// meeting"): `n` to `4n` words, the fewest that let the rest match (what
/// trying each wildcard's lengths in turn finds first).
fn match_wild(
    s: &Sentence,
    (words, at): (&[FlatWord], usize),
    k: usize,
    end: usize,
) -> Option<usize> {
    let n = words
        .iter()
        .take_while(|w| w.kind() == FlatKind::Wild)
        .count();
    let (rest, at) = (words.get(n..).unwrap_or_default(), at + n);
    let word = |j: usize| {
        s.toks[j].kind != TokKind::Punct || matches!(s.s(j), "$" | "€" | "£" | "¥" | "'" | "’")
    };
    let mut j = k;
    while j < end && j < k + 4 * n && word(j) {
        j += 1;
        if j < k + n {
            continue;
        }
        // the word after the wildcards, most often one of a few, tested here
        let e = match rest.split_first() {
            Some((w, more)) if w.kind() == FlatKind::Any => {
                match j < end && s.fits(s.word_at(j), w, at) {
                    true => match_words(s, (more, at + 1), j + 1, end),
                    false => None,
                }
            }
            _ => match_words(s, (rest, at), j, end),
        };
        if e.is_some() {
            return e;
        }
    }
    None
}

/// A search from a cue's edge for the nearest token of some kind, going
/// only as far as asked: later questions resume where the last stopped.
struct Seek {
    /// The tokens between the edge and here are searched.
    reached: usize,
    /// The nearest token found, once found.
    found: Option<usize>,
}

impl Seek {
    fn new(edge: usize) -> Seek {
        Seek {
            reached: edge,
            found: None,
        }
    }

    /// Whether a token `is` says yes to lies from the edge on, before `to`.
    fn after(&mut self, to: usize, is: impl Fn(usize) -> bool) -> bool {
        if let Some(f) = self.found {
            return f < to;
        }
        while self.reached < to {
            let k = self.reached;
            self.reached += 1;
            if is(k) {
                self.found = Some(k);
                return true;
            }
        }
        false
    }

    /// Whether a token `is` says yes to lies from `from` on, before the edge.
    fn before(&mut self, from: usize, is: impl Fn(usize) -> bool) -> bool {
        if let Some(f) = self.found {
            return f >= from;
        }
        while self.reached > from {
            self.reached -= 1;
            if is(self.reached) {
                self.found = Some(self.reached);
                return true;
            }
        }
        false
    }
}

/// A short list on the stack, spilling to the heap past `N` items.
#[derive(Clone, Debug)]
struct Short<T, const N: usize> {
    head: [T; N],
    len: usize,
    /// All items once there are more than `N`.
    spill: Vec<T>,
}

impl<T: Copy + Default, const N: usize> Default for Short<T, N> {
    fn default() -> Self {
        Short {
            head: [T::default(); N],
            len: 0,
            spill: Vec::new(),
        }
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> Short<T, N> {
    fn push(&mut self, x: T) {
        if self.len < N {
            self.head[self.len] = x;
        } else {
            if self.len == N {
                self.spill.extend_from_slice(&self.head);
            }
            self.spill.push(x);
        }
        self.len += 1;
    }

    fn clear(&mut self) {
        self.len = 0;
        self.spill.clear();
    }

    fn extend(&mut self, xs: &[T]) {
        for &x in xs {
            self.push(x);
        }
    }

    /// Keeps the items `keep` says yes to, in order (in place when they
    /// are few).
    fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        if self.len <= N {
            let mut n = 0;
            for k in 0..self.len {
                let x = self.head[k];
                if keep(&x) {
                    self.head[n] = x;
                    n += 1;
                }
            }
            self.len = n;
            return;
        }
        let old = std::mem::take(self);
        for x in old.iter() {
            if keep(x) {
                self.push(*x);
            }
        }
    }
}

impl<T, const N: usize> std::ops::Deref for Short<T, N> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // past `N` items the head has no slice of `len`: one test for both
        self.head.get(..self.len).unwrap_or(&self.spill)
    }
}

impl<T, const N: usize> std::ops::DerefMut for Short<T, N> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self.head.get_mut(..self.len) {
            Some(head) => head,
            None => &mut self.spill,
        }
    }
}

/// The entity kinds a cue of `kind` may take as partner.
fn target_ok(kind: EdgeKind, ek: EntityKind) -> bool {
    match kind {
        EdgeKind::Visit => matches!(
            ek,
            EntityKind::Country | EntityKind::Place | EntityKind::Person
        ),
        EdgeKind::Support => ek != EntityKind::Place,
        EdgeKind::Commitment => ek.is_actor() || ek == EntityKind::Initiative,
        _ => ek.is_actor(),
    }
}

/// The lists one sentence's relations are found with, kept from sentence
/// to sentence and article to article: cleared for each, not made again.
#[derive(Default)]
pub struct Scratch {
    /// The relations found (empty before each sentence).
    pub found: Vec<Relation>,
    cues: Vec<CueHit>,
    reporting: Vec<usize>,
    speakers: Vec<(usize, usize, usize)>,
    lists: Lists,
}

/// Builds the relations of one sentence into `bufs.found` (empty). `pair`
/// is the article's two sides (`met`: the two have met); `host` the
/// country an unnamed visit goes to (the dateline's).
pub fn relations(
    s: &Sentence,
    res: &Resolution,
    (pair, met): (Option<(usize, usize)>, bool),
    host: Option<usize>,
    bufs: &mut Scratch,
) {
    // without a mention there is no partner, agent nor speaker: nothing to find
    if s.mentions.is_empty() {
        return;
    }
    let Scratch {
        found: out,
        cues,
        reporting,
        speakers,
        lists,
    } = bufs;
    cues.clear();
    reporting.clear();
    s.scan(Some(reporting), |h| cues.push(h));
    if cues.is_empty() {
        return;
    }
    // "X expressed its appreciation": a reporting verb that begins a cue
    // makes the one before it the cue's agent, not a speaker
    reporting.retain(|&r| !cues.iter().any(|h| h.start == r));
    speakers.clear();
    s.speakers_at(reporting.iter().copied(), |f| speakers.push(f));
    let pair = sentence_pair(s, res, pair).or(pair);
    let mut cx = Context::new(s, res, pair, host, speakers);
    cx.met = met;
    lists.clear();
    for &hit in cues.iter() {
        cx.relate(hit, lists, out);
    }
    // "held talks via video link", "held telephone talks": the sentence's
    // meetings are calls, of no visit
    if cues.iter().any(|h| s.g.cues[h.cue].cameo == CALL_CAMEO) {
        for r in out.iter_mut().filter(|r| r.kind == EdgeKind::Meeting) {
            r.cameo = CALL_CAMEO.to_string();
        }
    }
}

/// "Trong held talks with Biden, during which the two leaders agreed": a
/// pair phrase after the people or states of exactly two states, not the
/// article's two sides (`pair`), stands for those two states; a pair of
/// people ("the two ministers") counts the people only.
fn sentence_pair(
    s: &Sentence,
    res: &Resolution,
    pair: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let p = s
        .mentions
        .iter()
        .position(|m| matches!(m.r, Ref::Pair { .. }))?;
    // "the two ministers" are two people: a state named alone is none of them
    let people = matches!(s.mentions[p].r, Ref::Pair { countries: false });
    let mut states: Short<usize, 4> = Short::default();
    for m in &s.mentions[..p] {
        let Ref::Entity(e) = m.r else { continue };
        if m.weak || people && res.entities[e].kind != EntityKind::Person {
            continue;
        }
        let Some(state) = res.role_country(e) else {
            continue;
        };
        if !states.contains(&state) {
            if states.len() == 2 {
                return None;
            }
            states.push(state);
        }
    }
    let [a, b] = *states else { return None };
    let side = |e: usize| res.role_country(e).unwrap_or(e);
    match pair.map(|(x, y)| (side(x), side(y))) {
        Some((x, y)) if (x, y) == (a, b) || (x, y) == (b, a) => None,
        _ => Some((a, b)),
    }
}

/// What the relations of one sentence are built in: the sentence, the
/// article's entities and sides, and the sentence's reporting frames.
struct Context<'c> {
    s: &'c Sentence<'c>,
    res: &'c Resolution,
    /// The article's two sides.
    pair: Option<(usize, usize)>,
    /// Whether the two sides have met (in this sentence or before).
    met: bool,
    /// The country an unnamed visit goes to (the dateline's).
    host: Option<usize>,
    /// The reporting frames: (speaker mention, frame start, frame end).
    speakers: &'c [(usize, usize, usize)],
    /// The speakers' mention indices below 64, as bits (the rest by search).
    speaker_bits: u64,
    /// The entity of the first speaker.
    speaker: Option<usize>,
    /// Where: the first place after a place preposition ("in", "at").
    place: Option<usize>,
}

/// A cue at work: where it is and what its lexicon entry says.
struct Cue<'c> {
    hit: CueHit,
    kind: EdgeKind,
    frame: Frame,
    cameo: &'c str,
    /// Announced for the future ("will visit").
    planned: bool,
    /// Its partner gives, its agent receives ("secured a loan from India").
    received: bool,
    /// A meeting where no one travels (a summons).
    no_visit: bool,
    /// Opening a sentence, the words after the agent before the one met
    /// ("told"); empty for a cue anywhere.
    addressed_after: &'c [String],
}

/// The lists a sentence's relations are built with, kept across its cues.
#[derive(Default)]
struct Lists {
    /// The mentions some cue took as partner so far.
    used: Short<usize, 4>,
    /// The partner mentions of the cue at work.
    targets: Short<usize, 4>,
    /// Its agent entities.
    agents: Short<usize, 4>,
    /// Its partner entities.
    partners: Short<usize, 4>,
    /// The states its agent bodies act for.
    states: Short<usize, 4>,
}

impl Lists {
    /// Empties every list, for the next sentence.
    fn clear(&mut self) {
        self.used.clear();
        self.targets.clear();
        self.agents.clear();
        self.partners.clear();
        self.states.clear();
    }
}

impl<'c> Context<'c> {
    /// The context of sentence `s`, whose reporting frames are `speakers`.
    fn new(
        s: &'c Sentence<'c>,
        res: &'c Resolution,
        pair: Option<(usize, usize)>,
        host: Option<usize>,
        speakers: &'c [(usize, usize, usize)],
    ) -> Context<'c> {
        let speaker_bits = speakers
            .iter()
            .filter(|&&(sm, _, _)| sm < 64)
            .fold(0u64, |b, &(sm, _, _)| b | 1 << sm);
        let place = s.mentions.iter().find_map(|m| match m.r {
            Ref::Entity(e)
                if res.entities[e].kind == EntityKind::Place
                    && m.start > s.range.start
                    && s.in_list(m.start - 1, list::VENUE_PREPOSITIONS) =>
            {
                Some(e)
            }
            _ => None,
        });
        // in a speech ("Remarks by X"), X speaks where no one else does
        let speaker = speakers
            .first()
            .and_then(|&(mi, _, _)| match s.mentions[mi].r {
                Ref::Entity(e) => Some(e),
                _ => None,
            })
            .or(res.speech_speaker);
        Context {
            s,
            res,
            pair,
            met: false,
            host,
            speakers,
            speaker_bits,
            speaker,
            place,
        }
    }

    /// Whether mention `mi` is a speaker.
    #[inline]
    fn in_frame(&self, mi: usize) -> bool {
        if mi < 64 {
            self.speaker_bits & 1 << mi != 0
        } else {
            self.speakers.iter().any(|&(sm, _, _)| sm == mi)
        }
    }

    /// Whether entity `e` is a speaker of the sentence.
    fn speaks(&self, e: usize) -> bool {
        let of = |sm: usize| matches!(self.s.mentions[sm].r, Ref::Entity(x) if x == e);
        self.speakers.iter().any(|&(sm, _, _)| of(sm))
    }

    /// Whether token `tok` is inside a reporting frame ("Li said").
    #[inline]
    fn frame_at(&self, tok: usize) -> bool {
        self.speakers.iter().any(|&(_, a, b)| tok >= a && tok < b)
    }

    /// The kind of a mention's entity; `None` for the article's pair.
    #[inline]
    fn kind_of(&self, m: &Resolved) -> Option<EntityKind> {
        match m.r {
            Ref::Entity(e) => Some(self.res.entities[e].kind),
            Ref::Pair { .. } => None,
        }
    }

    /// The entities a mention stands for: its own (or, `acting`, the state
    /// it acts for), or the article's two sides.
    #[inline(always)]
    fn expand(&self, m: &Resolved, acting: bool) -> Short<usize, 2> {
        let mut v = Short::default();
        match m.r {
            Ref::Entity(e) => v.push(if acting { m.acts_as.unwrap_or(e) } else { e }),
            Ref::Pair { countries } => {
                if let Some((a, b)) = self.pair {
                    if countries {
                        v.push(self.res.role_country(a).unwrap_or(a));
                        v.push(self.res.role_country(b).unwrap_or(b));
                    } else {
                        v.push(a);
                        v.push(b);
                    }
                }
            }
        }
        v
    }

    /// Adds the relation `source` -> `target` of `cue` to `out`, once.
    fn emit(
        &self,
        out: &mut Vec<Relation>,
        cue: &Cue,
        source: usize,
        target: usize,
        speaker: Option<usize>,
    ) {
        let kind = cue.kind;
        // "summoned Ambassador X": a criticism of an envoy is one of their state
        let target = match kind {
            EdgeKind::Criticism => self.envoy_state(target).unwrap_or(target),
            _ => target,
        };
        if source == target || self.visits_itself(kind, source, target) {
            return;
        }
        // "Sri Lanka secured a credit line from India": India gives
        let (source, target) = match cue.received {
            true => (target, source),
            false => (source, target),
        };
        let (source, target) = if kind.is_directed() || source < target {
            (source, target)
        } else {
            (target, source)
        };
        if out
            .iter()
            .any(|o| o.kind == kind && o.source == source && o.target == target)
        {
            return;
        }
        out.push(Relation {
            kind,
            cameo: cue.cameo.to_string(),
            source,
            target,
            // one who speaks in the sentence speaks for themselves
            speaker: speaker.filter(|&s| s != source && !self.speaks(source)),
            place: self.place,
            planned: cue.planned,
            apart: false,
            no_visit: cue.no_visit,
        });
    }

    /// Whether a visit of `source` to `target` is a state's to a place of its
    /// own ("Saudi Arabia invited Raisi to visit Riyadh": Raisi visits).
    fn visits_itself(&self, kind: EdgeKind, source: usize, target: usize) -> bool {
        let (a, b) = (&self.res.entities[source], &self.res.entities[target]);
        kind == EdgeKind::Visit
            && a.kind == EntityKind::Country
            && b.kind == EntityKind::Place
            && a.country.is_some()
            && a.country == b.country
    }

    /// The state that sent `e`, when `e` is a person whose titles held are
    /// all envoys' ("Ambassador", "Special Envoy": the lexicon's
    /// `resident_envoys` and `travelling_envoys`).
    fn envoy_state(&self, e: usize) -> Option<usize> {
        let ent = &self.res.entities[e];
        if ent.kind != EntityKind::Person {
            return None;
        }
        let w = &self.s.g.extract_words;
        let mut held = ent.roles.iter().filter(|r| !r.former).peekable();
        held.peek()?;
        if !held.all(|r| crate::bytes::with_lower(&r.title, |t| w.is_envoy(t))) {
            return None;
        }
        self.res.role_country(e)
    }

    /// Whether partners `targets` are what the cue's entry asks of them: of
    /// its `partner_kinds`, and not followed by one of its
    /// `not_after_partner` words ("called on X to act").
    fn partners_fit(&self, hit: CueHit, targets: &[usize]) -> bool {
        let s = self.s;
        let entry = &s.g.cues[hit.cue];
        if entry.partner_kinds.is_empty() && entry.not_after_partner.is_empty() {
            return true;
        }
        let (Some(&first), Some(&last)) = (targets.first(), targets.last()) else {
            return entry.partner_kinds.is_empty();
        };
        let kind_ok = entry.partner_kinds.is_empty()
            || (self.kind_of(&s.mentions[first])).is_some_and(|k| entry.partner_kinds.contains(&k));
        let end = s.mentions[last].end;
        let undone =
            end < s.range.end && entry.not_after_partner.iter().any(|w| *w == s.lower(end));
        kind_ok && !undone
    }

    /// Adds the relations of the cue of `hit` to `out`.
    fn relate(&self, hit: CueHit, l: &mut Lists, out: &mut Vec<Relation>) {
        let Some(cue) = self.cue(hit) else { return };
        // partners after the cue, the agent before it
        self.partners(&cue, l);
        if !self.partners_fit(hit, &l.targets) {
            return;
        }
        if cue.kind == EdgeKind::Visit && cue.frame == Frame::Subject {
            self.near_destination(&cue, l);
        }
        let Some(agent) = self.cue_agent(&cue, l) else {
            return;
        };
        // "King Salman, whom Modi thanked (for his wishes)": the partner is
        // the one before "whom", not one after the cue
        if let Some(t) =
            agent.and_then(|a| self.object_antecedent(a).or(self.its_antecedent(&cue, a)))
        {
            l.targets.clear();
            l.targets.push(t);
        }
        if self.passive_forms(&cue, agent, l, out) {
            return;
        }
        // both sides after the cue, or the visitor after it; among the agents
        match cue.frame {
            Frame::Among => return self.among(&cue, agent, l, out),
            Frame::Between => return self.between(&cue, agent, &l.targets, out),
            Frame::Visitor if self.visitor(&cue, l, out) => return,
            _ => {}
        }
        // "strengthening the partnership between A and B": a pledge each way
        // (a pledge's partners, found here, do not change below)
        let pledge = cue.kind == EdgeKind::Commitment;
        if pledge {
            self.partner_entities(cue.kind, l);
            if self.between_pair(l) {
                return self.each_way(&cue, &l.partners, out);
            }
        }
        if !self.gather_agents(agent, &mut l.agents) {
            return;
        }
        if self.pair_restates_agents(&cue, l) {
            return self.without_partner(&cue, &l.agents, out);
        }
        // the one partner: the person met, the state visited
        if let [t0] = *l.targets {
            l.targets[0] = match cue.kind {
                EdgeKind::Meeting => self.person_met(t0),
                EdgeKind::Visit => self.visited_state(hit, t0),
                _ => t0,
            };
        }
        let hosting = cue.kind == EdgeKind::Meeting && cue.cameo == HOST_CAMEO;
        if hosting {
            self.guests_only(hit, l);
        }
        if !pledge {
            self.partner_entities(cue.kind, l);
        }
        if l.partners.is_empty() {
            return self.without_partner(&cue, &l.agents, out);
        }
        let multi_agent = l.agents.len() >= 2;
        // "X and Y agreed to continue their contacts": a pledge to each other;
        // a third party only when named with "with"
        // "X and Y pledged $2 billion to Z": to Z, not to each other
        if cue.kind == EdgeKind::Commitment && multi_agent && !self.keep_beneficiaries(&cue, l) {
            self.each_way(&cue, &l.agents, out);
            self.keep_named_with(l);
        }
        self.add_states(l);
        self.agents_with_partners(&cue, l, multi_agent, out);
        if hosting {
            self.guest_visits(&cue, l, out);
        }
    }

    /// The state or body "its" or "their" right after a stance cue stands
    /// for when a person acts: the last one named before the cue ("Wallstrom
    /// called Saudi Arabia a dictatorship and denounced its treatment of
    /// women"). A state acting owns the "its" itself ("China reaffirmed its
    /// support").
    fn its_antecedent(&self, cue: &Cue, a: usize) -> Option<usize> {
        let (s, hit) = (self.s, cue.hit);
        let stance = matches!(
            cue.kind,
            EdgeKind::Criticism | EdgeKind::Praise | EdgeKind::Support
        );
        if !stance
            || cue.frame != Frame::Subject
            || hit.end >= s.range.end
            || possessive_pronoun(s.lower(hit.end)) != Some(false)
            || self.kind_of(&s.mentions[a]) != Some(EntityKind::Person)
        {
            return None;
        }
        let before = s.mentions.get(a + 1..).unwrap_or_default();
        let k = before.iter().rposition(|m| {
            m.end <= hit.start
                && !m.weak
                && matches!(
                    self.kind_of(m),
                    Some(EntityKind::Country | EntityKind::Organization)
                )
        })?;
        let t = a + 1 + k;
        match (&s.mentions[a].r, &s.mentions[t].r) {
            (Ref::Entity(x), Ref::Entity(y)) if !same_side(self.res, *x, *y) => Some(t),
            _ => None,
        }
    }

    /// The agent of the cue (`None` inside when it is left to the speaker),
    /// or `None` when the cue makes no relation.
    fn cue_agent(&self, cue: &Cue, l: &mut Lists) -> Option<Option<usize>> {
        let hit = cue.hit;
        Some(match cue.frame {
            // "Sweden's criticism of X": the possessor or none
            Frame::Nominal => {
                let p = self.possessor(hit)?;
                Some(self.joined_subject(hit, p).unwrap_or(p))
            }
            // "During the talks, A told B": A and B, or nobody
            _ if !cue.addressed_after.is_empty() => Some(self.fronted_agent(cue, l)?),
            // "during President Hichilema's visit to Lilongwe": the possessor visits
            _ => match (cue.kind == EdgeKind::Visit).then(|| self.visit_owner(hit)) {
                Some(Some(owner)) => Some(owner),
                _ if self.asked_of_unnamed(hit.start) => return None,
                _ => match self.agent(hit, &l.used) {
                    None => self.fronted_agent(cue, l),
                    Some(a) => Some(self.joined_subject(hit, a).unwrap_or(a)),
                },
            },
        })
    }

    /// The subject a possessive pronoun (mention `p`) right after a verb
    /// joined by "and" stands for: the one its verb shares with the verb
    /// before ("Milei met Netanyahu and reiterated his promise": Milei), a
    /// person for "his" and "her".
    fn joined_subject(&self, hit: CueHit, p: usize) -> Option<usize> {
        let s = self.s;
        let m = &s.mentions[p];
        let st = m.start;
        let person = possessive_pronoun(s.lower(st))?;
        if m.end != st + 1 || !s.after_word("and", st, 2..=2) {
            return None;
        }
        let at = CueHit {
            start: st,
            end: m.end,
            ..hit
        };
        let a = self.agent(at, &[])?;
        let is_person = self.kind_of(&s.mentions[a]) == Some(EntityKind::Person);
        (a != p && is_person == person).then_some(a)
    }

    /// The Among frame: each way among the two or more agents named before
    /// the cue ("Lula and Fernandez discussed trade"); a pair phrase ("the
    /// leaders") adds nothing to the meeting that made them a pair.
    fn among(&self, cue: &Cue, agent: Option<usize>, l: &mut Lists, out: &mut Vec<Relation>) {
        let named = agent.is_some_and(|a| matches!(self.s.mentions[a].r, Ref::Entity(_)));
        if named && self.gather_agents(agent, &mut l.agents) && l.agents.len() >= 2 {
            self.each_way(cue, &l.agents, out);
        }
    }

    /// Whether the one partner of a meeting or signing of two or more agents
    /// is a pair phrase restating their sides ("A and B witnessed the signing
    /// of agreements between the two countries").
    fn pair_restates_agents(&self, cue: &Cue, l: &Lists) -> bool {
        let ms = self.s.mentions;
        matches!(cue.kind, EdgeKind::Meeting | EdgeKind::Agreement)
            && l.agents.len() >= 2
            && matches!(*l.targets, [t0] if matches!(ms[t0].r, Ref::Pair { .. }))
    }

    /// Each agent with each partner (of another side, when one agent
    /// acted: `multi_agent` is false).
    fn agents_with_partners(
        &self,
        cue: &Cue,
        l: &Lists,
        multi_agent: bool,
        out: &mut Vec<Relation>,
    ) {
        for &x in l.agents.iter() {
            for &y in l.partners.iter() {
                if x == y || same_side(self.res, x, y) && !multi_agent {
                    continue;
                }
                let sp = self.speaker.filter(|&sp| sp != x);
                self.emit(out, cue, x, y, sp);
            }
        }
    }

    /// The cue of `hit` as its lexicon entry has it; `None` when negated
    /// ("did not support").
    fn cue(&self, hit: CueHit) -> Option<Cue<'c>> {
        let s = self.s;
        let entry = &s.g.cues[hit.cue];
        let kind = entry.kind;
        let cameo: &str = if entry.cameo.is_empty() {
            kind.default_cameo()
        } else {
            &entry.cameo
        };
        // negation or the future just before the cue
        let mut before = hit.start.saturating_sub(3).max(s.range.start)..hit.start;
        if before
            .clone()
            .any(|k| s.is_in(k, class::NEGATION, &s.g.negation))
        {
            return None;
        }
        if kind == EdgeKind::Meeting && self.passive_idiom(hit) {
            return None;
        }
        // "During the talks, A told B": a gathering only where it opens the sentence
        if !entry.addressed_after.is_empty() && hit.start > s.range.start + 3 {
            return None;
        }
        // the cue may begin with the future word itself: "due in Cairo"
        before.end += 1;
        let planned = matches!(kind, EdgeKind::Meeting | EdgeKind::Visit)
            && before.any(|k| s.is_in(k, class::FUTURE, &s.g.future));
        Some(Cue {
            hit,
            kind,
            frame: entry.frame,
            cameo,
            planned,
            received: entry.received,
            no_visit: entry.no_visit,
            addressed_after: &entry.addressed_after,
        })
    }
}

/// Where a meeting or visit cue means none, or its visitor comes late.
impl Context<'_> {
    /// "was met with criticism": a form of "be" before a meeting cue
    /// followed by "with" is a passive idiom, no meeting.
    fn passive_idiom(&self, hit: CueHit) -> bool {
        let s = self.s;
        let with = |k: usize| k < s.range.end && s.lower(k) == "with";
        hit.start > s.range.start
            && s.in_list(hit.start - 1, list::PASSIVE_AUXILIARIES)
            && (with(hit.end - 1) || with(hit.end))
    }

    /// "On a visit to Myanmar, Singh held talks": a visit or meeting cue
    /// opening the sentence, with no agent before it, has the first person
    /// after a comma past its partners as its agent (no longer a partner).
    /// A meeting with no partner before the comma meets the next person
    /// after the agent ("In a phone call, Wang told Jaishankar").
    fn fronted_agent(&self, cue: &Cue, l: &mut Lists) -> Option<usize> {
        let s = self.s;
        let opens = cue.hit.start <= s.range.start + 3;
        if !opens || !matches!(cue.kind, EdgeKind::Visit | EdgeKind::Meeting) {
            return None;
        }
        let from = l
            .targets
            .first()
            .map_or(cue.hit.end, |&t| s.mentions[t].end);
        let comma = (from..s.range.end).find(|&k| s.is_char(k, b','))?;
        let meeting = cue.kind == EdgeKind::Meeting;
        // one who met may also speak ("In a phone call, Wang told Jaishankar")
        let person = |m: &Resolved| {
            !m.weak
                && self.kind_of(m) == Some(EntityKind::Person)
                && (meeting || !self.frame_at(m.start))
        };
        let v = s
            .mentions
            .iter()
            .position(|m| m.start > comma && person(m))?;
        l.targets.retain(|&t| t < v);
        if !cue.addressed_after.is_empty() {
            let k = self.addressed(cue, v)?;
            l.targets.clear();
            l.targets.push(k);
        } else if meeting && l.targets.is_empty() {
            let met = (v + 1..s.mentions.len()).find(|&k| person(&s.mentions[k]));
            if let Some(k) = met {
                l.targets.push(k);
            }
        }
        Some(v)
    }

    /// The person right after one of the cue's `addressed_after` words
    /// next to mention `v` ("Wang told Blinken"; "Wang also told Blinken").
    fn addressed(&self, cue: &Cue, v: usize) -> Option<usize> {
        let s = self.s;
        let mut k = s.mentions[v].end;
        while k < s.range.end && s.in_list(k, list::REPORTING_ADVERBS) {
            k += 1;
        }
        let verb = k < s.range.end && cue.addressed_after.iter().any(|w| w == s.lower(k));
        let m = s.mentions.get(v + 1)?;
        let person = !m.weak && self.kind_of(m) == Some(EntityKind::Person);
        (verb && m.start == k + 1 && person).then_some(v + 1)
    }

    /// A visit's destination is named right after the cue ("visited the
    /// Chinese capital") or after a destination preposition ("visited the
    /// Gulf state of Qatar"), not later in the clause ("visited the islands,
    /// sparking a row with Japan"): else the cue has no partner.
    fn near_destination(&self, cue: &Cue, l: &mut Lists) {
        let s = self.s;
        let Some(&t0) = l.targets.first() else {
            return;
        };
        let m = &s.mentions[t0];
        let introduced = s
            .introducer(m.start)
            .is_some_and(|k| s.in_list(k, list::DESTINATION_PREPOSITIONS));
        if !(m.start <= cue.hit.end + 2 || introduced) {
            l.targets.clear();
        }
    }
}

/// The cue's partners and agent.
impl Context<'_> {
    /// The partners after the cue, into `l.targets`: the first one the
    /// cue's kind takes, with those joined to it ("with X and Y").
    fn partners(&self, cue: &Cue, l: &mut Lists) {
        let (s, hit, kind) = (self.s, cue.hit, cue.kind);
        let subject = matches!(cue.frame, Frame::Subject | Frame::Nominal);
        let targets = &mut l.targets;
        targets.clear();
        let mut last_end = None;
        // the first ";" or "and said" after the cue, sought as far as the partners go
        let mut stop = Seek::new(hit.end);
        // the attack noun after a criticism cue, sought when first needed
        let mut victim_after: Option<Option<usize>> = match kind {
            EdgeKind::Criticism => None,
            _ => Some(None),
        };
        if self.war_with(cue) {
            return;
        }
        let opposed_act = kind == EdgeKind::Criticism && self.opposed_act(hit);
        for (mi, m) in s.mentions.iter().enumerate() {
            let visitor = cue.frame == Frame::Visitor && targets.is_empty();
            // "paid Buhari a visit": a partner may stand inside the cue
            if m.start <= hit.start || (m.start < hit.end && !self.partner_inside(kind, hit, m)) {
                continue;
            }
            // "warned the West against supplying arms to Ukraine": who is
            // warned stands inside the cue; the act's objects are none
            if opposed_act && m.start >= hit.end {
                break;
            }
            if self.clause_ended(mi, m, visitor, hit, &mut stop) || self.opens_clause(m) {
                break;
            }
            // "condemned the attack on its embassy in Kyiv": past the attack,
            // its victim or place, but for its agent ("by the Taliban")
            let mut victim = || *victim_after.get_or_insert_with(|| self.attack_noun(hit));
            // (the noun stands at the cue's end or after it)
            if m.start > hit.end
                && victim().is_some_and(|v| m.start > v)
                && !s
                    .introducer(m.start)
                    .is_some_and(|k| s.in_list(k, list::AGENT_PREPOSITIONS))
            {
                continue;
            }
            // "the financial support the Kingdom had extended": right after a
            // noun, the subject of a clause about it, no partner
            if targets.is_empty() && self.clause_subject(cue, m) {
                break;
            }
            // "looked forward to the NATO summit": the object is a gathering
            // (a visit goes on to where it is held)
            if self.modifies_event(m) {
                match kind {
                    EdgeKind::Visit => continue,
                    _ => break,
                }
            }
            let unfit =
                !self.kind_of(m).is_none_or(|k| target_ok(kind, k)) && !self.capital_partner(m);
            // "thanked his dear brother Erdogan": the partner is the one named
            if unfit || self.possessor_of_next(mi) {
                continue;
            }
            if let Some(last) = last_end {
                // coordination: "with X and Y"; "to X for A, and to Y for B"
                if !self.coordinated(last, m.start) && !self.parallel(targets[0], m.start) {
                    break;
                }
                targets.push(mi);
                last_end = Some(m.end);
                continue;
            }
            // a meeting or signing is with the one named right after the
            // cue or after "with"; else it is among the agents
            let meets = matches!(kind, EdgeKind::Meeting | EdgeKind::Agreement);
            if meets && subject && !self.met_here(hit, m) {
                break;
            }
            let initiative = self.kind_of(m) == Some(EntityKind::Initiative);
            // a commitment's partner is introduced ("work with X", "committed to X")
            // or follows the cue at once; an initiative may stand anywhere
            if kind == EdgeKind::Commitment
                && subject
                && !initiative
                && !(m.start <= hit.end + 5 || self.introduced_pledge(m.start))
            {
                continue;
            }
            // Commitment prefers an actor; an initiative only with none
            let mi = match kind == EdgeKind::Commitment && initiative {
                true => self.actor_after(mi, hit).unwrap_or(mi),
                false => mi,
            };
            targets.push(mi);
            last_end = Some(s.mentions[mi].end);
        }
    }

    /// "to discuss the war with Russia": the one after a meeting cue ending
    /// in a war noun and "with" is the enemy, not met.
    fn war_with(&self, cue: &Cue) -> bool {
        let (s, hit) = (self.s, cue.hit);
        cue.kind == EdgeKind::Meeting
            && hit.end >= hit.start + 3
            && s.lower(hit.end - 1) == "with"
            && s.victim_noun(hit.end - 2)
    }

    /// Whether mention `m`, which begins inside the cue `hit` of `kind`, may
    /// be its partner ("paid Buhari a visit").
    fn partner_inside(&self, kind: EdgeKind, hit: CueHit, m: &Resolved) -> bool {
        let s = self.s;
        // "expressed Russia's condemnation": a possessor inside the cue is not its partner;
        // nor "his" or "their" in "expressed his readiness", "recalled their
        // ambassadors": the agents'
        // nor, in a criticism, "its ambassador" in "recalled its ambassador": its own envoy
        let own =
            s.in_list(m.start, list::PARTNER_DETERMINERS) && !s.in_list(m.start, list::ARTICLES);
        let pronoun = own && (m.end == m.start + 1 || kind == EdgeKind::Criticism);
        let possessor = m.end < s.range.end && s.is_possessive(m.end);
        if possessor || pronoun || self.kind_of(m).is_none() {
            return false;
        }
        match kind {
            // "discussed the situation in Ukraine with X": a meeting cue
            // ending in "with" names its partner after it
            EdgeKind::Meeting => s.lower(hit.end - 1) != "with",
            // "during his visit to": the visitor, named inside the cue before
            // a noun (not "paid Buhari a visit", "was in Berlin on a visit"),
            // is not where he goes
            // nor, in "departed Abuja for Nairobi", the place left
            EdgeKind::Visit => {
                m.end < s.range.end
                    && s.in_list(m.end, list::ARTICLES | list::OBJECT_PREPOSITIONS)
                    && s.lower(hit.end - 1) != "for"
            }
            _ => true,
        }
    }

    /// The token of a noun of an attack (the lexicon's `victim_nouns`)
    /// among the few words after the criticism cue `hit`: "condemned the
    /// deadly attack".
    fn attack_noun(&self, hit: CueHit) -> Option<usize> {
        let s = self.s;
        (hit.end..(hit.end + 5).min(s.range.end)).find(|&k| s.victim_noun(k))
    }

    /// Whether mention `m` stands right after `cue` used as a noun ("the
    /// support", "its financial support") and before a form of "be" or
    /// "have": the subject of a clause about the cue ("the support the
    /// Kingdom had extended"), not its partner.
    fn clause_subject(&self, cue: &Cue, m: &Resolved) -> bool {
        let s = self.s;
        let hit = cue.hit;
        let noun = || {
            (hit.start.saturating_sub(2).max(s.range.start)..hit.start)
                .any(|k| s.in_list(k, list::NOUN_MARKERS))
        };
        // "visit to Iraq was his first": after a preposition, its object
        m.start == hit.end
            && m.end < s.range.end
            && s.in_list(m.end, list::CLAUSE_AUXILIARIES)
            && !s.in_list(hit.end - 1, list::OBJECT_PREPOSITIONS)
            && noun()
    }

    /// The mention "whom" stands for when it comes right before the agent
    /// mention `a`: the actor before the comma before it ("King Salman,
    /// whom Modi thanked").
    fn object_antecedent(&self, a: usize) -> Option<usize> {
        let s = self.s;
        let st = s.mentions[a].start;
        if a == 0 || st < s.range.start + 3 || !s.g.object_relatives.has(s.lower(st - 1)) {
            return None;
        }
        let prev = &s.mentions[a - 1];
        (prev.end + 2 == st && s.is_char(st - 2, b',') && s.is_actor(prev)).then_some(a - 1)
    }

    /// Whether mention `m` is a capital, which may stand for its state
    /// ("Kyiv accused", "recalled its ambassador to Ottawa").
    fn capital_acting(&self, m: &Resolved) -> bool {
        m.acts_as.is_some() && self.kind_of(m) == Some(EntityKind::Place)
    }

    /// Whether mention `mi` is a possessive pronoun ("his", "their": one
    /// token of the partner determiners) of the noun phrase the next
    /// mention ends: up to three plain lower-case words between ("his dear
    /// brother Mr. Erdogan", "their old friend Japan"), none a preposition.
    fn possessor_of_next(&self, mi: usize) -> bool {
        let s = self.s;
        let (m, Some(next)) = (&s.mentions[mi], s.mentions.get(mi + 1)) else {
            return false;
        };
        let not_between = list::OBJECT_PREPOSITIONS
            | list::COMMITMENT_PREPOSITIONS
            | list::CLAUSE_OPENERS
            | list::RELATIVE_PRONOUNS;
        let plain = |k: usize| {
            s.toks[k].bytes(s.text).iter().all(u8::is_ascii_lowercase)
                && !s.in_list(k, not_between)
                && !matches!(s.toks[k].bytes(s.text), b"and" | b"or")
        };
        m.end == m.start + 1
            && s.in_list(m.start, list::PARTNER_DETERMINERS)
            && next.start >= m.end
            && next.start - m.end <= 3
            && (m.end..next.start).all(plain)
    }

    /// Whether mention `m` is a capital standing for its state as a partner
    /// ("recalled its ambassador to Ottawa"), not a venue ("talks in Ottawa").
    fn capital_partner(&self, m: &Resolved) -> bool {
        self.capital_acting(m)
            && m.start > self.s.range.start
            && !self.s.in_list(m.start - 1, list::VENUE_PREPOSITIONS)
    }

    /// Whether the cue's clause ends before mention `mi` (`m`): at a
    /// speaker or reporting frame (unless `visitor` is still sought), 30
    /// tokens on, or at a ";" or an "and said" (sought by `stop`).
    #[inline]
    fn clause_ended(
        &self,
        mi: usize,
        m: &Resolved,
        visitor: bool,
        hit: CueHit,
        stop: &mut Seek,
    ) -> bool {
        // past the speaker of a reported clause, the clause has ended; so it
        // has past ";" or past "and said"
        let s = self.s;
        (!visitor && (self.in_frame(mi) || self.frame_at(m.start)))
            || m.start > hit.end + 30
            || stop.after(m.start, |k| s.ends_report(k))
    }

    /// Whether mention `m` is the subject of a clause a conjunction opens
    /// ("elevated their ties as Modi held talks"): right after one of the
    /// lexicon's subordinators, before a lower-case word that is no
    /// preposition.
    fn opens_clause(&self, m: &Resolved) -> bool {
        let s = self.s;
        m.start > s.range.start
            && m.end < s.range.end
            && s.in_list(m.start - 1, list::SUBORDINATORS)
            && lower_case(s.s(m.end))
            && !s.in_list(m.end, list::OBJECT_PREPOSITIONS)
    }

    /// Whether a mention starting at `start` is joined to one ending at
    /// `end` by "and", "," or ", and".
    #[inline]
    fn coordinated(&self, end: usize, start: usize) -> bool {
        let s = self.s;
        s.joint(end, start).is_some()
    }

    /// Whether mention `m` names what a gathering is of ("the NATO summit"),
    /// a modifier rather than an actor.
    #[inline]
    fn modifies_event(&self, m: &Resolved) -> bool {
        m.end < self.s.range.end && self.s.in_list(m.end, list::EVENT_NOUNS)
    }

    /// Whether the mention starting at `start` repeats, after "and", the
    /// preposition that introduced the first partner `first` (a mention
    /// index): "gratitude to Iraq for hosting, and to China for supporting".
    fn parallel(&self, first: usize, start: usize) -> bool {
        let s = self.s;
        let Some(p0) = s.introducer(s.mentions[first].start) else {
            return false;
        };
        s.introducer(start).is_some_and(|p| {
            p > p0 + 1
                && s.s(p - 1) == "and"
                && s.lower(p) == s.lower(p0)
                && s.in_list(p, list::OBJECT_PREPOSITIONS | list::COMMITMENT_PREPOSITIONS)
        })
    }

    /// Whether `m` is where a meeting's partner stands: right after the
    /// cue, after "with" (or "by", "to"), or soon after a cue ending in "with".
    #[inline]
    fn met_here(&self, hit: CueHit, m: &Resolved) -> bool {
        let s = self.s;
        // right after the cue, or past determiners ("received the visiting X")
        // ("said in a phone call that China ...": not the one in the clause after "that")
        let clause = m.start == hit.end + 1 && s.lower(hit.end) == "that";
        // "signed deals during Erdogan's visit": past another preposition, not met
        let past_preposition = m.start == hit.end + 1
            && s.in_list(hit.end, list::OBJECT_PREPOSITIONS)
            && !s.in_list(hit.end, list::MEETING_PREPOSITIONS);
        let near = m.start <= hit.end + 1 && !clause && !past_preposition
            || s.introducer(m.start) == Some(hit.end - 1);
        let with = m.start > 0 && s.in_list(m.start - 1, list::MEETING_PREPOSITIONS);
        // "met with": the one cue word that lets the partner come later
        let cue_with = s.lower(hit.end - 1) == "with";
        // "was summoned by the foreign ministry", "was met by X": a passive's agent
        let by = hit.start > s.range.start
            && s.in_list(hit.start - 1, list::PASSIVE_AUXILIARIES)
            && s.introducer(m.start)
                .is_some_and(|k| k == hit.end && s.in_list(k, list::AGENT_PREPOSITIONS));
        near || with || by || (cue_with && m.start <= hit.end + 3) || self.after_venue(hit, m)
    }

    /// Whether mention `m` comes right after a place named right after the
    /// cue ("received at Bayan Palace the visiting minister", "received in
    /// Nairobi Wang Yi").
    fn after_venue(&self, hit: CueHit, m: &Resolved) -> bool {
        let s = self.s;
        let Some(k) = s.introducer(m.start) else {
            return false;
        };
        s.mentions.iter().any(|v| {
            v.end == k + 1
                && self.kind_of(v) == Some(EntityKind::Place)
                && s.introducer(v.start)
                    .is_some_and(|p| p == hit.end && s.in_list(p, list::VENUE_PREPOSITIONS))
        })
    }

    /// Whether the mention starting at `start` is introduced as the partner
    /// of a commitment ("work with X", "committed to the UN").
    #[inline]
    fn introduced_pledge(&self, start: usize) -> bool {
        let s = self.s;
        s.introducer(start)
            .is_some_and(|k| s.in_list(k, list::COMMITMENT_PREPOSITIONS))
    }

    /// The first actor from mention `mi` on, near the cue and outside a
    /// reporting frame.
    fn actor_after(&self, mi: usize, hit: CueHit) -> Option<usize> {
        let after = self.s.mentions.get(mi..).unwrap_or_default();
        let in_clause = after.iter().take_while(|x| !self.opens_clause(x));
        let actor = in_clause.into_iter().position(|x| {
            x.start < hit.end + 30
                && !x.weak
                && self.kind_of(x).is_some_and(|k| k.is_actor())
                && !self.frame_at(x.start)
        })?;
        Some(mi + actor)
    }

    /// The agent's mention: the nearest actor before the cue, in its clause.
    fn agent(&self, hit: CueHit, used: &[usize]) -> Option<usize> {
        let s = self.s;
        // the last ";" or ":" before the cue, sought as far as the agents go
        let mut colon = Seek::new(hit.start);
        let mut gerund = None;
        let joining = self.joining(hit);
        for (mi, m) in s.mentions.iter().enumerate().rev() {
            // "after Kyiv accused him": a capital right before the cue acts
            let acting = m.end == hit.start && matches!(m.r, Ref::Entity(_));
            if m.end > hit.start || m.weak && !acting {
                continue;
            }
            // "..., Li said at the summit co-chaired by him": past the speaker, the speaker acts
            if self.in_frame(mi) {
                break;
            }
            // "praised China for supporting the UN": the one praised is the supporter
            // "a call from X, who congratulated him": the one named before "who" acts
            let antecedent = self.relative_antecedent(m, hit.start);
            if used.contains(&mi)
                && !antecedent
                && !*gerund.get_or_insert_with(|| self.after_gerund_prep(hit))
            {
                continue;
            }
            if self.kind_of(m).is_some_and(|k| !k.is_actor()) && !self.capital_acting(m) {
                continue;
            }
            if self.frame_at(m.end) || colon.before(m.end, |k| s.is_either(k, b';', b':')) {
                break;
            }
            // "near the Israel embassy": the object of a preposition is no
            // subject (but "after Kyiv accused him": one opening a clause
            // right before the cue is); "the Contact Group meeting" names a gathering
            let opens_clause =
                acting && m.start > s.range.start && s.in_list(m.start - 1, list::CLAUSE_OPENERS);
            if self.object_of_preposition(m.start)
                && !opens_clause
                && !antecedent
                && !self.led_by(m)
                || self.modifies_event(m)
                || self.object_of_joined_verb(m.start, hit.start, joining)
                || self.relative_clause_before(m, hit.start)
                || self.inviter(m.end, hit.start)
            {
                continue;
            }
            return Some(mi);
        }
        None
    }

    /// Whether the cue at `cue` is asked of others not named ("the US
    /// urged Latin American countries to condemn Hamas"): after "to", a
    /// directive verb at most eight words before it, no mention between.
    fn asked_of_unnamed(&self, cue: usize) -> bool {
        let s = self.s;
        if cue < s.range.start + 3 || s.lower(cue - 1) != "to" {
            return false;
        }
        let from = cue.saturating_sub(9).max(s.range.start);
        let Some(v) = (from..cue - 2)
            .rev()
            .find(|&k| s.in_list(k, list::DIRECTIVE_VERBS))
        else {
            return false;
        };
        !s.mentions.iter().any(|m| m.start > v && m.start < cue)
    }

    /// Whether mention `m` follows "led by" or "headed by": the leader of
    /// a group named before ("a delegation led by X arrived"), who acts for it.
    fn led_by(&self, m: &Resolved) -> bool {
        let s = self.s;
        s.introducer(m.start).is_some_and(|by| {
            by > s.range.start
                && s.in_list(by, list::AGENT_PREPOSITIONS)
                && s.in_list(by - 1, list::LEADER_PARTICIPLES)
        })
    }

    /// Whether mention `m` is followed by ", who" opening the clause of the
    /// cue at `cue`, past at most two words ("X, who also thanked").
    fn relative_antecedent(&self, m: &Resolved, cue: usize) -> bool {
        let s = self.s;
        let e = m.end;
        e + 2 <= cue
            && cue <= e + 4
            && s.is_char(e, b',')
            && s.in_list(e + 1, list::RELATIVE_PRONOUNS)
    }

    /// Whether mention `m` stands inside a relative clause closed before the
    /// cue at `cue` ("the envoy, who is also accredited to Yemen and Oman,
    /// and recalled ..."): a comma between them, a comma and a relative
    /// pronoun of the lexicon at most 25 tokens before it.
    fn relative_clause_before(&self, m: &Resolved, cue: usize) -> bool {
        let s = self.s;
        (m.end..cue).any(|k| s.is_char(k, b','))
            && (s.range.start + 1..m.start)
                .rev()
                .take(25)
                .any(|k| s.in_list(k, list::RELATIVE_PRONOUNS) && s.is_char(k - 1, b','))
    }

    /// The agent of a noun cue: its possessor ("Sweden's criticism"), or
    /// the demonym or state named right before it ("Swedish criticism"),
    /// past at most two lower-case words ("Sweden's strong criticism").
    fn possessor(&self, hit: CueHit) -> Option<usize> {
        let s = self.s;
        let mut b = hit.start;
        let lower_word = |k: usize| {
            s.s(k)
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
        };
        while b > s.range.start && hit.start - b < 2 && lower_word(b - 1) {
            b -= 1;
        }
        // right before the noun any name ("U.S. sanctions"); before its
        // adjectives a possessor or a demonym ("Swedish harsh criticism")
        let owner = |m: &Resolved| {
            let possessor = m.end + 1 == b && s.is_possessive(m.end);
            m.end == hit.start || possessor || m.end == b && m.weak
        };
        let found = s.mentions.iter().position(owner)?;
        let actor = self
            .kind_of(&s.mentions[found])
            .is_none_or(|k| k.is_actor());
        actor.then_some(found)
    }

    /// The possessor before a visit noun ("Hichilema's state visit to"), if
    /// any; not one whose invitation it is ("Kim's invitation to visit").
    fn visit_owner(&self, hit: CueHit) -> Option<usize> {
        let s = self.s;
        self.possessor(hit).filter(|&p| {
            let end = s.mentions[p].end;
            end < s.range.end && s.is_possessive(end) && !self.inviter(end, hit.start)
        })
    }

    /// Whether a mention ending at `end` owns an invitation named before
    /// the cue at `cue` ("Kim's invitation to visit"): it invites, it does
    /// not act.
    fn inviter(&self, end: usize, cue: usize) -> bool {
        let s = self.s;
        let invites = &s.g.extract_words.invitation_words;
        end < s.range.end
            && s.is_possessive(end)
            && (end + 1..cue.min(end + 4)).any(|k| invites.has(s.lower(k)))
    }

    /// Whether the cue ends in a preposition before a gerund: "warned X
    /// against supplying", "firmly against sending": the act opposed.
    fn opposed_act(&self, hit: CueHit) -> bool {
        let s = self.s;
        hit.end < s.range.end
            && s.in_list(hit.end - 1, list::OBJECT_PREPOSITIONS)
            && s.lower(hit.end).ends_with("ing")
            && s.s(hit.end).starts_with(|c: char| c.is_lowercase())
    }

    /// Whether the cue is a gerund after "for" or "by" ("for supporting").
    #[inline]
    fn after_gerund_prep(&self, hit: CueHit) -> bool {
        let s = self.s;
        hit.start > s.range.start
            && s.in_list(hit.start - 1, list::GERUND_PREPOSITIONS)
            && s.lower(hit.start).ends_with("ing")
    }

    /// Whether the mention starting at `start` follows a preposition (past
    /// an article): "near the Israel embassy".
    #[inline]
    fn object_of_preposition(&self, start: usize) -> bool {
        let s = self.s;
        let mut b = start;
        while b > s.range.start && s.in_list(b - 1, list::ARTICLES) {
            b -= 1;
        }
        b > s.range.start && s.in_list(b - 1, list::OBJECT_PREPOSITIONS)
    }

    /// How the cue of `hit` joins the clause before it: after "and" (past
    /// one lower-case word: "and supported", "and pledged support"), or, for
    /// a meeting, after "during" ("during a phone call with Li"). Its
    /// subject is then that clause's, not the object of its verb.
    fn joining(&self, hit: CueHit) -> Joining {
        let s = self.s;
        if s.g.cues[hit.cue].kind == EdgeKind::Meeting && s.after_word("during", hit.start, 1..=2) {
            Joining::During
        } else if s.after_word("and", hit.start, 1..=2) {
            Joining::And
        } else {
            Joining::None
        }
    }

    /// Whether the mention starting at `start` is the object of a verb
    /// before a cue at `cue` joined to its clause (`joining`), whose subject
    /// is the cue's too: "Moscow valued Cairo's position and supported
    /// Egypt's efforts", "Lula hosted Petro and pledged", "urged China to
    /// use its influence, during a phone call with Li". The verb is a past
    /// form ("-ed") or a cue word, right before the mention (past an
    /// article or a possessive).
    fn object_of_joined_verb(&self, start: usize, cue: usize, joining: Joining) -> bool {
        let s = self.s;
        // "urged both sides to increase trust and work together": the verbs
        // joined are the object's, in an infinitive
        let infinitive = || (start..cue).any(|k| s.lower(k) == "to");
        let joined = match joining {
            Joining::None => false,
            Joining::And => !infinitive(),
            Joining::During => true,
        };
        if start >= cue || !joined {
            return false;
        }
        let mut b = start;
        while b > s.range.start && s.in_list(b - 1, list::PARTNER_DETERMINERS) {
            b -= 1;
        }
        if b <= s.range.start + 1 {
            return false;
        }
        let v = b - 1;
        let w = s.s(v);
        lower_case(w)
            && (w.len() > 3 && w.ends_with("ed")
                || !s.g.cue_patterns(s.words, s.lowers, v).0.is_empty())
            && !s.in_list(v - 1, list::PASSIVE_AUXILIARIES)
    }

    /// Whether a mention ending at `end` lies in a phrase that opens the
    /// sentence with a preposition and has no comma before it ("Under
    /// Meloni's predecessor Mario Draghi, France and Italy signed").
    fn in_opening_phrase(&self, end: usize) -> bool {
        let s = self.s;
        let a = s.range.start;
        a < end && s.in_list(a, list::OBJECT_PREPOSITIONS) && !(a..end).any(|k| s.is_char(k, b','))
    }

    /// Whether mention `m` is the object of a preposition, or the last of
    /// two joined by "and" whose first is ("under the deal signed between
    /// A and B, C will ...").
    fn fronted_object(&self, m: usize) -> bool {
        let s = self.s;
        let start = s.mentions[m].start;
        self.object_of_preposition(start)
            || m > 0 && {
                let before = &s.mentions[m - 1];
                s.joint(before.end, start) == Some(Joint::And)
                    && self.object_of_preposition(before.start)
            }
    }

    /// Into `out`: the entities of the two or more speakers listed before
    /// the reported clause mention `a` is in ("A, B and C said ..."), if any.
    fn listed_speakers(&self, a: usize, out: &mut Short<usize, 4>) {
        let at = self.s.mentions[a].start;
        let Some(end) = self.speakers.iter().map(|f| f.2).filter(|&e| e <= at).max() else {
            return;
        };
        for &(sm, _, e) in self.speakers {
            if let (true, Ref::Entity(x)) = (e == end, self.s.mentions[sm].r) {
                out.push(x);
            }
        }
        if out.len() < 2 {
            out.clear();
        }
    }

    /// The agents of mention `agent` (and of one joined to it: "X and Y
    /// vowed"), else the speaker, into `agents`; whether there are any.
    fn gather_agents(&self, agent: Option<usize>, agents: &mut Short<usize, 4>) -> bool {
        let s = self.s;
        agents.clear();
        if let Some(a) = agent {
            // "Norway, Ireland and Spain announced that they would": the
            // pair word stands for the listed speakers
            if matches!(s.mentions[a].r, Ref::Pair { .. }) {
                self.listed_speakers(a, agents);
                if !agents.is_empty() {
                    return true;
                }
            }
            agents.extend(&self.expand(&s.mentions[a], true));
            // "X and Y vowed"; "X, Y and Z met": a list of three or more
            // ends in "and", its earlier items are joined by ","
            let (mut k, mut first) = (a, true);
            while k > 0 {
                let prev = &s.mentions[k - 1];
                // "China's Xi and Brazil's Lula": an item's possessor is part of it
                if s.is_possessive(prev.end) && prev.end + 1 == s.mentions[k].start {
                    k -= 1;
                    continue;
                }
                let (from, to) = (prev.end, s.mentions[k].start);
                let joint = s.joint(from, to);
                let joined = if first {
                    joint.is_some()
                } else {
                    joint == Some(Joint::Comma)
                };
                // "On the sidelines of the UN General Assembly, X met": the
                // object of a preposition before a comma is no second agent
                // ("Under Meloni's predecessor Mario Draghi, France and Italy signed")
                let fronted = joint == Some(Joint::Comma)
                    && (first && self.fronted_object(k - 1) || self.in_opening_phrase(prev.end));
                let item = joined
                    && !fronted
                    && !prev.weak
                    && self.kind_of(prev).is_none_or(|k| k.is_actor())
                    && !self.in_frame(k - 1);
                if !item {
                    break;
                }
                agents.extend(&self.expand(prev, true));
                // only a list ending in "and" goes on past two items, but
                // for a headline's list of states ("A, B, C recall ...")
                let states = |m: &Resolved| self.kind_of(m) == Some(EntityKind::Country);
                if first && joint == Some(Joint::Comma) && !(states(prev) && states(&s.mentions[a]))
                {
                    break;
                }
                first = false;
                k -= 1;
            }
        } else if let Some(sp) = self.speaker {
            agents.push(sp);
        }
        !agents.is_empty()
    }
}

/// The passive frame: the agent after "by", the object before the cue.
impl Context<'_> {
    /// The mention after "by" that is the agent of a directed cue in the
    /// past participle ("welcomed by X"), if the cue is one.
    fn passive_agent(&self, cue: &Cue) -> Option<usize> {
        let (s, hit) = (self.s, cue.hit);
        let directed = cue.kind.is_directed() && cue.kind != EdgeKind::Visit;
        if !directed || cue.frame != Frame::Subject || hit.end >= s.range.end {
            return None;
        }
        let participle = past_participle(s.lower(hit.end - 1));
        let by = if participle && s.in_list(hit.end, list::AGENT_PREPOSITIONS) {
            hit.end
        } else if self.after_auxiliary(cue) {
            // "was extended to Sri Lanka by India"
            self.later_by(hit.end)?
        } else {
            return None;
        };
        let mi = s.mentions.iter().position(|m| m.start > by)?;
        let m = &s.mentions[mi];
        let named_next = s.introducer(m.start) == Some(by);
        (named_next && !m.weak && self.kind_of(m).is_none_or(|k| k.is_actor())).then_some(mi)
    }

    /// Whether `cue` begins with a past participle after a form of "be"
    /// ("was extended", "were signed").
    fn after_auxiliary(&self, cue: &Cue) -> bool {
        let (s, hit) = (self.s, cue.hit);
        hit.start > s.range.start
            && past_participle(s.lower(hit.start))
            && s.in_list(hit.start - 1, list::PASSIVE_AUXILIARIES)
    }

    /// The "by" of a passive a few words on in its clause, past a phrase
    /// ("signed in Abuja by", "extended to Sri Lanka by"), from token `from`.
    fn later_by(&self, from: usize) -> Option<usize> {
        let s = self.s;
        let end = (from + 8).min(s.range.end);
        (from..end)
            .take_while(|&k| !s.is_either(k, b',', b';'))
            .find(|&k| s.in_list(k, list::AGENT_PREPOSITIONS))
    }

    /// Adds the relations of `cue` in the passive, `agent` being the one
    /// named before it; whether the cue is in the passive.
    fn passive_forms(
        &self,
        cue: &Cue,
        agent: Option<usize>,
        l: &mut Lists,
        out: &mut Vec<Relation>,
    ) -> bool {
        // "an offer welcomed by the United States": the agent after "by"
        if let Some(by) = self.passive_agent(cue) {
            self.passive(cue, by, agent, &l.targets, out);
        // "the accord was signed by A for X, B for Y and C": each pair of them
        } else if self.passive_parties(cue, agent, l) {
            let first = out.len();
            self.between(cue, None, &l.targets, out);
            out[first..].iter_mut().for_each(|r| r.apart = true);
        // "X was summoned to the Foreign Ministry": the one before the cue
        // is its object, the one after it its agent
        } else if self.criticism_passive(cue) {
            if let Some(object) = agent {
                self.swapped(cue, object, &l.targets, out);
            }
        // "Timor-Leste was recognised as an observer", "the plan was praised":
        // the one before the cue is its object, and nobody names its agent
        } else if matches!(cue.kind, EdgeKind::Support | EdgeKind::Praise)
            && self.agentless_passive(cue)
        {
            // no relation
            // "agreements are to be signed between A and B": what is signed is
            // no party, nor is the one who says so; the parties are "between"
        } else if self.signed_passive(cue) {
            if l.targets.len() >= 2 && self.after_between(&l.targets) {
                self.between(cue, None, &l.targets, out);
            }
        } else {
            return false;
        }
        true
    }

    /// "The document was signed by A on behalf of X, B on behalf of Y and C":
    /// a signing in the passive has as parties every actor named
    /// after "by" (and the one before the cue, if an actor), into
    /// `l.targets`. Whether it is such a cue with two parties or more.
    fn passive_parties(&self, cue: &Cue, before: Option<usize>, l: &mut Lists) -> bool {
        let (s, hit) = (self.s, cue.hit);
        let passive = cue.kind == EdgeKind::Agreement
            && cue.frame == Frame::Subject
            && hit.start > s.range.start
            && hit.end < s.range.end
            // "was signed by", or a cue that holds it ("memorandum was signed")
            && (s.in_list(hit.start - 1, list::PASSIVE_AUXILIARIES)
                || (hit.end - hit.start > 2 && s.in_list(hit.end - 2, list::PASSIVE_AUXILIARIES)))
            && (s.in_list(hit.end, list::AGENT_PREPOSITIONS) || self.later_by(hit.end).is_some());
        if !passive {
            return false;
        }
        l.targets.clear();
        if let Some(b) = before.filter(|&b| s.is_actor(&s.mentions[b])) {
            l.targets.push(b);
        }
        // the parties run to the clause's end (a ";"), past places ("in Ankara")
        let end = (hit.end..s.range.end)
            .find(|&k| s.is_char(k, b';'))
            .unwrap_or(s.range.end);
        for (mi, m) in s.mentions.iter().enumerate() {
            if m.start <= hit.end || m.start >= end {
                continue;
            }
            // "in Ankara" is where; "on behalf of Russia", whom one signs for
            let venue = s.introducer(m.start).is_some_and(|k| {
                s.in_list(k, list::VENUE_PREPOSITIONS) || s.g.owner_prepositions.has(s.lower(k))
            });
            if !venue && !self.frame_at(m.start) && s.is_actor(m) && !self.modifies_event(m) {
                l.targets.push(mi);
            }
        }
        // "A on behalf of Turkey": a state one of them acts for is no party
        let entity = |t: usize| match s.mentions[t].r {
            Ref::Entity(e) => Some(e),
            Ref::Pair { .. } => None,
        };
        let mut states: Short<usize, 4> = Short::default();
        for &t in l.targets.iter() {
            let person = self.kind_of(&s.mentions[t]) == Some(EntityKind::Person);
            if let Some(c) = entity(t)
                .filter(|_| person)
                .and_then(|e| self.res.role_country(e))
            {
                states.push(c);
            }
        }
        l.targets
            .retain(|&t| entity(t).is_none_or(|e| !states.contains(&e)));
        l.targets.len() >= 2
    }

    /// Whether `cue` is a past participle after a form of "be" ("was
    /// summoned", "to be signed"; not "is recalling") with no "by" after it.
    fn agentless_passive(&self, cue: &Cue) -> bool {
        let (s, hit) = (self.s, cue.hit);
        cue.frame == Frame::Subject
            && self.after_auxiliary(cue)
            && !(hit.end < s.range.end && s.in_list(hit.end, list::AGENT_PREPOSITIONS))
    }

    /// Whether `cue` is a criticism in the passive with no "by" after it
    /// ("was summoned to", "were expelled from").
    fn criticism_passive(&self, cue: &Cue) -> bool {
        cue.kind == EdgeKind::Criticism && self.agentless_passive(cue)
    }

    /// The relations of a cue whose partners act on `object` (the mention
    /// before it): each partner to the object.
    fn swapped(&self, cue: &Cue, object: usize, targets: &[usize], out: &mut Vec<Relation>) {
        let ms = self.s.mentions;
        let mut agents: Short<usize, 4> = Short::default();
        for &t in targets {
            agents.extend(&self.expand(&ms[t], true));
        }
        let objects = self.expand(&ms[object], true);
        self.each_to(cue, &agents, &objects, self.speaker, out);
    }

    /// A relation of `cue` from each of `agents` to each of `objects` on
    /// other sides, said by `speaker`.
    fn each_to(
        &self,
        cue: &Cue,
        agents: &[usize],
        objects: &[usize],
        speaker: Option<usize>,
        out: &mut Vec<Relation>,
    ) {
        for &y in objects {
            for &x in agents {
                if !same_side(self.res, x, y) {
                    self.emit(out, cue, x, y, speaker);
                }
            }
        }
    }

    /// Whether `cue` is a signing in the passive with no "by" after it
    /// ("agreements are expected to be signed"): its subject is what is
    /// signed, no party.
    fn signed_passive(&self, cue: &Cue) -> bool {
        cue.kind == EdgeKind::Agreement && self.agentless_passive(cue)
    }

    /// The relations of a passive cue: each agent named after "by" (and
    /// those joined to it) to the `object` named before the cue.
    fn passive(
        &self,
        cue: &Cue,
        by: usize,
        object: Option<usize>,
        targets: &[usize],
        out: &mut Vec<Relation>,
    ) {
        let s = self.s;
        // "a credit line was extended to Sri Lanka by India": with no actor
        // before it, the cue's object is the partner before "by"
        let object = object.or_else(|| {
            let before_by = |t: &&usize| s.mentions[**t].start < s.mentions[by].start;
            targets.iter().find(before_by).copied()
        });
        let Some(object) = object else { return };
        let mut agents: Short<usize, 4> = Short::default();
        let mut k = by;
        loop {
            agents.extend(&self.expand(&s.mentions[k], true));
            let next = s.mentions.get(k + 1);
            match next {
                Some(n) if self.coordinated(s.mentions[k].end, n.start) => k += 1,
                _ => break,
            }
        }
        let objects = self.expand(&s.mentions[object], true);
        self.each_to(cue, &agents, &objects, None, out);
    }
}

/// The frames with both sides after the cue, or the visitor after it.
impl Context<'_> {
    /// A cue with both sides after it ("talks between X and Y"); one side
    /// may be the agent.
    fn between(&self, cue: &Cue, agent: Option<usize>, targets: &[usize], out: &mut Vec<Relation>) {
        let ms = self.s.mentions;
        let (a, b) = match *targets {
            // "a statement by A, B and C": each pair of the list
            [_, _, _, ..] => {
                for (i, &x) in targets.iter().enumerate() {
                    for &y in &targets[i + 1..] {
                        self.between(cue, None, &[x, y], out);
                    }
                }
                return;
            }
            [t0, t1] => (self.expand(&ms[t0], true), self.expand(&ms[t1], true)),
            [t0] if matches!(ms[t0].r, Ref::Pair { .. }) => {
                // "an agreement between the two countries": the pair itself
                let both = self.expand(&ms[t0], true);
                if both.len() < 2 {
                    return;
                }
                let (mut a, mut b) = (Short::default(), Short::default());
                a.push(both[0]);
                b.push(both[1]);
                (a, b)
            }
            [t0] => {
                let a = agent.map_or_else(Short::default, |a| self.expand(&ms[a], true));
                (a, self.expand(&ms[t0], true))
            }
            [] => return,
        };
        for &x in a.iter() {
            for &y in b.iter() {
                self.emit(out, cue, x, y, self.speaker);
            }
        }
    }

    /// A cue followed by its visitor ("visiting Foreign Minister Qin"): the
    /// visit to where the visitor is. Whether the cue is done with (no
    /// partner, or a person visits); if not, the partner is its object.
    fn visitor(&self, cue: &Cue, l: &mut Lists, out: &mut Vec<Relation>) -> bool {
        let Some(&ti) = l.targets.first() else {
            return true;
        };
        let (s, m) = (self.s, &self.s.mentions[ti]);
        // "the visiting Qatari emir", "a visit by a Chinese premier": after
        // an article or "by" the state visits too
        let adjectival = cue.hit.start > s.range.start
            && s.in_list(cue.hit.start - 1, list::ARTICLES)
            || s.in_list(cue.hit.end - 1, list::AGENT_PREPOSITIONS);
        let visitor_kind = match adjectival {
            true => matches!(
                self.kind_of(m),
                Some(EntityKind::Person | EntityKind::Country)
            ),
            false => self.kind_of(m) == Some(EntityKind::Person),
        };
        if !visitor_kind {
            // "a tour of Asia": a place right after the cue is its object;
            // "the arrival of other Pacific leaders" has none
            return self.s.introducer(m.start) != Some(cue.hit.end - 1);
        }
        // "visiting Foreign Minister Qin": Qin visits the host (and the
        // place named as written)
        let visitor = self.expand(m, false);
        let named = self.named_destination(ti);
        let place = named.filter(|&e| self.res.entities[e].kind == EntityKind::Place);
        for d in [self.destination(ti, named), place].into_iter().flatten() {
            for &v in visitor.iter() {
                self.emit(out, cue, v, d, None);
            }
        }
        l.used.push(ti);
        true
    }

    /// Where the visitor of mention `ti` is: the state of the place `named`
    /// (or it), of the sentence's place, of another state's person named
    /// beside the visitor, the dateline's, or the speaker's.
    fn destination(&self, ti: usize, named: Option<usize>) -> Option<usize> {
        let res = self.res;
        let m = &self.s.mentions[ti];
        let named = named.map(|e| match res.entities[e].kind {
            EntityKind::Place => place_country(res, e).unwrap_or(e),
            _ => e,
        });
        named
            .or(self
                .place
                .and_then(|p| res.entities[p].country.map(|_| p))
                .and_then(|p| place_country(res, p)))
            .or_else(|| self.other_state(m))
            .or(self.host)
            .or_else(|| self.speaker.and_then(|sp| res.role_country(sp)))
    }

    /// The state or place named as where the visitor of mention `ti` goes.
    fn named_destination(&self, ti: usize) -> Option<usize> {
        let s = self.s;
        let m = &s.mentions[ti];
        // "visiting Qin to Pakistan", "the arrival of X, the crown prince of
        // Abu Dhabi, in the Ethiopian capital": a state or place after a
        // destination preposition, soon after the visitor
        let after = s.mentions.get(ti + 1..).unwrap_or_default();
        let named = after.iter().take(3).find(|n| {
            n.start > m.end
                && n.start <= m.end + 12
                && s.introducer(n.start)
                    .is_some_and(|k| s.s(k) == "to" || s.in_list(k, list::VENUE_PREPOSITIONS))
                && self
                    .kind_of(n)
                    .is_some_and(|k| matches!(k, EntityKind::Country | EntityKind::Place))
        });
        named.and_then(|n| match n.r {
            Ref::Entity(e) => Some(e),
            _ => None,
        })
    }

    /// The host: the state of someone of another state than the visitor `m`.
    fn other_state(&self, m: &Resolved) -> Option<usize> {
        let res = self.res;
        let mine = match m.r {
            Ref::Entity(v) => res.role_country(v),
            _ => None,
        };
        self.s.mentions.iter().find_map(|o| match o.r {
            Ref::Entity(e) if res.entities[e].kind == EntityKind::Person => {
                res.role_country(e).filter(|c| Some(*c) != mine)
            }
            _ => None,
        })
    }
}

/// A host's guests: "Erdogan welcomed Anwar in Ankara".
impl Context<'_> {
    /// Keeps the persons among a host cue's partners, named right after
    /// it or after "by": one hosts or welcomes a guest, not a state
    /// ("welcomed the Chinese proposal").
    fn guests_only(&self, hit: CueHit, l: &mut Lists) {
        let (s, ms) = (self.s, self.s.mentions);
        let object = l.targets.first().is_some_and(|&t| {
            s.introducer(ms[t].start)
                .is_none_or(|k| k + 1 == hit.end || s.in_list(k, list::AGENT_PREPOSITIONS))
                || self.after_venue(hit, &ms[t])
        });
        if !object {
            l.targets.clear();
        }
        // a person, or a state's unnamed official or body ("received the
        // Ambassador of Japan"), not the state itself ("hosts Syrian
        // refugees") nor one whose thing is welcomed ("welcomed Biden's commitment")
        l.targets.retain(|&t| {
            let owner = ms[t].end < s.range.end && s.is_possessive(ms[t].end);
            !owner
                && match self.kind_of(&ms[t]) {
                    Some(EntityKind::Person) => true,
                    Some(EntityKind::Country) => ms[t].acts_as.is_some(),
                    _ => false,
                }
        });
    }

    /// "X was received at the palace by Y": a cue in the passive whose
    /// partner is named after "by" further on; Y hosts.
    fn received_by_later(&self, hit: CueHit, l: &Lists) -> bool {
        let s = self.s;
        let passive =
            hit.start > s.range.start && s.in_list(hit.start - 1, list::PASSIVE_AUXILIARIES);
        passive
            && l.targets.iter().any(|&t| {
                s.introducer(s.mentions[t].start)
                    .is_some_and(|k| k > hit.end && s.in_list(k, list::AGENT_PREPOSITIONS))
            })
    }

    /// The guests' visits to the host's state: each partner person of
    /// another state visits the agent's; "welcomed by X" makes X the host.
    /// None when the place named is in a third state.
    fn guest_visits(&self, cue: &Cue, l: &Lists, out: &mut Vec<Relation>) {
        let (s, res) = (self.s, self.res);
        let by = cue.hit.end < s.range.end && s.in_list(cue.hit.end, list::AGENT_PREPOSITIONS);
        let (hosts, guests) = match by || self.received_by_later(cue.hit, l) {
            true => (&l.partners, &l.agents),
            false => (&l.agents, &l.partners),
        };
        let visit = Cue {
            kind: EdgeKind::Visit,
            cameo: HOST_CAMEO,
            ..*cue
        };
        let there = self.place.and_then(|p| place_country(res, p));
        for &h in hosts.iter() {
            let Some(state) = res.role_country(h) else {
                continue;
            };
            if there.is_some_and(|c| c != state) {
                continue;
            }
            for &g in guests.iter() {
                let guest_state = res.role_country(g);
                if res.entities[g].kind == EntityKind::Person
                    && guest_state.is_some_and(|c| c != state)
                {
                    self.emit(out, &visit, g, state, self.speaker);
                }
            }
        }
    }
}

/// The cue's partners as entities, and the relations with them.
impl Context<'_> {
    /// "United Nations secretary-general designate Antonio Guterres": the
    /// person met, named right after the body or state of mention `t0`.
    fn person_met(&self, t0: usize) -> usize {
        let (s, ms) = (self.s, self.s.mentions);
        let modifier = matches!(
            self.kind_of(&ms[t0]),
            Some(EntityKind::Organization | EntityKind::Country)
        );
        match ms.get(t0 + 1) {
            Some(next)
                if modifier
                    && self.kind_of(next) == Some(EntityKind::Person)
                    && next.start <= ms[t0].end + 3
                    && !(ms[t0].end..next.start).any(|k| matches!(s.s(k), "," | "and" | ";")) =>
            {
                t0 + 1
            }
            _ => t0,
        }
    }

    /// A visit goes to a state: past a palace or villa (mention `t0`) to the
    /// city or country after it.
    fn visited_state(&self, hit: CueHit, t0: usize) -> usize {
        let (ms, res) = (self.s.mentions, self.res);
        let placeless = match ms[t0].r {
            Ref::Entity(e) => {
                res.entities[e].kind == EntityKind::Place && place_country(res, e).is_none()
            }
            _ => false,
        };
        if !placeless {
            return t0;
        }
        let stated = |m: &Resolved| match m.r {
            Ref::Entity(e) => {
                res.entities[e].kind == EntityKind::Country || place_country(res, e).is_some()
            }
            _ => false,
        };
        (t0 + 1..ms.len())
            .find(|&k| ms[k].start <= hit.end + 30 && stated(&ms[k]))
            .unwrap_or(t0)
    }

    /// The entities of the partner mentions into `l.partners` (a visit's
    /// as states), the mentions into `l.used`.
    fn partner_entities(&self, kind: EdgeKind, l: &mut Lists) {
        let res = self.res;
        l.partners.clear();
        for &ti in l.targets.iter() {
            let acting = kind != EdgeKind::Visit;
            for &t in self.expand(&self.s.mentions[ti], acting).iter() {
                let mut t = t;
                if kind == EdgeKind::Visit {
                    let ek = res.entities[t].kind;
                    if ek == EntityKind::Person {
                        match res.role_country(t) {
                            Some(c) => t = c,
                            None => continue,
                        }
                    } else if ek == EntityKind::Place {
                        // the place as written, and its state
                        if let Some(c) = place_country(res, t) {
                            l.partners.push(t);
                            t = c;
                        }
                    }
                }
                l.partners.push(t);
            }
            l.used.push(ti);
        }
    }

    /// A cue with no partner named: "X and Y vowed to ..." / "both sides
    /// agreed" each way (a pledge or a meeting is mutual; support or
    /// criticism needs a named object), "X signed agreements" with the
    /// counterpart of the article's pair.
    fn without_partner(&self, cue: &Cue, agents: &[usize], out: &mut Vec<Relation>) {
        let mutual = matches!(
            cue.kind,
            EdgeKind::Commitment | EdgeKind::Meeting | EdgeKind::Agreement
        );
        if agents.len() >= 2 && mutual {
            self.each_way(cue, agents, out);
        } else if cue.kind == EdgeKind::Agreement || cue.kind == EdgeKind::Commitment && self.met {
            // "X signed agreements" after meeting its counterpart; "X
            // expressed readiness to work more closely" with it, once met
            if let Some((p, q)) = self.pair {
                let a = agents[0];
                let other = if same_side(self.res, a, p) {
                    q
                } else if same_side(self.res, a, q) {
                    p
                } else {
                    return;
                };
                self.emit(out, cue, a, other, self.speaker);
            }
        }
    }

    /// The relations of the cue among `agents`, each way.
    fn each_way(&self, cue: &Cue, agents: &[usize], out: &mut Vec<Relation>) {
        for &x in agents {
            for &y in agents {
                if x != y {
                    self.emit(out, cue, x, y, self.speaker);
                }
            }
        }
    }

    /// Whether the partners are two or more named after "between".
    /// Not after a word of mediation ("offered to mediate between A and B":
    /// the offer is the mediator's).
    fn between_pair(&self, l: &Lists) -> bool {
        let s = self.s;
        let mediated =
            |k: usize| k > s.range.start && s.g.extract_words.mediation_words.has(s.lower(k - 1));
        l.partners.len() >= 2 && self.between_word(&l.targets).is_some_and(|k| !mediated(k))
    }

    /// Whether the first of `targets` is named after "between".
    fn after_between(&self, targets: &[usize]) -> bool {
        self.between_word(targets).is_some()
    }

    /// The "between" the first of `targets` is named after, if it is.
    fn between_word(&self, targets: &[usize]) -> Option<usize> {
        let s = self.s;
        let first = targets.first().map(|&t| s.mentions[t].start);
        first
            .and_then(|st| s.introducer(st))
            .filter(|&k| s.lower(k) == "between")
    }

    /// Keeps the partners named after "with" ("X and Y agreed with Z").
    fn keep_named_with(&self, l: &mut Lists) {
        let s = self.s;
        let with = self.introduced(l, |ti| {
            s.introducer(s.mentions[ti].start)
                .is_some_and(|k| s.lower(k) == "with")
        });
        l.partners.retain(|t| with.contains(t));
    }

    /// Keeps the partners a joint pledge is for, if the first named after
    /// the cue follows one of the lexicon's beneficiary words ("to", "for",
    /// "help"), with those listed beside it; whether so.
    fn keep_beneficiaries(&self, cue: &Cue, l: &mut Lists) -> bool {
        let s = self.s;
        let words = &s.g.extract_words.beneficiary_words;
        let Some(first) = s.mentions.iter().position(|m| m.start >= cue.hit.end) else {
            return false;
        };
        if !s
            .introducer(s.mentions[first].start)
            .is_some_and(|k| words.has(s.lower(k)))
        {
            return false;
        }
        // the first and those listed right after it
        let mut listed = first + 1;
        while listed < s.mentions.len()
            && s.joint(s.mentions[listed - 1].end, s.mentions[listed].start)
                .is_some()
        {
            listed += 1;
        }
        let kept = self.introduced(l, |ti| (first..listed).contains(&ti));
        let any = l.partners.iter().any(|t| kept.contains(t));
        if any {
            l.partners.retain(|t| kept.contains(t));
        }
        any
    }

    /// The entities of the targets `by` accepts (by mention index).
    fn introduced(&self, l: &Lists, by: impl Fn(usize) -> bool) -> Short<usize, 4> {
        let mut kept: Short<usize, 4> = Short::default();
        for &ti in l.targets.iter().filter(|&&ti| by(ti)) {
            kept.extend(&self.expand(&self.s.mentions[ti], true));
        }
        kept
    }

    /// A named body of a state ("the US Treasury") acts for its state too:
    /// adds the states to `l.agents`.
    fn add_states(&self, l: &mut Lists) {
        l.states.clear();
        for &a in l.agents.iter() {
            if self.res.entities[a].kind == EntityKind::Organization {
                if let Some(c) = place_country(self.res, a).filter(|c| !l.agents.contains(c)) {
                    l.states.push(c);
                }
            }
        }
        l.agents.extend(&l.states);
    }
}

/// The country entity a place or body belongs to, if it is in the article.
pub(crate) fn place_country(res: &Resolution, p: usize) -> Option<usize> {
    let c = res.entities[p].country?;
    res.entities
        .iter()
        .position(|e| e.kind == EntityKind::Country && e.country == Some(c))
}

/// Whether lower-case `w` may be a past participle ("welcomed", "taken").
fn past_participle(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en")
}

/// Whether two entities are one, or of one state.
/// Whether `w` (lower case) is a possessive pronoun, and if so whether
/// it is a person's ("his", "her") rather than a state's or a group's
/// ("its", "their").
fn possessive_pronoun(w: &str) -> Option<bool> {
    match w {
        "his" | "her" => Some(true),
        "its" | "their" => Some(false),
        _ => None,
    }
}

/// How a cue joins the clause before it (see `Context::joining`).
#[derive(Clone, Copy)]
enum Joining {
    None,
    And,
    During,
}

fn same_side(res: &Resolution, a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    match (res.role_country(a), res.role_country(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::relation_words::{list, RelationWords};
    use crate::lexicon::words::{WordId, NO_WORD};
    use crate::lexicon::Words;
    use crate::{Article, EdgeKind, EdgeRecord, Extractor, Lexicon};
    use std::sync::OnceLock;

    /// The edges other than roles that `ex` finds in one sentence.
    fn edges_with(ex: &Extractor, text: &str) -> Vec<EdgeRecord> {
        let a = Article::parse("test", text).unwrap();
        let mut edges = ex.extract(&a).edges;
        edges.retain(|e| e.kind != EdgeKind::Role);
        edges
    }

    /// The edges other than roles the built-in lexicon finds.
    fn edges(text: &str) -> Vec<EdgeRecord> {
        static EX: OnceLock<Extractor> = OnceLock::new();
        edges_with(EX.get_or_init(|| Extractor::new().unwrap()), text)
    }

    fn pairs(edges: &[EdgeRecord]) -> Vec<(EdgeKind, &str, &str)> {
        let mut v: Vec<_> = edges
            .iter()
            .map(|e| (e.kind, e.source.as_str(), e.target.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn joined_agents_pledge_each_way_and_to_the_one_named_with() {
        let e = edges("China and Pakistan vowed to work with Russia on trade.\n");
        let (c, p, r) = ("country:china", "country:pakistan", "country:russia");
        let k = EdgeKind::Commitment;
        assert_eq!(pairs(&e), vec![(k, c, p), (k, c, r), (k, p, c), (k, p, r)]);
    }

    #[test]
    fn a_possessive_before_a_name_is_not_the_partner() {
        let (a, e, k) = (
            "person:joe-biden",
            "person:emmanuel-macron",
            EdgeKind::Praise,
        );
        for text in [
            "President Joe Biden praised his old friend Emmanuel Macron.\n",
            "President Joe Biden thanked his dear brother President Emmanuel Macron.\n",
        ] {
            assert_eq!(pairs(&edges(text)), vec![(k, a, e)], "{text}");
        }
        // with a preposition between, "his" is no determiner of the name
        let e = edges("President Joe Biden praised his work with Emmanuel Macron.\n");
        assert!(
            !pairs(&e).contains(&(k, a, "person:emmanuel-macron")),
            "{e:?}"
        );
    }

    #[test]
    fn a_negated_cue_gives_no_edge() {
        let yes = edges("Chinese President Xi Jinping supported Pakistan.\n");
        assert_eq!(
            pairs(&yes),
            vec![(EdgeKind::Support, "person:xi-jinping", "country:pakistan")]
        );
        assert!(edges("Chinese President Xi Jinping did not support Pakistan.\n").is_empty());
    }

    #[test]
    fn a_planned_visit_keeps_its_speaker() {
        let e = edges("Xi Jinping will visit Russia next week, the Kremlin said.\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind, EdgeKind::Visit);
        assert_eq!(e[0].target, "country:russia");
        assert!(e[0].planned);
        assert_eq!(e[0].speaker.as_deref(), Some("country:russia"));
    }

    #[test]
    fn the_one_praised_for_a_gerund_is_its_agent() {
        let text =
            "Foreign Minister Qin Gang praised Pakistan for supporting the United Nations.\n";
        let e = edges(text);
        // (Qin Gang, of no title's state here, is China's by the people lexicon)
        assert_eq!(
            pairs(&e),
            vec![
                (
                    EdgeKind::Support,
                    "country:pakistan",
                    "organization:united-nations"
                ),
                (EdgeKind::Praise, "person:qin-gang", "country:pakistan")
            ]
        );
    }

    #[test]
    fn the_place_follows_a_place_preposition_of_the_lexicon() {
        let text = "Li Keqiang met Narendra Modi in New Delhi on Monday.\n";
        let e = edges(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind, EdgeKind::Meeting);
        assert_eq!(e[0].place.as_deref(), Some("place:new-delhi"));
        // the words are the lexicon's: without them there is no place
        let mut lex = Lexicon::builtin().unwrap();
        lex.words.venue_prepositions.clear();
        let e = edges_with(&Extractor::with_lexicon(lex).unwrap(), text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].place, None);
    }

    #[test]
    fn relation_words_file_each_list_under_word_ids() {
        let ids = ["in", "at", "with", "the"];
        let id = |w: &str| {
            ids.iter()
                .position(|x| *x == w)
                .map_or(NO_WORD, |i| i as WordId)
        };
        let words = Words {
            venue_prepositions: vec!["in".into(), "at".into(), "unknown".into()],
            meeting_prepositions: vec!["with".into()],
            partner_determiners: vec!["the".into()],
            articles: vec!["the".into()],
            ..Words::default()
        };
        let rw = RelationWords::new(&words, id);
        assert!(rw.has(0, list::VENUE_PREPOSITIONS) && rw.has(1, list::VENUE_PREPOSITIONS));
        assert!(!rw.has(2, list::VENUE_PREPOSITIONS) && rw.has(2, list::MEETING_PREPOSITIONS));
        assert!(rw.has(3, list::ARTICLES | list::OBJECT_PREPOSITIONS));
        assert!(rw.has(3, list::PARTNER_DETERMINERS) && !rw.has(3, list::NOUN_MARKERS));
        assert!(!rw.has(4, list::VENUE_PREPOSITIONS) && !rw.has(NO_WORD, !0));
    }
}
