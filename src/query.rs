//! Stage 8: queries. Neighbors of an entity, everything between two sides
//! (their people included), shortest paths and timelines, with filters by
//! edge kind and date.

use crate::date::Date;
use crate::graph::{Edge, Graph, Occurrence};
use crate::model::{EdgeKind, EntityKind};
use crate::skeleton::Skeleton;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// Which edges a query looks at.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<EdgeKind>,
    /// Only occurrences on or after this date.
    pub since: Option<Date>,
    /// Only occurrences on or before this date.
    pub until: Option<Date>,
}

impl Filter {
    /// Whether an occurrence passes the date bounds (undated ones always do).
    pub fn occurrence(&self, o: &Occurrence) -> bool {
        self.date(o.date)
    }

    /// Whether a date passes the bounds (no date always does).
    pub fn date(&self, d: Option<Date>) -> bool {
        match d {
            None => true,
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }

    /// Whether edges of this kind pass (all do when no kind is named).
    pub fn kind(&self, k: EdgeKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&k)
    }

    /// Whether an edge has any occurrence that passes.
    pub fn edge(&self, e: &Edge) -> bool {
        self.kind(e.kind) && e.occurrences.iter().any(|o| self.occurrence(o))
    }
}

/// Which way edges go from the entity asked about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Out,
    In,
    #[default]
    Both,
}

/// One neighbor: the entity, the kinds of edges with their counts, the latest date.
///
/// JSON (`ties neighbors --json` prints a list of these): `{id, name, kind, depth,
/// edges: {"Meeting": n, ..}, latest}`; counts are statements, `latest` `"YYYY-MM-DD"` or null.
#[derive(Clone, Debug, Serialize)]
pub struct Neighbor {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub depth: usize,
    pub edges: BTreeMap<EdgeKind, usize>,
    pub latest: Option<Date>,
}

/// The entities around `n`, up to `depth` steps, sorted by weight then name.
pub fn neighbors(
    g: &Graph,
    n: NodeIndex,
    f: &Filter,
    dir: Direction,
    depth: usize,
) -> Vec<Neighbor> {
    let sk = Skeleton::of(g);
    match sk.node_by_id(&g.node(n).id) {
        Some(i) => neighbors_in(&sk, i, f, dir, depth),
        None => Vec::new(),
    }
}

/// [`neighbors`] on a graph's skeleton (node `n` a position in it): what a
/// cold `ties neighbors` runs on, without loading any evidence.
pub fn neighbors_in(
    sk: &Skeleton,
    n: u32,
    f: &Filter,
    dir: Direction,
    depth: usize,
) -> Vec<Neighbor> {
    let mut seen: HashMap<u32, usize> = HashMap::from([(n, 0)]);
    let mut rows: BTreeMap<u32, Neighbor> = BTreeMap::new();
    let mut frontier = vec![n];
    for d in 1..=depth.max(1) {
        let mut next = Vec::new();
        for &at in &frontier {
            for e in sk.incident(at) {
                if !f.kind(e.kind) {
                    continue;
                }
                let (count, latest) = e.within(f);
                if count == 0 {
                    continue;
                }
                let out = e.source == at;
                let ok = match dir {
                    Direction::Out => out || !e.kind.is_directed(),
                    Direction::In => !out || !e.kind.is_directed(),
                    Direction::Both => true,
                };
                if !ok {
                    continue;
                }
                let other = if out { e.target } else { e.source };
                if other == n {
                    continue;
                }
                let fresh = !seen.contains_key(&other);
                let od = *seen.entry(other).or_insert(d);
                if fresh {
                    next.push(other);
                }
                if od != d {
                    continue;
                }
                let node = &sk.nodes[other as usize];
                let row = rows.entry(other).or_insert_with(|| Neighbor {
                    id: node.id.clone(),
                    name: node.name.clone(),
                    kind: node.kind,
                    depth: d,
                    edges: BTreeMap::new(),
                    latest: None,
                });
                *row.edges.entry(e.kind).or_default() += count;
                row.latest = row.latest.max(latest);
            }
        }
        frontier = next;
    }
    let mut v: Vec<Neighbor> = rows.into_values().collect();
    v.sort_by(|a, b| {
        let wa: usize = a.edges.values().sum();
        let wb: usize = b.edges.values().sum();
        a.depth
            .cmp(&b.depth)
            .then(wb.cmp(&wa))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    v
}

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

/// The people who hold a (current) role for `n`.
pub fn members(g: &Graph, n: NodeIndex) -> BTreeSet<NodeIndex> {
    g.incident(n)
        .into_iter()
        .filter(|(_, t, e)| {
            *t == n && e.kind == EdgeKind::Role && e.occurrences.iter().any(|o| !o.former)
        })
        .map(|(s, _, _)| s)
        .collect()
}

/// Everything between `a` and `b`, both ways, their people included, in date order.
pub fn between(g: &Graph, a: NodeIndex, b: NodeIndex, f: &Filter) -> Vec<Statement> {
    let mut side_a = members(g, a);
    side_a.insert(a);
    let mut side_b = members(g, b);
    side_b.insert(b);
    let mut out = Vec::new();
    for (s, t, e) in g.edges() {
        if !e.kind.is_event() || !f.edge(e) {
            continue;
        }
        let ab = side_a.contains(&s) && side_b.contains(&t);
        let ba = side_b.contains(&s) && side_a.contains(&t);
        if !(ab || ba) {
            continue;
        }
        for o in e.occurrences.iter().filter(|o| f.occurrence(o)) {
            out.push(statement(g, s, t, e, o));
        }
    }
    out.sort_by(|x, y| {
        (x.kind, x.date, &x.source, &x.target, &x.article)
            .cmp(&(y.kind, y.date, &y.source, &y.target, &y.article))
    });
    out
}

/// A one-line balance of a bilateral view: counts by kind and direction.
pub fn balance(g: &Graph, a: NodeIndex, b: NodeIndex, rows: &[Statement]) -> String {
    Balance::of(g, a, rows).line(&g.node(a).name, &g.node(b).name)
}

/// One step of a path, in the edge's own direction.
///
/// JSON (`ties path --json` prints a list): `{source, target, kind, date, sentence}`.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub date: Option<Date>,
    pub sentence: String,
}

/// The edges (indices into `sk.edges`) of the shortest chain from `a` to
/// `b`, last edge first, found on the skeleton alone: breadth first, each
/// node's edges in file order, an edge passing when its kind does and a
/// statement of it falls within the dates. [`path`] runs this search, and
/// [`path_steps`] gives its steps from a graph holding just these edges.
pub fn path_edges_in(sk: &Skeleton, a: u32, b: u32, f: &Filter) -> Option<Vec<usize>> {
    let mut prev: HashMap<u32, (u32, usize)> = HashMap::new();
    let mut q = VecDeque::from([a]);
    let mut seen = BTreeSet::from([a]);
    while let Some(at) = q.pop_front() {
        if at == b {
            break;
        }
        for i in sk.incident_at(at) {
            let e = &sk.edges[i];
            if !f.kind(e.kind) || e.within(f).0 == 0 {
                continue;
            }
            let other = if e.source == at { e.target } else { e.source };
            if seen.insert(other) {
                prev.insert(other, (at, i));
                q.push_back(other);
            }
        }
    }
    if a != b && !prev.contains_key(&b) {
        return None;
    }
    let mut edges = Vec::new();
    let mut at = b;
    while at != a {
        let (from, i) = *prev.get(&at)?;
        edges.push(i);
        at = from;
    }
    Some(edges)
}

/// The shortest chain of edges (either direction) from `a` to `b`, each
/// step with its latest statement within the dates.
pub fn path(g: &Graph, a: NodeIndex, b: NodeIndex, f: &Filter) -> Option<Vec<Step>> {
    let sk = Skeleton::of(g);
    let at = |n: NodeIndex| sk.node_by_id(&g.node(n).id);
    let edges = path_edges_in(&sk, at(a)?, at(b)?, f)?;
    path_steps(g, &sk, &edges, f)
}

/// The steps of a path whose edges [`path_edges_in`] found on `sk`, their
/// statements taken from `g`, which holds at least those edges (the whole
/// graph, or only them as read from the cache).
pub fn path_steps(g: &Graph, sk: &Skeleton, edges: &[usize], f: &Filter) -> Option<Vec<Step>> {
    let node = |i: u32| g.node_by_id(&sk.nodes.get(i as usize)?.id);
    let mut steps = Vec::new();
    // the edges come from the end of the path back to its start
    for &i in edges.iter().rev() {
        let e = sk.edges.get(i)?;
        let (s, t) = (node(e.source)?, node(e.target)?);
        let occ = g.edge_index(s, t, e.kind).and_then(|ei| {
            g.g[ei]
                .occurrences
                .iter()
                .filter(|o| f.occurrence(o))
                .max_by_key(|o| o.date)
        });
        steps.push(Step {
            source: g.node(s).name.clone(),
            target: g.node(t).name.clone(),
            kind: e.kind,
            date: occ.and_then(|o| o.date),
            sentence: occ.map(|o| o.evidence.text.clone()).unwrap_or_default(),
        });
    }
    Some(steps)
}

/// Every statement touching `a` (and `b`, when given), in date order.
pub fn timeline(g: &Graph, a: NodeIndex, b: Option<NodeIndex>, f: &Filter) -> Vec<Statement> {
    let mut rows: Vec<Statement> = match b {
        Some(b) => between(g, a, b, f),
        None => g
            .incident(a)
            .into_iter()
            .filter(|(_, _, e)| e.kind.is_event() && f.edge(e))
            .flat_map(|(s, t, e)| {
                e.occurrences
                    .iter()
                    .filter(|o| f.occurrence(o))
                    .map(move |o| statement(g, s, t, e, o))
            })
            .collect(),
    };
    rows.sort_by(|x, y| {
        (x.date, &x.article, x.kind, &x.source).cmp(&(y.date, &y.article, y.kind, &y.source))
    });
    rows
}

/// Counts of a bilateral view, by kind and direction (`a_to_b`: from A's side to B's).
///
/// JSON: `{"meetings": n, "agreements": n, "visits": {"a_to_b": n, "b_to_a": n},
/// "commitments": {..}, "support": {..}, "praise": {..}, "criticism": {..}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub meetings: usize,
    pub agreements: usize,
    pub visits: Flow,
    pub commitments: Flow,
    pub support: Flow,
    pub praise: Flow,
    pub criticism: Flow,
}

/// Statements of one kind each way between two sides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Flow {
    pub a_to_b: usize,
    pub b_to_a: usize,
}

impl Balance {
    /// Counts `rows` (from [`between`]) with A's side being `a` and its people.
    pub fn of(g: &Graph, a: NodeIndex, rows: &[Statement]) -> Balance {
        let side_a: BTreeSet<&str> = members(g, a)
            .into_iter()
            .map(|n| g.node(n).name.as_str())
            .chain([g.node(a).name.as_str()])
            .collect();
        let flow = |k: EdgeKind| {
            let mut f = Flow::default();
            for r in rows.iter().filter(|r| r.kind == k) {
                if side_a.contains(r.source.as_str()) {
                    f.a_to_b += 1;
                } else {
                    f.b_to_a += 1;
                }
            }
            f
        };
        Balance {
            meetings: rows.iter().filter(|r| r.kind == EdgeKind::Meeting).count(),
            agreements: rows
                .iter()
                .filter(|r| r.kind == EdgeKind::Agreement)
                .count(),
            visits: flow(EdgeKind::Visit),
            commitments: flow(EdgeKind::Commitment),
            support: flow(EdgeKind::Support),
            praise: flow(EdgeKind::Praise),
            criticism: flow(EdgeKind::Criticism),
        }
    }

    /// One line: `meetings 1 | agreements 0 | visits A→B 0, B→A 1 | ...`.
    pub fn line(&self, a: &str, b: &str) -> String {
        let f = |name: &str, x: Flow| format!("{name} {a}→{b} {}, {b}→{a} {}", x.a_to_b, x.b_to_a);
        [
            format!("meetings {}", self.meetings),
            format!("agreements {}", self.agreements),
            f("visits", self.visits),
            f("commitments", self.commitments),
            f("support", self.support),
            f("praise", self.praise),
            f("criticism", self.criticism),
        ]
        .join(" | ")
    }
}

/// The bilateral view `ties between A B --json` prints.
///
/// JSON: `{"a": {id, name, kind}, "b": {..}, "balance": Balance, "statements": [Statement]}`
/// where a Statement is `{source, target, kind, cameo, date, speaker, planned, article, sentence}`
/// (names, not ids; `date` `"YYYY-MM-DD"` or null), sorted by kind, date, source, target.
#[derive(Clone, Debug, Serialize)]
pub struct Bilateral {
    pub a: EntityRef,
    pub b: EntityRef,
    pub balance: Balance,
    pub statements: Vec<Statement>,
}

/// An entity named in a result: id, name and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
}

impl EntityRef {
    /// The reference to node `n`.
    pub fn of(g: &Graph, n: NodeIndex) -> EntityRef {
        let node = g.node(n);
        EntityRef {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: node.kind,
        }
    }
}

/// Everything between `a` and `b` with its balance: [`between`] and [`Balance::of`] together.
pub fn bilateral(g: &Graph, a: NodeIndex, b: NodeIndex, f: &Filter) -> Bilateral {
    let statements = between(g, a, b, f);
    Bilateral {
        a: EntityRef::of(g, a),
        b: EntityRef::of(g, b),
        balance: Balance::of(g, a, &statements),
        statements,
    }
}

/// A role a person holds (or held) for a country or organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleHeld {
    /// The title, when the text gave one ("Foreign Minister").
    pub role: Option<String>,
    /// Who the role is for.
    pub of: EntityRef,
    /// Whether every mention says it is a former role.
    pub former: bool,
}

/// An article an entity appears in, with the article's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub date: Option<Date>,
}

/// What `ties show` prints about one entity.
///
/// JSON: `{id, name, kind, code, aliases: [..], roles: [{role, of: {id, name, kind}, former}],
/// members: [{id, name, kind}], degree: {"Meeting": n, ..}, statements: n,
/// articles: [{id, date}]}`; `degree` counts edges (one per kind and neighbor),
/// `statements` their occurrences, `members` the people holding a role for it.
#[derive(Clone, Debug, Serialize)]
pub struct EntityInfo {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub code: Option<String>,
    pub aliases: Vec<String>,
    pub roles: Vec<RoleHeld>,
    pub members: Vec<EntityRef>,
    pub degree: BTreeMap<EdgeKind, usize>,
    pub statements: usize,
    pub articles: Vec<ArticleRef>,
}

/// Everything known about entity `n`: names, roles, degree by kind, articles.
pub fn show(g: &Graph, n: NodeIndex) -> EntityInfo {
    let node = g.node(n);
    let mut degree: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    let mut statements = 0;
    let mut roles = Vec::new();
    for (s, t, e) in g.incident(n) {
        *degree.entry(e.kind).or_default() += 1;
        statements += e.weight();
        if e.kind == EdgeKind::Role && s == n {
            let latest = e.occurrences.iter().max_by_key(|o| o.date);
            roles.push(RoleHeld {
                role: latest.and_then(|o| o.role.clone()),
                of: EntityRef::of(g, t),
                former: e.occurrences.iter().all(|o| o.former),
            });
        }
    }
    let mut members: Vec<EntityRef> = members(g, n)
        .into_iter()
        .map(|m| EntityRef::of(g, m))
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name));
    let mut articles: Vec<ArticleRef> = node
        .articles
        .iter()
        .map(|a| ArticleRef {
            id: a.clone(),
            date: g.articles.get(a).copied().flatten(),
        })
        .collect();
    articles.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    EntityInfo {
        id: node.id.clone(),
        name: node.name.clone(),
        kind: node.kind,
        code: node.code.clone(),
        aliases: node.aliases.iter().cloned().collect(),
        roles,
        members,
        degree,
        statements,
        articles,
    }
}

/// How `ties entities` orders its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Most connected first, then by name.
    #[default]
    Degree,
    /// By name, then id.
    Name,
}

/// One row of `ties entities` and of the most connected entities in `ties stats`.
///
/// JSON: `{id, name, kind, code, degree, statements, articles}`: `degree` counts edges,
/// `statements` their occurrences, `articles` the articles the entity appears in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub code: Option<String>,
    pub degree: usize,
    pub statements: usize,
    pub articles: usize,
}

/// Every entity of the given kinds (all when empty), sorted as asked.
pub fn entities(g: &Graph, kinds: &[EntityKind], sort: Sort) -> Vec<EntityRow> {
    entities_in(&Skeleton::of(g), kinds, sort)
}

/// [`entities`] on a graph's skeleton, which has all it needs.
pub fn entities_in(sk: &Skeleton, kinds: &[EntityKind], sort: Sort) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = sk
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| kinds.is_empty() || kinds.contains(&node.kind))
        .map(|(i, node)| EntityRow {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: node.kind,
            code: node.code.clone(),
            degree: sk.incident(i as u32).count(),
            statements: sk.incident(i as u32).map(|e| e.weight()).sum(),
            articles: node.articles,
        })
        .collect();
    match sort {
        Sort::Degree => rows.sort_by(|a, b| {
            (b.degree, b.statements)
                .cmp(&(a.degree, a.statements))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        }),
        Sort::Name => rows.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.id.cmp(&b.id))
        }),
    }
    rows
}

/// One edge in `ties stats`'s strongest ties: a pair, a kind, how many times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub weight: usize,
}

/// What `ties stats` prints.
///
/// JSON: `{articles, entities, edges, statements, first_date, last_date,
/// entities_by_kind: {"Country": n, ..}, edges_by_kind: {"Meeting": n, ..},
/// most_connected: [EntityRow], strongest: [{source, target, kind, weight}]}`;
/// dates are the range of dated articles, `"YYYY-MM-DD"` or null.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub entities: usize,
    pub edges: usize,
    pub statements: usize,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    pub most_connected: Vec<EntityRow>,
    pub strongest: Vec<Tie>,
}

/// Counts by kind, the article date range, the `top` most connected entities and strongest ties.
pub fn stats(g: &Graph, top: usize) -> Stats {
    stats_in(&Skeleton::of(g), top)
}

/// [`stats`] on a graph's skeleton, which has all it needs.
pub fn stats_in(sk: &Skeleton, top: usize) -> Stats {
    let mut entities_by_kind: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for n in &sk.nodes {
        *entities_by_kind.entry(n.kind).or_default() += 1;
    }
    let mut edges_by_kind: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    let mut statements = 0;
    let mut strongest = Vec::new();
    for e in &sk.edges {
        *edges_by_kind.entry(e.kind).or_default() += 1;
        statements += e.weight();
        if e.kind.is_event() {
            strongest.push(Tie {
                source: sk.nodes[e.source as usize].name.clone(),
                target: sk.nodes[e.target as usize].name.clone(),
                kind: e.kind,
                weight: e.weight(),
            });
        }
    }
    strongest.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| (&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)))
    });
    strongest.truncate(top);
    let mut most_connected = entities_in(sk, &[], Sort::Degree);
    most_connected.truncate(top);
    Stats {
        articles: sk.articles,
        entities: sk.nodes.len(),
        edges: sk.edges.len(),
        statements,
        first_date: sk.dates.map(|d| d.0),
        last_date: sk.dates.map(|d| d.1),
        entities_by_kind,
        edges_by_kind,
        most_connected,
        strongest,
    }
}

/// Names close to `name` for "did you mean": [`Graph::suggest`]'s spelling
/// matches, after initials ("UK" → United Kingdom) and prefixes ("Pak" → Pakistan).
pub fn suggest(g: &Graph, name: &str, k: usize) -> Vec<String> {
    suggest_in(&Skeleton::of(g), name, k)
}

/// [`suggest`] on a graph's skeleton.
pub fn suggest_in(sk: &Skeleton, name: &str, k: usize) -> Vec<String> {
    let key = crate::model::slug(name);
    let key = key.strip_prefix("the-").unwrap_or(&key).replace('-', "");
    let mut first: Vec<(usize, usize, String)> = Vec::new();
    if !key.is_empty() {
        for (n, node) in sk.nodes.iter().enumerate() {
            for alias in std::iter::once(&node.name)
                .chain(&node.aliases)
                .chain(&node.code)
            {
                let s = crate::model::slug(alias);
                let initials: String = s
                    .split('-')
                    .filter(|w| *w != "of" && *w != "the")
                    .filter_map(|w| w.chars().next())
                    .collect();
                let score = if initials.len() >= 2 && initials == key {
                    0
                } else if key.len() >= 3 && s.replace('-', "").starts_with(&key) {
                    1
                } else {
                    continue;
                };
                first.push((score, sk.incident(n as u32).count(), node.name.clone()));
            }
        }
    }
    first.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<String> = Vec::new();
    for name in first.into_iter().map(|x| x.2).chain(sk.suggest(name, k)) {
        if out.len() == k {
            break;
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// One occurrence of an edge as a statement a person reads.
fn statement(g: &Graph, s: NodeIndex, t: NodeIndex, e: &Edge, o: &Occurrence) -> Statement {
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
