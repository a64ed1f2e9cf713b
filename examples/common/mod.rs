//! What the examples share: the graph of the articles named on the command
//! line (files, folders, JSON Lines), else of the seed's folder.

/// The graph of the command line's articles (the seed when none is named).
pub fn graph_of_args() -> Result<ties::Graph, Box<dyn std::error::Error>> {
    let mut paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        paths.push(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").into());
    }
    let (ex, mut g) = (ties::Extractor::new()?, ties::Graph::new());
    let opts = ties::pipeline::Options::default();
    ties::pipeline::build_paths(&ex, &paths, &opts, &mut g, &mut |n| eprintln!("{n:?}"));
    Ok(g)
}
