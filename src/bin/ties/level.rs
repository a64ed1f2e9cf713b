//! The country view for the commands that offer `--level`: the state bodies
//! of the lexicon, the lifting of the graph's people and bodies, and the
//! skeleton at country level.

use crate::cli::Cli;
use crate::load::{find_in, load, load_skeleton};
use crate::Fail;
use std::sync::OnceLock;
use ties::query::{CountryNames, Level, Lift, StateBodies};
use ties::{EdgeKind, Error, Graph, Lexicon, NodeId, Skeleton};

/// The organizations of the built-in lexicon and of `--lexicon` files that
/// belong to one state, with their aliases.
pub fn state_bodies(cli: &Cli) -> Result<StateBodies, Fail> {
    let mut lex = Lexicon::default();
    for (name, text) in Lexicon::builtin_files() {
        if *name == "organizations.ron" {
            lex.extend(Lexicon::from_ron(name, text)?);
        }
    }
    for p in &cli.lexicon {
        let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
        lex.extend(Lexicon::from_ron(&p.display().to_string(), &text)?);
    }
    Ok(StateBodies::new(lex.state_body_names()))
}

/// The lifting of the graph `sk` is the skeleton of: whether each Role edge
/// holds a role still held is read from the cache, a statement or two per
/// edge (the whole graph when the cache cannot serve).
pub fn lift(cli: &Cli, sk: &Skeleton) -> Result<Lift, Fail> {
    let bodies = state_bodies(cli)?;
    if let Some(current) = current_roles(cli, sk) {
        return Ok(Lift::of_skeleton(sk, &bodies, &|i| current.contains(&i)));
    }
    Ok(Lift::new(&load(&cli.graph)?, &bodies))
}

/// The Role edges of `sk` that hold a role still held, read from the cache;
/// `None` when it cannot serve them.
fn current_roles(cli: &Cli, sk: &Skeleton) -> Option<std::collections::HashSet<usize>> {
    let r = ties::store::EdgeReader::open(&cli.graph)?;
    let mut current = std::collections::HashSet::new();
    for i in (0..sk.edges.len()).filter(|&i| sk.edges[i].kind == EdgeKind::Role) {
        if r.any_current(i).ok()? {
            current.insert(i);
        }
    }
    Some(current)
}

/// The skeleton `sk` at `level`, with the lifting used (none when written).
pub fn at_level(cli: &Cli, sk: Skeleton, level: Level) -> Result<(Skeleton, Lift), Fail> {
    match level {
        Level::Written => Ok((sk, Lift::default())),
        Level::Country => {
            let lift = lift(cli, &sk)?;
            Ok((lift.skeleton(&sk), lift))
        }
    }
}

/// The names, demonyms and capitals of the built-in lexicon's countries (read once).
pub fn country_names() -> &'static CountryNames {
    static NAMES: OnceLock<CountryNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let lex = Lexicon::builtin_files()
            .iter()
            .find(|(name, _)| *name == "countries.ron")
            .and_then(|(name, text)| Lexicon::from_ron(name, text).ok())
            .unwrap_or_default();
        CountryNames::new(lex.countries.iter().flat_map(|c| {
            let code = c.code.as_str();
            let names = std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.demonyms)
                .map(move |n| (n.as_str(), code, false));
            let capitals = std::iter::once(&c.capital)
                .chain(&c.capital_aliases)
                .map(move |n| (n.as_str(), code, true));
            names.chain(capitals).collect::<Vec<_>>()
        }))
    })
}

/// The failure of a name that means several entities, listing their ids.
pub fn ambiguous(sk: &Skeleton, name: &str, found: &[u32]) -> Fail {
    let ids: Vec<String> = found
        .iter()
        .map(|&n| {
            let node = &sk.nodes[n as usize];
            format!("{} ({}, {})", node.id, node.name, node.kind)
        })
        .collect();
    Fail::new(
        2,
        format!(
            "{name:?} is ambiguous: it may mean {}; name one by its id",
            ids.join(" or ")
        ),
    )
}

/// Two entities named `a` and `b`, the graph around both sides (the two, and
/// whoever counts for either at country level) read from the cache, and the
/// lifting; with `articles`, the article lists of the nodes it reads (an
/// export shows how many articles name each node). `roles` says how the Role
/// edges around the two are read ([`Roles`]).
pub fn around_pair(
    cli: &Cli,
    a: &str,
    b: &str,
    articles: bool,
    roles: Roles,
) -> Result<(Graph, NodeId, NodeId, Lift), Fail> {
    let sk = load_skeleton(&cli.graph)?;
    let (a, b) = (find_in(&sk, a)?, find_in(&sk, b)?);
    let lift = lift(cli, &sk)?;
    let (ida, idb) = (&sk.nodes[a as usize].id, &sk.nodes[b as usize].id);
    let sides: Vec<u32> = (0..sk.nodes.len() as u32)
        .filter(|&n| {
            let id = sk.nodes[n as usize].id.as_str();
            [id, lift.of(id)].iter().any(|x| x == ida || x == idb)
        })
        .collect();
    // only the edges between the sides, and the roles making people members
    let chosen = |sk: &ties::Skeleton| {
        let mut edges = ties::query::between_edges_in(sk, a, b, &sides, &Default::default());
        let mut thin = Vec::new();
        let id = |n: u32| lift.of(&sk.nodes[n as usize].id);
        let thin_one = |e: &ties::SkEdge| match roles {
            Roles::Whole => false,
            Roles::Thin => true,
            Roles::Kept => id(e.source) == id(e.target),
        };
        if roles != Roles::Whole {
            (thin, edges) = edges.into_iter().partition(|&i| {
                let e = &sk.edges[i];
                e.kind == EdgeKind::Role && thin_one(e)
            });
        }
        let mut nodes = std::collections::BTreeSet::new();
        if articles {
            nodes.extend([a, b]);
            nodes.extend(
                edges
                    .iter()
                    .flat_map(|&i| [sk.edges[i].source, sk.edges[i].target]),
            );
        }
        Ok::<_, ()>(ties::store::Chosen {
            edges,
            nodes: nodes.into_iter().collect(),
            thin,
        })
    };
    let g = match ties::store::read_chosen(&cli.graph, chosen) {
        Some(Ok(g)) => g,
        _ => load(&cli.graph)?,
    };
    let node = |id: &str| {
        g.node_by_id(id)
            .ok_or_else(|| Fail::new(2, format!("{id} is not in the graph")))
    };
    let (na, nb) = (node(ida)?, node(idb)?);
    Ok((g, na, nb, lift))
}

/// How [`around_pair`] reads the Role edges into the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Roles {
    /// With every statement.
    Whole,
    /// With one statement of a role still held (see `ties::store::Chosen::thin`).
    Thin,
    /// Thin when the country view folds the edge into a loop (a person's
    /// role for their own state, dropped from a country-level graph), else
    /// whole: a country-level export draws what is left of them.
    Kept,
}
