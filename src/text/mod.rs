//! Stage 1, text: articles as read (files, folders, JSON Lines), dates, the
//! tokenizer and the sentence splitter. Knows nothing of lexicons or graphs.

pub mod article;
pub mod date;
pub mod fold;
pub mod input;
pub mod sentence;
pub mod token;
