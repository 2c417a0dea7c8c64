# synack demo uri (src/sim/web/uri.rs)

demo-uri-about = Take a URI apart: RFC 3986 generic syntax, the WHATWG URL a browser sees, query, origin, Punycode
demo-uri-opt-uri = The URI to take apart (a relative reference needs --base)
demo-uri-opt-base = Resolve URI against this absolute URI (RFC 3986 §5.2 and WHATWG)
demo-uri-opt-compare = Compare URI's origin with OTHER's (same-origin policy)
demo-uri-missing = missing URI: e.g. `{ $example }`
demo-uri-bad-option = { $option } { $value } is not an absolute URL: { $error }
demo-uri-title-main = URI structure: RFC 3986 and the WHATWG URL

demo-uri-rule-scheme = the reference has a scheme → the reference as it is (only dot segments removed)
demo-uri-rule-network-path = no scheme, starts with //authority (network-path reference) → only the base's scheme is borrowed
demo-uri-rule-empty-path = empty path → the base's path is kept; the query is the reference's if it has one, else the base's
demo-uri-rule-absolute-path = the path starts with / (absolute-path reference) → the base's scheme and authority with this path
demo-uri-rule-relative-path = relative path (relative-path reference) → merged with the base path up to its last /, then dot segments removed

demo-uri-diff-tab-newline = every tab and newline removed (WHATWG only)
demo-uri-diff-trimmed = leading and trailing spaces and C0 controls trimmed
demo-uri-why-scheme-lower = the scheme is lowercased
demo-uri-why-userinfo = empty parts dropped, percent-encoded where needed
demo-uri-why-ipv4 = the IPv4 address read as a number and written in dotted-quad form (0x7f.1 → 127.0.0.1)
demo-uri-why-ipv6 = the IPv6 address in its canonical form (RFC 5952)
demo-uri-why-idna = IDNA: lowercased, normalized, then Punycode (xn--)
demo-uri-why-host-lower = the host is lowercased
demo-uri-why-empty-port = an empty port is the same as none
demo-uri-why-default-port = the scheme's default port, so it is omitted
demo-uri-why-port-number = leading zeros dropped, read as a number
demo-uri-why-dot-segments = dot segments (. ..) resolved
demo-uri-why-empty-path = an empty path of a special scheme is /
demo-uri-why-backslash = \ becomes /
demo-uri-why-percent = percent-encoding added
demo-uri-none = (undefined)

demo-uri-step = Step { $n }  { $title }
demo-uri-step-split = Split by the RFC 3986 generic syntax (Appendix B)
demo-uri-step-resolve = Resolve against the base (RFC 3986 §5.2 reference resolution)
demo-uri-step-whatwg = WHATWG URL Standard — the parser browsers use (url crate)
demo-uri-step-parts = Query, default port, host (IDNA/Punycode)
demo-uri-step-origin = Origin and the same-origin policy (SOP)

demo-uri-input = Input
demo-uri-split-text = scheme:[//authority]path[?query][#fragment] — cut at the delimiters : / ? # alone. The regular expression:
demo-uri-split-no-validation = This step only splits; it validates nothing.
demo-uri-kind = Kind
demo-uri-kind-url = URL — it has an authority (host), so it says where the resource is (a locator). Every URL is a URI.
demo-uri-kind-urn = URN — urn: gives a name only and says nothing of where. A URI, but not a URL.
demo-uri-kind-uri = URI but not hierarchical — a scheme but no authority (//host), so it names no location (like mailto: and data:).
demo-uri-kind-relative = relative reference — no scheme, so not a URI on its own. Give a base URI with --base to resolve it.
demo-uri-kind-resolved = relative reference — no scheme, so not a URI on its own. Resolved against the base, it is: { $kind }

demo-uri-dot-removed = dots removed
demo-uri-result = Result
demo-uri-rule = Rule
demo-uri-base-no-scheme = The base has no scheme, so RFC 3986 cannot resolve against it (§5.1: a base must be an absolute URI).

demo-uri-parse-failure = Parse failure
demo-uri-parse-failure-text = The RFC 3986 split cuts any string, but the WHATWG parser checks the host and port and rejects this one. In a browser, new URL() throws a TypeError and the address bar treats the input as a search.
demo-uri-differences-none = Differences from the RFC 3986 reading: none
demo-uri-differences = Differences from the RFC 3986 reading:
demo-uri-query-pairs-none = none
demo-uri-query-pairs = Query pairs (decoded as application/x-www-form-urlencoded: + → space, %XX → byte):
demo-uri-no-default-port = none (this scheme has no known default port)
demo-uri-idna-text = DNS speaks ASCII only, so a Unicode domain is looked up as Punycode (xn--...) labels, by IDNA.
demo-uri-origin-opaque = null — an opaque origin. It has no (scheme, host, port) tuple, so it equals no origin, not even itself.
demo-uri-origin-tuple = { $origin } — same-origin needs all three of (scheme, host, port) to be equal.
demo-uri-compare-with = Compared with
demo-uri-same-origin = → same-origin: each may read the other's DOM and responses freely.
demo-uri-cross-origin = → cross-origin (differs in: { $differs }): to read a response, the server must allow it with a CORS header (Access-Control-Allow-Origin).

# The url crate's parse errors (url::ParseError), as the screen shows them;
# the JSON keeps the crate's own English text.
demo-uri-err-empty-host = empty host
demo-uri-err-idna = invalid international domain name
demo-uri-err-port = invalid port number
demo-uri-err-ipv4 = invalid IPv4 address
demo-uri-err-ipv6 = invalid IPv6 address
demo-uri-err-domain-char = invalid domain character
demo-uri-err-relative = relative URL without a base
demo-uri-err-cannot-be-base = relative URL with a cannot-be-a-base base
demo-uri-err-overflow = URLs more than 4 GB are not supported
