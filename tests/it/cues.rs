//! Rules carry their own examples: every cue in the lexicons lists sentences
//! it must turn into an edge of its kind, and sentences it must not.

use ties::{Article, Extractor, Lexicon};

#[test]
fn every_cue_example_behaves() {
    let lex = Lexicon::builtin().unwrap();
    let ex = Extractor::with_lexicon(lex.clone()).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for cue in &lex.cues {
        for (text, want) in cue
            .matches
            .iter()
            .map(|t| (t, true))
            .chain(cue.rejects.iter().map(|t| (t, false)))
        {
            checked += 1;
            let a = Article::parse("example", text.as_str()).unwrap();
            let x = ex.extract(&a);
            let got = x.edges.iter().any(|e| e.kind == cue.kind);
            if got != want {
                failures.push(format!(
                    "{} cue {:?}: {} {:?}; edges: {:?}",
                    cue.kind,
                    cue.patterns.first(),
                    if want { "no edge from" } else { "an edge from" },
                    text,
                    x.edges
                        .iter()
                        .map(|e| format!("{} -{}-> {}", e.source, e.kind, e.target))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(checked >= 20, "only {checked} examples");
    assert!(
        failures.is_empty(),
        "{} of {checked} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
