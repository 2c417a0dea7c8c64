//! Integration tests: the real `synack` binary on real SQLite files.

mod bad_input;
mod cards;
mod concurrency;
mod crash;
mod demo_arq;
mod demo_congestion;
mod demo_encap;
mod demo_flow;
mod demo_handshake;
mod demo_ip;
mod demo_links;
mod demo_sockets;
mod demo_step;
mod demo_tcp_vs_udp;
mod demo_uri;
mod demo_width;
mod export;
mod import;
mod pathological;
mod quiz;
mod schedule;
mod stats;
mod suspend;
mod upgrade;
mod util;
