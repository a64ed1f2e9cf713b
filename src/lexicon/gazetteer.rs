//! The compiled lexicon: phrase tables that find known names in a token
//! stream in one pass, and the word sets the rules consult.

use crate::error::Result;
use crate::lexicon::descriptors::Descriptors;
use crate::lexicon::extract_words::ExtractWords;
use crate::lexicon::relation_words::{CueCold, CueHot, CueStart, FlatPats, RelationWords, NO_CUES};
use crate::lexicon::topic::Topics;
use crate::lexicon::words::{class, TokenWords, WordId, NO_WORD};
use crate::lexicon::{
    compile_cues, CountryEntry, CueEntry, InitiativeEntry, Lexicon, OrgEntry, Pattern, PersonEntry,
    PlaceEntry, StateBodyEntry, TitleEntry, Words,
};
use crate::text::token::{tokenize_into, Lowered, Token};
use std::collections::{HashMap, HashSet};

/// What a lexicon phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    Country(u32),
    Demonym(u32),
    Capital(u32),
    Place(u32),
    Org(u32),
    /// A state body; `None` for a generic one ("the Foreign Ministry").
    Body(Option<u32>),
    Initiative(u32),
    Title(u32),
    /// "side", "government": after a demonym it means the state.
    StateNoun,
    /// "both sides", "the two countries".
    Pair,
    /// A phrase that names nothing and hides the names inside it.
    Block,
}

impl Known {
    fn priority(self) -> u8 {
        match self {
            Known::Country(_) => 9,
            Known::Org(_) => 8,
            Known::Initiative(_) => 7,
            Known::Body(Some(_)) => 6,
            Known::Place(_) => 5,
            Known::Capital(_) => 5,
            Known::Demonym(_) => 4,
            Known::Pair => 3,
            Known::Body(None) => 2,
            Known::Title(_) => 1,
            Known::StateNoun => 0,
            Known::Block => 10,
        }
    }
}

#[derive(Clone, Debug)]
struct Phrase {
    /// The words after the first: a range of [`Gazetteer::rest_words`].
    rest: std::ops::Range<u32>,
    known: Known,
}

/// The words of a phrase's [`Phrase::rest`] `r`: spans of `spans`
/// ([`Gazetteer::rest_words`]) in `text` ([`Gazetteer::rest_text`]).
fn rest_of<'a>(
    text: &'a str,
    spans: &'a [(u32, u32)],
    r: &std::ops::Range<u32>,
) -> impl Iterator<Item = &'a str> + Clone + 'a {
    let spans = spans.get(r.start as usize..r.end as usize);
    spans
        .unwrap_or_default()
        .iter()
        .map(|&(a, b)| text.get(a as usize..b as usize).unwrap_or_default())
}

/// The tokens of `name` appended to `out` as [`tokenize_into`] makes them,
/// when `name` is words of ASCII letters split by single blanks (most
/// lexicon names: a word each); `false` for another name.
fn letter_words(name: &str, out: &mut Vec<Token>) -> bool {
    let mut start = 0;
    for (i, &b) in name.as_bytes().iter().enumerate() {
        if b == b' ' && i > start {
            out.push(letter_token(start, i));
            start = i + 1;
        } else if !b.is_ascii_alphabetic() {
            return false;
        }
    }
    if start == name.len() {
        return name.is_empty();
    }
    out.push(letter_token(start, name.len()));
    true
}

/// A word token of bytes `start..end` (see [`letter_words`]).
fn letter_token(start: usize, end: usize) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        kind: crate::text::token::TokKind::Word,
        newlines_before: 0,
    }
}

/// Appends token text `w` as a phrase files it: curly apostrophes
/// straightened, in lower case when `folded`.
fn push_word(buf: &mut String, w: &str, folded: bool) {
    let w = norm_token(w);
    match folded {
        true => push_cased(buf, &w, false),
        false => buf.push_str(&w),
    }
}

/// The phrases that begin with one word. What [`Gazetteer::lookup_longer`]
/// reads before a group is found (`pairs`, `groups`, `candidates`) fills
/// the first of its two cache lines; the rest is read by fewer searches.
#[derive(Clone, Debug, Default)]
#[repr(C, align(64))]
struct Start {
    /// The bit of [`pair_bit`] set for each group: a pair whose bit is
    /// clear has no group, without a search.
    pairs: [u64; 4],
    /// The second and third words of the longer phrases, by id ([`NO_WORD`]
    /// third for two words), with the range of `candidates` holding them;
    /// hashed ([`group_table`]), the free slots [`NO_GROUP`].
    groups: Box<[Group]>,
    /// The longer phrases grouped by second and third word (see `groups`);
    /// within a group best first: longest, then highest priority, exact
    /// before folded, then in lexicon order.
    candidates: Box<[Candidate]>,
    /// Bit `id % 64` set for the second word of each longer phrase.
    seconds: u64,
    /// The one-word phrases that must match as written, in the same order,
    /// up to the first folded one (which always matches: those after it
    /// never win).
    exact_singles: Vec<(Exact, Known)>,
    /// The best one-word phrase matched in any case, tried after
    /// `exact_singles`.
    folded_single: Option<Known>,
}

impl Start {
    /// The phrases that begin with one word, best first, filed for
    /// [`Gazetteer::lookup_at`].
    fn new(mut candidates: Vec<Candidate>) -> Start {
        let singles = candidates.partition_point(|c| !c.rest.is_empty());
        // a folded one-word phrase always matches: none after it is tried
        let mut exact_singles = Vec::new();
        let mut folded_single = None;
        for c in candidates.drain(singles..) {
            match c.exact.as_deref() {
                Some([w]) => exact_singles.push((w.clone(), c.known)),
                _ => {
                    folded_single = Some(c.known);
                    break;
                }
            }
        }
        // a phrase can only match when its second and third words are the
        // next tokens': group by them (the sort is stable, order within kept)
        candidates.sort_by_key(Start::group_key);
        let mut groups: Vec<Group> = Vec::new();
        for (k, c) in candidates.iter().enumerate() {
            let (second, third) = Start::group_key(c);
            match groups.last_mut() {
                Some(g) if (g.0, g.1) == (second, third) => g.3 = k as u32 + 1,
                _ => groups.push((second, third, k as u32, k as u32 + 1)),
            }
        }
        let mut pairs = [0; 4];
        for &(second, third, _, _) in &groups {
            let (w, bit) = pair_bit(pair_hash(second, third));
            pairs[w] |= bit;
        }
        Start {
            seconds: candidates
                .iter()
                .filter_map(|c| c.rest.first())
                .fold(0, |m, &id| m | 1 << (id % 64)),
            groups: group_table(&groups),
            pairs,
            candidates: candidates.into_boxed_slice(),
            exact_singles,
            folded_single,
        }
    }

    /// The group of a longer phrase: its second word and its third
    /// ([`NO_WORD`], which no phrase word is, when it has two words).
    fn group_key(c: &Candidate) -> (WordId, WordId) {
        let word = |k: usize| c.rest.get(k).copied().unwrap_or(NO_WORD);
        (word(0), word(1))
    }

    /// The longer phrases with words `second` and `third` after the first,
    /// best first.
    #[inline]
    fn group(&self, second: WordId, third: WordId) -> Option<&[Candidate]> {
        // most pairs tried have no group: told by one bit
        let h = pair_hash(second, third);
        let (w, bit) = pair_bit(h);
        if self.pairs[w] & bit == 0 {
            return None;
        }
        // the table has free slots: the search ends at the group or one
        let mask = self.groups.len().wrapping_sub(1);
        let mut at = group_slot(h, mask);
        loop {
            let &(s, t, a, b) = self.groups.get(at)?;
            if (s, t) == (second, third) {
                return self.candidates.get(a as usize..b as usize);
            }
            if s == NO_WORD {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether some phrase begins here.
    fn any(&self) -> bool {
        !self.candidates.is_empty()
            || !self.exact_singles.is_empty()
            || self.folded_single.is_some()
    }
}

/// What [`Gazetteer::lookup_at`] reads of a word's [`Start`] before the
/// rest, in a dense array by word id (a `Start` is 112 bytes, and its lists
/// lie elsewhere: their lines miss).
#[derive(Clone, Copy, Debug)]
struct Quick {
    /// [`Start::seconds`].
    seconds: u64,
    /// [`Start::folded_single`].
    single: Option<Known>,
    /// Where [`Start::exact_singles`]' keys begin in [`Gazetteer::singles`].
    at: u32,
    /// How many there are.
    exact: u32,
}

impl Quick {
    /// The quick part of `s`, its exact singles' keys appended to `singles`.
    fn of(s: &Start, singles: &mut Vec<(Packed, Known)>) -> Quick {
        let at = singles.len() as u32;
        singles.extend(s.exact_singles.iter().map(|(w, k)| (w.key, *k)));
        Quick {
            seconds: s.seconds,
            single: s.folded_single,
            at,
            exact: s.exact_singles.len() as u32,
        }
    }
}

/// A group of [`Start::groups`]: second and third word, range of candidates.
type Group = (WordId, WordId, u32, u32);

/// A free slot of [`Start::groups`] (no phrase's second word is [`NO_WORD`]).
const NO_GROUP: Group = (NO_WORD, NO_WORD, 0, 0);

/// A multiplicative hash of a group's second and third words.
#[inline(always)]
fn pair_hash(second: WordId, third: WordId) -> u64 {
    (u64::from(second) << 32 | u64::from(third)).wrapping_mul(HASH)
}

/// The word (of four) and bit of [`Start::pairs`] for a group's
/// [`pair_hash`] `h`: its top bits.
#[inline(always)]
fn pair_bit(h: u64) -> (usize, u64) {
    ((h >> 62) as usize, 1 << ((h >> 56) & 63))
}

/// The slot of [`Start::groups`] where the search for a group of
/// [`pair_hash`] `h` starts, in a table of `mask + 1` slots.
#[inline(always)]
fn group_slot(h: u64, mask: usize) -> usize {
    (h >> 32) as usize & mask
}

/// `groups` in a hashed table of at least twice as many slots (a power of
/// two), each at its [`group_slot`] or the next free one; empty for none.
fn group_table(groups: &[Group]) -> Box<[Group]> {
    if groups.is_empty() {
        return Box::default();
    }
    let mut t = vec![NO_GROUP; (groups.len() * 2).next_power_of_two()];
    let mask = t.len() - 1;
    for &g in groups {
        let mut at = group_slot(pair_hash(g.0, g.1), mask);
        while t.get(at).is_some_and(|s| s.0 != NO_WORD) {
            at = (at + 1) & mask;
        }
        if let Some(s) = t.get_mut(at) {
            *s = g;
        }
    }
    t.into()
}

/// A phrase as [`Gazetteer::lookup`] tries it, its words as [`WordId`]s.
#[derive(Clone, Debug)]
struct Candidate {
    /// The words after the first.
    rest: Box<[WordId]>,
    /// All its words as written, when they must match exactly (not folded).
    exact: Option<Box<[Exact]>>,
    known: Known,
}

/// A phrase word that must match as written, packed for a cheap compare.
#[derive(Clone, Debug)]
struct Exact {
    /// The word [`pack`]ed when it is ASCII of at most 15 bytes, else
    /// [`NEVER`] (no ASCII token of at most 15 bytes is it).
    key: Packed,
    word: Box<str>,
}

/// A key no packed word has: its length byte is beyond 15.
const NEVER: Packed = (u64::MAX, u64::MAX);

impl Exact {
    fn new(word: &str) -> Exact {
        let key = match pack(word.as_bytes()) {
            Some(k) if word.is_ascii() => k,
            _ => NEVER,
        };
        Exact {
            key,
            word: word.into(),
        }
    }

    /// Whether token `t` is this word (as [`same_word`] says); `key` is
    /// the token's [`raw_key`].
    #[inline(always)]
    fn is(&self, key: Option<Packed>, t: &Token, text: &str) -> bool {
        match key {
            // an ASCII token has no curly apostrophe: equal bytes or nothing
            Some(k) => k == self.key,
            None => same_word(t.text(text), &self.word),
        }
    }
}

/// Token `t` [`pack`]ed as written when it is ASCII of at most 15 bytes;
/// `None` otherwise.
#[inline(always)]
fn raw_key(bytes: &[u8], t: &Token) -> Option<Packed> {
    let (a, e) = (t.start as usize, t.end as usize);
    let n = e.checked_sub(a).filter(|&n| n < 16)?;
    let (lo, hi) = match bytes.get(a..a.wrapping_add(16)) {
        Some(w) => {
            let (m_lo, m_hi) = KEEP[n];
            (word_at(w, 0) & m_lo, word_at(w, 8) & m_hi)
        }
        _ => load(bytes.get(a..e)?)?,
    };
    ((lo | hi) & HIGH_BITS == 0).then_some((lo, hi | (n as u64) << 56))
}

/// A country as the rules need it.
#[derive(Clone, Debug)]
pub struct CountryInfo {
    pub name: String,
    pub code: String,
    pub capital: String,
}

/// A named entry with the country it belongs to, if any.
#[derive(Clone, Debug)]
pub struct Named {
    pub name: String,
    pub country: Option<u32>,
    /// An organ of the state `country` (an organization marked `government`).
    pub government: bool,
}

/// The lexicon compiled for matching.
#[derive(Debug)]
pub struct Gazetteer {
    exact: HashMap<Box<str>, Vec<Phrase>, FxBuild>,
    folded: HashMap<Box<str>, Vec<Phrase>, FxBuild>,
    /// The words of all phrases and word sets in lower case.
    words: HashMap<Box<[u8]>, WordId, FxBuild>,
    /// The same words up to 15 bytes, for lookup without hashing slices.
    short: ShortWords,
    /// The id and word classes of each one-byte ASCII token, by its byte
    /// (an array: indexed by a byte below 128 without a bounds check).
    one_byte: [(WordId, u16); 128],
    /// The phrases by first word.
    starts: Vec<Start>,
    /// [`Quick`] of each of `starts`, by the same index.
    quick: Vec<Quick>,
    /// The [`Exact::key`]s of the starts' exact singles with what they
    /// name, each start's in a run (see [`Quick::at`]).
    singles: Vec<(Packed, Known)>,
    /// The word sets (bits of [`class`]) each word's lower case is in.
    classes: Vec<u16>,
    /// The classes whose words are all their own keys (see
    /// [`TokenWords::surely`]).
    exact_classes: u16,
    pub(crate) countries: Vec<CountryInfo>,
    pub(crate) places: Vec<Named>,
    pub(crate) orgs: Vec<Named>,
    pub(crate) bodies: Vec<Named>,
    pub(crate) initiatives: Vec<String>,
    pub(crate) titles: Vec<String>,
    /// Generic titles (name and aliases, lower case) with the titles whose
    /// holders they name ("head of state": President, King...).
    title_covers: Vec<(Vec<String>, Vec<String>)>,
    pub(crate) cues: Vec<CueEntry>,
    /// The compiled cue patterns, each once.
    cue_pats: Vec<Pattern>,
    /// The same patterns flat, as the cue scan reads them.
    cue_flat: FlatPats,
    /// By lower-case first word, the numbers of the patterns it starts.
    pub(crate) cue_index: HashMap<String, CueStart, FxBuild>,
    /// The patterns of `cue_index` under an ASCII first word, by that
    /// word's [`WordId`]: an ASCII token's id finds them without hashing.
    /// What the scan reads at every such token, a cache line each...
    cue_hot: Vec<CueHot>,
    /// ... apart from the rest, read at few.
    cue_cold: Vec<CueCold>,
    /// The second words' tables of `cue_hot`, one after another.
    cue_seconds: Vec<(WordId, u64)>,
    /// The numbers of each first word's patterns (`cue_index`'s and
    /// `cue_cold`'s), one list after another.
    cue_pat_nums: Vec<u32>,
    pub(crate) non_names: HashSet<String, FxBuild>,
    pub(crate) reporting: HashSet<String, FxBuild>,
    pub(crate) negation: HashSet<String, FxBuild>,
    pub(crate) future: HashSet<String, FxBuild>,
    pub(crate) title_modifiers: HashSet<String, FxBuild>,
    pub(crate) name_particles: HashSet<String, FxBuild>,
    pub(crate) org_heads: HashSet<String, FxBuild>,
    pub(crate) initiative_heads: HashSet<String, FxBuild>,
    pub(crate) place_heads: HashSet<String, FxBuild>,
    /// Bits of [`head`] by [`WordId`]: the head sets a word's lower case
    /// is in, so that most tokens are told apart without hashing.
    heads: Vec<u8>,
    pub(crate) honorifics: HashSet<String, FxBuild>,
    /// Topic phrases, compiled for matching.
    pub(crate) topics: Topics,
    pub(crate) code_index: HashMap<String, u32, FxBuild>,
    /// What news calls a state in place of its name ("the Gulf kingdom").
    pub(crate) descriptors: Descriptors,
    /// Known office-holders.
    pub(crate) people: Vec<PersonInfo>,
    /// Full names and aliases of known people.
    pub(crate) person_names: HashMap<String, u32, FxBuild>,
    /// Surnames (first or last word) of known people.
    pub(crate) person_surnames: HashMap<String, Vec<u32>, FxBuild>,
    /// Words before a capital that make it the city.
    pub(crate) city_cues: WordList,
    /// Stems that make a pair phrase mean the states.
    pub(crate) pair_state_stems: Vec<String>,
    /// Title modifiers that make the holder a former one.
    pub(crate) former_modifiers: WordList,
    /// Words joining two titles of one person.
    pub(crate) title_joiners: WordList,
    /// Titles a portfolio makes a title of ("minister"), lower case.
    pub(crate) portfolio_titles: WordList,
    /// Verbs of leaving a state ("leave"), lower case.
    pub(crate) departure_verbs: WordList,
    /// Words after a title before whose title it is.
    pub(crate) owner_prepositions: WordList,
    /// Words after a title before the state an envoy is sent to.
    pub(crate) host_prepositions: WordList,
    /// Lower-case words that may join capitalised words into an unknown name.
    pub(crate) name_connectors: WordList,
    /// Words after which a known name goes on an unknown one.
    pub(crate) known_name_links: WordList,
    /// Words after an initiative's head word that make the phrase one.
    pub(crate) initiative_links: WordList,
    /// Words before an unknown name that make it a place.
    pub(crate) place_prepositions: WordList,
    /// Nouns before "of" that make the unknown name after it a place.
    pub(crate) place_nouns: WordList,
    /// First words that make an unknown name an initiative.
    pub(crate) initiative_prefixes: WordList,
    /// Relative pronouns standing for the object after them ("whom").
    pub(crate) object_relatives: WordList,
    /// Title words that make the article a speech ("remarks").
    pub(crate) speech_heads: WordList,
    /// First-person words, as written ("I", "our").
    pub(crate) first_person: WordList,
    /// The word lists of the article stage's own rules.
    pub(crate) extract_words: ExtractWords,
    /// The word lists of the relation rules, by word id.
    pub(crate) relation_words: RelationWords,
    /// A number no other gazetteer of this process has: what a cache kept
    /// from article to article, keyed by this one's indices, checks.
    pub(crate) serial: u64,
    /// Scratch: the tokens of the name [`Gazetteer::add`] files.
    name_toks: Vec<Token>,
    /// Scratch: the first word of the phrase [`Gazetteer::file`] files.
    word_buf: String,
    /// Scratch: a name in capitals ([`Gazetteer::add_cased`]).
    upper_buf: String,
    /// The words after the first of all phrases, one after another...
    rest_text: String,
    /// ... each a byte range of `rest_text`; [`Phrase::rest`] ranges over them.
    rest_words: Vec<(u32, u32)>,
}

/// The serial of the next gazetteer made.
static SERIALS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The head-word sets of unknown names as bits (see
/// [`Gazetteer::may_be_head`]).
pub mod head {
    /// An organisation's head ("Bank", "Ministry").
    pub const ORG: u8 = 1;
    /// A place's head ("Airport", "Valley").
    pub const PLACE: u8 = 1 << 1;
    /// An initiative's head ("Corridor", "Facility").
    pub const INITIATIVE: u8 = 1 << 2;
}

/// A short list of words a rule tests a word against as written, each
/// packed in two integers to compare without hashing or calling `memcmp`.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    /// Bit `n` set when some word has `n` bytes (bit 63: 63 or more): a
    /// word of another length is rejected at once.
    lens: u64,
    /// Bit `b % 64` set for the first byte `b` of some word (bit 0 for an
    /// empty one): most words of a right length are rejected by it.
    firsts: u64,
    /// The words of at most 15 bytes, packed.
    keys: Box<[Packed]>,
    /// The longer words.
    long: Box<[Box<str>]>,
}

impl WordList {
    fn new(words: &[String]) -> WordList {
        let keys = words.iter().filter_map(|w| pack(w.as_bytes())).collect();
        let long = words
            .iter()
            .filter(|w| w.len() > 15)
            .map(|w| w.as_str().into())
            .collect();
        let lens = words
            .iter()
            .fold(0, |m, w| m | WordList::len_bit(w.as_bytes()));
        let firsts = words
            .iter()
            .fold(0, |m, w| m | WordList::first_bit(w.as_bytes()));
        WordList {
            lens,
            firsts,
            keys,
            long,
        }
    }

    /// The bit of `firsts` for `w`'s first byte.
    #[inline(always)]
    fn first_bit(w: &[u8]) -> u64 {
        1 << (w.first().copied().unwrap_or(0) & 63)
    }

    /// The bit of `lens` for a word of `w`'s length (63 for any longer).
    #[inline(always)]
    fn len_bit(w: &[u8]) -> u64 {
        1 << w.len().min(63)
    }

    /// Whether `w` is one of the words, byte for byte.
    #[inline(always)]
    pub fn has(&self, w: &str) -> bool {
        self.has_bytes(w.as_bytes())
    }

    /// [`WordList::has`] of a word's bytes (a token's, read without the
    /// character-boundary checks of slicing the text).
    #[inline(always)]
    pub fn has_bytes(&self, w: &[u8]) -> bool {
        self.lens & WordList::len_bit(w) != 0
            && self.firsts & WordList::first_bit(w) != 0
            && self.has_word(w)
    }

    /// [`WordList::has`] for a word of the length of one of the words.
    fn has_word(&self, w: &[u8]) -> bool {
        match pack(w) {
            Some(k) => self.keys.contains(&k),
            None => self.long.iter().any(|l| l.as_bytes() == w),
        }
    }
}

/// Checks that the words of a list its class bit marks exactly on an ASCII
/// token are ASCII lower-case letters: the lexicon's `determiners` and
/// `pronouns`, which the mention finder tells by their bits alone.
fn ascii_lower_words(words: &[String], field: &str) -> Result<()> {
    match words
        .iter()
        .find(|w| w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()))
    {
        Some(w) => Err(crate::error::Error::Lexicon {
            origin: format!("words.{field}"),
            message: format!("{w:?} is not a word of ASCII lower-case letters"),
        }),
        None => Ok(()),
    }
}

/// A known office-holder.
#[derive(Clone, Debug)]
pub struct PersonInfo {
    pub name: String,
    pub country: Option<u32>,
    /// (title, organization name or "", from, to)
    pub roles: Vec<(
        String,
        String,
        Option<crate::text::date::Date>,
        Option<crate::text::date::Date>,
    )>,
}

impl PersonInfo {
    /// Whether a role of theirs was held on `d` (any role when `d` is unknown).
    pub fn active(
        &self,
        d: Option<crate::text::date::Date>,
    ) -> Option<&(
        String,
        String,
        Option<crate::text::date::Date>,
        Option<crate::text::date::Date>,
    )> {
        self.roles
            .iter()
            .rev()
            .find(|(_, _, from, to)| held_on(*from, *to, d))
    }
}

/// Whether a role from `from` to `to` was held on `d` (when `d` is
/// unknown: whether it is still held).
pub fn held_on(
    from: Option<crate::text::date::Date>,
    to: Option<crate::text::date::Date>,
    d: Option<crate::text::date::Date>,
) -> bool {
    match d {
        None => to.is_none(),
        Some(d) => from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t),
    }
}

use crate::bytes::{ascii_lower, load, pack, word_at, FxBuild, Packed, HIGH_BITS, KEEP};

/// The lexicon's short words in open-addressing tables keyed by
/// [`Packed`]: one multiply to hash, one or two integer compares to match.
/// Words of up to seven bytes (most) are keyed by one integer, their bytes
/// and length, in a table of their own with smaller slots.
#[derive(Debug, Default)]
struct ShortWords {
    /// The words of one to seven bytes.
    small: Table<SmallSlot>,
    /// The words of eight to 15 bytes.
    long: Table<Slot>,
}

/// An open-addressing table of slots, searched from a slot on until the
/// key or an empty slot.
#[derive(Debug)]
struct Table<S> {
    slots: Vec<S>,
    /// `slots.len() - 1`.
    mask: usize,
    /// `64 - log2(slots.len())`: how far a hash is shifted to a slot.
    shift: u32,
}

/// A slot of [`ShortWords`]' long table: a word's key, id and word classes.
/// An empty slot has key `(0, 0)`, which no word has (a packed key holds
/// its length), id [`NO_WORD`] and no class. Aligned: no slot spans two
/// cache lines.
#[derive(Clone, Copy, Debug)]
#[repr(align(32))]
struct Slot {
    lo: u64,
    hi: u64,
    id: WordId,
    class: u16,
}

/// A slot of [`ShortWords`]' small table: the word's bytes and its length
/// in the top byte, id and word classes; an empty one has key 0.
#[derive(Clone, Copy, Debug)]
struct SmallSlot {
    key: u64,
    id: WordId,
    class: u16,
}

/// The multiplier of the tables' hashes.
const HASH: u64 = 0x9E37_79B9_7F4A_7C15;

impl<S> Default for Table<S> {
    /// A table without slots: every search ends at once.
    fn default() -> Table<S> {
        Table {
            slots: Vec::new(),
            mask: 0,
            shift: 0,
        }
    }
}

impl<S: Copy> Table<S> {
    /// A table for `n` keys, about a quarter full, of `empty` slots.
    fn new(n: usize, empty: S) -> Table<S> {
        let bits = (n.max(1) * 4).next_power_of_two().trailing_zeros().max(4);
        Table {
            slots: vec![empty; 1 << bits],
            mask: (1 << bits) - 1,
            shift: 64 - bits,
        }
    }

    /// The slot where the search for a key of hash `h` starts (an empty
    /// table's shift is 0: slot `h`, past its end).
    #[inline(always)]
    fn start(&self, h: u64) -> usize {
        h.wrapping_mul(HASH).wrapping_shr(self.shift) as usize
    }

    /// The first slot from the start of hash `h` on where `stop` holds (the
    /// key's, or an empty one); `None` past the end of an empty table.
    #[inline(always)]
    fn find(&self, h: u64, stop: impl Fn(&S) -> bool) -> Option<&S> {
        let mut at = self.start(h);
        while let Some(s) = self.slots.get(at) {
            if stop(s) {
                return Some(s);
            }
            at = (at + 1) & self.mask;
        }
        None
    }

    /// Puts `slot` in the first slot from `at` on where `empty` holds.
    fn insert(&mut self, mut at: usize, slot: S, empty: impl Fn(&S) -> bool) {
        while self.slots.get(at).is_some_and(|s| !empty(s)) {
            at = (at + 1) & self.mask;
        }
        if let Some(s) = self.slots.get_mut(at) {
            *s = slot;
        }
    }
}

impl ShortWords {
    fn new(words: &HashMap<Box<[u8]>, WordId, FxBuild>, classes: &[u16]) -> ShortWords {
        let small_n = words.keys().filter(|w| w.len() < 8).count();
        let empty_small = SmallSlot {
            key: 0,
            id: NO_WORD,
            class: 0,
        };
        let empty_long = Slot {
            lo: 0,
            hi: 0,
            id: NO_WORD,
            class: 0,
        };
        let mut t = ShortWords {
            small: Table::new(small_n, empty_small),
            // slots of 32 bytes: half as many a word (a quarter to a half
            // full), the table no larger than the small one
            long: Table::new((words.len() - small_n).div_ceil(2), empty_long),
        };
        for (w, &id) in words {
            let class = classes.get(id as usize).copied().unwrap_or(0);
            match pack(w) {
                Some((lo, hi)) if w.len() < 8 => {
                    let key = lo | hi;
                    let at = t.small.start(key);
                    t.small
                        .insert(at, SmallSlot { key, id, class }, |s| s.id == NO_WORD);
                }
                Some((lo, hi)) => {
                    let at = t.long.start(lo ^ hi.rotate_left(29));
                    t.long
                        .insert(at, Slot { lo, hi, id, class }, |s| s.id == NO_WORD);
                }
                None => {}
            }
        }
        t
    }

    /// The id of a packed word, [`NO_WORD`] when not in the table.
    #[inline]
    fn get(&self, k: Packed) -> WordId {
        self.get_classed(k).0
    }

    /// The id and word classes of a packed word; [`NO_WORD`] and no class
    /// when not in the table.
    #[inline(always)]
    fn get_classed(&self, (lo, hi): Packed) -> (WordId, u16) {
        // seven bytes or fewer: nothing but the length in `hi`
        if hi >> 56 < 8 {
            self.get_small(lo | hi)
        } else {
            self.get_long(lo, hi)
        }
    }

    /// [`ShortWords::get_classed`] of a word of eight bytes or more.
    #[inline(always)]
    fn get_long(&self, lo: u64, hi: u64) -> (WordId, u16) {
        // an empty slot ends the search with its own id and class
        let hit = |s: &Slot| (s.lo == lo && s.hi == hi) || s.id == NO_WORD;
        (self.long.find(lo ^ hi.rotate_left(29), hit)).map_or((NO_WORD, 0), |s| (s.id, s.class))
    }

    /// [`ShortWords::get_classed`] of a word of at most seven bytes, keyed
    /// by its bytes and its length in the top byte.
    #[inline(always)]
    fn get_small(&self, key: u64) -> (WordId, u16) {
        let hit = |s: &SmallSlot| s.key == key || s.id == NO_WORD;
        (self.small.find(key, hit)).map_or((NO_WORD, 0), |s| (s.id, s.class))
    }
}

fn set(v: &[String]) -> HashSet<String, FxBuild> {
    v.iter().cloned().collect()
}

/// Whether a token is `w` once normalised ([`norm_token`]), `w` being so.
#[inline]
fn same_word(tok: &str, w: &str) -> bool {
    // only a token with a curly apostrophe changes
    tok == w || (tok.as_bytes().contains(&0xE2) && *norm_token(tok) == *w)
}

/// The lookup key of a short word whose characters beyond ASCII are all of
/// U+2000 to U+20FF (quotes, dashes, currency: none has a lower case), as
/// `norm_token(w).to_lowercase()` has it, written into `buf`: its length,
/// `None` for another word.
#[inline]
fn short_key(w: &str, buf: &mut [u8; 32]) -> Option<usize> {
    if w.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for c in w.chars() {
        let at = buf.get_mut(n..)?;
        n += match c {
            '\u{2019}' => {
                *at.first_mut()? = b'\'';
                1
            }
            '\u{2000}'..='\u{20ff}' => c.encode_utf8(at).len(),
            _ if c.is_ascii() => {
                *at.first_mut()? = (c as u8).to_ascii_lowercase();
                1
            }
            _ => return None,
        };
    }
    Some(n)
}

/// `w.to_lowercase()` (`w.to_uppercase()` when `upper`), written into
/// `buf` (cleared first) instead of a new string.
fn cased_into<'a>(w: &str, upper: bool, buf: &'a mut String) -> &'a str {
    buf.clear();
    push_cased(buf, w, upper);
    buf
}

/// Appends `w` to `buf` in upper case when `upper`, else in lower case
/// (ASCII in place, without a new string).
fn push_cased(buf: &mut String, w: &str, upper: bool) {
    let at = buf.len();
    match (w.is_ascii(), upper) {
        (true, false) => {
            buf.push_str(w);
            buf.get_mut(at..).map(str::make_ascii_lowercase);
        }
        (true, true) => {
            buf.push_str(w);
            buf.get_mut(at..).map(str::make_ascii_uppercase);
        }
        (false, false) => buf.push_str(&w.to_lowercase()),
        (false, true) => buf.push_str(&w.to_uppercase()),
    }
}

/// Normalises a token for lookup: curly apostrophes become straight.
pub fn norm_token(s: &str) -> std::borrow::Cow<'_, str> {
    // U+2019 is E2 80 99 in UTF-8: no E2 byte, nothing to replace
    if s.bytes().any(|b| b == 0xE2) && s.contains('\u{2019}') {
        std::borrow::Cow::Owned(s.replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// How many tokens [`Gazetteer::token_words`] keys before it looks them up.
const CHUNK: usize = 64;

/// The keys of a chunk of tokens ([`Gazetteer::chunk_words`]), each at its
/// token's place in the chunk: words of at most seven bytes, and longer.
struct ChunkKeys {
    small: [u64; CHUNK],
    long: [(u64, u64); CHUNK],
}

impl Default for ChunkKeys {
    fn default() -> ChunkKeys {
        ChunkKeys {
            small: [0; CHUNK],
            long: [(0, 0); CHUNK],
        }
    }
}

/// A token as [`Gazetteer::token_key`] reads it.
enum TokenKey {
    /// A one-byte token's id and classes, found at once.
    Found((WordId, u16)),
    /// A key of at most seven bytes (with its length) and the capital bit.
    Small(u64, u16),
    /// A key of eight to 15 bytes and the capital bit.
    Long(Packed, u16),
    /// Beyond ASCII or past 15 bytes: for [`Gazetteer::other_token_word`].
    Slow,
}

impl Gazetteer {
    /// Compiles a lexicon.
    pub fn new(lex: &Lexicon) -> Result<Gazetteer> {
        let w = &lex.words;
        ascii_lower_words(&w.determiners, "determiners")?;
        ascii_lower_words(&w.pronouns, "pronouns")?;
        let mut g = Gazetteer::unfilled(lex);
        // countries first, so that codes resolve for the rest
        g.add_countries(&lex.countries);
        g.add_places(&lex.places);
        g.add_orgs(&lex.organizations);
        g.add_bodies(&lex.state_bodies);
        g.add_initiatives(&lex.initiatives);
        g.add_titles(&lex.titles);
        // multi-word non-names block what is inside them ("South American")
        for n in &lex.non_names {
            if n.split_whitespace().count() >= 2 {
                g.add(n, false, Known::Block);
            }
        }
        g.add_people(&lex.people);
        g.descriptors = Descriptors::new(lex, &g.code_index, g.countries.len())?;
        for n in &w.state_nouns {
            g.add(n, true, Known::StateNoun);
        }
        for n in &w.pair_phrases {
            g.add(n, true, Known::Pair);
        }
        g.compile(w);
        g.serial = SERIALS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(g)
    }

    /// A gazetteer with the lexicon's word sets and cues but no phrase yet.
    fn unfilled(lex: &Lexicon) -> Gazetteer {
        let w = &lex.words;
        let (cue_pats, cue_index) = compile_cues(&lex.cues);
        Gazetteer {
            exact: HashMap::default(),
            folded: HashMap::default(),
            words: HashMap::default(),
            short: ShortWords::default(),
            one_byte: [(0, 0); 128],
            starts: Vec::new(),
            quick: Vec::new(),
            singles: Vec::new(),
            classes: Vec::new(),
            exact_classes: 0,
            countries: Vec::new(),
            places: Vec::new(),
            orgs: Vec::new(),
            bodies: Vec::new(),
            initiatives: Vec::new(),
            titles: Vec::new(),
            title_covers: Vec::new(),
            cues: lex.cues.clone(),
            cue_pats,
            cue_flat: FlatPats::default(),
            cue_index: (cue_index.into_iter())
                .map(|(w, pats)| (w, CueStart::unfiltered(pats)))
                .collect(),
            cue_hot: Vec::new(),
            cue_cold: Vec::new(),
            cue_seconds: Vec::new(),
            cue_pat_nums: Vec::new(),
            non_names: set(&lex.non_names),
            reporting: set(&w.reporting),
            negation: set(&w.negation),
            future: set(&w.future),
            title_modifiers: set(&w.title_modifiers),
            name_particles: set(&w.name_particles),
            org_heads: set(&w.org_heads),
            initiative_heads: set(&w.initiative_heads),
            place_heads: set(&w.place_heads),
            heads: Vec::new(),
            honorifics: set(&w.honorifics),
            // word ids are not known yet: filed by them once they are
            topics: Topics::new(
                w.topics
                    .iter()
                    .map(|t| t.split_whitespace().map(str::to_lowercase).collect())
                    .collect(),
            ),
            code_index: HashMap::default(),
            people: Vec::new(),
            person_names: HashMap::default(),
            person_surnames: HashMap::default(),
            city_cues: WordList::new(&w.city_cues),
            pair_state_stems: w.pair_state_stems.clone(),
            former_modifiers: WordList::new(&w.former_modifiers),
            title_joiners: WordList::new(&w.title_joiners),
            portfolio_titles: WordList::new(&w.portfolio_titles),
            departure_verbs: WordList::new(&w.departure_verbs),
            owner_prepositions: WordList::new(&w.owner_prepositions),
            host_prepositions: WordList::new(&w.host_prepositions),
            name_connectors: WordList::new(&w.name_connectors),
            known_name_links: WordList::new(&w.known_name_links),
            initiative_links: WordList::new(&w.initiative_links),
            place_prepositions: WordList::new(&w.place_prepositions),
            place_nouns: WordList::new(&w.place_nouns),
            initiative_prefixes: WordList::new(&w.initiative_prefixes),
            speech_heads: WordList::new(&w.speech_heads),
            object_relatives: WordList::new(&w.object_relatives),
            first_person: WordList::new(&w.first_person),
            extract_words: ExtractWords::new(w),
            relation_words: RelationWords::default(),
            serial: 0,
            name_toks: Vec::new(),
            word_buf: String::new(),
            upper_buf: String::new(),
            rest_text: String::new(),
            rest_words: Vec::new(),
            descriptors: Descriptors::default(),
        }
    }

    /// Adds the countries, their names, demonyms and capitals.
    fn add_countries(&mut self, countries: &[CountryEntry]) {
        for c in countries {
            let id = match self.code_index.get(&c.code) {
                Some(&id) => id,
                None => {
                    let id = self.countries.len() as u32;
                    self.countries.push(CountryInfo {
                        name: c.name.clone(),
                        code: c.code.clone(),
                        capital: c.capital.clone(),
                    });
                    self.code_index.insert(c.code.clone(), id);
                    id
                }
            };
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                self.add_cased(n, Known::Country(id));
            }
            for n in &c.demonyms {
                self.add(n, false, Known::Demonym(id));
            }
            if !c.capital.is_empty() {
                for n in std::iter::once(&c.capital).chain(&c.capital_aliases) {
                    self.add_cased(n, Known::Capital(id));
                }
            }
        }
    }

    /// Adds the places.
    fn add_places(&mut self, places: &[PlaceEntry]) {
        for p in places {
            let id = self.places.len() as u32;
            self.places.push(Named {
                name: p.name.clone(),
                country: self.code_index.get(&p.country).copied(),
                government: false,
            });
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                self.add_cased(n, Known::Place(id));
            }
        }
    }

    /// Adds the organizations.
    fn add_orgs(&mut self, orgs: &[OrgEntry]) {
        for o in orgs {
            let id = self.orgs.len() as u32;
            self.orgs.push(Named {
                name: o.name.clone(),
                country: self.code_index.get(&o.country).copied(),
                government: o.government,
            });
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                self.add(n, false, Known::Org(id));
            }
        }
    }

    /// Adds the state bodies: a generic one's names match in any case.
    fn add_bodies(&mut self, bodies: &[StateBodyEntry]) {
        for b in bodies {
            let country = self.code_index.get(&b.country).copied();
            self.bodies.push(Named {
                name: b.name.clone(),
                country,
                government: true,
            });
            for n in std::iter::once(&b.name).chain(&b.aliases) {
                match country {
                    Some(c) => self.add(n, false, Known::Body(Some(c))),
                    None => self.add(n, true, Known::Body(None)),
                }
            }
        }
    }

    /// Adds the initiatives.
    fn add_initiatives(&mut self, initiatives: &[InitiativeEntry]) {
        for i in initiatives {
            let id = self.initiatives.len() as u32;
            self.initiatives.push(i.name.clone());
            for n in std::iter::once(&i.name).chain(&i.aliases) {
                self.add(n, false, Known::Initiative(id));
            }
        }
    }

    /// Adds the titles, matched in any case, with their plurals.
    fn add_titles(&mut self, titles: &[TitleEntry]) {
        for t in titles {
            let id = self.titles.len() as u32;
            self.titles.push(t.name.clone());
            if !t.covers.is_empty() {
                let names = std::iter::once(&t.name).chain(&t.aliases);
                self.title_covers
                    .push((names.map(|n| n.to_lowercase()).collect(), t.covers.clone()));
            }
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                self.add(n, true, Known::Title(id));
                // "Presidents Xi and Macri", "the foreign ministers"
                if n.chars()
                    .last()
                    .is_some_and(|c| c.is_alphabetic() && c != 's')
                    && n.len() > 3
                {
                    self.add(&format!("{n}s"), true, Known::Title(id));
                }
            }
        }
    }

    /// The titles whose holders generic title `title` names ("the head of
    /// state": President, King...); empty for any other title.
    pub(crate) fn covered_titles(&self, title: &str) -> &[String] {
        self.title_covers
            .iter()
            .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(title)))
            .map_or(&[], |(_, covers)| covers)
    }

    /// Adds the known office-holders, by full name, alias and surname.
    fn add_people(&mut self, people: &[PersonEntry]) {
        // only looked up, never walked: their capacity changes no output
        let names = people.iter().map(|p| 1 + p.aliases.len()).sum();
        self.person_names.reserve(names);
        self.person_surnames.reserve(people.len());
        for p in people {
            let id = self.people.len() as u32;
            self.people.push(PersonInfo {
                name: p.name.clone(),
                country: self.code_index.get(&p.country).copied(),
                roles: p
                    .roles
                    .iter()
                    .map(|r| {
                        (
                            r.title.clone(),
                            r.of.clone(),
                            crate::lexicon::loose_date(&r.from, false),
                            crate::lexicon::loose_date(&r.to, true),
                        )
                    })
                    .collect(),
            });
            let surnames = &mut self.person_surnames;
            let mut file = |single: &str| match surnames.get_mut(single) {
                Some(v) => {
                    if !v.contains(&id) {
                        v.push(id);
                    }
                }
                None => {
                    surnames.insert(single.to_string(), vec![id]);
                }
            };
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                if !self.person_names.contains_key(n) {
                    self.person_names.insert(n.clone(), id);
                }
                let mut parts = n.split_whitespace();
                let (first, last) = (parts.next(), parts.last());
                // a one-word alias ("MBS", "Lula", "Prachanda") names them alone
                if first.is_some() && last.is_none() && n != &p.name {
                    file(n);
                }
                let (Some(first), Some(last)) = (first, last) else {
                    continue;
                };
                for sur in [first, last] {
                    // "S." of "S. Jaishankar", "CY" of "CY Leung": an
                    // initial is no surname, it would claim any capital
                    let letters = sur.chars().filter(|c| c.is_alphabetic()).count();
                    if letters < 2
                        || sur.contains('.')
                        || (letters <= 3 && sur.chars().all(|c| !c.is_lowercase()))
                    {
                        continue;
                    }
                    file(sur);
                }
            }
        }
    }

    /// Compiles what was added: the phrase table, the words' ids and
    /// classes, the tables a token is looked up in, the topics and cues.
    fn compile(&mut self, w: &Words) {
        self.compile_candidates();
        self.compile_classes(w);
        // the relation rules' words get ids before the short table is built
        let relation_words = RelationWords::new(w, |word| self.intern(word));
        self.relation_words = relation_words;
        // and the cue patterns' words, which tokens are then tested by id
        let mut cue_pats = std::mem::take(&mut self.cue_pats);
        for p in &mut cue_pats {
            // most are numbered already: looked up without a copy
            p.number(|word| match self.words.get(word.as_bytes()) {
                Some(&id) => id,
                None => self.intern(word),
            });
        }
        self.cue_pats = cue_pats;
        self.compile_heads();
        for (id, s) in self.starts.iter().enumerate() {
            if s.any() {
                if self.classes.len() <= id {
                    self.classes.resize(id + 1, 0);
                }
                self.classes[id] |= class::BEGINS;
            }
        }
        self.short = ShortWords::new(&self.words, &self.classes);
        self.one_byte = std::array::from_fn(|b| {
            let b = b as u8;
            let lower = u64::from(b.to_ascii_lowercase());
            let (id, c) = self.short.get_classed((lower, 1 << 56));
            let capital = if b.is_ascii_uppercase() {
                class::CAPITAL
            } else {
                0
            };
            (id, c | capital)
        });
        // the word table is complete: ids of words are final from here on
        let mut topics = std::mem::take(&mut self.topics);
        topics.file_by_first_word(|w| self.word_id(w));
        self.topics = topics;
        self.compile_cue_starts();
    }

    /// Marks the words of the head sets with their [`head`] bits, by the
    /// ids of their lower case (numbered here if they have none yet).
    fn compile_heads(&mut self) {
        let sets = [
            (head::ORG, &self.org_heads),
            (head::PLACE, &self.place_heads),
            (head::INITIATIVE, &self.initiative_heads),
        ];
        // sorted: the ids new words get do not hang on the sets' order
        let mut words: Vec<(u8, String)> = sets
            .iter()
            .flat_map(|(bit, set)| set.iter().map(move |w| (*bit, w.clone())))
            .collect();
        words.sort_unstable();
        for (bit, w) in words {
            let id = self.intern(&w) as usize;
            if self.heads.len() <= id {
                self.heads.resize(id + 1, 0);
            }
            self.heads[id] |= bit;
        }
    }

    /// Whether the word of id `id` may be in a head set of `bit` (of
    /// [`head`]): `false` means a token of that id is surely not.
    #[inline]
    pub fn may_be_head(&self, id: WordId, bit: u8) -> bool {
        self.heads.get(id as usize).is_some_and(|&b| b & bit != 0)
    }

    /// Files the cue patterns with an ASCII first word under its [`WordId`];
    /// the numbers of every first word's patterns in one table.
    fn compile_cue_starts(&mut self) {
        let mut nums = Vec::new();
        for start in self.cue_index.values_mut() {
            start.place_pats(nums.len());
            nums.extend_from_slice(&start.pats);
        }
        // by id: the second words' table does not hang on the map's order
        let mut firsts: Vec<(usize, Vec<u32>, usize)> = Vec::new();
        for (w, start) in &self.cue_index {
            // an ASCII token's id is that of its lower case, which is the
            // key it is looked up by; `compile_classes` gave every key an id
            if !w.is_ascii() {
                continue;
            }
            let id = self.id_of(w.as_bytes());
            if id != NO_WORD {
                firsts.push((id as usize, start.pats.clone(), start.cold.pats_at()));
            }
        }
        firsts.sort_unstable_by_key(|&(id, ..)| id);
        let n = firsts.last().map_or(0, |&(id, ..)| id + 1);
        let (mut hot, mut cold) = (vec![CueHot::default(); n], vec![CueCold::default(); n]);
        let (mut all_seconds, mut seconds) = (Vec::new(), Vec::new());
        for (id, pats, pats_at) in firsts {
            let mut start = CueStart::new_in(pats, &self.cue_pats, &mut seconds);
            start.hot.place_seconds(all_seconds.len());
            all_seconds.append(&mut start.seconds);
            // the same numbers as its word's entry of `cue_index`, placed above
            start.place_pats(pats_at);
            if let (Some(h), Some(c)) = (hot.get_mut(id), cold.get_mut(id)) {
                (*h, *c) = (start.hot, start.cold);
            }
        }
        (self.cue_hot, self.cue_cold) = (hot, cold);
        self.cue_seconds = all_seconds;
        self.cue_pat_nums = nums;
        self.cue_flat = FlatPats::new(&self.cue_pats, &self.cues);
    }

    /// The cue patterns filed under token `i`'s lower case (`lowers[i]`),
    /// `words` being the article's [`Gazetteer::token_words`]: what the scan
    /// reads at every token, and the rest.
    #[inline(always)]
    pub fn cue_patterns(
        &self,
        words: &TokenWords,
        lowers: &Lowered,
        i: usize,
    ) -> (&CueHot, &CueCold) {
        if lowers.is_ascii(i) {
            let id = words.ids.get(i).copied().unwrap_or(NO_WORD) as usize;
            match (self.cue_hot.get(id), self.cue_cold.get(id)) {
                (Some(hot), Some(cold)) => (hot, cold),
                _ => (&NO_CUES.hot, &NO_CUES.cold),
            }
        } else {
            let start = self.cue_patterns_of(&lowers[i]);
            (&start.hot, &start.cold)
        }
    }

    /// The numbers of the cue patterns [`CueCold::pats`] reads.
    #[inline]
    pub fn cue_pat_nums(&self) -> &[u32] {
        &self.cue_pat_nums
    }

    /// The second words' tables [`CueHot::may_match`] reads.
    #[inline]
    pub fn cue_seconds(&self) -> &[(WordId, u64)] {
        &self.cue_seconds
    }

    /// The cue patterns filed under lower-case word `w` (kept out of line:
    /// a token beyond ASCII is rare).
    #[inline(never)]
    fn cue_patterns_of(&self, w: &str) -> &CueStart {
        self.cue_index.get(w).unwrap_or(&NO_CUES)
    }

    /// The cue patterns flat, by number (as [`Gazetteer::cue_patterns`]
    /// gives them).
    #[inline]
    pub fn cue_flat(&self) -> &FlatPats {
        &self.cue_flat
    }

    /// The lower-case words of the flat cue pattern word at place `at` (see
    /// [`FlatPats::words`]), kept out of line: a token beyond ASCII is rare.
    #[inline(never)]
    pub fn cue_strings(&self, at: usize) -> &[String] {
        self.cue_flat.strings(at, &self.cue_pats)
    }

    /// The cue pattern of number `p` (as [`Gazetteer::cue_patterns`] gives
    /// it); `None` for no such.
    #[inline]
    pub fn cue_pattern(&self, p: u32) -> Option<&Pattern> {
        self.cue_pats.get(p as usize)
    }

    /// Numbers the phrases' words and files the phrases under their first.
    fn compile_candidates(&mut self) {
        self.starts = self.number_phrases().into_iter().map(Start::new).collect();
        let mut singles = Vec::new();
        self.quick = self
            .starts
            .iter()
            .map(|s| Quick::of(s, &mut singles))
            .collect();
        self.singles = singles;
    }

    /// The phrases as [`Candidate`]s by their first word's [`WordId`],
    /// numbering the words as they come; each word's best first.
    fn number_phrases(&mut self) -> Vec<Vec<Candidate>> {
        let mut starts: Vec<Vec<Candidate>> = Vec::new();
        let mut words = std::mem::take(&mut self.words);
        // at most one new word per phrase word: the table grows once
        words.reserve(self.rest_words.len() + self.exact.len() + self.folded.len());
        let (text, spans) = (&self.rest_text, &self.rest_words);
        // a folded word is its own key, an exact one's is its lower case,
        // made in one reused buffer; a key is copied only when new
        let mut buf = String::new();
        let mut id = |w: &str, folded: bool| -> WordId {
            let key = if folded {
                w
            } else {
                cased_into(w, false, &mut buf)
            };
            if let Some(&n) = words.get(key.as_bytes()) {
                return n;
            }
            let n = words.len() as WordId;
            words.insert(key.as_bytes().into(), n);
            n
        };
        // exact lists first, folded after: the sort below is stable
        let lists = self
            .exact
            .iter()
            .map(|(f, v)| (f, v, false))
            .chain(self.folded.iter().map(|(f, v)| (f, v, true)));
        for (first, phrases, folded) in lists {
            let f = id(first, folded) as usize;
            if starts.len() <= f {
                starts.resize_with(f + 1, Vec::new);
            }
            for p in phrases {
                let words = rest_of(text, spans, &p.rest);
                let rest: Box<[WordId]> = words.clone().map(|w| id(w, folded)).collect();
                let exact = (!folded).then(|| {
                    std::iter::once(&**first)
                        .chain(words)
                        .map(Exact::new)
                        .collect()
                });
                starts[f].push(Candidate {
                    rest,
                    exact,
                    known: p.known,
                });
            }
        }
        for v in &mut starts {
            v.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.rest.len()),
                    std::cmp::Reverse(c.known.priority()),
                    c.exact.is_none(),
                )
            });
        }
        self.words = words;
        starts
    }

    /// Marks the words of the word sets with their [`class`] bits.
    fn compile_classes(&mut self, words: &Words) {
        let sets = [
            (class::TITLE_MODIFIER, &self.title_modifiers),
            (class::HONORIFIC, &self.honorifics),
            (class::NON_NAME, &self.non_names),
            (class::NAME_PARTICLE, &self.name_particles),
            (class::REPORTING, &self.reporting),
            (class::NEGATION, &self.negation),
            (class::FUTURE, &self.future),
        ];
        let cues = self.cue_index.keys().map(|w| (class::CUE, w));
        let topics = self.topics.first_words().map(|w| (class::TOPIC, w));
        let mut dates = crate::text::date::date_words();
        dates.extend(self.extract_words.relative_day_words().cloned());
        let determiners = words.determiners.iter().map(|w| (class::DETERMINER, w));
        let pronouns = words.pronouns.iter().map(|w| (class::PRONOUN, w));
        let heads = (words.country_heads.iter())
            .chain(&words.described_heads)
            .map(|w| (class::COUNTRY_HEAD, w));
        let first = words.first_person.iter().map(|w| (class::FIRST_PERSON, w));
        let all = sets
            .into_iter()
            .flat_map(|(bit, set)| set.iter().map(move |w| (bit, w)))
            .chain(cues)
            .chain(topics)
            .chain(dates.iter().map(|w| (class::DATE, w)))
            .chain(determiners)
            .chain(pronouns)
            .chain(heads)
            .chain(first);
        let mut classes = std::mem::take(&mut self.classes);
        // BEGINS is exact by construction (set below from the phrase table)
        let mut inexact = 0u16;
        for (bit, w) in all {
            // the key a token equal to `w` (or to its lower case) is looked up by
            let key = norm_token(w).to_lowercase().into_bytes();
            if *key != *w.as_bytes() {
                inexact |= bit;
            }
            let n = self.words.len() as WordId;
            let id = *self.words.entry(key.into()).or_insert(n) as usize;
            if classes.len() <= id {
                classes.resize(id + 1, 0);
            }
            classes[id] |= bit;
        }
        self.classes = classes;
        self.exact_classes = !inexact;
    }

    /// The [`WordId`]s and word classes of tokens, given their lower case
    /// (`lowers` is [`Lowered::new`] of the same text and tokens).
    pub fn token_words(&self, text: &str, toks: &[Token], lowers: &Lowered) -> TokenWords {
        self.token_words_in(text, toks, lowers, TokenWords::default())
    }

    /// [`Gazetteer::token_words`] in the lists of `into` (another
    /// article's, emptied first): no allocation where they are big enough.
    /// Out of line: its loop is compiled apart from the extraction around it.
    #[inline(never)]
    pub fn token_words_in(
        &self,
        text: &str,
        toks: &[Token],
        lowers: &Lowered,
        into: TokenWords,
    ) -> TokenWords {
        let bytes = text.as_bytes();
        // the text with its ASCII capitals lowered, then 16 zero bytes: an
        // ASCII token's key is its own span there
        let low = lowers.padded();
        let (mut ids, mut classes) = into.into_lists();
        ids.clear();
        ids.resize(toks.len(), NO_WORD);
        classes.clear();
        classes.resize(toks.len(), 0);
        // the tokens left to `other_token_word`, as many as fit: no call in
        // the loops, whose state then stays in registers
        let mut slow = [0u32; 64];
        let mut n_slow = 0;
        let mut keys = ChunkKeys::default();
        let chunks = (toks.chunks(CHUNK).zip(ids.chunks_mut(CHUNK))).zip(classes.chunks_mut(CHUNK));
        for (c, ((toks, ids), classes)) in chunks.enumerate() {
            let from = c * CHUNK;
            let mut slow_at = |k: usize| {
                if let Some(s) = slow.get_mut(n_slow) {
                    *s = (from + k) as u32;
                }
                n_slow += 1;
            };
            self.chunk_words((bytes, low), toks, (ids, classes), &mut keys, &mut slow_at);
        }
        let mut other = |i: usize| {
            if let (Some(t), Some(id), Some(class)) =
                (toks.get(i), ids.get_mut(i), classes.get_mut(i))
            {
                (*id, *class) = self.other_token_word(text, t, lowers, i);
            }
        };
        match slow.get(..n_slow) {
            Some(slow) => slow.iter().for_each(|&i| other(i as usize)),
            // more than fit: found again
            None => (0..toks.len())
                .filter(|&i| {
                    toks.get(i)
                        .is_some_and(|t| matches!(self.token_key(bytes, low, t), TokenKey::Slow))
                })
                .for_each(other),
        }
        TokenWords::new(ids, classes, self.exact_classes)
    }

    /// [`Gazetteer::token_words`] of at most [`CHUNK`] tokens, into their
    /// `ids` and `classes`: the tokens' keys first, then the keys looked up
    /// in loops of their own (short and with few branches, so that many
    /// table slots are loaded at once); `slow` is given each token left to
    /// [`Gazetteer::other_token_word`].
    #[inline(always)]
    fn chunk_words(
        &self,
        (bytes, low): (&[u8], &[u8]),
        toks: &[Token],
        (ids, classes): (&mut [WordId], &mut [u16]),
        keys: &mut ChunkKeys,
        slow: &mut impl FnMut(usize),
    ) {
        // the tokens of each kind, a bit each (a chunk has at most 64)
        let (mut small, mut long) = (0u64, 0u64);
        for (k, ((t, id), class)) in toks
            .iter()
            .zip(ids.iter_mut())
            .zip(classes.iter_mut())
            .enumerate()
        {
            // (masked: no bounds check)
            let (k, bit) = (k % CHUNK, 1 << (k % CHUNK));
            match self.token_key(bytes, low, t) {
                TokenKey::Found(w) => (*id, *class) = w,
                TokenKey::Small(key, capital) => {
                    keys.small[k] = key;
                    *class = capital;
                    small |= bit;
                }
                TokenKey::Long(key, capital) => {
                    keys.long[k] = key;
                    *class = capital;
                    long |= bit;
                }
                TokenKey::Slow => slow(k),
            }
        }
        let mut put = |k: usize, (id, c): (WordId, u16)| {
            if let (Some(x), Some(y)) = (ids.get_mut(k), classes.get_mut(k)) {
                *x = id;
                *y |= c;
            }
        };
        while small != 0 {
            let k = small.trailing_zeros() as usize % CHUNK;
            small &= small - 1;
            put(k, self.short.get_small(keys.small[k]));
        }
        while long != 0 {
            let k = long.trailing_zeros() as usize % CHUNK;
            long &= long - 1;
            let (lo, hi) = keys.long[k];
            put(k, self.short.get_long(lo, hi));
        }
    }

    /// What [`Gazetteer::token_words`] looks a token up by (`low` being the
    /// padded lower case of `bytes`): a one-byte token's word at once, the
    /// key of one of at most 15 ASCII bytes, or none.
    #[inline(always)]
    fn token_key(&self, bytes: &[u8], low: &[u8], t: &Token) -> TokenKey {
        let a = t.start as usize;
        let n = t.end.wrapping_sub(t.start) as usize;
        let first = bytes.get(a).copied().unwrap_or_default();
        if n == 1 {
            // one byte (punctuation, mostly): looked up at once
            return match first {
                0..0x80 => TokenKey::Found(self.one_byte[usize::from(first & 127)]),
                _ => TokenKey::Slow,
            };
        }
        // a token of at most 15 bytes: two loads of the 16 bytes from its
        // start (one for seven bytes or fewer), its bytes kept by a mask
        let w = match low.get(a..a + 16) {
            Some(w) if n < 16 => w,
            _ => return TokenKey::Slow,
        };
        let (m_lo, m_hi) = KEEP[n & 15];
        let lo = word_at(w, 0) & m_lo;
        let hi = if n < 8 { 0 } else { word_at(w, 8) & m_hi };
        if (lo | hi) & HIGH_BITS != 0 {
            return TokenKey::Slow;
        }
        let len = (n as u64) << 56;
        // lowering changed the first byte: a capital
        let capital = if first != lo as u8 { class::CAPITAL } else { 0 };
        if n < 8 {
            TokenKey::Small(lo | len, capital)
        } else {
            TokenKey::Long((lo, hi | len), capital)
        }
    }

    /// [`Gazetteer::token_words`] for one token of more than 15 bytes or
    /// beyond ASCII.
    #[inline(never)]
    fn other_token_word(&self, text: &str, t: &Token, lowers: &Lowered, i: usize) -> (WordId, u16) {
        let s = t.text(text);
        // an ASCII token's lower case is its key
        if lowers.is_ascii(i) {
            let id = self.id_of(lowers[i].as_bytes());
            let capital = match s.as_bytes().first() {
                Some(b) if b.is_ascii_uppercase() => class::CAPITAL,
                _ => 0,
            };
            let c = self.classes.get(id as usize).copied().unwrap_or(0);
            (id, c | capital)
        } else {
            // beyond ASCII a token's lower case may differ from its key: no promise
            (self.other_word_id(s), u16::MAX)
        }
    }

    /// Adds a name as written and in capitals (datelines write "ISLAMABAD").
    fn add_cased(&mut self, name: &str, known: Known) {
        self.add(name, false, known);
        // in a buffer kept from one name to the next
        let mut up = std::mem::take(&mut self.upper_buf);
        if cased_into(name, true, &mut up) != name {
            self.add(&up, false, known);
        }
        self.upper_buf = up;
    }

    /// Files phrase `name` under its first word, in the folded (any case)
    /// or exact table, unless the same phrase is filed there already.
    fn add(&mut self, name: &str, folded: bool, known: Known) {
        let trimmed = name.trim();
        let name = if known == Known::Pair {
            trimmed
        } else {
            trimmed.strip_prefix("the ").unwrap_or(trimmed)
        };
        // tokenized into one buffer kept from one name to the next
        let mut toks = std::mem::take(&mut self.name_toks);
        toks.clear();
        if !letter_words(name, &mut toks) {
            toks.clear();
            tokenize_into(name, 0, name.len(), &mut toks);
        }
        self.file(name, &toks, folded, known);
        self.name_toks = toks;
    }

    /// Files the phrase of tokens `toks` of `name` (as [`Gazetteer::add`]).
    fn file(&mut self, name: &str, toks: &[Token], folded: bool, known: Known) {
        let Some((head, tail)) = toks.split_first() else {
            return;
        };
        // the words after the first appended to the phrases' shared text
        // (taken back if the phrase is filed already)
        let (text_at, at) = (self.rest_text.len(), self.rest_words.len());
        for t in tail {
            let a = self.rest_text.len() as u32;
            push_word(&mut self.rest_text, t.text(name), folded);
            (self.rest_words).push((a, self.rest_text.len() as u32));
        }
        let rest = at as u32..self.rest_words.len() as u32;
        let mut first = std::mem::take(&mut self.word_buf);
        first.clear();
        push_word(&mut first, head.text(name), folded);
        let table = if folded {
            &mut self.folded
        } else {
            &mut self.exact
        };
        let (text, spans) = (&self.rest_text, &self.rest_words);
        let words = |r: &std::ops::Range<u32>| rest_of(text, spans, r);
        // the first word is copied only when it begins a new list
        match table.get_mut(first.as_str()) {
            Some(v) => {
                let same = |p: &Phrase| {
                    p.rest.len() == rest.len()
                        && p.known == known
                        && words(&p.rest).eq(words(&rest))
                };
                if v.iter().any(same) {
                    self.rest_text.truncate(text_at);
                    self.rest_words.truncate(at);
                } else {
                    v.push(Phrase { rest, known });
                }
            }
            None => {
                table.insert(first.as_str().into(), vec![Phrase { rest, known }]);
            }
        }
        self.word_buf = first;
    }

    /// The [`WordId`] of a word's lookup key (as [`Gazetteer::word_id`] has
    /// it), numbering the word if it has none yet.
    fn intern(&mut self, w: &str) -> WordId {
        let key = norm_token(w).to_lowercase().into_bytes();
        let n = self.words.len() as WordId;
        *self.words.entry(key.into()).or_insert(n)
    }

    /// The [`WordId`] of a token's text: its lower case, curly apostrophes
    /// straightened.
    pub fn word_id(&self, t: &str) -> WordId {
        // a short ASCII word: lowered and packed without a copy
        if let Some((lo, hi)) = load(t.as_bytes()).filter(|(lo, hi)| (lo | hi) & HIGH_BITS == 0) {
            let n = t.len() as u64;
            return self.short.get((ascii_lower(lo), ascii_lower(hi) | n << 56));
        }
        self.other_word_id(t)
    }

    /// [`Gazetteer::word_id`] of a word of more than 15 bytes or beyond ASCII.
    fn other_word_id(&self, t: &str) -> WordId {
        let mut buf = [0u8; 32];
        if t.is_ascii() && t.len() <= buf.len() {
            // lower-case without allocating for the usual short word
            let b = &mut buf[..t.len()];
            b.copy_from_slice(t.as_bytes());
            b.make_ascii_lowercase();
            self.id_of(b)
        } else {
            match short_key(t, &mut buf) {
                Some(n) => self.id_of(&buf[..n]),
                None => self.id_of(norm_token(t).to_lowercase().as_bytes()),
            }
        }
    }

    /// The [`WordId`] of a word's lookup key (its lower case).
    #[inline]
    fn id_of(&self, key: &[u8]) -> WordId {
        match pack(key) {
            Some(k) => self.short.get(k),
            None => self.long_id(key),
        }
    }

    /// [`Gazetteer::id_of`] for a key of more than 15 bytes.
    #[inline(never)]
    fn long_id(&self, key: &[u8]) -> WordId {
        self.words.get(key).copied().unwrap_or(NO_WORD)
    }

    /// The longest lexicon phrase starting at token `i`: its length in tokens
    /// and what it names.
    pub fn lookup(&self, text: &str, toks: &[Token], i: usize) -> Option<(usize, Known)> {
        let first = self.word_id(toks[i].text(text));
        // the longest phrase comes first
        let n = self.reach(first)?.min(toks.len() - i).min(17);
        let mut ids = [first; 17];
        for (id, t) in ids[1..n].iter_mut().zip(&toks[i + 1..]) {
            *id = self.word_id(t.text(text));
        }
        self.lookup_at(text, &toks[i..i + n], &ids[..n], 0)
    }

    /// [`Gazetteer::lookup`] with the tokens' [`WordId`]s at hand: `ids[k]`
    /// is that of `toks[k]`, and both end where a phrase must. Inline: most
    /// words begin no longer phrase with the next word second; their answer
    /// (a one-word phrase, matched as written by its packed key or in any
    /// case) is read off their [`Quick`] with no call.
    #[inline(always)]
    pub fn lookup_at(
        &self,
        text: &str,
        toks: &[Token],
        ids: &[WordId],
        i: usize,
    ) -> Option<(usize, Known)> {
        let q = self.quick.get(ids[i] as usize)?;
        let second = ids
            .get(i + 1)
            .copied()
            .filter(|&id| q.seconds & 1 << (id % 64) != 0);
        if second.is_none() {
            if q.exact == 0 {
                return q.single.map(|k| (1, k));
            }
            // the exact singles of an ASCII token: told by its key
            if let Some(key) = raw_key(text.as_bytes(), toks.get(i)?) {
                return self.exact_single(q, key);
            }
        }
        self.lookup_longer(self.starts.get(ids[i] as usize)?, text, toks, ids, i)
    }

    /// The one-word phrase of an ASCII token of [`raw_key`] `key` whose
    /// word has exact singles, its word's [`Quick`] being `q`.
    #[inline(always)]
    fn exact_single(&self, q: &Quick, key: Packed) -> Option<(usize, Known)> {
        let (a, n) = (q.at as usize, q.exact as usize);
        let singles = self.singles.get(a..a + n).unwrap_or_default();
        match singles.iter().find(|(k, _)| *k == key) {
            Some(&(_, k)) => Some((1, k)),
            None => q.single.map(|k| (1, k)),
        }
    }

    /// [`Gazetteer::lookup_at`] past its quick answer, from the phrases
    /// `start` that begin with token `i`. Only `start`'s first line is read
    /// (and for a token beyond ASCII its exact singles): the rest comes from
    /// the word's [`Quick`], read again (the caller's line: no miss).
    #[inline(never)]
    fn lookup_longer(
        &self,
        start: &Start,
        text: &str,
        toks: &[Token],
        ids: &[WordId],
        i: usize,
    ) -> Option<(usize, Known)> {
        let q = self.quick.get(ids[i] as usize)?;
        // phrases of more than 16 words are never tried
        let room = (toks.len() - i - 1).min(16);
        let next = ids.get(i + 1..).unwrap_or_default();
        let second = next
            .first()
            .copied()
            .filter(|&id| q.seconds & 1 << (id % 64) != 0);
        let bytes = text.as_bytes();
        // a group's phrases have its second and third words: only the words
        // after them are compared (none for most: no load of `rest`)
        let fits = |c: &&Candidate| {
            c.rest.len() <= room
                && c.rest.iter().zip(next).skip(2).all(|(a, b)| a == b)
                && c.exact.as_ref().is_none_or(|words| {
                    words
                        .iter()
                        .zip(toks.get(i..).unwrap_or_default())
                        .all(|(w, t)| w.is(raw_key(bytes, t), t, text))
                })
        };
        // a longer phrase must have the next words second and third: only
        // their group can match; the phrases of three words or more come
        // first (longest first), then those of two
        let longer = second.and_then(|second| {
            let third = next.get(1).copied().filter(|&t| t != NO_WORD);
            third
                .and_then(|t| start.group(second, t)?.iter().find(fits))
                .or_else(|| start.group(second, NO_WORD)?.iter().find(fits))
        });
        if let Some(c) = longer {
            return Some((c.rest.len() + 1, c.known));
        }
        if q.exact == 0 {
            return q.single.map(|k| (1, k));
        }
        let t = toks.get(i)?;
        match raw_key(bytes, t) {
            Some(key) => self.exact_single(q, key),
            None => self.exact_single_beyond_ascii(start, text, t),
        }
    }

    /// The one-word phrase of token `t` (beyond ASCII or of more than 15
    /// bytes) when its word, whose phrases are `start`, has exact singles.
    #[inline(never)]
    fn exact_single_beyond_ascii(
        &self,
        start: &Start,
        text: &str,
        t: &Token,
    ) -> Option<(usize, Known)> {
        match start
            .exact_singles
            .iter()
            .find(|(w, _)| w.is(None, t, text))
        {
            Some(&(_, k)) => Some((1, k)),
            None => start.folded_single.map(|k| (1, k)),
        }
    }

    /// How many tokens [`Gazetteer::lookup`] reads from a word of id `id`
    /// (its first longer phrase's length); `None` when no phrase begins so.
    fn reach(&self, id: WordId) -> Option<usize> {
        let start = self.starts.get(id as usize).filter(|s| s.any())?;
        Some(start.candidates.first().map_or(0, |c| c.rest.len()) + 1)
    }

    /// Whether some lexicon phrase begins with word `id`.
    #[inline]
    pub fn begins(&self, id: WordId) -> bool {
        self.starts.get(id as usize).is_some_and(Start::any)
    }

    /// What one word alone names ("China", "ASEAN"), if anything.
    pub fn lookup_word(&self, word: &str) -> Option<Known> {
        self.exact
            .get(word)
            .into_iter()
            .flatten()
            .filter(|p| p.rest.is_empty())
            .max_by_key(|p| p.known.priority())
            .map(|p| p.known)
    }

    /// The country of an alpha-3 code.
    pub fn country_by_code(&self, code: &str) -> Option<u32> {
        self.code_index.get(code).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::{tokenize, Lowered};

    /// The built-in lexicon compiled once for all tests.
    fn gaz() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::new(&Lexicon::builtin().unwrap()).unwrap())
    }

    /// The longest phrase at the start of `text`, as [`Gazetteer::lookup`] says.
    fn lookup(text: &str) -> Option<(usize, Known)> {
        gaz().lookup(text, &tokenize(text), 0)
    }

    fn country(code: &str) -> u32 {
        gaz().country_by_code(code).unwrap()
    }

    #[test]
    fn countries_are_found_by_name_alias_demonym_and_capital() {
        let g = gaz();
        let chn = country("CHN");
        assert_eq!(g.countries[chn as usize].name, "China");
        assert_eq!(lookup("China said"), Some((1, Known::Country(chn))));
        assert_eq!(lookup("Chinese troops"), Some((1, Known::Demonym(chn))));
        assert_eq!(g.lookup_word("China"), Some(Known::Country(chn)));
        // an alias of several tokens, and a name of two words
        let usa = country("USA");
        assert_eq!(
            lookup("U.S. officials").map(|(_, k)| k),
            Some(Known::Country(usa))
        );
        assert_eq!(
            lookup("United States of America"),
            Some((4, Known::Country(usa)))
        );
        // a capital as written and in a dateline's capitals
        let pak = country("PAK");
        assert_eq!(lookup("Islamabad"), Some((1, Known::Capital(pak))));
        assert_eq!(lookup("ISLAMABAD, May 6"), Some((1, Known::Capital(pak))));
        // country names match as written: no lower-case "china"
        assert_eq!(lookup("china"), None);
        assert_eq!(lookup("Zqxvland"), None);
    }

    #[test]
    fn titles_match_in_any_case_and_longest_first() {
        let g = gaz();
        let Some((4, Known::Title(t))) = lookup("Minister of Foreign Affairs Wang") else {
            panic!("no title");
        };
        assert_eq!(g.titles[t as usize], "Foreign Minister");
        assert_eq!(lookup("foreign minister"), Some((2, Known::Title(t))));
        // a plural is compiled for a title
        assert_eq!(lookup("Foreign Ministers"), Some((2, Known::Title(t))));
        let Some((n, Known::Initiative(i))) = lookup("Belt and Road Initiative projects") else {
            panic!("no initiative");
        };
        assert_eq!(
            (n, g.initiatives[i as usize].as_str()),
            (4, "Belt and Road Initiative")
        );
        assert_eq!(lookup("both sides"), Some((2, Known::Pair)));
    }

    #[test]
    fn every_group_is_found_past_its_pair_bit() {
        for s in &gaz().starts {
            let groups = s.groups.iter().filter(|g| g.0 != NO_WORD);
            // at least half the slots free
            assert!(groups.clone().count() * 2 <= s.groups.len());
            for &(second, third, a, b) in groups {
                let found = s.group(second, third).map(<[Candidate]>::len);
                assert_eq!(found, Some((b - a) as usize));
            }
        }
    }

    #[test]
    fn token_words_mark_the_word_sets() {
        let g = gaz();
        let text = "The Zqxv said he would visit";
        let toks = tokenize(text);
        let lowers = Lowered::new(text, &toks);
        let w = g.token_words(text, &toks, &lowers);
        assert_eq!(w.surely(0, class::DETERMINER), Some(true));
        assert_eq!(w.surely(0, class::PRONOUN), Some(false));
        assert_ne!(w.class(0) & class::CAPITAL, 0);
        assert_eq!(w.ids[1], NO_WORD);
        assert_eq!(w.class(1) & !class::CAPITAL, 0);
        assert_eq!(w.surely(2, class::REPORTING), Some(true));
        assert_eq!(w.surely(3, class::PRONOUN), Some(true));
        assert_eq!(w.surely(3, class::DETERMINER), Some(false));
        assert!(w.may_be(4, class::FUTURE));
        // a token's id is its lower case's
        assert_eq!(w.ids[0], g.word_id("the"));
    }

    #[test]
    fn token_words_past_the_slow_tokens_kept_equal_the_plain_version() {
        // more tokens beyond ASCII or past 15 bytes than the loop keeps
        let g = gaz();
        let text =
            "The Caf\u{e9} said Xi visited Internationalisation, \u{201c}China\u{201d} ".repeat(30);
        let toks = tokenize(&text);
        let lowers = Lowered::new(&text, &toks);
        let w = g.token_words(&text, &toks, &lowers);
        let got: Vec<(WordId, u16)> = (0..toks.len()).map(|i| (w.ids[i], w.class(i))).collect();
        assert_eq!(got, plain_token_words(g, &text, &toks));
    }

    /// [`Gazetteer::token_words`] written plainly: each token's lower case
    /// (curly apostrophes straightened) looked up by its bytes.
    fn plain_token_words(g: &Gazetteer, text: &str, toks: &[Token]) -> Vec<(WordId, u16)> {
        toks.iter()
            .map(|t| {
                let s = t.text(text);
                let key = norm_token(s).to_lowercase();
                let id = g.words.get(key.as_bytes()).copied().unwrap_or(NO_WORD);
                if !s.is_ascii() {
                    return (id, u16::MAX);
                }
                let capital = if s.as_bytes()[0].is_ascii_uppercase() {
                    class::CAPITAL
                } else {
                    0
                };
                (
                    id,
                    g.classes.get(id as usize).copied().unwrap_or(0) | capital,
                )
            })
            .collect()
    }

    const WORD_PIECES: &[&str] = &[
        "The",
        "the",
        "said",
        "China",
        "U.S.",
        "\u{2019}s",
        "'s",
        "\u{201c}",
        "visit",
        "Xi",
        "Jinping",
        "Ministry",
        "of",
        "Foreign",
        "Affairs",
        "\u{2019}",
        "\u{e9}",
        "ASEAN",
        "internationalization",
        "Internationally-recognised",
        "2023",
        ",",
        ".",
        "\n",
        "C\u{f4}te",
        "d\u{2019}Ivoire",
        "d'Ivoire",
        "\u{2014}",
        "vice-president",
        "MINISTER",
        "a",
        "I",
        "(",
        "will",
        "not",
        "Belt",
        "and",
        "Road",
        "Initiative",
        "\u{130}stanbul",
        "\u{20ac}5",
        " ",
        " ",
        " ",
        "Zqxv",
        "\u{201d}",
        "Mr.",
        "Sept.",
        "S",
        "x",
    ];

    proptest::proptest! {
        #[test]
        fn token_words_equal_the_plain_version(
            pieces in proptest::collection::vec(proptest::sample::select(WORD_PIECES), 0..30),
        ) {
            let g = gaz();
            let text = pieces.concat();
            let toks = tokenize(&text);
            let lowers = Lowered::new(&text, &toks);
            let w = g.token_words(&text, &toks, &lowers);
            let got: Vec<(WordId, u16)> = (0..toks.len()).map(|i| (w.ids[i], w.class(i))).collect();
            let plain = plain_token_words(g, &text, &toks);
            proptest::prop_assert_eq!(&got, &plain);
            // and one token at a time
            let ids: Vec<WordId> = toks.iter().map(|t| g.word_id(t.text(&text))).collect();
            let plain_ids: Vec<WordId> = plain.iter().map(|p| p.0).collect();
            proptest::prop_assert_eq!(ids, plain_ids);
        }

        #[test]
        fn letter_words_are_the_tokens(name in "[a-zA-Z .'\u{e9}-]{0,16}") {
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            tokenize_into(&name, 0, name.len(), &mut plain);
            if letter_words(&name, &mut fast) {
                proptest::prop_assert_eq!(fast, plain);
            }
        }

        #[test]
        fn short_keys_are_the_lower_case_straightened(w in "[a-zA-Z'.\u{2000}-\u{20ff}\u{e9}\u{130}]{0,14}") {
            let mut buf = [0u8; 32];
            let plain = norm_token(&w).to_lowercase();
            match short_key(&w, &mut buf) {
                Some(n) => proptest::prop_assert_eq!(&buf[..n], plain.as_bytes()),
                None => {
                    let other = w.contains(['\u{e9}', '\u{130}']);
                    proptest::prop_assert!(other);
                }
            }
        }
    }

    #[test]
    fn the_lexicon_names_of_letter_words_are_their_tokens() {
        let lex = Lexicon::builtin().unwrap();
        let names = (lex.countries.iter())
            .flat_map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .chain(&c.demonyms)
            })
            .chain(
                lex.places
                    .iter()
                    .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
            )
            .chain(
                lex.titles
                    .iter()
                    .flat_map(|t| std::iter::once(&t.name).chain(&t.aliases)),
            )
            .chain(&lex.non_names);
        let (mut fast, mut plain, mut letters) = (Vec::new(), Vec::new(), 0);
        for name in names {
            fast.clear();
            plain.clear();
            tokenize_into(name, 0, name.len(), &mut plain);
            if letter_words(name, &mut fast) {
                assert_eq!(fast, plain, "{name:?}");
                letters += 1;
            }
        }
        assert!(letters > 1000, "{letters}");
    }

    #[test]
    fn every_short_word_is_found_in_its_table() {
        let g = gaz();
        let (mut small, mut long) = (0, 0);
        for (w, &id) in &g.words {
            let Some(k) = pack(w) else {
                continue;
            };
            let class = g.classes.get(id as usize).copied().unwrap_or(0);
            assert_eq!(g.short.get_classed(k), (id, class), "{w:?}");
            if w.len() < 8 {
                small += 1;
            } else {
                long += 1;
            }
        }
        assert!(small > 0 && long > 0);
        // no word has an empty key; other keys are missed
        assert_eq!(g.short.get_classed((0, 0)), (NO_WORD, 0));
        assert_eq!(g.word_id("zqxvzqxv"), NO_WORD);
        assert_eq!(g.word_id("zqxv"), NO_WORD);
        assert_eq!(
            ShortWords::default().get_classed((1, 1 << 56)),
            (NO_WORD, 0)
        );
    }

    proptest::proptest! {
        /// A word list answers as a search of its words would, whatever
        /// the first byte and length filters let through.
        #[test]
        fn word_list_has_is_the_plain_search(
            words in proptest::collection::vec("[a-eA-E\\-]{0,18}", 0..12),
            w in "[a-eA-E\\-]{0,18}",
        ) {
            let list = WordList::new(&words);
            proptest::prop_assert_eq!(list.has(&w), words.contains(&w));
            for x in &words {
                proptest::prop_assert!(list.has(x));
            }
        }
    }

    #[test]
    fn word_lists_match_as_written() {
        let g = gaz();
        assert!(g.name_connectors.has("of"));
        assert!(!g.name_connectors.has("Of"));
        assert!(!g.name_connectors.has("off"));
        assert!(!g.name_connectors.has(""));
        assert!(g.city_cues.has("towards"));
        let long = WordList::new(&["a-word-longer-than-fifteen".into(), "x".into()]);
        assert!(long.has("a-word-longer-than-fifteen"));
        assert!(long.has("x"));
        assert!(!long.has("a-word-longer-than-sixteen"));
    }

    #[test]
    fn a_pronoun_not_in_ascii_lower_case_is_an_error() {
        let mut lex = Lexicon::builtin().unwrap();
        lex.words.pronouns.push("Ella".into());
        let Err(e) = Gazetteer::new(&lex) else {
            panic!("accepted");
        };
        assert!(e.to_string().contains("words.pronouns"), "{e}");
    }
}
