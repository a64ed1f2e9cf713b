//! Byte tricks, fenced: hashers and word-at-a-time helpers that the hot paths
//! share. Each has a test against a plain version.

/// The multiplier of FxHash.
pub const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash's hasher: fast, not collision-resistant; for in-memory tables.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fx(u64);

impl Fx {
    /// A hasher started from `seed` instead of zero.
    pub const fn with_seed(seed: u64) -> Fx {
        Fx(seed)
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fx`] hashers.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxBuild;

impl std::hash::BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// A streaming 64-bit hash of a byte stream: four FxHash-like lanes over
/// 8-byte words (each step a bijection of the lane, so changing one word
/// always changes the result), folded with the length.
#[derive(Clone, Debug, Default)]
pub struct FileHash {
    lanes: [u64; 4],
    pending: Vec<u8>,
    len: u64,
}

impl FileHash {
    /// A new hash of nothing yet.
    pub fn new() -> FileHash {
        FileHash {
            lanes: [1, 2, 3, 4],
            pending: Vec::with_capacity(32),
            len: 0,
        }
    }

    fn block(&mut self, b: &[u8]) {
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            let o = i * 8;
            let w = u64::from_le_bytes([
                b[o],
                b[o + 1],
                b[o + 2],
                b[o + 3],
                b[o + 4],
                b[o + 5],
                b[o + 6],
                b[o + 7],
            ]);
            *lane = (lane.rotate_left(5) ^ w).wrapping_mul(K);
        }
    }

    /// Hashes more bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if !self.pending.is_empty() {
            let take = (32 - self.pending.len()).min(data.len());
            self.pending.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.pending.len() < 32 {
                return;
            }
            let p = std::mem::take(&mut self.pending);
            self.block(&p);
            self.pending = p;
            self.pending.clear();
        }
        let mut chunks = data.chunks_exact(32);
        for c in &mut chunks {
            self.block(c);
        }
        self.pending.extend_from_slice(chunks.remainder());
    }

    /// The hash of everything given.
    pub fn finish(&self) -> u64 {
        let mut h = Fx::with_seed(self.len);
        for l in self.lanes {
            std::hash::Hasher::write_u64(&mut h, l);
        }
        std::hash::Hasher::write(&mut h, &self.pending);
        // spread the bits (splitmix64's finaliser)
        let mut z = std::hash::Hasher::finish(&h);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> u64 {
        let mut h = FileHash::new();
        h.update(bytes);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::hash::Hasher;

    /// FxHash written plainly: one byte at a time after the eight-byte words.
    fn plain_fx(seed: u64, bytes: &[u8]) -> u64 {
        let mut h = seed;
        let words = bytes.len() / 8;
        for i in 0..words {
            let mut w = 0u64;
            for j in (0..8).rev() {
                w = w << 8 | u64::from(bytes[i * 8 + j]);
            }
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in &bytes[words * 8..] {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        h
    }

    proptest! {
        #[test]
        fn fx_equals_the_plain_version(seed: u64, bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let mut h = Fx::with_seed(seed);
            h.write(&bytes);
            prop_assert_eq!(h.finish(), plain_fx(seed, &bytes));
        }

        #[test]
        fn file_hash_does_not_depend_on_how_the_stream_is_cut(
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut h = FileHash::new();
            let mut at = 0;
            for c in cuts {
                h.update(&bytes[at..c]);
                at = c;
            }
            h.update(&bytes[at..]);
            prop_assert_eq!(h.finish(), FileHash::of(&bytes));
        }
    }

    #[test]
    fn file_hash_sees_every_byte_and_the_length() {
        let base = vec![7u8; 70];
        let h = FileHash::of(&base);
        for i in 0..base.len() {
            let mut b = base.clone();
            b[i] ^= 1;
            assert_ne!(FileHash::of(&b), h, "byte {i}");
        }
        assert_ne!(FileHash::of(&base[..69]), h);
    }
}
