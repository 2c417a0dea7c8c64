//! `synack demo browse`: what happens after a URL is typed, as one timeline
//! on a virtual clock, chaining the real parts: the URL parsed by the `url`
//! crate (IDNA first, as the `uri` demo shows), the HSTS preload check
//! (`data/hsts/preload.txt`), the service worker and HTTP cache noted before
//! DNS, the `dns` demo's in-process name servers (its runner, into a
//! recording emitter), a real loopback TCP connect shown as the handshake's
//! three segments, the `tls` demo's real rustls handshake (its runner), and
//! an HTTP/1.1 request and response with a real loopback server. Each step
//! says how long it took on the virtual clock and which demo zooms into it.
//!
//! Names resolve only through the dns demo's zone data, never the network.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::time::Duration;

use chacha20::ChaCha8Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use clap::Parser;
use serde::Serialize;
use serde_json::{Value, json};
use url::{Host, Url};

use crate::sim::trace::{Event, Table};
use crate::sim::{Common, Demo, Emitter, SimError, dns, tls};

pub const DEMO: Demo = Demo {
    name: "browse",
    title: || crate::tr!("demo-browse-title"),
    summary: || crate::tr!("demo-browse-summary"),
    topics: &["URL", "HSTS", "DNS", "TCP", "TLS", "HTTP"],
    keywords: &[
        "브라우저",
        "url 입력",
        "주소창",
        "what happens when",
        "browse",
    ],
    run,
};

fn after_help() -> String {
    format!("{}{EXAMPLES}", crate::tr!("demo-browse-examples"))
}

const EXAMPLES: &str = "
  synack demo browse
  synack demo browse http://www.example.com/index.html
  synack demo browse https://nope.example.com/";

#[derive(Debug, Parser)]
#[command(
    name = "browse",
    about = crate::tr!("demo-browse-about"),
    after_help = after_help()
)]
struct Args {
    #[arg(value_name = "URL", default_value = "https://www.example.com/",
          help = crate::tr!("demo-browse-opt-url"))]
    url: String,
    #[command(flatten)]
    common: Common,
}

/// The embedded HSTS preload list.
const PRELOAD: &str = include_str!("../../../data/hsts/preload.txt");

/// Virtual-clock costs: one round trip to the web server, one between the
/// stub and the recursive resolver, one to each upstream name server, and
/// the server's time to build the page.
const RTT_MS: u64 = 40;
const STUB_RTT_MS: u64 = 2;
const UPSTREAM_RTT_MS: u64 = 30;
const SERVER_MS: u64 = 15;
const TIMEOUT: Duration = Duration::from_secs(2);

/// Whether `host` is on the preload list, and by which entry (RFC 6797
/// §8.2: an exact match, or a superdomain with includeSubDomains).
pub fn hsts_entry(list: &str, host: &str) -> Option<String> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .find_map(|l| {
            let mut words = l.split_whitespace();
            let name = words.next()?;
            let subs = words.any(|w| w == "include-subdomains");
            let covered = host == name || (subs && host.ends_with(&format!(".{name}")));
            covered.then(|| name.to_string())
        })
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub step: &'static str,
    /// When the step started and how long it took, on the virtual clock.
    pub time_ms: u64,
    pub took_ms: u64,
    pub detail: String,
    /// The demo that zooms into this step.
    pub demo: Option<&'static str>,
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> SimError + '_ {
    move |source| SimError::Io {
        what: crate::sim::cors::io_label(what),
        source,
    }
}

/// Runs another demo's runner into a recording emitter and returns its JSON.
fn run_demo(demo: &Demo, args: &[&str]) -> Result<Value, SimError> {
    let argv: Vec<String> = std::iter::once(demo.name)
        .chain(args.iter().copied())
        .map(String::from)
        .collect();
    let mut rec = Emitter::recording();
    (demo.run)(&argv, &mut rec)
}

/// The host as typed (before IDNA), for showing the conversion.
fn typed_host(input: &str) -> &str {
    let rest = input.split_once("://").map_or(input, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.rsplit_once(':').map_or(host, |(h, _)| h)
}

struct Clock {
    now: u64,
    steps: Vec<Step>,
}

impl Clock {
    fn step(&mut self, step: &'static str, took: u64, detail: String, demo: Option<&'static str>) {
        self.steps.push(Step {
            step,
            time_ms: self.now,
            took_ms: took,
            detail,
            demo,
        });
        self.now += took;
    }
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    let input = args.url.trim();
    let mut url = Url::parse(input).map_err(|e| {
        SimError::Invalid(crate::tr!(
            "demo-browse-err-url",
            url = format!("{input:?}"),
            error = e.to_string()
        ))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(SimError::Invalid(crate::tr!(
            "demo-browse-err-scheme",
            url = format!("{input:?}"),
            scheme = format!("{:?}", url.scheme())
        )));
    }
    let host = match url.host() {
        Some(Host::Domain(d)) => d.to_string(),
        _ => {
            return Err(SimError::Invalid(crate::tr!(
                "demo-browse-err-host",
                url = format!("{input:?}")
            )));
        }
    };
    let mut clock = Clock {
        now: 0,
        steps: Vec::new(),
    };
    out.title(crate::tr!("demo-browse-title-run", url = input))?;
    out.text(crate::tr!("demo-browse-intro"))?;

    // 1. URL parse: IDNA turns the typed host into ASCII first, so that
    // the HSTS list and DNS see the name they store.
    out.heading(crate::tr!("demo-browse-step-uri"))?;
    let typed = typed_host(input);
    let idna = if typed.eq_ignore_ascii_case(&host) {
        crate::tr!("demo-browse-ascii")
    } else {
        format!("IDNA: {} ⇒ {host}", typed.escape_debug())
    };
    let mut t = Table::new([
        crate::tr!("demo-browse-col-part"),
        crate::tr!("demo-browse-col-value"),
    ]);
    t.row(["scheme", url.scheme()]);
    t.row(["host", &host]);
    t.row([
        "port".to_string(),
        url.port_or_known_default().map_or("-".to_string(), |p| {
            crate::tr!("demo-browse-default-port", port = p)
        }),
    ]);
    t.row(["path", url.path()]);
    out.table(t)?;
    out.text(crate::tr!("demo-browse-idna", idna = idna))?;
    clock.step(
        "uri",
        0,
        format!("{} {host} {}", url.scheme(), url.path()),
        Some("uri"),
    );

    // 2. HSTS before any packet: http:// to a preloaded host never goes out.
    out.heading(crate::tr!("demo-browse-step-hsts"))?;
    let entry = hsts_entry(PRELOAD, &host);
    let hsts = match (&entry, url.scheme()) {
        (Some(e), "http") => {
            let _ = url.set_scheme("https");
            crate::tr!(
                "demo-browse-hsts-upgrade",
                host = host.as_str(),
                entry = e.as_str()
            )
        }
        (Some(e), _) => crate::tr!(
            "demo-browse-hsts-already",
            host = host.as_str(),
            entry = e.as_str()
        ),
        (None, "http") => crate::tr!("demo-browse-hsts-plain", host = host.as_str()),
        (None, _) => crate::tr!("demo-browse-hsts-https", host = host.as_str()),
    };
    out.text(hsts.clone())?;
    clock.step("hsts", 0, hsts, None);
    let secure = url.scheme() == "https";
    let port = url
        .port_or_known_default()
        .unwrap_or(if secure { 443 } else { 80 });

    // 3. Caches before the network.
    out.heading(crate::tr!("demo-browse-step-cache"))?;
    let cache = crate::tr!("demo-browse-cache");
    out.text(cache.clone())?;
    clock.step("cache", 0, "miss".to_string(), Some("http --mode cache"));

    // 4. DNS through the dns demo's servers.
    out.heading("4. DNS (synack demo dns)")?;
    let seed = args.common.seed.to_string();
    let dns = run_demo(
        &dns::DEMO,
        &[host.as_str(), "--seed", &seed, "--format", "json"],
    )?;
    let upstream = dns["queries"].as_array().map_or(0, |q| {
        q.iter()
            .take_while(|q| q["server_role"] != "recursive")
            .count()
    }) as u64;
    let answers: Vec<String> = dns["result"]["answers"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let address = answers
        .iter()
        .rev()
        .find_map(|a| a.split_whitespace().nth(4).filter(|_| a.contains(" IN A ")))
        .map(String::from);
    let dns_ms = STUB_RTT_MS + upstream * UPSTREAM_RTT_MS;
    let Some(address) = address else {
        let rcode = dns["result"]["rcode"].as_str().unwrap_or("?").to_string();
        let detail = crate::tr!(
            "demo-browse-no-address",
            host = host.as_str(),
            rcode = rcode
        );
        out.text(crate::tr!(
            "demo-browse-dns-failed",
            detail = detail.as_str()
        ))?;
        clock.step("dns", dns_ms, detail, Some("dns"));
        return finish(out, input, &url, clock, false);
    };
    out.text(crate::tr!(
        "demo-browse-dns",
        upstream = upstream,
        count = answers.len(),
        answers = answers.join(", "),
        address = address.as_str()
    ))?;
    clock.step("dns", dns_ms, format!("{host} → {address}"), Some("dns"));

    // 5 and 7. A real TCP connection to a real HTTP server on loopback.
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io("binding 127.0.0.1:0"))?;
    let server_addr = listener.local_addr().map_err(io("reading the port"))?;
    let server = std::thread::spawn(move || serve(listener));
    let client = TcpStream::connect_timeout(&server_addr, TIMEOUT);
    let exchange = client
        .map_err(io("connecting"))
        .and_then(|c| http(c, &host, url.path()));
    let served = server.join();
    let (request, response) = exchange?;
    match served {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(io("HTTP server")(e)),
        Err(_) => return Err(SimError::Invalid(crate::tr!("demo-browse-err-panic"))),
    }

    out.heading(crate::tr!("demo-browse-step-tcp"))?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.common.seed);
    let (isn_c, isn_s) = (rng.next_u32(), rng.next_u32());
    let t0 = clock.now as f64;
    let one_way = (RTT_MS / 2) as f64;
    out.lanes(["browser", format!("server :{port}").as_str()])?;
    out.event(Event::message(t0, 0, 1, format!("SYN seq={isn_c}")))?;
    out.event(Event::message(
        t0 + one_way,
        1,
        0,
        format!("SYN+ACK seq={isn_s} ack={}", isn_c.wrapping_add(1)),
    ))?;
    out.event(
        Event::message(
            t0 + 2.0 * one_way,
            0,
            1,
            format!("ACK ack={}", isn_s.wrapping_add(1)),
        )
        .note(crate::tr!("demo-browse-ack-note")),
    )?;
    out.text(crate::tr!("demo-browse-tcp"))?;
    clock.step(
        "tcp",
        RTT_MS,
        format!("SYN, SYN+ACK, ACK → :{port}"),
        Some("handshake"),
    );

    // 6. TLS through the tls demo's rustls handshake.
    if secure {
        out.heading("6. TLS (synack demo tls)")?;
        let tls = run_demo(&tls::DEMO, &["--seed", &seed, "--format", "json"])?;
        let rtts = tls["round_trips"].as_u64().unwrap_or(1);
        let detail = crate::tr!(
            "demo-browse-tls-detail",
            version = tls["version"].as_str().unwrap_or("?"),
            suite = tls["cipher_suite"].as_str().unwrap_or("?"),
            group = tls["group"].as_str().unwrap_or("?"),
            verified = if tls["verified"] == true {
                crate::tr!("demo-browse-verified")
            } else {
                crate::tr!("demo-browse-not-verified")
            }
        );
        out.text(crate::tr!(
            "demo-browse-tls",
            detail = detail.as_str(),
            rtts = rtts
        ))?;
        clock.step("tls", rtts * RTT_MS, detail, Some("tls"));
    }

    // 7. HTTP request and response.
    out.heading(crate::tr!(
        "demo-browse-step-http",
        step = if secure { 7 } else { 6 }
    ))?;
    out.pre(shown_head(&request, "> "))?;
    out.pre(shown_head(&response, "< "))?;
    if secure {
        out.text(crate::tr!("demo-browse-plain-http"))?;
    }
    let status = response.lines().next().unwrap_or("").to_string();
    clock.step("http", RTT_MS + SERVER_MS, status, Some("http"));
    finish(out, input, &url, clock, true)
}

/// The start line and headers, each after `prefix` (curl -v's `>` and
/// `<`), control characters made visible.
fn shown_head(message: &str, prefix: &str) -> Vec<String> {
    message
        .split("\r\n\r\n")
        .next()
        .unwrap_or("")
        .split("\r\n")
        .map(|l| format!("{prefix}{}", l.escape_debug()))
        .collect()
}

const PAGE: &str = "<!doctype html><title>example</title><p>hello</p>\n";

/// Answers one HTTP/1.1 request with a small page.
fn serve(listener: TcpListener) -> std::io::Result<()> {
    let (mut s, _) = listener.accept()?;
    s.set_read_timeout(Some(TIMEOUT))?;
    s.set_write_timeout(Some(TIMEOUT))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: max-age=60\r\n\r\n{PAGE}",
        PAGE.len()
    );
    s.write_all(response.as_bytes())
}

/// Sends the request and reads the whole response (Content-Length known,
/// the server closes after it).
fn http(mut c: TcpStream, host: &str, path: &str) -> Result<(String, String), SimError> {
    c.set_read_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
    c.set_write_timeout(Some(TIMEOUT)).map_err(io("timeouts"))?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: synack-browse\r\nAccept: text/html\r\n\r\n"
    );
    c.write_all(request.as_bytes())
        .map_err(io("sending the request"))?;
    let mut response = Vec::new();
    c.take(64 * 1024)
        .read_to_end(&mut response)
        .map_err(io("reading the response"))?;
    Ok((request, String::from_utf8_lossy(&response).into_owned()))
}

fn finish(
    out: &mut Emitter<'_>,
    input: &str,
    url: &Url,
    clock: Clock,
    loaded: bool,
) -> Result<Value, SimError> {
    out.heading(crate::tr!("demo-browse-timeline"))?;
    let mut t = Table::new([
        crate::tr!("demo-browse-col-step"),
        crate::tr!("demo-browse-col-start"),
        crate::tr!("demo-browse-col-took"),
        crate::tr!("demo-browse-col-more"),
    ]);
    for s in &clock.steps {
        t.row([
            s.step.to_string(),
            format!("{} ms", s.time_ms),
            format!("{} ms", s.took_ms),
            s.demo
                .map_or("-".to_string(), |d| format!("synack demo {d}")),
        ]);
    }
    t.row([
        crate::tr!("demo-browse-total"),
        String::new(),
        format!("{} ms", clock.now),
        String::new(),
    ]);
    out.table(t)?;
    if loaded {
        out.text(crate::tr!("demo-browse-next"))?;
    }
    Ok(json!({
        "url": input,
        "final_url": url.as_str(),
        "loaded": loaded,
        "steps": clock.steps,
        "total_ms": clock.now,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsts_matches_exact_names_and_subdomains_only_when_included() {
        let list = "# c\nexample.com include-subdomains\nbank.example.net\n";
        assert_eq!(
            hsts_entry(list, "www.example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            hsts_entry(list, "example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            hsts_entry(list, "bank.example.net").as_deref(),
            Some("bank.example.net")
        );
        assert_eq!(hsts_entry(list, "www.bank.example.net"), None);
        assert_eq!(hsts_entry(list, "badexample.com"), None);
    }

    #[test]
    fn the_typed_host_is_cut_from_the_authority() {
        assert_eq!(
            typed_host("https://user@Bücher.example:8443/x?y"),
            "Bücher.example"
        );
        assert_eq!(typed_host("http://www.example.com/"), "www.example.com");
    }
}
