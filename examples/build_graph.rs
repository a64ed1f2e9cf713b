//! Builds a graph from the seed article, lists the ties between Pakistan and
//! China with their evidence, and writes a DOT diagram.
//! `cargo run --example build_graph`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_186ee53d8d80909e.txt"
    ))?;
    let ex = ties::Extractor::new()?;
    let article = ties::Article::parse("000_186ee53d8d80909e", text)?;
    let mut graph = ties::Graph::new();
    graph.add_extraction(&ex.extract(&article));
    println!(
        "{} entities, {} edges",
        graph.node_count(),
        graph.edge_count()
    );

    let pak = graph.lookup("Pakistan").ok_or("no Pakistan")?;
    let chn = graph.lookup("China").ok_or("no China")?;
    for s in ties::query::between(&graph, pak, chn, &Default::default()) {
        let date = s.date.map(|d| d.to_string()).unwrap_or_default();
        println!(
            "{date} {} {} {}: {}",
            s.source, s.kind, s.target, s.sentence
        );
    }

    let out = std::env::temp_dir().join("seed.dot");
    std::fs::write(&out, ties::export::dot::to_dot(&graph))?;
    println!("DOT written to {}", out.display());
    Ok(())
}
