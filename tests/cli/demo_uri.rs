//! `synack demo uri` through the binary.

use serde_json::Value;

use crate::util::{Env, assert_golden};

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

/// The golden `demo/NAME-80.txt` for `text` (run at 80 columns) and
/// `demo/NAME-120.txt` for the same command at 120.
pub fn goldens_80_120(env: &Env, name: &str, text: &str, args: &[&str]) {
    assert_golden(&format!("demo/{name}-80.txt"), text);
    assert_golden(&format!("demo/{name}-120.txt"), &stdout_at(env, 120, args));
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
    let text = stdout(&env, &args);
    assert!(
        text.contains("host (ASCII)    xn--jj0bb2kr6h965bxcbp8g.kr\n"),
        "{text}"
    );
    goldens_80_120(&env, "uri-korean", &text, &args);
}

#[test]
fn relative_reference_text_matches_golden() {
    let env = Env::new();
    let args = ["uri", "../g?y#s", "--base", "http://a/b/c/d;p?q"];
    let text = stdout(&env, &args);
    assert!(text.contains("결과       http://a/b/g?y#s\n"), "{text}");
    goldens_80_120(&env, "uri-relative", &text, &args);
}

#[test]
fn invalid_input_is_shown_not_refused() {
    let env = Env::new();
    let args = ["uri", "http://exa mple.com/"];
    let text = stdout(&env, &args);
    goldens_80_120(&env, "uri-invalid", &text, &args);
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
    let text = stdout(&env, &args);
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
