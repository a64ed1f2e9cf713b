//! The word lists the relation rules read (prepositions, determiners,
//! reporting adverbs...), compiled once with the lexicon: by word id, the
//! lists a word is in.

use crate::lexicon::words::{WordId, NO_WORD};
use crate::lexicon::Words;

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
