//! A home router's NAPT (network address and port translation) as a pure
//! model: inside endpoints are mapped to the router's public address and a
//! port of its own, and inbound packets are let in or dropped, with the
//! mapping and filtering behaviours RFC 4787 names. No sockets, no clock:
//! the `ip` demo drives it, and other demos (WebRTC's ICE, STUN) reuse it.
//!
//! RFC 4787's words and the older RFC 3489 "cone" names line up as: full
//! cone = endpoint-independent mapping and filtering; restricted cone =
//! endpoint-independent mapping, address-dependent filtering; port-restricted
//! cone = endpoint-independent mapping, address-and-port-dependent filtering;
//! symmetric = address-and-port-dependent mapping.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddrV4};

use serde::Serialize;

/// When the NAT reuses a mapping for a new destination (RFC 4787 §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mapping {
    /// One public port per inside endpoint, whatever the destination (REQ-1)
    #[value(help = crate::tr!("demo-nat-mapping-ei"))]
    EndpointIndependent,
    /// A new public port for each destination address
    #[value(help = crate::tr!("demo-nat-mapping-ad"))]
    AddressDependent,
    /// A new public port for each destination address and port ("symmetric")
    #[value(help = crate::tr!("demo-nat-mapping-apd"))]
    AddressAndPortDependent,
}

/// Which inbound packets a mapping lets in (RFC 4787 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Filtering {
    /// From anyone, once the mapping exists
    #[value(help = crate::tr!("demo-nat-filtering-ei"))]
    EndpointIndependent,
    /// Only from addresses the inside endpoint has sent to
    #[value(help = crate::tr!("demo-nat-filtering-ad"))]
    AddressDependent,
    /// Only from the exact address and port it has sent to
    #[value(help = crate::tr!("demo-nat-filtering-apd"))]
    AddressAndPortDependent,
}

impl fmt::Display for Mapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mapping::EndpointIndependent => "endpoint-independent",
            Mapping::AddressDependent => "address-dependent",
            Mapping::AddressAndPortDependent => "address-and-port-dependent",
        })
    }
}

impl fmt::Display for Filtering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Filtering::EndpointIndependent => "endpoint-independent",
            Filtering::AddressDependent => "address-dependent",
            Filtering::AddressAndPortDependent => "address-and-port-dependent",
        })
    }
}

/// One translation: an inside endpoint and the public endpoint it goes out
/// as, with the remote endpoints it has sent to through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Binding {
    pub inside: SocketAddrV4,
    pub outside: SocketAddrV4,
    /// Every remote endpoint sent to through this binding, in order.
    pub remotes: Vec<SocketAddrV4>,
}

/// What the NAT did with an inbound packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Inbound {
    /// Translated and passed to this inside endpoint.
    Delivered { inside: SocketAddrV4 },
    /// No binding has that public port.
    NoMapping,
    /// A binding exists but its filtering refuses this sender.
    Filtered { inside: SocketAddrV4 },
}

/// A NAPT with one public address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nat {
    pub public: Ipv4Addr,
    pub mapping: Mapping,
    pub filtering: Filtering,
    next_port: u16,
    bindings: Vec<Binding>,
}

impl Nat {
    /// A NAT that hands out public ports from `first_port` up, one by one
    /// (wrapping inside 1024..=65535).
    pub fn new(public: Ipv4Addr, first_port: u16, mapping: Mapping, filtering: Filtering) -> Nat {
        Nat {
            public,
            mapping,
            filtering,
            next_port: first_port.max(1024),
            bindings: Vec::new(),
        }
    }

    /// The bindings so far, in the order they were made.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// An inside endpoint sends to `remote`: returns the public endpoint the
    /// packet leaves with, reusing a binding where the mapping behaviour
    /// allows (RFC 4787 §4.1) and making one otherwise.
    pub fn outbound(&mut self, inside: SocketAddrV4, remote: SocketAddrV4) -> SocketAddrV4 {
        let mapping = self.mapping;
        let reuse = self.bindings.iter().position(|b| {
            b.inside == inside
                && match mapping {
                    Mapping::EndpointIndependent => true,
                    Mapping::AddressDependent => b.remotes.iter().any(|r| r.ip() == remote.ip()),
                    Mapping::AddressAndPortDependent => b.remotes.contains(&remote),
                }
        });
        let i = match reuse {
            Some(i) => i,
            None => {
                let port = self.free_port();
                self.bindings.push(Binding {
                    inside,
                    outside: SocketAddrV4::new(self.public, port),
                    remotes: Vec::new(),
                });
                self.bindings.len() - 1
            }
        };
        let b = &mut self.bindings[i];
        if !b.remotes.contains(&remote) {
            b.remotes.push(remote);
        }
        b.outside
    }

    /// A packet from `remote` arrives for the public port `port`: whether
    /// the filtering behaviour lets it in (RFC 4787 §5).
    pub fn inbound(&self, remote: SocketAddrV4, port: u16) -> Inbound {
        let Some(b) = self.bindings.iter().find(|b| b.outside.port() == port) else {
            return Inbound::NoMapping;
        };
        let allowed = match self.filtering {
            Filtering::EndpointIndependent => true,
            Filtering::AddressDependent => b.remotes.iter().any(|r| r.ip() == remote.ip()),
            Filtering::AddressAndPortDependent => b.remotes.contains(&remote),
        };
        if allowed {
            Inbound::Delivered { inside: b.inside }
        } else {
            Inbound::Filtered { inside: b.inside }
        }
    }

    fn free_port(&mut self) -> u16 {
        loop {
            let port = self.next_port;
            self.next_port = if port == u16::MAX { 1024 } else { port + 1 };
            if self.bindings.iter().all(|b| b.outside.port() != port) {
                return port;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(s: &str) -> SocketAddrV4 {
        s.parse().unwrap()
    }

    const PUBLIC: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);

    /// The same sends under each mapping: A to a web server, A to a STUN
    /// server (another address), A to the STUN server's other port.
    fn ports(mapping: Mapping) -> Vec<u16> {
        let mut nat = Nat::new(PUBLIC, 40000, mapping, Filtering::EndpointIndependent);
        let a = ep("192.168.0.10:50000");
        [
            "198.51.100.20:443",
            "192.0.2.30:3478",
            "192.0.2.30:3479",
            "198.51.100.20:443",
        ]
        .iter()
        .map(|r| nat.outbound(a, ep(r)).port())
        .collect()
    }

    #[test]
    fn mapping_behaviours_reuse_ports_as_rfc_4787_says() {
        assert_eq!(
            ports(Mapping::EndpointIndependent),
            [40000, 40000, 40000, 40000]
        );
        assert_eq!(
            ports(Mapping::AddressDependent),
            [40000, 40001, 40001, 40000]
        );
        assert_eq!(
            ports(Mapping::AddressAndPortDependent),
            [40000, 40001, 40002, 40000]
        );
    }

    #[test]
    fn two_hosts_with_the_same_inside_port_get_different_public_ports() {
        let mut nat = Nat::new(
            PUBLIC,
            40000,
            Mapping::EndpointIndependent,
            Filtering::AddressAndPortDependent,
        );
        let web = ep("198.51.100.20:443");
        let a = nat.outbound(ep("192.168.0.10:50000"), web);
        let b = nat.outbound(ep("192.168.0.11:50000"), web);
        assert_eq!(a, ep("203.0.113.7:40000"));
        assert_eq!(b, ep("203.0.113.7:40001"));
        assert_eq!(
            nat.inbound(web, 40001),
            Inbound::Delivered {
                inside: ep("192.168.0.11:50000")
            }
        );
        assert_eq!(nat.inbound(web, 40002), Inbound::NoMapping);
    }

    #[test]
    fn filtering_behaviours_admit_as_rfc_4787_says() {
        let verdicts = |filtering| {
            let mut nat = Nat::new(PUBLIC, 40000, Mapping::EndpointIndependent, filtering);
            nat.outbound(ep("192.168.0.10:50000"), ep("192.0.2.30:3478"));
            ["192.0.2.30:3478", "192.0.2.30:3479", "198.51.100.99:5000"]
                .iter()
                .map(|r| matches!(nat.inbound(ep(r), 40000), Inbound::Delivered { .. }))
                .collect::<Vec<_>>()
        };
        assert_eq!(verdicts(Filtering::EndpointIndependent), [true, true, true]);
        assert_eq!(verdicts(Filtering::AddressDependent), [true, true, false]);
        assert_eq!(
            verdicts(Filtering::AddressAndPortDependent),
            [true, false, false]
        );
    }

    #[test]
    fn ports_wrap_and_skip_those_in_use() {
        let mut nat = Nat::new(
            PUBLIC,
            65535,
            Mapping::AddressAndPortDependent,
            Filtering::EndpointIndependent,
        );
        let a = ep("192.168.0.10:1");
        assert_eq!(nat.outbound(a, ep("192.0.2.1:1")).port(), 65535);
        assert_eq!(nat.outbound(a, ep("192.0.2.1:2")).port(), 1024);
        assert_eq!(nat.bindings().len(), 2);
    }
}
