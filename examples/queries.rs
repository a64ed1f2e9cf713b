//! The query and export API on the seed article: show, neighbors, between,
//! path, timeline, stats, and an ego graph exported as GraphML.
//! `cargo run --example queries [ARTICLES...]` (the seed when none is given)

use ties::export::filter::{subgraph, Selection};
use ties::query::{self, Direction, Filter};

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = common::graph_of_args()?;

    // any alias finds an entity; an unknown one gets suggestions
    let china = g.lookup("the Chinese").ok_or("China is not in the graph")?;
    let pakistan = g.lookup("pakistan").ok_or("Pakistan is not in the graph")?;
    println!("no 'Pakistn'; did you mean {:?}?", g.suggest("Pakistn", 3));

    let info = query::show(&g, china);
    println!(
        "{} [{}] {:?}: people {:?}",
        info.name,
        info.code.as_deref().unwrap_or("-"),
        info.aliases,
        info.members.iter().map(|m| &m.name).collect::<Vec<_>>()
    );

    let all = Filter::default();
    for n in query::neighbors(&g, china, &all, Direction::Both, 1)
        .iter()
        .take(5)
    {
        println!(
            "  neighbor {} {:?} latest {:?}",
            n.name,
            n.edges,
            n.latest.map(|d| d.to_string())
        );
    }

    let view = query::bilateral(&g, china, pakistan, &all);
    println!("{}", view.balance.line(&view.a.name, &view.b.name));
    for s in view.statements.iter().take(3) {
        println!("  {} {} → {} ({:?})", s.kind, s.source, s.target, s.speaker);
    }

    if let Some(alvi) = g.lookup("Alvi") {
        for step in query::path(&g, alvi, china, &all).unwrap_or_default() {
            println!("  path: {} —{}→ {}", step.source, step.kind, step.target);
        }
    }
    println!(
        "{} statements touch China",
        query::timeline(&g, china, None, &all).len()
    );

    let st = query::stats(&g, 3);
    println!(
        "{} entities, {} edges; most connected: {}",
        st.entities, st.edges, st.most_connected[0].name
    );

    // an ego graph of Qin Gang, one step deep, as GraphML
    let sel = Selection {
        focus: Some("Qin Gang".into()),
        depth: 1,
        ..Selection::default()
    };
    let ego = subgraph(&g, &sel)?;
    let xml = ties::export::render(&ego, ties::export::Format::Graphml)?;
    println!(
        "ego graph: {} nodes, {} edges, {} bytes of GraphML",
        ego.node_count(),
        ego.edge_count(),
        xml.len()
    );
    Ok(())
}
