//! `synack demo encap`: one real HTTP request encapsulated layer by layer,
//! application data → TCP segment → IPv4 (or IPv6) packet → Ethernet frame
//! → bits, with every header's fields, the PDU name per layer, correct
//! checksums, MTU and MSS, and the frame's bytes; `--decode HEX` takes any
//! Ethernet frame apart again.
//!
//! The headers are built and parsed with `etherparse`, and the displayed tree
//! is always the *decoded* frame: the demo builds the bytes, then reads them
//! back the way a capture tool would, recomputing each checksum to check the
//! one in the header. Addresses are documentation addresses (RFC 5737
//! 192.0.2.0/24 and 198.51.100.0/24, RFC 3849 2001:db8::/32, RFC 7042's
//! 00-00-5E-00-53-00/24 MACs); the client's port, the sequence numbers and the
//! IP identification come from `--seed`.

use std::net::{Ipv4Addr, Ipv6Addr};

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::Parser;
use etherparse::{
    EtherType, Ethernet2Header, IpNumber, Ipv4Header, Ipv6FlowLabel, Ipv6Header, TcpHeader,
    UdpHeader,
};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::sim::trace::{Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "encap",
    title: || crate::tr!("demo-encap-title"),
    summary: || crate::tr!("demo-encap-summary"),
    topics: &["encapsulation", "OSI", "TCP/IP", "PDU", "MTU", "MSS"],
    keywords: &[
        "캡슐화",
        "역캡슐화",
        "encapsulation",
        "decapsulation",
        "osi",
        "osi 7계층",
        "7계층",
        "tcp/ip 4계층",
        "pdu",
        "mtu",
        "mss",
        "ethernet frame",
        "이더넷 프레임",
    ],
    run,
};

#[derive(Debug, Parser)]
#[command(
    name = "encap",
    about = crate::tr!("demo-encap-about"),
    after_help = format!(
        "Examples:\n  synack demo encap\n  synack demo encap --ipv6\n  synack demo encap --mtu 1280 --seed 7\n\n{}",
        crate::tr!("demo-encap-after-help")
    )
)]
struct Args {
    #[arg(long, conflicts_with = "decode", help = crate::tr!("demo-encap-opt-ipv6"))]
    ipv6: bool,
    #[arg(long, value_name = "BYTES", default_value_t = 1500,
          value_parser = clap::value_parser!(u16).range(576..=9216),
          help = crate::tr!("demo-encap-opt-mtu"))]
    mtu: u16,
    #[arg(long, value_name = "HEX", help = crate::tr!("demo-encap-opt-decode"))]
    decode: Option<String>,
    #[command(flatten)]
    common: Common,
}

/// The web server's port and the request's bytes.
const HTTP_PORT: u16 = 80;
/// Linux's default `ip_local_port_range`, where the client's port comes from.
const EPHEMERAL: (u16, u16) = (32768, 60999);
const CLIENT_MAC: [u8; 6] = [0x00, 0x00, 0x5e, 0x00, 0x53, 0x01];
/// The next hop's MAC: the default gateway's, not the web server's.
const GATEWAY_MAC: [u8; 6] = [0x00, 0x00, 0x5e, 0x00, 0x53, 0xfe];
const CLIENT_V4: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);
const SERVER_V4: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 20);
const CLIENT_V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 1, 0, 0, 0, 0x10);
const SERVER_V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 2, 0, 0, 0, 0x20);
const TTL: u8 = 64;
const WINDOW: u16 = 502;
/// Ethernet's preamble (7 bytes) and start frame delimiter (1), sent before
/// the frame, and its frame check sequence (4) after: the NIC adds them, so
/// captures (and `frame_hex`) hold neither.
const PREAMBLE_SFD: usize = 8;
const FCS: usize = 4;

/// What to put in the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub ipv6: bool,
    pub client_port: u16,
    pub seq: u32,
    pub ack: u32,
    pub ip_id: u16,
    pub flow_label: u32,
    pub payload: Vec<u8>,
}

impl Spec {
    /// The request of the demo, with every number drawn from `seed`.
    pub fn seeded(seed: u64, ipv6: bool) -> Spec {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let span = u32::from(EPHEMERAL.1 - EPHEMERAL.0) + 1;
        // < span ≤ 28232, so it fits a u16.
        let client_port = EPHEMERAL.0 + (rng.next_u32() % span) as u16;
        // The segment after the handshake: ISN + 1 on both sides.
        let seq = rng.next_u32().wrapping_add(1);
        let ack = rng.next_u32().wrapping_add(1);
        let ip_id = (rng.next_u32() >> 16) as u16;
        let flow_label = rng.next_u32() & 0xf_ffff;
        Spec {
            ipv6,
            client_port,
            seq,
            ack,
            ip_id,
            flow_label,
            payload: http_request().into_bytes(),
        }
    }
}

/// The application data: a real HTTP/1.1 GET, CRLF line ends (RFC 9112).
pub fn http_request() -> String {
    [
        "GET /index.html HTTP/1.1",
        "Host: www.example.com",
        "User-Agent: synack/0.1",
        "Accept: text/html",
        "Connection: keep-alive",
        "",
        "",
    ]
    .join("\r\n")
}

/// Why a frame could not be built or taken apart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncapError {
    #[error("--decode: {0}")]
    Hex(String),
    #[error("--decode: {0}")]
    Frame(String),
    #[error("{}", crate::tr!("demo-encap-err-build", error = .0.as_str()))]
    Build(String),
}

/// Builds the Ethernet frame (without preamble and FCS) for `spec`, with
/// the IP and TCP lengths and checksums filled in.
pub fn build(spec: &Spec) -> Result<Vec<u8>, EncapError> {
    let bad = |e: &dyn std::fmt::Display| EncapError::Build(e.to_string());
    let mut tcp = TcpHeader::new(spec.client_port, HTTP_PORT, spec.seq, WINDOW);
    tcp.acknowledgment_number = spec.ack;
    tcp.ack = true;
    tcp.psh = true;
    let segment_len = tcp.header_len() + spec.payload.len();
    let mut frame = Vec::new();
    let ether_type = if spec.ipv6 {
        EtherType::IPV6
    } else {
        EtherType::IPV4
    };
    Ethernet2Header {
        source: CLIENT_MAC,
        destination: GATEWAY_MAC,
        ether_type,
    }
    .write(&mut frame)
    .map_err(|e| bad(&e))?;
    let segment_len16 = u16::try_from(segment_len).map_err(|e| bad(&e))?;
    if spec.ipv6 {
        let ip = Ipv6Header {
            traffic_class: 0,
            flow_label: Ipv6FlowLabel::try_new(spec.flow_label).map_err(|e| bad(&e))?,
            payload_length: segment_len16,
            next_header: IpNumber::TCP,
            hop_limit: TTL,
            source: CLIENT_V6.octets(),
            destination: SERVER_V6.octets(),
        };
        tcp.checksum = tcp
            .calc_checksum_ipv6(&ip, &spec.payload)
            .map_err(|e| bad(&e))?;
        ip.write(&mut frame).map_err(|e| bad(&e))?;
    } else {
        let mut ip = Ipv4Header::new(
            segment_len16,
            TTL,
            IpNumber::TCP,
            CLIENT_V4.octets(),
            SERVER_V4.octets(),
        )
        .map_err(|e| bad(&e))?;
        ip.identification = spec.ip_id;
        ip.header_checksum = ip.calc_header_checksum();
        tcp.checksum = tcp
            .calc_checksum_ipv4(&ip, &spec.payload)
            .map_err(|e| bad(&e))?;
        ip.write(&mut frame).map_err(|e| bad(&e))?;
    }
    tcp.write(&mut frame).map_err(|e| bad(&e))?;
    frame.extend_from_slice(&spec.payload);
    Ok(frame)
}

/// One layer of a decoded frame, as the JSON's `layers` items say it, with
/// its Wireshark-style tree for the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layer {
    pub layer: &'static str,
    pub pdu: &'static str,
    pub header_len: usize,
    pub fields: Map<String, Value>,
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub tree: Vec<Field>,
}

impl Layer {
    fn new(layer: &'static str, pdu: &'static str, header_len: usize, title: String) -> Layer {
        Layer {
            layer,
            pdu,
            header_len,
            fields: Map::new(),
            title,
            tree: Vec::new(),
        }
    }

    /// A JSON field and its line in the tree.
    fn put(&mut self, key: &str, value: Value, depth: usize, name: &str, shown: String) {
        self.fields.insert(key.to_string(), value);
        self.tree.push(Field::new(depth, name, shown));
    }

    fn show(&mut self, depth: usize, name: &str, shown: String) {
        self.tree.push(Field::new(depth, name, shown));
    }
}

/// A decoded frame: its layers in encapsulation order (application first,
/// physical last), and whether every checksum in it verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub layers: Vec<Layer>,
    pub checksums_ok: bool,
}

/// Parses hex (whitespace, `:` and `-` between bytes allowed, `0x` prefix
/// allowed) into bytes.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, EncapError> {
    let text = text.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let digits: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !(c.is_whitespace() || *c == ':' || *c == '-'))
        .collect();
    if let Some((i, c)) = digits.iter().find(|(_, c)| !c.is_ascii_hexdigit()) {
        return Err(EncapError::Hex(crate::tr!(
            "demo-encap-err-digit",
            char = format!("{:?}", c.escape_debug().to_string()),
            at = i + 1
        )));
    }
    if digits.is_empty() {
        return Err(EncapError::Hex(crate::tr!("demo-encap-err-empty")));
    }
    if digits.len() % 2 == 1 {
        return Err(EncapError::Hex(crate::tr!(
            "demo-encap-err-odd",
            count = digits.len()
        )));
    }
    Ok(digits
        .chunks(2)
        .map(|p| {
            let hi = p[0].1.to_digit(16).unwrap_or(0);
            let lo = p[1].1.to_digit(16).unwrap_or(0);
            (hi * 16 + lo) as u8
        })
        .collect())
}

fn mac(m: [u8; 6]) -> String {
    m.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn status(ok: bool) -> &'static str {
    if ok { "correct" } else { "incorrect" }
}

fn flags(tcp: &TcpHeader) -> String {
    // Wireshark's order: the low bit first, so `PSH, ACK`.
    let named = [
        (tcp.fin, "FIN"),
        (tcp.syn, "SYN"),
        (tcp.rst, "RST"),
        (tcp.psh, "PSH"),
        (tcp.ack, "ACK"),
        (tcp.urg, "URG"),
        (tcp.ece, "ECE"),
        (tcp.cwr, "CWR"),
    ];
    let set: Vec<&str> = named
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| *n)
        .collect();
    if set.is_empty() {
        "none".to_string()
    } else {
        set.join(", ")
    }
}

fn flag_bits(tcp: &TcpHeader) -> u16 {
    [
        tcp.fin, tcp.syn, tcp.rst, tcp.psh, tcp.ack, tcp.urg, tcp.ece, tcp.cwr, tcp.ns,
    ]
    .iter()
    .enumerate()
    .map(|(i, on)| u16::from(*on) << i)
    .sum()
}

/// Takes an Ethernet II frame (no preamble, no FCS) apart: Ethernet, IPv4
/// or IPv6, TCP or UDP, and the data, recomputing every checksum.
pub fn decode(frame: &[u8]) -> Result<Decoded, EncapError> {
    let bad = |what: &str, e: &dyn std::fmt::Display| EncapError::Frame(format!("{what}: {e}"));
    let (eth, rest) = Ethernet2Header::from_slice(frame).map_err(|e| bad("Ethernet", &e))?;
    let mut checksums_ok = true;
    let mut link = Layer::new(
        "link",
        "frame",
        eth.header_len(),
        format!(
            "Ethernet II, Src: {}, Dst: {}",
            mac(eth.source),
            mac(eth.destination)
        ),
    );
    link.put(
        "destination",
        json!(mac(eth.destination)),
        0,
        "Destination",
        mac(eth.destination),
    );
    link.put(
        "source",
        json!(mac(eth.source)),
        0,
        "Source",
        mac(eth.source),
    );
    let type_name = match eth.ether_type {
        EtherType::IPV4 => "IPv4",
        EtherType::IPV6 => "IPv6",
        EtherType::ARP => "ARP",
        EtherType::VLAN_TAGGED_FRAME => "802.1Q VLAN",
        _ => "unknown",
    };
    link.put(
        "ether_type",
        json!(format!("0x{:04x}", eth.ether_type.0)),
        0,
        "Type",
        format!("{type_name} (0x{:04x})", eth.ether_type.0),
    );

    // The network layer, and the bytes it carries (its payload, without
    // any Ethernet padding after it).
    let (network, proto, payload, pseudo): (Layer, IpNumber, &[u8], Pseudo) = match eth.ether_type {
        EtherType::IPV4 => {
            let (ip, after) = Ipv4Header::from_slice(rest).map_err(|e| bad("IPv4", &e))?;
            let body_len = usize::from(ip.total_len).saturating_sub(ip.header_len());
            let body = after.get(..body_len).ok_or_else(|| {
                EncapError::Frame(crate::tr!(
                    "demo-encap-err-ipv4-length",
                    total = ip.total_len,
                    left = rest.len()
                ))
            })?;
            let expected = ip.calc_header_checksum();
            let ok = expected == ip.header_checksum;
            checksums_ok &= ok;
            let src = Ipv4Addr::from(ip.source);
            let dst = Ipv4Addr::from(ip.destination);
            let mut l = Layer::new(
                "network",
                "packet",
                ip.header_len(),
                format!("Internet Protocol Version 4, Src: {src}, Dst: {dst}"),
            );
            l.put("version", json!(4), 0, "Version", "4".to_string());
            l.put(
                "ihl",
                json!(ip.ihl()),
                0,
                "Header Length",
                format!("{} bytes ({})", ip.header_len(), ip.ihl()),
            );
            l.put(
                "dscp",
                json!(ip.dscp.value()),
                0,
                "DSCP",
                ip.dscp.value().to_string(),
            );
            l.put(
                "ecn",
                json!(ip.ecn.value()),
                0,
                "ECN",
                ip.ecn.value().to_string(),
            );
            l.put(
                "total_length",
                json!(ip.total_len),
                0,
                "Total Length",
                ip.total_len.to_string(),
            );
            l.put(
                "identification",
                json!(format!("0x{:04x}", ip.identification)),
                0,
                "Identification",
                format!("0x{:04x} ({})", ip.identification, ip.identification),
            );
            let df = if ip.dont_fragment {
                ", Don't fragment"
            } else {
                ""
            };
            l.show(
                0,
                "Flags",
                format!(
                    "0x{}{df}",
                    u8::from(ip.dont_fragment) * 2 + u8::from(ip.more_fragments)
                ),
            );
            l.put(
                "dont_fragment",
                json!(ip.dont_fragment),
                1,
                "Don't fragment",
                if ip.dont_fragment { "Set" } else { "Not set" }.to_string(),
            );
            l.put(
                "more_fragments",
                json!(ip.more_fragments),
                1,
                "More fragments",
                if ip.more_fragments { "Set" } else { "Not set" }.to_string(),
            );
            l.put(
                "fragment_offset",
                json!(ip.fragment_offset.value()),
                0,
                "Fragment Offset",
                ip.fragment_offset.value().to_string(),
            );
            l.put(
                "ttl",
                json!(ip.time_to_live),
                0,
                "Time to Live",
                ip.time_to_live.to_string(),
            );
            l.put(
                "protocol",
                json!(ip.protocol.0),
                0,
                "Protocol",
                format!("{} ({})", proto_name(ip.protocol), ip.protocol.0),
            );
            l.put(
                "header_checksum",
                json!(format!("0x{:04x}", ip.header_checksum)),
                0,
                "Header Checksum",
                format!("0x{:04x} [{}]", ip.header_checksum, status(ok)),
            );
            l.fields
                .insert("header_checksum_status".to_string(), json!(status(ok)));
            if !ok {
                l.show(1, "Calculated Checksum", format!("0x{expected:04x}"));
            }
            l.put(
                "source",
                json!(src.to_string()),
                0,
                "Source",
                src.to_string(),
            );
            l.put(
                "destination",
                json!(dst.to_string()),
                0,
                "Destination",
                dst.to_string(),
            );
            (l, ip.protocol, body, Pseudo::V4(ip))
        }
        EtherType::IPV6 => {
            let (ip, after) = Ipv6Header::from_slice(rest).map_err(|e| bad("IPv6", &e))?;
            let body = after.get(..usize::from(ip.payload_length)).ok_or_else(|| {
                EncapError::Frame(crate::tr!(
                    "demo-encap-err-ipv6-length",
                    payload = ip.payload_length,
                    left = after.len()
                ))
            })?;
            let src = Ipv6Addr::from(ip.source);
            let dst = Ipv6Addr::from(ip.destination);
            let mut l = Layer::new(
                "network",
                "packet",
                ip.header_len(),
                format!("Internet Protocol Version 6, Src: {src}, Dst: {dst}"),
            );
            l.put("version", json!(6), 0, "Version", "6".to_string());
            l.put(
                "traffic_class",
                json!(ip.traffic_class),
                0,
                "Traffic Class",
                format!("0x{:02x}", ip.traffic_class),
            );
            l.put(
                "flow_label",
                json!(format!("0x{:05x}", ip.flow_label.value())),
                0,
                "Flow Label",
                format!("0x{:05x}", ip.flow_label.value()),
            );
            l.put(
                "payload_length",
                json!(ip.payload_length),
                0,
                "Payload Length",
                ip.payload_length.to_string(),
            );
            l.put(
                "next_header",
                json!(ip.next_header.0),
                0,
                "Next Header",
                format!("{} ({})", proto_name(ip.next_header), ip.next_header.0),
            );
            l.put(
                "hop_limit",
                json!(ip.hop_limit),
                0,
                "Hop Limit",
                ip.hop_limit.to_string(),
            );
            l.put(
                "source",
                json!(src.to_string()),
                0,
                "Source",
                src.to_string(),
            );
            l.put(
                "destination",
                json!(dst.to_string()),
                0,
                "Destination",
                dst.to_string(),
            );
            (l, ip.next_header, body, Pseudo::V6(ip))
        }
        other => {
            return Err(EncapError::Frame(crate::tr!(
                "demo-encap-err-ethertype",
                code = format!("{:04x}", other.0),
                name = type_name
            )));
        }
    };

    let (transport, data) = match proto {
        IpNumber::TCP => {
            let (tcp, data) = TcpHeader::from_slice(payload).map_err(|e| bad("TCP", &e))?;
            let expected = match &pseudo {
                Pseudo::V4(ip) => tcp.calc_checksum_ipv4(ip, data),
                Pseudo::V6(ip) => tcp.calc_checksum_ipv6(ip, data),
            }
            .map_err(|e| bad("TCP", &e))?;
            let ok = expected == tcp.checksum;
            checksums_ok &= ok;
            let mut l = Layer::new(
                "transport",
                "segment",
                tcp.header_len(),
                format!(
                    "Transmission Control Protocol, Src Port: {}, Dst Port: {}, Seq: {}, Ack: {}, Len: {}",
                    tcp.source_port,
                    tcp.destination_port,
                    tcp.sequence_number,
                    tcp.acknowledgment_number,
                    data.len()
                ),
            );
            l.put(
                "source_port",
                json!(tcp.source_port),
                0,
                "Source Port",
                tcp.source_port.to_string(),
            );
            l.put(
                "destination_port",
                json!(tcp.destination_port),
                0,
                "Destination Port",
                tcp.destination_port.to_string(),
            );
            l.put(
                "sequence_number",
                json!(tcp.sequence_number),
                0,
                "Sequence Number",
                tcp.sequence_number.to_string(),
            );
            l.show(
                0,
                "[Next Sequence Number",
                format!("{}]", tcp.sequence_number.wrapping_add(data.len() as u32)),
            );
            l.put(
                "acknowledgment_number",
                json!(tcp.acknowledgment_number),
                0,
                "Acknowledgment Number",
                tcp.acknowledgment_number.to_string(),
            );
            l.put(
                "data_offset",
                json!(tcp.data_offset()),
                0,
                "Header Length",
                format!("{} bytes ({})", tcp.header_len(), tcp.data_offset()),
            );
            l.put(
                "flags",
                json!(flags(&tcp)),
                0,
                "Flags",
                format!("0x{:03x} ({})", flag_bits(&tcp), flags(&tcp)),
            );
            l.put(
                "window",
                json!(tcp.window_size),
                0,
                "Window",
                tcp.window_size.to_string(),
            );
            l.put(
                "checksum",
                json!(format!("0x{:04x}", tcp.checksum)),
                0,
                "Checksum",
                format!("0x{:04x} [{}]", tcp.checksum, status(ok)),
            );
            l.fields
                .insert("checksum_status".to_string(), json!(status(ok)));
            if !ok {
                l.show(1, "Calculated Checksum", format!("0x{expected:04x}"));
            }
            l.put(
                "urgent_pointer",
                json!(tcp.urgent_pointer),
                0,
                "Urgent Pointer",
                tcp.urgent_pointer.to_string(),
            );
            if !tcp.options.as_slice().is_empty() {
                let hex: String = tcp
                    .options
                    .as_slice()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                l.put(
                    "options",
                    json!(hex),
                    0,
                    "Options",
                    format!("{} bytes", tcp.options.as_slice().len()),
                );
            }
            l.fields
                .insert("payload_len".to_string(), json!(data.len()));
            (l, data)
        }
        IpNumber::UDP => {
            let (udp, data) = UdpHeader::from_slice(payload).map_err(|e| bad("UDP", &e))?;
            let expected = match &pseudo {
                Pseudo::V4(ip) => udp.calc_checksum_ipv4(ip, data),
                Pseudo::V6(ip) => udp.calc_checksum_ipv6(ip, data),
            }
            .map_err(|e| bad("UDP", &e))?;
            // Over IPv4 a zero checksum means "not computed" (RFC 768).
            let ok = expected == udp.checksum || (udp.checksum == 0 && pseudo.is_v4());
            checksums_ok &= ok;
            let mut l = Layer::new(
                "transport",
                "datagram",
                UdpHeader::LEN,
                format!(
                    "User Datagram Protocol, Src Port: {}, Dst Port: {}",
                    udp.source_port, udp.destination_port
                ),
            );
            l.put(
                "source_port",
                json!(udp.source_port),
                0,
                "Source Port",
                udp.source_port.to_string(),
            );
            l.put(
                "destination_port",
                json!(udp.destination_port),
                0,
                "Destination Port",
                udp.destination_port.to_string(),
            );
            l.put(
                "length",
                json!(udp.length),
                0,
                "Length",
                udp.length.to_string(),
            );
            l.put(
                "checksum",
                json!(format!("0x{:04x}", udp.checksum)),
                0,
                "Checksum",
                format!("0x{:04x} [{}]", udp.checksum, status(ok)),
            );
            l.fields
                .insert("checksum_status".to_string(), json!(status(ok)));
            l.fields
                .insert("payload_len".to_string(), json!(data.len()));
            (l, data)
        }
        other => {
            return Err(EncapError::Frame(crate::tr!(
                "demo-encap-err-protocol",
                number = other.0,
                name = proto_name(other).to_string()
            )));
        }
    };

    let application = application_layer(data);
    let mut physical = Layer::new(
        "physical",
        "bits",
        PREAMBLE_SFD,
        "Physical layer: the frame as bits on the wire".to_string(),
    );
    let on_wire = PREAMBLE_SFD + frame.len().max(60) + FCS;
    physical.put(
        "preamble",
        json!("55 55 55 55 55 55 55"),
        0,
        "Preamble",
        "55 55 55 55 55 55 55 (7 bytes)".to_string(),
    );
    physical.put(
        "sfd",
        json!("0xd5"),
        0,
        "Start Frame Delimiter",
        "0xd5".to_string(),
    );
    physical.put(
        "fcs_len",
        json!(FCS),
        0,
        "Frame Check Sequence",
        format!("{FCS} bytes CRC-32 after the frame (added by the NIC, not captured)"),
    );
    physical.put(
        "bits",
        json!(on_wire * 8),
        0,
        "Bits on the wire",
        format!("{} ({on_wire} bytes)", on_wire * 8),
    );
    Ok(Decoded {
        layers: vec![application, transport, network, link, physical],
        checksums_ok,
    })
}

/// The network header a transport checksum covers (its pseudo-header).
enum Pseudo {
    V4(Ipv4Header),
    V6(Ipv6Header),
}

impl Pseudo {
    fn is_v4(&self) -> bool {
        matches!(self, Pseudo::V4(_))
    }
}

fn proto_name(p: IpNumber) -> &'static str {
    match p {
        IpNumber::TCP => "TCP",
        IpNumber::UDP => "UDP",
        IpNumber::ICMP => "ICMP",
        IpNumber::IPV6_ICMP => "ICMPv6",
        _ => "other",
    }
}

/// The application data: an HTTP request's line and headers when it is one.
fn application_layer(data: &[u8]) -> Layer {
    let text = String::from_utf8_lossy(data);
    let looks_http = text.contains(" HTTP/1.") && text.contains("\r\n");
    let mut l = Layer::new(
        "application",
        "data",
        0,
        if looks_http {
            "Hypertext Transfer Protocol".to_string()
        } else {
            format!("Data ({} bytes)", data.len())
        },
    );
    l.fields.insert("length".to_string(), json!(data.len()));
    if looks_http {
        let mut lines = text.split("\r\n");
        let request_line = lines.next().unwrap_or_default().to_string();
        l.fields.insert("protocol".to_string(), json!("HTTP/1.1"));
        l.put(
            "request_line",
            json!(request_line),
            0,
            "Request Line",
            format!("{}\\r\\n", visible(&request_line)),
        );
        let mut headers = Map::new();
        for line in lines.take_while(|l| !l.is_empty()) {
            if let Some((name, value)) = line.split_once(':') {
                headers.insert(name.to_string(), json!(value.trim()));
            }
            l.show(0, "Header", format!("{}\\r\\n", visible(line)));
        }
        l.show(0, "End of headers", "\\r\\n".to_string());
        l.fields
            .insert("headers".to_string(), Value::Object(headers));
    } else if !data.is_empty() {
        l.show(0, "Bytes", format!("{}", data.len()));
    }
    l
}

/// Control characters made visible (a decoded frame may hold anything).
fn visible(s: &str) -> String {
    s.chars().flat_map(char::escape_debug).collect::<String>()
}

/// Hex dump lines, 16 bytes a line, Wireshark's layout (72 columns).
pub fn hex_dump(bytes: &[u8]) -> Vec<String> {
    bytes
        .chunks(16)
        .enumerate()
        .map(|(i, chunk)| {
            let mut hex = String::new();
            for (j, b) in chunk.iter().enumerate() {
                if j == 8 {
                    hex.push(' ');
                }
                hex += &format!("{b:02x} ");
            }
            let ascii: String = chunk
                .iter()
                .map(|&b| {
                    if b.is_ascii_graphic() || b == b' ' {
                        char::from(b)
                    } else {
                        '.'
                    }
                })
                .collect();
            format!("{:04x}  {hex:<49} {ascii}", i * 16)
                .trim_end()
                .to_string()
        })
        .collect()
}

/// The largest TCP payload one packet carries on a link of `mtu` bytes,
/// with no IP or TCP options: MTU − IP header − 20 (RFC 9293 §3.7.1, RFC
/// 8200 §5 for IPv6's fixed 40-byte header).
pub fn mss(mtu: u16, ipv6: bool) -> u16 {
    let ip = if ipv6 { 40 } else { 20 };
    mtu.saturating_sub(ip + 20)
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let invalid = |e: EncapError| SimError::Invalid(e.to_string());
    if let Some(hex) = &args.decode {
        let frame = parse_hex(hex).map_err(invalid)?;
        let decoded = decode(&frame).map_err(invalid)?;
        out.title(crate::tr!("demo-encap-decode-title", bytes = frame.len()))?;
        out.text(crate::tr!("demo-encap-decode-text"))?;
        emit_tree(out, &decoded, true)?;
        emit_checksums(out, &decoded)?;
        out.heading("hex dump")?;
        out.pre(hex_dump(&frame))?;
        return Ok(document(&frame, &decoded));
    }
    if args.ipv6 && args.mtu < 1280 {
        return Err(SimError::Invalid(crate::tr!(
            "demo-encap-err-mtu",
            mtu = args.mtu
        )));
    }
    let spec = Spec::seeded(args.common.seed, args.ipv6);
    let frame = build(&spec).map_err(invalid)?;
    let decoded = decode(&frame).map_err(invalid)?;
    let ip_name = if args.ipv6 { "IPv6" } else { "IPv4" };
    out.title(crate::tr!("demo-encap-run-title", ip = ip_name))?;
    out.text(crate::tr!("demo-encap-text"))?;
    let len = |i: usize| decoded.layers[i].header_len;
    let data_len = spec.payload.len();
    let seg = len(1) + data_len;
    let pkt = len(2) + seg;
    let frm = len(3) + pkt;
    let mut table = Table::new([
        "OSI".to_string(),
        "TCP/IP".to_string(),
        "PDU".to_string(),
        "header (bytes)".to_string(),
        crate::tr!("demo-encap-col-size"),
    ])
    .titled(crate::tr!("demo-encap-layers-title"));
    table.row([
        "7 application (5~7)".to_string(),
        "Application".to_string(),
        "data (message)".to_string(),
        "HTTP".to_string(),
        format!("{data_len} bytes"),
    ]);
    table.row([
        "4 transport".to_string(),
        "Transport".to_string(),
        "segment".to_string(),
        format!("TCP {}", len(1)),
        format!("{seg} bytes"),
    ]);
    table.row([
        "3 network".to_string(),
        "Internet".to_string(),
        "packet".to_string(),
        format!("{ip_name} {}", len(2)),
        format!("{pkt} bytes"),
    ]);
    table.row([
        "2 data link".to_string(),
        "Link".to_string(),
        "frame".to_string(),
        format!("Ethernet {} + FCS {FCS}", len(3)),
        format!("{frm} bytes"),
    ]);
    table.row([
        "1 physical".to_string(),
        "Link".to_string(),
        "bits".to_string(),
        format!("preamble+SFD {PREAMBLE_SFD}"),
        format!("{} bits", (PREAMBLE_SFD + frm.max(60) + FCS) * 8),
    ]);
    out.table(table)?;
    emit_tree(out, &decoded, false)?;
    let mss = mss(args.mtu, args.ipv6);
    out.heading(crate::tr!("demo-encap-mtu-heading"))?;
    out.note(
        "MTU",
        crate::tr!("demo-encap-mtu", mtu = args.mtu, packet = pkt),
    )?;
    out.note(
        "MSS",
        crate::tr!(
            "demo-encap-mss",
            ip = ip_name,
            header = len(2),
            mss = mss,
            with_timestamps = mss.saturating_sub(12)
        ),
    )?;
    out.note(
        crate::tr!("demo-encap-fragmentation"),
        if args.ipv6 {
            crate::tr!("demo-encap-fragmentation-v6")
        } else {
            crate::tr!("demo-encap-fragmentation-v4")
        },
    )?;
    emit_checksums(out, &decoded)?;
    out.heading(crate::tr!("demo-encap-hex-heading", bytes = frame.len()))?;
    out.pre(hex_dump(&frame))?;
    out.note(
        crate::tr!("demo-encap-decode-again"),
        crate::tr!("demo-encap-decode-again-text"),
    )?;
    Ok(document(&frame, &decoded))
}

/// The layers' trees: the frame's byte order (link first) as a capture
/// tool shows it.
fn emit_tree(out: &mut Emitter<'_>, decoded: &Decoded, decoding: bool) -> Result<(), SimError> {
    let heading = if decoding {
        crate::tr!("demo-encap-tree-received")
    } else {
        crate::tr!("demo-encap-tree-frame")
    };
    out.heading(heading)?;
    for layer in decoded.layers.iter().rev().skip(1) {
        let title = format!(
            "[{} · {} · header {} bytes] {}",
            layer.layer, layer.pdu, layer.header_len, layer.title
        );
        out.fields(title, layer.tree.clone())?;
    }
    Ok(())
}

fn emit_checksums(out: &mut Emitter<'_>, decoded: &Decoded) -> Result<(), SimError> {
    let verdict = if decoded.checksums_ok {
        crate::tr!("demo-encap-checksums-ok")
    } else {
        crate::tr!("demo-encap-checksums-bad")
    };
    out.note(
        "checksum",
        crate::tr!("demo-encap-checksums", verdict = verdict),
    )
}

fn document(frame: &[u8], decoded: &Decoded) -> Value {
    json!({
        "frame_hex": to_hex(frame),
        "layers": serde_json::to_value(&decoded.layers).unwrap_or_default(),
    })
}

/// The name of a layer's PDU, as the decoded layers of this demo call it:
/// application data, a TCP segment or a UDP datagram, an IP packet, an
/// Ethernet frame, bits on the wire. `None` for a layer this demo has not.
pub fn pdu_name(layer: &str, udp: bool) -> Option<&'static str> {
    Some(match layer {
        "application" => "data",
        "transport" if udp => "datagram",
        "transport" => "segment",
        "network" => "packet",
        "link" => "frame",
        "physical" => "bits",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 1071's ones'-complement sum, written out here so the test does
    /// not trust the crate that built the frame.
    fn ones_complement(bytes: &[u8]) -> u16 {
        let mut sum: u32 = 0;
        for pair in bytes.chunks(2) {
            let word = u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0));
            sum += word;
        }
        while sum > 0xffff {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        !(sum as u16)
    }

    #[test]
    fn ipv4_frame_checksums_verify_by_hand() {
        let spec = Spec::seeded(1, false);
        let frame = build(&spec).unwrap();
        assert_eq!(&frame[12..14], [0x08, 0x00]);
        let ip = &frame[14..34];
        assert_eq!(ip[0], 0x45);
        // A header whose checksum is right sums to 0 (RFC 791, RFC 1071).
        assert_eq!(ones_complement(ip), 0);
        let total = usize::from(u16::from_be_bytes([ip[2], ip[3]]));
        assert_eq!(total, frame.len() - 14);
        let segment = &frame[34..];
        let mut pseudo = Vec::new();
        pseudo.extend_from_slice(&ip[12..20]);
        pseudo.extend_from_slice(&[0, 6]);
        pseudo.extend_from_slice(&(segment.len() as u16).to_be_bytes());
        pseudo.extend_from_slice(segment);
        assert_eq!(ones_complement(&pseudo), 0);
        let d = decode(&frame).unwrap();
        assert!(d.checksums_ok);
    }

    #[test]
    fn a_flipped_byte_is_an_incorrect_checksum() {
        let mut frame = build(&Spec::seeded(3, false)).unwrap();
        let last = frame.len() - 1;
        frame[last] ^= 0x20;
        let d = decode(&frame).unwrap();
        assert!(!d.checksums_ok);
        assert_eq!(d.layers[1].fields["checksum_status"], "incorrect");
        assert_eq!(d.layers[2].fields["header_checksum_status"], "correct");
    }

    #[test]
    fn layers_name_their_pdus_in_encapsulation_order() {
        let d = decode(&build(&Spec::seeded(1, true)).unwrap()).unwrap();
        let names: Vec<_> = d
            .layers
            .iter()
            .map(|l| (l.layer, l.pdu, l.header_len))
            .collect();
        assert_eq!(
            names,
            [
                ("application", "data", 0),
                ("transport", "segment", 20),
                ("network", "packet", 40),
                ("link", "frame", 14),
                ("physical", "bits", 8),
            ]
        );
        assert!(d.checksums_ok);
    }

    #[test]
    fn mss_is_mtu_less_the_headers() {
        assert_eq!(mss(1500, false), 1460);
        assert_eq!(mss(1500, true), 1440);
        assert_eq!(mss(1280, true), 1220);
        assert_eq!(mss(576, false), 536);
    }

    #[test]
    fn hex_parses_with_separators_and_refuses_junk() {
        assert_eq!(
            parse_hex("0x00:5e-53 ff").unwrap(),
            [0x00, 0x5e, 0x53, 0xff]
        );
        assert_eq!(
            parse_hex("abc").unwrap_err().to_string(),
            "--decode: an odd number of hex digits (3): each byte is two"
        );
        assert!(
            parse_hex("zz")
                .unwrap_err()
                .to_string()
                .contains("not a hex digit")
        );
        assert!(parse_hex("  ").is_err());
    }

    #[test]
    fn hex_dump_lines_are_sixteen_bytes_and_fit_72_columns() {
        let bytes: Vec<u8> = (0..=40).collect();
        let lines = hex_dump(&bytes);
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "0000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  ................"
        );
        assert!(lines.iter().all(|l| l.len() <= 72));
        assert!(lines[2].starts_with("0020  20 21 22 23 24 25 26 27  28"));
    }

    #[test]
    fn truncated_frames_are_refused_with_the_layer_named() {
        let frame = build(&Spec::seeded(1, false)).unwrap();
        let err = decode(&frame[..30]).unwrap_err().to_string();
        assert!(err.starts_with("--decode: IPv4"), "{err}");
        let err = decode(&frame[..40]).unwrap_err().to_string();
        assert!(err.contains("total length"), "{err}");
    }
}
