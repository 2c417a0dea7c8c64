//! `synack demo handshake` through the binary: a golden diagram per scenario
//! (each checked by hand against RFC 9293), the JSON facts, determinism and
//! bad options.

use std::collections::HashMap;

use serde_json::Value;

use synack::render::width::width;

use crate::util::{Env, HANDSHAKE_SCENARIOS, KO, assert_golden};

/// ISNs small enough to check the numbers by hand.
const SMALL_ISNS: [&str; 4] = ["--isn-client", "1000", "--isn-server", "5000"];

fn text(env: &Env, args: &[&str]) -> String {
    text_at(env, 80, args)
}

/// The demo in Korean (the goldens were read in Korean); the English run
/// has its own tests at the end of this file.
fn text_at(env: &Env, columns: usize, args: &[&str]) -> String {
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .env("COLUMNS", columns.to_string())
        .args(["demo", "handshake"])
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

fn json(env: &Env, args: &[&str]) -> Value {
    let out = text(env, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&out).expect("json output")
}

#[test]
fn every_scenario_matches_its_golden_diagram_at_80_and_120_columns() {
    let env = Env::new();
    for columns in [80, 120] {
        let golden = |name: &str, args: &[&str]| {
            let out = text_at(&env, columns, args);
            for line in out.lines() {
                assert!(width(line) <= columns, "{name} at {columns}:\n{line}");
            }
            assert_golden(&format!("demo/handshake-{name}-{columns}.txt"), &out);
        };
        for scenario in HANDSHAKE_SCENARIOS {
            golden(
                scenario,
                &[&["--scenario", scenario][..], &SMALL_ISNS].concat(),
            );
        }
        golden(
            "half-close-call-close",
            &[
                &["--scenario", "half-close", "--call", "close"][..],
                &SMALL_ISNS,
            ]
            .concat(),
        );
        // Drawn ISNs, relative numbers and a wraparound, once each.
        golden("open-seed7", &["--seed", "7"]);
        golden("close-relative", &["--scenario", "close", "--relative"]);
        golden(
            "close-wraparound",
            &[
                "--scenario",
                "close",
                "--isn-client",
                "4294967295",
                "--isn-server",
                "4294967294",
                "--msl",
                "30",
            ],
        );
        golden(
            "close-drop5",
            &[&["--scenario", "close", "--drop", "5"][..], &SMALL_ISNS].concat(),
        );
    }
}

/// Each lane's state is beside every row, the segment is on the arrow, and
/// the notes under the row cite the RFC (issue 25 §1).
#[test]
fn diagram_rows_carry_both_states_the_segment_and_the_rfc() {
    let env = Env::new();
    let out = text(&env, &[&["--scenario", "open"][..], &SMALL_ISNS].concat());
    let row = out
        .lines()
        .find(|l| l.contains("<SEQ=5000><ACK=1001><CTL=SYN,ACK>"))
        .expect("the SYN+ACK row");
    assert!(
        row.contains("SYN-SENT") && row.trim_end().ends_with("SYN-RECEIVED"),
        "{row}"
    );
    assert!(row.contains('◀'), "{row}");
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains("[RFC 9293 3.10.7.2]"), "{out}");
}

/// `--relative` counts from each side's ISN, as Wireshark does; the JSON
/// keeps absolute numbers. Default ISNs are small (issue 25 §1).
#[test]
fn relative_numbers_count_from_each_isn_and_default_isns_are_small() {
    let env = Env::new();
    let out = text(&env, &["--scenario", "close", "--relative"]);
    for seg in [
        "<SEQ=0><CTL=SYN>",
        "<SEQ=0><ACK=1><CTL=SYN,ACK>",
        "<SEQ=1><ACK=1><CTL=ACK>",
        "<SEQ=1><ACK=1><CTL=FIN,ACK>",
        "<SEQ=1><ACK=2><CTL=FIN,ACK>",
        "<SEQ=2><ACK=2><CTL=ACK>",
    ] {
        assert!(out.contains(seg), "{seg} missing:\n{out}");
    }
    for seed in 1..=20 {
        let doc = json(&env, &["--seed", &seed.to_string(), "--relative"]);
        let (c, s) = (
            doc["isn_client"].as_u64().expect("isn"),
            doc["isn_server"].as_u64().expect("isn"),
        );
        assert!(
            (1_000..5_000).contains(&c) && (5_000..10_000).contains(&s),
            "{c} {s}"
        );
        assert_eq!(doc["events"][1]["seq"], c, "JSON stays absolute");
    }
    // A RST from a port without a listener carries SEQ=0, not an offset.
    let out = text(
        &env,
        &[
            &["--scenario", "closed-port", "--relative"][..],
            &SMALL_ISNS,
        ]
        .concat(),
    );
    assert!(out.contains("<SEQ=0><ACK=1><CTL=RST,ACK>"), "{out}");
}

#[test]
fn close_shows_flags_numbers_and_states_and_ends_in_time_wait_then_closed() {
    let env = Env::new();
    let doc = json(&env, &[&["--scenario", "close"][..], &SMALL_ISNS].concat());
    let segments: Vec<(String, Value, Value, Vec<String>)> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| !e["seq"].is_null())
        .map(|e| {
            let flags = e["flags"]
                .as_array()
                .expect("flags")
                .iter()
                .map(|f| f.as_str().expect("flag").to_string())
                .collect();
            (
                e["from"].as_str().expect("from").to_string(),
                e["seq"].clone(),
                e["ack"].clone(),
                flags,
            )
        })
        .collect();
    // RFC 9293 Fig. 6 and 12 with ISS 1000 (client) and 5000 (server).
    let expected = [
        ("client", 1000, None, vec!["SYN"]),
        ("server", 5000, Some(1001), vec!["SYN", "ACK"]),
        ("client", 1001, Some(5001), vec!["ACK"]),
        ("client", 1001, Some(5001), vec!["FIN", "ACK"]),
        ("server", 5001, Some(1002), vec!["ACK"]),
        ("server", 5001, Some(1002), vec!["FIN", "ACK"]),
        ("client", 1002, Some(5002), vec!["ACK"]),
    ];
    assert_eq!(segments.len(), expected.len());
    for (got, (from, seq, ack, flags)) in segments.iter().zip(expected) {
        assert_eq!(got.0, from);
        assert_eq!(got.1, seq);
        assert_eq!(got.2, ack.map_or(Value::Null, Value::from));
        assert_eq!(got.3, flags);
    }
    let client: Vec<(&str, u64)> = doc["transitions"]
        .as_array()
        .expect("transitions")
        .iter()
        .filter(|t| t["endpoint"] == "client")
        .map(|t| {
            (
                t["to"].as_str().expect("to"),
                t["t_ms"].as_u64().expect("t"),
            )
        })
        .collect();
    let n = client.len();
    assert_eq!(client[n - 2].0, "TIME-WAIT");
    assert_eq!(client[n - 1].0, "CLOSED");
    assert_eq!(
        client[n - 1].1 - client[n - 2].1,
        240_000,
        "2×MSL with MSL 2 min"
    );
    assert_eq!(doc["final"]["client"], "CLOSED");
    assert_eq!(doc["final"]["server"], "CLOSED");
    assert_eq!(doc["msl_secs"], 120);
    let every_event_has_states = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .all(|e| e["client_state"].is_string() && e["server_state"].is_string());
    assert!(every_event_has_states);

    let short = json(&env, &["--scenario", "close", "--msl", "30"]);
    let last: Vec<u64> = short["transitions"]
        .as_array()
        .expect("transitions")
        .iter()
        .filter(|t| t["endpoint"] == "client")
        .map(|t| t["t_ms"].as_u64().expect("t"))
        .collect();
    assert_eq!(last[last.len() - 1] - last[last.len() - 2], 60_000);
}

/// The edges of RFC 9293's state diagram (Fig. 5) and the transition table,
/// written out here independently of the code.
fn rfc_edges() -> Vec<(&'static str, &'static str)> {
    vec![
        ("CLOSED", "LISTEN"),
        ("CLOSED", "SYN-SENT"),
        ("LISTEN", "SYN-SENT"),
        ("LISTEN", "CLOSED"),
        ("LISTEN", "SYN-RECEIVED"),
        ("SYN-SENT", "CLOSED"),
        ("SYN-SENT", "ESTABLISHED"),
        ("SYN-SENT", "SYN-RECEIVED"),
        ("SYN-RECEIVED", "ESTABLISHED"),
        ("SYN-RECEIVED", "FIN-WAIT-1"),
        ("SYN-RECEIVED", "LISTEN"),
        ("SYN-RECEIVED", "CLOSED"),
        ("SYN-RECEIVED", "CLOSE-WAIT"),
        ("ESTABLISHED", "FIN-WAIT-1"),
        ("ESTABLISHED", "CLOSE-WAIT"),
        ("ESTABLISHED", "CLOSED"),
        ("FIN-WAIT-1", "FIN-WAIT-2"),
        ("FIN-WAIT-1", "CLOSING"),
        ("FIN-WAIT-1", "TIME-WAIT"),
        ("FIN-WAIT-1", "CLOSED"),
        ("FIN-WAIT-2", "TIME-WAIT"),
        ("FIN-WAIT-2", "CLOSED"),
        ("CLOSE-WAIT", "LAST-ACK"),
        ("CLOSE-WAIT", "CLOSED"),
        ("CLOSING", "TIME-WAIT"),
        ("CLOSING", "CLOSED"),
        ("LAST-ACK", "CLOSED"),
        ("TIME-WAIT", "CLOSED"),
    ]
}

/// The states `side` entered, in order.
fn states<'a>(doc: &'a Value, side: &str) -> Vec<&'a str> {
    doc["transitions"]
        .as_array()
        .expect("transitions")
        .iter()
        .filter(|t| t["endpoint"] == side)
        .map(|t| t["to"].as_str().expect("to"))
        .collect()
}

fn assert_valid_paths(doc: &Value, what: &str) {
    let edges = rfc_edges();
    let mut at: HashMap<String, String> = HashMap::new();
    for t in doc["transitions"].as_array().expect("transitions") {
        let side = t["endpoint"].as_str().expect("endpoint").to_string();
        let (from, to) = (
            t["from"].as_str().expect("from"),
            t["to"].as_str().expect("to"),
        );
        let here = at
            .entry(side.clone())
            .or_insert_with(|| "CLOSED".to_string());
        assert_eq!(
            here, from,
            "{what}: {side} jumps from {here} to a transition out of {from}"
        );
        assert!(
            edges.contains(&(from, to)),
            "{what}: {side} {from} → {to} is not in RFC 9293"
        );
        *here = to.to_string();
    }
    for side in ["client", "server"] {
        let end = at.get(side).map_or("CLOSED", String::as_str);
        assert_eq!(doc["final"][side], end, "{what}: final {side}");
    }
}

#[test]
fn every_scenario_follows_rfc_9293_even_with_a_lost_segment() {
    let env = Env::new();
    for scenario in HANDSHAKE_SCENARIOS {
        let doc = json(&env, &["--scenario", scenario]);
        assert_valid_paths(&doc, scenario);
        let wire = doc["segments_on_wire"].as_u64().expect("count");
        for k in 1..=wire {
            let k = k.to_string();
            let doc = json(&env, &["--scenario", scenario, "--drop", &k]);
            assert_valid_paths(&doc, &format!("{scenario} --drop {k}"));
            let lost: Vec<&Value> = doc["events"]
                .as_array()
                .expect("events")
                .iter()
                .filter(|e| e["wire"].as_u64().map(|w| w.to_string()) == Some(k.clone()))
                .collect();
            assert_eq!(lost.len(), 1);
            assert_eq!(lost[0]["lost"], true, "{scenario} --drop {k}");
        }
    }
}

#[test]
fn scenario_outcomes_are_the_rfcs() {
    let env = Env::new();
    let finals = |s: &str| {
        let doc = json(&env, &["--scenario", s]);
        (
            doc["final"]["client"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            doc["final"]["server"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            doc,
        )
    };
    let (c, s, doc) = finals("closed-port");
    assert_eq!((c.as_str(), s.as_str()), ("CLOSED", "CLOSED"));
    let rst = &doc["events"][1];
    assert_eq!(rst["flags"], serde_json::json!(["RST", "ACK"]));
    assert_eq!(rst["seq"], 0);
    assert_eq!(
        rst["ack"],
        doc["isn_client"]
            .as_u64()
            .map(|i| (i + 1) % (1 << 32))
            .expect("isn")
    );

    let (_, _, doc) = finals("close-piggyback");
    let client: Vec<&str> = states(&doc, "client");
    assert_eq!(
        client,
        [
            "SYN-SENT",
            "ESTABLISHED",
            "FIN-WAIT-1",
            "TIME-WAIT",
            "CLOSED"
        ]
    );
    assert_eq!(doc["segments_on_wire"], 6);

    let (_, _, doc) = finals("simultaneous-close");
    for side in ["client", "server"] {
        let path: Vec<&str> = states(&doc, side);
        assert!(
            path.ends_with(&["FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED"]),
            "{side}: {path:?}"
        );
    }

    let (_, _, doc) = finals("two-way");
    let server: Vec<&str> = states(&doc, "server");
    assert_eq!(
        server,
        [
            "LISTEN",
            "SYN-RECEIVED",
            "LISTEN",
            "SYN-RECEIVED",
            "ESTABLISHED"
        ]
    );

    // syn-lost: the RTO fires at 1 s and the retransmitted SYN carries the same ISN.
    let (_, _, doc) = finals("syn-lost");
    let syns: Vec<&Value> = doc["events"]
        .as_array()
        .expect("e")
        .iter()
        .filter(|e| e["flags"] == serde_json::json!(["SYN"]))
        .collect();
    assert_eq!(syns.len(), 2);
    assert_eq!(
        (syns[0]["t_ms"].as_u64(), syns[0]["lost"].as_bool()),
        (Some(0), Some(true))
    );
    assert_eq!(
        (syns[1]["t_ms"].as_u64(), syns[1]["lost"].as_bool()),
        (Some(1000), Some(false))
    );
    assert_eq!(syns[0]["seq"], syns[1]["seq"]);
}

#[test]
fn same_seed_same_output_other_seed_other_isns() {
    let env = Env::new();
    let a = text(&env, &["--scenario", "close", "--seed", "42"]);
    let b = text(&env, &["--scenario", "close", "--seed", "42"]);
    assert_eq!(a, b);
    let one = json(&env, &["--seed", "1"]);
    let two = json(&env, &["--seed", "2"]);
    assert_ne!(one["isn_client"], two["isn_client"]);
    assert_ne!(one["isn_server"], two["isn_server"]);
    let fixed = json(&env, &["--seed", "2", "--isn-client", "77"]);
    assert_eq!(fixed["isn_client"], 77);
    assert_eq!(
        fixed["isn_server"], two["isn_server"],
        "a flag does not shift the other draw"
    );
}

#[test]
fn bad_options_are_usage_errors_on_one_line() {
    let env = Env::new();
    for (args, needle) in [
        (&["--scenario", "nope"][..], "nope"),
        (&["--drop", "0"][..], "--drop"),
        (&["--msl", "-1"][..], "--msl"),
        (&["--msl", "0"][..], "--msl"),
        (&["--isn-client", "4294967296"][..], "--isn-client"),
        (
            &["--scenario", "open", "--drop", "9"][..],
            "only 3 segments",
        ),
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "handshake"])
            .args(args)
            .assert()
            .code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(out.get_output().stdout.is_empty());
    }
}

#[test]
fn each_event_is_a_step() {
    let env = Env::new();
    let doc = json(&env, &["--scenario", "open"]);
    // passive OPEN, SYN, SYN-ACK, ACK, ACK arrives: five events.
    assert_eq!(doc["events"].as_array().map(Vec::len), Some(5));
    let out = text(&env, &["--scenario", "open", "--step"]);
    assert_eq!(
        out,
        text(&env, &["--scenario", "open"]),
        "--step without a terminal prints all"
    );
}

/// Regression (issue 25 §2): `half-close` said close() but showed
/// shutdown(SHUT_WR). After close() the client answers the server's data
/// with RST and the server's next write fails with EPIPE; after shutdown it
/// keeps ACKing.
#[test]
fn half_close_shows_close_and_shutdown_apart() {
    let env = Env::new();
    let shut = json(
        &env,
        &[
            &["--scenario", "half-close", "--call", "shutdown"][..],
            &SMALL_ISNS,
        ]
        .concat(),
    );
    let close = json(
        &env,
        &[
            &["--scenario", "half-close", "--call", "close"][..],
            &SMALL_ISNS,
        ]
        .concat(),
    );
    assert_eq!(shut["call"], "shutdown");
    assert_eq!(close["call"], "close");
    let from_client = |doc: &Value| -> Vec<Vec<String>> {
        doc["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter(|e| e["from"] == "client" && !e["seq"].is_null())
            .map(|e| {
                e["flags"]
                    .as_array()
                    .expect("flags")
                    .iter()
                    .map(|f| f.as_str().expect("flag").to_string())
                    .collect()
            })
            .collect()
    };
    let s = from_client(&shut);
    assert_eq!(s.iter().filter(|f| *f == &["RST"]).count(), 0, "{s:?}");
    // shutdown: both 100-byte segments ACKed from FIN-WAIT-2.
    let acked: Vec<&Value> = shut["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| {
            e["from"] == "client"
                && e["client_state"] == "FIN-WAIT-2"
                && e["flags"] == serde_json::json!(["ACK"])
        })
        .collect();
    assert_eq!(acked.len(), 2);
    assert_eq!(acked[1]["ack"], 5201);
    assert_eq!(shut["final"]["client"], "CLOSED");
    assert_eq!(states(&shut, "client").last(), Some(&"CLOSED"));
    assert!(states(&shut, "client").contains(&"TIME-WAIT"));

    let rst: Vec<&Value> = close["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["flags"] == serde_json::json!(["RST"]))
        .collect();
    assert_eq!(rst.len(), 1);
    assert_eq!(
        (rst[0]["from"].as_str(), rst[0]["seq"].as_u64()),
        (Some("client"), Some(1002))
    );
    assert_eq!(rst[0]["received"]["len"], 100);
    assert!(!states(&close, "client").contains(&"TIME-WAIT"));
    assert!(
        close["events"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["from"] == "server"
                && e["note"].as_str().is_some_and(|n| n.contains("EPIPE")))
    );
    assert_eq!(close["final"]["server"], "CLOSED");
}

/// Regression (issue 25 §2): an in-window out-of-order segment is held and
/// answered at once by a duplicate ACK (RFC 5681 4.2), and the retransmitted
/// gap makes the ACK jump over both segments.
#[test]
fn out_of_order_data_is_held_and_duplicate_acked() {
    let env = Env::new();
    // half-close: SYN, SYN+ACK, ACK, FIN, ACK, data 1 (#6), data 2 (#7).
    let doc = json(
        &env,
        &[
            &["--scenario", "half-close", "--drop", "6"][..],
            &SMALL_ISNS,
        ]
        .concat(),
    );
    let client_acks: Vec<u64> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["from"] == "client" && e["flags"] == serde_json::json!(["ACK"]))
        .filter_map(|e| e["ack"].as_u64())
        .collect();
    // The handshake's ACK, a duplicate ACK for the held second segment and
    // one for the held FIN, then one ACK past both data segments once the
    // first comes again, then the FIN's when it is sent again.
    assert_eq!(client_acks, [5001, 5001, 5001, 5201, 5202]);
    let dup = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["rule"] == "out-of-order data held, duplicate ACK")
        .expect("a duplicate ACK");
    assert_eq!(dup["ack"], 5001);
    assert_eq!(dup["received"]["seq"], 5101);
    assert_eq!(dup["client_state"], "FIN-WAIT-2");
}

/// Regression (issue 25 §2): `--drop` footnotes say how much later (never
/// "0ms later" or "-100ms") and the segment counts of the run.
#[test]
fn drop_footnotes_have_true_times_and_counts() {
    let env = Env::new();
    for scenario in HANDSHAKE_SCENARIOS {
        let base = json(&env, &["--scenario", scenario]);
        let wire = base["segments_on_wire"].as_u64().expect("count");
        for k in 1..=wire {
            let k = k.to_string();
            let out = text(&env, &["--scenario", scenario, "--drop", &k]);
            let doc = json(&env, &["--scenario", scenario, "--drop", &k]);
            let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
            let note = joined
                .split("• --drop")
                .nth(1)
                .unwrap_or_else(|| panic!("{scenario} --drop {k}: no footnote\n{out}"));
            // No "0ms later", no negative time.
            assert!(
                !note.contains("달라졌습니다") || note.contains("상태 경로가 달라졌습니다"),
                "{note}"
            );
            assert!(
                !note.contains(" 0ms") && !note.contains(" -"),
                "{scenario} --drop {k}: {note}"
            );
            let e = &doc["drop_effect"];
            let line = format!(
                "선에 올라간 segment는 {}개 (손실 없이 {}개)",
                e["segments_on_wire"], e["segments_on_wire_without_drop"]
            );
            assert_eq!(e["segments_on_wire"], doc["segments_on_wire"]);
            assert_eq!(e["segments_on_wire_without_drop"], base["segments_on_wire"]);
            assert!(
                joined.contains(&line),
                "{scenario} --drop {k}: {line}\n{out}"
            );
        }
    }
}

/// Issue 25 §2: SYN retransmission shown by RFC 6298 and by Linux side by
/// side, with tcp_rto_min, and RFC state names mapped to ss and netstat.
#[test]
fn syn_retransmission_and_tool_state_names() {
    let env = Env::new();
    let out = text_at(&env, 120, &["--scenario", "syn-lost"]);
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "tcp_syn_linear_timeouts",
        "1 +1s +1s +1s",
        "2 +3s +2s +3s",
        "3 +7s +3s +7s",
        "4 +15s +4s +15s",
        "5 +31s +5s +31s",
        "6 +63s +7s +63s",
        "+11s (tcp_syn_retries=6)",
        "+127s (tcp_syn_retries=6)",
        "tcp_rto_min = 200ms",
    ] {
        assert!(joined.contains(needle), "{needle}:\n{out}");
    }
    let out = text_at(&env, 120, &["--scenario", "close"]);
    for row in [
        "SYN-RECEIVED  SYN-RECV    SYN_RECV",
        "FIN-WAIT-1    FIN-WAIT-1  FIN_WAIT1",
        "TIME-WAIT     TIME-WAIT   TIME_WAIT",
        "ESTABLISHED   ESTAB       ESTABLISHED",
    ] {
        assert!(out.contains(row), "{row}:\n{out}");
    }
}

/// Issue 25 §2: an event's `flags` are those of the segment it names, and
/// times are `time_ms` (with `t_ms` kept as an alias).
#[test]
fn event_flags_are_the_named_segments_and_times_are_time_ms() {
    let env = Env::new();
    for scenario in HANDSHAKE_SCENARIOS {
        let doc = json(&env, &["--scenario", scenario]);
        for e in doc["events"].as_array().expect("events") {
            assert_eq!(e["time_ms"], e["t_ms"]);
            let flags: Vec<&str> = e["flags"]
                .as_array()
                .expect("flags")
                .iter()
                .map(|f| f.as_str().expect("flag"))
                .collect();
            match e["segment"].as_str() {
                None => assert!(flags.is_empty(), "{e}"),
                Some(seg) => {
                    let ctl = seg
                        .split("<CTL=")
                        .nth(1)
                        .and_then(|r| r.split('>').next())
                        .unwrap_or_default();
                    assert_eq!(ctl, flags.join(","), "{e}");
                }
            }
            if let Some(seg) = e["received"]["segment"].as_str() {
                let flags: Vec<&str> = e["received"]["flags"]
                    .as_array()
                    .expect("flags")
                    .iter()
                    .map(|f| f.as_str().expect("flag"))
                    .collect();
                assert!(seg.contains(&format!("<CTL={}>", flags.join(","))), "{e}");
            }
        }
        for t in doc["transitions"].as_array().expect("transitions") {
            assert_eq!(t["time_ms"], t["t_ms"]);
        }
    }
}

/// The demo in the language of `lang` ([`KO`] or [`C`]), at 80 columns.
fn text_in(env: &Env, lang: (&str, &str), args: &[&str]) -> String {
    crate::util::demo_text_in(env, lang, "handshake", args, 80)
}

#[test]
fn the_default_run_in_english_matches_its_golden() {
    let env = Env::new();
    let out = text_in(&env, crate::util::C, &[]);
    assert_golden("demo/handshake-default-en-80.txt", &out);
    assert!(
        out.starts_with("TCP connection setup and teardown (RFC 9293): open\n"),
        "{out}"
    );
    assert!(
        out.contains("Passive OPEN: the server opens the port with listen()"),
        "{out}"
    );
}

/// Issue 28 §2: every scenario speaks one language: no Korean under
/// `LANG=C`, no English sentence under `LANG=ko_KR.UTF-8`, and `--help`
/// follows too.
#[test]
fn every_scenario_speaks_english_under_c_and_korean_under_ko() {
    let env = Env::new();
    let mut runs: Vec<Vec<&str>> = HANDSHAKE_SCENARIOS
        .iter()
        .map(|s| vec!["--scenario", *s])
        .collect();
    runs.push(vec!["--scenario", "half-close", "--call", "close"]);
    runs.push(vec!["--scenario", "close", "--drop", "5", "--relative"]);
    runs.push(vec![
        "--scenario",
        "two-way",
        "--isn-client",
        "1000",
        "--isn-server",
        "5000",
    ]);
    for args in &runs {
        let what = format!("demo handshake {}", args.join(" "));
        crate::util::assert_no_korean(&what, &text_in(&env, crate::util::C, args));
        crate::util::assert_no_english(&what, &text_in(&env, KO, args));
    }
    // `--seed`, `--format` and `--step` are every demo's (i18n of `Common`
    // is done elsewhere): the demo's own options are checked here.
    crate::util::assert_no_korean(
        "demo handshake --help",
        &text_in(&env, crate::util::C, &["--help"]),
    );
    let ko = text_in(&env, KO, &["--scenario", "close"]);
    assert!(
        ko.contains("TCP 연결 설정과 해제 (RFC 9293): close"),
        "{ko}"
    );
    assert!(ko.contains("2MSL 타이머 만료: TIME-WAIT → CLOSED."), "{ko}");
    let en = text_in(&env, crate::util::C, &["--scenario", "close"]);
    assert!(
        en.contains("The 2MSL timer expired: TIME-WAIT → CLOSED."),
        "{en}"
    );
    let help = text_in(&env, KO, &["--help"]);
    assert!(
        help.contains("선에 올라간 K번째 segment를 잃습니다"),
        "{help}"
    );
}

#[test]
fn a_drop_past_the_end_is_refused_in_the_chosen_language() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .args(["demo", "handshake", "--scenario", "open", "--drop", "9"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    assert!(
        stderr.contains("--drop 9: open 시나리오는 segment를 3개만 선에 올립니다"),
        "{stderr}"
    );
}
