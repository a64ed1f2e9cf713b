//! Stage 2: sentences. Splits an article's tokens into sentences, joining
//! lines broken mid-sentence and keeping abbreviations ("U.S.") whole.

use crate::text::article::Article;
use crate::text::token::{tokenize_into, tokenize_marked, TokKind, Token};

/// One sentence: its index in the article, byte span and token range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    /// Range into the article's token list.
    pub tokens: std::ops::Range<usize>,
}

/// The token's first character (a blank for none); ASCII without decoding.
fn first_char(t: &Token, text: &str) -> char {
    match t.bytes(text).first() {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => t.text(text).chars().next().unwrap_or(' '),
    }
}

/// Whether a token's bytes are a closing quote or bracket.
fn is_closer(s: &[u8]) -> bool {
    // ” and ’ are U+201D and U+2019
    matches!(
        s,
        b"\"" | b"\xE2\x80\x9D" | b"'" | b"\xE2\x80\x99" | b")" | b"]"
    )
}

/// Whether a token's bytes are a bullet: •, ●, ▪, ‣ or "*".
fn is_bullet(s: &[u8]) -> bool {
    matches!(
        s,
        b"\xE2\x80\xA2" | b"\xE2\x97\x8F" | b"\xE2\x96\xAA" | b"\xE2\x80\xA3" | b"*"
    )
}

/// Whether the stop at token `i` (after another token) touches a word on
/// both sides ("Azerbaijan-U.S. ties"): inside an abbreviation, no end.
fn glued_between_words(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    tokens[i - 1].end == t.start
        && tokens[i - 1].kind == TokKind::Word
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && n.kind == TokKind::Word)
}

/// A hash of a text's words, whitespace aside (equal words, equal hash): a
/// sentence repeated, or printed again by another outlet, has the same.
/// (The model reaches the byte trick through the text layer, as the layers
/// allow.)
pub(crate) fn words_hash(text: &str) -> u64 {
    crate::bytes::words_hash(text)
}

/// Whether two texts have the same words, whatever white space is between.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    // most texts compared differ in their first word, told off the bytes
    a == b
        || (!crate::bytes::first_words_differ(a.as_bytes(), b.as_bytes())
            && a.split_whitespace().eq(b.split_whitespace()))
}

/// Tokenizes `article` and splits it into sentences. The header's title is
/// sentence 0 when there is one.
pub fn split(article: &Article) -> (Vec<Token>, Vec<Sentence>) {
    let mut out = Split::default();
    split_into(article, &mut out);
    (out.tokens, out.sentences)
}

/// The lists [`split_into`] fills, kept from one article to the next so
/// that each article needs no fresh memory for them.
#[derive(Default)]
pub(crate) struct Split {
    /// The article's tokens.
    pub tokens: Vec<Token>,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// The bits of its stops (a scratch list).
    stops: Vec<u64>,
}

/// [`split`] into the lists of `out`, emptied first.
pub(crate) fn split_into(article: &Article, out: &mut Split) {
    let text = article.text.as_str();
    let Split {
        tokens,
        sentences,
        stops,
    } = out;
    tokens.clear();
    sentences.clear();
    tokens.reserve(text.len() / 5);
    sentences.reserve(text.len() / 128 + 2);
    if article.title_span.1 > article.title_span.0 {
        tokenize_into(text, article.title_span.0, article.title_span.1, tokens);
        push(sentences, tokens, 0..tokens.len());
    }
    let body_from = tokens.len();
    let body_start = article.body_start.max(article.title_span.1);
    // the body's punctuation and tokens after a blank line, a bit each (a
    // token has a byte at least: the text's length in bits is room enough)
    stops.clear();
    stops.resize(text.len() / 64 + 2, 0);
    tokenize_marked(text, body_start, text.len(), tokens, stops);
    let mut start = body_from;
    let n = tokens.len();
    let mut i = body_from;
    while i < n {
        let mut t = tokens[i];
        if t.kind != TokKind::Punct {
            // words and numbers matter only before a blank line: go to the
            // last one before punctuation or a blank line
            i = crate::bytes::next_bit(stops, i + 1).map_or(n, |k| k.min(n)) - 1;
            t = tokens[i];
        }
        let mut end = i + 1;
        let mut boundary = false;
        // only punctuation ends a sentence by itself; words and numbers end
        // one only before a blank line
        let s = if t.kind == TokKind::Punct {
            t.bytes(text)
        } else {
            b""
        };
        if t.kind == TokKind::Punct && is_bullet(s) && (t.newlines_before > 0 || i == start) {
            push(sentences, tokens, start..i);
            start = i + 1;
            i += 1;
            continue;
        }
        // … is U+2026
        if t.kind == TokKind::Punct && matches!(s, b"." | b"!" | b"?" | b"\xE2\x80\xA6") {
            while end < n && tokens[end].newlines_before == 0 && is_closer(tokens[end].bytes(text))
            {
                end += 1;
            }
            let glued = end == i + 1 && i > start && glued_between_words(tokens, i);
            boundary = match tokens.get(end) {
                None => true,
                Some(_) if glued => false,
                Some(next) => {
                    let c = first_char(next, text);
                    next.newlines_before > 0 || !c.is_lowercase()
                }
            };
        } else if let Some(next) = tokens.get(end) {
            // a blank line ends a sentence unless the text goes on in lower case
            if next.newlines_before >= 2 {
                boundary = !first_char(next, text).is_lowercase()
                    && !matches!(next.bytes(text), b")" | b"," | b";");
            }
        }
        if boundary {
            push(sentences, tokens, start..end);
            start = end;
        }
        i = end;
    }
    push(sentences, tokens, start..n);
}

/// The most tokens a sentence may have; text without full stops is cut into
/// pieces of this size so that no input makes extraction slow.
pub const MAX_TOKENS: usize = 200;

fn push(out: &mut Vec<Sentence>, tokens: &[Token], r: std::ops::Range<usize>) {
    if r.is_empty() {
        return;
    }
    if r.len() > MAX_TOKENS {
        let mid = r.start + MAX_TOKENS;
        push(out, tokens, r.start..mid);
        push(out, tokens, mid..r.end);
        return;
    }
    out.push(Sentence {
        index: out.len(),
        start: tokens[r.start].start as usize,
        end: tokens[r.end - 1].end as usize,
        tokens: r,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_the_same_whatever_white_space_is_between_words() {
        assert!(same_words("Xi met\n Lula", "Xi  met Lula "));
        assert!(!same_words("Xi met Lula", "Xi met Lula."));
        assert!(!same_words("Xi met", "Xi met Lula"));
    }

    #[test]
    fn long_runs_without_full_stops_are_cut() {
        let text = "word ".repeat(MAX_TOKENS * 3 + 7);
        let a = Article::parse("t", text).unwrap();
        let (_, ss) = split(&a);
        assert_eq!(ss.len(), 4);
        assert!(ss.iter().all(|s| s.tokens.len() <= MAX_TOKENS));
    }

    fn sents(s: &str) -> Vec<String> {
        let a = Article::parse("t", s).unwrap();
        let (_, ss) = split(&a);
        ss.iter()
            .map(|x| a.text[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn splits_on_full_stops_not_abbreviations() {
        assert_eq!(
            sents("He met the U.S. envoy. Mr. Li left! Then? yes."),
            ["He met the U.S. envoy.", "Mr. Li left!", "Then? yes."]
        );
    }

    #[test]
    fn a_stop_glued_inside_a_hyphenated_abbreviation_ends_nothing() {
        assert_eq!(
            sents("They praised Azerbaijan-U.S. ties. Next."),
            ["They praised Azerbaijan-U.S. ties.", "Next."]
        );
    }

    #[test]
    fn joins_lines_broken_mid_sentence() {
        assert_eq!(
            sents("the Belt and Road\nInitiative and\n\nresulted in. Next"),
            ["the Belt and Road\nInitiative and\n\nresulted in.", "Next"]
        );
    }

    #[test]
    fn title_is_its_own_sentence_and_blank_lines_split() {
        assert_eq!(
            sents(" date 2023-05-06 Head line\nByline 11:25\n\nBody \"quoted.\" Next."),
            ["Head line", "Byline 11:25", "Body \"quoted.\"", "Next."]
        );
    }

    #[test]
    fn closers_and_bullets_are_their_characters() {
        for c in ["\"", "\u{201d}", "'", "\u{2019}", ")", "]"] {
            assert!(is_closer(c.as_bytes()), "{c}");
        }
        for c in ["\u{2022}", "\u{25cf}", "\u{25aa}", "\u{2023}", "*"] {
            assert!(is_bullet(c.as_bytes()), "{c}");
        }
        assert_eq!("\u{2026}".as_bytes(), b"\xE2\x80\xA6");
    }

    #[test]
    fn bullets_start_sentences() {
        assert_eq!(
            sents("Intro\n\n  \u{2022} one thing\n  \u{2022} other thing"),
            ["Intro", "one thing", "other thing"]
        );
    }
}
