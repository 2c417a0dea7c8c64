# synack demo webrtc (src/sim/web/webrtc.rs): ICE, STUN and TURN across NATs.

demo-webrtc-examples = 예:
demo-webrtc-about = ICE 후보, 127.0.0.1의 실제 STUN Binding, 그리고 시뮬레이션한 NAT 두 개를 건너는 연결 검사
demo-webrtc-opt-nat-a = peer A 앞의 NAT
demo-webrtc-opt-nat-b = peer B 앞의 NAT
demo-webrtc-opt-peers = 그룹 통화의 peer 수, mesh·SFU·MCU 구조로 비교합니다 (2-50)
demo-webrtc-nat-full-cone = mapping, filtering 모두 endpoint-independent
demo-webrtc-nat-address-restricted = endpoint-independent mapping, address-dependent filtering
demo-webrtc-nat-port-restricted = endpoint-independent mapping, address-and-port-dependent filtering
demo-webrtc-nat-symmetric = mapping, filtering 모두 address-and-port-dependent

demo-webrtc-stun-short = STUN 메시지가 20바이트 헤더보다 짧습니다
demo-webrtc-stun-not-stun = STUN이 아닙니다: 맨 앞 두 비트가 00 값이 아니거나 magic cookie가 틀립니다
demo-webrtc-stun-length = STUN 길이 필드가 datagram 길이와 맞지 않습니다
demo-webrtc-stun-no-address = IPv4 XOR-MAPPED-ADDRESS 속성이 없습니다
demo-webrtc-err-not-ipv4 = STUN client의 주소는 IPv4 주소가 아닙니다
demo-webrtc-err-panic = STUN server 스레드가 panic 상태로 끝났습니다
demo-webrtc-err-response = STUN 응답: { $error }
demo-webrtc-err-transaction = STUN 응답: 이 transaction의 Binding success가 아닙니다

demo-webrtc-title-run = WebRTC: ICE로 NAT 너머의 peer 찾기 (A: { $a }, B: { $b })
demo-webrtc-step-stun = 1. STUN Binding: 진짜 UDP 두 socket, 127.0.0.1
demo-webrtc-stun-intro = peer는 STUN server에 Binding request를 보내고, server는 그 datagram의 출발지 주소(IP와 port)를 XOR-MAPPED-ADDRESS에 담아 돌려줍니다. NAT 뒤라면 그 주소가 NAT의 공인 mapping, 곧 server-reflexive(srflx) 후보입니다. 아래는 이 기계의 loopback에서 실제로 오간 datagram입니다 (port는 매번 달라 역할로 씁니다).
demo-webrtc-stun-mapped-note = XOR-MAPPED-ADDRESS = 보낸 쪽에서 본 출발지
demo-webrtc-stun-masked = response (XOR-MAPPED-ADDRESS의 port·주소는 ??):
demo-webrtc-stun-parsed = 받은 응답 (parse)
demo-webrtc-stun-same-id = 요청과 같음
demo-webrtc-stun-same-socket = client socket과 같은가
demo-webrtc-stun-same = 같음: loopback에는 NAT 없음: host = srflx
demo-webrtc-stun-different = 다름
demo-webrtc-why-xor-label = 왜 XOR
demo-webrtc-why-xor = 주소를 그대로 싣던 RFC 3489 시절, payload 속 IP를 고쳐 쓰는 NAT(ALG)가 주소를 망가뜨렸습니다. magic cookie와 XOR해 두면 그런 장비도 알아보지 못합니다 (RFC 8489 §14.2).
demo-webrtc-step-gather = 2. 후보(candidate) 모으기: host, srflx, relay
demo-webrtc-gather-intro = A가 NAT 뒤에서 같은 Binding을 보내면 STUN server가 보는 출발지는 NAT A의 mapping { $srflx }입니다. 그 주소를 XOR-MAPPED-ADDRESS로 바꾸면:
demo-webrtc-col-address = 주소
demo-webrtc-candidates-title = 후보 (RFC 8445 §5.1.2: type 선호도 host 126 > prflx 110 > srflx 100 > relay 0)
demo-webrtc-candidate-kinds = host는 peer의 사설 주소, srflx는 STUN으로 알아낸 NAT의 공인 mapping, relay는 TURN server(RFC 8656)에 할당받은 주소입니다. 검사 중에 상대에게서 처음 보는 주소로 packet이 오면 그것이 peer-reflexive(prflx) 후보가 됩니다.
demo-webrtc-step-signaling = 3. Signaling: SDP offer/answer (개요)
demo-webrtc-signaling = WebRTC는 signaling 방법을 정하지 않습니다. 보통 WebSocket 같은 server를 거쳐 SDP(RFC 8866) offer와 answer(RFC 3264)를 주고받고, 후보는 모이는 대로 따로 보냅니다 (trickle ICE, RFC 8838). 미디어는 이 server를 지나지 않습니다.
demo-webrtc-trickle-note = B의 후보도 같은 길로 A에게
demo-webrtc-sdp-fingerprint = a=fingerprint:sha-256 (DTLS 인증서의 hash)
demo-webrtc-sdp-raddr = (srflx·relay 줄 끝의 raddr·rport 생략)
demo-webrtc-step-checks = 4. 연결 검사(connectivity check): 후보 쌍마다 STUN Binding
demo-webrtc-checks-intro = 두 peer는 host끼리부터 후보 쌍을 우선순위 순으로 검사합니다. A의 host 192.168.1.10과 B의 host 10.0.0.20은 서로 다른 사설망이라 route가 없어 실패합니다. 다음은 srflx 쌍: 양쪽이 동시에 상대의 공인 mapping으로 보내 NAT에 구멍을 뚫습니다 (hole punching).
demo-webrtc-response = 응답
demo-webrtc-request = 요청
demo-webrtc-round-passed = { $round }차: 통과
demo-webrtc-round-dropped = { $round }차: { $nat } NAT에서 버림 (보낸 적 없는 상대)
demo-webrtc-col-a = A 후보
demo-webrtc-col-b = B 후보
demo-webrtc-col-result = 결과
demo-webrtc-pairs-title = 후보 쌍 검사
demo-webrtc-pair-host = 실패: 사설 주소끼리는 route 없음
demo-webrtc-pair-ok = 성공 ({ $round }차)
demo-webrtc-pair-relay-unused = 성공 (쓰지 않음: 더 낮은 우선순위)
demo-webrtc-pair-dropped = 실패: NAT에서 버림
demo-webrtc-pair-relay = 성공: TURN server가 중계
demo-webrtc-media-label = 미디어
demo-webrtc-media = 선택된 쌍으로 RTP가 바로 흐릅니다: A → NAT A → { $a_to } (NAT B의 mapping) → B, B → NAT B → { $b_to } → A. STUN server는 주소를 알려 주었을 뿐 미디어를 나르지 않습니다. NAT mapping은 keepalive(STUN Binding indication)로 유지합니다.
demo-webrtc-why-turn-label = TURN이 필요한 이유
demo-webrtc-why-turn = { $nat } NAT에서는 목적지마다 새 공인 port를 만들어 STUN이 알려 준 srflx 주소와 실제로 상대에게 보낼 때의 port가 다르고, 상대 NAT의 filtering은 보낸 적 있는 주소와 port에서 온 packet만 들입니다. 그래서 어느 쪽도 들어가지 못합니다. relay 후보로 바꾸면 A는 B의 relay 주소 { $b_relay }, B는 A의 relay 주소 { $a_relay }에 보내고, TURN server가 중계합니다. 각자 자기가 보낸 적 있는 server에서 packet을 받으니 어떤 NAT도 통과합니다 (대가: server 대역폭과 지연).
demo-webrtc-step-matrix = 5. NAT 조합별 결과
demo-webrtc-matrix-title = 직접 연결(srflx/prflx) 되는가, 아니면 TURN relay
demo-webrtc-direct = 직접
demo-webrtc-matrix-note = symmetric NAT도 상대가 full-cone이나 address-restricted면 직접 됩니다: 상대 NAT의 filtering은 port를 따지지 않기 때문입니다. symmetric과 port-restricted, symmetric끼리는 TURN 없이는 안 됩니다.
demo-webrtc-step-group = 6. 여러 명이 통화할 때: mesh, SFU, MCU ({ $n }명)
demo-webrtc-col-topology = 구조
demo-webrtc-col-connections = 연결 수
demo-webrtc-col-upload = peer당 upload
demo-webrtc-col-download = peer당 download
demo-webrtc-topologies = mesh는 server가 필요 없지만 peer마다 N−1개를 올려 보내야 해 몇 명을 넘기 어렵습니다. SFU(Selective Forwarding Unit)는 하나만 받아 나머지에게 그대로 전달하고, MCU(Multipoint Control Unit)는 server가 모두 decode해 하나로 섞어 다시 encode하므로 peer는 편하지만 server의 CPU가 많이 듭니다.
