//! One TCP endpoint's connection state machine (RFC 9293 §3.10), written the
//! smoltcp way: an [`State`] enum displayed with the RFC's names, one
//! transition function ([`Tcb::step`]) that is a single `match (state, input)`
//! whose arms cite the rule they implement, one place that emits segments and
//! one that changes state (recording every transition). Time is passed in,
//! never read. The rows implemented are those of the distilled transition
//! table in `../shared/reference/tcp-transitions.md` (beside the crate).
//!
//! What is left out on purpose: windows other than a fixed [`WINDOW`], RTT
//! measurement (the RTO is RFC 6298's 1 s floor, doubled on every expiry
//! and kept backed off by Karn's rule), options (SACK) and urgent data.
//! Out-of-order data inside the window is held and delivered once the gap
//! is filled (RFC 9293 §3.10.7.4), as Linux does.

use std::collections::VecDeque;
use std::fmt;

/// RFC 6298 §2.1: the RTO before any RTT sample is 1 second.
pub const INITIAL_RTO_MS: u64 = 1_000;
/// RFC 6298 §5.7: after a SYN timed out, data transmission starts with 3 s.
pub const RTO_AFTER_SYN_TIMEOUT_MS: u64 = 3_000;
/// RFC 6298 §2.5: an upper bound on the backed-off RTO (at least 60 s).
pub const MAX_RTO_MS: u64 = 60_000;
/// The receive window every endpoint advertises (fixed: flow control is not
/// what this demo is about, but the window decides which segments are
/// acceptable, RFC 9293 §3.10.7.4 "first").
pub const WINDOW: u32 = 65_535;
/// At most one ACK per this long in answer to segments that are not
/// acceptable (Linux's `tcp_invalid_ratelimit`; RFC 5961 §7 asks for such a
/// limit). Without it two desynchronized ends ACK each other forever.
pub const INVALID_ACK_RATELIMIT_MS: u64 = 500;

/// The connection states of RFC 9293 §3.3.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}

impl State {
    /// The RFC's name, e.g. `SYN-SENT`.
    pub fn name(self) -> &'static str {
        match self {
            State::Closed => "CLOSED",
            State::Listen => "LISTEN",
            State::SynSent => "SYN-SENT",
            State::SynReceived => "SYN-RECEIVED",
            State::Established => "ESTABLISHED",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::CloseWait => "CLOSE-WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST-ACK",
            State::TimeWait => "TIME-WAIT",
        }
    }

    /// Whether the state has received the peer's FIN already, so a FIN that
    /// arrives now is a retransmission.
    fn fin_received(self) -> bool {
        matches!(
            self,
            State::CloseWait | State::Closing | State::LastAck | State::TimeWait
        )
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// The control bits a segment carries (the ones this demo uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ctl {
    pub syn: bool,
    pub fin: bool,
    pub rst: bool,
    pub ack: bool,
}

impl Ctl {
    pub const SYN: Ctl = Ctl::new(true, false, false, false);
    pub const SYN_ACK: Ctl = Ctl::new(true, false, false, true);
    pub const ACK: Ctl = Ctl::new(false, false, false, true);
    pub const FIN_ACK: Ctl = Ctl::new(false, true, false, true);
    pub const RST: Ctl = Ctl::new(false, false, true, false);
    pub const RST_ACK: Ctl = Ctl::new(false, false, true, true);

    const fn new(syn: bool, fin: bool, rst: bool, ack: bool) -> Ctl {
        Ctl { syn, fin, rst, ack }
    }

    /// The names of the bits set, in the RFC's order (`SYN,ACK`, `FIN,ACK`,
    /// `RST,ACK`).
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.syn, "SYN"),
            (self.fin, "FIN"),
            (self.rst, "RST"),
            (self.ack, "ACK"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
        .collect()
    }
}

/// A segment as RFC 9293 writes it: `<SEQ=..><ACK=..><CTL=..>`, plus the
/// length of the data it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub seq: u32,
    /// Meaningful only when `ctl.ack` is set.
    pub ack: u32,
    pub ctl: Ctl,
    /// Bytes of data.
    pub len: u32,
}

impl Segment {
    /// SEG.LEN of RFC 9293 §3.3.1: data plus one for SYN and one for FIN,
    /// because each of them consumes a sequence number.
    pub fn seq_len(&self) -> u32 {
        self.len + u32::from(self.ctl.syn) + u32::from(self.ctl.fin)
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<SEQ={}>", self.seq)?;
        if self.ctl.ack {
            write!(f, "<ACK={}>", self.ack)?;
        }
        let names = self.ctl.names();
        if !names.is_empty() {
            write!(f, "<CTL={}>", names.join(","))?;
        }
        if self.len > 0 {
            write!(f, "<LEN={}>", self.len)?;
        }
        Ok(())
    }
}

/// Which end of the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Client,
    Server,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }

    pub fn peer(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }
}

/// The timers an endpoint runs (RFC 9293 §3.10.8, RFC 6298, §3.8.6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    Retransmit,
    TimeWait,
    DelayedAck,
}

/// What happens to an endpoint: a user call, a segment arriving, a timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    PassiveOpen,
    ActiveOpen,
    /// `close()`: RFC 9293's CLOSE, and the application will read no more,
    /// so data that still arrives is answered with RST (RFC 1122 4.2.2.13,
    /// Linux `tcp_rcv_state_process`).
    Close,
    /// `shutdown(SHUT_WR)`: RFC 9293's CLOSE only, "no more data from me";
    /// data from the peer is still taken and ACKed (half-close).
    Shutdown,
    /// SEND of this many bytes.
    Send(u32),
    Segment(Segment),
    Timeout(Timer),
}

/// The row of the transition table that an event matched. It names the
/// rule for people (`cause`) and for the RFC (`section`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    PassiveOpen,
    ActiveOpen,
    /// A user call the state does not allow; the RFC's error message.
    CallError(&'static str),
    CloseDeletes,
    CloseSendsFin,
    CloseFromCloseWait,
    SendData,
    ClosedDiscardsRst,
    ClosedResets,
    ListenIgnoresRst,
    ListenResetsAck,
    ListenSyn,
    ListenDrops,
    SynSentBadAck,
    SynSentBadAckRst,
    SynSentRefused,
    SynSentDropsRst,
    SynSentSynAck,
    SynSentSyn,
    SynSentDrops,
    SimultaneousSynAck,
    TimeWaitFinAgain,
    FinAgain,
    Unacceptable,
    UnacceptableRst,
    RstToListen,
    RstRefused,
    Reset,
    ChallengeRst,
    ChallengeSyn,
    NoAck,
    SynReceivedBadAck,
    AckAhead,
    OutOfOrder,
    /// Data after `close()`: the socket is gone for reading, answer RST.
    DataAfterClose,
    SynReceivedAck,
    SynReceivedAckFin,
    EstablishedFin,
    FinWait1FinAcked,
    FinWait1Fin,
    FinWait1Acked,
    FinWait2Fin,
    ClosingAcked,
    LastAckAcked,
    Data,
    Ack,
    TimeWaitExpired,
    Retransmit,
    DelayedAck,
    NothingToDo,
}

impl Rule {
    /// The RFC 9293 section (or other RFC) the rule comes from.
    pub fn section(self) -> &'static str {
        use Rule::*;
        match self {
            PassiveOpen | ActiveOpen => "RFC 9293 3.10.1",
            CallError(_) | CloseDeletes | CloseSendsFin | CloseFromCloseWait => "RFC 9293 3.10.4",
            SendData => "RFC 9293 3.10.2",
            ClosedDiscardsRst | ClosedResets => "RFC 9293 3.10.7.1",
            ListenIgnoresRst | ListenResetsAck | ListenSyn | ListenDrops => "RFC 9293 3.10.7.2",
            SynSentBadAck | SynSentBadAckRst | SynSentRefused | SynSentDropsRst | SynSentSynAck
            | SynSentDrops => "RFC 9293 3.10.7.3",
            SynSentSyn => "RFC 9293 3.10.7.3, Fig. 7",
            SimultaneousSynAck => "RFC 9293 Fig. 7",
            TimeWaitFinAgain => "RFC 9293 3.10.7.4 fifth+eighth",
            FinAgain | EstablishedFin | FinWait1Fin | FinWait2Fin => "RFC 9293 3.10.7.4 eighth",
            FinWait1FinAcked => "RFC 9293 3.10.7.4 eighth, Fig. 5 note 2",
            Unacceptable | UnacceptableRst => "RFC 9293 3.10.7.4 first",
            OutOfOrder => "RFC 9293 3.10.7.4 first, RFC 5681 4.2",
            DataAfterClose => "RFC 1122 4.2.2.13",
            RstToListen | RstRefused | Reset => "RFC 9293 3.10.7.4 second",
            ChallengeRst => "RFC 9293 3.10.7.4 second (RFC 5961)",
            ChallengeSyn => "RFC 9293 3.10.7.4 fourth (RFC 5961)",
            NoAck | SynReceivedBadAck | AckAhead | SynReceivedAck | FinWait1Acked
            | ClosingAcked | LastAckAcked | Ack => "RFC 9293 3.10.7.4 fifth",
            SynReceivedAckFin => "RFC 9293 3.10.7.4 fifth+eighth",
            Data => "RFC 9293 3.10.7.4 seventh",
            TimeWaitExpired => "RFC 9293 3.10.8",
            Retransmit => "RFC 9293 3.10.8, RFC 6298 5.4-5.6",
            DelayedAck => "RFC 9293 3.8.6.3",
            NothingToDo => "-",
        }
    }

    /// A short English name for the rule, used as the cause of a transition.
    pub fn cause(self) -> &'static str {
        use Rule::*;
        match self {
            PassiveOpen => "passive OPEN",
            ActiveOpen => "active OPEN",
            CallError(msg) => msg,
            CloseDeletes => "CLOSE (delete TCB)",
            CloseSendsFin => "CLOSE, send FIN",
            CloseFromCloseWait => "CLOSE in CLOSE-WAIT, send FIN",
            SendData => "SEND",
            ClosedDiscardsRst => "RST to CLOSED, discarded",
            ClosedResets => "segment to CLOSED, answer RST",
            ListenIgnoresRst => "RST in LISTEN, ignored",
            ListenResetsAck => "ACK in LISTEN, answer RST",
            ListenSyn => "rcv SYN",
            ListenDrops => "no SYN in LISTEN, dropped",
            SynSentBadAck => "unacceptable ACK in SYN-SENT, answer RST",
            SynSentBadAckRst => "unacceptable ACK with RST, dropped",
            SynSentRefused => "rcv RST (connection refused)",
            SynSentDropsRst => "RST without ACK in SYN-SENT, dropped",
            SynSentSynAck => "rcv SYN+ACK",
            SynSentSyn => "rcv SYN (simultaneous open)",
            SynSentDrops => "neither SYN nor RST in SYN-SENT, dropped",
            SimultaneousSynAck => "rcv SYN+ACK (simultaneous open)",
            TimeWaitFinAgain => "retransmitted FIN in TIME-WAIT, re-ACK, restart 2MSL",
            FinAgain => "retransmitted FIN, re-ACK",
            Unacceptable => "unacceptable segment, answer ACK",
            UnacceptableRst => "RST outside the window, dropped",
            RstToListen => "rcv RST (back to LISTEN)",
            RstRefused => "rcv RST (connection refused)",
            Reset => "rcv RST (connection reset)",
            ChallengeRst => "RST in window but not at RCV.NXT, challenge ACK",
            ChallengeSyn => "SYN in synchronized state, challenge ACK",
            NoAck => "no ACK bit, dropped",
            SynReceivedBadAck => "unacceptable ACK in SYN-RECEIVED, answer RST",
            AckAhead => "ACK of unsent data, answer ACK",
            OutOfOrder => "out-of-order data held, duplicate ACK",
            DataAfterClose => "data after close(), answer RST",
            SynReceivedAck => "rcv ACK of SYN",
            SynReceivedAckFin => "rcv ACK of SYN with FIN",
            EstablishedFin => "rcv FIN",
            FinWait1FinAcked => "rcv FIN that ACKs our FIN",
            FinWait1Fin => "rcv FIN (simultaneous close)",
            FinWait1Acked => "rcv ACK of FIN",
            FinWait2Fin => "rcv FIN",
            ClosingAcked => "rcv ACK of FIN",
            LastAckAcked => "rcv ACK of FIN",
            Data => "rcv data",
            Ack => "rcv ACK",
            TimeWaitExpired => "2MSL timeout",
            Retransmit => "retransmission timeout",
            DelayedAck => "delayed ACK timer",
            NothingToDo => "nothing to do",
        }
    }
}

/// One state change, as `Tcb::set_state` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub t_ms: u64,
    pub side: Side,
    pub from: State,
    pub to: State,
    pub rule: Rule,
}

/// What one event did: the rule it matched and the segments it sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub rule: Rule,
    pub sent: Vec<Segment>,
}

/// An arriving segment in SYN-RECEIVED or a synchronized state, after the
/// checks of RFC 9293 §3.10.7.4 that do not depend on the transition.
#[derive(Debug, Clone, Copy)]
enum Checked {
    /// Fig. 7: the peer's SYN again, now carrying the ACK of ours.
    SimultaneousSynAck(Segment),
    /// A FIN we have already taken, sent again.
    FinAgain,
    /// Outside the receive window ("first").
    Unacceptable {
        rst: bool,
    },
    Rst {
        exact: bool,
    },
    Syn,
    NoAck,
    /// In SYN-RECEIVED, an ACK outside SND.UNA < SEG.ACK =< SND.NXT.
    BadAck(Segment),
    /// SEG.ACK > SND.NXT.
    AckAhead,
    /// Data in the window but beyond RCV.NXT: held until the gap is filled.
    OutOfOrder(Segment),
    /// Data after `close()` in FIN-WAIT-1/2.
    DataAfterClose(Segment),
    /// Acceptable; its ACK, data and FIN are taken before the match.
    Ok {
        fin: bool,
        ack_of_fin: bool,
        data: u32,
    },
}

/// The input the transition `match` sees.
#[derive(Debug, Clone, Copy)]
enum Input {
    PassiveOpen,
    ActiveOpen,
    Close,
    Send(u32),
    /// In CLOSED, LISTEN and SYN-SENT the checks are arms of the match.
    Segment(Segment),
    Checked(Checked),
    Timeout(Timer),
}

/// a < b in sequence space (RFC 9293 §3.4: arithmetic modulo 2^32).
pub fn seq_lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// a =< b in sequence space.
pub fn seq_le(a: u32, b: u32) -> bool {
    a == b || seq_lt(a, b)
}

/// The transmission control block of one endpoint.
#[derive(Debug, Clone)]
pub struct Tcb {
    pub side: Side,
    pub state: State,
    pub iss: u32,
    pub snd_una: u32,
    pub snd_nxt: u32,
    pub irs: u32,
    pub rcv_nxt: u32,
    /// Bytes of data delivered to the application.
    pub delivered: u32,
    /// Came to SYN-RECEIVED from LISTEN (a RST then returns to LISTEN).
    passive: bool,
    /// Our FIN has been sent (FIN-WAIT-1 and later, LAST-ACK, CLOSING).
    fin_sent: bool,
    /// Segments that consume sequence space and are not yet acknowledged,
    /// each with whether it was retransmitted (Karn's rule).
    rtx: VecDeque<(Segment, bool)>,
    /// In-window data beyond RCV.NXT, held until the gap before it fills
    /// (RFC 9293 §3.10.7.4: "SHOULD be held for later processing").
    held: Vec<Segment>,
    /// `close()` was called: the application reads no more.
    closed_for_reading: bool,
    rto_ms: u64,
    rto_at: Option<u64>,
    syn_timed_out: bool,
    two_msl_ms: u64,
    time_wait_at: Option<u64>,
    /// `Some(delay)`: ACKs wait this long for a segment to ride on.
    delayed_ack_ms: Option<u64>,
    ack_at: Option<u64>,
    last_invalid_ack: Option<u64>,
    pub transitions: Vec<Transition>,
}

impl Tcb {
    /// A CLOSED endpoint that will use `iss` as its initial send sequence
    /// number and wait `2 * msl_ms` in TIME-WAIT.
    pub fn new(side: Side, iss: u32, msl_ms: u64) -> Tcb {
        Tcb {
            side,
            state: State::Closed,
            iss,
            snd_una: iss,
            snd_nxt: iss,
            irs: 0,
            rcv_nxt: 0,
            delivered: 0,
            passive: false,
            fin_sent: false,
            rtx: VecDeque::new(),
            held: Vec::new(),
            closed_for_reading: false,
            rto_ms: INITIAL_RTO_MS,
            rto_at: None,
            syn_timed_out: false,
            two_msl_ms: 2 * msl_ms,
            time_wait_at: None,
            delayed_ack_ms: None,
            ack_at: None,
            last_invalid_ack: None,
            transitions: Vec::new(),
        }
    }

    /// Holds pure ACKs back for `ms`, so that a segment sent meanwhile (the
    /// FIN of a prompt close) carries them: the 3-segment close.
    pub fn with_delayed_ack(mut self, ms: u64) -> Tcb {
        self.delayed_ack_ms = Some(ms);
        self
    }

    /// The earliest running timer.
    pub fn next_timer(&self) -> Option<(u64, Timer)> {
        [
            (self.rto_at, Timer::Retransmit),
            (self.time_wait_at, Timer::TimeWait),
            (self.ack_at, Timer::DelayedAck),
        ]
        .into_iter()
        .filter_map(|(at, timer)| at.map(|at| (at, timer)))
        .min_by_key(|(at, _)| *at)
    }

    /// The current retransmission timeout.
    pub fn rto_ms(&self) -> u64 {
        self.rto_ms
    }

    /// Processes one event at time `now_ms`: the transition function.
    pub fn step(&mut self, now: u64, event: Event) -> Output {
        let input = match event {
            Event::PassiveOpen => Input::PassiveOpen,
            Event::ActiveOpen => Input::ActiveOpen,
            Event::Close | Event::Shutdown => Input::Close,
            Event::Send(n) => Input::Send(n),
            Event::Timeout(t) => Input::Timeout(t),
            Event::Segment(seg) => match self.state {
                State::Closed | State::Listen | State::SynSent => Input::Segment(seg),
                _ => Input::Checked(self.check(&seg)),
            },
        };
        if event == Event::Close && !matches!(self.state, State::Closed) {
            self.closed_for_reading = true;
        }
        if let (Event::Segment(seg), Input::Checked(Checked::Ok { .. })) = (event, input) {
            self.take(now, &seg);
        }
        let mut out = Vec::new();
        let rule = self.transition(now, input, &mut out);
        Output { rule, sent: out }
    }

    /// The transition table. Each arm is one row (or a few rows that share
    /// their action); the comment names the rule in RFC 9293.
    fn transition(&mut self, now: u64, input: Input, out: &mut Vec<Segment>) -> Rule {
        use Checked as C;
        use State::*;
        match (self.state, input) {
            // 3.10.1 OPEN, passive: wait for a SYN.
            (Closed, Input::PassiveOpen) => {
                self.passive = true;
                self.set_state(now, Listen, Rule::PassiveOpen);
                Rule::PassiveOpen
            }
            // 3.10.1 OPEN, active: <SEQ=ISS><CTL=SYN>; SND.UNA=ISS, SND.NXT=ISS+1.
            (Closed, Input::ActiveOpen) => {
                self.passive = false;
                self.snd_una = self.iss;
                self.snd_nxt = self.iss;
                self.send_new(now, Ctl::SYN, 0, out);
                self.set_state(now, SynSent, Rule::ActiveOpen);
                Rule::ActiveOpen
            }
            // 3.10.1: "error: connection already exists".
            (_, Input::PassiveOpen | Input::ActiveOpen) => {
                Rule::CallError("error: connection already exists")
            }
            // 3.10.2 SEND: data goes out in the states that may still send.
            (Established | CloseWait, Input::Send(n)) => {
                self.send_new(now, Ctl::ACK, n, out);
                Rule::SendData
            }
            (Closed, Input::Send(_)) => Rule::CallError("error: connection does not exist"),
            (_, Input::Send(_)) => Rule::CallError("error: connection closing"),
            // 3.10.4 CLOSE in LISTEN or SYN-SENT: delete the TCB.
            (Listen | SynSent, Input::Close) => {
                self.set_state(now, Closed, Rule::CloseDeletes);
                Rule::CloseDeletes
            }
            // 3.10.4 CLOSE in SYN-RECEIVED (nothing queued) or ESTABLISHED:
            // send FIN, enter FIN-WAIT-1. (`Input::Close` is either call;
            // `step` noted whether the application still reads.)
            (SynReceived | Established, Input::Close) => {
                self.send_fin(now, out);
                self.set_state(now, FinWait1, Rule::CloseSendsFin);
                Rule::CloseSendsFin
            }
            // 3.10.4 CLOSE in CLOSE-WAIT: send FIN, enter LAST-ACK.
            (CloseWait, Input::Close) => {
                self.send_fin(now, out);
                self.set_state(now, LastAck, Rule::CloseFromCloseWait);
                Rule::CloseFromCloseWait
            }
            // 3.10.4: no second FIN.
            (Closed, Input::Close) => Rule::CallError("error: connection does not exist"),
            (_, Input::Close) => Rule::CallError("error: connection closing"),

            // 3.10.7.1 CLOSED: a RST is discarded.
            (Closed, Input::Segment(seg)) if seg.ctl.rst => Rule::ClosedDiscardsRst,
            // 3.10.7.1 CLOSED: anything else gets a RST. ACK off:
            // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; ACK on: <SEQ=SEG.ACK><CTL=RST>.
            (Closed, Input::Segment(seg)) => {
                let rst = if seg.ctl.ack {
                    Segment {
                        seq: seg.ack,
                        ack: 0,
                        ctl: Ctl::RST,
                        len: 0,
                    }
                } else {
                    let ack = seg.seq.wrapping_add(seg.seq_len());
                    Segment {
                        seq: 0,
                        ack,
                        ctl: Ctl::RST_ACK,
                        len: 0,
                    }
                };
                self.emit(rst, out);
                Rule::ClosedResets
            }
            // 3.10.7.2 LISTEN: a RST is ignored.
            (Listen, Input::Segment(seg)) if seg.ctl.rst => Rule::ListenIgnoresRst,
            // 3.10.7.2 LISTEN: any ACK is bad: <SEQ=SEG.ACK><CTL=RST>.
            (Listen, Input::Segment(seg)) if seg.ctl.ack => {
                self.emit(
                    Segment {
                        seq: seg.ack,
                        ack: 0,
                        ctl: Ctl::RST,
                        len: 0,
                    },
                    out,
                );
                Rule::ListenResetsAck
            }
            // 3.10.7.2 LISTEN: SYN. RCV.NXT=SEG.SEQ+1, IRS=SEG.SEQ,
            // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, SND.NXT=ISS+1.
            (Listen, Input::Segment(seg)) if seg.ctl.syn => {
                self.irs = seg.seq;
                self.rcv_nxt = seg.seq.wrapping_add(1);
                self.snd_una = self.iss;
                self.snd_nxt = self.iss;
                self.send_new(now, Ctl::SYN_ACK, 0, out);
                self.set_state(now, SynReceived, Rule::ListenSyn);
                Rule::ListenSyn
            }
            // 3.10.7.2 LISTEN "fourth, other": drop.
            (Listen, Input::Segment(_)) => Rule::ListenDrops,
            // 3.10.7.3 SYN-SENT: SEG.ACK =< ISS or > SND.NXT with RST: drop.
            (SynSent, Input::Segment(seg))
                if seg.ctl.ack && !self.acks_syn(seg.ack) && seg.ctl.rst =>
            {
                Rule::SynSentBadAckRst
            }
            // 3.10.7.3 SYN-SENT: SEG.ACK =< ISS or > SND.NXT: <SEQ=SEG.ACK><CTL=RST>.
            (SynSent, Input::Segment(seg)) if seg.ctl.ack && !self.acks_syn(seg.ack) => {
                self.emit(
                    Segment {
                        seq: seg.ack,
                        ack: 0,
                        ctl: Ctl::RST,
                        len: 0,
                    },
                    out,
                );
                Rule::SynSentBadAck
            }
            // 3.10.7.3 SYN-SENT: RST with an acceptable ACK: "connection refused".
            (SynSent, Input::Segment(seg)) if seg.ctl.rst && seg.ctl.ack => {
                self.set_state(now, Closed, Rule::SynSentRefused);
                Rule::SynSentRefused
            }
            // 3.10.7.3 SYN-SENT: RST without ACK: drop.
            (SynSent, Input::Segment(seg)) if seg.ctl.rst => Rule::SynSentDropsRst,
            // 3.10.7.3 SYN-SENT: SYN,ACK that ACKs our SYN: ESTABLISHED,
            // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.
            (SynSent, Input::Segment(seg)) if seg.ctl.syn && seg.ctl.ack => {
                self.irs = seg.seq;
                self.rcv_nxt = seg.seq.wrapping_add(1);
                self.take_ack(now, seg.ack);
                self.set_state(now, Established, Rule::SynSentSynAck);
                self.emit(self.bare_ack(), out);
                Rule::SynSentSynAck
            }
            // 3.10.7.3 SYN-SENT: SYN without ACK, simultaneous open (Fig. 7,
            // MUST-10): SYN-RECEIVED, <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
            (SynSent, Input::Segment(seg)) if seg.ctl.syn => {
                self.irs = seg.seq;
                self.rcv_nxt = seg.seq.wrapping_add(1);
                let rcv_nxt = self.rcv_nxt;
                // The SYN in the retransmission queue becomes a SYN,ACK.
                let syn_ack = self.rtx.front_mut().map(|(syn, _)| {
                    syn.ctl = Ctl::SYN_ACK;
                    syn.ack = rcv_nxt;
                    *syn
                });
                if let Some(syn_ack) = syn_ack {
                    self.emit(syn_ack, out);
                }
                self.set_state(now, SynReceived, Rule::SynSentSyn);
                Rule::SynSentSyn
            }
            // 3.10.7.3 SYN-SENT "fifth": neither SYN nor RST: drop.
            (SynSent, Input::Segment(_)) => Rule::SynSentDrops,

            // Fig. 7: in SYN-RECEIVED after a simultaneous open, the peer's
            // SYN,ACK: its SYN is the one we have, its ACK acknowledges ours.
            // (Linux passes this case explicitly in tcp_validate_incoming.)
            (SynReceived, Input::Checked(C::SimultaneousSynAck(seg))) => {
                self.take_ack(now, seg.ack);
                self.set_state(now, Established, Rule::SimultaneousSynAck);
                Rule::SimultaneousSynAck
            }
            // 3.10.7.4 fifth+eighth TIME-WAIT: a retransmitted FIN (our last
            // ACK was lost): ACK it again and restart the 2MSL timeout.
            (TimeWait, Input::Checked(C::FinAgain)) => {
                self.emit(self.bare_ack(), out);
                self.time_wait_at = Some(now + self.two_msl_ms);
                Rule::TimeWaitFinAgain
            }
            // 3.10.7.4 eighth CLOSE-WAIT/CLOSING/LAST-ACK: FIN again, ACK it.
            (_, Input::Checked(C::FinAgain)) => {
                self.emit(self.bare_ack(), out);
                Rule::FinAgain
            }
            // 3.10.7.4 first: unacceptable RST: drop silently.
            (_, Input::Checked(C::Unacceptable { rst: true })) => Rule::UnacceptableRst,
            // 3.10.7.4 first: unacceptable segment: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, drop.
            (_, Input::Checked(C::Unacceptable { rst: false })) => {
                self.answer_invalid(now, out);
                Rule::Unacceptable
            }
            // 3.10.7.4 second SYN-RECEIVED: RST, came from passive OPEN: back
            // to LISTEN (Fig. 5 note 1, MUST-11).
            (SynReceived, Input::Checked(C::Rst { exact: true })) if self.passive => {
                self.set_state(now, Listen, Rule::RstToListen);
                Rule::RstToListen
            }
            // 3.10.7.4 second SYN-RECEIVED: RST, came from active OPEN:
            // "connection refused".
            (SynReceived, Input::Checked(C::Rst { exact: true })) => {
                self.set_state(now, Closed, Rule::RstRefused);
                Rule::RstRefused
            }
            // 3.10.7.4 second, synchronized: RST at RCV.NXT: "connection reset".
            (_, Input::Checked(C::Rst { exact: true })) => {
                self.set_state(now, Closed, Rule::Reset);
                Rule::Reset
            }
            // 3.10.7.4 second (RFC 5961 3.2): RST in window, not at RCV.NXT: challenge ACK.
            (_, Input::Checked(C::Rst { exact: false })) => {
                self.emit(self.bare_ack(), out);
                Rule::ChallengeRst
            }
            // 3.10.7.4 fourth (RFC 5961 4.2): SYN: challenge ACK.
            (_, Input::Checked(C::Syn)) => {
                self.emit(self.bare_ack(), out);
                Rule::ChallengeSyn
            }
            // 3.10.7.4 fifth: "if the ACK bit is off, drop the segment".
            (_, Input::Checked(C::NoAck)) => Rule::NoAck,
            // 3.10.7.4 fifth SYN-RECEIVED: unacceptable ACK: <SEQ=SEG.ACK><CTL=RST>.
            (_, Input::Checked(C::BadAck(seg))) => {
                self.emit(
                    Segment {
                        seq: seg.ack,
                        ack: 0,
                        ctl: Ctl::RST,
                        len: 0,
                    },
                    out,
                );
                Rule::SynReceivedBadAck
            }
            // 3.10.7.4 fifth: SEG.ACK > SND.NXT: send ACK, drop.
            (_, Input::Checked(C::AckAhead)) => {
                self.answer_invalid(now, out);
                Rule::AckAhead
            }
            // 3.10.7.4 first: in-window data beyond RCV.NXT SHOULD be held;
            // RFC 5681 4.2: an out-of-order segment SHOULD be ACKed at once
            // (a duplicate ACK, so the sender learns of the gap). Not rate
            // limited: it is acceptable, not an invalid segment.
            (_, Input::Checked(C::OutOfOrder(seg))) => {
                self.take_ack(now, seg.ack);
                if !self.held.contains(&seg) {
                    self.held.push(seg);
                }
                self.emit(self.bare_ack(), out);
                Rule::OutOfOrder
            }
            // RFC 1122 4.2.2.13: "if new data is received after CLOSE is
            // called, its TCP SHOULD send a RST to show that data was lost";
            // Linux does (LINUX_MIB_TCPABORTONDATA): <SEQ=SEG.ACK><CTL=RST>,
            // and the connection is gone.
            (_, Input::Checked(C::DataAfterClose(seg))) => {
                self.emit(
                    Segment {
                        seq: seg.ack,
                        ack: 0,
                        ctl: Ctl::RST,
                        len: 0,
                    },
                    out,
                );
                self.set_state(now, Closed, Rule::DataAfterClose);
                Rule::DataAfterClose
            }
            // 3.10.7.4 fifth SYN-RECEIVED: SND.UNA < SEG.ACK =< SND.NXT:
            // ESTABLISHED; with a FIN, eighth: CLOSE-WAIT and ACK it.
            (SynReceived, Input::Checked(C::Ok { fin, data, .. })) => {
                self.set_state(now, Established, Rule::SynReceivedAck);
                if fin {
                    self.set_state(now, CloseWait, Rule::SynReceivedAckFin);
                }
                if fin || data > 0 {
                    self.send_ack(now, out);
                }
                if fin {
                    Rule::SynReceivedAckFin
                } else {
                    Rule::SynReceivedAck
                }
            }
            // 3.10.7.4 eighth ESTABLISHED: FIN: CLOSE-WAIT, ACK it.
            (Established, Input::Checked(C::Ok { fin: true, .. })) => {
                self.set_state(now, CloseWait, Rule::EstablishedFin);
                self.send_ack(now, out);
                Rule::EstablishedFin
            }
            // 3.10.7.4 eighth FIN-WAIT-1: a FIN that also ACKs our FIN:
            // TIME-WAIT directly (Fig. 5 note 2), ACK, start 2MSL.
            (
                FinWait1,
                Input::Checked(C::Ok {
                    fin: true,
                    ack_of_fin: true,
                    ..
                }),
            ) => {
                self.set_state(now, TimeWait, Rule::FinWait1FinAcked);
                self.emit(self.bare_ack(), out);
                Rule::FinWait1FinAcked
            }
            // 3.10.7.4 eighth FIN-WAIT-1: FIN, ours not yet ACKed: CLOSING
            // (simultaneous close, Fig. 13), ACK.
            (FinWait1, Input::Checked(C::Ok { fin: true, .. })) => {
                self.set_state(now, Closing, Rule::FinWait1Fin);
                self.emit(self.bare_ack(), out);
                Rule::FinWait1Fin
            }
            // 3.10.7.4 fifth FIN-WAIT-1: ACK of our FIN: FIN-WAIT-2.
            (
                FinWait1,
                Input::Checked(C::Ok {
                    ack_of_fin: true,
                    data,
                    ..
                }),
            ) => {
                self.set_state(now, FinWait2, Rule::FinWait1Acked);
                if data > 0 {
                    self.send_ack(now, out);
                }
                Rule::FinWait1Acked
            }
            // 3.10.7.4 eighth FIN-WAIT-2: FIN: TIME-WAIT, ACK, start 2MSL.
            (FinWait2, Input::Checked(C::Ok { fin: true, .. })) => {
                self.set_state(now, TimeWait, Rule::FinWait2Fin);
                self.emit(self.bare_ack(), out);
                Rule::FinWait2Fin
            }
            // 3.10.7.4 fifth CLOSING: ACK of our FIN: TIME-WAIT, start 2MSL.
            (
                Closing,
                Input::Checked(C::Ok {
                    ack_of_fin: true, ..
                }),
            ) => {
                self.set_state(now, TimeWait, Rule::ClosingAcked);
                Rule::ClosingAcked
            }
            // 3.10.7.4 fifth LAST-ACK: ACK of our FIN: CLOSED, delete the TCB.
            (
                LastAck,
                Input::Checked(C::Ok {
                    ack_of_fin: true, ..
                }),
            ) => {
                self.set_state(now, Closed, Rule::LastAckAcked);
                Rule::LastAckAcked
            }
            // 3.10.7.4 seventh: data in ESTABLISHED, FIN-WAIT-1/2 is
            // delivered (taken before the match) and ACKed.
            (_, Input::Checked(C::Ok { data, .. })) if data > 0 => {
                self.send_ack(now, out);
                Rule::Data
            }
            // 3.10.7.4 fifth: an ACK that changes no state (SND.UNA moved).
            (_, Input::Checked(C::Ok { .. })) => Rule::Ack,
            // `step` checks segments only after SYN-SENT and passes them
            // unchecked before, and `check` finds a simultaneous SYN,ACK only
            // in SYN-RECEIVED; these pairs cannot occur.
            (Closed | Listen | SynSent, Input::Checked(_))
            | (_, Input::Checked(C::SimultaneousSynAck(_)))
            | (_, Input::Segment(_)) => Rule::NothingToDo,

            // 3.10.8 TIME-WAIT: 2MSL expired: CLOSED, delete the TCB.
            (TimeWait, Input::Timeout(Timer::TimeWait)) => {
                self.set_state(now, Closed, Rule::TimeWaitExpired);
                Rule::TimeWaitExpired
            }
            // 3.10.8 retransmission timeout: send the head of the queue again,
            // double the RTO (RFC 6298 5.5, exponential backoff), restart (5.6).
            (_, Input::Timeout(Timer::Retransmit)) => {
                let Some((head, retransmitted)) = self.rtx.front_mut() else {
                    self.rto_at = None;
                    return Rule::NothingToDo;
                };
                *retransmitted = true;
                let mut head = *head;
                if head.ctl.ack {
                    head.ack = self.rcv_nxt;
                }
                if head.ctl.syn && !head.ctl.ack {
                    self.syn_timed_out = true;
                }
                self.rto_ms = (self.rto_ms * 2).min(MAX_RTO_MS);
                self.rto_at = Some(now + self.rto_ms);
                self.emit(head, out);
                Rule::Retransmit
            }
            // 3.8.6.3: the delayed ACK's time is up and nothing carried it.
            (_, Input::Timeout(Timer::DelayedAck)) => {
                self.ack_at = None;
                self.emit(self.bare_ack(), out);
                Rule::DelayedAck
            }
            // A TIME-WAIT timer outside TIME-WAIT cannot run (set_state stops it).
            (_, Input::Timeout(Timer::TimeWait)) => Rule::NothingToDo,
        }
    }

    /// RFC 9293 §3.10.7.4 first to fifth, as far as they do not depend on
    /// the transition: which kind of arrival this is.
    fn check(&self, seg: &Segment) -> Checked {
        if self.state == State::SynReceived
            && seg.ctl.syn
            && seg.ctl.ack
            && !seg.ctl.rst
            && seg.seq.wrapping_add(1) == self.rcv_nxt
            && seg.ack == self.snd_nxt
        {
            return Checked::SimultaneousSynAck(*seg);
        }
        if self.state.fin_received()
            && seg.ctl.fin
            && !seg.ctl.rst
            && seg.seq.wrapping_add(seg.seq_len()) == self.rcv_nxt
        {
            return Checked::FinAgain;
        }
        if !self.acceptable(seg) {
            return Checked::Unacceptable { rst: seg.ctl.rst };
        }
        if seg.ctl.rst {
            return Checked::Rst {
                exact: seg.seq == self.rcv_nxt,
            };
        }
        if seg.ctl.syn {
            return Checked::Syn;
        }
        if !seg.ctl.ack {
            return Checked::NoAck;
        }
        if self.state == State::SynReceived
            && !(seq_lt(self.snd_una, seg.ack) && seq_le(seg.ack, self.snd_nxt))
        {
            return Checked::BadAck(*seg);
        }
        if seq_lt(self.snd_nxt, seg.ack) {
            return Checked::AckAhead;
        }
        if self.closed_for_reading
            && seg.len > 0
            && matches!(self.state, State::FinWait1 | State::FinWait2)
        {
            return Checked::DataAfterClose(*seg);
        }
        if seg.seq_len() > 0 && seq_lt(self.rcv_nxt, seg.seq) {
            return Checked::OutOfOrder(*seg);
        }
        Checked::Ok {
            fin: seg.ctl.fin,
            ack_of_fin: self.fin_sent && seg.ack == self.snd_nxt,
            data: seg.len,
        }
    }

    /// The acceptability test of RFC 9293 §3.10.7.4 "first" (RCV.WND > 0).
    fn acceptable(&self, seg: &Segment) -> bool {
        let in_window =
            |s: u32| seq_le(self.rcv_nxt, s) && seq_lt(s, self.rcv_nxt.wrapping_add(WINDOW));
        match seg.seq_len() {
            0 => in_window(seg.seq),
            n => in_window(seg.seq) || in_window(seg.seq.wrapping_add(n - 1)),
        }
    }

    /// SYN-SENT's test: SND.UNA < SEG.ACK =< SND.NXT (i.e. ISS < SEG.ACK =< SND.NXT).
    fn acks_syn(&self, ack: u32) -> bool {
        seq_lt(self.iss, ack) && seq_le(ack, self.snd_nxt)
    }

    /// Takes an acceptable segment's ACK, data and FIN (RFC 9293 §3.10.7.4
    /// fifth, seventh, eighth) before the match decides the state.
    fn take(&mut self, now: u64, seg: &Segment) {
        self.take_ack(now, seg.ack);
        if seg.len > 0
            && matches!(
                self.state,
                State::SynReceived | State::Established | State::FinWait1 | State::FinWait2
            )
        {
            // Data that starts before RCV.NXT (a retransmission overlapping
            // what we have) delivers only its new part.
            let end = seg.seq.wrapping_add(seg.len);
            if seq_lt(self.rcv_nxt, end) {
                self.delivered = self.delivered.wrapping_add(end.wrapping_sub(self.rcv_nxt));
                self.rcv_nxt = end;
            }
            self.deliver_held();
        }
        if seg.ctl.fin {
            // The FIN consumes one sequence number: RCV.NXT moves over it.
            self.rcv_nxt = self.rcv_nxt.wrapping_add(1);
        }
    }

    /// Held data that the gap's filling made contiguous goes to the
    /// application, RCV.NXT moving over it.
    fn deliver_held(&mut self) {
        loop {
            let rcv_nxt = self.rcv_nxt;
            let Some(i) = self.held.iter().position(|h| seq_le(h.seq, rcv_nxt)) else {
                return;
            };
            let h = self.held.remove(i);
            let end = h.seq.wrapping_add(h.len);
            if seq_lt(self.rcv_nxt, end) {
                self.delivered = self.delivered.wrapping_add(end.wrapping_sub(self.rcv_nxt));
                self.rcv_nxt = end;
            }
        }
    }

    /// Bytes held out of order, waiting for the gap before them.
    pub fn held_bytes(&self) -> u32 {
        self.held.iter().map(|h| h.len).sum()
    }

    /// SND.UNA < SEG.ACK =< SND.NXT: SND.UNA advances, acknowledged segments
    /// leave the retransmission queue, and the timer stops or restarts
    /// (RFC 6298 5.2, 5.3). An ACK of a segment sent once is a fresh RTT
    /// sample; here the RTT is far below 1 s, so the RTO falls back to its
    /// 1 s floor (RFC 6298 2.4). An ACK that covers a retransmitted segment
    /// gives no sample and keeps the backed-off RTO (Karn's rule, RFC 6298
    /// §3 and §5).
    fn take_ack(&mut self, now: u64, ack: u32) {
        if !(seq_lt(self.snd_una, ack) && seq_le(ack, self.snd_nxt)) {
            return;
        }
        self.snd_una = ack;
        let mut sample = false;
        let mut retransmitted_acked = false;
        while let Some((head, retransmitted)) = self.rtx.front() {
            if seq_le(head.seq.wrapping_add(head.seq_len()), ack) {
                retransmitted_acked |= *retransmitted;
                sample |= !*retransmitted;
                self.rtx.pop_front();
            } else {
                break;
            }
        }
        if sample && !retransmitted_acked {
            self.rto_ms = INITIAL_RTO_MS;
        }
        self.rto_at = (!self.rtx.is_empty()).then_some(now + self.rto_ms);
    }

    /// <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.
    fn bare_ack(&self) -> Segment {
        Segment {
            seq: self.snd_nxt,
            ack: self.rcv_nxt,
            ctl: Ctl::ACK,
            len: 0,
        }
    }

    /// The ACK that answers a segment outside the window or an ACK of
    /// unsent data, unless one went out less than
    /// [`INVALID_ACK_RATELIMIT_MS`] ago.
    fn answer_invalid(&mut self, now: u64, out: &mut Vec<Segment>) {
        if self
            .last_invalid_ack
            .is_some_and(|t| now < t + INVALID_ACK_RATELIMIT_MS)
        {
            return;
        }
        self.last_invalid_ack = Some(now);
        self.emit(self.bare_ack(), out);
    }

    /// ACKs what arrived: now, or after the delayed-ACK time if that is on.
    fn send_ack(&mut self, now: u64, out: &mut Vec<Segment>) {
        match self.delayed_ack_ms {
            Some(ms) => self.ack_at = Some(now + ms),
            None => self.emit(self.bare_ack(), out),
        }
    }

    /// Sends FIN (with the ACK every segment after the SYN carries).
    fn send_fin(&mut self, now: u64, out: &mut Vec<Segment>) {
        self.fin_sent = true;
        self.send_new(now, Ctl::FIN_ACK, 0, out);
    }

    /// Sends new sequence space at SND.NXT and queues it for retransmission,
    /// starting the timer if it is not running (RFC 6298 5.1).
    fn send_new(&mut self, now: u64, ctl: Ctl, len: u32, out: &mut Vec<Segment>) {
        let seg = Segment {
            seq: self.snd_nxt,
            ack: if ctl.ack { self.rcv_nxt } else { 0 },
            ctl,
            len,
        };
        self.snd_nxt = self.snd_nxt.wrapping_add(seg.seq_len());
        self.rtx.push_back((seg, false));
        if self.rto_at.is_none() {
            self.rto_at = Some(now + self.rto_ms);
        }
        self.emit(seg, out);
    }

    /// The one place a segment leaves; any ACK it carries answers what a
    /// delayed ACK was waiting to answer.
    fn emit(&mut self, seg: Segment, out: &mut Vec<Segment>) {
        if seg.ctl.ack {
            self.ack_at = None;
        }
        out.push(seg);
    }

    /// The one place the state changes. Records the transition and does what
    /// entering the new state means for the timers and the TCB.
    fn set_state(&mut self, now: u64, to: State, rule: Rule) {
        self.transitions.push(Transition {
            t_ms: now,
            side: self.side,
            from: self.state,
            to,
            rule,
        });
        self.state = to;
        match to {
            // Deleting the TCB (or, back in LISTEN, forgetting the half-open
            // connection) stops every timer and empties the queue.
            State::Closed | State::Listen => {
                self.rtx.clear();
                self.held.clear();
                self.rto_at = None;
                self.time_wait_at = None;
                self.ack_at = None;
                self.fin_sent = false;
            }
            // 3.10.7.4: TIME-WAIT starts the 2MSL timeout (3.4.2, MUST-13).
            // Our FIN is acknowledged, so nothing is left to retransmit.
            State::TimeWait => {
                self.time_wait_at = Some(now + self.two_msl_ms);
                self.rtx.clear();
                self.rto_at = None;
            }
            // RFC 6298 5.7: a SYN that timed out makes data start with 3 s.
            State::Established if self.syn_timed_out => {
                self.rto_ms = RTO_AFTER_SYN_TIMEOUT_MS;
            }
            _ => {}
        }
    }
}

/// Tests grouped by state, each starting from an endpoint driven into that
/// state through real events (no hand-built TCBs), written over symbolic
/// sequence numbers: `LOCAL` is our ISS, `REMOTE` the peer's.
#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL: u32 = 10_000;
    const REMOTE: u32 = 20_000;
    const MSL: u64 = 120_000;
    const T: u64 = 5_000;

    fn seg(seq: u32, ack: Option<u32>, ctl: Ctl, len: u32) -> Segment {
        Segment {
            seq,
            ack: ack.unwrap_or(0),
            ctl: Ctl {
                ack: ack.is_some(),
                ..ctl
            },
            len,
        }
    }
    fn syn(seq: u32) -> Segment {
        seg(seq, None, Ctl::SYN, 0)
    }
    fn ack(seq: u32, ack: u32) -> Segment {
        seg(seq, Some(ack), Ctl::default(), 0)
    }
    fn fin(seq: u32, ack: u32) -> Segment {
        seg(seq, Some(ack), Ctl::FIN_ACK, 0)
    }
    fn rst(seq: u32) -> Segment {
        seg(seq, None, Ctl::RST, 0)
    }

    fn recv(tcb: &mut Tcb, s: Segment) -> Output {
        tcb.step(T, Event::Segment(s))
    }
    fn call(tcb: &mut Tcb, e: Event) -> Output {
        tcb.step(T, e)
    }

    /// An endpoint in `state`, got there the way the RFC says.
    fn in_state(state: State) -> Tcb {
        let mut t = Tcb::new(Side::Client, LOCAL, MSL);
        let t0 = 0;
        match state {
            State::Closed => {}
            State::Listen => {
                t.step(t0, Event::PassiveOpen);
            }
            State::SynSent => {
                t.step(t0, Event::ActiveOpen);
            }
            State::SynReceived => {
                t = in_state(State::Listen);
                t.step(t0, Event::Segment(syn(REMOTE)));
            }
            State::Established => {
                t = in_state(State::SynSent);
                t.step(
                    t0,
                    Event::Segment(seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0)),
                );
            }
            // RFC 9293's CLOSE is "no more to send": shutdown(SHUT_WR).
            State::FinWait1 => {
                t = in_state(State::Established);
                t.step(t0, Event::Shutdown);
            }
            State::FinWait2 => {
                t = in_state(State::FinWait1);
                t.step(t0, Event::Segment(ack(REMOTE + 1, LOCAL + 2)));
            }
            State::CloseWait => {
                t = in_state(State::Established);
                t.step(t0, Event::Segment(fin(REMOTE + 1, LOCAL + 1)));
            }
            State::LastAck => {
                t = in_state(State::CloseWait);
                t.step(t0, Event::Close);
            }
            State::Closing => {
                t = in_state(State::FinWait1);
                t.step(t0, Event::Segment(fin(REMOTE + 1, LOCAL + 1)));
            }
            State::TimeWait => {
                t = in_state(State::FinWait2);
                t.step(t0, Event::Segment(fin(REMOTE + 1, LOCAL + 2)));
            }
        }
        assert_eq!(t.state, state, "could not reach {state}");
        t
    }

    fn assert_step(out: &Output, tcb: &Tcb, state: State, sent: &[Segment]) {
        assert_eq!(tcb.state, state, "state after {:?}", out.rule);
        assert_eq!(out.sent, sent, "segments sent by {:?}", out.rule);
    }

    #[test]
    fn states_print_rfc_names() {
        assert_eq!(State::SynReceived.to_string(), "SYN-RECEIVED");
        assert_eq!(State::FinWait1.to_string(), "FIN-WAIT-1");
        assert_eq!(State::TimeWait.to_string(), "TIME-WAIT");
        assert_eq!(format!("{:<12}|", State::Listen), "LISTEN      |");
    }

    #[test]
    fn segments_print_like_the_rfc() {
        let s = seg(5000, Some(1001), Ctl::SYN, 0);
        assert_eq!(s.to_string(), "<SEQ=5000><ACK=1001><CTL=SYN,ACK>");
        assert_eq!(rst(7).to_string(), "<SEQ=7><CTL=RST>");
        let data = seg(1, Some(2), Ctl::default(), 100);
        assert_eq!(data.to_string(), "<SEQ=1><ACK=2><CTL=ACK><LEN=100>");
        assert_eq!(fin(1, 2).seq_len(), 1);
        assert_eq!(syn(1).seq_len(), 1);
    }

    mod closed {
        use super::*;

        #[test]
        fn passive_open_listens() {
            let mut t = in_state(State::Closed);
            let out = call(&mut t, Event::PassiveOpen);
            assert_step(&out, &t, State::Listen, &[]);
            assert_eq!(out.rule, Rule::PassiveOpen);
        }

        #[test]
        fn active_open_sends_syn() {
            let mut t = in_state(State::Closed);
            let out = call(&mut t, Event::ActiveOpen);
            assert_step(&out, &t, State::SynSent, &[syn(LOCAL)]);
            assert_eq!((t.snd_una, t.snd_nxt), (LOCAL, LOCAL + 1));
            assert_eq!(t.next_timer(), Some((T + 1_000, Timer::Retransmit)));
        }

        #[test]
        fn syn_gets_rst_ack_for_isn_plus_one() {
            let mut t = in_state(State::Closed);
            let out = recv(&mut t, syn(REMOTE));
            let expect = seg(0, Some(REMOTE + 1), Ctl::RST, 0);
            assert_step(&out, &t, State::Closed, &[expect]);
            assert_eq!(expect.to_string(), "<SEQ=0><ACK=20001><CTL=RST,ACK>");
        }

        #[test]
        fn ack_gets_rst_at_its_ack_number() {
            // The client of `two-way`, asked to ACK a SYN it never sent.
            let mut t = in_state(State::Closed);
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0));
            assert_step(&out, &t, State::Closed, &[rst(LOCAL + 1)]);
        }

        #[test]
        fn rst_is_discarded() {
            let mut t = in_state(State::Closed);
            let out = recv(&mut t, rst(REMOTE));
            assert_step(&out, &t, State::Closed, &[]);
        }
    }

    mod listen {
        use super::*;

        #[test]
        fn syn_answers_syn_ack() {
            let mut t = in_state(State::Listen);
            let out = recv(&mut t, syn(REMOTE));
            let syn_ack = seg(LOCAL, Some(REMOTE + 1), Ctl::SYN, 0);
            assert_step(&out, &t, State::SynReceived, &[syn_ack]);
            assert_eq!(
                (t.irs, t.rcv_nxt, t.snd_nxt),
                (REMOTE, REMOTE + 1, LOCAL + 1)
            );
        }

        #[test]
        fn ack_gets_rst() {
            let mut t = in_state(State::Listen);
            let out = recv(&mut t, ack(REMOTE, 4242));
            assert_step(&out, &t, State::Listen, &[rst(4242)]);
        }

        #[test]
        fn rst_is_ignored() {
            let mut t = in_state(State::Listen);
            let out = recv(&mut t, rst(REMOTE));
            assert_step(&out, &t, State::Listen, &[]);
        }

        #[test]
        fn close_deletes() {
            let mut t = in_state(State::Listen);
            let out = call(&mut t, Event::Close);
            assert_step(&out, &t, State::Closed, &[]);
        }
    }

    mod syn_sent {
        use super::*;

        #[test]
        fn syn_ack_establishes_and_acks() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0));
            assert_step(&out, &t, State::Established, &[ack(LOCAL + 1, REMOTE + 1)]);
            assert_eq!(t.next_timer(), None, "the SYN is acknowledged");
        }

        #[test]
        fn syn_alone_is_simultaneous_open() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, syn(REMOTE));
            let syn_ack = seg(LOCAL, Some(REMOTE + 1), Ctl::SYN, 0);
            assert_step(&out, &t, State::SynReceived, &[syn_ack]);
        }

        #[test]
        fn rst_ack_refuses() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, seg(0, Some(LOCAL + 1), Ctl::RST, 0));
            assert_step(&out, &t, State::Closed, &[]);
            assert_eq!(out.rule, Rule::SynSentRefused);
            assert_eq!(t.next_timer(), None);
        }

        #[test]
        fn rst_without_ack_is_dropped() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, rst(0));
            assert_step(&out, &t, State::SynSent, &[]);
        }

        #[test]
        fn ack_of_something_else_gets_rst() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL + 77), Ctl::SYN, 0));
            assert_step(&out, &t, State::SynSent, &[rst(LOCAL + 77)]);
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL), Ctl::SYN, 0));
            assert_step(&out, &t, State::SynSent, &[rst(LOCAL)]);
        }

        #[test]
        fn pure_ack_is_dropped() {
            let mut t = in_state(State::SynSent);
            let out = recv(&mut t, ack(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::SynSent, &[]);
            assert_eq!(out.rule, Rule::SynSentDrops);
        }

        #[test]
        fn rto_retransmits_the_syn_with_backoff() {
            let mut t = in_state(State::SynSent);
            assert_eq!(t.next_timer(), Some((1_000, Timer::Retransmit)));
            let out = t.step(1_000, Event::Timeout(Timer::Retransmit));
            assert_step(&out, &t, State::SynSent, &[syn(LOCAL)]);
            assert_eq!(t.next_timer(), Some((3_000, Timer::Retransmit)));
            let out = t.step(3_000, Event::Timeout(Timer::Retransmit));
            assert_eq!(out.sent, [syn(LOCAL)]);
            assert_eq!(t.next_timer(), Some((7_000, Timer::Retransmit)));
            // RFC 6298 5.7: after a SYN timed out, data starts with a 3 s RTO.
            t.step(
                7_050,
                Event::Segment(seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0)),
            );
            assert_eq!(t.rto_ms(), RTO_AFTER_SYN_TIMEOUT_MS);
        }

        #[test]
        fn close_deletes() {
            let mut t = in_state(State::SynSent);
            let out = call(&mut t, Event::Close);
            assert_step(&out, &t, State::Closed, &[]);
            assert_eq!(t.next_timer(), None);
        }
    }

    mod syn_received {
        use super::*;

        #[test]
        fn ack_of_syn_establishes() {
            let mut t = in_state(State::SynReceived);
            let out = recv(&mut t, ack(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::Established, &[]);
            assert_eq!(t.next_timer(), None);
        }

        #[test]
        fn rst_returns_to_listen_after_passive_open() {
            let mut t = in_state(State::SynReceived);
            let out = recv(&mut t, rst(REMOTE + 1));
            assert_step(&out, &t, State::Listen, &[]);
            assert_eq!(
                t.next_timer(),
                None,
                "the half-open connection is forgotten"
            );
        }

        #[test]
        fn rst_closes_after_active_open() {
            let mut t = in_state(State::SynSent);
            recv(&mut t, syn(REMOTE));
            let out = recv(&mut t, rst(REMOTE + 1));
            assert_step(&out, &t, State::Closed, &[]);
            assert_eq!(out.rule, Rule::RstRefused);
        }

        #[test]
        fn duplicate_syn_is_outside_the_window_and_gets_an_ack() {
            let mut t = in_state(State::SynReceived);
            let out = recv(&mut t, syn(REMOTE));
            assert_step(&out, &t, State::SynReceived, &[ack(LOCAL + 1, REMOTE + 1)]);
        }

        #[test]
        fn simultaneous_syn_ack_establishes() {
            let mut t = in_state(State::SynSent);
            recv(&mut t, syn(REMOTE));
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0));
            assert_step(&out, &t, State::Established, &[]);
            assert_eq!(out.rule, Rule::SimultaneousSynAck);
        }

        #[test]
        fn unacceptable_ack_gets_rst() {
            let mut t = in_state(State::SynReceived);
            let out = recv(&mut t, ack(REMOTE + 1, LOCAL + 9));
            assert_step(&out, &t, State::SynReceived, &[rst(LOCAL + 9)]);
        }

        #[test]
        fn ack_with_fin_goes_on_to_close_wait() {
            let mut t = in_state(State::SynReceived);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::CloseWait, &[ack(LOCAL + 1, REMOTE + 2)]);
            let path: Vec<State> = t.transitions.iter().map(|x| x.to).collect();
            assert_eq!(
                path,
                [
                    State::Listen,
                    State::SynReceived,
                    State::Established,
                    State::CloseWait
                ]
            );
        }

        #[test]
        fn rto_retransmits_the_syn_ack() {
            let mut t = in_state(State::SynReceived);
            let out = t.step(1_000, Event::Timeout(Timer::Retransmit));
            let syn_ack = seg(LOCAL, Some(REMOTE + 1), Ctl::SYN, 0);
            assert_step(&out, &t, State::SynReceived, &[syn_ack]);
            assert_eq!(t.next_timer(), Some((3_000, Timer::Retransmit)));
        }
    }

    mod established {
        use super::*;

        #[test]
        fn fin_goes_to_close_wait_and_is_acked() {
            let mut t = in_state(State::Established);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::CloseWait, &[ack(LOCAL + 1, REMOTE + 2)]);
        }

        #[test]
        fn fin_with_delayed_ack_waits_for_a_segment_to_ride_on() {
            let mut t = in_state(State::Established).with_delayed_ack(40);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::CloseWait, &[]);
            assert_eq!(t.next_timer(), Some((T + 40, Timer::DelayedAck)));
            let out = call(&mut t, Event::Close);
            let fin_ack = fin(LOCAL + 1, REMOTE + 2);
            assert_step(&out, &t, State::LastAck, &[fin_ack]);
            assert_eq!(t.next_timer(), Some((T + 1_000, Timer::Retransmit)));
        }

        #[test]
        fn close_sends_fin() {
            let mut t = in_state(State::Established);
            let out = call(&mut t, Event::Close);
            assert_step(&out, &t, State::FinWait1, &[fin(LOCAL + 1, REMOTE + 1)]);
            assert_eq!(t.snd_nxt, LOCAL + 2, "the FIN consumes a sequence number");
        }

        #[test]
        fn data_is_taken_and_acked() {
            let mut t = in_state(State::Established);
            let out = recv(
                &mut t,
                seg(REMOTE + 1, Some(LOCAL + 1), Ctl::default(), 100),
            );
            assert_step(
                &out,
                &t,
                State::Established,
                &[ack(LOCAL + 1, REMOTE + 101)],
            );
            assert_eq!(t.delivered, 100);
        }

        #[test]
        fn segment_outside_the_window_gets_an_ack_once() {
            let mut t = in_state(State::Established);
            let old = seg(
                REMOTE.wrapping_sub(5_000_000),
                Some(LOCAL + 1),
                Ctl::default(),
                100,
            );
            let out = recv(&mut t, old);
            assert_step(&out, &t, State::Established, &[ack(LOCAL + 1, REMOTE + 1)]);
            assert_eq!(t.delivered, 0);
            let out = recv(&mut t, old);
            assert_eq!(out.sent, [], "rate-limited");
        }

        /// Regression (issue 25 §2): in-window data beyond RCV.NXT is held
        /// (RFC 9293 3.10.7.4) and answered at once by a duplicate ACK
        /// (RFC 5681 4.2), every time: the rate limit is for segments
        /// outside the window. When the gap fills, RCV.NXT jumps over the
        /// held data.
        #[test]
        fn out_of_order_data_is_held_and_duplicate_acked() {
            let mut t = in_state(State::Established);
            let second = seg(REMOTE + 101, Some(LOCAL + 1), Ctl::default(), 100);
            let third = seg(REMOTE + 201, Some(LOCAL + 1), Ctl::default(), 100);
            let dup = ack(LOCAL + 1, REMOTE + 1);
            let out = recv(&mut t, second);
            assert_eq!(out.rule, Rule::OutOfOrder);
            assert_step(&out, &t, State::Established, &[dup]);
            let out = recv(&mut t, third);
            assert_step(&out, &t, State::Established, &[dup]);
            assert_eq!((t.delivered, t.held_bytes()), (0, 200));
            // The same segment again still gets its duplicate ACK.
            let out = recv(&mut t, second);
            assert_eq!(out.sent, [dup], "not rate limited");
            let first = seg(REMOTE + 1, Some(LOCAL + 1), Ctl::default(), 100);
            let out = recv(&mut t, first);
            assert_step(
                &out,
                &t,
                State::Established,
                &[ack(LOCAL + 1, REMOTE + 301)],
            );
            assert_eq!((t.delivered, t.held_bytes()), (300, 0));
        }

        /// Regression (issue 25 §2, Karn's rule, RFC 6298 3 and 5): the ACK
        /// of retransmitted data gives no RTT sample and does not undo the
        /// backoff; the ACK of data sent once does.
        #[test]
        fn karn_keeps_the_backed_off_rto_after_an_ack_of_a_retransmission() {
            let mut t = in_state(State::Established);
            call(&mut t, Event::Send(100));
            let out = t.step(T + 1_000, Event::Timeout(Timer::Retransmit));
            assert_eq!(out.rule, Rule::Retransmit);
            assert_eq!(t.rto_ms(), 2_000);
            t.step(T + 1_100, Event::Send(100));
            // The ACK covers the retransmitted segment only.
            t.step(T + 1_200, Event::Segment(ack(REMOTE + 1, LOCAL + 101)));
            assert_eq!(t.rto_ms(), 2_000, "backed-off RTO kept");
            assert_eq!(t.next_timer(), Some((T + 3_200, Timer::Retransmit)));
            // The next ACK is for a segment sent once: a fresh sample.
            t.step(T + 1_250, Event::Segment(ack(REMOTE + 1, LOCAL + 201)));
            assert_eq!(t.rto_ms(), INITIAL_RTO_MS);
            assert_eq!(t.next_timer(), None);
        }

        #[test]
        fn ack_of_unsent_data_gets_an_ack() {
            let mut t = in_state(State::Established);
            let out = recv(&mut t, ack(REMOTE + 1, LOCAL + 500));
            assert_step(&out, &t, State::Established, &[ack(LOCAL + 1, REMOTE + 1)]);
            assert_eq!(out.rule, Rule::AckAhead);
        }

        #[test]
        fn rst_at_rcv_nxt_resets() {
            let mut t = in_state(State::Established);
            let out = recv(&mut t, rst(REMOTE + 1));
            assert_step(&out, &t, State::Closed, &[]);
        }

        #[test]
        fn rst_in_window_elsewhere_gets_a_challenge_ack() {
            let mut t = in_state(State::Established);
            let out = recv(&mut t, rst(REMOTE + 10));
            assert_step(&out, &t, State::Established, &[ack(LOCAL + 1, REMOTE + 1)]);
        }

        #[test]
        fn duplicate_syn_ack_gets_an_ack() {
            let mut t = in_state(State::Established);
            let out = recv(&mut t, seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0));
            assert_step(&out, &t, State::Established, &[ack(LOCAL + 1, REMOTE + 1)]);
        }
    }

    mod fin_wait_1 {
        use super::*;

        #[test]
        fn ack_of_fin_goes_to_fin_wait_2() {
            let mut t = in_state(State::FinWait1);
            let out = recv(&mut t, ack(REMOTE + 1, LOCAL + 2));
            assert_step(&out, &t, State::FinWait2, &[]);
            assert_eq!(t.next_timer(), None);
        }

        #[test]
        fn fin_before_our_fin_is_acked_is_closing() {
            let mut t = in_state(State::FinWait1);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::Closing, &[ack(LOCAL + 2, REMOTE + 2)]);
        }

        #[test]
        fn fin_that_acks_our_fin_goes_straight_to_time_wait() {
            let mut t = in_state(State::FinWait1);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 2));
            assert_step(&out, &t, State::TimeWait, &[ack(LOCAL + 2, REMOTE + 2)]);
            assert_eq!(t.next_timer(), Some((T + 2 * MSL, Timer::TimeWait)));
        }

        #[test]
        fn rto_retransmits_the_fin() {
            let mut t = in_state(State::FinWait1);
            let out = t.step(1_000, Event::Timeout(Timer::Retransmit));
            assert_step(&out, &t, State::FinWait1, &[fin(LOCAL + 1, REMOTE + 1)]);
        }

        #[test]
        fn second_close_is_an_error() {
            let mut t = in_state(State::FinWait1);
            let out = call(&mut t, Event::Close);
            assert_step(&out, &t, State::FinWait1, &[]);
            assert_eq!(out.rule, Rule::CallError("error: connection closing"));
        }
    }

    mod fin_wait_2 {
        use super::*;

        #[test]
        fn fin_goes_to_time_wait_and_starts_2msl() {
            let mut t = in_state(State::FinWait2);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 2));
            assert_step(&out, &t, State::TimeWait, &[ack(LOCAL + 2, REMOTE + 2)]);
            assert_eq!(t.next_timer(), Some((T + 240_000, Timer::TimeWait)));
        }

        #[test]
        fn data_is_still_taken_half_close() {
            let mut t = in_state(State::FinWait2);
            let out = recv(
                &mut t,
                seg(REMOTE + 1, Some(LOCAL + 2), Ctl::default(), 100),
            );
            assert_step(&out, &t, State::FinWait2, &[ack(LOCAL + 2, REMOTE + 101)]);
        }

        /// Regression (issue 25 §2, half-close said close() but showed
        /// shutdown): after close() the socket reads no more, so data is
        /// answered with <SEQ=SEG.ACK><CTL=RST> and the connection is gone
        /// (RFC 1122 4.2.2.13, Linux TCPAbortOnData).
        #[test]
        fn data_after_close_gets_rst() {
            let mut t = in_state(State::Established);
            call(&mut t, Event::Close);
            recv(&mut t, ack(REMOTE + 1, LOCAL + 2));
            assert_eq!(t.state, State::FinWait2);
            let out = recv(
                &mut t,
                seg(REMOTE + 1, Some(LOCAL + 2), Ctl::default(), 100),
            );
            assert_eq!(out.rule, Rule::DataAfterClose);
            assert_step(&out, &t, State::Closed, &[rst(LOCAL + 2)]);
            assert_eq!(t.delivered, 0, "nobody reads it");
        }
    }

    mod close_wait {
        use super::*;

        #[test]
        fn close_sends_fin_and_goes_to_last_ack() {
            let mut t = in_state(State::CloseWait);
            let out = call(&mut t, Event::Close);
            assert_step(&out, &t, State::LastAck, &[fin(LOCAL + 1, REMOTE + 2)]);
        }

        #[test]
        fn may_still_send() {
            let mut t = in_state(State::CloseWait);
            let out = call(&mut t, Event::Send(100));
            let data = seg(LOCAL + 1, Some(REMOTE + 2), Ctl::default(), 100);
            assert_step(&out, &t, State::CloseWait, &[data]);
        }

        #[test]
        fn retransmitted_fin_is_acked_again() {
            let mut t = in_state(State::CloseWait);
            let out = recv(&mut t, fin(REMOTE + 1, LOCAL + 1));
            assert_step(&out, &t, State::CloseWait, &[ack(LOCAL + 1, REMOTE + 2)]);
        }
    }

    mod closing {
        use super::*;

        #[test]
        fn ack_of_fin_goes_to_time_wait() {
            let mut t = in_state(State::Closing);
            let out = recv(&mut t, ack(REMOTE + 2, LOCAL + 2));
            assert_step(&out, &t, State::TimeWait, &[]);
            assert_eq!(t.next_timer(), Some((T + 2 * MSL, Timer::TimeWait)));
        }
    }

    mod last_ack {
        use super::*;

        #[test]
        fn ack_of_fin_closes() {
            let mut t = in_state(State::LastAck);
            let out = recv(&mut t, ack(REMOTE + 2, LOCAL + 2));
            assert_step(&out, &t, State::Closed, &[]);
            assert_eq!(t.next_timer(), None);
        }

        #[test]
        fn rto_retransmits_the_fin() {
            let mut t = in_state(State::LastAck);
            let out = t.step(1_000, Event::Timeout(Timer::Retransmit));
            assert_step(&out, &t, State::LastAck, &[fin(LOCAL + 1, REMOTE + 2)]);
            assert_eq!(t.next_timer(), Some((3_000, Timer::Retransmit)));
        }
    }

    mod time_wait {
        use super::*;

        #[test]
        fn retransmitted_fin_is_reacked_and_restarts_2msl() {
            let mut t = in_state(State::TimeWait);
            assert_eq!(t.next_timer(), Some((2 * MSL, Timer::TimeWait)));
            let out = t.step(1_000, Event::Segment(fin(REMOTE + 1, LOCAL + 2)));
            assert_step(&out, &t, State::TimeWait, &[ack(LOCAL + 2, REMOTE + 2)]);
            assert_eq!(t.next_timer(), Some((1_000 + 2 * MSL, Timer::TimeWait)));
        }

        #[test]
        fn two_msl_expiry_closes() {
            let mut t = in_state(State::TimeWait);
            let out = t.step(2 * MSL, Event::Timeout(Timer::TimeWait));
            assert_step(&out, &t, State::Closed, &[]);
            assert_eq!(out.rule, Rule::TimeWaitExpired);
            assert_eq!(t.next_timer(), None);
        }
    }

    mod sequence_numbers {
        use super::*;

        #[test]
        fn comparisons_wrap_modulo_2_32() {
            assert!(seq_lt(0xFFFF_FFFF, 0));
            assert!(seq_lt(0xFFFF_FF00, 0x10));
            assert!(!seq_lt(0, 0xFFFF_FFFF));
            assert!(seq_le(5, 5));
        }

        #[test]
        fn isn_at_the_top_wraps_through_handshake_and_close() {
            let mut c = Tcb::new(Side::Client, 0xFFFF_FFFF, 1);
            let mut s = Tcb::new(Side::Server, 0xFFFF_FFFE, 1);
            s.step(0, Event::PassiveOpen);
            let syn = c.step(0, Event::ActiveOpen).sent[0];
            assert_eq!(syn.to_string(), "<SEQ=4294967295><CTL=SYN>");
            let syn_ack = s.step(50, Event::Segment(syn)).sent[0];
            assert_eq!(syn_ack.to_string(), "<SEQ=4294967294><ACK=0><CTL=SYN,ACK>");
            let ack3 = c.step(100, Event::Segment(syn_ack)).sent[0];
            assert_eq!(ack3.to_string(), "<SEQ=0><ACK=4294967295><CTL=ACK>");
            s.step(150, Event::Segment(ack3));
            assert_eq!((c.state, s.state), (State::Established, State::Established));
            let fin1 = c.step(200, Event::Close).sent[0];
            assert_eq!(fin1.to_string(), "<SEQ=0><ACK=4294967295><CTL=FIN,ACK>");
            let ack_fin = s.step(250, Event::Segment(fin1)).sent[0];
            assert_eq!(ack_fin.to_string(), "<SEQ=4294967295><ACK=1><CTL=ACK>");
            c.step(300, Event::Segment(ack_fin));
            let fin2 = s.step(300, Event::Close).sent[0];
            assert_eq!(fin2.to_string(), "<SEQ=4294967295><ACK=1><CTL=FIN,ACK>");
            let last = c.step(350, Event::Segment(fin2)).sent[0];
            assert_eq!(last.to_string(), "<SEQ=1><ACK=0><CTL=ACK>");
            s.step(400, Event::Segment(last));
            assert_eq!((c.state, s.state), (State::TimeWait, State::Closed));
        }
    }

    #[test]
    fn every_transition_is_recorded_with_time_and_cause() {
        let mut t = in_state(State::SynSent);
        t.step(
            100,
            Event::Segment(seg(REMOTE, Some(LOCAL + 1), Ctl::SYN, 0)),
        );
        let last = t.transitions.last().copied().expect("a transition");
        assert_eq!(
            last,
            Transition {
                t_ms: 100,
                side: Side::Client,
                from: State::SynSent,
                to: State::Established,
                rule: Rule::SynSentSynAck,
            }
        );
        assert_eq!(last.rule.cause(), "rcv SYN+ACK");
        assert_eq!(last.rule.section(), "RFC 9293 3.10.7.3");
    }
}
