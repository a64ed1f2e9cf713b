//! Format version 4's copies: a copy of a story (see
//! [`Occurrence::copies`]) is stored as what differs from its leader. Its
//! evidence's `article`, `sentence`, `start` and `end` are always written;
//! every other field only when its value differs from the leader's, and a
//! field left out means "as the leader". A field written holds the copy's
//! own value, whatever it is: `speaker: None` (the leader has a speaker, the
//! copy none), `date: None`, `role: None`, `place: None`, `topics: []`,
//! `planned: false`, `former: false`, `cameo: ""`; and `evidence`'s `text`
//! only when its bytes differ from the leader's. A copy's own `copies`, if a
//! hand-edited file gives any, differ from that copy.

use crate::graph::Occurrence;
use crate::model::{EdgeKind, Evidence};
use crate::text::date::Date;
use serde::{Deserialize, Serialize};

use super::StoredEdge;

/// A field of a copy given in the file (`Some`, holding the copy's value,
/// which may itself be `None`) or left out (`None`: as the leader).
mod given {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the value a field given holds (one left out is skipped).
    pub(super) fn serialize<T: Serialize, S: Serializer>(
        v: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => v.serialize(s),
            None => s.serialize_none(),
        }
    }

    /// Reads a field that is there: its value, given.
    pub(super) fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        T::deserialize(d).map(Some)
    }
}

/// An occurrence as format 4 stores it: an [`Occurrence`] whose copies are
/// [`StoredCopy`]s. Read with owned strings, written (by the reference
/// writer) with borrowed ones.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredOccurrence<S, E> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<S>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<S>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    planned: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    former: bool,
    cameo: S,
    evidence: E,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    copies: Vec<StoredCopy<S>>,
}

/// A copy as format 4 stores it: each field `None` when it is the leader's.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredCopy<S> {
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    date: Option<Option<Date>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    speaker: Option<Option<S>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    place: Option<Option<S>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    topics: Option<Vec<S>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    role: Option<Option<S>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    planned: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    former: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    cameo: Option<S>,
    evidence: CopyEvidence<S>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    copies: Vec<StoredCopy<S>>,
}

/// A copy's [`Evidence`]: its text `None` when it is the leader's.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CopyEvidence<S> {
    article: S,
    sentence: usize,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "given")]
    text: Option<S>,
}

impl StoredOccurrence<String, Evidence> {
    /// The occurrence it stores, its copies made whole.
    fn occurrence(self) -> Occurrence {
        let mut o = Occurrence {
            date: self.date,
            speaker: self.speaker,
            place: self.place,
            topics: self.topics,
            role: self.role,
            planned: self.planned,
            former: self.former,
            cameo: self.cameo,
            evidence: self.evidence,
            copies: Vec::new(),
        };
        o.copies = whole(self.copies, &o);
        o
    }
}

/// The copies `stored` of `lead`, each made whole.
fn whole(stored: Vec<StoredCopy<String>>, lead: &Occurrence) -> Vec<Occurrence> {
    stored.into_iter().map(|c| c.occurrence(lead)).collect()
}

impl StoredCopy<String> {
    /// The occurrence it stores: `lead`'s value for each field left out.
    fn occurrence(self, lead: &Occurrence) -> Occurrence {
        let e = self.evidence;
        let mut o = Occurrence {
            date: self.date.unwrap_or(lead.date),
            speaker: self.speaker.unwrap_or_else(|| lead.speaker.clone()),
            place: self.place.unwrap_or_else(|| lead.place.clone()),
            topics: self.topics.unwrap_or_else(|| lead.topics.clone()),
            role: self.role.unwrap_or_else(|| lead.role.clone()),
            planned: self.planned.unwrap_or(lead.planned),
            former: self.former.unwrap_or(lead.former),
            cameo: self.cameo.unwrap_or_else(|| lead.cameo.clone()),
            evidence: Evidence {
                article: e.article,
                sentence: e.sentence,
                start: e.start,
                end: e.end,
                text: e.text.unwrap_or_else(|| lead.evidence.text.clone()),
            },
            copies: Vec::new(),
        };
        o.copies = whole(self.copies, &o);
        o
    }
}

impl<'a> StoredOccurrence<&'a str, &'a Evidence> {
    /// Occurrence `o` as stored, borrowed.
    pub(super) fn of(o: &'a Occurrence) -> Self {
        StoredOccurrence {
            date: o.date,
            speaker: o.speaker.as_deref(),
            place: o.place.as_deref(),
            topics: o.topics.iter().map(String::as_str).collect(),
            role: o.role.as_deref(),
            planned: o.planned,
            former: o.former,
            cameo: &o.cameo,
            evidence: &o.evidence,
            copies: o.copies.iter().map(|c| StoredCopy::of(c, o)).collect(),
        }
    }
}

impl<'a> StoredCopy<&'a str> {
    /// Copy `c` of `lead` as stored, borrowed: what differs from `lead`.
    fn of(c: &'a Occurrence, lead: &'a Occurrence) -> Self {
        fn differs<T: PartialEq>(v: T, lead: T) -> Option<T> {
            (v != lead).then_some(v)
        }
        let e = &c.evidence;
        StoredCopy {
            date: differs(c.date, lead.date),
            speaker: differs(c.speaker.as_deref(), lead.speaker.as_deref()),
            place: differs(c.place.as_deref(), lead.place.as_deref()),
            topics: (c.topics != lead.topics)
                .then(|| c.topics.iter().map(String::as_str).collect()),
            role: differs(c.role.as_deref(), lead.role.as_deref()),
            planned: differs(c.planned, lead.planned),
            former: differs(c.former, lead.former),
            cameo: differs(c.cameo.as_str(), &lead.cameo),
            evidence: CopyEvidence {
                article: &e.article,
                sentence: e.sentence,
                start: e.start,
                end: e.end,
                text: differs(e.text.as_str(), &lead.evidence.text),
            },
            copies: c.copies.iter().map(|cc| StoredCopy::of(cc, c)).collect(),
        }
    }
}

/// [`StoredEdge`] of format 4: its copies stored as what differs from their
/// leaders.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredEdgeV4 {
    source: String,
    target: String,
    #[serde(flatten)]
    edge: EdgeV4,
}

/// [`crate::graph::Edge`] of format 4.
#[derive(Deserialize)]
struct EdgeV4 {
    kind: EdgeKind,
    occurrences: Vec<StoredOccurrence<String, Evidence>>,
}

impl StoredEdgeV4 {
    /// The edge it stores, every copy made whole.
    pub(super) fn whole(self) -> StoredEdge {
        StoredEdge {
            source: self.source,
            target: self.target,
            edge: crate::graph::Edge {
                kind: self.edge.kind,
                occurrences: self
                    .edge
                    .occurrences
                    .into_iter()
                    .map(StoredOccurrence::occurrence)
                    .collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// An occurrence whose fields come from few values, so that a copy
    /// often shares a field with its leader and often does not.
    fn occurrence() -> impl Strategy<Value = Occurrence> {
        let some = |v: &'static [&'static str]| proptest::option::of(select(v));
        (
            some(&["2024-03-01", "2024-03-02"]),
            some(&["person:a", "person:b"]),
            some(&["place:x"]),
            proptest::collection::vec(select(&["trade", "energy"][..]), 0..3),
            some(&["minister", "Ça \"q\""]),
            (any::<bool>(), any::<bool>()),
            select(&["", "040"][..]),
            (select(&["a", "b\u{0}"][..]), 0..3usize),
            select(&["x", "x  y", "é’\\\n"][..]),
        )
            .prop_map(
                |(
                    date,
                    speaker,
                    place,
                    topics,
                    role,
                    (planned, former),
                    cameo,
                    (article, n),
                    text,
                )| {
                    Occurrence {
                        date: date.and_then(Date::parse_iso),
                        speaker: speaker.map(str::to_string),
                        place: place.map(str::to_string),
                        topics: topics.into_iter().map(str::to_string).collect(),
                        role: role.map(str::to_string),
                        planned,
                        former,
                        cameo: cameo.to_string(),
                        evidence: Evidence {
                            article: article.to_string(),
                            sentence: n,
                            start: 10 * n,
                            end: 10 * n + 9,
                            text: text.to_string(),
                        },
                        copies: Vec::new(),
                    }
                },
            )
    }

    /// A leader with copies, a copy now and then with copies of its own
    /// (as a hand-edited file may give them).
    fn story() -> impl Strategy<Value = Occurrence> {
        let copy = (occurrence(), proptest::collection::vec(occurrence(), 0..2))
            .prop_map(|(c, copies)| Occurrence { copies, ..c });
        (occurrence(), proptest::collection::vec(copy, 0..4))
            .prop_map(|(o, copies)| Occurrence { copies, ..o })
    }

    proptest! {
        #[test]
        fn a_copy_written_as_what_differs_reads_back_whole(o in story()) {
            let mut bytes = Vec::new();
            crate::store::cache::encode_all(std::slice::from_ref(&o), &mut bytes);
            let views = crate::store::cache::views_of(&bytes).unwrap();
            let mut out = Vec::new();
            super::super::ron_occurrence_at(&mut out, &views[0], 0).unwrap();
            let text = String::from_utf8(out).unwrap();
            let reference = ron::Options::default()
                .to_string_pretty(&StoredOccurrence::of(&o), super::super::ron_config())
                .unwrap();
            prop_assert_eq!(&text, &format!("{reference},\n"));
            let back: StoredOccurrence<String, Evidence> = ron::from_str(&reference).unwrap();
            prop_assert_eq!(back.occurrence(), o);
        }
    }

    #[test]
    fn a_copy_without_what_its_leader_has_says_so() {
        let lead = Occurrence {
            date: Date::parse_iso("2024-03-01"),
            speaker: Some("person:a".into()),
            topics: vec!["trade".into()],
            planned: true,
            cameo: "040".into(),
            evidence: Evidence {
                article: "a".into(),
                text: "x".into(),
                ..Evidence::default()
            },
            ..Occurrence::default()
        };
        let copy = Occurrence {
            evidence: Evidence {
                article: "b".into(),
                sentence: 2,
                ..Evidence::default()
            },
            ..Occurrence::default()
        };
        let o = Occurrence {
            copies: vec![copy.clone(), lead.clone()],
            ..lead.clone()
        };
        let text = ron::Options::default()
            .to_string_pretty(&StoredOccurrence::of(&o), super::super::ron_config())
            .unwrap();
        let written = "  copies: [\n    (\n      date: None,\n      speaker: None,\n      topics: [],\n      planned: false,\n      cameo: \"\",\n      evidence: (\n        article: \"b\",\n        sentence: 2,\n        start: 0,\n        end: 0,\n        text: \"\",\n      ),\n    ),\n    (\n      evidence: (\n        article: \"a\",\n        sentence: 0,\n        start: 0,\n        end: 0,\n      ),\n    ),\n  ],\n";
        assert!(text.contains(written), "{text}");
        let back: StoredOccurrence<String, Evidence> = ron::from_str(&text).unwrap();
        assert_eq!(back.occurrence().copies, vec![copy, lead]);
    }
}
