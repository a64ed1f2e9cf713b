//! The word lists the relation rules read (prepositions, determiners,
//! reporting adverbs...), compiled once with the lexicon: by word id, the
//! lists a word is in.

use crate::lexicon::words::{WordId, NO_WORD};
use crate::lexicon::{CueEntry, PatWord, Pattern, Words};

/// The word lists of the relation rules, as bits of [`RelationWords`] (the
/// [`Words`] fields of the same names).
pub mod list {
    pub const NOUN_MARKERS: u32 = 1;
    pub const OBJECT_PREPOSITIONS: u32 = 1 << 1;
    pub const COMMITMENT_PREPOSITIONS: u32 = 1 << 2;
    pub const PARTNER_DETERMINERS: u32 = 1 << 3;
    pub const ARTICLES: u32 = 1 << 4;
    pub const REPORTING_ADVERBS: u32 = 1 << 5;
    pub const VENUE_PREPOSITIONS: u32 = 1 << 6;
    pub const MEETING_PREPOSITIONS: u32 = 1 << 7;
    pub const GERUND_PREPOSITIONS: u32 = 1 << 8;
    pub const AGENT_PREPOSITIONS: u32 = 1 << 9;
    pub const PASSIVE_AUXILIARIES: u32 = 1 << 10;
    pub const DESTINATION_PREPOSITIONS: u32 = 1 << 11;
    pub const EVENT_NOUNS: u32 = 1 << 12;
    pub const CLAUSE_OPENERS: u32 = 1 << 13;
    pub const RELATIVE_PRONOUNS: u32 = 1 << 14;
    pub const CLAUSE_AUXILIARIES: u32 = 1 << 15;
    pub const PORTFOLIOS: u32 = 1 << 16;
    pub const LEADER_PARTICIPLES: u32 = 1 << 17;
    pub const SUBORDINATORS: u32 = 1 << 18;
    pub const DIRECTIVE_VERBS: u32 = 1 << 19;
    /// The lexicon's `victim_nouns` ("attack", "war").
    pub const VICTIM_NOUNS: u32 = 1 << 20;
    /// The lexicon's `third_venues` ("sidelines", "margins").
    pub const THIRD_VENUES: u32 = 1 << 21;
    /// The lexicon's `meeting_nouns` ("summit", "talks").
    pub const MEETING_NOUNS: u32 = 1 << 22;
    /// The lexicon's `forward_days` ("will", "next"): a date to come.
    pub const FORWARD_DAYS: u32 = 1 << 23;
}

/// The lexicon's word lists the relation rules read, compiled once: by
/// [`WordId`], the lists a word is in, so that a token's id tells at once.
#[derive(Clone, Debug, Default)]
pub struct RelationWords {
    /// By word id, bits of [`list`].
    lists: Vec<u32>,
}

impl RelationWords {
    /// Files the words of `w`'s lists under the ids `id` gives them (the
    /// ids of their lower case, as tokens get them).
    pub fn new(w: &Words, mut id: impl FnMut(&str) -> WordId) -> RelationWords {
        let lists = [
            (list::NOUN_MARKERS, &w.noun_markers),
            (list::OBJECT_PREPOSITIONS, &w.object_prepositions),
            (list::COMMITMENT_PREPOSITIONS, &w.commitment_prepositions),
            (list::PARTNER_DETERMINERS, &w.partner_determiners),
            (list::ARTICLES, &w.articles),
            (list::REPORTING_ADVERBS, &w.reporting_adverbs),
            (list::VENUE_PREPOSITIONS, &w.venue_prepositions),
            (list::MEETING_PREPOSITIONS, &w.meeting_prepositions),
            (list::GERUND_PREPOSITIONS, &w.gerund_prepositions),
            (list::AGENT_PREPOSITIONS, &w.agent_prepositions),
            (list::PASSIVE_AUXILIARIES, &w.passive_auxiliaries),
            (list::DESTINATION_PREPOSITIONS, &w.destination_prepositions),
            (list::EVENT_NOUNS, &w.event_nouns),
            (list::CLAUSE_OPENERS, &w.clause_openers),
            (list::RELATIVE_PRONOUNS, &w.relative_pronouns),
            (list::CLAUSE_AUXILIARIES, &w.clause_auxiliaries),
            (list::PORTFOLIOS, &w.portfolios),
            (list::LEADER_PARTICIPLES, &w.leader_participles),
            (list::SUBORDINATORS, &w.subordinators),
            (list::DIRECTIVE_VERBS, &w.directive_verbs),
            (list::VICTIM_NOUNS, &w.victim_nouns),
            (list::THIRD_VENUES, &w.third_venues),
            (list::MEETING_NOUNS, &w.meeting_nouns),
            (list::FORWARD_DAYS, &w.forward_days),
        ];
        let mut lists_of: Vec<u32> = Vec::new();
        for (bit, words) in lists {
            for word in words {
                let i = id(word);
                if i == NO_WORD {
                    continue;
                }
                let i = i as usize;
                if lists_of.len() <= i {
                    lists_of.resize(i + 1, 0);
                }
                lists_of[i] |= bit;
            }
        }
        RelationWords { lists: lists_of }
    }

    /// Whether the word of id `id` is in the list `list` (a bit of [`list`]).
    #[inline]
    pub fn has(&self, id: WordId, list: u32) -> bool {
        self.lists.get(id as usize).is_some_and(|&b| b & list != 0)
    }
}

/// The cue patterns filed under one first word, with what rules most of
/// them out by the next token alone: what the scan reads at every token
/// (`hot`, one cache line) apart from what it reads at few (`cold`).
#[derive(Clone, Debug, Default)]
pub struct CueStart {
    pub hot: CueHot,
    pub cold: CueCold,
    /// The numbers of the patterns, in the order they are tried (the cold
    /// part finds them in a shared table once placed there).
    pub pats: Vec<u32>,
    /// By word id, in a table of a power of two slots, at most half full
    /// (an empty one of id [`NO_WORD`] and no bits): the bits of the patterns
    /// (of the first 64) that word may be second in (or third, after an
    /// optional second word), found from the slot of its hash on.
    pub seconds: Vec<(WordId, u64)>,
}

/// What the cue scan reads of a first word at each token of that word, in
/// one aligned cache line: most tokens are ruled out by it alone.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
pub struct CueHot {
    /// Bit `k` set: the `k`th pattern (of the first 64) has neither one word
    /// of a list second nor an optional one and then one of a list (it may
    /// match whatever the next token).
    always: u64,
    /// Bit `id % 64` of each id of the second words: most next words are
    /// ruled out by it without a search.
    second_bits: u64,
    /// The bits of the second word kept in the line (see `one_id`).
    one_bits: u64,
    /// The patterns the cold part's `wilds` files.
    pub wild_bits: u64,
    /// The patterns the cold part's `thirds` files.
    pub third_bits: u64,
    /// Where the other second words' table starts in the table it is read
    /// from (see [`CueHot::may_match`]; `u32::MAX`: none).
    seconds_at: u32,
    /// Where the numbers of the patterns are in the shared table of them
    /// (see [`CueHot::pats`]): the cold part is read only to filter.
    pats_at: u32,
    /// The id of one second word (that of the most patterns), kept in the
    /// line: a next token of that id needs no look in the table.
    one_id: WordId,
    /// How far an id's hash is shifted to its slot among the second words
    /// (`64 - shift` bits of slots; 0: no table).
    second_shift: u8,
    /// How many patterns, up to 255 (the bits of the first 64 are live).
    count: u8,
    /// The first token and the token past the last that the cold part's
    /// `wilds` seeks its words at, from the first word's, and bit `id %
    /// 64` of each of their ids: most tokens near are ruled out by it, the
    /// cold part unread (see [`CueHot::wild_filed`]).
    wild_from: u8,
    wild_to: u8,
    wild_ids: u64,
}

/// What the cue scan reads of a first word once a token of it may start a
/// pattern, in two aligned cache lines: the wildcard filter in one, the
/// rest in the other.
#[derive(Clone, Debug, Default)]
#[repr(C, align(64))]
pub struct CueCold {
    /// The patterns (of the first 64) whose token after next is one of a
    /// few words, filed by those words.
    pub thirds: ByWord,
    /// Where the numbers of the patterns are in the shared table of them
    /// (see [`CueCold::pats`]), and how many.
    pats_at: u32,
    pats_len: u32,
    /// The patterns (of the first 64) that go on with a wildcard and a word
    /// of a list.
    pub wilds: Wilds,
}

/// The patterns a [`ByWord`] (or both of [`Wilds`]) files and the ids of
/// their words, kept beside a first word's patterns: near tokens of none
/// of those ids rule the patterns out without a look in the tables.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filed {
    /// Bits of the patterns filed (of the first 64).
    pub bits: u64,
    /// Bit `id % 64` of each id filed.
    pub ids_mod64: u64,
    /// The first token the words filed are sought at, as an offset from
    /// the first word's.
    pub from: u8,
    /// The offset past the last token they are sought at.
    pub to: u8,
}

/// Cue patterns under one first word filed by a word they need at one
/// place (one of a list): by bucket `id % 256`, those whose word there may
/// be an ASCII token of that id; the others surely fail the token.
#[derive(Clone, Debug, Default)]
pub struct ByWord {
    /// Bits of the patterns filed (of the first 64).
    pub bits: u64,
    /// Bit `id % 64` of each id filed (for [`Filed`]).
    ids_mod64: u64,
    /// By bucket `id % 256` (once a pattern is filed), the patterns one of
    /// whose words at the place has an id of that bucket.
    fits: Option<Box<[u64; 256]>>,
}

impl ByWord {
    /// Nothing filed (the default, for a `static`).
    const NONE: ByWord = ByWord {
        bits: 0,
        ids_mod64: 0,
        fits: None,
    };

    /// Files the `k`th pattern, whose word at the place is one of `ids`.
    fn add<'i>(&mut self, k: usize, ids: impl Iterator<Item = &'i WordId>) {
        let fits = self.fits.get_or_insert_with(|| Box::new([0; 256]));
        self.bits |= 1 << k;
        for &id in ids {
            self.ids_mod64 |= 1 << (id % 64);
            fits[(id % 256) as usize] |= 1 << k;
        }
    }

    /// The patterns filed that an ASCII token of word id `id` at the place
    /// may fit (by its bucket).
    #[inline]
    pub fn fits(&self, id: WordId) -> u64 {
        self.fits.as_deref().map_or(0, |f| f[(id % 256) as usize])
    }

    /// What it files, sought at offsets `from..to` from the first word.
    #[inline]
    pub fn filed(&self, from: u8, to: u8) -> Filed {
        Filed {
            bits: self.bits,
            ids_mod64: self.ids_mod64,
            from,
            to,
        }
    }

    /// `may` less the patterns filed that the ASCII token of word id `id`
    /// at the place surely fails.
    #[inline]
    pub fn without_misses(&self, may: u64, id: WordId) -> u64 {
        may & (!self.bits | self.fits(id))
    }

    /// Files the `k`th pattern of words `words` by its third word, if it is
    /// `[first, a, b, ...]` or `[first, a, b?, c, ...]` (the token after next
    /// is then `b`, or `b` or `c`).
    fn add_third(&mut self, k: usize, words: &[PatWord]) {
        match words {
            [_, PatWord::Any(_), PatWord::Any(x), ..] => self.add(k, x.ids().iter()),
            [_, PatWord::Any(_), PatWord::Optional(o), PatWord::Any(x), ..] => {
                self.add(k, o.ids().iter().chain(x.ids()))
            }
            _ => {}
        }
    }
}

/// The patterns under one first word that go on with a wildcard and then
/// one word of a list (`[first, *, x, ...]`, `[first, a, *, x, ...]`), filed
/// by the word after the wildcard: a pattern none of whose near tokens may
/// be one is ruled out before it is tried.
#[derive(Clone, Debug, Default)]
#[repr(align(64))]
pub struct Wilds {
    /// The patterns `[first, *, x, ...]`, by `x`.
    pub at1: ByWord,
    /// The patterns `[first, a, *, x, ...]`, by `x`.
    pub at2: ByWord,
}

impl Wilds {
    /// Files the word after the wildcard of pattern words `words` (the
    /// `k`th pattern), if they are such.
    fn add(&mut self, k: usize, words: &[PatWord]) {
        match words {
            [_, PatWord::Wild, PatWord::Any(x), ..] => self.at1.add(k, x.ids().iter()),
            [_, PatWord::Any(_), PatWord::Wild, PatWord::Any(x), ..] => {
                self.at2.add(k, x.ids().iter())
            }
            _ => {}
        }
    }

    /// Bits of the patterns filed.
    #[inline]
    pub fn bits(&self) -> u64 {
        self.at1.bits | self.at2.bits
    }

    /// What both places file: the word after a wildcard second is sought
    /// at the 3rd to 6th tokens from the first word, after one third at
    /// the 4th to 7th.
    #[inline]
    pub fn filed(&self) -> Filed {
        let from = if self.at1.bits != 0 { 2 } else { 3 };
        let to = if self.at2.bits != 0 { 7 } else { 6 };
        Filed {
            bits: self.at1.bits | self.at2.bits,
            ids_mod64: self.at1.ids_mod64 | self.at2.ids_mod64,
            from,
            to,
        }
    }
}

/// How a [`FlatWord`] matches, as the [`PatWord`] it is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlatKind {
    Any,
    Optional,
    Wild,
}

/// A cue pattern's word in [`FlatPats`], 16 bytes: its ids are a range of
/// one shared table, so a pattern's words lie in a line or two of one array.
#[derive(Clone, Copy, Debug, Default)]
pub struct FlatWord {
    /// Bit `id % 64` of each id: most ids are ruled out by it alone.
    mask: u64,
    /// Where its ids start in the shared table.
    ids_at: u32,
    /// How many ids (the low 30 bits) and its [`FlatKind`] (the top two).
    len_kind: u32,
}

impl FlatWord {
    /// How it matches.
    #[inline]
    pub fn kind(&self) -> FlatKind {
        match self.len_kind >> 30 {
            0 => FlatKind::Any,
            1 => FlatKind::Optional,
            _ => FlatKind::Wild,
        }
    }
}

/// A cue pattern in [`FlatPats`]: its cue entry, its words' place and the
/// two tests of its entry the scan makes after a match.
#[derive(Clone, Copy, Debug, Default)]
pub struct FlatPat {
    /// The number of its cue entry.
    pub cue: u32,
    words_at: u32,
    len: u32,
    /// The entry's `verb_only`.
    pub verb_only: bool,
    /// Whether the entry has words `not_followed_by`.
    pub not_followed: bool,
}

/// Every cue pattern by number, flat: what the scan reads of a pattern in
/// three dense arrays (patterns, words, ids) instead of a chain of boxes.
#[derive(Clone, Debug, Default)]
pub struct FlatPats {
    pats: Vec<FlatPat>,
    words: Vec<FlatWord>,
    ids: Vec<WordId>,
    /// By word (as `words`), the pattern it is of and its place in that
    /// pattern's words: where its strings are, for a token beyond ASCII.
    origin: Vec<(u32, u32)>,
}

impl FlatPats {
    /// The patterns `pats` (numbered by [`Pattern::number`]) of cue entries
    /// `cues`, flat.
    pub fn new(pats: &[Pattern], cues: &[CueEntry]) -> FlatPats {
        let mut f = FlatPats::default();
        for p in pats {
            let cue = cues.get(p.cue);
            f.pats.push(FlatPat {
                cue: p.cue as u32,
                words_at: f.words.len() as u32,
                len: p.words.len() as u32,
                verb_only: cue.is_some_and(|c| c.verb_only),
                not_followed: cue.is_some_and(|c| !c.not_followed_by.is_empty()),
            });
            for (j, w) in p.words.iter().enumerate() {
                let (kind, alts) = match w {
                    PatWord::Any(a) => (0, Some(a)),
                    PatWord::Optional(a) => (1, Some(a)),
                    PatWord::Wild => (2, None),
                };
                let ids = alts.map_or(&[][..], |a| a.ids());
                let len = (ids.len() as u32).min((1 << 30) - 1);
                f.words.push(FlatWord {
                    mask: alts.map_or(0, |a| a.mask()),
                    ids_at: f.ids.len() as u32,
                    len_kind: len | kind << 30,
                });
                f.ids
                    .extend_from_slice(ids.get(..len as usize).unwrap_or_default());
                f.origin.push((f.pats.len() as u32 - 1, j as u32));
            }
        }
        f
    }

    /// The pattern of number `p`.
    #[inline]
    pub fn pat(&self, p: u32) -> Option<&FlatPat> {
        self.pats.get(p as usize)
    }

    /// Pattern `p`'s words, and the place of the first among all words
    /// (that of each word tells its strings, see [`FlatPats::strings`]).
    #[inline]
    pub fn words(&self, p: &FlatPat) -> (&[FlatWord], usize) {
        let at = p.words_at as usize;
        let words = self.words.get(at..at + p.len as usize);
        (words.unwrap_or_default(), at)
    }

    /// Whether the ASCII token of word id `id` is one of word `w`'s.
    #[inline]
    pub fn has_id(&self, w: &FlatWord, id: WordId) -> bool {
        if w.mask & 1 << (id % 64) == 0 {
            return false;
        }
        let at = w.ids_at as usize;
        let len = (w.len_kind & ((1 << 30) - 1)) as usize;
        self.ids
            .get(at..at + len)
            .is_some_and(|ids| ids.contains(&id))
    }

    /// The lower-case words of the word at place `at`, found in the
    /// patterns `pats` it was made from.
    pub fn strings<'p>(&self, at: usize, pats: &'p [Pattern]) -> &'p [String] {
        let Some(&(p, j)) = self.origin.get(at) else {
            return &[];
        };
        match pats.get(p as usize).and_then(|p| p.words.get(j as usize)) {
            Some(PatWord::Any(a) | PatWord::Optional(a)) => &a.words,
            _ => &[],
        }
    }
}

/// A first word that starts no pattern.
pub static NO_CUES: CueStart = CueStart {
    hot: CueHot {
        always: 0,
        second_bits: 0,
        one_bits: 0,
        wild_bits: 0,
        third_bits: 0,
        seconds_at: u32::MAX,
        pats_at: 0,
        one_id: NO_WORD,
        second_shift: 0,
        count: 0,
        wild_from: 0,
        wild_to: 0,
        wild_ids: 0,
    },
    cold: CueCold {
        thirds: ByWord::NONE,
        pats_at: 0,
        pats_len: 0,
        wilds: Wilds {
            at1: ByWord::NONE,
            at2: ByWord::NONE,
        },
    },
    pats: Vec::new(),
    seconds: Vec::new(),
};

impl CueStart {
    /// The patterns `pats` (numbers in `all`, numbered by [`Pattern::number`]),
    /// with their second words filed by id.
    #[cfg(test)]
    pub fn new(pats: Vec<u32>, all: &[Pattern]) -> CueStart {
        CueStart::new_in(pats, all, &mut Vec::new())
    }

    /// [`CueStart::new`] with `seconds` (cleared first) as its scratch
    /// list, to be reused from one first word to the next.
    pub fn new_in(pats: Vec<u32>, all: &[Pattern], seconds: &mut Vec<(WordId, u64)>) -> CueStart {
        let mut always = 0u64;
        seconds.clear();
        let mut wilds = Wilds::default();
        let mut thirds = ByWord::default();
        for (k, p) in pats.iter().take(64).enumerate() {
            let bit = 1u64 << k;
            if let Some(p) = all.get(*p as usize) {
                wilds.add(k, &p.words);
                thirds.add_third(k, &p.words);
            }
            match all.get(*p as usize).and_then(|p| p.words.get(1..)) {
                Some([PatWord::Any(alts), ..]) => {
                    seconds.extend(alts.ids().iter().map(|&id| (id, bit)))
                }
                // "with a? stop": the next token is the optional word or the one after
                Some([PatWord::Optional(opt), PatWord::Any(then), ..]) => {
                    let ids = opt.ids().iter().chain(then.ids());
                    seconds.extend(ids.map(|&id| (id, bit)));
                }
                _ => always |= bit,
            }
        }
        seconds.sort_by_key(|&(id, _)| id);
        seconds.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 |= b.1;
            }
            same
        });
        let second_bits = seconds.iter().fold(0, |b, &(id, _)| b | 1 << (id % 64));
        let (one_id, one_bits) = take_busiest(seconds);
        let (seconds, second_shift) = hashed(seconds);
        let wild = wilds.filed();
        let hot = CueHot {
            always,
            second_bits,
            one_bits,
            wild_bits: wilds.bits(),
            third_bits: thirds.bits,
            seconds_at: u32::MAX,
            pats_at: 0,
            one_id,
            second_shift: second_shift as u8,
            count: pats.len().min(255) as u8,
            wild_from: wild.from,
            wild_to: wild.to,
            wild_ids: wild.ids_mod64,
        };
        let cold = CueCold {
            thirds,
            pats_at: 0,
            pats_len: pats.len() as u32,
            wilds,
        };
        CueStart {
            hot,
            cold,
            pats,
            seconds,
        }
    }

    /// Files the numbers of the patterns at `at` in the shared table.
    pub fn place_pats(&mut self, at: usize) {
        self.hot.pats_at = at as u32;
        self.cold.pats_at = at as u32;
    }

    /// Patterns `pats` with nothing filed: every one may match.
    pub fn unfiltered(pats: Vec<u32>) -> CueStart {
        CueStart {
            hot: CueHot {
                always: u64::MAX,
                count: pats.len().min(255) as u8,
                ..NO_CUES.hot
            },
            cold: CueCold {
                pats_len: pats.len() as u32,
                ..CueCold::default()
            },
            pats,
            seconds: Vec::new(),
        }
    }

    /// [`CueHot::may_match`] with the start's own second words.
    #[cfg(test)]
    pub fn may_match(&self, next: Option<WordId>) -> u64 {
        let mut hot = self.hot;
        hot.place_seconds(0);
        hot.may_match(next, &self.seconds)
    }
}

impl CueHot {
    /// Whether there is no pattern.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether there are more than 64 patterns.
    #[inline]
    pub fn more(&self) -> bool {
        self.count > 64
    }

    /// Files the second words' table (if any) at `at` in the table it is
    /// read from.
    pub fn place_seconds(&mut self, at: usize) {
        if self.second_shift != 0 {
            self.seconds_at = at as u32;
        }
    }

    /// Bit `k` set when the `k`th pattern (of the first 64; those after may
    /// all) may match, the next token being ASCII of word id `next`, or no
    /// token (`None`); `table` holds the second words from `seconds_at`.
    #[inline]
    pub fn may_match(&self, next: Option<WordId>, table: &[(WordId, u64)]) -> u64 {
        let Some(id) = next else {
            return self.always;
        };
        if self.second_bits & 1 << (id % 64) == 0 {
            return self.always;
        }
        self.always | self.second(id, table)
    }

    /// The bits the second words hold for word id `id` (none when they hold
    /// no such).
    #[inline]
    fn second(&self, id: WordId, table: &[(WordId, u64)]) -> u64 {
        if id == self.one_id {
            return self.one_bits;
        }
        if self.second_shift == 0 {
            return 0;
        }
        let at = self.seconds_at as usize;
        let mask = (u64::MAX >> self.second_shift) as usize;
        let Some(seconds) = table.get(at..=at + mask) else {
            return 0;
        };
        let from = slot(id, u32::from(self.second_shift));
        // an empty slot (of id NO_WORD) ends the search: none is full
        for k in from..=from + mask {
            let Some(&(w, bits)) = seconds.get(k & mask) else {
                return 0;
            };
            if w == id || w == NO_WORD {
                return bits;
            }
        }
        0
    }

    /// What the cold part's `wilds` files ([`Wilds::filed`]), told without
    /// reading it.
    #[inline]
    pub fn wild_filed(&self) -> Filed {
        Filed {
            bits: self.wild_bits,
            ids_mod64: self.wild_ids,
            from: self.wild_from,
            to: self.wild_to,
        }
    }

    /// The numbers of the patterns, in `table` (the shared table of them),
    /// from the hot line unless there are 255 or more (then from `cold`).
    #[inline]
    pub fn pats<'t>(&self, table: &'t [u32], cold: &CueCold) -> &'t [u32] {
        if self.count == u8::MAX {
            return cold.pats(table);
        }
        let at = self.pats_at as usize;
        table
            .get(at..at + usize::from(self.count))
            .unwrap_or_default()
    }

    /// Whether [`CueHot::may_match`] of an ASCII next token tested the
    /// `k`th pattern's second word exactly, given that it is one of a list:
    /// as for each of the first 64 unless nothing is filed (`always` all set).
    #[inline]
    pub fn second_checked(&self, k: usize) -> bool {
        k < 64 && self.always != u64::MAX
    }

    /// `may` (as [`CueHot::may_match`] gives it) less the bits of no pattern.
    #[inline]
    pub fn live(&self, may: u64) -> u64 {
        may & live_bits(usize::from(self.count).min(64))
    }
}

impl CueCold {
    /// The numbers of the patterns, in `table` (the shared table they
    /// were placed in by [`CueCold::place_pats`]).
    #[inline]
    pub fn pats<'t>(&self, table: &'t [u32]) -> &'t [u32] {
        let at = self.pats_at as usize;
        table
            .get(at..at + self.pats_len as usize)
            .unwrap_or_default()
    }

    /// Where the numbers of the patterns are in the shared table.
    pub fn pats_at(&self) -> usize {
        self.pats_at as usize
    }
}

/// The slot of word id `id` in a table of `64 - shift` bits of slots.
#[inline]
fn slot(id: WordId, shift: u32) -> usize {
    (u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// Distinct ids and their bits filed in a table of at least twice as many
/// slots (a power of two) by [`slot`], and the shift that finds their slots.
fn hashed(items: &[(WordId, u64)]) -> (Vec<(WordId, u64)>, u32) {
    if items.is_empty() {
        return (Vec::new(), 0);
    }
    let n = (items.len() * 2).next_power_of_two();
    let shift = 64 - n.trailing_zeros();
    let mut table = vec![(NO_WORD, 0u64); n];
    for &(id, bits) in items {
        let mut k = slot(id, shift);
        while table.get(k % n).is_some_and(|&(w, _)| w != NO_WORD) {
            k += 1;
        }
        if let Some(t) = table.get_mut(k % n) {
            *t = (id, bits);
        }
    }
    (table, shift)
}

/// Takes out of `seconds` (distinct ids) the id of the most pattern bits
/// (the first of those): its id and bits, or none's ([`NO_WORD`], 0).
fn take_busiest(seconds: &mut Vec<(WordId, u64)>) -> (WordId, u64) {
    let busiest = (seconds.iter().enumerate())
        .max_by_key(|&(k, &(_, bits))| (bits.count_ones(), std::cmp::Reverse(k)))
        .map(|(k, _)| k);
    busiest.map_or((NO_WORD, 0), |k| seconds.remove(k))
}

/// The bits of the first `n` patterns (of 64 at most).
fn live_bits(n: usize) -> u64 {
    u64::MAX
        .checked_shr(64u32.saturating_sub(n as u32))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{compile_cues, Alts, Lexicon};
    use std::collections::HashMap;

    /// Cue patterns, their numbers by first word, and their words' ids.
    type Numbered = (
        Vec<Pattern>,
        HashMap<String, Vec<u32>>,
        HashMap<String, WordId>,
    );

    /// The builtin lexicon's cue patterns numbered (each word its own id),
    /// their index by first word, and the ids.
    fn numbered_cues() -> Numbered {
        let lex = Lexicon::builtin().unwrap();
        let (mut pats, index) = compile_cues(&lex.cues);
        let mut ids: HashMap<String, WordId> = HashMap::new();
        for p in &mut pats {
            p.number(|w| {
                let n = ids.len() as WordId;
                *ids.entry(w.to_string()).or_insert(n)
            });
        }
        (pats, index, ids)
    }

    /// The words of the patterns `list` (numbers in `pats`) at their `from`th
    /// and next place, and "the": the tokens worth trying a filter on.
    fn near_words(pats: &[Pattern], list: &[u32], from: usize) -> Vec<String> {
        let mut words = vec!["the".to_string()];
        for &p in list {
            for w in pats[p as usize].words.iter().skip(from).take(2) {
                if let PatWord::Any(alts) | PatWord::Optional(alts) = w {
                    words.extend(alts.words.iter().cloned());
                }
            }
        }
        words
    }

    /// `may_match` sets exactly the bits of the patterns whose second word
    /// the next token may be, as comparing the words says.
    #[test]
    fn may_match_equals_the_plain_test_of_second_words() {
        let (pats, index, ids) = numbered_cues();
        for list in index.values() {
            let start = CueStart::new(list.clone(), &pats);
            let plain = |next: Option<&str>| {
                let mut bits = 0u64;
                for (k, &p) in list.iter().take(64).enumerate() {
                    let is = |alts: &Alts| next.is_some_and(|w| alts.words.iter().any(|a| a == w));
                    let fits = match pats[p as usize].words.get(1..) {
                        Some([PatWord::Any(alts), ..]) => is(alts),
                        Some([PatWord::Optional(opt), PatWord::Any(then), ..]) => {
                            is(opt) || is(then)
                        }
                        _ => true,
                    };
                    bits |= u64::from(fits) << k;
                }
                bits
            };
            assert_eq!(start.may_match(None), plain(None));
            // the second and third words of its patterns, and a word of none
            for w in &near_words(&pats, list, 1) {
                let Some(&id) = ids.get(w) else { continue };
                assert_eq!(start.may_match(Some(id)), plain(Some(w)), "{w}");
            }
            assert_eq!(start.may_match(Some(NO_WORD)), plain(Some("\u{1}")));
            // a second word of a list is tested exactly, in the first 64
            for (k, &p) in list.iter().enumerate() {
                let any = matches!(pats[p as usize].words.get(1..), Some([PatWord::Any(_), ..]));
                assert!(!any || start.hot.second_checked(k) == (k < 64), "{k}");
            }
            let loose = CueStart::unfiltered(list.clone());
            assert!((0..list.len()).all(|k| !loose.hot.second_checked(k)));
        }
    }

    /// The flat patterns hold each pattern's words as they are: kinds,
    /// ids (each told by `has_id` as by `Alts::has_id`) and strings.
    #[test]
    fn flat_patterns_hold_the_patterns() {
        let (pats, _, ids) = numbered_cues();
        let lex = Lexicon::builtin().unwrap();
        let flat = FlatPats::new(&pats, &lex.cues);
        assert!(flat.pat(pats.len() as u32).is_none());
        for (n, p) in pats.iter().enumerate() {
            let f = flat.pat(n as u32).unwrap();
            let cue = &lex.cues[p.cue];
            assert_eq!(f.cue as usize, p.cue);
            assert_eq!(f.verb_only, cue.verb_only);
            assert_eq!(f.not_followed, !cue.not_followed_by.is_empty());
            let (words, at) = flat.words(f);
            assert_eq!(words.len(), p.words.len());
            for (j, (fw, w)) in words.iter().zip(&p.words).enumerate() {
                let (kind, alts) = match w {
                    PatWord::Any(a) => (FlatKind::Any, Some(a)),
                    PatWord::Optional(a) => (FlatKind::Optional, Some(a)),
                    PatWord::Wild => (FlatKind::Wild, None),
                };
                assert_eq!(fw.kind(), kind);
                let strings = alts.map_or(&[][..], |a| &a.words[..]);
                assert_eq!(flat.strings(at + j, &pats), strings);
                for id in ids.values().copied().chain([NO_WORD]) {
                    assert_eq!(flat.has_id(fw, id), alts.is_some_and(|a| a.has_id(id)));
                }
            }
        }
    }

    /// What the scan reads at a cue token is one cache line; the rest two,
    /// the wildcard filter alone in the second.
    #[test]
    fn a_hot_entry_is_one_cache_line() {
        assert_eq!(std::mem::size_of::<CueHot>(), 64);
        assert_eq!(std::mem::align_of::<CueHot>(), 64);
        assert_eq!(std::mem::size_of::<CueCold>(), 128);
        assert_eq!(std::mem::offset_of!(CueCold, wilds), 64);
    }

    /// `Thirds` rule out a pattern only when the token after next is none
    /// of its third words (as comparing the words says), and rule some out.
    #[test]
    fn thirds_rule_out_only_patterns_whose_third_word_fails() {
        let (pats, index, ids) = numbered_cues();
        let starts = index.values().map(|l| (l, CueStart::new(l.clone(), &pats)));
        let mut ruled_out = 0;
        for (list, start) in starts {
            let t = &start.cold.thirds;
            if t.bits == 0 {
                continue;
            }
            assert_eq!(start.hot.third_bits, t.bits);
            // the word after next may be this one, for the `k`th pattern
            let fits = |k: usize, w: &str| {
                let is = |alts: &Alts| alts.words.iter().any(|a| a == w);
                match &pats[list[k] as usize].words[..] {
                    [_, PatWord::Any(_), PatWord::Any(x), ..] => is(x),
                    [_, PatWord::Any(_), PatWord::Optional(o), PatWord::Any(x), ..] => {
                        is(o) || is(x)
                    }
                    _ => true,
                }
            };
            // the third and fourth words of its patterns, and a word of none
            for w in &near_words(&pats, list, 2) {
                let Some(&id) = ids.get(w) else { continue };
                let kept = t.without_misses(u64::MAX, id);
                // an id of no bit kept beside the start fits none
                if t.filed(2, 3).ids_mod64 >> (id % 64) & 1 == 0 {
                    assert_eq!(kept, !t.bits);
                }
                for k in 0..list.len().min(64) {
                    let bit = 1u64 << k;
                    assert!(
                        kept & bit != 0 || (t.bits & bit != 0 && !fits(k, w)),
                        "{w} {k}"
                    );
                    ruled_out += usize::from(kept & bit == 0);
                }
            }
        }
        assert!(ruled_out > 10, "{ruled_out}");
    }

    /// Every pattern going on with a wildcard and a word of a list is
    /// filed in its start's `Wilds`, each such word let through.
    #[test]
    fn wilds_let_through_every_word_after_a_wildcard() {
        let (pats, index, _) = numbered_cues();
        let mut filed = 0;
        for list in index.values() {
            let start = CueStart::new(list.clone(), &pats);
            for (k, &p) in list.iter().take(64).enumerate() {
                let (second, x) = match &pats[p as usize].words[..] {
                    [_, PatWord::Wild, PatWord::Any(x), ..] => (false, x),
                    [_, PatWord::Any(_), PatWord::Wild, PatWord::Any(x), ..] => (true, x),
                    _ => continue,
                };
                let w = &start.cold.wilds;
                let by = if second { &w.at2 } else { &w.at1 };
                assert_ne!(by.bits & 1 << k, 0);
                assert!(x.ids().iter().all(|&id| by.fits(id) & 1 << k != 0));
                // what the start keeps of them rules none of them out
                let f = w.filed();
                assert_eq!(f.bits, w.bits());
                assert_eq!(start.hot.wild_bits, w.bits());
                let h = start.hot.wild_filed();
                assert_eq!((h.bits, h.ids_mod64), (f.bits, f.ids_mod64));
                assert_eq!((h.from, h.to), (f.from, f.to));
                assert!(x.ids().iter().all(|&id| f.ids_mod64 >> (id % 64) & 1 != 0));
                // sought where `Sentence::wild_misses` seeks it
                let (from, to) = if second { (3, 7) } else { (2, 6) };
                assert!(f.from <= from && f.to >= to);
                filed += 1;
            }
        }
        assert!(filed > 10, "{filed}");
    }
}
