//! The built-in lexicons as a binary snapshot (postcard, lz4-compressed),
//! made from their RON files: parsing the RON is most of a start (about
//! 100 M instructions); the snapshot decodes in a tenth of that. It is used
//! only while it matches the texts it was made from (their hash is in its
//! header); otherwise the RON is parsed, so a stale snapshot costs time,
//! never correctness. The RON files stay the truth: a test checks the
//! snapshot against them and rewrites it under `TIES_BLESS=1`.

use crate::bytes::{FileHash, Fx};
use crate::lexicon::schema::Lexicon;
use std::hash::Hasher;

/// The snapshot's first bytes: what it is and its layout's version.
const MAGIC: &[u8; 8] = b"tieslex1";

/// The snapshot of the built-in lexicons, as committed beside them.
pub(crate) static BUILTIN: &[u8] = include_bytes!("../../lexicon/builtin.snapshot");

/// A hash of lexicon files, names and texts, in their order.
pub(crate) fn files_hash(files: &[(&str, &str)]) -> u64 {
    let mut h = Fx::with_seed(files.len() as u64);
    for (name, text) in files {
        h.write_u64(FileHash::of(name.as_bytes()));
        h.write_u64(FileHash::of(text.as_bytes()));
    }
    h.finish()
}

/// The postcard bytes inside `snapshot` when it was made from files of
/// this `hash`; `None` for another hash or a damaged snapshot.
pub(crate) fn body(snapshot: &[u8], hash: u64) -> Option<Vec<u8>> {
    let rest = snapshot.strip_prefix(MAGIC)?;
    let (made_from, block) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*made_from) != hash {
        return None;
    }
    lz4_flex::decompress_size_prepended(block).ok()
}

/// The lexicon in `snapshot` when it was made from files of this `hash`.
pub(crate) fn decode(snapshot: &[u8], hash: u64) -> Option<Lexicon> {
    postcard::from_bytes(&body(snapshot, hash)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::schema::BUILTIN as FILES;

    /// The snapshot of `lex`, made from files whose [`files_hash`] is `hash`:
    /// the magic, the hash (little-endian) and the lz4 block of its postcard.
    fn encode(lex: &Lexicon, hash: u64) -> Vec<u8> {
        let body = postcard::to_allocvec(lex).unwrap_or_default();
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&hash.to_le_bytes());
        out.extend_from_slice(&lz4_flex::compress_prepend_size(&body));
        out
    }

    /// Where the snapshot is committed.
    fn path() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon/builtin.snapshot")
    }

    #[test]
    fn the_snapshot_is_the_ron_lexicons() {
        let hash = files_hash(FILES);
        let lex = Lexicon::from_ron_files(FILES).unwrap();
        let fresh = encode(&lex, hash);
        if std::env::var_os("TIES_BLESS").is_some() {
            std::fs::write(path(), &fresh).unwrap();
            return;
        }
        let want = body(&fresh, hash).unwrap();
        assert!(
            body(BUILTIN, hash).as_ref() == Some(&want),
            "lexicon/builtin.snapshot was not made from the lexicon/*.ron files \
             as they are: run `TIES_BLESS=1 cargo test --lib snapshot` and commit it"
        );
        // and what decodes is what the RON says, field by field
        let back = decode(BUILTIN, hash).unwrap();
        assert_eq!(postcard::to_allocvec(&back).unwrap(), want);
        assert_eq!(back.people.len(), lex.people.len());
        assert!(!back.countries.is_empty() && !back.cues.is_empty());
    }

    #[test]
    fn a_snapshot_of_other_files_is_not_used() {
        let hash = files_hash(FILES);
        assert!(decode(BUILTIN, hash ^ 1).is_none());
        // one byte changed in one file changes the hash
        let mut text = FILES[0].1.to_string();
        text.push(' ');
        let mut files = FILES.to_vec();
        files[0].1 = &text;
        assert_ne!(files_hash(&files), hash);
        // a damaged snapshot is no snapshot
        let mut bad = BUILTIN.to_vec();
        bad.truncate(bad.len() / 2);
        assert!(decode(&bad, hash).is_none());
        assert!(decode(b"tieslex0", hash).is_none());
        assert!(decode(b"", hash).is_none());
    }
}
