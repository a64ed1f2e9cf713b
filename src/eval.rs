//! Measuring extraction against gold annotations, exactly as
//! `shared/tools/score.py` does: entities, roles, and relations as written
//! and at country level, precision over required + allowed, recall over required.

use crate::graph::Graph;
use crate::model::EdgeKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The relation kinds that are scored.
pub const SCORED: [EdgeKind; 7] = [
    EdgeKind::Meeting,
    EdgeKind::Visit,
    EdgeKind::Commitment,
    EdgeKind::Support,
    EdgeKind::Praise,
    EdgeKind::Agreement,
    EdgeKind::Criticism,
];

/// The kinds whose micro-average is the headline figure.
pub const CORE: [EdgeKind; 3] = [EdgeKind::Meeting, EdgeKind::Commitment, EdgeKind::Support];

/// A gold file: `NAME.gold.json`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Gold {
    pub entities: Vec<GoldEntity>,
    pub allowed_entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
    pub allowed_relations: Vec<GoldRelation>,
    pub roles: Vec<GoldRole>,
}

/// A gold entity.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

/// A gold relation (source, kind, target).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldRelation {
    pub source: String,
    pub kind: String,
    pub target: String,
}

/// A gold role.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldRole {
    pub person: String,
    pub role: String,
    pub of: String,
}

/// Counts of true positives, acceptable extras, false positives, misses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub extra_ok: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall, F1 (acceptable extras count for precision only).
    pub fn prf(&self) -> (f64, f64, f64) {
        let pred = self.tp + self.extra_ok + self.fp;
        let p = if pred > 0 {
            (self.tp + self.extra_ok) as f64 / pred as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.extra_ok += o.extra_ok;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// What one article got wrong: (level, triple) missing and wrong.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Misses {
    pub missing: Vec<(String, String, String, String)>,
    pub wrong: Vec<(String, String, String, String)>,
}

/// Totals over a set of articles, keyed like score.py's rows.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub articles: usize,
    pub counts: BTreeMap<String, Counts>,
    pub misses: BTreeMap<String, Misses>,
}

impl Report {
    /// The rows score.py prints, in its order: (label, P, R, F1).
    pub fn rows(&self) -> Vec<(String, f64, f64, f64)> {
        let mut out = Vec::new();
        let get = |k: &str| self.counts.get(k).copied().unwrap_or_default();
        for label in ["entities", "roles"] {
            let (p, r, f) = get(label).prf();
            out.push((label.to_string(), p, r, f));
        }
        for level in ["written", "country"] {
            for k in SCORED {
                let (p, r, f) = get(&format!("{level}:{k}")).prf();
                out.push((format!("{level}:{k}"), p, r, f));
            }
            for (name, kinds) in [("core", &CORE[..]), ("all", &SCORED[..])] {
                let mut c = Counts::default();
                for k in kinds {
                    c.add(&get(&format!("{level}:{k}")));
                }
                let (p, r, f) = c.prf();
                out.push((format!("{level}:{name}"), p, r, f));
            }
        }
        out
    }

    /// F1 of a row.
    pub fn f1(&self, label: &str) -> f64 {
        self.rows()
            .into_iter()
            .find(|r| r.0 == label)
            .map(|r| r.3)
            .unwrap_or(0.0)
    }
}

/// score.py's name normalisation: lower case, no 's, no punctuation, no leading "the".
pub fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace('\u{2019}', "'");
    // drop "'s" at a word end
    let mut t = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars
                .get(i + 2)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 2;
            continue;
        }
        let c = chars[i];
        t.push(if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
            c
        } else {
            ' '
        });
        i += 1;
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.strip_prefix("the ").map(str::to_string).unwrap_or(t)
}

fn forms(name: &str, aliases: &[String]) -> BTreeSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(norm)
        .filter(|s| !s.is_empty())
        .collect()
}

type Triple = (String, String, String);

fn triple(s: &str, k: EdgeKind, t: &str) -> Triple {
    let (s, t) = if k.is_directed() || s <= t {
        (s, t)
    } else {
        (t, s)
    };
    (s.to_string(), k.to_string(), t.to_string())
}

/// Scores the graph built from one article against its gold, adding to `report`.
pub fn score_article(name: &str, gold: &Gold, g: &Graph, report: &mut Report) {
    report.articles += 1;
    struct GE {
        name: String,
        kind: String,
        forms: BTreeSet<String>,
        required: bool,
    }
    let gold_ents: Vec<GE> = gold
        .entities
        .iter()
        .map(|e| (e, true))
        .chain(gold.allowed_entities.iter().map(|e| (e, false)))
        .map(|(e, required)| GE {
            name: e.name.clone(),
            kind: e.kind.clone(),
            forms: forms(&e.name, &e.aliases),
            required,
        })
        .collect();
    let nodes = g.nodes();
    let mut mapped: HashMap<petgraph::stable_graph::NodeIndex, Option<usize>> = HashMap::new();
    for &n in &nodes {
        let node = g.node(n);
        let aliases: Vec<String> = node.aliases.iter().cloned().collect();
        let f = forms(&node.name, &aliases);
        let nn = norm(&node.name);
        let exact: Vec<usize> = (0..gold_ents.len())
            .filter(|&i| gold_ents[i].forms.contains(&nn))
            .collect();
        let m = exact
            .first()
            .copied()
            .or_else(|| (0..gold_ents.len()).find(|&i| !gold_ents[i].forms.is_disjoint(&f)));
        mapped.insert(n, m);
    }
    // entities
    let ent = report.counts.entry("entities".into()).or_default();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for &n in &nodes {
        match mapped[&n] {
            Some(i)
                if gold_ents[i].kind == g.node(n).kind.to_string()
                    && !seen.contains(&gold_ents[i].name) =>
            {
                seen.insert(gold_ents[i].name.clone());
                ent.tp += 1;
            }
            _ => ent.fp += 1,
        }
    }
    ent.fn_ += gold_ents
        .iter()
        .filter(|g| g.required && !seen.contains(&g.name))
        .count();
    let mapped_name = |n| -> String {
        match mapped[&n] {
            Some(i) => gold_ents[i].name.clone(),
            None => format!("?{}", g.node(n).id),
        }
    };
    // roles
    let gold_roles: BTreeSet<(String, String)> = gold
        .roles
        .iter()
        .map(|r| (r.person.clone(), r.of.clone()))
        .collect();
    let mut pred_roles: BTreeSet<(Option<String>, Option<String>)> = BTreeSet::new();
    for (s, t, e) in g.edges() {
        if e.kind == EdgeKind::Role && !e.occurrences.iter().all(|o| o.former) {
            pred_roles.insert((
                mapped[&s].map(|i| gold_ents[i].name.clone()),
                mapped[&t].map(|i| gold_ents[i].name.clone()),
            ));
        }
    }
    let tp = pred_roles
        .iter()
        .filter(|(a, b)| {
            a.as_ref()
                .zip(b.as_ref())
                .is_some_and(|(a, b)| gold_roles.contains(&(a.clone(), b.clone())))
        })
        .count();
    let rc = report.counts.entry("roles".into()).or_default();
    rc.tp += tp;
    rc.fp += pred_roles.len() - tp;
    rc.fn_ += gold_roles.len() - tp;
    // relations
    let countries: BTreeSet<&str> = gold_ents
        .iter()
        .filter(|e| e.kind == "Country")
        .map(|e| e.name.as_str())
        .collect();
    let lift: HashMap<&str, &str> = gold
        .roles
        .iter()
        .filter(|r| countries.contains(r.of.as_str()))
        .map(|r| (r.person.as_str(), r.of.as_str()))
        .collect();
    let kind_of = |k: &str| EdgeKind::ALL.iter().copied().find(|x| x.to_string() == k);
    let rels = |items: &[(String, EdgeKind, String)], lifted: bool| -> BTreeSet<Triple> {
        let mut out = BTreeSet::new();
        for (s, k, t) in items {
            let (mut s, mut t) = (s.as_str(), t.as_str());
            if lifted {
                s = lift.get(s).copied().unwrap_or(s);
                t = lift.get(t).copied().unwrap_or(t);
                if s == t {
                    continue;
                }
            }
            out.insert(triple(s, *k, t));
        }
        out
    };
    let gold_items = |v: &[GoldRelation]| -> Vec<(String, EdgeKind, String)> {
        v.iter()
            .filter_map(|r| kind_of(&r.kind).map(|k| (r.source.clone(), k, r.target.clone())))
            .collect()
    };
    let pred_items: Vec<(String, EdgeKind, String)> = g
        .edges()
        .into_iter()
        .filter(|(_, _, e)| SCORED.contains(&e.kind))
        .map(|(s, t, e)| (mapped_name(s), e.kind, mapped_name(t)))
        .collect();
    let misses = report.misses.entry(name.to_string()).or_default();
    for (level, lifted) in [("written", false), ("country", true)] {
        let req = rels(&gold_items(&gold.relations), lifted);
        let allowed = rels(&gold_items(&gold.allowed_relations), lifted);
        let ok: BTreeSet<Triple> = req.union(&allowed).cloned().collect();
        let got = rels(&pred_items, lifted);
        for k in SCORED {
            let ks = k.to_string();
            let g_k: BTreeSet<&Triple> = got.iter().filter(|x| x.1 == ks).collect();
            let r_k: BTreeSet<&Triple> = req.iter().filter(|x| x.1 == ks).collect();
            let tp_p = g_k.iter().filter(|x| ok.contains(**x)).count();
            let tp_r = g_k.iter().filter(|x| r_k.contains(*x)).count();
            let c = report.counts.entry(format!("{level}:{k}")).or_default();
            c.tp += tp_r;
            c.fp += g_k.len() - tp_p;
            c.fn_ += r_k.len() - tp_r;
            c.extra_ok += tp_p - tp_r;
        }
        for m in req.difference(&got) {
            misses
                .missing
                .push((level.to_string(), m.0.clone(), m.1.clone(), m.2.clone()));
        }
        for w in got.difference(&ok) {
            misses
                .wrong
                .push((level.to_string(), w.0.clone(), w.1.clone(), w.2.clone()));
        }
    }
}

/// Builds each `NAME.txt` of `dir` alone and scores it against
/// `NAME.gold.json`. Articles without a gold file are not scored.
pub fn eval_dir(ex: &crate::Extractor, dir: &std::path::Path) -> crate::Result<Report> {
    let rd = std::fs::read_dir(dir).map_err(|e| crate::Error::io(dir, e))?;
    let mut golds: Vec<std::path::PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    if golds.is_empty() {
        return Err(crate::Error::Invalid(format!(
            "{}: no *.gold.json files here",
            dir.display()
        )));
    }
    let mut report = Report::default();
    for gp in golds {
        let file = gp
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = file.trim_end_matches(".gold.json").to_string();
        let text = std::fs::read_to_string(&gp).map_err(|e| crate::Error::io(&gp, e))?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| crate::Error::Parse {
            path: gp.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let tp = dir.join(format!("{name}.txt"));
        let mut g = Graph::new();
        if let Ok(t) = std::fs::read_to_string(&tp) {
            let article = crate::Article::parse(name.clone(), t)?;
            g.add_extraction(&ex.extract(&article));
        }
        score_article(&name, &gold, &g, &mut report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::norm;

    #[test]
    fn norm_matches_score_py() {
        assert_eq!(norm("The United States"), "united states");
        assert_eq!(norm("China's"), "china");
        assert_eq!(norm("one-China policy"), "one china policy");
        assert_eq!(norm("U.S."), "u s");
        assert_eq!(
            norm("Foreign Ministers’ Strategic Dialogue"),
            "foreign ministers strategic dialogue"
        );
    }
}
