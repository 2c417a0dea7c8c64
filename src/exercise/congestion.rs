//! Exercises answered by the model of `synack demo congestion`
//! (`sim::transport::congestion`): cwnd and ssthresh after a loss
//! (RFC 5681 §3.1–3.2) and cwnd after N RTTs of slow start.

use serde_json::{Value, json};

use super::{ExerciseError, Expect, Solved, Template, bad, param, param_str, param_u64};
use crate::sim::transport::congestion::{self, Algorithm, Loss};

pub const AFTER_LOSS: Template = Template {
    name: "congestion/after-loss",
    demo: "congestion",
    title: || crate::tr!("exercise-congestion-after-loss-title"),
    params: |d| {
        json!({
            "algorithm": d.pick(&["reno", "tahoe"]),
            "cwnd": d.pick(&[4u64, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 20, 24, 25, 32]),
            "loss": d.pick(&["dupack", "timeout"]),
        })
    },
    solve: solve_after_loss,
};

pub const SLOW_START: Template = Template {
    name: "congestion/slow-start",
    demo: "congestion",
    title: || crate::tr!("exercise-congestion-slow-start-title"),
    params: |d| {
        json!({
            "rtts": 1 + d.below(8),
            "ssthresh": if d.below(2) == 0 { Value::Null } else { json!(d.pick(&[8u64, 16, 12, 20])) },
        })
    },
    solve: solve_slow_start,
};

fn algorithm(name: &'static str, p: &Value) -> Result<Algorithm, ExerciseError> {
    match param_str(name, p, "algorithm")? {
        "reno" => Ok(Algorithm::Reno),
        "tahoe" => Ok(Algorithm::Tahoe),
        other => Err(bad(
            name,
            p,
            format!("algorithm {other:?} is not reno or tahoe"),
        )),
    }
}

/// A demo argv whose `--loss-at` round starts with exactly `cwnd` in flight:
/// found by running the model, slow start unbounded or capped at 4.
fn demo_at(algorithm: Algorithm, cwnd: f64, loss: Loss) -> Option<Vec<String>> {
    for ssthresh in [None, Some(4.0)] {
        let rounds = congestion::simulate(algorithm, 60, &[], loss, ssthresh);
        if let Some(r) = rounds.iter().find(|r| r.cwnd == cwnd) {
            let mut argv = vec![
                "congestion".to_string(),
                "--algorithm".into(),
                algorithm.name().into(),
                "--loss".into(),
                match loss {
                    Loss::Dupack => "dupack",
                    Loss::Timeout => "timeout",
                }
                .into(),
                "--loss-at".into(),
                r.rtt.to_string(),
                "--rtts".into(),
                (r.rtt + 6).min(60).to_string(),
            ];
            if let Some(s) = ssthresh {
                argv.extend(["--ssthresh".into(), s.to_string()]);
            }
            return Some(argv);
        }
    }
    None
}

fn solve_after_loss(p: &Value) -> Result<Solved, ExerciseError> {
    let name = AFTER_LOSS.name;
    let alg = algorithm(name, p)?;
    let cwnd = param_u64(name, p, "cwnd")?;
    if !(2..=1000).contains(&cwnd) {
        return Err(bad(name, p, "cwnd must be 2 to 1000".into()));
    }
    let loss = match param_str(name, p, "loss")? {
        "dupack" => Loss::Dupack,
        "timeout" => Loss::Timeout,
        other => {
            return Err(bad(
                name,
                p,
                format!("loss {other:?} is not dupack or timeout"),
            ));
        }
    };
    let (new_cwnd, ssthresh) = congestion::after_loss(alg, cwnd as f64, loss);
    let (new_cwnd, ssthresh) = (new_cwnd as u64, ssthresh as u64);
    let event = match loss {
        Loss::Dupack => crate::tr!("exercise-congestion-event-dupack"),
        Loss::Timeout => crate::tr!("exercise-congestion-event-timeout"),
    };
    let why = match (alg, loss) {
        (_, Loss::Timeout) => crate::tr!("exercise-congestion-after-loss-why-timeout"),
        (Algorithm::Tahoe, _) => crate::tr!("exercise-congestion-after-loss-why-tahoe"),
        _ => crate::tr!(
            "exercise-congestion-after-loss-why-reno",
            ssthresh = ssthresh.to_string(),
            cwnd = new_cwnd.to_string()
        ),
    };
    let argv = demo_at(alg, cwnd as f64, loss)
        .ok_or_else(|| bad(name, p, "no round of the model has that cwnd".into()))?;
    Ok(Solved {
        question: crate::tr!(
            "exercise-congestion-after-loss-question",
            algorithm = alg.name(),
            cwnd = cwnd.to_string(),
            event = event
        ),
        answer: format!("cwnd {new_cwnd}, ssthresh {ssthresh}"),
        expect: Expect::Pair(new_cwnd, ssthresh),
        explanation: why,
        demo: argv,
    })
}

fn solve_slow_start(p: &Value) -> Result<Solved, ExerciseError> {
    let name = SLOW_START.name;
    let rtts = param_u64(name, p, "rtts")?;
    if !(1..=40).contains(&rtts) {
        return Err(bad(name, p, "rtts must be 1 to 40".into()));
    }
    let ssthresh = match param(name, p, "ssthresh")? {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .filter(|s| *s >= 2)
                .ok_or_else(|| bad(name, p, "ssthresh is not a number ≥ 2".into()))?
                as f64,
        ),
    };
    let rounds = congestion::simulate(
        Algorithm::Reno,
        rtts as u32 + 1,
        &[],
        Loss::Dupack,
        ssthresh,
    );
    let cwnd = rounds
        .last()
        .map(|r| r.cwnd as u64)
        .ok_or_else(|| bad(name, p, "no rounds".into()))?;
    let limit = match ssthresh {
        None => crate::tr!("exercise-congestion-slow-start-unbounded"),
        Some(s) => format!("ssthresh = {s}"),
    };
    // The demo needs a loss: in the last round shown, whose cwnd (at its
    // start) is the answer.
    let mut argv = vec![
        "congestion".to_string(),
        "--loss-at".into(),
        (rtts + 1).to_string(),
        "--rtts".into(),
        (rtts + 1).to_string(),
    ];
    if let Some(s) = ssthresh {
        argv.extend(["--ssthresh".into(), s.to_string()]);
    }
    let path: Vec<String> = rounds.iter().map(|r| r.cwnd.to_string()).collect();
    Ok(Solved {
        question: crate::tr!(
            "exercise-congestion-slow-start-question",
            limit = limit,
            rtts = rtts
        ),
        answer: cwnd.to_string(),
        expect: Expect::Number(cwnd),
        explanation: crate::tr!(
            "exercise-congestion-slow-start-explanation",
            path = path.join(" → ")
        ),
        demo: argv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_loss_by_hand() {
        let a = |alg: &str, cwnd: u64, loss: &str| {
            solve_after_loss(&json!({"algorithm": alg, "cwnd": cwnd, "loss": loss}))
                .unwrap()
                .answer
        };
        assert_eq!(a("reno", 16, "dupack"), "cwnd 11, ssthresh 8");
        assert_eq!(a("reno", 16, "timeout"), "cwnd 1, ssthresh 8");
        assert_eq!(a("tahoe", 9, "dupack"), "cwnd 1, ssthresh 4");
        assert_eq!(a("reno", 5, "dupack"), "cwnd 5, ssthresh 2");
    }

    #[test]
    fn slow_start_by_hand() {
        let s = |rtts: u64, ssthresh: Value| {
            solve_slow_start(&json!({"rtts": rtts, "ssthresh": ssthresh}))
                .unwrap()
                .answer
        };
        assert_eq!(s(3, Value::Null), "8");
        assert_eq!(s(5, json!(8)), "10");
        assert_eq!(s(1, json!(16)), "2");
    }
}
