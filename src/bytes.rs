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

/// A 64-bit hash of a byte slice: four FxHash-like lanes over 8-byte
/// words (each step a bijection of the lane, so changing one word always
/// changes the result), folded with the length and the bytes after the
/// last whole 32-byte block.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileHash;

impl FileHash {
    /// One 32-byte block into the four lanes, a little-endian word each.
    #[inline]
    fn block(lanes: &mut [u64; 4], b: &[u8; 32]) {
        let (words, _) = b.as_chunks::<8>();
        for (lane, w) in lanes.iter_mut().zip(words) {
            *lane = (lane.rotate_left(5) ^ u64::from_le_bytes(*w)).wrapping_mul(K);
        }
    }

    /// The hash of `len` bytes whose whole blocks left `lanes`, `rest` after them.
    fn fold(lanes: [u64; 4], len: u64, rest: &[u8]) -> u64 {
        let mut h = Fx::with_seed(len);
        for l in lanes {
            std::hash::Hasher::write_u64(&mut h, l);
        }
        std::hash::Hasher::write(&mut h, rest);
        // spread the bits (splitmix64's finaliser)
        let mut z = std::hash::Hasher::finish(&h);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> u64 {
        let mut lanes = [1, 2, 3, 4];
        let (blocks, rest) = bytes.as_chunks::<32>();
        for b in blocks {
            FileHash::block(&mut lanes, b);
        }
        FileHash::fold(lanes, bytes.len() as u64, rest)
    }
}

// ---- words packed in integers (the lexicon's tables)

/// A 128-bit key for an id (two 64-bit SipHash values of it, each under
/// its own prefix): a set of keys instead of ids costs a fraction of the
/// memory, and two different ids share a key with odds of about one in
/// 2^128 per pair. (Fx is no use here: its byte-by-byte steps let ids of
/// one pattern collide in both halves at once, `r0-var_79000` with
/// `r0-var_52800`, 6,400 pairs in a million such ids, and a build took the
/// second of each pair for a repeat of the first.) The keys live in memory
/// only: no file holds them.
pub(crate) fn id_key(s: &str) -> (u64, u64) {
    use std::hash::Hasher;
    let half = |prefix: u8| {
        let mut h = std::hash::DefaultHasher::new();
        h.write_u8(prefix);
        h.write(s.as_bytes());
        h.finish()
    };
    (half(0), half(1))
}

/// A key of a string that equal strings share and most unequal ids do not:
/// its length and its last eight bytes (fewer zero-padded). Ids of one kind
/// share their first bytes (`country:`), not their last.
#[inline]
pub(crate) fn tail_key(b: &[u8]) -> (u64, usize) {
    let tail = &b[b.len().saturating_sub(8)..];
    let mut w = [0u8; 8];
    w[..tail.len()].copy_from_slice(tail);
    (u64::from_le_bytes(w), b.len())
}

/// The first sixteen bytes of `b`, zero-padded, as a big-endian number:
/// ordered as the strings are (where two keys tie, the strings may still differ).
#[inline]
pub(crate) fn prefix_key(b: &[u8]) -> u128 {
    let (lo, hi) = match b.first_chunk::<16>() {
        Some(w) => return u128::from_be_bytes(*w),
        None => load(b).unwrap_or_default(),
    };
    u128::from(lo.swap_bytes()) << 64 | u128::from(hi.swap_bytes())
}

/// A word of at most 15 bytes as two integers: its bytes, zero-padded, with
/// its length in the last byte (so no two words share a key).
pub(crate) type Packed = (u64, u64);

/// Packs a word of at most 15 bytes; `None` for a longer one.
#[inline]
pub(crate) fn pack(b: &[u8]) -> Option<Packed> {
    let (lo, hi) = load(b)?;
    Some((lo, hi | (b.len() as u64) << 56))
}

/// The bytes of a word of at most 15 bytes as two little-endian integers,
/// zero-padded; `None` for a longer one.
#[inline]
pub(crate) fn load(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    // little-endian loads of `k` bytes at `at`; overlapping loads of the
    // same bytes put them in the same places, so or-ing them is exact
    let load8 = |at: usize| -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let load4 = |at: usize| -> u64 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    Some(match n {
        0 => (0, 0),
        1..=3 => {
            let (a, m, z) = (b[0], b[n / 2], b[n - 1]);
            let lo = u64::from(a) | u64::from(m) << (8 * (n / 2)) | u64::from(z) << (8 * (n - 1));
            (lo, 0)
        }
        4..=7 => (load4(0) | load4(n - 4) << (8 * (n - 4)), 0),
        8 => (load8(0), 0),
        9..=15 => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    })
}

/// The eight little-endian bytes of `w` from `at` (0 when `w` ends sooner).
#[inline]
pub(crate) fn word_at(w: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    if let Some(b) = w.get(at..at + 8) {
        x.copy_from_slice(b);
    }
    u64::from_le_bytes(x)
}

/// For `n` bytes, the masks of two little-endian words that keep the first
/// `n` bytes of sixteen.
pub(crate) const KEEP: [(u64, u64); 16] = {
    let mut t = [(0u64, 0u64); 16];
    let mut n = 0;
    while n < 16 {
        t[n] = if n < 8 {
            ((1u64 << (8 * n)) - 1, 0)
        } else {
            (u64::MAX, (1u64 << (8 * (n - 8))) - 1)
        };
        n += 1;
    }
    t
};

/// The high bit of each byte: set in a word of non-ASCII bytes.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Whether byte `x` (not zero) is among the first `n` (below 16) bytes of
/// `w` (16 bytes or more): two loads, masked, tested at once.
#[inline(always)]
pub(crate) fn has_byte_16(w: &[u8], n: usize, x: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let (m_lo, m_hi) = KEEP[n & 15];
    let rep = ONES * u64::from(x);
    // bytes past `n` are zero, after xor-ing `x`: no match
    let (a, c) = ((word_at(w, 0) & m_lo) ^ rep, (word_at(w, 8) & m_hi) ^ rep);
    x != 0 && (a.wrapping_sub(ONES) & !a | c.wrapping_sub(ONES) & !c) & HIGH_BITS != 0
}

/// Whether byte `x` (not zero) is among `b`: a word of at most 15 bytes
/// (most) as two integers, tested for `x` at once, without the call of
/// `<[u8]>::contains`.
#[inline]
pub(crate) fn has_byte(b: &[u8], x: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // a zero byte after xor-ing each with `x` is an `x`; the padding, `x`
    match load(b) {
        Some((lo, hi)) if x != 0 => {
            let rep = ONES * u64::from(x);
            let (a, c) = (lo ^ rep, hi ^ rep);
            (a.wrapping_sub(ONES) & !a | c.wrapping_sub(ONES) & !c) & HIGH_BITS != 0
        }
        _ => b.contains(&x),
    }
}

/// Eight ASCII bytes with their capitals lowered.
#[inline]
pub(crate) fn ascii_lower(x: u64) -> u64 {
    // a byte's high bit after adding: set from 'A' on, and from past 'Z' on
    let from_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | ((from_a & !past_z & HIGH_BITS) >> 2)
}

// ---- eight bytes at a time (the tokenizer)

/// Bytes of `x` (eight, little-endian) that are not ASCII letters or digits,
/// right up to the first such byte: its high bit is set, and nothing below.
/// Bytes after it may be marked wrongly (only the lowest mark is read).
#[inline(always)]
pub(crate) fn not_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // an ASCII byte carries nothing into the next; a byte beyond ASCII may,
    // but it is marked by its own high bit, and only bytes above it change
    // (the sums wrap on purpose: a carry out of the top byte is dropped)
    let digit = x.wrapping_add(ONES * u64::from(0x80 - b'0'))
        & !x.wrapping_add(ONES * u64::from(0x7f - b'9'));
    let l = x | (ONES * 0x20);
    let alpha = l.wrapping_add(ONES * u64::from(0x80 - b'a'))
        & !l.wrapping_add(ONES * u64::from(0x7f - b'z'));
    HIGHS & (x | !(digit | alpha))
}

/// Bytes of `x` (eight, little-endian) that are not ASCII letters, right up
/// to the first such byte: its high bit is set, and nothing below. Bytes
/// after it may be marked wrongly (only the lowest mark is read). Four
/// constants where [`not_alnum`] has six: the tokenizer's word loop keeps
/// them in registers.
#[inline(always)]
pub(crate) fn not_alpha(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // lower case; an ASCII byte carries nothing into the next (see above)
    let l = x | (ONES * 0x20);
    let from_a = l.wrapping_add(ONES * u64::from(0x80 - b'a'));
    let past_z = l.wrapping_add(ONES * u64::from(0x7f - b'z'));
    HIGH_BITS & (x | !from_a | past_z)
}

/// Where the first byte beyond ASCII at or after `from` is (`usize::MAX`
/// when there is none): 32 bytes at a time, then eight.
pub(crate) fn next_high(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let (blocks, _) = rest.as_chunks::<32>();
    let clean = blocks
        .iter()
        .position(|b| {
            let (words, _) = b.as_chunks::<8>();
            let any = words.iter().fold(0, |m, w| m | u64::from_le_bytes(*w));
            any & HIGH_BITS != 0
        })
        .unwrap_or(blocks.len());
    let mut i = clean * 32;
    while let Some(c) = rest.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let high = u64::from_le_bytes(*c) & HIGH_BITS;
        if high != 0 {
            return from + i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let tail = rest.get(i..).unwrap_or_default();
    tail.iter()
        .position(|&b| b >= 0x80)
        .map_or(usize::MAX, |k| from + i + k)
}

/// The positions of the set bits of `mask`, lowest first: a loop over the
/// few set bits of a word instead of over all 64.
#[inline]
pub(crate) fn ones(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = mask.trailing_zeros();
        mask &= mask.wrapping_sub(1);
        (k < 64).then_some(k as usize)
    })
}

/// Bit `k` set for each of the first 64 of `c` that has a bit of `class`:
/// eight at a time by [`class_bits8`] (the last eight again for the few
/// after the whole eights), not one branch per item.
#[inline]
pub(crate) fn class_mask(c: &[u16], class: u16) -> u64 {
    let c = c.get(..c.len().min(64)).unwrap_or_default();
    let eight = |c: &[u16]| <&[u16; 8]>::try_from(c).map_or(0, |c| class_bits8(c, class));
    let mut chunks = c.chunks_exact(8);
    let mut mask = 0u64;
    let mut at = 0;
    for ch in &mut chunks {
        mask |= eight(ch) << at;
        at += 8;
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        // the eight ending with the rest, or the rest padded with zeros
        let bits = match c.len().checked_sub(8) {
            Some(from) => eight(c.get(from..).unwrap_or_default()) >> (8 - rest),
            None => {
                let mut pad = [0u16; 8];
                for (x, &y) in pad.iter_mut().zip(c) {
                    *x = y;
                }
                class_bits8(&pad, class)
            }
        };
        mask |= bits << at;
    }
    mask
}

/// Bit `k` set for each of `c` that has a bit of `class`: four at a time
/// in a 64-bit word, each 16-bit lane's "not zero" in its top bit, the four
/// top bits gathered by one multiply.
#[inline]
fn class_bits8(c: &[u16; 8], class: u16) -> u64 {
    const LOW: u64 = 0x7fff_7fff_7fff_7fff;
    // lane k's top bit (bit 16k + 15) to bit 45 + k: no two products meet
    const GATHER: u64 = 1 | 1 << 15 | 1 << 30 | 1 << 45;
    let class = u64::from(class) * 0x0001_0001_0001_0001;
    let four = |w: [u16; 4]| {
        let lanes = w.iter().enumerate();
        let x = lanes.fold(0u64, |x, (k, &v)| x | u64::from(v) << (16 * k)) & class;
        let top = (((x & LOW) + LOW) | x) & !LOW;
        (top >> 15).wrapping_mul(GATHER) >> 45 & 0xf
    };
    let [a, b, d, e, f, g, h, i] = *c;
    four([a, b, d, e]) | four([f, g, h, i]) << 4
}

// ---- strings as RON writes them (the graph file)

/// Whether RON writes ASCII byte `b` as it is inside a quoted string.
#[inline]
pub(crate) fn ron_plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'\''
}

/// How many bytes of `b` from `at` on are [`ron_plain`], read eight at a
/// time: the run the graph file's writer copies without looking further.
pub(crate) fn ron_plain_len(b: &[u8], at: usize) -> usize {
    let skipped = ron_plain_blocks(b.get(at..).unwrap_or_default());
    ron_plain_words(b, at + skipped) + skipped
}

/// How many bytes of `b` lie in whole 32-byte blocks of [`ron_plain`]
/// bytes at its start: each block tested at once (a fold the compiler
/// vectorises), the long runs of a sentence skipped at a fraction of the
/// word-at-a-time cost.
fn ron_plain_blocks(b: &[u8]) -> usize {
    let (blocks, _) = b.as_chunks::<32>();
    let plain = |block: &[u8; 32]| {
        let marks = block.iter().fold(0u8, |m, &c| {
            m | u8::from((c.wrapping_sub(0x20) >= 0x5f) | (c == b'"') | (c == b'\\') | (c == b'\''))
        });
        marks == 0
    };
    32 * blocks.iter().take_while(|block| plain(block)).count()
}

/// [`ron_plain_len`], eight bytes at a time.
fn ron_plain_words(b: &[u8], at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // the lowest marked byte is exact: a wrong mark needs a borrow, which
    // only a truly marked byte below it gives
    let zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH_BITS;
    let mut i = at;
    while let Some(c) = b.get(i..i + 8) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let marks = (x & HIGH_BITS)
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH_BITS)
            | zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | zero(x ^ (ONES * u64::from(b'\'')))
            | zero(x ^ (ONES * 0x7f));
        if marks != 0 {
            return i + (marks.trailing_zeros() / 8) as usize - at;
        }
        i += 8;
    }
    i + b[i.min(b.len())..]
        .iter()
        .take_while(|&&c| ron_plain(c))
        .count()
        - at
}

// ---- names (entity resolution)

/// Whether ASCII `a` and `b` are the same, case aside (as
/// `eq_ignore_ascii_case`): their first bytes told at once, then eight
/// bytes lowered and compared at a time. Bytes beyond ASCII may be told
/// wrongly.
pub(crate) fn ascii_eq_nocase(a: &[u8], b: &[u8]) -> bool {
    let (n, first) = (a.len(), |x: &[u8]| x.first().map(|c| c | 0x20));
    if n != b.len() || first(a) != first(b) {
        return false;
    }
    if n < 8 {
        // zero-padded the same: compared whole
        return match (load(a), load(b)) {
            (Some((x, _)), Some((y, _))) => ascii_lower(x) == ascii_lower(y),
            _ => false,
        };
    }
    // words from the start, the last one ending at the end
    let same = |i: usize| ascii_lower(word_at(a, i)) == ascii_lower(word_at(b, i));
    (0..n - 8).step_by(8).all(same) && same(n - 8)
}

/// `f` of `t` in lower case, as `t.to_lowercase()` gives it: an ASCII `t`
/// of up to 48 bytes lowered on the stack (a title), not allocated.
pub(crate) fn with_lower<T>(t: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if let Some(b) = buf.get_mut(..t.len()).filter(|_| t.is_ascii()) {
        for (x, &y) in b.iter_mut().zip(t.as_bytes()) {
            *x = y.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(b) {
            return f(lower);
        }
    }
    f(&t.to_lowercase())
}

// ---- strings as JSON writes them (the JSON Lines reader)

/// Whether a byte of `b` is below 0x20 (raw, JSON refuses it in a string): a
/// min-fold the compiler vectorises, half the instructions of eight-byte words.
pub(crate) fn has_control(b: &[u8]) -> bool {
    b.iter().fold(u8::MAX, |m, &c| m.min(c)) < 0x20
}

/// The first set bit of `bits` at or after bit `from` (bit `k % 64` of word
/// `k / 64`), if any.
pub(crate) fn next_bit(bits: &[u64], from: usize) -> Option<usize> {
    let mut w = from / 64;
    // the bits of the first word from `from` on
    let mut x = bits.get(w)? & (u64::MAX << (from % 64));
    loop {
        if x != 0 {
            return Some(w * 64 + x.trailing_zeros() as usize);
        }
        w += 1;
        x = *bits.get(w)?;
    }
}

/// Whether the first words of `a` and `b` (text's bytes) surely differ, told
/// off their ASCII: `false` when not sure (equal first words, or a byte
/// beyond ASCII reached before they differ). Words as `split_whitespace`
/// has them: the ASCII blanks are tab, line feed, vertical tab, form feed,
/// carriage return and space.
pub(crate) fn first_words_differ(a: &[u8], b: &[u8]) -> bool {
    // 0: a blank or the end (a word ends), 1: a word's ASCII byte, 2: beyond ASCII
    let class = |c: Option<&u8>| match c {
        None | Some(b'\t'..=b'\r' | b' ') => 0,
        Some(c) if c.is_ascii() => 1,
        Some(_) => 2,
    };
    let lead = |w: &[u8]| w.iter().take_while(|&&c| class(Some(&c)) == 0).count();
    let (a, b) = (&a[lead(a)..], &b[lead(b)..]);
    let mut k = 0;
    loop {
        match (class(a.get(k)), class(b.get(k))) {
            (1, 1) if a[k] == b[k] => k += 1,
            (1, 1) => return true,
            (2, _) | (_, 2) => return false,
            // one word ends here; both, and they are equal
            (x, y) => return x != y,
        }
    }
}

/// Decodes the JSON string whose body starts at `at` (past its quote) onto `out`: the index
/// past its end; `None` where serde_json refuses it (control character, bad escape, lone surrogate).
/// One pass: the runs between quotes and backslashes are found by `memchr2`, checked for
/// control characters unless `s` has none (`controls` false), and copied whole (both their
/// ends stand beside ASCII bytes, so `get` never fails on a char boundary).
pub(crate) fn json_string(s: &str, at: usize, out: &mut String, controls: bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = at;
    loop {
        let k = from + memchr::memchr2(b'"', b'\\', b.get(from..)?)?;
        let run = s.get(from..k)?;
        if controls && has_control(run.as_bytes()) {
            return None;
        }
        out.push_str(run);
        if b[k] == b'"' {
            return Some(k + 1);
        }
        from = k;
        // escapes often come in runs (`\n\n`): each read without a search
        while b.get(from) == Some(&b'\\') {
            from = json_escape(b, from + 1, out)?;
        }
    }
}

/// Decodes the escape whose letter is at `at` (after a backslash) onto
/// `out`: the index past it, or `None` for a bad one.
fn json_escape(b: &[u8], at: usize, out: &mut String) -> Option<usize> {
    let c = match *b.get(at)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return json_unicode(b, at + 1, out),
        _ => return None,
    };
    out.push(c);
    Some(at + 1)
}

/// Decodes the hex digits of a `\u` escape at `at` (and the low half after a
/// high surrogate) onto `out`: the index past them; `None` if bad or lone.
fn json_unicode(b: &[u8], at: usize, out: &mut String) -> Option<usize> {
    let hi = u32::from(hex4(b, at)?);
    let (c, end) = if (0xd800..0xdc00).contains(&hi) {
        if b.get(at + 4..at + 6)? != b"\\u" {
            return None;
        }
        let lo = u32::from(hex4(b, at + 6)?);
        if !(0xdc00..0xe000).contains(&lo) {
            return None;
        }
        (0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), at + 10)
    } else {
        (hi, at + 4)
    };
    // a low surrogate alone is no char
    out.push(char::from_u32(c)?);
    Some(end)
}

/// The value of the four hex digits at `at`, `None` if they are not.
fn hex4(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 4)?.iter().try_fold(0u16, |n, &c| {
        Some(n << 4 | (c as char).to_digit(16)? as u16)
    })
}

/// Strings for the tests of JSON readers (here and `text::input`).
#[cfg(test)]
pub(crate) mod json_test {
    use proptest::prelude::*;

    /// Pieces of a JSON string body: plain text, escapes, and unless
    /// `clean` now and then a bad escape, a lone surrogate, a raw control
    /// character or quote.
    pub(crate) fn piece(clean: bool) -> BoxedStrategy<String> {
        let good = vec![
            r#"\""#,
            r"\\",
            r"\/",
            r"\b",
            r"\f",
            r"\n",
            r"\r",
            r"\t",
            r"\u00e9",
            r"\u0041",
            r"\u2019",
            r"\uD83D\uDE00",
            r"\ud83d\ude00",
            r"\uDBFF\uDFFF",
            r"\u0000",
        ];
        let bad = vec![
            r"\ud800",
            r"\udc00",
            r"\ud800\u0041",
            r"\ud800\ud800",
            r"\ud800x",
            r"\u12",
            r"\u12g4",
            r"\x",
            r"\",
            "\u{1}",
            "\u{1f}",
            "\t",
            "\n",
            "\"",
        ];
        let text = "[a-zA-Z0-9 .,'\u{7f}\u{e9}\u{20ac}\u{2019}\u{1f600}-]{0,20}";
        prop_oneof![
            12 => text,
            4 => proptest::sample::select(good).prop_map(String::from),
            u32::from(!clean) => proptest::sample::select(bad).prop_map(String::from),
        ]
        .boxed()
    }
}

// ---- integers in decimal (the graph file, record origins)

/// The numbers 00 to 99, two digits each, for [`decimal`].
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut k = 0;
    while k < 100 {
        t[2 * k] = b'0' + (k / 10) as u8;
        t[2 * k + 1] = b'0' + (k % 10) as u8;
        k += 1;
    }
    t
};

/// `n` in decimal, written into the end of `buf`: two digits a step (an
/// evidence's numbers have one to three digits, a line number a few more).
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    while n >= 100 {
        let d = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[d..d + 2]);
    }
    if n >= 10 {
        let d = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[d..d + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

// ---- integers as postcard writes them (the cache)

/// Appends `n` as postcard writes lengths and unsigned integers: seven bits
/// a byte, low first.
pub(crate) fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// How many bytes [`varint`] writes for `n`.
#[inline]
pub(crate) fn varint_len(n: u64) -> usize {
    // one byte for each 7 bits, the last bit set counted (one byte for 0)
    (64 - (n | 1).leading_zeros() as usize).div_ceil(7)
}

// ---- short strings compared in line (ids, an occurrence's fields)

/// `a.cmp(b)` (bytes in order, then lengths), told without a call to
/// `memcmp` when they differ in their first 32 bytes or the shorter holds
/// 8 to 32 (ids of one kind share their first eight, `country:`): up to
/// four eight-byte words in order, the last overlapping, then the lengths.
#[inline]
pub(crate) fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    if n < 8 {
        return a.cmp(b);
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..)
            .and_then(|s| s.first_chunk::<8>())
            .map_or(0, |w| u64::from_be_bytes(*w))
    };
    let mut at = 0;
    while at < 32 {
        // the word ending at `n` overlaps bytes known equal
        let from = at.min(n - 8);
        let (p, q) = (word(a, from), word(b, from));
        if p != q {
            return p.cmp(&q);
        }
        if from + 8 == n {
            return a.len().cmp(&b.len());
        }
        at += 8;
    }
    a.cmp(b)
}

/// `a == b` without a call to `memcmp` for strings of up to 32 bytes (an
/// occurrence's fields, a name): the lengths, then at most four eight-byte
/// words, overlapping (two four-byte ones below eight, bytes below four).
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..)
            .and_then(|s| s.first_chunk::<8>())
            .map(|w| u64::from_le_bytes(*w))
    };
    let half = |s: &[u8], at: usize| {
        s.get(at..)
            .and_then(|s| s.first_chunk::<4>())
            .map(|w| u32::from_le_bytes(*w))
    };
    match n {
        0..4 => a.iter().zip(b).all(|(x, y)| x == y),
        4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        17..=32 => {
            (word(a, 0) == word(b, 0))
                & (word(a, 8) == word(b, 8))
                & (word(a, n - 16) == word(b, n - 16))
                & (word(a, n - 8) == word(b, n - 8))
        }
        _ => a == b,
    }
}

// ---- the words of a text (a sentence printed twice)

/// A hash of the words of `t` (as `split_whitespace` cuts them): [`Fx`] of
/// the words joined by one space. A text that is so already (no control
/// byte, no white space beyond single ASCII spaces inside: most sentences)
/// is hashed as it is, in the pass that checks it ([`spaced_hash`]);
/// another is joined first, byte by byte ([`wide_space`] finds the white
/// space beyond ASCII).
pub(crate) fn words_hash(t: &str) -> u64 {
    use std::hash::Hasher;
    if let Some(h) = spaced_hash(t) {
        return h;
    }
    let b = t.as_bytes();
    let mut joined: Vec<u8> = Vec::with_capacity(b.len());
    let (mut i, mut gap) = (0, false);
    while let Some(&c) = b.get(i) {
        let space = match c {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            0..0xc0 => 0,
            _ => wide_space(b, i),
        };
        if space > 0 {
            (i, gap) = (i + space, true);
            continue;
        }
        if gap && !joined.is_empty() {
            joined.push(b' ');
        }
        joined.push(c);
        (i, gap) = (i + 1, false);
    }
    let mut h = Fx::default();
    h.write(&joined);
    h.finish()
}

/// [`Fx`] of `t` if `t` is its words joined by one space (no control byte,
/// no white space at either end, none beyond ASCII, no two spaces in a
/// row), else `None`: one pass, 32 bytes at a time where they are plain
/// ASCII ([`spaced_ascii_words`]), else eight at a time
/// ([`spaced_word`]), each word hashed as `Fx::write` of the whole text takes it.
fn spaced_hash(t: &str) -> Option<u64> {
    use std::hash::Hasher;
    let b = t.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return None;
    }
    let mut h = Fx::default();
    // the spaces of the last eight bytes checked (the high bit of each)
    let mut spaces = 0;
    let (blocks, tail) = b.as_chunks::<32>();
    for (k, block) in blocks.iter().enumerate() {
        let (words, _) = block.as_chunks::<8>();
        if let Some(last) = spaced_ascii_words(words, spaces) {
            spaces = last;
            for w in words {
                h.write_u64(u64::from_le_bytes(*w));
            }
            continue;
        }
        for (j, w) in words.iter().enumerate() {
            let x = u64::from_le_bytes(*w);
            spaces = spaced_word(b, k * 32 + j * 8, x, spaces)?;
            h.write_u64(x);
        }
    }
    let at = blocks.len() * 32;
    let (words, rest) = tail.as_chunks::<8>();
    for (k, w) in words.iter().enumerate() {
        let x = u64::from_le_bytes(*w);
        spaces = spaced_word(b, at + k * 8, x, spaces)?;
        h.write_u64(x);
    }
    // the rest padded with letters, which add no space and nothing beyond ASCII
    let mut pad = [b'a'; 8];
    pad.get_mut(..rest.len())?.copy_from_slice(rest);
    spaced_word(b, at + words.len() * 8, u64::from_le_bytes(pad), spaces)?;
    h.write(rest);
    Some(h.finish())
}

/// The spaces of the last of `words` if they are printable ASCII words
/// joined by single spaces (`before` the spaces of the eight bytes before
/// them, as [`spaced_word`] has them), else `None`: one test for 32 bytes.
#[inline(always)]
fn spaced_ascii_words(words: &[[u8; 8]], mut before: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const LOWS: u64 = ONES * 0x7f;
    let (mut printable, mut doubles) = (HIGHS, 0);
    for w in words {
        let x = u64::from_le_bytes(*w);
        printable &= ((x & LOWS) + ONES * 0x60) & !x;
        let y = x ^ (ONES * u64::from(b' '));
        let spaces = !(((y & LOWS) + LOWS) | y) & HIGHS;
        doubles |= spaces & ((spaces << 8) | (before >> 56));
        before = spaces;
    }
    (printable & HIGHS == HIGHS && doubles == 0).then_some(before)
}

/// The spaces of `x` (the high bit of each byte that is one), the eight
/// bytes at `at` of `b` (a `str`'s bytes; past its end, letters), if they
/// are words joined by single spaces as far as they show, `before` the
/// spaces of the eight bytes before them; else `None`.
#[inline(always)]
fn spaced_word(b: &[u8], at: usize, x: u64, before: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const LOWS: u64 = ONES * 0x7f;
    // exact marks: bytes from 0x20 to 0x7f, and spaces
    let printable = ((x & LOWS) + ONES * 0x60) & !x & HIGHS;
    let y = x ^ (ONES * u64::from(b' '));
    let spaces = !(((y & LOWS) + LOWS) | y) & HIGHS;
    let doubles = spaces & ((spaces << 8) | (before >> 56));
    if printable == HIGHS && doubles == 0 {
        return Some(spaces);
    }
    let control = !((x & LOWS) + ONES * 0x60) & !x & HIGHS;
    if control != 0 || doubles != 0 {
        return None;
    }
    // bytes that begin a character beyond ASCII
    let mut lead = x & (x << 1) & HIGHS;
    while lead != 0 {
        if wide_space(b, at + (lead.trailing_zeros() / 8) as usize) != 0 {
            return None;
        }
        lead &= lead - 1;
    }
    Some(spaces)
}

/// The length of the white space character beyond ASCII (as
/// `char::is_whitespace` says) starting at byte `i` of `b`, a `str`'s
/// bytes (0 for none): their UTF-8, matched.
#[inline]
fn wide_space(b: &[u8], i: usize) -> usize {
    match b.get(i..).unwrap_or_default() {
        [0xc2, 0x85 | 0xa0, ..] => 2,
        [0xe1, 0x9a, 0x80, ..]
        | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..]
        | [0xe3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The length of the character beyond ASCII at byte `i` of `b` (a `str`'s
/// bytes) if it is one of the common ones `char::escape_debug` leaves as it
/// is, so RON writes it plain: Latin-1 letters (U+00C0 to U+00FF), dashes,
/// curly quotes, bullets and ellipsis (U+2010 to U+2027), per mille, primes
/// and angle quotes (U+2030 to U+203E). 0 for any other: ask `escape_debug`.
#[inline]
pub(crate) fn ron_plain_wide(b: &[u8], i: usize) -> usize {
    match b.get(i..).unwrap_or_default() {
        [0xc3, 0x80..=0xbf, ..] => 2,
        [0xe2, 0x80, 0x90..=0xa7 | 0xb0..=0xbe, ..] => 3,
        _ => 0,
    }
}

/// Whether a block of 32 bytes is ASCII without control bytes and without
/// two spaces in a row (a fold the compiler vectorises): words joined by
/// single spaces, as far as the block shows.
fn spaced_ascii_block(b: &[u8; 32]) -> bool {
    let ascii = b
        .iter()
        .fold(0u8, |m, &c| m | u8::from(c.wrapping_sub(0x20) >= 0x60));
    let (head, tail) = (&b[..31], &b[1..]);
    let doubles = head
        .iter()
        .zip(tail)
        .fold(0u8, |m, (&x, &y)| m | u8::from((x == b' ') & (y == b' ')));
    ascii | doubles == 0
}

/// [`words_hash`] of the bytes `b` read as UTF-8 (of `""` if they are not):
/// words joined by single ASCII spaces (most sentences) are hashed in the
/// same pass that checks them, 32 bytes at a time, without a UTF-8 check;
/// any other text is checked and hashed as [`words_hash`] hashes it.
pub(crate) fn words_hash_of(b: &[u8]) -> u64 {
    match spaced_ascii_hash(b) {
        Some(h) => h,
        None => words_hash(std::str::from_utf8(b).unwrap_or_default()),
    }
}

/// [`Fx`] of `b` if `b` is ASCII words joined by single spaces (no control
/// byte, no space at either end), so that it is its own words joined.
fn spaced_ascii_hash(b: &[u8]) -> Option<u64> {
    use std::hash::Hasher;
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return None;
    }
    let mut h = Fx::default();
    let mut space_before = false;
    let mut blocks = b.chunks_exact(32);
    for block in &mut blocks {
        let block: &[u8; 32] = block.try_into().ok()?;
        if !spaced_ascii_block(block) || (space_before && block[0] == b' ') {
            return None;
        }
        space_before = block[31] == b' ';
        // the same words, in order, as `Fx::write` of the whole text takes
        h.write(block);
    }
    let rest = blocks.remainder();
    // the rest padded with letters, which add no space and nothing beyond ASCII
    let mut pad = [b'a'; 32];
    pad.get_mut(..rest.len())?.copy_from_slice(rest);
    if !spaced_ascii_block(&pad) || (space_before && rest.first() == Some(&b' ')) {
        return None;
    }
    h.write(rest);
    Some(h.finish())
}

/// Whether `b`, at most sixteen bytes, is all [`ron_plain`]: two word tests
/// of its bytes padded with plain ones, for the short strings of an
/// occurrence (a cameo code, an id) that [`ron_plain_len`] reads byte by byte.
pub(crate) fn ron_plain_short(b: &[u8]) -> bool {
    let mut w = [b'a'; 16];
    match w.get_mut(..b.len()) {
        Some(head) => head.copy_from_slice(b),
        None => return false,
    }
    ron_plain_words(&w, 0) == 16
}

/// Whether `b`, at most 64 bytes, is all [`ron_plain`]: its bytes padded
/// with plain ones, tested 32 at a time, for the ids of a graph file (an
/// article's, written once per statement) that [`ron_plain_len`] would read
/// a block, words and bytes at a time.
pub(crate) fn ron_plain_upto64(b: &[u8]) -> bool {
    let mut w = [b'a'; 64];
    match w.get_mut(..b.len()) {
        Some(head) => head.copy_from_slice(b),
        None => return false,
    }
    ron_plain_blocks(&w) == 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::hash::Hasher;

    #[test]
    fn decimal_is_what_display_writes() {
        let mut ns: Vec<u64> = (0..1200)
            .chain([9_999, 10_000, 123_456_789, u64::MAX])
            .collect();
        ns.extend((0..64).map(|k| 1u64 << k));
        for n in ns {
            let mut buf = [0u8; 20];
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes(), "{n}");
        }
    }

    #[test]
    fn ones_are_the_set_bits_in_order() {
        for mask in [
            0u64,
            1,
            1 << 63,
            u64::MAX,
            0x8000_0000_0000_0001,
            0xf0f0_1234_5678_9abc,
        ] {
            let plain: Vec<usize> = (0..64).filter(|&k| mask >> k & 1 == 1).collect();
            assert_eq!(ones(mask).collect::<Vec<_>>(), plain, "{mask:x}");
        }
    }

    #[test]
    fn varint_len_is_what_varint_writes() {
        let mut ns = vec![0u64, 1, 127, 128, 16_383, 16_384, u64::MAX];
        ns.extend((0..64).flat_map(|k| [(1u64 << k) - 1, 1 << k, (1 << k) + 1]));
        for n in ns {
            let mut out = Vec::new();
            varint(&mut out, n);
            assert_eq!(varint_len(n), out.len(), "{n}");
        }
    }

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

    /// The words of a text hashed plainly: joined by one space, then hashed.
    fn plain_words_hash(t: &str) -> u64 {
        let mut h = Fx::default();
        h.write(
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_bytes(),
        );
        h.finish()
    }

    /// [`class_mask`] as the plain test of each item says.
    fn plain_class_mask(c: &[u16], class: u16) -> u64 {
        let bits = c.iter().take(64).enumerate();
        bits.fold(0, |m, (k, &v)| m | u64::from(v & class != 0) << k)
    }

    proptest! {
        #[test]
        fn has_byte_is_contains(b in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b'-'), Just(0u8)], 0..24), x in prop_oneof![any::<u8>(), Just(b'-'), Just(0u8)]) {
            prop_assert_eq!(has_byte(&b, x), b.contains(&x));
            let mut w = b.clone();
            w.resize(w.len().max(16), 7);
            let n = b.len().min(15);
            prop_assert_eq!(has_byte_16(&w, n, x), x != 0 && b[..n].contains(&x));
        }
    }
    proptest! {
        #[test]
        fn class_mask_is_the_plain_one(
            c in proptest::collection::vec(prop_oneof![Just(0u16), Just(u16::MAX), any::<u16>()], 0..80),
            class in any::<u16>(),
        ) {
            prop_assert_eq!(class_mask(&c, class), plain_class_mask(&c, class));
        }
    }

    proptest! {
        #[test]
        fn words_hash_equals_the_plain_version(t in "[ a-z\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{1680}\u{2003}\u{2019}\u{2028}\u{3000}.,é]{0,60}") {
            prop_assert_eq!(words_hash(&t), plain_words_hash(&t));
        }

        #[test]
        fn spaced_hash_is_of_single_spaced_texts(t in "[ a-z\t\n\u{1c}\u{7f}\u{85}\u{a0}\u{2003}\u{2019}\u{3000}é]{0,40}") {
            let plain = t.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(spaced_hash(&t).is_some(), plain == t && !t.bytes().any(|c| c < 0x20));
        }
    }

    proptest! {
        #[test]
        fn ron_plain_len_equals_the_plain_version(
            bytes in proptest::collection::vec(prop_oneof![any::<u8>(), 0x20u8..0x7f, 0x20u8..0x7f], 0..40),
            at in 0usize..40,
        ) {
            let at = at.min(bytes.len());
            let plain = bytes[at..].iter().take_while(|&&c| ron_plain(c)).count();
            prop_assert_eq!(ron_plain_len(&bytes, at), plain);
        }
    }

    proptest! {
        #[test]
        fn ascii_eq_nocase_equals_the_plain_version(a in "[ -~]{0,20}", b in "[ -~]{0,20}", flip in proptest::collection::vec(any::<bool>(), 20)) {
            // `b` as `a` with some cases flipped, and any other text
            let flipped: String = a.chars().zip(&flip).map(|(c, &f)| if f { c.to_ascii_uppercase() } else { c }).collect();
            for other in [flipped.as_str(), b.as_str()] {
                let plain = a.as_bytes().eq_ignore_ascii_case(other.as_bytes());
                prop_assert_eq!(ascii_eq_nocase(a.as_bytes(), other.as_bytes()), plain);
            }
        }

        #[test]
        fn with_lower_is_to_lowercase(t in prop_oneof![Just(String::new()), "[ -~]{0,60}", any::<String>()]) {
            prop_assert_eq!(with_lower(&t, str::to_string), t.to_lowercase());
        }

        #[test]
        fn has_control_equals_the_plain_version(b in proptest::collection::vec(prop_oneof![any::<u8>(), 0x20u8..0x80], 0..40)) {
            prop_assert_eq!(has_control(&b), b.iter().any(|&c| c < 0x20));
        }

        #[test]
        fn json_string_reads_as_serde_json_does(pieces in proptest::collection::vec(json_test::piece(false), 0..8)) {
            let s = format!("\"{}\"", pieces.concat());
            let mut out = String::from("kept ");
            let plain = |t: &str| serde_json::from_str::<String>(t).ok();
            let got = json_string(&s, 1, &mut out, true).map(|end| (end, out.clone()));
            match &got {
                Some((end, out)) => prop_assert_eq!(plain(&s[..*end]).map(|p| format!("kept {p}")), Some(out.clone())),
                None => prop_assert_eq!(plain(&s), None),
            }
            // a string without control characters reads the same unchecked
            if !has_control(s.as_bytes()) {
                let mut unchecked = String::from("kept ");
                let end = json_string(&s, 1, &mut unchecked, false);
                prop_assert_eq!(end.map(|end| (end, unchecked)), got);
            }
        }
    }

    proptest! {
        #[test]
        fn next_bit_equals_the_plain_version(bits in proptest::collection::vec(prop_oneof![Just(0u64), any::<u64>()], 0..5), from in 0usize..400) {
            let plain = (from..bits.len() * 64).find(|&k| bits[k / 64] >> (k % 64) & 1 == 1);
            prop_assert_eq!(next_bit(&bits, from), plain);
        }
    }

    proptest! {
        #[test]
        fn first_words_differ_as_split_whitespace_has_it(a in "[ \t\nab\u{b}\u{c}\r\u{1c}\u{a0}\u{2003}é]{0,8}", b in "[ \t\nab\u{b}\u{c}\r\u{1c}\u{a0}\u{2003}é]{0,8}") {
            let plain = a.split_whitespace().next() != b.split_whitespace().next();
            let fast = first_words_differ(a.as_bytes(), b.as_bytes());
            // sure when it says so; exact on ASCII
            prop_assert!(!fast || plain);
            if a.is_ascii() && b.is_ascii() {
                prop_assert_eq!(fast, plain);
            }
        }
    }

    proptest! {
        #[test]
        fn fx_equals_the_plain_version(seed: u64, bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let mut h = Fx::with_seed(seed);
            h.write(&bytes);
            prop_assert_eq!(h.finish(), plain_fx(seed, &bytes));
        }

    }

    proptest! {
        #[test]
        fn next_high_equals_the_plain_version(
            b in proptest::collection::vec(prop_oneof![9 => 0u8..0x80, 1 => 0x80u8..], 0..100),
            from in 0usize..100,
        ) {
            let plain = b.iter().enumerate().skip(from).find(|(_, &c)| c >= 0x80).map_or(usize::MAX, |(i, _)| i);
            prop_assert_eq!(next_high(&b, from), plain);
        }
    }

    /// [`FileHash::of`] written plainly, byte by byte.
    fn plain_file_hash(bytes: &[u8]) -> u64 {
        let mut lanes = [1u64, 2, 3, 4];
        let blocks = bytes.len() / 32;
        for k in 0..blocks {
            for (i, lane) in lanes.iter_mut().enumerate() {
                let mut w = 0u64;
                for j in 0..8 {
                    w |= u64::from(bytes[k * 32 + i * 8 + j]) << (8 * j);
                }
                *lane = (lane.rotate_left(5) ^ w).wrapping_mul(K);
            }
        }
        let mut h = Fx::with_seed(bytes.len() as u64);
        for l in lanes {
            std::hash::Hasher::write_u64(&mut h, l);
        }
        std::hash::Hasher::write(&mut h, &bytes[blocks * 32..]);
        let mut z = std::hash::Hasher::finish(&h);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    proptest! {
        #[test]
        fn file_hash_equals_the_plain_version(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(FileHash::of(&bytes), plain_file_hash(&bytes));
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

    /// `pack` written plainly: the bytes zero-padded to sixteen, the length in the last.
    fn plain_pack(b: &[u8]) -> Option<Packed> {
        if b.len() > 15 {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..b.len()].copy_from_slice(b);
        buf[15] = b.len() as u8;
        let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
        let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
        Some((lo, hi))
    }

    #[test]
    fn pack_equals_the_plain_version_for_every_length() {
        for n in 0..=17usize {
            let b: Vec<u8> = (0..n).map(|i| b'a' + (i * 7 % 26) as u8).collect();
            assert_eq!(pack(&b), plain_pack(&b), "length {n}");
            if n <= 15 {
                let (lo, hi) = load(&b).unwrap();
                let (plo, phi) = plain_pack(&b).unwrap();
                assert_eq!((lo, hi), (plo, phi & !(0xff << 56)), "load, length {n}");
            }
        }
    }

    #[test]
    fn keep_masks_the_first_n_bytes() {
        for (n, &(keep_lo, keep_hi)) in KEEP.iter().enumerate() {
            let bytes: Vec<u8> = (1..=16).collect();
            let lo = u64::from_le_bytes(bytes[..8].try_into().unwrap()) & keep_lo;
            let hi = u64::from_le_bytes(bytes[8..].try_into().unwrap()) & keep_hi;
            let mut kept = lo.to_le_bytes().to_vec();
            kept.extend(hi.to_le_bytes());
            let plain: Vec<u8> = (0..16).map(|i| if i < n { bytes[i] } else { 0 }).collect();
            assert_eq!(kept, plain, "n {n}");
        }
    }

    #[test]
    fn ascii_lower_equals_the_plain_version_for_every_ascii_byte_in_every_lane() {
        for b in 0..0x80u8 {
            for lane in 0..8 {
                let mut w = *b"xQ1 zA.Z";
                w[lane] = b;
                let lowered = ascii_lower(u64::from_le_bytes(w)).to_le_bytes();
                assert_eq!(
                    lowered,
                    w.map(|c| c.to_ascii_lowercase()),
                    "{b:#x} in lane {lane}"
                );
            }
        }
    }

    /// Checks a lane mask `mark` against the plain test `is`: every byte
    /// value in every lane of `base` (whose own bytes `is` does not mark),
    /// the first lane marked is the first byte `is` holds for.
    fn first_marked_lane_is_plain(base: [u8; 8], mark: fn(u64) -> u64, is: fn(u8) -> bool) {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut w = base;
                w[lane] = b;
                let m = mark(u64::from_le_bytes(w));
                let plain = w.iter().position(|&c| is(c));
                let first = (m != 0).then(|| (m.trailing_zeros() / 8) as usize);
                assert_eq!(first, plain, "byte {b:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn not_alnum_marks_the_first_byte_that_is_no_letter_or_digit() {
        first_marked_lane_is_plain(*b"aZ09mQz5", not_alnum, |c| !c.is_ascii_alphanumeric());
    }

    #[test]
    fn not_alpha_marks_the_first_byte_that_is_no_letter() {
        first_marked_lane_is_plain(*b"aZbYmQzA", not_alpha, |c| !c.is_ascii_alphabetic());
    }

    proptest! {
        #[test]
        fn not_alpha_agrees_with_the_plain_test_on_any_bytes(w: [u8; 8]) {
            let plain = w.iter().position(|c| !c.is_ascii_alphabetic());
            let stop = not_alpha(u64::from_le_bytes(w));
            prop_assert_eq!((stop != 0).then(|| (stop.trailing_zeros() / 8) as usize), plain);
        }

        #[test]
        fn word_at_equals_the_plain_version(w in proptest::collection::vec(any::<u8>(), 0..24), at in 0usize..24) {
            let plain = match w.get(at..at + 8) {
                Some(b) => b.iter().rev().fold(0u64, |x, &c| x << 8 | u64::from(c)),
                None => 0,
            };
            prop_assert_eq!(word_at(&w, at), plain);
        }

        #[test]
        fn not_alnum_agrees_with_the_plain_test_on_any_bytes(w: [u8; 8]) {
            let plain = w.iter().position(|c| !c.is_ascii_alphanumeric());
            let stop = not_alnum(u64::from_le_bytes(w));
            prop_assert_eq!((stop != 0).then(|| (stop.trailing_zeros() / 8) as usize), plain);
        }

        #[test]
        fn varint_is_postcards_encoding(n: u64) {
            let mut out = Vec::new();
            varint(&mut out, n);
            prop_assert_eq!(out, postcard::to_allocvec(&n).unwrap());
        }
    }

    #[test]
    fn ids_get_distinct_keys() {
        let ids = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "a\0",
            "12345678901234567890123",
            "12345678901234567890124",
        ];
        let keys: std::collections::HashSet<(u64, u64)> = ids.iter().map(|s| id_key(s)).collect();
        assert_eq!(keys.len(), ids.len());
        assert_eq!(id_key("x"), id_key(&String::from("x")));
    }

    #[test]
    fn ids_of_one_pattern_get_distinct_keys() {
        // these two shared a key once, as did 6,400 pairs of a 1M corpus
        assert_ne!(id_key("r0-var_79000"), id_key("r0-var_52800"));
        let ids: Vec<String> = (0..200_000)
            .map(|i| format!("r{}-var_{:05}", i / 100_000, i % 100_000))
            .collect();
        let keys: std::collections::HashSet<(u64, u64)> = ids.iter().map(|s| id_key(s)).collect();
        assert_eq!(keys.len(), ids.len());
    }

    proptest! {
        #[test]
        fn ron_plain_upto64_equals_the_plain_version(
            bytes in proptest::collection::vec(prop_oneof![1 => any::<u8>(), 30 => 0x20u8..0x7f], 0..80),
        ) {
            let plain = bytes.len() <= 64 && bytes.iter().all(|&c| ron_plain(c));
            prop_assert_eq!(ron_plain_upto64(&bytes), plain);
        }

        #[test]
        fn ron_plain_len_of_long_strings_equals_the_plain_version(
            bytes in proptest::collection::vec(prop_oneof![1 => any::<u8>(), 30 => 0x20u8..0x7f], 0..300),
            at in 0usize..300,
        ) {
            let at = at.min(bytes.len());
            let plain = bytes[at..].iter().take_while(|&&c| ron_plain(c)).count();
            prop_assert_eq!(ron_plain_len(&bytes, at), plain);
        }
    }

    #[test]
    fn ron_plain_wide_claims_only_characters_escape_debug_leaves() {
        let mut claimed = 0;
        for c in (0x80..=0x10ffffu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let mut text = b.to_vec();
            text.extend_from_slice(b"x");
            match ron_plain_wide(&text, 0) {
                0 => {}
                n => {
                    assert_eq!(n, b.len(), "{c:?}");
                    assert_eq!(c.escape_debug().to_string(), c.to_string(), "{c:?}");
                    claimed += 1;
                }
            }
        }
        assert_eq!(claimed, 64 + 24 + 15);
        assert_eq!(ron_plain_wide("a’".as_bytes(), 1), 3);
        assert_eq!(ron_plain_wide("’".as_bytes(), 1), 0);
    }

    proptest! {
        #[test]
        fn spaced_hash_of_long_texts_equals_the_plain_version(
            t in "([a-zA-Z,.'’é]{1,9} ){0,30}[a-z\t\n\u{1c}\u{7f}\u{85}\u{a0}\u{1680}\u{2003}\u{2019}\u{202f}\u{205f}\u{3000}é ]{0,3}( ?[a-z—]{1,9}){0,20} ?"
        ) {
            let plain = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let spaced = plain == t && !t.bytes().any(|c| c < 0x20);
            prop_assert_eq!(spaced_hash(&t), spaced.then(|| plain_words_hash(&t)));
            prop_assert_eq!(words_hash(&t), plain_words_hash(&t));
        }
    }

    proptest! {
        #[test]
        fn cmp_bytes_and_same_bytes_equal_the_plain_versions(
            a in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), any::<u8>()], 0..80),
            b in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), any::<u8>()], 0..80),
            shared in 0usize..80,
        ) {
            // often a common start, so that later bytes or the lengths decide
            let b: Vec<u8> = a.iter().take(shared).chain(&b).copied().collect();
            prop_assert_eq!(cmp_bytes(&a, &b), a.cmp(&b));
            prop_assert_eq!(cmp_bytes(&b, &a), b.cmp(&a));
            prop_assert_eq!(same_bytes(&a, &b), a == b);
            prop_assert!(same_bytes(&a, &a.clone()));
            prop_assert!(same_bytes(&b, &b.clone()));
        }
    }

    #[test]
    fn same_bytes_finds_a_difference_at_any_place() {
        for n in 0..70usize {
            let a: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 0x40;
                assert!(!same_bytes(&a, &b) && !same_bytes(&b, &a), "{n} {i}");
                assert_eq!(cmp_bytes(&a, &b), a.cmp(&b), "{n} {i}");
            }
        }
    }

    #[test]
    fn spaced_hash_finds_a_flaw_at_any_place_of_a_long_text() {
        let base = "ab cde fghi j klmno pq rstu vw xyz ".repeat(4);
        let base = base.trim_end();
        let check = |t: &str| {
            let plain = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let spaced = plain == t && !t.bytes().any(|c| c < 0x20);
            assert_eq!(spaced_hash(t), spaced.then(|| plain_words_hash(t)), "{t:?}");
            assert_eq!(words_hash(t), plain_words_hash(t), "{t:?}");
        };
        check(base);
        for i in 1..base.len() {
            for flaw in [" ", "\t", "é", "\u{a0}", "\u{7f}"] {
                check(&format!("{}{flaw}{}", &base[..i], &base[i..]));
            }
        }
    }

    #[test]
    fn wide_spaces_are_the_white_space_beyond_ascii() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let mut at = [b'a'; 8];
            let len = c.encode_utf8(&mut at[1..]).len();
            let space = wide_space(&at[..1 + len], 1);
            assert_eq!(space, if c.is_whitespace() { len } else { 0 }, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn tail_keys_of_equal_strings_are_equal_and_ends_tell_apart(
            a in "[a-z:-]{0,20}",
            b in "[a-z:-]{0,20}",
        ) {
            prop_assert_eq!(tail_key(a.as_bytes()), tail_key(a.clone().as_bytes()));
            let tail = |s: &str| s.as_bytes()[s.len().saturating_sub(8)..].to_vec();
            if a.len() != b.len() || tail(&a) != tail(&b) {
                prop_assert_ne!(tail_key(a.as_bytes()), tail_key(b.as_bytes()));
            }
        }
    }

    proptest! {
        #[test]
        fn prefix_keys_equal_the_plain_version_and_keep_the_order(
            a in proptest::collection::vec(prop_oneof![Just(0u8), Just(b'a'), Just(b'b'), any::<u8>()], 0..24),
            b in proptest::collection::vec(prop_oneof![Just(0u8), Just(b'a'), Just(b'b'), any::<u8>()], 0..24),
        ) {
            let plain = |s: &[u8]| (0..16).fold(0u128, |k, i| k << 8 | u128::from(s.get(i).copied().unwrap_or(0)));
            prop_assert_eq!(prefix_key(&a), plain(&a));
            if prefix_key(&a) != prefix_key(&b) {
                prop_assert_eq!(prefix_key(&a) < prefix_key(&b), a < b);
            }
        }
    }

    proptest! {
        #[test]
        fn words_hash_of_bytes_equals_the_plain_version(
            t in "([a-zA-Z,.']{1,9} ){0,8}[a-z\t\n\u{1c}\u{7f}\u{85}\u{a0}\u{2003}\u{2019}é ]{0,3}( ?[a-z]{1,9}){0,8} ?",
            cut in 0usize..4,
        ) {
            prop_assert_eq!(words_hash_of(t.as_bytes()), plain_words_hash(&t));
            // not UTF-8: the hash of no words
            let mut b = t.as_bytes().to_vec();
            b.insert(b.len() / (cut + 1), 0xff);
            prop_assert_eq!(words_hash_of(&b), plain_words_hash(""));
        }
    }

    proptest! {
        #[test]
        fn ron_plain_short_equals_the_plain_version(
            bytes in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'"'), Just(b'\\'), Just(b'\''), Just(0x7fu8), Just(0x1fu8), Just(0xc3u8), any::<u8>()], 0..20)
        ) {
            let plain = bytes.len() <= 16 && bytes.iter().all(|&c| ron_plain(c));
            prop_assert_eq!(ron_plain_short(&bytes), plain);
        }
    }
}
