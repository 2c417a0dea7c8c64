//! Integration tests: the real `synack` binary on real SQLite files.

mod bad_input;
mod cards;
mod concurrency;
mod crash;
mod demo_encap;
mod demo_handshake;
mod demo_ip;
mod demo_links;
mod demo_sockets;
mod demo_tcp_vs_udp;
mod demo_uri;
mod export;
mod import;
mod pathological;
mod quiz;
mod schedule;
mod stats;
mod upgrade;
mod util;
