# synack demo dns (src/sim/web/dns/)

demo-dns-about = Resolve a name iteratively (stub → recursive → root → TLD → authoritative) on loopback servers, then again from the cache
demo-dns-opt-name = The name to resolve (in the shipped zones: www, web, rr, many, or anything else under example.com for NXDOMAIN)
demo-dns-opt-after = Look the name up once more this many simulated seconds after the first lookup: past a TTL the cache has expired it
demo-dns-opt-round-robin = Six clients resolve rr.example.com (three A records, TTL 60) through the resolver: the rotation and how caching skews it
demo-dns-err-name = dns: name { $name }: { $error }

demo-dns-truncated = TC=1: does not fit in 512 bytes
demo-dns-more = { $shown } and { $more } more
demo-dns-iterative-note = UDP → { $role } ({ $host }), RD=0: an iterative query
demo-dns-query-header = The header above, read with hickory-proto
demo-dns-udp-limit = A UDP answer must be at most { $limit } bytes (RFC 1035 §4.2.1). Seeing the TC bit, the resolver asks again over TCP (RFC 7766)
demo-dns-tcp-answer = The answer over TCP: { $size } bytes, { $count } A records
demo-dns-aa-header = The { $role } answer's header: AA=1
demo-dns-cache-hit = cache hit: no upstream query. TTLs left: { $ttls }

demo-dns-run-title = DNS: iterative resolution of { $qname } and the cache
demo-dns-col-role = Role
demo-dns-col-name = Name
demo-dns-col-address = Loopback address
demo-dns-by-port = 127.0.0.1 (told apart by port)
demo-dns-intro = The root, TLD (com.) and authoritative (example.com.) name servers are threads of this process and answer only from the zone data in data/dns/zones.txt (nothing is asked of the real Internet). The OS picks the ports, so servers are shown by role only. Time is a simulated clock, and TTLs count down by it.
demo-dns-first-lookup = t=0 s: the first lookup, with an empty cache
demo-dns-again = t={ $t } s: the same name again
demo-dns-after-heading = t={ $t } s: --after { $t }
demo-dns-still-cached = Every TTL is still running, so the cache answered.
demo-dns-expired = Records past their TTL left the cache, so the resolver asked again ({ $upstream } upstream queries). The NS and glue still alive spare it from starting at the root again.
demo-dns-cname = CNAME: the name asked for is an alias of another name. The authoritative server answered with the target's A record from the same zone as well, and the recursive resolver caches the CNAME and the A each with its own TTL.
demo-dns-nxdomain = NXDOMAIN: no such name. The negative answer is cached too, by the SOA in the authority section: negative TTL = min(SOA TTL, SOA MINIMUM) = { $ttl } s (RFC 2308 §5).
demo-dns-iterative = The stub asks the recursive resolver once, with RD=1 (recursion desired), and the recursive resolver queries root → TLD → authoritative iteratively. The root and the TLD give no answer but a referral (NS in authority, glue A in additional), with AA=0. Only the authoritative server, the zone's owner, answers with AA=1.

demo-dns-rr-intro = rr.example.com has three A records (TTL 60 s), and the authoritative server rotates their order by one on every query (BIND's rrset-order cyclic). A client usually connects to the first address.
demo-dns-col-first = First address
demo-dns-yes = yes
demo-dns-no = no
demo-dns-via-title = Six lookups through the recursive resolver
demo-dns-direct = For comparison: the same six asked of the authoritative server directly, with no cache
demo-dns-col-via = Through the resolver's cache
demo-dns-col-direct = Straight to the authoritative
demo-dns-spread-title = Clients sent to each first address
demo-dns-rr-outro = Asked directly, the three addresses take turns evenly; but a resolver returns the answer it cached for the whole TTL, so every client in between goes to the same first address. The more users behind one resolver, the more skewed the spread, and DNS round robin never learns that a server died (no health check): hence a load balancer in front.
demo-dns-col-address-short = Address

# What failed, in the rare error of a socket or a library (after "dns: ").
demo-dns-io-bind-tcp = binding a TCP listener on 127.0.0.1
demo-dns-io-bind-udp = binding a UDP socket on 127.0.0.1
demo-dns-io-bind-resolver = binding the resolver's socket
demo-dns-io-connect = connecting over TCP
demo-dns-io-port = reading a port
demo-dns-io-read-tcp = reading over TCP
demo-dns-io-send = sending a query
demo-dns-io-send-tcp = sending over TCP
demo-dns-io-timeout = setting a timeout
demo-dns-io-wait = waiting for an answer
