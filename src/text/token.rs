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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
                if word.len() <= ABBREVIATION_MAX && ABBREVIATIONS.contains(&word) {
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

/// Splits `text[from..to]` into tokens, appending them to `out`.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let Some(bytes) = text.as_bytes().get(..to) else {
        return;
    };
    // a local vector: its length stays in a register between pushes
    let mut toks = std::mem::take(out);
    tokenize_bytes(text, bytes, from, &mut toks);
    *out = toks;
}

/// The loop of [`tokenize_into`] over `bytes` (a prefix of `text`'s) from
/// byte `from`.
#[inline(always)]
fn tokenize_bytes(text: &str, bytes: &[u8], from: usize, out: &mut Vec<Token>) {
    let mut i = from;
    let mut newlines: u8 = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        let start = i;
        let kind;
        if class & ALPHA != 0 {
            kind = TokKind::Word;
            // the usual word: ASCII letters and digits up to a blank or
            // punctuation that cannot join it to more
            i = alnum_end(bytes, i + 1);
            match bytes.get(i) {
                // the most common end of a word: a blank
                Some(&b' ') => {
                    out.push(Token {
                        start: start as u32,
                        end: i as u32,
                        kind: TokKind::Word,
                        newlines_before: newlines,
                    });
                    newlines = 0;
                    i += 1;
                    continue;
                }
                Some(&b) if CLASS[usize::from(b)] & JOIN != 0 => {
                    i = word_end(text, bytes, start, i);
                }
                _ => {}
            }
        } else if class & SPACE != 0 {
            i += 1;
            continue;
        } else if class & NEWLINE != 0 {
            newlines = newlines.saturating_add(1).min(2);
            i += 1;
            continue;
        } else if class & DIGIT != 0 {
            kind = TokKind::Number;
            i = number_end(bytes, i + 1);
        } else if class & HIGH == 0 {
            // ASCII punctuation; a possessive 's is one token, a word
            i += 1;
            kind = if b == b'\'' && possessive_at(text, bytes, i) {
                i += 1;
                TokKind::Word
            } else {
                TokKind::Punct
            };
        } else {
            match high_token(text, bytes, start) {
                None => break,
                Some((end, None)) => {
                    i = end;
                    continue;
                }
                Some((end, Some(k))) => {
                    i = end;
                    kind = k;
                }
            }
        }
        out.push(Token {
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
}

/// Where the first byte beyond ASCII at or after `from` is (`usize::MAX`
/// when there is none).
fn next_high(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    // whole chunks at a time: the word-wise `is_ascii` is much cheaper
    // than a byte loop
    for c in bytes.get(from..).unwrap_or(&[]).chunks(256) {
        if !c.is_ascii() {
            return at + c.iter().position(|&b| b >= 0x80).unwrap_or(0);
        }
        at += c.len();
    }
    usize::MAX
}

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
    /// Lower-cases the tokens of `text`.
    pub fn new(text: &str, toks: &[Token]) -> Lowered {
        let mut buf = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        // the first byte beyond ASCII at or after `from`: a token that ends
        // before it is ASCII, and keeps its span
        let mut from = 0;
        let mut high = next_high(bytes, 0);
        // the tokens before it at once (all of them in an ASCII text)
        let ascii = if high == usize::MAX {
            toks.len()
        } else {
            toks.iter()
                .position(|t| t.end as usize > high)
                .unwrap_or(toks.len())
        };
        let (head, rest) = toks.split_at(ascii);
        let mut spans = Vec::with_capacity(toks.len());
        spans.extend(head.iter().map(|t| (t.start, t.end)));
        for t in rest {
            let (a, b) = (t.start as usize, t.end as usize);
            if a < from || high < a {
                from = a;
                high = next_high(bytes, a);
            }
            if b <= high {
                spans.push((t.start, t.end));
            } else {
                // a byte beyond ASCII lies in the token
                let at = buf.len() as u32;
                buf.extend(t.text(text).chars().flat_map(char::to_lowercase));
                spans.push((at, buf.len() as u32));
            }
        }
        Lowered {
            buf,
            spans,
            text_len: text.len() as u32,
        }
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

/// Tokens of a whole text.
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

    #[test]
    fn counts_line_breaks() {
        let t = tokenize("a\nb\n\n\nc");
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            [0, 1, 2]
        );
    }
}
