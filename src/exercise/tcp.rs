//! Exercises answered by the TCP state machine of `sim::tcp` (the model
//! behind `synack demo handshake`): ACK and sequence numbers of the
//! handshake, the next state of an endpoint, TIME-WAIT and the RTO backoff.
//! Every answer comes from driving [`Tcb`]s, never from a second copy of
//! the rule.

use serde_json::{Value, json};

use super::{ExerciseError, Expect, Solved, Template, bad, param_str, param_u64};
use crate::sim::tcp::{Ctl, Event, Output, Segment, Side, State, Tcb, Timer};

/// The maximum segment lifetime the endpoints use where it does not matter.
const MSL_MS: u64 = 120_000;
/// The ISNs of `next-state`'s endpoint and its peer (the numbers are not asked).
const LOCAL_ISS: u32 = 1_000;
const REMOTE_ISS: u32 = 5_000;

pub const ACK_NUMBER: Template = Template {
    name: "handshake/ack-number",
    demo: "handshake",
    title: "3-way handshake의 ACK 번호 (ISN + 1, mod 2^32)",
    params: |d| {
        json!({
            "isn_client": d.isn(),
            "isn_server": d.isn(),
            "segment": d.pick(&["synack", "ack"]),
        })
    },
    solve: solve_ack_number,
};

pub const SEQ_NUMBER: Template = Template {
    name: "handshake/seq-number",
    demo: "handshake",
    title: "3-way handshake의 순서 번호(sequence number)",
    params: |d| {
        json!({
            "isn_client": d.isn(),
            "isn_server": d.isn(),
            "segment": d.pick(&["syn", "synack", "ack"]),
        })
    },
    solve: solve_seq_number,
};

pub const NEXT_STATE: Template = Template {
    name: "handshake/next-state",
    demo: "handshake",
    title: "TCP 상태 전이: 다음 상태와 보내는 세그먼트 (RFC 9293)",
    params: |d| {
        let (state, event) = d.pick(TRANSITIONS);
        json!({ "state": state, "event": event })
    },
    solve: solve_next_state,
};

pub const FIN_ACK_NUMBER: Template = Template {
    name: "tcp/fin-ack-number",
    demo: "handshake",
    title: "FIN에 대한 ACK 번호: SYN, FIN 모두 순서 번호 하나씩",
    params: |d| {
        json!({
            "isn_client": d.isn(),
            "bytes": d.pick(&[0u32, 1, 100, 512, 1460, 4000]),
        })
    },
    solve: solve_fin_ack_number,
};

pub const TIME_WAIT: Template = Template {
    name: "tcp/time-wait",
    demo: "handshake",
    title: "TIME-WAIT의 길이 (2×MSL)",
    params: |d| json!({ "msl": d.pick(&[15u64, 30, 60, 120]) }),
    solve: solve_time_wait,
};

pub const RTO_BACKOFF: Template = Template {
    name: "tcp/rto-backoff",
    demo: "handshake",
    title: "SYN 재전송과 RTO의 exponential backoff (RFC 6298)",
    params: |d| json!({ "timeouts": d.below(8) }),
    solve: solve_rto_backoff,
};

/// The (state, event) pairs `next-state` asks about: each a row of the
/// transition table (`../shared/reference/tcp-transitions.md`).
pub const TRANSITIONS: &[(&str, &str)] = &[
    ("CLOSED", "passive open"),
    ("CLOSED", "active open"),
    ("CLOSED", "rcv SYN"),
    ("LISTEN", "rcv SYN"),
    ("LISTEN", "close"),
    ("SYN-SENT", "rcv SYN+ACK"),
    ("SYN-SENT", "rcv SYN"),
    ("SYN-SENT", "close"),
    ("SYN-RECEIVED", "rcv ACK of SYN"),
    ("SYN-RECEIVED", "close"),
    ("SYN-RECEIVED", "rcv RST"),
    ("ESTABLISHED", "rcv FIN"),
    ("ESTABLISHED", "close"),
    ("ESTABLISHED", "rcv RST"),
    ("FIN-WAIT-1", "rcv ACK of FIN"),
    ("FIN-WAIT-1", "rcv FIN"),
    ("FIN-WAIT-1", "rcv FIN+ACK of FIN"),
    ("FIN-WAIT-2", "rcv FIN"),
    ("CLOSE-WAIT", "close"),
    ("CLOSING", "rcv ACK of FIN"),
    ("LAST-ACK", "rcv ACK of FIN"),
    ("TIME-WAIT", "timeout 2MSL"),
    ("TIME-WAIT", "rcv FIN"),
];

const STATES: [State; 11] = [
    State::Closed,
    State::Listen,
    State::SynSent,
    State::SynReceived,
    State::Established,
    State::FinWait1,
    State::FinWait2,
    State::CloseWait,
    State::Closing,
    State::LastAck,
    State::TimeWait,
];

/// The segments of a 3-way handshake between a client with ISN `c` and a
/// listening server with ISN `s`, as the two endpoints send them.
fn handshake(c: u32, s: u32) -> Option<(Tcb, Tcb, [Segment; 3])> {
    let mut client = Tcb::new(Side::Client, c, MSL_MS);
    let mut server = Tcb::new(Side::Server, s, MSL_MS);
    server.step(0, Event::PassiveOpen);
    let syn = first(client.step(0, Event::ActiveOpen))?;
    let synack = first(server.step(50, Event::Segment(syn)))?;
    let ack = first(client.step(100, Event::Segment(synack)))?;
    server.step(150, Event::Segment(ack));
    Some((client, server, [syn, synack, ack]))
}

fn first(out: Output) -> Option<Segment> {
    out.sent.first().copied()
}

fn model_failed(name: &'static str, params: &Value) -> ExerciseError {
    bad(name, params, "the model sent no segment".into())
}

fn isns(name: &'static str, p: &Value) -> Result<(u32, u32), ExerciseError> {
    let get = |k| {
        u32::try_from(param_u64(name, p, k)?)
            .map_err(|_| bad(name, p, format!("{k:?} is not a u32")))
    };
    Ok((get("isn_client")?, get("isn_server")?))
}

fn solve_ack_number(p: &Value) -> Result<Solved, ExerciseError> {
    let name = ACK_NUMBER.name;
    let (c, s) = isns(name, p)?;
    let segment = param_str(name, p, "segment")?;
    let (_, _, [_, synack, ack]) = handshake(c, s).ok_or_else(|| model_failed(name, p))?;
    let (seg, label, en, whose) = match segment {
        "synack" => (
            synack,
            "server의 SYN+ACK",
            "the server's SYN+ACK",
            "client ISN",
        ),
        "ack" => (
            ack,
            "client의 마지막 ACK",
            "the client's final ACK",
            "server ISN",
        ),
        other => {
            return Err(bad(
                name,
                p,
                format!("segment {other:?} is not synack or ack"),
            ));
        }
    };
    Ok(Solved {
        question: format!(
            "3-way handshake에서 client ISN = {c}, server ISN = {s}입니다. {label}에 담긴 ACK 번호는? (mod 2^32)"
        ),
        question_en: format!(
            "In a 3-way handshake the client's ISN is {c} and the server's is {s}. What is the acknowledgment number of {en}? (mod 2^32)"
        ),
        answer: seg.ack.to_string(),
        expect: Expect::Number(u64::from(seg.ack)),
        explanation: format!(
            "ACK 번호는 다음에 받을 순서 번호입니다. SYN 세그먼트 하나가 순서 번호 하나를 쓰므로 {whose} + 1 = {} (2^32에서 wrap). 세그먼트: {seg}",
            seg.ack
        ),
        demo: handshake_argv("open", c, s),
    })
}

fn solve_seq_number(p: &Value) -> Result<Solved, ExerciseError> {
    let name = SEQ_NUMBER.name;
    let (c, s) = isns(name, p)?;
    let segment = param_str(name, p, "segment")?;
    let (_, _, [syn, synack, ack]) = handshake(c, s).ok_or_else(|| model_failed(name, p))?;
    let (seg, label, en, why) = match segment {
        "syn" => (
            syn,
            "client의 SYN",
            "the client's SYN",
            "SYN 세그먼트의 순서 번호는 자기 ISN",
        ),
        "synack" => (
            synack,
            "server의 SYN+ACK",
            "the server's SYN+ACK",
            "SYN+ACK 세그먼트의 순서 번호는 server 자신의 ISN",
        ),
        "ack" => (
            ack,
            "client의 마지막 ACK",
            "the client's final ACK",
            "client의 SYN 세그먼트가 순서 번호 하나를 썼으므로 client ISN + 1",
        ),
        other => {
            return Err(bad(
                name,
                p,
                format!("segment {other:?} is not syn, synack or ack"),
            ));
        }
    };
    Ok(Solved {
        question: format!(
            "3-way handshake에서 client ISN = {c}, server ISN = {s}입니다. {label}의 순서 번호(sequence number)는? (mod 2^32)"
        ),
        question_en: format!(
            "In a 3-way handshake the client's ISN is {c} and the server's is {s}. What is the sequence number of {en}? (mod 2^32)"
        ),
        answer: seg.seq.to_string(),
        expect: Expect::Number(u64::from(seg.seq)),
        explanation: format!("{why}: {}. 세그먼트: {seg}", seg.seq),
        demo: handshake_argv("open", c, s),
    })
}

fn handshake_argv(scenario: &str, c: u32, s: u32) -> Vec<String> {
    [
        "handshake",
        "--scenario",
        scenario,
        "--isn-client",
        &c.to_string(),
        "--isn-server",
        &s.to_string(),
    ]
    .map(String::from)
    .to_vec()
}

/// An endpoint in `state`, brought there by the model the way the RFC
/// says (a passive open for SYN-RECEIVED), with a peer whose ISN is
/// [`REMOTE_ISS`]; `msl_ms` sets its TIME-WAIT.
fn endpoint(state: State, msl_ms: u64) -> Option<Tcb> {
    let mut t = Tcb::new(Side::Client, LOCAL_ISS, msl_ms);
    let arrive = |t: &mut Tcb, seq: u32, ack: u32, ctl: Ctl| {
        t.step(
            0,
            Event::Segment(Segment {
                seq,
                ack,
                ctl,
                len: 0,
            }),
        );
    };
    match state {
        State::Closed => {}
        State::Listen => {
            t.step(0, Event::PassiveOpen);
        }
        State::SynSent => {
            t.step(0, Event::ActiveOpen);
        }
        State::SynReceived => {
            t = endpoint(State::Listen, msl_ms)?;
            arrive(&mut t, REMOTE_ISS, 0, Ctl::SYN);
        }
        State::Established => {
            t = endpoint(State::SynSent, msl_ms)?;
            let ack = t.snd_nxt;
            arrive(&mut t, REMOTE_ISS, ack, Ctl::SYN_ACK);
        }
        State::FinWait1 => {
            t = endpoint(State::Established, msl_ms)?;
            t.step(0, Event::Close);
        }
        State::FinWait2 => {
            t = endpoint(State::FinWait1, msl_ms)?;
            let (seq, ack) = (t.rcv_nxt, t.snd_nxt);
            arrive(&mut t, seq, ack, Ctl::ACK);
        }
        State::CloseWait => {
            t = endpoint(State::Established, msl_ms)?;
            let (seq, ack) = (t.rcv_nxt, t.snd_nxt);
            arrive(&mut t, seq, ack, Ctl::FIN_ACK);
        }
        State::LastAck => {
            t = endpoint(State::CloseWait, msl_ms)?;
            t.step(0, Event::Close);
        }
        State::Closing => {
            t = endpoint(State::FinWait1, msl_ms)?;
            let (seq, ack) = (t.rcv_nxt, t.snd_una);
            arrive(&mut t, seq, ack, Ctl::FIN_ACK);
        }
        State::TimeWait => {
            t = endpoint(State::FinWait2, msl_ms)?;
            let (seq, ack) = (t.rcv_nxt, t.snd_nxt);
            arrive(&mut t, seq, ack, Ctl::FIN_ACK);
        }
    }
    (t.state == state).then_some(t)
}

/// The model's input for an event as `next-state` names it.
fn event(t: &Tcb, name: &str) -> Option<Event> {
    let seg = |seq, ack, ctl| {
        Event::Segment(Segment {
            seq,
            ack,
            ctl,
            len: 0,
        })
    };
    Some(match name {
        "passive open" => Event::PassiveOpen,
        "active open" => Event::ActiveOpen,
        "close" => Event::Close,
        "timeout 2MSL" => Event::Timeout(Timer::TimeWait),
        "rcv SYN" => seg(REMOTE_ISS, 0, Ctl::SYN),
        "rcv SYN+ACK" => seg(REMOTE_ISS, t.snd_nxt, Ctl::SYN_ACK),
        "rcv ACK of SYN" | "rcv ACK of FIN" => seg(t.rcv_nxt, t.snd_nxt, Ctl::ACK),
        // In TIME-WAIT the FIN can only be the peer's FIN sent again.
        "rcv FIN" if t.state == State::TimeWait => {
            seg(t.rcv_nxt.wrapping_sub(1), t.snd_nxt, Ctl::FIN_ACK)
        }
        // A FIN that does not acknowledge ours (if we sent one).
        "rcv FIN" => seg(t.rcv_nxt, t.snd_una, Ctl::FIN_ACK),
        "rcv FIN+ACK of FIN" => seg(t.rcv_nxt, t.snd_nxt, Ctl::FIN_ACK),
        "rcv RST" => seg(t.rcv_nxt, 0, Ctl::RST),
        _ => return None,
    })
}

/// A `synack demo handshake` scenario that passes through this row.
fn scenario(state: &str, event: &str) -> &'static str {
    match (state, event) {
        ("CLOSED", "rcv SYN") => "closed-port",
        ("SYN-SENT", "rcv SYN") => "simultaneous-open",
        ("FIN-WAIT-1", "rcv FIN") | ("CLOSING", _) => "simultaneous-close",
        ("FIN-WAIT-1", "rcv FIN+ACK of FIN") => "close-piggyback",
        ("TIME-WAIT", "rcv FIN") => "final-ack-lost",
        ("CLOSED" | "LISTEN" | "SYN-SENT" | "SYN-RECEIVED", _) => "open",
        _ => "close",
    }
}

fn solve_next_state(p: &Value) -> Result<Solved, ExerciseError> {
    let name = NEXT_STATE.name;
    let state_name = param_str(name, p, "state")?;
    let event_name = param_str(name, p, "event")?;
    let state = STATES
        .into_iter()
        .find(|s| s.name() == state_name)
        .ok_or_else(|| bad(name, p, format!("{state_name:?} is not an RFC 9293 state")))?;
    let mut t = endpoint(state, MSL_MS).ok_or_else(|| bad(name, p, "state not reached".into()))?;
    let ev = event(&t, event_name)
        .ok_or_else(|| bad(name, p, format!("unknown event {event_name:?}")))?;
    let out = t.step(1_000, ev);
    let to = t.state.name();
    let flags: Vec<&'static str> = out.sent.first().map(|s| s.ctl.names()).unwrap_or_default();
    let sent = if flags.is_empty() {
        "없음".to_string()
    } else {
        flags.join("+")
    };
    let segment = out
        .sent
        .first()
        .map_or("보내지 않음".to_string(), |s| s.to_string());
    Ok(Solved {
        question: format!(
            "{state_name} 상태의 TCP endpoint에 '{event_name}' 이벤트가 일어납니다. 다음 상태와 보내는 세그먼트(control bit)는? 예: ESTABLISHED, ACK (보내지 않으면: 없음)"
        ),
        question_en: format!(
            "A TCP endpoint in {state_name} gets '{event_name}'. What is its next state, and which segment (control bits) does it send? e.g. ESTABLISHED, ACK (or: none)"
        ),
        answer: format!("{to}, {sent}"),
        expect: Expect::StateSegment { state: to, flags },
        explanation: format!(
            "{state_name} + {event_name} → {to}: {} ({}). 보내는 세그먼트: {segment}",
            out.rule.cause(),
            out.rule.section()
        ),
        demo: ["handshake", "--scenario", scenario(state_name, event_name)]
            .map(String::from)
            .to_vec(),
    })
}

fn solve_fin_ack_number(p: &Value) -> Result<Solved, ExerciseError> {
    let name = FIN_ACK_NUMBER.name;
    let c = u32::try_from(param_u64(name, p, "isn_client")?)
        .map_err(|_| bad(name, p, "\"isn_client\" is not a u32".into()))?;
    let bytes = u32::try_from(param_u64(name, p, "bytes")?)
        .map_err(|_| bad(name, p, "\"bytes\" is not a u32".into()))?;
    let (mut client, mut server, _) =
        handshake(c, REMOTE_ISS).ok_or_else(|| model_failed(name, p))?;
    if bytes > 0 {
        let data =
            first(client.step(200, Event::Send(bytes))).ok_or_else(|| model_failed(name, p))?;
        let ack =
            first(server.step(250, Event::Segment(data))).ok_or_else(|| model_failed(name, p))?;
        client.step(300, Event::Segment(ack));
    }
    let fin = first(client.step(400, Event::Close)).ok_or_else(|| model_failed(name, p))?;
    let ack = first(server.step(450, Event::Segment(fin))).ok_or_else(|| model_failed(name, p))?;
    Ok(Solved {
        question: format!(
            "client ISN = {c}. handshake 뒤 client 쪽에서 데이터 {bytes} 바이트를 보내고 close()합니다. 이 FIN에 대한 server의 ACK 번호는? (mod 2^32)"
        ),
        question_en: format!(
            "The client's ISN is {c}. After the handshake it sends {bytes} bytes of data and closes. What acknowledgment number does the server's ACK of that FIN carry? (mod 2^32)"
        ),
        answer: ack.ack.to_string(),
        expect: Expect::Number(u64::from(ack.ack)),
        explanation: format!(
            "SYN 1 + 데이터 {bytes} + FIN 1: ISN + {} = {} (SYN, FIN 모두 순서 번호 하나씩, RFC 9293 3.3.1). FIN: {fin}, ACK: {ack}",
            bytes.wrapping_add(2),
            ack.ack
        ),
        demo: handshake_argv("close", c, REMOTE_ISS),
    })
}

fn solve_time_wait(p: &Value) -> Result<Solved, ExerciseError> {
    let name = TIME_WAIT.name;
    let msl = param_u64(name, p, "msl")?;
    if !(1..=86_400).contains(&msl) {
        return Err(bad(name, p, "\"msl\" is not 1-86400 seconds".into()));
    }
    // Enter TIME-WAIT at 1 s and read when the model's 2MSL timer fires.
    let mut t = endpoint(State::FinWait2, msl * 1000).ok_or_else(|| model_failed(name, p))?;
    let (seq, ack) = (t.rcv_nxt, t.snd_nxt);
    t.step(
        1_000,
        Event::Segment(Segment {
            seq,
            ack,
            ctl: Ctl::FIN_ACK,
            len: 0,
        }),
    );
    let Some((at, Timer::TimeWait)) = t.next_timer().filter(|_| t.state == State::TimeWait) else {
        return Err(model_failed(name, p));
    };
    let secs = (at - 1_000) / 1000;
    Ok(Solved {
        question: format!(
            "MSL = {msl}초일 때, active close 쪽은 TIME-WAIT 상태에 몇 초 동안 머뭅니까?"
        ),
        question_en: format!(
            "With an MSL of {msl} seconds, how many seconds does the side that closed first stay in TIME-WAIT?"
        ),
        answer: secs.to_string(),
        expect: Expect::Number(secs),
        explanation: format!(
            "TIME-WAIT 상태의 길이는 2×MSL = {secs}초 (RFC 9293 3.10.8): 마지막 ACK 세그먼트가 손실되어 FIN 세그먼트가 다시 오면 다시 ACK하고, 이전 연결의 세그먼트가 사라질 때까지 기다립니다."
        ),
        demo: [
            "handshake",
            "--scenario",
            "close",
            "--msl",
            &msl.to_string(),
        ]
        .map(String::from)
        .to_vec(),
    })
}

fn solve_rto_backoff(p: &Value) -> Result<Solved, ExerciseError> {
    let name = RTO_BACKOFF.name;
    let k = param_u64(name, p, "timeouts")?;
    if k > 20 {
        return Err(bad(name, p, "\"timeouts\" is more than 20".into()));
    }
    let mut t = Tcb::new(Side::Client, LOCAL_ISS, MSL_MS);
    t.step(0, Event::ActiveOpen);
    for _ in 0..k {
        let (at, _) = t.next_timer().ok_or_else(|| model_failed(name, p))?;
        t.step(at, Event::Timeout(Timer::Retransmit));
    }
    let rto = t.rto_ms();
    Ok(Solved {
        question: format!(
            "SYN 전송 뒤 응답이 없어 RTO 만료가 {k}번 일어났습니다. 지금의 RTO 값은 몇 ms입니까? (처음 RTO = 1000 ms, 상한 60000 ms)"
        ),
        question_en: format!(
            "After sending a SYN, the retransmission timer expired {k} times with no answer. What is the RTO now, in ms? (initial RTO 1000 ms, upper bound 60000 ms)"
        ),
        answer: rto.to_string(),
        expect: Expect::Number(rto),
        explanation: format!(
            "RTO 만료마다 두 배 (exponential backoff, RFC 6298 5.5), 상한 60 s (2.5): min(1000 × 2^{k}, 60000) = {rto} ms"
        ),
        demo: ["handshake", "--scenario", "syn-lost"]
            .map(String::from)
            .to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_transition_row_is_reached_and_answered() {
        for (state, event) in TRANSITIONS {
            let s = solve_next_state(&json!({"state": state, "event": event})).unwrap();
            assert!(s.answer.contains(", "), "{state} {event}: {}", s.answer);
        }
    }

    /// A few rows checked against the RFC by hand.
    #[test]
    fn next_state_rows_by_hand() {
        let answer = |state: &str, event: &str| {
            solve_next_state(&json!({"state": state, "event": event}))
                .unwrap()
                .answer
        };
        assert_eq!(answer("ESTABLISHED", "rcv FIN"), "CLOSE-WAIT, ACK");
        assert_eq!(answer("FIN-WAIT-1", "rcv ACK of FIN"), "FIN-WAIT-2, 없음");
        assert_eq!(answer("TIME-WAIT", "timeout 2MSL"), "CLOSED, 없음");
        assert_eq!(answer("LISTEN", "rcv SYN"), "SYN-RECEIVED, SYN+ACK");
        assert_eq!(answer("CLOSED", "rcv SYN"), "CLOSED, RST+ACK");
        assert_eq!(answer("CLOSE-WAIT", "close"), "LAST-ACK, FIN+ACK");
    }

    #[test]
    fn ack_numbers_wrap() {
        let s = solve_ack_number(
            &json!({"isn_client": u32::MAX, "isn_server": 7, "segment": "synack"}),
        )
        .unwrap();
        assert_eq!(s.answer, "0");
        let s = solve_fin_ack_number(&json!({"isn_client": u32::MAX - 1, "bytes": 100})).unwrap();
        assert_eq!(s.answer, "100");
    }

    #[test]
    fn time_wait_and_backoff_by_hand() {
        assert_eq!(solve_time_wait(&json!({"msl": 30})).unwrap().answer, "60");
        let rto = |k: u64| solve_rto_backoff(&json!({"timeouts": k})).unwrap().answer;
        assert_eq!(rto(0), "1000");
        assert_eq!(rto(3), "8000");
        assert_eq!(rto(7), "60000");
    }
}
