//! Stage 8: queries. Neighbors of an entity, everything between two sides
//! (their people included), shortest paths and timelines, with filters by
//! edge kind and date.

mod between;
mod dyads;
mod entities;
mod events;
mod level;
mod lookup;
mod neighbors;
mod path;
mod record;
mod show;
mod stats;
mod suggest;
mod timeline;
mod why;

pub use crate::graph::filter::Filter;
pub use between::*;
pub use dyads::*;
pub use entities::*;
pub use events::*;
pub use level::*;
pub use lookup::*;
pub use neighbors::*;
pub use path::*;
pub use record::*;
pub use show::*;
pub use stats::*;
pub use suggest::*;
pub use timeline::*;
pub use why::*;
