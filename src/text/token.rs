//! Tokens: words, numbers and punctuation with byte spans into the article
//! text. Abbreviations keep their dots ("U.S.", "Mr."), possessive "'s" is a
//! token of its own, hyphenated words stay whole ("one-China").

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

/// A token: a byte span of the article text, with how many line breaks
/// separate it from the token before (capped at 2: a blank line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    pub newlines_before: u8,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// The token's bytes: no check that they end on a character boundary.
    #[inline]
    pub fn bytes<'a>(&self, text: &'a str) -> &'a [u8] {
        text.as_bytes()
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }

    /// Whether the token is a possessive "'s" (either apostrophe).
    #[inline]
    pub fn is_possessive(&self, text: &str) -> bool {
        matches!(self.bytes(text), b"'s" | b"\xE2\x80\x99s")
    }
}

/// Words that end with a dot which is not a full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt", "Sen", "Rep",
    "Gov", "Prof", "Rev", "Amb", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Inc", "Ltd", "Corp", "Co", "vs", "No", "Nos", "Adm", "Brig", "Sgt", "Hon", "Ave", "Rt", "Smt",
];

/// Whether `c` is a letter or digit; the General Punctuation block
/// (U+2000 to U+206F: quotes, dashes, blanks) without the Unicode tables.
#[inline]
fn is_word_char(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

/// Byte classes of the ASCII fast path (`CLASS[b]`): blanks other than a
/// line break, the line break, digits, letters, bytes of characters beyond
/// ASCII, and bytes after which a word may go on (`JOIN`: "-", "'", ".",
/// and bytes beyond ASCII). Other ASCII bytes (punctuation, controls) are 0.
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const DIGIT: u8 = 4;
const ALPHA: u8 = 8;
const HIGH: u8 = 16;
const JOIN: u8 = 32;
const ALNUM: u8 = DIGIT | ALPHA;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => SPACE,
            b'\n' => NEWLINE,
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => ALPHA,
            b'-' | b'\'' | b'.' => JOIN,
            0x80..=0xff => HIGH | JOIN,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits from byte `i`, eight bytes
/// at a time while there are eight.
#[inline(always)]
fn alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let stop = crate::bytes::not_alnum(u64::from_le_bytes(w));
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes
        .get(i)
        .is_some_and(|&b| CLASS[usize::from(b)] & ALNUM != 0)
    {
        i += 1;
    }
    i
}

/// The longest word of [`ABBREVIATIONS`], in bytes.
const ABBREVIATION_MAX: usize = {
    let mut m = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > m {
            m = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    m
};

/// The character at byte `i` of `text[..bytes.len()]`, decoding only beyond
/// ASCII (`bytes` is a prefix of the text's bytes).
#[inline]
fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<char> {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..bytes.len()).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// Whether the character at byte `i` is a letter or digit.
#[inline]
fn word_char_at(text: &str, bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => CLASS[usize::from(b)] & ALNUM != 0,
        Some(_) => char_at(text, bytes, i).is_some_and(is_word_char),
        None => false,
    }
}

/// Whether byte `i` starts a possessive "s": an "s" not followed by a
/// letter or digit.
#[inline]
fn possessive_at(text: &str, bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&b's') && !word_char_at(text, bytes, i + 1)
}

/// The end of the word token that starts at byte `start`; `i` is the byte
/// after its first character.
/// Kept out of line: most words end at a blank or punctuation without it.
#[inline(never)]
fn word_end(text: &str, bytes: &[u8], start: usize, mut i: usize) -> usize {
    loop {
        // ASCII letters and digits without decoding
        i = alnum_end(bytes, i);
        let Some(n) = char_at(text, bytes, i) else {
            return i;
        };
        let nl = n.len_utf8();
        if !n.is_ascii() && is_word_char(n) {
            i += nl;
            continue;
        }
        match n {
            '-' | '\u{2010}' | '\u{2011}' if word_char_at(text, bytes, i + nl) => {
                i += nl;
            }
            // possessive 's ends the word; d'Ivoire, don't continue it
            '\'' | '\u{2019}'
                if !possessive_at(text, bytes, i + nl) && word_char_at(text, bytes, i + nl) =>
            {
                i += nl;
            }
            '.' => {
                let word = text.get(start..i).unwrap_or("");
                // "Azerbaijan-U.S.": the initials after the last hyphen
                let tail = word
                    .rsplit(['-', '\u{2010}', '\u{2011}'])
                    .next()
                    .unwrap_or(word);
                let initials = tail
                    .split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
                if initials {
                    i += 1;
                    if let Some(a) = char_at(text, bytes, i) {
                        if a.is_alphabetic() && bytes.get(i + a.len_utf8()) == Some(&b'.') {
                            continue;
                        }
                    }
                    return i;
                }
                if is_abbreviation(word.as_bytes()) {
                    i += 1;
                }
                return i;
            }
            _ => return i,
        }
    }
}

/// The end of the number token whose first digit is before byte `i`:
/// digits, with single separators between them ("2,000", "11:25", "3.5"),
/// then letters glued on ("10th", "1990s"). Out of line: numbers are rare.
#[inline(never)]
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            i += 1;
        } else if matches!(b, b',' | b'.' | b':')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 2;
        } else {
            break;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// The token that starts with a character beyond ASCII at byte `i`: its end
/// and kind, no kind for a blank (`None` when `i` is not at a character).
/// Out of line: such characters are rare.
#[inline(never)]
fn high_token(text: &str, bytes: &[u8], i: usize) -> Option<(usize, Option<TokKind>)> {
    let c = char_at(text, bytes, i)?;
    let cl = c.len_utf8();
    if c.is_whitespace() {
        return Some((i + cl, None));
    }
    if is_word_char(c) {
        return Some((word_end(text, bytes, i, i + cl), Some(TokKind::Word)));
    }
    // a possessive "’s" is one token
    if c == '\u{2019}' && possessive_at(text, bytes, i + cl) {
        return Some((i + cl + 1, Some(TokKind::Word)));
    }
    Some((i + cl, Some(TokKind::Punct)))
}

/// The bytes of a word of at most four bytes, little-endian, zero-padded:
/// words without a zero byte (as all words are) have distinct keys.
const fn abbreviation_key(w: &[u8]) -> u32 {
    let mut k = 0;
    let mut j = 0;
    while j < w.len() {
        k |= (w[j] as u32) << (8 * j);
        j += 1;
    }
    k
}

/// [`ABBREVIATIONS`] by [`abbreviation_key`].
const ABBREVIATION_KEYS: [u32; ABBREVIATIONS.len()] = {
    let mut t = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < t.len() {
        assert!(ABBREVIATIONS[i].len() <= 4);
        t[i] = abbreviation_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    t
};

/// Whether `word` (a word's bytes: no zero byte) is one of [`ABBREVIATIONS`].
#[inline]
fn is_abbreviation(word: &[u8]) -> bool {
    (1..=ABBREVIATION_MAX).contains(&word.len())
        && ABBREVIATION_KEYS.contains(&abbreviation_key(word))
}

/// The end of the run of ASCII letters from byte `i` and the byte there
/// (`None` at the end of `bytes`), eight bytes at a time.
#[inline(always)]
fn alpha_stop(bytes: &[u8], mut i: usize) -> (usize, Option<u8>) {
    while i + 8 <= bytes.len() {
        let w = crate::bytes::word_at(bytes, i);
        let stop = crate::bytes::not_alpha(w);
        if stop != 0 {
            // the high bit of the stop byte: bit 8k + 7 for byte k
            let at = stop.trailing_zeros();
            return (i + (at / 8) as usize, Some((w >> (at & !7)) as u8));
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    (i, bytes.get(i).copied())
}

/// The end of the word token that starts with an ASCII letter at byte
/// `start`, whose ASCII letters end at byte `end` before a byte that is no
/// blank: [`word_end`] with its usual cases read off the bytes
/// (a word ending at punctuation, a hyphen between ASCII letters or
/// digits, a full stop after a plain word of two or more letters, a
/// possessive, a quote or dash of U+2000 to U+203F), `word_end` itself for
/// the rest. Out of line: most words end at a blank.
#[inline(never)]
fn word_tail(text: &str, bytes: &[u8], start: usize, end: usize) -> usize {
    // digits among the letters
    let mut end = alnum_end(bytes, end);
    // whether a hyphen joined ASCII letters or digits: the stop's rule then
    // reads the part after it (`word_end` does)
    let mut hyphen = false;
    loop {
        let Some(&b) = bytes.get(end) else {
            return end;
        };
        if CLASS[usize::from(b)] & JOIN == 0 {
            return end;
        }
        match b {
            b'-' if bytes
                .get(end + 1)
                .is_some_and(|&c| CLASS[usize::from(c)] & ALNUM != 0) =>
            {
                hyphen = true;
                end = alnum_end(bytes, end + 2);
            }
            // a plain word of two or more: no initials, maybe an abbreviation
            b'.' if !hyphen && end - start > 1 => {
                return end + usize::from(is_abbreviation(&bytes[start..end]));
            }
            // a possessive 's ends the word
            b'\'' if possessive_at(text, bytes, end + 1) => return end,
            // U+2000 to U+203F but the hyphens U+2010, U+2011 and the
            // apostrophe U+2019: no letter, nothing that joins
            0xE2 if bytes.get(end + 1) == Some(&0x80)
                && bytes
                    .get(end + 2)
                    .is_some_and(|&c| !matches!(c, 0x90 | 0x91 | 0x99)) =>
            {
                return end;
            }
            // a possessive ’s
            0xE2 if bytes.get(end + 1..end + 3) == Some(b"\x80\x99")
                && possessive_at(text, bytes, end + 3) =>
            {
                return end;
            }
            _ => return word_end(text, bytes, start, end),
        }
    }
}

/// The token that starts with a character of U+2000 to U+203F (bytes E2 80
/// and `x`) at byte `i`, as [`high_token`] has it: none of them is a letter
/// or digit; some are blanks; U+2019 before a lone "s" is a possessive.
#[inline(always)]
fn general_punctuation(text: &str, bytes: &[u8], i: usize, x: u8) -> (usize, Option<TokKind>) {
    let c = 0x2000 + u32::from(x & 0x3f);
    if matches!(c, 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f) {
        (i + 3, None)
    } else if c == 0x2019 && possessive_at(text, bytes, i + 3) {
        (i + 4, Some(TokKind::Word))
    } else {
        (i + 3, Some(TokKind::Punct))
    }
}

/// Splits `text[from..to]` into tokens, appending them to `out`.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    tokenize_stops(text, from, to, out, &mut |_| {});
}

/// [`tokenize_into`], also setting in `stops` (bit `k % 64` of word
/// `k / 64`) the bit of each token `k` of `out` that is punctuation or
/// comes after a blank line (where the sentence splitter looks; the bit
/// of `out`'s length may be set too). Out of line, as [`tokenize_into`]:
/// inlined in its caller, its loop keeps fewer values in registers.
#[inline(never)]
pub(crate) fn tokenize_marked(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Token>,
    stops: &mut [u64],
) {
    tokenize_stops(text, from, to, out, &mut |k| {
        if let Some(w) = stops.get_mut(k / 64) {
            *w |= 1 << (k % 64);
        }
    });
}

/// [`tokenize_marked`] with the stops given to `on_stop`.
#[inline(always)]
fn tokenize_stops(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Token>,
    on_stop: &mut impl FnMut(usize),
) {
    let Some(bytes) = text.as_bytes().get(..to) else {
        return;
    };
    // a local vector, put back at the end (measured: 0.4 M instructions
    // fewer on 1,000 real articles than filling `out` in place)
    let mut toks = std::mem::take(out);
    tokenize_bytes(text, bytes, from, &mut toks, on_stop);
    *out = toks;
}

/// A token not yet set: what [`tokenize_bytes`]'s batch starts with.
const UNSET: Token = Token {
    start: 0,
    end: 0,
    kind: TokKind::Punct,
    newlines_before: 0,
};

/// The loop of [`tokenize_into`] over `bytes` (a prefix of `text`'s) from
/// byte `from`; `on_stop` is given the stops [`tokenize_marked`] lists.
#[inline(always)]
fn tokenize_bytes(
    text: &str,
    bytes: &[u8],
    from: usize,
    out: &mut Vec<Token>,
    on_stop: &mut impl FnMut(usize),
) {
    // tokens go to a small array first, and from it to `out` a batch at a
    // time: no vector's length and capacity to keep at hand in the loop
    const BATCH: usize = 32;
    let mut batch = [UNSET; BATCH];
    let mut n = 0;
    // the next token's index in `out` is `out.len() + n`
    macro_rules! push {
        ($t:expr) => {{
            if n == BATCH {
                out.extend_from_slice(&batch);
                n = 0;
            }
            // (masked: no bounds check)
            batch[n % BATCH] = $t;
            n += 1;
        }};
    }
    let mut i = from;
    let mut newlines: u8 = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        let start = i;
        let kind;
        if class & ALPHA != 0 {
            let (end, stop) = alpha_stop(bytes, i);
            // the usual word: letters, then a blank
            if stop == Some(b' ') {
                push!(Token {
                    start: start as u32,
                    end: end as u32,
                    kind: TokKind::Word,
                    newlines_before: newlines,
                });
                newlines = 0;
                i = end + 1;
                continue;
            }
            kind = TokKind::Word;
            // a stop that neither goes on the word nor joins it to more
            // ends it there
            i = match stop {
                Some(b) if CLASS[usize::from(b)] & (ALNUM | JOIN) != 0 => {
                    word_tail(text, bytes, start, end)
                }
                _ => end,
            };
        } else if class & SPACE != 0 {
            i += 1;
            continue;
        } else if class & NEWLINE != 0 {
            // a blank line: the next token is a stop
            if newlines == 1 {
                on_stop(out.len() + n);
            }
            newlines = newlines.saturating_add(1).min(2);
            i += 1;
            continue;
        } else if class & DIGIT != 0 {
            kind = TokKind::Number;
            i = number_end(bytes, i + 1);
        } else if class & HIGH == 0 {
            (i, kind) = ascii_punct_at(text, bytes, i, b);
        } else {
            let Some((end, found)) = high_at(text, bytes, i, b) else {
                break;
            };
            i = end;
            let Some(k) = found else {
                continue;
            };
            kind = k;
        }
        if kind == TokKind::Punct {
            on_stop(out.len() + n);
        }
        push!(Token {
            start: start as u32,
            end: i as u32,
            kind,
            newlines_before: newlines,
        });
        newlines = 0;
        // the blank after a token without another turn of the loop
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    out.extend_from_slice(&batch[..n]);
}

/// ASCII punctuation `b` at byte `i`: where its token ends, and its kind
/// (a possessive 's is one token, a word).
#[inline(always)]
fn ascii_punct_at(text: &str, bytes: &[u8], i: usize, b: u8) -> (usize, TokKind) {
    if b == b'\'' && possessive_at(text, bytes, i + 1) {
        (i + 2, TokKind::Word)
    } else {
        (i + 1, TokKind::Punct)
    }
}

/// A token beginning with `b`, a byte beyond ASCII, at byte `i`: where it
/// ends and its kind (`None` for nothing kept, as white space), or `None`
/// where no character can be read.
#[inline(always)]
fn high_at(text: &str, bytes: &[u8], i: usize, b: u8) -> Option<(usize, Option<TokKind>)> {
    match bytes.get(i + 1..i + 3) {
        Some(&[0x80, x]) if b == 0xE2 => Some(general_punctuation(text, bytes, i, x)),
        _ => high_token(text, bytes, i),
    }
}

/// Appends the lower case of `s` to `buf`, a character at a time (as
/// `char::to_lowercase` has it); ASCII and U+2000 to U+20FF (quotes,
/// dashes, currency: no case) without the Unicode tables.
fn push_lower(buf: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            _ if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            '\u{2000}'..='\u{20ff}' => buf.push(c),
            _ => buf.extend(c.to_lowercase()),
        }
    }
}

/// What follows the text in [`Lowered`]'s buffer.
const PAD: &str = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// Every token of a text in lower case, in one buffer: `lowered[i]` is token
/// `i` lower-cased (ASCII without the Unicode tables).
#[derive(Clone, Debug, Default)]
pub struct Lowered {
    /// The text with its ASCII capitals lowered (so an ASCII token keeps its
    /// span), then the lower case of each token beyond ASCII.
    buf: String,
    /// Each token's span in `buf`.
    spans: Vec<(u32, u32)>,
    /// The text's length: spans beyond it are the lower case of tokens
    /// beyond ASCII.
    text_len: u32,
}

impl Lowered {
    /// Lower-cases the tokens of `text`, in text order (as
    /// [`tokenize_into`] gives them).
    pub fn new(text: &str, toks: &[Token]) -> Lowered {
        Lowered::default().refill(text, toks)
    }

    /// [`Lowered::new`] in the buffers of `self` (another text's, emptied
    /// first): no allocation where they are big enough. Out of line: a
    /// stage of its own in profiles.
    #[inline(never)]
    pub fn refill(self, text: &str, toks: &[Token]) -> Lowered {
        debug_assert!(toks.windows(2).all(|w| w[0].end <= w[1].start));
        let (mut buf, mut spans) = (self.buf, self.spans);
        // room for the padding and the lower case of a few tokens beyond ASCII
        buf.clear();
        buf.reserve(text.len() + PAD.len() + 64);
        buf.push_str(text);
        buf.make_ascii_lowercase();
        buf.push_str(PAD);
        let bytes = text.as_bytes();
        spans.clear();
        spans.reserve(toks.len());
        // an ASCII text (most are): every token keeps its span
        let mut k = if bytes.is_ascii() {
            spans.extend(toks.iter().map(|t| (t.start, t.end)));
            toks.len()
        } else {
            0
        };
        while let Some(t) = toks.get(k) {
            // the tokens from `k` on that end by the next byte beyond ASCII
            // keep their spans, all at once
            let high = crate::bytes::next_high(bytes, t.start as usize);
            let rest = toks.get(k..).unwrap_or_default();
            let ascii = rest.partition_point(|t| t.end as usize <= high);
            spans.extend(rest[..ascii].iter().map(|t| (t.start, t.end)));
            k += ascii;
            // then the token after them on its own
            let Some(t) = toks.get(k) else {
                break;
            };
            if t.bytes(text).is_ascii() {
                spans.push((t.start, t.end));
            } else {
                let at = buf.len() as u32;
                push_lower(&mut buf, t.text(text));
                spans.push((at, buf.len() as u32));
            }
            k += 1;
        }
        Lowered {
            buf,
            spans,
            text_len: text.len() as u32,
        }
    }

    /// The text with its ASCII capitals lowered (bytes beyond ASCII as
    /// they are), then 16 zero bytes: an ASCII token's lower case is its
    /// own span of it, and the 16 bytes from any token's start can be read
    /// at once.
    #[inline]
    pub fn padded(&self) -> &[u8] {
        self.buf
            .as_bytes()
            .get(..self.text_len as usize + PAD.len())
            .unwrap_or_default()
    }

    /// The bytes of token `i`'s lower case (`lowered[i]` without the
    /// character-boundary checks of slicing a `str`); empty past the end.
    #[inline]
    pub fn bytes(&self, i: usize) -> &[u8] {
        let (a, b) = self.spans.get(i).copied().unwrap_or_default();
        self.buf
            .as_bytes()
            .get(a as usize..b as usize)
            .unwrap_or_default()
    }

    /// Whether token `i` is ASCII (its lower case is then a span of the
    /// text's, with the same length).
    pub fn is_ascii(&self, i: usize) -> bool {
        self.spans.get(i).is_some_and(|&(_, b)| b <= self.text_len)
    }

    /// The lower-case words of tokens `r`.
    pub fn range(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = &str> + '_ {
        r.map(move |i| &self[i])
    }
}

impl std::ops::Index<usize> for Lowered {
    type Output = str;
    #[inline]
    fn index(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.buf[a as usize..b as usize]
    }
}

/// Whether word `w` is all ASCII lower-case letters ("supported", not
/// "Egypt", "U.S." or "'s"): how the rules tell a common word, a verb or an
/// adjective, from a name.
pub fn lower_case(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// The words of `s` joined by single spaces: line breaks and runs of blanks
/// become one space, blanks at the ends go.
pub fn single_spaced(s: &str) -> std::borrow::Cow<'_, str> {
    // the usual case, already so: ASCII with lone spaces inside and none
    // at the ends
    let b = s.as_bytes();
    let mut blank = true;
    let mut plain = true;
    for &c in b {
        if c == b' ' {
            if blank {
                plain = false;
                break;
            }
            blank = true;
        } else if CLASS[usize::from(c)] & (SPACE | NEWLINE | HIGH) != 0 {
            plain = false;
            break;
        } else {
            blank = false;
        }
    }
    let plain = plain && (!blank || b.is_empty());
    if plain {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// Tokens of a whole text (for tests: the library tokenizes into a
/// buffer it keeps, with [`tokenize_into`]).
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut v = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn keeps_initials_after_a_hyphen() {
        assert_eq!(
            words("Azerbaijan-U.S. relations, India-U.K. ties."),
            vec![
                "Azerbaijan-U.S.",
                "relations",
                ",",
                "India-U.K.",
                "ties",
                "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_hyphens() {
        assert_eq!(
            words("The U.S. and Mr. Li's one-China policy."),
            [
                "The",
                "U.S.",
                "and",
                "Mr.",
                "Li",
                "'s",
                "one-China",
                "policy",
                "."
            ]
        );
    }

    #[test]
    fn numbers_and_quotes() {
        assert_eq!(
            words("at 11:25, May 06, 2023 \u{201c}serious\u{201d} 2,000"),
            [
                "at", "11:25", ",", "May", "06", ",", "2023", "\u{201c}", "serious", "\u{201d}",
                "2,000"
            ]
        );
    }

    #[test]
    fn apostrophes_inside_names_stay() {
        assert_eq!(words("Cote d'Ivoire's"), ["Cote", "d'Ivoire", "'s"]);
        assert_eq!(
            words("Lavrov\u{2019}s call"),
            ["Lavrov", "\u{2019}s", "call"]
        );
    }

    #[test]
    fn single_spacing() {
        for s in ["a b", " a  b\n\tc ", "", "  ", "a\u{a0}b", "\u{2028}x y"] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), want, "{s:?}");
        }
    }

    #[test]
    fn alnum_runs_eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..9 {
                let mut v = vec![b'a'; 9];
                v[at] = b;
                let want = if CLASS[usize::from(b)] & ALNUM != 0 {
                    9
                } else {
                    at
                };
                assert_eq!(alnum_end(&v, 0), want, "{b} at {at}");
                // bytes beyond ASCII after the first stop change nothing
                for h in [0x80u8, 0xc3, 0xe2, 0xff] {
                    let mut w = v.clone();
                    for x in w.iter_mut().skip(at + 1) {
                        *x = h;
                    }
                    let want = if CLASS[usize::from(b)] & ALNUM != 0 {
                        at + 1
                    } else {
                        at
                    };
                    assert_eq!(alnum_end(&w, 0), want, "{b} at {at} then {h}");
                }
            }
        }
    }

    /// The tokenizer written plainly, a character at a time, on the
    /// slow paths ([`word_end`], [`number_end`], [`possessive_at`]) alone.
    fn plain_tokens(text: &str, from: usize) -> Vec<Token> {
        let bytes = text.as_bytes();
        let (mut out, mut i, mut newlines) = (Vec::new(), from, 0u8);
        while let Some(c) = text[i..].chars().next() {
            let cl = c.len_utf8();
            if c == '\n' {
                newlines = newlines.saturating_add(1).min(2);
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            let (end, kind) = if c.is_ascii_digit() {
                (number_end(bytes, i + 1), TokKind::Number)
            } else if c.is_alphanumeric() {
                (word_end(text, bytes, i, i + cl), TokKind::Word)
            } else if matches!(c, '\'' | '\u{2019}') && possessive_at(text, bytes, i + cl) {
                (i + cl + 1, TokKind::Word)
            } else {
                (i + cl, TokKind::Punct)
            };
            out.push(Token {
                start: i as u32,
                end: end as u32,
                kind,
                newlines_before: newlines,
            });
            newlines = 0;
            i = end;
        }
        out
    }

    /// Pieces of text for the tokenizer's tests: words, abbreviations,
    /// numbers, apostrophes, hyphens, quotes and blanks beyond ASCII.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "q",
        "s",
        "1",
        "07",
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        ".",
        ",",
        "-",
        "'",
        ":",
        "(",
        "U.S.",
        "U",
        "Mr",
        "Dr",
        "No",
        "vs",
        "Sept",
        "e.g",
        "\u{2019}",
        "\u{2019}s",
        "'s",
        "\u{201c}",
        "\u{201d}",
        "\u{2014}",
        "\u{2010}",
        "\u{2011}",
        "\u{2013}",
        "\u{2026}",
        "\u{2028}",
        "\u{2003}",
        "\u{200b}",
        "\u{202f}",
        "\u{205f}",
        "\u{2070}",
        "\u{a0}",
        "\u{e9}",
        "\u{fc}",
        "\u{130}",
        "\u{4e2d}",
        "\u{660}",
        "\u{2022}",
        "\u{1c}",
    ];

    proptest::proptest! {
        #[test]
        fn tokens_equal_the_plain_version(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            cut in 0usize..8,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(tokenize(&text), plain_tokens(&text, 0));
            // from a later token on, in a prefix of the text
            let from = text.char_indices().nth(cut).map_or(0, |(i, _)| i);
            let to = text.char_indices().rev().nth(cut).map_or(text.len(), |(i, _)| i).max(from);
            let mut toks = Vec::new();
            tokenize_into(&text, from, to, &mut toks);
            proptest::prop_assert_eq!(toks, plain_tokens(&text[..to], from));
        }
    }

    proptest::proptest! {
        #[test]
        fn lowered_tokens_equal_the_plain_version(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
        ) {
            let text = pieces.concat();
            let toks = tokenize(&text);
            let lowers = Lowered::new(&text, &toks);
            for (i, t) in toks.iter().enumerate() {
                let s = t.text(&text);
                let plain: String = s.chars().flat_map(char::to_lowercase).collect();
                proptest::prop_assert_eq!(&lowers[i], plain.as_str());
                proptest::prop_assert_eq!(lowers.is_ascii(i), s.is_ascii());
            }
            let lowered = text.to_ascii_lowercase() + PAD;
            proptest::prop_assert_eq!(lowers.padded(), lowered.as_bytes());
        }
    }

    #[test]
    fn general_punctuation_tokens_equal_the_plain_version() {
        for u in 0x2000..0x2070 {
            let c = char::from_u32(u).unwrap();
            assert!(!is_word_char(c) && !c.is_alphanumeric(), "{u:x}");
            for text in [
                format!("{c}"),
                format!("{c}s"),
                format!("{c}s x"),
                format!("ab{c}"),
                format!("ab{c}s"),
                format!("ab{c}s."),
                format!("ab{c}cd e"),
                format!("A{c}B."),
                format!("1{c}2"),
            ] {
                assert_eq!(tokenize(&text), plain_tokens(&text, 0), "{text:?}");
            }
        }
    }

    #[test]
    fn counts_line_breaks() {
        let t = tokenize("a\nb\n\n\nc");
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            [0, 1, 2]
        );
    }
}
