//! `synack demo flow`: TCP flow control by the receive window. A slow
//! reader lets the receive buffer fill, the advertised window (rwnd)
//! shrinks to 0, the sender stalls, its persist timer sends zero-window
//! probes (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17) until a window update
//! opens the window again.
//!
//! The simulation ([`simulate`]) counts bytes with time passed in: one-way
//! delay [`DELAY_MS`], MSS [`MSS`], a persist timer starting at
//! [`PERSIST_MS`] and doubling. `--live` shows the same thing with real
//! sockets on 127.0.0.1: a receiver with a small `SO_RCVBUF` that does not
//! read, a non-blocking writer that is refused (`EAGAIN`) once both buffers
//! are full, then the reader draining everything. Only what does not vary
//! from kernel to kernel is printed: whether the writer blocked, and how
//! many bytes arrived in the end.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

use clap::Parser;
use serde::Serialize;

use crate::sim::trace::{Event, EventKind, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "flow",
    title: || crate::tr!("demo-flow-title"),
    summary: || crate::tr!("demo-flow-summary"),
    topics: &[
        "flow control",
        "receive window",
        "zero window",
        "persist timer",
    ],
    keywords: &[
        "흐름 제어",
        "flow control",
        "수신 윈도우",
        "receive window",
        "rwnd",
        "zero window",
        "제로 윈도우",
        "persist timer",
        "window probe",
        "윈도우 프로브",
        "so_rcvbuf",
        "window update",
    ],
    run,
};

/// One-way delay (RTT 100 ms).
pub const DELAY_MS: u64 = 50;
/// Time between two segments leaving the sender.
pub const GAP_MS: u64 = 10;
/// Bytes per segment.
pub const MSS: u32 = 1000;
/// The persist timer's first interval; it doubles after each probe.
pub const PERSIST_MS: u64 = 200;

const EXAMPLES: &str = "\
  synack demo flow
  synack demo flow --lose-update
  synack demo flow --buffer 2000 --interval 300 --total 5000
  synack demo flow --live";

#[derive(Debug, Parser)]
#[command(
    name = "flow",
    about = crate::tr!("demo-flow-about"),
    long_about = crate::tr!("demo-flow-long-about"),
    after_help = format!("{}\n{EXAMPLES}", crate::tr!("demo-flow-examples"))
)]
struct Args {
    #[arg(long, value_name = "BYTES", default_value_t = 4000,
          value_parser = clap::value_parser!(u32).range(1000..=64_000),
          help = crate::tr!("demo-flow-opt-buffer"))]
    buffer: u32,
    #[arg(long, value_name = "BYTES", default_value_t = 6000,
          value_parser = clap::value_parser!(u32).range(1..=100_000),
          help = crate::tr!("demo-flow-opt-total"))]
    total: u32,
    #[arg(long, value_name = "BYTES", default_value_t = 1000,
          value_parser = clap::value_parser!(u32).range(1..=64_000),
          help = crate::tr!("demo-flow-opt-read"))]
    read: u32,
    #[arg(long, value_name = "MS", default_value_t = 700,
          value_parser = clap::value_parser!(u64).range(10..=10_000),
          help = crate::tr!("demo-flow-opt-interval"))]
    interval: u64,
    #[arg(long, help = crate::tr!("demo-flow-opt-lose-update"))]
    lose_update: bool,
    #[arg(long, conflicts_with_all = ["buffer", "read", "interval", "lose_update"],
          help = crate::tr!("demo-flow-opt-live"))]
    live: bool,
    #[command(flatten)]
    common: Common,
}

/// Who sent or did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Sender,
    Receiver,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Data,
    Ack,
    /// A zero-window probe (no new data).
    Probe,
    /// The application read from the receive buffer.
    Read,
}

/// One event: the JSON `events` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowEvent {
    pub time_ms: u64,
    pub from: Side,
    pub kind: Kind,
    /// Data: the first byte's offset (from 0).
    pub seq: Option<u32>,
    /// Data and reads: bytes.
    pub len: Option<u32>,
    /// ACKs: the next byte expected.
    pub ack: Option<u32>,
    /// The window: advertised (ACKs, reads) or as the sender knows it (data, probes).
    pub rwnd: u32,
    /// Bytes sent and not yet acknowledged, as the sender counts them.
    pub in_flight: u32,
    pub lost: bool,
    /// ACKs: a window update (the window opened with no new data to acknowledge).
    #[serde(skip)]
    pub update: bool,
}

/// The simulated run: `synack demo flow`'s JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub mode: &'static str,
    pub buffer: u32,
    pub mss: u32,
    pub total: u32,
    pub events: Vec<FlowEvent>,
    pub probes: u32,
    /// How long the sender knew the window as 0, in all.
    pub zero_window_ms: u64,
    pub total_time_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Read,
    DataArrives { seq: u32, len: u32 },
    ProbeArrives,
    AckArrives { ack: u32, rwnd: u32 },
    Persist { generation: u64 },
}

/// The parameters of a simulated run.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    pub buffer: u32,
    pub total: u32,
    pub read: u32,
    pub interval: u64,
    pub lose_update: bool,
}

/// Runs until every byte is acknowledged.
pub fn simulate(s: Setup) -> Outcome {
    let mut queue: BinaryHeap<Reverse<(u64, u64, Ev)>> = BinaryHeap::new();
    let mut order = 0u64;
    let mut push = |q: &mut BinaryHeap<_>, at: u64, ev: Ev| {
        order += 1;
        q.push(Reverse((at, order, ev)));
    };
    let mut events = Vec::new();
    // Sender.
    let (mut una, mut nxt, mut rwnd) = (0u32, 0u32, s.buffer);
    let mut link_free = 0u64;
    let mut persist: Option<(u64, u64)> = None; // (generation, interval)
    let mut generation = 0u64;
    let mut probes = 0;
    let mut zero_since: Option<u64> = None;
    let mut zero_ms = 0;
    // Receiver.
    let (mut rcv_nxt, mut buffered, mut advertised) = (0u32, 0u32, s.buffer);
    let mut update_lost = false;
    let mut done_at = 0;

    push(&mut queue, s.interval, Ev::Read);
    let mut now = 0;
    let mut budget = 100_000;
    loop {
        // The sender sends what the window allows (RFC 9293 §3.8.6: never
        // beyond SND.UNA + SND.WND).
        while nxt < s.total && una + rwnd > nxt {
            let len = (una + rwnd - nxt).min(MSS).min(s.total - nxt);
            let at = now.max(link_free);
            link_free = at + GAP_MS;
            events.push(FlowEvent {
                time_ms: at,
                from: Side::Sender,
                kind: Kind::Data,
                seq: Some(nxt),
                len: Some(len),
                ack: None,
                rwnd,
                in_flight: nxt + len - una,
                lost: false,
                update: false,
            });
            push(&mut queue, at + DELAY_MS, Ev::DataArrives { seq: nxt, len });
            nxt += len;
        }
        // A zero window with nothing in flight: only the persist timer will
        // learn that it opened (RFC 1122 §4.2.2.17).
        if rwnd == 0 && una == nxt && nxt < s.total && persist.is_none() {
            generation += 1;
            persist = Some((generation, PERSIST_MS));
            push(&mut queue, now + PERSIST_MS, Ev::Persist { generation });
        }
        if una >= s.total {
            done_at = now;
            break;
        }
        let Some(Reverse((t, _, ev))) = queue.pop() else {
            break;
        };
        budget -= 1;
        if budget == 0 {
            break;
        }
        now = t;
        match ev {
            Ev::Read => {
                let n = buffered.min(s.read);
                if n > 0 {
                    buffered -= n;
                    let free = s.buffer - buffered;
                    events.push(FlowEvent {
                        time_ms: now,
                        from: Side::Receiver,
                        kind: Kind::Read,
                        seq: None,
                        len: Some(n),
                        ack: None,
                        rwnd: free,
                        in_flight: nxt - una,
                        lost: false,
                        update: false,
                    });
                    // Receiver-side SWS avoidance (RFC 9293 §3.8.6.2.2): a
                    // window update once the window has grown by
                    // min(buffer/2, MSS) over what was advertised.
                    if free >= advertised + MSS.min(s.buffer / 2) {
                        advertised = free;
                        let lost = s.lose_update && !update_lost;
                        update_lost |= lost;
                        events.push(FlowEvent {
                            time_ms: now,
                            from: Side::Receiver,
                            kind: Kind::Ack,
                            seq: None,
                            len: None,
                            ack: Some(rcv_nxt),
                            rwnd: free,
                            in_flight: nxt - una,
                            lost,
                            update: true,
                        });
                        if !lost {
                            push(
                                &mut queue,
                                now + DELAY_MS,
                                Ev::AckArrives {
                                    ack: rcv_nxt,
                                    rwnd: free,
                                },
                            );
                        }
                    }
                }
                if rcv_nxt < s.total || buffered > 0 {
                    push(&mut queue, now + s.interval, Ev::Read);
                }
            }
            Ev::DataArrives { seq, len } => {
                if seq == rcv_nxt && buffered + len <= s.buffer {
                    rcv_nxt += len;
                    buffered += len;
                }
                advertised = s.buffer - buffered;
                events.push(FlowEvent {
                    time_ms: now,
                    from: Side::Receiver,
                    kind: Kind::Ack,
                    seq: None,
                    len: None,
                    ack: Some(rcv_nxt),
                    rwnd: advertised,
                    in_flight: nxt - una,
                    lost: false,
                    update: false,
                });
                push(
                    &mut queue,
                    now + DELAY_MS,
                    Ev::AckArrives {
                        ack: rcv_nxt,
                        rwnd: advertised,
                    },
                );
            }
            Ev::ProbeArrives => {
                // Out of window: RFC 9293 §3.10.7.4 answers with an ACK that
                // carries the current window.
                advertised = s.buffer - buffered;
                events.push(FlowEvent {
                    time_ms: now,
                    from: Side::Receiver,
                    kind: Kind::Ack,
                    seq: None,
                    len: None,
                    ack: Some(rcv_nxt),
                    rwnd: advertised,
                    in_flight: nxt - una,
                    lost: false,
                    update: false,
                });
                push(
                    &mut queue,
                    now + DELAY_MS,
                    Ev::AckArrives {
                        ack: rcv_nxt,
                        rwnd: advertised,
                    },
                );
            }
            Ev::AckArrives { ack, rwnd: w } => {
                una = una.max(ack);
                rwnd = w;
                if rwnd > 0 {
                    persist = None;
                    if let Some(since) = zero_since.take() {
                        zero_ms += now - since;
                    }
                } else if zero_since.is_none() {
                    zero_since = Some(now);
                }
            }
            Ev::Persist { generation: g } => {
                let Some((current, interval)) = persist else {
                    continue;
                };
                if current != g || rwnd > 0 {
                    continue;
                }
                probes += 1;
                let at = now.max(link_free);
                link_free = at + GAP_MS;
                events.push(FlowEvent {
                    time_ms: at,
                    from: Side::Sender,
                    kind: Kind::Probe,
                    seq: None,
                    len: None,
                    ack: None,
                    rwnd,
                    in_flight: nxt - una,
                    lost: false,
                    update: false,
                });
                push(&mut queue, at + DELAY_MS, Ev::ProbeArrives);
                // Back off like the retransmission timer (RFC 1122 §4.2.2.17).
                generation += 1;
                let next = (interval * 2).min(60_000);
                persist = Some((generation, next));
                push(&mut queue, at + interval * 2, Ev::Persist { generation });
            }
        }
    }
    Outcome {
        mode: "simulated",
        buffer: s.buffer,
        mss: MSS,
        total: s.total,
        events,
        probes,
        zero_window_ms: zero_ms,
        total_time_ms: done_at,
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    if args.live {
        let report = live(out, args.total)?;
        return serde_json::to_value(report).map_err(|e| SimError::Invalid(e.to_string()));
    }
    let o = simulate(Setup {
        buffer: args.buffer,
        total: args.total,
        read: args.read,
        interval: args.interval,
        lose_update: args.lose_update,
    });
    show(out, &o, &args)?;
    serde_json::to_value(&o).map_err(|e| SimError::Invalid(e.to_string()))
}

fn seconds(ms: u64) -> String {
    format!("{:.3}s", ms as f64 / 1000.0)
}

fn show(out: &mut Emitter<'_>, o: &Outcome, args: &Args) -> Result<(), SimError> {
    out.title(crate::tr!(
        "demo-flow-title-run",
        buffer = o.buffer,
        total = o.total,
        read = args.read,
        interval = args.interval
    ))?;
    out.text(crate::tr!("demo-flow-intro"))?;
    out.text(crate::tr!("demo-flow-persist", ms = PERSIST_MS))?;
    out.lanes(["sender", "receiver"])?;
    for e in &o.events {
        let t = e.time_ms as f64;
        let ev = match e.kind {
            Kind::Data => {
                let seq = e.seq.unwrap_or_default();
                let len = e.len.unwrap_or_default();
                Event::message(t, 0, 1, format!("DATA {seq}–{} ({len} B)", seq + len))
                    .note(format!("in flight {} B ≤ rwnd {} B", e.in_flight, e.rwnd))
            }
            Kind::Probe => Event::message(t, 0, 1, "zero window probe").note(crate::tr!(
                "demo-flow-persist-fired",
                in_flight = e.in_flight
            )),
            Kind::Ack => {
                let ack = e.ack.unwrap_or_default();
                let mut ev = Event::message(t, 1, 0, format!("ACK {ack} win={}", e.rwnd));
                if e.lost {
                    ev = ev.lost().note(crate::tr!("demo-flow-update-lost"));
                }
                if e.update {
                    ev = ev.note(crate::tr!("demo-flow-update", rwnd = e.rwnd));
                } else if e.rwnd == 0 {
                    ev = ev.note(crate::tr!("demo-flow-zero-window"));
                }
                ev
            }
            Kind::Read => Event {
                time_ms: Some(t),
                kind: EventKind::Action {
                    actor: 1,
                    label: format!("read() {} B", e.len.unwrap_or_default()),
                    state: None,
                },
                notes: vec![crate::tr!(
                    "demo-flow-free-space",
                    free = e.rwnd,
                    buffer = o.buffer
                )],
                states: Vec::new(),
            },
        };
        out.event(ev)?;
    }
    let mut t = Table::new([
        crate::tr!("demo-flow-col-total-time"),
        crate::tr!("demo-flow-col-zero-window"),
        "probe".to_string(),
        crate::tr!("demo-flow-col-sent"),
    ]);
    t.row([
        seconds(o.total_time_ms),
        seconds(o.zero_window_ms),
        o.probes.to_string(),
        format!("{} B", o.total),
    ]);
    out.heading(crate::tr!("demo-flow-result"))?;
    out.table(t)?;
    Ok(())
}

/// What `--live` found: only what every kernel agrees on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveReport {
    pub mode: &'static str,
    /// The SO_RCVBUF and SO_SNDBUF asked for (the kernel may round them up;
    /// Linux doubles them).
    pub requested_buffer: usize,
    pub total: u32,
    /// Whether a non-blocking write() was refused (EAGAIN) before the reader read.
    pub writer_blocked: bool,
    /// Bytes the reader received in the end.
    pub delivered: u64,
}

const LIVE_BUFFER: usize = 4096;
const TIMEOUT: Duration = Duration::from_secs(2);

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: what.to_string(),
        source,
    }
}

fn live(out: &mut Emitter<'_>, total: u32) -> Result<LiveReport, SimError> {
    use socket2::{Domain, SockRef, Socket, Type};
    // At least a few buffers' worth, so that the writer must block.
    let total = total.max(200_000);
    out.title(crate::tr!("demo-flow-live-title"))?;
    out.text(crate::tr!(
        "demo-flow-live-intro",
        buffer = LIVE_BUFFER,
        total = total
    ))?;
    let listener = Socket::new(Domain::IPV4, Type::STREAM, None).map_err(io("socket()"))?;
    // Before listen(): the window scale is chosen from the buffer then.
    listener
        .set_recv_buffer_size(LIVE_BUFFER)
        .map_err(io("SO_RCVBUF"))?;
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    listener
        .bind(&addr.into())
        .map_err(io("bind 127.0.0.1:0"))?;
    listener.listen(1).map_err(io("listen()"))?;
    let addr = listener
        .local_addr()
        .map_err(io("local address"))?
        .as_socket()
        .ok_or_else(|| SimError::Invalid(crate::tr!("demo-flow-err-no-ip")))?;
    let client = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(io("connect()"))?;
    SockRef::from(&client)
        .set_send_buffer_size(LIVE_BUFFER)
        .map_err(io("SO_SNDBUF"))?;
    let (server, _) = listener.accept().map_err(io("accept()"))?;
    let mut server: TcpStream = server.into();
    server
        .set_read_timeout(Some(TIMEOUT))
        .map_err(io("SO_RCVTIMEO"))?;
    let mut client = client;
    client.set_nonblocking(true).map_err(io("O_NONBLOCK"))?;
    out.lanes(["writer", "reader"])?;
    let chunk = vec![0x5a_u8; 16 * 1024];
    let mut written: u64 = 0;
    let mut blocked = false;
    // Bounded: each write either moves bytes or is refused.
    for _ in 0..10_000 {
        let left = (u64::from(total) - written).min(chunk.len() as u64) as usize;
        if left == 0 {
            break;
        }
        match client.write(&chunk[..left]) {
            Ok(n) => written += n as u64,
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                blocked = true;
                break;
            }
            Err(e) => return Err(io("write()")(e)),
        }
    }
    let action = |actor, label: String, note: &str| Event {
        time_ms: None,
        kind: EventKind::Action {
            actor,
            label,
            state: None,
        },
        notes: vec![note.to_string()],
        states: Vec::new(),
    };
    if blocked {
        out.event(action(
            0,
            "write() → EAGAIN".into(),
            &crate::tr!("demo-flow-live-blocked"),
        ))?;
    } else {
        out.event(action(
            0,
            crate::tr!("demo-flow-live-all-written"),
            &crate::tr!("demo-flow-live-all-written-note"),
        ))?;
    }
    // Now the reader drains; the writer finishes blocking, with a timeout.
    let reader = std::thread::spawn(move || -> std::io::Result<u64> {
        let mut got = 0u64;
        let mut buf = vec![0u8; 8192];
        while got < u64::from(total) {
            match server.read(&mut buf)? {
                0 => break,
                n => got += n as u64,
            }
        }
        Ok(got)
    });
    out.event(action(
        1,
        crate::tr!("demo-flow-live-read"),
        &crate::tr!("demo-flow-live-read-note"),
    ))?;
    client.set_nonblocking(false).map_err(io("O_NONBLOCK"))?;
    client
        .set_write_timeout(Some(TIMEOUT))
        .map_err(io("SO_SNDTIMEO"))?;
    let rest = u64::from(total) - written;
    let mut left = rest as usize;
    while left > 0 {
        let n = left.min(chunk.len());
        client.write_all(&chunk[..n]).map_err(io("write()"))?;
        left -= n;
    }
    client
        .shutdown(std::net::Shutdown::Write)
        .map_err(io("shutdown()"))?;
    let delivered = reader
        .join()
        .map_err(|_| SimError::Invalid(crate::tr!("demo-flow-err-reader-panicked")))?
        .map_err(io("read()"))?;
    out.event(action(
        1,
        crate::tr!(
            "demo-flow-live-received",
            delivered = delivered,
            total = total
        ),
        &crate::tr!("demo-flow-live-received-note"),
    ))?;
    Ok(LiveReport {
        mode: "live",
        requested_buffer: LIVE_BUFFER,
        total,
        writer_blocked: blocked,
        delivered,
    })
}

/// The window a receiver advertises: the free space of its buffer, its
/// size less the bytes that arrived and the application has not read yet
/// (RFC 9293 §3.8.6.2.2; 0 when the buffer is full).
pub fn advertised_window(buffer: u32, unread: u32) -> u32 {
    buffer.saturating_sub(unread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> Setup {
        Setup {
            buffer: 4000,
            total: 6000,
            read: 1000,
            interval: 700,
            lose_update: false,
        }
    }

    fn windows(o: &Outcome) -> Vec<u32> {
        o.events
            .iter()
            .filter(|e| e.kind == Kind::Ack)
            .map(|e| e.rwnd)
            .collect()
    }

    #[test]
    fn the_window_shrinks_to_zero_and_the_sender_stalls() {
        let o = simulate(setup());
        // Four segments fill the 4000 B buffer: each ACK advertises 1000 B less.
        assert_eq!(windows(&o)[..4], [3000, 2000, 1000, 0]);
        // Nothing is sent while the sender knows the window as 0.
        let first_zero = o
            .events
            .iter()
            .position(|e| e.kind == Kind::Ack && e.rwnd == 0)
            .unwrap();
        let next_data = o.events[first_zero..]
            .iter()
            .find(|e| e.kind == Kind::Data)
            .unwrap();
        // The reader's first read at 700 ms opens 1000 B; the update
        // reaches the sender at 750 ms.
        assert_eq!(next_data.time_ms, 750);
        assert!(o.events.iter().all(|e| e.in_flight <= 4000));
    }

    #[test]
    fn the_persist_timer_probes_with_back_off() {
        let o = simulate(setup());
        let probes: Vec<u64> = o
            .events
            .iter()
            .filter(|e| e.kind == Kind::Probe)
            .map(|e| e.time_ms)
            .collect();
        // The zero window reaches the sender at 30 + 50 + 50 = 130 ms:
        // probes at 330 (+200) and 730 (+400); the update (read at 700)
        // arrives at 750. The next 1000 B fill the buffer again: zero window
        // known at 850, probes at 1050 and 1450 (the update from the read at
        // 1400 arrives at 1450, just after the timer fires).
        assert_eq!(probes, [330, 730, 1050, 1450]);
        assert_eq!(o.probes, 4);
    }

    #[test]
    fn a_lost_window_update_is_found_by_a_probe() {
        let o = simulate(Setup {
            lose_update: true,
            ..setup()
        });
        let lost: Vec<&FlowEvent> = o.events.iter().filter(|e| e.lost).collect();
        assert_eq!(lost.len(), 1);
        assert!(lost[0].update && lost[0].rwnd == 1000);
        // The probe at 730 meets the open window; its ACK (win=1000) at 830
        // lets the sender go on.
        let after = o
            .events
            .iter()
            .find(|e| e.kind == Kind::Data && e.time_ms > 700)
            .unwrap();
        assert_eq!(after.time_ms, 830);
        assert_eq!(
            o.events
                .iter()
                .filter(|e| e.kind == Kind::Data)
                .map(|e| e.len.unwrap())
                .sum::<u32>(),
            6000
        );
    }

    #[test]
    fn everything_is_delivered_with_a_big_buffer_and_no_stall() {
        let o = simulate(Setup {
            buffer: 64_000,
            ..setup()
        });
        assert_eq!(o.probes, 0);
        assert_eq!(o.zero_window_ms, 0);
        // Six segments 10 ms apart; the last ACK returns at 50 + 100 + 50.
        assert_eq!(o.total_time_ms, 150);
    }
}
