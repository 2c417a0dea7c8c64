//! `synack demo encap` through the binary: goldens at 80 and 120 columns,
//! and the frame checked by a decoder written here from RFC 791 and RFC
//! 9293 (not the crate that built it).

use serde_json::Value;

use crate::util::{C, Env, KO, assert_golden, assert_no_english, assert_no_korean};

/// Runs `synack demo ARGS` at `COLUMNS=columns`, expects exit 0, checks
/// that no text line is wider than `columns` display columns, returns stdout.
pub fn at_width(env: &Env, columns: usize, args: &[&str]) -> String {
    at_width_in(env, C, columns, args)
}

/// [`at_width`] with the locale variable `lang` set ([`KO`] or [`C`]).
pub fn at_width_in(env: &Env, lang: (&str, &str), columns: usize, args: &[&str]) -> String {
    let out = env
        .bare_cmd()
        .env(lang.0, lang.1)
        .env("COLUMNS", columns.to_string())
        .arg("demo")
        .args(args)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    // JSON is for tools: one long line is fine there.
    let json = args.windows(2).any(|w| w == ["--format", "json"]);
    for line in text.lines().filter(|_| !json) {
        let w = synack::render::width::width(line);
        assert!(w <= columns, "{w} > {columns} columns: {line:?}");
    }
    text
}

/// `synack demo ARGS --format json`, parsed.
pub fn demo_json(env: &Env, args: &[&str]) -> Value {
    let text = at_width(env, 80, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).expect("json output")
}

/// Runs `synack demo ARGS`, expects exit `code` and one line on stderr.
pub fn demo_error(env: &Env, args: &[&str], code: i32) -> String {
    let out = env.bare_cmd().arg("demo").args(args).assert().code(code);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.get_output().stdout.is_empty());
    err
}

fn bytes(hex: &str) -> Vec<u8> {
    assert_eq!(hex.len() % 2, 0);
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// RFC 1071: the 16-bit ones'-complement of the ones'-complement sum.
fn checksum(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for pair in data.chunks(2) {
        let hi = u32::from(pair[0]) << 8;
        let lo = pair.get(1).map_or(0, |b| u32::from(*b));
        sum += hi | lo;
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

/// Checks an Ethernet + IPv4 + TCP frame the way RFC 791 and RFC 9293
/// define it: the header checksum computed with its own field zeroed must
/// equal the field, and likewise the TCP checksum over the pseudo-header.
fn check_ipv4_tcp(frame: &[u8]) -> (u16, u16) {
    assert_eq!(be16(frame, 12), 0x0800, "EtherType IPv4");
    let ip = &frame[14..];
    assert_eq!(ip[0] >> 4, 4);
    let ihl = usize::from(ip[0] & 0x0f) * 4;
    let total = usize::from(be16(ip, 2));
    assert_eq!(total, ip.len(), "no padding after a 172-byte frame");
    assert_eq!(ip[9], 6, "protocol TCP");
    let mut header = ip[..ihl].to_vec();
    let stored_ip = be16(&header, 10);
    header[10] = 0;
    header[11] = 0;
    assert_eq!(checksum(&header), stored_ip, "IPv4 header checksum");
    let segment = &ip[ihl..total];
    let mut pseudo = Vec::new();
    pseudo.extend_from_slice(&ip[12..20]);
    pseudo.extend_from_slice(&[0, 6]);
    pseudo.extend_from_slice(&(segment.len() as u16).to_be_bytes());
    let mut seg = segment.to_vec();
    let stored_tcp = be16(&seg, 16);
    seg[16] = 0;
    seg[17] = 0;
    pseudo.extend_from_slice(&seg);
    assert_eq!(checksum(&pseudo), stored_tcp, "TCP checksum");
    (stored_ip, stored_tcp)
}

#[test]
fn ipv4_text_matches_golden_at_80_and_120() {
    let env = Env::new();
    let narrow = at_width_in(&env, KO, 80, &["encap"]);
    assert!(narrow.contains("Header Checksum: 0x"), "{narrow}");
    assert!(narrow.contains("[correct]"), "{narrow}");
    assert!(!narrow.contains("incorrect"), "{narrow}");
    for pdu in ["data", "segment", "packet", "frame", "bits"] {
        assert!(narrow.contains(pdu), "no {pdu}: {narrow}");
    }
    assert!(narrow.contains("= 1460 bytes"), "MSS: {narrow}");
    assert!(narrow.contains("0000  00 00 5e 00 53 fe 00 00  5e 00 53 01 08 00 45 00"));
    assert_golden("demo/encap-ipv4-80.txt", &narrow);
    assert_golden(
        "demo/encap-ipv4-120.txt",
        &at_width_in(&env, KO, 120, &["encap"]),
    );
}

#[test]
fn ipv6_text_matches_golden_at_80_and_120() {
    let env = Env::new();
    let narrow = at_width_in(&env, KO, 80, &["encap", "--ipv6"]);
    assert!(narrow.contains("Source: 2001:db8:0:1::10\n"), "{narrow}");
    assert!(narrow.contains("= 1440 bytes"), "{narrow}");
    assert_golden("demo/encap-ipv6-80.txt", &narrow);
    assert_golden(
        "demo/encap-ipv6-120.txt",
        &at_width_in(&env, KO, 120, &["encap", "--ipv6"]),
    );
}

#[test]
fn json_matches_golden_and_its_frame_passes_an_independent_decoder() {
    let env = Env::new();
    let text = at_width_in(&env, KO, 80, &["encap", "--format", "json"]);
    assert_golden("demo/encap-ipv4.json", &text);
    let v: Value = serde_json::from_str(&text).expect("json");
    let frame = bytes(v["frame_hex"].as_str().expect("frame_hex"));
    let (ip_sum, tcp_sum) = check_ipv4_tcp(&frame);
    let layers = v["layers"].as_array().expect("layers");
    let names: Vec<(&str, &str, u64)> = layers
        .iter()
        .map(|l| {
            (
                l["layer"].as_str().unwrap(),
                l["pdu"].as_str().unwrap(),
                l["header_len"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("application", "data", 0),
            ("transport", "segment", 20),
            ("network", "packet", 20),
            ("link", "frame", 14),
            ("physical", "bits", 8),
        ]
    );
    assert_eq!(
        layers[2]["fields"]["header_checksum"],
        format!("0x{ip_sum:04x}")
    );
    assert_eq!(layers[1]["fields"]["checksum"], format!("0x{tcp_sum:04x}"));
    // Documentation addresses only.
    assert_eq!(&frame[0..5], [0x00, 0x00, 0x5e, 0x00, 0x53]);
    assert_eq!(&frame[6..11], [0x00, 0x00, 0x5e, 0x00, 0x53]);
    assert_eq!(&frame[26..29], [192, 0, 2]);
    assert_eq!(&frame[30..33], [198, 51, 100]);
    // The data is the HTTP request, byte for byte.
    let data = String::from_utf8(frame[54..].to_vec()).expect("ascii");
    assert!(data.starts_with("GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"));
    assert!(data.ends_with("\r\n\r\n"));
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["frame_hex", "layers", "trace"]);
}

#[test]
fn every_seed_builds_a_frame_whose_checksums_verify() {
    let env = Env::new();
    let mut ports = Vec::new();
    for seed in ["1", "2", "99", "18446744073709551615"] {
        let v = demo_json(&env, &["encap", "--seed", seed]);
        let frame = bytes(v["frame_hex"].as_str().unwrap());
        check_ipv4_tcp(&frame);
        ports.push(be16(&frame, 34));
    }
    ports.dedup();
    assert_eq!(ports.len(), 4, "the client's port follows the seed");
}

#[test]
fn ipv6_frame_tcp_checksum_verifies_by_hand() {
    let env = Env::new();
    let v = demo_json(&env, &["encap", "--ipv6", "--seed", "5"]);
    let frame = bytes(v["frame_hex"].as_str().unwrap());
    assert_eq!(be16(&frame, 12), 0x86dd);
    let ip = &frame[14..54];
    assert_eq!(ip[0] >> 4, 6);
    assert_eq!(ip[6], 6, "next header TCP");
    let segment = &frame[54..];
    assert_eq!(usize::from(be16(ip, 4)), segment.len());
    // RFC 8200 §8.1's pseudo-header: addresses, 32-bit length, next header.
    let mut pseudo = Vec::new();
    pseudo.extend_from_slice(&ip[8..40]);
    pseudo.extend_from_slice(&(segment.len() as u32).to_be_bytes());
    pseudo.extend_from_slice(&[0, 0, 0, 6]);
    let mut seg = segment.to_vec();
    let stored = be16(&seg, 16);
    seg[16] = 0;
    seg[17] = 0;
    pseudo.extend_from_slice(&seg);
    assert_eq!(checksum(&pseudo), stored);
    assert_eq!(v["layers"][2]["header_len"], 40);
}

#[test]
fn decode_takes_the_frame_apart_again() {
    let env = Env::new();
    let built = demo_json(&env, &["encap", "--seed", "4"]);
    let hex = built["frame_hex"].as_str().unwrap();
    let decoded = demo_json(&env, &["encap", "--decode", hex]);
    assert_eq!(decoded["frame_hex"], built["frame_hex"]);
    assert_eq!(decoded["layers"], built["layers"]);
    // Spaces and colons, as copied from a hex dump, are fine.
    let spaced: Vec<String> = (0..hex.len() / 2)
        .map(|i| hex[2 * i..2 * i + 2].to_string())
        .collect();
    let narrow = at_width_in(&env, KO, 80, &["encap", "--decode", &spaced.join(" ")]);
    assert!(
        narrow.starts_with("역캡슐화(decapsulation): 172 bytes"),
        "{narrow}"
    );
    assert_golden("demo/encap-decode-80.txt", &narrow);
    assert_golden(
        "demo/encap-decode-120.txt",
        &at_width_in(&env, KO, 120, &["encap", "--decode", &spaced.join(":")]),
    );
}

#[test]
fn decode_shows_a_bad_checksum_as_incorrect() {
    let env = Env::new();
    let built = demo_json(&env, &["encap"]);
    let mut frame = bytes(built["frame_hex"].as_str().unwrap());
    frame[60] ^= 0x01;
    let hex: String = frame.iter().map(|b| format!("{b:02x}")).collect();
    let v = demo_json(&env, &["encap", "--decode", &hex]);
    assert_eq!(v["layers"][1]["fields"]["checksum_status"], "incorrect");
    assert_eq!(
        v["layers"][2]["fields"]["header_checksum_status"],
        "correct"
    );
    let text = at_width(&env, 80, &["encap", "--decode", &hex]);
    assert!(text.contains("[incorrect]") && text.contains("Calculated Checksum"));
}

#[test]
fn decode_refuses_bad_input_in_one_line() {
    let env = Env::new();
    let err = demo_error(&env, &["encap", "--decode", "00zz"], 1);
    assert_eq!(
        err,
        "synack: error: --decode: \"z\" at byte 3 is not a hex digit\n"
    );
    let err = demo_error(&env, &["encap", "--decode", "000"], 1);
    assert!(err.contains("odd number of hex digits"), "{err}");
    let err = demo_error(&env, &["encap", "--decode", "0000"], 1);
    assert!(err.contains("--decode: Ethernet"), "{err}");
    // An ARP frame: EtherType 0x0806.
    let arp = format!(
        "{}0806{}",
        "ff".repeat(6) + &"00".repeat(6),
        "00".repeat(28)
    );
    let err = demo_error(&env, &["encap", "--decode", &arp], 1);
    assert!(err.contains("EtherType 0x0806 (ARP)"), "{err}");
    let err = demo_error(&env, &["encap", "--ipv6", "--mtu", "600"], 1);
    assert!(err.contains("1280"), "{err}");
    demo_error(&env, &["encap", "--ipv6", "--decode", "00"], 2);
}

#[test]
fn the_same_seed_gives_the_same_output() {
    let env = Env::new();
    let a = at_width(&env, 80, &["encap", "--seed", "9", "--ipv6"]);
    let b = at_width(&env, 80, &["encap", "--seed", "9", "--ipv6"]);
    assert_eq!(a, b);
    assert_ne!(a, at_width(&env, 80, &["encap", "--seed", "10", "--ipv6"]));
}

#[test]
fn english_screen_has_no_korean_and_korean_screen_no_english() {
    let env = Env::new();
    let built = demo_json(&env, &["encap", "--seed", "3"]);
    let hex = built["frame_hex"].as_str().expect("frame_hex").to_string();
    let mut bad = bytes(&hex);
    bad[24] ^= 0xff;
    let bad: String = bad.iter().map(|b| format!("{b:02x}")).collect();
    for args in [
        &["encap"][..],
        &["encap", "--ipv6"],
        &["encap", "--mtu", "1280", "--seed", "7"],
        &["encap", "--decode", &hex],
        &["encap", "--decode", &bad],
    ] {
        let en = at_width_in(&env, C, 80, args);
        assert_no_korean(&format!("demo {args:?}"), &en);
        let ko = at_width_in(&env, KO, 80, args);
        assert_no_english(&format!("demo {args:?}"), &ko);
    }
    let help = at_width_in(&env, C, 120, &["encap", "--help"]);
    assert_no_korean("demo encap --help", &help);
    assert!(
        help.contains("--decode HEX takes a frame apart again"),
        "{help}"
    );
    let help = at_width_in(&env, KO, 120, &["encap", "--help"]);
    assert!(
        help.contains("--decode HEX는 frame을 다시 풉니다"),
        "{help}"
    );
    assert!(
        help.contains("요청을 IPv4 대신 IPv6 packet에 싣습니다"),
        "{help}"
    );
}

#[test]
fn english_default_run_matches_golden() {
    let env = Env::new();
    let text = at_width_in(&env, C, 80, &["encap"]);
    assert!(text.contains("Headers by layer (in frame order"), "{text}");
    assert_golden("demo/encap-default-en-80.txt", &text);
}

#[test]
fn decode_errors_are_one_line_in_korean() {
    let env = Env::new();
    let out = env
        .bare_cmd()
        .env(KO.0, KO.1)
        .args(["demo", "encap", "--decode", "000"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        err,
        "synack: 오류: --decode: hex 숫자의 개수가 홀수입니다 (3개): 한 바이트는 두 자리입니다\n"
    );
}
