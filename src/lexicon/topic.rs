//! Topics a sentence names ("trade", "climate change"): the lexicon's topic
//! phrases compiled once, so that a sentence is matched by the ids of its
//! words and its topics come out named, sorted and without the shorter
//! topics a longer one covers.

use crate::lexicon::words::{class, TokenWords, WordId, NO_WORD};
use crate::text::token::{Lowered, Token};

/// The lexicon's topics, ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Topics {
    /// Each topic's lower-case words.
    words: Vec<Vec<String>>,
    /// Each topic's name: its words joined by blanks.
    names: Vec<String>,
    /// (first word id, topic) of the topics whose first word is ASCII,
    /// sorted: the topics an ASCII token can start.
    starts: Vec<(WordId, u16)>,
    /// Each topic's word ids ([`NO_WORD`] for a word beyond ASCII or
    /// unknown to the lexicon, to be compared as a string).
    ids: Vec<Vec<WordId>>,
    /// (first word, topic), sorted: the topics a token beyond ASCII can start.
    by_first: Vec<(String, u16)>,
    /// Each topic's place in the order of the topics' names.
    rank: Vec<u16>,
    /// For each topic, the longer topics whose name contains its name.
    covered_by: Vec<Vec<u16>>,
}

impl Topics {
    /// Compiles topic phrases (lower-case words each). They are filed by
    /// their first words' ids with [`Topics::file_by_first_word`] once the
    /// lexicon's word ids are final.
    pub fn new(words: Vec<Vec<String>>) -> Topics {
        let words: Vec<Vec<String>> = words.into_iter().take(usize::from(u16::MAX)).collect();
        let names: Vec<String> = words.iter().map(|t| t.join(" ")).collect();
        let index = |t: usize| t as u16;
        let mut by_name: Vec<u16> = (0..names.len()).map(index).collect();
        by_name.sort_by(|&a, &b| names[usize::from(a)].cmp(&names[usize::from(b)]));
        let mut rank = vec![0u16; names.len()];
        for (r, &t) in by_name.iter().enumerate() {
            rank[usize::from(t)] = r as u16;
        }
        let covered_by = names
            .iter()
            .map(|t| {
                (0..names.len())
                    .filter(|&o| names[o].len() > t.len() && names[o].contains(t.as_str()))
                    .map(index)
                    .collect()
            })
            .collect();
        let mut by_first: Vec<(String, u16)> = (words.iter().enumerate())
            .filter_map(|(t, w)| Some((w.first()?.clone(), index(t))))
            .collect();
        by_first.sort_unstable();
        Topics {
            words,
            names,
            starts: Vec::new(),
            ids: Vec::new(),
            by_first,
            rank,
            covered_by,
        }
    }

    /// Files the topics whose first word is ASCII under that word's id;
    /// `word_id` gives the id an ASCII token equal to a word has.
    pub fn file_by_first_word(&mut self, word_id: impl Fn(&str) -> WordId) {
        self.starts = self
            .words
            .iter()
            .enumerate()
            .filter_map(|(t, w)| {
                let first = w.first().filter(|w| w.is_ascii())?;
                Some((word_id(first), t as u16))
            })
            .collect();
        self.starts.sort_unstable();
        // a word whose id an ASCII token may have only when equal to it
        let id = |w: &String| match w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            true => word_id(w),
            false => NO_WORD,
        };
        self.ids = (self.words.iter())
            .map(|t| t.iter().map(id).collect())
            .collect();
    }

    /// The first words of the topics, for the lexicon's word classes.
    pub fn first_words(&self) -> impl Iterator<Item = &String> {
        self.words.iter().filter_map(|t| t.first())
    }

    /// The topics tokens `r` name, sorted, each once, leaving out a topic
    /// that a longer one named there covers.
    pub fn named(
        &self,
        (_text, _toks, lowers, words): (&str, &[Token], &Lowered, &TokenWords),
        r: std::ops::Range<usize>,
    ) -> Vec<String> {
        // the topics named: a sentence names a few of them
        let mut named: Vec<u16> = Vec::new();
        words.each_in(r.clone(), class::TOPIC, |k| {
            if lowers.is_ascii(k) {
                // an ASCII token starts only the topics filed under its id
                let id = words.ids[k];
                let from = self.starts.partition_point(|&(w, _)| w < id);
                for &(_, t) in self.starts[from..].iter().take_while(|&&(w, _)| w == id) {
                    self.check(t, k, (lowers, words), r.end, &mut named);
                }
            } else {
                let w = &lowers[k];
                let from = self.by_first.partition_point(|(f, _)| f.as_str() < w);
                for (_, t) in self.by_first[from..].iter().take_while(|(f, _)| f == w) {
                    self.check(*t, k, (lowers, words), r.end, &mut named);
                }
            }
        });
        if named.is_empty() {
            return Vec::new();
        }
        // in order of rank (each topic's its own), those no other named covers
        named.sort_unstable_by_key(|&t| self.rank[usize::from(t)]);
        let covered = |t: u16| {
            let by = &self.covered_by[usize::from(t)];
            by.iter().any(|o| named.contains(o))
        };
        let mut out: Vec<String> = Vec::with_capacity(named.len());
        for &t in named.iter().filter(|&&t| !covered(t)) {
            let name = &self.names[usize::from(t)];
            if out.last() != Some(name) {
                out.push(name.clone());
            }
        }
        out
    }

    /// Adds topic `t` to `named` if its words stand from token `k` on
    /// (before `end`) and it is not there yet: ASCII tokens compared by id.
    #[inline]
    fn check(
        &self,
        t: u16,
        k: usize,
        (lowers, words): (&Lowered, &TokenWords),
        end: usize,
        named: &mut Vec<u16>,
    ) {
        let ws = &self.words[usize::from(t)];
        let ids = self.ids.get(usize::from(t)).map_or(&[][..], Vec::as_slice);
        let same = |j: usize| match ids.get(j) {
            Some(&id) if id != NO_WORD && lowers.is_ascii(k + j) => words.ids[k + j] == id,
            _ => lowers[k + j] == *ws[j],
        };
        if !ws.is_empty() && k + ws.len() <= end && !named.contains(&t) && (0..ws.len()).all(same) {
            named.push(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::gazetteer::Gazetteer;
    use crate::text::token::{tokenize, Lowered};

    fn named(g: &Gazetteer, text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let lowers = Lowered::new(text, &toks);
        let words = g.token_words(text, &toks, &lowers);
        g.topics
            .named((text, &toks, &lowers, &words), 0..toks.len())
    }

    #[test]
    fn topics_come_sorted_once_and_longer_ones_cover_shorter() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        assert_eq!(
            named(&g, "Trade, energy and public health, and trade again."),
            ["energy", "public health", "trade"]
        );
        assert_eq!(
            named(&g, "Health and climate change."),
            ["climate change", "health"]
        );
        assert!(named(&g, "They met on Monday.").is_empty());
    }
}
