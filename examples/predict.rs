//! Builds one graph per article of a folder and writes each one's JSON
//! export, like `../shared/tools/predict.sh` but in one process.
//! `cargo run --release --example predict -- CORPUS_DIR OUT_DIR`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (corpus, out) = match (args.next(), args.next()) {
        (Some(c), Some(o)) => (c, o),
        _ => return Err("usage: predict CORPUS_DIR OUT_DIR".into()),
    };
    std::fs::create_dir_all(&out)?;
    let ex = ties::Extractor::new()?;
    let mut paths: Vec<_> = std::fs::read_dir(&corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let id = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let article = ties::Article::parse(id.clone(), std::fs::read_to_string(&p)?)?;
        let mut g = ties::Graph::new();
        g.add_extraction(&ex.extract(&article));
        std::fs::write(format!("{out}/{id}.json"), ties::export::json::to_json(&g))?;
    }
    Ok(())
}
