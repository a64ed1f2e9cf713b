//! Prints how ties read an article: sentences, mentions, cues and edges.
//! `cargo run --example explain -- ARTICLE.txt`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: explain ARTICLE.txt")?;
    let text = std::fs::read_to_string(&path)?;
    let id = std::path::Path::new(&path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = ties::Article::parse(id, text)?;
    let ex = ties::Extractor::new()?;
    print!("{}", ties::explain(ex.gazetteer(), &article));
    Ok(())
}
