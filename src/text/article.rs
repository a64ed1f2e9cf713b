//! Stage 1: an article as read, with its id, date, title and the text that
//! every evidence span points into.

use crate::error::{Error, Result};
use crate::text::date::Date;

/// Where an article came from: the file it was read from (`FILE.jsonl:LINE`
/// for a JSON Lines record, `<stdin>` for standard input), and a record's
/// `url` and `source` (the outlet), when given. Kept in the graph so that
/// evidence can be followed back.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Provenance {
    /// The file (or `FILE.jsonl:LINE`, `<stdin>`) it was read from.
    pub origin: String,
    /// The article's address on the web.
    pub url: Option<String>,
    /// The outlet that published it (`Xinhua`, `Reuters`).
    pub source: Option<String>,
}

impl Provenance {
    /// Whether nothing is known of where the article came from.
    pub fn is_empty(&self) -> bool {
        self.origin.is_empty() && self.url.is_none() && self.source.is_none()
    }
}

/// One news article. `text` is what evidence byte spans index: the file as
/// read (header line included), or for a JSON Lines record its title and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the file stem or the JSON `id`.
    pub id: String,
    /// The article's date, from the header line or the JSON `date`.
    pub date: Option<Date>,
    /// The headline, where there is one.
    pub title: Option<String>,
    /// The full text; evidence spans are byte offsets into it.
    pub text: String,
    /// Byte range of the title inside `text` (empty when there is none).
    pub title_span: (usize, usize),
    /// Byte offset where the body starts (after the header line).
    pub body_start: usize,
    /// Where it came from (empty when built from a string).
    pub provenance: Provenance,
}

impl Article {
    /// Reads an article from raw text whose first line may be a header
    /// ` date YYYY-MM-DD Title` (leading space optional). A header whose date
    /// does not exist is an error naming `id`.
    pub fn parse(id: impl Into<String>, text: impl Into<String>) -> Result<Article> {
        let id = id.into();
        let text = text.into();
        let first_end = text.find('\n').unwrap_or(text.len());
        let first = &text[..first_end];
        let lead = first.len() - first.trim_start_matches([' ', '\u{feff}']).len();
        let rest = &first[lead..];
        let mut art = Article {
            id,
            date: None,
            title: None,
            title_span: (0, 0),
            body_start: 0,
            text: String::new(),
            provenance: Provenance::default(),
        };
        if let Some(after) = rest.strip_prefix("date ") {
            let after_trim = after.trim_start();
            let date_str = after_trim.get(..10).unwrap_or(after_trim);
            if date_str.len() == 10
                && date_str.as_bytes()[4] == b'-'
                && date_str.bytes().filter(u8::is_ascii_digit).count() == 8
            {
                let date = Date::parse_iso(date_str).ok_or_else(|| Error::Article {
                    origin: art.id.clone(),
                    reason: format!(
                        "line 1: header date {date_str} does not exist; write it as YYYY-MM-DD"
                    ),
                })?;
                art.date = Some(date);
                let title_start = first_end - after_trim[10..].len();
                let raw_title = &text[title_start..first_end];
                let t = raw_title.trim();
                if !t.is_empty() {
                    let s = title_start + (raw_title.len() - raw_title.trim_start().len());
                    art.title_span = (s, s + t.len());
                    art.title = Some(t.to_string());
                }
                art.body_start = (first_end + 1).min(text.len());
            }
        }
        art.text = text;
        Ok(art)
    }

    /// Builds an article from separate parts (a JSON Lines record). The title,
    /// when given, becomes the first paragraph of `text`.
    pub fn from_parts(
        id: impl Into<String>,
        date: Option<Date>,
        title: Option<String>,
        body: &str,
    ) -> Article {
        let t = title.as_deref().unwrap_or_default();
        // at its size at once: `format!` would grow it step by step
        let mut text = String::with_capacity(title_room(t) + body.len());
        let body_start = put_title(&mut text, t);
        text.push_str(body);
        Article::from_joined(id.into(), date, title, text, body_start)
    }

    /// As [`Article::from_parts`] of `title` and the body `text[body_start..]`,
    /// where `text` holds already what `from_parts` puts before the body:
    /// the trimmed title and a blank line (`body_start` bytes, none without
    /// a title). The reader of a record writes the body there: no copy.
    pub(crate) fn from_joined(
        id: String,
        date: Option<Date>,
        title: Option<String>,
        text: String,
        body_start: usize,
    ) -> Article {
        let title = title.map(trimmed).filter(|t| !t.is_empty());
        let title_span = (0, title.as_ref().map_or(0, String::len));
        Article {
            id,
            date,
            title,
            text,
            title_span,
            body_start,
            provenance: Provenance::default(),
        }
    }
}

/// Puts what an article's text holds before its body onto the empty
/// `text`: `title` trimmed and a blank line, nothing for an empty title.
/// Returns where the body begins ([`Article::from_joined`]).
pub(crate) fn put_title(text: &mut String, title: &str) -> usize {
    let t = title.trim();
    if !t.is_empty() {
        text.push_str(t);
        text.push_str("\n\n");
    }
    text.len()
}

/// The bytes [`put_title`] puts for `title`.
pub(crate) fn title_room(title: &str) -> usize {
    match title.trim().len() {
        0 => 0,
        n => n + 2,
    }
}

/// `s` without its leading and trailing white space, in place: most titles
/// have none, and keep their bytes.
fn trimmed(mut s: String) -> String {
    let len = s.trim().len();
    if len == s.len() {
        return s;
    }
    let lead = s.len() - s.trim_start().len();
    s.truncate(lead + len);
    s.drain(..lead);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_articles_are_the_articles_of_their_parts() {
        let body = "  Body text.\n";
        for title in [None, Some(""), Some("  "), Some("Title"), Some(" Title \t")] {
            let title = title.map(str::to_string);
            let parts = Article::from_parts("x".to_string(), None, title.clone(), body);
            let t = title.as_deref().map_or("", str::trim);
            let (text, from) = match t.is_empty() {
                true => (body.to_string(), 0),
                false => (format!("{t}\n\n{body}"), t.len() + 2),
            };
            let joined = Article::from_joined("x".into(), None, title, text, from);
            assert_eq!(joined, parts);
        }
    }

    #[test]
    fn reads_header_line() {
        let a = Article::parse("x", " date 2023-05-06 Pakistan, China vow\n\nBody.").unwrap();
        assert_eq!(a.date.unwrap().to_string(), "2023-05-06");
        assert_eq!(a.title.as_deref(), Some("Pakistan, China vow"));
        assert_eq!(
            &a.text[a.title_span.0..a.title_span.1],
            "Pakistan, China vow"
        );
        assert_eq!(&a.text[a.body_start..], "\nBody.");
    }

    #[test]
    fn header_is_optional_and_leading_space_too() {
        let a = Article::parse("x", "date 2020-01-02\nText").unwrap();
        assert_eq!(a.date.unwrap().to_string(), "2020-01-02");
        assert!(a.title.is_none());
        let b = Article::parse("y", "Just text.").unwrap();
        assert!(b.date.is_none());
        assert_eq!(b.body_start, 0);
    }

    #[test]
    fn impossible_header_date_is_an_error_naming_the_article() {
        let e = Article::parse("bad", " date 2023-02-30 T\nx").unwrap_err();
        assert!(e.to_string().contains("bad"), "{e}");
        assert!(e.to_string().contains("2023-02-30"), "{e}");
    }

    #[test]
    fn titles_are_trimmed_in_place() {
        for t in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "  a b \n",
            "\u{2003}é x\u{a0}",
            "\t",
        ] {
            assert_eq!(trimmed(t.to_string()), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn parts_put_title_first() {
        let a = Article::from_parts("j", None, Some("Head".into()), "Body");
        assert_eq!(a.text, "Head\n\nBody");
        assert_eq!(a.title_span, (0, 4));
    }
}
