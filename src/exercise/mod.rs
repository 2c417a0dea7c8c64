//! Exercises: questions the simulator writes and grades.
//!
//! An exercise [`Template`] belongs to a demo and has a stable name
//! (`handshake/next-state`). From a seed it draws parameters (a JSON object
//! whose field names are a contract: tests and other tools check answers
//! with them), and [`Template::solve`] asks the demo's OWN model what the
//! answer is — the TCP state machine of `sim::tcp`, the origin comparison of
//! `sim::uri` — so a rule lives in one place and the exercise can never
//! disagree with the demo. [`check`] compares a typed answer with it after
//! normalising case, spaces, separators (`SYN,ACK` = `SYN+ACK` = `SYN-ACK`)
//! and Korean words (`예`, `포트`, `없음`).
//!
//! The quiz draws a fresh seed at each review of an exercise card (see
//! [`review_seed`]), so the learner meets the rule, not one wording of it.
//!
//! The question, the explanation and the title speak the current language
//! (`locales/*/exercise*.ftl`); the parameters and the answer do not, so a
//! seed gives the same exercise in every language and other tools can
//! check answers whatever LANG they run under.

mod congestion;
mod ip;
mod more;
mod normal;
mod tcp;
mod uri;
mod web;
mod wire;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use serde::Serialize;
use serde_json::Value;

pub use normal::{normalize, tokens};

/// Every template, in `synack exercise list` order.
pub const TEMPLATES: &[Template] = &[
    tcp::ACK_NUMBER,
    tcp::SEQ_NUMBER,
    tcp::NEXT_STATE,
    tcp::FIN_ACK_NUMBER,
    tcp::TIME_WAIT,
    tcp::RTO_BACKOFF,
    uri::SAME_ORIGIN,
    uri::PORT,
    uri::RESOLVE,
    uri::REMOVE_DOT_SEGMENTS,
    uri::QUERY_VALUE,
    uri::KIND,
    ip::HOST_COUNT,
    ip::NETWORK,
    ip::BROADCAST,
    ip::IS_PRIVATE,
    ip::PREFIX_FOR_HOSTS,
    ip::NAT_MAPPING,
    ip::MASK,
    ip::WILDCARD,
    ip::HOST_RANGE,
    congestion::AFTER_LOSS,
    congestion::SLOW_START,
    web::PREFLIGHT,
    web::CREDENTIALS,
    web::REDIRECT_METHOD,
    web::CACHE,
    web::H2_STREAM_ID,
    web::WHO_ANSWERS,
    web::REQUEST_HEADERS,
    web::PREFLIGHT_CACHE,
    more::ARQ_RETRANSMIT,
    more::ARQ_COUNT,
    more::WS_ACCEPT,
    more::MSS,
    wire::TLS_ROUND_TRIPS,
    wire::RECV_CALLS,
    wire::WS_MASKING,
    wire::ADVERTISED_WINDOW,
    wire::PDU_NAME,
];

/// One kind of exercise.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// `demo/what`, e.g. `handshake/next-state`: what notes and commands call it.
    pub name: &'static str,
    /// The demo whose model answers it (`synack demo NAME`).
    pub demo: &'static str,
    /// What it drills, in the current language, for `exercise list` and
    /// the exercise card's back as it is shown (the stored back is the
    /// template's name: see [`crate::deck::exercises`]).
    pub title: fn() -> String,
    /// Draws the parameters (a JSON object) from the seeded RNG.
    pub params: fn(&mut Draw) -> Value,
    /// Asks the demo's model: the question, the answer, why, and the demo's argv.
    pub solve: fn(&Value) -> Result<Solved, ExerciseError>,
}

/// What the model says about one set of parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    /// The question in the current language (technical terms as the field
    /// writes them).
    pub question: String,
    /// The answer as it is shown: the same in every language (`yes`,
    /// `CLOSE-WAIT, ACK`, `none`), so other tools can compare it.
    pub answer: String,
    /// How a typed answer is compared with it.
    pub expect: Expect,
    /// Why, in a sentence or two, from the model (the rule that fired), in
    /// the current language.
    pub explanation: String,
    /// `synack demo` argv that shows exactly these parameters.
    pub demo: Vec<String>,
}

/// How a typed answer is compared with the expected one.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    /// One of these words or phrases, compared by [`normalize`].
    Words(Vec<String>),
    /// Exactly this text, spaces at the ends aside (a URI, a path).
    Exact(String),
    /// An unsigned integer (`1,001` and `1001` alike).
    Number(u64),
    /// Two numbers, cwnd then ssthresh; in the other order when the answer
    /// names them so (`ssthresh 8, cwnd 11`).
    Pair(u64, u64),
    /// A set of unsigned integers, in any order (`3, 4, 5`).
    Numbers(Vec<u64>),
    /// A TCP state and the control bits of the segment sent (none: empty).
    /// ACK may be left out beside another bit: in a synchronized state every
    /// segment carries it.
    StateSegment {
        state: &'static str,
        flags: Vec<&'static str>,
    },
    /// Same origin (`yes`), or `no` and the parts that differ.
    Origin {
        same: bool,
        differs: Vec<&'static str>,
    },
}

/// Why an exercise could not be made or checked.
#[derive(Debug, thiserror::Error)]
pub enum ExerciseError {
    #[error("{}", crate::tr!("exercise-error-unknown", name = format!("{:?}", .0)))]
    Unknown(String),
    #[error("{}", crate::tr!("exercise-error-bad-params", template = *.template, params = .params.as_str(), why = .why.as_str()))]
    BadParams {
        template: &'static str,
        params: String,
        why: String,
    },
}

/// The seeded source every template draws from (ChaCha8, as the demos).
#[derive(Debug)]
pub struct Draw(ChaCha8Rng);

impl Draw {
    pub fn new(seed: u64) -> Draw {
        Draw(ChaCha8Rng::seed_from_u64(seed))
    }
    pub fn u32(&mut self) -> u32 {
        self.0.next_u32()
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// An ISN: usually anywhere, one time in four within 4 of 2^32, where the
    /// +1 wraps and modulo arithmetic matters.
    pub fn isn(&mut self) -> u32 {
        if self.below(4) == 0 {
            u32::MAX - self.below(4) as u32
        } else {
            self.u32()
        }
    }
}

/// One generated exercise: `synack exercise NAME --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generated {
    pub template: &'static str,
    pub seed: u64,
    pub params: Value,
    pub question: String,
    pub answer: String,
    #[serde(skip)]
    pub solved: Solved,
}

/// The verdict on a typed answer: `synack exercise NAME --check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub correct: bool,
    pub expected: String,
    pub explanation: String,
}

/// The template called `name`.
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name.trim())
}

/// What an exercise card's back says on screen: its template's title in
/// the current language (`None` for a name this synack does not know).
pub fn title_of(name: &str) -> Option<String> {
    find(name).map(|t| (t.title)())
}

/// The template called `name`, or the error that names it.
pub fn template(name: &str) -> Result<&'static Template, ExerciseError> {
    find(name).ok_or_else(|| ExerciseError::Unknown(name.to_string()))
}

impl Template {
    /// The exercise this template makes from `seed`.
    pub fn generate(&'static self, seed: u64) -> Result<Generated, ExerciseError> {
        let params = (self.params)(&mut Draw::new(seed));
        let solved = (self.solve)(&params)?;
        Ok(Generated {
            template: self.name,
            seed,
            params,
            question: solved.question.clone(),
            answer: solved.answer.clone(),
            solved,
        })
    }
}

impl Generated {
    /// Grades `typed` against the model's answer.
    pub fn check(&self, typed: &str) -> Checked {
        Checked {
            correct: check(&self.solved.expect, typed),
            expected: self.answer.clone(),
            explanation: self.solved.explanation.clone(),
        }
    }
}

/// The seed of an exercise card's review: its id and how many times it was
/// reviewed before, so the same review under `SYNACK_NOW` shows the same
/// question, and the next one another.
pub fn review_seed(card_id: i64, reviews: u32) -> u64 {
    (card_id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(reviews)
}

/// Whether `typed` is the expected answer.
pub fn check(expect: &Expect, typed: &str) -> bool {
    match expect {
        Expect::Words(words) => {
            let t = normalize(typed);
            !t.is_empty() && words.iter().any(|w| normalize(w) == t)
        }
        Expect::Exact(s) => typed.trim() == s.trim(),
        Expect::Number(n) => normal::number(typed) == Some(*n),
        Expect::Numbers(want) => {
            let mut got = normal::numbers(typed);
            got.sort_unstable();
            got.dedup();
            let mut want = want.clone();
            want.sort_unstable();
            !want.is_empty() && got == want
        }
        Expect::Pair(a, b) => {
            let t = typed.to_lowercase();
            let mut n = normal::numbers(&t);
            if let (Some(c), Some(s)) = (t.find("cwnd"), t.find("ssthresh"))
                && s < c
            {
                n.reverse();
            }
            n == [*a, *b]
        }
        Expect::StateSegment { state, flags } => {
            let (states, typed_flags, _) = normal::states_and_flags(typed);
            let state = normalize(state);
            if states != [state] {
                return false;
            }
            let mut want: Vec<String> = flags.iter().map(|f| f.to_ascii_lowercase()).collect();
            want.sort();
            if typed_flags == want {
                return true;
            }
            // FIN for FIN,ACK: the ACK bit goes without saying.
            want.len() > 1 && {
                want.retain(|f| f != "ack");
                typed_flags == want
            }
        }
        Expect::Origin { same, differs } => {
            let t = tokens(typed);
            let yes = t.iter().any(|w| w == "yes");
            let no = t.iter().any(|w| w == "no");
            if yes == no {
                return false;
            }
            if *same {
                return yes;
            }
            let mut named: Vec<&str> = ["scheme", "host", "port"]
                .into_iter()
                .filter(|p| t.iter().any(|w| w == p))
                .collect();
            named.sort();
            let mut differs = differs.clone();
            differs.sort();
            no && named == differs
        }
    }
}

/// A parameter of a template, or the error that says it is missing.
pub(crate) fn param<'a>(
    template: &'static str,
    params: &'a Value,
    name: &str,
) -> Result<&'a Value, ExerciseError> {
    params.get(name).ok_or_else(|| ExerciseError::BadParams {
        template,
        params: params.to_string(),
        why: format!("no {name:?}"),
    })
}

pub(crate) fn param_str<'a>(
    template: &'static str,
    params: &'a Value,
    name: &str,
) -> Result<&'a str, ExerciseError> {
    param(template, params, name)?
        .as_str()
        .ok_or_else(|| bad(template, params, format!("{name:?} is not a string")))
}

pub(crate) fn param_u64(
    template: &'static str,
    params: &Value,
    name: &str,
) -> Result<u64, ExerciseError> {
    param(template, params, name)?
        .as_u64()
        .ok_or_else(|| bad(template, params, format!("{name:?} is not a number")))
}

pub(crate) fn bad(template: &'static str, params: &Value, why: String) -> ExerciseError {
    ExerciseError::BadParams {
        template,
        params: params.to_string(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_belong_to_a_demo_that_exists() {
        for (i, t) in TEMPLATES.iter().enumerate() {
            assert!(
                TEMPLATES[i + 1..].iter().all(|o| o.name != t.name),
                "{}",
                t.name
            );
            assert!(
                crate::sim::find(t.demo).is_some(),
                "{}: demo {}",
                t.name,
                t.demo
            );
            let (prefix, rest) = t.name.split_once('/').expect("demo/what");
            assert!(!prefix.is_empty() && !rest.is_empty());
        }
    }

    /// Every template, many seeds: the model answers, the answer checks as
    /// correct, and the demo it names runs with those parameters.
    #[test]
    fn every_template_solves_and_accepts_its_own_answer() {
        for t in TEMPLATES {
            for seed in 0..60 {
                let g = t.generate(seed).unwrap();
                assert!(g.params.is_object(), "{}", t.name);
                assert!(!g.question.is_empty() && !g.solved.explanation.is_empty());
                let c = g.check(&g.answer);
                assert!(
                    c.correct,
                    "{} seed {seed}: {:?} rejects {:?}",
                    t.name, g.solved.expect, g.answer
                );
                assert!(!g.check("").correct);
                assert_eq!(g.solved.demo[0], t.demo);
            }
            let g = t.generate(7).unwrap();
            let run = crate::sim::run(&g.solved.demo);
            assert!(
                run.is_ok(),
                "{}: {:?} {:?}",
                t.name,
                g.solved.demo,
                run.err()
            );
        }
    }

    /// Issue 28 §2: the question and explanation follow the language; the
    /// parameters and the answer (what other tools compare) do not.
    #[test]
    fn answers_and_parameters_are_the_same_in_both_languages() {
        use crate::i18n::{Lang, is_hangul, with_lang};
        for t in TEMPLATES {
            for seed in 0..40 {
                let en = with_lang(Lang::En, || t.generate(seed).unwrap());
                let ko = with_lang(Lang::Ko, || t.generate(seed).unwrap());
                assert_eq!(en.params, ko.params, "{} {seed}", t.name);
                assert_eq!(en.answer, ko.answer, "{} {seed}", t.name);
                assert_eq!(en.solved.expect, ko.solved.expect, "{} {seed}", t.name);
                assert_eq!(en.solved.demo, ko.solved.demo, "{} {seed}", t.name);
                assert!(
                    !en.answer.chars().any(is_hangul),
                    "{} {seed}: {}",
                    t.name,
                    en.answer
                );
                for text in [&en.question, &en.solved.explanation] {
                    assert!(!text.chars().any(is_hangul), "{} {seed}: {text}", t.name);
                }
                assert!(
                    ko.question.chars().any(is_hangul),
                    "{}: {}",
                    t.name,
                    ko.question
                );
                let en_title = with_lang(Lang::En, t.title);
                let ko_title = with_lang(Lang::Ko, t.title);
                assert!(!en_title.chars().any(is_hangul), "{}", t.name);
                assert_ne!(en_title, ko_title, "{}", t.name);
            }
        }
    }

    /// The Korean screens' "no English sentence" rule, over many seeds:
    /// what the models put into questions and explanations (rule names,
    /// segments) stays terms, not sentences.
    #[test]
    fn korean_exercises_have_no_english_sentences() {
        use crate::i18n::{Lang, english_sentence, with_lang};
        for t in TEMPLATES {
            for seed in 0..200 {
                let g = with_lang(Lang::Ko, || t.generate(seed).unwrap());
                for text in [
                    &g.question,
                    &g.solved.explanation,
                    &with_lang(Lang::Ko, t.title),
                ] {
                    assert_eq!(english_sentence(text), None, "{} {seed}: {text}", t.name);
                }
            }
        }
    }

    #[test]
    fn same_seed_same_exercise_and_seeds_differ() {
        for t in TEMPLATES {
            assert_eq!(t.generate(5).unwrap(), t.generate(5).unwrap());
            let distinct: std::collections::BTreeSet<String> = (0..40)
                .map(|s| t.generate(s).unwrap().params.to_string())
                .collect();
            assert!(distinct.len() > 3, "{} draws few parameters", t.name);
        }
    }

    #[test]
    fn state_answers_normalise_separators_case_and_korean() {
        let e = Expect::StateSegment {
            state: "FIN-WAIT-1",
            flags: vec!["FIN", "ACK"],
        };
        for ok in [
            "FIN-WAIT-1, FIN+ACK",
            "fin_wait_1 fin,ack",
            "FIN WAIT 1 / FIN-ACK",
            "FIN-WAIT-1 FIN",
        ] {
            assert!(check(&e, ok), "{ok}");
        }
        for wrong in [
            "FIN-WAIT-2, FIN+ACK",
            "FIN-WAIT-1, ACK",
            "FIN-WAIT-1",
            "CLOSING FIN-WAIT-1 FIN",
        ] {
            assert!(!check(&e, wrong), "{wrong}");
        }
        let none = Expect::StateSegment {
            state: "FIN-WAIT-2",
            flags: vec![],
        };
        assert!(check(&none, "FIN-WAIT-2, 없음"));
        assert!(check(&none, "fin-wait-2 none"));
        assert!(!check(&none, "FIN-WAIT-2, ACK"));
        let synack = Expect::StateSegment {
            state: "SYN-RECEIVED",
            flags: vec!["SYN", "ACK"],
        };
        for ok in [
            "SYN-RECEIVED, SYN,ACK",
            "syn received syn-ack",
            "SYN-RCVD SYN+ACK",
        ] {
            assert!(check(&synack, ok), "{ok}");
        }
    }

    #[test]
    fn origin_answers_need_the_part_that_differs() {
        let e = Expect::Origin {
            same: false,
            differs: vec!["port"],
        };
        assert!(check(&e, "no, port"));
        assert!(check(&e, "아니요, 포트가 다릅니다"));
        assert!(!check(&e, "no"));
        assert!(!check(&e, "no, host"));
        assert!(!check(&e, "yes"));
        let same = Expect::Origin {
            same: true,
            differs: vec![],
        };
        assert!(check(&same, "예"));
        assert!(check(&same, "Yes"));
        assert!(!check(&same, "no"));
    }

    #[test]
    fn numbers_ignore_thousands_separators() {
        assert!(check(&Expect::Number(4_294_967_296), "4,294,967,296"));
        assert!(check(&Expect::Number(1001), " 1001 "));
        assert!(!check(&Expect::Number(1001), "1002"));
        assert!(!check(&Expect::Number(1001), "1001 또는 1002"));
    }

    #[test]
    fn pairs_are_cwnd_then_ssthresh_unless_named_otherwise() {
        let e = Expect::Pair(11, 8);
        assert!(check(&e, "cwnd 11, ssthresh 8"));
        assert!(check(&e, "11, 8"));
        assert!(check(&e, "ssthresh 8, cwnd 11"));
        assert!(!check(&e, "8, 11"));
        assert!(!check(&e, "11"));
        assert!(!check(&e, "cwnd 11, ssthresh 8, 3"));
    }

    #[test]
    fn review_seeds_differ_by_review() {
        assert_ne!(review_seed(3, 0), review_seed(3, 1));
        assert_ne!(review_seed(3, 0), review_seed(4, 0));
        assert_eq!(review_seed(3, 2), review_seed(3, 2));
    }

    #[test]
    fn unknown_names_are_named() {
        assert_eq!(
            template("nope/x").unwrap_err().to_string(),
            "unknown exercise \"nope/x\" (see `synack exercise list`)"
        );
    }
}
