//! `synack demo sockets`: one listening port, many connections, told apart by
//! the 4-tuple, shown with real sockets on the loopback interface.
//!
//! Live mode (the default) uses `std::net` on 127.0.0.1 only: a `TcpListener`
//! on an ephemeral port, `--clients N` clients connected to it, each
//! connection's addresses read from both ends (`local_addr`/`peer_addr`), then
//! the operating system's own answers to binding the same port again (TCP:
//! `EADDRINUSE`; UDP: fine, a separate port space; TCP on 127.0.0.2: fine on
//! Linux), the ephemeral port range from `/proc/sys/net/ipv4/ip_local_port_range`
//! and, after the clients close first, their connections in TIME-WAIT as
//! `/proc/net/tcp` lists them. Live port numbers change from run to run, so
//! only the shape of live output is fixed.
//!
//! `--simulate` tells the same story without touching a socket, for tests and
//! locked-down machines: ports are drawn from `--seed` in Linux's default
//! ephemeral range, errors are the texts Linux gives, and `/proc/net/tcp`
//! lines are written as a little-endian machine (x86, ARM) shows them. Its
//! output is byte-for-byte repeatable.

use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener, TcpStream, UdpSocket};
use std::time::Duration;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::Parser;
use serde::Serialize;

use crate::sim::trace::Table;
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "sockets",
    title: || crate::tr!("demo-sockets-title"),
    summary: || crate::tr!("demo-sockets-summary"),
    topics: &["port", "socket", "4-tuple", "ephemeral port", "TIME-WAIT"],
    keywords: &[
        "소켓",
        "포트",
        "socket",
        "port",
        "4-tuple",
        "ephemeral",
        "eaddrinuse",
    ],
    run,
};

#[derive(Debug, Parser)]
#[command(
    name = "sockets",
    about = crate::tr!("demo-sockets-about"),
    after_help = format!("{}\n  synack demo sockets --clients 3\n  synack demo sockets --simulate --seed 7\n  synack demo sockets --step",
        crate::tr!("demo-sockets-examples"))
)]
struct Args {
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u8).range(1..=64),
          help = crate::tr!("demo-sockets-opt-clients"))]
    clients: u8,
    #[arg(long, help = crate::tr!("demo-sockets-opt-simulate"))]
    simulate: bool,
    #[command(flatten)]
    common: Common,
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    out.title(crate::tr!("demo-sockets-title-run"))?;
    let report = if args.simulate {
        let report = simulated(args.clients, args.common.seed);
        report.emit(out, args.common.seed)?;
        report
    } else {
        live(args.clients, out)?
    };
    serde_json::to_value(&report).map_err(|e| SimError::Invalid(e.to_string()))
}

/// Linux's default `ip_local_port_range`, used by `--simulate`.
const SIMULATED_RANGE: [u16; 2] = [32768, 60999];
const EADDRINUSE_TEXT: &str = "Address already in use (os error 98)";
const OTHER_LOOPBACK: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Live,
    Simulated,
}

/// The JSON report, key for key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SocketsReport {
    pub mode: Mode,
    pub listener: SocketAddr,
    pub connections: Vec<Connection>,
    pub second_tcp_bind: Attempt,
    pub udp_same_port: Attempt,
    pub other_address_same_port: Attempt,
    pub ephemeral_range: Option<[u16; 2]>,
    /// The clients' connections in TIME-WAIT after closing; `None` where
    /// `/proc/net/tcp` is not there to ask.
    pub time_wait: Option<Vec<TimeWait>>,
}

/// One connection, as each end's socket reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connection {
    pub client_local: SocketAddr,
    pub client_peer: SocketAddr,
    pub server_local: SocketAddr,
    pub server_peer: SocketAddr,
}

/// What a bind attempt came to: the operating system's error text if it failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub ok: bool,
    pub error: Option<String>,
}

impl Attempt {
    fn of<T>(result: std::io::Result<T>) -> Attempt {
        match result {
            Ok(_) => Attempt {
                ok: true,
                error: None,
            },
            Err(e) => Attempt {
                ok: false,
                error: Some(e.to_string()),
            },
        }
    }
}

/// A `/proc/net/tcp` row in state `06` (TIME_WAIT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeWait {
    pub local: SocketAddrV4,
    pub remote: SocketAddrV4,
    /// `local_address rem_address st`, as the kernel wrote them.
    pub proc_line: String,
}

/// Runs the steps on real sockets, emitting each step's block once its
/// socket operations have happened and before the next step's begin: with
/// `--step`, `ss -tan` in another terminal agrees with the screen. A `q`
/// stops between steps; the sockets close as they go out of scope.
fn live(clients: u8, out: &mut Emitter<'_>) -> Result<SocketsReport, SimError> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| {
        SimError::Invalid(crate::tr!("demo-sockets-err-bind", error = e.to_string()))
    })?;
    let addr = listener
        .local_addr()
        .map_err(io(&crate::tr!("demo-sockets-io-listener-address")))?;
    let mut report = SocketsReport {
        mode: Mode::Live,
        listener: addr,
        connections: Vec::new(),
        second_tcp_bind: Attempt::of(Ok(())),
        udp_same_port: Attempt::of(Ok(())),
        other_address_same_port: Attempt::of(Ok(())),
        ephemeral_range: None,
        time_wait: None,
    };
    report.listen_step(out, 0)?;
    let mut pairs = Vec::new();
    for _ in 0..clients {
        let client =
            TcpStream::connect(addr).map_err(io(&crate::tr!("demo-sockets-io-connect")))?;
        // Connections are made one at a time, so the one accepted is the one just made.
        let (server, _) = listener
            .accept()
            .map_err(io(&crate::tr!("demo-sockets-io-accept")))?;
        pairs.push((client, server));
    }
    let mut connections = Vec::new();
    for (client, server) in &pairs {
        let what = &crate::tr!("demo-sockets-io-addresses");
        connections.push(Connection {
            client_local: client.local_addr().map_err(io(what))?,
            client_peer: client.peer_addr().map_err(io(what))?,
            server_local: server.local_addr().map_err(io(what))?,
            server_peer: server.peer_addr().map_err(io(what))?,
        });
    }
    report.connections = connections;
    report.connect_step(out)?;
    // Each attempt's socket closes at once: only the answer is kept.
    report.second_tcp_bind = Attempt::of(TcpListener::bind(addr));
    report.udp_same_port = Attempt::of(UdpSocket::bind(addr));
    report.other_address_same_port = Attempt::of(TcpListener::bind((OTHER_LOOPBACK, addr.port())));
    report.bind_step(out)?;
    report.ephemeral_range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|text| parse_range(&text));
    report.range_step(out)?;

    // The clients close first, so they are the active closers and keep the
    // TIME-WAIT state. Each server reads its EOF before closing, so its FIN
    // answers the client's instead of crossing it (a simultaneous close would
    // leave both ends in TIME-WAIT).
    let (client_streams, server_streams): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
    drop(client_streams);
    for mut server in server_streams {
        let _ = server.set_read_timeout(Some(Duration::from_secs(2)));
        // Only waiting for the FIN; what read returns does not change the story.
        let _ = server.read(&mut [0u8; 1]);
    }
    drop(listener);
    report.time_wait = wait_for_time_wait(&report.connections);
    report.close_step(out)?;
    Ok(report)
}

fn io(what: &str) -> impl Fn(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: what.to_string(),
        source,
    }
}

/// `"32768\t60999\n"` → `[32768, 60999]`.
fn parse_range(text: &str) -> Option<[u16; 2]> {
    let mut numbers = text.split_whitespace().map(str::parse::<u16>);
    match (numbers.next(), numbers.next()) {
        (Some(Ok(lo)), Some(Ok(hi))) => Some([lo, hi]),
        _ => None,
    }
}

/// The clients' TIME-WAIT rows in `/proc/net/tcp`. The last ACK crosses
/// loopback asynchronously, so the table is read a few times before settling
/// for what is there.
fn wait_for_time_wait(connections: &[Connection]) -> Option<Vec<TimeWait>> {
    let mut found = Vec::new();
    for _ in 0..50 {
        let text = std::fs::read_to_string("/proc/net/tcp").ok()?;
        found = time_wait_rows(&text, connections, u32::to_ne_bytes);
        if found.len() == connections.len() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Some(found)
}

/// Rows of `/proc/net/tcp` in TIME_WAIT whose local address is one of the
/// clients'. The kernel prints each IPv4 address as the 32-bit word holding
/// its network-order bytes; `word_bytes` turns that word back into the bytes
/// the way the printing machine stores it (`u32::to_ne_bytes` for this one).
fn time_wait_rows(
    text: &str,
    connections: &[Connection],
    word_bytes: fn(u32) -> [u8; 4],
) -> Vec<TimeWait> {
    let decode = |hex: &str| -> Option<SocketAddrV4> {
        let (ip, port) = hex.split_once(':')?;
        let ip = Ipv4Addr::from(word_bytes(u32::from_str_radix(ip, 16).ok()?));
        Some(SocketAddrV4::new(ip, u16::from_str_radix(port, 16).ok()?))
    };
    let mut rows = Vec::new();
    // Client order, not table order, so the rows line up with the connections.
    for c in connections {
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let [_, local_hex, remote_hex, state, ..] = cols[..] else {
                continue;
            };
            let (Some(local), Some(remote)) = (decode(local_hex), decode(remote_hex)) else {
                continue;
            };
            if state == "06" && SocketAddr::V4(local) == c.client_local {
                rows.push(TimeWait {
                    local,
                    remote,
                    proc_line: format!("{local_hex} {remote_hex} {state}"),
                });
            }
        }
    }
    rows
}

/// `/proc/net/tcp`'s `ADDR:PORT` column for `addr`, as a machine reading
/// words with `read_word` prints it.
fn proc_hex(addr: SocketAddrV4, read_word: fn([u8; 4]) -> u32) -> String {
    format!("{:08X}:{:04X}", read_word(addr.ip().octets()), addr.port())
}

fn simulated(clients: u8, seed: u64) -> SocketsReport {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let [lo, hi] = SIMULATED_RANGE;
    let mut used: Vec<u16> = Vec::new();
    let mut draw = || loop {
        let offset = rng.next_u32() % u32::from(hi - lo + 1);
        // offset < 28232, so it fits a u16.
        let port = lo + offset as u16;
        if !used.contains(&port) {
            used.push(port);
            return port;
        }
    };
    let listener = SocketAddrV4::new(Ipv4Addr::LOCALHOST, draw());
    let client_addrs: Vec<SocketAddrV4> = (0..clients)
        .map(|_| SocketAddrV4::new(Ipv4Addr::LOCALHOST, draw()))
        .collect();
    let connections: Vec<Connection> = client_addrs
        .iter()
        .map(|&client| Connection {
            client_local: client.into(),
            client_peer: listener.into(),
            server_local: listener.into(),
            server_peer: client.into(),
        })
        .collect();
    let time_wait = client_addrs
        .iter()
        .map(|&local| TimeWait {
            local,
            remote: listener,
            proc_line: format!(
                "{} {} 06",
                proc_hex(local, u32::from_le_bytes),
                proc_hex(listener, u32::from_le_bytes)
            ),
        })
        .collect();
    let ok = Attempt {
        ok: true,
        error: None,
    };
    SocketsReport {
        mode: Mode::Simulated,
        listener: listener.into(),
        connections,
        second_tcp_bind: Attempt {
            ok: false,
            error: Some(EADDRINUSE_TEXT.to_string()),
        },
        udp_same_port: ok.clone(),
        other_address_same_port: ok,
        ephemeral_range: Some(SIMULATED_RANGE),
        time_wait: Some(time_wait),
    }
}

impl SocketsReport {
    /// Emits the whole report (simulated mode: everything is known).
    fn emit(&self, out: &mut Emitter<'_>, seed: u64) -> Result<(), SimError> {
        self.listen_step(out, seed)?;
        self.connect_step(out)?;
        self.bind_step(out)?;
        self.range_step(out)?;
        self.close_step(out)
    }

    fn listen_step(&self, out: &mut Emitter<'_>, seed: u64) -> Result<(), SimError> {
        out.heading(crate::tr!("demo-sockets-step-1"))?;
        out.text(match self.mode {
            Mode::Live => crate::tr!("demo-sockets-live"),
            Mode::Simulated => crate::tr!("demo-sockets-simulated", seed = seed.to_string()),
        })?;
        out.text(crate::tr!("demo-sockets-bind-zero"))?;
        let mut t = Table::new(["socket", "address", "state"]);
        t.row([
            "listener".to_string(),
            self.listener.to_string(),
            "LISTEN".to_string(),
        ]);
        out.table(t)?;
        out.text(crate::tr!("demo-sockets-listening-only"))
    }

    fn connect_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let n = self.connections.len();
        out.heading(crate::tr!("demo-sockets-step-2", count = n))?;
        let mut t = Table::new([
            "#".to_string(),
            crate::tr!("demo-sockets-col-client-local"),
            crate::tr!("demo-sockets-col-client-peer"),
            crate::tr!("demo-sockets-col-server-local"),
            crate::tr!("demo-sockets-col-server-peer"),
        ]);
        for (i, c) in self.connections.iter().enumerate() {
            t.row([
                (i + 1).to_string(),
                c.client_local.to_string(),
                c.client_peer.to_string(),
                c.server_local.to_string(),
                c.server_peer.to_string(),
            ]);
        }
        out.table(t)?;
        let one_port = self
            .connections
            .iter()
            .all(|c| c.server_local == self.listener);
        let mut ports: Vec<u16> = self
            .connections
            .iter()
            .map(|c| c.client_local.port())
            .collect();
        ports.sort_unstable();
        ports.dedup();
        out.note(
            crate::tr!("demo-sockets-one-port"),
            crate::tr!("demo-sockets-one-port-text", answer = yes_no(one_port)),
        )?;
        out.note(
            crate::tr!("demo-sockets-client-ports"),
            crate::tr!("demo-sockets-client-ports-text", count = ports.len()),
        )?;
        out.text(crate::tr!("demo-sockets-four-tuple"))
    }

    fn bind_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let port = self.listener.port();
        let result = |a: &Attempt| match &a.error {
            None => crate::tr!("demo-sockets-ok"),
            Some(e) => crate::tr!("demo-sockets-failed", error = e.as_str()),
        };
        out.heading(crate::tr!("demo-sockets-step-3"))?;
        let mut t = Table::new(["bind".to_string(), crate::tr!("demo-sockets-col-result")]);
        t.row([
            format!("TCP {}", self.listener),
            result(&self.second_tcp_bind),
        ]);
        t.row([
            format!("UDP {}", self.listener),
            result(&self.udp_same_port),
        ]);
        t.row([
            format!("TCP {OTHER_LOOPBACK}:{port}"),
            result(&self.other_address_same_port),
        ]);
        out.table(t)?;
        out.text(if self.second_tcp_bind.ok {
            crate::tr!("demo-sockets-tcp-reuse")
        } else {
            crate::tr!("demo-sockets-tcp-in-use")
        })?;
        out.text(if self.udp_same_port.ok {
            crate::tr!("demo-sockets-udp-ok")
        } else {
            crate::tr!("demo-sockets-udp-failed")
        })?;
        out.text(if self.other_address_same_port.ok {
            crate::tr!("demo-sockets-other-ok")
        } else {
            crate::tr!("demo-sockets-other-failed")
        })
    }

    fn range_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        out.heading(crate::tr!("demo-sockets-step-4"))?;
        match self.ephemeral_range {
            Some([lo, hi]) => {
                out.note(
                    crate::tr!("demo-sockets-range"),
                    crate::tr!("demo-sockets-range-text", lo = lo, hi = hi),
                )?;
                let inside = self
                    .connections
                    .iter()
                    .all(|c| (lo..=hi).contains(&c.client_local.port()));
                out.note(crate::tr!("demo-sockets-inside"), yes_no(inside))
            }
            None => out.text(crate::tr!("demo-sockets-no-range")),
        }
    }

    fn close_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        out.heading(crate::tr!("demo-sockets-step-5"))?;
        out.text(crate::tr!("demo-sockets-close-story"))?;
        let Some(rows) = &self.time_wait else {
            return out.text(crate::tr!("demo-sockets-no-proc"));
        };
        let source = match self.mode {
            Mode::Live => "/proc/net/tcp",
            Mode::Simulated => "/proc/net/tcp (simulated)",
        };
        out.note(source, crate::tr!("demo-sockets-proc-legend"))?;
        if rows.is_empty() {
            out.text(crate::tr!("demo-sockets-no-time-wait"))?;
        } else {
            let mut t = Table::new([
                "local_address".to_string(),
                "rem_address".to_string(),
                "st".to_string(),
                crate::tr!("demo-sockets-col-client-local"),
                "server".to_string(),
            ]);
            for tw in rows {
                let mut cols: Vec<String> = tw.proc_line.split(' ').map(String::from).collect();
                cols.push(tw.local.to_string());
                cols.push(tw.remote.to_string());
                t.row(cols);
            }
            out.table(t)?;
        }
        out.text(crate::tr!("demo-sockets-why-time-wait"))
    }
}

/// "yes"/"no" in the current language.
fn yes_no(yes: bool) -> String {
    if yes {
        crate::tr!("demo-sockets-yes")
    } else {
        crate::tr!("demo-sockets-no")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> SocketAddr {
        s.parse().expect("address")
    }

    #[test]
    fn proc_net_tcp_addresses_are_little_endian_words() {
        // 127.0.0.1:8080 as a little-endian Linux machine prints it.
        let a: SocketAddrV4 = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(proc_hex(a, u32::from_le_bytes), "0100007F:1F90");
        assert_eq!(proc_hex(a, u32::from_be_bytes), "7F000001:1F90");
    }

    #[test]
    fn time_wait_rows_are_found_by_client_address() {
        let text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   \
            0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1\n   \
            1: 0100007F:A1B2 0100007F:1F90 06 00000000:00000000 03:00000F9E 00000000     0        0 0 3\n   \
            2: 0100007F:A1B3 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 2 1\n";
        let c = |port: u16| Connection {
            client_local: addr(&format!("127.0.0.1:{port}")),
            client_peer: addr("127.0.0.1:8080"),
            server_local: addr("127.0.0.1:8080"),
            server_peer: addr(&format!("127.0.0.1:{port}")),
        };
        // 0xA1B2 = 41394 is in TIME_WAIT; 0xA1B3 = 41395 is ESTABLISHED.
        let rows = time_wait_rows(text, &[c(41394), c(41395)], u32::to_le_bytes);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].local, "127.0.0.1:41394".parse().unwrap());
        assert_eq!(rows[0].remote, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(rows[0].proc_line, "0100007F:A1B2 0100007F:1F90 06");
    }

    #[test]
    fn ranges_parse_from_proc() {
        assert_eq!(parse_range("32768\t60999\n"), Some([32768, 60999]));
        assert_eq!(parse_range("1024"), None);
        assert_eq!(parse_range("x y"), None);
    }

    #[test]
    fn simulation_is_deterministic_and_well_formed() {
        for clients in [1, 3, 64] {
            let a = simulated(clients, 7);
            assert_eq!(a, simulated(clients, 7));
            assert_eq!(a.connections.len(), usize::from(clients));
            let mut ports: Vec<u16> = a
                .connections
                .iter()
                .map(|c| c.client_local.port())
                .collect();
            ports.push(a.listener.port());
            ports.sort_unstable();
            ports.dedup();
            assert_eq!(ports.len(), usize::from(clients) + 1, "ports are distinct");
            assert!(ports.iter().all(|p| (32768..=60999).contains(p)));
            for c in &a.connections {
                assert_eq!(c.server_local, a.listener);
                assert_eq!(c.client_peer, a.listener);
                assert_eq!(c.client_local, c.server_peer);
            }
        }
        assert_ne!(simulated(3, 1).listener, simulated(3, 2).listener);
    }
}
