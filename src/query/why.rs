//! Why two entities are tied: each edge between them, both ways, with every
//! sentence behind it.

use super::*;
use crate::graph::{Graph, NodeId, Occurrence};
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::Serialize;
use std::collections::BTreeSet;

/// One edge between the two sides and the sentences that state it.
///
/// JSON (`ties why A B --json` prints a list): `{source: {id, name, kind},
/// target: {..}, kind, sentences: [{date, article, sentence_index, start, end, sentence, outlet?, url?, copies?}]}`;
/// `copies` lists the same sentence in other articles, in the same shape.
#[derive(Clone, Debug, Serialize)]
pub struct Reason {
    /// The edge's source, as written.
    pub source: EntityRef,
    /// The edge's target, as written.
    pub target: EntityRef,
    /// What the edge says.
    pub kind: EdgeKind,
    /// Every statement of it passing the filter, by date, article, sentence.
    pub sentences: Vec<Said>,
}

/// One sentence behind an edge, in full, with where it is.
#[derive(Clone, Debug, Serialize)]
pub struct Said {
    /// When it happened, if known.
    pub date: Option<Date>,
    /// Id of the article.
    pub article: String,
    /// Index of the sentence in the article, from 0.
    pub sentence_index: usize,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The sentence as written.
    pub sentence: String,
    /// The outlet that published the article (its JSON Lines `source`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The article's address (its JSON Lines `url`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The same sentence in other articles (one story printed by several
    /// outlets): the same statement, counted once, each copy its evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Said>,
}

impl Said {
    /// The sentence behind occurrence `o`, with its copies.
    fn of(g: &Graph, o: &Occurrence) -> Said {
        let (outlet, url) = g.outlet_and_url(&o.evidence.article);
        Said {
            date: o.date,
            article: o.evidence.article.clone(),
            sentence_index: o.evidence.sentence,
            start: o.evidence.start,
            end: o.evidence.end,
            sentence: o.evidence.text.clone(),
            outlet,
            url,
            copies: o.copies.iter().map(|c| Said::of(g, c)).collect(),
        }
    }
}

/// The edges between `a` and `b`, both ways, with their sentences: when both
/// are countries, their sides are as `between` takes them ([`side`]).
/// Sorted by kind, then source and target id.
pub fn why(g: &Graph, a: NodeId, b: NodeId, f: &Filter, lift: &Lift) -> Vec<Reason> {
    let countries = [a, b]
        .iter()
        .all(|&n| g.node(n).kind == EntityKind::Country);
    let side = |n: NodeId| -> BTreeSet<NodeId> {
        let id = &g.node(n).id;
        let mut s: BTreeSet<NodeId> = BTreeSet::from([n]);
        if countries {
            s.extend(
                g.nodes()
                    .into_iter()
                    .filter(|&m| lift.of(&g.node(m).id) == id),
            );
        }
        s
    };
    let (side_a, side_b) = (side(a), side(b));
    let mut out = Vec::new();
    for (s, t, e) in g.edges() {
        let ab = side_a.contains(&s) && side_b.contains(&t);
        let ba = side_b.contains(&s) && side_a.contains(&t);
        if !(ab || ba) || !f.kind(e.kind) {
            continue;
        }
        let mut sentences: Vec<Said> = e
            .occurrences
            .iter()
            .filter(|o| f.occurrence(o))
            .map(|o| Said::of(g, o))
            .collect();
        sentences.sort_by(|x, y| {
            (x.date, &x.article, x.sentence_index).cmp(&(y.date, &y.article, y.sentence_index))
        });
        if !sentences.is_empty() {
            out.push(Reason {
                source: EntityRef::of(g, s),
                target: EntityRef::of(g, t),
                kind: e.kind,
                sentences,
            });
        }
    }
    out.sort_by(|x, y| {
        (x.kind, &x.source.id, &x.target.id).cmp(&(y.kind, &y.source.id, &y.target.id))
    });
    out
}
