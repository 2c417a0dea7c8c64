//! Exercises on what crosses the wire, each answered by a small pure model
//! function of its demo: the round trips of a TLS handshake
//! (`sim::web::tls::round_trips`), how many `recv()` calls TCP and UDP take
//! (`sim::transport::tcp_vs_udp::recv_calls`), a WebSocket client's masking
//! (`sim::web::websocket::mask`), the window a receiver advertises
//! (`sim::transport::flow::advertised_window`) and the PDU of each layer
//! (`sim::network::encap::pdu_name`).

use serde_json::{Value, json};

use super::{ExerciseError, Expect, Solved, Template, bad, param, param_str, param_u64};
use crate::sim::network::encap;
use crate::sim::transport::{flow, tcp_vs_udp};
use crate::sim::web::tls::{self, record::Version};
use crate::sim::web::websocket;

/// `tls/round-trips`: params `{"version": "1.2"|"1.3", "resumption": bool,
/// "zero_rtt": bool}` (0-RTT only with 1.3 and resumption); answer the
/// round trips after TCP's handshake before the first request byte
/// (`2`, `1` or `0`).
pub const TLS_ROUND_TRIPS: Template = Template {
    name: "tls/round-trips",
    demo: "tls",
    title: || crate::tr!("exercise-tls-round-trips-title"),
    params: |d| {
        let version = d.pick(&["1.2", "1.3"]);
        let resumption = d.below(2) == 0;
        let zero_rtt = version == "1.3" && resumption && d.below(2) == 0;
        json!({ "version": version, "resumption": resumption, "zero_rtt": zero_rtt })
    },
    solve: solve_tls_round_trips,
};

/// `tcp-vs-udp/recv-calls`: params `{"protocol": "tcp"|"udp", "sizes":
/// [bytes of each send()], "buffer": bytes, "lost": k|null}` (the k-th send
/// lost once, from 1); answer how many recv() calls return data.
pub const RECV_CALLS: Template = Template {
    name: "tcp-vs-udp/recv-calls",
    demo: "tcp-vs-udp",
    title: || crate::tr!("exercise-tcp-vs-udp-recv-calls-title"),
    params: |d| {
        let n = 3 + d.below(3);
        let sizes: Vec<u64> = (0..n)
            .map(|_| d.pick(&[3u64, 5, 40, 100, 300, 500]))
            .collect();
        json!({
            "protocol": d.pick(&["tcp", "udp"]),
            "sizes": sizes,
            "buffer": d.pick(&[64u64, 256, 1024, 4096]),
            "lost": if d.below(2) == 0 { Value::Null } else { json!(1 + d.below(3)) },
        })
    },
    solve: solve_recv_calls,
};

/// `websocket/masking`: params `{"mask": 8 hex digits, "payload": text}`;
/// answer the masked payload bytes in hex, `7f 9f 4d 51 58` (spaces
/// optional).
pub const WS_MASKING: Template = Template {
    name: "websocket/masking",
    demo: "websocket",
    title: || crate::tr!("exercise-websocket-masking-title"),
    params: |d| {
        // RFC 6455 §5.7's own example one time in four.
        if d.below(4) == 0 {
            return json!({ "mask": "37fa213d", "payload": "Hello" });
        }
        let key = d.u32().to_be_bytes();
        json!({
            "mask": hex(&key, ""),
            "payload": d.pick(&["Hi", "ping", "ok", "abc", "TCP", "hello"]),
        })
    },
    solve: solve_ws_masking,
};

/// `flow/advertised-window`: params `{"buffer", "received", "read"}` in
/// bytes (received − read ≤ buffer); answer the rwnd of the next ACK.
pub const ADVERTISED_WINDOW: Template = Template {
    name: "flow/advertised-window",
    demo: "flow",
    title: || crate::tr!("exercise-flow-advertised-window-title"),
    params: |d| {
        let buffer = d.pick(&[2000u64, 4000, 8000, 16000, 32000]);
        // Unread bytes: anywhere from none to a full buffer.
        let unread = buffer * d.below(9) as u64 / 8;
        let read = d.pick(&[0u64, 500, 1000, 1460, 3000]);
        json!({ "buffer": buffer, "received": unread + read, "read": read })
    },
    solve: solve_advertised_window,
};

/// `encap/pdu-name`: params `{"layer": "application"|"transport"|"network"|
/// "link"|"physical", "protocol": "tcp"|"udp"}`; answer the PDU's name
/// (`data`, `segment`, `datagram`, `packet`, `frame`, `bits`; Korean names
/// such as 프레임 are accepted).
pub const PDU_NAME: Template = Template {
    name: "encap/pdu-name",
    demo: "encap",
    title: || crate::tr!("exercise-encap-pdu-name-title"),
    params: |d| {
        json!({
            "layer": d.pick(&["application", "transport", "transport", "network", "link", "physical"]),
            "protocol": d.pick(&["tcp", "udp"]),
        })
    },
    solve: solve_pdu_name,
};

fn hex(bytes: &[u8], separator: &str) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(separator)
}

fn bool_param(name: &'static str, p: &Value, k: &str) -> Result<bool, ExerciseError> {
    param(name, p, k)?
        .as_bool()
        .ok_or_else(|| bad(name, p, format!("{k:?} is not true or false")))
}

fn solve_tls_round_trips(p: &Value) -> Result<Solved, ExerciseError> {
    let name = TLS_ROUND_TRIPS.name;
    let v = param_str(name, p, "version")?;
    let version = match v {
        "1.2" => Version::Tls12,
        "1.3" => Version::Tls13,
        other => return Err(bad(name, p, format!("version {other:?} is not 1.2 or 1.3"))),
    };
    let resumption = bool_param(name, p, "resumption")?;
    let zero_rtt = bool_param(name, p, "zero_rtt")?;
    let n = tls::round_trips(version, resumption, zero_rtt)
        .ok_or_else(|| bad(name, p, "0-RTT needs TLS 1.3 and resumption".into()))?;
    let (session, why) = match (version, resumption, zero_rtt) {
        (_, _, true) => (
            crate::tr!("exercise-tls-session-zero-rtt"),
            crate::tr!("exercise-tls-why-zero-rtt"),
        ),
        (Version::Tls12, false, _) => (
            crate::tr!("exercise-tls-session-full"),
            crate::tr!("exercise-tls-why-12-full"),
        ),
        (Version::Tls12, true, _) => (
            crate::tr!("exercise-tls-session-resumed"),
            crate::tr!("exercise-tls-why-12-resumed"),
        ),
        (Version::Tls13, false, _) => (
            crate::tr!("exercise-tls-session-full"),
            crate::tr!("exercise-tls-why-13-full"),
        ),
        (Version::Tls13, true, _) => (
            crate::tr!("exercise-tls-session-resumed"),
            crate::tr!("exercise-tls-why-13-resumed"),
        ),
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-tls-round-trips-question",
            version = v,
            session = session
        ),
        answer: n.to_string(),
        expect: Expect::Number(u64::from(n)),
        explanation: crate::tr!("exercise-tls-round-trips-explanation", why = why, count = n),
        demo: vec!["tls".into(), "--version".into(), v.into()],
    })
}

fn solve_recv_calls(p: &Value) -> Result<Solved, ExerciseError> {
    let name = RECV_CALLS.name;
    let udp = match param_str(name, p, "protocol")? {
        "tcp" => false,
        "udp" => true,
        other => {
            return Err(bad(
                name,
                p,
                format!("protocol {other:?} is not tcp or udp"),
            ));
        }
    };
    let sizes: Vec<usize> = param(name, p, "sizes")?
        .as_array()
        .and_then(|a| {
            a.iter()
                .map(|v| v.as_u64().filter(|n| (1..=65_507).contains(n)))
                .collect::<Option<Vec<u64>>>()
        })
        .filter(|s| !s.is_empty() && s.len() <= 20)
        .ok_or_else(|| {
            bad(
                name,
                p,
                "sizes is not a list of 1 to 20 sizes of 1-65507 bytes".into(),
            )
        })?
        .into_iter()
        .map(|n| n as usize)
        .collect();
    let buffer = param_u64(name, p, "buffer")?;
    let buffer = usize::try_from(buffer)
        .ok()
        .filter(|b| (1..=1 << 20).contains(b))
        .ok_or_else(|| bad(name, p, "buffer must be 1 to 1048576 bytes".into()))?;
    let lost = match param(name, p, "lost")? {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .map(|k| k as usize)
                .filter(|k| (1..=sizes.len()).contains(k))
                .ok_or_else(|| bad(name, p, "lost is not one of the sends".into()))?,
        ),
    };
    let n = tcp_vs_udp::recv_calls(udp, &sizes, lost.as_slice(), buffer);
    let total: usize = sizes.iter().sum();
    let shown: Vec<String> = sizes.iter().map(usize::to_string).collect();
    let protocol = if udp { "UDP" } else { "TCP" };
    let loss = match lost {
        None => crate::tr!("exercise-recv-calls-no-loss"),
        Some(k) if udp => crate::tr!("exercise-recv-calls-udp-loss", lost = k),
        Some(k) => crate::tr!("exercise-recv-calls-tcp-loss", lost = k),
    };
    let explanation = if udp {
        crate::tr!(
            "exercise-recv-calls-why-udp",
            sends = sizes.len(),
            lost = lost.map_or(0, |_| 1),
            count = n
        )
    } else {
        crate::tr!(
            "exercise-recv-calls-why-tcp",
            total = total,
            buffer = buffer,
            count = n
        )
    };
    let mut demo = vec!["tcp-vs-udp".to_string()];
    // The demo's own loss: one of its three datagrams.
    if let Some(k) = lost.filter(|k| *k <= 3) {
        demo.extend(["--drop".into(), k.to_string()]);
    }
    Ok(Solved {
        question: crate::tr!(
            "exercise-tcp-vs-udp-recv-calls-question",
            protocol = protocol,
            sends = sizes.len(),
            sizes = shown.join(", "),
            loss = loss,
            buffer = buffer
        ),
        answer: n.to_string(),
        expect: Expect::Number(n as u64),
        explanation,
        demo,
    })
}

fn solve_ws_masking(p: &Value) -> Result<Solved, ExerciseError> {
    let name = WS_MASKING.name;
    let m = param_str(name, p, "mask")?;
    let payload = param_str(name, p, "payload")?;
    let key: [u8; 4] = data_encoding::HEXLOWER_PERMISSIVE
        .decode(m.as_bytes())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad(name, p, "mask is not 4 bytes of hex".into()))?;
    if payload.is_empty() || payload.len() > 125 {
        return Err(bad(name, p, "payload must be 1 to 125 bytes".into()));
    }
    let masked = websocket::mask(key, payload.as_bytes());
    let spaced = hex(&masked, " ");
    let first = payload.as_bytes()[0];
    Ok(Solved {
        question: crate::tr!(
            "exercise-websocket-masking-question",
            payload = payload,
            mask = hex(&key, " "),
            bytes = hex(payload.as_bytes(), " ")
        ),
        answer: spaced.clone(),
        expect: Expect::Words(vec![spaced.clone(), hex(&masked, "")]),
        explanation: crate::tr!(
            "exercise-websocket-masking-explanation",
            first = format!("{first:02x}"),
            key = format!("{:02x}", key[0]),
            masked = format!("{:02x}", masked[0]),
            answer = spaced.as_str()
        ),
        demo: vec!["websocket".into(), "--message".into(), payload.into()],
    })
}

fn solve_advertised_window(p: &Value) -> Result<Solved, ExerciseError> {
    let name = ADVERTISED_WINDOW.name;
    let get = |k: &str| {
        u32::try_from(param_u64(name, p, k)?)
            .map_err(|_| bad(name, p, format!("{k:?} is not a u32")))
    };
    let (buffer, received, read) = (get("buffer")?, get("received")?, get("read")?);
    if !(1000..=64_000).contains(&buffer) {
        return Err(bad(name, p, "buffer must be 1000 to 64000 bytes".into()));
    }
    if read > received || received - read > buffer {
        return Err(bad(
            name,
            p,
            "more unread bytes than the buffer holds".into(),
        ));
    }
    let unread = received - read;
    let rwnd = flow::advertised_window(buffer, unread);
    Ok(Solved {
        question: crate::tr!(
            "exercise-flow-advertised-window-question",
            buffer = buffer,
            received = received,
            read = read
        ),
        answer: rwnd.to_string(),
        expect: Expect::Number(u64::from(rwnd)),
        explanation: crate::tr!(
            "exercise-flow-advertised-window-explanation",
            buffer = buffer,
            received = received,
            read = read,
            unread = unread,
            rwnd = rwnd
        ),
        demo: vec!["flow".into(), "--buffer".into(), buffer.to_string()],
    })
}

fn solve_pdu_name(p: &Value) -> Result<Solved, ExerciseError> {
    let name = PDU_NAME.name;
    let layer = param_str(name, p, "layer")?;
    let udp = match param_str(name, p, "protocol")? {
        "tcp" => false,
        "udp" => true,
        other => {
            return Err(bad(
                name,
                p,
                format!("protocol {other:?} is not tcp or udp"),
            ));
        }
    };
    let pdu =
        encap::pdu_name(layer, udp).ok_or_else(|| bad(name, p, format!("no layer {layer:?}")))?;
    let layer_name = match layer {
        "application" => crate::tr!("exercise-layer-application"),
        "transport" => crate::tr!("exercise-layer-transport"),
        "network" => crate::tr!("exercise-layer-network"),
        "link" => crate::tr!("exercise-layer-link"),
        _ => crate::tr!("exercise-layer-physical"),
    };
    // The words learners use for the same PDU.
    let words: &[&str] = match pdu {
        "data" => &["data", "message"],
        "bits" => &["bits", "bit"],
        other => &[other],
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-encap-pdu-name-question",
            protocol = if udp { "UDP" } else { "TCP" },
            layer = layer_name.as_str()
        ),
        answer: pdu.to_string(),
        expect: Expect::Words(words.iter().map(|w| w.to_string()).collect()),
        explanation: crate::tr!(
            "exercise-encap-pdu-name-explanation",
            layer = layer_name,
            pdu = pdu,
            transport = if udp { "datagram" } else { "segment" }
        ),
        demo: vec!["encap".into()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::check;

    /// `tls::round_trips`, by hand from RFC 5246 §7.3 and RFC 8446 §2.
    #[test]
    fn tls_round_trips_by_hand() {
        assert_eq!(tls::round_trips(Version::Tls12, false, false), Some(2));
        assert_eq!(tls::round_trips(Version::Tls12, true, false), Some(1));
        assert_eq!(tls::round_trips(Version::Tls13, false, false), Some(1));
        assert_eq!(tls::round_trips(Version::Tls13, true, false), Some(1));
        assert_eq!(tls::round_trips(Version::Tls13, true, true), Some(0));
        assert_eq!(tls::round_trips(Version::Tls12, true, true), None);
        assert_eq!(tls::round_trips(Version::Tls13, false, true), None);
        let s = solve_tls_round_trips(
            &json!({"version": "1.2", "resumption": false, "zero_rtt": false}),
        )
        .unwrap();
        assert_eq!(s.answer, "2");
        assert!(
            solve_tls_round_trips(&json!({"version": "1.2", "resumption": true, "zero_rtt": true}))
                .is_err()
        );
    }

    /// `tcp_vs_udp::recv_calls`: the demo's three sends ("one", "two",
    /// "three", 11 bytes) are one TCP recv() and three UDP ones, two with
    /// a loss.
    #[test]
    fn recv_calls_by_hand() {
        let demo = [3, 3, 5];
        assert_eq!(tcp_vs_udp::recv_calls(false, &demo, &[], 1024), 1);
        assert_eq!(tcp_vs_udp::recv_calls(false, &demo, &[2], 1024), 1);
        assert_eq!(tcp_vs_udp::recv_calls(true, &demo, &[], 1024), 3);
        assert_eq!(tcp_vs_udp::recv_calls(true, &demo, &[2], 1024), 2);
        // 800 bytes through a 256-byte buffer: 256 + 256 + 256 + 32.
        assert_eq!(tcp_vs_udp::recv_calls(false, &[300, 500], &[], 256), 4);
        // A datagram longer than the buffer is still one recv() (truncated).
        assert_eq!(tcp_vs_udp::recv_calls(true, &[300, 500], &[], 256), 2);
    }

    /// `websocket::mask` against RFC 6455 §5.7's example: "Hello" with
    /// the key 37 fa 21 3d is 7f 9f 4d 51 58.
    #[test]
    fn masking_by_hand() {
        let key = [0x37, 0xfa, 0x21, 0x3d];
        assert_eq!(
            websocket::mask(key, b"Hello"),
            [0x7f, 0x9f, 0x4d, 0x51, 0x58]
        );
        assert_eq!(
            websocket::mask(key, &websocket::mask(key, b"Hello")),
            b"Hello"
        );
        let s = solve_ws_masking(&json!({"mask": "37fa213d", "payload": "Hello"})).unwrap();
        assert_eq!(s.answer, "7f 9f 4d 51 58");
        assert!(check(&s.expect, "7f9f4d5158"));
        assert!(check(&s.expect, "7F 9F 4D 51 58"));
        assert!(!check(&s.expect, "48 65 6c 6c 6f"));
    }

    #[test]
    fn advertised_window_by_hand() {
        assert_eq!(flow::advertised_window(4000, 0), 4000);
        assert_eq!(flow::advertised_window(4000, 2500), 1500);
        assert_eq!(flow::advertised_window(4000, 4000), 0);
        assert_eq!(flow::advertised_window(4000, 5000), 0);
        let s = solve_advertised_window(&json!({"buffer": 8000, "received": 5000, "read": 1000}))
            .unwrap();
        assert_eq!(s.answer, "4000");
        assert!(
            solve_advertised_window(&json!({"buffer": 2000, "received": 5000, "read": 1000}))
                .is_err()
        );
    }

    /// `encap::pdu_name` by hand, and as the demo's own decoded frame
    /// names its layers.
    #[test]
    fn pdu_names_by_hand_and_as_the_demo_decodes() {
        assert_eq!(encap::pdu_name("transport", false), Some("segment"));
        assert_eq!(encap::pdu_name("transport", true), Some("datagram"));
        assert_eq!(encap::pdu_name("network", true), Some("packet"));
        assert_eq!(encap::pdu_name("link", false), Some("frame"));
        assert_eq!(encap::pdu_name("physical", false), Some("bits"));
        assert_eq!(encap::pdu_name("application", false), Some("data"));
        assert_eq!(encap::pdu_name("session", false), None);
        for ipv6 in [false, true] {
            let frame = encap::build(&encap::Spec::seeded(3, ipv6)).unwrap();
            let decoded = encap::decode(&frame).unwrap();
            assert_eq!(decoded.layers.len(), 5);
            for l in &decoded.layers {
                assert_eq!(encap::pdu_name(l.layer, false), Some(l.pdu), "{}", l.layer);
            }
        }
        let s = solve_pdu_name(&json!({"layer": "link", "protocol": "tcp"})).unwrap();
        assert!(check(&s.expect, "프레임"));
        assert!(check(&s.expect, "Frame"));
        assert!(!check(&s.expect, "packet"));
        let s = solve_pdu_name(&json!({"layer": "application", "protocol": "udp"})).unwrap();
        assert!(check(&s.expect, "message"));
    }
}
