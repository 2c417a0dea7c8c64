//! `synack demo handshake` through the binary: a golden diagram per scenario
//! (each checked by hand against RFC 9293), the JSON facts, determinism and
//! bad options.

use std::collections::HashMap;

use serde_json::Value;

use crate::util::{Env, HANDSHAKE_SCENARIOS, assert_golden};

/// ISNs small enough to check the numbers by hand.
const SMALL_ISNS: [&str; 4] = ["--isn-client", "1000", "--isn-server", "5000"];

fn text(env: &Env, args: &[&str]) -> String {
    let out = env
        .bare_cmd()
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
fn every_scenario_matches_its_golden_diagram() {
    let env = Env::new();
    for scenario in HANDSHAKE_SCENARIOS {
        let out = text(&env, &[&["--scenario", scenario][..], &SMALL_ISNS].concat());
        assert_golden(&format!("demo/handshake-{scenario}.txt"), &out);
    }
    // Drawn ISNs and a wraparound, once each.
    assert_golden(
        "demo/handshake-open-seed7.txt",
        &text(&env, &["--seed", "7"]),
    );
    let wrap = text(
        &env,
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
    assert_golden("demo/handshake-close-wraparound.txt", &wrap);
    let dropped = text(
        &env,
        &[&["--scenario", "close", "--drop", "5"][..], &SMALL_ISNS].concat(),
    );
    assert_golden("demo/handshake-close-drop5.txt", &dropped);
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
