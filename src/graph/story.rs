//! One story printed by several outlets is one statement: occurrences of an
//! edge in the same month whose sentences have the same words (whitespace
//! aside) fold into one, the least of them, which keeps the others as its copies. Counts see
//! the statement once; evidence lists show every copy.

use super::Occurrence;
use crate::bytes::FxBuild;
use crate::model::Evidence;
use std::collections::HashMap;

impl Occurrence {
    /// Its evidence, then that of each copy: every sentence stating it.
    pub fn evidences(&self) -> impl Iterator<Item = &Evidence> {
        std::iter::once(&self.evidence).chain(self.copies.iter().map(|c| &c.evidence))
    }

    /// A hash of what copies of one story share: the sentence's words
    /// (whitespace aside) and the month.
    pub(crate) fn story_hash(&self) -> u64 {
        story_key(self.month(), self.evidence.words_hash())
    }

    /// Whether `other` tells the same story: a sentence with the same words
    /// in the same month (a paper prints a wire story a day or two later;
    /// the same sentence in another month is news again). A month, not a
    /// span of days, so that being the same story is an equivalence and the
    /// folding does not depend on the order statements arrive.
    pub(crate) fn same_story(&self, other: &Occurrence) -> bool {
        Told::same_story(self, other)
    }

    /// The year and month of its date, if it has one.
    fn month(&self) -> Option<(i32, u8)> {
        self.date.map(|d| (d.year, d.month))
    }

    /// The occurrence and each of its copies, as occurrences of their own.
    pub(crate) fn flatten(mut self) -> impl Iterator<Item = Occurrence> {
        let copies = std::mem::take(&mut self.copies);
        std::iter::once(self).chain(copies.into_iter().flat_map(Occurrence::flatten_one))
    }

    /// A copy on its own (a copy holds no copies; any it holds are kept out).
    fn flatten_one(mut self) -> Vec<Occurrence> {
        let mut v = std::mem::take(&mut self.copies);
        v.insert(0, self);
        v
    }
}

/// The statements a set of occurrences makes: flattened, sorted, each
/// evidence once; occurrences of the same story (see [`Occurrence::same_story`]) fold into
/// the least, the others its copies, in order. Depends on the set alone, not
/// on the order it comes in. The occurrences are sorted as positions (not
/// moved about), and each sentence's words are hashed once, for finding
/// both repeated evidence and copies.
pub(crate) fn fold_stories(v: Vec<Occurrence>) -> Vec<Occurrence> {
    let mut flat: Vec<Occurrence> = if v.iter().all(|o| o.copies.is_empty()) {
        v
    } else {
        v.into_iter().flat_map(Occurrence::flatten).collect()
    };
    if flat.len() < 2 {
        return flat;
    }
    let mut out: Vec<Occurrence> = Vec::new();
    for (lead, copies) in statements(&fold_order(&flat)) {
        let mut o = std::mem::take(&mut flat[lead as usize]);
        o.copies.extend(
            copies
                .iter()
                .map(|&i| std::mem::take(&mut flat[i as usize])),
        );
        out.push(o);
    }
    out
}

/// What folding reads of an occurrence, whether an [`Occurrence`] or one
/// read in place from the bytes of a cache; its order is [`Occurrence`]'s.
pub(crate) trait Told: Ord {
    /// Its date's year and month, if it has one.
    fn month(&self) -> Option<(i32, u8)>;
    /// Its evidence: article, sentence, start, end and text (UTF-8).
    fn evidence(&self) -> (&[u8], usize, usize, usize, &[u8]);

    /// A hash of its sentence's words (whitespace aside), as
    /// [`crate::text::sentence::words_hash`] of its text gives it.
    fn words_hash(&self) -> u64 {
        crate::bytes::words_hash_of(self.evidence().4)
    }

    /// Whether `o` tells the same story (see [`Occurrence::same_story`]);
    /// equal bytes are tested first, without reading them as text.
    fn same_story(&self, o: &Self) -> bool
    where
        Self: Sized,
    {
        self.story_text(o).is_some()
    }

    /// [`Told::same_story`] told with how: `None` if `o` tells another
    /// story, else whether its text is the same bytes.
    fn story_text(&self, o: &Self) -> Option<bool>
    where
        Self: Sized,
    {
        if self.month() != o.month() {
            return None;
        }
        if self.evidence().4 == o.evidence().4 {
            return Some(true);
        }
        crate::text::sentence::same_words(text(self), text(o)).then_some(false)
    }
}

impl Told for Occurrence {
    fn month(&self) -> Option<(i32, u8)> {
        Occurrence::month(self)
    }

    fn words_hash(&self) -> u64 {
        self.evidence.words_hash()
    }

    fn evidence(&self) -> (&[u8], usize, usize, usize, &[u8]) {
        let e = &self.evidence;
        (
            e.article.as_bytes(),
            e.sentence,
            e.start,
            e.end,
            e.text.as_bytes(),
        )
    }
}

/// How the occurrences `flat` (none holding copies) fold: in order, each
/// kept beside the position of its story's leader (see [`fold_stories`]).
pub(crate) fn fold_order<T: Told>(flat: &[T]) -> Vec<(u32, u32)> {
    fold_sorted(flat, &sorted_order(flat)).0
}

/// The places of `flat` in sorted order (a stable sort's).
pub(crate) fn sorted_order<T: Told>(flat: &[T]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..flat.len() as u32).collect();
    order.sort_by(|&a, &b| flat[a as usize].cmp(&flat[b as usize]));
    order
}

/// [`fold_order`] of `flat`, whose places in sorted order (a stable sort's)
/// are `order` already; with it, per place, whether a copy's text is the
/// same bytes as its leader's (folding compared them: a writer need not).
pub(crate) fn fold_sorted<T: Told>(flat: &[T], order: &[u32]) -> (Vec<(u32, u32)>, Vec<bool>) {
    let words: Vec<u64> = flat.iter().map(Told::words_hash).collect();
    let mut evidence = Chains::new(flat.len());
    let mut stories = Chains::new(flat.len());
    // per occurrence kept, in order: the position of its story's leader
    let mut leads: Vec<(u32, u32)> = Vec::with_capacity(flat.len());
    let mut same_text = vec![false; flat.len()];
    for &i in order {
        let (o, w) = (&flat[i as usize], words[i as usize]);
        let key = evidence_key(o.evidence(), w);
        if evidence
            .find_or_push(key, i, |j| flat[j as usize].evidence() == o.evidence())
            .is_some()
        {
            continue;
        }
        let key = story_key(o.month(), w);
        let lead = stories
            .find_or_push(key, i, |j| {
                let same = flat[j as usize].story_text(o);
                same_text[i as usize] = same == Some(true);
                same.is_some()
            })
            .unwrap_or(i);
        leads.push((lead, i));
    }
    (leads, same_text)
}

/// The text of `o`'s evidence; one that is not UTF-8 (damage) is taken as
/// empty here, and refused by the writer.
fn text<T: Told>(o: &T) -> &str {
    std::str::from_utf8(o.evidence().4).unwrap_or_default()
}

/// The statements of `leads` (each kept occurrence beside its leader, in
/// order, as [`fold_order`] gives them): every leader with its copies.
pub(crate) fn statements(leads: &[(u32, u32)]) -> Vec<(u32, Vec<u32>)> {
    let mut out: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut at: HashMap<u32, usize, FxBuild> = HashMap::default();
    for &(lead, i) in leads {
        if lead == i {
            at.insert(i, out.len());
            out.push((i, Vec::new()));
        } else if let Some(&k) = at.get(&lead) {
            out[k].1.push(i);
        }
    }
    out
}

/// A hash of a piece of evidence, its sentence's words hashed already
/// (equal evidence, equal key).
fn evidence_key(
    (article, sentence, start, end, _): (&[u8], usize, usize, usize, &[u8]),
    words: u64,
) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::bytes::Fx::default();
    h.write_u64(words);
    h.write(article);
    h.write_usize(sentence);
    h.write_usize(start);
    h.write_usize(end);
    h.finish()
}

/// [`Occurrence::story_hash`] of an occurrence of `month`, its sentence's
/// words hashed already (`words`).
fn story_key(month: Option<(i32, u8)>, words: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::bytes::Fx::default();
    h.write_u64(words);
    month.hash(&mut h);
    h.finish()
}

/// Positions by key: for each key, the positions pushed with it, as a chain
/// through one array (no list of its own per key).
struct Chains {
    first: HashMap<u64, u32, FxBuild>,
    next: Vec<u32>,
}

impl Chains {
    const END: u32 = u32::MAX;

    fn new(n: usize) -> Chains {
        Chains {
            first: HashMap::with_capacity_and_hasher(n, FxBuild),
            next: vec![Chains::END; n],
        }
    }

    /// The first position pushed with `key` that `is` accepts; if there is
    /// none, `i` (not pushed before) is pushed with `key`. One lookup of `key`.
    fn find_or_push(&mut self, key: u64, i: u32, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        match self.first.entry(key) {
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let mut j = *o.get();
                while j != Chains::END {
                    if is(j) {
                        return Some(j);
                    }
                    j = self.next[j as usize];
                }
                self.next[i as usize] = o.insert(i);
            }
            // its chain's end, as `new` left it
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
            }
        }
        None
    }
}

/// Takes an article's evidence out of an edge's statements: a statement
/// stated there gives way to its least copy, if it has one.
pub(crate) fn drop_article(v: &mut Vec<Occurrence>, article: &str) {
    if !v
        .iter()
        .any(|o| o.evidences().any(|e| e.article == article))
    {
        return;
    }
    let left: Vec<Occurrence> = std::mem::take(v)
        .into_iter()
        .flat_map(Occurrence::flatten)
        .filter(|o| o.evidence.article != article)
        .collect();
    *v = fold_stories(left);
}

/// How many sentences state the occurrences of `v`, copies included.
pub(crate) fn evidence_count(v: &[Occurrence]) -> usize {
    v.iter().map(|o| 1 + o.copies.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(article: &str, text: &str) -> Occurrence {
        Occurrence {
            cameo: "040".into(),
            evidence: Evidence {
                article: article.into(),
                sentence: 1,
                start: 0,
                end: text.len(),
                text: text.into(),
            },
            ..Occurrence::default()
        }
    }

    #[test]
    fn copies_fold_into_the_least_whatever_the_order() {
        let a = occ("b-wire", "China  and Pakistan met.");
        let b = occ("a-paper", "China and\nPakistan met.");
        let c = occ("c-other", "China and Pakistan met again.");
        let one = fold_stories(vec![a.clone(), b.clone(), c.clone()]);
        let two = fold_stories(vec![c.clone(), a.clone(), b.clone()]);
        assert_eq!(one, two);
        assert_eq!(one.len(), 2, "two stories");
        let story = one.iter().find(|o| !o.copies.is_empty()).unwrap();
        assert_eq!(story.evidence.article, "a-paper", "the least leads");
        assert_eq!(story.copies, vec![a.clone()]);
        assert_eq!(evidence_count(&one), 3);
        // folding again changes nothing
        assert_eq!(fold_stories(one.clone()), one);
    }

    #[test]
    fn the_same_sentence_in_another_month_is_another_statement() {
        let a = occ("a", "Japan praised India.");
        let mut b = occ("b", "Japan praised India.");
        b.date = crate::text::date::Date::new(2024, 5, 31);
        assert_eq!(fold_stories(vec![a.clone(), b.clone()]).len(), 2);
        // printed again two days later: the same story
        let mut c = occ("c", "Japan  praised India.");
        c.date = crate::text::date::Date::new(2024, 5, 29);
        assert_eq!(fold_stories(vec![a.clone(), b.clone(), c]).len(), 2);
        // a year later: news again
        let mut d = occ("d", "Japan praised India.");
        d.date = crate::text::date::Date::new(2025, 5, 31);
        assert_eq!(fold_stories(vec![a, b, d]).len(), 3);
    }

    #[test]
    fn dropping_the_leading_article_promotes_its_copy() {
        let a = occ("a", "Japan praised India.");
        let b = occ("b", "Japan praised India.");
        let mut v = fold_stories(vec![a, b.clone()]);
        assert_eq!(v.len(), 1);
        drop_article(&mut v, "a");
        assert_eq!(v, vec![b]);
        drop_article(&mut v, "b");
        assert!(v.is_empty());
    }
}
