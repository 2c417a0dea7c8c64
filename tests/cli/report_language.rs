//! `stats`, `report` and `optimize` in one language at a time (issue 28 §2),
//! and the exam date in the HTML report (issue 30 §3).

use serde_json::Value;

use crate::util::{C, Env, KO, assert_no_english, assert_no_korean};

const EXAM: &str = "2026-12-20";

/// Notes written in English: under `LANG=C` nothing of the screen is Korean,
/// card content included. Two topics, so the exam's topics can differ.
const ENGLISH_NOTE: &str = "\
# Transport

## What does the SYN flag do?
It opens a connection.

## Why does TIME_WAIT last 2MSL?
A lost final ACK may be sent again.

# Web

## What does HTTP/2 multiplex?
Many streams over one connection.

## What does a 304 answer mean?
The cached copy is still good.
";

/// Korean notes: under `LANG=ko_KR.UTF-8` no English sentence appears,
/// card content included.
const KOREAN_NOTE: &str = "\
# 전송 계층

## SYN 플래그는 무엇을 하나요?
연결을 엽니다.

## TIME_WAIT는 왜 2MSL 동안 기다리나요?
마지막 ACK가 사라지면 다시 보내야 합니다.

# 웹

## HTTP/2는 무엇을 다중화하나요?
하나의 연결에서 여러 stream을 보냅니다.

## 304 응답은 무슨 뜻인가요?
캐시한 사본을 그대로 써도 됩니다.
";

/// `note` imported, three of its cards studied over two days (one of them
/// only once), one never shown, and `exam_date` set.
fn studied(note: &str) -> Env {
    let env = Env::new();
    let path = env.write("notes/net.md", note);
    env.import(&[&path]);
    env.cmd()
        .args(["config", "set", "fuzz", "false"])
        .assert()
        .success();
    for (now, script) in [
        ("2026-11-10T09:00:00+09:00", "\n3\n\n1\n:quit\n"),
        ("2026-11-10T09:30:00+09:00", "\n3\n\n3\n:quit\n"),
        ("2026-11-14T09:00:00+09:00", "\n3\n\n3\n:quit\n"),
    ] {
        env.cmd()
            .env("SYNACK_NOW", now)
            .args(["quiz", "--new", "2"])
            .write_stdin(script)
            .assert()
            .success();
    }
    env.cmd()
        .args(["config", "set", "exam_date", EXAM])
        .assert()
        .success();
    env
}

fn run_in(env: &Env, lang: (&str, &str), args: &[&str]) -> String {
    let out = env.cmd().env(lang.0, lang.1).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

/// What a browser shows of `html`: the text between the tags (the style
/// sheet left out), one piece a line, the entities of `escape` undone.
fn visible(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push('\n');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The report's exam section: from its heading to the next `<h2>`.
fn exam_section(html: &str) -> Option<&str> {
    let start = html.find(r#"<h2 id="exam">"#)?;
    let rest = &html[start..];
    let end = rest[4..].find("<h2").map_or(rest.len(), |e| e + 4);
    Some(&rest[..end])
}

fn percent(r: &Value) -> String {
    format!("{:.0}%", r.as_f64().expect("a number") * 100.0)
}

#[test]
fn stats_report_and_optimize_speak_english_under_lang_c() {
    let env = studied(ENGLISH_NOTE);
    let stats = run_in(&env, C, &["stats"]);
    assert_no_korean("stats", &stats);
    for line in [
        "4 cards: new 1 · learning 1 · review 2 · relearning 0 · suspended 0",
        "6 reviews · 2 study days · streak 0 days",
        "Topics:",
        &format!("Predicted recall on {EXAM}: "),
        "Due in the next 30 days:",
    ] {
        assert!(stats.contains(line), "{line:?} not in\n{stats}");
    }
    let md = run_in(&env, C, &["report", "--format", "md"]);
    assert_no_korean("report --format md", &md);
    assert!(md.starts_with("# synack study report\n"), "{md}");
    assert!(md.contains("\n## Overview\n"), "{md}");
    let html = run_in(&env, C, &["report", "--format", "html"]);
    assert_no_korean("report --format html", &html);
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("<h2 id=\"exam\">Exam date: 2026-12-20</h2>"));
    let optimize = run_in(&env, C, &["optimize"]);
    assert_no_korean("optimize", &optimize);
    assert!(
        optimize.contains("FSRS-6's default parameters stay in use for now."),
        "{optimize}"
    );
}

#[test]
fn stats_report_and_optimize_speak_korean_under_lang_ko() {
    let env = studied(KOREAN_NOTE);
    let stats = run_in(&env, KO, &["stats"]);
    assert_no_english("stats", &stats);
    for line in [
        "카드 4장: 새 카드 1 · 학습 중 1 · 복습 2 · 재학습 0 · 보류 0",
        "복습 6회 · 공부한 날 2일 · 연속 학습 0일",
        "주제별:",
        &format!("{EXAM} 예상 회상률: "),
        "하루 0장 → ",
        "앞으로 30일 예정:",
    ] {
        assert!(stats.contains(line), "{line:?} not in\n{stats}");
    }
    let md = run_in(&env, KO, &["report", "--format", "md"]);
    assert_no_english("report --format md", &md);
    for line in [
        "# synack 학습 보고서\n",
        "\n## 요약\n",
        "| 실제 기억 유지율, 전체 |",
        "| 하루 카드 수 | 당일 예상 회상률 |",
    ] {
        assert!(md.contains(line), "{line:?} not in\n{md}");
    }
    let html = run_in(&env, KO, &["report", "--format", "html"]);
    assert_no_english("report --format html", &visible(&html));
    assert!(html.contains("<html lang=\"ko\">"), "{html}");
    for text in [
        "<h2 id=\"exam\">시험일: 2026-12-20</h2>",
        "<h3>복습 달력</h3>",
        "<p class=\"empty\">아직 데이터가 없습니다</p>",
        ">다시</text>",
        "<span class=\"badge",
    ] {
        assert!(html.contains(text), "{text:?} not in the HTML report");
    }
    let optimize = run_in(&env, KO, &["optimize"]);
    assert_no_english("optimize", &optimize);
    assert!(
        optimize.starts_with("매개변수를 맞추기에 복습이 부족합니다: "),
        "{optimize}"
    );
}

/// Field names and values are a contract: the language changes none.
#[test]
fn stats_json_is_the_same_in_both_languages() {
    let env = studied(KOREAN_NOTE);
    let ko = run_in(&env, KO, &["stats", "--format", "json"]);
    let en = run_in(&env, C, &["stats", "--format", "json"]);
    assert_eq!(ko, en);
    let json: Value = serde_json::from_str(&en).unwrap();
    let verdicts: Vec<&str> = json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts.len(), 2);
    for v in verdicts {
        assert!(
            ["solid", "shaky", "weak", "not_started"].contains(&v),
            "{v}"
        );
    }
    let states: Vec<&str> = json["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["learning", "young", "mature", "relearning"]);
    assert_eq!(json["exam"]["date"], EXAM);
}

/// Issue 30 §3: with `exam_date` set the HTML report shows the predicted
/// recall on the date, overall, per topic (weakest first) and for N cards
/// a day: the numbers `due --until DATE --format json` gives.
#[test]
fn the_html_report_shows_the_exam_date_with_the_numbers_due_until_gives() {
    let env = studied(ENGLISH_NOTE);
    let due = env.json(&["due", "--until", EXAM, "--format", "json"]);
    let topics = due["topics"].as_array().expect("topics");
    assert_eq!(topics.len(), 2, "{due}");
    let plan = due["plan"].as_array().expect("plan");
    assert!(plan.len() >= 2, "{due}");
    // The first topic was studied, the second never: they differ.
    assert_ne!(topics[0]["predicted_recall"], topics[1]["predicted_recall"]);

    for lang in [C, KO] {
        let html = run_in(&env, lang, &["report", "--format", "html"]);
        let section = exam_section(&html).expect("an exam section");
        assert!(
            section.contains(&format!("<b>{}</b>", percent(&due["predicted_recall"]))),
            "{section}"
        );
        // Per topic, the least likely recalled first.
        let mut sorted: Vec<&Value> = topics.iter().collect();
        sorted.sort_by(|a, b| {
            a["predicted_recall"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["predicted_recall"].as_f64().unwrap())
        });
        let mut at = 0;
        for t in sorted {
            let row = format!(
                "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
                t["topic"].as_str().unwrap(),
                percent(&t["predicted_recall"])
            );
            let found = section[at..]
                .find(&row)
                .unwrap_or_else(|| panic!("{row} not in order in\n{section}"));
            at += found + row.len();
        }
        for p in plan {
            let row = format!(
                "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                p["per_day"],
                percent(&p["predicted_recall"])
            );
            assert!(section.contains(&row), "{row} not in\n{section}");
        }
        let (title, plan_title) = if lang == KO {
            ("2026-12-20 예상 회상률", "하루 카드 수")
        } else {
            ("predicted recall on 2026-12-20", "cards a day")
        };
        assert!(section.contains(title), "{section}");
        assert!(section.contains(plan_title), "{section}");
    }

    // The same report without the setting, or with the date gone by, has no such section.
    env.cmd()
        .args(["config", "unset", "exam_date"])
        .assert()
        .success();
    let html = run_in(&env, C, &["report", "--format", "html"]);
    assert!(exam_section(&html).is_none());
    env.cmd()
        .args(["config", "set", "exam_date", EXAM])
        .assert()
        .success();
    let after = env
        .cmd()
        .env("SYNACK_NOW", "2026-12-21T09:00:00+09:00")
        .args(["report", "--format", "html"])
        .assert()
        .success();
    let html = String::from_utf8_lossy(&after.get_output().stdout);
    assert!(exam_section(&html).is_none());
}

/// `stats` fits 60, 80 and 120 columns in Korean too (two columns a syllable).
#[test]
fn korean_stats_fit_60_80_and_120_columns() {
    let env = studied(KOREAN_NOTE);
    for max in [60, 80, 120] {
        let text = run_in(&env, KO, &["--width", &max.to_string(), "stats"]);
        assert!(text.contains("주제별:"), "{text}");
        for line in text.lines() {
            let w = synack::render::width::width(line);
            assert!(w <= max, "{w} columns at width {max}: {line:?}");
        }
    }
}

/// `report --until DATE` shows the section for that date (over the
/// setting), with the numbers `due --until DATE` gives; a bad or past date
/// is one line on stderr and exit 2, with nothing written.
#[test]
fn report_until_shows_that_date_and_refuses_bad_ones() {
    let env = studied(ENGLISH_NOTE);
    let date = "2027-01-10";
    let due = env.json(&["due", "--until", date, "--format", "json"]);
    let html = run_in(&env, C, &["report", "--format", "html", "--until", date]);
    let section = exam_section(&html).expect("an exam section");
    assert!(section.contains("Exam date: 2027-01-10"), "{section}");
    assert!(
        section.contains(&format!("<b>{}</b>", percent(&due["predicted_recall"]))),
        "{section}"
    );
    let md = run_in(&env, C, &["report", "--format", "md", "--until", date]);
    assert!(
        md.contains(&format!(
            "## Predicted recall on 2027-01-10: {}",
            percent(&due["predicted_recall"])
        )),
        "{md}"
    );

    let out = env.path("report.html");
    for (lang, bad, want) in [
        (
            C,
            "2027-02-30",
            "synack: error: --until 2027-02-30: not a date (expected YYYY-MM-DD, such as 2027-01-15)\n",
        ),
        (
            KO,
            "2020-01-01",
            "synack: 오류: --until 2020-01-01: 오늘 이후의 날짜가 아닙니다\n",
        ),
    ] {
        let got = env
            .cmd()
            .env(lang.0, lang.1)
            .args(["report", "--format", "html", "--until", bad, "--out"])
            .arg(&out)
            .assert()
            .code(2);
        assert_eq!(String::from_utf8_lossy(&got.get_output().stderr), want);
        assert!(got.get_output().stdout.is_empty());
        assert!(!out.exists(), "a report was written for {bad}");
    }
}
