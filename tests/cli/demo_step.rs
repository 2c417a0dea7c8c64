//! `--step` on a real terminal (a pseudo-terminal): one block at a time,
//! the prompt wiped once answered, `q` stops with exit 0, and a live demo's
//! step has happened when it is shown and not before (issue 25 §1).

use std::time::Duration;

use expectrl::Expect;

/// The prompt under `LANG=ko_KR.UTF-8`, where these tests run (the screens
/// they look for were read in Korean), and under `LANG=C`.
const PROMPT: &str = "[Enter] 다음 · q 끝내기";
const PROMPT_EN: &str = "[Enter] next · q quit";
/// What the screen does to a prompt once it is answered: up a line, wipe it.
const WIPE: &str = "\x1b[1A\r\x1b[2K";

fn spawn(args: &[&str]) -> Option<expectrl::session::OsSession> {
    spawn_in(crate::util::KO, args)
}

fn spawn_in(lang: (&str, &str), args: &[&str]) -> Option<expectrl::session::OsSession> {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("synack"));
    cmd.arg("demo")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env(lang.0, lang.1)
        .env("COLUMNS", "80")
        .env("SYNACK_NOW", crate::util::NOW)
        .env("NO_COLOR", "1");
    match expectrl::Session::spawn(cmd) {
        Ok(mut p) => {
            p.set_expect_timeout(Some(Duration::from_secs(30)));
            Some(p)
        }
        Err(e) => {
            eprintln!("skipped: cannot open a pseudo-terminal here: {e}");
            None
        }
    }
}

/// Everything printed up to the next prompt.
fn upto_prompt(p: &mut expectrl::session::OsSession) -> String {
    let found = p.expect(PROMPT).expect("a --step prompt");
    String::from_utf8_lossy(found.before()).into_owned()
}

#[test]
fn step_shows_one_block_at_a_time_wipes_its_prompt_and_quits_on_q() {
    let Some(mut p) = spawn(&["handshake", "--scenario", "open", "--step"]) else {
        return;
    };
    let first = upto_prompt(&mut p);
    assert!(first.contains("TCP 연결 설정과 해제"), "{first:?}");
    assert!(
        !first.contains("3-way handshake"),
        "only the title: {first:?}"
    );
    p.send_line("").unwrap();
    let second = upto_prompt(&mut p);
    assert!(
        second.starts_with(&format!("\r\n{WIPE}")) || second.contains(WIPE),
        "{second:?}"
    );
    assert!(second.contains("3-way handshake"), "{second:?}");
    assert!(!second.contains("ISN:"), "one block: {second:?}");
    p.send_line("q").unwrap();
    let rest = p.expect(expectrl::Eof).expect("the end");
    let rest = String::from_utf8_lossy(rest.get(0).unwrap_or_default()).into_owned();
    assert!(!rest.contains("ISN:") && !rest.contains(PROMPT), "{rest:?}");
    assert!(
        rest.contains(WIPE),
        "the last prompt is wiped too: {rest:?}"
    );
    let status = p.get_process().wait().expect("exit status");
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
}

#[test]
fn the_step_prompt_follows_the_language() {
    let Some(mut p) = spawn_in(crate::util::C, &["handshake", "--step"]) else {
        return;
    };
    let found = p.expect(PROMPT_EN).expect("the English --step prompt");
    let first = String::from_utf8_lossy(found.before()).into_owned();
    assert!(
        first.contains("TCP connection setup and teardown"),
        "{first:?}"
    );
    crate::util::assert_no_korean("demo handshake --step", &first);
    p.send_line("q").unwrap();
    p.expect(expectrl::Eof).expect("the end");
}

/// `/proc/net/tcp` rows (local port, remote port, state) touching `port`.
fn rows_with_port(port: u16) -> Option<Vec<(u16, u16, String)>> {
    let text = std::fs::read_to_string("/proc/net/tcp").ok()?;
    let port_of = |hex: &str| {
        hex.split_once(':')
            .and_then(|(_, p)| u16::from_str_radix(p, 16).ok())
    };
    Some(
        text.lines()
            .skip(1)
            .filter_map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                Some((
                    port_of(cols.get(1)?)?,
                    port_of(cols.get(2)?)?,
                    cols.get(3)?.to_string(),
                ))
            })
            .filter(|(l, r, _)| *l == port || *r == port)
            .collect(),
    )
}

#[test]
fn live_sockets_steps_happen_when_shown() {
    if std::fs::metadata("/proc/net/tcp").is_err() {
        eprintln!("skipped: no /proc/net/tcp to compare the screen with");
        return;
    }
    let Some(mut p) = spawn(&["sockets", "--clients", "2", "--step"]) else {
        return;
    };
    let mut seen = String::new();
    let mut port = None;
    let mut checked = (false, false);
    for _ in 0..40 {
        seen += &upto_prompt(&mut p);
        if port.is_none() {
            port = seen
                .split("listener  127.0.0.1:")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .and_then(|p| p.parse::<u16>().ok());
        }
        if let Some(port) = port {
            let rows = rows_with_port(port).expect("/proc/net/tcp");
            let established = rows.iter().filter(|r| r.2 == "01").count();
            if !seen.contains("2단계") {
                // The listener is shown: it listens, and nobody has connected.
                assert!(rows.iter().any(|r| r.0 == port && r.2 == "0A"), "{rows:?}");
                assert_eq!(established, 0, "connected before it was shown: {rows:?}");
                checked.0 = true;
            } else if !seen.contains("5단계") {
                // The connections are shown: both ends of two connections.
                assert_eq!(established, 4, "{rows:?}");
                checked.1 = true;
            }
        }
        if seen.contains("5단계") {
            break;
        }
        p.send_line("").unwrap();
    }
    assert!(checked.0 && checked.1, "{seen}");
    p.send_line("q").unwrap();
    p.expect(expectrl::Eof).expect("the end");
}
