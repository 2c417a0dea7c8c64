//! `synack demo tls` through the binary: a real rustls handshake on loopback,
//! goldens at 80 and 120 columns per scenario, the JSON facts, the issue's
//! acceptance lines and the library's own certificate errors.

use serde_json::Value;
use synack::render::width::width;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// Each scenario's options and its golden's name.
const SCENARIOS: [(&str, &[&str]); 6] = [
    ("tls13", &[]),
    ("tls12", &["--version", "1.2"]),
    ("wrong-host", &["--fail", "wrong-host"]),
    ("expired", &["--fail", "expired"]),
    ("unknown-ca", &["--fail", "unknown-ca"]),
    (
        "missing-intermediate-tls12",
        &["--fail", "missing-intermediate", "--version", "1.2"],
    ),
];

fn text_at(env: &Env, args: &[&str], columns: usize) -> String {
    text_in(env, C, args, columns)
}

/// [`text_at`] with the locale variable `lang` set ([`KO`] or [`C`]).
fn text_in(env: &Env, lang: (&str, &str), args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, lang, "tls", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    let out = text_at(env, &[args, &["--format", "json"]].concat(), 80);
    serde_json::from_str(&out).expect("json output")
}

fn types(doc: &Value) -> Vec<(String, String, bool)> {
    doc["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| {
            (
                m["from"].as_str().expect("from").to_string(),
                m["type"].as_str().expect("type").to_string(),
                m["encrypted"].as_bool().expect("encrypted"),
            )
        })
        .collect()
}

#[test]
fn every_scenario_matches_its_goldens_at_80_and_120_columns_and_fits() {
    let env = Env::new();
    for (name, args) in SCENARIOS {
        for columns in [80, 120] {
            // The Korean goldens, read by a person, stay as they were.
            let out = text_in(&env, KO, args, columns);
            for line in out.lines() {
                assert!(width(line) <= columns, "{name} at {columns}: {line:?}");
            }
            assert_golden(&format!("demo/tls-{name}-{columns}.txt"), &out);
        }
    }
}

#[test]
fn tls13_json_matches_its_golden() {
    let env = Env::new();
    let out = text_in(&env, KO, &["--format", "json"], 80);
    let doc: Value = serde_json::from_str(&out).expect("json output");
    let mut pretty = serde_json::to_string_pretty(&doc).expect("json");
    pretty.push('\n');
    assert_golden("demo/tls-tls13.json", &pretty);
}

/// The acceptance line: a real TLS 1.3 handshake on loopback in one
/// round trip, the messages read from the wire.
#[test]
fn tls13_completes_in_one_round_trip_with_the_rfc_8446_messages() {
    let env = Env::new();
    let doc = json(&env, &[]);
    assert_eq!(doc["version"], "TLS 1.3");
    assert_eq!(doc["round_trips"], 1);
    assert_eq!(doc["verified"], true);
    assert_eq!(doc["error"], Value::Null);
    assert_eq!(doc["group"], "X25519");
    assert!(
        doc["cipher_suite"]
            .as_str()
            .is_some_and(|s| s.starts_with("TLS13_")),
        "{}",
        doc["cipher_suite"]
    );
    let t = types(&doc);
    let s = |from: &str, kind: &str, enc: bool| (from.to_string(), kind.to_string(), enc);
    // RFC 8446 §2 Figure 1, with the compatibility CCS of Appendix D.4.
    assert_eq!(
        t[..9],
        [
            s("client", "ClientHello", false),
            s("server", "ServerHello", false),
            s("server", "ChangeCipherSpec", false),
            s("server", "EncryptedExtensions", true),
            s("server", "Certificate", true),
            s("server", "CertificateVerify", true),
            s("server", "Finished", true),
            s("client", "ChangeCipherSpec", false),
            s("client", "Finished", true),
        ]
    );
    assert!(t.contains(&s("client", "ApplicationData", true)));
    let roles: Vec<&str> = doc["chain"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|c| c["role"].as_str().expect("role"))
        .collect();
    assert_eq!(roles, ["leaf", "intermediate", "root"]);
    assert_eq!(doc["chain"][0]["subject"], "CN=example.test");
    assert_eq!(doc["chain"][0]["issuer"], doc["chain"][1]["subject"]);
    assert_eq!(doc["chain"][1]["issuer"], doc["chain"][2]["subject"]);
    assert_eq!(doc["chain"][2]["sent"], false);
    // The validity follows SYNACK_NOW (2026-11-21 in the harness).
    assert_eq!(doc["chain"][0]["not_before"], "2026-11-20");
}

#[test]
fn tls12_takes_two_round_trips_and_shows_its_key_exchange_messages() {
    let env = Env::new();
    let doc = json(&env, &["--version", "1.2"]);
    assert_eq!(doc["version"], "TLS 1.2");
    assert_eq!(doc["round_trips"], 2);
    let kinds: Vec<String> = types(&doc).into_iter().map(|(_, k, _)| k).collect();
    for needed in [
        "ServerKeyExchange",
        "ServerHelloDone",
        "ClientKeyExchange",
        "ChangeCipherSpec",
    ] {
        assert!(kinds.iter().any(|k| k == needed), "{needed}: {kinds:?}");
    }
    assert!(
        doc["cipher_suite"]
            .as_str()
            .is_some_and(|s| s.starts_with("TLS_ECDHE_ECDSA_")),
        "{}",
        doc["cipher_suite"]
    );
}

/// Each failure is rustls's own error, and no application byte is sent.
#[test]
fn failures_carry_the_librarys_own_certificate_error() {
    let env = Env::new();
    for (fail, needle) in [
        (
            "wrong-host",
            "certificate not valid for name \"other.test\"",
        ),
        ("expired", "certificate expired"),
        ("unknown-ca", "UnknownIssuer"),
        ("missing-intermediate", "UnknownIssuer"),
    ] {
        for version in ["1.3", "1.2"] {
            let doc = json(&env, &["--fail", fail, "--version", version]);
            let error = doc["error"].as_str().unwrap_or_default();
            assert!(
                error.starts_with("invalid peer certificate: ") && error.contains(needle),
                "{fail} {version}: {error}"
            );
            assert_eq!(doc["verified"], false, "{fail}");
            assert_eq!(doc["round_trips"], Value::Null, "{fail}");
            assert!(
                !types(&doc).iter().any(|(_, k, _)| k == "ApplicationData"),
                "{fail} {version}"
            );
        }
    }
    let doc = json(&env, &["--fail", "missing-intermediate"]);
    assert_eq!(doc["chain"][1]["sent"], false);
    let text = text_at(&env, &["--fail", "wrong-host"], 80);
    assert!(text.contains("invalid peer certificate"), "{text}");
}

#[test]
fn same_seed_same_output_and_no_wall_clock() {
    let env = Env::new();
    let a = text_at(&env, &["--seed", "5"], 80);
    let b = text_at(&env, &["--seed", "5"], 80);
    assert_eq!(a, b);
    let doc = json(&env, &["--now", "2030-06-01T00:00:00Z"]);
    assert_eq!(doc["chain"][0]["not_after"], "2030-08-29");
    assert_eq!(doc["verified"], true);
}

#[test]
fn bad_options_are_one_line_errors() {
    let env = Env::new();
    for (args, code, needle) in [
        (&["--version", "1.1"][..], 2, "1.1"),
        (&["--fail", "nope"][..], 2, "nope"),
        (&["--now", "yesterday"][..], 1, "--now"),
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "tls"])
            .args(args)
            .assert()
            .code(code);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_examples_run_and_fit_and_no_option_takes_an_address() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env("COLUMNS", "80")
        .args(["demo", "tls", "--help"])
        .assert()
        .success();
    let help = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    for word in ["--addr", "--host", "--port", "--connect", "--bind"] {
        assert!(!help.contains(word), "{word}");
    }
    let examples: Vec<&str> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  synack demo "))
        .collect();
    assert!(examples.len() >= 2, "{help}");
    for example in examples {
        let args: Vec<&str> = example.split_whitespace().collect();
        let out = text_at(&env, &args[1..], 80);
        if !example.contains("--format json") {
            assert!(out.lines().all(|l| width(l) <= 80), "{example}");
        }
    }
}

/// Every scenario in both languages. The one English text the Korean screen
/// keeps is rustls's own error (the JSON `error`), which the option promises
/// to show as the library wrote it; it is taken out before the check.
#[test]
fn english_screen_has_no_korean_and_korean_screen_no_english() {
    let env = Env::new();
    for (name, args) in SCENARIOS {
        let en = text_in(&env, C, args, 80);
        assert_no_korean(&format!("demo tls {name}"), &en);
        // Wide enough that the library's error stays on one line.
        let ko = text_in(&env, KO, args, 400);
        let doc = json(&env, args);
        let error = doc["error"].as_str().unwrap_or("\u{0}");
        assert!(
            doc["error"].is_null() || ko.contains(error),
            "{name}: {error} not in {ko}"
        );
        assert_no_english(&format!("demo tls {name}"), &ko.replace(error, ""));
        assert!(ko.contains("인증서 체인: rcgen으로 방금 만듦"), "{ko}");
    }
    let help = text_in(&env, C, &["--help"], 120);
    assert_no_korean("demo tls --help", &help);
    let help = text_in(&env, KO, &["--help"], 120);
    for own in [
        "양쪽이 허용하는 TLS 버전",
        "server가 intermediate 없이 leaf만 보냅니다",
        "인증서를 만들고 검증하는 시각",
    ] {
        assert!(help.contains(own), "{own:?} not in {help}");
    }
}

#[test]
fn english_default_run_matches_golden() {
    let env = Env::new();
    let text = text_in(&env, C, &[], 80);
    assert!(
        text.contains("Certificate chain: just made with rcgen"),
        "{text}"
    );
    assert!(
        text.contains("Chain verified leaf → intermediate → root, name example.test: passed"),
        "{text}"
    );
    assert_golden("demo/tls-default-en-80.txt", &text);
}
