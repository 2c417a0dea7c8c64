//! `synack demo arq` through the binary.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// Runs `synack demo ARGS` at `COLUMNS=width` under `LANG=ko_KR.UTF-8` (the
/// goldens were read in Korean), expects success, returns stdout.
pub fn at_width(env: &Env, width: usize, args: &[&str]) -> String {
    at_width_in(env, KO, width, args)
}

/// [`at_width`] under the locale `lang` ([`KO`] or [`C`]).
pub fn at_width_in(env: &Env, lang: (&str, &str), width: usize, args: &[&str]) -> String {
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .env("COLUMNS", width.to_string())
        .arg("demo")
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

/// Every line of `text` fits `width` display columns.
pub fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        let w = synack::render::width::width(line);
        assert!(w <= width, "{w} > {width} columns: {line:?}\n{text}");
    }
}

/// The scenario's text at 80 and 120 columns matches its goldens, fits,
/// and repeats for the same seed.
pub fn golden_scenario(name: &str, args: &[&str]) {
    let env = Env::new();
    for width in [80, 120] {
        let text = at_width(&env, width, args);
        assert_fits(&text, width);
        assert_eq!(text, at_width(&env, width, args), "same seed, same output");
        assert_golden(&format!("demo/{name}-{width}.txt"), &text);
    }
}

fn json(args: &[&str]) -> Value {
    let env = Env::new();
    let text = at_width(&env, 80, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).expect("json output")
}

fn retransmitted(run: &Value) -> Vec<u64> {
    let mut segs: Vec<u64> = run["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["retransmission"] == true)
        .map(|e| e["seq"].as_u64().expect("seq"))
        .collect();
    segs.dedup();
    segs
}

#[test]
fn compare_drop_3_go_back_n_resends_3_to_n_the_others_only_3() {
    let v = json(&["arq", "--compare", "--drop", "3"]);
    let runs = v["compare"].as_array().expect("compare");
    let by = |p: &str| {
        runs.iter()
            .find(|r| r["protocol"] == p)
            .unwrap_or_else(|| panic!("no {p} in {v}"))
    };
    assert_eq!(runs.len(), 4);
    // The default run sends 6 segments; everything from 3 on is in flight
    // when 3's timer expires.
    assert_eq!(retransmitted(by("gbn")), [3, 4, 5, 6]);
    assert_eq!(by("gbn")["retransmissions"], 4);
    for p in ["sr", "tcp", "stop-and-wait"] {
        assert_eq!(retransmitted(by(p)), [3], "{p}");
        assert_eq!(by(p)["retransmissions"], 1, "{p}");
    }
    let env = Env::new();
    let text = at_width(&env, 80, &["arq", "--compare", "--drop", "3"]);
    assert!(
        text.contains("Go-Back-N         4   4       3 4 5 6"),
        "{text}"
    );
    assert!(text.contains("Selective Repeat  4   1       3 "), "{text}");
    assert!(text.contains("TCP (SACK)        4   1       3 "), "{text}");
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let v = json(&["arq", "--protocol", "tcp", "--drop", "3"]);
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "events",
            "protocol",
            "retransmissions",
            "total_time_ms",
            "trace",
            "window"
        ]
    );
    assert_eq!(v["protocol"], "tcp");
    assert_eq!(v["window"], 4);
    assert_eq!(v["total_time_ms"], 310);
    for e in v["events"].as_array().expect("events") {
        let mut keys: Vec<&str> = e
            .as_object()
            .expect("event")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "ack",
                "from",
                "kind",
                "lost",
                "retransmission",
                "seq",
                "time_ms"
            ]
        );
    }
    let lost: Vec<&Value> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["lost"] == true)
        .collect();
    assert_eq!(lost.len(), 1);
    assert_eq!(lost[0]["seq"], 3);
    assert_eq!(lost[0]["kind"], "data");
    assert_eq!(lost[0]["from"], "sender");
}

#[test]
fn json_matches_golden() {
    let env = Env::new();
    let text = at_width(
        &env,
        80,
        &["arq", "--protocol", "sr", "--drop", "3", "--format", "json"],
    );
    assert_golden("demo/arq-sr-drop3.json", &text);
    let text = at_width(
        &env,
        80,
        &["arq", "--compare", "--drop", "3", "--format", "json"],
    );
    let v: Value = serde_json::from_str(&text).expect("json");
    assert!(v["compare"].is_array());
}

#[test]
fn compare_matches_golden() {
    golden_scenario("arq-compare-drop3", &["arq", "--compare", "--drop", "3"]);
}

#[test]
fn go_back_n_matches_golden() {
    golden_scenario(
        "arq-gbn-drop3",
        &["arq", "--protocol", "gbn", "--drop", "3"],
    );
}

#[test]
fn selective_repeat_matches_golden() {
    golden_scenario("arq-sr-drop3", &["arq", "--protocol", "sr", "--drop", "3"]);
}

#[test]
fn tcp_fast_retransmit_matches_golden() {
    golden_scenario(
        "arq-tcp-drop3",
        &["arq", "--protocol", "tcp", "--drop", "3"],
    );
}

#[test]
fn tcp_losing_a_retransmission_matches_golden() {
    golden_scenario(
        "arq-tcp-drop3-twice",
        &[
            "arq",
            "--protocol",
            "tcp",
            "--segments",
            "8",
            "--drop",
            "3,3",
        ],
    );
}

#[test]
fn stop_and_wait_matches_golden() {
    golden_scenario(
        "arq-stop-and-wait",
        &[
            "arq",
            "--protocol",
            "stop-and-wait",
            "--segments",
            "3",
            "--drop",
            "2",
        ],
    );
}

#[test]
fn help_examples_run_and_fit_80_columns() {
    let env = Env::new();
    let help = at_width(&env, 80, &["arq", "--help"]);
    let examples: Vec<&str> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  synack demo "))
        .collect();
    assert!(examples.len() >= 2, "{help}");
    for line in examples {
        let args: Vec<&str> = line.split_whitespace().collect();
        let text = at_width(&env, 80, &args);
        assert_fits(&text, 80);
    }
}

#[test]
fn a_drop_beyond_the_last_segment_is_one_line_error() {
    let env = Env::new();
    let err = crate::demo_uri::one_line_error(&env, &["demo", "arq", "--drop", "9"], 1);
    assert!(err.contains("--drop 9"), "{err}");
    let err = crate::demo_uri::one_line_error(
        &env,
        &[
            "demo",
            "arq",
            "--protocol",
            "stop-and-wait",
            "--window",
            "3",
        ],
        1,
    );
    assert!(err.contains("--window"), "{err}");
    let err = crate::demo_uri::one_line_error(&env, &["demo", "arq", "--window", "0"], 2);
    assert!(err.contains("--window"), "{err}");
}

#[test]
fn the_default_run_in_english_matches_its_golden() {
    let env = Env::new();
    let text = at_width_in(&env, C, 80, &["arq"]);
    assert_fits(&text, 80);
    assert_golden("demo/arq-default-en-80.txt", &text);
    assert!(
        text.starts_with("ARQ: Go-Back-N (window 4, 6 segments"),
        "{text}"
    );
}

/// Issue 28 §2: every protocol and the comparison speak one language.
#[test]
fn every_protocol_speaks_english_under_c_and_korean_under_ko() {
    let env = Env::new();
    let runs: [&[&str]; 6] = [
        &["arq", "--compare", "--drop", "3"],
        &[
            "arq",
            "--protocol",
            "stop-and-wait",
            "--segments",
            "3",
            "--drop",
            "2",
        ],
        &["arq", "--protocol", "gbn", "--drop", "3"],
        &["arq", "--protocol", "sr", "--window", "3", "--drop", "2,5"],
        &[
            "arq",
            "--protocol",
            "tcp",
            "--segments",
            "8",
            "--drop",
            "3,3",
        ],
        &["arq", "--protocol", "tcp", "--segments", "3"],
    ];
    for args in runs {
        let what = args.join(" ");
        assert_no_korean(&what, &at_width_in(&env, C, 80, args));
        assert_no_english(&what, &at_width_in(&env, KO, 80, args));
    }
    assert_no_korean("arq --help", &at_width_in(&env, C, 80, &["arq", "--help"]));
    let ko = at_width(&env, 80, &["arq", "--protocol", "tcp", "--drop", "3"]);
    assert!(
        ko.contains("중복 ACK 세 번: fast retransmit (RFC 5681 §3.2)"),
        "{ko}"
    );
    let en = at_width_in(&env, C, 80, &["arq", "--protocol", "tcp", "--drop", "3"]);
    assert!(
        en.contains("Three duplicate ACKs: fast retransmit (RFC 5681 §3.2)"),
        "{en}"
    );
}
