//! The compiled lexicon: phrase tables that find known names in a token
//! stream in one pass, and the word sets the rules consult.

use crate::error::Result;
use crate::lexicon::{compile_cues, CueEntry, Lexicon, Pattern};
use crate::token::{tokenize, Token};
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
    rest: Box<[Box<str>]>,
    folded: bool,
    known: Known,
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
}

/// The lexicon compiled for matching.
#[derive(Debug)]
pub struct Gazetteer {
    exact: HashMap<Box<str>, Vec<Phrase>, FxBuild>,
    folded: HashMap<Box<str>, Vec<Phrase>, FxBuild>,
    pub countries: Vec<CountryInfo>,
    pub places: Vec<Named>,
    pub orgs: Vec<Named>,
    pub bodies: Vec<Named>,
    pub initiatives: Vec<String>,
    pub titles: Vec<String>,
    pub cues: Vec<CueEntry>,
    pub cue_index: HashMap<String, Vec<Pattern>, FxBuild>,
    pub non_names: HashSet<String, FxBuild>,
    pub reporting: HashSet<String, FxBuild>,
    pub negation: HashSet<String, FxBuild>,
    pub future: HashSet<String, FxBuild>,
    pub title_modifiers: HashSet<String, FxBuild>,
    pub name_particles: HashSet<String, FxBuild>,
    pub org_heads: HashSet<String, FxBuild>,
    pub initiative_heads: HashSet<String, FxBuild>,
    pub place_heads: HashSet<String, FxBuild>,
    pub honorifics: HashSet<String, FxBuild>,
    /// Topic phrases, lower-case words.
    pub topics: Vec<Vec<String>>,
    pub code_index: HashMap<String, u32, FxBuild>,
    /// Known office-holders.
    pub people: Vec<PersonInfo>,
    /// Full names and aliases of known people.
    pub person_names: HashMap<String, u32, FxBuild>,
    /// Surnames (first or last word) of known people.
    pub person_surnames: HashMap<String, Vec<u32>, FxBuild>,
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
        Option<crate::date::Date>,
        Option<crate::date::Date>,
    )>,
}

impl PersonInfo {
    /// Whether a role of theirs was held on `d` (any role when `d` is unknown).
    pub fn active(
        &self,
        d: Option<crate::date::Date>,
    ) -> Option<&(
        String,
        String,
        Option<crate::date::Date>,
        Option<crate::date::Date>,
    )> {
        self.roles.iter().rev().find(|(_, _, from, to)| match d {
            None => to.is_none(),
            Some(d) => from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t),
        })
    }
}

pub use crate::cache::{Fx, FxBuild};

fn set(v: &[String]) -> HashSet<String, FxBuild> {
    v.iter().cloned().collect()
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

impl Gazetteer {
    /// Compiles a lexicon.
    pub fn new(lex: &Lexicon) -> Result<Gazetteer> {
        let w = &lex.words;
        let mut g = Gazetteer {
            exact: HashMap::default(),
            folded: HashMap::default(),
            countries: Vec::new(),
            places: Vec::new(),
            orgs: Vec::new(),
            bodies: Vec::new(),
            initiatives: Vec::new(),
            titles: Vec::new(),
            cues: lex.cues.clone(),
            cue_index: compile_cues(&lex.cues).into_iter().collect(),
            non_names: set(&lex.non_names),
            reporting: set(&w.reporting),
            negation: set(&w.negation),
            future: set(&w.future),
            title_modifiers: set(&w.title_modifiers),
            name_particles: set(&w.name_particles),
            org_heads: set(&w.org_heads),
            initiative_heads: set(&w.initiative_heads),
            place_heads: set(&w.place_heads),
            honorifics: set(&w.honorifics),
            topics: w
                .topics
                .iter()
                .map(|t| t.split_whitespace().map(str::to_lowercase).collect())
                .collect(),
            code_index: HashMap::default(),
            people: Vec::new(),
            person_names: HashMap::default(),
            person_surnames: HashMap::default(),
        };
        // countries first, so that codes resolve for the rest
        for c in &lex.countries {
            let id = match g.code_index.get(&c.code) {
                Some(&id) => id,
                None => {
                    let id = g.countries.len() as u32;
                    g.countries.push(CountryInfo {
                        name: c.name.clone(),
                        code: c.code.clone(),
                        capital: c.capital.clone(),
                    });
                    g.code_index.insert(c.code.clone(), id);
                    id
                }
            };
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                g.add_cased(n, Known::Country(id));
            }
            for n in &c.demonyms {
                g.add(n, false, Known::Demonym(id));
            }
            if !c.capital.is_empty() {
                for n in std::iter::once(&c.capital).chain(&c.capital_aliases) {
                    g.add_cased(n, Known::Capital(id));
                }
            }
        }
        for p in &lex.places {
            let id = g.places.len() as u32;
            g.places.push(Named {
                name: p.name.clone(),
                country: g.code_index.get(&p.country).copied(),
            });
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                g.add_cased(n, Known::Place(id));
            }
        }
        for o in &lex.organizations {
            let id = g.orgs.len() as u32;
            g.orgs.push(Named {
                name: o.name.clone(),
                country: g.code_index.get(&o.country).copied(),
            });
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                g.add(n, false, Known::Org(id));
            }
        }
        for b in &lex.state_bodies {
            let country = g.code_index.get(&b.country).copied();
            g.bodies.push(Named {
                name: b.name.clone(),
                country,
            });
            for n in std::iter::once(&b.name).chain(&b.aliases) {
                match country {
                    Some(c) => g.add(n, false, Known::Body(Some(c))),
                    None => g.add(n, true, Known::Body(None)),
                }
            }
        }
        for i in &lex.initiatives {
            let id = g.initiatives.len() as u32;
            g.initiatives.push(i.name.clone());
            for n in std::iter::once(&i.name).chain(&i.aliases) {
                g.add(n, false, Known::Initiative(id));
            }
        }
        for t in &lex.titles {
            let id = g.titles.len() as u32;
            g.titles.push(t.name.clone());
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                g.add(n, true, Known::Title(id));
                // "Presidents Xi and Macri", "the foreign ministers"
                if n.chars()
                    .last()
                    .is_some_and(|c| c.is_alphabetic() && c != 's')
                    && n.len() > 3
                {
                    g.add(&format!("{n}s"), true, Known::Title(id));
                }
            }
        }
        // multi-word non-names block what is inside them ("South American")
        for n in &lex.non_names {
            if n.split_whitespace().count() >= 2 {
                g.add(n, false, Known::Block);
            }
        }
        for p in &lex.people {
            let id = g.people.len() as u32;
            g.people.push(PersonInfo {
                name: p.name.clone(),
                country: g.code_index.get(&p.country).copied(),
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
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                g.person_names.entry(n.clone()).or_insert(id);
                let parts: Vec<&str> = n.split_whitespace().collect();
                if parts.len() >= 2 {
                    for sur in [parts[0], parts[parts.len() - 1]] {
                        let v = g.person_surnames.entry(sur.to_string()).or_default();
                        if !v.contains(&id) {
                            v.push(id);
                        }
                    }
                }
            }
        }
        for n in &w.state_nouns {
            g.add(n, true, Known::StateNoun);
        }
        for n in &w.pair_phrases {
            g.add(n, true, Known::Pair);
        }
        Ok(g)
    }

    /// Adds a name as written and in capitals (datelines write "ISLAMABAD").
    fn add_cased(&mut self, name: &str, known: Known) {
        self.add(name, false, known);
        let up = name.to_uppercase();
        if up != name {
            self.add(&up, false, known);
        }
    }

    fn add(&mut self, name: &str, folded: bool, known: Known) {
        let name = if known == Known::Pair {
            name.trim()
        } else {
            name.trim().strip_prefix("the ").unwrap_or(name.trim())
        };
        let toks: Vec<Token> = tokenize(name);
        let mut words: Vec<Box<str>> = toks
            .iter()
            .map(|t| {
                let s = norm_token(t.text(name));
                if folded {
                    s.to_lowercase().into()
                } else {
                    s.into_owned().into()
                }
            })
            .collect();
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        let table = if folded {
            &mut self.folded
        } else {
            &mut self.exact
        };
        let v = table.entry(first).or_default();
        if v.iter().any(|p| *p.rest == *words && p.known == known) {
            return;
        }
        v.push(Phrase {
            rest: words.into(),
            folded,
            known,
        });
    }

    /// The longest lexicon phrase starting at token `i`: its length in tokens
    /// and what it names.
    pub fn lookup(&self, text: &str, toks: &[Token], i: usize) -> Option<(usize, Known)> {
        let first = norm_token(toks[i].text(text));
        let exact = self.exact.get(&*first);
        // lower-case without allocating for the usual short ASCII word
        let mut buf = [0u8; 32];
        let lowered;
        let folded = if first.is_ascii() && first.len() <= buf.len() {
            let b = &mut buf[..first.len()];
            b.copy_from_slice(first.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).ok().and_then(|k| self.folded.get(k))
        } else {
            lowered = first.to_lowercase();
            self.folded.get(lowered.as_str())
        };
        if exact.is_none() && folded.is_none() {
            return None;
        }
        // the words after it, normalised once for every candidate
        let longest = exact
            .into_iter()
            .chain(folded)
            .flatten()
            .map(|p| p.rest.len())
            .max()
            .unwrap_or(0)
            .min(toks.len() - i - 1);
        let longest = longest.min(16);
        let next: [std::borrow::Cow<'_, str>; 16] = std::array::from_fn(|k| {
            if k < longest {
                norm_token(toks[i + 1 + k].text(text))
            } else {
                std::borrow::Cow::Borrowed("")
            }
        });
        let next_len = longest;
        let mut best: Option<(usize, Known)> = None;
        for p in exact.into_iter().chain(folded).flatten() {
            let n = p.rest.len();
            if n > next_len {
                continue;
            }
            if let Some((bl, bk)) = best {
                if n + 1 < bl || (n + 1 == bl && p.known.priority() <= bk.priority()) {
                    continue;
                }
            }
            let ok = p.rest.iter().enumerate().all(|(k, w)| {
                let t = &next[k];
                if p.folded {
                    if t.is_ascii() {
                        t.len() == w.len()
                            && t.bytes().map(|b| b.to_ascii_lowercase()).eq(w.bytes())
                    } else {
                        t.to_lowercase() == **w
                    }
                } else {
                    **t == **w
                }
            });
            if ok {
                best = Some((n + 1, p.known));
            }
        }
        best
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
