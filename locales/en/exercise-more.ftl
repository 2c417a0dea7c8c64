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

exercise-tls-round-trips-title = Round trips of a TLS handshake before the first request: 1.2, 1.3, resumption, 0-RTT
exercise-tls-session-full = a first visit, full handshake
exercise-tls-session-resumed = resuming an earlier session, without 0-RTT
exercise-tls-session-zero-rtt = resuming an earlier session, with 0-RTT early data
exercise-tls-round-trips-question = A client opens a TLS { $version } connection ({ $session }). Once TCP's handshake is done, how many round trips pass before it may send the first byte of its HTTP request? (0: it goes with the ClientHello)
exercise-tls-why-12-full = TLS 1.2: ClientHello → ServerHello…ServerHelloDone, then ClientKeyExchange, ChangeCipherSpec, Finished → the server's ChangeCipherSpec and Finished; only then the request (RFC 5246 §7.3)
exercise-tls-why-12-resumed = TLS 1.2 resumption (session ID or ticket, RFC 5077): the server answers ServerHello, ChangeCipherSpec, Finished at once, and the client's Finished goes with the request
exercise-tls-why-13-full = TLS 1.3: the ClientHello carries key_share, so the server's first flight sets the keys and the client's Finished goes with the request (RFC 8446 §2)
exercise-tls-why-13-resumed = TLS 1.3 with a PSK (a NewSessionTicket from before): no Certificate or CertificateVerify, but still one round trip (RFC 8446 §2.2)
exercise-tls-why-zero-rtt = 0-RTT: a client resuming with a PSK sends early data with its ClientHello (RFC 8446 §2.3); it can be replayed, so only for idempotent requests
exercise-tls-round-trips-explanation = { $why } → { $count ->
    [one] 1 round trip
   *[other] { $count } round trips
 }

exercise-tcp-vs-udp-recv-calls-title = recv() calls over TCP and UDP: a byte stream against datagrams kept whole
exercise-recv-calls-no-loss = nothing is lost
exercise-recv-calls-udp-loss = datagram { $lost } is lost
exercise-recv-calls-tcp-loss = the segment with send { $lost } is lost once and retransmitted
exercise-tcp-vs-udp-recv-calls-question = Over { $protocol }, the sender makes { $sends } send() calls of { $sizes } bytes; { $loss }. Once everything that will arrive has arrived, the receiver calls recv() with a { $buffer }-byte buffer until no data is left. How many recv() calls return data?
exercise-recv-calls-why-udp = UDP keeps message boundaries: one recv() per datagram (a longer one is cut to the buffer), and a lost datagram never comes: { $sends } − { $lost } = { $count }
exercise-recv-calls-why-tcp = TCP is a byte stream: send() boundaries are not kept and a lost segment is sent again, so { $total } bytes are read { $buffer } at a time: { $count }

exercise-websocket-masking-title = WebSocket masking: each byte of a client's payload XOR the masking key (RFC 6455 §5.3)
exercise-websocket-masking-question = A WebSocket client sends the text "{ $payload }" (bytes { $bytes }) with the masking key { $mask }. What are the masked payload bytes, in hex?
exercise-websocket-masking-explanation = RFC 6455 §5.3: byte i XOR key byte i mod 4; the first: { $first } XOR { $key } = { $masked }. Every client-to-server frame is masked, so that a proxy cannot mistake it for something it caches → { $answer }

exercise-flow-advertised-window-title = The receive window a TCP receiver advertises: its buffer less the bytes not read yet
exercise-flow-advertised-window-question = A TCP receiver has a { $buffer }-byte receive buffer. { $received } bytes have arrived in order and the application has read { $read } of them. What window (rwnd) does its next ACK advertise, in bytes?
exercise-flow-advertised-window-explanation = rwnd = buffer − unread = { $buffer } − ({ $received } − { $read }) = { $buffer } − { $unread } = { $rwnd } (RFC 9293 §3.8.6.2.2; at 0 the sender stops and probes with its persist timer)

exercise-encap-pdu-name-title = The name of each layer's PDU: data, segment or datagram, packet, frame, bits
exercise-layer-application = application
exercise-layer-transport = transport
exercise-layer-network = network (IP)
exercise-layer-link = data link (Ethernet)
exercise-layer-physical = physical
exercise-encap-pdu-name-question = A web request goes out over { $protocol }/IP and Ethernet. What is the PDU of the { $layer } layer called?
exercise-encap-pdu-name-explanation = Top down: application data → { $transport } (transport) → packet (network) → frame (data link) → bits (physical); at the { $layer } layer: { $pdu }
