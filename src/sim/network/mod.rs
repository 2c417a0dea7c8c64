//! The network layer's demos and below: IP addressing and NAT, and one
//! request's encapsulation from application data down to an Ethernet frame.

pub mod encap;
pub mod ip;
pub mod nat;
