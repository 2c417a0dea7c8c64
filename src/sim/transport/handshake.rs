//! `synack demo handshake`: TCP connection setup and teardown (RFC 9293).
//!
//! Two endpoints built on [`super::tcp::Tcb`] talk over a simulated channel
//! (50 ms one way) that loses the segments a scenario or `--drop K` names.
//! A small discrete-event loop hands each endpoint its user calls, arriving
//! segments and timer expiries in time order; every event becomes one line of
//! a sequence diagram (one `--step`), explained in Korean with the English
//! terms, and the same facts go into the JSON document.

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::{CommandFactory, Parser, ValueEnum};
use serde_json::{Value, json};

use super::tcp::{Event, Rule, Segment, Side, State, Tcb, Timer, Transition};
use crate::render::width::{pad, width};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "handshake",
    title: "TCP connection setup and teardown (RFC 9293)",
    summary: "3-way handshake, 4-way close and TIME-WAIT, with lost segments, RTO and RST",
    topics: &[
        "TCP",
        "3-way handshake",
        "4-way handshake",
        "TIME-WAIT",
        "ISN",
    ],
    keywords: &[
        "handshake",
        "3-way",
        "4-way",
        "syn",
        "fin",
        "time_wait",
        "time-wait",
        "핸드쉐이크",
        "핸드셰이크",
    ],
    run,
};

/// One-way delay of the simulated channel (RTT 100 ms).
const ONE_WAY_MS: u64 = 50;
/// How long the server holds an ACK back in `close-piggyback` (Linux's
/// delayed-ACK minimum is 40 ms).
const DELAYED_ACK_MS: u64 = 40;
/// Linux's TIME-WAIT (TCP_TIMEWAIT_LEN), for comparison with the RFC.
const LINUX_TIME_WAIT_SECS: u64 = 60;
/// A run that needs more events than this is looping; stop it.
const MAX_EVENTS: usize = 500;

#[derive(Debug, Parser)]
#[command(
    name = "handshake",
    about = "TCP connection setup and teardown (RFC 9293): 3-way handshake, 4-way close, TIME-WAIT, loss and RST",
    allow_negative_numbers = true
)]
struct Args {
    /// What to show
    #[arg(long, value_enum, default_value_t = Scenario::Open)]
    scenario: Scenario,
    /// The client's initial sequence number (default: drawn from --seed)
    #[arg(long, value_name = "N")]
    isn_client: Option<u32>,
    /// The server's initial sequence number (default: drawn from --seed)
    #[arg(long, value_name = "N")]
    isn_server: Option<u32>,
    /// Lose the K-th segment put on the wire (1-based, retransmissions count)
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    drop: Option<u32>,
    /// Maximum segment lifetime; TIME-WAIT lasts 2×MSL (RFC 9293: 2 minutes)
    #[arg(long, value_name = "SECONDS", default_value_t = 120,
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    msl: u64,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    /// The 3-way handshake
    Open,
    /// 3-way handshake, then the 4-way close and TIME-WAIT
    Close,
    /// The close in 3 segments: the server's ACK rides on its FIN
    ClosePiggyback,
    /// Both ends send SYN at once (RFC 9293 Fig. 7)
    SimultaneousOpen,
    /// Both ends send FIN at once: CLOSING
    SimultaneousClose,
    /// The first SYN is lost: RTO and retransmission
    SynLost,
    /// The SYN,ACK is lost: both ends retransmit
    SynackLost,
    /// The client's last ACK is lost: why TIME-WAIT exists
    FinalAckLost,
    /// A SYN to a port nobody listens on: RST, connection refused
    ClosedPort,
    /// Why two messages are not enough: an old duplicate SYN
    TwoWay,
    /// The client closes, the server keeps sending, then closes
    HalfClose,
}

impl Scenario {
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// What the scenario shows, for the header.
    fn intro(self) -> &'static str {
        match self {
            Scenario::Open => {
                "3-way handshake: SYN → SYN,ACK → ACK. 양쪽이 서로의 ISN을 ACK해야 두 방향의 sequence number가 동기화됩니다."
            }
            Scenario::Close => {
                "4-way close: client가 먼저 닫고(active close) FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT → CLOSED,\nserver는 CLOSE-WAIT → LAST-ACK → CLOSED (passive close)."
            }
            Scenario::ClosePiggyback => {
                "3-segment close: server가 FIN을 받자마자 close()하면 delayed ACK이 FIN에 실려 FIN,ACK 하나로 갑니다.\nclient는 FIN-WAIT-2를 건너뛰고 FIN-WAIT-1 → TIME-WAIT (실제 스택에서 흔한 모양)."
            }
            Scenario::SimultaneousOpen => {
                "simultaneous open: 양쪽이 동시에 SYN을 보냅니다 (listener 없음). SYN-SENT → SYN-RECEIVED → ESTABLISHED (RFC 9293 Fig. 7)."
            }
            Scenario::SimultaneousClose => {
                "simultaneous close: 양쪽이 동시에 FIN을 보냅니다. FIN-WAIT-1 → CLOSING → TIME-WAIT, 양쪽 모두 TIME-WAIT를 거칩니다."
            }
            Scenario::SynLost => {
                "첫 SYN이 손실됩니다: client는 RTO(초기 1s, RFC 6298) 뒤 SYN을 재전송하고 RTO를 두 배로 늘립니다 (exponential backoff)."
            }
            Scenario::SynackLost => {
                "SYN,ACK이 손실됩니다: client의 SYN과 server의 SYN,ACK 둘 다 ACK을 못 받아 각자 RTO 뒤 재전송합니다."
            }
            Scenario::FinalAckLost => {
                "close의 마지막 ACK이 손실됩니다: server는 LAST-ACK에서 FIN을 재전송하고, TIME-WAIT에 남아 있던 client가 다시 ACK합니다."
            }
            Scenario::ClosedPort => {
                "아무도 listen하지 않는 포트로 SYN: server는 <SEQ=0><ACK=ISN+1><CTL=RST,ACK>로 답하고 client는 \"connection refused\"."
            }
            Scenario::TwoWay => {
                "왜 2-way로는 부족한가. 가상의 2-way handshake(SYN, SYN,ACK만)라면: 네트워크에 늦게 남아 있던 이전 연결의\nold duplicate SYN 하나로 server가 바로 연결을 열고 자원을 잡습니다 (client는 요청한 적 없음: half-open).\n3-way에서는 세 번째 메시지를 client가 정하므로, 모르는 SYN,ACK에 RST로 답하고 server는 LISTEN으로 돌아갑니다.\n이어서 진짜 연결이 열린 뒤 이전 연결의 old duplicate 데이터가 도착합니다: ISN이 무작위면 window 밖이라 버려지고,\n--isn-client/--isn-server로 ISN을 고정하면(이전 연결도 같은 ISN) window 안에 떨어져 새 연결의 데이터로 받아들여집니다."
            }
            Scenario::HalfClose => {
                "half-close: client가 FIN을 보내 FIN-WAIT-2에 있는 동안 server는 CLOSE-WAIT에서 데이터를 계속 보내고,\nclient는 그 데이터를 ACK합니다. 그 뒤 server가 닫습니다 (shutdown(SHUT_WR)의 모습)."
            }
        }
    }

    /// Whether the scenario goes through TIME-WAIT, so the MSL note matters.
    fn closes(self) -> bool {
        matches!(
            self,
            Scenario::Close
                | Scenario::ClosePiggyback
                | Scenario::SimultaneousClose
                | Scenario::FinalAckLost
                | Scenario::HalfClose
        )
    }
}

/// What a scenario does, in time: user calls at fixed times, user calls that
/// follow a state change (the application reacting), and the segments the
/// scenario itself loses.
#[derive(Debug, Clone)]
struct Plan {
    scenario: Scenario,
    isn_client: u32,
    isn_server: u32,
    msl_secs: u64,
    start: Vec<(u64, Side, What)>,
    hooks: Vec<Hook>,
    drops: Vec<u32>,
    server_delayed_ack: bool,
}

/// "When `side` enters `on`, `after_ms` later it does `event`."
#[derive(Debug, Clone, Copy)]
struct Hook {
    side: Side,
    on: State,
    after_ms: u64,
    event: Event,
}

/// Something queued for a moment in the run.
#[derive(Debug, Clone, Copy)]
enum What {
    Call(Event),
    /// A segment arriving; `true` for an old duplicate.
    Arrive(Segment, bool),
    /// An old duplicate from an earlier connection put on the wire.
    Inject(Segment),
}

impl Plan {
    fn new(args: &Args) -> Plan {
        // Always draw all four, so a flag never shifts the others.
        let mut rng = ChaCha8Rng::seed_from_u64(args.common.seed);
        let drawn: [u32; 4] = std::array::from_fn(|_| rng.next_u32());
        let isn_client = args.isn_client.unwrap_or(drawn[0]);
        let isn_server = args.isn_server.unwrap_or(drawn[1]);
        // The earlier incarnation of the connection (two-way): a fixed ISN
        // generator gave it the same numbers; a random one, others.
        let old_client = args.isn_client.unwrap_or(drawn[2]);
        let old_server = args.isn_server.unwrap_or(drawn[3]);

        let call = |t: u64, side: Side, event: Event| (t, side, What::Call(event));
        let hook = |side: Side, on: State, after_ms: u64, event: Event| Hook {
            side,
            on,
            after_ms,
            event,
        };
        let listen = call(0, Side::Server, Event::PassiveOpen);
        let connect = call(0, Side::Client, Event::ActiveOpen);
        // The client's application closes 1 s after connecting; the server's
        // 200 ms after it reads the end of the stream.
        let client_closes = hook(Side::Client, State::Established, 1_000, Event::Close);
        let server_closes = hook(Side::Server, State::CloseWait, 200, Event::Close);

        let mut plan = Plan {
            scenario: args.scenario,
            isn_client,
            isn_server,
            msl_secs: args.msl,
            start: vec![listen, connect],
            hooks: Vec::new(),
            drops: Vec::new(),
            server_delayed_ack: false,
        };
        match args.scenario {
            Scenario::Open => {}
            Scenario::Close => plan.hooks = vec![client_closes, server_closes],
            Scenario::ClosePiggyback => {
                plan.hooks = vec![
                    client_closes,
                    hook(Side::Server, State::CloseWait, 0, Event::Close),
                ];
                plan.server_delayed_ack = true;
            }
            Scenario::SimultaneousOpen => {
                plan.start = vec![connect, call(0, Side::Server, Event::ActiveOpen)];
            }
            Scenario::SimultaneousClose => {
                // Both reach 1.000 s: the client is ESTABLISHED at 0.100 s,
                // the server at 0.150 s.
                plan.hooks = vec![
                    hook(Side::Client, State::Established, 900, Event::Close),
                    hook(Side::Server, State::Established, 850, Event::Close),
                ];
            }
            Scenario::SynLost => plan.drops = vec![1],
            Scenario::SynackLost => plan.drops = vec![2],
            Scenario::FinalAckLost => {
                plan.hooks = vec![client_closes, server_closes];
                // SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK: the 7th.
                plan.drops = vec![7];
            }
            Scenario::ClosedPort => plan.start = vec![connect],
            Scenario::TwoWay => {
                let old_syn = Segment {
                    seq: old_client,
                    ack: 0,
                    ctl: super::tcp::Ctl::SYN,
                    len: 0,
                };
                let old_data = Segment {
                    seq: old_client.wrapping_add(1),
                    ack: old_server.wrapping_add(1),
                    ctl: super::tcp::Ctl::ACK,
                    len: 100,
                };
                plan.start = vec![
                    listen,
                    (0, Side::Client, What::Inject(old_syn)),
                    call(1_000, Side::Client, Event::ActiveOpen),
                    (1_500, Side::Client, What::Inject(old_data)),
                ];
            }
            Scenario::HalfClose => {
                plan.hooks = vec![
                    client_closes,
                    hook(Side::Server, State::CloseWait, 100, Event::Send(100)),
                    hook(Side::Server, State::CloseWait, 200, Event::Send(100)),
                    hook(Side::Server, State::CloseWait, 400, Event::Close),
                ];
            }
        }
        plan
    }
}

/// A segment put on the wire.
#[derive(Debug, Clone, Copy)]
struct Wire {
    seg: Segment,
    /// 1-based count of segments put on the wire, what `--drop K` names.
    no: u32,
    lost: bool,
    old: bool,
}

/// What started an event.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Call(Event),
    Arrival(Segment, bool),
    Timer(Timer),
    OldDuplicate,
}

/// One event: one line of the diagram, one `--step`.
#[derive(Debug, Clone)]
struct Line {
    t: u64,
    actor: Side,
    kind: Kind,
    /// `None` for an injected old duplicate (no endpoint acted).
    rule: Option<Rule>,
    sent: Vec<Wire>,
    before: State,
    client: State,
    server: State,
    rto_before: u64,
    rto_after: u64,
}

impl Line {
    fn actor_state(&self) -> State {
        match self.actor {
            Side::Client => self.client,
            Side::Server => self.server,
        }
    }
}

/// A whole run.
#[derive(Debug, Clone)]
struct Trace {
    lines: Vec<Line>,
    transitions: Vec<Transition>,
    client: State,
    server: State,
    wire: u32,
    server_delivered: u32,
}

impl Trace {
    fn path(&self, side: Side) -> Vec<State> {
        let mut path = vec![State::Closed];
        path.extend(
            self.transitions
                .iter()
                .filter(|t| t.side == side)
                .map(|t| t.to),
        );
        path
    }

    fn end_ms(&self) -> u64 {
        self.lines.last().map_or(0, |l| l.t)
    }
}

#[derive(Debug)]
struct Pending {
    at: u64,
    order: u64,
    side: Side,
    what: What,
}

/// The discrete-event loop.
#[derive(Debug)]
struct Sim<'a> {
    now: u64,
    client: Tcb,
    server: Tcb,
    queue: Vec<Pending>,
    order: u64,
    wire: u32,
    drops: &'a [u32],
    hooks: Vec<Hook>,
    lines: Vec<Line>,
    transitions: Vec<Transition>,
}

fn simulate(plan: &Plan, drops: &[u32]) -> Result<Trace, SimError> {
    let msl_ms = plan.msl_secs * 1_000;
    let mut server = Tcb::new(Side::Server, plan.isn_server, msl_ms);
    if plan.server_delayed_ack {
        server = server.with_delayed_ack(DELAYED_ACK_MS);
    }
    let mut sim = Sim {
        now: 0,
        client: Tcb::new(Side::Client, plan.isn_client, msl_ms),
        server,
        queue: Vec::new(),
        order: 0,
        wire: 0,
        drops,
        hooks: plan.hooks.clone(),
        lines: Vec::new(),
        transitions: Vec::new(),
    };
    for &(at, side, what) in &plan.start {
        sim.schedule(at, side, what);
    }
    sim.run()?;
    Ok(Trace {
        client: sim.client.state,
        server: sim.server.state,
        server_delivered: sim.server.delivered,
        lines: sim.lines,
        transitions: sim.transitions,
        wire: sim.wire,
    })
}

impl Sim<'_> {
    fn tcb(&mut self, side: Side) -> &mut Tcb {
        match side {
            Side::Client => &mut self.client,
            Side::Server => &mut self.server,
        }
    }

    fn schedule(&mut self, at: u64, side: Side, what: What) {
        self.order += 1;
        self.queue.push(Pending {
            at,
            order: self.order,
            side,
            what,
        });
    }

    /// Runs until nothing is queued and no timer runs. Queued events go
    /// before timers due at the same moment; the client's timers before the
    /// server's.
    fn run(&mut self) -> Result<(), SimError> {
        loop {
            let queued =
                (0..self.queue.len()).min_by_key(|&i| (self.queue[i].at, self.queue[i].order));
            let timer = [
                (Side::Client, self.client.next_timer()),
                (Side::Server, self.server.next_timer()),
            ]
            .into_iter()
            .filter_map(|(side, t)| t.map(|(at, timer)| (at, side, timer)))
            .min_by_key(|(at, _, _)| *at);
            if self.lines.len() >= MAX_EVENTS {
                return Err(SimError::Invalid(format!(
                    "the simulation did not settle after {MAX_EVENTS} events"
                )));
            }
            match (queued, timer) {
                (Some(i), t) if t.is_none_or(|(at, _, _)| self.queue[i].at <= at) => {
                    let p = self.queue.remove(i);
                    self.now = p.at;
                    match p.what {
                        What::Call(event) => self.handle(p.side, Kind::Call(event), event),
                        What::Arrive(seg, old) => {
                            self.handle(p.side, Kind::Arrival(seg, old), Event::Segment(seg))
                        }
                        What::Inject(seg) => self.inject(p.side, seg),
                    }
                }
                (_, Some((at, side, timer))) => {
                    self.now = at;
                    self.handle(side, Kind::Timer(timer), Event::Timeout(timer));
                }
                (None, None) => return Ok(()),
                (Some(_), None) => {
                    unreachable!("the first arm takes a queued event when no timer runs")
                }
            }
        }
    }

    fn handle(&mut self, side: Side, kind: Kind, event: Event) {
        let now = self.now;
        let tcb = self.tcb(side);
        let before = tcb.state;
        let rto_before = tcb.rto_ms();
        let seen = tcb.transitions.len();
        let out = tcb.step(now, event);
        let rto_after = tcb.rto_ms();
        let new: Vec<Transition> = tcb.transitions[seen..].to_vec();
        for t in &new {
            let (fire, keep): (Vec<Hook>, Vec<Hook>) = self
                .hooks
                .iter()
                .partition(|h| h.side == side && h.on == t.to);
            self.hooks = keep;
            for h in fire {
                self.schedule(now + h.after_ms, side, What::Call(h.event));
            }
        }
        self.transitions.extend(new);
        let sent = out
            .sent
            .into_iter()
            .map(|seg| self.put_on_wire(side, seg, false))
            .collect();
        self.push_line(
            side,
            kind,
            Some(out.rule),
            sent,
            before,
            rto_before,
            rto_after,
        );
    }

    fn inject(&mut self, side: Side, seg: Segment) {
        let wire = self.put_on_wire(side, seg, true);
        let state = self.tcb(side).state;
        let rto = self.tcb(side).rto_ms();
        self.push_line(side, Kind::OldDuplicate, None, vec![wire], state, rto, rto);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_line(
        &mut self,
        actor: Side,
        kind: Kind,
        rule: Option<Rule>,
        sent: Vec<Wire>,
        before: State,
        rto_before: u64,
        rto_after: u64,
    ) {
        self.lines.push(Line {
            t: self.now,
            actor,
            kind,
            rule,
            sent,
            before,
            client: self.client.state,
            server: self.server.state,
            rto_before,
            rto_after,
        });
    }

    fn put_on_wire(&mut self, from: Side, seg: Segment, old: bool) -> Wire {
        self.wire += 1;
        let lost = self.drops.contains(&self.wire);
        if !lost {
            self.schedule(self.now + ONE_WAY_MS, from.peer(), What::Arrive(seg, old));
        }
        Wire {
            seg,
            no: self.wire,
            lost,
            old,
        }
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = Args::try_parse_from(argv)?;
    out.start(&args.common);
    let plan = Plan::new(&args);
    let mut drops = plan.drops.clone();
    drops.extend(args.drop);
    let trace = simulate(&plan, &drops)?;
    let effect = match args.drop {
        Some(k) if k > trace.wire => {
            return Err(Args::command()
                .error(
                    clap::error::ErrorKind::ValueValidation,
                    format!(
                        "--drop {k}: the {} scenario puts only {} segments on the wire",
                        plan.scenario.name(),
                        trace.wire
                    ),
                )
                .into());
        }
        Some(k) => Some(drop_effect(k, &trace, &simulate(&plan, &plan.drops)?)),
        None => None,
    };
    let mut steps = vec![header(&plan, &args, &trace)];
    let layout = Layout::new(&trace);
    steps.extend(
        trace
            .lines
            .iter()
            .map(|line| render_line(&layout, &plan, line)),
    );
    steps.push(summary(&plan, &trace, effect.as_ref()));
    let json = to_json(&plan, &args, &trace, effect.as_ref());
    crate::sim::emit_legacy_steps(out, &steps)?;
    Ok(json)
}

/// What `--drop K` changed, against the same scenario without it.
#[derive(Debug)]
struct DropEffect {
    k: u32,
    seg: Option<Segment>,
    /// Sides whose path of states differs, with (this run, without the drop).
    changed: Vec<(Side, Vec<State>, Vec<State>)>,
    delay_ms: i64,
}

fn drop_effect(k: u32, trace: &Trace, baseline: &Trace) -> DropEffect {
    let seg = trace
        .lines
        .iter()
        .flat_map(|l| &l.sent)
        .find(|w| w.no == k)
        .map(|w| w.seg);
    let changed = [Side::Client, Side::Server]
        .into_iter()
        .filter_map(|side| {
            let (now, before) = (trace.path(side), baseline.path(side));
            (now != before).then_some((side, now, before))
        })
        .collect();
    DropEffect {
        k,
        seg,
        changed,
        delay_ms: trace.end_ms() as i64 - baseline.end_ms() as i64,
    }
}

fn secs(ms: u64) -> String {
    format!("{}.{:03}s", ms / 1_000, ms % 1_000)
}

/// A duration in the unit people say it in.
fn duration(ms: u64) -> String {
    match ms {
        ms if ms % 60_000 == 0 && ms >= 60_000 => format!("{}분", ms / 60_000),
        ms if ms % 1_000 == 0 => format!("{}s", ms / 1_000),
        ms => format!("{}ms", ms),
    }
}

fn path_text(path: &[State]) -> String {
    path.iter()
        .map(|s| s.name())
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Column widths of the diagram.
#[derive(Debug)]
struct Layout {
    time: usize,
    state: usize,
    middle: usize,
}

const INDENT: &str = "  ";

impl Layout {
    fn new(trace: &Trace) -> Layout {
        let time = trace
            .lines
            .iter()
            .map(|l| secs(l.t).len())
            .max()
            .unwrap_or(0)
            .max("time".len());
        let seg = trace
            .lines
            .iter()
            .flat_map(|l| &l.sent)
            .map(|w| segment_text(w).len())
            .max()
            .unwrap_or(0);
        Layout {
            time,
            state: "SYN-RECEIVED".len(),
            middle: (seg + 14).max(40),
        }
    }

    fn row(&self, time: &str, client: &str, middle: &str, server: &str) -> String {
        let line = format!(
            "{INDENT}{}   {}  {}  {}",
            pad_left(time, self.time),
            pad(client, self.state),
            pad(middle, self.middle),
            server
        );
        format!("{}\n", line.trim_end())
    }

    fn heading(&self) -> String {
        self.row("time", "client", "segment", "server")
    }

    /// Where explanations start: under the client column.
    fn note_indent(&self) -> String {
        " ".repeat(INDENT.len() + self.time + 3)
    }
}

fn pad_left(s: &str, columns: usize) -> String {
    format!("{}{s}", " ".repeat(columns.saturating_sub(width(s))))
}

fn segment_text(w: &Wire) -> String {
    if w.old {
        format!("{} old", w.seg)
    } else {
        w.seg.to_string()
    }
}

/// The middle column for a segment: an arrow from its sender to the other
/// side, cut short with `✗ lost` when the channel loses it.
fn arrow(layout: &Layout, from: Side, w: &Wire) -> String {
    let text = segment_text(w);
    let dash = if w.old { "┄" } else { "─" };
    let fill = |n: usize| dash.repeat(n);
    let room = layout.middle.saturating_sub(width(&text) + 5);
    match (from, w.lost) {
        (Side::Client, false) => format!("{} {text} {}▶", fill(2), fill(room)),
        (Side::Server, false) => format!("◀{} {text} {}", fill(room), fill(2)),
        (Side::Client, true) => format!("{} {text} {}✗ lost", fill(2), fill(2)),
        (Side::Server, true) => {
            let body = format!("lost ✗{} {text} {}", fill(2), fill(2));
            pad_left(&body, layout.middle)
        }
    }
}

/// The middle column for an event that sends nothing: a mark on the side it
/// happens.
fn mark(layout: &Layout, side: Side, tag: &str) -> String {
    match side {
        Side::Client => format!("● {tag}"),
        Side::Server => pad_left(&format!("{tag} ●"), layout.middle),
    }
}

fn tag(kind: &Kind) -> String {
    match kind {
        Kind::Call(Event::PassiveOpen) => "passive OPEN".into(),
        Kind::Call(Event::ActiveOpen) => "active OPEN".into(),
        Kind::Call(Event::Close) => "CLOSE".into(),
        Kind::Call(Event::Send(n)) => format!("SEND {n} bytes"),
        Kind::Call(_) => "call".into(),
        Kind::Arrival(seg, _) => format!("{} arrives", seg.ctl.names().join(",")),
        Kind::Timer(Timer::Retransmit) => "RTO fired".into(),
        Kind::Timer(Timer::TimeWait) => "2MSL expired".into(),
        Kind::Timer(Timer::DelayedAck) => "delayed-ACK timer".into(),
        Kind::OldDuplicate => "old duplicate".into(),
    }
}

fn render_line(layout: &Layout, plan: &Plan, line: &Line) -> String {
    let (client, server) = (line.client.name(), line.server.name());
    let time = secs(line.t);
    let mut out = String::new();
    let timer = matches!(line.kind, Kind::Timer(_));
    if line.sent.is_empty() || timer {
        out += &layout.row(
            &time,
            client,
            &mark(layout, line.actor, &tag(&line.kind)),
            server,
        );
    }
    for (i, w) in line.sent.iter().enumerate() {
        let t = if i == 0 && !timer { time.as_str() } else { "" };
        out += &layout.row(t, client, &arrow(layout, line.actor, w), server);
    }
    let indent = layout.note_indent();
    for (i, note) in explain(plan, line).iter().enumerate() {
        let lead = if i == 0 { "↳" } else { " " };
        out += &format!("{indent}{lead} {note}\n");
    }
    out
}

/// One or two lines saying, in Korean with the English terms, what happened
/// and why, ending with the rule's source.
fn explain(plan: &Plan, line: &Line) -> Vec<String> {
    let two_msl = duration(plan.msl_secs * 2_000);
    let sent = line.sent.first().map(|w| w.seg);
    let arrived = match line.kind {
        Kind::Arrival(seg, _) => Some(seg),
        _ => None,
    };
    let a = arrived.unwrap_or(Segment {
        seq: 0,
        ack: 0,
        ctl: super::tcp::Ctl::default(),
        len: 0,
    });
    let s = sent.unwrap_or(a);
    let state = line.actor_state();
    let Some(rule) = line.rule else {
        let what = if s.len > 0 { "데이터" } else { "SYN" };
        return vec![format!(
            "이전 연결의 old duplicate {what}: 네트워크에 늦게까지 남아 있던 segment가 이제 server로 갑니다 (지금의 client는 보낸 적 없음)."
        )];
    };
    use Rule::*;
    let text: String = match rule {
        PassiveOpen => "passive OPEN: server가 listen()으로 포트를 열고 LISTEN에서 SYN을 기다립니다.".into(),
        ActiveOpen => format!(
            "active OPEN: connect()가 ISN {}로 SYN을 보내고 SYN-SENT로 들어갑니다.\nSYN은 sequence number 하나를 씁니다 (SND.NXT = ISS+1 = {}).",
            s.seq,
            s.seq.wrapping_add(1)
        ),
        CallError(msg) => format!("이 상태({})에서는 할 수 없는 호출: \"{msg}\".", line.before),
        CloseDeletes => "CLOSE: 아직 연결이 없으므로 TCB를 지우고 CLOSED로 갑니다.".into(),
        CloseSendsFin => format!(
            "close(): 더 보낼 데이터가 없다는 FIN(SEQ={})을 보내고 {}로 (active close).\nFIN도 sequence number 하나를 씁니다.",
            s.seq, state
        ),
        CloseFromCloseWait => {
            let piggy = if s.ack == line_ack_owed(line) && plan.server_delayed_ack {
                "\n미뤄 둔 ACK(ACK={})이 이 FIN에 실려 갑니다 (piggyback): 3-segment close."
            } else {
                ""
            };
            format!(
                "server 애플리케이션도 close(): FIN을 보내고 LAST-ACK에서 이 FIN의 ACK을 기다립니다.{}",
                piggy.replace("{}", &s.ack.to_string())
            )
        }
        SendData => {
            let half = if line.before == State::CloseWait {
                "\n상대가 FIN을 보냈어도 CLOSE-WAIT에서는 계속 보낼 수 있습니다 (half-close)."
            } else {
                ""
            };
            format!("SEND: 데이터 {} bytes (SEQ {}부터).{half}", s.len, s.seq)
        }
        ClosedDiscardsRst => "CLOSED에 온 RST는 그냥 버립니다 (RST에는 RST로 답하지 않음).".into(),
        ClosedResets if a.ctl.ack => format!(
            "{}는 CLOSED라 이 연결을 모릅니다: SEG.ACK로 <SEQ={}><CTL=RST>를 보내 \"그런 연결 없음\"을 알립니다.",
            line.actor.name(),
            a.ack
        ),
        ClosedResets => format!(
            "이 포트는 CLOSED(listener 없음): ACK 없는 segment에는 <SEQ=0><ACK=SEG.SEQ+SEG.LEN={}><CTL=RST,ACK>로 답합니다.",
            s.ack
        ),
        ListenIgnoresRst => "LISTEN에서 RST는 무시합니다.".into(),
        ListenResetsAck => "LISTEN에 ACK이 든 segment는 올 수 없는 것: <SEQ=SEG.ACK><CTL=RST>로 답합니다.".into(),
        ListenSyn => {
            let old = if matches!(line.kind, Kind::Arrival(_, true)) {
                "\nserver는 이 SYN이 old duplicate인지 알 수 없습니다: 2-way였다면 여기서 바로 연결이 열렸을 것."
            } else {
                ""
            };
            format!(
                "SYN 수신: IRS={}, RCV.NXT={}.\n자기 ISN {}로 SYN,ACK을 보내고 SYN-RECEIVED로 (ACK={}은 \"SYN 받았음\").{old}",
                a.seq,
                a.seq.wrapping_add(1),
                s.seq,
                s.ack
            )
        }
        ListenDrops => "LISTEN에서 SYN이 아닌 segment는 버립니다.".into(),
        SynSentBadAck => format!(
            "SYN-SENT인데 ACK={}은 내 SYN에 대한 ACK이 아닙니다: 이전 연결의 것이므로 <SEQ=SEG.ACK><CTL=RST>로 거절합니다.",
            a.ack
        ),
        SynSentBadAckRst => "틀린 ACK에 RST까지 있어 그냥 버립니다.".into(),
        SynSentRefused => "RST,ACK 수신: 상대 포트에 listener가 없습니다. SYN-SENT → CLOSED,\nconnect()는 \"connection refused\"(ECONNREFUSED)로 실패합니다.".into(),
        SynSentDropsRst => "ACK 없는 RST는 SYN-SENT에서 버립니다.".into(),
        SynSentDrops => format!(
            "SYN-SENT에서 SYN도 RST도 없는 segment(ACK={})는 버립니다: 기다리는 것은 상대의 SYN입니다.",
            a.ack
        ),
        SynSentSynAck => format!(
            "SYN,ACK 수신: ACK={}로 내 SYN이 확인되고 상대 ISN {}를 알게 됨. ESTABLISHED로 가며\n세 번째 segment인 ACK(ACK={})을 보냅니다.",
            a.ack,
            a.seq,
            s.ack
        ),
        SynSentSyn => format!(
            "SYN-SENT에서 ACK 없는 SYN 수신 = simultaneous open: SYN-RECEIVED로 가며\n내 SYN을 SYN,ACK(<SEQ=ISS={}><ACK={}>)으로 다시 보냅니다.",
            s.seq, s.ack
        ),
        SimultaneousSynAck => "상대 SYN,ACK의 SYN은 이미 받은 것, ACK은 내 SYN을 확인합니다: SYN-RECEIVED → ESTABLISHED.\n양쪽 모두 따로 ACK을 보낼 필요가 없습니다.".into(),
        TimeWaitFinAgain => format!(
            "TIME-WAIT에서 재전송된 FIN 수신: 내 마지막 ACK이 사라졌다는 뜻. ACK을 다시 보내고\n2MSL 타이머를 처음부터 다시 잽니다 ({two_msl} 뒤 {}).",
            secs(line.t + plan.msl_secs * 2_000)
        ),
        FinAgain => "이미 받은 FIN이 다시 왔습니다: ACK을 다시 보냅니다.".into(),
        Unacceptable if a.ctl.syn && line.before == State::SynReceived => format!(
            "재전송된 SYN(SEQ={})은 이미 받은 것이라 receive window 밖: RFC대로 ACK만 보냅니다\n(<SEQ=SND.NXT><ACK=RCV.NXT>). Linux는 이때 SYN,ACK을 바로 재전송합니다.",
            a.seq
        ),
        Unacceptable | AckAhead | OutOfOrder if sent.is_none() => format!(
            "답할 ACK은 보내지 않습니다: {}ms 안에 이미 한 번 답했습니다 (ACK loop 방지, Linux tcp_invalid_ratelimit).",
            super::tcp::INVALID_ACK_RATELIMIT_MS
        ),
        Unacceptable => format!(
            "SEQ={}는 receive window(RCV.NXT={}부터) 밖: 받지 않고 현재 위치를 알리는 ACK을 보냅니다.",
            a.seq, s.ack
        ),
        UnacceptableRst => "window 밖의 RST는 조용히 버립니다 (blind reset 방어).".into(),
        RstToListen => "RST 수신: passive OPEN에서 온 SYN-RECEIVED라 half-open 연결을 버리고 LISTEN으로 돌아갑니다.\n잡았던 자원(TCB)도 풀립니다.".into(),
        RstRefused => "RST 수신: active OPEN에서 온 SYN-RECEIVED라 CLOSED로 (\"connection refused\").".into(),
        Reset => "RST 수신(SEQ=RCV.NXT): \"connection reset\", CLOSED로 갑니다.".into(),
        ChallengeRst => "RST가 window 안이지만 RCV.NXT와 같지 않음: 끊지 않고 challenge ACK을 보냅니다.".into(),
        ChallengeSyn => "연결된 상태에서 SYN 수신: 끊지 않고 challenge ACK을 보냅니다.".into(),
        NoAck => "ACK bit가 없는 segment는 버립니다.".into(),
        SynReceivedBadAck => "SYN-RECEIVED에서 받아들일 수 없는 ACK: <SEQ=SEG.ACK><CTL=RST>로 답합니다.".into(),
        AckAhead => format!(
            "보낸 적 없는 데이터에 대한 ACK(ACK={} > SND.NXT): 버리고 현재 위치를 알리는 ACK을 보냅니다.",
            a.ack
        ),
        OutOfOrder => "순서가 어긋난 데이터(SEQ ≠ RCV.NXT): 받지 않고 기대하는 위치를 ACK으로 알립니다.".into(),
        SynReceivedAck => format!(
            "세 번째 segment인 ACK 수신(ACK={} = ISS+1): SYN-RECEIVED → ESTABLISHED.\n이제 양쪽 ISN이 모두 확인되었습니다.",
            a.ack
        ),
        SynReceivedAckFin => "ACK이 내 SYN을 확인해 ESTABLISHED, 같은 segment의 FIN으로 곧바로 CLOSE-WAIT. FIN을 ACK합니다.".into(),
        EstablishedFin if sent.is_none() => format!(
            "FIN 수신: 상대는 더 보낼 것이 없습니다. CLOSE-WAIT로. ACK(ACK={})은 delayed ACK으로 잠시 미룹니다\n(애플리케이션이 곧 close()하면 FIN에 실어 보내려고).",
            a.seq.wrapping_add(a.len).wrapping_add(1)
        ),
        EstablishedFin => format!(
            "FIN 수신: 상대는 더 보낼 데이터가 없습니다. CLOSE-WAIT로 가며 FIN을 ACK합니다\n(ACK={}: FIN이 sequence number 하나를 씀). 애플리케이션은 read()에서 EOF를 봅니다.",
            s.ack
        ),
        FinWait1FinAcked => format!(
            "FIN,ACK 수신: 상대 FIN이 내 FIN도 ACK합니다(ACK={}). FIN-WAIT-2를 건너뛰고 TIME-WAIT로,\n마지막 ACK을 보내고 2MSL({two_msl}) 타이머 시작.",
            a.ack
        ),
        FinWait1Fin => "내 FIN이 ACK되기 전에 상대 FIN 수신 = simultaneous close: CLOSING으로 가며 FIN을 ACK합니다.".into(),
        FinWait1Acked => "내 FIN이 ACK됨: FIN-WAIT-2로. 이제 상대 FIN을 기다립니다 (상대는 아직 데이터를 보낼 수 있음).".into(),
        FinWait2Fin => format!(
            "상대 FIN 수신: TIME-WAIT로 가며 마지막 ACK(ACK={})을 보내고 2MSL({two_msl}) 타이머를 시작합니다.",
            s.ack
        ),
        ClosingAcked => format!("CLOSING에서 내 FIN의 ACK 수신: TIME-WAIT로, 2MSL({two_msl}) 타이머 시작."),
        LastAckAcked => "마지막 ACK 수신: LAST-ACK → CLOSED, TCB를 지웁니다. passive closer는 TIME-WAIT를 거치지 않습니다.".into(),
        Data => {
            let old = if matches!(line.kind, Kind::Arrival(_, true)) {
                "\n✗ old duplicate가 window 안(SEQ = RCV.NXT)에 떨어져 새 연결의 데이터로 받아들여졌습니다: ISN을 고정하면 생기는 일."
            } else if line.before == State::FinWait2 {
                " FIN-WAIT-2에서도 데이터는 계속 받습니다 (half-close)."
            } else {
                ""
            };
            format!(
                "데이터 {} bytes 수신: RCV.NXT가 {}로 전진, ACK합니다.{old}",
                a.len, s.ack
            )
        }
        Ack => "ACK 수신: 상태 변화 없음.".into(),
        TimeWaitExpired => "2MSL 타이머 만료: TIME-WAIT → CLOSED. 이제 같은 4-tuple로 새 연결을 열어도 안전합니다.".into(),
        Retransmit => format!(
            "RTO {} 만료, ACK이 오지 않아 같은 segment(SEQ={})를 재전송합니다.\nRTO는 두 배로: {} (exponential backoff), 다음 만료 예정 {}.",
            duration(line.rto_before),
            s.seq,
            duration(line.rto_after),
            secs(line.t + line.rto_after)
        ),
        DelayedAck => "delayed ACK 타이머 만료: 실어 보낼 segment가 없어 ACK만 보냅니다.".into(),
        NothingToDo => "할 일이 없습니다.".into(),
    };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if line.sent.iter().any(|w| w.lost) {
        lines.push(format!(
            "✗ 이 segment(#{})는 네트워크에서 사라집니다 (lost).",
            line.sent.iter().find(|w| w.lost).map_or(0, |w| w.no)
        ));
    }
    if let Some(last) = lines.last_mut() {
        last.push_str(&format!(" [{}]", rule.section()));
    }
    lines
}

/// The ACK a FIN sent from CLOSE-WAIT would owe: the only ACK it can carry.
fn line_ack_owed(line: &Line) -> u32 {
    line.sent.first().map_or(0, |w| w.seg.ack)
}

fn header(plan: &Plan, args: &Args, trace: &Trace) -> String {
    let layout = Layout::new(trace);
    let isn = |flag: Option<u32>| {
        if flag.is_some() {
            "지정"
        } else {
            "seed에서"
        }
    };
    let mut out = format!(
        "TCP 연결 설정과 해제 (RFC 9293): {}\n\n",
        plan.scenario.name()
    );
    for line in plan.scenario.intro().lines() {
        out += &format!("{INDENT}{line}\n");
    }
    out += &format!(
        "\n{INDENT}ISN: client {} ({}), server {} ({}), --seed {}\n",
        plan.isn_client,
        isn(args.isn_client),
        plan.isn_server,
        isn(args.isn_server),
        args.common.seed
    );
    out += &format!(
        "{INDENT}채널: 단방향 {ONE_WAY_MS}ms (RTT {}ms), 초기 RTO {} (RFC 6298), MSL {} → TIME-WAIT 2×MSL = {}\n",
        2 * ONE_WAY_MS,
        duration(super::tcp::INITIAL_RTO_MS),
        duration(plan.msl_secs * 1_000),
        duration(plan.msl_secs * 2_000)
    );
    if !plan.drops.is_empty() || args.drop.is_some() {
        let mut all = plan.drops.clone();
        all.extend(args.drop);
        let list: Vec<String> = all.iter().map(|k| format!("#{k}")).collect();
        out += &format!(
            "{INDENT}손실: 선에 올라간 segment {} (재전송 포함, 1부터 셈)\n",
            list.join(", ")
        );
    }
    out += "\n";
    out += &layout.heading();
    out
}

fn summary(plan: &Plan, trace: &Trace, effect: Option<&DropEffect>) -> String {
    let mut out = format!(
        "\n결과: client {}, server {} ({} 동안 segment {}개)\n\n상태 전이 (state transitions):\n",
        trace.client,
        trace.server,
        secs(trace.end_ms()),
        trace.wire
    );
    for side in [Side::Client, Side::Server] {
        out += &format!(
            "{INDENT}{}: {}\n",
            side.name(),
            path_text(&trace.path(side))
        );
        for t in trace.transitions.iter().filter(|t| t.side == side) {
            let step = format!("{} → {}", t.from, t.to);
            out += &format!(
                "{INDENT}{INDENT}{:>9}  {}  {} [{}]\n",
                secs(t.t_ms),
                pad(&step, 29),
                t.rule.cause(),
                t.rule.section()
            );
        }
    }
    let mut notes: Vec<String> = Vec::new();
    let retransmits: Vec<String> = trace
        .lines
        .iter()
        .filter(|l| l.rule == Some(Rule::Retransmit))
        .map(|l| {
            format!(
                "{} {} (RTO {} → {})",
                secs(l.t),
                l.actor.name(),
                duration(l.rto_before),
                duration(l.rto_after)
            )
        })
        .collect();
    if !retransmits.is_empty() {
        let syn = trace
            .lines
            .iter()
            .any(|l| l.rule == Some(Rule::Retransmit) && l.sent.iter().any(|w| w.seg.ctl.syn));
        notes.push(format!(
            "재전송 타이머: {}.\n초기 RTO 1s (RFC 6298 2.1), 만료마다 두 배 (exponential backoff, 5.5).{}",
            retransmits.join(", "),
            if syn {
                " Linux는 SYN을 tcp_syn_retries=6번까지 재전송합니다 (1+2+4+…+64s ≈ 127s 뒤 포기)."
            } else {
                ""
            }
        ));
    }
    if plan.scenario.closes() {
        notes.push(format!(
            "{} RFC 9293: MSL 2분 → 2×MSL = 4분 (이 실행: --msl {} → {}).\nLinux는 TIME-WAIT를 {LINUX_TIME_WAIT_SECS}s로 고정합니다 (TCP_TIMEWAIT_LEN, `ss -tan state time-wait`로 보임).",
            if plan.scenario == Scenario::SimultaneousClose {
                "동시에 닫으면 양쪽 모두 active closer라 둘 다 TIME-WAIT를 거칩니다."
            } else {
                "TIME-WAIT는 먼저 닫은 쪽(active closer)만 거칩니다."
            },
            plan.msl_secs,
            duration(plan.msl_secs * 2_000)
        ));
    }
    match plan.scenario {
        Scenario::FinalAckLost => notes.push(
            "TIME-WAIT가 있는 이유: (1) 마지막 ACK이 사라지면 상대가 FIN을 재전송합니다. 그때 ACK을 다시 보내 줄 TCB가\n남아 있어야 합니다 (이미 CLOSED라면 RST가 가서 상대는 오류로 끝남). (2) 같은 4-tuple의 다음 연결이\n이 연결의 지연된 old duplicate를 받지 않도록, 2MSL 동안 기다려 네트워크에서 사라지게 합니다.".into(),
        ),
        Scenario::ClosedPort => notes.push(
            "listener가 없는 포트: RST,ACK을 받은 connect()는 ECONNREFUSED. (방화벽이 SYN을 조용히 버리면 RST 대신 RTO 재전송 끝에 timeout.)".into(),
        ),
        Scenario::TwoWay => {
            let accepted = trace.lines.iter().any(|l| {
                l.rule == Some(Rule::Data) && matches!(l.kind, Kind::Arrival(_, true))
            });
            notes.push(if accepted {
                format!(
                    "✗ old duplicate 데이터가 새 연결에 섞였습니다 (server가 받은 데이터 {} bytes, client는 보낸 적 없음).\nISN이 고정/예측 가능하면 이전 연결의 번호가 새 연결의 window에 떨어집니다: 그래서 ISN은 무작위입니다 (RFC 6528).",
                    trace.server_delivered
                )
            } else {
                "old duplicate 데이터는 window 밖이라 버려졌습니다: ISN이 무작위(RFC 6528)라 이전 연결의 번호가 새 연결의 window에\n떨어지지 않습니다. --isn-client N --isn-server M으로 ISN을 고정하면(이전 연결도 같은 ISN) 어떻게 되는지 보세요.".into()
            });
        }
        Scenario::SimultaneousOpen => notes.push(
            "simultaneous open은 드물지만 RFC가 요구합니다 (MUST-10). 연결은 하나, segment는 4개입니다.".into(),
        ),
        _ => {}
    }
    if let Some(effect) = effect {
        let what = effect.seg.map_or(String::new(), |s| format!(" {s}"));
        notes.push(if effect.changed.is_empty() {
            format!(
                "--drop {}: segment #{}{what}을 잃어도 상태 경로는 같고, 재전송 때문에 끝이 {}ms 달라졌습니다.",
                effect.k, effect.k, effect.delay_ms
            )
        } else {
            let mut text = format!(
                "--drop {}: segment #{}{what}을 잃자 상태 경로가 달라졌습니다.",
                effect.k, effect.k
            );
            for (side, now, before) in &effect.changed {
                text += &format!(
                    "\n{}: {}\n  (손실 없이: {})",
                    side.name(),
                    path_text(now),
                    path_text(before)
                );
            }
            text
        });
    }
    if !notes.is_empty() {
        out += "\n";
        for note in notes {
            let mut lines = note.lines();
            if let Some(first) = lines.next() {
                out += &format!("{INDENT}• {first}\n");
            }
            for rest in lines {
                out += &format!("{INDENT}  {rest}\n");
            }
        }
    }
    out
}

fn to_json(plan: &Plan, args: &Args, trace: &Trace, effect: Option<&DropEffect>) -> Value {
    let mut events = Vec::new();
    for line in &trace.lines {
        let notes = explain(plan, line).join("\n");
        let base = |from: Side| {
            json!({
                "t_ms": line.t,
                "from": from.name(),
                "client_state": line.client.name(),
                "server_state": line.server.name(),
                "kind": match line.kind {
                    Kind::Call(_) => "call",
                    Kind::Arrival(..) => "arrival",
                    Kind::Timer(_) => "timer",
                    Kind::OldDuplicate => "old-duplicate",
                },
                "event": tag(&line.kind),
                "rule": line.rule.map(Rule::cause),
                "rfc": line.rule.map(Rule::section),
                "note": notes,
            })
        };
        if line.sent.is_empty() {
            let mut e = base(line.actor);
            e["to"] = Value::Null;
            e["seq"] = Value::Null;
            e["ack"] = Value::Null;
            e["flags"] = json!([]);
            e["len"] = json!(0);
            e["lost"] = json!(false);
            events.push(e);
        }
        for w in &line.sent {
            let mut e = base(line.actor);
            e["to"] = json!(line.actor.peer().name());
            e["seq"] = json!(w.seg.seq);
            e["ack"] = if w.seg.ctl.ack {
                json!(w.seg.ack)
            } else {
                Value::Null
            };
            e["flags"] = json!(w.seg.ctl.names());
            e["len"] = json!(w.seg.len);
            e["lost"] = json!(w.lost);
            e["wire"] = json!(w.no);
            e["old_duplicate"] = json!(w.old);
            e["segment"] = json!(w.seg.to_string());
            events.push(e);
        }
    }
    let transitions: Vec<Value> = trace
        .transitions
        .iter()
        .map(|t| {
            json!({
                "t_ms": t.t_ms,
                "endpoint": t.side.name(),
                "from": t.from.name(),
                "to": t.to.name(),
                "cause": t.rule.cause(),
                "rfc": t.rule.section(),
            })
        })
        .collect();
    json!({
        "scenario": plan.scenario.name(),
        "seed": args.common.seed,
        "isn_client": plan.isn_client,
        "isn_server": plan.isn_server,
        "msl_secs": plan.msl_secs,
        "one_way_delay_ms": ONE_WAY_MS,
        "drop": args.drop,
        "segments_on_wire": trace.wire,
        "events": events,
        "transitions": transitions,
        "final": { "client": trace.client.name(), "server": trace.server.name() },
        "drop_effect": effect.map(|e| json!({
            "wire": e.k,
            "segment": e.seg.map(|s| s.to_string()),
            "paths_changed": e.changed.iter().map(|(side, now, before)| json!({
                "endpoint": side.name(),
                "with_drop": now.iter().map(|s| s.name()).collect::<Vec<_>>(),
                "without_drop": before.iter().map(|s| s.name()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "end_delay_ms": e.delay_ms,
        })),
    })
}
