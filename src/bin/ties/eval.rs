//! `ties eval` and `ties explain`: how well articles are read, and how one is.

use crate::cli::{Cli, EvalArgs, ExplainArgs};
use crate::load::extractor;
use crate::render::{self, print_json};
use crate::Fail;
use std::collections::BTreeMap;
use std::path::Path;
use ties::Error;

/// `ties eval`: scores extraction against a gold folder; exit 1 under `--min-core`.
pub fn eval(cli: &Cli, args: &EvalArgs) -> Result<u8, Fail> {
    let ex = extractor(cli)?;
    let report = ties::eval::eval_dir(ex, &args.gold_dir)?;
    if args.json {
        let rows: BTreeMap<String, serde_json::Value> = report
            .rows()
            .into_iter()
            .map(|(k, p, r, f)| (k, serde_json::json!({"p": p, "r": r, "f1": f})))
            .collect();
        print_json(&rows)?;
    } else {
        render::eval(&report, args.misses);
    }
    let core = report.f1("country:core");
    match args.min_core {
        Some(floor) if core < floor => Err(Fail::new(
            1,
            format!("core F1 at country level {core:.3} is below the floor {floor:.3}"),
        )),
        _ => Ok(0),
    }
}

/// `ties explain`: prints how one article is read (a file, or an article
/// of the graph read again from where it came from), as text or JSON.
pub fn explain(cli: &Cli, args: &ExplainArgs) -> Result<u8, Fail> {
    let path = Path::new(&args.article);
    let a = if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        ties::Article::parse(id, text)?
    } else {
        by_id(cli, &args.article)?
    };
    let ex = extractor(cli)?;
    let x = ties::explanation(ex.gazetteer(), &a);
    if args.json {
        print_json(&x)?;
    } else {
        print!("{}", x.to_text());
    }
    Ok(0)
}

/// The article `id` of the graph, read again from where the build read it.
fn by_id(cli: &Cli, id: &str) -> Result<ties::Article, Fail> {
    let graph = ties::store::resolve(&cli.graph)?;
    let not_found = |why: String| Fail::new(2, format!("{id}: {why}"));
    if !graph.is_file() {
        return Err(not_found(format!(
            "no such file, and no graph {} to look it up in as an article id; name a file or the graph with --graph",
            graph.display()
        )));
    }
    match ties::store::article_provenance(&graph, id)? {
        None => Err(not_found(format!(
            "no such file, nor an article of the graph {}; name a file, or an id as evidence shows it",
            graph.display()
        ))),
        Some(None) => Err(not_found(
            "the graph does not know where this article came from (built from extraction lines, or by an older ties); name its file".into(),
        )),
        Some(Some(p)) => {
            let base = graph.parent().unwrap_or(Path::new("."));
            Ok(ties::input::reread(id, &p, base)?)
        }
    }
}
