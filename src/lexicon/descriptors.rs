//! What news calls a state in place of its name ("the Gulf kingdom", "the
//! west African country"), compiled: each state's descriptor words as bits,
//! and the nouns such a phrase ends in.

use crate::bytes::FxBuild;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use std::collections::{HashMap, HashSet};

/// The most descriptor words the lexicons may hold together (bits of a `u128`).
pub const MAX_WORDS: usize = 128;

/// Descriptor word bits as two words, to keep what holds them 8-aligned.
#[inline]
pub fn split(words: u128) -> [u64; 2] {
    [words as u64, (words >> 64) as u64]
}

/// The bits [`split`] gave.
#[inline]
pub fn join(words: [u64; 2]) -> u128 {
    u128::from(words[0]) | (u128::from(words[1]) << 64)
}

/// The lexicon's state descriptors, ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Descriptors {
    /// Nouns a descriptor ends in: country, nation, kingdom.
    heads: HashSet<Box<str>, FxBuild>,
    /// Heads that need a descriptor word before them: state, island.
    described: HashSet<Box<str>, FxBuild>,
    /// Words that make the phrase stand for no state named before: first, host.
    stops: HashSet<Box<str>, FxBuild>,
    /// Each descriptor word with its bit.
    bits: HashMap<Box<str>, u128, FxBuild>,
    /// Each state's words as bits, by country id.
    masks: Vec<u128>,
}

/// What a word of a descriptor phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The noun it ends in; `needs_word`: only after a descriptor word.
    Head { bit: u128, needs_word: bool },
    /// A word some state is described by ("gulf", "landlocked").
    Word(u128),
    /// A word that makes it no descriptor ("first", "host").
    Stop,
    /// Any other word ("neighbouring"): passed over.
    Other,
}

impl Descriptors {
    /// Compiles the descriptors of `lex`; `code_index` gives each alpha-3
    /// code its country id, of `countries` in all.
    pub(crate) fn new(
        lex: &Lexicon,
        code_index: &HashMap<String, u32, FxBuild>,
        countries: usize,
    ) -> Result<Descriptors> {
        let w = &lex.words;
        let set = |v: &[String]| v.iter().map(|x| x.to_lowercase().into()).collect();
        let mut d = Descriptors {
            heads: set(&w.country_heads),
            described: set(&w.described_heads),
            stops: set(&w.descriptor_stops),
            bits: HashMap::default(),
            masks: vec![0; countries],
        };
        for e in &lex.descriptors {
            let Some(&id) = code_index.get(&e.country) else {
                return Err(Error::Lexicon {
                    origin: "descriptors".into(),
                    message: format!("no country has the code {:?}", e.country),
                });
            };
            for word in &e.words {
                let bit = d.bit_of(word)?;
                d.masks[id as usize] |= bit;
            }
        }
        Ok(d)
    }

    /// The bit of `word`, given it if new.
    fn bit_of(&mut self, word: &str) -> Result<u128> {
        if let Some(&b) = self.bits.get(word) {
            return Ok(b);
        }
        let n = self.bits.len();
        if n >= MAX_WORDS {
            return Err(Error::Lexicon {
                origin: "descriptors".into(),
                message: format!(
                    "more than {MAX_WORDS} different descriptor words (at {word:?}): merge some"
                ),
            });
        }
        self.bits.insert(word.into(), 1 << n);
        Ok(1 << n)
    }

    /// What lower-case `word` is in a descriptor phrase.
    #[inline]
    pub fn part(&self, word: &str) -> Part {
        let bit = self.bits.get(word).copied();
        if self.heads.contains(word) || self.described.contains(word) {
            return Part::Head {
                bit: bit.unwrap_or(0),
                needs_word: self.described.contains(word),
            };
        }
        if self.stops.contains(word) {
            return Part::Stop;
        }
        bit.map_or(Part::Other, Part::Word)
    }

    /// Whether country `id` has every word of `words` (bits).
    #[inline]
    pub fn fits(&self, id: u32, words: u128) -> bool {
        self.masks
            .get(id as usize)
            .is_some_and(|&m| m & words == words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{DescriptorEntry, Lexicon};

    fn lexicon(entries: &[(&str, &[&str])]) -> Lexicon {
        let mut lex = Lexicon::default();
        lex.words.country_heads = vec!["country".into(), "kingdom".into()];
        lex.words.described_heads = vec!["state".into()];
        lex.words.descriptor_stops = vec!["first".into()];
        lex.descriptors = entries
            .iter()
            .map(|(c, w)| DescriptorEntry {
                country: c.to_string(),
                words: w.iter().map(|x| x.to_string()).collect(),
            })
            .collect();
        lex
    }

    fn codes() -> HashMap<String, u32, FxBuild> {
        [("SAU", 0), ("CAN", 1)]
            .into_iter()
            .map(|(c, i)| (c.to_string(), i))
            .collect()
    }

    #[test]
    fn a_state_fits_the_words_it_has() {
        let lex = lexicon(&[("SAU", &["gulf", "kingdom"]), ("CAN", &["north"])]);
        let d = Descriptors::new(&lex, &codes(), 2).unwrap();
        let Part::Word(gulf) = d.part("gulf") else {
            panic!("gulf is a word")
        };
        let Part::Head { bit: kingdom, .. } = d.part("kingdom") else {
            panic!("kingdom is a head")
        };
        assert!(d.fits(0, gulf | kingdom));
        assert!(!d.fits(1, gulf));
        assert!(d.fits(1, 0), "no word: any state fits");
        assert_eq!(d.part("first"), Part::Stop);
        assert_eq!(d.part("impoverished"), Part::Other);
        assert_eq!(
            d.part("state"),
            Part::Head {
                bit: 0,
                needs_word: true
            }
        );
    }

    #[test]
    fn unknown_codes_and_too_many_words_are_refused() {
        let bad = lexicon(&[("XYZ", &["gulf"])]);
        let e = Descriptors::new(&bad, &codes(), 2).unwrap_err();
        assert!(e.to_string().contains("XYZ"), "{e}");
        let words: Vec<String> = (0..=MAX_WORDS).map(|i| format!("w{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let many = lexicon(&[("SAU", &refs)]);
        let e = Descriptors::new(&many, &codes(), 2).unwrap_err();
        assert!(e.to_string().contains("128"), "{e}");
    }
}
