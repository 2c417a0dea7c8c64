//! Every demo in the registry, and every example its `--help` gives, fits
//! the width it is given (issue 25 §1: `COLUMNS=80` must change the output,
//! and no line may be wider, Hangul counted as two columns). New demos are
//! picked up from `synack demo list --format json`.

use std::time::Duration;

use serde_json::Value;
use synack::render::width::width;

use crate::util::Env;

/// `a "b c" d` → `["a", "b c", "d"]`: enough of the shell for example lines.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let (mut word, mut quoted, mut any) = (String::new(), None, false);
    for c in line.chars() {
        match c {
            '"' | '\'' if quoted.is_none_or(|q| q == c) => {
                quoted = if quoted.is_some() { None } else { Some(c) };
                any = true;
            }
            c if c.is_whitespace() && quoted.is_none() => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

fn demo_names(env: &Env) -> Vec<String> {
    let out = env
        .bare_cmd()
        .args(["demo", "list", "--format", "json"])
        .assert()
        .success();
    let list: Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    list.as_array()
        .expect("a list")
        .iter()
        .map(|d| d["name"].as_str().expect("name").to_string())
        .collect()
}

/// The argv (after `synack demo`) of each `  synack demo NAME ...` line of
/// the demo's `--help`.
fn examples(env: &Env, name: &str) -> Vec<Vec<String>> {
    let out = env
        .bare_cmd()
        .args(["demo", name, "--help"])
        .env("COLUMNS", "200")
        .assert()
        .success();
    let help = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    help.lines()
        .filter_map(|l| l.strip_prefix("  synack demo "))
        // Text after a run of spaces is the example's comment.
        .map(|l| words(l.split("   ").next().unwrap_or_default()))
        .collect()
}

#[test]
fn every_demo_and_every_example_fits_60_80_and_120_columns() {
    let env = Env::new();
    let names = demo_names(&env);
    assert!(names.len() >= 3, "{names:?}");
    let mut runs = 0;
    for name in &names {
        let mut argvs = vec![vec![name.clone()]];
        let listed = examples(&env, name);
        assert!(
            !listed.is_empty(),
            "{name} --help has no `  synack demo {name} ...` example"
        );
        for argv in &listed {
            assert_eq!(&argv[0], name, "an example of {name} runs another demo");
        }
        // A demo that needs an argument is run through its examples only.
        if name == "uri" {
            argvs.clear();
        }
        argvs.extend(listed);
        for argv in &argvs {
            for columns in [60, 80, 120] {
                let out = env
                    .bare_cmd()
                    .arg("demo")
                    .args(argv)
                    .env("COLUMNS", columns.to_string())
                    .write_stdin(Vec::<u8>::new())
                    .timeout(Duration::from_secs(60))
                    .assert();
                let output = out.get_output();
                assert!(
                    output.status.success(),
                    "synack demo {} at {columns}: {:?}\n{}",
                    argv.join(" "),
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                );
                let text = String::from_utf8(output.stdout.clone()).expect("utf-8");
                assert!(!text.trim().is_empty(), "synack demo {}", argv.join(" "));
                // JSON is for tools: it must parse, not fit.
                if argv.windows(2).any(|w| w == ["--format", "json"]) {
                    serde_json::from_str::<serde_json::Value>(&text).expect("JSON");
                    runs += 1;
                    continue;
                }
                for line in text.lines() {
                    assert!(
                        width(line) <= columns,
                        "synack demo {} at COLUMNS={columns}: {} columns:\n{line}",
                        argv.join(" "),
                        width(line)
                    );
                }
                runs += 1;
            }
        }
    }
    assert!(runs >= 3 * names.len(), "{runs} runs");
}

#[test]
fn example_lines_split_like_a_shell() {
    assert_eq!(
        words(r#"uri "http://[::1" --base a"#),
        ["uri", "http://[::1", "--base", "a"]
    );
    assert_eq!(words("  a  b "), ["a", "b"]);
}

/// Issue 25's acceptance: every `synack demo …` line of the README runs and
/// prints no line wider than 80 columns at `COLUMNS=80` (and 60).
#[test]
fn every_demo_example_in_the_readme_fits() {
    let env = Env::new();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let examples: Vec<Vec<String>> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("synack demo "))
        .map(|l| words(l.split('#').next().unwrap_or_default()))
        .collect();
    assert!(examples.len() >= 15, "{} examples", examples.len());
    for argv in &examples {
        for columns in [60, 80] {
            let out = env
                .bare_cmd()
                .arg("demo")
                .args(argv)
                .env("COLUMNS", columns.to_string())
                .write_stdin(Vec::<u8>::new())
                .timeout(Duration::from_secs(60))
                .assert();
            let output = out.get_output();
            assert!(
                output.status.success(),
                "synack demo {}: {}",
                argv.join(" "),
                String::from_utf8_lossy(&output.stderr)
            );
            let text = String::from_utf8_lossy(&output.stdout);
            for line in text.lines() {
                assert!(
                    width(line) <= columns,
                    "synack demo {} at {columns}: {line}",
                    argv.join(" ")
                );
            }
        }
    }
}

/// Demos reach only loopback: no demo has an option that takes an address
/// to connect to or bind (issues 25 and 26), whatever its name.
#[test]
fn no_demo_takes_an_address_option() {
    let env = Env::new();
    let forbidden_names = [
        "address",
        "addr",
        "host",
        "bind",
        "connect",
        "remote",
        "dest",
        "target",
        "peer-ip",
        "server-ip",
        "listen",
    ];
    let forbidden_values = [
        "<ADDR>",
        "<ADDRESS>",
        "<IP>",
        "<HOST>",
        "<HOSTNAME>",
        "<SOCKADDR>",
    ];
    let names = demo_names(&env);
    assert!(names.len() >= 18, "{names:?}");
    for name in &names {
        let out = env
            .bare_cmd()
            .args(["demo", name, "--help"])
            .assert()
            .success();
        let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        for line in help.lines() {
            let Some(option) = line.trim_start().split(", ").last() else {
                continue;
            };
            let Some(rest) = option.strip_prefix("--") else {
                continue;
            };
            let mut parts = rest.split_whitespace();
            let flag = parts.next().unwrap_or_default();
            let value = parts.next().unwrap_or_default();
            assert!(
                !forbidden_names.contains(&flag) && !forbidden_values.contains(&value),
                "demo {name} takes an address: {line}"
            );
        }
    }
}

/// Issue 28 §2: Korean is two columns a syllable, so every demo, its
/// examples and its `--help` still fit 60 and 80 columns under
/// `LANG=ko_KR.UTF-8`.
#[test]
fn every_demo_and_every_example_fits_in_korean_too() {
    let env = Env::new();
    let names = demo_names(&env);
    let mut runs = 0;
    for name in &names {
        let mut argvs = vec![vec![name.clone(), "--help".to_string()]];
        if name != "uri" {
            argvs.push(vec![name.clone()]);
        }
        argvs.extend(
            examples(&env, name)
                .into_iter()
                .filter(|a| !a.windows(2).any(|w| w == ["--format", "json"])),
        );
        for argv in &argvs {
            for columns in [60, 80] {
                let out = env
                    .bare_cmd()
                    .env(crate::util::KO.0, crate::util::KO.1)
                    .arg("demo")
                    .args(argv)
                    .env("COLUMNS", columns.to_string())
                    .write_stdin(Vec::<u8>::new())
                    .timeout(Duration::from_secs(60))
                    .assert();
                let output = out.get_output();
                assert!(
                    output.status.success(),
                    "LANG=ko synack demo {} at {columns}: {}",
                    argv.join(" "),
                    String::from_utf8_lossy(&output.stderr)
                );
                let text = String::from_utf8_lossy(&output.stdout);
                for line in text.lines() {
                    assert!(
                        width(line) <= columns,
                        "LANG=ko synack demo {} at COLUMNS={columns}: {} columns:\n{line}",
                        argv.join(" "),
                        width(line)
                    );
                }
                runs += 1;
            }
        }
    }
    assert!(runs >= 4 * names.len(), "{runs} runs");
}
