//! Which edges a query, a skeleton search or an export looks at: kinds and
//! a date range.

use crate::graph::{Edge, Occurrence};
use crate::model::EdgeKind;
use crate::text::date::Date;

/// Which edges a query looks at.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these kinds (all when empty).
    pub kinds: Vec<EdgeKind>,
    /// Only occurrences on or after this date.
    pub since: Option<Date>,
    /// Only occurrences on or before this date.
    pub until: Option<Date>,
}

impl Filter {
    /// Whether an occurrence passes the date bounds (undated ones always do).
    pub fn occurrence(&self, o: &Occurrence) -> bool {
        self.date(o.date)
    }

    /// Whether a date passes the bounds (no date always does).
    pub fn date(&self, d: Option<Date>) -> bool {
        match d {
            None => true,
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }

    /// Whether edges of this kind pass (all do when no kind is named).
    pub fn kind(&self, k: EdgeKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&k)
    }

    /// Whether an edge has any occurrence that passes.
    pub fn edge(&self, e: &Edge) -> bool {
        self.kind(e.kind) && e.occurrences.iter().any(|o| self.occurrence(o))
    }
}
