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

const AFTER_HELP: &str = "\
Examples:
  synack demo session --kind cookie
  synack demo session --kind jwt
  synack demo session --servers 3
  synack demo session --servers 3 --sticky
  synack demo session --servers 3 --store";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Set-Cookie attributes and when the browser sends a cookie back
    Cookie,
    /// A session id in a cookie, the data in the server's store
    ServerSession,
    /// A signed token (HS256) that carries the data itself
    Jwt,
}

#[derive(Debug, Parser)]
#[command(
    name = "session",
    about = "Sessions over stateless HTTP: cookies, a server's session store, JWT, and a load balancer in front",
    after_help = AFTER_HELP
)]
struct Args {
    /// What keeps the state: cookie, server-session or jwt
    #[arg(long, value_enum, default_value_t = Kind::ServerSession)]
    kind: Kind,
    /// Real loopback servers behind a round-robin load balancer (1-8; 2 or
    /// more shows the session lost, with --kind server-session)
    #[arg(long, value_name = "N", default_value_t = 1)]
    servers: usize,
    /// Fix: the load balancer sends a client back to the same server
    #[arg(long, conflicts_with_all = ["clustering", "store"])]
    sticky: bool,
    /// Fix: every server copies each session to every other server
    #[arg(long, conflicts_with = "store")]
    clustering: bool,
    /// Fix: every server keeps sessions in one shared store
    #[arg(long)]
    store: bool,
    /// The clock cookies and JWT `exp` are checked against (RFC 3339;
    /// default: SYNACK_NOW, else 2026-01-01T00:00:00Z)
    #[arg(long, value_name = "TIME", env = "SYNACK_NOW", default_value = DEFAULT_NOW,
          hide_env = true)]
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
    fn label(self) -> &'static str {
        match self {
            Context::SameSite => "같은 사이트",
            Context::CrossSiteNavigation => "다른 사이트의 링크",
            Context::ThirdParty => "third-party",
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
    fn label(self) -> &'static str {
        match self {
            Send::Yes => "보냄",
            Send::No => "안 보냄",
            Send::Partitioned => "분할 저장",
        }
    }
}

/// Whether `browser` sends a cookie with `rule` on an https request in
/// `context`, and why.
pub fn cookie_sent(rule: Rule, context: Context, browser: Browser) -> (Send, &'static str) {
    use cookie::SameSite as S;
    // RFC 6265bis §5.6.7: SameSite=None without Secure is refused at storage.
    if rule.same_site == Some(S::None) && !rule.secure {
        return (Send::No, "SameSite=None인데 Secure가 없어 저장되지 않음");
    }
    // Lax by default (6265bis §5.6.7.1) is Chromium's alone; Firefox and
    // Safari treat a missing SameSite as None.
    let effective = match (rule.same_site, browser) {
        (Some(s), _) => s,
        (None, Browser::Chrome) => S::Lax,
        (None, _) => S::None,
    };
    match (context, effective) {
        (Context::SameSite, _) => (Send::Yes, "같은 사이트 요청"),
        (Context::CrossSiteNavigation, S::Strict) => (Send::No, "Strict: 다른 사이트에서 온 요청"),
        (Context::CrossSiteNavigation, _) => (Send::Yes, "top-level GET 이동은 Lax도 보냄"),
        (Context::ThirdParty, S::Strict | S::Lax) => (Send::No, "하위 리소스 요청은 None만 보냄"),
        // SameSite=None in a third-party context: the browsers' own policy.
        (Context::ThirdParty, S::None) => match browser {
            Browser::Safari => (Send::No, "Safari는 third-party cookie를 기본 차단"),
            Browser::Chrome if rule.partitioned => {
                (Send::Partitioned, "CHIPS: top-level 사이트별 저장소")
            }
            Browser::Chrome => (Send::Yes, "Chrome은 third-party cookie를 유지"),
            Browser::Firefox => (
                Send::Partitioned,
                "Firefox는 third-party cookie를 top-level 사이트별로 분할",
            ),
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
        what: what.to_string(),
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
            SimError::Invalid(format!(
                "--now {text:?} is not an RFC 3339 timestamp (e.g. {DEFAULT_NOW}): {e}"
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
        return Err(SimError::Invalid(format!(
            "session: --servers {} is out of range (1-8)",
            args.servers
        )));
    }
    let fix = args.sticky || args.clustering || args.store;
    if fix && args.servers < 2 {
        return Err(SimError::Invalid(
            "session: --sticky, --clustering and --store need --servers 2 or more".into(),
        ));
    }
    if args.servers > 1 && args.kind != Kind::ServerSession {
        return Err(SimError::Invalid(
            "session: --servers works with --kind server-session (a cookie or a JWT carries its own state)".into(),
        ));
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
    out.title("쿠키: Set-Cookie의 속성과 브라우저가 쿠키를 돌려보내는 때 (RFC 6265bis)")?;
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
        .map_err(|_| SimError::Invalid("session: the server thread panicked".into()))??;
    let exchange = exchange?;
    out.lanes(["browser", "app.example"])?;
    out.event(Event::message(0.0, 0, 1, "GET / HTTP/1.1"))?;
    out.event(
        Event::message(0.0, 1, 0, "200 OK + Set-Cookie ×4")
            .note("127.0.0.1의 실제 서버가 보낸 응답입니다 (포트는 OS가 고릅니다)."),
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
        let yes = |b: Option<bool>| if b == Some(true) { "예" } else { "아니요" };
        let expires = c.expires_datetime().map(|t| iso(t.unix_timestamp()));
        let max_age = c.max_age().map(|d| d.whole_seconds());
        let same_site = c.same_site().map(|s| s.to_string());
        out.fields(
            format!("Set-Cookie: {}", c.name()),
            vec![
                Field::new(0, "value", c.value()),
                Field::new(0, "Domain", c.domain().unwrap_or("(없음: 이 호스트만)")),
                Field::new(0, "Path", c.path().unwrap_or("(없음)")),
                Field::new(
                    0,
                    "Expires/Max-Age",
                    match (&expires, max_age) {
                        (_, Some(s)) => format!("Max-Age {s}초"),
                        (Some(e), None) => format!("Expires {e}"),
                        (None, None) => "(없음: 브라우저를 닫으면 사라지는 session cookie)".into(),
                    },
                ),
                Field::new(0, "Secure", yes(c.secure())),
                Field::new(0, "HttpOnly", yes(c.http_only())),
                Field::new(0, "SameSite", same_site.clone().unwrap_or("(없음)".into())),
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
        "범위",
        "쿠키는 출처(origin)가 아니라 Domain과 Path로 범위가 정해집니다: 포트가 달라도 보내고, Secure가 없으면 http에도 보냅니다. HttpOnly는 JavaScript의 document.cookie에서 숨길 뿐 전송과는 무관합니다.",
    )?;
    let mut table = Table::new(["cookie", "요청", "Chrome", "Firefox", "Safari"])
        .titled("브라우저가 쿠키를 보내는가 (https, 2026년 기본 설정)");
    let mut sends = Vec::new();
    for c in &cookies {
        let rule = rule_of(c);
        for ctx in Context::ALL {
            let mut row = vec![c.name().to_string(), ctx.label().to_string()];
            for b in Browser::ALL {
                let (sent, why) = cookie_sent(rule, ctx, b);
                row.push(sent.label().to_string());
                sends.push(serde_json::json!({
                    "cookie": c.name(), "context": ctx, "browser": b, "sent": sent, "why": why,
                }));
            }
            table.row(row);
        }
    }
    out.table(table)?;
    out.note(
        "SameSite",
        "Strict는 같은 사이트 요청에만, Lax는 다른 사이트에서 링크로 들어오는 top-level GET 이동에도, None은 모든 요청에 보냅니다 (None에는 Secure가 필요합니다). SameSite가 없으면 Chromium만 Lax로 다룹니다 (legacy 행).",
    )?;
    out.note(
        "third-party",
        "다른 사이트의 페이지 안에서 app.example로 가는 이미지, fetch, iframe 요청입니다. 2026년 기본값: Safari는 third-party cookie를 막고, Firefox는 top-level 사이트별로 저장소를 나누며(Total Cookie Protection), Chrome은 막지 않기로 했습니다. Partitioned(CHIPS)는 쿠키가 top-level 사이트별 저장소에 들어가겠다고 스스로 밝히는 속성입니다. 분할 저장: 같은 top-level 사이트 아래에서 받은 쿠키만 보내고, app.example에 직접 들어가 받은 쿠키는 보내지 않습니다.",
    )?;
    Ok(serde_json::json!({
        "kind": "cookie",
        "response": exchange.response,
        "cookies": json_cookies,
        "sends": sends,
    }))
}

fn run_jwt(args: &Args, now: i64, out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    out.title("JWT: 서명된 토큰에 담긴 세션 (RFC 7519, HS256)")?;
    let key = format!("synack-demo-key-{}", args.common.seed).into_bytes();
    let header = r#"{"alg":"HS256","typ":"JWT"}"#;
    let payload = format!(
        r#"{{"sub":"alice","scope":"cart","iat":{now},"exp":{}}}"#,
        now + ACCESS_TTL
    );
    let token = sign_hs256(&key, header, &payload);
    let parts: Vec<&str> = token.split('.').collect();
    out.text(
        "서버는 로그인한 사용자에게 header.payload.signature 세 부분을 점으로 이은 access token을 줍니다. 각 부분은 base64url일 뿐 암호화가 아니므로 누구나 읽을 수 있고, 위조만 막힙니다.",
    )?;
    let mut lines = Vec::new();
    for (name, part) in ["header", "payload", "signature"].iter().zip(&parts) {
        lines.push(format!("{name}:"));
        for chunk in part.as_bytes().chunks(64) {
            lines.push(format!("  {}", String::from_utf8_lossy(chunk)));
        }
    }
    out.pre(lines)?;
    out.fields(
        "base64url을 풀면",
        vec![
            Field::new(0, "header", header),
            Field::new(0, "payload", payload.clone()),
            Field::new(1, "iat", iso(now)),
            Field::new(1, "exp", format!("{} (15분 뒤)", iso(now + ACCESS_TTL))),
            Field::new(
                0,
                "signature",
                "HMAC-SHA256(key, header + \".\" + payload), 32바이트",
            ),
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
        ("발급 직후", token.clone(), now),
        ("payload의 sub를 admin으로 바꿈", tampered, now),
        ("15분 뒤 (now ≥ exp)", token.clone(), now + ACCESS_TTL),
    ];
    let mut table = Table::new(["토큰", "검사 시각", "결과"]).titled("서버의 검증");
    let mut json_checks = Vec::new();
    for (what, t, at) in &checks {
        let result = verify_hs256(&key, t, *at);
        let shown = match &result {
            Ok(_) => "통과".to_string(),
            Err(JwtError::BadSignature) => "거부: 서명 불일치".to_string(),
            Err(JwtError::Expired) => "거부: exp 지남".to_string(),
            Err(JwtError::Malformed) => "거부: 형식 오류".to_string(),
        };
        table.row([what.to_string(), iso(*at), shown]);
        json_checks.push(serde_json::json!({
            "token": what, "at": iso(*at), "valid": result.is_ok(),
            "error": result.err(),
        }));
    }
    out.table(table)?;
    out.lanes(["client", "auth server", "API"])?;
    out.event(Event::message(0.0, 0, 1, "POST /token (password)"))?;
    out.event(
        Event::message(0.0, 1, 0, "access (15분) + refresh (14일)")
            .note("refresh token은 서버 저장소에 기록되는 불투명한 값입니다."),
    )?;
    out.event(Event::message(
        1.0,
        0,
        2,
        "GET /cart, Authorization: Bearer access",
    ))?;
    out.event(
        Event::message(1.0, 2, 0, "200 OK")
            .note("API는 키로 서명만 확인합니다: 세션 저장소 조회 없음."),
    )?;
    out.event(Event::message(
        ACCESS_TTL as f64 * 1000.0,
        0,
        2,
        "GET /cart (access 만료)",
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
        Event::message(ACCESS_TTL as f64 * 1000.0, 1, 0, "새 access + 새 refresh")
            .note("refresh token rotation: 쓴 refresh token은 폐기됩니다."),
    )?;
    out.note(
        "설계",
        "OAuth 2.0(RFC 6749)의 나눔입니다: 수명이 짧은 access token은 어느 서버든 키만으로 검증하므로 로드 밸런서 뒤에서도 상태가 없고, 대신 만료 전에는 취소하기 어렵습니다. 수명이 긴 refresh token은 인증 서버만 받고 저장소에서 취소할 수 있습니다.",
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
        (1, _) => "서버 세션: 쿠키에는 session id, 데이터는 서버의 저장소에".to_string(),
        (_, "none") => format!("로드 밸런서 뒤의 서버 {n}대: 두 번째 요청에서 세션이 사라짐"),
        (_, "sticky") => format!("서버 {n}대와 sticky session"),
        (_, "clustering") => format!("서버 {n}대와 세션 클러스터링"),
        _ => format!("서버 {n}대와 공유 세션 저장소"),
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
                Event::action(time, lane(dead), "장애: 서버가 멈춤")
                    .note("health check가 실패해 LB가 이 서버를 뺍니다."),
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
                "lb cookie가 가리키는 서버".to_string()
            } else if sticky.is_some() {
                "lb cookie의 서버가 죽어 round robin".to_string()
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
                format!("세션 있음: {}", body_of(&exchange))
            } else {
                format!(
                    "{}의 저장소에 이 sid가 없음: 세션을 잃었습니다",
                    name(server)
                )
            });
        } else if keep == Keep::Clustered {
            ev = ev.note(format!(
                "새 세션을 다른 서버 {}대에 복제합니다.",
                n.saturating_sub(1)
            ));
        } else if keep == Keep::Shared {
            ev = ev.note("세션을 공유 저장소(예: Redis)에 씁니다.");
        }
        out.event(ev)?;
        if n > 1 {
            let mut back = Event::message(time, 1, 0, reply);
            if args.sticky && *path == "/login" {
                jar.insert("lb".into(), (server + 1).to_string());
                back = back.note(format!(
                    "LB가 응답에 Set-Cookie: lb={} 헤더를 덧붙입니다.",
                    server + 1
                ));
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
    let mut table =
        Table::new(["server", "상태", "저장소의 session id"]).titled("서버별 세션 저장소");
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
            ("공유 저장소".to_string(), "동작".to_string())
        } else {
            (name(i), if up[i] { "동작" } else { "장애" }.to_string())
        };
        table.row([
            who,
            state,
            if ids.is_empty() {
                "(없음)".to_string()
            } else {
                ids.join(", ")
            },
        ]);
    }
    out.table(table)?;
    let copies = *copies.lock().unwrap_or_else(|e| e.into_inner());
    match fix {
        _ if n == 1 => out.note(
            "서버 세션",
            "쿠키에는 추측할 수 없는 session id만 있고 데이터는 서버 메모리에 있습니다. 서버가 한 대면 잘 되지만, 그 메모리는 그 서버만의 것입니다.",
        )?,
        "none" => out.note(
            "원인",
            "HTTP는 요청마다 독립이고 round robin LB는 다음 요청을 다른 서버로 보냅니다. 세션이 로그인한 서버의 메모리에만 있어 두 번째 요청부터 401이 납니다. 고치는 방법: --sticky, --clustering, --store.",
        )?,
        "sticky" => out.note(
            "sticky session",
            "LB가 쿠키(또는 IP hash)로 같은 클라이언트를 같은 서버에 붙입니다. 간단하지만 부하가 고르지 않을 수 있고, 그 서버가 죽으면 세션도 함께 사라집니다 (마지막 요청의 401).",
        )?,
        "clustering" => {
            out.note(
                "세션 클러스터링",
                format!(
                    "세션이 쓰일 때마다 모든 서버에 복제합니다 (이번 실행에서 복사 {copies}번). 서버가 죽어도 남지만, 쓰기 한 번에 N-1번의 복제와 서버마다 모든 세션의 메모리가 듭니다: all-to-all이라 서버가 늘수록 비쌉니다."
                ),
            )?;
            let mut cost = Table::new(["servers", "쓰기 1번의 복제", "세션 1개의 사본"])
                .titled("all-to-all 복제 비용");
            for s in [2usize, 3, 4, 8, 16] {
                cost.row([s.to_string(), (s - 1).to_string(), s.to_string()]);
            }
            out.table(cost)?;
        }
        _ => out.note(
            "공유 저장소",
            "모든 서버가 세션을 한 저장소(Redis, DB)에 두므로 어느 서버가 받아도, 서버가 죽어도 세션이 남습니다. 대가는 요청마다의 네트워크 왕복과, 저장소 자체의 가용성입니다.",
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
