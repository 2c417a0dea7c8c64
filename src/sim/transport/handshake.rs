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
use crate::sim::trace::{Event as TraceEvent, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "handshake",
    title: || crate::tr!("demo-handshake-title"),
    summary: || crate::tr!("demo-handshake-summary"),
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
    allow_negative_numbers = true,
    after_help = "Examples:\n  synack demo handshake --scenario close --relative\n  synack demo handshake --scenario syn-lost\n  synack demo handshake --scenario half-close --call close\n  synack demo handshake --scenario close --drop 5"
)]
struct Args {
    /// What to show
    #[arg(long, value_enum, default_value_t = Scenario::Open)]
    scenario: Scenario,
    /// The client's initial sequence number (default: drawn from --seed
    /// between 1000 and 4999, small so that +1 shows at a glance; real
    /// stacks draw from the whole 32-bit space, RFC 6528)
    #[arg(long, value_name = "N")]
    isn_client: Option<u32>,
    /// The server's initial sequence number (default: drawn from --seed
    /// between 5000 and 9999)
    #[arg(long, value_name = "N")]
    isn_server: Option<u32>,
    /// Show SEQ and ACK relative to each side's ISN, as Wireshark does
    /// (the SYN is 0, the first data byte 1); the JSON keeps absolute numbers
    #[arg(long)]
    relative: bool,
    /// How the client closes in half-close: `shutdown` (SHUT_WR, it still
    /// reads and ACKs the server's data) or `close` (it reads no more: Linux
    /// answers the server's next data with RST, and the server's write gets
    /// EPIPE)
    #[arg(long, value_enum, default_value_t = Call::Shutdown)]
    call: Call,
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

/// The call that closes the client's side in `half-close`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Call {
    /// close(): no more sending and no more reading
    Close,
    /// shutdown(SHUT_WR): no more sending; reading goes on
    Shutdown,
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
    /// The client closes its sending side, the server keeps sending (see --call)
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
                "3-way handshake: SYN → SYN+ACK → ACK. 양쪽이 서로의 ISN을 ACK해야 두 방향의 sequence number가 동기화됩니다."
            }
            Scenario::Close => {
                "4-way close: client가 먼저 닫고(active close) FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT → CLOSED, server는 CLOSE-WAIT → LAST-ACK → CLOSED (passive close)."
            }
            Scenario::ClosePiggyback => {
                "3-segment close: server가 FIN을 받자마자 close()하면 delayed ACK이 FIN에 실려 FIN+ACK 하나로 갑니다. client는 FIN-WAIT-2를 건너뛰고 FIN-WAIT-1 → TIME-WAIT (실제 스택에서 흔한 모양)."
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
                "SYN+ACK이 손실됩니다: client의 SYN과 server의 SYN+ACK 둘 다 ACK을 못 받아 각자 RTO 뒤 재전송합니다."
            }
            Scenario::FinalAckLost => {
                "close의 마지막 ACK이 손실됩니다: server는 LAST-ACK에서 FIN을 재전송하고, TIME-WAIT에 남아 있던 client가 다시 ACK합니다."
            }
            Scenario::ClosedPort => {
                "아무도 listen하지 않는 포트로 SYN: server는 <SEQ=0><ACK=ISN+1><CTL=RST,ACK>로 답하고 client는 \"connection refused\"."
            }
            Scenario::TwoWay => {
                "왜 2-way로는 부족한가. 가상의 2-way handshake(SYN, SYN+ACK만)라면: 네트워크에 늦게 남아 있던 이전 연결의 old duplicate SYN 하나로 server가 바로 연결을 열고 자원을 잡습니다 (client는 요청한 적 없음: half-open). 3-way에서는 세 번째 메시지를 client가 정하므로, 모르는 SYN+ACK에 RST로 답하고 server는 LISTEN으로 돌아갑니다. 이어서 진짜 연결이 열린 뒤 이전 연결의 old duplicate 데이터가 도착합니다: ISN이 무작위면 window 밖이라 버려지고, --isn-client/--isn-server로 ISN을 고정하면(이전 연결도 같은 ISN) window 안에 떨어져 새 연결의 데이터로 받아들여집니다."
            }
            Scenario::HalfClose => {
                "half-close: client가 shutdown(SHUT_WR)으로 FIN을 보내 FIN-WAIT-2에 있는 동안 server는 CLOSE-WAIT에서 데이터를 계속 보내고, client는 그 데이터를 받아 ACK합니다. 그 뒤 server가 닫습니다. --call close로 바꾸면 같은 데이터가 RST를 부릅니다."
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
    call: Call,
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
        // Small defaults, so that ISN+1 reads at a glance.
        let isn_client = args.isn_client.unwrap_or(1_000 + drawn[0] % 4_000);
        let isn_server = args.isn_server.unwrap_or(5_000 + drawn[1] % 5_000);
        // The earlier incarnation of the connection (two-way): a fixed ISN
        // generator gave it the same numbers; a clock-driven one (RFC 6528)
        // numbers anywhere in the 32-bit space.
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
            call: args.call,
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
            Scenario::HalfClose if args.call == Call::Shutdown => {
                plan.hooks = vec![
                    hook(Side::Client, State::Established, 1_000, Event::Shutdown),
                    hook(Side::Server, State::CloseWait, 100, Event::Send(100)),
                    hook(Side::Server, State::CloseWait, 200, Event::Send(100)),
                    hook(Side::Server, State::CloseWait, 400, Event::Close),
                ];
            }
            // After close() the client answers the data with RST (at +150
            // ms it is back at the server); the server's next write finds
            // the connection reset.
            Scenario::HalfClose => {
                plan.hooks = vec![
                    client_closes,
                    hook(Side::Server, State::CloseWait, 100, Event::Send(100)),
                    hook(Side::Server, State::CloseWait, 300, Event::Send(100)),
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
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
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
    let nums = Numbers::of(&args, &plan, &trace);
    let json = to_json(&plan, &args, &trace, effect.as_ref());
    emit_header(out, &plan, &args, nums)?;
    for line in &trace.lines {
        emit_line(out, &plan, nums, line)?;
    }
    emit_summary(out, &plan, &trace, effect.as_ref())?;
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
    /// Segments on the wire with the drop, and without it.
    wire: (u32, u32),
    /// Retransmissions with the drop, and without it.
    retransmissions: (usize, usize),
}

fn retransmissions(trace: &Trace) -> usize {
    trace
        .lines
        .iter()
        .filter(|l| l.rule == Some(Rule::Retransmit))
        .count()
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
        wire: (trace.wire, baseline.wire),
        retransmissions: (retransmissions(trace), retransmissions(baseline)),
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

/// How sequence numbers are shown: absolute, or (`--relative`) as offsets
/// from each side's ISN, as Wireshark shows them.
#[derive(Debug, Clone, Copy)]
struct Numbers {
    relative: bool,
    isn: [u32; 2],
    /// Whether the side sent a SYN of this connection: only then are its
    /// numbers counted from its ISN (a RST from a port without a listener
    /// carries SEQ=0, not a number from any ISN).
    based: [bool; 2],
}

fn ix(side: Side) -> usize {
    match side {
        Side::Client => 0,
        Side::Server => 1,
    }
}

impl Numbers {
    fn of(args: &Args, plan: &Plan, trace: &Trace) -> Numbers {
        let sent_syn = |side: Side| {
            trace
                .lines
                .iter()
                .filter(|l| l.actor == side)
                .flat_map(|l| &l.sent)
                .any(|w| w.seg.ctl.syn && !w.old)
        };
        Numbers {
            relative: args.relative,
            isn: [plan.isn_client, plan.isn_server],
            based: [sent_syn(Side::Client), sent_syn(Side::Server)],
        }
    }

    /// `seg`, sent by `from`, with its numbers as they are shown.
    fn show(&self, from: Side, seg: Segment) -> Segment {
        if !self.relative {
            return seg;
        }
        let mut s = seg;
        if self.based[ix(from)] {
            s.seq = seg.seq.wrapping_sub(self.isn[ix(from)]);
        }
        let to = from.peer();
        if seg.ctl.ack && self.based[ix(to)] {
            s.ack = seg.ack.wrapping_sub(self.isn[ix(to)]);
        }
        s
    }
}

fn segment_text(nums: Numbers, from: Side, w: &Wire) -> String {
    let seg = nums.show(from, w.seg).to_string();
    if w.old { format!("{seg} old") } else { seg }
}

fn tag(kind: &Kind) -> String {
    match kind {
        Kind::Call(Event::PassiveOpen) => "listen()".into(),
        Kind::Call(Event::ActiveOpen) => "connect()".into(),
        Kind::Call(Event::Close) => "close()".into(),
        Kind::Call(Event::Shutdown) => "shutdown(SHUT_WR)".into(),
        Kind::Call(Event::Send(n)) => format!("write() {n} bytes"),
        Kind::Call(_) => "call".into(),
        Kind::Arrival(seg, _) => format!("{} arrives", seg.ctl.names().join("+")),
        Kind::Timer(Timer::Retransmit) => "RTO fired".into(),
        Kind::Timer(Timer::TimeWait) => "2MSL expired".into(),
        Kind::Timer(Timer::DelayedAck) => "delayed-ACK timer".into(),
        Kind::OldDuplicate => "old duplicate".into(),
    }
}

/// What happened and why, in Korean with the English terms, ending with the
/// rule's source; then whether the segment sent was lost.
fn explain(plan: &Plan, nums: Numbers, line: &Line) -> Vec<String> {
    let two_msl = duration(plan.msl_secs * 2_000);
    let sent = line.sent.first().map(|w| nums.show(line.actor, w.seg));
    let arrived = match line.kind {
        Kind::Arrival(seg, _) => Some(nums.show(line.actor.peer(), seg)),
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
            "이전 연결의 old duplicate {what}: 네트워크에 늦게까지 남아 있던 segment가 이제 server에 도착합니다 (지금의 client는 보낸 적 없음)."
        )];
    };
    use Rule::*;
    let text: String = match rule {
        PassiveOpen => "passive OPEN: server가 listen()으로 포트를 열고 LISTEN에서 SYN을 기다립니다.".into(),
        ActiveOpen => format!(
            "active OPEN: connect()가 SYN을 보내고 SYN-SENT로 들어갑니다 (ISN = {}). SYN은 sequence number 하나를 씁니다: SND.NXT = ISS+1 = {}.",
            s.seq,
            s.seq.wrapping_add(1)
        ),
        CallError(_) if matches!(line.kind, Kind::Call(Event::Send(_))) && line.before == State::Closed => {
            "연결이 RST로 이미 끊겼습니다: write()는 EPIPE로 실패하고 프로세스는 SIGPIPE를 받습니다 (Linux는 CLOSE-WAIT에서 RST를 받으면 소켓 오류를 EPIPE로 둡니다).".into()
        }
        CallError(msg) => format!("이 상태({})에서는 할 수 없는 호출: \"{msg}\".", line.before),
        CloseDeletes => "CLOSE: 아직 연결이 없으므로 TCB를 지우고 CLOSED로 갑니다.".into(),
        CloseSendsFin if matches!(line.kind, Kind::Call(Event::Shutdown)) => format!(
            "shutdown(SHUT_WR): 보내는 쪽만 닫습니다. 더 보낼 데이터가 없다는 FIN을 보내고 {state}로 (SEQ = {}). 받는 쪽은 열려 있어 상대의 데이터를 계속 읽고 ACK합니다.",
            s.seq
        ),
        CloseSendsFin => format!(
            "close(): 더 보낼 데이터가 없다는 FIN을 보내고 {state}로 갑니다 (active close, SEQ = {}). FIN도 sequence number 하나를 씁니다. close()는 읽기도 끝내므로, 이제 도착하는 데이터에는 RST로 답합니다.",
            s.seq
        ),
        CloseFromCloseWait => {
            let piggy = if plan.server_delayed_ack {
                format!(" 미뤄 둔 ACK이 이 FIN에 실려 갑니다 (piggyback, ACK = {}): 3-segment close.", s.ack)
            } else {
                String::new()
            };
            format!(
                "server 애플리케이션도 close(): FIN을 보내고 LAST-ACK에서 이 FIN의 ACK을 기다립니다.{piggy}"
            )
        }
        SendData => {
            let half = if line.before == State::CloseWait {
                " 상대가 FIN을 보냈어도 CLOSE-WAIT에서는 계속 보낼 수 있습니다 (half-close)."
            } else {
                ""
            };
            format!("write(): 데이터 {} bytes를 보냅니다 (SEQ = {}).{half}", s.len, s.seq)
        }
        ClosedDiscardsRst => "CLOSED에 온 RST는 그냥 버립니다 (RST에는 RST로 답하지 않음).".into(),
        ClosedResets if a.ctl.ack => format!(
            "{}는 CLOSED라 이 연결을 모릅니다: SEG.ACK를 SEQ로 쓴 RST를 보내 \"그런 연결 없음\"을 알립니다 (<SEQ={}><CTL=RST>).",
            line.actor.name(),
            a.ack
        ),
        ClosedResets => format!(
            "이 포트는 CLOSED(listener 없음): ACK 없는 segment에는 <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>로 답합니다 (ACK = {}).",
            s.ack
        ),
        ListenIgnoresRst => "LISTEN에서 RST는 무시합니다.".into(),
        ListenResetsAck => "LISTEN에 ACK이 든 segment는 올 수 없는 것: <SEQ=SEG.ACK><CTL=RST>로 답합니다.".into(),
        ListenSyn => {
            let old = if matches!(line.kind, Kind::Arrival(_, true)) {
                " server는 이 SYN이 old duplicate인지 알 수 없습니다: 2-way였다면 여기서 바로 연결이 열렸을 것."
            } else {
                ""
            };
            format!(
                "SYN 수신: IRS = {}, RCV.NXT = {}. 자기 ISN으로 SYN+ACK을 보내고 SYN-RECEIVED로 갑니다 (ISS = {}; ACK = {}: \"SYN 받았음\").{old}",
                a.seq,
                a.seq.wrapping_add(1),
                s.seq,
                s.ack
            )
        }
        ListenDrops => "LISTEN에서 SYN이 아닌 segment는 버립니다.".into(),
        SynSentBadAck => format!(
            "SYN-SENT인데 이 ACK은 내 SYN에 대한 것이 아닙니다 (ACK = {}): 이전 연결의 것이므로 <SEQ=SEG.ACK><CTL=RST>로 거절합니다.",
            a.ack
        ),
        SynSentBadAckRst => "틀린 ACK에 RST까지 있어 그냥 버립니다.".into(),
        SynSentRefused => "RST+ACK 수신: 상대 포트에 listener가 없습니다. SYN-SENT → CLOSED, connect()는 \"connection refused\"(ECONNREFUSED)로 실패합니다.".into(),
        SynSentDropsRst => "ACK 없는 RST는 SYN-SENT에서 버립니다.".into(),
        SynSentDrops => format!(
            "SYN-SENT에서 SYN도 RST도 없는 segment는 버립니다 (ACK = {}): 기다리는 것은 상대의 SYN입니다.",
            a.ack
        ),
        SynSentSynAck => format!(
            "SYN+ACK 수신: 내 SYN이 확인되었고 (ACK = {}) 상대 ISN도 알게 되었습니다 (IRS = {}). ESTABLISHED로 가며 세 번째 segment인 ACK을 보냅니다 (ACK = {}).",
            a.ack,
            a.seq,
            s.ack
        ),
        SynSentSyn => format!(
            "SYN-SENT에서 ACK 없는 SYN 수신 = simultaneous open: SYN-RECEIVED로 가며 내 SYN을 SYN+ACK으로 다시 보냅니다 (SEQ = ISS = {}, ACK = {}).",
            s.seq, s.ack
        ),
        SimultaneousSynAck => "상대 SYN+ACK의 SYN은 이미 받은 것이고 ACK은 내 SYN을 확인합니다: SYN-RECEIVED → ESTABLISHED. 양쪽 모두 따로 ACK을 보낼 필요가 없습니다.".into(),
        TimeWaitFinAgain => format!(
            "TIME-WAIT에서 재전송된 FIN 수신: 내 마지막 ACK이 사라졌다는 뜻. ACK을 다시 보내고 2MSL 타이머를 처음부터 다시 잽니다 ({two_msl} 뒤, {}).",
            secs(line.t + plan.msl_secs * 2_000)
        ),
        FinAgain => "이미 받은 FIN이 다시 왔습니다: ACK을 다시 보냅니다.".into(),
        Unacceptable if a.ctl.syn && line.before == State::SynReceived => format!(
            "재전송된 SYN은 이미 받은 것이라 receive window 밖입니다 (SEQ = {}): RFC대로 ACK만 보냅니다 (<SEQ=SND.NXT><ACK=RCV.NXT>). Linux는 이때 SYN+ACK을 바로 재전송합니다.",
            a.seq
        ),
        Unacceptable | AckAhead if sent.is_none() => format!(
            "답할 ACK은 보내지 않습니다: {}ms 안에 이미 한 번 답했습니다 (window 밖 segment의 ACK loop 방지, RFC 5961 7, Linux tcp_invalid_ratelimit).",
            super::tcp::INVALID_ACK_RATELIMIT_MS
        ),
        Unacceptable => format!(
            "receive window 밖의 segment입니다 (SEQ = {}, window는 RCV.NXT = {}부터): 받지 않고 현재 위치를 알리는 ACK을 보냅니다.",
            a.seq, s.ack
        ),
        UnacceptableRst => "window 밖의 RST는 조용히 버립니다 (blind reset 방어).".into(),
        RstToListen => "RST 수신: passive OPEN에서 온 SYN-RECEIVED라 half-open 연결을 버리고 LISTEN으로 돌아갑니다. 잡았던 자원(TCB)도 풀립니다.".into(),
        RstRefused => "RST 수신: active OPEN에서 온 SYN-RECEIVED라 CLOSED로 (\"connection refused\").".into(),
        Reset if line.before == State::CloseWait => "RST 수신(SEQ = RCV.NXT): \"connection reset\", CLOSED로 갑니다. 상대가 close()한 소켓에 데이터를 보낸 결과이고, 이 소켓의 다음 write()는 EPIPE입니다.".into(),
        Reset => "RST 수신(SEQ = RCV.NXT): \"connection reset\", CLOSED로 갑니다.".into(),
        ChallengeRst => "RST가 window 안이지만 RCV.NXT와 같지 않음: 끊지 않고 challenge ACK을 보냅니다.".into(),
        ChallengeSyn => "연결된 상태에서 SYN 수신: 끊지 않고 challenge ACK을 보냅니다.".into(),
        NoAck => "ACK bit가 없는 segment는 버립니다.".into(),
        SynReceivedBadAck => "SYN-RECEIVED에서 받아들일 수 없는 ACK: <SEQ=SEG.ACK><CTL=RST>로 답합니다.".into(),
        AckAhead => format!(
            "보낸 적 없는 데이터에 대한 ACK입니다 (ACK = {} > SND.NXT): 버리고 현재 위치를 알리는 ACK을 보냅니다.",
            a.ack
        ),
        OutOfOrder => format!(
            "순서가 어긋난 데이터입니다 (SEQ = {}, 기다리는 RCV.NXT = {}). window 안이므로 버리지 않고 보관하고, 빈 곳을 알리는 duplicate ACK을 곧바로 보냅니다 (RFC 5681 4.2; Linux는 SACK block도 붙입니다).",
            a.seq, s.ack
        ),
        DataAfterClose => "close()한 소켓에 데이터가 왔습니다: 읽을 애플리케이션이 없으니 데이터가 버려졌음을 RST로 알리고 CLOSED로 갑니다 (Linux: TCPAbortOnData). shutdown(SHUT_WR)이었다면 받아서 ACK했을 것입니다.".into(),
        SynReceivedAck => format!(
            "세 번째 segment인 ACK 수신 (ACK = {} = ISS+1): SYN-RECEIVED → ESTABLISHED. 이제 양쪽 ISN이 모두 확인되었습니다.",
            a.ack
        ),
        SynReceivedAckFin => "ACK이 내 SYN을 확인해 ESTABLISHED, 같은 segment의 FIN으로 곧바로 CLOSE-WAIT. FIN을 ACK합니다.".into(),
        EstablishedFin if sent.is_none() => format!(
            "FIN 수신: 상대는 더 보낼 것이 없습니다. CLOSE-WAIT로 갑니다. ACK은 delayed ACK으로 잠시 미룹니다 (ACK = {}; 애플리케이션이 곧 close()하면 FIN에 실어 보내려고).",
            a.seq.wrapping_add(a.len).wrapping_add(1)
        ),
        EstablishedFin => format!(
            "FIN 수신: 상대는 더 보낼 데이터가 없습니다. CLOSE-WAIT로 가며 FIN을 ACK합니다 (ACK = {}: FIN이 sequence number 하나를 씀). 애플리케이션은 read()에서 EOF를 봅니다.",
            s.ack
        ),
        FinWait1FinAcked => format!(
            "FIN+ACK 수신: 상대 FIN이 내 FIN도 ACK합니다 (ACK = {}). FIN-WAIT-2를 건너뛰고 TIME-WAIT로 가서 마지막 ACK을 보내고 2MSL({two_msl}) 타이머를 시작합니다.",
            a.ack
        ),
        FinWait1Fin => "내 FIN이 ACK되기 전에 상대 FIN 수신 = simultaneous close: CLOSING으로 가며 FIN을 ACK합니다.".into(),
        FinWait1Acked => "내 FIN이 ACK됨: FIN-WAIT-2로. 이제 상대 FIN을 기다립니다 (상대는 아직 데이터를 보낼 수 있음).".into(),
        FinWait2Fin => format!(
            "상대 FIN 수신: TIME-WAIT로 가며 마지막 ACK을 보내고 (ACK = {}) 2MSL({two_msl}) 타이머를 시작합니다.",
            s.ack
        ),
        ClosingAcked => format!("CLOSING에서 내 FIN의 ACK 수신: TIME-WAIT로, 2MSL({two_msl}) 타이머 시작."),
        LastAckAcked => "마지막 ACK 수신: LAST-ACK → CLOSED, TCB를 지웁니다. passive closer는 TIME-WAIT를 거치지 않습니다.".into(),
        Data => {
            let old = if matches!(line.kind, Kind::Arrival(_, true)) {
                " ✗ old duplicate가 window 안(SEQ = RCV.NXT)에 떨어져 새 연결의 데이터로 받아들여졌습니다: ISN을 고정하면 생기는 일."
            } else if line.before == State::FinWait2 {
                " FIN-WAIT-2에서도 데이터는 계속 받습니다 (half-close)."
            } else {
                ""
            };
            format!(
                "데이터 {} bytes 수신: ACK합니다 (RCV.NXT는 이제 {}; 보관해 둔 순서 밖 데이터가 있었다면 그것까지).{old}",
                a.len, s.ack
            )
        }
        Ack => "ACK 수신: 상태 변화 없음.".into(),
        TimeWaitExpired => "2MSL 타이머 만료: TIME-WAIT → CLOSED. 이제 같은 4-tuple로 새 연결을 열어도 안전합니다.".into(),
        Retransmit => format!(
            "RTO {} 만료: ACK이 오지 않아 같은 segment를 재전송합니다 (SEQ = {}). RTO는 두 배가 되어 {}입니다 (exponential backoff, RFC 6298 5.5); 다음 만료 예정 시각은 {}. 이 segment의 ACK이 와도 RTO는 줄이지 않습니다 (Karn's rule, RFC 6298 3, 5).",
            duration(line.rto_before),
            s.seq,
            duration(line.rto_after),
            secs(line.t + line.rto_after)
        ),
        DelayedAck => "delayed ACK 타이머 만료: 실어 보낼 segment가 없어 ACK만 보냅니다.".into(),
        NothingToDo => "할 일이 없습니다.".into(),
    };
    let section = match (rule, line.kind) {
        (CallError(_), Kind::Call(Event::Send(_))) => "RFC 9293 3.10.2",
        _ => rule.section(),
    };
    let mut notes = vec![format!("{text} [{section}]")];
    if let Some(w) = line.sent.iter().find(|w| w.lost) {
        notes.push(format!(
            "✗ 이 segment는 네트워크에서 사라집니다 (선에 올라간 {}번째, lost).",
            w.no
        ));
    }
    notes
}

fn emit_header(
    out: &mut Emitter<'_>,
    plan: &Plan,
    args: &Args,
    nums: Numbers,
) -> Result<(), SimError> {
    let title = match plan.scenario {
        Scenario::HalfClose => format!(
            "TCP 연결 설정과 해제 (RFC 9293): half-close --call {}",
            match plan.call {
                Call::Close => "close",
                Call::Shutdown => "shutdown",
            }
        ),
        s => format!("TCP 연결 설정과 해제 (RFC 9293): {}", s.name()),
    };
    out.title(title)?;
    let intro = match (plan.scenario, plan.call) {
        (Scenario::HalfClose, Call::Close) => {
            "half-close를 close()로 하면: client가 close()로 FIN을 보내 FIN-WAIT-2에 있는 동안 server가 CLOSE-WAIT에서 데이터를 보냅니다. close()한 소켓은 더 읽지 않으므로 Linux는 그 데이터에 RST로 답하고, server의 다음 write()는 EPIPE로 실패합니다. --call shutdown과 비교해 보세요."
        }
        (s, _) => s.intro(),
    };
    out.text(intro)?;
    let isn = |flag: Option<u32>| {
        if flag.is_some() {
            "지정"
        } else {
            "seed에서"
        }
    };
    out.note(
        "ISN",
        format!(
            "client {} ({}), server {} ({}), --seed {}",
            plan.isn_client,
            isn(args.isn_client),
            plan.isn_server,
            isn(args.isn_server),
            args.common.seed
        ),
    )?;
    if nums.relative {
        out.note(
            "번호",
            "--relative: SEQ와 ACK을 각 쪽 ISN에서 센 상대값으로 보입니다 (Wireshark처럼; SYN은 0, 첫 데이터 byte는 1). JSON은 절대값입니다.",
        )?;
    }
    out.note(
        "채널",
        format!(
            "단방향 {ONE_WAY_MS}ms (RTT {}ms), 초기 RTO {} (RFC 6298), MSL {} → TIME-WAIT 2×MSL = {}",
            2 * ONE_WAY_MS,
            duration(super::tcp::INITIAL_RTO_MS),
            duration(plan.msl_secs * 1_000),
            duration(plan.msl_secs * 2_000)
        ),
    )?;
    if !plan.drops.is_empty() || args.drop.is_some() {
        let mut all = plan.drops.clone();
        all.extend(args.drop);
        let list: Vec<String> = all.iter().map(|k| format!("#{k}")).collect();
        out.note(
            "손실",
            format!(
                "선에 올라간 segment {} (재전송 포함, 1부터 셈)",
                list.join(", ")
            ),
        )?;
    }
    out.lanes_with_states(["client", "server"])
}

/// One event of the run: a row per segment it sent (or one mark when it
/// sent none, or a timer fired), each lane's state beside it, the
/// explanation under the last row.
fn emit_line(
    out: &mut Emitter<'_>,
    plan: &Plan,
    nums: Numbers,
    line: &Line,
) -> Result<(), SimError> {
    let states = [
        Some(line.client.name().to_string()),
        Some(line.server.name().to_string()),
    ];
    let t = line.t as f64;
    let actor = ix(line.actor);
    let mut rows = Vec::new();
    if line.sent.is_empty() || matches!(line.kind, Kind::Timer(_)) {
        rows.push(TraceEvent::action(t, actor, tag(&line.kind)));
    }
    for w in &line.sent {
        let ev = TraceEvent::message(
            t,
            actor,
            ix(line.actor.peer()),
            segment_text(nums, line.actor, w),
        );
        rows.push(if w.lost { ev.lost() } else { ev });
    }
    let n = rows.len();
    let notes = explain(plan, nums, line);
    for (i, row) in rows.into_iter().enumerate() {
        let mut row = row.states(states.clone());
        if i + 1 == n {
            for note in &notes {
                row = row.note(note.clone());
            }
        }
        out.event(row)?;
    }
    Ok(())
}

/// The names `ss` and `netstat` print for a state (`ss -tan`, `netstat -tan`).
fn tool_names(state: State) -> (&'static str, &'static str) {
    match state {
        State::Closed => ("UNCONN", "CLOSE"),
        State::Listen => ("LISTEN", "LISTEN"),
        State::SynSent => ("SYN-SENT", "SYN_SENT"),
        State::SynReceived => ("SYN-RECV", "SYN_RECV"),
        State::Established => ("ESTAB", "ESTABLISHED"),
        State::FinWait1 => ("FIN-WAIT-1", "FIN_WAIT1"),
        State::FinWait2 => ("FIN-WAIT-2", "FIN_WAIT2"),
        State::CloseWait => ("CLOSE-WAIT", "CLOSE_WAIT"),
        State::Closing => ("CLOSING", "CLOSING"),
        State::LastAck => ("LAST-ACK", "LAST_ACK"),
        State::TimeWait => ("TIME-WAIT", "TIME_WAIT"),
    }
}

/// SYN retransmission times (seconds after the first SYN) by RFC 6298 and
/// by Linux, old and new, for `n` retransmissions.
fn syn_schedule() -> Table {
    let mut t = Table::new(["재전송", "RFC 6298", "Linux 6.x (linear)", "예전 Linux"])
        .titled("SYN 재전송 시각 (첫 SYN부터, 초): 이 시뮬레이션은 RFC 6298을 따릅니다");
    // RFC 6298: RTO 1 s, doubled on each expiry: 1, 3, 7, 15, 31, 63.
    // Linux with linear timeouts: RTOs 1,1,1,1,1 then 2, 4, ...: 1..5, 7.
    let (mut rfc, mut rto) = (0, 1);
    let (mut linear, mut lrto) = (0, 1);
    for n in 1..=6u32 {
        rfc += rto;
        rto *= 2;
        linear += lrto;
        if n >= 5 {
            lrto *= 2;
        }
        t.row([
            format!("{n}"),
            format!("+{rfc}s"),
            format!("+{linear}s"),
            format!("+{rfc}s"),
        ]);
    }
    t.row([
        "포기".to_string(),
        "3분 이상 (RFC 9293 R2)".to_string(),
        format!("+{}s (tcp_syn_retries=6)", linear + lrto),
        format!("+{}s (tcp_syn_retries=6)", rfc + rto),
    ]);
    t
}

fn emit_summary(
    out: &mut Emitter<'_>,
    plan: &Plan,
    trace: &Trace,
    effect: Option<&DropEffect>,
) -> Result<(), SimError> {
    out.heading("결과")?;
    out.text(format!(
        "client {}, server {}. 걸린 시간 {}, 선에 올라간 segment {}개 (재전송 {}개).",
        trace.client,
        trace.server,
        secs(trace.end_ms()),
        trace.wire,
        retransmissions(trace)
    ))?;
    out.heading("상태 전이 (state transitions)")?;
    for side in [Side::Client, Side::Server] {
        out.note(side.name(), path_text(&trace.path(side)))?;
        let mut t = Table::new(["time", "전이", "원인", "RFC"]);
        for tr in trace.transitions.iter().filter(|t| t.side == side) {
            t.row([
                secs(tr.t_ms),
                format!("{} → {}", tr.from, tr.to),
                tr.rule.cause().to_string(),
                tr.rule.section().to_string(),
            ]);
        }
        out.table(t)?;
    }
    let mut visited: Vec<State> = trace
        .transitions
        .iter()
        .flat_map(|t| [t.from, t.to])
        .collect();
    visited.sort();
    visited.dedup();
    let mut names = Table::new(["RFC 9293", "ss -tan", "netstat -tan"])
        .titled("이 실행의 상태를 도구는 이렇게 씁니다");
    for s in visited {
        let (ss, netstat) = tool_names(s);
        names.row([s.name(), ss, netstat]);
    }
    out.table(names)?;
    out.heading("참고")?;

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
        out.text(format!(
            "• 재전송 타이머: {}. 초기 RTO 1s (RFC 6298 2.1), 만료마다 두 배 (exponential backoff, 5.5), 재전송한 segment의 ACK은 RTT 표본이 아니라 RTO를 되돌리지 않습니다 (Karn's rule, 3과 5). 데이터에서 Linux는 RTO 하한으로 RFC의 1s 대신 tcp_rto_min = 200ms를 씁니다.",
            retransmits.join(", ")
        ))?;
        let syn = trace.lines.iter().any(|l| {
            l.rule == Some(Rule::Retransmit)
                && l.sent.iter().any(|w| w.seg.ctl.syn && !w.seg.ctl.ack)
        });
        let synack = trace.lines.iter().any(|l| {
            l.rule == Some(Rule::Retransmit)
                && l.sent.iter().any(|w| w.seg.ctl.syn && w.seg.ctl.ack)
        });
        if syn {
            out.table(syn_schedule())?;
            out.text("• tcp_syn_linear_timeouts가 있는 최근 커널(Linux 6.x, 기본값 4)은 SYN을 1초 간격으로 재전송한 뒤에야 두 배로 늘립니다. 그 전의 커널은 1s부터 두 배씩 늘려 tcp_syn_retries=6번 재전송하고 약 127s 뒤 포기합니다. `sysctl net.ipv4.tcp_syn_linear_timeouts`로 어느 쪽인지 확인할 수 있습니다.")?;
        }
        if synack {
            out.text("• SYN+ACK의 재전송은 Linux에서 tcp_synack_retries(기본 5번)를 따르고 1s부터 두 배씩 늘어납니다; linear timeout은 SYN을 보내는 쪽에만 적용됩니다.")?;
        }
    }
    if plan.scenario.closes() {
        out.text(format!(
            "• {} RFC 9293: MSL 2분 → 2×MSL = 4분 (이 실행: --msl {} → {}). Linux의 TIME-WAIT는 {LINUX_TIME_WAIT_SECS}s 고정입니다 (TCP_TIMEWAIT_LEN, `ss -tan state time-wait`로 보임).",
            if plan.scenario == Scenario::SimultaneousClose {
                "동시에 닫으면 양쪽 모두 active closer라 둘 다 TIME-WAIT를 거칩니다."
            } else {
                "TIME-WAIT는 먼저 닫은 쪽(active closer)만 거칩니다."
            },
            plan.msl_secs,
            duration(plan.msl_secs * 2_000)
        ))?;
    }
    match plan.scenario {
        Scenario::FinalAckLost => out.text(
            "• TIME-WAIT가 있는 이유: (1) 마지막 ACK이 사라지면 상대가 FIN을 재전송합니다. 그때 ACK을 다시 보내 줄 TCB가 남아 있어야 합니다 (이미 CLOSED라면 RST가 가서 상대는 오류로 끝남). (2) 같은 4-tuple의 다음 연결이 이 연결의 지연된 old duplicate를 받지 않도록, 2MSL 동안 기다려 네트워크에서 사라지게 합니다.",
        )?,
        Scenario::ClosedPort => out.text(
            "• listener가 없는 포트: RST+ACK을 받은 connect()는 ECONNREFUSED. (방화벽이 SYN을 조용히 버리면 RST 대신 RTO 재전송 끝에 timeout.)",
        )?,
        Scenario::TwoWay => {
            let accepted = trace.lines.iter().any(|l| {
                l.rule == Some(Rule::Data) && matches!(l.kind, Kind::Arrival(_, true))
            });
            out.text(if accepted {
                format!(
                    "• ✗ old duplicate 데이터가 새 연결에 섞였습니다 (server가 받은 데이터는 {} bytes, client는 보낸 적 없음). ISN이 고정되었거나 예측 가능하면 이전 연결의 번호가 새 연결의 window에 떨어집니다: 그래서 ISN은 예측할 수 없게 고릅니다 (RFC 6528).",
                    trace.server_delivered
                )
            } else {
                "• old duplicate 데이터는 window 밖이라 버려졌습니다: 이전 연결의 ISN은 시간이 지나 전혀 다른 값이었고 (RFC 6528), 그 번호는 새 연결의 window에 떨어지지 않습니다. --isn-client N --isn-server M으로 ISN을 고정하면(이전 연결도 같은 ISN) 어떻게 되는지 보세요.".into()
            })?;
        }
        Scenario::SimultaneousOpen => out.text(
            "• simultaneous open은 드물지만 RFC가 요구합니다 (MUST-10). 연결은 하나, segment는 4개입니다.",
        )?,
        Scenario::HalfClose if plan.call == Call::Close => out.text(
            "• close()와 shutdown(SHUT_WR)은 같은 FIN을 보내지만, close()한 쪽은 읽기도 끝냅니다. 그 뒤 도착하는 데이터는 RST를 부르고 (RFC 1122 4.2.2.13), 보낸 쪽은 ECONNRESET/EPIPE를 봅니다. 받을 데이터가 남았다면 shutdown(SHUT_WR) 뒤 EOF까지 읽고 close()합니다.",
        )?,
        Scenario::HalfClose => out.text(
            "• shutdown(SHUT_WR)은 보내는 방향만 닫습니다: client는 FIN-WAIT-2에서도 server의 데이터를 받아 ACK합니다. --call close로 바꾸면 같은 데이터가 RST를 부릅니다.",
        )?,
        _ => {}
    }
    if let Some(e) = effect {
        let what = e.seg.map_or(String::new(), |s| format!(" ({s})"));
        let timing = match e.delay_ms {
            0 => "끝나는 시각은 손실이 없을 때와 같습니다".to_string(),
            d if d > 0 => format!("손실이 없을 때보다 {} 늦게 끝납니다", duration(d as u64)),
            d => format!(
                "손실이 없을 때보다 {} 일찍 끝납니다",
                duration(d.unsigned_abs())
            ),
        };
        let counts = format!(
            "선에 올라간 segment는 {}개 (손실 없이 {}개), 그중 재전송 {}개 (손실 없이 {}개)",
            e.wire.0, e.wire.1, e.retransmissions.0, e.retransmissions.1
        );
        let mut text = if e.changed.is_empty() {
            format!(
                "• --drop {}: {}번째 segment가 사라져도{what} 상태 경로는 같습니다. {timing}; {counts}.",
                e.k, e.k
            )
        } else {
            format!(
                "• --drop {}: {}번째 segment가 사라지자{what} 상태 경로가 달라졌습니다. {timing}; {counts}.",
                e.k, e.k
            )
        };
        for (side, now, before) in &e.changed {
            text += &format!(
                "\n{}: {} (손실 없이: {})",
                side.name(),
                path_text(now),
                path_text(before)
            );
        }
        out.text(text)?;
    }
    Ok(())
}

fn to_json(plan: &Plan, args: &Args, trace: &Trace, effect: Option<&DropEffect>) -> Value {
    let nums = Numbers {
        relative: false,
        isn: [plan.isn_client, plan.isn_server],
        based: [true, true],
    };
    let mut events = Vec::new();
    for line in &trace.lines {
        let notes = explain(plan, nums, line).join("\n");
        let received = match line.kind {
            Kind::Arrival(seg, old) => json!({
                "from": line.actor.peer().name(),
                "seq": seg.seq,
                "ack": if seg.ctl.ack { json!(seg.ack) } else { Value::Null },
                "flags": seg.ctl.names(),
                "len": seg.len,
                "old_duplicate": old,
                "segment": seg.to_string(),
            }),
            _ => Value::Null,
        };
        let base = |from: Side| {
            json!({
                "time_ms": line.t,
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
                "received": received,
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
            e["segment"] = Value::Null;
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
            let (ss, netstat) = tool_names(t.to);
            json!({
                "time_ms": t.t_ms,
                "t_ms": t.t_ms,
                "endpoint": t.side.name(),
                "from": t.from.name(),
                "to": t.to.name(),
                "to_ss": ss,
                "to_netstat": netstat,
                "cause": t.rule.cause(),
                "rfc": t.rule.section(),
            })
        })
        .collect();
    json!({
        "scenario": plan.scenario.name(),
        "call": (plan.scenario == Scenario::HalfClose).then_some(match plan.call {
            Call::Close => "close",
            Call::Shutdown => "shutdown",
        }),
        "seed": args.common.seed,
        "isn_client": plan.isn_client,
        "isn_server": plan.isn_server,
        "relative": args.relative,
        "msl_secs": plan.msl_secs,
        "one_way_delay_ms": ONE_WAY_MS,
        "drop": args.drop,
        "segments_on_wire": trace.wire,
        "retransmissions": retransmissions(trace),
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
            "segments_on_wire": e.wire.0,
            "segments_on_wire_without_drop": e.wire.1,
            "retransmissions": e.retransmissions.0,
            "retransmissions_without_drop": e.retransmissions.1,
        })),
    })
}
