//! Integration tests: the real `synack` binary on real SQLite files.

mod bad_input;
mod cards;
mod concurrency;
mod crash;
mod demo_cors;
mod demo_handshake;
mod demo_http;
mod demo_sockets;
mod demo_uri;
mod demo_websocket;
mod export;
mod import;
mod pathological;
mod quiz;
mod schedule;
mod stats;
mod upgrade;
mod util;
