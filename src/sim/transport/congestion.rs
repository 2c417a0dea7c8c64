//! `synack demo congestion`: TCP congestion control, one round trip at a
//! time, in segments: slow start, congestion avoidance (AIMD), fast
//! retransmit and fast recovery, and the retransmission timeout, for Tahoe,
//! Reno (RFC 5681), NewReno (RFC 6582) and CUBIC (RFC 9438).
//!
//! The model ([`simulate`], [`after_loss`]) is pure: each round's cwnd is
//! what the sender may have in flight during that RTT, and a loss listed for
//! a round is detected during it, so the reaction shows in the next round.
//! Simplifications, all said in the output too: IW = 1 segment (RFC 5681
//! allows 2–4, Linux uses 10); slow start stops at ssthresh; congestion
//! avoidance adds one segment per RTT; a round lasts 1 s for CUBIC's clock
//! (its `t` is in seconds), which does not matter to the others.

use clap::{Parser, ValueEnum};
use serde::Serialize;

use crate::sim::trace::{Chart, Series, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "congestion",
    title: || crate::tr!("demo-congestion-title"),
    summary: || crate::tr!("demo-congestion-summary"),
    topics: &[
        "congestion control",
        "cwnd",
        "slow start",
        "AIMD",
        "fast retransmit",
        "fast recovery",
        "CUBIC",
    ],
    keywords: &[
        "혼잡 제어",
        "congestion control",
        "혼잡 윈도우",
        "cwnd",
        "ssthresh",
        "slow start",
        "느린 시작",
        "aimd",
        "congestion avoidance",
        "혼잡 회피",
        "fast retransmit",
        "fast recovery",
        "빠른 재전송",
        "빠른 회복",
        "reno",
        "newreno",
        "tahoe",
        "cubic",
    ],
    run,
};

/// CUBIC's multiplicative decrease factor (RFC 9438 §4.6).
pub const BETA_CUBIC: f64 = 0.7;
/// CUBIC's scaling constant (RFC 9438 §4.2), segments per second cubed.
pub const C_CUBIC: f64 = 0.4;
/// The Reno-friendly additive increase (RFC 9438 §4.3): 3(1−β)/(1+β).
pub const ALPHA_CUBIC: f64 = 3.0 * (1.0 - BETA_CUBIC) / (1.0 + BETA_CUBIC);

const EXAMPLES: &str = "\
  synack demo congestion --algorithm reno --loss-at 8 --loss dupack
  synack demo congestion --algorithm tahoe --loss-at 8 --loss dupack
  synack demo congestion --algorithm newreno --loss-at 6,6 --ssthresh 16
  synack demo congestion --algorithm cubic --loss-at 6,14 --rtts 20
  synack demo congestion --loss timeout --loss-at 5,14 --ssthresh 16";

#[derive(Debug, Parser)]
#[command(
    name = "congestion",
    about = crate::tr!("demo-congestion-about"),
    long_about = crate::tr!("demo-congestion-long-about"),
    after_help = format!("{}\n{EXAMPLES}", crate::tr!("demo-congestion-examples"))
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Algorithm::Reno,
          help = crate::tr!("demo-congestion-opt-algorithm"))]
    algorithm: Algorithm,
    #[arg(long, value_name = "RTT[,RTT…]", value_delimiter = ',', default_value = "8",
          value_parser = clap::value_parser!(u32).range(1..=60),
          help = crate::tr!("demo-congestion-opt-loss-at"))]
    loss_at: Vec<u32>,
    #[arg(long, value_enum, default_value_t = Loss::Dupack,
          help = crate::tr!("demo-congestion-opt-loss"))]
    loss: Loss,
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u32).range(1..=60),
          help = crate::tr!("demo-congestion-opt-rtts"))]
    rtts: u32,
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=10_000),
          help = crate::tr!("demo-congestion-opt-ssthresh"))]
    ssthresh: Option<u32>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    #[value(help = crate::tr!("demo-congestion-algorithm-tahoe"))]
    Tahoe,
    #[value(help = crate::tr!("demo-congestion-algorithm-reno"))]
    Reno,
    #[value(help = crate::tr!("demo-congestion-algorithm-newreno"))]
    Newreno,
    #[value(help = crate::tr!("demo-congestion-algorithm-cubic"))]
    Cubic,
}

impl Algorithm {
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Tahoe => "tahoe",
            Algorithm::Reno => "reno",
            Algorithm::Newreno => "newreno",
            Algorithm::Cubic => "cubic",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Algorithm::Tahoe => "Tahoe",
            Algorithm::Reno => "Reno (RFC 5681)",
            Algorithm::Newreno => "NewReno (RFC 6582)",
            Algorithm::Cubic => "CUBIC (RFC 9438)",
        }
    }
}

/// How a loss is detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Loss {
    #[value(help = crate::tr!("demo-congestion-loss-dupack"))]
    Dupack,
    #[value(help = crate::tr!("demo-congestion-loss-timeout"))]
    Timeout,
}

/// The sender's phase during a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    SlowStart,
    CongestionAvoidance,
    FastRecovery,
}

impl Phase {
    fn text(self) -> &'static str {
        match self {
            Phase::SlowStart => "slow start",
            Phase::CongestionAvoidance => "congestion avoidance",
            Phase::FastRecovery => "fast recovery",
        }
    }
}

/// One RTT.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Round {
    pub rtt: u32,
    /// Segments the sender may have in flight during this round.
    pub cwnd: f64,
    /// `None` while unbounded.
    pub ssthresh: Option<f64>,
    /// A loss detected in this round.
    pub event: Option<Loss>,
    pub phase: Phase,
}

/// The reaction to a loss, as a whole: the new `(cwnd, ssthresh)` in
/// segments when a loss of kind `loss` is detected with `cwnd` segments in
/// flight. For Reno and NewReno after duplicate ACKs the cwnd is the one
/// entering fast recovery, ssthresh + 3 (RFC 5681 §3.2 step 4; it falls back
/// to ssthresh when recovery ends).
pub fn after_loss(algorithm: Algorithm, cwnd: f64, loss: Loss) -> (f64, f64) {
    let ssthresh = match algorithm {
        // RFC 9438 §4.6: ssthresh = cwnd · β_cubic.
        Algorithm::Cubic => (cwnd * BETA_CUBIC).max(2.0),
        // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2·SMSS), whole segments.
        _ => (cwnd / 2.0).floor().max(2.0),
    };
    let cwnd = match (algorithm, loss) {
        // RFC 5681 §3.1: after an RTO, cwnd = LW = 1 SMSS.
        (_, Loss::Timeout) | (Algorithm::Tahoe, Loss::Dupack) => 1.0,
        // RFC 5681 §3.2 step 4: cwnd = ssthresh + 3·SMSS.
        (Algorithm::Reno | Algorithm::Newreno, Loss::Dupack) => ssthresh + 3.0,
        // RFC 9438 §4.6: cwnd = ssthresh.
        (Algorithm::Cubic, Loss::Dupack) => ssthresh,
    };
    (cwnd, ssthresh)
}

/// CUBIC's window function (RFC 9438 §4.2, eq. 1): W_cubic(t) = C·(t − K)³ + W_max.
pub fn w_cubic(t: f64, k: f64, w_max: f64) -> f64 {
    C_CUBIC * (t - k).powi(3) + w_max
}

/// K = ∛((W_max − cwnd_epoch) / C) (RFC 9438 §4.2, eq. 2); after a
/// reduction to β·W_max this is ∛(W_max·(1 − β)/C).
pub fn cubic_k(w_max: f64, cwnd_epoch: f64) -> f64 {
    ((w_max - cwnd_epoch).max(0.0) / C_CUBIC).cbrt()
}

/// CUBIC's memory between rounds.
#[derive(Debug, Clone, Copy, Default)]
struct Cubic {
    w_max: Option<f64>,
    /// W_max before fast convergence (RFC 9438 §4.7).
    w_last_max: Option<f64>,
    /// The round its congestion avoidance epoch began, and cwnd then.
    epoch: Option<(u32, f64)>,
    k: f64,
    w_est: f64,
    cwnd_prior: f64,
}

/// Runs `rtts` rounds. `losses` lists the rounds with a loss (a round twice
/// for two losses in that window).
pub fn simulate(
    algorithm: Algorithm,
    rtts: u32,
    losses: &[u32],
    loss: Loss,
    ssthresh: Option<f64>,
) -> Vec<Round> {
    let mut cwnd = 1.0;
    let mut ssthresh = ssthresh;
    let mut phase = if ssthresh.is_some_and(|s| cwnd >= s) {
        Phase::CongestionAvoidance
    } else {
        Phase::SlowStart
    };
    // Losses of the current window still to repair in fast recovery.
    let mut pending = 0;
    let mut cubic = Cubic::default();
    let mut rounds = Vec::new();
    for rtt in 1..=rtts {
        let lost = losses.iter().filter(|&&r| r == rtt).count() as u32;
        let mut round = Round {
            rtt,
            cwnd,
            ssthresh,
            event: (lost > 0).then_some(loss),
            phase,
        };
        if lost > 0 {
            // In fast recovery cwnd is inflated; what is in flight is about ssthresh.
            let flight = match (phase, ssthresh) {
                (Phase::FastRecovery, Some(s)) => s,
                _ => cwnd,
            };
            let (c, s) = after_loss(algorithm, flight, loss);
            if algorithm == Algorithm::Cubic {
                cubic.reduce(flight);
            }
            (cwnd, ssthresh) = (c, Some(s));
            pending = lost - 1;
            phase = match (algorithm, loss) {
                (_, Loss::Timeout) | (Algorithm::Tahoe, _) => Phase::SlowStart,
                _ => Phase::FastRecovery,
            };
        } else {
            match phase {
                // RFC 5681 §3.1: cwnd += SMSS per ACK, doubling per RTT, up to ssthresh.
                Phase::SlowStart => {
                    cwnd = match ssthresh {
                        Some(s) => (cwnd * 2.0).min(s),
                        None => cwnd * 2.0,
                    };
                    if ssthresh.is_some_and(|s| cwnd >= s) {
                        phase = Phase::CongestionAvoidance;
                        cubic.start_epoch(rtt + 1, cwnd);
                    }
                }
                Phase::CongestionAvoidance => {
                    cwnd = match algorithm {
                        // RFC 5681 §3.1: about one SMSS per RTT.
                        Algorithm::Cubic => cubic.next(rtt, cwnd),
                        _ => cwnd + 1.0,
                    };
                }
                Phase::FastRecovery => {
                    let s = ssthresh.unwrap_or(cwnd);
                    if pending > 0 && algorithm == Algorithm::Reno {
                        // Reno leaves recovery on the first partial ACK and
                        // halves again for the next loss of the same window.
                        let flight = s;
                        round.event = Some(Loss::Dupack);
                        let (c, s) = after_loss(algorithm, flight, Loss::Dupack);
                        (cwnd, ssthresh) = (c, Some(s));
                        pending -= 1;
                    } else if pending > 0 {
                        // NewReno (RFC 6582 §3.2 step 5) and CUBIC's SACK
                        // recovery: a partial ACK retransmits the next hole
                        // and stays in recovery, deflated to about ssthresh.
                        cwnd = s;
                        pending -= 1;
                    } else {
                        // RFC 5681 §3.2 step 6 (RFC 6582 step 3): the ACK of
                        // all outstanding data deflates cwnd to ssthresh.
                        cwnd = s;
                        phase = Phase::CongestionAvoidance;
                        cubic.start_epoch(rtt + 1, cwnd);
                    }
                }
            }
        }
        rounds.push(round);
    }
    rounds
}

impl Cubic {
    /// A congestion event with `cwnd` in flight: remember W_max, with fast
    /// convergence (RFC 9438 §4.7) when it is below the last one.
    fn reduce(&mut self, cwnd: f64) {
        self.cwnd_prior = cwnd;
        self.w_max = Some(match self.w_last_max {
            Some(last) if cwnd < last => cwnd * (1.0 + BETA_CUBIC) / 2.0,
            _ => cwnd,
        });
        self.w_last_max = Some(cwnd);
        self.epoch = None;
    }

    /// Congestion avoidance begins at round `rtt` with `cwnd`.
    fn start_epoch(&mut self, rtt: u32, cwnd: f64) {
        // RFC 9438 §4.2: with no loss yet, or above W_max, K = 0 and W_max = cwnd.
        let w_max = match self.w_max {
            Some(w) if w > cwnd => w,
            _ => cwnd,
        };
        self.w_max = Some(w_max);
        self.epoch = Some((rtt, cwnd));
        self.k = cubic_k(w_max, cwnd);
        self.w_est = cwnd;
        if self.cwnd_prior == 0.0 {
            self.cwnd_prior = cwnd;
        }
    }

    /// cwnd for the round after `rtt` (RFC 9438 §4.2–4.5).
    fn next(&mut self, rtt: u32, cwnd: f64) -> f64 {
        let (start, _) = self.epoch.unwrap_or((rtt, cwnd));
        let w_max = self.w_max.unwrap_or(cwnd);
        // One RTT = 1 s: t is the time since the epoch began, at the end of
        // this round, and the target is W_cubic one RTT later (§4.2).
        let t = f64::from(rtt + 1 - start);
        // §4.3: W_est grows by α_cubic per RTT, 1 once it passes cwnd_prior.
        let alpha = if self.w_est >= self.cwnd_prior {
            1.0
        } else {
            ALPHA_CUBIC
        };
        self.w_est += alpha;
        let cubic = w_cubic(t, self.k, w_max);
        if cubic < self.w_est {
            // The Reno-friendly region.
            self.w_est
        } else {
            // Concave or convex region: toward the target, at most 1.5·cwnd.
            cubic.clamp(cwnd, 1.5 * cwnd)
        }
    }
}

/// `v` as JSON: whole numbers without a fraction, others to 2 decimals.
fn num(v: f64) -> serde_json::Value {
    if (v - v.round()).abs() < 1e-9 {
        serde_json::Value::from(v.round() as i64)
    } else {
        serde_json::Value::from((v * 100.0).round() / 100.0)
    }
}

fn text_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn loss_name(l: Loss) -> &'static str {
    match l {
        Loss::Dupack => "dupack",
        Loss::Timeout => "timeout",
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    if let Some(r) = args.loss_at.iter().find(|&&r| r > args.rtts) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-congestion-err-loss-at",
            rtt = *r,
            rtts = args.rtts
        )));
    }
    let rounds = simulate(
        args.algorithm,
        args.rtts,
        &args.loss_at,
        args.loss,
        args.ssthresh.map(f64::from),
    );
    show(out, &args, &rounds)?;
    let json_rounds: Vec<serde_json::Value> = rounds
        .iter()
        .map(|r| {
            serde_json::json!({
                "rtt": r.rtt,
                "cwnd": num(r.cwnd),
                "ssthresh": r.ssthresh.map(num),
                "event": r.event.map(loss_name),
            })
        })
        .collect();
    Ok(serde_json::json!({
        "algorithm": args.algorithm.name(),
        "rounds": json_rounds,
    }))
}

fn explain(a: Algorithm) -> String {
    match a {
        Algorithm::Tahoe => crate::tr!("demo-congestion-explain-tahoe"),
        Algorithm::Reno => crate::tr!("demo-congestion-explain-reno"),
        Algorithm::Newreno => crate::tr!("demo-congestion-explain-newreno"),
        Algorithm::Cubic => crate::tr!("demo-congestion-explain-cubic"),
    }
}

fn show(out: &mut Emitter<'_>, args: &Args, rounds: &[Round]) -> Result<(), SimError> {
    let losses: Vec<String> = args.loss_at.iter().map(u32::to_string).collect();
    out.title(crate::tr!(
        "demo-congestion-title-run",
        algorithm = args.algorithm.title(),
        losses = losses.join(","),
        how = match args.loss {
            Loss::Dupack => crate::tr!("demo-congestion-how-dupack"),
            Loss::Timeout => crate::tr!("demo-congestion-how-timeout"),
        }
    ))?;
    out.text(explain(args.algorithm))?;
    out.text(crate::tr!("demo-congestion-units"))?;
    let cwnd: Vec<(f64, Option<f64>)> = rounds
        .iter()
        .map(|r| (f64::from(r.rtt), Some(r.cwnd)))
        .collect();
    let ssthresh: Vec<(f64, Option<f64>)> = rounds
        .iter()
        .map(|r| (f64::from(r.rtt), r.ssthresh))
        .collect();
    out.chart(Chart {
        title: crate::tr!("demo-congestion-chart-title"),
        x_label: "RTT".into(),
        y_label: crate::tr!("demo-congestion-chart-y"),
        // cwnd last: where the two meet, its mark is the one drawn.
        series: vec![
            Series {
                name: "ssthresh".into(),
                mark: '-',
                points: ssthresh,
            },
            Series {
                name: "cwnd".into(),
                mark: '*',
                points: cwnd,
            },
        ],
    })?;
    let mut t = Table::new([
        "RTT".to_string(),
        "cwnd".to_string(),
        "ssthresh".to_string(),
        crate::tr!("demo-congestion-col-phase"),
        crate::tr!("demo-congestion-col-event"),
    ]);
    for r in rounds {
        t.row([
            r.rtt.to_string(),
            text_num(r.cwnd),
            r.ssthresh.map(text_num).unwrap_or_else(|| "∞".into()),
            r.phase.text().to_string(),
            match r.event {
                None => String::new(),
                Some(Loss::Dupack) => crate::tr!("demo-congestion-event-dupack"),
                Some(Loss::Timeout) => crate::tr!("demo-congestion-event-timeout"),
            },
        ]);
    }
    out.table(t)?;
    for (i, r) in rounds.iter().enumerate() {
        let Some(next) = rounds.get(i + 1) else {
            break;
        };
        let label = format!("RTT {}", r.rtt);
        if let Some(loss) = r.event {
            let flight = match (r.phase, r.ssthresh) {
                (Phase::FastRecovery, Some(s)) => s,
                _ => r.cwnd,
            };
            let s = next.ssthresh.map(text_num).unwrap_or_default();
            let f = text_num(flight);
            let c = text_num(next.cwnd);
            let (f, s, c) = (f.as_str(), s.as_str(), c.as_str());
            let why = match (args.algorithm, loss) {
                (Algorithm::Cubic, Loss::Dupack) => crate::tr!(
                    "demo-congestion-why-cubic-dupack",
                    flight = f,
                    ssthresh = s,
                    cwnd = c
                ),
                (Algorithm::Cubic, Loss::Timeout) => {
                    crate::tr!(
                        "demo-congestion-why-cubic-timeout",
                        flight = f,
                        ssthresh = s
                    )
                }
                (Algorithm::Tahoe, Loss::Dupack) => {
                    crate::tr!("demo-congestion-why-tahoe-dupack", flight = f, ssthresh = s)
                }
                (_, Loss::Timeout) => {
                    crate::tr!("demo-congestion-why-timeout", flight = f, ssthresh = s)
                }
                (_, Loss::Dupack) => crate::tr!(
                    "demo-congestion-why-dupack",
                    flight = f,
                    ssthresh = s,
                    cwnd = c
                ),
            };
            out.note(label, why)?;
        } else if r.phase == Phase::FastRecovery {
            let c = text_num(next.cwnd);
            let why = if next.phase == Phase::FastRecovery {
                crate::tr!("demo-congestion-why-partial-ack", cwnd = c.as_str())
            } else {
                crate::tr!("demo-congestion-why-new-ack", cwnd = c.as_str())
            };
            out.note(label, why)?;
        } else if r.phase == Phase::SlowStart && next.phase == Phase::CongestionAvoidance {
            out.note(
                label,
                crate::tr!("demo-congestion-why-to-ca", cwnd = text_num(next.cwnd)),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cwnds(rounds: &[Round]) -> Vec<f64> {
        rounds.iter().map(|r| r.cwnd).collect()
    }

    fn ssthreshes(rounds: &[Round]) -> Vec<Option<f64>> {
        rounds.iter().map(|r| r.ssthresh).collect()
    }

    #[test]
    fn reno_dupack_halves_and_enters_fast_recovery() {
        // Slow start from IW 1 with ssthresh unbounded: 1, 2, 4, …, 2^7 = 128
        // in round 8, where 3 duplicate ACKs arrive. RFC 5681 (4):
        // ssthresh = max(128/2, 2) = 64; step 4: cwnd = 64 + 3 = 67 in fast
        // recovery; step 6: cwnd = ssthresh = 64; then +1 per RTT.
        let r = simulate(Algorithm::Reno, 12, &[8], Loss::Dupack, None);
        assert_eq!(
            cwnds(&r),
            [1., 2., 4., 8., 16., 32., 64., 128., 67., 64., 65., 66.]
        );
        let unbounded = [None; 8];
        assert_eq!(ssthreshes(&r)[..8], unbounded);
        assert_eq!(ssthreshes(&r)[8..], [Some(64.); 4]);
        assert_eq!(r[8].phase, Phase::FastRecovery);
        assert_eq!(r[9].phase, Phase::CongestionAvoidance);
        assert_eq!(r[7].event, Some(Loss::Dupack));
        assert!(r.iter().filter(|x| x.event.is_some()).count() == 1);
    }

    #[test]
    fn reno_timeout_goes_back_to_one_segment() {
        // ssthresh 16: 1, 2, 4, 8, 16, then 17, 18 (CA); timeout in round 7
        // with 18 in flight: ssthresh = 9, cwnd = 1; slow start 1, 2, 4, 8,
        // capped at 9, then 10.
        let r = simulate(Algorithm::Reno, 14, &[7], Loss::Timeout, Some(16.0));
        assert_eq!(
            cwnds(&r),
            [1., 2., 4., 8., 16., 17., 18., 1., 2., 4., 8., 9., 10., 11.]
        );
        assert_eq!(r[7].ssthresh, Some(9.0));
        assert_eq!(r[7].phase, Phase::SlowStart);
        assert_eq!(r[11].phase, Phase::CongestionAvoidance);
    }

    #[test]
    fn tahoe_treats_duplicate_acks_like_a_timeout() {
        let dup = simulate(Algorithm::Tahoe, 12, &[6], Loss::Dupack, Some(16.0));
        // 1, 2, 4, 8, 16, 17 (loss): ssthresh = max(17/2, 2) = 8 (whole
        // segments), cwnd 1, 2, 4, 8, then 9.
        assert_eq!(
            cwnds(&dup),
            [1., 2., 4., 8., 16., 17., 1., 2., 4., 8., 9., 10.]
        );
        assert_eq!(dup[6].ssthresh, Some(8.0));
        let timeout = simulate(Algorithm::Tahoe, 12, &[6], Loss::Timeout, Some(16.0));
        assert_eq!(cwnds(&timeout), cwnds(&dup));
    }

    #[test]
    fn newreno_halves_once_for_two_losses_in_a_window_reno_twice() {
        // Round 6 (cwnd 17) loses two segments.
        let newreno = simulate(Algorithm::Newreno, 10, &[6, 6], Loss::Dupack, Some(16.0));
        // ssthresh = 8, cwnd = 8 + 3 = 11; a partial ACK keeps fast recovery
        // (cwnd ≈ ssthresh = 8); the full ACK ends it: 8; then 9.
        assert_eq!(cwnds(&newreno), [1., 2., 4., 8., 16., 17., 11., 8., 8., 9.]);
        assert_eq!(newreno[7].phase, Phase::FastRecovery);
        assert_eq!(newreno[9].ssthresh, Some(8.0));
        let reno = simulate(Algorithm::Reno, 10, &[6, 6], Loss::Dupack, Some(16.0));
        // Reno leaves recovery on the partial ACK and halves again:
        // ssthresh = max(8/2, 2) = 4, cwnd = 4 + 3 = 7, then 4, 5.
        assert_eq!(cwnds(&reno), [1., 2., 4., 8., 16., 17., 11., 7., 4., 5.]);
        assert_eq!(reno[9].ssthresh, Some(4.0));
        assert_eq!(reno[6].event, Some(Loss::Dupack));
    }

    #[test]
    fn newreno_single_loss_is_reno_and_timeout_is_one_segment() {
        let a = simulate(Algorithm::Newreno, 12, &[8], Loss::Dupack, None);
        let b = simulate(Algorithm::Reno, 12, &[8], Loss::Dupack, None);
        assert_eq!(a, b);
        let t = simulate(Algorithm::Newreno, 10, &[5], Loss::Timeout, None);
        // 16 in flight: ssthresh 8, cwnd 1, 2, 4, 8, 9.
        assert_eq!(cwnds(&t), [1., 2., 4., 8., 16., 1., 2., 4., 8., 9.]);
    }

    #[test]
    fn cubic_dupack_reduces_to_beta_and_grows_by_the_cubic() {
        let r = simulate(Algorithm::Cubic, 14, &[6], Loss::Dupack, None);
        // 1..32 in slow start, loss in round 6 with W_max = 32:
        // ssthresh = cwnd = 0.7·32 = 22.4 (one recovery round), then the
        // epoch starts in round 8 with cwnd_epoch = 22.4.
        assert_eq!(cwnds(&r)[..8], [1., 2., 4., 8., 16., 32., 22.4, 22.4]);
        assert_eq!(r[6].ssthresh, Some(22.4));
        let w_max = 32.0_f64;
        let k = (w_max * (1.0 - 0.7) / 0.4).cbrt(); // ∛24 ≈ 2.884
        assert!((cubic_k(w_max, 22.4) - k).abs() < 1e-9);
        // Round 8+n (n = 0, 1, …) ends n + 1 seconds into the epoch; the
        // next round's cwnd is W_cubic(n + 1) = 0.4·(n + 1 − K)³ + 32 unless
        // W_est (22.4 + 0.529·(n + 1)) is above it.
        let mut expected = 22.4_f64;
        let mut w_est = 22.4_f64;
        for n in 0..6 {
            w_est += 3.0 * 0.3 / 1.7;
            let cubic = 0.4 * ((n + 1) as f64 - k).powi(3) + w_max;
            expected = if cubic < w_est {
                w_est
            } else {
                cubic.clamp(expected, 1.5 * expected)
            };
            assert!((r[8 + n].cwnd - expected).abs() < 1e-9, "round {}", 9 + n);
        }
        // Concave: fast at first (22.4 → 27.6), flat near W_max (≈ 32).
        assert!((r[8].cwnd - (0.4 * (1.0 - k).powi(3) + 32.0)).abs() < 1e-9);
        assert!(r[9].cwnd > 31.0 && r[10].cwnd < 32.01);
    }

    #[test]
    fn cubic_timeout_goes_to_one_segment_and_slow_starts_to_ssthresh() {
        let r = simulate(Algorithm::Cubic, 12, &[6], Loss::Timeout, None);
        // 32 in flight: ssthresh = 22.4, cwnd = 1; slow start 1, 2, 4, 8,
        // 16, then 22.4 (capped), then congestion avoidance.
        assert_eq!(
            cwnds(&r)[..12],
            [1., 2., 4., 8., 16., 32., 1., 2., 4., 8., 16., 22.4]
        );
        assert_eq!(r[6].ssthresh, Some(22.4));
        assert_eq!(r[11].phase, Phase::CongestionAvoidance);
    }

    #[test]
    fn after_loss_is_the_rfc_reaction() {
        // RFC 5681: ssthresh = max(FlightSize/2, 2); Reno cwnd = ssthresh + 3.
        assert_eq!(
            after_loss(Algorithm::Reno, 20.0, Loss::Dupack),
            (13.0, 10.0)
        );
        assert_eq!(
            after_loss(Algorithm::Reno, 20.0, Loss::Timeout),
            (1.0, 10.0)
        );
        assert_eq!(
            after_loss(Algorithm::Tahoe, 20.0, Loss::Dupack),
            (1.0, 10.0)
        );
        assert_eq!(after_loss(Algorithm::Tahoe, 3.0, Loss::Timeout), (1.0, 2.0));
        assert_eq!(after_loss(Algorithm::Reno, 2.0, Loss::Dupack), (5.0, 2.0));
        let (c, s) = after_loss(Algorithm::Cubic, 20.0, Loss::Dupack);
        assert!((c - 14.0).abs() < 1e-9 && (s - 14.0).abs() < 1e-9);
    }

    #[test]
    fn fast_convergence_lowers_w_max_when_losses_come_sooner() {
        let mut c = Cubic::default();
        c.reduce(40.0);
        assert_eq!(c.w_max, Some(40.0));
        c.reduce(30.0);
        // RFC 9438 §4.7: W_max = cwnd·(1 + β)/2 = 30·0.85.
        assert!((c.w_max.unwrap() - 25.5).abs() < 1e-9);
    }

    #[test]
    fn json_numbers_are_whole_when_they_can_be() {
        assert_eq!(num(64.0).to_string(), "64");
        assert_eq!(num(22.4).to_string(), "22.4");
        assert_eq!(num(27.5999).to_string(), "27.6");
    }
}
