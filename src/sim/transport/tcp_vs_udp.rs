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
    about = "TCP against UDP on real loopback sockets: byte stream vs datagrams, handshake, connect() on UDP, loss",
    after_help = "Examples:\n  synack demo tcp-vs-udp\n  synack demo tcp-vs-udp --drop 3\n  synack demo tcp-vs-udp --format json"
)]
struct Args {
    /// Which of the three datagrams the simulated loss takes (1 to 3)
    #[arg(long, value_name = "K", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(1..=3))]
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
            return Err(SimError::Invalid(format!(
                "TCP: only {seen} of {n} bytes arrived on loopback within {TIMEOUT:?}"
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn tcp(out: &mut Emitter<'_>) -> Result<Value, SimError> {
    out.heading("TCP: 연결 설정, 그리고 byte stream")?;
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
    out.event(at(0, "connect()").note(
        "connect()는 3-way handshake가 끝나야 돌아옵니다 (RFC 9293 §3.5): 아래 세 segment는 \
         kernel이 보낸 것이며, 캡처에는 권한이 필요해 여기서는 API가 돌아온 사실로 압니다.",
    ))?;
    for label in ["SYN", "SYN+ACK"] {
        let (from, to) = if label == "SYN" { (0, 1) } else { (1, 0) };
        out.event(msg(from, to, label))?;
    }
    out.event(msg(0, 1, "ACK"))?;
    out.event(at(1, "accept(): 연결 하나"))?;
    for m in MESSAGES {
        client.write_all(m.as_bytes()).map_err(io("TCP send"))?;
        out.event(at(0, format!("send({:?}): {} bytes", m, m.len())))?;
    }
    let total: usize = MESSAGES.iter().map(|m| m.len()).sum();
    wait_for_bytes(&server, total)?;
    out.event(msg(0, 1, format!("data {total} bytes")).note(
        "TCP는 send() 경계를 보내지 않습니다: segment 수는 Nagle과 MSS가 정하고, 받는 쪽에는 \
         순서대로 이어진 bytes만 있습니다.",
    ))?;
    let mut buf = [0u8; 1024];
    let n = server.read(&mut buf).map_err(io("TCP recv"))?;
    let received = buf[..n].to_vec();
    out.event(
        at(1, format!("recv() 1번: {} ({n} bytes)", quoted(&received))).note(
            "세 번 보낸 것이 recv() 한 번에 붙어서 나옵니다: 메시지를 나누려면 application이 \
             길이나 구분자를 직접 넣어야 합니다 (HTTP의 Content-Length처럼).",
        ),
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
    out.heading("UDP: 연결 없음, datagram은 datagram으로")?;
    let (sender, receiver) = udp_pair()?;
    let to = receiver.local_addr().map_err(io("UDP local_addr"))?;
    out.lanes(["sender", "receiver"])?;
    out.event(at(0, "socket() 뒤 바로 sendto()").note(
        "handshake가 없습니다: 첫 datagram 앞에 오가는 segment가 0개입니다 (RFC 768에는 \
         연결이라는 개념이 없습니다).",
    ))?;
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
            format!("recv() {i}번째: {} ({n} bytes)", quoted(&buf[..n])),
        ))?;
    }
    out.note(
        "경계",
        "recv() 한 번이 datagram 하나입니다: 세 번 보내면 세 번 받습니다. 대신 순서, 도착, \
         중복 없음은 보장하지 않습니다.",
    )?;

    // The simulated loss: the K-th datagram is never handed to the socket.
    out.heading(format!("UDP: {drop_k}번째 datagram을 잃으면 (시뮬레이션)"))?;
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
                .note("가는 길에 사라짐 (이 demo가 보내지 않는 것으로 흉내 냅니다)"),
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
    out.event(at(1, format!("recv() 2번: {}", got.join(", "))).note(
        "ACK도 재전송도 없습니다: 잃은 datagram은 그냥 오지 않고, 알아채려면 application이 \
         번호를 붙여야 합니다 (RTP, QUIC, DNS의 재시도처럼).",
    ))?;
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
        Ok(n) => (None, format!("{n} bytes (뜻밖의 응답)")),
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => (
            Some("ConnectionRefused"),
            "ECONNREFUSED (Connection refused)".to_string(),
        ),
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
            (None, "아무것도 오지 않음 (timeout)".to_string())
        }
        Err(e) => (Some("other"), e.kind().to_string()),
    }
}

fn connected_udp(out: &mut Emitter<'_>) -> Result<Value, SimError> {
    out.heading("UDP의 connect(): 상대를 정해 둘 뿐, 패킷은 없습니다")?;
    // A port that was just ours and is now closed: nobody listens there.
    let closed = {
        let s = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
        s.local_addr().map_err(io("UDP local_addr"))?
    };
    let mut buf = [0u8; 64];
    out.lanes(["client", "닫힌 port"])?;

    let free = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    free.set_read_timeout(Some(SHORT))
        .map_err(io("UDP timeout"))?;
    free.send_to(b"ping", closed).map_err(io("UDP sendto"))?;
    let (free_err, free_text) = outcome(free.recv(&mut buf));
    out.event(msg(0, 1, "sendto(\"ping\"), connect() 없이"))?;
    out.event(msg(1, 0, "ICMP port unreachable"))?;
    out.event(at(0, format!("recv(): {free_text}")).note(
        "연결되지 않은 UDP socket은 ICMP 오류를 받아도 application에 알리지 않습니다: \
         어느 상대에게 보낸 것의 오류인지 socket이 고를 수 없기 때문입니다.",
    ))?;

    let conn = UdpSocket::bind(loopback()).map_err(io("UDP bind 127.0.0.1:0"))?;
    conn.set_read_timeout(Some(TIMEOUT))
        .map_err(io("UDP timeout"))?;
    conn.connect(closed).map_err(io("UDP connect"))?;
    out.event(at(0, "connect(닫힌 port)").note(
        "segment 없음: kernel이 상대 주소를 기억하고, 그 상대의 datagram만 받게 될 뿐입니다.",
    ))?;
    conn.send(b"ping").map_err(io("UDP send"))?;
    out.event(msg(0, 1, "send(\"ping\")"))?;
    out.event(msg(1, 0, "ICMP port unreachable"))?;
    let (conn_err, conn_text) = outcome(conn.recv(&mut buf));
    let why = if conn_err == Some("ConnectionRefused") {
        "연결된 UDP socket에는 ICMP port unreachable이 다음 recv()의 오류로 올라옵니다 \
         (Linux의 loopback에서는 매번 그렇습니다). TCP라면 같은 경우에 RST가 와서 connect()가 \
         실패합니다."
    } else {
        "이 system에서는 ICMP 오류가 recv()까지 올라오지 않았습니다: 올라오는지는 OS와 \
         경로에 달렸고, Linux의 loopback에서는 ECONNREFUSED가 옵니다."
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
    out.title("TCP와 UDP: 같은 세 메시지, 실제 loopback socket (127.0.0.1)")?;
    out.text(
        "server와 client 모두 127.0.0.1에 OS가 고른 port로 열고, 화면에는 port 번호 대신 역할만 \
         씁니다. TCP는 연결을 맺고 bytes의 흐름을 주고받으며, UDP는 연결 없이 datagram 하나하나를 \
         따로 보냅니다.",
    )?;
    let tcp = tcp(out)?;
    let (udp, lost) = udp(out, args.drop)?;
    let connect = connected_udp(out)?;
    out.note(
        "정리",
        "handshake 전 segment: TCP 3개, UDP 0개. 메시지 경계: TCP 없음 (byte stream), UDP \
         있음 (datagram). 손실: TCP는 재전송, UDP는 그대로 사라짐.",
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
