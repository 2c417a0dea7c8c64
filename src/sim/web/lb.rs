//! `synack demo lb`: load-balancing algorithms on one seeded request trace —
//! round robin, smooth weighted round robin (nginx's), least connections,
//! IP hash and consistent hashing — with a server that fails between health
//! checks, what adding or removing a server moves, L4 against L7, and the
//! limits of DNS round robin.
//!
//! Fully simulated on a virtual clock: each algorithm is a pure pick
//! function ([`round_robin`], [`weighted_pick`], [`least_connections`],
//! [`ip_hash`], [`Ring::pick`]) over the servers the balancer believes are
//! up; [`simulate`] runs one over the trace.

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::{Parser, ValueEnum};
use serde::Serialize;

use crate::sim::trace::{Bars, Table};
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "lb",
    title: || crate::tr!("demo-lb-title"),
    summary: || crate::tr!("demo-lb-summary"),
    topics: &[
        "load balancer",
        "round robin",
        "least connections",
        "consistent hashing",
        "health check",
        "L4/L7",
    ],
    keywords: &[
        "로드 밸런서",
        "로드밸런서",
        "로드 밸런싱",
        "load balancer",
        "load balancing",
        "라운드 로빈",
        "round robin",
        "least connections",
        "consistent hashing",
        "일관된 해싱",
        "헬스 체크",
        "health check",
        "l4",
        "l7",
    ],
    run,
};

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-lb-examples"))
}

const EXAMPLES: &str = "
  synack demo lb
  synack demo lb --algorithm least-connections --fail 2
  synack demo lb --algorithm consistent --add
  synack demo lb --algorithm consistent --remove 3
  synack demo lb --servers 5 --requests 60";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    #[value(help = crate::tr!("demo-lb-alg-all"))]
    All,
    #[value(help = crate::tr!("demo-lb-alg-round-robin"))]
    RoundRobin,
    #[value(help = crate::tr!("demo-lb-alg-weighted"))]
    Weighted,
    #[value(help = crate::tr!("demo-lb-alg-least-connections"))]
    LeastConnections,
    #[value(help = crate::tr!("demo-lb-alg-ip-hash"))]
    IpHash,
    #[value(help = crate::tr!("demo-lb-alg-consistent"))]
    Consistent,
}

impl Algorithm {
    const EACH: [Algorithm; 5] = [
        Algorithm::RoundRobin,
        Algorithm::Weighted,
        Algorithm::LeastConnections,
        Algorithm::IpHash,
        Algorithm::Consistent,
    ];
    fn name(self) -> &'static str {
        match self {
            Algorithm::All => "all",
            Algorithm::RoundRobin => "round robin",
            Algorithm::Weighted => "weighted round robin",
            Algorithm::LeastConnections => "least connections",
            Algorithm::IpHash => "IP hash",
            Algorithm::Consistent => "consistent hashing",
        }
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "lb",
    about = crate::tr!("demo-lb-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(long, value_enum, default_value_t = Algorithm::All,
          help = crate::tr!("demo-lb-opt-algorithm"))]
    algorithm: Algorithm,
    #[arg(long, value_name = "N", default_value_t = 3, help = crate::tr!("demo-lb-opt-servers"))]
    servers: usize,
    #[arg(long, value_name = "N", default_value_t = 24,
          help = crate::tr!("demo-lb-opt-requests"))]
    requests: usize,
    #[arg(long, value_name = "N", help = crate::tr!("demo-lb-opt-fail"))]
    fail: Option<usize>,
    #[arg(long, conflicts_with = "remove", help = crate::tr!("demo-lb-opt-add"))]
    add: bool,
    #[arg(long, value_name = "N", help = crate::tr!("demo-lb-opt-remove"))]
    remove: Option<usize>,
    #[command(flatten)]
    common: Common,
}

// ---------------------------------------------------------------- model

/// FNV-1a, 32 bits: a fixed, documented hash, so runs and tests agree.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// The `n`th request's server: the servers up, in turn.
pub fn round_robin(n: usize, up: &[usize]) -> usize {
    up[n % up.len()]
}

/// Smooth weighted round robin (nginx `ngx_http_upstream_get_peer`): every
/// pick adds each server's weight to its current value, takes the largest
/// (the first on a tie) and subtracts the total from it. `current` holds
/// the values between picks; servers not `up` take no part.
pub fn weighted_pick(current: &mut [i64], weights: &[i64], up: &[usize]) -> usize {
    let mut best = up[0];
    let mut total = 0;
    for &i in up {
        current[i] += weights[i];
        total += weights[i];
        if current[i] > current[best] {
            best = i;
        }
    }
    current[best] -= total;
    best
}

/// The server up with the fewest open connections (the first on a tie).
pub fn least_connections(open: &[usize], up: &[usize]) -> usize {
    *up.iter().min_by_key(|&&i| (open[i], i)).unwrap_or(&up[0])
}

/// The client's address hashed, modulo the servers up.
pub fn ip_hash(ip: &str, up: &[usize]) -> usize {
    up[fnv1a(ip.as_bytes()) as usize % up.len()]
}

/// The ring's hash: the first 4 bytes of BLAKE3, whose outputs spread
/// evenly even for names that differ in one digit (FNV-1a's do not, and the
/// ring's virtual nodes would bunch up).
pub fn ring_hash(bytes: &[u8]) -> u32 {
    let h = blake3::hash(bytes);
    let b = h.as_bytes();
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// A consistent-hash ring: `VNODES` points per server; a key goes to the
/// first point at or after its hash (wrapping), skipping servers not up.
#[derive(Debug, Clone)]
pub struct Ring {
    points: Vec<(u32, usize)>,
}

pub const VNODES: usize = 100;

impl Ring {
    pub fn new(servers: &[usize]) -> Ring {
        let mut points: Vec<(u32, usize)> = servers
            .iter()
            .flat_map(|&s| {
                (0..VNODES).map(move |v| (ring_hash(format!("server-{}#{v}", s + 1).as_bytes()), s))
            })
            .collect();
        points.sort_unstable();
        Ring { points }
    }

    pub fn pick(&self, key: &str, up: &[usize]) -> usize {
        let h = ring_hash(key.as_bytes());
        let start = self.points.partition_point(|&(p, _)| p < h);
        (0..self.points.len())
            .map(|k| self.points[(start + k) % self.points.len()].1)
            .find(|s| up.contains(s))
            .unwrap_or(up[0])
    }
}

/// Keys (of `keys`) whose server changes from `before` to `after` servers,
/// by consistent hashing and by `hash % n` (the same hash).
pub fn moved(keys: &[String], before: &[usize], after: &[usize]) -> (usize, usize) {
    let (rb, ra) = (Ring::new(before), Ring::new(after));
    let ring = keys
        .iter()
        .filter(|k| rb.pick(k, before) != ra.pick(k, after))
        .count();
    let modulo = keys
        .iter()
        .filter(|k| {
            let h = ring_hash(k.as_bytes()) as usize;
            before[h % before.len()] != after[h % after.len()]
        })
        .count();
    (ring, modulo)
}

/// One request of the trace.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    pub id: usize,
    pub client: String,
    pub time_ms: f64,
    pub duration_ms: f64,
}

/// The seeded trace: six clients, arrivals 50–250 ms apart, each request
/// held open 100–900 ms.
pub fn trace(seed: u64, count: usize) -> Vec<Request> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut t = 0.0;
    (0..count)
        .map(|id| {
            t += f64::from(50 + rng.next_u32() % 201);
            Request {
                id: id + 1,
                client: format!("10.0.0.{}", 11 + rng.next_u32() % 6),
                time_ms: t,
                duration_ms: f64::from(100 + rng.next_u32() % 801),
            }
        })
        .collect()
}

/// Health checks run every this many ms.
pub const CHECK_MS: f64 = 1000.0;

/// What one algorithm did with the trace.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub algorithm: Algorithm,
    /// Each request's server, 1-based.
    pub assignments: Vec<usize>,
    pub counts: Vec<usize>,
    /// Requests sent to the failed server before a health check found it.
    pub failed: usize,
    pub peak_connections: Vec<usize>,
}

/// Runs `algorithm` over `requests` on `n` servers; `fail` (0-based) dies
/// at the middle request's arrival and is taken out at the next health
/// check (a multiple of [`CHECK_MS`]).
pub fn simulate(
    algorithm: Algorithm,
    requests: &[Request],
    n: usize,
    fail: Option<usize>,
) -> Outcome {
    let weights: Vec<i64> = (0..n)
        .map(|i| [3, 2].get(i).copied().unwrap_or(1))
        .collect();
    let ring = Ring::new(&(0..n).collect::<Vec<_>>());
    let fail_at = requests.get(requests.len() / 2).map(|r| r.time_ms);
    let detected = fail_at.map(|t| ((t / CHECK_MS).floor() + 1.0) * CHECK_MS);
    let mut current = vec![0; n];
    let mut ends: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut out = Outcome {
        algorithm,
        assignments: Vec::new(),
        counts: vec![0; n],
        failed: 0,
        peak_connections: vec![0; n],
    };
    for (k, r) in requests.iter().enumerate() {
        for e in &mut ends {
            e.retain(|&end| end > r.time_ms);
        }
        let believed_down = fail.filter(|_| detected.is_some_and(|d| r.time_ms >= d));
        let up: Vec<usize> = (0..n).filter(|&i| Some(i) != believed_down).collect();
        let open: Vec<usize> = ends.iter().map(Vec::len).collect();
        let s = match algorithm {
            Algorithm::RoundRobin | Algorithm::All => round_robin(k, &up),
            Algorithm::Weighted => weighted_pick(&mut current, &weights, &up),
            Algorithm::LeastConnections => least_connections(&open, &up),
            Algorithm::IpHash => ip_hash(&r.client, &up),
            Algorithm::Consistent => ring.pick(&r.client, &up),
        };
        let dead = fail == Some(s) && fail_at.is_some_and(|t| r.time_ms >= t);
        out.assignments.push(s + 1);
        if dead {
            out.failed += 1;
        } else {
            out.counts[s] += 1;
            ends[s].push(r.time_ms + r.duration_ms);
            out.peak_connections[s] = out.peak_connections[s].max(ends[s].len());
        }
    }
    out
}

/// DNS round robin: each client resolves once and keeps the answer for the
/// TTL (longer than the trace), so all its requests go to the address the
/// rotation gave it, and nothing checks health: returns requests per server
/// and requests that reached the failed one after it died.
pub fn dns_round_robin(requests: &[Request], n: usize, fail: Option<usize>) -> (Vec<usize>, usize) {
    let fail_at = requests.get(requests.len() / 2).map(|r| r.time_ms);
    let mut resolved: Vec<(String, usize)> = Vec::new();
    let mut counts = vec![0; n];
    let mut failed = 0;
    for r in requests {
        let s = match resolved.iter().find(|(c, _)| *c == r.client) {
            Some((_, s)) => *s,
            None => {
                let s = resolved.len() % n;
                resolved.push((r.client.clone(), s));
                s
            }
        };
        if fail == Some(s) && fail_at.is_some_and(|t| r.time_ms >= t) {
            failed += 1;
        } else {
            counts[s] += 1;
        }
    }
    (counts, failed)
}

// ---------------------------------------------------------------- the run

fn server_no(option: &str, v: usize, n: usize) -> Result<usize, SimError> {
    if (1..=n).contains(&v) {
        Ok(v - 1)
    } else {
        Err(SimError::Invalid(crate::tr!(
            "demo-lb-err-server",
            option = option,
            value = v,
            n = n
        )))
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let n = args.servers;
    if !(2..=8).contains(&n) {
        return Err(SimError::Invalid(crate::tr!("demo-lb-err-servers", n = n)));
    }
    if !(1..=500).contains(&args.requests) {
        return Err(SimError::Invalid(crate::tr!(
            "demo-lb-err-requests",
            requests = args.requests.to_string()
        )));
    }
    let fail = args.fail.map(|v| server_no("--fail", v, n)).transpose()?;
    let remove = args
        .remove
        .map(|v| server_no("--remove", v, n))
        .transpose()?;
    let requests = trace(args.common.seed, args.requests);
    out.title(crate::tr!(
        "demo-lb-title-run",
        n = n,
        requests = args.requests,
        seed = args.common.seed.to_string()
    ))?;
    out.text(crate::tr!("demo-lb-intro"))?;
    if let Some(f) = fail {
        out.note(
            crate::tr!("demo-lb-failure-label"),
            crate::tr!("demo-lb-failure", server = f + 1, check_ms = CHECK_MS),
        )?;
    }
    let chosen: Vec<Algorithm> = if args.algorithm == Algorithm::All {
        Algorithm::EACH.to_vec()
    } else {
        vec![args.algorithm]
    };
    let mut outcomes = Vec::new();
    for alg in chosen {
        let o = simulate(alg, &requests, n, fail);
        out.heading(alg.name())?;
        let mut t = Table::new([
            "server".to_string(),
            crate::tr!("demo-lb-col-requests"),
            crate::tr!("demo-lb-col-failed"),
            crate::tr!("demo-lb-col-peak"),
        ]);
        for i in 0..n {
            let failed = if fail == Some(i) { o.failed } else { 0 };
            t.row([
                format!("server {}", i + 1),
                o.counts[i].to_string(),
                failed.to_string(),
                o.peak_connections[i].to_string(),
            ]);
        }
        out.table(t)?;
        let seq: Vec<String> = o
            .assignments
            .iter()
            .take(24)
            .map(usize::to_string)
            .collect();
        out.note(
            crate::tr!("demo-lb-order-label"),
            crate::tr!(
                "demo-lb-order",
                servers = format!(
                    "{}{}",
                    seq.join(" "),
                    if o.assignments.len() > 24 { " …" } else { "" }
                )
            ),
        )?;
        out.bars(Bars {
            title: crate::tr!("demo-lb-bars-title", algorithm = alg.name()),
            unit: "req".into(),
            bars: (0..n)
                .map(|i| (format!("server {}", i + 1), o.counts[i] as f64))
                .collect(),
        })?;
        if matches!(alg, Algorithm::IpHash | Algorithm::Consistent) {
            out.note("hash", crate::tr!("demo-lb-hash-note"))?;
        }
        outcomes.push(o);
    }
    if outcomes.len() > 1 {
        let mut t = Table::new([
            crate::tr!("demo-lb-col-algorithm"),
            crate::tr!("demo-lb-col-spread"),
            crate::tr!("demo-lb-col-failed"),
        ])
        .titled(crate::tr!("demo-lb-summary-title"));
        for o in &outcomes {
            let (lo, hi) = (
                o.counts.iter().min().copied().unwrap_or(0),
                o.counts.iter().max().copied().unwrap_or(0),
            );
            t.row([
                o.algorithm.name().to_string(),
                (hi - lo).to_string(),
                o.failed.to_string(),
            ]);
        }
        out.table(t)?;
    }
    // What a change of servers moves.
    let keys: Vec<String> = (0..1000).map(|k| format!("user-{k}")).collect();
    let before: Vec<usize> = (0..n).collect();
    let (change, after): (String, Vec<usize>) = match remove {
        Some(r) => (
            crate::tr!("demo-lb-change-remove", server = r + 1),
            before.iter().copied().filter(|&s| s != r).collect(),
        ),
        None => (
            crate::tr!("demo-lb-change-add", server = n + 1),
            (0..=n).collect(),
        ),
    };
    let (ring_moved, mod_moved) = moved(&keys, &before, &after);
    out.heading(crate::tr!("demo-lb-change-heading", change = change))?;
    let mut t = Table::new([
        crate::tr!("demo-lb-col-way"),
        crate::tr!("demo-lb-col-moved"),
        crate::tr!("demo-lb-col-share"),
    ]);
    t.row([
        "hash % N".to_string(),
        mod_moved.to_string(),
        format!("{:.1}%", mod_moved as f64 / 10.0),
    ]);
    t.row([
        crate::tr!("demo-lb-ring", vnodes = VNODES),
        ring_moved.to_string(),
        format!("{:.1}%", ring_moved as f64 / 10.0),
    ]);
    out.table(t)?;
    out.note("consistent hashing", crate::tr!("demo-lb-consistent-note"))?;
    out.heading(crate::tr!("demo-lb-l4-l7-heading"))?;
    let mut t = Table::new(["", "L4 (TCP/UDP)", "L7 (HTTP)"]);
    t.row([
        crate::tr!("demo-lb-l4-l7-sees"),
        "IP, port".to_string(),
        "URL, header, cookie".to_string(),
    ]);
    t.row([
        crate::tr!("demo-lb-l4-l7-unit"),
        crate::tr!("demo-lb-l4-unit"),
        crate::tr!("demo-lb-l7-unit"),
    ]);
    t.row([
        "TLS".to_string(),
        crate::tr!("demo-lb-l4-tls"),
        crate::tr!("demo-lb-l7-tls"),
    ]);
    t.row([
        crate::tr!("demo-lb-l4-l7-can"),
        crate::tr!("demo-lb-l4-can"),
        crate::tr!("demo-lb-l7-can"),
    ]);
    out.table(t)?;
    let (dns_counts, dns_failed) = dns_round_robin(&requests, n, fail);
    out.heading(crate::tr!("demo-lb-dns-heading"))?;
    out.bars(Bars {
        title: crate::tr!("demo-lb-dns-bars-title"),
        unit: "req".into(),
        bars: (0..n)
            .map(|i| (format!("server {}", i + 1), dns_counts[i] as f64))
            .collect(),
    })?;
    out.note(
        "DNS round robin",
        crate::tr!("demo-lb-dns-note", failed = dns_failed),
    )?;
    Ok(serde_json::json!({
        "algorithm": args.algorithm,
        "servers": n,
        "requests": requests,
        "results": outcomes,
        "consistent": {
            "change": if remove.is_some() { "remove" } else { "add" },
            "keys": keys.len(),
            "moved_consistent": ring_moved,
            "moved_modulo": mod_moved,
        },
        "dns_round_robin": { "counts": dns_counts, "failed": dns_failed },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_vectors() {
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn round_robin_skips_servers_down() {
        let seq: Vec<usize> = (0..5).map(|k| round_robin(k, &[0, 1, 2])).collect();
        assert_eq!(seq, [0, 1, 2, 0, 1]);
        let seq: Vec<usize> = (0..4).map(|k| round_robin(k, &[0, 2])).collect();
        assert_eq!(seq, [0, 2, 0, 2]);
    }

    /// nginx's documented sequence for weights a=5, b=1, c=1.
    #[test]
    fn smooth_weighted_round_robin_gives_a_a_b_a_c_a_a() {
        let mut current = vec![0; 3];
        let seq: Vec<usize> = (0..7)
            .map(|_| weighted_pick(&mut current, &[5, 1, 1], &[0, 1, 2]))
            .collect();
        assert_eq!(seq, [0, 0, 1, 0, 2, 0, 0]);
        assert_eq!(current, [0, 0, 0]);
        // 3, 2, 1: by hand, current after each pick.
        let mut current = vec![0; 3];
        let seq: Vec<usize> = (0..6)
            .map(|_| weighted_pick(&mut current, &[3, 2, 1], &[0, 1, 2]))
            .collect();
        assert_eq!(seq, [0, 1, 0, 2, 1, 0]);
    }

    #[test]
    fn least_connections_takes_the_emptiest_then_the_first() {
        assert_eq!(least_connections(&[2, 0, 1], &[0, 1, 2]), 1);
        assert_eq!(least_connections(&[1, 1, 1], &[0, 1, 2]), 0);
        assert_eq!(least_connections(&[2, 0, 1], &[0, 2]), 2);
    }

    #[test]
    fn ip_hash_is_fnv_modulo_the_servers_up() {
        // fnv1a("a") = 0xe40c292c = 3826002220; % 3 = 1, % 2 = 0.
        assert_eq!(ip_hash("a", &[0, 1, 2]), 1);
        assert_eq!(ip_hash("a", &[0, 2]), 0);
    }

    #[test]
    fn adding_a_server_moves_only_keys_to_it_on_the_ring() {
        let keys: Vec<String> = (0..1000).map(|k| format!("user-{k}")).collect();
        let (before, after) = (vec![0, 1, 2], vec![0, 1, 2, 3]);
        let (rb, ra) = (Ring::new(&before), Ring::new(&after));
        for k in &keys {
            let (b, a) = (rb.pick(k, &before), ra.pick(k, &after));
            assert!(a == b || a == 3, "{k}: {b} -> {a}");
        }
        let (ring, modulo) = moved(&keys, &before, &after);
        // About 1/4 on the ring, about 3/4 by modulo.
        assert!((150..350).contains(&ring), "{ring}");
        assert!((650..850).contains(&modulo), "{modulo}");
        // Removing: only the removed server's keys move.
        let fewer = vec![0, 2];
        let rf = Ring::new(&fewer);
        for k in &keys {
            let b = rb.pick(k, &before);
            if b != 1 {
                assert_eq!(rf.pick(k, &fewer), b, "{k}");
            }
        }
    }

    #[test]
    fn a_failed_server_gets_requests_only_until_the_health_check() {
        let reqs = trace(1, 24);
        let o = simulate(Algorithm::RoundRobin, &reqs, 3, Some(1));
        let fail_at = reqs[12].time_ms;
        let detected = ((fail_at / CHECK_MS).floor() + 1.0) * CHECK_MS;
        for (r, &s) in reqs.iter().zip(&o.assignments) {
            if r.time_ms >= detected {
                assert_ne!(s, 2, "request {} after detection", r.id);
            }
        }
        let expect = reqs
            .iter()
            .zip(&o.assignments)
            .filter(|(r, s)| **s == 2 && r.time_ms >= fail_at)
            .count();
        assert_eq!(o.failed, expect);
        assert_eq!(o.counts.iter().sum::<usize>() + o.failed, 24);
    }

    #[test]
    fn dns_round_robin_pins_each_client_and_never_checks_health() {
        let reqs = trace(1, 40);
        let (counts, failed) = dns_round_robin(&reqs, 3, Some(0));
        assert_eq!(counts.iter().sum::<usize>() + failed, 40);
        // The first client resolved to server 1, the failed one: every
        // request it sends after the failure fails, with no health check.
        let first_client = &reqs[0].client;
        let late = reqs
            .iter()
            .filter(|r| &r.client == first_client && r.time_ms >= reqs[20].time_ms)
            .count();
        assert!(late > 0 && failed >= late, "{failed} {late}");
    }
}
