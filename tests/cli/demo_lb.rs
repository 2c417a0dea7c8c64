//! `synack demo lb` through the binary: golden text at 80 and 120 columns,
//! the JSON document, the brief's points as assertions (health checks stop
//! a failed server's traffic, consistent hashing moves fewer keys than
//! modulo), determinism and bad options.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "lb", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "lb", args)
}

#[test]
fn lb_goldens_at_80_and_120_columns() {
    let env = Env::new();
    let scenarios: [(&str, &[&str]); 3] = [
        ("all-fail2", &["--fail", "2"]),
        (
            "consistent-remove3",
            &["--algorithm", "consistent", "--remove", "3"],
        ),
        (
            "least-connections",
            &["--algorithm", "least-connections", "--servers", "4"],
        ),
    ];
    for (name, args) in scenarios {
        for columns in [80, 120] {
            let out = text(&env, args, columns);
            assert_golden(&format!("demo/lb-{name}-{columns}.txt"), &out);
        }
    }
    // The JSON's trace is Korean like the text goldens.
    let ko = crate::util::demo_text_in(
        &env,
        KO,
        "lb",
        &[
            "--algorithm",
            "weighted",
            "--requests",
            "7",
            "--format",
            "json",
        ],
        80,
    );
    let v: Value = serde_json::from_str(&ko).expect("json");
    assert_golden(
        "demo/lb-weighted-7.json",
        &serde_json::to_string_pretty(&v).expect("json"),
    );
}

#[test]
fn every_algorithm_runs_on_the_same_trace_and_counts_add_up() {
    let v = json(&Env::new(), &["--requests", "30", "--fail", "1"]);
    let results = v["results"].as_array().expect("results");
    let names: Vec<&str> = results
        .iter()
        .map(|r| r["algorithm"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "round-robin",
            "weighted",
            "least-connections",
            "ip-hash",
            "consistent"
        ]
    );
    for r in results {
        let served: u64 = r["counts"]
            .as_array()
            .expect("counts")
            .iter()
            .map(|c| c.as_u64().expect("count"))
            .sum();
        assert_eq!(served + r["failed"].as_u64().expect("failed"), 30, "{r}");
        assert_eq!(r["assignments"].as_array().expect("assignments").len(), 30);
    }
    // Round robin before the failure: 1 2 3 1 2 3 ...
    let rr: Vec<u64> = results[0]["assignments"]
        .as_array()
        .expect("rr")
        .iter()
        .take(15)
        .map(|s| s.as_u64().expect("server"))
        .collect();
    assert_eq!(rr, [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
}

#[test]
fn consistent_hashing_moves_fewer_keys_than_modulo() {
    let env = Env::new();
    for args in [&["--add"][..], &["--remove", "2"][..]] {
        let v = json(&env, &[&["--algorithm", "consistent"], args].concat());
        let c = &v["consistent"];
        let (ring, modulo) = (
            c["moved_consistent"].as_u64().expect("ring"),
            c["moved_modulo"].as_u64().expect("modulo"),
        );
        assert!(ring < modulo, "{args:?}: {ring} vs {modulo}");
        assert!(ring < 500 && modulo > 500, "{args:?}: {ring} vs {modulo}");
    }
}

#[test]
fn the_same_seed_gives_the_same_output_and_another_seed_another() {
    let env = Env::new();
    let a = text(&env, &["--seed", "5"], 80);
    assert_eq!(a, text(&env, &["--seed", "5"], 80));
    assert_ne!(a, text(&env, &["--seed", "6"], 80));
}

#[test]
fn bad_options_get_one_line_and_a_failing_exit() {
    let env = Env::new();
    let cases: [(&[&str], &str, i32); 6] = [
        (&["--servers", "1"], "--servers 1 is out of range", 1),
        (&["--requests", "0"], "--requests 0 is out of range", 1),
        (&["--fail", "4"], "--fail 4 is not a server (1-3)", 1),
        (&["--remove", "0"], "--remove 0 is not a server", 1),
        (&["--add", "--remove", "1"], "cannot be used with", 2),
        (&["--algorithm", "random"], "invalid value", 2),
    ];
    for (args, needle, code) in cases {
        let out = env
            .bare_cmd()
            .args(["demo", "lb"])
            .args(args)
            .assert()
            .failure();
        let output = out.get_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn lb_speaks_english_by_default() {
    let env = Env::new();
    let out = crate::util::demo_text(&env, "lb", &[], 80);
    assert_golden("demo/lb-default-en-80.txt", &out);
    for needle in [
        "Load balancing: 3 servers, 24 requests",
        "requests per server",
        "The limits of DNS round robin",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "lb");
    assert_no_korean("lb --help", &help);
    assert!(
        help.contains("The server with the fewest open connections"),
        "{help}"
    );
}

#[test]
fn every_lb_scenario_speaks_one_language() {
    let env = Env::new();
    for args in [
        &[][..],
        &["--fail", "2"],
        &["--algorithm", "least-connections", "--fail", "2"],
        &["--algorithm", "consistent", "--remove", "3"],
        &[
            "--algorithm",
            "ip-hash",
            "--servers",
            "5",
            "--requests",
            "60",
        ],
    ] {
        let (_, ko) = crate::util::demo_in_both(&env, "lb", args);
        assert_no_english(&format!("lb {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "lb", &[], 80);
    for needle in ["로드 밸런싱: 서버 3대, 요청 24개", "DNS round robin의 한계"] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "lb");
    assert!(help.contains("열린 연결이 가장 적은 서버"), "{help}");
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(
        !help.contains("The server with the fewest open connections"),
        "{help}"
    );
}

#[test]
fn lb_refuses_bad_input_in_the_chosen_language() {
    let env = Env::new();
    for (lang, needle) in [
        (C, "--fail 4 is not a server (1-3)"),
        (KO, "--fail 4 값은 서버 번호가 아닙니다 (1-3)"),
    ] {
        crate::util::demo_refuses_in(&env, lang, "lb", &["--fail", "4"], needle);
    }
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_lb_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "lb");
    }
}
