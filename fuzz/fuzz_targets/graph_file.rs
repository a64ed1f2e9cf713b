//! Text as a graph file: load (with migration), and save what loaded.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(g) = ties::Graph::from_ron(text, std::path::Path::new("fuzz.ron")) {
        let _ = g.to_ron();
    }
});
