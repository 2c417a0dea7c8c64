//! `synack demo session` through the binary: real loopback servers behind
//! the demo's load balancer, golden text at 80 and 120 columns, the JSON
//! documents, the brief's acceptance (the session lost on the second request
//! behind round robin, kept by sticky until its server fails, kept by
//! clustering and a shared store), determinism and bad options.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "session", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "session", args)
}

/// The JSON document in Korean (its trace's human text follows the language).
fn json_ko(env: &Env, args: &[&str]) -> Value {
    let out = crate::util::demo_text_in(
        env,
        KO,
        "session",
        &[args, &["--format", "json"]].concat(),
        80,
    );
    serde_json::from_str(&out).expect("json output")
}

/// Every scenario of the goldens, by name.
const SCENARIOS: [(&str, &[&str]); 7] = [
    ("cookie", &["--kind", "cookie"]),
    ("jwt", &["--kind", "jwt"]),
    ("one-server", &[]),
    ("servers3", &["--servers", "3"]),
    ("servers3-sticky", &["--servers", "3", "--sticky"]),
    ("servers3-clustering", &["--servers", "3", "--clustering"]),
    ("servers3-store", &["--servers", "3", "--store"]),
];

fn loopback() {
    assert!(
        std::net::TcpListener::bind("127.0.0.1:0").is_ok(),
        "this test needs 127.0.0.1"
    );
}

/// Each request's (server, status) from the JSON document.
fn hops(v: &Value) -> Vec<(u64, u64)> {
    v["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|h| {
            (
                h["server"].as_u64().expect("server"),
                h["status"].as_u64().expect("status"),
            )
        })
        .collect()
}

#[test]
fn session_goldens_at_80_and_120_columns() {
    loopback();
    let env = Env::new();
    for (name, args) in SCENARIOS {
        for columns in [80, 120] {
            let out = text(&env, args, columns);
            assert_golden(&format!("demo/session-{name}-{columns}.txt"), &out);
        }
    }
}

#[test]
fn round_robin_loses_the_session_on_the_second_request() {
    loopback();
    let v = json(&Env::new(), &["--servers", "3"]);
    assert_eq!(v["fix"], "none");
    assert_eq!(hops(&v), [(1, 200), (2, 401), (3, 401)]);
}

#[test]
fn sticky_keeps_the_session_until_its_server_fails() {
    loopback();
    let env = Env::new();
    let v = json_ko(&env, &["--servers", "3", "--sticky"]);
    assert_eq!(v["fix"], "sticky");
    // Login, two requests back to server 1, then server 1 fails.
    assert_eq!(hops(&v), [(1, 200), (1, 200), (1, 200), (3, 401)]);
    assert_golden(
        "demo/session-servers3-sticky.json",
        &serde_json::to_string_pretty(&v).expect("json"),
    );
}

#[test]
fn clustering_and_a_shared_store_survive_the_failure() {
    loopback();
    let env = Env::new();
    let c = json(&env, &["--servers", "3", "--clustering"]);
    assert_eq!(hops(&c), [(1, 200), (2, 200), (3, 200), (3, 200)]);
    // All-to-all: one login copied to the other two servers.
    assert_eq!(c["replication_copies"], 2);
    let c4 = json(&env, &["--servers", "4", "--clustering"]);
    assert_eq!(c4["replication_copies"], 3);
    let s = json(&env, &["--servers", "3", "--store"]);
    assert!(hops(&s).iter().all(|&(_, status)| status == 200));
    assert_eq!(s["replication_copies"], 0);
}

#[test]
fn cookie_attributes_are_parsed_and_the_send_rules_hold() {
    loopback();
    let v = json(&Env::new(), &["--kind", "cookie"]);
    let cookies = v["cookies"].as_array().expect("cookies");
    let sid = &cookies[0];
    assert_eq!(sid["name"], "sid");
    assert_eq!(sid["same_site"], "Lax");
    assert_eq!(sid["max_age"], 3600);
    assert_eq!(sid["http_only"], true);
    // Expires follows SYNACK_NOW (the harness's clock) plus 30 days.
    let theme = &cookies[1];
    assert_eq!(theme["same_site"], "Strict");
    assert!(theme["expires"].as_str().expect("expires").ends_with('Z'));
    assert_eq!(cookies[2]["partitioned"], true);
    let sent = |cookie: &str, context: &str, browser: &str| {
        v["sends"]
            .as_array()
            .expect("sends")
            .iter()
            .find(|s| s["cookie"] == cookie && s["context"] == context && s["browser"] == browser)
            .map(|s| s["sent"].as_str().expect("sent").to_string())
            .expect("a row")
    };
    assert_eq!(sent("theme", "cross-site-navigation", "chrome"), "no");
    assert_eq!(sent("sid", "cross-site-navigation", "firefox"), "yes");
    assert_eq!(sent("widget", "third-party", "safari"), "no");
    assert_eq!(sent("widget", "third-party", "firefox"), "partitioned");
    // Lax by default is Chromium's alone.
    assert_eq!(sent("legacy", "third-party", "chrome"), "no");
    assert_eq!(sent("legacy", "third-party", "firefox"), "partitioned");
}

#[test]
fn jwt_is_base64url_signed_and_checked_against_the_clock() {
    let v = json(
        &Env::new(),
        &["--kind", "jwt", "--now", "2026-03-01T12:00:00Z"],
    );
    let token = v["token"].as_str().expect("token");
    assert_eq!(token.split('.').count(), 3);
    assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
    assert_eq!(v["payload"]["iat"], 1_772_366_400);
    assert_eq!(v["payload"]["exp"], 1_772_366_400 + 900);
    let checks: Vec<(bool, Value)> = v["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| (c["valid"].as_bool().expect("valid"), c["error"].clone()))
        .collect();
    assert_eq!(
        checks,
        [
            (true, Value::Null),
            (false, Value::from("bad-signature")),
            (false, Value::from("expired")),
        ]
    );
}

#[test]
fn the_same_seed_gives_the_same_output_and_another_seed_another_id() {
    loopback();
    let env = Env::new();
    let a = text(&env, &["--servers", "2", "--seed", "7"], 80);
    let b = text(&env, &["--servers", "2", "--seed", "7"], 80);
    assert_eq!(a, b);
    let c = text(&env, &["--servers", "2", "--seed", "8"], 80);
    assert_ne!(a, c);
}

#[test]
fn bad_options_get_one_line_and_a_failing_exit() {
    let env = Env::new();
    // Options clap refuses are usage errors (2); values the demo refuses
    // are failures (1), as in every demo.
    let cases: [(&[&str], &str, i32); 7] = [
        (&["--servers", "0"], "--servers 0 is out of range", 1),
        (&["--servers", "9"], "--servers 9 is out of range", 1),
        (&["--sticky"], "need --servers 2 or more", 1),
        (
            &["--kind", "jwt", "--servers", "2"],
            "--servers works with",
            1,
        ),
        (&["--now", "yesterday"], "--now \"yesterday\"", 1),
        (
            &["--servers", "2", "--sticky", "--store"],
            "cannot be used with",
            2,
        ),
        (&["--kind", "nope"], "invalid value", 2),
    ];
    for (args, needle, code) in cases {
        let out = env
            .bare_cmd()
            .args(["demo", "session"])
            .args(args)
            .assert()
            .failure();
        let output = out.get_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        if code == 1 {
            assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        }
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn session_speaks_english_by_default() {
    loopback();
    let env = Env::new();
    let out = crate::util::demo_text(&env, "session", &[], 80);
    assert_golden("demo/session-default-en-80.txt", &out);
    let lost = crate::util::demo_text(&env, "session", &["--servers", "3"], 80);
    assert!(lost.contains("3 servers behind a load balancer"), "{lost}");
    assert!(lost.contains("the session is lost"), "{lost}");
    let v = json(&env, &["--kind", "cookie"]);
    let why = v["sends"][0]["why"].as_str().expect("why");
    assert_eq!(why, "a same-site request");
}

#[test]
fn every_scenario_speaks_one_language() {
    loopback();
    let env = Env::new();
    for (name, args) in SCENARIOS {
        let (_, ko) = crate::util::demo_in_both(&env, "session", args);
        assert_no_english(&format!("session {name}"), &ko);
    }
    assert_no_korean(
        "session --help",
        &crate::util::demo_help_in(&env, C, "session"),
    );
    let ko = text(&env, &["--servers", "3"], 80);
    assert!(ko.contains("두 번째 요청에서 세션이 사라짐"), "{ko}");
    let cookie = text(&env, &["--kind", "cookie"], 80);
    assert!(cookie.contains("다른 사이트의 링크"), "{cookie}");
    let help = crate::util::demo_help_in(&env, KO, "session");
    assert!(
        help.contains("해결책: 모든 서버가 세션을 공유 저장소 하나에 둡니다"),
        "{help}"
    );
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(!help.contains("Fix: every server"), "{help}");
}

#[test]
fn bad_options_are_refused_in_korean_under_a_korean_locale() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .args(["demo", "session", "--servers", "9"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("--servers 9 값이 범위를 벗어났습니다"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_session_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "session");
    }
}
