//! Text as a user lexicon: parse, validate, compile.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(lex) = ties::Lexicon::from_ron("fuzz.ron", text) {
        let _ = ties::Extractor::with_lexicon(lex);
    }
});
