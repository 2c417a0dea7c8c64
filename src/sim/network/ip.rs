//! `synack demo ip`: IPv4 and IPv6 addressing. A CIDR's network, broadcast,
//! host range and usable host count, the mask in binary, the special range
//! an address is in, IPv4 against IPv6, and with `--nat` a home router's
//! NAPT table driven through the pure [`super::nat`] model.
//!
//! Everything here is arithmetic on std's `Ipv4Addr`/`Ipv6Addr` as integers:
//! the `ipnet` crate would save only the mask shifts.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddrV4};

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::Parser;
use serde::Serialize;
use serde_json::{Value, json};

use super::nat::{Filtering, Inbound, Mapping, Nat};
use crate::sim::trace::{Event, EventKind, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "ip",
    title: || crate::tr!("demo-ip-title"),
    summary: || crate::tr!("demo-ip-summary"),
    topics: &["IPv4", "IPv6", "CIDR", "subnet", "NAT", "private address"],
    keywords: &[
        "서브넷",
        "서브네팅",
        "subnet",
        "subnetting",
        "cidr",
        "서브넷 마스크",
        "subnet mask",
        "넷마스크",
        "netmask",
        "ipv4",
        "ipv6",
        "사설 ip",
        "사설 주소",
        "private ip",
        "rfc 1918",
        "nat",
        "napt",
        "브로드캐스트 주소",
        "broadcast address",
        "cgnat",
    ],
    run,
};

const DEFAULT_CIDR: &str = "192.168.10.77/26";

#[derive(Debug, Parser)]
#[command(
    name = "ip",
    about = crate::tr!("demo-ip-about"),
    after_help = "Examples:\n  synack demo ip 192.168.10.77/26\n  synack demo ip 10.0.0.1/31\n  synack demo ip 2001:db8:abcd:12::1/64\n  synack demo ip --nat --mapping address-and-port-dependent"
)]
struct Args {
    #[arg(value_name = "CIDR", default_value = DEFAULT_CIDR, help = crate::tr!("demo-ip-opt-cidr"))]
    cidr: String,
    #[arg(long, help = crate::tr!("demo-ip-opt-nat"))]
    nat: bool,
    #[arg(long, value_enum, default_value_t = Mapping::EndpointIndependent, requires = "nat", help = crate::tr!("demo-ip-opt-mapping"))]
    mapping: Mapping,
    #[arg(long, value_enum, default_value_t = Filtering::AddressAndPortDependent, requires = "nat", help = crate::tr!("demo-ip-opt-filtering"))]
    filtering: Filtering,
    #[command(flatten)]
    common: Common,
}

/// Usable IPv4 host addresses in a prefix of `prefix_len` bits: all but the
/// network and broadcast addresses, except /31 (2, RFC 3021 point-to-point
/// links) and /32 (1, the host itself). `None` past /32.
pub fn usable_hosts(prefix_len: u8) -> Option<u64> {
    match prefix_len {
        0..=30 => Some((1u64 << (32 - prefix_len)) - 2),
        31 => Some(2),
        32 => Some(1),
        _ => None,
    }
}

/// The IPv4 netmask of `prefix_len` (≤ 32) bits.
pub fn mask_v4(prefix_len: u8) -> u32 {
    u32::MAX
        .checked_shl(32 - u32::from(prefix_len))
        .unwrap_or(0)
}

/// An IPv4 CIDR, worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subnet4 {
    pub address: Ipv4Addr,
    pub prefix_len: u8,
    pub mask: Ipv4Addr,
    pub wildcard: Ipv4Addr,
    pub network: Ipv4Addr,
    /// `None` for /31 and /32, which have none (RFC 3021).
    pub broadcast: Option<Ipv4Addr>,
    pub first_host: Ipv4Addr,
    pub last_host: Ipv4Addr,
    pub addresses: u64,
    pub usable_hosts: u64,
}

/// Works out `address/prefix_len` (`prefix_len` ≤ 32).
pub fn subnet4(address: Ipv4Addr, prefix_len: u8) -> Subnet4 {
    let mask = mask_v4(prefix_len);
    let net = u32::from(address) & mask;
    let last = net | !mask;
    let (first, last_host, broadcast) = match prefix_len {
        32 => (net, net, None),
        31 => (net, last, None),
        _ => (net + 1, last - 1, Some(Ipv4Addr::from(last))),
    };
    Subnet4 {
        address,
        prefix_len,
        mask: Ipv4Addr::from(mask),
        wildcard: Ipv4Addr::from(!mask),
        network: Ipv4Addr::from(net),
        broadcast,
        first_host: Ipv4Addr::from(first),
        last_host: Ipv4Addr::from(last_host),
        addresses: 1u64 << (32 - prefix_len),
        usable_hosts: usable_hosts(prefix_len).unwrap_or(0),
    }
}

/// An IPv6 prefix, worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subnet6 {
    pub address: Ipv6Addr,
    pub prefix_len: u8,
    pub network: Ipv6Addr,
    pub last: Ipv6Addr,
    /// 2^(128 − prefix) as text: it does not fit JSON numbers.
    pub addresses: String,
    pub expanded: String,
}

pub fn subnet6(address: Ipv6Addr, prefix_len: u8) -> Subnet6 {
    let mask = u128::MAX
        .checked_shl(128 - u32::from(prefix_len))
        .unwrap_or(0);
    let net = u128::from(address) & mask;
    let bits = 128 - u32::from(prefix_len);
    let addresses = if bits >= 64 {
        format!("2^{bits}")
    } else {
        (1u128 << bits).to_string()
    };
    Subnet6 {
        address,
        prefix_len,
        network: Ipv6Addr::from(net),
        last: Ipv6Addr::from(net | !mask),
        addresses,
        expanded: address
            .segments()
            .iter()
            .map(|s| format!("{s:04x}"))
            .collect::<Vec<_>>()
            .join(":"),
    }
}

/// A special-purpose block (RFC 6890's registries, and the RFCs that made them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub cidr: &'static str,
    pub name: &'static str,
    pub rfc: &'static str,
}

const V4_RANGES: &[Range] = &[
    Range {
        cidr: "0.0.0.0/8",
        name: "this network",
        rfc: "RFC 791",
    },
    Range {
        cidr: "10.0.0.0/8",
        name: "private",
        rfc: "RFC 1918",
    },
    Range {
        cidr: "100.64.0.0/10",
        name: "CGNAT shared address",
        rfc: "RFC 6598",
    },
    Range {
        cidr: "127.0.0.0/8",
        name: "loopback",
        rfc: "RFC 1122",
    },
    Range {
        cidr: "169.254.0.0/16",
        name: "link-local",
        rfc: "RFC 3927",
    },
    Range {
        cidr: "172.16.0.0/12",
        name: "private",
        rfc: "RFC 1918",
    },
    Range {
        cidr: "192.0.2.0/24",
        name: "documentation (TEST-NET-1)",
        rfc: "RFC 5737",
    },
    Range {
        cidr: "192.168.0.0/16",
        name: "private",
        rfc: "RFC 1918",
    },
    Range {
        cidr: "198.18.0.0/15",
        name: "benchmarking",
        rfc: "RFC 2544",
    },
    Range {
        cidr: "198.51.100.0/24",
        name: "documentation (TEST-NET-2)",
        rfc: "RFC 5737",
    },
    Range {
        cidr: "203.0.113.0/24",
        name: "documentation (TEST-NET-3)",
        rfc: "RFC 5737",
    },
    Range {
        cidr: "224.0.0.0/4",
        name: "multicast",
        rfc: "RFC 5771",
    },
    Range {
        cidr: "240.0.0.0/4",
        name: "reserved",
        rfc: "RFC 1112",
    },
    Range {
        cidr: "255.255.255.255/32",
        name: "limited broadcast",
        rfc: "RFC 919",
    },
];

const V6_RANGES: &[Range] = &[
    Range {
        cidr: "::/128",
        name: "unspecified",
        rfc: "RFC 4291",
    },
    Range {
        cidr: "::1/128",
        name: "loopback",
        rfc: "RFC 4291",
    },
    Range {
        cidr: "::ffff:0:0/96",
        name: "IPv4-mapped",
        rfc: "RFC 4291",
    },
    Range {
        cidr: "64:ff9b::/96",
        name: "NAT64",
        rfc: "RFC 6052",
    },
    Range {
        cidr: "2001:db8::/32",
        name: "documentation",
        rfc: "RFC 3849",
    },
    Range {
        cidr: "2002::/16",
        name: "6to4",
        rfc: "RFC 3056",
    },
    Range {
        cidr: "fc00::/7",
        name: "unique local (ULA)",
        rfc: "RFC 4193",
    },
    Range {
        cidr: "fe80::/10",
        name: "link-local",
        rfc: "RFC 4291",
    },
    Range {
        cidr: "ff00::/8",
        name: "multicast",
        rfc: "RFC 4291",
    },
];

/// Parses `ADDR/LEN` (no `/LEN`: the host itself).
pub fn parse_cidr(text: &str) -> Result<(IpAddr, u8), String> {
    let (addr, len) = match text.trim().split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (text.trim(), None),
    };
    let addr: IpAddr = addr
        .parse()
        .map_err(|_| crate::tr!("demo-ip-err-address", input = format!("{text:?}")))?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let len = match len {
        None => max,
        Some(l) => l.parse::<u8>().ok().filter(|n| *n <= max).ok_or_else(|| {
            crate::tr!("demo-ip-err-prefix", input = format!("{text:?}"), max = max)
        })?,
    };
    Ok((addr, len))
}

impl Range {
    /// The block's name on screen, in the current language (`name` is the
    /// machine value the JSON keeps).
    pub fn label(&self) -> String {
        match self.name {
            "private" => crate::tr!("demo-ip-range-private"),
            name => name.to_string(),
        }
    }
}

fn contains(range: &Range, addr: IpAddr) -> bool {
    let Ok((net, len)) = parse_cidr(range.cidr) else {
        return false;
    };
    match (net, addr) {
        (IpAddr::V4(n), IpAddr::V4(a)) => {
            let m = mask_v4(len);
            u32::from(a) & m == u32::from(n) & m
        }
        (IpAddr::V6(n), IpAddr::V6(a)) => {
            let m = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
            u128::from(a) & m == u128::from(n) & m
        }
        _ => false,
    }
}

/// The special ranges `addr` is in (most specific last); none is a
/// global unicast address.
pub fn ranges_of(addr: IpAddr) -> Vec<Range> {
    let table = if addr.is_ipv4() { V4_RANGES } else { V6_RANGES };
    table
        .iter()
        .copied()
        .filter(|r| contains(r, addr))
        .collect()
}

/// `11000000.10101000.00001010.01001101`, the network bits marked by `|`
/// after the prefix.
pub fn binary_v4(value: u32, prefix_len: u8) -> String {
    let mut out = String::new();
    for i in 0..32u8 {
        if i > 0 && i % 8 == 0 {
            out.push('.');
        }
        if i == prefix_len && i % 8 != 0 {
            out.push('|');
        }
        out.push(if value >> (31 - i) & 1 == 1 { '1' } else { '0' });
    }
    out
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let (addr, len) = parse_cidr(&args.cidr).map_err(SimError::Invalid)?;
    let mut doc = match addr {
        IpAddr::V4(a) => v4(out, a, len, &args.cidr)?,
        IpAddr::V6(a) => v6(out, a, len, &args.cidr)?,
    };
    let found = ranges_of(addr);
    emit_ranges(out, addr, &found)?;
    compare(out)?;
    doc["ranges"] = serde_json::to_value(&found).unwrap_or_default();
    doc["nat"] = if args.nat {
        nat_demo(out, args.mapping, args.filtering, args.common.seed)?
    } else {
        Value::Null
    };
    Ok(doc)
}

fn v4(out: &mut Emitter<'_>, a: Ipv4Addr, len: u8, input: &str) -> Result<Value, SimError> {
    let s = subnet4(a, len);
    out.title(crate::tr!("demo-ip-v4-title", cidr = format!("{a}/{len}")))?;
    out.text(crate::tr!("demo-ip-v4-text", len = len, host = 32 - len))?;
    let mut t = Table::new([
        String::new(),
        crate::tr!("demo-ip-col-address"),
        crate::tr!("demo-ip-col-binary"),
    ]);
    let bin = |v: Ipv4Addr| binary_v4(u32::from(v), len);
    t.row([crate::tr!("demo-ip-row-address"), a.to_string(), bin(a)]);
    t.row(["mask".to_string(), s.mask.to_string(), bin(s.mask)]);
    t.row([
        "wildcard".to_string(),
        s.wildcard.to_string(),
        bin(s.wildcard),
    ]);
    t.row(["network".to_string(), s.network.to_string(), bin(s.network)]);
    match s.broadcast {
        Some(b) => t.row(["broadcast".to_string(), b.to_string(), bin(b)]),
        None => t.row([
            "broadcast".to_string(),
            crate::tr!("demo-ip-none"),
            String::new(),
        ]),
    }
    t.row([
        crate::tr!("demo-ip-row-first-host"),
        s.first_host.to_string(),
        bin(s.first_host),
    ]);
    t.row([
        crate::tr!("demo-ip-row-last-host"),
        s.last_host.to_string(),
        bin(s.last_host),
    ]);
    out.table(t)?;
    let count = match len {
        32 => crate::tr!("demo-ip-count-32"),
        31 => crate::tr!("demo-ip-count-31"),
        _ => crate::tr!(
            "demo-ip-count",
            bits = 32 - len,
            addresses = s.addresses,
            usable = s.usable_hosts
        ),
    };
    out.note(crate::tr!("demo-ip-host-count"), count)?;
    Ok(json!({
        "input": input,
        "version": 4,
        "address": a.to_string(),
        "prefix_len": len,
        "network": s.network.to_string(),
        "broadcast": s.broadcast.map(|b| b.to_string()),
        "first_host": s.first_host.to_string(),
        "last_host": s.last_host.to_string(),
        "addresses": s.addresses,
        "usable_hosts": s.usable_hosts,
        "mask": s.mask.to_string(),
        "mask_binary": binary_v4(u32::from(s.mask), 32),
        "wildcard": s.wildcard.to_string(),
    }))
}

fn v6(out: &mut Emitter<'_>, a: Ipv6Addr, len: u8, input: &str) -> Result<Value, SimError> {
    let s = subnet6(a, len);
    out.title(crate::tr!("demo-ip-v6-title", cidr = format!("{a}/{len}")))?;
    out.text(crate::tr!("demo-ip-v6-text"))?;
    let mut t = Table::new([String::new(), crate::tr!("demo-ip-col-address")]);
    t.row([crate::tr!("demo-ip-row-compressed"), a.to_string()]);
    t.row([crate::tr!("demo-ip-row-expanded"), s.expanded.clone()]);
    t.row(["prefix".to_string(), format!("{}/{len}", s.network)]);
    t.row([crate::tr!("demo-ip-row-range-end"), s.last.to_string()]);
    t.row([crate::tr!("demo-ip-row-addresses"), s.addresses.clone()]);
    out.table(t)?;
    out.note("broadcast", crate::tr!("demo-ip-v6-broadcast"))?;
    Ok(json!({
        "input": input,
        "version": 6,
        "address": a.to_string(),
        "prefix_len": len,
        "network": s.network.to_string(),
        "broadcast": Value::Null,
        "last_address": s.last.to_string(),
        "addresses": s.addresses,
        "expanded": s.expanded,
    }))
}

fn emit_ranges(out: &mut Emitter<'_>, addr: IpAddr, found: &[Range]) -> Result<(), SimError> {
    let table = if addr.is_ipv4() { V4_RANGES } else { V6_RANGES };
    let mut t = Table::new([
        crate::tr!("demo-ip-col-range"),
        crate::tr!("demo-ip-col-use"),
        "RFC".to_string(),
        String::new(),
    ])
    .titled(crate::tr!("demo-ip-ranges-title"));
    let mark = crate::tr!("demo-ip-this-address-mark");
    for r in table {
        let mark = if found.contains(r) { mark.as_str() } else { "" };
        t.row([r.cidr, &r.label(), r.rfc, mark]);
    }
    out.table(t)?;
    let what = match found.last() {
        Some(r) => format!("{addr}: {} ({}, {})", r.label(), r.cidr, r.rfc),
        None if addr.is_ipv4() => crate::tr!("demo-ip-public-v4", addr = addr.to_string()),
        None => crate::tr!("demo-ip-global-v6", addr = addr.to_string()),
    };
    out.note(crate::tr!("demo-ip-this-address"), what)
}

fn compare(out: &mut Emitter<'_>) -> Result<(), SimError> {
    let mut t = Table::new(["", "IPv4", "IPv6"]).titled(crate::tr!("demo-ip-compare-title"));
    let s = |s: &str| s.to_string();
    let yes = crate::tr!("demo-ip-cmp-yes");
    for row in [
        [
            crate::tr!("demo-ip-cmp-length"),
            s("32 bits"),
            s("128 bits"),
        ],
        [
            crate::tr!("demo-ip-cmp-notation"),
            crate::tr!("demo-ip-cmp-notation-v4"),
            crate::tr!("demo-ip-cmp-notation-v6"),
        ],
        [
            s("header"),
            s("20~60 bytes (options)"),
            crate::tr!("demo-ip-cmp-header-v6"),
        ],
        [
            s("header checksum"),
            yes.clone(),
            crate::tr!("demo-ip-cmp-checksum-v6"),
        ],
        [
            s("broadcast"),
            yes.clone(),
            crate::tr!("demo-ip-cmp-broadcast-v6"),
        ],
        [
            crate::tr!("demo-ip-cmp-resolution"),
            s("ARP"),
            s("NDP (ICMPv6, RFC 4861)"),
        ],
        [
            crate::tr!("demo-ip-cmp-fragmentation"),
            crate::tr!("demo-ip-cmp-fragmentation-v4"),
            crate::tr!("demo-ip-cmp-fragmentation-v6"),
        ],
        [
            crate::tr!("demo-ip-cmp-autoconf"),
            s("DHCP"),
            s("SLAAC, DHCPv6"),
        ],
    ] {
        t.row(row);
    }
    out.table(t)
}

/// The home network of `--nat`: three inside hosts, one public address.
const PUBLIC: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);

fn nat_demo(
    out: &mut Emitter<'_>,
    mapping: Mapping,
    filtering: Filtering,
    seed: u64,
) -> Result<Value, SimError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // Where the router starts handing out public ports: from the seed.
    let first_port = 20000 + (rng.next_u32() % 40000) as u16;
    let mut nat = Nat::new(PUBLIC, first_port, mapping, filtering);
    out.heading(crate::tr!(
        "demo-ip-nat-heading",
        public = PUBLIC.to_string(),
        mapping = mapping.to_string(),
        filtering = filtering.to_string()
    ))?;
    out.text(crate::tr!("demo-ip-nat-text"))?;
    let ep = |s: &str| {
        s.parse::<SocketAddrV4>()
            .unwrap_or(SocketAddrV4::new(PUBLIC, 0))
    };
    let a = ep("192.168.0.10:50000");
    let b = ep("192.168.0.11:50000");
    let c = ep("192.168.0.12:41000");
    let web = ep("198.51.100.20:443");
    let stun = ep("192.0.2.30:3478");
    let mut events = Vec::new();
    out.lanes([
        crate::tr!("demo-ip-lane-inside"),
        crate::tr!("demo-ip-lane-router"),
        crate::tr!("demo-ip-lane-outside"),
    ])?;
    for (inside, remote, why) in [
        (a, web, crate::tr!("demo-ip-why-new")),
        (b, web, crate::tr!("demo-ip-why-other-host")),
        (a, stun, crate::tr!("demo-ip-why-other-destination")),
        (c, web, crate::tr!("demo-ip-why-third")),
    ] {
        let outside = nat.outbound(inside, remote);
        out.event(msg(0, 2, format!("{inside} → {remote}")).note(crate::tr!(
            "demo-ip-rewrite-source",
            inside = inside.to_string(),
            outside = outside.to_string(),
            why = why
        )))?;
        events.push(
            json!({"direction": "outbound", "inside": inside.to_string(),
            "outside": outside.to_string(), "remote": remote.to_string()}),
        );
    }
    let a_port = nat.outbound(a, web).port();
    for (from, port, why) in [
        (web, a_port, crate::tr!("demo-ip-why-reply")),
        (
            ep("192.0.2.30:3479"),
            a_port,
            crate::tr!("demo-ip-why-other-port"),
        ),
        (
            ep("198.51.100.99:5000"),
            a_port,
            crate::tr!("demo-ip-why-stranger"),
        ),
        (
            web,
            first_port.wrapping_add(100),
            crate::tr!("demo-ip-why-unknown-port"),
        ),
    ] {
        let verdict = nat.inbound(from, port);
        let to = SocketAddrV4::new(PUBLIC, port);
        let (ev, text) = match verdict {
            Inbound::Delivered { inside } => (
                msg(2, 0, format!("{from} → {to}")),
                crate::tr!(
                    "demo-ip-delivered",
                    to = to.to_string(),
                    inside = inside.to_string(),
                    why = why
                ),
            ),
            Inbound::Filtered { .. } => (
                msg(2, 1, format!("{from} → {to}")).lost(),
                crate::tr!(
                    "demo-ip-filtered",
                    filtering = filtering.to_string(),
                    why = why
                ),
            ),
            Inbound::NoMapping => (
                msg(2, 1, format!("{from} → {to}")).lost(),
                crate::tr!("demo-ip-no-mapping", why = why),
            ),
        };
        out.event(ev.note(text))?;
        events.push(json!({"direction": "inbound", "remote": from.to_string(),
            "outside": to.to_string(), "result": verdict}));
    }
    let mut t = Table::new([
        crate::tr!("demo-ip-col-inside"),
        crate::tr!("demo-ip-col-outside"),
        crate::tr!("demo-ip-col-remote"),
    ])
    .titled(crate::tr!("demo-ip-nat-table"));
    let mut rows = Vec::new();
    for bind in nat.bindings() {
        for r in &bind.remotes {
            t.row([
                bind.inside.to_string(),
                bind.outside.to_string(),
                r.to_string(),
            ]);
            rows.push(json!({
                "inside": [bind.inside.ip().to_string(), bind.inside.port(), r.ip().to_string(), r.port()],
                "outside": [bind.outside.ip().to_string(), bind.outside.port(), r.ip().to_string(), r.port()],
            }));
        }
    }
    out.table(t)?;
    out.note("RFC 4787", crate::tr!("demo-ip-rfc4787"))?;
    Ok(json!({
        "public_ip": PUBLIC.to_string(),
        "mapping": mapping.to_string(),
        "filtering": filtering.to_string(),
        "events": events,
        "table": rows,
    }))
}

/// A message row without a time (the NAT table has no clock).
pub(crate) fn msg(from: usize, to: usize, label: String) -> Event {
    Event {
        time_ms: None,
        kind: EventKind::Message {
            from,
            to,
            label,
            lost: false,
        },
        notes: Vec::new(),
        states: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_hosts_follow_rfc_3021() {
        assert_eq!(usable_hosts(24), Some(254));
        assert_eq!(usable_hosts(26), Some(62));
        assert_eq!(usable_hosts(30), Some(2));
        assert_eq!(usable_hosts(31), Some(2));
        assert_eq!(usable_hosts(32), Some(1));
        assert_eq!(usable_hosts(0), Some(4_294_967_294));
        assert_eq!(usable_hosts(33), None);
    }

    #[test]
    fn a_slash_26_worked_by_hand() {
        // 77 = 0b01001101: the /26 keeps 0b01000000 = 64; broadcast 64 + 63.
        let s = subnet4(Ipv4Addr::new(192, 168, 10, 77), 26);
        assert_eq!(s.mask, Ipv4Addr::new(255, 255, 255, 192));
        assert_eq!(s.wildcard, Ipv4Addr::new(0, 0, 0, 63));
        assert_eq!(s.network, Ipv4Addr::new(192, 168, 10, 64));
        assert_eq!(s.broadcast, Some(Ipv4Addr::new(192, 168, 10, 127)));
        assert_eq!(s.first_host, Ipv4Addr::new(192, 168, 10, 65));
        assert_eq!(s.last_host, Ipv4Addr::new(192, 168, 10, 126));
        assert_eq!((s.addresses, s.usable_hosts), (64, 62));
        assert_eq!(
            binary_v4(u32::from(s.mask), 26),
            "11111111.11111111.11111111.11|000000"
        );
    }

    #[test]
    fn slash_31_and_32_have_no_broadcast() {
        let s = subnet4(Ipv4Addr::new(10, 0, 0, 1), 31);
        assert_eq!(s.broadcast, None);
        assert_eq!(
            (s.first_host, s.last_host),
            ("10.0.0.0".parse().unwrap(), "10.0.0.1".parse().unwrap())
        );
        let s = subnet4(Ipv4Addr::new(10, 0, 0, 1), 32);
        assert_eq!((s.broadcast, s.usable_hosts), (None, 1));
        let s = subnet4(Ipv4Addr::new(10, 0, 0, 1), 0);
        assert_eq!(s.network, Ipv4Addr::UNSPECIFIED);
    }

    #[test]
    fn ranges_name_the_block() {
        let name = |s: &str| ranges_of(s.parse().unwrap()).last().map(|r| r.name);
        assert_eq!(name("172.31.255.255"), Some("private"));
        assert_eq!(name("172.32.0.0"), None);
        assert_eq!(name("100.127.0.1"), Some("CGNAT shared address"));
        assert_eq!(name("100.128.0.1"), None);
        assert_eq!(name("169.254.1.1"), Some("link-local"));
        assert_eq!(name("239.1.1.1"), Some("multicast"));
        assert_eq!(name("fe80::1"), Some("link-local"));
        assert_eq!(name("fd00::1"), Some("unique local (ULA)"));
        assert_eq!(name("2606:4700::1"), None);
    }

    #[test]
    fn ipv6_prefixes_and_notation() {
        let s = subnet6("2001:db8:abcd:12::1".parse().unwrap(), 64);
        assert_eq!(s.network.to_string(), "2001:db8:abcd:12::");
        assert_eq!(s.last.to_string(), "2001:db8:abcd:12:ffff:ffff:ffff:ffff");
        assert_eq!(s.addresses, "2^64");
        assert_eq!(s.expanded, "2001:0db8:abcd:0012:0000:0000:0000:0001");
        assert_eq!(subnet6(Ipv6Addr::LOCALHOST, 120).addresses, "256");
        assert_eq!(subnet6(Ipv6Addr::LOCALHOST, 0).addresses, "2^128");
    }

    #[test]
    fn cidrs_parse_or_say_why_not() {
        assert_eq!(
            parse_cidr("10.1.2.3").unwrap(),
            ("10.1.2.3".parse().unwrap(), 32)
        );
        assert!(parse_cidr("10.1.2.3/33").unwrap_err().contains("0 to 32"));
        assert!(parse_cidr("::1/129").unwrap_err().contains("0 to 128"));
        assert!(parse_cidr("10.1.2/8").unwrap_err().contains("not an IPv4"));
    }
}
