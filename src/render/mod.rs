//! Presentation: Markdown for the terminal and width-aware text alignment.

pub mod terminal;
pub mod width;
