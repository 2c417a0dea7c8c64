//! Integration tests: the real `synack` binary on real SQLite files.

mod bad_input;
mod cards;
mod concurrency;
mod crash;
mod demo_handshake;
mod demo_sockets;
mod demo_uri;
mod exercise;
mod export;
mod import;
mod pathological;
mod quiz;
mod schedule;
mod stats;
mod suspend;
mod upgrade;
mod util;
