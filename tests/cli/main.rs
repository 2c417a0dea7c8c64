//! Integration tests: the real `synack` binary on real SQLite files.

mod bad_input;
mod cards;
mod import;
mod schedule;
mod util;
