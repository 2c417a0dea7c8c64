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
    title: "same-origin policy: scheme·host·port 세 가지가 모두 같아야 같은 origin",
    params: same_origin_params,
    solve: solve_same_origin,
};

pub const PORT: Template = Template {
    name: "uri/port",
    demo: "uri",
    title: "URL에서 연결할 port 번호: 명시된 port, 없으면 scheme의 default port",
    params: |d| json!({ "url": url(d, &["http", "https", "ws", "wss", "ftp"]) }),
    solve: solve_port,
};

pub const RESOLVE: Template = Template {
    name: "uri/resolve",
    demo: "uri",
    title: "상대 참조(relative reference) 해석 (RFC 3986 5.2)",
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
    title: "dot segment(. ..) 제거 (RFC 3986 5.2.4)",
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
    title: "query 값의 디코딩: + 기호는 공백, %XX 표기는 UTF-8 바이트",
    params: |d| {
        let q = d.pick(&[
            "a+b",
            "a%20b",
            "1%2B1",
            "%ED%95%9C%EA%B8%80",
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
    title: "URL, URN, 그 밖의 URI: authority 부분이 있으면 위치(URL)",
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
        question: format!(
            "두 URL의 origin 값이 같습니까? a = {a} , b = {b} (같으면 yes, 다르면 no, 그리고 다른 부분: scheme/host/port)"
        ),
        question_en: format!(
            "Do these two URLs have the same origin? a = {a} , b = {b} (yes, or no and which of scheme/host/port differ)"
        ),
        answer,
        expect: Expect::Origin {
            same: compare.same_origin,
            differs,
        },
        explanation: format!(
            "origin 값은 (scheme, host, port)의 튜플입니다 (RFC 6454, WHATWG URL): a = {oa}, b = {ob}. host 이름은 소문자로, default port 번호는 생략해서 비교하고 path 부분은 상관없습니다."
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
    let why = match explicit {
        Some(_) => "URL에 port 번호가 명시되어 있습니다".to_string(),
        None => format!(
            "port 번호가 없거나 default port 번호와 같아서 생략됩니다: {} scheme의 default port",
            whatwg.protocol.trim_end_matches(':')
        ),
    };
    Ok(Solved {
        question: format!("다음 URL에 접속할 때 쓰는 TCP port 번호는? {u}"),
        question_en: format!("Which TCP port does this URL connect to? {u}"),
        answer: port.to_string(),
        expect: Expect::Number(u64::from(port)),
        explanation: format!("{why} → {port}"),
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
    let merged = r
        .merged
        .as_deref()
        .map(|m| format!(", 합친 path {m} → remove_dot_segments"))
        .unwrap_or_default();
    Ok(Solved {
        question: format!(
            "base URI {base} 에 대해 상대 참조 \"{reference}\" 를 해석한 결과는? (RFC 3986 5.2)"
        ),
        question_en: format!(
            "Resolve the reference \"{reference}\" against the base URI {base} (RFC 3986 5.2)."
        ),
        answer: target.clone(),
        expect: Expect::Exact(target.clone()),
        explanation: format!("RFC 3986 5.2.2: {}{merged} = {target}", r.rule),
        demo: vec!["uri".into(), reference.into(), "--base".into(), base.into()],
    })
}

fn solve_remove_dot_segments(p: &Value) -> Result<Solved, ExerciseError> {
    let name = REMOVE_DOT_SEGMENTS.name;
    let path = param_str(name, p, "path")?;
    if !path.starts_with('/') {
        return Err(bad(name, p, "the path is not absolute".into()));
    }
    let out = uri::remove_dot_segments(path);
    Ok(Solved {
        question: format!("path {path} 에서 dot segment(. ..) 부분을 제거하면? (RFC 3986 5.2.4)"),
        question_en: format!(
            "What does {path} become once its dot segments are removed (RFC 3986 5.2.4)?"
        ),
        answer: out.clone(),
        expect: Expect::Exact(out.clone()),
        explanation: format!(
            "왼쪽부터 segment 하나씩 옮기며 . 기호는 버리고 .. 기호는 출력의 마지막 segment 하나를 지웁니다 (root 위로는 못 올라감): {out}"
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
        question: format!(
            "다음 URL의 query에서 {key} 값은? (application/x-www-form-urlencoded 디코딩 후) {u}"
        ),
        question_en: format!(
            "What is the value of {key} in this URL's query, once decoded as application/x-www-form-urlencoded? {u}"
        ),
        answer: value.clone(),
        expect: Expect::Exact(value.clone()),
        explanation: format!(
            "form 디코딩: + 기호는 공백, %XX 표기는 바이트, 바이트열은 UTF-8 → {value:?}"
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
        "url" => "authority 부분(//host)이 있어 위치를 말합니다",
        "urn" => "urn: scheme: 위치가 아니라 이름입니다",
        _ => "scheme 부분은 있지만 authority 부분이 없습니다: URL도 URN도 아닌 URI",
    };
    Ok(Solved {
        question: format!("{u} 는 url, urn, uri 가운데 무엇입니까? (uri: URL도 URN도 아닌 URI)"),
        question_en: format!("Is {u} a url, a urn, or another uri?"),
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
