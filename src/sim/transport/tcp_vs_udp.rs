//! `synack demo tcp-vs-udp`: the same three messages over TCP and over UDP,
//! on real loopback sockets (127.0.0.1, ports chosen by the OS, every call
//! with a timeout). TCP is a byte stream: three `send()`s arrive as bytes
//! that one `recv()` reads together. UDP keeps message boundaries: three
//! datagrams are three `recv()`s. UDP has no handshake, `connect()` on UDP
//! only fixes the peer (and lets an ICMP port unreachable come back as
//! ECONNREFUSED), and a lost datagram is simply never received.
//!
//! Output names sockets by role, never by port number or time, so that it
//! is the same on every run.

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{Value, json};

use crate::sim::trace::{Event, EventKind};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "tcp-vs-udp",
    title: || crate::tr!("demo-tcp-vs-udp-title"),
    summary: || crate::tr!("demo-tcp-vs-udp-summary"),
    topics: &["TCP", "UDP", "byte stream", "datagram", "message boundary"],
    keywords: &[
        "udp",
        "tcp와 udp",
        "tcp vs udp",
        "tcp/udp",
        "datagram",
        "데이터그램",
        "byte stream",
        "바이트 스트림",
        "message boundary",
        "메시지 경계",
        "비연결형",
        "connectionless",
    ],
    run,
};

#[derive(Debug, Parser)]
#[command(
    name = "tcp-vs-udp",
    about = crate::tr!("demo-tcp-vs-udp-about"),
    after_help = format!(
        "{}\n  synack demo tcp-vs-udp\n  synack demo tcp-vs-udp --drop 3\n  synack demo tcp-vs-udp --format json",
        crate::tr!("demo-tcp-vs-udp-examples")
    )
)]
struct Args {
    #[arg(long, value_name = "K", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(1..=3),
          help = crate::tr!("demo-tcp-vs-udp-opt-drop"))]
    drop: u8,
    #[command(flatten)]
    common: Common,
}

const MESSAGES: [&str; 3] = ["one", "two", "three"];
/// Every socket call waits at most this long.
const TIMEOUT: Duration = Duration::from_secs(2);
/// How long to wait for an error that an unconnected socket never hears.
const SHORT: Duration = Duration::from_millis(300);

fn io(what: &str) -> impl Fn(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: what.to_string(),
        source,
    }
}

fn loopback() -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, 0))
}

fn at(actor: usize, label: impl Into<String>) -> Event {
    Event {
        time_ms: None,
        kind: EventKind::Action {
            actor,
            label: label.into(),
            state: None,
        },
        notes: Vec::new(),
        states: Vec::new(),
    }
}

fn msg(from: usize, to: usize, label: impl Into<String>) -> Event {
    Event {
        time_ms: None,
        kind: EventKind::Message {
            from,
            to,
            label: label.into(),
            lost: false,
        },
        notes: Vec::new(),
        states: Vec::new(),
    }
}

fn quoted(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

/// Waits (bounded) until `n` bytes are queued on `stream`, without reading
/// them: the one `recv()` afterwards then sees everything that was sent.
fn wait_for_bytes(stream: &TcpStream, n: usize) -> Result<(), SimError> {
    let deadline = Instant::now() + TIMEOUT;
    let mut buf = vec![0u8; n];
    loop {
        let seen = stream.peek(&mut buf).map_err(io("TCP peek"))?;
        if seen >= n {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(SimError::Invalid(crate::tr!(
                "demo-tcp-vs-udp-err-short",
                seen = seen,
                n = n,
                timeout = format!("{TIMEOUT:?}")
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn tcp(out: &mut Emitter<'_>) -> Result<Value, SimError> {
    out.heading(crate::tr!("demo-tcp-vs-udp-tcp-heading"))?;
    let listener = TcpListener::bind(loopback()).map_err(io("TCP bind 127.0.0.1:0"))?;
    let addr = listener.local_addr().map_err(io("TCP local_addr"))?;
    out.lanes(["client", "server"])?;
    let mut client =
        TcpStream::connect_timeout(&addr, TIMEOUT).map_err(io("TCP connect to loopback"))?;
    let (mut server, _) = listener.accept().map_err(io("TCP accept"))?;
    for s in [&client, &server] {
        s.set_read_timeout(Some(TIMEOUT))
            .map_err(io("TCP timeout"))?;
        s.set_write_timeout(Some(TIMEOUT))
            .map_err(io("TCP timeout"))?;
    }
    out.event(at(0, "connect()").note(crate::tr!("demo-tcp-vs-udp-connect-note")))?;
    for label in ["SYN", "SYN+ACK"] {
        let (from, to) = if label == "SYN" { (0, 1) } else { (1, 0) };
        out.event(msg(from, to, label))?;
    }
    out.event(msg(0, 1, "ACK"))?;
    out.event(at(1, crate::tr!("demo-tcp-vs-udp-accept")))?;
    for m in MESSAGES {
        client.write_all(m.as_bytes()).map_err(io("TCP send"))?;
        out.event(at(0, format!("send({:?}): {} bytes", m, m.len())))?;
    }
    let total: usize = MESSAGES.iter().map(|m| m.len()).sum();
    wait_for_bytes(&server, total)?;
    out.event(
        msg(0, 1, format!("data {total} bytes")).note(crate::tr!("demo-tcp-vs-udp-data-note")),
    )?;
    let mut buf = [0u8; 1024];
    let n = server.read(&mut buf).map_err(io("TCP recv"))?;
    let received = buf[..n].to_vec();
    out.event(
        at(
            1,
            crate::tr!("demo-tcp-vs-udp-tcp-recv", data = quoted(&received), n = n),
        )
        .note(crate::tr!("demo-tcp-vs-udp-tcp-recv-note")),
    )?;
    drop(client);
    Ok(json!({
        "handshake_segments": 3,
        "sends": MESSAGES,
        "recv_calls": 1,
        "received": [String::from_utf8_lossy(&received)],
    }))
}

fn udp_pair() -> Result<(UdpSocket, UdpSocket), SimError> {
    let a = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    let b = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    for s in [&a, &b] {
        s.set_read_timeout(Some(TIMEOUT))
            .map_err(io("UDP timeout"))?;
        s.set_write_timeout(Some(TIMEOUT))
            .map_err(io("UDP timeout"))?;
    }
    Ok((a, b))
}

fn udp(out: &mut Emitter<'_>, drop_k: u8) -> Result<(Value, Value), SimError> {
    out.heading(crate::tr!("demo-tcp-vs-udp-udp-heading"))?;
    let (sender, receiver) = udp_pair()?;
    let to = receiver.local_addr().map_err(io("UDP local_addr"))?;
    out.lanes(["sender", "receiver"])?;
    out.event(
        at(0, crate::tr!("demo-tcp-vs-udp-sendto-at-once"))
            .note(crate::tr!("demo-tcp-vs-udp-no-handshake")),
    )?;
    for m in MESSAGES {
        sender.send_to(m.as_bytes(), to).map_err(io("UDP sendto"))?;
        out.event(msg(0, 1, format!("datagram {:?} ({} bytes)", m, m.len())))?;
    }
    let mut received = Vec::new();
    let mut buf = [0u8; 1024];
    for i in 1..=MESSAGES.len() {
        let (n, _) = receiver.recv_from(&mut buf).map_err(io("UDP recv"))?;
        received.push(String::from_utf8_lossy(&buf[..n]).into_owned());
        out.event(at(
            1,
            crate::tr!(
                "demo-tcp-vs-udp-udp-recv",
                i = i,
                data = quoted(&buf[..n]),
                n = n
            ),
        ))?;
    }
    out.note(
        crate::tr!("demo-tcp-vs-udp-label-boundary"),
        crate::tr!("demo-tcp-vs-udp-boundary"),
    )?;

    // The simulated loss: the K-th datagram is never handed to the socket.
    out.heading(crate::tr!("demo-tcp-vs-udp-loss-heading", k = drop_k))?;
    out.lanes(["sender", "receiver"])?;
    let mut got = Vec::new();
    for (i, m) in MESSAGES.iter().enumerate() {
        let k = i as u8 + 1;
        if k == drop_k {
            out.event(
                Event {
                    kind: EventKind::Message {
                        from: 0,
                        to: 1,
                        label: format!("datagram {m:?}"),
                        lost: true,
                    },
                    ..msg(0, 1, "")
                }
                .note(crate::tr!("demo-tcp-vs-udp-lost-note")),
            )?;
        } else {
            sender.send_to(m.as_bytes(), to).map_err(io("UDP sendto"))?;
            out.event(msg(0, 1, format!("datagram {m:?}")))?;
        }
    }
    for _ in 0..MESSAGES.len() - 1 {
        let (n, _) = receiver.recv_from(&mut buf).map_err(io("UDP recv"))?;
        got.push(String::from_utf8_lossy(&buf[..n]).into_owned());
    }
    out.event(
        at(
            1,
            crate::tr!(
                "demo-tcp-vs-udp-loss-recv",
                count = got.len(),
                data = got.join(", ")
            ),
        )
        .note(crate::tr!("demo-tcp-vs-udp-loss-note")),
    )?;
    let lost = json!({
        "sent": MESSAGES,
        "lost": [MESSAGES[usize::from(drop_k) - 1]],
        "received": got,
        "retransmissions": 0,
    });
    Ok((
        json!({
            "handshake_segments": 0,
            "sends": MESSAGES,
            "recv_calls": 3,
            "received": received,
        }),
        lost,
    ))
}

/// What a recv after sending to a closed port came to.
fn outcome(r: std::io::Result<usize>) -> (Option<&'static str>, String) {
    match r {
        Ok(n) => (None, crate::tr!("demo-tcp-vs-udp-unexpected", n = n)),
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => (
            Some("ConnectionRefused"),
            "ECONNREFUSED (Connection refused)".to_string(),
        ),
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
            (None, crate::tr!("demo-tcp-vs-udp-nothing"))
        }
        Err(e) => (Some("other"), e.kind().to_string()),
    }
}

fn connected_udp(out: &mut Emitter<'_>) -> Result<Value, SimError> {
    out.heading(crate::tr!("demo-tcp-vs-udp-connect-heading"))?;
    // A port that was just ours and is now closed: nobody listens there.
    let closed = {
        let s = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
        s.local_addr().map_err(io("UDP local_addr"))?
    };
    let mut buf = [0u8; 64];
    out.lanes([
        "client".to_string(),
        crate::tr!("demo-tcp-vs-udp-closed-port"),
    ])?;

    let free = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    free.set_read_timeout(Some(SHORT))
        .map_err(io("UDP timeout"))?;
    free.send_to(b"ping", closed).map_err(io("UDP sendto"))?;
    let (free_err, free_text) = outcome(free.recv(&mut buf));
    out.event(msg(0, 1, crate::tr!("demo-tcp-vs-udp-sendto-unconnected")))?;
    out.event(msg(1, 0, "ICMP port unreachable"))?;
    out.event(
        at(0, format!("recv(): {free_text}")).note(crate::tr!("demo-tcp-vs-udp-unconnected-note")),
    )?;

    let conn = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    conn.set_read_timeout(Some(TIMEOUT))
        .map_err(io("UDP timeout"))?;
    conn.connect(closed).map_err(io("UDP connect"))?;
    out.event(
        at(0, crate::tr!("demo-tcp-vs-udp-connect-closed"))
            .note(crate::tr!("demo-tcp-vs-udp-connect-closed-note")),
    )?;
    conn.send(b"ping").map_err(io("UDP send"))?;
    out.event(msg(0, 1, "send(\"ping\")"))?;
    out.event(msg(1, 0, "ICMP port unreachable"))?;
    let (conn_err, conn_text) = outcome(conn.recv(&mut buf));
    let why = if conn_err == Some("ConnectionRefused") {
        crate::tr!("demo-tcp-vs-udp-refused-note")
    } else {
        crate::tr!("demo-tcp-vs-udp-not-refused-note")
    };
    out.event(at(0, format!("recv(): {conn_text}")).note(why))?;
    Ok(json!({
        "unconnected_error": free_err,
        "connected_error": conn_err,
    }))
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    out.title(crate::tr!("demo-tcp-vs-udp-title-run"))?;
    out.text(crate::tr!("demo-tcp-vs-udp-intro"))?;
    let tcp = tcp(out)?;
    let (udp, lost) = udp(out, args.drop)?;
    let connect = connected_udp(out)?;
    out.note(
        crate::tr!("demo-tcp-vs-udp-label-summary"),
        crate::tr!("demo-tcp-vs-udp-summary-text"),
    )?;
    Ok(json!({
        "tcp": tcp,
        "udp": udp,
        "udp_lost": lost,
        "udp_connect": connect,
    }))
}

/// How many `recv()` calls with a `buffer`-byte buffer return data once
/// everything sent has arrived, for `send()`s of `sizes` bytes: TCP is a
/// byte stream, so the bytes are read `buffer` at a time whatever the
/// sends were (and a lost segment is sent again, so all of them arrive);
/// UDP keeps datagrams whole, one per `recv()` (one longer than the buffer
/// is cut short, RFC 768 / POSIX `MSG_TRUNC`), and a lost one (numbered
/// from 1 in `lost`) never arrives.
pub fn recv_calls(udp: bool, sizes: &[usize], lost: &[usize], buffer: usize) -> usize {
    if udp {
        (1..=sizes.len()).filter(|k| !lost.contains(k)).count()
    } else {
        sizes.iter().sum::<usize>().div_ceil(buffer.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_and_timed_out_are_told_apart() {
        let refused = std::io::Error::from(ErrorKind::ConnectionRefused);
        assert_eq!(outcome(Err(refused)).0, Some("ConnectionRefused"));
        let quiet = std::io::Error::from(ErrorKind::WouldBlock);
        assert_eq!(outcome(Err(quiet)).0, None);
        assert_eq!(outcome(Ok(4)).0, None);
    }
}
