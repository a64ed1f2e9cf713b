//! Event rows: one per statement (an occurrence of an event edge), as
//! event-data users load GDELT: actors with their states' codes, the CAMEO
//! code and its Goldstein weight, and the sentence behind it.

use super::*;
use crate::error::{Error, Result};
use crate::graph::{Graph, NodeId};
use crate::model::{EdgeKind, EntityKind};
use crate::text::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The Goldstein (1992) conflict-cooperation weights of CAMEO codes, from
/// `lexicon/goldstein.ron` (its header names the source).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Goldstein {
    weights: BTreeMap<String, f64>,
}

impl Goldstein {
    /// The table embedded in the library.
    pub fn builtin() -> Result<Goldstein> {
        let text = include_str!("../../lexicon/goldstein.ron");
        ron::from_str(text).map_err(|e| Error::ron("goldstein.ron", &e))
    }

    /// The weight of a CAMEO code, else of its first three digits (`0431` →
    /// `043`), else of its root (`04X` → `040`); `None` for no code (Role,
    /// LocatedIn) or an unknown one.
    pub fn weight(&self, cameo: &str) -> Option<f64> {
        let three = cameo.get(..3).map(str::to_string);
        let root = cameo.get(..2).map(|r| format!("{r}0"));
        [Some(cameo.to_string()), three, root]
            .into_iter()
            .flatten()
            .find_map(|c| self.weights.get(&c).copied())
    }
}

/// One event row: a statement with its actors, code, weight and evidence.
/// A story printed by several outlets is one row, its copies in `copies`.
///
/// JSON Lines (`ties events --format jsonl`): one object of these fields a line.
#[derive(Clone, Debug, Serialize)]
pub struct Event {
    /// When it happened, if known.
    pub date: Option<Date>,
    /// Id of the source entity (`person:qin-gang`).
    pub source: String,
    /// Its name.
    pub source_name: String,
    /// ISO alpha-3 of the state the source is or counts for (`CHN`), if any.
    pub source_iso3: Option<String>,
    /// Id of the target entity.
    pub target: String,
    /// Its name.
    pub target_name: String,
    /// ISO alpha-3 of the state the target is or counts for, if any.
    pub target_iso3: Option<String>,
    /// What the statement says.
    pub kind: EdgeKind,
    /// CAMEO event code of the cue (`040`).
    pub cameo: String,
    /// Goldstein weight of the code (-10 conflict to +10 cooperation).
    pub goldstein: Option<f64>,
    /// Id of who reported it when that is not the source.
    pub speaker: Option<String>,
    /// Id of where it happened.
    pub place: Option<String>,
    /// Announced for the future.
    pub planned: bool,
    /// Id of the article.
    pub article: String,
    /// The outlet that published the article (its JSON Lines `source`), when known.
    pub outlet: Option<String>,
    /// The article's address (its JSON Lines `url`), when known.
    pub url: Option<String>,
    /// Index of the sentence in the article, from 0.
    pub sentence_index: usize,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The sentence as written, in full.
    pub sentence: String,
    /// Fields named (agriculture, connectivity...).
    pub topics: Vec<String>,
    /// Ids of the other articles printing the same sentence (one story from
    /// several outlets): one statement, one row, every copy named here.
    pub copies: Vec<String>,
}

/// The event rows of `g` passing `f`, one at a time, in the graph's order
/// (edges by source id, target id, kind; statements by date): a caller can
/// write them as they come. `lift` gives each actor its state's code.
pub fn events<'a>(
    g: &'a Graph,
    f: &'a Filter,
    lift: &'a Lift,
    gs: &'a Goldstein,
) -> impl Iterator<Item = Event> + 'a {
    g.edges()
        .into_iter()
        .filter(move |(_, _, e)| e.kind.is_event() && f.kind(e.kind))
        .flat_map(move |(s, t, e)| {
            let end = |n: NodeId| Actor {
                id: &g.node(n).id,
                name: &g.node(n).name,
                iso3: iso3(g, n, lift),
            };
            let prov = |a: &str| g.outlet_and_url(a);
            edge_events(end(s), end(t), e, f, gs, &prov).collect::<Vec<_>>()
        })
}

/// [`events`] of the graph file whose cache `reader` opened, read edge by
/// edge (one edge's statements in memory at a time), each row handed to
/// `each`: the rows [`events`] gives for the loaded graph, in its order.
pub fn events_streamed(
    reader: &crate::store::EdgeReader,
    f: &Filter,
    lift: &Lift,
    gs: &Goldstein,
    prov: &dyn Fn(&str) -> Outlet,
    each: &mut dyn FnMut(Event) -> std::io::Result<bool>,
) -> std::io::Result<()> {
    let sk = reader.skeleton();
    let end = |n: u32| {
        let node = &sk.nodes[n as usize];
        let state = sk
            .node_by_id(lift.of(&node.id))
            .map(|x| &sk.nodes[x as usize]);
        Actor {
            id: &node.id,
            name: &node.name,
            iso3: state
                .filter(|st| st.kind == EntityKind::Country)
                .and_then(|st| st.code.clone()),
        }
    };
    for (i, e) in sk.edges.iter().enumerate() {
        if !(e.kind.is_event() && f.kind(e.kind) && e.within(f).0 > 0) {
            continue;
        }
        let edge = reader.edge(i)?;
        for row in edge_events(end(e.source), end(e.target), &edge, f, gs, prov) {
            if !each(row)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// One end of an edge as event rows show it.
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
    iso3: Option<String>,
}

/// An article's outlet and address, when known.
pub type Outlet = (Option<String>, Option<String>);

/// The rows of one edge's statements that pass `f`, in order; `prov`
/// gives each article's outlet and address.
fn edge_events<'a>(
    s: Actor<'a>,
    t: Actor<'a>,
    e: &'a crate::graph::Edge,
    f: &'a Filter,
    gs: &'a Goldstein,
    prov: &'a dyn Fn(&str) -> Outlet,
) -> impl Iterator<Item = Event> + 'a {
    e.occurrences
        .iter()
        .filter(move |o| f.occurrence(o))
        .map(move |o| (o, prov(&o.evidence.article)))
        .map(move |(o, (outlet, url))| Event {
            date: o.date,
            source: s.id.to_string(),
            source_name: s.name.to_string(),
            source_iso3: s.iso3.clone(),
            target: t.id.to_string(),
            target_name: t.name.to_string(),
            target_iso3: t.iso3.clone(),
            kind: e.kind,
            cameo: o.cameo.clone(),
            goldstein: gs.weight(&o.cameo),
            speaker: o.speaker.clone(),
            place: o.place.clone(),
            planned: o.planned,
            article: o.evidence.article.clone(),
            sentence_index: o.evidence.sentence,
            start: o.evidence.start,
            end: o.evidence.end,
            sentence: o.evidence.text.clone(),
            topics: o.topics.clone(),
            outlet,
            url,
            copies: o
                .copies
                .iter()
                .map(|c| c.evidence.article.clone())
                .collect(),
        })
}

/// The alpha-3 code of the country `n` is or counts for.
fn iso3(g: &Graph, n: NodeId, lift: &Lift) -> Option<String> {
    let state = g.node_by_id(lift.of(&g.node(n).id))?;
    let node = g.node(state);
    (node.kind == EntityKind::Country)
        .then(|| node.code.clone())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_weigh_as_published_and_fall_back_to_their_root() {
        let gs = Goldstein::builtin().unwrap();
        assert_eq!(gs.weight("057"), Some(8.0));
        assert_eq!(gs.weight("111"), Some(-2.0));
        assert_eq!(gs.weight("0431"), Some(2.8));
        assert_eq!(gs.weight("04X"), Some(1.0));
        assert_eq!(gs.weight(""), None);
    }
}
