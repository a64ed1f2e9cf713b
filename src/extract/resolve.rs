//! Stage 4: resolution. Turns the mentions of one article into entities: one
//! per real-world thing however it is written (surnames, titles used alone,
//! pronouns, acronyms, a capital standing for its state), with the roles
//! people hold.

use crate::extract::mention::{Mention, Of, What};
use crate::lexicon::gazetteer::FxBuild;
use crate::lexicon::gazetteer::Gazetteer;
use crate::model::{slug_into, EntityKind};
use std::collections::HashMap;
use std::hash::BuildHasher;

/// An entity of one article.
#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
    /// Names it is written as, each once, in the order first met.
    pub aliases: Vec<String>,
    /// Country: its gazetteer index; Place/Org: the country it belongs to.
    pub country: Option<u32>,
    /// ISO alpha-3 for countries.
    pub code: Option<String>,
    /// Titles held: (title, of entity index or None when not yet known, former, sentence).
    pub roles: Vec<Role>,
    /// How often it is mentioned.
    pub mentions: usize,
    /// The sentence of its first mention.
    pub first_sentence: usize,
    /// Its id, `kind:slug`, made once when the entity is.
    id: String,
}

/// A title held by a person.
#[derive(Clone, Debug)]
pub struct Role {
    pub title: String,
    pub of: Option<usize>,
    pub former: bool,
    pub sentence: usize,
}

impl Entity {
    /// The stable id of this entity's node.
    pub fn id(&self) -> String {
        self.id.clone()
    }
}

/// What a resolved mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Entity(usize),
    /// The two sides of the article; `countries` when it means the states.
    Pair {
        countries: bool,
    },
}

/// A mention with what it refers to.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub r: Ref,
    /// A bare demonym ("Chinese personnel"): may be a target, never an agent.
    pub weak: bool,
    /// For a capital or state body: the state it stands for when it acts.
    pub acts_as: Option<usize>,
    /// A person phrase with a title ("Chinese Foreign Minister Qin Gang").
    pub titled: bool,
}

/// The entities of an article and its mentions, sentence by sentence.
#[derive(Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub sentences: Vec<Vec<Resolved>>,
    /// The entity of each id, by its hash: the first one of that hash.
    index: HashMap<u64, usize, FxBuild>,
    /// The entity of each lexicon entry met so far: (entry, entity).
    by_entry: Vec<(Entry, usize)>,
}

/// A lexicon entry that names an entity, by its gazetteer index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Country(u32),
    Capital(u32),
    Place(u32),
    Org(u32),
    Initiative(u32),
}

/// The id of the entity of a name, `kind:slug` ([`crate::model::slug`]).
fn entity_id(kind: EntityKind, name: &str) -> String {
    let prefix = kind.slug();
    let mut id = String::with_capacity(prefix.len() + 1 + name.len());
    id.push_str(prefix);
    id.push(':');
    slug_into(&mut id, name);
    id
}

impl Resolution {
    fn entity(
        &mut self,
        kind: EntityKind,
        name: &str,
        country: Option<u32>,
        code: Option<&str>,
    ) -> usize {
        let id = entity_id(kind, name);
        let by_id = FxBuild.hash_one(id.as_str());
        let known = match self.index.get(&by_id) {
            Some(&i) if self.entities[i].id == id => Some(i),
            // another id of the same hash: look through them all
            Some(_) => self.entities.iter().position(|e| e.id == id),
            None => None,
        };
        if let Some(i) = known {
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            country,
            code: code.map(str::to_string),
            roles: Vec::new(),
            mentions: 0,
            first_sentence: usize::MAX,
            id,
        });
        self.index.entry(by_id).or_insert(i);
        i
    }

    /// The entity of a lexicon entry.
    fn entry(&mut self, g: &Gazetteer, entry: Entry) -> usize {
        // an entry once seen always gives the same entity: remember it
        if let Some(&(_, e)) = self.by_entry.iter().find(|(k, _)| *k == entry) {
            return e;
        }
        let e = match entry {
            Entry::Country(c) => {
                let info = &g.countries[c as usize];
                self.entity(EntityKind::Country, &info.name, Some(c), Some(&info.code))
            }
            Entry::Capital(c) => {
                let info = &g.countries[c as usize];
                self.entity(EntityKind::Place, &info.capital, Some(c), None)
            }
            Entry::Place(p) => {
                let n = &g.places[p as usize];
                self.entity(EntityKind::Place, &n.name, n.country, None)
            }
            Entry::Org(o) => {
                let n = &g.orgs[o as usize];
                self.entity(EntityKind::Organization, &n.name, n.country, None)
            }
            Entry::Initiative(x) => self.entity(
                EntityKind::Initiative,
                &g.initiatives[x as usize],
                None,
                None,
            ),
        };
        self.by_entry.push((entry, e));
        e
    }

    /// The entity of a named place, body or initiative.
    pub fn named(&mut self, kind: EntityKind, name: &str, country: Option<u32>) -> usize {
        self.entity(kind, name, country, None)
    }

    /// The entity of country `c`.
    pub fn country(&mut self, g: &Gazetteer, c: u32) -> usize {
        self.entry(g, Entry::Country(c))
    }

    /// The country a person holds a title of, if any.
    pub fn role_country(&self, e: usize) -> Option<usize> {
        let ent = &self.entities[e];
        match ent.kind {
            EntityKind::Country => Some(e),
            EntityKind::Person => ent
                .roles
                .iter()
                .filter(|r| !r.former)
                .filter_map(|r| r.of)
                .find(|&o| self.entities[o].kind == EntityKind::Country),
            EntityKind::Place | EntityKind::Organization => None,
            EntityKind::Initiative => None,
        }
    }
}

fn is_multiword(name: &str) -> bool {
    // a word, white space (as `split_whitespace` has it), then another word;
    // byte by byte while the bytes are ASCII
    let (mut word, mut gap) = (false, false);
    for &c in name.as_bytes() {
        if !c.is_ascii() {
            return name.split_whitespace().nth(1).is_some();
        }
        let ws = matches!(c, b' ' | b'\t'..=b'\r');
        if ws {
            gap = word;
        } else if gap {
            return true;
        } else {
            word = true;
        }
    }
    false
}

/// Whether title `held`, case aside, is `wanted` or ends with it or has it as whole words.
fn title_matches(held: &str, wanted: &str) -> bool {
    if !(held.is_ascii() && wanted.is_ascii()) {
        let h = held.to_lowercase();
        let w = wanted.to_lowercase();
        return h == w
            || h.ends_with(&w)
            || h.contains(&format!("{w} "))
            || h.contains(&format!(" {w}"));
    }
    // ASCII: the same test in place, without lower-cased copies
    let (h, w) = (held.as_bytes(), wanted.as_bytes());
    let Some(last) = h.len().checked_sub(w.len()) else {
        return false;
    };
    let at = |i: usize| {
        h.get(i..i + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    };
    // or as whole words: right after a space or right before one
    at(last)
        || h.iter()
            .enumerate()
            .filter(|&(_, &c)| c == b' ')
            .any(|(p, _)| at(p + 1) || p.checked_sub(w.len()).is_some_and(at))
}

/// A person's name of more than one word, with its first and last word.
struct FullName<'s> {
    name: &'s str,
    first: Option<&'s str>,
    last: Option<&'s str>,
}

/// The lexicon's name for a person, if it knows them.
fn canonical<'s>(g: &'s Gazetteer, name: &'s str) -> &'s str {
    match g.person_names.get(name) {
        Some(&p) => &g.people[p as usize].name,
        None => name,
    }
}

/// The full name a person's name as written stands for, if any: a longer
/// name of the article it is part of, else a known office-holder.
fn person_for<'s>(
    g: &'s Gazetteer,
    full_names: &[FullName<'s>],
    name: &'s str,
    date: Option<crate::text::date::Date>,
) -> Option<&'s str> {
    if is_multiword(name) {
        // "Peña Nieto" is "Enrique Peña Nieto"; "Sergey" and "Sergei Lavrov" stay apart
        let mut longer = full_names.iter().filter(|f| {
            f.name
                .strip_suffix(name)
                .is_some_and(|head| head.ends_with(' '))
        });
        if let (Some(f), None) = (longer.next(), longer.next()) {
            return Some(canonical(g, f.name));
        }
        return Some(canonical(g, name));
    }
    let mut hits = full_names
        .iter()
        .filter(|f| f.first == Some(name) || f.last == Some(name));
    match (hits.next(), hits.next()) {
        (Some(f), None) => return Some(canonical(g, f.name)),
        (Some(_), Some(_)) => return None,
        _ => {}
    }
    // a known office-holder in office at the article's date: "Putin said"
    let mut known = g
        .person_surnames
        .get(name)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&p| g.people[p as usize].active(date).is_some());
    match (known.next(), known.next()) {
        (Some(p), None) => Some(&g.people[p as usize].name),
        _ => None,
    }
}

/// Resolves the mentions of all sentences of an article. `surface` gives a
/// mention's text; `reporting_next` says whether a reporting verb is next to it;
/// `context_country` is the dateline's country.
pub fn resolve<'a>(
    g: &Gazetteer,
    mentions: &'a [Vec<Mention>],
    surface: &dyn Fn(&'a Mention) -> std::borrow::Cow<'a, str>,
    reporting_next: &dyn Fn(&Mention) -> bool,
    context_country: Option<u32>,
    date: Option<crate::text::date::Date>,
) -> Resolution {
    // full names first, so a surname before the full name still resolves;
    // "President Buhari" makes "Buhari" a person wherever it stands
    let mut full_names: Vec<FullName<'a>> = Vec::new();
    let mut titled_singles: Vec<&'a str> = Vec::new();
    // the names of people, to size their table
    let mut person_names = 0;
    for m in mentions.iter().flatten() {
        match &m.what {
            What::Person { name, title, .. } => {
                if is_multiword(name) {
                    if !full_names.iter().any(|f| f.name == name) {
                        let mut parts = name.split_whitespace();
                        full_names.push(FullName {
                            name,
                            first: parts.next(),
                            last: parts.next_back(),
                        });
                    }
                } else if title.is_some() {
                    titled_singles.push(name);
                }
                person_names += 1;
            }
            What::Name(_) => person_names += 1,
            _ => {}
        }
    }
    // entities are far fewer than mentions: a guess at their number
    let guess = mentions.iter().map(Vec::len).sum::<usize>().min(32);
    let mut res = Resolution {
        entities: Vec::with_capacity(guess),
        sentences: Vec::with_capacity(mentions.len()),
        ..Resolution::default()
    };
    res.index.reserve(guess);
    // what a name stands for depends on nothing that changes below: work it out once
    // (its full name, the entity of that or of the name itself once asked)
    type Known<'s> = (Option<&'s str>, Option<usize>);
    // the names met, looked through in turn while they are few, then by a table
    // of their places in `people`
    let mut people: Vec<(&'a str, Known)> = Vec::with_capacity(person_names.min(16));
    let mut people_at: HashMap<&'a str, usize, FxBuild> = HashMap::default();
    // the person a name stands for; a name no full name or office-holder
    // explains stands for a person of its own only when `alone`
    let mut person_of = |res: &mut Resolution, name: &'a str, alone: bool| {
        let at = if people_at.is_empty() {
            people.iter().position(|(n, _)| *n == name)
        } else {
            people_at.get(name).copied()
        };
        let at = at.unwrap_or_else(|| {
            people.push((name, (person_for(g, &full_names, name, date), None)));
            let at = people.len() - 1;
            if !people_at.is_empty() {
                people_at.insert(name, at);
            } else if people.len() > 16 {
                people_at.extend(people.iter().enumerate().map(|(i, (n, _))| (*n, i)));
            }
            at
        });
        let slot = &mut people[at].1;
        if slot.0.is_none() && !alone {
            return None;
        }
        if slot.1.is_none() {
            slot.1 = Some(res.entity(EntityKind::Person, slot.0.unwrap_or(name), None, None));
        }
        slot.1
    };
    let mut acronyms: HashMap<&'a str, usize, FxBuild> = HashMap::default();
    let mut last_person: Option<usize> = None;
    let mut last_speaker: Option<usize> = None;
    // mentions of people since the last one known to speak, with whether a
    // reporting verb is next to them once asked: asked only when a "he said" needs it
    let mut unasked: Vec<(&'a Mention, usize, Option<bool>)> = Vec::new();
    let mut last_country: Option<usize> = None;
    let mut pending_titles: Vec<(usize, &'a str, Option<Of>, usize)> = Vec::new();
    let ctx = context_country.map(|c| res.country(g, c));
    for (si, ms) in mentions.iter().enumerate() {
        let mut out = Vec::with_capacity(ms.len());
        for m in ms {
            // whether a reporting verb is next to it, asked at most once
            let mut rep = None;
            let mut reporting = |m: &Mention| *rep.get_or_insert_with(|| reporting_next(m));
            let mut weak = false;
            let mut acts_as = None;
            let mut titled = false;
            let r = match &m.what {
                What::Country { id, strong } => {
                    weak = !strong;
                    let e = res.country(g, *id);
                    if *strong {
                        last_country = Some(e);
                    }
                    Some(Ref::Entity(e))
                }
                What::Capital(c) => {
                    let e = res.entry(g, Entry::Capital(*c));
                    acts_as = Some(res.country(g, *c));
                    Some(Ref::Entity(e))
                }
                What::Place(p) => Some(Ref::Entity(res.entry(g, Entry::Place(*p)))),
                What::NewPlace(n) => {
                    Some(Ref::Entity(res.entity(EntityKind::Place, n, None, None)))
                }
                What::Org(o) => Some(Ref::Entity(res.entry(g, Entry::Org(*o)))),
                What::NewOrg(n) => Some(Ref::Entity(res.entity(
                    EntityKind::Organization,
                    n,
                    None,
                    None,
                ))),
                What::Initiative(x) => Some(Ref::Entity(res.entry(g, Entry::Initiative(*x)))),
                What::NewInitiative(n) => Some(Ref::Entity(res.entity(
                    EntityKind::Initiative,
                    n,
                    None,
                    None,
                ))),
                What::Body => {
                    let c = last_country.or(ctx);
                    acts_as = c;
                    c.map(Ref::Entity)
                }
                What::Person {
                    name,
                    title,
                    of,
                    former,
                } => {
                    let Some(e) = person_of(&mut res, name, true) else {
                        continue;
                    };
                    if let Some(t) = title {
                        titled = true;
                        let of_e = of.map(|o| match o {
                            Of::Country(c) => res.country(g, c),
                            Of::Org(x) => res.entry(g, Entry::Org(x)),
                        });
                        let known = res.entities[e].roles.iter().any(|r| {
                            title_matches(&r.title, t) && (of_e.is_none() || r.of == of_e)
                        });
                        if !known {
                            if let Some(r) = res.entities[e]
                                .roles
                                .iter_mut()
                                .find(|r| r.of.is_none() && title_matches(&r.title, t))
                            {
                                r.of = of_e;
                            } else {
                                res.entities[e].roles.push(Role {
                                    title: t.clone(),
                                    of: of_e,
                                    former: *former,
                                    sentence: si,
                                });
                            }
                        }
                    }
                    last_person = Some(e);
                    Some(Ref::Entity(e))
                }
                What::TitleRef { title, of } => {
                    pending_titles.push((si, title, *of, out.len()));
                    None
                }
                What::Name(n) => {
                    if let Some(&e) = acronyms.get(n.as_str()) {
                        Some(Ref::Entity(e))
                    } else if let Some(e) = person_of(&mut res, n, false) {
                        last_person = Some(e);
                        Some(Ref::Entity(e))
                    } else if reporting(m) || titled_singles.contains(&n.as_str()) {
                        let e = res.entity(EntityKind::Person, n, None, None);
                        last_person = Some(e);
                        Some(Ref::Entity(e))
                    } else {
                        None
                    }
                }
                // "he said": the one who last spoke, before the one last named
                What::Pronoun if reporting(m) => {
                    // the latest of them next to a reporting verb
                    while let Some((pm, e, known)) = unasked.pop() {
                        if known.unwrap_or_else(|| reporting_next(pm)) {
                            last_speaker = Some(e);
                            unasked.clear();
                        }
                    }
                    last_speaker.or(last_person).map(Ref::Entity)
                }
                What::Pronoun => last_person.map(Ref::Entity),
                What::Pair { countries } => Some(Ref::Pair {
                    countries: *countries,
                }),
            };
            if let Some(Ref::Entity(e)) = r {
                let ent = &mut res.entities[e];
                if ent.kind == EntityKind::Person {
                    if rep == Some(true) {
                        // the ones before do not matter any more
                        unasked.clear();
                    }
                    unasked.push((m, e, rep));
                }
                ent.mentions += 1;
                ent.first_sentence = ent.first_sentence.min(si);
                if !matches!(m.what, What::Pronoun | What::Body) {
                    let s = surface(m);
                    // most mentions repeat a name already seen: no copy for them
                    if !s.is_empty() && !ent.aliases.iter().any(|a| *a == s) {
                        ent.aliases.push(s.into_owned());
                    }
                }
                if let Some(a) = &m.acronym {
                    if !ent.aliases.contains(a) {
                        ent.aliases.push(a.clone());
                    }
                    acronyms.insert(a, e);
                }
            }
            if let Some(r) = r {
                out.push(Resolved {
                    start: m.start,
                    end: m.end,
                    r,
                    weak,
                    acts_as,
                    titled,
                });
            } else if matches!(m.what, What::TitleRef { .. }) {
                // placeholder, filled below once every person is known
                out.push(Resolved {
                    start: m.start,
                    end: m.end,
                    r: Ref::Pair { countries: false },
                    weak: true,
                    acts_as: None,
                    titled: true,
                });
            }
        }
        res.sentences.push(out);
    }
    // a person with a title of no stated country: the article's most mentioned
    // country that no other titled person belongs to
    // (the first of the most mentioned, in one pass)
    let owned = |i: usize| {
        res.entities
            .iter()
            .any(|e| e.roles.iter().any(|r| r.of == Some(i)))
    };
    let mut free: Option<(usize, usize)> = None;
    for (i, e) in res.entities.iter().enumerate() {
        if e.kind == EntityKind::Country
            && free.is_none_or(|(most, _)| e.mentions > most)
            && !owned(i)
        {
            free = Some((e.mentions, i));
        }
    }
    let free = free.map(|(_, i)| i);
    // what the article does not say, the people lexicon may know
    for e in 0..res.entities.len() {
        if res.entities[e].kind != EntityKind::Person {
            continue;
        }
        let Some(&p) = g.person_names.get(&res.entities[e].name) else {
            continue;
        };
        let info = &g.people[p as usize];
        if res.entities[e].roles.iter().any(|r| r.of.is_some()) {
            continue;
        }
        let Some((title, org, _, _)) = info.active(date).cloned() else {
            continue;
        };
        let of = if org.is_empty() {
            info.country.map(|c| res.country(g, c))
        } else {
            g.orgs
                .iter()
                .position(|o| o.name == org)
                .and_then(|x| u32::try_from(x).ok())
                .map(|x| res.entry(g, Entry::Org(x)))
        };
        let Some(of) = of else { continue };
        let ent = &mut res.entities[e];
        let sentence = ent
            .roles
            .first()
            .map(|r| r.sentence)
            .unwrap_or(ent.first_sentence);
        ent.roles.retain(|r| r.of.is_some());
        ent.roles.push(Role {
            title,
            of: Some(of),
            former: false,
            sentence,
        });
    }
    for e in &mut res.entities {
        if e.roles.iter().any(|r| r.of.is_some()) {
            e.roles.retain(|r| r.of.is_some());
        }
    }
    for e in 0..res.entities.len() {
        for r in 0..res.entities[e].roles.len() {
            if res.entities[e].roles[r].of.is_none() {
                res.entities[e].roles[r].of = free;
            }
        }
    }
    // titles used alone: the person who holds that title (of that country)
    let mut dropped = false;
    // who may hold one: people with titles, and the first sentence naming one
    // (the titles do not change below, and entities made below hold none)
    let holders: Vec<(usize, usize)> = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter_map(|(i, e)| Some((i, e.roles.iter().map(|r| r.sentence).min()?)))
        .collect();
    for (si, title, of, idx) in pending_titles {
        let of_e = of.map(|o| match o {
            Of::Country(c) => res.country(g, c),
            Of::Org(x) => res.entry(g, Entry::Org(x)),
        });
        let holder = holders
            .iter()
            .filter(|&&(i, _)| {
                res.entities[i]
                    .roles
                    .iter()
                    .any(|r| title_matches(&r.title, title) && (of_e.is_none() || r.of == of_e))
            })
            .min_by_key(|&&(_, first)| {
                if first <= si {
                    si - first
                } else {
                    10_000 + first - si
                }
            })
            .map(|&(i, _)| i);
        let slot = &mut res.sentences[si][idx];
        // a title of a body that nobody holds here names nobody
        let of_state = of_e.filter(|&o| res.entities[o].kind == EntityKind::Country);
        match holder.or(of_state) {
            Some(e) => {
                slot.r = Ref::Entity(e);
                slot.weak = false;
                res.entities[e].mentions += 1;
            }
            None => slot.r = Ref::Pair { countries: false },
        }
        if holder.is_none() && of_state.is_none() {
            // nobody holds it: drop the mention
            slot.weak = true;
            slot.start = usize::MAX;
            dropped = true;
        }
    }
    if dropped {
        for s in &mut res.sentences {
            s.retain(|m| m.start != usize::MAX);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::{entity_id, is_multiword, title_matches};
    use crate::model::{slug, EntityKind};

    #[test]
    fn ids_are_kind_and_slug() {
        let names = [
            "Qin Gang",
            "  U.S. ",
            "one-China policy",
            "Côte d'Ivoire",
            "",
            "---",
            "A",
            "a  b",
            "X-",
            "-X",
            "Ünal",
            "B2B",
            "O'Neil",
            "São Tomé and Príncipe",
            "a\u{e9}",
            "İstanbul",
            "ΟΔΟΣ Σ",
            "北京 市",
            "Ǆemal--Ünal ",
            "x\u{663}y – z",
        ];
        for name in names {
            for kind in [EntityKind::Country, EntityKind::Person, EntityKind::Place] {
                let want = format!("{}:{}", kind.slug(), slug(name));
                assert_eq!(entity_id(kind, name), want, "{name:?}");
            }
        }
    }

    #[test]
    fn multiword_names() {
        assert!(is_multiword("Qin Gang"));
        assert!(is_multiword(" Qin\tGang "));
        assert!(!is_multiword(" Putin "));
        assert!(!is_multiword(""));
        assert!(!is_multiword("   "));
        assert!(is_multiword("Peña Nieto"));
    }

    #[test]
    fn titles_match_as_whole_words() {
        assert!(title_matches("Foreign Minister", "foreign minister"));
        assert!(title_matches("Chinese Foreign Minister", "Minister"));
        assert!(title_matches("Prime Minister of Peru", "prime minister"));
        assert!(title_matches("Vice Premier", "premier"));
        assert!(!title_matches("Ministerial Envoy", "Minister"));
        assert!(!title_matches("Envoy", "Special Envoy"));
        assert!(title_matches("Président", "président"));
    }
}
