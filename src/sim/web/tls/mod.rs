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
    about = crate::tr!("demo-tls-about"),
    after_help = "Examples:
  synack demo tls
  synack demo tls --version 1.2
  synack demo tls --fail wrong-host
  synack demo tls --fail missing-intermediate --format json"
)]
struct Args {
    #[arg(long, value_enum, default_value_t = TlsVersion::V13, help = crate::tr!("demo-tls-opt-version"))]
    version: TlsVersion,
    #[arg(long, value_enum, value_name = "HOW", help = crate::tr!("demo-tls-opt-fail"))]
    fail: Option<Failure>,
    #[arg(long, value_name = "TIME", env = "SYNACK_NOW", default_value = DEFAULT_NOW,
          hide_env = true, help = crate::tr!("demo-tls-opt-now"))]
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
    #[value(help = crate::tr!("demo-tls-fail-wrong-host"))]
    WrongHost,
    #[value(help = crate::tr!("demo-tls-fail-expired"))]
    Expired,
    #[value(help = crate::tr!("demo-tls-fail-unknown-ca"))]
    UnknownCa,
    #[value(help = crate::tr!("demo-tls-fail-missing-intermediate"))]
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

fn io(what: String) -> impl FnOnce(std::io::Error) -> SimError {
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
            SimError::Invalid(crate::tr!(
                "demo-tls-err-now",
                value = format!("{text:?}"),
                example = DEFAULT_NOW,
                error = e.to_string()
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
    let err = |e: rcgen::Error| invalid(&crate::tr!("demo-tls-what-chain"), e);
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
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-server-config"), e))?
        .with_no_client_auth()
        .with_single_cert(chain.sent.clone(), key)
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-server-cert"), e))?;
    // One ticket, so that the record after the handshake is one message.
    server.send_tls13_tickets = 1;
    let mut roots = RootCertStore::empty();
    roots
        .add(chain.trusted.clone())
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-root"), e))?;
    let client = ClientConfig::builder_with_details(provider(), time)
        .with_protocol_versions(versions)
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-client-config"), e))?
        .with_root_certificates(roots)
        .with_no_client_auth();

    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .map_err(io(crate::tr!("demo-tls-io-bind")))?;
    let addr = listener
        .local_addr()
        .map_err(io(crate::tr!("demo-tls-io-port")))?;
    let server_thread = std::thread::spawn(move || serve(listener, Arc::new(server)));

    let sock = TcpStream::connect_timeout(&addr, IO_TIMEOUT)
        .map_err(io(crate::tr!("demo-tls-io-connect")))?;
    sock.set_read_timeout(Some(IO_TIMEOUT))
        .map_err(io(crate::tr!("demo-tls-io-timeout")))?;
    sock.set_write_timeout(Some(IO_TIMEOUT))
        .map_err(io(crate::tr!("demo-tls-io-timeout")))?;
    let mut wire = Recorder {
        sock,
        chunks: Vec::new(),
    };
    let name = ServerName::try_from(host.to_string())
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-server-name"), e))?;
    let mut conn = rustls::ClientConnection::new(Arc::new(client), name)
        .map_err(|e| invalid(&crate::tr!("demo-tls-what-client"), e))?;
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
    out.title(crate::tr!("demo-tls-run-title", version = vname))?;
    out.text(crate::tr!("demo-tls-intro", now = args.now.trim()))?;

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
    out.heading(crate::tr!("demo-tls-chain-heading"))?;
    let mut t = Table::new([
        crate::tr!("demo-tls-col-role"),
        "subject".to_string(),
        "issuer".to_string(),
        crate::tr!("demo-tls-col-validity"),
        crate::tr!("demo-tls-col-sent"),
    ]);
    let (yes, no) = (crate::tr!("demo-tls-yes"), crate::tr!("demo-tls-no"));
    for l in &chain.links {
        t.row([
            l.role.to_string(),
            l.subject.clone(),
            l.issuer.clone(),
            format!("{} ~ {}", l.not_before, l.not_after),
            if l.sent { yes.clone() } else { no.clone() },
        ]);
    }
    out.table(t)?;
    let why = match fail {
        None => crate::tr!("demo-tls-chain-ok"),
        Some(Failure::WrongHost) => crate::tr!("demo-tls-chain-wrong-host"),
        Some(Failure::Expired) => crate::tr!("demo-tls-chain-expired"),
        Some(Failure::UnknownCa) => crate::tr!("demo-tls-chain-unknown-ca"),
        Some(Failure::MissingIntermediate) => crate::tr!("demo-tls-chain-missing-intermediate"),
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
        Field::new(1, "random", crate::tr!("demo-tls-random")),
        Field::new(1, "legacy_session_id", format!("{sid_len} bytes")),
        Field::new(
            1,
            "cipher_suites",
            crate::tr!("demo-tls-suites", count = suites.len()),
        ),
    ];
    fields.extend(
        suites
            .iter()
            .map(|(code, name)| Field::new(2, format!("0x{code:04x}"), name.clone())),
    );
    out.heading(crate::tr!("demo-tls-hello-heading"))?;
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
    out.fields(crate::tr!("demo-tls-hello-fields"), fields)?;
    out.text(crate::tr!("demo-tls-hello-text"))
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
    out.heading(crate::tr!("demo-tls-wire-heading"))?;
    out.text(match version {
        Version::Tls13 => crate::tr!("demo-tls-wire-13"),
        Version::Tls12 => crate::tr!("demo-tls-wire-12"),
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
                None => crate::tr!("demo-tls-verify-ok", host = host),
                Some(_) => crate::tr!("demo-tls-verify-failed", host = host),
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
        out.note(crate::tr!("demo-tls-client-error"), e.clone())?;
    }
    if let (Some(e), Some(_)) = (&outcome.server_error, &outcome.error) {
        out.note(crate::tr!("demo-tls-server-side"), e.clone())?;
    }
    if outcome.error.is_none() {
        out.note(
            crate::tr!("demo-tls-response"),
            crate::tr!("demo-tls-response-text", bytes = outcome.response.len()),
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
        crate::tr!("demo-tls-encrypted")
    } else if r.content_type == record::CHANGE_CIPHER_SPEC && version == Version::Tls13 {
        crate::tr!("demo-tls-ccs-compat")
    } else {
        crate::tr!("demo-tls-plaintext")
    };
    if here.len() > 1 {
        crate::tr!(
            "demo-tls-record-many",
            kind = kind,
            count = here.len(),
            what = what
        )
    } else {
        crate::tr!("demo-tls-record-one", kind = kind, what = what)
    }
}

fn emit_summary(
    out: &mut Emitter<'_>,
    version: Version,
    outcome: &Outcome,
    round_trips: Option<usize>,
) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-tls-summary-heading"))?;
    let dash = || "-".to_string();
    let mut t = Table::new([
        crate::tr!("demo-tls-col-item"),
        crate::tr!("demo-tls-col-value"),
    ]);
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
        crate::tr!("demo-tls-round-trips"),
        round_trips.map_or_else(
            || crate::tr!("demo-tls-handshake-failed"),
            |n| n.to_string(),
        ),
    ]);
    t.row([
        crate::tr!("demo-tls-verification"),
        if outcome.error.is_none() {
            crate::tr!("demo-tls-passed")
        } else {
            crate::tr!("demo-tls-failed")
        },
    ]);
    out.table(t)?;
    out.text(match version {
        Version::Tls13 => crate::tr!("demo-tls-rtt-13"),
        Version::Tls12 => crate::tr!("demo-tls-rtt-12"),
    })?;
    out.text(crate::tr!("demo-tls-groups"))
}

fn emit_resumption(out: &mut Emitter<'_>, version: Version) -> Result<(), SimError> {
    out.heading(crate::tr!("demo-tls-resumption-heading"))?;
    out.text(match version {
        Version::Tls13 => crate::tr!("demo-tls-resumption-13"),
        Version::Tls12 => crate::tr!("demo-tls-resumption-12"),
    })?;
    out.text(crate::tr!("demo-tls-early-data"))
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
