//! `synack demo session`: state on top of stateless HTTP — cookies, a
//! server-side session store, and JWTs — and what a load balancer in front
//! of several servers does to a session kept in one server's memory.
//!
//! The pure model: [`cookie_sent`] (RFC 6265bis §5.8.3 SameSite, §5.6.7
//! Secure, CHIPS `Partitioned`, and the browsers' 2026 third-party defaults),
//! [`sign_hs256`]/[`verify_hs256`] (RFC 7519 JWT, RFC 7515 JWS compact form,
//! RFC 7518 §3.2 HS256) and [`route`] (round robin or a sticky cookie). The
//! runner puts real HTTP/1.1 servers on 127.0.0.1 (ephemeral ports, shown
//! by role), the browser's side is this demo, and its Set-Cookie headers are
//! parsed by the `cookie` crate as a browser's jar would.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::{Parser, ValueEnum};
use data_encoding::BASE64URL_NOPAD;
use serde::Serialize;

use crate::sim::cors::{Exchange, fetch};
use crate::sim::trace::{Event, Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "session",
    title: || crate::tr!("demo-session-title"),
    summary: || crate::tr!("demo-session-summary"),
    topics: &[
        "cookie",
        "SameSite",
        "session",
        "JWT",
        "sticky session",
        "session clustering",
    ],
    keywords: &[
        "세션",
        "쿠키",
        "cookie",
        "session",
        "jwt",
        "토큰",
        "token",
        "samesite",
        "sticky",
        "스티키",
        "세션 클러스터링",
        "session clustering",
    ],
    run,
};

/// The clock when neither `--now` nor `SYNACK_NOW` says.
const DEFAULT_NOW: &str = "2026-01-01T00:00:00Z";
const TIMEOUT: Duration = Duration::from_secs(2);
/// Access tokens live 15 minutes, refresh tokens 14 days.
const ACCESS_TTL: i64 = 15 * 60;
const REFRESH_TTL: i64 = 14 * 86_400;

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-session-examples"))
}

const EXAMPLES: &str = "
  synack demo session --kind cookie
  synack demo session --kind jwt
  synack demo session --servers 3
  synack demo session --servers 3 --sticky
  synack demo session --servers 3 --store";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    #[value(help = crate::tr!("demo-session-kind-cookie"))]
    Cookie,
    #[value(help = crate::tr!("demo-session-kind-server-session"))]
    ServerSession,
    #[value(help = crate::tr!("demo-session-kind-jwt"))]
    Jwt,
}

#[derive(Debug, Parser)]
#[command(
    name = "session",
    about = crate::tr!("demo-session-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Kind::ServerSession,
          help = crate::tr!("demo-session-opt-kind"))]
    kind: Kind,
    #[arg(long, value_name = "N", default_value_t = 1,
          help = crate::tr!("demo-session-opt-servers"))]
    servers: usize,
    #[arg(long, conflicts_with_all = ["clustering", "store"],
          help = crate::tr!("demo-session-opt-sticky"))]
    sticky: bool,
    #[arg(long, conflicts_with = "store", help = crate::tr!("demo-session-opt-clustering"))]
    clustering: bool,
    #[arg(long, help = crate::tr!("demo-session-opt-store"))]
    store: bool,
    #[arg(long, value_name = "TIME", env = "SYNACK_NOW", default_value = DEFAULT_NOW,
          hide_env = true, help = crate::tr!("demo-session-opt-now", default = DEFAULT_NOW))]
    now: String,
    #[command(flatten)]
    common: Common,
}

// ---------------------------------------------------------------- cookies

/// Where the request carrying the cookie comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    /// A page of app.example asking app.example (same site).
    SameSite,
    /// A link on another site, followed as a top-level GET navigation.
    CrossSiteNavigation,
    /// An image, fetch or iframe to app.example inside another site's page:
    /// a third-party context.
    ThirdParty,
}

impl Context {
    const ALL: [Context; 3] = [
        Context::SameSite,
        Context::CrossSiteNavigation,
        Context::ThirdParty,
    ];
    fn label(self) -> String {
        match self {
            Context::SameSite => crate::tr!("demo-session-ctx-same-site"),
            Context::CrossSiteNavigation => crate::tr!("demo-session-ctx-cross-site-link"),
            Context::ThirdParty => "third-party".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Browser {
    Chrome,
    Firefox,
    Safari,
}

impl Browser {
    const ALL: [Browser; 3] = [Browser::Chrome, Browser::Firefox, Browser::Safari];
}

/// The attributes that decide whether a cookie goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub same_site: Option<cookie::SameSite>,
    pub secure: bool,
    pub partitioned: bool,
}

/// Whether a cookie goes back with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Send {
    Yes,
    No,
    /// Only from the top-level site's own jar: a cookie stored while
    /// embedded under that same site, never the one set first-party.
    Partitioned,
}

impl Send {
    fn label(self) -> String {
        match self {
            Send::Yes => crate::tr!("demo-session-send-yes"),
            Send::No => crate::tr!("demo-session-send-no"),
            Send::Partitioned => crate::tr!("demo-session-send-partitioned"),
        }
    }
}

/// Whether `browser` sends a cookie with `rule` on an https request in
/// `context`, and why (in the current language).
pub fn cookie_sent(rule: Rule, context: Context, browser: Browser) -> (Send, String) {
    use cookie::SameSite as S;
    // RFC 6265bis §5.6.7: SameSite=None without Secure is refused at storage.
    if rule.same_site == Some(S::None) && !rule.secure {
        return (Send::No, crate::tr!("demo-session-why-none-insecure"));
    }
    // Lax by default (6265bis §5.6.7.1) is Chromium's alone; Firefox and
    // Safari treat a missing SameSite as None.
    let effective = match (rule.same_site, browser) {
        (Some(s), _) => s,
        (None, Browser::Chrome) => S::Lax,
        (None, _) => S::None,
    };
    match (context, effective) {
        (Context::SameSite, _) => (Send::Yes, crate::tr!("demo-session-why-same-site")),
        (Context::CrossSiteNavigation, S::Strict) => {
            (Send::No, crate::tr!("demo-session-why-strict"))
        }
        (Context::CrossSiteNavigation, _) => {
            (Send::Yes, crate::tr!("demo-session-why-lax-navigation"))
        }
        (Context::ThirdParty, S::Strict | S::Lax) => {
            (Send::No, crate::tr!("demo-session-why-subresource"))
        }
        // SameSite=None in a third-party context: the browsers' own policy.
        (Context::ThirdParty, S::None) => match browser {
            Browser::Safari => (Send::No, crate::tr!("demo-session-why-safari")),
            Browser::Chrome if rule.partitioned => {
                (Send::Partitioned, crate::tr!("demo-session-why-chips"))
            }
            Browser::Chrome => (Send::Yes, crate::tr!("demo-session-why-chrome")),
            Browser::Firefox => (Send::Partitioned, crate::tr!("demo-session-why-firefox")),
        },
    }
}

fn rule_of(c: &cookie::Cookie<'_>) -> Rule {
    Rule {
        same_site: c.same_site(),
        secure: c.secure().unwrap_or(false),
        partitioned: c.partitioned().unwrap_or(false),
    }
}

// ---------------------------------------------------------------- JWT

/// An HS256 JWS in compact form: base64url(header).base64url(payload).signature.
pub fn sign_hs256(key: &[u8], header: &str, payload: &str) -> String {
    let signing_input = format!(
        "{}.{}",
        BASE64URL_NOPAD.encode(header.as_bytes()),
        BASE64URL_NOPAD.encode(payload.as_bytes())
    );
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
    let tag = ring::hmac::sign(&key, signing_input.as_bytes());
    format!("{signing_input}.{}", BASE64URL_NOPAD.encode(tag.as_ref()))
}

/// Why a token is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JwtError {
    Malformed,
    BadSignature,
    Expired,
}

/// Checks the signature (constant-time, ring) and then `exp` against `now`
/// (RFC 7519 §4.1.4: expired when now ≥ exp); returns the payload.
pub fn verify_hs256(key: &[u8], token: &str, now: i64) -> Result<serde_json::Value, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };
    let sig = BASE64URL_NOPAD
        .decode(s.as_bytes())
        .map_err(|_| JwtError::Malformed)?;
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
    ring::hmac::verify(&key, format!("{h}.{p}").as_bytes(), &sig)
        .map_err(|_| JwtError::BadSignature)?;
    let payload = BASE64URL_NOPAD
        .decode(p.as_bytes())
        .map_err(|_| JwtError::Malformed)?;
    let payload: serde_json::Value =
        serde_json::from_slice(&payload).map_err(|_| JwtError::Malformed)?;
    match payload.get("exp").and_then(serde_json::Value::as_i64) {
        Some(exp) if now >= exp => Err(JwtError::Expired),
        _ => Ok(payload),
    }
}

// ---------------------------------------------------------------- routing

/// Which backend (0-based) the load balancer picks for the `n`th request
/// (0-based): the server a sticky cookie names while it is up, else round
/// robin over the servers that are up.
pub fn route(n: usize, up: &[bool], sticky: Option<usize>) -> Option<usize> {
    if let Some(s) = sticky.filter(|&s| up.get(s) == Some(&true)) {
        return Some(s);
    }
    let alive: Vec<usize> = (0..up.len()).filter(|&i| up[i]).collect();
    if alive.is_empty() {
        None
    } else {
        Some(alive[n % alive.len()])
    }
}

// ---------------------------------------------------------------- servers

/// How the backends keep sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Keep {
    /// Each server in its own memory.
    Local,
    /// Each server in its own memory, copied to every other on a write.
    Clustered,
    /// One store every server reads and writes.
    Shared,
}

type Store = Arc<Mutex<BTreeMap<String, String>>>;

struct Backend {
    index: usize,
    stores: Vec<Store>,
    keep: Keep,
    rng: Arc<Mutex<ChaCha8Rng>>,
    copies: Arc<Mutex<usize>>,
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

/// Reads one request head: method, path and its Cookie header.
fn read_head(stream: &mut TcpStream) -> std::io::Result<Option<(String, String, String)>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    for _ in 0..32 {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut req = httparse::Request::new(&mut headers);
        if let Ok(httparse::Status::Complete(_)) = req.parse(&buf) {
            let cookie = req
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("cookie"))
                .map(|h| String::from_utf8_lossy(h.value).into_owned())
                .unwrap_or_default();
            return Ok(Some((
                req.method.unwrap_or_default().to_string(),
                req.path.unwrap_or_default().to_string(),
                cookie,
            )));
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(None)
}

/// The app: `POST /login` makes a session, `GET /cart` needs one,
/// `POST /down` stops the server (its failure); every request on its own
/// connection, at most 16.
fn serve(listener: TcpListener, b: Backend) -> Result<(), SimError> {
    for _ in 0..16 {
        let (mut stream, _) = listener.accept().map_err(io("accepting"))?;
        stream
            .set_read_timeout(Some(TIMEOUT))
            .map_err(io("timeouts"))?;
        stream
            .set_write_timeout(Some(TIMEOUT))
            .map_err(io("timeouts"))?;
        let Some((method, path, cookies)) = read_head(&mut stream).map_err(io("server read"))?
        else {
            continue;
        };
        let sid = cookie::Cookie::split_parse(cookies.as_str())
            .flatten()
            .find(|c| c.name() == "sid")
            .map(|c| c.value().to_string());
        let mine = &b.stores[b.index];
        let (status, extra, body) = match (method.as_str(), path.as_str()) {
            ("POST", "/down") => {
                let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
                return Ok(());
            }
            ("POST", "/login") => {
                let id = {
                    let mut rng = b.rng.lock().unwrap_or_else(|e| e.into_inner());
                    format!("{:016x}", rng.next_u64())
                };
                let data = "user=alice; cart=2".to_string();
                mine.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(id.clone(), data.clone());
                if b.keep == Keep::Clustered {
                    for (_, s) in b.stores.iter().enumerate().filter(|(i, _)| *i != b.index) {
                        s.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(id.clone(), data.clone());
                        *b.copies.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                    }
                }
                (
                    "200 OK",
                    format!("Set-Cookie: sid={id}; Path=/; Secure; HttpOnly; SameSite=Lax\r\n"),
                    "welcome alice".to_string(),
                )
            }
            ("GET", "/cart") => {
                let found = sid.and_then(|id| {
                    mine.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .get(&id)
                        .cloned()
                });
                match found {
                    Some(data) => ("200 OK", String::new(), data),
                    None => ("401 Unauthorized", String::new(), "login first".to_string()),
                }
            }
            _ => ("404 Not Found", String::new(), String::new()),
        };
        let text = format!(
            "HTTP/1.1 {status}\r\n{extra}Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream
            .write_all(text.as_bytes())
            .map_err(io("server write"))?;
    }
    Ok(())
}

fn status_code(e: &Exchange) -> u16 {
    e.response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn body_of(e: &Exchange) -> String {
    e.response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

fn request(method: &str, path: &str, jar: &BTreeMap<String, String>) -> String {
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: app.example\r\n");
    if !jar.is_empty() {
        let pairs: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        text.push_str(&format!("Cookie: {}\r\n", pairs.join("; ")));
    }
    if method == "POST" {
        text.push_str("Content-Length: 0\r\n");
    }
    text.push_str("Connection: close\r\n\r\n");
    text
}

/// Stores every Set-Cookie of a response in the jar (parsed by `cookie`).
fn remember(e: &Exchange, jar: &mut BTreeMap<String, String>) {
    for (n, v) in &e.headers {
        if n.eq_ignore_ascii_case("set-cookie")
            && let Ok(c) = cookie::Cookie::parse(v.as_str())
        {
            jar.insert(c.name().to_string(), c.value().to_string());
        }
    }
}

/// One request of the load-balancer run.
#[derive(Debug, Serialize)]
struct Hop {
    request: String,
    /// 1-based, as the text names it.
    server: usize,
    status: u16,
    session: bool,
}

fn parse_now(text: &str) -> Result<i64, SimError> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.timestamp())
        .map_err(|e| {
            SimError::Invalid(crate::tr!(
                "demo-session-err-now",
                text = format!("{text:?}"),
                example = DEFAULT_NOW,
                error = e.to_string()
            ))
        })
}

fn http_date(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        .unwrap_or_default()
}

fn iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let now = parse_now(&args.now)?;
    if !(1..=8).contains(&args.servers) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-session-err-servers",
            servers = args.servers.to_string()
        )));
    }
    let fix = args.sticky || args.clustering || args.store;
    if fix && args.servers < 2 {
        return Err(SimError::Invalid(crate::tr!("demo-session-err-fix")));
    }
    if args.servers > 1 && args.kind != Kind::ServerSession {
        return Err(SimError::Invalid(crate::tr!("demo-session-err-kind")));
    }
    match args.kind {
        Kind::Cookie => run_cookie(now, out),
        Kind::Jwt => run_jwt(&args, now, out),
        Kind::ServerSession => run_servers(&args, out),
    }
}

fn pre(text: &str) -> Vec<String> {
    text.trim_end().lines().map(str::to_string).collect()
}

fn run_cookie(now: i64, out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    out.title(crate::tr!("demo-session-cookie-title"))?;
    let set_cookies = [
        "sid=31d4d96e407aad42; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600".to_string(),
        format!(
            "theme=dark; Domain=app.example; Path=/; Expires={}; SameSite=Strict",
            http_date(now + 30 * 86_400)
        ),
        "widget=7; Path=/; Secure; SameSite=None; Partitioned".to_string(),
        "legacy=1; Path=/".to_string(),
    ];
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    let addr = listener.local_addr().map_err(io("local address"))?;
    let headers = set_cookies.clone();
    let server = std::thread::spawn(move || -> Result<(), SimError> {
        let (mut stream, _) = listener.accept().map_err(io("accepting"))?;
        stream
            .set_read_timeout(Some(TIMEOUT))
            .map_err(io("timeouts"))?;
        read_head(&mut stream).map_err(io("server read"))?;
        let mut text = "HTTP/1.1 200 OK\r\n".to_string();
        for h in &headers {
            text.push_str(&format!("Set-Cookie: {h}\r\n"));
        }
        text.push_str("Content-Length: 0\r\nConnection: close\r\n\r\n");
        stream
            .write_all(text.as_bytes())
            .map_err(io("server write"))
    });
    let exchange = fetch(addr, request("GET", "/", &BTreeMap::new()));
    server
        .join()
        .map_err(|_| SimError::Invalid(crate::tr!("demo-session-err-panic")))??;
    let exchange = exchange?;
    out.lanes(["browser", "app.example"])?;
    out.event(Event::message(0.0, 0, 1, "GET / HTTP/1.1"))?;
    out.event(
        Event::message(0.0, 1, 0, "200 OK + Set-Cookie ×4")
            .note(crate::tr!("demo-session-cookie-real-server")),
    )?;
    out.pre(pre(&exchange.response))?;
    let mut cookies = Vec::new();
    for (n, v) in &exchange.headers {
        if !n.eq_ignore_ascii_case("set-cookie") {
            continue;
        }
        let c = cookie::Cookie::parse(v.clone())
            .map_err(|e| SimError::Invalid(format!("session: Set-Cookie {v:?}: {e}")))?;
        cookies.push(c);
    }
    let mut json_cookies = Vec::new();
    for c in &cookies {
        let yes = |b: Option<bool>| {
            if b == Some(true) {
                crate::tr!("demo-session-yes")
            } else {
                crate::tr!("demo-session-no")
            }
        };
        let none = crate::tr!("demo-session-none");
        let expires = c.expires_datetime().map(|t| iso(t.unix_timestamp()));
        let max_age = c.max_age().map(|d| d.whole_seconds());
        let same_site = c.same_site().map(|s| s.to_string());
        out.fields(
            format!("Set-Cookie: {}", c.name()),
            vec![
                Field::new(0, "value", c.value()),
                Field::new(
                    0,
                    "Domain",
                    c.domain()
                        .map_or_else(|| crate::tr!("demo-session-host-only"), str::to_string),
                ),
                Field::new(0, "Path", c.path().unwrap_or(&none)),
                Field::new(
                    0,
                    "Expires/Max-Age",
                    match (&expires, max_age) {
                        (_, Some(s)) => crate::tr!("demo-session-max-age", s = s),
                        (Some(e), None) => format!("Expires {e}"),
                        (None, None) => crate::tr!("demo-session-session-cookie"),
                    },
                ),
                Field::new(0, "Secure", yes(c.secure())),
                Field::new(0, "HttpOnly", yes(c.http_only())),
                Field::new(0, "SameSite", same_site.clone().unwrap_or(none.clone())),
                Field::new(0, "Partitioned", yes(c.partitioned())),
            ],
        )?;
        json_cookies.push(serde_json::json!({
            "name": c.name(), "value": c.value(), "domain": c.domain(), "path": c.path(),
            "expires": expires, "max_age": max_age, "secure": c.secure().unwrap_or(false),
            "http_only": c.http_only().unwrap_or(false), "same_site": same_site,
            "partitioned": c.partitioned().unwrap_or(false),
        }));
    }
    out.note(
        crate::tr!("demo-session-scope-label"),
        crate::tr!("demo-session-scope"),
    )?;
    let mut table = Table::new([
        "cookie".to_string(),
        crate::tr!("demo-session-col-request"),
        "Chrome".to_string(),
        "Firefox".to_string(),
        "Safari".to_string(),
    ])
    .titled(crate::tr!("demo-session-sends-title"));
    let mut sends = Vec::new();
    for c in &cookies {
        let rule = rule_of(c);
        for ctx in Context::ALL {
            let mut row = vec![c.name().to_string(), ctx.label()];
            for b in Browser::ALL {
                let (sent, why) = cookie_sent(rule, ctx, b);
                row.push(sent.label());
                sends.push(serde_json::json!({
                    "cookie": c.name(), "context": ctx, "browser": b, "sent": sent, "why": why,
                }));
            }
            table.row(row);
        }
    }
    out.table(table)?;
    out.note("SameSite", crate::tr!("demo-session-samesite"))?;
    out.note("third-party", crate::tr!("demo-session-third-party"))?;
    Ok(serde_json::json!({
        "kind": "cookie",
        "response": exchange.response,
        "cookies": json_cookies,
        "sends": sends,
    }))
}

fn run_jwt(args: &Args, now: i64, out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    out.title(crate::tr!("demo-session-jwt-title"))?;
    let key = format!("synack-demo-key-{}", args.common.seed).into_bytes();
    let header = r#"{"alg":"HS256","typ":"JWT"}"#;
    let payload = format!(
        r#"{{"sub":"alice","scope":"cart","iat":{now},"exp":{}}}"#,
        now + ACCESS_TTL
    );
    let token = sign_hs256(&key, header, &payload);
    let parts: Vec<&str> = token.split('.').collect();
    out.text(crate::tr!("demo-session-jwt-intro"))?;
    let mut lines = Vec::new();
    for (name, part) in ["header", "payload", "signature"].iter().zip(&parts) {
        lines.push(format!("{name}:"));
        for chunk in part.as_bytes().chunks(64) {
            lines.push(format!("  {}", String::from_utf8_lossy(chunk)));
        }
    }
    out.pre(lines)?;
    out.fields(
        crate::tr!("demo-session-jwt-decoded"),
        vec![
            Field::new(0, "header", header),
            Field::new(0, "payload", payload.clone()),
            Field::new(1, "iat", iso(now)),
            Field::new(
                1,
                "exp",
                crate::tr!("demo-session-jwt-exp", time = iso(now + ACCESS_TTL)),
            ),
            Field::new(0, "signature", crate::tr!("demo-session-jwt-signature")),
        ],
    )?;
    let tampered_payload = payload.replace("\"alice\"", "\"admin\"");
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        BASE64URL_NOPAD.encode(tampered_payload.as_bytes()),
        parts[2]
    );
    let checks = [
        (crate::tr!("demo-session-check-fresh"), token.clone(), now),
        (crate::tr!("demo-session-check-tampered"), tampered, now),
        (
            crate::tr!("demo-session-check-expired"),
            token.clone(),
            now + ACCESS_TTL,
        ),
    ];
    let mut table = Table::new([
        crate::tr!("demo-session-col-token"),
        crate::tr!("demo-session-col-checked-at"),
        crate::tr!("demo-session-col-result"),
    ])
    .titled(crate::tr!("demo-session-checks-title"));
    let mut json_checks = Vec::new();
    for (what, t, at) in &checks {
        let result = verify_hs256(&key, t, *at);
        let shown = match &result {
            Ok(_) => crate::tr!("demo-session-check-pass"),
            Err(JwtError::BadSignature) => crate::tr!("demo-session-check-bad-signature"),
            Err(JwtError::Expired) => crate::tr!("demo-session-check-exp"),
            Err(JwtError::Malformed) => crate::tr!("demo-session-check-malformed"),
        };
        table.row([what.clone(), iso(*at), shown]);
        json_checks.push(serde_json::json!({
            "token": what, "at": iso(*at), "valid": result.is_ok(),
            "error": result.err(),
        }));
    }
    out.table(table)?;
    out.lanes(["client", "auth server", "API"])?;
    out.event(Event::message(0.0, 0, 1, "POST /token (password)"))?;
    out.event(
        Event::message(0.0, 1, 0, crate::tr!("demo-session-jwt-tokens"))
            .note(crate::tr!("demo-session-jwt-refresh-opaque")),
    )?;
    out.event(Event::message(
        1.0,
        0,
        2,
        "GET /cart, Authorization: Bearer access",
    ))?;
    out.event(Event::message(1.0, 2, 0, "200 OK").note(crate::tr!("demo-session-jwt-api-checks")))?;
    out.event(Event::message(
        ACCESS_TTL as f64 * 1000.0,
        0,
        2,
        crate::tr!("demo-session-jwt-expired-request"),
    ))?;
    out.event(Event::message(
        ACCESS_TTL as f64 * 1000.0,
        2,
        0,
        "401 Unauthorized",
    ))?;
    out.event(Event::message(
        ACCESS_TTL as f64 * 1000.0,
        0,
        1,
        "POST /token (grant_type=refresh_token)",
    ))?;
    out.event(
        Event::message(
            ACCESS_TTL as f64 * 1000.0,
            1,
            0,
            crate::tr!("demo-session-jwt-new-tokens"),
        )
        .note(crate::tr!("demo-session-jwt-rotation")),
    )?;
    out.note(
        crate::tr!("demo-session-design-label"),
        crate::tr!("demo-session-jwt-design"),
    )?;
    Ok(serde_json::json!({
        "kind": "jwt",
        "token": token,
        "header": serde_json::from_str::<serde_json::Value>(header).unwrap_or_default(),
        "payload": serde_json::from_str::<serde_json::Value>(&payload).unwrap_or_default(),
        "checks": json_checks,
        "access_ttl_s": ACCESS_TTL,
        "refresh_ttl_s": REFRESH_TTL,
    }))
}

fn run_servers(args: &Args, out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let n = args.servers;
    let keep = if args.clustering {
        Keep::Clustered
    } else if args.store {
        Keep::Shared
    } else {
        Keep::Local
    };
    let fix = match (args.sticky, keep) {
        (true, _) => "sticky",
        (_, Keep::Clustered) => "clustering",
        (_, Keep::Shared) => "store",
        _ => "none",
    };
    out.title(match (n, fix) {
        (1, _) => crate::tr!("demo-session-servers-title-one"),
        (_, "none") => crate::tr!("demo-session-servers-title-none", n = n),
        (_, "sticky") => crate::tr!("demo-session-servers-title-sticky", n = n),
        (_, "clustering") => crate::tr!("demo-session-servers-title-clustering", n = n),
        _ => crate::tr!("demo-session-servers-title-store", n = n),
    })?;
    let shared: Store = Arc::default();
    let stores: Vec<Store> = (0..n)
        .map(|_| {
            if keep == Keep::Shared {
                shared.clone()
            } else {
                Arc::default()
            }
        })
        .collect();
    let rng = Arc::new(Mutex::new(ChaCha8Rng::seed_from_u64(args.common.seed)));
    let copies = Arc::new(Mutex::new(0usize));
    let mut addrs: Vec<SocketAddr> = Vec::new();
    let mut threads = Vec::new();
    for index in 0..n {
        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
        addrs.push(listener.local_addr().map_err(io("local address"))?);
        let backend = Backend {
            index,
            stores: stores.clone(),
            keep,
            rng: rng.clone(),
            copies: copies.clone(),
        };
        threads.push(std::thread::spawn(move || serve(listener, backend)));
    }
    let result = drive(args, keep, fix, &addrs, &stores, &copies, out);
    // Stop every server still up, whatever happened.
    for a in &addrs {
        let _ = fetch(
            *a,
            "POST /down HTTP/1.1\r\nContent-Length: 0\r\n\r\n".into(),
        );
    }
    for t in threads {
        let _ = t.join();
    }
    result
}

fn drive(
    args: &Args,
    keep: Keep,
    fix: &str,
    addrs: &[SocketAddr],
    stores: &[Store],
    copies: &Arc<Mutex<usize>>,
    out: &mut Emitter<'_>,
) -> Result<serde_json::Value, SimError> {
    let n = addrs.len();
    let name = |i: usize| format!("server {}", i + 1);
    let mut lanes = vec!["browser".to_string()];
    if n > 1 {
        lanes.push("LB".to_string());
    }
    lanes.extend((0..n).map(name));
    out.lanes(lanes)?;
    let lb = usize::from(n > 1);
    let lane = |i: usize| 1 + lb + i;
    let mut up = vec![true; n];
    let mut jar: BTreeMap<String, String> = BTreeMap::new();
    let mut hops = Vec::new();
    let mut plan: Vec<(&str, &str)> = vec![("POST", "/login"), ("GET", "/cart"), ("GET", "/cart")];
    let fail_at = if n > 1 && fix != "none" {
        Some(3)
    } else {
        None
    };
    if fail_at.is_some() {
        plan.push(("GET", "/cart"));
    }
    let mut time = 0.0;
    for (k, (method, path)) in plan.iter().enumerate() {
        if fail_at == Some(k)
            && let Some(dead) = hops.first().map(|h: &Hop| h.server - 1)
        {
            let _ = fetch(
                addrs[dead],
                "POST /down HTTP/1.1\r\nContent-Length: 0\r\n\r\n".into(),
            );
            up[dead] = false;
            out.event(
                Event::action(time, lane(dead), crate::tr!("demo-session-server-down"))
                    .note(crate::tr!("demo-session-server-down-note")),
            )?;
        }
        let sticky = if args.sticky {
            jar.get("lb")
                .and_then(|v| v.parse::<usize>().ok())
                .and_then(|v| v.checked_sub(1))
        } else {
            None
        };
        let Some(server) = route(k, &up, sticky) else {
            break;
        };
        let label = format!("{method} {path}");
        let sent_cookie = if jar.is_empty() {
            String::new()
        } else {
            let pairs: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!(" (Cookie: {})", pairs.join("; "))
        };
        if n > 1 {
            out.event(Event::message(time, 0, 1, format!("{label}{sent_cookie}")))?;
            let why = if sticky == Some(server) {
                crate::tr!("demo-session-route-sticky")
            } else if sticky.is_some() {
                crate::tr!("demo-session-route-sticky-down")
            } else {
                "round robin".to_string()
            };
            out.event(Event::message(time, 1, lane(server), label.clone()).note(why))?;
        } else {
            out.event(Event::message(
                time,
                0,
                lane(server),
                format!("{label}{sent_cookie}"),
            ))?;
        }
        let exchange = fetch(addrs[server], request(method, path, &jar))?;
        let status = status_code(&exchange);
        remember(&exchange, &mut jar);
        let mut reply = exchange
            .response
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("HTTP/1.1 ")
            .to_string();
        if exchange.header("set-cookie").is_some() {
            reply.push_str(" + Set-Cookie: sid");
        }
        let mut ev = Event::message(time, lane(server), if n > 1 { 1 } else { 0 }, reply.clone());
        let session = status == 200;
        if *path == "/cart" {
            ev = ev.note(if session {
                crate::tr!("demo-session-found", data = body_of(&exchange))
            } else {
                crate::tr!("demo-session-lost", server = name(server))
            });
        } else if keep == Keep::Clustered {
            ev = ev.note(crate::tr!(
                "demo-session-replicate",
                n = n.saturating_sub(1)
            ));
        } else if keep == Keep::Shared {
            ev = ev.note(crate::tr!("demo-session-write-shared"));
        }
        out.event(ev)?;
        if n > 1 {
            let mut back = Event::message(time, 1, 0, reply);
            if args.sticky && *path == "/login" {
                jar.insert("lb".into(), (server + 1).to_string());
                back = back.note(crate::tr!("demo-session-lb-cookie", server = server + 1));
            }
            out.event(back)?;
        }
        hops.push(Hop {
            request: label,
            server: server + 1,
            status,
            session,
        });
        time += 10.0;
    }
    let mut table = Table::new([
        "server".to_string(),
        crate::tr!("demo-session-col-state"),
        crate::tr!("demo-session-col-ids"),
    ])
    .titled(crate::tr!("demo-session-stores-title"));
    let listed = if keep == Keep::Shared {
        &stores[..1]
    } else {
        stores
    };
    for (i, s) in listed.iter().enumerate() {
        let ids: Vec<String> = s
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .cloned()
            .collect();
        let (who, state) = if keep == Keep::Shared {
            (
                crate::tr!("demo-session-shared-store"),
                crate::tr!("demo-session-state-up"),
            )
        } else {
            (
                name(i),
                if up[i] {
                    crate::tr!("demo-session-state-up")
                } else {
                    crate::tr!("demo-session-state-down")
                },
            )
        };
        table.row([
            who,
            state,
            if ids.is_empty() {
                crate::tr!("demo-session-none")
            } else {
                ids.join(", ")
            },
        ]);
    }
    out.table(table)?;
    let copies = *copies.lock().unwrap_or_else(|e| e.into_inner());
    match fix {
        _ if n == 1 => out.note(
            crate::tr!("demo-session-server-session-label"),
            crate::tr!("demo-session-server-session"),
        )?,
        "none" => out.note(
            crate::tr!("demo-session-cause-label"),
            crate::tr!("demo-session-cause"),
        )?,
        "sticky" => out.note("sticky session", crate::tr!("demo-session-sticky"))?,
        "clustering" => {
            out.note(
                crate::tr!("demo-session-clustering-label"),
                crate::tr!("demo-session-clustering", copies = copies),
            )?;
            let mut cost = Table::new([
                "servers".to_string(),
                crate::tr!("demo-session-col-copies-per-write"),
                crate::tr!("demo-session-col-copies-per-session"),
            ])
            .titled(crate::tr!("demo-session-cost-title"));
            for s in [2usize, 3, 4, 8, 16] {
                cost.row([s.to_string(), (s - 1).to_string(), s.to_string()]);
            }
            out.table(cost)?;
        }
        _ => out.note(
            crate::tr!("demo-session-shared-store"),
            crate::tr!("demo-session-store"),
        )?,
    }
    Ok(serde_json::json!({
        "kind": "server-session",
        "servers": n,
        "fix": fix,
        "requests": hops,
        "replication_copies": copies,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cookie::SameSite as S;

    fn rule(same_site: Option<S>, secure: bool, partitioned: bool) -> Rule {
        Rule {
            same_site,
            secure,
            partitioned,
        }
    }

    #[test]
    fn samesite_decides_cross_site_requests() {
        let strict = rule(Some(S::Strict), true, false);
        let lax = rule(Some(S::Lax), true, false);
        let none = rule(Some(S::None), true, false);
        for b in Browser::ALL {
            assert_eq!(cookie_sent(strict, Context::SameSite, b).0, Send::Yes);
            assert_eq!(
                cookie_sent(strict, Context::CrossSiteNavigation, b).0,
                Send::No
            );
            assert_eq!(
                cookie_sent(lax, Context::CrossSiteNavigation, b).0,
                Send::Yes
            );
            assert_eq!(cookie_sent(lax, Context::ThirdParty, b).0, Send::No);
            assert_eq!(
                cookie_sent(none, Context::CrossSiteNavigation, b).0,
                Send::Yes
            );
        }
        // None without Secure is never stored.
        let insecure = rule(Some(S::None), false, false);
        assert_eq!(
            cookie_sent(insecure, Context::SameSite, Browser::Firefox).0,
            Send::No
        );
    }

    #[test]
    fn third_party_cookies_follow_each_browsers_2026_default() {
        let none = rule(Some(S::None), true, false);
        let chips = rule(Some(S::None), true, true);
        let sent = |r, b| cookie_sent(r, Context::ThirdParty, b).0;
        assert_eq!(
            [
                sent(none, Browser::Chrome),
                sent(none, Browser::Firefox),
                sent(none, Browser::Safari)
            ],
            [Send::Yes, Send::Partitioned, Send::No]
        );
        assert_eq!(sent(chips, Browser::Firefox), Send::Partitioned);
        assert_eq!(sent(chips, Browser::Chrome), Send::Partitioned);
        assert_eq!(sent(chips, Browser::Safari), Send::No);
    }

    #[test]
    fn lax_by_default_is_chromiums_alone() {
        let unset = rule(None, false, false);
        let ctx = Context::ThirdParty;
        // Chrome makes it Lax: not on a subresource request.
        assert_eq!(cookie_sent(unset, ctx, Browser::Chrome).0, Send::No);
        // Firefox treats it as None, then partitions third-party storage.
        assert_eq!(
            cookie_sent(unset, ctx, Browser::Firefox).0,
            Send::Partitioned
        );
    }

    /// RFC 7515 appendix A.1's HS256 example: the same key, header and
    /// payload give its published signature.
    #[test]
    fn hs256_matches_rfc7515_appendix_a1() {
        let key = BASE64URL_NOPAD
            .decode(b"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
            .unwrap();
        let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        let payload =
            "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
        let token = sign_hs256(&key, header, payload);
        assert!(
            token.ends_with(".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "{token}"
        );
        assert!(token.starts_with("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."));
        assert_eq!(
            verify_hs256(&key, &token, 1_300_819_379).unwrap()["iss"],
            "joe"
        );
        assert_eq!(
            verify_hs256(&key, &token, 1_300_819_380),
            Err(JwtError::Expired)
        );
    }

    #[test]
    fn a_tampered_payload_or_key_fails_the_signature() {
        let token = sign_hs256(b"k", r#"{"alg":"HS256"}"#, r#"{"sub":"alice"}"#);
        let parts: Vec<&str> = token.split('.').collect();
        let forged = format!(
            "{}.{}.{}",
            parts[0],
            BASE64URL_NOPAD.encode(br#"{"sub":"admin"}"#),
            parts[2]
        );
        assert_eq!(verify_hs256(b"k", &forged, 0), Err(JwtError::BadSignature));
        assert_eq!(verify_hs256(b"x", &token, 0), Err(JwtError::BadSignature));
        assert_eq!(verify_hs256(b"k", "a.b", 0), Err(JwtError::Malformed));
        assert!(verify_hs256(b"k", &token, 0).is_ok());
    }

    #[test]
    fn round_robin_and_sticky_routing() {
        let up = [true, true, true];
        let seq: Vec<_> = (0..5).map(|k| route(k, &up, None).unwrap()).collect();
        assert_eq!(seq, [0, 1, 2, 0, 1]);
        assert_eq!(route(4, &up, Some(0)), Some(0));
        // The sticky server down: round robin over servers 2 and 3.
        let down = [false, true, true];
        assert_eq!(route(3, &down, Some(0)), Some(2));
        assert_eq!(route(4, &down, Some(0)), Some(1));
        assert_eq!(route(0, &[false, false], None), None);
    }
}
