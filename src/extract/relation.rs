//! Stage 5: relations. Finds cue words in a sentence and gives each its
//! agent (the one who takes the stance, not who reports it), its partner,
//! and the speaker, date, place, topics and tense of the edge.

use crate::extract::resolve::{Ref, Resolution, Resolved};
use crate::lexicon::gazetteer::Gazetteer;
use crate::lexicon::words::{class, TokenWords};
use crate::lexicon::{Frame, PatWord};
use crate::model::{EdgeKind, EntityKind};
use crate::text::token::{TokKind, Token};

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
}

/// A cue found in a sentence: which lexicon entry, and its token span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueHit {
    pub cue: usize,
    pub start: usize,
    pub end: usize,
}

/// Words before a noun: a cue after one is no verb ("its support").
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
            | "'s"
            | "\u{2019}s"
            | "great"
            | "strong"
            | "full"
            | "firm"
            | "continued"
            | "such"
    )
}

/// Words after which a mention is the object of a preposition, not a subject.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "near"
            | "from"
            | "to"
            | "with"
            | "for"
            | "of"
            | "by"
            | "against"
            | "into"
            | "over"
            | "about"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "under"
            | "after"
            | "before"
            | "during"
            | "across"
            | "through"
            | "within"
            | "without"
            | "including"
            | "like"
    )
}

/// Words that introduce a commitment's partner.
const COMMIT_PREPS: &[&str] = &[
    "with",
    "to",
    "for",
    "towards",
    "toward",
    "of",
    "alongside",
    "between",
];

/// Whether the mention starting at `start` follows one of `preps` (past a determiner).
fn introduced(s: &Sentence, start: usize, preps: &[&str]) -> bool {
    let mut b = start;
    while b > s.range.start
        && matches!(
            s.lower(b - 1),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
    {
        b -= 1;
    }
    b > s.range.start && preps.contains(&s.lower(b - 1))
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
    fn is_char(&self, i: usize, b: u8) -> bool {
        self.toks[i].bytes(self.text) == [b]
    }

    /// Token `i`, to be compared in lower case.
    fn word_at(&self, i: usize) -> Word<'a> {
        if self.lowers.is_ascii(i) {
            Word::Ascii(self.toks[i].bytes(self.text))
        } else {
            Word::Lower(self.lower(i))
        }
    }

    /// Whether token `i` is "'s" (or with a typographic apostrophe).
    fn is_possessive(&self, i: usize) -> bool {
        self.toks[i].is_possessive(self.text)
    }

    /// Whether tokens `from..to` are `words` as written.
    fn gap_is(&self, from: usize, to: usize, words: &[&str]) -> bool {
        to.saturating_sub(from) == words.len()
            && (from..to).zip(words).all(|(k, w)| self.s(k) == *w)
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
    fn scan(&self, mut reporting: Option<&mut Short<usize, 8>>, mut hit: impl FnMut(CueHit)) {
        let want = if reporting.is_some() {
            class::CUE | class::REPORTING
        } else {
            class::CUE
        };
        // the word class first: it rules out most tokens at once; the
        // tokens that may be are marked in a bit mask per 64 tokens, a tight
        // loop apart from the matching below
        let mut base = self.range.start;
        while base < self.range.end {
            let top = self.range.end.min(base + 64);
            let mut mask = 0u64;
            for i in self.words.may_be_in(base..top, want) {
                mask |= 1 << (i - base);
            }
            while mask != 0 {
                let i = base + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                self.scan_at(i, reporting.as_deref_mut(), &mut hit);
            }
            base = top;
        }
    }

    /// [`Sentence::scan`] at token `i`, one that may be a cue or a reporting verb.
    #[inline]
    fn scan_at(
        &self,
        i: usize,
        reporting: Option<&mut Short<usize, 8>>,
        hit: &mut impl FnMut(CueHit),
    ) {
        {
            if let Some(r) = reporting {
                if self.words.may_be(i, class::REPORTING) {
                    r.push(i);
                }
            }
            if !self.words.may_be(i, class::CUE) {
                return;
            }
            if self.masked[i] || self.toks[i].kind != TokKind::Word {
                return;
            }
            let pats = self.g.cue_patterns(self.words, self.lowers, i);
            if pats.is_empty() {
                return;
            }
            // one hit per (cue entry, start)
            let mut seen: Option<Short<usize, 8>> = None;
            let mut after_determiner = None;
            // the next word, which most patterns test first
            let next = (i + 1 < self.range.end).then(|| self.word_at(i + 1));
            for p in pats {
                // a pattern is filed under its first words: the first matches
                let mut rest = p.words.get(1..).unwrap_or_default();
                let mut from = i + 1;
                if let Some((PatWord::Any(alts), more)) = rest.split_first() {
                    if !next.is_some_and(|w| w.one_of(alts)) {
                        continue;
                    }
                    rest = more;
                    from += 1;
                }
                let Some(end) = match_words(self, rest, from, self.range.end) else {
                    continue;
                };
                let cue = &self.g.cues[p.cue];
                if cue.verb_only
                    && *after_determiner.get_or_insert_with(|| {
                        i > self.range.start && is_determiner(self.lower(i - 1))
                    })
                {
                    continue;
                }
                if end < self.range.end && cue.not_followed_by.iter().any(|w| *w == self.lower(end))
                {
                    continue;
                }
                let seen = seen.get_or_insert_with(Short::default);
                if !seen.contains(&p.cue) {
                    seen.push(p.cue);
                    hit(CueHit {
                        cue: p.cue,
                        start: i,
                        end,
                    });
                }
            }
        }
    }

    /// Reporting frames: (speaker mention index, frame start, frame end).
    pub fn speakers(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        self.speakers_at(self.range.clone(), |f| out.push(f));
        out
    }

    /// [`Sentence::speakers`] of the reporting verbs among tokens `at`.
    fn speakers_at(
        &self,
        at: impl IntoIterator<Item = usize>,
        mut out: impl FnMut((usize, usize, usize)),
    ) {
        for i in at {
            if !(self.words.may_be(i, class::REPORTING) && self.g.reporting.contains(self.lower(i)))
            {
                continue;
            }
            // "X said", "X also said", "X has said"
            let mut b = i;
            while b > self.range.start
                && matches!(
                    self.lower(b - 1),
                    "also"
                        | "has"
                        | "had"
                        | "further"
                        | "then"
                        | "have"
                        | "once"
                        | "again"
                        | "later"
                )
            {
                b -= 1;
            }
            if let Some(mi) = self
                .mentions
                .iter()
                .position(|m| m.end == b && self.is_actor(m))
            {
                let mut e = i + 1;
                if e < self.range.end && self.lower(e) == "that" {
                    e += 1;
                }
                let mut first = mi;
                // "President Rouhani and visiting President Xi said"
                while first > 0 {
                    let prev = &self.mentions[first - 1];
                    let (from, to) = (prev.end, self.mentions[first].start);
                    let gap = to.saturating_sub(from);
                    if (1..=2).contains(&gap) && self.lower(from) == "and" && self.is_actor(prev) {
                        first -= 1;
                        out((first, prev.start, e));
                    } else {
                        break;
                    }
                }
                out((mi, self.mentions[first].start, e));
                continue;
            }
            // "said X", "according to X"
            let mut a = i + 1;
            if self.lower(i) == "according" && a < self.range.end && self.lower(a) == "to" {
                a += 1;
            }
            if let Some(mi) = self
                .mentions
                .iter()
                .position(|m| m.start == a && self.is_actor(m))
            {
                out((mi, i, self.mentions[mi].end));
            }
        }
    }

    fn is_actor(&self, m: &Resolved) -> bool {
        !m.weak && matches!(m.r, Ref::Pair { .. } | Ref::Entity(_))
    }
}

/// A token as [`Sentence::word_at`] gives it: an ASCII one as written (its
/// lower case is its bytes lower-cased), another in lower case.
#[derive(Clone, Copy)]
enum Word<'a> {
    Ascii(&'a [u8]),
    Lower(&'a str),
}

impl Word<'_> {
    /// Whether the token's lower case is one of `alts`.
    fn one_of(self, alts: &[String]) -> bool {
        match self {
            Word::Ascii(w) => alts.iter().any(|a| {
                let a = a.as_bytes();
                a.len() == w.len() && a.iter().zip(w).all(|(&x, &y)| x == y.to_ascii_lowercase())
            }),
            Word::Lower(w) => one_of(alts, w),
        }
    }
}

/// Whether `w` is one of `alts`.
fn one_of(alts: &[String], w: &str) -> bool {
    let w = w.as_bytes();
    alts.iter()
        .any(|a| a.len() == w.len() && a.as_bytes().first() == w.first() && a.as_bytes() == w)
}

/// Matches pattern words from token `k` on (before `end`): where the match ends.
fn match_words(s: &Sentence, words: &[PatWord], k: usize, end: usize) -> Option<usize> {
    let Some((w, rest)) = words.split_first() else {
        return Some(k);
    };
    match w {
        PatWord::Wild => {
            // one to four words, the fewest that let the rest match
            let mut j = k;
            while j < end && j < k + 4 && s.toks[j].kind != TokKind::Punct {
                j += 1;
                if let Some(e) = match_words(s, rest, j, end) {
                    return Some(e);
                }
            }
            None
        }
        PatWord::Any(alts) => {
            if k < end && one_of(alts, s.lower(k)) {
                match_words(s, rest, k + 1, end)
            } else {
                None
            }
        }
        PatWord::Optional(alts) => {
            if k < end && one_of(alts, s.lower(k)) {
                if let Some(e) = match_words(s, rest, k + 1, end) {
                    return Some(e);
                }
            }
            match_words(s, rest, k, end)
        }
    }
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

    /// Keeps the items `keep` says yes to, in order.
    fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
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
        if self.len > N {
            &self.spill
        } else {
            &self.head[..self.len]
        }
    }
}

impl<T, const N: usize> std::ops::DerefMut for Short<T, N> {
    fn deref_mut(&mut self) -> &mut [T] {
        if self.len > N {
            &mut self.spill
        } else {
            &mut self.head[..self.len]
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

/// Builds the relations of one sentence. `pair` is the article's two sides;
/// `host` the country an unnamed visit goes to (the dateline's).
pub fn relations(
    s: &Sentence,
    res: &Resolution,
    pair: Option<(usize, usize)>,
    host: Option<usize>,
) -> Vec<Relation> {
    let mut out = Vec::new();
    // without a mention there is no partner, agent nor speaker: nothing to find
    if s.mentions.is_empty() {
        return out;
    }
    let mut cues: Short<CueHit, 4> = Short::default();
    let mut reporting: Short<usize, 8> = Short::default();
    s.scan(Some(&mut reporting), |h| cues.push(h));
    if cues.is_empty() {
        return out;
    }
    let mut speakers: Short<(usize, usize, usize), 4> = Short::default();
    s.speakers_at(reporting.iter().copied(), |f| speakers.push(f));
    let speakers: &[(usize, usize, usize)] = &speakers;
    // the speakers' mention indices below 64 as bits, the rest by search
    let speaker_bits = speakers
        .iter()
        .filter(|&&(sm, _, _)| sm < 64)
        .fold(0u64, |b, &(sm, _, _)| b | 1 << sm);
    let in_frame = |mi: usize| {
        if mi < 64 {
            speaker_bits & 1 << mi != 0
        } else {
            speakers.iter().any(|&(sm, _, _)| sm == mi)
        }
    };
    let frame_at = |tok: usize| speakers.iter().any(|&(_, a, b)| tok >= a && tok < b);
    let kind_of = |m: &Resolved| match m.r {
        Ref::Entity(e) => Some(res.entities[e].kind),
        Ref::Pair { .. } => None,
    };
    let expand = |m: &Resolved, acting: bool| -> Short<usize, 2> {
        let mut v = Short::default();
        match m.r {
            Ref::Entity(e) => {
                if acting {
                    v.push(m.acts_as.unwrap_or(e));
                } else {
                    v.push(e);
                }
            }
            Ref::Pair { countries } => {
                if let Some((a, b)) = pair {
                    if countries {
                        v.push(res.role_country(a).unwrap_or(a));
                        v.push(res.role_country(b).unwrap_or(b));
                    } else {
                        v.push(a);
                        v.push(b);
                    }
                }
            }
        }
        v
    };
    // where: the first place after "in"/"at"
    let place = s.mentions.iter().find_map(|m| match m.r {
        Ref::Entity(e)
            if res.entities[e].kind == EntityKind::Place
                && m.start > s.range.start
                && matches!(s.lower(m.start - 1), "in" | "at") =>
        {
            Some(e)
        }
        _ => None,
    });
    let speaker_ent = speakers
        .first()
        .and_then(|&(mi, _, _)| match s.mentions[mi].r {
            Ref::Entity(e) => Some(e),
            _ => None,
        });
    let mut used_targets: Short<usize, 4> = Short::default();
    // the lists of one cue, emptied for each
    let mut targets: Short<usize, 4> = Short::default();
    let mut agents: Short<usize, 4> = Short::default();
    let mut tgt: Short<usize, 4> = Short::default();
    let mut states: Short<usize, 4> = Short::default();
    for hit in cues.iter() {
        let cue = &s.g.cues[hit.cue];
        let kind = cue.kind;
        let frame = cue.frame;
        let cameo: &str = if cue.cameo.is_empty() {
            kind.default_cameo()
        } else {
            &cue.cameo
        };
        // negation just before the cue
        let neg_from = hit.start.saturating_sub(3).max(s.range.start);
        if (neg_from..hit.start)
            .any(|k| s.words.may_be(k, class::NEGATION) && s.g.negation.contains(s.lower(k)))
        {
            continue;
        }
        let planned = matches!(kind, EdgeKind::Meeting | EdgeKind::Visit)
            && (hit.start.saturating_sub(3).max(s.range.start)..hit.start)
                .any(|k| s.words.may_be(k, class::FUTURE) && s.g.future.contains(s.lower(k)));
        // partners after the cue
        targets.clear();
        let mut last_end = None;
        // the first ";" after the cue, sought as far as the partners go
        let mut semi = Seek::new(hit.end);
        for (mi, m) in s.mentions.iter().enumerate() {
            let visitor = frame == Frame::Visitor && targets.is_empty();
            // "paid Buhari a visit": a partner may stand inside the cue
            if m.start <= hit.start {
                continue;
            }
            // "expressed Russia's condemnation": a possessor inside the cue is not its partner
            if m.start < hit.end && m.end < s.range.end && s.is_possessive(m.end) {
                continue;
            }
            // past the speaker of a reported clause, the clause has ended
            if in_frame(mi) && !visitor {
                break;
            }
            if (frame_at(m.start) && !visitor) || m.start > hit.end + 30 {
                break;
            }
            if semi.after(m.start, |k| s.is_char(k, b';')) {
                break;
            }
            let ok = match kind_of(m) {
                Some(k) => target_ok(kind, k),
                None => true,
            };
            if !ok {
                continue;
            }
            if let Some(le) = last_end {
                // coordination: "with X and Y"
                if s.gap_is(le, m.start, &["and"])
                    || s.gap_is(le, m.start, &[","])
                    || s.gap_is(le, m.start, &[",", "and"])
                {
                    targets.push(mi);
                    last_end = Some(m.end);
                    continue;
                }
                break;
            }
            // a meeting or signing is with the one named right after the
            // cue or after "with"; else it is among the agents
            if matches!(kind, EdgeKind::Meeting | EdgeKind::Agreement) && frame == Frame::Subject {
                let near = m.start <= hit.end + 1;
                let with = m.start > 0 && matches!(s.lower(m.start - 1), "with" | "by" | "to");
                let cue_with = s.lower(hit.end - 1) == "with";
                if !(near || with || (cue_with && m.start <= hit.end + 3)) {
                    break;
                }
            }
            // a commitment's partner is introduced ("work with X", "committed to X")
            // or follows the cue at once; an initiative may stand anywhere
            if kind == EdgeKind::Commitment
                && frame == Frame::Subject
                && kind_of(m) != Some(EntityKind::Initiative)
                && !(m.start <= hit.end + 5 || introduced(s, m.start, COMMIT_PREPS))
            {
                continue;
            }
            // Commitment prefers an actor; an initiative only with none
            if kind == EdgeKind::Commitment && kind_of(m) == Some(EntityKind::Initiative) {
                if let Some(actor) = s.mentions[mi..].iter().position(|x| {
                    x.start < hit.end + 30
                        && !x.weak
                        && kind_of(x).is_some_and(|k| k.is_actor())
                        && !frame_at(x.start)
                }) {
                    targets.push(mi + actor);
                    last_end = Some(s.mentions[mi + actor].end);
                    continue;
                }
            }
            targets.push(mi);
            last_end = Some(m.end);
        }
        // the agent: the nearest actor before the cue, else the speaker
        agents.clear();
        let mut agent_idx = None;
        // the last ";" or ":" before the cue, sought as far as the agents go
        let mut colon = Seek::new(hit.start);
        let mut gerund = None;
        for (mi, m) in s.mentions.iter().enumerate().rev() {
            if m.end > hit.start || m.weak {
                continue;
            }
            // "..., Li said at the summit co-chaired by him": past the speaker, the speaker acts
            if in_frame(mi) {
                break;
            }
            // "praised China for supporting the UN": the one praised is the supporter
            if used_targets.contains(&mi)
                && !*gerund.get_or_insert_with(|| {
                    hit.start > s.range.start
                        && matches!(s.lower(hit.start - 1), "for" | "by")
                        && s.lower(hit.start).ends_with("ing")
                })
            {
                continue;
            }
            if kind_of(m)
                .is_some_and(|k| !(k.is_actor() || k == EntityKind::Place && m.acts_as.is_some()))
            {
                continue;
            }
            if frame_at(m.end) || colon.before(m.end, |k| s.is_char(k, b';') || s.is_char(k, b':'))
            {
                break;
            }
            // "near the Israel embassy": the object of a preposition is no subject
            let mut b = m.start;
            while b > s.range.start && matches!(s.lower(b - 1), "the" | "a" | "an") {
                b -= 1;
            }
            if b > s.range.start && is_preposition(s.lower(b - 1)) {
                continue;
            }
            agent_idx = Some(mi);
            break;
        }
        match frame {
            Frame::Between => {
                let (a, b) = if targets.len() >= 2 {
                    (
                        expand(&s.mentions[targets[0]], true),
                        expand(&s.mentions[targets[1]], true),
                    )
                } else if targets.len() == 1 && matches!(s.mentions[targets[0]].r, Ref::Pair { .. })
                {
                    // "an agreement between the two countries": the pair itself
                    let both = expand(&s.mentions[targets[0]], true);
                    if both.len() < 2 {
                        continue;
                    }
                    let (mut a, mut b) = (Short::default(), Short::default());
                    a.push(both[0]);
                    b.push(both[1]);
                    (a, b)
                } else if targets.len() == 1 {
                    let a = match agent_idx {
                        Some(a) => expand(&s.mentions[a], true),
                        None => Short::default(),
                    };
                    (a, expand(&s.mentions[targets[0]], true))
                } else {
                    continue;
                };
                for &x in a.iter() {
                    for &y in b.iter() {
                        push(&mut out, kind, cameo, x, y, speaker_ent, place, planned);
                    }
                }
                continue;
            }
            Frame::Visitor => {
                let Some(&ti) = targets.first() else { continue };
                let m = &s.mentions[ti];
                if kind_of(m) == Some(EntityKind::Person) {
                    // "visiting Foreign Minister Qin": Qin visits the host
                    let visitor = expand(m, false);
                    let named = s.mentions.get(ti + 1).filter(|n| {
                        n.start > m.end
                            && s.s(n.start - 1) == "to"
                            && kind_of(n).is_some_and(|k| {
                                matches!(k, EntityKind::Country | EntityKind::Place)
                            })
                    });
                    let named = named.and_then(|n| match n.r {
                        Ref::Entity(e) => Some(if res.entities[e].kind == EntityKind::Place {
                            place_country(res, e).unwrap_or(e)
                        } else {
                            e
                        }),
                        _ => None,
                    });
                    let dest = named
                        .or(place
                            .and_then(|p| res.entities[p].country.map(|_| p))
                            .and_then(|p| place_country(res, p)))
                        .or(host)
                        .or_else(|| speaker_ent.and_then(|sp| res.role_country(sp)))
                        .or_else(|| {
                            // the host: someone of another state named beside the visitor
                            let mine = match m.r {
                                Ref::Entity(v) => res.role_country(v),
                                _ => None,
                            };
                            s.mentions.iter().find_map(|o| match o.r {
                                Ref::Entity(e) if res.entities[e].kind == EntityKind::Person => {
                                    res.role_country(e).filter(|c| Some(*c) != mine)
                                }
                                _ => None,
                            })
                        });
                    if let Some(d) = dest {
                        for &v in visitor.iter() {
                            push(&mut out, kind, cameo, v, d, None, place, planned);
                        }
                    }
                    used_targets.push(ti);
                    continue;
                }
            }
            Frame::Subject => {}
        }
        if let Some(a) = agent_idx {
            agents.extend(&expand(&s.mentions[a], true));
            // "X and Y vowed"
            if a > 0 {
                let prev = &s.mentions[a - 1];
                let (from, to) = (prev.end, s.mentions[a].start);
                if (s.gap_is(from, to, &["and"]) || s.gap_is(from, to, &[","]))
                    && !prev.weak
                    && kind_of(prev).is_none_or(|k| k.is_actor())
                    && !in_frame(a - 1)
                {
                    agents.extend(&expand(prev, true));
                }
            }
        } else if let Some(sp) = speaker_ent {
            agents.push(sp);
        }
        if agents.is_empty() {
            continue;
        }
        // "United Nations secretary-general designate Antonio Guterres": the person met
        if kind == EdgeKind::Meeting && targets.len() == 1 {
            let t0 = targets[0];
            let modifier = matches!(
                kind_of(&s.mentions[t0]),
                Some(EntityKind::Organization | EntityKind::Country)
            );
            if let Some(next) = s.mentions.get(t0 + 1) {
                if modifier
                    && kind_of(next) == Some(EntityKind::Person)
                    && next.start <= s.mentions[t0].end + 3
                    && !(s.mentions[t0].end..next.start)
                        .any(|k| matches!(s.s(k), "," | "and" | ";"))
                {
                    targets[0] = t0 + 1;
                }
            }
        }
        // a visit goes to a state: past a palace or villa to the city or country after it
        if kind == EdgeKind::Visit && targets.len() == 1 {
            let t0 = targets[0];
            let placeless = match s.mentions[t0].r {
                Ref::Entity(e) => {
                    res.entities[e].kind == EntityKind::Place && place_country(res, e).is_none()
                }
                _ => false,
            };
            if placeless {
                if let Some(better) = (t0 + 1..s.mentions.len()).find(|&k| {
                    let m = &s.mentions[k];
                    m.start <= hit.end + 30
                        && match m.r {
                            Ref::Entity(e) => {
                                res.entities[e].kind == EntityKind::Country
                                    || place_country(res, e).is_some()
                            }
                            _ => false,
                        }
                }) {
                    targets[0] = better;
                }
            }
        }
        tgt.clear();
        for &ti in targets.iter() {
            let m = &s.mentions[ti];
            let acting = kind != EdgeKind::Visit;
            for &t in expand(m, acting).iter() {
                let mut t = t;
                if kind == EdgeKind::Visit {
                    let ek = res.entities[t].kind;
                    if ek == EntityKind::Person {
                        match res.role_country(t) {
                            Some(c) => t = c,
                            None => continue,
                        }
                    } else if ek == EntityKind::Place {
                        if let Some(c) = place_country(res, t) {
                            t = c;
                        }
                    }
                }
                tgt.push(t);
            }
            used_targets.push(ti);
        }
        if tgt.is_empty() {
            // "X and Y vowed to ..." / "both sides agreed": each way (a pledge or
            // a meeting is mutual; support or criticism needs a named object)
            if agents.len() >= 2
                && matches!(
                    kind,
                    EdgeKind::Commitment | EdgeKind::Meeting | EdgeKind::Agreement
                )
            {
                for &x in agents.iter() {
                    for &y in agents.iter() {
                        if x != y {
                            push(&mut out, kind, cameo, x, y, speaker_ent, place, planned);
                        }
                    }
                }
            } else if kind == EdgeKind::Agreement {
                // "X signed agreements" after meeting its counterpart
                if let Some((p, q)) = pair {
                    let a = agents[0];
                    let other = if same_side(res, a, p) {
                        q
                    } else if same_side(res, a, q) {
                        p
                    } else {
                        continue;
                    };
                    push(&mut out, kind, cameo, a, other, speaker_ent, place, planned);
                }
            }
            continue;
        }
        let multi_agent = agents.len() >= 2;
        // "X and Y agreed to continue their contacts": a pledge to each other;
        // a third party only when named with "with"
        if kind == EdgeKind::Commitment && multi_agent {
            for &x in agents.iter() {
                for &y in agents.iter() {
                    if x != y {
                        push(&mut out, kind, cameo, x, y, speaker_ent, place, planned);
                    }
                }
            }
            let with: Vec<usize> = targets
                .iter()
                .filter(|&&ti| introduced(s, s.mentions[ti].start, &["with"]))
                .flat_map(|&ti| expand(&s.mentions[ti], true).to_vec())
                .collect();
            tgt.retain(|t| with.contains(t));
        }
        // a named body of a state ("the US Treasury") acts for its state too
        states.clear();
        for &a in agents.iter() {
            if res.entities[a].kind == EntityKind::Organization {
                if let Some(c) = place_country(res, a).filter(|c| !agents.contains(c)) {
                    states.push(c);
                }
            }
        }
        agents.extend(&states);
        for &x in agents.iter() {
            for &y in tgt.iter() {
                if x == y || same_side(res, x, y) && !multi_agent {
                    continue;
                }
                let sp = speaker_ent.filter(|&sp| sp != x);
                push(&mut out, kind, cameo, x, y, sp, place, planned);
            }
        }
    }
    out
}

/// The country entity a place or body belongs to, if it is in the article.
fn place_country(res: &Resolution, p: usize) -> Option<usize> {
    let c = res.entities[p].country?;
    res.entities
        .iter()
        .position(|e| e.kind == EntityKind::Country && e.country == Some(c))
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

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Relation>,
    kind: EdgeKind,
    cameo: &str,
    source: usize,
    target: usize,
    speaker: Option<usize>,
    place: Option<usize>,
    planned: bool,
) {
    if source == target {
        return;
    }
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
        cameo: cameo.to_string(),
        source,
        target,
        speaker: speaker.filter(|&s| s != source),
        place,
        planned,
    });
}
