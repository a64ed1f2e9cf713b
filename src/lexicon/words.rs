//! The lexicon's words as the rules see them: word ids, the word-set bits
//! of a token's class, and an article's tokens looked up once. Shared by the
//! compiled lexicon ([`crate::lexicon::gazetteer`]) and the stages that read it.

/// A word of the lexicon's phrases, by its lower-case form; [`NO_WORD`] for
/// any other.
pub type WordId = u32;

/// The id of a word no lexicon phrase has.
pub const NO_WORD: WordId = WordId::MAX;

/// Word sets as bits of a token's class: a token whose bit is clear is
/// surely not in that set (one whose bit is set may be: look it up).
pub mod class {
    pub const TITLE_MODIFIER: u16 = 1;
    pub const HONORIFIC: u16 = 1 << 1;
    pub const NON_NAME: u16 = 1 << 2;
    pub const NAME_PARTICLE: u16 = 1 << 3;
    pub const CUE: u16 = 1 << 4;
    pub const REPORTING: u16 = 1 << 5;
    pub const NEGATION: u16 = 1 << 6;
    pub const FUTURE: u16 = 1 << 7;
    /// The first word of a topic.
    pub const TOPIC: u16 = 1 << 8;
    /// A word of a date: a month or its abbreviation, a weekday, "today".
    pub const DATE: u16 = 1 << 9;
    /// The first word of a lexicon phrase.
    pub const BEGINS: u16 = 1 << 10;
    /// A determiner a person phrase may begin with (the lexicon's
    /// `determiners`: "the", "his").
    pub const DETERMINER: u16 = 1 << 11;
    /// A pronoun that stands for a person (the lexicon's `pronouns`).
    pub const PRONOUN: u16 = 1 << 13;
    /// A noun a phrase standing for a state ends in (the lexicon's
    /// `country_heads` and `described_heads`: "country", "kingdom").
    pub const COUNTRY_HEAD: u16 = 1 << 14;
    /// A first-person word ("I", "our"), as written: the lexicon's `first_person`.
    pub const FIRST_PERSON: u16 = 1 << 15;
    /// Not a word set: set on a token whose first byte is an ASCII capital.
    pub const CAPITAL: u16 = 1 << 12;
}

/// The lexicon's view of an article's tokens, worked out once: each token's
/// [`WordId`] and the word sets it may be in.
#[derive(Clone, Debug, Default)]
pub struct TokenWords {
    pub ids: Vec<WordId>,
    classes: Vec<u16>,
    /// The classes whose bit an ASCII token has exactly when its lower
    /// case is in the set (every word of the set is its own key).
    exact: u16,
}

impl TokenWords {
    /// The words of an article's tokens: their ids, their class bits, and
    /// the classes that are exact (see [`TokenWords::surely`]).
    #[inline]
    pub(crate) fn new(ids: Vec<WordId>, classes: Vec<u16>, exact: u16) -> TokenWords {
        TokenWords {
            ids,
            classes,
            exact,
        }
    }

    /// Its lists of ids and classes, to be filled again for another article.
    #[inline]
    pub(crate) fn into_lists(self) -> (Vec<WordId>, Vec<u16>) {
        (self.ids, self.classes)
    }

    /// The class bits of token `i`; `u16::MAX` beyond ASCII (may be anything).
    #[inline]
    pub fn class(&self, i: usize) -> u16 {
        self.classes[i]
    }

    /// Whether token `i` is in a set of `class` (one bit), when its class
    /// bits tell: `Some(false)` when the bit is clear, `Some(true)` when
    /// it is set on an ASCII token and the class is exact; `None` when the
    /// set must be asked with the token's lower case.
    #[inline]
    pub fn surely(&self, i: usize, class: u16) -> Option<bool> {
        let c = self.classes[i];
        if c & class == 0 {
            Some(false)
        } else if c != u16::MAX && self.exact & class != 0 {
            Some(true)
        } else {
            None
        }
    }

    /// Whether token `i` may be in a set of `class`; `false` means surely not.
    pub fn may_be(&self, i: usize, class: u16) -> bool {
        self.classes[i] & class != 0
    }

    /// Bit `i - r.start` set for each token `i` of `r` (64 at most) that
    /// may be in a set of `class`: a sentence's candidates at once.
    #[inline]
    pub fn mask_in(&self, r: std::ops::Range<usize>, class: u16) -> u64 {
        crate::bytes::class_mask(self.classes.get(r).unwrap_or_default(), class)
    }

    /// The tokens among `r` that may be in a set of `class`, in order.
    #[inline]
    pub fn may_be_in(
        &self,
        r: std::ops::Range<usize>,
        class: u16,
    ) -> impl Iterator<Item = usize> + '_ {
        let from = r.start;
        self.classes
            .get(r)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(move |&(_, &c)| c & class != 0)
            .map(move |(k, _)| from + k)
    }

    /// Calls `f` with each token among `r` that may be in a set of
    /// `class`, in order, as [`TokenWords::may_be_in`] gives them (see
    /// [`TokenWords::find_in`]).
    #[inline]
    pub fn each_in(&self, r: std::ops::Range<usize>, class: u16, mut f: impl FnMut(usize)) {
        self.find_in(r, class, |i| {
            f(i);
            None::<()>
        });
    }

    /// The first `Some` that `f` gives of the tokens among `r` that may be
    /// in a set of `class`, in order, as [`TokenWords::may_be_in`] gives
    /// them: by their bits of [`TokenWords::mask_in`], 64 at a time (for
    /// long ranges, a sentence's; none for a range beyond the tokens).
    #[inline]
    pub fn find_in<T>(
        &self,
        r: std::ops::Range<usize>,
        class: u16,
        mut f: impl FnMut(usize) -> Option<T>,
    ) -> Option<T> {
        self.classes.get(r.clone())?;
        let mut base = r.start;
        while base < r.end {
            let top = r.end.min(base + 64);
            let mut mask = self.mask_in(base..top, class);
            while mask != 0 {
                if let Some(x) = f(base + mask.trailing_zeros() as usize) {
                    return Some(x);
                }
                mask &= mask - 1;
            }
            base = top;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn each_in_and_find_in_are_may_be_in(
            classes in proptest::collection::vec(prop_oneof![Just(0u16), Just(1u16), any::<u16>()], 0..200),
            from in 0usize..210,
            len in 0usize..210,
            class in any::<u16>(),
        ) {
            let words = TokenWords::new(vec![NO_WORD; classes.len()], classes, 0);
            let r = from..from + len;
            let mut each = Vec::new();
            words.each_in(r.clone(), class, |k| each.push(k));
            prop_assert_eq!(&each, &words.may_be_in(r.clone(), class).collect::<Vec<_>>());
            // the first of them past a threshold, as `find_map` finds it
            let past = |k: usize| (k > from + len / 2).then_some(k);
            prop_assert_eq!(words.find_in(r.clone(), class, past), each.iter().copied().find_map(past));
        }
    }
}
