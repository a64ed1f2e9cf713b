//! Article ids interned: a graph numbers each article it meets once (its
//! [`ArticleTable`]), and a node keeps the numbers of the articles it appears
//! in ([`ArticleIds`], four bytes each) instead of a set of strings. The
//! numbers follow the order articles came in; written lists are sorted by
//! name ([`Ranks`]), so the files do not depend on that order.

use crate::bytes::FxBuild;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The articles a node appears in, as numbers of its graph's article table,
/// ascending. [`crate::Graph::articles_of`] gives their names, sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleIds(Vec<u32>);

impl ArticleIds {
    /// How many articles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The numbers, ascending.
    pub fn ids(&self) -> &[u32] {
        &self.0
    }

    /// Adds article `a`; returns whether it was new. An article numbered
    /// after every other (the usual case: a new article) is pushed.
    pub(crate) fn insert(&mut self, a: u32) -> bool {
        if self.0.last().is_none_or(|&l| l < a) {
            self.0.push(a);
            return true;
        }
        match self.0.binary_search(&a) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, a);
                true
            }
        }
    }

    /// Removes article `a`, if listed.
    pub(crate) fn remove(&mut self, a: u32) {
        if let Ok(i) = self.0.binary_search(&a) {
            self.0.remove(i);
        }
    }

    /// Keeps the articles `keep` says yes to.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&u32) -> bool) {
        self.0.retain(keep);
    }
}

/// Every article id a graph has met, numbered in the order met. A number
/// stays with its id for the graph's life (an article removed and built
/// again gets it back).
#[derive(Clone, Debug, Default)]
pub(crate) struct ArticleTable {
    names: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32, FxBuild>,
}

impl ArticleTable {
    /// The number of `name`, given one if new.
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        if let Some(&a) = self.ids.get(name) {
            return a;
        }
        let a = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let name: Arc<str> = Arc::from(name);
        self.names.push(name.clone());
        self.ids.insert(name, a);
        a
    }

    /// The number of `name`, if met.
    pub(crate) fn id(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// The name numbered `a` ("" for a number never given).
    pub(crate) fn name(&self, a: u32) -> &str {
        self.names.get(a as usize).map_or("", |n| n)
    }
}

/// Each number's place among a graph's listed articles (`Graph::articles`,
/// sorted by name): turns a node's numbers into its list as written.
pub(crate) struct Ranks<'a> {
    /// The listed articles, by name.
    pub(crate) names: Vec<&'a str>,
    /// Per number, its place in `names` (`u32::MAX` for one not listed).
    rank: Vec<u32>,
}

impl<'a> Ranks<'a> {
    /// The ranks of `table`'s numbers among the `listed` articles.
    pub(crate) fn new<V>(table: &ArticleTable, listed: &'a BTreeMap<String, V>) -> Ranks<'a> {
        let mut rank = vec![u32::MAX; table.names.len()];
        let mut names = Vec::with_capacity(listed.len());
        for (i, a) in listed.keys().enumerate() {
            if let Some(id) = table.id(a) {
                rank[id as usize] = i as u32;
            }
            names.push(a.as_str());
        }
        Ranks { names, rank }
    }

    /// The places of `ids` among the listed articles, ascending (the order
    /// of their names); `None` if one is not listed.
    pub(crate) fn places(&self, ids: &ArticleIds) -> Option<Vec<u32>> {
        let mut v: Vec<u32> = Vec::with_capacity(ids.len());
        for &a in ids.ids() {
            let r = *self.rank.get(a as usize)?;
            if r == u32::MAX {
                return None;
            }
            v.push(r);
        }
        v.sort_unstable();
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_lists_sort_by_name_whatever_the_order_met() {
        let mut t = ArticleTable::default();
        let names = ["c", "a", "b", "a"];
        let ids: Vec<u32> = names.iter().map(|n| t.intern(n)).collect();
        assert_eq!(ids, [0, 1, 2, 1], "a name met again keeps its number");
        for (n, &a) in names.iter().zip(&ids) {
            assert_eq!(t.name(a), *n);
            assert_eq!(t.id(n), Some(a));
        }
        assert_eq!(t.id("d"), None);
        let mut list = ArticleIds::default();
        for &a in &[2, 0, 1, 0] {
            list.insert(a);
        }
        assert_eq!(list.ids(), [0, 1, 2], "ascending, each once");
        let listed: BTreeMap<String, ()> = ["a", "b", "c"].map(|s| (s.into(), ())).into();
        let ranks = Ranks::new(&t, &listed);
        let places = ranks.places(&list).unwrap();
        let written: Vec<&str> = places.iter().map(|&p| ranks.names[p as usize]).collect();
        assert_eq!(written, ["a", "b", "c"]);
        list.remove(1);
        assert_eq!(list.ids(), [0, 2]);
        let unlisted: BTreeMap<String, ()> = [("c".into(), ())].into();
        assert_eq!(Ranks::new(&t, &unlisted).places(&list), None);
    }
}
