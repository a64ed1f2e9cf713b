//! Bytes as a text article file: decode, parse, extract.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static EX: OnceLock<ties::Extractor> = OnceLock::new();
    let ex = EX.get_or_init(|| ties::Extractor::new().expect("built-in lexicon"));
    if let Ok((text, _)) = ties::input::decode("fuzz.txt", data.to_vec()) {
        if let Ok(a) = ties::Article::parse("fuzz", text) {
            let _ = ex.extract(&a);
        }
    }
});
