# ARQ, WebSocket, 캡슐화 모델(synack demo arq, websocket, encap)이 답하는 연습 문제.

exercise-arq-retransmit-title = 세그먼트 하나를 잃었을 때 다시 보내는 세그먼트 (Go-Back-N: 그 뒤 전부, Selective Repeat: 그것만)
exercise-arq-retransmit-question = 방식 { $protocol }, window { $window } 세그먼트. 세그먼트 1–{ $segments }번 전송 중 { $drop }번의 첫 전송만 손실됩니다. 다시 보내는 세그먼트 번호는? (쉼표로 나열)
exercise-arq-retransmit-why-gbn = Go-Back-N. receiver 쪽: 순서가 어긋난 세그먼트는 버리고 누적 ACK만. sender 쪽: timeout 때 잃은 세그먼트부터 window 안에서 보낸 세그먼트 모두 다시 전송
exercise-arq-retransmit-why-sr = Selective Repeat. receiver 쪽: 순서가 어긋난 세그먼트도 buffer에 두고 세그먼트마다 ACK. sender 쪽: timer 만료된 그 세그먼트만 다시 전송

exercise-arq-retransmissions-title = ARQ 방식별 재전송 횟수: stop-and-wait, Go-Back-N, Selective Repeat, TCP(SACK)
exercise-arq-retransmissions-question = 방식 { $protocol }, { $window }. 세그먼트 1–{ $segments }번 전송 중 { $drop }번의 첫 전송만 손실됩니다. 재전송은 모두 몇 번입니까? (TCP: SACK, 중복 ACK 3개의 fast retransmit)
exercise-arq-retransmissions-explanation = 다시 보낸 세그먼트: { $again }, 재전송 { $count }번 (stop-and-wait·SR·TCP: 잃은 것만, Go-Back-N: 잃은 것부터 window 안의 것 모두)

exercise-websocket-accept-key-title = Sec-WebSocket-Accept 값 계산: base64(SHA-1(Sec-WebSocket-Key + GUID)) (RFC 6455 §4.2.2)
exercise-websocket-accept-key-question = 클라이언트의 opening handshake에 Sec-WebSocket-Key: { $key } 헤더가 있습니다. 서버의 101 응답에 담을 Sec-WebSocket-Accept 값은? (GUID { $guid })
exercise-websocket-accept-key-explanation = RFC 6455 §4.2.2: key 문자열 뒤에 GUID 문자열을 붙여 SHA-1, 그 20바이트를 base64 → { $accept }. 암호화가 아니라, 서버 쪽의 WebSocket 이해 여부 확인입니다

exercise-encap-mss-title = MTU에서 MSS 구하기: MTU − IP header(IPv4 20, IPv6 40) − TCP header 20
exercise-encap-mss-question = MTU { $mtu }바이트 링크 위의 { $ip } TCP 연결: MSS 값은 몇 바이트입니까? (IP, TCP option 없음)
exercise-encap-mss-explanation = MSS = MTU − { $ip } 헤더 { $ip_len }바이트 − TCP 헤더 20바이트 = { $mtu } − { $ip_len } − 20 = { $mss } (RFC 9293 §3.7.1)

exercise-tls-round-trips-title = 첫 요청까지 TLS handshake의 round trip 수: 1.2, 1.3, resumption, 0-RTT
exercise-tls-session-full = 첫 방문, 전체 handshake
exercise-tls-session-resumed = 이전 세션 resumption, 0-RTT 없음
exercise-tls-session-zero-rtt = 이전 세션 resumption, 0-RTT early data 사용
exercise-tls-round-trips-question = 클라이언트가 TLS { $version } 연결을 엽니다 ({ $session }). TCP handshake가 끝난 뒤 HTTP 요청의 첫 바이트를 보낼 수 있을 때까지 round trip은 몇 번입니까? (0: ClientHello와 함께 보냄)
exercise-tls-why-12-full = TLS 1.2: ClientHello → ServerHello…ServerHelloDone, 이어서 ClientKeyExchange, ChangeCipherSpec, Finished → 서버의 ChangeCipherSpec과 Finished를 받은 뒤에야 요청 (RFC 5246 §7.3)
exercise-tls-why-12-resumed = TLS 1.2 resumption (session ID나 ticket, RFC 5077): 서버가 바로 ServerHello, ChangeCipherSpec, Finished로 답하고, 클라이언트의 Finished와 요청이 함께 갑니다
exercise-tls-why-13-full = TLS 1.3: ClientHello에 key_share를 실어 보내므로 서버의 첫 응답으로 키가 정해지고, 클라이언트의 Finished와 요청이 함께 갑니다 (RFC 8446 §2)
exercise-tls-why-13-resumed = TLS 1.3 PSK (이전 연결의 NewSessionTicket): Certificate와 CertificateVerify는 빠지지만 여전히 round trip 한 번 (RFC 8446 §2.2)
exercise-tls-why-zero-rtt = 0-RTT: PSK로 resumption하는 클라이언트는 ClientHello와 함께 early data를 보냅니다 (RFC 8446 §2.3). replay될 수 있으므로 idempotent한 요청에만 씁니다
exercise-tls-round-trips-explanation = { $why } → round trip { $count }번

exercise-tcp-vs-udp-recv-calls-title = TCP와 UDP의 recv() 횟수: byte stream과 경계가 유지되는 datagram
exercise-recv-calls-no-loss = 손실 없음
exercise-recv-calls-udp-loss = { $lost }번째 datagram 손실
exercise-recv-calls-tcp-loss = { $lost }번째 send의 세그먼트가 한 번 손실된 뒤 재전송
exercise-tcp-vs-udp-recv-calls-question = { $protocol }로 송신자가 send()를 { $sends }번 호출합니다 (각 { $sizes }바이트). { $loss }. 올 것이 모두 도착한 뒤 수신자가 { $buffer }바이트 buffer로 데이터가 없을 때까지 recv()를 호출합니다. 데이터를 돌려주는 recv() 호출은 몇 번입니까?
exercise-recv-calls-why-udp = UDP는 메시지 경계를 유지합니다: datagram 하나에 recv() 한 번 (buffer보다 긴 것은 잘림), 잃은 datagram은 오지 않습니다: { $sends } − { $lost } = { $count }
exercise-recv-calls-why-tcp = TCP는 byte stream입니다: send() 경계는 남지 않고 잃은 세그먼트는 재전송되므로, { $total }바이트를 { $buffer }바이트씩 읽습니다: { $count }

exercise-websocket-masking-title = WebSocket masking: 클라이언트 payload의 각 바이트 XOR masking key (RFC 6455 §5.3)
exercise-websocket-masking-question = WebSocket 클라이언트가 텍스트 "{ $payload }" (바이트 { $bytes })를 masking key { $mask }로 보냅니다. mask된 payload 바이트는? (16진수)
exercise-websocket-masking-explanation = RFC 6455 §5.3: i번째 바이트 XOR key의 (i mod 4)번째 바이트. 첫 바이트: { $first } XOR { $key } = { $masked }. 클라이언트에서 서버로 가는 frame은 모두 mask합니다: proxy가 cache할 내용으로 오인하지 않도록 → { $answer }

exercise-flow-advertised-window-title = TCP 수신자가 알리는 receive window: buffer 크기 − 아직 읽지 않은 바이트
exercise-flow-advertised-window-question = TCP 수신자의 receive buffer는 { $buffer }바이트입니다. { $received }바이트가 순서대로 도착했고 application이 그중 { $read }바이트를 읽었습니다. 다음 ACK에 담는 window(rwnd)는 몇 바이트입니까?
exercise-flow-advertised-window-explanation = rwnd = buffer − 읽지 않은 바이트 = { $buffer } − ({ $received } − { $read }) = { $buffer } − { $unread } = { $rwnd } (RFC 9293 §3.8.6.2.2; 0이 되면 송신자는 멈추고 persist timer로 probe를 보냅니다)

exercise-encap-pdu-name-title = 계층별 PDU 이름: 데이터, 세그먼트 또는 datagram, 패킷, 프레임, 비트
exercise-layer-application = 응용
exercise-layer-transport = 전송
exercise-layer-network = 네트워크(IP)
exercise-layer-link = 데이터 링크(Ethernet)
exercise-layer-physical = 물리
exercise-encap-pdu-name-question = 웹 요청이 { $protocol }/IP와 Ethernet으로 나갑니다. { $layer } 계층의 PDU 이름은?
exercise-encap-pdu-name-explanation = 위에서부터: 응용 data → { $transport } (전송) → packet (네트워크) → frame (데이터 링크) → bits (물리). { $layer } 계층: { $pdu }
