//! Exercises answered by the models of the web demos: `synack demo cors`
//! (`sim::web::cors`: is a preflight sent, does the CORS check pass), `synack
//! demo http` (`sim::web::http`: the method after a redirect, what a cache
//! does, HTTP/2 stream ids) and `synack demo dns` (its zone data and name
//! servers, `sim::web::dns::zone`: who gives the authoritative answer).

use std::str::FromStr;

use hickory_proto::op::{Message, Query};
use hickory_proto::rr::rdata::NS;
use hickory_proto::rr::{Name, RData, RecordType};
use serde_json::{Value, json};

use super::{ExerciseError, Expect, Solved, Template, bad, param, param_str, param_u64};
use crate::sim::web::dns::zone;
use crate::sim::web::{cors, http};

pub const PREFLIGHT: Template = Template {
    name: "cors/preflight",
    demo: "cors",
    title: || crate::tr!("exercise-cors-preflight-title"),
    params: |d| {
        let headers: Vec<&str> = match d.below(3) {
            0 => vec![],
            1 => vec![d.pick(HEADERS)],
            _ => vec![d.pick(HEADERS), d.pick(HEADERS)],
        };
        json!({
            "method": d.pick(&["GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "post"]),
            "headers": headers,
            "content_type": d.pick(&[
                None,
                None,
                Some("text/plain"),
                Some("text/plain;charset=UTF-8"),
                Some("application/x-www-form-urlencoded"),
                Some("multipart/form-data; boundary=x"),
                Some("application/json"),
                Some("application/xml"),
            ]),
        })
    },
    solve: solve_preflight,
};

pub const CREDENTIALS: Template = Template {
    name: "cors/credentials",
    demo: "cors",
    title: || crate::tr!("exercise-cors-credentials-title"),
    params: |d| {
        json!({
            "credentials": d.below(2) == 0,
            "allow_origin": d.pick(&["*", "*", "https://app.example", "https://other.example", "none"]),
            "allow_credentials": d.below(2) == 0,
        })
    },
    solve: solve_credentials,
};

pub const REDIRECT_METHOD: Template = Template {
    name: "http/redirect-method",
    demo: "http",
    title: || crate::tr!("exercise-http-redirect-method-title"),
    params: |d| {
        json!({
            "status": d.pick(&[301u64, 302, 303, 307, 308]),
            "method": d.pick(&["GET", "POST", "POST", "PUT", "DELETE", "HEAD"]),
        })
    },
    solve: solve_redirect_method,
};

pub const CACHE: Template = Template {
    name: "http/cache",
    demo: "http",
    title: || crate::tr!("exercise-http-cache-title"),
    params: |d| {
        json!({
            "cache_control": d.pick(&["max-age=60", "max-age=3600", "no-cache", "no-store", "max-age=0", "public, max-age=600"]),
            "stored": d.below(5) != 0,
            "age": d.pick(&[0u64, 10, 59, 60, 120, 599, 601, 7200]),
        })
    },
    solve: solve_cache,
};

pub const H2_STREAM_ID: Template = Template {
    name: "http/h2-stream-id",
    demo: "http",
    title: || crate::tr!("exercise-http-h2-stream-id-title"),
    params: |d| json!({ "request": 1 + d.below(12) }),
    solve: solve_h2_stream_id,
};

pub const WHO_ANSWERS: Template = Template {
    name: "dns/who-answers",
    demo: "dns",
    title: || crate::tr!("exercise-dns-who-answers-title"),
    params: |d| {
        json!({
            "qname": d.pick(&[
                "www.example.com.",
                "web.example.com.",
                "rr.example.com.",
                "nope.example.com.",
                "example.com.",
                "com.",
                "example.org.",
                "a.gtld-servers.test.",
            ]),
            "cached": d.below(3) == 0,
        })
    },
    solve: solve_who_answers,
};

pub const REQUEST_HEADERS: Template = Template {
    name: "cors/request-headers",
    demo: "cors",
    title: || crate::tr!("exercise-cors-request-headers-title"),
    params: |d| {
        let mut headers = vec![d.pick(&[
            "X-Token: 1",
            "Authorization: Bearer abc",
            "X-Requested-With: XMLHttpRequest",
        ])];
        if d.below(2) == 0 {
            headers.push(d.pick(HEADERS));
        }
        json!({
            "headers": headers,
            "content_type": d.pick(&[None, Some("application/json"), Some("text/plain")]),
        })
    },
    solve: solve_request_headers,
};

pub const PREFLIGHT_CACHE: Template = Template {
    name: "cors/preflight-cache",
    demo: "cors",
    title: || crate::tr!("exercise-cors-preflight-cache-title"),
    params: |d| // Always a Max-Age: the demo's server always sends one, and its
        // `:demo` must show these parameters.
        json!({ "max_age": d.pick(&[0u32, 10, 600, 3600, 86400, 7200]) }),
    solve: solve_preflight_cache,
};

/// Headers a page's script sets, safelisted and not.
const HEADERS: &[&str] = &[
    "Accept: application/json",
    "Accept-Language: ko-KR",
    "Content-Language: ko",
    "X-Token: 1",
    "Authorization: Bearer abc",
    "X-Requested-With: XMLHttpRequest",
    "Range: bytes=0-99",
];

/// Why a request is not simple, in the current language (the model's
/// [`cors::Reason`] says which rule; its own text is the demo's).
fn reason(r: &cors::Reason) -> String {
    match r {
        cors::Reason::Method { method } => {
            crate::tr!("exercise-cors-reason-method", method = method.as_str())
        }
        cors::Reason::Header { name, .. } => {
            crate::tr!("exercise-cors-reason-header", name = name.as_str())
        }
        cors::Reason::ContentType { value } => {
            crate::tr!("exercise-cors-reason-content-type", value = value.as_str())
        }
    }
}

/// Which condition of the CORS check (Fetch §4.10) a response fails, in
/// the order [`cors::cors_check`] tests them (a test keeps the two agreeing).
fn check_failure(origin: &str, credentials: bool, allow_origin: &str) -> String {
    if allow_origin == "none" {
        crate::tr!("exercise-cors-fails-no-allow-origin")
    } else if allow_origin == "*" && credentials {
        crate::tr!("exercise-cors-fails-star-with-credentials")
    } else if allow_origin != "*" && allow_origin != origin {
        crate::tr!(
            "exercise-cors-fails-other-origin",
            allowed = format!("{allow_origin:?}"),
            origin = format!("{origin:?}")
        )
    } else {
        crate::tr!("exercise-cors-fails-no-allow-credentials")
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn solve_preflight(p: &Value) -> Result<Solved, ExerciseError> {
    let name = PREFLIGHT.name;
    let method = param_str(name, p, "method")?;
    let (headers, content_type) = headers_param(name, p)?;
    let content_type = content_type.as_deref();
    let reasons = cors::preflight_reasons(method, &headers, content_type);
    let needs = cors::needs_preflight(method, &headers, content_type);
    let shown: Vec<String> = headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
    let none = crate::tr!("exercise-cors-none");
    let request = crate::tr!(
        "exercise-cors-request",
        method = method,
        target = cors::TARGET,
        headers = shown.join("; "),
        content_type = content_type.unwrap_or(&none)
    );
    let mut demo = vec!["cors".to_string(), "--method".into(), method.into()];
    for h in &shown {
        demo.extend(["--header".into(), h.clone()]);
    }
    if let Some(ct) = content_type {
        demo.extend(["--content-type".into(), ct.into()]);
    }
    let explanation = if reasons.is_empty() {
        crate::tr!("exercise-cors-preflight-simple")
    } else {
        let why: Vec<String> = reasons.iter().map(reason).collect();
        crate::tr!(
            "exercise-cors-preflight-not-simple",
            reasons = why.join(", ")
        )
    };
    let answer = yes_no(needs);
    Ok(Solved {
        question: crate::tr!(
            "exercise-cors-preflight-question",
            page = cors::PAGE,
            request = request
        ),
        answer: answer.into(),
        expect: Expect::Words(vec![answer.into()]),
        explanation,
        demo,
    })
}

/// The headers a script sets, as `(name, value)`.
type Headers = Vec<(String, String)>;

fn headers_param(
    name: &'static str,
    p: &Value,
) -> Result<(Headers, Option<String>), ExerciseError> {
    let raw = param(name, p, "headers")?
        .as_array()
        .ok_or_else(|| bad(name, p, "headers is not a list".into()))?;
    let mut headers = Vec::new();
    for h in raw {
        let h = h
            .as_str()
            .and_then(|h| h.split_once(':'))
            .ok_or_else(|| bad(name, p, format!("header {h} is not \"Name: value\"")))?;
        headers.push((h.0.trim().to_string(), h.1.trim().to_string()));
    }
    let content_type = match param(name, p, "content_type")? {
        Value::Null => None,
        v => Some(
            v.as_str()
                .ok_or_else(|| bad(name, p, "content_type is not a string".into()))?
                .to_string(),
        ),
    };
    Ok((headers, content_type))
}

fn solve_request_headers(p: &Value) -> Result<Solved, ExerciseError> {
    let name = REQUEST_HEADERS.name;
    let (headers, content_type) = headers_param(name, p)?;
    let value = cors::request_headers_value(&headers, content_type.as_deref());
    if value.is_empty() {
        return Err(bad(name, p, "every header is safelisted".into()));
    }
    let shown: Vec<String> = headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
    let none = crate::tr!("exercise-cors-none");
    let ct = content_type.as_deref().unwrap_or(&none);
    let mut demo = vec!["cors".to_string(), "--method".into(), "PUT".into()];
    for h in &shown {
        demo.extend(["--header".into(), h.clone()]);
    }
    if let Some(ct) = &content_type {
        demo.extend(["--content-type".into(), ct.clone()]);
    }
    Ok(Solved {
        question: crate::tr!(
            "exercise-cors-request-headers-question",
            headers = shown.join("; "),
            content_type = ct
        ),
        answer: value.clone(),
        expect: Expect::Words(vec![value.clone()]),
        explanation: crate::tr!(
            "exercise-cors-request-headers-explanation",
            value = value.as_str()
        ),
        demo,
    })
}

fn solve_preflight_cache(p: &Value) -> Result<Solved, ExerciseError> {
    let name = PREFLIGHT_CACHE.name;
    let max_age = match param(name, p, "max_age")? {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| bad(name, p, "max_age is not a number".into()))?,
        ),
    };
    let secs = cors::cache_seconds(max_age);
    let header = match max_age {
        None => crate::tr!("exercise-cors-no-max-age"),
        Some(n) => format!("Access-Control-Max-Age: {n}"),
    };
    let mut demo = vec!["cors".to_string(), "--method".into(), "DELETE".into()];
    if let Some(n) = max_age {
        demo.extend(["--max-age".into(), n.to_string()]);
    }
    Ok(Solved {
        question: crate::tr!("exercise-cors-preflight-cache-question", header = header),
        answer: secs.to_string(),
        expect: Expect::Number(u64::from(secs)),
        explanation: crate::tr!(
            "exercise-cors-preflight-cache-explanation",
            secs = secs.to_string()
        ),
        demo,
    })
}

fn solve_credentials(p: &Value) -> Result<Solved, ExerciseError> {
    let name = CREDENTIALS.name;
    let bool_param = |k: &str| {
        param(name, p, k)?
            .as_bool()
            .ok_or_else(|| bad(name, p, format!("{k:?} is not true or false")))
    };
    let credentials = bool_param("credentials")?;
    let allow_credentials = bool_param("allow_credentials")?;
    let allow_origin = param_str(name, p, "allow_origin")?;
    let origin = cors::PAGE.trim_end_matches('/');
    let verdict = cors::cors_check(
        origin,
        credentials,
        (allow_origin != "none").then_some(allow_origin),
        allow_credentials.then_some("true"),
    );
    let answer = yes_no(verdict.is_ok());
    let header = if allow_origin == "none" {
        crate::tr!("exercise-cors-no-allow-origin")
    } else {
        format!("Access-Control-Allow-Origin: {allow_origin}")
    };
    let ac = if allow_credentials {
        ", Access-Control-Allow-Credentials: true"
    } else {
        ""
    };
    let mut demo = vec![
        "cors".to_string(),
        "--allow-origin".into(),
        allow_origin.into(),
    ];
    if credentials {
        demo.push("--credentials".into());
    }
    if allow_credentials {
        demo.push("--allow-credentials".into());
    }
    Ok(Solved {
        question: crate::tr!(
            "exercise-cors-credentials-question",
            origin = origin,
            target = cors::TARGET,
            credentials = if credentials {
                crate::tr!("exercise-cors-credentials-include")
            } else {
                crate::tr!("exercise-cors-credentials-omit")
            },
            header = format!("{header}{ac}")
        ),
        answer: answer.into(),
        expect: Expect::Words(vec![answer.into()]),
        explanation: match verdict {
            Ok(()) => crate::tr!("exercise-cors-check-passes"),
            Err(_) => crate::tr!(
                "exercise-cors-check-fails",
                why = check_failure(origin, credentials, allow_origin)
            ),
        },
        demo,
    })
}

fn solve_redirect_method(p: &Value) -> Result<Solved, ExerciseError> {
    let name = REDIRECT_METHOD.name;
    let status = param_u64(name, p, "status")?;
    let method = param_str(name, p, "method")?;
    let status = u16::try_from(status)
        .ok()
        .filter(|s| (300..400).contains(s))
        .ok_or_else(|| bad(name, p, format!("status {status} is not a 3xx")))?;
    let next = http::redirect_method(status, method);
    Ok(Solved {
        question: crate::tr!(
            "exercise-http-redirect-method-question",
            status = status.to_string(),
            method = method
        ),
        answer: next.clone(),
        expect: Expect::Words(vec![next.clone()]),
        explanation: crate::tr!(
            "exercise-http-redirect-method-explanation",
            status = status.to_string(),
            method = method,
            next = next.as_str()
        ),
        demo: vec!["http".into(), "--mode".into(), "redirect".into()],
    })
}

fn solve_cache(p: &Value) -> Result<Solved, ExerciseError> {
    let name = CACHE.name;
    let cc = param_str(name, p, "cache_control")?;
    let stored = param(name, p, "stored")?
        .as_bool()
        .ok_or_else(|| bad(name, p, "stored is not true or false".into()))?;
    let age = param_u64(name, p, "age")?;
    let age = u32::try_from(age).map_err(|_| bad(name, p, "age is too large".into()))?;
    let action = http::cache_action(cc, stored, age);
    let (answer, why) = match action {
        http::CacheAction::FromCache => ("cache", crate::tr!("exercise-http-cache-why-fresh")),
        http::CacheAction::Revalidate => (
            "revalidate",
            crate::tr!("exercise-http-cache-why-revalidate"),
        ),
        http::CacheAction::Fetch => ("fetch", crate::tr!("exercise-http-cache-why-fetch")),
    };
    let state = if stored {
        crate::tr!("exercise-http-cache-stored", age = age.to_string())
    } else {
        crate::tr!("exercise-http-cache-nothing-stored")
    };
    let words = match action {
        http::CacheAction::FromCache => vec!["cache", "from cache", "fresh"],
        http::CacheAction::Revalidate => vec!["revalidate", "304", "conditional"],
        http::CacheAction::Fetch => vec!["fetch", "200", "full"],
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-http-cache-question",
            cache_control = cc,
            state = state
        ),
        answer: answer.into(),
        expect: Expect::Words(words.into_iter().map(String::from).collect()),
        explanation: format!("{why} → {answer}"),
        demo: vec!["http".into(), "--mode".into(), "cache".into()],
    })
}

fn solve_h2_stream_id(p: &Value) -> Result<Solved, ExerciseError> {
    let name = H2_STREAM_ID.name;
    let n = param_u64(name, p, "request")?;
    let n = u32::try_from(n)
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or_else(|| bad(name, p, "request must be 1 to 1000".into()))?;
    let id = http::client_stream_id(n - 1);
    Ok(Solved {
        question: crate::tr!("exercise-http-h2-stream-id-question", request = n),
        answer: id.to_string(),
        expect: Expect::Number(u64::from(id)),
        explanation: crate::tr!(
            "exercise-http-h2-stream-id-explanation",
            request = n,
            id = id.to_string()
        ),
        demo: vec!["http".into()],
    })
}

fn solve_who_answers(p: &Value) -> Result<Solved, ExerciseError> {
    let name = WHO_ANSWERS.name;
    let qname = param_str(name, p, "qname")?;
    let cached = param(name, p, "cached")?
        .as_bool()
        .ok_or_else(|| bad(name, p, "cached is not true or false".into()))?;
    let qn = Name::from_str(qname).map_err(|e| bad(name, p, format!("qname: {e}")))?;
    let servers = zone::parse(zone::ZONES).map_err(|e| bad(name, p, e))?;
    // The resolver's walk from the root, each server answering from its zone
    // data, until one answers with AA set (RFC 1034 §4.3.2).
    let mut at = servers
        .iter()
        .position(|s| s.role == "root")
        .ok_or_else(|| bad(name, p, "no root server".into()))?;
    let mut path = Vec::new();
    let authoritative = loop {
        let s = &servers[at];
        path.push(format!("{} ({})", s.host, s.role));
        if path.len() > 8 {
            return Err(bad(name, p, "a referral loop".into()));
        }
        let mut query = Message::query();
        query.add_query(Query::query(qn.clone(), RecordType::A));
        let reply = s.answer(&query, 0, false);
        if reply.metadata.authoritative {
            break s;
        }
        let next = reply.authorities.iter().find_map(|r| match &r.data {
            RData::NS(NS(host)) => servers.iter().position(|s| s.host == *host),
            _ => None,
        });
        at = next.ok_or_else(|| bad(name, p, format!("{} gave no referral", s.host)))?;
    };
    let host = authoritative.host.to_string();
    let host = host.trim_end_matches('.');
    let (answer, expect, why) = if cached {
        (
            "cache".to_string(),
            vec!["cache".to_string(), "recursive".into(), "resolver".into()],
            crate::tr!(
                "exercise-dns-who-answers-why-cache",
                path = path.join(" → ")
            ),
        )
    } else {
        (
            format!("{host} ({})", authoritative.role),
            vec![
                host.to_string(),
                authoritative.role.clone(),
                format!("{host} {}", authoritative.role),
            ],
            crate::tr!(
                "exercise-dns-who-answers-why-authoritative",
                host = host,
                zone = authoritative.apex.to_string(),
                path = path.join(" → ")
            ),
        )
    };
    let mut demo = vec!["dns".to_string(), qname.trim_end_matches('.').to_string()];
    if cached {
        demo.extend(["--after".into(), "10".into()]);
    }
    let cache = if cached {
        crate::tr!("exercise-dns-who-answers-cached")
    } else {
        crate::tr!("exercise-dns-who-answers-empty")
    };
    Ok(Solved {
        question: crate::tr!(
            "exercise-dns-who-answers-question",
            qname = qname,
            cache = cache
        ),
        answer,
        expect: Expect::Words(expect),
        explanation: why,
        demo,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preflight_by_hand() {
        let pf = |m: &str, h: Value, ct: Value| {
            solve_preflight(&json!({"method": m, "headers": h, "content_type": ct}))
                .unwrap()
                .answer
        };
        assert_eq!(pf("GET", json!([]), Value::Null), "no");
        assert_eq!(pf("PUT", json!([]), Value::Null), "yes");
        assert_eq!(pf("POST", json!([]), json!("application/json")), "yes");
        assert_eq!(
            pf(
                "POST",
                json!(["Accept: application/json"]),
                json!("text/plain")
            ),
            "no"
        );
        assert_eq!(pf("GET", json!(["X-Token: 1"]), Value::Null), "yes");
        let rh = solve_request_headers(&json!({
            "headers": ["X-Token: 1", "Authorization: Bearer abc", "Accept: text/html"],
            "content_type": "application/json"
        }))
        .unwrap();
        assert_eq!(rh.answer, "authorization,content-type,x-token");
        let pc = |m: Value| {
            solve_preflight_cache(&json!({"max_age": m}))
                .unwrap()
                .answer
        };
        assert_eq!(
            (pc(Value::Null), pc(json!(86400))),
            ("5".into(), "7200".to_string())
        );
    }

    #[test]
    fn credentials_redirects_caches_streams_by_hand() {
        let c = |cr: bool, ao: &str, ac: bool| {
            solve_credentials(
                &json!({"credentials": cr, "allow_origin": ao, "allow_credentials": ac}),
            )
            .unwrap()
            .answer
        };
        assert_eq!(c(false, "*", false), "yes");
        assert_eq!(c(true, "*", true), "no");
        assert_eq!(c(true, "https://app.example", true), "yes");
        assert_eq!(c(true, "https://app.example", false), "no");
        let r = |s: u64, m: &str| {
            solve_redirect_method(&json!({"status": s, "method": m}))
                .unwrap()
                .answer
        };
        assert_eq!(r(302, "POST"), "GET");
        assert_eq!(r(307, "POST"), "POST");
        assert_eq!(r(303, "PUT"), "GET");
        assert_eq!(r(301, "PUT"), "PUT");
        let k = |cc: &str, stored: bool, age: u64| {
            solve_cache(&json!({"cache_control": cc, "stored": stored, "age": age}))
                .unwrap()
                .answer
        };
        assert_eq!(k("max-age=60", true, 10), "cache");
        assert_eq!(k("max-age=60", true, 60), "revalidate");
        assert_eq!(k("no-store", true, 0), "fetch");
        let h = |n: u64| solve_h2_stream_id(&json!({"request": n})).unwrap().answer;
        assert_eq!((h(1), h(3)), ("1".to_string(), "5".to_string()));
    }

    /// The explanation names the condition the model's CORS check failed
    /// on: in Korean it is the model's own sentence.
    #[test]
    fn check_failures_are_the_models() {
        let origin = cors::PAGE.trim_end_matches('/');
        for credentials in [false, true] {
            for allow_credentials in [false, true] {
                for allow_origin in ["*", "https://app.example", "https://other.example", "none"] {
                    let (verdict, ours) = crate::i18n::with_lang(crate::i18n::Lang::Ko, || {
                        let verdict = cors::cors_check(
                            origin,
                            credentials,
                            (allow_origin != "none").then_some(allow_origin),
                            allow_credentials.then_some("true"),
                        );
                        (verdict, check_failure(origin, credentials, allow_origin))
                    });
                    if let Err(why) = verdict {
                        assert_eq!(
                            ours, why,
                            "{credentials} {allow_origin} {allow_credentials}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn who_answers_by_hand() {
        let w = |q: &str, cached: bool| {
            solve_who_answers(&json!({"qname": q, "cached": cached}))
                .unwrap()
                .answer
        };
        assert_eq!(
            w("www.example.com.", false),
            "ns1.example.com (authoritative)"
        );
        assert_eq!(
            w("nope.example.com.", false),
            "ns1.example.com (authoritative)"
        );
        assert_eq!(w("com.", false), "a.gtld-servers.test (tld)");
        assert_eq!(w("example.org.", false), "a.root-servers.test (root)");
        assert_eq!(w("www.example.com.", true), "cache");
    }
}
