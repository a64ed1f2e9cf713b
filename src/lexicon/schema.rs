//! Knowledge as data: the RON lexicons embedded in the binary (countries,
//! places, organizations, state bodies, initiatives, titles, cues and word
//! lists) plus any a user adds, and the index the mention finder uses.

use crate::error::{Error, Result};
use crate::lexicon::words::{WordId, NO_WORD};
use crate::model::{EdgeKind, EntityKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One lexicon document. Every section is optional; files add up.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lexicon {
    /// States and territories with an ISO 3166-1 code, their demonyms and capitals.
    pub countries: Vec<CountryEntry>,
    /// Cities, provinces and regions that are not countries, with their country.
    pub places: Vec<PlaceEntry>,
    /// Named bodies: blocs, parties, agencies, companies (`ASEAN`).
    pub organizations: Vec<OrgEntry>,
    /// Bodies whose name stands for their state when it acts (`the Kremlin`).
    pub state_bodies: Vec<StateBodyEntry>,
    /// Named initiatives, corridors and policies (`Belt and Road Initiative`).
    pub initiatives: Vec<InitiativeEntry>,
    /// Titles of office (`Foreign Minister`), matched ignoring case.
    pub titles: Vec<TitleEntry>,
    /// Well-known office-holders with their roles and the dates they held them.
    pub people: Vec<PersonEntry>,
    /// The cue patterns of each edge kind, with their CAMEO codes.
    pub cues: Vec<CueEntry>,
    /// Capitalised words that are no name and begin none (`The`, `Monday`, `Mr`).
    pub non_names: Vec<String>,
    /// What news calls a state in place of its name ("the Gulf kingdom"):
    /// each state's descriptor words.
    pub descriptors: Vec<DescriptorEntry>,
    /// The word lists the extraction rules read.
    pub words: Words,
}

/// A state's descriptor words ("gulf", "arab", "kingdom"): "the Gulf
/// kingdom" may stand for a state named before only if it has every word of
/// the phrase that some state has.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DescriptorEntry {
    /// Alpha-3 of the state.
    pub country: String,
    /// Lower-case words, one token each.
    pub words: Vec<String>,
}

/// A well-known office-holder with date-bounded roles (like PETRARCH's actors).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PersonEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Alpha-3 of the state they serve, "" for international officials.
    pub country: String,
    pub roles: Vec<RoleSpan>,
}

/// A title held from one date to another ("" = still held).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoleSpan {
    pub title: String,
    /// "" for the person's country, else an organization's name.
    pub of: String,
    /// `YYYY-MM-DD` or `YYYY`.
    pub from: String,
    pub to: String,
}

/// Parses `YYYY-MM-DD` or `YYYY` (as its first or last day).
pub fn loose_date(s: &str, end: bool) -> Option<crate::text::date::Date> {
    let s = s.trim();
    if s.len() == 4 {
        let y: i32 = s.parse().ok()?;
        return if end {
            crate::text::date::Date::new(y, 12, 31)
        } else {
            crate::text::date::Date::new(y, 1, 1)
        };
    }
    crate::text::date::Date::parse_iso(s)
}

/// A state or territory with an ISO 3166-1 code.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CountryEntry {
    pub name: String,
    pub code: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: String,
    pub capital_aliases: Vec<String>,
}

/// A city, province, region or sea that is not a country.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaceEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Alpha-3 of the country it lies in, "" when none or several.
    pub country: String,
}

/// A named body: intergovernmental organization, party, agency, company.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrgEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Alpha-3 when it belongs to one state, else "".
    pub country: String,
    /// An organ of its state's executive (a ministry, department, agency or
    /// armed force): an office in it is an office of the state.
    pub government: bool,
}

/// A body whose name stands for its state when it acts ("the Kremlin said").
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StateBodyEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Alpha-3, or "" for a generic body resolved from context.
    pub country: String,
}

/// A named initiative, programme, corridor, agreement, policy or strategy.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InitiativeEntry {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A title held by a person; matched ignoring case.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TitleEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// A generic title's holders by their own titles: "the head of state"
    /// is the one who is President, King or Emir.
    pub covers: Vec<String>,
}

/// How a cue's arguments sit around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frame {
    /// Agent before the cue, partner after it: "China supports Pakistan".
    #[default]
    Subject,
    /// Both sides after the cue: "a meeting between X and Y".
    Between,
    /// The person right after the cue is the visitor: "visiting Foreign Minister Qin".
    Visitor,
    /// A noun whose agent is its possessor or the demonym right before it,
    /// partner after it: "Sweden's criticism of Riyadh", "Chinese support for".
    Nominal,
    /// Among the agents named before it, two or more, nobody after it (what
    /// follows is a topic): "Lula and Fernandez discussed trade".
    Among,
}

/// A cue of one edge kind: word patterns matched ignoring case. In a pattern
/// `a|b` is either word, `word?` is optional and `*` is one to four words.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    pub kind: EdgeKind,
    #[serde(default)]
    pub cameo: String,
    pub patterns: Vec<String>,
    #[serde(default)]
    pub frame: Frame,
    /// Not a cue after a determiner ("its support", "the visit").
    #[serde(default)]
    pub verb_only: bool,
    /// Words that, right after the cue, mean it is no cue ("thanks to").
    #[serde(default)]
    pub not_followed_by: Vec<String>,
    /// Kinds its partner must be of, when given: "called on" meets a
    /// person ("called on President X"), never a state ("called on Russia").
    #[serde(default)]
    pub partner_kinds: Vec<EntityKind>,
    /// Words that, right after its partners, mean it is no cue ("called on
    /// X to act": a demand, no meeting).
    #[serde(default)]
    pub not_after_partner: Vec<String>,
    /// The partner is the source and the agent the target: the agent
    /// receives ("Sri Lanka secured a credit line from India").
    #[serde(default)]
    pub received: bool,
    /// A meeting where no one travels: a summons calls in an envoy posted
    /// to the agent's own land, so the place named makes no visit.
    #[serde(default)]
    pub no_visit: bool,
    /// When given, the cue counts only opening a sentence ("During the
    /// talks,"): between the first person after its comma and the person
    /// right after one of these words next to them ("Wang told Blinken").
    #[serde(default)]
    pub addressed_after: Vec<String>,
    /// Sentences this cue must produce an edge of its kind in.
    #[serde(default)]
    pub matches: Vec<String>,
    /// Sentences it must not produce an edge of its kind in.
    #[serde(default)]
    pub rejects: Vec<String>,
}

/// Word lists the extraction rules read.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Words {
    /// Verbs that report speech: said, stressed, noted...
    pub reporting: Vec<String>,
    /// Words that deny the stance after them: not, never, no.
    pub negation: Vec<String>,
    /// Words that put an event in the future: will, to, set, scheduled.
    pub future: Vec<String>,
    /// Words before a title that modify it: vice, deputy, acting, former.
    pub title_modifiers: Vec<String>,
    /// Lower-case particles inside names: de, van, bin, al.
    pub name_particles: Vec<String>,
    /// Last words that make a capitalised phrase an organization.
    pub org_heads: Vec<String>,
    /// Last words that make a capitalised phrase an initiative.
    pub initiative_heads: Vec<String>,
    /// Last words that make a capitalised phrase a place.
    pub place_heads: Vec<String>,
    /// Words before a name that are no title of office: Mr, Dr, Sheikh.
    pub honorifics: Vec<String>,
    /// Nouns that, after a demonym or "the X", mean the state: side, government.
    pub state_nouns: Vec<String>,
    /// Phrases that mean the two sides of the article: "both sides".
    pub pair_phrases: Vec<String>,
    /// Fields of cooperation named as topics.
    pub topics: Vec<String>,
    /// Determiners a person phrase or a title used alone may begin with:
    /// the, his, its. ASCII lower-case letters, at most 8.
    pub determiners: Vec<String>,
    /// Pronouns that stand for a person: he, she, his. ASCII lower-case
    /// letters, at most 8.
    pub pronouns: Vec<String>,
    /// Words before a capital that make it the city, not its state: in,
    /// visiting ("talks in Beijing", but "Beijing said").
    pub city_cues: Vec<String>,
    /// Stems that make a pair phrase mean the two states: countr, side.
    pub pair_state_stems: Vec<String>,
    /// Nouns a phrase standing for a state ends in: country, nation,
    /// kingdom ("the west African country").
    pub country_heads: Vec<String>,
    /// Such nouns that stand for a state only after a descriptor word:
    /// state, island ("the Baltic state", but "the state media").
    pub described_heads: Vec<String>,
    /// Words that make "the ... country" stand for no state named before:
    /// first, only, host ("the first country to recognise").
    pub descriptor_stops: Vec<String>,
    /// Title modifiers that make the holder a former one: former, late.
    pub former_modifiers: Vec<String>,
    /// Words joining two titles of one person: "President and Prime Minister".
    pub title_joiners: Vec<String>,
    /// Lower-case fields of a ministry that make a title of a bare one:
    /// "Infrastructure Minister", "Minister of Roads and Transport".
    pub portfolios: Vec<String>,
    /// Lower-case titles a portfolio makes a title of: "minister", "secretary".
    pub portfolio_titles: Vec<String>,
    /// Lower-case verbs of leaving a state: leave, left ("Ambassador X
    /// would leave Lithuania": the envoy's host).
    pub departure_verbs: Vec<String>,
    /// Words after a title before whose title it is: "Minister of X".
    pub owner_prepositions: Vec<String>,
    /// Words after a title before the state an envoy is sent to, which is
    /// not whose title it is: "Ambassador to X".
    pub host_prepositions: Vec<String>,
    /// Lower-case words that may join capitalised words into one unknown
    /// name: "Bank of Industry", "Minister for Trade".
    pub name_connectors: Vec<String>,
    /// Words after which a known name goes on an unknown one rather than
    /// ending it: "Bank of China".
    pub known_name_links: Vec<String>,
    /// Words after a first word that heads initiatives that make the
    /// phrase an initiative: "Agreement on Trade".
    pub initiative_links: Vec<String>,
    /// Words before an unknown name that make it a place: "in Kyrgyzstan".
    pub place_prepositions: Vec<String>,
    /// Relative pronouns that stand for the object of the clause after
    /// them: whom ("King Salman, whom Modi thanked": Modi thanked Salman).
    pub object_relatives: Vec<String>,
    /// Words of a title that make the article one person's speech, whose
    /// name follows "by": remarks, statement ("Remarks by President Zuma").
    pub speech_heads: Vec<String>,
    /// First-person words (as written) that, in a speech, stand for its
    /// speaker: I, my, we, our.
    pub first_person: Vec<String>,
    /// Nouns before "of" and an unknown name that make it a place: "the
    /// port town of Santa Marta".
    pub place_nouns: Vec<String>,
    /// First words (as written) that make an unknown name an initiative:
    /// "Operation Barkhane".
    pub initiative_prefixes: Vec<String>,
    /// First words (as written) of a short sentence that begins a list of
    /// other articles' headlines: "Related", "Read", "See".
    pub related_headers: Vec<String>,
    /// First words (as written) of a photo credit line: "Photo", "File".
    pub photo_headers: Vec<String>,
    /// Tokens right after a photo header that make its line a credit: ":", "by".
    pub photo_links: Vec<String>,
    /// Words or signs, one token each (as written), that make their sentence
    /// a credit line: "Copyright", "©".
    pub credit_marks: Vec<String>,
    /// News agencies (as written) whose name in brackets is a credit: "(Xinhua)".
    pub agencies: Vec<String>,
    /// Month names (as written) that are a date only before a number: "May".
    pub months_needing_day: Vec<String>,
    /// Words naming a day by its distance from the article's: ("yesterday", -1).
    pub relative_days: Vec<(String, i32)>,
    /// Words that, before a weekday in its sentence, make it the next one
    /// rather than the last: "will", "scheduled" ("will travel to Tunisia on
    /// Wednesday").
    pub forward_days: Vec<String>,
    /// Reporting verbs that, right after an unknown word, make it a speaker: said, told.
    pub reporting_after: Vec<String>,
    /// Last parts of a hyphenated word that make its first part back what
    /// follows: "Iranian-backed".
    pub backing_suffixes: Vec<String>,
    /// Nouns that, soon after a hyphenated pair, make it a meeting of the
    /// two: "China-ASEAN summit".
    pub meeting_nouns: Vec<String>,
    /// Titles (lower case, contained in the title held) of envoys who live
    /// where they are posted, so meeting there is no visit: ambassador.
    /// With `travelling_envoys`, the envoys a criticism aimed at stands for
    /// the state that sent them.
    pub resident_envoys: Vec<String>,
    /// Envoy titles that travel, though they contain a resident one: special envoy.
    pub travelling_envoys: Vec<String>,
    /// Words that make the next word a noun, so that a verb-only cue after
    /// one is no cue: the, its, strong ("its support", "strong support").
    pub noun_markers: Vec<String>,
    /// Prepositions whose object is no agent: in, near, against ("near the
    /// Israel embassy").
    pub object_prepositions: Vec<String>,
    /// Words that introduce a commitment's partner: with, to, alongside.
    pub commitment_prepositions: Vec<String>,
    /// Words between a partner and the preposition introducing it: the, its.
    pub partner_determiners: Vec<String>,
    /// Words between an agent and a preposition before it: the, a, an.
    pub articles: Vec<String>,
    /// Words between a speaker and the reporting verb: also, has, again
    /// ("X also said").
    pub reporting_adverbs: Vec<String>,
    /// Words before a place that make it where an edge happens: in, at.
    pub venue_prepositions: Vec<String>,
    /// Words before a meeting's or signing's partner: with, by, to.
    pub meeting_prepositions: Vec<String>,
    /// Words before a gerund cue whose agent is the one named before them:
    /// for, by ("praised China for supporting the UN").
    pub gerund_prepositions: Vec<String>,
    /// Words that put the agent after them: by (a directed cue in the
    /// participle, "an offer welcomed by the US"; a host cue's host, "was
    /// welcomed by Abiy"; a visit's visitor, "a visit by a Chinese premier").
    pub agent_prepositions: Vec<String>,
    /// Forms of "be" before a meeting cue that make it a passive idiom,
    /// no meeting: was, been ("was met with criticism").
    pub passive_auxiliaries: Vec<String>,
    /// Words before a visit's destination named past the words right after
    /// the cue: to, in, of ("visited the Gulf state of Qatar").
    pub destination_prepositions: Vec<String>,
    /// Words that put a meeting in a third place, not where the dateline
    /// is: sidelines, margins ("met on the sidelines of the summit").
    pub third_venues: Vec<String>,
    /// Words of mediation before "between": the two named after them are
    /// no pair pledging to each other ("offered to mediate between A and B").
    pub mediation_words: Vec<String>,
    /// Words before the one a joint pledge is for: to, for, help ("Japan
    /// and Korea pledged $2 billion to Pakistan": to Pakistan, not to each other).
    pub beneficiary_words: Vec<String>,
    /// Nouns of inviting: one whose invitation it is hosts the visit, not
    /// makes it ("Moon accepted Kim's invitation to visit Pyongyang").
    pub invitation_words: Vec<String>,
    /// Nouns of an attack: who or what is named after one in a criticism's
    /// object is its victim or place, not the one criticized: attack,
    /// bombing ("condemned the attack on its embassy in Kyiv"); nor, right
    /// before "with" ending a meeting cue, the one met ("discussed the war
    /// with Russia").
    pub victim_nouns: Vec<String>,
    /// Nouns of gatherings that make a name before them a modifier, neither
    /// agent nor partner: summit, meeting ("the NATO summit", "the Contact
    /// Group meeting").
    pub event_nouns: Vec<String>,
    /// Prepositions that may also open a clause, whose subject may follow
    /// them: after, before, since, until ("after Kyiv accused him").
    pub clause_openers: Vec<String>,
    /// Words that open a relative clause after a comma: who, which, whose
    /// ("the envoy, who is also accredited to Yemen, ...").
    pub relative_pronouns: Vec<String>,
    /// Forms of "be" and "have" that, right after a name after a noun cue,
    /// make the name the subject of a clause about it: had, was ("the
    /// support the Kingdom had extended").
    pub clause_auxiliaries: Vec<String>,
    /// Participles before "by" that make the one after it lead the group
    /// before them, and so act for it: led, headed ("A delegation led by X
    /// arrived").
    pub leader_participles: Vec<String>,
    /// Conjunctions that open a clause with its own subject ("as", "while"):
    /// a name right after one, before a verb, is that clause's subject.
    pub subordinators: Vec<String>,
    /// Verbs that ask someone else to act ("urged", "called on"): in "A
    /// urged B to condemn C", B condemns, not A.
    pub directive_verbs: Vec<String>,
}

macro_rules! builtin_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../lexicon/", $name)))),*]
    };
}

/// The lexicon files embedded in the binary, by name.
pub const BUILTIN: &[(&str, &str)] = builtin_files!(
    "countries.ron",
    "places.ron",
    "organizations.ron",
    "initiatives.ron",
    "titles.ron",
    "people.ron",
    "people_petrarch.ron",
    "cues.ron",
    "cues_petrarch.ron",
    "descriptors.ron",
);

impl Lexicon {
    /// Parses one RON lexicon; `origin` names it in errors (with line and column).
    pub fn from_ron(origin: &str, text: &str) -> Result<Lexicon> {
        let lex: Lexicon = ron::from_str(text).map_err(|e| Error::ron(origin, &e))?;
        lex.validate(origin)?;
        Ok(lex)
    }

    /// The lexicon files embedded in the binary, by name, as text.
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        BUILTIN
    }

    /// The embedded lexicons, merged: from their snapshot while it matches
    /// their texts (a tenth of the time), else parsed.
    pub fn builtin() -> Result<Lexicon> {
        let hash = super::snapshot::files_hash(BUILTIN);
        match super::snapshot::decode(super::snapshot::BUILTIN, hash) {
            Some(lex) => Ok(lex),
            None => Lexicon::from_ron_files(BUILTIN),
        }
    }

    /// Lexicon files (name and RON text), each parsed and checked, merged.
    pub fn from_ron_files(files: &[(&str, &str)]) -> Result<Lexicon> {
        let mut all = Lexicon::default();
        for (name, text) in files {
            all.extend(Lexicon::from_ron(name, text)?);
        }
        Ok(all)
    }

    /// Every name and alias of the bodies that belong to one state
    /// (organizations and state bodies), with the state's alpha-3 code
    /// ("" for none): ("US Treasury", "USA").
    pub fn state_body_names(&self) -> Vec<(&str, &str)> {
        let orgs = self
            .organizations
            .iter()
            .map(|o| (&o.name, &o.aliases, &o.country));
        let bodies = self
            .state_bodies
            .iter()
            .map(|o| (&o.name, &o.aliases, &o.country));
        orgs.chain(bodies)
            .flat_map(|(n, a, c)| {
                std::iter::once(n)
                    .chain(a)
                    .map(move |x| (x.as_str(), c.as_str()))
            })
            .collect()
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: Lexicon) {
        self.countries.extend(other.countries);
        self.places.extend(other.places);
        self.organizations.extend(other.organizations);
        self.state_bodies.extend(other.state_bodies);
        self.initiatives.extend(other.initiatives);
        self.titles.extend(other.titles);
        self.people.extend(other.people);
        self.cues.extend(other.cues);
        self.non_names.extend(other.non_names);
        self.descriptors.extend(other.descriptors);
        let w = &mut self.words;
        let o = other.words;
        w.reporting.extend(o.reporting);
        w.negation.extend(o.negation);
        w.future.extend(o.future);
        w.title_modifiers.extend(o.title_modifiers);
        w.name_particles.extend(o.name_particles);
        w.org_heads.extend(o.org_heads);
        w.initiative_heads.extend(o.initiative_heads);
        w.place_heads.extend(o.place_heads);
        w.honorifics.extend(o.honorifics);
        w.state_nouns.extend(o.state_nouns);
        w.pair_phrases.extend(o.pair_phrases);
        w.topics.extend(o.topics);
        w.determiners.extend(o.determiners);
        w.pronouns.extend(o.pronouns);
        w.city_cues.extend(o.city_cues);
        w.pair_state_stems.extend(o.pair_state_stems);
        w.country_heads.extend(o.country_heads);
        w.described_heads.extend(o.described_heads);
        w.descriptor_stops.extend(o.descriptor_stops);
        w.former_modifiers.extend(o.former_modifiers);
        w.title_joiners.extend(o.title_joiners);
        w.portfolios.extend(o.portfolios);
        w.portfolio_titles.extend(o.portfolio_titles);
        w.departure_verbs.extend(o.departure_verbs);
        w.owner_prepositions.extend(o.owner_prepositions);
        w.host_prepositions.extend(o.host_prepositions);
        w.name_connectors.extend(o.name_connectors);
        w.known_name_links.extend(o.known_name_links);
        w.initiative_links.extend(o.initiative_links);
        w.place_prepositions.extend(o.place_prepositions);
        w.place_nouns.extend(o.place_nouns);
        w.speech_heads.extend(o.speech_heads);
        w.object_relatives.extend(o.object_relatives);
        w.first_person.extend(o.first_person);
        w.initiative_prefixes.extend(o.initiative_prefixes);
        w.related_headers.extend(o.related_headers);
        w.photo_headers.extend(o.photo_headers);
        w.photo_links.extend(o.photo_links);
        w.credit_marks.extend(o.credit_marks);
        w.agencies.extend(o.agencies);
        w.months_needing_day.extend(o.months_needing_day);
        w.forward_days.extend(o.forward_days);
        w.relative_days.extend(o.relative_days);
        w.reporting_after.extend(o.reporting_after);
        w.backing_suffixes.extend(o.backing_suffixes);
        w.meeting_nouns.extend(o.meeting_nouns);
        w.resident_envoys.extend(o.resident_envoys);
        w.travelling_envoys.extend(o.travelling_envoys);
        w.noun_markers.extend(o.noun_markers);
        w.object_prepositions.extend(o.object_prepositions);
        w.commitment_prepositions.extend(o.commitment_prepositions);
        w.partner_determiners.extend(o.partner_determiners);
        w.articles.extend(o.articles);
        w.reporting_adverbs.extend(o.reporting_adverbs);
        w.venue_prepositions.extend(o.venue_prepositions);
        w.meeting_prepositions.extend(o.meeting_prepositions);
        w.gerund_prepositions.extend(o.gerund_prepositions);
        w.agent_prepositions.extend(o.agent_prepositions);
        w.passive_auxiliaries.extend(o.passive_auxiliaries);
        w.destination_prepositions
            .extend(o.destination_prepositions);
        w.third_venues.extend(o.third_venues);
        w.mediation_words.extend(o.mediation_words);
        w.beneficiary_words.extend(o.beneficiary_words);
        w.invitation_words.extend(o.invitation_words);
        w.victim_nouns.extend(o.victim_nouns);
        w.event_nouns.extend(o.event_nouns);
        w.clause_openers.extend(o.clause_openers);
        w.relative_pronouns.extend(o.relative_pronouns);
        w.clause_auxiliaries.extend(o.clause_auxiliaries);
        w.leader_participles.extend(o.leader_participles);
        w.subordinators.extend(o.subordinators);
        w.directive_verbs.extend(o.directive_verbs);
    }

    /// Checks what serde cannot: codes, empty names, cue patterns.
    pub fn validate(&self, origin: &str) -> Result<()> {
        self.check_names()
            .and_then(|()| self.check_descriptors())
            .and_then(|()| self.check_people())
            .and_then(|()| self.check_cues())
            .map_err(|message| Error::Lexicon {
                origin: origin.to_string(),
                message,
            })
    }

    /// Countries, places, organizations, state bodies, initiatives and
    /// titles: a name, and an alpha-3 code where one is given.
    fn check_names(&self) -> std::result::Result<(), String> {
        for c in &self.countries {
            if c.name.trim().is_empty() {
                return Err("a country has an empty name".into());
            }
            if !alpha3(&c.code) {
                return Err(format!(
                    "country {:?}: code {:?} is not an ISO 3166-1 alpha-3 code (three capital letters)",
                    c.name, c.code
                ));
            }
        }
        let with_country = self
            .places
            .iter()
            .map(|p| (&p.name, &p.country))
            .chain(self.organizations.iter().map(|o| (&o.name, &o.country)))
            .chain(self.state_bodies.iter().map(|o| (&o.name, &o.country)));
        for (name, country) in with_country {
            if name.trim().is_empty() {
                return Err("an entry has an empty name".into());
            }
            if !country.is_empty() && !alpha3(country) {
                return Err(format!(
                    "{name:?}: country {country:?} is not an alpha-3 code (three capital letters) or \"\""
                ));
            }
        }
        let plain = self.initiatives.iter().map(|i| &i.name);
        let titles = self.titles.iter().map(|t| &t.name);
        if plain.chain(titles).any(|e| e.trim().is_empty()) {
            return Err("an entry has an empty name".into());
        }
        Ok(())
    }

    /// Each descriptor: a country's code and lower-case single words.
    fn check_descriptors(&self) -> std::result::Result<(), String> {
        for d in &self.descriptors {
            if !alpha3(&d.country) {
                return Err(format!(
                    "descriptor: country {:?} is not an alpha-3 code (three capital letters)",
                    d.country
                ));
            }
            let one_word = |w: &String| {
                !w.is_empty() && !w.contains(char::is_whitespace) && *w == w.to_lowercase()
            };
            if let Some(w) = d.words.iter().find(|w| !one_word(w)) {
                return Err(format!(
                    "descriptor of {}: {w:?} is not one lower-case word",
                    d.country
                ));
            }
        }
        Ok(())
    }

    /// Each person: a name, an alpha-3 code if any, roles' dates readable.
    fn check_people(&self) -> std::result::Result<(), String> {
        for p in &self.people {
            if p.name.trim().is_empty() {
                return Err("a person has an empty name".into());
            }
            if !p.country.is_empty() && !alpha3(&p.country) {
                return Err(format!(
                    "person {:?}: country {:?} is not an alpha-3 code",
                    p.name, p.country
                ));
            }
            for r in &p.roles {
                let from_ok = r.from.is_empty() || loose_date(&r.from, false).is_some();
                let to_ok = r.to.is_empty() || loose_date(&r.to, true).is_some();
                if !from_ok || !to_ok {
                    return Err(format!(
                        "person {:?}: role {:?} has a date that is not YYYY-MM-DD or YYYY",
                        p.name, r.title
                    ));
                }
            }
        }
        Ok(())
    }

    /// Each cue: at least one pattern, each starting with a plain word.
    fn check_cues(&self) -> std::result::Result<(), String> {
        for cue in &self.cues {
            if cue.patterns.is_empty() {
                return Err(format!("a {} cue has no patterns", cue.kind));
            }
            for p in &cue.patterns {
                let first = p.split_whitespace().next().unwrap_or("");
                if first.is_empty() || first == "*" || first.ends_with('?') {
                    return Err(format!(
                        "{} cue pattern {p:?} must start with a plain word",
                        cue.kind
                    ));
                }
            }
        }
        Ok(())
    }
}

/// An ISO 3166-1 alpha-3 code's shape: three capital ASCII letters.
fn alpha3(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// One word of a compiled cue pattern.
#[derive(Clone, Debug)]
pub enum PatWord {
    /// Any of these lower-case words.
    Any(Alts),
    /// Any of these, or nothing.
    Optional(Alts),
    /// Any one word.
    Wild,
}

/// The lower-case words one pattern word may be, with the [`WordId`]s of
/// the ASCII ones once the lexicon's words are numbered: an ASCII token
/// (whose id is that of its lower case) is then tested by its id.
#[derive(Clone, Debug, Default)]
pub struct Alts {
    pub words: Vec<String>,
    /// The ids of the ASCII words (set by [`Alts::number`]).
    ids: Vec<WordId>,
    /// Bit `id % 64` of each of `ids`: most ids are ruled out by it alone.
    mask: u64,
}

impl Alts {
    fn new(words: &str) -> Alts {
        Alts {
            words: words.split('|').map(str::to_lowercase).collect(),
            ..Alts::default()
        }
    }

    /// Numbers the ASCII words with `id` (which must give each word the
    /// id tokens of its lower case get).
    fn number(&mut self, mut id: impl FnMut(&str) -> WordId) {
        self.ids = (self.words.iter())
            .filter(|w| w.is_ascii())
            .map(|w| id(w))
            .filter(|&i| i != NO_WORD)
            .collect();
        self.mask = self.ids.iter().fold(0, |m, &i| m | 1 << (i % 64));
    }

    /// The ids of the ASCII words (once numbered).
    pub fn ids(&self) -> &[WordId] {
        &self.ids
    }

    /// Bit `id % 64` of each of the ids (once numbered).
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// Whether the ASCII token of word id `id` is one of the words.
    #[inline]
    pub fn has_id(&self, id: WordId) -> bool {
        self.mask & 1 << (id % 64) != 0 && self.ids.contains(&id)
    }
}

/// A compiled cue pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub cue: usize,
    pub words: Vec<PatWord>,
}

impl Pattern {
    /// Numbers the ASCII words of the pattern with `id` (see [`Alts::number`]).
    pub fn number(&mut self, mut id: impl FnMut(&str) -> WordId) {
        for w in &mut self.words {
            if let PatWord::Any(alts) | PatWord::Optional(alts) = w {
                alts.number(&mut id);
            }
        }
    }
}

/// Compiles cue patterns: each once, and by the lower-case words they can
/// start with, the numbers of those patterns, longest first.
pub fn compile_cues(cues: &[CueEntry]) -> (Vec<Pattern>, HashMap<String, Vec<u32>>) {
    let mut patterns = Vec::new();
    let mut index: HashMap<String, Vec<u32>> = HashMap::new();
    for (ci, cue) in cues.iter().enumerate() {
        for p in &cue.patterns {
            let words: Vec<PatWord> = p
                .split_whitespace()
                .map(|w| {
                    if w == "*" {
                        PatWord::Wild
                    } else if let Some(w) = w.strip_suffix('?') {
                        PatWord::Optional(Alts::new(w))
                    } else {
                        PatWord::Any(Alts::new(w))
                    }
                })
                .collect();
            let n = patterns.len() as u32;
            if let Some(PatWord::Any(firsts)) = words.first() {
                for f in &firsts.words {
                    // a first word is copied only when new
                    match index.get_mut(f) {
                        Some(v) => v.push(n),
                        None => {
                            index.insert(f.clone(), vec![n]);
                        }
                    }
                }
            }
            patterns.push(Pattern { cue: ci, words });
        }
    }
    for v in index.values_mut() {
        v.sort_by_key(|&p| std::cmp::Reverse(patterns[p as usize].words.len()));
    }
    (patterns, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse_and_are_complete() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.countries.len() >= 240, "{}", lex.countries.len());
        for needed in ["PAK", "CHN", "USA", "GBR", "TWN", "PSE", "HKG", "VAT"] {
            assert!(lex.countries.iter().any(|c| c.code == needed), "{needed}");
        }
        assert!(!lex.titles.is_empty());
        assert!(!lex.cues.is_empty());
        assert!(!lex.words.reporting.is_empty());
    }

    #[test]
    fn no_person_is_listed_twice() {
        // the loader adds files up without merging persons: a person in two
        // files would be two, and their surname would resolve to neither
        let lex = Lexicon::builtin().unwrap();
        let mut owner: HashMap<String, usize> = HashMap::new();
        for (i, p) in lex.people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let first = *owner.entry(n.to_lowercase()).or_insert(i);
                assert_eq!(
                    first, i,
                    "{n:?} names {:?} and {:?}",
                    lex.people[first].name, p.name
                );
            }
        }
        assert!(lex.people.len() >= 2500, "{}", lex.people.len());
    }

    #[test]
    fn lexicon_errors_give_line_and_column() {
        let e = Lexicon::from_ron("mine.ron", "(\n  countries: [ (nme: \"X\") ],\n)").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("mine.ron:2:"), "{s}");
    }

    #[test]
    fn bad_codes_are_refused() {
        let e =
            Lexicon::from_ron("u.ron", "(countries: [(name: \"X\", code: \"xx\")])").unwrap_err();
        assert!(e.to_string().contains("alpha-3"), "{e}");
        let e = Lexicon::from_ron("u.ron", "(cues: [(kind: Praise, patterns: [\"* x\"])])")
            .unwrap_err();
        assert!(e.to_string().contains("plain word"), "{e}");
        let e = Lexicon::from_ron("u.ron", "(cues: [(kind: Hug, patterns: [\"x\"])])").unwrap_err();
        assert!(e.to_string().starts_with("u.ron:1:"), "{e}");
    }
}
