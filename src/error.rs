//! The library's typed errors: every failure names the file (and line and
//! column where there is one) and says what to do.

use std::path::PathBuf;

/// Everything the library can fail with. The CLI turns these into messages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder (`<stdin>` for standard input).
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// An article could not be used (empty, binary, too large, bad header...).
    #[error("{origin}: {reason}")]
    Article {
        /// Where the article came from: a path, `FILE.jsonl:LINE` or `<stdin>`.
        origin: String,
        /// What is wrong with it and, where possible, what to do.
        reason: String,
    },
    /// A RON document (graph file or lexicon) did not parse.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file that did not parse.
        path: PathBuf,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// A graph file of a format this version does not know.
    #[error("{path}: graph format version {found} is newer than this ties understands ({supported}); upgrade ties")]
    Version {
        /// The graph file.
        path: PathBuf,
        /// The format version the file says it has.
        found: u32,
        /// The newest format version this build reads.
        supported: u32,
    },
    /// A lexicon entry that makes no sense (unknown country code, empty name...).
    #[error("{origin}: {message}")]
    Lexicon {
        /// The lexicon file or list at fault (`countries.ron`, `words.non_names`).
        origin: String,
        /// What is wrong with it.
        message: String,
    },
    /// A name that matches no entity of the graph.
    #[error("no entity named {name:?}{}", suggest(.suggestions))]
    UnknownEntity {
        /// The name as the user gave it.
        name: String,
        /// Names of the graph close to it, offered as `did you mean`; may be empty.
        suggestions: Vec<String>,
    },
    /// Anything else a user asked for that cannot be done.
    #[error("{0}")]
    Invalid(String),
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A RON parse error on `path`, keeping ron's 1-based line and column.
    pub fn ron(path: impl Into<PathBuf>, err: &ron::error::SpannedError) -> Self {
        Error::Parse {
            path: path.into(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.to_string(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
