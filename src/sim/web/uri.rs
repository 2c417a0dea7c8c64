//! `synack demo uri`: how one string becomes a URI, a URL or a URN, twice.
//!
//! First the way RFC 3986 sees it: the generic syntax split by hand, exactly as
//! the regular expression of [Appendix B] splits it (the split is what the demo
//! teaches, so it is written out rather than delegated), and, with `--base`,
//! reference resolution by [§5.2] (merge, `remove_dot_segments`, recompose).
//! Then the way browsers see it: the [WHATWG URL Standard], through the `url`
//! crate (never a second hand-written WHATWG parser), with the standard's
//! getters (`url::quirks`), the differences from the input, the decoded query,
//! the default port, the host in Unicode and in ASCII (IDNA/Punycode), and the
//! origin, optionally compared with another URL's (same-origin policy).
//!
//! Choices, so the output can be relied on:
//! - An input the WHATWG parser rejects is a demo *result*, not a mistake: the
//!   report shows the RFC 3986 split that could still be made and the parser's
//!   error (`valid: false`, `error`, and `whatwg` and the facts drawn from it
//!   `null`), and the command exits 0. A missing URI is
//!   a usage error (exit 2, from clap). A `--base` or `--compare` value that
//!   does not parse is bad input to the demo rather than its subject: one line,
//!   exit 1.
//! - `rfc3986` in the JSON is the reference *as written*; `kind` says what it
//!   names once resolved against `--base` (a relative reference without a base
//!   is `relative-reference`).
//! - `compare.differs_in` lists `scheme`, `host` and `port` where tuple origins
//!   differ, or `opaque` when either origin is opaque (an opaque origin is
//!   never the same as any origin, itself included). With an invalid input
//!   there is no origin to compare and `compare` is `null`.
//!
//! [Appendix B]: https://www.rfc-editor.org/rfc/rfc3986#appendix-B
//! [§5.2]: https://www.rfc-editor.org/rfc/rfc3986#section-5.2
//! [WHATWG URL Standard]: https://url.spec.whatwg.org/

use clap::{CommandFactory, Parser};
use serde::Serialize;
use url::{Origin, Url};

use crate::sim::trace::Table;
use crate::sim::{Common, Demo, Emitter, SimError};

pub const DEMO: Demo = Demo {
    name: "uri",
    title: || crate::tr!("demo-uri-title"),
    summary: || crate::tr!("demo-uri-summary"),
    topics: &["URI", "URL", "URN", "origin", "Punycode"],
    keywords: &[
        "uri",
        "url",
        "urn",
        "퓨니코드",
        "punycode",
        "origin",
        "출처",
        "same-origin",
        "idna",
        "sop",
    ],
    run,
};

#[derive(Debug, Parser)]
#[command(
    name = "uri",
    about = crate::tr!("demo-uri-about"),
    after_help = "Examples:\n  synack demo uri https://긴급재난지원금.kr/a/../b?q=1 --compare https://example.kr\n  synack demo uri ../g?y --base http://a/b/c/d;p?q\n  synack demo uri \"http://[::1\""
)]
struct Args {
    #[arg(value_name = "URI", help = crate::tr!("demo-uri-opt-uri"))]
    uri: Option<String>,
    #[arg(long, value_name = "BASE", help = crate::tr!("demo-uri-opt-base"))]
    base: Option<String>,
    #[arg(long, value_name = "OTHER", help = crate::tr!("demo-uri-opt-compare"))]
    compare: Option<String>,
    #[command(flatten)]
    common: Common,
}

fn run(argv: &[String], out: &mut Emitter<'_>) -> Result<serde_json::Value, SimError> {
    let args = crate::i18n::cli::parse_from::<Args, _, _>(argv)?;
    out.start(&args.common);
    // Checked here rather than by clap so the usage error is one whole line.
    let Some(uri) = &args.uri else {
        let message = crate::tr!(
            "demo-uri-missing",
            example = "synack demo uri https://example.com/"
        );
        let e = Args::command().error(clap::error::ErrorKind::MissingRequiredArgument, message);
        return Err(SimError::Args(e));
    };
    let analysis = analyze(uri, args.base.as_deref(), args.compare.as_deref())?;
    let json =
        serde_json::to_value(&analysis.report).map_err(|e| SimError::Invalid(e.to_string()))?;
    out.title(crate::tr!("demo-uri-title-main"))?;
    analysis.emit(out)?;
    Ok(json)
}

/// What the reference names, once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Has an authority: it says where (a locator).
    Url,
    /// `urn:`: names a thing without saying where.
    Urn,
    /// A scheme but no authority (`mailto:`, `data:`): a URI, not hierarchical.
    Uri,
    /// No scheme and no base to resolve it against.
    RelativeReference,
}

/// The JSON report, key for key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UriReport {
    pub input: String,
    pub base: Option<String>,
    pub valid: bool,
    pub error: Option<String>,
    pub kind: Kind,
    pub rfc3986: Rfc3986,
    pub whatwg: Option<Whatwg>,
    pub default_port: Option<u16>,
    pub query_pairs: Vec<(String, String)>,
    pub host_unicode: Option<String>,
    pub host_ascii: Option<String>,
    pub compare: Option<Compare>,
}

/// The RFC 3986 components; `None` is "undefined", which §5.3 keeps apart
/// from empty (`http://a?` has an empty query, `http://a` none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rfc3986 {
    pub scheme: Option<String>,
    pub userinfo: Option<String>,
    pub host: Option<String>,
    pub port: Option<String>,
    pub path: String,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

/// What the WHATWG `URL` object's getters return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Whatwg {
    pub href: String,
    pub protocol: String,
    pub username: String,
    pub password: String,
    pub host: String,
    pub hostname: String,
    pub port: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
    pub origin: String,
}

impl Whatwg {
    fn of(url: &Url) -> Whatwg {
        use url::quirks as q;
        Whatwg {
            href: q::href(url).to_string(),
            protocol: q::protocol(url).to_string(),
            username: q::username(url).to_string(),
            password: q::password(url).to_string(),
            host: q::host(url).to_string(),
            hostname: q::hostname(url).to_string(),
            port: q::port(url).to_string(),
            pathname: q::pathname(url).to_string(),
            search: q::search(url).to_string(),
            hash: q::hash(url).to_string(),
            origin: q::origin(url),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compare {
    pub other: String,
    pub same_origin: bool,
    pub differs_in: Vec<&'static str>,
}

/// A URI reference split as RFC 3986 Appendix B's regular expression splits it:
///
/// ```text
/// ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
///  12            3  4          5       6  7        8 9
/// ```
///
/// scheme = $2, authority = $4, path = $5, query = $7, fragment = $9. The
/// expression only splits; it accepts every string and validates nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    pub scheme: Option<String>,
    pub authority: Option<String>,
    pub path: String,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

impl Parts {
    pub fn split(s: &str) -> Parts {
        let mut rest = s;
        // $2: one or more characters other than `:/?#`, then `:`.
        let scheme = match rest.find([':', '/', '?', '#']) {
            Some(i) if i > 0 && rest.as_bytes()[i] == b':' => {
                let scheme = &rest[..i];
                rest = &rest[i + 1..];
                Some(scheme.to_string())
            }
            _ => None,
        };
        // $4: after `//`, up to the next `/`, `?` or `#`.
        let mut authority = None;
        if let Some(after) = rest.strip_prefix("//") {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            authority = Some(after[..end].to_string());
            rest = &after[end..];
        }
        // $5: up to `?` or `#`; may be empty, never undefined.
        let end = rest.find(['?', '#']).unwrap_or(rest.len());
        let path = rest[..end].to_string();
        rest = &rest[end..];
        // $7: after `?`, up to `#`.
        let mut query = None;
        if let Some(after) = rest.strip_prefix('?') {
            let end = after.find('#').unwrap_or(after.len());
            query = Some(after[..end].to_string());
            rest = &after[end..];
        }
        // $9: everything after the first `#`.
        let fragment = rest.strip_prefix('#').map(str::to_string);
        Parts {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }

    /// Component recomposition, RFC 3986 §5.3.
    pub fn recompose(&self) -> String {
        let mut out = String::new();
        if let Some(s) = &self.scheme {
            out.push_str(s);
            out.push(':');
        }
        if let Some(a) = &self.authority {
            out.push_str("//");
            out.push_str(a);
        }
        out.push_str(&self.path);
        if let Some(q) = &self.query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = &self.fragment {
            out.push('#');
            out.push_str(f);
        }
        out
    }

    /// The components with the authority split into userinfo, host and port.
    pub fn rfc3986(&self) -> Rfc3986 {
        let (userinfo, host, port) = match &self.authority {
            Some(a) => {
                let (u, h, p) = split_authority(a);
                (
                    u.map(str::to_string),
                    Some(h.to_string()),
                    p.map(str::to_string),
                )
            }
            None => (None, None, None),
        };
        Rfc3986 {
            scheme: self.scheme.clone(),
            userinfo,
            host,
            port,
            path: self.path.clone(),
            query: self.query.clone(),
            fragment: self.fragment.clone(),
        }
    }

    fn kind(&self) -> Kind {
        match &self.scheme {
            None => Kind::RelativeReference,
            Some(_) if self.authority.is_some() => Kind::Url,
            Some(s) if s.eq_ignore_ascii_case("urn") => Kind::Urn,
            Some(_) => Kind::Uri,
        }
    }
}

/// `authority = [ userinfo "@" ] host [ ":" port ]` (RFC 3986 §3.2). Userinfo
/// cannot hold a raw `@`, so the last `@` ends it (as WHATWG does too); an
/// IP-literal host is bracketed, so its colons are not the port's.
fn split_authority(a: &str) -> (Option<&str>, &str, Option<&str>) {
    let (userinfo, hostport) = match a.rfind('@') {
        Some(i) => (Some(&a[..i]), &a[i + 1..]),
        None => (None, a),
    };
    let colon = if hostport.starts_with('[') {
        match hostport.find(']') {
            Some(end) if hostport[end + 1..].starts_with(':') => Some(end + 1),
            _ => None,
        }
    } else {
        hostport.rfind(':')
    };
    match colon {
        Some(i) => (userinfo, &hostport[..i], Some(&hostport[i + 1..])),
        None => (userinfo, hostport, None),
    }
}

/// Which rule of RFC 3986 §5.2.2 resolved a reference, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The rule, in words (the current language).
    pub rule: String,
    /// The path before `remove_dot_segments`, when it was merged with the base's.
    pub merged: Option<String>,
    pub target: Parts,
}

/// Transform References, RFC 3986 §5.2.2 (strict: a reference with a scheme
/// keeps it, so `http:g` stays `http:g`). `None` when the base has no scheme,
/// which §5.1 requires of a base URI.
pub fn resolve(base: &Parts, r: &Parts) -> Option<Resolution> {
    base.scheme.as_ref()?;
    let mut merged = None;
    let (rule, scheme, authority, path, query);
    if r.scheme.is_some() {
        rule = crate::tr!("demo-uri-rule-scheme");
        scheme = r.scheme.clone();
        authority = r.authority.clone();
        path = remove_dot_segments(&r.path);
        query = r.query.clone();
    } else if r.authority.is_some() {
        rule = crate::tr!("demo-uri-rule-network-path");
        scheme = base.scheme.clone();
        authority = r.authority.clone();
        path = remove_dot_segments(&r.path);
        query = r.query.clone();
    } else if r.path.is_empty() {
        rule = crate::tr!("demo-uri-rule-empty-path");
        scheme = base.scheme.clone();
        authority = base.authority.clone();
        path = base.path.clone();
        query = r.query.clone().or_else(|| base.query.clone());
    } else if r.path.starts_with('/') {
        rule = crate::tr!("demo-uri-rule-absolute-path");
        scheme = base.scheme.clone();
        authority = base.authority.clone();
        path = remove_dot_segments(&r.path);
        query = r.query.clone();
    } else {
        rule = crate::tr!("demo-uri-rule-relative-path");
        let m = merge(base, &r.path);
        path = remove_dot_segments(&m);
        merged = Some(m);
        scheme = base.scheme.clone();
        authority = base.authority.clone();
        query = r.query.clone();
    }
    Some(Resolution {
        rule,
        merged,
        target: Parts {
            scheme,
            authority,
            path,
            query,
            fragment: r.fragment.clone(),
        },
    })
}

/// Merge Paths, RFC 3986 §5.2.3.
fn merge(base: &Parts, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{path}");
    }
    match base.path.rfind('/') {
        Some(i) => format!("{}{path}", &base.path[..=i]),
        None => path.to_string(),
    }
}

/// Remove Dot Segments, RFC 3986 §5.2.4, rule by rule.
pub fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut output = String::new();
    let pop = |output: &mut String| match output.rfind('/') {
        Some(i) => output.truncate(i),
        None => output.clear(),
    };
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest; // A
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest; // A
        } else if input.starts_with("/./") {
            input = &input[2..]; // B: "/./" becomes "/"
        } else if input == "/." {
            input = "/"; // B
        } else if input.starts_with("/../") {
            input = &input[3..]; // C: "/../" becomes "/", dropping the last output segment
            pop(&mut output);
        } else if input == "/.." {
            input = "/"; // C
            pop(&mut output);
        } else if input == "." || input == ".." {
            input = ""; // D
        } else {
            // E: move the first segment (with its leading "/", if any) to the output.
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            output.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    output
}

/// Everything the demo found about one input.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: UriReport,
    parts: Parts,
    base: Option<Parts>,
    resolution: Option<Resolution>,
    differences: Vec<String>,
    opaque: bool,
    parse_error: Option<url::ParseError>,
}

/// Builds the report for `input`, resolved against `base`, origin compared
/// with `compare`'s. Errors only for a `base` or `compare` that does not parse.
pub fn analyze(
    input: &str,
    base: Option<&str>,
    compare: Option<&str>,
) -> Result<Analysis, SimError> {
    let base_url = base
        .map(|b| Url::parse(b).map_err(|e| bad("--base", b, e)))
        .transpose()?;
    let other_url = compare
        .map(|c| Url::parse(c).map_err(|e| bad("--compare", c, e)))
        .transpose()?;
    let parts = Parts::split(input);
    let base_parts = base.map(Parts::split);
    let resolution = base_parts.as_ref().and_then(|b| resolve(b, &parts));
    let target = resolution.as_ref().map_or(&parts, |r| &r.target);
    let parsed = Url::options().base_url(base_url.as_ref()).parse(input);
    let mut report = UriReport {
        input: input.to_string(),
        base: base.map(str::to_string),
        valid: parsed.is_ok(),
        error: parsed.as_ref().err().map(ToString::to_string),
        kind: target.kind(),
        rfc3986: parts.rfc3986(),
        whatwg: None,
        default_port: None,
        query_pairs: Vec::new(),
        host_unicode: None,
        host_ascii: None,
        compare: None,
    };
    let mut differences = Vec::new();
    let mut opaque = false;
    if let Ok(url) = &parsed {
        report.whatwg = Some(Whatwg::of(url));
        report.default_port = default_port(url);
        report.query_pairs = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if let Some(host) = url.host_str() {
            report.host_ascii = Some(host.to_string());
            report.host_unicode = Some(match url.host() {
                Some(url::Host::Domain(d)) => idna::domain_to_unicode(d).0,
                _ => host.to_string(),
            });
        }
        report.compare = match (compare, &other_url) {
            (Some(other), Some(other_url)) => Some(compare_origins(other, url, other_url)),
            _ => None,
        };
        opaque = !url.origin().is_tuple();
        differences = self::differences(input, target, url);
    }
    Ok(Analysis {
        report,
        parts,
        base: base_parts,
        resolution,
        differences,
        opaque,
        parse_error: parsed.as_ref().err().copied(),
    })
}

fn bad(option: &str, value: &str, e: url::ParseError) -> SimError {
    SimError::Invalid(crate::tr!(
        "demo-uri-bad-option",
        option = option,
        value = format!("{value:?}"),
        error = parse_error_text(e)
    ))
}

/// A `url` parse error in the current language (the JSON keeps the crate's
/// English `Display`).
fn parse_error_text(e: url::ParseError) -> String {
    use url::ParseError as P;
    match e {
        P::EmptyHost => crate::tr!("demo-uri-err-empty-host"),
        P::IdnaError => crate::tr!("demo-uri-err-idna"),
        P::InvalidPort => crate::tr!("demo-uri-err-port"),
        P::InvalidIpv4Address => crate::tr!("demo-uri-err-ipv4"),
        P::InvalidIpv6Address => crate::tr!("demo-uri-err-ipv6"),
        P::InvalidDomainCharacter => crate::tr!("demo-uri-err-domain-char"),
        P::RelativeUrlWithoutBase => crate::tr!("demo-uri-err-relative"),
        P::RelativeUrlWithCannotBeABaseBase => crate::tr!("demo-uri-err-cannot-be-base"),
        P::Overflow => crate::tr!("demo-uri-err-overflow"),
        other => other.to_string(),
    }
}

/// The scheme's default port, whether or not the URL names another: the `url`
/// crate knows the table (http 80, https 443, ws 80, wss 443, ftp 21).
fn default_port(url: &Url) -> Option<u16> {
    let mut bare = url.clone();
    // Fails only for URLs that cannot have a port (file:, no host), whose
    // port_or_known_default is then already the scheme's default.
    let _ = bare.set_port(None);
    bare.port_or_known_default()
}

/// Whether `a` and `b` have the same origin (scheme, host, port), and which
/// of the three differ; `other` names `b` in the result.
pub fn compare_origins(other: &str, a: &Url, b: &Url) -> Compare {
    let differs_in = match (a.origin(), b.origin()) {
        (Origin::Tuple(s1, h1, p1), Origin::Tuple(s2, h2, p2)) => {
            [(s1 != s2, "scheme"), (h1 != h2, "host"), (p1 != p2, "port")]
                .into_iter()
                .filter_map(|(differs, name)| differs.then_some(name))
                .collect()
        }
        _ => vec!["opaque"],
    };
    Compare {
        other: other.to_string(),
        same_origin: differs_in.is_empty(),
        differs_in,
    }
}

/// How the WHATWG result differs from the RFC 3986 reading of the input (the
/// resolved target, with a base): one line per changed component, saying why
/// where the reason is one of the usual ones.
fn differences(input: &str, target: &Parts, url: &Url) -> Vec<String> {
    let mut out = Vec::new();
    if input.contains(['\t', '\n', '\r']) {
        out.push(crate::tr!("demo-uri-diff-tab-newline"));
    }
    if input.trim_matches(|c: char| c <= ' ') != input {
        out.push(crate::tr!("demo-uri-diff-trimmed"));
    }
    let raw = target.rfc3986();
    let mut change = |what: &str, from: Option<&str>, to: Option<&str>, why: &str| {
        if from != to {
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" ({why})")
            };
            out.push(format!("{what}: {} → {}{why}", shown(from), shown(to)));
        }
    };
    let scheme = url.scheme();
    let lower = raw.scheme.as_ref().map(|s| s.to_ascii_lowercase());
    let why = if lower.as_deref() == Some(scheme) {
        crate::tr!("demo-uri-why-scheme-lower")
    } else {
        String::new()
    };
    change("scheme", raw.scheme.as_deref(), Some(scheme), &why);

    let userinfo = match (url.username(), url.password()) {
        ("", None) => None,
        (u, None) => Some(u.to_string()),
        (u, Some(p)) => Some(format!("{u}:{p}")),
    };
    change(
        "userinfo",
        raw.userinfo.as_deref(),
        userinfo.as_deref(),
        &crate::tr!("demo-uri-why-userinfo"),
    );

    let host = url.host_str();
    let why = match (url.host(), raw.host.as_deref()) {
        (Some(url::Host::Ipv4(_)), _) => crate::tr!("demo-uri-why-ipv4"),
        (Some(url::Host::Ipv6(_)), _) => crate::tr!("demo-uri-why-ipv6"),
        (Some(url::Host::Domain(_)), Some(h)) if !h.is_ascii() => crate::tr!("demo-uri-why-idna"),
        (Some(url::Host::Domain(d)), Some(h)) if h.to_ascii_lowercase() == d => {
            crate::tr!("demo-uri-why-host-lower")
        }
        _ => String::new(),
    };
    change("host", raw.host.as_deref(), host, &why);

    let port = url.port().map(|p| p.to_string());
    let why = match raw.port.as_deref() {
        Some("") => crate::tr!("demo-uri-why-empty-port"),
        Some(_) if port.is_none() => crate::tr!("demo-uri-why-default-port"),
        _ => crate::tr!("demo-uri-why-port-number"),
    };
    change("port", raw.port.as_deref(), port.as_deref(), &why);

    let path = url.path();
    let mut whys = Vec::new();
    if path_has_dot_segments(&raw.path) {
        whys.push(crate::tr!("demo-uri-why-dot-segments"));
    }
    if raw.path.is_empty() && path == "/" {
        whys.push(crate::tr!("demo-uri-why-empty-path"));
    }
    if raw.path.contains('\\') && !path.contains('\\') {
        whys.push(crate::tr!("demo-uri-why-backslash"));
    }
    if path.matches('%').count() > raw.path.matches('%').count() {
        whys.push(crate::tr!("demo-uri-why-percent"));
    }
    change("path", Some(&raw.path), Some(path), &whys.join(", "));

    let encoded = |from: Option<&str>, to: Option<&str>| {
        let more =
            to.map_or(0, |t| t.matches('%').count()) > from.map_or(0, |f| f.matches('%').count());
        if more {
            crate::tr!("demo-uri-why-percent")
        } else {
            String::new()
        }
    };
    let why = encoded(raw.query.as_deref(), url.query());
    change("query", raw.query.as_deref(), url.query(), &why);
    let why = encoded(raw.fragment.as_deref(), url.fragment());
    change("fragment", raw.fragment.as_deref(), url.fragment(), &why);
    out
}

fn path_has_dot_segments(path: &str) -> bool {
    path.split(['/', '\\']).any(|s| {
        matches!(
            s.to_ascii_lowercase().as_str(),
            "." | ".." | "%2e" | "%2e%2e" | ".%2e" | "%2e."
        )
    })
}

/// A component for display: `(undefined)` when undefined, `""` when empty, control
/// characters escaped so a table stays one line per row.
fn shown(value: Option<&str>) -> String {
    match value {
        None => crate::tr!("demo-uri-none"),
        Some("") => "\"\"".to_string(),
        Some(v) => escaped(v),
    }
}

/// The one escaping of user text for a terminal, shared with every command.
fn escaped(v: &str) -> String {
    crate::render::visible(v).into_owned()
}

/// Rows of `label  value` as a table without a header row.
fn rows(rows: &[(&str, String)]) -> Table {
    let mut t = Table::new(Vec::<String>::new());
    for (label, value) in rows {
        t.row([label.to_string(), value.clone()]);
    }
    t
}

impl Analysis {
    /// Emits the report, one heading per step.
    pub fn emit(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let mut n = 0;
        let mut step = |out: &mut Emitter<'_>, title: String| {
            n += 1;
            out.heading(crate::tr!("demo-uri-step", n = n, title = title))
        };
        step(out, crate::tr!("demo-uri-step-split"))?;
        self.split_step(out)?;
        if let Some(base) = &self.base {
            step(out, crate::tr!("demo-uri-step-resolve"))?;
            self.resolve_step(out, base)?;
        }
        step(out, crate::tr!("demo-uri-step-whatwg"))?;
        self.whatwg_step(out)?;
        if self.report.valid {
            step(out, crate::tr!("demo-uri-step-parts"))?;
            self.parts_step(out)?;
            step(out, crate::tr!("demo-uri-step-origin"))?;
            self.origin_step(out)?;
        }
        Ok(())
    }

    fn split_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let r = &self.report.rfc3986;
        out.note(crate::tr!("demo-uri-input"), escaped(&self.report.input))?;
        out.text(crate::tr!("demo-uri-split-text"))?;
        out.pre(vec![
            "^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?".to_string(),
            "  $2=scheme  $4=authority  $5=path  $7=query  $9=fragment".to_string(),
        ])?;
        out.text(crate::tr!("demo-uri-split-no-validation"))?;
        let mut table = vec![("scheme", shown(r.scheme.as_deref()))];
        table.push(("authority", shown(self.parts.authority.as_deref())));
        if self.parts.authority.is_some() {
            table.push(("  userinfo", shown(r.userinfo.as_deref())));
            table.push(("  host", shown(r.host.as_deref())));
            table.push(("  port", shown(r.port.as_deref())));
        }
        table.push(("path", shown(Some(&r.path))));
        table.push(("query", shown(r.query.as_deref())));
        table.push(("fragment", shown(r.fragment.as_deref())));
        out.table(rows(&table))?;
        let kind = match self.report.kind {
            Kind::Url => crate::tr!("demo-uri-kind-url"),
            Kind::Urn => crate::tr!("demo-uri-kind-urn"),
            Kind::Uri => crate::tr!("demo-uri-kind-uri"),
            Kind::RelativeReference => crate::tr!("demo-uri-kind-relative"),
        };
        let label = crate::tr!("demo-uri-kind");
        if self.parts.scheme.is_none() && self.base.is_some() {
            out.note(label, crate::tr!("demo-uri-kind-resolved", kind = kind))
        } else {
            out.note(label, kind)
        }
    }

    fn resolve_step(&self, out: &mut Emitter<'_>, base: &Parts) -> Result<(), SimError> {
        let (dot_removed, result) = (
            crate::tr!("demo-uri-dot-removed"),
            crate::tr!("demo-uri-result"),
        );
        let mut table = vec![
            ("base", escaped(&base.recompose())),
            ("reference", escaped(&self.parts.recompose())),
        ];
        match &self.resolution {
            None => {
                out.table(rows(&table))?;
                out.text(crate::tr!("demo-uri-base-no-scheme"))
            }
            Some(res) => {
                if let Some(m) = &res.merged {
                    table.push(("merge", escaped(m)));
                    table.push((dot_removed.as_str(), escaped(&res.target.path)));
                }
                table.push((result.as_str(), escaped(&res.target.recompose())));
                out.table(rows(&table))?;
                out.note(crate::tr!("demo-uri-rule"), res.rule.clone())
            }
        }
    }

    fn whatwg_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let Some(w) = &self.report.whatwg else {
            let error = self.parse_error.map(parse_error_text).unwrap_or_default();
            out.note(crate::tr!("demo-uri-parse-failure"), error)?;
            return out.text(crate::tr!("demo-uri-parse-failure-text"));
        };
        let table = [
            ("href", &w.href),
            ("protocol", &w.protocol),
            ("username", &w.username),
            ("password", &w.password),
            ("host", &w.host),
            ("hostname", &w.hostname),
            ("port", &w.port),
            ("pathname", &w.pathname),
            ("search", &w.search),
            ("hash", &w.hash),
            ("origin", &w.origin),
        ]
        .map(|(l, v)| (l, shown(Some(v))));
        out.table(rows(&table))?;
        if self.differences.is_empty() {
            out.text(crate::tr!("demo-uri-differences-none"))
        } else {
            let list: Vec<String> = self.differences.iter().map(|d| format!("• {d}")).collect();
            out.text(format!(
                "{}\n{}",
                crate::tr!("demo-uri-differences"),
                list.join("\n")
            ))
        }
    }

    fn parts_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let r = &self.report;
        if r.query_pairs.is_empty() {
            out.note("query pairs", crate::tr!("demo-uri-query-pairs-none"))?;
        } else {
            out.text(crate::tr!("demo-uri-query-pairs"))?;
            let pairs: Vec<(String, String)> = r
                .query_pairs
                .iter()
                .map(|(k, v)| (escaped(k), escaped(v)))
                .collect();
            let table: Vec<(&str, String)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), format!("= {v}")))
                .collect();
            out.table(rows(&table))?;
        }
        let port = match r.default_port {
            Some(p) => format!("{p}"),
            None => crate::tr!("demo-uri-no-default-port"),
        };
        let table = [
            ("default port", port),
            ("host (Unicode)", shown(r.host_unicode.as_deref())),
            ("host (ASCII)", shown(r.host_ascii.as_deref())),
        ];
        out.table(rows(&table))?;
        if r.host_unicode != r.host_ascii {
            out.text(crate::tr!("demo-uri-idna-text"))?;
        }
        Ok(())
    }

    fn origin_step(&self, out: &mut Emitter<'_>) -> Result<(), SimError> {
        let r = &self.report;
        let origin = r.whatwg.as_ref().map_or("", |w| w.origin.as_str());
        if self.opaque {
            out.note("origin", crate::tr!("demo-uri-origin-opaque"))?;
        } else {
            out.note(
                "origin",
                crate::tr!("demo-uri-origin-tuple", origin = origin),
            )?;
        }
        if let Some(c) = &r.compare {
            out.note(crate::tr!("demo-uri-compare-with"), escaped(&c.other))?;
            if c.same_origin {
                out.text(crate::tr!("demo-uri-same-origin"))?;
            } else {
                out.text(crate::tr!(
                    "demo-uri-cross-origin",
                    differs = c.differs_in.join(", ")
                ))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(input: &str, base: Option<&str>) -> UriReport {
        analyze(input, base, None).expect("base parses").report
    }

    #[test]
    fn appendix_b_splits_the_rfc_example() {
        // RFC 3986 Appendix B's own example.
        let p = Parts::split("http://www.ics.uci.edu/pub/ietf/uri/#Related");
        assert_eq!(p.scheme.as_deref(), Some("http"));
        assert_eq!(p.authority.as_deref(), Some("www.ics.uci.edu"));
        assert_eq!(p.path, "/pub/ietf/uri/");
        assert_eq!(p.query, None);
        assert_eq!(p.fragment.as_deref(), Some("Related"));
    }

    #[test]
    fn empty_and_undefined_are_kept_apart() {
        let p = Parts::split("http://a?#");
        assert_eq!(p.query.as_deref(), Some(""));
        assert_eq!(p.fragment.as_deref(), Some(""));
        let p = Parts::split("http://a");
        assert_eq!((p.query, p.fragment), (None, None));
        // A leading ":" is not a scheme (one or more characters are needed).
        assert_eq!(Parts::split(":x").scheme, None);
        assert_eq!(Parts::split("a/b:c").scheme, None);
    }

    #[test]
    fn authority_splits_userinfo_host_port() {
        assert_eq!(split_authority("u:p@h:8"), (Some("u:p"), "h", Some("8")));
        assert_eq!(split_authority("[::1]:8080"), (None, "[::1]", Some("8080")));
        assert_eq!(split_authority("[::1]"), (None, "[::1]", None));
        assert_eq!(split_authority("[::1"), (None, "[::1", None));
        assert_eq!(split_authority("a@b@c:"), (Some("a@b"), "c", Some("")));
        assert_eq!(split_authority(""), (None, "", None));
    }

    #[test]
    fn dot_segments_follow_the_rfc_walkthrough() {
        // The two traces in RFC 3986 §5.2.4.
        assert_eq!(remove_dot_segments("/a/b/c/./../../g"), "/a/g");
        assert_eq!(remove_dot_segments("mid/content=5/../6"), "mid/6");
        assert_eq!(remove_dot_segments("/.."), "/");
        assert_eq!(remove_dot_segments(".."), "");
    }

    fn rfc_resolve(base: &str, r: &str) -> String {
        resolve(&Parts::split(base), &Parts::split(r))
            .expect("base has a scheme")
            .target
            .recompose()
    }

    #[test]
    fn resolution_covers_every_rule() {
        let base = "http://a/b/c/d;p?q";
        assert_eq!(rfc_resolve(base, "g:h"), "g:h");
        assert_eq!(rfc_resolve(base, "//g"), "http://g");
        assert_eq!(rfc_resolve(base, ""), base);
        assert_eq!(rfc_resolve(base, "?y"), "http://a/b/c/d;p?y");
        assert_eq!(rfc_resolve(base, "/./g"), "http://a/g");
        assert_eq!(rfc_resolve(base, "../../../g"), "http://a/g");
        assert_eq!(rfc_resolve(base, "http:g"), "http:g");
        // §5.2.3: a base with an authority and an empty path merges under "/".
        assert_eq!(rfc_resolve("http://a", "g"), "http://a/g");
        assert_eq!(resolve(&Parts::split("a/b"), &Parts::split("c")), None);
    }

    /// A file of the shared test data: `$var` when set, else
    /// `../shared/testdata/NAME` beside the crate. Missing data fails the
    /// test, naming the path: a test that passes without its data checks
    /// nothing.
    fn shared_testdata(var: &str, name: &str) -> (String, String) {
        let path = std::env::var(var).unwrap_or_else(|_| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/testdata")
                .join(name)
                .display()
                .to_string()
        });
        match std::fs::read_to_string(&path) {
            Ok(text) => (path, text),
            Err(e) => panic!(
                "the test data {path} is missing ({e}): put the shared folder beside the \
                 crate (../shared/testdata/{name}) or set {var} to the file"
            ),
        }
    }

    /// The RFC 3986 §5.4 examples, from the shared test data (path
    /// overridable with SYNACK_RFC3986_EXAMPLES).
    #[test]
    fn rfc3986_section_5_4_examples() {
        let (path, text) = shared_testdata("SYNACK_RFC3986_EXAMPLES", "rfc3986_5.4_examples.txt");
        let mut checked = 0;
        for line in text.lines() {
            let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            let [reference, expected] = quoted[..] else {
                continue;
            };
            assert_eq!(
                rfc_resolve("http://a/b/c/d;p?q", reference),
                expected,
                "{reference:?}"
            );
            checked += 1;
        }
        assert!(checked >= 40, "only {checked} examples found in {path}");
    }

    #[test]
    fn korean_host_becomes_punycode() {
        let r = report("https://긴급재난지원금.kr/", None);
        assert_eq!(r.host_ascii.as_deref(), Some("xn--jj0bb2kr6h965bxcbp8g.kr"));
        assert_eq!(r.host_unicode.as_deref(), Some("긴급재난지원금.kr"));
        assert_eq!(
            r.whatwg.as_ref().map(|w| w.origin.as_str()),
            Some("https://xn--jj0bb2kr6h965bxcbp8g.kr")
        );
        assert_eq!(r.default_port, Some(443));
        assert_eq!(r.kind, Kind::Url);
    }

    #[test]
    fn table_of_cases() {
        // input | base | kind | WHATWG href (`-`: rejected) | host_ascii | default_port
        let cases = [
            "http://[::1]:8080/ | - | url | http://[::1]:8080/ | [::1] | 80",
            "HTTP://User:Pw@Example.COM:80/a/./b/../c?q=1 | - | url \
             | http://User:Pw@example.com/a/c?q=1 | example.com | 80",
            "http://0x7f.1/ | - | url | http://127.0.0.1/ | 127.0.0.1 | 80",
            "../g?x#y | http://a/b/c/d;p?q | url | http://a/b/g?x#y | a | 80",
            "//b.kr | https://a.kr/x | url | https://b.kr/ | b.kr | 443",
            "urn:isbn:9788966260959 | - | urn | urn:isbn:9788966260959 | - | -",
            "mailto:a@example.com | - | uri | mailto:a@example.com | - | -",
            "file:///etc/hosts | - | url | file:///etc/hosts | - | -",
            "wss://한국.kr:443/ | - | url | wss://xn--3e0b707e.kr/ | xn--3e0b707e.kr | 443",
            "ftp://x.kr:2121/ | - | url | ftp://x.kr:2121/ | x.kr | 21",
            "http://exa mple.com | - | url | - | - | -",
            "http://[::1 | - | url | - | - | -",
            "http://a:99999/ | - | url | - | - | -",
            "g | - | relative-reference | - | - | -",
        ];
        let opt = |s: &str| (s != "-").then(|| s.to_string());
        for case in cases {
            let f: Vec<&str> = case.split(" | ").map(str::trim).collect();
            let [input, base, kind, href, host, port] = f[..] else {
                panic!("{case}")
            };
            let r = report(input, opt(base).as_deref());
            assert_eq!(r.valid, href != "-", "{input}");
            assert_eq!(r.error.is_none(), r.valid, "{input}");
            assert_eq!(serde_json::to_value(r.kind).unwrap(), kind, "{input}");
            assert_eq!(r.whatwg.map(|w| w.href), opt(href), "{input}");
            assert_eq!(r.host_ascii, opt(host), "{input}");
            assert_eq!(r.default_port.map(|p| p.to_string()), opt(port), "{input}");
        }
        let r = report("http://a:99999/", None);
        assert_eq!(r.error.as_deref(), Some("invalid port number"));
        assert_eq!(r.rfc3986.port.as_deref(), Some("99999"));
        let r = report("http://exa mple.com", None);
        assert_eq!(
            r.error.as_deref(),
            Some("invalid international domain name")
        );
        assert_eq!(r.rfc3986.host.as_deref(), Some("exa mple.com"));
    }

    #[test]
    fn differences_name_what_changed() {
        crate::i18n::with_lang(crate::i18n::Lang::Ko, differences_in_korean);
        let a = analyze("HTTP://Example.COM:80/a", None, None).unwrap();
        let d = a.differences.join("\n");
        assert!(
            d.contains("port: 80 → (undefined) (the scheme's default port, so it is omitted)"),
            "{d}"
        );
    }

    fn differences_in_korean() {
        let a = analyze("HTTP://Example.COM:80/a/./b/../c?q=a b", None, None).unwrap();
        let d = a.differences.join("\n");
        assert!(d.contains("scheme: HTTP → http"), "{d}");
        assert!(
            d.contains("host: Example.COM → example.com (host는 소문자로)"),
            "{d}"
        );
        assert!(
            d.contains("port: 80 → (없음) (scheme의 default port라서 생략)"),
            "{d}"
        );
        assert!(
            d.contains("path: /a/./b/../c → /a/c (dot segment(. ..) 해석)"),
            "{d}"
        );
        assert!(
            d.contains("query: q=a b → q=a%20b (percent-encoding 추가)"),
            "{d}"
        );
        let a = analyze("http://0x7f.1/", None, None).unwrap();
        assert!(
            a.differences
                .join("\n")
                .contains("host: 0x7f.1 → 127.0.0.1")
        );
        let a = analyze("https://example.com/", None, None).unwrap();
        assert_eq!(a.differences, Vec::<String>::new());
    }

    #[test]
    fn query_pairs_are_decoded() {
        let r = report("https://a.kr/?q=%ED%95%9C+%EA%B8%80&r&q=2", None);
        let pairs: Vec<(&str, &str)> = r
            .query_pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(pairs, [("q", "한 글"), ("r", ""), ("q", "2")]);
    }

    #[test]
    fn origins_compare_by_scheme_host_port() {
        let cmp = |a: &str, b: &str| analyze(a, None, Some(b)).unwrap().report.compare.unwrap();
        let c = cmp("https://a.kr/x", "https://a.kr:443/y?z");
        assert!(c.same_origin);
        assert!(c.differs_in.is_empty());
        assert_eq!(
            cmp("https://a.kr/", "http://a.kr:8080/").differs_in,
            ["scheme", "port"]
        );
        assert_eq!(cmp("https://a.kr/", "https://b.a.kr/").differs_in, ["host"]);
        let c = cmp("data:text/plain,x", "data:text/plain,x");
        assert!(!c.same_origin);
        assert_eq!(c.differs_in, ["opaque"]);
        assert!(
            analyze("http://[::1", None, Some("http://a/"))
                .unwrap()
                .report
                .compare
                .is_none()
        );
        let err = analyze("a", Some("b"), None).unwrap_err().to_string();
        assert_eq!(
            err,
            "--base \"b\" is not an absolute URL: relative URL without a base"
        );
    }

    #[test]
    fn json_has_exactly_the_documented_keys() {
        let a = analyze("https://a.kr/", None, Some("https://a.kr")).unwrap();
        let v = serde_json::to_value(&a.report).unwrap();
        let keys = |v: &serde_json::Value| {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k.join(",")
        };
        assert_eq!(
            keys(&v),
            "base,compare,default_port,error,host_ascii,host_unicode,input,kind,query_pairs,rfc3986,valid,whatwg"
        );
        assert_eq!(
            keys(&v["rfc3986"]),
            "fragment,host,path,port,query,scheme,userinfo"
        );
        assert_eq!(
            keys(&v["whatwg"]),
            "hash,host,hostname,href,origin,password,pathname,port,protocol,search,username"
        );
        assert_eq!(keys(&v["compare"]), "differs_in,other,same_origin");
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_split_losslessly(input in "\\PC*") {
            // Appendix B's expression matches every string, and the groups put
            // back together (§5.3) are the string again.
            proptest::prop_assert_eq!(Parts::split(&input).recompose(), input);
        }

        #[test]
        fn no_input_panics(input in ".*", base in proptest::option::of("[a-z]{1,5}:(//[a-z.]{0,8})?/.*")) {
            if let Ok(a) = analyze(&input, base.as_deref(), Some("http://a/")) {
                let mut e = Emitter::recording();
                a.emit(&mut e).expect("recording never stops");
                proptest::prop_assert!(!e.take().1.blocks.is_empty());
            }
        }

        /// The whole demo as `synack demo uri` runs it, in both formats: any
        /// input (after `--`, so even `-x` is the URI) is a report, never an
        /// error, and the JSON names the input exactly.
        #[test]
        fn any_input_is_a_report_in_both_formats(input in "\\PC{0,60}", json in proptest::bool::ANY) {
            let format = if json { "json" } else { "text" };
            let argv: Vec<String> = ["uri", "--format", format, "--", &input].map(String::from).to_vec();
            let run = crate::sim::run(&argv).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            proptest::prop_assert_eq!(run.report.json["input"].as_str(), Some(input.as_str()));
            proptest::prop_assert!(run.report.text(80).contains("RFC 3986"));
        }

        #[test]
        fn url_shaped_input_never_panics(
            input in "[a-zA-Z][a-zA-Z0-9+.-]{0,5}:(//([a-z0-9%.-]{0,4}(:[a-z0-9]{0,3})?@)?([a-z0-9%.\\[\\]:-]{0,12}|[가-힣]{1,4}\\.kr)(:[0-9]{0,6})?)?(/[a-zA-Z0-9.%~ -]{0,6}){0,4}(\\?[a-z0-9=&%+ ]{0,10})?(#.{0,5})?",
            reference in "(\\.\\.?/){0,3}[a-z.]{0,4}(\\?[a-z]{0,2})?",
        ) {
            let a = analyze(&input, None, Some("https://x.kr/")).expect("no base");
            let mut e = Emitter::recording();
                a.emit(&mut e).expect("recording never stops");
                proptest::prop_assert!(!e.take().1.blocks.is_empty());
            if a.report.valid {
                let resolved = analyze(&reference, Some(&input), None);
                proptest::prop_assert!(resolved.is_ok());
            }
        }
    }

    /// The web-platform-tests URL cases (urltestdata.json; path from
    /// SYNACK_WPT, else the shared copy beside the crate). The demo must agree with the `url`
    /// crate on every case; agreement with the file itself is counted and the
    /// cases where the crate departs from it are printed.
    #[test]
    fn web_platform_tests_agree_with_the_url_crate() {
        let (_, text) = shared_testdata("SYNACK_WPT", "urltestdata.json");
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&text).expect("urltestdata.json is JSON");
        let fields = [
            "href", "protocol", "username", "password", "host", "hostname", "port", "pathname",
            "search", "hash", "origin",
        ];
        let (mut total, mut agree, mut unlike_wpt) = (0, 0, Vec::new());
        for case in cases.iter().filter(|c| c.is_object()) {
            let input = case["input"].as_str().expect("input");
            let base = case["base"].as_str();
            total += 1;
            let demo = analyze(input, base, None)
                .expect("every WPT base parses")
                .report;
            // The url crate, asked directly.
            let crate_url = Url::options()
                .base_url(base.and_then(|b| Url::parse(b).ok()).as_ref())
                .parse(input);
            assert_eq!(demo.valid, crate_url.is_ok(), "{input:?} against {base:?}");
            let demo_json = serde_json::to_value(&demo.whatwg).unwrap();
            if let Ok(url) = &crate_url {
                assert_eq!(
                    demo.whatwg.as_ref(),
                    Some(&Whatwg::of(url)),
                    "{input:?} against {base:?}"
                );
            }
            let expected_failure = case.get("failure").is_some_and(|f| f == true);
            let matches = if expected_failure {
                !demo.valid
            } else {
                demo.valid
                    && fields
                        .iter()
                        .all(|f| case.get(*f).is_none_or(|want| demo_json[*f] == *want))
            };
            if matches {
                agree += 1;
            } else {
                let against = base.map_or(String::new(), |b| {
                    format!(" against <{}>", b.escape_default())
                });
                unlike_wpt.push(format!("<{}>{against}", input.escape_default()));
            }
        }
        eprintln!(
            "WPT urltestdata: {agree} of {total} cases agree on every field; the url crate departs from the file on {}:",
            unlike_wpt.len()
        );
        for case in &unlike_wpt {
            eprintln!("  {case}");
        }
        assert!(total > 800 && agree + unlike_wpt.len() == total);
    }
}
