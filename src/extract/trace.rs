//! `explain`: how one article was read, in words a reader knows (names, not
//! lexicon indices), as a structure (for JSON) or as text.

use crate::extract::mention::{Of, What};
use crate::lexicon::gazetteer::{Gazetteer, Known};
use crate::model::{EdgeKind, Extraction};
use crate::text::date::Date;
use serde::Serialize;

/// How one article was read: its sentences, each with what was masked, the
/// mentions and what they name, the cues and the edges made.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The article's id.
    pub article: String,
    /// Its date, if known.
    pub date: Option<Date>,
    /// The dateline's place and date (`Beijing (China), 2015-10-27`), if any.
    pub dateline: Option<String>,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceTrace>,
}

/// One sentence as it was read.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceTrace {
    /// Index of the sentence in the article, from 0.
    pub index: usize,
    /// The sentence, single-spaced.
    pub text: String,
    /// The words masked as noise (credits, bylines, datelines), in order.
    pub masked: Vec<String>,
    /// What each mention names.
    pub mentions: Vec<MentionTrace>,
    /// The cue words found.
    pub cues: Vec<CueTrace>,
    /// The edges this sentence is the evidence of.
    pub edges: Vec<EdgeTrace>,
}

/// A mention and what it was read as (`country China`).
#[derive(Clone, Debug, Serialize)]
pub struct MentionTrace {
    /// The words as written.
    pub text: String,
    /// What they name, in words.
    pub names: String,
}

/// A cue: its words, the edge kind, frame and CAMEO code.
#[derive(Clone, Debug, Serialize)]
pub struct CueTrace {
    /// The words as written.
    pub text: String,
    /// The kind of edge it makes.
    pub kind: EdgeKind,
    /// How its agent and partner are found (`Subject`, `Nominal`, ...).
    pub frame: String,
    /// Its CAMEO code.
    pub cameo: String,
}

/// An edge made, with its ends by name and id.
#[derive(Clone, Debug, Serialize)]
pub struct EdgeTrace {
    /// Name of the source (`China`).
    pub source: String,
    /// What it says.
    pub kind: EdgeKind,
    /// Name of the target.
    pub target: String,
    /// Id of the source (`country:china`).
    pub source_id: String,
    /// Id of the target.
    pub target_id: String,
    /// Name of who reported it, when not the source.
    pub speaker: Option<String>,
    /// When it happened, if known.
    pub date: Option<Date>,
}

/// The name of country `c` of the lexicon.
fn country(g: &Gazetteer, c: u32) -> String {
    g.countries
        .get(c as usize)
        .map_or_else(|| format!("country #{c}"), |x| x.name.clone())
}

/// " of China" for a mention's owner, if any.
fn of(g: &Gazetteer, o: &Option<Of>) -> String {
    match o {
        Some(Of::Country(c)) => format!(" of {}", country(g, *c)),
        Some(Of::Org(i)) => g
            .orgs
            .get(*i as usize)
            .map_or_else(String::new, |x| format!(" of {}", x.name)),
        None => String::new(),
    }
}

/// The name of entry `i` of a lexicon list, or its kind and number.
fn named(list: &[crate::lexicon::gazetteer::Named], i: u32, what: &str) -> String {
    list.get(i as usize)
        .map_or_else(|| format!("{what} #{i}"), |x| x.name.clone())
}

/// What a mention names, in words (`country China`, `person Zhang Yesui,
/// Vice Foreign Minister of China`).
pub(crate) fn what(g: &Gazetteer, w: &What) -> String {
    match w {
        What::Country { id, strong: true } => format!("country {}", country(g, *id)),
        What::Country { id, strong: false } => {
            format!("country {} (a demonym alone)", country(g, *id))
        }
        What::Capital(c) => format!("capital of {}", country(g, *c)),
        What::Place(p) => format!("place {}", named(&g.places, *p, "place")),
        What::NewPlace(s) => format!("place {s} (not in the lexicon)"),
        What::Org(o) => format!("organization {}", named(&g.orgs, *o, "organization")),
        What::NewOrg(s) => format!("organization {s} (not in the lexicon)"),
        What::Body => "a state body (its state from the context)".into(),
        What::Descriptor { .. } => "a state by what it is (the last one named that fits)".into(),
        What::Initiative(i) => format!(
            "initiative {}",
            g.initiatives.get(*i as usize).cloned().unwrap_or_default()
        ),
        What::NewInitiative(s) => format!("initiative {s} (not in the lexicon)"),
        What::Person {
            name,
            title,
            of: o,
            former,
            ..
        } => {
            let former = if *former { "former " } else { "" };
            match title {
                Some(t) => format!("person {name}, {former}{t}{}", of(g, o)),
                None => format!("person {name}{}", of(g, o)),
            }
        }
        What::TitleRef { title, of: o } => {
            format!("the {title}{} (a title without a name)", of(g, o))
        }
        What::Name(s) => format!("name {s} (a surname, or nothing)"),
        What::Pronoun => "a pronoun (the person last named)".into(),
        What::FirstPerson => "the first person (a speech's speaker)".into(),
        What::Pair { countries: true } => "both countries".into(),
        What::Pair { countries: false } => "both sides".into(),
    }
}

/// A dateline's place in words.
pub(crate) fn known(g: &Gazetteer, k: Known) -> String {
    match k {
        Known::Country(c) | Known::Demonym(c) => country(g, c),
        Known::Capital(c) => g.countries.get(c as usize).map_or_else(
            || format!("capital #{c}"),
            |x| format!("{} ({})", x.capital, x.name),
        ),
        Known::Place(p) => named(&g.places, p, "place"),
        Known::Org(o) => named(&g.orgs, o, "organization"),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// The edges of `x` stated in sentence `si`, their ends named.
pub(crate) fn edges(x: &Extraction, si: usize) -> Vec<EdgeTrace> {
    let name = |id: &str| {
        x.entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    x.edges
        .iter()
        .filter(|e| e.evidence.sentence == si)
        .map(|e| EdgeTrace {
            source: name(&e.source),
            kind: e.kind,
            target: name(&e.target),
            source_id: e.source.clone(),
            target_id: e.target.clone(),
            speaker: e.speaker.as_deref().map(name),
            date: e.date,
        })
        .collect()
}

impl Explanation {
    /// The explanation as text: a line for the article, then each sentence
    /// with its masked words, mentions, cues and edges.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let date = self
            .date
            .map_or("no date".to_string(), |d| format!("dated {d}"));
        let line = self.dateline.as_deref().map(|d| format!(", dateline {d}"));
        let _ = writeln!(
            out,
            "article {}, {date}{}",
            self.article,
            line.unwrap_or_default()
        );
        for s in &self.sentences {
            let _ = writeln!(out, "\n[{}] {}", s.index, s.text);
            if !s.masked.is_empty() {
                let _ = writeln!(out, "    masked: {}", s.masked.join(" "));
            }
            for m in &s.mentions {
                let _ = writeln!(out, "    mention {:?} = {}", m.text, m.names);
            }
            for c in &s.cues {
                let _ = writeln!(
                    out,
                    "    cue {:?} {} (frame {}, CAMEO {})",
                    c.text, c.kind, c.frame, c.cameo
                );
            }
            for e in &s.edges {
                let arrow = if e.kind.is_directed() { "->" } else { "-" };
                let said = e.speaker.as_deref().map(|s| format!(", said by {s}"));
                let date = e.date.map_or(", undated".to_string(), |d| format!(", {d}"));
                let _ = writeln!(
                    out,
                    "    EDGE {} -{}{arrow} {} ({} {arrow} {}){}{date}",
                    e.source,
                    e.kind,
                    e.target,
                    e.source_id,
                    e.target_id,
                    said.unwrap_or_default()
                );
            }
        }
        out
    }
}
