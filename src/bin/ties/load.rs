//! What the commands start from: the extractor, the graph file (whole, its
//! skeleton, or the part around some entities) and entities found by name.

use crate::cli::Cli;
use crate::Fail;
use std::path::Path;
use ties::query;
use ties::NodeId;
use ties::Skeleton;
use ties::{Error, Extractor, Graph, Lexicon};

/// The extractor with the built-in lexicons and those named by `--lexicon`,
/// never freed, nor their lexicon (the process ends with the command).
pub fn extractor(cli: &Cli) -> Result<&'static Extractor, Fail> {
    let mut lex = Lexicon::builtin()?;
    for p in &cli.lexicon {
        let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
        lex.extend(Lexicon::from_ron(&p.display().to_string(), &text)?);
    }
    // both kept to the end of the process: freeing their tables one by one
    // cost 4 M instructions (the extractor's) and 2 M (the lexicon's)
    let lex: &'static Lexicon = Box::leak(Box::new(lex));
    Ok(Box::leak(Box::new(Extractor::of_lexicon(lex)?)))
}

/// The whole graph of the file at `path`, or the failure saying there is none.
pub fn load(path: &Path) -> Result<Graph, Fail> {
    if !path.exists() {
        return Err(Fail::new(
            2,
            format!("{}: no graph file here; build one with `ties build ARTICLES...` or name it with --graph", path.display()),
        ));
    }
    Ok(Graph::load(path)?)
}

/// The skeleton of the graph file at `path` (see [`Skeleton::load`]).
pub fn load_skeleton(path: &Path) -> Result<Skeleton, Fail> {
    if !path.exists() {
        load(path)?;
    }
    Ok(Skeleton::load(path)?)
}

/// An entity of the skeleton by name (or code, or a country name of the
/// lexicon), or the error naming close ones, or the ids an ambiguous name may mean.
pub fn find_in(sk: &Skeleton, name: &str) -> Result<u32, Fail> {
    match query::find(sk, name, crate::level::country_names()) {
        query::Found::One(n) => Ok(n),
        query::Found::Ambiguous(ns) => Err(crate::level::ambiguous(sk, name, &ns)),
        query::Found::Nothing => Err(unknown(name, query::suggest_in(sk, name, 3))),
    }
}

/// The graph around the entities `names`, and their nodes: names are found
/// on the skeleton (so each means what it means in the whole graph), then
/// only the edges around them (and with `articles`, their article lists) are
/// read from the cache; the whole graph when the cache cannot serve them.
pub fn load_around(
    path: &Path,
    names: &[&String],
    articles: bool,
) -> Result<(Graph, Vec<NodeId>), Fail> {
    let sk = load_skeleton(path)?;
    let mut ids = Vec::new();
    for name in names {
        ids.push(sk.nodes[find_in(&sk, name)? as usize].id.as_str());
    }
    let g = match ties::store::read_around(path, &ids, articles) {
        Some(g) => g,
        None => load(path)?,
    };
    let found = ids
        .iter()
        .map(|id| find(&g, id))
        .collect::<Result<_, _>>()?;
    Ok((g, found))
}

/// An entity of the graph by name, or the error naming close ones.
fn find(g: &Graph, name: &str) -> Result<NodeId, Fail> {
    g.lookup(name)
        .ok_or_else(|| unknown(name, query::suggest(g, name, 3)))
}

/// The failure of a name that finds no entity, with the names it may mean.
fn unknown(name: &str, suggestions: Vec<String>) -> Fail {
    Fail(
        1,
        Error::UnknownEntity {
            name: name.to_string(),
            suggestions,
        }
        .into(),
    )
}

/// A library error as a failure: an unknown entity is "nothing found" (1), the rest input errors (2).
pub fn found(e: Error) -> Fail {
    let code = if matches!(e, Error::UnknownEntity { .. }) {
        1
    } else {
        2
    };
    Fail(code, e.into())
}
