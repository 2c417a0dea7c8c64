//! `synack demo dns` through the binary: iterative resolution on loopback
//! name servers, goldens at 80 and 120 columns per scenario, the JSON facts
//! and the acceptance lines.

use serde_json::Value;
use synack::render::width::width;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

const SCENARIOS: [(&str, &[&str]); 5] = [
    ("www", &[]),
    ("www-after400", &["--after", "400"]),
    ("nxdomain", &["nope.example.com"]),
    ("truncated", &["many.example.com"]),
    ("round-robin", &["--round-robin"]),
];

fn text_at(env: &Env, args: &[&str], columns: usize) -> String {
    text_in(env, C, args, columns)
}

/// [`text_at`] with the locale variable `lang` set ([`KO`] or [`C`]).
fn text_in(env: &Env, lang: (&str, &str), args: &[&str], columns: usize) -> String {
    crate::util::demo_text_in(env, lang, "dns", args, columns)
}

fn json(env: &Env, args: &[&str]) -> Value {
    let out = text_at(env, &[args, &["--format", "json"]].concat(), 80);
    serde_json::from_str(&out).expect("json output")
}

fn queries(doc: &Value) -> &Vec<Value> {
    doc["queries"].as_array().expect("queries")
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
            assert_golden(&format!("demo/dns-{name}-{columns}.txt"), &out);
        }
    }
}

#[test]
fn json_matches_its_golden() {
    let env = Env::new();
    let out = text_in(&env, KO, &["--format", "json"], 80);
    let doc: Value = serde_json::from_str(&out).expect("json output");
    let mut pretty = serde_json::to_string_pretty(&doc).expect("json");
    pretty.push('\n');
    assert_golden("demo/dns-www.json", &pretty);
}

/// The acceptance line: root → TLD → authoritative with wire-format
/// messages (a hex dump and decoded header flags) and a cache hit.
#[test]
fn the_chain_goes_root_tld_authoritative_and_the_second_lookup_hits_the_cache() {
    let env = Env::new();
    let doc = json(&env, &[]);
    let q = queries(&doc);
    let roles: Vec<&str> = q
        .iter()
        .map(|q| q["server_role"].as_str().expect("role"))
        .collect();
    assert_eq!(
        roles,
        ["root", "tld", "authoritative", "recursive", "recursive"]
    );
    assert_eq!(q[0]["server"], "a.root-servers.test.");
    assert_eq!(q[0]["response"]["aa"], false);
    assert_eq!(
        q[0]["response"]["authority"][0],
        "com. 172800 IN NS a.gtld-servers.test."
    );
    assert_eq!(
        q[0]["response"]["additional"][0],
        "a.gtld-servers.test. 172800 IN A 127.0.0.3"
    );
    assert_eq!(q[2]["response"]["aa"], true);
    assert_eq!(q[3]["from_cache"], false);
    assert_eq!(q[4]["from_cache"], true);
    // The cache counts the TTLs down by the 30 s between the lookups.
    assert_eq!(
        q[4]["response"]["answers"],
        serde_json::json!([
            "www.example.com. 3570 IN CNAME web.example.com.",
            "web.example.com. 270 IN A 192.0.2.10"
        ])
    );
    assert!(q.iter().all(|q| q["transport"] == "udp"));
    assert_eq!(doc["result"]["rcode"], "No Error");
    let text = text_at(&env, &[], 80);
    // The first query's bytes: ID, flags 0, one question, "www".
    assert!(text.contains("0000  "), "{text}");
    assert!(text.contains("03 77 77 77"), "{text}");
    assert!(text.contains("AA: 1"), "{text}");
    assert!(text.contains("cache hit"), "{text}");
}

#[test]
fn after_the_ttl_the_a_record_is_asked_again_straight_from_the_authoritative() {
    let env = Env::new();
    let doc = json(&env, &["--after", "400"]);
    let q = queries(&doc);
    let tail: Vec<(&str, &str)> = q[5..]
        .iter()
        .map(|q| {
            (
                q["server_role"].as_str().expect("role"),
                q["qname"].as_str().expect("qname"),
            )
        })
        .collect();
    // CNAME (3600 s) still cached, A (300 s) expired, NS still cached.
    assert_eq!(
        tail,
        [
            ("authoritative", "web.example.com."),
            ("recursive", "www.example.com.")
        ]
    );
    assert_eq!(
        q[6]["response"]["answers"][0],
        "www.example.com. 3200 IN CNAME web.example.com."
    );
}

#[test]
fn nxdomain_is_cached_for_the_soa_minimum() {
    let env = Env::new();
    let doc = json(&env, &["nope.example.com"]);
    let q = queries(&doc);
    assert_eq!(q[2]["response"]["rcode"], "Non-Existent Domain");
    assert_eq!(q[2]["response"]["aa"], true);
    let last = q.last().expect("a query");
    assert_eq!(last["from_cache"], true);
    // min(SOA TTL 3600, MINIMUM 300) = 300, less the 30 s.
    assert!(
        last["response"]["authority"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("example.com. 270 IN SOA")),
        "{}",
        last["response"]["authority"]
    );
}

#[test]
fn a_truncated_udp_answer_is_retried_over_tcp() {
    let env = Env::new();
    let doc = json(&env, &["many.example.com"]);
    let q = queries(&doc);
    let auth: Vec<&Value> = q
        .iter()
        .filter(|q| q["server_role"] == "authoritative")
        .collect();
    assert_eq!(auth.len(), 2);
    assert_eq!(
        (&auth[0]["transport"], &auth[0]["response"]["tc"]),
        (&Value::from("udp"), &Value::from(true))
    );
    assert_eq!(auth[1]["transport"], "tcp");
    assert_eq!(auth[1]["response"]["tc"], false);
    assert_eq!(
        auth[1]["response"]["answers"].as_array().map(Vec::len),
        Some(40)
    );
}

#[test]
fn round_robin_rotates_but_the_cache_skews_the_spread() {
    let env = Env::new();
    let doc = json(&env, &["--round-robin"]);
    let q = queries(&doc);
    let stub: Vec<(bool, String)> = q
        .iter()
        .filter(|q| q["server_role"] == "recursive")
        .map(|q| {
            (
                q["from_cache"].as_bool().expect("from_cache"),
                q["response"]["answers"][0]
                    .as_str()
                    .expect("answer")
                    .rsplit(' ')
                    .next()
                    .expect("address")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(stub.len(), 6);
    // TTL 60: lookups at 0..100 s every 20 s; re-asked at 0 and 60.
    let cached: Vec<bool> = stub.iter().map(|s| s.0).collect();
    assert_eq!(cached, [false, true, true, false, true, true]);
    assert!(stub[..3].iter().all(|s| s.1 == stub[0].1));
    assert_ne!(stub[0].1, stub[3].1);
}

#[test]
fn same_seed_same_output() {
    let env = Env::new();
    assert_eq!(
        text_at(&env, &["--seed", "3"], 80),
        text_at(&env, &["--seed", "3"], 80)
    );
}

#[test]
fn bad_input_is_one_line() {
    let env = Env::new();
    for (args, code, needle) in [
        (&["--after", "0"][..], 2, "--after"),
        (&["a..b"][..], 1, "a..b"),
    ] {
        let out = env
            .bare_cmd()
            .args(["demo", "dns"])
            .args(args)
            .assert()
            .code(code);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
}

#[test]
fn help_examples_run_and_fit_and_no_option_takes_an_address() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env("COLUMNS", "80")
        .args(["demo", "dns", "--help"])
        .assert()
        .success();
    let help = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    for word in ["--addr", "--server", "--port", "--bind"] {
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
        assert!(out.lines().all(|l| width(l) <= 80), "{example}");
    }
}

#[test]
fn english_screen_has_no_korean_and_korean_screen_no_english() {
    let env = Env::new();
    for (name, args) in SCENARIOS {
        let en = text_in(&env, C, args, 80);
        assert_no_korean(&format!("demo dns {name}"), &en);
        let ko = text_in(&env, KO, args, 80);
        assert_no_english(&format!("demo dns {name}"), &ko);
        assert!(
            ko.contains("반복 질의(iterative resolution)와 cache"),
            "{ko}"
        );
    }
    let en = text_in(&env, C, &["many.example.com"], 80);
    assert!(en.contains("The answer over TCP: "), "{en}");
    let help = text_in(&env, C, &["--help"], 120);
    assert_no_korean("demo dns --help", &help);
    let help = text_in(&env, KO, &["--help"], 120);
    for own in [
        "이름을 반복 질의로 해석합니다",
        "해석할 이름",
        "시뮬레이션 초가 지난 뒤 한 번 더 찾습니다",
        "client 여섯이 resolver를 거쳐",
    ] {
        assert!(help.contains(own), "{own:?} not in {help}");
    }
}

#[test]
fn english_default_run_matches_golden() {
    let env = Env::new();
    let text = text_in(&env, C, &[], 80);
    assert!(
        text.contains("t=0 s: the first lookup, with an empty cache"),
        "{text}"
    );
    assert_golden("demo/dns-default-en-80.txt", &text);
}
