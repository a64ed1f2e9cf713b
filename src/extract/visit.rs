//! Visits a sentence implies without a visit cue: a meeting held in the land
//! of one side with a person of another state is that person's visit, and
//! a host's guest (cameo 043, "received", "hosted") has come; an envoy
//! resident where he meets has not.

use crate::extract::relation::{place_country, Relation, CALL_CAMEO, HOST_CAMEO};
use crate::extract::resolve::Resolution;
use crate::lexicon::extract_words::ExtractWords;
use crate::model::{EdgeKind, EntityKind};

/// The visits of sentence relations `found`: a guest's visit (cameo 043)
/// stands unless the guest is a resident envoy; a meeting in a side's land
/// (where it took place, else the `dateline` country) is the visit of the
/// other side's person. Calls (cameo 041) and summonses (`no_visit`) are
/// no visits. `dateline` is asked once, when first needed.
pub(crate) fn implied(
    res: &Resolution,
    w: &ExtractWords,
    dateline: impl Fn() -> Option<usize>,
    found: &mut Vec<Relation>,
) {
    let mut dateline_country: Option<Option<usize>> = None;
    found.retain(|r| {
        !(r.kind == EdgeKind::Visit && r.cameo == HOST_CAMEO && resident_envoy(res, w, r.source))
    });
    let n = found.len();
    for i in 0..n {
        let r = &found[i];
        if r.kind != EdgeKind::Meeting || r.cameo == CALL_CAMEO || r.no_visit {
            continue;
        }
        let at = r.place.and_then(|p| place_country(res, p));
        let (a, b) = (r.source, r.target);
        // "travelled to Beijing ... to meet Xi": where one of them went, else
        // the dateline's; a meeting at a place of no known state is no clue
        let went = || visited(res, &found[..n], a).or_else(|| visited(res, &found[..n], b));
        let unplaced = || match r.place {
            None => *dateline_country.get_or_insert_with(&dateline),
            Some(_) => None,
        };
        let Some(host) = at.or_else(went).or_else(unplaced) else {
            continue;
        };
        for (v, h) in [(a, b), (b, a)] {
            if let Some(visit) = visit_of(res, w, found, i, v, h, host) {
                found.push(visit);
            }
        }
    }
}

/// The state entity `e` visits in relations `found`, if any.
fn visited(res: &Resolution, found: &[Relation], e: usize) -> Option<usize> {
    let v = found
        .iter()
        .find(|o| o.kind == EdgeKind::Visit && o.source == e)?;
    match res.entities[v.target].kind {
        EntityKind::Country => Some(v.target),
        _ => place_country(res, v.target),
    }
}

/// "Kuczynski met his Chilean counterpart Bachelet in Lima": the visit of
/// `v` to `host` for meeting `found[i]` with `h`, when `h` is of the host
/// state, `v` a person of another (no resident envoy) not yet visiting it.
fn visit_of(
    res: &Resolution,
    w: &ExtractWords,
    found: &[Relation],
    i: usize,
    v: usize,
    h: usize,
    host: usize,
) -> Option<Relation> {
    let side = |e: usize| res.role_country(e);
    if res.entities[v].kind != EntityKind::Person || side(h) != Some(host) {
        return None;
    }
    if side(v).is_none_or(|c| c == host) || resident_envoy(res, w, v) {
        return None;
    }
    if found
        .iter()
        .any(|o| o.kind == EdgeKind::Visit && o.source == v && o.target == host)
    {
        return None;
    }
    let r = &found[i];
    Some(Relation {
        kind: EdgeKind::Visit,
        cameo: EdgeKind::Visit.default_cameo().to_string(),
        source: v,
        target: host,
        speaker: r.speaker,
        place: r.place,
        planned: r.planned,
        apart: false,
        no_visit: false,
    })
}

/// Whether person `e` holds a resident envoy's title (the lexicon's
/// `resident_envoys`: ambassador, high commissioner; not a special envoy).
pub(crate) fn resident_envoy(res: &Resolution, w: &ExtractWords, e: usize) -> bool {
    res.entities[e]
        .roles
        .iter()
        .filter(|r| !r.former)
        .any(|r| crate::bytes::with_lower(&r.title, |t| w.is_resident_envoy(t)))
}
