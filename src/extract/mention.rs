//! Stage 3: mentions. Finds in each sentence the spans that name something:
//! lexicon entries, people after titles, unknown capitalised names, titles
//! used alone ("the president"), pronouns and "both sides". Its word
//! lists are the lexicon's (`Words`); the few literals left ("of", "and",
//! "the", brackets) are the syntax of the patterns.

use crate::lexicon::descriptors::Part;
use crate::lexicon::gazetteer::{head, Gazetteer, Known};
use crate::lexicon::relation_words::list;
use crate::lexicon::words::{class, TokenWords, NO_WORD};
use crate::text::token::{lower_case, TokKind, Token};
use std::borrow::Cow;

/// What a title belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    Country(u32),
    Org(u32),
}

/// What a mention names, before resolution across the article. Its names
/// are the article's text where it has them as they are written (`'a`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What<'a> {
    /// A country; `strong` unless it is a bare demonym ("Chinese personnel").
    Country {
        id: u32,
        strong: bool,
    },
    Capital(u32),
    Place(u32),
    NewPlace(Cow<'a, str>),
    Org(u32),
    NewOrg(Cow<'a, str>),
    /// A generic state body ("the Foreign Ministry"): the state from context.
    Body,
    Initiative(u32),
    NewInitiative(Cow<'a, str>),
    /// A person; `name` as written (one or more words), title and whose.
    Person {
        name: Cow<'a, str>,
        title: Option<Cow<'a, str>>,
        of: Option<Of>,
        former: bool,
        /// Of no stated state, the state they are said to leave ("would
        /// leave Lithuania"): an envoy's host, not whose envoy.
        host: Option<u32>,
    },
    /// A title without a name: "the president", "the Chinese foreign minister".
    TitleRef {
        title: Cow<'a, str>,
        of: Option<Of>,
    },
    /// One capitalised word no lexicon knows: a surname, or nothing.
    Name(Cow<'a, str>),
    /// he, she, his, her.
    Pronoun,
    /// "the Gulf kingdom", "the west African country": a state named
    /// before, one with all these descriptor words (bits; none: any).
    Descriptor {
        words: [u64; 2],
    },
    /// I, my, we, our: in a speech, its speaker.
    FirstPerson,
    /// "both sides", "the two countries"; `countries` when it means states.
    Pair {
        countries: bool,
    },
}

/// A mention: a token span (absolute indices) and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'a> {
    pub start: usize,
    pub end: usize,
    pub what: What<'a>,
    /// An acronym defined in brackets right after it: "(CPEC)".
    pub acronym: Option<Cow<'a, str>>,
}

/// The mentions of an article, sentence by sentence, in one list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mentions<'a> {
    all: Vec<Mention<'a>>,
    /// Sentence `si`'s mentions are `all[bounds[si]..bounds[si + 1]]`.
    bounds: Vec<usize>,
}

/// The lists of an article's [`Mentions`], emptied, kept for another
/// article's: no allocation, and no copy as the list grows.
#[derive(Debug, Default)]
pub struct MentionBuffers {
    all: Vec<Mention<'static>>,
    bounds: Vec<usize>,
}

/// An empty list on the allocation of `v`, for elements of the same size
/// (the same type with other lifetimes: the list of another article): its
/// elements dropped where they are, the empty list collected in place.
pub(crate) fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

impl<'a> Mentions<'a> {
    /// The mentions of each sentence `finder` finds among `sentences`,
    /// skipping tokens `masked`.
    pub fn find(
        finder: &Finder<'a, '_>,
        sentences: &[crate::text::sentence::Sentence],
        masked: &[bool],
    ) -> Self {
        Self::find_in(finder, sentences, masked, MentionBuffers::default())
    }

    /// [`Mentions::find`] in the lists of `within` (another article's).
    pub fn find_in(
        finder: &Finder<'a, '_>,
        sentences: &[crate::text::sentence::Sentence],
        masked: &[bool],
        within: MentionBuffers,
    ) -> Self {
        let (mut all, mut bounds) = (recycle(within.all), within.bounds);
        // about one mention in ten tokens: room for most articles' at once
        all.reserve(finder.toks.len() / 8);
        bounds.clear();
        bounds.reserve(sentences.len() + 1);
        let mut m = Mentions { all, bounds };
        // each sentence's mentions written straight after the last one's
        for s in sentences {
            m.bounds.push(m.all.len());
            finder.sentence_onto(s.tokens.clone(), masked, &mut m.all);
        }
        m.bounds.push(m.all.len());
        m
    }

    /// The mentions of sentence `si`.
    pub fn sentence(&self, si: usize) -> &[Mention<'a>] {
        let (Some(&a), Some(&b)) = (self.bounds.get(si), self.bounds.get(si + 1)) else {
            return &[];
        };
        self.all.get(a..b).unwrap_or_default()
    }

    /// The mentions of each sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &[Mention<'a>]> + '_ {
        let bounds = self.bounds.windows(2);
        bounds.map(|w| self.all.get(w[0]..w[1]).unwrap_or_default())
    }

    /// Every mention, sentence after sentence.
    pub fn all(&self) -> &[Mention<'a>] {
        &self.all
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Whether there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Its lists, emptied, for another article's mentions.
    pub fn into_buffers(self) -> MentionBuffers {
        MentionBuffers {
            all: recycle(self.all),
            bounds: self.bounds,
        }
    }
}

impl<'a> From<Vec<Vec<Mention<'a>>>> for Mentions<'a> {
    fn from(v: Vec<Vec<Mention<'a>>>) -> Self {
        let mut m = Mentions::default();
        for s in v {
            m.bounds.push(m.all.len());
            m.all.extend(s);
        }
        m.bounds.push(m.all.len());
        m
    }
}

/// Where "by" is in a title that makes the article a speech (tokens
/// `first`): a speech word among its first four words, "by" right after
/// it or one word later ("Remarks by", "Statement made by").
fn speech_by_at(
    g: &Gazetteer,
    lowers: &crate::text::token::Lowered,
    words: &TokenWords,
    first: std::ops::Range<usize>,
) -> Option<usize> {
    let head = first
        .clone()
        .take(4)
        .find(|&k| g.speech_heads.has(&lowers[k]))?;
    (head + 1..first.end.min(head + 3)).find(|&k| {
        let id = words.ids.get(k).copied().unwrap_or(NO_WORD);
        g.relation_words.has(id, list::AGENT_PREPOSITIONS)
    })
}

fn ne_name(f: &Finder, from: usize, to: usize) -> usize {
    // the name is the capitalised run; "of India" after it is not part of it
    (from..to).find(|&k| f.is(k, "of")).unwrap_or(to)
}

/// Finds mentions in the sentences of one article.
pub struct Finder<'t, 'a> {
    pub g: &'a Gazetteer,
    pub text: &'t str,
    pub toks: &'a [Token],
    /// Each token in lower case.
    lowers: &'a crate::text::token::Lowered,
    /// The lexicon words of the tokens.
    words: &'a TokenWords,
    /// The longest lexicon phrase at each token, within its sentence.
    known_at: Vec<Option<(u32, Known)>>,
    /// Where "by" is in a title that makes the article one person's
    /// speech: only then are "I" and "we" mentions.
    pub speech_by: Option<usize>,
    /// The tokens where a mention may start (none is [`Finder::inert`]),
    /// in order: a sentence visits these alone.
    starts: Vec<usize>,
}

/// Whether `part` is found in `hay`: byte by byte, each first byte found
/// compared on (the phrases searched are a few words: no searcher to set up).
fn has_part(hay: &[u8], part: &[u8]) -> bool {
    let Some(&first) = part.first() else {
        return true;
    };
    let tails = (0..hay.len()).filter_map(|k| hay.get(k..));
    tails
        .filter(|t| t.first() == Some(&first))
        .any(|t| t.starts_with(part))
}

/// The text of tokens `toks` (one or more) of `text`, single-spaced: the
/// text's own where it is so already (most are), else a copy.
pub(crate) fn spaced_text<'t>(text: &'t str, toks: &[Token]) -> Cow<'t, str> {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Cow::Borrowed("");
    };
    let s = &text[first.start as usize..last.end as usize];
    // tokens hold no blanks: with at most one space between each two,
    // the text is single-spaced already
    let bytes = text.as_bytes();
    let plain = toks.windows(2).all(|w| {
        let (x, y) = (w[0].end as usize, w[1].start as usize);
        x == y || (x + 1 == y && bytes.get(x) == Some(&b' '))
    });
    if plain {
        Cow::Borrowed(s)
    } else {
        crate::text::token::single_spaced(s)
    }
}

fn upper_first(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has no lower-case letter ("NATO", "A.B."), its letters all
/// capitals.
#[inline]
fn all_caps(s: &str) -> bool {
    // one pass: an ASCII lower-case letter answers at once ("Putin" at its
    // second byte); the characters are read only past a byte beyond ASCII
    let b = s.as_bytes();
    match b
        .iter()
        .position(|&x| x.is_ascii_lowercase() || !x.is_ascii())
    {
        None => true,
        Some(k) if b[k].is_ascii_lowercase() => false,
        Some(_) => s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()),
    }
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// The buffers of a [`Finder`], kept to be used again for another article.
#[derive(Debug, Default)]
pub struct FinderBuffers {
    known_at: Vec<Option<(u32, Known)>>,
    starts: Vec<usize>,
}

impl<'t, 'a> Finder<'t, 'a> {
    /// A finder over an article's tokens; looks every token up once. In
    /// `buffers` (another article's, emptied first).
    pub fn new(
        g: &'a Gazetteer,
        text: &'t str,
        toks: &'a [Token],
        lowers: &'a crate::text::token::Lowered,
        words: &'a TokenWords,
        sentences: &[crate::text::sentence::Sentence],
        mut buffers: FinderBuffers,
    ) -> Finder<'t, 'a> {
        let speech_by = sentences
            .first()
            .and_then(|s| speech_by_at(g, lowers, words, s.tokens.clone()));
        buffers.known_at.clear();
        buffers.known_at.resize(toks.len(), None);
        buffers.starts.clear();
        buffers.starts.reserve(toks.len() / 2);
        let mut f = Finder {
            g,
            text,
            toks,
            lowers,
            words,
            known_at: buffers.known_at,
            speech_by,
            starts: buffers.starts,
        };
        f.scan(sentences);
        f
    }

    /// The finder's buffers, for another article.
    pub fn into_buffers(self) -> FinderBuffers {
        FinderBuffers {
            known_at: self.known_at,
            starts: self.starts,
        }
    }

    /// Looks up the lexicon phrase at each token of `sentences` that may
    /// begin one, and lists the tokens that are not [`Finder::inert`].
    fn scan(&mut self, sentences: &[crate::text::sentence::Sentence]) {
        let may_start = self.start_classes();
        // tokens before `done` are scanned; sentences in order, mostly
        let (n, mut done, mut ordered) = (self.toks.len(), 0, true);
        for s in sentences {
            let (start, end) = (s.tokens.start.min(n), s.tokens.end.min(n));
            ordered &= start >= done;
            for i in done..start {
                if self.words.class(i) & may_start != 0 {
                    self.starts.push(i);
                }
            }
            // the tokens that may start something, by their class bits 64
            // at a time (no branch for each token that starts nothing)
            let words = self.words;
            words.each_in(start..end, may_start | class::BEGINS, |i| {
                let c = words.class(i);
                // only a word some lexicon phrase begins with begins one;
                // the bit is exact on an ASCII token, asked beyond ASCII
                if c & class::BEGINS != 0 && (c != u16::MAX || self.g.begins(words.ids[i])) {
                    self.known_at[i] = self.lookup_in(i, end);
                    if self.known_at[i].is_some() {
                        self.starts.push(i);
                        return;
                    }
                }
                if c & may_start != 0 && !self.idle_determiner(i, c) && !self.idle_punctuation(i, c)
                {
                    self.starts.push(i);
                }
            });
            done = done.max(end);
        }
        if !ordered {
            self.starts = (0..n).filter(|&i| !self.inert(i)).collect();
            return;
        }
        for i in done..n {
            if self.words.class(i) & may_start != 0 {
                self.starts.push(i);
            }
        }
    }

    /// Whether token `i` (of class `c`, no lexicon phrase at it) is a
    /// determiner no mention starts at, whatever the sentence's end ("the
    /// talks"): in lower case, no pronoun nor title word, before a word that
    /// is neither a title word, an honorific, capitalised nor the first of a
    /// phrase, no state's head noun within four words (no descriptor).
    #[inline(always)]
    fn idle_determiner(&self, i: usize, c: u16) -> bool {
        let busy = class::CAPITAL
            | class::PRONOUN
            | class::FIRST_PERSON
            | class::TITLE_MODIFIER
            | class::HONORIFIC;
        if c == u16::MAX || c & class::DETERMINER == 0 || c & busy != 0 {
            return false;
        }
        let n = self.toks.len();
        let j = i + 1;
        if j < n {
            let d = self.words.class(j);
            let person = class::TITLE_MODIFIER | class::HONORIFIC | class::CAPITAL | class::BEGINS;
            if d == u16::MAX || d & person != 0 {
                return false;
            }
        }
        let last = (i + 5).min(n);
        self.words
            .may_be_in(j..last, class::COUNTRY_HEAD)
            .next()
            .is_none()
    }

    /// Whether token `i` (of class `c`, no lexicon phrase at it) is
    /// punctuation beyond ASCII ("“", "—") that no lexicon word is (no id):
    /// in no word set (each set word has an id), no mention starts there.
    #[inline(always)]
    fn idle_punctuation(&self, i: usize, c: u16) -> bool {
        c == u16::MAX
            && self.toks[i].kind == TokKind::Punct
            && self.words.ids.get(i) == Some(&NO_WORD)
    }

    /// The longest lexicon phrase at token `i` within the sentence ending at
    /// `end`. Inline in [`Finder::scan`]'s loop (a call each was 1.6 M
    /// instructions at 1,000 articles).
    #[inline(always)]
    fn lookup_in(&self, i: usize, end: usize) -> Option<(u32, Known)> {
        // a phrase is a few tokens: its length fits a u32
        self.g
            .lookup_at(self.text, &self.toks[..end], &self.words.ids[..end], i)
            .map(|(n, k)| (n as u32, k))
    }

    /// The classes of a token where a mention may start (see
    /// [`Finder::inert`]): [`class::FIRST_PERSON`] in a speech only.
    #[inline(always)]
    fn start_classes(&self) -> u16 {
        let starts = class::TITLE_MODIFIER
            | class::HONORIFIC
            | class::CAPITAL
            | class::DETERMINER
            | class::PRONOUN;
        match self.speech_by {
            Some(_) => starts | class::FIRST_PERSON,
            None => starts,
        }
    }

    fn s(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }

    fn lower(&self, i: usize) -> &'a str {
        &self.lowers[i]
    }

    /// Token `i`'s bytes: [`Finder::s`] without the character-boundary
    /// checks of slicing the text, for byte comparisons.
    #[inline(always)]
    fn b(&self, i: usize) -> &'t [u8] {
        self.toks[i].bytes(self.text)
    }

    /// Whether token `i` has a hyphen: its 16 bytes from the padded lower
    /// case (where a hyphen is where the text has it) tested at once.
    #[inline(always)]
    fn hyphen_at(&self, i: usize) -> bool {
        let t = self.toks[i];
        let (a, n) = (t.start as usize, t.end.wrapping_sub(t.start) as usize);
        match self.lowers.padded().get(a..a + 16) {
            Some(w) if n < 16 => crate::bytes::has_byte_16(w, n, b'-'),
            _ => crate::bytes::has_byte(self.b(i), b'-'),
        }
    }

    /// Token `i`'s lower case as bytes: [`Finder::lower`] without the
    /// character-boundary checks.
    #[inline(always)]
    fn lower_b(&self, i: usize) -> &'a [u8] {
        self.lowers.bytes(i)
    }

    /// Whether no mention can start at token `i`: it begins no lexicon
    /// phrase, is no title word or honorific, not capitalised, and neither a
    /// pronoun nor a determiner.
    #[inline]
    fn inert(&self, i: usize) -> bool {
        let c = self.words.class(i);
        // beyond ASCII the class bits may be anything: such a token is
        // tried, but for punctuation no word is
        let quiet = c != u16::MAX && c & self.start_classes() == 0;
        (quiet || self.idle_punctuation(i, c)) && self.known_at[i].is_none()
    }

    /// Whether token `i` is one of the lexicon's determiners ("the", "his")
    /// in any case: an ASCII token marked [`class::DETERMINER`] (the mark
    /// is exact, the determiners being ASCII lower-case words).
    #[inline(always)]
    fn determiner_at(&self, i: usize) -> bool {
        let c = self.words.class(i);
        c != u16::MAX && c & class::DETERMINER != 0
    }

    /// Whether token `i` is one of the lexicon's pronouns ("he", "his") in
    /// any case: an ASCII token marked [`class::PRONOUN`].
    #[inline(always)]
    fn pronoun_at(&self, i: usize) -> bool {
        let c = self.words.class(i);
        c != u16::MAX && c & class::PRONOUN != 0
    }

    /// [`upper_first`] of token `i`, without decoding an ASCII first byte.
    #[inline(always)]
    fn capital_at(&self, i: usize) -> bool {
        let c = self.words.class(i);
        if c != u16::MAX {
            // an ASCII token: marked when its first byte is a capital
            return c & class::CAPITAL != 0;
        }
        self.capital_beyond_ascii(i)
    }

    /// [`Finder::capital_at`] of a token beyond ASCII, out of line.
    #[inline(never)]
    fn capital_beyond_ascii(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match self.text.as_bytes().get(t.start as usize) {
            Some(b) if b.is_ascii() && t.end > t.start => b.is_ascii_uppercase(),
            _ => upper_first(self.s(i)),
        }
    }

    /// Whether token `i` names a month (see `date::month_number`); only a
    /// date word can.
    #[inline(always)]
    fn month_at(&self, i: usize) -> bool {
        self.words.may_be(i, class::DATE) && crate::text::date::month_number(self.s(i)).is_some()
    }

    /// Whether token `i` names a weekday; only a date word can.
    #[inline(always)]
    fn weekday_at(&self, i: usize) -> bool {
        self.words.may_be(i, class::DATE) && crate::text::date::weekday_number(self.s(i)).is_some()
    }

    /// Whether token `i` is in the word set of `class`: its class bits when
    /// they tell, else `ask`.
    #[inline]
    fn in_set(&self, i: usize, class: u16, ask: impl FnOnce() -> bool) -> bool {
        self.words.surely(i, class).unwrap_or_else(ask)
    }

    /// Whether a person phrase can begin at `i` (see [`Finder::person`]):
    /// its title chain or honorific, after a determiner, begins with a
    /// title word, an honorific or a lexicon phrase.
    fn may_be_person(&self, i: usize, end: usize) -> bool {
        let j = if self.determiner_at(i) { i + 1 } else { i };
        if j >= end {
            return false;
        }
        if self
            .words
            .may_be(j, class::TITLE_MODIFIER | class::HONORIFIC)
        {
            return true;
        }
        // else a title phrase, or a state or organisation before a title chain
        match self.known(j, end) {
            Some((_, Known::Title(_))) => true,
            Some((
                n,
                Known::Country(_) | Known::Demonym(_) | Known::Org(_) | Known::Body(Some(_)),
            )) => {
                let mut a = j + n;
                if a < end && self.possessive(a) {
                    a += 1;
                }
                self.may_chain(a, end)
            }
            // "Infrastructure Minister X"
            None => self.portfolio_at(j),
            _ => false,
        }
    }

    /// Whether token `i` is "'s" (either apostrophe).
    #[inline]
    fn possessive(&self, i: usize) -> bool {
        self.toks[i].is_possessive(self.text)
    }

    /// Whether token `i` is `w`, compared as bytes.
    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.toks[i].bytes(self.text) == w.as_bytes()
    }

    /// Whether token `i` is an honorific ("Mr.", "Dr."): its class bit
    /// first, inline; the set asked out of line.
    #[inline(always)]
    fn honorific(&self, i: usize) -> bool {
        self.words.may_be(i, class::HONORIFIC) && self.honorific_word(i)
    }

    /// Whether token `i`, as written, is in the lexicon's honorifics.
    #[inline(never)]
    fn honorific_word(&self, i: usize) -> bool {
        self.g.honorifics.contains(self.s(i))
    }

    fn lower_is(&self, i: usize, end: usize, w: &str) -> bool {
        i < end && self.b(i).eq_ignore_ascii_case(w.as_bytes())
    }

    #[inline]
    fn known(&self, i: usize, end: usize) -> Option<(usize, Known)> {
        if i >= end {
            return None;
        }
        match self.known_at.get(i).copied().flatten() {
            Some((n, k)) if i + n as usize <= end => Some((n as usize, k)),
            None => None,
            // the longest phrase runs past `end`: a shorter one may fit
            Some(_) => self.lookup_short(i, end),
        }
    }

    /// [`Finder::known`] when the longest phrase at `i` runs past `end`:
    /// looked up again, out of line (rare).
    #[cold]
    #[inline(never)]
    fn lookup_short(&self, i: usize, end: usize) -> Option<(usize, Known)> {
        self.lookup_in(i, end)
            .map(|(n, k)| (n as usize, k))
            .filter(|(n, _)| i + n <= end)
    }

    /// The mentions of tokens `range`, skipping those `masked`.
    pub fn sentence(&self, range: std::ops::Range<usize>, masked: &[bool]) -> Vec<Mention<'t>> {
        let mut out: Vec<Mention<'t>> = Vec::new();
        self.sentence_into(range, masked, &mut out);
        out
    }

    /// [`Finder::sentence`] into `out` (emptied first): a buffer used again
    /// from sentence to sentence.
    pub fn sentence_into(
        &self,
        range: std::ops::Range<usize>,
        masked: &[bool],
        out: &mut Vec<Mention<'t>>,
    ) {
        out.clear();
        if out.capacity() == 0 {
            // a sentence has a few mentions, mostly: room for them at once
            out.reserve(8);
        }
        self.sentence_onto(range, masked, out);
    }

    /// [`Finder::sentence`] added to the end of `out`, which holds the
    /// mentions of the sentences before (never looked at).
    pub fn sentence_onto(
        &self,
        range: std::ops::Range<usize>,
        masked: &[bool],
        out: &mut Vec<Mention<'t>>,
    ) {
        let end = range.end;
        // this sentence's mentions are `out[own..]`
        let own = out.len();
        // in a headline in title case every word is capitalised: no sign of a name
        let guess = !self.title_case(range.clone());
        let mut i = range.start;
        let from = self.starts.partition_point(|&k| k < i);
        for &k in self.starts.get(from..).unwrap_or_default() {
            if k >= end {
                break;
            }
            if k < i || masked[k] {
                continue;
            }
            i = k;
            let next = self.mention_at(i, (range.start, end), guess, out, own);
            // an acronym in brackets names what was just mentioned
            i = match self.acronym_after(next, end, out.get_mut(own..).unwrap_or_default()) {
                Some(e) => e,
                None => next.max(i + 1),
            };
        }
    }

    /// Whether the words of tokens `range` are in title case ("Trump Calls
    /// Up Modi To Meet At G-20 Summit"): four or more words of four letters
    /// or more, all capitalised, a cue word among them (not a list of names),
    /// and no full stop at the end (a headline has none; "Wang Yi met the
    /// Minister of State on Monday." is a sentence).
    fn title_case(&self, range: std::ops::Range<usize>) -> bool {
        if range.end > range.start && self.is(range.end - 1, ".") {
            return false;
        }
        let (mut long, mut cue) = (0, false);
        for k in range {
            // a token's length in bytes, and `capital_at` for `upper_first`
            let t = self.toks[k];
            if t.kind != TokKind::Word || t.end.wrapping_sub(t.start) < 4 {
                continue;
            }
            if !self.capital_at(k) {
                return false;
            }
            long += 1;
            cue = cue
                || self.in_set(k, class::CUE, || {
                    self.g.cue_index.contains_key(self.lower(k))
                });
        }
        long >= 4 && cue
    }

    /// Pushes on `out` the mentions that begin at token `i` (not inert) of
    /// the sentence from `start` to `end`, whose mentions are `out[from..]`:
    /// where the next may begin; an unknown name only if `guess`.
    #[inline]
    fn mention_at(
        &self,
        i: usize,
        (start, end): (usize, usize),
        guess: bool,
        out: &mut Vec<Mention<'t>>,
        from: usize,
    ) -> usize {
        // an unknown name is tried once: as a person first, else as itself
        let mut unknown = None;
        let person = if self.may_be_person(i, end) {
            self.person(i, end)
        } else {
            None
        };
        // "State Bank of India": a state noun beginning a name
        let known = self.known(i, end);
        let noun_in_name = matches!(known, Some((_, Known::StateNoun)))
            && i + 1 < end
            && self.capital_at(i)
            && self.capital_at(i + 1);
        let person = person.or_else(|| {
            if known.is_some() && !noun_in_name {
                return None;
            }
            // only a capitalised word begins an unknown name
            if guess && self.toks[i].kind == TokKind::Word && self.capital_at(i) {
                unknown = self.unknown(i, end, start);
            }
            unknown.take_if(|m| matches!(m.what, What::Person { .. }))
        });
        if let Some(m) = person {
            self.push_person(m, end, out, from)
        } else if let Some(m) = unknown.take_if(|m| noun_in_name && m.end > i + 1) {
            let e = m.end;
            out.push(m);
            e
        } else if let Some((n, k)) = known {
            self.known_mention(i, n, k, end, out)
        } else if let Some(m) = self.descriptor(i, end) {
            let e = m.end;
            out.push(m);
            e
        } else if self.speech_by.is_some()
            && self.words.may_be(i, class::FIRST_PERSON)
            && self.g.first_person.has_bytes(self.b(i))
        {
            out.push(Mention {
                start: i,
                end: i + 1,
                what: What::FirstPerson,
                acronym: None,
            });
            i + 1
        } else if self.pronoun_at(i) {
            out.push(Mention {
                start: i,
                end: i + 1,
                what: What::Pronoun,
                acronym: None,
            });
            i + 1
        } else if let Some(m) = unknown {
            let e = m.end;
            out.push(m);
            e
        } else {
            i + 1
        }
    }

    /// A state named by what it is, at token `i`: "the", up to three words,
    /// then a head noun ("the landlocked northeast Asian nation"), no name
    /// after it ("the Republic of Korea") and no word that makes it stand
    /// for another state ("the first country to").
    fn descriptor(&self, i: usize, end: usize) -> Option<Mention<'t>> {
        let last = (i + 5).min(end);
        // (lower case "the" is "the" in any ASCII case: no other character
        // lowers to those letters)
        if !self.lower_is(i, end, "the")
            || self
                .words
                .may_be_in(i + 1..last, class::COUNTRY_HEAD)
                .next()
                .is_none()
        {
            return None;
        }
        let d = &self.g.descriptors;
        let mut words = 0u128;
        for k in i + 1..last {
            if self.toks[k].kind != TokKind::Word {
                return None;
            }
            match d.part(self.lower(k)) {
                Part::Head { bit, needs_word } => {
                    let named = k + 1 < end && self.is(k + 1, "of");
                    let bare = needs_word && words == 0;
                    return (!named && !bare).then(|| Mention {
                        start: i,
                        end: k + 1,
                        what: What::Descriptor {
                            words: crate::lexicon::descriptors::split(words | bit),
                        },
                        acronym: None,
                    });
                }
                Part::Word(bit) => words |= bit,
                Part::Stop => return None,
                // "the Chinese nation", "the Trump administration": a name
                Part::Other if self.capital_at(k) || self.known_at[k].is_some() => return None,
                Part::Other => {}
            }
        }
        None
    }

    /// An acronym in brackets right after the last mention, which ends at
    /// `next` ("(CPEC)"): given to it, and where the next mention may begin.
    #[inline]
    fn acronym_after(&self, next: usize, end: usize, out: &mut [Mention<'t>]) -> Option<usize> {
        let last = out.last_mut()?;
        if last.end == next
            && next + 2 < end
            && self.is(next, "(")
            && self.is(next + 2, ")")
            && is_acronym(self.s(next + 1))
        {
            last.acronym = Some(Cow::Borrowed(self.s(next + 1)));
            return Some(next + 3);
        }
        None
    }

    /// Pushes a person mention on `out` (the sentence's from `from` on)
    /// with its apposition ("Xi, President of China,"), and the others named
    /// after a plural title ("Presidents Xi and Macri", "Ministers A (Energy),
    /// B (Trade) and C"): where the next mention may begin.
    fn push_person(
        &self,
        mut m: Mention<'t>,
        end: usize,
        out: &mut Vec<Mention<'t>>,
        from: usize,
    ) -> usize {
        self.title_before(&mut m, out, from);
        // "Turkey, led by the President,": the president of Turkey
        if let What::TitleRef { of: of @ None, .. } = &mut m.what {
            *of = self.led_state(m.start, out.get(from..).unwrap_or_default());
        }
        if let What::Person {
            title, of, former, ..
        } = &mut m.what
        {
            if let Some((e, t, o, f)) = self.apposition(m.end, end) {
                if title.is_none() {
                    *title = Some(t);
                    *of = o;
                    *former = f;
                } else if of.is_none() {
                    *of = o;
                }
                m.end = e;
            }
            // "Prime Minister Lofven's spokesman Erik Boman": the possessor's state
            if title.is_some() && of.is_none() {
                *of = self.possessor_state(m.start, out.get(from..).unwrap_or_default());
            }
        }
        let plural = match &mut m.what {
            What::Person { title: Some(t), .. } if t.ends_with('s') && !t.ends_with("ss") => {
                // the 's' off, a slice shorter where the title is the text's
                match t {
                    Cow::Borrowed(b) => *b = b.get(..b.len() - 1).unwrap_or(b),
                    Cow::Owned(o) => drop(o.pop()),
                }
                true
            }
            _ => false,
        };
        let mut e = m.end;
        if !plural {
            out.push(m);
            return e;
        }
        let first = m.clone();
        out.push(m);
        while let Some(m2) = self.next_in_list(&first, e, end) {
            e = m2.end;
            out.push(m2);
        }
        e
    }

    /// "The director-general of Israel's Foreign Ministry, Dore Gold,": a
    /// title without a name right before ", NAME" is the title of the name
    /// (a mention of the sentence, `out[from..]`).
    fn title_before(&self, m: &mut Mention<'t>, out: &mut Vec<Mention<'t>>, from: usize) {
        let What::Person { title, of, .. } = &mut m.what else {
            return;
        };
        let Some(prev) = out.get(from..).and_then(<[_]>::last) else {
            return;
        };
        let What::TitleRef { title: t, of: o } = &prev.what else {
            return;
        };
        if title.is_some() || prev.end + 1 != m.start || !self.is(prev.end, ",") {
            return;
        }
        *title = Some(t.clone());
        *of = *o;
        m.start = prev.start;
        out.pop();
    }

    /// The state of the person whose "'s" is right before token `start`
    /// ("Lofven's spokesman"), as the last mention of `out` names it.
    fn possessor_state(&self, start: usize, out: &[Mention<'t>]) -> Option<Of> {
        let last = out.last()?;
        if start < 1 || last.end + 1 != start || !self.possessive(start - 1) {
            return None;
        }
        match &last.what {
            What::Person { of, .. } => *of,
            _ => None,
        }
    }

    /// The state the last mention of `out` names when a bare title at
    /// `start` leads it: "Turkey led by the esteemed President", "Kenya,
    /// headed by its president," (a leader participle and "by" of the
    /// lexicon, then at most three lower-case words or honorifics).
    fn led_state(&self, start: usize, out: &[Mention<'t>]) -> Option<Of> {
        let last = out.last()?;
        let What::Country { id, .. } = last.what else {
            return None;
        };
        let lower =
            |k: usize| self.s(k).bytes().all(|b| b.is_ascii_lowercase()) || self.honorific(k);
        let mut k = last.end;
        if k < start && self.is(k, ",") {
            k += 1;
        }
        let led = k + 2 <= start
            && start - (k + 2) <= 3
            && self.in_list(k, list::LEADER_PARTICIPLES)
            && self.in_list(k + 1, list::AGENT_PREPOSITIONS)
            && (k + 2..start).all(lower);
        led.then_some(Of::Country(id))
    }

    /// After a plural title, the next person of its list, which ends at
    /// `e`: past a portfolio in brackets ("(Energy)"), after "," or "and".
    fn next_in_list(&self, first: &Mention<'t>, e: usize, end: usize) -> Option<Mention<'t>> {
        let mut k = e;
        if k < end && self.is(k, "(") {
            k = (k + 1..end.min(k + 10)).find(|&j| self.is(j, ")"))? + 1;
        }
        let mut j = k;
        if j < end && self.is(j, ",") {
            j += 1;
        }
        if j < end && self.is(j, "and") {
            j += 1;
        }
        if j == k || j >= end {
            return None;
        }
        let ne = self.name_at(j, end)?;
        let (ne2, of) = self.after_name(ne, end, None);
        let mut m2 = first.clone();
        m2.start = j;
        m2.end = ne2;
        if let What::Person { name, of: o, .. } = &mut m2.what {
            *name = self.text_of(j, ne);
            if of.is_some() {
                *o = of;
            }
        }
        Some(m2)
    }

    /// Pushes on `out` the mention of lexicon phrase `k`, tokens `i..i + n`:
    /// where the next mention may begin.
    fn known_mention(
        &self,
        i: usize,
        n: usize,
        k: Known,
        end: usize,
        out: &mut Vec<Mention<'t>>,
    ) -> usize {
        let after = i + n;
        match self.known_what(i, after, k, end) {
            Some((e, what)) => {
                out.push(Mention {
                    start: i,
                    end: e,
                    what,
                    acronym: None,
                });
                e
            }
            None => after,
        }
    }

    /// What lexicon phrase `k`, tokens `i..after`, names and where its
    /// mention ends; `None` when it is no mention.
    #[inline]
    fn known_what(
        &self,
        i: usize,
        after: usize,
        k: Known,
        end: usize,
    ) -> Option<(usize, What<'t>)> {
        let state = |id| What::Country { id, strong: true };
        Some(match k {
            Known::Country(c) | Known::Demonym(c) => {
                let what = self.country_what(after, c, matches!(k, Known::Country(_)), end);
                return match what {
                    Some((e, _)) if e == after => self.national_org(i, after, end).or(what),
                    _ => what,
                };
            }
            Known::Capital(c) if self.capital_is_city(i, after, end) => (after, What::Capital(c)),
            Known::Capital(c) => (after, state(c)),
            Known::Place(p) => (after, What::Place(p)),
            Known::Org(o) => (after, What::Org(o)),
            Known::Initiative(x) => (after, What::Initiative(x)),
            // "the Foreign Office in Islamabad": another state named wins over the default
            Known::Body(c) => match (self.body_of_state(after, end), c) {
                (Some((e, s)), _) if c != Some(s) => (e, state(s)),
                (_, Some(c)) => (after, state(c)),
                (_, None) => (after, What::Body),
            },
            Known::Pair => {
                let countries = self.pair_of_states(i, after);
                (after, What::Pair { countries })
            }
            // "His Highness welcomed ...": a form of address used alone
            // stands for the person last named, as a pronoun does
            Known::Block if self.pronoun_at(i) && !(after < end && self.capital_at(after)) => {
                (after, What::Pronoun)
            }
            Known::Title(_) | Known::StateNoun | Known::Block => return None,
        })
    }

    /// Country `c` named by tokens up to `after` (by its name when
    /// `strong`, else by a demonym): the state, through a state noun after
    /// it ("the Chinese side", "Pakistan's government"); `None` for a
    /// currency ("US$600").
    #[inline]
    fn country_what(
        &self,
        after: usize,
        c: u32,
        strong: bool,
        end: usize,
    ) -> Option<(usize, What<'t>)> {
        if after < end && self.is(after, "$") && self.toks[after].start == self.toks[after - 1].end
        {
            return None;
        }
        if let Some(e) = self.state_noun_end(after, end) {
            return Some((
                e,
                What::Country {
                    id: c,
                    strong: true,
                },
            ));
        }
        Some((after, What::Country { id: c, strong }))
    }

    /// "the Myanmar Foreign Trade Bank", "Nigerian National Petroleum
    /// Corporation": a state's name (tokens `i..after`) opening an unknown
    /// name of two words or more with an organisation's head last is that
    /// organisation, not the state.
    fn national_org(&self, i: usize, after: usize, end: usize) -> Option<(usize, What<'t>)> {
        if after >= end || !self.capital_at(after) || self.known(after, end).is_some() {
            return None;
        }
        let m = self.unknown_end(after, end);
        let named = m >= after + 2 && self.org_head_at(m - 1);
        named.then(|| (m, What::NewOrg(self.text_of(i, m))))
    }

    /// The state named after a body's "of" ("the Government of Japan",
    /// "the Foreign Ministry of the Republic of Maldives"), or its capital
    /// after "in" ("the Government in Khartoum"), and where it ends.
    #[inline]
    fn body_of_state(&self, after: usize, end: usize) -> Option<(usize, u32)> {
        if after + 1 >= end {
            return None;
        }
        let (of, within) = (self.is(after, "of"), self.is(after, "in"));
        let k = if of && self.lower_is(after + 1, end, "the") {
            after + 2
        } else {
            after + 1
        };
        match self.known(k, end) {
            Some((n, Known::Country(c))) if of => Some((k + n, c)),
            Some((n, Known::Capital(c))) if within => Some((k + n, c)),
            _ => None,
        }
    }

    /// Where a state noun or body at `at` ends, after an "'s" ("'s
    /// government", "side", "Pakistani Foreign Office"); `None` when none.
    #[inline]
    fn state_noun_end(&self, at: usize, end: usize) -> Option<usize> {
        let at = if at < end && self.possessive(at) {
            at + 1
        } else {
            at
        };
        match self.known(at, end) {
            Some((m, Known::StateNoun)) | Some((m, Known::Body(_))) => Some(at + m),
            // "the Japanese parliamentary delegation": past one adjective
            // (the state noun's lookup first: cheaper than the adjective's bytes)
            _ if at + 1 < end => match self.known(at + 1, end) {
                Some((m, Known::StateNoun)) if strong_adjective(self.s(at)) => Some(at + 1 + m),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the capital named by tokens `i..after` is the city ("talks in
    /// Beijing", "Beijing, China") rather than its state ("Beijing summoned").
    #[inline]
    fn capital_is_city(&self, i: usize, after: usize, end: usize) -> bool {
        let prev = if i > 0 { self.lower(i - 1) } else { "" };
        // "lashed out at Washington's decision": a possessive before a
        // common noun is the state's (but "at Beijing's Capital Airport")
        let owns = prev == "at"
            && after + 1 < end
            && self.possessive(after)
            && lower_case(self.s(after + 1));
        !owns && self.g.city_cues.has(prev)
            || (after + 1 < end
                && self.is(after, ",")
                && matches!(self.known(after + 1, end), Some((_, Known::Country(_)))))
    }

    /// Whether the pair phrase of tokens `i..after` means the two states
    /// ("both countries") rather than two people ("the two leaders").
    fn pair_of_states(&self, i: usize, after: usize) -> bool {
        let span = &self.text[self.toks[i].start as usize..self.toks[after - 1].end as usize];
        let stems = &self.g.pair_state_stems;
        // a short ASCII phrase is lowered on the stack (its lower case
        // is its ASCII lower case) and searched byte by byte
        let mut buf = [0u8; 64];
        if let Some(low) = buf.get_mut(..span.len()).filter(|_| span.is_ascii()) {
            low.copy_from_slice(span.as_bytes());
            low.make_ascii_lowercase();
            return stems.iter().any(|w| has_part(low, w.as_bytes()));
        }
        let words = span.to_lowercase();
        stems.iter().any(|w| words.contains(w.as_str()))
    }

    /// A title chain at `j`: modifiers and titles joined by "and": its end,
    /// and whether it says "former".
    #[inline]
    fn title_chain(&self, j: usize, end: usize) -> Option<(usize, bool)> {
        if !self.may_chain(j, end) {
            return None;
        }
        self.title_chain_at(j, end)
    }

    /// Whether a title chain may begin at `j`: with a modifier or a title
    /// phrase; `false` means [`Finder::title_chain`] finds none.
    #[inline]
    fn may_chain(&self, j: usize, end: usize) -> bool {
        j < end
            && (self.words.may_be(j, class::TITLE_MODIFIER)
                || match self.known_at.get(j).copied().flatten() {
                    None => false,
                    Some((n, k)) => j + n as usize > end || matches!(k, Known::Title(_)),
                }
                || self.portfolio_at(j))
    }

    /// Whether token `j` is a capitalised portfolio ("Infrastructure").
    #[inline]
    fn portfolio_at(&self, j: usize) -> bool {
        // the capital first: its class bits are at hand, the word lists'
        // table (by word id) is a load apart
        self.capital_at(j) && self.in_list(j, list::PORTFOLIOS)
    }

    /// Whether token `k` is a title a portfolio qualifies ("Minister").
    fn portfolio_title(&self, k: usize, end: usize) -> bool {
        self.g.portfolio_titles.has_bytes(self.lower_b(k))
            && matches!(self.known(k, end), Some((_, Known::Title(_))))
    }

    /// Past a run of portfolios from `k` ("Roads and Transport"): its end,
    /// `k` when there is none.
    fn portfolio_run(&self, mut k: usize, end: usize) -> usize {
        while k < end && self.portfolio_at(k) {
            k += 1;
            let joined =
                k + 1 < end && (self.g.title_joiners.has_bytes(self.b(k)) || self.is(k, ","));
            if joined && self.portfolio_at(k + 1) {
                k += 1;
            }
        }
        k
    }

    /// "Infrastructure Minister": from the portfolios at `m` to the title
    /// they qualify; `m` when `m` begins a title or no such title follows.
    fn past_portfolios(&self, m: usize, end: usize) -> usize {
        // a title itself ("Finance Minister") is read as one
        if m >= end
            || !self.portfolio_at(m)
            || matches!(self.known(m, end), Some((_, Known::Title(_))))
        {
            return m;
        }
        let k = self.portfolio_run(m, end);
        match k < end && self.portfolio_title(k, end) {
            true => k,
            false => m,
        }
    }

    /// "Minister of Roads and Transport": past the portfolios after title
    /// word `m - 1` and "of" or "for", or joined to a title ending in one
    /// ("Minister of Mining and Water"); `m` when none follow.
    fn portfolio_tail(&self, m: usize, end: usize) -> usize {
        if m + 1 >= end {
            return m;
        }
        let joined = self.g.title_joiners.has_bytes(self.b(m)) || self.is(m, ",");
        if joined && self.portfolio_at(m - 1) && self.portfolio_at(m + 1) {
            return self.portfolio_run(m + 1, end);
        }
        if !self.g.owner_prepositions.has_bytes(self.lower_b(m))
            || !self.g.portfolio_titles.has_bytes(self.lower_b(m - 1))
        {
            return m;
        }
        let the = usize::from(self.lower_is(m + 1, end, "the"));
        let k = self.portfolio_run(m + 1 + the, end);
        if k > m + 1 + the {
            k
        } else {
            m
        }
    }

    /// [`Finder::title_chain`] past its quick rejects.
    #[inline(never)]
    fn title_chain_at(&self, j: usize, end: usize) -> Option<(usize, bool)> {
        let mut k = j;
        let mut last = None;
        let mut former = false;
        loop {
            let mut m = k;
            // "Chief Executive", "Chief of Army Staff": a modifier that opens
            // a title of its own is that title's
            while m < end
                && self.in_set(m, class::TITLE_MODIFIER, || {
                    self.g.title_modifiers.contains(self.lower(m))
                })
                && !matches!(self.known(m, end), Some((_, Known::Title(_))))
            {
                if self.g.former_modifiers.has_bytes(self.lower_b(m)) {
                    former = true;
                }
                m += 1;
            }
            // "Infrastructure Minister"
            m = self.past_portfolios(m, end);
            if let Some((n, Known::Title(_))) = self.known(m, end) {
                m = self.portfolio_tail(m + n, end);
                // "Secretary-General", "Prime Minister-designate"
                last = Some(m);
                if m + 1 < end && self.g.title_joiners.has_bytes(self.b(m)) {
                    k = m + 1;
                    continue;
                }
                // "Minister of State, Minister of Foreign Affairs Jean Kouame"
                if m + 1 < end
                    && self.is(m, ",")
                    && matches!(self.known(m + 1, end), Some((_, Known::Title(_))))
                {
                    k = m + 1;
                    continue;
                }
                // "Army chief General Asim Munir": a rank right after a post
                if matches!(self.known(m, end), Some((_, Known::Title(_)))) {
                    k = m;
                    continue;
                }
            }
            break;
        }
        last.map(|e| (e, former))
    }

    /// A capitalised name at `k` (up to four words, particles inside).
    fn name_at(&self, k: usize, end: usize) -> Option<usize> {
        let mut m = k;
        let mut count = 0;
        while m < end && count < 4 {
            let t = self.toks[m];
            let s = self.s(m);
            // a name does not run across a line break
            if count > 0 && t.newlines_before > 0 {
                break;
            }
            // "S. Jaishankar": an initial may begin a name
            let initial =
                || s.len() == 2 && s.ends_with('.') && m + 1 < end && self.capital_at(m + 1);
            // (`capital_at` is `upper_first` of the token)
            let capital = t.kind == TokKind::Word && self.capital_at(m);
            if capital && !all_caps(s)
                || (capital && (count > 0 && s.len() <= 3 || initial()))
                || (t.kind == TokKind::Word && count > 0 && self.glued_particle(m, s))
            {
                // "bin Sultan": after a particle a title word is a name
                let after_particle = count > 0
                    && self.in_set(m - 1, class::NAME_PARTICLE, || {
                        self.g.name_particles.contains(self.lower(m - 1))
                    });
                if !after_particle && self.name_stops_at(m, end, count == 0) {
                    break;
                }
                // "Tamim Bin Hamad Al Thani": a capitalised particle inside
                // a name is no word of the four
                let particle = count > 0
                    && m + 1 < end
                    && self.capital_at(m + 1)
                    && self.toks[m + 1].kind == TokKind::Word
                    && self.in_set(m, class::NAME_PARTICLE, || {
                        self.g.name_particles.contains(self.lower(m))
                    });
                if !particle {
                    count += 1;
                }
                m += 1;
            } else if count > 0
                && m + 1 < end
                && self.in_set(m, class::NAME_PARTICLE, || {
                    self.g.name_particles.contains(self.lower(m))
                })
                && self.capital_at(m + 1)
                && self.toks[m + 1].kind == TokKind::Word
            {
                m += 1;
            } else {
                break;
            }
        }
        // a name ends on no particle ("Mohammed bin" of a cut name)
        while count > 0
            && m > k + 1
            && self.toks[m - 1].kind == TokKind::Word
            && !self.capital_at(m - 1)
            && self.in_set(m - 1, class::NAME_PARTICLE, || {
                self.g.name_particles.contains(self.lower(m - 1))
            })
        {
            m -= 1;
        }
        (count > 0).then_some(m)
    }

    /// "al-Sudani", "el-Sisi": a lower-case name particle glued by a hyphen
    /// to a capitalised word ends a name (token `m`, of text `s`).
    #[inline]
    fn glued_particle(&self, m: usize, s: &str) -> bool {
        if !self.hyphen_at(m) {
            return false;
        }
        match s.split_once('-') {
            Some((p, rest)) => {
                !p.is_empty()
                    && upper_first(rest)
                    && !rest.contains('-')
                    && self.g.name_particles.contains(p)
            }
            None => false,
        }
    }

    /// Whether a name ends before capitalised word `m` (its `first` word
    /// when so): a weekday, a month with a day, a non-name or honorific
    /// first, a lexicon phrase that is no name.
    #[inline]
    fn name_stops_at(&self, m: usize, end: usize, first: bool) -> bool {
        if self.weekday_at(m) {
            return true;
        }
        // "January Makamba", "Santiago Cafiero": a first name that is also
        // a month or a city, when a surname follows (asked only where it
        // tells: a month, or a first word)
        let surname_next = || {
            m + 1 < end
                && self.toks[m + 1].kind == TokKind::Word
                && self.capital_at(m + 1)
                && self.known(m + 1, end).is_none()
                && !self.month_at(m + 1)
                && !self.weekday_at(m + 1)
        };
        let month = self.month_at(m);
        if month
            && (m + 1 < end && self.toks[m + 1].kind == TokKind::Number
                || (first && !surname_next()))
        {
            return true;
        }
        if first
            && !(month && surname_next())
            && ((self.words.may_be(m, class::NON_NAME) && self.g.non_names.contains(self.s(m)))
                || self.honorific(m))
        {
            return true;
        }
        match self.known(m, end) {
            Some((_, kn)) => match kn {
                Known::Country(_)
                | Known::Demonym(_)
                | Known::Title(_)
                | Known::Org(_)
                | Known::Initiative(_)
                | Known::Pair
                | Known::Block => true,
                Known::Place(_) | Known::Capital(_) | Known::Body(_) => first && !surname_next(),
                Known::StateNoun => false,
            },
            None => false,
        }
    }

    /// "of India" right after a name gives the title's country.
    fn after_name(&self, ne: usize, end: usize, of: Option<Of>) -> (usize, Option<Of>) {
        if of.is_none() && ne + 1 < end && self.is(ne, "of") {
            match self.known(ne + 1, end) {
                Some((n, Known::Country(c))) => return (ne + 1 + n, Some(Of::Country(c))),
                Some((n, Known::Org(o))) => return (ne + 1 + n, Some(Of::Org(o))),
                _ => {}
            }
        }
        // "Defence Minister Sergey Shoigu on behalf of Russia": the state he
        // acts for, which stays a mention of its own (it signs too)
        if of.is_none()
            && ne + 3 < end
            && self.is(ne, "on")
            && self.is(ne + 1, "behalf")
            && self.is(ne + 2, "of")
        {
            if let Some((_, Known::Country(c))) = self.known(ne + 3, end) {
                return (ne, Some(Of::Country(c)));
            }
        }
        (ne, of)
    }

    /// The state named right after a verb of leaving (the lexicon's
    /// `departure_verbs`) a few words past a name at `k`: "would leave
    /// Lithuania".
    fn state_left(&self, k: usize, end: usize) -> Option<u32> {
        let v = (k..end.min(k + 4)).find(|&v| self.g.departure_verbs.has_bytes(self.lower_b(v)))?;
        let a = v + 1 + usize::from(self.lower_is(v + 1, end, "the"));
        match self.known(a, end) {
            Some((_, Known::Country(c))) => Some(c),
            _ => None,
        }
    }

    /// ", Minister for Foreign Affairs of India," after a name: the title,
    /// its country, and where the apposition ends.
    pub fn apposition(
        &self,
        at: usize,
        end: usize,
    ) -> Option<(usize, Cow<'t, str>, Option<Of>, bool)> {
        if at + 1 >= end || !self.is(at, ",") {
            return None;
        }
        let mut j = at + 1;
        if self.lower_is(j, end, "the") {
            j += 1;
        }
        let (mut of, mut chain) = (None, None);
        if let Some((n, Known::Country(c) | Known::Demonym(c))) = self.known(j, end) {
            // the chain after the state, found once
            chain = self.title_chain(j + n, end);
            if chain.is_some() {
                of = Some(Of::Country(c));
                j += n;
            }
        }
        let (te, former) = match chain {
            Some(c) => c,
            None => self.title_chain(j, end)?,
        };
        let title = self.text_of(j, te);
        let (e, of) = self.after_name(te, end, of);
        // ", Finance Minister Mehmet Simsek,": a name after the title begins
        // another titled person, no apposition
        if e == te && e < end && self.capital_at(e) && self.toks[e].kind == TokKind::Word {
            return None;
        }
        let e = self.apposition_tail(e, end);
        // the apposition must close: a comma, a full stop, or the end
        if e < end && !matches!(self.s(e), "," | "." | ";" | ")") {
            return None;
        }
        Some((e, title, of, former))
    }

    /// Where the qualifiers after an apposition's title end: "of the
    /// Communist Party of China (CPC) Central Committee", "to the Republic
    /// of Maldives", "in charge of Government Communication Affairs".
    fn apposition_tail(&self, mut e: usize, end: usize) -> usize {
        let word = |k: usize| self.toks[k].kind == TokKind::Word;
        let mut extra = 0;
        while e < end && extra < 8 {
            if self.is(e, "(") && e + 2 < end && self.is(e + 2, ")") && is_acronym(self.s(e + 1)) {
                e += 3;
            } else if word(e) && (self.capital_at(e) || self.lower_is(e, end, "of")) {
                e += 1;
            } else if self.lower_is(e, end, "in") && self.lower_is(e + 1, end, "charge") {
                e += 2;
            } else if (self.lower_is(e, end, "to") || self.lower_is(e, end, "the"))
                && e + 1 < end
                && (self.capital_at(e + 1) || self.lower_is(e + 1, end, "the"))
            {
                e += 1;
            } else {
                break;
            }
            extra += 1;
        }
        e
    }

    /// The text of tokens `a..b` single-spaced: the article's own where it
    /// is so already (most are), else a copy.
    fn text_of(&self, a: usize, b: usize) -> Cow<'t, str> {
        spaced_text(self.text, &self.toks[a..b])
    }

    /// A person phrase at `i`: [the] [country|demonym|org ['s]] title... [of X] [,] Name,
    /// or a title used alone.
    fn person(&self, i: usize, end: usize) -> Option<Mention<'t>> {
        let the = i < end && self.determiner_at(i);
        let j = if the { i + 1 } else { i };
        // the chain after a state or organisation is found once
        let (title_start, of, prefix, chain) = match self.whose_before_title(j, end) {
            Some((a, of, chain)) => (a, Some(of), true, Some(chain)),
            None => (j, None, false, self.title_chain(j, end)),
        };
        // "Former British Prime Minister": "former" before the phrase
        let former_before =
            i > 0 && title_start > j && self.g.former_modifiers.has_bytes(self.lower_b(i - 1));
        let (title_end, former, title) = match chain {
            Some((e, former)) => (
                e,
                former || former_before || self.former_glued(title_start),
                Some(self.text_of(title_start, e)),
            ),
            None if title_start < end && self.honorific(title_start) && !the => {
                (title_start + 1, false, None)
            }
            None => return None,
        };
        // "European Council President": whose is inside the title
        let of = of.or_else(|| self.whose_inside(title_start, title_end));
        let (k, of) = self.whose_after_title(title_end, end, of);
        let name = self.name_after_title(k, end, the);
        // "Queen Alia International Airport", "the PM House": a place or
        // body named after a title is no person
        if name.is_some_and(|(_, ne)| self.names_a_thing(ne - 1)) {
            return None;
        }
        if let Some((name_from, ne)) = name {
            let (ne, of) = self.after_name(ne, end, of);
            let host = of.is_none().then(|| self.state_left(ne, end)).flatten();
            return Some(Mention {
                start: i,
                end: ne,
                what: What::Person {
                    name: self.text_of(name_from, ne_name(self, name_from, ne)),
                    title,
                    of,
                    former,
                    host,
                },
                acronym: None,
            });
        }
        // a title used alone: "the president", "Chinese Foreign Minister"
        let title = title?;
        let capital_title = self.capital_at(title_start);
        if !(the || prefix || capital_title) {
            return None;
        }
        let e = if of.is_some() && !prefix {
            k
        } else {
            title_end
        };
        // "the foreign ministers", "the two leaders": both sides
        let plural = the && of.is_none() && title.ends_with('s') && !title.ends_with("ss");
        let what = if plural {
            What::Pair { countries: false }
        } else {
            What::TitleRef { title, of }
        };
        Some(Mention {
            start: i,
            end: e,
            what,
            acronym: None,
        })
    }

    /// A state or organisation before a title chain at `j` ("Chinese
    /// Foreign Minister", "UN's envoy"): where the title begins, whose it
    /// is, and the chain ([`Finder::title_chain`]); `None` when there is none.
    #[inline]
    fn whose_before_title(&self, j: usize, end: usize) -> Option<(usize, Of, (usize, bool))> {
        let (n, of) = match self.known(j, end) {
            // "State Department spokesman": a body of a state stands for it
            Some((n, Known::Country(c) | Known::Demonym(c) | Known::Body(Some(c)))) => {
                (n, Of::Country(c))
            }
            Some((n, Known::Org(o))) => (n, Of::Org(o)),
            _ => return None,
        };
        let mut a = j + n;
        if a < end && self.possessive(a) {
            a += 1;
        }
        Some((a, of, self.title_chain(a, end)?))
    }

    /// The first state or organisation named inside a title (tokens `a..b`).
    fn whose_inside(&self, mut a: usize, b: usize) -> Option<Of> {
        while a < b {
            match self.known(a, b) {
                Some((_, Known::Org(o))) => return Some(Of::Org(o)),
                Some((_, Known::Country(c))) => return Some(Of::Country(c)),
                Some((n, _)) => a += n,
                None => a += 1,
            }
        }
        None
    }

    /// "of China", "of the Communist Party of Vietnam" after a title ending
    /// at `k`, whose it is unless `of` says; "to China" (an envoy's host) is
    /// skipped. Where the title's phrase ends, and whose.
    fn whose_after_title(&self, k: usize, end: usize, of: Option<Of>) -> (usize, Option<Of>) {
        if k + 1 >= end {
            return (k, of);
        }
        let to = self.g.host_prepositions.has_bytes(self.b(k));
        if !to && !self.g.owner_prepositions.has_bytes(self.b(k)) {
            return (k, of);
        }
        let mut a = k + 1;
        if self.lower_is(a, end, "the") {
            a += 1;
        }
        let (n, whose) = match self.known(a, end) {
            Some((n, Known::Country(c) | Known::Body(Some(c)))) => (n, Of::Country(c)),
            Some((n, Known::Org(o))) => (n, Of::Org(o)),
            _ => return (k, of),
        };
        match of {
            None if !to => (a + n, Some(whose)),
            _ => (a + n, of),
        }
    }

    /// Whether the token before a title at `j` is a former modifier glued
    /// to a word ("Then-Prime Minister", "ex-Foreign Minister").
    #[inline]
    fn former_glued(&self, j: usize) -> bool {
        j > 0 && {
            // (the lower case has its hyphens where the text has them)
            self.hyphen_at(j - 1)
                && self
                    .lower(j - 1)
                    .split_once('-')
                    .is_some_and(|(m, _)| self.g.former_modifiers.has(m))
        }
    }

    /// Whether the word at `k` ends the name of a place or a body
    /// ("Airport", "House", "Commission").
    #[inline]
    fn names_a_thing(&self, k: usize) -> bool {
        self.place_head_at(k) || self.org_head_at(k)
    }

    /// The name after a title ending at `k` ("President Xi", "the foreign
    /// minister, Wang Yi,"): its first token and its end.
    fn name_after_title(&self, k: usize, end: usize, the: bool) -> Option<(usize, usize)> {
        let comma = k < end && self.is(k, ",");
        let mut name_from = if comma { k + 1 } else { k };
        // honorifics between title and name: "Prime Minister Datuk Seri Anwar"
        let mut skipped = 0;
        while skipped < 2 && name_from < end && self.honorific(name_from) {
            name_from += 1;
            skipped += 1;
        }
        let ne = self
            .name_at(name_from, end)
            .or_else(|| self.pronoun_surname(name_from, end))?;
        // after a comma, the name must end the apposition
        let closes =
            !comma || ne >= end || !self.toks[ne].kind.eq(&TokKind::Word) || !self.capital_at(ne);
        let full_name = ne - name_from >= 2;
        (closes && (!comma || (the && full_name))).then_some((name_from, ne))
    }

    /// "Vice Premier He Lifeng", "spokesperson He Yadong": after a title, a
    /// capitalised pronoun before one unknown capitalised word is a surname
    /// (He is a common Chinese one). Where the name ends.
    fn pronoun_surname(&self, k: usize, end: usize) -> Option<usize> {
        let given = k + 1;
        let ok = given < end
            && self.pronoun_at(k)
            && self.capital_at(k)
            && self.toks[given].kind == TokKind::Word
            && self.capital_at(given)
            && self.toks[given].newlines_before == 0
            && self.known(given, end).is_none()
            && !self.words.may_be(given, class::NON_NAME)
            && !(given + 1 < end && self.capital_at(given + 1));
        ok.then_some(given + 1)
    }

    /// Whether capitalised words (tokens `r`) can be a person's name: no
    /// connectors, no non-name words (but months: "Theresa May"), not all in
    /// capitals.
    fn plain_name(&self, r: std::ops::Range<usize>, at_start: bool) -> bool {
        let mut words = r.clone().map(|k| self.s(k));
        // (never from `unknown`, which splits a phrase at a connector first)
        let connector = words.clone().any(|w| self.g.name_connectors.has(w));
        // a token whose class has no non-name bit is surely none
        let non_name = |k: usize| {
            self.words.may_be(k, class::NON_NAME) && self.g.non_names.contains(self.s(k))
        };
        let non_name_inside = r
            .clone()
            .skip(1)
            .any(|k| non_name(k) && crate::text::date::month_number(self.s(k)).is_none());
        let non_name_at_start = at_start && r.clone().any(non_name);
        let caps = words.all(all_caps);
        !(connector || non_name_inside || non_name_at_start || caps)
    }

    /// An unknown capitalised phrase at `i`, classified by its head word.
    fn unknown(&self, i: usize, end: usize, sentence_start: usize) -> Option<Mention<'t>> {
        let begins = self.may_begin_unknown(i);
        // a body's name has two words or more
        if !(begins || (self.may_begin_body(i, end) && self.may_run_on(i, end))) {
            return None;
        }
        // the phrase's words are tokens `i..m`
        let m = self.unknown_end(i, end);
        // "Foreign Affairs Commission": a non-name word begins only a body's name
        let body = || (i + 1..m).any(|k| self.org_head_at(k));
        if m == i || !(begins || m - i >= 2 && body()) {
            return None;
        }
        if m - i == 1 {
            // "the Palace said": a place's or body's head alone names nothing
            if self.names_a_thing(i) {
                return None;
            }
            // one token's text is single-spaced: no `text_of`
            return Some(Mention {
                start: i,
                end: m,
                what: What::Name(Cow::Borrowed(self.s(i))),
                acronym: None,
            });
        }
        let name = self.text_of(i, m);
        self.unknown_phrase(i, m, sentence_start, name)
    }

    /// Whether an unknown phrase may begin at `i`: a capitalised word that is
    /// no non-name, weekday or month, nor known words joined by hyphens.
    #[inline]
    fn may_begin_unknown(&self, i: usize) -> bool {
        // (`capital_at` is `upper_first` of the token)
        if self.toks[i].kind != TokKind::Word || !self.capital_at(i) {
            return false;
        }
        // most words have no hyphen: no call to split them
        if self.hyphen_at(i) && self.known_parts(i) {
            return false;
        }
        !((self.words.may_be(i, class::NON_NAME) && self.g.non_names.contains(self.s(i)))
            || self.weekday_at(i)
            || self.month_at(i))
    }

    /// Whether token `i`, which has a hyphen, is known words joined by
    /// hyphens ("India-Nepal"): no part of an unknown name.
    #[inline]
    fn known_parts(&self, i: usize) -> bool {
        self.s(i)
            .split('-')
            .all(|p| self.g.lookup_word(p).is_some())
    }

    /// Whether token `i`, which has a hyphen, joins a state or body to other
    /// words ("Asean-Australia", "Muslim-majority"): no part of a person's name.
    #[inline]
    fn joins_a_state(&self, i: usize) -> bool {
        self.s(i).split('-').any(|p| {
            matches!(
                self.g.lookup_word(p),
                Some(Known::Country(_) | Known::Demonym(_) | Known::Org(_))
            )
        })
    }

    /// Whether token `i` names a gathering ("Summit", "Conference"): a
    /// phrase ending in it is an event, no actor.
    #[inline]
    fn event_noun(&self, i: usize) -> bool {
        self.in_list(i, list::EVENT_NOUNS)
    }

    /// Whether token `i` is a word of the relation rules' `list` (a bit of
    /// [`list`]), by its word id.
    #[inline]
    fn in_list(&self, i: usize, list: u32) -> bool {
        let id = self.words.ids.get(i).copied().unwrap_or(NO_WORD);
        self.g.relation_words.has(id, list)
    }

    /// Whether a non-name word at `i` may begin an unknown body's name
    /// ("Foreign" in "Foreign Affairs Commission"): capitalised, no
    /// determiner ("The"), title, weekday or month.
    #[inline]
    fn may_begin_body(&self, i: usize, end: usize) -> bool {
        self.toks[i].kind == TokKind::Word
            && self.capital_at(i)
            && !self.words.may_be(i, class::DETERMINER)
            && self
                .known(i, end)
                .is_none_or(|(_, k)| matches!(k, Known::StateNoun))
            && !self.weekday_at(i)
            && !self.month_at(i)
    }

    /// Whether the unknown phrase at `i` may run past its first word (see
    /// [`Finder::unknown_end`]): a capital or a number next, or a capital
    /// after a connector or particle.
    #[inline]
    fn may_run_on(&self, i: usize, end: usize) -> bool {
        let next = i + 1;
        next < end
            && (self.capital_at(next)
                || self.toks[next].kind == TokKind::Number
                || (next + 1 < end && self.capital_at(next + 1)))
    }

    /// Where the unknown phrase at `i` ends: its capitalised words, the
    /// connectors and particles between them, a number after an initiative
    /// head ("Vision 2030"); no connector at its end.
    fn unknown_end(&self, i: usize, end: usize) -> usize {
        let mut m = i;
        while m < end {
            let t = self.toks[m];
            let first = m == i;
            let is_cap =
                t.kind == TokKind::Word && self.capital_at(m) && (first || self.goes_on(m));
            if (is_cap
                && !first
                && matches!(
                    self.known(m, end),
                    Some((
                        _,
                        Known::Country(_) | Known::Demonym(_) | Known::Org(_) | Known::Title(_)
                    ))
                )
                && !self.g.known_name_links.has_bytes(self.b(m - 1)))
                // its first test here as well: a call per word costs 1 M
                // instructions on 1,000 articles
                || (m >= i + 3 && self.program_for_state(i, m, end))
            {
                break;
            }
            if is_cap && (first || !self.weekday_at(m)) {
                m += 1;
            } else if !first && t.kind == TokKind::Number && self.initiative_head_at(m - 1) {
                m += 1;
                break;
            } else if !first
                && m + 1 < end
                && self.capital_at(m + 1)
                && ((self.g.name_connectors.has_bytes(self.b(m))
                    && self.toks[m + 1].kind == TokKind::Word)
                    || (self.words.may_be(m, class::NAME_PARTICLE)
                        && self.g.name_particles.contains(self.s(m))))
                && !self.two_bodies_at(i, m, end)
            {
                m += 1;
            } else {
                break;
            }
        }
        // drop trailing connectors
        while m > i && self.g.name_connectors.has_bytes(self.b(m - 1)) {
            m -= 1;
        }
        m
    }

    /// Whether the "and" at token `m` joins two bodies, each with its head
    /// ("the Bank of Ghana and the Central Bank of Nigeria"), not the parts
    /// of one ("Ministry of Foreign Affairs and Trade"): the unknown phrase
    /// from `i` ends before it.
    fn two_bodies_at(&self, i: usize, m: usize, end: usize) -> bool {
        if !matches!(self.s(m), "and" | "&") || !(i..m).any(|k| self.org_head_at(k)) {
            return false;
        }
        let connector = |k: usize| self.g.name_connectors.has_bytes(self.b(k));
        (m + 1..end.min(m + 8))
            .take_while(|&k| self.capital_at(k) || connector(k))
            .any(|k| self.org_head_at(k))
    }

    /// Whether token `k` is an organisation's head noun ("Bank", "Ministry").
    #[inline]
    fn org_head_at(&self, k: usize) -> bool {
        self.may_be_head(k, head::ORG) && self.g.org_heads.contains(self.s(k))
    }

    /// Whether token `k` is a place's head noun ("Airport", "Valley").
    #[inline]
    fn place_head_at(&self, k: usize) -> bool {
        self.may_be_head(k, head::PLACE) && self.g.place_heads.contains(self.s(k))
    }

    /// Whether token `k` is an initiative's head noun ("Corridor").
    #[inline]
    fn initiative_head_at(&self, k: usize) -> bool {
        self.may_be_head(k, head::INITIATIVE) && self.g.initiative_heads.contains(self.s(k))
    }

    /// Whether token `k` may be in a head set of `bit` (of [`head`]):
    /// `false` means surely not, told by its word id without hashing.
    #[inline]
    fn may_be_head(&self, k: usize, bit: u8) -> bool {
        let id = self.words.ids.get(k).copied().unwrap_or(NO_WORD);
        self.g.may_be_head(id, bit)
    }

    /// Whether a state named at `m` after a link follows an initiative's
    /// head: "Extended Fund Facility for Pakistan" is a programme for
    /// Pakistan, which stays a mention of its own.
    #[inline]
    fn program_for_state(&self, i: usize, m: usize, end: usize) -> bool {
        m >= i + 3
            && self.g.known_name_links.has_bytes(self.b(m - 1))
            && self.initiative_head_at(m - 2)
            && matches!(self.known(m, end), Some((_, Known::Country(_))))
    }

    /// Whether a phrase may go on at token `m`: a name does not run across
    /// a line break nor into a cue or reporting word.
    #[inline]
    fn goes_on(&self, m: usize) -> bool {
        self.toks[m].newlines_before == 0
            && !self.in_set(m, class::CUE, || {
                self.g.cue_index.contains_key(self.lower(m))
            })
            && !self.in_set(m, class::REPORTING, || {
                self.g.reporting.contains(self.lower(m))
            })
    }

    /// The unknown phrase `name` of two words or more, tokens `i..m`, by
    /// its head: an initiative, organisation, place or person.
    fn unknown_phrase(
        &self,
        i: usize,
        m: usize,
        sentence_start: usize,
        name: Cow<'t, str>,
    ) -> Option<Mention<'t>> {
        let connector = |w: &str| self.g.name_connectors.has(w);
        // "the 44th Asean Summits", "the AI Action Summit" (a cue word ends
        // the phrase before "Summit"): an event, neither body nor person
        if self.event_noun(m - 1) || m < self.toks.len() && self.capital_at(m) && self.event_noun(m)
        {
            return None;
        }
        let mut words = (i..m).map(|k| self.s(k));
        // the last word with a letter
        let last = (i..m)
            .rev()
            .find(|&k| self.s(k).chars().any(char::is_alphabetic));
        let prev = (i > sentence_start).then(|| self.lower(i - 1));
        // "the port town of Santa Marta"
        // "at Zorbi Qarnat's invitation": a possessor is no place
        let possessor = m < self.toks.len() && self.possessive(m);
        let place_of = i >= sentence_start + 2
            && self.g.owner_prepositions.has_bytes(self.lower_b(i - 1))
            && self.g.place_nouns.has_bytes(self.lower_b(i - 2));
        let what = if last.is_some_and(|k| self.initiative_head_at(k))
            || (self.initiative_head_at(i) && self.g.initiative_links.has_bytes(self.b(i + 1)))
            || self.g.initiative_prefixes.has_bytes(self.b(i))
        {
            What::NewInitiative(name)
        } else if (i..m).any(|k| self.org_head_at(k)) {
            What::NewOrg(name)
        } else if last.is_some_and(|k| self.place_head_at(k))
            || place_of
            || (prev.is_some_and(|p| self.g.place_prepositions.has(p))
                && !words.clone().any(connector)
                && !possessor
                // "a call from Antony Blinken": a known person is no place
                && !self.g.person_names.contains_key(&*name))
        {
            What::NewPlace(name)
        } else if let Some(k) = words.position(connector) {
            // "Temer and Peña Nieto": only the run before the connector is a name
            let e = i + k;
            return self.unknown(i, e, sentence_start).or_else(|| {
                (k == 1).then(|| Mention {
                    start: i,
                    end: i + 1,
                    what: What::Name(Cow::Borrowed(self.s(i))),
                    acronym: None,
                })
            });
        } else if m - i <= 4
            && self.plain_name(i..m, i == sentence_start)
            && !(i..m).any(|k| self.hyphen_at(k) && (self.known_parts(k) || self.joins_a_state(k)))
        {
            What::Person {
                name,
                title: None,
                of: None,
                former: false,
                host: None,
            }
        } else {
            return None;
        };
        Some(Mention {
            start: i,
            end: m,
            what,
            acronym: None,
        })
    }
}

/// Whether a word may stand between a state and its state noun ("the
/// Japanese parliamentary delegation"): lower case, four letters or more
/// (no "and", "of", "the").
fn strong_adjective(w: &str) -> bool {
    w.len() >= 4 && lower_case(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::{tokenize, Lowered};

    /// The built-in lexicon compiled once for all tests.
    fn gaz() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap())
    }

    fn country(code: &str) -> u32 {
        gaz().country_by_code(code).unwrap()
    }

    /// What `then` makes of a finder over `text` taken as one sentence.
    fn with_finder<'t, R>(text: &'t str, then: impl FnOnce(&Finder<'t, '_>) -> R) -> R {
        let g = gaz();
        let toks = tokenize(text);
        let lowers = Lowered::new(text, &toks);
        let words = g.token_words(text, &toks, &lowers);
        let whole = crate::text::sentence::Sentence {
            index: 0,
            start: 0,
            end: text.len(),
            tokens: 0..toks.len(),
        };
        let buffers = FinderBuffers::default();
        then(&Finder::new(
            g,
            text,
            &toks,
            &lowers,
            &words,
            &[whole],
            buffers,
        ))
    }

    /// The mentions of `text` taken as one sentence, each with its words.
    fn found(text: &str) -> Vec<(String, Mention<'_>)> {
        with_finder(text, |f| {
            f.sentence(0..f.toks.len(), &vec![false; f.toks.len()])
                .into_iter()
                .map(|m| (f.text_of(m.start, m.end).into_owned(), m))
                .collect()
        })
    }

    #[test]
    fn a_determiner_before_a_common_word_starts_nothing() {
        // "the talks": no start; "the president", "the Gulf kingdom": starts
        let starts = with_finder("the talks with the president and the Gulf kingdom", |f| {
            f.starts.clone()
        });
        assert!(!starts.contains(&0), "{starts:?}");
        assert!(starts.contains(&3) && starts.contains(&6), "{starts:?}");
    }

    #[test]
    fn a_bare_title_leading_a_state_is_that_states() {
        let tur = Some(Of::Country(country("TUR")));
        for text in [
            "Turkey led by the esteemed President condemned Armenia",
            "Turkey, led by its President, condemned Armenia",
            "Turkey led by the esteemed Mr. President condemned Armenia",
        ] {
            let m = mentions(text);
            let of = m.iter().find_map(|(_, w)| match w {
                What::TitleRef { of, .. } => Some(*of),
                _ => None,
            });
            assert_eq!(of, Some(tur), "{text}: {m:?}");
        }
        // a title after "by" alone, with no state before it, stays bare
        let m = mentions("The talks were led by the President");
        assert!(
            m.iter()
                .any(|(_, w)| matches!(w, What::TitleRef { of: None, .. })),
            "{m:?}"
        );
    }

    #[test]
    fn punctuation_beyond_ascii_starts_nothing() {
        // the quote marks are no start; the title inside them still is one
        let text = "\u{201c}The president\u{201d} \u{2014} he said";
        let starts = with_finder(text, |f| f.starts.clone());
        let quiet = [0, 3, 4].iter().all(|k| !starts.contains(k));
        assert!(
            quiet && starts.contains(&1) && starts.contains(&5),
            "{starts:?}"
        );
        let m = mentions(text);
        assert!(matches!(&m[0].1, What::TitleRef { title, of: None } if title == "president"));
        assert_eq!(m[1].1, What::Pronoun);
    }

    proptest::proptest! {
        #[test]
        fn all_caps_is_the_plain_test(s in "[a-zA-Z0-9.\\- \u{e9}\u{c9}\u{130}\u{df}\u{2014}]{0,12}") {
            let plain = s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
            proptest::prop_assert_eq!(all_caps(&s), plain);
        }
    }

    /// What [`found`] says the mentions of `text` name.
    fn mentions(text: &str) -> Vec<(String, What<'_>)> {
        found(text).into_iter().map(|(s, m)| (s, m.what)).collect()
    }

    fn person<'s>(name: &'s str, title: Option<&'s str>, of: Option<Of>) -> What<'s> {
        What::Person {
            name: name.into(),
            title: title.map(Cow::from),
            of,
            former: false,
            host: None,
        }
    }

    #[test]
    fn a_titled_person_takes_the_state_before_the_title() {
        let chn = Of::Country(country("CHN"));
        let m = mentions("Chinese Foreign Minister Qin Gang met him in Islamabad.");
        assert_eq!(m[0].0, "Chinese Foreign Minister Qin Gang");
        assert_eq!(
            m[0].1,
            person("Qin Gang", Some("Foreign Minister"), Some(chn))
        );
        assert_eq!(m[1].1, What::Pronoun);
        // after "in" a capital is the city
        assert_eq!(m[2].1, What::Capital(country("PAK")));
        assert_eq!(m.len(), 3);
        // "former" marks a former holder; "of X" after a name gives the state
        let m = mentions("former President Zorb Blatwick of Pakistan said");
        let former = What::Person {
            name: "Zorb Blatwick".into(),
            title: Some("former President".into()),
            of: Some(Of::Country(country("PAK"))),
            former: true,
            host: None,
        };
        assert_eq!(
            m,
            [("former President Zorb Blatwick of Pakistan".into(), former)]
        );
    }

    #[test]
    fn states_by_alias_and_capital() {
        let usa = country("USA");
        let m = mentions("U.S. and Beijing said");
        assert_eq!(
            m[0],
            (
                "U.S.".into(),
                What::Country {
                    id: usa,
                    strong: true
                }
            )
        );
        // a capital that acts is its state
        let chn = country("CHN");
        assert_eq!(
            m[1].1,
            What::Country {
                id: chn,
                strong: true
            }
        );
        // a demonym alone is weak; with a state noun, strong
        let m = mentions("Chinese engineers and the Chinese side");
        assert_eq!(
            m[0].1,
            What::Country {
                id: chn,
                strong: false
            }
        );
        assert_eq!(
            m[1],
            (
                "Chinese side".into(),
                What::Country {
                    id: chn,
                    strong: true
                }
            )
        );
    }

    #[test]
    fn a_place_noun_and_of_or_a_prefix_say_what_an_unknown_name_is() {
        let m = mentions("They met in the port town of Santa Marta and ended Operation Barkhane.");
        assert!(
            m.contains(&("Santa Marta".into(), What::NewPlace("Santa Marta".into()))),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Operation Barkhane".into(),
                What::NewInitiative("Operation Barkhane".into())
            )),
            "{m:?}"
        );
    }

    #[test]
    fn a_known_person_after_from_is_no_place_and_a_facility_is_an_initiative() {
        // "from" makes an unknown name a place, but not a known person's
        let m = mentions("He received a call from Antony Blinken, and aid from Zorb Blatwick.");
        assert!(
            m.contains(&(
                "Antony Blinken".into(),
                person("Antony Blinken", None, None)
            )),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Zorb Blatwick".into(),
                What::NewPlace("Zorb Blatwick".into())
            )),
            "{m:?}"
        );
        let m = mentions("It was paid under the European Peace Facility.");
        assert!(
            m.contains(&(
                "Peace Facility".into(),
                What::NewInitiative("Peace Facility".into())
            )),
            "{m:?}"
        );
    }

    #[test]
    fn a_name_before_an_event_noun_is_no_one() {
        // "co-chaired" and "Summit" end the phrase at "Action": still an event's name
        let m = mentions("Macron and Modi co-chaired the AI Action Summit in Paris.");
        assert!(
            !m.iter().any(|(_, w)| matches!(w, What::Person { .. })),
            "{m:?}"
        );
    }

    #[test]
    fn a_state_named_by_what_it_is_keeps_its_descriptor_words() {
        let m = mentions("The Gulf kingdom said the first country to act was the state media.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, "The Gulf kingdom");
        let What::Descriptor { words } = m[0].1 else {
            panic!("{m:?}")
        };
        let sau = country("SAU");
        let words = crate::lexicon::descriptors::join(words);
        assert!(gaz().descriptors.fits(sau, words));
        assert!(!gaz().descriptors.fits(country("CAN"), words));
    }

    #[test]
    fn unknown_capitalised_words_are_names_people_or_new_things() {
        let m = mentions("Officials met Zorblat on Monday.");
        assert_eq!(m, [("Zorblat".into(), What::Name("Zorblat".into()))]);
        let m = mentions("They met Zorb Blatwick and the Zorb Institute.");
        assert_eq!(m[1].1, person("Zorb Blatwick", None, None));
        assert_eq!(m[2].1, What::NewOrg("Zorb Institute".into()));
        // a connector goes on a name: "in" too
        let m = mentions("the Zorb Institute in Qarnak said");
        assert_eq!(m[0].1, What::NewOrg("Zorb Institute in Qarnak".into()));
        let m = mentions("They arrived in Qarnak Valley");
        assert_eq!(m[1].1, What::NewPlace("Qarnak Valley".into()));
        let m = mentions("They arrived from Qarnak Zorb");
        assert_eq!(m[1].1, What::NewPlace("Qarnak Zorb".into()));
        // "at" a name: a place ("landed at Qasr Al Watan"), but for its possessor
        let m = mentions("They landed at Qarnak Zorb");
        assert_eq!(m[1].1, What::NewPlace("Qarnak Zorb".into()));
        let m = mentions("They came at Qarnak Zorb's invitation");
        assert_eq!(m[1].1, person("Qarnak Zorb", None, None));
    }

    #[test]
    fn an_apposition_may_name_a_posting_but_not_another_person() {
        let first = |text: &str| mentions(text).into_iter().next().map(|(s, _)| s);
        assert_eq!(
            first("Kazumi Endo, Ambassador of Japan to the Maldives, signed the notes.").as_deref(),
            Some("Kazumi Endo, Ambassador of Japan to the Maldives")
        );
        let people = mentions(
            "Foreign Minister Hakan Fidan, Finance Minister Mehmet Simsek, and others attended.",
        );
        let names: Vec<&str> = people.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "Foreign Minister Hakan Fidan",
                "Finance Minister Mehmet Simsek"
            ]
        );
    }

    #[test]
    fn a_former_modifier_glued_to_a_title_makes_it_former() {
        let former = |text: &str| {
            mentions(text).into_iter().find_map(|(_, w)| match w {
                What::Person { former, .. } => Some(former),
                _ => None,
            })
        };
        assert_eq!(
            former("Then-Prime Minister Han Seung-soo visited Dokdo."),
            Some(true)
        );
        assert_eq!(
            former("Prime Minister Han Seung-soo visited Dokdo."),
            Some(false)
        );
    }

    #[test]
    fn neither_a_pair_of_states_nor_a_gathering_is_a_person() {
        let people = |text: &str| {
            let ms = mentions(text);
            ms.into_iter()
                .filter(|(_, w)| matches!(w, What::Person { .. }))
                .count()
        };
        assert_eq!(
            people("Stronger India-Nepal relations enjoy broad support."),
            0
        );
        assert_eq!(
            people("They met before the 44th and 45th Asean Summits in Vientiane."),
            0
        );
        assert_eq!(people("Stronger Bonds Ahmed met the minister."), 1);
        assert_eq!(
            people("Asean-Australia Counter-Terrorism talks resumed."),
            0
        );
        // a place's or body's head alone names nothing
        let found = mentions("The Palace said the king would travel.");
        assert!(found.iter().all(|(s, _)| s != "Palace"), "{found:?}");
    }

    #[test]
    fn titles_alone_pairs_plurals_and_acronyms() {
        let m =
            mentions("The president met the former Foreign Minister, and both countries agreed.");
        assert!(matches!(&m[0].1, What::TitleRef { title, of: None } if title == "president"));
        assert_eq!(m[1].0, "the former Foreign Minister");
        assert_eq!(
            m[2],
            ("both countries".into(), What::Pair { countries: true })
        );
        let m = mentions("Presidents Xi and Macri met.");
        assert_eq!(m[0].1, person("Xi", Some("President"), None));
        assert_eq!(m[1].1, person("Macri", Some("President"), None));
        let m = mentions("the Zorb Qarnak Corridor (ZQC) opened");
        assert_eq!(m[0].1, What::NewInitiative("Zorb Qarnak Corridor".into()));
        let m = found("the Zorb Qarnak Corridor (ZQC) opened");
        assert_eq!(m[0].1.acronym.as_deref(), Some("ZQC"));
        assert_eq!(m.len(), 1);
    }
}
