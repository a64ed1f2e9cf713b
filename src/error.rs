//! The library's typed errors: every failure names the file (and line and
//! column where there is one) and says what to do.

use std::path::PathBuf;

/// Everything the library can fail with. The CLI turns these into messages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An article could not be used (empty, binary, too large, bad header...).
    #[error("{origin}: {reason}")]
    Article { origin: String, reason: String },
    /// A RON document (graph file or lexicon) did not parse.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A graph file of a format this version does not know.
    #[error("{path}: graph format version {found} is newer than this ties understands ({supported}); upgrade ties")]
    Version {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A lexicon entry that makes no sense (unknown country code, empty name...).
    #[error("{origin}: {message}")]
    Lexicon { origin: String, message: String },
    /// A name that matches no entity of the graph.
    #[error("no entity named {name:?}{}", suggest(.suggestions))]
    UnknownEntity {
        name: String,
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
