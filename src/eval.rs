//! Measuring extraction against gold annotations, exactly as
//! `shared/tools/score.py` does: entities, roles, and relations as written
//! and at country level, precision over required + allowed, recall over required.

use crate::graph::Graph;
use crate::graph::NodeId;
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
    /// Entities a good extractor must find (count for recall).
    pub entities: Vec<GoldEntity>,
    /// Defensible extra entities: finding them costs nothing, nor does missing them.
    pub allowed_entities: Vec<GoldEntity>,
    /// Relations that must be found (the scored kinds only).
    pub relations: Vec<GoldRelation>,
    /// Defensible extra relations, counted for precision only.
    pub allowed_relations: Vec<GoldRelation>,
    /// Titles people hold, scored as (person, of) pairs against Role edges.
    pub roles: Vec<GoldRole>,
}

/// A gold entity.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldEntity {
    /// The entity's name (`Pakistan`), as relations and roles name it.
    pub name: String,
    /// Its kind as `EntityKind` writes it (`Country`, `Person`...).
    pub kind: String,
    /// Other surface forms that also match it (`Pakistani`).
    pub aliases: Vec<String>,
}

/// A gold relation (source, kind, target).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldRelation {
    /// The gold name of the source entity (`Pakistan`).
    pub source: String,
    /// The edge kind as `EdgeKind` writes it (`Support`); other kinds are ignored.
    pub kind: String,
    /// The gold name of the target entity (`China`).
    pub target: String,
}

/// A gold role.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoldRole {
    /// The gold name of the person (`Arif Alvi`).
    pub person: String,
    /// The title held (`President`); not scored.
    pub role: String,
    /// The gold name of the country or organization the title is of (`Pakistan`).
    pub of: String,
}

/// Counts of true positives, acceptable extras, false positives, misses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// True positives: predictions that match the gold.
    pub tp: usize,
    /// Predictions that match only an allowed relation: right for precision,
    /// not counted for recall.
    pub extra_ok: usize,
    /// False positives: predictions that match nothing in the gold.
    pub fp: usize,
    /// False negatives: required gold items nothing predicted matches.
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
    /// Required relations not found, as (level, source, kind, target);
    /// level is `written` or `country`.
    pub missing: Vec<(String, String, String, String)>,
    /// Relations found that are neither required nor allowed, as (level,
    /// source, kind, target); an end with no gold entity is `?` and its node id.
    pub wrong: Vec<(String, String, String, String)>,
}

/// Totals over a set of articles, keyed like score.py's rows.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// How many articles were scored.
    pub articles: usize,
    /// Counts per row: `entities`, `roles`, and `LEVEL:KIND` (`written:Meeting`,
    /// `country:Support`).
    pub counts: BTreeMap<String, Counts>,
    /// The relations each article (by name) missed or got wrong.
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
    let m = Mapping::new(gold, g);
    score_entities(&m, g, report.counts.entry("entities".into()).or_default());
    score_roles(
        &m,
        gold,
        g,
        report.counts.entry("roles".into()).or_default(),
    );
    score_relations(&m, gold, g, name, report);
}

/// A gold entity as scoring sees it.
struct GoldEnt {
    name: String,
    kind: String,
    /// The normalised name and aliases.
    forms: BTreeSet<String>,
    /// Required (`entities`), or only allowed (`allowed_entities`).
    required: bool,
}

/// The gold entities of an article, and the one each node of its graph is.
struct Mapping {
    /// The required entities, then the allowed ones.
    gold: Vec<GoldEnt>,
    /// The nodes of the graph in its order.
    nodes: Vec<NodeId>,
    /// Each node's gold entity (an index in `gold`), if any.
    of: HashMap<NodeId, Option<usize>>,
}

impl Mapping {
    /// Maps each node of `g` to the first gold entity one of whose forms is
    /// the node's name, else to the first sharing a form with the node's
    /// name and aliases.
    fn new(gold: &Gold, g: &Graph) -> Mapping {
        let ents: Vec<GoldEnt> = gold
            .entities
            .iter()
            .map(|e| (e, true))
            .chain(gold.allowed_entities.iter().map(|e| (e, false)))
            .map(|(e, required)| GoldEnt {
                name: e.name.clone(),
                kind: e.kind.clone(),
                forms: forms(&e.name, &e.aliases),
                required,
            })
            .collect();
        let nodes = g.nodes();
        let mut of = HashMap::new();
        for &n in &nodes {
            let node = g.node(n);
            let aliases: Vec<String> = node.aliases.iter().cloned().collect();
            let f = forms(&node.name, &aliases);
            let nn = norm(&node.name);
            let m = (0..ents.len())
                .find(|&i| ents[i].forms.contains(&nn))
                .or_else(|| (0..ents.len()).find(|&i| !ents[i].forms.is_disjoint(&f)));
            of.insert(n, m);
        }
        Mapping {
            gold: ents,
            nodes,
            of,
        }
    }

    /// The gold name of node `n`, if it maps to one.
    fn gold_name(&self, n: NodeId) -> Option<String> {
        self.of[&n].map(|i| self.gold[i].name.clone())
    }

    /// The gold name of node `n`, else `?` and its id.
    fn name(&self, g: &Graph, n: NodeId) -> String {
        self.gold_name(n)
            .unwrap_or_else(|| format!("?{}", g.node(n).id))
    }
}

/// Entities: a node is right when its gold entity has its kind and no node
/// before it claimed that entity; a required entity no node claims is a miss.
fn score_entities(m: &Mapping, g: &Graph, c: &mut Counts) {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for &n in &m.nodes {
        match m.of[&n].map(|i| &m.gold[i]) {
            Some(e) if e.kind == g.node(n).kind.to_string() && !seen.contains(e.name.as_str()) => {
                seen.insert(&e.name);
                c.tp += 1;
            }
            _ => c.fp += 1,
        }
    }
    c.fn_ += m
        .gold
        .iter()
        .filter(|e| e.required && !seen.contains(e.name.as_str()))
        .count();
}

/// Roles: the (person, of) pairs of the Role edges not all former, by gold names.
fn score_roles(m: &Mapping, gold: &Gold, g: &Graph, c: &mut Counts) {
    let gold_roles: BTreeSet<(String, String)> = gold
        .roles
        .iter()
        .map(|r| (r.person.clone(), r.of.clone()))
        .collect();
    let mut pred_roles: BTreeSet<(Option<String>, Option<String>)> = BTreeSet::new();
    for (s, t, e) in g.edges() {
        if e.kind == EdgeKind::Role && !e.occurrences.iter().all(|o| o.former) {
            pred_roles.insert((m.gold_name(s), m.gold_name(t)));
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
    c.tp += tp;
    c.fp += pred_roles.len() - tp;
    c.fn_ += gold_roles.len() - tp;
}

/// A relation before it is a [`Triple`]: source, kind, target.
type Item = (String, EdgeKind, String);

/// Relations per scored kind, as written and lifted to country level, and
/// the article's misses.
fn score_relations(m: &Mapping, gold: &Gold, g: &Graph, name: &str, report: &mut Report) {
    let lift = country_lift(m, gold);
    let required = gold_items(&gold.relations);
    let allowed = gold_items(&gold.allowed_relations);
    let pred: Vec<Item> = g
        .edges()
        .into_iter()
        .filter(|(_, _, e)| SCORED.contains(&e.kind))
        .map(|(s, t, e)| (m.name(g, s), e.kind, m.name(g, t)))
        .collect();
    let misses = report.misses.entry(name.to_string()).or_default();
    for (level, lift) in [("written", None), ("country", Some(&lift))] {
        let req = triples(&required, lift);
        let ok: BTreeSet<Triple> = req.union(&triples(&allowed, lift)).cloned().collect();
        let got = triples(&pred, lift);
        score_kinds(level, &req, &ok, &got, &mut report.counts);
        for x in req.difference(&got) {
            misses.missing.push(labelled(level, x));
        }
        for x in got.difference(&ok) {
            misses.wrong.push(labelled(level, x));
        }
    }
}

/// The person → country of each gold role held in a gold country.
fn country_lift<'a>(m: &Mapping, gold: &'a Gold) -> HashMap<&'a str, &'a str> {
    let countries: BTreeSet<&str> = m
        .gold
        .iter()
        .filter(|e| e.kind == "Country")
        .map(|e| e.name.as_str())
        .collect();
    gold.roles
        .iter()
        .filter(|r| countries.contains(r.of.as_str()))
        .map(|r| (r.person.as_str(), r.of.as_str()))
        .collect()
}

/// The gold relations of a kind that exists.
fn gold_items(v: &[GoldRelation]) -> Vec<Item> {
    let kind_of = |k: &str| EdgeKind::ALL.iter().copied().find(|x| x.to_string() == k);
    v.iter()
        .filter_map(|r| kind_of(&r.kind).map(|k| (r.source.clone(), k, r.target.clone())))
        .collect()
}

/// `items` as triples; with `lift`, people are replaced by their country
/// and a relation of a country with itself is dropped.
fn triples(items: &[Item], lift: Option<&HashMap<&str, &str>>) -> BTreeSet<Triple> {
    let mut out = BTreeSet::new();
    for (s, k, t) in items {
        let (mut s, mut t) = (s.as_str(), t.as_str());
        if let Some(lift) = lift {
            s = lift.get(s).copied().unwrap_or(s);
            t = lift.get(t).copied().unwrap_or(t);
            if s == t {
                continue;
            }
        }
        out.insert(triple(s, *k, t));
    }
    out
}

/// Adds the counts of each scored kind at `level`: what was `got` counts for
/// precision when `ok` (required or allowed), for recall when required.
fn score_kinds(
    level: &str,
    req: &BTreeSet<Triple>,
    ok: &BTreeSet<Triple>,
    got: &BTreeSet<Triple>,
    counts: &mut BTreeMap<String, Counts>,
) {
    for k in SCORED {
        let ks = k.to_string();
        let g_k: BTreeSet<&Triple> = got.iter().filter(|x| x.1 == ks).collect();
        let r_k: BTreeSet<&Triple> = req.iter().filter(|x| x.1 == ks).collect();
        let tp_p = g_k.iter().filter(|x| ok.contains(**x)).count();
        let tp_r = g_k.iter().filter(|x| r_k.contains(*x)).count();
        let c = counts.entry(format!("{level}:{k}")).or_default();
        c.tp += tp_r;
        c.fp += g_k.len() - tp_p;
        c.fn_ += r_k.len() - tp_r;
        c.extra_ok += tp_p - tp_r;
    }
}

/// A triple with its level, as [`Misses`] lists it.
fn labelled(level: &str, x: &Triple) -> (String, String, String, String) {
    (level.to_string(), x.0.clone(), x.1.clone(), x.2.clone())
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
    use super::*;
    use crate::model::{EdgeRecord, EntityKind, EntityRecord, Evidence, Extraction};

    /// An entity record of the test article.
    fn ent(id: &str, name: &str, kind: EntityKind) -> EntityRecord {
        EntityRecord {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            code: None,
        }
    }

    /// An edge record of the test article, from its sentence `n`.
    fn edge(source: &str, kind: EdgeKind, target: &str, former: bool, n: usize) -> EdgeRecord {
        EdgeRecord {
            source: source.into(),
            target: target.into(),
            kind,
            cameo: kind.default_cameo().into(),
            date: None,
            speaker: None,
            place: None,
            topics: Vec::new(),
            role: (kind == EdgeKind::Role).then(|| "President".into()),
            planned: false,
            former,
            evidence: Evidence {
                article: "a".into(),
                sentence: n,
                start: 10 * n,
                end: 10 * n + 9,
                text: format!("sentence {n}"),
            },
        }
    }

    /// The gold of the test article: four required entities (one never
    /// found), an allowed place, a role lifting Xi Jinping to China, three
    /// required relations and an allowed one.
    fn gold() -> Gold {
        serde_json::from_str(
            r#"{
              "entities": [
                {"name": "China", "kind": "Country"},
                {"name": "Pakistan", "kind": "Country", "aliases": ["Islamic Republic of Pakistan"]},
                {"name": "Xi Jinping", "kind": "Person"},
                {"name": "United States", "kind": "Country"}
              ],
              "allowed_entities": [{"name": "Beijing", "kind": "Place"}],
              "roles": [{"person": "Xi Jinping", "role": "President", "of": "China"}],
              "relations": [
                {"source": "Xi Jinping", "kind": "Support", "target": "Pakistan"},
                {"source": "Pakistan", "kind": "Meeting", "target": "China"},
                {"source": "China", "kind": "Criticism", "target": "United States"}
              ],
              "allowed_relations": [{"source": "China", "kind": "Support", "target": "Pakistan"}]
            }"#,
        )
        .unwrap()
    }

    /// The graph predicted for the test article: India is not in the gold,
    /// Pakistan is found by an alias, one of the roles is wrong, one former.
    fn predicted() -> Graph {
        use EdgeKind::*;
        let (cn, pk, xi, bj, ind) = (
            "country:china",
            "country:pakistan",
            "person:xi-jinping",
            "place:beijing",
            "country:india",
        );
        let mut pakistan = ent(pk, "Islamic Republic of Pakistan", EntityKind::Country);
        pakistan.aliases = vec!["Pakistan".into()];
        let x = Extraction {
            article: "a".into(),
            date: None,
            entities: vec![
                ent(cn, "China", EntityKind::Country),
                pakistan,
                ent(xi, "Xi Jinping", EntityKind::Person),
                ent(bj, "Beijing", EntityKind::Place),
                ent(ind, "India", EntityKind::Country),
            ],
            edges: vec![
                edge(xi, Role, cn, false, 0),
                edge(xi, Role, ind, false, 1),
                edge(xi, Role, pk, true, 2),
                edge(xi, Support, pk, false, 3),
                edge(cn, Support, pk, false, 4),
                edge(cn, Meeting, pk, false, 5),
                edge(ind, Criticism, pk, false, 6),
            ],
            provenance: Default::default(),
        };
        let mut g = Graph::new();
        g.add_extraction(&x);
        g
    }

    /// The (P, R, F1) of `label`, rounded to 4 places.
    fn prf(r: &Report, label: &str) -> (f64, f64, f64) {
        let row = r.rows().into_iter().find(|x| x.0 == label).unwrap();
        let round = |v: f64| (v * 1e4).round() / 1e4;
        (round(row.1), round(row.2), round(row.3))
    }

    #[test]
    fn a_small_article_scores_as_counted_by_hand() {
        let mut r = Report::default();
        score_article("a", &gold(), &predicted(), &mut r);
        assert_eq!(r.articles, 1);
        // entities: 4 right (Beijing allowed), India wrong, United States missed
        let ent = Counts {
            tp: 4,
            extra_ok: 0,
            fp: 1,
            fn_: 1,
        };
        assert_eq!(r.counts["entities"], ent);
        assert_eq!(prf(&r, "entities"), (0.8, 0.8, 0.8));
        // roles: Xi of China right, Xi of India wrong, the former one not counted
        assert_eq!(prf(&r, "roles"), (0.5, 1.0, 0.6667));
        // as written: China's support is allowed (precision only), India is unknown
        let sup = Counts {
            tp: 1,
            extra_ok: 1,
            fp: 0,
            fn_: 0,
        };
        assert_eq!(r.counts["written:Support"], sup);
        assert_eq!(prf(&r, "written:Meeting"), (1.0, 1.0, 1.0));
        assert_eq!(prf(&r, "written:Criticism"), (0.0, 0.0, 0.0));
        assert_eq!(prf(&r, "written:core"), (1.0, 1.0, 1.0));
        // all: tp 2 + extra 1 of 4 predicted, tp 2 of 3 required
        assert_eq!(prf(&r, "written:all"), (0.75, 0.6667, 0.7059));
        // at country level Xi's support is China's: one triple, no extra
        let sup = Counts {
            tp: 1,
            extra_ok: 0,
            fp: 0,
            fn_: 0,
        };
        assert_eq!(r.counts["country:Support"], sup);
        assert_eq!(prf(&r, "country:all"), (0.6667, 0.6667, 0.6667));
        assert_eq!(r.f1("country:core"), 1.0);
        let m = &r.misses["a"];
        let row = |l: &str, s: &str, k: &str, t: &str| (l.into(), s.into(), k.into(), t.into());
        let missing: Vec<(String, String, String, String)> = vec![
            row("written", "China", "Criticism", "United States"),
            row("country", "China", "Criticism", "United States"),
        ];
        assert_eq!(m.missing, missing);
        let wrong: Vec<(String, String, String, String)> = vec![
            row("written", "?country:india", "Criticism", "Pakistan"),
            row("country", "?country:india", "Criticism", "Pakistan"),
        ];
        assert_eq!(m.wrong, wrong);
    }

    #[test]
    fn nothing_predicted_is_zero_not_nan() {
        let mut r = Report::default();
        score_article("a", &gold(), &Graph::new(), &mut r);
        assert_eq!(prf(&r, "entities"), (0.0, 0.0, 0.0));
        assert_eq!(r.counts["entities"].fn_, 4);
        assert_eq!(r.counts["written:Meeting"].fn_, 1);
        assert_eq!(r.misses["a"].missing.len(), 6);
        assert!(r.misses["a"].wrong.is_empty());
    }

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
