//! Stage 4: resolution. Turns the mentions of one article into entities: one
//! per real-world thing however it is written (surnames, titles used alone,
//! pronouns, acronyms, a capital standing for its state), with the roles
//! people hold.

use crate::bytes::{ascii_eq_nocase, same_bytes, FxBuild};
use crate::extract::mention::{recycle, Mention, Mentions, Of, What};
use crate::lexicon::gazetteer::{held_on, Gazetteer, Known as Listed, Named, PersonInfo};
use crate::model::{slug_into, EntityKind, Span};
use crate::text::date::Date;
use crate::text::fold::same_unaccented;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// An entity of one article.
#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: EntityKind,
    /// Its name, in the article's entity text ([`Resolution::name`]).
    name: Span,
    /// The last of the names it is written as ([`Resolution::aliases`]),
    /// other than `name`: an index into the article's alias list.
    last_alias: Option<u32>,
    /// Country: its gazetteer index; Place/Org: the country it belongs to.
    pub country: Option<u32>,
    /// ISO alpha-3 for countries, in the entity text.
    code: Option<Span>,
    /// Titles held: (title, of entity index or None when not yet known, former, sentence).
    pub roles: Vec<Role>,
    /// How often it is mentioned.
    pub mentions: usize,
    /// The sentence of its first resolved mention (a dateline naming it is
    /// none).
    pub first_sentence: usize,
    /// Its id, `kind:slug`, made once when the entity is, in the entity text.
    id: Span,
}

/// A title held by a person.
#[derive(Clone, Debug)]
pub struct Role {
    pub title: String,
    pub of: Option<usize>,
    pub former: bool,
    pub sentence: usize,
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
}

/// The entities of an article and its mentions, sentence by sentence.
#[derive(Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// Its resolved mentions, names and lookups: buffers the thread's next
    /// resolution fills again.
    buf: Buffers,
    /// Whose speech the article is ("Remarks by X"): who "I" and "we" are,
    /// and who speaks where no one else is said to.
    pub speech_speaker: Option<usize>,
}

/// A name an entity is written as: its bytes in [`Buffers::alias_text`]
/// and the entity's alias met before it.
#[derive(Clone, Copy, Debug)]
struct Alias {
    start: u32,
    end: u32,
    before: Option<u32>,
}

/// What one thread's resolutions keep from article to article: the
/// buffers of the last one (with the ids of the lexicon entries met).
#[derive(Default)]
struct Kept {
    buffers: Buffers,
    /// The last resolution's entity list, emptied.
    entities: Vec<Entity>,
    /// The lists of the last article's [`People`] and [`Resolver`], emptied
    /// (their elements borrow from an article: see [`recycle`]).
    full_names: Vec<FullName<'static>>,
    names: Vec<&'static str>,
    holders: Vec<(&'static str, &'static str)>,
    met: Vec<(&'static str, Known<'static>)>,
    unasked: Vec<Unasked<'static>>,
    states_named: Vec<(u32, usize, usize)>,
    pending: Vec<Pending<'static>>,
}

/// The buffers of a [`Resolution`]: given back to the thread when it is
/// dropped, filled again by the next one.
#[derive(Debug, Default)]
struct Buffers {
    /// The resolved mentions of all sentences, one sentence after another:
    /// sentence `si`'s are `resolved[bounds[si]..bounds[si + 1]]`.
    resolved: Vec<Resolved>,
    bounds: Vec<usize>,
    /// The entity of each id, by its hash: the first one of that hash; and
    /// of each (kind, name) an entity was made of, by its hash (a name met
    /// again is found without its slug).
    index: HashMap<u64, usize, FxBuild>,
    /// The names the entities are written as, other than their own, each
    /// once: their bytes in `alias_text`, each entity's a list from its last.
    aliases: Vec<Alias>,
    /// The text of the `aliases`, one after the other.
    alias_text: String,
    /// The entities' ids, names and codes, one after the other.
    text: String,
    /// The entity of each lexicon entry met so far in the article, and the
    /// id of each met on this thread.
    entries: Entries,
    /// Resident envoys of no stated state and the state they leave: (person,
    /// host), a state that is not theirs.
    hosts: Vec<(usize, usize)>,
}

impl Buffers {
    /// These buffers emptied, with room for `mentions` resolved mentions,
    /// `bounds` sentence bounds and about `guess` entities.
    fn emptied(self, mentions: usize, bounds: usize, guess: usize) -> Self {
        let (mut index, mut alias_text, mut text) = (self.index, self.alias_text, self.text);
        // two keys an entity: its id's hash and its name's
        index.clear();
        index.reserve(2 * guess);
        // an entity has an alias or so, of a dozen letters
        alias_text.clear();
        alias_text.reserve(16 * guess);
        // and an id and a name of about that
        text.clear();
        text.reserve(32 * guess);
        Buffers {
            resolved: refill(self.resolved, mentions),
            bounds: refill(self.bounds, bounds),
            index,
            aliases: refill(self.aliases, guess),
            alias_text,
            text,
            entries: self.entries.next_article(),
            hosts: refill(self.hosts, 0),
        }
    }
}

impl Drop for Resolution {
    /// Gives its buffers back to this thread, for the next article.
    fn drop(&mut self) {
        let b = std::mem::take(&mut self.buf);
        let mut entities = std::mem::take(&mut self.entities);
        entities.clear();
        keep(|k| (k.buffers, k.entities) = (b, entities));
    }
}

/// This thread's [`Kept`], taken (an empty one in its place).
fn kept() -> Kept {
    let taken = KEPT.try_with(|k| k.try_borrow_mut().map(|mut k| std::mem::take(&mut *k)));
    taken.ok().and_then(Result::ok).unwrap_or_default()
}

/// Puts something back into this thread's [`Kept`] (nothing while the
/// thread ends).
fn keep(put: impl FnOnce(&mut Kept)) {
    let _ = KEPT.try_with(|k| k.try_borrow_mut().map(|mut k| put(&mut k)));
}

/// `v` emptied, with room for `n`.
fn refill<T>(mut v: Vec<T>, n: usize) -> Vec<T> {
    v.clear();
    v.reserve(n);
    v
}

thread_local! {
    static KEPT: std::cell::RefCell<Kept> = std::cell::RefCell::default();
}

/// A lexicon entry that names an entity, by its gazetteer index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Entry {
    Country(u32),
    Capital(u32),
    Place(u32),
    Org(u32),
    Initiative(u32),
}

impl Entry {
    /// The entry's kind (in the order of [`Entries::kinds`]) and its index.
    fn kind_and_index(self) -> (usize, u32) {
        match self {
            Entry::Country(i) => (0, i),
            Entry::Capital(i) => (1, i),
            Entry::Place(i) => (2, i),
            Entry::Org(i) => (3, i),
            Entry::Initiative(i) => (4, i),
        }
    }

    /// The kind, name, country and code of the entry's entity.
    fn named(self, g: &Gazetteer) -> (EntityKind, &str, Option<u32>, Option<&str>) {
        match self {
            Entry::Country(c) => {
                let info = &g.countries[c as usize];
                let code = Some(info.code.as_str());
                (EntityKind::Country, &info.name, Some(c), code)
            }
            Entry::Capital(c) => {
                let info = &g.countries[c as usize];
                (EntityKind::Place, &info.capital, Some(c), None)
            }
            Entry::Place(p) => {
                let n = &g.places[p as usize];
                (EntityKind::Place, &n.name, n.country, None)
            }
            Entry::Org(o) => {
                let n = &g.orgs[o as usize];
                (EntityKind::Organization, &n.name, n.country, None)
            }
            Entry::Initiative(x) => (
                EntityKind::Initiative,
                &g.initiatives[x as usize],
                None,
                None,
            ),
        }
    }
}

/// Each lexicon entry's entity in the article being resolved, and its id:
/// a table of all the entries, kept by a thread from article to article.
#[derive(Debug, Default)]
struct Entries {
    /// The gazetteer whose entries these are ([`Gazetteer::serial`]): a
    /// thread may extract with several lexicons.
    serial: u64,
    /// The number of the article being resolved (never 0): a slot marked
    /// with another holds no entity of this one.
    article: u32,
    /// Where each kind's entries begin in `slots`: countries, capitals,
    /// places, bodies and initiatives, one kind after another.
    kinds: [usize; 5],
    /// Each entry's entity in an article and its strings, by
    /// [`Entries::place`]: twelve bytes a slot, looked at for every mention
    /// of an entry.
    slots: Vec<EntrySlot>,
    /// The strings of the entries met on this thread, in the order met: the
    /// same in every article, asked only when an article meets the entry
    /// first (one short list, not one string apart for each entry).
    texts: Vec<EntryText>,
    /// The text of the `texts`, one after the other.
    arena: String,
}

/// What a lexicon entry's entity is made of, kept by a thread: its id, name
/// and code one after the other in [`Entries::arena`], its kind, country
/// and the id's hash.
#[derive(Debug)]
struct EntryText {
    by_id: u64,
    /// Where its text begins in the arena.
    start: u32,
    /// Where the id, the name and the code (if any) end, from `start`.
    id_end: u32,
    name_end: u32,
    end: u32,
    code: bool,
    kind: EntityKind,
    country: Option<u32>,
}

impl EntryText {
    /// The strings of the entity of `entry` of `g`, their text added to
    /// `arena`.
    #[cold]
    fn of(g: &Gazetteer, entry: Entry, arena: &mut String) -> Self {
        let (kind, name, country, code) = entry.named(g);
        let start = arena.len();
        id_into(arena, kind, name);
        let by_id = FxBuild.hash_one(&arena[start..]);
        let id_end = arena.len() - start;
        arena.push_str(name);
        let name_end = arena.len() - start;
        arena.push_str(code.unwrap_or_default());
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        EntryText {
            by_id,
            start: at(start),
            id_end: at(id_end),
            name_end: at(name_end),
            end: at(arena.len() - start),
            code: code.is_some(),
            kind,
            country,
        }
    }

    /// Its text, in `arena`.
    fn text<'t>(&self, arena: &'t str) -> &'t str {
        let (start, end) = (self.start as usize, self.start as usize + self.end as usize);
        arena.get(start..end).unwrap_or_default()
    }

    /// The spans of its id, name and code once its text is at `at` of an
    /// entity text.
    fn spans(&self, at: usize) -> (Span, Span, Option<Span>) {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        let span = |a: u32, b: u32| match (at.checked_add(a), at.checked_add(b)) {
            (Some(start), Some(end)) => Span { start, end },
            _ => Span::default(),
        };
        let code = self.code.then(|| span(self.name_end, self.end));
        (span(0, self.id_end), span(self.id_end, self.name_end), code)
    }
}

/// A lexicon entry's entity in an article, and its strings.
#[derive(Clone, Copy, Debug, Default)]
struct EntrySlot {
    /// The [`Entries::article`] `entity` is of.
    article: u32,
    entity: u32,
    /// One past the place of its strings in [`Entries::texts`]; 0 until
    /// the thread meets the entry.
    text: u32,
}

impl Entries {
    /// The table for the next article: no entity of the last one.
    fn next_article(mut self) -> Self {
        self.article = self.article.wrapping_add(1);
        if self.article == 0 {
            // numbers used up: no slot is of any article
            self.slots.iter_mut().for_each(|s| s.article = 0);
            self.article = 1;
        }
        self
    }

    /// The place of `entry` of gazetteer `g` in `slots`, made for `g` if
    /// they are another's (or none yet).
    #[inline]
    fn place(&mut self, g: &Gazetteer, entry: Entry) -> usize {
        if self.serial != g.serial || self.slots.is_empty() {
            self.made_for(g);
        }
        let (kind, i) = entry.kind_and_index();
        self.kinds.get(kind).map_or(usize::MAX, |k| k + i as usize)
    }

    /// The place in `texts` of the strings of `entry` (at `place`), made
    /// when the thread meets it first (an entry's strings are the same in
    /// every article); `None` if `place` is none of the table's.
    fn text_of(&mut self, g: &Gazetteer, entry: Entry, place: usize) -> Option<usize> {
        let slot = self.slots.get_mut(place)?;
        if let Some(k) = slot.text.checked_sub(1) {
            return Some(k as usize);
        }
        let k = self.texts.len();
        slot.text = u32::try_from(k + 1).ok()?;
        self.texts.push(EntryText::of(g, entry, &mut self.arena));
        Some(k)
    }

    /// The table made for the entries of `g`, none met.
    #[cold]
    fn made_for(&mut self, g: &Gazetteer) {
        let mut at = 0;
        let countries = g.countries.len();
        let sizes = [
            countries,
            countries,
            g.places.len(),
            g.orgs.len(),
            g.initiatives.len(),
        ];
        for (kind, n) in self.kinds.iter_mut().zip(sizes) {
            (*kind, at) = (at, at + n);
        }
        self.slots.clear();
        self.slots.resize(at, EntrySlot::default());
        self.texts.clear();
        self.arena.clear();
        self.serial = g.serial;
        self.article = self.article.max(1);
    }
}

/// The id of the entity of a name, `kind:slug` ([`crate::model::slug`]):
/// what [`id_into`] writes, for tests.
#[cfg(test)]
fn entity_id(kind: EntityKind, name: &str) -> String {
    let prefix = kind.slug();
    let mut id = String::with_capacity(prefix.len() + 1 + name.len());
    id_into(&mut id, kind, name);
    id
}

/// Appends to `out` the id of the entity of a name ([`entity_id`]).
fn id_into(out: &mut String, kind: EntityKind, name: &str) {
    out.push_str(kind.slug());
    out.push(':');
    slug_into(out, name);
}

/// Whether two names are the same, compared in line (no `memcmp` call for
/// these short strings).
#[inline]
fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// `s` added to an entity text: its place there.
fn text_of(text: &mut String, s: &str) -> Span {
    let at = text.len();
    text.push_str(s);
    Span::from(text, at)
}

impl Resolution {
    fn entity(
        &mut self,
        kind: EntityKind,
        name: &str,
        country: Option<u32>,
        code: Option<&str>,
    ) -> usize {
        let text = &mut self.buf.text;
        let at = text.len();
        id_into(text, kind, name);
        let by_id = FxBuild.hash_one(&text[at..]);
        let id = Span::from(text, at);
        let (name, code) = (text_of(text, name), code.map(|c| text_of(text, c)));
        self.entity_of_id(kind, country, (by_id, at), (id, name, code))
    }

    /// [`Resolution::entity`] with the name's id, name and code written at
    /// the end of the entity text from byte `at` on (dropped again if the
    /// id has an entity), and the id's hash.
    fn entity_of_id(
        &mut self,
        kind: EntityKind,
        country: Option<u32>,
        (by_id, at): (u64, usize),
        (id, name, code): (Span, Span, Option<Span>),
    ) -> usize {
        use std::collections::hash_map::Entry as Slot;
        let Buffers { index, text, .. } = &mut self.buf;
        let id_text = id.of(text);
        // the entity of that id, by the id's hash first (one look-up)
        let slot = index.entry(by_id);
        let found = match &slot {
            Slot::Occupied(o) if same(self.entities[*o.get()].id.of(text), id_text) => {
                Some(*o.get())
            }
            // another id of the same hash: look through them all
            Slot::Occupied(_) => (self.entities.iter()).position(|e| same(e.id.of(text), id_text)),
            Slot::Vacant(_) => None,
        };
        if let Some(i) = found {
            text.truncate(at);
            return i;
        }
        let i = self.entities.len();
        if let Slot::Vacant(v) = slot {
            v.insert(i);
        }
        self.entities.push(Entity {
            kind,
            name,
            last_alias: None,
            country,
            code,
            roles: Vec::new(),
            mentions: 0,
            first_sentence: usize::MAX,
            id,
        });
        i
    }

    /// The name of entity `e`.
    pub fn name(&self, e: usize) -> &str {
        self.name_of(&self.entities[e])
    }

    /// The name of `e` (one of these entities).
    pub fn name_of(&self, e: &Entity) -> &str {
        e.name.of(&self.buf.text)
    }

    /// The entity of a name that may be met again in the article (not a
    /// lexicon entry's, those are remembered by entry): one of that kind
    /// and name is found by the name's hash, without its slug made.
    fn entity_named(&mut self, kind: EntityKind, name: &str, country: Option<u32>) -> usize {
        let by_name = FxBuild.hash_one((kind, name));
        if let Some(&i) = self.buf.index.get(&by_name) {
            let e = &self.entities[i];
            if e.kind == kind && same(self.name_of(e), name) {
                return i;
            }
        }
        let i = self.entity(kind, name, country, None);
        if same(self.name(i), name) {
            self.buf.index.entry(by_name).or_insert(i);
        }
        i
    }

    /// Adds `alias` to the names entity `e` is written as, unless it is
    /// its name or one of them already.
    #[inline]
    fn add_alias(&mut self, e: usize, alias: &str) {
        // its name, the most common, told without a call
        let Some(ent) = self.entities.get(e) else {
            return;
        };
        let name = ent.name.bytes_of(&self.buf.text);
        if !name.is_some_and(|n| same_bytes(n, alias.as_bytes())) {
            self.add_other_alias(e, alias);
        }
    }

    /// [`Resolution::add_alias`] of an alias other than the entity's name.
    #[inline(never)]
    fn add_other_alias(&mut self, e: usize, alias: &str) {
        let ent = &mut self.entities[e];
        let mut at = ent.last_alias;
        while let Some(a) = at {
            let a = self.buf.aliases[a as usize];
            let text = self.buf.alias_text.as_bytes();
            let held = text.get(a.start as usize..a.end as usize);
            if held.is_some_and(|h| same_bytes(h, alias.as_bytes())) {
                return;
            }
            at = a.before;
        }
        // an article's aliases are far below 4 GB: past that, none is kept
        let (Ok(start), Ok(end), Ok(next)) = (
            u32::try_from(self.buf.alias_text.len()),
            u32::try_from(self.buf.alias_text.len() + alias.len()),
            u32::try_from(self.buf.aliases.len()),
        ) else {
            return;
        };
        self.buf.alias_text.push_str(alias);
        self.buf.aliases.push(Alias {
            start,
            end,
            before: ent.last_alias,
        });
        ent.last_alias = Some(next);
    }

    /// The entity of a lexicon entry: one met before in the article told
    /// inline, the first meeting out of line.
    #[inline]
    fn entry(&mut self, g: &Gazetteer, entry: Entry) -> usize {
        // an entry once seen always gives the same entity: remember it
        let place = self.buf.entries.place(g, entry);
        match self.buf.entries.slots.get(place) {
            Some(slot) if slot.article == self.buf.entries.article => slot.entity as usize,
            _ => self.new_entry(g, entry, place),
        }
    }

    /// The entity of a lexicon entry met first in the article, at `place`
    /// of the entries ([`Entries::place`]).
    #[inline(never)]
    fn new_entry(&mut self, g: &Gazetteer, entry: Entry, place: usize) -> usize {
        let Buffers { entries, text, .. } = &mut self.buf;
        let article = entries.article;
        let made = entries.text_of(g, entry, place);
        let Some(t) = made.and_then(|k| entries.texts.get(k)) else {
            let (kind, name, country, code) = entry.named(g);
            return self.entity(kind, name, country, code);
        };
        let at = text.len();
        text.push_str(t.text(&entries.arena));
        let (kind, country, by_id, spans) = (t.kind, t.country, t.by_id, t.spans(at));
        let e = self.entity_of_id(kind, country, (by_id, at), spans);
        if let (Some(slot), Ok(entity)) = (self.buf.entries.slots.get_mut(place), u32::try_from(e))
        {
            (slot.article, slot.entity) = (article, entity);
        }
        e
    }

    /// The entity of a named place, body or initiative.
    pub fn named(&mut self, kind: EntityKind, name: &str, country: Option<u32>) -> usize {
        self.entity_named(kind, name, country)
    }

    /// The place a dateline names ("ISLAMABAD, Feb 17 --"), a node of the
    /// article: a capital or a known place.
    pub fn dateline_place(&mut self, g: &Gazetteer, place: Listed) {
        let entry = match place {
            Listed::Capital(c) => Entry::Capital(c),
            Listed::Place(p) => Entry::Place(p),
            _ => return,
        };
        let e = self.entry(g, entry);
        self.entities[e].mentions += 1;
    }

    /// The entity of country `c`.
    pub fn country(&mut self, g: &Gazetteer, c: u32) -> usize {
        self.entry(g, Entry::Country(c))
    }

    /// The entities' stable ids, in [`Resolution::record_text`].
    pub fn ids(&self) -> Vec<Span> {
        self.entities.iter().map(|e| e.id).collect()
    }

    /// The entity text and the aliases' text, one after the other: what
    /// the spans of [`Resolution::ids`], [`Resolution::strings`] and
    /// [`Resolution::alias_spans`] point into.
    pub fn record_text(&self) -> String {
        let b = &self.buf;
        let mut text = String::with_capacity(b.text.len() + b.alias_text.len());
        text.push_str(&b.text);
        text.push_str(&b.alias_text);
        text
    }

    /// The name and code of `e`, in [`Resolution::record_text`].
    pub fn strings(&self, e: &Entity) -> (Span, Option<Span>) {
        (e.name, e.code)
    }

    /// How many names the entities are written as, other than their own.
    pub fn alias_count(&self) -> usize {
        self.buf.aliases.len()
    }

    /// The names entity `e` is written as, other than its name, each once,
    /// the last met first: their places in [`Resolution::record_text`].
    pub fn alias_spans(&self, e: &Entity) -> impl Iterator<Item = Span> + '_ {
        let by = u32::try_from(self.buf.text.len()).unwrap_or(u32::MAX);
        let mut at = e.last_alias;
        std::iter::from_fn(move || {
            let a = self.buf.aliases[at? as usize];
            at = a.before;
            Some(
                Span {
                    start: a.start,
                    end: a.end,
                }
                .moved(by),
            )
        })
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

#[inline]
fn is_multiword(name: &str) -> bool {
    // told by the first byte that is blank, a control or beyond ASCII: none
    // in one ASCII word, the most common; a space after a word, with an
    // ASCII letter (or mark) last, in two or more, the next most common
    let b = name.as_bytes();
    let graphic = |c: &u8| (0x21..0x80).contains(c);
    match b.iter().position(|c| !graphic(c)) {
        None => return false,
        Some(p) if p > 0 && b[p] == b' ' && b.last().is_some_and(graphic) => return true,
        _ => {}
    }
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
    let at = |i: usize| h.get(i..i + w.len()).is_some_and(|x| ascii_eq_nocase(x, w));
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
    /// The last word past a particle glued to it: "Maliki" of "Riyad
    /// Al-Maliki", "Sisi" of "el-Sisi" (news names them so on second mention).
    bare_last: Option<&'s str>,
    /// Its [`canonical`] name, once asked (several names may stand for it).
    canonical: Cell<Option<&'s str>>,
}

impl<'s> FullName<'s> {
    /// The lexicon's name for this person ([`canonical`]), worked out once.
    fn canonical(&self, g: &'s Gazetteer) -> &'s str {
        if let Some(c) = self.canonical.get() {
            return c;
        }
        let c = canonical(g, self.name);
        self.canonical.set(Some(c));
        c
    }

    fn new(g: &Gazetteer, name: &'s str) -> Self {
        let (first, last) = first_and_last(name);
        let bare_last = last.and_then(|l| {
            let (p, rest) = l.split_once('-')?;
            let particle = g.name_particles.contains(p.to_ascii_lowercase().as_str());
            (particle && !rest.is_empty()).then_some(rest)
        });
        FullName {
            name,
            first,
            last,
            bare_last,
            canonical: Cell::new(None),
        }
    }

    /// Whether a single name is its first or last name.
    fn has(&self, single: &str) -> bool {
        self.first.is_some_and(|f| same(f, single)) || self.last_is(single)
    }

    /// Whether a single name is its last name, with or without its particle
    /// or its accents ("Fernandez" after "Alberto Fernández").
    fn last_is(&self, single: &str) -> bool {
        // an ASCII letter is its own base letter: two different ASCII
        // first bytes tell at once
        let first_may_match = |w: &str| match (w.bytes().next(), single.bytes().next()) {
            (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => a == b,
            _ => true,
        };
        let same =
            |w: Option<&str>| w.is_some_and(|w| first_may_match(w) && same_unaccented(w, single));
        same(self.last) || same(self.bare_last)
    }
}

/// The first and the last word of a name of more than one, as
/// `split_whitespace` has them: byte by byte when the name is ASCII.
fn first_and_last(name: &str) -> (Option<&str>, Option<&str>) {
    if !name.is_ascii() {
        let mut parts = name.split_whitespace();
        return (parts.next(), parts.next_back());
    }
    let ws = |c: &u8| matches!(c, b' ' | b'\t'..=b'\r');
    let b = name.as_bytes();
    let (Some(a), Some(z)) = (
        b.iter().position(|c| !ws(c)),
        b.iter().rposition(|c| !ws(c)),
    ) else {
        return (None, None);
    };
    let first_end = b[a..=z].iter().position(ws).map_or(z + 1, |n| a + n);
    let last_start = b[a..=z].iter().rposition(ws).map_or(a, |n| a + n + 1);
    let word = |x: usize, y: usize| name.get(x..y);
    match first_end > z {
        true => (word(a, z + 1), None),
        false => (word(a, first_end), word(last_start, z + 1)),
    }
}

/// The lexicon's name for a person, if it knows them.
fn canonical<'s>(g: &'s Gazetteer, name: &'s str) -> &'s str {
    match g.person_names.get(name).or_else(|| surname_first(g, name)) {
        Some(&p) => &g.people[p as usize].name,
        None => name,
    }
}

/// A known person written surname first in capitals, as Japanese, Korean
/// and Chinese readouts do: "HAYASHI Yoshimasa" (Yoshimasa Hayashi), "PARK
/// Jin" (Park Jin).
fn surname_first<'g>(g: &'g Gazetteer, name: &str) -> Option<&'g u32> {
    let (first, rest) = name.split_once(' ')?;
    let caps = first.len() >= 2 && first.bytes().all(|b| b.is_ascii_uppercase());
    if !caps || rest.bytes().all(|b| !b.is_ascii_lowercase()) {
        return None;
    }
    let surname = format!("{}{}", &first[..1], first[1..].to_ascii_lowercase());
    g.person_names
        .get(format!("{surname} {rest}").as_str())
        .or_else(|| g.person_names.get(format!("{rest} {surname}").as_str()))
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
        let (mut longer, mut own) = ((None, 0), None);
        for f in full_names {
            if same(f.name, name) {
                own = Some(f);
            } else if f.name.strip_suffix(name).is_some_and(|h| h.ends_with(' ')) {
                longer = (Some(f), longer.1 + 1);
            }
        }
        return Some(match (longer, own) {
            ((Some(f), 1), _) | (_, Some(f)) => f.canonical(g),
            _ => canonical(g, name),
        });
    }
    let mut hits = full_names.iter().filter(|f| f.has(name));
    match (hits.next(), hits.next()) {
        (Some(f), None) => return Some(f.canonical(g)),
        (Some(_), Some(_)) => {
            // "Ahmed" beside "Abiy Ahmed" and "Ahmed Shide": news names
            // people by their last name, if only one has it last
            let mut last = full_names.iter().filter(|f| f.last_is(name));
            return match (last.next(), last.next()) {
                (Some(f), None) => Some(f.canonical(g)),
                _ => None,
            };
        }
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

/// The office-holder of the lexicon a titled single name stands for: the
/// one whose name begins or ends with it and who holds the title (of
/// `state`, if named) at `date`: "Jordan's King Abdullah" in 2021 is
/// Abdullah II of Jordan, "King Salman" Salman bin Abdulaziz Al Saud.
fn titled_holder<'s>(
    g: &'s Gazetteer,
    name: &str,
    title: &str,
    state: Option<u32>,
    date: Option<Date>,
) -> Option<&'s str> {
    let holds = |p: &PersonInfo| {
        state.is_none_or(|c| p.country == Some(c))
            && p.roles
                .iter()
                .any(|(t, _, from, to)| held_on(*from, *to, date) && title_matches(t, title))
    };
    let candidates = g.person_surnames.get(name)?;
    let mut hits = candidates
        .iter()
        .map(|&p| &g.people[p as usize])
        .filter(|p| holds(p));
    match (hits.next(), hits.next()) {
        (Some(p), None) => Some(&p.name),
        _ => None,
    }
}

/// Resolves the mentions of all sentences of an article. `surface` gives a
/// mention's text; `reporting_next` says whether a reporting verb is next to it;
/// `context_country` is the dateline's country.
pub fn resolve<'a>(
    g: &Gazetteer,
    mentions: &'a Mentions<'a>,
    surface: &dyn Fn(&'a Mention<'a>) -> Cow<'a, str>,
    reporting_next: &dyn Fn(&Mention) -> bool,
    context_country: Option<u32>,
    date: Option<crate::text::date::Date>,
    speech_by: Option<(usize, usize)>,
) -> Resolution {
    let mut kept = kept();
    let mut r = Resolver::new(g, mentions, surface, reporting_next, date, &mut kept);
    r.ctx = context_country.map(|c| r.res.country(g, c));
    for (si, ms) in mentions.sentences().enumerate() {
        r.res.buf.bounds.push(r.res.buf.resolved.len());
        for (mi, m) in ms.iter().enumerate() {
            r.mention(si, m);
            // the speech's speaker: the person its title names after "by"
            if speech_by == Some((si, mi)) {
                r.res.speech_speaker = r.last_person;
            }
        }
    }
    r.res.buf.bounds.push(r.res.buf.resolved.len());
    let Resolver {
        mut res,
        pending_titles,
        people,
        unasked,
        states_named,
        ..
    } = r;
    res.titles_from_refs(g, &pending_titles);
    let free = res.free_country(None);
    res.roles_from_lexicon(g, date);
    res.settle_roles(free);
    res.titles_alone(g, &pending_titles);
    people.keep(&mut kept);
    kept.unasked = recycle(unasked);
    kept.states_named = states_named;
    kept.pending = recycle(pending_titles);
    keep(|k| *k = kept);
    res
}

/// What a name stands for, worked out once: its full name, and the entity
/// of that (or of the name itself) once asked.
type Known<'s> = (Option<&'s str>, Option<usize>);

/// The people of an article: the full names and titled single names it
/// has, and what each name met stands for.
struct People<'g> {
    g: &'g Gazetteer,
    date: Option<Date>,
    full_names: Vec<FullName<'g>>,
    /// Single names with a title somewhere: "President Buhari".
    titled_singles: Vec<&'g str>,
    /// Titled single names that name one office-holder of the lexicon, with
    /// that holder's name: ("Abdullah", "Abdullah II of Jordan").
    holders: Vec<(&'g str, &'g str)>,
    /// The names met, looked through in turn while they are few, then by a
    /// table of their places here (`at`).
    met: Vec<(&'g str, Known<'g>)>,
    at: HashMap<&'g str, usize, FxBuild>,
}

impl<'g> People<'g> {
    /// The people of an article's mentions.
    fn new(
        g: &'g Gazetteer,
        mentions: &'g Mentions<'g>,
        date: Option<Date>,
        kept: &mut Kept,
    ) -> Self {
        // full names first, so a surname before the full name still resolves;
        // "President Buhari" makes "Buhari" a person wherever it stands
        let mut full_names: Vec<FullName<'g>> = recycle(std::mem::take(&mut kept.full_names));
        let mut titled_singles: Vec<&'g str> = recycle(std::mem::take(&mut kept.names));
        let mut holders: Vec<(&'g str, &'g str)> = recycle(std::mem::take(&mut kept.holders));
        // the names of people, to size their table
        let mut person_names = 0;
        for m in mentions.all() {
            match &m.what {
                What::Person {
                    name, title, of, ..
                } => {
                    let name: &'g str = name;
                    if is_multiword(name) {
                        if !full_names.iter().any(|f| same(f.name, name)) {
                            full_names.push(FullName::new(g, name));
                        }
                    } else if let Some(t) = title {
                        titled_singles.push(name);
                        let state = match of {
                            Some(Of::Country(c)) => Some(*c),
                            _ => None,
                        };
                        // each name looked up once: the first holder found stands
                        let known = holders.iter().any(|(n, _)| same(n, name));
                        if !known {
                            if let Some(h) = titled_holder(g, name, t, state, date) {
                                holders.push((name, h));
                            }
                        }
                    }
                    person_names += 1;
                }
                What::Name(_) => person_names += 1,
                _ => {}
            }
        }
        // a name the article gives in full is that person's ("Secretary
        // Robert" after "Lorin S. Robert")
        holders.retain(|(n, _)| !full_names.iter().any(|f| f.has(n)));
        // each full name's lexicon name is asked when its mention resolves:
        // looked up here, one after another, their cache misses overlap
        for f in &full_names {
            f.canonical(g);
        }
        People {
            g,
            date,
            full_names,
            titled_singles,
            holders,
            met: refill(recycle(std::mem::take(&mut kept.met)), person_names.min(16)),
            at: HashMap::default(),
        }
    }

    /// Gives its lists back to `kept`, for the next article.
    fn keep(self, kept: &mut Kept) {
        kept.full_names = recycle(self.full_names);
        kept.names = recycle(self.titled_singles);
        kept.holders = recycle(self.holders);
        kept.met = recycle(self.met);
    }

    /// Whether the article names a person `name` in full.
    fn is_full_name(&self, name: &str) -> bool {
        self.full_names.iter().any(|f| same(f.name, name))
    }

    /// The person a name stands for; a name no full name or office-holder
    /// explains stands for a person of its own only when `alone`.
    #[inline]
    fn person_of(&mut self, res: &mut Resolution, name: &'g str, alone: bool) -> Option<usize> {
        let at = if self.at.is_empty() {
            self.met.iter().position(|(n, _)| same(n, name))
        } else {
            self.at.get(name).copied()
        };
        let at = match at {
            Some(at) => at,
            None => self.meet(name),
        };
        let slot = &mut self.met[at].1;
        if slot.0.is_none() && !alone {
            return None;
        }
        if slot.1.is_none() {
            slot.1 = Some(res.entity_named(EntityKind::Person, slot.0.unwrap_or(name), None));
        }
        slot.1
    }

    /// Files a name met for the first time with its full name; its place.
    fn meet(&mut self, name: &'g str) -> usize {
        let full = match self.holders.iter().find(|(n, _)| same(n, name)) {
            Some(&(_, h)) => Some(h),
            None => person_for(self.g, &self.full_names, name, self.date),
        };
        self.met.push((name, (full, None)));
        let at = self.met.len() - 1;
        if !self.at.is_empty() {
            self.at.insert(name, at);
        } else if self.met.len() > 16 {
            let places = self.met.iter().enumerate().map(|(i, (n, _))| (*n, i));
            self.at.extend(places);
        }
        at
    }
}

/// What one mention refers to, before it is counted.
struct Found {
    r: Option<Ref>,
    weak: bool,
    acts_as: Option<usize>,
}

/// A mention of a person since the last one known to speak, its entity,
/// and whether a reporting verb is next to it once asked.
type Unasked<'a> = (&'a Mention<'a>, usize, Option<bool>);

/// A title used alone: (sentence, title, of, place among the article's
/// resolved mentions).
type Pending<'a> = (usize, &'a str, Option<Of>, usize);

/// The state of resolving an article's mentions in order: who was last
/// named, who last spoke, the last country, titles left for later.
struct Resolver<'a, 'g> {
    g: &'g Gazetteer,
    surface: &'g dyn Fn(&'a Mention<'a>) -> Cow<'a, str>,
    reporting_next: &'g dyn Fn(&Mention) -> bool,
    res: Resolution,
    people: People<'g>,
    acronyms: HashMap<&'a str, usize, FxBuild>,
    last_person: Option<usize>,
    last_speaker: Option<usize>,
    /// Mentions of people since the last one known to speak, with whether a
    /// reporting verb is next to them once asked: asked only when a "he
    /// said" needs it.
    unasked: Vec<Unasked<'a>>,
    last_country: Option<usize>,
    /// The states named so far, in order: (country id, entity, sentence).
    states_named: Vec<(u32, usize, usize)>,
    /// Titles used alone: (sentence, title, of, place among the article's
    /// resolved mentions), resolved once every person is known.
    pending_titles: Vec<Pending<'a>>,
    /// The dateline's country.
    ctx: Option<usize>,
}

impl<'a: 'g, 'g> Resolver<'a, 'g> {
    fn new(
        g: &'g Gazetteer,
        mentions: &'a Mentions<'a>,
        surface: &'g dyn Fn(&'a Mention<'a>) -> Cow<'a, str>,
        reporting_next: &'g dyn Fn(&Mention) -> bool,
        date: Option<Date>,
        kept: &mut Kept,
    ) -> Self {
        let people = People::new(g, mentions, date, kept);
        // entities are far fewer than mentions: a guess at their number
        let guess = mentions.all().len().min(32);
        // in the buffers of the thread's last resolution
        let buf = std::mem::take(&mut kept.buffers);
        let res = Resolution {
            entities: refill(std::mem::take(&mut kept.entities), guess),
            buf: buf.emptied(mentions.all().len(), mentions.len() + 1, guess),
            speech_speaker: None,
        };
        Resolver {
            g,
            surface,
            reporting_next,
            res,
            people,
            acronyms: HashMap::default(),
            last_person: None,
            last_speaker: None,
            unasked: refill(recycle(std::mem::take(&mut kept.unasked)), guess.min(8)),
            last_country: None,
            states_named: refill(std::mem::take(&mut kept.states_named), guess.min(16)),
            pending_titles: recycle(std::mem::take(&mut kept.pending)),
            ctx: None,
        }
    }

    /// Notes `host` as the host of person `e` when `e` is a resident envoy
    /// ("Ambassador X would leave Lithuania"): no state of theirs.
    fn note_host(&mut self, e: usize, title: Option<&str>, host: Option<u32>) {
        let (Some(t), Some(c)) = (title, host) else {
            return;
        };
        if self.g.extract_words.is_resident_envoy(&t.to_lowercase()) {
            let h = self.res.country(self.g, c);
            self.res.buf.hosts.push((e, h));
        }
    }

    /// Resolves mention `m` of sentence `si` and adds it to the resolved
    /// mentions (the sentence's are the last).
    #[inline]
    fn mention(&mut self, si: usize, m: &'a Mention<'a>) {
        // whether a reporting verb is next to it, asked at most once
        let mut rep = None;
        let out = self.res.buf.resolved.len();
        let Some(found) = self.refer(si, m, out, &mut rep) else {
            return;
        };
        if let Some(Ref::Entity(e)) = found.r {
            self.note(m, e, si, rep);
        }
        let out = &mut self.res.buf.resolved;
        if let Some(r) = found.r {
            out.push(Resolved {
                start: m.start,
                end: m.end,
                r,
                weak: found.weak,
                acts_as: found.acts_as,
            });
        } else if matches!(m.what, What::TitleRef { .. }) {
            // placeholder, filled once every person is known
            out.push(Resolved {
                start: m.start,
                end: m.end,
                r: Ref::Pair { countries: false },
                weak: true,
                acts_as: None,
            });
        }
    }

    /// What mention `m` of sentence `si` refers to (`at`: its place among
    /// the article's resolved mentions); `None` to leave it out.
    #[inline]
    fn refer(
        &mut self,
        si: usize,
        m: &'a Mention<'a>,
        at: usize,
        rep: &mut Option<bool>,
    ) -> Option<Found> {
        let g = self.g;
        let mut f = Found {
            r: None,
            weak: false,
            acts_as: None,
        };
        let entity = |e: usize| Some(Ref::Entity(e));
        f.r = match &m.what {
            What::Country { id, strong } => {
                f.weak = !strong;
                let e = self.res.country(g, *id);
                if *strong {
                    self.last_country = Some(e);
                }
                self.states_named.push((*id, e, si));
                entity(e)
            }
            What::Capital(c) => {
                let e = self.res.entry(g, Entry::Capital(*c));
                let state = self.res.country(g, *c);
                f.acts_as = Some(state);
                self.states_named.push((*c, state, si));
                entity(e)
            }
            What::Descriptor { words } => self
                .described(si, crate::lexicon::descriptors::join(*words))
                .map(Ref::Entity),
            What::Place(p) => entity(self.res.entry(g, Entry::Place(*p))),
            // "came from Hikmet Hajiyev": a place only by its preposition,
            // a person where the article names that person
            What::NewPlace(n) if self.people.is_full_name(n) => {
                entity(self.people.person_of(&mut self.res, n, true)?)
            }
            What::NewPlace(n) => entity(self.res.entity_named(EntityKind::Place, n, None)),
            What::Org(o) => entity(self.res.entry(g, Entry::Org(*o))),
            What::NewOrg(n) => entity(self.res.entity_named(EntityKind::Organization, n, None)),
            What::Initiative(x) => entity(self.res.entry(g, Entry::Initiative(*x))),
            What::NewInitiative(n) => {
                entity(self.res.entity_named(EntityKind::Initiative, n, None))
            }
            What::Body => {
                // "..., the Ministry of Foreign Affairs said": a generic body
                // speaking is the dateline's state, not the last one named
                let speaks = self.ctx.is_some() && self.reporting(m, rep);
                let c = match speaks {
                    true => self.ctx,
                    false => self.last_country.or(self.ctx),
                };
                f.acts_as = c;
                c.map(Ref::Entity)
            }
            What::Person {
                name,
                title,
                of,
                former,
                host,
            } => {
                let e = self.person(si, name, title.as_deref(), *of, *former)?;
                self.note_host(e, title.as_deref(), *host);
                entity(e)
            }
            What::TitleRef { title, of } => {
                self.pending_titles.push((si, title, *of, at));
                None
            }
            What::Name(n) => self.name(m, n, rep).map(Ref::Entity),
            // "he said": the one who last spoke, before the one last named
            What::Pronoun if self.reporting(m, rep) => self.speaker().map(Ref::Entity),
            What::Pronoun => self.last_person.map(Ref::Entity),
            What::FirstPerson => self.res.speech_speaker.map(Ref::Entity),
            What::Pair { countries } => Some(Ref::Pair {
                countries: *countries,
            }),
        };
        Some(f)
    }

    /// The state a descriptor in sentence `si` stands for: the last one
    /// named that has all its `words` ("the Gulf kingdom"); with none ("the
    /// country"), the one state named in this sentence or the one before,
    /// if only one is.
    fn described(&self, si: usize, words: u128) -> Option<usize> {
        let d = &self.g.descriptors;
        let mut named = self.states_named.iter().rev();
        if words != 0 {
            return named.find(|&&(id, ..)| d.fits(id, words)).map(|x| x.1);
        }
        let mut recent = named.take_while(|x| x.2 + 1 >= si);
        let first = recent.next()?.1;
        recent.all(|x| x.1 == first).then_some(first)
    }

    /// Whether a reporting verb is next to `m`, asked at most once (`rep`).
    #[inline]
    fn reporting(&self, m: &Mention, rep: &mut Option<bool>) -> bool {
        *rep.get_or_insert_with(|| (self.reporting_next)(m))
    }

    /// The person of a person phrase in sentence `si`, given the title the
    /// phrase names; `None` when there is none.
    fn person(
        &mut self,
        si: usize,
        name: &'a str,
        title: Option<&'a str>,
        of: Option<Of>,
        former: bool,
    ) -> Option<usize> {
        let e = self.people.person_of(&mut self.res, name, true)?;
        if let Some(t) = title {
            let of_e = self.res.of_entity(self.g, of);
            self.res.hold(e, t, of_e, former, si);
        }
        self.last_person = Some(e);
        Some(e)
    }

    /// The person a single name `n` stands for: an acronym's entity, a
    /// person named more fully, else one of its own next to a reporting
    /// verb or titled elsewhere.
    fn name(&mut self, m: &Mention, n: &'a str, rep: &mut Option<bool>) -> Option<usize> {
        if let Some(&e) = self.acronyms.get(n) {
            return Some(e);
        }
        let e = if let Some(e) = self.people.person_of(&mut self.res, n, false) {
            e
        } else if self.reporting(m, rep) || self.people.titled_singles.iter().any(|t| same(t, n)) {
            self.res.entity_named(EntityKind::Person, n, None)
        } else {
            return None;
        };
        self.last_person = Some(e);
        Some(e)
    }

    /// "He said": the one who last spoke (the latest person since named
    /// next to a reporting verb), else the one last named.
    fn speaker(&mut self) -> Option<usize> {
        while let Some((pm, e, known)) = self.unasked.pop() {
            if known.unwrap_or_else(|| (self.reporting_next)(pm)) {
                self.last_speaker = Some(e);
                self.unasked.clear();
            }
        }
        self.last_speaker.or(self.last_person)
    }

    /// Counts mention `m` of entity `e` in sentence `si`: the names it is
    /// written as, an acronym it defines, a person who may speak.
    #[inline]
    fn note(&mut self, m: &'a Mention<'a>, e: usize, si: usize, rep: Option<bool>) {
        let ent = &mut self.res.entities[e];
        if ent.kind == EntityKind::Person {
            if rep == Some(true) {
                // the ones before do not matter any more
                self.unasked.clear();
            }
            self.unasked.push((m, e, rep));
        }
        ent.mentions += 1;
        ent.first_sentence = ent.first_sentence.min(si);
        if !matches!(
            m.what,
            What::Pronoun | What::Body | What::Descriptor { .. } | What::FirstPerson
        ) {
            let s = (self.surface)(m);
            if !s.is_empty() {
                self.res.add_alias(e, &s);
            }
        }
        if let Some(a) = &m.acronym {
            self.res.add_alias(e, a);
            self.acronyms.insert(a, e);
        }
    }
}

impl Resolution {
    /// The entity of what a title is of.
    fn of_entity(&mut self, g: &Gazetteer, of: Option<Of>) -> Option<usize> {
        of.map(|o| match o {
            Of::Country(c) => self.country(g, c),
            // an office in a state's ministry or agency is the state's
            Of::Org(x) => match g.orgs[x as usize] {
                Named {
                    government: true,
                    country: Some(c),
                    ..
                } => self.country(g, c),
                _ => self.entry(g, Entry::Org(x)),
            },
        })
    }

    /// Gives person `e` title `t` of `of_e` (named in sentence `si`), unless
    /// they hold it; a title they hold of nothing yet gets `of_e`.
    fn hold(&mut self, e: usize, t: &str, of_e: Option<usize>, former: bool, si: usize) {
        let roles = &mut self.entities[e].roles;
        let known = roles
            .iter()
            .any(|r| (of_e.is_none() || r.of == of_e) && title_matches(&r.title, t));
        if known {
            return;
        }
        if let Some(r) = roles
            .iter_mut()
            .find(|r| r.of.is_none() && title_matches(&r.title, t))
        {
            r.of = of_e;
        } else {
            roles.push(Role {
                title: t.to_string(),
                of: of_e,
                former,
                sentence: si,
            });
        }
    }

    /// One envoy holding a title of no stated state takes the state of the
    /// same title used alone ("the French ambassador" ... "Ambassador Joel
    /// Meyer"), when the article names just one such envoy.
    fn titles_from_refs(&mut self, g: &Gazetteer, pending: &[Pending]) {
        let envoys = &g.extract_words;
        for &(_, title, of, _) in pending {
            if of.is_none() {
                continue;
            }
            let holds = |e: &Entity| {
                e.kind == EntityKind::Person
                    && e.roles.iter().all(|r| r.of.is_none())
                    && e.roles.iter().any(|r| title_matches(&r.title, title))
            };
            let mut who = (0..self.entities.len()).filter(|&i| holds(&self.entities[i]));
            // the envoy's title looked up last: most articles have no such envoy
            let (Some(e), None) = (who.next(), who.next()) else {
                continue;
            };
            if !envoys.is_resident_envoy(&title.to_lowercase()) {
                continue;
            }
            let of_e = self.of_entity(g, of);
            for r in &mut self.entities[e].roles {
                if title_matches(&r.title, title) {
                    r.of = of_e;
                }
            }
        }
    }

    /// The country a title of no stated country is of: the article's most
    /// mentioned country (the first of them) that no titled person belongs to,
    /// other than `except`.
    fn free_country(&self, except: Option<usize>) -> Option<usize> {
        let owned = |i: usize| {
            self.entities
                .iter()
                .any(|e| e.roles.iter().any(|r| r.of == Some(i)))
        };
        let mut free: Option<(usize, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.kind == EntityKind::Country
                && except != Some(i)
                && free.is_none_or(|(most, _)| e.mentions > most)
                && !owned(i)
            {
                free = Some((e.mentions, i));
            }
        }
        free.map(|(_, i)| i)
    }

    /// What the article does not say, the people lexicon may know: the role
    /// a known person held at `date`, for one holding no title of anything.
    fn roles_from_lexicon(&mut self, g: &Gazetteer, date: Option<Date>) {
        for e in 0..self.entities.len() {
            // one holding a title of something is skipped before the look-up
            let ent = &self.entities[e];
            if ent.kind != EntityKind::Person || ent.roles.iter().any(|r| r.of.is_some()) {
                continue;
            }
            let Some(&p) = g.person_names.get(self.name(e)) else {
                continue;
            };
            let info = &g.people[p as usize];
            let Some((title, org, _, _)) = info.active(date) else {
                // "President-elect Donald Trump": out of office, still of his state
                let of = info.country.map(|c| self.country(g, c));
                for r in &mut self.entities[e].roles {
                    r.of = r.of.or(of);
                }
                continue;
            };
            let of = if org.is_empty() {
                info.country.map(|c| self.country(g, c))
            } else {
                g.orgs
                    .iter()
                    .position(|o| o.name == *org)
                    .and_then(|x| u32::try_from(x).ok())
                    .map(|x| self.entry(g, Entry::Org(x)))
            };
            let Some(of) = of else { continue };
            let ent = &mut self.entities[e];
            let sentence = ent
                .roles
                .first()
                .map(|r| r.sentence)
                .unwrap_or(ent.first_sentence);
            ent.roles.retain(|r| r.of.is_some());
            ent.roles.push(Role {
                title: title.clone(),
                of: Some(of),
                former: false,
                sentence,
            });
        }
    }

    /// Drops the titles of nothing of one who holds a title of something;
    /// the others are of the `free` country.
    fn settle_roles(&mut self, free: Option<usize>) {
        for e in &mut self.entities {
            if e.roles.iter().any(|r| r.of.is_some()) {
                e.roles.retain(|r| r.of.is_some());
            }
        }
        for i in 0..self.entities.len() {
            // an envoy's host is not their state: the next free one is
            let host = self
                .buf
                .hosts
                .iter()
                .find(|&&(e, _)| e == i)
                .map(|&(_, h)| h);
            let of = match host {
                Some(h) if free == Some(h) => self.free_country(Some(h)),
                _ => free,
            };
            for r in &mut self.entities[i].roles {
                if r.of.is_none() {
                    r.of = of;
                }
            }
        }
    }

    /// Titles used alone: each the person who holds that title (of that
    /// country), else the state it is of; a title nobody holds is dropped.
    fn titles_alone(&mut self, g: &Gazetteer, pending: &[Pending]) {
        if pending.is_empty() {
            return;
        }
        let mut dropped = false;
        // who may hold one: people with titles, and the first sentence naming one
        // (the titles do not change below, and entities made below hold none)
        let holders: Vec<(usize, usize)> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter_map(|(i, e)| Some((i, e.roles.iter().map(|r| r.sentence).min()?)))
            .collect();
        for &(si, title, of, idx) in pending {
            let of_e = self.of_entity(g, of);
            let holder = self.holder(&holders, (title, g.covered_titles(title)), of_e, si);
            // a title of a body that nobody holds here names nobody
            let of_state = of_e.filter(|&o| self.entities[o].kind == EntityKind::Country);
            let Some(slot) = self.buf.resolved.get_mut(idx) else {
                continue;
            };
            match holder.or(of_state) {
                Some(e) => {
                    slot.r = Ref::Entity(e);
                    slot.weak = false;
                    // "the Ambassador of Japan", held by nobody named: an official of the state
                    slot.acts_as = holder.is_none().then_some(e);
                    self.entities[e].mentions += 1;
                }
                None => {
                    // nobody holds it: drop the mention
                    slot.r = Ref::Pair { countries: false };
                    slot.weak = true;
                    slot.start = usize::MAX;
                    dropped = true;
                }
            }
        }
        if dropped {
            self.drop_marked();
        }
    }

    /// Drops the resolved mentions marked to go (a start of `usize::MAX`),
    /// each sentence's bounds moved back by those dropped before them.
    fn drop_marked(&mut self) {
        let (mut gone, mut next) = (0, 0);
        for b in &mut self.buf.bounds {
            let before = self.buf.resolved.get(next..*b).unwrap_or_default();
            gone += before.iter().filter(|m| m.start == usize::MAX).count();
            next = *b;
            *b -= gone;
        }
        self.buf.resolved.retain(|m| m.start != usize::MAX);
    }

    /// The resolved mentions of sentence `si`, in order.
    pub fn sentence(&self, si: usize) -> &[Resolved] {
        let (Some(&a), Some(&b)) = (self.buf.bounds.get(si), self.buf.bounds.get(si + 1)) else {
            return &[];
        };
        self.buf.resolved.get(a..b).unwrap_or_default()
    }

    /// The resolved mentions of each sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &[Resolved]> + '_ {
        let bounds = self.buf.bounds.windows(2);
        bounds.map(|w| self.buf.resolved.get(w[0]..w[1]).unwrap_or_default())
    }

    /// The one of `holders` (person, first sentence with a title) who holds
    /// `title` (of `of_e`), nearest before sentence `si`, else nearest after.
    /// A generic title ("the head of state") is held by whoever holds one
    /// of the titles it `covers` as such ("President", not "Vice President").
    fn holder(
        &self,
        holders: &[(usize, usize)],
        (title, covers): (&str, &[String]),
        of_e: Option<usize>,
        si: usize,
    ) -> Option<usize> {
        let holds =
            |t: &str| title_matches(t, title) || covers.iter().any(|c| c.eq_ignore_ascii_case(t));
        holders
            .iter()
            .filter(|&&(i, _)| {
                self.entities[i]
                    .roles
                    .iter()
                    .any(|r| (of_e.is_none() || r.of == of_e) && holds(&r.title))
            })
            .min_by_key(|&&(_, first)| {
                if first <= si {
                    si - first
                } else {
                    10_000 + first - si
                }
            })
            .map(|&(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::{entity_id, first_and_last, is_multiword, resolve, title_matches, Ref, Resolution};
    use crate::extract::mention::{Mention, Mentions, Of, What};
    use crate::model::{slug, EdgeKind, EntityKind};
    use crate::{Article, Extractor, Gazetteer, Lexicon};
    use std::borrow::Cow;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(&Lexicon::builtin().unwrap()).unwrap()
    }

    /// A one-token mention at token `start`.
    fn at(start: usize, what: What<'_>) -> Mention<'_> {
        Mention {
            start,
            end: start + 1,
            what,
            acronym: None,
        }
    }

    fn person<'s>(name: &'s str, title: Option<&'s str>, of: Option<Of>) -> What<'s> {
        What::Person {
            name: name.into(),
            title: title.map(Into::into),
            of,
            former: false,
            host: None,
        }
    }

    /// Resolves `mentions`, the ones at `reporting` being next to a
    /// reporting verb, each written as its start's number.
    fn resolved(g: &Gazetteer, mentions: &[Vec<Mention>], reporting: &[usize]) -> Resolution {
        let surface = |m: &Mention| Cow::Owned(m.start.to_string());
        let reporting_next = |m: &Mention| reporting.contains(&m.start);
        let pak = g.code_index["PAK"];
        let mentions = Mentions::from(mentions.to_vec());
        resolve(
            g,
            &mentions,
            &surface,
            &reporting_next,
            Some(pak),
            None,
            None,
        )
    }

    /// The entity a resolved mention at token `start` refers to, by name.
    fn named(res: &Resolution, start: usize) -> Option<&str> {
        let m = res.sentences().flatten().find(|m| m.start == start)?;
        match m.r {
            Ref::Entity(e) => Some(res.name(e)),
            Ref::Pair { .. } => None,
        }
    }

    #[test]
    fn an_article_names_each_thing_once() {
        let x = Extractor::new().unwrap().extract(
            &Article::parse(
                "t",
                " date 2023-05-06 Qin Gang in Islamabad\n\nISLAMABAD, May 6 (Xinhua) -- Chinese Foreign Minister Qin Gang met Pakistani Foreign Minister Bilawal Bhutto Zardari on Friday. Qin said China firmly supports Pakistan. The Pakistani side thanked China for its help.",
            )
            .unwrap(),
        );
        let people: Vec<_> = x
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        assert_eq!(people.len(), 2, "{people:?}");
        let qin = people.iter().find(|e| e.id == "person:qin-gang").unwrap();
        assert_eq!(qin.aliases, ["Qin"]);
        let pakistan = x.entities.iter().find(|e| e.id == "country:pakistan");
        assert_eq!(pakistan.unwrap().aliases, ["Pakistani side"]);
        let edge = |kind: EdgeKind, source: &str, target: &str| {
            x.edges
                .iter()
                .find(|e| e.kind == kind && e.source == source && e.target == target)
        };
        let role = edge(EdgeKind::Role, "person:qin-gang", "country:china").unwrap();
        assert_eq!(role.role.as_deref(), Some("Foreign Minister"));
        let support = edge(EdgeKind::Support, "country:china", "country:pakistan").unwrap();
        assert_eq!(support.speaker.as_deref(), Some("person:qin-gang"));
        assert!(edge(EdgeKind::Praise, "country:pakistan", "country:china").is_some());
        let zardari = "person:bilawal-bhutto-zardari";
        assert!(edge(EdgeKind::Role, zardari, "country:pakistan").is_some());
    }

    #[test]
    fn a_surname_alone_is_the_office_holder_of_its_date() {
        // Nikos Kotzias (people_petrarch.ron, from office_holders.tsv) was
        // Greece's Foreign Minister in 2016: named without a title he still
        // holds that office, so his edges reach Greece
        let x = Extractor::new().unwrap().extract(
            &Article::parse(
                "t",
                " date 2016-03-03 Kotzias in Moscow\n\nMOSCOW, March 3 -- Kotzias met Lavrov in Moscow on Thursday. Kotzias said Greece supports dialogue.",
            )
            .unwrap(),
        );
        let role = x
            .edges
            .iter()
            .find(|e| e.kind == EdgeKind::Role && e.source == "person:nikos-kotzias")
            .unwrap();
        assert_eq!(role.target, "country:greece");
        assert_eq!(role.role.as_deref(), Some("Foreign Minister"));
    }

    #[test]
    fn he_said_is_the_last_speaker_his_the_last_named() {
        let g = gazetteer();
        // "Qin Gang said ... He met Bilawal Bhutto Zardari. He said ... his ..."
        let mentions = vec![
            vec![at(0, person("Qin Gang", None, None))],
            vec![
                at(10, What::Pronoun),
                at(12, person("Bilawal Bhutto Zardari", None, None)),
            ],
            vec![at(20, What::Pronoun), at(25, What::Pronoun)],
            vec![
                at(30, What::Name("Gang".into())),
                at(32, What::Name("Smith".into())),
            ],
        ];
        let res = resolved(&g, &mentions, &[0, 20]);
        assert_eq!(named(&res, 10), Some("Qin Gang"));
        assert_eq!(named(&res, 20), Some("Qin Gang"));
        assert_eq!(named(&res, 25), Some("Bilawal Bhutto Zardari"));
        // a surname is its full name; an unknown name not next to "said" is nobody
        assert_eq!(named(&res, 30), Some("Qin Gang"));
        assert_eq!(named(&res, 32), None);
        let qin = res
            .entities
            .iter()
            .find(|e| res.name_of(e) == "Qin Gang")
            .unwrap();
        assert_eq!(qin.mentions, 4);
        let text = res.record_text();
        let mut aliases: Vec<&str> = res.alias_spans(qin).map(|s| s.of(&text)).collect();
        aliases.sort_unstable();
        assert_eq!(aliases, ["0", "30"]);
    }

    fn country(id: u32, strong: bool) -> What<'static> {
        What::Country { id, strong }
    }

    fn title(title: &str, of: Option<Of>) -> What<'_> {
        What::TitleRef {
            title: title.into(),
            of,
        }
    }

    /// "The Foreign Ministry said ... Indian Foreign Minister Sharma met
    /// India's ... Chinese personnel ... the ministry ... the foreign
    /// minister, the Chinese president, the UN secretary-general".
    fn in_context(g: &Gazetteer) -> Resolution {
        let (chn, ind) = (g.code_index["CHN"], g.code_index["IND"]);
        let un = g.orgs.iter().position(|o| o.name == "United Nations");
        let un = un.unwrap() as u32;
        let sharma = person("Anil Kumar Sharma", Some("Foreign Minister"), None);
        let mentions = vec![
            vec![at(0, What::Body)],
            vec![
                at(10, sharma),
                at(11, country(ind, true)),
                at(14, country(ind, true)),
                at(16, country(chn, false)),
                at(18, What::Body),
            ],
            vec![
                at(20, title("foreign minister", None)),
                at(22, title("President", Some(Of::Country(chn)))),
                at(24, title("Secretary-General", Some(Of::Org(un)))),
            ],
        ];
        resolved(g, &mentions, &[])
    }

    #[test]
    fn bodies_and_demonyms_take_their_context() {
        let res = in_context(&gazetteer());
        // before any country, a body is the dateline's state
        assert_eq!(named(&res, 0), Some("Pakistan"));
        let weak = |start: usize| {
            let mut all = res.sentences().flatten();
            all.find(|m| m.start == start).unwrap().weak
        };
        // a bare demonym is weak and does not become the body's state
        assert_eq!(named(&res, 16), Some("China"));
        assert!(weak(16) && !weak(14));
        assert_eq!(named(&res, 18), Some("India"));
    }

    #[test]
    fn titles_alone_are_their_holders() {
        let res = in_context(&gazetteer());
        // a title of no country is of the most mentioned country
        let mut people = res.entities.iter().filter(|e| e.kind == EntityKind::Person);
        let sharma = people.next().unwrap();
        let of = sharma.roles[0].of.map(|o| res.name(o));
        assert_eq!(of, Some("India"));
        assert_eq!(named(&res, 20), Some("Anil Kumar Sharma"));
        // a title of a state nobody here holds is the state
        assert_eq!(named(&res, 22), Some("China"));
        // a title of a body nobody here holds names nobody: dropped
        assert!(res.sentence(2).iter().all(|m| m.start != 24));
        assert_eq!(res.sentence(2).len(), 2);
        assert_eq!(
            res.sentences().map(<[_]>::len).collect::<Vec<_>>(),
            [1, 5, 2]
        );
    }

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

    proptest::proptest! {
        /// [`first_and_last`] is what `split_whitespace` gives, on any text.
        #[test]
        fn first_and_last_words_are_split_whitespace_s(name in "[ a-c\t\n\x0b\x0c\r\u{85}\u{a0}é-]{0,12}") {
            let mut parts = name.split_whitespace();
            let plain = (parts.next(), parts.next_back());
            proptest::prop_assert_eq!(first_and_last(&name), plain);
        }

        /// [`is_multiword`] is whether `split_whitespace` gives two words.
        #[test]
        fn multiword_is_two_split_whitespace_words(name in "[ a-c\t\n\x0b\x0c\r\x1f\u{85}\u{a0}é-]{0,12}") {
            let plain = name.split_whitespace().nth(1).is_some();
            proptest::prop_assert_eq!(is_multiword(&name), plain);
        }
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
