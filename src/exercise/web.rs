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
    title: "CORS preflight(OPTIONS)가 가는 요청: 안전 목록 밖의 메서드, 헤더, Content-Type",
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
    title: "CORS 응답 검사: 자격 증명(credentials)을 보낸 요청에는 Access-Control-Allow-Origin: * 불가",
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
    title: "redirect 다음 요청의 메서드 (301·302: POST→GET, 303: GET, 307·308: 그대로)",
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
    title: "HTTP cache: 저장된 응답을 그대로 쓰는가, 재검증(304)하는가, 새로 받는가 (RFC 9111)",
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
    title: "HTTP/2 stream id: client 쪽 stream id는 1부터 홀수",
    params: |d| json!({ "request": 1 + d.below(12) }),
    solve: solve_h2_stream_id,
};

pub const WHO_ANSWERS: Template = Template {
    name: "dns/who-answers",
    demo: "dns",
    title: "DNS: 최종 답의 출처 (root, TLD, 도메인의 name server 가운데 authoritative 쪽, 또는 resolver의 cache)",
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
    title: "preflight의 Access-Control-Request-Headers: 안전 목록 밖의 헤더 이름, 소문자, 정렬",
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
    title: "preflight 결과를 얼마나 재사용하는가: Access-Control-Max-Age (없으면 5초, Chromium은 최대 2시간)",
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
    let request = format!(
        "{method} {}, 헤더 [{}], Content-Type {}",
        cors::TARGET,
        shown.join("; "),
        content_type.unwrap_or("없음")
    );
    let request_en = format!(
        "{method} {}, headers [{}], Content-Type {}",
        cors::TARGET,
        shown.join("; "),
        content_type.unwrap_or("none")
    );
    let mut demo = vec!["cors".to_string(), "--method".into(), method.into()];
    for h in &shown {
        demo.extend(["--header".into(), h.clone()]);
    }
    if let Some(ct) = content_type {
        demo.extend(["--content-type".into(), ct.into()]);
    }
    let explanation = if reasons.is_empty() {
        "단순 요청(simple request): 메서드 GET/HEAD/POST 가운데 하나, 헤더 모두 CORS-safelisted, Content-Type 없음 또는 폼 세 가지 가운데 하나 → preflight 없이 바로 보냅니다 (Fetch)".to_string()
    } else {
        let why: Vec<String> = reasons.iter().map(cors::Reason::korean).collect();
        format!(
            "단순 요청이 아닙니다 → 먼저 OPTIONS preflight: {}",
            why.join(", ")
        )
    };
    let answer = yes_no(needs);
    Ok(Solved {
        question: format!(
            "{} 의 페이지가 fetch로 다음 cross-origin 요청을 보냅니다: {request}. 브라우저가 먼저 preflight(OPTIONS)를 보냅니까? (yes/no)",
            cors::PAGE
        ),
        question_en: format!(
            "A page at {} sends this cross-origin request with fetch: {request_en}. Does the browser send a preflight (OPTIONS) first? (yes/no)",
            cors::PAGE
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
    let ct = content_type.as_deref().unwrap_or("없음");
    let mut demo = vec!["cors".to_string(), "--method".into(), "PUT".into()];
    for h in &shown {
        demo.extend(["--header".into(), h.clone()]);
    }
    if let Some(ct) = &content_type {
        demo.extend(["--content-type".into(), ct.clone()]);
    }
    Ok(Solved {
        question: format!(
            "스크립트에서 PUT 요청에 헤더 [{}], Content-Type {ct} 설정. preflight의 Access-Control-Request-Headers 값은? (Fetch 표기: 소문자, 정렬, 쉼표)",
            shown.join("; ")
        ),
        question_en: format!(
            "A script sends a PUT with headers [{}] and Content-Type {}. What is the preflight's Access-Control-Request-Headers? (as Fetch writes it: lower case, sorted, commas)",
            shown.join("; "),
            content_type.as_deref().unwrap_or("none")
        ),
        answer: value.clone(),
        expect: Expect::Words(vec![value.clone()]),
        explanation: format!(
            "CORS-safelisted가 아닌 헤더 이름만 (폼 세 가지 밖의 Content-Type 포함), 소문자로 정렬해 쉼표로 (Fetch §4.8) → {value}"
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
        None => "Access-Control-Max-Age 헤더 없음".to_string(),
        Some(n) => format!("Access-Control-Max-Age: {n}"),
    };
    let header_en = match max_age {
        None => "no Access-Control-Max-Age".to_string(),
        Some(n) => format!("Access-Control-Max-Age: {n}"),
    };
    let mut demo = vec!["cors".to_string(), "--method".into(), "DELETE".into()];
    if let Some(n) = max_age {
        demo.extend(["--max-age".into(), n.to_string()]);
    }
    Ok(Solved {
        question: format!(
            "preflight 응답: {header}. 같은 요청의 preflight 결과를 브라우저(Chromium)에서 몇 초 동안 재사용합니까?"
        ),
        question_en: format!(
            "The preflight response has {header_en}. For how many seconds does the browser (Chromium) reuse the result for the same request?"
        ),
        answer: secs.to_string(),
        expect: Expect::Number(u64::from(secs)),
        explanation: format!("Fetch: Max-Age 없음 → 5초, Chromium 상한 7200초(2시간) → {secs}초"),
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
        "Access-Control-Allow-Origin 헤더 없음".to_string()
    } else {
        format!("Access-Control-Allow-Origin: {allow_origin}")
    };
    let header_en = if allow_origin == "none" {
        "no Access-Control-Allow-Origin".to_string()
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
        question: format!(
            "{origin} 의 페이지가 {} 에 GET을 보냅니다 (credentials: {}). 응답: {header}{ac}. 스크립트가 응답을 읽을 수 있습니까? (yes/no)",
            cors::TARGET,
            if credentials {
                "\"include\", cookie 포함"
            } else {
                "보내지 않음"
            }
        ),
        question_en: format!(
            "A page at {origin} GETs {} (credentials: {}). The response has {header_en}{ac}. May the script read the response? (yes/no)",
            cors::TARGET,
            if credentials { "include" } else { "omit" }
        ),
        answer: answer.into(),
        expect: Expect::Words(vec![answer.into()]),
        explanation: match verdict {
            Ok(()) => "CORS 검사 통과 (Fetch §4.10)".to_string(),
            Err(why) => format!("CORS 검사 실패 (Fetch §4.10): {why}"),
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
        question: format!(
            "브라우저의 {method} 요청에 돌아온 응답: {status} (Location 포함). Location 주소로 보내는 다음 요청의 메서드는?"
        ),
        question_en: format!(
            "A browser gets a {status} (with a Location) in answer to a {method}. Which method does the redirected request use?"
        ),
        answer: next.clone(),
        expect: Expect::Words(vec![next.clone()]),
        explanation: format!(
            "RFC 9110 §15.4와 Fetch. 301, 302: POST만 GET (역사적 동작), 303: HEAD 말고 모두 GET, 307, 308: 메서드와 body 그대로 → {status} {method} → {next}"
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
        http::CacheAction::FromCache => (
            "cache",
            "fresh (age < max-age): 저장된 응답을 그대로 씁니다 (RFC 9111 §4.2)",
        ),
        http::CacheAction::Revalidate => (
            "revalidate",
            "stale 또는 no-cache: If-None-Match(ETag) 헤더와 함께 조건부 요청, 바뀌지 않았으면 304 Not Modified (RFC 9111 §4.3)",
        ),
        http::CacheAction::Fetch => (
            "fetch",
            "저장된 응답이 없거나 no-store: 전체 요청을 보냅니다 (RFC 9111 §3)",
        ),
    };
    let state = if stored {
        format!("{age}초 전에 받아 저장된 응답")
    } else {
        "저장된 응답 없음".to_string()
    };
    let state_en = if stored {
        format!("a response stored {age} s ago")
    } else {
        "nothing stored".to_string()
    };
    let words = match action {
        http::CacheAction::FromCache => vec!["cache", "from cache", "fresh"],
        http::CacheAction::Revalidate => vec!["revalidate", "304", "conditional"],
        http::CacheAction::Fetch => vec!["fetch", "200", "full"],
    };
    Ok(Solved {
        question: format!(
            "브라우저 cache: Cache-Control: {cc}, {state}. 같은 URL을 다시 요청하면? (cache: 그대로 씀 / revalidate: 조건부 요청, 304 / fetch: 전체 요청)"
        ),
        question_en: format!(
            "A browser cache holds Cache-Control: {cc}, {state_en}. The same URL is requested again: cache (use it), revalidate (conditional request, 304) or fetch (full request)?"
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
        question: format!(
            "새 HTTP/2 연결에서 client 쪽의 {n}번째 요청: 그 stream id는? (server push 없음)"
        ),
        question_en: format!(
            "On a new HTTP/2 connection, what is the stream id of the client's request number {n}? (no server push)"
        ),
        answer: id.to_string(),
        expect: Expect::Number(u64::from(id)),
        explanation: format!(
            "RFC 9113 §5.1.1: client 쪽 stream id는 홀수, 1부터 2씩 증가 (stream 0: 연결 전체, 짝수: server 쪽) → 2·{n} − 1 = {id}"
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
            format!(
                "TTL 안에서는 recursive resolver의 cache에서 답합니다 (NXDOMAIN 같은 부정 응답도 SOA MINIMUM 동안, RFC 2308). cache의 답: authoritative 아님 (AA 비트 없음). cache 없이 묻는 경로: {}",
                path.join(" → ")
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
            format!(
                "referral 따라 내려가면 {host} 서버에서 자기 zone {}의 data에 따라 AA 비트를 켜고 답합니다: {}",
                authoritative.apex,
                path.join(" → ")
            ),
        )
    };
    let mut demo = vec!["dns".to_string(), qname.trim_end_matches('.').to_string()];
    if cached {
        demo.extend(["--after".into(), "10".into()]);
    }
    let cache_ko = if cached {
        "resolver: 10초 전에 같은 이름을 조회함 (모든 TTL 남아 있음)"
    } else {
        "resolver의 cache: 비어 있음"
    };
    let cache_en = if cached {
        "the resolver looked the same name up 10 s ago (every TTL is left)"
    } else {
        "the resolver's cache is empty"
    };
    Ok(Solved {
        question: format!(
            "stub resolver에서 recursive resolver에 {qname} A record 질의. {cache_ko}. 최종 답을 주는 쪽은? (root / tld / authoritative 또는 그 server 이름, 또는 cache) 서버: a.root-servers.test (root, .), a.gtld-servers.test (tld, com.), ns1.example.com (authoritative, example.com.)"
        ),
        question_en: format!(
            "A stub asks a recursive resolver for the A record of {qname}; {cache_en}. Who gives the final answer (root / tld / authoritative or the server's name, or cache)? Servers: a.root-servers.test (root, .), a.gtld-servers.test (tld, com.), ns1.example.com (authoritative, example.com.)"
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
