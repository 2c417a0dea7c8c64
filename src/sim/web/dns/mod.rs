//! `synack demo dns`: resolving a name iteratively, stub → recursive →
//! root → TLD → authoritative, against in-process name servers on loopback
//! that answer from the zones shipped in `data/dns/zones.txt`.
//!
//! Each server is a thread with a UDP socket and a TCP listener on its
//! 127.0.0.x address (127.0.0.1 with its own port where another 127/8
//! address cannot be bound), both on ports the OS picks; every loop is
//! bounded and every socket op times out. Messages are real DNS wire format,
//! built and parsed by hickory-proto. The recursive resolver runs in the
//! demo's own thread, with a cache whose TTLs count down on a simulated
//! clock (never the wall clock); the stub's query to it is encoded and
//! decoded the same way but handed over in memory.

pub mod zone;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use hickory_proto::op::{Message, Query, ResponseCode};
use hickory_proto::rr::rdata::{CNAME, NS};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use serde_json::{Value, json};

use crate::sim::trace::{Event, Field, Table};
use crate::sim::{Common, Demo, Emitter, SimError};
use zone::Server;

pub const DEMO: Demo = Demo {
    name: "dns",
    title: || crate::tr!("demo-dns-title"),
    summary: || crate::tr!("demo-dns-summary"),
    topics: &["DNS", "resolver", "TTL", "round robin"],
    keywords: &[
        "dns",
        "도메인",
        "네임서버",
        "리졸버",
        "라운드 로빈",
        "resolver",
        "nameserver",
        "nxdomain",
        "ttl",
    ],
    run,
};

const IO_TIMEOUT: Duration = Duration::from_secs(2);
/// Upstream queries one resolution may make before it gives up.
const MAX_STEPS: usize = 16;
/// When the second lookup of the same name happens, in simulated seconds.
const SECOND_LOOKUP: u64 = 30;

#[derive(Debug, Parser)]
#[command(
    name = "dns",
    about = crate::tr!("demo-dns-about"),
    after_help = "Examples:
  synack demo dns
  synack demo dns www.example.com --after 400
  synack demo dns nope.example.com
  synack demo dns many.example.com
  synack demo dns --round-robin"
)]
struct Args {
    #[arg(value_name = "NAME", default_value = "www.example.com", help = crate::tr!("demo-dns-opt-name"))]
    name: String,
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=1_000_000),
          help = crate::tr!("demo-dns-opt-after"))]
    after: Option<u64>,
    #[arg(long, help = crate::tr!("demo-dns-opt-round-robin"))]
    round_robin: bool,
    #[command(flatten)]
    common: Common,
}

fn invalid(e: impl std::fmt::Display) -> SimError {
    SimError::Invalid(format!("dns: {e}"))
}

fn io(what: String) -> impl FnOnce(std::io::Error) -> SimError {
    move |source| SimError::Io {
        what: format!("dns: {what}"),
        source,
    }
}

/// A running server: where it listens.
struct Running {
    zone: Arc<Server>,
    udp: SocketAddr,
    tcp: SocketAddr,
}

/// Binds `ip:0`, falling back to 127.0.0.1 where the address is not there.
fn bind_udp(ip: Ipv4Addr) -> Result<UdpSocket, SimError> {
    UdpSocket::bind((ip, 0))
        .or_else(|_| UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)))
        .map_err(io(crate::tr!("demo-dns-io-bind-udp")))
}

fn bind_tcp(ip: Ipv4Addr) -> Result<TcpListener, SimError> {
    TcpListener::bind((ip, 0))
        .or_else(|_| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)))
        .map_err(io(crate::tr!("demo-dns-io-bind-tcp")))
}

/// Serves until `stop`, or for at most 30 s; answers every datagram and
/// every TCP query (2-byte length prefix, RFC 1035 §4.2.2).
fn serve(zone: Arc<Server>, udp: UdpSocket, tcp: TcpListener, stop: Arc<AtomicBool>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let _ = udp.set_read_timeout(Some(Duration::from_millis(5)));
    let _ = tcp.set_nonblocking(true);
    let mut turn = 0;
    let mut buf = [0u8; 4096];
    while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
        if let Ok((n, peer)) = udp.recv_from(&mut buf)
            && let Ok(q) = Message::from_vec(&buf[..n])
        {
            let reply = zone.answer(&q, turn, true);
            turn += 1;
            if let Ok(bytes) = reply.to_vec() {
                let _ = udp.send_to(&bytes, peer);
            }
        }
        if let Ok((mut s, _)) = tcp.accept() {
            let _ = s.set_nonblocking(false);
            let _ = s.set_read_timeout(Some(IO_TIMEOUT));
            let _ = s.set_write_timeout(Some(IO_TIMEOUT));
            let mut len = [0u8; 2];
            if s.read_exact(&mut len).is_ok() {
                let mut q = vec![0u8; usize::from(u16::from_be_bytes(len))];
                if s.read_exact(&mut q).is_ok()
                    && let Ok(q) = Message::from_vec(&q)
                {
                    let reply = zone.answer(&q, turn, false);
                    turn += 1;
                    if let Ok(bytes) = reply.to_vec() {
                        let _ = s.write_all(&(bytes.len() as u16).to_be_bytes());
                        let _ = s.write_all(&bytes);
                    }
                }
            }
        }
    }
}

/// A cached RRset: the records as received and when, in simulated seconds.
#[derive(Debug, Clone)]
struct Cached {
    records: Vec<Record>,
    at: u64,
}

/// The TTL left of a record cached at `at`, seen at `now`; `None` once
/// expired (RFC 1035 §3.2.1: the TTL counts down while cached).
fn remaining(ttl: u32, at: u64, now: u64) -> Option<u32> {
    let age = now.saturating_sub(at);
    (age < u64::from(ttl)).then(|| ttl - age as u32)
}

/// The recursive resolver's cache: positive RRsets and NXDOMAIN answers
/// (RFC 2308), keyed by lower-cased name.
#[derive(Debug, Default)]
struct Cache {
    positive: HashMap<(Name, RecordType), Cached>,
    negative: HashMap<Name, (Record, u32, u64)>,
}

impl Cache {
    fn put(&mut self, records: &[Record], now: u64) {
        let mut sets: HashMap<(Name, RecordType), Vec<Record>> = HashMap::new();
        for r in records {
            sets.entry((r.name.to_lowercase(), r.record_type()))
                .or_default()
                .push(r.clone());
        }
        for (key, records) in sets {
            self.positive.insert(key, Cached { records, at: now });
        }
    }

    /// The RRset with its TTLs counted down, if still fresh.
    fn get(&self, owner: &Name, kind: RecordType, now: u64) -> Option<Vec<Record>> {
        let c = self.positive.get(&(owner.to_lowercase(), kind))?;
        c.records
            .iter()
            .map(|r| {
                remaining(r.ttl, c.at, now).map(|ttl| {
                    let mut r = r.clone();
                    r.ttl = ttl;
                    r
                })
            })
            .collect()
    }

    fn negative(&self, owner: &Name, now: u64) -> Option<Record> {
        let (soa, ttl, at) = self.negative.get(&owner.to_lowercase())?;
        let left = remaining(*ttl, *at, now)?;
        let mut soa = soa.clone();
        soa.ttl = left;
        Some(soa)
    }
}

/// One query as the JSON lists it.
fn query_json(
    role: &str,
    server: &str,
    q: &Query,
    tcp: bool,
    reply: &Message,
    from_cache: bool,
) -> Value {
    let list = |rs: &[Record]| rs.iter().map(ToString::to_string).collect::<Vec<_>>();
    json!({
        "server_role": role,
        "server": server,
        "qname": q.name().to_string(),
        "qtype": q.query_type().to_string(),
        "transport": if tcp { "tcp" } else { "udp" },
        "response": {
            "rcode": reply.metadata.response_code.to_string(),
            "aa": reply.metadata.authoritative,
            "tc": reply.metadata.truncation,
            "answers": list(&reply.answers),
            "authority": list(&reply.authorities),
            "additional": list(&reply.additionals),
        },
        "from_cache": from_cache,
    })
}

/// The lanes of the sequence diagram.
const LANES: [&str; 5] = ["stub", "recursive", "root", "TLD", "auth"];
const STUB: usize = 0;
const RECURSIVE: usize = 1;

fn lane(role: &str) -> usize {
    match role {
        "root" => 2,
        "tld" => 3,
        _ => 4,
    }
}

/// The demo's state: servers, cache, clock, what has been recorded.
struct Resolver<'o, 'e> {
    servers: Vec<Running>,
    cache: Cache,
    now: u64,
    next_id: u16,
    queries: Vec<Value>,
    out: &'o mut Emitter<'e>,
    /// Whether the first upstream query's bytes have been shown.
    dumped: bool,
    /// Whether the first AA answer's header has been shown.
    shown_aa: bool,
}

fn hex_dump(bytes: &[u8]) -> Vec<String> {
    bytes
        .chunks(16)
        .enumerate()
        .map(|(i, row)| {
            let hex: Vec<String> = row.iter().map(|b| format!("{b:02x}")).collect();
            let ascii: String = row
                .iter()
                .map(|&b| if b.is_ascii_graphic() { b as char } else { '.' })
                .collect();
            format!("{:04x}  {:<47}  {ascii}", i * 16, hex.join(" "))
        })
        .collect()
}

fn header_fields(m: &Message, bytes: &[u8]) -> Vec<Field> {
    let flags = u16::from_be_bytes([bytes[2], bytes[3]]);
    let bit = |b: bool| if b { "1" } else { "0" };
    let h = &m.metadata;
    vec![
        Field::new(0, "Header", format!("flags 0x{flags:04x}")),
        Field::new(1, "ID", format!("0x{:04x}", h.id)),
        Field::new(
            1,
            "QR",
            format!(
                "{} ({})",
                bit(bytes[2] & 0x80 != 0),
                if bytes[2] & 0x80 != 0 {
                    "response"
                } else {
                    "query"
                }
            ),
        ),
        Field::new(1, "OPCODE", format!("{}", h.op_code)),
        Field::new(1, "AA", bit(h.authoritative)),
        Field::new(1, "TC", bit(h.truncation)),
        Field::new(1, "RD", bit(h.recursion_desired)),
        Field::new(1, "RA", bit(h.recursion_available)),
        Field::new(1, "RCODE", h.response_code.to_string()),
        Field::new(
            1,
            "counts",
            format!(
                "QD {} AN {} NS {} AR {}",
                m.queries.len(),
                m.answers.len(),
                m.authorities.len(),
                m.additionals.len()
            ),
        ),
    ]
}

fn summary(reply: &Message) -> String {
    let h = &reply.metadata;
    if h.truncation {
        return crate::tr!("demo-dns-truncated");
    }
    if h.response_code != ResponseCode::NoError {
        return format!(
            "{}{}",
            h.response_code,
            if h.authoritative { " (AA)" } else { "" }
        );
    }
    if !reply.answers.is_empty() {
        let data: Vec<String> = reply
            .answers
            .iter()
            .take(3)
            .map(|r| format!("{} {}", r.record_type(), r.data))
            .collect();
        let data = if reply.answers.len() > 3 {
            crate::tr!(
                "demo-dns-more",
                shown = data.join(", "),
                more = reply.answers.len() - 3
            )
        } else {
            data.join(", ")
        };
        return format!("{}{data}", if h.authoritative { "AA " } else { "" });
    }
    if let Some(ns) = reply
        .authorities
        .iter()
        .find(|r| r.record_type() == RecordType::NS)
    {
        return format!("referral: {} NS {}", ns.name, ns.data);
    }
    "NODATA".to_string()
}

impl Resolver<'_, '_> {
    fn id(&mut self) -> u16 {
        self.next_id = self.next_id.wrapping_mul(25_173).wrapping_add(13_849);
        self.next_id
    }

    fn over_udp(&self, to: SocketAddr, bytes: &[u8]) -> Result<Vec<u8>, SimError> {
        let sock = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))
            .map_err(io(crate::tr!("demo-dns-io-bind-resolver")))?;
        sock.set_read_timeout(Some(IO_TIMEOUT))
            .map_err(io(crate::tr!("demo-dns-io-timeout")))?;
        sock.send_to(bytes, to)
            .map_err(io(crate::tr!("demo-dns-io-send")))?;
        let mut buf = [0u8; 4096];
        let (n, _) = sock
            .recv_from(&mut buf)
            .map_err(io(crate::tr!("demo-dns-io-wait")))?;
        Ok(buf[..n].to_vec())
    }

    fn over_tcp(&self, to: SocketAddr, bytes: &[u8]) -> Result<Vec<u8>, SimError> {
        let mut s = TcpStream::connect_timeout(&to, IO_TIMEOUT)
            .map_err(io(crate::tr!("demo-dns-io-connect")))?;
        s.set_read_timeout(Some(IO_TIMEOUT))
            .map_err(io(crate::tr!("demo-dns-io-timeout")))?;
        s.set_write_timeout(Some(IO_TIMEOUT))
            .map_err(io(crate::tr!("demo-dns-io-timeout")))?;
        s.write_all(&(bytes.len() as u16).to_be_bytes())
            .map_err(io(crate::tr!("demo-dns-io-send-tcp")))?;
        s.write_all(bytes)
            .map_err(io(crate::tr!("demo-dns-io-send-tcp")))?;
        let mut len = [0u8; 2];
        s.read_exact(&mut len)
            .map_err(io(crate::tr!("demo-dns-io-read-tcp")))?;
        let mut reply = vec![0u8; usize::from(u16::from_be_bytes(len))];
        s.read_exact(&mut reply)
            .map_err(io(crate::tr!("demo-dns-io-read-tcp")))?;
        Ok(reply)
    }

    /// Asks one server, over UDP and again over TCP when the answer is cut.
    fn ask(&mut self, server: usize, qname: &Name, kind: RecordType) -> Result<Message, SimError> {
        let mut query = Message::query();
        query.metadata.id = self.id();
        query.metadata.recursion_desired = false;
        query.add_query(Query::query(qname.clone(), kind));
        let bytes = query.to_vec().map_err(invalid)?;
        let (role, host) = {
            let z = &self.servers[server].zone;
            (z.role.clone(), z.host.to_string())
        };
        let to = lane(&role);
        if !self.dumped {
            self.dumped = true;
            self.out.event(
                Event::message(
                    self.now as f64 * 1000.0,
                    RECURSIVE,
                    to,
                    format!("{kind}? {qname}"),
                )
                .note(crate::tr!(
                    "demo-dns-iterative-note",
                    role = role.as_str(),
                    host = host.as_str()
                )),
            )?;
            self.out.pre(hex_dump(&bytes))?;
            self.out.fields(
                crate::tr!("demo-dns-query-header"),
                header_fields(&query, &bytes),
            )?;
            // The diagram goes on below the dump.
            self.out.lanes(LANES)?;
        } else {
            self.out.event(Event::message(
                self.now as f64 * 1000.0,
                RECURSIVE,
                to,
                format!("{kind}? {qname}"),
            ))?;
        }
        let udp = self.over_udp(self.servers[server].udp, &bytes)?;
        let mut reply = Message::from_vec(&udp).map_err(invalid)?;
        let q = query.queries[0].clone();
        self.queries
            .push(query_json(&role, &host, &q, false, &reply, false));
        let mut ev = Event::message(self.now as f64 * 1000.0, to, RECURSIVE, summary(&reply));
        if reply.metadata.truncation {
            ev = ev.note(crate::tr!("demo-dns-udp-limit", limit = zone::UDP_LIMIT));
            self.out.event(ev)?;
            self.out.event(Event::message(
                self.now as f64 * 1000.0,
                RECURSIVE,
                to,
                format!("{kind}? {qname} (TCP)"),
            ))?;
            let tcp = self.over_tcp(self.servers[server].tcp, &bytes)?;
            let size = tcp.len();
            reply = Message::from_vec(&tcp).map_err(invalid)?;
            self.queries
                .push(query_json(&role, &host, &q, true, &reply, false));
            self.out.event(
                Event::message(self.now as f64 * 1000.0, to, RECURSIVE, summary(&reply)).note(
                    crate::tr!(
                        "demo-dns-tcp-answer",
                        size = size,
                        count = reply.answers.len()
                    ),
                ),
            )?;
        } else {
            if !reply.additionals.is_empty() {
                ev = ev.note(format!(
                    "AA=0, glue: {}",
                    reply
                        .additionals
                        .iter()
                        .map(|r| format!("{} A {}", r.name, r.data))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            self.out.event(ev)?;
            if reply.metadata.authoritative && !self.shown_aa {
                self.shown_aa = true;
                let b = reply.to_vec().map_err(invalid)?;
                self.out.fields(
                    crate::tr!("demo-dns-aa-header", role = role.as_str()),
                    header_fields(&reply, &b),
                )?;
                self.out.lanes(LANES)?;
            }
        }
        Ok(reply)
    }

    /// The server to ask for `name`: the closest zone whose NS (and glue)
    /// the cache holds, else the root hints.
    fn closest(&self, name: &Name) -> usize {
        let mut zone = name.clone();
        loop {
            if let Some(ns) = self.cache.get(&zone, RecordType::NS, self.now) {
                for r in ns {
                    if let RData::NS(NS(host)) = r.data
                        && let Some(glue) = self.cache.get(&host, RecordType::A, self.now)
                        && let Some(i) = glue.iter().find_map(|g| match g.data {
                            RData::A(a) => self.servers.iter().position(|s| s.zone.address == a.0),
                            _ => None,
                        })
                    {
                        return i;
                    }
                }
            }
            if zone.is_root() {
                return 0;
            }
            zone = zone.base_name();
        }
    }

    /// Resolves for the stub; returns the answer, its rcode and whether the
    /// cache alone answered.
    fn resolve(
        &mut self,
        qname: &Name,
        kind: RecordType,
    ) -> Result<(Vec<Record>, ResponseCode, Vec<Record>, bool), SimError> {
        let mut chain = Vec::new();
        let mut name = qname.clone();
        let mut upstream = 0;
        for _ in 0..MAX_STEPS {
            if let Some(rs) = self.cache.get(&name, kind, self.now) {
                chain.extend(rs);
                return Ok((chain, ResponseCode::NoError, Vec::new(), upstream == 0));
            }
            if let Some(rs) = self.cache.get(&name, RecordType::CNAME, self.now)
                && let Some(RData::CNAME(CNAME(target))) = rs.first().map(|r| r.data.clone())
            {
                chain.extend(rs);
                name = target;
                continue;
            }
            if let Some(soa) = self.cache.negative(&name, self.now) {
                return Ok((chain, ResponseCode::NXDomain, vec![soa], upstream == 0));
            }
            let server = self.closest(&name);
            upstream += 1;
            let reply = self.ask(server, &name, kind)?;
            let now = self.now;
            if reply.metadata.response_code == ResponseCode::NXDomain {
                if let Some(soa) = reply
                    .authorities
                    .iter()
                    .find(|r| r.record_type() == RecordType::SOA)
                {
                    let ttl = zone::negative_ttl(soa).unwrap_or(0);
                    self.cache
                        .negative
                        .insert(name.to_lowercase(), (soa.clone(), ttl, now));
                }
                continue;
            }
            if !reply.answers.is_empty() {
                self.cache.put(&reply.answers, now);
                continue;
            }
            if reply
                .authorities
                .iter()
                .any(|r| r.record_type() == RecordType::NS)
            {
                self.cache.put(&reply.authorities, now);
                self.cache.put(&reply.additionals, now);
                continue;
            }
            return Ok((
                chain,
                reply.metadata.response_code,
                reply.authorities.clone(),
                false,
            ));
        }
        Err(SimError::Invalid(format!(
            "dns: {qname} took more than {MAX_STEPS} steps"
        )))
    }

    /// One lookup by the stub at the current simulated time.
    fn lookup(&mut self, qname: &Name) -> Result<(Message, bool), SimError> {
        let mut q = Message::query();
        q.metadata.id = self.id();
        q.metadata.recursion_desired = true;
        q.add_query(Query::query(qname.clone(), RecordType::A));
        // Real wire format both ways, handed over in memory.
        let q = Message::from_vec(&q.to_vec().map_err(invalid)?).map_err(invalid)?;
        let t = self.now as f64 * 1000.0;
        self.out.event(Event::message(
            t,
            STUB,
            RECURSIVE,
            format!("A? {qname} (RD=1)"),
        ))?;
        let (answers, rcode, authority, from_cache) = self.resolve(qname, RecordType::A)?;
        let mut reply = Message::response(q.metadata.id, q.metadata.op_code);
        reply.metadata.recursion_desired = true;
        reply.metadata.recursion_available = true;
        reply.metadata.response_code = rcode;
        reply.add_query(q.queries[0].clone());
        reply.add_answers(answers);
        reply.add_authorities(authority);
        let reply = Message::from_vec(&reply.to_vec().map_err(invalid)?).map_err(invalid)?;
        self.queries.push(query_json(
            "recursive",
            "recursive",
            &q.queries[0],
            false,
            &reply,
            from_cache,
        ));
        let mut ev = Event::message(t, RECURSIVE, STUB, summary(&reply));
        if from_cache {
            let ttls: Vec<String> = reply
                .answers
                .iter()
                .chain(&reply.authorities)
                .map(|r| format!("{} {} TTL {}", r.name, r.record_type(), r.ttl))
                .collect();
            ev = ev.note(crate::tr!("demo-dns-cache-hit", ttls = ttls.join(", ")));
        }
        self.out.event(ev)?;
        Ok((reply, from_cache))
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let name_text = if args.round_robin {
        "rr.example.com"
    } else {
        args.name.as_str()
    };
    let qname = Name::from_str(name_text).map_err(|e| {
        SimError::Invalid(crate::tr!(
            "demo-dns-err-name",
            name = format!("{name_text:?}"),
            error = e.to_string()
        ))
    })?;
    let qname = Name::from_labels(qname.iter()).map_err(invalid)?;
    let mut qname = qname;
    qname.set_fqdn(true);
    let mut zones = zone::parse(zone::ZONES).map_err(invalid)?;
    if args.round_robin {
        for z in &mut zones {
            z.rotate = z.role == "authoritative";
        }
    }
    let stop = Arc::new(AtomicBool::new(false));
    let mut running = Vec::new();
    let mut threads = Vec::new();
    for z in zones {
        let udp = bind_udp(z.address)?;
        let tcp = bind_tcp(z.address)?;
        let zone = Arc::new(z);
        running.push(Running {
            zone: zone.clone(),
            udp: udp
                .local_addr()
                .map_err(io(crate::tr!("demo-dns-io-port")))?,
            tcp: tcp
                .local_addr()
                .map_err(io(crate::tr!("demo-dns-io-port")))?,
        });
        let stop = stop.clone();
        threads.push(std::thread::spawn(move || serve(zone, udp, tcp, stop)));
    }
    let on_own_address = running
        .iter()
        .all(|r| r.udp.ip() == std::net::IpAddr::V4(r.zone.address));
    let result = demo(&args, &qname, running, on_own_address, out);
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        let _ = t.join();
    }
    result
}

fn demo(
    args: &Args,
    qname: &Name,
    servers: Vec<Running>,
    own: bool,
    out: &mut Emitter<'_>,
) -> Result<Value, SimError> {
    out.title(crate::tr!("demo-dns-run-title", qname = qname.to_string()))?;
    let mut t = Table::new([
        crate::tr!("demo-dns-col-role"),
        crate::tr!("demo-dns-col-name"),
        "zone".to_string(),
        crate::tr!("demo-dns-col-address"),
    ]);
    for s in &servers {
        t.row([
            s.zone.role.clone(),
            s.zone.host.to_string(),
            s.zone.apex.to_string(),
            if own {
                s.zone.address.to_string()
            } else {
                crate::tr!("demo-dns-by-port")
            },
        ]);
    }
    out.text(crate::tr!("demo-dns-intro"))?;
    out.table(t)?;
    let mut r = Resolver {
        servers,
        cache: Cache::default(),
        now: 0,
        next_id: (args.common.seed as u16) ^ 0x5a5a,
        queries: Vec::new(),
        out,
        dumped: false,
        shown_aa: false,
    };
    if args.round_robin {
        return round_robin(&mut r, qname);
    }
    r.out.heading(crate::tr!("demo-dns-first-lookup"))?;
    r.out.lanes(LANES)?;
    let (first, _) = r.lookup(qname)?;
    explain_first(&mut r, &first)?;

    r.now = SECOND_LOOKUP;
    r.out
        .heading(crate::tr!("demo-dns-again", t = SECOND_LOOKUP))?;
    r.out.lanes(LANES)?;
    r.lookup(qname)?;
    if let Some(after) = args.after {
        r.now = after;
        r.out
            .heading(crate::tr!("demo-dns-after-heading", t = after))?;
        r.out.lanes(LANES)?;
        let before = r.queries.len();
        let (_, from_cache) = r.lookup(qname)?;
        let upstream = r.queries.len() - before - 1;
        r.out.text(if from_cache {
            crate::tr!("demo-dns-still-cached")
        } else {
            crate::tr!("demo-dns-expired", upstream = upstream)
        })?;
    }
    let result = json!({
        "qname": qname.to_string(),
        "rcode": first.metadata.response_code.to_string(),
        "answers": first.answers.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    Ok(json!({"queries": r.queries, "result": result}))
}

fn explain_first(r: &mut Resolver<'_, '_>, first: &Message) -> Result<(), SimError> {
    if first
        .answers
        .iter()
        .any(|a| a.record_type() == RecordType::CNAME)
    {
        r.out.text(crate::tr!("demo-dns-cname"))?;
    }
    if first.metadata.response_code == ResponseCode::NXDomain
        && let Some(soa) = first.authorities.first()
    {
        r.out.text(crate::tr!(
            "demo-dns-nxdomain",
            ttl = zone::negative_ttl(soa).unwrap_or(0)
        ))?;
    }
    r.out.text(crate::tr!("demo-dns-iterative"))
}

fn round_robin(r: &mut Resolver<'_, '_>, qname: &Name) -> Result<Value, SimError> {
    r.out.text(crate::tr!("demo-dns-rr-intro"))?;
    r.out.lanes(LANES)?;
    let mut via = Table::new([
        "client".to_string(),
        "t (s)".to_string(),
        crate::tr!("demo-dns-col-first"),
        "from cache".to_string(),
    ]);
    let (yes, no) = (crate::tr!("demo-dns-yes"), crate::tr!("demo-dns-no"));
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut first_result = None;
    for (i, t) in [0u64, 20, 40, 60, 80, 100].into_iter().enumerate() {
        r.now = t;
        let (reply, from_cache) = r.lookup(qname)?;
        let first = reply
            .answers
            .first()
            .map(|a| a.data.to_string())
            .unwrap_or_default();
        counts.entry(first.clone()).or_default().0 += 1;
        via.row([
            format!("{}", i + 1),
            t.to_string(),
            first,
            if from_cache { yes.clone() } else { no.clone() },
        ]);
        first_result.get_or_insert(reply);
    }
    r.out.table(via.titled(crate::tr!("demo-dns-via-title")))?;
    // The same six clients asking the authoritative server directly.
    let auth = r
        .servers
        .iter()
        .position(|s| s.zone.role == "authoritative")
        .unwrap_or(0);
    r.out.text(crate::tr!("demo-dns-direct"))?;
    r.out.lanes(LANES)?;
    for _ in 0..6 {
        let reply = r.ask(auth, qname, RecordType::A)?;
        let first = reply
            .answers
            .first()
            .map(|a| a.data.to_string())
            .unwrap_or_default();
        counts.entry(first).or_default().1 += 1;
    }
    let mut spread = Table::new([
        crate::tr!("demo-dns-col-address-short"),
        crate::tr!("demo-dns-col-via"),
        crate::tr!("demo-dns-col-direct"),
    ]);
    let mut keys: Vec<&String> = counts.keys().collect();
    keys.sort();
    for k in keys {
        let (a, b) = counts[k];
        spread.row([k.clone(), a.to_string(), b.to_string()]);
    }
    r.out
        .table(spread.titled(crate::tr!("demo-dns-spread-title")))?;
    r.out.text(crate::tr!("demo-dns-rr-outro"))?;
    let reply = first_result.unwrap_or_else(Message::query);
    let result = json!({
        "qname": qname.to_string(),
        "rcode": reply.metadata.response_code.to_string(),
        "answers": reply.answers.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    Ok(json!({"queries": r.queries, "result": result}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttls_count_down_and_expire_on_the_simulated_clock() {
        assert_eq!(remaining(300, 0, 30), Some(270));
        assert_eq!(remaining(300, 0, 299), Some(1));
        assert_eq!(remaining(300, 0, 300), None);
        assert_eq!(remaining(3600, 0, 400), Some(3200));
    }

    #[test]
    fn the_cache_serves_a_set_with_its_ttl_left_and_drops_it_after() {
        let servers = zone::parse(zone::ZONES).unwrap();
        let www: Vec<Record> = servers[2]
            .records
            .iter()
            .filter(|r| r.name.to_string() == "web.example.com.")
            .cloned()
            .collect();
        let mut cache = Cache::default();
        cache.put(&www, 10);
        let name = Name::from_str("WEB.example.com.").unwrap();
        let got = cache.get(&name, RecordType::A, 40).unwrap();
        assert_eq!(got[0].ttl, 270);
        assert!(cache.get(&name, RecordType::A, 310).is_none());
    }
}
