# synack demo webrtc (src/sim/web/webrtc.rs): ICE, STUN and TURN across NATs.

demo-webrtc-examples = Examples:
demo-webrtc-about = ICE candidates, a real STUN Binding on 127.0.0.1 and connectivity checks across two simulated NATs
demo-webrtc-opt-nat-a = The NAT in front of peer A
demo-webrtc-opt-nat-b = The NAT in front of peer B
demo-webrtc-opt-peers = Peers in the group call compared as mesh, SFU and MCU (2 to 50)
demo-webrtc-nat-full-cone = Endpoint-independent mapping and filtering
demo-webrtc-nat-address-restricted = Endpoint-independent mapping, address-dependent filtering
demo-webrtc-nat-port-restricted = Endpoint-independent mapping, address-and-port-dependent filtering
demo-webrtc-nat-symmetric = Address-and-port-dependent mapping and filtering

demo-webrtc-stun-short = STUN message shorter than its 20-byte header
demo-webrtc-stun-not-stun = not STUN: the top two bits are not 00 or the magic cookie is wrong
demo-webrtc-stun-length = STUN length field does not match the datagram
demo-webrtc-stun-no-address = no IPv4 XOR-MAPPED-ADDRESS attribute
demo-webrtc-err-not-ipv4 = STUN client is not IPv4
demo-webrtc-err-panic = the STUN server thread panicked
demo-webrtc-err-response = STUN response: { $error }
demo-webrtc-err-transaction = STUN response: not a Binding success for our transaction

demo-webrtc-title-run = WebRTC: finding a peer across NATs with ICE (A: { $a }, B: { $b })
demo-webrtc-step-stun = 1. STUN Binding: two real UDP sockets on 127.0.0.1
demo-webrtc-stun-intro = A peer sends a Binding request to a STUN server; the server puts the datagram's source address (IP and port) in XOR-MAPPED-ADDRESS and sends it back. Behind a NAT that address is the NAT's public mapping: the server-reflexive (srflx) candidate. Below are the datagrams that really crossed this machine's loopback (ports change every run, so they are shown by role).
demo-webrtc-stun-mapped-note = XOR-MAPPED-ADDRESS = the source as the server saw it
demo-webrtc-stun-masked = response (the port and address in XOR-MAPPED-ADDRESS are ??):
demo-webrtc-stun-parsed = The response, parsed
demo-webrtc-stun-same-id = same as the request's
demo-webrtc-stun-same-socket = same as the client socket?
demo-webrtc-stun-same = same: no NAT on loopback: host = srflx
demo-webrtc-stun-different = different
demo-webrtc-why-xor-label = Why XOR
demo-webrtc-why-xor = In the RFC 3489 days the address was carried as is, and NATs that rewrite IP addresses inside payloads (ALGs) mangled it. XORed with the magic cookie, such boxes no longer recognise it (RFC 8489 §14.2).
demo-webrtc-step-gather = 2. Gathering candidates: host, srflx, relay
demo-webrtc-gather-intro = When A sends the same Binding from behind its NAT, the source the STUN server sees is NAT A's mapping { $srflx }. That address as XOR-MAPPED-ADDRESS:
demo-webrtc-col-address = address
demo-webrtc-candidates-title = Candidates (RFC 8445 §5.1.2: type preference host 126 > prflx 110 > srflx 100 > relay 0)
demo-webrtc-candidate-kinds = host is the peer's private address, srflx the NAT's public mapping learned through STUN, relay the address allocated on a TURN server (RFC 8656). When a packet from the other side arrives from an address not seen before during the checks, that address becomes a peer-reflexive (prflx) candidate.
demo-webrtc-step-signaling = 3. Signaling: SDP offer/answer (overview)
demo-webrtc-signaling = WebRTC does not define how signaling is done. Usually the SDP (RFC 8866) offer and answer (RFC 3264) go through a server, e.g. over WebSocket, and candidates are sent separately as they are gathered (trickle ICE, RFC 8838). Media never goes through this server.
demo-webrtc-trickle-note = B's candidates reach A the same way
demo-webrtc-sdp-fingerprint = a=fingerprint:sha-256 (hash of the DTLS certificate)
demo-webrtc-sdp-raddr = (raddr and rport at the end of srflx and relay lines left out)
demo-webrtc-step-checks = 4. Connectivity checks: a STUN Binding per candidate pair
demo-webrtc-checks-intro = The peers check candidate pairs in priority order, host pairs first. A's host 192.168.1.10 and B's host 10.0.0.20 are on different private networks with no route between them, so that fails. Next the srflx pair: both sides send to the other's public mapping at once and punch holes in their NATs (hole punching).
demo-webrtc-response = response
demo-webrtc-request = request
demo-webrtc-round-passed = round { $round }: through
demo-webrtc-round-dropped = round { $round }: dropped by the { $nat } NAT (a peer it never sent to)
demo-webrtc-col-a = A candidate
demo-webrtc-col-b = B candidate
demo-webrtc-col-result = result
demo-webrtc-pairs-title = Candidate pair checks
demo-webrtc-pair-host = failed: no route between private addresses
demo-webrtc-pair-ok = succeeded (round { $round })
demo-webrtc-pair-relay-unused = succeeded (not used: lower priority)
demo-webrtc-pair-dropped = failed: dropped by a NAT
demo-webrtc-pair-relay = succeeded: relayed by the TURN server
demo-webrtc-media-label = Media
demo-webrtc-media = RTP flows directly over the selected pair: A → NAT A → { $a_to } (NAT B's mapping) → B, B → NAT B → { $b_to } → A. The STUN server only told each peer its address; it carries no media. The NAT mappings are kept alive by keepalives (STUN Binding indications).
demo-webrtc-why-turn-label = Why TURN is needed
demo-webrtc-why-turn = A { $nat } NAT makes a new public port for every destination, so the port used toward the other peer differs from the srflx address STUN reported, and the other NAT's filtering lets in only packets from an address and port it has sent to. So neither side gets in. Switching to the relay candidates, A sends to B's relay address { $b_relay }, B to A's relay address { $a_relay }, and the TURN server relays. Each side receives from a server it has sent to, which passes any NAT (the price: server bandwidth and delay).
demo-webrtc-step-matrix = 5. The result for each pair of NATs
demo-webrtc-matrix-title = Direct (srflx/prflx), or a TURN relay?
demo-webrtc-direct = direct
demo-webrtc-matrix-note = Even a symmetric NAT connects directly when the other side is full-cone or address-restricted: that NAT's filtering does not look at the port. Symmetric with port-restricted, and symmetric with symmetric, do not work without TURN.
demo-webrtc-step-group = 6. A group call: mesh, SFU, MCU ({ $n } peers)
demo-webrtc-col-topology = topology
demo-webrtc-col-connections = connections
demo-webrtc-col-upload = upload per peer
demo-webrtc-col-download = download per peer
demo-webrtc-topologies = A mesh needs no server, but every peer must upload N−1 streams, so it rarely goes beyond a few peers. An SFU (Selective Forwarding Unit) takes one stream from each and forwards it as is to the others; an MCU (Multipoint Control Unit) decodes everything, mixes it into one stream and encodes it again: easy on the peers, heavy on the server's CPU.
