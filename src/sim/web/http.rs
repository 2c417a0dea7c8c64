//! `synack demo http`: HTTP/1.1 keep-alive and head-of-line blocking against
//! HTTP/2 multiplexing, redirects and caching, on real loopback connections.
//!
//! Every request and response really crosses a TCP connection on 127.0.0.1
//! (std sockets, heads parsed with `httparse`; HTTP/2 frames built and read
//! here per RFC 9113 §4.1, header blocks compressed with `httlib-hpack`,
//! RFC 7541). The server's slowness is not slept: times come from a virtual
//! clock ([`ONE_WAY_MS`], [`SLOW_MS`], [`FAST_MS`]), so the output is the same
//! on every run; the bytes and the order are the real ones.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use clap::{Parser, ValueEnum};
use serde::Serialize;

use crate::sim::trace::{Event, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "http",
    title: || crate::tr!("demo-http-title"),
    summary: || crate::tr!("demo-http-summary"),
    topics: &[
        "HTTP/1.1",
        "HTTP/2",
        "keep-alive",
        "HPACK",
        "redirect",
        "cache",
    ],
    keywords: &[
        "http/2",
        "http2",
        "멀티플렉싱",
        "multiplexing",
        "keep-alive",
        "head-of-line",
        "hol",
        "hpack",
        "리다이렉트",
        "redirect",
        "캐시",
        "etag",
        "cache-control",
    ],
    run,
};

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-http-examples"))
}

const EXAMPLES: &str = "
  synack demo http
  synack demo http --mode redirect
  synack demo http --mode cache";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    #[value(help = crate::tr!("demo-http-mode-multiplex"))]
    Multiplex,
    #[value(help = crate::tr!("demo-http-mode-redirect"))]
    Redirect,
    #[value(help = crate::tr!("demo-http-mode-cache"))]
    Cache,
}

#[derive(Debug, Parser)]
#[command(
    name = "http",
    about = crate::tr!("demo-http-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Mode::Multiplex,
          help = crate::tr!("demo-http-opt-mode"))]
    mode: Mode,
    #[command(flatten)]
    common: Common,
}

/// One way across the virtual network.
pub const ONE_WAY_MS: f64 = 20.0;
/// The slow response's server time.
pub const SLOW_MS: f64 = 300.0;
/// A fast response's server time.
pub const FAST_MS: f64 = 10.0;

/// The three paths; the first is slow.
pub const PATHS: [&str; 3] = ["/slow", "/a.css", "/b.js"];

fn server_ms(path: &str) -> f64 {
    if path == "/slow" { SLOW_MS } else { FAST_MS }
}

// ---------------------------------------------------------------- models

/// The method a client uses to follow a redirect (RFC 9110 §15.4, Fetch
/// "HTTP-redirect fetch" step 12): 301 and 302 turn POST into GET (what
/// browsers do, which the RFC allows); 303 turns everything but HEAD into
/// GET; 307 and 308 keep the method (and the body). Other statuses are not
/// redirects and change nothing.
pub fn redirect_method(status: u16, method: &str) -> String {
    match (status, method) {
        (301 | 302, "POST") => "GET".to_string(),
        (303, "HEAD") => "HEAD".to_string(),
        (303, _) => "GET".to_string(),
        _ => method.to_string(),
    }
}

/// The id of the `n`-th (from 0) stream a client opens on an HTTP/2
/// connection: client-initiated streams are odd, from 1, each new one higher
/// (RFC 9113 §5.1.1); the server's pushed streams are even.
pub fn client_stream_id(n: u32) -> u32 {
    2 * n + 1
}

/// When each response of three requests sent one after another on one
/// HTTP/1.1 connection arrives: each waits for the one before (head-of-line
/// blocking), in the order sent.
pub fn h1_arrivals(paths: &[&str]) -> Vec<f64> {
    let mut t = 0.0;
    paths
        .iter()
        .map(|p| {
            t += 2.0 * ONE_WAY_MS + server_ms(p);
            t
        })
        .collect()
}

/// The same over parallel HTTP/1.1 connections (a browser opens up to six):
/// the first on the open connection, each other after a new TCP handshake.
pub fn parallel_arrivals(paths: &[&str]) -> Vec<f64> {
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let handshake = if i == 0 { 0.0 } else { 2.0 * ONE_WAY_MS };
            handshake + 2.0 * ONE_WAY_MS + server_ms(p)
        })
        .collect()
}

/// HTTP/2 on one connection: all sent at once on streams 1, 3, 5; each
/// answered when ready.
pub fn h2_arrivals(paths: &[&str]) -> Vec<f64> {
    paths
        .iter()
        .map(|p| 2.0 * ONE_WAY_MS + server_ms(p))
        .collect()
}

/// What a cache does with a stored response at `age` seconds (RFC 9111).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CacheAction {
    /// Fresh: answered from the cache, nothing sent (§4.2).
    FromCache,
    /// Stored but stale or `no-cache`: a conditional request (§4.3.1).
    Revalidate,
    /// Nothing stored (or `no-store`): a full request (§3).
    Fetch,
}

/// The cache's choice for a response with `cache_control`, stored or not,
/// `age` seconds after it was received.
pub fn cache_action(cache_control: &str, stored: bool, age: u32) -> CacheAction {
    let directives: Vec<&str> = cache_control.split(',').map(str::trim).collect();
    if !stored || directives.contains(&"no-store") {
        return CacheAction::Fetch;
    }
    if directives.contains(&"no-cache") {
        return CacheAction::Revalidate;
    }
    let max_age = directives
        .iter()
        .find_map(|d| d.strip_prefix("max-age="))
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    if age < max_age {
        CacheAction::FromCache
    } else {
        CacheAction::Revalidate
    }
}

// ---------------------------------------------------------------- JSON

#[derive(Debug, Clone, Serialize)]
struct FrameJson {
    time_ms: f64,
    connection: u32,
    stream: Option<u32>,
    #[serde(rename = "type")]
    kind: String,
    bytes: usize,
}

#[derive(Debug, Clone, Serialize)]
struct ResponseJson {
    protocol: &'static str,
    connection: u32,
    stream: Option<u32>,
    method: String,
    path: String,
    status: u16,
    order: usize,
    time_ms: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    mode: &'static str,
    protocol: &'static str,
    connections: u32,
    frames: Vec<FrameJson>,
    responses: Vec<ResponseJson>,
}

// ---------------------------------------------------------------- sockets

const TIMEOUT: Duration = Duration::from_secs(2);

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

fn bad(what: impl std::fmt::Display) -> SimError {
    SimError::Invalid(crate::tr!("demo-http-err", what = what.to_string()))
}

/// A connected pair on 127.0.0.1: (client, server).
fn pair() -> Result<(TcpStream, TcpStream), SimError> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    let port = listener
        .local_addr()
        .map_err(io("reading the port"))?
        .port();
    let client =
        TcpStream::connect_timeout(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)), TIMEOUT)
            .map_err(io("connecting"))?;
    let (server, _) = listener.accept().map_err(io("accepting"))?;
    for s in [&client, &server] {
        s.set_read_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
        s.set_write_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
        s.set_nodelay(true).map_err(io("nodelay"))?;
    }
    Ok((client, server))
}

/// An HTTP/1.1 message head and body, read by Content-Length.
struct Message {
    start: String,
    headers: Vec<(String, String)>,
    bytes: usize,
}

impl Message {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one HTTP/1.1 message (request or response) from `stream`,
/// keeping bytes past it in `buf` for the next.
fn read_message(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    request: bool,
) -> Result<Option<Message>, SimError> {
    let mut chunk = [0u8; 8192];
    for _ in 0..256 {
        let mut hs = [httparse::EMPTY_HEADER; 32];
        let parsed = if request {
            let mut r = httparse::Request::new(&mut hs);
            match r.parse(buf).map_err(bad)? {
                httparse::Status::Complete(n) => Some((
                    n,
                    format!(
                        "{} {}",
                        r.method.unwrap_or_default(),
                        r.path.unwrap_or_default()
                    ),
                    r.headers.to_vec(),
                )),
                httparse::Status::Partial => None,
            }
        } else {
            let mut r = httparse::Response::new(&mut hs);
            match r.parse(buf).map_err(bad)? {
                httparse::Status::Complete(n) => Some((
                    n,
                    format!(
                        "{} {}",
                        r.code.unwrap_or_default(),
                        r.reason.unwrap_or_default()
                    ),
                    r.headers.to_vec(),
                )),
                httparse::Status::Partial => None,
            }
        };
        if let Some((head, start, headers)) = parsed {
            let headers: Vec<(String, String)> = headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_string(),
                        String::from_utf8_lossy(h.value).into_owned(),
                    )
                })
                .collect();
            let len: usize = headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            if buf.len() >= head + len {
                buf.drain(..head + len);
                return Ok(Some(Message {
                    start,
                    headers,
                    bytes: head + len,
                }));
            }
        }
        let n = stream.read(&mut chunk).map_err(io("reading"))?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Err(bad(crate::tr!("demo-http-err-message-too-long")))
}

/// A server's answer to (method, path, If-None-Match): status, headers and
/// the body's length.
type Answer = fn(&str, &str, Option<&str>) -> (u16, Vec<(String, String)>, usize);

/// A tiny HTTP/1.1 server on one keep-alive connection: answers each
/// request with `answer(method, path, if_none_match)` until the client closes.
fn serve_h1(mut stream: TcpStream, answer: Answer) -> Result<(), SimError> {
    let mut buf = Vec::new();
    for _ in 0..32 {
        let Some(req) = read_message(&mut stream, &mut buf, true)? else {
            return Ok(());
        };
        let (method, path) = req.start.split_once(' ').unwrap_or_default();
        let (status, headers, body) = answer(method, path, req.header("if-none-match"));
        let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
        for (n, v) in headers {
            head += &format!("{n}: {v}\r\n");
        }
        head += &format!("Content-Length: {body}\r\n\r\n");
        let mut bytes = head.into_bytes();
        bytes.resize(bytes.len() + body, b'x');
        stream.write_all(&bytes).map_err(io("server write"))?;
    }
    Ok(())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        _ => "",
    }
}

/// Sends one request and reads its response on a keep-alive connection.
fn round_trip(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    request: &str,
) -> Result<(usize, Message), SimError> {
    stream
        .write_all(request.as_bytes())
        .map_err(io("sending"))?;
    let resp = read_message(stream, buf, false)?
        .ok_or_else(|| bad(crate::tr!("demo-http-err-closed-early")))?;
    Ok((request.len(), resp))
}

fn status_of(m: &Message) -> u16 {
    m.start
        .split(' ')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let report = match args.mode {
        Mode::Multiplex => multiplex(out)?,
        Mode::Redirect => redirects(out)?,
        Mode::Cache => caching(out)?,
    };
    serde_json::to_value(&report).map_err(|e| SimError::Invalid(e.to_string()))
}

fn arrow(time: f64, from: usize, to: usize, label: impl Into<String>) -> Event {
    Event::message(time, from, to, label)
}

// ---------------------------------------------------------------- multiplex

fn h1_request(path: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: example.test\r\nUser-Agent: synack-demo/1\r\n\
         Accept: */*\r\nAccept-Language: ko-KR\r\nCookie: session=abc123\r\n\r\n"
    )
}

fn body_len(path: &str) -> usize {
    if path == "/slow" { 20000 } else { 1200 }
}

fn multiplex_answer(_: &str, path: &str, _: Option<&str>) -> (u16, Vec<(String, String)>, usize) {
    (
        200,
        vec![("Content-Type".into(), "text/plain".into())],
        body_len(path),
    )
}

/// RFC 9113 §4.1: a frame's 9-byte header and its payload.
fn frame(kind: u8, flags: u8, stream: u32, payload: &[u8]) -> Vec<u8> {
    let len = payload.len() as u32;
    let mut f = vec![(len >> 16) as u8, (len >> 8) as u8, len as u8, kind, flags];
    f.extend_from_slice(&(stream & 0x7fff_ffff).to_be_bytes());
    f.extend_from_slice(payload);
    f
}

const DATA: u8 = 0x0;
const HEADERS: u8 = 0x1;
const SETTINGS: u8 = 0x4;
const END_STREAM: u8 = 0x1;
const END_HEADERS: u8 = 0x4;
const ACK: u8 = 0x1;
const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

fn frame_name(kind: u8) -> &'static str {
    match kind {
        DATA => "DATA",
        HEADERS => "HEADERS",
        SETTINGS => "SETTINGS",
        _ => "OTHER",
    }
}

/// Reads one frame: (type, flags, stream, payload).
fn read_frame(stream: &mut TcpStream) -> Result<(u8, u8, u32, Vec<u8>), SimError> {
    let mut head = [0u8; 9];
    stream
        .read_exact(&mut head)
        .map_err(io("reading a frame"))?;
    let len = u32::from_be_bytes([0, head[0], head[1], head[2]]) as usize;
    if len > 1 << 20 {
        return Err(bad(crate::tr!("demo-http-err-frame-too-long")));
    }
    let mut payload = vec![0u8; len];
    stream
        .read_exact(&mut payload)
        .map_err(io("reading a frame"))?;
    let id = u32::from_be_bytes([head[5], head[6], head[7], head[8]]) & 0x7fff_ffff;
    Ok((head[3], head[4], id, payload))
}

/// The request headers, in HTTP/2's form.
fn h2_headers(path: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    [
        (":method", "GET"),
        (":scheme", "https"),
        (":authority", "example.test"),
        (":path", path),
        ("user-agent", "synack-demo/1"),
        ("accept", "*/*"),
        ("accept-language", "ko-KR"),
        ("cookie", "session=abc123"),
    ]
    .iter()
    .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec()))
    .collect()
}

/// Encodes a header list with HPACK, indexing every header (RFC 7541
/// §6.2.1) and Huffman-coding literals, as browsers do.
fn hpack_encode(
    encoder: &mut httlib_hpack::Encoder<'_>,
    headers: &[(Vec<u8>, Vec<u8>)],
) -> Result<Vec<u8>, SimError> {
    let flags = httlib_hpack::Encoder::BEST_FORMAT
        | httlib_hpack::Encoder::WITH_INDEXING
        | httlib_hpack::Encoder::HUFFMAN_NAME
        | httlib_hpack::Encoder::HUFFMAN_VALUE;
    let mut out = Vec::new();
    for (n, v) in headers {
        encoder
            .encode((n.clone(), v.clone(), flags), &mut out)
            .map_err(|e| bad(format!("HPACK: {e:?}")))?;
    }
    Ok(out)
}

/// The HTTP/2 server: reads the preface, SETTINGS and three HEADERS, then
/// answers in the virtual clock's order, the slow stream's HEADERS first and
/// its DATA last.
fn serve_h2(mut stream: TcpStream) -> Result<(), SimError> {
    let mut preface = [0u8; 24];
    stream
        .read_exact(&mut preface)
        .map_err(io("reading the preface"))?;
    if preface != PREFACE {
        return Err(bad(crate::tr!("demo-http-err-preface")));
    }
    let mut decoder = httlib_hpack::Decoder::default();
    let mut requests = Vec::new();
    for _ in 0..8 {
        let (kind, _, id, payload) = read_frame(&mut stream)?;
        if kind == HEADERS {
            let mut block = payload;
            let mut headers = Vec::new();
            decoder
                .decode(&mut block, &mut headers)
                .map_err(|e| bad(format!("HPACK: {e:?}")))?;
            let path = headers
                .iter()
                .find(|(n, _, _)| n == b":path")
                .map(|(_, v, _)| String::from_utf8_lossy(v).into_owned())
                .unwrap_or_default();
            requests.push((id, path));
            if requests.len() == 3 {
                break;
            }
        }
    }
    let mut encoder = httlib_hpack::Encoder::default();
    let mut out = frame(SETTINGS, 0, 0, &[]);
    out.extend(frame(SETTINGS, ACK, 0, &[]));
    let response_headers = [
        (b":status".to_vec(), b"200".to_vec()),
        (b"content-type".to_vec(), b"text/plain".to_vec()),
    ];
    let status = |enc: &mut httlib_hpack::Encoder<'_>| hpack_encode(enc, &response_headers);
    let slow: Vec<&(u32, String)> = requests.iter().filter(|(_, p)| p == "/slow").collect();
    for (id, _) in &slow {
        out.extend(frame(HEADERS, END_HEADERS, *id, &status(&mut encoder)?));
    }
    for (id, path) in requests.iter().filter(|(_, p)| p != "/slow") {
        out.extend(frame(HEADERS, END_HEADERS, *id, &status(&mut encoder)?));
        out.extend(frame(DATA, END_STREAM, *id, &vec![b'x'; body_len(path)]));
    }
    for (id, path) in slow {
        // 16384 is SETTINGS_MAX_FRAME_SIZE's initial value (§6.5.2).
        let body = vec![b'x'; body_len(path)];
        let chunks: Vec<&[u8]> = body.chunks(16384).collect();
        for (i, c) in chunks.iter().enumerate() {
            let flags = if i + 1 == chunks.len() { END_STREAM } else { 0 };
            out.extend(frame(DATA, flags, *id, c));
        }
    }
    stream.write_all(&out).map_err(io("server write"))?;
    Ok(())
}

fn multiplex(out: &mut Emitter<'_>) -> Result<Report, SimError> {
    let mut frames = Vec::new();
    let mut responses = Vec::new();
    out.title(crate::tr!("demo-http-multiplex-title"))?;
    out.text(crate::tr!(
        "demo-http-multiplex-intro",
        paths = PATHS.join(", "),
        slow = SLOW_MS,
        fast = FAST_MS,
        one_way = ONE_WAY_MS
    ))?;

    // HTTP/1.1, one keep-alive connection.
    out.heading(crate::tr!("demo-http-step-h1"))?;
    let (mut client, server) = pair()?;
    let srv = std::thread::spawn(move || serve_h1(server, multiplex_answer));
    out.lanes(["client", "server"])?;
    let arrivals = h1_arrivals(&PATHS);
    let mut buf = Vec::new();
    let mut sent_at = 0.0;
    for (i, path) in PATHS.iter().enumerate() {
        let (sent, resp) = round_trip(&mut client, &mut buf, &h1_request(path))?;
        frames.push(FrameJson {
            time_ms: sent_at,
            connection: 1,
            stream: None,
            kind: "request".into(),
            bytes: sent,
        });
        frames.push(FrameJson {
            time_ms: arrivals[i],
            connection: 1,
            stream: None,
            kind: "response".into(),
            bytes: resp.bytes,
        });
        out.event(arrow(sent_at, 0, 1, format!("GET {path}")))?;
        let mut ev = arrow(
            arrivals[i],
            1,
            0,
            format!("{} {path} ({} B)", resp.start, resp.bytes),
        );
        if i > 0 {
            ev = ev.note(crate::tr!("demo-http-hol-note", sent_at = sent_at));
        }
        out.event(ev)?;
        responses.push(ResponseJson {
            protocol: "HTTP/1.1",
            connection: 1,
            stream: None,
            method: "GET".into(),
            path: path.to_string(),
            status: status_of(&resp),
            order: i + 1,
            time_ms: arrivals[i],
        });
        sent_at = arrivals[i];
    }
    drop(client);
    srv.join()
        .map_err(|_| bad(crate::tr!("demo-http-err-thread")))??;

    let par = parallel_arrivals(&PATHS);
    let h2 = h2_arrivals(&PATHS);
    let mut table = Table::new([
        crate::tr!("demo-http-col-way"),
        crate::tr!("demo-http-col-connections"),
        crate::tr!("demo-http-col-order"),
        crate::tr!("demo-http-col-last"),
    ]);
    let order = |times: &[f64]| {
        let mut idx: Vec<usize> = (0..times.len()).collect();
        idx.sort_by(|&a, &b| times[a].total_cmp(&times[b]).then(a.cmp(&b)));
        idx.iter().map(|&i| PATHS[i]).collect::<Vec<_>>().join(" ")
    };
    let last = |t: &[f64]| format!("{} ms", t.iter().copied().fold(0.0, f64::max));
    table.row([
        "HTTP/1.1 keep-alive".into(),
        "1".into(),
        order(&arrivals),
        last(&arrivals),
    ]);
    table.row([
        crate::tr!("demo-http-h1-parallel"),
        crate::tr!("demo-http-h1-parallel-count"),
        order(&par),
        last(&par),
    ]);
    table.row(["HTTP/2".into(), "1".into(), order(&h2), last(&h2)]);
    out.table(table.titled(crate::tr!("demo-http-compare-title")))?;
    out.note(
        crate::tr!("demo-http-six-label"),
        crate::tr!("demo-http-six"),
    )?;

    // HTTP/2 on one connection.
    out.heading(crate::tr!("demo-http-step-h2"))?;
    let (mut client, server) = pair()?;
    let srv = std::thread::spawn(move || serve_h2(server));
    let mut encoder = httlib_hpack::Encoder::default();
    let mut wire = PREFACE.to_vec();
    let settings = frame(SETTINGS, 0, 0, &[]);
    frames.push(FrameJson {
        time_ms: 0.0,
        connection: 2,
        stream: Some(0),
        kind: "SETTINGS".into(),
        bytes: settings.len(),
    });
    wire.extend(settings);
    let mut hpack = Table::new([
        crate::tr!("demo-http-col-stream"),
        crate::tr!("demo-http-col-path"),
        crate::tr!("demo-http-col-h1-headers"),
        "HPACK".to_string(),
        crate::tr!("demo-http-col-saved"),
    ]);
    out.lanes(["client", "server"])?;
    out.event(arrow(0.0, 0, 1, "preface + SETTINGS"))?;
    for (i, path) in PATHS.iter().enumerate() {
        let id = client_stream_id(i as u32);
        let block = hpack_encode(&mut encoder, &h2_headers(path))?;
        let f = frame(HEADERS, END_HEADERS | END_STREAM, id, &block);
        frames.push(FrameJson {
            time_ms: 0.0,
            connection: 2,
            stream: Some(id),
            kind: "HEADERS".into(),
            bytes: f.len(),
        });
        let before = h1_request(path).len();
        hpack.row([
            id.to_string(),
            path.to_string(),
            format!("{before} B"),
            format!("{} B", block.len()),
            format!("{:.0}%", 100.0 * (1.0 - block.len() as f64 / before as f64)),
        ]);
        out.event(arrow(0.0, 0, 1, format!("HEADERS stream {id} GET {path}")))?;
        wire.extend(f);
    }
    client.write_all(&wire).map_err(io("sending"))?;
    let mut done = 0;
    let mut data_seen = std::collections::HashMap::new();
    let mut order_n = 0;
    for _ in 0..32 {
        if done == 3 {
            break;
        }
        let (kind, flags, id, payload) = read_frame(&mut client)?;
        let idx = ((id.max(1) - 1) / 2) as usize;
        let path = PATHS.get(idx).copied().unwrap_or("");
        let time = match (kind, id) {
            (SETTINGS, _) => ONE_WAY_MS,
            // The slow stream's HEADERS leave as soon as the server has them.
            (HEADERS, _) if path == "/slow" => 2.0 * ONE_WAY_MS,
            _ => h2[idx],
        };
        frames.push(FrameJson {
            time_ms: time,
            connection: 2,
            stream: Some(id),
            kind: frame_name(kind).into(),
            bytes: payload.len() + 9,
        });
        let label = match kind {
            SETTINGS if flags & ACK != 0 => "SETTINGS ACK".to_string(),
            SETTINGS => "SETTINGS".to_string(),
            HEADERS => format!("HEADERS stream {id} :status 200"),
            _ => {
                let n = data_seen.entry(id).or_insert(0);
                *n += 1;
                format!(
                    "DATA stream {id} {} B{}",
                    payload.len(),
                    if flags & END_STREAM != 0 {
                        " END_STREAM"
                    } else {
                        ""
                    }
                )
            }
        };
        let mut ev = arrow(time, 1, 0, label);
        if kind == DATA && flags & END_STREAM != 0 {
            done += 1;
            order_n += 1;
            responses.push(ResponseJson {
                protocol: "HTTP/2",
                connection: 2,
                stream: Some(id),
                method: "GET".into(),
                path: path.to_string(),
                status: 200,
                order: order_n,
                time_ms: time,
            });
            if path != "/slow" {
                ev = ev.note(crate::tr!("demo-http-h2-first", path = path));
            }
        }
        out.event(ev)?;
    }
    drop(client);
    srv.join()
        .map_err(|_| bad(crate::tr!("demo-http-err-thread")))??;
    if done != 3 {
        return Err(bad(crate::tr!("demo-http-err-streams")));
    }
    out.table(hpack.titled(crate::tr!("demo-http-hpack-title")))?;
    out.note("HPACK", crate::tr!("demo-http-hpack"))?;
    out.note("TCP HOL", crate::tr!("demo-http-tcp-hol"))?;
    Ok(Report {
        mode: "multiplex",
        protocol: "HTTP/1.1, HTTP/2",
        connections: 2,
        frames,
        responses,
    })
}

// ---------------------------------------------------------------- redirect

fn redirect_answer(_: &str, path: &str, _: Option<&str>) -> (u16, Vec<(String, String)>, usize) {
    match path
        .strip_prefix("/old-")
        .and_then(|s| s.parse::<u16>().ok())
    {
        Some(status) => (status, vec![("Location".into(), "/new".into())], 0),
        None => (200, vec![("Content-Type".into(), "text/plain".into())], 2),
    }
}

fn redirects(out: &mut Emitter<'_>) -> Result<Report, SimError> {
    out.title(crate::tr!("demo-http-redirect-title"))?;
    out.text(crate::tr!("demo-http-redirect-intro"))?;
    let (mut client, server) = pair()?;
    let srv = std::thread::spawn(move || serve_h1(server, redirect_answer));
    let mut buf = Vec::new();
    let mut frames = Vec::new();
    let mut responses = Vec::new();
    let mut table = Table::new([
        crate::tr!("demo-http-col-status"),
        crate::tr!("demo-http-col-meaning"),
        crate::tr!("demo-http-col-follow"),
        crate::tr!("demo-http-col-body"),
    ]);
    let with_body = crate::tr!("demo-http-with-body");
    out.lanes(["client", "server"])?;
    let mut t = 0.0;
    for status in [301u16, 302, 303, 307, 308] {
        let req = format!(
            "POST /old-{status} HTTP/1.1\r\nHost: example.test\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nname=ko"
        );
        let (sent, resp) = round_trip(&mut client, &mut buf, &req)?;
        let got = status_of(&resp);
        let location = resp.header("location").unwrap_or("/new").to_string();
        frames.push(FrameJson {
            time_ms: t,
            connection: 1,
            stream: None,
            kind: "request".into(),
            bytes: sent,
        });
        out.event(arrow(t, 0, 1, format!("POST /old-{status}")))?;
        t += 2.0 * ONE_WAY_MS;
        frames.push(FrameJson {
            time_ms: t,
            connection: 1,
            stream: None,
            kind: "response".into(),
            bytes: resp.bytes,
        });
        out.event(arrow(
            t,
            1,
            0,
            format!("{} Location: {location}", resp.start),
        ))?;
        responses.push(ResponseJson {
            protocol: "HTTP/1.1",
            connection: 1,
            stream: None,
            method: "POST".into(),
            path: format!("/old-{status}"),
            status: got,
            order: responses.len() + 1,
            time_ms: t,
        });
        let method = redirect_method(got, "POST");
        let keeps_body = method == "POST";
        let follow = if keeps_body {
            format!(
                "POST {location} HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nname=ko"
            )
        } else {
            format!("{method} {location} HTTP/1.1\r\nHost: example.test\r\n\r\n")
        };
        let (sent, resp) = round_trip(&mut client, &mut buf, &follow)?;
        frames.push(FrameJson {
            time_ms: t,
            connection: 1,
            stream: None,
            kind: "request".into(),
            bytes: sent,
        });
        out.event(arrow(
            t,
            0,
            1,
            format!(
                "{method} {location}{}",
                if keeps_body { with_body.as_str() } else { "" }
            ),
        ))?;
        t += 2.0 * ONE_WAY_MS;
        frames.push(FrameJson {
            time_ms: t,
            connection: 1,
            stream: None,
            kind: "response".into(),
            bytes: resp.bytes,
        });
        out.event(arrow(t, 1, 0, resp.start.clone()))?;
        responses.push(ResponseJson {
            protocol: "HTTP/1.1",
            connection: 1,
            stream: None,
            method: method.clone(),
            path: location,
            status: status_of(&resp),
            order: responses.len() + 1,
            time_ms: t,
        });
        let meaning = match got {
            301 => crate::tr!("demo-http-301"),
            302 => crate::tr!("demo-http-302"),
            303 => crate::tr!("demo-http-303"),
            307 => crate::tr!("demo-http-307"),
            _ => crate::tr!("demo-http-308"),
        };
        table.row([
            got.to_string(),
            meaning,
            method,
            if keeps_body {
                crate::tr!("demo-http-body-kept")
            } else {
                crate::tr!("demo-http-body-dropped")
            },
        ]);
    }
    drop(client);
    srv.join()
        .map_err(|_| bad(crate::tr!("demo-http-err-thread")))??;
    out.table(table.titled(crate::tr!("demo-http-redirects-title")))?;
    out.note(
        crate::tr!("demo-http-why-label"),
        crate::tr!("demo-http-redirects-why"),
    )?;
    Ok(Report {
        mode: "redirect",
        protocol: "HTTP/1.1",
        connections: 1,
        frames,
        responses,
    })
}

// ---------------------------------------------------------------- cache

fn cache_control_of(path: &str) -> &'static str {
    match path {
        "/max-age" => "max-age=60",
        "/no-cache" => "no-cache",
        _ => "no-store",
    }
}

fn cache_answer(_: &str, path: &str, inm: Option<&str>) -> (u16, Vec<(String, String)>, usize) {
    let headers = vec![
        (
            "Cache-Control".to_string(),
            cache_control_of(path).to_string(),
        ),
        ("ETag".to_string(), "\"v1\"".to_string()),
    ];
    if inm == Some("\"v1\"") {
        (304, headers, 0)
    } else {
        (200, headers, 5000)
    }
}

fn caching(out: &mut Emitter<'_>) -> Result<Report, SimError> {
    out.title(crate::tr!("demo-http-cache-title"))?;
    out.text(crate::tr!("demo-http-cache-intro"))?;
    let (mut client, server) = pair()?;
    let srv = std::thread::spawn(move || serve_h1(server, cache_answer));
    let mut buf = Vec::new();
    let mut frames = Vec::new();
    let mut responses = Vec::new();
    let mut table = Table::new([
        crate::tr!("demo-http-col-resource"),
        "Cache-Control".to_string(),
        crate::tr!("demo-http-col-at", secs = 0),
        crate::tr!("demo-http-col-at", secs = 30),
        crate::tr!("demo-http-col-at", secs = 90),
    ]);
    for path in ["/max-age", "/no-cache", "/no-store"] {
        out.heading(format!(
            "{path} (Cache-Control: {})",
            cache_control_of(path)
        ))?;
        out.lanes(["browser cache", "server"])?;
        let mut stored: Option<(u32, String)> = None;
        let mut cells = vec![path.to_string(), cache_control_of(path).to_string()];
        for at in [0u32, 30, 90] {
            let t = f64::from(at) * 1000.0;
            let cc = cache_control_of(path);
            let action = cache_action(
                cc,
                stored.is_some(),
                stored.as_ref().map_or(0, |(s, _)| at - s),
            );
            if action == CacheAction::FromCache {
                out.event(Event::action(
                    t,
                    0,
                    crate::tr!(
                        "demo-http-from-cache",
                        path = path,
                        age = at - stored.as_ref().map_or(0, |(s, _)| *s)
                    ),
                ))?;
                cells.push(crate::tr!("demo-http-cache-cell"));
                continue;
            }
            let mut req = format!("GET {path} HTTP/1.1\r\nHost: example.test\r\n");
            if action == CacheAction::Revalidate {
                let etag = stored.as_ref().map(|(_, e)| e.clone()).unwrap_or_default();
                req += &format!("If-None-Match: {etag}\r\n");
            }
            req += "\r\n";
            let (sent, resp) = round_trip(&mut client, &mut buf, &req)?;
            let status = status_of(&resp);
            frames.push(FrameJson {
                time_ms: t,
                connection: 1,
                stream: None,
                kind: "request".into(),
                bytes: sent,
            });
            frames.push(FrameJson {
                time_ms: t + 2.0 * ONE_WAY_MS,
                connection: 1,
                stream: None,
                kind: "response".into(),
                bytes: resp.bytes,
            });
            let label = if action == CacheAction::Revalidate {
                format!("GET {path} If-None-Match: \"v1\"")
            } else {
                format!("GET {path}")
            };
            out.event(arrow(t, 0, 1, label))?;
            let mut ev = arrow(
                t + 2.0 * ONE_WAY_MS,
                1,
                0,
                format!("{} ({} B)", resp.start, resp.bytes),
            );
            ev = match (cc, status) {
                (_, 304) => ev.note(crate::tr!("demo-http-304-note")),
                ("no-store", _) => ev.note(crate::tr!("demo-http-no-store-note")),
                _ => ev,
            };
            out.event(ev)?;
            responses.push(ResponseJson {
                protocol: "HTTP/1.1",
                connection: 1,
                stream: None,
                method: "GET".into(),
                path: path.to_string(),
                status,
                order: responses.len() + 1,
                time_ms: t + 2.0 * ONE_WAY_MS,
            });
            cells.push(format!("{status} ({} B)", resp.bytes));
            if cc != "no-store" {
                let etag = resp.header("etag").unwrap_or_default().to_string();
                stored = Some((at, etag));
            }
        }
        table.row(cells);
    }
    drop(client);
    srv.join()
        .map_err(|_| bad(crate::tr!("demo-http-err-thread")))??;
    out.table(table.titled(crate::tr!("demo-http-cache-table-title")))?;
    out.note("no-cache", crate::tr!("demo-http-no-cache"))?;
    Ok(Report {
        mode: "cache",
        protocol: "HTTP/1.1",
        connections: 1,
        frames,
        responses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_keep_or_change_the_method_per_rfc_9110() {
        assert_eq!(redirect_method(301, "POST"), "GET");
        assert_eq!(redirect_method(302, "POST"), "GET");
        assert_eq!(redirect_method(301, "PUT"), "PUT");
        assert_eq!(redirect_method(303, "POST"), "GET");
        assert_eq!(redirect_method(303, "DELETE"), "GET");
        assert_eq!(redirect_method(303, "HEAD"), "HEAD");
        assert_eq!(redirect_method(307, "POST"), "POST");
        assert_eq!(redirect_method(308, "PUT"), "PUT");
        assert_eq!(redirect_method(200, "POST"), "POST");
    }

    #[test]
    fn http1_answers_in_order_and_http2_as_ready() {
        // 20 ms each way: /slow 40+300, then /a.css after it 340+50, /b.js 390+50.
        assert_eq!(h1_arrivals(&PATHS), [340.0, 390.0, 440.0]);
        assert_eq!(h2_arrivals(&PATHS), [340.0, 50.0, 50.0]);
        // New connections pay a handshake (40 ms) first.
        assert_eq!(parallel_arrivals(&PATHS), [340.0, 90.0, 90.0]);
    }

    #[test]
    fn caches_follow_rfc_9111() {
        assert_eq!(cache_action("max-age=60", false, 0), CacheAction::Fetch);
        assert_eq!(cache_action("max-age=60", true, 30), CacheAction::FromCache);
        assert_eq!(
            cache_action("max-age=60", true, 60),
            CacheAction::Revalidate
        );
        assert_eq!(cache_action("no-cache", true, 0), CacheAction::Revalidate);
        assert_eq!(cache_action("no-store", true, 0), CacheAction::Fetch);
        assert_eq!(
            cache_action("public, max-age=5", true, 4),
            CacheAction::FromCache
        );
    }

    #[test]
    fn frames_have_rfc_9113_headers() {
        let f = frame(HEADERS, END_HEADERS | END_STREAM, 3, b"abc");
        assert_eq!(f, [0, 0, 3, 1, 5, 0, 0, 0, 3, b'a', b'b', b'c']);
    }

    #[test]
    fn hpack_shrinks_repeated_headers() {
        let mut enc = httlib_hpack::Encoder::default();
        let first = hpack_encode(&mut enc, &h2_headers("/slow")).unwrap();
        let second = hpack_encode(&mut enc, &h2_headers("/a.css")).unwrap();
        // Decoded back, the same headers.
        let mut dec = httlib_hpack::Decoder::default();
        let mut out = Vec::new();
        dec.decode(&mut first.clone(), &mut out).unwrap();
        let names: Vec<Vec<u8>> = out.into_iter().map(|(n, _, _)| n).collect();
        let want: Vec<Vec<u8>> = h2_headers("/slow").into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, want);
        assert!(
            second.len() < first.len() / 2,
            "{} vs {}",
            second.len(),
            first.len()
        );
    }
}
