//! `synack demo cors`: the Fetch standard's CORS protocol, with a real HTTP
//! server on 127.0.0.1 and the browser's side played by this demo.
//!
//! The page's origin and the API's are fixed example origins
//! (`https://app.example` calling `https://api.example`), compared with the
//! uri demo's origin rule; the bytes really go to a loopback server on an
//! ephemeral port, whose `Access-Control-*` answers come from the server
//! options. The pure model ([`preflight_reasons`], [`needs_preflight`],
//! [`cors_check`], [`preflight_check`]) follows Fetch §3.2 (the CORS
//! protocol) and §4.8–4.10 (CORS-preflight fetch, cache and check); the runner
//! only moves bytes.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use clap::Parser;
use serde::Serialize;
use url::Url;

use crate::sim::trace::{Event, Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError, uri};

pub const DEMO: Demo = Demo {
    name: "cors",
    title: || crate::tr!("demo-cors-title"),
    summary: || crate::tr!("demo-cors-summary"),
    topics: &["CORS", "preflight", "Access-Control-Allow-Origin", "Fetch"],
    keywords: &[
        "cors",
        "preflight",
        "프리플라이트",
        "사전 요청",
        "access-control",
        "access-control-allow-origin",
        "교차 출처",
        "cross-origin",
    ],
    run,
};

/// The page that makes the request.
pub const PAGE: &str = "https://app.example/";
/// The API it calls.
pub const TARGET: &str = "https://api.example/data";

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-cors-examples"))
}

const EXAMPLES: &str = "
  synack demo cors
  synack demo cors --method PUT
  synack demo cors --method POST --content-type application/json --header 'X-Token: 1'
  synack demo cors --credentials --allow-origin '*'
  synack demo cors --method DELETE --max-age 10 --again-after 30";

#[derive(Debug, Parser)]
#[command(
    name = "cors",
    about = crate::tr!("demo-cors-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_name = "METHOD", default_value = "GET",
          help = crate::tr!("demo-cors-opt-method"))]
    method: String,
    #[arg(long = "header", value_name = "NAME: VALUE",
          help = crate::tr!("demo-cors-opt-header"))]
    headers: Vec<String>,
    #[arg(long, value_name = "MIME", help = crate::tr!("demo-cors-opt-content-type"))]
    content_type: Option<String>,
    #[arg(long, help = crate::tr!("demo-cors-opt-credentials"))]
    credentials: bool,
    #[arg(long, value_name = "ORIGIN", default_value = "https://app.example",
          help = crate::tr!("demo-cors-opt-allow-origin"))]
    allow_origin: String,
    #[arg(long, value_name = "LIST", default_value = "GET, POST, PUT",
          help = crate::tr!("demo-cors-opt-allow-methods"))]
    allow_methods: String,
    #[arg(long, value_name = "LIST", default_value = "Content-Type",
          help = crate::tr!("demo-cors-opt-allow-headers"))]
    allow_headers: String,
    #[arg(long, help = crate::tr!("demo-cors-opt-allow-credentials"))]
    allow_credentials: bool,
    #[arg(long, value_name = "SECONDS", default_value_t = 600,
          help = crate::tr!("demo-cors-opt-max-age"))]
    max_age: u32,
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          help = crate::tr!("demo-cors-opt-again-after"))]
    again_after: u32,
    #[command(flatten)]
    common: Common,
}

// ---------------------------------------------------------------- the model

/// Why a request is not simple (Fetch §3.2.2–3.2.3, §4.1 step "use-CORS-preflight").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Reason {
    /// Not GET, HEAD or POST (a CORS-safelisted method).
    Method { method: String },
    /// A header that is not CORS-safelisted (by name, or by its value).
    Header { name: String, why: HeaderWhy },
    /// A Content-Type whose essence is not one of the three form types.
    ContentType { value: String },
}

/// Why a header is not CORS-safelisted (Fetch §2.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeaderWhy {
    /// Its value is over 128 bytes.
    TooLong,
    /// Its value has a byte the header's rule does not allow.
    BadByte,
    /// A Range that is not one simple range.
    NotSimpleRange,
    /// Its name is not on the safelist.
    NotSafelisted,
    /// The safelisted headers together are over 1024 bytes.
    TotalTooLong,
}

impl HeaderWhy {
    /// The reason in the current language.
    pub fn explain(self) -> String {
        match self {
            HeaderWhy::TooLong => crate::tr!("demo-cors-why-too-long"),
            HeaderWhy::BadByte => crate::tr!("demo-cors-why-bad-byte"),
            HeaderWhy::NotSimpleRange => crate::tr!("demo-cors-why-range"),
            HeaderWhy::NotSafelisted => crate::tr!("demo-cors-why-name"),
            HeaderWhy::TotalTooLong => crate::tr!("demo-cors-why-total"),
        }
    }
}

impl Reason {
    /// The reason in the current language.
    pub fn explain(&self) -> String {
        match self {
            Reason::Method { method } => {
                crate::tr!("demo-cors-reason-method", method = method.as_str())
            }
            Reason::Header { name, why } => crate::tr!(
                "demo-cors-reason-header",
                name = name.as_str(),
                why = why.explain()
            ),
            Reason::ContentType { value } => {
                crate::tr!("demo-cors-reason-content-type", value = value.as_str())
            }
        }
    }

    /// The reason in Korean, whatever the language (the preflight exercise's
    /// explanation is Korean).
    pub fn korean(&self) -> String {
        crate::i18n::with_lang(crate::i18n::Lang::Ko, || self.explain())
    }
}

/// Fetch normalizes these six methods' case (§2.2.1 "normalize a method").
pub fn normalize_method(m: &str) -> String {
    const KNOWN: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(m))
        .map_or_else(|| m.to_string(), |k| k.to_string())
}

/// Bytes that make a safelisted header's value unsafe (Fetch §2.2.2).
fn unsafe_byte(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f || b"\"():<>?@[\\]{}".contains(&b)
}

const FORM_TYPES: [&str; 3] = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
];

/// The essence (`type/subtype`, lower-cased) of a MIME type.
fn essence(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether `name: value` is a CORS-safelisted request-header, and if not why
/// (Fetch §2.2.2 "CORS-safelisted request-header"). Content-Type is judged
/// by [`Reason::ContentType`], not here.
fn header_unsafe_why(name: &str, value: &str) -> Option<HeaderWhy> {
    let lower = name.to_ascii_lowercase();
    if value.len() > 128 {
        return Some(HeaderWhy::TooLong);
    }
    match lower.as_str() {
        "accept" => value.bytes().any(unsafe_byte).then_some(HeaderWhy::BadByte),
        "accept-language" | "content-language" => value
            .bytes()
            .any(|b| !(b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)))
            .then_some(HeaderWhy::BadByte),
        "range" => {
            let ok = value
                .strip_prefix("bytes=")
                .and_then(|r| r.split_once('-'))
                .is_some_and(|(a, b)| {
                    !a.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                });
            (!ok).then_some(HeaderWhy::NotSimpleRange)
        }
        _ => Some(HeaderWhy::NotSafelisted),
    }
}

/// Headers a script cannot set: the browser drops them (Fetch §2.2.2
/// "forbidden request-header").
pub fn forbidden_header(name: &str) -> bool {
    const NAMES: [&str; 21] = [
        "accept-charset",
        "accept-encoding",
        "access-control-request-headers",
        "access-control-request-method",
        "connection",
        "content-length",
        "cookie",
        "cookie2",
        "date",
        "dnt",
        "expect",
        "host",
        "keep-alive",
        "origin",
        "referer",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "via",
    ];
    let lower = name.to_ascii_lowercase();
    NAMES.contains(&lower.as_str()) || lower.starts_with("proxy-") || lower.starts_with("sec-")
}

/// Everything that makes the request need a preflight, in order: the
/// method, then each header, then the Content-Type. Empty: a simple request.
pub fn preflight_reasons(
    method: &str,
    headers: &[(String, String)],
    content_type: Option<&str>,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let method = normalize_method(method);
    if !["GET", "HEAD", "POST"].contains(&method.as_str()) {
        reasons.push(Reason::Method { method });
    }
    let mut safelisted_len = 0;
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("content-type") {
            continue;
        }
        match header_unsafe_why(name, value) {
            Some(why) => reasons.push(Reason::Header {
                name: name.clone(),
                why,
            }),
            None => safelisted_len += name.len() + value.len(),
        }
    }
    let content_type = content_type.or_else(|| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.as_str())
    });
    if let Some(ct) = content_type {
        if ct.len() > 128
            || ct.bytes().any(unsafe_byte)
            || !FORM_TYPES.contains(&essence(ct).as_str())
        {
            reasons.push(Reason::ContentType {
                value: ct.to_string(),
            });
        } else {
            safelisted_len += "content-type".len() + ct.len();
        }
    }
    // §2.2.2: safelisted headers together over 1024 bytes stop being safe.
    if safelisted_len > 1024 {
        reasons.push(Reason::Header {
            name: crate::tr!("demo-cors-all-safelisted"),
            why: HeaderWhy::TotalTooLong,
        });
    }
    reasons
}

/// Whether the request needs a CORS preflight (a non-simple request).
pub fn needs_preflight(
    method: &str,
    headers: &[(String, String)],
    content_type: Option<&str>,
) -> bool {
    !preflight_reasons(method, headers, content_type).is_empty()
}

/// The value of `Access-Control-Request-Headers`: the CORS-unsafe header
/// names, lower-cased, sorted, without repeats, comma-separated (Fetch §4.8).
pub fn request_headers_value(headers: &[(String, String)], content_type: Option<&str>) -> String {
    let mut names: Vec<String> = preflight_reasons("GET", headers, content_type)
        .into_iter()
        .filter_map(|r| match r {
            Reason::Header { name, .. } if !name.starts_with('(') => Some(name),
            Reason::ContentType { .. } => Some("content-type".into()),
            _ => None,
        })
        .map(|n| n.to_ascii_lowercase())
        .collect();
    names.sort();
    names.dedup();
    names.join(",")
}

/// The CORS check (Fetch §4.10) on a response's headers: `Ok` or why not.
pub fn cors_check(
    origin: &str,
    credentials: bool,
    allow_origin: Option<&str>,
    allow_credentials: Option<&str>,
) -> Result<(), String> {
    let Some(allow) = allow_origin else {
        return Err(crate::tr!("demo-cors-check-no-acao"));
    };
    if !credentials && allow == "*" {
        return Ok(());
    }
    if allow == "*" {
        return Err(crate::tr!("demo-cors-check-star-credentials"));
    }
    if allow != origin {
        return Err(crate::tr!(
            "demo-cors-check-other-origin",
            allow = format!("{allow:?}"),
            origin = format!("{origin:?}")
        ));
    }
    if credentials && allow_credentials != Some("true") {
        return Err(crate::tr!("demo-cors-check-no-acac"));
    }
    Ok(())
}

fn list(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The rest of the CORS-preflight fetch's checks (Fetch §4.8 steps 7.3–7.7),
/// after [`cors_check`] passed: the method and every unsafe header allowed.
pub fn preflight_check(
    method: &str,
    unsafe_headers: &[String],
    credentials: bool,
    allow_methods: Option<&str>,
    allow_headers: Option<&str>,
) -> Result<(), String> {
    let methods = list(allow_methods);
    let wildcard = |l: &[String]| !credentials && l.iter().any(|m| m == "*");
    let method = normalize_method(method);
    if !methods.contains(&method)
        && !["GET", "HEAD", "POST"].contains(&method.as_str())
        && !wildcard(&methods)
    {
        return Err(crate::tr!(
            "demo-cors-check-method",
            method = method.as_str()
        ));
    }
    let allowed = list(allow_headers);
    for name in unsafe_headers {
        let listed = allowed.iter().any(|a| a.eq_ignore_ascii_case(name));
        // `*` never covers Authorization (§4.8 step 7.7).
        if !listed && (name == "authorization" || !wildcard(&allowed)) {
            return Err(crate::tr!("demo-cors-check-header", name = name.as_str()));
        }
    }
    Ok(())
}

/// How long a preflight result is kept: the server's Max-Age, capped as
/// Chromium caps it (2 hours); Fetch's default is 5 s.
pub fn cache_seconds(max_age: Option<u32>) -> u32 {
    max_age.unwrap_or(5).min(7200)
}

// ---------------------------------------------------------------- the wire

/// What the server is configured to answer.
#[derive(Debug, Clone)]
struct ServerConfig {
    allow_origin: Option<String>,
    allow_methods: String,
    allow_headers: String,
    allow_credentials: bool,
    max_age: u32,
}

/// The page's browser and the API's server.
const LANES: [&str; 2] = ["browser", "api.example"];

const TIMEOUT: Duration = Duration::from_secs(2);

/// The step an I/O error happened in, in the current language: the web
/// demos name their socket steps with these English labels (`io("…")`),
/// one table of catalog ids so that each stays a literal.
pub(crate) fn io_label(what: &str) -> String {
    match what {
        "HTTP server" => crate::tr!("demo-cors-io-http-server"),
        "STUN client address" => crate::tr!("demo-cors-io-stun-client-address"),
        "STUN client timeout" => crate::tr!("demo-cors-io-stun-client-timeout"),
        "STUN server address" => crate::tr!("demo-cors-io-stun-server-address"),
        "STUN server timeout" => crate::tr!("demo-cors-io-stun-server-timeout"),
        "STUN server" => crate::tr!("demo-cors-io-stun-server"),
        "accepting" => crate::tr!("demo-cors-io-accepting"),
        "binding 127.0.0.1:0" => crate::tr!("demo-cors-io-binding-127-0-0-1-0"),
        "connecting" => crate::tr!("demo-cors-io-connecting"),
        "local address" => crate::tr!("demo-cors-io-local-address"),
        "nodelay" => crate::tr!("demo-cors-io-nodelay"),
        "reading a frame" => crate::tr!("demo-cors-io-reading-a-frame"),
        "reading the port" => crate::tr!("demo-cors-io-reading-the-port"),
        "reading the preface" => crate::tr!("demo-cors-io-reading-the-preface"),
        "reading the response" => crate::tr!("demo-cors-io-reading-the-response"),
        "reading" => crate::tr!("demo-cors-io-reading"),
        "sending the STUN Binding request" => {
            crate::tr!("demo-cors-io-sending-the-stun-binding-request")
        }
        "sending the request" => crate::tr!("demo-cors-io-sending-the-request"),
        "sending" => crate::tr!("demo-cors-io-sending"),
        "server read" => crate::tr!("demo-cors-io-server-read"),
        "server write" => crate::tr!("demo-cors-io-server-write"),
        "timeouts" => crate::tr!("demo-cors-io-timeouts"),
        "waiting for the STUN Binding response" => {
            crate::tr!("demo-cors-io-waiting-for-the-stun-binding-response")
        }
        other => other.to_string(),
    }
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

/// Reads one request head and its body (by Content-Length); returns the
/// method, or `None` for a connection closed without a request.
fn read_request(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    for _ in 0..64 {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut req = httparse::Request::new(&mut headers);
        if let Ok(httparse::Status::Complete(len)) = req.parse(&buf) {
            let method = req.method.unwrap_or_default().to_string();
            let hs: Vec<(String, String)> = req
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_string(),
                        String::from_utf8_lossy(h.value).into_owned(),
                    )
                })
                .collect();
            let body: usize = hs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            while buf.len() < len + body.min(4096) {
                let n = stream.read(&mut chunk)?;
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Ok(Some(method));
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(None)
}

/// The server: answers OPTIONS with its preflight headers and anything else
/// with a small JSON body, each on its own connection, until an empty one.
fn serve(listener: TcpListener, config: ServerConfig) -> Result<(), SimError> {
    for _ in 0..8 {
        let (mut stream, _) = listener.accept().map_err(io("accepting"))?;
        stream
            .set_read_timeout(Some(TIMEOUT))
            .map_err(io("timeouts"))?;
        stream
            .set_write_timeout(Some(TIMEOUT))
            .map_err(io("timeouts"))?;
        let Some(method) = read_request(&mut stream).map_err(io("server read"))? else {
            return Ok(());
        };
        let mut head = Vec::new();
        if method == "OPTIONS" {
            head.push("HTTP/1.1 204 No Content".to_string());
        } else {
            head.push("HTTP/1.1 200 OK".to_string());
        }
        if let Some(o) = &config.allow_origin {
            head.push(format!("Access-Control-Allow-Origin: {o}"));
        }
        if config.allow_credentials {
            head.push("Access-Control-Allow-Credentials: true".into());
        }
        let body = if method == "OPTIONS" {
            head.push(format!(
                "Access-Control-Allow-Methods: {}",
                config.allow_methods
            ));
            if !config.allow_headers.is_empty() {
                head.push(format!(
                    "Access-Control-Allow-Headers: {}",
                    config.allow_headers
                ));
            }
            head.push(format!("Access-Control-Max-Age: {}", config.max_age));
            String::new()
        } else {
            "{\"items\":3}".to_string()
        };
        head.push("Vary: Origin".into());
        if !body.is_empty() {
            head.push("Content-Type: application/json".into());
        }
        head.push(format!("Content-Length: {}", body.len()));
        head.push("Connection: close".into());
        let text = format!("{}\r\n\r\n{body}", head.join("\r\n"));
        stream
            .write_all(text.as_bytes())
            .map_err(io("server write"))?;
    }
    Ok(())
}

/// One exchange as it crossed the wire.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Exchange {
    pub(crate) request: String,
    pub(crate) response: String,
    #[serde(skip)]
    pub(crate) headers: Vec<(String, String)>,
}

impl Exchange {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` on a new connection and reads the whole response (the
/// session demo's browser uses it too).
pub(crate) fn fetch(addr: SocketAddr, request: String) -> Result<Exchange, SimError> {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(io("connecting"))?;
    stream
        .set_read_timeout(Some(TIMEOUT))
        .map_err(io("timeouts"))?;
    stream
        .set_write_timeout(Some(TIMEOUT))
        .map_err(io("timeouts"))?;
    stream
        .write_all(request.as_bytes())
        .map_err(io("sending"))?;
    let mut raw = Vec::new();
    stream
        .take(64 * 1024)
        .read_to_end(&mut raw)
        .map_err(io("reading the response"))?;
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut resp = httparse::Response::new(&mut headers);
    let head_len = match resp.parse(&raw) {
        Ok(httparse::Status::Complete(n)) => n,
        _ => {
            return Err(SimError::Invalid(crate::tr!("demo-cors-err-cut-short")));
        }
    };
    let headers = resp
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    Ok(Exchange {
        request,
        response: String::from_utf8_lossy(&raw[..head_len]).into_owned()
            + &String::from_utf8_lossy(&raw[head_len..]),
        headers,
    })
}

// ---------------------------------------------------------------- the run

#[derive(Debug, Serialize)]
struct Preflight {
    request: String,
    response: String,
}

#[derive(Debug, Serialize)]
struct Report {
    origin: String,
    target: String,
    simple: bool,
    preflight: Option<Preflight>,
    request: Option<String>,
    response: Option<String>,
    allowed: bool,
    reason: Option<String>,
}

fn parse_header(h: &str) -> Result<(String, String), SimError> {
    let (name, value) = h.split_once(':').ok_or_else(|| {
        SimError::Invalid(crate::tr!(
            "demo-cors-err-header-form",
            header = format!("{h:?}")
        ))
    })?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
        return Err(SimError::Invalid(crate::tr!(
            "demo-cors-err-header-name",
            header = format!("{h:?}"),
            name = format!("{name:?}")
        )));
    }
    let value = value.trim();
    if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-cors-err-value",
            option = "--header",
            value = format!("{h:?}")
        )));
    }
    Ok((name.to_string(), value.to_string()))
}

fn check_token(option: &str, v: &str) -> Result<(), SimError> {
    if v.is_empty()
        || !v
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"\"(),/:;<=>?@[\\]{}".contains(&b))
    {
        return Err(SimError::Invalid(crate::tr!(
            "demo-cors-err-method",
            option = option,
            value = format!("{v:?}")
        )));
    }
    Ok(())
}

fn check_value(option: &str, v: &str) -> Result<(), SimError> {
    if v.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-cors-err-value",
            option = option,
            value = format!("{v:?}")
        )));
    }
    Ok(())
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    check_token("--method", &args.method)?;
    for (o, v) in [
        ("--allow-origin", &args.allow_origin),
        ("--allow-methods", &args.allow_methods),
        ("--allow-headers", &args.allow_headers),
    ] {
        check_value(o, v)?;
    }
    if let Some(ct) = &args.content_type {
        check_value("--content-type", ct)?;
    }
    let mut headers = Vec::new();
    let mut dropped = Vec::new();
    for h in &args.headers {
        let (name, value) = parse_header(h)?;
        if forbidden_header(&name) {
            dropped.push(name);
        } else {
            headers.push((name, value));
        }
    }
    let method = normalize_method(&args.method);
    let page = Url::parse(PAGE).map_err(|e| SimError::Invalid(e.to_string()))?;
    let target = Url::parse(TARGET).map_err(|e| SimError::Invalid(e.to_string()))?;
    let origin = page.origin().ascii_serialization();
    let compare = uri::compare_origins(TARGET, &page, &target);
    let config = ServerConfig {
        allow_origin: (args.allow_origin != "none").then(|| args.allow_origin.clone()),
        allow_methods: args.allow_methods.clone(),
        allow_headers: args.allow_headers.clone(),
        allow_credentials: args.allow_credentials,
        max_age: args.max_age,
    };

    out.title(crate::tr!(
        "demo-cors-title-run",
        origin = origin.as_str(),
        target = TARGET
    ))?;
    out.fields(
        crate::tr!("demo-cors-compare"),
        vec![
            Field::new(0, crate::tr!("demo-cors-page"), origin.clone()),
            Field::new(
                0,
                crate::tr!("demo-cors-target"),
                target.origin().ascii_serialization(),
            ),
            Field::new(
                0,
                crate::tr!("demo-cors-result"),
                if compare.same_origin {
                    "same-origin".to_string()
                } else {
                    crate::tr!(
                        "demo-cors-cross-origin",
                        parts = compare.differs_in.join(", ")
                    )
                },
            ),
        ],
    )?;
    out.text(crate::tr!("demo-cors-loopback"))?;
    if !dropped.is_empty() {
        out.note(
            crate::tr!("demo-cors-dropped-label"),
            crate::tr!("demo-cors-dropped", names = dropped.join(", ")),
        )?;
    }

    // 1. Simple or not.
    let reasons = preflight_reasons(&method, &headers, args.content_type.as_deref());
    let simple = reasons.is_empty();
    out.heading(crate::tr!("demo-cors-step-simple"))?;
    let mut table = Table::new([
        crate::tr!("demo-cors-col-check"),
        crate::tr!("demo-cors-col-value"),
        crate::tr!("demo-cors-result"),
    ]);
    let needs = crate::tr!("demo-cors-needs-preflight");
    let safelisted = crate::tr!("demo-cors-safelisted");
    table.row([
        crate::tr!("demo-cors-method"),
        method.clone(),
        if reasons.iter().any(|r| matches!(r, Reason::Method { .. })) {
            needs.clone()
        } else {
            safelisted.clone()
        },
    ]);
    for (name, value) in &headers {
        if name.eq_ignore_ascii_case("content-type") && args.content_type.is_some() {
            continue;
        }
        let bad = if name.eq_ignore_ascii_case("content-type") {
            reasons
                .iter()
                .any(|r| matches!(r, Reason::ContentType { .. }))
        } else {
            reasons
                .iter()
                .any(|r| matches!(r, Reason::Header { name: n, .. } if n == name))
        };
        table.row([
            crate::tr!("demo-cors-header", name = name.as_str()),
            value.clone(),
            if bad {
                needs.clone()
            } else {
                safelisted.clone()
            },
        ]);
    }
    if let Some(ct) = &args.content_type {
        let bad = reasons
            .iter()
            .any(|r| matches!(r, Reason::ContentType { .. }));
        table.row([
            "Content-Type".to_string(),
            ct.clone(),
            if bad {
                needs.clone()
            } else {
                crate::tr!("demo-cors-form-type")
            },
        ]);
    }
    out.table(table)?;
    if simple {
        out.note(
            crate::tr!("demo-cors-verdict-label"),
            crate::tr!("demo-cors-verdict-simple"),
        )?;
    } else {
        let why: Vec<String> = reasons.iter().map(Reason::explain).collect();
        out.note(
            crate::tr!("demo-cors-verdict-label"),
            crate::tr!("demo-cors-verdict-preflight", reasons = why.join("; ")),
        )?;
    }

    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    let addr = listener.local_addr().map_err(io("reading the port"))?;
    let server = std::thread::spawn(move || serve(listener, config));
    let result = exchanges(out, addr, &args, &method, &headers, &origin, &reasons);
    // An empty connection ends the server's loop.
    let _ = TcpStream::connect_timeout(&addr, TIMEOUT);
    let served = server
        .join()
        .map_err(|_| SimError::Invalid(crate::tr!("demo-cors-err-thread")))?;
    let report = result?;
    served?;
    serde_json::to_value(&report).map_err(|e| SimError::Invalid(e.to_string()))
}

fn request_text(
    method: &str,
    origin: &str,
    headers: &[(String, String)],
    content_type: Option<&str>,
    credentials: bool,
) -> String {
    let mut lines = vec![
        format!("{method} /data HTTP/1.1"),
        "Host: api.example".to_string(),
        format!("Origin: {origin}"),
    ];
    for (n, v) in headers {
        lines.push(format!("{n}: {v}"));
    }
    if credentials {
        lines.push("Cookie: session=abc123".into());
    }
    // A body only with a type: a script's string body would get text/plain.
    let body = if content_type.is_some() {
        "{\"n\":1}"
    } else {
        ""
    };
    if let Some(ct) = content_type {
        lines.push(format!("Content-Type: {ct}"));
    }
    if !body.is_empty() {
        lines.push(format!("Content-Length: {}", body.len()));
    }
    lines.push("Connection: close".into());
    format!("{}\r\n\r\n{body}", lines.join("\r\n"))
}

fn preflight_text(method: &str, origin: &str, request_headers: &str) -> String {
    let mut lines = vec![
        "OPTIONS /data HTTP/1.1".to_string(),
        "Host: api.example".to_string(),
        format!("Origin: {origin}"),
        format!("Access-Control-Request-Method: {method}"),
    ];
    if !request_headers.is_empty() {
        lines.push(format!("Access-Control-Request-Headers: {request_headers}"));
    }
    lines.push("Connection: close".into());
    format!("{}\r\n\r\n", lines.join("\r\n"))
}

fn pre_lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

fn arrow(from: usize, to: usize, label: String) -> Event {
    let mut e = Event::message(0.0, from, to, label);
    e.time_ms = None;
    e
}

fn status_line(e: &Exchange) -> String {
    e.response
        .lines()
        .next()
        .unwrap_or_default()
        .replace("HTTP/1.1 ", "")
}

fn exchanges(
    out: &mut Emitter<'_>,
    addr: SocketAddr,
    args: &Args,
    method: &str,
    headers: &[(String, String)],
    origin: &str,
    reasons: &[Reason],
) -> Result<Report, SimError> {
    let simple = reasons.is_empty();
    let ct = args.content_type.as_deref();
    let request_headers = request_headers_value(headers, ct);
    let unsafe_names: Vec<String> = list(Some(&request_headers));
    let mut report = Report {
        origin: origin.to_string(),
        target: TARGET.to_string(),
        simple,
        preflight: None,
        request: None,
        response: None,
        allowed: false,
        reason: None,
    };
    let mut cache_for = None;
    if !simple {
        out.heading(crate::tr!("demo-cors-step-preflight"))?;
        out.lanes(LANES)?;
        let pre = fetch(addr, preflight_text(method, origin, &request_headers))?;
        let label = match request_headers.as_str() {
            "" => format!("OPTIONS ACRM: {method}"),
            h => format!("OPTIONS ACRM: {method} ACRH: {h}"),
        };
        out.event(arrow(0, 1, label).note(crate::tr!("demo-cors-acrh-note")))?;
        out.event(arrow(1, 0, status_line(&pre)))?;
        out.pre(pre_lines(&pre.request))?;
        out.pre(pre_lines(&pre.response))?;
        let verdict = cors_check(
            origin,
            args.credentials,
            pre.header("access-control-allow-origin"),
            pre.header("access-control-allow-credentials"),
        )
        .and_then(|()| {
            preflight_check(
                method,
                &unsafe_names,
                args.credentials,
                pre.header("access-control-allow-methods"),
                pre.header("access-control-allow-headers"),
            )
        });
        let max_age = pre
            .header("access-control-max-age")
            .and_then(|v| v.parse::<u32>().ok());
        report.preflight = Some(Preflight {
            request: pre.request.clone(),
            response: pre.response.clone(),
        });
        if let Err(why) = verdict {
            out.note(
                crate::tr!("demo-cors-blocked-label"),
                crate::tr!("demo-cors-preflight-failed", why = why.as_str()),
            )?;
            report.reason = Some(why);
            return Ok(report);
        }
        let secs = cache_seconds(max_age);
        out.note(
            crate::tr!("demo-cors-passed-label"),
            crate::tr!("demo-cors-preflight-passed", secs = secs),
        )?;
        cache_for = Some(secs);
    }

    out.heading(crate::tr!(
        "demo-cors-step-request",
        step = if simple { 2 } else { 3 }
    ))?;
    out.lanes(LANES)?;
    let real = fetch(
        addr,
        request_text(method, origin, headers, ct, args.credentials),
    )?;
    out.event(arrow(0, 1, format!("{method} /data  Origin: {origin}")))?;
    out.event(arrow(1, 0, status_line(&real)))?;
    out.pre(pre_lines(&real.request))?;
    out.pre(pre_lines(&real.response))?;
    report.request = Some(real.request.clone());
    report.response = Some(real.response.clone());
    let verdict = cors_check(
        origin,
        args.credentials,
        real.header("access-control-allow-origin"),
        real.header("access-control-allow-credentials"),
    );
    match verdict {
        Ok(()) => {
            out.note(
                crate::tr!("demo-cors-allowed-label"),
                crate::tr!("demo-cors-allowed"),
            )?;
            report.allowed = true;
        }
        Err(why) => {
            out.note(
                crate::tr!("demo-cors-blocked-label"),
                crate::tr!("demo-cors-blocked", why = why.as_str()),
            )?;
            report.reason = Some(why);
            return Ok(report);
        }
    }

    out.heading(crate::tr!(
        "demo-cors-step-again",
        step = if simple { 3 } else { 4 },
        secs = args.again_after
    ))?;
    let expired = cache_for.is_some_and(|secs| args.again_after >= secs);
    match cache_for {
        None => out.text(crate::tr!("demo-cors-again-simple"))?,
        Some(secs) if !expired => out.text(crate::tr!(
            "demo-cors-again-cached",
            left = secs - args.again_after
        ))?,
        Some(secs) => out.text(crate::tr!("demo-cors-again-expired", secs = secs))?,
    }
    out.lanes(LANES)?;
    if expired {
        let pre = fetch(addr, preflight_text(method, origin, &request_headers))?;
        out.event(arrow(0, 1, format!("OPTIONS ACRM: {method}")))?;
        out.event(arrow(1, 0, status_line(&pre)))?;
    }
    let again = fetch(
        addr,
        request_text(method, origin, headers, ct, args.credentials),
    )?;
    out.event(arrow(0, 1, format!("{method} /data  Origin: {origin}")))?;
    out.event(arrow(1, 0, status_line(&again)))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(name: &str, value: &str) -> (String, String) {
        (name.to_string(), value.to_string())
    }

    #[test]
    fn safelisted_methods_headers_and_types_are_simple() {
        assert!(!needs_preflight("GET", &[], None));
        assert!(!needs_preflight("head", &[], None));
        assert!(!needs_preflight(
            "POST",
            &[],
            Some("text/plain; charset=utf-8")
        ));
        assert!(!needs_preflight(
            "GET",
            &[
                h("Accept", "text/html"),
                h("Accept-Language", "ko-KR,ko;q=0.9")
            ],
            None
        ));
        assert!(!needs_preflight("GET", &[h("Range", "bytes=0-99")], None));
    }

    #[test]
    fn each_rule_asks_for_a_preflight() {
        assert_eq!(
            preflight_reasons("put", &[], None),
            [Reason::Method {
                method: "PUT".into()
            }]
        );
        assert!(needs_preflight("POST", &[], Some("application/json")));
        assert!(needs_preflight("GET", &[h("X-Token", "1")], None));
        // A safelisted name with a value outside its rule.
        assert!(needs_preflight("GET", &[h("Accept", "a\"b")], None));
        assert!(needs_preflight(
            "GET",
            &[h("Content-Language", "ko/KR")],
            None
        ));
        assert!(needs_preflight("GET", &[h("Range", "bytes=-5")], None));
        // Fetch does not normalize `patch`: it stays unsafe either way.
        assert_eq!(
            preflight_reasons("patch", &[], None),
            [Reason::Method {
                method: "patch".into()
            }]
        );
    }

    #[test]
    fn request_headers_are_lower_cased_sorted_and_unique() {
        let headers = [
            h("X-Zeta", "1"),
            h("Accept", "*/*"),
            h("X-Alpha", "2"),
            h("x-zeta", "3"),
        ];
        assert_eq!(
            request_headers_value(&headers, Some("application/json")),
            "content-type,x-alpha,x-zeta"
        );
        assert_eq!(request_headers_value(&[h("Accept", "*/*")], None), "");
    }

    #[test]
    fn the_cors_check_refuses_a_wildcard_with_credentials() {
        let o = "https://app.example";
        assert!(cors_check(o, false, Some("*"), None).is_ok());
        assert!(cors_check(o, true, Some("*"), Some("true")).is_err());
        assert!(cors_check(o, true, Some(o), None).is_err());
        assert!(cors_check(o, true, Some(o), Some("true")).is_ok());
        assert!(cors_check(o, false, None, None).is_err());
        assert!(cors_check(o, false, Some("https://other.example"), None).is_err());
    }

    #[test]
    fn the_preflight_check_wants_the_method_and_every_header_listed() {
        let names = ["x-token".to_string()];
        assert!(preflight_check("PUT", &[], false, Some("GET, PUT"), None).is_ok());
        assert!(preflight_check("DELETE", &[], false, Some("GET, PUT"), None).is_err());
        // Safelisted methods pass even when unlisted.
        assert!(preflight_check("POST", &[], false, Some("PUT"), None).is_ok());
        assert!(preflight_check("PUT", &names, false, Some("PUT"), Some("X-Token")).is_ok());
        assert!(preflight_check("PUT", &names, false, Some("PUT"), Some("Content-Type")).is_err());
        // `*` is a wildcard only without credentials, and never for Authorization.
        assert!(preflight_check("DELETE", &names, false, Some("*"), Some("*")).is_ok());
        assert!(preflight_check("DELETE", &[], true, Some("*"), None).is_err());
        let auth = ["authorization".to_string()];
        assert!(preflight_check("GET", &auth, false, None, Some("*")).is_err());
    }

    #[test]
    fn io_labels_follow_the_language_and_unknown_ones_pass_through() {
        use crate::i18n::{Lang, with_lang};
        assert_eq!(with_lang(Lang::En, || io_label("timeouts")), "timeouts");
        assert_eq!(
            with_lang(Lang::Ko, || io_label("timeouts")),
            "시간 제한 설정"
        );
        assert_eq!(
            with_lang(Lang::Ko, || io_label("binding 127.0.0.1:0")),
            "127.0.0.1:0 bind"
        );
        assert_eq!(
            with_lang(Lang::Ko, || io_label("no such step")),
            "no such step"
        );
    }

    #[test]
    fn header_reasons_speak_the_chosen_language() {
        use crate::i18n::{Lang, with_lang};
        let reasons = preflight_reasons("PUT", &[h("X-Token", "1")], None);
        let en: Vec<String> = with_lang(Lang::En, || reasons.iter().map(Reason::explain).collect());
        assert_eq!(
            en,
            [
                "method PUT: not on the safelist (GET, HEAD, POST)",
                "header X-Token: the name is not on the safelist (Accept, Accept-Language, Content-Language, Content-Type, Range)",
            ]
        );
        // The preflight exercise asks for Korean whatever the language.
        let ko = with_lang(Lang::En, || reasons[0].korean());
        assert_eq!(ko, "메서드 PUT: 안전 목록(GET, HEAD, POST) 밖입니다");
    }

    #[test]
    fn the_cache_keeps_max_age_capped_and_five_seconds_by_default() {
        assert_eq!(cache_seconds(Some(600)), 600);
        assert_eq!(cache_seconds(Some(86400)), 7200);
        assert_eq!(cache_seconds(None), 5);
    }
}
