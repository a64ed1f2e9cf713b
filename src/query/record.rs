//! One statement (an occurrence of an edge) as a reader sees it.

use crate::graph::NodeId;
use crate::graph::{Edge, Graph, Occurrence};
use crate::model::EdgeKind;
use crate::text::date::Date;
use serde::Serialize;

/// One statement between two sides: one occurrence of an edge.
///
/// JSON (`ties timeline --json` prints a list): `{source, target, kind, cameo, date,
/// speaker, planned, article, sentence, source_id, target_id, sentence_index, start,
/// end, outlet?, url?, copies?}`; `source`, `target` and `speaker` are names; `date` and `speaker` may be null;
/// `copies` names the other articles printing the same sentence;
/// `outlet` and `url` (the JSON Lines `source` and `url` of the article) are there when known;
/// `sentence` is whole, `start`..`end` its bytes in the article's text.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    /// Name of the source entity (`China`).
    pub source: String,
    /// Name of the target entity (`Pakistan`).
    pub target: String,
    /// What the statement says.
    pub kind: EdgeKind,
    /// CAMEO event code of the cue (`040`); empty for Role and LocatedIn.
    pub cameo: String,
    /// When it happened, if known.
    pub date: Option<Date>,
    /// Name of who reported it when that is not the source (`Qin Gang`).
    pub speaker: Option<String>,
    /// Announced for the future (`will visit`).
    pub planned: bool,
    /// Id of the article it comes from.
    pub article: String,
    /// The sentence it was stated in, as written.
    pub sentence: String,
    /// Id of the source entity (`country:china`).
    pub source_id: String,
    /// Id of the target entity.
    pub target_id: String,
    /// Index of the sentence in the article, from 0.
    pub sentence_index: usize,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The outlet that published the article (its JSON Lines `source`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The article's address (its JSON Lines `url`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Ids of the other articles printing the same sentence (one story from
    /// several outlets, one statement).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
}

/// One occurrence of an edge as a statement a person reads.
pub(super) fn statement(g: &Graph, s: NodeId, t: NodeId, e: &Edge, o: &Occurrence) -> Statement {
    let (outlet, url) = g.outlet_and_url(&o.evidence.article);
    Statement {
        source: g.node(s).name.clone(),
        target: g.node(t).name.clone(),
        kind: e.kind,
        cameo: o.cameo.clone(),
        date: o.date,
        speaker: o
            .speaker
            .as_ref()
            .and_then(|id| g.node_by_id(id))
            .map(|n| g.node(n).name.clone()),
        planned: o.planned,
        article: o.evidence.article.clone(),
        sentence: o.evidence.text.clone(),
        source_id: g.node(s).id.clone(),
        target_id: g.node(t).id.clone(),
        sentence_index: o.evidence.sentence,
        start: o.evidence.start,
        end: o.evidence.end,
        outlet,
        url,
        copies: o
            .copies
            .iter()
            .map(|c| c.evidence.article.clone())
            .collect(),
    }
}
