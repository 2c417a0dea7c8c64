//! Every screen fits the width (issue 28 §1): `show` for every shipped
//! card, `cards`, `due`, `stats`, `import`, a quiz screen and its summary,
//! at 60, 80 and 120 columns, measured in display columns (Hangul is two).

use unicode_width::UnicodeWidthStr;

use crate::util::{Env, KO};

const WIDTHS: [usize; 3] = [60, 80, 120];

/// The lines of `text` wider than `max` columns, numbered.
fn too_wide(text: &str, max: usize) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| UnicodeWidthStr::width(*l) > max)
        .map(|(n, l)| format!("{:>4}: ({} cols) {l}", n + 1, UnicodeWidthStr::width(l)))
        .collect()
}

fn assert_fits(what: &str, text: &str, max: usize) {
    assert!(!text.trim().is_empty(), "{what} printed nothing");
    let wide = too_wide(text, max);
    assert!(
        wide.is_empty(),
        "{what} at width {max}: lines too wide:\n{}",
        wide.join("\n")
    );
}

fn stdout(env: &Env, width: usize, args: &[&str]) -> String {
    let out = env
        .cmd()
        .arg("--width")
        .arg(width.to_string())
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

fn card_ids(env: &Env) -> Vec<String> {
    let cards = env.json(&["cards", "--format", "json"]);
    let ids: Vec<String> = cards
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["id"].to_string())
        .collect();
    assert!(
        ids.len() > 100,
        "the shipped decks have {} cards",
        ids.len()
    );
    ids
}

#[test]
fn every_shipped_card_fits_at_60_80_and_120_columns() {
    let env = Env::new();
    let ids = card_ids(&env);
    for max in WIDTHS {
        for id in &ids {
            assert_fits(
                &format!("show {id}"),
                &stdout(&env, max, &["show", id]),
                max,
            );
        }
    }
}

/// A database with reviews, so that `stats` has a topic table and `due` a
/// forecast: a few cards answered over a few days.
fn reviewed() -> Env {
    let env = Env::new();
    let ids = card_ids(&env);
    for (n, id) in ids.iter().take(40).enumerate() {
        let rating = ["good", "again", "hard", "easy", "good"][n % 5];
        env.cmd()
            .env(
                "SYNACK_NOW",
                format!("2026-11-{:02}T09:00:00+09:00", 10 + n % 10),
            )
            .args(["answer", id, rating])
            .assert()
            .success();
    }
    env
}

#[test]
fn cards_due_and_stats_fit_at_60_80_and_120_columns() {
    let env = reviewed();
    for max in WIDTHS {
        for args in [
            &["cards"][..],
            &["cards", "--deck", "HTTP"],
            &["cards", "--search", "TCP"],
            &["due"],
            &["stats"],
            &["stats", "--deck", "TCP"],
            &["simulate", "--reviews", "0:good 3:hard 8:again 9:easy"],
        ] {
            assert_fits(&args.join(" "), &stdout(&env, max, args), max);
        }
    }
    let stats = stdout(&env, 120, &["stats"]);
    assert!(stats.contains("lapses"), "no topic table:\n{stats}");
}

#[test]
fn the_width_comes_from_columns_without_the_flag() {
    let env = Env::new();
    let out = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["show", "1"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_fits("show 1 at COLUMNS=60", &text, 60);
    // The OSI table does not fit in 60 columns even wrapped: one block a row.
    assert!(text.contains("이름: 물리(Physical)"), "{text}");
}

#[test]
fn a_quiz_screen_and_its_summary_fit() {
    let env = Env::new();
    for max in WIDTHS {
        let out = env
            .cmd()
            .arg("--width")
            .arg(max.to_string())
            .arg("quiz")
            .write_stdin(
                "TCP는 연결 지향이고 순서 번호와 확인 응답, 재전송으로 신뢰성을 보장하며 흐름 제어와 혼잡 제어를 합니다 UDP는 비연결형\n1\n\n3\n:help\n:show\n:quit\n",
            )
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(text.contains("Session over"), "{text}");
        assert_fits("quiz", &text, max);
    }
}

#[test]
fn the_import_report_fits() {
    let (env, notes) = Env::with_fixtures();
    for max in WIDTHS {
        let text = stdout(&env, max, &["import", notes.to_str().unwrap()]);
        assert_fits("import", &text, max);
    }
}

#[test]
fn a_width_below_20_is_a_usage_error() {
    Env::new()
        .cmd()
        .args(["--width", "5", "cards"])
        .assert()
        .code(2);
}

/// The Korean screens are wider for the same text (Hangul is two columns):
/// the quiz, its summary, `cards`, `show`, `due` and `due --until` under
/// `LANG=ko_KR.UTF-8` fit at 60 and 80 columns too.
#[test]
fn the_korean_quiz_cards_and_due_screens_fit_at_60_and_80_columns() {
    let env = reviewed();
    for max in [60, 80] {
        let run = |args: &[&str], stdin: &str| {
            let out = env
                .cmd()
                .env(KO.0, KO.1)
                .arg("--width")
                .arg(max.to_string())
                .args(args)
                .write_stdin(stdin)
                .assert()
                .success();
            String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
        };
        let quiz = run(
            &["quiz"],
            "TCP는 연결 지향이고 순서 번호와 확인 응답, 재전송으로 신뢰성을 보장하며 흐름 제어와 혼잡 제어를 합니다 UDP는 비연결형\n1\n\nmeh\n3\n:help\n:show\n:stats\n:skip\n:undo\n:quit\n",
        );
        assert!(quiz.contains("세션 끝"), "{quiz}");
        assert_fits("quiz (ko)", &quiz, max);
        let interview = run(&["quiz", "--interview"], "\nall\n\ny\n:quit\n");
        assert!(interview.contains("세션 끝"), "{interview}");
        assert_fits("quiz --interview (ko)", &interview, max);
        for args in [
            &["cards"][..],
            &["cards", "--deck", "HTTP"],
            &["show", "1"],
            &["show", "2"],
            &["due"],
            &["due", "--until", "2026-12-20"],
            &["config"],
            &["simulate", "--reviews", "0:good 3:hard 8:again 9:easy"],
        ] {
            let text = run(args, "");
            assert!(
                text.chars().any(synack::i18n::is_hangul),
                "{args:?}: {text}"
            );
            assert_fits(&format!("{} (ko)", args.join(" ")), &text, max);
        }
    }
}
