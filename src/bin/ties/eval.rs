//! `ties eval` and `ties explain`: how well articles are read, and how one is.

use crate::cli::{Cli, EvalArgs};
use crate::load::extractor;
use crate::render::{self, print_json};
use crate::Fail;
use std::collections::BTreeMap;
use std::path::Path;
use ties::Error;

/// `ties eval`: scores extraction against a gold folder; exit 1 under `--min-core`.
pub fn eval(cli: &Cli, args: &EvalArgs) -> Result<u8, Fail> {
    let ex = extractor(cli)?;
    let report = ties::eval::eval_dir(&ex, &args.gold_dir)?;
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

/// `ties explain`: prints how one article is read.
pub fn explain(cli: &Cli, article: &Path) -> Result<u8, Fail> {
    let ex = extractor(cli)?;
    let text = std::fs::read_to_string(article).map_err(|e| Error::io(article, e))?;
    let id = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let a = ties::Article::parse(id, text)?;
    print!("{}", ties::explain(ex.gazetteer(), &a));
    Ok(0)
}
