//! The word lists of the extraction's rules (noise, credits, dates,
//! speakers, compounds), compiled once with the lexicon.

use crate::lexicon::Words;
use crate::text::date::Date;

/// A few words, compared as they are.
#[derive(Clone, Debug, Default)]
pub(crate) struct List(Box<[Box<str>]>);

impl List {
    fn new(words: &[String]) -> List {
        List(words.iter().map(|w| w.as_str().into()).collect())
    }

    /// The words in lower case.
    fn lower(words: &[String]) -> List {
        List(words.iter().map(|w| w.to_lowercase().into()).collect())
    }

    /// Whether `w` is one of the words.
    #[inline]
    pub(crate) fn has(&self, w: &str) -> bool {
        self.has_bytes(w.as_bytes())
    }

    /// Whether `w` is the bytes of one of the words.
    #[inline]
    pub(crate) fn has_bytes(&self, w: &[u8]) -> bool {
        // length and first byte first: most words are out without a memcmp
        self.0.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == w.len() && x.first() == w.first() && x == w
        })
    }
}

/// A credit mark, compiled for searching: its bytes' finder, and whether it
/// is a word (else a sign).
#[derive(Clone, Debug)]
pub(crate) struct CreditMark {
    pub(crate) finder: memchr::memmem::Finder<'static>,
    pub(crate) word: bool,
}

impl CreditMark {
    fn new(mark: &str) -> CreditMark {
        CreditMark {
            finder: memchr::memmem::Finder::new(mark.as_bytes()).into_owned(),
            word: mark.starts_with(char::is_alphanumeric),
        }
    }

    /// The mark's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.finder.needle()
    }
}

/// The word lists of the extraction's own rules ([`Words`]), compiled once with
/// the lexicon ([`Gazetteer::extract_words`]).
#[derive(Clone, Debug, Default)]
pub struct ExtractWords {
    pub(crate) related_headers: List,
    pub(crate) photo_headers: List,
    pub(crate) photo_links: List,
    /// The credit marks ("Copyright", "©"), each searched for in an
    /// article's bytes.
    pub(crate) credit_marks: Box<[CreditMark]>,
    pub(crate) agencies: List,
    pub(crate) months_needing_day: List,
    pub(crate) forward_days: List,
    /// Lower case, with their distance in days.
    pub(crate) relative_days: Box<[(String, i64)]>,
    pub(crate) reporting_after: List,
    pub(crate) backing_suffixes: List,
    pub(crate) meeting_nouns: List,
    pub(crate) third_venues: List,
    pub(crate) mediation_words: List,
    pub(crate) beneficiary_words: List,
    pub(crate) invitation_words: List,
    pub(crate) victim_nouns: List,
    /// Lower case.
    resident_envoys: Box<[String]>,
    /// Lower case.
    travelling_envoys: Box<[String]>,
}

impl ExtractWords {
    /// Compiles the lists of `w`.
    pub fn new(w: &Words) -> ExtractWords {
        ExtractWords {
            related_headers: List::new(&w.related_headers),
            photo_headers: List::new(&w.photo_headers),
            photo_links: List::new(&w.photo_links),
            credit_marks: w.credit_marks.iter().map(|m| CreditMark::new(m)).collect(),
            agencies: List::new(&w.agencies),
            months_needing_day: List::new(&w.months_needing_day),
            forward_days: List::lower(&w.forward_days),
            relative_days: w
                .relative_days
                .iter()
                .map(|(d, n)| (d.to_lowercase(), i64::from(*n)))
                .collect(),
            reporting_after: List::lower(&w.reporting_after),
            backing_suffixes: List::new(&w.backing_suffixes),
            meeting_nouns: List::lower(&w.meeting_nouns),
            third_venues: List::lower(&w.third_venues),
            mediation_words: List::lower(&w.mediation_words),
            beneficiary_words: List::lower(&w.beneficiary_words),
            invitation_words: List::lower(&w.invitation_words),
            victim_nouns: List::lower(&w.victim_nouns),
            resident_envoys: w.resident_envoys.iter().map(|t| t.to_lowercase()).collect(),
            travelling_envoys: w
                .travelling_envoys
                .iter()
                .map(|t| t.to_lowercase())
                .collect(),
        }
    }

    /// The words naming a day relative to the article's, in lower case:
    /// words a date may start from.
    pub fn relative_day_words(&self) -> impl Iterator<Item = &String> {
        self.relative_days.iter().map(|(w, _)| w)
    }

    /// The day a relative day word (any ASCII case) names, from `base`;
    /// `None` past the years a date can have.
    #[inline]
    pub(crate) fn relative_day(&self, w: &str, base: Date) -> Option<Date> {
        let &(_, n) = self
            .relative_days
            .iter()
            .find(|(d, _)| w.eq_ignore_ascii_case(d))?;
        if n == 0 {
            return Some(base);
        }
        let d = Date::from_days(base.days() + n);
        Date::new(d.year, d.month, d.day)
    }

    /// Whether a title (lower case) is an envoy's, resident or travelling.
    pub(crate) fn is_envoy(&self, title: &str) -> bool {
        let mut envoys = self.resident_envoys.iter().chain(&*self.travelling_envoys);
        envoys.any(|w| title.contains(w.as_str()))
    }

    /// Whether a title (lower case) is a resident envoy's: an ambassador
    /// lives where posted, a special envoy travels.
    pub(crate) fn is_resident_envoy(&self, title: &str) -> bool {
        !self
            .travelling_envoys
            .iter()
            .any(|w| title.contains(w.as_str()))
            && self
                .resident_envoys
                .iter()
                .any(|w| title.contains(w.as_str()))
    }
}
