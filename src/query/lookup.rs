//! Finding an entity by what an analyst types: an id, a name or alias seen in
//! the articles, an ISO alpha-3 code in capitals (`CHN`), or a country's name, alias or
//! capital from the lexicon (`America`, `PRC`); a name that means two
//! entities is said to be ambiguous.

use crate::graph::norm;
use crate::graph::skeleton::Skeleton;
use crate::model::EntityKind;
use std::collections::HashMap;

/// Country names from the lexicon (names, aliases, demonyms, capitals, codes)
/// to their ISO alpha-3 code; capitals are marked, as they also name a place.
#[derive(Clone, Debug, Default)]
pub struct CountryNames {
    by_name: HashMap<String, (String, bool)>,
}

impl CountryNames {
    /// The table from `(name, alpha-3, is a capital)` triples (first one wins).
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str, bool)>) -> CountryNames {
        let mut by_name = HashMap::new();
        for (name, code, capital) in entries {
            if !code.is_empty() && !name.is_empty() {
                by_name
                    .entry(norm(name))
                    .or_insert_with(|| (code.to_string(), capital));
            }
        }
        CountryNames { by_name }
    }

    /// The alpha-3 code a name means, and whether it is the country's capital.
    pub fn code_of(&self, name: &str) -> Option<(&str, bool)> {
        self.by_name
            .get(&norm(name))
            .map(|(c, cap)| (c.as_str(), *cap))
    }
}

/// What a name finds in a skeleton.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// One entity (a position in the skeleton's nodes).
    One(u32),
    /// Several entities the name may mean, most likely first.
    Ambiguous(Vec<u32>),
    /// No entity.
    Nothing,
}

/// Finds `name` in `sk`: an id; a name or alias of the graph; an ISO code of
/// a country in it; a name the lexicon gives a country (`names`). A name the
/// graph gives one entity and the lexicon another country (a capital:
/// "Beijing", the place, or China) is [`Found::Ambiguous`].
pub fn find(sk: &Skeleton, name: &str, names: &CountryNames) -> Found {
    if let Some(n) = sk.node_by_id(name) {
        return Found::One(n);
    }
    let country = |code: &str| {
        sk.nodes.iter().position(|n| {
            n.kind == EntityKind::Country && n.code.as_deref().is_some_and(|c| c == code)
        })
    };
    // codes are written in capitals: "Pak" is a prefix, not PAK
    let upper = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
    let by_code = upper(name.trim()).then(|| country(name.trim())).flatten();
    let (by_lexicon, capital) = match names.code_of(name) {
        Some((code, capital)) => (country(code), capital),
        None => (None, false),
    };
    let lexicon = by_code.or(by_lexicon).map(|i| i as u32);
    let graph = sk.lookup(name);
    if let (true, Some(a), Some(b)) = (capital, graph, lexicon) {
        // the graph may call the state by its capital, and have the city too
        let key = norm(name);
        let place = sk.nodes.iter().position(|n| {
            n.kind == EntityKind::Place
                && std::iter::once(&n.name)
                    .chain(&n.aliases)
                    .any(|x| norm(x) == key)
        });
        if let Some(p) = place.map(|p| p as u32).filter(|&p| a == b && p != a) {
            return Found::Ambiguous(vec![p, b]);
        }
    }
    match (graph, lexicon) {
        (Some(a), Some(b)) if a != b => {
            if capital || sk.nodes[a as usize].kind != EntityKind::Country {
                Found::Ambiguous(vec![a, b])
            } else {
                Found::One(a)
            }
        }
        (Some(a), _) | (None, Some(a)) => Found::One(a),
        (None, None) => Found::Nothing,
    }
}
