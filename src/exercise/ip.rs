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
    title: || crate::tr!("exercise-ip-host-count-title"),
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
    title: || crate::tr!("exercise-ip-network-title"),
    params: |d| json!({ "cidr": format!("{}/{}", address(d), 8 + d.below(23)) }),
    solve: solve_network,
};

pub const BROADCAST: Template = Template {
    name: "ip/broadcast",
    demo: "ip",
    title: || crate::tr!("exercise-ip-broadcast-title"),
    params: |d| json!({ "cidr": format!("{}/{}", address(d), 8 + d.below(23)) }),
    solve: solve_broadcast,
};

pub const IS_PRIVATE: Template = Template {
    name: "ip/is-private",
    demo: "ip",
    title: || crate::tr!("exercise-ip-is-private-title"),
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
    title: || crate::tr!("exercise-ip-prefix-for-hosts-title"),
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
    title: || crate::tr!("exercise-ip-nat-mapping-title"),
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
    title: || crate::tr!("exercise-ip-mask-title"),
    params: |d| json!({ "prefix": 8 + d.below(23) }),
    solve: solve_mask,
};

pub const WILDCARD: Template = Template {
    name: "ip/wildcard",
    demo: "ip",
    title: || crate::tr!("exercise-ip-wildcard-title"),
    params: |d| json!({ "cidr": format!("10.0.0.0/{}", 8 + d.below(23)) }),
    solve: solve_wildcard,
};

pub const HOST_RANGE: Template = Template {
    name: "ip/host-range",
    demo: "ip",
    title: || crate::tr!("exercise-ip-host-range-title"),
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
        32 => crate::tr!("exercise-ip-host-count-why-32"),
        31 => crate::tr!("exercise-ip-host-count-why-31"),
        l => crate::tr!(
            "exercise-ip-host-count-why",
            prefix = l,
            addresses = s.addresses.to_string(),
            hosts = n.to_string()
        ),
    };
    Ok(Solved {
        question: crate::tr!("exercise-ip-host-count-question", cidr = cidr),
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
        question: crate::tr!("exercise-ip-network-question", cidr = cidr),
        answer: net.clone(),
        expect: words(&net),
        explanation: crate::tr!(
            "exercise-ip-network-explanation",
            address = s.address.to_string(),
            mask = s.mask.to_string(),
            network = net.as_str(),
            bits = 32 - s.prefix_len
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
        question: crate::tr!("exercise-ip-broadcast-question", cidr = cidr),
        answer: b.clone(),
        expect: words(&b),
        explanation: crate::tr!(
            "exercise-ip-broadcast-explanation",
            network = s.network.to_string(),
            wildcard = s.wildcard.to_string(),
            broadcast = b.as_str()
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
        // The block and its RFC, not its name: the names are the demo's
        // text, in the demo's words.
        .map(|r| format!("{} ({})", r.cidr, r.rfc))
        .collect();
    let answer = if private { "yes" } else { "no" };
    Ok(Solved {
        question: crate::tr!("exercise-ip-is-private-question", address = a),
        answer: answer.into(),
        expect: words(answer),
        explanation: if named.is_empty() {
            crate::tr!("exercise-ip-is-private-global")
        } else {
            crate::tr!(
                "exercise-ip-is-private-ranges",
                ranges = named.join(", "),
                answer = answer
            )
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
        question: crate::tr!(
            "exercise-ip-prefix-for-hosts-question",
            hosts = hosts.to_string()
        ),
        answer: format!("/{prefix}"),
        expect: Expect::Number(u64::from(prefix)),
        explanation: crate::tr!(
            "exercise-ip-prefix-for-hosts-explanation",
            prefix = prefix,
            bits = 32 - prefix,
            usable = n.to_string(),
            hosts = hosts.to_string(),
            longer = prefix + 1,
            longer_usable = ip::usable_hosts(prefix + 1).unwrap_or(0).to_string()
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
    let (to, to_text) = match second {
        "same-address-other-port" => (
            SocketAddrV4::new(Ipv4Addr::new(203, 0, 113, 5), 3479),
            crate::tr!(
                "exercise-ip-nat-mapping-same-address",
                to = "203.0.113.5:3479"
            ),
        ),
        "other-address" => (
            SocketAddrV4::new(Ipv4Addr::new(198, 51, 100, 7), 3478),
            crate::tr!(
                "exercise-ip-nat-mapping-other-address",
                to = "198.51.100.7:3478"
            ),
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
        question: crate::tr!(
            "exercise-ip-nat-mapping-question",
            mapping = m,
            inside = inside.to_string(),
            first = "203.0.113.5:3478",
            second = to_text
        ),
        answer: answer.into(),
        expect: words(answer),
        explanation: crate::tr!(
            "exercise-ip-nat-mapping-explanation",
            first = a.to_string(),
            second = b.to_string(),
            answer = answer
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
        question: crate::tr!("exercise-ip-mask-question", prefix = prefix),
        answer: mask.clone(),
        expect: words(&mask),
        explanation: crate::tr!(
            "exercise-ip-mask-explanation",
            prefix = prefix,
            binary = ip::binary_v4(ip::mask_v4(prefix), prefix),
            mask = mask.as_str()
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
        question: crate::tr!("exercise-ip-wildcard-question", cidr = cidr),
        answer: w.clone(),
        expect: words(&w),
        explanation: crate::tr!(
            "exercise-ip-wildcard-explanation",
            mask = s.mask.to_string(),
            wildcard = w.as_str()
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
        question: crate::tr!("exercise-ip-host-range-question", cidr = cidr),
        answer: answer.clone(),
        expect: words(&answer),
        explanation: crate::tr!(
            "exercise-ip-host-range-explanation",
            network = s.network.to_string(),
            range = answer.as_str()
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
