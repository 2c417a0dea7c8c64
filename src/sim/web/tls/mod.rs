//! `synack demo tls`: a real TLS 1.3 (or 1.2) handshake on loopback between a
//! rustls client and a rustls server, with a certificate chain made on the
//! spot by rcgen (root CA → intermediate → leaf for `example.test`).
//!
//! The client's socket is wrapped so that every byte each way is kept; the
//! [`record`] model reads the record headers and plaintext handshake
//! messages back from those bytes and names the encrypted records from the
//! protocol order. Nothing random is shown: randoms, keys and signatures
//! (whose DER length varies) appear by role or length only, so the output is
//! the same on every run. Certificates are valid relative to `--now`
//! (`SYNACK_NOW`, else a fixed date), and rustls verifies at that time too
//! through a [`TimeProvider`], never the wall clock.

pub mod record;

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SerialNumber,
};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::time_provider::TimeProvider;
use rustls::{ClientConfig, RootCertStore, ServerConfig, SupportedProtocolVersion};
use serde::Serialize;
use serde_json::{Value, json};

use crate::sim::trace::{Event, Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};
use record::{Chunk, Message, Side, Version};

pub const DEMO: Demo = Demo {
    name: "tls",
    title: || crate::tr!("demo-tls-title"),
    summary: || crate::tr!("demo-tls-summary"),
    topics: &["TLS", "HTTPS", "certificate", "handshake", "0-RTT"],
    keywords: &[
        "tls",
        "ssl",
        "https",
        "인증서",
        "certificate",
        "ca",
        "clienthello",
        "serverhello",
        "0-rtt",
        "x.509",
    ],
    run,
};

/// The leaf's name; a client that asks for another name fails.
const HOST: &str = "example.test";
/// The name `--fail wrong-host` asks for.
const WRONG_HOST: &str = "other.test";
/// Every socket operation gives up after this long.
const IO_TIMEOUT: Duration = Duration::from_secs(2);
/// The request and the response carried once the handshake is done.
const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: example.test\r\n\r\n";
const RESPONSE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
/// The verification time when neither `--now` nor `SYNACK_NOW` says.
const DEFAULT_NOW: &str = "2026-01-01T00:00:00Z";
const DAY: u64 = 86_400;

#[derive(Debug, Parser)]
#[command(
    name = "tls",
    about = "A real TLS handshake on loopback (rustls client and server, rcgen chain), read from the record bytes",
    after_help = "Examples:
  synack demo tls
  synack demo tls --version 1.2
  synack demo tls --fail wrong-host
  synack demo tls --fail missing-intermediate --format json"
)]
struct Args {
    /// TLS version both ends allow: 1.3 (one round trip) or 1.2 (two)
    #[arg(long, value_enum, default_value_t = TlsVersion::V13)]
    version: TlsVersion,
    /// Make the certificate check fail: the library's own error is shown
    #[arg(long, value_enum, value_name = "HOW")]
    fail: Option<Failure>,
    /// The time certificates are made and verified at (RFC 3339; default:
    /// SYNACK_NOW, else 2026-01-01T00:00:00Z)
    #[arg(long, value_name = "TIME", env = "SYNACK_NOW", default_value = DEFAULT_NOW,
          hide_env = true)]
    now: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TlsVersion {
    #[value(name = "1.3")]
    V13,
    #[value(name = "1.2")]
    V12,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Failure {
    /// The client asks for other.test; the leaf names example.test only
    WrongHost,
    /// The leaf's validity ended ten days before --now
    Expired,
    /// The client trusts a different root CA
    UnknownCa,
    /// The server sends the leaf without its intermediate
    MissingIntermediate,
}

/// Rustls's clock for this run: the demo's fixed time.
#[derive(Debug)]
struct FixedTime(UnixTime);

impl TimeProvider for FixedTime {
    fn current_time(&self) -> Option<UnixTime> {
        Some(self.0)
    }
}

/// One certificate of the chain, as shown and in the JSON.
#[derive(Debug, Clone, Serialize)]
struct ChainLink {
    role: &'static str,
    subject: String,
    issuer: String,
    not_before: String,
    not_after: String,
    /// Whether the server sends it (a root never is: the client has it).
    sent: bool,
}

/// The chain made by rcgen and what the two ends get from it.
struct Chain {
    links: Vec<ChainLink>,
    /// What the server sends: leaf first.
    sent: Vec<CertificateDer<'static>>,
    leaf_key: Vec<u8>,
    /// What the client trusts.
    trusted: CertificateDer<'static>,
}

fn invalid(what: &str, e: impl std::fmt::Display) -> SimError {
    SimError::Invalid(format!("tls: {what}: {e}"))
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: format!("tls: {what}"),
        source,
    }
}

/// `--now` as seconds since the epoch.
fn parse_now(text: &str) -> Result<i64, SimError> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.timestamp())
        .map_err(|e| {
            SimError::Invalid(format!(
                "--now {text:?} is not an RFC 3339 timestamp (e.g. {DEFAULT_NOW}): {e}"
            ))
        })
}

fn date(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The calendar day of `secs`, for rcgen's validity (whole days are enough).
fn ymd(secs: i64) -> (i32, u8, u8) {
    use chrono::Datelike;
    let t = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    (t.year(), t.month() as u8, t.day() as u8)
}

/// Sets a certificate's validity to the days of `from` and `to`.
fn validity(p: &mut CertificateParams, from: i64, to: i64) {
    let (y, m, d) = ymd(from);
    p.not_before = rcgen::date_time_ymd(y, m, d);
    let (y, m, d) = ymd(to);
    p.not_after = rcgen::date_time_ymd(y, m, d);
}

fn make_chain(now: i64, fail: Option<Failure>, seed: u64) -> Result<Chain, SimError> {
    let err = |e: rcgen::Error| invalid("making the certificate chain", e);
    let days = |d: i64| now + d * DAY as i64;
    let ca_params = |cn: &str, serial: u64, from: i64, to: i64| {
        let mut p = CertificateParams::default();
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.distinguished_name.push(DnType::CommonName, cn);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        p.serial_number = Some(SerialNumber::from(serial));
        validity(&mut p, from, to);
        p
    };
    let serial = seed.wrapping_mul(1000);
    let (root_from, root_to) = (days(-365), days(3650));
    let (int_from, int_to) = (days(-30), days(1825));
    let (leaf_from, leaf_to) = match fail {
        Some(Failure::Expired) => (days(-100), days(-10)),
        _ => (days(-1), days(89)),
    };
    let root_name = "synack demo root CA";
    let int_name = "synack demo intermediate CA";
    let root = ca_params(root_name, serial + 1, root_from, root_to);
    let root_key = KeyPair::generate().map_err(err)?;
    let root_cert = root.self_signed(&root_key).map_err(err)?;
    let root_issuer = Issuer::new(root, root_key);

    let mut int = ca_params(int_name, serial + 2, int_from, int_to);
    int.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    let int_key = KeyPair::generate().map_err(err)?;
    let int_cert = int.signed_by(&int_key, &root_issuer).map_err(err)?;
    let int_issuer = Issuer::new(int, int_key);

    let mut leaf = CertificateParams::new(vec![HOST.to_string()]).map_err(err)?;
    leaf.distinguished_name.push(DnType::CommonName, HOST);
    leaf.serial_number = Some(SerialNumber::from(serial + 3));
    validity(&mut leaf, leaf_from, leaf_to);
    leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf_key = KeyPair::generate().map_err(err)?;
    let leaf_cert = leaf.signed_by(&leaf_key, &int_issuer).map_err(err)?;

    let trusted = if fail == Some(Failure::UnknownCa) {
        // Another CA, the only one the client trusts.
        let other = ca_params("some other root CA", serial + 9, root_from, root_to);
        let key = KeyPair::generate().map_err(err)?;
        other.self_signed(&key).map_err(err)?.der().clone()
    } else {
        root_cert.der().clone()
    };
    let with_int = fail != Some(Failure::MissingIntermediate);
    let mut sent = vec![leaf_cert.der().clone()];
    if with_int {
        sent.push(int_cert.der().clone());
    }
    let cn = |n: &str| format!("CN={n}");
    let links = vec![
        ChainLink {
            role: "leaf",
            subject: cn(HOST),
            issuer: cn(int_name),
            not_before: date(leaf_from),
            not_after: date(leaf_to),
            sent: true,
        },
        ChainLink {
            role: "intermediate",
            subject: cn(int_name),
            issuer: cn(root_name),
            not_before: date(int_from),
            not_after: date(int_to),
            sent: with_int,
        },
        ChainLink {
            role: "root",
            subject: cn(root_name),
            issuer: cn(root_name),
            not_before: date(root_from),
            not_after: date(root_to),
            sent: false,
        },
    ];
    Ok(Chain {
        links,
        sent,
        leaf_key: leaf_key.serialize_der(),
        trusted,
    })
}

/// The ring provider, with the key-exchange groups in a browser's order
/// (X25519 first; rustls's ring default now puts P-384 first).
fn provider() -> Arc<CryptoProvider> {
    use rustls::crypto::ring::kx_group;
    // Deprecated only for lacking post-quantum groups (aws-lc-rs has them);
    // ring is the provider this project builds quickly.
    #[allow(deprecated)]
    let base = rustls::crypto::ring::default_provider();
    Arc::new(CryptoProvider {
        kx_groups: vec![kx_group::X25519, kx_group::SECP256R1, kx_group::SECP384R1],
        ..base
    })
}

/// The client's socket, keeping every byte each way in order.
struct Recorder {
    sock: TcpStream,
    chunks: Vec<Chunk>,
}

impl Read for Recorder {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.sock.read(buf)?;
        if n > 0 {
            self.chunks.push(Chunk {
                from: Side::Server,
                bytes: buf[..n].to_vec(),
            });
        }
        Ok(n)
    }
}

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.sock.write(buf)?;
        self.chunks.push(Chunk {
            from: Side::Client,
            bytes: buf[..n].to_vec(),
        });
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.sock.flush()
    }
}

/// What one handshake on loopback gave.
struct Outcome {
    chunks: Vec<Chunk>,
    version: Option<&'static str>,
    cipher_suite: Option<String>,
    group: Option<String>,
    /// The client's error: rustls's own text.
    error: Option<String>,
    /// What the server's side saw go wrong, if anything.
    server_error: Option<String>,
    response: Vec<u8>,
}

/// Serves one connection: reads the request, answers, closes.
fn serve(listener: TcpListener, config: Arc<ServerConfig>) -> Result<(), String> {
    let deadline = Instant::now() + IO_TIMEOUT;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let sock = loop {
        match listener.accept() {
            Ok((s, _)) => break s,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    sock.set_nonblocking(false).map_err(|e| e.to_string())?;
    sock.set_read_timeout(Some(IO_TIMEOUT))
        .map_err(|e| e.to_string())?;
    sock.set_write_timeout(Some(IO_TIMEOUT))
        .map_err(|e| e.to_string())?;
    let conn = rustls::ServerConnection::new(config).map_err(|e| e.to_string())?;
    let mut tls = rustls::StreamOwned::new(conn, sock);
    let mut request = Vec::new();
    let mut buf = [0u8; 512];
    // Bounded: the request is one short line; stop at its blank line.
    for _ in 0..16 {
        let n = tls.read(&mut buf).map_err(|e| e.to_string())?;
        request.extend_from_slice(&buf[..n]);
        if n == 0 || request.ends_with(b"\r\n\r\n") {
            break;
        }
    }
    tls.write_all(RESPONSE).map_err(|e| e.to_string())?;
    tls.conn.send_close_notify();
    tls.flush().map_err(|e| e.to_string())
}

fn handshake(
    version: Version,
    chain: &Chain,
    host: &str,
    now: UnixTime,
) -> Result<Outcome, SimError> {
    let versions: &[&SupportedProtocolVersion] = match version {
        Version::Tls13 => &[&rustls::version::TLS13],
        Version::Tls12 => &[&rustls::version::TLS12],
    };
    let time = Arc::new(FixedTime(now));
    let key = PrivatePkcs8KeyDer::from(chain.leaf_key.clone()).into();
    let mut server = ServerConfig::builder_with_details(provider(), time.clone())
        .with_protocol_versions(versions)
        .map_err(|e| invalid("server config", e))?
        .with_no_client_auth()
        .with_single_cert(chain.sent.clone(), key)
        .map_err(|e| invalid("server certificate", e))?;
    // One ticket, so that the record after the handshake is one message.
    server.send_tls13_tickets = 1;
    let mut roots = RootCertStore::empty();
    roots
        .add(chain.trusted.clone())
        .map_err(|e| invalid("root CA", e))?;
    let client = ClientConfig::builder_with_details(provider(), time)
        .with_protocol_versions(versions)
        .map_err(|e| invalid("client config", e))?
        .with_root_certificates(roots)
        .with_no_client_auth();

    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .map_err(io("binding 127.0.0.1:0"))?;
    let addr = listener.local_addr().map_err(io("reading the port"))?;
    let server_thread = std::thread::spawn(move || serve(listener, Arc::new(server)));

    let sock = TcpStream::connect_timeout(&addr, IO_TIMEOUT).map_err(io("connecting"))?;
    sock.set_read_timeout(Some(IO_TIMEOUT))
        .map_err(io("setting a timeout"))?;
    sock.set_write_timeout(Some(IO_TIMEOUT))
        .map_err(io("setting a timeout"))?;
    let mut wire = Recorder {
        sock,
        chunks: Vec::new(),
    };
    let name = ServerName::try_from(host.to_string()).map_err(|e| invalid("server name", e))?;
    let mut conn =
        rustls::ClientConnection::new(Arc::new(client), name).map_err(|e| invalid("client", e))?;
    let mut error = None;
    // Bounded: a handshake is a handful of flights.
    for _ in 0..32 {
        if !conn.is_handshaking() {
            break;
        }
        if let Err(e) = conn.complete_io(&mut wire) {
            error = Some(e.to_string());
            // Send the alert rustls queued for the failure, as a peer would.
            for _ in 0..4 {
                if !conn.wants_write() || conn.write_tls(&mut wire).is_err() {
                    break;
                }
            }
            break;
        }
    }
    let mut response = Vec::new();
    if error.is_none() {
        let sent = conn
            .writer()
            .write_all(REQUEST)
            .and_then(|_| rustls::Stream::new(&mut conn, &mut wire).read_to_end(&mut response));
        if let Err(e) = sent {
            error = Some(e.to_string());
        }
    }
    let _ = wire.sock.shutdown(std::net::Shutdown::Both);
    let server_error = match server_thread.join() {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e),
        Err(_) => Some("the server thread panicked".to_string()),
    };
    Ok(Outcome {
        chunks: wire.chunks,
        version: conn.protocol_version().map(|v| match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2",
            _ => "other",
        }),
        cipher_suite: conn
            .negotiated_cipher_suite()
            .map(|s| format!("{:?}", s.suite())),
        group: conn
            .negotiated_key_exchange_group()
            .map(|g| format!("{:?}", g.name())),
        error,
        server_error,
        response,
    })
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let now = parse_now(&args.now)?;
    let version = match args.version {
        TlsVersion::V13 => Version::Tls13,
        TlsVersion::V12 => Version::Tls12,
    };
    let chain = make_chain(now, args.fail, args.common.seed)?;
    let host = if args.fail == Some(Failure::WrongHost) {
        WRONG_HOST
    } else {
        HOST
    };
    let unix = UnixTime::since_unix_epoch(Duration::from_secs(now.max(0) as u64));
    let outcome = handshake(version, &chain, host, unix)?;
    let records = record::records(&outcome.chunks);
    let messages = record::messages(version, &records, outcome.error.is_some());
    let round_trips = record::round_trips(&records, &messages);
    let verified = outcome.error.is_none();

    let vname = match version {
        Version::Tls13 => "TLS 1.3 (RFC 8446)",
        Version::Tls12 => "TLS 1.2 (RFC 5246)",
    };
    out.title(format!(
        "{vname} handshake: rustls client ↔ rustls server, 127.0.0.1 loopback"
    ))?;
    out.text(format!(
        "client와 server는 같은 프로세스의 두 thread이고, 127.0.0.1에서 OS가 고른 포트로 TCP 연결을 맺은 뒤 rustls로 handshake합니다. \
         client 소켓을 지나간 바이트를 그대로 모아 record header와 handshake 메시지를 읽었습니다. \
         random, 키, 서명은 실행마다 달라지므로 값 대신 역할과 길이만 보여 줍니다. 기준 시각: {} (--now).",
        args.now.trim()
    ))?;

    emit_chain(out, &chain, args.fail)?;
    emit_client_hello(out, &records)?;
    emit_wire(out, version, &records, &messages, &outcome, host)?;
    emit_summary(out, version, &outcome, round_trips)?;
    emit_resumption(out, version)?;

    Ok(json!({
        "version": outcome.version,
        "cipher_suite": outcome.cipher_suite,
        "group": outcome.group,
        "messages": messages,
        "round_trips": round_trips,
        "chain": chain.links,
        "verified": verified,
        "error": outcome.error,
    }))
}

fn emit_chain(out: &mut Emitter<'_>, chain: &Chain, fail: Option<Failure>) -> Result<(), SimError> {
    out.heading("인증서 체인: rcgen으로 방금 만듦 (ECDSA P-256)")?;
    let mut t = Table::new(["역할", "subject", "issuer", "유효 기간", "server가 보냄"]);
    for l in &chain.links {
        t.row([
            l.role.to_string(),
            l.subject.clone(),
            l.issuer.clone(),
            format!("{} ~ {}", l.not_before, l.not_after),
            if l.sent { "예" } else { "아니요" }.to_string(),
        ]);
    }
    out.table(t)?;
    let why = match fail {
        None => {
            "client는 root CA만 믿습니다(trust store). server는 leaf와 intermediate를 보내고, client는 leaf의 서명을 intermediate의 공개키로, intermediate의 서명을 root의 공개키로 확인합니다: leaf → intermediate → root."
        }
        Some(Failure::WrongHost) => {
            "--fail wrong-host: client가 other.test에 접속했다고 생각하지만, leaf의 SAN(subjectAltName)에는 example.test만 있습니다."
        }
        Some(Failure::Expired) => {
            "--fail expired: leaf의 유효 기간(notAfter)이 기준 시각보다 열흘 앞서 끝났습니다."
        }
        Some(Failure::UnknownCa) => {
            "--fail unknown-ca: client가 믿는 root는 다른 CA(some other root CA)뿐입니다. intermediate의 issuer가 trust store에 없으므로 체인이 trust anchor에 닿지 않습니다."
        }
        Some(Failure::MissingIntermediate) => {
            "--fail missing-intermediate: server가 leaf만 보냅니다. client는 intermediate를 모르므로 leaf에서 root까지 경로를 만들 수 없습니다 (브라우저는 AIA로 받아 오기도 하지만 rustls는 받아 오지 않습니다)."
        }
    };
    out.text(why)
}

/// The first record the client sent, field by field from its bytes.
fn emit_client_hello(out: &mut Emitter<'_>, records: &[record::Record]) -> Result<(), SimError> {
    let Some(ch) = records
        .iter()
        .find(|r| r.from == Side::Client && r.content_type == record::HANDSHAKE)
    else {
        return Ok(());
    };
    let f = &ch.fragment;
    let u16_at = |i: usize| f.get(i..i + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let sid_len = usize::from(f.get(38).copied().unwrap_or(0));
    let suites_at = 39 + sid_len;
    let suites_len = usize::from(u16_at(suites_at).unwrap_or(0));
    let suites: Vec<(u16, String)> = (0..suites_len / 2)
        .filter_map(|i| u16_at(suites_at + 2 + 2 * i))
        .map(|c| (c, format!("{:?}", rustls::CipherSuite::from(c))))
        .collect();
    let mut fields = vec![
        Field::new(0, "TLS record", ""),
        Field::new(1, "content_type", "22 (handshake)"),
        Field::new(
            1,
            "legacy_record_version",
            format!("0x{:04x}", ch.legacy_version),
        ),
        Field::new(1, "length", format!("{} bytes", f.len())),
        Field::new(0, "Handshake", ""),
        Field::new(1, "msg_type", "1 (ClientHello)"),
        Field::new(
            1,
            "legacy_version",
            format!("0x{:04x}", u16_at(4).unwrap_or(0)),
        ),
        Field::new(1, "random", "32 bytes (실행마다 다름)"),
        Field::new(1, "legacy_session_id", format!("{sid_len} bytes")),
        Field::new(1, "cipher_suites", format!("{}개", suites.len())),
    ];
    fields.extend(
        suites
            .iter()
            .map(|(code, name)| Field::new(2, format!("0x{code:04x}"), name.clone())),
    );
    out.heading("ClientHello: client가 보낸 첫 바이트")?;
    let hex = |bytes: &[u8]| {
        bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let header = [
        &[ch.content_type][..],
        &ch.legacy_version.to_be_bytes(),
        &(f.len() as u16).to_be_bytes(),
    ]
    .concat();
    out.pre(vec![
        format!(
            "{}  {}  {}  .. (random 32 bytes, ...)",
            hex(&header),
            hex(f.get(..4).unwrap_or_default()),
            hex(f.get(4..6).unwrap_or_default())
        ),
        "record header   hs type+len  version".to_string(),
    ])?;
    out.fields("ClientHello (record의 바이트에서 읽음)", fields)?;
    out.text("legacy_version 0x0303은 TLS 1.2라고 적혀 있지만, TLS 1.3은 supported_versions extension으로 협상합니다 (RFC 8446 §4.1.2: 옛 middlebox가 모르는 버전 번호에 막히지 않도록).")
}

fn label(messages: &[&Message]) -> String {
    let names: Vec<&str> = messages.iter().map(|m| m.kind.as_str()).collect();
    let joined = names.join(", ");
    if messages.iter().all(|m| m.encrypted) {
        format!("{{{joined}}}")
    } else {
        joined
    }
}

fn emit_wire(
    out: &mut Emitter<'_>,
    version: Version,
    records: &[record::Record],
    messages: &[Message],
    outcome: &Outcome,
    host: &str,
) -> Result<(), SimError> {
    out.heading("wire 위의 record들 (client 소켓에서 읽은 순서)")?;
    out.text(match version {
        Version::Tls13 => "{ } 안은 암호화된 record입니다. TLS 1.3은 ServerHello 뒤의 모든 record를 바깥 type application_data(23)로 보내므로 무엇이 들었는지 wire에서는 보이지 않습니다. 이름은 RFC 8446 §2가 정한 순서로 붙였습니다.",
        Version::Tls12 => "{ } 안은 암호화된 record입니다. TLS 1.2는 record type이 그대로 보이고, ChangeCipherSpec 뒤부터 암호화됩니다 (RFC 5246 §7.1).",
    })?;
    out.lanes(["client", "server"])?;
    let mut saw_certificate = false;
    let mut verified_shown = false;
    for (i, r) in records.iter().enumerate() {
        let here: Vec<&Message> = messages.iter().filter(|m| m.record == i).collect();
        if here.is_empty() {
            continue;
        }
        if r.from == Side::Client && saw_certificate && !verified_shown {
            // The client checks the chain on the flight it just received,
            // before it answers.
            verified_shown = true;
            let text = match &outcome.error {
                None => format!("체인 검증 leaf → intermediate → root, 이름 {host}: 통과"),
                Some(_) => format!("체인 검증 (이름 {host}): 실패"),
            };
            out.event(Event {
                time_ms: None,
                ..Event::action(0.0, 0, text)
            })?;
        }
        saw_certificate |= here
            .iter()
            .any(|m| m.from == Side::Server && m.kind == "Certificate");
        let (from, to) = match r.from {
            Side::Client => (0, 1),
            Side::Server => (1, 0),
        };
        let mut ev = Event {
            time_ms: None,
            ..Event::message(0.0, from, to, label(&here))
        };
        ev = ev.note(record_note(version, r, &here));
        out.event(ev)?;
    }
    if let Some(e) = &outcome.error {
        out.note("rustls 오류 (client)", e.clone())?;
    }
    if let (Some(e), Some(_)) = (&outcome.server_error, &outcome.error) {
        out.note("server 쪽", e.clone())?;
    }
    if outcome.error.is_none() {
        out.note(
            "응답",
            format!(
                "{} bytes의 HTTP 응답을 받았고 close_notify로 닫혔습니다",
                outcome.response.len()
            ),
        )?;
    }
    Ok(())
}

fn record_note(version: Version, r: &record::Record, here: &[&Message]) -> String {
    let kind = match r.content_type {
        record::CHANGE_CIPHER_SPEC => "change_cipher_spec(20)",
        record::ALERT => "alert(21)",
        record::HANDSHAKE => "handshake(22)",
        record::APPLICATION_DATA => "application_data(23)",
        _ => "unknown",
    };
    let what = if here.iter().all(|m| m.encrypted) {
        "암호화됨"
    } else if r.content_type == record::CHANGE_CIPHER_SPEC && version == Version::Tls13 {
        "TLS 1.3에서는 의미 없는 호환용 record (RFC 8446 부록 D.4)"
    } else {
        "평문"
    };
    if here.len() > 1 {
        format!("record {kind} 하나에 메시지 {}개, {what}", here.len())
    } else {
        format!("record {kind}, {what}")
    }
}

fn emit_summary(
    out: &mut Emitter<'_>,
    version: Version,
    outcome: &Outcome,
    round_trips: Option<usize>,
) -> Result<(), SimError> {
    out.heading("협상 결과")?;
    let dash = || "-".to_string();
    let mut t = Table::new(["항목", "값"]);
    t.row([
        "version".to_string(),
        outcome.version.map_or_else(dash, str::to_string),
    ]);
    t.row([
        "cipher suite".to_string(),
        outcome.cipher_suite.clone().unwrap_or_else(dash),
    ]);
    t.row([
        "key exchange group".to_string(),
        outcome.group.clone().unwrap_or_else(dash),
    ]);
    t.row([
        "첫 application byte까지 round trip".to_string(),
        round_trips.map_or_else(|| "- (handshake 실패)".to_string(), |n| n.to_string()),
    ]);
    t.row([
        "검증".to_string(),
        if outcome.error.is_none() {
            "통과"
        } else {
            "실패"
        }
        .to_string(),
    ]);
    out.table(t)?;
    out.text(match version {
        Version::Tls13 => "TLS 1.3은 ClientHello에 key_share를 미리 실어 보내므로, server의 첫 응답으로 키가 정해지고 client는 Finished와 함께 바로 요청을 보냅니다: 1-RTT.",
        Version::Tls12 => "TLS 1.2는 ServerHelloDone을 받은 뒤에야 ClientKeyExchange를 보내고, server의 ChangeCipherSpec과 Finished를 받은 다음에 요청을 보냅니다: 2-RTT.",
    })?;
    out.text("key exchange group: rustls의 ring provider는 X25519, P-256, P-384를 제공하고 post-quantum hybrid는 없습니다. Chrome과 Firefox는 X25519MLKEM768(X25519 + ML-KEM-768)을 기본으로 보냅니다 (rustls에서는 aws-lc-rs provider가 제공).")
}

fn emit_resumption(out: &mut Emitter<'_>, version: Version) -> Result<(), SimError> {
    out.heading("resumption과 0-RTT")?;
    out.text(match version {
        Version::Tls13 => "handshake 뒤 server가 보낸 NewSessionTicket이 다음 연결의 PSK가 됩니다. 다시 연결할 때 ClientHello에 pre_shared_key를 넣으면 server는 Certificate와 CertificateVerify 없이 답합니다 (RFC 8446 §2.2): 서명 검증이 빠지지만 여전히 1-RTT입니다.",
        Version::Tls12 => "TLS 1.2의 resumption은 session ID나 session ticket(RFC 5077)으로 하며, 인증서 교환 없이 1-RTT로 줄어듭니다.",
    })?;
    out.text("0-RTT(early data, RFC 8446 §2.3): PSK로 resumption하는 client는 ClientHello와 함께 첫 요청을 보낼 수 있습니다. 그러나 early data는 replay를 막지 못합니다: 공격자가 같은 ClientHello를 다시 보내면 server가 요청을 두 번 처리할 수 있습니다. 그래서 GET처럼 idempotent한 요청에만 쓰고, HTTP에서는 Early-Data: 1 header와 425 Too Early 응답으로 다시 보내게 합니다 (RFC 8470).")
}

/// Round trips before the client may send its first application byte,
/// TCP's own handshake aside: TLS 1.2 takes two for a full handshake (RFC
/// 5246 §7.3) and one resumed (an abbreviated handshake, session ID or
/// ticket, RFC 5077); TLS 1.3 takes one, full or resumed with a PSK (RFC
/// 8446 §2, §2.2), and none with 0-RTT early data, which needs a PSK (§2.3).
/// `None` for 0-RTT where there is none: TLS 1.2, or no resumption.
pub fn round_trips(version: record::Version, resumption: bool, zero_rtt: bool) -> Option<u32> {
    match (version, resumption, zero_rtt) {
        (_, false, true) | (record::Version::Tls12, _, true) => None,
        (record::Version::Tls12, false, false) => Some(2),
        (record::Version::Tls13, true, true) => Some(0),
        _ => Some(1),
    }
}
