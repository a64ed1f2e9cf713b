//! The country view from Rust: a dyad table (one row per ordered pair of
//! countries and kind), people and state bodies counted for their state,
//! then the event rows with their Goldstein weights.
//! `cargo run --example dyads [ARTICLES...]` (the seed when none is given)

use ties::query::{self, Filter, Goldstein, Lift, StateBodies};

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = common::graph_of_args()?;

    // the organizations the lexicon says belong to one state ("US Treasury" → USA)
    let lex = ties::Lexicon::builtin()?;
    let bodies = StateBodies::new(lex.state_body_names());

    // the dyad table: Qin Gang's visit is China's
    println!("source target kind statements first last");
    let date = |d: Option<ties::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for d in query::dyads(&g, &bodies, &Filter::default()) {
        println!(
            "{} {} {} {} {} {}",
            d.source_code,
            d.target_code,
            d.kind,
            d.statements,
            date(d.first),
            date(d.last)
        );
    }

    // event rows, as `ties events` writes them
    let lift = Lift::new(&g, &bodies);
    let gs = Goldstein::builtin()?;
    let f = Filter::default();
    for e in query::events(&g, &f, &lift, &gs).take(3) {
        println!(
            "{} {} → {} {} {} {:?}",
            date(e.date),
            e.source_iso3.unwrap_or_default(),
            e.target_iso3.unwrap_or_default(),
            e.kind,
            e.cameo,
            e.goldstein
        );
    }
    Ok(())
}
