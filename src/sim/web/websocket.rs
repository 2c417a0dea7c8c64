//! `synack demo websocket`: a real RFC 6455 opening handshake, data frames,
//! ping/pong and the close handshake between a tungstenite client and a
//! tungstenite server on 127.0.0.1, every byte recorded as it crossed the
//! loopback connection; and, with `--compare`, the same event schedule
//! delivered by polling, long polling, SSE and WebSocket on a virtual clock.
//!
//! The server is tungstenite's `accept` (it answers the upgrade, echoes text,
//! answers a ping with a pong and a close with a close, RFC 6455 §5.5). The
//! client does its opening handshake with tungstenite's `client` and then
//! writes its frames through tungstenite's own frame codec, only so that the
//! masking keys (§5.3) come from `--seed` instead of the OS: the output is the
//! same on every run. The ephemeral port is shown as `<port>`.

use std::io::{Cursor, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::Parser;
use data_encoding::{BASE64, HEXLOWER};
use serde::Serialize;
use tungstenite::protocol::frame::coding::{CloseCode, Control, Data, OpCode};
use tungstenite::protocol::frame::{CloseFrame, Frame, FrameHeader, FrameSocket};
use tungstenite::{Message, WebSocket};

use crate::sim::trace::{Event, EventKind, Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "websocket",
    title: || crate::tr!("demo-websocket-title"),
    summary: || crate::tr!("demo-websocket-summary"),
    topics: &["WebSocket", "polling", "long polling", "SSE", "RFC 6455"],
    keywords: &[
        "websocket",
        "웹소켓",
        "웹 소켓",
        "폴링",
        "polling",
        "long polling",
        "롱 폴링",
        "sse",
        "server-sent events",
        "rfc 6455",
    ],
    run,
};

/// The examples; the one with a non-ASCII message uses a word of the
/// reader's language.
fn after_help() -> String {
    format!(
        "{}\n  synack demo websocket\n  synack demo websocket --key dGhlIHNhbXBsZSBub25jZQ==\n  {}\n  synack demo websocket --compare",
        crate::tr!("demo-websocket-examples"),
        crate::tr!("demo-websocket-example-message")
    )
}

#[derive(Debug, Parser)]
#[command(
    name = "websocket",
    about = crate::tr!("demo-websocket-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_name = "BASE64", help = crate::tr!("demo-websocket-opt-key"))]
    key: Option<String>,
    #[arg(long, value_name = "TEXT", default_value = "hello",
          help = crate::tr!("demo-websocket-opt-message"))]
    message: String,
    #[arg(long, help = crate::tr!("demo-websocket-opt-compare"))]
    compare: bool,
    #[command(flatten)]
    common: Common,
}

/// The GUID every server appends to the key (RFC 6455 §1.3, §4.2.2).
pub const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`:
/// base64(SHA-1(key + GUID)), computed by tungstenite itself.
pub fn accept_key(key: &str) -> String {
    tungstenite::handshake::derive_accept_key(key.as_bytes())
}

/// Refuses a key that is not base64 of 16 bytes (RFC 6455 §4.1, item 7).
fn check_key(key: &str) -> Result<(), SimError> {
    match BASE64.decode(key.as_bytes()) {
        Ok(bytes) if bytes.len() == 16 => Ok(()),
        Ok(bytes) => Err(SimError::Invalid(crate::tr!(
            "demo-websocket-err-key-length",
            key = format!("{key:?}"),
            bytes = bytes.len()
        ))),
        Err(_) => Err(SimError::Invalid(crate::tr!(
            "demo-websocket-err-key-base64",
            key = format!("{key:?}")
        ))),
    }
}

/// The demo's JSON document.
#[derive(Debug, Serialize)]
struct Report {
    request: String,
    response: String,
    accept: String,
    frames: Vec<WireFrame>,
}

/// One frame as it crossed the wire.
#[derive(Debug, Clone, Serialize)]
pub struct WireFrame {
    from: &'static str,
    opcode: &'static str,
    masked: bool,
    payload_len: u64,
    hex: String,
    #[serde(skip)]
    fin: bool,
    #[serde(skip)]
    mask: Option<[u8; 4]>,
    #[serde(skip)]
    payload: Vec<u8>,
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    if args.message.len() > 125 {
        return Err(SimError::Invalid(crate::tr!(
            "demo-websocket-err-message",
            bytes = args.message.len()
        )));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(args.common.seed);
    let key = match args.key {
        Some(k) => {
            check_key(&k)?;
            k
        }
        None => {
            let mut nonce = [0u8; 16];
            rng.fill_bytes(&mut nonce);
            BASE64.encode(&nonce)
        }
    };
    let wire = exchange(&key, &args.message, &mut rng)?;
    let report = report(&key, &wire)?;
    emit(out, &report, &args.message)?;
    if args.compare {
        emit_compare(out, &schedule(args.common.seed))?;
    }
    serde_json::to_value(&report).map_err(|e| SimError::Invalid(e.to_string()))
}

// ---------------------------------------------------------------- the wire

/// Which way bytes went, seen from the client's socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Sent,
    Received,
}

/// Every byte the client's socket wrote or read, in order, consecutive
/// chunks of one direction merged.
type Log = Arc<Mutex<Vec<(Dir, Vec<u8>)>>>;

/// A stream that records what passes through it.
struct Recorder {
    inner: TcpStream,
    log: Log,
}

impl Recorder {
    fn record(&self, dir: Dir, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        match log.last_mut() {
            Some((d, chunk)) if *d == dir => chunk.extend_from_slice(bytes),
            _ => log.push((dir, bytes.to_vec())),
        }
    }
}

impl Read for Recorder {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.record(Dir::Received, &buf[..n]);
        Ok(n)
    }
}

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.record(Dir::Sent, &buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

const TIMEOUT: Duration = Duration::from_secs(2);

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

fn ws_err<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> SimError + '_ {
    move |e| {
        SimError::Invalid(crate::tr!(
            "demo-websocket-err-ws",
            what = what,
            error = e.to_string()
        ))
    }
}

/// What the run recorded: the client's wire log and the port it used.
struct Wire {
    log: Vec<(Dir, Vec<u8>)>,
    port: u16,
}

/// Runs the whole exchange on loopback and returns the recorded bytes.
fn exchange(key: &str, message: &str, rng: &mut ChaCha8Rng) -> Result<Wire, SimError> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    let port = listener
        .local_addr()
        .map_err(io("reading the port"))?
        .port();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let client = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(io("connecting"))?;
    // The connection is already in the listen queue: accept does not wait.
    let (server, _) = listener.accept().map_err(io("accepting"))?;
    for s in [&client, &server] {
        s.set_read_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
        s.set_write_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
    }
    let server = std::thread::spawn(move || serve(server));
    let log: Log = Arc::default();
    let result = drive(
        Recorder {
            inner: client,
            log: log.clone(),
        },
        port,
        key,
        message,
        rng,
    );
    let served = server
        .join()
        .map_err(|_| SimError::Invalid(crate::tr!("demo-websocket-err-thread")))?;
    result?;
    served?;
    let log = std::mem::take(&mut *log.lock().unwrap_or_else(|p| p.into_inner()));
    Ok(Wire { log, port })
}

/// The server: tungstenite's handshake and protocol, echoing text. Pings
/// and the close are answered by tungstenite itself (RFC 6455 §5.5).
fn serve(stream: TcpStream) -> Result<(), SimError> {
    let mut ws: WebSocket<TcpStream> = tungstenite::accept(stream).map_err(ws_err("server"))?;
    for _ in 0..16 {
        match ws.read() {
            Ok(Message::Text(t)) => ws.send(Message::Text(t)).map_err(ws_err("echo"))?,
            Ok(_) => {}
            Err(tungstenite::Error::ConnectionClosed) => return Ok(()),
            Err(e) => return Err(ws_err("server")(e)),
        }
    }
    Ok(())
}

/// The client: tungstenite's handshake, then its frame codec with masks
/// drawn from the seed.
fn drive(
    stream: Recorder,
    port: u16,
    key: &str,
    message: &str,
    rng: &mut ChaCha8Rng,
) -> Result<(), SimError> {
    let request = tungstenite::http::Request::builder()
        .uri(format!("ws://127.0.0.1:{port}/chat"))
        .header("Host", format!("127.0.0.1:{port}"))
        .header("Connection", "Upgrade")
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", key)
        .body(())
        .map_err(|e| {
            SimError::Invalid(crate::tr!(
                "demo-websocket-err-ws",
                what = "request",
                error = e.to_string()
            ))
        })?;
    // tungstenite checks Sec-WebSocket-Accept against the key here.
    let (ws, _response) = tungstenite::client(request, stream).map_err(ws_err("handshake"))?;
    let mut socket = FrameSocket::new(ws.into_inner());
    let mut mask = || {
        let mut m = [0u8; 4];
        rng.fill_bytes(&mut m);
        Some(m)
    };
    let mut send = |socket: &mut FrameSocket<Recorder>, mut frame: Frame| {
        // RFC 6455 §5.3: every client-to-server frame is masked.
        frame.header_mut().mask = mask();
        socket.send(frame).map_err(ws_err("send"))?;
        match socket.read(None).map_err(ws_err("read"))? {
            Some(_) => Ok(()),
            None => Err(SimError::Invalid(crate::tr!(
                "demo-websocket-err-closed-early"
            ))),
        }
    };
    send(
        &mut socket,
        Frame::message(message.as_bytes().to_vec(), OpCode::Data(Data::Text), true),
    )?;
    send(&mut socket, Frame::ping(b"hb".to_vec()))?;
    send(
        &mut socket,
        Frame::close(Some(CloseFrame {
            code: CloseCode::Normal,
            reason: "bye".into(),
        })),
    )?;
    // §7.1.1: the server closes the TCP connection first; shutting our
    // side down too ends the server's read.
    let _ = socket.get_mut().inner.shutdown(std::net::Shutdown::Both);
    Ok(())
}

// ------------------------------------------------------------ the record

/// Parses the wire log into the request, the response and the frames.
fn report(key: &str, wire: &Wire) -> Result<Report, SimError> {
    let port = format!(":{}", wire.port);
    let mut request = String::new();
    let mut response = String::new();
    let mut frames = Vec::new();
    for (dir, bytes) in &wire.log {
        let mut bytes = bytes.as_slice();
        let head = if *dir == Dir::Sent {
            &mut request
        } else {
            &mut response
        };
        if head.is_empty() {
            let end = bytes
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .ok_or_else(|| SimError::Invalid(crate::tr!("demo-websocket-err-no-head")))?
                + 4;
            *head = String::from_utf8_lossy(&bytes[..end]).replace(&port, ":<port>");
            bytes = &bytes[end..];
        }
        let from = if *dir == Dir::Sent {
            "client"
        } else {
            "server"
        };
        frames.extend(parse_frames(from, bytes)?);
    }
    Ok(Report {
        request,
        response,
        accept: accept_key(key),
        frames,
    })
}

/// The frames in `bytes`, read with tungstenite's own header parser.
pub fn parse_frames(from: &'static str, bytes: &[u8]) -> Result<Vec<WireFrame>, SimError> {
    let mut frames = Vec::new();
    let mut cursor = Cursor::new(bytes);
    while (cursor.position() as usize) < bytes.len() {
        let start = cursor.position() as usize;
        let (header, len) = FrameHeader::parse(&mut cursor)
            .map_err(ws_err("frame"))?
            .ok_or_else(|| SimError::Invalid(crate::tr!("demo-websocket-err-frame-cut")))?;
        let body = cursor.position() as usize;
        let end = body + len as usize;
        let raw = bytes
            .get(start..end)
            .ok_or_else(|| SimError::Invalid(crate::tr!("demo-websocket-err-payload-cut")))?;
        let mut payload = raw[body - start..].to_vec();
        if let Some(m) = header.mask {
            for (i, b) in payload.iter_mut().enumerate() {
                *b ^= m[i % 4];
            }
        }
        frames.push(WireFrame {
            from,
            opcode: opcode_name(header.opcode),
            masked: header.mask.is_some(),
            payload_len: len,
            hex: HEXLOWER.encode(raw),
            fin: header.is_final,
            mask: header.mask,
            payload,
        });
        cursor.set_position(end as u64);
    }
    Ok(frames)
}

fn opcode_name(op: OpCode) -> &'static str {
    match op {
        OpCode::Data(Data::Continue) => "continuation",
        OpCode::Data(Data::Text) => "text",
        OpCode::Data(Data::Binary) => "binary",
        OpCode::Control(Control::Close) => "close",
        OpCode::Control(Control::Ping) => "ping",
        OpCode::Control(Control::Pong) => "pong",
        OpCode::Data(Data::Reserved(_)) | OpCode::Control(Control::Reserved(_)) => "reserved",
    }
}

fn opcode_value(name: &str) -> &'static str {
    match name {
        "continuation" => "0x0",
        "text" => "0x1",
        "binary" => "0x2",
        "close" => "0x8",
        "ping" => "0x9",
        "pong" => "0xA",
        _ => "?",
    }
}

/// `"hello"`, or the close frame's code and reason.
fn payload_text(f: &WireFrame) -> String {
    if f.opcode == "close" && f.payload.len() >= 2 {
        let code = u16::from_be_bytes([f.payload[0], f.payload[1]]);
        return format!(
            "code {code}, reason {:?}",
            String::from_utf8_lossy(&f.payload[2..])
        );
    }
    format!("{:?}", String::from_utf8_lossy(&f.payload))
}

/// A hex dump, 16 bytes a line (≤ 72 columns).
fn hex_lines(hex: &str) -> Vec<String> {
    let bytes: Vec<&str> = (0..hex.len() / 2).map(|i| &hex[2 * i..2 * i + 2]).collect();
    bytes
        .chunks(16)
        .enumerate()
        .map(|(i, c)| format!("{:04x}  {}", i * 16, c.join(" ")))
        .collect()
}

fn lines(s: &str) -> Vec<String> {
    s.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\\r\\n"))
        .chain(std::iter::once("\\r\\n".to_string()))
        .collect()
}

fn row(time: Option<f64>, from: usize, to: usize, label: String) -> Event {
    Event {
        time_ms: time,
        kind: EventKind::Message {
            from,
            to,
            label,
            lost: false,
        },
        notes: Vec::new(),
        states: Vec::new(),
    }
}

fn emit(out: &mut Emitter<'_>, r: &Report, message: &str) -> Result<(), SimError> {
    out.title(crate::tr!("demo-websocket-title-run"))?;
    out.text(crate::tr!("demo-websocket-intro"))?;
    out.heading(crate::tr!("demo-websocket-step-upgrade"))?;
    out.pre(lines(&r.request))?;
    out.note("why", crate::tr!("demo-websocket-upgrade-why"))?;
    out.heading(crate::tr!("demo-websocket-step-101"))?;
    out.pre(lines(&r.response))?;
    let key = r
        .request
        .lines()
        .find_map(|l| l.strip_prefix("Sec-WebSocket-Key: "))
        .unwrap_or_default()
        .trim()
        .to_string();
    let digest = BASE64
        .decode(r.accept.as_bytes())
        .map(|d| HEXLOWER.encode(&d))
        .unwrap_or_default();
    out.fields(
        crate::tr!("demo-websocket-accept-title"),
        vec![
            Field::new(
                0,
                crate::tr!("demo-websocket-formula"),
                "base64( SHA-1( key + GUID ) )",
            ),
            Field::new(0, "key", key),
            Field::new(0, "GUID", GUID),
            Field::new(0, "SHA-1", digest),
            Field::new(0, "base64", r.accept.clone()),
        ],
    )?;
    out.note(
        crate::tr!("demo-websocket-checked-label"),
        crate::tr!("demo-websocket-checked"),
    )?;
    out.heading(crate::tr!("demo-websocket-step-frames"))?;
    out.lanes(["client", "server"])?;
    for f in &r.frames {
        let (from, to) = if f.from == "client" { (0, 1) } else { (1, 0) };
        let masked = if f.masked { " masked" } else { "" };
        let mut ev = row(
            None,
            from,
            to,
            format!("{}{masked} {}", f.opcode, payload_text(f)),
        );
        ev = match (f.from, f.opcode) {
            ("client", "text") => ev.note(crate::tr!(
                "demo-websocket-client-text",
                message = format!("{message:?}")
            )),
            ("server", "text") => ev.note(crate::tr!("demo-websocket-server-text")),
            ("client", "ping") => ev.note(crate::tr!("demo-websocket-ping")),
            ("server", "pong") => ev.note(crate::tr!("demo-websocket-pong")),
            ("client", "close") => ev.note(crate::tr!("demo-websocket-client-close")),
            ("server", "close") => ev.note(crate::tr!("demo-websocket-server-close")),
            _ => ev,
        };
        out.event(ev)?;
    }
    for (i, f) in r.frames.iter().enumerate() {
        let mut fields = vec![
            Field::new(0, "FIN", if f.fin { "1" } else { "0" }),
            Field::new(
                0,
                "opcode",
                format!("{} ({})", opcode_value(f.opcode), f.opcode),
            ),
            Field::new(0, "MASK", if f.masked { "1" } else { "0" }),
            Field::new(0, "payload length", f.payload_len.to_string()),
        ];
        if let Some(m) = f.mask {
            fields.push(Field::new(
                0,
                "masking key",
                crate::tr!("demo-websocket-mask-from-seed", mask = HEXLOWER.encode(&m)),
            ));
        }
        fields.push(Field::new(0, "payload", payload_text(f)));
        out.fields(
            crate::tr!(
                "demo-websocket-frame-title",
                n = i + 1,
                from = f.from,
                to = other(f.from)
            ),
            fields,
        )?;
        out.pre(hex_lines(&f.hex))?;
    }
    out.note("masking", crate::tr!("demo-websocket-masking"))?;
    out.note("HTTP/2·3", crate::tr!("demo-websocket-http2"))?;
    Ok(())
}

fn other(from: &str) -> &'static str {
    if from == "client" { "server" } else { "client" }
}

// ---------------------------------------------------------- the comparison

/// How long a message takes one way on the virtual network.
pub const ONE_WAY_MS: f64 = 50.0;
/// The polling client's interval.
pub const POLL_MS: f64 = 2000.0;
/// How long a long-polling server holds a request with nothing to say.
pub const HOLD_MS: f64 = 20000.0;
/// The length of the virtual run.
pub const SPAN_MS: f64 = 30000.0;

/// One way of delivering server events to a client, measured on a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delivery {
    pub method: &'static str,
    pub requests: u32,
    pub mean_latency_ms: f64,
    /// Connections held open over the run.
    pub connections_held: u32,
}

/// The event schedule for a seed: six server events over the span, in ms.
pub fn schedule(seed: u64) -> Vec<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5757);
    let mut events: Vec<f64> = (0..6)
        .map(|_| (rng.next_u32() % (SPAN_MS as u32 - 1000)) as f64)
        .collect();
    events.sort_by(f64::total_cmp);
    events
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// Polling: a request every [`POLL_MS`] from 0; an event waits at the
/// server for the next request to arrive, then rides its response.
pub fn polling(events: &[f64]) -> Delivery {
    let requests = (SPAN_MS / POLL_MS).ceil() as u32;
    let latency: Vec<f64> = events
        .iter()
        .map(|&t| {
            // The first poll that reaches the server at or after t.
            let k = ((t - ONE_WAY_MS) / POLL_MS).ceil().max(0.0);
            k * POLL_MS + 2.0 * ONE_WAY_MS - t
        })
        .collect();
    Delivery {
        method: "polling",
        requests,
        mean_latency_ms: mean(&latency),
        connections_held: 0,
    }
}

/// Long polling: one request waits at the server until an event (or
/// [`HOLD_MS`]); its response carries the event, and the client asks again
/// at once. An event that comes while no request waits waits for the next.
pub fn long_polling(events: &[f64]) -> Delivery {
    let mut requests = 1;
    // When the waiting request reached the server.
    let mut waiting_since = ONE_WAY_MS;
    let mut latency = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let t = events[i];
        if waiting_since + HOLD_MS < t {
            // Timed out empty; the client asks again.
            waiting_since += HOLD_MS + 2.0 * ONE_WAY_MS;
            requests += 1;
            continue;
        }
        let answered = t.max(waiting_since);
        // Events already waiting at the server ride the same response.
        while i < events.len() && events[i] <= answered {
            latency.push(answered + ONE_WAY_MS - events[i]);
            i += 1;
        }
        waiting_since = answered + 2.0 * ONE_WAY_MS;
        requests += 1;
    }
    Delivery {
        method: "long polling",
        requests,
        mean_latency_ms: mean(&latency),
        connections_held: 1,
    }
}

/// A push channel held open (SSE or WebSocket): one request, then each
/// event takes one way.
pub fn push(method: &'static str, events: &[f64]) -> Delivery {
    Delivery {
        method,
        requests: 1,
        mean_latency_ms: if events.is_empty() { 0.0 } else { ONE_WAY_MS },
        connections_held: 1,
    }
}

fn emit_compare(out: &mut Emitter<'_>, events: &[f64]) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-websocket-step-compare"))?;
    let times: Vec<String> = events
        .iter()
        .map(|t| format!("{:.3}s", t / 1000.0))
        .collect();
    out.text(crate::tr!(
        "demo-websocket-compare-intro",
        count = events.len(),
        times = times.join(", "),
        one_way = ONE_WAY_MS,
        poll = POLL_MS / 1000.0,
        hold = HOLD_MS / 1000.0,
        span = SPAN_MS / 1000.0
    ))?;
    let mut table = Table::new([
        crate::tr!("demo-websocket-col-method"),
        crate::tr!("demo-websocket-col-requests"),
        crate::tr!("demo-websocket-col-latency"),
        crate::tr!("demo-websocket-col-held"),
    ]);
    for d in [
        polling(events),
        long_polling(events),
        push("SSE", events),
        push("WebSocket", events),
    ] {
        table.row([
            d.method.to_string(),
            d.requests.to_string(),
            format!("{:.0} ms", d.mean_latency_ms),
            d.connections_held.to_string(),
        ]);
    }
    out.table(table)?;
    out.note(
        crate::tr!("demo-websocket-compare-summary-label"),
        crate::tr!("demo-websocket-compare-summary"),
    )?;
    Ok(())
}

/// A payload as a client sends it: each byte XORed with the masking key's
/// byte at its position modulo 4 (RFC 6455 §5.3). Masking again unmasks.
pub fn mask(key: [u8; 4], payload: &[u8]) -> Vec<u8> {
    payload
        .iter()
        .enumerate()
        .map(|(i, b)| b ^ key[i % 4])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_sample_key_gives_the_rfc_accept() {
        // RFC 6455 §1.3.
        assert_eq!(
            accept_key("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn keys_must_be_sixteen_bytes_of_base64() {
        assert!(check_key("dGhlIHNhbXBsZSBub25jZQ==").is_ok());
        assert!(check_key("aGVsbG8=").is_err());
        assert!(check_key("not base64!").is_err());
    }

    #[test]
    fn the_rfc_masked_hello_parses() {
        // RFC 6455 §5.7: a masked "Hello" and an unmasked one.
        let masked = [
            0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
        ];
        let f = &parse_frames("client", &masked).unwrap()[0];
        assert_eq!((f.opcode, f.masked, f.payload_len), ("text", true, 5));
        assert_eq!(f.mask, Some([0x37, 0xfa, 0x21, 0x3d]));
        assert_eq!(f.payload, b"Hello");
        let plain = [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];
        let f = &parse_frames("server", &plain).unwrap()[0];
        assert_eq!((f.masked, f.payload.as_slice()), (false, &b"Hello"[..]));
        assert_eq!(f.hex, "810548656c6c6f");
    }

    #[test]
    fn polling_waits_for_the_next_poll() {
        // Polls reach the server at 50, 2050, 4050, …; the response takes 50 more.
        // Event at 100 → poll at 2000 (arrives 2050) → delivered 2100: 2000 ms.
        // Event at 2050 → the poll arriving exactly then: 50 ms.
        let d = polling(&[100.0, 2050.0]);
        assert_eq!(d.requests, 15);
        assert_eq!(d.mean_latency_ms, (2000.0 + 50.0) / 2.0);
    }

    #[test]
    fn long_polling_answers_at_once_unless_no_request_waits() {
        // First request waits from 50. Event at 1000 → delivered 1050 (50 ms);
        // the next request waits from 1100. Event at 1080 waits until 1100
        // → delivered 1150 (70 ms). Event at 25000: the request waiting since
        // 1200 timed out at 21200, the next waits from 21300 → 50 ms.
        let d = long_polling(&[1000.0, 1080.0, 25000.0]);
        assert_eq!(d.mean_latency_ms, (50.0 + 70.0 + 50.0) / 3.0);
        // Requests: the first, one after each answer (3), one after the timeout.
        assert_eq!(d.requests, 5);
    }

    #[test]
    fn push_takes_one_way() {
        let d = push("SSE", &[1.0, 2.0]);
        assert_eq!(
            (d.requests, d.mean_latency_ms, d.connections_held),
            (1, 50.0, 1)
        );
    }

    #[test]
    fn the_schedule_is_the_seeds() {
        assert_eq!(schedule(3), schedule(3));
        assert_ne!(schedule(3), schedule(4));
        assert!(schedule(1).windows(2).all(|w| w[0] <= w[1]));
    }
}
