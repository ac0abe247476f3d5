//! The text stage: words with their byte spans in the original, typography
//! folded, and the line index that turns spans back into positions.

pub mod fold;
pub mod lines;
pub mod words;

pub use lines::{LineIndex, Position};
pub use words::{Token, TokenKind, tokenize};
