//! `synack demo webrtc` through the binary: a real STUN Binding on loopback,
//! golden text at 80 and 120 columns for a direct and a TURN pairing, the
//! JSON document, the NAT matrix, determinism and bad options.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// `synack demo webrtc ARGS` at `columns`, expecting success.
/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "webrtc", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "webrtc", args)
}

/// Live demos need loopback; say so instead of passing silently elsewhere.
fn loopback() -> bool {
    std::net::UdpSocket::bind("127.0.0.1:0").is_ok()
}

#[test]
fn text_matches_golden_at_80_and_120_columns() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    for columns in [80, 120] {
        let out = text(&env, &[], columns);
        assert_golden(&format!("demo/webrtc-default-{columns}.txt"), &out);
        let out = text(
            &env,
            &[
                "--nat-a",
                "symmetric",
                "--nat-b",
                "port-restricted",
                "--peers",
                "6",
            ],
            columns,
        );
        assert_golden(&format!("demo/webrtc-symmetric-{columns}.txt"), &out);
    }
}

#[test]
fn a_real_stun_binding_is_decoded_with_the_magic_cookie() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let out = text(&env, &[], 80);
    assert!(out.contains("Binding success response"), "{out}");
    assert!(out.contains("XOR 21 12 a4 42"), "{out}");
    assert!(out.contains("0x2112A442"), "{out}");
    let v = json(&env, &[]);
    assert_eq!(v["stun"]["response_type"], "0x0101");
    assert_eq!(v["stun"]["mapped_is_local"], true);
    let req = v["stun"]["request_hex"].as_str().expect("request_hex");
    assert!(req.starts_with("00 01 00 00 21 12 a4 42"), "{req}");
}

#[test]
fn symmetric_against_port_restricted_needs_turn_and_against_full_cone_does_not() {
    let env = Env::new();
    let v = json(
        &env,
        &["--nat-a", "symmetric", "--nat-b", "port-restricted"],
    );
    assert_eq!(v["direct"], false);
    assert_eq!(v["selected"]["local"], "relay");
    let out = text(
        &env,
        &["--nat-a", "symmetric", "--nat-b", "port-restricted"],
        80,
    );
    assert!(out.contains("TURN이 필요한 이유"), "{out}");
    let v = json(&env, &["--nat-a", "symmetric", "--nat-b", "full-cone"]);
    assert_eq!(v["direct"], true);
    assert_eq!(v["selected"]["local"], "srflx");
    // The matrix: 16 pairings, exactly three need the relay.
    let matrix = v["matrix"].as_array().expect("matrix");
    assert_eq!(matrix.len(), 16);
    let mut turn: Vec<(String, String)> = matrix
        .iter()
        .filter(|c| c["direct"] == false)
        .map(|c| {
            (
                c["nat_a"].as_str().expect("nat_a").to_string(),
                c["nat_b"].as_str().expect("nat_b").to_string(),
            )
        })
        .collect();
    turn.sort();
    assert_eq!(
        turn,
        [
            ("port-restricted".to_string(), "symmetric".to_string()),
            ("symmetric".to_string(), "port-restricted".to_string()),
            ("symmetric".to_string(), "symmetric".to_string()),
        ]
    );
}

#[test]
fn candidates_are_ordered_host_srflx_relay_and_media_goes_through_the_mapping() {
    let env = Env::new();
    let v = json(&env, &[]);
    let cands = v["candidates"].as_array().expect("candidates");
    let a: Vec<(&str, u64)> = cands
        .iter()
        .filter(|c| c["peer"] == "A")
        .map(|c| {
            (
                c["type"].as_str().expect("type"),
                c["priority"].as_u64().expect("p"),
            )
        })
        .collect();
    assert_eq!(
        a,
        [
            ("host", 2130706431),
            ("srflx", 1694498815),
            ("relay", 16777215)
        ]
    );
    let b_srflx = cands
        .iter()
        .find(|c| c["peer"] == "B" && c["type"] == "srflx")
        .expect("B srflx");
    assert_eq!(v["selected"]["a_sends_to"], b_srflx["address"]);
    let out = text(&env, &[], 80);
    assert!(out.contains("STUN"), "{out}");
    assert!(out.contains("미디어를"), "{out}");
}

#[test]
fn peers_count_mesh_sfu_and_mcu() {
    let env = Env::new();
    let v = json(&env, &["--peers", "6"]);
    let t: Vec<(&str, u64, u64)> = v["topologies"]
        .as_array()
        .expect("topologies")
        .iter()
        .map(|x| {
            (
                x["kind"].as_str().expect("kind"),
                x["connections"].as_u64().expect("connections"),
                x["upload_per_peer"].as_u64().expect("upload"),
            )
        })
        .collect();
    assert_eq!(t, [("mesh", 15, 5), ("sfu", 6, 1), ("mcu", 6, 1)]);
}

#[test]
fn json_matches_golden_and_the_same_seed_repeats() {
    let env = Env::new();
    let mut v = json(&env, &["--seed", "3"]);
    assert_eq!(v, json(&env, &["--seed", "3"]));
    let other = json(&env, &["--seed", "4"]);
    assert_ne!(v["stun"]["request_hex"], other["stun"]["request_hex"]);
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "candidates",
            "checks",
            "direct",
            "matrix",
            "nat_a",
            "nat_b",
            "selected",
            "stun",
            "topologies",
            "trace"
        ]
    );
    v.as_object_mut().expect("object").remove("trace");
    assert_golden(
        "demo/webrtc-seed-3.json",
        &(serde_json::to_string_pretty(&v).expect("json") + "\n"),
    );
}

#[test]
fn bad_options_get_one_line() {
    let env = Env::new();
    for args in [
        &["--nat-a", "cone"][..],
        &["--peers", "1"][..],
        &["--peers", "51"][..],
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "webrtc"])
            .args(args)
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(!err.contains("panicked"), "{err}");
        assert!(out.get_output().stdout.is_empty());
        assert!(err.contains("--"), "{err}");
    }
}

#[test]
fn webrtc_speaks_english_by_default() {
    let env = Env::new();
    let out = crate::util::demo_text(&env, "webrtc", &[], 80);
    assert_golden("demo/webrtc-default-en-80.txt", &out);
    for needle in [
        "1. STUN Binding: two real UDP sockets on 127.0.0.1",
        "round 1: through",
        "RTP flows directly over the selected pair",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "webrtc");
    assert_no_korean("webrtc --help", &help);
    assert!(
        help.contains("Peers in the group call compared as mesh, SFU and MCU"),
        "{help}"
    );
}

#[test]
fn every_webrtc_scenario_speaks_one_language() {
    let env = Env::new();
    for args in [
        &[][..],
        &["--nat-a", "symmetric", "--nat-b", "port-restricted"],
        &["--nat-a", "symmetric", "--nat-b", "full-cone"],
        &[
            "--nat-a",
            "full-cone",
            "--nat-b",
            "address-restricted",
            "--peers",
            "6",
        ],
        &[
            "--nat-a",
            "symmetric",
            "--nat-b",
            "symmetric",
            "--peers",
            "2",
        ],
    ] {
        let (_, ko) = crate::util::demo_in_both(&env, "webrtc", args);
        // The NAT matrix's header is four NAT names (terms), not a sentence.
        let ko: String = ko
            .lines()
            .filter(|l| !l.contains("full-cone  address-restricted  port-restricted  symmetric"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_no_english(&format!("webrtc {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "webrtc", &[], 80);
    for needle in [
        "1. STUN Binding: 진짜 UDP 두 socket, 127.0.0.1",
        "1차: 통과",
    ] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "webrtc");
    assert!(
        help.contains("그룹 통화의 peer 수, mesh·SFU·MCU 구조로 비교합니다"),
        "{help}"
    );
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(
        !help.contains("Peers in the group call compared as mesh, SFU and MCU"),
        "{help}"
    );
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_webrtc_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "webrtc");
    }
}
