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
    about = crate::tr!("demo-handshake-about"),
    allow_negative_numbers = true,
    after_help = format!(
        "{}\n  synack demo handshake --scenario close --relative\n  synack demo handshake --scenario syn-lost\n  synack demo handshake --scenario half-close --call close\n  synack demo handshake --scenario close --drop 5",
        crate::tr!("demo-handshake-examples")
    )
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Scenario::Open,
          help = crate::tr!("demo-handshake-opt-scenario"))]
    scenario: Scenario,
    #[arg(long, value_name = "N", help = crate::tr!("demo-handshake-opt-isn-client"))]
    isn_client: Option<u32>,
    #[arg(long, value_name = "N", help = crate::tr!("demo-handshake-opt-isn-server"))]
    isn_server: Option<u32>,
    #[arg(long, help = crate::tr!("demo-handshake-opt-relative"))]
    relative: bool,
    #[arg(long, value_enum, default_value_t = Call::Shutdown,
          help = crate::tr!("demo-handshake-opt-call"))]
    call: Call,
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..),
          help = crate::tr!("demo-handshake-opt-drop"))]
    drop: Option<u32>,
    #[arg(long, value_name = "SECONDS", default_value_t = 120,
          value_parser = clap::value_parser!(u64).range(1..=86_400),
          help = crate::tr!("demo-handshake-opt-msl"))]
    msl: u64,
    #[command(flatten)]
    common: Common,
}

/// The call that closes the client's side in `half-close`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Call {
    #[value(help = crate::tr!("demo-handshake-call-close"))]
    Close,
    #[value(help = crate::tr!("demo-handshake-call-shutdown"))]
    Shutdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    #[value(help = crate::tr!("demo-handshake-scenario-open"))]
    Open,
    #[value(help = crate::tr!("demo-handshake-scenario-close"))]
    Close,
    #[value(help = crate::tr!("demo-handshake-scenario-close-piggyback"))]
    ClosePiggyback,
    #[value(help = crate::tr!("demo-handshake-scenario-simultaneous-open"))]
    SimultaneousOpen,
    #[value(help = crate::tr!("demo-handshake-scenario-simultaneous-close"))]
    SimultaneousClose,
    #[value(help = crate::tr!("demo-handshake-scenario-syn-lost"))]
    SynLost,
    #[value(help = crate::tr!("demo-handshake-scenario-synack-lost"))]
    SynackLost,
    #[value(help = crate::tr!("demo-handshake-scenario-final-ack-lost"))]
    FinalAckLost,
    #[value(help = crate::tr!("demo-handshake-scenario-closed-port"))]
    ClosedPort,
    #[value(help = crate::tr!("demo-handshake-scenario-two-way"))]
    TwoWay,
    #[value(help = crate::tr!("demo-handshake-scenario-half-close"))]
    HalfClose,
}

impl Scenario {
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// What the scenario shows, for the header.
    fn intro(self) -> String {
        match self {
            Scenario::Open => crate::tr!("demo-handshake-intro-open"),
            Scenario::Close => crate::tr!("demo-handshake-intro-close"),
            Scenario::ClosePiggyback => crate::tr!("demo-handshake-intro-close-piggyback"),
            Scenario::SimultaneousOpen => crate::tr!("demo-handshake-intro-simultaneous-open"),
            Scenario::SimultaneousClose => crate::tr!("demo-handshake-intro-simultaneous-close"),
            Scenario::SynLost => crate::tr!("demo-handshake-intro-syn-lost"),
            Scenario::SynackLost => crate::tr!("demo-handshake-intro-synack-lost"),
            Scenario::FinalAckLost => crate::tr!("demo-handshake-intro-final-ack-lost"),
            Scenario::ClosedPort => crate::tr!("demo-handshake-intro-closed-port"),
            Scenario::TwoWay => crate::tr!("demo-handshake-intro-two-way"),
            Scenario::HalfClose => crate::tr!("demo-handshake-intro-half-close"),
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
                return Err(SimError::Invalid(crate::tr!(
                    "demo-handshake-err-not-settled",
                    count = MAX_EVENTS
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
                    crate::tr!(
                        "demo-handshake-err-drop-too-far",
                        k = k,
                        scenario = plan.scenario.name(),
                        wire = trace.wire
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
        ms if ms % 60_000 == 0 && ms >= 60_000 => {
            crate::tr!("demo-handshake-minutes", n = ms / 60_000)
        }
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

/// [`tag`] as the diagram shows it, in the current language (the JSON's
/// `event` keeps the English tag, which tools read).
fn tag_text(kind: &Kind) -> String {
    match kind {
        Kind::Arrival(seg, _) => crate::tr!(
            "demo-handshake-tag-arrives",
            flags = seg.ctl.names().join("+")
        ),
        Kind::Timer(Timer::Retransmit) => crate::tr!("demo-handshake-tag-rto-fired"),
        Kind::Timer(Timer::TimeWait) => crate::tr!("demo-handshake-tag-2msl-expired"),
        Kind::Timer(Timer::DelayedAck) => crate::tr!("demo-handshake-tag-delayed-ack"),
        Kind::Call(Event::Send(n)) => crate::tr!("demo-handshake-tag-write", n = *n),
        _ => tag(kind),
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
        return vec![if s.len > 0 {
            crate::tr!("demo-handshake-old-duplicate-data")
        } else {
            crate::tr!("demo-handshake-old-duplicate-syn")
        }];
    };
    use Rule::*;
    let text: String = match rule {
        PassiveOpen => crate::tr!("demo-handshake-passive-open"),
        ActiveOpen => crate::tr!(
            "demo-handshake-active-open",
            isn = s.seq,
            next = s.seq.wrapping_add(1)
        ),
        CallError(_)
            if matches!(line.kind, Kind::Call(Event::Send(_))) && line.before == State::Closed =>
        {
            crate::tr!("demo-handshake-write-after-reset")
        }
        CallError(msg) => crate::tr!(
            "demo-handshake-call-error",
            state = line.before.to_string(),
            msg = msg
        ),
        CloseDeletes => crate::tr!("demo-handshake-close-deletes"),
        CloseSendsFin if matches!(line.kind, Kind::Call(Event::Shutdown)) => crate::tr!(
            "demo-handshake-shutdown-fin",
            state = state.to_string(),
            seq = s.seq
        ),
        CloseSendsFin => crate::tr!(
            "demo-handshake-close-fin",
            state = state.to_string(),
            seq = s.seq
        ),
        CloseFromCloseWait => {
            let text = crate::tr!("demo-handshake-close-from-close-wait");
            if plan.server_delayed_ack {
                format!(
                    "{text} {}",
                    crate::tr!("demo-handshake-piggyback", ack = s.ack)
                )
            } else {
                text
            }
        }
        SendData => {
            let text = crate::tr!("demo-handshake-send-data", len = s.len, seq = s.seq);
            if line.before == State::CloseWait {
                format!("{text} {}", crate::tr!("demo-handshake-half-close-send"))
            } else {
                text
            }
        }
        ClosedDiscardsRst => crate::tr!("demo-handshake-closed-discards-rst"),
        ClosedResets if a.ctl.ack => crate::tr!(
            "demo-handshake-closed-resets-ack",
            side = line.actor.name(),
            seq = a.ack
        ),
        ClosedResets => crate::tr!("demo-handshake-closed-resets", ack = s.ack),
        ListenIgnoresRst => crate::tr!("demo-handshake-listen-ignores-rst"),
        ListenResetsAck => crate::tr!("demo-handshake-listen-resets-ack"),
        ListenSyn => {
            let text = crate::tr!(
                "demo-handshake-listen-syn",
                irs = a.seq,
                rcv = a.seq.wrapping_add(1),
                iss = s.seq,
                ack = s.ack
            );
            if matches!(line.kind, Kind::Arrival(_, true)) {
                format!("{text} {}", crate::tr!("demo-handshake-listen-syn-old"))
            } else {
                text
            }
        }
        ListenDrops => crate::tr!("demo-handshake-listen-drops"),
        SynSentBadAck => crate::tr!("demo-handshake-syn-sent-bad-ack", ack = a.ack),
        SynSentBadAckRst => crate::tr!("demo-handshake-syn-sent-bad-ack-rst"),
        SynSentRefused => crate::tr!("demo-handshake-syn-sent-refused"),
        SynSentDropsRst => crate::tr!("demo-handshake-syn-sent-drops-rst"),
        SynSentDrops => crate::tr!("demo-handshake-syn-sent-drops", ack = a.ack),
        SynSentSynAck => crate::tr!(
            "demo-handshake-syn-sent-synack",
            ack = a.ack,
            irs = a.seq,
            sent_ack = s.ack
        ),
        SynSentSyn => crate::tr!("demo-handshake-syn-sent-syn", seq = s.seq, ack = s.ack),
        SimultaneousSynAck => crate::tr!("demo-handshake-simultaneous-synack"),
        TimeWaitFinAgain => crate::tr!(
            "demo-handshake-time-wait-fin-again",
            two_msl = two_msl.as_str(),
            at = secs(line.t + plan.msl_secs * 2_000)
        ),
        FinAgain => crate::tr!("demo-handshake-fin-again"),
        Unacceptable if a.ctl.syn && line.before == State::SynReceived => {
            crate::tr!("demo-handshake-syn-again", seq = a.seq)
        }
        Unacceptable | AckAhead if sent.is_none() => crate::tr!(
            "demo-handshake-ack-ratelimit",
            ms = super::tcp::INVALID_ACK_RATELIMIT_MS
        ),
        Unacceptable => crate::tr!("demo-handshake-unacceptable", seq = a.seq, rcv = s.ack),
        UnacceptableRst => crate::tr!("demo-handshake-unacceptable-rst"),
        RstToListen => crate::tr!("demo-handshake-rst-to-listen"),
        RstRefused => crate::tr!("demo-handshake-rst-refused"),
        Reset if line.before == State::CloseWait => crate::tr!("demo-handshake-reset-close-wait"),
        Reset => crate::tr!("demo-handshake-reset"),
        ChallengeRst => crate::tr!("demo-handshake-challenge-rst"),
        ChallengeSyn => crate::tr!("demo-handshake-challenge-syn"),
        NoAck => crate::tr!("demo-handshake-no-ack"),
        SynReceivedBadAck => crate::tr!("demo-handshake-syn-received-bad-ack"),
        AckAhead => crate::tr!("demo-handshake-ack-ahead", ack = a.ack),
        OutOfOrder => crate::tr!("demo-handshake-out-of-order", seq = a.seq, rcv = s.ack),
        DataAfterClose => crate::tr!("demo-handshake-data-after-close"),
        SynReceivedAck => crate::tr!("demo-handshake-syn-received-ack", ack = a.ack),
        SynReceivedAckFin => crate::tr!("demo-handshake-syn-received-ack-fin"),
        EstablishedFin if sent.is_none() => crate::tr!(
            "demo-handshake-fin-delayed-ack",
            ack = a.seq.wrapping_add(a.len).wrapping_add(1)
        ),
        EstablishedFin => crate::tr!("demo-handshake-fin", ack = s.ack),
        FinWait1FinAcked => crate::tr!(
            "demo-handshake-fin-wait-1-fin-acked",
            ack = a.ack,
            two_msl = two_msl.as_str()
        ),
        FinWait1Fin => crate::tr!("demo-handshake-fin-wait-1-fin"),
        FinWait1Acked => crate::tr!("demo-handshake-fin-wait-1-acked"),
        FinWait2Fin => crate::tr!(
            "demo-handshake-fin-wait-2-fin",
            ack = s.ack,
            two_msl = two_msl.as_str()
        ),
        ClosingAcked => crate::tr!("demo-handshake-closing-acked", two_msl = two_msl.as_str()),
        LastAckAcked => crate::tr!("demo-handshake-last-ack-acked"),
        Data => {
            let text = crate::tr!("demo-handshake-data", len = a.len, rcv = s.ack);
            if matches!(line.kind, Kind::Arrival(_, true)) {
                format!("{text} {}", crate::tr!("demo-handshake-data-old"))
            } else if line.before == State::FinWait2 {
                format!("{text} {}", crate::tr!("demo-handshake-data-fin-wait-2"))
            } else {
                text
            }
        }
        Ack => crate::tr!("demo-handshake-ack"),
        TimeWaitExpired => crate::tr!("demo-handshake-time-wait-expired"),
        Retransmit => crate::tr!(
            "demo-handshake-retransmit",
            rto = duration(line.rto_before),
            seq = s.seq,
            next_rto = duration(line.rto_after),
            at = secs(line.t + line.rto_after)
        ),
        DelayedAck => crate::tr!("demo-handshake-delayed-ack"),
        NothingToDo => crate::tr!("demo-handshake-nothing-to-do"),
    };
    let section = match (rule, line.kind) {
        (CallError(_), Kind::Call(Event::Send(_))) => "RFC 9293 3.10.2",
        _ => rule.section(),
    };
    let mut notes = vec![format!("{text} [{section}]")];
    if let Some(w) = line.sent.iter().find(|w| w.lost) {
        notes.push(crate::tr!("demo-handshake-lost", no = w.no));
    }
    notes
}

fn emit_header(
    out: &mut Emitter<'_>,
    plan: &Plan,
    args: &Args,
    nums: Numbers,
) -> Result<(), SimError> {
    let scenario = match plan.scenario {
        Scenario::HalfClose => format!(
            "half-close --call {}",
            match plan.call {
                Call::Close => "close",
                Call::Shutdown => "shutdown",
            }
        ),
        s => s.name(),
    };
    out.title(crate::tr!("demo-handshake-title-run", scenario = scenario))?;
    let intro = match (plan.scenario, plan.call) {
        (Scenario::HalfClose, Call::Close) => {
            crate::tr!("demo-handshake-intro-half-close-call-close")
        }
        (s, _) => s.intro(),
    };
    out.text(intro)?;
    let isn = |flag: Option<u32>| {
        if flag.is_some() {
            crate::tr!("demo-handshake-isn-given")
        } else {
            crate::tr!("demo-handshake-isn-seeded")
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
            crate::tr!("demo-handshake-label-numbers"),
            crate::tr!("demo-handshake-relative-note"),
        )?;
    }
    out.note(
        crate::tr!("demo-handshake-label-channel"),
        crate::tr!(
            "demo-handshake-channel",
            one_way = ONE_WAY_MS,
            rtt = 2 * ONE_WAY_MS,
            rto = duration(super::tcp::INITIAL_RTO_MS),
            msl = duration(plan.msl_secs * 1_000),
            two_msl = duration(plan.msl_secs * 2_000)
        ),
    )?;
    if !plan.drops.is_empty() || args.drop.is_some() {
        let mut all = plan.drops.clone();
        all.extend(args.drop);
        let list: Vec<String> = all.iter().map(|k| format!("#{k}")).collect();
        out.note(
            crate::tr!("demo-handshake-label-loss"),
            crate::tr!("demo-handshake-loss", list = list.join(", ")),
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
        rows.push(TraceEvent::action(t, actor, tag_text(&line.kind)));
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
    let mut t = Table::new([
        crate::tr!("demo-handshake-syn-col-retransmission"),
        "RFC 6298".to_string(),
        "Linux 6.x (linear)".to_string(),
        crate::tr!("demo-handshake-syn-col-old-linux"),
    ])
    .titled(crate::tr!("demo-handshake-syn-title"));
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
        crate::tr!("demo-handshake-syn-give-up"),
        crate::tr!("demo-handshake-syn-give-up-rfc"),
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
    out.heading(crate::tr!("demo-handshake-result"))?;
    out.text(crate::tr!(
        "demo-handshake-result-text",
        client = trace.client.to_string(),
        server = trace.server.to_string(),
        time = secs(trace.end_ms()),
        wire = trace.wire,
        retransmissions = retransmissions(trace)
    ))?;
    out.heading(crate::tr!("demo-handshake-transitions"))?;
    for side in [Side::Client, Side::Server] {
        out.note(side.name(), path_text(&trace.path(side)))?;
        let mut t = Table::new([
            crate::tr!("demo-handshake-col-time"),
            crate::tr!("demo-handshake-col-transition"),
            crate::tr!("demo-handshake-col-cause"),
            "RFC".to_string(),
        ]);
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
        .titled(crate::tr!("demo-handshake-tool-names"));
    for s in visited {
        let (ss, netstat) = tool_names(s);
        names.row([s.name(), ss, netstat]);
    }
    out.table(names)?;
    out.heading(crate::tr!("demo-handshake-notes"))?;

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
        out.text(crate::tr!(
            "demo-handshake-note-retransmit",
            list = retransmits.join(", ")
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
            out.text(crate::tr!("demo-handshake-note-syn-linear"))?;
        }
        if synack {
            out.text(crate::tr!("demo-handshake-note-synack-retries"))?;
        }
    }
    if plan.scenario.closes() {
        out.text(crate::tr!(
            "demo-handshake-note-time-wait",
            who = if plan.scenario == Scenario::SimultaneousClose {
                crate::tr!("demo-handshake-note-time-wait-both")
            } else {
                crate::tr!("demo-handshake-note-time-wait-active")
            },
            msl = plan.msl_secs,
            two_msl = duration(plan.msl_secs * 2_000),
            linux = LINUX_TIME_WAIT_SECS
        ))?;
    }
    match plan.scenario {
        Scenario::FinalAckLost => out.text(crate::tr!("demo-handshake-note-final-ack-lost"))?,
        Scenario::ClosedPort => out.text(crate::tr!("demo-handshake-note-closed-port"))?,
        Scenario::TwoWay => {
            let accepted = trace
                .lines
                .iter()
                .any(|l| l.rule == Some(Rule::Data) && matches!(l.kind, Kind::Arrival(_, true)));
            out.text(if accepted {
                crate::tr!(
                    "demo-handshake-note-two-way-accepted",
                    bytes = trace.server_delivered
                )
            } else {
                crate::tr!("demo-handshake-note-two-way-dropped")
            })?;
        }
        Scenario::SimultaneousOpen => {
            out.text(crate::tr!("demo-handshake-note-simultaneous-open"))?
        }
        Scenario::HalfClose if plan.call == Call::Close => {
            out.text(crate::tr!("demo-handshake-note-half-close-call-close"))?
        }
        Scenario::HalfClose => out.text(crate::tr!("demo-handshake-note-half-close"))?,
        _ => {}
    }
    if let Some(e) = effect {
        let what = e.seg.map_or(String::new(), |s| format!(" ({s})"));
        let timing = match e.delay_ms {
            0 => crate::tr!("demo-handshake-drop-same-time"),
            d if d > 0 => crate::tr!("demo-handshake-drop-later", delay = duration(d as u64)),
            d => crate::tr!(
                "demo-handshake-drop-earlier",
                delay = duration(d.unsigned_abs())
            ),
        };
        let counts = crate::tr!(
            "demo-handshake-drop-counts",
            wire = e.wire.0,
            wire_base = e.wire.1,
            retransmissions = e.retransmissions.0,
            retransmissions_base = e.retransmissions.1
        );
        let mut text = if e.changed.is_empty() {
            crate::tr!(
                "demo-handshake-drop-same-path",
                k = e.k,
                what = what.as_str(),
                timing = timing.as_str(),
                counts = counts.as_str()
            )
        } else {
            crate::tr!(
                "demo-handshake-drop-new-path",
                k = e.k,
                what = what.as_str(),
                timing = timing.as_str(),
                counts = counts.as_str()
            )
        };
        for (side, now, before) in &e.changed {
            text += "\n";
            text += &crate::tr!(
                "demo-handshake-drop-path",
                side = side.name(),
                now = path_text(now),
                before = path_text(before)
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
