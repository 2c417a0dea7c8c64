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
    title: "segment 하나를 잃었을 때 다시 보내는 segment (Go-Back-N: 그 뒤 전부, Selective Repeat: 그것만)",
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
    title: "ARQ 방식별 재전송 횟수: stop-and-wait, Go-Back-N, Selective Repeat, TCP(SACK)",
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
    title: "Sec-WebSocket-Accept = base64(SHA-1(Sec-WebSocket-Key + GUID)) (RFC 6455 §4.2.2)",
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
    title: "MTU에서 MSS 구하기: MTU − IP header(IPv4 20, IPv6 40) − TCP header 20",
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
        Protocol::Gbn => {
            "Go-Back-N. receiver 쪽: 순서가 어긋난 segment는 버리고 누적 ACK만. sender 쪽: timeout 때 잃은 segment부터 window 안에서 보낸 segment 모두 다시 전송"
        }
        _ => {
            "Selective Repeat. receiver 쪽: 순서가 어긋난 segment도 buffer에 두고 segment마다 ACK. sender 쪽: timer 만료된 그 segment만 다시 전송"
        }
    };
    Ok(Solved {
        question: format!(
            "방식 {}, window {} segment. segment 1–{}번 전송 중 {}번의 첫 전송만 손실됩니다. 다시 보내는 segment 번호는? (쉼표로 나열)",
            a.protocol.name(),
            a.window,
            a.segments,
            a.drop
        ),
        question_en: format!(
            "{} with a window of {} segments sends segments 1–{}; only the first transmission of segment {} is lost. Which segments are sent again? (list them)",
            a.protocol.name(),
            a.window,
            a.segments,
            a.drop
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
        question: format!(
            "방식 {}, {window}. segment 1–{}번 전송 중 {}번의 첫 전송만 손실됩니다. 재전송은 모두 몇 번입니까? (TCP: SACK, 중복 ACK 3개의 fast retransmit)",
            a.protocol.name(),
            a.segments,
            a.drop
        ),
        question_en: format!(
            "{} ({window}) sends segments 1–{}; only the first transmission of segment {} is lost. How many retransmissions are there in all? (TCP: SACK and fast retransmit on 3 duplicate ACKs)",
            a.protocol.name(),
            a.segments,
            a.drop
        ),
        answer: n.to_string(),
        expect: Expect::Number(u64::from(n)),
        explanation: format!(
            "다시 보낸 segment: {:?}, 재전송 {n}번 (stop-and-wait·SR·TCP: 잃은 것만, Go-Back-N: 잃은 것부터 window 안의 것 모두)",
            out.retransmitted()
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
        question: format!(
            "client의 opening handshake에 Sec-WebSocket-Key: {key} 헤더가 있습니다. server의 101 응답에 담을 Sec-WebSocket-Accept 값은? (GUID {})",
            websocket::GUID
        ),
        question_en: format!(
            "The client's opening handshake carries Sec-WebSocket-Key: {key}. What Sec-WebSocket-Accept does the server's 101 carry? (GUID {})",
            websocket::GUID
        ),
        answer: accept.clone(),
        expect: Expect::Exact(accept.clone()),
        explanation: format!(
            "RFC 6455 §4.2.2: key 문자열 뒤에 GUID 문자열을 붙여 SHA-1, 그 20바이트를 base64 → {accept}. 암호화가 아니라, server 쪽의 WebSocket 이해 여부 확인입니다"
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
        question: format!(
            "MTU {mtu}바이트 링크 위의 {ip} TCP 연결: MSS 값은 몇 바이트입니까? (IP, TCP option 없음)"
        ),
        question_en: format!(
            "A TCP connection over {ip} on a link with an MTU of {mtu} bytes: what is the MSS, in bytes? (no IP or TCP options)"
        ),
        answer: mss.to_string(),
        expect: Expect::Number(u64::from(mss)),
        explanation: format!(
            "MSS = MTU − {ip} header {ip_len} − TCP header 20 = {mtu} − {ip_len} − 20 = {mss} (RFC 9293 §3.7.1)"
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
