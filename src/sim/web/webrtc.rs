//! `synack demo webrtc`: how two peers behind NATs find a path to each other
//! with ICE (RFC 8445). Host, server-reflexive and relay candidates; a real
//! STUN Binding request and response (RFC 8489) between a client socket and
//! a tiny STUN server thread on 127.0.0.1, with XOR-MAPPED-ADDRESS decoded;
//! the two NATs simulated by [`crate::sim::network::nat`]; the connectivity
//! checks of every NAT pairing as a matrix (where TURN is needed and why);
//! the SDP offer/answer through a signaling server in outline; and mesh
//! against SFU against MCU for `--peers N`.
//!
//! The STUN header and XOR-MAPPED-ADDRESS are hand-written (the brief allows
//! it): they are the 20-byte header and one 12-byte attribute this demo
//! exists to show byte by byte, and the STUN crates (`stun_codec` with
//! `bytecodec` and `trackable`, `stun-rs`) bring a codec framework for all of
//! RFC 8489's attributes to encode these two. Only IPv4 is handled.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::{Parser, ValueEnum};
use serde::Serialize;
use serde_json::json;

use crate::sim::network::ip::msg;
use crate::sim::network::nat::{Filtering, Inbound, Mapping, Nat};
use crate::sim::trace::{Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "webrtc",
    title: || crate::tr!("demo-webrtc-title"),
    summary: || crate::tr!("demo-webrtc-summary"),
    topics: &[
        "WebRTC",
        "ICE",
        "STUN",
        "TURN",
        "NAT traversal",
        "SDP",
        "SFU",
        "MCU",
    ],
    keywords: &[
        "webrtc",
        "stun",
        "turn",
        "ice",
        "nat traversal",
        "nat 통과",
        "홀 펀칭",
        "hole punching",
        "sdp",
        "sfu",
        "mcu",
        "p2p",
    ],
    run,
};

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-webrtc-examples"))
}

const EXAMPLES: &str = "
  synack demo webrtc
  synack demo webrtc --nat-a symmetric --nat-b port-restricted
  synack demo webrtc --nat-a symmetric --nat-b full-cone
  synack demo webrtc --peers 6";

#[derive(Debug, Parser)]
#[command(
    name = "webrtc",
    about = crate::tr!("demo-webrtc-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_enum, value_name = "KIND", default_value_t = NatKind::PortRestricted,
          help = crate::tr!("demo-webrtc-opt-nat-a"))]
    nat_a: NatKind,
    #[arg(long, value_enum, value_name = "KIND", default_value_t = NatKind::PortRestricted,
          help = crate::tr!("demo-webrtc-opt-nat-b"))]
    nat_b: NatKind,
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u32).range(2..=50),
          help = crate::tr!("demo-webrtc-opt-peers"))]
    peers: u32,
    #[command(flatten)]
    common: Common,
}

// ------------------------------------------------------------------ NATs

/// The classic (RFC 3489) NAT names, as RFC 4787 behaviours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NatKind {
    /// Endpoint-independent mapping and filtering.
    #[value(help = crate::tr!("demo-webrtc-nat-full-cone"))]
    FullCone,
    /// Endpoint-independent mapping, address-dependent filtering.
    #[value(help = crate::tr!("demo-webrtc-nat-address-restricted"))]
    AddressRestricted,
    /// Endpoint-independent mapping, address-and-port-dependent filtering.
    #[value(help = crate::tr!("demo-webrtc-nat-port-restricted"))]
    PortRestricted,
    /// Address-and-port-dependent mapping and filtering.
    #[value(help = crate::tr!("demo-webrtc-nat-symmetric"))]
    Symmetric,
}

impl NatKind {
    pub const ALL: [NatKind; 4] = [
        NatKind::FullCone,
        NatKind::AddressRestricted,
        NatKind::PortRestricted,
        NatKind::Symmetric,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NatKind::FullCone => "full-cone",
            NatKind::AddressRestricted => "address-restricted",
            NatKind::PortRestricted => "port-restricted",
            NatKind::Symmetric => "symmetric",
        }
    }

    /// RFC 4787 §4.1 mapping and §5 filtering of this kind.
    pub fn behaviour(self) -> (Mapping, Filtering) {
        match self {
            NatKind::FullCone => (Mapping::EndpointIndependent, Filtering::EndpointIndependent),
            NatKind::AddressRestricted => {
                (Mapping::EndpointIndependent, Filtering::AddressDependent)
            }
            NatKind::PortRestricted => (
                Mapping::EndpointIndependent,
                Filtering::AddressAndPortDependent,
            ),
            NatKind::Symmetric => (
                Mapping::AddressAndPortDependent,
                Filtering::AddressAndPortDependent,
            ),
        }
    }
}

// ------------------------------------------------------------------ STUN

/// Every STUN message carries it at bytes 4..8 (RFC 8489 §5); XOR-MAPPED-
/// ADDRESS is XORed with it.
pub const MAGIC_COOKIE: u32 = 0x2112_A442;
/// Binding request and Binding success response (RFC 8489 §6, §18.2).
pub const BINDING_REQUEST: u16 = 0x0001;
pub const BINDING_SUCCESS: u16 = 0x0101;
/// The XOR-MAPPED-ADDRESS attribute type (RFC 8489 §14.2).
pub const XOR_MAPPED_ADDRESS: u16 = 0x0020;

/// Why bytes are not the STUN message this demo expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StunError {
    #[error("{}", crate::tr!("demo-webrtc-stun-short"))]
    Short,
    #[error("{}", crate::tr!("demo-webrtc-stun-not-stun"))]
    NotStun,
    #[error("{}", crate::tr!("demo-webrtc-stun-length"))]
    Length,
    #[error("{}", crate::tr!("demo-webrtc-stun-no-address"))]
    NoAddress,
}

/// A parsed STUN message: its type, transaction id and, if present, the
/// decoded XOR-MAPPED-ADDRESS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stun {
    pub kind: u16,
    pub transaction: [u8; 12],
    pub mapped: Option<SocketAddrV4>,
}

fn header(kind: u16, body_len: u16, transaction: &[u8; 12]) -> Vec<u8> {
    let mut m = Vec::with_capacity(20 + body_len as usize);
    m.extend_from_slice(&kind.to_be_bytes());
    m.extend_from_slice(&body_len.to_be_bytes());
    m.extend_from_slice(&MAGIC_COOKIE.to_be_bytes());
    m.extend_from_slice(transaction);
    m
}

/// A Binding request without attributes: just the 20-byte header.
pub fn binding_request(transaction: &[u8; 12]) -> Vec<u8> {
    header(BINDING_REQUEST, 0, transaction)
}

/// The 8-byte value of XOR-MAPPED-ADDRESS for `addr`: reserved, family
/// 0x01, port XOR the cookie's top 16 bits, address XOR the cookie.
pub fn xor_mapped_value(addr: SocketAddrV4) -> [u8; 8] {
    let port = addr.port() ^ (MAGIC_COOKIE >> 16) as u16;
    let ip = u32::from(*addr.ip()) ^ MAGIC_COOKIE;
    let mut v = [0u8; 8];
    v[1] = 0x01;
    v[2..4].copy_from_slice(&port.to_be_bytes());
    v[4..8].copy_from_slice(&ip.to_be_bytes());
    v
}

/// A Binding success response telling the client where it came from.
pub fn binding_response(transaction: &[u8; 12], seen: SocketAddrV4) -> Vec<u8> {
    let mut m = header(BINDING_SUCCESS, 12, transaction);
    m.extend_from_slice(&XOR_MAPPED_ADDRESS.to_be_bytes());
    m.extend_from_slice(&8u16.to_be_bytes());
    m.extend_from_slice(&xor_mapped_value(seen));
    m
}

/// Parses a STUN message, decoding an IPv4 XOR-MAPPED-ADDRESS if present.
pub fn parse(bytes: &[u8]) -> Result<Stun, StunError> {
    if bytes.len() < 20 {
        return Err(StunError::Short);
    }
    let kind = u16::from_be_bytes([bytes[0], bytes[1]]);
    let len = u16::from_be_bytes([bytes[2], bytes[3]]) as usize;
    let cookie = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if kind & 0xC000 != 0 || cookie != MAGIC_COOKIE {
        return Err(StunError::NotStun);
    }
    if len != bytes.len() - 20 || !len.is_multiple_of(4) {
        return Err(StunError::Length);
    }
    let mut transaction = [0u8; 12];
    transaction.copy_from_slice(&bytes[8..20]);
    let mut mapped = None;
    let mut at = 20;
    while at + 4 <= bytes.len() {
        let t = u16::from_be_bytes([bytes[at], bytes[at + 1]]);
        let l = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        let value = bytes.get(at + 4..at + 4 + l).ok_or(StunError::Length)?;
        if t == XOR_MAPPED_ADDRESS && l == 8 && value[1] == 0x01 {
            let port = u16::from_be_bytes([value[2], value[3]]) ^ (MAGIC_COOKIE >> 16) as u16;
            let ip = u32::from_be_bytes([value[4], value[5], value[6], value[7]]) ^ MAGIC_COOKIE;
            mapped = Some(SocketAddrV4::new(Ipv4Addr::from(ip), port));
        }
        // Attributes are padded to 4 bytes (RFC 8489 §14).
        at += 4 + l.div_ceil(4) * 4;
    }
    Ok(Stun {
        kind,
        transaction,
        mapped,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

// ------------------------------------------------------------- the network

/// Where everyone sits in the simulated Internet (documentation addresses).
const A_INSIDE: SocketAddrV4 = SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 10), 50000);
const B_INSIDE: SocketAddrV4 = SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 20), 50000);
const A_PUBLIC: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 10);
const B_PUBLIC: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 20);
const STUN_SERVER: SocketAddrV4 = SocketAddrV4::new(Ipv4Addr::new(192, 0, 2, 1), 3478);
const TURN_SERVER: SocketAddrV4 = SocketAddrV4::new(Ipv4Addr::new(192, 0, 2, 2), 3478);

/// ICE candidate types (RFC 8445 §5.1.1), in preference order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CandidateType {
    Host,
    Prflx,
    Srflx,
    Relay,
}

impl CandidateType {
    /// RFC 8445 §5.1.2.2's recommended type preferences.
    pub fn type_preference(self) -> u32 {
        match self {
            CandidateType::Host => 126,
            CandidateType::Prflx => 110,
            CandidateType::Srflx => 100,
            CandidateType::Relay => 0,
        }
    }
    fn name(self) -> &'static str {
        match self {
            CandidateType::Host => "host",
            CandidateType::Prflx => "prflx",
            CandidateType::Srflx => "srflx",
            CandidateType::Relay => "relay",
        }
    }
}

/// RFC 8445 §5.1.2.1: 2^24·type preference + 2^8·local preference +
/// (256 − component id), with one interface (local preference 65535) and
/// component 1 (RTP).
pub fn priority(kind: CandidateType) -> u32 {
    (kind.type_preference() << 24) + (65535 << 8) + (256 - 1)
}

/// One gathered candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub peer: char,
    #[serde(rename = "type")]
    pub kind: CandidateType,
    pub address: SocketAddrV4,
    pub base: SocketAddrV4,
    pub priority: u32,
}

/// The two NATs and what each peer gathered.
#[derive(Debug)]
pub struct World {
    pub nat_a: Nat,
    pub nat_b: Nat,
    pub a: Vec<Candidate>,
    pub b: Vec<Candidate>,
}

/// Gathers each peer's host, srflx (a Binding to the STUN server through its
/// NAT) and relay (an allocation on the TURN server) candidates.
pub fn gather(kind_a: NatKind, kind_b: NatKind, first_port: u16) -> World {
    let (ma, fa) = kind_a.behaviour();
    let (mb, fb) = kind_b.behaviour();
    let mut nat_a = Nat::new(A_PUBLIC, first_port, ma, fa);
    let mut nat_b = Nat::new(B_PUBLIC, first_port.wrapping_add(1000).max(1024), mb, fb);
    let cands = |peer, nat: &mut Nat, inside: SocketAddrV4, relay_port| {
        let srflx = nat.outbound(inside, STUN_SERVER);
        // The TURN allocation goes through the NAT too; what the peer hands
        // out is the relayed address on the TURN server (RFC 8656).
        nat.outbound(inside, TURN_SERVER);
        let relay = SocketAddrV4::new(*TURN_SERVER.ip(), relay_port);
        [
            (CandidateType::Host, inside),
            (CandidateType::Srflx, srflx),
            (CandidateType::Relay, relay),
        ]
        .into_iter()
        .map(|(kind, address)| Candidate {
            peer,
            kind,
            address,
            base: inside,
            priority: priority(kind),
        })
        .collect::<Vec<_>>()
    };
    let a = cands('A', &mut nat_a, A_INSIDE, 49152);
    let b = cands('B', &mut nat_b, B_INSIDE, 49153);
    World { nat_a, nat_b, a, b }
}

/// One packet of the checks: who sent it where, as what, and its fate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub round: u32,
    pub from: char,
    /// The source address the other side sees (after the sender's NAT).
    pub source: SocketAddrV4,
    pub to: SocketAddrV4,
    pub response: bool,
    pub delivered: bool,
}

/// How the srflx ↔ srflx checks ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Punch {
    pub succeeded: bool,
    /// The round (1-based) in which a request and its response both got
    /// through.
    pub round: Option<u32>,
    /// Where A's media goes and where B's goes, when it worked.
    pub a_sends_to: Option<SocketAddrV4>,
    pub b_sends_to: Option<SocketAddrV4>,
    pub checks: Vec<Check>,
}

/// A packet from the peer behind `from_nat` (inside `from`) to `to` at the
/// other NAT: its public source and whether the other NAT lets it in.
fn send(
    from_nat: &mut Nat,
    from: SocketAddrV4,
    to_nat: &Nat,
    to: SocketAddrV4,
) -> (SocketAddrV4, bool) {
    let source = from_nat.outbound(from, to);
    let delivered = to.ip() == &to_nat.public
        && matches!(to_nat.inbound(source, to.port()), Inbound::Delivered { .. });
    (source, delivered)
}

/// ICE connectivity checks between the srflx candidates (RFC 8445 §7.2):
/// each round A, then B, sends a Binding request to every address it knows
/// for the other; a request that gets in is answered to the source it came
/// from (a peer-reflexive address the receiver learns, §7.3.1.3) and the
/// receiver adds that address to its own targets (a triggered check). The
/// pair works when a request and its response both get through. Three
/// rounds: after that, nothing changes in this model.
pub fn hole_punch(world: &mut World) -> Punch {
    let a_srflx = world.a[1].address;
    let b_srflx = world.b[1].address;
    let mut a_targets = vec![b_srflx];
    let mut b_targets = vec![a_srflx];
    let mut checks = Vec::new();
    for round in 1..=3 {
        for side in ['A', 'B'] {
            let targets = if side == 'A' {
                a_targets.clone()
            } else {
                b_targets.clone()
            };
            for to in targets {
                let (me, other, my_nat, other_nat) = if side == 'A' {
                    (A_INSIDE, B_INSIDE, &mut world.nat_a, &mut world.nat_b)
                } else {
                    (B_INSIDE, A_INSIDE, &mut world.nat_b, &mut world.nat_a)
                };
                let (source, delivered) = send(my_nat, me, other_nat, to);
                checks.push(Check {
                    round,
                    from: side,
                    source,
                    to,
                    response: false,
                    delivered,
                });
                if !delivered {
                    continue;
                }
                let (reply_source, back) = send(other_nat, other, my_nat, source);
                let other_side = if side == 'A' { 'B' } else { 'A' };
                checks.push(Check {
                    round,
                    from: other_side,
                    source: reply_source,
                    to: source,
                    response: true,
                    delivered: back,
                });
                let learned = if side == 'A' {
                    &mut b_targets
                } else {
                    &mut a_targets
                };
                if !learned.contains(&source) {
                    learned.push(source);
                }
                if back {
                    let (a_to, b_to) = if side == 'A' {
                        (to, source)
                    } else {
                        (source, to)
                    };
                    return Punch {
                        succeeded: true,
                        round: Some(round),
                        a_sends_to: Some(a_to),
                        b_sends_to: Some(b_to),
                        checks,
                    };
                }
            }
        }
    }
    Punch {
        succeeded: false,
        round: None,
        a_sends_to: None,
        b_sends_to: None,
        checks,
    }
}

/// Whether two peers behind these NATs connect directly (srflx/prflx) or
/// need the TURN relay.
pub fn direct(kind_a: NatKind, kind_b: NatKind) -> bool {
    hole_punch(&mut gather(kind_a, kind_b, 40000)).succeeded
}

/// Connections and streams of one group-call topology for `n` peers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Topology {
    pub kind: &'static str,
    pub peers: u32,
    /// Transport connections in the whole call.
    pub connections: u32,
    /// Media streams each peer uploads, and downloads.
    pub upload_per_peer: u32,
    pub download_per_peer: u32,
    /// Streams the server sends out in all (0 without a server).
    pub server_upload: u32,
}

/// Mesh: everyone to everyone; SFU: one upload each, the server forwards
/// the others' streams; MCU: the server mixes everything into one stream.
pub fn topologies(n: u32) -> [Topology; 3] {
    [
        Topology {
            kind: "mesh",
            peers: n,
            connections: n * (n - 1) / 2,
            upload_per_peer: n - 1,
            download_per_peer: n - 1,
            server_upload: 0,
        },
        Topology {
            kind: "sfu",
            peers: n,
            connections: n,
            upload_per_peer: 1,
            download_per_peer: n - 1,
            server_upload: n * (n - 1),
        },
        Topology {
            kind: "mcu",
            peers: n,
            connections: n,
            upload_per_peer: 1,
            download_per_peer: 1,
            server_upload: n,
        },
    ]
}

// ------------------------------------------------------------- the runner

const TIMEOUT: Duration = Duration::from_secs(2);

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

/// What the real loopback exchange carried.
struct Exchange {
    request: Vec<u8>,
    response: Vec<u8>,
    parsed: Stun,
    /// The client socket's own address, to compare with the mapped one.
    local: SocketAddrV4,
}

/// A STUN server thread on 127.0.0.1:0 that answers one Binding request
/// with the source address it saw, and a client that asks it.
fn real_binding(transaction: [u8; 12]) -> Result<Exchange, SimError> {
    let server = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    server
        .set_read_timeout(Some(TIMEOUT))
        .map_err(io("STUN server timeout"))?;
    let server_addr = server.local_addr().map_err(io("STUN server address"))?;
    let thread = std::thread::spawn(move || -> std::io::Result<()> {
        let mut buf = [0u8; 548];
        let (n, from) = server.recv_from(&mut buf)?;
        let SocketAddr::V4(from) = from else {
            return Ok(());
        };
        if let Ok(m) = parse(&buf[..n])
            && m.kind == BINDING_REQUEST
        {
            server.send_to(&binding_response(&m.transaction, from), from)?;
        }
        Ok(())
    });
    let client = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    client
        .set_read_timeout(Some(TIMEOUT))
        .map_err(io("STUN client timeout"))?;
    let SocketAddr::V4(local) = client.local_addr().map_err(io("STUN client address"))? else {
        return Err(SimError::Invalid(crate::tr!("demo-webrtc-err-not-ipv4")));
    };
    let request = binding_request(&transaction);
    client
        .send_to(&request, server_addr)
        .map_err(io("sending the STUN Binding request"))?;
    let mut buf = [0u8; 548];
    let received = client.recv_from(&mut buf);
    let joined = thread.join();
    let (n, _) = received.map_err(io("waiting for the STUN Binding response"))?;
    match joined {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(io("STUN server")(e)),
        Err(_) => return Err(SimError::Invalid(crate::tr!("demo-webrtc-err-panic"))),
    }
    let response = buf[..n].to_vec();
    let parsed = parse(&response).map_err(|e| {
        SimError::Invalid(crate::tr!(
            "demo-webrtc-err-response",
            error = e.to_string()
        ))
    })?;
    if parsed.transaction != transaction || parsed.kind != BINDING_SUCCESS {
        return Err(SimError::Invalid(crate::tr!("demo-webrtc-err-transaction")));
    }
    Ok(Exchange {
        request,
        response,
        parsed,
        local,
    })
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let mut rng = ChaCha8Rng::seed_from_u64(args.common.seed);
    let mut transaction = [0u8; 12];
    rng.fill_bytes(&mut transaction);
    let first_port = 20000 + (rng.next_u32() % 40000) as u16;

    out.title(crate::tr!(
        "demo-webrtc-title-run",
        a = args.nat_a.name(),
        b = args.nat_b.name()
    ))?;
    let stun = emit_real_stun(out, transaction)?;
    let mut world = gather(args.nat_a, args.nat_b, first_port);
    emit_candidates(out, &world)?;
    emit_signaling(out, &world)?;
    let punch = hole_punch(&mut world);
    emit_checks(out, &world, &punch, args.nat_a, args.nat_b)?;
    let matrix = emit_matrix(out)?;
    let topo = topologies(args.peers);
    emit_topologies(out, &topo)?;

    let selected = if punch.succeeded {
        json!({"local": "srflx", "remote": "srflx",
               "a_sends_to": punch.a_sends_to.map(|a| a.to_string()),
               "b_sends_to": punch.b_sends_to.map(|a| a.to_string())})
    } else {
        json!({"local": "relay", "remote": "relay",
               "a_sends_to": world.b[2].address.to_string(),
               "b_sends_to": world.a[2].address.to_string()})
    };
    Ok(json!({
        "nat_a": args.nat_a,
        "nat_b": args.nat_b,
        "stun": stun,
        "candidates": world.a.iter().chain(&world.b).collect::<Vec<_>>(),
        "checks": punch.checks,
        "direct": punch.succeeded,
        "selected": selected,
        "matrix": matrix,
        "topologies": topo,
    }))
}

fn emit_real_stun(
    out: &mut Emitter<'_>,
    transaction: [u8; 12],
) -> Result<serde_json::Value, SimError> {
    out.heading(crate::tr!("demo-webrtc-step-stun"))?;
    out.text(crate::tr!("demo-webrtc-stun-intro"))?;
    let ex = real_binding(transaction)?;
    out.lanes(["client (peer)", "STUN server"])?;
    out.event(
        msg(0, 1, "Binding request (20 bytes)".into())
            .note(format!("transaction ID {}", hex(&transaction))),
    )?;
    out.event(
        msg(1, 0, "Binding success response (32 bytes)".into())
            .note(crate::tr!("demo-webrtc-stun-mapped-note")),
    )?;
    let mut lines = vec!["request:".to_string()];
    for chunk in ex.request.chunks(20) {
        lines.push(format!("  {}", hex(chunk)));
    }
    // The response's last 6 bytes hold the client's ephemeral port and
    // address XORed; the port changes every run, so it is masked.
    let mut shown = hex(&ex.response[..26]);
    shown.push_str(" ?? ?? ?? ?? ?? ??");
    lines.push(crate::tr!("demo-webrtc-stun-masked"));
    let words: Vec<&str> = shown.split(' ').collect();
    for chunk in words.chunks(20) {
        lines.push(format!("  {}", chunk.join(" ")));
    }
    out.pre(lines)?;
    let same = ex.parsed.mapped == Some(ex.local);
    out.fields(
        crate::tr!("demo-webrtc-stun-parsed"),
        vec![
            Field::new(0, "type", "0x0101 Binding success response"),
            Field::new(0, "magic cookie", "0x2112A442"),
            Field::new(0, "transaction ID", crate::tr!("demo-webrtc-stun-same-id")),
            Field::new(0, "XOR-MAPPED-ADDRESS", "127.0.0.1:<client port>"),
            Field::new(
                1,
                crate::tr!("demo-webrtc-stun-same-socket"),
                if same {
                    crate::tr!("demo-webrtc-stun-same")
                } else {
                    crate::tr!("demo-webrtc-stun-different")
                },
            ),
        ],
    )?;
    out.note(
        crate::tr!("demo-webrtc-why-xor-label"),
        crate::tr!("demo-webrtc-why-xor"),
    )?;
    Ok(json!({
        "request_hex": hex(&ex.request),
        "response_type": format!("0x{:04x}", ex.parsed.kind),
        "transaction_matches": true,
        "mapped": "127.0.0.1:<client-port>",
        "mapped_is_local": same,
    }))
}

fn emit_candidates(out: &mut Emitter<'_>, world: &World) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-webrtc-step-gather"))?;
    let srflx = world.a[1].address;
    let v = xor_mapped_value(srflx);
    let cookie = MAGIC_COOKIE.to_be_bytes();
    out.text(crate::tr!(
        "demo-webrtc-gather-intro",
        srflx = srflx.to_string()
    ))?;
    out.pre(vec![
        format!(
            "port    {:5} = {:04x}  XOR 2112 = {:02x}{:02x}",
            srflx.port(),
            srflx.port(),
            v[2],
            v[3]
        ),
        format!(
            "address {:02x} {:02x} {:02x} {:02x}  XOR {:02x} {:02x} {:02x} {:02x} = {}",
            srflx.ip().octets()[0],
            srflx.ip().octets()[1],
            srflx.ip().octets()[2],
            srflx.ip().octets()[3],
            cookie[0],
            cookie[1],
            cookie[2],
            cookie[3],
            hex(&v[4..8])
        ),
        format!("attribute 00 20 00 08 {}", hex(&v)),
    ])?;
    let mut t = Table::new([
        "peer".to_string(),
        "type".to_string(),
        crate::tr!("demo-webrtc-col-address"),
        "priority".to_string(),
    ])
    .titled(crate::tr!("demo-webrtc-candidates-title"));
    for c in world.a.iter().chain(&world.b) {
        t.row([
            c.peer.to_string(),
            c.kind.name().to_string(),
            c.address.to_string(),
            c.priority.to_string(),
        ]);
    }
    out.table(t)?;
    out.text(crate::tr!("demo-webrtc-candidate-kinds"))
}

fn emit_signaling(out: &mut Emitter<'_>, world: &World) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-webrtc-step-signaling"))?;
    out.text(crate::tr!("demo-webrtc-signaling"))?;
    out.lanes(["A", "signaling server", "B"])?;
    out.event(msg(0, 1, "offer (SDP)".into()))?;
    out.event(msg(1, 2, "offer (SDP)".into()))?;
    out.event(msg(2, 1, "answer (SDP)".into()))?;
    out.event(msg(1, 0, "answer (SDP)".into()))?;
    out.event(
        msg(0, 1, "a=candidate … (trickle)".into()).note(crate::tr!("demo-webrtc-trickle-note")),
    )?;
    let mut lines = vec![
        "v=0".to_string(),
        "o=- 4611731400430051336 2 IN IP4 127.0.0.1".to_string(),
        "m=audio 9 UDP/TLS/RTP/SAVPF 111".to_string(),
        "a=ice-ufrag:F7gI".to_string(),
        "a=ice-pwd:x9cml/YzichV2+XlhiMu8g".to_string(),
        crate::tr!("demo-webrtc-sdp-fingerprint"),
        "a=setup:actpass".to_string(),
        "a=rtpmap:111 opus/48000/2".to_string(),
    ];
    for (i, c) in world.a.iter().enumerate() {
        let line = format!(
            "a=candidate:{} 1 udp {} {} {} typ {}",
            i + 1,
            c.priority,
            c.address.ip(),
            c.address.port(),
            c.kind.name()
        );
        lines.push(line);
    }
    // Real srflx and relay lines go on with `raddr <base> rport <port>`;
    // left off to keep the lines inside 72 columns.
    lines.push(crate::tr!("demo-webrtc-sdp-raddr"));
    out.pre(lines)
}

fn emit_checks(
    out: &mut Emitter<'_>,
    world: &World,
    punch: &Punch,
    kind_a: NatKind,
    kind_b: NatKind,
) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-webrtc-step-checks"))?;
    out.text(crate::tr!("demo-webrtc-checks-intro"))?;
    out.lanes(["A", "NAT A", "NAT B", "B"])?;
    for c in &punch.checks {
        let (from, to, gate) = if c.from == 'A' { (0, 3, 2) } else { (3, 0, 1) };
        let what = if c.response {
            crate::tr!("demo-webrtc-response")
        } else {
            crate::tr!("demo-webrtc-request")
        };
        let label = format!("{} → {} ({what})", c.source, c.to);
        let ev = if c.delivered {
            msg(from, to, label).note(crate::tr!("demo-webrtc-round-passed", round = c.round))
        } else {
            let nat = if c.from == 'A' { kind_b } else { kind_a };
            msg(from, gate, label).lost().note(crate::tr!(
                "demo-webrtc-round-dropped",
                round = c.round,
                nat = nat.name()
            ))
        };
        out.event(ev)?;
    }
    let mut t = Table::new([
        crate::tr!("demo-webrtc-col-a"),
        crate::tr!("demo-webrtc-col-b"),
        crate::tr!("demo-webrtc-col-result"),
    ])
    .titled(crate::tr!("demo-webrtc-pairs-title"));
    let row = |a: &str, b: &str, result: String| [a.to_string(), b.to_string(), result];
    t.row(row("host", "host", crate::tr!("demo-webrtc-pair-host")));
    if punch.succeeded {
        t.row(row(
            "srflx/prflx",
            "srflx/prflx",
            crate::tr!("demo-webrtc-pair-ok", round = punch.round.unwrap_or(0)),
        ));
        t.row(row(
            "relay",
            "relay",
            crate::tr!("demo-webrtc-pair-relay-unused"),
        ));
    } else {
        t.row(row(
            "srflx/prflx",
            "srflx/prflx",
            crate::tr!("demo-webrtc-pair-dropped"),
        ));
        t.row(row("relay", "relay", crate::tr!("demo-webrtc-pair-relay")));
    }
    out.table(t)?;
    if let (Some(a_to), Some(b_to)) = (punch.a_sends_to, punch.b_sends_to) {
        out.note(
            crate::tr!("demo-webrtc-media-label"),
            crate::tr!(
                "demo-webrtc-media",
                a_to = a_to.to_string(),
                b_to = b_to.to_string()
            ),
        )
    } else {
        out.note(
            crate::tr!("demo-webrtc-why-turn-label"),
            crate::tr!(
                "demo-webrtc-why-turn",
                nat = if kind_a == NatKind::Symmetric {
                    kind_a.name()
                } else {
                    kind_b.name()
                },
                b_relay = world.b[2].address.to_string(),
                a_relay = world.a[2].address.to_string()
            ),
        )
    }
}

fn emit_matrix(out: &mut Emitter<'_>) -> Result<Vec<serde_json::Value>, SimError> {
    out.heading(crate::tr!("demo-webrtc-step-matrix"))?;
    let mut t = Table::new(
        std::iter::once("A \\ B".to_string()).chain(NatKind::ALL.iter().map(|k| k.name().into())),
    )
    .titled(crate::tr!("demo-webrtc-matrix-title"));
    let direct_word = crate::tr!("demo-webrtc-direct");
    let mut cells = Vec::new();
    for a in NatKind::ALL {
        let mut row = vec![a.name().to_string()];
        for b in NatKind::ALL {
            let ok = direct(a, b);
            row.push(if ok {
                direct_word.clone()
            } else {
                "TURN".to_string()
            });
            cells.push(json!({"nat_a": a, "nat_b": b, "direct": ok,
                              "via": if ok { "srflx" } else { "relay" }}));
        }
        t.row(row);
    }
    out.table(t)?;
    out.text(crate::tr!("demo-webrtc-matrix-note"))?;
    Ok(cells)
}

fn emit_topologies(out: &mut Emitter<'_>, topo: &[Topology; 3]) -> Result<(), SimError> {
    let n = topo[0].peers;
    out.heading(crate::tr!("demo-webrtc-step-group", n = n))?;
    let mut t = Table::new([
        crate::tr!("demo-webrtc-col-topology"),
        crate::tr!("demo-webrtc-col-connections"),
        crate::tr!("demo-webrtc-col-upload"),
        crate::tr!("demo-webrtc-col-download"),
        "server upload".to_string(),
    ]);
    for x in topo {
        t.row([
            x.kind.to_uppercase().replace("MESH", "mesh"),
            x.connections.to_string(),
            x.upload_per_peer.to_string(),
            x.download_per_peer.to_string(),
            x.server_upload.to_string(),
        ]);
    }
    out.table(t)?;
    out.text(crate::tr!("demo-webrtc-topologies"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xor_mapped_address_matches_the_rfc_formula_by_hand() {
        // 203.0.113.10:40000 → port 0x9c40 ^ 0x2112 = 0xbd52;
        // cb 00 71 0a ^ 21 12 a4 42 = ea 12 d5 48.
        let v = xor_mapped_value("203.0.113.10:40000".parse().unwrap());
        assert_eq!(v, [0x00, 0x01, 0xbd, 0x52, 0xea, 0x12, 0xd5, 0x48]);
    }

    #[test]
    fn a_response_round_trips_and_garbage_is_refused() {
        let tx = [7u8; 12];
        let addr: SocketAddrV4 = "127.0.0.1:54321".parse().unwrap();
        let m = parse(&binding_response(&tx, addr)).unwrap();
        assert_eq!(m.kind, BINDING_SUCCESS);
        assert_eq!(m.transaction, tx);
        assert_eq!(m.mapped, Some(addr));
        let req = binding_request(&tx);
        assert_eq!(req.len(), 20);
        assert_eq!(&req[..8], &[0, 1, 0, 0, 0x21, 0x12, 0xa4, 0x42]);
        assert_eq!(parse(&req).unwrap().mapped, None);
        assert_eq!(parse(&req[..10]), Err(StunError::Short));
        let mut bad = req.clone();
        bad[4] = 0;
        assert_eq!(parse(&bad), Err(StunError::NotStun));
        let mut long = req;
        long.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(parse(&long), Err(StunError::Length));
    }

    #[test]
    fn priorities_follow_rfc_8445() {
        assert_eq!(priority(CandidateType::Host), 2_130_706_431);
        assert_eq!(priority(CandidateType::Srflx), 1_694_498_815);
        assert_eq!(priority(CandidateType::Relay), 16_777_215);
        assert!(priority(CandidateType::Prflx) > priority(CandidateType::Srflx));
    }

    #[test]
    fn the_nat_matrix_is_the_known_one() {
        use NatKind::*;
        // Rows A, columns B: full-cone, address-restricted, port-restricted, symmetric.
        let expected = [
            [true, true, true, true],
            [true, true, true, true],
            [true, true, true, false],
            [true, true, false, false],
        ];
        for (i, a) in NatKind::ALL.into_iter().enumerate() {
            for (j, b) in NatKind::ALL.into_iter().enumerate() {
                assert_eq!(direct(a, b), expected[i][j], "{a:?} vs {b:?}");
            }
        }
        assert!(!direct(Symmetric, PortRestricted));
        assert!(direct(Symmetric, FullCone));
    }

    #[test]
    fn port_restricted_pair_punches_in_the_first_round_on_bs_request() {
        let mut w = gather(NatKind::PortRestricted, NatKind::PortRestricted, 40000);
        let p = hole_punch(&mut w);
        // A's first request is dropped (B has not sent to A yet); B's gets
        // through because A has now sent to B's mapping; its answer too.
        let fates: Vec<(char, bool, bool)> = p
            .checks
            .iter()
            .map(|c| (c.from, c.response, c.delivered))
            .collect();
        assert_eq!(
            fates,
            [('A', false, false), ('B', false, true), ('A', true, true)]
        );
        assert_eq!(p.round, Some(1));
        assert_eq!(p.a_sends_to, Some(w.b[1].address));
    }

    #[test]
    fn topologies_count_as_by_hand_for_four_peers() {
        let [mesh, sfu, mcu] = topologies(4);
        assert_eq!(
            (
                mesh.connections,
                mesh.upload_per_peer,
                mesh.download_per_peer
            ),
            (6, 3, 3)
        );
        assert_eq!(
            (
                sfu.connections,
                sfu.upload_per_peer,
                sfu.download_per_peer,
                sfu.server_upload
            ),
            (4, 1, 3, 12)
        );
        assert_eq!(
            (
                mcu.connections,
                mcu.upload_per_peer,
                mcu.download_per_peer,
                mcu.server_upload
            ),
            (4, 1, 1, 4)
        );
    }

    #[test]
    fn the_real_loopback_binding_reflects_the_client_socket() {
        let ex = real_binding([1; 12]).expect("loopback STUN");
        assert_eq!(ex.parsed.mapped, Some(ex.local));
        assert_eq!(ex.response.len(), 32);
    }
}
