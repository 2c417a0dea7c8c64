//! Exercises answered by the model of `synack demo ip` (`sim::network::ip`
//! and its NAPT model `sim::network::nat`): usable hosts of a CIDR (RFC 3021
//! for /31 and /32), network and broadcast addresses, whether an address is
//! private (RFC 1918), the prefix a host count needs, and whether a NAT
//! keeps a mapping for a new destination (RFC 4787).

use std::net::{IpAddr, Ipv4Addr, SocketAddrV4};

use serde_json::{Value, json};

use super::{Draw, ExerciseError, Expect, Solved, Template, bad, param_str, param_u64};
use crate::sim::network::ip::{self, Subnet4};
use crate::sim::network::nat::{Filtering, Mapping, Nat};

pub const HOST_COUNT: Template = Template {
    name: "ip/host-count",
    demo: "ip",
    title: "CIDR의 사용 가능한 host 수: 2^(32−prefix) − 2 (/31: 2, /32: 1, RFC 3021)",
    params: |d| {
        // The edges (/31, /32, /30) one time in three.
        let prefix = if d.below(3) == 0 {
            d.pick(&[30u8, 31, 32, 0, 1])
        } else {
            8 + d.below(23) as u8
        };
        json!({ "cidr": format!("{}/{prefix}", address(d)) })
    },
    solve: solve_host_count,
};

pub const NETWORK: Template = Template {
    name: "ip/network",
    demo: "ip",
    title: "CIDR의 network 주소: 주소 AND subnet mask",
    params: |d| json!({ "cidr": format!("{}/{}", address(d), 8 + d.below(23)) }),
    solve: solve_network,
};

pub const BROADCAST: Template = Template {
    name: "ip/broadcast",
    demo: "ip",
    title: "CIDR의 broadcast 주소: host 비트는 모두 1",
    params: |d| json!({ "cidr": format!("{}/{}", address(d), 8 + d.below(23)) }),
    solve: solve_broadcast,
};

pub const IS_PRIVATE: Template = Template {
    name: "ip/is-private",
    demo: "ip",
    title: "RFC 1918 사설 주소: 10/8, 172.16/12, 192.168/16 (100.64/10 CGNAT는 아님)",
    params: |d| {
        let a = match d.below(6) {
            0 => Ipv4Addr::new(10, d.u32() as u8, d.u32() as u8, d.u32() as u8),
            1 => Ipv4Addr::new(
                172,
                14 + d.below(20) as u8,
                d.u32() as u8,
                1 + d.below(254) as u8,
            ),
            2 => Ipv4Addr::new(192, 168, d.u32() as u8, 1 + d.below(254) as u8),
            3 => Ipv4Addr::new(100, 60 + d.below(72) as u8, d.u32() as u8, 1),
            4 => Ipv4Addr::new(
                d.pick(&[127, 169, 192, 8, 1]),
                d.pick(&[0, 254, 169, 8]),
                3,
                4,
            ),
            _ => address(d),
        };
        json!({ "address": a.to_string() })
    },
    solve: solve_is_private,
};

pub const PREFIX_FOR_HOSTS: Template = Template {
    name: "ip/prefix-for-hosts",
    demo: "ip",
    title: "host N개가 들어가는 가장 작은 subnet의 prefix 길이",
    params: |d| {
        let hosts = match d.below(3) {
            0 => (1u64 << (2 + d.below(12))) - 2,
            1 => (1u64 << (2 + d.below(12))) - 1,
            _ => 2 + d.below(4000) as u64,
        };
        json!({ "hosts": hosts })
    },
    solve: solve_prefix_for_hosts,
};

pub const NAT_MAPPING: Template = Template {
    name: "ip/nat-mapping",
    demo: "ip",
    title: "NAT의 mapping 동작(RFC 4787): 새 목적지에도 같은 public port 재사용?",
    params: |d| {
        json!({
            "mapping": d.pick(&["endpoint-independent", "address-dependent", "address-and-port-dependent"]),
            "second": d.pick(&["same-address-other-port", "other-address"]),
        })
    },
    solve: solve_nat_mapping,
};

pub const MASK: Template = Template {
    name: "ip/mask",
    demo: "ip",
    title: "prefix 길이와 subnet mask (점 표기)",
    params: |d| json!({ "prefix": 8 + d.below(23) }),
    solve: solve_mask,
};

pub const WILDCARD: Template = Template {
    name: "ip/wildcard",
    demo: "ip",
    title: "wildcard mask: subnet mask의 비트 반전 (ACL, OSPF)",
    params: |d| json!({ "cidr": format!("10.0.0.0/{}", 8 + d.below(23)) }),
    solve: solve_wildcard,
};

pub const HOST_RANGE: Template = Template {
    name: "ip/host-range",
    demo: "ip",
    title: "CIDR의 첫 host 주소와 마지막 host 주소",
    params: |d| json!({ "cidr": format!("{}/{}", address(d), 16 + d.below(15)) }),
    solve: solve_host_range,
};

/// An IPv4 address anywhere a learner meets one.
fn address(d: &mut Draw) -> Ipv4Addr {
    let first = d.pick(&[10u8, 172, 192, 203, 198, 100, 61, 121]);
    Ipv4Addr::from((u32::from(first) << 24) | (d.u32() >> 8))
}

fn subnet(name: &'static str, p: &Value) -> Result<Subnet4, ExerciseError> {
    let cidr = param_str(name, p, "cidr")?;
    match ip::parse_cidr(cidr).map_err(|e| bad(name, p, e))? {
        (IpAddr::V4(a), len) => Ok(ip::subnet4(a, len)),
        _ => Err(bad(name, p, format!("{cidr:?} is not IPv4"))),
    }
}

fn words(w: &str) -> Expect {
    Expect::Words(vec![w.to_string()])
}

fn solve_host_count(p: &Value) -> Result<Solved, ExerciseError> {
    let name = HOST_COUNT.name;
    let s = subnet(name, p)?;
    let cidr = param_str(name, p, "cidr")?;
    let n = ip::usable_hosts(s.prefix_len).ok_or_else(|| bad(name, p, "prefix".into()))?;
    let why = match s.prefix_len {
        32 => "/32: host 하나 자체를 가리킵니다 → 1".to_string(),
        31 => "/31: point-to-point 링크용, 두 주소 모두 host 주소입니다 (RFC 3021) → 2".to_string(),
        l => format!(
            "2^(32−{l}) = {} 개 주소에서 network 주소와 broadcast 주소를 빼면 {n}",
            s.addresses
        ),
    };
    Ok(Solved {
        question: format!(
            "IPv4 CIDR {cidr} 에서 host에 줄 수 있는 주소는 몇 개입니까? (/31, /32는 RFC 3021대로)"
        ),
        question_en: format!(
            "How many usable host addresses are in the IPv4 CIDR {cidr}? (/31 and /32 as RFC 3021 has them)"
        ),
        answer: n.to_string(),
        expect: Expect::Number(n),
        explanation: why,
        demo: vec!["ip".into(), cidr.into()],
    })
}

fn solve_network(p: &Value) -> Result<Solved, ExerciseError> {
    let name = NETWORK.name;
    let s = subnet(name, p)?;
    let cidr = param_str(name, p, "cidr")?;
    let net = s.network.to_string();
    Ok(Solved {
        question: format!("IPv4 CIDR {cidr} 의 network 주소는?"),
        question_en: format!("What is the network address of the IPv4 CIDR {cidr}?"),
        answer: net.clone(),
        expect: words(&net),
        explanation: format!(
            "주소 {} AND mask {} = {net}: host 비트 {}개는 모두 0",
            s.address,
            s.mask,
            32 - s.prefix_len
        ),
        demo: vec!["ip".into(), cidr.into()],
    })
}

fn solve_broadcast(p: &Value) -> Result<Solved, ExerciseError> {
    let name = BROADCAST.name;
    let s = subnet(name, p)?;
    let cidr = param_str(name, p, "cidr")?;
    let b = s
        .broadcast
        .ok_or_else(|| bad(name, p, "/31 and /32 have no broadcast".into()))?
        .to_string();
    Ok(Solved {
        question: format!("IPv4 CIDR {cidr} 의 broadcast 주소는?"),
        question_en: format!("What is the broadcast address of the IPv4 CIDR {cidr}?"),
        answer: b.clone(),
        expect: words(&b),
        explanation: format!(
            "network 주소 {} OR wildcard {} = {b}: host 비트는 모두 1",
            s.network, s.wildcard
        ),
        demo: vec!["ip".into(), cidr.into()],
    })
}

fn solve_is_private(p: &Value) -> Result<Solved, ExerciseError> {
    let name = IS_PRIVATE.name;
    let a = param_str(name, p, "address")?;
    let addr: Ipv4Addr = a
        .parse()
        .map_err(|_| bad(name, p, format!("{a:?} is not IPv4")))?;
    let ranges = ip::ranges_of(IpAddr::V4(addr));
    let private = ranges.iter().any(|r| r.rfc == "RFC 1918");
    let named: Vec<String> = ranges
        .iter()
        .map(|r| format!("{} {} ({})", r.cidr, r.name, r.rfc))
        .collect();
    let answer = if private { "yes" } else { "no" };
    Ok(Solved {
        question: format!(
            "주소 {a}: RFC 1918 사설 주소입니까? (yes/no; 100.64.0.0/10 CGNAT 공유 주소, loopback, link-local은 사설 주소가 아님)"
        ),
        question_en: format!(
            "Is {a} an RFC 1918 private address? (yes/no; CGNAT 100.64.0.0/10, loopback and link-local are not)"
        ),
        answer: answer.into(),
        expect: words(answer),
        explanation: if named.is_empty() {
            "특수 용도 범위가 아닌 global unicast 주소입니다 → no".into()
        } else {
            format!("{} → {answer}", named.join(", "))
        },
        demo: vec!["ip".into(), a.into()],
    })
}

fn solve_prefix_for_hosts(p: &Value) -> Result<Solved, ExerciseError> {
    let name = PREFIX_FOR_HOSTS.name;
    let hosts = param_u64(name, p, "hosts")?;
    // Ordinary LANs: /30 and shorter (a /31 has no room for a gateway and
    // broadcast, a /32 is one host).
    let prefix = (0..=30u8)
        .rev()
        .find(|l| ip::usable_hosts(*l).is_some_and(|n| n >= hosts))
        .ok_or_else(|| bad(name, p, "too many hosts".into()))?;
    let n = ip::usable_hosts(prefix).unwrap_or(0);
    Ok(Solved {
        question: format!(
            "host {hosts}대가 들어가는 가장 작은 IPv4 subnet의 prefix 길이는? (network, broadcast 주소 제외; /31, /32 제외)"
        ),
        question_en: format!(
            "What is the prefix length of the smallest IPv4 subnet that holds {hosts} hosts (network and broadcast excluded; no /31 or /32)?"
        ),
        answer: format!("/{prefix}"),
        expect: Expect::Number(u64::from(prefix)),
        explanation: format!(
            "/{prefix}: 2^{} − 2 = {n} ≥ {hosts}, 한 비트 더 긴 /{}: {} 개뿐",
            32 - prefix,
            prefix + 1,
            ip::usable_hosts(prefix + 1).unwrap_or(0)
        ),
        demo: vec!["ip".into(), format!("10.0.0.0/{prefix}")],
    })
}

fn solve_nat_mapping(p: &Value) -> Result<Solved, ExerciseError> {
    let name = NAT_MAPPING.name;
    let m = param_str(name, p, "mapping")?;
    let second = param_str(name, p, "second")?;
    let mapping = match m {
        "endpoint-independent" => Mapping::EndpointIndependent,
        "address-dependent" => Mapping::AddressDependent,
        "address-and-port-dependent" => Mapping::AddressAndPortDependent,
        _ => return Err(bad(name, p, format!("mapping {m:?}"))),
    };
    let inside = SocketAddrV4::new(Ipv4Addr::new(192, 168, 0, 10), 50000);
    let first = SocketAddrV4::new(Ipv4Addr::new(203, 0, 113, 5), 3478);
    let (to, to_ko, to_en) = match second {
        "same-address-other-port" => (
            SocketAddrV4::new(Ipv4Addr::new(203, 0, 113, 5), 3479),
            "같은 주소의 다른 port 203.0.113.5:3479",
            "the same address on another port, 203.0.113.5:3479",
        ),
        "other-address" => (
            SocketAddrV4::new(Ipv4Addr::new(198, 51, 100, 7), 3478),
            "다른 주소 198.51.100.7:3478",
            "another address, 198.51.100.7:3478",
        ),
        _ => return Err(bad(name, p, format!("second {second:?}"))),
    };
    let mut nat = Nat::new(
        Ipv4Addr::new(198, 51, 100, 1),
        40000,
        mapping,
        Filtering::AddressAndPortDependent,
    );
    let a = nat.outbound(inside, first);
    let b = nat.outbound(inside, to);
    let same = a == b;
    let answer = if same { "yes" } else { "no" };
    Ok(Solved {
        question: format!(
            "NAT(mapping 동작: {m}) 안쪽의 {inside}에서 먼저 203.0.113.5:3478에, 이어서 {to_ko}에 보냅니다. 두 번째 packet도 첫 번째와 같은 public 주소·port 번호로 나갑니까? (yes/no)"
        ),
        question_en: format!(
            "Behind a NAT with {m} mapping, {inside} sends to 203.0.113.5:3478 and then to {to_en}. Does the second packet leave from the same public address and port? (yes/no)"
        ),
        answer: answer.into(),
        expect: words(answer),
        explanation: format!(
            "RFC 4787 §4.1의 mapping 재사용 조건. endpoint-independent: 목적지와 상관없이 항상, address-dependent: 목적지 주소가 같을 때만, address-and-port-dependent(symmetric): 목적지 주소와 port 번호가 모두 같을 때만. 첫 번째 {a}, 두 번째 {b} → {answer}"
        ),
        demo: vec!["ip".into(), "--nat".into(), "--mapping".into(), m.into()],
    })
}

fn solve_mask(p: &Value) -> Result<Solved, ExerciseError> {
    let name = MASK.name;
    let prefix = param_u64(name, p, "prefix")?;
    let prefix = u8::try_from(prefix)
        .ok()
        .filter(|l| *l <= 32)
        .ok_or_else(|| bad(name, p, "prefix must be 0 to 32".into()))?;
    let mask = Ipv4Addr::from(ip::mask_v4(prefix)).to_string();
    Ok(Solved {
        question: format!("prefix 길이 /{prefix} 의 IPv4 subnet mask를 점 표기로 쓰면?"),
        question_en: format!("What is the IPv4 subnet mask of a /{prefix}, in dotted notation?"),
        answer: mask.clone(),
        expect: words(&mask),
        explanation: format!(
            "앞에서부터 1 비트 {prefix}개, 나머지 0: {} → {mask}",
            ip::binary_v4(ip::mask_v4(prefix), prefix)
        ),
        demo: vec!["ip".into(), format!("10.0.0.0/{prefix}")],
    })
}

fn solve_wildcard(p: &Value) -> Result<Solved, ExerciseError> {
    let name = WILDCARD.name;
    let s = subnet(name, p)?;
    let cidr = param_str(name, p, "cidr")?;
    let w = s.wildcard.to_string();
    Ok(Solved {
        question: format!("{cidr} 의 wildcard mask는? (ACL, OSPF 설정에 쓰는 값)"),
        question_en: format!("What is the wildcard mask of {cidr} (as ACLs and OSPF take it)?"),
        answer: w.clone(),
        expect: words(&w),
        explanation: format!(
            "subnet mask {}의 비트 반전 = 255.255.255.255 − mask = {w}",
            s.mask
        ),
        demo: vec!["ip".into(), cidr.into()],
    })
}

fn solve_host_range(p: &Value) -> Result<Solved, ExerciseError> {
    let name = HOST_RANGE.name;
    let s = subnet(name, p)?;
    let cidr = param_str(name, p, "cidr")?;
    let answer = format!("{} - {}", s.first_host, s.last_host);
    Ok(Solved {
        question: format!(
            "{cidr} 에서 host에 줄 수 있는 첫 주소와 마지막 주소는? (\"첫 주소 - 마지막 주소\"; /31, /32는 RFC 3021대로)"
        ),
        question_en: format!(
            "What are the first and the last usable host addresses of {cidr}? (\"first - last\"; /31 and /32 as RFC 3021 has them)"
        ),
        answer: answer.clone(),
        expect: words(&answer),
        explanation: format!(
            "network 주소 {} + 1부터 broadcast 주소 − 1까지 (/31: 두 주소 모두, /32: 그 주소 하나) → {answer}",
            s.network
        ),
        demo: vec!["ip".into(), cidr.into()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(f: fn(&Value) -> Result<Solved, ExerciseError>, p: Value) -> String {
        f(&p).unwrap().answer
    }

    #[test]
    fn host_counts_by_hand() {
        assert_eq!(
            answer(solve_host_count, json!({"cidr": "10.0.0.0/24"})),
            "254"
        );
        assert_eq!(
            answer(solve_host_count, json!({"cidr": "10.0.0.0/31"})),
            "2"
        );
        assert_eq!(
            answer(solve_host_count, json!({"cidr": "10.0.0.9/32"})),
            "1"
        );
        assert_eq!(
            answer(solve_host_count, json!({"cidr": "10.0.0.0/30"})),
            "2"
        );
    }

    #[test]
    fn network_broadcast_private_by_hand() {
        let c = json!({"cidr": "192.168.10.77/26"});
        assert_eq!(answer(solve_network, c.clone()), "192.168.10.64");
        assert_eq!(answer(solve_broadcast, c), "192.168.10.127");
        assert_eq!(
            answer(solve_is_private, json!({"address": "172.31.0.1"})),
            "yes"
        );
        assert_eq!(
            answer(solve_is_private, json!({"address": "172.32.0.1"})),
            "no"
        );
        assert_eq!(
            answer(solve_is_private, json!({"address": "100.64.0.1"})),
            "no"
        );
    }

    #[test]
    fn prefixes_and_nat_by_hand() {
        assert_eq!(answer(solve_prefix_for_hosts, json!({"hosts": 254})), "/24");
        assert_eq!(answer(solve_prefix_for_hosts, json!({"hosts": 255})), "/23");
        assert_eq!(answer(solve_prefix_for_hosts, json!({"hosts": 2})), "/30");
        let nat = |m: &str, s: &str| answer(solve_nat_mapping, json!({"mapping": m, "second": s}));
        assert_eq!(nat("endpoint-independent", "other-address"), "yes");
        assert_eq!(nat("address-dependent", "same-address-other-port"), "yes");
        assert_eq!(nat("address-dependent", "other-address"), "no");
        assert_eq!(answer(solve_mask, json!({"prefix": 20})), "255.255.240.0");
        assert_eq!(
            answer(solve_wildcard, json!({"cidr": "10.0.0.0/22"})),
            "0.0.3.255"
        );
        assert_eq!(
            answer(solve_host_range, json!({"cidr": "172.16.5.9/23"})),
            "172.16.4.1 - 172.16.5.254"
        );
        assert_eq!(
            nat("address-and-port-dependent", "same-address-other-port"),
            "no"
        );
    }
}
