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
exercise-encap-mss-explanation = MSS = MTU − { $ip } header { $ip_len } − TCP header 20 = { $mtu } − { $ip_len } − 20 = { $mss } (RFC 9293 §3.7.1)
