//! One statement (an occurrence of an edge) as a reader sees it.

use crate::graph::NodeId;
use crate::graph::{Edge, Graph, Occurrence};
use crate::model::EdgeKind;
use crate::text::date::Date;
use serde::Serialize;

/// One statement between two sides: one occurrence of an edge.
///
/// JSON (`ties timeline --json` prints a list): `{source, target, kind, cameo, date,
/// speaker, planned, article, sentence}`; names, not ids; `date` and `speaker` may be null.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub cameo: String,
    pub date: Option<Date>,
    pub speaker: Option<String>,
    pub planned: bool,
    pub article: String,
    pub sentence: String,
}

/// One occurrence of an edge as a statement a person reads.
pub(super) fn statement(g: &Graph, s: NodeId, t: NodeId, e: &Edge, o: &Occurrence) -> Statement {
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
    }
}
