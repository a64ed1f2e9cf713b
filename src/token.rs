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
}

/// Words that end with a dot which is not a full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt", "Sen", "Rep",
    "Gov", "Prof", "Rev", "Amb", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Inc", "Ltd", "Corp", "Co", "vs", "No", "Nos", "Adm", "Brig", "Sgt", "Hon", "Ave",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character at byte `i` of `text[..to]`, decoding only beyond ASCII.
#[inline]
fn char_at(text: &str, i: usize, to: usize) -> Option<char> {
    match text.as_bytes()[..to].get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..to].chars().next(),
        None => None,
    }
}

/// Splits `text[from..to]` into tokens, appending them to `out`.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let bytes = &text.as_bytes()[..to];
    let mut i = from;
    let mut newlines: u8 = 0;
    while i < to {
        // blanks between words, the commonest byte after letters
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let c = match char_at(text, i, to) {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                newlines = newlines.saturating_add(1).min(2);
            }
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokKind::Number;
            i += 1;
            while i < to {
                let b = bytes[i];
                if b.is_ascii_digit() {
                    i += 1;
                } else if matches!(b, b',' | b'.' | b':')
                    && i + 1 < to
                    && bytes[i + 1].is_ascii_digit()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // "10th", "1990s": letters glued to a number stay with it
            while i < to && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
        } else if is_word_char(c) {
            kind = TokKind::Word;
            i += cl;
            loop {
                // ASCII letters and digits without decoding
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                let Some(n) = char_at(text, i, to) else {
                    break;
                };
                if is_word_char(n) {
                    i += n.len_utf8();
                    continue;
                }
                let after = char_at(text, i + n.len_utf8(), to);
                match n {
                    '-' | '\u{2010}' | '\u{2011}' if after.is_some_and(is_word_char) => {
                        i += n.len_utf8();
                    }
                    '\'' | '\u{2019}' => {
                        // possessive 's ends the word; d'Ivoire, don't continue it
                        let rest = &text[i + n.len_utf8()..to];
                        let possessive = rest.starts_with('s')
                            && !rest[1..].chars().next().is_some_and(is_word_char);
                        if !possessive && after.is_some_and(is_word_char) {
                            i += n.len_utf8();
                        } else {
                            break;
                        }
                    }
                    '.' => {
                        let word = &text[start..i];
                        let initials = word
                            .split('.')
                            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
                        if initials {
                            i += 1;
                            if after.is_some_and(|a| a.is_alphabetic())
                                && text[i..to].chars().nth(1) == Some('.')
                            {
                                continue;
                            }
                            break;
                        }
                        if ABBREVIATIONS.contains(&word) {
                            i += 1;
                        }
                        break;
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokKind::Punct;
            // a possessive 's is one token
            if (c == '\'' || c == '\u{2019}') && text[i + cl..to].starts_with('s') {
                let after = char_at(text, i + cl + 1, to);
                if !after.is_some_and(is_word_char) {
                    i += cl + 1;
                    out.push(Token {
                        start: start as u32,
                        end: i as u32,
                        kind: TokKind::Word,
                        newlines_before: newlines,
                    });
                    newlines = 0;
                    continue;
                }
            }
            i += cl;
        }
        out.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            newlines_before: newlines,
        });
        newlines = 0;
    }
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
}

impl Lowered {
    /// Lower-cases the tokens of `text`.
    pub fn new(text: &str, toks: &[Token]) -> Lowered {
        let mut buf = text.to_ascii_lowercase();
        let spans = toks
            .iter()
            .map(|t| {
                let s = t.text(text);
                if s.is_ascii() {
                    (t.start, t.end)
                } else {
                    let at = buf.len() as u32;
                    buf.extend(s.chars().flat_map(char::to_lowercase));
                    (at, buf.len() as u32)
                }
            })
            .collect();
        Lowered { buf, spans }
    }

    /// The lower-case words of tokens `r`.
    pub fn range(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = &str> + '_ {
        r.map(move |i| &self[i])
    }
}

impl std::ops::Index<usize> for Lowered {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.buf[a as usize..b as usize]
    }
}

/// The words of `s` joined by single spaces: line breaks and runs of blanks
/// become one space, blanks at the ends go.
pub fn single_spaced(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    // the usual case, already so: ASCII with lone spaces inside
    let plain = s.is_ascii()
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.iter().any(|c| matches!(c, b'\t'..=b'\r'))
        && !b.windows(2).any(|w| w == b"  ");
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
    fn counts_line_breaks() {
        let t = tokenize("a\nb\n\n\nc");
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            [0, 1, 2]
        );
    }
}
