//! The embedded network simulator: small, deterministic demos of the
//! protocols the cards are about, runnable from `synack demo`, from a card
//! (`:demo` in the quiz, `synack show`) and from a `demo:` link in a note.
//!
//! Each demo is one file that exports a [`Demo`]; [`DEMOS`] lists them. A demo
//! parses its own options with clap (so `synack demo NAME --help` explains
//! them), runs without reading the clock or a global RNG (`--seed` feeds every
//! random choice), emits what happens as a structured [`trace`] through an
//! [`Emitter`], and returns a JSON document with the same facts. The one
//! [`render`]er draws every demo's trace at the terminal's width.
//!
//! Adding a demo: write `src/sim/LAYER/NAME.rs` with a `pub const DEMO: Demo`,
//! then add one line to [`DEMOS`].

pub mod network;
pub mod render;
pub mod trace;
pub mod transport;
pub mod web;

pub use network::{encap, ip};
pub use transport::{arq, congestion, flow, handshake, sockets, tcp, tcp_vs_udp};
pub use web::{browse, cors, dns, http, lb, session, tls, uri, webrtc, websocket};

pub use trace::{Block, Emitter, Flow, Trace};

use clap::{Args, ValueEnum};
use percent_encoding::percent_decode_str;
use serde::Serialize;

/// Every demo, in `synack demo list` order.
pub const DEMOS: &[Demo] = &[
    handshake::DEMO,
    sockets::DEMO,
    uri::DEMO,
    arq::DEMO,
    congestion::DEMO,
    flow::DEMO,
    encap::DEMO,
    ip::DEMO,
    tcp_vs_udp::DEMO,
    dns::DEMO,
    tls::DEMO,
    websocket::DEMO,
    cors::DEMO,
    http::DEMO,
    session::DEMO,
    lb::DEMO,
    webrtc::DEMO,
    browse::DEMO,
];

/// One demo in the registry.
#[derive(Debug, Clone, Copy)]
pub struct Demo {
    /// What `synack demo NAME` and `demo:NAME` links call it.
    pub name: &'static str,
    /// A short title, e.g. "TCP connection setup and teardown", in the
    /// current language (`locales/*/demos.ftl`).
    pub title: fn() -> String,
    /// One line on what it shows, in the current language.
    pub summary: fn() -> String,
    /// The topics it serves, for `synack demo list`.
    pub topics: &'static [&'static str],
    /// Words (Korean and English, lower-case) that make a card about this
    /// demo's topic when no `demo:` link says so. See `deck::links`.
    pub keywords: &'static [&'static str],
    /// Parses `argv` (`argv[0]` is the demo's name), calls
    /// [`Emitter::start`] with the parsed common options, runs the demo
    /// emitting its trace, and returns its JSON document.
    pub run: fn(&[String], &mut Emitter<'_>) -> Result<serde_json::Value, SimError>,
}

// The options every demo takes, flattened into its own clap arguments.
#[derive(Debug, Clone, Args)]
pub struct Common {
    #[arg(help = crate::tr!("cli-demo-common-seed"), long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    #[arg(help = crate::tr!("cli-demo-common-format"), long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    #[arg(help = crate::tr!("cli-demo-common-step"), long)]
    pub step: bool,
}

impl Default for Common {
    fn default() -> Common {
        Common {
            seed: 1,
            format: OutputFormat::Text,
            step: false,
        }
    }
}

// How a demo's report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    #[value(help = crate::tr!("cli-demo-format-text"))]
    Text,
    #[value(help = crate::tr!("cli-demo-format-json"))]
    Json,
}

/// What a demo found: its trace, and the same facts as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub trace: Trace,
    /// The demo's own document, with the trace under `"trace"`.
    pub json: serde_json::Value,
}

impl Report {
    /// The whole text at `width` columns, as printed without `--step`.
    pub fn text(&self, width: usize) -> String {
        render::text(&self.trace, width)
    }
}

/// A finished run: the common options it was given and its report.
#[derive(Debug, Clone)]
pub struct Run {
    pub common: Common,
    pub report: Report,
}

/// Why a demo did not run.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("{}", crate::tr!("demo-unknown", name = format!("{:?}", .0)))]
    UnknownDemo(String),
    /// Bad options, or `--help`: clap's own message, printed as clap prints it.
    #[error("{0}")]
    Args(#[from] clap::Error),
    /// Options that parse but make no sense together, or bad demo input
    /// (e.g. a URI that cannot be parsed, where that is not itself the point).
    #[error("{0}")]
    Invalid(String),
    /// The reader stopped a `--step` run (`q`); not a failure.
    #[error("{}", crate::tr!("demo-stopped"))]
    Stopped,
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

/// Finds a demo by name.
pub fn find(name: &str) -> Option<&'static Demo> {
    DEMOS.iter().find(|d| d.name == name)
}

/// Runs the demo named by `argv[0]` with the rest of `argv` as its options,
/// recording its trace.
pub fn run(argv: &[String]) -> Result<Run, SimError> {
    run_with(argv, &mut Emitter::recording())
}

/// Runs a demo with its blocks going through `out` (live, for a terminal).
pub fn run_with(argv: &[String], out: &mut Emitter<'_>) -> Result<Run, SimError> {
    let name = argv.first().map(String::as_str).unwrap_or_default();
    let demo = find(name).ok_or_else(|| SimError::UnknownDemo(name.to_string()))?;
    // clap names the program after argv[0] in usage lines and help.
    let mut argv = argv.to_vec();
    argv[0] = format!("synack demo {name}");
    let mut json = (demo.run)(&argv, out)?;
    let (common, trace) = out.take();
    if let serde_json::Value::Object(map) = &mut json {
        map.insert(
            "trace".to_string(),
            serde_json::to_value(&trace.blocks).unwrap_or_default(),
        );
    }
    Ok(Run {
        common,
        report: Report { trace, json },
    })
}

/// A card's link to a demo, written in a note as `[text](demo:NAME?ARGS)`.
///
/// `ARGS` are `&`-separated items: `key=value` becomes `--key value`,
/// `key=true` the flag `--key` (`key=false` nothing), and an item without `=`
/// a positional argument. Items are percent-decoded, so a URI argument keeps
/// its own `?` and `&` as `%3F` and `%26`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoLink {
    pub name: String,
    /// The query as written, without the `?`.
    pub args: String,
}

impl DemoLink {
    /// Parses a link target; `None` unless it starts with `demo:`.
    pub fn parse(target: &str) -> Option<DemoLink> {
        let rest = target.trim().strip_prefix("demo:")?;
        let (name, args) = rest.split_once('?').unwrap_or((rest, ""));
        if name.is_empty() {
            return None;
        }
        Some(DemoLink {
            name: name.to_string(),
            args: args.to_string(),
        })
    }

    /// The command line this link stands for: `["handshake", "--scenario", "close"]`.
    pub fn argv(&self) -> Vec<String> {
        let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
        let mut argv = vec![self.name.clone()];
        for item in self.args.split('&').filter(|s| !s.is_empty()) {
            match item.split_once('=') {
                Some((key, "true")) => argv.push(format!("--{}", decode(key))),
                Some((_, "false")) => {}
                Some((key, value)) => {
                    argv.push(format!("--{}", decode(key)));
                    argv.push(decode(value));
                }
                None => argv.push(decode(item)),
            }
        }
        argv
    }

    /// `handshake scenario=close`, for people.
    pub fn label(&self) -> String {
        if self.args.is_empty() {
            self.name.clone()
        } else {
            format!("{} {}", self.name, self.args.replace('&', " "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_command_lines() {
        let link = DemoLink::parse("demo:handshake?scenario=close&msl=30").unwrap();
        assert_eq!(link.name, "handshake");
        assert_eq!(
            link.argv(),
            ["handshake", "--scenario", "close", "--msl", "30"]
        );
        let link =
            DemoLink::parse("demo:uri?https%3A%2F%2Fa.kr%2F%3Fq%3D1%26r&compare=http://a.kr")
                .unwrap();
        assert_eq!(
            link.argv(),
            ["uri", "https://a.kr/?q=1&r", "--compare", "http://a.kr"]
        );
        let link = DemoLink::parse("demo:sockets?simulate=true&step=false").unwrap();
        assert_eq!(link.argv(), ["sockets", "--simulate"]);
        assert_eq!(DemoLink::parse("demo:").map(|l| l.name), None);
        assert_eq!(DemoLink::parse("https://example.com"), None);
    }

    #[test]
    fn registry_names_are_unique_and_lower_case() {
        for (i, d) in DEMOS.iter().enumerate() {
            assert!(d.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(DEMOS[i + 1..].iter().all(|o| o.name != d.name));
            assert!(d.keywords.iter().all(|k| *k == k.to_lowercase()));
        }
    }

    /// One item of a link's query, before encoding.
    #[derive(Debug, Clone)]
    enum Item {
        Flag(String),
        Pair(String, String),
        Positional(String),
    }

    fn item() -> impl proptest::strategy::Strategy<Value = Item> {
        use proptest::prelude::*;
        let text = "\\PC{0,12}";
        prop_oneof![
            text.prop_map(Item::Flag),
            (text, text).prop_map(|(k, v)| Item::Pair(k, v)),
            text.prop_map(Item::Positional),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Whatever the items say (`&`, `=`, `?`, `%`, Hangul, spaces), once
        /// percent-encoded into a link they come back out of `argv` as written.
        #[test]
        fn encoded_items_come_back_as_argv(name in "[a-z][a-z-]{0,10}", items in proptest::collection::vec(item(), 0..6)) {
            use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
            let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
            let mut query = Vec::new();
            let mut expected = vec![name.clone()];
            for item in &items {
                match item {
                    Item::Flag(k) => {
                        query.push(format!("{}=true", enc(k)));
                        expected.push(format!("--{k}"));
                    }
                    Item::Pair(k, v) => {
                        query.push(format!("{}={}", enc(k), enc(v)));
                        // `true` and `false` as values are the flag rule's.
                        match v.as_str() {
                            "true" => expected.push(format!("--{k}")),
                            "false" => {}
                            _ => expected.extend([format!("--{k}"), v.clone()]),
                        }
                    }
                    Item::Positional(v) => {
                        query.push(enc(v));
                        // An empty item is a doubled `&`: nothing.
                        if !v.is_empty() {
                            expected.push(v.clone());
                        }
                    }
                }
            }
            let target = format!("demo:{name}?{}", query.join("&"));
            let link = DemoLink::parse(&target).expect("a demo: target with a name");
            proptest::prop_assert_eq!(&link.name, &name);
            proptest::prop_assert_eq!(&link.args, &query.join("&"));
            proptest::prop_assert_eq!(link.argv(), expected);
            let label = link.label();
            proptest::prop_assert!(label.starts_with(&name) && !label.contains('&'), "{}", label);
        }

        /// Any target at all: `None` unless it is `demo:` and a name, and
        /// then argv starts with that name.
        #[test]
        fn any_target_parses_or_is_refused(target in "\\s?(demo:)?\\PC{0,30}") {
            match DemoLink::parse(&target) {
                None => proptest::prop_assert!(
                    !target.trim().starts_with("demo:")
                        || target.trim()["demo:".len()..].split('?').next() == Some("")
                ),
                Some(link) => {
                    proptest::prop_assert!(!link.name.is_empty());
                    proptest::prop_assert_eq!(&link.argv()[0], &link.name);
                }
            }
        }
    }

    #[test]
    fn unknown_demos_are_named() {
        let err = run(&["nope".to_string()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown demo \"nope\" (see `synack demo list`)"
        );
    }
}
