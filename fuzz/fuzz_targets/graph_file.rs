//! Text as a graph file: load (with migration), and save what loaded; what
//! loads holds every invariant a written file does, so its saved bytes load
//! again to the same bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(g) = ties::Graph::from_ron(text, std::path::Path::new("fuzz.ron")) {
        let saved = g.to_ron();
        let again = ties::Graph::from_ron(&saved, std::path::Path::new("fuzz.ron"))
            .expect("a graph that loads saves to a file that loads");
        assert_eq!(again.to_ron(), saved);
    }
});
