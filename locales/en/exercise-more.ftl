# Exercises answered by the ARQ, WebSocket and encapsulation models
# (synack demo arq, websocket, encap).

exercise-arq-retransmit-title = The segments sent again after one loss (Go-Back-N: all after it, Selective Repeat: that one)
exercise-arq-retransmit-question = { $protocol } with a window of { $window } segments sends segments 1–{ $segments }; only the first transmission of segment { $drop } is lost. Which segments are sent again? (list them)
exercise-arq-retransmit-why-gbn = Go-Back-N. The receiver drops out-of-order segments and only ACKs cumulatively; on a timeout the sender sends again every segment of the window from the lost one on
exercise-arq-retransmit-why-sr = Selective Repeat. The receiver buffers out-of-order segments and ACKs each; the sender sends again only the segment whose timer expired

exercise-arq-retransmissions-title = Retransmissions per ARQ scheme: stop-and-wait, Go-Back-N, Selective Repeat, TCP (SACK)
exercise-arq-retransmissions-question = { $protocol } ({ $window }) sends segments 1–{ $segments }; only the first transmission of segment { $drop } is lost. How many retransmissions are there in all? (TCP: SACK and fast retransmit on 3 duplicate ACKs)
exercise-arq-retransmissions-explanation = Segments sent again: { $again }, { $count ->
    [one] one retransmission
   *[other] { $count } retransmissions
 } (stop-and-wait, SR and TCP: the lost one only; Go-Back-N: every one in the window from the lost one on)

exercise-websocket-accept-key-title = Computing Sec-WebSocket-Accept: base64(SHA-1(Sec-WebSocket-Key + GUID)) (RFC 6455 §4.2.2)
exercise-websocket-accept-key-question = The client's opening handshake carries Sec-WebSocket-Key: { $key }. What Sec-WebSocket-Accept does the server's 101 carry? (GUID { $guid })
exercise-websocket-accept-key-explanation = RFC 6455 §4.2.2: the key string followed by the GUID string, SHA-1, its 20 bytes in base64 → { $accept }. Not encryption: it shows the server understood WebSocket

exercise-encap-mss-title = MSS from MTU: MTU − IP header (IPv4 20, IPv6 40) − TCP header 20
exercise-encap-mss-question = A TCP connection over { $ip } on a link with an MTU of { $mtu } bytes: what is the MSS, in bytes? (no IP or TCP options)
exercise-encap-mss-explanation = MSS = MTU − { $ip } header { $ip_len } − TCP header 20 = { $mtu } − { $ip_len } − 20 = { $mss } (RFC 9293 §3.7.1)
