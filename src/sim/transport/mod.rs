//! The transport layer's demos: TCP's connection state machine and its
//! handshake, the socket API on loopback, and (as they arrive) reliable
//! delivery, flow and congestion control, and TCP against UDP.

pub mod arq;
pub mod congestion;
pub mod flow;
pub mod handshake;
pub mod sockets;
pub mod tcp;
pub mod tcp_vs_udp;
