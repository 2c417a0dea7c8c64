# synack demo ip (src/sim/network/ip.rs)

demo-ip-about = IP 주소 체계: CIDR의 network, broadcast, host 범위, 특수 주소 범위, IPv4와 IPv6, NAT
demo-ip-opt-cidr = prefix 길이를 붙인 IPv4 또는 IPv6 주소 (prefix가 없으면 /32 또는 /128)
demo-ip-opt-nat = 내부 host 세 대가 있는 집 router의 NAPT 표도 시뮬레이션합니다
demo-ip-opt-mapping = NAT의 mapping 동작 (RFC 4787 §4.1)
demo-ip-opt-filtering = NAT의 filtering 동작 (RFC 4787 §5)
demo-ip-err-address = { $input }: IPv4 주소도 IPv6 주소도 아닙니다
demo-ip-err-prefix = { $input }: prefix 길이는 0부터 { $max }까지입니다

demo-ip-range-private = private (사설)

demo-ip-v4-title = IPv4 주소와 CIDR: { $cidr }
demo-ip-v4-text = /{ $len }: 앞의 { $len } bits가 network 부분, 나머지 { $host } bits가 host 부분입니다. network 주소는 host bits가 모두 0, broadcast 주소는 모두 1입니다.
demo-ip-col-address = 주소
demo-ip-col-binary = 2진수
demo-ip-row-address = 주소
demo-ip-none = 없음
demo-ip-row-first-host = 첫 host
demo-ip-row-last-host = 끝 host
demo-ip-count-32 = /32: 주소 1개, host 자신 하나입니다 (host route).
demo-ip-count-31 = /31: 주소 2개가 모두 host입니다. point-to-point link에는 network와 broadcast 주소가 필요 없습니다 (RFC 3021).
demo-ip-count = 2^{ $bits } = { $addresses } 주소 − network 1 − broadcast 1 = 쓸 수 있는 host { $usable }개
demo-ip-host-count = host 수

demo-ip-v6-title = IPv6 주소와 prefix: { $cidr }
demo-ip-v6-text = IPv6 주소는 128 bits, 16 bits씩 8묶음을 16진수로 씁니다. 각 묶음의 앞자리 0은 생략하고, 0인 묶음이 이어지는 가장 긴 곳 한 번만 :: 하나로 줄입니다 (RFC 5952).
demo-ip-row-compressed = 줄인 표기
demo-ip-row-expanded = 전체 표기
demo-ip-row-range-end = 범위 끝
demo-ip-row-addresses = 주소 수
demo-ip-v6-broadcast = IPv6에는 broadcast 주소가 없습니다: 모든 주소가 host에 쓰일 수 있고, 모두에게 보낼 때는 multicast(ff02::1, all-nodes)를 씁니다. LAN 하나는 보통 /64입니다 (SLAAC).

demo-ip-ranges-title = 특수 주소 범위
demo-ip-col-range = 범위
demo-ip-col-use = 용도
demo-ip-this-address-mark = ← 이 주소
demo-ip-this-address = 이 주소
demo-ip-public-v4 = { $addr }: 특수 범위 밖의 public (global) 주소
demo-ip-global-v6 = { $addr }: 특수 범위 밖의 global unicast 주소 (2000::/3)

demo-ip-compare-title = IPv4와 IPv6
demo-ip-cmp-length = 주소 길이
demo-ip-cmp-notation = 표기
demo-ip-cmp-notation-v4 = 점 10진수 192.0.2.1
demo-ip-cmp-notation-v6 = 콜론 16진수 2001:db8::1 (:: 줄임)
demo-ip-cmp-header-v6 = 40 bytes 고정 (extension header)
demo-ip-cmp-yes = 있음
demo-ip-cmp-checksum-v6 = 없음 (위 계층이 검사)
demo-ip-cmp-broadcast-v6 = 없음 (multicast)
demo-ip-cmp-resolution = 주소 해석
demo-ip-cmp-fragmentation = 분할
demo-ip-cmp-fragmentation-v4 = router도 (DF가 없으면)
demo-ip-cmp-fragmentation-v6 = 보낸 host만
demo-ip-cmp-autoconf = 자동 설정

demo-ip-nat-heading = NAPT: 집 router 하나, 공인 IP 하나 ({ $public }), mapping { $mapping }, filtering { $filtering }
demo-ip-nat-text = 사설 주소(RFC 1918)는 인터넷에서 route되지 않으므로 router가 나가는 packet의 출발지를 자기 공인 IP와 port 하나로 바꾸고, 그 짝을 표에 적어 두었다가 돌아오는 packet을 되돌려 보냅니다. 여러 host가 port 번호로 구별됩니다 (NAPT).
demo-ip-lane-inside = 내부 host
demo-ip-lane-router = NAT router
demo-ip-lane-outside = 외부 host
demo-ip-why-new = 새 연결: 표에 새 줄
demo-ip-why-other-host = 같은 inside port 50000이라도 host가 다르면 공인 port가 다릅니다
demo-ip-why-other-destination = 같은 socket, 다른 목적지: mapping 규칙이 port 재사용 여부를 정합니다
demo-ip-why-third = 세 번째 host
demo-ip-rewrite-source = 출발지를 바꿉니다: { $inside } ⇒ { $outside }. { $why }
demo-ip-why-reply = 보낸 적 있는 상대의 응답
demo-ip-why-other-port = 보낸 적 있는 IP, 다른 port
demo-ip-why-stranger = 한 번도 보낸 적 없는 host
demo-ip-why-unknown-port = 표에 없는 port
demo-ip-delivered = 목적지를 되돌려 전달합니다: { $to } ⇒ { $inside }. { $why }
demo-ip-filtered = 버림: { $filtering } filtering. { $why }
demo-ip-no-mapping = 버림: 이 port의 mapping이 없습니다. { $why }
demo-ip-col-inside = inside (사설 src)
demo-ip-col-outside = outside (공인 src)
demo-ip-col-remote = 상대 (dst)
demo-ip-nat-table = NAPT 표: 4-tuple (src ip:port, dst ip:port)의 src만 바뀝니다
demo-ip-rfc4787 = mapping: endpoint-independent면 socket 하나가 어디로 보내든 같은 공인 port (P2P와 STUN이 기대하는 것, REQ-1), address-and-port-dependent면 목적지마다 새 port (옛 이름 symmetric NAT). filtering: 누가 보낸 packet을 들여보내는지. 옛 RFC 3489의 full cone, restricted cone, port-restricted cone이 이 조합입니다.
