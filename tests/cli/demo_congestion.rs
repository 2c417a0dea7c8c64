//! `synack demo congestion` through the binary.

use serde_json::Value;

use crate::demo_arq::{assert_fits, at_width, golden_scenario};
use crate::util::{Env, assert_golden};

fn json(args: &[&str]) -> Value {
    let env = Env::new();
    let text = at_width(
        &env,
        80,
        &[&["congestion"], args, &["--format", "json"]].concat(),
    );
    serde_json::from_str(&text).expect("json output")
}

#[test]
fn reno_dupack_at_8_halves_per_rfc_5681_and_shows_fast_recovery() {
    let args = ["--algorithm", "reno", "--loss-at", "8", "--loss", "dupack"];
    let v = json(&args);
    assert_eq!(v["algorithm"], "reno");
    let rounds = v["rounds"].as_array().expect("rounds");
    let r = |rtt: usize| &rounds[rtt - 1];
    assert_eq!(r(8)["cwnd"], 128);
    assert_eq!(r(8)["event"], "dupack");
    assert_eq!(r(8)["ssthresh"], Value::Null, "unbounded before the loss");
    // ssthresh = max(FlightSize/2, 2) = 64; cwnd = ssthresh + 3 in fast
    // recovery; cwnd = ssthresh when it ends; +1 per RTT after.
    assert_eq!(r(9)["ssthresh"], 64);
    assert_eq!(r(9)["cwnd"], 67);
    assert_eq!(r(10)["cwnd"], 64);
    assert_eq!(r(11)["cwnd"], 65);
    assert!(rounds.iter().filter(|x| !x["event"].is_null()).count() == 1);
    let env = Env::new();
    let text = at_width(&env, 80, &[&["congestion"], &args[..]].concat());
    assert!(
        text.contains("9    67    64        fast recovery"),
        "{text}"
    );
    assert!(
        text.contains("fast recovery 진입 cwnd = ssthresh + 3 = 67"),
        "{text}"
    );
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let v = json(&[
        "--algorithm",
        "cubic",
        "--loss",
        "timeout",
        "--rtts",
        "10",
        "--loss-at",
        "5",
    ]);
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["algorithm", "rounds", "trace"]);
    let rounds = v["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.len(), 10);
    for r in rounds {
        let mut keys: Vec<&str> = r
            .as_object()
            .expect("round")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["cwnd", "event", "rtt", "ssthresh"]);
    }
    assert_eq!(rounds[4]["event"], "timeout");
    assert_eq!(rounds[5]["cwnd"], 1);
    // 16 in flight: ssthresh = 0.7 · 16.
    assert_eq!(rounds[5]["ssthresh"], 11.2);
}

#[test]
fn json_matches_golden() {
    let env = Env::new();
    let text = at_width(
        &env,
        80,
        &[
            "congestion",
            "--algorithm",
            "newreno",
            "--loss-at",
            "6,6",
            "--ssthresh",
            "16",
            "--rtts",
            "10",
            "--format",
            "json",
        ],
    );
    assert_golden("demo/congestion-newreno.json", &text);
}

#[test]
fn reno_dupack_matches_golden() {
    golden_scenario(
        "congestion-reno-dupack",
        &[
            "congestion",
            "--algorithm",
            "reno",
            "--loss-at",
            "8",
            "--loss",
            "dupack",
        ],
    );
}

#[test]
fn tahoe_dupack_matches_golden() {
    golden_scenario(
        "congestion-tahoe-dupack",
        &[
            "congestion",
            "--algorithm",
            "tahoe",
            "--loss-at",
            "8",
            "--loss",
            "dupack",
        ],
    );
}

#[test]
fn reno_timeout_matches_golden() {
    golden_scenario(
        "congestion-reno-timeout",
        &[
            "congestion",
            "--loss",
            "timeout",
            "--loss-at",
            "5,14",
            "--ssthresh",
            "16",
        ],
    );
}

#[test]
fn newreno_two_losses_matches_golden() {
    golden_scenario(
        "congestion-newreno-two-losses",
        &[
            "congestion",
            "--algorithm",
            "newreno",
            "--loss-at",
            "6,6",
            "--ssthresh",
            "16",
        ],
    );
}

#[test]
fn cubic_matches_golden() {
    golden_scenario(
        "congestion-cubic",
        &[
            "congestion",
            "--algorithm",
            "cubic",
            "--loss-at",
            "6,14",
            "--rtts",
            "20",
        ],
    );
}

#[test]
fn help_examples_run_and_fit_80_columns() {
    let env = Env::new();
    let help = at_width(&env, 80, &["congestion", "--help"]);
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
fn a_loss_after_the_last_rtt_is_one_line_error() {
    let env = Env::new();
    let err = crate::demo_uri::one_line_error(&env, &["demo", "congestion", "--loss-at", "30"], 1);
    assert!(err.contains("--loss-at 30"), "{err}");
    let err = crate::demo_uri::one_line_error(&env, &["demo", "congestion", "--ssthresh", "1"], 2);
    assert!(err.contains("--ssthresh"), "{err}");
}

#[test]
fn the_default_run_in_english_matches_its_golden() {
    let env = Env::new();
    let text = crate::demo_arq::at_width_in(&env, crate::util::C, 80, &["congestion"]);
    assert_fits(&text, 80);
    assert_golden("demo/congestion-default-en-80.txt", &text);
    assert!(
        text.starts_with("Congestion control: Reno (RFC 5681) (loss: RTT 8, three duplicate ACKs)"),
        "{text}"
    );
}

/// Issue 28 §2: every algorithm and both kinds of loss speak one language.
#[test]
fn every_algorithm_speaks_english_under_c_and_korean_under_ko() {
    use crate::demo_arq::at_width_in;
    use crate::util::{C, KO, assert_no_english, assert_no_korean};
    let env = Env::new();
    for algorithm in ["tahoe", "reno", "newreno", "cubic"] {
        for loss in ["dupack", "timeout"] {
            let args = [
                "congestion",
                "--algorithm",
                algorithm,
                "--loss",
                loss,
                "--loss-at",
                "6,6,14",
                "--ssthresh",
                "16",
            ];
            let what = args.join(" ");
            assert_no_korean(&what, &at_width_in(&env, C, 80, &args));
            assert_no_english(&what, &at_width_in(&env, KO, 80, &args));
        }
    }
    assert_no_korean(
        "congestion --help",
        &at_width_in(&env, C, 80, &["congestion", "--help"]),
    );
    let ko = at_width_in(&env, KO, 80, &["congestion"]);
    assert!(
        ko.contains("혼잡 제어: Reno (RFC 5681) (손실: RTT 8, 중복 ACK 세 번)"),
        "{ko}"
    );
}
