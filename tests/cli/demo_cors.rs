//! `synack demo cors` through the binary: a real loopback server, golden
//! text at 80 and 120 columns, the JSON document, the acceptance
//! (a PUT is preflighted, a simple GET is not), blocked cases and bad input.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// The demo's text in Korean: the golden files were written (and read) in it.
fn text(env: &Env, args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, KO, "cors", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    crate::util::demo_json(env, "cors", args)
}

fn loopback() {
    assert!(
        std::net::TcpListener::bind("127.0.0.1:0").is_ok(),
        "this test needs 127.0.0.1"
    );
}

#[test]
fn a_put_is_preflighted_and_a_simple_get_is_not() {
    loopback();
    let env = Env::new();
    let put = json(&env, &["--method", "PUT"]);
    assert_eq!(put["simple"], false);
    let pre = put["preflight"]["request"]
        .as_str()
        .expect("preflight sent");
    assert!(pre.starts_with("OPTIONS /data HTTP/1.1\r\n"), "{pre}");
    assert!(
        pre.contains("Access-Control-Request-Method: PUT\r\n"),
        "{pre}"
    );
    assert!(
        put["preflight"]["response"]
            .as_str()
            .expect("preflight answered")
            .contains("Access-Control-Allow-Methods: GET, POST, PUT\r\n")
    );
    assert_eq!(put["allowed"], true);
    let get = json(&env, &[]);
    assert_eq!(get["simple"], true);
    assert_eq!(get["preflight"], Value::Null);
    assert!(
        get["request"]
            .as_str()
            .expect("sent")
            .starts_with("GET /data")
    );
    assert_eq!(get["allowed"], true);
    assert_eq!(get["reason"], Value::Null);
}

#[test]
fn json_has_exactly_the_documented_keys_and_matches_golden() {
    loopback();
    let env = Env::new();
    let mut v = json(
        &env,
        &[
            "--method",
            "POST",
            "--content-type",
            "application/json",
            "--header",
            "X-Zeta: 1",
            "--header",
            "X-Alpha: 2",
            "--allow-headers",
            "Content-Type, X-Alpha, X-Zeta",
        ],
    );
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "allowed",
            "origin",
            "preflight",
            "reason",
            "request",
            "response",
            "simple",
            "target",
            "trace"
        ]
    );
    assert_eq!(v["origin"], "https://app.example");
    assert_eq!(v["target"], "https://api.example/data");
    // Lower-cased, sorted, comma-separated (Fetch §4.8).
    assert!(
        v["preflight"]["request"]
            .as_str()
            .expect("preflight")
            .contains("Access-Control-Request-Headers: content-type,x-alpha,x-zeta\r\n")
    );
    v.as_object_mut().expect("object").remove("trace");
    assert_golden(
        "demo/cors-post-json.json",
        &(serde_json::to_string_pretty(&v).expect("json") + "\n"),
    );
}

#[test]
fn text_matches_golden_at_80_and_120_columns() {
    loopback();
    let env = Env::new();
    let cases: [(&str, &[&str]); 4] = [
        ("get", &[]),
        (
            "put",
            &[
                "--method",
                "PUT",
                "--header",
                "X-Token: 1",
                "--allow-headers",
                "X-Token",
            ],
        ),
        (
            "credentials-star",
            &[
                "--credentials",
                "--allow-origin",
                "*",
                "--allow-credentials",
            ],
        ),
        (
            "expired",
            &[
                "--method",
                "DELETE",
                "--allow-methods",
                "DELETE",
                "--max-age",
                "10",
            ],
        ),
    ];
    for (name, args) in cases {
        for columns in [80, 120] {
            let out = text(&env, args, columns);
            assert_golden(&format!("demo/cors-{name}-{columns}.txt"), &out);
        }
    }
}

#[test]
fn blocked_requests_say_why() {
    loopback();
    let env = Env::new();
    let star = json(
        &env,
        &[
            "--credentials",
            "--allow-origin",
            "*",
            "--allow-credentials",
        ],
    );
    assert_eq!(star["allowed"], false);
    // A simple request still reaches the server; only reading is refused.
    assert!(
        star["response"]
            .as_str()
            .expect("answered")
            .starts_with("HTTP/1.1 200 OK")
    );
    assert!(
        star["reason"].as_str().expect("reason").contains("*"),
        "{star}"
    );
    let header = json(&env, &["--method", "PUT", "--header", "X-Token: 1"]);
    assert_eq!(header["allowed"], false);
    assert_eq!(header["request"], Value::Null, "blocked before the request");
    assert!(
        header["reason"]
            .as_str()
            .expect("reason")
            .contains("x-token")
    );
    let none = json(&env, &["--allow-origin", "none"]);
    assert_eq!(none["allowed"], false);
    assert!(
        none["reason"]
            .as_str()
            .expect("reason")
            .contains("Access-Control-Allow-Origin")
    );
    let no_creds = json(&env, &["--credentials"]);
    assert_eq!(no_creds["allowed"], false);
    assert!(
        no_creds["reason"]
            .as_str()
            .expect("reason")
            .contains("Allow-Credentials")
    );
}

#[test]
fn the_preflight_cache_answers_a_second_request_within_max_age() {
    loopback();
    let env = Env::new();
    let hit = text(&env, &["--method", "PUT", "--again-after", "30"], 80);
    assert!(hit.contains("OPTIONS 없이 바로 보냅니다"), "{hit}");
    assert_eq!(hit.matches("OPTIONS ACRM").count(), 1, "{hit}");
    let miss = text(
        &env,
        &["--method", "PUT", "--max-age", "10", "--again-after", "30"],
        80,
    );
    assert_eq!(miss.matches("OPTIONS ACRM").count(), 2, "{miss}");
}

#[test]
fn the_same_run_twice_is_the_same() {
    loopback();
    let env = Env::new();
    assert_eq!(
        json(&env, &["--method", "PUT"]),
        json(&env, &["--method", "PUT"])
    );
}

#[test]
fn bad_options_get_one_line() {
    let env = Env::new();
    for args in [
        &["--header", "NoColon"][..],
        &["--header", "Bad Name: x"][..],
        &["--method", "GE T"][..],
        &["--allow-origin", "a\rb"][..],
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "cors"])
            .args(args)
            .assert()
            .failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.get_output().stdout.is_empty());
    }
    env.bare_cmd()
        .args(["demo", "cors", "--host", "0.0.0.0"])
        .assert()
        .code(2);
}

#[test]
fn cors_speaks_english_by_default() {
    loopback();
    let env = Env::new();
    let out = crate::util::demo_text(&env, "cors", &[], 80);
    assert_golden("demo/cors-default-en-80.txt", &out);
    for needle in [
        "1. Is it a simple request?",
        "A simple request: sent at once",
        "The CORS check passed",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let help = crate::util::demo_help_in(&env, C, "cors");
    assert_no_korean("cors --help", &help);
    assert!(
        help.contains("Server: send Access-Control-Allow-Credentials: true"),
        "{help}"
    );
}

#[test]
fn every_cors_scenario_speaks_one_language() {
    loopback();
    let env = Env::new();
    for args in [
        &[][..],
        &[
            "--method",
            "PUT",
            "--header",
            "X-Token: 1",
            "--allow-headers",
            "X-Token",
        ],
        &["--method", "PUT", "--header", "X-Token: 1"],
        &[
            "--credentials",
            "--allow-origin",
            "*",
            "--allow-credentials",
        ],
        &["--credentials"],
        &["--allow-origin", "none"],
        &["--allow-origin", "https://other.example"],
        &[
            "--method",
            "DELETE",
            "--allow-methods",
            "DELETE",
            "--max-age",
            "10",
        ],
        &["--method", "DELETE"],
        &[
            "--header",
            "Cookie: a=1",
            "--header",
            "Accept-Language: ko/KR",
            "--content-type",
            "application/json",
        ],
    ] {
        let (_, ko) = crate::util::demo_in_both(&env, "cors", args);
        assert_no_english(&format!("cors {args:?}"), &ko);
    }
    let ko = crate::util::demo_text_in(&env, KO, "cors", &[], 80);
    for needle in [
        "1. 단순 요청(simple request)인가?",
        "단순 요청입니다: preflight 없이 바로 보냅니다.",
    ] {
        assert!(ko.contains(needle), "{needle:?} in\n{ko}");
    }
    let help = crate::util::demo_help_in(&env, KO, "cors");
    assert!(
        help.contains("서버: Access-Control-Allow-Credentials: true 헤더를 보냅니다"),
        "{help}"
    );
    // The shared options (--seed, --format, --step) are the registry's.
    assert!(
        !help.contains("Server: send Access-Control-Allow-Credentials: true"),
        "{help}"
    );
}

#[test]
fn cors_refuses_bad_input_in_the_chosen_language() {
    let env = Env::new();
    for (lang, needle) in [(C, "not an HTTP method"), (KO, "HTTP 메서드가 아닙니다")] {
        crate::util::demo_refuses_in(&env, lang, "cors", &["--method", "GE T"], needle);
    }
}

/// Regression: the first example lost its indent (a `\` line continuation
/// ate it), so the example check skipped it.
#[test]
fn every_cors_example_line_is_indented_in_both_languages() {
    let env = Env::new();
    for lang in [C, KO] {
        crate::util::demo_examples(&env, lang, "cors");
    }
}
