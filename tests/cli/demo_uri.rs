//! `synack demo uri` through the binary.

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean, demo_text_in};

/// Runs `synack ARGS`, expects exit `code` and one line on stderr, returns it.
pub fn one_line_error(env: &Env, args: &[&str], code: i32) -> String {
    let out = env.bare_cmd().args(args).assert().code(code);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// Runs `synack demo ARGS`, expects success, returns stdout.
pub fn stdout(env: &Env, args: &[&str]) -> String {
    stdout_at(env, 80, args)
}

pub fn stdout_at(env: &Env, columns: usize, args: &[&str]) -> String {
    let out = env
        .bare_cmd()
        .env("COLUMNS", columns.to_string())
        .arg("demo")
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

/// The goldens `demo/NAME-80.txt` and `demo/NAME-120.txt` of the Korean
/// screen (`LANG=ko_KR.UTF-8`): they were read by a person and stay as
/// they are.
fn goldens_ko(env: &Env, name: &str, args: &[&str]) -> String {
    let text = ko(env, 80, args);
    assert_golden(&format!("demo/{name}-80.txt"), &text);
    assert_golden(&format!("demo/{name}-120.txt"), &ko(env, 120, args));
    text
}

/// `synack demo ARGS` (ARGS starting with `uri`) under `LANG=ko_KR.UTF-8`.
fn ko(env: &Env, columns: usize, args: &[&str]) -> String {
    demo_text_in(env, KO, args[0], &args[1..], columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    let text = stdout(env, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).expect("json output")
}

#[test]
fn korean_host_text_matches_golden() {
    let env = Env::new();
    let args = [
        "uri",
        "https://긴급재난지원금.kr/?q=%EC%A7%80%EC%9B%90+%EA%B8%88&page=2",
        "--compare",
        "https://xn--jj0bb2kr6h965bxcbp8g.kr:443/other",
    ];
    let text = goldens_ko(&env, "uri-korean", &args);
    assert!(
        text.contains("host (ASCII)    xn--jj0bb2kr6h965bxcbp8g.kr\n"),
        "{text}"
    );
}

#[test]
fn relative_reference_text_matches_golden() {
    let env = Env::new();
    let args = ["uri", "../g?y#s", "--base", "http://a/b/c/d;p?q"];
    let text = goldens_ko(&env, "uri-relative", &args);
    assert!(text.contains("결과       http://a/b/g?y#s\n"), "{text}");
}

#[test]
fn invalid_input_is_shown_not_refused() {
    let env = Env::new();
    let args = ["uri", "http://exa mple.com/"];
    let text = goldens_ko(&env, "uri-invalid", &args);
    assert!(
        text.contains("parse 실패(failure): 국제화 도메인 이름(IDN)이 올바르지 않습니다\n"),
        "{text}"
    );
    let v = json(&env, &["uri", "http://a:99999/"]);
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"], "invalid port number");
    assert_eq!(v["rfc3986"]["port"], "99999");
    assert_eq!(v["whatwg"], Value::Null);
}

#[test]
fn normalization_json_matches_golden() {
    let env = Env::new();
    let args = [
        "uri",
        "HTTP://User:Pw@Example.COM:80/a/./b/../c?q=a b&r#top",
        "--format",
        "json",
    ];
    let text = demo_text_in(&env, KO, "uri", &args[1..], 80);
    assert_golden("demo/uri-normalize.json", &text);
}

#[test]
fn json_has_every_documented_key() {
    let env = Env::new();
    let v = json(
        &env,
        &[
            "uri",
            "http://[::1]:8080/",
            "--compare",
            "http://[::1]:8080/x",
        ],
    );
    for key in [
        "input",
        "base",
        "valid",
        "error",
        "kind",
        "rfc3986",
        "whatwg",
        "default_port",
        "query_pairs",
        "host_unicode",
        "host_ascii",
        "compare",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert_eq!(v["whatwg"]["host"], "[::1]:8080");
    assert_eq!(v["whatwg"]["hostname"], "[::1]");
    assert_eq!(v["whatwg"]["port"], "8080");
    assert_eq!(v["rfc3986"]["host"], "[::1]");
    assert_eq!(v["default_port"], 80);
    assert_eq!(v["compare"]["same_origin"], true);
}

#[test]
fn compare_names_what_differs() {
    let env = Env::new();
    let v = json(
        &env,
        &["uri", "https://a.kr/", "--compare", "https://a.kr:443/x?y"],
    );
    assert_eq!(v["compare"]["same_origin"], true);
    assert_eq!(v["compare"]["differs_in"], serde_json::json!([]));
    let v = json(
        &env,
        &["uri", "https://a.kr/", "--compare", "http://a.kr:8080/"],
    );
    assert_eq!(v["compare"]["same_origin"], false);
    assert_eq!(
        v["compare"]["differs_in"],
        serde_json::json!(["scheme", "port"])
    );
    let v = json(&env, &["uri", "data:,hi", "--compare", "data:,hi"]);
    assert_eq!(v["whatwg"]["origin"], "null");
    assert_eq!(v["compare"]["differs_in"], serde_json::json!(["opaque"]));
}

#[test]
fn missing_uri_is_a_one_line_usage_error() {
    let env = Env::new();
    let err = one_line_error(&env, &["demo", "uri"], 2);
    assert!(err.contains("missing URI"), "{err}");
}

#[test]
fn unparsable_base_is_one_line() {
    let env = Env::new();
    let err = one_line_error(&env, &["demo", "uri", "g", "--base", "a/b"], 1);
    assert_eq!(
        err,
        "synack: error: --base \"a/b\" is not an absolute URL: relative URL without a base\n"
    );
}

/// Every kind of input and step of the demo, free of Hangul in what it
/// prints itself, so the language checks below see only the demo's words.
const SCENARIOS: &[&[&str]] = &[
    &["HTTP://User:Pw@Example.COM:80/a/./b/../c?q=a b&r#top"],
    &["../g?y#s", "--base", "http://a/b/c/d;p?q"],
    &["?y", "--base", "http://a/b/c/d;p?q"],
    &["//g/x", "--base", "http://a/b"],
    &["/./g", "--base", "http://a/b"],
    &["g:h", "--base", "http://a/b"],
    &["g"],
    &["http://exa mple.com/"],
    &["http://a:99999/"],
    &["http://[::1"],
    &["urn:isbn:9788966260959"],
    &["mailto:a@example.com"],
    &["data:,hi", "--compare", "data:,hi"],
    &["https://a.kr/", "--compare", "http://a.kr:8080/"],
    &["https://a.kr/", "--compare", "https://a.kr:443/x"],
    &["http://0x7f.1/\\a"],
    &["file:///etc/hosts"],
];

#[test]
fn english_screen_has_no_korean_and_korean_screen_no_english() {
    let env = Env::new();
    for args in SCENARIOS {
        // The options first, then `--`, so an input such as `-x` stays the URI.
        let args = [&args[1..], &["--", args[0]][..]].concat();
        let en = demo_text_in(&env, C, "uri", &args, 80);
        assert_no_korean(&format!("demo uri {args:?}"), &en);
        let ko = demo_text_in(&env, KO, "uri", &args, 80);
        assert_no_english(&format!("demo uri {args:?}"), &ko);
        assert!(
            ko.contains("1단계  RFC 3986 generic syntax로 나누기"),
            "{ko}"
        );
    }
    let help = demo_text_in(&env, C, "uri", &["--help"], 120);
    // An example's URL may be Korean: it is the user's input, not the demo's words.
    let words: String = help
        .lines()
        .filter(|l| !l.starts_with("  synack demo uri "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_no_korean("demo uri --help", &words);
    assert!(help.contains("Compare URI's origin with OTHER's"), "{help}");
    // The shared options (--seed, --format, --step) and clap's frame are
    // another part's; this demo's own texts are checked.
    let help = demo_text_in(&env, KO, "uri", &["--help"], 120);
    for own in [
        "URI를 분해합니다: RFC 3986 generic syntax",
        "분해할 URI (relative reference는 --base가 필요합니다)",
        "URI를 이 absolute URI에 대해 해석합니다",
        "URI의 origin을 OTHER의 origin과 비교합니다",
    ] {
        assert!(help.contains(own), "{own:?} not in {help}");
    }
}

#[test]
fn english_default_run_matches_golden() {
    let env = Env::new();
    let args = [
        "https://긴급재난지원금.kr/a/../b?q=1",
        "--compare",
        "https://example.kr",
    ];
    let text = demo_text_in(&env, C, "uri", &args, 80);
    assert!(
        text.contains("Step 1  Split by the RFC 3986 generic syntax"),
        "{text}"
    );
    assert!(
        text.contains("→ cross-origin (differs in: host): to read a response"),
        "{text}"
    );
    assert_golden("demo/uri-default-en-80.txt", &text);
}

#[test]
fn unparsable_base_is_one_line_in_korean() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .args(["demo", "uri", "g", "--base", "a/b"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--base \"a/b\": absolute URL이 아닙니다 (base 없는 relative URL입니다)"),
        "{err}"
    );
}
