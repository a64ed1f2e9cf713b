//! The integration tests, one binary (one link, one run): each module tests
//! one side of the project. Tests that need real articles read them from
//! `../shared` beside the project, and when it is absent say so and pass.

mod analyst;
mod cases;
mod common;
mod copies;
mod corpus;
mod cues;
mod exports;
mod hardening;
mod order;
mod pipeline;
mod properties;
mod queries;
mod report;
mod robustness;
mod seed;
mod spark;
mod story;
mod streaming;
mod tidy;
mod tour;
mod width;
