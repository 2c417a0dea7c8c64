//! `synack demo ip` through the binary.

use crate::demo_encap::{at_width_in, demo_error, demo_json};
use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// The Korean screen (the Korean goldens were read by a person).
fn at_width(env: &Env, columns: usize, args: &[&str]) -> String {
    at_width_in(env, KO, columns, args)
}

#[test]
fn the_issue_example_matches_golden_at_80_and_120() {
    let env = Env::new();
    let narrow = at_width(&env, 80, &["ip", "192.168.10.77/26"]);
    assert!(narrow.contains("broadcast  192.168.10.127"), "{narrow}");
    assert!(narrow.contains("쓸 수 있는 host 62개"), "{narrow}");
    assert!(
        narrow.contains("11111111.11111111.11111111.11|000000"),
        "{narrow}"
    );
    assert!(narrow.contains("192.168.0.0/16      private (사설)              RFC 1918  ← 이 주소"));
    assert!(narrow.contains("NDP (ICMPv6, RFC 4861)"), "{narrow}");
    assert_golden("demo/ip-v4-80.txt", &narrow);
    assert_golden(
        "demo/ip-v4-120.txt",
        &at_width(&env, 120, &["ip", "192.168.10.77/26"]),
    );
    // No argument: the same example.
    assert_eq!(at_width(&env, 80, &["ip"]), narrow);
}

#[test]
fn point_to_point_and_host_routes() {
    let env = Env::new();
    let v = demo_json(&env, &["ip", "10.0.0.1/31"]);
    assert_eq!(v["usable_hosts"], 2);
    assert_eq!(v["broadcast"], serde_json::Value::Null);
    assert_eq!(v["first_host"], "10.0.0.0");
    assert_eq!(v["last_host"], "10.0.0.1");
    let text = at_width(&env, 80, &["ip", "10.0.0.1/31"]);
    assert!(text.contains("RFC 3021"), "{text}");
    assert_golden("demo/ip-v4-31-80.txt", &text);
    let v = demo_json(&env, &["ip", "100.64.1.1/32"]);
    assert_eq!(v["usable_hosts"], 1);
    assert_eq!(v["ranges"][0]["name"], "CGNAT shared address");
    assert_eq!(v["ranges"][0]["rfc"], "RFC 6598");
}

#[test]
fn usable_hosts_for_every_prefix_matches_the_formula() {
    for p in 0..=32u8 {
        let expected = match p {
            32 => 1,
            31 => 2,
            _ => 2u64.pow(32 - u32::from(p)) - 2,
        };
        assert_eq!(synack::sim::ip::usable_hosts(p), Some(expected), "/{p}");
    }
}

#[test]
fn ipv6_matches_golden_at_80_and_120() {
    let env = Env::new();
    let args = ["ip", "2001:db8:abcd:12::1/64"];
    let narrow = at_width(&env, 80, &args);
    assert!(
        narrow.contains("2001:0db8:abcd:0012:0000:0000:0000:0001"),
        "{narrow}"
    );
    assert!(
        narrow.contains("IPv6에는 broadcast 주소가 없습니다"),
        "{narrow}"
    );
    assert_golden("demo/ip-v6-80.txt", &narrow);
    assert_golden("demo/ip-v6-120.txt", &at_width(&env, 120, &args));
    let v = demo_json(&env, &args);
    assert_eq!(v["network"], "2001:db8:abcd:12::");
    assert_eq!(v["addresses"], "2^64");
    assert_eq!(v["ranges"][0]["cidr"], "2001:db8::/32");
}

#[test]
fn nat_table_matches_golden_and_follows_rfc_4787() {
    let env = Env::new();
    let narrow = at_width(&env, 80, &["ip", "--nat"]);
    assert_golden("demo/ip-nat-80.txt", &narrow);
    assert_golden(
        "demo/ip-nat-120.txt",
        &at_width(&env, 120, &["ip", "--nat"]),
    );
    let v = demo_json(&env, &["ip", "--nat"]);
    assert_golden(
        "demo/ip-nat.json",
        &serde_json::to_string_pretty(&v["nat"]).unwrap(),
    );
    let nat = &v["nat"];
    assert_eq!(nat["mapping"], "endpoint-independent");
    let table = nat["table"].as_array().unwrap();
    // Endpoint-independent: host A's two destinations share one public port.
    assert_eq!(table[0]["outside"][1], table[1]["outside"][1]);
    assert_eq!(
        table[0]["inside"],
        serde_json::json!(["192.168.0.10", 50000, "198.51.100.20", 443])
    );
    let verdicts: Vec<&str> = nat["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["result"]["verdict"].as_str())
        .collect();
    assert_eq!(
        verdicts,
        ["delivered", "filtered", "filtered", "no-mapping"]
    );
    let v = demo_json(
        &env,
        &[
            "ip",
            "--nat",
            "--mapping",
            "address-and-port-dependent",
            "--filtering",
            "endpoint-independent",
        ],
    );
    let table = v["nat"]["table"].as_array().unwrap();
    let ports: Vec<&serde_json::Value> = table.iter().map(|r| &r["outside"][1]).collect();
    assert_eq!(ports.len(), 4);
    assert!(
        ports.windows(2).all(|w| w[0] != w[1]),
        "symmetric: a port per destination"
    );
    let verdicts: Vec<&str> = v["nat"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["result"]["verdict"].as_str())
        .collect();
    assert_eq!(
        verdicts,
        ["delivered", "delivered", "delivered", "no-mapping"]
    );
}

#[test]
fn the_same_seed_gives_the_same_nat() {
    let env = Env::new();
    let a = at_width(&env, 80, &["ip", "--nat", "--seed", "3"]);
    assert_eq!(a, at_width(&env, 80, &["ip", "--nat", "--seed", "3"]));
    assert_ne!(a, at_width(&env, 80, &["ip", "--nat", "--seed", "4"]));
}

#[test]
fn bad_cidrs_are_one_line() {
    let env = Env::new();
    let err = demo_error(&env, &["ip", "1.2.3.4/40"], 1);
    assert_eq!(
        err,
        "synack: error: \"1.2.3.4/40\": the prefix length must be 0 to 32\n"
    );
    let err = demo_error(&env, &["ip", "300.1.1.1"], 1);
    assert!(err.contains("not an IPv4 or IPv6 address"), "{err}");
    demo_error(&env, &["ip", "::1/200"], 1);
}

/// Every mode of the demo: IPv4 (a LAN, /31, /32, a special range, a public
/// address), IPv6 (documentation, link-local, global) and the NAT with each
/// mapping and filtering.
const SCENARIOS: &[&[&str]] = &[
    &["ip"],
    &["ip", "10.0.0.1/31"],
    &["ip", "100.64.1.1/32"],
    &["ip", "8.8.8.8/24"],
    &["ip", "2001:db8:abcd:12::1/64"],
    &["ip", "fe80::1"],
    &["ip", "2606:4700::1/48"],
    &["ip", "--nat"],
    &[
        "ip",
        "--nat",
        "--mapping",
        "address-dependent",
        "--filtering",
        "address-dependent",
    ],
    &[
        "ip",
        "--nat",
        "--mapping",
        "address-and-port-dependent",
        "--filtering",
        "endpoint-independent",
    ],
];

#[test]
fn english_screen_has_no_korean_and_korean_screen_no_english() {
    let env = Env::new();
    for args in SCENARIOS {
        let en = at_width_in(&env, C, 80, args);
        assert_no_korean(&format!("demo {args:?}"), &en);
        let ko = at_width_in(&env, KO, 80, args);
        assert_no_english(&format!("demo {args:?}"), &ko);
    }
    let en = at_width_in(&env, C, 80, &["ip"]);
    assert!(en.contains("62 usable hosts"), "{en}");
    assert!(en.contains("192.168.0.0/16      private   "), "{en}");
    let ko = at_width_in(&env, KO, 80, &["ip", "--nat"]);
    assert!(
        ko.contains("버림: 이 port의 mapping이 없습니다. 표에 없는 port"),
        "{ko}"
    );
    // The NAT options' help follows the language too.
    let help = at_width_in(&env, KO, 120, &["ip", "--help"]);
    assert!(
        help.contains("목적지 주소와 port마다 새 공인 port"),
        "{help}"
    );
    let help = at_width_in(&env, C, 120, &["ip", "--help"]);
    assert_no_korean("demo ip --help", &help);
}

#[test]
fn english_default_run_matches_golden() {
    let env = Env::new();
    let text = at_width_in(&env, C, 80, &["ip"]);
    assert_golden("demo/ip-default-en-80.txt", &text);
}

#[test]
fn bad_cidrs_are_one_line_in_korean() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .args(["demo", "ip", "1.2.3.4/40"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        err,
        "synack: 오류: \"1.2.3.4/40\": prefix 길이는 0부터 32까지입니다\n"
    );
}
