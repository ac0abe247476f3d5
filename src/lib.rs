//! quotecheck checks the quotations in news writing against a curated record
//! of what people actually said.
//!
//! The library does all the work and never prints; the binary parses the
//! command line, picks a renderer and maps the report to an exit code. Data
//! flows one way, and the modules follow it:
//!
//! [`catalog`] (quotes.yaml, validated) → [`corpus`] (articles read) →
//! [`text`] (words with byte spans, typography folded) → [`quotations`] (the
//! spans between quotation marks) → [`matcher`] (candidates from an index,
//! then word alignment) → [`drift`] (classify, word diff) → [`attribution`]
//! (who the article says spoke) → [`report`]
//! (findings) → [`render`] (human, json).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribution;
pub mod catalog;
pub mod check;
pub mod config;
pub mod corpus;
pub mod drift;
pub mod exit;
#[doc(hidden)]
pub mod fuzz;
pub mod init;
pub mod matcher;
pub mod quotations;
pub mod render;
pub mod report;
#[cfg(test)]
mod seeded;
pub mod text;
