//! `synack demo http` through the binary: real loopback connections, golden
//! text at 80 and 120 columns per mode, the JSON document, HTTP/1.1's order
//! against HTTP/2's, HPACK's shrinking, redirects and caching.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "http", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "http", args)
}

fn loopback() {
    assert!(
        std::net::TcpListener::bind("127.0.0.1:0").is_ok(),
        "this test needs 127.0.0.1"
    );
}

fn paths(v: &Value, protocol: &str) -> Vec<String> {
    v["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .filter(|r| r["protocol"] == protocol)
        .map(|r| r["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn every_mode_matches_its_golden_at_80_and_120_columns() {
    loopback();
    let env = Env::new();
    for mode in ["multiplex", "redirect", "cache"] {
        for columns in [80, 120] {
            let out = text(&env, &["--mode", mode], columns);
            assert_golden(&format!("demo/http-{mode}-{columns}.txt"), &out);
        }
        let mut v = json(&env, &["--mode", mode]);
        v.as_object_mut().expect("object").remove("trace");
        assert_golden(
            &format!("demo/http-{mode}.json"),
            &(serde_json::to_string_pretty(&v).expect("json") + "\n"),
        );
    }
}

#[test]
fn http1_answers_in_order_and_http2_interleaves_streams() {
    loopback();
    let env = Env::new();
    let v = json(&env, &[]);
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "connections",
            "frames",
            "mode",
            "protocol",
            "responses",
            "trace"
        ]
    );
    assert_eq!(v["mode"], "multiplex");
    assert_eq!(paths(&v, "HTTP/1.1"), ["/slow", "/a.css", "/b.js"]);
    assert_eq!(paths(&v, "HTTP/2"), ["/a.css", "/b.js", "/slow"]);
    let frames = v["frames"].as_array().expect("frames");
    for f in frames {
        let keys: Vec<&str> = f
            .as_object()
            .expect("frame")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["bytes", "connection", "stream", "time_ms", "type"]);
    }
    // On the HTTP/2 connection, stream 1's frames come before and after the others'.
    let streams: Vec<u64> = frames
        .iter()
        .filter(|f| f["connection"] == 2 && f["stream"] != 0 && f["time_ms"].as_f64() > Some(0.0))
        .map(|f| f["stream"].as_u64().expect("stream"))
        .collect();
    assert_eq!(streams, [1, 3, 3, 5, 5, 1, 1]);
    let text = text(&env, &[], 80);
    assert!(text.contains("head-of-line"), "{text}");
    assert!(text.contains("QUIC"), "{text}");
}

#[test]
fn hpack_shrinks_the_repeated_headers() {
    loopback();
    let env = Env::new();
    let v = json(&env, &[]);
    let headers: Vec<u64> = v["frames"]
        .as_array()
        .expect("frames")
        .iter()
        .filter(|f| f["connection"] == 2 && f["type"] == "HEADERS" && f["time_ms"] == 0.0)
        .map(|f| f["bytes"].as_u64().expect("bytes") - 9)
        .collect();
    assert_eq!(headers.len(), 3);
    // Header blocks without the 9-byte frame header.
    assert!(headers[1] * 3 < headers[0], "{headers:?}");
    assert!(headers[2] * 3 < headers[0], "{headers:?}");
}

#[test]
fn redirects_keep_the_method_only_for_307_and_308() {
    loopback();
    let env = Env::new();
    let v = json(&env, &["--mode", "redirect"]);
    let follow: Vec<(u64, String)> = v["responses"]
        .as_array()
        .expect("responses")
        .chunks(2)
        .map(|p| {
            (
                p[0]["status"].as_u64().expect("status"),
                p[1]["method"].as_str().expect("m").to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = [
        (301, "GET"),
        (302, "GET"),
        (303, "GET"),
        (307, "POST"),
        (308, "POST"),
    ]
    .iter()
    .map(|(s, m)| (*s, m.to_string()))
    .collect();
    assert_eq!(follow, want);
}

#[test]
fn the_cache_revalidates_with_304_and_no_store_refetches() {
    loopback();
    let env = Env::new();
    let v = json(&env, &["--mode", "cache"]);
    let seen: Vec<(String, u64)> = v["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .map(|r| {
            (
                r["path"].as_str().expect("p").to_string(),
                r["status"].as_u64().expect("s"),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [
        ("/max-age", 200),
        ("/max-age", 304),
        ("/no-cache", 200),
        ("/no-cache", 304),
        ("/no-cache", 304),
        ("/no-store", 200),
        ("/no-store", 200),
        ("/no-store", 200),
    ]
    .iter()
    .map(|(p, s)| (p.to_string(), *s))
    .collect();
    assert_eq!(seen, want);
}

#[test]
fn the_same_run_twice_is_the_same_and_bad_modes_are_refused() {
    loopback();
    let env = Env::new();
    assert_eq!(json(&env, &["--seed", "5"]), json(&env, &["--seed", "5"]));
    for args in [&["--mode", "nope"][..], &["--host", "0.0.0.0"][..]] {
        env.bare_cmd()
            .args(["demo", "http"])
            .args(args)
            .assert()
            .code(2);
    }
}

#[test]
fn http_speaks_english_by_default() {
    let env = Env::new();
    let out = crate::util::demo_text(&env, "http", &[], 80);
    assert_golden("demo/http-default-en-80.txt", &out);
    for needle in [
        "1. HTTP/1.1: one after another on one connection (keep-alive)",
        "head-of-line blocking",
        "without waiting for the slow /slow",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "http");
    assert_no_korean("http --help", &help);
    assert!(help.contains("which keep the method and body"), "{help}");
}

#[test]
fn every_http_scenario_speaks_one_language() {
    let env = Env::new();
    for args in [&[][..], &["--mode", "redirect"], &["--mode", "cache"]] {
        let (_, ko) = crate::util::demo_in_both(&env, "http", args);
        assert_no_english(&format!("http {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "http", &[], 80);
    for needle in [
        "1. HTTP/1.1: 연결 하나(keep-alive)에서 차례로",
        "세 방식 비교 (가상 시계)",
    ] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "http");
    assert!(
        help.contains("어느 것이 메서드와 본문을 유지하는가"),
        "{help}"
    );
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(!help.contains("which keep the method and body"), "{help}");
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_http_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "http");
    }
}
