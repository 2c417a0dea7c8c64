# synack demo encap (src/sim/network/encap.rs)

demo-encap-about = Encapsulation of one HTTP request: data → TCP segment → IP packet → Ethernet frame → bits
demo-encap-after-help = --decode HEX takes a frame apart again: the frame_hex of --format json, or any Ethernet frame carrying IPv4 or IPv6 and TCP or UDP.
demo-encap-opt-ipv6 = Carry the request in an IPv6 packet instead of IPv4
demo-encap-opt-mtu = The link's MTU, for the MSS it allows (IPv4 576 up; IPv6 1280 up)
demo-encap-opt-decode = Take this Ethernet frame apart instead (hex; spaces and colons allowed)
demo-encap-err-digit = { $char } at byte { $at } is not a hex digit
demo-encap-err-empty = no bytes given
demo-encap-err-odd = an odd number of hex digits ({ $count }): each byte is two
demo-encap-err-ipv4-length = IPv4: total length { $total } but only { $left } bytes follow the Ethernet header
demo-encap-err-ipv6-length = IPv6: payload length { $payload } but only { $left } bytes follow its header
demo-encap-err-ethertype = EtherType 0x{ $code } ({ $name }): only IPv4 and IPv6 frames are taken apart
demo-encap-err-protocol = IP protocol { $number } ({ $name }): only TCP and UDP are taken apart
demo-encap-err-build = cannot build the frame: { $error }
demo-encap-err-mtu = --mtu { $mtu }: IPv6 needs a link MTU of at least 1280 (RFC 8200 §5)

demo-encap-decode-title = Decapsulation: taking a { $bytes }-byte frame apart, layer by layer
demo-encap-decode-text = The receiver reads and strips one header at a time from the bottom layer up, and hands the rest to the next layer: Ethernet's EtherType names the IP version, IP's protocol number says TCP or UDP, and the port number picks the application that receives it.
demo-encap-run-title = Encapsulation: one HTTP request becoming an Ethernet frame ({ $ip })
demo-encap-text = On the sending side, the whole PDU of the layer above becomes the payload of the layer below, and each layer puts its own header in front. OSI layers 5 to 7 (session, presentation, application) are the one application layer of the TCP/IP model.
demo-encap-col-size = Size
demo-encap-layers-title = Layers and PDUs
demo-encap-mtu-heading = MTU and MSS
demo-encap-mtu = The largest IP packet one frame of a link carries: { $mtu } bytes on this link (Ethernet's default is 1500). This packet is { $packet } bytes.
demo-encap-mss = The most data TCP puts in one segment = MTU − { $ip } header { $header } − TCP header 20 = { $mss } bytes. Each side announces it in the MSS option of its SYN; with the TCP timestamps option (12 bytes) it is { $with_timestamps } bytes in practice.
demo-encap-fragmentation = Fragmentation
demo-encap-fragmentation-v6 = IPv6 routers never fragment a packet: a packet too big comes back as ICMPv6 Packet Too Big, and only the sending host may split it, with a fragment header (RFC 8200 §5).
demo-encap-fragmentation-v4 = The IPv4 header has Don't fragment set, so a router does not fragment but answers with ICMP Fragmentation Needed: this is how Path MTU Discovery works (RFC 1191).
demo-encap-hex-heading = hex dump ({ $bytes } bytes, without preamble and FCS)
demo-encap-decode-again = Take it apart again
demo-encap-decode-again-text = synack demo encap --decode HEX: give it the frame_hex of --format json and the same tree comes out.
demo-encap-tree-received = Headers by layer (in the order received: bottom layer first)
demo-encap-tree-frame = Headers by layer (in frame order, like Wireshark's packet details)
demo-encap-checksums-ok = all correct
demo-encap-checksums-bad = some do not match (see incorrect in the tree above)
demo-encap-checksums = Recomputed from the bytes received and compared with the header values: { $verdict }. The IPv4 header checksum covers the header only (RFC 791); the TCP checksum is the 16-bit ones' complement sum over a pseudo-header (addresses, protocol, length) and the whole segment (RFC 9293 §3.1). IPv6 has no header checksum.
