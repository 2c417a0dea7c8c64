//! `synack demo arq`: reliable delivery over a lossy channel, four ways.
//! Stop-and-wait, Go-Back-N, Selective Repeat and TCP (cumulative ACK with
//! SACK, RFC 2018, and fast retransmit, RFC 5681 §3.2) send the same
//! segments over the same channel, and lose the same ones.
//!
//! The model ([`simulate`]) is a small discrete-event simulation with time
//! passed in, never read: a one-way delay of [`DELAY_MS`], segments leaving
//! the sender [`GAP_MS`] apart, and a fixed retransmission timeout of
//! [`RTO_MS`] (no back-off, so that the four protocols differ only in what
//! they resend). Sequence numbers count segments, not bytes, and start at 1.
//!
//! `--drop K` loses the first transmission of segment K; listing K twice
//! (`--drop 3,3`) loses its first retransmission too. ACKs are never lost.
//!
//! JSON: one run is `{"protocol", "window", "events": [{"time_ms", "from",
//! "kind", "seq", "ack", "lost", "retransmission"}], "retransmissions",
//! "total_time_ms"}`; `--compare` is `{"compare": [one such object per
//! protocol, in stop-and-wait, gbn, sr, tcp order]}`.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use clap::{Parser, ValueEnum};
use serde::Serialize;

use crate::sim::trace::{Event, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "arq",
    title: || crate::tr!("demo-arq-title"),
    summary: || crate::tr!("demo-arq-summary"),
    topics: &[
        "ARQ",
        "sliding window",
        "Go-Back-N",
        "Selective Repeat",
        "SACK",
        "retransmission",
    ],
    keywords: &[
        "arq",
        "슬라이딩 윈도우",
        "sliding window",
        "go-back-n",
        "gbn",
        "selective repeat",
        "선택적 재전송",
        "stop-and-wait",
        "정지-대기",
        "sack",
        "재전송",
        "retransmission",
        "누적 ack",
        "cumulative ack",
    ],
    run,
};

/// One-way delay of the simulated channel (RTT 100 ms).
pub const DELAY_MS: u64 = 50;
/// Time between two segments leaving the sender (its serialization time).
pub const GAP_MS: u64 = 10;
/// The retransmission timeout, fixed.
pub const RTO_MS: u64 = 300;

const EXAMPLES: &str = "\
  synack demo arq --compare --drop 3
  synack demo arq --protocol gbn --drop 3
  synack demo arq --protocol sr --window 3 --drop 2,5
  synack demo arq --protocol tcp --segments 8 --drop 3,3
  synack demo arq --protocol stop-and-wait --segments 3 --drop 2";

#[derive(Debug, Parser)]
#[command(
    name = "arq",
    about = crate::tr!("demo-arq-about"),
    long_about = crate::tr!("demo-arq-long-about"),
    after_help = format!("{}\n{EXAMPLES}", crate::tr!("demo-arq-examples"))
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Protocol::Gbn,
          help = crate::tr!("demo-arq-opt-protocol"))]
    protocol: Protocol,
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=16),
          help = crate::tr!("demo-arq-opt-window"))]
    window: Option<u32>,
    #[arg(long, value_name = "K[,K…]", value_delimiter = ',',
          value_parser = clap::value_parser!(u32).range(1..=20),
          help = crate::tr!("demo-arq-opt-drop"))]
    drop: Vec<u32>,
    #[arg(long, value_name = "N", default_value_t = 6,
          value_parser = clap::value_parser!(u32).range(1..=20),
          help = crate::tr!("demo-arq-opt-segments"))]
    segments: u32,
    #[arg(long, conflicts_with = "protocol", help = crate::tr!("demo-arq-opt-compare"))]
    compare: bool,
    #[command(flatten)]
    common: Common,
}

const DEFAULT_WINDOW: u32 = 4;

/// The four ARQ protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    #[value(help = crate::tr!("demo-arq-protocol-stop-and-wait"))]
    StopAndWait,
    #[value(help = crate::tr!("demo-arq-protocol-gbn"))]
    Gbn,
    #[value(help = crate::tr!("demo-arq-protocol-sr"))]
    Sr,
    #[value(help = crate::tr!("demo-arq-protocol-tcp"))]
    Tcp,
}

impl Protocol {
    pub const ALL: [Protocol; 4] = [
        Protocol::StopAndWait,
        Protocol::Gbn,
        Protocol::Sr,
        Protocol::Tcp,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Protocol::StopAndWait => "stop-and-wait",
            Protocol::Gbn => "gbn",
            Protocol::Sr => "sr",
            Protocol::Tcp => "tcp",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Protocol::StopAndWait => "Stop-and-wait",
            Protocol::Gbn => "Go-Back-N",
            Protocol::Sr => "Selective Repeat",
            Protocol::Tcp => "TCP (SACK)",
        }
    }
}

/// Who sent a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Sender,
    Receiver,
}

/// What a message carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Data,
    Ack,
}

/// One message put on the channel: the JSON `events` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wire {
    pub time_ms: u64,
    pub from: Side,
    pub kind: Kind,
    /// The data segment's number (data only).
    pub seq: Option<u32>,
    /// The ACK number (ACKs only): the next segment expected for cumulative
    /// ACKs, the segment acknowledged for Selective Repeat.
    pub ack: Option<u32>,
    pub lost: bool,
    pub retransmission: bool,
    /// TCP's SACK blocks, `(first, last)` inclusive (text only).
    #[serde(skip)]
    pub sack: Vec<(u32, u32)>,
}

/// What happened, in order: messages and the sender's timer expiring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Send {
        wire: Wire,
        /// The sender's window after sending (data) or when the ACK was sent.
        window: Window,
        /// Data: when the timer covering it expires (its own for SR, the
        /// oldest outstanding segment's otherwise).
        timer: Option<u64>,
        /// What the receiver did with the segment this ACK answers.
        receiver: Option<Receipt>,
        /// Why a data segment was sent again.
        reason: Option<Reason>,
    },
    Timeout {
        time_ms: u64,
        seq: u32,
    },
}

/// The sender's window: `base..base + size`, and the segments in it already
/// acknowledged on their own (Selective Repeat's ACKs, TCP's SACK blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub base: u32,
    pub size: u32,
    pub segments: u32,
    pub acked: Vec<u32>,
}

/// What the receiver did with an arriving segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receipt {
    InOrder(u32),
    /// Out of order and thrown away (Go-Back-N, stop-and-wait).
    Discarded(u32),
    /// Out of order and kept (Selective Repeat, TCP).
    Buffered(u32),
    /// Already delivered; acknowledged again.
    Duplicate(u32),
}

/// Why the sender resent a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Timeout,
    /// Third duplicate ACK (RFC 5681 §3.2).
    FastRetransmit,
    /// A partial ACK during recovery left the next hole (RFC 6675, RFC 6582).
    NextHole,
}

/// One protocol's run: the JSON document of `synack demo arq`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub protocol: Protocol,
    pub window: u32,
    pub events: Vec<Wire>,
    pub retransmissions: u32,
    pub total_time_ms: u64,
    #[serde(skip)]
    pub steps: Vec<Step>,
}

impl Outcome {
    /// The segments sent more than once, in order, each once.
    pub fn retransmitted(&self) -> Vec<u32> {
        let set: BTreeSet<u32> = self
            .events
            .iter()
            .filter(|w| w.retransmission)
            .filter_map(|w| w.seq)
            .collect();
        set.into_iter().collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    DataArrives(u32),
    AckArrives {
        ack: u32,
        sack: Vec<(u32, u32)>,
    },
    /// A timer for `seq` (its own, or the oldest segment's), valid while
    /// its generation is current.
    Timer {
        seq: u32,
        generation: u64,
    },
}

struct Sim {
    protocol: Protocol,
    window: u32,
    segments: u32,
    drops: HashMap<u32, u32>,
    sent: HashMap<u32, u32>,
    queue: BinaryHeap<Reverse<(u64, u64, Ev)>>,
    order: u64,
    link_free: u64,
    // Sender.
    base: u32,
    next: u32,
    acked: BTreeSet<u32>,
    generation: u64,
    /// Running timers by key (a segment for SR, 0 for the single timer):
    /// generation and deadline.
    timers: HashMap<u32, (u64, u64)>,
    dupacks: u32,
    /// TCP: the highest segment sent when recovery began (RFC 6582 `recover`).
    recover: Option<u32>,
    // Receiver.
    expected: u32,
    buffer: BTreeSet<u32>,
    steps: Vec<Step>,
    done_at: Option<u64>,
}

/// Runs `protocol` until every one of `segments` is acknowledged.
/// `window` is ignored for stop-and-wait (always 1).
pub fn simulate(protocol: Protocol, window: u32, segments: u32, drops: &[u32]) -> Outcome {
    let window = if protocol == Protocol::StopAndWait {
        1
    } else {
        window.max(1)
    };
    let mut counts = HashMap::new();
    for &k in drops {
        *counts.entry(k).or_insert(0) += 1;
    }
    let mut sim = Sim {
        protocol,
        window,
        segments,
        drops: counts,
        sent: HashMap::new(),
        queue: BinaryHeap::new(),
        order: 0,
        link_free: 0,
        base: 1,
        next: 1,
        acked: BTreeSet::new(),
        generation: 0,
        timers: HashMap::new(),
        dupacks: 0,
        recover: None,
        expected: 1,
        buffer: BTreeSet::new(),
        steps: Vec::new(),
        done_at: None,
    };
    sim.fill(0);
    // Every event either delivers, acknowledges or retransmits, and drops are
    // finite, so this ends; the bound only guards against a defect.
    let mut budget = 10_000;
    while let Some(Reverse((now, _, ev))) = sim.queue.pop() {
        budget -= 1;
        if budget == 0 || sim.done_at.is_some() {
            break;
        }
        match ev {
            Ev::DataArrives(seq) => sim.receive(now, seq),
            Ev::AckArrives { ack, sack } => sim.on_ack(now, ack, &sack),
            Ev::Timer { seq, generation } => sim.on_timer(now, seq, generation),
        }
    }
    let events: Vec<Wire> = sim
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Send { wire, .. } => Some(wire.clone()),
            Step::Timeout { .. } => None,
        })
        .collect();
    Outcome {
        protocol,
        window,
        retransmissions: events.iter().filter(|w| w.retransmission).count() as u32,
        total_time_ms: sim.done_at.unwrap_or_default(),
        events,
        steps: sim.steps,
    }
}

impl Sim {
    fn push(&mut self, at: u64, ev: Ev) {
        self.order += 1;
        self.queue.push(Reverse((at, self.order, ev)));
    }

    fn window_now(&self) -> Window {
        Window {
            base: self.base,
            size: self.window,
            segments: self.segments,
            acked: self
                .acked
                .iter()
                .copied()
                .filter(|&s| s >= self.base)
                .collect(),
        }
    }

    /// Sends new segments while the window allows.
    fn fill(&mut self, now: u64) {
        while self.next <= self.segments && self.next < self.base + self.window {
            let seq = self.next;
            self.next += 1;
            self.send(now, seq, None);
        }
    }

    fn send(&mut self, now: u64, seq: u32, reason: Option<Reason>) {
        let at = now.max(self.link_free);
        self.link_free = at + GAP_MS;
        let n = self.sent.entry(seq).or_insert(0);
        let lost = *n < self.drops.get(&seq).copied().unwrap_or(0);
        *n += 1;
        if !lost {
            self.push(at + DELAY_MS, Ev::DataArrives(seq));
        }
        // Selective Repeat times each segment; the others time the oldest
        // outstanding one, started when none runs (RFC 6298 §5.1) and
        // restarted on a retransmission.
        let timer = match self.protocol {
            Protocol::Sr => Some(self.start_timer(at, seq)),
            _ => match self.timers.get(&0) {
                Some(&(_, deadline)) => Some(deadline),
                None => Some(self.start_timer(at, 0)),
            },
        };
        let window = self.window_now();
        self.steps.push(Step::Send {
            wire: Wire {
                time_ms: at,
                from: Side::Sender,
                kind: Kind::Data,
                seq: Some(seq),
                ack: None,
                lost,
                retransmission: reason.is_some(),
                sack: Vec::new(),
            },
            window,
            timer,
            receiver: None,
            reason,
        });
    }

    /// Starts (or restarts) timer `key` (a segment for SR, 0 for the single
    /// timer) at `at`; returns its deadline.
    fn start_timer(&mut self, at: u64, key: u32) -> u64 {
        self.generation += 1;
        self.timers.insert(key, (self.generation, at + RTO_MS));
        let seq = if key == 0 { self.base } else { key };
        self.push(
            at + RTO_MS,
            Ev::Timer {
                seq,
                generation: self.generation,
            },
        );
        at + RTO_MS
    }

    fn receive(&mut self, now: u64, seq: u32) {
        let receipt;
        let mut sack = Vec::new();
        let ack = match self.protocol {
            Protocol::StopAndWait | Protocol::Gbn => {
                if seq == self.expected {
                    self.expected += 1;
                    receipt = Receipt::InOrder(seq);
                } else if seq < self.expected {
                    receipt = Receipt::Duplicate(seq);
                } else {
                    receipt = Receipt::Discarded(seq);
                }
                self.expected
            }
            Protocol::Sr => {
                receipt = if seq < self.expected || self.buffer.contains(&seq) {
                    Receipt::Duplicate(seq)
                } else if seq == self.expected {
                    Receipt::InOrder(seq)
                } else {
                    Receipt::Buffered(seq)
                };
                self.buffer.insert(seq);
                while self.buffer.remove(&self.expected) {
                    self.expected += 1;
                }
                seq
            }
            Protocol::Tcp => {
                receipt = if seq < self.expected || self.buffer.contains(&seq) {
                    Receipt::Duplicate(seq)
                } else if seq == self.expected {
                    Receipt::InOrder(seq)
                } else {
                    // RFC 9293 §3.10.7.4: in-window data beyond RCV.NXT is
                    // kept; RFC 5681 §4.2: answered at once (duplicate ACK).
                    Receipt::Buffered(seq)
                };
                if seq >= self.expected {
                    self.buffer.insert(seq);
                }
                while self.buffer.remove(&self.expected) {
                    self.expected += 1;
                }
                sack = sack_blocks(&self.buffer, seq);
                self.expected
            }
        };
        let window = self.window_now();
        self.steps.push(Step::Send {
            wire: Wire {
                time_ms: now,
                from: Side::Receiver,
                kind: Kind::Ack,
                seq: None,
                ack: Some(ack),
                lost: false,
                retransmission: false,
                sack: sack.clone(),
            },
            window,
            timer: None,
            receiver: Some(receipt),
            reason: None,
        });
        self.push(now + DELAY_MS, Ev::AckArrives { ack, sack });
    }

    fn on_ack(&mut self, now: u64, ack: u32, sack: &[(u32, u32)]) {
        match self.protocol {
            Protocol::StopAndWait | Protocol::Gbn => {
                if ack > self.base {
                    self.base = ack;
                    self.restart_single_timer(now);
                }
            }
            Protocol::Sr => {
                self.acked.insert(ack);
                self.timers.remove(&ack);
                while self.acked.contains(&self.base) {
                    self.base += 1;
                }
            }
            Protocol::Tcp => self.tcp_ack(now, ack, sack),
        }
        if self.base > self.segments {
            self.done_at = Some(now);
            return;
        }
        self.fill(now);
    }

    fn restart_single_timer(&mut self, now: u64) {
        // RFC 6298 §5.2–5.3: stop the timer when everything is acknowledged,
        // else restart it for the oldest outstanding segment.
        self.timers.remove(&0);
        if self.base < self.next {
            self.start_timer(now, 0);
        }
    }

    fn tcp_ack(&mut self, now: u64, ack: u32, sack: &[(u32, u32)]) {
        for &(a, b) in sack {
            self.acked.extend(a..=b);
        }
        if ack > self.base {
            self.base = ack;
            self.dupacks = 0;
            self.restart_single_timer(now);
            if let Some(recover) = self.recover {
                if ack > recover {
                    self.recover = None;
                } else if let Some(hole) = self.next_hole() {
                    // A partial ACK: the next hole is lost too (RFC 6582 §3.2).
                    self.send(now, hole, Some(Reason::NextHole));
                }
            }
        } else if self.base < self.next {
            self.dupacks += 1;
            // RFC 5681 §3.2: the third duplicate ACK retransmits at once.
            if self.dupacks == 3 && self.recover.is_none() {
                self.recover = Some(self.next - 1);
                if let Some(hole) = self.next_hole() {
                    self.send(now, hole, Some(Reason::FastRetransmit));
                }
            }
        }
    }

    /// The oldest outstanding segment no SACK block covers.
    fn next_hole(&self) -> Option<u32> {
        (self.base..self.next).find(|s| !self.acked.contains(s))
    }

    fn on_timer(&mut self, now: u64, seq: u32, generation: u64) {
        let key = if self.protocol == Protocol::Sr {
            seq
        } else {
            0
        };
        if self.timers.get(&key).map(|t| t.0) != Some(generation) {
            return;
        }
        self.timers.remove(&key);
        self.steps.push(Step::Timeout { time_ms: now, seq });
        match self.protocol {
            // Go back to the oldest unacknowledged segment and resend it and
            // every one after it.
            Protocol::StopAndWait | Protocol::Gbn => {
                for s in self.base..self.next {
                    self.send(now, s, Some(Reason::Timeout));
                }
            }
            Protocol::Sr => self.send(now, seq, Some(Reason::Timeout)),
            // RTO: resend what no SACK block covers. (RFC 2018 §8 lets the
            // sender forget SACK information here; Linux keeps it unless the
            // receiver reneges.)
            Protocol::Tcp => {
                self.dupacks = 0;
                self.recover = Some(self.next - 1);
                let holes: Vec<u32> = (self.base..self.next)
                    .filter(|s| !self.acked.contains(s))
                    .collect();
                for s in holes {
                    self.send(now, s, Some(Reason::Timeout));
                }
            }
        }
    }
}

/// SACK blocks of the out-of-order queue, the one holding the segment just
/// received first (RFC 2018 §4), at most three.
fn sack_blocks(buffer: &BTreeSet<u32>, latest: u32) -> Vec<(u32, u32)> {
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    for &s in buffer {
        match blocks.last_mut() {
            Some((_, b)) if *b + 1 == s => *b = s,
            _ => blocks.push((s, s)),
        }
    }
    blocks.sort_by_key(|&(a, b)| !(a <= latest && latest <= b));
    blocks.truncate(3);
    blocks
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    if !args.compare
        && args.protocol == Protocol::StopAndWait
        && args.window.is_some_and(|w| w != 1)
    {
        return Err(SimError::Invalid(crate::tr!("demo-arq-err-window")));
    }
    if let Some(k) = args.drop.iter().find(|&&k| k > args.segments) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-arq-err-drop",
            k = *k,
            segments = args.segments
        )));
    }
    let window = args.window.unwrap_or(DEFAULT_WINDOW);
    if args.compare {
        let outcomes: Vec<Outcome> = Protocol::ALL
            .iter()
            .map(|&p| simulate(p, window, args.segments, &args.drop))
            .collect();
        compare(out, &outcomes, &args)?;
        return Ok(
            serde_json::json!({ "compare": outcomes.iter().map(to_json).collect::<Vec<_>>() }),
        );
    }
    let outcome = simulate(args.protocol, window, args.segments, &args.drop);
    show(out, &outcome, &args.drop)?;
    Ok(to_json(&outcome))
}

fn to_json(o: &Outcome) -> serde_json::Value {
    serde_json::to_value(o).unwrap_or_default()
}

fn drops_text(drops: &[u32]) -> String {
    if drops.is_empty() {
        crate::tr!("demo-arq-none")
    } else {
        drops
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn explain(p: Protocol) -> String {
    match p {
        Protocol::StopAndWait => crate::tr!("demo-arq-explain-stop-and-wait"),
        Protocol::Gbn => crate::tr!("demo-arq-explain-gbn"),
        Protocol::Sr => crate::tr!("demo-arq-explain-sr"),
        Protocol::Tcp => crate::tr!("demo-arq-explain-tcp"),
    }
}

fn window_line(w: &Window) -> String {
    let end = (w.base + w.size - 1).min(w.segments);
    if w.base > w.segments {
        return crate::tr!("demo-arq-window-all-acked");
    }
    let inside: Vec<String> = (w.base..=end)
        .map(|s| {
            if w.acked.contains(&s) {
                format!("{s}✓")
            } else {
                s.to_string()
            }
        })
        .collect();
    let mut line = String::new();
    if w.base > 1 {
        line += &format!("…{} ", w.base - 1);
    }
    line += &format!("[{}]", inside.join(" "));
    if end < w.segments {
        line += &format!(" {}…", end + 1);
    }
    crate::tr!("demo-arq-window", window = line)
}

fn seconds(ms: u64) -> String {
    format!("{:.3}s", ms as f64 / 1000.0)
}

fn label(wire: &Wire) -> String {
    match wire.kind {
        Kind::Data => {
            let seq = wire.seq.unwrap_or_default();
            if wire.retransmission {
                crate::tr!("demo-arq-data-retransmission", seq = seq)
            } else {
                format!("DATA {seq}")
            }
        }
        Kind::Ack => {
            let mut s = format!("ACK {}", wire.ack.unwrap_or_default());
            if !wire.sack.is_empty() {
                let blocks: Vec<String> = wire
                    .sack
                    .iter()
                    .map(|&(a, b)| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a}-{b}")
                        }
                    })
                    .collect();
                s += &format!(" SACK {}", blocks.join(","));
            }
            s
        }
    }
}

fn show(out: &mut Emitter<'_>, o: &Outcome, drops: &[u32]) -> Result<(), SimError> {
    let segments = o.events.iter().filter_map(|w| w.seq).max().unwrap_or(0);
    out.title(crate::tr!(
        "demo-arq-title-run",
        protocol = o.protocol.title(),
        window = o.window,
        segments = segments,
        drops = drops_text(drops)
    ))?;
    out.text(explain(o.protocol))?;
    out.text(crate::tr!(
        "demo-arq-channel",
        delay = DELAY_MS,
        gap = GAP_MS,
        rto = RTO_MS
    ))?;
    out.lanes(["sender", "receiver"])?;
    let cumulative = matches!(
        o.protocol,
        Protocol::StopAndWait | Protocol::Gbn | Protocol::Tcp
    );
    for step in &o.steps {
        match step {
            Step::Timeout { time_ms, seq } => {
                let what = if o.protocol == Protocol::Sr {
                    crate::tr!("demo-arq-timer-expired", seq = *seq)
                } else {
                    crate::tr!("demo-arq-rto-expired", seq = *seq)
                };
                out.event(Event::action(*time_ms as f64, 0, what))?;
            }
            Step::Send {
                wire,
                window,
                timer,
                receiver,
                reason,
            } => {
                let t = wire.time_ms as f64;
                let mut ev = match wire.from {
                    Side::Sender => Event::message(t, 0, 1, label(wire)),
                    Side::Receiver => Event::message(t, 1, 0, label(wire)),
                };
                if wire.lost {
                    ev = ev.lost().note(crate::tr!("demo-arq-lost"));
                }
                match reason {
                    Some(Reason::Timeout) => ev = ev.note(crate::tr!("demo-arq-reason-timeout")),
                    Some(Reason::FastRetransmit) => {
                        ev = ev.note(crate::tr!("demo-arq-reason-fast-retransmit"))
                    }
                    Some(Reason::NextHole) => ev = ev.note(crate::tr!("demo-arq-reason-next-hole")),
                    None => {}
                }
                if let Some(r) = receiver {
                    let note = match (r, cumulative) {
                        (Receipt::InOrder(s), _) => {
                            crate::tr!("demo-arq-receiver-in-order", seq = *s)
                        }
                        (Receipt::Discarded(s), _) => {
                            crate::tr!("demo-arq-receiver-discarded", seq = *s)
                        }
                        (Receipt::Buffered(s), true) => {
                            crate::tr!("demo-arq-receiver-kept", seq = *s)
                        }
                        (Receipt::Buffered(s), false) => {
                            crate::tr!("demo-arq-receiver-buffered", seq = *s)
                        }
                        (Receipt::Duplicate(s), _) => {
                            crate::tr!("demo-arq-receiver-duplicate", seq = *s)
                        }
                    };
                    ev = ev.note(note);
                } else {
                    let mut line = window_line(window);
                    if let Some(deadline) = timer {
                        line += &format!(
                            " · {}",
                            crate::tr!("demo-arq-timer", at = seconds(*deadline))
                        );
                    }
                    ev = ev.note(line);
                }
                out.event(ev)?;
            }
        }
    }
    let mut t = Table::new([
        crate::tr!("demo-arq-col-total-time"),
        crate::tr!("demo-arq-col-retransmission-count"),
        crate::tr!("demo-arq-col-retransmitted"),
    ]);
    t.row([
        seconds(o.total_time_ms),
        o.retransmissions.to_string(),
        seg_list(&o.retransmitted()),
    ]);
    out.heading(crate::tr!("demo-arq-result"))?;
    out.table(t)?;
    Ok(())
}

fn seg_list(segs: &[u32]) -> String {
    if segs.is_empty() {
        crate::tr!("demo-arq-none")
    } else {
        segs.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn compare(out: &mut Emitter<'_>, outcomes: &[Outcome], args: &Args) -> Result<(), SimError> {
    out.title(crate::tr!(
        "demo-arq-compare-title",
        segments = args.segments,
        drops = drops_text(&args.drop)
    ))?;
    out.text(crate::tr!(
        "demo-arq-compare-text",
        delay = DELAY_MS,
        rto = RTO_MS
    ))?;
    let mut t = Table::new([
        crate::tr!("demo-arq-col-protocol"),
        crate::tr!("demo-arq-col-window"),
        crate::tr!("demo-arq-col-retransmissions"),
        crate::tr!("demo-arq-col-retransmitted"),
        crate::tr!("demo-arq-col-total-time"),
    ]);
    for o in outcomes {
        t.row([
            o.protocol.title().to_string(),
            o.window.to_string(),
            o.retransmissions.to_string(),
            seg_list(&o.retransmitted()),
            seconds(o.total_time_ms),
        ]);
    }
    out.table(t)?;
    for o in outcomes {
        out.text(explain(o.protocol))?;
    }
    out.text(crate::tr!("demo-arq-compare-point"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(o: &Outcome) -> Vec<(u32, bool, bool)> {
        o.events
            .iter()
            .filter(|w| w.kind == Kind::Data)
            .map(|w| (w.seq.unwrap(), w.lost, w.retransmission))
            .collect()
    }

    fn acks(o: &Outcome) -> Vec<u32> {
        o.events
            .iter()
            .filter(|w| w.kind == Kind::Ack)
            .map(|w| w.ack.unwrap())
            .collect()
    }

    #[test]
    fn without_loss_every_protocol_sends_each_segment_once() {
        for p in Protocol::ALL {
            let o = simulate(p, 4, 6, &[]);
            assert_eq!(o.retransmissions, 0, "{p:?}");
            let seqs: Vec<u32> = sent(&o).iter().map(|s| s.0).collect();
            assert_eq!(seqs, [1, 2, 3, 4, 5, 6], "{p:?}");
        }
        // Stop-and-wait: 6 round trips of 100 ms, back to back.
        assert_eq!(
            simulate(Protocol::StopAndWait, 4, 6, &[]).total_time_ms,
            600
        );
        // A window of 4: 1–4 leave at 0,10,20,30; ACK 1 at 100 sends 5,
        // ACK 2 at 110 sends 6 (leaves 110), its ACK returns at 210.
        assert_eq!(simulate(Protocol::Gbn, 4, 6, &[]).total_time_ms, 210);
    }

    #[test]
    fn go_back_n_resends_the_lost_segment_and_everything_after_it() {
        let o = simulate(Protocol::Gbn, 4, 6, &[3]);
        assert_eq!(
            sent(&o),
            [
                (1, false, false),
                (2, false, false),
                (3, true, false),
                (4, false, false),
                (5, false, false),
                (6, false, false),
                (3, false, true),
                (4, false, true),
                (5, false, true),
                (6, false, true),
            ]
        );
        // ACK 2, ACK 3, then duplicates of 3 for 4, 5, 6 (thrown away), then 4..7.
        assert_eq!(acks(&o), [2, 3, 3, 3, 3, 4, 5, 6, 7]);
        assert_eq!(o.retransmitted(), [3, 4, 5, 6]);
        // ACK 3 (for 2, which left at 10) arrives at 110 and restarts the
        // timer: it expires at 410; 3, 4, 5, 6 leave at 410..440, and 6's
        // ACK returns at 540.
        assert_eq!(o.total_time_ms, 540);
        assert!(o.steps.contains(&Step::Timeout {
            time_ms: 410,
            seq: 3
        }));
    }

    #[test]
    fn selective_repeat_resends_only_the_lost_segment() {
        let o = simulate(Protocol::Sr, 4, 6, &[3]);
        assert_eq!(o.retransmitted(), [3]);
        assert_eq!(o.retransmissions, 1);
        // Each segment acknowledged on its own, 3 last.
        assert_eq!(acks(&o), [1, 2, 4, 5, 6, 3]);
        // 3 left at 20, its timer expires at 320; resent, ACKed at 420.
        assert_eq!(o.total_time_ms, 420);
        assert!(o.steps.contains(&Step::Timeout {
            time_ms: 320,
            seq: 3
        }));
    }

    #[test]
    fn tcp_fast_retransmits_on_the_third_duplicate_ack() {
        let o = simulate(Protocol::Tcp, 4, 6, &[3]);
        assert_eq!(o.retransmitted(), [3]);
        assert_eq!(acks(&o), [2, 3, 3, 3, 3, 7]);
        let sacks: Vec<Vec<(u32, u32)>> = o
            .events
            .iter()
            .filter(|w| w.kind == Kind::Ack)
            .map(|w| w.sack.clone())
            .collect();
        assert_eq!(sacks[2..5], [vec![(4, 4)], vec![(4, 5)], vec![(4, 6)]]);
        // 6 left at 110 and arrives at 160: the third duplicate ACK reaches
        // the sender at 210, 3 is resent then, and ACK 7 returns at 310.
        assert_eq!(o.total_time_ms, 310);
        assert!(!o.steps.iter().any(|s| matches!(s, Step::Timeout { .. })));
    }

    #[test]
    fn tcp_without_enough_duplicates_waits_for_the_timer_and_resends_only_holes() {
        // Losing 5 of 6 leaves one duplicate ACK: the RTO resends 5 alone.
        let o = simulate(Protocol::Tcp, 4, 6, &[5]);
        assert_eq!(o.retransmitted(), [5]);
        assert!(
            o.steps
                .iter()
                .any(|s| matches!(s, Step::Timeout { seq: 5, .. }))
        );
    }

    #[test]
    fn a_listed_twice_segment_loses_its_retransmission_too() {
        let o = simulate(Protocol::StopAndWait, 1, 3, &[2, 2]);
        assert_eq!(
            sent(&o),
            [
                (1, false, false),
                (2, true, false),
                (2, true, true),
                (2, false, true),
                (3, false, false),
            ]
        );
        // 1: 0–100; 2 at 100 times out at 400, again at 700, ACKed at 800;
        // 3 at 800, ACKed at 900.
        assert_eq!(o.total_time_ms, 900);
        assert_eq!(o.window, 1);
    }

    #[test]
    fn tcp_repairs_two_holes_with_a_partial_ack() {
        let o = simulate(Protocol::Tcp, 6, 8, &[2, 4]);
        assert_eq!(o.retransmitted(), [2, 4]);
        let reasons: Vec<Reason> = o
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Send {
                    reason: Some(r), ..
                } => Some(*r),
                _ => None,
            })
            .collect();
        assert_eq!(reasons, [Reason::FastRetransmit, Reason::NextHole]);
    }

    #[test]
    fn sack_blocks_put_the_latest_first() {
        let buf: BTreeSet<u32> = [4, 5, 7, 9, 10].into_iter().collect();
        assert_eq!(sack_blocks(&buf, 7), [(7, 7), (4, 5), (9, 10)]);
        assert_eq!(sack_blocks(&buf, 10), [(9, 10), (4, 5), (7, 7)]);
    }

    #[test]
    fn the_window_line_marks_what_is_acknowledged() {
        let w = Window {
            base: 3,
            size: 4,
            segments: 8,
            acked: vec![4, 5],
        };
        crate::i18n::with_lang(crate::i18n::Lang::Ko, || {
            assert_eq!(window_line(&w), "창: …2 [3 4✓ 5✓ 6] 7…");
        });
        crate::i18n::with_lang(crate::i18n::Lang::En, || {
            assert_eq!(window_line(&w), "Window: …2 [3 4✓ 5✓ 6] 7…");
        });
    }
}
