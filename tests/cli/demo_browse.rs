//! `synack demo browse` through the binary: one timeline from the typed URL
//! to the HTTP response on loopback, golden text at 80 and 120 columns, the
//! JSON document, HSTS and IDNA, a name the zone data does not have,
//! determinism and bad URLs.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// `synack demo browse ARGS` at `columns`, expecting success.
/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "browse", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "browse", args)
}

/// Live demos need loopback; say so instead of passing silently elsewhere.
fn loopback() -> bool {
    std::net::TcpListener::bind("127.0.0.1:0").is_ok()
}

fn steps(v: &Value) -> Vec<(String, u64, u64)> {
    v["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["step"].as_str().expect("step").to_string(),
                s["time_ms"].as_u64().expect("time_ms"),
                s["took_ms"].as_u64().expect("took_ms"),
            )
        })
        .collect()
}

#[test]
fn text_matches_golden_at_80_and_120_columns() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    for columns in [80, 120] {
        let out = text(&env, &[], columns);
        assert_golden(&format!("demo/browse-default-{columns}.txt"), &out);
        let out = text(&env, &["http://www.example.com/index.html"], columns);
        assert_golden(&format!("demo/browse-hsts-{columns}.txt"), &out);
    }
}

#[test]
fn the_timeline_chains_every_step_on_the_virtual_clock() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let v = json(&env, &[]);
    // DNS: 2 ms to the recursive resolver + 3 upstream queries of 30 ms;
    // TCP and TLS 1.3: one 40 ms round trip each; HTTP: 40 + 15 ms.
    assert_eq!(
        steps(&v),
        [
            ("uri".to_string(), 0, 0),
            ("hsts".to_string(), 0, 0),
            ("cache".to_string(), 0, 0),
            ("dns".to_string(), 0, 92),
            ("tcp".to_string(), 92, 40),
            ("tls".to_string(), 132, 40),
            ("http".to_string(), 172, 55),
        ]
    );
    assert_eq!(v["total_ms"], 227);
    assert_eq!(v["loaded"], true);
    let http = &v["steps"][6];
    assert_eq!(http["detail"], "HTTP/1.1 200 OK");
    let demos: Vec<&str> = v["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|s| s["demo"].as_str())
        .collect();
    assert_eq!(
        demos,
        [
            "uri",
            "http --mode cache",
            "dns",
            "handshake",
            "tls",
            "http"
        ]
    );
    let out = text(&env, &[], 80);
    for zoom in [
        "synack demo dns",
        "synack demo tls",
        "synack demo handshake",
    ] {
        assert!(out.contains(zoom), "{zoom}: {out}");
    }
    assert!(out.contains("SYN+ACK"), "{out}");
    assert!(out.contains("192.0.2.10"), "{out}");
}

#[test]
fn hsts_upgrades_http_before_any_packet_and_idna_comes_first() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let v = json(&env, &["http://www.example.com/index.html"]);
    assert_eq!(v["final_url"], "https://www.example.com/index.html");
    assert!(steps(&v).iter().any(|s| s.0 == "tls"));
    let v = json(&env, &["https://bücher.example.com/"]);
    assert_eq!(v["final_url"], "https://xn--bcher-kva.example.com/");
    let out = text(&env, &["https://bücher.example.com/"], 80);
    let idna = out.find("xn--bcher-kva").expect("punycode shown");
    let hsts = out.find("HSTS 확인").expect("hsts step");
    assert!(idna < hsts, "{out}");
}

#[test]
fn a_name_outside_the_zone_data_stops_at_dns() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let v = json(&env, &["https://nope.example.com/"]);
    assert_eq!(v["loaded"], false);
    let names: Vec<String> = steps(&v).into_iter().map(|s| s.0).collect();
    assert_eq!(names, ["uri", "hsts", "cache", "dns"]);
    assert!(
        v["steps"][3]["detail"]
            .as_str()
            .expect("detail")
            .contains("Non-Existent Domain")
    );
}

#[test]
fn json_matches_golden_and_the_same_seed_repeats() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    // The steps' details are Korean, like the text goldens.
    let json_ko = || -> Value {
        let out =
            crate::util::demo_text_in(&env, KO, "browse", &["--seed", "5", "--format", "json"], 80);
        serde_json::from_str(&out).expect("json")
    };
    let mut v = json_ko();
    assert_eq!(v, json_ko());
    assert_eq!(json(&env, &["--seed", "5"]), json(&env, &["--seed", "5"]));
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["final_url", "loaded", "steps", "total_ms", "trace", "url"]
    );
    v.as_object_mut().expect("object").remove("trace");
    assert_golden(
        "demo/browse-seed-5.json",
        &(serde_json::to_string_pretty(&v).expect("json") + "\n"),
    );
}

#[test]
fn bad_urls_get_one_line() {
    let env = Env::new();
    for url in ["ftp://x/", "https://127.0.0.1/", "nope", "http://[::1]/"] {
        let out = env
            .bare_cmd()
            .args(["demo", "browse", url])
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(url), "{err}");
        assert!(out.get_output().stdout.is_empty());
    }
}

#[test]
fn browse_speaks_english_by_default() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    let out = crate::util::demo_text(&env, "browse", &[], 80);
    assert_golden("demo/browse-default-en-80.txt", &out);
    for needle in [
        "1. Parsing the URL (synack demo uri)",
        "At a glance: the timeline",
        "certificate verification passed",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "browse");
    assert_no_korean("browse --help", &help);
    assert!(
        help.contains("The URL typed into the address bar"),
        "{help}"
    );
}

#[test]
fn every_browse_scenario_speaks_one_language() {
    assert!(loopback(), "this test needs 127.0.0.1");
    let env = Env::new();
    for args in [
        &[][..],
        &["http://www.example.com/index.html"],
        &["https://bücher.example.com/"],
        &["https://nope.example.com/"],
    ] {
        let (_, ko) = crate::util::demo_in_both(&env, "browse", args);
        // A command line (`0 ms  synack demo uri`) is not an English sentence.
        let ko = ko.replace("synack demo", "synack:demo");
        assert_no_english(&format!("browse {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "browse", &[], 80);
    for needle in ["1. URL 해석 (synack demo uri)", "한눈에: 시간표"] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "browse");
    assert!(help.contains("주소창에 입력한 URL"), "{help}");
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(
        !help.contains("The URL typed into the address bar"),
        "{help}"
    );
}

#[test]
fn browse_refuses_bad_input_in_the_chosen_language() {
    let env = Env::new();
    for (lang, needle) in [
        (C, "this demo browses http and https"),
        (KO, "이 데모는 http, https URL만 엽니다"),
    ] {
        crate::util::demo_refuses_in(&env, lang, "browse", &["ftp://x/"], needle);
    }
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_browse_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "browse");
    }
}
