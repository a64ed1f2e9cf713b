//! Bytes as a JSON Lines corpus: every line through the record reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = ties::input::decode("fuzz.jsonl", data.to_vec()) {
        for (i, line) in text.lines().enumerate() {
            let _ = ties::input::jsonl_record(&format!("fuzz.jsonl:{}", i + 1), line);
        }
    }
});
