//! `synack demo flow` through the binary.

use std::net::TcpListener;

use serde_json::Value;

use crate::demo_arq::{assert_fits, at_width, golden_scenario};
use crate::util::{Env, assert_golden};

fn json(args: &[&str]) -> Value {
    let env = Env::new();
    let text = at_width(&env, 80, &[&["flow"], args, &["--format", "json"]].concat());
    serde_json::from_str(&text).expect("json output")
}

#[test]
fn the_window_falls_to_zero_the_sender_probes_and_the_update_reopens_it() {
    let v = json(&[]);
    let events = v["events"].as_array().expect("events");
    for e in events {
        for key in ["time_ms", "rwnd", "in_flight", "from", "kind"] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
        if e["kind"] == "data" {
            assert!(e["in_flight"].as_u64() <= e["rwnd"].as_u64(), "{e}");
        }
    }
    assert!(events.iter().any(|e| e["kind"] == "ack" && e["rwnd"] == 0));
    assert!(events.iter().any(|e| e["kind"] == "probe"));
    assert_eq!(v["probes"], 4);
    assert_eq!(v["total"], 6000);
    let sent: u64 = events
        .iter()
        .filter(|e| e["kind"] == "data")
        .map(|e| e["len"].as_u64().expect("len"))
        .sum();
    assert_eq!(sent, 6000);
}

#[test]
fn json_matches_golden() {
    let env = Env::new();
    let text = at_width(&env, 80, &["flow", "--lose-update", "--format", "json"]);
    assert_golden("demo/flow-lose-update.json", &text);
}

#[test]
fn default_matches_golden() {
    golden_scenario("flow-default", &["flow"]);
}

#[test]
fn lost_update_matches_golden() {
    golden_scenario("flow-lose-update", &["flow", "--lose-update"]);
}

#[test]
fn small_buffer_matches_golden() {
    golden_scenario(
        "flow-small-buffer",
        &[
            "flow",
            "--buffer",
            "2000",
            "--interval",
            "300",
            "--total",
            "5000",
        ],
    );
}

#[test]
fn live_writer_blocks_and_everything_arrives() {
    if let Err(e) = TcpListener::bind("127.0.0.1:0") {
        eprintln!("skipped: cannot bind 127.0.0.1 here ({e})");
        return;
    }
    let v = json(&["--live"]);
    assert_eq!(v["mode"], "live");
    assert_eq!(v["writer_blocked"], true);
    assert_eq!(v["delivered"], v["total"]);
    let env = Env::new();
    let a = at_width(&env, 80, &["flow", "--live"]);
    assert_fits(&a, 80);
    assert!(a.contains("write() → EAGAIN"), "{a}");
    assert_eq!(
        a,
        at_width(&env, 80, &["flow", "--live"]),
        "live text is deterministic"
    );
}

#[test]
fn help_examples_run_and_fit_80_columns() {
    let env = Env::new();
    let help = at_width(&env, 80, &["flow", "--help"]);
    let examples: Vec<&str> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  synack demo "))
        .collect();
    assert!(examples.len() >= 2, "{help}");
    for line in examples {
        let args: Vec<&str> = line.split_whitespace().collect();
        assert_fits(&at_width(&env, 80, &args), 80);
    }
}

#[test]
fn a_tiny_buffer_is_one_line_usage_error() {
    let env = Env::new();
    let err = crate::demo_uri::one_line_error(&env, &["demo", "flow", "--buffer", "10"], 2);
    assert!(err.contains("--buffer"), "{err}");
}

#[test]
fn the_default_run_in_english_matches_its_golden() {
    let env = Env::new();
    let text = crate::demo_arq::at_width_in(&env, crate::util::C, 80, &["flow"]);
    assert_fits(&text, 80);
    assert_golden("demo/flow-default-en-80.txt", &text);
    assert!(
        text.contains("Zero window: the buffer is full, the sender stops"),
        "{text}"
    );
}

/// Issue 28 §2: simulated and live, the demo speaks one language.
#[test]
fn every_mode_speaks_english_under_c_and_korean_under_ko() {
    use crate::demo_arq::at_width_in;
    use crate::util::{C, KO, assert_no_english, assert_no_korean};
    let env = Env::new();
    let runs: [&[&str]; 4] = [
        &["flow"],
        &["flow", "--lose-update"],
        &[
            "flow",
            "--buffer",
            "2000",
            "--interval",
            "300",
            "--total",
            "5000",
        ],
        &["flow", "--live"],
    ];
    for args in runs {
        let what = args.join(" ");
        assert_no_korean(&what, &at_width_in(&env, C, 80, args));
        assert_no_english(&what, &at_width_in(&env, KO, 80, args));
    }
    assert_no_korean(
        "flow --help",
        &at_width_in(&env, C, 80, &["flow", "--help"]),
    );
    let ko = at_width_in(&env, KO, 80, &["flow", "--lose-update"]);
    assert!(
        ko.contains("손실: 이 window update는 닿지 않습니다 (--lose-update)"),
        "{ko}"
    );
}
