//! Exercises answered by the models of `synack demo arq`
//! (`sim::transport::arq`: which segments Go-Back-N and Selective Repeat
//! send again, how many retransmissions each protocol makes), `synack demo
//! websocket` (`sim::web::websocket::accept_key`, tungstenite's
//! derive_accept_key) and `synack demo encap` (`sim::network::encap::mss`).

use data_encoding::BASE64;
use serde_json::{Value, json};

use super::{ExerciseError, Expect, Solved, Template, bad, param, param_str, param_u64};
use crate::sim::network::encap;
use crate::sim::transport::arq::{self, Protocol};
use crate::sim::web::websocket;

pub const ARQ_RETRANSMIT: Template = Template {
    name: "arq/retransmit",
    demo: "arq",
    title: || crate::tr!("exercise-arq-retransmit-title"),
    params: |d| {
        let segments = 6 + d.below(3) as u32;
        json!({
            "protocol": d.pick(&["gbn", "sr"]),
            "window": d.pick(&[3u32, 4, 5]),
            "segments": segments,
            "drop": 1 + d.below(segments as usize - 2) as u32,
        })
    },
    solve: solve_arq_retransmit,
};

pub const ARQ_COUNT: Template = Template {
    name: "arq/retransmissions",
    demo: "arq",
    title: || crate::tr!("exercise-arq-retransmissions-title"),
    params: |d| {
        let segments = 6 + d.below(3) as u32;
        json!({
            "protocol": d.pick(&["stop-and-wait", "gbn", "sr", "tcp"]),
            "window": 4,
            "segments": segments,
            "drop": 1 + d.below(segments as usize - 1) as u32,
        })
    },
    solve: solve_arq_count,
};

pub const WS_ACCEPT: Template = Template {
    name: "websocket/accept-key",
    demo: "websocket",
    title: || crate::tr!("exercise-websocket-accept-key-title"),
    params: |d| {
        // The RFC's own example key one time in four.
        if d.below(4) == 0 {
            return json!({ "key": "dGhlIHNhbXBsZSBub25jZQ==" });
        }
        let bytes: Vec<u8> = (0..16).map(|_| d.u32() as u8).collect();
        json!({ "key": BASE64.encode(&bytes) })
    },
    solve: solve_ws_accept,
};

pub const MSS: Template = Template {
    name: "encap/mss",
    demo: "encap",
    title: || crate::tr!("exercise-encap-mss-title"),
    params: |d| {
        let ipv6 = d.below(2) == 0;
        let mtu = if ipv6 {
            d.pick(&[1280u64, 1400, 1492, 1500, 9000])
        } else {
            d.pick(&[576u64, 1400, 1454, 1492, 1500, 9000])
        };
        json!({ "mtu": mtu, "ipv6": ipv6 })
    },
    solve: solve_mss,
};

struct ArqParams {
    protocol: Protocol,
    window: u32,
    segments: u32,
    drop: u32,
}

fn arq_params(name: &'static str, p: &Value) -> Result<ArqParams, ExerciseError> {
    let protocol = match param_str(name, p, "protocol")? {
        "stop-and-wait" => Protocol::StopAndWait,
        "gbn" => Protocol::Gbn,
        "sr" => Protocol::Sr,
        "tcp" => Protocol::Tcp,
        other => return Err(bad(name, p, format!("protocol {other:?}"))),
    };
    let small = |k: &str, max: u64| -> Result<u32, ExerciseError> {
        let v = param_u64(name, p, k)?;
        if (1..=max).contains(&v) {
            Ok(v as u32)
        } else {
            Err(bad(name, p, format!("{k} must be 1 to {max}")))
        }
    };
    let segments = small("segments", 20)?;
    let drop = small("drop", 20)?;
    if drop > segments {
        return Err(bad(name, p, "drop is past the last segment".into()));
    }
    Ok(ArqParams {
        protocol,
        window: small("window", 16)?,
        segments,
        drop,
    })
}

fn arq_argv(a: &ArqParams) -> Vec<String> {
    let mut argv: Vec<String> = vec!["arq".into(), "--protocol".into(), a.protocol.name().into()];
    // The demo refuses --window for stop-and-wait (always 1).
    if a.protocol != Protocol::StopAndWait {
        argv.extend(["--window".into(), a.window.to_string()]);
    }
    argv.extend([
        "--segments".into(),
        a.segments.to_string(),
        "--drop".into(),
        a.drop.to_string(),
    ]);
    argv
}

fn solve_arq_retransmit(p: &Value) -> Result<Solved, ExerciseError> {
    let name = ARQ_RETRANSMIT.name;
    let a = arq_params(name, p)?;
    let out = arq::simulate(a.protocol, a.window, a.segments, &[a.drop]);
    let again = out.retransmitted();
    let list: Vec<String> = again.iter().map(u32::to_string).collect();
    let why = match a.protocol {
        Protocol::Gbn => crate::tr!("exercise-arq-retransmit-why-gbn"),
        _ => crate::tr!("exercise-arq-retransmit-why-sr"),
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-arq-retransmit-question",
            protocol = a.protocol.name(),
            window = a.window,
            segments = a.segments,
            drop = a.drop
        ),
        answer: list.join(", "),
        expect: Expect::Numbers(again.iter().map(|n| u64::from(*n)).collect()),
        explanation: format!("{why} → {}", list.join(", ")),
        demo: arq_argv(&a),
    })
}

fn solve_arq_count(p: &Value) -> Result<Solved, ExerciseError> {
    let name = ARQ_COUNT.name;
    let a = arq_params(name, p)?;
    let out = arq::simulate(a.protocol, a.window, a.segments, &[a.drop]);
    let n = out.retransmissions;
    let window = if a.protocol == Protocol::StopAndWait {
        "window 1".to_string()
    } else {
        format!("window {}", a.window)
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-arq-retransmissions-question",
            protocol = a.protocol.name(),
            window = window,
            segments = a.segments,
            drop = a.drop
        ),
        answer: n.to_string(),
        expect: Expect::Number(u64::from(n)),
        explanation: crate::tr!(
            "exercise-arq-retransmissions-explanation",
            again = format!("{:?}", out.retransmitted()),
            count = n
        ),
        demo: arq_argv(&a),
    })
}

fn solve_ws_accept(p: &Value) -> Result<Solved, ExerciseError> {
    let name = WS_ACCEPT.name;
    let key = param_str(name, p, "key")?;
    match BASE64.decode(key.as_bytes()) {
        Ok(b) if b.len() == 16 => {}
        _ => return Err(bad(name, p, "the key is not base64 of 16 bytes".into())),
    }
    let accept = websocket::accept_key(key);
    Ok(Solved {
        question: crate::tr!(
            "exercise-websocket-accept-key-question",
            key = key,
            guid = websocket::GUID
        ),
        answer: accept.clone(),
        expect: Expect::Exact(accept.clone()),
        explanation: crate::tr!(
            "exercise-websocket-accept-key-explanation",
            accept = accept.as_str()
        ),
        demo: vec!["websocket".into(), "--key".into(), key.into()],
    })
}

fn solve_mss(p: &Value) -> Result<Solved, ExerciseError> {
    let name = MSS.name;
    let mtu = param_u64(name, p, "mtu")?;
    let ipv6 = param(name, p, "ipv6")?
        .as_bool()
        .ok_or_else(|| bad(name, p, "ipv6 is not true or false".into()))?;
    let min = if ipv6 { 1280 } else { 576 };
    let mtu = u16::try_from(mtu)
        .ok()
        .filter(|m| (min..=9216).contains(m))
        .ok_or_else(|| bad(name, p, format!("mtu must be {min} to 9216")))?;
    let mss = encap::mss(mtu, ipv6);
    let (ip, ip_len) = if ipv6 { ("IPv6", 40) } else { ("IPv4", 20) };
    let mut demo = vec!["encap".to_string(), "--mtu".into(), mtu.to_string()];
    if ipv6 {
        demo.push("--ipv6".into());
    }
    Ok(Solved {
        question: crate::tr!("exercise-encap-mss-question", ip = ip, mtu = mtu),
        answer: mss.to_string(),
        expect: Expect::Number(u64::from(mss)),
        explanation: crate::tr!(
            "exercise-encap-mss-explanation",
            ip = ip,
            ip_len = ip_len,
            mtu = mtu,
            mss = mss
        ),
        demo,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arq_by_hand() {
        let r = |proto: &str, drop: u32| {
            solve_arq_retransmit(
                &json!({"protocol": proto, "window": 4, "segments": 6, "drop": drop}),
            )
            .unwrap()
            .answer
        };
        assert_eq!(r("sr", 3), "3");
        assert_eq!(r("gbn", 3), "3, 4, 5, 6");
        let c = |proto: &str| {
            solve_arq_count(&json!({"protocol": proto, "window": 4, "segments": 6, "drop": 2}))
                .unwrap()
                .answer
        };
        assert_eq!(c("stop-and-wait"), "1");
        assert_eq!(c("sr"), "1");
    }

    #[test]
    fn accept_key_and_mss_by_hand() {
        let a = solve_ws_accept(&json!({"key": "dGhlIHNhbXBsZSBub25jZQ=="})).unwrap();
        // RFC 6455 §1.3's example.
        assert_eq!(a.answer, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        let m = |mtu: u64, ipv6: bool| {
            solve_mss(&json!({"mtu": mtu, "ipv6": ipv6}))
                .unwrap()
                .answer
        };
        assert_eq!(m(1500, false), "1460");
        assert_eq!(m(1500, true), "1440");
        assert_eq!(m(576, false), "536");
    }
}
