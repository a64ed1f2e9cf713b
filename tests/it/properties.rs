//! Property tests: no parser and no extraction panics on any input.

use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;
use ties::{input, Article, Extractor, Graph, Lexicon};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in lexicon"))
}

/// Text that looks like news: names, cues, titles, dates and punctuation.
fn newsy() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "China",
        "Pakistan",
        "United States",
        "Xi Jinping",
        "Foreign Minister",
        "Qin Gang",
        "said",
        "met",
        "visited",
        "signed",
        "agreement",
        "with",
        "and",
        "the",
        "not",
        "will",
        "on Friday",
        "May 6, 2023",
        "Beijing",
        "\"",
        "'s",
        ",",
        ".",
        "\n",
        "\n\n",
        "(",
        ")",
        "—",
        "é",
        "\u{feff}",
        " date 2023-05-06 ",
        "Mr.",
        "U.S.",
        "...",
        "?!",
    ];
    let word = prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => "[A-Za-z]{1,8}",
        1 => "\\PC{1,3}",
    ];
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES=5000 for a longer hunt
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn article_and_extraction_never_panic(text in "\\PC*") {
        if let Ok(a) = Article::parse("p", text) {
            let x = extractor().extract(&a);
            for e in &x.edges {
                let ev = &e.evidence;
                prop_assert!(a.text.get(ev.start..ev.end).is_some());
            }
        }
    }

    #[test]
    fn extraction_of_newsy_text_never_panics(text in newsy(), header in any::<bool>()) {
        let text = if header { format!(" date 2023-05-06 Title\n{text}") } else { text };
        let a = Article::parse("n", text).unwrap();
        let x = extractor().extract(&a);
        for e in &x.edges {
            let ev = &e.evidence;
            prop_assert!(a.text.get(ev.start..ev.end).is_some());
        }
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok((s, _)) = input::decode("b", bytes) {
            let _ = Article::parse("b", s);
        }
    }

    #[test]
    fn jsonl_record_never_panics(line in "\\PC*", text in newsy(), id in any::<i64>(), date in "[0-9-]{0,12}") {
        let _ = input::jsonl_record("f.jsonl:1", &line);
        let rec = serde_json::json!({"id": id, "date": date, "title": "T", "text": text}).to_string();
        if let Ok(a) = input::jsonl_record("f.jsonl:2", &rec) {
            let _ = extractor().extract(&a);
        }
    }

    #[test]
    fn graph_file_reader_never_panics(text in "\\PC*") {
        let _ = Graph::from_ron(&text, Path::new("g.ron"));
    }

    #[test]
    fn lexicon_reader_never_panics(text in "\\PC*") {
        if let Ok(lex) = Lexicon::from_ron("l.ron", &text) {
            let _ = Extractor::with_lexicon(lex);
        }
    }

    #[test]
    fn damaged_graph_files_are_errors_not_panics(cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = graph_text();
        let at = cut.index(text.len());
        let _ = Graph::from_ron(text.get(..at).unwrap_or(""), Path::new("g.ron"));
        let mut b = text.as_bytes().to_vec();
        b[at] = byte;
        let _ = Graph::from_ron(&String::from_utf8_lossy(&b), Path::new("g.ron"));
    }

    /// Issue 14, point 6: a damaged file that loads holds every invariant a
    /// written one does: it saves to bytes that load again the same, and its
    /// cache can be written and serves the same graph.
    #[test]
    fn a_damaged_graph_file_that_loads_is_a_valid_graph(cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = graph_text();
        let at = cut.index(text.len());
        let mut b = text.as_bytes().to_vec();
        b[at] = byte;
        if let Ok(g) = Graph::from_ron(&String::from_utf8_lossy(&b), Path::new("g.ron")) {
            let saved = g.to_ron();
            let again = Graph::from_ron(&saved, Path::new("g.ron"));
            prop_assert!(again.is_ok(), "{:?}", again.err());
            prop_assert_eq!(again.unwrap().to_ron(), saved.clone());
            let d = tempfile::tempdir().unwrap();
            let p = d.path().join("g.ron");
            g.save(&p).unwrap();
            prop_assert!(ties::store::read_skeleton(&p).is_some(), "no cache for a graph that loads");
            prop_assert_eq!(Graph::load(&p).unwrap().to_ron(), saved);
        }
    }

    #[test]
    fn damaged_lexicons_are_errors_not_panics(cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = ties::Lexicon::builtin_files()[0].1;
        let text = &text[..text.len().min(4000)];
        let at = cut.index(text.len());
        let mut b = text.as_bytes().to_vec();
        b[at] = byte;
        if let Ok(lex) = Lexicon::from_ron("l.ron", &String::from_utf8_lossy(&b)) {
            let _ = Extractor::with_lexicon(lex);
        }
    }
}

/// A real graph file, from the seed article.
fn graph_text() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| {
        let seed = include_str!("../../seeds/000_186ee53d8d80909e.txt");
        let mut g = Graph::new();
        g.add_extraction(&extractor().extract(&Article::parse("s", seed).unwrap()));
        g.to_ron()
    })
}

#[test]
fn a_real_graph_file_round_trips() {
    let g = Graph::from_ron(graph_text(), Path::new("g.ron")).unwrap();
    assert_eq!(g.to_ron(), graph_text());
}
