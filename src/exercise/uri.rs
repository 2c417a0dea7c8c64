//! Exercises answered by the model of `synack demo uri` (`sim::uri`):
//! same origin, the port a URL connects to, reference resolution and dot
//! segments (RFC 3986 §5.2), query values, and what kind of identifier a
//! URI is.

use serde_json::{Value, json};

use super::{Draw, ExerciseError, Expect, Solved, Template, bad, param_str};
use crate::sim::uri::{self, Parts};

pub const SAME_ORIGIN: Template = Template {
    name: "uri/same-origin",
    demo: "uri",
    title: || crate::tr!("exercise-uri-same-origin-title"),
    params: same_origin_params,
    solve: solve_same_origin,
};

pub const PORT: Template = Template {
    name: "uri/port",
    demo: "uri",
    title: || crate::tr!("exercise-uri-port-title"),
    params: |d| json!({ "url": url(d, &["http", "https", "ws", "wss", "ftp"]) }),
    solve: solve_port,
};

pub const RESOLVE: Template = Template {
    name: "uri/resolve",
    demo: "uri",
    title: || crate::tr!("exercise-uri-resolve-title"),
    params: |d| {
        json!({
            "base": d.pick(&["http://a/b/c/d;p?q", "https://example.com/docs/guide/intro.html?v=2"]),
            "reference": d.pick(REFERENCES),
        })
    },
    solve: solve_resolve,
};

pub const REMOVE_DOT_SEGMENTS: Template = Template {
    name: "uri/remove-dot-segments",
    demo: "uri",
    title: || crate::tr!("exercise-uri-remove-dot-segments-title"),
    params: |d| {
        let n = 2 + d.below(4);
        let mut path = String::new();
        for _ in 0..n {
            path.push('/');
            path.push_str(d.pick(&["a", "b", "c", "g", ".", "..", ".."]));
        }
        if d.below(3) == 0 {
            path.push('/');
        }
        json!({ "path": path })
    },
    solve: solve_remove_dot_segments,
};

pub const QUERY_VALUE: Template = Template {
    name: "uri/query-value",
    demo: "uri",
    title: || crate::tr!("exercise-uri-query-value-title"),
    params: |d| {
        let q = d.pick(&[
            "a+b",
            "a%20b",
            "1%2B1",
            // UTF-8 beyond ASCII, in a value the same under every LANG.
            "caf%C3%A9",
            "x%26y",
            "c%3Dd",
            "tcp",
        ]);
        let key = d.pick(&["q", "lang", "page"]);
        let others = [("q", q), ("lang", "ko"), ("page", "2")];
        let query: Vec<String> = others.iter().map(|(k, v)| format!("{k}={v}")).collect();
        json!({ "url": format!("https://example.com/search?{}", query.join("&")), "key": key })
    },
    solve: solve_query_value,
};

pub const KIND: Template = Template {
    name: "uri/kind",
    demo: "uri",
    title: || crate::tr!("exercise-uri-kind-title"),
    params: |d| {
        json!({ "uri": d.pick(&[
            "https://example.com/a",
            "ftp://ftp.example.org/pub",
            "urn:isbn:9788966262281",
            "urn:ietf:rfc:3986",
            "mailto:dev@example.com",
            "data:text/plain,hello",
            "tel:+82-2-123-4567",
            "file:///etc/hosts",
        ]) })
    },
    solve: solve_kind,
};

/// References of RFC 3986 §5.4 (normal and abnormal examples).
const REFERENCES: &[&str] = &[
    "g",
    "./g",
    "g/",
    "/g",
    "//g",
    "?y",
    "g?y",
    "#s",
    "g#s",
    "g?y#s",
    ";x",
    "g;x",
    ".",
    "./",
    "..",
    "../",
    "../g",
    "../..",
    "../../",
    "../../g",
    "../../../g",
    "/./g",
    "/../g",
    "g.",
    ".g",
    "g..",
    "..g",
    "./../g",
    "./g/.",
    "g/./h",
    "g/../h",
];

fn url(d: &mut Draw, schemes: &[&'static str]) -> String {
    let scheme = d.pick(schemes);
    let host = d.pick(&[
        "example.com",
        "www.example.com",
        "api.example.com",
        "example.org",
        "EXAMPLE.com",
    ]);
    let port = d.pick(&["", "", ":80", ":443", ":8080", ":8443", ":21"]);
    let path = d.pick(&["/", "/a", "/b/c?x=1", "/login#top", ""]);
    format!("{scheme}://{host}{port}{path}")
}

fn same_origin_params(d: &mut Draw) -> Value {
    let a = url(d, &["http", "https"]);
    // b: a with 0-2 of its parts changed, so "yes" comes up often enough.
    let mut b = uri::Parts::split(&a);
    let authority = b.authority.clone().unwrap_or_default();
    let (mut host, mut port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), format!(":{p}")),
        None => (authority, String::new()),
    };
    for _ in 0..d.below(3) {
        match d.below(4) {
            0 => {
                b.scheme = Some(
                    if b.scheme.as_deref() == Some("http") {
                        "https"
                    } else {
                        "http"
                    }
                    .into(),
                )
            }
            1 => {
                host = d
                    .pick(&[
                        "example.com",
                        "www.example.com",
                        "example.net",
                        "Example.COM",
                    ])
                    .into()
            }
            2 => port = d.pick(&["", ":80", ":443", ":8080"]).into(),
            _ => b.path = d.pick(&["/other", "/", "/a/b"]).into(),
        }
    }
    b.authority = Some(format!("{host}{port}"));
    json!({ "a": a, "b": b.recompose() })
}

fn analyze(
    name: &'static str,
    p: &Value,
    input: &str,
    compare: Option<&str>,
) -> Result<uri::Analysis, ExerciseError> {
    uri::analyze(input, None, compare).map_err(|e| bad(name, p, e.to_string()))
}

fn solve_same_origin(p: &Value) -> Result<Solved, ExerciseError> {
    let name = SAME_ORIGIN.name;
    let a = param_str(name, p, "a")?;
    let b = param_str(name, p, "b")?;
    let analysis = analyze(name, p, a, Some(b))?;
    let compare = analysis
        .report
        .compare
        .ok_or_else(|| bad(name, p, format!("{a:?} is not a URL")))?;
    let differs: Vec<&'static str> = compare.differs_in.clone();
    if differs.contains(&"opaque") {
        return Err(bad(name, p, "an opaque origin".into()));
    }
    let answer = if compare.same_origin {
        "yes".to_string()
    } else {
        format!("no ({})", differs.join(", "))
    };
    let origin = |u: &str| {
        analyze(name, p, u, None)
            .ok()
            .and_then(|a| a.report.whatwg.map(|w| w.origin))
            .unwrap_or_default()
    };
    let (oa, ob) = (origin(a), origin(b));
    Ok(Solved {
        question: crate::tr!("exercise-uri-same-origin-question", a = a, b = b),
        answer,
        expect: Expect::Origin {
            same: compare.same_origin,
            differs,
        },
        explanation: crate::tr!(
            "exercise-uri-same-origin-explanation",
            a = oa.as_str(),
            b = ob.as_str()
        ),
        demo: vec!["uri".into(), a.into(), "--compare".into(), b.into()],
    })
}

fn solve_port(p: &Value) -> Result<Solved, ExerciseError> {
    let name = PORT.name;
    let u = param_str(name, p, "url")?;
    let report = analyze(name, p, u, None)?.report;
    let whatwg = report
        .whatwg
        .ok_or_else(|| bad(name, p, format!("{u:?} is not a URL")))?;
    let explicit = whatwg.port.parse::<u16>().ok();
    let port = explicit
        .or(report.default_port)
        .ok_or_else(|| bad(name, p, "no port".into()))?;
    let explanation = match explicit {
        Some(_) => crate::tr!("exercise-uri-port-explicit", port = port.to_string()),
        None => crate::tr!(
            "exercise-uri-port-default",
            scheme = whatwg.protocol.trim_end_matches(':'),
            port = port.to_string()
        ),
    };
    Ok(Solved {
        question: crate::tr!("exercise-uri-port-question", url = u),
        answer: port.to_string(),
        expect: Expect::Number(u64::from(port)),
        explanation,
        demo: vec!["uri".into(), u.into()],
    })
}

fn solve_resolve(p: &Value) -> Result<Solved, ExerciseError> {
    let name = RESOLVE.name;
    let base = param_str(name, p, "base")?;
    let reference = param_str(name, p, "reference")?;
    let r = uri::resolve(&Parts::split(base), &Parts::split(reference))
        .ok_or_else(|| bad(name, p, "the base has no scheme".into()))?;
    let target = r.target.recompose();
    let rule = resolve_rule(&Parts::split(reference));
    let explanation = match r.merged.as_deref() {
        Some(m) => crate::tr!(
            "exercise-uri-resolve-explanation-merged",
            rule = rule,
            merged = m,
            target = target.as_str()
        ),
        None => crate::tr!(
            "exercise-uri-resolve-explanation",
            rule = rule,
            target = target.as_str()
        ),
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-uri-resolve-question",
            base = base,
            reference = reference
        ),
        answer: target.clone(),
        expect: Expect::Exact(target.clone()),
        explanation,
        demo: vec!["uri".into(), reference.into(), "--base".into(), base.into()],
    })
}

/// Which branch of RFC 3986 5.2.2 resolves `r`, in the current language,
/// tested in the order [`uri::resolve`] tests them (a test keeps the two
/// agreeing: the model's own `rule` is the demo's text).
fn resolve_rule(r: &Parts) -> String {
    if r.scheme.is_some() {
        crate::tr!("exercise-uri-resolve-rule-scheme")
    } else if r.authority.is_some() {
        crate::tr!("exercise-uri-resolve-rule-network-path")
    } else if r.path.is_empty() {
        crate::tr!("exercise-uri-resolve-rule-empty-path")
    } else if r.path.starts_with('/') {
        crate::tr!("exercise-uri-resolve-rule-absolute-path")
    } else {
        crate::tr!("exercise-uri-resolve-rule-relative-path")
    }
}

fn solve_remove_dot_segments(p: &Value) -> Result<Solved, ExerciseError> {
    let name = REMOVE_DOT_SEGMENTS.name;
    let path = param_str(name, p, "path")?;
    if !path.starts_with('/') {
        return Err(bad(name, p, "the path is not absolute".into()));
    }
    let out = uri::remove_dot_segments(path);
    Ok(Solved {
        question: crate::tr!("exercise-uri-remove-dot-segments-question", path = path),
        answer: out.clone(),
        expect: Expect::Exact(out.clone()),
        explanation: crate::tr!(
            "exercise-uri-remove-dot-segments-explanation",
            path = out.as_str()
        ),
        demo: vec!["uri".into(), format!("http://a{path}")],
    })
}

fn solve_query_value(p: &Value) -> Result<Solved, ExerciseError> {
    let name = QUERY_VALUE.name;
    let u = param_str(name, p, "url")?;
    let key = param_str(name, p, "key")?;
    let report = analyze(name, p, u, None)?.report;
    let (_, value) = report
        .query_pairs
        .iter()
        .find(|(k, _)| k == key)
        .ok_or_else(|| bad(name, p, format!("no {key:?} in the query")))?;
    Ok(Solved {
        question: crate::tr!("exercise-uri-query-value-question", key = key, url = u),
        answer: value.clone(),
        expect: Expect::Exact(value.clone()),
        explanation: crate::tr!(
            "exercise-uri-query-value-explanation",
            value = format!("{value:?}")
        ),
        demo: vec!["uri".into(), u.into()],
    })
}

fn solve_kind(p: &Value) -> Result<Solved, ExerciseError> {
    let name = KIND.name;
    let u = param_str(name, p, "uri")?;
    let report = analyze(name, p, u, None)?.report;
    let kind = serde_json::to_value(report.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .ok_or_else(|| bad(name, p, "no kind".into()))?;
    let why = match kind.as_str() {
        "url" => crate::tr!("exercise-uri-kind-why-url"),
        "urn" => crate::tr!("exercise-uri-kind-why-urn"),
        _ => crate::tr!("exercise-uri-kind-why-uri"),
    };
    Ok(Solved {
        question: crate::tr!("exercise-uri-kind-question", uri = u),
        answer: kind.clone(),
        expect: Expect::Words(vec![kind.clone()]),
        explanation: format!("{why} → {kind}"),
        demo: vec!["uri".into(), u.into()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3986_examples_resolve_as_the_rfc_says() {
        let r = |reference: &str| {
            solve_resolve(&json!({"base": "http://a/b/c/d;p?q", "reference": reference}))
                .unwrap()
                .answer
        };
        assert_eq!(r("g"), "http://a/b/c/g");
        assert_eq!(r("../.."), "http://a/");
        assert_eq!(r("?y"), "http://a/b/c/d;p?y");
        assert_eq!(r("../../../g"), "http://a/g");
        assert_eq!(r("g;x"), "http://a/b/c/g;x");
    }

    /// The rule the explanation names is the one the model applied: in
    /// Korean, the model's own words.
    #[test]
    fn the_resolution_rule_named_is_the_models() {
        let base = Parts::split("http://a/b/c/d;p?q");
        for reference in REFERENCES.iter().chain(&["http:g", "//g/x", ""]) {
            let r = Parts::split(reference);
            let (model, ours) = crate::i18n::with_lang(crate::i18n::Lang::Ko, || {
                (uri::resolve(&base, &r).unwrap().rule, resolve_rule(&r))
            });
            assert_eq!(ours, model, "{reference:?}");
        }
    }

    #[test]
    fn same_origin_by_hand() {
        let s = |a: &str, b: &str| solve_same_origin(&json!({"a": a, "b": b})).unwrap().answer;
        assert_eq!(
            s("https://example.com/", "https://EXAMPLE.com:443/x"),
            "yes"
        );
        assert_eq!(
            s("http://example.com/", "https://example.com:80/"),
            "no (scheme)"
        );
        assert_eq!(
            s("http://example.com/", "https://example.com/"),
            "no (scheme, port)"
        );
        assert_eq!(
            s("http://a.example.com/", "http://example.com/"),
            "no (host)"
        );
    }

    #[test]
    fn ports_and_kinds_by_hand() {
        let port = |u: &str| solve_port(&json!({"url": u})).unwrap().answer;
        assert_eq!(port("https://example.com:443/"), "443");
        assert_eq!(port("ws://example.com/"), "80");
        assert_eq!(port("ftp://example.com:8080"), "8080");
        let kind = |u: &str| solve_kind(&json!({"uri": u})).unwrap().answer;
        assert_eq!(kind("urn:ietf:rfc:3986"), "urn");
        assert_eq!(kind("mailto:a@example.com"), "uri");
        assert_eq!(kind("file:///etc/hosts"), "url");
    }
}
