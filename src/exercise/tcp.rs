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
    title: || crate::tr!("exercise-handshake-ack-number-title"),
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
    title: || crate::tr!("exercise-handshake-seq-number-title"),
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
    title: || crate::tr!("exercise-handshake-next-state-title"),
    params: |d| {
        let (state, event) = d.pick(TRANSITIONS);
        json!({ "state": state, "event": event })
    },
    solve: solve_next_state,
};

pub const FIN_ACK_NUMBER: Template = Template {
    name: "tcp/fin-ack-number",
    demo: "handshake",
    title: || crate::tr!("exercise-tcp-fin-ack-number-title"),
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
    title: || crate::tr!("exercise-tcp-time-wait-title"),
    params: |d| json!({ "msl": d.pick(&[15u64, 30, 60, 120]) }),
    solve: solve_time_wait,
};

pub const RTO_BACKOFF: Template = Template {
    name: "tcp/rto-backoff",
    demo: "handshake",
    title: || crate::tr!("exercise-tcp-rto-backoff-title"),
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
    let (seg, label, whose) = match segment {
        "synack" => (
            synack,
            crate::tr!("exercise-segment-server-synack"),
            crate::tr!("exercise-isn-client"),
        ),
        "ack" => (
            ack,
            crate::tr!("exercise-segment-client-ack"),
            crate::tr!("exercise-isn-server"),
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
        question: crate::tr!(
            "exercise-handshake-ack-number-question",
            client = c.to_string(),
            server = s.to_string(),
            segment = label
        ),
        answer: seg.ack.to_string(),
        expect: Expect::Number(u64::from(seg.ack)),
        explanation: crate::tr!(
            "exercise-handshake-ack-number-explanation",
            isn = whose,
            ack = seg.ack.to_string(),
            segment = seg.to_string()
        ),
        demo: handshake_argv("open", c, s),
    })
}

fn solve_seq_number(p: &Value) -> Result<Solved, ExerciseError> {
    let name = SEQ_NUMBER.name;
    let (c, s) = isns(name, p)?;
    let segment = param_str(name, p, "segment")?;
    let (_, _, [syn, synack, ack]) = handshake(c, s).ok_or_else(|| model_failed(name, p))?;
    let (seg, label, why) = match segment {
        "syn" => (
            syn,
            crate::tr!("exercise-segment-client-syn"),
            crate::tr!("exercise-handshake-seq-number-why-syn"),
        ),
        "synack" => (
            synack,
            crate::tr!("exercise-segment-server-synack"),
            crate::tr!("exercise-handshake-seq-number-why-synack"),
        ),
        "ack" => (
            ack,
            crate::tr!("exercise-segment-client-ack"),
            crate::tr!("exercise-handshake-seq-number-why-ack"),
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
        question: crate::tr!(
            "exercise-handshake-seq-number-question",
            client = c.to_string(),
            server = s.to_string(),
            segment = label
        ),
        answer: seg.seq.to_string(),
        expect: Expect::Number(u64::from(seg.seq)),
        explanation: crate::tr!(
            "exercise-handshake-seq-number-explanation",
            why = why,
            seq = seg.seq.to_string(),
            segment = seg.to_string()
        ),
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
    // The answer is the same in every language: `none` for no segment.
    let sent = if flags.is_empty() {
        "none".to_string()
    } else {
        flags.join("+")
    };
    let segment = out
        .sent
        .first()
        .map_or_else(|| crate::tr!("exercise-nothing-sent"), |s| s.to_string());
    Ok(Solved {
        question: crate::tr!(
            "exercise-handshake-next-state-question",
            state = state_name,
            event = event_name
        ),
        answer: format!("{to}, {sent}"),
        expect: Expect::StateSegment { state: to, flags },
        explanation: crate::tr!(
            "exercise-handshake-next-state-explanation",
            state = state_name,
            event = event_name,
            next = to,
            cause = out.rule.cause(),
            section = out.rule.section(),
            segment = segment
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
        question: crate::tr!(
            "exercise-tcp-fin-ack-number-question",
            client = c.to_string(),
            bytes = bytes.to_string()
        ),
        answer: ack.ack.to_string(),
        expect: Expect::Number(u64::from(ack.ack)),
        explanation: crate::tr!(
            "exercise-tcp-fin-ack-number-explanation",
            bytes = bytes.to_string(),
            plus = bytes.wrapping_add(2).to_string(),
            ack = ack.ack.to_string(),
            fin_segment = fin.to_string(),
            ack_segment = ack.to_string()
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
        question: crate::tr!("exercise-tcp-time-wait-question", msl = msl.to_string()),
        answer: secs.to_string(),
        expect: Expect::Number(secs),
        explanation: crate::tr!(
            "exercise-tcp-time-wait-explanation",
            secs = secs.to_string()
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
        question: crate::tr!("exercise-tcp-rto-backoff-question", count = k),
        answer: rto.to_string(),
        expect: Expect::Number(rto),
        explanation: crate::tr!(
            "exercise-tcp-rto-backoff-explanation",
            count = k,
            rto = rto.to_string()
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
        assert_eq!(answer("FIN-WAIT-1", "rcv ACK of FIN"), "FIN-WAIT-2, none");
        assert_eq!(answer("TIME-WAIT", "timeout 2MSL"), "CLOSED, none");
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
