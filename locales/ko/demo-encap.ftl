# synack demo encap (src/sim/network/encap.rs)

demo-encap-about = HTTP 요청 하나의 캡슐화: data → TCP segment → IP packet → Ethernet frame → bits
demo-encap-after-help = --decode HEX는 frame을 다시 풉니다: --format json의 frame_hex, 또는 IPv4나 IPv6에 TCP나 UDP를 실은 아무 Ethernet frame.
demo-encap-opt-ipv6 = 요청을 IPv4 대신 IPv6 packet에 싣습니다
demo-encap-opt-mtu = link의 MTU, 이것으로 MSS가 정해집니다 (IPv4는 576 이상, IPv6는 1280 이상)
demo-encap-opt-decode = 대신 이 Ethernet frame을 풉니다 (hex; 공백과 콜론 허용)
demo-encap-err-digit = 바이트 위치 { $at }의 { $char }: hex 숫자가 아닙니다
demo-encap-err-empty = 바이트가 없습니다
demo-encap-err-odd = hex 숫자의 개수가 홀수입니다 ({ $count }개): 한 바이트는 두 자리입니다
demo-encap-err-ipv4-length = IPv4: total length는 { $total }인데 Ethernet header 뒤에 { $left } bytes만 있습니다
demo-encap-err-ipv6-length = IPv6: payload length는 { $payload }인데 header 뒤에 { $left } bytes만 있습니다
demo-encap-err-ethertype = EtherType 0x{ $code } ({ $name }): IPv4와 IPv6 frame만 풉니다
demo-encap-err-protocol = IP protocol { $number } ({ $name }): TCP와 UDP만 풉니다
demo-encap-err-build = frame을 만들 수 없습니다: { $error }
demo-encap-err-mtu = --mtu { $mtu }: IPv6에는 1280 이상의 link MTU가 필요합니다 (RFC 8200 §5)

demo-encap-decode-title = 역캡슐화(decapsulation): { $bytes } bytes frame을 계층별로 풀기
demo-encap-decode-text = 수신 쪽은 아래 계층부터 header를 하나씩 읽고 떼어 내어 다음 계층에 넘깁니다: Ethernet의 EtherType이 IP 버전을, IP의 protocol 번호가 TCP인지 UDP인지를, port 번호가 받을 application을 정합니다.
demo-encap-run-title = 캡슐화(encapsulation): HTTP 요청 하나가 Ethernet frame이 되기까지 ({ $ip })
demo-encap-text = 보내는 쪽에서는 위 계층의 PDU 전체가 아래 계층의 payload가 되고, 계층마다 자기 header를 앞에 붙입니다. OSI 7계층의 5~7계층(session, presentation, application)은 TCP/IP 모델에서 application 계층 하나입니다.
demo-encap-col-size = 크기
demo-encap-layers-title = 계층과 PDU
demo-encap-mtu-heading = MTU와 MSS
demo-encap-mtu = link 하나가 한 frame에 싣는 IP packet의 최대 크기: 이 link에서는 { $mtu } bytes (Ethernet 기본값 1500). 이 packet의 크기는 { $packet } bytes입니다.
demo-encap-mss = TCP가 segment 하나에 싣는 data의 최대 크기 = MTU − { $ip } header { $header } − TCP header 20 = { $mss } bytes. SYN의 MSS option으로 서로 알리며, TCP timestamps option(12 bytes)을 쓰면 실제로는 { $with_timestamps } bytes입니다.
demo-encap-fragmentation = 분할
demo-encap-fragmentation-v6 = IPv6 router는 packet을 쪼개지 않습니다: 큰 packet은 ICMPv6 Packet Too Big으로 돌아오고, 보낸 host만 fragment header로 나눌 수 있습니다(RFC 8200 §5).
demo-encap-fragmentation-v4 = IPv4 header의 Don't fragment가 켜져 있어 router가 쪼개지 않고 ICMP Fragmentation Needed로 알립니다: Path MTU Discovery(RFC 1191)가 이렇게 동작합니다.
demo-encap-hex-heading = hex dump ({ $bytes } bytes, preamble과 FCS 제외)
demo-encap-decode-again = 다시 풀기
demo-encap-decode-again-text = synack demo encap --decode HEX: --format json의 frame_hex를 넣으면 같은 tree가 나옵니다.
demo-encap-tree-received = 계층별 header (받은 순서: 아래 계층부터)
demo-encap-tree-frame = 계층별 header (frame 안의 순서, Wireshark의 packet details처럼)
demo-encap-checksums-ok = 모두 맞습니다
demo-encap-checksums-bad = 맞지 않는 것이 있습니다 (위 tree의 incorrect)
demo-encap-checksums = 받은 bytes에서 다시 계산해 header 값과 비교했습니다: { $verdict }. IPv4 header checksum은 header만(RFC 791), TCP checksum은 pseudo-header(주소, protocol, 길이)와 segment 전체를 덮는 16-bit 1의 보수 합입니다(RFC 9293 §3.1). IPv6에는 header checksum이 없습니다.
