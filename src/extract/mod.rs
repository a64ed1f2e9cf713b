//! The whole extraction of one article, a pure function of its text:
//! sentences → noise masked → mentions → resolved entities → relations →
//! entity and edge records with their evidence.

pub mod mention;
pub mod relation;
pub mod resolve;

use crate::extract::mention::{Finder, Mention};
use crate::extract::relation::Relation;
use crate::extract::resolve::{resolve, Ref};
use crate::lexicon::gazetteer::{Gazetteer, Known};
use crate::lexicon::words::{class, TokenWords};
use crate::model::{EdgeKind, EdgeRecord, EntityKind, EntityRecord, Evidence, Extraction};
use crate::text::article::Article;
use crate::text::date::{month_number, weekday_number, Date};
use crate::text::sentence::{split, Sentence};
use crate::text::token::{single_spaced, Lowered, TokKind, Token};
use std::borrow::Cow;

/// Where and when an article says it was written: "ISLAMABAD, May 6 (Xinhua) --".
#[derive(Clone, Copy, Debug, Default)]
pub struct Dateline {
    pub place: Option<Known>,
    pub date: Option<Date>,
}

/// Marks tokens that are noise, not text: photo credits "(Xinhua/Ahmad
/// Kamal)", position markers "(R)", bylines with clock times, datelines.
#[inline(never)]
fn mask_noise(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    g: &Gazetteer,
    art_date: Option<Date>,
) -> (Vec<bool>, Dateline) {
    let mut masked = vec![false; toks.len()];
    let mut dateline = Dateline::default();
    let s = |i: usize| toks[i].text(text);
    // after "Related readings" / "Related:" come other articles' headlines
    let mut in_related = false;
    for sent in sentences {
        let r = sent.tokens.clone();
        let first = s(r.start);
        let ends_with_stop = matches!(s(r.end - 1), "." | "!" | "?" | "\"" | "\u{201d}");
        if matches!(first, "Related" | "RELATED" | "Read" | "READ" | "See") && r.len() <= 4 {
            in_related = true;
            masked[r.clone()].iter_mut().for_each(|m| *m = true);
            continue;
        }
        if in_related {
            if ends_with_stop && r.len() > 12 {
                in_related = false;
            } else {
                masked[r.clone()].iter_mut().for_each(|m| *m = true);
                continue;
            }
        }
        // photo credits: "Photo: Name / Agency", "Photo by ..."
        if matches!(first, "Photo" | "PHOTO" | "Photos" | "File")
            && r.len() > 1
            && matches!(s(r.start + 1), ":" | "by" | "credit")
        {
            masked[r.clone()].iter_mut().for_each(|m| *m = true);
            continue;
        }
        // bylines and time stamps: a clock time and few lower-case words
        let (mut has_time, mut credit_line, mut paren) = (false, false, None);
        for i in r.clone() {
            let t = &toks[i];
            let n = t.end - t.start;
            match t.kind {
                TokKind::Word => credit_line |= n == 9 && t.bytes(text) == b"Copyright",
                TokKind::Number => has_time |= t.bytes(text).contains(&b':'),
                TokKind::Punct if n <= 2 => {
                    let b = t.bytes(text);
                    credit_line |= b == "\u{a9}".as_bytes();
                    if paren.is_none() && b == b"(" {
                        paren = Some(i);
                    }
                }
                TokKind::Punct => {}
            }
        }
        // lower-case words are counted only where there is a clock time
        let lower_words = if has_time {
            r.clone()
                .filter(|&i| {
                    toks[i].kind == TokKind::Word
                        && match toks[i].bytes(text).first() {
                            Some(c) if c.is_ascii() => c.is_ascii_lowercase(),
                            _ => s(i).chars().next().is_some_and(char::is_lowercase),
                        }
                })
                .count()
        } else {
            0
        };
        if (has_time && lower_words < 4) || credit_line {
            masked[r.clone()].iter_mut().for_each(|m| *m = true);
            continue;
        }
        // bracketed credits and markers, from the first "("
        let mut i = paren.unwrap_or(r.end);
        while i < r.end {
            if toks[i].bytes(text) == b"(" {
                if let Some(close) = (i + 1..r.end.min(i + 12)).find(|&k| s(k) == ")") {
                    let inner: Vec<&str> = (i + 1..close).map(s).collect();
                    let credit = inner.contains(&"/")
                        || (inner.len() <= 3
                            && inner
                                .iter()
                                .all(|w| w.len() <= 3 && !w.chars().any(char::is_lowercase))
                            && !inner
                                .iter()
                                .any(|w| w.len() >= 2 && w.chars().all(char::is_alphabetic)))
                        || inner.iter().any(|w| {
                            matches!(
                                *w,
                                "Xinhua"
                                    | "AFP"
                                    | "Reuters"
                                    | "AP"
                                    | "PTI"
                                    | "Kyodo"
                                    | "IANS"
                                    | "IRNA"
                                    | "TASS"
                            )
                        });
                    if credit {
                        masked[i..=close].iter_mut().for_each(|m| *m = true);
                        i = close + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        // dateline at the start: CAPS [, CAPS] [, Month Day] [(Agency)] -- / -
        let st = r.start;
        let caps = |i: usize| {
            toks[i].kind == TokKind::Word
                && s(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
                && s(i).chars().all(|c| !c.is_lowercase())
        };
        if dateline.place.is_none() && st < r.end && caps(st) {
            let mut k = st;
            while k < r.end && caps(k) {
                k += 1;
            }
            let place = g.lookup(text, &toks[..k], st).map(|x| x.1);
            let mut date = None;
            let mut j = k;
            while j < r.end && s(j) == "," && j + 1 < r.end && caps(j + 1) {
                j += 2;
            }
            if j + 2 < r.end && s(j) == "," {
                if let Some(m) = month_number(s(j + 1)) {
                    if let Ok(d) = s(j + 2).parse::<u8>() {
                        let y = art_date.map(|d| d.year).unwrap_or(2000);
                        date = Date::new(y, m, d);
                        j += 3;
                    }
                }
            }
            if j < r.end && s(j) == "(" {
                if let Some(close) = (j + 1..r.end.min(j + 6)).find(|&x| s(x) == ")") {
                    j = close + 1;
                }
            }
            let mut dashes = 0;
            while j < r.end && matches!(s(j), "-" | "\u{2014}" | "\u{2013}") {
                j += 1;
                dashes += 1;
            }
            if dashes > 0 && (date.is_some() || place.is_some()) {
                masked[st..j].iter_mut().for_each(|m| *m = true);
                dateline.place = place;
                dateline.date = date;
            }
        }
    }
    (masked, dateline)
}

/// The date a sentence names ("on Friday", "on May 5, 2023", "June 10"),
/// resolved against `base`.
#[inline(never)]
fn sentence_date(
    text: &str,
    (toks, words): (&[Token], &TokenWords),
    r: std::ops::Range<usize>,
    masked: &[bool],
    base: Option<Date>,
) -> Option<Date> {
    let s = |i: usize| toks[i].text(text);
    // only a date word (a month, a weekday, "today") starts a date
    let mut any_day = false;
    for i in words.may_be_in(r.clone(), class::DATE) {
        if masked[i] {
            continue;
        }
        any_day = true;
        // Month Day[, Year]
        if let Some(m) = month_number(s(i)) {
            if s(i) == "May" && !(i + 1 < r.end && toks[i + 1].kind == TokKind::Number) {
                continue;
            }
            if i + 1 < r.end {
                if let Ok(d) = s(i + 1)
                    .trim_end_matches(|c: char| c.is_alphabetic())
                    .parse::<u8>()
                {
                    let mut year = None;
                    let mut k = i + 2;
                    if k < r.end && s(k) == "," {
                        k += 1;
                    }
                    if k < r.end {
                        if let Ok(y) = s(k).parse::<i32>() {
                            if (1900..2200).contains(&y) {
                                year = Some(y);
                            }
                        }
                    }
                    let y = year.or(base.map(|b| b.year));
                    if let Some(y) = y {
                        if let Some(dt) = Date::new(y, m, d) {
                            // no year given and later than the article: last year
                            if year.is_none() && base.is_some_and(|b| dt > b) {
                                return Date::new(y - 1, m, d).or(Some(dt));
                            }
                            return Some(dt);
                        }
                    }
                }
            }
            // Day Month Year
            if i > r.start && i + 1 < r.end {
                if let (Ok(d), Ok(y)) = (
                    s(i - 1).parse::<u8>(),
                    s(i + 1).get(..4).unwrap_or("").parse::<i32>(),
                ) {
                    if let Some(dt) = Date::new(y, m, d) {
                        return Some(dt);
                    }
                }
            }
        }
    }
    let base = base?;
    if !any_day {
        return None;
    }
    for i in words.may_be_in(r, class::DATE) {
        if masked[i] {
            continue;
        }
        let w = s(i);
        if let Some(wd) = weekday_number(w) {
            return Some(base.last_weekday(wd));
        }
        if w.eq_ignore_ascii_case("today") || w.eq_ignore_ascii_case("tonight") {
            return Some(base);
        }
        if w.eq_ignore_ascii_case("yesterday") {
            return Some(Date::from_days(base.days() - 1));
        }
    }
    None
}

/// How a mention is written: a person's name, else its words single-spaced
/// without a leading "the".
#[inline(never)]
fn surface<'a>(text: &'a str, toks: &[Token], m: &'a Mention) -> Cow<'a, str> {
    if let crate::extract::mention::What::Person { name, .. } = &m.what {
        return Cow::Borrowed(name);
    }
    let a = toks[m.start].start as usize;
    let b = toks[m.end - 1].end as usize;
    // one ASCII token is written as it is (no blank inside, no "the ")
    if m.end == m.start + 1 && text.as_bytes()[a..b].is_ascii() {
        return Cow::Borrowed(&text[a..b]);
    }
    let s = single_spaced(&text[a..b]);
    if !(s.starts_with("the ") || s.starts_with("The ")) {
        return s;
    }
    match s {
        Cow::Borrowed(s) => Cow::Borrowed(&s[4..]),
        Cow::Owned(mut s) => {
            s.drain(..4);
            Cow::Owned(s)
        }
    }
}

/// The first stages of an article: tokens, sentences, masked noise, the
/// dateline, lower-case forms and the mentions of each sentence.
struct Front {
    toks: Vec<Token>,
    sentences: Vec<Sentence>,
    masked: Vec<bool>,
    dateline: Dateline,
    lowers: Lowered,
    words: TokenWords,
    mentions: Vec<Vec<Mention>>,
}

fn front(g: &Gazetteer, article: &Article) -> Front {
    let text = article.text.as_str();
    let (toks, sentences) = split(article);
    let (masked, dateline) = mask_noise(text, &toks, &sentences, g, article.date);
    let lowers = Lowered::new(text, &toks);
    let words = g.token_words(text, &toks, &lowers);
    let mentions = {
        let finder = Finder::new(g, text, &toks, &lowers, &words, &sentences);
        sentences
            .iter()
            .map(|s| finder.sentence(s.tokens.clone(), &masked))
            .collect()
    };
    Front {
        toks,
        sentences,
        masked,
        dateline,
        lowers,
        words,
        mentions,
    }
}

/// The mentions of each sentence of an article: the stages before entity
/// resolution (tokens, sentences, noise, lexicon lookup), on their own for
/// benchmarks and tools.
pub fn mentions(g: &Gazetteer, article: &Article) -> Vec<Vec<Mention>> {
    front(g, article).mentions
}

/// Extracts the entities and edges of one article. Pure: the same article
/// and lexicon always give the same records.
pub fn extract(g: &Gazetteer, article: &Article) -> Extraction {
    let text = article.text.as_str();
    let Front {
        toks,
        sentences,
        masked,
        dateline,
        lowers,
        words,
        mentions,
    } = front(g, article);
    // "Alvi said", "said Alvi": an unknown word next to a reporting verb is a person
    // (not a word in capitals, not a headline word before "adds")
    let reporting_next = |m: &Mention| -> bool {
        let word = toks[m.start].text(text);
        if word.chars().all(|c| !c.is_lowercase()) {
            return false;
        }
        let strong =
            |k: usize| matches!(&lowers[k], "said" | "says" | "told" | "noted" | "stressed");
        let after = (m.end..(m.end + 2).min(toks.len())).any(strong);
        let before = m.start > 0
            && words.may_be(m.start - 1, class::REPORTING)
            && g.reporting.contains(&lowers[m.start - 1]);
        after || before
    };
    let ctx_country = match dateline.place {
        Some(Known::Capital(c)) | Some(Known::Country(c)) => Some(c),
        Some(Known::Place(p)) => g.places[p as usize].country,
        _ => None,
    };
    let mut res = resolve(
        g,
        &mentions,
        &|m| surface(text, &toks, m),
        &reporting_next,
        ctx_country,
        article.date,
    );
    let host = ctx_country.map(|c| res.country(g, c));
    let base = dateline.date.or(article.date);

    // the article's two sides: the two most mentioned countries, until a meeting says who
    let mut by_count: Vec<(usize, usize)> = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Country)
        .map(|(i, e)| (e.mentions, i))
        .collect();
    by_count.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pair = (by_count.len() >= 2).then(|| (by_count[0].1, by_count[1].1));
    let mut met = false;
    // "Abe and Putin", "X and Y held talks": two people of two states named together
    'find: for ms in &res.sentences {
        for w in ms.windows(2) {
            let (Ref::Entity(a), Ref::Entity(b)) = (w[0].r, w[1].r) else {
                continue;
            };
            let and_between = w[1].start == w[0].end + 1 && toks[w[0].end].bytes(text) == b"and";
            if !and_between || a == b {
                continue;
            }
            let (ka, kb) = (res.entities[a].kind, res.entities[b].kind);
            let persons = ka == EntityKind::Person && kb == EntityKind::Person;
            let states =
                ka == EntityKind::Country && kb == EntityKind::Country && !w[0].weak && !w[1].weak;
            let apart = match (res.role_country(a), res.role_country(b)) {
                (Some(x), Some(y)) => x != y,
                _ => states,
            };
            if (persons || states) && apart {
                pair = Some((a, b));
                met = persons;
                break 'find;
            }
        }
    }

    let mut rels: Vec<(usize, Relation, Option<Date>, Vec<String>)> = Vec::new();
    // "the China-ASEAN summit", "Japan-India talks": a meeting of the two
    let mut compound: Vec<(usize, Relation)> = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        // most sentences have no hyphen at all
        if !text[sent.start..sent.end].contains('-') {
            continue;
        }
        for i in sent.tokens.clone() {
            let word = toks[i].text(text);
            if masked[i] || !word.bytes().any(|b| b == b'-') {
                continue;
            }
            // "Iranian-backed Houthi militia": support of the backer for the backed
            if let Some((backer, how)) = word.rsplit_once('-') {
                if matches!(
                    how,
                    "backed" | "supported" | "sponsored" | "funded" | "armed"
                ) {
                    let state = match g.lookup_word(backer) {
                        Some(Known::Country(c) | Known::Demonym(c)) => Some(res.country(g, c)),
                        _ => None,
                    };
                    let backed =
                        res.sentences[si]
                            .iter()
                            .find(|m| m.start > i)
                            .and_then(|m| match m.r {
                                Ref::Entity(e) if m.start <= i + 3 => Some(e),
                                _ => None,
                            });
                    if let (Some(a), Some(b)) = (state, backed) {
                        if a != b {
                            res.entities[a].mentions += 1;
                            compound.push((
                                si,
                                Relation {
                                    kind: EdgeKind::Support,
                                    cameo: "050".into(),
                                    source: a,
                                    target: b,
                                    speaker: None,
                                    place: None,
                                    planned: false,
                                },
                            ));
                        }
                    }
                    continue;
                }
            }
            let meeting_after = (i + 1..sent.tokens.end)
                .filter(|&k| !masked[k])
                .take(4)
                .any(|k| {
                    matches!(
                        &lowers[k],
                        "summit"
                            | "talks"
                            | "meeting"
                            | "meetings"
                            | "dialogue"
                            | "consultations"
                            | "conversation"
                            | "call"
                    )
                });
            if !meeting_after {
                continue;
            }
            let parts: Vec<Option<usize>> = word
                .split('-')
                .map(|p| match g.lookup_word(p) {
                    Some(Known::Country(c)) => Some(res.country(g, c)),
                    Some(Known::Org(o)) => {
                        let n = &g.orgs[o as usize];
                        Some(res.named(EntityKind::Organization, &n.name.clone(), n.country))
                    }
                    _ => None,
                })
                .collect();
            if parts.len() == 2 && parts.iter().all(Option::is_some) {
                let (a, b) = (parts[0].unwrap_or(0), parts[1].unwrap_or(0));
                if a != b {
                    for e in [a, b] {
                        res.entities[e].mentions += 1;
                    }
                    compound.push((
                        si,
                        Relation {
                            kind: EdgeKind::Meeting,
                            cameo: "040".into(),
                            source: a.min(b),
                            target: a.max(b),
                            speaker: None,
                            place: None,
                            planned: false,
                        },
                    ));
                }
            }
        }
    }
    for (si, sent) in sentences.iter().enumerate() {
        let ctx = relation::Sentence {
            g,
            text,
            toks: &toks,
            range: sent.tokens.clone(),
            masked: &masked,
            mentions: &res.sentences[si],
            lowers: &lowers,
            words: &words,
        };
        let mut found = relation::relations(&ctx, &res, pair, host);
        for (csi, r) in &compound {
            if *csi == si
                && !found
                    .iter()
                    .any(|o| o.kind == r.kind && o.source == r.source && o.target == r.target)
            {
                found.push(r.clone());
            }
        }
        // two people who sign together have met
        let signings: Vec<Relation> = found
            .iter()
            .filter(|r| {
                r.kind == EdgeKind::Agreement
                    && res.entities[r.source].kind == EntityKind::Person
                    && res.entities[r.target].kind == EntityKind::Person
            })
            .cloned()
            .collect();
        for mut r in signings {
            if !found.iter().any(|o| {
                o.kind == EdgeKind::Meeting && o.source == r.source && o.target == r.target
            }) {
                r.kind = EdgeKind::Meeting;
                r.cameo = EdgeKind::Meeting.default_cameo().to_string();
                found.push(r);
            }
        }
        if found.is_empty() {
            continue;
        }
        let date = sentence_date(text, (&toks, &words), sent.tokens.clone(), &masked, base)
            .or(article.date);
        let tops = g
            .topics
            .named((text, &toks, &lowers, &words), sent.tokens.clone());
        for r in found {
            if r.kind == EdgeKind::Meeting && !met {
                let ks = (res.entities[r.source].kind, res.entities[r.target].kind);
                if ks.0 == EntityKind::Person
                    || ks.1 == EntityKind::Person
                    || ks == (EntityKind::Country, EntityKind::Country)
                {
                    pair = Some((r.source, r.target));
                    met = true;
                }
            }
            rels.push((si, r, date, tops.clone()));
        }
    }

    // records
    let evidence = |si: usize| {
        let s = &sentences[si];
        Evidence {
            article: article.id.clone(),
            sentence: s.index,
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
        }
    };
    let mut used: Vec<bool> = res.entities.iter().map(|e| e.mentions > 0).collect();
    let mut edges: Vec<EdgeRecord> = Vec::new();
    let ids: Vec<String> = res.entities.iter().map(|e| e.id()).collect();
    for (si, r, date, tops) in rels {
        let (mut s, mut t) = (r.source, r.target);
        if !r.kind.is_directed() && ids[s] > ids[t] {
            std::mem::swap(&mut s, &mut t);
        }
        edges.push(EdgeRecord {
            source: ids[s].clone(),
            target: ids[t].clone(),
            kind: r.kind,
            cameo: r.cameo,
            date,
            speaker: r.speaker.map(|x| ids[x].clone()),
            place: r.place.map(|x| ids[x].clone()),
            topics: tops,
            role: None,
            planned: r.planned,
            former: false,
            evidence: evidence(si),
        });
        used[s] = true;
        used[t] = true;
    }
    // roles and locations
    for (pi, e) in res.entities.iter().enumerate() {
        if e.mentions == 0 {
            continue;
        }
        for role in &e.roles {
            if let Some(of) = role.of {
                edges.push(EdgeRecord {
                    source: ids[pi].clone(),
                    target: ids[of].clone(),
                    kind: EdgeKind::Role,
                    cameo: String::new(),
                    date: article.date,
                    speaker: None,
                    place: None,
                    topics: Vec::new(),
                    role: Some(role.title.clone()),
                    planned: false,
                    former: role.former,
                    evidence: evidence(role.sentence),
                });
                used[of] = true;
            }
        }
        if e.kind == EntityKind::Place {
            if let Some(c) = e.country {
                if let Some(ci) = res.entities.iter().position(|x| {
                    x.kind == EntityKind::Country && x.country == Some(c) && x.mentions > 0
                }) {
                    let si = res
                        .sentences
                        .iter()
                        .position(|ms| ms.iter().any(|m| m.r == Ref::Entity(pi)))
                        .unwrap_or(0);
                    edges.push(EdgeRecord {
                        source: ids[pi].clone(),
                        target: ids[ci].clone(),
                        kind: EdgeKind::LocatedIn,
                        cameo: String::new(),
                        date: None,
                        speaker: None,
                        place: None,
                        topics: Vec::new(),
                        role: None,
                        planned: false,
                        former: false,
                        evidence: evidence(si),
                    });
                }
            }
        }
    }
    edges.sort_by(|a, b| {
        (a.kind, &a.source, &a.target, a.evidence.sentence).cmp(&(
            b.kind,
            &b.source,
            &b.target,
            b.evidence.sentence,
        ))
    });
    edges.dedup_by(|a, b| {
        a.kind == b.kind
            && a.source == b.source
            && a.target == b.target
            && a.evidence.sentence == b.evidence.sentence
    });
    // the entities' strings move into their records: nothing needs them after
    let mut ids = ids;
    let mut entities: Vec<EntityRecord> = Vec::with_capacity(res.entities.len());
    for (i, e) in res.entities.into_iter().enumerate() {
        if !used[i] {
            continue;
        }
        let name = e.name;
        let mut aliases: Vec<String> = e.aliases.into_iter().filter(|a| *a != name).collect();
        aliases.sort();
        entities.push(EntityRecord {
            id: std::mem::take(&mut ids[i]),
            name,
            kind: e.kind,
            aliases,
            code: e.code,
        });
    }
    // sorted by id, one record per id: the last made, as a map by id keeps
    entities.reverse();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    entities.dedup_by(|a, b| a.id == b.id);
    Extraction {
        article: article.id.clone(),
        date: article.date,
        entities,
        edges,
    }
}

/// A human-readable trace of the extraction of one article: each sentence
/// with the mentions found, what they resolved to, and the relations made.
/// It answers "why is this edge here?" (and why another is not).
pub fn explain(g: &Gazetteer, article: &Article) -> String {
    use std::fmt::Write;
    let text = article.text.as_str();
    let Front {
        toks,
        sentences,
        masked,
        dateline,
        lowers,
        words,
        mentions,
    } = front(g, article);
    let x = extract(g, article);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "article {} date {:?} dateline {:?}",
        article.id,
        article.date.map(|d| d.to_string()),
        dateline
    );
    for (si, s) in sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n[{si}] {}",
            text[s.start..s.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let m: Vec<String> = s
            .tokens
            .clone()
            .filter(|&i| masked[i])
            .map(|i| toks[i].text(text).to_string())
            .collect();
        if !m.is_empty() {
            let _ = writeln!(out, "    masked: {}", m.join(" "));
        }
        for mm in &mentions[si] {
            let a = toks[mm.start].start as usize;
            let b = toks[mm.end - 1].end as usize;
            let _ = writeln!(out, "    mention {:?} = {:?}", &text[a..b], mm.what);
        }
        let ctx = relation::Sentence {
            g,
            text,
            toks: &toks,
            range: s.tokens.clone(),
            masked: &masked,
            mentions: &[],
            lowers: &lowers,
            words: &words,
        };
        for c in ctx.cues() {
            let a = toks[c.start].start as usize;
            let b = toks[c.end - 1].end as usize;
            let _ = writeln!(out, "    cue {:?} {}", &text[a..b], g.cues[c.cue].kind);
        }
        for e in x.edges.iter().filter(|e| e.evidence.sentence == s.index) {
            let _ = writeln!(
                out,
                "    EDGE {} -{}-> {} speaker={:?} date={:?}",
                e.source,
                e.kind,
                e.target,
                e.speaker,
                e.date.map(|d| d.to_string())
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges_of(text: &str) -> Vec<String> {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let a = Article::parse("t", text).unwrap();
        extract(&g, &a)
            .edges
            .iter()
            .filter(|e| e.kind.is_event())
            .map(|e| format!("{} {} {}", e.source, e.kind, e.target))
            .collect()
    }

    #[test]
    fn related_readings_and_photo_credits_are_not_text() {
        let text = "China and Pakistan vowed to deepen ties.\n\nRelated readings\n\nIndia condemns Pakistan\n\nJapan thanks Germany\n\nPhoto: John Smith / Reuters\n";
        let e = edges_of(text);
        assert!(
            e.contains(&"country:china Commitment country:pakistan".to_string()),
            "{e:?}"
        );
        assert!(
            !e.iter().any(|x| x.contains("india") || x.contains("japan")),
            "{e:?}"
        );
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let x = extract(&g, &Article::parse("t", text).unwrap());
        assert!(
            !x.entities.iter().any(|e| e.name.contains("Smith")),
            "{:?}",
            x.entities
        );
    }

    #[test]
    fn relative_dates_count_back_from_the_dateline() {
        let g = Gazetteer::new(&crate::Lexicon::builtin().unwrap()).unwrap();
        let a = Article::parse(
            "t",
            " date 2023-05-06 T\n\nISLAMABAD, May 6 (Xinhua) -- Pakistani President Arif Alvi met Chinese Foreign Minister Qin Gang on Friday.",
        )
        .unwrap();
        let x = extract(&g, &a);
        let m = x
            .edges
            .iter()
            .find(|e| e.kind == EdgeKind::Meeting)
            .unwrap();
        assert_eq!(m.date.unwrap().to_string(), "2023-05-05");
    }

    #[test]
    fn a_denied_stance_gives_no_edge() {
        assert!(
            edges_of("Japan does not support the sanctions against Russia.")
                .iter()
                .all(|e| !e.contains("Support"))
        );
        assert!(edges_of("Japan supports Russia.")
            .iter()
            .any(|e| e.contains("Support")));
    }

    #[test]
    fn a_capital_acting_is_its_state() {
        let e = edges_of("Beijing summoned the U.S. ambassador over the patrol.");
        assert!(
            e.iter()
                .any(|x| x.starts_with("country:china") && x.contains("united-states")),
            "{e:?}"
        );
    }
}
