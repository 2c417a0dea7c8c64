# synack demo ip (src/sim/network/ip.rs)

demo-ip-about = IP addressing: a CIDR's network, broadcast and hosts, special ranges, IPv4 vs IPv6, NAT
demo-ip-opt-cidr = An address with its prefix length, IPv4 or IPv6 (no prefix: /32 or /128)
demo-ip-opt-nat = Also simulate a home router's NAPT table for three inside hosts
demo-ip-opt-mapping = The NAT's mapping behaviour (RFC 4787 §4.1)
demo-ip-opt-filtering = The NAT's filtering behaviour (RFC 4787 §5)
demo-ip-err-address = { $input } is not an IPv4 or IPv6 address
demo-ip-err-prefix = { $input }: the prefix length must be 0 to { $max }

demo-ip-range-private = private

demo-ip-v4-title = IPv4 address and CIDR: { $cidr }
demo-ip-v4-text = /{ $len }: the first { $len } bits are the network part, { $host ->
        [one] the last bit
       *[other] the other { $host } bits
    } the host part. The network address has every host bit 0, the broadcast address every host bit 1.
demo-ip-col-address = Address
demo-ip-col-binary = Binary
demo-ip-row-address = address
demo-ip-none = none
demo-ip-row-first-host = first host
demo-ip-row-last-host = last host
demo-ip-count-32 = /32: one address, the host itself (a host route).
demo-ip-count-31 = /31: both addresses are hosts. A point-to-point link needs no network or broadcast address (RFC 3021).
demo-ip-count = 2^{ $bits } = { $addresses } addresses − network 1 − broadcast 1 = { $usable } usable hosts
demo-ip-host-count = Hosts

demo-ip-v6-title = IPv6 address and prefix: { $cidr }
demo-ip-v6-text = An IPv6 address is 128 bits, written as eight groups of 16 bits in hexadecimal. Leading zeros of each group are dropped, and the longest run of all-zero groups, once only, becomes :: (RFC 5952).
demo-ip-row-compressed = compressed
demo-ip-row-expanded = expanded
demo-ip-row-range-end = range end
demo-ip-row-addresses = addresses
demo-ip-v6-broadcast = IPv6 has no broadcast address: every address can be a host's, and sending to everyone uses multicast (ff02::1, all-nodes). One LAN is usually a /64 (SLAAC).

demo-ip-ranges-title = Special-purpose address ranges
demo-ip-col-range = Range
demo-ip-col-use = Purpose
demo-ip-this-address-mark = ← this address
demo-ip-this-address = This address
demo-ip-public-v4 = { $addr }: a public (global) address, outside every special range
demo-ip-global-v6 = { $addr }: a global unicast address, outside every special range (2000::/3)

demo-ip-compare-title = IPv4 and IPv6
demo-ip-cmp-length = address length
demo-ip-cmp-notation = notation
demo-ip-cmp-notation-v4 = dotted decimal 192.0.2.1
demo-ip-cmp-notation-v6 = colon hex 2001:db8::1 (:: shortening)
demo-ip-cmp-header-v6 = 40 bytes fixed (extension headers)
demo-ip-cmp-yes = yes
demo-ip-cmp-checksum-v6 = none (upper layers check)
demo-ip-cmp-broadcast-v6 = none (multicast)
demo-ip-cmp-resolution = address resolution
demo-ip-cmp-fragmentation = fragmentation
demo-ip-cmp-fragmentation-v4 = routers too (unless DF)
demo-ip-cmp-fragmentation-v6 = sending host only
demo-ip-cmp-autoconf = autoconfiguration

demo-ip-nat-heading = NAPT: one home router, one public IP ({ $public }), mapping { $mapping }, filtering { $filtering }
demo-ip-nat-text = Private addresses (RFC 1918) are not routed on the Internet, so the router rewrites each outgoing packet's source to its own public IP and one of its ports, writes the pair in its table, and sends returning packets back the same way. The hosts are told apart by port number (NAPT).
demo-ip-lane-inside = inside host
demo-ip-lane-router = NAT router
demo-ip-lane-outside = outside host
demo-ip-why-new = A new connection: a new row in the table
demo-ip-why-other-host = The same inside port 50000, but another host, so another public port
demo-ip-why-other-destination = The same socket, another destination: the mapping rule decides whether the port is reused
demo-ip-why-third = A third host
demo-ip-rewrite-source = Source rewritten: { $inside } ⇒ { $outside }. { $why }
demo-ip-why-reply = A reply from a peer it has sent to
demo-ip-why-other-port = An IP it has sent to, another port
demo-ip-why-stranger = A host it has never sent to
demo-ip-why-unknown-port = A port not in the table
demo-ip-delivered = Destination rewritten back and delivered: { $to } ⇒ { $inside }. { $why }
demo-ip-filtered = Dropped: { $filtering } filtering. { $why }
demo-ip-no-mapping = Dropped: no mapping for this port. { $why }
demo-ip-col-inside = inside (private src)
demo-ip-col-outside = outside (public src)
demo-ip-col-remote = peer (dst)
demo-ip-nat-table = NAPT table: of the 4-tuple (src ip:port, dst ip:port), only the src changes
demo-ip-rfc4787 = mapping: endpoint-independent keeps one public port per socket wherever it sends (what P2P and STUN expect, REQ-1); address-and-port-dependent takes a new port per destination (the old name: symmetric NAT). filtering: whose packets are let in. The old RFC 3489 full cone, restricted cone and port-restricted cone are combinations of these.
