//! synack: a terminal flashcard engine for networking interview prep.
//!
//! Markdown notes go in through [`import`], which turns them into cards with
//! the rules in [`deck`] and writes them through [`store`], the only module
//! that speaks SQL. The [`cli`] module is the edge: it reads arguments, the
//! environment and the clock, and hands plain values inward.

pub mod cli;
pub mod clock;
pub mod deck;
pub mod exercise;
pub mod exit;
pub mod export;
pub mod i18n;
pub mod import;
pub mod leftovers;
pub mod markdown;
pub mod quiz;
pub mod render;
pub mod schedule;
pub mod sim;
pub mod store;

pub use cli::run;
